/* The command line and the one scenario lookup rule (niact/paths.h): every command says
 * on stderr which folder it loaded, a bare name is never a folder in the current one,
 * a record's scenario is looked up by the same rule, folders others can write are
 * refused; and every subcommand answers --help. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <sys/wait.h>

#include "support.h"

#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"

typedef struct res {
    int code;  /* exit status */
    char *out; /* standard output */
    char *err; /* standard error */
} res;

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (size_t got; (got = fread(b + n, 1, cap - n - 1, f)) > 0;)
        if ((n += got) + 4096 > cap)
            b = realloc(b, cap *= 2);
    b[n] = 0;
    fclose(f);
    return b;
}

/* Runs `ENV niact ARGS` in folder cwd (NULL: here) with stdin empty. */
static res run(const char *cwd, const char *env, const char *args) {
    char o[] = "/tmp/niact-clip-o-XXXXXX", e[] = "/tmp/niact-clip-e-XXXXXX";
    close(mkstemp(o));
    close(mkstemp(e));
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && %s '%s' %s </dev/null >%s 2>%s", cwd ? cwd : ".",
             env ? env : "", NIACT_BIN, args, o, e);
    int st = system(cmd);
    res r = {WIFEXITED(st) ? WEXITSTATUS(st) : 128, slurp(o), slurp(e)};
    unlink(o);
    unlink(e);
    return r;
}

static void res_free(res *r) {
    free(r->out);
    free(r->err);
}

static void copy_tree(const char *from, const char *to) {
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -R '%s'/. '%s'", to, from, to);
    assert_int_equal(system(cmd), 0);
}

static void rm_rf(const char *dir) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A bare name: the bundled scenario, named with its folder on stderr (one line), and
 * standard output as before. */
static void says_which_folder(void **st) {
    char want[PATH_MAX], line[PATH_MAX + 100];
    assert_non_null(realpath(NIACT_SCRIPTS_DIR "/scenarios/november1962", want));
    snprintf(line, sizeof line, "niact: scenario november1962 from %s\n", want);
    res r = run(NULL, NULL, "rules --scenario november1962");
    assert_int_equal(r.code, 0);
    assert_string_equal(r.err, line);
    assert_null(strstr(r.out, "niact: scenario"));
    assert_non_null(strstr(r.out, "November 1962"));
    res_free(&r);
    /* A folder given: named as given, and the resolved folder. */
    assert_non_null(realpath(TESTLAND, want));
    snprintf(line, sizeof line, "niact: scenario " TESTLAND " from %s\n", want);
    r = run(NULL, NULL, "sim --scenario " TESTLAND " --games 2 --seed 1");
    assert_int_equal(r.code, 0);
    assert_string_equal(r.err, line);
    res_free(&r);
}

/* ./NAME is used only when asked for as ./NAME; a bare NAME is not that folder, for
 * play, rules, sim and check alike. */
static void bare_name_never_cwd(void **st) {
    char *t = ts_tempdir(), local[4200], want[PATH_MAX], line[PATH_MAX + 100];
    snprintf(local, sizeof local, "%s/zzlocal", t);
    copy_tree(TESTLAND, local);
    const char *cmds[] = {"rules --scenario zzlocal", "sim --scenario zzlocal --games 1",
                          "check zzlocal",
                          "play --text --scenario zzlocal --seat us=ai --seat ussr=ai "
                          "--seat un=ai --seed 1 --no-autosave"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        res r = run(t, NULL, cmds[i]);
        if (r.code != 1 || !strstr(r.err, "no scenario 'zzlocal'") || !strstr(r.err, "./zzlocal"))
            fail_msg("niact %s: exit %d, stderr:\n%s", cmds[i], r.code, r.err);
        res_free(&r);
    }
    res r = run(t, NULL, "rules --scenario ./zzlocal");
    assert_int_equal(r.code, 0);
    assert_non_null(realpath(local, want));
    snprintf(line, sizeof line, "niact: scenario ./zzlocal from %s\n", want);
    assert_string_equal(r.err, line);
    res_free(&r);
    r = run(t, NULL, "check zzlocal/scenario.lua");
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "zzlocal: ok"));
    res_free(&r);
    rm_rf(t);
    free(t);
}

/* A record names its scenario by id; the id is looked up by the same rule: the user's
 * data home when absolute, never through a relative XDG_DATA_HOME or HOME. */
static void record_scenario_by_rule(void **st) {
    char *t = ts_tempdir(), rec[4200], env[8400], args[8400], home[4200], want[PATH_MAX];
    char line[PATH_MAX + 100];
    snprintf(rec, sizeof rec, "%s/game.json", t);
    snprintf(args, sizeof args, "play --text --scenario " TESTLAND " --seat us=ai --seat "
             "ussr=ai --seat un=ai --seed 4 --no-autosave --record %s", rec);
    res r = run(NULL, NULL, args);
    assert_int_equal(r.code, 0);
    res_free(&r);
    snprintf(home, sizeof home, "%s/data/niact/scenarios/testland", t);
    copy_tree(TESTLAND, home);
    /* Relative: from t, "data" would reach the copy; it is ignored, and so is HOME. */
    snprintf(args, sizeof args, "replay %s", rec);
    r = run(t, "XDG_DATA_HOME=data HOME=.", args);
    if (r.code != 1 || !strstr(r.err, "scenario 'testland' is not installed"))
        fail_msg("relative XDG_DATA_HOME: exit %d, stderr:\n%s", r.code, r.err);
    res_free(&r);
    snprintf(env, sizeof env, "XDG_DATA_HOME='%s/data'", t);
    r = run(t, env, args);
    assert_int_equal(r.code, 0);
    assert_non_null(realpath(home, want));
    snprintf(line, sizeof line, "niact: scenario testland from %s\n", want);
    assert_non_null(strstr(r.err, line));
    res_free(&r);
    snprintf(args, sizeof args, "debrief %s", rec);
    r = run(t, env, args);
    assert_non_null(strstr(r.err, line));
    res_free(&r);
    rm_rf(t);
    free(t);
}

/* A scenario folder anyone can write is refused by every command, with its name. */
static void world_writable_refused(void **st) {
    char *t = ts_tempdir(), dir[4200], args[8400];
    snprintf(dir, sizeof dir, "%s/open", t);
    copy_tree(TESTLAND, dir);
    assert_int_equal(chmod(dir, 0777), 0);
    const char *cmds[] = {"rules --scenario %s", "check %s", "sim --scenario %s --games 1",
                          "play --text --scenario %s --seed 1 --no-autosave"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        snprintf(args, sizeof args, cmds[i], dir);
        res r = run(NULL, NULL, args);
        if (r.code != 1 || !strstr(r.err, "/open is writable by anyone: not used"))
            fail_msg("niact %s: exit %d, stderr:\n%s", args, r.code, r.err);
        res_free(&r);
    }
    rm_rf(t);
    free(t);
}

/* Every subcommand answers --help and -h with its part of the help, on stdout, exit 0. */
static void every_command_has_help(void **st) {
    const char *cmds[] = {"play", "sim", "rules", "check", "replay", "debrief"};
    const char *flags[] = {"--help", "-h"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        for (int f = 0; f < 2; f++) {
            char args[64], want[64];
            snprintf(args, sizeof args, "%s %s", cmds[i], flags[f]);
            snprintf(want, sizeof want, "\nniact %s ", cmds[i]);
            res r = run(NULL, NULL, args);
            if (r.code != 0 || !strstr(r.out, want) || !strstr(r.out, "Exit status") ||
                r.err[0])
                fail_msg("niact %s: exit %d, stdout:\n%s\nstderr:\n%s", args, r.code, r.out,
                         r.err);
            res_free(&r);
        }
    /* After other arguments too, and with arguments that would be usage errors. */
    res r = run(NULL, NULL, "sim --games 0 --help");
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "--threads T"));
    res_free(&r);
    r = run(NULL, NULL, "--scale 1 -h"); /* the window's options, then -h: the help */
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "\nniact play "));
    res_free(&r);
    r = run(NULL, NULL, "help debrief");
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "\nniact debrief RECORD"));
    assert_null(strstr(r.out, "niact play "));
    res_free(&r);
    r = run(NULL, NULL, "help frobnicate");
    assert_int_equal(r.code, 2);
    assert_non_null(strstr(r.err, "unknown command 'frobnicate'"));
    res_free(&r);
}

/* docs/cli.md quotes `niact --help` word for word in its first code block. */
static void docs_quote_the_help(void **st) {
    char *doc = slurp(NIACT_TEST_DIR "/../docs/cli.md");
    res r = run(NULL, NULL, "--help");
    assert_int_equal(r.code, 0);
    char *start = strstr(doc, "```\n");
    assert_non_null(start);
    start += 4;
    char *end = strstr(start, "```\n");
    assert_non_null(end);
    *end = 0;
    if (strcmp(start, r.out) != 0)
        fail_msg("docs/cli.md's first block differs from niact --help; the help is:\n%s",
                 r.out);
    /* Word for word, so the doc names every option the help lists; the options the
     * two once disagreed on are in both. */
    for (const char *o = "--no-autosave\0--scale\0--verify\0"; *o; o += strlen(o) + 1)
        assert_non_null(strstr(r.out, o));
    char *replay = strstr(r.out, "niact replay"), *debrief = strstr(r.out, "niact debrief");
    assert_non_null(replay);
    assert_non_null(debrief);
    *debrief = 0;
    assert_non_null(strstr(replay, "--scenario NAME|DIR")); /* replay --scenario */
    res_free(&r);
    free(doc);
}

int main(void) {
    char *data = ts_tempdir();
    setenv("XDG_DATA_HOME", data, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(says_which_folder),
        cmocka_unit_test(bare_name_never_cwd),
        cmocka_unit_test(record_scenario_by_rule),
        cmocka_unit_test(world_writable_refused),
        cmocka_unit_test(every_command_has_help),
        cmocka_unit_test(docs_quote_the_help),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rm_rf(data);
    free(data);
    return rc;
}
