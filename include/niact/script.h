/* The Lua host: loads a scenario folder into a sandboxed Lua 5.4 state, reads its
 * declarations into a niact_scenario and implements the core's rules interface.
 *
 * A host is one Lua state; use one per thread. Many games may share one host (the AI's
 * copies), one callback at a time. */
#ifndef NIACT_SCRIPT_H
#define NIACT_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "niact/game.h"
#include "niact/scenario.h"
#include "niact/status.h"

typedef struct niact_host niact_host;

/* Limits on the scenario's Lua. Zero fields take the defaults below. */
typedef struct niact_limits {
    uint64_t instructions;      /* VM instructions per callback */
    uint64_t load_instructions; /* VM instructions for loading the scenario */
    size_t memory;              /* bytes the Lua state may hold at once */
    uint64_t churn;             /* bytes one callback may allocate in all */
} niact_limits;

#define NIACT_DEFAULT_INSTRUCTIONS 5000000u
#define NIACT_DEFAULT_LOAD_INSTRUCTIONS 20000000u
#define NIACT_DEFAULT_MEMORY (64u << 20)
#define NIACT_DEFAULT_CHURN (256ull << 20)

/* Loads the scenario in `dir` (a folder holding scenario.lua). libdir is the shared
 * helper folder (scripts/lib), or NULL. On failure *out is NULL and msg holds every
 * problem found, one per line, as FILE:LINE: message. */
niact_status niact_host_load(const char *dir, const char *libdir, const niact_limits *limits,
                             niact_host **out, char *msg, size_t msglen);
void niact_host_free(niact_host *h);

/* What the scenario declares that is legal but almost surely wrong (an action that costs
 * more than any of its roles has, a role without objectives, a weight of 0...): one
 * "FILE:LINE: warning: message" a line, "" if none; *n (if not NULL) is how many. */
const char *niact_host_warnings(const niact_host *h, int *n);
/* The same warnings as records (file, line, reason; kind NIACT_KIND_SCRIPT), 0..count-1. */
int niact_host_warning_count(const niact_host *h);
const niact_error *niact_host_warning_at(const niact_host *h, int i);

/* The scenario's declarations; owned by the host. */
const niact_scenario *niact_host_scenario(const niact_host *h);
/* Plays the scenario's variant `id` (niact.variant{} in its `variants`): its calendar
 * replaces the declared one, and state:variant() says its id. Call it once, after
 * loading and before any game starts on the host; NULL or "" keeps the scenario as
 * declared. Returns 0, or -1 with the reason in msg (no such variant: the ones there are,
 * and the nearest; a variant already chosen). */
int niact_host_set_variant(niact_host *h, const char *id, char *msg, size_t msglen);
/* The rules interface bound to this host. */
const niact_rules *niact_host_rules(const niact_host *h);
/* The last error, formatted for a person ("" if none): niact_error_format of the record. */
const char *niact_host_error(const niact_host *h);
/* The last error's record (kind, file, line, bare reason; error.h). */
const niact_error *niact_host_last_error(const niact_host *h);

/* Asks a scripted personality for a role's orders this turn. The personality sees the
 * game as that role may know it and cannot change it. Writes at most max orders; *n is
 * how many. An unknown personality is NIACT_ERR_INVALID. */
niact_status niact_host_personality(niact_host *h, niact_game *g, const char *name, int role,
                                    niact_order *orders, int max, int *n);

/* Where personality `name`'s function for `role` was written: returns the line and fills
 * file (relative to the scenario folder, as in error records), or returns 0. */
int niact_host_personality_at(niact_host *h, const char *name, int role, char *file,
                              size_t len);
/* A personality's own negotiation (its `propose` and `answer` hooks, docs/modding.md),
 * run like its orders: in the seat's read-only view. */
#define NIACT_HOST_OFFER_TEXT 400
typedef struct niact_host_offer {
    uint32_t to;          /* addressees */
    int public_;          /* a public proposal */
    int n_terms;
    struct {
        int16_t term, giver; /* giver -1: not named (the core picks it) */
        int32_t param;
    } terms[6];           /* NIACT_MAX_TERMS */
    char text[NIACT_HOST_OFFER_TEXT]; /* a telegram sent with it ("" if none) */
} niact_host_offer;
/* The proposals the personality makes now: at most max in out, *n how many; *n is -1
 * when it has no `propose` hook for the role or the hook returned nil (the generic AI
 * proposes instead). */
niact_status niact_host_personality_propose(niact_host *h, niact_game *g, const char *name,
                                            int role, niact_host_offer *out, int max, int *n);
/* Its answer to proposal `id`: *accept 1 or 0, or -1 when it has no `answer` hook or the
 * hook returned nil (the generic AI answers); why gets its reason ("" if none), which the
 * AI sends the proposer as a telegram. */
niact_status niact_host_personality_answer(niact_host *h, niact_game *g, const char *name,
                                           int role, int32_t id, int *accept, char *why,
                                           size_t whylen);
/* What its `answer` hook would say to package p (p->from the partner, p->to the role),
 * a proposal not (yet) in the game: a counter the AI might make in the role's name is
 * asked first, so a seat never counters with terms it would itself refuse. *accept 1, 0,
 * or -1 (no hook, or nil). */
struct niact_proposal;
niact_status niact_host_personality_judge(niact_host *h, niact_game *g, const char *name,
                                          int role, const struct niact_proposal *p,
                                          int *accept);

/* The value of a term to `role`, as the scenario's `value` function judges it, seen
 * from `viewer`'s knowledge (the function runs in viewer's read-only view). A term with
 * no value function is worth 0. */
struct niact_term_item;
niact_status niact_host_term_value(niact_host *h, niact_game *g, int viewer, int role,
                                   const struct niact_term_item *t, double *value);

/* A hook told of every problem of a scenario callback, once its record is complete: a
 * failure (warning = 0: the callback raised, hit a limit, or returned what the engine
 * cannot use), or a result the engine takes but that is almost surely a mistake
 * (warning = 1: a legality test or condition that answered a number, a string or a
 * table, which Lua counts as true). e->file and e->line are where the error was raised
 * in the scenario's files, or else where the failing callback was written; e->context
 * names the callback ("action 'recon'", "personality 'hawk' for 'us'", "term 'trade'
 * (value)"). The hook must not call the host. NULL fn removes it. Failures are also
 * what the callers see as before: the hook only lets a checker or a simulator count
 * them, including those a caller takes as a plain "no" or a 0 (a term's value that
 * fails is worth 0 to the AI). */
typedef void (*niact_host_hook)(void *ud, const niact_error *e, int warning);
void niact_host_set_hook(niact_host *h, niact_host_hook fn, void *ud);

/* Bytes the Lua state holds now, and the most it has held. */
size_t niact_host_memory(const niact_host *h, size_t *peak);

#endif
