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

/* The declared default half the time (the scenario's sensible value), else uniform:
 * keeps wide parameter ranges from crowding out the choice of actions. */
static int32_t random_param(const niact_action_def *a, niact_rng *rng) {
    if (niact_rng_below(rng, 2) == 0)
        return a->param_default;
    return niact_rng_range(rng, a->param_min, a->param_max);
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
        niact_order o = {(int16_t)role, (int16_t)idx[i], a->has_param ? random_param(a, rng) : 0};
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
    niact_status st = niact_game_submit_unexplained(g, role, orders, n);
    if (st != NIACT_ERR_INVALID)
        return st;
    niact_order kept[NIACT_MAX_ORDERS];
    int k = 0;
    for (int i = 0; i < n; i++) {
        kept[k] = orders[i];
        st = niact_game_submit_unexplained(g, role, kept, k + 1);
        if (st == NIACT_OK)
            k++;
        else if (st != NIACT_ERR_INVALID)
            return st;
    }
    return niact_game_submit_unexplained(g, role, kept, k);
}

niact_status ai_policy_orders(niact_game *g, int role, const ai_policies *p, int k,
                              niact_rng *rng, niact_order *os, int *n) {
    *n = 0;
    const niact_scenario *sc = niact_game_scenario(g);
    if (k > 0 && p->host && k <= sc->n_personalities) {
        niact_status st = niact_host_personality(p->host, g, sc->personalities[k - 1], role, os,
                                                 NIACT_MAX_ORDERS, n);
        if (st == NIACT_OK || st == NIACT_ERR_NOMEM)
            return st;
        *n = 0;
    }
    return ai_random_orders(g, role, rng, os, n);
}

void ai_pick_policies(ai_policies *p, int n_pers, double random_share, niact_rng *rng) {
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        p->kind[r] = 0;
        if (n_pers > 0 && niact_rng_below(rng, 1000) >= (uint32_t)(random_share * 1000))
            p->kind[r] = 1 + (int)niact_rng_below(rng, (uint32_t)n_pers);
    }
}

niact_status ai_submit_others(niact_game *g, int skip, const ai_policies *p, niact_rng *rng) {
    const niact_scenario *sc = niact_game_scenario(g);
    for (int r = 0; r < sc->n_roles; r++) {
        if (r == skip)
            continue;
        niact_order os[NIACT_MAX_ORDERS];
        int n = 0;
        niact_status st = ai_policy_orders(g, r, p, p ? p->kind[r] : 0, rng, os, &n);
        if (st != NIACT_OK)
            return st;
        if ((st = ai_submit_filtered(g, r, os, n)) != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

niact_status ai_clean_orders(niact_game *g, int role, niact_order *orders, int *n) {
    niact_status st = ai_submit_filtered(g, role, orders, *n);
    if (st != NIACT_OK)
        return st;
    const niact_order *kept = niact_game_orders(g, role, n);
    if (*n)
        memmove(orders, kept, (size_t)*n * sizeof *orders);
    ai_sort_orders(orders, *n);
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
