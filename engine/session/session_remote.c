/* A seat played from another computer (session.h, "a seat played from another computer").
 *
 * The host's side, niact_session_seat_view: one seat's view as JSON, read only through
 * that seat's views (niact_game_view_track, _history, _objective_score, _log_next,
 * _proposal, _commitment with the seat's role): the core refuses another seat's hidden
 * values, estimates, scores, log entries and proposals, so nothing here can leak them.
 *
 * The client's side: a remote session, whose game is a mirror (niact/mirror.h) set from
 * each view after the whole view is checked; its options, draft, pause and countdown are
 * the view's; its commands go to the host through the front end's io. */
#include "session_internal.h"
#include "niact/hash.h"
#include "niact/mirror.h"
#include "niact/text.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VIEW_VERSION 1
#define VIEW_MAX_LOG 200000      /* entries of a seat's log in one view */
#define VIEW_MAX_TEXT 65536      /* bytes of one entry */

struct session_remote {
    int role;
    niact_remote_io io;
    int ready;                   /* a view was applied */
    niact_option *opt;           /* [n_actions]: the view's options */
    niact_options opts;
    int64_t left_ms, got_ms;     /* time left as the view said, and when it came */
    uint32_t humans;             /* roles played by people */
    atomic_int cancel;
};

/* ---- the host's side ------------------------------------------------------------ */

static json_t *ints(const int32_t *v, size_t n) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_integer(v[i]));
    return a;
}

static json_t *items(const niact_term_item *t, int n) {
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        json_array_append_new(a, json_pack("[iii]", t[i].term, t[i].giver, t[i].param));
    return a;
}

static json_t *view_tracks(niact_session *s, int role, int ended, json_t **history) {
    const niact_game *g = s->game;
    const niact_scenario *sc = niact_session_scenario(s);
    json_t *a = json_array();
    *history = json_array();
    int32_t turn = niact_game_turn(g);
    for (int t = 0; a && *history && t < sc->n_tracks; t++) {
        niact_track_view v;
        niact_game_view_track(g, role, t, &v);
        int32_t truth = 0;
        int has_truth = ended && niact_game_truth(g, t, &truth) == NIACT_OK;
        json_array_append_new(a, json_pack("[iiiiii]", (int)v.vis, v.value, v.error,
                                           v.turn_seen, has_truth, truth));
        json_t *h = json_array();
        int ok = 1;
        for (int32_t k = 0; h && ok && k <= turn && k <= sc->turns; k++) {
            int32_t x;
            ok = niact_game_history(g, role, t, k, &x) == NIACT_OK;
            if (ok)
                json_array_append_new(h, json_integer(x));
        }
        if (!ok) {
            json_decref(h);
            h = json_null();
        }
        json_array_append_new(*history, h);
    }
    return a;
}

niact_status niact_session_seat_view(niact_session *s, int role, int64_t now_ms, char **out,
                                     size_t *len) {
    *out = NULL;
    *len = 0;
    const niact_game *g = s->game;
    const niact_scenario *sc = niact_session_scenario(s);
    if (role < 0 || role >= sc->n_roles)
        return session_fail(s, NIACT_ERR_INVALID, "no such role (%d)", role);
    int ended = niact_game_phase(g) == NIACT_PHASE_ENDED;
    uint32_t all = (1u << sc->n_roles) - 1u;
    json_t *j = json_object();
    if (!j)
        return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
    json_t *history = NULL;
    json_object_set_new(j, "v", json_integer(VIEW_VERSION));
    json_object_set_new(j, "role", json_integer(role));
    json_object_set_new(j, "turn", json_integer(niact_game_turn(g)));
    json_object_set_new(j, "phase", json_integer(niact_game_phase(g)));
    json_object_set_new(j, "outcome", json_integer(niact_game_outcome(g)));
    json_object_set_new(j, "outcome_text", json_string(niact_game_outcome_text(g)));
    json_object_set_new(j, "tracks", view_tracks(s, role, ended, &history));
    json_object_set_new(j, "history", history);
    json_t *scores = json_array();
    for (int i = 0; scores && i < sc->n_objectives; i++) {
        int32_t v;
        json_array_append_new(scores, niact_game_objective_score(g, role, i, &v) == NIACT_OK
                                          ? json_integer(v) : json_null());
    }
    json_object_set_new(j, "scores", scores);
    uint32_t submitted = 0, humans = 0;
    for (int r = 0; r < sc->n_roles; r++) {
        submitted |= niact_game_submitted(g, r) ? 1u << r : 0;
        humans |= s->seats[r].kind == NIACT_SEAT_HUMAN ? 1u << r : 0;
    }
    json_object_set_new(j, "submitted", json_integer(submitted));
    json_object_set_new(j, "humans", json_integer(humans));
    int n = 0;
    const niact_order *o = niact_game_orders(g, role, &n);
    json_t *orders = json_array();
    for (int i = 0; orders && o && i < n; i++)
        json_array_append_new(orders, json_pack("[ii]", o[i].action, o[i].param));
    json_object_set_new(j, "orders", orders);
    o = niact_session_draft(s, role, &n);
    json_t *draft = json_array();
    for (int i = 0; draft && o && i < n; i++)
        json_array_append_new(draft, json_pack("[ii]", o[i].action, o[i].param));
    json_object_set_new(j, "draft", draft);
    const niact_options *op = niact_session_options(s, role);
    json_t *opts = json_array();
    for (int i = 0; opts && op && i < op->n; i++) {
        const niact_option *x = &op->opt[i];
        json_array_append_new(opts, json_pack("[iiiiis]", x->action, x->cost, x->param,
                                              x->legal, (int)x->refusal, x->reason));
    }
    json_object_set_new(j, "points", json_integer(op ? op->points : 0));
    json_object_set_new(j, "left", json_integer(op ? op->left : 0));
    json_object_set_new(j, "options", opts);
    json_t *log = json_array();
    size_t cur = 0;
    niact_log_entry e;
    while (log && niact_game_log_next(g, role, &cur, &e)) {
        /* who else read it is not the seat's to know: every seat, or the seat */
        uint32_t aud = (e.audience & all) == all ? all : 1u << role;
        json_array_append_new(log, json_pack("[iiis]", e.turn, (int)e.kind, (int)aud, e.text));
    }
    json_object_set_new(j, "log", log);
    json_t *props = json_array();
    for (int i = 0; props; i++) {
        const niact_proposal *p = niact_game_proposal(g, role, i);
        if (!p)
            break;
        json_array_append_new(props, json_pack("{si si si si si si si si si si so}", "id", p->id,
            "from", p->from, "counter_of", p->counter_of, "to", (int)p->to, "accepted",
            (int)p->accepted, "public", p->public_, "turn", p->turn, "expires", p->expires,
            "agreed_turn", p->agreed_turn, "status", (int)p->status, "terms",
            items(p->terms, p->n_terms)));
    }
    json_object_set_new(j, "proposals", props);
    json_t *commits = json_array();
    for (int i = 0; commits; i++) {
        const niact_commitment *c = niact_game_commitment(g, role, i);
        if (!c)
            break;
        json_array_append_new(commits, json_pack("[iiiiiii]", c->agreement, c->item.term,
                                                 c->item.giver, c->item.param, c->deadline,
                                                 c->settled_turn, (int)c->status));
    }
    json_object_set_new(j, "commitments", commits);
    int32_t trust[NIACT_MAX_ROLES];
    for (int r = 0; r < sc->n_roles; r++)
        trust[r] = niact_game_trust(g, r);
    json_object_set_new(j, "trust", ints(trust, (size_t)sc->n_roles));
    int32_t base[NIACT_MAX_ROLES];   /* the all-historical game's scores, at the end */
    json_object_set_new(j, "baseline", ended && niact_session_baseline(s, base, NIACT_MAX_ROLES)
                                                   == NIACT_OK
                                           ? ints(base, (size_t)sc->n_roles) : json_null());
    json_object_set_new(j, "paused", json_integer(s->paused));
    json_object_set_new(j, "deadline", json_integer(s->deadline));
    json_object_set_new(j, "defaulted", json_integer(s->defaulted & (1u << role) ? 1 : 0));
    json_object_set_new(j, "reopened", json_integer(s->reopened & (1u << role) ? 1 : 0));
    /* last: niact_session_seat_view_hash leaves it out */
    json_object_set_new(j, "time_left", json_integer(niact_session_time_left(s, now_ms)));
    char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(j);
    if (!text)
        return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
    *out = text;
    *len = strlen(text);
    return NIACT_OK;
}

uint64_t niact_session_generation(const niact_session *s, int role) {
    if (role < 0 || role >= niact_session_scenario(s)->n_roles)
        return s->gen;
    return s->gen + s->draft_gen[role]; /* both only grow */
}

uint64_t niact_session_seat_view_hash(const char *json, size_t len) {
    const char *at = NULL;
    for (size_t i = len; i-- > 0;) /* the last ,"time_left": */
        if (json[i] == ',' && len - i > 12 && !memcmp(json + i, ",\"time_left\":", 13)) {
            at = json + i;
            break;
        }
    return niact_hash_bytes(NIACT_HASH_INIT, json, at ? (size_t)(at - json) : len);
}

/* ---- the client's side ---------------------------------------------------------- */

niact_status niact_session_remote(niact_host *host, int role, const niact_remote_io *io,
                                  niact_session **out, char *msg, size_t msglen) {
    *out = NULL;
    const niact_scenario *sc = niact_host_scenario(host);
    if (role < 0 || role >= sc->n_roles || !io || !io->tell || !io->wait) {
        snprintf(msg, msglen, "no such role, or no connection");
        return NIACT_ERR_INVALID;
    }
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) /* every other seat is the host's business */
        seats[r].kind = r == role ? NIACT_SEAT_HUMAN : NIACT_SEAT_AI;
    session_remote *rm = calloc(1, sizeof *rm);
    if (rm)
        rm->opt = calloc(sc->n_actions ? (size_t)sc->n_actions : 1, sizeof *rm->opt);
    if (!rm || !rm->opt) {
        if (rm)
            free(rm->opt);
        free(rm);
        snprintf(msg, msglen, "out of memory");
        return NIACT_ERR_NOMEM;
    }
    niact_session *s = NULL;
    niact_status st = niact_session_new(host, 0, seats, &s, msg, msglen);
    if (st != NIACT_OK) {
        free(rm->opt);
        free(rm);
        return st;
    }
    rm->role = role;
    rm->io = *io;
    rm->left_ms = -1;
    rm->opts.opt = rm->opt;
    rm->humans = 1u << role;
    atomic_init(&rm->cancel, 0);
    s->remote = rm;
    *out = s;
    return NIACT_OK;
}

void session_remote_free(niact_session *s) {
    if (!s->remote)
        return;
    free(s->remote->opt);
    free(s->remote);
    s->remote = NULL;
}

int niact_session_remote_role(const niact_session *s) {
    return s && s->remote ? s->remote->role : -1;
}

int niact_session_remote_ready(const niact_session *s) {
    return s && s->remote && s->remote->ready;
}

void niact_session_remote_cancel(niact_session *s) {
    if (s && s->remote)
        atomic_store(&s->remote->cancel, 1);
}

int niact_session_remote_cancelled(const niact_session *s) {
    return s && s->remote && atomic_load(&s->remote->cancel);
}

uint32_t niact_session_remote_humans(const niact_session *s) {
    return s && s->remote ? s->remote->humans : 0;
}

/* The checked reading of a view. */
typedef struct reader {
    const char *why;
    const niact_scenario *sc;
} reader;

static int fail_at(reader *rd, const char *why) {
    if (!rd->why)
        rd->why = why;
    return -1;
}

/* An integer field in [lo, hi]. */
static int get_int(reader *rd, json_t *v, int64_t lo, int64_t hi, int32_t *out,
                   const char *what) {
    if (!json_is_integer(v))
        return fail_at(rd, what);
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return fail_at(rd, what);
    *out = (int32_t)x;
    return 0;
}

static int field(reader *rd, json_t *o, const char *key, int64_t lo, int64_t hi, int32_t *out) {
    return get_int(rd, json_object_get(o, key), lo, hi, out, key);
}

/* A plain text (no NUL, valid UTF-8, no control character but '\n' with newlines). */
static const char *get_text(reader *rd, json_t *v, size_t max, unsigned flags, const char *what) {
    if (!json_is_string(v))
        return fail_at(rd, what), NULL;
    const char *t = json_string_value(v);
    size_t n = json_string_length(v);
    if (n > max || strlen(t) != n || niact_text_check(t, n, flags, NULL, 0) != NIACT_OK)
        return fail_at(rd, what), NULL;
    return t;
}

/* An array of exactly n items (n < 0: any length up to max). */
static json_t *get_array(reader *rd, json_t *o, const char *key, long n, size_t max) {
    json_t *a = json_object_get(o, key);
    if (!json_is_array(a) || (n >= 0 && json_array_size(a) != (size_t)n) ||
        json_array_size(a) > max)
        return fail_at(rd, key), NULL;
    return a;
}

static int get_items(reader *rd, json_t *a, niact_term_item *t, int *n) {
    if (!json_is_array(a) || json_array_size(a) > NIACT_MAX_TERMS)
        return fail_at(rd, "terms");
    *n = (int)json_array_size(a);
    for (int i = 0; i < *n; i++) {
        json_t *x = json_array_get(a, (size_t)i);
        int32_t term, giver, param;
        if (!json_is_array(x) || json_array_size(x) != 3 ||
            get_int(rd, json_array_get(x, 0), 0, rd->sc->n_terms - 1, &term, "term") ||
            get_int(rd, json_array_get(x, 1), 0, rd->sc->n_roles - 1, &giver, "giver") ||
            get_int(rd, json_array_get(x, 2), INT32_MIN, INT32_MAX, &param, "param"))
            return -1;
        t[i] = (niact_term_item){(int16_t)term, (int16_t)giver, param};
    }
    return 0;
}

/* An order [action, param] of the seat's: an action of its role, a parameter in range. */
static int get_order(reader *rd, json_t *x, int role, niact_order *o) {
    int32_t a, p;
    if (!json_is_array(x) || json_array_size(x) != 2 ||
        get_int(rd, json_array_get(x, 0), 0, rd->sc->n_actions - 1, &a, "order") ||
        get_int(rd, json_array_get(x, 1), INT32_MIN, INT32_MAX, &p, "order"))
        return -1;
    const niact_action_def *d = &rd->sc->actions[a];
    if (!(d->roles & (1u << role)) ||
        (d->has_param ? p < d->param_min || p > d->param_max : p != 0))
        return fail_at(rd, "an order of an action the seat may not give");
    *o = (niact_order){(int16_t)role, (int16_t)a, p};
    return 0;
}

/* Everything a view holds, read and checked: the mirror and the session's own part. */
typedef struct view {
    niact_mirror m;
    int32_t *value, *est, *err, *seen, *score, *history, *trust;
    niact_order orders[NIACT_MAX_ORDERS], draft[NIACT_MAX_ORDERS];
    int n_draft;
    niact_mirror_entry *log;
    niact_proposal *props;
    niact_commitment *commits;
    niact_option *opt;
    int n_opt;
    int32_t points, left, paused, deadline, defaulted, reopened, humans;
    int has_baseline;
    int32_t baseline[NIACT_MAX_ROLES];
    int64_t time_left;
} view;

static void view_free(view *v) {
    free(v->value), free(v->est), free(v->err), free(v->seen), free(v->score);
    free(v->history), free(v->trust), free(v->log), free(v->props), free(v->commits);
    free(v->opt);
}

static int read_view(reader *rd, json_t *j, int role, view *v) {
    const niact_scenario *sc = rd->sc;
    size_t nt = (size_t)sc->n_tracks;
    int32_t x, turn;
    if (!json_is_object(j))
        return fail_at(rd, "not an object");
    if (field(rd, j, "v", VIEW_VERSION, VIEW_VERSION, &x) || field(rd, j, "role", role, role, &x))
        return -1;
    niact_mirror *m = &v->m;
    m->role = role;
    if (field(rd, j, "turn", 0, sc->turns, &turn) ||
        field(rd, j, "phase", 0, NIACT_PHASE_ENDED, &x))
        return -1;
    m->turn = turn, m->phase = (niact_phase)x;
    if (field(rd, j, "outcome", 0, niact_scenario_outcome_count(sc) - 1, &x))
        return -1;
    m->outcome = (niact_outcome)x;
    if (m->outcome != NIACT_OUTCOME_NONE && m->phase != NIACT_PHASE_ENDED)
        return fail_at(rd, "an outcome in a game not ended");
    if (!(m->outcome_text = get_text(rd, json_object_get(j, "outcome_text"), 255,
                                     NIACT_TEXT_NEWLINES, "outcome_text")))
        return -1;
    size_t n1 = nt ? nt : 1;
    v->value = calloc(n1, sizeof *v->value), v->est = calloc(n1, sizeof *v->est);
    v->err = calloc(n1, sizeof *v->err), v->seen = calloc(n1, sizeof *v->seen);
    v->score = calloc(sc->n_objectives ? (size_t)sc->n_objectives : 1, sizeof *v->score);
    v->history = calloc(((size_t)turn + 1) * n1, sizeof *v->history);
    v->trust = calloc(NIACT_MAX_ROLES, sizeof *v->trust);
    v->opt = calloc(sc->n_actions ? (size_t)sc->n_actions : 1, sizeof *v->opt);
    if (!v->value || !v->est || !v->err || !v->seen || !v->score || !v->history || !v->trust ||
        !v->opt)
        return fail_at(rd, "out of memory");
    int ended = m->phase == NIACT_PHASE_ENDED;
    json_t *tracks = get_array(rd, j, "tracks", (long)nt, nt);
    json_t *hist = get_array(rd, j, "history", (long)nt, nt);
    if (!tracks || !hist)
        return -1;
    for (size_t t = 0; t < nt; t++) {
        json_t *a = json_array_get(tracks, t);
        int32_t f[6];
        if (!json_is_array(a) || json_array_size(a) != 6)
            return fail_at(rd, "tracks");
        for (int k = 0; k < 6; k++)
            if (get_int(rd, json_array_get(a, (size_t)k), INT32_MIN, INT32_MAX, &f[k], "tracks"))
                return -1;
        const niact_track_def *d = &sc->tracks[t];
        int vis = d->hidden ? NIACT_VIS_NONE : d->vis[role];
        if (f[0] != vis || f[4] != (ended ? 1 : 0))
            return fail_at(rd, "a track seen otherwise than the scenario says");
        if (vis == NIACT_VIS_TRUE)
            v->value[t] = f[1];
        else if (vis == NIACT_VIS_ESTIMATE)
            v->est[t] = f[1], v->err[t] = f[2] < 0 ? 0 : f[2];
        v->seen[t] = f[3] < -1 ? -1 : f[3] > turn ? turn : f[3];
        if (ended)
            v->value[t] = f[5];
        json_t *h = json_array_get(hist, t);
        if (json_is_null(h))
            continue;
        if (!json_is_array(h) || json_array_size(h) != (size_t)turn + 1)
            return fail_at(rd, "history");
        for (int32_t k = 0; k <= turn; k++)
            if (get_int(rd, json_array_get(h, (size_t)k), INT32_MIN, INT32_MAX,
                        &v->history[(size_t)k * nt + t], "history"))
                return -1;
    }
    json_t *scores = get_array(rd, j, "scores", sc->n_objectives, (size_t)sc->n_objectives);
    if (!scores)
        return -1;
    for (int i = 0; i < sc->n_objectives; i++) {
        json_t *s = json_array_get(scores, (size_t)i);
        if (!json_is_null(s) && get_int(rd, s, 0, 100, &v->score[i], "scores"))
            return -1;
    }
    uint32_t all = (1u << sc->n_roles) - 1u;
    int32_t sub;
    if (field(rd, j, "submitted", 0, all, &sub) || field(rd, j, "humans", 0, all, &v->humans))
        return -1;
    m->submitted = (uint32_t)sub;
    json_t *orders = get_array(rd, j, "orders", -1, NIACT_MAX_ORDERS);
    json_t *draft = get_array(rd, j, "draft", -1, NIACT_MAX_ORDERS);
    if (!orders || !draft)
        return -1;
    for (size_t i = 0; i < json_array_size(orders); i++)
        if (get_order(rd, json_array_get(orders, i), role, &v->orders[i]))
            return -1;
    m->orders = v->orders, m->n_orders = (int)json_array_size(orders);
    for (size_t i = 0; i < json_array_size(draft); i++)
        if (get_order(rd, json_array_get(draft, i), role, &v->draft[i]))
            return -1;
    v->n_draft = (int)json_array_size(draft);
    if (field(rd, j, "points", -1000000, 1000000, &v->points) ||
        field(rd, j, "left", -1000000, 1000000, &v->left))
        return -1;
    json_t *opts = get_array(rd, j, "options", -1, (size_t)sc->n_actions);
    if (!opts)
        return -1;
    for (size_t i = 0; i < json_array_size(opts); i++) {
        json_t *a = json_array_get(opts, i);
        int32_t f[5];
        if (!json_is_array(a) || json_array_size(a) != 6 ||
            get_int(rd, json_array_get(a, 0), 0, sc->n_actions - 1, &f[0], "options") ||
            get_int(rd, json_array_get(a, 1), -1000000, 1000000, &f[1], "options") ||
            get_int(rd, json_array_get(a, 2), INT32_MIN, INT32_MAX, &f[2], "options") ||
            get_int(rd, json_array_get(a, 3), 0, 1, &f[3], "options") ||
            get_int(rd, json_array_get(a, 4), 0, NIACT_REFUSAL_ENDED, &f[4], "options"))
            return -1;
        const char *why = get_text(rd, json_array_get(a, 5), 255, 0, "options");
        if (!why)
            return -1;
        if (!(sc->actions[f[0]].roles & (1u << role)))
            return fail_at(rd, "an option of an action the seat may not give");
        for (int k = 0; k < v->n_opt; k++)
            if (v->opt[k].action == f[0])
                return fail_at(rd, "an option given twice");
        niact_option *o = &v->opt[v->n_opt++];
        o->action = (int16_t)f[0], o->cost = f[1], o->param = f[2], o->legal = f[3];
        o->refusal = (niact_refusal)f[4];
        snprintf(o->reason, sizeof o->reason, "%s", why);
    }
    json_t *log = get_array(rd, j, "log", -1, VIEW_MAX_LOG);
    if (!log)
        return -1;
    size_t nl = json_array_size(log);
    v->log = calloc(nl ? nl : 1, sizeof *v->log);
    if (!v->log)
        return fail_at(rd, "out of memory");
    for (size_t i = 0; i < nl; i++) {
        json_t *e = json_array_get(log, i);
        int32_t t, k, aud;
        if (!json_is_array(e) || json_array_size(e) != 4 ||
            get_int(rd, json_array_get(e, 0), 0, sc->turns, &t, "log") ||
            get_int(rd, json_array_get(e, 1), 0, NIACT_LOG_PROPOSAL, &k, "log") ||
            get_int(rd, json_array_get(e, 2), 1, all, &aud, "log"))
            return -1;
        const char *text = get_text(rd, json_array_get(e, 3), VIEW_MAX_TEXT,
                                    NIACT_TEXT_NEWLINES, "log");
        if (!text)
            return -1;
        if (aud != (int32_t)all && aud != (int32_t)(1u << role))
            return fail_at(rd, "a log entry for another seat");
        v->log[i] = (niact_mirror_entry){t, (niact_log_kind)k, (uint32_t)aud, text};
    }
    m->log = v->log, m->n_log = nl;
    /* At most what a game of the scenario can hold (every seat at its cap every turn),
     * ids rising: the last one's id is the room the proposals need. */
    int32_t most = niact_scenario_max_proposals(sc), top = 0;
    json_t *props = get_array(rd, j, "proposals", -1, (size_t)most);
    json_t *commits = get_array(rd, j, "commitments", -1, (size_t)most * NIACT_MAX_TERMS);
    if (!props || !commits)
        return -1;
    size_t np = json_array_size(props), nc = json_array_size(commits);
    if (np) {
        json_t *o = json_array_get(props, np - 1);
        if (!json_is_object(o) || field(rd, o, "id", (int64_t)np, most, &top))
            return -1;
    }
    v->props = calloc(top ? (size_t)top : 1, sizeof *v->props);
    v->commits = calloc(nc ? nc : 1, sizeof *v->commits);
    if (!v->props || !v->commits)
        return fail_at(rd, "out of memory");
    int32_t last = 0;
    int nobody = role == 0 && sc->n_roles > 1 ? 1 : 0; /* the author of the unseen ones */
    for (size_t i = 0; i < json_array_size(props); i++) {
        json_t *o = json_array_get(props, i);
        niact_proposal p;
        memset(&p, 0, sizeof p);
        int32_t id, from, counter, to, acc, pub, tn, exp, agreed, status;
        if (!json_is_object(o) || field(rd, o, "id", last + 1, top, &id) ||
            field(rd, o, "from", 0, sc->n_roles - 1, &from) ||
            field(rd, o, "counter_of", 0, id - 1, &counter) || field(rd, o, "to", 0, all, &to) ||
            field(rd, o, "accepted", 0, all, &acc) || field(rd, o, "public", 0, 1, &pub) ||
            field(rd, o, "turn", 0, sc->turns, &tn) ||
            field(rd, o, "expires", 0, INT32_MAX, &exp) ||
            field(rd, o, "agreed_turn", -1, sc->turns, &agreed) ||
            field(rd, o, "status", 0, NIACT_PROPOSAL_WITHDRAWN, &status) ||
            get_items(rd, json_object_get(o, "terms"), p.terms, &p.n_terms))
            return -1;
        if (!pub && from != role && !((uint32_t)to & (1u << role)))
            return fail_at(rd, "a proposal the seat may not see");
        for (int32_t gap = last + 1; gap < id; gap++) { /* ids it may not see: nobody's */
            niact_proposal *g = &v->props[gap - 1];
            g->id = gap, g->from = (int16_t)nobody, g->agreed_turn = -1;
            g->status = NIACT_PROPOSAL_WITHDRAWN;
        }
        p.id = id, p.from = (int16_t)from, p.counter_of = counter;
        p.to = (uint32_t)to, p.accepted = (uint32_t)acc, p.public_ = pub, p.turn = tn;
        p.expires = exp, p.agreed_turn = agreed, p.status = (niact_proposal_status)status;
        v->props[id - 1] = p;
        last = id;
    }
    m->proposals = v->props, m->n_proposals = last;
    for (size_t i = 0; i < json_array_size(commits); i++) {
        json_t *c = json_array_get(commits, i);
        int32_t f[7];
        if (!json_is_array(c) || json_array_size(c) != 7 ||
            get_int(rd, json_array_get(c, 0), 1, last, &f[0], "commitments") ||
            get_int(rd, json_array_get(c, 1), 0, sc->n_terms - 1, &f[1], "commitments") ||
            get_int(rd, json_array_get(c, 2), 0, sc->n_roles - 1, &f[2], "commitments") ||
            get_int(rd, json_array_get(c, 3), INT32_MIN, INT32_MAX, &f[3], "commitments") ||
            get_int(rd, json_array_get(c, 4), INT32_MIN, INT32_MAX, &f[4], "commitments") ||
            get_int(rd, json_array_get(c, 5), -1, sc->turns, &f[5], "commitments") ||
            get_int(rd, json_array_get(c, 6), 0, NIACT_COMMIT_BROKEN, &f[6], "commitments"))
            return -1;
        niact_commitment *k = &v->commits[i];
        k->agreement = f[0];
        k->item = (niact_term_item){(int16_t)f[1], (int16_t)f[2], f[3]};
        k->deadline = f[4], k->settled_turn = f[5], k->status = (niact_commitment_status)f[6];
    }
    m->commitments = v->commits, m->n_commitments = (int32_t)json_array_size(commits);
    json_t *trust = get_array(rd, j, "trust", sc->n_roles, (size_t)sc->n_roles);
    if (!trust)
        return -1;
    for (int r = 0; r < sc->n_roles; r++)
        if (get_int(rd, json_array_get(trust, (size_t)r), 0, 100, &v->trust[r], "trust"))
            return -1;
    json_t *base = json_object_get(j, "baseline");
    if (!json_is_null(base)) {
        if (!ended || !(base = get_array(rd, j, "baseline", sc->n_roles, (size_t)sc->n_roles)))
            return fail_at(rd, "baseline");
        for (int r = 0; r < sc->n_roles; r++)
            if (get_int(rd, json_array_get(base, (size_t)r), 0, 100, &v->baseline[r], "baseline"))
                return -1;
        v->has_baseline = 1;
    }
    int32_t tl;
    if (field(rd, j, "paused", 0, 1, &v->paused) ||
        field(rd, j, "deadline", 0, NIACT_SESSION_MAX_DEADLINE, &v->deadline) ||
        field(rd, j, "defaulted", 0, 1, &v->defaulted) ||
        field(rd, j, "reopened", 0, 1, &v->reopened) ||
        field(rd, j, "time_left", -1, (int64_t)NIACT_SESSION_MAX_DEADLINE * 1000, &tl))
        return -1;
    v->time_left = tl;
    m->value = v->value, m->est = v->est, m->err = v->err, m->seen = v->seen;
    m->score = v->score, m->history = v->history, m->trust = v->trust;
    return 0;
}

/* Whether the log `old` (n entries) begins the log of the view. */
static int log_continues(const niact_game *g, int role, const niact_mirror *m) {
    size_t cur = 0, i = 0;
    niact_log_entry e;
    while (niact_game_log_next(g, role, &cur, &e)) {
        if (i >= m->n_log || e.turn != m->log[i].turn || e.kind != m->log[i].kind ||
            strcmp(e.text, m->log[i].text) != 0)
            return 0;
        i++;
    }
    return 1;
}

niact_status niact_session_remote_apply(niact_session *s, const char *json, size_t len,
                                        int64_t now_ms, int *moved) {
    if (moved)
        *moved = 0;
    session_remote *rm = s->remote;
    if (!rm)
        return session_fail(s, NIACT_ERR_STATE, "not a remote session");
    json_error_t jerr;
    json_t *j = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!j)
        return session_fail(s, NIACT_ERR_FORMAT, "the host's view is not JSON (%.80s)",
                            jerr.text);
    reader rd = {NULL, niact_session_scenario(s)};
    view v;
    memset(&v, 0, sizeof v);
    niact_status st = NIACT_OK;
    if (read_view(&rd, j, rm->role, &v) != 0)
        st = session_fail(s, NIACT_ERR_FORMAT, "the host's view is malformed (%s)", rd.why);
    int32_t old_turn = niact_game_turn(s->game);
    niact_phase old_phase = niact_game_phase(s->game);
    int old_given = niact_game_submitted(s->game, rm->role);
    int append = st == NIACT_OK && rm->ready && log_continues(s->game, rm->role, &v.m) &&
                 v.m.turn >= old_turn;
    if (st == NIACT_OK && (st = niact_game_mirror(s->game, &v.m)) != NIACT_OK)
        session_take(s, st);
    if (st == NIACT_OK) {
        int role = rm->role;
        memcpy(s->draft[role], v.draft, sizeof v.draft);
        s->n_draft[role] = v.n_draft;
        s->draft_gen[role]++;
        memcpy(rm->opt, v.opt, (size_t)v.n_opt * sizeof *v.opt);
        rm->opts.n = v.n_opt, rm->opts.points = v.points, rm->opts.left = v.left;
        s->paused = v.paused;
        s->deadline = v.deadline;
        s->defaulted = v.defaulted ? 1u << role : 0;
        s->reopened = v.reopened ? 1u << role : 0;
        rm->humans = (uint32_t)v.humans | 1u << role;
        rm->left_ms = v.time_left, rm->got_ms = now_ms;
        if (v.has_baseline) { /* the host's all-historical game (the seed is not ours) */
            memcpy(s->baseline, v.baseline, sizeof s->baseline);
            s->baseline_state = 1;
        }
        int turned = v.m.turn != old_turn || (v.m.phase == NIACT_PHASE_ENDED) !=
                                             (old_phase == NIACT_PHASE_ENDED);
        if (!rm->ready || !append) {
            /* The first view, a rejoin or a rollback: the seat hears its turn from its
             * start (the marks of the mirror's past are gone with it). */
            s->n_marks = 0;
            niact_session_heard_until(s, role, v.m.turn);
            if (v.m.phase == NIACT_PHASE_ENDED)
                session_mark_turn(s);
        } else if (turned)
            session_mark_turn(s);
        if (moved)
            *moved = !rm->ready || turned || !append ||
                     old_given != niact_game_submitted(s->game, role);
        rm->ready = 1;
        session_changed(s);
    }
    view_free(&v);
    json_decref(j);
    return st;
}

/* ---- a remote session's commands, options, resolution, clock --------------------- */

niact_status session_remote_tell(niact_session *s, const niact_command *c, niact_reply *r) {
    session_remote *rm = s->remote;
    if (c->role != rm->role)
        return session_fail(s, NIACT_ERR_INVALID, "this computer plays only the %s seat",
                            niact_session_scenario(s)->roles[rm->role].meta.id);
    if (c->kind == NIACT_CMD_SAVE)
        return session_fail(s, NIACT_ERR_INVALID, "the host keeps this game's record (the "
                                                  "moderator saves it)");
    if (!rm->ready)
        return session_fail(s, NIACT_ERR_STATE, "the host has not sent the game yet");
    niact_status st = rm->io.tell(rm->io.ud, s, c, r);
    if (st != NIACT_OK) {
        s->error = r->error;
        s->error.status = st;
        if (!s->error.reason[0])
            session_fail(s, st, "%s refused by the host", niact_command_name(c->kind));
    }
    return st;
}

const niact_options *session_remote_options(niact_session *s, int role) {
    if (role != s->remote->role) {
        session_fail(s, NIACT_ERR_INVALID, "this computer plays only one seat");
        return NULL;
    }
    return &s->remote->opts;
}

niact_status session_remote_resolve(niact_session *s) {
    /* The turn is over for the seat already (a view that came with the answer to its
     * End turn may have moved it on, or ended the game): nothing to wait for. */
    if (niact_game_phase(s->game) == NIACT_PHASE_ENDED ||
        !niact_game_submitted(s->game, s->remote->role))
        return NIACT_OK;
    return s->remote->io.wait(s->remote->io.ud, s);
}

int64_t session_remote_time_left(const niact_session *s, int64_t now_ms) {
    const session_remote *rm = s->remote;
    if (rm->left_ms < 0)
        return -1;
    if (s->paused)
        return rm->left_ms;
    int64_t left = rm->left_ms - (now_ms - rm->got_ms);
    return left < 0 ? 0 : left;
}
