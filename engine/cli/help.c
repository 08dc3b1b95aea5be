/* The help text: the one source of `niact --help`, of each `niact COMMAND --help`, of
 * the usage errors, and (through `niact --help` at build time) of the man page
 * niact.6. docs/cli.md quotes it; tests/unit/test_cli_paths.c checks the quote. */
#include "cli.h"

#include <string.h>

/* One part of the text per command; "" is the window (niact with no command). */
typedef struct help_part {
    const char *cmd;  /* the command, as typed after niact */
    const char *text; /* its lines, each ending in a newline */
} help_part;

static const help_part parts[] = {
    {"",
     "niact [OPTIONS]               the game window (title screen)\n"
     "    --scenario NAME|DIR       the scenario a new game offers first\n"
     "    --scale 0.75-2            size of text and controls (default 1)\n"
     "    --size WxH                window size, at least 640x400 (default 1280x720)\n"
     "    --fullscreen              fill the screen\n"
     "    --preset paper|projector  projector: large type, high contrast (default paper)\n"
     "                              (scale, preset, size and full screen are remembered\n"
     "                              in $XDG_CONFIG_HOME/niact/settings)\n"
     "niact --version               one line: name and version\n"
     "niact --help                  this text (also -h); niact COMMAND --help: its part\n"},
    {"play",
     "niact play [OPTIONS]          play a game, in the window or (--text) in the terminal\n"
     "    --scenario NAME|DIR       a scenario by name, or a folder (default: first bundled)\n"
     "    --variant ID              one of the scenario's variants (niact rules lists them)\n"
     "    --seat ROLE=human|ai[:PERSONALITY]|actor   repeatable; actor: the role's scripted\n"
     "                              actor (a scenario may declare one); roles left out are\n"
     "                              human (hot seat), or their actor if they have one\n"
     "    --seed N                  the game's random seed (default: from the clock, printed)\n"
     "    --text                    play in the terminal (stdin/stdout) instead of the window\n"
     "    --load FILE|NAME          resume a saved game (its scenario, seed and seats); a\n"
     "                              NAME is a save or autosave in the data folder\n"
     "    --record FILE             write the game record (save/replay) after every turn;\n"
     "                              a FILE that cannot be written is refused (exit 1)\n"
     "    --no-autosave             no autosave (else one per game, in the data folder)\n"
     "    --hashes                  print every turn's state hash at the end (--text)\n"
     "    --scale, --size, --fullscreen, --preset   the window's options, as for niact\n"},
    {"sim",
     "niact sim --games N [OPTIONS] N AI-only games: per role, score mean/sd/min/max and\n"
     "                              how often it scored highest; outcomes, war rate, length\n"
     "    --scenario NAME|DIR       a scenario by name, or a folder (default: first bundled)\n"
     "    --variant ID              one of the scenario's variants (niact rules lists them)\n"
     "    --seed S                  the base seed; each game's seed comes from S and its\n"
     "                              number (default 1)\n"
     "    --ai PERSONALITY          the AI of every seat (default random)\n"
     "    --seat ROLE=PERSONALITY   repeatable: that seat plays another AI than --ai\n"
     "                              (ROLE=actor: the role's scripted actor)\n"
     "    --threads T               worker threads (default: every core); any T gives the\n"
     "                              same result\n"
     "    --json                    the statistics as one JSON document on stdout\n"},
    {"check",
     "niact check DIR|FILE|NAME [OPTIONS]\n"
     "                              validate a scenario (a folder, a file in it, or a name)\n"
     "                              and play it with every personality in its seats: each\n"
     "                              problem once as FILE:LINE: message (xN across G games);\n"
     "                              exit 0 clean or warnings only, 1 with an error\n"
     "    --seeds N                 games per seating, 1-1000 (default 10)\n"
     "    --variant ID              play that variant of the scenario instead\n"},
    {"schema",
     "niact schema --luals|--markdown\n"
     "                              the scenario API's schema, from the table scenarios are\n"
     "                              checked against: LuaLS annotations for an editor\n"
     "                              (niact schema --luals > niact.lua), or the field\n"
     "                              reference of docs/modding.md\n"},
    {"replay",
     "niact replay FILE [OPTIONS]   replay a game record, showing the game as it goes\n"
     "    --verify                  recompute every turn; exit 1 at the first state-hash\n"
     "                              mismatch, naming it\n"
     "    --scenario NAME|DIR       the record's scenario from here instead of by its id\n"},
    {"saves",
     "niact saves                   the saved games and autosaves, newest first: scenario,\n"
     "                              turn, seats, seed, running or finished\n"},
    {"debrief",
     "niact debrief RECORD [OPTIONS]\n"
     "                              a game's debrief in Markdown: scores, the scenario's\n"
     "                              turning points beside the game, dated curves, choices\n"
     "                              beside the scripted historical AI's, negotiation (an\n"
     "                              unfinished game: the turns played, marked unfinished)\n"
     "    --html                    a self-contained HTML page instead (charts as SVG)\n"
     "    --scenario NAME|DIR       the record's scenario from here instead of by its id\n"},
    {"rules",
     "niact rules [OPTIONS]         the scenario's roles, tracks, actions, terms, events and\n"
     "                              objectives, each with its source\n"
     "    --scenario NAME|DIR       a scenario by name, or a folder (default: first bundled)\n"
     "    --variant ID              one of the scenario's variants (niact rules lists them)\n"
     "    --json                    as one JSON document on stdout\n"},
    {"host",
     "niact host [--text] [OPTIONS] run one game for seats on other computers (network);\n"
     "                              prints 'seat ROLE code CODE' for each remote seat and\n"
     "                              runs until the game ends; without --text the moderator\n"
     "                              window (F5: the projector view), with --text the\n"
     "                              moderator console on stdin\n"
     "    --projector-window        (window) open in the projector view\n"
     "    --fullscreen              (window) full screen\n"
     "    --scale, --size, --preset (window) as for play\n"
     "    --port N                  UDP port (default 7962; 0: any free port, on stderr)\n"
     "    --bind ADDR               listen on this IPv4 address only (default: all)\n"
     "    --scenario NAME|DIR       a scenario by name, or a folder (default: first bundled)\n"
     "    --variant ID              one of the scenario's variants (niact rules lists them)\n"
     "                              and sets its deadline on every turn\n"
     "    --seat ROLE=remote|human|ai[:PERSONALITY]   repeatable; roles left out are\n"
     "                              remote; human seats play at the console\n"
     "    --seed N                  the game's random seed (default: from the clock)\n"
     "    --load FILE|NAME          go on with a saved or recorded game (its seed, seats\n"
     "                              and turn); its human seats get new codes\n"
     "    --record FILE, --no-autosave   as for play\n"},
    {"join",
     "niact join HOST[:PORT] --code CODE [--text]\n"
     "                              play the seat with that code in the window (this\n"
     "                              computer needs the host's scenario, the same version)\n"
     "    --text                    in the terminal instead, reading commands from stdin\n"
     "                              as play --text does\n"
     "    --scale, --size, --fullscreen, --preset   the window's, as for play\n"
     "    --projector               instead of --code: the public view, for a projector\n"
     "                              (with --text)\n"},
};

static const char *const trailer =
    "\n"
    "A scenario NAME is looked up in the bundled scenarios, then in the data folder's\n"
    "scenarios/ ($XDG_DATA_HOME/niact, default ~/.local/share/niact), never in the current\n"
    "folder; anything with a '/' is a folder (./mine). Each command says on stderr which\n"
    "folder it loaded. Folders that others can write are refused.\n"
    "Exit status: 0 success, 1 bad input (file, scenario, save), 2 usage error.\n";

int cli_help(FILE *out, const char *cmd) {
    int found = !cmd;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        found |= cmd && strcmp(parts[i].cmd, cmd) == 0;
    if (!found)
        return -1;
    fputs("usage: niact [COMMAND] [OPTIONS]\n\n", out);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (!cmd || strcmp(parts[i].cmd, cmd) == 0)
            fputs(parts[i].text, out);
    fputs(trailer, out);
    return 0;
}

int cli_help_asked(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}
