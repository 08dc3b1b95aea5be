/* Determinization: one possible truth consistent with what a role may know. The sampled
 * game starts as a copy of the true one, and everything the role may not know is
 * replaced, never read: the tracks it does not see truly, every other role's estimates,
 * the fires of events it was not told of, the negotiation it is no party to, the other
 * roles' submitted orders and the chance to come. The replacements come from the role's
 * view, the scenario's declarations, simulated histories (particles) and the AI's own
 * generator. */
#include "ai_internal.h"
#include "niact/rules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

niact_status ai_belief_read(ai_belief *b, const niact_game *g, int role) {
    const niact_scenario *sc = niact_game_scenario(g);
    memset(b, 0, sizeof *b);
    b->role = role;
    b->n_tracks = sc->n_tracks;
    b->n_roles = sc->n_roles;
    b->n_events = sc->n_events;
    b->stride = sc->n_tracks * (1 + 2 * sc->n_roles) + sc->n_events * (1 + sc->n_roles) +
                sc->n_roles;
    b->view = calloc((size_t)(sc->n_tracks ? sc->n_tracks : 1), sizeof *b->view);
    b->told = calloc((size_t)(sc->n_events ? sc->n_events : 1), sizeof *b->told);
    if (!b->view || !b->told)
        return NIACT_ERR_NOMEM;
    for (int t = 0; t < sc->n_tracks; t++)
        niact_game_view_track(g, role, t, &b->view[t]);
    for (int e = 0; e < sc->n_events; e++)
        b->told[e] = niact_rules_told(g, e, role);
    /* the record: what the role saw truly at the end of every past turn */
    b->hist_turns = niact_game_turn(g);
    b->hist = malloc((size_t)(b->hist_turns * sc->n_tracks > 0 ? b->hist_turns * sc->n_tracks : 1) *
                     sizeof *b->hist);
    if (!b->hist)
        return NIACT_ERR_NOMEM;
    for (int32_t t = 0; t < b->hist_turns; t++)
        for (int k = 0; k < sc->n_tracks; k++) {
            int32_t v = 0;
            b->hist[(size_t)t * (size_t)sc->n_tracks + (size_t)k] =
                niact_game_history(g, role, k, t, &v) == NIACT_OK ? v : INT32_MIN;
        }
    return NIACT_OK;
}

void ai_belief_free(ai_belief *b) {
    free(b->view);
    free(b->told);
    free(b->hist);
    free(b->particles);
    b->hist = NULL;
    b->view = NULL;
    b->told = NULL;
    b->particles = NULL;
}

/* A particle's parts (see ai_belief). */
typedef struct parts {
    int32_t *value, *est, *err, *fired, *told, *kind;
} parts;

static parts parts_of(const ai_belief *b, int32_t *p) {
    size_t nt = (size_t)b->n_tracks, per = (size_t)b->n_roles * nt;
    parts q;
    q.value = p;
    q.est = q.value + nt;
    q.err = q.est + per;
    q.fired = q.err + per;
    q.told = q.fired + b->n_events;
    q.kind = q.told + (size_t)b->n_roles * (size_t)b->n_events;
    return q;
}

/* How far a simulated state lies from what the role knows: per track, the distance
 * outside what the role knows (0 inside an estimate's error bar), as a share of the
 * track's range; per event, each fire more or fewer than the role was told of counts as
 * a whole track's range. */
static double distance(const ai_belief *b, const niact_scenario *sc, const niact_game *g) {
    double d = 0;
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_view *v = &b->view[t];
        if (v->vis == NIACT_VIS_NONE)
            continue;
        double off = abs(niact_rules_get(g, t) - v->value) - (double)v->error;
        int32_t range = sc->tracks[t].max - sc->tracks[t].min;
        if (off > 0)
            d += off / (range > 0 ? range : 1);
    }
    for (int e = 0; e < sc->n_events; e++)
        d += abs(niact_rules_told(g, e, b->role) - b->told[e]);
    /* the record: each past turn's value of every track the role saw truly */
    for (int32_t t = 0; t < b->hist_turns && t < niact_game_turn(g); t++)
        for (int k = 0; k < sc->n_tracks; k++) {
            int32_t want = b->hist[(size_t)t * (size_t)sc->n_tracks + (size_t)k], v = 0;
            int32_t range = sc->tracks[k].max - sc->tracks[k].min;
            if (want != INT32_MIN && niact_game_history(g, b->role, k, t, &v) == NIACT_OK)
                d += (double)abs(v - want) / (range > 0 ? range : 1);
        }
    return d;
}

/* Plays one history from `start` to the turn. The role plays the orders it remembers
 * giving (those still possible in this history), the others their sampled policies. */
static niact_status simulate(niact_game *g, const niact_game *start, int32_t turn,
                             ai_policies *pol, double share, niact_rng *rng,
                             const ai_belief *b) {
    niact_status st = niact_game_copy(g, start);
    if (st != NIACT_OK)
        return st;
    uint64_t seed = ((uint64_t)niact_rng_next(rng) << 32) | niact_rng_next(rng);
    niact_rng_seed(niact_rules_rng(g), seed, 0x68697374ULL /* "hist" */);
    const niact_scenario *sc = niact_game_scenario(g);
    ai_pick_policies(pol, sc->n_personalities, share, rng);
    const niact_ai_memory *m = b->memory;
    while (st == NIACT_OK && niact_game_turn(g) < turn &&
           niact_game_phase(g) != NIACT_PHASE_ENDED) {
        int32_t t = niact_game_turn(g);
        int own = m && t >= 0 && t < m->turns && m->n[t] >= 0 && m->n[t] <= NIACT_MAX_ORDERS;
        st = ai_submit_others(g, own ? b->role : -1, pol, rng);
        if (st == NIACT_OK && own)
            st = ai_submit_filtered(g, b->role, m->orders + (size_t)t * NIACT_MAX_ORDERS,
                                    m->n[t]);
        if (st == NIACT_OK)
            st = niact_game_resolve(g);
    }
    return st;
}

/* Writes the state of g, and the policies its history was played with, into a
 * particle (pol NULL: no turn was played, the policies told nothing: -1). */
static void record(const ai_belief *b, int32_t *p, const niact_game *g,
                   const ai_policies *pol) {
    parts q = parts_of(b, p);
    int nt = b->n_tracks;
    for (int r = 0; r < b->n_roles; r++)
        q.kind[r] = pol ? pol->kind[r] : -1;
    for (int t = 0; t < nt; t++) {
        q.value[t] = niact_rules_get(g, t);
        for (int r = 0; r < b->n_roles; r++)
            q.est[r * nt + t] = niact_rules_estimate(g, r, t, &q.err[r * nt + t]);
    }
    for (int e = 0; e < b->n_events; e++) {
        q.fired[e] = niact_rules_fired(g, e);
        for (int r = 0; r < b->n_roles; r++)
            q.told[r * b->n_events + e] = niact_rules_told(g, e, r);
    }
}

/* Keeps the state if it is among the `keep` closest so far (insertion into the sorted
 * list dist[0..*n)). */
static void keep_close(ai_belief *b, double *dist, int keep, const niact_game *g,
                       const ai_policies *pol, double d) {
    int n = b->n_particles, i = n < keep ? n : keep - 1;
    size_t stride = (size_t)b->stride;
    if (n == keep && d >= dist[keep - 1])
        return;
    for (; i > 0 && dist[i - 1] > d; i--) {
        dist[i] = dist[i - 1];
        memcpy(b->particles + (size_t)i * stride, b->particles + (size_t)(i - 1) * stride,
               stride * sizeof(int32_t));
    }
    dist[i] = d;
    record(b, b->particles + (size_t)i * stride, g, pol);
    if (n < keep)
        b->n_particles++;
}

niact_status ai_belief_sample(ai_belief *b, const niact_game *snap, const niact_rules *rules,
                              const ai_policies *pol, double random_share, int count,
                              niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(snap);
    int keep = count / 4 > 0 ? count / 4 : 1;
    niact_game *start = NULL, *g = NULL;
    double *dist = malloc((size_t)keep * sizeof *dist);
    b->particles = malloc((size_t)keep * (size_t)(b->stride ? b->stride : 1) * sizeof(int32_t));
    niact_status st = dist && b->particles ? NIACT_OK : NIACT_ERR_NOMEM;
    ai_policies p = *pol;
    for (int i = 0; st == NIACT_OK && i < count; i++) {
        /* Every history starts from its own setup: a scenario may deal hidden cards
         * there with its chance. */
        niact_game_free(start);
        start = NULL;
        st = niact_game_new(sc, rules, niact_rng_next(rng), &start, NULL, 0);
        if (st == NIACT_OK && !g) {
            niact_game_set_quiet(start, 1);
            st = niact_game_clone(start, &g);
        }
        if (st == NIACT_OK)
            st = simulate(g, start, niact_game_turn(snap), &p, random_share, rng, b);
        /* a history that ended before the turn is far away; one in which no turn was
         * played (the first turn) says nothing of who the others are */
        if (st == NIACT_OK)
            keep_close(b, dist, keep, g,
                       niact_game_turn(start) < niact_game_turn(snap) ? &p : NULL,
                       (niact_game_phase(g) == NIACT_PHASE_ENDED ? 1e6 : 0) +
                           distance(b, sc, g));
    }
    free(dist);
    niact_game_free(start);
    niact_game_free(g);
    return st;
}

static int32_t clamp(int64_t v, const niact_track_def *d) {
    return (int32_t)(v < d->min ? d->min : v > d->max ? d->max : v);
}

/* A value for one track the role does not see truly: uniform in its estimate's error
 * bar, or the particle's (the declared initial value without one). */
static int32_t sample_track(const ai_belief *b, int t, const niact_track_def *d,
                            const parts *q, niact_rng *rng) {
    const niact_track_view *v = &b->view[t];
    if (v->vis == NIACT_VIS_NONE)
        return q ? q->value[t] : d->initial;
    int64_t lo = (int64_t)v->value - v->error, hi = (int64_t)v->value + v->error;
    lo = lo < d->min ? d->min : lo;
    hi = hi > d->max ? d->max : hi;
    if (lo > hi)
        return v->value;
    return (int32_t)(lo + (int64_t)niact_rng_below(rng, (uint32_t)(hi - lo + 1)));
}

int ai_determinize(niact_game *g, const ai_belief *b, int role, niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(g);
    int k = b->n_particles > 0 ? (int)niact_rng_below(rng, (uint32_t)b->n_particles) : -1;
    parts qk, *q = NULL;
    if (k >= 0) {
        qk = parts_of(b, b->particles + (size_t)k * (size_t)b->stride);
        q = &qk;
    }
    int nt = sc->n_tracks;
    /* Tracks: what the role sees truly stays; the rest is drawn. */
    for (int t = 0; t < nt; t++)
        if (b->view[t].vis != NIACT_VIS_TRUE)
            niact_rules_set(g, t, sample_track(b, t, &sc->tracks[t], q, rng));
    /* Other roles' estimates of every track, also of those the role sees truly: their
     * errors are the particle's, around this sample (without one: uniform within the
     * declared starting error bar). */
    for (int r = 0; r < sc->n_roles; r++) {
        if (r == role)
            continue;
        for (int t = 0; t < nt; t++) {
            const niact_track_def *d = &sc->tracks[t];
            if (d->vis[r] != NIACT_VIS_ESTIMATE)
                continue;
            int32_t value = niact_rules_get(g, t), err = d->est_error[r];
            int64_t est;
            if (q) {
                err = q->err[r * nt + t];
                est = (int64_t)value + q->est[r * nt + t] - q->value[t];
            } else {
                est = (int64_t)value + niact_rng_range(rng, -err, err);
            }
            niact_rules_set_estimate(g, r, t, clamp(est, d), err);
        }
    }
    /* Events: the fires the role was told of, plus the particle's fires it would not have
     * been told of (none without one). */
    for (int e = 0; e < sc->n_events; e++) {
        int32_t told[NIACT_MAX_ROLES] = {0};
        int32_t unknown = 0;
        if (q) {
            unknown = q->fired[e] - q->told[role * sc->n_events + e];
            for (int r = 0; r < sc->n_roles; r++)
                told[r] = q->told[r * sc->n_events + e];
        }
        told[role] = b->told[e];
        int32_t fired = b->told[e] + (unknown > 0 ? unknown : 0);
        if (sc->events[e].once && fired > 1)
            fired = 1;
        niact_rules_set_fired(g, e, fired, told);
    }
    /* Proposals and agreements the role is no party to, and their effects to come. */
    niact_rules_forget_negotiation(g, role);
    /* Orders the others have already given (replaced by sampled ones when played). */
    for (int r = 0; r < sc->n_roles; r++)
        if (r != role && niact_game_submitted(g, r))
            niact_game_submit(g, r, NULL, 0);
    uint64_t s = ((uint64_t)niact_rng_next(rng) << 32) | niact_rng_next(rng);
    niact_rng_seed(niact_rules_rng(g), s, 0x64657465ULL /* "dete" */);
    return k;
}

void ai_posterior_policies(ai_policies *p, const ai_belief *b, int k, int role,
                           niact_rng *rng) {
    if (k < 0 || k >= b->n_particles)
        return; /* no histories: the uniform draw stands */
    parts q = parts_of(b, b->particles + (size_t)k * (size_t)b->stride);
    if (q.kind[role] < 0)
        return; /* no turn was played in the histories: they say nothing */
    if (niact_rng_below(rng, AI_MODEL_HEDGE) == 0)
        return; /* the hedge: a misread opponent is not the only one planned for */
    for (int r = 0; r < b->n_roles && r < NIACT_MAX_ROLES; r++)
        if (r != role)
            p->kind[r] = q.kind[r];
}
