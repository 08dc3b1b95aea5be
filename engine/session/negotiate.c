/* Negotiation through the session: inputs kept for records, and the AI's side of it. */
#include "session_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static niact_status keep(niact_session *s, const niact_input *in) {
    if (s->n_neg == s->cap_neg) {
        size_t cap = s->cap_neg ? s->cap_neg * 2 : 16;
        niact_input *n = realloc(s->neg, cap * sizeof *n);
        if (!n)
            return NIACT_ERR_NOMEM;
        s->neg = n;
        s->cap_neg = cap;
    }
    s->neg[s->n_neg] = *in;
    s->neg[s->n_neg].turn = niact_game_turn(s->game);
    if (in->text && !(s->neg[s->n_neg].text = strdup(in->text)))
        return NIACT_ERR_NOMEM;
    s->n_neg++;
    return NIACT_OK;
}

static niact_status failed(niact_session *s, niact_status st) {
    snprintf(s->err, sizeof s->err, "%s", niact_game_error(s->game));
    return st;
}

niact_status niact_session_propose(niact_session *s, int from, uint32_t to, int public_,
                                   const niact_term_item *terms, int n, int counter_of,
                                   int32_t *id) {
    niact_status st = niact_game_propose(s->game, from, to, public_, terms, n, counter_of, id);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_PROPOSE, .role = (int16_t)from, .to = to,
                      .public_ = public_ != 0, .id = counter_of, .n_terms = n};
    memcpy(in.terms, terms, (size_t)n * sizeof *terms);
    return keep(s, &in);
}

niact_status niact_session_answer(niact_session *s, int role, int32_t id, int accept) {
    niact_status st = niact_game_answer(s->game, role, id, accept);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_ANSWER, .role = (int16_t)role, .id = id,
                      .accept = accept != 0};
    return keep(s, &in);
}

niact_status niact_session_withdraw(niact_session *s, int role, int32_t id) {
    niact_status st = niact_game_withdraw(s->game, role, id);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_WITHDRAW, .role = (int16_t)role, .id = id};
    return keep(s, &in);
}

niact_status niact_session_telegram(niact_session *s, int from, uint32_t to, const char *text) {
    /* A game's telegrams are bounded so that its record stays loadable (docs/records.md,
     * "Limits"); a replay meets the same bound at the same telegram. */
    size_t n = strlen(text);
    if (s->n_telegrams >= NIACT_SESSION_MAX_TELEGRAMS ||
        n > NIACT_SESSION_TELEGRAM_BYTES - s->telegram_bytes) {
        snprintf(s->err, sizeof s->err, "this game has used up its telegrams (at most %d "
                 "telegrams and %d bytes of telegram text a game; %zu sent, %zu bytes)",
                 NIACT_SESSION_MAX_TELEGRAMS, NIACT_SESSION_TELEGRAM_BYTES, s->n_telegrams,
                 s->telegram_bytes);
        return NIACT_ERR_INVALID;
    }
    niact_status st = niact_game_telegram(s->game, from, to, text);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_TELEGRAM, .role = (int16_t)from, .to = to,
                      .text = (char *)text};
    st = keep(s, &in);
    if (st == NIACT_OK) {
        s->n_telegrams++;
        s->telegram_bytes += n;
    }
    return st;
}

size_t niact_session_input_count(const niact_session *s) {
    return s->n_neg;
}

const niact_input *niact_session_input_at(const niact_session *s, size_t i) {
    return i < s->n_neg ? &s->neg[i] : NULL;
}

niact_status niact_session_apply(niact_session *s, const niact_input *in) {
    int32_t id;
    switch (in->kind) {
    case NIACT_INPUT_PROPOSE:
        return niact_session_propose(s, in->role, in->to, in->public_, in->terms, in->n_terms,
                                     in->id, &id);
    case NIACT_INPUT_ANSWER: return niact_session_answer(s, in->role, in->id, in->accept);
    case NIACT_INPUT_WITHDRAW: return niact_session_withdraw(s, in->role, in->id);
    case NIACT_INPUT_TELEGRAM:
        return niact_session_telegram(s, in->role, in->to, in->text ? in->text : "");
    }
    snprintf(s->err, sizeof s->err, "unknown kind of input");
    return NIACT_ERR_INVALID;
}

/* ---- the AI's negotiation ---- */

/* The value to `role` of a term, judged from `role`'s own knowledge; 0 on error. */
static double value_of(niact_session *s, int role, int judged_for, const niact_term_item *t) {
    double v = 0;
    if (niact_host_term_value(s->host, s->game, role, judged_for, t, &v) != NIACT_OK)
        return 0;
    return v;
}

/* What a proposal is worth to `role`: promises of others are discounted by their trust,
 * since a promise is only as good as the one who makes it. */
static double proposal_value(niact_session *s, int role, const niact_proposal *p) {
    double sum = 0;
    for (int i = 0; i < p->n_terms; i++) {
        double v = value_of(s, role, role, &p->terms[i]);
        if (v > 0 && p->terms[i].giver != role)
            v *= niact_game_trust(s->game, p->terms[i].giver) / 100.0 + 0.5;
        sum += v;
    }
    return sum;
}

static niact_status answer_all(niact_session *s, int role) {
    const niact_proposal *p;
    for (int i = 0; (p = niact_game_proposal(s->game, role, i)); i++) {
        if (p->status != NIACT_PROPOSAL_OPEN || !(p->to & (1u << role)) ||
            (p->accepted & (1u << role)))
            continue;
        int32_t id = p->id;
        niact_status st = niact_session_answer(s, role, id, proposal_value(s, role, p) > 0);
        if (st == NIACT_ERR_NOMEM)
            return st;
    }
    return NIACT_OK;
}

/* Whether the role made a proposal with these terms to `to` in the last two turns. */
static int recently_proposed(niact_session *s, int role, uint32_t to, const niact_term_item *t,
                             int n) {
    const niact_proposal *p;
    for (int i = 0; (p = niact_game_proposal(s->game, role, i)); i++) {
        if (p->from != role || p->to != to || p->n_terms != n ||
            p->turn + 2 < niact_game_turn(s->game))
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
static int build_package(niact_session *s, int role, int other, niact_term_item *pkg) {
    const niact_scenario *sc = niact_session_scenario(s);
    int want = -1;
    double best = 0;
    for (int t = 0; t < sc->n_terms; t++) {
        if (!(sc->terms[t].givers & (1u << other)))
            continue;
        niact_term_item it = {(int16_t)t, (int16_t)other, sc->terms[t].param_default};
        double v = value_of(s, role, role, &it);
        if (v > best) {
            best = v;
            want = t;
        }
    }
    if (want < 0)
        return 0;
    int n = 1;
    pkg[0] = (niact_term_item){(int16_t)want, (int16_t)other, sc->terms[want].param_default};
    double mine = best, theirs = value_of(s, role, other, &pkg[0]);
    for (int t = 0; t < sc->n_terms && theirs <= 0 && n < NIACT_MAX_TERMS; t++) {
        if (t == want || !(sc->terms[t].givers & (1u << role)))
            continue;
        niact_term_item it = {(int16_t)t, (int16_t)role, sc->terms[t].param_default};
        double cost = value_of(s, role, role, &it), gain = value_of(s, role, other, &it);
        if (gain <= 0 || mine + cost <= 0)
            continue;
        pkg[n++] = it;
        mine += cost;
        theirs += gain;
    }
    return mine > 0 && theirs > 0 ? n : 0;
}

niact_status niact_session_ai_negotiate(niact_session *s, int role) {
    niact_status st = answer_all(s, role);
    if (st != NIACT_OK || niact_game_phase(s->game) == NIACT_PHASE_ENDED)
        return st;
    const niact_scenario *sc = niact_session_scenario(s);
    for (int other = 0; other < sc->n_roles; other++) {
        if (other == role)
            continue;
        niact_term_item pkg[NIACT_MAX_TERMS];
        int n = build_package(s, role, other, pkg);
        if (!n || recently_proposed(s, role, 1u << other, pkg, n))
            continue;
        int32_t id;
        st = niact_session_propose(s, role, 1u << other, 0, pkg, n, 0, &id);
        if (st == NIACT_ERR_NOMEM)
            return st;
        return NIACT_OK; /* one proposal a turn */
    }
    return NIACT_OK;
}
