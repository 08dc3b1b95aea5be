/* The AI's negotiation, for any scenario (docs/ai.md, "Negotiation"). The scenario's
 * `value` function, run in the deciding seat's read-only view, prices each term for a
 * role; what another seat promises is discounted by its record as the deciding seat has
 * seen it (kept and broken commitments). The AI accepts proposals worth more than zero
 * to it, counters the ones it refuses with a package both sides gain from (and says why
 * in a telegram made of the terms' declared names), and proposes packages that leave
 * both sides better off. It never holds two agreements on the same term, promises only
 * what its record says it can deliver, and stops answering a proposer who keeps sending
 * variants of refused packages. It decides one move at a time and changes nothing: the
 * session carries each move out (and keeps it for records), then asks for the next.
 * Everything it reads is the seat's: its view of proposals and commitments, trust
 * (public), and `value` run in its view. */
#include "ai_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value to `judged_for` of a term, judged from `role`'s knowledge; 0 on error. */
static double value_of(niact_host *h, niact_game *g, int role, int judged_for,
                       const niact_term_item *t) {
    double v = 0;
    if (niact_host_term_value(h, g, role, judged_for, t, &v) != NIACT_OK)
        return 0;
    return v;
}

/* Kept and broken commitments of `giver` that `role` may see (term -1: every term). */
static void record_of(const niact_game *g, int role, int giver, int term, int *kept,
                      int *broken) {
    *kept = *broken = 0;
    const niact_commitment *c;
    for (int i = 0; (c = niact_game_commitment(g, role, i)); i++) {
        if (c->item.giver != giver || (term >= 0 && c->item.term != term))
            continue;
        *kept += c->status == NIACT_COMMIT_KEPT;
        *broken += c->status == NIACT_COMMIT_BROKEN;
    }
}

double ai_promise_share(const niact_game *g, int role, int giver) {
    if (giver == role)
        return 1;
    int kept, broken;
    record_of(g, role, giver, -1, &kept, &broken);
    /* the record: every break weighs as two keeps; no history counts in full */
    double share = (kept + 1.0) / (kept + 2.0 * broken + 1.0);
    /* the scenario's ai_trust, linear in the giver's trust, but never a premium */
    const niact_negotiation_def *n = &niact_game_scenario(g)->negotiation;
    double t = n->ai_trust_at_0 / 100.0 + (n->ai_trust_at_100 - n->ai_trust_at_0) / 100.0 *
                                              niact_game_trust(g, giver) / 100.0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return share * t;
}

static int has_role(const niact_proposal *p, int role) {
    return ((p->to | (1u << p->from)) >> role) & 1u;
}

/* ---- one move's judgements, each worked out once ----
 *
 * The game does not change while the seat decides a move, so a term's value to a role,
 * a single term's legality, what the role holds or cannot deliver and a giver's
 * discount are the same each time they are asked; and the routines below ask them for
 * every term, for every package they try (four packages a partner, each gift added,
 * each counter strategy). A move (`mv`) keeps each answer the first time it is asked
 * (scenario functions keep no state of their own: docs/modding.md, so asking again
 * could only give the same answer), and reads the role's commitments once for every
 * term instead of once per term asked. A move then costs about one `value` call per
 * term and role it needs, and nothing in it is terms x commitments. Without memory for
 * it (mv_start failed) everything is asked afresh, with the same answers. */
#define WANT_MAX 256 /* build_package's list of wanted terms per partner */

typedef struct mv {
    niact_host *h;
    niact_game *g;
    int role, n_roles, n_terms;
    double *val;     /* [(for_ * n_roles + giver) * n_terms + term], at the default param */
    uint8_t *known;  /* same index: val holds it */
    uint8_t *legal;  /* [((other * 2 + public_) * n_roles + giver) * n_terms + term]:
                        0 not asked, 1 refused, 2 legal (the default param, alone) */
    uint8_t *held;   /* [term]: party to an open commitment on it */
    uint8_t *broke;  /* [term]: broke it (as giver) more often than it kept it */
    double share[NIACT_MAX_ROLES]; /* ai_promise_share per giver, < 0 not asked */
    int n_want[NIACT_MAX_ROLES];   /* build_package's list per partner, -1 not made */
    int *want_ids;                 /* [n_roles * WANT_MAX] */
    double *want_vals;             /* [n_roles * WANT_MAX] */
} mv;

static void mv_end(mv *m) {
    free(m->val);
    free(m->known);
    free(m->legal);
    free(m->held);
    free(m->broke);
    free(m->want_ids);
    free(m->want_vals);
    m->val = NULL;
    m->known = m->legal = m->held = m->broke = NULL;
    m->want_ids = NULL;
    m->want_vals = NULL;
}

static void mv_start(mv *m, niact_host *h, niact_game *g, int role) {
    const niact_scenario *sc = niact_game_scenario(g);
    memset(m, 0, sizeof *m);
    m->h = h;
    m->g = g;
    m->role = role;
    m->n_roles = sc->n_roles;
    m->n_terms = sc->n_terms;
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        m->share[r] = -1;
        m->n_want[r] = -1;
    }
    size_t R = (size_t)m->n_roles, T = (size_t)(m->n_terms > 0 ? m->n_terms : 1);
    m->val = malloc(R * R * T * sizeof *m->val);
    m->known = calloc(R * R * T, 1);
    m->legal = calloc(R * 2 * R * T, 1);
    m->held = calloc(T, 1);
    m->broke = calloc(T, 1);
    m->want_ids = malloc(R * WANT_MAX * sizeof *m->want_ids);
    m->want_vals = malloc(R * WANT_MAX * sizeof *m->want_vals);
    int32_t *kept = calloc(T, sizeof *kept), *broken = calloc(T, sizeof *broken);
    if (!m->val || !m->known || !m->legal || !m->held || !m->broke || !m->want_ids ||
        !m->want_vals || !kept || !broken) {
        free(kept);
        free(broken);
        mv_end(m);
        return; /* everything asked afresh */
    }
    /* the role's commitments, once: what it holds, what it kept and broke */
    const niact_commitment *c;
    for (int i = 0; (c = niact_game_commitment(g, role, i)); i++) {
        int term = c->item.term;
        if (term < 0 || term >= m->n_terms)
            continue;
        if (c->status == NIACT_COMMIT_PENDING && !m->held[term]) {
            const niact_proposal *p = niact_game_proposal_by_id(g, role, c->agreement);
            m->held[term] = p && has_role(p, role);
        }
        if (c->item.giver == role) {
            kept[term] += c->status == NIACT_COMMIT_KEPT;
            broken[term] += c->status == NIACT_COMMIT_BROKEN;
        }
    }
    for (int t = 0; t < m->n_terms; t++)
        m->broke[t] = broken[t] > kept[t];
    free(kept);
    free(broken);
}

/* Whether the role is party to an open commitment on `term` (any giver). */
static int holds_term(const niact_game *g, int role, int term) {
    const niact_commitment *c;
    for (int i = 0; (c = niact_game_commitment(g, role, i)); i++) {
        if (c->status != NIACT_COMMIT_PENDING || c->item.term != term)
            continue;
        const niact_proposal *p = niact_game_proposal_by_id(g, role, c->agreement);
        if (p && has_role(p, role))
            return 1;
    }
    return 0;
}

static int mv_holds(const mv *m, int term) {
    if (m->held && term >= 0 && term < m->n_terms)
        return m->held[term];
    return holds_term(m->g, m->role, term);
}

/* Whether the role can deliver a term it would give: not when it has broken that term
 * more often than it kept it. */
static int mv_deliverable(const mv *m, int term) {
    if (m->broke && term >= 0 && term < m->n_terms)
        return !m->broke[term];
    int kept, broken;
    record_of(m->g, m->role, m->role, term, &kept, &broken);
    return broken <= kept;
}

/* The index of a term item in the move's tables, or -1 (not at its default parameter,
 * or out of range: asked afresh). `any_param`: a term without a parameter has the same
 * value whatever its param field (value is called with nil). */
static long mv_index(const mv *m, int a, int giver, const niact_term_item *t, int any_param) {
    if (!m->known || t->term < 0 || t->term >= m->n_terms || giver < 0 ||
        giver >= m->n_roles || a < 0 || a >= m->n_roles)
        return -1;
    const niact_term_def *d = &niact_game_scenario(m->g)->terms[t->term];
    if (t->param != d->param_default && !(any_param && !d->has_param))
        return -1;
    return ((long)a * m->n_roles + giver) * m->n_terms + t->term;
}

/* value_of(h, g, role, for_, t), asked once a move. */
static double mv_value(mv *m, int for_, const niact_term_item *t) {
    long i = mv_index(m, for_, t->giver, t, 1);
    if (i < 0)
        return value_of(m->h, m->g, m->role, for_, t);
    if (!m->known[i]) {
        m->val[i] = value_of(m->h, m->g, m->role, for_, t);
        m->known[i] = 1;
    }
    return m->val[i];
}

/* The value of a term to `for_` (judged from the role's knowledge); a positive value
 * given by someone else is discounted by the giver's record as the role sees it. */
static double mv_priced(mv *m, int for_, const niact_term_item *t) {
    double v = mv_value(m, for_, t);
    if (v > 0 && t->giver != for_) {
        if (t->giver >= 0 && t->giver < NIACT_MAX_ROLES) {
            if (m->share[t->giver] < 0)
                m->share[t->giver] = ai_promise_share(m->g, m->role, t->giver);
            v *= m->share[t->giver];
        } else
            v *= ai_promise_share(m->g, m->role, t->giver);
    }
    return v;
}

/* Whether the role may propose these terms to `other` now (the game's own checks). */
static int may_propose(niact_game *g, int role, int other, int public_,
                       const niact_term_item *t, int n) {
    int ok = 0;
    return niact_game_terms_legal(g, role, 1u << other, public_, t, n, &ok) == NIACT_OK && ok;
}

/* may_propose of one term, asked once a move. */
static int mv_may_propose1(mv *m, int other, int public_, const niact_term_item *it) {
    if (mv_index(m, other, it->giver, it, 0) < 0)
        return may_propose(m->g, m->role, other, public_, it, 1);
    long i = (((long)other * 2 + (public_ != 0)) * m->n_roles + it->giver) * m->n_terms +
             it->term;
    if (!m->legal[i])
        m->legal[i] = may_propose(m->g, m->role, other, public_, it, 1) ? 2 : 1;
    return m->legal[i] == 2;
}

static int in_package(const niact_term_item *t, int n, int term) {
    for (int i = 0; i < n; i++)
        if (t[i].term == term)
            return 1;
    return 0;
}

/* The same terms (ids, givers and parameters), in any order. */
static int same_terms(const niact_term_item *a, int na, const niact_term_item *b, int nb) {
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++) {
        int found = 0;
        for (int k = 0; k < nb && !found; k++)
            found = a[i].term == b[k].term && a[i].param == b[k].param &&
                    (a[i].giver < 0 || b[k].giver < 0 || a[i].giver == b[k].giver);
        if (!found)
            return 0;
    }
    return 1;
}

/* Near-variants: the same term ids but at most one more or fewer (parameters and givers
 * aside). */
static int near_variant(const niact_term_item *a, int na, const niact_term_item *b, int nb) {
    int diff = 0;
    for (int i = 0; i < na; i++)
        diff += !in_package(b, nb, a[i].term);
    for (int i = 0; i < nb; i++)
        diff += !in_package(a, na, b[i].term);
    return diff <= 1 && na > 0 && nb > 0;
}

/* Earlier proposals from `from` to `role` (this game) that were refused and are
 * near-variants of p. */
static int refused_variants(const niact_game *g, int role, const niact_proposal *p) {
    const niact_proposal *q;
    int n = 0;
    for (int i = 0; (q = niact_game_proposal(g, role, i)); i++)
        if (q->id != p->id && q->from == p->from && (q->to & (1u << role)) &&
            q->status == NIACT_PROPOSAL_REJECTED &&
            near_variant(q->terms, q->n_terms, p->terms, p->n_terms))
            n++;
    return n;
}

/* Whether `partner` broke a term of an agreement with `role` made of these terms. */
static int partner_broke(const niact_game *g, int role, int partner, const niact_term_item *t,
                         int n) {
    const niact_commitment *c;
    for (int i = 0; (c = niact_game_commitment(g, role, i)); i++) {
        if (c->status != NIACT_COMMIT_BROKEN || c->item.giver != partner)
            continue;
        const niact_proposal *p = niact_game_proposal_by_id(g, role, c->agreement);
        if (p && has_role(p, role) && near_variant(p->terms, p->n_terms, t, n) &&
            in_package(t, n, c->item.term))
            return 1;
    }
    return 0;
}

/* Whether the role proposed these terms to `to` in the last two turns, or has an open
 * proposal to it. */
static int recently_proposed(const niact_game *g, int role, uint32_t to,
                             const niact_term_item *t, int n) {
    const niact_proposal *p;
    for (int i = 0; (p = niact_game_proposal(g, role, i)); i++) {
        if (p->from != role || p->to != to)
            continue;
        if (p->status == NIACT_PROPOSAL_OPEN)
            return 1;
        if (p->turn + 2 >= niact_game_turn(g) && same_terms(p->terms, p->n_terms, t, n))
            return 1;
    }
    return 0;
}

static int tried(const niact_ai_talk *t, uint32_t to, const niact_term_item *terms, int n) {
    for (int i = 0; i < t->n_tried; i++)
        if (t->tried[i].to == to && same_terms(t->tried[i].terms, t->tried[i].n_terms, terms, n))
            return 1;
    return 0;
}

static void remember(niact_ai_talk *t, uint32_t to, const niact_term_item *terms, int n) {
    if (t->n_tried >= NIACT_AI_MAX_TRIED)
        return;
    niact_ai_package *p = &t->tried[t->n_tried++];
    p->to = to;
    p->n_terms = n;
    memcpy(p->terms, terms, (size_t)n * sizeof *terms);
}

/* ---- words: every telegram is made of the scenario's declared names ---- */

/* A term's name as it reads inside a sentence: the first letter lowered unless the
 * name starts with an abbreviation ("UN", "IL-28s", "SAMs"); with its parameter. */
static void term_words(const niact_scenario *sc, const niact_term_item *t, char *buf,
                       size_t len) {
    const niact_term_def *d = &sc->terms[t->term];
    const char *nm = d->meta.name;
    char first = nm[0];
    if (first >= 'A' && first <= 'Z' && nm[1] >= 'a' && nm[1] <= 'z')
        first = (char)(first - 'A' + 'a');
    if (d->has_param)
        snprintf(buf, len, "%c%s (%s %d)", first, nm[0] ? nm + 1 : "", d->param_name,
                 (int)t->param);
    else
        snprintf(buf, len, "%c%s", first, nm[0] ? nm + 1 : "");
}

/* "a", "a and b", "a, b and c" of the terms marked in `which`. */
static void list_words(const niact_scenario *sc, const niact_term_item *t, int n,
                       const int *which, char *buf, size_t len) {
    int total = 0, k = 0;
    for (int i = 0; i < n; i++)
        total += which[i] != 0;
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < n && o + 1 < len; i++) {
        if (!which[i])
            continue;
        char one[300];
        term_words(sc, &t[i], one, sizeof one);
        int w = snprintf(buf + o, len - o, "%s%s", k == 0 ? "" : k == total - 1 ? " and " : ", ",
                         one);
        if (w < 0)
            break;
        o += (size_t)w < len - o ? (size_t)w : len - o - 1;
        k++;
    }
}

/* ---- judging a package ---- */

typedef struct judged {
    double mine, theirs; /* the package's worth to the role and to its partner */
    double each[NIACT_MAX_TERMS]; /* each term's worth to the role */
} judged;

static judged judge(mv *m, int other, const niact_term_item *t, int n) {
    judged j;
    memset(&j, 0, sizeof j);
    for (int i = 0; i < n; i++) {
        j.each[i] = mv_priced(m, m->role, &t[i]);
        j.mine += j.each[i];
        j.theirs += mv_priced(m, other, &t[i]);
    }
    return j;
}

/* Why a proposal must be refused whatever its worth (overlap, delivery, variants), as a
 * sentence; "" if none. */
static void hard_refusal(const mv *m, const niact_proposal *p, char *why, size_t len) {
    const niact_game *g = m->g;
    int role = m->role;
    const niact_scenario *sc = niact_game_scenario(g);
    const char *me = sc->roles[role].meta.name;
    int mark[NIACT_MAX_TERMS] = {0}, any = 0;
    char list[900];
    why[0] = 0;
    if (refused_variants(g, role, p) >= 2) {
        snprintf(why, len, "%s has refused these terms twice already and will not discuss "
                           "them again.", me);
        return;
    }
    for (int i = 0; i < p->n_terms; i++)
        any |= mark[i] = mv_holds(m, p->terms[i].term);
    if (any) {
        list_words(sc, p->terms, p->n_terms, mark, list, sizeof list);
        snprintf(why, len, "%s has already agreed to %s; it does not agree to it twice.", me,
                 list);
        return;
    }
    for (int i = 0; i < p->n_terms; i++)
        any |= mark[i] = p->terms[i].giver == role && !mv_deliverable(m, p->terms[i].term);
    if (any) {
        list_words(sc, p->terms, p->n_terms, mark, list, sizeof list);
        snprintf(why, len, "%s cannot deliver %s: it did not the last time.", me, list);
    }
}

/* A package that can be offered to `other`: not held, deliverable, not recent, not one
 * the partner broke, not tried this turn. */
static int offerable(mv *m, int other, int public_, const niact_ai_talk *t,
                     const niact_term_item *terms, int n) {
    niact_game *g = m->g;
    int role = m->role;
    if (n < 1)
        return 0;
    for (int i = 0; i < n; i++)
        if (mv_holds(m, terms[i].term) ||
            (terms[i].giver == role && !mv_deliverable(m, terms[i].term)))
            return 0;
    return !recently_proposed(g, role, 1u << other, terms, n) &&
           !partner_broke(g, role, other, terms, n) && !tried(t, 1u << other, terms, n) &&
           may_propose(g, role, other, public_, terms, n);
}

/* Adds what the role can give that `other` values, cheapest for the role first, until
 * `other` gains (while the role still does). Returns the new count. */
static int add_gifts(mv *m, int other, int public_, int exclude, niact_term_item *pkg, int n,
                     judged *j, int *added, int searched) {
    const niact_scenario *sc = niact_game_scenario(m->g);
    int role = m->role;
    while (j->theirs <= 0 && n < NIACT_MAX_TERMS) {
        int best = -1;
        double best_cost = -1e300, best_gain = 0;
        for (int t = 0; t < sc->n_terms; t++) {
            if (t == exclude || in_package(pkg, n, t) || !(sc->terms[t].givers & (1u << role)) ||
                mv_holds(m, t) || !mv_deliverable(m, t))
                continue;
            niact_term_item it = {(int16_t)t, (int16_t)role, sc->terms[t].param_default};
            double cost = mv_value(m, role, &it), gain = mv_value(m, other, &it);
            /* a seat with a search gives even past what the values say it gains: its
             * playouts judge the package (build_counter) */
            if (gain <= 0 || (!searched && j->mine + cost <= 0) || cost <= best_cost ||
                !mv_may_propose1(m, other, public_, &it))
                continue;
            best = t;
            best_cost = cost;
            best_gain = gain;
        }
        if (best < 0)
            break;
        pkg[n] = (niact_term_item){(int16_t)best, (int16_t)role, sc->terms[best].param_default};
        j->each[n] = best_cost;
        added[n] = 1;
        n++;
        j->mine += best_cost;
        j->theirs += best_gain;
    }
    return n;
}

/* The term the role wants most from `other` (not in the package, not held), or -1. */
static int best_ask(mv *m, int other, int public_, const niact_term_item *pkg, int n,
                    niact_term_item *out, double *mine, double *theirs) {
    const niact_scenario *sc = niact_game_scenario(m->g);
    int role = m->role;
    int want = -1;
    double best = 0;
    for (int t = 0; t < sc->n_terms; t++) {
        if (!(sc->terms[t].givers & (1u << other)) || in_package(pkg, n, t) ||
            mv_holds(m, t))
            continue;
        niact_term_item it = {(int16_t)t, (int16_t)other, sc->terms[t].param_default};
        double v = mv_priced(m, role, &it);
        if (v > best && mv_may_propose1(m, other, public_, &it)) {
            best = v;
            want = t;
            *out = it;
        }
    }
    if (want >= 0) {
        *mine = best;
        *theirs = mv_value(m, other, out);
    }
    return want;
}

/* Whether the seat's personality would accept package pkg had the partner proposed it
 * (its `answer` hook says true or nil): a counter never holds terms the seat's own hook
 * refuses (the historical US countering with the formal pledge it had just refused). A
 * hook that fails allows nothing. */
static int own_hook_allows(niact_host *h, niact_game *g, int role, const niact_proposal *p,
                           const niact_ai_talk *t, const niact_term_item *pkg, int n) {
    if (!t->personality)
        return 1;
    niact_proposal q;
    memset(&q, 0, sizeof q);
    q.id = 0;
    q.from = p->from;
    q.counter_of = (int16_t)p->id;
    q.to = 1u << role;
    q.public_ = p->public_;
    q.turn = p->turn;
    q.expires = p->expires;
    q.agreed_turn = -1;
    q.status = NIACT_PROPOSAL_OPEN;
    q.n_terms = n;
    memcpy(q.terms, pkg, (size_t)n * sizeof *pkg);
    int accept = -1;
    if (niact_host_personality_judge(h, g, t->personality, role, &q, &accept) != NIACT_OK)
        return 0;
    return accept != 0;
}

/* A counter to proposal p (two parties: its author and the role): a package both gain
 * from as the role judges them, and the telegram saying why. Returns its term count
 * (0: none). `blame_first`: a personality refused it (so a term must go first). A seat
 * with a search judges its own side of each candidate with its playouts (the future in
 * which the partner agrees against the one without a deal, ai_deal_propose), not by the
 * terms' values: a counter it would gain from by its search is offered even where the
 * values see no gain, and one its search sees no gain in is not. Past the turn's
 * negotiation budget the values judge, as for a seat without a search. */
static int build_counter(mv *m, const niact_proposal *p, niact_ai_talk *t,
                         int blame_first, const char *reason, niact_term_item *out, char *text,
                         size_t len) {
    const niact_scenario *sc = niact_game_scenario(m->g);
    int role = m->role;
    int other = p->from;
    const char *me = sc->roles[role].meta.name;
    /* A search seat has a fourth way, judged by its playouts: every parameter a quarter
     * of the way toward its side (a smaller step the partner may still take). */
    int ways = t->level != NIACT_AI_NONE ? 4 : 3;
    for (int strategy = 0; strategy < ways; strategy++) {
        /* order: a parameter, an ask, a drop; a personality's refusal drops first */
        int s = strategy == 3 ? 3 : blame_first ? (strategy + 2) % 3 : strategy;
        niact_term_item pkg[NIACT_MAX_TERMS];
        int n = p->n_terms, added[NIACT_MAX_TERMS] = {0};
        int changed[NIACT_MAX_TERMS] = {0}, asked[NIACT_MAX_TERMS] = {0};
        memcpy(pkg, p->terms, (size_t)n * sizeof *pkg);
        judged j = judge(m, other, pkg, n);
        int worst = 0;
        for (int i = 1; i < n; i++)
            if (j.each[i] < j.each[worst])
                worst = i;
        niact_term_item dropped = pkg[worst];
        if (s == 0) { /* move the worst term's parameter half way toward the role's best */
            const niact_term_def *d = &sc->terms[pkg[worst].term];
            if (!d->has_param || j.each[worst] >= 0)
                continue;
            int32_t tries[2] = {d->param_min, d->param_max};
            double bv = j.each[worst];
            int32_t bp = pkg[worst].param;
            for (int k = 0; k < 2; k++) {
                niact_term_item it = pkg[worst];
                it.param = (int32_t)(((int64_t)it.param + tries[k]) / 2);
                double v = mv_priced(m, role, &it);
                if (v > bv) {
                    bv = v;
                    bp = it.param;
                }
            }
            if (bp == pkg[worst].param)
                continue;
            pkg[worst].param = bp;
            changed[worst] = 1;
        } else if (s == 3) {
            /* every parameter a quarter of the way toward the role; where that leaves the
             * partner no gain by the values, an eighth, then a sixteenth: the largest
             * step toward the role the partner may still take */
            int any = 0;
            for (int div = 4; div <= 16; div *= 2) {
                memcpy(pkg, p->terms, (size_t)n * sizeof *pkg);
                memset(changed, 0, sizeof changed);
                any = 0;
                for (int i = 0; i < n; i++) {
                    const niact_term_def *d = &sc->terms[pkg[i].term];
                    if (!d->has_param)
                        continue;
                    int32_t tries[2] = {d->param_min, d->param_max}, bp = pkg[i].param;
                    double bv = mv_priced(m, role, &pkg[i]);
                    for (int k = 0; k < 2; k++) {
                        niact_term_item it = pkg[i];
                        it.param =
                            (int32_t)((int64_t)it.param + ((int64_t)tries[k] - it.param) / div);
                        double v = mv_priced(m, role, &it);
                        if (v > bv)
                            bv = v, bp = it.param;
                    }
                    if (bp != pkg[i].param)
                        pkg[i].param = bp, changed[i] = any = 1;
                }
                if (!any || judge(m, other, pkg, n).theirs > 0)
                    break;
            }
            if (!any)
                continue;
        } else if (s == 1) { /* ask for something in return */
            niact_term_item ask;
            double am = 0, at = 0;
            if (n >= NIACT_MAX_TERMS || best_ask(m, other, p->public_, pkg, n, &ask, &am, &at) < 0)
                continue;
            pkg[n] = ask;
            asked[n] = 1;
            n++;
        } else { /* drop the term it cannot accept; offer one of its own instead */
            if (j.each[worst] >= 0 && !blame_first)
                continue;
            memmove(&pkg[worst], &pkg[worst + 1], (size_t)(n - worst - 1) * sizeof *pkg);
            n--;
            if (dropped.giver == role) {
                int best = -1;
                double best_gain = 0, dv = mv_priced(m, role, &dropped), bc = 0;
                for (int tt = 0; tt < sc->n_terms && n < NIACT_MAX_TERMS; tt++) {
                    if (tt == dropped.term || in_package(pkg, n, tt) ||
                        !(sc->terms[tt].givers & (1u << role)) || mv_holds(m, tt) ||
                        !mv_deliverable(m, tt))
                        continue;
                    niact_term_item it = {(int16_t)tt, (int16_t)role, sc->terms[tt].param_default};
                    double c = mv_value(m, role, &it), gain = mv_value(m, other, &it);
                    if (gain > best_gain && c > dv && mv_may_propose1(m, other, p->public_, &it)) {
                        best = tt;
                        best_gain = gain;
                        bc = c;
                    }
                }
                (void)bc;
                if (best >= 0) {
                    pkg[n] = (niact_term_item){(int16_t)best, (int16_t)role,
                                               sc->terms[best].param_default};
                    added[n] = 1;
                    n++;
                }
            }
        }
        j = judge(m, other, pkg, n);
        /* never the term it just dropped */
        n = add_gifts(m, other, p->public_, s == 2 ? dropped.term : -1, pkg, n, &j, added,
                      t->level != NIACT_AI_NONE);
        if (j.mine <= 0 && n < NIACT_MAX_TERMS && s == 2) {
            niact_term_item ask;
            double am = 0, at = 0;
            if (best_ask(m, other, p->public_, pkg, n, &ask, &am, &at) >= 0) {
                pkg[n] = ask;
                asked[n] = 1;
                n++;
                j = judge(m, other, pkg, n);
            }
        }
        if (j.theirs <= 0 || same_terms(pkg, n, p->terms, p->n_terms) ||
            !offerable(m, other, p->public_, t, pkg, n) ||
            !own_hook_allows(m->h, m->g, m->role, p, t, pkg, n))
            continue;
        int searched = 0;
        if (t->level != NIACT_AI_NONE) {
            int good = 0;
            niact_status st =
                ai_deal_propose(m->h, m->g, role, t, 1u << other, pkg, n, &good);
            if (st == NIACT_ERR_NOMEM)
                return 0;
            searched = st == NIACT_OK;
            if (searched && !good)
                continue; /* its playouts see no gain in it */
        }
        if (!searched && j.mine <= 0)
            continue;
        /* the telegram: why, then what it offers */
        char why[NIACT_HOST_OFFER_TEXT], offers[NIACT_HOST_OFFER_TEXT], list[900];
        if (reason && reason[0])
            snprintf(why, sizeof why, "%s", reason);
        else if (s == 0 || s == 2 || s == 3) {
            niact_term_item orig = s == 2 ? dropped : p->terms[worst];
            term_words(sc, &orig, list, sizeof list);
            snprintf(why, sizeof why, "%s cannot accept %s.", me, list);
        } else {
            term_words(sc, &p->terms[worst], list, sizeof list);
            snprintf(why, sizeof why, "%s cannot accept %s alone.", me, list);
        }
        size_t o = 0;
        offers[0] = 0;
        int any_change = 0, any_add = 0, any_ask = 0;
        for (int i = 0; i < n; i++) {
            any_change |= changed[i];
            any_add |= added[i];
            any_ask |= asked[i];
        }
        if (any_change) {
            list_words(sc, pkg, n, changed, list, sizeof list);
            o += (size_t)snprintf(offers + o, sizeof offers - o, " It offers %s", list);
        }
        if (any_add && o < sizeof offers) {
            list_words(sc, pkg, n, added, list, sizeof list);
            o += (size_t)snprintf(offers + o, sizeof offers - o, "%s %s", o ? " and" : " It offers",
                                  list);
        }
        if (any_ask && o < sizeof offers) {
            list_words(sc, pkg, n, asked, list, sizeof list);
            o += (size_t)snprintf(offers + o, sizeof offers - o, "%s %s in return",
                                  o ? "; it asks for" : " It asks for", list);
        }
        if (!any_change && !any_add && !any_ask && o < sizeof offers) {
            int all[NIACT_MAX_TERMS] = {1, 1, 1, 1, 1, 1};
            list_words(sc, pkg, n, all, list, sizeof list);
            o += (size_t)snprintf(offers + o, sizeof offers - o, " It agrees to %s", list);
        }
        snprintf(text, len, "%s%s.", why, offers);
        memcpy(out, pkg, (size_t)n * sizeof *pkg);
        return n;
    }
    return 0;
}

/* Builds a package for `other` around the k-th most wanted term it can give: that
 * term, then what the role can give that `other` values, cheapest first, until both
 * gain. Returns its term count, 0 if there is no k-th or no such package. */
static int build_package(mv *m, int other, int k, niact_term_item *pkg) {
    const niact_scenario *sc = niact_game_scenario(m->g);
    double vals_here[WANT_MAX];
    int ids_here[WANT_MAX], n_here = -1;
    /* the list depends on the partner only: made once a move, for every k */
    double *vals = m->want_vals ? m->want_vals + (size_t)other * WANT_MAX : vals_here;
    int *ids = m->want_ids ? m->want_ids + (size_t)other * WANT_MAX : ids_here;
    int *count = m->want_ids ? &m->n_want[other] : &n_here;
    if (*count < 0) {
        int w = 0;
        for (int t = 0; t < sc->n_terms && w < WANT_MAX; t++) {
            if (!(sc->terms[t].givers & (1u << other)) || mv_holds(m, t))
                continue;
            niact_term_item it = {(int16_t)t, (int16_t)other, sc->terms[t].param_default};
            double v = mv_priced(m, m->role, &it);
            if (v <= 0 || !mv_may_propose1(m, other, 0, &it))
                continue;
            int i = w++;
            for (; i > 0 && vals[i - 1] < v; i--) { /* by worth, best first; ties: declared order */
                vals[i] = vals[i - 1];
                ids[i] = ids[i - 1];
            }
            vals[i] = v;
            ids[i] = t;
        }
        *count = w;
    }
    if (k >= *count)
        return 0;
    int want = ids[k], added[NIACT_MAX_TERMS] = {0};
    pkg[0] = (niact_term_item){(int16_t)want, (int16_t)other, sc->terms[want].param_default};
    judged j = judge(m, other, pkg, 1);
    int n = add_gifts(m, other, 0, -1, pkg, 1, &j, added, 0);
    return j.mine > 0 && j.theirs > 0 ? n : 0;
}

void niact_ai_talk_start(niact_ai_talk *t, const char *personality) {
    memset(t, 0, sizeof *t);
    t->level = niact_ai_parse_level(personality);
    niact_ai_config cfg;
    if (t->level != NIACT_AI_NONE && niact_ai_named_config(personality, &cfg) == NIACT_OK)
        t->talk_left = t->budget = cfg.budget;
    /* Only a scenario's personality has hooks: not the random AI, nor a search level. */
    if (personality && *personality && strcmp(personality, "random") != 0 &&
        t->level == NIACT_AI_NONE)
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

/* A mediator's counter: the proposal has the role give a term another seat can give too
 * (the scenario's `givers`), and the role will not give it (its counter found nothing):
 * the role proposes to the proposer and that seat together that the other seat gives
 * it, with what the proposer can give that the other seat values most in return. The
 * role gives nothing in it. Offered only when the proposer and the other seat both gain
 * by the terms' values, and the role itself does (a search seat: by its playouts). The
 * addressees are written to *to. Returns the term count (0: none). */
static int mediate_counter(mv *m, const niact_proposal *p, niact_ai_talk *t, const char *reason,
                           niact_term_item *out, uint32_t *to, char *text, size_t len) {
    const niact_scenario *sc = niact_game_scenario(m->g);
    int role = m->role, other = p->from;
    for (int i = 0; i < p->n_terms; i++) {
        if (p->terms[i].giver != role)
            continue;
        for (int x = 0; x < sc->n_roles; x++) {
            if (x == role || x == other || !(sc->terms[p->terms[i].term].givers & (1u << x)))
                continue;
            niact_term_item pkg[NIACT_MAX_TERMS];
            int n = p->n_terms, mine_gives = 0;
            memcpy(pkg, p->terms, (size_t)n * sizeof *pkg);
            pkg[i].giver = (int16_t)x;
            for (int k = 0; k < n; k++)
                mine_gives |= pkg[k].giver == role;
            if (mine_gives)
                continue; /* only the one term moves; the role must give nothing */
            uint32_t mask = (1u << other) | (1u << x);
            /* what the proposer can give in return, chosen so that both it and x gain by
             * the values (the most they gain together), each parameter tried at its
             * least, default and most */
            double theirs = 0, third = 0;
            for (int k = 0; k < n; k++) {
                theirs += mv_priced(m, other, &pkg[k]);
                third += mv_priced(m, x, &pkg[k]);
            }
            int added[NIACT_MAX_TERMS] = {0};
            niact_term_item bi = {0};
            double bs = theirs > 0 && third > 0 ? theirs + third : -1e300;
            int have = 0;
            for (int tt = 0; tt < sc->n_terms && n < NIACT_MAX_TERMS; tt++) {
                const niact_term_def *d = &sc->terms[tt];
                if (!(d->givers & (1u << other)) || in_package(pkg, n, tt) || mv_holds(m, tt))
                    continue;
                int32_t ps[3] = {d->param_default, d->param_min, d->param_max};
                for (int q = 0; q < (d->has_param ? 3 : 1); q++) {
                    niact_term_item it = {(int16_t)tt, (int16_t)other, ps[q]};
                    double a = theirs + mv_priced(m, other, &it), b = third + mv_priced(m, x, &it);
                    int ok = 0;
                    if (a > 0 && b > 0 && a + b > bs &&
                        niact_game_terms_legal(m->g, role, mask, p->public_, &it, 1, &ok) ==
                            NIACT_OK &&
                        ok) {
                        bs = a + b;
                        bi = it;
                        have = 1;
                    }
                }
            }
            int best = have ? bi.term : -1;
            if (have) {
                pkg[n] = bi;
                added[n] = 1;
                n++;
            }
            double mine = 0;
            theirs = third = 0;
            for (int k = 0; k < n; k++) {
                mine += mv_priced(m, role, &pkg[k]);
                theirs += mv_priced(m, other, &pkg[k]);
                third += mv_priced(m, x, &pkg[k]);
            }
            int ok = 0;
            if (theirs <= 0 || third <= 0 || tried(t, mask, pkg, n) ||
                recently_proposed(m->g, role, mask, pkg, n) ||
                niact_game_terms_legal(m->g, role, mask, p->public_, pkg, n, &ok) != NIACT_OK ||
                !ok)
                continue;
            int searched = 0;
            if (t->level != NIACT_AI_NONE) {
                int good = 0;
                niact_status st = ai_deal_propose(m->h, m->g, role, t, mask, pkg, n, &good);
                if (st == NIACT_ERR_NOMEM)
                    return 0;
                searched = st == NIACT_OK;
                if (searched && !good)
                    continue;
            }
            if (!searched && mine <= 0)
                continue;
            char what[900], back[900], why[NIACT_HOST_OFFER_TEXT];
            term_words(sc, &p->terms[i], what, sizeof what);
            if (reason && reason[0])
                snprintf(why, sizeof why, "%s", reason);
            else
                snprintf(why, sizeof why, "%s cannot give %s itself.", sc->roles[role].meta.name,
                         what);
            if (best >= 0) {
                list_words(sc, pkg, n, added, back, sizeof back);
                snprintf(text, len,
                         "%s It proposes a deal between %s and %s: %s gives %s; %s gives %s.", why,
                         sc->roles[x].meta.name, sc->roles[other].meta.name, sc->roles[x].meta.name,
                         what, sc->roles[other].meta.name, back);
            } else {
                snprintf(text, len, "%s It proposes that %s give %s.", why, sc->roles[x].meta.name,
                         what);
            }
            memcpy(out, pkg, (size_t)n * sizeof *pkg);
            *to = mask;
            return n;
        }
    }
    return 0;
}

static void say(niact_ai_talk *t, uint32_t to, const char *text) {
    if (!text || !text[0])
        return;
    t->tell_to = to;
    snprintf(t->tell, sizeof t->tell, "%s", text);
}

/* The answer to p: hooks, then the hard refusals, then its worth (or the search's
 * playouts); a refusal of a two-party proposal becomes a counter when one can be made. */
static niact_status answer_move(mv *w, niact_ai_talk *t, const niact_proposal *p,
                                niact_ai_move *m) {
    niact_host *h = w->h;
    niact_game *g = w->g;
    int role = w->role;
    const niact_scenario *sc = niact_game_scenario(g);
    int accept = -1;
    char hook_why[NIACT_HOST_OFFER_TEXT] = "";
    if (t->personality) {
        niact_status st = niact_host_personality_answer(h, g, t->personality, role, p->id,
                                                        &accept, hook_why, sizeof hook_why);
        if (st != NIACT_OK)
            return st;
    }
    char hard[NIACT_HOST_OFFER_TEXT];
    hard_refusal(w, p, hard, sizeof hard);
    m->kind = NIACT_AI_MOVE_ANSWER;
    m->id = p->id;
    if (hard[0]) {
        m->accept = 0;
        say(t, 1u << p->from, hard); /* no counter: nothing to read from it */
        return NIACT_OK;
    }
    if (accept < 0) {
        if (t->level != NIACT_AI_NONE) {
            niact_status st = ai_deal_answer(h, g, role, t, p->id, &accept);
            if (st == NIACT_ERR_NOMEM)
                return st;
            if (st != NIACT_OK)
                accept = -1;
        }
        if (accept < 0) {
            const int other = p->from;
            accept = judge(w, other, p->terms, p->n_terms).mine > 0;
        }
    }
    m->accept = accept;
    if (accept || p->to != (1u << role)) {
        say(t, 1u << p->from, hook_why);
        return NIACT_OK;
    }
    char text[NIACT_HOST_OFFER_TEXT];
    niact_term_item pkg[NIACT_MAX_TERMS];
    int n = build_counter(w, p, t, hook_why[0] != 0, hook_why, pkg, text, sizeof text);
    uint32_t to = 1u << p->from;
    if (!n)
        n = mediate_counter(w, p, t, hook_why, pkg, &to, text, sizeof text);
    if (!n) {
        if (hook_why[0])
            say(t, 1u << p->from, hook_why);
        else {
            /* no counter both sides gain from: say which term stands in the way */
            judged j = judge(w, p->from, p->terms, p->n_terms);
            int worst = 0;
            for (int i = 1; i < p->n_terms; i++)
                if (j.each[i] < j.each[worst])
                    worst = i;
            const char *me = sc->roles[role].meta.name;
            if (p->n_terms > 0 && j.each[worst] < 0) {
                char list[900];
                term_words(sc, &p->terms[worst], list, sizeof list);
                snprintf(text, sizeof text,
                         "%s cannot accept %s, and sees no change to these terms that both "
                         "sides could accept.",
                         me, list);
            } else {
                snprintf(text, sizeof text, "%s sees no gain for itself in these terms.", me);
            }
            say(t, 1u << p->from, text);
        }
        return NIACT_OK;
    }
    memset(m, 0, sizeof *m);
    m->kind = NIACT_AI_MOVE_PROPOSE;
    m->to = to;
    m->public_ = p->public_;
    m->counter_of = p->id;
    m->n_terms = n;
    memcpy(m->terms, pkg, (size_t)n * sizeof *pkg);
    remember(t, m->to, pkg, n);
    say(t, m->to, text);
    t->reject_id = p->id;
    if (hook_why[0])
        snprintf(t->reject_why, sizeof t->reject_why, "%s", hook_why);
    else
        snprintf(t->reject_why, sizeof t->reject_why, "%s cannot accept these terms.",
                 sc->roles[role].meta.name);
    return NIACT_OK;
}

/* The generic routine's next own proposal, or none: up to two a turn, one per partner
 * without an open proposal from the role, packages tried in the order of what the role
 * wants most. */
static niact_status own_move(mv *w, niact_ai_talk *t, niact_ai_move *m) {
    niact_host *h = w->h;
    niact_game *g = w->g;
    int role = w->role;
    const niact_scenario *sc = niact_game_scenario(g);
    int32_t cap = sc->negotiation.proposals_per_turn;
    int most = cap > 0 && cap < 2 ? cap : 2;
    for (int other = 0; other < sc->n_roles && t->proposed < most; other++) {
        if (other == role)
            continue;
        for (int k = 0; k < 4; k++) {
            niact_term_item pkg[NIACT_MAX_TERMS];
            int n = build_package(w, other, k, pkg);
            if (!n || !offerable(w, other, 0, t, pkg, n))
                continue;
            if (t->level != NIACT_AI_NONE) { /* a search seat: worth proposing by playouts? */
                int good = 1;
                niact_status st = ai_deal_propose(h, g, role, t, 1u << other, pkg, n, &good);
                if (st == NIACT_ERR_NOMEM)
                    return st;
                if (st == NIACT_OK && !good) {
                    remember(t, 1u << other, pkg, n);
                    continue;
                }
            }
            remember(t, 1u << other, pkg, n);
            t->proposed++;
            m->kind = NIACT_AI_MOVE_PROPOSE;
            m->to = 1u << other;
            m->n_terms = n;
            memcpy(m->terms, pkg, (size_t)n * sizeof *pkg);
            int gives[NIACT_MAX_TERMS], wants[NIACT_MAX_TERMS];
            for (int i = 0; i < n; i++) {
                gives[i] = pkg[i].giver == role;
                wants[i] = !gives[i];
            }
            char a[900], b[900], text[NIACT_HOST_OFFER_TEXT];
            list_words(sc, pkg, n, gives, a, sizeof a);
            list_words(sc, pkg, n, wants, b, sizeof b);
            if (a[0])
                snprintf(text, sizeof text, "%s offers %s for %s.", sc->roles[role].meta.name, a, b);
            else
                snprintf(text, sizeof text, "%s asks for %s.", sc->roles[role].meta.name, b);
            say(t, m->to, text);
            return NIACT_OK;
        }
    }
    t->done = 1;
    return NIACT_OK;
}

niact_status niact_ai_talk_next(niact_host *h, niact_game *g, int role, niact_ai_talk *t,
                                niact_ai_move *m) {
    memset(m, 0, sizeof *m);
    if (tell_move(t, m))
        return NIACT_OK;
    if (t->done)
        return NIACT_OK;
    /* A countered proposal still open: the counter was refused; reject it outright. */
    if (t->reject_id) {
        const niact_proposal *p = niact_game_proposal_by_id(g, role, t->reject_id);
        int32_t id = t->reject_id;
        t->reject_id = 0;
        if (p && p->status == NIACT_PROPOSAL_OPEN && (p->to & (1u << role)) &&
            !(p->accepted & (1u << role))) {
            m->kind = NIACT_AI_MOVE_ANSWER;
            m->id = id;
            m->accept = 0;
            say(t, 1u << p->from, t->reject_why);
            return NIACT_OK;
        }
    }
    /* First every open proposal waiting for the role's answer, in order. */
    const niact_proposal *p;
    for (; (p = niact_game_proposal(g, role, t->next)); t->next++) {
        if (p->status != NIACT_PROPOSAL_OPEN || !(p->to & (1u << role)) ||
            (p->accepted & (1u << role)))
            continue;
        t->next++;
        mv w;
        mv_start(&w, h, g, role);
        niact_status st = answer_move(&w, t, p, m);
        mv_end(&w);
        if (st != NIACT_OK) {
            memset(m, 0, sizeof *m);
            t->done = 1;
        }
        return st;
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
    mv w;
    mv_start(&w, h, g, role);
    niact_status st = own_move(&w, t, m);
    mv_end(&w);
    return st;
}
