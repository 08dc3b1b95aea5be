/* Game records: one file that is both a save and a replay. It names the scenario (id,
 * version, content hash), the seed and the seats, and holds every turn's inputs and
 * state hash, plus the inputs already given in the turn under way. Loading a record
 * re-plays it through a session and checks every turn's hash, so a loaded game is the
 * game that was saved, or no game at all. docs/records.md describes the format: since
 * version 3, one JSON object a line (a header, each turn, the turn under way, the
 * outcome), so that a turn is appended in constant time.
 *
 * Saves are written atomically (temporary file, fsync, rename, fsync of the folder): a
 * crash in the middle of a save leaves the previous save as it was. The --record file
 * and autosaves append each turn (niact_record_append): a crash leaves the complete
 * turns before it, which load. A save never replaces a file that is not a niact save. */
#ifndef NIACT_RECORD_H
#define NIACT_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "niact/session.h"

#define NIACT_RECORD_FORMAT "niact-record" /* the "format" field */
#define NIACT_RECORD_VERSION 3             /* the "version" this build writes */
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
    int cut;                   /* the record's end was cut (a game stopped while it was
                                  being written): what was complete is loaded */
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

/* Writes the session's record to path a turn at a time: the first call (or one after
 * the file changed behind the writer's back: another size, time or inode, or a history
 * that no longer starts the same) writes it whole, atomically, as niact_record_save;
 * later calls cut the file back to the end of its last complete turn and append the new
 * turns and the tail (the turn under way, the outcome), with one fdatasync: constant
 * time a turn, however long the game. A kill at any moment leaves a file that loads with
 * every complete turn (the loader drops a cut last line; docs/records.md). The writer
 * is the caller's, zeroed before the first call, one per file. */
typedef struct niact_record_writer {
    char path[4096];   /* the file ("" before the first call) */
    int ok;            /* the file holds what this writer last wrote */
    uint64_t dev, ino; /* ... this file, */
    int64_t size;      /* ... of this size */
    int64_t mtime_ns;  /* ... and modification time */
    int64_t turns_end; /* bytes of the header and the complete turns */
    size_t turns;      /* complete turns written (history entries) */
    uint64_t header;    /* hash of the header line */
    uint64_t last_line; /* hash of the last complete turn's line */
    uint64_t rewrites, appends; /* how each call wrote (for tests and benchmarks) */
} niact_record_writer;
niact_status niact_record_append(niact_session *s, uint32_t keep, niact_record_writer *w,
                                 const char *path, char *msg, size_t msglen);

/* The autosave: one file per game, $XDG_DATA_HOME/niact/autosave/NAME.json, with the
 * session's record (every submitted input kept), written atomically. path is in and
 * out: "" on a game's first call, when a new file is named for the game
 * (niact_record_autosave_name, with "-2", "-3"... if that name is taken) and its path
 * written to path; later calls write to that path again. After a new file is made, the
 * folder keeps only its NIACT_AUTOSAVE_KEEP newest autosaves (niact_record_prune).
 * Front ends call it after the game starts and after every niact_session_resolve. */
niact_status niact_record_autosave(niact_session *s, char *path, size_t pathlen, char *msg,
                                   size_t msglen);
/* The same, appending through w (niact_record_append), keeping the turn under way's
 * orders of the roles in keep. */
niact_status niact_record_autosave_append(niact_session *s, uint32_t keep,
                                          niact_record_writer *w, char *path, size_t pathlen,
                                          char *msg, size_t msglen);
#define NIACT_AUTOSAVE_KEEP 50     /* autosaves kept; older ones are removed */
#define NIACT_AUTOSAVE_NAME_MAX 64 /* an autosave's name (without .json) is a save name */
/* An autosave's name, for a teacher to find the game: when it began (local time), the
 * scenario, every seat and the seed, e.g. 20261201-201355_november1962_us-human_ussr-ai_
 * un-ai_s3 (long ids are cut to keep it at most NIACT_AUTOSAVE_NAME_MAX bytes). */
int niact_record_autosave_name(niact_session *s, time_t when, char *name, size_t len);
/* Removes all but the keep newest niact records (by modification time; only this
 * user's regular *.json files that open as records) in dir. Returns how many it
 * removed. */
int niact_record_prune(const char *dir, int keep);

/* What a load list shows of a record without replaying it. */
typedef struct niact_record_info {
    char scenario[48];   /* the scenario's id */
    char seats[160];     /* "us human, ussr ai:historical, un ai" */
    char outcome[48];    /* "running", "settlement", "war", "last_turn", "error" or the
                            scenario's own (an id of up to 40) */
    int32_t turns;       /* complete turns in the record */
    uint64_t seed;
} niact_record_info;
/* Reads a record's summary (parsed with the loader's limits, not replayed). Returns
 * NIACT_OK, or an error with msg set (not a record, unreadable). */
niact_status niact_record_info_read(const char *path, niact_record_info *info, char *msg,
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

/* Writes len bytes to path atomically: a new temporary file beside it,
 * DIR/.BASE.niact-tmp-XXXXXXXXXXXX (12 random characters; created with O_CREAT | O_EXCL |
 * O_NOFOLLOW, so nothing planted under that name is followed or reused), write, fsync,
 * rename over path, fsync of the folder. On failure the old file is untouched and the
 * temporary file removed. After a write, the folder's stale temporary files (ours by
 * name, owned by this user, regular files, older than NIACT_TEMP_STALE_SECONDS: left by
 * a crash) are removed. */
niact_status niact_write_atomic(const char *path, const void *data, size_t len, char *msg,
                                size_t msglen);
#define NIACT_TEMP_STALE_SECONDS (15 * 60)
/* Removes dir's stale temporary files as above, those at least min_age seconds old.
 * Returns how many it removed. */
int niact_clean_temps(const char *dir, long min_age);
/* Whether a save may replace path: it does not exist, or it is an empty regular file or
 * a niact record (its text opens with {"format": "niact-record"). A folder, a symbolic
 * link, a device or any other file is refused: a save never replaces what is not a
 * save. Returns 0, or -1 with msg set. niact_record_save checks this before writing. */
int niact_record_replaceable(const char *path, char *msg, size_t msglen);
/* For a path given on the command line (--record FILE), before the game starts: a file
 * name (not a folder), replaceable, in a folder where a save can be written (tried by
 * making and removing a temporary file). Returns 0, or -1 with msg set. */
int niact_record_check_path(const char *path, char *msg, size_t msglen);
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
