/* Determinization: one possible truth consistent with what a role may know. The only
 * inputs are the role's view, the scenario's public declarations, simulated histories
 * and the AI's own generator; the copy's true values are overwritten, never read. */
#include "ai_internal.h"
#include "niact/rules.h"

#include <stdlib.h>
#include <string.h>

niact_status ai_belief_read(ai_belief *b, const niact_game *g, int role) {
    const niact_scenario *sc = niact_game_scenario(g);
    memset(b, 0, sizeof *b);
    b->n_tracks = sc->n_tracks;
    b->view = calloc((size_t)(sc->n_tracks ? sc->n_tracks : 1), sizeof *b->view);
    if (!b->view)
        return NIACT_ERR_NOMEM;
    for (int t = 0; t < sc->n_tracks; t++)
        niact_game_view_track(g, role, t, &b->view[t]);
    return NIACT_OK;
}

void ai_belief_free(ai_belief *b) {
    free(b->view);
    free(b->particles);
    b->view = NULL;
    b->particles = NULL;
}

/* How far a simulated state lies from the view: per track, the distance outside what
 * the role knows (0 inside an estimate's error bar), as a share of the track's range. */
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
    return d;
}

/* Plays one history from `start` to the turn; returns its distance (war before the
 * turn: far away). */
static niact_status simulate(niact_game *g, const niact_game *start, int32_t turn,
                             ai_policies *pol, double share, niact_rng *rng) {
    niact_status st = niact_game_copy(g, start);
    if (st != NIACT_OK)
        return st;
    uint64_t seed = ((uint64_t)niact_rng_next(rng) << 32) | niact_rng_next(rng);
    niact_rng_seed(niact_rules_rng(g), seed, 0x68697374ULL /* "hist" */);
    const niact_scenario *sc = niact_game_scenario(g);
    ai_pick_policies(pol, sc->n_personalities, share, rng);
    while (st == NIACT_OK && niact_game_turn(g) < turn &&
           niact_game_phase(g) != NIACT_PHASE_ENDED) {
        st = ai_submit_others(g, -1, pol, rng);
        if (st == NIACT_OK)
            st = niact_game_resolve(g);
    }
    return st;
}

/* Keeps the state's values if it is among the `keep` closest so far (insertion into the
 * sorted list dist[0..*n)). */
static void keep_close(ai_belief *b, double *dist, int keep, const niact_game *g,
                       double d) {
    int n = b->n_particles, nt = b->n_tracks, i = n < keep ? n : keep - 1;
    if (n == keep && d >= dist[keep - 1])
        return;
    for (; i > 0 && dist[i - 1] > d; i--) {
        dist[i] = dist[i - 1];
        memcpy(b->particles + (size_t)i * nt, b->particles + (size_t)(i - 1) * nt,
               (size_t)nt * sizeof(int32_t));
    }
    dist[i] = d;
    for (int t = 0; t < nt; t++)
        b->particles[(size_t)i * nt + t] = niact_rules_get(g, t);
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
    b->particles = malloc((size_t)keep * (size_t)(sc->n_tracks ? sc->n_tracks : 1) * 4);
    niact_status st = dist && b->particles ? NIACT_OK : NIACT_ERR_NOMEM;
    if (st == NIACT_OK)
        st = niact_game_new(sc, rules, niact_rng_next(rng), &start, NULL, 0);
    if (st == NIACT_OK) {
        niact_game_set_quiet(start, 1);
        st = niact_game_clone(start, &g);
    }
    ai_policies p = *pol;
    for (int i = 0; st == NIACT_OK && i < count; i++) {
        st = simulate(g, start, niact_game_turn(snap), &p, random_share, rng);
        double far = niact_game_phase(g) == NIACT_PHASE_ENDED ? 1e6 : 0;
        if (st == NIACT_OK)
            keep_close(b, dist, keep, g, far + distance(b, sc, g));
    }
    free(dist);
    niact_game_free(start);
    niact_game_free(g);
    return st;
}

/* A value for one track the role does not see truly. */
static int32_t sample_track(const ai_belief *b, int t, const niact_track_def *d, int k,
                            niact_rng *rng) {
    const niact_track_view *v = &b->view[t];
    if (v->vis == NIACT_VIS_NONE)
        return k >= 0 ? b->particles[(size_t)k * b->n_tracks + t] : d->initial;
    int64_t lo = (int64_t)v->value - v->error, hi = (int64_t)v->value + v->error;
    lo = lo < d->min ? d->min : lo;
    hi = hi > d->max ? d->max : hi;
    if (lo > hi)
        return v->value;
    return (int32_t)(lo + (int64_t)niact_rng_below(rng, (uint32_t)(hi - lo + 1)));
}

void ai_determinize(niact_game *g, const ai_belief *b, int role, niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(g);
    int k = b->n_particles > 0 ? (int)niact_rng_below(rng, (uint32_t)b->n_particles) : -1;
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        if (b->view[t].vis == NIACT_VIS_TRUE)
            continue;
        int32_t value = niact_rules_set(g, t, sample_track(b, t, d, k, rng));
        /* Other roles' estimates are hidden too: centre them on this sample with their
         * declared starting error bar. */
        for (int r = 0; r < sc->n_roles; r++)
            if (r != role && d->vis[r] == NIACT_VIS_ESTIMATE)
                niact_rules_set_estimate(g, r, t, value, d->est_error[r]);
    }
    uint64_t s = ((uint64_t)niact_rng_next(rng) << 32) | niact_rng_next(rng);
    niact_rng_seed(niact_rules_rng(g), s, 0x64657465ULL /* "dete" */);
}
