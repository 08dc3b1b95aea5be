/* niact join HOST --code CODE (no --text): a seat of a game hosted elsewhere, played in
 * the window. The window plays it through a remote session (session.h,
 * niact_session_remote): the scenario is loaded from this computer's own copy (the host
 * names it and its content hash; another copy is refused), its game is filled only from
 * the views the host sends, and every command the desk gives goes to the host as a
 * niact_command (CMD) and waits for the host's answer. The desk itself is the one of
 * local play: nothing in the desk knows it is remote.
 *
 * The link reconnects by itself with the seat's code when the connection drops (the
 * host keeps the seat as it was); the host's notes (the moderator's messages, the
 * countdown) show in the outbox's line. */
#include "app.h"
#include "net/net.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CONNECT_MS 5000
#define WELCOME_MS 10000     /* the host's WELCOME, SCENARIO and first view */
#define REPLY_MS 15000       /* the host's answer to a command (a loaded host is slow) */
#define RETRY_MS 2000        /* between attempts to reconnect */

struct ui_link {
    net_client *c;
    char host[256];
    uint16_t port;
    char code[NET_CODE_MAX + 1];
    int role;                /* from WELCOME, -1 before */
    char scen_id[65];        /* from SCENARIO */
    char variant[65];        /* the variant the host plays ("": none) */
    uint64_t scen_hash;
    int have_scen;
    net_view_buf vb;
    niact_session *s;        /* once built */
    int app_owns;            /* the window owns s (freed with the game) */
    char *early;             /* a whole view that came before the session was built */
    size_t early_len;
    uint32_t seq;            /* commands sent */
    uint32_t reply_seq;      /* the answer received last */
    niact_reply reply;
    int moved;               /* a view moved the turn (for the desk's pump) */
    int ended;               /* END received */
    int closed;              /* the host sent BYE: no reconnecting */
    int lost;                /* the connection dropped: reconnecting */
    uint64_t retry_at;
    char note[400];          /* the host's last note, or what the link is doing */
    int note_new;
    FILE *trace;             /* NIACT_NET_TRACE: every byte received (tests) */
};

static uint64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

static void set_note(ui_link *l, const char *text, size_t n) {
    while (n && (text[0] == '\n' || text[0] == ' ')) /* the host's notes begin with a line */
        text++, n--;
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        n--;
    if (n >= sizeof l->note)
        n = sizeof l->note - 1;
    for (size_t i = 0; i < n; i++) /* one line in the outbox */
        l->note[i] = text[i] == '\n' ? ' ' : text[i];
    l->note[n] = 0;
    l->note_new = 1;
}

static int link_hello(ui_link *l, char *msg, size_t msglen) {
    l->c = net_client_connect(l->host, l->port, CONNECT_MS, msg, msglen);
    if (!l->c)
        return -1;
    if (l->trace)
        net_client_trace(l->c, l->trace);
    net_msg hello = net_msg_of(NET_HELLO, NET_HELLO_WINDOW, 0, l->code, strlen(l->code));
    if (net_client_send(l->c, &hello) != 0) {
        snprintf(msg, msglen, "the code could not be sent");
        net_client_close(l->c, 0);
        l->c = NULL;
        return -1;
    }
    return 0;
}

static void apply(ui_link *l, const char *json, size_t len) {
    int moved = 0;
    if (niact_session_remote_apply(l->s, json, len, (int64_t)now_ms(), &moved) != NIACT_OK)
        fprintf(stderr, "niact join: dropped the host's view: %s\n", niact_session_error(l->s));
    l->moved |= moved;
}

/* One message from the host, handled. */
static void on_message(ui_link *l, const net_msg *m) {
    char why[200];
    switch (m->type) {
    case NET_WELCOME:
        l->role = m->kind;
        break;
    case NET_SCENARIO:
        snprintf(l->scen_id, sizeof l->scen_id, "%.*s", (int)m->len, m->text);
        snprintf(l->variant, sizeof l->variant, "%.*s", (int)m->len2, m->text2);
        l->scen_hash = m->hash;
        l->have_scen = 1;
        break;
    case NET_VIEW: {
        int k = net_view_add(&l->vb, m, why, sizeof why);
        if (k < 0)
            fprintf(stderr, "niact join: dropped a view piece: %s\n", why);
        if (k == 1 && !l->s) { /* kept until the session is built */
            free(l->early);
            if ((l->early = malloc(l->vb.len + 1)))
                memcpy(l->early, l->vb.data, l->vb.len + 1), l->early_len = l->vb.len;
        } else if (k == 1)
            apply(l, l->vb.data, l->vb.len);
        break;
    }
    case NET_REPLY:
        l->reply_seq = m->prompt;
        memset(&l->reply, 0, sizeof l->reply);
        l->reply.status = m->status;
        l->reply.id = m->id;
        l->reply.error.status = m->status;
        l->reply.error.kind = (niact_error_kind)m->kind;
        snprintf(l->reply.error.reason, sizeof l->reply.error.reason, "%.*s", (int)m->len,
                 m->text);
        break;
    case NET_TEXT:
        set_note(l, m->text, m->len);
        break;
    case NET_END:
        l->ended = 1;
        break;
    case NET_BYE:
        set_note(l, m->text, m->len);
        fprintf(stderr, "niact join: %.*s\n", (int)m->len, m->text);
        l->closed = 1;
        break;
    default:
        break;
    }
}

/* Handles what the host sent, waiting up to timeout_ms for the first message; when the
 * connection has dropped, tries again every RETRY_MS. 0, or -1 once the host has closed
 * the seat for good (msg says why). */
static int link_pump(ui_link *l, int timeout_ms) {
    if (l->closed)
        return -1;
    if (!l->c) {
        if (l->ended || now_ms() < l->retry_at)
            return 0;
        char msg[512];
        if (link_hello(l, msg, sizeof msg) != 0) {
            l->retry_at = now_ms() + RETRY_MS;
            char text[600];
            snprintf(text, sizeof text, "The connection to the host is lost (%s); trying "
                     "again ...", msg);
            set_note(l, text, strlen(text));
            return 0;
        }
        l->lost = 0;
        const char *back = "Connected to the host again: your seat is as you left it.";
        set_note(l, back, strlen(back));
    }
    for (int first = 1;; first = 0) {
        net_msg m;
        char msg[512];
        int k = net_client_poll(l->c, &m, first ? timeout_ms : 0, msg, sizeof msg);
        if (k == 0)
            return 0;
        if (k < 0) {
            net_client_close(l->c, 0);
            l->c = NULL;
            net_view_free(&l->vb);
            if (l->closed || l->ended)
                return l->closed ? -1 : 0;
            l->lost = 1;
            l->retry_at = now_ms() + RETRY_MS;
            char text[600];
            snprintf(text, sizeof text, "The connection to the host is lost (%s); trying "
                     "again ...", msg);
            set_note(l, text, strlen(text));
            return 0;
        }
        on_message(l, &m);
    }
}

/* ---- the remote session's io ---------------------------------------------------- */

static niact_status io_tell(void *ud, niact_session *s, const niact_command *cmd,
                            niact_reply *reply) {
    ui_link *l = ud;
    (void)s;
    memset(reply, 0, sizeof *reply);
    uint8_t buf[NET_MAX_PACKET];
    uint32_t seq = ++l->seq;
    size_t n = net_cmd_encode(seq, cmd, buf, sizeof buf);
    const char *why = NULL;
    if (!n)
        why = "the command is too large to send";
    else if (!l->c || net_client_send_raw(l->c, buf, n) != 0)
        why = "the connection to the host is lost; wait until it is back";
    uint64_t end = now_ms() + REPLY_MS;
    while (!why && l->reply_seq != seq) {
        if (link_pump(l, 20) != 0 || !l->c)
            why = "the connection to the host is lost; wait until it is back";
        else if (now_ms() > end)
            why = "the host did not answer";
    }
    if (why) {
        reply->status = NIACT_ERR_IO;
        reply->error.status = NIACT_ERR_IO;
        reply->error.kind = NIACT_KIND_IO;
        snprintf(reply->error.reason, sizeof reply->error.reason, "%s", why);
        return NIACT_ERR_IO;
    }
    *reply = l->reply;
    return reply->status;
}

static niact_status io_wait(void *ud, niact_session *s) {
    ui_link *l = ud;
    const niact_game *g = niact_session_view(s);
    int role = niact_session_remote_role(s);
    int32_t turn = niact_game_turn(g);
    for (;;) {
        if (niact_game_turn(g) != turn || niact_game_phase(g) == NIACT_PHASE_ENDED ||
            !niact_game_submitted(g, role))
            return NIACT_OK;
        if (niact_session_remote_cancelled(s))
            return NIACT_ERR_STATE;
        if (link_pump(l, 50) != 0)
            return NIACT_ERR_IO;
    }
}

/* ---- the window ------------------------------------------------------------------ */

/* Called by the window's loop between frames (never while the worker waits: then the
 * worker pumps). Returns 1 if a frame is needed. */
static int pump(app *a) {
    ui_link *l = a->link;
    ui_play *p = &a->play;
    if (!l || a->worker)
        return 0;
    if (p->s != l->s) { /* the window left the game (a new one, the title): hang up */
        if (l->c)
            net_client_close(l->c, 200);
        l->c = NULL;
        l->closed = 1;
        l->s = NULL;
        a->pump = NULL;
        return 0;
    }
    if (link_pump(l, 0) != 0 && !l->note_new)
        return 0;
    int need = l->moved || l->note_new;
    l->moved = 0;
    if (l->note_new && p->role >= 0) {
        snprintf(p->msg, sizeof p->msg, "%s", l->note);
        l->note_new = 0;
    }
    /* Views may have come during a command too: compare with the turn the desk shows. */
    const niact_game *g = p->g;
    int role = niact_session_remote_role(p->s);
    int ended = niact_game_phase(g) == NIACT_PHASE_ENDED;
    if (a->scr == SCR_END)
        return need;
    if (ended || niact_game_turn(g) != p->opened_turn) {
        p->role = -1; /* the turn moved on without this seat (a deadline), or it ended */
        play_open_turn(a);
        return 1;
    }
    if (niact_game_submitted(g, role) && a->scr != SCR_RESOLVING) {
        play_wait_host(a); /* its orders were given for it (the default) */
        return 1;
    }
    return need;
}

int ui_link_start(app *a, void *ctx) {
    ui_link *l = ctx;
    a->link = l;
    a->pump = pump;
    a->no_autosave = 1; /* the host keeps the record */
    a->record_path[0] = 0;
    l->app_owns = 1; /* play_adopt frees it, or the window with the game */
    if (play_adopt(a, l->s) != 0) {
        fprintf(stderr, "niact join: %s\n", a->note);
        return -1;
    }
    return 0;
}

/* Connects, checks the scenario, waits for the first view. */
int ui_link_open(const char *where, const char *code, ui_link **out) {
    static ui_link link; /* large (the reply's path): not on the stack; one a process */
    ui_link *l = &link;
    *out = NULL;
    memset(l, 0, sizeof *l);
    l->role = -1;
    if (net_split_address(where, l->host, sizeof l->host, &l->port) != 0) {
        fprintf(stderr, "niact join: '%s' is not HOST or HOST:PORT (PORT 1-65535)\n", where);
        return 2;
    }
    snprintf(l->code, sizeof l->code, "%s", code);
    const char *trace = getenv("NIACT_NET_TRACE");
    if (trace && *trace && !(l->trace = fopen(trace, "wb"))) {
        fprintf(stderr, "niact join: NIACT_NET_TRACE: cannot write %s\n", trace);
        return 1;
    }
    char msg[8192];
    int rc = 1;
    niact_host *h = NULL;
    if (link_hello(l, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact join: %s\n", msg);
        goto fail;
    }
    uint64_t end = now_ms() + WELCOME_MS;
    while (!l->closed && !(l->role >= 0 && l->have_scen) && now_ms() < end && l->c)
        link_pump(l, 50);
    if (l->closed || !l->c)
        goto fail; /* the host said why (BYE), or the connection dropped */
    if (l->role < 0 || !l->have_scen) {
        fprintf(stderr, "niact join: the host did not say which seat and scenario within "
                        "%d s\n", WELCOME_MS / 1000);
        goto fail;
    }
    char dir[4096];
    niact_status st = niact_session_load(l->scen_id, NULL, &h, dir, sizeof dir, msg, sizeof msg);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact join: the host plays scenario '%s', which this computer does "
                        "not have (%s). Install the same version of niact as the host.\n",
                l->scen_id, st == NIACT_ERR_INVALID ? msg : "it does not load here");
        rc = 2;
        goto fail;
    }
    if (l->variant[0] && niact_host_set_variant(h, l->variant, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact join: the host plays the variant '%s' of scenario '%s', which "
                        "this computer's copy does not have (%s). Install the same version "
                        "of niact as the host.\n", l->variant, l->scen_id, msg);
        rc = 2;
        goto fail;
    }
    const niact_scenario *sc = niact_host_scenario(h);
    if (sc->content_hash != l->scen_hash || l->role >= sc->n_roles) {
        fprintf(stderr, "niact join: the host plays another version of scenario '%s' "
                        "(content %016llx; this computer's copy in %s is %016llx). Install "
                        "the same version of niact (and of the scenario) as the host.\n",
                l->scen_id, (unsigned long long)l->scen_hash, dir,
                (unsigned long long)sc->content_hash);
        rc = 2;
        goto fail;
    }
    niact_remote_io io = {l, io_tell, io_wait};
    if (niact_session_remote(h, l->role, &io, &l->s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact join: %s\n", msg);
        goto fail;
    }
    niact_session_own_host(l->s);
    h = NULL;
    if (l->early) {
        apply(l, l->early, l->early_len);
        free(l->early);
        l->early = NULL;
    }
    end = now_ms() + WELCOME_MS;
    while (!l->closed && l->c && !niact_session_remote_ready(l->s) && now_ms() < end)
        link_pump(l, 50);
    if (!niact_session_remote_ready(l->s)) {
        if (!l->closed)
            fprintf(stderr, "niact join: the host did not send the game within %d s\n",
                    WELCOME_MS / 1000);
        goto fail;
    }
    fprintf(stderr, "niact join: the %s seat of %s (scenario %s), in the window\n",
            sc->roles[l->role].meta.id, sc->meta.name, sc->meta.id);
    *out = l;
    return 0;
fail:
    niact_host_free(h);
    ui_link_close(l);
    return rc;
}

void ui_link_drop(ui_link *l) {
    if (!l || !l->c)
        return;
    net_client_close(l->c, 0); /* the host hears of it; the seat stays as it is */
    l->c = NULL;
    net_view_free(&l->vb);
    l->lost = 1;
    l->retry_at = now_ms() + 100;
}

int ui_link_connected(const ui_link *l) {
    return l && l->c && !l->lost;
}

void ui_link_close(ui_link *l) {
    if (!l)
        return;
    if (!l->app_owns)
        niact_session_free(l->s);
    l->s = NULL;
    if (l->c)
        net_client_close(l->c, 1000);
    l->c = NULL;
    net_view_free(&l->vb);
    free(l->early);
    l->early = NULL;
    if (l->trace)
        fclose(l->trace);
    l->trace = NULL;
}

int niact_ui_join(int argc, char **argv, const char *where, const char *code) {
    ui_link *l;
    int rc = ui_link_open(where, code, &l);
    if (rc != 0)
        return rc;
    rc = niact_ui_window(argc, argv, "niact join", ui_link_start, l);
    ui_link_close(l);
    return rc;
}
