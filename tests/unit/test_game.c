/* The core's turn machine with rules written in C: orders, resolution order, voided
 * callbacks, events, views, scores, the end, copies and hashes. No Lua here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#include "niact/game.h"
#include "niact/rules.h"

enum { A, B };                       /* roles */
enum { T_LEVEL, T_SECRET, T_MOOD };  /* tracks */
enum { ACT_UP, ACT_DOWN, ACT_FAIL, ACT_SPY, ACT_WAR, ACT_FREE, ACT_MANY }; /* actions */
enum { EV_FIXED, EV_RANDOM, EV_COND }; /* events */

typedef struct trace {
    char seq[256];   /* resolution order, one letter per order */
    int legal_down;  /* whether ACT_DOWN is legal */
    int fail_end;    /* turn_end fails */
} trace;

static niact_meta M(const char *id) {
    return (niact_meta){(char *)id, (char *)id, "", "", "", 0};
}

static niact_scenario *make_scenario(void) {
    static niact_track_def tracks[3];
    static niact_action_def actions[7];
    static niact_event_def events[3];
    static niact_objective_def objs[3];
    static niact_scenario sc;
    memset(&sc, 0, sizeof sc);
    memset(tracks, 0, sizeof tracks);
    memset(actions, 0, sizeof actions);
    memset(events, 0, sizeof events);
    sc.meta = M("c");
    sc.start_date = "1962-11-01";
    sc.days_per_turn = 3;
    sc.turns = 4;
    sc.n_roles = 2;
    sc.roles[A] = (niact_role_def){M("a"), 3, "", NULL};
    sc.roles[B] = (niact_role_def){M("b"), 2, "", NULL};
    tracks[T_LEVEL] = (niact_track_def){.meta = M("level"), .min = 0, .max = 10, .initial = 5,
                                        .vis = {NIACT_VIS_TRUE, NIACT_VIS_TRUE}};
    tracks[T_SECRET] = (niact_track_def){.meta = M("secret"), .min = 0, .max = 100, .initial = 40,
                                         .vis = {NIACT_VIS_ESTIMATE, NIACT_VIS_TRUE},
                                         .est_initial = {20, 0}, .est_error = {30, 0}};
    tracks[T_MOOD] = (niact_track_def){.meta = M("mood"), .min = 0, .max = 3, .initial = 1,
                                       .vis = {NIACT_VIS_NONE, NIACT_VIS_TRUE}};
    sc.n_tracks = 3;
    sc.tracks = tracks;
    const char *ids[7] = {"up", "down", "fail", "spy", "war", "free", "many"};
    int32_t prio[7] = {20, 10, 30, 40, 50, 60, 70};
    uint32_t roles[7] = {3, 3, 1, 1, 2, 3, 1};
    for (int i = 0; i < 7; i++)
        actions[i] = (niact_action_def){.meta = M(ids[i]), .roles = roles[i], .cost = 1,
                                        .priority = prio[i], .param_name = ""};
    actions[ACT_UP].has_param = 1;
    actions[ACT_UP].param_min = 1;
    actions[ACT_UP].param_max = 3;
    actions[ACT_UP].param_default = 1;
    actions[ACT_DOWN].has_legal = 1;
    actions[ACT_FREE].cost = 0;
    actions[ACT_FREE].repeatable = 1;
    actions[ACT_MANY].has_param = 1;
    actions[ACT_MANY].param_min = 1;
    actions[ACT_MANY].param_max = 1000;
    actions[ACT_MANY].param_default = 1;
    sc.n_actions = 7;
    sc.actions = actions;
    events[EV_FIXED] = (niact_event_def){.meta = M("fixed"), .turn = 1, .chance = 1000, .once = 1};
    events[EV_RANDOM] = (niact_event_def){.meta = M("random"), .turn = -1, .chance = 500};
    events[EV_COND] = (niact_event_def){.meta = M("cond"), .turn = -1, .chance = 1000,
                                        .has_condition = 1, .once = 1};
    sc.n_events = 3;
    sc.events = events;
    objs[0] = (niact_objective_def){M("a_high"), A, 2};
    objs[1] = (niact_objective_def){M("a_mood"), A, 1};
    objs[2] = (niact_objective_def){M("b_low"), B, 1};
    sc.n_objectives = 3;
    sc.objectives = objs;
    return &sc;
}

static niact_status r_legal(void *ud, niact_game *g, const niact_order *o, int *ok) {
    (void)g;
    *ok = o->action != ACT_DOWN || ((trace *)ud)->legal_down;
    return NIACT_OK;
}

static niact_status r_resolve(void *ud, niact_game *g, const niact_order *o) {
    trace *t = ud;
    size_t n = strlen(t->seq);
    if (n + 1 < sizeof t->seq) {
        t->seq[n] = (char)('a' + o->role * 8 + o->action);
        t->seq[n + 1] = 0;
    }
    switch (o->action) {
    case ACT_UP: niact_rules_set(g, T_LEVEL, niact_rules_get(g, T_LEVEL) + o->param); break;
    case ACT_DOWN: niact_rules_set(g, T_LEVEL, niact_rules_get(g, T_LEVEL) - 1); break;
    case ACT_FAIL: /* changes things, logs, then fails: all of it must be voided */
        niact_rules_set(g, T_LEVEL, 0);
        niact_rules_log(g, 3, NIACT_LOG_NEWS, "should vanish");
        (void)niact_rng_next(niact_rules_rng(g));
        return NIACT_ERR_SCRIPT;
    case ACT_SPY: niact_rules_observe(g, A, T_SECRET, 5); break;
    case ACT_MANY: /* param writes (the same cells again and again), then fails */
        for (int32_t i = 0; i < o->param; i++) {
            niact_rules_set(g, i % 2 ? T_LEVEL : T_MOOD, i % 4);
            niact_rules_observe(g, A, T_SECRET, i % 7);
            niact_rules_set_estimate(g, A, T_SECRET, i, i % 5);
        }
        return NIACT_ERR_SCRIPT;
    case ACT_WAR: niact_rules_end(g, NIACT_OUTCOME_WAR, "war"); break;
    default: break;
    }
    return NIACT_OK;
}

static niact_status r_condition(void *ud, niact_game *g, int e, int *fire) {
    (void)ud;
    (void)e;
    *fire = niact_rules_get(g, T_LEVEL) >= 9;
    return NIACT_OK;
}

static niact_status r_fire(void *ud, niact_game *g, int e) {
    (void)ud;
    if (e == EV_FIXED)
        niact_rules_set(g, T_MOOD, 3);
    if (e == EV_RANDOM)
        niact_rules_set(g, T_SECRET, niact_rules_get(g, T_SECRET) + 1);
    if (e == EV_COND)
        niact_rules_end(g, NIACT_OUTCOME_SETTLEMENT, "high enough");
    return NIACT_OK;
}

static niact_status r_turn_end(void *ud, niact_game *g) {
    (void)g;
    return ((trace *)ud)->fail_end ? NIACT_ERR_SCRIPT : NIACT_OK;
}

static niact_status r_score(void *ud, niact_game *g, int obj, int32_t *s) {
    (void)ud;
    if (obj == 0)
        *s = niact_rules_get(g, T_LEVEL) * 10;
    else if (obj == 1)
        *s = niact_rules_get(g, T_MOOD) * 50; /* clamped to 100 by the core */
    else
        *s = 100 - niact_rules_get(g, T_LEVEL) * 10;
    return NIACT_OK;
}

static const niact_error *r_error(void *ud) {
    (void)ud;
    static niact_error e;
    niact_error_set(&e, NIACT_ERR_SCRIPT, NIACT_KIND_SCRIPT, "deliberate failure");
    return &e;
}

static niact_rules make_rules(trace *t) {
    return (niact_rules){.ud = t, .legal = r_legal, .resolve = r_resolve,
                         .turn_end = r_turn_end, .event_condition = r_condition,
                         .event_fire = r_fire, .score = r_score, .error = r_error};
}

static const char *last_log(niact_game *g, int role, niact_log_kind kind) {
    size_t cur = 0;
    niact_log_entry e;
    const char *last = "";
    while (niact_game_log_next(g, role, &cur, &e))
        if (e.kind == kind)
            last = e.text;
    return last;
}

typedef struct fx {
    trace t;
    niact_rules rules;
    niact_scenario *sc;
    niact_game *g;
} fx;

static int setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    f->sc = make_scenario();
    f->t.legal_down = 1;
    f->rules = make_rules(&f->t);
    char msg[256];
    if (niact_game_new(f->sc, &f->rules, 77, &f->g, msg, sizeof msg) != NIACT_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fx *f = *state;
    niact_game_free(f->g);
    free(f);
    return 0;
}

static niact_order O(int role, int action, int32_t param) {
    return (niact_order){(int16_t)role, (int16_t)action, param};
}

static void test_start(void **state) {
    fx *f = *state;
    assert_int_equal(niact_game_turn(f->g), 0);
    assert_int_equal(niact_game_phase(f->g), NIACT_PHASE_BRIEFING);
    assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_NONE);
    niact_track_view v;
    assert_int_equal(niact_game_view_track(f->g, A, T_LEVEL, &v), NIACT_OK);
    assert_int_equal(v.vis, NIACT_VIS_TRUE);
    assert_int_equal(v.value, 5);
    int32_t s;
    assert_int_equal(niact_game_score(f->g, A, A, &s), NIACT_OK);
    assert_int_equal(s, (50 * 2 + 50 * 1 + 1) / 3); /* rounded weighted mean */
    assert_int_equal(niact_game_advance(f->g), NIACT_OK);
    assert_int_equal(niact_game_phase(f->g), NIACT_PHASE_NEGOTIATION);
    assert_int_equal(niact_game_advance(f->g), NIACT_OK);
    assert_int_equal(niact_game_advance(f->g), NIACT_ERR_STATE);
}

static void test_submit_checks(void **state) {
    fx *f = *state;
    niact_order os[4];
    os[0] = O(B, ACT_UP, 1);
    assert_int_equal(niact_game_submit(f->g, A, os, 1), NIACT_ERR_INVALID); /* other role */
    os[0] = O(A, ACT_WAR, 0);
    assert_int_equal(niact_game_submit(f->g, A, os, 1), NIACT_ERR_INVALID); /* not A's */
    os[0] = O(A, ACT_UP, 4);
    assert_int_equal(niact_game_submit(f->g, A, os, 1), NIACT_ERR_INVALID); /* param range */
    os[0] = O(A, ACT_DOWN, 3);
    assert_int_equal(niact_game_submit(f->g, A, os, 1), NIACT_ERR_INVALID); /* no param */
    os[0] = O(A, ACT_UP, 1);
    os[1] = O(A, ACT_UP, 2);
    assert_int_equal(niact_game_submit(f->g, A, os, 2), NIACT_ERR_INVALID); /* repeated */
    assert_non_null(strstr(niact_game_error(f->g), "once a turn"));
    os[0] = O(B, ACT_UP, 1);
    os[1] = O(B, ACT_DOWN, 0);
    os[2] = O(B, ACT_WAR, 0);
    assert_int_equal(niact_game_submit(f->g, B, os, 3), NIACT_ERR_INVALID); /* 3 > 2 points */
    assert_non_null(strstr(niact_game_error(f->g), "action points"));
    f->t.legal_down = 0;
    os[0] = O(A, ACT_DOWN, 0);
    assert_int_equal(niact_game_submit(f->g, A, os, 1), NIACT_ERR_INVALID); /* scenario test */
    assert_false(niact_game_submitted(f->g, A));
    f->t.legal_down = 1;
    for (int i = 0; i < 4; i++)
        os[i] = O(A, ACT_FREE, 0);
    assert_int_equal(niact_game_submit(f->g, A, os, 4), NIACT_OK); /* repeatable, free */
    assert_true(niact_game_submitted(f->g, A));
    assert_int_equal(niact_game_submit(f->g, 5, os, 0), NIACT_ERR_INVALID);
}

static void test_resolution_order(void **state) {
    fx *f = *state;
    /* priorities: down 10 < up 20 < spy 40 < war 50; ties by role, then listing. */
    niact_order a[3] = {O(A, ACT_SPY, 0), O(A, ACT_UP, 1), O(A, ACT_DOWN, 0)};
    niact_order b[2] = {O(B, ACT_DOWN, 0), O(B, ACT_UP, 2)};
    assert_int_equal(niact_game_submit(f->g, A, a, 3), NIACT_OK);
    assert_int_equal(niact_game_submit(f->g, B, b, 2), NIACT_OK);
    assert_int_equal(niact_game_resolve(f->g), NIACT_OK);
    /* a=A: 'a'+action; B: 'i'+action */
    assert_string_equal(f->t.seq, "bjaid");
    assert_int_equal(niact_game_turn(f->g), 1);
    assert_false(niact_game_submitted(f->g, A));
    int32_t v;
    assert_int_equal(niact_game_history(f->g, A, T_LEVEL, 1, &v), NIACT_OK);
    assert_int_equal(v, 6); /* 5 - 1 - 1 + 1 + 2 */
    assert_int_equal(niact_game_history(f->g, A, T_LEVEL, 0, &v), NIACT_OK);
    assert_int_equal(v, 5);
    assert_int_equal(niact_game_history(f->g, A, T_SECRET, 0, &v), NIACT_ERR_STATE);
}

static void test_voided_callback(void **state) {
    fx *f = *state;
    uint64_t rng_before;
    niact_order a[2] = {O(A, ACT_UP, 3), O(A, ACT_FAIL, 0)};
    assert_int_equal(niact_game_submit(f->g, A, a, 2), NIACT_OK);
    (void)rng_before;
    assert_int_equal(niact_game_resolve(f->g), NIACT_OK);
    niact_track_view v;
    niact_game_view_track(f->g, B, T_LEVEL, &v);
    assert_int_equal(v.value, 8); /* the up order stands, the failing one left no trace */
    assert_non_null(strstr(last_log(f->g, B, NIACT_LOG_ERROR), "action 'fail'"));
    assert_non_null(strstr(last_log(f->g, A, NIACT_LOG_ERROR), "deliberate failure"));
    size_t cur = 0;
    niact_log_entry e;
    while (niact_game_log_next(f->g, A, &cur, &e))
        assert_null(strstr(e.text, "should vanish"));
    assert_int_equal(niact_game_phase(f->g), NIACT_PHASE_BRIEFING); /* the game goes on */
}

/* A failing callback leaves no trace however much it wrote: a few writes are undone
 * one by one, more than the undo log holds through the snapshot (niact_core_touch). */
static void test_voided_many_writes(void **state) {
    fx *f = *state;
    int32_t counts[] = {1, 3, 9, 10, 200}; /* 7 cells each: 63 logged, 70: the snapshot */
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        niact_game *g = NULL, *ref = NULL;
        char msg[64];
        assert_int_equal(niact_game_new(f->sc, &f->rules, 5, &g, msg, sizeof msg), NIACT_OK);
        assert_int_equal(niact_game_new(f->sc, &f->rules, 5, &ref, msg, sizeof msg), NIACT_OK);
        niact_order a[3] = {O(A, ACT_UP, 2), O(A, ACT_SPY, 0), O(A, ACT_MANY, counts[c])};
        assert_int_equal(niact_game_submit(g, A, a, 3), NIACT_OK);
        assert_int_equal(niact_game_submit(ref, A, a, 2), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        assert_int_equal(niact_game_resolve(ref), NIACT_OK);
        assert_non_null(strstr(last_log(g, A, NIACT_LOG_ERROR), "action 'many'"));
        for (int r = A; r <= B; r++)
            for (int t = T_LEVEL; t <= T_MOOD; t++) {
                niact_track_view x, y;
                assert_int_equal(niact_game_view_track(g, r, t, &x), NIACT_OK);
                assert_int_equal(niact_game_view_track(ref, r, t, &y), NIACT_OK);
                assert_int_equal(x.vis, y.vis);
                assert_int_equal(x.value, y.value);
                assert_int_equal(x.error, y.error);
                assert_int_equal(x.turn_seen, y.turn_seen);
            }
        /* the same chance afterwards too: play both on the same way */
        for (int turn = 0; turn < 2; turn++) {
            niact_order b[1] = {O(A, ACT_SPY, 0)};
            assert_int_equal(niact_game_submit(g, A, b, 1), NIACT_OK);
            assert_int_equal(niact_game_submit(ref, A, b, 1), NIACT_OK);
            assert_int_equal(niact_game_resolve(g), NIACT_OK);
            assert_int_equal(niact_game_resolve(ref), NIACT_OK);
            niact_track_view x, y;
            niact_game_view_track(g, A, T_SECRET, &x);
            niact_game_view_track(ref, A, T_SECRET, &y);
            assert_int_equal(x.value, y.value);
            assert_int_equal(x.error, y.error);
        }
        niact_game_free(g);
        niact_game_free(ref);
    }
}

static void test_end_on_error(void **state) {
    fx *f = *state;
    f->sc->end_on_error = 1;
    f->t.fail_end = 1;
    assert_int_equal(niact_game_resolve(f->g), NIACT_OK);
    f->sc->end_on_error = 0;
    assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_ERROR);
    assert_int_equal(niact_game_phase(f->g), NIACT_PHASE_ENDED);
    assert_int_equal(niact_game_resolve(f->g), NIACT_ERR_STATE);
}

static void test_views_and_fog(void **state) {
    fx *f = *state;
    niact_track_view v;
    niact_game_view_track(f->g, A, T_MOOD, &v);
    assert_int_equal(v.vis, NIACT_VIS_NONE);
    assert_int_equal(v.value, 0);
    niact_game_view_track(f->g, A, T_SECRET, &v);
    assert_int_equal(v.vis, NIACT_VIS_ESTIMATE);
    assert_int_equal(v.value, 20);
    assert_int_equal(v.error, 30);
    assert_int_equal(v.turn_seen, -1);
    int32_t x;
    assert_int_equal(niact_game_truth(f->g, T_SECRET, &x), NIACT_ERR_STATE);
    assert_int_equal(niact_game_score(f->g, A, B, &x), NIACT_ERR_STATE);
    assert_int_equal(niact_game_objective_score(f->g, B, 0, &x), NIACT_ERR_STATE);
    size_t cur = 0;
    niact_log_entry e;
    assert_int_equal(niact_game_log_next(f->g, -1, &cur, &e), 0); /* omniscient: ended only */
    niact_order a = O(A, ACT_SPY, 0);
    niact_game_submit(f->g, A, &a, 1);
    niact_game_resolve(f->g);
    niact_game_view_track(f->g, A, T_SECRET, &v);
    assert_int_equal(v.error, 5);
    assert_in_range(v.value, 35, 45); /* truth 40 (+1 if the random event fired) +/- 5 */
    assert_int_equal(v.turn_seen, 0);
    assert_int_equal(niact_game_view_track(f->g, A, 9, &v), NIACT_ERR_INVALID);
}

static void test_events(void **state) {
    fx *f = *state;
    niact_track_view v;
    niact_game_resolve(f->g); /* turn 0: fixed event is for turn index 1 */
    niact_game_view_track(f->g, B, T_MOOD, &v);
    assert_int_equal(v.value, 1);
    niact_game_resolve(f->g);
    niact_game_view_track(f->g, B, T_MOOD, &v);
    assert_int_equal(v.value, 3);
    /* The condition fires the settlement once the level reaches 9. */
    niact_order a = O(A, ACT_UP, 3), b = O(B, ACT_UP, 1);
    niact_game_submit(f->g, A, &a, 1);
    niact_game_submit(f->g, B, &b, 1);
    niact_game_resolve(f->g);
    assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_SETTLEMENT);
    assert_string_equal(niact_game_outcome_text(f->g), "high enough");
    int32_t s;
    assert_int_equal(niact_game_score(f->g, A, B, &s), NIACT_OK); /* visible after the end */
    assert_int_equal(s, 100 - 90);
    assert_int_equal(niact_game_truth(f->g, T_SECRET, &s), NIACT_OK);
}

/* An event that opens its turn fires when the turn begins, before any order is given (so
 * its news is in that turn's briefing), once, and not again at resolution; an opening
 * event of the first turn fires when the game is created. */
static void test_opening_events(void **state) {
    (void)state;
    char msg[256];
    niact_track_view v;
    niact_scenario *sc = make_scenario();
    sc->events[EV_FIXED].opens_turn = 1;
    trace t = {.legal_down = 1};
    niact_rules rules = make_rules(&t);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(sc, &rules, 77, &g, msg, sizeof msg), NIACT_OK);
    niact_game_view_track(g, B, T_MOOD, &v);
    assert_int_equal(v.value, 1);
    assert_int_equal(niact_rules_fired(g, EV_FIXED), 0);
    niact_game_resolve(g); /* turn index 1 opens: the event fires now, before its orders */
    assert_int_equal(niact_game_phase(g), NIACT_PHASE_BRIEFING);
    niact_game_view_track(g, B, T_MOOD, &v);
    assert_int_equal(v.value, 3);
    assert_int_equal(niact_rules_fired(g, EV_FIXED), 1);
    niact_game_resolve(g); /* and it does not fire again at the resolution */
    assert_int_equal(niact_rules_fired(g, EV_FIXED), 1);
    niact_game_free(g);
    /* scheduled for the first turn: it fires as the game is created */
    sc = make_scenario();
    sc->events[EV_FIXED].opens_turn = 1;
    sc->events[EV_FIXED].turn = 0;
    assert_int_equal(niact_game_new(sc, &rules, 77, &g, msg, sizeof msg), NIACT_OK);
    niact_game_view_track(g, B, T_MOOD, &v);
    assert_int_equal(v.value, 3);
    niact_game_free(g);
}

static void test_war_zeroes_scores(void **state) {
    fx *f = *state;
    niact_order b = O(B, ACT_WAR, 0);
    niact_game_submit(f->g, B, &b, 1);
    niact_game_resolve(f->g);
    assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_WAR);
    for (int r = 0; r < 2; r++) {
        int32_t s = -1;
        niact_game_score(f->g, r, r, &s);
        assert_int_equal(s, 0);
    }
}

static void test_last_turn(void **state) {
    fx *f = *state;
    for (int t = 0; t < 4; t++) {
        assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_NONE);
        assert_int_equal(niact_game_resolve(f->g), NIACT_OK);
    }
    assert_int_equal(niact_game_outcome(f->g), NIACT_OUTCOME_LAST_TURN);
    assert_int_equal(niact_game_turn(f->g), 4);
    niact_order a = O(A, ACT_FREE, 0);
    assert_int_equal(niact_game_submit(f->g, A, &a, 1), NIACT_ERR_STATE);
}

/* Plays `turns` turns with fixed inputs; returns the hash. */
static uint64_t play(niact_game *g, int turns) {
    for (int t = 0; t < turns && niact_game_phase(g) != NIACT_PHASE_ENDED; t++) {
        niact_order a[2] = {O(A, ACT_SPY, 0), O(A, ACT_UP, 1)};
        niact_order b = O(B, ACT_DOWN, 0);
        niact_game_submit(g, A, a, 2);
        niact_game_submit(g, B, &b, 1);
        niact_game_resolve(g);
    }
    return niact_game_hash(g);
}

static void test_determinism_and_copies(void **state) {
    fx *f = *state;
    niact_game *g2 = NULL, *g3 = NULL, *c = NULL;
    char msg[64];
    assert_int_equal(niact_game_new(f->sc, &f->rules, 77, &g2, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_game_new(f->sc, &f->rules, 78, &g3, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_game_hash(f->g), niact_game_hash(g2));
    assert_int_not_equal(niact_game_hash(f->g), niact_game_hash(g3));
    play(f->g, 1);
    assert_int_equal(niact_game_clone(f->g, &c), NIACT_OK);
    assert_int_equal(niact_game_hash(c), niact_game_hash(f->g));
    assert_int_equal(niact_game_log_size(c), niact_game_log_size(f->g));
    uint64_t h1 = play(f->g, 3);
    niact_game_set_quiet(c, 1);
    uint64_t h2 = play(c, 3); /* quiet: no log text, same hashes */
    assert_int_equal(h1, h2);
    assert_int_equal(niact_game_log_size(c), 0);
    assert_int_equal(niact_game_copy(g2, f->g), NIACT_OK);
    assert_int_equal(niact_game_hash(g2), h1);
    for (int32_t t = 0; t <= niact_game_turn(f->g); t++) {
        uint64_t x, y;
        assert_int_equal(niact_game_turn_hash(f->g, t, &x), NIACT_OK);
        if (t <= 1) { /* sealed before the clone went quiet */
            assert_int_equal(niact_game_turn_hash(c, t, &y), NIACT_OK);
            assert_int_equal(x, y);
        } else { /* a quiet game keeps no per-turn hash */
            assert_int_equal(niact_game_turn_hash(c, t, &y), NIACT_ERR_STATE);
        }
    }
    niact_game_free(g2);
    niact_game_free(g3);
    niact_game_free(c);
}

static void test_calendar(void **state) {
    fx *f = *state;
    char d[16];
    assert_int_equal(niact_scenario_date(f->sc, 0, d, sizeof d), 0);
    assert_string_equal(d, "1962-11-01");
    niact_scenario_date(f->sc, 10, d, sizeof d);
    assert_string_equal(d, "1962-12-01");
    assert_int_equal(niact_scenario_turn_of(f->sc, "1962-11-06"), 1);
    assert_int_equal(niact_scenario_turn_of(f->sc, "1962-10-31"), -1);
    assert_int_equal(niact_scenario_turn_of(f->sc, "1962-02-30"), INT32_MIN);
    assert_int_equal(niact_scenario_turn_of(f->sc, "1962-11-6"), INT32_MIN);
    assert_int_equal(niact_scenario_track(f->sc, "mood"), T_MOOD);
    assert_int_equal(niact_scenario_track(f->sc, "nope"), -1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(test_start),         T(test_submit_checks), T(test_resolution_order),
        T(test_voided_callback), T(test_voided_many_writes), T(test_end_on_error),
        T(test_views_and_fog),
        T(test_events),
        cmocka_unit_test(test_opening_events),
        T(test_war_zeroes_scores), T(test_last_turn),
        T(test_determinism_and_copies), T(test_calendar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
