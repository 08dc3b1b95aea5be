/* A mirror game: a game on a network client whose state is only what one seat was told
 * (engine/core/mirror.c). The session's remote mode (niact_session_remote) builds one
 * from the scenario loaded on the client and fills it from each seat view the host
 * sends; front ends read it through the usual const accessors (game.h), which then answer
 * from what the seat knows: a hidden value, another seat's estimates and orders, the
 * seed and the proposals it may not see are not in it.
 *
 * Called by engine/session only (tests/boundary forbids it to the front ends). */
#ifndef NIACT_MIRROR_H
#define NIACT_MIRROR_H

#include "niact/game.h"
#include "niact/negotiation.h"

typedef struct niact_mirror_entry {
    int32_t turn;
    niact_log_kind kind;
    uint32_t audience;
    const char *text;
} niact_mirror_entry;

/* Everything one seat knows. Arrays are the scenario's sizes; what the seat does not know
 * is 0 (the accessors never show it: the scenario's visibility says what they read). */
typedef struct niact_mirror {
    int role;
    int32_t turn;
    niact_phase phase;
    niact_outcome outcome;
    const char *outcome_text;
    const int32_t *value;     /* [n_tracks]: true values the seat sees (all, once ended) */
    const int32_t *est, *err, *seen; /* [n_tracks]: the seat's estimates */
    const int32_t *score;     /* [n_objectives]: the seat's (all, once ended) */
    const int32_t *history;   /* [(turn + 1) * n_tracks] */
    uint32_t submitted;       /* roles that have given orders this turn */
    const niact_order *orders; /* the seat's given orders this turn */
    int n_orders;
    const niact_mirror_entry *log; /* the seat's entries, in order */
    size_t n_log;
    const niact_proposal *proposals; /* [n_proposals], id i + 1 at index i (a proposal the
                                        seat may not see: an empty one, nobody's) */
    int32_t n_proposals;
    const niact_commitment *commitments;
    int32_t n_commitments;
    const int32_t *trust;     /* [n_roles] */
} niact_mirror;

/* Replaces the game's state with m after checking every field's range (roles, tracks,
 * terms, ids, kinds, turns, counts): on a refusal (NIACT_ERR_INVALID, the reason on the
 * game) or out of memory nothing changes. The game's rules are never run on a mirror. */
niact_status niact_game_mirror(niact_game *g, const niact_mirror *m);

#endif
