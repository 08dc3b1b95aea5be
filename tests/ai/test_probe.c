/* The search AI knows only what its seat knows: probes (tests/ai/scenarios/probe_*) in
 * which the UN seat may guess a hidden fact on turn 2: right pays 100, wrong 0, no guess
 * 50. Over many seeds the fact is true about half the time, so an AI that reads the
 * truth through any channel scores near 100 and one that knows only its seat's view
 * scores near 50, whatever it guesses. One probe per channel the truth could leak
 * through (a track: the control; an event's fire count; another seat's estimate; a
 * private agreement and its effect). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "niact/ai.h"
#include "niact/negotiation.h"
#include "niact/rules.h"
#include "support.h"

#define PROBES NIACT_TEST_DIR "/ai/scenarios/"
#define GAMES 200 /* per probe: the standard error of a blind guess is 50/sqrt(200) = 3.5 */
#define US 0
#define USSR 1
#define UN 2

typedef enum when { NO_PACT, PACT_TURN_1, PACT_TURN_2, FIRST_TURN } when;

/* A private pact between the United States and the Soviet Union, made now. */
static void make_pact(niact_game *g) {
    const niact_scenario *sc = niact_game_scenario(g);
    niact_term_item t = {(int16_t)niact_scenario_term(sc, "pact"), -1, 0};
    int32_t id = 0;
    assert_int_equal(niact_game_propose(g, US, 1u << USSR, 0, &t, 1, 0, &id), NIACT_OK);
    assert_int_equal(niact_game_answer(g, USSR, id, 1), NIACT_OK);
}

/* A coin of the test's own for the pact (the game's chance decides the other facts). */
static int coin(int seed) {
    uint64_t z = (uint64_t)seed * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 31)) * 0xbf58476d1ce4e5b9ULL;
    return (int)((z >> 40) & 1);
}

/* Whether the hidden fact is true in the ended game. */
static int fact(niact_game *g, const char *probe, int pact) {
    const niact_scenario *sc = niact_game_scenario(g);
    if (strcmp(probe, "probe_track") == 0)
        return niact_rules_get(g, niact_scenario_track(sc, "coin")) == 1;
    if (strcmp(probe, "probe_event") == 0)
        return niact_rules_fired(g, niact_scenario_event(sc, "backchannel")) > 0;
    if (strcmp(probe, "probe_estimate") == 0)
        return niact_rules_estimate(g, US, niact_scenario_track(sc, "coin"), NULL) > 50;
    if (strcmp(probe, "probe_record") == 0)
        return niact_rules_get(g, niact_scenario_track(sc, "card")) == 1;
    if (strcmp(probe, "prior_setup") == 0)
        return niact_rules_get(g, niact_scenario_track(sc, "card")) == 1;
    return pact;
}

typedef struct result {
    double mean, se; /* the UN's score over the games, and its standard error */
    int facts;       /* games in which the hidden fact was true */
    int guesses;     /* games in which the UN guessed (did not pass) */
} result;

static result run(const char *probe, when pact_when) {
    char dir[512];
    snprintf(dir, sizeof dir, "%s%s", PROBES, probe);
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_ai_config cfg;
    assert_int_equal(niact_ai_level_config(NIACT_AI_EASY, &cfg), NIACT_OK);
    result r = {0, 0, 0, 0};
    double sum = 0, sum2 = 0;
    for (int seed = 1; seed <= GAMES; seed++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), (uint64_t)seed, &g, NULL, 0),
                         NIACT_OK);
        int pact = (pact_when == PACT_TURN_1 || pact_when == PACT_TURN_2) && coin(seed);
        if (pact && pact_when == PACT_TURN_1)
            make_pact(g);
        if (pact_when != FIRST_TURN) /* the UN guesses on turn 2, else on turn 1 */
            assert_int_equal(niact_game_resolve(g), NIACT_OK);
        if (pact && pact_when == PACT_TURN_2)
            make_pact(g);
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        assert_int_equal(niact_ai_think(h, g, UN, &cfg, o, &n, NULL), NIACT_OK);
        assert_int_equal(niact_game_submit(g, UN, o, n), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, UN, UN, &score), NIACT_OK);
        sum += score;
        sum2 += (double)score * score;
        r.facts += fact(g, probe, pact);
        r.guesses += n > 0;
        niact_game_free(g);
    }
    niact_host_free(h);
    r.mean = sum / GAMES;
    double var = (sum2 - GAMES * r.mean * r.mean) / (GAMES - 1);
    r.se = sqrt(var > 0 ? var : 0) / sqrt(GAMES);
    printf("%-15s %-12s mean %5.1f +/- %4.1f (n %d; fact true in %d, guessed in %d)\n", probe,
           pact_when == PACT_TURN_1   ? "pact turn 1"
           : pact_when == PACT_TURN_2 ? "pact turn 2"
           : pact_when == FIRST_TURN  ? "turn 1"
                                      : "",
           r.mean, r.se, GAMES, r.facts, r.guesses);
    return r;
}

/* As if guessing: within 3 standard errors of a blind guess (50/sqrt(n) = 3.5 for
 * n = 200, so 50 +/- 10.6). An AI that reads the fact scores 100 (or 0 if it read it
 * and guessed against it): both fail. The fact must be true in about half the games,
 * or the probe would prove nothing. */
static void blind(const result *r) {
    double tolerance = 3 * 50 / sqrt(GAMES);
    assert_true(r->facts >= GAMES / 4 && r->facts <= GAMES - GAMES / 4);
    assert_true(fabs(r->mean - 50) <= tolerance);
}

static void test_probe_track(void **st) {
    (void)st;
    result r = run("probe_track", NO_PACT);
    blind(&r);
}

static void test_probe_event(void **st) {
    (void)st;
    result r = run("probe_event", NO_PACT);
    blind(&r);
}

static void test_probe_estimate(void **st) {
    (void)st;
    result r = run("probe_estimate", NO_PACT);
    blind(&r);
}

/* The pact made on turn 1: a commitment of an agreement the UN is no party to. */
static void test_probe_pact(void **st) {
    (void)st;
    result r = run("probe_pact", PACT_TURN_1);
    blind(&r);
}

/* The pact made on turn 2, before the UN thinks: its immediate effect is still to run,
 * at the start of the resolution the UN is thinking about. */
static void test_probe_pact_effect(void **st) {
    (void)st;
    result r = run("probe_pact", PACT_TURN_2);
    blind(&r);
}

/* Not a leak but a belief: on the first turn the unseen values come from simulated
 * setups (the setup may deal them with its own chance), not from the declarations. The
 * card is high in 4 games of 5 and declared low: guessing high scores about 80, taking
 * the declaration about 20. */
static void test_prior_setup(void **st) {
    (void)st;
    result r = run("prior_setup", FIRST_TURN);
    assert_true(r.facts >= GAMES * 7 / 10 && r.facts <= GAMES * 9 / 10);
    assert_true(r.mean >= 65);
}

/* Not a leak but the seat's own record: the card no seat sees was shown on a signal every
 * seat saw after the setup, set back to 0 since. Histories matched on the record (the
 * values the UN saw truly at the end of each past turn) hold the right card; matched on
 * the present only, the UN guesses blindly (about 50, before the record was used). */
static void test_probe_record(void **st) {
    (void)st;
    result r = run("probe_record", NO_PACT);
    assert_true(r.facts >= GAMES / 4 && r.facts <= GAMES - GAMES / 4);
    assert_true(r.mean >= 90);
}

/* The seat's own orders (tests/ai/scenarios/probe_memory): on turn 1 the UN sent an
 * envoy or not (a coin of the test's); the envoy is a variable no seat sees, the UN
 * included. Remembering its orders (niact_ai_think_remembering, as the session does),
 * the search replays them in its histories and knows; without the memory it guesses its
 * own past, blindly. */
static result run_memory(int remember) {
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(PROBES "probe_memory", &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_ai_config cfg;
    assert_int_equal(niact_ai_level_config(NIACT_AI_EASY, &cfg), NIACT_OK);
    result r = {0, 0, 0, 0};
    double sum = 0, sum2 = 0;
    for (int seed = 1; seed <= GAMES; seed++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), (uint64_t)seed, &g, NULL, 0),
                         NIACT_OK);
        niact_order sent[NIACT_MAX_ORDERS];
        memset(sent, 0, sizeof sent);
        sent[0].role = UN;
        sent[0].action = (int16_t)niact_scenario_action(sc, "send");
        int n_sent = coin(seed) ? 1 : 0;
        assert_int_equal(niact_game_submit(g, UN, sent, n_sent), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        niact_ai_memory mem = {1, &n_sent, sent};
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        assert_int_equal(niact_ai_think_remembering(h, g, UN, &cfg, remember ? &mem : NULL, o,
                                                    &n, NULL),
                         NIACT_OK);
        assert_int_equal(niact_game_submit(g, UN, o, n), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, UN, UN, &score), NIACT_OK);
        sum += score;
        sum2 += (double)score * score;
        r.facts += n_sent;
        r.guesses += n > 0;
        niact_game_free(g);
    }
    niact_host_free(h);
    r.mean = sum / GAMES;
    double var = (sum2 - GAMES * r.mean * r.mean) / (GAMES - 1);
    r.se = sqrt(var > 0 ? var : 0) / sqrt(GAMES);
    printf("probe_memory    %-12s mean %5.1f +/- %4.1f (n %d; sent in %d, guessed in %d)\n",
           remember ? "remembering" : "forgetting", r.mean, r.se, GAMES, r.facts, r.guesses);
    return r;
}

static void test_probe_memory(void **st) {
    (void)st;
    result with = run_memory(1), without = run_memory(0);
    assert_true(with.facts >= GAMES / 4 && with.facts <= GAMES - GAMES / 4);
    assert_true(with.mean >= 90);
    blind(&without); /* the memory, nothing else, is what knows */
}

/* Scripted personalities see only their seat's view too (tests/ai/scenarios/
 * probe_personality): the UN's personality guesses on turn 2 whether a back channel it
 * was not told of opened, reading it through one channel each: state:fired, a legality
 * test that reads a track the UN does not see, one that reads a track it only estimates,
 * one that reads the fire count. Each must score as if guessing. */
static result run_personality(const char *name) {
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(PROBES "probe_personality", &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    result r = {0, 0, 0, 0};
    double sum = 0, sum2 = 0;
    for (int seed = 1; seed <= GAMES; seed++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), (uint64_t)seed, &g, NULL, 0),
                         NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK); /* turn 1: the channel, or not */
        uint64_t before = niact_game_hash(g);
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        assert_int_equal(niact_host_personality(h, g, name, UN, o, NIACT_MAX_ORDERS, &n),
                         NIACT_OK);
        assert_true(niact_game_hash(g) == before); /* asking changed nothing */
        assert_int_equal(n, 1);
        assert_int_equal(niact_game_submit(g, UN, o, n), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, UN, UN, &score), NIACT_OK);
        sum += score;
        sum2 += (double)score * score;
        r.facts += niact_rules_fired(g, niact_scenario_event(sc, "backchannel")) > 0;
        r.guesses++;
        niact_game_free(g);
    }
    niact_host_free(h);
    r.mean = sum / GAMES;
    double var = (sum2 - GAMES * r.mean * r.mean) / (GAMES - 1);
    r.se = sqrt(var > 0 ? var : 0) / sqrt(GAMES);
    printf("%-15s %-16s mean %5.1f +/- %4.1f (n %d; fact true in %d)\n", "personality", name,
           r.mean, r.se, GAMES, r.facts);
    return r;
}

static void test_personality_fired(void **st) {
    (void)st;
    result r = run_personality("by_fired");
    blind(&r);
}

static void test_personality_legal_unseen(void **st) {
    (void)st;
    result r = run_personality("by_legal_channel");
    blind(&r);
}

static void test_personality_legal_estimate(void **st) {
    (void)st;
    result r = run_personality("by_legal_gauge");
    blind(&r);
}

static void test_personality_legal_fired(void **st) {
    (void)st;
    result r = run_personality("by_legal_fired");
    blind(&r);
}

/* What the view refuses makes state:legal answer false, with the refusal as a second
 * value; the legality test's own errors are still the personality's. */
static void test_personality_legal_refusal(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua",
             "return niact.scenario{\n"
             "  name = 'Refusal', calendar = { start = '1962-11-01', days_per_turn = 1, turns = 2 },\n"
             "  roles = { niact.role{ id = 'a' }, niact.role{ id = 'b' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 9, initial = 7,\n"
             "                          visible = { all = 'true', b = 'none' } } },\n"
             "  actions = {\n"
             "    niact.action{ id = 'peek', roles = { 'b' }, cost = 1,\n"
             "      legal = function(state) return state:get('x') == 7 end, resolve = function() end },\n"
             "    niact.action{ id = 'buggy', roles = { 'b' }, cost = 1,\n"
             "      legal = function(state) error('a bug in the test') end, resolve = function() end },\n"
             "    niact.action{ id = 'go', roles = { 'b' }, cost = 1, param = { min = 0, max = 9 },\n"
             "      resolve = function() end },\n"
             "  },\n"
             "  personalities = {\n"
             "    why = { b = function(state)\n"
             "      local ok, why = state:legal('peek')\n"
             "      return { { 'go', (ok == false and why:find('cannot see track')) and 3 or 1 } }\n"
             "    end },\n"
             "    bug = { b = function(state) state:legal('buggy') return {} end },\n"
             "  },\n"
             "}\n");
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(niact_host_scenario(h), niact_host_rules(h), 1, &g, NULL, 0),
                     NIACT_OK);
    niact_order o[NIACT_MAX_ORDERS];
    int n = 0;
    assert_int_equal(niact_host_personality(h, g, "why", 1, o, NIACT_MAX_ORDERS, &n), NIACT_OK);
    assert_int_equal(n, 1);
    assert_int_equal(o[0].param, 3);
    assert_int_equal(niact_host_personality(h, g, "bug", 1, o, NIACT_MAX_ORDERS, &n),
                     NIACT_ERR_SCRIPT);
    assert_non_null(strstr(niact_host_last_error(h)->reason, "a bug in the test"));
    niact_game_free(g);
    niact_host_free(h);
    ts_rmdir(dir);
}

/* Who the other seat is (tests/ai/scenarios/probe_opponent): the Soviet seat plays the
 * hawk or the dove (a coin of the test's), whose first move shows on a public track and
 * whose second decides which of the UN's two answers on turn 2 is right (100, the other
 * 0). With the opponent model the search plays its histories' personalities against the
 * particle it draws, and keeps the histories whose posture matches the one it saw: it
 * knows who it faces. Without histories (particles 0: nothing else is hidden here, so
 * that is the uniform draw of before) it plans against either, and is right about half
 * the time. Returns how many of OPP_GAMES it got right. */
#define OPP_GAMES 100
static int run_opponent(int particles, int *hawks) {
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(PROBES "probe_opponent", &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_ai_config cfg;
    assert_int_equal(niact_ai_level_config(NIACT_AI_EASY, &cfg), NIACT_OK);
    if (particles >= 0)
        cfg.particles = particles;
    int right = 0, wrong = 0;
    *hawks = 0;
    for (int seed = 1; seed <= OPP_GAMES; seed++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), (uint64_t)seed, &g, NULL, 0),
                         NIACT_OK);
        const char *who = coin(seed) ? "hawk" : "dove";
        *hawks += coin(seed);
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        for (int turn = 1; turn <= 2; turn++) {
            assert_int_equal(niact_host_personality(h, g, who, USSR, o, NIACT_MAX_ORDERS, &n),
                             NIACT_OK);
            assert_int_equal(n, 1);
            assert_int_equal(niact_game_submit(g, USSR, o, n), NIACT_OK);
            if (turn == 2) {
                assert_int_equal(niact_ai_think(h, g, UN, &cfg, o, &n, NULL), NIACT_OK);
                assert_int_equal(niact_game_submit(g, UN, o, n), NIACT_OK);
            }
            assert_int_equal(niact_game_resolve(g), NIACT_OK);
        }
        assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, UN, UN, &score), NIACT_OK);
        right += score == 100;
        wrong += score == 0;
        niact_game_free(g);
    }
    niact_host_free(h);
    printf("probe_opponent  particles %-4s right %3d, wrong %3d, passed %3d of %d (hawk in %d)\n",
           particles < 0 ? "easy" : "0", right, wrong, OPP_GAMES - right - wrong, OPP_GAMES,
           *hawks);
    return right;
}

/* The model against the blind rate measured on the same games: right in at least 85 of
 * 100 and at least 25 more than blind (blind: about 50, a standard error of 5). */
static void test_probe_opponent(void **st) {
    (void)st;
    int hawks = 0;
    int model = run_opponent(-1, &hawks), blind_rate = run_opponent(0, &hawks);
    assert_true(hawks >= OPP_GAMES / 4 && hawks <= OPP_GAMES - OPP_GAMES / 4);
    assert_true(model >= OPP_GAMES * 85 / 100);
    assert_true(model - blind_rate >= OPP_GAMES / 4);
}

/* An erratic partner (tests/ai/scenarios/probe_erratic): the Soviet seat dials 6, which
 * neither personality does (the hawk dials 10, the dove 0), then strikes or talks by the
 * test's coin. The UN's safe answer, hedge, pays 75; shelter or mediate pays 100 or 0.
 * With random_share, a share of the histories is played by a random seat; those explain
 * the dial better than the hawk's, and the search hedges. Without it, the nearest
 * histories are the hawk's, the search shelters and is right half the time. Returns the
 * UN's mean payoff over OPP_GAMES games, with `random_share`. */
static double run_erratic(double random_share) {
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(PROBES "probe_erratic", &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_ai_config cfg;
    assert_int_equal(niact_ai_level_config(NIACT_AI_EASY, &cfg), NIACT_OK);
    cfg.particles = 128; /* 32 kept: the easy level's 4 are too few to tell a share */
    cfg.random_share = random_share;
    int dial = niact_scenario_action(sc, "dial"), strike = niact_scenario_action(sc, "strike"),
        talk = niact_scenario_action(sc, "talk");
    assert_true(dial >= 0 && strike >= 0 && talk >= 0);
    long total = 0;
    int hedged = 0;
    for (int seed = 1; seed <= OPP_GAMES; seed++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), (uint64_t)seed, &g, NULL, 0),
                         NIACT_OK);
        niact_order o[NIACT_MAX_ORDERS] = {{USSR, (int16_t)dial, 6}};
        assert_int_equal(niact_game_submit(g, USSR, o, 1), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        o[0] = (niact_order){USSR, (int16_t)(coin(seed) ? strike : talk), 0};
        assert_int_equal(niact_game_submit(g, USSR, o, 1), NIACT_OK);
        int n = 0;
        assert_int_equal(niact_ai_think(h, g, UN, &cfg, o, &n, NULL), NIACT_OK);
        hedged += n == 1 && o[0].action == niact_scenario_action(sc, "hedge");
        assert_int_equal(niact_game_submit(g, UN, o, n), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, UN, UN, &score), NIACT_OK);
        total += score;
        niact_game_free(g);
    }
    niact_host_free(h);
    double m = (double)total / OPP_GAMES;
    printf("probe_erratic   random_share %.2f  mean payoff %5.1f, hedged %3d of %d\n",
           random_share, m, hedged, OPP_GAMES);
    return m;
}

/* A model with a quarter of erratic seats against one without them, on the same games:
 * a mean of at least 70 (hedging every time is 75; a coin, 50 with a standard error of
 * 5) and at least 15 above the model without them. The levels' own share (0.1) is
 * smaller: against it the dial is explained by the hawk about as often as by an erratic
 * seat, and the search hedges about two games in three (docs/ai.md); the test prints
 * that rate too, and asks only that it hedges more often than without the share. */
static void test_probe_erratic(void **st) {
    (void)st;
    niact_ai_config level;
    assert_int_equal(niact_ai_level_config(NIACT_AI_EASY, &level), NIACT_OK);
    double model = run_erratic(0.25), without = run_erratic(0),
           own = run_erratic(level.random_share);
    assert_true(model >= 70);
    assert_true(model - without >= 15);
    assert_true(level.random_share > 0 && own > without);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probe_track),
        cmocka_unit_test(test_probe_event),
        cmocka_unit_test(test_probe_memory),
        cmocka_unit_test(test_probe_estimate),
        cmocka_unit_test(test_probe_pact),
        cmocka_unit_test(test_probe_pact_effect),
        cmocka_unit_test(test_prior_setup),
        cmocka_unit_test(test_probe_record),
        cmocka_unit_test(test_probe_opponent),
        cmocka_unit_test(test_probe_erratic),
        cmocka_unit_test(test_personality_fired),
        cmocka_unit_test(test_personality_legal_unseen),
        cmocka_unit_test(test_personality_legal_estimate),
        cmocka_unit_test(test_personality_legal_fired),
        cmocka_unit_test(test_personality_legal_refusal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
