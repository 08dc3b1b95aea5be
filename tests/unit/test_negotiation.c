/* Negotiation through the real Lua rules of testland: proposals, answers, agreements,
 * deadlines, kept and broken commitments, trust, telegrams, linkage, the AI's answers,
 * and a game in which an AI and a scripted player reach and keep an agreement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "niact/rules.h"
#include "support.h"

enum { US, USSR, UN };

typedef struct fx {
    niact_host *h;
    niact_session *s;
    niact_game *g;
    const niact_scenario *sc;
} fx;

static int setup_seats(void **state, niact_seat_kind ussr_kind, const char *ussr_ai) {
    fx *f = calloc(1, sizeof *f);
    char msg[4096];
    if (ts_load(NIACT_TEST_DIR "/scenarios/testland", &f->h, msg, sizeof msg) != NIACT_OK)
        return -1;
    niact_seat seats[NIACT_MAX_ROLES] = {0};
    seats[USSR].kind = ussr_kind;
    snprintf(seats[USSR].personality, sizeof seats[USSR].personality, "%s", ussr_ai);
    if (niact_session_new(f->h, 5, seats, &f->s, msg, sizeof msg) != NIACT_OK)
        return -1;
    f->g = niact_session_game(f->s);
    f->sc = niact_host_scenario(f->h);
    *state = f;
    return 0;
}

static int setup(void **state) {
    return setup_seats(state, NIACT_SEAT_HUMAN, "");
}

static int setup_ai(void **state) {
    return setup_seats(state, NIACT_SEAT_AI, "historical");
}

static int teardown(void **state) {
    fx *f = *state;
    niact_session_free(f->s);
    niact_host_free(f->h);
    free(f);
    return 0;
}

static niact_term_item term(fx *f, const char *id, int32_t param) {
    return (niact_term_item){(int16_t)niact_scenario_term(f->sc, id), -1, param};
}

static int track(fx *f, const char *id) {
    return niact_scenario_track(f->sc, id);
}

static int32_t propose(fx *f, int from, uint32_t to, niact_term_item *t, int n) {
    int32_t id = 0;
    assert_int_equal(niact_session_propose(f->s, from, to, 0, t, n, 0, &id), NIACT_OK);
    return id;
}

static int log_has(fx *f, int role, const char *needle) {
    size_t cur = 0;
    niact_log_entry e;
    while (niact_game_log_next(f->g, role, &cur, &e))
        if (strstr(e.text, needle))
            return 1;
    return 0;
}

static void test_refusals(void **state) {
    fx *f = *state;
    int32_t id;
    niact_term_item t = term(f, "remove_within", 30);
    /* Between us and un nobody can give the Soviet term. */
    assert_int_equal(niact_session_propose(f->s, US, 1u << UN, 0, &t, 1, 0, &id),
                     NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s), "no party"));
    t.param = 99;
    assert_int_equal(niact_session_propose(f->s, US, 1u << USSR, 0, &t, 1, 0, &id),
                     NIACT_ERR_INVALID);
    t.param = 30;
    assert_int_equal(niact_session_propose(f->s, US, 1u << US, 0, &t, 1, 0, &id),
                     NIACT_ERR_INVALID);
    assert_int_equal(niact_session_propose(f->s, US, 1u << USSR, 0, &t, 0, 0, &id),
                     NIACT_ERR_INVALID);
    niact_term_item two[2] = {t, t};
    assert_int_equal(niact_session_propose(f->s, US, 1u << USSR, 0, two, 2, 0, &id),
                     NIACT_ERR_INVALID);
    /* Linkage: Berlin cannot be raised while missiles remain. */
    niact_term_item b = term(f, "berlin_talks", 0);
    assert_int_equal(niact_session_propose(f->s, USSR, 1u << US, 0, &b, 1, 0, &id),
                     NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s),
                           "cannot be proposed now: missiles are still in Testland"));
    niact_rules_set(f->g, track(f, "missiles"), 0);
    assert_int_equal(niact_session_propose(f->s, USSR, 1u << US, 0, &b, 1, 0, &id), NIACT_OK);
    assert_int_equal(niact_session_input_count(f->s), 1); /* refusals leave no input */
}

/* The check before Send: the same verdicts and reasons as propose, and nothing changes. */
static void test_propose_check(void **state) {
    fx *f = *state;
    niact_term_item t = term(f, "remove_within", 30);
    uint64_t hash = niact_game_hash(f->g), gen = niact_session_generation(f->s, US);
    size_t inputs = niact_session_input_count(f->s);
    niact_session_propose(f->s, US, 1u << US, 0, &t, 1, 0, &(int32_t){0}); /* a last error */
    char before[512];
    snprintf(before, sizeof before, "%s", niact_session_error(f->s));
    gen = niact_session_generation(f->s, US);
    char why[300];
    int bad = 7;
    /* No addressee: about the proposal as a whole. */
    assert_int_equal(niact_session_propose_check(f->s, US, 0, 0, &t, 1, 0, &bad, why, sizeof why), 0);
    assert_int_equal(bad, -1);
    assert_non_null(strstr(why, "one or more others"));
    /* A term no party can give (the Soviet term between us and un), second in the package. */
    niact_term_item two[2] = {term(f, "berlin_talks", 0), t};
    niact_rules_set(f->g, track(f, "missiles"), 0); /* (berlin's own test passes) */
    hash = niact_game_hash(f->g);
    assert_int_equal(niact_session_propose_check(f->s, US, 1u << UN, 0, two, 2, 0, &bad, why,
                                                 sizeof why), 0);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(why, "no party"));
    /* A parameter out of range. */
    t.param = 99;
    assert_int_equal(niact_session_propose_check(f->s, US, 1u << USSR, 0, &t, 1, 0, &bad, why,
                                                 sizeof why), 0);
    assert_int_equal(bad, 0);
    t.param = 30;
    /* The scenario's own test, with its reason. */
    assert_int_equal(niact_game_hash(f->g), hash); /* (the checks so far changed nothing) */
    niact_rules_set(f->g, track(f, "missiles"), 3);
    hash = niact_game_hash(f->g);
    gen = niact_session_generation(f->s, US);
    niact_term_item b = term(f, "berlin_talks", 0);
    assert_int_equal(niact_session_propose_check(f->s, USSR, 1u << US, 0, &b, 1, 0, &bad, why,
                                                 sizeof why), 0);
    assert_non_null(strstr(why, "cannot be proposed now: missiles are still in Testland"));
    /* A valid package: OK, and propose agrees. */
    assert_int_equal(niact_session_propose_check(f->s, US, 1u << USSR, 0, &t, 1, 0, &bad, why,
                                                 sizeof why), 1);
    assert_int_equal(bad, -1);
    /* Nothing changed: the game, the session's inputs, its generation, its last error. */
    assert_int_equal(niact_game_hash(f->g), hash);
    assert_int_equal(niact_session_generation(f->s, US), gen);
    assert_int_equal(niact_session_input_count(f->s), inputs);
    assert_string_equal(niact_session_error(f->s), before);
    int32_t id = 0;
    assert_int_equal(niact_session_propose(f->s, US, 1u << USSR, 0, &t, 1, 0, &id), NIACT_OK);
    /* Paused: said so, set nowhere. */
    assert_int_equal(niact_session_pause(f->s), NIACT_OK);
    assert_int_equal(niact_session_propose_check(f->s, US, 1u << USSR, 0, &t, 1, 0, &bad, why,
                                                 sizeof why), 0);
    assert_non_null(strstr(why, "paused"));
}

/* A refusal carries the scenario's reason. */
static void test_refusal_reasons(void **state) {
    fx *f = *state;
    niact_rules_set(f->g, track(f, "missiles"), 0);
    niact_order o = {USSR, (int16_t)niact_scenario_action(f->sc, "remove"), 5};
    int ok = 1;
    char why[256];
    assert_int_equal(niact_game_order_legal(f->g, &o, &ok, why, sizeof why), NIACT_OK);
    assert_false(ok);
    /* The bare reason: each front end adds its own words around it, once. */
    assert_string_equal(why, "no missiles are left to remove");
    assert_int_equal(niact_session_submit(f->s, USSR, &o, 1), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s), "no missiles are left"));
    const niact_error *e = niact_game_last_error(f->g);
    assert_int_equal(e->kind, NIACT_KIND_INVALID);
    assert_string_equal(e->reason,
                        "'Remove missiles' is not possible now: no missiles are left to remove");
}

static void test_answers_and_expiry(void **state) {
    fx *f = *state;
    niact_term_item t = term(f, "stop_pressure", 0);
    int32_t a = propose(f, USSR, 1u << US, &t, 1);
    int32_t b = propose(f, USSR, 1u << US, &t, 1);
    int32_t c = propose(f, USSR, (1u << US) | (1u << UN), &t, 1);
    assert_int_equal(niact_session_answer(f->s, UN, a, 1), NIACT_ERR_INVALID); /* not to UN */
    assert_int_equal(niact_session_answer(f->s, US, a, 0), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, a)->status, NIACT_PROPOSAL_REJECTED);
    assert_int_equal(niact_session_answer(f->s, US, a, 1), NIACT_ERR_INVALID); /* closed */
    assert_null(niact_game_proposal_by_id(f->g, UN, a)); /* private to its parties */
    assert_true(log_has(f, US, "rejects proposal #1"));
    assert_false(log_has(f, UN, "rejects proposal #1"));
    /* Both addressees must accept. */
    assert_int_equal(niact_session_answer(f->s, US, c, 1), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, c)->status, NIACT_PROPOSAL_OPEN);
    assert_int_equal(niact_session_answer(f->s, UN, c, 1), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, c)->status, NIACT_PROPOSAL_AGREED);
    /* Unanswered, b expires at the end of the next turn. */
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, b)->status, NIACT_PROPOSAL_OPEN);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, b)->status, NIACT_PROPOSAL_EXPIRED);
}

static void test_counter_and_withdraw(void **state) {
    fx *f = *state;
    niact_term_item t = term(f, "remove_within", 30);
    int32_t a = propose(f, US, 1u << USSR, &t, 1);
    niact_term_item t2[2] = {term(f, "remove_within", 60), term(f, "stop_pressure", 0)};
    int32_t b = 0;
    assert_int_equal(niact_session_propose(f->s, USSR, 1u << US, 0, t2, 2, a, &b), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, a)->status, NIACT_PROPOSAL_REJECTED);
    const niact_proposal *p = niact_game_proposal_by_id(f->g, US, b);
    assert_int_equal(p->counter_of, a);
    assert_int_equal(p->terms[0].giver, USSR);
    assert_int_equal(p->terms[1].giver, US);
    assert_int_equal(niact_session_withdraw(f->s, US, b), NIACT_ERR_INVALID); /* not US's */
    assert_int_equal(niact_session_withdraw(f->s, USSR, b), NIACT_OK);
    assert_int_equal(niact_session_answer(f->s, US, b, 1), NIACT_ERR_INVALID);
}

/* Agreement: stop_pressure (us) for remove_within 6 days (ussr, 2 turns). */
static int32_t agree(fx *f, int32_t days) {
    niact_term_item t[2] = {term(f, "stop_pressure", 0), term(f, "remove_within", days)};
    int32_t id = propose(f, US, 1u << USSR, t, 2);
    assert_int_equal(niact_session_answer(f->s, USSR, id, 1), NIACT_OK);
    return id;
}

static void test_commitment_kept(void **state) {
    fx *f = *state;
    int32_t tension = track(f, "tension");
    int32_t before = niact_rules_get(f->g, tension);
    agree(f, 6);
    const niact_commitment *c = niact_game_commitment(f->g, US, 1);
    assert_int_equal(c->deadline, 2); /* 6 days = 2 turns of 3 days from turn 0 */
    niact_order rm = {USSR, (int16_t)niact_scenario_action(f->sc, "remove"), 20};
    assert_int_equal(niact_session_submit(f->s, USSR, &rm, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    /* on_agree of stop_pressure lowered tension at the start of the resolution. */
    assert_int_equal(niact_rules_get(f->g, tension), before - 1);
    assert_int_equal(niact_game_commitment(f->g, US, 1)->status, NIACT_COMMIT_PENDING);
    assert_int_equal(niact_session_submit(f->s, USSR, &rm, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_commitment(f->g, US, 1)->status, NIACT_COMMIT_KEPT);
    assert_int_equal(niact_game_trust(f->g, USSR), NIACT_TRUST_START + NIACT_TRUST_KEPT);
    assert_true(log_has(f, US, "Soviet Union kept its commitment"));
    assert_false(log_has(f, UN, "kept its commitment")); /* a private agreement */
    assert_int_equal(niact_game_commitment(f->g, US, 0)->status, NIACT_COMMIT_PENDING);
}

/* An abstention (no pressure for 2 turns) is kept when its deadline comes unbroken. */
static void test_abstention_kept_at_deadline(void **state) {
    fx *f = *state;
    niact_term_item t = term(f, "stop_pressure", 0);
    int32_t id = propose(f, USSR, 1u << US, &t, 1);
    assert_int_equal(niact_session_answer(f->s, US, id, 1), NIACT_OK);
    for (int turn = 0; turn < 2; turn++) {
        assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
        assert_int_equal(niact_game_commitment(f->g, US, 0)->status, NIACT_COMMIT_PENDING);
    }
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_commitment(f->g, US, 0)->status, NIACT_COMMIT_KEPT);
    assert_int_equal(niact_game_commitment(f->g, US, 0)->settled_turn, 2);
    assert_int_equal(niact_game_trust(f->g, US), NIACT_TRUST_START + NIACT_TRUST_KEPT);
}

static void test_commitment_broken(void **state) {
    fx *f = *state;
    agree(f, 6);
    niact_order press = {US, (int16_t)niact_scenario_action(f->sc, "pressure"), 1};
    assert_int_equal(niact_session_submit(f->s, US, &press, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_commitment(f->g, US, 0)->status, NIACT_COMMIT_BROKEN);
    assert_int_equal(niact_game_trust(f->g, US), NIACT_TRUST_START - NIACT_TRUST_BROKEN);
    assert_true(log_has(f, USSR, "United States BROKE its commitment"));
    /* The Soviet side: the deadline passes with missiles still there. */
    int32_t tension = niact_rules_get(f->g, track(f, "tension"));
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_game_commitment(f->g, USSR, 1)->status, NIACT_COMMIT_PENDING);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    /* on_broken raised the tension */
    assert_int_equal(niact_rules_get(f->g, track(f, "tension")), tension + 1);
    const niact_commitment *c = niact_game_commitment(f->g, USSR, 1);
    assert_int_equal(c->status, NIACT_COMMIT_BROKEN);
    assert_int_equal(c->settled_turn, 2);
}

static void test_telegram(void **state) {
    fx *f = *state;
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, "Stop the ships."), NIACT_OK);
    assert_true(log_has(f, USSR, "Stop the ships."));
    assert_true(log_has(f, US, "Stop the ships."));
    assert_false(log_has(f, UN, "Stop the ships."));
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, ""), NIACT_ERR_INVALID);
    char big[NIACT_TELEGRAM_MAX + 2];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, big), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_input_count(f->s), 1);
    assert_string_equal(niact_session_input_at(f->s, 0)->text, "Stop the ships.");
}

static void test_negotiation_changes_hash_and_replays(void **state) {
    fx *f = *state;
    uint64_t h0 = niact_game_hash(f->g);
    agree(f, 6);
    assert_int_not_equal(niact_game_hash(f->g), h0);
    niact_session_telegram(f->s, UN, 3, "Calm, please.");
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    /* A second session fed the same inputs reaches the same hash. */
    niact_session *s2 = NULL;
    char msg[256];
    assert_int_equal(niact_session_new(f->h, 5, NULL, &s2, msg, sizeof msg), NIACT_OK);
    for (size_t i = 0; i < niact_session_input_count(f->s); i++)
        assert_int_equal(niact_session_apply(s2, niact_session_input_at(f->s, i)), NIACT_OK);
    assert_int_equal(niact_session_resolve(s2), NIACT_OK);
    assert_int_equal(niact_game_hash(niact_session_game(s2)), niact_game_hash(f->g));
    niact_session_free(s2);
}

/* The AI answers by the terms' values in the state of the game. */
static void test_ai_answer_depends_on_state(void **state) {
    fx *f = *state;
    niact_term_item t[2] = {term(f, "stop_pressure", 0), term(f, "remove_within", 30)};
    /* tension 3: stop_pressure is worth 24 to the USSR, removal -20: accept. */
    int32_t a = propose(f, US, 1u << USSR, t, 2);
    assert_int_equal(niact_session_ai_negotiate(f->s, USSR), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, a)->status, NIACT_PROPOSAL_AGREED);
    /* At tension 1 the same offer is worth 8 - 20 < 0: reject. */
    niact_rules_set(f->g, track(f, "tension"), 1);
    int32_t b = propose(f, US, 1u << USSR, t, 2);
    assert_int_equal(niact_session_ai_negotiate(f->s, USSR), NIACT_OK);
    assert_int_equal(niact_game_proposal_by_id(f->g, US, b)->status, NIACT_PROPOSAL_REJECTED);
}

/* A scripted US and the AI Soviet seat reach an agreement and the AI keeps it. */
static void test_ai_reaches_and_keeps_agreement(void **state) {
    fx *f = *state;
    niact_term_item t[2] = {term(f, "stop_pressure", 0), term(f, "remove_within", 15)};
    int32_t id = propose(f, US, 1u << USSR, t, 2);
    for (int turn = 0; turn < 5 && niact_game_phase(f->g) != NIACT_PHASE_ENDED; turn++) {
        assert_int_equal(niact_session_submit(f->s, US, NULL, 0), NIACT_OK);
        assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    }
    assert_int_equal(niact_game_proposal_by_id(f->g, US, id)->status, NIACT_PROPOSAL_AGREED);
    const niact_commitment *c = niact_game_commitment(f->g, US, 1);
    assert_int_equal(c->item.giver, USSR);
    assert_int_equal(c->status, NIACT_COMMIT_KEPT);
    assert_true(log_has(f, US, "Soviet Union kept its commitment"));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
#define TA(fn) cmocka_unit_test_setup_teardown(fn, setup_ai, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(test_refusals), T(test_propose_check), T(test_refusal_reasons),       T(test_answers_and_expiry), T(test_counter_and_withdraw),
        T(test_commitment_kept), T(test_abstention_kept_at_deadline),
        T(test_commitment_broken), T(test_telegram),
        T(test_negotiation_changes_hash_and_replays), TA(test_ai_answer_depends_on_state),
        TA(test_ai_reaches_and_keeps_agreement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
