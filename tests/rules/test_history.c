/* The scripted historical personality against the record (history.md; issue 14): over many
 * seeds of an all-historical game, the US asks for the bombers first (2 Nov) and Moscow
 * answers "obsolete" after (5-6 Nov); U-2 coverage never stops, low-level flights pause
 * 16-21 Nov; no US promise to suspend flights is ever made (Kennedy refused on 15 Nov);
 * the settlement comes on 19-21 Nov and its epilogue is played to 6 Dec, with the
 * bombers and the tactical warheads gone by then, so the end screen and the debrief agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "niact/negotiation.h"
#include "niact/rules.h"
#include "niact/session.h"

#define SEEDS 40

static niact_host *host;

static int load(void **st) {
    (void)st;
    char dir[4096], lib[4096], msg[512];
    if (niact_find_scenario("november1962", dir, sizeof dir, lib, sizeof lib) != 0)
        return -1;
    return niact_host_load(dir, lib[0] ? lib : NULL, NULL, &host, msg, sizeof msg) == NIACT_OK
               ? 0 : -1;
}

static int unload(void **st) {
    (void)st;
    niact_host_free(host);
    return 0;
}

/* Whether `role` ordered `action` in turn t (1-based). */
static int ordered(niact_session *s, int role, const char *action, int t) {
    const niact_scenario *sc = niact_host_scenario(host);
    int a = niact_scenario_action(sc, action);
    assert_true(a >= 0);
    const niact_turn_input *in = niact_session_input(s, t - 1);
    for (int k = 0; k < in->n[role]; k++)
        if (in->orders[role][k].action == a)
            return 1;
    return 0;
}

static int32_t truth(niact_game *g, const char *id) {
    int32_t v = -1;
    assert_int_equal(niact_game_truth(g, niact_scenario_track(niact_host_scenario(host), id), &v),
                     NIACT_OK);
    return v;
}

static niact_session *historical_game(uint64_t seed) {
    const niact_scenario *sc = niact_host_scenario(host);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "historical");
    }
    niact_session *s = NULL;
    char msg[512];
    assert_int_equal(niact_session_new(host, seed, seats, &s, msg, sizeof msg), NIACT_OK);
    niact_game *g = niact_session_game(s);
    niact_game_set_quiet(g, 1);
    while (niact_game_phase(g) != NIACT_PHASE_ENDED)
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
    return s;
}

static void test_historical_course(void **st) {
    (void)st;
    const niact_scenario *sc = niact_host_scenario(host);
    int us = niact_scenario_role(sc, "us"), ussr = niact_scenario_role(sc, "ussr");
    int flights = niact_scenario_term(sc, "suspend_low_flights");
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        niact_session *s = historical_game(seed * 7919);
        niact_game *g = niact_session_game(s);
        /* the bombers: Washington asks first (turn 1), Moscow says "obsolete" in turn 2 */
        assert_true(ordered(s, us, "demand_il28", 1));
        assert_false(ordered(s, ussr, "contest_il28", 1));
        assert_true(ordered(s, ussr, "contest_il28", 2));
        /* U-2 coverage every turn, also 19-21 Nov and in the epilogue */
        for (int t = 1; t <= niact_game_turn(g); t++)
            assert_true(ordered(s, us, "recon_high", t));
        /* low-level flights in turns 1-5, paused 16-21 Nov */
        assert_true(ordered(s, us, "recon_low", 1));
        assert_false(ordered(s, us, "recon_low", 6));
        assert_false(ordered(s, us, "recon_low", 7));
        /* Kennedy refused to end the overflights: no such US commitment, ever */
        for (int r = 0; r < sc->n_roles; r++) {
            const niact_commitment *c;
            for (int i = 0; (c = niact_game_commitment(g, r, i)) != NULL; i++)
                assert_int_not_equal(c->item.term, flights);
        }
        /* settled in turn 7, the epilogue played to the last turn */
        assert_int_equal(niact_game_outcome(g), NIACT_OUTCOME_SETTLEMENT);
        assert_int_equal(niact_game_turn(g), sc->turns);
        assert_int_equal(truth(g, "settled_turn"), 7);
        /* what the end screen shows agrees with the record: bombers and warheads gone,
         * 42 missiles counted, the assurance still conditional, no aircraft fired on */
        assert_int_equal(truth(g, "il28"), 0);
        assert_int_equal(truth(g, "tactical"), 0);
        assert_int_equal(truth(g, "missiles_counted"), 42);
        assert_int_equal(truth(g, "pledge"), 1);
        assert_int_equal(truth(g, "shootdowns"), 0);
        assert_true(truth(g, "icrc") < 3);
        niact_session_free(s);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_historical_course),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
