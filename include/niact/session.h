/* A session: one game of a scenario with its seats (human or AI), the Lua host that
 * runs the scenario's rules, and the inputs of every turn so far. Front ends (text,
 * window, simulator) drive games through this. */
#ifndef NIACT_SESSION_H
#define NIACT_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "niact/game.h"
#include "niact/negotiation.h"
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

/* A negotiation input: what a seat did between two resolutions, besides its orders.
 * Kept in the order made, so a record can replay them. */
typedef enum niact_input_kind {
    NIACT_INPUT_PROPOSE = 0, /* role proposes terms to `to` (id = the proposal it counters) */
    NIACT_INPUT_ANSWER,      /* role accepts (accept = 1) or rejects proposal `id` */
    NIACT_INPUT_WITHDRAW,    /* role withdraws its proposal `id` */
    NIACT_INPUT_TELEGRAM,    /* role sends `text` to `to` */
} niact_input_kind;

typedef struct niact_input {
    niact_input_kind kind;
    int32_t turn;      /* turn in which it was made */
    int16_t role;      /* who */
    uint32_t to;       /* addressees (propose, telegram) */
    int32_t public_;   /* propose: copied to all */
    int32_t id;        /* answer, withdraw: the proposal; propose: the one it counters, 0 */
    int32_t accept;    /* answer */
    int n_terms;       /* propose */
    niact_term_item terms[NIACT_MAX_TERMS];
    char *text;        /* telegram (owned by the session) */
} niact_input;

typedef struct niact_session niact_session;

/* niact_path_scenario (niact/paths.h, the one lookup rule) without the message: kept for
 * callers that have none to show. Returns 0, or -1. */
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
/* A warning the front end shows once (a seat's scripted AI failed: its error, file and
 * line), or NULL; each warning is returned once. */
const char *niact_session_warning(niact_session *s);

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
/* niact_game_stop on the session's game: a loaded game looked at whole (the debrief of an
 * unfinished game). Play and saving end there. */
niact_status niact_session_stop(niact_session *s);
const niact_turn_input *niact_session_input(const niact_session *s, int32_t t);

/* Negotiation through the session, so that it is kept for records. */
niact_status niact_session_propose(niact_session *s, int from, uint32_t to, int public_,
                                   const niact_term_item *terms, int n, int counter_of,
                                   int32_t *id);
niact_status niact_session_answer(niact_session *s, int role, int32_t id, int accept);
niact_status niact_session_withdraw(niact_session *s, int role, int32_t id);
niact_status niact_session_telegram(niact_session *s, int from, uint32_t to, const char *text);
/* A game's telegrams, bounded so that the largest legal game's record stays under
 * NIACT_RECORD_MAX_BYTES (tests/record/test_record_limits.c builds it): past either
 * bound a telegram is refused (NIACT_ERR_INVALID, saying so). Every other input of a
 * record is bounded by the core: proposals (NIACT_MAX_PROPOSALS, so answers and
 * withdrawals too), orders (NIACT_MAX_ORDERS a role a turn), turns (500), roles. */
#define NIACT_SESSION_MAX_TELEGRAMS 2000        /* telegrams in one game */
#define NIACT_SESSION_TELEGRAM_BYTES (1 << 20)  /* bytes of telegram text in one game */
/* Negotiation inputs so far, in order (index 0..count-1). */
size_t niact_session_input_count(const niact_session *s);
const niact_input *niact_session_input_at(const niact_session *s, size_t i);
/* Applies a recorded input (as the seat made it). */
niact_status niact_session_apply(niact_session *s, const niact_input *in);
/* An AI seat's negotiation for this turn: it answers proposals addressed to it by the
 * scenario's value of each term to it (what the proposer gives is discounted by the
 * proposer's trust), and may make one proposal of its own. Done by
 * niact_session_resolve for AI seats before their orders. */
niact_status niact_session_ai_negotiate(niact_session *s, int role);

/* Parses "historical" / "ai" / "ai:hawk" / "human" into a seat. Returns 0 or -1. */
int niact_seat_parse(const char *text, niact_seat *seat);

#endif
