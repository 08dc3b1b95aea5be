/* niact sim: the same seed gives the same output whatever the thread count, with
 * scripted and search AIs; bad seats are usage errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/wait.h>

#include "support.h"

#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"

/* Runs `niact sim ARGS`, returns its stdout (caller frees) and exit code. */
static char *run(const char *args, int *code) {
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s sim %s 2>/dev/null", NIACT_BIN, args);
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
    *code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return buf;
}

static void same_for_threads(const char *args) {
    char a1[2048], a3[2048];
    snprintf(a1, sizeof a1, "%s --threads 1", args);
    snprintf(a3, sizeof a3, "%s --threads 3", args);
    int c1, c3;
    char *o1 = run(a1, &c1), *o3 = run(a3, &c3);
    assert_int_equal(c1, 0);
    assert_int_equal(c3, 0);
    assert_string_equal(o1, o3);
    free(o1);
    free(o3);
}

static void test_threads_same_result(void **st) {
    (void)st;
    same_for_threads("--scenario " TESTLAND " --games 500 --seed 9 --json");
    same_for_threads("--scenario " TESTLAND " --games 500 --seed 9 --ai historical");
    same_for_threads("--scenario " TESTLAND " --games 12 --seed 4 --ai hawk --seat us=mcts-easy "
                     "--seat un=ai:random --json");
}

static void test_table(void **st) {
    (void)st;
    int code;
    char *o = run("--scenario " TESTLAND " --games 50 --seat ussr=hawk", &code);
    assert_int_equal(code, 0);
    assert_non_null(strstr(o, "war rate"));
    assert_non_null(strstr(o, "game length"));
    assert_non_null(strstr(o, "hawk"));
    free(o);
    free(run("--scenario " TESTLAND " --games 5 --seat nobody=hawk", &code));
    assert_int_equal(code, 2);
    free(run("--scenario " TESTLAND " --games 5 --threads 99999", &code));
    assert_int_equal(code, 2);
    free(run("--scenario " TESTLAND " --games 5 --ai nosuch", &code));
    assert_int_equal(code, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_same_result),
        cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
