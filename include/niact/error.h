/* One error convention for every handle (game, host, session), as SQLite keeps an error
 * code and message on its connection: a function returns a niact_status and leaves a
 * niact_error on its handle, filled in where the error arises.
 *
 * No layer parses another layer's sentence: the kind says what happened (the instruction
 * limit fires in the count hook and sets NIACT_KIND_INSTRUCTIONS there; a scenario's own
 * error("rate limit exceeded") is NIACT_KIND_SCRIPT whatever it says), file and line say
 * where, and reason is the bare reason without position or prefix. A front end puts its
 * own words around the reason once ("Not possible now: " + reason), or asks
 * niact_error_format for the one sentence shown to a person. */
#ifndef NIACT_ERROR_H
#define NIACT_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "niact/status.h"

typedef enum niact_error_kind {
    NIACT_KIND_NONE = 0,     /* no error */
    NIACT_KIND_NOMEM,        /* the engine could not allocate memory */
    NIACT_KIND_INVALID,      /* the request was refused: bad id, illegal order, bad config */
    NIACT_KIND_STATE,        /* the request does not fit the game's phase */
    NIACT_KIND_SCRIPT,       /* the scenario's Lua raised an error */
    NIACT_KIND_QUERY,        /* a question (legal, value, personality) tried to change the game */
    NIACT_KIND_INSTRUCTIONS, /* the scenario hit its instruction limit */
    NIACT_KIND_MEMORY,       /* the scenario hit its memory cap */
    NIACT_KIND_ALLOCATION,   /* the scenario hit its allocation budget for one callback */
    NIACT_KIND_IO,           /* a file could not be read or written */
    NIACT_KIND_FORMAT,       /* a file is not in the expected format */
    NIACT_KIND_BROKEN,       /* the game was left unusable by an earlier failure */
} niact_error_kind;

typedef struct niact_error {
    niact_status status;   /* the status returned with this error (NIACT_OK: none) */
    niact_error_kind kind; /* what happened */
    char file[96];         /* scenario file, relative to its folder ("rules.lua"), or "" */
    int32_t line;          /* line in file, 0 if unknown */
    char context[128];     /* what was running ("action 'blockade'"), or "" */
    char reason[512];      /* the bare reason: no position, no context, no prefix */
    char source[160];      /* the offending source line, trimmed, or "" */
} niact_error;

/* Empties e (status NIACT_OK, kind NONE, every text ""). */
void niact_error_clear(niact_error *e);
/* Copies status, kind, line and each text up to its end (what every reader of an error
 * sees), not the unused rest of the buffers: a cheap save and restore. */
void niact_error_copy(niact_error *dst, const niact_error *src);
/* Sets a fresh error: status, kind and a printf-style reason; file, line, context and
 * source are cleared. Returns st, so `return niact_error_set(e, st, ...)` reads well. */
niact_status niact_error_set(niact_error *e, niact_status st, niact_error_kind kind,
                             const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Sets e's context (printf-style), replacing any. */
void niact_error_context(niact_error *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The status that goes with a kind (INSTRUCTIONS -> NIACT_ERR_LIMIT, QUERY -> SCRIPT). */
niact_status niact_error_kind_status(niact_error_kind kind);
/* A short English name of a kind ("instruction limit"), never NULL. */
const char *niact_error_kind_name(niact_error_kind kind);
/* The one sentence for a person: "FILE:LINE: reason (in CONTEXT)", then, if known, the
 * source line quoted on a second line ("    12 | return state:roll(6)"). Parts that are
 * empty are left out. Returns the length it wanted (as snprintf). */
size_t niact_error_format(const niact_error *e, char *buf, size_t len);

#endif
