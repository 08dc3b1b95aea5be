/* The search AI: it takes the obvious good move and avoids the disaster, acts on what
 * its seat may know and never on the hidden truth, is deterministic, runs on another
 * thread with that thread's host, and plays through session seats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <pthread.h>

#include "niact/ai.h"
#include "niact/rules.h"
#include "support.h"

#define VAULT NIACT_TEST_DIR "/ai/scenarios/vault"
#define RELAY NIACT_TEST_DIR "/ai/scenarios/relay"
#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"

static niact_host *load(const char *dir) {
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    return h;
}

static int has(const niact_scenario *sc, const niact_order *o, int n, const char *id) {
    for (int i = 0; i < n; i++)
        if (strcmp(sc->actions[o[i].action].meta.id, id) == 0)
            return 1;
    return 0;
}

static niact_ai_config level(niact_ai_level l) {
    niact_ai_config c;
    assert_int_equal(niact_ai_level_config(l, &c), NIACT_OK);
    return c;
}

static void test_levels(void **st) {
    (void)st;
    assert_int_equal(niact_ai_parse_level("mcts-easy"), NIACT_AI_EASY);
    assert_int_equal(niact_ai_parse_level("mcts-medium"), NIACT_AI_MEDIUM);
    assert_int_equal(niact_ai_parse_level("mcts-hard"), NIACT_AI_HARD);
    assert_int_equal(niact_ai_parse_level("hawk"), NIACT_AI_NONE);
    niact_ai_config c;
    assert_int_equal(niact_ai_level_config(NIACT_AI_NONE, &c), NIACT_ERR_INVALID);
    assert_int_equal(niact_ai_parse_level("mcts-deep"), NIACT_AI_DEEP);
    /* The levels are budgets, each a step up; the horizon grows with them. */
    for (int l = NIACT_AI_EASY; l < NIACT_AI_DEEP; l++) {
        assert_true(level((niact_ai_level)l).budget < level((niact_ai_level)(l + 1)).budget);
        assert_true(level((niact_ai_level)l).horizon < level((niact_ai_level)(l + 1)).horizon);
        assert_int_equal(level((niact_ai_level)l).time_limit_ms, 0); /* deterministic */
    }
    /* A seat may name its own budget: "mcts-LEVEL:UNITS". */
    assert_int_equal(niact_ai_parse_level("mcts-hard:30000"), NIACT_AI_HARD);
    assert_int_equal(niact_ai_named_config("mcts-easy:50", &c), NIACT_OK);
    assert_int_equal(c.budget, 50);
    assert_int_equal(c.horizon, level(NIACT_AI_EASY).horizon);
    assert_int_equal(niact_ai_config_check(&c, NULL, 0), NIACT_OK);
    assert_int_equal(niact_ai_named_config("mcts-deep", &c), NIACT_OK);
    assert_int_equal(c.budget, level(NIACT_AI_DEEP).budget);
    static const char *const bad[] = {"mcts-hard:", "mcts-hard:0", "mcts-hard:x1",
                                      "mcts-hard:10000000", "mcts-hard:-5", "mcts-hardest",
                                      "mcts-hard:1:2", "mcts", "mcts-hard 5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (niact_ai_parse_level(bad[i]) != NIACT_AI_NONE)
            fail_msg("'%s' was taken as a level", bad[i]);
        assert_int_equal(niact_ai_named_config(bad[i], &c), NIACT_ERR_INVALID);
    }
}

/* A long game whose score is the turn: the horizon's evaluation is easy to see. */
static char *long_scenario(int turns, int extra_tracks) {
    char *dir = ts_tempdir(), text[4096];
    snprintf(text, sizeof text,
             "local tracks = { niact.track{ id = 'x', min = 0, max = 1000, initial = 0 } }\n"
             "for i = 1, %d do tracks[#tracks + 1] = niact.track{ id = 'pad' .. i } end\n"
             "return niact.scenario{ name = 'Long',\n"
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = %d },\n"
             "  roles = { niact.role{ id = 'me', action_points = 1 }, niact.role{ id = 'you' } },\n"
             "  tracks = tracks,\n"
             "  actions = { niact.action{ id = 'up', roles = { 'me', 'you' }, cost = 1,\n"
             "      resolve = function(state) state:add('x', 1) end },\n"
             "    niact.action{ id = 'rest', roles = { 'me', 'you' }, cost = 1,\n"
             "      resolve = function() end } },\n"
             "  objectives = { niact.objective{ id = 'late', role = 'me',\n"
             "      score = function(state) return math.min(100, 2 * state:turn()) end },\n"
             "    niact.objective{ id = 'y', role = 'you', score = function() return 50 end } },\n"
             "}\n",
             extra_tracks, turns);
    ts_write(dir, "scenario.lua", text);
    return dir;
}

/* Playouts stop at the horizon, and the position there is scored by the scenario's
 * objectives: every playout from turn 1 of a 40-turn game simulates 1 + horizon turns
 * (no more), and the value is the score after them; without a horizon, 40 turns. */
static void test_horizon_stops_playouts(void **st) {
    (void)st;
    char *dir = long_scenario(40, 0);
    niact_host *h = load(dir);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_true(niact_ai_turn_weight(sc) == 1.0); /* a small scenario: a unit a turn */
    niact_game *g = NULL, *ref = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 3, &g, NULL, 0), NIACT_OK);
    niact_ai_config c = level(NIACT_AI_MEDIUM);
    c.particles = 0; /* only playouts spend the budget */
    c.horizon = 3;
    niact_order o[NIACT_MAX_ORDERS];
    int n;
    niact_ai_stats a, b;
    assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, &a), NIACT_OK);
    assert_true(a.playouts > 0);
    assert_true(a.spent == (double)a.playouts * (1 + c.horizon));
    /* The score after four turns, as the scenario computes it. */
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 3, &ref, NULL, 0), NIACT_OK);
    for (int t = 0; t < 1 + c.horizon; t++)
        assert_int_equal(niact_game_resolve(ref), NIACT_OK);
    int32_t at_horizon = 0;
    assert_int_equal(niact_game_score(ref, 0, 0, &at_horizon), NIACT_OK);
    assert_true(at_horizon > 0 && at_horizon < 20);
    assert_true(fabs(a.value - at_horizon / 100.0) < 1e-9);
    /* To the game's end: 40 turns a playout, and the end's score. */
    c.horizon = 0;
    assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, &b), NIACT_OK);
    assert_true(b.spent == (double)b.playouts * 40);
    assert_true(b.value > 0.75);
    niact_game_free(ref);
    niact_game_free(g);
    niact_host_free(h);
    ts_rmdir(dir);
}

/* The budget is counted in simulated turns, never in time: the same game and seed give
 * the same decision and the same search (playouts, units, histories), again and again;
 * a scenario ten times larger costs ten times the units a turn, so the same budget
 * buys a tenth of the playouts. */
static void test_budget_deterministic(void **st) {
    (void)st;
    char *small = long_scenario(40, 0), *big = long_scenario(40, 1825);
    niact_host *h = load(small), *hb = load(big);
    double wb = niact_ai_turn_weight(niact_host_scenario(hb));
    niact_ai_stats one = {0};
    assert_true(wb > 9.0 && wb < 11.0); /* 1,830 declarations x 2 roles against 122 x 3 */
    for (int k = 0; k < 2; k++) {
        niact_host *hh = k ? hb : h;
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(niact_host_scenario(hh), niact_host_rules(hh), 9, &g,
                                        NULL, 0), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        niact_ai_config c = level(NIACT_AI_EASY);
        niact_order o1[NIACT_MAX_ORDERS], o2[NIACT_MAX_ORDERS];
        int n1 = 0, n2 = 0;
        niact_ai_stats a, b;
        assert_int_equal(niact_ai_think(hh, g, 0, &c, o1, &n1, &a), NIACT_OK);
        assert_int_equal(niact_ai_think(hh, g, 0, &c, o2, &n2, &b), NIACT_OK);
        assert_int_equal(n1, n2);
        assert_memory_equal(o1, o2, (size_t)n1 * sizeof *o1);
        assert_int_equal(a.playouts, b.playouts);
        assert_int_equal(a.particles, b.particles);
        assert_true(a.spent == b.spent && a.value == b.value);
        assert_true(a.spent >= c.budget && a.spent <= c.budget * 1.3);
        if (k) { /* the large scenario: fewer playouts and histories for the same units */
            assert_true(a.particles < one.particles && a.playouts < one.playouts);
            print_message("budget %d: %d playouts and %d histories in the small scenario, %d "
                          "and %d in one 10x its size\n", c.budget, one.playouts,
                          one.particles, a.playouts, a.particles);
        }
        one = a;
        niact_game_free(g);
    }
    niact_host_free(h);
    niact_host_free(hb);
    ts_rmdir(small);
    ts_rmdir(big);
}

/* Every level grabs the gold and never provokes the war. */
static void test_obvious_move(void **st) {
    (void)st;
    niact_host *h = load(VAULT);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 7, &g, NULL, 0), NIACT_OK);
    for (int l = NIACT_AI_EASY; l <= NIACT_AI_HARD; l++) {
        niact_ai_config c = level((niact_ai_level)l);
        niact_order o[NIACT_MAX_ORDERS];
        int n = -1;
        niact_ai_stats stats;
        assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, &stats), NIACT_OK);
        assert_true(has(sc, o, n, "grab"));
        assert_false(has(sc, o, n, "provoke"));
        /* The level's budget is spent (one sample group may go past it), within the
         * bound on iterations. */
        assert_true(stats.playouts > 0 && stats.playouts <= c.playouts);
        assert_true(stats.spent >= c.budget * 0.9 && stats.spent <= c.budget * 1.2);
        assert_true(stats.root_children > 1);
        assert_true(stats.value > 0.0); /* a war would score 0 */
    }
    niact_game_free(g);
    niact_host_free(h);
}

/* Flat search (the root's choices only): the clearest view of what one turn's orders
 * are worth to the seat. */
static void think(niact_host *h, niact_game *g, niact_order *o, int *n) {
    niact_ai_config c = level(NIACT_AI_MEDIUM);
    c.depth = 1;
    assert_int_equal(niact_ai_think(h, g, 0, &c, o, n, NULL), NIACT_OK);
}

/* The seat believes the vault is rich (estimate 80 +/- 0): it opens it whether the truth
 * is rich or poor, and decides exactly the same either way, whatever the game's hidden
 * random state. */
static void test_no_peeking(void **st) {
    (void)st;
    niact_host *h = load(VAULT);
    const niact_scenario *sc = niact_host_scenario(h);
    int vault = niact_scenario_track(sc, "vault");
    niact_game *rich = NULL, *poor = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 3, &rich, NULL, 0), NIACT_OK);
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 3, &poor, NULL, 0), NIACT_OK);
    niact_rules_set(rich, vault, 100);
    niact_rules_set(poor, vault, 0);
    niact_rng_seed(niact_rules_rng(poor), 999, 1);
    niact_rules_set_estimate(rich, 0, vault, 80, 0);
    niact_rules_set_estimate(poor, 0, vault, 80, 0);
    niact_order a[NIACT_MAX_ORDERS], b[NIACT_MAX_ORDERS];
    int na = 0, nb = 0;
    think(h, rich, a, &na);
    think(h, poor, b, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, (size_t)na * sizeof *a);
    assert_true(has(sc, a, na, "open"));
    assert_true(has(sc, a, na, "grab"));
    /* Believing it poor (estimate 10), it leaves the vault shut. */
    niact_rules_set_estimate(rich, 0, vault, 10, 0);
    think(h, rich, a, &na);
    assert_false(has(sc, a, na, "open"));
    niact_game_free(rich);
    niact_game_free(poor);
    niact_host_free(h);
}

/* Later in the game an unseen track (mood) comes from simulated histories: still
 * nothing of the hidden truth may leak into the decision. */
static void test_no_peeking_later(void **st) {
    (void)st;
    niact_host *h = load(VAULT);
    const niact_scenario *sc = niact_host_scenario(h);
    int vault = niact_scenario_track(sc, "vault");
    niact_game *g[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), 8, &g[k], NULL, 0), NIACT_OK);
        niact_order grab = {0, (int16_t)niact_scenario_action(sc, "grab"), 0};
        assert_int_equal(niact_game_submit(g[k], 0, &grab, 1), NIACT_OK);
        assert_int_equal(niact_game_resolve(g[k]), NIACT_OK);
        niact_rules_set(g[k], vault, k ? 5 : 95);
        niact_rules_set(g[k], niact_scenario_track(sc, "mood"), k ? 0 : 10);
        niact_rules_set_estimate(g[k], 0, vault, 70, 10);
    }
    niact_order a[NIACT_MAX_ORDERS], b[NIACT_MAX_ORDERS];
    int na = 0, nb = 0;
    niact_ai_config c = level(NIACT_AI_MEDIUM);
    niact_ai_stats sa, sb;
    assert_int_equal(niact_ai_think(h, g[0], 0, &c, a, &na, &sa), NIACT_OK);
    assert_int_equal(niact_ai_think(h, g[1], 0, &c, b, &nb, &sb), NIACT_OK);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, (size_t)na * sizeof *a);
    assert_true(sa.value == sb.value);
    niact_game_free(g[0]);
    niact_game_free(g[1]);
    niact_host_free(h);
}

/* Same game, same seat: the same orders; the snapshot is not changed. */
static void test_deterministic(void **st) {
    (void)st;
    niact_host *h = load(TESTLAND);
    const niact_scenario *sc = niact_host_scenario(h);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(sc, niact_host_rules(h), 11, &g, NULL, 0), NIACT_OK);
    for (int r = 0; r < sc->n_roles; r++) {
        uint64_t before = niact_game_hash(g);
        niact_order a[NIACT_MAX_ORDERS], b[NIACT_MAX_ORDERS];
        int na = 0, nb = 0;
        niact_ai_config c = level(NIACT_AI_EASY);
        assert_int_equal(niact_ai_think(h, g, r, &c, a, &na, NULL), NIACT_OK);
        assert_int_equal(niact_ai_think(h, g, r, &c, b, &nb, NULL), NIACT_OK);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, (size_t)na * sizeof *a);
        assert_true(before == niact_game_hash(g)); /* the snapshot is untouched */
        assert_int_equal(niact_game_submit(g, r, a, na), NIACT_OK);
    }
    assert_int_equal(niact_game_resolve(g), NIACT_OK);
    niact_order x[NIACT_MAX_ORDERS], y[NIACT_MAX_ORDERS];
    int nx = 0, ny = 0;
    niact_ai_config e = level(NIACT_AI_EASY);
    uint64_t mid = niact_game_hash(g);
    assert_int_equal(niact_ai_think(NULL, g, 1, &e, x, &nx, NULL), NIACT_OK);
    assert_int_equal(niact_ai_think(NULL, g, 1, &e, y, &ny, NULL), NIACT_OK);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, (size_t)nx * sizeof *x);
    assert_true(mid == niact_game_hash(g));
    niact_order o[NIACT_MAX_ORDERS];
    int n;
    niact_ai_config c = level(NIACT_AI_EASY);
    assert_int_equal(niact_ai_think(h, g, -1, &c, o, &n, NULL), NIACT_ERR_INVALID);
    niact_game_free(g);
    niact_host_free(h);
}

typedef struct job {
    const niact_game *snapshot;
    niact_order o[NIACT_MAX_ORDERS];
    int n;
    niact_status st;
} job;

static void *worker(void *arg) {
    job *j = arg;
    niact_host *h = NULL;
    char msg[4096];
    if (ts_load(VAULT, &h, msg, sizeof msg) != NIACT_OK) {
        j->st = NIACT_ERR_SCRIPT;
        return NULL;
    }
    niact_ai_config c;
    niact_ai_level_config(NIACT_AI_MEDIUM, &c);
    c.depth = 1;
    j->st = niact_ai_think(h, j->snapshot, 0, &c, j->o, &j->n, NULL);
    niact_host_free(h);
    return NULL;
}

/* A front end's worker thread thinks with its own host on a snapshot of the game; the
 * answer is the one the game's own host gives. */
static void test_thread(void **st) {
    (void)st;
    niact_host *h = load(VAULT);
    niact_game *g = NULL, *snap = NULL;
    assert_int_equal(niact_game_new(niact_host_scenario(h), niact_host_rules(h), 5, &g, NULL, 0),
                     NIACT_OK);
    assert_int_equal(niact_game_clone(g, &snap), NIACT_OK);
    job j = {snap, {{0}}, 0, NIACT_OK};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, worker, &j), 0);
    niact_order o[NIACT_MAX_ORDERS];
    int n = 0;
    think(h, g, o, &n); /* the UI thread's own host stays usable meanwhile */
    pthread_join(t, NULL);
    assert_int_equal(j.st, NIACT_OK);
    assert_int_equal(j.n, n);
    assert_memory_equal(j.o, o, (size_t)n * sizeof *o);
    niact_game_free(snap);
    niact_game_free(g);
    niact_host_free(h);
}

/* "ai:mcts-easy" seats play whole games through the session, deterministically. */
static void test_session_seats(void **st) {
    (void)st;
    niact_host *h = load(TESTLAND);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    assert_int_equal(niact_seat_parse("ai:mcts-easy", &seats[0]), 0);
    assert_int_equal(niact_seat_parse("ai:hawk", &seats[1]), 0);
    assert_int_equal(niact_seat_parse("ai:mcts-medium", &seats[2]), 0);
    uint64_t hash[2];
    for (int k = 0; k < 2; k++) {
        niact_session *s = NULL;
        char msg[1024];
        assert_int_equal(niact_session_new(h, 42, seats, &s, msg, sizeof msg), NIACT_OK);
        assert_int_equal(niact_session_play_out(s), NIACT_OK);
        hash[k] = niact_game_hash(niact_session_game(s));
        niact_session_free(s);
    }
    assert_true(hash[0] == hash[1]);
    niact_seat_parse("ai:mcts-impossible", &seats[0]);
    niact_session *s = NULL;
    assert_int_equal(niact_session_new(h, 1, seats, &s, NULL, 0), NIACT_ERR_INVALID);
    niact_host_free(h);
}

/* Every field of an AI config has bounds; a value outside them (zero where at least one
 * is needed, negative, huge, not a number) is NIACT_ERR_INVALID with the field named,
 * never a crash (max_children = 0 was a segfault) or a search that never ends. */
typedef struct bound {
    const char *field;
    size_t offset;
    int is_double;
    double bad[4]; /* NAN ends the list for int fields (a NaN is tested on doubles) */
    double lo, hi; /* the bounds, valid */
} bound;

#define F(name, dbl, ...) #name, offsetof(niact_ai_config, name), dbl, __VA_ARGS__

static const bound bounds[] = {
    {F(playouts, 0, {0, -1, 1000001, 2147483647.0}, 1, 1000000)},
    {F(horizon, 0, {-1, 10001, -2147483647.0, NAN}, 0, 10000)},
    {F(budget, 0, {-1, 10000000, -2147483647.0, 2147483647.0}, 0, 9999999)},
    {F(exploration, 1, {-0.1, 100.5, INFINITY, NAN}, 0, 100)},
    {F(widening, 1, {-1, 1e9, -INFINITY, NAN}, 0, 100)},
    {F(max_children, 0, {0, -5, 257, 1e9}, 1, 256)},
    {F(personalities, 0, {-1, 2, NAN, NAN}, 0, 1)},
    {F(random_share, 1, {-0.01, 1.01, NAN, NAN}, 0, 1)},
    {F(consistent, 0, {-1, 7, NAN, NAN}, 0, 1)},
    {F(particles, 0, {-1, 10001, 2147483647.0, NAN}, 0, 10000)},
    {F(depth, 0, {0, -1, 61, 1000}, 1, 60)},
};

static void set_field(niact_ai_config *c, const bound *b, double v) {
    char *p = (char *)c + b->offset;
    if (b->is_double)
        *(double *)p = v;
    else if (b->offset == offsetof(niact_ai_config, personalities) ||
             b->offset == offsetof(niact_ai_config, consistent))
        *(int *)p = (int)v;
    else
        *(int32_t *)p = (int32_t)v;
}

static void test_config_bounds(void **st) {
    (void)st;
    niact_host *h = load(VAULT);
    niact_game *g = NULL;
    assert_int_equal(niact_game_new(niact_host_scenario(h), niact_host_rules(h), 7, &g, NULL, 0),
                     NIACT_OK);
    niact_order o[NIACT_MAX_ORDERS];
    int n = -1;
    char why[200];
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
        const bound *b = &bounds[i];
        for (int k = 0; k < 4; k++) {
            if (isnan(b->bad[k]) && !b->is_double)
                break;
            niact_ai_config c = level(NIACT_AI_EASY);
            set_field(&c, b, b->bad[k]);
            assert_int_equal(niact_ai_config_check(&c, why, sizeof why), NIACT_ERR_INVALID);
            if (!strstr(why, b->field))
                fail_msg("%s = %g: '%s' does not name the field", b->field, b->bad[k], why);
            assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, NULL), NIACT_ERR_INVALID);
            assert_int_equal(n, 0);
        }
        /* Both bounds are valid. */
        for (int k = 0; k < 2; k++) {
            niact_ai_config c = level(NIACT_AI_EASY);
            set_field(&c, b, k ? b->hi : b->lo);
            if (niact_ai_config_check(&c, why, sizeof why) != NIACT_OK)
                fail_msg("%s = %g refused: %s", b->field, k ? b->hi : b->lo, why);
        }
    }
    assert_int_equal(niact_ai_config_check(NULL, why, sizeof why), NIACT_ERR_INVALID);
    assert_int_equal(niact_ai_think(h, g, 0, NULL, o, &n, NULL), NIACT_ERR_INVALID);
    /* The smallest search there is still plays: one playout, one candidate, no
     * histories, no exploration, no widening. */
    niact_ai_config c = level(NIACT_AI_EASY);
    c.playouts = 1;
    c.max_children = 1;
    c.particles = 0;
    c.depth = 1;
    c.exploration = 0;
    c.widening = 0;
    niact_ai_stats stats;
    assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, &stats), NIACT_OK);
    assert_int_equal(stats.root_children, 1);
    niact_game_free(g);
    niact_host_free(h);
}

/* Two orders of the same priority resolve in the order given: the search keeps a
 * personality's order (prime, then fire) instead of sorting it by action (fire first,
 * which pays nothing), at every level, and the game pays for it. */
static void test_resolution_order(void **st) {
    (void)st;
    niact_host *h = load(RELAY);
    const niact_scenario *sc = niact_host_scenario(h);
    for (int l = NIACT_AI_EASY; l <= NIACT_AI_HARD; l++) {
        niact_game *g = NULL;
        assert_int_equal(niact_game_new(sc, niact_host_rules(h), 3, &g, NULL, 0), NIACT_OK);
        niact_ai_config c = level((niact_ai_level)l);
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        assert_int_equal(niact_ai_think(h, g, 0, &c, o, &n, NULL), NIACT_OK);
        assert_int_equal(n, 2);
        assert_string_equal(sc->actions[o[0].action].meta.id, "prime");
        assert_string_equal(sc->actions[o[1].action].meta.id, "fire");
        assert_int_equal(niact_game_submit(g, 0, o, n), NIACT_OK);
        assert_int_equal(niact_game_submit(g, 1, NULL, 0), NIACT_OK);
        assert_int_equal(niact_game_resolve(g), NIACT_OK);
        int32_t score = 0;
        assert_int_equal(niact_game_score(g, 0, 0, &score), NIACT_OK);
        assert_int_equal(score, 20); /* 60 gold: the relay was primed before it fired */
        niact_game_free(g);
    }
    niact_host_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels),        cmocka_unit_test(test_obvious_move),
        cmocka_unit_test(test_no_peeking),    cmocka_unit_test(test_no_peeking_later),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_thread),        cmocka_unit_test(test_session_seats),
        cmocka_unit_test(test_config_bounds),
        cmocka_unit_test(test_horizon_stops_playouts),
        cmocka_unit_test(test_budget_deterministic),
        cmocka_unit_test(test_resolution_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
