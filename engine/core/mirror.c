/* A mirror game (niact/mirror.h): the state of a game on a network client, set from what
 * one seat was told. Every field is checked before anything changes. */
#include "game_internal.h"
#include "niact/mirror.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bad_item(const niact_scenario *sc, const niact_term_item *t) {
    return t->term < 0 || t->term >= sc->n_terms || t->giver < 0 || t->giver >= sc->n_roles;
}

static niact_status check(niact_game *g, const niact_mirror *m) {
    const niact_scenario *sc = g->sc;
    uint32_t roles = sc->n_roles >= 32 ? 0xffffffffu : (1u << sc->n_roles) - 1u;
#define NO(...) return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, __VA_ARGS__)
    if (m->role < 0 || m->role >= sc->n_roles)
        NO("a view of no role of the scenario");
    if (m->turn < 0 || m->turn > sc->turns)
        NO("a view's turn is out of the calendar");
    if (m->phase < NIACT_PHASE_BRIEFING || m->phase > NIACT_PHASE_ENDED)
        NO("a view's phase is unknown");
    if ((int)m->outcome < 0 || (int)m->outcome >= niact_scenario_outcome_count(sc) ||
        (m->outcome != NIACT_OUTCOME_NONE && m->phase != NIACT_PHASE_ENDED))
        NO("a view's outcome is unknown");
    if (m->outcome_text && strlen(m->outcome_text) >= sizeof g->outcome_text)
        NO("a view's outcome text is too long");
    if ((m->submitted & ~roles) || m->n_orders < 0 || m->n_orders > NIACT_MAX_ORDERS)
        NO("a view's orders are out of range");
    for (int i = 0; i < m->n_orders; i++) {
        const niact_order *o = &m->orders[i];
        if (o->role != m->role || o->action < 0 || o->action >= sc->n_actions)
            NO("a view's order is of no action of the seat");
    }
    for (size_t i = 0; i < m->n_log; i++) {
        const niact_mirror_entry *e = &m->log[i];
        if (e->turn < 0 || e->turn > sc->turns || e->kind < NIACT_LOG_NEWS ||
            e->kind > NIACT_LOG_PROPOSAL || !(e->audience & (1u << m->role)) ||
            (e->audience & ~roles) || !e->text)
            NO("a view's log entry %zu is out of range", i);
    }
    /* What a game of the scenario can hold: every seat at its cap every turn. */
    int32_t most = niact_scenario_max_proposals(sc);
    if (m->n_proposals < 0 || m->n_proposals > most || m->n_commitments < 0 ||
        m->n_commitments > (int64_t)most * NIACT_MAX_TERMS)
        NO("a view holds more proposals or commitments than a game of the scenario can "
           "(%d proposals, %d commitments)", (int)most, (int)(most * NIACT_MAX_TERMS));
    for (int i = 0; i < m->n_proposals; i++) {
        const niact_proposal *p = &m->proposals[i];
        if (p->id != i + 1 || p->from < 0 || p->from >= sc->n_roles || (p->to & ~roles) ||
            (p->accepted & ~roles) || p->counter_of < 0 || p->counter_of > i ||
            p->status < NIACT_PROPOSAL_OPEN || p->status > NIACT_PROPOSAL_WITHDRAWN ||
            p->n_terms < 0 || p->n_terms > NIACT_MAX_TERMS || p->turn < 0 ||
            p->turn > sc->turns)
            NO("a view's proposal %d is out of range", i + 1);
        for (int k = 0; k < p->n_terms; k++)
            if (bad_item(sc, &p->terms[k]))
                NO("a view's proposal %d names no term of the scenario", i + 1);
    }
    for (int i = 0; i < m->n_commitments; i++) {
        const niact_commitment *c = &m->commitments[i];
        if (c->agreement < 1 || c->agreement > m->n_proposals || bad_item(sc, &c->item) ||
            c->status < NIACT_COMMIT_PENDING || c->status > NIACT_COMMIT_BROKEN)
            NO("a view's commitment %d is out of range", i + 1);
    }
    for (int r = 0; r < sc->n_roles; r++)
        if (m->trust[r] < 0 || m->trust[r] > 100)
            NO("a view's trust is out of range");
    for (int i = 0; i < sc->n_objectives; i++)
        if (m->score[i] < 0 || m->score[i] > 100)
            NO("a view's score is out of range");
#undef NO
    return NIACT_OK;
}

niact_status niact_game_mirror(niact_game *g, const niact_mirror *m) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    niact_status st = check(g, m);
    if (st != NIACT_OK)
        return st;
    const niact_scenario *sc = g->sc;
    /* The room for its negotiation and the new log first: nothing changes if they cannot
     * be had. */
    if (niact_core_reserve_negotiation(g, m->n_proposals, m->n_commitments) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    log_item *log = m->n_log ? calloc(m->n_log, sizeof *log) : NULL;
    if (m->n_log && !log)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    for (size_t i = 0; i < m->n_log; i++) {
        size_t n = strlen(m->log[i].text);
        if (!(log[i].text = malloc(n + 1))) {
            for (size_t k = 0; k < i; k++)
                free(log[k].text);
            free(log);
            return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
        }
        memcpy(log[i].text, m->log[i].text, n + 1);
        log[i].turn = m->log[i].turn;
        log[i].kind = m->log[i].kind;
        log[i].audience = m->log[i].audience;
    }
    for (size_t i = 0; i < g->log_len; i++)
        free(g->log[i].text);
    free(g->log);
    g->log = log;
    g->log_len = g->log_cap = g->log_total = m->n_log;

    g->seed = 0; /* never told to a seat */
    g->turn = m->turn;
    g->phase = m->phase;
    g->outcome = m->outcome;
    g->pending = NIACT_OUTCOME_NONE;
    snprintf(g->outcome_text, sizeof g->outcome_text, "%s",
             m->outcome_text ? m->outcome_text : "");
    size_t nt = (size_t)sc->n_tracks, per = (size_t)sc->n_roles * nt;
    memcpy(g->value, m->value, nt * sizeof *g->value);
    memset(g->est, 0, per * sizeof *g->est);
    memset(g->err, 0, per * sizeof *g->err);
    for (size_t i = 0; i < per; i++)
        g->seen[i] = -1;
    size_t base = (size_t)m->role * nt;
    memcpy(g->est + base, m->est, nt * sizeof *g->est);
    memcpy(g->err + base, m->err, nt * sizeof *g->err);
    memcpy(g->seen + base, m->seen, nt * sizeof *g->seen);
    memset(g->fired, 0, (size_t)sc->n_events * sizeof *g->fired);
    memset(g->told, 0, (size_t)sc->n_roles * (size_t)sc->n_events * sizeof *g->told);
    memcpy(g->score, m->score, (size_t)sc->n_objectives * sizeof *g->score);
    memset(g->history, 0, ((size_t)sc->turns + 1) * nt * sizeof *g->history);
    memcpy(g->history, m->history, ((size_t)m->turn + 1) * nt * sizeof *g->history);
    memset(g->hashes, 0, ((size_t)sc->turns + 1) * sizeof *g->hashes);

    memset(g->orders, 0, sizeof g->orders);
    memset(g->n_orders, 0, sizeof g->n_orders);
    memcpy(g->orders[m->role], m->orders, (size_t)m->n_orders * sizeof *m->orders);
    g->n_orders[m->role] = m->n_orders;
    g->submitted = m->submitted;
    g->n_turn_orders = 0;

    for (int32_t i = 0; i < m->n_proposals; i++)
        *niact_core_proposal(g, i) = m->proposals[i];
    g->n_proposals = m->n_proposals;
    for (int32_t i = 0; i < m->n_commitments; i++)
        *niact_core_commitment(g, i) = m->commitments[i];
    g->n_commitments = m->n_commitments;
    memcpy(g->trust, m->trust, (size_t)sc->n_roles * sizeof *g->trust);
    niact_core_index_negotiation(g);
    return NIACT_OK;
}
