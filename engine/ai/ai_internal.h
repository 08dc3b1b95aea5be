/* Pieces shared by the search AI's files: the rollout policy and determinization. */
#ifndef NIACT_AI_INTERNAL_H
#define NIACT_AI_INTERNAL_H

#include "niact/ai.h"
#include "niact/rng.h"

/* What the searching role knows of every track, read once from its view, and possible
 * values of what it does not know: the end states of simulated histories that best match
 * its view (approximate rejection sampling). */
typedef struct ai_belief {
    int n_tracks;
    niact_track_view *view; /* [n_tracks] */
    int n_particles;        /* histories kept (0: unseen tracks take their initial value) */
    int32_t *particles;     /* [n_particles * n_tracks] their track values */
} ai_belief;

/* policy.c */

/* A random legal order set for `role` within its action points: actions in random
 * order, each affordable one taken with probability 2/3, parameters the default half
 * the time, else uniform. */
niact_status ai_random_orders(niact_game *g, int role, niact_rng *rng, niact_order *orders,
                              int *n);
/* Submits orders; if the whole set is refused (an order impossible in this state), keeps
 * the longest accepted prefix-by-prefix subset, down to no orders. */
niact_status ai_submit_filtered(niact_game *g, int role, const niact_order *orders, int n);
/* A rollout policy per role: 0 random, k > 0 the scenario's k-th personality. */
typedef struct ai_policies {
    niact_host *host;             /* runs personalities; NULL: random only */
    int kind[NIACT_MAX_ROLES];    /* this playout's policy of each role */
} ai_policies;
/* One role's orders under policy k (0 random, else a personality; a failing
 * personality falls back to random). Not checked: see ai_clean_orders. */
niact_status ai_policy_orders(niact_game *g, int role, const ai_policies *p, int k,
                              niact_rng *rng, niact_order *os, int *n);
/* Keeps the orders the game accepts now (as ai_submit_filtered, which it calls: the
 * role's submission changes), sorted canonically. */
niact_status ai_clean_orders(niact_game *g, int role, niact_order *orders, int *n);
/* Draws every role's policy: random with probability random_share (always if there are
 * no personalities), else one of the n_pers personalities uniformly. */
void ai_pick_policies(ai_policies *p, int n_pers, double random_share, niact_rng *rng);
/* Submits every role's orders but `skip`'s (-1: every role) from its policy. */
niact_status ai_submit_others(niact_game *g, int skip, const ai_policies *p, niact_rng *rng);
/* Orders in a canonical order, so equal sets compare equal. */
void ai_sort_orders(niact_order *orders, int n);

/* determinize.c */

/* Reads the role's view of every track. Returns NIACT_ERR_NOMEM or NIACT_OK. */
niact_status ai_belief_read(ai_belief *b, const niact_game *g, int role);
/* Simulates `count` histories from a new game of the scenario (run by `rules`) up to
 * the snapshot's turn, every role playing a policy drawn as ai_pick_policies does, and
 * keeps the quarter whose values lie closest to the role's view. Reads nothing of the
 * snapshot but its view, scenario and turn. */
niact_status ai_belief_sample(ai_belief *b, const niact_game *snap, const niact_rules *rules,
                              const ai_policies *pol, double random_share, int count,
                              niact_rng *rng);
void ai_belief_free(ai_belief *b);
/* Makes g (a copy of the real game) one possible truth given the belief: see ai.h. */
void ai_determinize(niact_game *g, const ai_belief *b, int role, niact_rng *rng);

#endif
