/* The search AI: information-set Monte Carlo tree search over the game API, for any
 * scenario, with no scenario code.
 *
 * How it decides one role's orders for the current turn:
 *  - Determinization: every iteration plays on a private copy of the game in which
 *    everything the role may not know is replaced before it is played: a track it sees
 *    as an estimate gets a value drawn uniformly from estimate +/- error; a track it
 *    cannot see (and every hidden scenario variable) takes its value from one of the
 *    simulated histories that best match what the role knows (`particles` games played
 *    from the scenario's setup to this turn; the closest quarter is kept); every other
 *    role's estimates are redrawn around the sample; fires of events the role was not
 *    told of come from the history; proposals and agreements the role is no party to
 *    (and not public) are forgotten; the game's random generator is re-seeded, so
 *    chance to come is unknown too; other roles' submitted orders are replaced. What
 *    the role could not know is overwritten, never read (docs/ai.md; the probes in
 *    tests/ai/test_probe.c measure each channel).
 *  - Candidates: at every node, the role's possible orders for that turn: first what
 *    each of the scenario's scripted personalities would order in its place, then no
 *    orders, then sampled legal combinations of affordable actions and parameters.
 *  - Root: sequential halving (Karnin, Koren and Somekh 2013) over up to max_children
 *    candidates: every round gives each surviving candidate the same random samples
 *    (common random numbers), then keeps the better half; the last one standing wins.
 *  - Tree below the root: open loop (one level per turn of the role's own choices, up to
 *    `depth` levels), UCB1 with progressive widening.
 *  - Playouts: every other role, and the role itself after the tree, plays a policy drawn
 *    per playout: one of the scenario's personalities (or random legal orders, always
 *    when the scenario has none, else, for the other roles only, with probability
 *    random_share: an erratic seat). After choosing a
 *    personality's proposal the role keeps to that personality (`consistent`). To the
 *    game's end or the horizon. Reward: the role's own score / 100 (war: 0 for all).
 *
 * Difficulty is the playout budget (and the tree's depth). Results are deterministic:
 * the AI's generator is seeded from the game's seed, the turn and the role (unless a
 * time limit cuts a search short).
 *
 * Threads: niact_ai_think works on its own copies of the snapshot and runs them with the
 * host it is given, so a front end may call it on a worker thread with that thread's own
 * host of the same scenario while the UI thread keeps the real game. */
#ifndef NIACT_AI_H
#define NIACT_AI_H

#include <stddef.h>
#include <stdint.h>

#include "niact/game.h"
#include "niact/negotiation.h"
#include "niact/script.h"

/* The levels a seat may name: "ai:mcts-easy", "ai:mcts-medium", "ai:mcts-hard". */
typedef enum niact_ai_level {
    NIACT_AI_NONE = 0, /* not a search level */
    NIACT_AI_EASY = 1,
    NIACT_AI_MEDIUM = 2,
    NIACT_AI_HARD = 3,
    NIACT_AI_DEEP = 4,
} niact_ai_level;

#define NIACT_AI_MAX_PLAYOUTS 1000000
#define NIACT_AI_MAX_CHILDREN 256
#define NIACT_AI_MAX_DEPTH 60
#define NIACT_AI_MAX_BUDGET 9999999

/* A search's settings. niact_ai_config_check gives each field's bounds (in brackets
 * here); niact_ai_think refuses a config outside them. */
typedef struct niact_ai_config {
    int32_t playouts;     /* iterations of the search: its strength without a budget, else
                           * only a bound on the tree's size [1, 1000000] */
    int32_t budget;       /* work units a decision may spend (0: none, playouts decide): a
                           * unit is one simulated turn of a scenario of November 1962's
                           * size; a turn of scenario sc costs niact_ai_turn_weight(sc).
                           * Playouts, the histories and the halving's rounds stop when it
                           * is spent: deterministic, the same on every machine
                           * [0, 9999999] */
    int32_t horizon;      /* turns simulated past the current one; 0: to the game's end
                           * [0, 10000] */
    double exploration;   /* UCB1 constant below the root (rewards are in [0, 1]) [0, 100] */
    double widening;      /* progressive widening: children allowed = 1 + w * sqrt(visits)
                           * [0, 100] */
    int32_t max_children; /* most candidate order sets per node [1, 256] */
    int personalities;    /* rollouts also play the scenario's scripted personalities [0, 1] */
    double random_share;  /* with personalities: share of rollout policies that are random
                           * [0, 1] */
    int consistent;       /* after a personality's proposal, the role plays on as it [0, 1] */
    int32_t particles;    /* histories simulated to guess what the seat cannot see (0: the
                           * declared initial values) [0, 10000] */
    int32_t depth;        /* turns of the role's own choices in the tree (1: the root's only)
                           * [1, 60] */
    uint32_t time_limit_ms; /* a front end's safety net: stop early after this long (0:
                             * never). The only part that depends on the machine: the
                             * presets leave it 0, so their decisions are deterministic */
    uint64_t salt;        /* mixed into the AI's seed (0 for the default) */
} niact_ai_config;

/* What a search did (for benchmarks and tests). */
typedef struct niact_ai_stats {
    int32_t playouts;     /* iterations run (sequential halving may leave a few unused) */
    int32_t nodes;        /* tree nodes made */
    int32_t root_children; /* candidate order sets at the root */
    double value;         /* mean reward of the chosen orders */
    double spent;         /* budget units spent */
    int32_t particles;    /* histories simulated */
} niact_ai_stats;

/* The level named by a personality string, or NONE: "mcts-easy", "mcts-medium",
 * "mcts-hard", "mcts-deep", each optionally with its own budget, "mcts-hard:30000"
 * (1 to NIACT_AI_MAX_BUDGET units; anything else after the colon is NONE). */
niact_ai_level niact_ai_parse_level(const char *name);
/* The preset configuration of a level; NIACT_ERR_INVALID for NONE or unknown. */
niact_status niact_ai_level_config(niact_ai_level level, niact_ai_config *out);
/* The configuration a personality string names (the level's, with its budget if given);
 * NIACT_ERR_INVALID if it names no level. */
niact_status niact_ai_named_config(const char *name, niact_ai_config *out);
/* Budget units one simulated turn of sc costs: its declarations (tracks, actions, events,
 * objectives, terms) times its roles, against November 1962's; at least 1. */
double niact_ai_turn_weight(const niact_scenario *sc);

/* NIACT_OK if every field of cfg is within its bounds, else NIACT_ERR_INVALID and (if
 * why is not NULL) which field and its bounds ("max_children is 0; it must be 1 to
 * 256"). A NULL cfg is invalid. */
niact_status niact_ai_config_check(const niact_ai_config *cfg, char *why, size_t len);

/* Chooses `role`'s orders for the current turn of `snapshot` (which is not changed).
 * `host` runs the copies: a host of the snapshot's scenario (the same content), owned by
 * the calling thread; NULL keeps the snapshot's own rules (same thread, or C rules). Writes at most NIACT_MAX_ORDERS orders to orders; *n is the count.
 * stats may be NULL. An ended game is NIACT_ERR_STATE; a bad role, a config that
 * niact_ai_config_check refuses, or a host of another scenario NIACT_ERR_INVALID. */
niact_status niact_ai_think(niact_host *host, const niact_game *snapshot, int role,
                            const niact_ai_config *cfg, niact_order *orders, int *n,
                            niact_ai_stats *stats);

/* What a seat remembers of its own play: the orders it gave on each past turn (turn t's
 * are orders[t * NIACT_MAX_ORDERS .. + n[t]]). A seat knows what it ordered, so the
 * histories it imagines (config.particles) replay these orders for it instead of
 * guessing them: its own hidden consequences (a mission it sent, a concession it made,
 * when) come out as they did. Turns past `turns` are guessed as before. */
typedef struct niact_ai_memory {
    int32_t turns;
    const int *n;              /* [turns] */
    const niact_order *orders; /* [turns * NIACT_MAX_ORDERS] */
} niact_ai_memory;

/* niact_ai_think for a seat that remembers its own orders (memory may be NULL: none). */
niact_status niact_ai_think_remembering(niact_host *host, const niact_game *snapshot, int role,
                                        const niact_ai_config *cfg,
                                        const niact_ai_memory *memory, niact_order *orders,
                                        int *n, niact_ai_stats *stats);


/* ---- negotiation (engine/ai/negotiate.c) ---- */

/* One negotiating move of an AI seat. */
typedef enum niact_ai_move_kind {
    NIACT_AI_MOVE_NONE = 0,   /* nothing more this turn */
    NIACT_AI_MOVE_ANSWER,     /* answer proposal `id` (accept or not) */
    NIACT_AI_MOVE_PROPOSE,    /* propose terms[0..n_terms) to `to` (public_: in public) */
    NIACT_AI_MOVE_TELEGRAM,   /* send `text` to `to` (a personality's reason or message) */
} niact_ai_move_kind;

typedef struct niact_ai_move {
    niact_ai_move_kind kind;
    int32_t id;               /* ANSWER: the proposal */
    int accept;               /* ANSWER */
    uint32_t to;              /* PROPOSE, TELEGRAM: addressees */
    int public_;              /* PROPOSE */
    int n_terms;              /* PROPOSE */
    int32_t counter_of;       /* PROPOSE: the proposal it counters (rejecting it), or 0 */
    niact_term_item terms[NIACT_MAX_TERMS];
    char text[NIACT_HOST_OFFER_TEXT]; /* TELEGRAM */
} niact_ai_move;

#define NIACT_AI_MAX_OFFERS 8 /* proposals a personality's hook may make in one turn */

/* Where an AI seat is in its negotiation of one turn. */
#define NIACT_AI_MAX_TRIED 24 /* own proposals (counters too) one seat tries in a turn */
typedef struct niact_ai_package {
    uint32_t to;
    int n_terms;
    niact_term_item terms[NIACT_MAX_TERMS];
} niact_ai_package;

typedef struct niact_ai_talk {
    int next;                 /* next proposal (index in the seat's view) to consider */
    int done;                 /* answers given and its own proposal decided */
    const char *personality;  /* the seat's scripted personality (its propose and answer
                                 hooks), NULL for the generic routine only */
    niact_ai_level level;     /* a search seat: answers and its own packages are judged by
                                 playouts (NONE: by the terms' value) */
    int32_t budget;           /* a search seat: its decision's budget (units, with its own
                                 :UNITS); the turn's negotiation may spend as much */
    double talk_left;         /* units of it the turn's judgements have not spent yet */
    double talk_spent;        /* units the turn's judgements spent (not capped: what a test
                                 checks stays within the budget, one round's overshoot) */
    int asked;                /* its propose hook has been asked this turn */
    int n_offers, next_offer; /* what the hook proposed, and the next to make */
    niact_host_offer offers[NIACT_AI_MAX_OFFERS];
    uint32_t tell_to;         /* a telegram still to send (after an answer or a proposal) */
    char tell[NIACT_HOST_OFFER_TEXT];
    int32_t reject_id;        /* a proposal it countered: rejected outright if the counter
                                 was refused */
    char reject_why[NIACT_HOST_OFFER_TEXT];
    int n_tried;              /* packages it proposed (or tried to) this turn */
    niact_ai_package tried[NIACT_AI_MAX_TRIED];
    int proposed;             /* own proposals (not counters) tried this turn */
} niact_ai_talk;

/* Starts a turn's negotiation; personality may be NULL (or "", "random", a search level:
 * the generic routine). */
void niact_ai_talk_start(niact_ai_talk *t, const char *personality);
/* The AI seat's next move of this turn, judged on the game as it is now (the caller
 * carries out each move before asking for the next): first an answer to every open
 * proposal addressed to it, in order, then its own proposals. A scripted personality
 * with an `answer` hook answers for itself (its reason, if it gives one, is sent to the
 * proposer as a telegram), and one with a `propose` hook makes its own proposals (each
 * with its telegram, if any); a hook that returns nil, and a seat without hooks, fall
 * back to the generic routine (docs/ai.md, "Negotiation"):
 *  - it accepts a proposal worth more than zero to it, what others promise priced by
 *    their record as the seat has seen it (a discount, never above the term's value);
 *  - whatever decided, it refuses a proposal holding a term of an open agreement it is
 *    party to (no overlapping deals), one that has it promise a term it has broken more
 *    often than kept (it offers only what it can deliver), and a third near-variant of
 *    packages the same proposer already had refused (it cannot be read by variants);
 *  - when it refuses a two-party proposal it counters (a PROPOSE move with counter_of):
 *    a changed parameter, a term it asks in return, or the term it cannot accept
 *    dropped or replaced, so that both sides gain as it judges them, with a telegram
 *    saying why in the terms' declared names; if the counter is refused by the game it
 *    rejects the proposal outright;
 *  - then its own packages, to each other seat (up to two a turn, the next one tried if
 *    the game refuses one): never one it proposed in the last two turns, one the
 *    partner broke, one holding a term of an open agreement, or one it cannot deliver.
 * A search seat (level not NONE) judges answers and its own packages by playouts of its
 * search (engine/ai/deal.c), all of a turn's judgements within one decision's budget
 * (t->budget units, counted like the search's: deterministic); once it is spent, by the
 * terms' value. NONE when it is done. The game is not changed; hooks and
 * `value` run in the seat's read-only view on host h. A failing hook is returned as its
 * error (the seat's talk stops for the turn). */
niact_status niact_ai_talk_next(niact_host *h, niact_game *g, int role, niact_ai_talk *t,
                                niact_ai_move *m);

#endif
