/* A session: one game of a scenario with its seats (human or AI), the Lua host that
 * runs the scenario's rules, and the inputs of every turn so far. Front ends (text,
 * window, simulator) drive games through this. */
#ifndef NIACT_SESSION_H
#define NIACT_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "niact/game.h"
#include "niact/script.h"

typedef enum niact_seat_kind {
    NIACT_SEAT_HUMAN = 0,
    NIACT_SEAT_AI,
} niact_seat_kind;

typedef struct niact_seat {
    niact_seat_kind kind;
    char personality[32]; /* AI: a scenario personality, or "random"; "" = "random" */
} niact_seat;

/* The orders one role gave in one turn: what a record keeps to replay a game. */
typedef struct niact_turn_input {
    int n[NIACT_MAX_ROLES];
    niact_order orders[NIACT_MAX_ROLES][NIACT_MAX_ORDERS];
} niact_turn_input;

typedef struct niact_session niact_session;

/* Finds a scenario by name or folder. A name is looked up under the bundled
 * scripts/scenarios, then the user's $XDG_DATA_HOME/niact/scenarios. Writes the folder
 * and the shared library folder (scripts/lib, "" if none). Returns 0, or -1. */
int niact_find_scenario(const char *name_or_dir, char *dir, size_t dirlen, char *libdir,
                        size_t liblen);

/* Opens a session on a loaded host (the session does not own it). seats may be NULL
 * (every seat human). */
niact_status niact_session_new(niact_host *host, uint64_t seed, const niact_seat *seats,
                               niact_session **out, char *msg, size_t msglen);
void niact_session_free(niact_session *s);

niact_game *niact_session_game(niact_session *s);
niact_host *niact_session_host(niact_session *s);
const niact_scenario *niact_session_scenario(const niact_session *s);
const niact_seat *niact_session_seat(const niact_session *s, int role);
/* The last error's message. */
const char *niact_session_error(const niact_session *s);

/* The orders an AI seat would give now (does not submit them). */
niact_status niact_session_ai_orders(niact_session *s, int role, niact_order *orders, int *n);
/* Random legal orders within the role's action points, from a generator seeded by the
 * game's seed, the turn and the role (so they never disturb the game's own chance). */
niact_status niact_session_random_orders(niact_session *s, int role, niact_order *orders,
                                         int *n);
/* Submits a role's orders (checked by the core). */
niact_status niact_session_submit(niact_session *s, int role, const niact_order *orders, int n);
/* Submits orders for every AI seat that has not submitted, then resolves the turn and
 * keeps its inputs. */
niact_status niact_session_resolve(niact_session *s);
/* Plays every remaining turn with every seat as AI (for all-AI games and the simulator). */
niact_status niact_session_play_out(niact_session *s);

/* Inputs of resolved turns: count, and turn t's. */
int32_t niact_session_turns_played(const niact_session *s);
const niact_turn_input *niact_session_input(const niact_session *s, int32_t t);

/* Parses "historical" / "ai" / "ai:hawk" / "human" into a seat. Returns 0 or -1. */
int niact_seat_parse(const char *text, niact_seat *seat);

#endif
