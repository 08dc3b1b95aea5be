/* Records appended a turn at a time (niact_record_append, issue 16): the file after every
 * append is byte for byte the whole record; an append only ever changes the bytes after
 * the last complete turn (constant work a turn); a cut at every byte of an append's part
 * (where a kill may stop the writer) loads the complete turns before it, with their
 * state hashes; a file changed behind the writer's back is written whole again; a
 * process killed while appending leaves a file that loads; the autosave appends too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

static niact_host *host;

static void sleep_us(long us) {
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

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

static niact_session *new_game(uint64_t seed) {
    niact_seat seats[NIACT_MAX_ROLES];
    niact_session *s = NULL;
    char msg[1024];
    ru_seats(seed, seats);
    if (niact_session_new(host, seed, seats, &s, msg, sizeof msg) != NIACT_OK)
        fail_msg("session: %s", msg);
    return s;
}

static int ended(niact_session *s) {
    return niact_game_phase(niact_session_game(s)) == NIACT_PHASE_ENDED;
}

/* The file equals the whole record as niact_record_dump writes it. */
static void same_as_dump(niact_session *s, const char *path) {
    char *want, msg[512];
    size_t wl, gl;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &want, &wl, msg, sizeof msg),
                     NIACT_OK);
    char *got = ru_slurp(path, &gl);
    if (gl != wl || memcmp(got, want, wl) != 0)
        fail_msg("%s differs from the record (%zu bytes, the record %zu)", path, gl, wl);
    free(got);
    free(want);
}

static void test_append_every_turn(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[4096], msg[512];
    snprintf(path, sizeof path, "%s/game.json", dir);
    int games = 0;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        niact_session *s = new_game(seed);
        niact_record_writer w = {0};
        assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                         NIACT_OK);
        assert_int_equal(w.rewrites, 1); /* the first write: whole, atomically */
        same_as_dump(s, path);
        int turns = 0;
        while (!ended(s)) {
            size_t before_len;
            char *before = ru_slurp(path, &before_len);
            int64_t kept = w.turns_end;
            assert_true(ru_submit_some(s, 1u)); /* one seat typed; the AIs play theirs */
            assert_int_equal(niact_session_resolve(s), NIACT_OK);
            assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg,
                                                 sizeof msg), NIACT_OK);
            turns++;
            same_as_dump(s, path);
            /* Only what followed the last complete turn was written again. */
            size_t after_len;
            char *after = ru_slurp(path, &after_len);
            assert_true(after_len >= (size_t)kept && before_len >= (size_t)kept);
            assert_memory_equal(before, after, (size_t)kept);
            free(before);
            free(after);
        }
        assert_int_equal(w.rewrites, 1);
        assert_int_equal(w.appends, (uint64_t)turns);
        /* It loads, and is the game. */
        niact_record_opts o = {0};
        o.host = host;
        niact_loaded l;
        assert_int_equal(niact_record_load(path, &o, &l, msg, sizeof msg), NIACT_OK);
        assert_int_equal(l.cut, 0);
        assert_true(niact_game_hash(niact_session_game(l.session)) ==
                    niact_game_hash(niact_session_game(s)));
        niact_loaded_free(&l);
        niact_session_free(s);
        games++;
    }
    assert_int_equal(games, 6);
    ts_rmdir(dir);
}

/* The turns played in the prefix of a record: complete turn lines (the last may lack only
 * its newline). */
static int complete_turns(const char *text, size_t len, size_t cut) {
    int turns = 0;
    const char *p = memchr(text, '\n', len);
    for (p = p ? p + 1 : text + len; p < text + cut;) {
        const char *e = memchr(p, '\n', len - (size_t)(p - text));
        if (!e || e > text + cut)
            break;
        turns += strncmp(p, "{\"turn\": ", 9) == 0;
        p = e + 1;
    }
    return turns;
}

/* A kill may stop the writer after any byte of an append (its cut and its write): every
 * such file loads the complete turns before the cut, each with its hash. */
static void test_cut_at_every_byte_of_an_append(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[4096], msg[1024];
    snprintf(path, sizeof path, "%s/game.json", dir);
    int checked = 0, appends = 0;
    for (uint64_t seed = 11; seed <= 13; seed++) {
        niact_session *s = new_game(seed);
        niact_record_writer w = {0};
        assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                         NIACT_OK);
        while (!ended(s)) {
            int64_t from = w.turns_end; /* the append cuts here, then writes from here */
            assert_int_equal(niact_session_resolve(s), NIACT_OK);
            assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg,
                                                 sizeof msg), NIACT_OK);
            appends++;
            if (appends % 3 != 1 && !ended(s))
                continue; /* every third append, and the last of each game */
            size_t len;
            char *text = ru_slurp(path, &len);
            const niact_game *g = niact_session_game(s);
            for (size_t cut = (size_t)from; cut <= len; cut++) {
                niact_loaded l;
                niact_status rc = ru_load(host, text, cut, &l, msg, sizeof msg);
                if (rc != NIACT_OK)
                    fail_msg("seed %llu, cut at %zu of %zu: %s", (unsigned long long)seed, cut,
                             len, msg);
                int turns = complete_turns(text, len, cut);
                int32_t played = niact_session_turns_played(l.session);
                assert_int_equal(played, turns);
                uint64_t want = 0, got = niact_game_hash(niact_session_game(l.session));
                assert_int_equal(niact_game_turn_hash(g, played, &want), NIACT_OK);
                if (want != got)
                    fail_msg("cut at %zu: turn %d's hash differs", cut, played);
                assert_int_equal(l.cut, cut < len - 1);
                niact_loaded_free(&l);
                checked++;
            }
            free(text);
        }
        niact_session_free(s);
    }
    print_message("%d cuts of %d appends loaded their complete turns\n", checked, appends);
    assert_true(checked > 1000);
    ts_rmdir(dir);
}

/* The writer writes the file whole again when it changed behind its back, or when the
 * history it holds is no longer this session's. */
static void test_changed_file_rewritten(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[4096], msg[512];
    snprintf(path, sizeof path, "%s/game.json", dir);
    niact_session *s = new_game(5), *other = new_game(6);
    niact_record_writer w = {0};
    assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                     NIACT_OK);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                     NIACT_OK);
    assert_int_equal(w.appends, 1);
    /* Someone saved another game over it. */
    assert_int_equal(niact_record_save(other, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg),
                     NIACT_OK);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                     NIACT_OK);
    assert_int_equal(w.rewrites, 2);
    same_as_dump(s, path);
    /* Someone appended a byte to it. */
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputc(' ', f);
    fclose(f);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg),
                     NIACT_OK);
    assert_int_equal(w.rewrites, 3);
    same_as_dump(s, path);
    /* The same writer given another session (another game at the same path). */
    for (int t = 0; t < 4 && !ended(other); t++)
        assert_int_equal(niact_session_resolve(other), NIACT_OK);
    assert_int_equal(niact_record_append(other, NIACT_RECORD_ALL_ROLES, &w, path, msg,
                                         sizeof msg), NIACT_OK);
    assert_int_equal(w.rewrites, 4);
    same_as_dump(other, path);
    /* A file that is not a save is never replaced. */
    char plain[4096];
    snprintf(plain, sizeof plain, "%s/notes.txt", dir);
    ru_spit(plain, "my notes\n", 9);
    niact_record_writer w2 = {0};
    assert_int_equal(niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w2, plain, msg, sizeof msg),
                     NIACT_ERR_IO);
    assert_non_null(strstr(msg, "not a niact save"));
    niact_session_free(s);
    niact_session_free(other);
    ts_rmdir(dir);
}

/* Processes killed (SIGKILL) while they append turn after turn: what they leave loads,
 * every turn in it checked by its hash. */
static void test_killed_while_appending(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[4096], msg[1024];
    snprintf(path, sizeof path, "%s/game.json", dir);
    int loaded = 0, cut = 0;
    for (int k = 0; k < 24; k++) {
        unlink(path);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            for (uint64_t seed = 100 + (uint64_t)k;; seed += 24) { /* until killed */
                niact_session *s = new_game(seed);
                niact_record_writer w = {0};
                niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg);
                while (!ended(s)) {
                    niact_session_resolve(s);
                    niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg);
                }
                niact_session_free(s);
            }
        }
        /* Wait for the first write, then a little more (varied), then kill. */
        struct stat sb;
        for (int i = 0; i < 20000 && stat(path, &sb) != 0; i++)
            sleep_us(500);
        sleep_us(200 + 997 * (k % 13));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (stat(path, &sb) != 0)
            continue; /* killed before its first write (a very slow machine) */
        niact_loaded l;
        niact_record_opts o = {0};
        o.host = host;
        if (niact_record_load(path, &o, &l, msg, sizeof msg) != NIACT_OK)
            fail_msg("killed writer %d left a file that does not load: %s", k, msg);
        loaded++;
        cut += l.cut;
        niact_loaded_free(&l);
    }
    print_message("%d files of killed writers loaded (%d cut in the middle)\n", loaded, cut);
    assert_true(loaded > 0);
    ts_rmdir(dir);
}

/* The autosave appends as the --record file does: named on the first call, appended to
 * after. */
static void test_autosave_appends(void **st) {
    (void)st;
    char *home = ts_tempdir(), msg[512], path[4096] = "";
    setenv("XDG_DATA_HOME", home, 1);
    niact_session *s = new_game(3);
    niact_record_writer w = {0};
    assert_int_equal(niact_record_autosave_append(s, NIACT_RECORD_ALL_ROLES, &w, path,
                                                  sizeof path, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(path, "/niact/autosave/"));
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    assert_int_equal(niact_record_autosave_append(s, NIACT_RECORD_ALL_ROLES, &w, path,
                                                  sizeof path, msg, sizeof msg), NIACT_OK);
    assert_int_equal(w.rewrites, 1);
    assert_int_equal(w.appends, 1);
    same_as_dump(s, path);
    niact_session_free(s);
    unsetenv("XDG_DATA_HOME");
    ts_rmdir(home);
}

/* Bad journals: each refused with the line that is wrong. */
static void test_bad_lines(void **st) {
    (void)st;
    niact_session *s = new_game(2);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    char *text, msg[1024];
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    /* The lines: header, turn 1, turn 2, current, outcome. */
    char *l2 = strchr(text, '\n') + 1, *l3 = strchr(l2, '\n') + 1, *l4 = strchr(l3, '\n') + 1;
    char *l5 = strchr(l4, '\n') + 1;
    assert_true(strncmp(l4, "{\"current\": ", 12) == 0);
    assert_true(strncmp(l5, "{\"outcome\": ", 12) == 0);
    struct {
        const char *what, *expect;
        char *at;      /* where the change goes */
        size_t drop;   /* bytes removed there */
        const char *add;
    } cases[] = {
        {"a broken turn line in the middle", "line 2, column", l2 + 5, 3, ""},
        {"a line after the outcome", "line 6: nothing comes after the outcome", text + len, 0,
         "{\"outcome\": \"running\"}\n"},
        {"a turn after the turn under way", "line 5: only the outcome comes after", l5, 0,
         "{\"turn\": 3, \"inputs\": []}\n"},
        {"a line that is not an object", "line 3: a record's line is a JSON object", l3, 0,
         "[1, 2]\n"},
        {"a line of another kind", "line 3: a line is a turn", l3, 0, "{\"turns\": []}\n"},
        {"turns out of order", "turn 2: numbered 3", l3 + 9, 1, "3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t pos = (size_t)(cases[i].at - text), al = strlen(cases[i].add);
        char *bad = malloc(len + al + 1);
        memcpy(bad, text, pos);
        memcpy(bad + pos, cases[i].add, al);
        memcpy(bad + pos + al, text + pos + cases[i].drop, len - pos - cases[i].drop + 1);
        niact_loaded l;
        niact_status rc = ru_load(host, bad, len + al - cases[i].drop, &l, msg, sizeof msg);
        if (rc == NIACT_OK || !strstr(msg, cases[i].expect))
            fail_msg("%s: %s (wanted '%s')", cases[i].what, rc == NIACT_OK ? "loaded" : msg,
                     cases[i].expect);
        assert_null(l.session);
        free(bad);
    }
    free(text);
    niact_session_free(s);
}

/* Records of the old layout (one JSON document, versions 1 and 2) still load, and saved
 * again are the same game in the new layout. */
static void test_old_layout_loads(void **st) {
    (void)st;
    static const char *const names[] = {"testland-7.json", "testland-11.json"};
    for (int i = 0; i < 2; i++) {
        char p[512], msg[2048];
        snprintf(p, sizeof p, "%s/%s", SEEDS, names[i]);
        size_t len;
        char *old = ru_slurp(p, &len);
        assert_true(strncmp(old, "{\n \"format\": \"niact-record\",\n \"version\": ", 41) == 0);
        niact_record_opts o = {0};
        o.host = host;
        o.ignore_hashes = o.ignore_content_hash = 1; /* testland may have changed since */
        niact_loaded a, b;
        if (niact_record_load_text(old, len, &o, &a, msg, sizeof msg) != NIACT_OK)
            fail_msg("%s: %s", names[i], msg);
        assert_true(a.turns > 0);
        char *now;
        size_t nl;
        assert_int_equal(niact_record_dump(a.session, NIACT_RECORD_ALL_ROLES, &now, &nl, msg,
                                           sizeof msg), NIACT_OK);
        assert_non_null(strstr(now, "\"version\": 3"));
        assert_int_equal(niact_record_load_text(now, nl, &o, &b, msg, sizeof msg), NIACT_OK);
        assert_int_equal(b.turns, a.turns);
        assert_true(niact_game_hash(niact_session_game(a.session)) ==
                    niact_game_hash(niact_session_game(b.session)));
        niact_loaded_free(&a);
        niact_loaded_free(&b);
        free(now);
        free(old);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append_every_turn),
        cmocka_unit_test(test_cut_at_every_byte_of_an_append),
        cmocka_unit_test(test_changed_file_rewritten),
        cmocka_unit_test(test_killed_while_appending),
        cmocka_unit_test(test_autosave_appends),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_old_layout_loads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
