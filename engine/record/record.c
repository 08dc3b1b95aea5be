/* Writing records, the JSON checking helpers and the format's upgrade steps. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "record_internal.h"

niact_status rec_fail(char *msg, size_t msglen, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msglen, fmt, ap);
    va_end(ap);
    return NIACT_ERR_FORMAT;
}

const char *rec_type_name(const json_t *j) {
    switch (j ? json_typeof(j) : JSON_NULL) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a real number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

niact_status rec_check_keys(json_t *obj, const char *const *allowed, const char *where,
                            char *msg, size_t msglen) {
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        int ok = 0;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(key, allowed[i]) == 0;
        if (!ok)
            return rec_fail(msg, msglen, "%s: unknown field \"%.64s\"", where, key);
    }
    return NIACT_OK;
}

niact_status rec_get(json_t *obj, const char *key, json_type type, json_t **out,
                     const char *where, char *msg, size_t msglen) {
    static const char *const names[] = {"an object", "an array", "a string", "an integer",
                                        "a real number", "true", "false", "null"};
    json_t *v = json_object_get(obj, key);
    *out = v;
    if (!v)
        return rec_fail(msg, msglen, "%s: missing field \"%s\"", where, key);
    if (json_typeof(v) != type)
        return rec_fail(msg, msglen, "%s: \"%s\" must be %s, not %s", where, key,
                        (unsigned)type < 8 ? names[type] : "?", rec_type_name(v));
    return NIACT_OK;
}

void rec_hex64(uint64_t v, char out[17]) {
    snprintf(out, 17, "%016" PRIx64, v);
}

int rec_parse_hex64(const char *s, uint64_t *v) {
    uint64_t x = 0;
    if (strlen(s) != 16)
        return -1;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        x = x << 4 | (uint64_t)d;
    }
    *v = x;
    return 0;
}

/* Upgrade steps: steps[i] turns version NIACT_RECORD_OLDEST + i into the next one. A
 * change of format adds a step here and bumps NIACT_RECORD_VERSION, and records of every
 * older version keep loading. */
typedef niact_status (*upgrade_step)(json_t *root, char *msg, size_t msglen);

/* 1 -> 2: version 2 adds the moderator's kinds of input (pause, resume, deadline,
 * default, inject, message, free_seat); a version 1 record is a version 2 record
 * without them. */
static niact_status upgrade_1_2(json_t *root, char *msg, size_t msglen) {
    (void)root;
    (void)msg;
    (void)msglen;
    return NIACT_OK;
}

/* 2 -> 3: version 3 changed the layout only (one JSON object a line, so a turn is
 * appended in constant time); the loader gives both layouts the same tree. */
static niact_status upgrade_2_3(json_t *root, char *msg, size_t msglen) {
    (void)root;
    (void)msg;
    (void)msglen;
    return NIACT_OK;
}

static const upgrade_step steps[NIACT_RECORD_VERSION - NIACT_RECORD_OLDEST + 1] = {
    upgrade_1_2, upgrade_2_3, NULL};

niact_status rec_upgrade(json_t *root, int64_t version, char *msg, size_t msglen) {
    if (version < NIACT_RECORD_OLDEST)
        return rec_fail(msg, msglen, "record format version %" PRId64 " is not one this build "
                        "reads (oldest %d, newest %d)", version, NIACT_RECORD_OLDEST,
                        NIACT_RECORD_VERSION);
    if (version > NIACT_RECORD_VERSION)
        return rec_fail(msg, msglen, "record format version %" PRId64 " was written by a newer "
                        "niact; this build reads versions %d to %d", version,
                        NIACT_RECORD_OLDEST, NIACT_RECORD_VERSION);
    for (int64_t v = version; v < NIACT_RECORD_VERSION; v++) {
        if (!steps[v - NIACT_RECORD_OLDEST])
            return rec_fail(msg, msglen, "this build cannot upgrade records of format version "
                            "%" PRId64, v);
        niact_status st = steps[v - NIACT_RECORD_OLDEST](root, msg, msglen);
        if (st != NIACT_OK)
            return st;
        json_object_set_new(root, "version", json_integer(v + 1));
    }
    return NIACT_OK;
}

const char *rec_outcome_id(const niact_scenario *sc, niact_outcome o) {
    return niact_scenario_outcome(sc, o).id;
}

static json_t *hex_string(uint64_t v) {
    char hex[17];
    rec_hex64(v, hex);
    return json_string(hex);
}

static json_t *build_seats(niact_session *s) {
    const niact_scenario *sc = niact_session_scenario(s);
    json_t *seats = json_object();
    for (int r = 0; r < sc->n_roles && seats; r++) {
        const niact_seat *seat = niact_session_seat(s, r);
        char text[48];
        if (seat->kind == NIACT_SEAT_HUMAN)
            snprintf(text, sizeof text, "human");
        else if (seat->actor)
            snprintf(text, sizeof text, "actor");
        else if (!seat->personality[0])
            snprintf(text, sizeof text, "ai");
        else
            snprintf(text, sizeof text, "ai:%s", seat->personality);
        if (json_object_set_new(seats, sc->roles[r].meta.id, json_string(text)) != 0) {
            json_decref(seats);
            return NULL;
        }
    }
    return seats;
}

/* One turn of the history: its inputs, then (resolved) every role's orders and the hash
 * after it; the turn under way keeps the orders of the roles in keep; a turn cut by a
 * rollback has no orders and no hash. */
static json_t *build_turn(niact_session *s, const niact_played *p, uint32_t keep) {
    json_t *turn = json_object(), *inputs = json_array();
    int bad = !turn || !inputs;
    bad = bad || rec_encode_inputs(s, p, keep, inputs) != NIACT_OK;
    bad = bad || json_object_set_new(turn, "turn", json_integer(p->turn + 1));
    bad = bad || json_object_set(turn, "inputs", inputs);
    if (!bad && p->resolved)
        bad = json_object_set_new(turn, "hash", hex_string(p->hash));
    json_decref(inputs);
    if (bad) {
        json_decref(turn);
        return NULL;
    }
    return turn;
}

static json_t *build_scenario(const niact_scenario *sc) {
    json_t *j = json_object();
    if (!j || json_object_set_new(j, "id", json_string(sc->meta.id)) ||
        json_object_set_new(j, "version", json_string(sc->version)) ||
        json_object_set_new(j, "content_hash", hex_string(sc->content_hash))) {
        json_decref(j);
        return NULL;
    }
    const niact_variant_def *v = niact_scenario_variant_played(sc);
    if (v && json_object_set_new(j, "variant", json_string(v->meta.id))) {
        json_decref(j);
        return NULL;
    }
    return j;
}

/* Sets key to a new value; a NULL value (failed allocation) counts as failure. */
static int put(json_t *obj, const char *key, json_t *v) {
    return v ? json_object_set_new(obj, key, v) : -1;
}

/* The byte offset of the first byte of s that is not valid UTF-8 (shortest form, no
 * surrogates, at most U+10FFFF: what jansson accepts), or -1. */
static long utf8_bad(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; p[i];) {
        unsigned c = p[i];
        size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
                                : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (!n)
            return (long)i;
        uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
        for (size_t k = 1; k < n; k++) {
            if ((p[i + k] & 0xc0) != 0x80)
                return (long)i;
            cp = cp << 6 | (p[i + k] & 0x3f);
        }
        static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return (long)i;
        i += n;
    }
    return -1;
}

/* Every text the record will hold is valid UTF-8 (JSON holds nothing else): the
 * scenario's id, version and declared ids, the seats' personalities and every telegram.
 * Otherwise the true reason, so a failed save never says "out of memory". */
static niact_status check_texts(niact_session *s, size_t from, char *msg, size_t msglen) {
    const niact_scenario *sc = niact_session_scenario(s);
    const char *what = NULL, *text = NULL;
    char where[160];
    long at = -1;
#define CHECK(str, ...)                                                                   \
    do {                                                                                  \
        if (at < 0 && (str) && (at = utf8_bad(str)) >= 0) {                               \
            snprintf(where, sizeof where, __VA_ARGS__);                                   \
            what = where;                                                                 \
            text = (str);                                                                 \
        }                                                                                 \
    } while (0)
    CHECK(sc->meta.id, "the scenario's id");
    CHECK(sc->version, "the scenario's version");
    for (int r = 0; r < sc->n_roles; r++) {
        CHECK(sc->roles[r].meta.id, "the id of role %d", r + 1);
        CHECK(niact_session_seat(s, r)->personality, "the AI personality of role %d", r + 1);
    }
    for (int a = 0; a < sc->n_actions; a++)
        CHECK(sc->actions[a].meta.id, "the id of action %d", a + 1);
    for (int t = 0; t < sc->n_terms; t++)
        CHECK(sc->terms[t].meta.id, "the id of term %d", t + 1);
    niact_played p;
    for (size_t k = from; niact_session_played_at(s, k, &p); k++)
        for (size_t i = 0; i < p.n_inputs; i++) {
            const niact_input *in = &p.inputs[i];
            if (in->kind == NIACT_INPUT_TELEGRAM)
                CHECK(in->text, "the telegram of role %d in turn %d", in->role + 1,
                      (int)in->turn + 1);
            else if (in->kind == NIACT_INPUT_MESSAGE)
                CHECK(in->text, "the moderator's message in turn %d", (int)in->turn + 1);
        }
#undef CHECK
    if (!what)
        return NIACT_OK;
    snprintf(msg, msglen, "the record cannot be written: %s is not valid UTF-8 (byte %ld, "
             "0x%02x); a record holds only UTF-8 text", what, at + 1,
             (unsigned)(unsigned char)text[at]);
    return NIACT_ERR_INVALID;
}

/* The record's fields before its turns (NULL when out of memory). */
static json_t *build_header(niact_session *s) {
    const niact_scenario *sc = niact_session_scenario(s);
    niact_game *g = niact_session_game(s);
    uint64_t h0 = 0;
    char seed[24];
    snprintf(seed, sizeof seed, "%" PRIu64, niact_game_seed(g));
    niact_game_turn_hash(g, 0, &h0);
    json_t *root = json_object();
    int bad = !root || put(root, "format", json_string(NIACT_RECORD_FORMAT)) ||
              put(root, "version", json_integer(NIACT_RECORD_VERSION)) ||
              put(root, "scenario", build_scenario(sc)) || put(root, "seed", json_string(seed)) ||
              put(root, "seats", build_seats(s)) || put(root, "start_hash", hex_string(h0));
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

niact_status rec_build(niact_session *s, uint32_t keep, json_t **out, char *msg, size_t msglen) {
    *out = NULL;
    niact_status tst = check_texts(s, 0, msg, msglen);
    if (tst != NIACT_OK)
        return tst;
    niact_game *g = niact_session_game(s);
    json_t *root = build_header(s), *turns = json_array();
    int bad = !root || !turns;
    niact_played p;
    for (size_t k = 0; !bad && niact_session_played_at(s, k, &p) && !p.last; k++)
        bad = json_array_append_new(turns, build_turn(s, &p, 0)) != 0;
    bad = bad || json_object_set(root, "turns", turns);
    if (!bad && niact_game_phase(g) != NIACT_PHASE_ENDED &&
        niact_session_played_at(s, niact_session_played_count(s) - 1, &p))
        bad = put(root, "current", build_turn(s, &p, keep));
    bad = bad || put(root, "outcome", json_string(rec_outcome_id(niact_game_scenario(g), niact_game_outcome(g))));
    json_decref(turns);
    if (bad) {
        json_decref(root);
        snprintf(msg, msglen, "out of memory while writing the record");
        return NIACT_ERR_NOMEM;
    }
    *out = root;
    return NIACT_OK;
}

/* The canonical layout: one line per field, per turn and per input, each value on its
 * line compact with ", " and ": " separators, keys in the order they were set. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
    int bad; /* an allocation or encoding failed */
} sbuf;

static int sb_put(const char *s, size_t n, void *ud) {
    sbuf *b = ud;
    if (b->bad)
        return -1;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->bad = 1;
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return 0;
}

static void sb_str(sbuf *b, const char *s) {
    sb_put(s, strlen(s), b);
}

static void sb_json(sbuf *b, json_t *j) {
    if (json_dump_callback(j, sb_put, b, JSON_ENCODE_ANY | JSON_PRESERVE_ORDER) != 0)
        b->bad = 1;
}

/* The journal layout (version 3, docs/records.md): one JSON object a line, in the order
 * of the tree: the header (every field but the turns, the turn under way and the
 * outcome), each turn, {"current": TURN} if a turn is under way, {"outcome": ID}. A
 * writer appends a turn by cutting the file back to the end of its last turn and writing
 * the new turns and that tail again; a kill at any moment leaves complete lines and at
 * most one cut line at the end, which the loader drops. *tail_at gets the offset where
 * the tail (current and outcome) begins. */
static void sb_line(sbuf *b, const char *key, json_t *v) {
    sb_str(b, "{\"");
    sb_str(b, key);
    sb_str(b, "\": ");
    sb_json(b, v);
    sb_str(b, "}\n");
}

static void sb_header(sbuf *b, json_t *root) {
    const char *key;
    json_t *v;
    int first = 1;
    sb_str(b, "{");
    json_object_foreach(root, key, v) {
        if (!strcmp(key, "turns") || !strcmp(key, "current") || !strcmp(key, "outcome"))
            continue;
        sb_str(b, first ? "\"" : ", \"");
        sb_str(b, key);
        sb_str(b, "\": ");
        sb_json(b, v);
        first = 0;
    }
    sb_str(b, "}\n");
}

static void sb_record(sbuf *b, json_t *root, size_t *tail_at) {
    sb_header(b, root);
    json_t *turns = json_object_get(root, "turns"), *cur = json_object_get(root, "current");
    for (size_t i = 0; i < json_array_size(turns); i++) {
        sb_json(b, json_array_get(turns, i));
        sb_str(b, "\n");
    }
    *tail_at = b->n;
    if (cur)
        sb_line(b, "current", cur);
    sb_line(b, "outcome", json_object_get(root, "outcome"));
}

static niact_status dump(niact_session *s, uint32_t keep, sbuf *b, size_t *tail_at, char *msg,
                         size_t msglen) {
    json_t *root;
    niact_status st = rec_build(s, keep, &root, msg, msglen);
    if (st != NIACT_OK)
        return st;
    sb_record(b, root, tail_at);
    json_decref(root);
    if (b->bad) {
        free(b->p);
        b->p = NULL;
        snprintf(msg, msglen, "out of memory while writing the record");
        return NIACT_ERR_NOMEM;
    }
    return NIACT_OK;
}

niact_status niact_record_dump(niact_session *s, uint32_t keep, char **out, size_t *len,
                               char *msg, size_t msglen) {
    char scratch[1];
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    *out = NULL;
    *len = 0;
    sbuf b = {0};
    size_t tail_at;
    niact_status st = dump(s, keep, &b, &tail_at, msg, msglen);
    if (st != NIACT_OK)
        return st;
    *out = b.p;
    *len = b.n;
    return NIACT_OK;
}

niact_status niact_record_save(niact_session *s, uint32_t keep, const char *path, char *msg,
                               size_t msglen) {
    char scratch[1];
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    if (niact_session_remote_role(s) >= 0) { /* a mirror holds one seat's view, no inputs */
        snprintf(msg, msglen, "this seat is played from another computer: the host keeps "
                              "the game's record");
        return NIACT_ERR_STATE;
    }
    if (niact_record_replaceable(path, msg, msglen) != 0)
        return NIACT_ERR_IO;
    char *text;
    size_t len;
    niact_status st = niact_record_dump(s, keep, &text, &len, msg, msglen);
    if (st != NIACT_OK)
        return st;
    st = niact_write_atomic(path, text, len, msg, msglen);
    free(text);
    return st;
}

/* ---- appending ----------------------------------------------------------------------- */

static uint64_t text_hash(const char *p, size_t n) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

/* The line of history entry k (a complete turn) into b. */
static void sb_turn_line(sbuf *b, niact_session *s, size_t k) {
    niact_played p;
    niact_session_played_at(s, k, &p);
    json_t *turn = build_turn(s, &p, 0);
    if (!turn) {
        b->bad = 1;
        return;
    }
    sb_json(b, turn);
    sb_str(b, "\n");
    json_decref(turn);
}

/* The tail: the turn under way (unless the game ended) and the outcome. */
static void sb_tail(sbuf *b, niact_session *s, uint32_t keep) {
    niact_game *g = niact_session_game(s);
    niact_played p;
    if (niact_game_phase(g) != NIACT_PHASE_ENDED &&
        niact_session_played_at(s, niact_session_played_count(s) - 1, &p)) {
        json_t *cur = build_turn(s, &p, keep);
        if (!cur)
            b->bad = 1;
        else
            sb_line(b, "current", cur);
        json_decref(cur);
    }
    json_t *o = json_string(rec_outcome_id(niact_game_scenario(g), niact_game_outcome(g)));
    if (!o)
        b->bad = 1;
    else
        sb_line(b, "outcome", o);
    json_decref(o);
}

/* What the writer knows of a file it wrote, from fstat. */
static void writer_stat(niact_record_writer *w, const struct stat *st) {
    w->dev = (uint64_t)st->st_dev;
    w->ino = (uint64_t)st->st_ino;
    w->size = (int64_t)st->st_size;
    w->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int writer_same(const niact_record_writer *w, const struct stat *st) {
    return S_ISREG(st->st_mode) && w->dev == (uint64_t)st->st_dev &&
           w->ino == (uint64_t)st->st_ino && w->size == (int64_t)st->st_size &&
           w->mtime_ns == (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* The whole record, atomically, and what the writer must know to append to it. */
static niact_status rewrite(niact_session *s, uint32_t keep, niact_record_writer *w,
                            const char *path, char *msg, size_t msglen) {
    w->ok = 0;
    if (niact_record_replaceable(path, msg, msglen) != 0)
        return NIACT_ERR_IO;
    sbuf b = {0};
    size_t tail_at;
    niact_status st = dump(s, keep, &b, &tail_at, msg, msglen);
    if (st != NIACT_OK)
        return st;
    st = niact_write_atomic(path, b.p, b.n, msg, msglen);
    struct stat fs;
    if (st == NIACT_OK && lstat(path, &fs) == 0 && S_ISREG(fs.st_mode)) {
        size_t n = niact_session_played_count(s);
        /* The last complete turn's line ends at tail_at; it begins after the newline
         * before it. */
        size_t start = tail_at > 0 ? tail_at - 1 : 0;
        while (start > 0 && b.p[start - 1] != '\n')
            start--;
        writer_stat(w, &fs);
        const char *nl = memchr(b.p, '\n', b.n);
        w->header = text_hash(b.p, nl ? (size_t)(nl - b.p) + 1 : b.n);
        w->turns_end = (int64_t)tail_at;
        w->turns = n ? n - 1 : 0;
        w->last_line = w->turns ? text_hash(b.p + start, tail_at - start) : 0;
        w->ok = 1;
        w->rewrites++;
    }
    free(b.p);
    return st;
}

niact_status niact_record_append(niact_session *s, uint32_t keep, niact_record_writer *w,
                                 const char *path, char *msg, size_t msglen) {
    char scratch[1];
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    if (!path || !*path || strlen(path) >= sizeof w->path) {
        snprintf(msg, msglen, "no file name to save to");
        return NIACT_ERR_IO;
    }
    if (strcmp(w->path, path) != 0) {
        memset(w, 0, sizeof *w);
        snprintf(w->path, sizeof w->path, "%s", path);
    }
    size_t n = niact_session_played_count(s);
    if (!w->ok || n < 1 || n - 1 < w->turns)
        return rewrite(s, keep, w, path, msg, msglen);
    /* The file must be the one this writer wrote, unchanged since: else all of it again. */
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat fs;
    if (fd < 0 || fstat(fd, &fs) != 0 || !writer_same(w, &fs)) {
        if (fd >= 0)
            close(fd);
        return rewrite(s, keep, w, path, msg, msglen);
    }
    niact_status st = check_texts(s, w->turns, msg, msglen);
    if (st != NIACT_OK) {
        close(fd);
        return st;
    }
    /* The header and the last turn written must still read the same (a history that
     * changed, or another session writing here, rewrites the file). Constant: one turn. */
    sbuf b = {0};
    json_t *head = build_header(s);
    if (head)
        sb_header(&b, head);
    json_decref(head);
    if (!head || b.bad || text_hash(b.p, b.n) != w->header) {
        close(fd);
        free(b.p);
        return rewrite(s, keep, w, path, msg, msglen);
    }
    b.n = 0;
    if (w->turns) {
        sb_turn_line(&b, s, w->turns - 1);
        if (!b.bad && text_hash(b.p, b.n) != w->last_line) {
            close(fd);
            free(b.p);
            return rewrite(s, keep, w, path, msg, msglen);
        }
        b.n = 0;
    }
    size_t last_start = 0;
    for (size_t k = w->turns; k + 1 < n; k++) {
        last_start = b.n;
        sb_turn_line(&b, s, k);
    }
    size_t turns_len = b.n;
    sb_tail(&b, s, keep);
    if (b.bad) {
        close(fd);
        free(b.p);
        snprintf(msg, msglen, "out of memory while writing the record");
        return NIACT_ERR_NOMEM;
    }
    /* Cut back to the last complete turn, then write: at every moment the file is
     * complete lines and at most one cut line at its end. */
    const char *what = NULL;
    if (ftruncate(fd, (off_t)w->turns_end) != 0)
        what = "truncate";
    size_t done = 0;
    while (!what && done < b.n) {
        ssize_t k = pwrite(fd, b.p + done, b.n - done, (off_t)w->turns_end + (off_t)done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            what = "write";
        else
            done += (size_t)k;
    }
    if (!what && fdatasync(fd) != 0)
        what = "flush (fdatasync)";
    int err = errno;
    if (!what && fstat(fd, &fs) != 0)
        what = "stat";
    if (close(fd) != 0 && !what)
        what = "close";
    if (what) {
        w->ok = 0; /* the file holds the complete turns before this one; next time, all */
        free(b.p);
        snprintf(msg, msglen, "%s: %s failed: %s (the turns before this one are kept)", path,
                 what, strerror(err));
        return NIACT_ERR_IO;
    }
    if (n - 1 > w->turns)
        w->last_line = text_hash(b.p + last_start, turns_len - last_start);
    w->turns_end += (int64_t)turns_len;
    w->turns = n - 1;
    writer_stat(w, &fs);
    w->appends++;
    free(b.p);
    return NIACT_OK;
}

/* Appends at most max bytes of src to buf (of size len, used so far *n). */
static void add(char *buf, size_t len, size_t *n, const char *src, size_t max) {
    size_t k = strlen(src);
    k = k < max ? k : max;
    if (*n + k + 1 > len)
        k = len - *n - 1;
    memcpy(buf + *n, src, k);
    *n += k;
    buf[*n] = 0;
}

int niact_record_autosave_name(niact_session *s, time_t when, char *name, size_t len) {
    const niact_scenario *sc = niact_session_scenario(s);
    char stamp[32], seed[32], part[128];
    struct tm tm;
    if (len < 2 || !localtime_r(&when, &tm) ||
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
        snprintf(stamp, sizeof stamp, "%lld", (long long)when);
    snprintf(seed, sizeof seed, "_s%llu",
             (unsigned long long)niact_game_seed(niact_session_game(s)));
    /* Long ids are cut so that the name stays a save name (64 bytes, niact_name_ok):
     * the full form first, then roles cut to 4 letters, then no seats at all. */
    for (int form = 0; form < 3; form++) {
        size_t n = 0;
        name[0] = 0;
        add(name, len, &n, stamp, 20);
        add(name, len, &n, "_", 1);
        add(name, len, &n, sc->meta.id, 20);
        for (int r = 0; r < sc->n_roles && form < 2; r++) {
            const niact_seat *seat = niact_session_seat(s, r);
            snprintf(part, sizeof part, "_%.*s-%s", form ? 4 : 40, sc->roles[r].meta.id,
                     seat->kind == NIACT_SEAT_HUMAN ? "human" : "ai");
            add(name, len, &n, part, sizeof part);
        }
        add(name, len, &n, seed, sizeof seed);
        if (n <= NIACT_AUTOSAVE_NAME_MAX)
            return 0;
    }
    name[NIACT_AUTOSAVE_NAME_MAX < len - 1 ? NIACT_AUTOSAVE_NAME_MAX : len - 1] = 0;
    return 0;
}

static niact_status autosave(niact_session *s, uint32_t keep, niact_record_writer *w,
                            char *path, size_t pathlen, char *msg, size_t msglen) {
    char dir[4096], name[96], file[4400], scratch[1];
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    if (niact_session_remote_role(s) >= 0) { /* a mirror holds one seat's view, no inputs */
        snprintf(msg, msglen, "this seat is played from another computer: the host keeps "
                              "the game's record");
        return NIACT_ERR_STATE;
    }
    if (!path || pathlen == 0) {
        snprintf(msg, msglen, "autosave: no place to keep the file's name");
        return NIACT_ERR_INVALID;
    }
    if (!path[0]) { /* the game's first autosave: a file of its own */
        if (niact_data_dir("autosave", 1, dir, sizeof dir, msg, msglen) != 0)
            return NIACT_ERR_IO;
        niact_record_autosave_name(s, time(NULL), name, sizeof name);
        struct stat st;
        snprintf(file, sizeof file, "%s/%s.json", dir, name);
        /* Another game of the same second, scenario, seats and seed: a suffix. */
        for (int k = 2; lstat(file, &st) == 0 && k < 1000; k++)
            snprintf(file, sizeof file, "%s/%.58s-%d.json", dir, name, k);
        if (strlen(file) >= pathlen) {
            snprintf(msg, msglen, "the autosave's path is too long");
            return NIACT_ERR_IO;
        }
        niact_status st2 = w ? niact_record_append(s, keep, w, file, msg, msglen)
                             : niact_record_save(s, keep, file, msg, msglen);
        if (st2 != NIACT_OK)
            return st2;
        snprintf(path, pathlen, "%s", file);
        niact_record_prune(dir, NIACT_AUTOSAVE_KEEP);
        return NIACT_OK;
    }
    return w ? niact_record_append(s, keep, w, path, msg, msglen)
             : niact_record_save(s, keep, path, msg, msglen);
}

niact_status niact_record_autosave(niact_session *s, char *path, size_t pathlen, char *msg,
                                   size_t msglen) {
    return autosave(s, NIACT_RECORD_ALL_ROLES, NULL, path, pathlen, msg, msglen);
}

niact_status niact_record_autosave_append(niact_session *s, uint32_t keep,
                                          niact_record_writer *w, char *path, size_t pathlen,
                                          char *msg, size_t msglen) {
    return autosave(s, keep, w, path, pathlen, msg, msglen);
}
