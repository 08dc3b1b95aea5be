/* The files of saves: temporary files nobody can predict or plant, stale ones cleaned,
 * a save never replacing what is not a save, --record paths checked before a game,
 * one autosave per game under a name that says which game, the autosave folder's bound,
 * the load lists' summary, and a writer that says why it cannot write. Everything
 * happens in a temporary folder; the decoys stand in for files that must never change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

static char *dir;
static niact_host *host;

static int setup(void **st) {
    (void)st;
    dir = ts_tempdir();
    host = ru_host();
    char xdg[512];
    snprintf(xdg, sizeof xdg, "%s/data", dir);
    setenv("XDG_DATA_HOME", xdg, 1);
    return dir ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    niact_host_free(host);
    ts_rmdir(dir);
    return 0;
}

/* DIR/name into out. */
static const char *at(char *out, size_t len, const char *name) {
    snprintf(out, len, "%s/%s", dir, name);
    return out;
}

/* The file holds exactly text. */
static void assert_holds(const char *path, const char *text) {
    size_t len;
    char *got = ru_slurp(path, &len);
    assert_int_equal(len, strlen(text));
    assert_memory_equal(got, text, len);
    free(got);
}

/* How many entries of folder d start with prefix. */
static int count_prefix(const char *d, const char *prefix) {
    DIR *dd = opendir(d);
    if (!dd)
        return 0;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dd)) != NULL)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(dd);
    return n;
}

/* A symbolic link planted where older builds put their temporary file (FILE.tmp.PID,
 * predictable) is not followed: the decoy it points to keeps its text. */
static void test_planted_temp_link(void **st) {
    (void)st;
    char decoy[512], path[512], planted[600], msg[512];
    at(decoy, sizeof decoy, "decoy-passwd");
    ru_spit(decoy, "root:x:0:0\n", 11);
    at(path, sizeof path, "game.json");
    snprintf(planted, sizeof planted, "%s.tmp.%ld", path, (long)getpid());
    assert_int_equal(symlink(decoy, planted), 0);
    niact_session *s = ru_game(host, 4, 2);
    assert_int_equal(niact_record_save(s, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg),
                     NIACT_OK);
    assert_holds(decoy, "root:x:0:0\n");
    niact_loaded l;
    niact_record_opts o = {.host = host};
    assert_int_equal(niact_record_load(path, &o, &l, msg, sizeof msg), NIACT_OK);
    niact_loaded_free(&l);
    /* The temporary file is gone, and it was not the predictable one. */
    assert_int_equal(count_prefix(dir, ".game.json.niact-tmp-"), 0);
    struct stat sb;
    assert_int_equal(lstat(planted, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    unlink(planted);
    niact_session_free(s);
}

/* What a save may replace: nothing, an empty file or a niact record; never a folder, a
 * symbolic link, a FIFO or any other file. */
static void test_replace_only_saves(void **st) {
    (void)st;
    char decoy[512], path[512], msg[512];
    niact_session *s = ru_game(host, 5, 1);
    at(decoy, sizeof decoy, "decoy-notes");
    ru_spit(decoy, "{\"format\": \"mine\"}\n", 19);
    assert_int_equal(niact_record_save(s, 0, decoy, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "is not a niact save"));
    assert_holds(decoy, "{\"format\": \"mine\"}\n");
    /* A link to it (or to a record) is not replaced either. */
    at(path, sizeof path, "link.json");
    assert_int_equal(symlink(decoy, path), 0);
    assert_int_equal(niact_record_save(s, 0, path, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "symbolic link"));
    assert_holds(decoy, "{\"format\": \"mine\"}\n");
    unlink(path);
    assert_int_equal(niact_record_save(s, 0, dir, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "is a folder"));
    at(path, sizeof path, "fifo.json");
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(niact_record_save(s, 0, path, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "not a regular file"));
    unlink(path);
    /* Empty (mktemp), then a record, then a hand-spaced record: replaced. */
    at(path, sizeof path, "ok.json");
    ru_spit(path, "", 0);
    assert_int_equal(niact_record_save(s, 0, path, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_record_save(s, 0, path, msg, sizeof msg), NIACT_OK);
    ru_spit(path, "  {\t\"format\" :\n\"niact-record\", \"version\": 1}", 44);
    assert_int_equal(niact_record_replaceable(path, msg, sizeof msg), 0);
    ru_spit(path, "{\"format\": \"niact-recordings\"}", 30);
    assert_int_equal(niact_record_replaceable(path, msg, sizeof msg), -1);
    niact_session_free(s);
}

/* --record paths, before a game starts. */
static void test_check_path(void **st) {
    (void)st;
    char path[512], decoy[512], msg[512];
    assert_int_equal(niact_record_check_path(at(path, sizeof path, "fresh.json"), msg,
                                             sizeof msg), 0);
    assert_int_not_equal(access(path, F_OK), 0); /* checked, not made */
    assert_int_equal(count_prefix(dir, ".fresh.json.niact-tmp-"), 0);
    assert_int_equal(niact_record_check_path(dir, msg, sizeof msg), -1);
    assert_int_equal(niact_record_check_path(at(path, sizeof path, "none/r.json"), msg,
                                             sizeof msg), -1);
    assert_non_null(strstr(msg, "cannot write in the folder"));
    at(decoy, sizeof decoy, "decoy-file");
    ru_spit(decoy, "x", 1);
    snprintf(path, sizeof path, "%s/r.json", decoy);
    assert_int_equal(niact_record_check_path(path, msg, sizeof msg), -1);
    assert_int_equal(niact_record_check_path(decoy, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "not a niact save"));
    assert_int_equal(niact_record_check_path("", msg, sizeof msg), -1);
    snprintf(path, sizeof path, "%s/", dir);
    assert_int_equal(niact_record_check_path(path, msg, sizeof msg), -1);
    assert_holds(decoy, "x");
}

/* Sets a file's modification time to `age` seconds ago. */
static void age_file(const char *path, long age) {
    struct timespec ts[2];
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[0].tv_sec -= age;
    ts[1] = ts[0];
    assert_int_equal(utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW), 0);
}

/* Stale temporary files of ours are removed after a save; nothing else is. */
static void test_stale_temps(void **st) {
    (void)st;
    char sub[512], p[1024], msg[512];
    at(sub, sizeof sub, "stale");
    assert_int_equal(mkdir(sub, 0700), 0);
    static const struct {
        const char *name;
        long age;
        int removed;
    } files[] = {
        {".a.json.niact-tmp-abcdefghij12", 3600, 1}, /* ours, an hour old */
        {".b.json.niact-tmp-0123456789ab", 7200, 1},
        {"old.json.tmp.4242", 7200, 1},              /* an older build's, stale */
        {".c.json.niact-tmp-abcdefghij13", 10, 0},   /* a save still being written */
        {".d.json.niact-tmp-ABCDEFGHIJ12", 7200, 0}, /* not our alphabet */
        {".e.json.niact-tmp-abc", 7200, 0},          /* not our length */
        {"notes.tmp.12", 7200, 0},                   /* not a record's */
        {"keep.json", 7200, 0},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", sub, files[i].name);
        ru_spit(p, "half", 4);
        age_file(p, files[i].age);
    }
    /* A link with our pattern: not a regular file, never removed (nor its target). */
    char decoy[512];
    at(decoy, sizeof decoy, "decoy-target");
    ru_spit(decoy, "target", 6);
    snprintf(p, sizeof p, "%s/.f.json.niact-tmp-zzzzzzzzzzzz", sub);
    assert_int_equal(symlink(decoy, p), 0);
    age_file(p, 7200);
    snprintf(p, sizeof p, "%s/game.json", sub);
    assert_int_equal(niact_write_atomic(p, "{}", 2, msg, sizeof msg), NIACT_OK);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", sub, files[i].name);
        if ((access(p, F_OK) != 0) != files[i].removed)
            fail_msg("%s: %s", files[i].name, files[i].removed ? "kept" : "removed");
    }
    snprintf(p, sizeof p, "%s/.f.json.niact-tmp-zzzzzzzzzzzz", sub);
    struct stat sb;
    assert_int_equal(lstat(p, &sb), 0);
    assert_holds(decoy, "target");
    assert_int_equal(niact_clean_temps(sub, 0), 1); /* .c, once old enough */
}

/* One autosave per game, named by date, scenario, seats and seed. */
static void test_autosave_per_game(void **st) {
    (void)st;
    char name[128], p1[4096] = "", p2[4096] = "", p3[4096] = "", msg[512];
    setenv("TZ", "UTC", 1);
    tzset();
    niact_session *a = ru_game(host, 2, 1);
    niact_record_autosave_name(a, (time_t)1796155200 /* 2026-12-01 20:00:00 UTC */, name,
                               sizeof name);
    assert_string_equal(name, "20261201-200000_testland_us-ai_ussr-ai_un-ai_s2");
    niact_seat humans[NIACT_MAX_ROLES] = {0};
    niact_session *hs;
    assert_int_equal(niact_session_new(host, 42, humans, &hs, msg, sizeof msg), NIACT_OK);
    niact_record_autosave_name(hs, (time_t)1796155200, name, sizeof name);
    assert_string_equal(name, "20261201-200000_testland_us-human_ussr-human_un-human_s42");
    niact_session_free(hs);
    /* Two games (even of the same scenario, seats and seed) keep two files. */
    niact_session *b = ru_game(host, 2, 1);
    assert_int_equal(niact_record_autosave(a, p1, sizeof p1, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_record_autosave(b, p2, sizeof p2, msg, sizeof msg), NIACT_OK);
    assert_string_not_equal(p1, p2);
    char again[4096];
    snprintf(again, sizeof again, "%s", p1);
    if (niact_session_resolve(a) != NIACT_OK)
        fail_msg("%s", niact_session_error(a));
    assert_int_equal(niact_record_autosave(a, p1, sizeof p1, msg, sizeof msg), NIACT_OK);
    assert_string_equal(p1, again); /* the same game: the same file */
    niact_record_info ia, ib;
    assert_int_equal(niact_record_info_read(p1, &ia, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_record_info_read(p2, &ib, msg, sizeof msg), NIACT_OK);
    assert_int_equal(ia.turns, 2);
    assert_int_equal(ib.turns, 1);
    assert_string_equal(ia.scenario, "testland");
    assert_string_equal(ia.outcome, "running");
    assert_int_equal(ia.seed, 2);
    assert_non_null(strstr(ia.seats, "us "));
    /* Played out: finished, with its outcome. */
    assert_int_equal(niact_session_play_out(b), NIACT_OK);
    assert_int_equal(niact_record_autosave(b, p2, sizeof p2, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_record_info_read(p2, &ib, msg, sizeof msg), NIACT_OK);
    assert_string_not_equal(ib.outcome, "running");
    /* Not a record: no summary. */
    assert_int_equal(niact_record_info_read(dir, &ib, msg, sizeof msg), NIACT_ERR_IO);
    /* A third game: its own file too; the name is a save name (--load NAME finds it). */
    niact_session *c = ru_game(host, 2, 0);
    assert_int_equal(niact_record_autosave(c, p3, sizeof p3, msg, sizeof msg), NIACT_OK);
    assert_string_not_equal(p3, p1);
    assert_string_not_equal(p3, p2);
    char *base = strrchr(p3, '/') + 1, found[4096];
    base[strlen(base) - 5] = 0;
    assert_int_equal(niact_data_file("autosave", base, 0, found, sizeof found, msg, sizeof msg),
                     0);
    niact_session_free(a);
    niact_session_free(b);
    niact_session_free(c);
    unsetenv("TZ");
}

/* Long ids are cut so the name stays at most 64 bytes. */
static void test_autosave_long_ids(void **st) {
    (void)st;
    char *sdir = ts_tempdir(), text[4096], name[128], msg[4096];
    snprintf(text, sizeof text,
             "return niact.scenario{ name = 'L',\n"
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 2 },\n"
             "  roles = { niact.role{ id = 'the_first_role_with_a_long_name_aaaaaaaa' },\n"
             "            niact.role{ id = 'the_second_role_with_a_long_name_bbbbbbb' },\n"
             "            niact.role{ id = 'the_third_role_with_a_long_name_cccccccc' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 10, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'act', roles = { 'the_first_role_with_a_long_name_"
             "aaaaaaaa' }, cost = 1, resolve = function() end } } }\n");
    ts_write(sdir, "scenario.lua", text);
    niact_host *h;
    if (ts_load(sdir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    niact_session *s;
    assert_int_equal(niact_session_new(h, 18446744073709551615u, NULL, &s, msg, sizeof msg),
                     NIACT_OK);
    niact_record_autosave_name(s, time(NULL), name, sizeof name);
    assert_true(strlen(name) <= NIACT_AUTOSAVE_NAME_MAX);
    assert_non_null(strstr(name, "_s18446744073709551615"));
    char path[4096];
    assert_int_equal(niact_data_file("autosave", name, 0, path, sizeof path, msg, sizeof msg), 0);
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(sdir);
}

/* The autosave folder keeps its NIACT_AUTOSAVE_KEEP newest records; other files stay. */
static void test_autosave_bound(void **st) {
    (void)st;
    char sub[512], p[1024], msg[512];
    at(sub, sizeof sub, "bound");
    assert_int_equal(mkdir(sub, 0700), 0);
    niact_session *s = ru_game(host, 9, 1);
    int total = NIACT_AUTOSAVE_KEEP + 5;
    for (int i = 0; i < total; i++) {
        snprintf(p, sizeof p, "%s/game%02d.json", sub, i);
        assert_int_equal(niact_record_save(s, 0, p, msg, sizeof msg), NIACT_OK);
        age_file(p, 10000 - i * 10); /* game00 oldest */
    }
    snprintf(p, sizeof p, "%s/aaa-notes.json", sub);
    ru_spit(p, "{\"not\": 1}", 10);
    age_file(p, 99999);
    assert_int_equal(niact_record_prune(sub, NIACT_AUTOSAVE_KEEP), 5);
    for (int i = 0; i < total; i++) {
        snprintf(p, sizeof p, "%s/game%02d.json", sub, i);
        assert_int_equal(access(p, F_OK) == 0, i >= 5);
    }
    snprintf(p, sizeof p, "%s/aaa-notes.json", sub);
    assert_int_equal(access(p, F_OK), 0);
    niact_session_free(s);
}

/* A text a record cannot hold (not UTF-8): the save fails saying so, not "out of
 * memory", and the game itself goes on. */
static void test_writer_reason(void **st) {
    (void)st;
    char *sdir = ts_tempdir(), msg[4096];
    ts_write(sdir, "scenario.lua",
             "return niact.scenario{ name = 'Utf',\n"
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n"
             "  roles = { niact.role{ id = 'us' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 10, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'act', roles = { 'us' }, cost = 1,\n"
             "              resolve = function() end } },\n"
             "  personalities = { ['caf\\xe9'] = { us = function() return {} end } } }\n");
    niact_host *h;
    if (ts_load(sdir, &h, msg, sizeof msg) != NIACT_OK) {
        /* A loader that refuses such names at the boundary is just as good. */
        if (!strstr(msg, "UTF-8"))
            fail_msg("refused, but not for its text: %s", msg);
        print_message("the scenario is refused at load: %s\n", msg);
    } else {
        niact_seat seats[NIACT_MAX_ROLES] = {0};
        assert_int_equal(niact_seat_parse("ai:caf\xe9", &seats[0]), 0);
        niact_session *s;
        assert_int_equal(niact_session_new(h, 1, seats, &s, msg, sizeof msg), NIACT_OK);
        char *text;
        size_t len;
        assert_int_equal(niact_record_dump(s, 0, &text, &len, msg, sizeof msg),
                         NIACT_ERR_INVALID);
        assert_non_null(strstr(msg, "personality of role 1 is not valid UTF-8"));
        assert_null(strstr(msg, "memory"));
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
        niact_session_free(s);
        niact_host_free(h);
    }
    ts_rmdir(sdir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_planted_temp_link), cmocka_unit_test(test_replace_only_saves),
        cmocka_unit_test(test_check_path),        cmocka_unit_test(test_stale_temps),
        cmocka_unit_test(test_autosave_per_game), cmocka_unit_test(test_autosave_long_ids),
        cmocka_unit_test(test_autosave_bound),    cmocka_unit_test(test_writer_reason),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
