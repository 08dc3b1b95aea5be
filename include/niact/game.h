/* The game: state and turn machine of one game of a scenario. No Lua and no SDL here.
 *
 * A turn runs briefing -> negotiation -> orders -> resolution -> end check. Orders are
 * hidden and simultaneous: each role submits its list, then niact_game_resolve() applies
 * all of them in a defined order (action priority, then role index, then the order in
 * which the role listed them), fires events, runs the turn-end rules, scores, computes
 * the state hash and checks for the end.
 *
 * Front ends see the game through views: what one role may know, nothing else. The true
 * value of a hidden track is only available once the game has ended (the debrief). */
#ifndef NIACT_GAME_H
#define NIACT_GAME_H

#include <stddef.h>
#include <stdint.h>

#include "niact/error.h"
#include "niact/rng.h"
#include "niact/scenario.h"
#include "niact/status.h"

typedef struct niact_game niact_game;
struct niact_term_item;  /* negotiation.h */
struct niact_commitment; /* negotiation.h */

typedef enum niact_phase {
    NIACT_PHASE_BRIEFING = 0,
    NIACT_PHASE_NEGOTIATION,
    NIACT_PHASE_ORDERS,
    NIACT_PHASE_ENDED,
} niact_phase;

typedef enum niact_outcome {
    NIACT_OUTCOME_NONE = 0,   /* still running */
    NIACT_OUTCOME_SETTLEMENT, /* the scenario declared a settlement */
    NIACT_OUTCOME_WAR,        /* catastrophe: a loss for every role, all scores 0 */
    NIACT_OUTCOME_LAST_TURN,  /* the calendar ran out */
    NIACT_OUTCOME_ERROR,      /* a scenario error ended the game (scenario's choice) */
} niact_outcome;

/* The names of an outcome (outcome.c). */
typedef struct niact_outcome_names {
    const char *id;    /* stable identifier: records, JSON, Lua ("last_turn") */
    const char *title; /* for a sentence ("last turn") */
    const char *stamp; /* for a headline ("LAST TURN") */
} niact_outcome_names;
/* The scenario's outcomes (its `outcomes` declaration; the engine's five for a scenario
 * built in C): the names of o (an unknown value reads as running), the text used when
 * the scenario gives none, the outcome whose id is `id` (0 and *out, or -1), whether the
 * scenario may end a game with it, whether it sets every score to 0, its rank (a later
 * end of higher rank in the same resolution replaces an earlier one), how many there
 * are, and the outcome of a game whose calendar ran out. */
niact_outcome_names niact_scenario_outcome(const niact_scenario *sc, niact_outcome o);
const char *niact_scenario_outcome_text(const niact_scenario *sc, niact_outcome o);
int niact_scenario_outcome_parse(const niact_scenario *sc, const char *id, niact_outcome *out);
int niact_scenario_outcome_declared(const niact_scenario *sc, niact_outcome o);
int niact_scenario_outcome_zero(const niact_scenario *sc, niact_outcome o);
int32_t niact_scenario_outcome_rank(const niact_scenario *sc, niact_outcome o);
int niact_scenario_outcome_count(const niact_scenario *sc);
niact_outcome niact_scenario_timeout(const niact_scenario *sc);
/* The engine's own five, without a scenario: names (never NULL), parse, default texts. */
const niact_outcome_names *niact_outcome_info(niact_outcome o);
int niact_outcome_parse(const char *id, niact_outcome *out);
const char *niact_outcome_default_text(niact_outcome o);
int niact_outcome_engine_count(void);
/* A title for an outcome known only by its id (a saved game listed without loading its
 * scenario): the engine's title, or the id with spaces for _ written into buf. */
const char *niact_outcome_title_of_id(const char *id, char *buf, size_t len);

typedef enum niact_log_kind {
    NIACT_LOG_NEWS = 0,   /* public news */
    NIACT_LOG_REPORT,     /* intelligence or private report to some roles */
    NIACT_LOG_ERROR,      /* a scenario error, told to every seat */
    NIACT_LOG_SYSTEM,     /* the engine's own notes (turn began, orders given) */
    NIACT_LOG_TELEGRAM,   /* a telegram between seats */
    NIACT_LOG_PROPOSAL,   /* proposals, answers, agreements, kept and broken commitments */
} niact_log_kind;

/* One order: a role asks for an action, with its parameter (0 if it takes none). */
typedef struct niact_order {
    int16_t role;
    int16_t action;
    int32_t param;
} niact_order;

/* A news-log entry as a role sees it. */
typedef struct niact_log_entry {
    int32_t turn;          /* turn in which it was written */
    niact_log_kind kind;
    uint32_t audience;     /* bit i: role i can read it */
    const char *text;      /* owned by the game; valid until the game changes */
} niact_log_entry;

/* What one role knows of one track. */
typedef struct niact_track_view {
    niact_visibility vis;  /* NONE: value and error are 0 */
    int32_t value;         /* true value (TRUE) or the role's estimate (ESTIMATE) */
    int32_t error;         /* +/- of the estimate; 0 for TRUE */
    int32_t turn_seen;     /* turn of the last observation (-1: only the starting guess) */
} niact_track_view;

/* The scenario's rules, as the core asks for them. The Lua host implements this; tests
 * implement it in C. Every function returns NIACT_OK or an error whose record error()
 * returns (kind, file, line, bare reason: the core adds what was running). Any may be
 * NULL (nothing to do, legal, never fires, score 0, no end).
 *
 * legal, term_legal (and the host's personalities and term values) are questions: the
 * host runs them in a query mode in which every write, dice roll, log line and end of
 * game is refused, so asking changes nothing (architecture.md, "Questions are pure"). */
typedef struct niact_rules {
    void *ud;
    niact_status (*setup)(void *ud, niact_game *g);
    niact_status (*legal)(void *ud, niact_game *g, const niact_order *o, int *ok);
    niact_status (*resolve)(void *ud, niact_game *g, const niact_order *o);
    niact_status (*turn_start)(void *ud, niact_game *g);
    niact_status (*turn_end)(void *ud, niact_game *g);
    niact_status (*event_condition)(void *ud, niact_game *g, int event, int *fire);
    niact_status (*event_fire)(void *ud, niact_game *g, int event);
    niact_status (*score)(void *ud, niact_game *g, int objective, int32_t *score);
    niact_status (*end_check)(void *ud, niact_game *g, niact_outcome *out, char *text,
                              size_t len);
    const niact_error *(*error)(void *ud);
    /* Negotiation (negotiation.h). term_legal: may `from` propose this term now, to
     * `parties` (bit per role, the author's included), in public or in secret?
     * term_agreed: the agreement's immediate effect, at the start of the resolution after
     * it was made. term_check: judge an open commitment: *verdict 1 kept, -1 broken,
     * 0 not yet. term_settled: consequences once it is kept or broken. */
    niact_status (*term_legal)(void *ud, niact_game *g, int from, uint32_t parties,
                               int public_, const struct niact_term_item *t, int *ok);
    niact_status (*term_agreed)(void *ud, niact_game *g, int32_t agreement,
                                const struct niact_term_item *t);
    niact_status (*term_check)(void *ud, niact_game *g, const struct niact_commitment *c,
                               int *verdict);
    niact_status (*term_settled)(void *ud, niact_game *g, const struct niact_commitment *c);
    /* Why the last legal/term_legal test said no ("" or NULL if it gave no reason). */
    const char *(*why)(void *ud);
} niact_rules;

/* Starts a game at turn 0 (briefing): initial values, the setup rule, the first turn's
 * start rule, scores and hash. On error *out is NULL and msg (if not NULL) gets the
 * reason. */
niact_status niact_game_new(const niact_scenario *sc, const niact_rules *rules, uint64_t seed,
                            niact_game **out, char *msg, size_t msglen);
void niact_game_free(niact_game *g);
/* A full, independent copy (same scenario and rules). */
niact_status niact_game_clone(const niact_game *g, niact_game **out);
/* Copies src into dst, reusing dst's memory; both must be of the same scenario. */
niact_status niact_game_copy(niact_game *dst, const niact_game *src);
/* Stops a running game where it stands, for the debrief of an unfinished game: the
 * phase becomes ended with the outcome NIACT_OUTCOME_NONE, so every view opens as at the
 * end (true values, every score, the whole log); nothing can be played after. Never
 * part of play: a front end calls it only on a game it loaded to look at. A game that
 * has ended already is left as it is. */
niact_status niact_game_stop(niact_game *g);
/* Quiet games (the AI's playouts, simulations) keep no log text and record no per-turn
 * hash: niact_game_turn_hash refuses the turns sealed while quiet (NIACT_ERR_STATE).
 * niact_game_hash, the state and every result are the same as in a game that is not. */
void niact_game_set_quiet(niact_game *g, int quiet);
/* Binds the game to another rules implementation (e.g. a copy handed to another thread,
 * run by that thread's host of the same scenario). */
void niact_game_set_rules(niact_game *g, const niact_rules *rules);

const niact_scenario *niact_game_scenario(const niact_game *g);
/* The last error on this game (kind, file, line, bare reason; error.h). It stays until
 * the next error; a call that succeeds does not clear it. */
const niact_error *niact_game_last_error(const niact_game *g);
/* The last error's bare reason ("" if none): what a front end puts its own words around.
 * niact_error_format(niact_game_last_error(g), ...) gives the whole sentence. */
const char *niact_game_error(const niact_game *g);
/* Whether an allocation failed while the game was changing (a half-resolved turn):
 * then every call that returns a status returns NIACT_ERR_BROKEN. */
int niact_game_broken(const niact_game *g);
/* Called with the record of every callback the core voids (its effect undone), e.g. by
 * `niact check` to list them. Not copied by niact_game_copy/clone. fn NULL: none. */
typedef void (*niact_error_fn)(void *ud, const niact_error *e);
void niact_game_set_error_hook(niact_game *g, niact_error_fn fn, void *ud);

int32_t niact_game_turn(const niact_game *g);
niact_phase niact_game_phase(const niact_game *g);
uint64_t niact_game_seed(const niact_game *g);
/* Moves briefing -> negotiation -> orders; NIACT_ERR_STATE past that. */
niact_status niact_game_advance(niact_game *g);

/* Action points the role has this turn. */
int32_t niact_game_action_points(const niact_game *g, int role);
/* Whether an order is allowed now: right role, parameter in range, the scenario's test.
 * *ok is 1 or 0; why (if not NULL) explains a 0. */
niact_status niact_game_order_legal(niact_game *g, const niact_order *o, int *ok, char *why,
                                    size_t len);
/* Checks a role's whole list as niact_game_submit would (role, parameters, the scenario's
 * test, repeats, total cost) and changes nothing in the game: NIACT_OK if submit would
 * take it, else the status submit would return, with niact_game_error() saying why. */
niact_status niact_game_check_orders(niact_game *g, int role, const niact_order *orders, int n);
/* Replaces the role's orders for this turn. Checks every order and the total cost;
 * on NIACT_ERR_INVALID nothing changes and niact_game_error() says why. */
niact_status niact_game_submit(niact_game *g, int role, const niact_order *orders, int n);
/* niact_game_submit for a caller that throws the refusal's reason away (the search AI's
 * copies): the same checks and result, but a refusal formats no reason (niact_game_error()
 * has its status and kind, an empty reason). */
niact_status niact_game_submit_unexplained(niact_game *g, int role, const niact_order *orders,
                                           int n);
/* Whether the role has submitted orders this turn. */
int niact_game_submitted(const niact_game *g, int role);
/* The role's submitted orders (NULL, 0 if none); for its own seat only. */
const niact_order *niact_game_orders(const niact_game *g, int role, int *n);
/* Resolves the turn. Roles that have not submitted give no orders. Returns NIACT_OK
 * even when a scenario callback failed and was voided (the log says so); an error only
 * if the game cannot go on (out of memory) or has ended. */
niact_status niact_game_resolve(niact_game *g);

niact_outcome niact_game_outcome(const niact_game *g);
/* The outcome's text from the scenario ("" while running). */
const char *niact_game_outcome_text(const niact_game *g);

/* Views. role may see the track? NIACT_ERR_INVALID for a bad role or track. */
niact_status niact_game_view_track(const niact_game *g, int role, int track,
                                   niact_track_view *out);
/* The true value: only after the game has ended (NIACT_ERR_STATE before). */
niact_status niact_game_truth(const niact_game *g, int track, int32_t *value);
/* Value of a track at the end of turn t (t in 0..turn), as role saw it then: the true
 * value once the game has ended, else only for tracks the role sees truly. */
niact_status niact_game_history(const niact_game *g, int role, int track, int32_t t,
                                int32_t *value);

/* Log entries the role can read, in order: *cursor starts at 0; returns 1 and fills
 * *e while there is another, 0 at the end. role -1 reads everything (ended games only). */
int niact_game_log_next(const niact_game *g, int role, size_t *cursor, niact_log_entry *e);
size_t niact_game_log_size(const niact_game *g);

/* The role's score, 0-100, weighted over its objectives (as of the last resolution).
 * viewer must be the role itself unless the game has ended. */
niact_status niact_game_score(const niact_game *g, int viewer, int role, int32_t *score);
/* One objective's score, 0-100, under the same rule. */
niact_status niact_game_objective_score(const niact_game *g, int viewer, int objective,
                                        int32_t *score);

/* Hash of the canonical state now, and after turn t (t in 0..turns resolved; entry 0
 * is the state after setup). */
uint64_t niact_game_hash(const niact_game *g);
niact_status niact_game_turn_hash(const niact_game *g, int32_t t, uint64_t *hash);


/* ---- the moderator (engine/core/moderate.c): called by the session only ----------- */
/* Fires the event now, whatever its condition and chance (its effect under a mark, voided
 * if it fails, as at a resolution). A once-only event that has happened is refused. */
niact_status niact_game_inject(niact_game *g, int event);
/* Takes back the role's given orders for this turn (they may no longer be possible). */
niact_status niact_game_unsubmit(niact_game *g, int role);
/* A message to every role, logged as "Message from the moderator to every delegation:
 * TEXT": plain text (niact_text_check, line breaks allowed), 1-NIACT_TELEGRAM_MAX bytes. */
niact_status niact_game_moderator_note(niact_game *g, const char *text);
/* Every log entry of a running game, in order (the moderator sees everything). */
int niact_game_log_all(const niact_game *g, size_t *cursor, niact_log_entry *e);
/* The true value of a track now, even while the game runs (the moderator's view). */
niact_status niact_game_truth_now(const niact_game *g, int track, int32_t *value);

#endif
