/* Shared pieces of the command-line front end. */
#ifndef NIACT_CLI_H
#define NIACT_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "niact/record.h"
#include "niact/session.h"

/* Exit codes of cli.md. */
enum { CLI_OK = 0, CLI_BAD_INPUT = 1, CLI_USAGE = 2 };

/* The scenario played when none is named (niact_path_default_scenario: the first
 * bundled one by name); NULL after telling stderr why there is none. */
const char *cli_default_scenario(const char *cmd);

/* Finds a scenario by the one rule (niact_path_scenario) and says on stderr which folder
 * it is ("niact: scenario NAME from DIR"); on failure prints why. Returns 0 or -1. */
int cli_find(const char *name, char *dir, size_t dirlen, char *lib, size_t liblen);
/* Loads the scenario in the folder dir (as cli_find found it) through the session's
 * loader (niact_session_load); on failure prints the problems to err, naming it by
 * `name`, and returns NULL. */
niact_host *cli_load_dir(const char *name, const char *dir, FILE *err);
/* cli_find, then cli_load_dir. */
niact_host *cli_load(const char *name, FILE *err);
/* Chooses the scenario's variant (--variant; NULL: none) on a fresh host, or says on
 * stderr why not ("niact CMD: --variant: ..."). Returns 0 or -1. */
int cli_set_variant(niact_host *h, const char *variant, const char *cmd);
/* Says on stderr which folder a record's scenario came from, if the loader looked it
 * up (info->scenario_dir). */
void cli_say_record_scenario(const niact_session *s, const niact_replay_info *info);
/* Parses a seed (decimal or 0x hex, up to 64 bits). Returns 0 or -1. */
int cli_parse_u64(const char *s, uint64_t *out);
/* A seed from the clock, for games not given one. */
uint64_t cli_clock_seed(void);

/* The result block of a finished game: outcome, scores, objectives, final values. */
void cli_print_result(FILE *out, const niact_game *g);
/* The same, each score beside baseline[role] (the all-historical game of the same seed,
 * niact_session_baseline) when baseline is not NULL. */
void cli_print_result_vs(FILE *out, const niact_game *g, const int32_t *baseline);
/* Prints the text of a log entry, wrapped at `width` with an indent. */
void cli_print_wrapped(FILE *out, const char *text, int indent, int width);
/* Prints prefix, then text wrapped at `width` with a hanging indent under the text. */
void cli_print_hanging(FILE *out, const char *prefix, const char *text, int width);
/* What `role` knows of `track`, in the one wording (niact_known_text) for a terminal:
 * "tense (3)", "~12 +/-3 (not yet observed)", "unknown". */
void cli_track_text(const niact_session *s, int role, int track, char *buf, size_t len);

/* The output sanitizer (textout.c): a filter over a byte stream that keeps '\n' and
 * printable UTF-8 and marks everything else (C0 controls and DEL as ^X, C1 and
 * bidirectional controls and invalid bytes as U+FFFD). cli_sanitize takes at most
 * CLI_SANITIZE_CHUNK bytes and writes at most CLI_SANITIZE_OUT(n) bytes to out; a
 * character cut at the end of one chunk is completed by the next (cli_sanitize_end
 * marks one left unfinished). */
#define CLI_SANITIZE_CHUNK 1024
#define CLI_SANITIZE_OUT(n) (3 * ((n) + 4))
typedef struct cli_filter {
    unsigned char carry[4];
    size_t n;
} cli_filter;
size_t cli_sanitize(cli_filter *f, const char *in, size_t n, char *out);
size_t cli_sanitize_end(cli_filter *f, char *out);
/* Sends stdout and stderr through the sanitizer for the rest of the process. */
void cli_output_install(void);
/* Writes to a descriptor past the sanitizer: only for the program's own control
 * characters (sim's progress bar), never for game or scenario text. 0 or -1. */
int cli_write_raw(int fd, const char *s, size_t n);

/* Negotiation commands of text play (negotiate_cmd.c), answered on out: returns 1 if
 * `cmd` was one. */
int cli_negotiate(niact_session *s, int role, const char *cmd, char *arg, FILE *out);
/* Proposals the role can see (only_open: those waiting for its answer), on out. */
void cli_show_proposals(niact_session *s, int role, int only_open, FILE *out);
extern const char *const cli_negotiate_help;

/* The help text (help.c): all of it (cmd NULL) or one command's part ("" the window's),
 * between the usage line and the notes on scenarios and exit status. Returns 0, or -1
 * (printing nothing) if there is no such command. */
int cli_help(FILE *out, const char *cmd);
/* 1 if an argument after the command (argv[1..]) is --help or -h. */
int cli_help_asked(int argc, char **argv);

int cli_play(int argc, char **argv);
int cli_sim(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_schema(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_replay(int argc, char **argv);
int cli_saves(int argc, char **argv); /* niact saves (record_cmd.c) */
int cli_debrief(int argc, char **argv);
int cli_host(int argc, char **argv);  /* niact host (host.c) */
int cli_join(int argc, char **argv);  /* niact join (join.c) */

#endif
