/* Determinization: one possible truth consistent with what a role may know. The only
 * inputs are the role's view, the scenario's public declarations and the AI's own
 * generator; the copy's true values are overwritten, never read. */
#include "ai_internal.h"
#include "niact/rules.h"

#include <stdlib.h>

niact_status ai_belief_read(ai_belief *b, const niact_game *g, int role) {
    const niact_scenario *sc = niact_game_scenario(g);
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
    b->view = NULL;
}

/* A value for one track the role does not see truly. */
static int32_t sample_track(const niact_track_def *d, const niact_track_view *v,
                            niact_rng *rng) {
    if (v->vis == NIACT_VIS_NONE)
        return d->initial; /* the declared start is all the role knows */
    int64_t lo = (int64_t)v->value - v->error, hi = (int64_t)v->value + v->error;
    lo = lo < d->min ? d->min : lo;
    hi = hi > d->max ? d->max : hi;
    if (lo > hi)
        return v->value;
    return (int32_t)(lo + (int64_t)niact_rng_below(rng, (uint32_t)(hi - lo + 1)));
}

void ai_determinize(niact_game *g, const ai_belief *b, int role, niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(g);
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        const niact_track_view *v = &b->view[t];
        if (v->vis == NIACT_VIS_TRUE)
            continue;
        int32_t value = niact_rules_set(g, t, sample_track(d, v, rng));
        /* Other roles' estimates are hidden too: centre them on this sample with their
         * declared starting error bar. */
        for (int r = 0; r < sc->n_roles; r++)
            if (r != role && d->vis[r] == NIACT_VIS_ESTIMATE)
                niact_rules_set_estimate(g, r, t, value, d->est_error[r]);
    }
    uint64_t s = ((uint64_t)niact_rng_next(rng) << 32) | niact_rng_next(rng);
    niact_rng_seed(niact_rules_rng(g), s, 0x64657465ULL /* "dete" */);
}
