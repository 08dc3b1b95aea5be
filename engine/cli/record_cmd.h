/* Records in the command-line front end: play's --load/--record/--no-autosave, the text
 * play 'save' command, autosave after every turn, and `niact replay`. */
#ifndef NIACT_CLI_RECORD_CMD_H
#define NIACT_CLI_RECORD_CMD_H

#include <stdio.h>

#include "niact/record.h"
#include "niact/session.h"

typedef struct cli_rec {
    const char *record_path;  /* --record FILE: a turn appended after every turn */
    char load_path[4096];     /* --load FILE as found ("" if none) */
    const char *load_arg;     /* --load's argument as given */
    int autosave;             /* autosave to the data folder (off with --no-autosave) */
    char autosave_path[4096]; /* this game's autosave file ("" until the first) */
    char autosaved[4096];     /* the autosave last written ("" if none, or it failed) */
    int record_ok;            /* the --record file was written the last time */
    niact_replay_info loaded; /* what --load found (turns, the scenario's folder) */
    niact_record_writer record_w;   /* appends to the --record file */
    niact_record_writer autosave_w; /* appends to the autosave */
} cli_rec;

void cli_rec_init(cli_rec *r);
/* Before the game starts: a --record FILE that cannot be written (a folder, a missing or
 * read-only folder, a file that is not a niact save) is refused. Returns 0, or prints
 * why and returns the exit code (1). */
int cli_rec_check(cli_rec *r);
/* Takes --load FILE, --record FILE or --no-autosave at argv[*i]: returns 1 (taken, *i
 * moved past it), 0 (not one of these) or -1 (usage error, printed). */
int cli_rec_option(cli_rec *r, int argc, char **argv, int *i);
/* With --load: opens the game as a session (niact_session_open_record; scenario:
 * --scenario's value or NULL). On success *s is the session, which owns its host (the
 * caller frees it), and it returns 0; else it prints why and returns the exit code. */
int cli_rec_load(cli_rec *r, const char *scenario, niact_session **s);
/* After the game started and after every resolved turn: the --record file and the
 * autosave. A failure is printed on stderr and on the seat's screen (stdout) every time,
 * never fatal: the game goes on and may be saved elsewhere. */
void cli_rec_turn(cli_rec *r, niact_session *s);
/* The game stops in the middle of `role`'s turn (quit, or input ended): the --record
 * file and the autosave get the turn's inputs so far, without that seat's. */
void cli_rec_quit(cli_rec *r, niact_session *s, int role);
/* Whether the last write kept the game somewhere (the --record file or the autosave);
 * says where in buf ("" if nowhere). */
int cli_rec_kept(const cli_rec *r, char *buf, size_t len);
/* The text play command `save [NAME]` by the seat `role` (its unfinished orders are
 * not saved; the seats that have finished this turn keep theirs). NAME is a save name
 * in the data folder's saves/, never a path; without it, the --record or --load file
 * given on the command line, else saves/<scenario>-<seed>.json. Returns 0 if saved. */
int cli_rec_save_cmd(cli_rec *r, niact_session *s, int role, const char *arg);
/* Lists the saves and autosaves of the data folder, newest first, each with its turn,
 * seats and outcome. Returns how many it listed. */
int cli_saves_list(FILE *out);
/* niact saves: that list. */
int cli_saves(int argc, char **argv);

#endif
