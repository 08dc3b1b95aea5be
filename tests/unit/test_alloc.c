/* Out of memory is an ordinary path: the core's allocations are made to fail one by one
 * (the Nth allocation, for every N until a whole game runs through) and every call must
 * answer NIACT_ERR_NOMEM or succeed, never crash or leak (ASan checks the leaks). A call
 * that fails either changed nothing (same hash, same log) or left the game marked broken,
 * and then every later call on it returns NIACT_ERR_BROKEN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "niact/game.h"
#include "niact/negotiation.h"
#include "niact/rules.h"

/* The seam: the linker routes the core's malloc/calloc/realloc here (-Wl,--wrap). */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */

static int fail_now(void) {
    if (countdown < 0)
        return 0;
    return countdown-- == 0;
}
void *__wrap_malloc(size_t n) {
    return fail_now() ? NULL : __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m) {
    return fail_now() ? NULL : __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
    return fail_now() ? NULL : __real_realloc(p, n);
}

static niact_meta M(const char *id) {
    return (niact_meta){(char *)id, (char *)id, "", "", "", 0};
}

static niact_status r_resolve(void *ud, niact_game *g, const niact_order *o) {
    (void)ud;
    niact_rules_set(g, 0, niact_rules_get(g, 0) + 1 + o->param);
    return niact_rules_log(g, 3, NIACT_LOG_NEWS, "a fairly long line of news for the log");
}

static niact_status r_turn_end(void *ud, niact_game *g) {
    (void)ud;
    return niact_rules_log(g, 1, NIACT_LOG_REPORT, "a private report");
}

static long refusals_checked; /* calls that failed and were checked below */
static long broken_seen;      /* games found broken after a failure */

/* After a call on g returned st: a failure either changed nothing (the hash and the log
 * are as before) or marked the game broken, and then every later call says so. */
static niact_status after(niact_game *g, uint64_t hash_before, size_t log_before,
                          niact_status st) {
    if (st == NIACT_OK)
        return st;
    assert_int_equal(st, NIACT_ERR_NOMEM);
    refusals_checked++;
    if (!niact_game_broken(g)) {
        assert_true(niact_game_hash(g) == hash_before);
        assert_int_equal(niact_game_log_size(g), log_before);
        return st;
    }
    broken_seen++;
    long saved = countdown;
    countdown = -1; /* the refusals must not depend on memory */
    niact_order o = {0, 0, 0};
    int32_t id, v;
    int ok;
    niact_term_item it = {0, -1, 0};
    niact_track_view tv;
    niact_game *c;
    assert_int_equal(niact_game_resolve(g), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_last_error(g)->kind, NIACT_KIND_BROKEN);
    assert_int_equal(niact_game_submit(g, 0, &o, 1), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_order_legal(g, &o, &ok, NULL, 0), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_propose(g, 0, 2, 0, &it, 1, 0, &id), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_answer(g, 1, 1, 1), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_telegram(g, 0, 2, "hello"), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_advance(g), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_view_track(g, 0, 0, &tv), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_score(g, 0, 0, &v), NIACT_ERR_BROKEN);
    assert_int_equal(niact_game_clone(g, &c), NIACT_ERR_BROKEN);
    countdown = saved;
    return st;
}

#define CALL(g, call) (h_ = niact_game_hash(g), l_ = niact_game_log_size(g), after((g), h_, l_, (call)))

/* A whole game: new, orders, a proposal, resolutions, a clone, the end. */
static niact_status whole_game(const niact_scenario *sc, const niact_rules *rules) {
    niact_game *g = NULL, *c = NULL;
    char msg[128];
    uint64_t h_;
    size_t l_;
    niact_status st = niact_game_new(sc, rules, 3, &g, msg, sizeof msg);
    if (st != NIACT_OK)
        return st;
    for (int t = 0; t < sc->turns && st == NIACT_OK; t++) {
        niact_order o = {0, 0, 0};
        st = CALL(g, niact_game_submit(g, 0, &o, 1));
        if (st == NIACT_OK && t == 1) {
            niact_term_item it = {0, -1, 0};
            int32_t id;
            st = CALL(g, niact_game_propose(g, 0, 2, 0, &it, 1, 0, &id));
            if (st == NIACT_OK)
                st = CALL(g, niact_game_answer(g, 1, id, 1));
            if (st == NIACT_OK)
                st = CALL(g, niact_game_telegram(g, 1, 1, "a telegram"));
        }
        if (st == NIACT_OK)
            st = CALL(g, niact_game_resolve(g));
        if (st == NIACT_OK && t == 2) {
            st = niact_game_clone(g, &c);
            if (st == NIACT_OK)
                st = CALL(c, niact_game_resolve(c));
        }
    }
    niact_game_free(c);
    niact_game_free(g);
    return st;
}

static void test_every_allocation_may_fail(void **state) {
    (void)state;
    niact_track_def tracks[1] = {{.meta = M("x"), .min = 0, .max = 1000,
                                  .vis = {NIACT_VIS_TRUE, NIACT_VIS_ESTIMATE}}};
    niact_action_def actions[1] = {{.meta = M("a"), .roles = 3, .cost = 1, .param_name = ""}};
    niact_term_def terms[1] = {{.meta = M("t"), .givers = 2, .window = 1, .param_name = ""}};
    niact_scenario sc = {.meta = M("s"), .start_date = "1962-11-01", .days_per_turn = 1,
                         .turns = 5, .n_roles = 2, .n_tracks = 1, .tracks = tracks,
                         .n_actions = 1, .actions = actions, .n_terms = 1, .terms = terms};
    sc.roles[0] = (niact_role_def){M("a"), 2, "", NULL};
    sc.roles[1] = (niact_role_def){M("b"), 2, "", NULL};
    niact_rules rules = {.resolve = r_resolve, .turn_end = r_turn_end};
    int nomem = 0;
    for (long k = 0; k < 10000; k++) {
        countdown = k;
        niact_status st = whole_game(&sc, &rules);
        countdown = -1;
        if (st == NIACT_OK) {
            assert_true(k > 5); /* some allocations did fail before the game got through */
            assert_true(nomem > 5);
            assert_true(refusals_checked > 5); /* failures inside a running game, checked */
            assert_true(broken_seen > 0);      /* some of them mid-resolution: broken */
            return;
        }
        assert_int_equal(st, NIACT_ERR_NOMEM);
        nomem++;
    }
    fail_msg("the game never completed");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allocation_may_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
