/* The yardstick of a game's end: the all-historical game of the same seed. Played once,
 * in a private session on the same host (its own game, inputs and caches), never seen
 * by any seat and never written to a record: the game under way is not touched. */
#include "session_internal.h"

#include <stdio.h>
#include <string.h>

#define BASELINE_PERSONALITY "historical"

niact_status niact_session_baseline(niact_session *s, int32_t *scores, int n) {
    const niact_scenario *sc = niact_session_scenario(s);
    if (!scores || n < sc->n_roles)
        return session_fail(s, NIACT_ERR_INVALID, "room for %d scores needed", sc->n_roles);
    if (s->baseline_state == 1) {
        memcpy(scores, s->baseline, (size_t)sc->n_roles * sizeof *scores);
        return NIACT_OK;
    }
    if (s->remote) /* a mirror has no seed: only the host can play it (its view says) */
        return session_fail(s, NIACT_ERR_STATE, "the host has not sent the all-historical "
                                                "game's scores");
    int hist = -1;
    for (int i = 0; i < sc->n_personalities; i++)
        if (strcmp(sc->personalities[i], BASELINE_PERSONALITY) == 0)
            hist = i;
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        if (hist >= 0 && (sc->personality_roles[hist] & (1u << r)))
            snprintf(seats[r].personality, sizeof seats[r].personality, BASELINE_PERSONALITY);
        else if (sc->roles[r].actor)
            seats[r].actor = 1;
        else
            return session_fail(s, NIACT_ERR_STATE,
                                "the scenario has no '%s' personality for the %s, so there is "
                                "no all-historical game to compare with",
                                BASELINE_PERSONALITY, sc->roles[r].meta.name);
    }
    niact_session *h = NULL;
    char msg[512];
    niact_status st = niact_session_new(s->host, niact_game_seed(s->game), seats, &h, msg,
                                        sizeof msg);
    if (st != NIACT_OK)
        return session_fail(s, st, "the all-historical game: %s", msg);
    niact_session_set_quiet(h, 1);
    st = niact_session_play_out(h);
    if (st != NIACT_OK) {
        session_fail(s, st, "the all-historical game: %s", niact_session_error(h));
        niact_session_free(h);
        return st;
    }
    const niact_game *g = niact_session_view(h);
    for (int r = 0; r < sc->n_roles; r++)
        niact_game_score(g, r, r, &s->baseline[r]);
    niact_session_free(h);
    s->baseline_state = 1;
    memcpy(scores, s->baseline, (size_t)sc->n_roles * sizeof *scores);
    return NIACT_OK;
}
