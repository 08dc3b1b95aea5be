/* Negotiation through the session: each command checked by the core before it changes
 * anything, then kept as an input for records; an AI seat's negotiation carried out. */
#include "session_internal.h"
#include "niact/ai.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for one more input and copies its text, before the game is asked: once the
 * game has taken a command, keeping it cannot fail (validation, then mutation). */
niact_status session_reserve(niact_session *s, const char *text, char **copy) {
    *copy = NULL;
    if (s->n_neg == s->cap_neg) {
        size_t cap = s->cap_neg ? s->cap_neg * 2 : 16;
        niact_input *n = realloc(s->neg, cap * sizeof *n);
        if (!n)
            return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
        s->neg = n;
        s->cap_neg = cap;
    }
    if (s->n_jneg == s->cap_jneg) {
        size_t cap = s->cap_jneg ? s->cap_jneg * 2 : 16;
        niact_input *n = realloc(s->jneg, cap * sizeof *n);
        if (!n)
            return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
        s->jneg = n;
        s->cap_jneg = cap;
    }
    if (text && !(*copy = strdup(text)))
        return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
    return NIACT_OK;
}

/* Keeps a command the game has taken (reserve made the room; this cannot fail): in the
 * live line and in the history of the turn under way. */
niact_status session_keep(niact_session *s, const niact_input *in, char *text) {
    session_changed(s);
    niact_input k = *in;
    k.turn = niact_game_turn(s->game);
    k.text = text;
    s->neg[s->n_neg++] = k;
    s->jneg[s->n_jneg++] = k;
    s->plays[s->n_plays - 1].n++;
    return NIACT_OK;
}

static niact_status failed(niact_session *s, niact_status st) {
    session_changed(s); /* a refused command leaves the game as it was; stay safe */
    return session_take(s, st);
}

niact_status niact_session_propose(niact_session *s, int from, uint32_t to, int public_,
                                   const niact_term_item *terms, int n, int counter_of,
                                   int32_t *id) {
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    char *none;
    niact_status st = session_reserve(s, NULL, &none);
    if (st != NIACT_OK)
        return st;
    st = niact_game_propose(s->game, from, to, public_, terms, n, counter_of, id);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_PROPOSE, .role = (int16_t)from, .to = to,
                      .public_ = public_ != 0, .id = counter_of, .n_terms = n};
    memcpy(in.terms, terms, (size_t)n * sizeof *terms);
    return session_keep(s, &in, NULL);
}

int niact_session_propose_check(niact_session *s, int from, uint32_t to, int public_,
                                const niact_term_item *terms, int n, int counter_of,
                                int *term, char *why, size_t len) {
    if (term)
        *term = -1;
    if (s->paused) { /* the words of session_not_paused, without setting them */
        if (why && len)
            snprintf(why, len, "the game is paused by the moderator");
        return 0;
    }
    return niact_game_propose_check(s->game, from, to, public_, terms, n, counter_of, term, why,
                                    len);
}

niact_status niact_session_answer(niact_session *s, int role, int32_t id, int accept) {
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    char *none;
    niact_status st = session_reserve(s, NULL, &none);
    if (st != NIACT_OK)
        return st;
    st = niact_game_answer(s->game, role, id, accept);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_ANSWER, .role = (int16_t)role, .id = id,
                      .accept = accept != 0};
    return session_keep(s, &in, NULL);
}

niact_status niact_session_withdraw(niact_session *s, int role, int32_t id) {
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    char *none;
    niact_status st = session_reserve(s, NULL, &none);
    if (st != NIACT_OK)
        return st;
    st = niact_game_withdraw(s->game, role, id);
    if (st != NIACT_OK)
        return failed(s, st);
    niact_input in = {.kind = NIACT_INPUT_WITHDRAW, .role = (int16_t)role, .id = id};
    return session_keep(s, &in, NULL);
}

niact_status niact_session_telegram(niact_session *s, int from, uint32_t to, const char *text) {
    if (session_not_paused(s) != NIACT_OK)
        return s->error.status;
    /* A game's telegrams are bounded so that its record stays loadable (docs/records.md,
     * "Limits"); a replay meets the same bound at the same telegram. */
    size_t n = strlen(text);
    if (s->n_telegrams >= NIACT_SESSION_MAX_TELEGRAMS ||
        n > NIACT_SESSION_TELEGRAM_BYTES - s->telegram_bytes)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game has used up its telegrams (at most %d telegrams and %d "
                            "bytes of telegram text a game; %zu sent, %zu bytes)",
                            NIACT_SESSION_MAX_TELEGRAMS, NIACT_SESSION_TELEGRAM_BYTES,
                            s->n_telegrams, s->telegram_bytes);
    char *copy;
    niact_status st = session_reserve(s, text, &copy);
    if (st != NIACT_OK)
        return st;
    st = niact_game_telegram(s->game, from, to, text);
    if (st != NIACT_OK) {
        free(copy);
        return failed(s, st);
    }
    niact_input in = {.kind = NIACT_INPUT_TELEGRAM, .role = (int16_t)from, .to = to};
    st = session_keep(s, &in, copy);
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
    default: return session_apply_moderator(s, in);
    }
    return session_fail(s, NIACT_ERR_INVALID, "unknown kind of input");
}

/* ---- an AI seat's negotiation: engine/ai decides, the session carries it out ---- */

niact_status niact_session_ai_negotiate(niact_session *s, int role) {
    niact_ai_talk talk;
    niact_ai_talk_start(&talk, s->seats[role].personality);
    niact_ai_move m;
    for (;;) {
        niact_status st = niact_ai_talk_next(s->host, s->game, role, &talk, &m);
        if (st == NIACT_ERR_NOMEM)
            return st;
        if (st != NIACT_OK) { /* a personality's hook failed: said once, its talk stops */
            if (!(s->ai_talk_failed & (1u << role))) {
                char why[900];
                s->ai_talk_failed |= 1u << role;
                niact_error_format(niact_host_last_error(s->host), why, sizeof why);
                snprintf(s->warning, sizeof s->warning,
                         "the AI of the %s negotiated no further this turn (its personality "
                         "failed; said once a game): %s", niact_session_scenario(s)->roles[role].meta.name, why);
                s->warning_new = 1;
            }
            return NIACT_OK;
        }
        if (m.kind == NIACT_AI_MOVE_NONE)
            return st;
        int32_t id;
        if (m.kind == NIACT_AI_MOVE_ANSWER)
            st = niact_session_answer(s, role, m.id, m.accept);
        else if (m.kind == NIACT_AI_MOVE_TELEGRAM)
            st = niact_session_telegram(s, role, m.to, m.text);
        else if ((st = niact_session_propose(s, role, m.to, m.public_, m.terms, m.n_terms,
                                             m.counter_of, &id)) != NIACT_OK)
            talk.tell_to = 0; /* a refused proposal: its telegram is not sent either */
        if (st == NIACT_ERR_NOMEM)
            return st; /* any other refusal: the AI goes on with its next move */
    }
}
