/* What the core gives the search AI's determinization (rules.h): the fires each role
 * was told of, and forgetting the negotiation a role is no party to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "niact/negotiation.h"
#include "niact/rules.h"
#include "support.h"

#define PROBES NIACT_TEST_DIR "/ai/scenarios/"
#define US 0
#define USSR 1
#define UN 2

static niact_host *load(const char *name) {
    char dir[512], msg[4096];
    snprintf(dir, sizeof dir, "%s%s", PROBES, name);
    niact_host *h = NULL;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    return h;
}

/* A fire is told to the roles its effect wrote to, and to no one else; the count
 * survives a copy; set_fired clamps what each role was told of to the fires. */
static void test_told(void **st) {
    (void)st;
    niact_host *h = load("probe_event");
    const niact_scenario *sc = niact_host_scenario(h);
    int e = niact_scenario_event(sc, "backchannel");
    int fired = 0, quiet = 0;
    for (uint64_t seed = 1; seed <= 20 && (!fired || !quiet); seed++) {
        niact_game *g = NULL, *c = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), seed, &g, NULL, 0), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        int32_t n = niact_rules_fired(g, e);
        assert_int_equal(niact_rules_told(g, e, US), n);
        assert_int_equal(niact_rules_told(g, e, USSR), n);
        assert_int_equal(niact_rules_told(g, e, UN), 0);
        assert_int_equal(niact_game_clone(g, &c), NIACT_OK);
        assert_int_equal(niact_rules_told(c, e, US), n);
        fired += n > 0;
        quiet += n == 0;
        int32_t told[NIACT_MAX_ROLES] = {5, -1, 1};
        niact_rules_set_fired(c, e, 2, told);
        assert_int_equal(niact_rules_fired(c, e), 2);
        assert_int_equal(niact_rules_told(c, e, US), 2);
        assert_int_equal(niact_rules_told(c, e, USSR), 0);
        assert_int_equal(niact_rules_told(c, e, UN), 1);
        assert_int_equal(niact_rules_told(c, -1, UN), 0);
        assert_int_equal(niact_rules_told(c, e, 7), 0);
        niact_game_free(c);
        niact_game_free(g);
    }
    assert_true(fired && quiet); /* both cases were seen */
    niact_host_free(h);

    /* An event that writes no one is told to no one, however often it fires. */
    h = load("probe_estimate");
    sc = niact_host_scenario(h);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 1, &g, NULL, 0), NIACT_OK);
    assert_int_equal(niact_game_resolve(g), NIACT_OK);
    e = niact_scenario_event(sc, "agents");
    assert_int_equal(niact_rules_fired(g, e), 1);
    assert_int_equal(niact_rules_told(g, e, US), 1); /* its report */
    assert_int_equal(niact_rules_told(g, e, UN), 0);
    niact_game_free(g);
    niact_host_free(h);
}

static int32_t propose(niact_game *g, int from, int to, int public_) {
    niact_term_item t = {(int16_t)niact_scenario_term(niact_game_scenario(g), "pact"), -1, 0};
    int32_t id = 0;
    assert_int_equal(niact_game_propose(g, from, 1u << to, public_, &t, 1, 0, &id), NIACT_OK);
    return id;
}

/* The UN forgets the private pact of the other two (its id keeps its place, empty and
 * withdrawn, and its commitment goes), and keeps its own and the public ones. */
static void test_forget_negotiation(void **st) {
    (void)st;
    niact_host *h = load("probe_pact");
    const niact_scenario *sc = niact_host_scenario(h);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 1, &g, NULL, 0), NIACT_OK);
    int32_t secret = propose(g, US, USSR, 0), mine = propose(g, UN, US, 0),
            open_ = propose(g, USSR, US, 1), pending = propose(g, USSR, US, 0);
    assert_int_equal(niact_game_answer(g, USSR, secret, 1), NIACT_OK);
    assert_int_equal(niact_game_answer(g, US, mine, 1), NIACT_OK);
    assert_int_equal(niact_game_answer(g, US, open_, 1), NIACT_OK);
    assert_non_null(niact_rules_commitment(g, 2));
    niact_rules_forget_negotiation(g, UN);
    const niact_proposal *p = niact_rules_proposal(g, secret);
    assert_int_equal(p->id, secret);
    assert_int_equal(p->status, NIACT_PROPOSAL_WITHDRAWN);
    assert_int_equal(p->n_terms, 0);
    assert_int_equal(p->to, 0);
    assert_int_equal(p->from, UN);
    p = niact_rules_proposal(g, pending);
    assert_int_equal(p->status, NIACT_PROPOSAL_WITHDRAWN);
    assert_int_equal(p->n_terms, 0);
    assert_int_equal(niact_rules_proposal(g, mine)->status, NIACT_PROPOSAL_AGREED);
    assert_int_equal(niact_rules_proposal(g, open_)->status, NIACT_PROPOSAL_AGREED);
    assert_int_equal(niact_rules_commitment(g, 0)->agreement, mine);
    assert_int_equal(niact_rules_commitment(g, 1)->agreement, open_);
    assert_null(niact_rules_commitment(g, 2));
    /* The copy still plays: every commitment left refers to a proposal kept. */
    assert_int_equal(niact_game_resolve(g), NIACT_OK);
    assert_int_equal(niact_game_phase(g), NIACT_PHASE_BRIEFING);
    niact_game_free(g);

    /* Without the kept ones, the effect is gone: `signed` stays 0. */
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 1, &g, NULL, 0), NIACT_OK);
    secret = propose(g, US, USSR, 0);
    assert_int_equal(niact_game_answer(g, USSR, secret, 1), NIACT_OK);
    niact_game *c = NULL;
    assert_int_equal(niact_game_clone(g, &c), NIACT_OK);
    niact_rules_forget_negotiation(c, UN);
    niact_rules_forget_negotiation(g, US); /* a party forgets nothing */
    assert_int_equal(niact_game_resolve(g), NIACT_OK);
    assert_int_equal(niact_game_resolve(c), NIACT_OK);
    int signed_ = niact_scenario_track(sc, "signed");
    assert_int_equal(niact_rules_get(g, signed_), 1);
    assert_int_equal(niact_rules_get(c, signed_), 0);
    niact_game_free(c);
    niact_game_free(g);
    niact_host_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_told),
        cmocka_unit_test(test_forget_negotiation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
