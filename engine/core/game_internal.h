/* The game's state. Private to engine/core: everyone else goes through game.h (views)
 * or rules.h (the scenario's rules while the core has called them). */
#ifndef NIACT_GAME_INTERNAL_H
#define NIACT_GAME_INTERNAL_H

#include "niact/game.h"

#include <string.h>
#include "niact/error.h"
#include "niact/negotiation.h"

typedef struct log_item {
    int32_t turn;        /* turn in which it was written */
    niact_log_kind kind; /* what sort of entry */
    uint32_t audience;   /* bit i: role i may read it */
    char *text;          /* owned copy */
} log_item;

/* The negotiation's storage (negotiation.c): chunks of NIACT_PCHUNK proposals and
 * NIACT_CCHUNK commitments, each allocated once and kept (a copy reuses them), and the
 * roles' indexes in one allocation that grows by doubling. */
#define NIACT_PCHUNK 64
#define NIACT_CCHUNK 256
typedef struct neg_store {
    niact_proposal **pchunk;     /* [cap_pchunk] chunk table; n_pchunk allocated */
    int32_t n_pchunk, cap_pchunk;
    niact_commitment **cchunk;   /* [cap_cchunk]; n_cchunk allocated */
    int32_t n_cchunk, cap_cchunk;
    int32_t *seen_proposals;     /* [n_roles * cap_proposals], the allocation */
    int32_t *seen_commitments;   /* [n_roles * cap_commitments], inside it */
    int32_t cap_proposals, cap_commitments; /* the indexes' room */
} neg_store;

/* Distinct scenario errors told once each in a game (past them, each is told every time). */
#ifndef NIACT_TOLD_ERRORS
#define NIACT_TOLD_ERRORS 32
#endif

/* A write to the block's mutable part, kept to undo it (niact_core_touch). */
#define NIACT_UNDO_MAX 64
typedef struct niact_undo {
    uint32_t at; /* int32 cell from the block's start */
    int32_t old; /* its value before the write */
} niact_undo;

struct niact_game {
    const niact_scenario *sc; /* declarations, shared and immutable */
    niact_rules rules;        /* the scenario's rules */
    uint64_t seed;            /* the seed the game began with */
    int32_t turn;             /* turns resolved so far; the current turn's index */
    niact_phase phase;        /* where the current turn stands */
    niact_outcome outcome;    /* NONE while running */
    niact_outcome pending;    /* an end the rules asked for during this resolution */
    char outcome_text[256];   /* the outcome's text */
    char pending_text[256];   /* text of the pending end */
    char pending_scratch[256]; /* pending_text as it was at the mark pending_gen names */
    uint64_t pending_gen;     /* the mark whose pending_scratch holds the text (lazy, as block) */
    niact_rng rng;            /* the game's only chance */
    int quiet;                /* keep no log text and no per-turn hashes */
    int mute;                 /* inside a question whose refusal is thrown away: refusals
                                 format no reason (niact_core_fail) */
    int32_t unhashed_from;    /* first turn sealed while quiet (no hash kept), or -1 */

    /* One allocation holds every per-game array, so a copy is one memcpy. The first
     * `mutable_len` bytes (value..seen) are what a voided callback restores. */
    void *block;       /* the allocation */
    size_t block_len;  /* its size in bytes */
    size_t mutable_len; /* bytes from block start that a rollback restores */
    int32_t *value;    /* [n_tracks] true values */
    int32_t *est;      /* [n_roles * n_tracks] estimates */
    int32_t *err;      /* [n_roles * n_tracks] error bars */
    int32_t *seen;     /* [n_roles * n_tracks] turn of last observation, -1 never */
    int32_t *fired;    /* [n_events] times fired */
    int32_t *told;     /* [n_roles * n_events] fires that wrote the role a log entry */
    int32_t *score;    /* [n_objectives] last scores 0-100 */
    int32_t *history;  /* [(turns + 1) * n_tracks] values after setup and each turn */
    uint64_t *hashes;  /* [turns + 1] state hash after setup and each turn */
    void *scratch;     /* [mutable_len] the snapshot for rollback */
    uint64_t mark_gen; /* marks taken so far */
    uint64_t snap_gen; /* the mark whose snapshot scratch holds (taken once undo is full) */
    uint64_t undo_gen; /* the mark whose first writes undo[] holds */
    int n_undo;        /* writes in undo[] */
    niact_undo undo[NIACT_UNDO_MAX]; /* each write's cell and old value, oldest first */

    int firing;            /* an event's effect is running (its log audience is kept) */
    int asking;            /* questions running (niact_rules_ask, nested): writes refused */
    int32_t asked_writes;  /* writes refused since the outermost question began */
    niact_rng ask_rng;     /* what niact_rules_rng hands a question: a copy, thrown away */
    uint32_t fire_audience; /* roles the running event's effect has written to */

    niact_order orders[NIACT_MAX_ROLES][NIACT_MAX_ORDERS]; /* this turn's submissions */
    int n_orders[NIACT_MAX_ROLES];                         /* count per role */
    uint32_t submitted;                                    /* bit per role */
    niact_order turn_orders[NIACT_MAX_ROLES * NIACT_MAX_ORDERS]; /* in resolution order */
    int n_turn_orders;

    log_item *log;     /* entries, oldest first */
    size_t log_len;    /* entries kept */
    size_t log_cap;    /* allocated */
    size_t log_total;  /* entries ever written (quiet games count without keeping) */
    uint64_t log_hash; /* running hash of every entry written */
    uint64_t log_bytes; /* text bytes of the scenario's news and reports (quiet too) */
    uint64_t log_bytes_turn; /* log_bytes when this turn's resolution began */

    /* The negotiation: proposals and commitments in chunks that never move (a view's
     * pointer stays valid for the game's life), allocated as they are made, so a copy of
     * an early game copies little and a long game holds every proposal its seats may
     * make (niact_scenario_max_proposals). */
    neg_store store;
    int32_t n_proposals;            /* made so far, ids 1..n (niact_core_proposal) */
    int32_t n_commitments;          /* made so far, in order (niact_core_commitment) */
    int32_t trust[NIACT_MAX_ROLES]; /* per role, 0-100 */
    /* Indexes of the two (derived, not hashed; rebuilt by niact_core_index_negotiation
     * after anything rewrites them), so that the i-th proposal or commitment a role may
     * see is one lookup, not a scan of all of them: the AI's negotiation walks them by
     * index every turn. Role r's list is at store.seen_proposals + r * cap_proposals. */
    int32_t n_seen_proposals[NIACT_MAX_ROLES];
    int32_t n_seen_commitments[NIACT_MAX_ROLES];
    int32_t made_turn[NIACT_MAX_ROLES]; /* proposals each role made in turn made_on[role] */
    int32_t made_on[NIACT_MAX_ROLES];   /* the turn made_turn counts, -1 none */

    niact_error error; /* the last error (error.h); err.reason is what niact_game_error says */
    uint64_t err_gen;  /* callbacks voided so far (tells a caller its callback was voided) */
    /* The scenario errors told to the seats (a fingerprint each: context, file, line,
     * reason): the same error again is voided without another log entry, so a callback
     * that fails every turn is told once a game, not every turn. */
    uint64_t told_errors[NIACT_TOLD_ERRORS];
    int32_t n_told_errors;
    int32_t untold_errors; /* voided callbacks not told again */
    int broken;        /* an allocation failed mid-change: every later call is refused */
    niact_error_fn on_error; /* told of every voided callback (not copied), or NULL */
    void *on_error_ud;       /* its argument */
};

/* A snapshot taken before a rules callback, to void its effects if it fails. Together
 * with the lazily copied block (niact_core_touch) and pending text, it covers everything a
 * rules implementation can change through rules.h: tracks, estimates, error bars, turns
 * seen, the RNG, the log and the pending end with its text. */
typedef struct niact_mark {
    uint64_t gen;      /* which mark (the block is copied lazily, see niact_core_touch) */
    niact_rng rng;     /* the generator */
    size_t log_len;    /* entries kept */
    size_t log_total;  /* entries ever written */
    uint64_t log_hash; /* running hash of the log */
    uint64_t log_bytes; /* scenario text bytes logged */
    niact_outcome pending; /* the pending end */
} niact_mark;

void niact_core_mark(niact_game *g, niact_mark *m);
/* Before any write to a cell of the block's mutable part: a mark's first
 * NIACT_UNDO_MAX writes are logged (cell, old value), and only a callback that writes
 * more takes a snapshot of the whole mutable part (then nothing more is logged). So a
 * callback costs what it writes, never the size of the state: an event that moves one
 * track costs one logged write whatever the number of tracks (it copied every track,
 * estimate, error bar and turn seen: events firing x tracks a turn), and callbacks that
 * change nothing (scores, conditions, legality tests: most of them) cost nothing. */
void niact_core_snapshot(niact_game *g);
static inline void niact_core_touch(niact_game *g, const int32_t *cell) {
    if (g->snap_gen == g->mark_gen)
        return; /* the snapshot restores it */
    if (g->undo_gen != g->mark_gen) {
        g->undo_gen = g->mark_gen;
        g->n_undo = 0;
    }
    if (g->n_undo < NIACT_UNDO_MAX) {
        g->undo[g->n_undo].at = (uint32_t)(cell - (const int32_t *)g->block);
        g->undo[g->n_undo].old = *cell;
        g->n_undo++;
        return;
    }
    niact_core_snapshot(g);
}
void niact_core_restore(niact_game *g, const niact_mark *m);
/* After a callback that returned st: on a scenario failure, restores the mark, keeps the
 * rules' error on the game with its context (printf-style, formatted only then), tells
 * every seat and applies the scenario's error policy, and returns NIACT_OK so the turn
 * goes on. Out of memory marks the game broken and is returned. */
niact_status niact_core_settle(niact_game *g, const niact_mark *m, niact_status st,
                               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Sets the game's error (status, kind, printf-style reason); returns st. */
niact_status niact_core_fail(niact_game *g, niact_status st, niact_error_kind kind,
                             const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Marks the game broken after an allocation failed while it was changing (during
 * `during`); returns NIACT_ERR_NOMEM. Every later call returns NIACT_ERR_BROKEN. */
niact_status niact_core_break(niact_game *g, const char *during);
/* For a broken game: sets the BROKEN error and returns NIACT_ERR_BROKEN. */
niact_status niact_core_refuse_broken(niact_game *g);
/* negotiation.c: the turn's negotiation steps, called by the resolution. */
niact_status niact_core_apply_agreements(niact_game *g);
niact_status niact_core_judge_commitments(niact_game *g);
static inline niact_proposal *niact_core_proposal(const niact_game *g, int32_t i) {
    return &g->store.pchunk[i / NIACT_PCHUNK][i % NIACT_PCHUNK];
}
static inline niact_commitment *niact_core_commitment(const niact_game *g, int32_t i) {
    return &g->store.cchunk[i / NIACT_CCHUNK][i % NIACT_CCHUNK];
}
/* Frees the negotiation's storage. */
void niact_core_free_negotiation(niact_game *g);
/* Makes room for `proposals` proposals and `commitments` commitments (indexes included);
 * NIACT_ERR_NOMEM with nothing changed if it cannot. */
niact_status niact_core_reserve_negotiation(niact_game *g, int32_t proposals,
                                            int32_t commitments);
/* dst's negotiation (arrays, indexes, counts) made a copy of src's: NIACT_ERR_NOMEM with
 * dst's unchanged if the room cannot be had. */
niact_status niact_core_copy_negotiation(niact_game *dst, const niact_game *src);
/* Rebuilds the proposal and commitment indexes from the arrays (after a rewrite). */
void niact_core_index_negotiation(niact_game *g);
uint64_t niact_core_hash_negotiation(const niact_game *g, uint64_t h);

#endif
