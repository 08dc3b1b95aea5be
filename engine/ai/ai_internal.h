/* Pieces shared by the search AI's files: the rollout policy and determinization. */
#ifndef NIACT_AI_INTERNAL_H
#define NIACT_AI_INTERNAL_H

#include "niact/ai.h"
#include "niact/rng.h"

/* What the searching role knows, read once from its view: every track as it sees it
 * and the fires of events it was told of; and possible values of what it does not
 * know: the end states of simulated histories that best match what it knows
 * (approximate rejection sampling). A particle holds, in this order: the tracks'
 * values [n_tracks], every role's estimates [n_roles * n_tracks] and error bars
 * [n_roles * n_tracks], the events' fire counts [n_events], every role's told
 * counts [n_roles * n_events] and the rollout policy every role played the history with
 * [n_roles] (ai_policies.kind): the kept histories are those closest to what the role
 * saw, so their policies are a sample of a posterior over who the others are
 * (approximate Bayesian computation). */
typedef struct ai_belief {
    int role;               /* whose belief */
    int n_tracks, n_roles, n_events;
    niact_track_view *view; /* [n_tracks] */
    int32_t *told;          /* [n_events] fires the role was told of */
    int32_t hist_turns;     /* past turns of the record (0..turn-1) */
    int32_t *hist;          /* [hist_turns * n_tracks] each past turn's value of a track the
                               role sees truly (the public record and its own), else
                               INT32_MIN */
    int n_particles;        /* histories kept (0: what it cannot know takes its prior) */
    int stride;             /* int32s per particle */
    int32_t *particles;     /* [n_particles * stride] */
    const niact_ai_memory *memory; /* the role's own past orders (NULL: guessed) */
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

/* Reads the role's view of every track and the fires it was told of. Returns
 * NIACT_ERR_NOMEM or NIACT_OK. */
niact_status ai_belief_read(ai_belief *b, const niact_game *g, int role);
/* Simulates `count` histories from a new game of the scenario (run by `rules`) up to
 * the snapshot's turn (none on the first turn: only the setup, with its own chance),
 * every role playing a policy drawn as ai_pick_policies does, and keeps the quarter
 * closest to what the role knows (its view of the tracks, the fires it was told of,
 * the record), each with the policies it was played with (-1 if no turn was played).
 * Reads nothing of the snapshot but its scenario and turn. */
niact_status ai_belief_sample(ai_belief *b, const niact_game *snap, const niact_rules *rules,
                              const ai_policies *pol, double random_share, int count,
                              niact_rng *rng);
void ai_belief_free(ai_belief *b);
/* Makes g (a copy of the real game) one possible truth given the belief: everything
 * `role` may not know is replaced (see determinize.c and docs/ai.md). Returns the
 * particle drawn (-1: none, the belief has no histories). */
int ai_determinize(niact_game *g, const ai_belief *b, int role, niact_rng *rng);
/* One in AI_MODEL_HEDGE iterations keeps the uniform draw of the others' policies even
 * when a particle is drawn, so that a misread of who they are is not fatal. */
#define AI_MODEL_HEDGE 4
/* The opponent model: after ai_pick_policies, every role but `role` takes the policy it
 * played in particle k's history (the posterior), except in one draw in AI_MODEL_HEDGE
 * (the hedge), which keeps the uniform draw. k < 0 (no particle), or histories in
 * which no turn was played (the first turn): nothing changes and nothing is drawn, as
 * before the model. The role's own policy is never touched. */
void ai_posterior_policies(ai_policies *p, const ai_belief *b, int k, int role,
                           niact_rng *rng);

/* negotiate.c */

/* The share of a promise's value `role` counts when `giver` makes it: its record as
 * `role` has seen it, (kept + 1) / (kept + 2 broken + 1), times the scenario's ai_trust
 * at the giver's trust, capped at 1 (a discount, never a premium). 1 for the role's own. */
double ai_promise_share(const niact_game *g, int role, int giver);

/* deal.c: negotiation judged by the search's own playouts */

/* Whether accepting proposal `id` (addressed to `role`) is better for it than refusing,
 * by the search of t's level run on both futures with the same samples: *accept 1 or 0.
 * The two searches spend t->talk_left (an eighth of t->budget each at most); with too
 * little left, NIACT_ERR_LIMIT and nothing judged (the caller judges by value). */
niact_status ai_deal_answer(niact_host *h, const niact_game *g, int role, niact_ai_talk *t,
                            int32_t id, int *accept);
/* Whether proposing the package (assumed agreed) is better for `role` than not (the
 * same budget). */
niact_status ai_deal_propose(niact_host *h, const niact_game *g, int role, niact_ai_talk *t,
                             uint32_t to, const niact_term_item *terms, int n, int *good);

#endif
