/* niact_bench_floor: niact's sim against its floor, side by side in one run.
 *
 *   niact_bench_floor [--scenario NAME|DIR] [--ai random|PERSONALITY] [--games N]
 *
 * The floor is the same scenario's callbacks run in plain Lua 5.4 (luaL_openlibs, no
 * sandbox, no hook, no engine) against a `state` kept in Lua tables (bench/floor.lua).
 * First every game is played once by niact with each of the scenario's callbacks and
 * state methods wrapped (this file's tracer): which callback ran, with what arguments,
 * in whose view, what the engine changed since the previous callback, the dice drawn.
 * The floor replays that in verify mode: each callback's results, every track after it,
 * the calls to each state method and the outcomes must be niact's, or the run stops.
 * Measured: niact plays the games untraced first (the same seeds, a fresh session each,
 * as `niact sim`); then each game is traced, verified and replayed by the floor, one
 * game at a time. CPU time of the thread per turn and per phase, and under callgrind
 * (bench/floor.sh) the instructions of each phase: collection is on only in niact's
 * sim and in the floor's replays, and the counters are dumped after each phase. This file reads the host's internals
 * (host_internal.h): it is a measuring tool, not a front end. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "host_internal.h"
#include "niact/negotiation.h"
#include "niact/paths.h"
#include "niact/rules.h"
#include "niact/session.h"

#define MAX_TURNS 512
#define MAX_KEYS 2048

static const char *const METHODS[] = {
    "get",   "set",  "add",   "min",   "max",      "label", "estimate", "observe",
    "set_estimate", "log", "report", "roll", "random", "chance", "turn", "turns", "variant", "date",
    "fired", "end_game", "orders", "ordered", "role", "legal", "commitments", "trust", NULL};

typedef struct tracer {
    niact_host *h;
    const niact_scenario *sc;
    lua_State *F;          /* the floor's plain state */
    niact_game *g;         /* the game being traced */
    int depth;             /* callbacks running (a nested one is part of its caller) */
    int game;              /* F: the game's table {ev=, rq=, counts=, turns=} (abs index) */
    int ev;                /* F: the running event's table, or 0 */
    long n_ev, n_rq;
    long counts[32];       /* state calls per method, this game */
    char ended[512];       /* state:end_game names, "a;b;" */
    int n_keys;
    /* what the floor's tables hold now (the deltas are the differences) */
    int32_t *tr, *est, *err, *fired, *told, turn, trust[NIACT_MAX_ROLES];
    niact_order orders[NIACT_MAX_ROLES * NIACT_MAX_ORDERS];
    int n_orders;
    niact_commitment comms[NIACT_MAX_GAME_COMMITMENTS];
    int n_comms;
    int fresh;             /* nothing sent yet this game: everything is a delta */
} tracer;

static tracer T;

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- copying values from niact's state to the floor's ---- */

static void copy_value(lua_State *L, int idx, lua_State *F, int depth) {
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            lua_pushinteger(F, lua_tointeger(L, idx));
        else
            lua_pushnumber(F, lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        lua_pushlstring(F, s, n);
        break;
    }
    case LUA_TBOOLEAN:
        lua_pushboolean(F, lua_toboolean(L, idx));
        break;
    case LUA_TTABLE:
        lua_newtable(F);
        if (depth > 8)
            break;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            copy_value(L, -2, F, depth + 1);
            copy_value(L, -1, F, depth + 1);
            lua_rawset(F, -3);
            lua_pop(L, 1);
        }
        break;
    default:
        lua_pushnil(F);
    }
}

/* ---- deltas: what the engine changed since the floor's tables were last in step ---- */

static int push_delta(lua_State *F, int d, int *n, int code, const char *x, const char *y) {
    if (!d) {
        lua_newtable(F);
        d = lua_gettop(F);
    }
    lua_pushinteger(F, code);
    lua_rawseti(F, d, ++*n);
    x ? (void)lua_pushstring(F, x) : lua_pushboolean(F, 0);
    lua_rawseti(F, d, ++*n);
    y ? (void)lua_pushstring(F, y) : lua_pushboolean(F, 0);
    lua_rawseti(F, d, ++*n);
    return d; /* the caller pushes v and e and sets them at *n + 1, *n + 2 */
}

static void set_ve(lua_State *F, int d, int *n) { /* v and e on top of F */
    lua_rawseti(F, d, *n + 2);
    lua_rawseti(F, d, *n + 1);
    *n += 2;
}

static void push_orders(lua_State *F, const niact_order *os, int n) {
    const niact_scenario *sc = T.sc;
    lua_createtable(F, n, 0);
    for (int i = 0; i < n; i++) {
        lua_createtable(F, 0, 3);
        lua_pushstring(F, sc->roles[os[i].role].meta.id);
        lua_setfield(F, -2, "role");
        lua_pushstring(F, sc->actions[os[i].action].meta.id);
        lua_setfield(F, -2, "action");
        if (sc->actions[os[i].action].has_param) {
            lua_pushinteger(F, os[i].param);
            lua_setfield(F, -2, "param");
        }
        lua_rawseti(F, -2, i + 1);
    }
}

static void push_comms(lua_State *F) {
    const niact_scenario *sc = T.sc;
    lua_createtable(F, T.n_comms, 0);
    for (int i = 0; i < T.n_comms; i++) {
        const niact_commitment *c = &T.comms[i];
        const niact_proposal *p = niact_rules_proposal(T.g, c->agreement);
        uint32_t parties = p->to | (1u << p->from);
        lua_createtable(F, 0, 9);
        lua_pushinteger(F, c->agreement);
        lua_setfield(F, -2, "agreement");
        if (c->deadline >= 0) {
            lua_pushinteger(F, c->deadline + 1);
            lua_setfield(F, -2, "deadline");
        }
        lua_pushboolean(F, p->public_);
        lua_setfield(F, -2, "public");
        lua_pushboolean(F, c->status == NIACT_COMMIT_PENDING);
        lua_setfield(F, -2, "pending");
        lua_pushstring(F, sc->terms[c->item.term].meta.id);
        lua_setfield(F, -2, "term");
        lua_pushinteger(F, c->item.param);
        lua_setfield(F, -2, "param");
        lua_pushstring(F, sc->roles[c->item.giver].meta.id);
        lua_setfield(F, -2, "giver");
        lua_newtable(F); /* parties, as a list and as a set */
        lua_newtable(F);
        for (int r = 0, k = 0; r < sc->n_roles; r++)
            if (parties & (1u << r)) {
                lua_pushstring(F, sc->roles[r].meta.id);
                lua_rawseti(F, -3, ++k);
                lua_pushboolean(F, 1);
                lua_setfield(F, -2, sc->roles[r].meta.id);
            }
        lua_setfield(F, -3, "party");
        lua_setfield(F, -2, "parties");
        lua_rawseti(F, -2, i + 1);
    }
}

/* Pushes the deltas since the floor was last in step (a table), or nil if none, and
 * brings the tracer's copy in step. */
static void push_deltas(void) {
    lua_State *F = T.F;
    const niact_scenario *sc = T.sc;
    niact_game *g = T.g;
    int d = 0, n = 0, nt = sc->n_tracks, ne = sc->n_events;
    for (int t = 0; t < nt; t++) {
        int32_t v = niact_rules_get(g, t);
        if (T.fresh || v != T.tr[t]) {
            d = push_delta(F, d, &n, 1, sc->tracks[t].meta.id, NULL);
            lua_pushinteger(F, v);
            lua_pushboolean(F, 0);
            set_ve(F, d, &n);
            T.tr[t] = v;
        }
    }
    for (int r = 0; r < sc->n_roles; r++)
        for (int t = 0; t < nt; t++) {
            niact_track_view tv;
            niact_game_view_track(g, r, t, &tv);
            if (tv.vis != NIACT_VIS_ESTIMATE)
                continue;
            size_t k = (size_t)r * nt + t;
            if (T.fresh || tv.value != T.est[k] || tv.error != T.err[k]) {
                d = push_delta(F, d, &n, 2, sc->roles[r].meta.id, sc->tracks[t].meta.id);
                lua_pushinteger(F, tv.value);
                lua_pushinteger(F, tv.error);
                set_ve(F, d, &n);
                T.est[k] = tv.value;
                T.err[k] = tv.error;
            }
        }
    for (int e = 0; e < ne; e++) {
        int32_t v = niact_rules_fired(g, e);
        if (T.fresh || v != T.fired[e]) {
            d = push_delta(F, d, &n, 3, sc->events[e].meta.id, NULL);
            lua_pushinteger(F, v);
            lua_pushboolean(F, 0);
            set_ve(F, d, &n);
            T.fired[e] = v;
        }
        for (int r = 0; r < sc->n_roles; r++) {
            int32_t w = niact_rules_told(g, e, r);
            if (T.fresh || w != T.told[(size_t)r * ne + e]) {
                d = push_delta(F, d, &n, 4, sc->roles[r].meta.id, sc->events[e].meta.id);
                lua_pushinteger(F, w);
                lua_pushboolean(F, 0);
                set_ve(F, d, &n);
                T.told[(size_t)r * ne + e] = w;
            }
        }
    }
    int32_t turn = niact_game_turn(g) + 1;
    if (T.fresh || turn != T.turn) {
        d = push_delta(F, d, &n, 5, NULL, NULL);
        lua_pushinteger(F, turn);
        lua_pushboolean(F, 0);
        set_ve(F, d, &n);
        T.turn = turn;
    }
    for (int r = 0; r < sc->n_roles; r++) {
        int32_t v = niact_game_trust(g, r);
        if (T.fresh || v != T.trust[r]) {
            d = push_delta(F, d, &n, 6, sc->roles[r].meta.id, NULL);
            lua_pushinteger(F, v);
            lua_pushboolean(F, 0);
            set_ve(F, d, &n);
            T.trust[r] = v;
        }
    }
    int no;
    const niact_order *os = niact_rules_turn_orders(g, &no);
    if (T.fresh || no != T.n_orders || memcmp(os, T.orders, (size_t)no * sizeof *os) != 0) {
        d = push_delta(F, d, &n, 7, NULL, NULL);
        push_orders(F, os, no);
        lua_pushboolean(F, 0);
        set_ve(F, d, &n);
        memcpy(T.orders, os, (size_t)no * sizeof *os);
        T.n_orders = no;
    }
    const niact_commitment *c;
    int nc = 0, same = !T.fresh;
    for (; (c = niact_rules_commitment(g, nc)) && nc < NIACT_MAX_GAME_COMMITMENTS; nc++) {
        if (nc >= T.n_comms || memcmp(c, &T.comms[nc], sizeof *c) != 0)
            same = 0;
        T.comms[nc] = *c;
    }
    if (nc != T.n_comms)
        same = 0;
    T.n_comms = nc;
    if (!same) {
        d = push_delta(F, d, &n, 8, NULL, NULL);
        push_comms(F);
        lua_pushboolean(F, 0);
        set_ve(F, d, &n);
    }
    T.fresh = 0;
    if (!d)
        lua_pushnil(F);
}

static uint64_t track_hash(void) {
    uint64_t h = 0;
    for (int t = 0; t < T.sc->n_tracks; t++)
        h = h * 1000003u + (uint64_t)(int64_t)niact_rules_get(T.g, t);
    return h;
}

static void rq_push_int(lua_Integer v) {
    lua_getfield(T.F, T.game, "rq");
    lua_pushinteger(T.F, v);
    lua_rawseti(T.F, -2, ++T.n_rq);
    lua_pop(T.F, 1);
}

/* ---- wrappers ---- */

/* A state method: counted; the dice and noisy observations are recorded. */
static int traced_method(lua_State *L) {
    int m = (int)lua_tointeger(L, lua_upvalueindex(2));
    int nargs = lua_gettop(L);
    const char *name = METHODS[m];
    if (T.depth > 0)
        T.counts[m]++;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (!strcmp(name, "end_game") && nargs >= 2 && lua_type(L, 3) == LUA_TSTRING) {
        size_t n = strlen(T.ended);
        snprintf(T.ended + n, sizeof T.ended - n, "%s;", lua_tostring(L, 3));
    }
    int r = -1, t = -1;
    if (!strcmp(name, "observe") || !strcmp(name, "set_estimate")) {
        r = lua_type(L, 3) == LUA_TSTRING ? niact_scenario_role(T.sc, lua_tostring(L, 3)) : -1;
        t = lua_type(L, 4) == LUA_TSTRING ? niact_scenario_track(T.sc, lua_tostring(L, 4)) : -1;
    }
    lua_call(L, nargs, LUA_MULTRET);
    int nres = lua_gettop(L);
    if (T.depth > 0 && (!strcmp(name, "roll") || !strcmp(name, "random"))) {
        rq_push_int(lua_tointeger(L, 1));
    } else if (T.depth > 0 && !strcmp(name, "chance")) {
        lua_getfield(T.F, T.game, "rq");
        lua_pushboolean(T.F, lua_toboolean(L, 1));
        lua_rawseti(T.F, -2, ++T.n_rq);
        lua_pop(T.F, 1);
    } else if (T.depth > 0 && r >= 0 && t >= 0) {
        niact_track_view tv;
        niact_game_view_track(T.g, r, t, &tv);
        rq_push_int(tv.value);
        rq_push_int(tv.error);
        if (tv.vis == NIACT_VIS_ESTIMATE) { /* the floor writes it: in step */
            T.est[(size_t)r * T.sc->n_tracks + t] = tv.value;
            T.err[(size_t)r * T.sc->n_tracks + t] = tv.error;
        }
    }
    return nres;
}

/* A scenario callback: a top-level one is an event of the trace. */
static int traced_callback(lua_State *L) {
    niact_host *h = T.h;
    int nargs = lua_gettop(L);
    if (T.depth > 0 || !T.F) { /* nested (state:legal runs a test): part of its caller */
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        lua_call(L, nargs, LUA_MULTRET);
        return lua_gettop(L);
    }
    lua_State *F = T.F;
    T.g = h->game;
    lua_createtable(F, 3, 6);
    int ev = lua_gettop(F);
    lua_pushinteger(F, lua_tointeger(L, lua_upvalueindex(2)));
    lua_setfield(F, ev, "k");
    lua_pushinteger(F, h->view_role >= 0 ? h->view_role + 1 : 0);
    lua_setfield(F, ev, "v");
    for (int i = 2; i <= nargs && i <= 4; i++) {
        copy_value(L, i, F, 0);
        lua_rawseti(F, ev, i - 1);
    }
    push_deltas();
    lua_setfield(F, ev, "d");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    T.depth++;
    int st = lua_pcall(L, nargs, LUA_MULTRET, 0);
    T.depth--;
    if (st != LUA_OK)
        return lua_error(L);
    int nres = lua_gettop(L);
    lua_createtable(F, nres, 0);
    for (int i = 1; i <= nres; i++) {
        copy_value(L, i, F, 0);
        lua_rawseti(F, -2, i);
    }
    lua_setfield(F, ev, "res");
    lua_pushinteger(F, (lua_Integer)track_hash());
    lua_setfield(F, ev, "h");
    for (int t = 0; t < T.sc->n_tracks; t++) /* the floor wrote the same: in step */
        T.tr[t] = niact_rules_get(T.g, t);
    lua_getfield(F, T.game, "ev");
    lua_pushvalue(F, ev);
    lua_rawseti(F, -2, ++T.n_ev);
    lua_settop(F, ev - 1);
    return nres;
}

/* Registers a key for the floor; returns its index. */
static int add_key(const char *fmt, const char *a, const char *b, const char *c) {
    char key[256];
    snprintf(key, sizeof key, fmt, a, b, c);
    lua_getglobal(T.F, "KEYS");
    lua_pushstring(T.F, key);
    lua_rawseti(T.F, -2, ++T.n_keys);
    lua_pop(T.F, 1);
    return T.n_keys;
}

/* Replaces the function at L's top-1 table field / registry ref with a traced one. */
static void wrap_ref(int ref, int key) {
    lua_State *L = T.h->L;
    if (ref == LUA_NOREF || ref == LUA_REFNIL)
        return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_pushinteger(L, key);
    lua_pushcclosure(L, traced_callback, 2);
    lua_rawseti(L, LUA_REGISTRYINDEX, ref);
}

static void wrap_field(lua_State *L, int tbl, const char *field, int key) {
    lua_pushstring(L, field);
    lua_rawget(L, tbl);
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    lua_pushinteger(L, key);
    lua_pushcclosure(L, traced_callback, 2);
    lua_pushstring(L, field);
    lua_insert(L, -2);
    lua_rawset(L, tbl);
}

static void install_tracer(void) {
    niact_host *h = T.h;
    const niact_scenario *sc = T.sc;
    lua_State *L = h->L;
    static const char *const term_fns[HOST_TERM_FNS] = {"legal",     "on_agree",  "check",
                                                        "on_kept",   "on_broken", "value"};
    for (int i = 0; i < sc->n_actions; i++) {
        const char *id = sc->actions[i].meta.id;
        if (h->action_refs[i].a != LUA_NOREF)
            wrap_ref(h->action_refs[i].a, add_key("action:%s:%s%s", id, "legal", ""));
        if (h->action_refs[i].b != LUA_NOREF)
            wrap_ref(h->action_refs[i].b, add_key("action:%s:%s%s", id, "resolve", ""));
    }
    for (int i = 0; i < sc->n_events; i++) {
        const char *id = sc->events[i].meta.id;
        if (h->event_refs[i].a != LUA_NOREF)
            wrap_ref(h->event_refs[i].a, add_key("event:%s:%s%s", id, "condition", ""));
        if (h->event_refs[i].b != LUA_NOREF)
            wrap_ref(h->event_refs[i].b, add_key("event:%s:%s%s", id, "effect", ""));
    }
    for (int i = 0; i < sc->n_objectives; i++)
        if (h->objective_refs[i] != LUA_NOREF)
            wrap_ref(h->objective_refs[i],
                     add_key("objective:%s%s%s", sc->objectives[i].meta.id, "", ""));
    for (int i = 0; i < sc->n_terms; i++)
        for (int f = 0; f < HOST_TERM_FNS; f++)
            if (h->term_refs[i][f] != LUA_NOREF)
                wrap_ref(h->term_refs[i][f],
                         add_key("term:%s:%s%s", sc->terms[i].meta.id, term_fns[f], ""));
    struct { int ref; const char *name; } hooks[] = {{h->ref_setup, "setup"},
                                                     {h->ref_turn_start, "turn_start"},
                                                     {h->ref_turn_end, "turn_end"},
                                                     {h->ref_end_check, "end_check"}};
    for (int i = 0; i < 4; i++)
        if (hooks[i].ref != LUA_NOREF)
            wrap_ref(hooks[i].ref, add_key("scenario:%s%s%s", hooks[i].name, "", ""));
    /* personalities: {name = {role = fn | {orders=, propose=, answer=}}} */
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_personalities);
    int pt = lua_gettop(L);
    for (int p = 0; lua_istable(L, pt) && p < sc->n_personalities; p++) {
        const char *name = sc->personalities[p];
        if (lua_getfield(L, pt, name) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        int roles = lua_gettop(L);
        for (int r = 0; r < sc->n_roles; r++) {
            const char *rid = sc->roles[r].meta.id;
            int ty = lua_getfield(L, roles, rid);
            if (ty == LUA_TFUNCTION) {
                lua_pop(L, 1);
                wrap_field(L, roles, rid, add_key("personality:%s:%s%s", name, rid, ""));
            } else if (ty == LUA_TTABLE) {
                int fns = lua_gettop(L);
                static const char *const hk[] = {"orders", "propose", "answer"};
                for (int k = 0; k < 3; k++)
                    wrap_field(L, fns, hk[k], add_key("personality:%s:%s:%s", name, rid, hk[k]));
                lua_pop(L, 1);
            } else {
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    /* the state's methods */
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_state);
    lua_getmetatable(L, -1);
    lua_getfield(L, -1, "__index");
    int mt = lua_gettop(L);
    for (int m = 0; METHODS[m]; m++) {
        if (lua_getfield(L, mt, METHODS[m]) != LUA_TFUNCTION) { /* not in this build */
            lua_pop(L, 1);
            continue;
        }
        lua_pushinteger(L, m);
        lua_pushcclosure(L, traced_method, 2);
        lua_setfield(L, mt, METHODS[m]);
    }
    lua_pop(L, 3);
}

/* ---- the floor's static declarations ---- */

static void push_static(void) {
    lua_State *F = T.F;
    const niact_scenario *sc = T.sc;
    lua_newtable(F);
    int st = lua_gettop(F);
    lua_newtable(F);
    for (int r = 0; r < sc->n_roles; r++) {
        lua_pushstring(F, sc->roles[r].meta.id);
        lua_rawseti(F, -2, r + 1);
    }
    lua_setfield(F, st, "roles");
    lua_newtable(F); /* tracks in order */
    lua_newtable(F); /* min */
    lua_newtable(F); /* max */
    lua_newtable(F); /* labels */
    lua_newtable(F); /* vis[role][track] */
    for (int r = 0; r < sc->n_roles; r++) {
        lua_newtable(F);
        lua_setfield(F, -2, sc->roles[r].meta.id);
    }
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        lua_pushstring(F, d->meta.id);
        lua_rawseti(F, -6, t + 1);
        lua_pushinteger(F, d->min);
        lua_setfield(F, -5, d->meta.id);
        lua_pushinteger(F, d->max);
        lua_setfield(F, -4, d->meta.id);
        if (d->n_labels) {
            lua_newtable(F);
            for (int i = 0; i < d->n_labels; i++) {
                lua_pushstring(F, d->labels[i]);
                lua_rawseti(F, -2, i + 1);
            }
            lua_setfield(F, -3, d->meta.id);
        }
        for (int r = 0; r < sc->n_roles; r++) {
            lua_getfield(F, -1, sc->roles[r].meta.id);
            lua_pushinteger(F, d->hidden ? NIACT_VIS_NONE : d->vis[r]);
            lua_setfield(F, -2, d->meta.id);
            lua_pop(F, 1);
        }
    }
    lua_setfield(F, st, "vis");
    lua_setfield(F, st, "labels");
    lua_setfield(F, st, "max");
    lua_setfield(F, st, "min");
    lua_setfield(F, st, "tracks");
    lua_newtable(F);
    for (int a = 0; a < sc->n_actions; a++) {
        const niact_action_def *d = &sc->actions[a];
        lua_newtable(F);
        lua_pushstring(F, d->meta.id);
        lua_setfield(F, -2, "id");
        lua_newtable(F);
        for (int r = 0; r < sc->n_roles; r++)
            if (d->roles & (1u << r)) {
                lua_pushboolean(F, 1);
                lua_setfield(F, -2, sc->roles[r].meta.id);
            }
        lua_setfield(F, -2, "roles");
        lua_pushboolean(F, d->has_param);
        lua_setfield(F, -2, "has_param");
        lua_pushinteger(F, d->param_min);
        lua_setfield(F, -2, "pmin");
        lua_pushinteger(F, d->param_max);
        lua_setfield(F, -2, "pmax");
        lua_pushinteger(F, d->param_default);
        lua_setfield(F, -2, "pdef");
        lua_setfield(F, -2, d->meta.id);
    }
    lua_setfield(F, st, "actions");
    lua_pushinteger(F, sc->turns);
    lua_setfield(F, st, "turns");
    const niact_variant_def *variant = niact_scenario_variant_played(sc);
    if (variant) {
        lua_pushstring(F, variant->meta.id);
        lua_setfield(F, st, "variant");
    }
    lua_newtable(F);
    for (int t = 0; t <= sc->turns; t++) {
        char buf[NIACT_DATE_MAX];
        if (niact_scenario_date(sc, t, buf, sizeof buf) == 0) {
            lua_pushstring(F, buf);
            lua_rawseti(F, -2, t + 1);
        }
    }
    lua_setfield(F, st, "dates");
    lua_newtable(F);
    for (int i = 0, n = niact_scenario_outcome_count(sc); i < n; i++)
        if (niact_scenario_outcome_declared(sc, (niact_outcome)i)) {
            lua_pushboolean(F, 1);
            lua_setfield(F, -2, niact_scenario_outcome(sc, (niact_outcome)i).id);
        }
    lua_setfield(F, st, "outcomes");
}

/* Calls floor.lua's M[fn] with the values pushed above it; leaves its results. */
static int floor_call(const char *fn, int nargs, int nres) {
    lua_State *F = T.F;
    lua_getglobal(F, "FLOOR");
    lua_getfield(F, -1, fn);
    lua_remove(F, -2);
    lua_insert(F, -nargs - 1);
    if (lua_pcall(F, nargs, nres, 0) != LUA_OK) {
        fprintf(stderr, "niact_bench_floor: floor.lua %s: %s\n", fn, lua_tostring(F, -1));
        lua_pop(F, 1);
        return -1;
    }
    return 0;
}

/* ---- the run ---- */

typedef struct run {
    char dir[4096], lib[4096];
    const char *ai;
    int games;
    int n_turns_max;
    double niact_turn_ms[MAX_TURNS], floor_turn_ms[MAX_TURNS];
    long turns_at[MAX_TURNS]; /* games that reached turn t */
    long turns;               /* turns played in all */
    double niact_ms, floor_ms;
    long callbacks, calls;
    uint64_t hash_sum;        /* of niact's final game hashes: the same before and after */
} run;

static niact_session *new_session(run *R, niact_host *host, uint64_t seed) {
    const niact_scenario *sc = niact_host_scenario(host);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", R->ai);
    }
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(host, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact_bench_floor: %s\n", msg);
        return NULL;
    }
    niact_game_set_quiet(niact_session_game(s), 1);
    return s;
}

/* Traces game i into GAMES[i] of the floor; then verifies its replay. */
static int trace_game(run *R, niact_host *host, int i) {
    lua_State *F = T.F;
    lua_getglobal(F, "GAMES");
    lua_newtable(F);
    T.game = lua_gettop(F);
    lua_newtable(F);
    lua_setfield(F, T.game, "ev");
    lua_newtable(F);
    lua_setfield(F, T.game, "rq");
    lua_newtable(F);
    lua_setfield(F, T.game, "turns");
    T.n_ev = T.n_rq = 0;
    T.fresh = 1;
    T.ended[0] = 0;
    memset(T.counts, 0, sizeof T.counts);
    niact_session *s = new_session(R, host, (uint64_t)i + 1); /* setup: part of turn 1 */
    if (!s)
        return -1;
    T.g = niact_session_game(s);
    int turn = 0;
    lua_getfield(F, T.game, "turns");
    lua_pushinteger(F, 1);
    lua_rawseti(F, -2, 1);
    lua_pop(F, 1);
    while (niact_game_phase(T.g) != NIACT_PHASE_ENDED) {
        if (turn++ > 0) {
            lua_getfield(F, T.game, "turns");
            lua_pushinteger(F, T.n_ev + 1);
            lua_rawseti(F, -2, turn);
            lua_pop(F, 1);
        }
        if (niact_session_resolve(s) != NIACT_OK) {
            fprintf(stderr, "niact_bench_floor: game %d: %s\n", i + 1,
                    niact_session_last_error(s)->reason);
            niact_session_free(s);
            return -1;
        }
    }
    lua_getfield(F, T.game, "turns");
    lua_pushinteger(F, T.n_ev + 1);
    lua_rawseti(F, -2, turn + 1);
    lua_pop(F, 1);
    uint64_t hash = niact_game_hash(T.g);
    R->hash_sum = R->hash_sum * 31 + hash;
    lua_newtable(F);
    for (int m = 0; METHODS[m]; m++)
        if (T.counts[m]) {
            lua_pushinteger(F, T.counts[m]);
            lua_setfield(F, -2, METHODS[m]);
            R->calls += T.counts[m];
        }
    lua_setfield(F, T.game, "counts");
    if (T.ended[0]) {
        lua_pushstring(F, T.ended);
        lua_setfield(F, T.game, "ended");
    }
    R->callbacks += T.n_ev;
    niact_session_free(s);
    lua_rawseti(F, -2, i + 1); /* GAMES[i + 1] = game */
    lua_pop(F, 1);
    /* verify */
    lua_getglobal(F, "GAMES");
    lua_rawgeti(F, -1, i + 1);
    lua_remove(F, -2);
    lua_pushvalue(F, -1);
    if (floor_call("new_game", 1, 0) != 0)
        return -1;
    lua_getglobal(F, "KEYS");
    if (floor_call("verify", 2, 1) != 0)
        return -1;
    if (!lua_isnil(F, -1)) {
        fprintf(stderr, "niact_bench_floor: game %d: the floor differs from niact: %s\n", i + 1,
                lua_tostring(F, -1));
        return -1;
    }
    lua_pop(F, 1);
    return 0;
}

static int measure_niact(run *R, niact_host *host) {
    malloc_trim(0); /* as before each replay of the floor */
    CALLGRIND_TOGGLE_COLLECT;
    double t0 = cpu_ms();
    for (int i = 0; i < R->games; i++) {
        double a = cpu_ms(); /* the setup is part of turn 1, as in the floor */
        niact_session *s = new_session(R, host, (uint64_t)i + 1);
        if (!s)
            return -1;
        niact_game *g = niact_session_game(s);
        int turn = 0;
        while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
            if (turn > 0)
                a = cpu_ms();
            if (niact_session_resolve(s) != NIACT_OK) {
                niact_session_free(s);
                return -1;
            }
            if (turn < MAX_TURNS)
                R->niact_turn_ms[turn] += cpu_ms() - a;
            turn++;
        }
        niact_session_free(s);
    }
    R->niact_ms = cpu_ms() - t0;
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT("niact sim");
    return 0;
}

/* Replays game i (GAMES[i + 1], traced and verified just before) as the measured floor:
 * callgrind collects only inside, the CPU time goes to its turns. The trace of one game
 * is all the floor's heap holds besides the scenario, so its collector has no more to
 * traverse than a plain scenario's would. */
static int measure_floor_game(run *R, int i) {
    lua_State *F = T.F;
    int top = lua_gettop(F);
    lua_getglobal(F, "GAMES");
    int games = lua_gettop(F);
    lua_getglobal(F, "FLOOR");
    lua_getfield(F, -1, "replay");
    int replay = lua_gettop(F);
    lua_getfield(F, -2, "new_game");
    int new_game = lua_gettop(F);
    lua_rawgeti(F, games, i + 1);
    int g = lua_gettop(F);
    lua_pushvalue(F, g);
    if (floor_call("compact", 1, 0) != 0)
        return -1;
    lua_getfield(F, g, "turns");
    int turns = lua_gettop(F);
    lua_Integer n = (lua_Integer)lua_rawlen(F, turns);
    lua_gc(F, LUA_GCCOLLECT);
    malloc_trim(0); /* the C library tidies what that freed now, not inside the replay */
    CALLGRIND_TOGGLE_COLLECT;
    double t0 = cpu_ms();
    lua_pushvalue(F, new_game);
    lua_pushvalue(F, g);
    lua_call(F, 1, 0);
    for (lua_Integer t = 1; t < n; t++) {
        lua_rawgeti(F, turns, t);
        lua_rawgeti(F, turns, t + 1);
        lua_Integer from = lua_tointeger(F, -2), to = lua_tointeger(F, -1) - 1;
        lua_pop(F, 2);
        double a = cpu_ms();
        lua_pushvalue(F, replay);
        lua_pushvalue(F, g);
        lua_pushinteger(F, from);
        lua_pushinteger(F, to);
        if (lua_pcall(F, 3, 0, 0) != LUA_OK) {
            CALLGRIND_TOGGLE_COLLECT;
            fprintf(stderr, "niact_bench_floor: replay: %s\n", lua_tostring(F, -1));
            return -1;
        }
        if (t - 1 < MAX_TURNS) {
            R->floor_turn_ms[t - 1] += cpu_ms() - a;
            R->turns_at[t - 1]++;
        }
        R->turns++;
        if (t > R->n_turns_max)
            R->n_turns_max = (int)t;
    }
    R->floor_ms += cpu_ms() - t0;
    CALLGRIND_TOGGLE_COLLECT;
    lua_pushnil(F); /* the trace goes */
    lua_rawseti(F, games, i + 1);
    lua_settop(F, top);
    lua_gc(F, LUA_GCCOLLECT);
    return 0;
}

static int open_floor(run *R, const char *argv0) {
    lua_State *F = luaL_newstate();
    if (!F)
        return -1;
    T.F = F;
    luaL_openlibs(F);
    char path[4200];
    snprintf(path, sizeof path, "%s", NIACT_FLOOR_LUA);
    (void)argv0;
    if (luaL_dofile(F, path) != LUA_OK) {
        fprintf(stderr, "niact_bench_floor: %s\n", lua_tostring(F, -1));
        return -1;
    }
    lua_setglobal(F, "FLOOR");
    lua_newtable(F);
    lua_setglobal(F, "KEYS");
    lua_newtable(F);
    lua_setglobal(F, "GAMES");
    lua_pushstring(F, R->dir);
    lua_pushstring(F, R->lib);
    return floor_call("load", 2, 0);
}

int main(int argc, char **argv) {
    static run R;
    const char *scenario = "november1962";
    R.ai = "random";
    R.games = 200;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (!strcmp(argv[i], "--ai") && i + 1 < argc)
            R.ai = argv[++i];
        else if (!strcmp(argv[i], "--games") && i + 1 < argc)
            R.games = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: niact_bench_floor [--scenario NAME|DIR] [--ai random|"
                            "PERSONALITY] [--games N]\n");
            return 2;
        }
    }
    if (R.games < 1)
        R.games = 1;
    char msg[8192];
    if (niact_path_scenario(scenario, R.dir, sizeof R.dir, R.lib, sizeof R.lib, msg,
                            sizeof msg) != 0) {
        fprintf(stderr, "niact_bench_floor: %s\n", msg);
        return 1;
    }
    niact_host *plain = NULL, *traced = NULL;
    if (niact_host_load(R.dir, R.lib[0] ? R.lib : NULL, NULL, &plain, msg, sizeof msg) ||
        niact_host_load(R.dir, R.lib[0] ? R.lib : NULL, NULL, &traced, msg, sizeof msg)) {
        fprintf(stderr, "niact_bench_floor: %s\n", msg);
        return 1;
    }
    T.h = traced;
    T.sc = niact_host_scenario(traced);
    size_t nrt = (size_t)T.sc->n_roles * T.sc->n_tracks, nre = (size_t)T.sc->n_roles * T.sc->n_events;
    T.tr = calloc((size_t)T.sc->n_tracks + 1, sizeof *T.tr);
    T.est = calloc(nrt + 1, sizeof *T.est);
    T.err = calloc(nrt + 1, sizeof *T.err);
    T.fired = calloc((size_t)T.sc->n_events + 1, sizeof *T.fired);
    T.told = calloc(nre + 1, sizeof *T.told);
    if (open_floor(&R, argv[0]) != 0)
        return 1;
    install_tracer();
    push_static();
    lua_getglobal(T.F, "KEYS");
    if (floor_call("setup", 2, 0) != 0)
        return 1;
    int top = lua_gettop(plain->L);
    if (measure_niact(&R, plain) != 0)
        return 1;
    if (lua_gettop(plain->L) != top) { /* every callback leaves the host's stack as it was */
        fprintf(stderr, "niact_bench_floor: the host's Lua stack grew from %d to %d values\n",
                top, lua_gettop(plain->L));
        return 1;
    }
    for (int i = 0; i < R.games; i++)
        if (trace_game(&R, traced, i) != 0 || measure_floor_game(&R, i) != 0)
            return 1;
    CALLGRIND_DUMP_STATS_AT("floor");
    printf("%s, AI '%s', %d games: the floor made the same calls (%ld callbacks, %ld state "
           "calls) and reached the same results, tracks and outcomes as niact\n",
           T.sc->meta.name, R.ai, R.games, R.callbacks, R.calls);
    printf("niact's final game hashes, combined: %016llx\n\n", (unsigned long long)R.hash_sum);
    printf("| turn | games | niact ms/turn | floor ms/turn | ratio |\n|---|---|---|---|---|\n");
    for (int t = 0; t < R.n_turns_max && t < MAX_TURNS; t++)
        if (R.turns_at[t])
            printf("| %d | %ld | %.4f | %.4f | %.2f |\n", t + 1, R.turns_at[t],
                   R.niact_turn_ms[t] / R.turns_at[t], R.floor_turn_ms[t] / R.turns_at[t],
                   R.floor_turn_ms[t] > 0 ? R.niact_turn_ms[t] / R.floor_turn_ms[t] : 0);
    printf("\nwhole sim (CPU time of the thread): niact %.1f ms, floor %.1f ms, ratio %.2f "
           "(%ld turns)\n", R.niact_ms, R.floor_ms, R.niact_ms / (R.floor_ms > 0 ? R.floor_ms : 1),
           R.turns);
    lua_close(T.F);
    niact_host_free(plain);
    niact_host_free(traced);
    return 0;
}
