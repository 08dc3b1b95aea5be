/* Text play's seat commands, shared by the front ends that answer a seat in text:
 * `niact play --text` (a seat at this terminal) and `niact host` (a seat at another
 * computer, over the network, or at the host's console). One parser, one set of
 * answers: a seat types the same commands wherever it sits. */
#ifndef NIACT_CLI_TEXTPLAY_H
#define NIACT_CLI_TEXTPLAY_H

#include <stdint.h>
#include <stdio.h>

#include "record_cmd.h"

#define LINE_MAX_BYTES 4096 /* a typed line longer than this is refused whole (a whole
                              * telegram of NIACT_TELEGRAM_MAX bytes fits) */

/* Standard input, read with read(2) so that a NUL byte is seen (fgets hides it) and a
 * signal interrupts the wait. */
typedef struct reader {
    char buf[LINE_MAX_BYTES + 1];
    size_t len;   /* bytes in buf */
    int skipping; /* dropping the rest of a line that was too long */
    int eof;
} reader;

/* A text game: the session and what its seats' screens have shown. */
typedef struct cli_text {
    niact_session *s;
    const niact_game *g;
    const niact_scenario *sc;
    size_t public_cursor;             /* log shown to spectators */
    int humans;                       /* human seats */
    int quit;                         /* the player quit or input ended */
    int tty;                          /* stdin is a terminal: questions may be asked */
    cli_rec *rec;                     /* record, autosave, saves (NULL: 'save' is refused) */
    reader in;
    uint64_t saved_mark;              /* the game's progress at the last 'save' */
    FILE *out;                        /* where the seats' screens and answers go */
    int remote;                       /* seats play elsewhere (niact host): no hot-seat
                                         words, 'quit' only leaves */
} cli_text;

/* What one command did to the seat's turn. */
enum { CLI_TURN_GO_ON = 1, CLI_TURN_DONE = 0, CLI_TURN_QUIT = -1, CLI_TURN_SIGNAL = -2 };
enum { LINE_OK = 1, LINE_END = 0, LINE_SIGNAL = -1, LINE_NONE = 2 };

/* Reads one line from standard input into line (at most LINE_MAX_BYTES, without its
 * end). A line that is too long, holds a NUL byte or is not plain text is refused with a
 * message on stdout and read as an empty line. LINE_OK, LINE_END, or LINE_SIGNAL (a stop
 * signal caught by text play). */
int cli_read_line(reader *r, char *line);
/* The same, waiting at most timeout_ms for the line: LINE_NONE if it is not complete by
 * then (what was read is kept for the next call). */
int cli_read_line_within(reader *r, char *line, int timeout_ms);
/* Text play's stop signals (SIGINT, SIGTERM, SIGHUP): caught, they set a flag that the
 * line reader answers with LINE_SIGNAL; cli_stop_signal gives it (0: none). */
void cli_catch_stop_signals(void);
int cli_stop_signal(void);
/* The opening screen of `role`'s turn, on t->out. */
void cli_turn_screen(cli_text *t, int role);
/* One command of `role` (a line as cli_read_line gives it; changed in place), answered
 * on t->out: CLI_TURN_GO_ON, CLI_TURN_DONE (its orders were given), CLI_TURN_QUIT. */
int cli_turn_command(cli_text *t, int role, char *line);
/* The public entries of the log from *cursor on, up to those of turn index `upto`, on
 * t->out; *cursor moves past them. */
void cli_show_public(cli_text *t, size_t *cursor, int32_t upto);

#endif
