/* Negotiation: proposals made of the scenario's terms, answers, agreements whose
 * commitments the game holds parties to, trust, and telegrams.
 *
 * A proposal goes from one role to one or more others, privately or copied to all. Each
 * addressee accepts or rejects (a counter is a rejection plus a new proposal linked to
 * the old). When every addressee has accepted, the proposal is an agreement: each term
 * becomes a commitment of the party that gives it, due within the term's window. At the
 * end of every turn the scenario's rules judge each open commitment (kept, broken, or not
 * yet); one still open at its deadline is broken. Keeping builds the giver's trust;
 * breaking costs it, and every party is told who broke what. */
#ifndef NIACT_NEGOTIATION_H
#define NIACT_NEGOTIATION_H

#include "niact/game.h"

#define NIACT_MAX_TERMS 6        /* terms in one proposal */
/* Proposals are capped per seat per turn only (the scenario's proposals_per_turn,
 * niact_scenario_proposals_per_turn): a game holds as many as its seats may make at that
 * cap in every turn, in storage that grows with them. The scenario's cap is bounded so
 * that this whole allowance is at most NIACT_MAX_GAME_PROPOSALS (turns x roles x cap),
 * which bounds a game's memory and its record (docs/records.md, "Limits"); every
 * scenario may allow at least 1 a seat a turn (500 turns x 8 roles). */
#define NIACT_MAX_PROPOSALS_PER_TURN 96 /* the most a scenario may let a seat make a turn */
#define NIACT_MAX_GAME_PROPOSALS 4000   /* turns x roles x proposals_per_turn, at most */
#define NIACT_MAX_GAME_COMMITMENTS (NIACT_MAX_GAME_PROPOSALS * NIACT_MAX_TERMS)
#define NIACT_TELEGRAM_MAX 2000  /* bytes of one telegram's text */
#define NIACT_TRUST_START 50
#define NIACT_TRUST_KEPT 10
#define NIACT_TRUST_BROKEN 25

typedef struct niact_term_item {
    int16_t term;  /* index in the scenario's terms */
    int16_t giver; /* the role who gives it (filled in by the core) */
    int32_t param; /* its parameter (0 if none) */
} niact_term_item;

typedef enum niact_proposal_status {
    NIACT_PROPOSAL_OPEN = 0,
    NIACT_PROPOSAL_AGREED,    /* every addressee accepted: an agreement */
    NIACT_PROPOSAL_REJECTED,  /* an addressee rejected (or countered) */
    NIACT_PROPOSAL_EXPIRED,   /* not answered in time */
    NIACT_PROPOSAL_WITHDRAWN, /* its author took it back */
} niact_proposal_status;

typedef struct niact_proposal {
    int32_t id;                /* 1, 2, ... in the order made */
    int16_t from;              /* author */
    int32_t counter_of;        /* id of the proposal it answers, 0 if none */
    uint32_t to;               /* bit per addressee */
    uint32_t accepted;         /* addressees who accepted */
    int32_t public_;           /* copied to every role */
    int32_t turn;              /* turn made */
    int32_t expires;           /* last turn it can be answered in */
    int32_t agreed_turn;       /* turn it became an agreement, -1 */
    niact_proposal_status status;
    int n_terms;
    niact_term_item terms[NIACT_MAX_TERMS];
} niact_proposal;

typedef enum niact_commitment_status {
    NIACT_COMMIT_PENDING = 0,
    NIACT_COMMIT_KEPT,
    NIACT_COMMIT_BROKEN,
} niact_commitment_status;

typedef struct niact_commitment {
    int32_t agreement;         /* the proposal's id */
    niact_term_item item;      /* what is owed, and by whom */
    int32_t deadline;          /* last turn in which it can be kept */
    int32_t settled_turn;      /* turn it was kept or broken, -1 */
    niact_commitment_status status;
} niact_commitment;

/* Makes a proposal now (any phase before the turn resolves). The core fills in each
 * term's giver (the first party, author first, that the term allows to give it) and
 * refuses a proposal whose term no party can give, or that the scenario's `legal` test
 * refuses. *id gets the new proposal's id. */
niact_status niact_game_propose(niact_game *g, int from, uint32_t to, int public_,
                                const niact_term_item *terms, int n, int counter_of,
                                int32_t *id);
/* An addressee accepts (1) or rejects (0) an open proposal. */
niact_status niact_game_answer(niact_game *g, int role, int32_t id, int accept);
/* The author withdraws an open proposal. */
niact_status niact_game_withdraw(niact_game *g, int role, int32_t id);
/* Whether `from` may propose these terms to `to` now (the checks of niact_game_propose:
 * parameters, givers, secrecy, each term's `legal` test), without proposing: *ok 1 or
 * 0. Changes nothing (the game's last error too). NIACT_ERR_NOMEM if a test ran out of
 * memory, else NIACT_OK. */
niact_status niact_game_terms_legal(niact_game *g, int from, uint32_t to, int public_,
                                    const niact_term_item *terms, int n, int *ok);
/* Whether niact_game_propose would take this proposal now: every check it makes, in its
 * order, with the reason it would give. 1 if it would; 0 if not, with the reason in why
 * (as Send would show it) and *term (if not NULL) the index of the term the refusal is
 * about, -1 if it is about the proposal as a whole (addressees, number of terms, the
 * seat's allowance, the proposal countered). Changes nothing, the game's last error
 * included; reasons come from the proposer's own proposals and the public rules (and
 * the scenario's `legal` tests, as Send would give them). */
int niact_game_propose_check(niact_game *g, int from, uint32_t to, int public_,
                             const niact_term_item *terms, int n, int counter_of, int *term,
                             char *why, size_t len);
/* Sends a telegram (free text) to the roles in `to`; it goes into their log. */
niact_status niact_game_telegram(niact_game *g, int from, uint32_t to, const char *text);

/* Proposals the role may see (its own, addressed to it, or public), by index 0..; NULL
 * past the end. role -1: all (ended games only). */
const niact_proposal *niact_game_proposal(const niact_game *g, int role, int index);
/* The proposal with this id if the role may see it, else NULL. */
const niact_proposal *niact_game_proposal_by_id(const niact_game *g, int role, int32_t id);
/* Commitments of agreements the role is party to (all roles see public agreements). */
const niact_commitment *niact_game_commitment(const niact_game *g, int role, int index);
/* Bytes the game's negotiation storage holds (its room, grown by doubling). Never more
 * than niact_scenario_negotiation_bytes: room for niact_scenario_max_proposals proposals
 * and NIACT_MAX_TERMS times as many commitments, each with every role's index entry
 * (at most 4,000 proposals: about 1.9 MB with 8 roles). The storage never moves: a
 * proposal's or commitment's pointer stays valid for the game's life. */
size_t niact_game_negotiation_bytes(const niact_game *g);
size_t niact_scenario_negotiation_bytes(const niact_scenario *sc);
/* A role's trust, 0-100, as every role sees it. */
int32_t niact_game_trust(const niact_game *g, int role);

#endif
