/* Checking a scenario by playing it (`niact check`), and the findings a simulator also
 * keeps: each distinct problem once, with how often it happened and in how many games.
 *
 * niact_check_run plays what players play, through the session: every personality of
 * every role in its seats and random seats, for several seeds; it asks every action's
 * options of every seat each turn (the session's legality tests and parameter search),
 * asks each legality test twice at the start (asking must change nothing), and plays
 * one seed in a used and in a fresh Lua state (state kept outside the tracks). The host
 * tells it of every callback's problem (niact_host_set_hook) with the file and line. */
#ifndef NIACT_CHECK_H
#define NIACT_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "niact/error.h"
#include "niact/script.h"

/* One distinct problem. */
typedef struct niact_finding {
    int warning;      /* 0: an error (check fails); 1: a warning (legal, almost surely wrong) */
    niact_error e;    /* file (relative to the scenario folder; "lib/..." for the shared
                         library), line, context, reason, quoted source line */
    int64_t count;    /* times it happened */
    int64_t games;    /* games it happened in (0: not found by playing) */
} niact_finding;

/* Distinct problems, kept in the order first seen; the same problem (level, file, line,
 * context, reason) is counted, not kept again. At most NIACT_FINDINGS_MAX distinct ones;
 * more are counted in niact_findings_dropped. */
#define NIACT_FINDINGS_MAX 256
typedef struct niact_findings niact_findings;

niact_findings *niact_findings_new(void);
void niact_findings_free(niact_findings *f);
/* Problems added from now on belong to game `game` (any id; games are counted once each,
 * so ids must not repeat). */
void niact_findings_game(niact_findings *f, int64_t game);
/* Adds one occurrence. */
void niact_findings_add(niact_findings *f, const niact_error *e, int warning);
/* Adds a problem found by looking over many games at once (an action never legal in any):
 * count occurrences in `games` games. */
void niact_findings_put(niact_findings *f, const niact_error *e, int warning, int64_t count,
                        int64_t games);
/* Adds every problem of `from` (from other games than f's: the simulator's threads). */
void niact_findings_merge(niact_findings *into, const niact_findings *from);
/* Sorts: errors first, then by file, line, context, reason (so the order does not depend
 * on which thread found what first). */
void niact_findings_sort(niact_findings *f);
size_t niact_findings_count(const niact_findings *f);
const niact_finding *niact_findings_at(const niact_findings *f, size_t i);
/* Errors among them, and distinct problems not kept (past NIACT_FINDINGS_MAX). */
size_t niact_findings_errors(const niact_findings *f);
size_t niact_findings_dropped(const niact_findings *f);
/* Occurrences added since niact_findings_new: errors and warnings, errors alone. */
int64_t niact_findings_total(const niact_findings *f);
int64_t niact_findings_error_total(const niact_findings *f);
/* Makes the host report every callback's problem to f (NULL f: stop). */
void niact_findings_watch(niact_findings *f, niact_host *h);
/* "reason (in CONTEXT) (x37 across 24 games)", "warning: " first for a warning, the
 * quoted line below; without the position (the caller puts its own path first). */
size_t niact_finding_format(const niact_finding *x, char *buf, size_t len);

typedef struct niact_check_options {
    int seeds;        /* games per seating (0: NIACT_CHECK_SEEDS) */
    const char *variant; /* the scenario's variant to play (NULL: as declared) */
} niact_check_options;
#define NIACT_CHECK_SEEDS 10
#define NIACT_CHECK_MAX_SEEDS 1000

/* What was played. */
typedef struct niact_check_summary {
    char dir[4096];   /* the scenario folder found (full path) */
    char lib[4096];   /* the shared library folder ("" if none) */
    char id[64];      /* the scenario's id */
    char variant[64]; /* the variant played ("" as declared) */
    char other_variants[512]; /* with a variant asked for: the others, not played */
    int variants_played;      /* without: the declared variants played (one seed each) */
    int roles, tracks, actions, events, objectives, terms, personalities;
    int seeds;        /* games per seating */
    int n_load_warnings;        /* the declarations' warnings (niact_host_warnings) */
    char load_warnings[16384];  /* one "FILE:LINE: warning: message" a line */
    int games;        /* games played */
    int64_t turns;    /* turns played */
    int seatings;     /* seatings tried: random seats, then one per personality */
    int64_t options;  /* seats' options asked (one per seat a turn) */
} niact_check_summary;

/* Loads the scenario (the one lookup rule) and plays it. The declarations' warnings
 * (found at load: legal but almost surely wrong) are in sum->load_warnings. On a load failure returns the
 * host's status with every problem in msg (FILE:LINE: message, full paths) and adds no
 * finding; otherwise NIACT_OK with the problems in f (sorted) and sum filled in. */
niact_status niact_check_run(const char *name_or_dir, const niact_check_options *opt,
                             niact_findings *f, niact_check_summary *sum, char *msg,
                             size_t msglen);

#endif
