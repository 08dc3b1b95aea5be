/* The declaration schema (include/niact/schema.h): every mistake class is caught with
 * FILE:LINE and, for a misspelled field, the nearest known name; warnings for what is
 * legal but almost surely wrong; the API version; the calendar in hours; and the LuaLS
 * stubs and the Markdown reference cannot drift from the table the loader checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "niact/schema.h"
#include "script/host_internal.h"
#include "support.h"

#include <sys/wait.h>

/* Loads text as scenario.lua; returns the problems (static), or "" if it loaded (then
 * *warn holds its warnings, static too). */
static const char *load_text(const char *text, const char **warn) {
    static char msg[16384], warnings[16384];
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua", text);
    niact_host *h = NULL;
    niact_status st = ts_load(dir, &h, msg, sizeof msg);
    ts_rmdir(dir);
    warnings[0] = 0;
    if (st == NIACT_OK) {
        snprintf(warnings, sizeof warnings, "%s", niact_host_warnings(h, NULL));
        niact_host_free(h);
        msg[0] = 0;
    }
    if (warn)
        *warn = warnings;
    return msg;
}

static void expect_problem(const char *text, const char *needle) {
    const char *m = load_text(text, NULL);
    if (!m[0])
        fail_msg("loaded, expected '%s'", needle);
    if (!strstr(m, needle))
        fail_msg("expected '%s' in:\n%s", needle, m);
}

#define HEAD                                                                               \
    "return niact.scenario{ name = 'X', api_version = 2,\n"                                \
    "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n"

/* The modder's misspellings of issue 12, each at the line it was written, with the
 * nearest known name. */
static void test_unknown_fields(void **st) {
    (void)st;
    const char *text = HEAD
        "  roles = { niact.role{ id = 'us', action_point = 2 } },\n"          /* 3 */
        "  tracks = { niact.track{ id = 't', min = 0, max = 2,\n"             /* 4 */
        "               lables = { 'a', 'b', 'c' } } },\n"                    /* 5 */
        "  actions = { niact.action{ id = 'x', roles = { 'us' },\n"           /* 6 */
        "                 cots = 2,\n"                                        /* 7 */
        "                 resolve = function() end } },\n"                    /* 8 */
        "  terms = { niact.term{ id = 'deal', givers = 'us',\n"               /* 9 */
        "              chek = function() end } },\n"                          /* 10 */
        "  turn_ends = function() end,\n"                                     /* 11 */
        "  maps = 'cuba',\n"                                                  /* 12 */
        "}\n";
    const char *m = load_text(text, NULL);
    static const char *const want[] = {
        "scenario.lua:3: unknown field 'action_point' in role 'us'; did you mean 'action_points'?",
        "scenario.lua:5: unknown field 'lables' in track 't'; did you mean 'labels'?",
        "scenario.lua:7: unknown field 'cots' in action 'x'; did you mean 'cost'?",
        "scenario.lua:10: unknown field 'chek' in term 'deal'; did you mean 'check'?",
        "scenario.lua:11: unknown field 'turn_ends' in scenario; did you mean 'turn_end'?",
        "scenario.lua:12: unknown field 'maps' in scenario; did you mean 'map'?",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(m, want[i]))
            fail_msg("expected '%s' in:\n%s", want[i], m);
}

/* Plain tables (no constructor) and tables inside declarations: still placed at the
 * line of their id or their field, in tables of every depth, and in personalities. */
static void test_unknown_nested(void **st) {
    (void)st;
    const char *m = load_text(HEAD
        "  roles = { { id = 'us' }, { id = 'ussr' } },\n"                      /* 3 */
        "  tracks = {\n"                                                        /* 4 */
        "    { id = 'a', visible = { all = 'none', uss = 'estimate' },\n"      /* 5 */
        "      estimate = { eror = 3 } },\n"                                    /* 6 */
        "  },\n"
        "  actions = {\n"
        "    { id = 'y', roles = 'us', resolve = function() end,\n"            /* 9 */
        "      param = { min = 1, max = 3, defualt = 2 } },\n"                  /* 10 */
        "  },\n"
        "  calendar2 = 1,\n"                                                    /* 12 */
        "  personalities = { hawk = { us = function() end,\n"                  /* 13 */
        "                             usr = function() end } },\n"              /* 14 */
        "}\n", NULL);
    static const char *const want[] = {
        "scenario.lua:5: unknown field or role 'uss' in track 'a' visible; did you mean 'us'?",
        "scenario.lua:6: unknown field or role 'eror' in track 'a' estimate; did you mean 'error'?",
        "scenario.lua:10: unknown field 'defualt' in action 'y' param; did you mean 'default'?",
        "scenario.lua:12: unknown field 'calendar2' in scenario; did you mean 'calendar'?",
        "scenario.lua:14: unknown field or role 'usr' in personality 'hawk'; did you mean 'us'?",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(m, want[i]))
            fail_msg("expected '%s' in:\n%s", want[i], m);
    /* Values without names, and a list written as a table of names. */
    expect_problem(HEAD "roles = { {id='us'} }, tracks = { niact.track{ 'x', id = 't' } } }",
                   "scenario.lua:3: track 't': 1 value without a field name");
    expect_problem(HEAD "roles = { {id='us'} }, tracks = { t = { id = 't' } } }",
                   "scenario: field 'tracks' must be a list: it has 1 entry not numbered");
}

/* Types and ranges, from the table, with the value that was given. */
static void test_types_and_ranges(void **st) {
    (void)st;
#define R1 HEAD "roles = { {id='us'} }, tracks = { {id='t'} },\n"
    expect_problem(R1 "actions = { niact.action{ id='a', roles='us', cost='two',\n"
                      "  resolve=function() end } } }",
                   "scenario.lua:4: action 'a': field 'cost' must be a whole number, not \"two\"");
    expect_problem(R1 "actions = { niact.action{ id='a', roles='us', cost=101,\n"
                      "  resolve=function() end } } }",
                   "scenario.lua:4: action 'a': field 'cost' must be 0-100 (it is 101)");
    expect_problem(R1 "actions = { niact.action{ id='a', roles='us', cost=1.5,\n"
                      "  resolve=function() end } } }",
                   "action 'a': field 'cost' must be a whole number");
    expect_problem(R1 "actions = { niact.action{ id='a', roles='us', repeatable=1,\n"
                      "  resolve=function() end } } }",
                   "action 'a': field 'repeatable' must be true or false, not number");
    expect_problem(R1 "actions = { niact.action{ id='a', roles=3, resolve=function() end } } }",
                   "field 'roles' must be a role id or a list of role ids, not number");
    expect_problem(R1 "actions = { niact.action{ id='a', roles='us', resolve=true } } }",
                   "action 'a': field 'resolve' must be a function, not boolean");
    expect_problem(R1 "on_error = 'stop' }",
                   "scenario: field 'on_error' must be one of \"void\", \"end\", not \"stop\"");
    expect_problem(R1 "objectives = { {id='o', role='us', weight=-1, score=function() end} } }",
                   "objective 'o': field 'weight' must be 0-1000 (it is -1)");
    expect_problem(HEAD "roles = { {id='us', action_points=101} } }",
                   "role 'us': field 'action_points' must be 0-100 (it is 101)");
    expect_problem("return niact.scenario{ name='X', calendar={start='1962-11-01', turns=0} }",
                   "calendar: field 'turns' must be 1-500 (it is 0)");
    expect_problem(R1 "events = { {id='e', chance='often', effect=function() end} } }",
                   "event 'e': field 'chance' must be a number, not \"often\"");
    expect_problem(HEAD "roles = {} , tracks = 'many' }",
                   "scenario: field 'tracks' must be a list (table), not \"many\"");
    expect_problem("return niact.scenario{ roles = {} }", "scenario: field 'name' is required");
    expect_problem("return niact.scenario{ name = 'x', roles = {} }",
                   "scenario: field 'calendar' is required (calendar = { ... })");
#undef R1
}

/* "did you mean" is offered only for names that are near. */
static void test_edit_distance(void **st) {
    (void)st;
    assert_int_equal(niact_edit_distance("cots", "cost", 5), 1); /* a transposition */
    assert_int_equal(niact_edit_distance("lables", "labels", 5), 1);
    assert_int_equal(niact_edit_distance("chek", "check", 5), 1);
    assert_int_equal(niact_edit_distance("kitten", "sitting", 5), 3);
    assert_int_equal(niact_edit_distance("", "abc", 5), 3);
    assert_int_equal(niact_edit_distance("abcdefgh", "z", 2), 3); /* past the cap */
    assert_true(niact_schema_near("action_point", "action_points"));
    assert_true(niact_schema_near("opens", "opens_turn")); /* a prefix */
    assert_false(niact_schema_near("map", "name"));
    assert_false(niact_schema_near("chek", "cost"));
}

/* The calendar in hours: the start's time, turns of N hours, and every style of date. */
static void test_hours_calendar(void **st) {
    (void)st;
    const char *warn;
    char *dir = ts_tempdir(), msg[4096];
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name = 'Black Saturday', api_version = 2,\n"
             "  calendar = { start = '1962-10-27 06:00', hours_per_turn = 4, turns = 6 },\n"
             "  roles = { niact.role{ id = 'us' } }, tracks = {},\n"
             "  events = { niact.event{ id = 'u2', date = '1962-10-27 10:15',\n"
             "               effect = function() end },\n"
             "             niact.event{ id = 'night', date = '1962-10-28',\n"
             "               effect = function() end } },\n"
             "  terms = { niact.term{ id = 't', givers = 'us', window = 'days',\n"
             "             param = { min = 1, max = 3 } } },\n"
             "}\n");
    niact_host *h = NULL;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_int_equal(sc->hours_per_turn, 4);
    assert_int_equal(sc->days_per_turn, 0);
    assert_true(niact_scenario_shows_time(sc));
    char b[NIACT_DATE_MAX];
    static const struct {
        int turn;
        niact_date_style style;
        const char *want;
    } cases[] = {
        {0, NIACT_DATE_ISO, "1962-10-27 06:00"},
        {1, NIACT_DATE_ISO, "1962-10-27 10:00"},
        {4, NIACT_DATE_ISO, "1962-10-27 22:00"},
        {5, NIACT_DATE_ISO, "1962-10-28 02:00"},
        {0, NIACT_DATE_LONG, "27 October 1962, 06:00"},
        {5, NIACT_DATE_SHORT, "28 Oct 02:00"},
        {0, NIACT_DATE_SPAN, "27 Oct 1962, 06:00-10:00"},
        {4, NIACT_DATE_SPAN, "27 Oct 1962, 22:00 - 28 Oct 1962, 02:00"},
        {0, NIACT_DATE_END, "27 Oct 10:00"},
        {2, NIACT_DATE_BOX, "14"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(niact_scenario_format(sc, cases[i].turn, cases[i].style, b, sizeof b), 0);
        assert_string_equal(b, cases[i].want);
    }
    assert_int_equal(niact_scenario_step(sc, b, sizeof b), 0);
    assert_string_equal(b, "4 hours");
    /* 10:15 falls in the 10:00-14:00 turn; a bare day in the first turn that covers it. */
    assert_int_equal(sc->events[0].turn, 1);
    assert_int_equal(sc->events[1].turn, 4); /* 22:00-02:00 */
    assert_int_equal(niact_scenario_turn_of(sc, "1962-10-27"), 0);
    /* "within N days" in a calendar of 4-hour turns: 6 turns a day. */
    assert_int_equal(niact_scenario_days_in_turns(sc, 2), 12);
    niact_host_free(h);
    /* What niact rules shows follows the calendar. */
    char cmd[4300], out[8192] = "";
    snprintf(cmd, sizeof cmd, "'%s' rules --scenario '%s/' 2>/dev/null", NIACT_BIN, dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t got = fread(out, 1, sizeof out - 1, p);
    out[got] = 0;
    pclose(p);
    if (!strstr(out, "Calendar: from 27 October 1962, 06:00, 4 hours a turn, 6 turns"))
        fail_msg("niact rules:\n%s", out);
    ts_rmdir(dir);

    /* A calendar in days keeps its dates without a time. */
    assert_string_equal(load_text(HEAD "roles = { {id='us'} }, tracks = {} }", &warn), "");
    /* Refused: both steps, a time that is not on the 24-hour clock, a bad separator. */
    expect_problem("return niact.scenario{ name='X', calendar={start='1962-10-27', "
                   "days_per_turn=1, hours_per_turn=4, turns=3}, roles={{id='us'}}, tracks={} }",
                   "give days_per_turn or hours_per_turn, not both");
    static const char *const bad[] = {"1962-10-27 24:00", "1962-10-27 06:60",
                                      "1962-10-27T06:00", "1962-10-27 6:00", "1962-10-27 06:0x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "return niact.scenario{ name='X', calendar={start='%s', hours_per_turn=4, "
                 "turns=3}, roles = { {id='us'} }, tracks = {} }", bad[i]);
        expect_problem(text, "calendar: start must be a real date");
    }
    expect_problem("return niact.scenario{ name='X', calendar={start='1962-10-27', "
                   "hours_per_turn=0, turns=3}, roles = { {id='us'} }, tracks = {} }",
                   "calendar: field 'hours_per_turn' must be 1-8784 (it is 0)");
}

/* A calendar in days: the styles without a time. */
static void test_days_calendar(void **st) {
    (void)st;
    niact_scenario sc = {.start_date = "1962-11-30", .days_per_turn = 3, .turns = 12};
    char b[NIACT_DATE_MAX];
    assert_false(niact_scenario_shows_time(&sc));
    assert_int_equal(niact_scenario_format(&sc, 0, NIACT_DATE_ISO, b, sizeof b), 0);
    assert_string_equal(b, "1962-11-30");
    assert_int_equal(niact_scenario_format(&sc, 0, NIACT_DATE_LONG, b, sizeof b), 0);
    assert_string_equal(b, "30 November 1962");
    assert_int_equal(niact_scenario_format(&sc, 0, NIACT_DATE_SPAN, b, sizeof b), 0);
    assert_string_equal(b, "30 Nov-2 Dec 1962");
    assert_int_equal(niact_scenario_format(&sc, 1, NIACT_DATE_SPAN, b, sizeof b), 0);
    assert_string_equal(b, "3-5 Dec 1962");
    assert_int_equal(niact_scenario_format(&sc, 10, NIACT_DATE_SPAN, b, sizeof b), 0);
    assert_string_equal(b, "30 Dec 1962-1 Jan 1963");
    assert_int_equal(niact_scenario_format(&sc, 1, NIACT_DATE_END, b, sizeof b), 0);
    assert_string_equal(b, "5 Dec");
    assert_int_equal(niact_scenario_format(&sc, 1, NIACT_DATE_BOX, b, sizeof b), 0);
    assert_string_equal(b, "3");
    assert_int_equal(niact_scenario_step(&sc, b, sizeof b), 0);
    assert_string_equal(b, "3 days");
    /* Too small a buffer is a clean refusal, never a cut date. */
    assert_int_equal(niact_scenario_format(&sc, 0, NIACT_DATE_LONG, b, 8), -1);
    assert_string_equal(b, "");
}

/* Legal but almost surely wrong: warnings at FILE:LINE, and the scenario still loads. */
static void test_warnings(void **st) {
    (void)st;
    const char *warn;
    const char *m = load_text(
        "return niact.scenario{ name = 'W', api_version = 2,\n"                  /* 1 */
        "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n"  /* 2 */
        "  roles = { niact.role{ id = 'us', action_points = 2 },\n"               /* 3 */
        "            niact.role{ id = 'un' } },\n"                                /* 4 */
        "  tracks = { niact.track{ id = 'm', min = 0, max = 40,\n"                /* 5 */
        "               visible = { all = 'estimate' } },\n"                      /* 6 */
        "             niact.track{ id = 'flat', min = 3, max = 3, initial = 3 } },\n" /* 7 */
        "  actions = { niact.action{ id = 'strike', roles = { 'us' },\n"          /* 8 */
        "                 cost = 3,\n"                                            /* 9 */
        "                 resolve = function() end } },\n"                        /* 10 */
        "  events = { niact.event{ id = 'never', chance = 0,\n"                   /* 11 */
        "               effect = function() end } },\n"                           /* 12 */
        "  objectives = { niact.objective{ id = 'o', role = 'us',\n"              /* 13 */
        "                   weight = 0, score = function() return 50 end } },\n"  /* 14 */
        "  terms = { niact.term{ id = 'promise', givers = 'us' } },\n"            /* 15 */
        "}\n", &warn);
    if (m[0])
        fail_msg("did not load: %s", m);
    static const char *const want[] = {
        "scenario.lua:9: warning: action 'strike' costs 3 and role 'us' has 2 action points a "
        "turn: it can never order it",
        "scenario.lua:4: warning: role 'un' has no objective: nothing it does is scored",
        "scenario.lua:4: warning: role 'un' may order no action",
        "scenario.lua:14: warning: objective 'o' has weight 0: it never counts in 'us''s score",
        "scenario.lua:7: warning: track 'flat' has min = max = 3: it can never move",
        "scenario.lua:6: warning: track 'm': 'us' sees an estimate, but no estimate is "
        "declared: it starts at the true value (0) +/- 10",
        "scenario.lua:11: warning: event 'never' has chance 0: it never fires",
        "scenario.lua:15: warning: term 'promise' has no check: every commitment to it is "
        "broken at its deadline",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(warn, want[i]))
            fail_msg("expected '%s' in:\n%s", want[i], warn);
    /* The bundled scenarios declare nothing of the kind. */
    static const char *const bundled[] = {"november1962", "october1962"};
    for (size_t i = 0; i < 2; i++) {
        char dir[512], msg[8192];
        snprintf(dir, sizeof dir, NIACT_SCRIPTS_DIR "/scenarios/%s", bundled[i]);
        niact_host *h = NULL;
        if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
            fail_msg("%s: %s", bundled[i], msg);
        int n = 0;
        const char *w = niact_host_warnings(h, &n);
        if (n)
            fail_msg("%s warns:\n%s", bundled[i], w);
        niact_host_free(h);
    }
}

/* niact check prints the warnings with their place and exits 0. */
static void test_check_prints_warnings(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name = 'W', api_version = 2,\n"
             "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 2 },\n"
             "  roles = { niact.role{ id = 'us' } }, tracks = {},\n"
             "  actions = { niact.action{ id = 'a', roles = 'us', resolve = function() end } },\n"
             "  objectives = { niact.objective{ id = 'o', role = 'us', weight = 0,\n"
             "                   score = function() return 1 end } },\n"
             "}\n");
    char cmd[4300], out[8192] = "";
    snprintf(cmd, sizeof cmd, "'%s' check '%s/' --seeds 1 2>&1", NIACT_BIN, dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = 0;
    int status = pclose(p);
    ts_rmdir(dir);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    if (!strstr(out, "scenario.lua:5: warning: objective 'o' has weight 0"))
        fail_msg("no warning in:\n%s", out);
}

/* The API version: declared, checked, with a clear message outside the versions read. */
static void test_api_version(void **st) {
    (void)st;
    const char *warn;
#define API(v) "return niact.scenario{ name = 'A', " v                                    \
               "  calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n"  \
               "  roles = { niact.role{ id = 'us' } }, tracks = {} }\n"
    expect_problem(API("api_version = 3,\n"),
                   "scenario.lua:1: scenario: written for API version 3; this niact reads "
                   "versions 1-2 (a newer niact is needed)");
    expect_problem(API("api_version = 0,\n"), "written for API version 0");
    expect_problem(API("api_version = '2',\n"), "field 'api_version' must be a whole number");
    assert_string_equal(load_text(API("api_version = 1,\n"), &warn), "");
    assert_string_equal(load_text(API("api_version = 2,\n"), &warn), "");
    assert_null(strstr(warn, "api_version"));
    assert_string_equal(load_text(API(""), &warn), "");
    assert_non_null(strstr(warn, "scenario.lua:1: warning: scenario: no api_version; read as "
                                 "version 2 (declare api_version = 2)"));
#undef API
}

/* Reads a whole file (static buffer). */
static const char *read_file(const char *path) {
    static char buf[1 << 20];
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return buf;
}

/* A generator's output into a string (static buffer). */
static const char *generated(void (*gen)(FILE *)) {
    static char buf[1 << 18];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    gen(f);
    fclose(f);
    return buf;
}

/* The stubs name every kind's class, every field in its class, every state method, and
 * are valid Lua. */
static void test_luals_stubs(void **st) {
    (void)st;
    char *stub = strdup(generated(niact_schema_luals));
    int kinds = 0, fields = 0;
    for (const niact_kind *const *k = niact_schema_kinds(); *k; k++, kinds++) {
        char head[128];
        snprintf(head, sizeof head, "---@class %s\n", (*k)->cls);
        const char *at = strstr(stub, head);
        if (!at)
            fail_msg("no class %s in the stubs", (*k)->cls);
        const char *end = strstr(at + 1, "---@class ");
        for (const niact_field *f = (*k)->fields; f->name; f++, fields++) {
            char want[128];
            snprintf(want, sizeof want, "---@field %s%s ", f->name,
                     f->flags & NIACT_F_REQUIRED ? "" : "?");
            const char *hit = strstr(at, want);
            if (!hit || (end && hit > end))
                fail_msg("field %s of %s is not in its class", f->name, (*k)->cls);
        }
        if ((*k)->ctor) {
            char fn[96];
            snprintf(fn, sizeof fn, "function niact.%s(t) end", (*k)->ctor);
            assert_non_null(strstr(stub, fn));
        }
    }
    assert_true(kinds >= 20 && fields >= 100);
    for (const niact_method *m = niact_schema_methods(); m->name; m++) {
        char want[96];
        snprintf(want, sizeof want, "---@field %s fun(self: niact.State", m->name);
        assert_non_null(strstr(stub, want));
    }
    lua_State *L = luaL_newstate();
    if (luaL_loadstring(L, stub) != LUA_OK)
        fail_msg("the stubs are not Lua: %s", lua_tostring(L, -1));
    lua_close(L);
    free(stub);
}

/* Every method the host gives `state` is in the schema, and every method the schema
 * documents is there. */
static void test_state_methods(void **st) {
    (void)st;
    char msg[4096];
    niact_host *h = NULL;
    assert_int_equal(ts_load(NIACT_TEST_DIR "/scenarios/testland", &h, msg, sizeof msg), NIACT_OK);
    lua_State *L = h->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->ref_state);
    assert_true(lua_getmetatable(L, -1));
    assert_int_equal(lua_getfield(L, -1, "__index"), LUA_TTABLE);
    int n = 0;
    for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1), n++) {
        const char *name = lua_tostring(L, -2);
        const niact_method *m = niact_schema_methods();
        while (m->name && strcmp(m->name, name) != 0)
            m++;
        if (!m->name)
            fail_msg("state:%s is not in the schema (engine/script/schema.c, methods)", name);
    }
    int documented = 0;
    for (const niact_method *m = niact_schema_methods(); m->name; m++, documented++) {
        lua_getfield(L, -1, m->name);
        if (!lua_isfunction(L, -1))
            fail_msg("the schema documents state:%s, which the host does not give", m->name);
        lua_pop(L, 1);
    }
    assert_int_equal(n, documented);
    lua_settop(L, 0);
    niact_host_free(h);
}

/* docs/modding.md holds the reference exactly as the schema makes it. */
static void test_reference_in_docs(void **st) {
    (void)st;
    const char *doc = read_file(NIACT_TEST_DIR "/../docs/modding.md");
    const char *b = strstr(doc, "<!-- schema:begin -->\n"), *e = strstr(doc, "<!-- schema:end -->");
    if (!b || !e || e < b)
        fail_msg("docs/modding.md has no <!-- schema:begin --> ... <!-- schema:end --> section");
    b += strlen("<!-- schema:begin -->\n");
    const char *want = generated(niact_schema_markdown);
    if (strlen(want) != (size_t)(e - b) || memcmp(want, b, strlen(want)) != 0)
        fail_msg("docs/modding.md's reference differs from `niact schema --markdown`: paste "
                 "its output between the markers");
    /* every field is in it */
    for (const niact_kind *const *k = niact_schema_kinds(); *k; k++)
        for (const niact_field *f = (*k)->fields; f->name; f++) {
            char cell[96];
            snprintf(cell, sizeof cell, "| `%s` |", f->name);
            assert_non_null(strstr(want, cell));
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown_fields),   cmocka_unit_test(test_unknown_nested),
        cmocka_unit_test(test_types_and_ranges), cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_hours_calendar),   cmocka_unit_test(test_days_calendar),
        cmocka_unit_test(test_warnings),         cmocka_unit_test(test_check_prints_warnings),
        cmocka_unit_test(test_api_version),      cmocka_unit_test(test_luals_stubs),
        cmocka_unit_test(test_state_methods),    cmocka_unit_test(test_reference_in_docs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
