/* Bad records: the corpus of tests/record/corpus (each refused with its own message),
 * truncation at every byte, a bit flipped in every byte, huge and deep files, files that
 * are not files. Each must be a clean error with nothing left loaded, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

static niact_host *host;

static int setup(void **st) {
    (void)st;
    host = ru_host();
    return 0;
}

static int teardown(void **st) {
    (void)st;
    niact_host_free(host);
    return 0;
}

/* A fresh record of a whole game with negotiation and orders. */
static char *good_record(uint64_t seed, size_t *len) {
    niact_session *s = ru_game(host, seed, 1000);
    char *text, msg[256];
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, len, msg, sizeof msg),
                     NIACT_OK);
    niact_session_free(s);
    return text;
}

/* The longest record of the first 64 seeds' games. */
static char *long_record(size_t *len) {
    char *best = NULL;
    *len = 0;
    for (uint64_t seed = 1; seed <= 64; seed++) {
        size_t n;
        char *t = good_record(seed, &n);
        if (n > *len) {
            free(best);
            best = t;
            *len = n;
        } else {
            free(t);
        }
    }
    return best;
}

/* Whether msg contains one of the '|'-separated alternatives. */
static int contains_one(const char *msg, const char *alts) {
    char buf[512], *save = NULL;
    snprintf(buf, sizeof buf, "%s", alts);
    for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save))
        if (strstr(msg, t))
            return 1;
    return 0;
}

static void check_corpus_file(const char *name, const char *mode, const char *expect) {
    char path[512], msg[4096];
    niact_record_opts o = {0};
    niact_loaded l;
    o.host = host;
    o.ignore_hashes = strcmp(mode, "lenient") == 0;
    o.ignore_content_hash = strcmp(mode, "strict") != 0;
    snprintf(path, sizeof path, "%s/%s", CORPUS, name);
    niact_status st = niact_record_load(path, &o, &l, msg, sizeof msg);
    if (st == NIACT_OK)
        fail_msg("%s: loaded, but should be refused with '%s'", name, expect);
    assert_null(l.session);
    assert_null(l.host);
    if (!contains_one(msg, expect))
        fail_msg("%s: message '%s' lacks '%s'", name, msg, expect);
    assert_non_null(strstr(msg, name)); /* the message names the file */
}

/* Every file of the corpus is in EXPECT and refused with its message. */
static void test_corpus(void **st) {
    (void)st;
    size_t len;
    char *manifest = ru_slurp(CORPUS "/EXPECT", &len), *save = NULL;
    int listed = 0, files = 0;
    for (char *line = strtok_r(manifest, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#')
            continue;
        char *mode = strchr(line, '\t'), *expect = mode ? strchr(mode + 1, '\t') : NULL;
        assert_non_null(expect);
        *mode++ = 0;
        *expect++ = 0;
        check_corpus_file(line, mode, expect);
        listed++;
    }
    DIR *d = opendir(CORPUS);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));)
        files += strstr(e->d_name, ".json") != NULL;
    closedir(d);
    assert_int_equal(listed, files);
    print_message("%d bad records refused, each with its message\n", listed);
    free(manifest);
}

/* The good records beside the corpus load (they seed the fuzzer too). */
static void test_seed_records_load(void **st) {
    (void)st;
    static const char *const names[] = {"testland-7.json", "testland-11.json"};
    for (int i = 0; i < 2; i++) {
        char path[512], msg[4096];
        niact_record_opts o = {0};
        niact_loaded l;
        o.host = host;
        o.ignore_hashes = o.ignore_content_hash = 1; /* testland may have changed since */
        snprintf(path, sizeof path, "%s/%s", SEEDS, names[i]);
        if (niact_record_load(path, &o, &l, msg, sizeof msg) != NIACT_OK)
            fail_msg("%s", msg);
        niact_loaded_free(&l);
    }
}

/* Cut at every byte, a version 3 record (one JSON object a line): a cut in its header
 * line is refused; any later cut is where a writer may have been stopped, and loads the
 * complete turns before it, no more, no fewer, and says the end was cut (unless the cut
 * drops only the final newline). tests/record/test_record_append.c does the same to a
 * file a writer appended to. */
static void test_truncated_at_every_byte(void **st) {
    (void)st;
    size_t len;
    char *text = long_record(&len), msg[1024];
    const char *nl = memchr(text, '\n', len);
    size_t header = (size_t)(nl - text) + 1;
    int loaded = 0;
    for (size_t cut = 0; cut < len; cut++) {
        niact_loaded l;
        niact_status s = ru_load(host, text, cut, &l, msg, sizeof msg);
        if (cut < header) {
            if (s == NIACT_OK)
                fail_msg("cut at %zu of %zu (in the header) loaded", cut, len);
            assert_true(msg[0] != 0);
            assert_null(l.session);
            continue;
        }
        if (s != NIACT_OK)
            fail_msg("cut at %zu of %zu: %s", cut, len, msg);
        int turns = 0; /* complete turn lines in the prefix (the last may lack only its
                          newline: the object is whole) */
        for (const char *p = text + header; p < text + cut;) {
            const char *e = memchr(p, '\n', len - (size_t)(p - text));
            if (e > text + cut)
                break;
            turns += strncmp(p, "{\"turn\": ", 9) == 0;
            p = e + 1;
        }
        assert_int_equal(niact_session_turns_played(l.session), turns);
        if (l.cut != (cut != len - 1))
            fail_msg("cut at %zu of %zu: cut %d", cut, len, l.cut);
        niact_loaded_free(&l);
        loaded++;
    }
    print_message("%zu cuts: %zu in the header refused, %d loaded their complete turns\n", len,
                  header, loaded);
    free(text);
}

/* Cut at every byte, a record of the old layout (versions 1 and 2: one JSON document):
 * refused, except the cut that only drops the final newline. */
static void test_truncated_v2_at_every_byte(void **st) {
    (void)st;
    size_t len;
    char *text = ru_slurp(SEEDS "/testland-7.json", &len), msg[1024];
    assert_non_null(strstr(text, "\n \"version\": 1,\n"));
    niact_record_opts o = {0};
    o.host = host;
    o.ignore_hashes = o.ignore_content_hash = 1; /* testland may have changed since */
    for (size_t cut = 0; cut < len; cut++) {
        niact_loaded l;
        niact_status s = niact_record_load_text(text, cut, &o, &l, msg, sizeof msg);
        if (cut == len - 1) {
            assert_int_equal(s, NIACT_OK);
            niact_loaded_free(&l);
            continue;
        }
        if (s == NIACT_OK)
            fail_msg("cut at %zu of %zu loaded", cut, len);
        assert_true(msg[0] != 0);
        assert_null(l.session);
    }
    free(text);
}

/* A bit flipped in every byte (bit i % 8 of byte i): never a crash; nearly all refused. */
static void test_bit_flips(void **st) {
    (void)st;
    size_t len;
    char *text = long_record(&len), msg[1024];
    int loaded = 0;
    for (size_t i = 0; i < len; i++) {
        niact_loaded l;
        text[i] ^= (char)(1u << (i % 8));
        if (ru_load(host, text, len, &l, msg, sizeof msg) == NIACT_OK) {
            loaded++;
            niact_loaded_free(&l);
        } else {
            assert_true(msg[0] != 0);
            assert_null(l.session);
        }
        text[i] ^= (char)(1u << (i % 8));
    }
    print_message("%zu bit flips: %d still a valid record, %zu refused\n", len,
                  loaded, len - (size_t)loaded);
    assert_true((size_t)loaded * 20 < len);
    free(text);
}

/* Over the size limit: refused before parsing, from memory and from a file. */
static void test_huge(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[512], msg[1024];
    size_t n = NIACT_RECORD_MAX_BYTES + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    niact_loaded l;
    assert_int_equal(ru_load(host, big, n, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "too large"));
    snprintf(path, sizeof path, "%s/huge.json", dir);
    ru_spit(path, big, n);
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "too large"));
    /* Just under the limit, padded with spaces: still a record. */
    size_t len;
    char *text = good_record(3, &len);
    memcpy(big + n - 1 - len, text, len);
    memset(big, ' ', n - 1 - len);
    assert_int_equal(ru_load(host, big, n - 1, &l, msg, sizeof msg), NIACT_OK);
    niact_loaded_free(&l);
    free(text);
    free(big);
    ts_rmdir(dir);
}

/* More values than a record could hold: refused before the parser builds a tree. */
static void test_many_values(void **st) {
    (void)st;
    size_t n = 2 * (NIACT_RECORD_MAX_VALUES + 10) + 16, len = 0;
    char *text = malloc(n), msg[1024];
    len += (size_t)snprintf(text, n, "{\"x\": [");
    for (unsigned i = 0; i <= NIACT_RECORD_MAX_VALUES; i++) {
        text[len++] = '0';
        text[len++] = ',';
    }
    len += (size_t)snprintf(text + len, n - len, "0]}");
    niact_loaded l;
    assert_int_equal(ru_load(host, text, len, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "too many values"));
    free(text);
}

/* Deep nesting inside an otherwise good record; depth counted outside strings only. */
static void test_depth(void **st) {
    (void)st;
    size_t len;
    char *text = good_record(3, &len), msg[1024];
    niact_loaded l;
    char *deep = malloc(len + 200);
    int pre = snprintf(deep, 200, "{\"x\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]], ");
    memcpy(deep + pre, text + 1, len - 1);
    assert_int_equal(ru_load(host, deep, (size_t)pre + len - 1, &l, msg, sizeof msg),
                     NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "nested too deeply"));
    pre = snprintf(deep, 200, "{\"x\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[[\", ");
    memcpy(deep + pre, text + 1, len - 1);
    assert_int_equal(ru_load(host, deep, (size_t)pre + len - 1, &l, msg, sizeof msg),
                     NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "unknown field \"x\""));
    free(deep);
    free(text);
}

/* Not a file: a folder, a FIFO (must not wait for a writer), nothing. */
static void test_not_files(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[512], msg[1024];
    niact_loaded l;
    assert_int_equal(niact_record_load(dir, NULL, &l, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "not a regular file"));
    snprintf(path, sizeof path, "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_ERR_IO);
    snprintf(path, sizeof path, "%s/none.json", dir);
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "cannot open"));
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),      cmocka_unit_test(test_seed_records_load),
        cmocka_unit_test(test_truncated_at_every_byte),
        cmocka_unit_test(test_truncated_v2_at_every_byte),
        cmocka_unit_test(test_bit_flips),   cmocka_unit_test(test_huge),
        cmocka_unit_test(test_depth),       cmocka_unit_test(test_many_values),
        cmocka_unit_test(test_not_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
