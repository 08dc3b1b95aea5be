/* Questions change nothing, rollback is whole, errors are records: the reproductions of
 * issue 11, each through a real scenario (or C rules where Lua cannot reach the case).
 *
 * - a legality test, a term's test and value, and a personality run in a query mode in
 *   which writes, dice, log lines and end_game are refused with FILE:LINE, for good
 *   (pcall cannot swallow it), and the state hash does not move;
 * - a personality that catches an error from state:legal is still in its read-only view;
 * - a failed callback's pending end text is rolled back with its outcome;
 * - a scenario's own error("rate limit exceeded") is a script error, not a limit;
 * - an answer that cannot be applied is refused before anything is logged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/wait.h>

#include "niact/negotiation.h"
#include "niact/rules.h"
#include "support.h"

/* A two-role scenario: track x (both see it), track secret (only them sees it), action
 * act (param 1..1000: sets x) whose legality test runs LEGAL, action probe whose test
 * raises, a term whose value runs VALUE, and personality `p` for us running PERS. */
static char *make(const char *legal, const char *value, const char *pers, const char *extra) {
    char *dir = ts_tempdir();
    if (!dir)
        return NULL;
    char text[8192];
    snprintf(text, sizeof text,
             "return niact.scenario{\n"
             "  name = 'Query', calendar = { start = '1962-11-01', days_per_turn = 1, turns = 4 },\n"
             "  roles = { niact.role{ id = 'us', name = 'Us' }, niact.role{ id = 'them', name = 'Them' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 1000, initial = 0 },\n"
             "             niact.track{ id = 'secret', min = 0, max = 1000, initial = 777,\n"
             "                          visible = { all = 'none', them = 'true' } } },\n"
             "  actions = {\n"
             "    niact.action{ id = 'act', roles = { 'us', 'them' }, cost = 1, param = { name = 'n', min = 1, max = 1000, default = 1 },\n"
             "      legal = function(state, role, n)\n%s\n      end,\n"
             "      resolve = function(state, role, n) state:set('x', n) end },\n"
             "    niact.action{ id = 'probe', roles = { 'us' }, cost = 1,\n"
             "      legal = function(state, role) error('probe refuses to answer') end,\n"
             "      resolve = function(state) end },\n"
             "    %s\n"
             "  },\n"
             "  terms = { niact.term{ id = 'deal', name = 'Deal', givers = { 'them' },\n"
             "    value = function(state, role, giver)\n%s\n    end } },\n"
             "  personalities = { p = { us = function(state, role)\n%s\n  end } },\n"
             "}\n",
             legal, extra ? extra : "", value ? value : "return 1", pers ? pers : "return {}");
    ts_write(dir, "scenario.lua", text);
    return dir;
}

typedef struct fx {
    char *dir;
    niact_host *h;
    niact_session *s;
    niact_game *g;
    char msg[4096];
} fx;

static void open_fx(fx *f, const char *legal, const char *value, const char *pers,
                    const char *extra) {
    memset(f, 0, sizeof *f);
    f->dir = make(legal, value, pers, extra);
    assert_non_null(f->dir);
    if (ts_load(f->dir, &f->h, f->msg, sizeof f->msg) != NIACT_OK)
        fail_msg("load failed: %s", f->msg);
    assert_int_equal(niact_session_new(f->h, 7, NULL, &f->s, f->msg, sizeof f->msg), NIACT_OK);
    f->g = niact_session_game(f->s);
}

static void close_fx(fx *f) {
    niact_session_free(f->s);
    niact_host_free(f->h);
    ts_rmdir(f->dir);
}

/* Asks whether us may order act three times; the hash must not move and every answer
 * must be a refusal that names the file, the line and the method. */
static void expect_refused(const char *legal, const char *method, int line) {
    fx f;
    open_fx(&f, legal, NULL, NULL, NULL);
    uint64_t before = niact_game_hash(f.g);
    niact_order o = {0, 0, 5};
    for (int i = 0; i < 3; i++) {
        int ok = 1;
        char why[512];
        niact_status st = niact_game_order_legal(f.g, &o, &ok, why, sizeof why);
        assert_int_equal(st, NIACT_ERR_SCRIPT);
        assert_false(ok);
        const niact_error *e = niact_game_last_error(f.g);
        assert_int_equal(e->kind, NIACT_KIND_QUERY);
        assert_string_equal(e->file, "scenario.lua");
        assert_int_equal(e->line, line);
        char want[200];
        snprintf(want, sizeof want,
                 "state:%s is not allowed in a legality test (questions must not change the game)",
                 method);
        assert_string_equal(e->reason, want);
        assert_non_null(strstr(why, want));
        assert_true(niact_game_hash(f.g) == before);
    }
    /* The order is refused, and the game goes on as if nobody had asked. */
    assert_int_equal(niact_game_submit(f.g, 0, &o, 1), NIACT_ERR_INVALID);
    assert_int_equal(niact_game_last_error(f.g)->kind, NIACT_KIND_QUERY);
    assert_true(niact_game_hash(f.g) == before);
    close_fx(&f);
}

/* The legal function's body starts on line 9 of the generated file. */
static void test_legal_may_not_change_the_game(void **st) {
    (void)st;
    expect_refused("return state:roll(6) > 0", "roll", 10);
    expect_refused("state:set('x', 5) return true", "set", 10);
    expect_refused("state:add('x', 5) return true", "add", 10);
    expect_refused("state:log('asked') return true", "log", 10);
    expect_refused("state:report('us', 'asked') return true", "report", 10);
    expect_refused("state:end_game('war') return true", "end_game", 10);
    expect_refused("return state:chance(50) or true", "chance", 10);
    expect_refused("return state:random(1, 2) > 0", "random", 10);
    expect_refused("state:observe('us', 'x', 5) return true", "observe", 10);
    expect_refused("state:set_estimate('us', 'x', 5, 1) return true", "set_estimate", 10);
    /* Caught by pcall, the refusal still ends the test, and the later write is refused. */
    expect_refused("local ok = pcall(state.roll, state, 6)\n"
                   "state:set('x', 9) return true", "roll", 10);
    /* From a coroutine, the same. */
    expect_refused("local co = coroutine.create(function() state:set('x', 3) end)\n"
                   "coroutine.resume(co) state:set('x', 4) return true", "set", 10);
}

/* Asking is asking once: a pure test answers the same each time and the turn-1 hash of a
 * game in which a seat asked three times is the hash of a game in which nobody asked. */
static void test_asking_twice_is_asking_once(void **st) {
    (void)st;
    fx a, b;
    const char *legal = "return state:get('x') < 500, 'x is too high'";
    open_fx(&a, legal, NULL, NULL, NULL);
    open_fx(&b, legal, NULL, NULL, NULL);
    niact_order o = {0, 0, 5};
    for (int i = 0; i < 3; i++) {
        int ok = 0;
        assert_int_equal(niact_game_order_legal(a.g, &o, &ok, NULL, 0), NIACT_OK);
        assert_true(ok);
    }
    for (int k = 0; k < 2; k++) {
        fx *f = k ? &b : &a;
        assert_int_equal(niact_session_submit(f->s, 0, &o, 1), NIACT_OK);
        assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    }
    uint64_t ha, hb;
    assert_int_equal(niact_game_turn_hash(a.g, 1, &ha), NIACT_OK);
    assert_int_equal(niact_game_turn_hash(b.g, 1, &hb), NIACT_OK);
    assert_true(ha == hb);
    close_fx(&a);
    close_fx(&b);
}

/* A personality that catches the error of state:legal is back in its own view: it cannot
 * read a track its seat does not see, nor write. */
static void test_personality_cannot_leave_its_view(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "return true", NULL,
            "    pcall(state.legal, state, 'probe')\n"
            "    local ok, v = pcall(state.get, state, 'secret')\n"
            "    if ok then return { { 'act', v } } end\n"
            "    return { { 'act', 1 } }", NULL);
    uint64_t before = niact_game_hash(f.g);
    niact_order os[4];
    int n = 0;
    assert_int_equal(niact_host_personality(f.h, f.g, "p", 0, os, 4, &n), NIACT_OK);
    assert_int_equal(n, 1);
    assert_int_equal(os[0].param, 1); /* not 777: the secret stayed secret */
    assert_true(niact_game_hash(f.g) == before);
    close_fx(&f);

    open_fx(&f, "return true", NULL,
            "    pcall(state.legal, state, 'probe')\n"
            "    pcall(state.set, state, 'x', 999)\n"
            "    state:set('x', 998)\n"
            "    return {}", NULL);
    before = niact_game_hash(f.g);
    assert_int_equal(niact_host_personality(f.h, f.g, "p", 0, os, 4, &n), NIACT_ERR_SCRIPT);
    const niact_error *e = niact_host_last_error(f.h);
    assert_int_equal(e->kind, NIACT_KIND_QUERY);
    assert_string_equal(e->reason,
                        "state:set is not allowed in a personality (questions must not change the game)");
    assert_int_equal(e->line, 24); /* the first write, the one pcall caught */
    assert_true(niact_game_hash(f.g) == before);
    close_fx(&f);
}

/* A term's value is a question too. */
static void test_value_may_not_change_the_game(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "return true", "return state:roll(100)", NULL, NULL);
    uint64_t before = niact_game_hash(f.g);
    niact_term_item t = {0, 1, 0};
    double v = 5;
    assert_int_equal(niact_host_term_value(f.h, f.g, 0, 0, &t, &v), NIACT_ERR_SCRIPT);
    assert_int_equal(niact_host_last_error(f.h)->kind, NIACT_KIND_QUERY);
    assert_non_null(strstr(niact_host_error(f.h),
                           "state:roll is not allowed in a term's value"));
    assert_true(niact_game_hash(f.g) == before);
    close_fx(&f);
}

/* A scenario's own error that says "limit exceeded" is a script error; the real limit
 * is a limit. The kind comes from where the failure arose, not from its words. */
static void test_kind_is_not_parsed_from_words(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "return true", NULL, NULL,
            "niact.action{ id = 'rate', roles = { 'us' }, cost = 1,\n"
            "      resolve = function(state) error('rate limit exceeded') end },\n"
            "    niact.action{ id = 'spin', roles = { 'them' }, cost = 1,\n"
            "      resolve = function(state) while true do end end },");
    const niact_scenario *sc = niact_host_scenario(f.h);
    niact_order o = {0, (int16_t)niact_scenario_action(sc, "rate"), 0};
    assert_int_equal(niact_session_submit(f.s, 0, &o, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(f.s), NIACT_OK);
    const niact_error *e = niact_game_last_error(f.g);
    assert_int_equal(e->kind, NIACT_KIND_SCRIPT);
    assert_int_equal(e->status, NIACT_ERR_SCRIPT);
    assert_string_equal(e->reason, "rate limit exceeded");
    assert_string_equal(e->file, "scenario.lua");
    assert_int_equal(e->line, 17);
    assert_string_equal(e->context, "action 'rate'");
    niact_order p = {1, (int16_t)niact_scenario_action(sc, "spin"), 0};
    assert_int_equal(niact_session_submit(f.s, 1, &p, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(f.s), NIACT_OK);
    e = niact_game_last_error(f.g);
    assert_int_equal(e->kind, NIACT_KIND_INSTRUCTIONS);
    assert_int_equal(e->status, NIACT_ERR_LIMIT);
    assert_int_equal(e->line, 19);
    close_fx(&f);
}

/* An action ends the game in a settlement; turn_end asks for war, then fails. The voided
 * turn_end leaves no trace: the outcome and its text are the settlement's. */
static void test_rollback_keeps_the_pending_text(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    assert_non_null(dir);
    ts_write(dir, "scenario.lua",
             "return niact.scenario{\n"
             "  name = 'End', calendar = { start = '1962-11-01', days_per_turn = 1, turns = 4 },\n"
             "  roles = { niact.role{ id = 'us', name = 'Us' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 10, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'settle', roles = { 'us' }, cost = 1,\n"
             "    resolve = function(state) state:end_game('settlement', 'A settlement.') end } },\n"
             "  turn_end = function(state)\n"
             "    state:end_game('war', 'Nuclear war broke out.')\n"
             "    error('turn_end fails after asking for war')\n"
             "  end,\n"
             "}\n");
    niact_host *h;
    niact_session *s;
    char msg[2048];
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("load failed: %s", msg);
    assert_int_equal(niact_session_new(h, 1, NULL, &s, msg, sizeof msg), NIACT_OK);
    niact_order o = {0, 0, 0};
    assert_int_equal(niact_session_submit(s, 0, &o, 1), NIACT_OK);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    niact_game *g = niact_session_game(s);
    assert_int_equal(niact_game_outcome(g), NIACT_OUTCOME_SETTLEMENT);
    assert_string_equal(niact_game_outcome_text(g), "A settlement.");
    assert_non_null(strstr(ts_last_log(g, 0, NIACT_LOG_ERROR), "turn_end fails"));
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

/* ---- C rules: validation before mutation ---- */

static niact_meta M(const char *id) {
    return (niact_meta){(char *)id, (char *)id, "", "", "", 0};
}

/* A game built in C that gives no cap (proposals_per_turn 0) has the most that fits
 * (turns x roles x cap within NIACT_MAX_GAME_PROPOSALS, at most 96 a seat a turn), and
 * its commitments grow past the 96 a game once held: 20 agreements of 6 terms, each
 * commitment indexed; the 97th proposal of a turn is refused, changing nothing. */
static void test_commitments_grow(void **st) {
    (void)st;
    niact_track_def tracks[1] = {{.meta = M("x"), .min = 0, .max = 10,
                                  .vis = {NIACT_VIS_TRUE, NIACT_VIS_TRUE}}};
    niact_term_def terms[NIACT_MAX_TERMS];
    static const char *ids[NIACT_MAX_TERMS] = {"t0", "t1", "t2", "t3", "t4", "t5"};
    for (int i = 0; i < NIACT_MAX_TERMS; i++)
        terms[i] = (niact_term_def){.meta = M(ids[i]), .givers = 1, .window = 3, .param_name = ""};
    niact_scenario sc = {.meta = M("s"), .start_date = "1962-11-01", .days_per_turn = 1,
                         .turns = 5, .n_roles = 2, .n_tracks = 1, .tracks = tracks,
                         .n_terms = NIACT_MAX_TERMS, .terms = terms};
    sc.roles[0] = (niact_role_def){M("a"), 2, "", NULL};
    sc.roles[1] = (niact_role_def){M("b"), 2, "", NULL};
    assert_int_equal(niact_scenario_proposals_per_turn(&sc), NIACT_MAX_PROPOSALS_PER_TURN);
    assert_int_equal(niact_scenario_max_proposals(&sc), 5 * 2 * 96);
    niact_game *g;
    char msg[256];
    assert_int_equal(niact_game_new(&sc, NULL, 1, &g, msg, sizeof msg), NIACT_OK);
    niact_term_item items[NIACT_MAX_TERMS];
    for (int i = 0; i < NIACT_MAX_TERMS; i++)
        items[i] = (niact_term_item){(int16_t)i, -1, 0};
    int32_t id;
    for (int k = 0; k < 20; k++) {
        assert_int_equal(niact_game_propose(g, 0, 2, 0, items, NIACT_MAX_TERMS, 0, &id), NIACT_OK);
        assert_int_equal(niact_game_answer(g, 1, id, 1), NIACT_OK);
    }
    assert_non_null(niact_game_commitment(g, 0, 20 * NIACT_MAX_TERMS - 1));
    assert_non_null(niact_game_commitment(g, 1, 20 * NIACT_MAX_TERMS - 1));
    assert_null(niact_game_commitment(g, 1, 20 * NIACT_MAX_TERMS));
    assert_int_equal(niact_game_commitment(g, 1, 119)->agreement, 20);
    for (int k = 20; k < 96; k++)
        assert_int_equal(niact_game_propose(g, 0, 2, 0, items, 1, 0, &id), NIACT_OK);
    uint64_t before = niact_game_hash(g);
    size_t log_before = niact_game_log_size(g);
    assert_int_equal(niact_game_propose(g, 0, 2, 0, items, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_game_error(g), "a has made 96 proposals this turn"));
    assert_true(niact_game_hash(g) == before);
    assert_int_equal(niact_game_log_size(g), log_before);
    /* b's allowance is its own. */
    assert_int_equal(niact_game_propose(g, 1, 1, 0, items, 1, 0, &id), NIACT_OK);
    assert_int_equal(id, 97);
    niact_game_free(g);
}

/* The core's own wall behind the host's: C rules whose legality test writes, draws and
 * logs change nothing, and the test is refused as a question that tried to change the
 * game. */
static niact_status writing_legal(void *ud, niact_game *g, const niact_order *o, int *ok) {
    (void)ud;
    (void)o;
    niact_rules_set(g, 0, 9);
    (void)niact_rng_next(niact_rules_rng(g));
    (void)niact_rules_log(g, 1, NIACT_LOG_NEWS, "asked");
    niact_rules_end(g, NIACT_OUTCOME_WAR, "war");
    *ok = 1;
    return NIACT_OK;
}

static void test_core_refuses_writes_in_questions(void **st) {
    (void)st;
    niact_track_def tracks[1] = {{.meta = M("x"), .min = 0, .max = 10,
                                  .vis = {NIACT_VIS_TRUE}}};
    niact_action_def actions[1] = {{.meta = M("a"), .roles = 1, .cost = 1, .has_legal = 1,
                                    .param_name = ""}};
    niact_scenario sc = {.meta = M("s"), .start_date = "1962-11-01", .days_per_turn = 1,
                         .turns = 3, .n_roles = 1, .n_tracks = 1, .tracks = tracks,
                         .n_actions = 1, .actions = actions};
    sc.roles[0] = (niact_role_def){M("a"), 2, "", NULL};
    niact_rules rules = {.legal = writing_legal};
    niact_game *g;
    char msg[256];
    assert_int_equal(niact_game_new(&sc, &rules, 1, &g, msg, sizeof msg), NIACT_OK);
    uint64_t before = niact_game_hash(g);
    size_t log_before = niact_game_log_size(g);
    niact_order o = {0, 0, 0};
    int ok = 1;
    assert_int_equal(niact_game_order_legal(g, &o, &ok, NULL, 0), NIACT_ERR_SCRIPT);
    assert_false(ok);
    assert_int_equal(niact_game_last_error(g)->kind, NIACT_KIND_QUERY);
    assert_non_null(strstr(niact_game_error(g), "4 writes refused"));
    assert_true(niact_game_hash(g) == before);
    assert_int_equal(niact_game_log_size(g), log_before);
    /* Outside a question the same calls write as before. */
    niact_rules_set(g, 0, 9);
    assert_int_equal(niact_rules_get(g, 0), 9);
    niact_game_free(g);
}

/* The one formatter: position, reason, context and the quoted line, parts left out when
 * empty. */
static void test_formatter(void **st) {
    (void)st;
    niact_error e;
    char buf[512];
    niact_error_set(&e, NIACT_ERR_SCRIPT, NIACT_KIND_SCRIPT, "boom %d", 3);
    niact_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "boom 3");
    snprintf(e.file, sizeof e.file, "rules.lua");
    e.line = 12;
    niact_error_context(&e, "action '%s'", "blockade");
    snprintf(e.source, sizeof e.source, "error('boom')");
    niact_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "rules.lua:12: boom 3 (in action 'blockade')\n    12 | error('boom')");
    assert_int_equal(niact_error_kind_status(NIACT_KIND_INSTRUCTIONS), NIACT_ERR_LIMIT);
    assert_int_equal(niact_error_kind_status(NIACT_KIND_QUERY), NIACT_ERR_SCRIPT);
    assert_int_equal(niact_error_kind_status(NIACT_KIND_BROKEN), NIACT_ERR_BROKEN);
    niact_error_clear(&e);
    assert_int_equal(e.kind, NIACT_KIND_NONE);
    niact_error_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "no error");
}

/* One table of outcome names: every outcome has its id, title and stamp, and ids parse
 * back to their outcome. */
static void test_outcome_table(void **st) {
    (void)st;
    for (int o = NIACT_OUTCOME_NONE; o <= NIACT_OUTCOME_ERROR; o++) {
        const niact_outcome_names *n = niact_outcome_info((niact_outcome)o);
        assert_true(n->id[0] && n->title[0] && n->stamp[0]);
        niact_outcome back;
        assert_int_equal(niact_outcome_parse(n->id, &back), 0);
        assert_int_equal(back, o);
    }
    assert_string_equal(niact_outcome_info(NIACT_OUTCOME_LAST_TURN)->id, "last_turn");
    assert_string_equal(niact_outcome_info((niact_outcome)99)->id, "running");
    niact_outcome x;
    assert_int_equal(niact_outcome_parse("victory", &x), -1);
}

/* ---- through the program ---- */

/* Fails the test with the program's output (freed first: fail_msg does not return). */
static void fail_with(const char *what, int code, char *out) {
    static char copy[16384];
    snprintf(copy, sizeof copy, "%s", out);
    free(out);
    fail_msg("%s: exit %d\n%s", what, code, copy);
}

/* Runs `niact ARGS < INPUT`; returns the exit code, output in out (malloc'd). */
static int run_niact(const char *dir, const char *input, const char *args, char **out) {
    char in[600], cmd[8192];
    snprintf(in, sizeof in, "%s/stdin", dir);
    ts_write(dir, "stdin", input);
    snprintf(cmd, sizeof cmd, "HOME=%s XDG_DATA_HOME=%s/data %s %s < %s 2>&1", dir, dir,
             NIACT_BIN, args, in);
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

/* The reproductions of the issue: typing `actions` three times in text play used to
 * move the game's dice, so the record failed `replay --verify` at turn 1; and `check`
 * said ok. Now the test is refused, the record verifies, and check names the line. */
static void test_text_play_and_check(void **st) {
    (void)st;
    char *dir = make("return state:roll(6) > 0", NULL, NULL, NULL);
    assert_non_null(dir);
    char args[4096], *out;
    snprintf(args, sizeof args, "play --text --scenario %s --seat us=human --seat them=ai "
                                "--seed 5 --record %s/r.json", dir, dir);
    int code = run_niact(dir, "actions\nactions\nactions\ndone\ndone\ndone\ndone\ndone\n",
                         args, &out);
    if (code != 0 || !strstr(out, "state:roll is not allowed in a legality test"))
        fail_with("play", code, out);
    free(out);
    snprintf(args, sizeof args, "replay %s/r.json --verify --scenario %s", dir, dir);
    code = run_niact(dir, "", args, &out);
    if (code != 0 || !strstr(out, "verified"))
        fail_with("replay", code, out);
    free(out);
    snprintf(args, sizeof args, "check %s", dir);
    code = run_niact(dir, "", args, &out);
    char want[4200];
    snprintf(want, sizeof want, "%s/scenario.lua:10: state:roll is not allowed in a legality test",
             dir);
    if (code != 1 || !strstr(out, want))
        fail_with("check", code, out);
    free(out);
    ts_rmdir(dir);
}

/* check asks each test twice: one that keeps a counter of its own answers differently. */
static void test_check_asks_twice(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    assert_non_null(dir);
    ts_write(dir, "scenario.lua",
             "local asked = 0\n"
             "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us' } }, tracks = { niact.track{ id='t', max=1000 } },\n"
             "  actions = { niact.action{ id='a', roles={'us'}, cost=1,\n"
             "    legal = function(state) asked = asked + 1 return asked % 2 == 0 end,\n"
             "    resolve = function(state) end } } }\n");
    char args[4096], *out;
    snprintf(args, sizeof args, "check %s", dir);
    int code = run_niact(dir, "", args, &out);
    if (code != 1 || !strstr(out, "the legality test of 'a' for 'us' (turn 1) answered differently"))
        fail_with("check", code, out);
    free(out);
    ts_rmdir(dir);
}

/* check plays each personality in every seat: one that escapes its view after catching
 * state:legal's error, then writes, is reported at its line (it used to say ok). */
static void test_check_plays_personalities(void **st) {
    (void)st;
    char *dir = make("return true", NULL,
                     "    pcall(state.legal, state, 'probe')\n"
                     "    state:set('x', 5)\n"
                     "    return {}", NULL);
    assert_non_null(dir);
    char args[4096], *out;
    snprintf(args, sizeof args, "check %s", dir);
    int code = run_niact(dir, "", args, &out);
    char want[4200];
    snprintf(want, sizeof want,
             "%s/scenario.lua:24: state:set is not allowed in a personality (questions must "
             "not change the game) (in personality 'p' for 'us')", dir);
    if (code != 1 || !strstr(out, want))
        fail_with("check", code, out);
    free(out);
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_legal_may_not_change_the_game),
        cmocka_unit_test(test_asking_twice_is_asking_once),
        cmocka_unit_test(test_personality_cannot_leave_its_view),
        cmocka_unit_test(test_value_may_not_change_the_game),
        cmocka_unit_test(test_kind_is_not_parsed_from_words),
        cmocka_unit_test(test_rollback_keeps_the_pending_text),
        cmocka_unit_test(test_commitments_grow),
        cmocka_unit_test(test_core_refuses_writes_in_questions),
        cmocka_unit_test(test_formatter),
        cmocka_unit_test(test_outcome_table),
        cmocka_unit_test(test_text_play_and_check),
        cmocka_unit_test(test_check_asks_twice),
        cmocka_unit_test(test_check_plays_personalities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
