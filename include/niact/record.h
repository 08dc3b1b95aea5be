/* Game records: one JSON file that is both a save and a replay. It names the scenario
 * (id, version, content hash), the seed and the seats, and holds every turn's inputs and
 * state hash, plus the inputs already given in the turn under way. Loading a record
 * re-plays it through a session and checks every turn's hash, so a loaded game is the
 * game that was saved, or no game at all. docs/records.md describes the format.
 *
 * Records are written atomically (temporary file, fsync, rename, fsync of the folder):
 * a crash in the middle of a save leaves the previous save as it was. */
#ifndef NIACT_RECORD_H
#define NIACT_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "niact/session.h"

#define NIACT_RECORD_FORMAT "niact-record" /* the "format" field */
#define NIACT_RECORD_VERSION 1             /* the "version" this build writes */
#define NIACT_RECORD_OLDEST 1              /* the oldest version this build reads */
#define NIACT_RECORD_MAX_BYTES (16u << 20) /* larger files are refused before parsing */
#define NIACT_RECORD_MAX_DEPTH 16          /* deeper JSON nesting is refused before parsing */
#define NIACT_RECORD_MAX_VALUES 1000000u   /* so are more JSON values than this */

/* keep mask for the turn under way: every role's submitted orders. */
#define NIACT_RECORD_ALL_ROLES 0xffffffffu

/* How to load a record. Zero everything for the defaults. */
typedef struct niact_record_opts {
    niact_host *host;          /* a loaded host to use (not owned), or NULL: load it */
    const char *scenario_dir;  /* with host NULL: this scenario folder instead of the
                                  record's scenario looked up by name */
    const char *lib_dir;       /* with scenario_dir: the shared library folder, or NULL */
    const niact_limits *limits; /* for a host loaded here; NULL: defaults */
    int ignore_hashes;         /* 1: note the first mismatching turn but go on */
    int ignore_content_hash;   /* 1: accept other files of the same scenario version
                                  (tests whose scenario may change; hashes still count) */
    /* Called after each turn the loader resolves (turn = turns resolved so far), for
     * replays that show the game as it goes. May be NULL. */
    void (*on_turn)(void *ud, niact_session *s, int32_t turn);
    void *ud;
} niact_record_opts;

/* A loaded game. The host is owned (freed by niact_loaded_free) only if the loader
 * loaded it. */
typedef struct niact_loaded {
    niact_host *host;
    niact_session *session;
    int own_host;              /* the loader loaded the host */
    int32_t turns;             /* complete turns in the record */
    int32_t first_mismatch;    /* with ignore_hashes: first turn whose hash differed
                                  (0 = the start), or -1 */
    int partial;               /* the record held inputs of the turn under way */
    char scenario_dir[4096];   /* the folder the loader loaded the scenario from, found
                                  by niact_path_scenario or given in scenario_dir ("" when
                                  the caller gave the host) */
} niact_loaded;

/* The session as a record, in canonical form (fixed key order and layout, so loading and
 * saving again gives the same bytes): *out is a NUL-terminated malloc'd text, *len its
 * length. keep: bit r set = role r's orders already given in the turn under way are
 * kept (a front end leaves out the seat still making up its mind); the turn's
 * negotiation is always kept, since the other seats have seen it. */
niact_status niact_record_dump(niact_session *s, uint32_t keep, char **out, size_t *len,
                               char *msg, size_t msglen);
/* niact_record_dump, written atomically to path. */
niact_status niact_record_save(niact_session *s, uint32_t keep, const char *path, char *msg,
                               size_t msglen);

/* The autosave: the session's record (every submitted input kept) written atomically to
 * $XDG_DATA_HOME/niact/autosave/<scenario id>.json, folders created as needed. Front ends
 * call it after the game starts and after every niact_session_resolve. path (if not
 * NULL) gets the file's path. */
niact_status niact_record_autosave(niact_session *s, char *path, size_t pathlen, char *msg,
                                   size_t msglen);

/* Loads a record from memory / from a file. On failure *out is zeroed, nothing is left
 * allocated and msg says what is wrong (naming the turn where there is one). Status:
 * NIACT_ERR_IO (unreadable), NIACT_ERR_FORMAT (not a record, or a record that does not
 * replay: wrong scenario, bad input, hash mismatch), NIACT_ERR_NOMEM, or the scenario's
 * own loading error. */
niact_status niact_record_load_text(const char *text, size_t len, const niact_record_opts *opts,
                                    niact_loaded *out, char *msg, size_t msglen);
niact_status niact_record_load(const char *path, const niact_record_opts *opts,
                               niact_loaded *out, char *msg, size_t msglen);
void niact_loaded_free(niact_loaded *l);

/* Writes len bytes to path atomically: path.tmp.PID, write, fsync, rename, fsync of the
 * folder. On failure the old file is untouched and the temporary file removed. */
niact_status niact_write_atomic(const char *path, const void *data, size_t len, char *msg,
                                size_t msglen);
/* Reads a whole file of at most max bytes into a NUL-terminated malloc'd buffer. */
niact_status niact_read_file(const char *path, size_t max, char **out, size_t *len, char *msg,
                             size_t msglen);

/* niact_path_data_home (niact/paths.h): the game's data folder, $XDG_DATA_HOME/niact
 * (or ~/.local/share/niact; a relative value is ignored), with sub appended ("autosave",
 * "saves"; NULL or "" for the folder itself). Creates the folders if create is set.
 * Returns 0, or -1 with msg set. */
int niact_data_dir(const char *sub, int create, char *out, size_t len, char *msg, size_t msglen);
/* A save's path inside the data folder: dir/name.json. name must be a plain name
 * (niact_name_ok: [A-Za-z0-9._-], not starting with '.', at most 64 characters): no path
 * may leave the folder. Returns 0, or -1 with msg set. */
int niact_data_file(const char *sub, const char *name, int create, char *out, size_t len,
                    char *msg, size_t msglen);

#endif
