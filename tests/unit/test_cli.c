/* The command line contract of docs/cli.md: exit codes, outputs, determinism across
 * processes, playing through a pipe, and hostile scenarios that must not stop play. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <sys/wait.h>

#include "niact/negotiation.h"
#include "niact/record.h"
#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <time.h>

#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"

typedef struct out {
    int code;      /* exit status, or 128+signal */
    char *text;    /* stdout and stderr together */
} out;

/* Runs `niact ARGS` with the len bytes of INPUT on stdin, capturing what redir leaves
 * on standard output ("2>&1": both streams). */
static out run_redir_n(const char *args, const char *input, size_t len, const char *redir) {
    char in[64] = "/tmp/niact-cli-in-XXXXXX";
    int fd = mkstemp(in);
    assert_true(fd >= 0);
    if (input)
        assert_int_equal(write(fd, input, len), (ssize_t)len);
    close(fd);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s < %s %s", NIACT_BIN, args, in, redir);
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
    unlink(in);
    out o = {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), buf};
    return o;
}

/* Runs `niact ARGS` with the len bytes of INPUT on stdin, capturing its standard output
 * and standard error together. */
static out run_n(const char *args, const char *input, size_t len) {
    return run_redir_n(args, input, len, "2>&1");
}

/* run_n with INPUT a string (NULL: empty). */
static out run(const char *args, const char *input) {
    return run_n(args, input, input ? strlen(input) : 0);
}

/* run, capturing what redir leaves on standard output. */
static out run_redir(const char *args, const char *input, const char *redir) {
    return run_redir_n(args, input, input ? strlen(input) : 0, redir);
}

static void expect_code(const char *args, const char *input, int code, const char *needle) {
    out o = run(args, input);
    if (o.code != code || (needle && !strstr(o.text, needle)))
        fail_msg("niact %s: exit %d (want %d), output:\n%s", args, o.code, code, o.text);
    free(o.text);
}

static void test_exit_codes(void **st) {
    (void)st;
    expect_code("--version", NULL, 0, "niact 0.");
    expect_code("--help", NULL, 0, "niact check DIR|FILE");
    expect_code("frobnicate", NULL, 2, "unknown command");
    expect_code("play --text --seed banana", NULL, 2, "--seed");
    expect_code("play --text --bogus", NULL, 2, "unexpected");
    expect_code("play --text --scenario /nonexistent", NULL, 1, "no scenario");
    expect_code("play --text --scenario " TESTLAND " --seat xx=ai", NULL, 2, "no role 'xx'");
    expect_code("play --text --scenario " TESTLAND " --seat us=robot", NULL, 2, "human, ai");
    expect_code("play --text --scenario " TESTLAND " --seat us=ai:nobody", NULL, 2,
                "no AI personality 'nobody'");
    expect_code("play --text --scenario " TESTLAND " --seat us=ai --seat us=human", NULL, 2,
                "--seat us= given twice");
    expect_code("sim --scenario " TESTLAND " --games 1 --seat un=ai --seat un=random", NULL, 2,
                "--seat un given twice");
    expect_code("sim --scenario " TESTLAND, NULL, 2, "--games");
    expect_code("sim --scenario " TESTLAND " --games 0", NULL, 2, "--games");
    expect_code("check", NULL, 2, "usage");
    expect_code("check " TESTLAND, NULL, 0, "testland: ok");
    expect_code("check " TESTLAND "/scenario.lua", NULL, 0, "testland: ok");
    expect_code("rules --scenario " TESTLAND, NULL, 0, "OBJECTIVES");
    expect_code("rules --nope", NULL, 2, "unexpected");
    /* The window's options are checked whole before any window opens. */
    for (const char *w = "--scale nan\0--scale 1.5x\0--scale inf\0--size 800x600x\0"
                         "--size 99999x99999\0play --scale nan\0";
         *w; w += strlen(w) + 1)
        expect_code(w, NULL, 2, "unexpected");
    /* The network commands' window options too, before any socket or window: a bad one
     * is named (a build without the window refuses the window instead: exit 2 both). */
    for (const char *w = "host --preset huge --scenario " TESTLAND "\0"
                         "host --size 10x10 --scenario " TESTLAND "\0"
                         "join 127.0.0.1:9 --code ABCDEFGHJK --scale 9\0";
         *w; w += strlen(w) + 1) {
        out o = run(w, NULL);
        if (o.code != 2 || (!strstr(o.text, "bad window option") &&
                            !strstr(o.text, "no window") && !strstr(o.text, "without the window")))
            fail_msg("niact %s: exit %d, output:\n%s", w, o.code, o.text);
        free(o.text);
    }
    expect_code("host --text --preset projector --scenario " TESTLAND, NULL, 2,
                "not --text");
    expect_code("join 127.0.0.1:9 --code ABCDEFGHJK --preset projector --text", NULL, 2,
                "not --text");
}

static void test_check_reports_file_line(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us' } },\n"
             "  tracks = { niact.track{ id='t', min=3, max=1 } } }\n");
    char args[512];
    snprintf(args, sizeof args, "check %s", dir);
    char want[512];
    snprintf(want, sizeof want, "%s/scenario.lua:3: track 't'", dir);
    expect_code(args, NULL, 1, want);
    /* A runtime error is found by check's test games, with its position. */
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us' } }, tracks = { niact.track{ id='t' } },\n"
             "  turn_end = function(state)\n"
             "    state:add('t', nil + 1)\n"
             "  end }\n");
    snprintf(want, sizeof want, "%s/scenario.lua:4: attempt to perform arithmetic", dir);
    expect_code(args, NULL, 1, want);
    /* State kept in an upvalue makes the same seed give different games. */
    ts_write(dir, "scenario.lua",
             "local n = 0\n"
             "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us' } }, tracks = { niact.track{ id='t', max=1000 } },\n"
             "  turn_end = function(state) n = n + 1 state:set('t', n) end }\n");
    expect_code(args, NULL, 1, "keeps state outside its declared tracks");
    /* A personality that errors or loops is asked by check for each seat it plays. */
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us' }, niact.role{ id='them' } },\n"
             "  tracks = { niact.track{ id='t' } },\n"
             "  personalities = { calm = { us = function(state) return {} end,\n"
             "                             them = function(state) return nil + 1 end },\n"
             "                    busy = { us = function(state) while true do end end } } }\n");
    snprintf(want, sizeof want, "%s/scenario.lua:5: attempt to perform arithmetic", dir);
    expect_code(args, NULL, 1, want);
    expect_code(args, NULL, 1, "(in personality 'calm' for 'them'");
    snprintf(want, sizeof want, "%s/scenario.lua:6: instruction limit exceeded", dir);
    expect_code(args, NULL, 1, want);
    expect_code(args, NULL, 1, "(in personality 'busy' for 'us'");
    /* At play time the failing seat is said once, not every turn. */
    char play[600];
    snprintf(play, sizeof play, "play --text --no-autosave --seed 1 --scenario %s "
             "--seat us=ai:busy --seat them=ai:random", dir);
    out o = run(play, NULL);
    const char *first = strstr(o.text, "the AI of the us gives no orders");
    if (!first || strstr(first + 1, "the AI of the us gives no orders"))
        fail_msg("expected the failing AI said once:\n%s", o.text);
    assert_non_null(strstr(first, "scenario.lua:6: instruction limit exceeded"));
    free(o.text);
    ts_rmdir(dir);
}

static void test_same_game_in_two_processes(void **st) {
    (void)st;
    const char *args = "play --text --scenario " TESTLAND
                       " --seat us=ai --seat ussr=ai --seat un=ai:historical --seed 12345 --hashes";
    out a = run(args, NULL), b = run(args, NULL);
    assert_int_equal(a.code, 0);
    assert_int_equal(b.code, 0);
    assert_non_null(strstr(a.text, "turn 1 hash "));
    assert_string_equal(a.text, b.text);
    out c = run("play --text --scenario " TESTLAND
                " --seat us=ai --seat ussr=ai --seat un=ai:historical --seed 12346 --hashes",
                NULL);
    assert_string_not_equal(strstr(a.text, "turn 0 hash"), strstr(c.text, "turn 0 hash"));
    free(a.text);
    free(b.text);
    free(c.text);
}

static void test_play_through_a_pipe(void **st) {
    (void)st;
    /* us is human; the others are AI. Garbage lines must be answered, not fatal. */
    const char *script =
        "help\nstatus\nactions\nfrobnicate\norder\norder nosuch\norder pressure 9\n"
        "order recon\norder recon\norders\ndrop 1\norder 1\ndone\n"
        "order pressure 2\nnews all\ndone\n"
        "done\ndone\ndone\ndone\ndone\ndone\n";
    out o = run("play --text --scenario " TESTLAND " --seat ussr=ai:historical --seat un=ai "
                "--seed 3", script);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "Unknown command 'frobnicate'"));
    assert_non_null(strstr(o.text, "No action 'nosuch'"));
    assert_non_null(strstr(o.text, "takes steps from 1 to 2"));
    assert_non_null(strstr(o.text, "can be ordered only once a turn"));
    assert_non_null(strstr(o.text, "Orders given."));
    assert_non_null(strstr(o.text, "=== RESULT"));
    /* From a pipe nothing is asked: done with points left runs as written. */
    assert_non_null(strstr(o.text, "Orders given. 2 action points were left unspent."));
    assert_null(strstr(o.text, "(y/n)"));
    free(o.text);
    /* Input that ends early leaves the game unfinished, cleanly. */
    expect_code("play --text --scenario " TESTLAND " --seed 3", "status\n", 0, "unfinished");
    /* quit with orders not given, and without autosave: no question from a pipe. */
    o = run("play --text --scenario " TESTLAND " --seed 3 --no-autosave",
            "order recon\ndone\norder stall\nquit\n");
    assert_int_equal(o.code, 0);
    assert_null(strstr(o.text, "Quit anyway?"));
    assert_non_null(strstr(o.text, "Game left unfinished"));
    /* A hot seat through a pipe (us, then ussr): no hand-over gate and no clearing, so a
     * script plays every seat as written (issue 13). */
    assert_non_null(strstr(o.text, "[ussr] > "));
    assert_null(strstr(o.text, "Pass to the"));
    assert_null(strchr(o.text, '\033'));
    assert_null(strstr(o.text, "^[[3J"));
    /* Leaving says what was kept: here nothing (a newcomer was told nothing either way). */
    assert_non_null(strstr(o.text, "Nothing was saved on leaving"));
    free(o.text);
}

/* Negotiation in text play: a hot-seat proposal, its acceptance, a telegram, errors. */
static void test_negotiation_commands(void **st) {
    (void)st;
    const char *script =
        "terms\npropose ussr stop_pressure remove_within=15\npropose un remove_within\n"
        "propose ussr nosuch\npropose ussr remove_within=999\n"
        "telegram ussr Please answer soon.\ntelegram\ntelegram , x\npropose ,, stop_pressure\n"
        "accept x\nwithdraw 99999999999999999999\ndone\n"  /* us */
        "proposals\naccept 1\naccept 1\nreject 7\norder remove 20\ndone\n" /* ussr */
        "agreements\ndone\n"                                       /* un */
        "agreements\ndone\norder remove 20\ndone\ndone\n"
        "done\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\n";
    out o = run("play --text --scenario " TESTLAND " --seed 3", script);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "Proposal #1 sent."));
    assert_non_null(strstr(o.text, "no party to this proposal can give"));
    assert_non_null(strstr(o.text, "No term 'nosuch'"));
    assert_non_null(strstr(o.text, "takes a number: days"));
    assert_non_null(strstr(o.text, "Telegram sent."));
    assert_non_null(strstr(o.text, "TELEGRAM  Telegram from United States to Soviet Union:"));
    assert_non_null(strstr(o.text, "answer soon."));
    assert_non_null(strstr(o.text, "#1 us -> ussr [open]"));
    assert_non_null(strstr(o.text, "Accepted."));
    assert_non_null(strstr(o.text, "proposal #1 is no longer open"));
    assert_non_null(strstr(o.text, "no proposal #7"));
    /* No role named, or no proposal number: said, not silent or read as #0. */
    const char *p = strstr(o.text, "Name a role (ROLE or ROLE,ROLE). Roles: us ussr un");
    assert_non_null(p);
    assert_non_null(strstr(p + 1, "Name a role (ROLE or ROLE,ROLE)")); /* telegram, propose */
    assert_non_null(strstr(o.text, "accept ID: ID is a proposal's number, as 'proposals' "
                                   "shows it (not 'x')."));
    assert_non_null(strstr(o.text, "withdraw ID: ID is a proposal's number"));
    assert_null(strstr(o.text, "no proposal #0"));
    assert_non_null(strstr(o.text, "Soviet Union kept its commitment"));
    free(o.text);
}

/* A command with words left over, or a number with letters after it, is refused whole
 * (it used to run on the part read: 'order 1 2 3 4' ordered, 'drop 1abc' dropped order
 * 1); a telegram to one's own seat is refused by the core, for every front end. */
static void test_commands_read_whole(void **st) {
    (void)st;
    const char *script = "order recon\norder pressure 2 3 4\norders\ndrop 1abc\ndrop 1 2\n"
                         "orders\ntelegram us to myself\ntelegram ussr,us to both\n"
                         "drop 1\norders\nquit\n";
    out o = run("play --text --scenario " TESTLAND " --seed 3 --no-autosave", script);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "order takes an action and at most one number"));
    assert_null(strstr(o.text, "Ordered: Press")); /* the line with words over ran nothing */
    const char *p = strstr(o.text, "drop which? Give one number from 'orders'.");
    assert_non_null(p);
    assert_non_null(strstr(p + 1, "drop which? Give one number from 'orders'."));
    /* Both bad drops left order 1 in place; the good one took it. */
    const char *first = strstr(o.text, "1. Fly reconnaissance");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "1. Fly reconnaissance"));
    assert_non_null(strstr(o.text, "Dropped."));
    p = strstr(o.text, "a telegram goes to other seats, not to its sender");
    assert_non_null(p);
    assert_non_null(strstr(p + 1, "a telegram goes to other seats, not to its sender"));
    assert_null(strstr(o.text, "Telegram sent."));
    free(o.text);
}

/* Thousands of malformed command lines (words in random order, numbers out of range,
 * stray bytes, very long lines) typed at the first seat of November 1962: each is
 * answered, none crashes or hangs the game, and it plays on to its end. */
static void test_malformed_commands(void **st) {
    (void)st;
    static const char *const words[] = {
        "order", "o", "drop", "orders", "actions", "status", "news", "all", "brief",
        "propose", "counter", "accept", "reject", "withdraw", "proposals", "agreements",
        "telegram", "terms", "help", "ussr", "us", "un", "us,un", ",", "recon_high",
        "quarantine", "il28_out=30", "il28_out=", "=5", "lift_quarantine", "-1",
        "99999999999999999999", "0", "3", "#1", "%s%n%p", "public", "1e9", "0x10"};
    size_t cap = 1 << 20, n = 0;
    char *input = malloc(cap);
    uint32_t x = 12345;
    for (int line = 0; line < 4000 && n + 6200 < cap; line++) {
        x = x * 1664525u + 1013904223u;
        int k = (int)(x >> 28) % 7;
        if ((x & 0xff) < 12) { /* stray bytes, no newline inside */
            for (int i = 0; i < (int)(x >> 20 & 0xff); i++) {
                x = x * 1664525u + 1013904223u;
                char c = (char)(1 + (x >> 24) % 255);
                input[n++] = c == '\n' ? ' ' : c;
            }
        } else if ((x & 0xff) < 16) { /* a line longer than the reader's buffer */
            memset(input + n, 'a', 5000);
            n += 5000;
        }
        for (int i = 0; i < k; i++) {
            x = x * 1664525u + 1013904223u;
            n += (size_t)sprintf(input + n, "%s ", words[(x >> 16) % (sizeof words / sizeof *words)]);
        }
        input[n++] = '\n';
    }
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(input + n, "done\n");
    input[n] = 0;
    out o = run("play --text --seed 2 --no-autosave", input);
    free(input);
    if (o.code != 0)
        fail_msg("exit %d; last output:\n%s", o.code, o.text + (strlen(o.text) > 2000 ? strlen(o.text) - 2000 : 0));
    assert_non_null(strstr(o.text, "Unknown command"));
    assert_non_null(strstr(o.text, "too long"));
    assert_non_null(strstr(o.text, "=== RESULT"));
    free(o.text);
}

static void test_hostile_scenario_does_not_stop_play(void **st) {
    (void)st;
    char *dir = ts_scenario("", "if state:turn() == 1 then while true do end end\n"
                                "state:add('x', 1)");
    char args[512];
    snprintf(args, sizeof args, "play --text --scenario %s --seat us=ai --seed 1", dir);
    out o = run(args, NULL);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "=== RESULT: LAST TURN"));
    free(o.text);
    ts_rmdir(dir);
}

static void test_json_outputs(void **st) {
    (void)st;
    /* Standard output alone is JSON (stderr names the scenario's folder). */
    out o = run_redir("rules --scenario " TESTLAND " --json", NULL, "2>/dev/null");
    assert_int_equal(o.code, 0);
    json_error_t err;
    json_t *j = json_loads(o.text, 0, &err);
    assert_non_null(j);
    assert_int_equal(json_array_size(json_object_get(j, "roles")), 3);
    json_t *a0 = json_array_get(json_object_get(j, "tracks"), 0);
    assert_string_equal(json_string_value(json_object_get(a0, "id")), "tension");
    assert_string_equal(json_string_value(json_object_get(a0, "source")), "test");
    json_decref(j);
    free(o.text);
    o = run_redir("sim --scenario " TESTLAND " --games 40 --seed 5 --json", NULL, "2>/dev/null");
    assert_int_equal(o.code, 0);
    j = json_loads(o.text, 0, &err);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "games")), 40);
    assert_non_null(json_object_get(json_object_get(j, "roles"), "ussr"));
    json_decref(j);
    free(o.text);
}

static void test_debrief(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    char args[1024], rec[600];
    snprintf(rec, sizeof rec, "%s/game.json", dir);
    snprintf(args, sizeof args, "play --text --scenario " TESTLAND " --seat us=ai:historical "
             "--seat ussr=ai:historical --seat un=ai --seed 9 --record %s", rec);
    expect_code(args, NULL, 0, "=== RESULT");
    snprintf(args, sizeof args, "debrief %s --scenario " TESTLAND, rec);
    out o = run(args, NULL);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "# Debrief: Testland"));
    assert_non_null(strstr(o.text, "| Tension |"));
    /* The historical seats did what the historical personality does (seats by name). */
    assert_non_null(strstr(o.text, "| United States | Fly reconnaissance | Fly reconnaissance |"));
    free(o.text);
    /* An unfinished game: the debrief of the turns played, marked so. A telegram's
     * markup and line breaks stay text in the Markdown. */
    snprintf(args, sizeof args, "play --text --scenario " TESTLAND " --seed 9 --record %s", rec);
    expect_code(args, "order recon\ndone\ndone\ndone\n"
                      "telegram ussr <img src=x> | # Not a heading\nquit\n", 0, "unfinished");
    snprintf(args, sizeof args, "debrief %s --scenario " TESTLAND, rec);
    o = run(args, NULL);
    if (o.code != 0)
        fail_msg("exit %d:\n%s", o.code, o.text);
    assert_non_null(strstr(o.text, "# Debrief (unfinished game): Testland"));
    assert_non_null(strstr(o.text, "**Unfinished.** The game has not ended: 1 of its 6 turns "
                                   "were played."));
    assert_non_null(strstr(o.text, "the debrief of the turns played"));
    assert_non_null(strstr(o.text, "| United States | "));
    assert_non_null(strstr(o.text, "| Tension | "));
    assert_non_null(strstr(o.text, "| United States | Fly reconnaissance | Fly reconnaissance |"));
    assert_non_null(strstr(o.text, "&lt;img src=x> | # Not a heading"));
    assert_null(strstr(o.text, "The game ended after"));
    free(o.text);
    /* The same unfinished game as a self-contained HTML page: one document, charts as
     * inline SVG, nothing loaded from elsewhere, the telegram's markup escaped. */
    snprintf(args, sizeof args, "debrief %s --scenario " TESTLAND " --html", rec);
    o = run(args, NULL);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_non_null(strstr(o.text, "<h1>Debrief (unfinished game): Testland</h1>"));
    assert_non_null(strstr(o.text, "<svg xmlns="));
    assert_non_null(strstr(o.text, "<td>United States</td><td>Fly reconnaissance</td>"));
    assert_non_null(strstr(o.text, "&lt;img src=x&gt;"));
    assert_null(strstr(o.text, "<img"));
    assert_null(strstr(o.text, "<script"));
    assert_null(strstr(o.text, "href="));
    assert_non_null(strstr(o.text, "</body>\n</html>\n"));
    free(o.text);
    expect_code("debrief", NULL, 2, "usage");
    expect_code("debrief /nonexistent.json", NULL, 1, "niact debrief");
    ts_rmdir(dir);
}

/* What a seat types is checked where it enters: a NUL byte, a byte that is not UTF-8
 * or a control character refuses the line, and the game goes on with nothing lost (a
 * NUL used to swallow the next command; a Latin-1 telegram made every later save and
 * record write fail). */
static void test_typed_text_is_checked(void **st) {
    (void)st;
    char *dir = ts_tempdir();
    char args[1024], rec[600];
    snprintf(rec, sizeof rec, "%s/r.json", dir);
    snprintf(args, sizeof args, "play --text --scenario " TESTLAND " --seed 3 --seat ussr=ai "
             "--seat un=ai --record %s", rec);
    static const char input[] = "sta\0tus\norders\n"
                                "telegram ussr caf\xe9\n"
                                "telegram ussr clear \x1b[2J\x1b[H== Soviet Union\n"
                                "telegram ussr \xe2\x80\xae" "dlrow\n"
                                "telegram ussr Caf\xc3\xa9 cr\xc3\xa8me.\n"
                                "save\ndone\nquit\n";
    out o = run_n(args, input, sizeof input - 1);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "That line was ignored: character 4 is a control "
                                   "character (U+0000)"));
    assert_non_null(strstr(o.text, "No orders yet")); /* the next command ran */
    assert_non_null(strstr(o.text, "ignored: byte 18 (0xE9) is not valid UTF-8"));
    assert_non_null(strstr(o.text, "ignored: character 21 is a control character (U+001B)"));
    assert_non_null(strstr(o.text, "control character (U+202E)"));
    assert_non_null(strstr(o.text, "Telegram sent."));
    assert_non_null(strstr(o.text, "Saved to "));
    /* Leaving says where the game is and the very command that resumes it. */
    char resume[700];
    snprintf(resume, sizeof resume, "It is saved in %s", rec);
    assert_non_null(strstr(o.text, resume));
    snprintf(resume, sizeof resume, "Resume with: niact play --text --load %s\n", rec);
    assert_non_null(strstr(o.text, resume));
    assert_null(strstr(o.text, "could not be written"));
    assert_null(strchr(o.text, '\x1b'));
    free(o.text);
    /* A telegram of the largest size can be typed on one line. */
    char *big = malloc(NIACT_TELEGRAM_MAX + 64);
    int k = snprintf(big, 64, "telegram ussr ");
    memset(big + k, 'x', NIACT_TELEGRAM_MAX);
    snprintf(big + k + NIACT_TELEGRAM_MAX, 32, "\nquit\n");
    o = run("play --text --scenario " TESTLAND " --seed 3 --no-autosave", big);
    assert_non_null(strstr(o.text, "Telegram sent."));
    free(o.text);
    free(big);
    snprintf(args, sizeof args, "replay %s --scenario " TESTLAND, rec);
    o = run(args, NULL);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "Caf\xc3\xa9 cr\xc3\xa8me."));
    assert_null(strstr(o.text, "dlrow"));
    free(o.text);
    ts_rmdir(dir);
}

/* Nothing a scenario writes reaches the terminal as a control sequence, whatever path
 * prints it: an error message logged to the seats in play and in replay, the line of
 * source check quotes. */
static void test_output_is_sanitized(void **st) {
    (void)st;
    char *dir = ts_scenario("", "if state:turn() == 2 then error('\\27[2J\\27[H== fake banner\\7') end\n"
                                "state:add('x', 1)");
    char args[1024], rec[4200];
    snprintf(rec, sizeof rec, "%s/r.json", dir);
    snprintf(args, sizeof args, "play --text --scenario %s --seat us=ai --seed 1 --record %s",
             dir, rec);
    out o = run(args, NULL);
    assert_int_equal(o.code, 0);
    if (!strstr(o.text, "^[[2J^[[H== fake banner^G"))
        fail_msg("%s", o.text);
    assert_null(strchr(o.text, '\x1b'));
    assert_null(strchr(o.text, '\a'));
    free(o.text);
    snprintf(args, sizeof args, "replay %s --scenario %s", rec, dir);
    o = run(args, NULL);
    assert_int_equal(o.code, 0);
    assert_non_null(strstr(o.text, "^[[2J^[[H== fake banner^G"));
    assert_null(strchr(o.text, '\x1b'));
    free(o.text);
    ts_rmdir(dir);
    /* A raw escape byte in the scenario's source, quoted by check's error message. */
    dir = ts_scenario("", "local s = '\x1b]0;owned\x07'\n error(s)");
    snprintf(args, sizeof args, "check %s", dir);
    o = run(args, NULL);
    assert_int_equal(o.code, 1);
    assert_non_null(strstr(o.text, "^[]0;owned^G"));
    assert_null(strchr(o.text, '\x1b'));
    assert_null(strchr(o.text, '\a'));
    free(o.text);
    ts_rmdir(dir);
}

/* ---- a live child: commands written and output read as it plays -------------------- */

typedef struct child {
    pid_t pid;
    int in, out;     /* its stdin, its stdout and stderr (one fd for a terminal) */
    int eof;         /* its output has ended */
    char buf[1 << 17];
    size_t len;
} child;

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads the child's output for up to ms milliseconds, until its output ends, or (needle
 * not NULL) until needle has appeared after offset `from`; returns whether it did. */
static int await(child *c, size_t from, const char *needle, long ms) {
    long end = now_ms() + ms;
    for (;;) {
        c->buf[c->len] = 0;
        if (needle && strstr(c->buf + from, needle))
            return 1;
        long left = end - now_ms();
        if (left <= 0 || c->eof)
            return 0;
        struct pollfd pfd = {c->out, POLLIN, 0};
        if (poll(&pfd, 1, (int)left) <= 0)
            continue;
        ssize_t k = read(c->out, c->buf + c->len, sizeof c->buf - 1 - c->len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) /* end of the pipe; EIO on a terminal whose child has gone */
            c->eof = 1;
        else
            c->len += (size_t)k;
    }
}

static void expect_out(child *c, size_t from, const char *needle) {
    if (!await(c, from, needle, 20000))
        fail_msg("no '%s' in the output:\n%s", needle, c->buf + from);
}

static void say(child *c, const char *line) {
    assert_int_equal(write(c->in, line, strlen(line)), (ssize_t)strlen(line));
}

/* Runs `niact ARGV...` reading from a pipe (tty 0) or a pseudo-terminal (tty 1). */
static void start(child *c, int tty, char *const argv[]) {
    memset(c, 0, sizeof *c);
    if (tty) {
        int m;
        struct winsize ws = {40, 100, 0, 0};
        c->pid = forkpty(&m, NULL, NULL, &ws);
        assert_true(c->pid >= 0);
        if (c->pid == 0) {
            execv(NIACT_BIN, argv);
            _exit(127);
        }
        c->in = c->out = m;
        return;
    }
    int pin[2], pout[2];
    assert_int_equal(pipe(pin), 0);
    assert_int_equal(pipe(pout), 0);
    c->pid = fork();
    assert_true(c->pid >= 0);
    if (c->pid == 0) {
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        dup2(pout[1], 2);
        close(pin[1]);
        close(pout[0]);
        execv(NIACT_BIN, argv);
        _exit(127);
    }
    close(pin[0]);
    close(pout[1]);
    c->in = pin[1];
    c->out = pout[0];
}

/* Waits for the child to end (20 s at most), reading all its output; its wait status. */
static int finish(child *c) {
    long end = now_ms() + 20000;
    int status = 0;
    pid_t w = 0;
    while ((w = waitpid(c->pid, &status, WNOHANG)) == 0 && now_ms() < end)
        await(c, 0, NULL, 50);
    if (w == 0) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &status, 0);
        fail_msg("the game did not end; output:\n%s", c->buf);
    }
    while (!c->eof && now_ms() < end)
        await(c, 0, NULL, 50);
    if (c->in != c->out)
        close(c->in);
    close(c->out);
    return status;
}

/* Ctrl-C, SIGTERM and SIGHUP in the middle of a hot-seat turn: the game is saved first
 * (the seat that finished keeps its orders), the player is told where, and the program
 * ends by that signal. The save loads. */
static void test_stop_signals_save_first(void **st) {
    (void)st;
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
    static const char *const names[] = {"SIGTERM", "SIGINT", "SIGHUP"};
    for (int i = 0; i < 3; i++) {
        char *argv[] = {"niact", "play", "--text", "--scenario", TESTLAND, "--seed", "3", NULL};
        child *c = malloc(sizeof *c);
        start(c, 0, argv);
        expect_out(c, 0, "[us] > ");
        say(c, "order recon\ntelegram ussr Before the storm.\ndone\norder stall\n");
        expect_out(c, 0, "Ordered: Stall");
        expect_out(c, (size_t)(strstr(c->buf, "Ordered: Stall") - c->buf), "[ussr] > ");
        kill(c->pid, sigs[i]);
        int status = finish(c);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != sigs[i])
            fail_msg("%s: status %d; output:\n%s", names[i], status, c->buf);
        assert_non_null(strstr(c->buf, names[i]));
        assert_non_null(strstr(c->buf, "(without the 1 order the Soviet Union was writing)"));
        const char *load = strstr(c->buf, "Resume with: niact play --text --load ");
        assert_non_null(load);
        char path[4096];
        assert_int_equal(sscanf(load + strlen("Resume with: niact play --text --load "),
                                "%4095s", path), 1);
        niact_loaded l;
        niact_record_opts o = {0};
        char dir[] = TESTLAND, msg[1024];
        o.scenario_dir = dir;
        o.lib_dir = NIACT_SCRIPTS_DIR "/lib";
        if (niact_record_load(path, &o, &l, msg, sizeof msg) != NIACT_OK)
            fail_msg("%s: %s", path, msg);
        niact_game *g = niact_session_game(l.session);
        assert_int_equal(l.turns, 0);
        assert_true(l.partial);
        assert_true(niact_game_submitted(g, 0));  /* us finished: its orders are kept */
        int n = 0;
        niact_game_orders(g, 0, &n);
        assert_int_equal(n, 1);
        assert_false(niact_game_submitted(g, 1)); /* ussr was still writing */
        assert_int_equal(niact_session_input_count(l.session), 1); /* the telegram */
        niact_loaded_free(&l);
        free(c);
    }
}

/* On a terminal, quit with orders not given asks first, and so does done with action
 * points unspent; the hot seat hands over before the next seat's screen. From a pipe
 * (test_play_through_a_pipe, below) the same commands run as written. */
static void test_questions_on_a_terminal(void **st) {
    (void)st;
    char *argv[] = {"niact", "play", "--text", "--scenario", TESTLAND, "--seed", "3",
                    "--seat", "un=ai", NULL};
    child *c = malloc(sizeof *c);
    start(c, 1, argv);
    expect_out(c, 0, "[us] > ");
    size_t at = c->len;
    say(c, "order recon\nquit\n");
    expect_out(c, at, "Your 1 order for this turn is not given or saved.");
    expect_out(c, at, "Quit anyway? (y/n) ");
    at = c->len;
    say(c, "n\n");
    expect_out(c, at, "The game goes on.");
    at = c->len;
    say(c, "done\n");
    expect_out(c, at, "You have 2 action points left unspent. End your turn anyway? (y/n) ");
    at = c->len;
    say(c, "no\n");
    expect_out(c, at, "Your turn goes on.");
    at = c->len;
    say(c, "done\n");
    expect_out(c, at, "End your turn anyway?");
    at = c->len;
    say(c, "y\n");
    expect_out(c, at, "Orders given. 2 action points were left unspent.");
    expect_out(c, at, "Pass to the Soviet Union delegation. Press Enter");
    /* The screen and its scrollback were cleared before the gate (ESC[3J), after the
     * United States' last words. */
    {
        const char *given = strstr(c->buf + at, "Orders given."),
                   *gate = strstr(c->buf + at, "Pass to the Soviet Union delegation"),
                   *clear = strstr(c->buf + at, "\033[H\033[2J\033[3J");
        assert_true(given && gate && clear);
        assert_true(given - c->buf < clear - c->buf && clear - c->buf < gate - c->buf);
    }
    /* The next seat's private screen waits for Enter. */
    assert_false(await(c, at, "What the Soviet Union knows", 300));
    size_t gate_at = c->len;
    say(c, "\n");
    expect_out(c, at, "What the Soviet Union knows");
    { /* cleared again once Enter is pressed, before the Soviet screen */
        const char *clear = strstr(c->buf + gate_at, "\033[3J"),
                   *screen = strstr(c->buf + gate_at, "What the Soviet Union knows");
        assert_true(clear && screen && clear - c->buf < screen - c->buf);
    }
    expect_out(c, at, "[ussr] > ");
    at = c->len;
    say(c, "order stall\norder remove 5\ndone\n");
    expect_out(c, at, "End your turn anyway?");
    say(c, "yes\n");
    expect_out(c, at, "Orders given.");
    /* From the last seat of a turn to the first of the next, the keyboard changes hands
     * too: the turn's news for the United States waits. */
    expect_out(c, at, "Pass to the United States delegation. Press Enter");
    assert_false(await(c, at, "United States - turn 2 of", 300));
    say(c, "\n");
    expect_out(c, at, "United States - turn 2 of");
    expect_out(c, at, "[us] > ");
    at = c->len;
    say(c, "quit\n"); /* nothing to lose: the autosave has the game, no orders typed */
    int status = finish(c);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_null(strstr(c->buf + at, "Quit anyway?"));
    assert_non_null(strstr(c->buf + at, "unfinished"));
    free(c);
    /* Without autosave or record, a game played on is "not saved" until 'save'. */
    char *argv2[] = {"niact", "play", "--text", "--scenario", TESTLAND, "--seed", "3",
                     "--seat", "ussr=ai", "--seat", "un=ai", "--no-autosave", NULL};
    c = malloc(sizeof *c);
    start(c, 1, argv2);
    expect_out(c, 0, "[us] > ");
    say(c, "order pressure\norder recon\ndone\n");
    expect_out(c, 0, "turn 2 of");
    expect_out(c, 0, "[us] > ");
    at = c->len;
    say(c, "quit\n");
    expect_out(c, at, "The game is not saved (no autosave, no --record)");
    at = c->len;
    say(c, "n\nsave\n");
    expect_out(c, at, "Saved to ");
    at = c->len;
    say(c, "quit\n");
    status = finish(c);
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_null(strstr(c->buf + at, "Quit anyway?"));
    free(c);
}

int main(void) {
    /* Autosaves and saves of the games played here go to a folder of their own. */
    char *data = ts_tempdir();
    setenv("XDG_DATA_HOME", data, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_check_reports_file_line),
        cmocka_unit_test(test_same_game_in_two_processes),
        cmocka_unit_test(test_play_through_a_pipe),
        cmocka_unit_test(test_negotiation_commands),
        cmocka_unit_test(test_commands_read_whole),
        cmocka_unit_test(test_malformed_commands),
        cmocka_unit_test(test_hostile_scenario_does_not_stop_play),
        cmocka_unit_test(test_json_outputs),
        cmocka_unit_test(test_debrief),
        cmocka_unit_test(test_typed_text_is_checked),
        cmocka_unit_test(test_output_is_sanitized),
        cmocka_unit_test(test_stop_signals_save_first),
        cmocka_unit_test(test_questions_on_a_terminal),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ts_rmdir(data);
    return rc;
}
