/* niact_session_baseline (include/niact/session.h): the end's yardstick is the
 * all-historical game of the same seed. Its scores equal those of an all-historical game
 * actually played from that seed (a session played out, and `niact sim` itself); asking
 * for it in the middle of a game changes nothing in that game; it is played once; a
 * scenario without a historical personality gets a clear refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "niact/hash.h"
#include "support.h"

#define NOV NIACT_SCRIPTS_DIR "/scenarios/november1962"
#define PROBE NIACT_TEST_DIR "/scenarios/session_probe"

static niact_session *open_all(const char *dir, uint64_t seed, const char *ai) {
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", ai);
    }
    niact_session *s = NULL;
    char msg[4096];
    if (niact_session_open(dir, seed, seats, &s, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    return s;
}

/* The baseline of a dove game equals the scores of an all-historical game played from
 * the same seed; asked twice, the same. */
static void test_equals_all_historical_game(void **state) {
    (void)state;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        niact_session *s = open_all(NOV, seed * 7919, "dove");
        assert_int_equal(niact_session_play_out(s), NIACT_OK);
        int32_t base[NIACT_MAX_ROLES], again[NIACT_MAX_ROLES];
        assert_int_equal(niact_session_baseline(s, base, NIACT_MAX_ROLES), NIACT_OK);
        niact_session *h = open_all(NOV, seed * 7919, "historical");
        assert_int_equal(niact_session_play_out(h), NIACT_OK);
        int differs = 0;
        for (int r = 0; r < niact_session_scenario(s)->n_roles; r++) {
            int32_t want, dove;
            niact_game_score(niact_session_view(h), r, r, &want);
            niact_game_score(niact_session_view(s), r, r, &dove);
            assert_int_equal(base[r], want);
            differs |= dove != want;
        }
        assert_true(differs); /* the dove game is another game: the baseline is not it */
        assert_int_equal(niact_session_baseline(s, again, NIACT_MAX_ROLES), NIACT_OK);
        assert_memory_equal(base, again, sizeof(int32_t) * 3);
        niact_session_free(h);
        niact_session_free(s);
    }
}

/* The same scores as `niact sim --games 1 --seed B --ai historical` (whose one game has
 * the seed niact_mix_seq(B, 0)). */
static void test_equals_sim(void **state) {
    (void)state;
    const uint64_t base_seed = 4242;
    niact_session *s = open_all(NOV, niact_mix_seq(base_seed, 0), "hawk");
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    int32_t base[NIACT_MAX_ROLES];
    assert_int_equal(niact_session_baseline(s, base, NIACT_MAX_ROLES), NIACT_OK);
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "'%s' sim --scenario '%s' --games 1 --seed %llu --ai historical "
             "--threads 1 --json 2>/dev/null", NIACT_BIN, NOV, (unsigned long long)base_seed);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    json_error_t err;
    json_t *j = json_loadf(p, 0, &err);
    pclose(p);
    assert_non_null(j);
    const niact_scenario *sc = niact_session_scenario(s);
    for (int r = 0; r < sc->n_roles; r++) {
        json_t *role = json_object_get(json_object_get(j, "roles"), sc->roles[r].meta.id);
        assert_non_null(role);
        assert_int_equal((int)json_number_value(json_object_get(role, "mean")), base[r]);
    }
    json_decref(j);
    niact_session_free(s);
}

/* Asked in the middle of a game, it leaves that game as it was: the rest of the game is
 * bit for bit the game of a twin session that never asked. */
static void test_leaves_game_alone(void **state) {
    (void)state;
    niact_session *s = open_all(NOV, 99, "random"), *twin = open_all(NOV, 99, "random");
    for (int t = 0; t < 4; t++) {
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
        assert_int_equal(niact_session_resolve(twin), NIACT_OK);
    }
    int32_t base[NIACT_MAX_ROLES];
    assert_int_equal(niact_session_baseline(s, base, NIACT_MAX_ROLES), NIACT_OK);
    assert_int_equal(niact_game_hash(niact_session_view(s)), niact_game_hash(niact_session_view(twin)));
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    assert_int_equal(niact_session_play_out(twin), NIACT_OK);
    assert_int_equal(niact_game_hash(niact_session_view(s)), niact_game_hash(niact_session_view(twin)));
    assert_int_equal(niact_session_turns_played(s), niact_session_turns_played(twin));
    niact_session_free(s);
    niact_session_free(twin);
}

/* No historical personality: refused, saying why; too little room: refused. */
static void test_refusals(void **state) {
    (void)state;
    niact_session *s = NULL;
    char msg[4096];
    assert_int_equal(niact_session_open(PROBE, 3, NULL, &s, msg, sizeof msg), NIACT_OK);
    int32_t base[NIACT_MAX_ROLES];
    assert_int_equal(niact_session_baseline(s, base, NIACT_MAX_ROLES), NIACT_ERR_STATE);
    assert_non_null(strstr(niact_session_error(s), "historical"));
    niact_session_free(s);
    s = open_all(NOV, 5, "dove");
    assert_int_equal(niact_session_baseline(s, base, 1), NIACT_ERR_INVALID);
    niact_session_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equals_all_historical_game),
        cmocka_unit_test(test_equals_sim),
        cmocka_unit_test(test_leaves_game_alone),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
