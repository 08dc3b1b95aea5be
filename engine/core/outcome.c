/* The names of the outcomes, in one table (game.h): records, JSON, Lua, the text front
 * end, the window and the debrief all read it. */
#include "niact/game.h"

#include <string.h>

static const niact_outcome_names table[] = {
    [NIACT_OUTCOME_NONE] = {"running", "still running", "RUNNING"},
    [NIACT_OUTCOME_SETTLEMENT] = {"settlement", "settlement", "SETTLEMENT"},
    [NIACT_OUTCOME_WAR] = {"war", "war", "WAR"},
    [NIACT_OUTCOME_LAST_TURN] = {"last_turn", "last turn", "LAST TURN"},
    [NIACT_OUTCOME_ERROR] = {"error", "ended on a scenario error", "ENDED ON AN ERROR"},
};

const niact_outcome_names *niact_outcome_info(niact_outcome o) {
    if ((unsigned)o >= sizeof table / sizeof table[0])
        o = NIACT_OUTCOME_NONE;
    return &table[o];
}

int niact_outcome_parse(const char *id, niact_outcome *out) {
    for (size_t i = 0; id && i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].id, id) == 0) {
            *out = (niact_outcome)i;
            return 0;
        }
    return -1;
}
