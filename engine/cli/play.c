/* niact play --text: the terminal front end. Human seats read commands from stdin, so
 * a file or a pipe can play a game; AI seats play themselves. */
#define _GNU_SOURCE /* ppoll */
#include "cli.h"
#include "record_cmd.h"
#include "textplay.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "niact/text.h"

/* The signal that asks the game to stop (SIGINT, SIGTERM, SIGHUP), or 0. A signal
 * handler can only set a flag; the read loop saves and exits. Process-wide by nature. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig) {
    stop_signal = sig;
}

int cli_stop_signal(void) {
    return (int)stop_signal;
}

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

void cli_catch_stop_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: the wait for input returns. SA_RESETHAND: a second Ctrl-C while the
     * game is saving or an AI is thinking stops the program at once. */
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        sigaction(stop_signals[i], &sa, NULL);
}

typedef cli_text play;

/* How far the game has come: turn, negotiation inputs, seats that gave orders. */
static uint64_t progress_mark(play *p) {
    uint64_t m = (uint64_t)niact_game_turn(p->g) << 40 |
                 (uint64_t)niact_session_input_count(p->s) << 16;
    for (int r = 0; r < p->sc->n_roles; r++)
        m ^= (uint64_t)niact_game_submitted(p->g, r) << r;
    return m;
}

static const char *const help_text =
    "Commands (a word or its first letter):\n"
    "  status              what your seat knows: tracks, score, objectives\n"
    "  actions             the actions you may order, with cost and effect\n"
    "  order ACTION [N]    add an order (ACTION is its id or its number in 'actions')\n"
    "  drop N              remove your order number N\n"
    "  orders              your orders for this turn\n"
    "  news [all]          news and reports since your last turn (or the whole game)\n"
    "  brief               your seat's briefing\n"
    "  done                give your orders and end your turn\n"
    "  save [NAME]         save the game as NAME in the data folder's saves/\n"
    "  quit                leave the game\n"
    "  help                this list\n";

static void rule(FILE *out, const char *title) {
    int n = (int)strlen(title);
    fprintf(out, "\n== %s ", title);
    for (int i = n; i < 72; i++)
        fputc('=', out);
    fputc('\n', out);
}

/* Action points left after the seat's draft (the session's arithmetic). */
static int32_t points_left(play *p, int role) {
    const niact_options *o = niact_session_options(p->s, role);
    return o ? o->left : 0;
}

/* The seat's draft orders (kept by the session until it ends its turn). */
static int n_draft(play *p, int role) {
    int n = 0;
    niact_session_draft(p->s, role, &n);
    return n;
}

/* The seat's news: what it has not heard yet, drained from the session's events (news,
 * reports, telegrams, proposals and answers, errors; the turns, the end and the tracks
 * that moved are shown by the screen and 'status'), or with all the whole log it may
 * read. */
static int next_news(play *p, int role, int all, size_t *cur, niact_log_entry *e) {
    if (all)
        return niact_game_log_next(p->g, role, cur, e);
    niact_event ev;
    while (niact_session_hear(p->s, role, &ev))
        if (ev.kind == NIACT_EVENT_LOG) {
            *e = ev.entry;
            return 1;
        }
    return 0;
}

static void show_news(play *p, int role, int all) {
    size_t cur = 0;
    niact_log_entry e;
    int any = 0;
    while (next_news(p, role, all, &cur, &e)) {
        char date[NIACT_DATE_MAX] = "";
        niact_scenario_date(p->sc, e.turn, date, sizeof date);
        const char *tag = e.kind == NIACT_LOG_REPORT     ? "REPORT"
                          : e.kind == NIACT_LOG_ERROR    ? "ERROR"
                          : e.kind == NIACT_LOG_SYSTEM   ? "NOTE"
                          : e.kind == NIACT_LOG_TELEGRAM ? "TELEGRAM"
                          : e.kind == NIACT_LOG_PROPOSAL ? "TALKS"
                                                         : "NEWS";
        char prefix[64];
        snprintf(prefix, sizeof prefix, "  %s %-9s ", date, tag);
        cli_print_hanging(p->out, prefix, e.text, 78);
        any = 1;
    }
    if (!any)
        fprintf(p->out, "  (no news)\n");
}

static void show_status(play *p, int role) {
    char buf[128];
    char date[NIACT_DATE_MAX] = "";
    niact_scenario_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    fprintf(p->out, "  What the %s knows on %s:\n", p->sc->roles[role].meta.name, date);
    const char *group = NULL;
    for (int t = 0; t < p->sc->n_tracks; t++) {
        niact_track_view v;
        niact_game_view_track(p->g, role, t, &v);
        if (v.vis == NIACT_VIS_NONE)
            continue;
        const niact_track_def *d = &p->sc->tracks[t];
        if (d->group[0] && (!group || strcmp(group, d->group) != 0)) {
            fprintf(p->out, "   %s:\n", d->group);
            group = d->group;
        }
        cli_track_text(p->s, role, t, buf, sizeof buf);
        fprintf(p->out, "    %s%-34s %s\n", d->ladder ? "!" : " ", d->meta.name, buf);
    }
    int32_t s = 0;
    niact_game_score(p->g, role, role, &s);
    fprintf(p->out, "  Your score now: %d/100\n", s);
    for (int o = 0; o < p->sc->n_objectives; o++) {
        if (p->sc->objectives[o].role != role)
            continue;
        int32_t os = 0;
        niact_game_objective_score(p->g, role, o, &os);
        fprintf(p->out, "    %-38s %3d  (weight %d)\n", p->sc->objectives[o].meta.name, os,
               p->sc->objectives[o].weight);
    }
}

static void show_actions(play *p, int role) {
    fprintf(p->out, "  Action points this turn: %d (left: %d)\n", niact_game_action_points(p->g, role),
           points_left(p, role));
    int k = 0;
    for (int a = 0; a < p->sc->n_actions; a++) {
        const niact_action_def *d = &p->sc->actions[a];
        if (!(d->roles & (1u << role)))
            continue;
        k++;
        /* The session's option: the scenario's test, with its one parameter search. */
        const niact_option *opt = niact_session_option(p->s, role, a);
        int ok = opt && opt->legal;
        const char *why = opt ? opt->reason : niact_session_error(p->s);
        fprintf(p->out, "  %2d. %-26s cost %d", k, d->meta.id, d->cost);
        if (d->has_param)
            fprintf(p->out, "  [%s %d-%d]", d->param_name, d->param_min, d->param_max);
        fprintf(p->out, "\n");
        for (int v = 0; v < d->n_param_labels; v++) /* the levels the scenario names */
            fprintf(p->out, "        %d = %s\n", d->param_min + v, d->param_labels[v]);
        char line[800];
        snprintf(line, sizeof line, "%s. %s", d->meta.name, d->meta.text);
        cli_print_wrapped(p->out, line, 8, 78);
        if (!ok) { /* why is the core's bare reason */
            snprintf(line, sizeof line, "NOT POSSIBLE NOW%s%s", why[0] ? ": " : ".", why);
            cli_print_wrapped(p->out, line, 8, 78);
        }
    }
}

/* The action named by id or by its number in this role's list, or -1. */
static int find_action(play *p, int role, const char *word) {
    char *end;
    long k = strtol(word, &end, 10);
    int n = 0;
    for (int a = 0; a < p->sc->n_actions; a++) {
        const niact_action_def *d = &p->sc->actions[a];
        if (!(d->roles & (1u << role)))
            continue;
        n++;
        if ((*end == 0 && k == n) || strcmp(d->meta.id, word) == 0)
            return a;
    }
    return -1;
}

static void show_orders(play *p, int role) {
    int n = 0;
    const niact_order *draft = niact_session_draft(p->s, role, &n);
    if (n == 0) {
        fprintf(p->out, "  No orders yet (%d action points to spend).\n", points_left(p, role));
        return;
    }
    for (int i = 0; i < n; i++) {
        const niact_order *o = &draft[i];
        const niact_action_def *d = &p->sc->actions[o->action];
        char words[160];
        if (d->has_param)
            fprintf(p->out, "  %d. %s (%s)\n", i + 1, d->meta.name, NIACT_PARAM_WORDS(d, o->param, words));
        else
            fprintf(p->out, "  %d. %s\n", i + 1, d->meta.name);
    }
    fprintf(p->out, "  Action points left: %d\n", points_left(p, role));
}

static void cmd_order(play *p, int role, char *arg) {
    char *word = strtok(arg, " \t");
    char *num = strtok(NULL, " \t");
    if (!word) {
        fprintf(p->out, "  order what? Try 'actions' for the list.\n");
        return;
    }
    if (num && strtok(NULL, " \t")) { /* 'order 10 2 3 4' used to drop '3 4' in silence */
        fprintf(p->out, "  order takes an action and at most one number: order ID [N].\n");
        return;
    }
    int a = find_action(p, role, word);
    if (a < 0) {
        fprintf(p->out, "  No action '%s' for your seat. Try 'actions'.\n", word);
        return;
    }
    const niact_action_def *d = &p->sc->actions[a];
    niact_order o = {(int16_t)role, (int16_t)a, d->has_param ? d->param_default : 0};
    if (num) {
        char *end;
        long v = strtol(num, &end, 10);
        if (*end || !d->has_param || v < d->param_min || v > d->param_max) {
            if (d->has_param)
                fprintf(p->out, "  '%s' takes %s from %d to %d.\n", d->meta.id, d->param_name,
                       d->param_min, d->param_max);
            else
                fprintf(p->out, "  '%s' takes no number.\n", d->meta.id);
            return;
        }
        o.param = (int32_t)v;
    }
    if (n_draft(p, role) >= NIACT_MAX_ORDERS) {
        fprintf(p->out, "  That is as many orders as a turn takes.\n");
        return;
    }
    /* The session judges the whole new draft (cost, repeats, legality) and keeps it. */
    niact_command c = niact_command_make(NIACT_CMD_ORDER, role);
    c.action = a;
    c.param = o.param;
    if (niact_session_tell(p->s, &c, NULL) != NIACT_OK) {
        fprintf(p->out, "  Not accepted: %s.\n", niact_session_error(p->s));
        return;
    }
    fprintf(p->out, "  Ordered: %s", d->meta.name);
    char words[160];
    if (d->has_param)
        fprintf(p->out, " (%s)", NIACT_PARAM_WORDS(d, o.param, words));
    fprintf(p->out, ". Action points left: %d.\n", points_left(p, role));
}

static void cmd_drop(play *p, int role, const char *arg) {
    /* One whole number and nothing else ('drop 1abc' used to drop order 1). */
    const char *t = arg ? arg : "";
    while (*t == ' ' || *t == '\t')
        t++;
    char *end;
    long k = strtol(t, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == t || *end) {
        fprintf(p->out, "  drop which? Give one number from 'orders'.\n");
        return;
    }
    if (k < 1 || k > n_draft(p, role)) {
        fprintf(p->out, "  drop which? Give the number from 'orders'.\n");
        return;
    }
    niact_command c = niact_command_make(NIACT_CMD_DROP, role);
    c.index = (int32_t)k - 1;
    if (niact_session_tell(p->s, &c, NULL) != NIACT_OK) {
        fprintf(p->out, "  Not dropped: %s.\n", niact_session_error(p->s));
        return;
    }
    fprintf(p->out, "  Dropped.\n");
}


/* Waits until stdin has input: 1, 0 when timeout_ms (< 0: no limit) passed first, or
 * LINE_SIGNAL if a stop signal came (race-free: the signals are blocked from the flag's
 * test until ppoll unblocks them atomically). */
static int wait_input(int timeout_ms) {
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        sigaddset(&block, stop_signals[i]);
    struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
    for (;;) {
        sigprocmask(SIG_BLOCK, &block, &old);
        if (stop_signal) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            return LINE_SIGNAL;
        }
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        int k = ppoll(&pfd, 1, timeout_ms < 0 ? NULL : &ts, &old);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (k == 0)
            return 0;
        if (k > 0 || (k < 0 && errno != EINTR))
            return 1; /* readable, closed, or an error the read will report */
    }
}

/* Reads one line into line (at most LINE_MAX_BYTES, without its end). A line that is too
 * long, holds a NUL byte or is not plain text (invalid UTF-8, control characters) is
 * refused with a message and read as an empty line: nothing is done, the game goes on.
 * Tabs count as spaces. Returns LINE_OK, LINE_END at the end of input, or LINE_SIGNAL. */
int cli_read_line_within(reader *r, char *line, int timeout_ms) {
    for (;;) {
        char *nl = memchr(r->buf, '\n', r->len);
        if (!nl && r->len == LINE_MAX_BYTES) { /* too long: drop up to its end */
            r->skipping = 1;
            r->len = 0;
            continue;
        }
        if (nl || (r->eof && r->len)) {
            size_t n = nl ? (size_t)(nl - r->buf) : r->len;
            int skipped = r->skipping;
            memcpy(line, r->buf, n);
            line[n] = 0;
            size_t used = nl ? n + 1 : n;
            memmove(r->buf, r->buf + used, r->len - used);
            r->len -= used;
            r->skipping = 0;
            if (skipped) {
                printf("  That line was too long (more than %d bytes); ignored.\n",
                       LINE_MAX_BYTES);
                line[0] = 0;
                return LINE_OK;
            }
            while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
                line[--n] = 0;
            for (size_t i = 0; i < n; i++)
                if (line[i] == '\t')
                    line[i] = ' ';
            char why[96];
            if (niact_text_check(line, n, 0, why, sizeof why) != NIACT_OK) {
                printf("  That line was ignored: %s. Type plain text only.\n", why);
                line[0] = 0;
            }
            return LINE_OK;
        }
        if (r->eof)
            return LINE_END;
        fflush(stdout);
        int w = wait_input(timeout_ms);
        if (w == LINE_SIGNAL)
            return LINE_SIGNAL;
        if (w == 0)
            return LINE_NONE;
        ssize_t k = read(STDIN_FILENO, r->buf + r->len, LINE_MAX_BYTES - r->len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            r->eof = 1;
        else
            r->len += (size_t)k;
    }
}

int cli_read_line(reader *r, char *line) {
    return cli_read_line_within(r, line, -1);
}

enum { ASK_YES = 3, ASK_NO = 4 };

/* On a terminal: asks a yes-or-no question (Enter alone is no); ASK_YES, ASK_NO,
 * LINE_END or LINE_SIGNAL. */
static int ask(play *p, const char *question) {
    char line[LINE_MAX_BYTES + 1];
    for (;;) {
        printf("  %s (y/n) ", question);
        fflush(stdout);
        int k = cli_read_line(&p->in, line);
        if (k != LINE_OK)
            return k;
        if (!strcmp(line, "y") || !strcmp(line, "yes") || !strcmp(line, "Y"))
            return ASK_YES;
        if (!strcmp(line, "n") || !strcmp(line, "no") || !strcmp(line, "N") || !line[0])
            return ASK_NO;
    }
}

/* What leaving now would lose (empty if nothing): the seat's orders being written, and
 * anything played since the last save when the game is kept nowhere. */
static void unsaved_text(play *p, int role, char *buf, size_t len) {
    buf[0] = 0;
    int kept = p->rec->record_ok || (p->rec->autosave && p->rec->autosaved[0]);
    int drafted = n_draft(p, role);
    if (drafted > 0)
        snprintf(buf, len, "Your %d order%s for this turn %s not given or saved.", drafted,
                 drafted == 1 ? "" : "s", drafted == 1 ? "is" : "are");
    if (!kept && progress_mark(p) != p->saved_mark) {
        size_t n = strlen(buf);
        snprintf(buf + n, len - n, "%sThe game is not saved (no autosave, no --record): "
                 "what was played since the last save is lost.", n ? " " : "");
    }
}

/* The opening of a seat's turn: heading, briefing (first turn), news since its last
 * turn, what it knows, proposals waiting for its answer. */
void cli_turn_screen(play *p, int role) {
    const niact_role_def *rd = &p->sc->roles[role];
    char title[160], date[NIACT_DATE_MAX];
    niact_scenario_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    snprintf(title, sizeof title, "%s - turn %d of %d - %s", rd->meta.name,
             niact_game_turn(p->g) + 1, p->sc->turns, date);
    rule(p->out, title);
    if (p->humans > 1 && !p->remote)
        fprintf(p->out, "(Hot seat: only the %s delegation should read on.)\n", rd->meta.name);
    if (niact_game_turn(p->g) == 0 && rd->briefing[0]) {
        cli_print_wrapped(p->out, rd->briefing, 2, 78);
    }
    fprintf(p->out, "News since your last turn:\n");
    show_news(p, role, 0);
    show_status(p, role);
    fprintf(p->out, "Proposals waiting for your answer:\n");
    cli_show_proposals(p->s, role, 1, p->out);
    fprintf(p->out, "Type 'help' for commands, 'actions' to see your options, 'done' to end "
                    "your turn.\n");
}

/* One command line of a seat's turn (read and checked by cli_read_line), answered on
 * p->out. */
int cli_turn_command(play *p, int role, char *line) {
    const niact_role_def *rd = &p->sc->roles[role];
    char *cmd = line;
    while (isspace((unsigned char)*cmd))
        cmd++;
    char *arg = cmd;
    while (*arg && !isspace((unsigned char)*arg))
        arg++;
    if (*arg)
        *arg++ = 0;
    while (isspace((unsigned char)*arg))
        arg++;
    if (!*cmd)
        return CLI_TURN_GO_ON;
    if (!strcmp(cmd, "help") || !strcmp(cmd, "h") || !strcmp(cmd, "?")) {
        fputs(help_text, p->out);
        fputs(cli_negotiate_help, p->out);
    } else if (cli_negotiate(p->s, role, cmd, arg, p->out))
        ;
    else if (!strcmp(cmd, "status") || !strcmp(cmd, "s"))
        show_status(p, role);
    else if (!strcmp(cmd, "actions") || !strcmp(cmd, "a"))
        show_actions(p, role);
    else if (!strcmp(cmd, "order") || !strcmp(cmd, "o"))
        cmd_order(p, role, arg);
    else if (!strcmp(cmd, "drop"))
        cmd_drop(p, role, arg);
    else if (!strcmp(cmd, "orders"))
        show_orders(p, role);
    else if (!strcmp(cmd, "news") || !strcmp(cmd, "n") || !strcmp(cmd, "log"))
        show_news(p, role, strcmp(arg, "all") == 0);
    else if (!strcmp(cmd, "brief") || !strcmp(cmd, "b"))
        cli_print_wrapped(p->out, rd->briefing[0] ? rd->briefing : "(no briefing)", 2, 78);
    else if (!strcmp(cmd, "done") || !strcmp(cmd, "d") || !strcmp(cmd, "end")) {
        int32_t left = points_left(p, role);
        if (left > 0 && p->tty) {
            char q[160];
            snprintf(q, sizeof q, "You have %d action point%s left unspent. End your turn "
                     "anyway?", left, left == 1 ? "" : "s");
            int a = ask(p, q);
            if (a == LINE_SIGNAL)
                return CLI_TURN_SIGNAL;
            if (a == LINE_END)
                return CLI_TURN_QUIT;
            if (a == ASK_NO) {
                fprintf(p->out, "  Your turn goes on. Type 'actions' for your options.\n");
                return CLI_TURN_GO_ON;
            }
        }
        niact_command c = niact_command_make(NIACT_CMD_END_TURN, role);
        if (niact_session_tell(p->s, &c, NULL) != NIACT_OK) {
            if (niact_session_paused(p->s)) /* nothing is wrong with the orders */
                fprintf(p->out, "  Not yet: %s. Your orders stay in your draft; give them "
                                "with 'done' when the game goes on.\n",
                        niact_session_error(p->s));
            else
                fprintf(p->out, "  Your orders are no longer possible: %s. Change them.\n",
                        niact_session_error(p->s));
            return CLI_TURN_GO_ON;
        }
        if (left > 0)
            fprintf(p->out, "  Orders given. %d action point%s left unspent.\n", left,
                    left == 1 ? " was" : "s were");
        else
            fprintf(p->out, "  Orders given.\n");
        return CLI_TURN_DONE;
    } else if (!strcmp(cmd, "save")) {
        if (!p->rec) /* a remote seat: the host keeps the game */
            fprintf(p->out, "  The host keeps the game (after every turn); a seat playing "
                            "from another computer does not save it.\n");
        else if (cli_rec_save_cmd(p->rec, p->s, role, arg) == 0)
            p->saved_mark = progress_mark(p);
    } else if (!strcmp(cmd, "quit") || !strcmp(cmd, "q") || !strcmp(cmd, "exit")) {
        if (p->remote || !p->tty)
            return CLI_TURN_QUIT;
        char lost[400];
        unsaved_text(p, role, lost, sizeof lost);
        if (!lost[0])
            return CLI_TURN_QUIT;
        fprintf(p->out, "  %s\n", lost);
        int a = ask(p, "Quit anyway?");
        if (a == LINE_SIGNAL)
            return CLI_TURN_SIGNAL;
        if (a != ASK_NO)
            return CLI_TURN_QUIT; /* yes, or the input ended */
        fprintf(p->out, "  The game goes on.\n");
    } else
        fprintf(p->out, "  Unknown command '%.40s'. Type 'help'.\n", cmd);
    return CLI_TURN_GO_ON;
}

/* One human seat's turn at this terminal: commands until 'done'. */
static int human_turn(play *p, int role) {
    cli_turn_screen(p, role);
    char line[LINE_MAX_BYTES + 1];
    for (;;) {
        fprintf(p->out, "[%s] > ", p->sc->roles[role].meta.id);
        fflush(stdout);
        int k = cli_read_line(&p->in, line);
        if (k == LINE_SIGNAL)
            return CLI_TURN_SIGNAL;
        if (k == LINE_END) {
            fprintf(p->out, "\n(input ended)\n");
            return CLI_TURN_QUIT;
        }
        int t = cli_turn_command(p, role, line);
        if (t != CLI_TURN_GO_ON)
            return t;
    }
}

/* On a terminal, clears the screen and its scrollback (ESC[3J: the previous seat's
 * orders and secrets are gone from the terminal's history too). The program's own
 * control sequence, written past the output filter; nothing when stdout is not a
 * terminal (a pipe or a file gets the game's text unchanged). */
static void clear_screen(void) {
    static const char seq[] = "\033[H\033[2J\033[3J";
    fflush(stdout);
    if (isatty(STDOUT_FILENO))
        cli_write_raw(STDOUT_FILENO, seq, sizeof seq - 1);
}

/* Hot seat on a terminal: the next seat's private screen waits until the keyboard has
 * changed hands, and the previous seat's screen is cleared with its scrollback before the
 * gate and again after it (issue 13). */
static int hand_over(play *p, int role) {
    char line[LINE_MAX_BYTES + 1];
    clear_screen();
    printf("\nPass to the %s delegation. Press Enter when only they are looking. ",
           p->sc->roles[role].meta.name);
    fflush(stdout);
    int k = cli_read_line(&p->in, line);
    clear_screen();
    return k == LINE_SIGNAL ? CLI_TURN_SIGNAL : k == LINE_END ? CLI_TURN_QUIT : CLI_TURN_DONE;
}

/* A stop signal: the game is saved (the seats that finished this turn keep their
 * orders; role's own, not given yet, are not in a save: the record has no drafts), the
 * player is told where, and the program ends by the same signal. role < 0: between
 * turns (the autosave of the last resolved turn is rewritten). */
static _Noreturn void stop_and_save(play *p, int role) {
    int sig = (int)stop_signal;
    if (role >= 0)
        cli_rec_quit(p->rec, p->s, role);
    else
        cli_rec_turn(p->rec, p->s);
    char where[8300];
    const char *name = sig == SIGINT ? "Ctrl-C (SIGINT)" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
    fflush(stdout);
    if (cli_rec_kept(p->rec, where, sizeof where)) {
        fprintf(stderr, "\nStopped by %s. The game is saved in %s", name, where);
        if (role >= 0 && n_draft(p, role) > 0)
            fprintf(stderr, " (without the %d order%s the %s was writing)", n_draft(p, role),
                    n_draft(p, role) == 1 ? "" : "s", p->sc->roles[role].meta.name);
        fprintf(stderr, ".\nResume with: niact play --text --load %s\n",
                p->rec->record_ok ? p->rec->record_path : p->rec->autosaved);
    } else {
        fprintf(stderr, "\nStopped by %s. The game could not be saved (autosave is off or "
                        "failed, and there is no --record).\n", name);
    }
    fflush(stderr);
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig); /* (only if the signal is blocked or ignored) */
}

/* For spectators of an all-AI game: the public entries written so far, up to those of
 * turn index `upto` (the next turn's opening news waits for that turn's heading). */
void cli_show_public(play *p, size_t *cursor, int32_t upto) {
    /* The session's public view: only what is told to every seat. */
    static niact_public pub; /* large; text play runs on one thread */
    do {
        if (niact_session_public(p->s, 0, *cursor, &pub) != NIACT_OK)
            return;
        for (int i = 0; i < pub.n_news; i++) {
            if (pub.news[i].turn > upto) {
                *cursor = (size_t)pub.news[i].pos;
                return;
            }
            cli_print_hanging(p->out, "  - ", pub.news_text + pub.news[i].off, 78);
        }
        *cursor = (size_t)pub.news_next;
    } while (pub.news_more);
}

/* One --seat: seats[role] from "ROLE=KIND"; *given marks the roles already set (a role
 * given twice is refused, not settled silently by the last one). */
static int parse_seat(const niact_scenario *sc, const char *arg, niact_seat *seats,
                      uint32_t *given) {
    const char *eq = strchr(arg, '=');
    if (!eq) {
        fprintf(stderr, "niact play: --seat takes ROLE=human|ai[:PERSONALITY]|actor, not '%s'\n",
                arg);
        return -1;
    }
    char role[64];
    snprintf(role, sizeof role, "%.*s", (int)(eq - arg) < 63 ? (int)(eq - arg) : 63, arg);
    int r = niact_scenario_role(sc, role);
    if (r < 0) {
        fprintf(stderr, "niact play: scenario '%s' has no role '%s' (roles:", sc->meta.id, role);
        for (int i = 0; i < sc->n_roles; i++)
            fprintf(stderr, " %s", sc->roles[i].meta.id);
        fprintf(stderr, ")\n");
        return -1;
    }
    if (*given & (1u << r)) {
        fprintf(stderr, "niact play: --seat %s= given twice (one --seat for each role)\n",
                role);
        return -1;
    }
    *given |= 1u << r;
    if (niact_seat_parse(eq + 1, &seats[r]) != 0) {
        fprintf(stderr, "niact play: seat '%s' must be human, ai, ai:PERSONALITY or actor\n",
                eq + 1);
        return -1;
    }
    return 0;
}

int cli_play(int argc, char **argv) {
    const char *scenario = NULL, *seat_args[32]; /* none named: the first bundled one */
    const char *variant = NULL;
    int n_seats = 0, text = 0, hashes = 0;
    uint64_t seed = 0;
    int have_seed = 0, have_scenario = 0, k;
    cli_rec rec;
    cli_rec_init(&rec);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--scenario") && more)
            scenario = argv[++i], have_scenario = 1;
        else if (!strcmp(a, "--variant") && more)
            variant = argv[++i];
        else if (!strcmp(a, "--seat") && more && n_seats < 32)
            seat_args[n_seats++] = argv[++i];
        else if (!strcmp(a, "--seed") && more) {
            if (cli_parse_u64(argv[++i], &seed) != 0) {
                fprintf(stderr, "niact play: --seed takes a whole number, not '%s'\n", argv[i]);
                return CLI_USAGE;
            }
            have_seed = 1;
        } else if (!strcmp(a, "--text"))
            text = 1;
        else if (!strcmp(a, "--hashes"))
            hashes = 1;
        else if ((!strcmp(a, "--scale") || !strcmp(a, "--size") || !strcmp(a, "--preset")) && more)
            i++; /* window options: the window reads them from argv */
        else if (!strcmp(a, "--fullscreen"))
            continue;
        else if ((k = cli_rec_option(&rec, argc, argv, &i)) != 0) {
            if (k < 0)
                return CLI_USAGE;
        } else {
            fprintf(stderr, "niact play: unexpected '%s' (see niact --help)\n", a);
            return CLI_USAGE;
        }
    }
    if (!text) {
#ifdef NIACT_HAVE_WINDOW
        extern int niact_ui_play(int argc, char **argv);
        return niact_ui_play(argc, argv);
#else
        fprintf(stderr, "niact play: this build has no window; add --text to play in the "
                        "terminal\n");
        return CLI_USAGE;
#endif
    }
    if ((k = cli_rec_check(&rec)) != CLI_OK) /* a bad --record: before the game starts */
        return k;
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    niact_session *s = NULL;
    if (rec.load_arg) { /* a saved game: its scenario, seed and seats come from the save */
        if (n_seats || have_seed || variant) {
            fprintf(stderr, "niact play: --load takes the seats, seed and variant from the "
                            "save\n");
            return CLI_USAGE;
        }
        if ((k = cli_rec_load(&rec, have_scenario ? scenario : NULL, &s)) != CLI_OK)
            return k;
        for (int r = 0; r < niact_session_scenario(s)->n_roles; r++)
            seats[r] = *niact_session_seat(s, r);
        seed = niact_game_seed(niact_session_view(s));
        have_seed = 1;
    }
    niact_host *h = NULL; /* a new game's scenario, loaded by the session's loader */
    if (!s && !scenario && !(scenario = cli_default_scenario("play")))
        return CLI_BAD_INPUT;
    if (!s && !(h = cli_load(scenario, stderr)))
        return CLI_BAD_INPUT;
    if (h && cli_set_variant(h, variant, "play") != 0) {
        niact_host_free(h);
        return CLI_USAGE;
    }
    const niact_scenario *sc = s ? niact_session_scenario(s) : niact_host_scenario(h);
    uint32_t given = 0;
    if (!s) /* a new game: a role left out is human, or its scripted actor if it has one */
        for (int r = 0; r < sc->n_roles; r++)
            niact_seat_default(sc, r, &seats[r]);
    for (int i = 0; i < n_seats; i++)
        if (parse_seat(sc, seat_args[i], seats, &given) != 0) {
            niact_host_free(h);
            return CLI_USAGE;
        }
    if (!have_seed)
        seed = cli_clock_seed();
    char msg[1024];
    niact_status st = s ? NIACT_OK : niact_session_new(h, seed, seats, &s, msg, sizeof msg);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact play: %s\n", msg);
        niact_host_free(h);
        return st == NIACT_ERR_INVALID ? CLI_USAGE : CLI_BAD_INPUT;
    }
    if (h)
        niact_session_own_host(s); /* the session frees its host: one owner either way */
    play p = {0};
    p.out = stdout;
    p.s = s;
    p.g = niact_session_view(s);
    p.sc = sc;
    p.rec = &rec;
    for (int r = 0; r < sc->n_roles; r++)
        p.humans += seats[r].kind == NIACT_SEAT_HUMAN;
    printf("NIACT - %s (scenario %s, version %s) - seed %llu%s\n", sc->meta.name, sc->meta.id,
           sc->version, (unsigned long long)seed, have_seed ? "" : " (from the clock)");
    int rc = CLI_OK;
    p.tty = isatty(STDIN_FILENO);
    cli_catch_stop_signals();
    cli_rec_turn(&rec, s);
    p.saved_mark = progress_mark(&p); /* a new game, or the loaded save: nothing to lose */
    int shown = -1;                   /* the human seat whose screen was shown last */
    while (niact_game_phase(p.g) != NIACT_PHASE_ENDED && !p.quit) {
        if (stop_signal)
            stop_and_save(&p, -1); /* does not return */
        if (p.humans == 0) {
            char title[96], date[NIACT_DATE_MAX];
            niact_scenario_date(sc, niact_game_turn(p.g), date, sizeof date);
            snprintf(title, sizeof title, "Turn %d of %d - %s", niact_game_turn(p.g) + 1,
                     sc->turns, date);
            rule(stdout, title);
            cli_show_public(&p, &p.public_cursor, niact_game_turn(p.g)); /* the news that opens the turn */
        }
        for (int r = 0; r < sc->n_roles && !p.quit; r++) {
            if (seats[r].kind != NIACT_SEAT_HUMAN || niact_game_submitted(p.g, r))
                continue; /* (submitted already: orders given before a save was loaded) */
            /* The keyboard changes hands: from one seat to the next, and from the last
             * seat of a turn to the first of the next. */
            int t = p.tty && shown >= 0 && shown != r ? hand_over(&p, r) : CLI_TURN_DONE;
            shown = r;
            if (t == CLI_TURN_DONE)
                t = human_turn(&p, r);
            if (t == CLI_TURN_SIGNAL)
                stop_and_save(&p, r);
            if (t != CLI_TURN_DONE) {
                p.quit = 1;
                cli_rec_quit(&rec, s, r); /* keeps the turn's finished seats */
            }
        }
        if (p.quit)
            break;
        niact_status rst = niact_session_resolve(s);
        const char *warn = niact_session_warning(s);
        if (warn)
            fprintf(stderr, "niact play: %s\n", warn);
        if (rst != NIACT_OK) {
            fprintf(stderr, "niact play: %s\n", niact_session_error(s));
            rc = CLI_BAD_INPUT;
            break;
        }
        cli_rec_turn(&rec, s);
        if (p.humans == 0) /* the turn just resolved (all of it once the game is over) */
            cli_show_public(&p, &p.public_cursor, niact_game_phase(p.g) == NIACT_PHASE_ENDED ? INT32_MAX
                                                                      : niact_game_turn(p.g) - 1);
    }
    if (niact_game_phase(p.g) == NIACT_PHASE_ENDED) {
        for (int r = 0; r < sc->n_roles; r++) {
            if (seats[r].kind != NIACT_SEAT_HUMAN)
                continue;
            printf("\nLast news for the %s:\n", sc->roles[r].meta.name);
            show_news(&p, r, 0);
        }
        /* Each seat's score beside the all-historical game of the same seed (played by
         * the session in a private copy); none if the scenario has no such game. */
        int32_t base[NIACT_MAX_ROLES];
        int have = niact_session_baseline(s, base, NIACT_MAX_ROLES) == NIACT_OK;
        cli_print_result_vs(stdout, p.g, have ? base : NULL);
        if (hashes)
            for (int32_t t = 0; t <= niact_game_turn(p.g); t++) {
                uint64_t hv;
                niact_game_turn_hash(p.g, t, &hv);
                printf("turn %d hash %016llx\n", t, (unsigned long long)hv);
            }
    } else if (p.quit) {
        printf("Game left unfinished after %d turn(s).\n", niact_game_turn(p.g));
        char where[8300];
        if (cli_rec_kept(&rec, where, sizeof where))
            printf("It is saved in %s.\nResume with: niact play --text --load %s\n", where,
                   rec.record_ok ? rec.record_path : rec.autosaved);
        else
            printf("Nothing was saved on leaving (no autosave and no --record, or their last "
                   "write failed); a game kept with 'save NAME' resumes from there.\n");
    }
    niact_session_free(s);
    return rc;
}
