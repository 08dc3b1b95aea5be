/* The names of the outcomes, in one table per scenario: records, JSON, Lua, the text
 * front end, the window, the simulator and the debrief all read it through
 * niact_scenario_outcome. The engine's five (running, settlement, war, last turn, error)
 * are the defaults a scenario's `outcomes` table starts from (and all a scenario built in
 * C has); a scenario declares its own beside them. */
#include "niact/game.h"

#include <stdio.h>
#include <string.h>

static const niact_outcome_names table[] = {
    [NIACT_OUTCOME_NONE] = {"running", "still running", "RUNNING"},
    [NIACT_OUTCOME_SETTLEMENT] = {"settlement", "settlement", "SETTLEMENT"},
    [NIACT_OUTCOME_WAR] = {"war", "war", "WAR"},
    [NIACT_OUTCOME_LAST_TURN] = {"last_turn", "last turn", "LAST TURN"},
    [NIACT_OUTCOME_ERROR] = {"error", "ended on a scenario error", "ENDED ON AN ERROR"},
};

/* The texts of the engine's outcomes when the scenario gives none. */
static const char *const texts[] = {
    [NIACT_OUTCOME_NONE] = "",
    [NIACT_OUTCOME_SETTLEMENT] = "A settlement was reached.",
    [NIACT_OUTCOME_WAR] = "War.",
    [NIACT_OUTCOME_LAST_TURN] = "The last turn has been played.",
    [NIACT_OUTCOME_ERROR] = "The game ended on a scenario error.",
};

#define N_ENGINE ((int)(sizeof table / sizeof table[0]))

const niact_outcome_names *niact_outcome_info(niact_outcome o) {
    if ((unsigned)o >= (unsigned)N_ENGINE)
        o = NIACT_OUTCOME_NONE;
    return &table[o];
}

int niact_outcome_parse(const char *id, niact_outcome *out) {
    for (int i = 0; id && i < N_ENGINE; i++)
        if (strcmp(table[i].id, id) == 0) {
            *out = (niact_outcome)i;
            return 0;
        }
    return -1;
}

const char *niact_outcome_default_text(niact_outcome o) {
    return (unsigned)o < (unsigned)N_ENGINE ? texts[o] : "";
}

int niact_outcome_engine_count(void) {
    return N_ENGINE;
}

int niact_scenario_outcome_count(const niact_scenario *sc) {
    return sc && sc->n_outcomes > 0 ? sc->n_outcomes : N_ENGINE;
}

niact_outcome_names niact_scenario_outcome(const niact_scenario *sc, niact_outcome o) {
    if (sc && sc->n_outcomes > 0 && (unsigned)o < (unsigned)sc->n_outcomes) {
        const niact_outcome_def *d = &sc->outcomes[o];
        return (niact_outcome_names){d->id, d->title, d->stamp};
    }
    return *niact_outcome_info(o);
}

const char *niact_scenario_outcome_text(const niact_scenario *sc, niact_outcome o) {
    if (sc && sc->n_outcomes > 0 && (unsigned)o < (unsigned)sc->n_outcomes)
        return sc->outcomes[o].text;
    return niact_outcome_default_text(o);
}

int niact_scenario_outcome_parse(const niact_scenario *sc, const char *id, niact_outcome *out) {
    if (!sc || sc->n_outcomes <= 0)
        return niact_outcome_parse(id, out);
    for (int i = 0; id && i < sc->n_outcomes; i++)
        if (strcmp(sc->outcomes[i].id, id) == 0) {
            *out = (niact_outcome)i;
            return 0;
        }
    return -1;
}

int niact_scenario_outcome_declared(const niact_scenario *sc, niact_outcome o) {
    if (!sc || sc->n_outcomes <= 0)
        return o == NIACT_OUTCOME_SETTLEMENT || o == NIACT_OUTCOME_WAR;
    return (unsigned)o < (unsigned)sc->n_outcomes && sc->outcomes[o].declared;
}

int niact_scenario_outcome_zero(const niact_scenario *sc, niact_outcome o) {
    if (!sc || sc->n_outcomes <= 0)
        return o == NIACT_OUTCOME_WAR;
    return (unsigned)o < (unsigned)sc->n_outcomes && sc->outcomes[o].zero_scores;
}

int32_t niact_scenario_outcome_rank(const niact_scenario *sc, niact_outcome o) {
    if (o == NIACT_OUTCOME_NONE)
        return 0;
    if (!sc || sc->n_outcomes <= 0 || (unsigned)o >= (unsigned)sc->n_outcomes)
        return o == NIACT_OUTCOME_WAR ? 2 : o == NIACT_OUTCOME_ERROR ? 3 : 1;
    return sc->outcomes[o].rank;
}

niact_outcome niact_scenario_timeout(const niact_scenario *sc) {
    if (sc && sc->n_outcomes > 0 && sc->timeout > 0 && sc->timeout < sc->n_outcomes)
        return (niact_outcome)sc->timeout;
    return NIACT_OUTCOME_LAST_TURN;
}

const char *niact_outcome_title_of_id(const char *id, char *buf, size_t len) {
    niact_outcome o;
    if (niact_outcome_parse(id, &o) == 0)
        return table[o].title;
    /* A scenario's own outcome, named without its scenario (a list of saved games):
     * its id, words apart. */
    size_t i = 0;
    for (; id && id[i] && i + 1 < len; i++)
        buf[i] = id[i] == '_' ? ' ' : id[i];
    if (len)
        buf[i] = 0;
    return buf;
}
