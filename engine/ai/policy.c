/* The search AI's rollout policy: random legal orders, and submitting orders that a
 * sampled state may partly refuse. */
#include "ai_internal.h"

#include <string.h>

/* Actions `role` may order, shuffled. Returns how many were written to idx. */
static int shuffled_actions(const niact_scenario *sc, int role, niact_rng *rng, int *idx,
                            int max) {
    int m = 0;
    for (int a = 0; a < sc->n_actions && m < max; a++)
        if (sc->actions[a].roles & (1u << role))
            idx[m++] = a;
    for (int i = m - 1; i > 0; i--) { /* Fisher-Yates */
        int j = (int)niact_rng_below(rng, (uint32_t)i + 1), t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
    return m;
}

niact_status ai_random_orders(niact_game *g, int role, niact_rng *rng, niact_order *orders,
                              int *n) {
    const niact_scenario *sc = niact_game_scenario(g);
    int idx[256];
    int m = shuffled_actions(sc, role, rng, idx, 256);
    int32_t left = niact_game_action_points(g, role);
    *n = 0;
    for (int i = 0; i < m && *n < NIACT_MAX_ORDERS; i++) {
        const niact_action_def *a = &sc->actions[idx[i]];
        if (a->cost > left || niact_rng_below(rng, 3) == 0)
            continue;
        niact_order o = {(int16_t)role, (int16_t)idx[i],
                         a->has_param ? niact_rng_range(rng, a->param_min, a->param_max) : 0};
        int ok = 0;
        niact_status st = niact_game_order_legal(g, &o, &ok, NULL, 0);
        if (st == NIACT_ERR_NOMEM)
            return st;
        if (!ok)
            continue;
        orders[(*n)++] = o;
        left -= a->cost;
    }
    return NIACT_OK;
}

niact_status ai_submit_filtered(niact_game *g, int role, const niact_order *orders, int n) {
    niact_status st = niact_game_submit(g, role, orders, n);
    if (st != NIACT_ERR_INVALID)
        return st;
    niact_order kept[NIACT_MAX_ORDERS];
    int k = 0;
    for (int i = 0; i < n; i++) {
        kept[k] = orders[i];
        st = niact_game_submit(g, role, kept, k + 1);
        if (st == NIACT_OK)
            k++;
        else if (st != NIACT_ERR_INVALID)
            return st;
    }
    return niact_game_submit(g, role, kept, k);
}

/* One role's orders under its policy; a failing personality falls back to random. */
static niact_status policy_orders(niact_game *g, int role, const ai_policies *p,
                                  niact_rng *rng, niact_order *os, int *n) {
    *n = 0;
    const niact_scenario *sc = niact_game_scenario(g);
    int k = p ? p->kind[role] : 0;
    if (k > 0 && p->host && k <= sc->n_personalities) {
        niact_status st = niact_host_personality(p->host, g, sc->personalities[k - 1], role, os,
                                                 NIACT_MAX_ORDERS, n);
        if (st == NIACT_OK || st == NIACT_ERR_NOMEM)
            return st;
        *n = 0;
    }
    return ai_random_orders(g, role, rng, os, n);
}

niact_status ai_submit_others(niact_game *g, int skip, const ai_policies *p, niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(g);
    for (int r = 0; r < sc->n_roles; r++) {
        if (r == skip)
            continue;
        niact_order os[NIACT_MAX_ORDERS];
        int n = 0;
        niact_status st = policy_orders(g, r, p, rng, os, &n);
        if (st != NIACT_OK)
            return st;
        if ((st = ai_submit_filtered(g, r, os, n)) != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

static int order_cmp(const niact_order *a, const niact_order *b) {
    if (a->action != b->action)
        return a->action < b->action ? -1 : 1;
    return a->param < b->param ? -1 : a->param > b->param;
}

void ai_sort_orders(niact_order *orders, int n) {
    for (int i = 1; i < n; i++) {
        niact_order o = orders[i];
        int j = i - 1;
        while (j >= 0 && order_cmp(&orders[j], &o) > 0) {
            orders[j + 1] = orders[j];
            j--;
        }
        orders[j + 1] = o;
    }
}
