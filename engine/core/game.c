/* The turn machine: new game, orders, resolution, end check. */
#include "game_internal.h"
#include "niact/hash.h"
#include "niact/rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

niact_status niact_core_fail(niact_game *g, niact_status st, niact_error_kind kind,
                             const char *fmt, ...) {
    if (g->mute && kind == NIACT_KIND_INVALID) { /* nobody will read the reason */
        g->error.status = st;
        g->error.kind = kind;
        return st;
    }
    niact_error_clear(&g->error);
    g->error.status = st;
    g->error.kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->error.reason, sizeof g->error.reason, fmt, ap);
    va_end(ap);
    return st;
}

niact_status niact_core_break(niact_game *g, const char *during) {
    g->broken = 1;
    return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM,
                           "out of memory during %s; the game cannot go on (load a save)",
                           during);
}

niact_status niact_core_refuse_broken(niact_game *g) {
    return niact_core_fail(g, NIACT_ERR_BROKEN, NIACT_KIND_BROKEN,
                           "this game is broken (an allocation failed while it was changing) "
                           "and cannot go on; load a save");
}

/* Copies the rules' error record onto the game, or a generic one if they gave none. */
static void take_rules_error(niact_game *g, niact_status st) {
    const niact_error *e = g->rules.error ? g->rules.error(g->rules.ud) : NULL;
    if (e && e->kind != NIACT_KIND_NONE) {
        g->error = *e;
        g->error.status = st;
    } else {
        niact_core_fail(g, st, st == NIACT_ERR_LIMIT ? NIACT_KIND_INSTRUCTIONS : NIACT_KIND_SCRIPT,
                        "unknown scenario error");
    }
}

static uint32_t all_roles(const niact_game *g) {
    return g->sc->n_roles >= 32 ? 0xffffffffu : ((1u << g->sc->n_roles) - 1u);
}

/* Lays out the per-game arrays in one block. */
static niact_status alloc_block(niact_game *g) {
    const niact_scenario *sc = g->sc;
    size_t nt = (size_t)sc->n_tracks, nr = (size_t)sc->n_roles, turns = (size_t)sc->turns;
    size_t n32 = nt + 3 * nr * nt;
    g->mutable_len = n32 * sizeof(int32_t);
    n32 += (size_t)sc->n_events * (1 + nr) + (size_t)sc->n_objectives + (turns + 1) * nt;
    n32 += n32 & 1; /* keep the hashes 8-byte aligned */
    g->block_len = n32 * sizeof(int32_t) + (turns + 1) * sizeof(uint64_t);
    g->block = calloc(1, g->block_len);
    g->scratch = malloc(g->mutable_len ? g->mutable_len : 1);
    if (!g->block || !g->scratch)
        return NIACT_ERR_NOMEM;
    int32_t *p = g->block;
    g->value = p;
    g->est = p += nt;
    g->err = p += nr * nt;
    g->seen = p += nr * nt;
    g->fired = p += nr * nt;
    g->told = p += sc->n_events;
    g->score = p += nr * (size_t)sc->n_events;
    g->history = p += sc->n_objectives;
    g->hashes = (uint64_t *)((char *)g->block + n32 * sizeof(int32_t));
    return NIACT_OK;
}

static void init_values(niact_game *g) {
    const niact_scenario *sc = g->sc;
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        g->value[t] = d->initial;
        for (int r = 0; r < sc->n_roles; r++) {
            size_t k = (size_t)r * (size_t)sc->n_tracks + (size_t)t;
            g->seen[k] = -1;
            g->est[k] = d->vis[r] == NIACT_VIS_ESTIMATE ? d->est_initial[r] : 0;
            g->err[k] = d->vis[r] == NIACT_VIS_ESTIMATE ? d->est_error[r] : 0;
        }
    }
}

void niact_game_free(niact_game *g) {
    if (!g)
        return;
    for (size_t i = 0; i < g->log_len; i++)
        free(g->log[i].text);
    free(g->log);
    free(g->block);
    free(g->scratch);
    niact_core_free_negotiation(g);
    free(g);
}

/* Marks and restores: a failed rules callback leaves no trace. The block is copied at
 * the first write after a mark (niact_core_touch), the pending text at the first end
 * asked for (niact_rules_end): callbacks that change nothing copy nothing. */
void niact_core_mark(niact_game *g, niact_mark *m) {
    m->gen = ++g->mark_gen;
    m->rng = g->rng;
    m->log_len = g->log_len;
    m->log_total = g->log_total;
    m->log_hash = g->log_hash;
    m->log_bytes = g->log_bytes;
    m->pending = g->pending;
}

/* The mutable part as it was at the mark: the block now, its logged writes undone. */
void niact_core_snapshot(niact_game *g) {
    memcpy(g->scratch, g->block, g->mutable_len);
    int32_t *s = g->scratch;
    if (g->undo_gen == g->mark_gen)
        for (int i = g->n_undo; i-- > 0;)
            s[g->undo[i].at] = g->undo[i].old;
    g->snap_gen = g->mark_gen;
}

void niact_core_restore(niact_game *g, const niact_mark *m) {
    if (g->snap_gen == m->gen) { /* else at most the logged writes since the mark */
        memcpy(g->block, g->scratch, g->mutable_len);
    } else if (g->undo_gen == m->gen) {
        int32_t *b = g->block;
        for (int i = g->n_undo; i-- > 0;)
            b[g->undo[i].at] = g->undo[i].old;
        g->n_undo = 0;
    }
    if (g->pending_gen == m->gen)
        memcpy(g->pending_text, g->pending_scratch, sizeof g->pending_text);
    g->rng = m->rng;
    while (g->log_len > m->log_len)
        free(g->log[--g->log_len].text);
    g->log_total = m->log_total;
    g->log_hash = m->log_hash;
    g->log_bytes = m->log_bytes;
    g->pending = m->pending;
}

/* Whether this error (what ran, where, why) was told to the seats already in this game;
 * if not, it is noted as told (while there is room). */
static int told_before(niact_game *g, const niact_error *e) {
    uint64_t h = NIACT_HASH_INIT;
    h = niact_hash_bytes(h, e->context, strlen(e->context) + 1);
    h = niact_hash_bytes(h, e->file, strlen(e->file) + 1);
    h = niact_hash_u64(h, (uint64_t)(uint32_t)e->line);
    h = niact_hash_bytes(h, e->reason, strlen(e->reason) + 1);
    for (int i = 0; i < g->n_told_errors; i++)
        if (g->told_errors[i] == h)
            return 1;
    if (g->n_told_errors < NIACT_TOLD_ERRORS)
        g->told_errors[g->n_told_errors++] = h;
    return 0;
}

/* Reports a voided callback (the rules' error is on g->error); NIACT_OK so the turn goes on.
 * Every seat is told of an error once a game: the same callback failing the same way
 * again (every turn, say) is voided as well, without another entry in the log. */
static niact_status voided(niact_game *g) {
    char full[1024], buf[1200];
    g->err_gen++;
    if (g->on_error)
        g->on_error(g->on_error_ud, &g->error);
    niact_status st = NIACT_OK;
    if (told_before(g, &g->error)) {
        g->untold_errors++;
    } else {
        niact_error ctx = g->error;
        ctx.context[0] = 0; /* the log names it before the colon */
        niact_error_format(&ctx, full, sizeof full);
        snprintf(buf, sizeof buf, "Scenario error in %s (its effect was voided): %s",
                 g->error.context, full);
        st = niact_rules_log(g, all_roles(g), NIACT_LOG_ERROR, buf);
    }
    if (st != NIACT_OK)
        return niact_core_break(g, "a scenario error's report");
    if (g->sc->end_on_error && g->pending == NIACT_OUTCOME_NONE) {
        g->pending = NIACT_OUTCOME_ERROR;
        snprintf(g->pending_text, sizeof g->pending_text, "%s",
                 niact_scenario_outcome_text(g->sc, NIACT_OUTCOME_ERROR));
    }
    return NIACT_OK;
}

niact_status niact_core_settle(niact_game *g, const niact_mark *m, niact_status st,
                               const char *fmt, ...) {
    if (st == NIACT_OK)
        return st;
    niact_core_restore(g, m);
    if (st == NIACT_ERR_NOMEM) {
        char what[192];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        return niact_core_break(g, what);
    }
    take_rules_error(g, st);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->error.context, sizeof g->error.context, fmt, ap);
    va_end(ap);
    return voided(g);
}

static niact_status compute_scores(niact_game *g) {
    const niact_scenario *sc = g->sc;
    for (int i = 0; i < sc->n_objectives; i++) {
        if (niact_scenario_outcome_zero(sc, g->outcome)) {
            g->score[i] = 0;
            continue;
        }
        if (!g->rules.score)
            continue;
        int32_t s = g->score[i];
        niact_mark m;
        niact_core_mark(g, &m);
        niact_status st = niact_core_settle(g, &m, g->rules.score(g->rules.ud, g, i, &s),
                                            "objective '%s'", sc->objectives[i].meta.id);
        if (st != NIACT_OK)
            return st;
        g->score[i] = s < 0 ? 0 : s > 100 ? 100 : s;
    }
    return NIACT_OK;
}

/* Records history and hash for the state after `g->turn` resolved turns. */
static void seal_turn(niact_game *g) {
    int32_t nt = g->sc->n_tracks;
    if (g->turn <= g->sc->turns) {
        memcpy(g->history + (size_t)g->turn * (size_t)nt, g->value, (size_t)nt * sizeof(int32_t));
        /* Quiet games (simulations, the AI's playouts) record no per-turn hashes: no one
         * replays them, and hashing every turn was 7 % of a simulation's work. */
        if (g->quiet && g->unhashed_from < 0)
            g->unhashed_from = g->turn;
        g->hashes[g->turn] = g->quiet ? 0 : niact_game_hash(g);
    }
}

static niact_status fire_events(niact_game *g, int opening);

niact_status niact_game_new(const niact_scenario *sc, const niact_rules *rules, uint64_t seed,
                            niact_game **out, char *msg, size_t msglen) {
    *out = NULL;
    niact_game *g = calloc(1, sizeof *g);
    if (!g)
        return NIACT_ERR_NOMEM;
    g->sc = sc;
    if (rules)
        g->rules = *rules;
    g->seed = seed;
    g->log_hash = NIACT_HASH_INIT;
    g->unhashed_from = -1;
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        g->trust[r] = sc->negotiation.trust_start;
    niact_core_index_negotiation(g);
    niact_rng_seed(&g->rng, seed, 0x6e69616374ULL /* "niact" */);
    niact_status st = alloc_block(g);
    if (st == NIACT_OK) {
        init_values(g);
        st = g->rules.setup ? g->rules.setup(g->rules.ud, g) : NIACT_OK;
        if (st != NIACT_OK) {
            take_rules_error(g, st);
            niact_error_context(&g->error, "setup");
        }
    }
    if (st == NIACT_OK)
        st = fire_events(g, 1);
    if (st == NIACT_OK && g->rules.turn_start) {
        st = g->rules.turn_start(g->rules.ud, g);
        if (st != NIACT_OK) {
            take_rules_error(g, st);
            niact_error_context(&g->error, "turn start");
        }
    }
    if (st == NIACT_OK)
        st = compute_scores(g);
    if (st != NIACT_OK) {
        if (msg && msglen) {
            if (st == NIACT_ERR_NOMEM)
                snprintf(msg, msglen, "out of memory");
            else
                niact_error_format(&g->error, msg, msglen);
        }
        niact_game_free(g);
        return st;
    }
    seal_turn(g);
    *out = g;
    return NIACT_OK;
}

static niact_status copy_log(niact_game *dst, const niact_game *src) {
    for (size_t i = 0; i < dst->log_len; i++)
        free(dst->log[i].text);
    dst->log_len = 0;
    if (dst->quiet || src->log_len == 0)
        return NIACT_OK;
    if (dst->log_cap < src->log_len) {
        log_item *n = realloc(dst->log, src->log_len * sizeof *n);
        if (!n)
            return NIACT_ERR_NOMEM;
        dst->log = n;
        dst->log_cap = src->log_len;
    }
    for (size_t i = 0; i < src->log_len; i++) {
        dst->log[i] = src->log[i];
        dst->log[i].text = strdup(src->log[i].text);
        if (!dst->log[i].text) {
            dst->log_len = i;
            return NIACT_ERR_NOMEM;
        }
    }
    dst->log_len = src->log_len;
    return NIACT_OK;
}

niact_status niact_game_copy(niact_game *dst, const niact_game *src) {
    if (dst->sc != src->sc)
        return niact_core_fail(dst, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                               "a game can be copied only into a game of the same scenario");
    if (src->broken)
        return niact_core_refuse_broken(dst);
    /* The negotiation first, into dst's room (grown if it must be): nothing changes if
     * that cannot be had. */
    if (niact_core_copy_negotiation(dst, src) != NIACT_OK)
        return niact_core_fail(dst, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    /* Everything but the pointers, the log and the error hook is plain data. */
    void *block = dst->block, *scratch = dst->scratch;
    neg_store store = dst->store;
    log_item *log = dst->log;
    size_t log_len = dst->log_len, log_cap = dst->log_cap;
    int quiet = dst->quiet;
    niact_error_fn on_error = dst->on_error;
    void *on_error_ud = dst->on_error_ud;
    memcpy(dst, src, sizeof *dst);
    dst->block = block;
    dst->scratch = scratch;
    dst->log = log;
    dst->log_len = log_len;
    dst->log_cap = log_cap;
    dst->quiet = quiet;
    dst->on_error = on_error;
    dst->on_error_ud = on_error_ud;
    dst->store = store;
    memcpy(dst->block, src->block, src->block_len);
    /* Re-point the arrays into dst's block. */
    char *b = dst->block;
    const char *sb = src->block;
    dst->value = (int32_t *)(b + ((const char *)src->value - sb));
    dst->est = (int32_t *)(b + ((const char *)src->est - sb));
    dst->err = (int32_t *)(b + ((const char *)src->err - sb));
    dst->seen = (int32_t *)(b + ((const char *)src->seen - sb));
    dst->fired = (int32_t *)(b + ((const char *)src->fired - sb));
    dst->told = (int32_t *)(b + ((const char *)src->told - sb));
    dst->score = (int32_t *)(b + ((const char *)src->score - sb));
    dst->history = (int32_t *)(b + ((const char *)src->history - sb));
    dst->hashes = (uint64_t *)(b + ((const char *)src->hashes - sb));
    if (copy_log(dst, src) != NIACT_OK)
        return niact_core_break(dst, "a copy of the game's log");
    return NIACT_OK;
}

niact_status niact_game_clone(const niact_game *g, niact_game **out) {
    *out = NULL;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    niact_game *c = calloc(1, sizeof *c);
    if (!c)
        return NIACT_ERR_NOMEM;
    c->sc = g->sc;
    c->quiet = g->quiet;
    if (alloc_block(c) != NIACT_OK) {
        niact_game_free(c);
        return NIACT_ERR_NOMEM;
    }
    niact_status st = niact_game_copy(c, g);
    if (st != NIACT_OK) {
        niact_game_free(c);
        return st;
    }
    *out = c;
    return NIACT_OK;
}

void niact_game_set_quiet(niact_game *g, int quiet) {
    g->quiet = quiet;
}

void niact_game_set_rules(niact_game *g, const niact_rules *rules) {
    if (rules)
        g->rules = *rules;
    else
        memset(&g->rules, 0, sizeof g->rules);
}

const niact_scenario *niact_game_scenario(const niact_game *g) {
    return g->sc;
}
const niact_error *niact_game_last_error(const niact_game *g) {
    return &g->error;
}
const char *niact_game_error(const niact_game *g) {
    return g->error.reason;
}
int niact_game_broken(const niact_game *g) {
    return g->broken;
}
void niact_game_set_error_hook(niact_game *g, niact_error_fn fn, void *ud) {
    g->on_error = fn;
    g->on_error_ud = ud;
}
int32_t niact_game_turn(const niact_game *g) {
    return g->turn;
}
niact_phase niact_game_phase(const niact_game *g) {
    return g->phase;
}
uint64_t niact_game_seed(const niact_game *g) {
    return g->seed;
}
niact_outcome niact_game_outcome(const niact_game *g) {
    return g->outcome;
}
const char *niact_game_outcome_text(const niact_game *g) {
    return g->outcome_text;
}

niact_status niact_game_stop(niact_game *g) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase != NIACT_PHASE_ENDED) {
        g->phase = NIACT_PHASE_ENDED; /* outcome stays NONE: stopped, not ended by play */
        snprintf(g->outcome_text, sizeof g->outcome_text, "The game was stopped before its "
                 "end.");
    }
    return NIACT_OK;
}

niact_status niact_game_advance(niact_game *g) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase == NIACT_PHASE_ENDED || g->phase == NIACT_PHASE_ORDERS)
        return niact_core_fail(g, NIACT_ERR_STATE, NIACT_KIND_STATE,
                               "the turn cannot advance past its orders phase; resolve it");
    g->phase = (niact_phase)(g->phase + 1);
    return NIACT_OK;
}

int32_t niact_game_action_points(const niact_game *g, int role) {
    if (role < 0 || role >= g->sc->n_roles)
        return 0;
    return g->sc->roles[role].action_points;
}

/* Says why an order is refused, if the caller asked (why not NULL). */
static void explain(char *why, size_t len, const char *fmt, ...) {
    if (!why || !len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, len, fmt, ap);
    va_end(ap);
}

niact_status niact_game_order_legal(niact_game *g, const niact_order *o, int *ok, char *why,
                                    size_t len) {
    const niact_scenario *sc = g->sc;
    *ok = 0;
    if (why && len) /* a NULL why formats nothing: the AI's hot path */
        why[0] = 0;
    if (g->broken) {
        explain(why, len, "the game is broken");
        return niact_core_refuse_broken(g);
    }
    if (o->role < 0 || o->role >= sc->n_roles || o->action < 0 || o->action >= sc->n_actions) {
        explain(why, len, "no such role or action");
        return NIACT_ERR_INVALID;
    }
    const niact_action_def *a = &sc->actions[o->action];
    if (!(a->roles & (1u << o->role))) {
        explain(why, len, "%s cannot order '%s'", sc->roles[o->role].meta.name, a->meta.id);
        return NIACT_OK;
    }
    if (a->has_param ? (o->param < a->param_min || o->param > a->param_max) : o->param != 0) {
        if (a->has_param)
            explain(why, len, "'%s' takes %s from %d to %d", a->meta.id, a->param_name,
                     a->param_min, a->param_max);
        else
            explain(why, len, "'%s' takes no parameter", a->meta.id);
        return NIACT_OK;
    }
    if (g->phase == NIACT_PHASE_ENDED) {
        explain(why, len, "the game has ended");
        return NIACT_OK;
    }
    int legal = 1;
    if (a->has_legal && g->rules.legal) {
        niact_rules_ask(g, 1);
        niact_status st = g->rules.legal(g->rules.ud, g, o, &legal);
        int32_t wrote = niact_rules_ask(g, 0);
        if (st == NIACT_OK && wrote > 0) { /* a write the rules did not stop themselves */
            niact_core_fail(g, NIACT_ERR_SCRIPT, NIACT_KIND_QUERY,
                            "the legality test tried to change the game (%d writes refused; "
                            "questions must not change the game)", (int)wrote);
            niact_error_context(&g->error, "legality test of '%s'", a->meta.id);
            explain(why, len, "the scenario's test failed: %s", g->error.reason);
            return NIACT_ERR_SCRIPT;
        }
        if (st == NIACT_ERR_NOMEM) {
            explain(why, len, "out of memory");
            return niact_core_fail(g, st, NIACT_KIND_NOMEM, "out of memory in a legality test");
        }
        if (st != NIACT_OK) { /* refused, and the record says why (check lists these) */
            take_rules_error(g, st);
            niact_error_context(&g->error, "legality test of '%s'", a->meta.id);
            if (why && len) {
                niact_error e = g->error;
                e.source[0] = e.context[0] = 0;
                char full[600];
                niact_error_format(&e, full, sizeof full);
                explain(why, len, "the scenario's test failed: %s", full);
            }
            return st;
        }
        const char *reason = !legal && g->rules.why ? g->rules.why(g->rules.ud) : NULL;
        if (!legal) /* the bare reason: a front end adds its own words once */
            explain(why, len, "%s", reason && *reason ? reason : "the scenario does not allow it now");
    }
    *ok = legal;
    return NIACT_OK;
}

niact_status niact_game_check_orders(niact_game *g, int role, const niact_order *orders, int n) {
    const niact_scenario *sc = g->sc;
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase == NIACT_PHASE_ENDED)
        return niact_core_fail(g, NIACT_ERR_STATE, NIACT_KIND_STATE, "the game has ended");
    if (role < 0 || role >= sc->n_roles || n < 0 || n > NIACT_MAX_ORDERS || (n && !orders))
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "%s",
                               role < 0 || role >= sc->n_roles ? "no such role" : "too many orders");
    int32_t spent = 0;
    for (int i = 0; i < n; i++) {
        char why[256];
        int ok;
        if (orders[i].role != role)
            return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                                   "an order of %s was given for another role",
                                   sc->roles[role].meta.id);
        /* muted: the reason would be thrown away, so none is formatted */
        niact_status st = niact_game_order_legal(g, &orders[i], &ok, g->mute ? NULL : why,
                                                 sizeof why);
        if (st == NIACT_ERR_NOMEM)
            return st;
        if (st != NIACT_OK || !ok) {
            const niact_action_def *a = orders[i].action >= 0 && orders[i].action < sc->n_actions
                                            ? &sc->actions[orders[i].action]
                                            : NULL;
            if (st != NIACT_OK && g->error.kind != NIACT_KIND_INVALID) { /* the test failed */
                g->error.status = NIACT_ERR_INVALID;
                return NIACT_ERR_INVALID; /* the record names the failure and where */
            }
            if (a)
                return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                                       "'%s' is not possible now: %s", a->meta.name, why);
            return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "%s", why);
        }
        const niact_action_def *a = &sc->actions[orders[i].action];
        for (int j = 0; j < i && !a->repeatable; j++)
            if (orders[j].action == orders[i].action)
                return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                                       "'%s' can be ordered only once a turn", a->meta.id);
        spent += a->cost;
    }
    if (spent > sc->roles[role].action_points)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                               "these orders cost %d action points; %s has %d", spent,
                               sc->roles[role].meta.name, sc->roles[role].action_points);
    return NIACT_OK;
}

niact_status niact_game_submit(niact_game *g, int role, const niact_order *orders, int n) {
    niact_status st = niact_game_check_orders(g, role, orders, n);
    if (st != NIACT_OK)
        return st;
    if (n)
        memcpy(g->orders[role], orders, (size_t)n * sizeof *orders);
    g->n_orders[role] = n;
    g->submitted |= 1u << role;
    if (g->phase != NIACT_PHASE_ORDERS)
        g->phase = NIACT_PHASE_ORDERS;
    return NIACT_OK;
}

niact_status niact_game_submit_unexplained(niact_game *g, int role, const niact_order *orders,
                                           int n) {
    int was = g->mute;
    g->mute = 1;
    niact_status st = niact_game_submit(g, role, orders, n);
    g->mute = was;
    if (st != NIACT_OK && g->error.kind == NIACT_KIND_INVALID)
        g->error.reason[0] = 0; /* not a stale reason of an earlier refusal */
    return st;
}

int niact_game_submitted(const niact_game *g, int role) {
    return role >= 0 && role < g->sc->n_roles && (g->submitted & (1u << role)) != 0;
}

const niact_order *niact_game_orders(const niact_game *g, int role, int *n) {
    *n = 0;
    if (role < 0 || role >= g->sc->n_roles || !niact_game_submitted(g, role))
        return NULL;
    *n = g->n_orders[role];
    return g->orders[role];
}

/* Orders in resolution order: priority, then role, then the role's own order. The
 * insertion sort is stable and the list is short (at most roles x 16). */
static void gather_orders(niact_game *g) {
    g->n_turn_orders = 0;
    for (int r = 0; r < g->sc->n_roles; r++)
        for (int i = 0; i < g->n_orders[r]; i++)
            g->turn_orders[g->n_turn_orders++] = g->orders[r][i];
    for (int i = 1; i < g->n_turn_orders; i++) {
        niact_order o = g->turn_orders[i];
        int32_t p = g->sc->actions[o.action].priority;
        int j = i - 1;
        while (j >= 0 && g->sc->actions[g->turn_orders[j].action].priority > p) {
            g->turn_orders[j + 1] = g->turn_orders[j];
            j--;
        }
        g->turn_orders[j + 1] = o;
    }
}

static niact_status resolve_orders(niact_game *g) {
    const niact_scenario *sc = g->sc;
    for (int i = 0; i < g->n_turn_orders; i++) {
        const niact_order *o = &g->turn_orders[i];
        const niact_action_def *a = &sc->actions[o->action];
        int ok = 1;
        char why[256];
        /* Earlier orders this turn may have made a later one impossible. */
        if (a->has_legal) {
            niact_status st = niact_game_order_legal(g, o, &ok, why, sizeof why);
            if (st == NIACT_ERR_NOMEM)
                return niact_core_break(g, "a legality test");
        }
        if (!ok) {
            char buf[400];
            snprintf(buf, sizeof buf, "Your order '%s' could not be carried out: %s.",
                     a->meta.name, why);
            if (niact_rules_log(g, 1u << o->role, NIACT_LOG_SYSTEM, buf) != NIACT_OK)
                return niact_core_break(g, "the resolution's log");
            continue;
        }
        if (!g->rules.resolve)
            continue;
        niact_mark m;
        niact_core_mark(g, &m);
        niact_status st = niact_core_settle(g, &m, g->rules.resolve(g->rules.ud, g, o),
                                            "action '%s'", a->meta.id);
        if (st != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

/* Fires the events of the current turn in declaration order: with opening = 1 those that
 * open the turn (before any order, so their news is in the turn's briefing), otherwise
 * the others, at resolution after the orders. */
static niact_status fire_events(niact_game *g, int opening) {
    const niact_scenario *sc = g->sc;
    for (int e = 0; e < sc->n_events; e++) {
        const niact_event_def *d = &sc->events[e];
        if ((d->opens_turn != 0) != (opening != 0))
            continue;
        if (d->once && g->fired[e] > 0)
            continue;
        if (d->turn >= 0 && d->turn != g->turn)
            continue;
        int fire = 1;
        niact_mark m;
        niact_status st;
        if (d->has_condition && g->rules.event_condition) {
            uint64_t before = g->err_gen;
            fire = 0;
            niact_core_mark(g, &m);
            st = niact_core_settle(g, &m, g->rules.event_condition(g->rules.ud, g, e, &fire),
                                   "condition of event '%s'", d->meta.id);
            if (st != NIACT_OK)
                return st;
            if (g->err_gen != before)
                fire = 0; /* a voided condition does not fire */
        }
        if (!fire)
            continue;
        if (d->chance < 1000 && (int32_t)niact_rng_below(&g->rng, 1000) >= d->chance)
            continue;
        g->fire_audience = 0;
        if (g->rules.event_fire) {
            uint64_t before = g->err_gen;
            niact_core_mark(g, &m);
            g->firing = 1;
            niact_status fs = g->rules.event_fire(g->rules.ud, g, e);
            g->firing = 0;
            st = niact_core_settle(g, &m, fs, "event '%s'", d->meta.id);
            if (st != NIACT_OK)
                return st;
            if (g->err_gen != before)
                continue; /* voided: it did not fire */
        }
        g->fired[e]++;
        /* Who was told: the roles its effect wrote to (what the search AI's sampled
         * games may keep of this fire, see niact_rules_told). */
        for (int r = 0; r < sc->n_roles; r++)
            if (g->fire_audience & (1u << r))
                g->told[(size_t)r * (size_t)sc->n_events + (size_t)e]++;
    }
    return NIACT_OK;
}

static niact_status check_end(niact_game *g) {
    if (g->pending == NIACT_OUTCOME_NONE && g->rules.end_check) {
        niact_outcome out = NIACT_OUTCOME_NONE;
        char text[256] = "";
        uint64_t before = g->err_gen;
        niact_mark m;
        niact_core_mark(g, &m);
        niact_status st = niact_core_settle(
            g, &m, g->rules.end_check(g->rules.ud, g, &out, text, sizeof text), "end check");
        if (st != NIACT_OK)
            return st;
        if (g->err_gen != before)
            out = NIACT_OUTCOME_NONE; /* voided: its answer counts for nothing */
        if (out != NIACT_OUTCOME_NONE && !niact_scenario_outcome_declared(g->sc, out))
            out = NIACT_OUTCOME_NONE; /* the rules answer only with declared outcomes */
        if (out != NIACT_OUTCOME_NONE && g->pending == NIACT_OUTCOME_NONE) {
            g->pending = out;
            snprintf(g->pending_text, sizeof g->pending_text, "%s",
                     text[0] ? text : niact_scenario_outcome_text(g->sc, out));
        }
    }
    if (g->pending == NIACT_OUTCOME_NONE && g->turn >= g->sc->turns) {
        niact_outcome o = niact_scenario_timeout(g->sc);
        g->pending = o;
        snprintf(g->pending_text, sizeof g->pending_text, "%s",
                 niact_scenario_outcome_text(g->sc, o));
    }
    if (g->pending != NIACT_OUTCOME_NONE) {
        g->outcome = g->pending;
        snprintf(g->outcome_text, sizeof g->outcome_text, "%s", g->pending_text);
        g->phase = NIACT_PHASE_ENDED;
    }
    return NIACT_OK;
}

/* The turn's steps after the orders are gathered; any error but a voided callback is an
 * allocation failure, which leaves the turn half-resolved: the game is then broken. */
static niact_status resolve_steps(niact_game *g) {
    niact_status st;
    if ((st = niact_core_apply_agreements(g)) != NIACT_OK)
        return st;
    if ((st = resolve_orders(g)) != NIACT_OK)
        return st;
    if ((st = fire_events(g, 0)) != NIACT_OK)
        return st;
    if (g->rules.turn_end) {
        niact_mark m;
        niact_core_mark(g, &m);
        st = niact_core_settle(g, &m, g->rules.turn_end(g->rules.ud, g), "turn end");
        if (st != NIACT_OK)
            return st;
    }
    if ((st = niact_core_judge_commitments(g)) != NIACT_OK)
        return st;
    memset(g->n_orders, 0, sizeof g->n_orders);
    g->submitted = 0;
    g->n_turn_orders = 0;
    g->turn++;
    if ((st = check_end(g)) != NIACT_OK)
        return st;
    if (g->phase != NIACT_PHASE_ENDED) {
        g->phase = NIACT_PHASE_BRIEFING;
        if ((st = fire_events(g, 1)) != NIACT_OK)
            return st;
        if (g->rules.turn_start) {
            niact_mark m;
            niact_core_mark(g, &m);
            st = niact_core_settle(g, &m, g->rules.turn_start(g->rules.ud, g), "turn start");
            if (st != NIACT_OK)
                return st;
        }
    }
    return compute_scores(g);
}

niact_status niact_game_resolve(niact_game *g) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase == NIACT_PHASE_ENDED)
        return niact_core_fail(g, NIACT_ERR_STATE, NIACT_KIND_STATE, "the game has ended");
    gather_orders(g);
    g->log_bytes_turn = g->log_bytes;
    niact_status st = resolve_steps(g);
    if (st != NIACT_OK) {
        if (!g->broken) /* every failure here is past the first change */
            niact_core_break(g, "the resolution");
        return st;
    }
    seal_turn(g);
    return NIACT_OK;
}
