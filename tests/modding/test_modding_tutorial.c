/* The tutorial in docs/modding.md is run, so a modder who copies it has a playable
 * scenario. Every fenced block whose info string is `lua tutorial:FILE` (or `json
 * tutorial:FILE`, a map file) is written to FILE
 * (blocks naming the same file are appended in order) in a fresh folder `strait`; then
 * `niact check` must pass and print exactly the line the tutorial's `text tutorial:check`
 * block shows, `niact sim` must play it without an error, and `niact rules` must list
 * what the tutorial declared. A tutorial with no blocks, or one whose block is never
 * closed, fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#define DOC NIACT_TEST_DIR "/../docs/modding.md"

static char dir[64], scen[128];

static char *run(const char *cmd, int *status) {
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 20, n = 0, got;
    char *out = malloc(cap);
    assert_non_null(out);
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0)
        n += got;
    out[n] = 0;
    int rc = pclose(p);
    *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

/* Extracts the tutorial into scen; returns the number of Lua blocks, and the expected
 * check line in `check` (empty if the tutorial shows none). */
static int extract(char *check, size_t cap) {
    FILE *doc = fopen(DOC, "r");
    assert_non_null(doc);
    char line[4096];
    FILE *out = NULL;
    int blocks = 0, in_check = 0, ln = 0, open_at = 0;
    check[0] = 0;
    while (fgets(line, sizeof line, doc)) {
        ln++;
        if (out || in_check) {
            if (!strncmp(line, "```", 3)) {
                if (out) fclose(out);
                out = NULL;
                in_check = 0;
                continue;
            }
            if (out) {
                fputs(line, out);
            } else if (!check[0]) {
                snprintf(check, cap, "%s", line);
            }
            continue;
        }
        int lua = !strncmp(line, "```lua tutorial:", 16);
        if (lua || !strncmp(line, "```json tutorial:", 17)) {
            char name[256];
            snprintf(name, sizeof name, "%s", line + (lua ? 16 : 17));
            name[strcspn(name, " \r\n")] = 0;
            /* a plain file name in the folder: no path, no hidden file */
            assert_true(name[0] && name[0] != '.' && !strchr(name, '/'));
            char path[512];
            snprintf(path, sizeof path, "%s/%s", scen, name);
            out = fopen(path, "a");
            assert_non_null(out);
            assert_int_equal(fchmod(fileno(out), 0644), 0);
            blocks += lua;
            open_at = ln;
        } else if (!strncmp(line, "```text tutorial:check", 22)) {
            in_check = 1;
            open_at = ln;
        }
    }
    fclose(doc);
    if (out || in_check) fail_msg("docs/modding.md:%d: a tutorial block is never closed", open_at);
    return blocks;
}

static void test_tutorial_runs(void **st) {
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/niact_tutorial_XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(scen, sizeof scen, "%s/strait", dir);
    assert_int_equal(mkdir(scen, 0755), 0);
    assert_int_equal(chmod(scen, 0755), 0);

    char want[4096];
    int blocks = extract(want, sizeof want);
    assert_true(blocks >= 8);                    /* scenario.lua and seven files */
    assert_true(want[0]);

    char cmd[1024];
    int rc;
    snprintf(cmd, sizeof cmd, "%s check %s/ 2>&1", NIACT_BIN, scen);
    char *out = run(cmd, &rc);
    const char *got = strstr(out, "strait: ");
    if (rc != 0 || !got || strncmp(got, want, strlen(want)) != 0)
        print_error("the tutorial (docs/modding.md) shows that `niact check .` prints\n  %s"
                    "but it printed (exit %d):\n%s\n", want, rc, out);
    assert_int_equal(rc, 0);
    assert_non_null(got);
    assert_int_equal(strncmp(got, want, strlen(want)), 0);
    free(out);

    snprintf(cmd, sizeof cmd, "%s sim --scenario %s/ --games 40 --threads 1 2>&1", NIACT_BIN, scen);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "40 games of The Lighthouse Strait"));
    assert_non_null(strstr(out, "error 0.0%"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s sim --scenario %s/ --games 20 --threads 1 --ai cautious 2>&1",
             NIACT_BIN, scen);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "error 0.0%"));
    free(out);

    snprintf(cmd, sizeof cmd, "%s rules --scenario %s/ 2>&1", NIACT_BIN, scen);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "Send destroyers through"));
    assert_non_null(strstr(out, "A treaty sharing the lighthouse"));
    free(out);

    /* the tutorial's own ends, by their ids */
    snprintf(cmd, sizeof cmd, "%s sim --scenario %s/ --games 40 --threads 1 2>&1", NIACT_BIN, scen);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "standoff "));
    free(out);

}

/* The folder goes whatever the test's result. */
static int cleanup(void **st) {
    (void)st;
    if (!dir[0]) return 0;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_tutorial_runs, cleanup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
