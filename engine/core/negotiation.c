/* Negotiation: proposals, answers, agreements, commitments, trust, telegrams. */
#include "game_internal.h"
#include "niact/hash.h"
#include "niact/rules.h"
#include "niact/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t role_mask(const niact_game *g) {
    return (1u << g->sc->n_roles) - 1u;
}

/* NIACT_OK if the game takes negotiation now; else the error (set on the game). */
static niact_status running(niact_game *g) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase == NIACT_PHASE_ENDED)
        return niact_core_fail(g, NIACT_ERR_STATE, NIACT_KIND_STATE, "the game has ended");
    return NIACT_OK;
}

/* A refusal of the request (NIACT_ERR_INVALID), printf-style. */
#define refuse(g, ...) niact_core_fail((g), NIACT_ERR_INVALID, NIACT_KIND_INVALID, __VA_ARGS__)

/* Who may read about a proposal: its parties, or everyone if public. */
static uint32_t audience(const niact_game *g, const niact_proposal *p) {
    return p->public_ ? role_mask(g) : (p->to | (1u << p->from));
}

static int may_see(const niact_game *g, int role, const niact_proposal *p) {
    if (role < 0)
        return g->phase == NIACT_PHASE_ENDED;
    return role < g->sc->n_roles && (audience(g, p) & (1u << role));
}

/* The storage (game_internal.h): proposals and commitments in chunks allocated as they
 * are needed and never moved or freed before the game (a view's pointer stays valid for
 * the game's life; a copy reuses its own chunks), and every role's index of each in one
 * allocation that grows by doubling, so making P proposals costs O(P) in all; a copy
 * copies the entries the game holds, not its room. The room never passes what a game of
 * the scenario can use (niact_scenario_negotiation_bytes). */
static int32_t most_proposals(const niact_game *g) {
    return niact_scenario_max_proposals(g->sc);
}

static size_t n_roles_of(const niact_scenario *sc) {
    return (size_t)(sc->n_roles > 0 ? sc->n_roles : 1);
}

/* At least `need` chunks of `size` bytes in the table *tab (room *cap, *n allocated), the
 * table no larger than `most` entries if need fits in it. */
static niact_status more_chunks(void ***tab, int32_t *n, int32_t *cap, int32_t need,
                                int32_t most, size_t size) {
    if (need > *cap) {
        int64_t c = *cap ? (int64_t)*cap * 2 : 4;
        if (c < need)
            c = need;
        if (c > most && need <= most)
            c = most;
        void **t = realloc(*tab, (size_t)c * sizeof *t);
        if (!t)
            return NIACT_ERR_NOMEM;
        *tab = t;
        *cap = (int32_t)c;
    }
    while (*n < need) {
        void *chunk = malloc(size);
        if (!chunk)
            return NIACT_ERR_NOMEM; /* the chunks had so far stay, unused: nothing changed */
        (*tab)[(*n)++] = chunk;
    }
    return NIACT_OK;
}

/* The indexes' room for cp proposals and cc commitments, the lists kept. */
static niact_status more_index(niact_game *g, int32_t cp, int32_t cc) {
    neg_store *st = &g->store;
    size_t nr = n_roles_of(g->sc);
    int32_t *b = malloc(nr * ((size_t)cp + (size_t)cc) * sizeof *b + 1);
    if (!b)
        return NIACT_ERR_NOMEM;
    int32_t *bc = b + nr * (size_t)cp;
    for (int r = 0; r < g->sc->n_roles; r++) {
        if (g->n_seen_proposals[r])
            memcpy(b + (size_t)r * (size_t)cp, st->seen_proposals + (size_t)r * (size_t)st->cap_proposals,
                   (size_t)g->n_seen_proposals[r] * sizeof *b);
        if (g->n_seen_commitments[r])
            memcpy(bc + (size_t)r * (size_t)cc,
                   st->seen_commitments + (size_t)r * (size_t)st->cap_commitments,
                   (size_t)g->n_seen_commitments[r] * sizeof *b);
    }
    free(st->seen_proposals);
    st->seen_proposals = b;
    st->seen_commitments = bc;
    st->cap_proposals = cp;
    st->cap_commitments = cc;
    return NIACT_OK;
}

static int32_t grown(int32_t cap, int32_t need, int32_t first, int32_t most) {
    if (need <= cap)
        return cap;
    int64_t n = cap ? (int64_t)cap * 2 : first;
    if (n < need)
        n = need;
    if (n > most && need <= most)
        n = most;
    return (int32_t)n;
}

niact_status niact_core_reserve_negotiation(niact_game *g, int32_t proposals,
                                            int32_t commitments) {
    neg_store *st = &g->store;
    if (proposals > INT32_MAX / 2 || commitments > INT32_MAX / 2)
        return NIACT_ERR_NOMEM;
    int32_t most = most_proposals(g), mostc = most * NIACT_MAX_TERMS;
    niact_status s = more_chunks((void ***)&st->pchunk, &st->n_pchunk, &st->cap_pchunk,
                                 (proposals + NIACT_PCHUNK - 1) / NIACT_PCHUNK,
                                 (most + NIACT_PCHUNK - 1) / NIACT_PCHUNK,
                                 NIACT_PCHUNK * sizeof(niact_proposal));
    if (s == NIACT_OK)
        s = more_chunks((void ***)&st->cchunk, &st->n_cchunk, &st->cap_cchunk,
                        (commitments + NIACT_CCHUNK - 1) / NIACT_CCHUNK,
                        (mostc + NIACT_CCHUNK - 1) / NIACT_CCHUNK,
                        NIACT_CCHUNK * sizeof(niact_commitment));
    if (s == NIACT_OK && (proposals > st->cap_proposals || commitments > st->cap_commitments))
        s = more_index(g, grown(st->cap_proposals, proposals, 16, most),
                       grown(st->cap_commitments, commitments, 32, mostc));
    return s;
}

void niact_core_free_negotiation(niact_game *g) {
    neg_store *st = &g->store;
    for (int32_t i = 0; i < st->n_pchunk; i++)
        free(st->pchunk[i]);
    for (int32_t i = 0; i < st->n_cchunk; i++)
        free(st->cchunk[i]);
    free(st->pchunk);
    free(st->cchunk);
    free(st->seen_proposals);
    memset(st, 0, sizeof *st);
}

niact_status niact_core_copy_negotiation(niact_game *dst, const niact_game *src) {
    neg_store *d = &dst->store;
    const neg_store *s = &src->store;
    /* the room first: nothing changes if it cannot be had */
    niact_status st = niact_core_reserve_negotiation(dst, src->n_proposals, src->n_commitments);
    if (st != NIACT_OK)
        return st;
    for (int32_t i = 0; i * NIACT_PCHUNK < src->n_proposals; i++) {
        int32_t n = src->n_proposals - i * NIACT_PCHUNK;
        memcpy(d->pchunk[i], s->pchunk[i],
               (size_t)(n < NIACT_PCHUNK ? n : NIACT_PCHUNK) * sizeof(niact_proposal));
    }
    for (int32_t i = 0; i * NIACT_CCHUNK < src->n_commitments; i++) {
        int32_t n = src->n_commitments - i * NIACT_CCHUNK;
        memcpy(d->cchunk[i], s->cchunk[i],
               (size_t)(n < NIACT_CCHUNK ? n : NIACT_CCHUNK) * sizeof(niact_commitment));
    }
    for (int r = 0; r < src->sc->n_roles; r++) {
        if (src->n_seen_proposals[r])
            memcpy(d->seen_proposals + (size_t)r * (size_t)d->cap_proposals,
                   s->seen_proposals + (size_t)r * (size_t)s->cap_proposals,
                   (size_t)src->n_seen_proposals[r] * sizeof(int32_t));
        if (src->n_seen_commitments[r])
            memcpy(d->seen_commitments + (size_t)r * (size_t)d->cap_commitments,
                   s->seen_commitments + (size_t)r * (size_t)s->cap_commitments,
                   (size_t)src->n_seen_commitments[r] * sizeof(int32_t));
    }
    dst->n_proposals = src->n_proposals;
    dst->n_commitments = src->n_commitments;
    memcpy(dst->n_seen_proposals, src->n_seen_proposals, sizeof dst->n_seen_proposals);
    memcpy(dst->n_seen_commitments, src->n_seen_commitments, sizeof dst->n_seen_commitments);
    return NIACT_OK;
}

static void index_proposal(niact_game *g, int32_t i) {
    uint32_t aud = audience(g, niact_core_proposal(g, i));
    for (int r = 0; r < g->sc->n_roles; r++)
        if (aud & (1u << r))
            g->store.seen_proposals[(size_t)r * (size_t)g->store.cap_proposals +
                                    (size_t)g->n_seen_proposals[r]++] = i;
}

static void index_commitment(niact_game *g, int32_t i) {
    uint32_t aud = audience(g, niact_core_proposal(g, niact_core_commitment(g, i)->agreement - 1));
    for (int r = 0; r < g->sc->n_roles; r++)
        if (aud & (1u << r))
            g->store.seen_commitments[(size_t)r * (size_t)g->store.cap_commitments +
                                      (size_t)g->n_seen_commitments[r]++] = i;
}

/* A proposal by `from` now: counted in its allowance of this turn. */
static void count_made(niact_game *g, int from, int32_t turn) {
    if (g->made_on[from] != turn) {
        g->made_on[from] = turn;
        g->made_turn[from] = 0;
    }
    g->made_turn[from]++;
}

void niact_core_index_negotiation(niact_game *g) {
    memset(g->n_seen_proposals, 0, sizeof g->n_seen_proposals);
    memset(g->n_seen_commitments, 0, sizeof g->n_seen_commitments);
    memset(g->made_turn, 0, sizeof g->made_turn);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        g->made_on[r] = -1;
    for (int i = 0; i < g->n_proposals; i++) {
        index_proposal(g, i);
        const niact_proposal *p = niact_core_proposal(g, i);
        if (p->n_terms > 0 && p->turn == g->turn) /* (a forgotten one holds no terms) */
            count_made(g, p->from, p->turn);
    }
    for (int i = 0; i < g->n_commitments; i++)
        index_commitment(g, i);
}

/* "IL-28s removed (days 30), given by the Soviet Union" into buf. */
static void term_text(const niact_game *g, const niact_term_item *t, char *buf, size_t len) {
    const niact_term_def *d = &g->sc->terms[t->term];
    if (d->has_param)
        snprintf(buf, len, "%s (%s %d; %s)", d->meta.name, d->param_name, t->param,
                 g->sc->roles[t->giver].meta.name);
    else
        snprintf(buf, len, "%s (%s)", d->meta.name, g->sc->roles[t->giver].meta.name);
}

static void terms_text(const niact_game *g, const niact_proposal *p, char *buf, size_t len) {
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < p->n_terms && o + 1 < len; i++) {
        char one[300];
        term_text(g, &p->terms[i], one, sizeof one);
        int n = snprintf(buf + o, len - o, "%s%s", i ? "; " : "", one);
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

static void roles_text(const niact_game *g, uint32_t mask, char *buf, size_t len) {
    size_t o = 0;
    buf[0] = 0;
    for (int r = 0; r < g->sc->n_roles && o + 1 < len; r++)
        if (mask & (1u << r)) {
            int n = snprintf(buf + o, len - o, "%s%s", o ? " and " : "", g->sc->roles[r].meta.name);
            if (n < 0)
                break;
            o += (size_t)n;
        }
}

/* Fills in each term's giver and checks the term may be proposed. */
static niact_status check_terms(niact_game *g, int from, uint32_t parties, int public_,
                                niact_term_item *t, int n, int *at) {
    const niact_scenario *sc = g->sc;
    for (int i = 0; i < n; i++) {
        *at = i; /* the term a refusal is about */
        if (t[i].term < 0 || t[i].term >= sc->n_terms)
            return refuse(g, "no such term");
        const niact_term_def *d = &sc->terms[t[i].term];
        if (d->has_param ? (t[i].param < d->param_min || t[i].param > d->param_max)
                         : t[i].param != 0) {
            if (!d->has_param)
                return refuse(g, "term '%s' takes no parameter", d->meta.id);
            return refuse(g, "term '%s' takes %s from %d to %d", d->meta.id, d->param_name,
                          d->param_min, d->param_max);
        }
        uint32_t can = d->givers & parties;
        if (!can)
            return refuse(g, "no party to this proposal can give '%s'", d->meta.name);
        if (t[i].giver >= 0) { /* the proposer's choice among those who may give it */
            if (t[i].giver >= sc->n_roles || !(parties & (1u << t[i].giver)))
                return refuse(g, "'%s' can be given only by a party to the proposal",
                              d->meta.name);
            if (!(d->givers & (1u << t[i].giver)))
                return refuse(g, "%s cannot give '%s'", sc->roles[t[i].giver].meta.name,
                              d->meta.name);
        } else {
            t[i].giver = (int16_t)((can & (1u << from)) ? from : __builtin_ctz(can));
        }
        int secrecy = d->secrecy;
        if (secrecy == NIACT_SECRECY_PUBLIC && !public_)
            return refuse(g, "'%s' may only be agreed in public", d->meta.name);
        if (secrecy == NIACT_SECRECY_SECRET && public_)
            return refuse(g, "'%s' may only be agreed in secret", d->meta.name);
        for (int j = 0; j < i; j++)
            if (t[j].term == t[i].term)
                return refuse(g, "term '%s' appears twice", d->meta.id);
        int ok = 1;
        if (d->has_legal && g->rules.term_legal) {
            niact_rules_ask(g, 1);
            niact_status st = g->rules.term_legal(g->rules.ud, g, from, parties, public_, &t[i], &ok);
            if (niact_rules_ask(g, 0) > 0 && st == NIACT_OK) { /* a write the rules let by */
                refuse(g, "the scenario's test tried to change the game (questions must not "
                          "change the game)");
                g->error.kind = NIACT_KIND_QUERY;
                niact_error_context(&g->error, "legality test of term '%s'", d->meta.id);
                return NIACT_ERR_INVALID;
            }
            if (st == NIACT_ERR_NOMEM)
                return niact_core_fail(g, st, NIACT_KIND_NOMEM, "out of memory in a term's test");
            if (st != NIACT_OK) { /* the rules' record, with where it ran; the request fails */
                const niact_error *e = g->rules.error ? g->rules.error(g->rules.ud) : NULL;
                if (e && e->kind != NIACT_KIND_NONE)
                    g->error = *e;
                else
                    refuse(g, "the scenario's test failed");
                g->error.status = NIACT_ERR_INVALID;
                niact_error_context(&g->error, "legality test of term '%s'", d->meta.id);
                return NIACT_ERR_INVALID;
            }
        }
        if (!ok) {
            const char *why = g->rules.why ? g->rules.why(g->rules.ud) : NULL;
            if (why && *why)
                return refuse(g, "'%s' cannot be proposed now: %s", d->meta.name, why);
            return refuse(g, "'%s' cannot be proposed now", d->meta.name);
        }
    }
    *at = -1;
    return NIACT_OK;
}

static niact_proposal *find(niact_game *g, int32_t id) {
    return id >= 1 && id <= g->n_proposals ? niact_core_proposal(g, id - 1) : NULL;
}

/* Whether `role` may answer proposal `id` now, and (accepting) whether its agreement
 * would fit; NIACT_OK or the refusal, set on the game. Changes nothing. */
static niact_status check_answer(niact_game *g, int role, int32_t id, int accept) {
    niact_proposal *p = find(g, id);
    if (!p || role < 0 || role >= g->sc->n_roles || !(p->to & (1u << role)))
        return refuse(g, "no proposal #%d addressed to you", (int)id);
    if (p->status != NIACT_PROPOSAL_OPEN)
        return refuse(g, "proposal #%d is no longer open", (int)id);
    if (p->accepted & (1u << role))
        return refuse(g, "you have already accepted proposal #%d", (int)id);
    return NIACT_OK;
}

/* Turns an accepted proposal into commitments (apply_answer made room for them). */
static niact_status agree(niact_game *g, niact_proposal *p) {
    p->status = NIACT_PROPOSAL_AGREED;
    p->agreed_turn = g->turn;
    for (int i = 0; i < p->n_terms; i++) {
        const niact_term_def *d = &g->sc->terms[p->terms[i].term];
        int32_t window = d->window;
        if (d->window_days && d->has_param) /* days, in a calendar of days or hours */
            window = niact_scenario_days_in_turns(g->sc, p->terms[i].param);
        niact_commitment c = {p->id, p->terms[i], g->turn + (window > 0 ? window : 0), -1,
                              NIACT_COMMIT_PENDING};
        *niact_core_commitment(g, g->n_commitments) = c;
        index_commitment(g, g->n_commitments++);
    }
    char buf[300];
    snprintf(buf, sizeof buf, "Proposal #%d is agreed by every party: it is now an agreement.",
             p->id);
    return niact_rules_log(g, audience(g, p), NIACT_LOG_PROPOSAL, buf);
}

/* Applies a checked answer. An allocation failure past the first change breaks the game. */
static niact_status apply_answer(niact_game *g, int role, niact_proposal *p, int accept) {
    if (accept && (p->accepted | (1u << role)) == p->to) { /* room for its commitments */
        int32_t id = p->id;
        if (niact_core_reserve_negotiation(g, g->n_proposals, g->n_commitments + p->n_terms) !=
            NIACT_OK)
            return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
        p = find(g, id);
    }
    char buf[300];
    snprintf(buf, sizeof buf, "%s %s proposal #%d.", g->sc->roles[role].meta.name,
             accept ? "accepts" : "rejects", (int)p->id);
    niact_status st = niact_rules_log(g, audience(g, p), NIACT_LOG_PROPOSAL, buf);
    if (st != NIACT_OK) /* the log changes nothing when it fails */
        return niact_core_fail(g, st, NIACT_KIND_NOMEM, "out of memory");
    if (!accept) {
        p->status = NIACT_PROPOSAL_REJECTED;
        return NIACT_OK;
    }
    p->accepted |= 1u << role;
    if (p->accepted == p->to && agree(g, p) != NIACT_OK)
        return niact_core_break(g, "an agreement");
    return NIACT_OK;
}

/* Every check of niact_game_propose, in its order, on p (the terms copied in, givers
 * filled in); NIACT_OK or the refusal, set on the game; *at the index of the term the
 * refusal is about, -1 if it is about the proposal as a whole. Changes nothing else. */
static niact_status check_propose(niact_game *g, int from, uint32_t to, int public_,
                                  niact_proposal *p, const niact_term_item *terms, int n,
                                  int counter_of, int *at) {
    *at = -1;
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    if (from < 0 || from >= g->sc->n_roles || !(to & role_mask(g)) || (to & ~role_mask(g)) ||
        (to & (1u << from)))
        return refuse(g, "a proposal goes from one role to one or more others");
    if (n < 1 || n > NIACT_MAX_TERMS || !terms)
        return refuse(g, "a proposal has 1 to %d terms", NIACT_MAX_TERMS);
    /* Each seat has its own allowance of a turn, so that no seat can use up the others'
     * and every seat may negotiate to the game's end (the game's storage grows; the cap
     * bounds it: niact_scenario_max_proposals). */
    int this_turn = g->made_on[from] == g->turn ? g->made_turn[from] : 0;
    int32_t cap = niact_scenario_proposals_per_turn(g->sc);
    if (this_turn >= cap)
        return refuse(g, "%s has made %d proposal%s this turn, as many as the scenario allows "
                         "a seat in one turn (%d); it may propose again next turn",
                      g->sc->roles[from].meta.name, this_turn, this_turn == 1 ? "" : "s",
                      (int)cap);
    p->n_terms = n;
    memcpy(p->terms, terms, (size_t)n * sizeof *terms);
    if ((st = check_terms(g, from, to | (1u << from), public_ != 0, p->terms, n, at)) != NIACT_OK)
        return st;
    if (counter_of && (st = check_answer(g, from, counter_of, 0)) != NIACT_OK)
        return st;
    return NIACT_OK;
}

niact_status niact_game_propose(niact_game *g, int from, uint32_t to, int public_,
                                const niact_term_item *terms, int n, int counter_of,
                                int32_t *id) {
    *id = 0;
    niact_proposal p = {0};
    int at;
    niact_status st = check_propose(g, from, to, public_, &p, terms, n, counter_of, &at);
    if (st != NIACT_OK)
        return st;
    /* Everything is checked: from here only an allocation can fail. */
    if (niact_core_reserve_negotiation(g, g->n_proposals + 1, g->n_commitments) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    if (counter_of && (st = apply_answer(g, from, find(g, counter_of), 0)) != NIACT_OK)
        return st;
    p.id = g->n_proposals + 1;
    p.from = (int16_t)from;
    p.counter_of = counter_of;
    p.to = to;
    p.public_ = public_ != 0;
    p.turn = g->turn;
    p.expires = g->turn + g->sc->negotiation.expiry;
    p.agreed_turn = -1;
    char who[200], what[1400], buf[1800];
    roles_text(g, to, who, sizeof who);
    terms_text(g, &p, what, sizeof what);
    if (counter_of)
        snprintf(buf, sizeof buf, "Proposal #%d from %s to %s (countering #%d): %s.", p.id,
                 g->sc->roles[from].meta.name, who, counter_of, what);
    else
        snprintf(buf, sizeof buf, "Proposal #%d from %s to %s%s: %s.", p.id,
                 g->sc->roles[from].meta.name, who, p.public_ ? " (public)" : "", what);
    if (niact_rules_log(g, audience(g, &p), NIACT_LOG_PROPOSAL, buf) != NIACT_OK)
        return counter_of ? niact_core_break(g, "a counter-proposal")
                          : niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    *niact_core_proposal(g, g->n_proposals) = p;
    index_proposal(g, g->n_proposals++);
    count_made(g, from, g->turn);
    *id = p.id;
    return NIACT_OK;
}

niact_status niact_game_answer(niact_game *g, int role, int32_t id, int accept) {
    niact_status st = running(g);
    if (st == NIACT_OK)
        st = check_answer(g, role, id, accept);
    if (st != NIACT_OK)
        return st;
    return apply_answer(g, role, find(g, id), accept);
}

niact_status niact_game_withdraw(niact_game *g, int role, int32_t id) {
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    niact_proposal *p = find(g, id);
    if (!p || p->from != role || p->status != NIACT_PROPOSAL_OPEN)
        return refuse(g, "no open proposal #%d of yours", (int)id);
    char buf[200];
    snprintf(buf, sizeof buf, "%s withdraws proposal #%d.", g->sc->roles[role].meta.name,
             (int)id);
    if (niact_rules_log(g, audience(g, p), NIACT_LOG_PROPOSAL, buf) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    p->status = NIACT_PROPOSAL_WITHDRAWN;
    return NIACT_OK;
}

niact_status niact_game_telegram(niact_game *g, int from, uint32_t to, const char *text) {
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    size_t n = text ? strlen(text) : 0;
    if (from < 0 || from >= g->sc->n_roles || !(to & role_mask(g)) || (to & ~role_mask(g)) ||
        n == 0)
        return refuse(g, "a telegram needs a text and addressees");
    if (to & (1u << from))
        return refuse(g, "a telegram goes to other seats, not to its sender");
    if (n > NIACT_TELEGRAM_MAX)
        return refuse(g, "a telegram is at most %d bytes", NIACT_TELEGRAM_MAX);
    char why[96];
    if (niact_text_check(text, n, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
        /* A seat's text reaches other seats' screens and the record: only plain text
         * (UTF-8, no control characters but line breaks). */
        return refuse(g, "a telegram must be plain text: %s", why);
    char who[200], buf[NIACT_TELEGRAM_MAX + 300];
    roles_text(g, to, who, sizeof who);
    snprintf(buf, sizeof buf, "Telegram from %s to %s: %s", g->sc->roles[from].meta.name, who,
             text);
    if (niact_rules_log(g, to | (1u << from), NIACT_LOG_TELEGRAM, buf) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    return NIACT_OK;
}

const niact_proposal *niact_game_proposal(const niact_game *g, int role, int index) {
    if (index < 0)
        return NULL;
    if (role < 0) /* all of them, once the game has ended */
        return g->phase == NIACT_PHASE_ENDED && index < g->n_proposals
                   ? niact_core_proposal(g, index)
                   : NULL;
    if (role >= g->sc->n_roles || index >= g->n_seen_proposals[role])
        return NULL;
    return niact_core_proposal(
        g, g->store.seen_proposals[(size_t)role * (size_t)g->store.cap_proposals + (size_t)index]);
}

const niact_proposal *niact_game_proposal_by_id(const niact_game *g, int role, int32_t id) {
    const niact_proposal *p = id >= 1 && id <= g->n_proposals ? niact_core_proposal(g, id - 1) : NULL;
    return p && may_see(g, role, p) ? p : NULL;
}

const niact_commitment *niact_game_commitment(const niact_game *g, int role, int index) {
    if (index < 0)
        return NULL;
    if (role < 0)
        return g->phase == NIACT_PHASE_ENDED && index < g->n_commitments
                   ? niact_core_commitment(g, index)
                   : NULL;
    if (role >= g->sc->n_roles || index >= g->n_seen_commitments[role])
        return NULL;
    return niact_core_commitment(g, g->store.seen_commitments[(size_t)role *
                                                                  (size_t)g->store.cap_commitments +
                                                              (size_t)index]);
}

const niact_commitment *niact_rules_commitment(const niact_game *g, int index) {
    return index >= 0 && index < g->n_commitments ? niact_core_commitment(g, index) : NULL;
}

const niact_proposal *niact_rules_proposal(const niact_game *g, int32_t id) {
    return id >= 1 && id <= g->n_proposals ? niact_core_proposal(g, id - 1) : NULL;
}

size_t niact_game_negotiation_bytes(const niact_game *g) {
    const neg_store *st = &g->store;
    size_t nr = n_roles_of(g->sc);
    return (size_t)st->n_pchunk * NIACT_PCHUNK * sizeof(niact_proposal) +
           (size_t)st->n_cchunk * NIACT_CCHUNK * sizeof(niact_commitment) +
           ((size_t)st->cap_pchunk + (size_t)st->cap_cchunk) * sizeof(void *) +
           nr * ((size_t)st->cap_proposals + (size_t)st->cap_commitments) * sizeof(int32_t);
}

size_t niact_scenario_negotiation_bytes(const niact_scenario *sc) {
    size_t most = (size_t)niact_scenario_max_proposals(sc), mostc = most * NIACT_MAX_TERMS;
    size_t pc = (most + NIACT_PCHUNK - 1) / NIACT_PCHUNK, cc = (mostc + NIACT_CCHUNK - 1) / NIACT_CCHUNK;
    return pc * NIACT_PCHUNK * sizeof(niact_proposal) + cc * NIACT_CCHUNK * sizeof(niact_commitment) +
           (pc + cc) * sizeof(void *) + n_roles_of(sc) * (most + mostc) * sizeof(int32_t);
}

int32_t niact_game_trust(const niact_game *g, int role) {
    return role >= 0 && role < g->sc->n_roles ? g->trust[role] : 0;
}

/* At the start of a resolution: the immediate effects of agreements made this turn. */
niact_status niact_core_apply_agreements(niact_game *g) {
    for (int i = 0; i < g->n_proposals; i++) {
        niact_proposal *p = niact_core_proposal(g, i);
        if (p->status != NIACT_PROPOSAL_AGREED || p->agreed_turn != g->turn ||
            !g->rules.term_agreed)
            continue;
        for (int k = 0; k < p->n_terms; k++) {
            char what[160];
            snprintf(what, sizeof what, "term '%s'", g->sc->terms[p->terms[k].term].meta.id);
            niact_mark m;
            niact_core_mark(g, &m);
            niact_status st = niact_core_settle(
                g, &m, g->rules.term_agreed(g->rules.ud, g, p->id, &p->terms[k]), "%s", what);
            if (st != NIACT_OK)
                return st;
        }
    }
    return NIACT_OK;
}

static niact_status settle(niact_game *g, niact_commitment *c, int kept) {
    const niact_proposal *p = niact_core_proposal(g, c->agreement - 1);
    int giver = c->item.giver;
    c->status = kept ? NIACT_COMMIT_KEPT : NIACT_COMMIT_BROKEN;
    c->settled_turn = g->turn;
    int32_t t = g->trust[giver] +
                (kept ? g->sc->negotiation.trust_kept : -g->sc->negotiation.trust_broken);
    g->trust[giver] = t < 0 ? 0 : t > 100 ? 100 : t;
    char what[300], buf[600];
    term_text(g, &c->item, what, sizeof what);
    snprintf(buf, sizeof buf, "%s %s its commitment under agreement #%d: %s. Its trust is now %d.",
             g->sc->roles[giver].meta.name, kept ? "kept" : "BROKE", c->agreement, what,
             g->trust[giver]);
    if (niact_rules_log(g, audience(g, p), NIACT_LOG_PROPOSAL, buf) != NIACT_OK)
        return niact_core_break(g, "a commitment's settlement");
    if (!g->rules.term_settled)
        return NIACT_OK;
    niact_mark m;
    niact_core_mark(g, &m);
    snprintf(what, sizeof what, "term '%s' (settled)", g->sc->terms[c->item.term].meta.id);
    return niact_core_settle(g, &m, g->rules.term_settled(g->rules.ud, g, c), "%s", what);
}

/* After the turn-end rules: each open commitment is judged; open ones past their
 * deadline are broken; proposals not answered in time expire. */
niact_status niact_core_judge_commitments(niact_game *g) {
    for (int i = 0; i < g->n_commitments; i++) {
        niact_commitment *c = niact_core_commitment(g, i);
        if (c->status != NIACT_COMMIT_PENDING)
            continue;
        int verdict = 0;
        if (g->sc->terms[c->item.term].has_check && g->rules.term_check) {
            char what[160];
            snprintf(what, sizeof what, "term '%s' (check)", g->sc->terms[c->item.term].meta.id);
            niact_mark m;
            niact_core_mark(g, &m);
            niact_status st = niact_core_settle(
                g, &m, g->rules.term_check(g->rules.ud, g, c, &verdict), "%s", what);
            if (st != NIACT_OK)
                return st;
        }
        if (verdict == 0 && g->turn >= c->deadline)
            verdict = -1;
        if (verdict != 0) {
            niact_status st = settle(g, c, verdict > 0);
            if (st != NIACT_OK)
                return st;
        }
    }
    for (int i = 0; i < g->n_proposals; i++) {
        niact_proposal *p = niact_core_proposal(g, i);
        if (p->status == NIACT_PROPOSAL_OPEN && p->expires <= g->turn)
            p->status = NIACT_PROPOSAL_EXPIRED;
    }
    return NIACT_OK;
}

uint64_t niact_core_hash_negotiation(const niact_game *g, uint64_t h) {
    h = niact_hash_i32s(h, g->trust, NIACT_MAX_ROLES);
    h = niact_hash_u64(h, ((uint64_t)g->n_proposals << 32) | (uint32_t)g->n_commitments);
    for (int i = 0; i < g->n_proposals; i++) {
        const niact_proposal *p = niact_core_proposal(g, i);
        int32_t v[10] = {p->id, p->from, p->counter_of, (int32_t)p->to, (int32_t)p->accepted,
                         p->public_, p->turn, p->expires, p->agreed_turn, (int32_t)p->status};
        h = niact_hash_i32s(h, v, 10);
        for (int k = 0; k < p->n_terms; k++) {
            int32_t t[3] = {p->terms[k].term, p->terms[k].giver, p->terms[k].param};
            h = niact_hash_i32s(h, t, 3);
        }
    }
    for (int i = 0; i < g->n_commitments; i++) {
        const niact_commitment *c = niact_core_commitment(g, i);
        int32_t v[7] = {c->agreement, c->item.term, c->item.giver, c->item.param, c->deadline,
                        c->settled_turn, (int32_t)c->status};
        h = niact_hash_i32s(h, v, 7);
    }
    return h;
}

niact_status niact_game_terms_legal(niact_game *g, int from, uint32_t to, int public_,
                                    const niact_term_item *terms, int n, int *ok) {
    *ok = 0;
    if (g->broken || g->phase == NIACT_PHASE_ENDED || from < 0 || from >= g->sc->n_roles ||
        !(to & role_mask(g)) || (to & ~role_mask(g)) || (to & (1u << from)) || n < 1 ||
        n > NIACT_MAX_TERMS || !terms)
        return NIACT_OK;
    niact_term_item copy[NIACT_MAX_TERMS];
    memcpy(copy, terms, (size_t)n * sizeof *copy);
    niact_error saved; /* a question: the game's last error stays as it was */
    niact_error_copy(&saved, &g->error);
    g->mute = 1; /* so its refusal's reason, thrown away below, is not formatted */
    int at;
    niact_status st = check_terms(g, from, to | (1u << from), public_ != 0, copy, n, &at);
    g->mute = 0;
    niact_error_copy(&g->error, &saved);
    if (st == NIACT_OK)
        *ok = 1;
    return st == NIACT_ERR_INVALID ? NIACT_OK : st;
}

int niact_game_propose_check(niact_game *g, int from, uint32_t to, int public_,
                             const niact_term_item *terms, int n, int counter_of, int *term,
                             char *why, size_t len) {
    int at = -1;
    if (why && len)
        why[0] = 0;
    niact_proposal p = {0};
    niact_error saved; /* a question: the game's last error stays as it was */
    niact_error_copy(&saved, &g->error);
    int was = g->mute;
    g->mute = 0; /* its reason is read */
    niact_status st = check_propose(g, from, to, public_, &p, terms, n, counter_of, &at);
    g->mute = was;
    if (st != NIACT_OK && why && len)
        snprintf(why, len, "%s", g->error.reason[0] ? g->error.reason : "refused");
    niact_error_copy(&g->error, &saved);
    if (term)
        *term = st == NIACT_OK ? -1 : at;
    return st == NIACT_OK;
}
