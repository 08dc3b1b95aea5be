/* niact check plays what players play (include/niact/check.h): every mistake class of
 * issue 12 in a small broken scenario, each found with the FILE:LINE where it was raised
 * or where its callback was written, and counted once with how often and in how many
 * games; a play-time error is told once a game; sim reports the scenario's errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/wait.h>

#include "niact/check.h"
#include "support.h"

/* The frame of every test scenario: two roles, one track, three turns (no end check, so
 * every game lasts three turns). Line 1 requires rules.lua as R and personalities.lua
 * as P (files the test writes; both empty tables unless it does); FIELDS go inside the
 * scenario table from line 6 on. */
static char *scenario(const char *fields) {
    char *dir = ts_tempdir();
    assert_non_null(dir);
    char text[8192];
    snprintf(text, sizeof text,
             "local R, P = require('rules'), require('personalities')\n"               /* 1 */
             "return niact.scenario{ name = 'Broken', api_version = 2,\n"                           /* 2 */
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n" /* 3 */
             "  roles = { niact.role{ id = 'us' }, niact.role{ id = 'them' } },\n"    /* 4 */
             "  tracks = { niact.track{ id = 't', min = 0, max = 10 } },\n"           /* 5 */
             "%s}\n",
             fields);
    ts_write(dir, "scenario.lua", text);
    ts_write(dir, "rules.lua", "return {}\n");
    ts_write(dir, "personalities.lua", "return {}\n");
    return dir;
}

/* A plain action for both roles (line 6-7) and an objective that moves for each (8-9), so
 * that only the mistake under test is found (a role without objective is warned of). */
#define PLAIN_ACTION                                                                    \
    "  actions = { niact.action{ id = 'push', roles = { 'us', 'them' },\n"              \
    "    resolve = function(state) state:add('t', 1) end } },\n"
#define PLAIN_OBJECTIVE                                                                 \
    "  objectives = { niact.objective{ id = 'o', role = 'us',\n"                        \
    "    score = function(state) return state:get('t') * 10 end }, niact.objective{ "     \
    "id = 'o2', role = 'them', score = function(state) return state:get('t') end } },\n"

static niact_findings *run_check(const char *dir, int seeds, niact_check_summary *sum) {
    niact_findings *f = niact_findings_new();
    assert_non_null(f);
    niact_check_options opt = {.seeds = seeds};
    char msg[8192];
    niact_status st = niact_check_run(dir, &opt, f, sum, msg, sizeof msg);
    if (st != NIACT_OK)
        fail_msg("check did not run: %s", msg);
    return f;
}

/* Every finding, one a line, for failure messages. */
static const char *all_findings(const niact_findings *f) {
    static char all[16384];
    size_t used = 0;
    all[0] = 0;
    for (size_t i = 0; i < niact_findings_count(f) && used < sizeof all - 700; i++) {
        char one[2600];
        const niact_finding *x = niact_findings_at(f, i);
        niact_finding_format(x, one, sizeof one);
        used += (size_t)snprintf(all + used, sizeof all - used, "%s:%d: %.600s\n", x->e.file,
                                 (int)x->e.line, one);
    }
    return all;
}

/* The finding whose reason contains `needle` (the test fails if there is none). */
static const niact_finding *finding(const niact_findings *f, const char *needle) {
    for (size_t i = 0; i < niact_findings_count(f); i++)
        if (strstr(niact_findings_at(f, i)->e.reason, needle))
            return niact_findings_at(f, i);
    fail_msg("no finding '%s' among:\n%s", needle, all_findings(f));
    return NULL;
}

/* The finding is an error (or warning) at FILE:LINE, in CONTEXT (NULL: any), seen COUNT
 * times (-1: any, at least once) in GAMES games (-1: any). */
static void expect(const niact_findings *f, const char *needle, int warning, const char *file,
                   int line, const char *context, int64_t count, int64_t games) {
    const niact_finding *x = finding(f, needle);
    if (x->warning != warning || strcmp(x->e.file, file) || x->e.line != line ||
        (context && strcmp(x->e.context, context)) || (count >= 0 && x->count != count) ||
        x->count < 1 || (games >= 0 && x->games != games))
        fail_msg("'%s': %s %s:%d (in %s) x%lld across %lld games; want %s %s:%d (in %s) "
                 "x%lld across %lld games",
                 needle, x->warning ? "warning" : "error", x->e.file, (int)x->e.line,
                 x->e.context, (long long)x->count, (long long)x->games,
                 warning ? "warning" : "error", file, line, context ? context : "*",
                 (long long)count, (long long)games);
}

/* A personality that errors, and one that names an unknown action (an error raised after
 * the function returned: at the line where it was written). Each is asked every turn of
 * every game it plays: 3 turns x 2 seeds. */
static void test_personality_errors(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE
                         "  personalities = { calm = { us = P.us }, bad = { them = P.them } },\n");
    ts_write(dir, "personalities.lua",
             "local P = {}\n"
             "function P.us(state)\n"
             "  local plan = nil\n"
             "  return { plan.first }\n"
             "end\n"
             "function P.them(state)\n"
             "  return { 'push', 'no_such_action' }\n"
             "end\n"
             "return P\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 2, &sum);
    assert_int_equal(sum.games, 6); /* random seats, calm, bad: 2 seeds each */
    expect(f, "attempt to index a nil value", 0, "personalities.lua", 4,
           "personality 'calm' for 'us'", 6, 2);
    expect(f, "no action 'no_such_action' (order 2 of the list)", 0, "personalities.lua", 6,
           "personality 'bad' for 'them'", 6, 2);
    assert_int_equal(niact_findings_errors(f), 2);
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* A term's value that errors is reported (the AI took it as 0, in silence), and so is a
 * term's legality test that errors when the AI proposes the term. */
static void test_term_errors(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE "  terms = R.terms,\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "R.terms = {\n"
             "  niact.term{ id = 'loan', givers = { 'them' },\n"
             "    value = function(state, role, giver)\n"
             "      if role == 'them' then return 5 end\n"
             "      return state:get('nope')\n"
             "    end },\n"
             "  niact.term{ id = 'gift', givers = { 'us' }, value = function() return 5 end,\n"
             "    legal = function(state, from)\n"
             "      return from.length > 0\n"
             "    end },\n"
             "}\n"
             "return R\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 2, &sum);
    assert_int_equal(sum.games, 2);
    expect(f, "no track 'nope'", 0, "rules.lua", 6, "term 'loan' (value)", -1, 2);
    expect(f, "attempt to compare number with nil", 0, "rules.lua", 10,
           "legality test of term 'gift'", -1, 2);
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* The rules' callbacks in another file: each error at the line where it was raised, or
 * for a result the engine cannot use, where the callback was written (not scenario.lua
 * with no line). Counted once each time it runs: turn_end, the event and end_check after
 * each of 3 turns, the score at the start and after each turn (4), in 2 games. */
static void test_rules_callback_errors(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION
                         "  objectives = { niact.objective{ id = 'o', role = 'us', score = R.score } },\n"
                         "  events = { niact.event{ id = 'storm', effect = R.storm } },\n"
                         "  turn_end = R.turn_end, end_check = R.end_check,\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "function R.score(state)\n"
             "  return 'high'\n"
             "end\n"
             "function R.storm(state)\n"
             "  state:add('t', nil)\n"
             "end\n"
             "function R.turn_end(state)\n"
             "  error('turn_end is broken')\n"
             "end\n"
             "R.end_check = function(state) return 'peace' end\n"
             "return R\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 2, &sum);
    expect(f, "score must return a number from 0 to 100, not string", 0, "rules.lua", 2,
           "objective 'o'", 8, 2);
    expect(f, "bad argument #2 to 'add'", 0, "rules.lua", 6, "event 'storm'", 6, 2);
    expect(f, "turn_end is broken", 0, "rules.lua", 9, "turn end", 6, 2);
    expect(f, "end_check must return nil or a declared outcome (and a text); 'peace' is not "
              "declared", 0, "rules.lua", 11, "end check", 6, 2);
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* An error raised inside the shared library (scripts/lib) is placed at the modder's own
 * line that called it, with the library's line in the reason. */
static void test_library_error_at_callers_line(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE "  turn_end = R.turn_end,\n");
    ts_write(dir, "rules.lua",
             "local util = require('util')\n"
             "local R = {}\n"
             "function R.turn_end(state)\n"
             "  state:set('t', util.clamp(nil, 0, 10))\n"
             "end\n"
             "return R\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 1, &sum);
    expect(f, "(raised in lib/util.lua:", 0, "rules.lua", 4, "turn end", 3, 1);
    assert_string_equal(finding(f, "raised in")->e.source, "state:set('t', util.clamp(nil, 0, 10))");
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* An error in setup: every game fails to start, and the error is at its line, once a game. */
static void test_setup_error(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE "  setup = R.setup,\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "function R.setup(state)\n"
             "  local opening = nil\n"
             "  state:set('t', opening.value)\n"
             "end\n"
             "return R\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 3, &sum);
    expect(f, "attempt to index a nil value (local 'opening')", 0, "rules.lua", 4, "setup", 3, 3);
    assert_int_equal(niact_findings_count(f), 1); /* not again as "the game cannot start" */
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* What only playing shows, as warnings: an action never legal (asked at each turn's start
 * for its one role: 3 a game, 4 games), a legality test that answers a number, an
 * objective that never scores (after the setup and each of 3 turns, 4 games), and a
 * personality whose every order is refused (3 turns x 2 games it plays). */
static void test_runtime_warnings(void **st) {
    (void)st;
    char *dir = scenario(
        "  actions = { niact.action{ id = 'push', roles = { 'us', 'them' },\n"      /* 6 */
        "    resolve = function(state) state:add('t', 1) end },\n"                  /* 7 */
        "    niact.action{ id = 'never', roles = { 'us' }, resolve = R.nothing,\n"  /* 8 */
        "      legal = function(state) return state:get('t') > 99 end },\n"         /* 9 */
        "    niact.action{ id = 'counted', roles = { 'them' }, resolve = R.nothing,\n" /* 10 */
        "      legal = R.counted },\n"                                              /* 11 */
        "    niact.action{ id = 'dear', roles = { 'us' }, cost = 5, resolve = R.nothing } },\n" /* 12 */
        "  objectives = { niact.objective{ id = 'flat', role = 'us',\n"             /* 13 */
        "    score = function(state) return 0 end }, niact.objective{ id = 'moves', role = "
        "'them', score = function(state) return state:get('t') end } },\n"         /* 14 */
        "  personalities = { timid = { us = P.us } },\n");                          /* 15 */
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "function R.nothing(state) end\n"
             "function R.counted(state, role)\n"
             "  return state:get('t')\n"
             "end\n"
             "return R\n");
    ts_write(dir, "personalities.lua",
             "local P = {}\n"
             "P.us = function(state)\n"
             "  return { 'dear' }\n"
             "end\n"
             "return P\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 2, &sum);
    assert_int_equal(sum.games, 4);
    assert_int_equal(niact_findings_errors(f), 0);
    expect(f, "action 'never' was never legal", 1, "scenario.lua", 8, NULL, 12, 4);
    expect(f, "returned a number, which counts as true", 1, "rules.lua", 3,
           "legality test of 'counted'", -1, 4);
    expect(f, "objective 'flat' scored 0 after every turn of every game", 1, "scenario.lua", 13,
           NULL, 16, 4);
    expect(f, "personality 'timid' for 'us': every order it gave was refused", 1,
           "personalities.lua", 2, NULL, 6, 2);
    assert_non_null(strstr(finding(f, "'timid'")->e.reason,
                           "'dear', it costs 5 action points and 3 are left"));
    assert_int_equal(niact_findings_count(f), 4);
    /* and what the declarations alone show, at load: 'dear' costs more than 'us' has */
    assert_int_equal(sum.n_load_warnings, 1);
    assert_non_null(strstr(sum.load_warnings, "scenario.lua:12: warning: action 'dear' costs 5 "
                                              "and role 'us' has 3 action points a turn"));
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* A term's check that answers a number counts it kept whatever the number: a warning
 * where the check was written, each time it is asked (once a turn while it is open). A
 * personality agrees the term at once: 'us' proposes it, 'them' accepts. */
static void test_term_check_warning(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE
                         "  terms = R.terms,\n"
                         "  personalities = { deal = { us = R.us, them = R.them } },\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "R.terms = { niact.term{ id = 'pledge', givers = { 'us' }, window = 5,\n"
             "  value = function() return 5 end,\n"
             "  check = function(state, giver)\n"
             "    return state:get('t')\n"
             "  end } }\n"
             "R.us = { orders = function() return {} end,\n"
             "  propose = function(state) if state:turn() == 1 then\n"
             "    return { { to = { 'them' }, terms = { { term = 'pledge' } } } } end return false end }\n"
             "R.them = { orders = function() return {} end, answer = function() return true end }\n"
             "return R\n");
    niact_check_summary sum;
    niact_findings *f = run_check(dir, 2, &sum);
    expect(f, "returned a number, which counts as kept", 1, "rules.lua", 4, "term 'pledge' (check)",
           -1, -1);
    niact_findings_free(f);
    ts_rmdir(dir);
}

/* The bundled scenario passes: no error and no warning, every personality played. */
static void test_bundled_scenario_is_clean(void **st) {
    (void)st;
    niact_check_summary sum;
    niact_findings *f = run_check(NIACT_SCRIPTS_DIR "/scenarios/november1962", 0, &sum);
    if (niact_findings_count(f))
        fail_msg("november1962:\n%s", all_findings(f));
    assert_int_equal(sum.seeds, NIACT_CHECK_SEEDS);
    /* every seed of every seating, then one game a seating in each variant */
    assert_true(sum.variants_played >= 1);
    assert_int_equal(sum.games, (1 + sum.personalities) * (NIACT_CHECK_SEEDS + sum.variants_played));
    assert_true(sum.personalities >= 1);
    assert_true(sum.options > sum.turns);
    niact_findings_free(f);
}

/* During play the same error is told once a game: a turn_end that fails every turn has
 * one entry in the log, another error its own. */
static void test_play_error_told_once(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE
                         "  turn_end = R.turn_end,\n"
                         "  events = { niact.event{ id = 'late', turn = 3, effect = R.late } },\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "function R.turn_end(state) error('turn_end is broken') end\n"
             "function R.late(state) error('the late event is broken') end\n"
             "return R\n");
    niact_session *s = NULL;
    char msg[4096];
    niact_seat seats[NIACT_MAX_ROLES] = {{NIACT_SEAT_AI, "", 0}, {NIACT_SEAT_AI, "", 0}};
    assert_int_equal(niact_session_open(dir, 7, seats, &s, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    const niact_game *g = niact_session_view(s);
    size_t cur = 0;
    niact_log_entry e;
    int turn_end = 0, late = 0;
    while (niact_game_log_next(g, 0, &cur, &e))
        if (e.kind == NIACT_LOG_ERROR) {
            turn_end += strstr(e.text, "turn_end is broken") != NULL;
            late += strstr(e.text, "the late event is broken") != NULL;
        }
    assert_int_equal(turn_end, 1);
    assert_int_equal(late, 1);
    assert_int_equal(niact_game_turn(g), 3);
    niact_session_free(s);
    ts_rmdir(dir);
}

/* Runs `niact ARGS` with both streams captured; returns the exit code. */
static int run_niact(const char *args, char **out) {
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%s %s 2>&1 </dev/null", NIACT_BIN, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; (got = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
        n += got;
        if (cap - n < 4096)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = 0;
    int status = pclose(p);
    *out = buf;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void expect_in(const char *out, const char *want) {
    if (!strstr(out, want))
        fail_msg("wanted\n%s\nin:\n%s", want, out);
}

/* Through the program: check prints each problem once with its count, --seeds sets the
 * games, text play tells a repeated error once, sim reports the scenario's errors. */
static void test_command_line(void **st) {
    (void)st;
    char *dir = scenario(PLAIN_ACTION PLAIN_OBJECTIVE "  turn_end = R.turn_end,\n");
    ts_write(dir, "rules.lua",
             "local R = {}\n"
             "function R.turn_end(state)\n"
             "  error('turn_end is broken')\n"
             "end\n"
             "return R\n");
    char args[4400], want[4400], *out;
    snprintf(args, sizeof args, "check %s --seeds 4", dir);
    assert_int_equal(run_niact(args, &out), 1);
    snprintf(want, sizeof want, "%s/rules.lua:3: turn_end is broken (in turn end) (x12 across 4 "
                                "games)\n    3 | error('turn_end is broken')\n", dir);
    expect_in(out, want);
    snprintf(want, sizeof want, "%s: 1 error, 0 warnings (4 games played", dir);
    expect_in(out, want);
    assert_null(strstr(strstr(out, "(in turn end)") + 1, "(in turn end)")); /* printed once */
    free(out);
    snprintf(args, sizeof args, "check %s --seeds 0", dir);
    assert_int_equal(run_niact(args, &out), 2);
    expect_in(out, "--seeds takes a whole number from 1 to 1000");
    free(out);
    snprintf(args, sizeof args, "play --text --no-autosave --seed 3 --scenario %s --seat us=ai "
                                "--seat them=ai", dir);
    assert_int_equal(run_niact(args, &out), 0);
    const char *first = strstr(out, "turn_end is broken");
    if (!first || strstr(first + 1, "turn_end is broken"))
        fail_msg("the error should be printed once:\n%s", out);
    free(out);
    /* The declarations' warnings (found at load) are printed with the folder first, and
     * a scenario with warnings only passes. */
    char *plain = ts_tempdir();
    ts_write(plain, "scenario.lua",
             "return niact.scenario{ name = 'Plain',\n"
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 2 },\n"
             "  roles = { niact.role{ id = 'us' } }, tracks = { niact.track{ id = 't' } },\n"
             "  objectives = { niact.objective{ id = 'o', role = 'us',\n"
             "    score = function(state) return state:get('t') end } },\n"
             "}\n");
    snprintf(args, sizeof args, "check %s --seeds 1", plain);
    assert_int_equal(run_niact(args, &out), 0);
    snprintf(want, sizeof want, "%s/scenario.lua:1: warning: scenario: no api_version", plain);
    expect_in(out, want);
    expect_in(out, ": ok with warnings (1 roles");
    free(out);
    ts_rmdir(plain);
    snprintf(args, sizeof args, "sim --games 5 --threads 2 --scenario %s", dir);
    assert_int_equal(run_niact(args, &out), 0);
    expect_in(out, "scenario errors: in 5 of 5 games (100.0%)");
    snprintf(want, sizeof want, "rules.lua:3: turn_end is broken (in turn end) (x15 across 5 games)");
    expect_in(out, want);
    free(out);
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_personality_errors),
        cmocka_unit_test(test_term_errors),
        cmocka_unit_test(test_rules_callback_errors),
        cmocka_unit_test(test_library_error_at_callers_line),
        cmocka_unit_test(test_setup_error),
        cmocka_unit_test(test_runtime_warnings),
        cmocka_unit_test(test_term_check_warning),
        cmocka_unit_test(test_bundled_scenario_is_clean),
        cmocka_unit_test(test_play_error_told_once),
        cmocka_unit_test(test_command_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
