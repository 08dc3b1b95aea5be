/* Sessions: a game, its seats and its inputs; the bundled AI of last resort (random
 * legal orders). Scenarios are found by engine/platform/paths.c. */
#include "session_internal.h"
#include "niact/ai.h"
#include "niact/paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


int niact_find_scenario(const char *name, char *dir, size_t dirlen, char *libdir,
                        size_t liblen) {
    return niact_path_scenario(name, dir, dirlen, libdir, liblen, NULL, 0);
}

int niact_seat_parse(const char *text, niact_seat *seat) {
    memset(seat, 0, sizeof *seat);
    if (strcmp(text, "human") == 0) {
        seat->kind = NIACT_SEAT_HUMAN;
        return 0;
    }
    seat->kind = NIACT_SEAT_AI;
    if (strcmp(text, "ai") == 0)
        return 0;
    if (strcmp(text, "actor") == 0) { /* the role's scripted actor (niact_session_new) */
        seat->actor = 1;
        return 0;
    }
    if (strncmp(text, "ai:", 3) != 0 || !text[3] || strlen(text + 3) >= sizeof seat->personality)
        return -1;
    snprintf(seat->personality, sizeof seat->personality, "%s", text + 3);
    return 0;
}

_Static_assert(sizeof(((niact_seat *)0)->personality) > NIACT_ACTOR_NAME_MAX,
               "a seat holds an actor's name");

void niact_seat_default(const niact_scenario *sc, int role, niact_seat *seat) {
    memset(seat, 0, sizeof *seat);
    if (role >= 0 && role < sc->n_roles && sc->roles[role].actor) {
        seat->kind = NIACT_SEAT_AI;
        seat->actor = 1;
        snprintf(seat->personality, sizeof seat->personality, "%s", sc->roles[role].actor);
    }
}

niact_status niact_session_new(niact_host *host, uint64_t seed, const niact_seat *seats,
                               niact_session **out, char *msg, size_t msglen) {
    *out = NULL;
    niact_session *s = calloc(1, sizeof *s);
    if (!s)
        return NIACT_ERR_NOMEM;
    s->host = host;
    s->clock_turn = -1;
    s->clock_paused = -1;
    const niact_scenario *sc = niact_host_scenario(host);
    if (seats)
        memcpy(s->seats, seats, sizeof s->seats);
    for (int r = 0; r < sc->n_roles; r++) {
        if (s->seats[r].actor) { /* played by the role's scripted actor */
            if (!sc->roles[r].actor) {
                if (msg) {
                    int n = snprintf(msg, msglen, "role '%s' has no scripted actor (roles with "
                                     "one:", sc->roles[r].meta.id);
                    for (int k = 0; k < sc->n_roles; k++)
                        if (sc->roles[k].actor && n > 0 && (size_t)n < msglen)
                            n += snprintf(msg + n, msglen - (size_t)n, " %s", sc->roles[k].meta.id);
                    if (n > 0 && (size_t)n < msglen)
                        snprintf(msg + n, msglen - (size_t)n, ")");
                }
                free(s);
                return NIACT_ERR_INVALID;
            }
            s->seats[r].kind = NIACT_SEAT_AI;
            snprintf(s->seats[r].personality, sizeof s->seats[r].personality, "%s",
                     sc->roles[r].actor);
        }
        const char *p = s->seats[r].personality;
        if (s->seats[r].kind != NIACT_SEAT_AI || !*p || strcmp(p, "random") == 0 ||
            niact_ai_parse_level(p) != NIACT_AI_NONE)
            continue;
        int found = 0;
        for (int i = 0; i < sc->n_personalities; i++)
            found |= strcmp(sc->personalities[i], p) == 0;
        if (!found) {
            if (msg)
                snprintf(msg, msglen, "scenario '%s' has no AI personality '%s'", sc->meta.id, p);
            free(s);
            return NIACT_ERR_INVALID;
        }
    }
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        s->tally[r].first_dropped = -1;
    s->inputs = calloc((size_t)sc->turns + 1, sizeof *s->inputs);
    if (!s->inputs) {
        free(s);
        return NIACT_ERR_NOMEM;
    }
    niact_status st = niact_game_new(sc, niact_host_rules(host), seed, &s->game, msg, msglen);
    if (st == NIACT_OK)
        st = session_orders_init(s);
    if (st == NIACT_OK)
        st = session_events_init(s);
    if (st == NIACT_OK)
        st = session_history_init(s);
    if (st != NIACT_OK) {
        if (st == NIACT_ERR_NOMEM && msg && s->game)
            snprintf(msg, msglen, "out of memory");
        niact_session_free(s);
        return st;
    }
    *out = s;
    return NIACT_OK;
}

void niact_session_own_host(niact_session *s) {
    s->own_host = 1;
}

void niact_session_free(niact_session *s) {
    if (!s)
        return;
    niact_game_free(s->game);
    free(s->inputs);
    free(s->neg); /* (its texts are jneg's) */
    session_history_free(s);
    session_orders_free(s);
    session_events_free(s);
    session_remote_free(s);
    if (s->own_host)
        niact_host_free(s->host);
    free(s);
}

niact_status niact_session_load(const char *name, const niact_limits *limits, niact_host **out,
                                char *found, size_t foundlen, char *msg, size_t msglen) {
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX], why[8192];
    *out = NULL;
    if (found && foundlen)
        found[0] = 0;
    if (niact_path_scenario(name, dir, sizeof dir, lib, sizeof lib, msg, msglen) != 0)
        return NIACT_ERR_INVALID;
    if (found && foundlen)
        snprintf(found, foundlen, "%s", dir);
    niact_status st = niact_host_load(dir, lib[0] ? lib : NULL, limits, out, why, sizeof why);
    if (st == NIACT_OK)
        return NIACT_OK;
    /* Each problem is FILE:LINE: message, relative to the scenario folder (lib/... for
     * the shared library); give each its full path. */
    size_t used = 0;
    msg[0] = 0;
    for (char *line = why; line && *line && used + 1 < msglen;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        int k;
        if (strncmp(line, "lib/", 4) == 0)
            k = snprintf(msg + used, msglen - used, "%s/%s\n", lib, line + 4);
        else if (line[0] == ' ')
            k = snprintf(msg + used, msglen - used, "%s\n", line);
        else
            k = snprintf(msg + used, msglen - used, "%s/%s\n", dir, line);
        used += k > 0 ? (size_t)k : 0;
        if (used >= msglen)
            used = msglen - 1;
        line = nl ? nl + 1 : NULL;
    }
    if (st == NIACT_ERR_NOMEM && used + 1 < msglen)
        snprintf(msg + used, msglen - used, "(out of memory)\n");
    return st;
}

niact_status niact_session_open(const char *name, uint64_t seed, const niact_seat *seats,
                                niact_session **out, char *msg, size_t msglen) {
    niact_host *h = NULL;
    *out = NULL;
    niact_status st = niact_session_load(name, NULL, &h, NULL, 0, msg, msglen);
    if (st != NIACT_OK)
        return st;
    st = niact_session_new(h, seed, seats, out, msg, msglen);
    if (st != NIACT_OK) {
        niact_host_free(h);
        return st;
    }
    niact_session_own_host(*out);
    return NIACT_OK;
}

const niact_game *niact_session_view(const niact_session *s) {
    return s->game;
}

niact_game *niact_session_game(niact_session *s) {
    return s->game;
}
niact_host *niact_session_host(niact_session *s) {
    return s->host;
}
const niact_scenario *niact_session_scenario(const niact_session *s) {
    return niact_game_scenario(s->game);
}
const niact_seat *niact_session_seat(const niact_session *s, int role) {
    return role >= 0 && role < NIACT_MAX_ROLES ? &s->seats[role] : NULL;
}
const char *niact_session_warning(niact_session *s) {
    if (!s->warning_new)
        return NULL;
    s->warning_new = 0;
    return s->warning;
}

const niact_ai_tally *niact_session_ai_tally(const niact_session *s, int role) {
    return role >= 0 && role < NIACT_MAX_ROLES ? &s->tally[role] : NULL;
}

const char *niact_session_error(const niact_session *s) {
    return s->error.reason;
}
const niact_error *niact_session_last_error(const niact_session *s) {
    return &s->error;
}

niact_status niact_session_random_orders(niact_session *s, int role, niact_order *orders,
                                         int *n) {
    const niact_scenario *sc = niact_session_scenario(s);
    *n = 0;
    niact_rng rng;
    niact_rng_seed(&rng, niact_game_seed(s->game) ^ ((uint64_t)niact_game_turn(s->game) << 32),
                   0x41490000u + (uint64_t)role);
    int idx[256], m = 0;
    for (int a = 0; a < sc->n_actions && m < 256; a++)
        if (sc->actions[a].roles & (1u << role))
            idx[m++] = a;
    for (int i = m - 1; i > 0; i--) { /* Fisher-Yates */
        int j = (int)niact_rng_below(&rng, (uint32_t)i + 1), t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
    int32_t left = niact_game_action_points(s->game, role);
    for (int i = 0; i < m && *n < NIACT_MAX_ORDERS; i++) {
        const niact_action_def *a = &sc->actions[idx[i]];
        if (a->cost > left || niact_rng_below(&rng, 3) == 0)
            continue;
        niact_order o = {(int16_t)role, (int16_t)idx[i],
                         a->has_param ? niact_rng_range(&rng, a->param_min, a->param_max) : 0};
        int ok = 0;
        niact_status st = niact_game_order_legal(s->game, &o, &ok, NULL, 0);
        if (st == NIACT_ERR_NOMEM)
            return st;
        if (!ok)
            continue;
        orders[(*n)++] = o;
        left -= a->cost;
    }
    return NIACT_OK;
}

niact_status niact_session_ai_orders(niact_session *s, int role, niact_order *orders, int *n) {
    if (role < 0 || role >= niact_session_scenario(s)->n_roles) {
        *n = 0;
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    }
    return niact_session_suggest(s, role, s->seats[role].personality, orders, n);
}

niact_status niact_session_suggest(niact_session *s, int role, const char *p,
                                   niact_order *orders, int *n) {
    *n = 0;
    if (role < 0 || role >= niact_session_scenario(s)->n_roles || !p)
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    if (!*p || strcmp(p, "random") == 0)
        return niact_session_random_orders(s, role, orders, n);
    niact_ai_config cfg;
    if (niact_ai_named_config(p, &cfg) == NIACT_OK) {
        /* The search AI: deterministic (no time limit), run by the session's host. It
         * remembers the orders its seat gave on the turns played (the live line's). */
        int32_t turns = s->n_inputs;
        int32_t now = niact_game_turn(s->game);
        turns = turns < now ? turns : now;
        turns = turns > 0 ? turns : 0;
        int *mn = malloc((size_t)(turns > 0 ? turns : 1) * sizeof *mn);
        niact_order *mo = malloc((size_t)(turns > 0 ? turns : 1) * NIACT_MAX_ORDERS * sizeof *mo);
        niact_ai_memory mem = {turns, mn, mo};
        if (mn && mo)
            for (int32_t t = 0; t < turns; t++) {
                mn[t] = s->inputs[t].n[role];
                memcpy(mo + (size_t)t * NIACT_MAX_ORDERS, s->inputs[t].orders[role],
                       NIACT_MAX_ORDERS * sizeof *mo);
            }
        niact_status st = niact_ai_think_remembering(s->host, s->game, role, &cfg,
                                                     mn && mo ? &mem : NULL, orders, n, NULL);
        free(mn);
        free(mo);
        if (st != NIACT_OK)
            session_fail(s, st, "AI '%s': %s", p, niact_status_name(st));
        return st;
    }
    niact_status st = niact_host_personality(s->host, s->game, p, role, orders,
                                             NIACT_MAX_ORDERS, n);
    if (st != NIACT_OK) {
        s->error = *niact_host_last_error(s->host);
        niact_error_context(&s->error, "AI '%s'", p);
        s->error.status = st;
        return st;
    }
    /* A personality's illegal, repeated or unaffordable orders are dropped, not fatal:
     * keep the ones the core would accept, in the personality's order. */
    const niact_scenario *sc = niact_session_scenario(s);
    niact_ai_tally *ty = &s->tally[role];
    int32_t left = niact_game_action_points(s->game, role);
    int k = 0;
    for (int i = 0; i < *n; i++) {
        const niact_action_def *a = &sc->actions[orders[i].action];
        int ok = 0, dup = 0;
        for (int j = 0; j < k && !a->repeatable; j++)
            dup |= orders[j].action == orders[i].action;
        ty->given++;
        if (!dup && a->cost <= left && k < NIACT_MAX_ORDERS) {
            if (niact_game_order_legal(s->game, &orders[i], &ok, NULL, 0) == NIACT_ERR_NOMEM)
                return NIACT_ERR_NOMEM;
        }
        if (!ok) {
            if (ty->first_dropped < 0) { /* said once: the why is formatted only here */
                ty->first_dropped = orders[i].action;
                if (dup)
                    snprintf(ty->why, sizeof ty->why, "it is already ordered this turn");
                else if (a->cost > left)
                    snprintf(ty->why, sizeof ty->why, "it costs %d action points and %d are left",
                             (int)a->cost, (int)left);
                else if (k >= NIACT_MAX_ORDERS)
                    snprintf(ty->why, sizeof ty->why, "more than %d orders", NIACT_MAX_ORDERS);
                else if (niact_game_order_legal(s->game, &orders[i], &ok, ty->why,
                                                sizeof ty->why) == NIACT_ERR_NOMEM)
                    return NIACT_ERR_NOMEM;
            }
            continue;
        }
        ty->kept++;
        left -= a->cost;
        orders[k++] = orders[i];
    }
    *n = k;
    return NIACT_OK;
}

niact_status niact_session_submit(niact_session *s, int role, const niact_order *orders, int n) {
    niact_status st = niact_game_submit(s->game, role, orders, n);
    if (st != NIACT_OK)
        return session_take(s, st);
    session_changed(s);
    return NIACT_OK;
}

niact_status niact_session_resolve(niact_session *s) {
    if (s->remote) /* the host resolves: wait for it */
        return session_remote_resolve(s);
    const niact_scenario *sc = niact_session_scenario(s);
    if (niact_game_phase(s->game) == NIACT_PHASE_ENDED) {
        return session_fail(s, NIACT_ERR_STATE, "the game has ended");
    }
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    niact_turn_input *in = &s->inputs[s->n_inputs];
    memset(in, 0, sizeof *in);
    /* AI seats that have not given orders play their turn: negotiation first. */
    for (int r = 0; r < sc->n_roles; r++)
        if (s->seats[r].kind == NIACT_SEAT_AI && !niact_game_submitted(s->game, r)) {
            niact_status st = niact_session_ai_negotiate(s, r);
            if (st == NIACT_ERR_NOMEM)
                return st;
        }
    for (int r = 0; r < sc->n_roles; r++) {
        if (s->seats[r].kind == NIACT_SEAT_AI && !niact_game_submitted(s->game, r)) {
            niact_order os[NIACT_MAX_ORDERS];
            int n = 0;
            niact_status st = niact_session_ai_orders(s, r, os, &n);
            if (st == NIACT_ERR_NOMEM)
                return st;
            if (st != NIACT_OK) {
                n = 0; /* a broken personality gives no orders; said once per seat */
                if (!(s->ai_failed & (1u << r))) {
                    char why[900];
                    niact_error_format(&s->error, why, sizeof why);
                    s->ai_failed |= 1u << r;
                    snprintf(s->warning, sizeof s->warning,
                             "the AI of the %s gives no orders (it failed, and is not asked "
                             "again this game): %s", sc->roles[r].meta.name, why);
                    s->warning_new = 1;
                }
            }
            if (niact_game_submit(s->game, r, os, n) != NIACT_OK)
                niact_game_submit(s->game, r, NULL, 0);
            session_changed(s);
        }
        int n;
        const niact_order *os = niact_game_orders(s->game, r, &n);
        in->n[r] = n;
        if (n)
            memcpy(in->orders[r], os, (size_t)n * sizeof *os);
    }
    session_changed(s);
    niact_status st = session_history_room(s);
    if (st != NIACT_OK)
        return st;
    st = niact_game_resolve(s->game);
    if (st != NIACT_OK)
        return session_take(s, st);
    s->n_inputs++;
    session_history_close(s, 1);
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        s->n_draft[r] = 0; /* a draft belongs to its turn */
        s->draft_gen[r]++;
    }
    session_moderator_turn(s);
    return session_mark_turn(s);
}

niact_status niact_session_play_out(niact_session *s) {
    if (s->remote)
        return session_fail(s, NIACT_ERR_STATE, "the host plays the game out, not this seat");
    const niact_scenario *sc = niact_session_scenario(s);
    for (int r = 0; r < sc->n_roles; r++)
        s->seats[r].kind = NIACT_SEAT_AI;
    while (niact_game_phase(s->game) != NIACT_PHASE_ENDED) {
        niact_status st = niact_session_resolve(s);
        if (st != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

int32_t niact_session_turns_played(const niact_session *s) {
    return s->n_inputs;
}

niact_status niact_session_stop(niact_session *s) {
    return niact_game_stop(s->game);
}

const niact_turn_input *niact_session_input(const niact_session *s, int32_t t) {
    return t >= 0 && t < s->n_inputs ? &s->inputs[t] : NULL;
}
