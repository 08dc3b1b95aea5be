/* niact host: an authoritative server for one game, a client of the session like the
 * window and text play. Remote seats play from other computers with `niact join`; each
 * is answered by text play's own commands (textplay.h), rendered from that seat's view
 * on the host, so a client receives only what its seat could read at the keyboard.
 * With --text the moderator's console reads commands from standard input. */
#include "cli.h"
#include "net/net.h"
#include "record_cmd.h"
#include "textplay.h"
#include "host.h"

#include <ctype.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NO_ROLE (-2)

static uint64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* The throttle of a seat's commands: NET_COMMANDS_PER_S, bursts of NET_COMMANDS_BURST.
 * A seat past it is prompted a little later (a pipe slows down, nothing is lost); so a
 * client cannot make the host spend all its time on one seat's commands. */
typedef struct hseat hseat;
static int may_prompt(hseat *hs);

struct hseat {
    int remote;            /* played over the network */
    char code[NET_CODE_LEN + 1];
    int peer;              /* its connection, or -1 */
    uint32_t prompt;       /* the PROMPT it must answer (0: none outstanding) */
    int32_t shown_turn;    /* the turn whose opening screen it has seen (-1: none) */
    size_t turn_cursor;    /* its news cursor when that turn opened (for a rejoin) */
    size_t notice;         /* log position up to which it was told of new entries */
    double tokens;         /* commands it may still be prompted for now (the throttle) */
    uint64_t refill;       /* ms: when tokens was last topped up */
    int window;            /* its client is a window: it gets views and sends CMDs */
    uint64_t view_hash;    /* the last view sent (without its time left), 0: none */
    uint64_t view_ms;      /* ms: when it was sent */
    uint32_t view_id;      /* views sent */
    uint64_t view_key[6];  /* what the last view was built from (window_refresh) */
};

typedef struct hproj {
    int peer;              /* -1: unused */
    size_t cursor;         /* public news shown */
    int32_t shown_turn;
    uint32_t shown_given;  /* seats whose orders it was told of, +1 (0: not told yet) */
} hproj;

typedef struct host {
    cli_text t;
    niact_session *s;
    const niact_game *g;
    const niact_scenario *sc;
    niact_seat seats[NIACT_MAX_ROLES];
    hseat hs[NIACT_MAX_ROLES];
    int peer_role[NET_MAX_PEERS];   /* the seat of a connection, NET_PROJECTOR_ROLE, NO_ROLE */
    hproj pj[NET_MAX_PEERS];
    net_server *sv;
    uint32_t next_prompt;
    int console;                     /* --text: the moderator console on stdin */
    int console_open;                /* stdin has not ended */
    int32_t console_turn;            /* the turn whose local seats' screens were shown */
    int stop;                        /* the moderator stopped the game */
    uint64_t seed;
    int32_t countdown_turn;          /* the turn whose countdown notices were given */
    int countdown_next;              /* the next of countdown_marks to announce */
    uint32_t told_default;           /* seats told this turn that they defaulted */
    uint32_t told_reopened;          /* seats told their orders came back to the draft */
    cli_rec rec_store;               /* --record, --load, autosave */
    cli_rec *rec;
    reader in;                       /* the console's standard input */
    int over;                        /* the game has ended (and every screen was told) */
    int window;                      /* the moderator window runs the loop */
    int win_projector, win_fullscreen; /* --projector-window, --fullscreen */
    int n_win;                         /* --scale, --size, --preset and their values */
    char *win_args[8];
    /* The moderator window resolves a turn with AI seats off its thread (a search AI may
     * think for seconds): while `resolving`, nothing but the worker touches the session. */
    int resolving;
    pthread_t worker;
    atomic_int worker_done;
    niact_status worker_st;
} host;

/* When the countdown is announced on every screen: seconds left. */
static const int countdown_marks[] = {600, 300, 120, 60, 30, 10};
#define N_MARKS ((int)(sizeof countdown_marks / sizeof *countdown_marks))

/* ---- text to a connection ------------------------------------------------------- */

typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
} capture;

static FILE *capture_begin(host *h, capture *c) {
    c->buf = NULL, c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    h->t.out = c->f ? c->f : stdout;
    return c->f;
}

/* Sends what was captured to peer as TEXT (nothing if empty). */
static void capture_send(host *h, capture *c, int peer) {
    h->t.out = stdout;
    if (!c->f)
        return;
    fclose(c->f);
    if (c->len && peer >= 0) {
        net_msg m = net_msg_of(NET_TEXT, 0, 0, c->buf, c->len);
        net_server_send(h->sv, peer, &m);
    }
    free(c->buf);
}

static void send_text(host *h, int peer, const char *text) {
    net_msg m = net_msg_of(NET_TEXT, 0, 0, text, strlen(text));
    net_server_send(h->sv, peer, &m);
}

static const char *role_id(host *h, int r) {
    return h->sc->roles[r].meta.id;
}

/* "ussr, un" of the seats that have not given their orders (AI seats give theirs at
 * the resolution). */
static void waiting_for(host *h, char *buf, size_t len) {
    buf[0] = 0;
    for (int r = 0; r < h->sc->n_roles; r++) {
        if (h->seats[r].kind != NIACT_SEAT_HUMAN || niact_game_submitted(h->g, r))
            continue;
        size_t n = strlen(buf);
        snprintf(buf + n, len - n, "%s%s", n ? ", " : "", role_id(h, r));
    }
}

/* "4:05" of a time left in ms. */
static void clock_text(int64_t ms, char *buf, size_t len) {
    int64_t sec = (ms + 999) / 1000;
    snprintf(buf, len, "%lld:%02lld", (long long)(sec / 60), (long long)(sec % 60));
}

/* Text to every connected seat and projector, and to the console. */
static void broadcast(host *h, const char *text) {
    for (int i = 0; i < NET_MAX_PEERS; i++)
        if (h->peer_role[i] != NO_ROLE)
            send_text(h, i, text);
    if (h->console) {
        fputs(text, stdout);
        fflush(stdout);
    }
}

/* The countdown of the turn, if one runs: "Time left in this turn: 4:05 (paused)." */
static void countdown_line(host *h, FILE *out) {
    int64_t left = niact_session_time_left(h->s, (int64_t)now_ms());
    if (left < 0)
        return;
    char t[32];
    clock_text(left, t, sizeof t);
    fprintf(out, "Time left in this turn: %s%s.\n", t,
            niact_session_paused(h->s) ? " (the game is paused)" : "");
}

/* ---- the projector: what every seat sees ---------------------------------------- */

/* The projector's text, made from the session's public view only (niact_session_public:
 * what is told to every seat), so it cannot show a seat's secret. */
static void projector_update(host *h, hproj *p) {
    static niact_public pub; /* large; the host runs on one thread */
    if (niact_session_public(h->s, (int64_t)now_ms(), p->cursor, &pub) != NIACT_OK)
        return;
    capture c;
    FILE *out = capture_begin(h, &c);
    if (!out)
        return;
    if (p->shown_turn != pub.turn && !pub.ended) {
        fprintf(out, "\n== Turn %d of %d - %s ", pub.turn + 1, pub.turns, pub.date);
        for (int i = (int)strlen(pub.date) + 16; i < 72; i++)
            fputc('=', out);
        fputc('\n', out);
        fprintf(out, "Public news:\n");
        for (;;) {
            for (int i = 0; i < pub.n_news; i++)
                cli_print_hanging(out, "  - ", pub.news_text + pub.news[i].off, 78);
            p->cursor = (size_t)pub.news_next;
            if (!pub.news_more ||
                niact_session_public(h->s, (int64_t)now_ms(), p->cursor, &pub) != NIACT_OK)
                break;
        }
        fprintf(out, "What every delegation sees:\n");
        for (int i = 0; i < pub.n_tracks; i++)
            fprintf(out, "    %-34s %s\n", h->sc->tracks[pub.tracks[i].track].meta.name,
                    pub.tracks[i].text);
        p->shown_turn = pub.turn;
        p->shown_given = 0;
    }
    uint32_t given = pub.given + 1;
    if (!pub.ended && given != p->shown_given) {
        fprintf(out, "Orders given:");
        int any = 0, waiting = 0;
        for (int r = 0; r < pub.n_roles; r++)
            if ((pub.humans & pub.given) & (1u << r))
                fprintf(out, " %s", role_id(h, r)), any = 1;
        fprintf(out, "%s", any ? "" : " none yet");
        for (int r = 0; r < pub.n_roles; r++)
            if ((pub.humans & ~pub.given) & (1u << r))
                fprintf(out, "%s%s", waiting++ ? ", " : "; waiting for ", role_id(h, r));
        fputc('\n', out);
        if (pub.left_ms >= 0) {
            char t[32];
            clock_text(pub.left_ms, t, sizeof t);
            fprintf(out, "Time left in this turn: %s%s.\n", t,
                    pub.paused ? " (the game is paused)" : "");
        }
        p->shown_given = given;
    }
    if (pub.ended) {
        for (;;) {
            for (int i = 0; i < pub.n_news; i++)
                cli_print_hanging(out, "  - ", pub.news_text + pub.news[i].off, 78);
            p->cursor = (size_t)pub.news_next;
            if (!pub.news_more ||
                niact_session_public(h->s, (int64_t)now_ms(), p->cursor, &pub) != NIACT_OK)
                break;
        }
        cli_print_result(out, h->g); /* the result: public once the game is over */
    }
    capture_send(h, &c, p->peer);
}

static void projectors_update(host *h) {
    for (int i = 0; i < NET_MAX_PEERS; i++)
        if (h->pj[i].peer >= 0)
            projector_update(h, &h->pj[i]);
}

/* ---- seats ----------------------------------------------------------------------- */

/* The end of the log as `role` reads it. */
static size_t log_end(host *h, int role) {
    size_t cur = h->hs[role].notice;
    niact_log_entry e;
    while (niact_game_log_next(h->g, role, &cur, &e))
        ;
    return cur;
}

/* Tells connected seats other than `except` that entries for them came in (a telegram,
 * a proposal or an answer made during the turn). */
static void notify_news(host *h, int except) {
    for (int r = 0; r < h->sc->n_roles; r++) {
        hseat *hs = &h->hs[r];
        if (r == except || !hs->remote || hs->peer < 0 || hs->shown_turn < 0 || hs->window)
            continue; /* (a window hears of it in its view) */
        size_t cur = hs->notice;
        niact_log_entry e;
        int n = 0, tel = 0;
        while (niact_game_log_next(h->g, r, &cur, &e))
            n++, tel += e.kind == NIACT_LOG_TELEGRAM;
        hs->notice = cur;
        if (!n)
            continue;
        char line[200];
        if (tel == n && n == 1)
            snprintf(line, sizeof line, "\n(New for you: a telegram. Type 'news' to read it.)\n");
        else if (tel == n)
            snprintf(line, sizeof line, "\n(New for you: %d telegrams. Type 'news' to read "
                     "them.)\n", n);
        else
            snprintf(line, sizeof line, "\n(New for you: %d item%s of news or talks. Type "
                     "'news' or 'proposals'.)\n", n, n == 1 ? "" : "s");
        send_text(h, hs->peer, line);
    }
}

/* Sends a connected remote seat whatever it is owed: its turn's opening screen, then a
 * PROMPT; or the word that its orders are given. */
static void window_refresh(host *h, int r);

static void seat_refresh(host *h, int r) {
    hseat *hs = &h->hs[r];
    if (hs->window) {
        window_refresh(h, r);
        return;
    }
    if (!hs->remote || hs->peer < 0 || hs->prompt || net_server_backlog(h->sv, hs->peer))
        return;
    int32_t turn = niact_game_turn(h->g);
    capture c;
    FILE *out = capture_begin(h, &c);
    if (!out)
        return;
    int opened = 0;
    if (hs->shown_turn != turn) {
        if (hs->shown_turn == -2) { /* a rejoin in the middle of the turn */
            niact_session_rewind(h->s, r, hs->turn_cursor);
        } else
            hs->turn_cursor = niact_session_heard(h->s, r);
        cli_turn_screen(&h->t, r);
        countdown_line(h, out);
        if (niact_session_paused(h->s))
            fprintf(out, "(The game is paused by the moderator.)\n");
        hs->notice = niact_session_heard(h->s, r);
        hs->shown_turn = turn;
        opened = 1;
    }
    if (niact_game_submitted(h->g, r)) {
        if (opened) {
            char wait[256];
            waiting_for(h, wait, sizeof wait);
            fprintf(out, "Your orders for this turn are given; waiting for: %s.\n", wait);
        }
        capture_send(h, &c, hs->peer);
        return;
    }
    if (opened) {
        int n = 0;
        niact_session_draft(h->s, r, &n);
        if (n > 0) {
            fprintf(out, "Your orders so far (not given yet):\n");
            char cmd[] = "orders";
            cli_turn_command(&h->t, r, cmd);
        }
    }
    capture_send(h, &c, hs->peer);
    if (!may_prompt(hs))
        return; /* the next pass of the host's loop prompts it (every 50 ms) */
    char prompt[64];
    snprintf(prompt, sizeof prompt, "[%s] > ", role_id(h, r));
    if (++h->next_prompt == 0)
        h->next_prompt = 1;
    hs->prompt = h->next_prompt;
    net_msg m = net_msg_of(NET_PROMPT, 0, hs->prompt, prompt, strlen(prompt));
    net_server_send(h->sv, hs->peer, &m);
}

static int may_prompt(hseat *hs) {
    uint64_t t = now_ms();
    if (!hs->refill)
        hs->tokens = NET_COMMANDS_BURST, hs->refill = t;
    hs->tokens += (double)(t - hs->refill) * NET_COMMANDS_PER_S / 1000.0;
    if (hs->tokens > NET_COMMANDS_BURST)
        hs->tokens = NET_COMMANDS_BURST;
    hs->refill = t;
    if (hs->tokens < 1)
        return 0;
    hs->tokens -= 1;
    return 1;
}

/* The local human seats' screens (the console), once a turn. */
static void console_seats(host *h) {
    int32_t turn = niact_game_turn(h->g);
    if (h->console_turn == turn)
        return;
    h->console_turn = turn;
    for (int r = 0; r < h->sc->n_roles; r++) {
        if (h->seats[r].kind != NIACT_SEAT_HUMAN || h->hs[r].remote)
            continue;
        h->t.out = stdout;
        cli_turn_screen(&h->t, r);
        printf("(The %s seat plays at this console: type '%s COMMAND', e.g. '%s done'.)\n",
               h->sc->roles[r].meta.name, role_id(h, r), role_id(h, r));
    }
    fflush(stdout);
}

/* Every seat has given its orders: the turn resolves (AI seats negotiate and order). */
static int all_given(host *h) {
    for (int r = 0; r < h->sc->n_roles; r++)
        if (h->seats[r].kind == NIACT_SEAT_HUMAN && !niact_game_submitted(h->g, r))
            return 0;
    return 1;
}

static void game_over(host *h) {
    for (int r = 0; r < h->sc->n_roles; r++) {
        hseat *hs = &h->hs[r];
        if (!hs->remote || hs->peer < 0)
            continue;
        if (hs->window) { /* the last view (the truth, every score), then END */
            window_refresh(h, r);
            net_msg end = net_msg_of(NET_END, 0, 0, NULL, 0);
            net_server_send(h->sv, hs->peer, &end);
            continue;
        }
        capture c;
        FILE *out = capture_begin(h, &c);
        if (!out)
            continue;
        fprintf(out, "\nLast news for the %s:\n", h->sc->roles[r].meta.name);
        char cmd[] = "news";
        cli_turn_command(&h->t, r, cmd);
        cli_print_result(out, h->g);
        capture_send(h, &c, hs->peer);
        net_msg end = net_msg_of(NET_END, 0, 0, NULL, 0);
        net_server_send(h->sv, hs->peer, &end);
    }
    projectors_update(h);
    for (int i = 0; i < NET_MAX_PEERS; i++)
        if (h->pj[i].peer >= 0) {
            net_msg end = net_msg_of(NET_END, 0, 0, NULL, 0);
            net_server_send(h->sv, h->pj[i].peer, &end);
        }
    h->t.out = stdout;
    cli_print_result(stdout, h->g);
    fflush(stdout);
}

/* Moves the game on as far as it can go now. Returns 1 when the game is over. */
/* After a turn's resolution: its warning, the record and the word on stderr. 0, or -1 if
 * it failed (the session stops). */
static int resolved(host *h, cli_rec *rec, niact_status st) {
    const char *warn = niact_session_warning(h->s);
    if (warn)
        fprintf(stderr, "niact host: %s\n", warn);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact host: the turn did not resolve: %s\n", niact_session_error(h->s));
        h->stop = 1;
        return -1;
    }
    cli_rec_turn(rec, h->s);
    fprintf(stderr, "niact host: turn %d resolved\n", niact_game_turn(h->g));
    return 0;
}

static void *resolve_worker(void *ud) {
    host *h = ud;
    h->worker_st = niact_session_resolve(h->s);
    atomic_store(&h->worker_done, 1);
    return NULL;
}

static int has_ai(const host *h) {
    for (int r = 0; r < h->sc->n_roles; r++)
        if (h->seats[r].kind == NIACT_SEAT_AI)
            return 1;
    return 0;
}

/* Moves the game on as far as it can go now. Returns 1 when the game is over. In the
 * moderator window a turn with AI seats resolves in a worker thread (cli_host_step
 * collects it), so the window keeps drawing while the AI thinks. */
static int advance(host *h, cli_rec *rec) {
    if (h->resolving)
        return 0;
    for (;;) {
        if (niact_game_phase(h->g) == NIACT_PHASE_ENDED)
            return 1;
        if (!all_given(h) || niact_session_paused(h->s))
            break;
        if (h->window && has_ai(h)) {
            atomic_store(&h->worker_done, 0);
            if (pthread_create(&h->worker, NULL, resolve_worker, h) == 0) {
                h->resolving = 1;
                return 0;
            } /* no thread: resolved here */
        }
        if (resolved(h, rec, niact_session_resolve(h->s)) != 0)
            return 0;
    }
    for (int r = 0; r < h->sc->n_roles; r++)
        seat_refresh(h, r);
    projectors_update(h);
    if (h->console)
        console_seats(h);
    return 0;
}

/* The clock: the session's deadline runs from it (a seat past it plays the default; the
 * record keeps that decision, never the time), and every screen hears the countdown. */
static void tick(host *h, cli_rec *rec) {
    if (niact_game_phase(h->g) == NIACT_PHASE_ENDED)
        return;
    int32_t turn = niact_game_turn(h->g);
    int64_t t = (int64_t)now_ms();
    int defaulted = 0;
    if (niact_session_tick(h->s, t, &defaulted) != NIACT_OK)
        fprintf(stderr, "niact host: the deadline: %s\n", niact_session_error(h->s));
    if (niact_game_turn(h->g) != turn)
        return;
    uint32_t late = niact_session_defaulted(h->s) & ~h->told_default;
    for (int r = 0; r < h->sc->n_roles; r++) {
        if (!(late & (1u << r)))
            continue;
        h->told_default |= 1u << r;
        fprintf(stderr, "niact host: the %s seat missed the deadline: it plays the default\n",
                role_id(h, r));
        hseat *hs = &h->hs[r];
        if (!hs->remote || hs->peer < 0)
            continue;
        if (hs->prompt) { /* the host no longer waits for this seat's command */
            net_msg cancel = net_msg_of(NET_PROMPT, 0, 0, "", 0);
            net_server_send(h->sv, hs->peer, &cancel);
            hs->prompt = 0;
        }
        send_text(h, hs->peer, "\n(Time is up: your seat plays the default orders this turn.)\n");
    }
    int64_t left = niact_session_time_left(h->s, t);
    if (h->countdown_turn != turn) { /* a new turn, or a new deadline: no notice for the
                                        marks already past */
        h->countdown_next = 0;
        while (left >= 0 && h->countdown_next < N_MARKS &&
               left <= countdown_marks[h->countdown_next] * 1000)
            h->countdown_next++;
        if (h->countdown_turn >= 0 && h->countdown_turn != turn)
            h->told_default = h->told_reopened = 0;
        h->countdown_turn = turn;
    } else if (left > 0 && !niact_session_paused(h->s)) {
        int crossed = -1;
        while (h->countdown_next < N_MARKS && left <= countdown_marks[h->countdown_next] * 1000)
            crossed = h->countdown_next++;
        if (crossed >= 0) {
            char c[32], text[96];
            clock_text(left, c, sizeof c);
            snprintf(text, sizeof text, "\n(Time left in this turn: %s.)\n", c);
            broadcast(h, text);
        }
    }
    if (late)
        advance(h, rec);
}

/* ---- connections ----------------------------------------------------------------- */

static void on_hello(host *h, const net_event *ev) {
    int peer = ev->peer;
    if (ev->m.kind == 1) { /* a projector: the public view, no code */
        hproj *p = &h->pj[peer];
        p->peer = peer, p->cursor = 0, p->shown_turn = -1, p->shown_given = 0;
        h->peer_role[peer] = NET_PROJECTOR_ROLE;
        net_server_accept(h->sv, peer, NET_PROJECTOR_ROLE);
        char text[300];
        snprintf(text, sizeof text, "Projector: the public view of %s (what every "
                 "delegation sees).", h->sc->meta.name);
        net_msg w = net_msg_of(NET_WELCOME, NET_PROJECTOR_ROLE, 0, text, strlen(text));
        net_server_send(h->sv, peer, &w);
        net_server_log(h->sv, peer, "a projector joined");
        projector_update(h, p);
        return;
    }
    int role = -1;
    for (int r = 0; r < h->sc->n_roles; r++)
        if (h->hs[r].remote && net_code_equal(h->hs[r].code, ev->m.text, ev->m.len))
            role = r;
    if (role < 0) {
        net_server_log(h->sv, peer, "refused: a code no seat has");
        net_server_kick(h->sv, peer, NET_BYE_CODE,
                        "No seat of this game has that code. Check the code your teacher "
                        "gave you (letters and digits; 0, O, 1, I and L are never used).");
        return;
    }
    hseat *hs = &h->hs[role];
    if (hs->peer >= 0) { /* the same seat again: the newer connection takes it */
        net_server_log(h->sv, hs->peer, "the %s seat's code was used again: this connection "
                       "is replaced", role_id(h, role));
        net_server_kick(h->sv, hs->peer, NET_BYE_REPLACED,
                        "Your seat was taken over by a new connection with its code.");
        h->peer_role[hs->peer] = NO_ROLE;
    }
    hs->peer = peer;
    hs->prompt = 0;
    hs->window = ev->m.kind == NET_HELLO_WINDOW;
    hs->view_hash = 0; /* a window gets its whole view at once */
    if (hs->shown_turn == niact_game_turn(h->g))
        hs->shown_turn = -2; /* the turn's screen again, with its news */
    h->peer_role[peer] = role;
    net_server_accept(h->sv, peer, role);
    char text[400];
    snprintf(text, sizeof text, "You are the %s in %s (scenario %s, version %s), "
             "playing on this host.", h->sc->roles[role].meta.name, h->sc->meta.name,
             h->sc->meta.id, h->sc->version);
    net_msg w = net_msg_of(NET_WELCOME, (uint8_t)role, 0, text, strlen(text));
    net_server_send(h->sv, peer, &w);
    if (hs->window) { /* which scenario: the window plays it from its own copy */
        net_msg sm = net_msg_of(NET_SCENARIO, 0, 0, h->sc->meta.id, strlen(h->sc->meta.id));
        const niact_variant_def *vd = niact_scenario_variant_played(h->sc);
        sm.hash = h->sc->content_hash;
        sm.text2 = vd ? vd->meta.id : "", sm.len2 = strlen(sm.text2);
        net_server_send(h->sv, peer, &sm);
    }
    net_server_log(h->sv, peer, "the %s seat joined%s", role_id(h, role),
                   hs->window ? " (in a window)" : "");
}

static void on_gone(host *h, int peer) {
    int role = h->peer_role[peer];
    h->peer_role[peer] = NO_ROLE;
    if (role == NET_PROJECTOR_ROLE) {
        h->pj[peer].peer = -1;
        return;
    }
    if (role < 0 || h->hs[role].peer != peer)
        return;
    h->hs[role].peer = -1;
    h->hs[role].prompt = 0;
    fprintf(stderr, "niact host: the %s seat left; it stays as it was and rejoins with its "
                    "code\n", role_id(h, role));
}

static void on_line(host *h, cli_rec *rec, const net_event *ev) {
    int peer = ev->peer;
    int role = h->peer_role[peer];
    if (role < 0 || role >= h->sc->n_roles || h->hs[role].peer != peer) {
        net_server_drop(h->sv, peer, "a command not from a seat");
        return;
    }
    hseat *hs = &h->hs[role];
    if (!hs->prompt || ev->m.prompt != hs->prompt) {
        net_server_drop(h->sv, peer, "a command of the %s seat %s", role_id(h, role),
                        !hs->prompt ? "out of turn (no prompt is waiting for it)"
                                    : "answers a prompt that is not the one waiting");
        return;
    }
    char line[NET_MAX_LINE + 1];
    memcpy(line, ev->m.text, ev->m.len);
    line[ev->m.len] = 0;
    hs->prompt = 0;
    capture c;
    if (!capture_begin(h, &c)) {
        seat_refresh(h, role);
        return;
    }
    int k = cli_turn_command(&h->t, role, line);
    if (k == CLI_TURN_DONE) {
        char wait[256];
        waiting_for(h, wait, sizeof wait);
        if (wait[0])
            fprintf(c.f, "Waiting for the other delegations (%s).\n", wait);
        fprintf(stderr, "niact host: the %s seat gave its orders\n", role_id(h, role));
    }
    hs->notice = log_end(h, role); /* not told of its own telegrams */
    capture_send(h, &c, peer);
    if (k == CLI_TURN_QUIT) {
        net_server_kick(h->sv, peer, NET_BYE_LEFT,
                        "You left the game. Your seat stays as it is: rejoin with the same "
                        "command and code.");
        h->peer_role[peer] = NO_ROLE;
        hs->peer = -1;
        fprintf(stderr, "niact host: the %s seat left (quit)\n", role_id(h, role));
    }
    notify_news(h, role);
    advance(h, rec);
}

/* ---- seats played in a window ---------------------------------------------------- */
/* A window client gets its seat's view as data (niact_session_seat_view: read through
 * that seat's own views, so nothing of another seat's is in it) whenever it changed, and
 * sends niact_commands (CMD), which run through niact_session_tell for its seat only. */

#define VIEW_RESYNC_MS 5000 /* a countdown running: the time left is sent again this often */

static void window_refresh(host *h, int r) {
    hseat *hs = &h->hs[r];
    if (!hs->remote || hs->peer < 0 || net_server_backlog(h->sv, hs->peer))
        return;
    uint64_t t = now_ms();
    int ticking = niact_session_time_left(h->s, (int64_t)t) >= 0;
    /* Built again only when something it holds may have moved (building one costs a few
     * ms late in a game: not every pass of the loop), or for the countdown's reading. */
    uint64_t key[6] = {niact_session_generation(h->s, r), niact_game_log_size(h->g),
                       (uint64_t)niact_session_paused(h->s),
                       (uint64_t)niact_session_deadline(h->s, NULL),
                       niact_session_defaulted(h->s), niact_session_reopened(h->s)};
    if (hs->view_hash && !memcmp(key, hs->view_key, sizeof key) &&
        (!ticking || t - hs->view_ms < VIEW_RESYNC_MS))
        return;
    memcpy(hs->view_key, key, sizeof key);
    char *json;
    size_t len;
    if (niact_session_seat_view(h->s, r, (int64_t)t, &json, &len) != NIACT_OK) {
        fprintf(stderr, "niact host: the %s seat's view: %s\n", role_id(h, r),
                niact_session_error(h->s));
        return;
    }
    uint64_t hash = niact_session_seat_view_hash(json, len);
    if (hash != hs->view_hash || (ticking && t - hs->view_ms >= VIEW_RESYNC_MS)) {
        if (net_server_send_view(h->sv, hs->peer, ++hs->view_id, json, len) == 0) {
            hs->view_hash = hash;
            hs->view_ms = t;
        } else
            net_server_log(h->sv, hs->peer, "the %s seat's view (%zu bytes) could not be sent",
                           role_id(h, r), len);
    }
    free(json);
}

static void on_cmd(host *h, cli_rec *rec, const net_event *ev) {
    int peer = ev->peer;
    int role = h->peer_role[peer];
    if (role < 0 || role >= h->sc->n_roles || h->hs[role].peer != peer || !h->hs[role].window) {
        net_server_drop(h->sv, peer, "a window's command not from a window seat");
        return;
    }
    hseat *hs = &h->hs[role];
    niact_command c;
    net_cmd_read(&ev->m, &c);
    niact_reply reply;
    memset(&reply, 0, sizeof reply);
    niact_status st;
    if (!may_prompt(hs)) /* the same throttle as a terminal's prompts */
        st = NIACT_ERR_INVALID,
        snprintf(reply.error.reason, sizeof reply.error.reason, "too many commands at once: "
                 "wait a moment");
    else if (c.kind < 0 || c.kind >= NIACT_CMD_SAVE)
        st = NIACT_ERR_INVALID,
        snprintf(reply.error.reason, sizeof reply.error.reason, "a seat cannot %s from "
                 "another computer", niact_command_name(c.kind));
    else {
        c.role = role; /* whatever it said: a connection gives only its own seat's commands */
        st = niact_session_tell(h->s, &c, &reply);
        if (st == NIACT_OK && c.kind == NIACT_CMD_END_TURN)
            fprintf(stderr, "niact host: the %s seat gave its orders\n", role_id(h, role));
    }
    notify_news(h, role);
    window_refresh(h, role); /* the view first: the answer finds it changed */
    net_msg m = net_msg_of(NET_REPLY, (uint8_t)reply.error.kind, ev->m.prompt, reply.error.reason,
                           st == NIACT_OK ? 0 : strlen(reply.error.reason));
    m.status = st;
    m.id = reply.id;
    net_server_send(h->sv, peer, &m);
    advance(h, rec);
}

/* ---- the moderator's console ----------------------------------------------------- */

static const char *const console_help =
    "Moderator commands:\n"
    "  seats                 every seat: who plays it, connected, orders given, its code\n"
    "  view ROLE             what that seat knows now (its status)\n"
    "  free ROLE             free a seat: its draft is dropped, a remote seat gets a new\n"
    "                        code (the old one stops working)\n"
    "  truth                 the true value of every track now\n"
    "  pause, resume         stop the game (nothing can be given or sent) and go on\n"
    "  deadline SECONDS [PLAY]   from now on each turn has SECONDS (0: no deadline); a\n"
    "                        seat late with its orders plays PLAY: a personality (e.g.\n"
    "                        historical) or none (no orders, the default)\n"
    "  default ROLE          that seat plays the default now\n"
    "  events                the scenario's events; inject EVENT fires one now\n"
    "  message TEXT          a message to every seat\n"
    "  rollback TURN         back to the start of an earlier turn (1-based; the turns\n"
    "                        undone stay in the record)\n"
    "  ROLE COMMAND          a command of a seat played at this console (text play's)\n"
    "  stop                  end the session now (the game is kept as far as played)\n"
    "  help                  this list\n";

/* After a moderator's command: seats hear what it wrote in the log, seats whose orders
 * came back to their draft are told, and the game moves on. */
static void after_moderator(host *h, cli_rec *rec) {
    notify_news(h, -1);
    uint32_t back = niact_session_reopened(h->s) & ~h->told_reopened;
    for (int r = 0; r < h->sc->n_roles; r++)
        if ((back & (1u << r)) && h->hs[r].remote && h->hs[r].peer >= 0) {
            h->told_reopened |= 1u << r;
            send_text(h, h->hs[r].peer, "\n(Something happened after you gave your orders: "
                                        "they are back in your draft. Look at 'news', then give "
                                        "them again with 'done'.)\n");
        }
    projectors_update(h);
    advance(h, rec);
}

/* A moderator's command, from the console or the window: through the session's queue
 * (niact_session_tell as NIACT_MODERATOR, so it is kept in the record), then what the
 * host does around it: every screen is told, prompts are withdrawn after a rollback, a
 * freed remote seat gets a new code (its `seat ROLE code CODE` line on stdout) and its
 * connection is closed. 0 with msg saying what was done, or -1 with msg saying why not. */
static int host_moderate(host *h, niact_command *c, char *msg, size_t len) {
    c->role = NIACT_MODERATOR;
    msg[0] = 0;
    int kind = c->kind, v = c->index;
    if (kind == NIACT_CMD_FREE_SEAT &&
        (v < 0 || v >= h->sc->n_roles || h->seats[v].kind != NIACT_SEAT_HUMAN)) {
        snprintf(msg, len, "Free which seat? (a seat played by people)");
        return -1;
    }
    if (niact_session_tell(h->s, c, NULL) != NIACT_OK) {
        snprintf(msg, len, "Not done: %s.", niact_session_error(h->s));
        return -1;
    }
    char text[NIACT_TELEGRAM_MAX + 160];
    switch (kind) {
    case NIACT_CMD_PAUSE:
    case NIACT_CMD_RESUME:
        broadcast(h, kind == NIACT_CMD_PAUSE ? "\n(The moderator paused the game: orders, "
                                               "proposals and telegrams wait until it goes on.)\n"
                                             : "\n(The game goes on.)\n");
        snprintf(msg, len, kind == NIACT_CMD_PAUSE ? "The game is paused." : "The game goes on.");
        h->countdown_turn = -1; /* the countdown is said again from where it stands */
        break;
    case NIACT_CMD_DEADLINE: {
        const char *play = c->text[0] && strcmp(c->text, "none") ? c->text : NULL;
        long sec = c->param;
        if (sec == 0)
            snprintf(text, sizeof text, "\n(The moderator removed the deadline.)\n");
        else
            snprintf(text, sizeof text, "\n(From now on each turn has %ld:%02ld; a delegation "
                     "that has not given its orders by then plays %s.)\n", sec / 60, sec % 60,
                     play ? play : "no orders");
        broadcast(h, text);
        if (sec == 0)
            snprintf(msg, len, "No deadline from now on.");
        else
            snprintf(msg, len, "Each turn has %ld:%02ld from now on; late seats play %s.",
                     sec / 60, sec % 60, play ? play : "no orders");
        h->countdown_turn = -1;
        break;
    }
    case NIACT_CMD_DEFAULT:
        snprintf(msg, len, "The %s seat plays the default now.", role_id(h, v));
        break;
    case NIACT_CMD_INJECT:
        snprintf(msg, len, "Event '%s' fired.", h->sc->events[v].meta.id);
        break;
    case NIACT_CMD_MESSAGE:
        snprintf(text, sizeof text, "\n(Message from the moderator: %s)\n", c->text);
        broadcast(h, text);
        for (int q = 0; q < h->sc->n_roles; q++) /* said: not announced again as news */
            if (h->hs[q].shown_turn >= 0)
                h->hs[q].notice = log_end(h, q);
        snprintf(msg, len, "Message sent to every seat.");
        break;
    case NIACT_CMD_FREE_SEAT:
        if (!h->hs[v].remote) {
            snprintf(msg, len, "The %s seat's draft was dropped.", role_id(h, v));
        } else if (net_code_new(h->hs[v].code, sizeof h->hs[v].code) != 0) {
            snprintf(msg, len, "No new code: the system gave no randomness (the old one still "
                               "works).");
        } else {
            if (h->hs[v].peer >= 0) {
                net_server_kick(h->sv, h->hs[v].peer, NET_BYE_FREED,
                                "The moderator gave your seat a new code.");
                h->peer_role[h->hs[v].peer] = NO_ROLE;
                h->hs[v].peer = -1;
                h->hs[v].prompt = 0;
            }
            if (h->hs[v].shown_turn == niact_game_turn(h->g))
                h->hs[v].shown_turn = -2;
            printf("seat %s code %s\n", role_id(h, v), h->hs[v].code);
            fflush(stdout);
            snprintf(msg, len, "The %s seat has a new code: %s.", role_id(h, v), h->hs[v].code);
        }
        break;
    case NIACT_CMD_ROLLBACK: {
        /* Every screen opens the turn again; the log was played again, so every cursor
         * into it starts over from where the seats now stand. */
        size_t size = niact_game_log_size(h->g);
        for (int q = 0; q < h->sc->n_roles; q++) {
            hseat *hs = &h->hs[q];
            if (hs->remote && hs->peer >= 0 && hs->prompt) {
                net_msg cancel = net_msg_of(NET_PROMPT, 0, 0, "", 0);
                net_server_send(h->sv, hs->peer, &cancel);
            }
            hs->prompt = 0;
            hs->shown_turn = -1;
            if (hs->notice > size)
                hs->notice = size;
        }
        for (int i = 0; i < NET_MAX_PEERS; i++)
            if (h->pj[i].peer >= 0) {
                h->pj[i].shown_turn = -1;
                if (h->pj[i].cursor > size)
                    h->pj[i].cursor = size;
            }
        h->console_turn = -1;
        h->countdown_turn = -1;
        h->told_default = h->told_reopened = 0;
        snprintf(text, sizeof text, "\n(The moderator rolled the game back to the start of "
                 "turn %d.)\n", (int)v);
        broadcast(h, text);
        snprintf(msg, len, "Back at the start of turn %d.", (int)v);
        break;
    }
    default:
        break;
    }
    after_moderator(h, h->rec);
    return 0;
}

/* The console's moderator command: carried out, and what it did (or why not) printed
 * (a pause, a deadline, a message or a rollback is said by its broadcast already). */
static void console_moderate(host *h, niact_command *c) {
    char msg[400];
    int kind = c->kind;
    if (host_moderate(h, c, msg, sizeof msg) != 0 ||
        (kind != NIACT_CMD_PAUSE && kind != NIACT_CMD_RESUME && kind != NIACT_CMD_MESSAGE &&
         kind != NIACT_CMD_DEADLINE && kind != NIACT_CMD_ROLLBACK))
        printf("  %s\n", msg);
}

static int console_event(host *h, const char *word) {
    if (!word || !*word)
        return -1;
    char *end;
    long k = strtol(word, &end, 10);
    if (!*end && k >= 1 && k <= h->sc->n_events)
        return (int)k - 1;
    for (int e = 0; e < h->sc->n_events; e++)
        if (!strcmp(h->sc->events[e].meta.id, word))
            return e;
    return -1;
}

static int console_role(host *h, const char *word) {
    return word && *word ? niact_scenario_role(h->sc, word) : -1;
}

static void console_line(host *h, char *line) {
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
        return;
    h->t.out = stdout;
    int r = console_role(h, cmd);
    if (!strcmp(cmd, "help") || !strcmp(cmd, "?")) {
        fputs(console_help, stdout);
    } else if (!strcmp(cmd, "seats")) {
        for (int i = 0; i < h->sc->n_roles; i++) {
            const hseat *hs = &h->hs[i];
            printf("  %-8s %-10s %-13s %-18s", role_id(h, i),
                   hs->remote ? "remote" : h->seats[i].kind == NIACT_SEAT_AI ? "ai" : "console",
                   hs->remote ? (hs->peer >= 0 ? "connected" : "not connected") : "",
                   h->seats[i].kind == NIACT_SEAT_AI   ? ""
                   : niact_game_submitted(h->g, i) ? "orders given"
                                                   : "writing orders");
            if (hs->remote)
                printf(" code %s", hs->code);
            printf("\n");
        }
    } else if (!strcmp(cmd, "view")) {
        int v = console_role(h, arg);
        if (v < 0)
            printf("  view which seat? (a role id, e.g. view %s)\n", role_id(h, 0));
        else {
            char st[] = "status";
            cli_turn_command(&h->t, v, st);
        }
    } else if (!strcmp(cmd, "free")) {
        int v = console_role(h, arg);
        niact_command c = niact_command_make(NIACT_CMD_FREE_SEAT, NIACT_MODERATOR);
        c.index = v;
        if (v < 0 || h->seats[v].kind != NIACT_SEAT_HUMAN)
            printf("  free which seat? (a seat played by people: seats lists them)\n");
        else
            console_moderate(h, &c);
    } else if (!strcmp(cmd, "truth")) {
        for (int t = 0; t < h->sc->n_tracks; t++) {
            int32_t v = 0;
            if (niact_session_truth(h->s, t, &v) != NIACT_OK)
                continue;
            const niact_track_def *d = &h->sc->tracks[t];
            const char *label = d->n_labels > 0 && v >= d->min && v - d->min < d->n_labels
                                    ? d->labels[v - d->min]
                                    : NULL;
            printf("  %-44s %d%s%s%s\n", d->meta.name, v, label ? " (" : "", label ? label : "",
                   label ? ")" : "");
        }
    } else if (!strcmp(cmd, "pause") || !strcmp(cmd, "resume")) {
        niact_command c = niact_command_make(cmd[0] == 'p' ? NIACT_CMD_PAUSE : NIACT_CMD_RESUME,
                                             NIACT_MODERATOR);
        console_moderate(h, &c);
    } else if (!strcmp(cmd, "deadline")) {
        char *num = strtok(arg, " ");
        char *play = num ? strtok(NULL, " ") : NULL;
        char *end = NULL;
        long sec = num ? strtol(num, &end, 10) : -1;
        if (!num || *end || sec < 0 || sec > NIACT_SESSION_MAX_DEADLINE || strtok(NULL, " ")) {
            printf("  deadline SECONDS [PLAY]: SECONDS 0-%d (0: none), PLAY a personality or "
                   "none\n", NIACT_SESSION_MAX_DEADLINE);
        } else {
            niact_command c = niact_command_make(NIACT_CMD_DEADLINE, NIACT_MODERATOR);
            c.param = (int32_t)sec;
            snprintf(c.text, sizeof c.text, "%s", play ? play : "none");
            console_moderate(h, &c);
        }
    } else if (!strcmp(cmd, "default")) {
        int v = console_role(h, arg);
        niact_command c = niact_command_make(NIACT_CMD_DEFAULT, NIACT_MODERATOR);
        c.index = v;
        if (v < 0)
            printf("  default which seat? (a role id)\n");
        else
            console_moderate(h, &c);
    } else if (!strcmp(cmd, "events")) {
        for (int e = 0; e < h->sc->n_events; e++)
            printf("  %2d. %-28s %s\n", e + 1, h->sc->events[e].meta.id,
                   h->sc->events[e].meta.name);
    } else if (!strcmp(cmd, "inject")) {
        int e = console_event(h, arg);
        niact_command c = niact_command_make(NIACT_CMD_INJECT, NIACT_MODERATOR);
        c.index = e;
        if (e < 0)
            printf("  inject which event? ('events' lists them: an id or a number)\n");
        else
            console_moderate(h, &c);
    } else if (!strcmp(cmd, "message")) {
        niact_command c = niact_command_make(NIACT_CMD_MESSAGE, NIACT_MODERATOR);
        snprintf(c.text, sizeof c.text, "%s", arg);
        if (!*arg)
            printf("  message TEXT\n");
        else
            console_moderate(h, &c);
    } else if (!strcmp(cmd, "rollback")) {
        char *end;
        long turn = strtol(arg, &end, 10);
        niact_command c = niact_command_make(NIACT_CMD_ROLLBACK, NIACT_MODERATOR);
        c.index = (int32_t)turn;
        if (!*arg || *end || turn < 1 || turn > h->sc->turns)
            printf("  rollback TURN: the turn to go back to the start of (1-%d)\n",
                   niact_game_turn(h->g) + 1);
        else
            console_moderate(h, &c);
    } else if (!strcmp(cmd, "stop")) {
        h->stop = 1;
    } else if (r >= 0) {
        if (h->hs[r].remote)
            printf("  The %s seat is played from another computer.\n", role_id(h, r));
        else if (h->seats[r].kind != NIACT_SEAT_HUMAN)
            printf("  The %s seat is played by the AI.\n", role_id(h, r));
        else if (niact_game_submitted(h->g, r))
            printf("  The %s seat has given its orders for this turn.\n", role_id(h, r));
        else {
            char rest[NET_MAX_LINE + 1];
            snprintf(rest, sizeof rest, "%s", arg);
            int k = cli_turn_command(&h->t, r, rest);
            if (k == CLI_TURN_QUIT)
                printf("  (A seat at the console does not leave; 'stop' ends the session.)\n");
            notify_news(h, r);
            advance(h, h->rec);
        }
    } else
        printf("  Unknown command '%.40s'. Type 'help'.\n", cmd);
    fflush(stdout);
}

/* ---- the command ----------------------------------------------------------------- */

static int parse_seat(host *h, const char *arg, uint32_t *given) {
    const char *eq = strchr(arg, '=');
    if (!eq) {
        fprintf(stderr, "niact host: --seat takes ROLE=remote|human|ai[:PERSONALITY], not "
                        "'%s'\n", arg);
        return -1;
    }
    char role[64];
    snprintf(role, sizeof role, "%.*s", (int)(eq - arg) < 63 ? (int)(eq - arg) : 63, arg);
    int r = niact_scenario_role(h->sc, role);
    if (r < 0) {
        fprintf(stderr, "niact host: scenario '%s' has no role '%s' (roles:", h->sc->meta.id,
                role);
        for (int i = 0; i < h->sc->n_roles; i++)
            fprintf(stderr, " %s", h->sc->roles[i].meta.id);
        fprintf(stderr, ")\n");
        return -1;
    }
    if (*given & (1u << r)) {
        fprintf(stderr, "niact host: --seat %s= given twice (one --seat for each role)\n", role);
        return -1;
    }
    *given |= 1u << r;
    if (!strcmp(eq + 1, "remote")) {
        h->hs[r].remote = 1;
        h->seats[r].kind = NIACT_SEAT_HUMAN;
        return 0;
    }
    h->hs[r].remote = 0;
    if (niact_seat_parse(eq + 1, &h->seats[r]) != 0) {
        fprintf(stderr, "niact host: seat '%s' must be remote, human, ai or ai:PERSONALITY\n",
                eq + 1);
        return -1;
    }
    return 0;
}

/* Frees what cli_host_open made (the session, the server). */
static void host_free(host *h) {
    if (!h)
        return;
    if (h->sv)
        net_server_close(h->sv);
    if (h->s)
        niact_session_free(h->s);
    free(h);
}

int cli_host_open(int argc, char **argv, host **out) {
    const char *scenario = NULL, *seat_args[32], *bind_addr = NULL; /* NULL: first bundled */
    const char *variant = NULL;
    int n_seats = 0, text = 0, have_seed = 0, have_scenario = 0, k;
    long port = NET_DEFAULT_PORT;
    uint64_t seed = 0;
    *out = NULL;
    host *hp = calloc(1, sizeof *hp); /* large (the projectors, the text game): not on the stack */
    if (!hp) {
        fprintf(stderr, "niact host: out of memory\n");
        return CLI_BAD_INPUT;
    }
    host *h = hp;
    cli_rec *rec = &h->rec_store;
    cli_rec_init(rec);
    h->rec = rec;
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
                fprintf(stderr, "niact host: --seed takes a whole number, not '%s'\n", argv[i]);
                host_free(h);
                return CLI_USAGE;
            }
            have_seed = 1;
        } else if (!strcmp(a, "--port") && more) {
            char *end;
            port = strtol(argv[++i], &end, 10);
            if (*end || end == argv[i] || port < 0 || port > 65535) {
                fprintf(stderr, "niact host: --port takes a UDP port 1-65535 (0: any free "
                                "port), not '%s'\n", argv[i]);
                host_free(h);
                return CLI_USAGE;
            }
        } else if (!strcmp(a, "--bind") && more)
            bind_addr = argv[++i];
        else if (!strcmp(a, "--text"))
            text = 1;
        else if (!strcmp(a, "--projector-window"))
            h->win_projector = 1;
        else if (!strcmp(a, "--fullscreen"))
            h->win_fullscreen = 1;
        else if ((!strcmp(a, "--scale") || !strcmp(a, "--size") || !strcmp(a, "--preset")) &&
                 more && h->n_win < 7) {
            h->win_args[h->n_win++] = argv[i];
            h->win_args[h->n_win++] = argv[++i];
        }
        else if ((k = cli_rec_option(rec, argc, argv, &i)) != 0) {
            if (k < 0) {
                host_free(h);
                return CLI_USAGE;
            }
        } else {
            fprintf(stderr, "niact host: unexpected '%s' (see niact host --help)\n", a);
            host_free(h);
            return CLI_USAGE;
        }
    }
    if (text && h->n_win) {
        fprintf(stderr, "niact host: --scale, --size and --preset are for the moderator "
                        "window, not --text\n");
        host_free(h);
        return CLI_USAGE;
    }
#ifdef NIACT_HAVE_WINDOW
    char why[300];
    if (!text && niact_ui_window_args_ok(h->n_win, h->win_args, why, sizeof why) != 0) {
        fprintf(stderr, "niact host: %s\n", why);
        host_free(h);
        return CLI_USAGE;
    }
    if (!text && niact_ui_display_ok(why, sizeof why) != 0) {
        fprintf(stderr, "niact host: cannot open the moderator window (%s); run the host with "
                        "--text (the moderator console in this terminal)\n", why);
        host_free(h);
        return CLI_USAGE;
    }
#else
    if (!text) {
        fprintf(stderr, "niact host: this build has no window; run the host with --text (the "
                        "moderator console in this terminal)\n");
        host_free(h);
        return CLI_USAGE;
    }
#endif
    if ((k = cli_rec_check(rec)) != CLI_OK) {
        host_free(h);
        return k;
    }
    char msg[1024];
    niact_host *lh = NULL;
    if (rec->load_arg) { /* a game saved or recorded: its scenario, seed and seats' kinds */
        if (have_seed || variant) {
            fprintf(stderr, "niact host: --load takes the seed and variant from the save\n");
            host_free(h);
            return CLI_USAGE;
        }
        if ((k = cli_rec_load(rec, have_scenario ? scenario : NULL, &h->s)) != CLI_OK) {
            host_free(h);
            return k;
        }
        h->sc = niact_session_scenario(h->s);
        seed = niact_game_seed(niact_session_view(h->s));
        have_seed = 1;
        for (int r = 0; r < h->sc->n_roles; r++)
            h->seats[r] = *niact_session_seat(h->s, r);
    } else {
        char dir[4096];
        if (!scenario && !(scenario = cli_default_scenario("host"))) {
            host_free(h);
            return CLI_BAD_INPUT;
        }
        if (niact_session_load(scenario, NULL, &lh, dir, sizeof dir, msg, sizeof msg) !=
            NIACT_OK) {
            fprintf(stderr, "niact host: %s\n", msg);
            host_free(h);
            return CLI_BAD_INPUT;
        }
        fprintf(stderr, "niact: scenario %s from %s\n", niact_host_scenario(lh)->meta.id, dir);
        if (cli_set_variant(lh, variant, "host") != 0) {
            niact_host_free(lh);
            host_free(h);
            return CLI_USAGE;
        }
        h->sc = niact_host_scenario(lh);
    }
    for (int r = 0; r < h->sc->n_roles; r++) {
        /* seats not named are remote (a loaded game's AI seats stay AI) */
        h->hs[r].remote = h->seats[r].kind == NIACT_SEAT_HUMAN;
        h->hs[r].peer = -1;
        h->hs[r].shown_turn = -1;
    }
    niact_seat loaded[NIACT_MAX_ROLES];
    memcpy(loaded, h->seats, sizeof loaded);
    uint32_t given = 0;
    int bad = 0;
    for (int i = 0; i < n_seats && !bad; i++)
        bad = parse_seat(h, seat_args[i], &given) != 0;
    for (int r = 0; r < h->sc->n_roles && !bad && h->s; r++)
        if (h->seats[r].kind != loaded[r].kind) {
            fprintf(stderr, "niact host: the loaded game's %s seat is %s; --seat may say only "
                            "where a human seat plays (remote or human)\n",
                    h->sc->roles[r].meta.id, loaded[r].kind == NIACT_SEAT_AI ? "an AI" : "human");
            bad = 1;
        }
    for (int r = 0; r < h->sc->n_roles && !bad && !text; r++)
        if (h->seats[r].kind == NIACT_SEAT_HUMAN && !h->hs[r].remote) {
            fprintf(stderr, "niact host: the %s seat is human at this computer: that needs the "
                            "console (--text); in the moderator window every human seat is "
                            "remote\n", h->sc->roles[r].meta.id);
            bad = 1;
        }
    if (bad) {
        niact_host_free(lh);
        host_free(h);
        return CLI_USAGE;
    }
    for (int r = 0; r < h->sc->n_roles; r++)
        if (h->hs[r].remote && net_code_new(h->hs[r].code, sizeof h->hs[r].code) != 0) {
            fprintf(stderr, "niact host: the system gave no randomness for the seat codes\n");
            niact_host_free(lh);
            host_free(h);
            return CLI_BAD_INPUT;
        }
    if (!have_seed)
        seed = cli_clock_seed();
    if (!h->s) {
        niact_status st = niact_session_new(lh, seed, h->seats, &h->s, msg, sizeof msg);
        if (st != NIACT_OK) {
            fprintf(stderr, "niact host: %s\n", msg);
            niact_host_free(lh);
            host_free(h);
            return st == NIACT_ERR_INVALID ? CLI_USAGE : CLI_BAD_INPUT;
        }
        niact_session_own_host(h->s);
    }
    h->sv = net_server_open(bind_addr, (uint16_t)port, msg, sizeof msg);
    if (!h->sv) {
        fprintf(stderr, "niact host: %s\n", msg);
        host_free(h);
        return CLI_BAD_INPUT;
    }
    h->g = niact_session_view(h->s);
    h->seed = seed;
    h->t.s = h->s, h->t.g = h->g, h->t.sc = h->sc, h->t.out = stdout, h->t.remote = 1;
    h->t.rec = NULL; /* 'save' is the host's */
    for (int r = 0; r < h->sc->n_roles; r++)
        h->t.humans += h->seats[r].kind == NIACT_SEAT_HUMAN;
    for (int i = 0; i < NET_MAX_PEERS; i++)
        h->peer_role[i] = NO_ROLE, h->pj[i].peer = -1;
    h->console = text;
    h->console_open = text;
    h->window = !text;
    h->console_turn = -1;
    h->countdown_turn = -1;
    fprintf(stderr, "niact host: %s (scenario %s) - seed %llu%s - listening on UDP port %u\n",
            h->sc->meta.name, h->sc->meta.id, (unsigned long long)seed,
            have_seed ? "" : " (from the clock)", (unsigned)net_server_port(h->sv));
    for (int r = 0; r < h->sc->n_roles; r++)
        if (h->hs[r].remote)
            printf("seat %s code %s\n", role_id(h, r), h->hs[r].code);
    fflush(stdout);
    const niact_variant_def *vd = niact_scenario_variant_played(h->sc);
    if (vd && !rec->load_arg) {
        fprintf(stderr, "niact host: variant %s (%s)\n", vd->meta.name, vd->meta.id);
        if (vd->deadline > 0) { /* the variant's deadline, as the moderator would set it */
            niact_command c = niact_command_make(NIACT_CMD_DEADLINE, NIACT_MODERATOR);
            c.param = vd->deadline;
            snprintf(c.text, sizeof c.text, "%s", vd->absent[0] ? vd->absent : "none");
            if (niact_session_tell(h->s, &c, NULL) != NIACT_OK)
                fprintf(stderr, "niact host: the variant's deadline: %s\n",
                        niact_session_error(h->s));
            else
                fprintf(stderr, "niact host: each turn has %d:%02d (the variant's deadline); a "
                                "seat late with its orders plays %s\n", vd->deadline / 60,
                        vd->deadline % 60, vd->absent[0] ? vd->absent : "no orders");
        }
    }
    cli_catch_stop_signals();
    signal(SIGPIPE, SIG_IGN); /* a console whose reader went away does not stop the game */
    cli_rec_turn(rec, h->s);
    if (advance(h, rec)) {
        h->over = 1;
        game_over(h);
    }
    *out = h;
    return CLI_OK;
}

/* The console's lines that are complete now (none waits). */
static void console_read(host *h) {
    char line[LINE_MAX_BYTES + 1];
    while (h->console_open && !h->stop) {
        int lk = cli_read_line_within(&h->in, line, 0);
        if (lk == LINE_OK) {
            console_line(h, line);
            continue;
        }
        if (lk == LINE_END) {
            h->console_open = 0; /* the game goes on without the console */
            fprintf(stderr, "niact host: the console's input ended; the game goes on until it "
                            "ends (Ctrl-C stops it)\n");
            for (int r = 0; r < h->sc->n_roles; r++)
                if (h->seats[r].kind == NIACT_SEAT_HUMAN && !h->hs[r].remote)
                    fprintf(stderr, "niact host: the %s seat plays at the console, which has "
                                    "closed: its turns wait for a deadline or Ctrl-C\n",
                            role_id(h, r));
        }
        break;
    }
}

int cli_host_step(host *h, int wait_ms) {
    if (h->resolving) { /* the worker resolves the turn: nothing else touches the session */
        if (!atomic_load(&h->worker_done)) {
            if (wait_ms > 0) {
                struct timespec t = {0, (wait_ms < 10 ? wait_ms : 10) * 1000000L};
                nanosleep(&t, NULL);
            }
            return h->stop || cli_stop_signal();
        }
        pthread_join(h->worker, NULL);
        h->resolving = 0;
        if (resolved(h, h->rec, h->worker_st) == 0 && advance(h, h->rec) && !h->over) {
            h->over = 1;
            game_over(h);
        }
        return h->over || h->stop || cli_stop_signal();
    }
    if (!h->over) {
        net_event ev;
        /* The network's events now (the first may be waited for), at most 64 a pass so
         * that a flood never holds the clock, the console or the window. */
        for (int n = 0; n < 64 && !h->over && net_server_poll(h->sv, &ev, n ? 0 : wait_ms); n++) {
            if (ev.kind == NET_EV_HELLO)
                on_hello(h, &ev);
            else if (ev.kind == NET_EV_LINE)
                on_line(h, h->rec, &ev);
            else if (ev.kind == NET_EV_CMD)
                on_cmd(h, h->rec, &ev);
            else if (ev.kind == NET_EV_GONE)
                on_gone(h, ev.peer);
            h->over = advance(h, h->rec);
        }
        if (!h->over)
            console_read(h);
        if (!h->over)
            tick(h, h->rec);
        if (!h->over)
            h->over = niact_game_phase(h->g) == NIACT_PHASE_ENDED || advance(h, h->rec);
        if (h->over)
            game_over(h);
    } else {
        net_event ev; /* the game is over: the last words still go out */
        for (int n = 0; n < 64 && net_server_poll(h->sv, &ev, n ? 0 : wait_ms); n++)
            if (ev.kind == NET_EV_GONE)
                on_gone(h, ev.peer);
    }
    return h->over || h->stop || cli_stop_signal();
}

int cli_host_close(host *h) {
    int rc = CLI_OK;
    if (h->resolving) { /* the turn under way finishes first */
        pthread_join(h->worker, NULL);
        h->resolving = 0;
        resolved(h, h->rec, h->worker_st);
    }
    if (!h->over) {
        const char *why = h->stop ? "The moderator ended the session."
                                  : "The host was stopped.";
        for (int i = 0; i < NET_MAX_PEERS; i++)
            if (h->peer_role[i] != NO_ROLE)
                net_server_kick(h->sv, i, NET_BYE_STOPPED, why);
        cli_rec_quit(h->rec, h->s, 0); /* the turn so far: orders given, talks, moderator */
        char where[8300];
        if (cli_rec_kept(h->rec, where, sizeof where))
            fprintf(stderr, "niact host: %s The game is kept in %s (as far as played; orders "
                            "not yet given are not kept). Resume it with: niact host --text "
                            "--load %s\n", why, where,
                    h->rec->record_ok ? h->rec->record_path : h->rec->autosaved);
        else
            fprintf(stderr, "niact host: %s Nothing was kept (no --record, autosave off or "
                            "failed).\n", why);
        rc = cli_stop_signal() ? 128 + cli_stop_signal() : CLI_OK;
    }
    net_server_flush(h->sv, 2000);
    host_free(h);
    return rc;
}

/* ---- the moderator window's side (engine/ui/room.h) ------------------------------- */

static int room_tick(void *ctx) {
    host *h = ctx;
    return cli_host_step(h, 0);
}

static int room_moderate(void *ctx, niact_command *c, char *msg, size_t len) {
    return host_moderate(ctx, c, msg, len);
}

static void room_seat(void *ctx, int role, ui_room_seat *out) {
    host *h = ctx;
    memset(out, 0, sizeof *out);
    if (role < 0 || role >= h->sc->n_roles)
        return;
    out->remote = h->hs[role].remote;
    out->connected = h->hs[role].remote && h->hs[role].peer >= 0;
    if (out->remote)
        snprintf(out->code, sizeof out->code, "%s", h->hs[role].code);
}

static int room_busy(void *ctx) {
    const host *h = ctx;
    return h->resolving;
}

static void room_stop(void *ctx) {
    host *h = ctx;
    h->stop = 1;
}

void cli_host_room(host *h, ui_room *room) {
    memset(room, 0, sizeof *room);
    room->ctx = h;
    room->s = h->s;
    room->port = net_server_port(h->sv);
    room->projector = h->win_projector;
    room->fullscreen = h->win_fullscreen;
    room->n_win = h->n_win;
    memcpy(room->win_args, h->win_args, sizeof room->win_args);
    room->tick = room_tick;
    room->moderate = room_moderate;
    room->seat = room_seat;
    room->stop = room_stop;
    room->busy = room_busy;
}

int cli_host(int argc, char **argv) {
    host *h = NULL;
    int k = cli_host_open(argc, argv, &h);
    if (k != CLI_OK)
        return k;
    if (h->window) {
#ifdef NIACT_HAVE_WINDOW
        ui_room room;
        cli_host_room(h, &room);
        niact_ui_host(&room);
        if (!h->over)
            h->stop = 1; /* the window closed before the end: the session ends, the game
                            is kept */
#endif
    } else {
        while (!cli_host_step(h, 50))
            ;
    }
    return cli_host_close(h);
}
