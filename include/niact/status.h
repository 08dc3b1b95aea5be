/* Status codes shared by every niact module. Errors are values: a function returns
 * one of these and leaves the detailed record (niact_error, error.h) on its handle. */
#ifndef NIACT_STATUS_H
#define NIACT_STATUS_H

typedef enum niact_status {
    NIACT_OK = 0,          /* success */
    NIACT_ERR_NOMEM,       /* an allocation failed */
    NIACT_ERR_INVALID,     /* the caller passed something wrong (bad id, bad order) */
    NIACT_ERR_STATE,       /* the call does not fit the game's phase */
    NIACT_ERR_SCRIPT,      /* the scenario's Lua failed (the record names file and line) */
    NIACT_ERR_LIMIT,       /* the scenario hit an instruction or memory limit */
    NIACT_ERR_IO,          /* a file could not be read or written */
    NIACT_ERR_FORMAT,      /* a file is not in the expected format */
    NIACT_ERR_BROKEN,      /* the game was left unusable by an earlier failure */
} niact_status;

/* A short English name for a status ("script error"), never NULL. */
const char *niact_status_name(niact_status st);

#endif
