/* October 1962, the second bundled scenario, end to end:
 * - sources: every source key the scenario cites (`niact rules --json`) is listed in its
 *   sources.md, so no claim goes unreferenced;
 * - the historical personality follows the record over many seeds: the speech on 22
 *   October (turn 7), the ships turned back on the 23rd, the quarantine in force on the
 *   24th, no strike and no invasion, the letters of 26 and 27 October, the Jupiters
 *   promised in secret, and Khrushchev's acceptance on the 28th (turn 13);
 * - a person plays the Cuban seat in the terminal to the result, with a record that
 *   `niact replay --verify` recomputes and `niact debrief` sets beside the record;
 * - it declares its own map, layers bound to its own tracks;
 * - `niact check` passes and `niact sim` plays every personality without an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <jansson.h>

#include "niact/map.h"
#include "niact/negotiation.h"
#include "niact/rules.h"
#include "niact/session.h"

#define SCEN NIACT_SCRIPTS_DIR "/scenarios/october1962"
#define SEEDS 30

static niact_host *host;

static char *slurp_stream(FILE *f) {
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 >= cap) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    buf[n] = 0;
    return buf;
}

/* Runs a shell command; returns its stdout and stores its exit status. */
static char *run(const char *cmd, int *status) {
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = slurp_stream(p);
    int rc = pclose(p);
    *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

/* ---- sources ---- */

static void collect(json_t *o, json_t *keys) {
    if (json_is_object(o)) {
        const char *k;
        json_t *v;
        json_object_foreach(o, k, v) {
            if (!strcmp(k, "source") && json_is_string(v)) {
                /* "A; B (note; note)" -> "A", "B": the notes in brackets are dropped */
                char buf[2048], flat[2048];
                snprintf(buf, sizeof buf, "%s", json_string_value(v));
                size_t n = 0;
                int depth = 0;
                for (const char *c = buf; *c && n + 1 < sizeof flat; c++) {
                    if (*c == '(') depth++;
                    else if (*c == ')') depth--;
                    else if (depth == 0) flat[n++] = *c;
                }
                flat[n] = 0;
                for (char *tok = strtok(flat, ";"); tok; tok = strtok(NULL, ";")) {
                    while (*tok == ' ') tok++;
                    size_t len = strlen(tok);
                    while (len && tok[len - 1] == ' ') tok[--len] = 0;
                    if (len) json_array_append_new(keys, json_string(tok));
                }
            } else {
                collect(v, keys);
            }
        }
    } else if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v) collect(v, keys);
    }
}

static void test_every_source_listed(void **st) {
    (void)st;
    int rc;
    char *json = run(NIACT_BIN " rules --scenario october1962 --json 2>/dev/null", &rc);
    assert_int_equal(rc, 0);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    free(json);
    assert_non_null(root);
    json_t *keys = json_array();
    collect(root, keys);
    assert_true(json_array_size(keys) > 100);
    FILE *f = fopen(SCEN "/sources.md", "r");
    assert_non_null(f);
    char *md = slurp_stream(f);
    fclose(f);
    size_t i;
    json_t *k;
    int missing = 0;
    json_array_foreach(keys, i, k) {
        char want[512];
        snprintf(want, sizeof want, "| `%s` |", json_string_value(k));
        if (!strstr(md, want)) {
            print_error("sources.md does not list the key '%s'\n", json_string_value(k));
            missing++;
        }
    }
    assert_int_equal(missing, 0);
    free(md);
    json_decref(keys);
    json_decref(root);
}

/* ---- the historical course ---- */

static int load(void **st) {
    (void)st;
    char msg[512];
    return niact_host_load(SCEN, NIACT_SCRIPTS_DIR "/lib", NULL, &host, msg, sizeof msg) ==
                   NIACT_OK ? 0 : -1;
}

static int unload(void **st) {
    (void)st;
    niact_host_free(host);
    return 0;
}

static int ordered(niact_session *s, const char *role, const char *action, int t) {
    const niact_scenario *sc = niact_host_scenario(host);
    int r = niact_scenario_role(sc, role), a = niact_scenario_action(sc, action);
    assert_true(r >= 0 && a >= 0);
    const niact_turn_input *in = niact_session_input(s, t - 1);
    for (int k = 0; k < in->n[r]; k++)
        if (in->orders[r][k].action == a) return 1;
    return 0;
}

/* The first turn in which `role` ordered `action`, or 0. */
static int first_order(niact_session *s, const char *role, const char *action, int turns) {
    for (int t = 1; t <= turns; t++)
        if (ordered(s, role, action, t)) return t;
    return 0;
}

static int32_t truth(niact_game *g, const char *id) {
    int32_t v = -1;
    assert_int_equal(niact_game_truth(g, niact_scenario_track(niact_host_scenario(host), id), &v),
                     NIACT_OK);
    return v;
}

static void test_historical_course(void **st) {
    (void)st;
    const niact_scenario *sc = niact_host_scenario(host);
    assert_int_equal(sc->n_roles, 4);
    assert_int_equal(sc->turns, 13);
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        niact_seat seats[NIACT_MAX_ROLES];
        memset(seats, 0, sizeof seats);
        for (int r = 0; r < sc->n_roles; r++) {
            seats[r].kind = NIACT_SEAT_AI;
            snprintf(seats[r].personality, sizeof seats[r].personality, "historical");
        }
        niact_session *s = NULL;
        char msg[512];
        assert_int_equal(niact_session_new(host, seed * 7919, seats, &s, msg, sizeof msg),
                         NIACT_OK);
        niact_game *g = niact_session_game(s);
        niact_game_set_quiet(g, 1);
        while (niact_game_phase(g) != NIACT_PHASE_ENDED)
            assert_int_equal(niact_session_resolve(s), NIACT_OK);
        int n = niact_game_turn(g);
        /* six secret days, then the address on 22 October */
        assert_int_equal(first_order(s, "us", "announce_quarantine", n), 7);
        assert_int_equal(first_order(s, "cuba", "mobilize", n), 7);
        assert_int_equal(first_order(s, "un", "convene_council", n), 8);
        /* the ships ordered home on the 23rd; U Thant's appeal on the 24th */
        assert_int_equal(first_order(s, "ussr", "hold_ships", n), 8);
        assert_int_equal(first_order(s, "un", "appeal_standstill", n), 9);
        /* the Marucla on the 26th; the letters of the 26th and 27th */
        assert_int_equal(first_order(s, "us", "board_ship", n), 11);
        assert_int_equal(first_order(s, "ussr", "offer_deal", n), 11);
        assert_true(ordered(s, "ussr", "offer_deal", 12));
        assert_int_equal(first_order(s, "us", "answer_letter", n), 12);
        assert_int_equal(first_order(s, "us", "jupiters_out", n), 12);
        /* nobody struck, invaded or retaliated */
        assert_int_equal(first_order(s, "us", "air_strike", n), 0);
        assert_int_equal(first_order(s, "us", "invade", n), 0);
        assert_int_equal(first_order(s, "us", "retaliate", n), 0);
        /* Radio Moscow on the 28th: the settlement on the last turn, with the record's
         * terms: a conditional pledge, the Jupiters in secret, Havana not consulted */
        assert_int_equal(n, 13);
        assert_int_equal(niact_game_outcome(g), NIACT_OUTCOME_SETTLEMENT);
        assert_int_equal(truth(g, "settled_turn"), 13);
        assert_int_equal(truth(g, "pledge"), 1);
        assert_int_equal(truth(g, "jupiters"), 1);
        assert_int_equal(truth(g, "offer"), 2);
        assert_int_equal(truth(g, "quarantine"), 2);
        assert_int_equal(truth(g, "irbm_ships"), 0);
        assert_int_equal(truth(g, "public"), 1);
        assert_int_equal(truth(g, "public_turn"), 7);
        assert_int_equal(truth(g, "consulted"), 0);
        assert_int_equal(truth(g, "struck"), 0);
        assert_int_equal(truth(g, "invaded"), 0);
        assert_int_equal(truth(g, "tactical"), 98);
        assert_int_equal(truth(g, "us_alert"), 2);
        assert_non_null(strstr(niact_game_outcome_text(g), "in secret, the Jupiters"));
        /* the bargain as the record struck it: Moscow's private terms of the 26th,
         * accepted by Washington on the 27th (no invasion, kept by Kennedy's letter) and
         * kept by Moscow on the 28th; nothing traded in public, the UN's appeals declined */
        /* (settled_turn counts from 0: 11 is turn 12, 27 October) */
        int us_kept = 0, ussr_kept = 0, jup_public = niact_scenario_term(sc, "jupiters_public");
        for (int r = 0; r < sc->n_roles; r++) {
            const niact_commitment *c;
            for (int i = 0; (c = niact_game_commitment(g, r, i)) != NULL; i++) {
                assert_int_not_equal(c->item.term, jup_public);
                if (c->item.term == niact_scenario_term(sc, "no_invasion") &&
                    c->status == NIACT_COMMIT_KEPT && c->settled_turn == 11)
                    us_kept = 1;
                if (c->item.term == niact_scenario_term(sc, "missiles_out") &&
                    c->status == NIACT_COMMIT_KEPT && c->settled_turn == 12)
                    ussr_kept = 1;
            }
        }
        assert_true(us_kept && ussr_kept);
        niact_session_free(s);
    }
}

/* Its own map declaration: the Caribbean of the bundled assets, its own layers bound by
 * id to its own tracks (none of which November 1962 has). */
static void test_own_map(void **st) {
    (void)st;
    const niact_scenario *sc = niact_host_scenario(host);
    const niact_map *m = sc->map;
    assert_non_null(m);
    assert_string_equal(m->name, "The Caribbean, October 1962");
    assert_string_equal(m->coast, "assets/maps/caribbean.geojson");
    const char *tracks[] = {"sites_ready", "quarantine", "irbm_ships", "build_up",
                            "mobilization", "fired_on"};
    assert_int_equal(m->n_layers, 6);
    for (int i = 0; i < 6; i++)
        assert_int_equal(m->layers[i].track, niact_scenario_track(sc, tracks[i]));
    assert_int_equal(m->n_routes, 2);
    assert_string_equal(m->routes[0].id, "quarantine_arc");
}

/* ---- the front ends ---- */

/* A person plays Cuba in the terminal for 13 turns (the others are historical), with a
 * record; the record replays hash for hash and debriefs beside the record. */
static void test_text_play_replay_debrief(void **st) {
    (void)st;
    char dir[] = "/tmp/niact_oct_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char in[512], rec[512], cmd[2048];
    snprintf(in, sizeof in, "%s/input", dir);
    snprintf(rec, sizeof rec, "%s/game.rec", dir);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    fputs("order mobilize 1\ndone\n", f);             /* 16 Oct: an alert, in secret */
    for (int t = 2; t <= 13; t++)
        fputs("order speak_out\norder five_points\ndone\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "HOME=%s XDG_DATA_HOME=%s %s play --text --scenario october1962 "
             "--seed 5 --no-autosave --seat us=ai:historical --seat ussr=ai:historical "
             "--seat un=ai:historical --seat cuba=human --record %s < %s 2>&1", dir, dir, NIACT_BIN, rec, in);
    int rc;
    char *out = run(cmd, &rc);
    if (rc != 0 || !strstr(out, "=== RESULT: THE MISSILES GO"))
        print_error("%s\n", out + (strlen(out) > 3000 ? strlen(out) - 3000 : 0));
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "Briefing: Cuba"));
    assert_non_null(strstr(out, "Cuban forces are put on alert."));
    assert_non_null(strstr(out, "Fidel Castro states Cuba's five conditions"));
    assert_non_null(strstr(out, "=== RESULT: THE MISSILES GO after 13 turns"));
    assert_null(strstr(out, "Scenario error"));
    free(out);

    snprintf(cmd, sizeof cmd, "%s replay %s --verify 2>&1", NIACT_BIN, rec);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "verified: 13 turn(s), every state hash matches"));
    free(out);

    snprintf(cmd, sizeof cmd, "%s debrief %s 2>/dev/null", NIACT_BIN, rec);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "# Debrief: October 1962: the thirteen days"));
    assert_non_null(strstr(out, "| The crisis made public | 22 Oct:"));
    assert_non_null(strstr(out, "22 Oct 1962, turn 7 (The crisis: public)"));
    assert_non_null(strstr(out, "24 Oct 1962, turn 9 (Quarantine: in force)"));
    assert_non_null(strstr(out, "28 Oct 1962, turn 13 (The missile sites: ordered dismantled)"));
    free(out);

    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* Moscow, Havana and the UN answer Washington, not the calendar: a US player who speaks
 * on 18 October (turn 3) sees the ships turn back and Cuba's combat alarm the next day,
 * U Thant's appeal the day after. Cuba is left out of --seat: its scripted actor (the
 * historical personality, `actor` in its role) plays it. */
static void test_historical_answers_an_early_speech(void **st) {
    (void)st;
    char dir[] = "/tmp/niact_oct_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char in[512], cmd[2048];
    snprintf(in, sizeof in, "%s/input", dir);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    fputs("done\ny\ndone\ny\norder announce_quarantine\ndone\ny\n", f);
    for (int t = 4; t <= 13; t++)
        fputs("order recon_high\ndone\ny\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "HOME=%s XDG_DATA_HOME=%s %s play --text --scenario october1962 "
             "--seed 2 --no-autosave --seat ussr=ai:historical --seat un=ai:historical "
             "< %s 2>&1; rm -rf %s", dir, dir, NIACT_BIN, in, dir);
    int rc;
    char *out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "1962-10-18 NEWS      President Kennedy tells the nation"));
    assert_non_null(strstr(out, "1962-10-19 NEWS      Soviet ships bound for Cuba turn back"));
    assert_non_null(strstr(out, "1962-10-19 NEWS      Cuba sounds the combat alarm"));
    assert_non_null(strstr(out, "1962-10-20 NEWS      U Thant appeals to Kennedy and Khrushchev"));
    assert_null(strstr(out, "The newspapers report Soviet missile sites"));
    free(out);
}

static void test_check_and_sim(void **st) {
    (void)st;
    int rc;
    char *out = run(NIACT_BIN " check october1962 2>&1", &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "october1962: ok (4 roles"));
    free(out);
    const char *ais[] = {"random", "historical", "hawk", "dove"};
    for (size_t i = 0; i < sizeof ais / sizeof *ais; i++) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "%s sim --scenario october1962 --games 20 --threads 1 "
                 "--ai %s 2>&1", NIACT_BIN, ais[i]);
        out = run(cmd, &rc);
        assert_int_equal(rc, 0);
        assert_non_null(strstr(out, "20 games of October 1962: the thirteen days"));
        assert_non_null(strstr(out, "error 0.0%"));
        /* the scenario's own ends are counted by their ids */
        assert_non_null(strstr(out, "standoff "));
        assert_non_null(strstr(out, "trade "));
        free(out);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_source_listed),
        cmocka_unit_test(test_historical_course),
        cmocka_unit_test(test_own_map),
        cmocka_unit_test(test_text_play_replay_debrief),
        cmocka_unit_test(test_historical_answers_an_early_speech),
        cmocka_unit_test(test_check_and_sim),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
