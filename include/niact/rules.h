/* What a rules implementation (the Lua host, a test's C rules) may do to a game while
 * the core has called it. Front ends do not use this header: it reads the truth. */
#ifndef NIACT_RULES_H
#define NIACT_RULES_H

#include "niact/game.h"

int32_t niact_rules_get(const niact_game *g, int track);
/* Sets a track, clamped to its range; returns the value stored. */
int32_t niact_rules_set(niact_game *g, int track, int32_t value);
/* The role observes a track: its estimate becomes the truth plus a uniform error in
 * [-error, error] from the game's RNG (clamped to the range), with that error bar.
 * For a role that sees the track truly or not at all, nothing happens. */
void niact_rules_observe(niact_game *g, int role, int track, int32_t error);
/* Sets the role's estimate and error bar directly (a report, true or false). */
void niact_rules_set_estimate(niact_game *g, int role, int track, int32_t value, int32_t error);
/* The role's current estimate (true value for TRUE, 0 for NONE). */
int32_t niact_rules_estimate(const niact_game *g, int role, int track, int32_t *error);
/* Appends to the log for the roles in audience (bit i = role i). The scenario's news
 * and reports may hold so many bytes of text a turn and a game; past them the line is
 * refused with NIACT_ERR_LIMIT and nothing changes. */
#define NIACT_LOG_TURN_BYTES (256u * 1024)
#define NIACT_LOG_GAME_BYTES (4u << 20)
niact_status niact_rules_log(niact_game *g, uint32_t audience, niact_log_kind kind,
                             const char *text);
niact_rng *niact_rules_rng(niact_game *g);
/* Times the event has fired in this game. */
int32_t niact_rules_fired(const niact_game *g, int event);
/* Ends the game after this resolution with the outcome and text. */
void niact_rules_end(niact_game *g, niact_outcome outcome, const char *text);
/* The orders given this turn (valid during resolution): n and the array. */
const niact_order *niact_rules_turn_orders(const niact_game *g, int *n);

/* Questions (a legality test, a term's value, a personality) must not change the game.
 * The host refuses their writes itself (with the scenario's line); this is the core's
 * own wall behind it, for any rules implementation: between niact_rules_ask(g, 1) and
 * (g, 0) every write below is refused and counted (set and the estimates change
 * nothing, log returns NIACT_ERR_STATE, end is ignored, rng is a throw-away copy), and
 * niact_rules_ask(g, 0) returns how many were refused since the outermost question
 * began (questions may nest). */
int32_t niact_rules_ask(niact_game *g, int on);

/* Every commitment (index 0..; NULL past the end), and a proposal by id (NULL if none),
 * whoever may see them. */
struct niact_commitment;
struct niact_proposal;
const struct niact_commitment *niact_rules_commitment(const niact_game *g, int index);
const struct niact_proposal *niact_rules_proposal(const niact_game *g, int32_t id);

/* ---- Determinization (the search AI's sampled games, engine/ai/determinize.c) ----
 * A sampled game starts as a copy of the true one; these take out of it what one role
 * may not know. They are for private copies, never for a game being played. */

/* Fires of the event that the role was told of: fires whose effect wrote it at least
 * one log entry (news, report). A fire that wrote it nothing is not told. */
int32_t niact_rules_told(const niact_game *g, int event, int role);
/* Sets how often the event has fired, and how many of those fires each role was told
 * of (told: [n_roles], each clamped to 0..fired). */
void niact_rules_set_fired(niact_game *g, int event, int32_t fired, const int32_t *told);
/* Forgets the negotiation `role` may not see: every proposal that is neither the role's,
 * nor addressed to it, nor public becomes an empty withdrawn proposal of the role's own
 * (ids keep their place), and the commitments of those agreements are dropped (so
 * their effects to come never run). */
void niact_rules_forget_negotiation(niact_game *g, int role);

#endif
