/* Records through the program: play --record, replay [--verify], play --load (between
 * turns and in the middle of one), the 'save' command, autosave, and bad files (exit 1,
 * never a signal). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

static char *dir;

static int setup(void **st) {
    (void)st;
    dir = ts_tempdir();
    char xdg[512];
    snprintf(xdg, sizeof xdg, "%s/data", dir);
    setenv("XDG_DATA_HOME", xdg, 1);
    return dir ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    ts_rmdir(dir);
    return 0;
}

typedef struct out {
    int code;   /* exit status, or 128+signal */
    char *text; /* stdout and stderr */
} out;

/* Runs `niact ARGS` (ARGS may use %s for the temp folder, several times) with INPUT. */
static out run(const char *input, const char *fmt, ...) {
    char args[4096], in[512], cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(in, sizeof in, "%s/stdin", dir);
    ru_spit(in, input ? input : "", input ? strlen(input) : 0);
    snprintf(cmd, sizeof cmd, "%s %s < %s 2>&1", NIACT_BIN, args, in);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; (got = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
        n += got;
        if (cap - n < 4096)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = 0;
    int status = pclose(p);
    out o = {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), buf};
    return o;
}

static void expect(out o, int code, const char *needle) {
    if (o.code != code || (needle && !strstr(o.text, needle)))
        fail_msg("exit %d (want %d, '%s'), output:\n%s", o.code, code, needle ? needle : "",
                 o.text);
    free(o.text);
}

/* Enough 'done's to end any game of testland. */
#define MORE "done\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\n"
#define AI3 "--seat us=ai --seat ussr=ai:historical --seat un=ai"

/* play --record, then replay --verify; a changed hash fails naming its turn. */
static void test_record_and_verify(void **st) {
    (void)st;
    expect(run(NULL, "play --text --scenario " TESTLAND " " AI3 " --seed 21 --record %s/r.json",
               dir), 0, "RESULT");
    expect(run(NULL, "replay %s/r.json --verify --scenario " TESTLAND, dir), 0, "verified");
    expect(run(NULL, "replay %s/r.json --scenario " TESTLAND, dir), 0, "== Turn 1");
    expect(run(NULL, "replay %s/r.json --verify", dir), 1, "not installed");
    /* A bundled scenario is found by the name in the record. */
    expect(run(NULL, "play --text --scenario november1962 --seat us=ai:historical --seat ussr=ai "
                     "--seat un=ai:dove --seed 4 --no-autosave --record %s/nov.json", dir),
           0, "RESULT");
    expect(run(NULL, "replay %s/nov.json --verify", dir), 0, "verified");
    /* Change turn 2's hash. */
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/r.json", dir);
    char *text = ru_slurp(path, &len), *t2 = strstr(text, "{\"turn\": 2,");
    assert_non_null(t2);
    char *h = strstr(t2, "\"hash\": \"") + 9;
    h[0] = h[0] == 'a' ? 'b' : 'a';
    snprintf(path, sizeof path, "%s/bad.json", dir);
    ru_spit(path, text, len);
    free(text);
    expect(run(NULL, "replay %s/bad.json --verify --scenario " TESTLAND, dir), 1,
           "turn 2: state hash differs");
    expect(run(NULL, "replay %s/bad.json --scenario " TESTLAND, dir), 0, "from turn 2 on");
    expect(run(NULL, "replay"), 2, "which record");
    expect(run(NULL, "replay %s/r.json --frobnicate", dir), 2, "usage");
}

/* Every corpus file: exit 1 with a message, never a signal. */
static void test_corpus_through_replay(void **st) {
    (void)st;
    size_t len;
    char *manifest = ru_slurp(CORPUS "/EXPECT", &len), *save = NULL;
    for (char *line = strtok_r(manifest, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#')
            continue;
        *strchr(line, '\t') = 0;
        expect(run(NULL, "replay --verify --scenario " TESTLAND " " CORPUS "/%s", line), 1,
               line);
    }
    free(manifest);
}

/* The hashes a game prints at its end (--hashes), from "turn 0 hash". */
static char *hashes_of(out o) {
    if (o.code != 0)
        fail_msg("exit %d:\n%s", o.code, o.text);
    char *h = strstr(o.text, "turn 0 hash");
    assert_non_null(h);
    char *copy = strdup(h);
    free(o.text);
    return copy;
}

/* Save between turns and in the middle of one, quit, load, go on: the same game. */
static void test_save_quit_load(void **st) {
    (void)st;
    const char *game = "--scenario " TESTLAND " --seat un=ai --seed 33 --hashes --no-autosave";
    /* Turns: us then ussr, each 'done' (no orders) except a recon and a stall. */
    const char *all = "order recon\ndone\norder stall\ndone\n"
                      "done\ndone\norder recon\ndone\ndone\n" MORE;
    char *want = hashes_of(run(all, "play --text %s", game));
    /* Save after turn 2 (from the us seat, before its orders), quit, resume. */
    char input[512];
    snprintf(input, sizeof input,
             "order recon\ndone\norder stall\ndone\ndone\ndone\nsave %s/s1.json\nquit\n", dir);
    expect(run(input, "play --text %s", game), 0, "Saved to");
    char *got = hashes_of(run("order recon\ndone\ndone\n" MORE,
                              "play --text --load %s/s1.json --scenario " TESTLAND
                              " --hashes --no-autosave", dir));
    assert_string_equal(got, want);
    free(got);
    /* In the middle of turn 3: us has given its orders, ussr saves and quits. */
    snprintf(input, sizeof input,
             "order recon\ndone\norder stall\ndone\ndone\ndone\norder recon\ndone\n"
             "save %s/s2.json\nquit\n", dir);
    expect(run(input, "play --text %s", game), 0, "Saved to");
    got = hashes_of(run("done\n" MORE,
                        "play --text --load %s/s2.json --scenario " TESTLAND
                        " --hashes --no-autosave", dir));
    assert_string_equal(got, want);
    free(got);
    free(want);
}

/* Autosave after every turn into the data folder; --load NAME finds it. */
static void test_autosave(void **st) {
    (void)st;
    expect(run(NULL, "play --text --scenario " TESTLAND " " AI3 " --seed 8"), 0, "RESULT");
    expect(run(NULL, "replay %s/data/niact/autosave/testland.json --verify --scenario " TESTLAND,
               dir), 0, "verified");
    expect(run(NULL, "play --text --load testland --scenario " TESTLAND), 0, "RESULT");
    /* Quitting in the middle of a turn keeps the seats that have finished it. */
    expect(run("order recon\ndone\nquit\n", "play --text --scenario " TESTLAND " --seed 8"), 0,
           "unfinished");
    expect(run("quit\n", "play --text --load testland --scenario " TESTLAND), 0,
           "orders already given in the turn under way");
    expect(run("save mine\nquit\n", "play --text --scenario " TESTLAND " --seed 8"), 0,
           "/data/niact/saves/mine.json");
    expect(run("quit\n", "play --text --load mine --scenario " TESTLAND), 0, "Resumed");
    char input[512];
    snprintf(input, sizeof input, "save %s/named.json\nquit\n", dir);
    expect(run(input, "play --text --scenario " TESTLAND " --seed 8"), 0, "/named.json");
    expect(run("save .hidden\nquit\n", "play --text --scenario " TESTLAND), 0,
           "may not leave the data folder");
}

/* Usage and bad input around --load. */
static void test_load_errors(void **st) {
    (void)st;
    expect(run(NULL, "play --text --load %s/none.json", dir), 1, "cannot open");
    expect(run(NULL, "play --text --load nosuchsave"), 1, "no save of that name");
    expect(run(NULL, "play --text --load .x"), 1, "may not leave the data folder");
    expect(run(NULL, "play --text --load %s/r.json --seed 3", dir), 2, "from the save");
    expect(run(NULL, "play --text --load"), 2, NULL);
    expect(run(NULL, "play --text --load " CORPUS "/version_99.json --scenario " TESTLAND), 1,
           "newer niact");
    expect(run(NULL, "play --text --load " CORPUS "/scenario_path_traversal.json"), 1,
           "not a plain name");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_record_and_verify), cmocka_unit_test(test_corpus_through_replay),
        cmocka_unit_test(test_save_quit_load),    cmocka_unit_test(test_autosave),
        cmocka_unit_test(test_load_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
