/* The `state` object the scenario's callbacks receive, and the core's rules interface
 * implemented over the scenario's Lua functions.
 *
 * state is one userdata per host; it reaches the game of the running callback only, so
 * a state kept past its callback is a clean error. In a personality's callback it is a
 * read-only view of one role's knowledge. */
#include "host_internal.h"
#include "niact/negotiation.h"
#include "niact/rules.h"
#include "niact/text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define STATE_MT "niact.state"
#define IDS_KEY "niact.ids"

/* Upvalues of every method: the id tables of tracks (1), roles (2), events (3),
 * actions (4); lookup's uv is that number (and the host's id cache h->idc[uv - 1]). */

/* Pushes role r's id: the string kept in the registry (lua_pushstring would hash it and
 * look it up in the string cache on every push). */
static void push_role(lua_State *L, const niact_host *h, int r) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->role_refs[r]);
}

/* The host's one state object, by address (luaL_checkudata looked its metatable up by
 * name on every call: 16 % of a sim); anything else gets luaL_checkudata's own error. */
static niact_host *check_state(lua_State *L) {
    niact_host *h = host_of(L);
    if (lua_touserdata(L, 1) != h->state_ud || !h->state_ud) {
        luaL_checkudata(L, 1, STATE_MT); /* raises its "niact.state expected" */
        luaL_error(L, "state: not this host's state");
    }
    if (!h->game)
        luaL_error(L, "state used outside a callback (do not keep it)");
    return h;
}

/* For readers of what only the rules may see (this turn's orders): not in a view. */
static niact_host *check_truth(lua_State *L, const char *method) {
    niact_host *h = check_state(L);
    if (h->view_role >= 0 && (h->view_refused = 1))
        luaL_error(L, "state:%s is for the scenario's rules; a personality sees only its "
                      "role's view", method);
    return h;
}

/* For every method that changes the game (a write, a dice roll, a log line, an end):
 * refused in a question, for good (host_kill: pcall cannot swallow it), with the
 * scenario's FILE:LINE. The mode is the host's (host_call), not the script's. */
static niact_host *check_write(lua_State *L, const char *method) {
    niact_host *h = check_state(L);
    if (h->query)
        host_kill(L, NIACT_KIND_QUERY,
                  "state:%s is not allowed in %s (questions must not change the game)", method,
                  h->query);
    return h;
}

static size_t id_slot(const char *p, size_t cap) {
    uint64_t x = (uint64_t)(uintptr_t)p >> 3;
    return (size_t)((x * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
}

/* Fills the cache of kind k from the ids table at idx (id -> index). Out of memory
 * leaves the cache empty: lookups then use the table. */
static void id_cache_fill(lua_State *L, niact_host *h, int k, int idx) {
    struct host_id_cache *c = &h->idc[k];
    size_t n = 0;
    idx = lua_absindex(L, idx);
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1))
        n++;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    c->key = calloc(cap, sizeof *c->key);
    c->index = calloc(cap, sizeof *c->index);
    if (!c->key || !c->index) {
        free(c->key);
        free(c->index);
        c->key = NULL;
        c->index = NULL;
        return;
    }
    c->cap = cap;
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING || !lua_isinteger(L, -1))
            continue;
        const char *key = lua_tostring(L, -2);
        size_t j = id_slot(key, cap);
        while (c->key[j])
            j = (j + 1) & (cap - 1);
        c->key[j] = key;
        c->index[j] = (int)lua_tointeger(L, -1);
    }
}

/* The index of the id at arg in the ids table of upvalue uv: the cache by address
 * first, then the table (any string, or a number, as luaL_checkstring takes it). */
static int lookup(lua_State *L, const niact_host *h, int arg, int uv, const char *kind) {
    const struct host_id_cache *c = &h->idc[uv - 1];
    /* lua_tolstring turns a number into a string in place, as luaL_checkstring below
     * would: that new string is no id's, so it misses and the table answers. */
    const char *p = c->cap ? lua_tolstring(L, arg, NULL) : NULL;
    if (p)
        for (size_t j = id_slot(p, c->cap); c->key[j]; j = (j + 1) & (c->cap - 1))
            if (c->key[j] == p)
                return c->index[j];
    const char *id = luaL_checkstring(L, arg);
    lua_pushvalue(L, arg);
    lua_rawget(L, lua_upvalueindex(uv));
    int ok;
    int i = (int)lua_tointegerx(L, -1, &ok);
    lua_pop(L, 1);
    if (!ok)
        luaL_error(L, "no %s '%s'", kind, id);
    return i;
}

/* Both need the method's host as h (check_state's). */
#define TRACK(L, a) lookup(L, h, a, 1, "track")
#define ROLE(L, a) lookup(L, h, a, 2, "role")

static int32_t check_i32(lua_State *L, int arg) {
    lua_Integer v;
    if (lua_isinteger(L, arg)) {
        v = lua_tointeger(L, arg);
    } else {
        lua_Number n = luaL_checknumber(L, arg);
        if (!isfinite(n))
            luaL_argerror(L, arg, "must be a finite number");
        n = floor(n + 0.5);
        v = n > 2e9 ? 2000000000 : n < -2e9 ? -2000000000 : (lua_Integer)n;
    }
    if (v > 2000000000)
        v = 2000000000;
    if (v < -2000000000)
        v = -2000000000;
    return (int32_t)v;
}

/* state:get(track): the truth for rules; a personality gets its role's view. */
static int st_get(lua_State *L) {
    niact_host *h = check_state(L);
    int t = TRACK(L, 2);
    if (h->view_role >= 0) {
        niact_track_view v;
        niact_game_view_track(h->game, h->view_role, t, &v);
        if (v.vis == NIACT_VIS_NONE) {
            h->view_refused = 1;
            return luaL_error(L, "%s cannot see track '%s'",
                              h->sc->roles[h->view_role].meta.id, lua_tostring(L, 2));
        }
        lua_pushinteger(L, v.value);
        lua_pushinteger(L, v.error);
        return 2;
    }
    lua_pushinteger(L, niact_rules_get(h->game, t));
    return 1;
}

static int st_set(lua_State *L) {
    niact_host *h = check_write(L, "set");
    int t = TRACK(L, 2);
    lua_pushinteger(L, niact_rules_set(h->game, t, check_i32(L, 3)));
    return 1;
}

static int st_add(lua_State *L) {
    niact_host *h = check_write(L, "add");
    int t = TRACK(L, 2);
    int64_t v = (int64_t)niact_rules_get(h->game, t) + check_i32(L, 3);
    v = v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : v;
    lua_pushinteger(L, niact_rules_set(h->game, t, (int32_t)v));
    return 1;
}

static int st_min(lua_State *L) {
    niact_host *h = check_state(L);
    lua_pushinteger(L, h->sc->tracks[TRACK(L, 2)].min);
    return 1;
}

static int st_max(lua_State *L) {
    niact_host *h = check_state(L);
    lua_pushinteger(L, h->sc->tracks[TRACK(L, 2)].max);
    return 1;
}

/* state:label(track [, value]): the name of a value on a labelled track. */
static int st_label(lua_State *L) {
    niact_host *h = check_state(L);
    int t = TRACK(L, 2);
    const niact_track_def *d = &h->sc->tracks[t];
    int32_t v = lua_isnoneornil(L, 3) ? niact_rules_get(h->game, t) : check_i32(L, 3);
    if (h->view_role >= 0 && lua_isnoneornil(L, 3)) { /* the value the role sees, as get */
        niact_track_view tv;
        niact_game_view_track(h->game, h->view_role, t, &tv);
        if (tv.vis == NIACT_VIS_NONE) {
            h->view_refused = 1;
            return luaL_error(L, "%s cannot see track '%s'",
                              h->sc->roles[h->view_role].meta.id, lua_tostring(L, 2));
        }
        v = tv.value;
    }
    if (d->n_labels && v >= d->min && v <= d->max)
        lua_pushstring(L, d->labels[v - d->min]);
    else
        lua_pushfstring(L, "%d", (int)v);
    return 1;
}

static int st_estimate(lua_State *L) {
    niact_host *h = check_state(L);
    int r = ROLE(L, 2), t = TRACK(L, 3);
    if (h->view_role >= 0 && r != h->view_role && (h->view_refused = 1))
        return luaL_error(L, "a personality may read only its own role's estimates");
    int32_t err;
    lua_pushinteger(L, niact_rules_estimate(h->game, r, t, &err));
    lua_pushinteger(L, err);
    return 2;
}

static int st_observe(lua_State *L) {
    niact_host *h = check_write(L, "observe");
    int r = ROLE(L, 2), t = TRACK(L, 3);
    niact_rules_observe(h->game, r, t, check_i32(L, 4));
    return 0;
}

static int st_set_estimate(lua_State *L) {
    niact_host *h = check_write(L, "set_estimate");
    int r = ROLE(L, 2), t = TRACK(L, 3);
    niact_rules_set_estimate(h->game, r, t, check_i32(L, 4), check_i32(L, 5));
    return 0;
}

/* An audience argument: nil = everyone, a role id, or a list of role ids. */
static uint32_t audience(lua_State *L, niact_host *h, int arg) {
    if (lua_isnoneornil(L, arg))
        return h->sc->n_roles >= 32 ? 0xffffffffu : (1u << h->sc->n_roles) - 1u;
    if (lua_type(L, arg) == LUA_TSTRING)
        return 1u << ROLE(L, arg);
    luaL_checktype(L, arg, LUA_TTABLE);
    uint32_t mask = 0;
    lua_Integer n = luaL_len(L, arg);
    for (lua_Integer i = 1; i <= n && i <= 64; i++) {
        lua_geti(L, arg, i);
        mask |= 1u << ROLE(L, lua_gettop(L));
        lua_pop(L, 1);
    }
    return mask;
}

static int do_log(lua_State *L, int text_arg, int aud_arg, niact_log_kind kind) {
    niact_host *h = check_write(L, kind == NIACT_LOG_NEWS ? "log" : "report");
    size_t len;
    const char *text = luaL_checklstring(L, text_arg, &len);
    if (len > 4000)
        return luaL_error(L, "a log entry is limited to 4000 bytes");
    char why[96];
    if (niact_text_check(text, len, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
        return luaL_error(L, "a log entry must be plain text: %s", why);
    uint32_t mask = audience(L, h, aud_arg);
    niact_status st = niact_rules_log(h->game, mask, kind, text);
    if (st == NIACT_ERR_LIMIT)
        return luaL_error(L, "log limit: the scenario's news and reports hold at most %d KiB "
                             "of text a turn and %d MiB a game", NIACT_LOG_TURN_BYTES >> 10,
                          NIACT_LOG_GAME_BYTES >> 20);
    if (st != NIACT_OK)
        return luaL_error(L, "not enough memory for the log");
    return 0;
}

/* state:log(text [, audience]) news; state:report(audience, text) private report. */
static int st_log(lua_State *L) {
    return do_log(L, 2, 3, NIACT_LOG_NEWS);
}
static int st_report(lua_State *L) {
    return do_log(L, 3, 2, NIACT_LOG_REPORT);
}

static int st_roll(lua_State *L) {
    niact_host *h = check_write(L, "roll");
    int32_t n = check_i32(L, 2);
    luaL_argcheck(L, n >= 1, 2, "must be at least 1");
    lua_pushinteger(L, (lua_Integer)niact_rng_below(niact_rules_rng(h->game), (uint32_t)n) + 1);
    return 1;
}

static int st_random(lua_State *L) {
    niact_host *h = check_write(L, "random");
    int32_t lo = check_i32(L, 2), hi = check_i32(L, 3);
    luaL_argcheck(L, lo <= hi, 3, "must not be below the lower bound");
    lua_pushinteger(L, niact_rng_range(niact_rules_rng(h->game), lo, hi));
    return 1;
}

/* state:chance(percent): true with that probability (resolution 0.1 %). */
static int st_chance(lua_State *L) {
    niact_host *h = check_write(L, "chance");
    lua_Number p = luaL_checknumber(L, 2);
    luaL_argcheck(L, !isnan(p), 2, "must be a number of percent, not NaN");
    int32_t permille = p <= 0 ? 0 : p >= 100 ? 1000 : (int32_t)(p * 10 + 0.5);
    lua_pushboolean(L, (int32_t)niact_rng_below(niact_rules_rng(h->game), 1000) < permille);
    return 1;
}

static int st_turn(lua_State *L) {
    niact_host *h = check_state(L);
    lua_pushinteger(L, niact_game_turn(h->game) + 1);
    return 1;
}

static int st_turns(lua_State *L) {
    niact_host *h = check_state(L);
    lua_pushinteger(L, h->sc->turns);
    return 1;
}

static int st_variant(lua_State *L) {
    niact_host *h = check_state(L);
    const niact_variant_def *v = niact_scenario_variant_played(h->sc);
    if (v)
        lua_pushstring(L, v->meta.id);
    else
        lua_pushnil(L);
    return 1;
}

static int st_date(lua_State *L) {
    niact_host *h = check_state(L);
    char buf[NIACT_DATE_MAX];
    int32_t t = lua_isnoneornil(L, 2) ? niact_game_turn(h->game) : check_i32(L, 2) - 1;
    if (niact_scenario_date(h->sc, t, buf, sizeof buf) != 0)
        return luaL_error(L, "bad calendar");
    lua_pushstring(L, buf);
    return 1;
}

/* state:fired(event): times it fired; in a role's view, the fires that role was told of
 * (an event reported only to others is, for it, an event that did not happen). */
static int st_fired(lua_State *L) {
    niact_host *h = check_state(L);
    int e = lookup(L, h, 2, 3, "event");
    lua_pushinteger(L, h->view_role >= 0 ? niact_rules_told(h->game, e, h->view_role)
                                         : niact_rules_fired(h->game, e));
    return 1;
}

static int st_end_game(lua_State *L) {
    niact_host *h = check_write(L, "end_game");
    const char *name = luaL_checkstring(L, 2);
    niact_outcome o;
    /* Only the outcomes the scenario declared (outcome.c; settlement and war by default). */
    if (niact_scenario_outcome_parse(h->sc, name, &o) != 0 ||
        !niact_scenario_outcome_declared(h->sc, o)) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        int n = niact_scenario_outcome_count(h->sc);
        for (int i = 0, k = 0; i < n; i++)
            if (niact_scenario_outcome_declared(h->sc, (niact_outcome)i)) {
                luaL_addstring(&b, k++ ? ", " : "");
                luaL_addstring(&b, niact_scenario_outcome(h->sc, (niact_outcome)i).id);
            }
        luaL_pushresult(&b);
        return luaL_argerror(L, 2, lua_pushfstring(L, "no outcome '%s' is declared (declared: %s)",
                                                   name, lua_tostring(L, -1)));
    }
    size_t len;
    const char *text = luaL_optlstring(L, 3, niact_scenario_outcome_text(h->sc, o), &len);
    char why[96];
    if (niact_text_check(text, len, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
        return luaL_error(L, "the outcome text must be plain text: %s", why);
    niact_rules_end(h->game, o, text);
    return 0;
}

static void push_order(lua_State *L, niact_host *h, const niact_order *o) {
    lua_createtable(L, 0, 3);
    push_role(L, h, o->role);
    lua_setfield(L, -2, "role");
    lua_pushstring(L, h->sc->actions[o->action].meta.id);
    lua_setfield(L, -2, "action");
    if (h->sc->actions[o->action].has_param) {
        lua_pushinteger(L, o->param);
        lua_setfield(L, -2, "param");
    }
}

/* state:orders(): every order of this turn, in resolution order (rules only). */
static int st_orders(lua_State *L) {
    niact_host *h = check_truth(L, "orders");
    int n;
    const niact_order *os = niact_rules_turn_orders(h->game, &n);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        push_order(L, h, &os[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* state:ordered(role, action): this turn's parameter (true if none) or nil. */
static int st_ordered(lua_State *L) {
    niact_host *h = check_truth(L, "ordered");
    int r = ROLE(L, 2), a = lookup(L, h, 3, 4, "action");
    int n;
    const niact_order *os = niact_rules_turn_orders(h->game, &n);
    for (int i = 0; i < n; i++) {
        if (os[i].role == r && os[i].action == a) {
            if (h->sc->actions[a].has_param)
                lua_pushinteger(L, os[i].param);
            else
                lua_pushboolean(L, 1);
            return 1;
        }
    }
    lua_pushnil(L);
    return 1;
}

/* state:role(): the role a personality plays (nil for rules). */
static int st_role(lua_State *L) {
    niact_host *h = check_state(L);
    if (h->view_role < 0)
        lua_pushnil(L);
    else
        push_role(L, h, h->view_role);
    return 1;
}

/* state:legal(action [, param]): whether the personality's role may order it now, as far
 * as the role can tell. The scenario's test runs in the role's own view (state:get gives
 * its estimates, state:fired the fires it was told of), never on the truth: a yes or no
 * from the true state would tell a personality what its seat does not know. A test that
 * needs what the view refuses (a track the role does not see, this turn's orders)
 * answers false, with the refusal as a second value. Every other failure of the test
 * (a script error, a write, a limit) is the personality's, as before. */
static int st_legal(lua_State *L) {
    niact_host *h = check_state(L);
    if (h->view_role < 0)
        return luaL_error(L, "state:legal is for personalities");
    int a = lookup(L, h, 2, 4, "action");
    niact_order o = {(int16_t)h->view_role, (int16_t)a,
                     lua_isnoneornil(L, 3) ? h->sc->actions[a].param_default : check_i32(L, 3)};
    const niact_action_def *d = &h->sc->actions[a];
    int ok = (d->roles & (1u << o.role)) && (!d->has_param || (o.param >= d->param_min &&
                                                               o.param <= d->param_max));
    if (ok && d->has_legal) { /* the scenario's test, within this callback, in the view */
        lua_rawgeti(L, LUA_REGISTRYINDEX, h->action_refs[a].a);
        lua_pushvalue(L, 1);
        push_role(L, h, o.role);
        if (d->has_param)
            lua_pushinteger(L, o.param);
        else
            lua_pushnil(L);
        /* The host, not the script, restores the mode, whether the test returns or raises:
         * a personality that catches the error with pcall is still in its view. */
        const char *query = h->query;
        int refused = h->view_refused;
        h->query = "a legality test";
        h->view_refused = 0;
        int st = lua_pcall(L, 3, 1, 0);
        int view_refusal = h->view_refused;
        h->query = query;
        h->view_refused = refused;
        if (st != LUA_OK && (!view_refusal || host_killed(L)))
            return lua_error(L);
        if (st != LUA_OK) { /* it cannot be judged from the view: no */
            lua_pushboolean(L, 0);
            lua_insert(L, -2); /* false, the refusal's message */
            return 2;
        }
        ok = lua_toboolean(L, -1);
    }
    lua_pushboolean(L, ok);
    return 1;
}

/* Pushes {agreement=, deadline=, public=} of an agreement (deadline omitted if < 0). */
static void push_agreement_info(lua_State *L, const niact_game *g, int32_t agreement,
                                int32_t deadline) {
    const niact_proposal *p = niact_rules_proposal(g, agreement);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, agreement);
    lua_setfield(L, -2, "agreement");
    if (deadline >= 0) {
        lua_pushinteger(L, deadline + 1);
        lua_setfield(L, -2, "deadline");
    }
    lua_pushboolean(L, p && p->public_);
    lua_setfield(L, -2, "public");
}

/* state:commitments([role]): open commitments of agreements the role is party to:
 * {term=, param=, giver=, deadline=, agreement=, public=, parties={ids}, partner_broke=}. Rules: every
 * one without a role. A personality: its own seat's; with a role, that role's that its
 * seat may know of (its own agreements and public ones). */
static int st_commitments(lua_State *L) {
    niact_host *h = check_state(L);
    int viewer = h->view_role;
    int who = lua_isnoneornil(L, 2) ? viewer : ROLE(L, 2);
    lua_newtable(L);
    int k = 0;
    const niact_commitment *c;
    for (int i = 0; (c = niact_rules_commitment(h->game, i)); i++) {
        const niact_proposal *p = niact_rules_proposal(h->game, c->agreement);
        uint32_t parties = p->to | (1u << p->from);
        if (c->status != NIACT_COMMIT_PENDING || (who >= 0 && !(parties & (1u << who))) ||
            (viewer >= 0 && !p->public_ && !(parties & (1u << viewer))))
            continue;
        push_agreement_info(L, h->game, c->agreement, c->deadline);
        lua_pushstring(L, h->sc->terms[c->item.term].meta.id);
        lua_setfield(L, -2, "term");
        lua_pushinteger(L, c->item.param);
        lua_setfield(L, -2, "param");
        push_role(L, h, c->item.giver);
        lua_setfield(L, -2, "giver");
        lua_createtable(L, 0, 0);
        for (int r = 0, n = 0; r < h->sc->n_roles; r++)
            if (parties & (1u << r)) {
                push_role(L, h, r);
                lua_rawseti(L, -2, ++n);
            }
        lua_setfield(L, -2, "parties");
        /* whether another party broke its own term of this agreement (conditional
         * keeping: docs/modding.md) */
        int broke = 0;
        const niact_commitment *o;
        for (int j = 0; !broke && (o = niact_rules_commitment(h->game, j)); j++)
            broke = o->agreement == c->agreement && o->item.giver != c->item.giver &&
                    o->status == NIACT_COMMIT_BROKEN;
        lua_pushboolean(L, broke);
        lua_setfield(L, -2, "partner_broke");
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* state:trust(role): that role's trust, 0-100 (public). */
static int st_trust(lua_State *L) {
    niact_host *h = check_state(L);
    lua_pushinteger(L, niact_game_trust(h->game, ROLE(L, 2)));
    return 1;
}

static int st_tostring(lua_State *L) {
    lua_pushliteral(L, "niact.state");
    return 1;
}

/* The arguments the function behind ref can see, state included: its parameters, or
 * HOST_ALL_ARGS (a vararg or C function, or none). */
static unsigned char fn_args(lua_State *L, int ref) {
    if (ref == LUA_NOREF || ref == LUA_REFNIL)
        return HOST_ALL_ARGS;
    lua_Debug ar;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (!lua_getinfo(L, ">u", &ar) || ar.isvararg || ar.nparams >= HOST_ALL_ARGS)
        return HOST_ALL_ARGS;
    return ar.nparams;
}

void host_open_state(niact_host *h) {
    lua_State *L = h->L;
    static const luaL_Reg methods[] = {
        {"get", st_get},         {"set", st_set},
        {"add", st_add},         {"min", st_min},
        {"max", st_max},         {"label", st_label},
        {"estimate", st_estimate}, {"observe", st_observe},
        {"set_estimate", st_set_estimate}, {"log", st_log},
        {"report", st_report},   {"roll", st_roll},
        {"random", st_random},   {"chance", st_chance},
        {"turn", st_turn},       {"turns", st_turns},
        {"variant", st_variant},
        {"date", st_date},       {"fired", st_fired},
        {"end_game", st_end_game}, {"orders", st_orders},
        {"ordered", st_ordered}, {"role", st_role},
        {"legal", st_legal},     {"commitments", st_commitments},
        {"trust", st_trust},     {NULL, NULL}};
    niact_host **p = lua_newuserdatauv(L, sizeof *p, 0);
    *p = h;
    h->state_ud = p;
    luaL_newmetatable(L, STATE_MT);
    lua_newtable(L); /* methods */
    lua_getfield(L, LUA_REGISTRYINDEX, IDS_KEY);
    static const char *const kinds[4] = {"tracks", "roles", "events", "actions"};
    for (int k = 0; k < 4; k++) {
        lua_getfield(L, -1, kinds[k]);
        if (lua_istable(L, -1))
            id_cache_fill(L, h, k, -1);
        lua_pop(L, 1);
    }
    for (const luaL_Reg *m = methods; m->name; m++) {
        lua_getfield(L, -1, "tracks");
        lua_getfield(L, -2, "roles");
        lua_getfield(L, -3, "events");
        lua_getfield(L, -4, "actions");
        lua_pushcclosure(L, m->func, 4);
        lua_setfield(L, -3, m->name);
    }
    lua_pop(L, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, st_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    h->ref_state = luaL_ref(L, LUA_REGISTRYINDEX);
    int nr = h->sc->n_roles, nt = h->sc->n_terms;
    h->role_refs = malloc((size_t)(nr ? nr : 1) * sizeof *h->role_refs);
    h->term_args = malloc((size_t)(nt ? nt : 1) * sizeof *h->term_args);
    if (!h->role_refs || !h->term_args)
        luaL_error(L, "out of memory");
    for (int r = 0; r < nr; r++) {
        lua_pushstring(L, h->sc->roles[r].meta.id);
        h->role_refs[r] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    for (int t = 0; t < nt; t++)
        for (int k = 0; k < HOST_TERM_FNS; k++)
            h->term_args[t][k] = fn_args(L, h->term_refs[t][k]);
}

/* ---- the rules interface ---- */

/* What ran, for a problem's record: the function (a registry reference) and the words
 * of its context, formatted only when there is a problem (legality tests are hot). */
typedef struct callee {
    int ref;          /* the scenario's function; LUA_NOREF: none known */
    int idx;          /* or, if > 0, the stack index where it is */
    const char *fmt;  /* context, printf-style with up to two strings */
    const char *a, *b;
} callee;

/* Fills e's position with where the function `ref` was written, if e has no position
 * in the scenario's files (an error raised by the engine after the function returned,
 * a limit fired outside any scenario frame, a result the engine cannot use). */
static void place(niact_host *h, int ref, int idx, niact_error *e) {
    if (e->file[0] && e->line > 0)
        return;
    lua_State *L = h->L;
    if (idx > 0)
        lua_pushvalue(L, idx);
    else if (ref != LUA_NOREF && ref != LUA_REFNIL)
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    else
        return;
    lua_Debug ar;
    if (lua_type(L, -1) == LUA_TFUNCTION && lua_getinfo(L, ">S", &ar)) {
        if (ar.source[0] == '@' && ar.linedefined > 0) {
            snprintf(e->file, sizeof e->file, "%s", ar.source + 1);
            e->line = ar.linedefined;
            host_quote(h, e);
        }
    } else {
        lua_pop(L, 1);
    }
}

/* Completes the record of a callback's problem on h->error (its position, its context)
 * and tells the hook. */
static void report(niact_host *h, const callee *c, int warning) {
    niact_error *e = &h->error;
    place(h, c->ref, c->idx, e);
    if (c->fmt)
        snprintf(e->context, sizeof e->context, c->fmt, c->a ? c->a : "", c->b ? c->b : "");
    niact_error_format(e, h->err, sizeof h->err);
    if (h->hook && e->kind != NIACT_KIND_NOMEM)
        h->hook(h->hook_ud, e, warning);
}

/* The status of a callback's result: the kind was set where the failure arose
 * (host_call, the hook, the allocator), never read back from the message. A failure is
 * reported (report). */
static niact_status status_of(niact_host *h, int st, const callee *c) {
    if (st == LUA_OK)
        return NIACT_OK;
    report(h, c, 0);
    return niact_error_kind_status(h->error.kind);
}

/* Sets a failure the host finds in a callback's results (a score that is not a number):
 * kind SCRIPT, at the position where the callback was written. */
static niact_status bad_result(niact_host *h, const callee *c, const char *fmt, ...) {
    niact_error_clear(&h->error);
    h->error.status = NIACT_ERR_SCRIPT;
    h->error.kind = NIACT_KIND_SCRIPT;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->error.reason, sizeof h->error.reason, fmt, ap);
    va_end(ap);
    report(h, c, 0);
    return NIACT_ERR_SCRIPT;
}

/* A warning about a result the host takes (h->error is left as it was). */
static void warn_result(niact_host *h, const callee *c, const char *fmt, ...) {
    if (!h->hook)
        return;
    niact_error keep = h->error;
    niact_error_clear(&h->error);
    h->error.kind = NIACT_KIND_SCRIPT;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->error.reason, sizeof h->error.reason, fmt, ap);
    va_end(ap);
    report(h, c, 1);
    h->error = keep;
    niact_error_format(&h->error, h->err, sizeof h->err);
}

static const host_mode RULE = {-1, NULL};            /* a rule: the truth, may change it */
static const host_mode LEGAL = {-1, "a legality test"}; /* a question on the truth */

/* Pushes the message handler, the function and the state (for host_call_at); returns 0
 * if there is no function (nothing pushed). */
static int prepare(niact_host *h, int ref) {
    if (ref == LUA_NOREF || ref == LUA_REFNIL)
        return 0;
    lua_pushcfunction(h->L, host_msg_handler);
    lua_rawgeti(h->L, LUA_REGISTRYINDEX, ref);
    lua_rawgeti(h->L, LUA_REGISTRYINDEX, h->ref_state);
    return 1;
}

/* Calls the prepared function with nargs arguments; *out = the truth of its first
 * result. A false result may come with a reason (a string second result), kept for why(). */
static niact_status call_truth(niact_host *h, niact_game *g, host_mode mode, int nargs,
                               int *out, const callee *c) {
    int st = host_call_at(h, g, mode, nargs, 2);
    if (st != LUA_OK)
        return status_of(h, st, c);
    *out = lua_toboolean(h->L, -2);
    int type = lua_type(h->L, -2);
    if (type != LUA_TBOOLEAN && type != LUA_TNIL && h->hook) /* Lua counts 0 and "" as true */
        warn_result(h, c, "returned a %s, which counts as true whatever its value: return "
                    "true or false", lua_typename(h->L, type));
    const char *why = !*out && lua_type(h->L, -1) == LUA_TSTRING ? lua_tostring(h->L, -1) : "";
    size_t n = strlen(why); /* no snprintf: this runs on every legality test */
    n = n < sizeof h->why ? n : sizeof h->why - 1;
    memcpy(h->why, why, n);
    h->why[n] = 0;
    lua_pop(h->L, 3); /* the results and the handler */
    return NIACT_OK;
}

/* Runs a prepared callback whose results are not used (a rule's action, hook or term
 * event). */
static niact_status call_rule(niact_host *h, niact_game *g, int nargs, const callee *c) {
    int st = host_call_at(h, g, RULE, nargs, 0);
    if (st == LUA_OK)
        lua_pop(h->L, 1); /* the handler */
    return status_of(h, st, c);
}

static niact_status call_simple(niact_host *h, niact_game *g, callee c) {
    if (!prepare(h, c.ref))
        return NIACT_OK;
    return call_rule(h, g, 1, &c);
}

static niact_status r_setup(void *ud, niact_game *g) {
    niact_host *h = ud;
    return call_simple(h, g, (callee){h->ref_setup, 0, "setup", NULL, NULL});
}
static niact_status r_turn_start(void *ud, niact_game *g) {
    niact_host *h = ud;
    return call_simple(h, g, (callee){h->ref_turn_start, 0, "turn start", NULL, NULL});
}
static niact_status r_turn_end(void *ud, niact_game *g) {
    niact_host *h = ud;
    return call_simple(h, g, (callee){h->ref_turn_end, 0, "turn end", NULL, NULL});
}
static niact_status r_event_fire(void *ud, niact_game *g, int e) {
    niact_host *h = ud;
    return call_simple(h, g, (callee){h->event_refs[e].b, 0, "event '%s'", h->sc->events[e].meta.id,
                                      NULL});
}

static void push_role_param(niact_host *h, const niact_order *o) {
    push_role(h->L, h, o->role);
    if (h->sc->actions[o->action].has_param)
        lua_pushinteger(h->L, o->param);
    else
        lua_pushnil(h->L);
}

static niact_status r_legal(void *ud, niact_game *g, const niact_order *o, int *ok) {
    niact_host *h = ud;
    *ok = 1;
    if (!prepare(h, h->action_refs[o->action].a))
        return NIACT_OK;
    push_role_param(h, o);
    callee c = {h->action_refs[o->action].a, 0, "legality test of '%s'",
                h->sc->actions[o->action].meta.id, NULL};
    return call_truth(h, g, LEGAL, 3, ok, &c);
}

static niact_status r_resolve(void *ud, niact_game *g, const niact_order *o) {
    niact_host *h = ud;
    if (!prepare(h, h->action_refs[o->action].b))
        return NIACT_OK;
    push_role_param(h, o);
    callee c = {h->action_refs[o->action].b, 0, "action '%s'", h->sc->actions[o->action].meta.id,
                NULL};
    return call_rule(h, g, 3, &c);
}

static niact_status r_condition(void *ud, niact_game *g, int e, int *fire) {
    niact_host *h = ud;
    *fire = 1;
    if (!prepare(h, h->event_refs[e].a))
        return NIACT_OK;
    callee c = {h->event_refs[e].a, 0, "condition of event '%s'", h->sc->events[e].meta.id, NULL};
    return call_truth(h, g, RULE, 1, fire, &c);
}

static niact_status r_score(void *ud, niact_game *g, int obj, int32_t *score) {
    niact_host *h = ud;
    if (!prepare(h, h->objective_refs[obj]))
        return NIACT_OK;
    callee c = {h->objective_refs[obj], 0, "objective '%s'", h->sc->objectives[obj].meta.id, NULL};
    int st = host_call_at(h, g, RULE, 1, 1);
    if (st != LUA_OK)
        return status_of(h, st, &c);
    int isnum, type = lua_type(h->L, -1);
    lua_Number n = lua_tonumberx(h->L, -1, &isnum);
    lua_pop(h->L, 2);
    if (type != LUA_TNUMBER || !isfinite(n))
        return bad_result(h, &c, "score must return a number from 0 to 100, not %s",
                          type == LUA_TNUMBER ? "an infinity or NaN" : lua_typename(h->L, type));
    n = floor(n + 0.5);
    *score = n < 0 ? 0 : n > 100 ? 100 : (int32_t)n;
    return NIACT_OK;
}

static niact_status r_end_check(void *ud, niact_game *g, niact_outcome *out, char *text,
                                size_t len) {
    niact_host *h = ud;
    *out = NIACT_OUTCOME_NONE;
    if (!prepare(h, h->ref_end_check))
        return NIACT_OK;
    callee c = {h->ref_end_check, 0, "end check", NULL, NULL};
    int st = host_call_at(h, g, RULE, 1, 2);
    if (st != LUA_OK)
        return status_of(h, st, &c);
    const char *kind = lua_type(h->L, -2) == LUA_TSTRING ? lua_tostring(h->L, -2) : NULL;
    size_t tlen = 0;
    const char *t = lua_type(h->L, -1) == LUA_TSTRING ? lua_tolstring(h->L, -1, &tlen) : "";
    niact_status res = NIACT_OK;
    niact_outcome o;
    char why[96];
    if (kind && niact_scenario_outcome_parse(h->sc, kind, &o) == 0 &&
        niact_scenario_outcome_declared(h->sc, o)) {
        if (niact_text_check(t, tlen, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
            res = bad_result(h, &c, "end_check: the outcome text must be plain text: %s", why),
            t = "";
        else
            *out = o;
    } else if (!lua_isnil(h->L, -2)) {
        res = kind ? bad_result(h, &c, "end_check must return nil or a declared outcome (and a "
                                       "text); '%.60s' is not declared", kind)
                   : bad_result(h, &c, "end_check must return nil or a declared outcome (and a "
                                       "text), not a %s", luaL_typename(h->L, -2));
    }
    snprintf(text, len, "%s", t);
    lua_pop(h->L, 3);
    return res;
}

/* Pushes a term callback with (state, role id, param); 0 if the term has none. */
static int prepare_term(niact_host *h, const niact_term_item *t, int fn, int role) {
    if (!prepare(h, h->term_refs[t->term][fn]))
        return 0;
    push_role(h->L, h, role);
    if (h->sc->terms[t->term].has_param)
        lua_pushinteger(h->L, t->param);
    else
        lua_pushnil(h->L);
    return 1;
}

static niact_status r_term_legal(void *ud, niact_game *g, int from, uint32_t parties,
                                 int public_, const niact_term_item *t, int *ok) {
    niact_host *h = ud;
    *ok = 1;
    if (!prepare_term(h, t, 0, from))
        return NIACT_OK;
    callee c = {h->term_refs[t->term][0], 0, "legality test of term '%s'",
                h->sc->terms[t->term].meta.id, NULL};
    const host_mode mode = {-1, "a term's legality test"};
    if (h->term_args[t->term][0] < 4) /* it cannot see the info: none is built */
        return call_truth(h, g, mode, 3, ok, &c);
    lua_State *L = h->L;
    lua_createtable(L, 0, 3); /* info: in public or in secret, with whom, given by whom */
    lua_pushboolean(L, public_);
    lua_setfield(L, -2, "public");
    int np = 0;
    for (int r = 0; r < h->sc->n_roles; r++)
        np += (parties >> r) & 1u;
    lua_createtable(L, np, 0);
    for (int r = 0, n = 0; r < h->sc->n_roles; r++)
        if (parties & (1u << r)) {
            push_role(L, h, r);
            lua_rawseti(L, -2, ++n);
        }
    lua_setfield(L, -2, "parties");
    if (t->giver >= 0 && t->giver < h->sc->n_roles) {
        push_role(L, h, t->giver);
        lua_setfield(L, -2, "giver");
    }
    return call_truth(h, g, mode, 4, ok, &c);
}

/* The deadline of the commitment to term item t under agreement `agreement`, or -1. */
static int32_t deadline_of(const niact_game *g, int32_t agreement, const niact_term_item *t) {
    const niact_commitment *c;
    for (int i = 0; (c = niact_rules_commitment(g, i)); i++)
        if (c->agreement == agreement && c->item.term == t->term)
            return c->deadline;
    return -1;
}

static niact_status r_term_agreed(void *ud, niact_game *g, int32_t agreement,
                                  const niact_term_item *t) {
    niact_host *h = ud;
    if (!prepare_term(h, t, 1, t->giver))
        return NIACT_OK;
    int nargs = 3;
    if (h->term_args[t->term][1] >= 4) { /* the callback names its info */
        push_agreement_info(h->L, g, agreement, deadline_of(g, agreement, t));
        nargs = 4;
    }
    callee c = {h->term_refs[t->term][1], 0, "term '%s' (on_agree)", h->sc->terms[t->term].meta.id,
                NULL};
    return call_rule(h, g, nargs, &c);
}

static niact_status r_term_check(void *ud, niact_game *g, const niact_commitment *c_,
                                 int *verdict) {
    niact_host *h = ud;
    *verdict = 0;
    if (!prepare_term(h, &c_->item, 2, c_->item.giver))
        return NIACT_OK;
    int nargs = 3;
    if (h->term_args[c_->item.term][2] >= 4) { /* the callback names its info */
        push_agreement_info(h->L, g, c_->agreement, c_->deadline);
        nargs = 4;
    }
    callee c = {h->term_refs[c_->item.term][2], 0, "term '%s' (check)",
                h->sc->terms[c_->item.term].meta.id, NULL};
    int st = host_call_at(h, g, RULE, nargs, 1);
    if (st != LUA_OK)
        return status_of(h, st, &c);
    int type = lua_type(h->L, -1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN && h->hook) /* 0 would be "kept" */
        warn_result(h, &c, "returned a %s, which counts as kept whatever its value: return "
                    "true (kept), false (broken) or nil (not yet)", lua_typename(h->L, type));
    if (type != LUA_TNIL)
        *verdict = lua_toboolean(h->L, -1) ? 1 : -1;
    lua_pop(h->L, 2);
    return NIACT_OK;
}

static niact_status r_term_settled(void *ud, niact_game *g, const niact_commitment *c) {
    niact_host *h = ud;
    int fn = c->status == NIACT_COMMIT_KEPT ? 3 : 4;
    if (!prepare_term(h, &c->item, fn, c->item.giver))
        return NIACT_OK;
    int nargs = 3;
    if (h->term_args[c->item.term][fn] >= 4) { /* the callback names its info */
        push_agreement_info(h->L, g, c->agreement, c->deadline);
        nargs = 4;
    }
    callee k = {h->term_refs[c->item.term][fn], 0, fn == 3 ? "term '%s' (on_kept)" : "term '%s' (on_broken)",
                h->sc->terms[c->item.term].meta.id, NULL};
    return call_rule(h, g, nargs, &k);
}

niact_status niact_host_term_value(niact_host *h, niact_game *g, int viewer, int role,
                                   const niact_term_item *t, double *value) {
    *value = 0;
    if (viewer < 0 || viewer >= h->sc->n_roles || role < 0 || role >= h->sc->n_roles ||
        t->term < 0 || t->term >= h->sc->n_terms)
        return NIACT_ERR_INVALID;
    if (!prepare(h, h->term_refs[t->term][5]))
        return NIACT_OK;
    push_role(h->L, h, role);
    push_role(h->L, h, t->giver);
    if (h->sc->terms[t->term].has_param)
        lua_pushinteger(h->L, t->param);
    else
        lua_pushnil(h->L);
    callee c = {h->term_refs[t->term][5], 0, "term '%s' (value)", h->sc->terms[t->term].meta.id, NULL};
    int st = host_call_at(h, g, (host_mode){viewer, "a term's value"}, 4, 1);
    if (st != LUA_OK)
        return status_of(h, st, &c);
    int isnum, type = lua_type(h->L, -1);
    lua_Number n = lua_tonumberx(h->L, -1, &isnum);
    lua_pop(h->L, 2);
    if (type != LUA_TNUMBER || !isfinite(n))
        return bad_result(h, &c, "value must return a number, not %s",
                          type == LUA_TNUMBER ? "an infinity or NaN" : lua_typename(h->L, type));
    *value = n;
    return NIACT_OK;
}

static const niact_error *r_error(void *ud) {
    return &((niact_host *)ud)->error;
}

static const char *r_why(void *ud) {
    return ((niact_host *)ud)->why;
}

void host_bind_rules(niact_host *h) {
    h->rules = (niact_rules){.ud = h,
                             .setup = r_setup,
                             .legal = r_legal,
                             .resolve = r_resolve,
                             .turn_start = r_turn_start,
                             .turn_end = r_turn_end,
                             .event_condition = r_condition,
                             .event_fire = r_event_fire,
                             .score = r_score,
                             .end_check = r_end_check,
                             .error = r_error,
                             .term_legal = r_term_legal,
                             .term_agreed = r_term_agreed,
                             .term_check = r_term_check,
                             .term_settled = r_term_settled,
                             .why = r_why};
}

/* ---- personalities ---- */

typedef struct pers_out {
    niact_order *orders;
    int max, n, role;
} pers_out;

/* Runs inside the protected call: calls the personality and reads its list of orders,
 * each {"action_id", param} or {action = "id", param = n}. */
static int pers_runner(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    pers_out *po = lua_touserdata(L, 1);
    lua_pushvalue(L, 2); /* function */
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_state);
    push_role(L, h, po->role);
    lua_call(L, 2, 1);
    if (lua_isnil(L, -1))
        return 0;
    if (!lua_istable(L, -1))
        return luaL_error(L, "a personality must return a list of orders (or nil), not a %s",
                          luaL_typename(L, -1));
    int list = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, IDS_KEY);
    lua_getfield(L, -1, "actions");
    int aids = lua_gettop(L);
    lua_Integer n = luaL_len(L, list);
    for (lua_Integer i = 1; i <= n && po->n < po->max; i++) {
        lua_geti(L, list, i);
        int o = lua_gettop(L);
        if (lua_type(L, o) == LUA_TSTRING) {
            lua_pushvalue(L, o);
        } else {
            if (!lua_istable(L, o))
                return luaL_error(L, "order %d of the list is a %s: give an action id, "
                                     "{ \"action_id\", param } or { action = \"id\", param = n }",
                                  (int)i, luaL_typename(L, o));
            if (lua_geti(L, o, 1) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, o, "action");
            }
        }
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "order %d of the list names no action (its action is a %s)",
                              (int)i, luaL_typename(L, -1));
        lua_pushvalue(L, -1);
        lua_rawget(L, aids);
        int ok;
        int a = (int)lua_tointegerx(L, -1, &ok);
        if (!ok)
            return luaL_error(L, "no action '%s' (order %d of the list)", lua_tostring(L, -2),
                              (int)i);
        int32_t param = h->sc->actions[a].param_default;
        if (lua_istable(L, o)) {
            if (lua_geti(L, o, 2) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, o, "param");
            }
            if (!lua_isnil(L, -1))
                param = check_i32(L, lua_gettop(L));
        }
        if (!h->sc->actions[a].has_param)
            param = 0;
        po->orders[po->n++] = (niact_order){(int16_t)po->role, (int16_t)a, param};
        lua_settop(L, aids);
    }
    return 0;
}

/* Pushes the personality's hook for the role: "orders" (the role's function, or its
 * table's `orders`), "propose" or "answer" (its table's). 1 pushed, 0 none (nothing
 * pushed), -1 no such personality for the role (the error set). */
static int push_hook(niact_host *h, const char *name, int role, const char *hook) {
    lua_State *L = h->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_personalities);
    int t = LUA_TNIL;
    if (lua_getfield(L, -1, name) == LUA_TTABLE) {
        push_role(L, h, role); /* the id without hashing it again */
        t = lua_gettable(L, -2);
    }
    if (t != LUA_TFUNCTION && t != LUA_TTABLE) {
        lua_settop(L, 0);
        niact_error_set(&h->error, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                        "no personality '%s' for role '%s'", name, h->sc->roles[role].meta.id);
        niact_error_format(&h->error, h->err, sizeof h->err);
        return -1;
    }
    if (t == LUA_TFUNCTION) {
        if (strcmp(hook, "orders") != 0) {
            lua_settop(L, 0);
            return 0;
        }
    } else if (lua_getfield(L, -1, hook) != LUA_TFUNCTION) {
        lua_settop(L, 0);
        return 0;
    }
    lua_replace(L, 1);
    lua_settop(L, 1);
    return 1;
}

niact_status niact_host_personality(niact_host *h, niact_game *g, const char *name, int role,
                                    niact_order *orders, int max, int *n) {
    lua_State *L = h->L;
    *n = 0;
    if (role < 0 || role >= h->sc->n_roles) {
        niact_error_set(&h->error, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "no such role");
        niact_error_format(&h->error, h->err, sizeof h->err);
        return NIACT_ERR_INVALID;
    }
    int found = push_hook(h, name, role, "orders");
    if (found < 0)
        return NIACT_ERR_INVALID;
    if (found == 0) { /* it only negotiates: no orders */
        lua_settop(L, 0);
        return NIACT_OK;
    }
    int fn = lua_gettop(L);
    pers_out po = {orders, max, 0, role};
    lua_pushcfunction(L, pers_runner);
    lua_pushlightuserdata(L, &po);
    lua_pushvalue(L, fn);
    int st = host_call(h, g, (host_mode){role, "a personality"}, 2, 0);
    callee c = {LUA_NOREF, fn, "personality '%s' for '%s'", name, h->sc->roles[role].meta.id};
    niact_status res = status_of(h, st, &c);
    lua_settop(L, 0);
    *n = po.n;
    return res;
}

int niact_host_personality_at(niact_host *h, const char *name, int role, char *file,
                              size_t len) {
    lua_State *L = h->L;
    int top = lua_gettop(L), line = 0;
    if (len)
        file[0] = 0;
    if (role < 0 || role >= h->sc->n_roles || h->running)
        return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_personalities);
    lua_Debug ar;
    int t = lua_type(L, -1) == LUA_TTABLE && lua_getfield(L, -1, name) == LUA_TTABLE
                ? lua_getfield(L, -1, h->sc->roles[role].meta.id)
                : LUA_TNIL;
    if (t == LUA_TTABLE) /* {orders =, propose =, answer =}: where its orders were written */
        t = lua_getfield(L, -1, "orders");
    if (t == LUA_TFUNCTION && lua_getinfo(L, ">S", &ar) && ar.source[0] == '@' &&
        ar.linedefined > 0) {
        snprintf(file, len, "%s", ar.source + 1);
        line = ar.linedefined;
    }
    lua_settop(L, top);
    return line;
}

/* ---- personalities that negotiate ---- */

typedef struct talk_out {
    int role;
    niact_host_offer *offers;
    int max, n;             /* propose: -1 if the hook returned nil */
    int32_t id;             /* answer: the proposal */
    const niact_proposal *prop; /* answer: a package not in the game (a counter it might
                                   make), judged instead of proposal `id` */
    int accept;             /* answer: -1 nil */
    char why[NIACT_HOST_OFFER_TEXT];
} talk_out;

/* A role id (or a list of them) at idx as a mask; raises on anything else. */
static uint32_t roles_arg(lua_State *L, niact_host *h, int idx, const char *what) {
    uint32_t mask = 0;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        int r = niact_scenario_role(h->sc, lua_tostring(L, idx));
        if (r < 0)
            luaL_error(L, "%s: no role '%s'", what, lua_tostring(L, idx));
        return 1u << r;
    }
    if (!lua_istable(L, idx))
        luaL_error(L, "%s: `to` must be a role id or a list of them", what);
    lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n && i <= NIACT_MAX_ROLES; i++) {
        lua_geti(L, idx, i);
        mask |= roles_arg(L, h, -1, what);
        lua_pop(L, 1);
    }
    return mask;
}

/* Reads one proposal table {to=, terms={...}, public=, text=} at idx into o. */
static void read_offer(lua_State *L, niact_host *h, int idx, niact_host_offer *o) {
    idx = lua_absindex(L, idx);
    memset(o, 0, sizeof *o);
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "to");
    o->to = roles_arg(L, h, -1, "a personality's proposal");
    lua_pop(L, 1);
    lua_getfield(L, idx, "public");
    o->public_ = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "text") == LUA_TSTRING) {
        size_t len;
        const char *t = lua_tolstring(L, -1, &len);
        if (len >= sizeof o->text)
            luaL_error(L, "a personality's proposal: text is at most %d bytes",
                       (int)sizeof o->text - 1);
        memcpy(o->text, t, len + 1);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "terms") != LUA_TTABLE)
        luaL_error(L, "a personality's proposal needs terms = { ... }");
    int terms = lua_gettop(L);
    lua_Integer n = luaL_len(L, terms);
    if (n < 1 || n > NIACT_MAX_TERMS)
        luaL_error(L, "a personality's proposal has 1 to %d terms", NIACT_MAX_TERMS);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, terms, i);
        int t = lua_gettop(L);
        if (lua_istable(L, t)) { /* {"id", param, giver = "role"} or {term=, param=, giver=} */
            if (lua_geti(L, t, 1) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, t, "term");
            }
        } else {
            lua_pushvalue(L, t);
        }
        const char *id = lua_tostring(L, -1);
        int k = id ? niact_scenario_term(h->sc, id) : -1;
        if (k < 0)
            luaL_error(L, "a personality's proposal: no term '%s'", id ? id : "?");
        const niact_term_def *d = &h->sc->terms[k];
        int32_t param = d->has_param ? d->param_default : 0;
        int giver = -1;
        if (lua_istable(L, t)) {
            if (lua_geti(L, t, 2) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_getfield(L, t, "param");
            }
            if (!lua_isnil(L, -1) && d->has_param)
                param = check_i32(L, lua_gettop(L));
            if (lua_getfield(L, t, "giver") != LUA_TNIL) {
                const char *g = lua_tostring(L, -1);
                if (!g || (giver = niact_scenario_role(h->sc, g)) < 0)
                    luaL_error(L, "a personality's proposal: no role '%s' to give '%s'",
                               g ? g : "?", d->meta.id);
            }
        }
        o->terms[o->n_terms].term = (int16_t)k;
        o->terms[o->n_terms].giver = (int16_t)giver;
        o->terms[o->n_terms].param = param;
        o->n_terms++;
        lua_settop(L, terms);
    }
    lua_pop(L, 1);
}

/* Inside the protected call: propose(state, role) -> nil | proposal | {proposal, ...}. */
static int propose_runner(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    talk_out *to = lua_touserdata(L, 1);
    lua_pushvalue(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_state);
    push_role(L, h, to->role);
    lua_call(L, 2, 1);
    to->n = -1;
    if (lua_isnil(L, -1))
        return 0;
    if (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
        to->n = 0; /* false: no proposal this turn */
        return 0;
    }
    luaL_checktype(L, -1, LUA_TTABLE);
    int res = lua_gettop(L);
    to->n = 0;
    if (lua_getfield(L, res, "terms") != LUA_TNIL) { /* one proposal */
        lua_pop(L, 1);
        if (to->max > 0)
            read_offer(L, h, res, &to->offers[to->n++]);
        return 0;
    }
    lua_pop(L, 1);
    lua_Integer n = luaL_len(L, res);
    for (lua_Integer i = 1; i <= n && to->n < to->max; i++) {
        lua_geti(L, res, i);
        read_offer(L, h, -1, &to->offers[to->n++]);
        lua_pop(L, 1);
    }
    return 0;
}

/* Pushes proposal p as the personality may read it. */
static void push_proposal(lua_State *L, niact_host *h, const niact_proposal *p) {
    lua_createtable(L, 0, 6);
    lua_pushinteger(L, p->id);
    lua_setfield(L, -2, "id");
    push_role(L, h, p->from);
    lua_setfield(L, -2, "from");
    lua_createtable(L, 0, 0);
    for (int r = 0, n = 0; r < h->sc->n_roles; r++)
        if (p->to & (1u << r)) {
            push_role(L, h, r);
            lua_rawseti(L, -2, ++n);
        }
    lua_setfield(L, -2, "to");
    lua_pushboolean(L, p->public_);
    lua_setfield(L, -2, "public");
    lua_pushinteger(L, p->counter_of);
    lua_setfield(L, -2, "counter_of");
    lua_pushinteger(L, p->turn + 1);
    lua_setfield(L, -2, "turn");
    lua_createtable(L, p->n_terms, 0);
    for (int i = 0; i < p->n_terms; i++) {
        const niact_term_item *t = &p->terms[i];
        lua_createtable(L, 0, 3);
        lua_pushstring(L, h->sc->terms[t->term].meta.id);
        lua_setfield(L, -2, "term");
        if (h->sc->terms[t->term].has_param) {
            lua_pushinteger(L, t->param);
            lua_setfield(L, -2, "param");
        }
        push_role(L, h, t->giver);
        lua_setfield(L, -2, "giver");
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "terms");
}

/* Inside the protected call: answer(state, proposal) -> nil | true | false [, reason]. */
static int answer_runner(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    talk_out *to = lua_touserdata(L, 1);
    const niact_proposal *p =
        to->prop ? to->prop : niact_game_proposal_by_id(h->game, to->role, to->id);
    lua_pushvalue(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_state);
    if (!p)
        return luaL_error(L, "no proposal #%d for this seat", (int)to->id);
    push_proposal(L, h, p);
    lua_call(L, 2, 2);
    to->accept = lua_isnil(L, -2) ? -1 : lua_toboolean(L, -2);
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char *w = lua_tolstring(L, -1, &len);
        if (len >= sizeof to->why)
            return luaL_error(L, "an answer's reason is at most %d bytes", (int)sizeof to->why - 1);
        memcpy(to->why, w, len + 1);
    }
    return 0;
}

static niact_status run_talk(niact_host *h, niact_game *g, const char *name, int role,
                             const char *hook, lua_CFunction runner, talk_out *to, int *found) {
    lua_State *L = h->L;
    *found = 0;
    if (role < 0 || role >= h->sc->n_roles) {
        niact_error_set(&h->error, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "no such role");
        niact_error_format(&h->error, h->err, sizeof h->err);
        return NIACT_ERR_INVALID;
    }
    int f = push_hook(h, name, role, hook);
    if (f <= 0)
        return f < 0 ? NIACT_ERR_INVALID : NIACT_OK;
    *found = 1;
    int fn = lua_gettop(L);
    lua_pushcfunction(L, runner);
    lua_pushlightuserdata(L, to);
    lua_pushvalue(L, fn);
    int st = host_call(h, g, (host_mode){role, "a personality's negotiation"}, 2, 0);
    callee c = {LUA_NOREF, fn, strcmp(hook, "propose") == 0
                                   ? "personality '%s' for '%s' (propose)"
                                   : "personality '%s' for '%s' (answer)",
                name, h->sc->roles[role].meta.id};
    niact_status res = status_of(h, st, &c);
    lua_settop(L, 0);
    return res;
}

niact_status niact_host_personality_propose(niact_host *h, niact_game *g, const char *name,
                                            int role, niact_host_offer *out, int max, int *n) {
    talk_out to = {.role = role, .offers = out, .max = max, .n = -1};
    int found;
    *n = -1;
    niact_status st = run_talk(h, g, name, role, "propose", propose_runner, &to, &found);
    if (st == NIACT_OK && found)
        *n = to.n;
    if (st == NIACT_OK) /* a telegram is plain text, as a seat's (the core checks it too) */
        for (int i = 0; i < (*n > 0 ? *n : 0); i++)
            if (niact_text_check(out[i].text, strlen(out[i].text), NIACT_TEXT_NEWLINES, NULL, 0) !=
                NIACT_OK)
                out[i].text[0] = 0;
    return st;
}

niact_status niact_host_personality_judge(niact_host *h, niact_game *g, const char *name,
                                          int role, const niact_proposal *p, int *accept) {
    talk_out to = {.role = role, .id = p->id, .prop = p, .accept = -1};
    int found;
    *accept = -1;
    niact_status st = run_talk(h, g, name, role, "answer", answer_runner, &to, &found);
    if (st == NIACT_OK && found)
        *accept = to.accept;
    return st;
}

niact_status niact_host_personality_answer(niact_host *h, niact_game *g, const char *name,
                                           int role, int32_t id, int *accept, char *why,
                                           size_t whylen) {
    talk_out to = {.role = role, .id = id, .accept = -1};
    int found;
    *accept = -1;
    if (whylen)
        why[0] = 0;
    niact_status st = run_talk(h, g, name, role, "answer", answer_runner, &to, &found);
    if (st == NIACT_OK && found) {
        *accept = to.accept;
        if (whylen && niact_text_check(to.why, strlen(to.why), NIACT_TEXT_NEWLINES, NULL, 0) ==
                          NIACT_OK)
            snprintf(why, whylen, "%s", to.why);
    }
    return st;
}
