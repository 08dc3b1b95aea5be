/* niact: the program's entry point and the commands of docs/cli.md. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef NIACT_HAVE_WINDOW
int niact_ui_main(int argc, char **argv);
#endif

static const char *const usage =
    "usage: niact [COMMAND] [OPTIONS]\n"
    "\n"
    "  niact                      the game window (title screen)\n"
    "      --scale 0.75-2 --size WxH --fullscreen   window options (also for play)\n"
    "  niact --version            name and version\n"
    "  niact play [OPTIONS]       play a game\n"
    "      --scenario NAME|DIR    bundled scenario or scenario folder (default november1962)\n"
    "      --seat ROLE=human|ai[:PERSONALITY]   repeatable; roles left out are human\n"
    "      --seed N               random seed (default: from the clock, printed)\n"
    "      --text                 play in the terminal (stdin/stdout)\n"
    "      --load FILE            resume a saved game\n"
    "      --record FILE          write the game record as the game goes\n"
    "      --hashes               print every turn's state hash at the end\n"
    "  niact sim --scenario NAME|DIR --games N [--seed S] [--ai PERSONALITY] [--json]\n"
    "            [--seat ROLE=PERSONALITY]... [--threads T]\n"
    "                             N AI-only games; outcome statistics per role\n"
    "  niact check DIR|FILE       validate a scenario (FILE:LINE: message per problem)\n"
    "  niact replay FILE [--verify]\n"
    "                             replay a game record; --verify checks every state hash\n"
    "  niact debrief RECORD       a finished game's debrief in Markdown: scores, curves,\n"
    "                             choices beside the historical ones, negotiation\n"
    "  niact rules [--scenario NAME|DIR] [--json]\n"
    "                             the scenario's roles, tracks, actions, terms, events and\n"
    "                             objectives, each with its source\n"
    "\n"
    "Exit status: 0 success, 1 bad input (file, scenario, save), 2 usage error.\n";

int main(int argc, char **argv) {
    cli_output_install(); /* nothing printed reaches the terminal as a control sequence */
    if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)) {
        printf("niact %s\n", NIACT_VERSION);
        return CLI_OK;
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "help") == 0)) {
        fputs(usage, stdout);
        return CLI_OK;
    }
    if (argc < 2 || argv[1][0] == '-') {
#ifdef NIACT_HAVE_WINDOW
        return niact_ui_main(argc, argv);
#else
        fprintf(stderr, "niact: this build has no game window; play in the terminal with\n"
                        "  niact play --text\n");
        return CLI_BAD_INPUT;
#endif
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "play") == 0)
        return cli_play(argc - 1, argv + 1);
    if (strcmp(cmd, "sim") == 0)
        return cli_sim(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return cli_check(argc - 1, argv + 1);
    if (strcmp(cmd, "rules") == 0)
        return cli_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "debrief") == 0)
        return cli_debrief(argc - 1, argv + 1);
    if (strcmp(cmd, "replay") == 0)
        return cli_replay(argc - 1, argv + 1);
    fprintf(stderr, "niact: unknown command '%s'\n\n%s", cmd, usage);
    return CLI_USAGE;
}
