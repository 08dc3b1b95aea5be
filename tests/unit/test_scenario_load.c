/* Loading scenarios: the declarations read right, every problem reported as
 * FILE:LINE, and broken scenarios refused cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

static void test_testland_declarations(void **st) {
    (void)st;
    niact_host *h = NULL;
    char msg[4096];
    assert_int_equal(ts_load(NIACT_TEST_DIR "/scenarios/testland", &h, msg, sizeof msg), NIACT_OK);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_string_equal(sc->meta.id, "testland");
    assert_string_equal(sc->meta.name, "Testland");
    assert_int_equal(sc->n_roles, 3);
    assert_string_equal(sc->roles[2].meta.id, "un");
    assert_int_equal(sc->roles[2].action_points, 2);
    int t = niact_scenario_track(sc, "missiles");
    assert_true(t >= 0);
    assert_int_equal(sc->tracks[t].vis[0], NIACT_VIS_ESTIMATE);
    assert_int_equal(sc->tracks[t].vis[1], NIACT_VIS_TRUE);
    assert_int_equal(sc->tracks[t].vis[2], NIACT_VIS_NONE);
    assert_int_equal(sc->tracks[t].est_initial[0], 30);
    assert_int_equal(sc->tracks[t].est_error[0], 10);
    assert_string_equal(sc->tracks[t].group, "weapons");
    int ten = niact_scenario_track(sc, "tension");
    assert_int_equal(sc->tracks[ten].n_labels, 5);
    assert_string_equal(sc->tracks[ten].labels[4], "war");
    assert_true(sc->tracks[ten].ladder);
    assert_true(sc->tracks[niact_scenario_track(sc, "secret")].hidden);
    int a = niact_scenario_action(sc, "remove");
    assert_true(sc->actions[a].has_param && sc->actions[a].has_legal);
    assert_int_equal(sc->actions[a].param_max, 20);
    assert_int_equal(sc->actions[a].roles, 1u << 1);
    int e = niact_scenario_event(sc, "election");
    assert_int_equal(sc->events[e].turn, 1); /* 6 Nov falls in turn index 1 (4-6 Nov) */
    assert_true(sc->events[e].once);
    int inc = niact_scenario_event(sc, "incident");
    assert_int_equal(sc->events[inc].chance, 250);
    assert_int_equal(sc->events[inc].turn, -1);
    assert_int_equal(sc->n_terms, 3);
    assert_true(sc->terms[0].window_days && sc->terms[0].has_check && !sc->terms[0].has_legal);
    assert_int_equal(sc->terms[1].window, 2);
    assert_true(sc->terms[2].has_legal);
    assert_int_equal(sc->terms[2].givers, 3u);
    assert_int_equal(sc->n_personalities, 2);
    assert_string_equal(sc->personalities[0], "hawk"); /* sorted */
    assert_string_equal(sc->actions[0].meta.file, "scenario.lua");
    assert_true(sc->actions[0].meta.line > 20);
    assert_true(sc->content_hash != 0);
    niact_host_free(h);
}

/* Loads text as scenario.lua; returns the problems text (static buffer). */
static const char *problems_of(const char *text) {
    static char msg[8192];
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua", text);
    niact_host *h = NULL;
    niact_status st = ts_load(dir, &h, msg, sizeof msg);
    ts_rmdir(dir);
    assert_int_not_equal(st, NIACT_OK);
    assert_null(h);
    return msg;
}

static void expect(const char *text, const char *needle) {
    const char *m = problems_of(text);
    if (!strstr(m, needle))
        fail_msg("expected '%s' in:\n%s", needle, m);
}

#define HEAD "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"

static void test_problems_have_positions(void **st) {
    (void)st;
    const char *m = problems_of(HEAD
        "roles = { niact.role{ id='us' } },\n"
        "tracks = {\n"
        "  niact.track{ id='a', min=5, max=1 },\n"        /* line 4 */
        "  niact.track{ id='Bad Id' },\n"                 /* line 5 */
        "  niact.track{ id='a' },\n"                      /* line 6: duplicate */
        "},\n"
        "actions = { niact.action{ id='x', roles={'ussr'}, resolve=function() end } },\n" /* 8 */
        "events = { niact.event{ id='e', date='1963-01-01', effect=function() end } },\n" /* 9 */
        "}\n");
    assert_non_null(strstr(m, "scenario.lua:4: track 'a': needs min <= initial <= max"));
    assert_non_null(strstr(m, "scenario.lua:5: track 'Bad Id': ids use"));
    assert_non_null(strstr(m, "scenario.lua:6: track 'a': a track with this id is already"));
    assert_non_null(strstr(m, "scenario.lua:8: action 'x': no role 'ussr'"));
    assert_non_null(strstr(m, "scenario.lua:9: event 'e': 1963-01-01 falls outside"));
}

static void test_required_fields(void **st) {
    (void)st;
    expect("return niact.scenario{ roles = {} }", "field 'name' is required");
    expect("return niact.scenario{ name = 'x', roles = {} }", "calendar =");
    expect(HEAD "roles = {} }", "declare at least one role");
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t'} },\n"
                "actions = { {id='a', roles={'us'}} } }", "field 'resolve' (a function) is required");
    expect(HEAD "roles = { {id='us'} }, tracks = {}, objectives = { {id='o', role='us'} } }",
           "field 'score' (a function) is required");
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t', visible='maybe'} } }",
           "track 't': field 'visible' must be one of \"true\", \"estimate\", \"none\" or a table, not \"maybe\"");
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t', min=0, max=2, labels={'a'}} } }",
           "labels must name each value");
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t', min=1.5} } }", "whole number");
    expect(HEAD "roles = { {id='us'} }, tracks = {}, actions = { {id='a', roles={'us'}, "
                "resolve=function() end, param={name='level', min=0, max=2, labels={'a','b'}}} } }",
           "labels must name each value");
    expect(HEAD "roles = { {id='us'} }, tracks = {}, actions = { {id='a', roles={'us'}, "
                "resolve=function() end, param={name='level', min=0, max=1, labels={'a', 3}}} } }",
           "labels[2] must be a string");
}

/* A parameter as words: the scenario's label when it names the level, else the number;
 * the name cut at its first " (". */
static void test_param_words(void **st) {
    (void)st;
    char *labels[] = {"lift", "suspend", "hail and pass", "board"};
    char buf[64];
    assert_string_equal(niact_param_words("quarantine (0 lift, 3 board)", labels, 4, 0, 0, buf,
                                          sizeof buf), "quarantine: lift");
    assert_string_equal(niact_param_words("quarantine", labels, 4, 0, 3, buf, sizeof buf),
                        "quarantine: board");
    assert_string_equal(niact_param_words("days", NULL, 0, 1, 7, buf, sizeof buf), "days: 7");
    assert_string_equal(niact_param_words("", labels, 4, 0, 9, buf, sizeof buf), "amount: 9");
    assert_string_equal(niact_param_words(NULL, labels, 4, 0, -1, buf, sizeof buf), "amount: -1");
    char tiny[6];
    assert_string_equal(niact_param_words("quarantine", labels, 4, 0, 0, tiny, sizeof tiny), "quara");
    niact_host *h = NULL;
    char msg[4096];
    assert_int_equal(ts_load(NIACT_TEST_DIR "/../scripts/scenarios/november1962", &h, msg, sizeof msg),
                     NIACT_OK);
    const niact_scenario *sc = niact_host_scenario(h);
    const niact_action_def *q = &sc->actions[niact_scenario_action(sc, "quarantine")];
    assert_int_equal(q->n_param_labels, 4);
    assert_string_equal(NIACT_PARAM_WORDS(q, 0, buf), "quarantine: lift");
    niact_host_free(h);
}

/* Turning points (for the debrief) name a declared track with one bound, or an action. */
static void test_turning_points(void **st) {
    (void)st;
#define TPH HEAD "roles = { {id='us'} }, tracks = { {id='t', min=0, max=3} },\n" \
                 "actions = { {id='a', roles={'us'}, resolve=function() end} },\n"
    expect(TPH "turning_points = { niact.turning_point{ id='p', track='nope', at_least=1, "
               "date='1 Nov' } } }", "names no declared tracks 'nope'");
    expect(TPH "turning_points = { {id='p', track='t', action='a', at_least=1, date='1 Nov'} } }",
           "give either a track");
    expect(TPH "turning_points = { {id='p', track='t', date='1 Nov'} } }",
           "exactly one of at_least and at_most");
    expect(TPH "turning_points = { {id='p', action='a'} } }", "give the record's date");
    expect(TPH "turning_points = { {id='p', action='a', date='1 Nov', roles={'ussr'}} } }",
           "no role 'ussr'");
    expect(TPH "turning_points = { {id='p', action='a', date='1 Nov'}, "
               "{id='p', track='t', at_most=0, date='2 Nov'} } }", "already declared");
#undef TPH
}

static void test_broken_files(void **st) {
    (void)st;
    expect("return {", "scenario.lua:1:");
    expect("return 42", "must return a table");
    expect("error('deliberate')", "deliberate");
    expect("while true do end", "instruction limit exceeded");
    expect("local s = string.rep('x', 1 << 30) return {}", "memory");
    /* A declaration is read raw: its metatable never runs (nor loops, nor lies). */
    expect("local t = setmetatable({}, {__index = function() while true do end end})\n"
           "return t", "field 'name' is required");
    expect("local s = string.rep('x', 1 << 30) return {}", "scenario.lua:1: memory limit");
    char msg[512];
    niact_host *h = NULL;
    assert_int_not_equal(ts_load("/nonexistent/folder", &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "no usable scenario.lua"));
}

/* Files that could hang the loader or reach outside the scenario's folder. */
static void test_hostile_files(void **st) {
    (void)st;
    char msg[4096];
    niact_host *h = NULL;
    char *dir = ts_tempdir(), path[4200];
    snprintf(path, sizeof path, "%s/scenario.lua", dir);
    assert_int_equal(mkfifo(path, 0600), 0); /* a FIFO would block a plain open */
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "not a regular file"));
    unlink(path);
    assert_int_equal(symlink("/etc/hostname", path), 0);
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "links outside the scenario's folder"));
    unlink(path);
    snprintf(path, sizeof path, "%s/leak.lua", dir);
    assert_int_equal(symlink("/etc/passwd", path), 0);
    ts_write(dir, "scenario.lua", "local x = require('leak') return {}");
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "leak.lua: links outside"));
    assert_null(strstr(msg, "root:")); /* nothing of the file is shown */
    unlink(path);
    snprintf(path, sizeof path, "%s/zero.lua", dir);
    assert_int_equal(symlink("/dev/zero", path), 0);
    ts_write(dir, "scenario.lua", "local x = require('zero') return {}");
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_null(h);
    ts_rmdir(dir);
}


/* What declarations may make the C side hold, and lists that lie about their length. */
static void test_declaration_limits(void **st) {
    (void)st;
    /* __len claiming 10^9 labels, or entries: the raw length is read. */
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t', min=0, max=2,\n"
                "labels = setmetatable({}, {__len = function() return 1e9 end})} } }",
           "labels must name each value from min to max (3), got 0");
    expect(HEAD "roles = setmetatable({}, {__len = function() return 1e9 end}) }",
           "declare at least one role");
    expect(HEAD "roles = { {id='us'} }, tracks = { {id='t', min=0, max=9000,\n"
                "labels = (function() local t = {} for i = 1, 9001 do t[i] = 'l' end return t end)()"
                "} } }",
           "9001 labels (at most 4096)");
    /* One long text, shared by many declarations, is refused once per field, not copied. */
    expect("local text = string.rep('x', 1 << 20)\n"
           "local acts = {} for i = 1, 40 do acts[i] = niact.action{ id = 'a' .. i, roles = {'us'},\n"
           "  text = text, resolve = function() end } end\n" HEAD
           "roles = { {id='us'} }, actions = acts }",
           "field 'text' is 1048576 bytes long (at most 16384)");
    /* Texts within the per-text limit, past the total. */
    expect("local acts = {} for i = 1, 300 do acts[i] = niact.action{ id = 'a' .. i, roles = {'us'},\n"
           "  text = ('y'):rep(15000) .. i, resolve = function() end } end\n" HEAD
           "roles = { {id='us'} }, actions = acts }",
           "texts pass 4 MiB in all");
    /* 300,000 personalities: refused at once, not read. */
    expect("local p = {} for i = 1, 300000 do p['p' .. i] = { us = function() end } end\n" HEAD
           "roles = { {id='us'} }, personalities = p }",
           "more than 64 personalities");
    expect(HEAD "roles = { {id='us'} }, personalities = { calm = { them = function() end } } }",
           "unknown field or role 'them' in personality 'calm'");
    expect(HEAD "roles = { {id='us'} }, personalities = { calm = { us = 3 } } }",
           "personality 'calm': field 'us' must be a function or a table, not number");
    expect(HEAD "roles = { {id='us'} }, events = { {id='e', chance = 0/0, effect = function() end} } }",
           "event 'e': field 'chance' must be 0-100");
}


/* Real dates only: no 29 February outside leap years, no sign, no space, four digits. */
static void test_calendar_dates(void **st) {
    (void)st;
    static const char *const bad[] = {"1962-02-29", "1900-02-29", "+962-01-01", " 962-01-01",
                                      "-962-01-01", "1962-04-31", "1962-13-01", "0000-01-01",
                                      "1962-1-01", "19620101xx", "1962-02-2x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "return niact.scenario{ name='X', calendar={start='%s', days_per_turn=1, "
                 "turns=3}, roles = { {id='us'} } }", bad[i]);
        expect(text, "calendar: start must be a real date");
        snprintf(text, sizeof text,
                 HEAD "roles = { {id='us'} }, events = { {id='e', date='%s', "
                 "effect = function() end} } }", bad[i]);
        expect(text, "date must be a real date");
    }
    expect("return niact.scenario{ name='X', calendar={start='9999-12-30', days_per_turn=1, "
           "turns=3}, roles = { {id='us'} } }", "the last turn falls after 9999-12-31");
    /* Leap days that exist load, and fall on their own day. */
    char msg[4096], *dir = ts_tempdir();
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name='X', calendar={start='2000-02-28', days_per_turn=1, "
             "turns=3}, roles = { niact.role{id='us'} }, tracks = {}, events = { niact.event{id='e', "
             "date='2000-02-29', effect = function() end} } }");
    niact_host *h = NULL;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("a real leap day was refused: %s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_int_equal(sc->events[0].turn, 1);
    char buf[16];
    assert_int_equal(niact_scenario_date(sc, 1, buf, sizeof buf), 0);
    assert_string_equal(buf, "2000-02-29");
    niact_host_free(h);
    ts_rmdir(dir);
}

static void test_binary_scenario_refused(void **st) {
    (void)st;
    expect("\x1bLuaT\x00\x19\x93\r\n\x1a\n", "binary");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_testland_declarations),
        cmocka_unit_test(test_problems_have_positions),
        cmocka_unit_test(test_required_fields),
        cmocka_unit_test(test_param_words),
        cmocka_unit_test(test_turning_points),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_binary_scenario_refused),
        cmocka_unit_test(test_hostile_files),
        cmocka_unit_test(test_declaration_limits),
        cmocka_unit_test(test_calendar_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
