/* Variants of a scenario (niact.variant{} in `variants`, docs/modding.md "Variants"):
 * declared and checked at load, chosen with niact_host_set_variant / --variant, their
 * calendar played, state:variant() seen by the rules, kept in records (a record of a
 * variant replays as that variant and nothing else), and refused with a clear reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/wait.h>

#include "niact/record.h"
#include "support.h"

/* Two seats, a days calendar of 6 turns, a variant "sprint" of 3 turns of 2 days whose
 * setup is told apart by state:variant(), and a slower one. */
static const char *const VARIANT_SCENARIO =
    "return niact.scenario{\n"
    "  api_version = 2, name = 'Variantland',\n"
    "  calendar = { start = '1970-03-01', days_per_turn = 3, turns = 6 },\n"
    "  roles = { niact.role{ id = 'a' }, niact.role{ id = 'b' } },\n"
    "  tracks = { niact.track{ id = 'x', min = 0, max = 100, initial = 0 } },\n"
    "  actions = { niact.action{ id = 'push', roles = { 'a', 'b' }, cost = 1,\n"
    "    resolve = function(state) state:add('x', 1) end } },\n"
    "  objectives = { niact.objective{ id = 'ox', role = 'a', weight = 1,\n"
    "    score = function(state) return state:get('x') end },\n"
    "    niact.objective{ id = 'oy', role = 'b', weight = 1,\n"
    "    score = function(state) return 100 - state:get('x') end } },\n"
    "  personalities = { steady = { a = function() return { 'push' } end,\n"
    "                               b = function() return {} end } },\n"
    "  setup = function(state)\n"
    "    if state:variant() == 'sprint' then state:set('x', 40) end\n"
    "  end,\n"
    "  variants = {\n"
    "    niact.variant{ id = 'sprint', name = 'Sprint', text = 'Three short turns.',\n"
    "      turns = 3, days_per_turn = 2, deadline = 60, absent = 'steady', minutes = 20 },\n"
    "    niact.variant{ id = 'slow', turns = 6, days_per_turn = 7 },\n"
    "  },\n"
    "}\n";

static char *variant_dir(void) {
    char *dir = ts_tempdir();
    assert_non_null(dir);
    ts_write(dir, "scenario.lua", VARIANT_SCENARIO);
    return dir;
}

static niact_host *load_ok(const char *dir) {
    niact_host *h = NULL;
    char msg[4096];
    niact_status st = ts_load(dir, &h, msg, sizeof msg);
    if (st != NIACT_OK)
        fail_msg("load failed: %s", msg);
    return h;
}

static void test_declared(void **st) {
    (void)st;
    char *dir = variant_dir();
    niact_host *h = load_ok(dir);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_int_equal(sc->n_variants, 2);
    const niact_variant_def *v = &sc->variants[0];
    assert_string_equal(v->meta.id, "sprint");
    assert_string_equal(v->meta.name, "Sprint");
    assert_int_equal(v->turns, 3);
    assert_int_equal(v->days_per_turn, 2);
    assert_int_equal(v->deadline, 60);
    assert_string_equal(v->absent, "steady");
    assert_int_equal(v->minutes, 20);
    assert_string_equal(sc->variants[1].absent, ""); /* "none" by default */
    assert_null(niact_scenario_variant_played(sc));
    assert_int_equal(sc->turns, 6); /* as declared until one is chosen */
    niact_host_free(h);
    ts_rmdir(dir);
}

/* Plays a game of AI seats to its end; returns its final hash, *turns the turns played. */
static uint64_t play_out(niact_host *h, uint64_t seed, int32_t *x, int32_t *turns) {
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    seats[0].kind = seats[1].kind = NIACT_SEAT_AI;
    niact_session *s = NULL;
    char msg[1024];
    assert_int_equal(niact_session_new(h, seed, seats, &s, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    const niact_game *g = niact_session_view(s);
    assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
    assert_int_equal(niact_game_history(g, 0, 0, 0, x), NIACT_OK); /* after setup */
    *turns = niact_game_turn(g);
    uint64_t hash = niact_game_hash(g);
    niact_session_free(s);
    return hash;
}

static void test_chosen(void **st) {
    (void)st;
    char *dir = variant_dir();
    niact_host *whole = load_ok(dir), *sprint = load_ok(dir);
    char msg[700];
    assert_int_equal(niact_host_set_variant(sprint, "sprint", msg, sizeof msg), 0);
    const niact_scenario *sc = niact_host_scenario(sprint);
    assert_int_equal(sc->turns, 3);
    assert_int_equal(sc->days_per_turn, 2);
    assert_string_equal(niact_scenario_variant_played(sc)->meta.id, "sprint");
    char date[NIACT_DATE_MAX];
    assert_int_equal(niact_scenario_date(sc, 2, date, sizeof date), 0);
    assert_string_equal(date, "1970-03-05"); /* turn 3: two days a turn */
    /* The same again is no change; another is refused. */
    assert_int_equal(niact_host_set_variant(sprint, "sprint", msg, sizeof msg), 0);
    assert_int_equal(niact_host_set_variant(sprint, "slow", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "already chosen"));
    int32_t x0w, x0s, tw, ts;
    uint64_t hw = play_out(whole, 7, &x0w, &tw), hs = play_out(sprint, 7, &x0s, &ts);
    assert_int_equal(x0w, 0);  /* setup saw no variant */
    assert_int_equal(x0s, 40); /* setup saw state:variant() == "sprint" */
    assert_true(tw >= 6 && ts >= 3 && ts < tw);
    assert_true(hw != hs);
    /* Deterministic: the same variant and seed, the same game, in a fresh host. */
    niact_host *again = load_ok(dir);
    assert_int_equal(niact_host_set_variant(again, "sprint", msg, sizeof msg), 0);
    int32_t x1, t1;
    assert_true(play_out(again, 7, &x1, &t1) == hs);
    niact_host_free(again);
    niact_host_free(whole);
    niact_host_free(sprint);
    ts_rmdir(dir);
}

static void test_unknown(void **st) {
    (void)st;
    char *dir = variant_dir();
    niact_host *h = load_ok(dir);
    char msg[700];
    assert_int_equal(niact_host_set_variant(h, "sprnt", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "no variant 'sprnt'"));
    assert_non_null(strstr(msg, "did you mean 'sprint'"));
    assert_int_equal(niact_host_set_variant(h, "marathon", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "its variants: sprint, slow"));
    assert_null(niact_scenario_variant_played(niact_host_scenario(h)));
    assert_int_equal(niact_host_scenario(h)->turns, 6); /* nothing changed */
    assert_int_equal(niact_host_set_variant(h, NULL, msg, sizeof msg), 0);
    assert_int_equal(niact_host_set_variant(h, "", msg, sizeof msg), 0);
    niact_host_free(h);
    /* A scenario with none says so. */
    char *plain = ts_scenario("", "");
    h = load_ok(plain);
    assert_int_equal(niact_host_set_variant(h, "lesson", msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "declares no variants"));
    niact_host_free(h);
    ts_rmdir(plain);
    ts_rmdir(dir);
}

/* Loads a scenario made of VARIANT_SCENARIO with `from` replaced by `to`, and expects a
 * problem holding `needle`. */
static void replace(char *text, size_t cap, const char *from, const char *to) {
    char *at = strstr(text, from);
    assert_non_null(at);
    char rest[8192];
    snprintf(rest, sizeof rest, "%s", at + strlen(from));
    snprintf(at, cap - (size_t)(at - text), "%s%s", to, rest);
}

static void expect_problem2(const char *from, const char *to, const char *from2,
                            const char *to2, const char *needle) {
    char text[8192];
    snprintf(text, sizeof text, "%s", VARIANT_SCENARIO);
    replace(text, sizeof text, from, to);
    if (from2)
        replace(text, sizeof text, from2, to2);
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua", text);
    niact_host *h = NULL;
    char msg[8192];
    niact_status s = ts_load(dir, &h, msg, sizeof msg);
    if (s == NIACT_OK)
        fail_msg("loaded, but expected a problem '%s' after '%s' -> '%s'", needle, from, to);
    if (!strstr(msg, needle))
        fail_msg("expected '%s' in: %s", needle, msg);
    assert_null(h);
    ts_rmdir(dir);
}

static void expect_problem(const char *from, const char *to, const char *needle) {
    expect_problem2(from, to, NULL, NULL, needle);
}

static void test_bad_declarations(void **st) {
    (void)st;
    expect_problem("absent = 'steady'", "absent = 'stedy'",
                   "absent = \"stedy\" is not a personality");
    expect_problem("days_per_turn = 2, deadline", "hours_per_turn = 2, deadline",
                   "the calendar is in days");
    expect_problem("turns = 3,", "turns = 0,", "turns");
    expect_problem("deadline = 60", "deadline = -5", "deadline");
    expect_problem("deadline = 60", "dedline = 60", "did you mean 'deadline'");
    expect_problem2("turns = 6, days_per_turn = 7", "turns = 500, days_per_turn = 366",
                    "'1970-03-01'", "'9900-03-01'", "after 9999-12-31");
    expect_problem("niact.variant{ id = 'slow'", "niact.variant{ id = 'sprint'",
                   "already declared");
    expect_problem("id = 'slow'", "id = 'Slow!'", "ids use a-z");
}

/* A record of a variant replays as that variant, and only as that variant. */
static void test_record(void **st) {
    (void)st;
    char *dir = variant_dir();
    niact_host *h = load_ok(dir);
    char msg[4200];
    assert_int_equal(niact_host_set_variant(h, "sprint", msg, sizeof msg), 0);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    seats[0].kind = seats[1].kind = NIACT_SEAT_AI;
    niact_session *s = NULL;
    assert_int_equal(niact_session_new(h, 11, seats, &s, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    uint64_t hash = niact_game_hash(niact_session_view(s));
    char path[4300];
    snprintf(path, sizeof path, "%s/game.json", dir);
    assert_int_equal(niact_record_save(s, ~0u, path, msg, sizeof msg), NIACT_OK);
    niact_session_free(s);
    niact_host_free(h);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    assert_non_null(strstr(buf, "\"variant\": \"sprint\""));

    niact_record_opts o = {0};
    o.scenario_dir = dir;
    o.lib_dir = NIACT_SCRIPTS_DIR "/lib";
    niact_loaded back;
    assert_int_equal(niact_record_load(path, &o, &back, msg, sizeof msg), NIACT_OK);
    const niact_scenario *sc = niact_session_scenario(back.session);
    assert_non_null(niact_scenario_variant_played(sc));
    assert_string_equal(niact_scenario_variant_played(sc)->meta.id, "sprint");
    assert_true(niact_game_hash(niact_session_view(back.session)) == hash);
    niact_loaded_free(&back);

    /* Into a host of another variant, or of the whole game: refused, clearly. */
    niact_host *slow = load_ok(dir);
    assert_int_equal(niact_host_set_variant(slow, "slow", msg, sizeof msg), 0);
    o.host = slow;
    assert_int_not_equal(niact_record_load(path, &o, &back, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "variant 'slow'"));
    niact_host_free(slow);

    /* A record naming a variant the scenario does not declare. */
    char *at = strstr(buf, "\"variant\": \"sprint\"");
    memcpy(at, "\"variant\": \"sprunt\"", strlen("\"variant\": \"sprunt\""));
    f = fopen(path, "wb");
    fwrite(buf, 1, n, f);
    fclose(f);
    o.host = NULL;
    assert_int_not_equal(niact_record_load(path, &o, &back, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "no variant 'sprunt'"));
    ts_rmdir(dir);
}

typedef struct out {
    int code;
    char text[1 << 20];
} out;

static out *run(const char *args) {
    static out o;
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s 2>&1 </dev/null", NIACT_BIN, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = 0;
    for (size_t got; n < sizeof o.text - 1 &&
                     (got = fread(o.text + n, 1, sizeof o.text - 1 - n, p)) > 0;)
        n += got;
    o.text[n] = 0;
    int status = pclose(p);
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return &o;
}

/* The bundled lesson-length variant, through the command line. */
static void test_cli(void **st) {
    (void)st;
    out *o = run("rules --scenario november1962");
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "VARIANTS (--variant ID)"));
    assert_non_null(strstr(o->text, "lesson"));
    o = run("rules --scenario november1962 --variant lesson --json");
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "\"variant\": \"lesson\""));
    o = run("rules --scenario november1962 --variant lessn");
    assert_int_equal(o->code, 2);
    assert_non_null(strstr(o->text, "did you mean 'lesson'"));
    o = run("sim --scenario november1962 --variant lesson --games 2 --seed 3 --json");
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "\"variant\": \"lesson\""));
    o = run("sim --scenario november1962 --variant nope --games 1");
    assert_int_equal(o->code, 2);
    assert_non_null(strstr(o->text, "no variant 'nope'"));
    o = run("play --text --no-autosave --scenario november1962 --variant nope --seat us=ai "
            "--seat ussr=ai --seat un=ai");
    assert_int_equal(o->code, 2);
    assert_non_null(strstr(o->text, "no variant 'nope'"));
    o = run("check november1962 --seeds 1 --variant nope");
    assert_int_equal(o->code, 2);
    assert_non_null(strstr(o->text, "no variant 'nope'"));
}

/* niact check plays each declared variant too: an error only a variant meets is found,
 * at its line. */
static void test_check_plays_variants(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    assert_non_null(dir);
    char text[8192];
    snprintf(text, sizeof text, "%s", VARIANT_SCENARIO);
    char *at = strstr(text, "  setup = function(state)\n");
    assert_non_null(at);
    char rest[8192];
    snprintf(rest, sizeof rest, "%s", at);
    snprintf(at, sizeof text - (size_t)(at - text),
             "  turn_end = function(state)\n"
             "    if state:variant() == 'slow' then error('only the slow variant fails') end\n"
             "  end,\n%s", rest);
    ts_write(dir, "scenario.lua", text);
    char args[4300];
    snprintf(args, sizeof args, "check %s --seeds 1", dir);
    out *o = run(args);
    assert_int_equal(o->code, 1);
    assert_non_null(strstr(o->text, "only the slow variant fails"));
    assert_non_null(strstr(o->text, "scenario.lua:15:"));
    snprintf(args, sizeof args, "check %s --seeds 1 --variant sprint", dir);
    o = run(args);
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "played as its variant 'sprint'"));
    assert_non_null(strstr(o->text, "variants not played here: slow"));
    ts_rmdir(dir);
}

/* A hosted lesson: the variant's deadline is set on the first turn, as the moderator's
 * command, kept in the record, which replays, verifies and debriefs as the lesson. */
static void test_hosted_lesson(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    assert_non_null(dir);
    char args[8192];
    snprintf(args, sizeof args,
             "host --text --port 0 --bind 127.0.0.1 --variant lesson --seat us=ai:historical "
             "--seat ussr=ai:historical --seat un=ai:historical --seed 5 --no-autosave "
             "--record %s/lesson.json", dir);
    out *o = run(args);
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "each turn has 2:30 (the variant's deadline)"));
    char path[4300];
    snprintf(path, sizeof path, "%s/lesson.json", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char rec[1 << 20];
    size_t n = fread(rec, 1, sizeof rec - 1, f);
    rec[n] = 0;
    fclose(f);
    assert_non_null(strstr(rec, "\"variant\": \"lesson\""));
    assert_non_null(strstr(rec, "\"kind\": \"deadline\", \"seconds\": 150, \"late\": "
                                "\"historical\""));
    snprintf(args, sizeof args, "replay --verify %s", path);
    o = run(args);
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "every state hash matches"));
    snprintf(args, sizeof args, "debrief %s", path);
    o = run(args);
    assert_int_equal(o->code, 0);
    assert_non_null(strstr(o->text, "variant: One lesson"));
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_declared),        cmocka_unit_test(test_chosen),
        cmocka_unit_test(test_unknown),         cmocka_unit_test(test_bad_declarations),
        cmocka_unit_test(test_record),          cmocka_unit_test(test_cli),
        cmocka_unit_test(test_hosted_lesson),   cmocka_unit_test(test_check_plays_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
