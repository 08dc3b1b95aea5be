/* engine/platform/paths.c: the XDG data folder (relative values ignored), plain names,
 * the trust check (folders others can write are never used) and the one scenario lookup
 * rule (a bare name is never the folder of that name in the current one). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>

#include "niact/paths.h"
#include "support.h"

/* A temporary folder holding a minimal scenario folder NAME (scenario.lua inside). */
static void make_scenario(const char *parent, const char *name, char *out, size_t len) {
    snprintf(out, len, "%s/%s", parent, name);
    assert_int_equal(mkdir(out, 0755), 0);
    ts_write(out, "scenario.lua", "-- a test scenario\n");
}

static void rm_rf(const char *dir) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    assert_int_equal(system(cmd), 0);
}

static void names(void **st) {
    const char *good[] = {"november1962", "a", "my-game_2", "game.v2",
                          "0123456789012345678901234567890123456789012345678901234567890123"};
    const char *bad[] = {"", ".", "..", ".hidden", "a/b", "../x", "x y", "caf\xc3\xa9", "a\\b",
                         "01234567890123456789012345678901234567890123456789012345678901234"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(niact_name_ok(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(niact_name_ok(bad[i]));
    assert_false(niact_name_ok(NULL));
}

/* XDG_DATA_HOME wins when absolute; a relative one is ignored (HOME is used); a relative
 * HOME is ignored too, and then there is no data folder at all. */
static void data_home_relative_ignored(void **st) {
    char out[NIACT_PATH_MAX], msg[256];
    setenv("XDG_DATA_HOME", "/x/data", 1);
    setenv("HOME", "/h", 1);
    assert_int_equal(niact_path_data_home("saves", 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/x/data/niact/saves");
    setenv("XDG_DATA_HOME", "rel/data", 1);
    assert_int_equal(niact_path_data_home("saves", 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/h/.local/share/niact/saves");
    assert_int_equal(niact_path_data_home(NULL, 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/h/.local/share/niact");
    setenv("HOME", "relhome", 1);
    assert_int_equal(niact_path_data_home("saves", 0, out, sizeof out, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "absolute"));
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    assert_int_equal(niact_path_data_home("saves", 0, out, sizeof out, NULL, 0), -1);
}

/* create makes the folders, private to the user. */
static void data_home_create(void **st) {
    char *t = ts_tempdir(), out[NIACT_PATH_MAX], msg[256];
    setenv("XDG_DATA_HOME", t, 1);
    assert_int_equal(niact_path_data_home("autosave", 1, out, sizeof out, msg, sizeof msg), 0);
    struct stat s;
    assert_int_equal(stat(out, &s), 0);
    assert_true(S_ISDIR(s.st_mode));
    assert_int_equal(s.st_mode & 077, 0);
    rm_rf(t);
    free(t);
}

/* A bare name is looked up in the bundled scenarios (here the source tree, through the
 * build-tree marker beside this test), with the bundled lib. */
static void bundled_name(void **st) {
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX], msg[NIACT_PATH_MAX], want[PATH_MAX];
    assert_int_equal(niact_path_scenario("november1962", dir, sizeof dir, lib, sizeof lib,
                                         msg, sizeof msg), 0);
    assert_non_null(realpath(NIACT_SCRIPTS_DIR "/scenarios/november1962", want));
    assert_string_equal(dir, want);
    assert_non_null(realpath(NIACT_SCRIPTS_DIR "/lib", want));
    assert_string_equal(lib, want);
    char b[NIACT_PATH_MAX];
    assert_int_equal(niact_path_bundled(b, sizeof b, msg, sizeof msg), 0);
    assert_non_null(realpath(NIACT_SCRIPTS_DIR "/..", want));
    assert_string_equal(b, want);
}

/* A bare name is never the folder of that name in the current folder, even when it is
 * the only one; the message says how to ask for it. "./NAME" is that folder. */
static void bare_name_not_cwd(void **st) {
    char *t = ts_tempdir(), scen[4200], old[PATH_MAX], dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX];
    char msg[NIACT_PATH_MAX + 512], want[PATH_MAX];
    setenv("XDG_DATA_HOME", t, 1); /* an empty data home: no scenarios there */
    make_scenario(t, "zzlocal", scen, sizeof scen);
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(chdir(t), 0);
    assert_int_equal(niact_path_scenario("zzlocal", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), -1);
    assert_non_null(strstr(msg, "no scenario 'zzlocal'"));
    assert_non_null(strstr(msg, "./zzlocal"));
    assert_int_equal(niact_path_scenario("./zzlocal", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), 0);
    assert_non_null(realpath(scen, want));
    assert_string_equal(dir, want);
    assert_int_equal(niact_path_scenario(".", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), 0);
    assert_int_equal(niact_path_scenario("zz local", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), -1);
    assert_int_equal(chdir(old), 0);
    rm_rf(t);
    free(t);
}

/* After the bundled scenarios, the user's <data home>/scenarios; a relative
 * XDG_DATA_HOME is not looked at (it would be relative to the current folder). */
static void data_home_scenarios(void **st) {
    char *t = ts_tempdir(), base[4200], scen[4400], old[PATH_MAX];
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX], msg[NIACT_PATH_MAX + 512], want[PATH_MAX];
    snprintf(base, sizeof base, "%s/niact", t);
    assert_int_equal(mkdir(base, 0700), 0);
    snprintf(base, sizeof base, "%s/niact/scenarios", t);
    assert_int_equal(mkdir(base, 0700), 0);
    make_scenario(base, "zzmine", scen, sizeof scen);
    setenv("XDG_DATA_HOME", t, 1);
    assert_int_equal(niact_path_scenario("zzmine", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), 0);
    assert_non_null(realpath(scen, want));
    assert_string_equal(dir, want);
    assert_true(lib[0] != 0); /* the bundled lib still comes with it */
    /* The same folder through a relative XDG_DATA_HOME, and HOME relative too. */
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(chdir(t), 0);
    setenv("XDG_DATA_HOME", ".", 1);
    setenv("HOME", ".", 1);
    assert_int_equal(niact_path_scenario("zzmine", dir, sizeof dir, lib, sizeof lib, msg,
                                         sizeof msg), -1);
    assert_non_null(strstr(msg, "no data folder"));
    assert_int_equal(chdir(old), 0);
    unsetenv("HOME");
    rm_rf(t);
    free(t);
}

static int finds(const char *arg, char *msg, size_t msglen) {
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX];
    return niact_path_scenario(arg, dir, sizeof dir, lib, sizeof lib, msg, msglen);
}

/* A scenario folder, a file in it, or a parent without the sticky bit that anyone can
 * write is refused, by name; a sticky parent (as /tmp) is fine. */
static void world_writable_refused(void **st) {
    char *t = ts_tempdir(), scen[4200], sub[4200], msg[NIACT_PATH_MAX + 512], f[4400];
    make_scenario(t, "open", scen, sizeof scen);
    assert_int_equal(finds(scen, msg, sizeof msg), 0);
    assert_int_equal(niact_path_trusted(scen, msg, sizeof msg), 0);

    assert_int_equal(chmod(scen, 0777), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "writable by anyone"));
    assert_non_null(strstr(msg, "/open"));
    assert_int_equal(chmod(scen, 0755), 0);

    snprintf(f, sizeof f, "%s/scenario.lua", scen);
    assert_int_equal(chmod(f, 0666), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "scenario.lua is writable by anyone"));
    assert_int_equal(chmod(f, 0644), 0);

    /* Deeper inside (require reaches subfolders): a file anyone can write is refused; a
     * symbolic link (whose own mode is always rwx) to a safe file is fine. */
    snprintf(f, sizeof f, "%s/sub", scen);
    assert_int_equal(mkdir(f, 0755), 0);
    ts_write(f, "deep.lua", "return 1\n");
    snprintf(f, sizeof f, "%s/sub/deep.lua", scen);
    char link0[4400];
    snprintf(link0, sizeof link0, "%s/alias.lua", scen);
    assert_int_equal(symlink(f, link0), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), 0);
    assert_int_equal(chmod(f, 0646), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "is writable by anyone"));
    assert_int_equal(chmod(f, 0644), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), 0);

    /* A parent two levels up that anyone can write, with and without the sticky bit. */
    snprintf(sub, sizeof sub, "%s/a", t);
    assert_int_equal(mkdir(sub, 0755), 0);
    snprintf(sub, sizeof sub, "%s/a/b", t);
    assert_int_equal(mkdir(sub, 0755), 0);
    make_scenario(sub, "deep", scen, sizeof scen);
    snprintf(sub, sizeof sub, "%s/a", t);
    assert_int_equal(chmod(sub, 0777), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "/a is writable by anyone"));
    assert_int_equal(chmod(sub, 01777), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), 0);

    /* A symbolic link from a safe place into an unsafe one is judged by its target. */
    assert_int_equal(chmod(sub, 0777), 0);
    char link[4400];
    snprintf(link, sizeof link, "%s/link", t);
    assert_int_equal(symlink(scen, link), 0);
    assert_int_equal(finds(link, msg, sizeof msg), -1);
    rm_rf(t);
    free(t);
}

/* A scenario in the user's data home that anyone can write is refused too (it is not
 * skipped for the next place: the user is told). */
static void data_home_untrusted(void **st) {
    char *t = ts_tempdir(), base[4200], scen[4400], msg[NIACT_PATH_MAX + 512];
    snprintf(base, sizeof base, "%s/niact", t);
    assert_int_equal(mkdir(base, 0700), 0);
    snprintf(base, sizeof base, "%s/niact/scenarios", t);
    assert_int_equal(mkdir(base, 0777), 0);
    assert_int_equal(chmod(base, 0777), 0);
    make_scenario(base, "zzopen", scen, sizeof scen);
    setenv("XDG_DATA_HOME", t, 1);
    assert_int_equal(finds("zzopen", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "scenarios is writable by anyone: not used"));
    rm_rf(t);
    free(t);
}

/* Owned by another user: refused even when nobody else may write it (needs root to
 * give a folder away; skipped otherwise). */
static void other_owner_refused(void **st) {
    if (geteuid() != 0) {
        skip();
        return;
    }
    char *t = ts_tempdir(), scen[4200], msg[NIACT_PATH_MAX + 512];
    make_scenario(t, "theirs", scen, sizeof scen);
    assert_int_equal(chown(scen, 4321, 4321), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "owned by another user (uid 4321)"));
    rm_rf(t);
    free(t);
}

/* A folder writable by a group that is not the user's own private group is refused. */
static void group_writable_refused(void **st) {
    if (geteuid() != 0) {
        skip();
        return;
    }
    char *t = ts_tempdir(), scen[4200], msg[NIACT_PATH_MAX + 512];
    make_scenario(t, "grp", scen, sizeof scen);
    assert_int_equal(chown(scen, 0, 4321), 0); /* a group with no name, not root's */
    assert_int_equal(chmod(scen, 0775), 0);
    assert_int_equal(finds(scen, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "writable by its group (gid 4321)"));
    rm_rf(t);
    free(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),
        cmocka_unit_test(data_home_relative_ignored),
        cmocka_unit_test(data_home_create),
        cmocka_unit_test(bundled_name),
        cmocka_unit_test(bare_name_not_cwd),
        cmocka_unit_test(data_home_scenarios),
        cmocka_unit_test(world_writable_refused),
        cmocka_unit_test(data_home_untrusted),
        cmocka_unit_test(other_owner_refused),
        cmocka_unit_test(group_writable_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
