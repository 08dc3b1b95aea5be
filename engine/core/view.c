/* What a role may know (views), the log, the state hash, and the rules' access. */
#include "game_internal.h"
#include "niact/hash.h"
#include "niact/rules.h"

#include <stdlib.h>
#include <string.h>

static size_t idx(const niact_game *g, int role, int track) {
    return (size_t)role * (size_t)g->sc->n_tracks + (size_t)track;
}

static int bad_track(const niact_game *g, int track) {
    return track < 0 || track >= g->sc->n_tracks;
}

static int bad_role(const niact_game *g, int role) {
    return role < 0 || role >= g->sc->n_roles;
}

niact_status niact_game_view_track(const niact_game *g, int role, int track,
                                   niact_track_view *out) {
    memset(out, 0, sizeof *out);
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (bad_role(g, role) || bad_track(g, track))
        return NIACT_ERR_INVALID;
    const niact_track_def *d = &g->sc->tracks[track];
    out->vis = d->hidden ? NIACT_VIS_NONE : (niact_visibility)d->vis[role];
    out->turn_seen = -1;
    if (out->vis == NIACT_VIS_TRUE) {
        out->value = g->value[track];
        out->turn_seen = g->turn;
    } else if (out->vis == NIACT_VIS_ESTIMATE) {
        out->value = g->est[idx(g, role, track)];
        out->error = g->err[idx(g, role, track)];
        out->turn_seen = g->seen[idx(g, role, track)];
    }
    return NIACT_OK;
}

niact_status niact_game_truth(const niact_game *g, int track, int32_t *value) {
    *value = 0;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (bad_track(g, track))
        return NIACT_ERR_INVALID;
    if (g->phase != NIACT_PHASE_ENDED)
        return NIACT_ERR_STATE;
    *value = g->value[track];
    return NIACT_OK;
}

niact_status niact_game_history(const niact_game *g, int role, int track, int32_t t,
                                int32_t *value) {
    *value = 0;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (bad_track(g, track) || t < 0 || t > g->turn || t > g->sc->turns)
        return NIACT_ERR_INVALID;
    if (g->phase != NIACT_PHASE_ENDED) {
        if (bad_role(g, role))
            return NIACT_ERR_INVALID;
        const niact_track_def *d = &g->sc->tracks[track];
        if (d->hidden || d->vis[role] != NIACT_VIS_TRUE)
            return NIACT_ERR_STATE;
    }
    *value = g->history[(size_t)t * (size_t)g->sc->n_tracks + (size_t)track];
    return NIACT_OK;
}

int niact_game_log_next(const niact_game *g, int role, size_t *cursor, niact_log_entry *e) {
    if (role < 0 && g->phase != NIACT_PHASE_ENDED)
        return 0;
    while (*cursor < g->log_len) {
        const log_item *it = &g->log[(*cursor)++];
        if (role >= 0 && !(it->audience & (1u << role)))
            continue;
        e->turn = it->turn;
        e->kind = it->kind;
        e->audience = it->audience;
        e->text = it->text;
        return 1;
    }
    return 0;
}

size_t niact_game_log_size(const niact_game *g) {
    return g->log_len;
}

static int may_see_score(const niact_game *g, int viewer, int role) {
    return g->phase == NIACT_PHASE_ENDED || viewer == role;
}

niact_status niact_game_objective_score(const niact_game *g, int viewer, int objective,
                                        int32_t *score) {
    *score = 0;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (objective < 0 || objective >= g->sc->n_objectives)
        return NIACT_ERR_INVALID;
    if (!may_see_score(g, viewer, g->sc->objectives[objective].role))
        return NIACT_ERR_STATE;
    *score = g->score[objective];
    return NIACT_OK;
}

niact_status niact_game_score(const niact_game *g, int viewer, int role, int32_t *score) {
    *score = 0;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (bad_role(g, role))
        return NIACT_ERR_INVALID;
    if (!may_see_score(g, viewer, role))
        return NIACT_ERR_STATE;
    int64_t sum = 0, weight = 0;
    for (int i = 0; i < g->sc->n_objectives; i++) {
        const niact_objective_def *o = &g->sc->objectives[i];
        if (o->role != role)
            continue;
        sum += (int64_t)g->score[i] * o->weight;
        weight += o->weight;
    }
    /* Rounded to nearest; a role with no objectives scores 0. */
    *score = weight > 0 ? (int32_t)((sum + weight / 2) / weight) : 0;
    return NIACT_OK;
}

uint64_t niact_game_hash(const niact_game *g) {
    const niact_scenario *sc = g->sc;
    uint64_t h = NIACT_HASH_INIT;
    int32_t head[4] = {g->turn, (int32_t)g->phase, (int32_t)g->outcome, (int32_t)g->pending};
    h = niact_hash_i32s(h, head, 4);
    h = niact_hash_u64(h, g->rng.state);
    h = niact_hash_u64(h, g->rng.inc);
    size_t per = (size_t)sc->n_roles * (size_t)sc->n_tracks;
    h = niact_hash_i32s(h, g->value, (size_t)sc->n_tracks);
    h = niact_hash_i32s(h, g->est, per);
    h = niact_hash_i32s(h, g->err, per);
    h = niact_hash_i32s(h, g->seen, per);
    h = niact_hash_i32s(h, g->fired, (size_t)sc->n_events);
    /* g->told is left out: no rule reads it (only the search AI, to know what a seat was
     * told), and it follows the fires and the log, which are hashed. */
    h = niact_hash_i32s(h, g->score, (size_t)sc->n_objectives);
    h = niact_hash_u64(h, g->log_total);
    h = niact_hash_u64(h, g->log_hash);
    h = niact_hash_bytes(h, g->outcome_text, strlen(g->outcome_text));
    if (g->n_told_errors) { /* only when an error was told: games without one hash as before */
        int32_t counts[2] = {g->n_told_errors, g->untold_errors};
        h = niact_hash_i32s(h, counts, 2);
        for (int i = 0; i < g->n_told_errors; i++)
            h = niact_hash_u64(h, g->told_errors[i]);
    }
    return niact_core_hash_negotiation(g, h);
}

niact_status niact_game_turn_hash(const niact_game *g, int32_t t, uint64_t *hash) {
    *hash = 0;
    if (g->broken)
        return NIACT_ERR_BROKEN;
    if (t < 0 || t > g->turn || t > g->sc->turns)
        return NIACT_ERR_INVALID;
    if (g->unhashed_from >= 0 && t >= g->unhashed_from)
        return NIACT_ERR_STATE; /* sealed while quiet */
    *hash = g->hashes[t];
    return NIACT_OK;
}

/* ---- the rules' access ---- */

int32_t niact_rules_get(const niact_game *g, int track) {
    return bad_track(g, track) ? 0 : g->value[track];
}

int32_t niact_rules_ask(niact_game *g, int on) {
    if (on) { /* questions may nest (a personality asks state:legal): count from the outermost */
        if (g->asking++ == 0) {
            g->asked_writes = 0;
            g->ask_rng = g->rng;
        }
        return 0;
    }
    if (g->asking > 0)
        g->asking--;
    return g->asked_writes;
}

/* A write during a question: refused and counted (niact_rules_ask). */
static int refused(niact_game *g) {
    if (!g->asking)
        return 0;
    g->asked_writes++;
    return 1;
}

int32_t niact_rules_set(niact_game *g, int track, int32_t value) {
    if (bad_track(g, track))
        return 0;
    if (refused(g))
        return g->value[track];
    const niact_track_def *d = &g->sc->tracks[track];
    value = value < d->min ? d->min : value > d->max ? d->max : value;
    niact_core_touch(g, &g->value[track]);
    g->value[track] = value;
    return value;
}

void niact_rules_observe(niact_game *g, int role, int track, int32_t error) {
    if (bad_role(g, role) || bad_track(g, track) || refused(g))
        return;
    const niact_track_def *d = &g->sc->tracks[track];
    if (d->vis[role] != NIACT_VIS_ESTIMATE)
        return;
    if (error < 0)
        error = 0;
    int64_t v = (int64_t)g->value[track] + niact_rng_range(&g->rng, -error, error);
    v = v < d->min ? d->min : v > d->max ? d->max : v;
    size_t k = idx(g, role, track);
    niact_core_touch(g, &g->est[k]);
    niact_core_touch(g, &g->err[k]);
    niact_core_touch(g, &g->seen[k]);
    g->est[k] = (int32_t)v;
    g->err[k] = error;
    g->seen[k] = g->turn;
}

void niact_rules_set_estimate(niact_game *g, int role, int track, int32_t value, int32_t error) {
    if (bad_role(g, role) || bad_track(g, track) || refused(g))
        return;
    const niact_track_def *d = &g->sc->tracks[track];
    if (d->vis[role] != NIACT_VIS_ESTIMATE)
        return;
    size_t k = idx(g, role, track);
    niact_core_touch(g, &g->est[k]);
    niact_core_touch(g, &g->err[k]);
    niact_core_touch(g, &g->seen[k]);
    g->est[k] = value < d->min ? d->min : value > d->max ? d->max : value;
    g->err[k] = error < 0 ? 0 : error;
    g->seen[k] = g->turn;
}

int32_t niact_rules_estimate(const niact_game *g, int role, int track, int32_t *error) {
    niact_track_view v;
    if (niact_game_view_track(g, role, track, &v) != NIACT_OK)
        v.value = v.error = 0;
    if (error)
        *error = v.error;
    return v.value;
}

/* Allocates first, then changes the log and its hash: a failed log line changes nothing.
 * The scenario's own lines (news, reports) are counted in every game, quiet or not, so
 * the limits refuse the same line in both. */
niact_status niact_rules_log(niact_game *g, uint32_t audience, niact_log_kind kind,
                             const char *text) {
    if (refused(g))
        return NIACT_ERR_STATE;
    size_t n = strlen(text);
    char *copy = NULL;
    int scenario_text = kind == NIACT_LOG_NEWS || kind == NIACT_LOG_REPORT;
    if (scenario_text && (g->log_bytes + n > NIACT_LOG_GAME_BYTES ||
                          g->log_bytes - g->log_bytes_turn + n > NIACT_LOG_TURN_BYTES))
        return NIACT_ERR_LIMIT;
    if (!g->quiet) {
        if (g->log_len == g->log_cap) {
            size_t cap = g->log_cap ? g->log_cap * 2 : 32;
            log_item *nl = realloc(g->log, cap * sizeof *nl);
            if (!nl)
                return NIACT_ERR_NOMEM;
            g->log = nl;
            g->log_cap = cap;
        }
        copy = malloc(n + 1);
        if (!copy)
            return NIACT_ERR_NOMEM;
        memcpy(copy, text, n + 1);
        g->log[g->log_len++] = (log_item){g->turn, kind, audience, copy};
    }
    if (g->firing)
        g->fire_audience |= audience;
    uint64_t h = niact_hash_u64(g->log_hash, ((uint64_t)audience << 8) | (uint64_t)kind);
    g->log_hash = niact_hash_bytes(h, text, n);
    g->log_total++;
    if (scenario_text)
        g->log_bytes += n;
    return NIACT_OK;
}

niact_rng *niact_rules_rng(niact_game *g) {
    if (refused(g))
        return &g->ask_rng;
    return &g->rng;
}

int32_t niact_rules_fired(const niact_game *g, int event) {
    return event < 0 || event >= g->sc->n_events ? 0 : g->fired[event];
}

void niact_rules_end(niact_game *g, niact_outcome outcome, const char *text) {
    if (refused(g))
        return;
    if (outcome == NIACT_OUTCOME_NONE ||
        (unsigned)outcome >= (unsigned)niact_scenario_outcome_count(g->sc))
        return;
    /* An end already asked for stays unless this one outranks it (a war outranks a
     * settlement; a second settlement does not replace the first). */
    if (g->pending != NIACT_OUTCOME_NONE &&
        niact_scenario_outcome_rank(g->sc, outcome) <= niact_scenario_outcome_rank(g->sc, g->pending))
        return;
    if (g->pending_gen != g->mark_gen) { /* the first end asked for since the mark */
        memcpy(g->pending_scratch, g->pending_text, sizeof g->pending_text);
        g->pending_gen = g->mark_gen;
    }
    g->pending = outcome;
    size_t n = strlen(text);
    if (n >= sizeof g->pending_text) {
        n = sizeof g->pending_text - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--; /* cut between UTF-8 characters, not inside one */
    }
    memcpy(g->pending_text, text, n);
    g->pending_text[n] = 0;
}

const niact_order *niact_rules_turn_orders(const niact_game *g, int *n) {
    *n = g->n_turn_orders;
    return g->turn_orders;
}
