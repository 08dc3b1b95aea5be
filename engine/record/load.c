/* Loading records: bounded, strictly checked parsing, then a replay of every turn through
 * a session with each turn's state hash checked. Nothing is returned unless all of it
 * succeeded: a bad record gives an error, never a half-loaded game. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record_internal.h"
#include "niact/paths.h"

typedef struct loader {
    const niact_record_opts *opts;
    niact_loaded *out;
    const niact_scenario *sc;
    char *msg;
    size_t msglen;
    int cut;        /* the journal's end was cut: its last line, or its outcome, is missing */
    int no_outcome; /* the journal has no outcome line: the replay's outcome stands */
} loader;

/* Checks the text's shape before the parser builds a tree: nesting depth at most
 * max_depth and at most max_values values (counted by their separators and brackets,
 * strings skipped), so no file can make the tree deep or huge in memory. Returns NULL,
 * or what is wrong. */
static const char *prescan(const char *t, size_t len, int max_depth, size_t max_values) {
    int depth = 0, in_str = 0;
    size_t values = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return "nested too deeply";
            values++;
        } else if (c == ']' || c == '}') {
            depth--;
        } else if (c == ',') {
            values++;
        }
        if (values > max_values)
            return "too many values";
    }
    return NULL;
}

/* One line of a journal (version 3): a JSON object, or the error naming the line. */
static niact_status parse_line(loader *L, const char *t, size_t n, size_t line, json_t **out) {
    json_error_t err;
    *out = json_loadb(t, n, JSON_REJECT_DUPLICATES, &err);
    if (!*out)
        return rec_fail(L->msg, L->msglen, "line %zu, column %d: not valid JSON: %s", line,
                        err.column, err.text);
    if (!json_is_object(*out)) {
        json_decref(*out);
        *out = NULL;
        return rec_fail(L->msg, L->msglen, "line %zu: a record's line is a JSON object", line);
    }
    return NIACT_OK;
}

/* Whether the text is a journal: its first line alone is a JSON object of version 3 or
 * later (a version 1 or 2 record is one JSON document over many lines). */
static int is_journal(const char *t, size_t len) {
    const char *nl = memchr(t, '\n', len);
    if (!nl)
        return 0;
    json_t *h = json_loadb(t, (size_t)(nl - t), JSON_REJECT_DUPLICATES, NULL);
    json_t *v = json_object_get(h, "version");
    int yes = json_is_object(h) && json_is_integer(v) && json_integer_value(v) >= 3 &&
              !json_object_get(h, "turns");
    json_decref(h);
    return yes;
}

/* A journal's lines as the tree a version 2 record parses to: the header's fields, then
 * "turns" (one line each), "current" and "outcome" ({"current": ...} and {"outcome":
 * ...}, in that order, last). A last line without its newline that does not parse is
 * where a writer was stopped: it is dropped (L->cut), as is a missing outcome line; any
 * other bad line is refused by number. */
static niact_status assemble(loader *L, const char *t, size_t len, json_t **root) {
    const char *nl = memchr(t, '\n', len);
    niact_status st = parse_line(L, t, (size_t)(nl - t), 1, root);
    if (st != NIACT_OK)
        return st;
    json_t *turns = json_array();
    if (!turns || json_object_set_new(*root, "turns", turns) != 0)
        return rec_fail(L->msg, L->msglen, "out of memory");
    int stage = 0; /* 0: turns, 1: after current, 2: after outcome */
    size_t line = 1;
    for (size_t at = (size_t)(nl - t) + 1; at < len;) {
        line++;
        const char *end = memchr(t + at, '\n', len - at);
        size_t n = end ? (size_t)(end - (t + at)) : len - at;
        json_t *j = NULL;
        st = parse_line(L, t + at, n, line, &j);
        if (st != NIACT_OK && !end) { /* cut while it was written: dropped */
            L->cut = 1;
            L->msg[0] = 0;
            break;
        }
        if (st != NIACT_OK)
            return st;
        at += n + (end ? 1 : 0);
        json_t *cur = json_object_get(j, "current"), *out = json_object_get(j, "outcome");
        int single = json_object_size(j) == 1;
        const char *what = NULL;
        if (stage == 2)
            what = "nothing comes after the outcome";
        else if (cur && single && stage == 0) {
            json_object_set(*root, "current", cur);
            stage = 1;
        } else if (out && single) {
            json_object_set(*root, "outcome", out);
            stage = 2;
        } else if (json_object_get(j, "turn") && stage == 0)
            json_array_append(turns, j);
        else
            what = stage == 1 ? "only the outcome comes after the turn under way"
                              : "a line is a turn, {\"current\": TURN} or {\"outcome\": ID}";
        json_decref(j);
        if (what)
            return rec_fail(L->msg, L->msglen, "line %zu: %s", line, what);
    }
    if (stage < 2) { /* a writer stopped before its outcome line: the replay's stands */
        L->cut = 1;
        L->no_outcome = 1;
    }
    return NIACT_OK;
}

static niact_status parse(loader *L, const char *text, size_t len, json_t **root) {
    *root = NULL;
    if (len > NIACT_RECORD_MAX_BYTES)
        return rec_fail(L->msg, L->msglen, "too large (%zu bytes; a record may have at most %u)",
                        len, NIACT_RECORD_MAX_BYTES);
    if (len == 0)
        return rec_fail(L->msg, L->msglen, "empty file: not a game record");
    const char *shape = prescan(text, len, NIACT_RECORD_MAX_DEPTH, NIACT_RECORD_MAX_VALUES);
    if (shape)
        return rec_fail(L->msg, L->msglen, "%s (at most %d levels and %u values): not a game "
                        "record", shape, NIACT_RECORD_MAX_DEPTH, NIACT_RECORD_MAX_VALUES);
    if (is_journal(text, len))
        return assemble(L, text, len, root);
    json_error_t err;
    *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (!*root)
        return rec_fail(L->msg, L->msglen, "line %d, column %d: not valid JSON: %s", err.line,
                        err.column, err.text);
    if (!json_is_object(*root))
        return rec_fail(L->msg, L->msglen, "a game record is a JSON object, not %s",
                        rec_type_name(*root));
    return NIACT_OK;
}

static niact_status check_header(loader *L, json_t *root) {
    static const char *const keys[] = {"format",     "version", "scenario", "seed",    "seats",
                                       "start_hash", "turns",   "current",  "outcome", NULL};
    json_t *fmt = json_object_get(root, "format"), *ver;
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), NIACT_RECORD_FORMAT) != 0)
        return rec_fail(L->msg, L->msglen, "not a niact game record (its \"format\" is not \"%s\")",
                        NIACT_RECORD_FORMAT);
    niact_status st = rec_get(root, "version", JSON_INTEGER, &ver, "record", L->msg, L->msglen);
    if (st == NIACT_OK)
        st = rec_upgrade(root, json_integer_value(ver), L->msg, L->msglen);
    if (st == NIACT_OK)
        st = rec_check_keys(root, keys, "record", L->msg, L->msglen);
    return st;
}

/* A scenario id as records hold it: a plain name, never a path. */
static int plain_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-'))
            return 0;
    return 1;
}

/* Loads the host of the record's scenario (or takes the caller's). */
static niact_status open_host(loader *L, const char *id) {
    const niact_record_opts *o = L->opts;
    char dir[4096], lib[4096], why[8192];
    if (o->host) {
        L->out->host = o->host;
        return NIACT_OK;
    }
    if (o->scenario_dir) {
        snprintf(dir, sizeof dir, "%s", o->scenario_dir);
        snprintf(lib, sizeof lib, "%s", o->lib_dir ? o->lib_dir : "");
    } else if (niact_path_scenario(id, dir, sizeof dir, lib, sizeof lib, why, sizeof why) != 0) {
        /* The one rule of niact/paths.h: the id (a plain name, checked before) is looked up
         * in the bundled scenarios, then the user's, never in the current folder. */
        return rec_fail(L->msg, L->msglen, "the record's scenario '%s' is not installed (give "
                        "its folder with --scenario): %s", id, why);
    }
    snprintf(L->out->scenario_dir, sizeof L->out->scenario_dir, "%s", dir);
    niact_status st = niact_host_load(dir, lib[0] ? lib : NULL, o->limits, &L->out->host, why,
                                      sizeof why);
    if (st != NIACT_OK) {
        snprintf(L->msg, L->msglen, "the record's scenario '%s' does not load: %s", id, why);
        return st;
    }
    L->out->own_host = 1;
    return NIACT_OK;
}

static niact_status check_scenario(loader *L, json_t *root) {
    static const char *const keys[] = {"id", "version", "content_hash", "variant", NULL};
    const char *w = "record's \"scenario\"";
    json_t *j, *id, *ver, *hash, *variant;
    uint64_t h;
    niact_status st;
    if ((st = rec_get(root, "scenario", JSON_OBJECT, &j, "record", L->msg, L->msglen)) ||
        (st = rec_check_keys(j, keys, w, L->msg, L->msglen)) ||
        (st = rec_get(j, "id", JSON_STRING, &id, w, L->msg, L->msglen)) ||
        (st = rec_get(j, "version", JSON_STRING, &ver, w, L->msg, L->msglen)) ||
        (st = rec_get(j, "content_hash", JSON_STRING, &hash, w, L->msg, L->msglen)))
        return st;
    const char *ids = json_string_value(id);
    if (!plain_id(ids))
        return rec_fail(L->msg, L->msglen, "the record's scenario id '%.64s' is not a plain name "
                        "(a record may not name a path)", ids);
    if (rec_parse_hex64(json_string_value(hash), &h) != 0)
        return rec_fail(L->msg, L->msglen, "%s: \"content_hash\" must be 16 hex digits", w);
    const char *vid = "";
    if ((variant = json_object_get(j, "variant"))) {
        if (!json_is_string(variant) || !plain_id(json_string_value(variant)))
            return rec_fail(L->msg, L->msglen, "%s: \"variant\" must be a variant's id", w);
        vid = json_string_value(variant);
    }
    if ((st = open_host(L, ids)) != NIACT_OK)
        return st;
    {
        const niact_variant_def *have = niact_scenario_variant_played(
            niact_host_scenario(L->out->host));
        char why[600];
        if (have && strcmp(have->meta.id, vid) != 0)
            return rec_fail(L->msg, L->msglen, "the record is of %s%s%s, not of the variant "
                            "'%s' chosen here", vid[0] ? "the variant '" : "the whole game",
                            vid, vid[0] ? "'" : "", have->meta.id);
        if (!have && vid[0] && niact_host_set_variant(L->out->host, vid, why, sizeof why) != 0)
            return rec_fail(L->msg, L->msglen, "the record's variant: %s", why);
    }
    const niact_scenario *sc = L->sc = niact_host_scenario(L->out->host);
    if (strcmp(sc->meta.id, ids) != 0)
        return rec_fail(L->msg, L->msglen, "the record is of scenario '%s', not '%s'", ids,
                        sc->meta.id);
    if (strcmp(sc->version, json_string_value(ver)) != 0)
        return rec_fail(L->msg, L->msglen, "the record is of scenario '%s' version %.40s; the "
                        "installed one is version %s", ids, json_string_value(ver), sc->version);
    if (sc->content_hash != h && !L->opts->ignore_content_hash)
        return rec_fail(L->msg, L->msglen, "the record was made with other files of scenario "
                        "'%s' %s (content hash %s; these files hash to %016" PRIx64 ")", ids,
                        sc->version, json_string_value(hash), sc->content_hash);
    return NIACT_OK;
}

static niact_status read_seed(loader *L, json_t *root, uint64_t *seed) {
    json_t *j;
    niact_status st = rec_get(root, "seed", JSON_STRING, &j, "record", L->msg, L->msglen);
    if (st != NIACT_OK)
        return st;
    const char *s = json_string_value(j);
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *s < '0' || *s > '9' || *end || errno || strlen(s) > 20)
        return rec_fail(L->msg, L->msglen, "record: \"seed\" must be a whole number from 0 to "
                        "18446744073709551615 in a string");
    *seed = v;
    return NIACT_OK;
}

static niact_status read_seats(loader *L, json_t *root, niact_seat *seats) {
    json_t *j, *v;
    const char *key;
    niact_status st = rec_get(root, "seats", JSON_OBJECT, &j, "record", L->msg, L->msglen);
    if (st != NIACT_OK)
        return st;
    memset(seats, 0, sizeof(niact_seat) * NIACT_MAX_ROLES);
    json_object_foreach(j, key, v) {
        int r = niact_scenario_role(L->sc, key);
        if (r < 0)
            return rec_fail(L->msg, L->msglen, "record's \"seats\": scenario '%s' has no role "
                            "'%.64s'", L->sc->meta.id, key);
        if (!json_is_string(v) || niact_seat_parse(json_string_value(v), &seats[r]) != 0)
            return rec_fail(L->msg, L->msglen, "record's \"seats\": the seat of '%s' must be "
                            "\"human\", \"ai\" or \"ai:PERSONALITY\"", key);
    }
    for (int r = 0; r < L->sc->n_roles; r++)
        if (!json_object_get(j, L->sc->roles[r].meta.id))
            return rec_fail(L->msg, L->msglen, "record's \"seats\": no seat for role '%s'",
                            L->sc->roles[r].meta.id);
    return NIACT_OK;
}

/* Compares the game's hash after t turns with the record's text. */
static niact_status check_hash(loader *L, json_t *hash, int32_t t, const char *where) {
    uint64_t want, got = 0;
    if (rec_parse_hex64(json_string_value(hash), &want) != 0)
        return rec_fail(L->msg, L->msglen, "%s: \"hash\" must be 16 hex digits", where);
    niact_game_turn_hash(niact_session_game(L->out->session), t, &got);
    if (want == got)
        return NIACT_OK;
    if (L->opts->ignore_hashes) {
        if (L->out->first_mismatch < 0)
            L->out->first_mismatch = t;
        return NIACT_OK;
    }
    if (t == 0)
        return rec_fail(L->msg, L->msglen, "the game's start differs from the record: state "
                        "hash %016" PRIx64 ", the record says %s", got, json_string_value(hash));
    return rec_fail(L->msg, L->msglen, "turn %d: state hash differs: recomputed %016" PRIx64
                    ", the record says %s", t, got, json_string_value(hash));
}

/* One turn object of the record, the i-th: played as the seats and the moderator did.
 * A turn cut by a rollback (its last input) has no orders and no hash. */
static niact_status replay_turn(loader *L, json_t *turn, size_t i) {
    static const char *const keys[] = {"turn", "inputs", "hash", NULL};
    niact_session *s = L->out->session;
    int32_t t = niact_game_turn(niact_session_game(s));
    char where[64];
    json_t *num, *inputs, *hash = json_object_get(turn, "hash");
    niact_status st;
    snprintf(where, sizeof where, "turn %d", t + 1);
    if (!json_is_object(turn))
        return rec_fail(L->msg, L->msglen, "%s: must be an object, not %s", where,
                        rec_type_name(turn));
    if ((st = rec_check_keys(turn, keys, where, L->msg, L->msglen)) ||
        (st = rec_get(turn, "turn", JSON_INTEGER, &num, where, L->msg, L->msglen)) ||
        (st = rec_get(turn, "inputs", JSON_ARRAY, &inputs, where, L->msg, L->msglen)))
        return st;
    if (json_integer_value(num) != t + 1)
        return rec_fail(L->msg, L->msglen, "%s: numbered %lld; turns must be numbered 1, 2, "
                        "... (entry %zu of \"turns\"; they go back only after a rollback)", where,
                        (long long)json_integer_value(num), i + 1);
    rec_apply a = {s, L->sc, 0, 0, L->msg, L->msglen};
    if ((st = rec_apply_inputs(&a, inputs, where)) != NIACT_OK)
        return st;
    if (a.rolled_back) {
        if (hash || a.orders_seen)
            return rec_fail(L->msg, L->msglen, "%s: a turn cut by a rollback has no orders and "
                            "no \"hash\"", where);
        return NIACT_OK;
    }
    if ((st = rec_get(turn, "hash", JSON_STRING, &hash, where, L->msg, L->msglen)))
        return st;
    if (niact_game_phase(niact_session_game(s)) == NIACT_PHASE_ENDED)
        return rec_fail(L->msg, L->msglen, "%s: the game had already ended", where);
    /* Every role's orders are in a finished turn (none is an empty list): the replay
     * never asks an AI seat, whose answer could differ from the game's. */
    for (int r = 0; r < L->sc->n_roles; r++)
        if (!(a.orders_seen & (1u << r)))
            return rec_fail(L->msg, L->msglen, "%s: no orders for '%s' (a finished turn lists "
                            "every role's orders, if only [])", where, L->sc->roles[r].meta.id);
    if ((st = niact_session_resolve(s)) != NIACT_OK) {
        snprintf(L->msg, L->msglen, "%s: %s", where, niact_session_error(s));
        return st;
    }
    if ((st = check_hash(L, hash, t + 1, where)) != NIACT_OK)
        return st;
    if (L->opts->on_turn)
        L->opts->on_turn(L->opts->ud, s, t + 1);
    return NIACT_OK;
}

static niact_status replay_turns(loader *L, json_t *root) {
    json_t *turns, *h0;
    niact_status st;
    if ((st = rec_get(root, "start_hash", JSON_STRING, &h0, "record", L->msg, L->msglen)) ||
        (st = rec_get(root, "turns", JSON_ARRAY, &turns, "record", L->msg, L->msglen)) ||
        (st = check_hash(L, h0, 0, "record's \"start_hash\"")))
        return st;
    size_t n = json_array_size(turns);
    /* Every turn object resolves one turn of the scenario's, except those cut by a
     * rollback (no "hash"); each rollback lets the game play its turns again. */
    size_t cut = 0;
    for (size_t t = 0; t < n; t++)
        cut += json_is_object(json_array_get(turns, t)) &&
               !json_object_get(json_array_get(turns, t), "hash");
    if (cut > NIACT_SESSION_MAX_ROLLBACKS)
        return rec_fail(L->msg, L->msglen, "the record has %zu turns cut by a rollback; a game "
                        "has at most %d rollbacks", cut, NIACT_SESSION_MAX_ROLLBACKS);
    if (n - cut > (size_t)L->sc->turns * (cut + 1))
        return rec_fail(L->msg, L->msglen, "the record has %zu turns; scenario '%s' has %d", n,
                        L->sc->meta.id, L->sc->turns);
    for (size_t t = 0; t < n; t++)
        if ((st = replay_turn(L, json_array_get(turns, t), t)) != NIACT_OK)
            return st;
    L->out->turns = niact_session_turns_played(L->out->session);
    return NIACT_OK;
}

/* The inputs already given in the turn under way. */
static niact_status apply_current(loader *L, json_t *root) {
    static const char *const keys[] = {"turn", "inputs", NULL};
    json_t *cur = json_object_get(root, "current"), *num, *inputs;
    const char *w = "record's \"current\" turn";
    niact_session *s = L->out->session;
    niact_status st;
    if (!cur)
        return NIACT_OK;
    if (niact_game_phase(niact_session_game(s)) == NIACT_PHASE_ENDED)
        return rec_fail(L->msg, L->msglen, "%s: the game had already ended", w);
    if (!json_is_object(cur))
        return rec_fail(L->msg, L->msglen, "%s: must be an object, not %s", w,
                        rec_type_name(cur));
    if ((st = rec_check_keys(cur, keys, w, L->msg, L->msglen)) ||
        (st = rec_get(cur, "turn", JSON_INTEGER, &num, w, L->msg, L->msglen)) ||
        (st = rec_get(cur, "inputs", JSON_ARRAY, &inputs, w, L->msg, L->msglen)))
        return st;
    if (json_integer_value(num) != L->out->turns + 1)
        return rec_fail(L->msg, L->msglen, "%s: numbered %lld, but %d turns came before it", w,
                        (long long)json_integer_value(num), L->out->turns);
    char where[64];
    snprintf(where, sizeof where, "turn %d (under way)", L->out->turns + 1);
    rec_apply a = {s, L->sc, 0, 0, L->msg, L->msglen};
    L->out->partial = json_array_size(inputs) > 0;
    if ((st = rec_apply_inputs(&a, inputs, where)) != NIACT_OK)
        return st;
    if (a.rolled_back) /* a rollback ends its turn: the record goes on with a new one */
        return rec_fail(L->msg, L->msglen, "%s: a rollback cannot be in the turn under way", w);
    return NIACT_OK;
}

static niact_status check_outcome(loader *L, json_t *root) {
    json_t *j;
    if (L->no_outcome)
        return NIACT_OK;
    niact_status st = rec_get(root, "outcome", JSON_STRING, &j, "record", L->msg, L->msglen);
    if (st != NIACT_OK)
        return st;
    const niact_game *lg = niact_session_game(L->out->session);
    const char *got = rec_outcome_id(niact_game_scenario(lg), niact_game_outcome(lg));
    if (strcmp(got, json_string_value(j)) != 0 && L->out->first_mismatch < 0)
        return rec_fail(L->msg, L->msglen, "the record says the game's outcome is '%.32s'; it "
                        "replays to '%s'", json_string_value(j), got);
    return NIACT_OK;
}

static niact_status load_root(loader *L, json_t *root) {
    niact_seat seats[NIACT_MAX_ROLES];
    uint64_t seed = 0;
    niact_status st;
    if ((st = check_header(L, root)) || (st = check_scenario(L, root)) ||
        (st = read_seed(L, root, &seed)) || (st = read_seats(L, root, seats)))
        return st;
    if ((st = niact_session_new(L->out->host, seed, seats, &L->out->session, L->msg,
                                L->msglen)) != NIACT_OK)
        return st == NIACT_ERR_INVALID ? NIACT_ERR_FORMAT : st;
    if ((st = replay_turns(L, root)) || (st = apply_current(L, root)) ||
        (st = check_outcome(L, root)))
        return st;
    L->out->cut = L->cut;
    return NIACT_OK;
}

niact_status niact_record_load_text(const char *text, size_t len, const niact_record_opts *opts,
                                    niact_loaded *out, char *msg, size_t msglen) {
    static const niact_record_opts defaults;
    char scratch[1];
    loader L = {opts ? opts : &defaults, out, NULL, msg ? msg : scratch,
                msg ? msglen : sizeof scratch, 0, 0};
    memset(out, 0, sizeof *out);
    out->first_mismatch = -1;
    L.msg[0] = 0;
    json_t *root;
    niact_status st = parse(&L, text, len, &root);
    if (st == NIACT_OK)
        st = load_root(&L, root);
    json_decref(root);
    if (st != NIACT_OK)
        niact_loaded_free(out);
    return st;
}

niact_status niact_record_load(const char *path, const niact_record_opts *opts,
                               niact_loaded *out, char *msg, size_t msglen) {
    char *text, scratch[1];
    size_t len;
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    memset(out, 0, sizeof *out);
    niact_status st = niact_read_file(path, NIACT_RECORD_MAX_BYTES, &text, &len, msg, msglen);
    if (st != NIACT_OK)
        return st;
    char inner[2048];
    st = niact_record_load_text(text, len, opts, out, inner, sizeof inner);
    free(text);
    if (st != NIACT_OK)
        snprintf(msg, msglen, "%s: %s", path, inner);
    return st;
}

void niact_loaded_free(niact_loaded *l) {
    if (!l)
        return;
    niact_session_free(l->session);
    if (l->own_host)
        niact_host_free(l->host);
    memset(l, 0, sizeof *l);
    l->first_mismatch = -1;
}

/* Copies a record's id into out for a list on screen: only the characters ids and
 * personalities are made of ([A-Za-z0-9_.:-]); anything else shows as '?'. */
static void copy_id(char *out, size_t len, const char *s) {
    size_t n = 0;
    for (; s && *s && n + 1 < len; s++)
        out[n++] = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                           (*s >= '0' && *s <= '9') || strchr("_.:-", *s)
                       ? *s
                       : '?';
    out[n] = 0;
}

niact_status niact_record_info_read(const char *path, niact_record_info *info, char *msg,
                                    size_t msglen) {
    char *text, scratch[1];
    size_t len;
    if (!msg) {
        msg = scratch;
        msglen = sizeof scratch;
    }
    memset(info, 0, sizeof *info);
    niact_status st = niact_read_file(path, NIACT_RECORD_MAX_BYTES, &text, &len, msg, msglen);
    if (st != NIACT_OK)
        return st;
    static const niact_record_opts defaults;
    loader L = {&defaults, NULL, NULL, msg, msglen, 0, 0};
    json_t *root, *v, *seat;
    st = parse(&L, text, len, &root);
    free(text);
    const char *key;
    if (st == NIACT_OK) {
        json_t *fmt = json_object_get(root, "format");
        if (!json_is_string(fmt) || strcmp(json_string_value(fmt), NIACT_RECORD_FORMAT) != 0)
            st = rec_fail(msg, msglen, "not a niact game record");
    }
    if (st == NIACT_OK) {
        copy_id(info->scenario, sizeof info->scenario,
                json_string_value(json_object_get(json_object_get(root, "scenario"), "id")));
        const char *seed = json_string_value(json_object_get(root, "seed"));
        info->seed = seed ? strtoull(seed, NULL, 10) : 0;
        size_t n = 0;
        json_object_foreach(json_object_get(root, "seats"), key, seat) {
            char id[48], kind[48];
            copy_id(id, sizeof id, key);
            copy_id(kind, sizeof kind, json_string_value(seat));
            n += (size_t)snprintf(info->seats + n, n < sizeof info->seats ? sizeof info->seats - n
                                                                           : 0,
                                  "%s%s %s", n ? ", " : "", id, kind);
            if (n >= sizeof info->seats)
                break;
        }
        /* Turns played on the game's line: after a rollback the record lists more. */
        json_t *turns = json_object_get(root, "turns"), *cur = json_object_get(root, "current");
        json_t *last = json_array_get(turns, json_array_size(turns) - 1);
        json_int_t n_t = cur ? json_integer_value(json_object_get(cur, "turn")) - 1
                             : last ? json_integer_value(json_object_get(last, "turn")) : 0;
        info->turns = n_t < 0 ? 0 : n_t > 100000 ? 100000 : (int32_t)n_t;
        v = json_object_get(root, "outcome");
        copy_id(info->outcome, sizeof info->outcome, json_is_string(v) ? json_string_value(v)
                                                                       : "?");
    }
    json_decref(root);
    if (st != NIACT_OK) {
        char inner[1024];
        snprintf(inner, sizeof inner, "%s", msg);
        snprintf(msg, msglen, "%s: %s", path, inner);
        memset(info, 0, sizeof *info);
    }
    return st;
}
