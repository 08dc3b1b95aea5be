/* A person can play November 1962 in the terminal from the first turn to the result as
 * any seat: each seat in turn is human (orders typed on stdin: reconnaissance, a demand,
 * 'done'), the others AI, and the game must reach its result screen with scores. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Runs a text game with `human` as the human seat fed `input` (repeated for 12 turns);
 * returns the output (caller frees). */
static char *play(const char *human, const char *input) {
    char script[] = "/tmp/niact_play_XXXXXX";
    int fd = mkstemp(script);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    for (int t = 0; t < 12; t++)
        fputs(input, f);
    fclose(f);
    const char *roles[] = {"us", "ussr", "un"};
    char seats[256] = "";
    for (int r = 0; r < 3; r++)
        if (strcmp(roles[r], human) != 0)
            snprintf(seats + strlen(seats), sizeof seats - strlen(seats),
                     " --seat %s=ai:historical", roles[r]);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s play --text --scenario november1962 --seed 7%s < %s 2>&1",
             NIACT_BIN, seats, script);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 20, n = 0, got;
    char *out = malloc(cap);
    assert_non_null(out);
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0)
        n += got;
    out[n] = 0;
    pclose(p);
    remove(script);
    return out;
}

static void check_result(const char *out, const char *seat_name) {
    if (!strstr(out, "=== RESULT:"))
        print_error("no result screen in:\n%s\n", out + (strlen(out) > 3000 ? strlen(out) - 3000 : 0));
    assert_non_null(strstr(out, "=== RESULT:"));
    assert_non_null(strstr(out, "Scores (0-100):"));
    assert_non_null(strstr(out, seat_name));
    assert_null(strstr(out, "ERROR"));
}

static void test_play_us(void **st) {
    (void)st;
    char *out = play("us", "order recon_high\norder demand_il28\norder restrain_exiles\ndone\n");
    check_result(out, "Briefing: the United States");
    assert_non_null(strstr(out, "U-2 photographs"));
    free(out);
}

static void test_play_ussr(void **st) {
    (void)st;
    char *out = play("ussr", "order dismantle\norder ship_inspected\norder bargain_castro\ndone\n");
    check_result(out, "Briefing: the Soviet Union");
    assert_non_null(strstr(out, "Soviet freighters leave"));
    free(out);
}

static void test_play_un(void **st) {
    (void)st;
    char *out = play("un", "order mediate\norder gather_reports\ndone\n");
    check_result(out, "Briefing: the United Nations");
    assert_non_null(strstr(out, "Secretary-General circulates"));
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_play_us),
        cmocka_unit_test(test_play_ussr),
        cmocka_unit_test(test_play_un),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
