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
#include <unistd.h>
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
    snprintf(cmd, sizeof cmd, "%s play --text --scenario november1962 --seed 7 --no-autosave%s < %s 2>&1",
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
    /* each seat's score beside the all-historical game of the same seed (issue 17) */
    const char *names[] = {"United States", "Soviet Union", "United Nations"};
    for (int r = 0; r < 3; r++) {
        const char *at = strstr(strstr(out, "Scores (0-100):"), names[r]);
        assert_non_null(at);
        assert_non_null(strstr(at, "(all-historical game of this seed: "));
        assert_true(strstr(at, "(all-historical game of this seed: ") < strchr(at, '\n'));
    }
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

/* The debrief of a November 1962 game: the record's turning points beside the game with
 * dates, orders in words, the relabelled historical column, dated curves; and the same
 * as an HTML page with SVG charts. */
static void test_debrief_turning_points(void **st) {
    (void)st;
    char rec[] = "/tmp/niact_debrief_XXXXXX";
    int fd = mkstemp(rec);
    assert_true(fd >= 0);
    close(fd);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s play --text --scenario november1962 --seed 7 --no-autosave "
             "--seat us=ai:historical --seat ussr=ai:historical --seat un=ai:historical "
             "--record %s > /dev/null 2>&1", NIACT_BIN, rec);
    assert_int_equal(system(cmd), 0);
    const char *fmt[] = {"", " --html"};
    for (int h = 0; h < 2; h++) {
        snprintf(cmd, sizeof cmd, "%s debrief %s%s 2>/dev/null", NIACT_BIN, rec, fmt[h]);
        FILE *p = popen(cmd, "r");
        assert_non_null(p);
        size_t cap = 1 << 21, n = 0, got;
        char *out = malloc(cap);
        assert_non_null(out);
        while ((got = fread(out + n, 1, cap - n - 1, p)) > 0)
            n += got;
        out[n] = 0;
        assert_int_equal(pclose(p), 0);
        const char *sep = h ? "</td><td>" : " | ";
        char want[512];
        snprintf(want, sizeof want, "The bombers agreed out with a timetable%s20 Nov:", sep);
        assert_non_null(strstr(out, want));
        snprintf(want, sizeof want, "19-21 Nov 1962, turn 7 (IL-28 settlement: agreed: out "
                 "within 30 days)%sWho gave what", sep);
        assert_non_null(strstr(out, want));
        assert_non_null(strstr(out, "1-3 Nov 1962, turn 1: Fly low-level reconnaissance "
                                    "(United States)"));
        snprintf(want, sizeof want, "A formal non-invasion pledge%snever:", sep);
        assert_non_null(strstr(out, want));
        assert_non_null(strstr(out, "not in this game"));
        assert_non_null(strstr(out, "the scripted historical AI would have ordered"));
        assert_null(strstr(out, "historical choice"));
        assert_non_null(strstr(out, "Set the quarantine: lift"));
        /* the scores beside the all-historical game of the same seed: this game is it */
        assert_non_null(strstr(out, "all-historical game"));
        snprintf(want, sizeof want, "United States%s", sep);
        const char *us = strstr(strstr(out, h ? "<h2>Scores</h2>" : "## Scores"), want);
        assert_non_null(us);
        int score = -1, base = -1, diff = -99;
        if (h)
            assert_int_equal(sscanf(us, "United States</td><td>%d</td><td>%d</td><td>%d", &score, &base,
                                    &diff), 3);
        else
            assert_int_equal(sscanf(us, "United States | %d | %d | %d", &score, &base, &diff), 3);
        assert_int_equal(score, base);
        assert_int_equal(diff, 0);
        assert_null(strstr(out, "Set the quarantine 0"));
        if (h) {
            assert_true(strncmp(out, "<!DOCTYPE html>", 15) == 0);
            assert_non_null(strstr(out, "<svg xmlns="));
            assert_non_null(strstr(out, ">6 Dec</text>"));
            assert_non_null(strstr(out, "<h2>What really happened</h2>"));
        } else {
            assert_non_null(strstr(out, "| Tension | "));
            assert_non_null(strstr(out, "high tension (1 Nov)"));
            assert_non_null(strstr(out, "calm (6 Dec)"));
        }
        free(out);
    }
    remove(rec);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_debrief_turning_points),
        cmocka_unit_test(test_play_us),
        cmocka_unit_test(test_play_ussr),
        cmocka_unit_test(test_play_un),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
