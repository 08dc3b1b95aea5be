/* Negotiation and play as one decision for the search AI: a proposal is judged by
 * running the seat's own search (niact_ai_think, the same determinized playouts that
 * choose its orders, with the same samples on both sides) on the two futures, with the
 * deal and without it; the better mean reward wins. A deal's commitments are then part
 * of the searched game: the search prices a breach of its seat's word in its reward
 * (mcts.c), so a promise it cannot or would not keep makes the deal worth less.
 * Budget: a turn's judgements together spend at most one decision's budget (the talk's
 * talk_left, an eighth of it for each side of one judgement), so a seat's whole turn,
 * orders and negotiation, costs at most two decisions' units; past that the seat
 * judges by the terms' value, as a seat without a search does. */
#include "ai_internal.h"

/* The search for one side of a judgement: the seat's own (its level, its budget), with
 * an eighth of its decision's budget, or half of what the turn's negotiation has left if
 * less; NIACT_ERR_LIMIT when that is under a 64th (too few playouts to tell two futures
 * apart: the caller judges by the terms' value). Counted in units like the search's, so
 * the same on every machine. */
static niact_status judge_config(const niact_ai_talk *t, niact_ai_config *cfg) {
    niact_status st = niact_ai_level_config(t->level, cfg);
    if (st != NIACT_OK)
        return st;
    double side = t->budget / 8.0, half = t->talk_left / 2.0;
    side = half < side ? half : side;
    if (t->budget <= 0 || side < t->budget / 64.0 || side < 1.0)
        return NIACT_ERR_LIMIT;
    cfg->budget = (int32_t)side;
    cfg->playouts = cfg->budget / 2 > 16 ? cfg->budget / 2 : 16;
    return NIACT_OK;
}

/* The mean reward of the search's best orders in g (quiet copy); *spent grows by the
 * units it spent. */
static niact_status worth(niact_host *h, niact_game *g, int role, const niact_ai_config *cfg,
                          double *value, double *spent) {
    niact_order o[NIACT_MAX_ORDERS];
    int n = 0;
    niact_ai_stats stats = {0};
    *value = 0;
    if (niact_game_phase(g) == NIACT_PHASE_ENDED) {
        int32_t score = 0;
        niact_game_score(g, role, role, &score);
        *value = score / 100.0;
        return NIACT_OK;
    }
    niact_status st = niact_ai_think(h, g, role, cfg, o, &n, &stats);
    *spent += stats.spent;
    if (st == NIACT_OK)
        *value = stats.value;
    return st;
}

/* Takes what a judgement spent from the turn's negotiation budget. */
static void charge(niact_ai_talk *t, double spent) {
    t->talk_spent += spent;
    t->talk_left = t->talk_left > spent ? t->talk_left - spent : 0;
}

niact_status ai_deal_answer(niact_host *h, const niact_game *g, int role, niact_ai_talk *t,
                            int32_t id, int *accept) {
    niact_ai_config cfg;
    niact_status st = judge_config(t, &cfg);
    if (st != NIACT_OK)
        return st;
    niact_game *yes = NULL, *no = NULL;
    st = niact_game_clone(g, &yes);
    if (st == NIACT_OK)
        st = niact_game_clone(g, &no);
    double vy = 0, vn = 0, spent = 0;
    if (st == NIACT_OK) {
        niact_game_set_quiet(yes, 1);
        niact_game_set_quiet(no, 1);
        st = niact_game_answer(yes, role, id, 1);
        if (st == NIACT_OK)
            st = niact_game_answer(no, role, id, 0);
    }
    if (st == NIACT_OK)
        st = worth(h, yes, role, &cfg, &vy, &spent);
    if (st == NIACT_OK)
        st = worth(h, no, role, &cfg, &vn, &spent);
    charge(t, spent);
    if (st == NIACT_OK)
        *accept = vy > vn;
    niact_game_free(yes);
    niact_game_free(no);
    return st;
}

niact_status ai_deal_propose(niact_host *h, const niact_game *g, int role, niact_ai_talk *t,
                             uint32_t to, const niact_term_item *terms, int n, int *good) {
    niact_ai_config cfg;
    niact_status st = judge_config(t, &cfg);
    if (st != NIACT_OK)
        return st;
    niact_game *yes = NULL, *no = NULL;
    st = niact_game_clone(g, &yes);
    if (st == NIACT_OK)
        st = niact_game_clone(g, &no);
    double vy = 0, vn = 0, spent = 0;
    int32_t id = 0;
    if (st == NIACT_OK) {
        niact_game_set_quiet(yes, 1);
        niact_game_set_quiet(no, 1);
        /* the future in which the partner agrees (a refused term: not worth proposing) */
        st = niact_game_propose(yes, role, to, 0, terms, n, 0, &id);
        for (int r = 0; st == NIACT_OK && r < niact_game_scenario(g)->n_roles; r++)
            if (to & (1u << r))
                st = niact_game_answer(yes, r, id, 1);
    }
    if (st == NIACT_ERR_INVALID) {
        *good = 0;
        niact_game_free(yes);
        niact_game_free(no);
        return NIACT_OK;
    }
    if (st == NIACT_OK)
        st = worth(h, yes, role, &cfg, &vy, &spent);
    if (st == NIACT_OK)
        st = worth(h, no, role, &cfg, &vn, &spent);
    charge(t, spent);
    if (st == NIACT_OK)
        *good = vy > vn;
    niact_game_free(yes);
    niact_game_free(no);
    return st;
}
