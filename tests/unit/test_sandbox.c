/* The sandbox: every refusal and every limit, run through real scenarios. A hostile
 * callback must end in a clean, named error while the game (and the process) goes on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

typedef struct run {
    char *dir;
    niact_host *h;
    niact_session *s;
    char msg[4096];
} run;

/* Loads a snippet scenario and resolves one turn in which `us` orders `act`. Returns
 * the error logged ("" if none). */
static const char *run_snippet(run *r, const char *prelude, const char *body) {
    memset(r, 0, sizeof *r);
    r->dir = ts_scenario(prelude, body);
    assert_non_null(r->dir);
    niact_status st = ts_load(r->dir, &r->h, r->msg, sizeof r->msg);
    if (st != NIACT_OK)
        fail_msg("load failed: %s", r->msg);
    assert_int_equal(niact_session_new(r->h, 1, NULL, &r->s, r->msg, sizeof r->msg), NIACT_OK);
    niact_order o = {0, 0, 0};
    assert_int_equal(niact_session_submit(r->s, 0, &o, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(r->s), NIACT_OK);
    return ts_last_log(niact_session_game(r->s), 0, NIACT_LOG_ERROR);
}

static void done(run *r) {
    niact_session_free(r->s);
    niact_host_free(r->h);
    ts_rmdir(r->dir);
}

/* The game must go on after an error: another turn resolves, and the track is as the
 * voided callback found it. */
static void goes_on(run *r) {
    niact_game *g = niact_session_game(r->s);
    assert_int_equal(niact_game_turn(g), 1);
    assert_int_equal(niact_session_resolve(r->s), NIACT_OK);
    assert_int_equal(niact_game_turn(g), 2);
}

static void expect_error(const char *prelude, const char *body, const char *needle) {
    run r;
    const char *err = run_snippet(&r, prelude, body);
    if (!strstr(err, needle))
        fail_msg("expected '%s' in error, got '%s'", needle, err);
    goes_on(&r);
    done(&r);
}

static void expect_clean(const char *body) {
    run r;
    const char *err = run_snippet(&r, "", body);
    if (*err)
        fail_msg("unexpected error: %s", err);
    int32_t v = -1;
    niact_track_view tv;
    niact_game_view_track(niact_session_game(r.s), 0, 0, &tv);
    v = tv.value;
    assert_int_equal(v, 1); /* each clean body ends with state:set('x', 1) */
    done(&r);
}

static void test_runaway_loop(void **st) {
    (void)st;
    expect_error("", "state:set('x', 5) while true do end", "instruction limit exceeded");
}

static void test_pcall_cannot_swallow(void **st) {
    (void)st;
    expect_error("", "while true do pcall(function() while true do end end) end",
                 "instruction limit exceeded");
    expect_error("", "for i = 1, 1e9 do xpcall(function() while true do end end, "
                     "function(m) return m end) end state:set('x', 7)",
                 "limit exceeded");
}

static void test_coroutine_cannot_swallow(void **st) {
    (void)st;
    expect_error("", "local co = coroutine.wrap(function() while true do end end)\n"
                     "while true do pcall(co) end",
                 "limit exceeded");
    expect_error("", "while true do local co = coroutine.create(function() while true do end "
                     "end) coroutine.resume(co) end",
                 "limit exceeded");
}

static void test_memory_bombs(void **st) {
    (void)st;
    expect_error("", "local s = string.rep('x', 1 << 30)", "memory limit exceeded");
    expect_error("", "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(4096) .. i end",
                 "limit exceeded");
    expect_error("", "local s = 'x' while true do s = s .. s end", "limit exceeded");
    /* Churn: many big strings that are each freed still hit the allocation budget. */
    expect_error("", "for i = 1, 1e9 do local s = string.rep('y', 1 << 24) end",
                 "limit exceeded");
    expect_error("", "for i = 1, 1e9 do pcall(string.rep, 'y', 1 << 26) end",
                 "limit exceeded");
}

/* C functions whose loops the count hook cannot see are charged to the budget. */
static void test_hidden_c_work(void **st) {
    (void)st;
    expect_error("", "local t = {} for i = 1, 500000 do t[i] = i end\n"
                     "for i = 1, 1e9 do for k in pairs(t) do break end end",
                 "instruction limit exceeded");
    expect_error("", "local t = {} for i = 1, 500000 do t[i] = i end\n"
                     "for i = 1, 1e9 do local k = next(t, 250000) end",
                 "instruction limit exceeded");
    expect_error("", "local t = {} for i = 1, 1e9 do table.insert(t, 1, i) end",
                 "instruction limit exceeded");
    expect_error("", "local t = {} for i = 1, 500000 do t[i] = 'x' end\n"
                     "for i = 1, 1e9 do table.move(t, 1, #t, 2) end",
                 "limit exceeded");
    expect_clean("local t = {3, 1, 2} table.insert(t, 4) table.insert(t, 1, 0)\n"
                 "assert(table.remove(t, 1) == 0 and table.concat(t, ',') == '3,1,2,4')\n"
                 "local u = table.move({1, 2}, 1, 2, 2, {}) assert(u[3] == 2) state:set('x', 1)");
}


/* A message handler that loops: once a limit fired, Lua would run it with hooks off. */
static void test_handler_cannot_loop(void **st) {
    (void)st;
    expect_error("", "while true do xpcall(function() while true do end end, "
                     "function() while true do end end) end",
                 "instruction limit exceeded");
    expect_error("", "xpcall(function() local s = string.rep('x', 1 << 30) end, "
                     "function() while true do end end) while true do end",
                 "limit exceeded");
    /* An ordinary error still reaches the scenario's handler. */
    expect_clean("local ok, m = xpcall(function() error('boom') end, function(m) "
                 "return 'handled: ' .. m end)\n"
                 "assert(not ok and m:find('handled: ') and m:find('boom')) state:set('x', 1)");
}

/* Deep recursion stops at the host's depth limit, long before Lua's million stack slots
 * (which took 0.1-0.3 s of stack growth each time); pcall cannot swallow it; ordinary
 * recursion a few hundred deep is fine. */
static void test_depth_limit(void **st) {
    (void)st;
    expect_error("", "local function f(n) return f(n + 1) + 1 end f(1)",
                 "more than 5000 nested calls");
    expect_error("", "local function f(n) return 1 + f(n + 1) end\n"
                     "while true do pcall(f, 1) end",
                 "more than 5000 nested calls");
    expect_error("", "local function f(n) local t = {f(n + 1)} return t end "
                     "local co = coroutine.wrap(function() f(1) end) co()",
                 "more than 5000 nested calls");
    expect_clean("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end\n"
                 "assert(f(800) == 800) state:set('x', 1)");
}

/* One C call the count hook cannot interrupt, or many that do unbounded work each. */
static void test_unbounded_c_calls(void **st) {
    (void)st;
    static const char *const bodies[] = {
        "local s = string.rep('', math.maxinteger)",
        "local s = string.rep('', 1e15, '')",
        "local s = string.rep('ab', 1e9, 'c')",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = utf8.len(s) end",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = s:upper() end",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = s:reverse() end",
        "local s = ('7'):rep(1 << 22) for i = 1, 1e9 do local n = tonumber(s) end",
        "local s = (' '):rep(1 << 22) .. '7' for i = 1, 1e9 do local n = tonumber(s) end",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = string.format('%s', s) end",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = s:byte(1, 60000) end",
        "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = utf8.codepoint(s, 1, 60000) end",
        "local s = ('\\x80'):rep(1 << 22) local f = utf8.codes(s) for i = 1, 1e9 do pcall(f, s, 0) end",
        "local t = {} for i = 1, 60000 do t[i] = i end\n"
        "for i = 1, 1e9 do local n = select('#', table.unpack(t)) end",
        "local t = setmetatable({}, {__index = function() return 1 end})\n"
        "for i = 1, 1e9 do local n = select('#', table.unpack(t, 1, 60000)) end",
        "local t = setmetatable({}, {__index = type}) local s = table.concat(t, '', 1, 1e12)",
        "local t = setmetatable({}, {__len = function() return 1e15 end}) table.insert(t, 1, 0)",
        "local t = setmetatable({}, {__len = function() return 1e15 end}) table.remove(t, 1)",
        "local t = setmetatable({}, {__len = function() return 1e15 end}) table.concat(t)",
        "local t = {} table.move(t, 1, 1e15, 2)",
        "local t = {} for i = 1, 2000 do t[('k'):rep(5000) .. i] = i end\n"
        "for i = 1, 1e9 do for k in pairs(t) do break end end",
        "local src = 'return ' .. ('1 + '):rep(1 << 20) .. '1' for i = 1, 1e9 do load(src) end",
        "local f = function(...) return select('#', ...) end local t = {} for i = 1, 60000 do "
        "t[i] = i end local a = {table.unpack(t)} for i = 1, 1e9 do f(table.unpack(a)) end",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        run r;
        const char *err = run_snippet(&r, "", bodies[i]);
        if (!strstr(err, "limit exceeded") && !strstr(err, "results at once") &&
            !strstr(err, "out of range"))
            fail_msg("case %zu: expected a limit, got '%s'", i, err);
        goes_on(&r);
        done(&r);
    }
}

/* Work one VM instruction does unseen: comparing or hashing long strings, and copying
 * a vararg list that grows or is passed on. */
static void test_unseen_vm_work(void **st) {
    (void)st;
    expect_error("", "local a, b = ('x'):rep(1 << 24), ('x'):rep(1 << 24)\n"
                     "for i = 1, 1e9 do local c = a == b end",
                 "instruction limit exceeded");
    expect_error("", "local a, b = ('x'):rep(1 << 24), ('x'):rep((1 << 24) - 1) .. 'y'\n"
                     "for i = 1, 1e9 do local c = a < b end",
                 "instruction limit exceeded");
    expect_error("", "local a, b = ('x'):rep(1 << 20), ('x'):rep(1 << 20) local t = {[a] = 1}\n"
                     "for i = 1, 1e9 do local c = t[b] end",
                 "instruction limit exceeded");
    expect_error("", "local function g(...) return g(1, ...) end g()", "limit exceeded");
    expect_error("", "local function g(n, ...) if n == 0 then return select('#', ...) end "
                     "return g(n - 1, n, ...) end g(900000)",
                 "limit exceeded");
    expect_error("", "local function f(...) for i = 1, 1e9 do local n = select('#', ...) end end\n"
                     "f(table.unpack((function() local t = {} for i = 1, 60000 do t[i] = i end "
                     "return t end)()))",
                 "limit exceeded");
}

/* Ordinary work stays well inside the budget: walking a text byte by byte and by
 * characters, building and unpacking lists, varargs, sorting. */
static void test_ordinary_work_fits(void **st) {
    (void)st;
    expect_clean("local s = ('abcd\\xc3\\xa9'):rep(600) local n = 0\n"
                 "for i = 1, #s do n = n + s:byte(i) end\n"
                 "for i = 1, #s do local c = s:sub(i, i) end\n"
                 "for p, c in utf8.codes(s) do n = n + c end assert(utf8.len(s) == 3000)\n"
                 "local t = {} for i = 1, 1000 do table.insert(t, i) end\n"
                 "for i = 1, 100 do table.insert(t, 1, i) table.remove(t, 1) end\n"
                 "local function f(...) return select('#', ...) end\n"
                 "for i = 1, 200 do assert(f(table.unpack(t, 1, 200)) == 200) end\n"
                 "assert(#table.concat(t, ',') > 0) table.sort(t, function(a, b) return a > b end)\n"
                 "assert(t[1] == 1000) state:set('x', 1)");
}

static void test_pattern_bombs(void **st) {
    (void)st;
    expect_error("", "local s = string.rep('a', 200000) local x = s:find('.-.-.-.-.-b')",
                 "pattern too costly");
    expect_error("", "local s = string.rep('a', 300000) s:gsub('a*a*b', '')",
                 "pattern too costly");
    expect_error("", "local s = string.rep('a', 1e7) local x = s:find(string.rep('a', 1e5) .. "
                     "'b', 1, true)",
                 "pattern too costly");
    expect_clean("local a, b = ('key=42'):match('^(%w+)=(%d+)$') assert(a == 'key' and b == '42')\n"
                 "assert(('a,b,c'):gsub(',', ';') == 'a;b;c') state:set('x', 1)");
}

static void test_missing_globals(void **st) {
    (void)st;
    const char *names[] = {"io", "os", "debug", "package", "dofile", "loadfile",
                           "collectgarbage", "print", "loadstring", "module", "require_"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char body[256];
        snprintf(body, sizeof body, "local v = %s", names[i]);
        expect_error("", body, "undefined global");
    }
    expect_clean("assert(string.dump == nil) assert(math.random == nil)\n"
                 "assert(math.randomseed == nil) state:set('x', 1)");
}

static void test_binary_chunks_refused(void **st) {
    (void)st;
    expect_clean("local f, err = load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n')\n"
                 "assert(f == nil and err:find('binary'))\n"
                 "local ok = pcall(load, function() return '\\27Lua' end)\n"
                 "assert(not ok) state:set('x', 1)");
    /* load's default environment is the sandbox: no escape there either. */
    expect_clean("local f = load('return io') assert(not pcall(f)) state:set('x', 1)");
}

static void test_string_metatable_locked(void **st) {
    (void)st;
    expect_clean("assert(getmetatable('') == 'locked')\n"
                 "assert(not pcall(function() getmetatable('').__index = {} end))\n"
                 "assert(not pcall(function() string.upper = nil end))\n"
                 "assert(('abc'):upper() == 'ABC') state:set('x', 1)");
}

static void test_no_addresses(void **st) {
    (void)st;
    expect_clean("assert(tostring({}) == 'table') assert(tostring(pairs) == 'function')\n"
                 "assert(string.format('%s', {}) == 'table')\n"
                 "assert(tostring(state) == 'niact.state')\n"
                 "assert(tostring(setmetatable({}, {__tostring = function() return 'me' end})) == 'me')\n"
                 "assert(not pcall(string.format, '%p', {})) state:set('x', 1)");
}

static void test_deterministic_pairs(void **st) {
    (void)st;
    expect_clean("local t = {} for _, k in ipairs({'zeta','alpha','mid','beta'}) do t[k] = 1 end\n"
                 "t[3] = 1 t[1] = 1 t[2.5] = 1 t[true] = 1\n"
                 "local seen = {} for k in pairs(t) do seen[#seen + 1] = tostring(k) end\n"
                 "assert(table.concat(seen, ',') == '1,2.5,3,alpha,beta,mid,zeta,true')\n"
                 "local k, n = next(t), 1 while next(t, k) do k = next(t, k) n = n + 1 end\n"
                 "assert(k == true and n == 8) assert(next({}) == nil)\n"
                 "assert(not pcall(pairs, {[{}] = 1}))\n"
                 "state:set('x', 1)");
}

static void test_stable_sort(void **st) {
    (void)st;
    expect_clean("local t = {} for i = 1, 300 do t[i] = {k = i % 3, i = i} end\n"
                 "table.sort(t, function(a, b) return a.k < b.k end)\n"
                 "for i = 2, 300 do local a, b = t[i-1], t[i]\n"
                 "  assert(a.k < b.k or (a.k == b.k and a.i < b.i)) end\n"
                 "local u = {5, 3, 9, 1} table.sort(u) assert(table.concat(u, ' ') == '1 3 5 9')\n"
                 "state:set('x', 1)");
}

static void test_gc_and_weak_refused(void **st) {
    (void)st;
    expect_error("", "setmetatable({}, {__gc = function() end})", "__gc and __mode");
    expect_error("", "setmetatable({}, {__mode = 'k'})", "__gc and __mode");
    /* Set afterwards, on the table given, by assignment or rawset: no effect on the
     * metatable in use, which the scenario cannot reach. A weak table would lose its
     * entry at the full collection the host runs after every callback with an error. */
    expect_clean("local mt = {} local t = setmetatable({}, mt) mt.__mode = 'k'\n"
                 "rawset(mt, '__gc', function() end) t[1] = {}\n"
                 "assert(getmetatable(t) == mt) state:set('x', 1)");
    /* Classes keep working: methods added to the class later are found through
     * __index, getmetatable answers the class, a metatable may be replaced, and a
     * protected one may not. */
    expect_clean("local C = {} C.__index = C local o = setmetatable({}, C)\n"
                 "function C:twice() return 2 * self.v end o.v = 21 assert(o:twice() == 42)\n"
                 "assert(getmetatable(o) == C) setmetatable(o, nil) assert(getmetatable(o) == nil)\n"
                 "setmetatable(o, {__metatable = 'mine'}) assert(getmetatable(o) == 'mine')\n"
                 "assert(not pcall(setmetatable, o, {})) state:set('x', 1)");
}

/* A weak table made after setmetatable keeps its keys across a callback whose error
 * makes the host collect garbage: the game does not depend on the collector. */
static void test_weak_after_setmetatable(void **st) {
    (void)st;
    run r;
    const char *err = run_snippet(&r, "local mt = {} local cache = setmetatable({}, mt) "
                                      "mt.__mode = 'v' cache[1] = {} local n = 0",
                                  "n = n + 1 if n == 1 then error('first') end\n"
                                  "assert(cache[1] ~= nil, 'weak value collected') "
                                  "state:set('x', 1)");
    assert_non_null(strstr(err, "first"));
    niact_order o = {0, 0, 0};
    assert_int_equal(niact_session_submit(r.s, 0, &o, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(r.s), NIACT_OK);
    const char *err2 = ts_last_log(niact_session_game(r.s), 0, NIACT_LOG_ERROR);
    if (strstr(err2, "weak value collected"))
        fail_msg("a weak table lost its key: %s", err2);
    done(&r);
}

static void test_globals_frozen_in_play(void **st) {
    (void)st;
    expect_error("", "counter = 1", "assignment to global 'counter'");
    expect_error("local data = 1", "_G.data = 2", "assignment to global");
}

static void test_error_names_file_line(void **st) {
    (void)st;
    run r;
    const char *err = run_snippet(&r, "", "local t = nil\n      local y = t.field");
    assert_non_null(strstr(err, "scenario.lua:"));
    assert_non_null(strstr(err, "| local y = t.field")); /* the offending line, quoted */
    assert_non_null(strstr(err, "action 'act'"));
    done(&r);
}

static void test_require_confined(void **st) {
    (void)st;
    expect_error("", "require('../../etc/passwd')", "is not a module name");
    expect_error("", "require('nosuchmodule')", "not found");
    expect_clean("local u = require('util') assert(u.clamp(5, 0, 3) == 3) state:set('x', 1)");
}

static void test_state_misuse(void **st) {
    (void)st;
    expect_error("", "state:get('nope')", "no track 'nope'");
    /* check_state compares the address of the host's one state object; lookup finds ids
     * by the address of the interned id string, and anything else in the ids table. */
    expect_error("", "state.get({}, 'x')", "niact.state expected, got table");
    expect_error("", "state.get(nil, 'x')", "niact.state expected, got nil");
    expect_error("", "state.get('x', 'x')", "niact.state expected, got string");
    expect_error("", "state:get(string.rep('x', 50))", "no track 'xxxxxxxxxx");
    expect_error("", "state:get(7)", "no track '7'");
    expect_error("", "state:get({})", "string expected, got table");
    expect_error("", "state:get()", "string expected, got no value");
    expect_clean("local id = ('y'):rep(0) .. 'x' assert(state:get(id) == state:get('x'))\n"
                 "assert(state:min(table.concat({'', 'x'})) == state:min('x')) state:set('x', 1)");
    expect_error("", "state:end_game('victory')", "no outcome 'victory' is declared");
    expect_error("", "state:roll(0)", "must be at least 1");
    expect_error("", "state:set('x', 0/0)", "finite");
    /* Every float reaching an integer is checked first (UBSan saw NaN converted). */
    expect_error("", "state:chance(0/0)", "not NaN");
    expect_error("", "state:roll(math.huge)", "finite");
    expect_error("", "state:random(-math.huge, 3)", "finite");
    expect_error("", "state:add('x', -(0/0))", "finite");
    expect_clean("assert(state:chance(math.huge) == true) assert(state:chance(-math.huge) == false)\n"
                 "assert(state:chance(-0.0) == false) state:set('x', 1e300) assert(state:get('x') == 1000)\n"
                 "state:set('x', -0.0) assert(state:get('x') == 0) state:set('x', 1)");
}

/* The log: a line, a turn and a game hold a bounded amount of the scenario's text. */
static void test_log_limits(void **st) {
    (void)st;
    expect_error("", "local s = ('n'):rep(4000) for i = 1, 1e9 do state:log(s) end",
                 "log limit");
    expect_error("", "local ok = pcall(function() local s = ('n'):rep(4000)\n"
                     "for i = 1, 1e9 do state:log(s) end end) state:log('after') error('stop')",
                 "stop");
    expect_error("", "state:log(('n'):rep(4001))", "limited to 4000 bytes");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runaway_loop),
        cmocka_unit_test(test_pcall_cannot_swallow),
        cmocka_unit_test(test_coroutine_cannot_swallow),
        cmocka_unit_test(test_memory_bombs),
        cmocka_unit_test(test_pattern_bombs),
        cmocka_unit_test(test_hidden_c_work),
        cmocka_unit_test(test_missing_globals),
        cmocka_unit_test(test_binary_chunks_refused),
        cmocka_unit_test(test_string_metatable_locked),
        cmocka_unit_test(test_no_addresses),
        cmocka_unit_test(test_deterministic_pairs),
        cmocka_unit_test(test_stable_sort),
        cmocka_unit_test(test_gc_and_weak_refused),
        cmocka_unit_test(test_weak_after_setmetatable),
        cmocka_unit_test(test_handler_cannot_loop),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_unbounded_c_calls),
        cmocka_unit_test(test_unseen_vm_work),
        cmocka_unit_test(test_ordinary_work_fits),
        cmocka_unit_test(test_globals_frozen_in_play),
        cmocka_unit_test(test_error_names_file_line),
        cmocka_unit_test(test_require_confined),
        cmocka_unit_test(test_state_misuse),
        cmocka_unit_test(test_log_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
