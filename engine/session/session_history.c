/* The game's history as its record keeps it, and the moderator's rollback.
 *
 * A session keeps two views of what was played: the live line (inputs[], neg[]: the turns
 * that lead to the game as it is) and the history (plays[], jneg[]): every turn in the
 * order it was played, including those a rollback undid, each with its inputs. Without a
 * rollback the two are the same. A rollback plays the game again from its seed through
 * the live line's inputs of the turns before the one it goes back to (every hash
 * checked), copies that game into the session's own (front ends keep their pointer), and
 * cuts the live line there; the history keeps the undone turns, and the turn in which the
 * rollback was made ends with it. A record is the history (docs/records.md), so loading
 * it replays the rollback the same way. */
#include "session_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "niact/negotiation.h"

/* Resolved turns in all (the live line's and the undone ones): the record's bound. */
#define MAX_PLAYED 500

static niact_status grow_plays(niact_session *s) {
    if (s->n_plays < s->cap_plays)
        return NIACT_OK;
    size_t cap = s->cap_plays ? s->cap_plays * 2 : 16;
    session_play *p = realloc(s->plays, cap * sizeof *p);
    if (!p)
        return session_fail(s, NIACT_ERR_NOMEM, "out of memory");
    s->plays = p;
    s->cap_plays = cap;
    return NIACT_OK;
}

/* Opens a play for the turn under way (room made by grow_plays). */
static void open_play(niact_session *s) {
    session_play *p = &s->plays[s->n_plays++];
    memset(p, 0, sizeof *p);
    p->turn = niact_game_turn(s->game);
    p->first = s->n_jneg;
}

niact_status session_history_init(niact_session *s) {
    niact_status st = grow_plays(s);
    if (st == NIACT_OK)
        open_play(s);
    return st;
}

niact_status session_history_room(niact_session *s) {
    return grow_plays(s);
}

void session_history_close(niact_session *s, int resolved) {
    session_play *p = &s->plays[s->n_plays - 1];
    p->resolved = resolved;
    if (resolved) {
        p->orders = s->inputs[s->n_inputs - 1];
        niact_game_turn_hash(s->game, s->n_inputs, &p->hash);
    }
    open_play(s); /* room made by session_history_room before the change */
}

void session_history_free(niact_session *s) {
    for (size_t i = 0; i < s->n_jneg; i++)
        free(s->jneg[i].text);
    free(s->jneg);
    free(s->plays);
}

size_t niact_session_played_count(const niact_session *s) {
    return s->n_plays;
}

int niact_session_played_at(const niact_session *s, size_t i, niact_played *out) {
    memset(out, 0, sizeof *out);
    if (i >= s->n_plays)
        return 0;
    const session_play *p = &s->plays[i];
    out->turn = p->turn;
    out->resolved = p->resolved;
    out->hash = p->hash;
    out->orders = p->resolved ? &p->orders : NULL;
    out->inputs = s->jneg ? s->jneg + p->first : NULL; /* no inputs yet: no array */
    out->n_inputs = p->n;
    out->last = i + 1 == s->n_plays;
    return 1;
}

/* One input of the live line applied to a game being played again: what changes the game
 * (negotiation, injected events, messages) through the core as the session did; the
 * session's own settings (pause, deadline, defaults, freed seats) change no game. */
static niact_status replay_input(niact_game *g, const niact_input *in) {
    int32_t id;
    switch (in->kind) {
    case NIACT_INPUT_PROPOSE:
        return niact_game_propose(g, in->role, in->to, in->public_, in->terms, in->n_terms,
                                  in->id, &id);
    case NIACT_INPUT_ANSWER: return niact_game_answer(g, in->role, in->id, in->accept);
    case NIACT_INPUT_WITHDRAW: return niact_game_withdraw(g, in->role, in->id);
    case NIACT_INPUT_TELEGRAM: return niact_game_telegram(g, in->role, in->to, in->text);
    case NIACT_INPUT_INJECT: return niact_game_inject(g, in->id);
    case NIACT_INPUT_MESSAGE: return niact_game_moderator_note(g, in->text);
    case NIACT_INPUT_ROLLBACK: return NIACT_ERR_INVALID; /* never in the live line (its note
                                                           is, as a MESSAGE) */
    default: return NIACT_OK;
    }
}

/* The game at the start of turn index `to`, played again from the seed: *out, or an
 * error on the handle. */
static niact_status play_again(niact_session *s, int32_t to, niact_game **out) {
    const niact_scenario *sc = niact_session_scenario(s);
    char msg[512];
    niact_game *g = NULL;
    *out = NULL;
    niact_status st = niact_game_new(sc, niact_host_rules(s->host), niact_game_seed(s->game), &g,
                                     msg, sizeof msg);
    if (st != NIACT_OK)
        return session_fail(s, st, "the game could not be started again: %s", msg);
    size_t k = 0;
    for (int32_t t = 0; t < to && st == NIACT_OK; t++) {
        for (; k < s->n_neg && s->neg[k].turn == t && st == NIACT_OK; k++)
            st = replay_input(g, &s->neg[k]);
        for (int r = 0; r < sc->n_roles && st == NIACT_OK; r++)
            st = niact_game_submit(g, r, s->inputs[t].orders[r], s->inputs[t].n[r]);
        if (st == NIACT_OK)
            st = niact_game_resolve(g);
        uint64_t want = 0, got = 0;
        niact_game_turn_hash(s->game, t + 1, &want);
        niact_game_turn_hash(g, t + 1, &got);
        if (st == NIACT_OK && want != got)
            st = NIACT_ERR_STATE;
        if (st != NIACT_OK) {
            niact_status ret = st == NIACT_ERR_NOMEM ? st : NIACT_ERR_STATE;
            session_fail(s, ret, "the game does not play again the same way at turn %d (%s)",
                         (int)t + 1, niact_game_error(g));
            niact_game_free(g);
            return ret;
        }
    }
    *out = g;
    return NIACT_OK;
}

niact_status niact_session_rollback(niact_session *s, int32_t turn) {
    const niact_scenario *sc = niact_session_scenario(s);
    niact_game *g = s->game;
    if (niact_game_broken(g))
        return session_fail(s, NIACT_ERR_BROKEN, "the game is broken (load a save)");
    int32_t now = niact_game_turn(g) + (niact_game_phase(g) == NIACT_PHASE_ENDED ? 0 : 1);
    if (turn < 1 || turn > now)
        return session_fail(s, NIACT_ERR_INVALID, "a rollback goes back to turn 1 to %d, not %d",
                            (int)now, (int)turn);
    if (s->n_rollbacks >= NIACT_SESSION_MAX_ROLLBACKS)
        return session_fail(s, NIACT_ERR_INVALID, "this game has used up its %d rollbacks",
                            NIACT_SESSION_MAX_ROLLBACKS);
    size_t resolved = 0;
    for (size_t i = 0; i < s->n_plays; i++)
        resolved += (size_t)s->plays[i].resolved;
    if (resolved + (size_t)(sc->turns - (turn - 1)) > MAX_PLAYED)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game has played %zu turns in all; going back to turn %d would "
                            "let it play more than %d, more than its record may hold", resolved,
                            (int)turn, MAX_PLAYED);
    /* The proposals likewise: the record keeps every one made, the undone turns' too, and
     * each turn played again may bring every seat's full allowance (so that in any line
     * of play the seats may propose at their cap to the end, and the record still loads). */
    size_t made = 0;
    for (size_t i = 0; i < s->n_jneg; i++)
        made += s->jneg[i].kind == NIACT_INPUT_PROPOSE;
    size_t more = (size_t)(sc->turns - (turn - 1)) * (size_t)sc->n_roles *
                  (size_t)niact_scenario_proposals_per_turn(sc);
    if (made + more > NIACT_MAX_GAME_PROPOSALS)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game's record holds %zu proposals; going back to turn %d "
                            "would let its seats make %zu more, more than its record may hold "
                            "(%d)", made, (int)turn, more, NIACT_MAX_GAME_PROPOSALS);
    if (s->n_moderator >= NIACT_SESSION_MAX_MODERATOR)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game has used up the moderator's %d operations",
                            NIACT_SESSION_MAX_MODERATOR);
    /* The note every seat reads; it is the live line's first input of the turn, so a
     * later rollback plays it again (its text belongs to the rollback's input). */
    char date[32] = "", note[200], *copy;
    niact_scenario_date(sc, turn - 1, date, sizeof date);
    snprintf(note, sizeof note, "The game goes back to the start of turn %d (%s). What was "
             "played since is undone.", (int)turn, date);
    niact_status st = session_reserve(s, note, &copy);
    if (st == NIACT_OK)
        st = grow_plays(s);
    if (st != NIACT_OK)
        return st;
    if (st != NIACT_OK) {
        free(copy);
        return st;
    }
    niact_game *again;
    if ((st = play_again(s, turn - 1, &again)) != NIACT_OK) {
        free(copy);
        return st;
    }
    st = niact_game_moderator_note(again, note);
    if (st != NIACT_OK)
        st = session_fail(s, st, "out of memory");
    else if ((st = niact_game_copy(g, again)) != NIACT_OK)
        st = session_take(s, st); /* g is marked broken */
    niact_game_free(again);
    if (st != NIACT_OK) {
        free(copy);
        return st;
    }
    /* The rollback is the last input of the turn it was made in (history only). */
    niact_input in = {.kind = NIACT_INPUT_ROLLBACK, .role = NIACT_MODERATOR, .id = turn,
                      .text = copy};
    s->n_moderator++;
    s->n_rollbacks++;
    in.turn = now - 1;
    s->jneg[s->n_jneg++] = in;
    s->plays[s->n_plays - 1].n++;
    session_history_close(s, 0);
    /* The live line: the turns before `turn`. */
    s->n_inputs = turn - 1;
    size_t keep = 0;
    while (keep < s->n_neg && s->neg[keep].turn < turn - 1)
        keep++;
    s->n_neg = keep;
    s->neg[s->n_neg++] = (niact_input){.kind = NIACT_INPUT_MESSAGE, .role = NIACT_MODERATOR,
                                       .turn = turn - 1, .text = copy};
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        s->n_draft[r] = 0;
        s->draft_gen[r]++;
    }
    s->defaulted = s->reopened = 0;
    s->clock_turn = -1;
    session_changed(s);
    /* Seats hear the turn again from its start, and the note. */
    size_t m = 0;
    while (m < s->n_marks && s->marks[m].kind == NIACT_EVENT_TURN && s->marks[m].turn <= turn - 1)
        m++;
    s->n_marks = m;
    for (int r = 0; r < sc->n_roles; r++)
        niact_session_heard_until(s, r, turn - 1);
    niact_session_heard_until(s, NIACT_SPECTATOR, turn - 1);
    niact_session_heard_until(s, NIACT_MODERATOR, turn - 1);
    niact_error_clear(&s->error);
    return NIACT_OK;
}
