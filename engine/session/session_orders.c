/* Asking and telling about orders: each seat's draft, its options (cached), a pure check
 * of an order list, and ending a seat's turn. The only parameter search and the only
 * action-point arithmetic of every front end live here. */
#include "session_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Values tried on each side of an action's default by the parameter search. */
#define PARAM_SEARCH_STEPS 64

/* The kind of error that goes with a status the session returns by itself. */
static niact_error_kind kind_of(niact_status st) {
    switch (st) {
    case NIACT_OK: return NIACT_KIND_NONE;
    case NIACT_ERR_NOMEM: return NIACT_KIND_NOMEM;
    case NIACT_ERR_STATE: return NIACT_KIND_STATE;
    case NIACT_ERR_BROKEN: return NIACT_KIND_BROKEN;
    case NIACT_ERR_IO: return NIACT_KIND_IO;
    case NIACT_ERR_FORMAT: return NIACT_KIND_FORMAT;
    case NIACT_ERR_SCRIPT: return NIACT_KIND_SCRIPT;
    default: return NIACT_KIND_INVALID;
    }
}

niact_status session_fail(niact_session *s, niact_status st, const char *fmt, ...) {
    char reason[sizeof s->error.reason];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    return niact_error_set(&s->error, st, kind_of(st), "%s", reason);
}

niact_status session_take(niact_session *s, niact_status st) {
    s->error = *niact_game_last_error(s->game);
    s->error.status = st;
    if (s->error.kind == NIACT_KIND_NONE)
        s->error.kind = kind_of(st);
    return st;
}

void session_changed(niact_session *s) {
    s->gen++;
}

niact_status session_orders_init(niact_session *s) {
    const niact_scenario *sc = niact_session_scenario(s);
    size_t n = sc->n_actions ? (size_t)sc->n_actions : 1;
    for (int r = 0; r < sc->n_roles; r++) {
        s->cache[r].rules = malloc(n * sizeof *s->cache[r].rules); /* filled before read */
        s->cache[r].opt = malloc(n * sizeof *s->cache[r].opt);
        if (!s->cache[r].rules || !s->cache[r].opt)
            return NIACT_ERR_NOMEM;
    }
    s->gen = 1;
    return NIACT_OK;
}

void session_orders_free(niact_session *s) {
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        free(s->cache[r].rules);
        free(s->cache[r].opt);
    }
}

static int bad_role(const niact_session *s, int role) {
    return role < 0 || role >= niact_session_scenario(s)->n_roles;
}

/* One legality test of the scenario, counted. */
static niact_status test_one(niact_session *s, int role, int action, int32_t param, int *ok,
                             char *reason, size_t len) {
    niact_order o = {(int16_t)role, (int16_t)action, param};
    s->legal_calls++;
    return niact_game_order_legal(s->game, &o, ok, reason, len);
}

/* The parameter search: the default if the scenario allows it, else the allowed value
 * nearest to it, the lower first at equal distance (a quarantine already at "hail and
 * pass" may still be lifted or tightened). The reason is the default's. */
static niact_status search_param(niact_session *s, int role, int action, session_rule *out) {
    const niact_action_def *d = &niact_session_scenario(s)->actions[action];
    int32_t def = d->has_param ? d->param_default : 0;
    char other[256];
    out->param = def;
    niact_status st = test_one(s, role, action, def, &out->legal, out->reason, sizeof out->reason);
    if (st != NIACT_OK || out->legal || !d->has_param)
        return st == NIACT_ERR_NOMEM ? st : NIACT_OK;
    for (int32_t k = 1; k <= PARAM_SEARCH_STEPS; k++)
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            int64_t v = (int64_t)def + sgn * k;
            if (v < d->param_min || v > d->param_max)
                continue;
            int ok = 0;
            st = test_one(s, role, action, (int32_t)v, &ok, other, sizeof other);
            if (st == NIACT_ERR_NOMEM)
                return st;
            if (st == NIACT_OK && ok) {
                out->param = (int32_t)v;
                out->legal = 1;
                out->reason[0] = 0;
                return NIACT_OK;
            }
        }
    return NIACT_OK;
}

/* The scenario's answers for every action of the role, once per state of the game. */
static niact_status fill_rules(niact_session *s, int role) {
    session_cache *c = &s->cache[role];
    if (c->rules_gen == s->gen)
        return NIACT_OK;
    const niact_scenario *sc = niact_session_scenario(s);
    for (int a = 0; a < sc->n_actions; a++) {
        memset(&c->rules[a], 0, sizeof c->rules[a]);
        if (!(sc->actions[a].roles & (1u << role)))
            continue;
        niact_status st = search_param(s, role, a, &c->rules[a]);
        if (st != NIACT_OK)
            return session_fail(s, st, "out of memory");
    }
    c->rules_gen = s->gen;
    return NIACT_OK;
}

static int32_t draft_cost(const niact_session *s, int role) {
    const niact_scenario *sc = niact_session_scenario(s);
    int32_t spent = 0;
    for (int i = 0; i < s->n_draft[role]; i++)
        spent += sc->actions[s->draft[role][i].action].cost;
    return spent;
}

/* One option from the cached test and the draft. */
static void build_option(niact_session *s, int role, int a, int32_t left, niact_option *o) {
    const niact_action_def *d = &niact_session_scenario(s)->actions[a];
    const session_rule *r = &s->cache[role].rules[a];
    memset(o, 0, sizeof *o);
    o->action = (int16_t)a;
    o->cost = d->cost;
    o->param = r->param;
    o->legal = r->legal;
    int repeat = 0;
    for (int i = 0; i < s->n_draft[role] && !d->repeatable; i++)
        repeat |= s->draft[role][i].action == a;
    if (niact_game_phase(s->game) == NIACT_PHASE_ENDED || niact_game_submitted(s->game, role)) {
        o->refusal = NIACT_REFUSAL_ENDED;
        snprintf(o->reason, sizeof o->reason, "%s",
                 niact_game_phase(s->game) == NIACT_PHASE_ENDED ? "the game has ended"
                                                                : "orders already given");
    } else if (!r->legal) {
        o->refusal = NIACT_REFUSAL_RULE;
        snprintf(o->reason, sizeof o->reason, "%s", r->reason);
    } else if (repeat) {
        o->refusal = NIACT_REFUSAL_REPEAT;
        snprintf(o->reason, sizeof o->reason, "already ordered this turn");
    } else if (s->n_draft[role] >= NIACT_MAX_ORDERS) {
        o->refusal = NIACT_REFUSAL_FULL;
        snprintf(o->reason, sizeof o->reason, "that is as many orders as a turn takes");
    } else if (d->cost > left) {
        o->refusal = NIACT_REFUSAL_POINTS;
        snprintf(o->reason, sizeof o->reason, "needs %d action points; %d left", d->cost, left);
    }
}

/* The seat's options, built from the cache when it is fresh. */
static niact_status options_get(niact_session *s, int role, const niact_options **out) {
    *out = NULL;
    if (bad_role(s, role))
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    session_cache *c = &s->cache[role];
    if (c->opts_gen != s->gen || c->opts_draft != s->draft_gen[role]) {
        niact_status st = fill_rules(s, role);
        if (st != NIACT_OK)
            return st;
        const niact_scenario *sc = niact_session_scenario(s);
        c->opts.points = niact_game_action_points(s->game, role);
        c->opts.left = c->opts.points - draft_cost(s, role);
        c->opts.n = 0;
        for (int a = 0; a < sc->n_actions; a++)
            if (sc->actions[a].roles & (1u << role))
                build_option(s, role, a, c->opts.left, &c->opt[c->opts.n++]);
        c->opts.opt = c->opt;
        c->opts_gen = s->gen;
        c->opts_draft = s->draft_gen[role];
    }
    *out = &c->opts;
    return NIACT_OK;
}

const niact_options *niact_session_options(niact_session *s, int role) {
    if (s->remote) /* the host's answer, as of its last view */
        return session_remote_options(s, role);
    const niact_options *o;
    options_get(s, role, &o);
    return o;
}

const niact_option *niact_session_option(niact_session *s, int role, int action) {
    const niact_options *o = niact_session_options(s, role);
    for (int i = 0; o && i < o->n; i++)
        if (o->opt[i].action == action)
            return &o->opt[i];
    return NULL;
}

niact_status niact_session_check(niact_session *s, int role, const niact_order *orders, int n) {
    niact_status st = niact_game_check_orders(s->game, role, orders, n);
    return st != NIACT_OK ? session_take(s, st) : NIACT_OK;
}

const niact_order *niact_session_draft(const niact_session *s, int role, int *n) {
    if (bad_role(s, role)) {
        *n = 0;
        return NULL;
    }
    *n = s->n_draft[role];
    return s->draft[role];
}

/* Replaces the seat's draft with list, if the core would take it. */
static niact_status set_draft(niact_session *s, int role, const niact_order *list, int n) {
    if (niact_game_submitted(s->game, role))
        return session_fail(s, NIACT_ERR_STATE, "orders already given this turn");
    niact_status st = niact_session_check(s, role, list, n);
    if (st != NIACT_OK)
        return st;
    memcpy(s->draft[role], list, (size_t)n * sizeof *list);
    s->n_draft[role] = n;
    s->draft_gen[role]++;
    niact_error_clear(&s->error);
    return NIACT_OK;
}

niact_status niact_session_order(niact_session *s, int role, int action, int32_t param) {
    if (bad_role(s, role) || action < 0 || action >= niact_session_scenario(s)->n_actions)
        return session_fail(s, NIACT_ERR_INVALID, "no such role or action");
    if (s->n_draft[role] >= NIACT_MAX_ORDERS)
        return session_fail(s, NIACT_ERR_INVALID, "that is as many orders as a turn takes");
    if (param == NIACT_PARAM_SUGGESTED) {
        const niact_options *opts;
        niact_status st = options_get(s, role, &opts);
        if (st != NIACT_OK)
            return st;
        const niact_action_def *d = &niact_session_scenario(s)->actions[action];
        param = d->has_param ? d->param_default : 0;
        for (int i = 0; i < opts->n; i++)
            if (opts->opt[i].action == action)
                param = opts->opt[i].param;
    }
    niact_order list[NIACT_MAX_ORDERS];
    int n = s->n_draft[role];
    memcpy(list, s->draft[role], (size_t)n * sizeof *list);
    list[n++] = (niact_order){(int16_t)role, (int16_t)action, param};
    return set_draft(s, role, list, n);
}

niact_status niact_session_drop(niact_session *s, int role, int i) {
    if (bad_role(s, role) || i < 0 || i >= s->n_draft[role])
        return session_fail(s, NIACT_ERR_INVALID, "no such order");
    niact_order list[NIACT_MAX_ORDERS];
    int n = 0;
    for (int k = 0; k < s->n_draft[role]; k++)
        if (k != i)
            list[n++] = s->draft[role][k];
    return set_draft(s, role, list, n);
}

niact_status niact_session_param(niact_session *s, int role, int i, int32_t param) {
    if (bad_role(s, role) || i < 0 || i >= s->n_draft[role])
        return session_fail(s, NIACT_ERR_INVALID, "no such order");
    niact_order list[NIACT_MAX_ORDERS];
    memcpy(list, s->draft[role], sizeof list);
    list[i].param = param;
    return set_draft(s, role, list, s->n_draft[role]);
}

niact_status niact_session_end_turn(niact_session *s, int role) {
    if (bad_role(s, role))
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    niact_status st = niact_session_submit(s, role, s->draft[role], s->n_draft[role]);
    if (st == NIACT_OK)
        s->reopened &= ~(1u << role);
    if (st != NIACT_OK)
        return st;
    s->n_draft[role] = 0;
    s->draft_gen[role]++;
    return NIACT_OK;
}

size_t niact_known_text(const niact_known *k, unsigned flags, char *buf, size_t len) {
    const char *pm = flags & NIACT_WORDS_ASCII ? "+/-" : "\xC2\xB1";
    const char *first = (flags & NIACT_WORDS_SEEN) && k->turn_seen < 0 ? " (not yet observed)" : "";
    int n;
    if (k->vis == NIACT_VIS_NONE)
        n = snprintf(buf, len, "unknown");
    else if (k->vis == NIACT_VIS_ESTIMATE && k->label)
        n = snprintf(buf, len, "%s? (est. %d %s%d)%s", k->label, k->value, pm, k->error, first);
    else if (k->vis == NIACT_VIS_ESTIMATE)
        n = snprintf(buf, len, "~%d %s%d%s", k->value, pm, k->error, first);
    else if (k->label)
        n = snprintf(buf, len, "%s (%d)", k->label, k->value);
    else
        n = snprintf(buf, len, "%d", k->value);
    return n < 0 ? 0 : (size_t)n;
}

niact_status niact_session_track(const niact_session *s, int role, int track, niact_known *out) {
    memset(out, 0, sizeof *out);
    niact_track_view v;
    niact_status st = niact_game_view_track(s->game, role, track, &v);
    if (st != NIACT_OK || v.vis == NIACT_VIS_NONE)
        return st;
    const niact_track_def *d = &niact_session_scenario(s)->tracks[track];
    out->vis = v.vis;
    out->value = v.value;
    out->error = v.error;
    out->turn_seen = v.turn_seen;
    out->label = d->n_labels && v.value >= d->min && v.value <= d->max ? d->labels[v.value - d->min]
                                                                        : NULL;
    return NIACT_OK;
}
