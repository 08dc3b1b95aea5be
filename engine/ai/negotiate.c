/* The AI's negotiation, for any scenario: the scenario's `value` function, run in the
 * deciding seat's read-only view, prices each term for a role; the AI accepts proposals
 * worth more than zero to it (what others promise is discounted by their trust) and
 * proposes a package that leaves both sides better off. It decides one move at a time
 * and changes nothing: the session carries each move out (and keeps it for records),
 * then asks for the next. */
#include "niact/ai.h"

#include <stdio.h>
#include <string.h>

/* The value to `judged_for` of a term, judged from `role`'s knowledge; 0 on error. */
static double value_of(niact_host *h, niact_game *g, int role, int judged_for,
                       const niact_term_item *t) {
    double v = 0;
    if (niact_host_term_value(h, g, role, judged_for, t, &v) != NIACT_OK)
        return 0;
    return v;
}

/* The share of a promise's value the AI counts, from its giver's trust: the scenario's
 * ai_trust, linear from at_0 (trust 0) to at_100 (trust 100), in percent. */
static double trust_factor(const niact_game *g, int giver) {
    const niact_negotiation_def *n = &niact_game_scenario(g)->negotiation;
    return n->ai_trust_at_0 / 100.0 +
           (n->ai_trust_at_100 - n->ai_trust_at_0) / 100.0 * niact_game_trust(g, giver) / 100.0;
}

/* What a proposal is worth to `role`: promises of others are discounted by their trust,
 * since a promise is only as good as the one who makes it. */
static double proposal_value(niact_host *h, niact_game *g, int role, const niact_proposal *p) {
    double sum = 0;
    for (int i = 0; i < p->n_terms; i++) {
        double v = value_of(h, g, role, role, &p->terms[i]);
        if (v > 0 && p->terms[i].giver != role)
            v *= trust_factor(g, p->terms[i].giver);
        sum += v;
    }
    return sum;
}

/* Whether the role made a proposal with these terms to `to` in the last two turns. */
static int recently_proposed(const niact_game *g, int role, uint32_t to,
                             const niact_term_item *t, int n) {
    const niact_proposal *p;
    for (int i = 0; (p = niact_game_proposal(g, role, i)); i++) {
        if (p->from != role || p->to != to || p->n_terms != n ||
            p->turn + 2 < niact_game_turn(g))
            continue;
        int same = 1;
        for (int k = 0; k < n; k++)
            same &= p->terms[k].term == t[k].term && p->terms[k].param == t[k].param;
        if (same || p->status == NIACT_PROPOSAL_OPEN)
            return 1;
    }
    return 0;
}

/* Builds a package for `other`: the term the role wants most from it, then what the role
 * can give that `other` values, cheapest first, until both sides gain. */
static int build_package(niact_host *h, niact_game *g, int role, int other,
                         niact_term_item *pkg) {
    const niact_scenario *sc = niact_game_scenario(g);
    int want = -1;
    double best = 0;
    for (int t = 0; t < sc->n_terms; t++) {
        if (!(sc->terms[t].givers & (1u << other)))
            continue;
        niact_term_item it = {(int16_t)t, (int16_t)other, sc->terms[t].param_default};
        double v = value_of(h, g, role, role, &it);
        if (v > best) {
            best = v;
            want = t;
        }
    }
    if (want < 0)
        return 0;
    int n = 1;
    pkg[0] = (niact_term_item){(int16_t)want, (int16_t)other, sc->terms[want].param_default};
    double mine = best, theirs = value_of(h, g, role, other, &pkg[0]);
    for (int t = 0; t < sc->n_terms && theirs <= 0 && n < NIACT_MAX_TERMS; t++) {
        if (t == want || !(sc->terms[t].givers & (1u << role)))
            continue;
        niact_term_item it = {(int16_t)t, (int16_t)role, sc->terms[t].param_default};
        double cost = value_of(h, g, role, role, &it), gain = value_of(h, g, role, other, &it);
        if (gain <= 0 || mine + cost <= 0)
            continue;
        pkg[n++] = it;
        mine += cost;
        theirs += gain;
    }
    return mine > 0 && theirs > 0 ? n : 0;
}

void niact_ai_talk_start(niact_ai_talk *t, const char *personality) {
    memset(t, 0, sizeof *t);
    /* Only a scenario's personality has hooks: not the random AI, nor a search level. */
    if (personality && *personality && strcmp(personality, "random") != 0 &&
        niact_ai_parse_level(personality) == NIACT_AI_NONE)
        t->personality = personality;
}

/* A telegram waiting to be sent, as the next move. */
static int tell_move(niact_ai_talk *t, niact_ai_move *m) {
    if (!t->tell_to || !t->tell[0])
        return 0;
    m->kind = NIACT_AI_MOVE_TELEGRAM;
    m->to = t->tell_to;
    snprintf(m->text, sizeof m->text, "%s", t->tell);
    t->tell_to = 0;
    t->tell[0] = 0;
    return 1;
}

niact_status niact_ai_talk_next(niact_host *h, niact_game *g, int role, niact_ai_talk *t,
                                niact_ai_move *m) {
    memset(m, 0, sizeof *m);
    if (tell_move(t, m))
        return NIACT_OK;
    if (t->done)
        return NIACT_OK;
    /* First every open proposal waiting for the role's answer, in order. */
    const niact_proposal *p;
    for (; (p = niact_game_proposal(g, role, t->next)); t->next++) {
        if (p->status != NIACT_PROPOSAL_OPEN || !(p->to & (1u << role)) ||
            (p->accepted & (1u << role)))
            continue;
        m->kind = NIACT_AI_MOVE_ANSWER;
        m->id = p->id;
        int accept = -1;
        if (t->personality) {
            niact_status st = niact_host_personality_answer(h, g, t->personality, role, p->id,
                                                            &accept, t->tell, sizeof t->tell);
            if (st != NIACT_OK) {
                memset(m, 0, sizeof *m);
                t->done = 1;
                return st;
            }
            if (t->tell[0])
                t->tell_to = 1u << p->from;
        }
        m->accept = accept >= 0 ? accept : proposal_value(h, g, role, p) > 0;
        t->next++;
        return NIACT_OK;
    }
    if (niact_game_phase(g) == NIACT_PHASE_ENDED) {
        t->done = 1;
        return NIACT_OK;
    }
    /* Then its own: a personality's hook, or the generic routine. */
    if (t->personality && !t->asked) {
        t->asked = 1;
        int n = -1;
        niact_status st = niact_host_personality_propose(h, g, t->personality, role, t->offers,
                                                         NIACT_AI_MAX_OFFERS, &n);
        if (st != NIACT_OK) {
            t->done = 1;
            return st;
        }
        if (n < 0)
            t->personality = NULL; /* nil: the generic routine proposes */
        else
            t->n_offers = n;
    }
    if (t->personality) {
        if (t->next_offer >= t->n_offers) {
            t->done = 1;
            return NIACT_OK;
        }
        const niact_host_offer *o = &t->offers[t->next_offer++];
        m->kind = NIACT_AI_MOVE_PROPOSE;
        m->to = o->to;
        m->public_ = o->public_;
        m->n_terms = o->n_terms;
        for (int k = 0; k < o->n_terms; k++)
            m->terms[k] = (niact_term_item){o->terms[k].term, o->terms[k].giver, o->terms[k].param};
        if (o->text[0]) {
            t->tell_to = o->to;
            snprintf(t->tell, sizeof t->tell, "%s", o->text);
        }
        return NIACT_OK;
    }
    /* At most one proposal of its own a turn. */
    t->done = 1;
    const niact_scenario *sc = niact_game_scenario(g);
    for (int other = 0; other < sc->n_roles; other++) {
        if (other == role)
            continue;
        int n = build_package(h, g, role, other, m->terms);
        if (!n || recently_proposed(g, role, 1u << other, m->terms, n))
            continue;
        m->kind = NIACT_AI_MOVE_PROPOSE;
        m->to = 1u << other;
        m->n_terms = n;
        for (int k = 0; k < n; k++) /* the core picks the giver, as it always has */
            m->terms[k].giver = -1;
        return NIACT_OK;
    }
    memset(m, 0, sizeof *m);
    return NIACT_OK;
}
