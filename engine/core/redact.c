/* What a role may not know, taken out of a private copy of a game: the search AI builds
 * its sampled games from the truth minus these (engine/ai/determinize.c). */
#include "game_internal.h"
#include "niact/rules.h"

static int bad_event(const niact_game *g, int event) {
    return event < 0 || event >= g->sc->n_events;
}

int32_t niact_rules_told(const niact_game *g, int event, int role) {
    if (bad_event(g, event) || role < 0 || role >= g->sc->n_roles)
        return 0;
    return g->told[(size_t)role * (size_t)g->sc->n_events + (size_t)event];
}

void niact_rules_set_fired(niact_game *g, int event, int32_t fired, const int32_t *told) {
    if (bad_event(g, event))
        return;
    fired = fired < 0 ? 0 : fired;
    g->fired[event] = fired;
    for (int r = 0; r < g->sc->n_roles; r++) {
        int32_t t = told[r] < 0 ? 0 : told[r] > fired ? fired : told[r];
        g->told[(size_t)r * (size_t)g->sc->n_events + (size_t)event] = t;
    }
}

static int may_see(const niact_proposal *p, int role) {
    return p->public_ || p->from == role || (p->to & (1u << role));
}

void niact_rules_forget_negotiation(niact_game *g, int role) {
    if (role < 0 || role >= g->sc->n_roles)
        return;
    int32_t kept = 0;
    for (int32_t i = 0; i < g->n_commitments; i++)
        if (may_see(niact_core_proposal(g, niact_core_commitment(g, i)->agreement - 1), role))
            *niact_core_commitment(g, kept++) = *niact_core_commitment(g, i);
    g->n_commitments = kept;
    for (int32_t i = 0; i < g->n_proposals; i++) {
        niact_proposal *p = niact_core_proposal(g, i);
        if (may_see(p, role))
            continue;
        int32_t id = p->id;
        memset(p, 0, sizeof *p);
        p->id = id;
        p->from = (int16_t)role;
        p->agreed_turn = -1;
        p->status = NIACT_PROPOSAL_WITHDRAWN;
    }
    niact_core_index_negotiation(g);
}
