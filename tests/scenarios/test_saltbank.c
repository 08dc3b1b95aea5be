/* The Saltbank dispute (tests/scenarios/saltbank), a fictional two-seat scenario in
 * another sea and another year, with its own map (invented islands, from its own folder),
 * played through the real front ends: `niact check`
 * passes; a hot-seat game in the terminal shows the scenario's own calendar (two days a
 * turn from 1 May 1973), its own terms and who gives them, its own negotiation rules
 * (one proposal a seat a turn, trust from 30 and +15 for a word kept)
 * and ends in its own outcome (an accord) once both sides agree; a game played to the
 * last turn reaches 15 May 1973 with the scenario's dated gale on the 9th and ends in the
 * scenario's time-out (a stalemate); `niact sim` reports its outcomes and its AIs
 * sometimes agree. Nothing in C names it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "niact/map.h"
#include "niact/script.h"

#define SALT NIACT_TEST_DIR "/scenarios/saltbank/"

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

/* A hot-seat text game fed `input`; returns the output. */
static char *play(const char *input, int *status) {
    char dir[] = "/tmp/niact_salt_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char in[512], cmd[2048];
    snprintf(in, sizeof in, "%s/input", dir);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    fputs(input, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "HOME=%s XDG_DATA_HOME=%s %s play --text --scenario %s --seed 3 "
             "--no-autosave < %s 2>&1; rm -rf %s", dir, dir, NIACT_BIN, SALT, in, dir);
    return run(cmd, status);
}

/* The map is the scenario's: its own region in another sea, its own coast file and
 * places from its folder, its layers bound to its own tracks. */
static void test_own_map(void **st) {
    (void)st;
    niact_host *h = NULL;
    char msg[1024];
    assert_int_equal(niact_host_load(SALT, NIACT_SCRIPTS_DIR "/lib", NULL, &h, msg, sizeof msg),
                     NIACT_OK);
    const niact_scenario *sc = niact_host_scenario(h);
    const niact_map *m = sc->map;
    assert_non_null(m);
    assert_string_equal(m->name, "The Saltbank, May 1973");
    assert_true(m->west == -25.0 && m->east == -13.0 && m->south == 49.5 && m->north == 56.0);
    assert_string_equal(m->coast, "maps/saltbank.geojson");
    assert_true(m->n_polygons == 3 && m->n_rings == 3);
    int focus = 0;
    for (int i = 0; i < m->n_rings; i++) focus += m->rings[i].focus;
    assert_int_equal(focus, 2);                  /* Skerra's two islands */
    assert_int_equal(m->n_places, 4);
    assert_string_equal(m->places[0].id, "skerrahavn");
    assert_true(m->places[0].capital && m->places[0].shown);
    assert_int_equal(m->n_layers, 4);
    assert_int_equal(m->layers[0].track, niact_scenario_track(sc, "trawlers"));
    assert_int_equal(m->layers[2].track, niact_scenario_track(sc, "limit"));
    assert_int_equal(m->layers[2].at_least, 2);
    assert_true(m->layers[2].radius_km == 370.0);
    niact_host_free(h);
}

static void test_check(void **st) {
    (void)st;
    int rc;
    char *out = run(NIACT_BIN " check " SALT " 2>&1", &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "saltbank: ok (2 roles"));
    free(out);
}

static void test_negotiated_accord(void **st) {
    (void)st;
    int rc;
    char *out = play("terms\n"
                     "propose vandmark quota=10 limit_recognized\n"
                     "propose vandmark quota=12\n"
                     "order appeal\ndone\ny\n"
                     "accept 1\norder recall\norder trawl\ndone\n", &rc);
    if (!strstr(out, "=== RESULT: FISHERIES ACCORD"))
        print_error("%s\n", out + (strlen(out) > 3000 ? strlen(out) - 3000 : 0));
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "NIACT - The Saltbank dispute (scenario saltbank"));
    assert_non_null(strstr(out, "== Skerra - turn 1 of 8 - 1973-05-01"));
    assert_non_null(strstr(out, "== Vandmark - turn 1 of 8 - 1973-05-01"));
    /* the scenario's terms, and who gives them */
    assert_non_null(strstr(out, "Trawlers on the bank at most N [=trawlers 0-30, default 12]"));
    assert_non_null(strstr(out, "given by: vandmark"));
    assert_non_null(strstr(out, "given by: skerra"));
    assert_non_null(strstr(out, "Proposal #1 is agreed by every party"));
    /* the scenario's negotiation rules: one proposal a turn (its trust, 30 + 15 for a
     * word kept, is asserted by the rule case "the accord") */
    assert_non_null(strstr(out, "Skerra has made 1 proposal this turn, as many as the "
                                "scenario allows a seat in one turn (1); it may propose "
                                "again next turn."));
    /* the scenario's end, on the scenario's calendar */
    assert_non_null(strstr(out, "=== RESULT: FISHERIES ACCORD after 1 turn (1973-05-03) ==="));
    assert_non_null(strstr(out, "Skerra and Vandmark sign a fisheries accord"));
    free(out);
}

static void test_played_to_the_last_turn(void **st) {
    (void)st;
    char input[4096] = "";
    for (int t = 0; t < 8; t++)
        strcat(input, "order appeal\ndone\ny\norder appeal\ndone\ny\n");
    int rc;
    char *out = play(input, &rc);
    if (!strstr(out, "=== RESULT:"))
        print_error("%s\n", out + (strlen(out) > 3000 ? strlen(out) - 3000 : 0));
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "turn 5 of 8 - 1973-05-09"));
    assert_non_null(strstr(out, "turn 8 of 8 - 1973-05-15"));
    assert_non_null(strstr(out, "A gale on 1973-05-09 drives trawlers off the Saltbank."));
    assert_non_null(strstr(out, "=== RESULT: NO ACCORD after 8 turns"));
    assert_non_null(strstr(out, "The season ends with the trawlers still on the bank"));
    assert_null(strstr(out, "1962"));
    free(out);
}

static void test_sim(void **st) {
    (void)st;
    int rc;
    char *out = run(NIACT_BIN " sim --scenario " SALT " --games 60 --threads 1 2>&1", &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "60 games of The Saltbank dispute"));
    assert_non_null(strstr(out, "error 0.0%"));
    assert_null(strstr(out, "accord 0.0%"));
    assert_non_null(strstr(out, "cod_war "));
    assert_non_null(strstr(out, "stalemate "));
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_map),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_negotiated_accord),
        cmocka_unit_test(test_played_to_the_last_turn),
        cmocka_unit_test(test_sim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
