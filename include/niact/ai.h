/* The search AI: information-set Monte Carlo tree search over the game API, for any
 * scenario, with no scenario code.
 *
 * How it decides one role's orders for the current turn:
 *  - Determinization: every iteration plays on a private copy of the game in which
 *    everything the role may not know is re-sampled from the role's own view: a track it
 *    sees as an estimate gets a value drawn uniformly from estimate +/- error; a track it
 *    cannot see (or a hidden scenario variable) gets its declared initial value; the
 *    game's random generator is re-seeded from the AI's own generator, so chance to come
 *    is unknown too; other roles' already submitted orders are replaced. The AI never
 *    reads a true value the role could not see.
 *  - Tree: open-loop (one node per sequence of the role's own order sets, one level per
 *    turn); the other roles and chance are part of the sampled environment. Candidate
 *    order sets are sampled legal combinations of affordable actions and parameters,
 *    plus "no orders", added by progressive widening; children are chosen by UCB1.
 *  - Playouts: the other roles (and the role itself after the tree) play a rollout
 *    policy drawn per playout and per role: random legal orders, or one of the
 *    scenario's own scripted personalities (any scenario may declare some; the AI does
 *    not know which, if any, its opponents really use). To the game's end or the
 *    horizon. Reward: the role's own score / 100 at the end (war scores 0 for everyone).
 *  - The decision is the most visited root child.
 *
 * Difficulty is the playout budget. Results are deterministic: the AI's generator is
 * seeded from the game's seed, the turn and the role (unless a time limit cuts a search
 * short).
 *
 * Threads: niact_ai_think works on its own copies of the snapshot and runs them with the
 * host it is given, so a front end may call it on a worker thread with that thread's own
 * host of the same scenario while the UI thread keeps the real game. */
#ifndef NIACT_AI_H
#define NIACT_AI_H

#include <stdint.h>

#include "niact/game.h"
#include "niact/script.h"

/* The levels a seat may name: "ai:mcts-easy", "ai:mcts-medium", "ai:mcts-hard". */
typedef enum niact_ai_level {
    NIACT_AI_NONE = 0, /* not a search level */
    NIACT_AI_EASY = 1,
    NIACT_AI_MEDIUM = 2,
    NIACT_AI_HARD = 3,
} niact_ai_level;

typedef struct niact_ai_config {
    int32_t playouts;     /* iterations of the search (its strength) */
    int32_t horizon;      /* turns simulated past the current one; 0: to the game's end */
    double exploration;   /* UCB1 constant (rewards are in [0, 1]) */
    double widening;      /* progressive widening: children allowed = 1 + w * sqrt(visits) */
    int32_t max_children; /* most candidate order sets per node */
    int personalities;    /* rollouts also play the scenario's scripted personalities */
    uint32_t time_limit_ms; /* stop early after this long (0: never; breaks determinism) */
    uint64_t salt;        /* mixed into the AI's seed (0 for the default) */
} niact_ai_config;

/* What a search did (for benchmarks and tests). */
typedef struct niact_ai_stats {
    int32_t playouts;     /* iterations run */
    int32_t nodes;        /* tree nodes made */
    int32_t root_children; /* candidate order sets at the root */
    double value;         /* mean reward of the chosen orders */
} niact_ai_stats;

/* The level named by a personality string ("mcts-easy" .. "mcts-hard"), or NONE. */
niact_ai_level niact_ai_parse_level(const char *name);
/* The preset configuration of a level; NIACT_ERR_INVALID for NONE or unknown. */
niact_status niact_ai_level_config(niact_ai_level level, niact_ai_config *out);

/* Chooses `role`'s orders for the current turn of `snapshot` (which is not changed).
 * `host` runs the copies: a host of the snapshot's scenario (the same content), owned by
 * the calling thread; NULL keeps the snapshot's own rules (same thread, or C rules). Writes at most NIACT_MAX_ORDERS orders to orders; *n is the count.
 * stats may be NULL. An ended game or a bad role is NIACT_ERR_STATE / NIACT_ERR_INVALID. */
niact_status niact_ai_think(niact_host *host, const niact_game *snapshot, int role,
                            const niact_ai_config *cfg, niact_order *orders, int *n,
                            niact_ai_stats *stats);

#endif
