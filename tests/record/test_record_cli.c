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
#include <sys/stat.h>
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
    expect(run("order recon\ndone\norder stall\ndone\ndone\ndone\nsave s1\nquit\n",
               "play --text %s", game), 0, "Saved to");
    char *got = hashes_of(run("order recon\ndone\ndone\n" MORE,
                              "play --text --load %s/data/niact/saves/s1.json --scenario " TESTLAND
                              " --hashes --no-autosave", dir));
    assert_string_equal(got, want);
    free(got);
    /* In the middle of turn 3: us has given its orders, ussr saves and quits. */
    expect(run("order recon\ndone\norder stall\ndone\ndone\ndone\norder recon\ndone\n"
               "save s2\nquit\n", "play --text %s", game), 0,
           "Resume with: niact play --text --load s2\n"); /* the command that works below */
    got = hashes_of(run("done\n" MORE, "play --text --load s2 --scenario " TESTLAND
                                       " --hashes --no-autosave"));
    assert_string_equal(got, want);
    free(got);
    free(want);
}

/* The autosave files in the data folder, newest first, one name a line (fails if none
 * when want > 0); returns how many. */
static int autosaves(char *names, size_t len) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls -t %s/data/niact/autosave 2>/dev/null", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(names, 1, len - 1, p);
    names[n] = 0;
    pclose(p);
    int k = 0;
    for (char *c = names; *c; c++)
        k += *c == '\n';
    return k;
}

/* One autosave per game, named for it; --load NAME finds it and goes on in it. */
static void test_autosave(void **st) {
    (void)st;
    char names[4096], first[512], path[1024];
    snprintf(path, sizeof path, "rm -rf %s/data/niact/autosave", dir);
    assert_int_equal(system(path), 0); /* (the tests before made some) */
    expect(run(NULL, "play --text --scenario " TESTLAND " " AI3 " --seed 8"), 0, "RESULT");
    assert_int_equal(autosaves(names, sizeof names), 1);
    /* DATE-TIME_SCENARIO_SEATS_sSEED: a teacher can tell the games apart. */
    assert_non_null(strstr(names, "_testland_us-ai_ussr-ai_un-ai_s8.json"));
    assert_true(names[8] == '-' && names[15] == '_');
    snprintf(first, sizeof first, "%.*s", (int)(strchr(names, '\n') - names), names);
    expect(run(NULL, "replay %s/data/niact/autosave/%s --verify --scenario " TESTLAND, dir,
               first), 0, "verified");
    /* A second game does not replace the first one's autosave. */
    expect(run(NULL, "play --text --scenario " TESTLAND " " AI3 " --seed 8"), 0, "RESULT");
    assert_int_equal(autosaves(names, sizeof names), 2);
    assert_non_null(strstr(names, first));
    /* Quitting in the middle of a turn keeps the seats that have finished it. */
    expect(run("order recon\ndone\nquit\n", "play --text --scenario " TESTLAND " --seed 8"), 0,
           "unfinished");
    assert_int_equal(autosaves(names, sizeof names), 3);
    assert_non_null(strstr(names, "_testland_us-human_ussr-human_un-human_s8.json"));
    snprintf(first, sizeof first, "%.*s", (int)(strchr(names, '\n') - names - 5), names);
    out o = run("quit\n", "play --text --load %s --scenario " TESTLAND, first);
    expect(o, 0, "orders already given in the turn under way");
    /* A game the calendar ended (testland, random AIs, seed 7), kept in saves/. */
    expect(run(NULL, "play --text --scenario " TESTLAND " --seat us=ai --seat ussr=ai "
               "--seat un=ai --seed 7 --no-autosave --record %s/data/niact/saves/lt.json", dir),
           0, "LAST TURN");
    /* The load list: turn, seats and outcome of each. */
    o = run(NULL, "saves");
    /* The outcome by its name ("last turn"), not the record's id ("last_turn"). */
    if (!strstr(o.text, "running, turn 1") || !strstr(o.text, "finished after") ||
        strstr(o.text, "(last_turn)") || !strstr(o.text, "finished after 6 turns (last turn)") ||
        !strstr(o.text, "seats: us human, ussr human, un human") ||
        !strstr(o.text, "seats: us ai, ussr ai:historical, un ai") || !strstr(o.text, first))
        fail_msg("niact saves:\n%s", o.text);
    free(o.text);
    expect(run(NULL, "saves --help"), 0, "niact saves");
    expect(run(NULL, "saves extra"), 2, "unexpected 'extra'");
    /* Resumed from its autosave, the game goes on in that file: still three. */
    expect(run("done\n" MORE MORE, "play --text --load %s --scenario " TESTLAND, first), 0,
           "RESULT");
    assert_int_equal(autosaves(names, sizeof names), 3);
    snprintf(path, sizeof path, "%s/data/niact/autosave/%s.json", dir, first);
    expect(run(NULL, "replay %s --verify --scenario " TESTLAND, path), 0, "verified");
    expect(run(NULL, "play --text --load nosuchgame"), 1, "finished after");
    /* Saves by name. */
    expect(run("save mine\nquit\n", "play --text --scenario " TESTLAND " --seed 8"), 0,
           "/data/niact/saves/mine.json");
    expect(run("quit\n", "play --text --load mine --scenario " TESTLAND), 0, "Resumed");
    expect(run("save .hidden\nquit\n", "play --text --scenario " TESTLAND), 0,
           "may not leave the data folder");
}

/* A save name typed in play is a name in the saves folder: never a path, and a save
 * never replaces a file that is not a niact save. */
static void test_save_names(void **st) {
    (void)st;
    char decoy[512], input[1024], path[1024];
    snprintf(decoy, sizeof decoy, "%s/decoy", dir);
    ru_spit(decoy, "root:x:0:0\n", 11);
    /* Paths typed in play: refused, nothing written where they point. */
    snprintf(input, sizeof input, "save %s\nsave ../../etc\nsave ../decoy\nsave %s/new.json\n"
                                  "quit\n", decoy, dir);
    out o = run(input, "play --text --scenario " TESTLAND " --seed 2 --no-autosave");
    if (o.code != 0 || !strstr(o.text, "is a path") || strstr(o.text, "Saved to"))
        fail_msg("%s", o.text);
    free(o.text);
    size_t len;
    char *text = ru_slurp(decoy, &len);
    assert_int_equal(len, 11);
    assert_memory_equal(text, "root:x:0:0\n", 11);
    free(text);
    snprintf(path, sizeof path, "%s/new.json", dir);
    assert_int_not_equal(access(path, F_OK), 0);
    /* A name whose file in saves/ is not a save: refused, the file kept. */
    snprintf(path, sizeof path, "%s/data/niact/saves", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/data/niact/saves/notes.json", dir);
    ru_spit(path, "{\"my\": \"notes\"}\n", 16);
    expect(run("save notes\nquit\n", "play --text --scenario " TESTLAND " --seed 2"), 0,
           "is not a niact save");
    text = ru_slurp(path, &len);
    assert_int_equal(len, 16);
    free(text);
    /* ... and a symbolic link there is not followed or replaced. */
    snprintf(path, sizeof path, "%s/data/niact/saves/link.json", dir);
    assert_int_equal(symlink(decoy, path), 0);
    expect(run("save link\nquit\n", "play --text --scenario " TESTLAND " --seed 2"), 0,
           "symbolic link");
    text = ru_slurp(decoy, &len);
    assert_memory_equal(text, "root:x:0:0\n", 11);
    free(text);
    /* A save over a save is fine. */
    expect(run("save again\nsave again\nquit\n", "play --text --scenario " TESTLAND " --seed 2"),
           0, "saves/again.json");
}

/* The case: a telegram with a byte that is not UTF-8, then save. The bad line is
 * refused where it is typed, and every save, autosave and record after it is written. */
static void test_bad_text_then_save(void **st) {
    (void)st;
    char names[4096], path[1024];
    snprintf(path, sizeof path, "rm -rf %s/data/niact/autosave", dir);
    assert_int_equal(system(path), 0);
    out o = run("telegram ussr caf\xe9\nsave\ntelegram ussr caf\xc3\xa9\nsave\nquit\n",
                "play --text --scenario " TESTLAND " --seed 3 --seat ussr=ai:historical "
                "--seat un=ai:historical --record %s/r-utf8.json", dir);
    if (o.code != 0 || !strstr(o.text, "not valid UTF-8") || strstr(o.text, "NOT SAVED") ||
        strstr(o.text, "FAILED") || strstr(o.text, "NOT RECORDED") ||
        strstr(o.text, "out of memory") || !strstr(o.text, "Saved to"))
        fail_msg("exit %d:\n%s", o.code, o.text);
    free(o.text);
    expect(run(NULL, "replay %s/r-utf8.json --verify --scenario " TESTLAND, dir), 0, "verified");
    assert_int_equal(autosaves(names, sizeof names), 1);
    *strchr(names, '\n') = 0;
    expect(run(NULL, "replay %s/data/niact/autosave/%s --verify --scenario " TESTLAND, dir,
               names), 0, "verified");
}

/* A --record file that cannot be written is refused before the game starts (exit 1). */
static void test_bad_record_path(void **st) {
    (void)st;
    char decoy[512];
    snprintf(decoy, sizeof decoy, "%s/decoy2", dir);
    ru_spit(decoy, "precious", 8);
    const char *g = "play --text --scenario " TESTLAND " " AI3 " --seed 5 --no-autosave";
    expect(run(NULL, "%s --record %s", g, dir), 1, "is a folder");
    expect(run(NULL, "%s --record %s/no/such/r.json", g, dir), 1, "cannot write in the folder");
    expect(run(NULL, "%s --record %s/x.json", g, decoy), 1, "Not a directory");
    expect(run(NULL, "%s --record %s", g, decoy), 1, "not a niact save");
    out o = run(NULL, "%s --record %s/", g, dir);
    if (o.code != 1 || strstr(o.text, "RESULT"))
        fail_msg("exit %d:\n%s", o.code, o.text);
    free(o.text);
    size_t len;
    char *text = ru_slurp(decoy, &len);
    assert_int_equal(len, 8);
    free(text);
    /* The window's play (no --text) refuses it too, before any window opens. */
    o = run(NULL, "play --record %s --scenario " TESTLAND, dir);
    if (!(o.code == 1 && strstr(o.text, "is a folder")) &&
        !(o.code == 2 && strstr(o.text, "no window")))
        fail_msg("exit %d:\n%s", o.code, o.text);
    free(o.text);
    /* A good one, over an empty file (mktemp) and then over its own record. */
    char path[512];
    snprintf(path, sizeof path, "%s/fresh.json", dir);
    ru_spit(path, "", 0);
    expect(run(NULL, "%s --record %s", g, path), 0, "RESULT");
    expect(run(NULL, "%s --record %s", g, path), 0, "RESULT");
    expect(run(NULL, "replay %s --verify --scenario " TESTLAND, path), 0, "verified");
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
        cmocka_unit_test(test_save_names),        cmocka_unit_test(test_bad_record_path),
        cmocka_unit_test(test_bad_text_then_save),
        cmocka_unit_test(test_load_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
