/* Text from outside: the one validator (niact_text_check) and where it is enforced (a
 * telegram through the session, a scenario's declarations and log lines), and the text
 * front end's output sanitizer (cli_sanitize), chunk by chunk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cli/cli.h"
#include "niact/negotiation.h"
#include "niact/record.h"
#include "niact/text.h"
#include "support.h"

#define TESTLAND NIACT_TEST_DIR "/scenarios/testland"

static int ok(const char *s, size_t n, unsigned flags) {
    return niact_text_check(s, n, flags, NULL, 0) == NIACT_OK;
}
#define OK(lit, flags) ok(lit, sizeof lit - 1, flags)

static void test_validator(void **st) {
    (void)st;
    assert_true(OK("", 0));
    assert_true(OK("Telegram 1158, point 6.", 0));
    assert_true(OK("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 0)); /* 2, 3 and 4 bytes */
    assert_true(OK("\xef\xbf\xbd", 0));                              /* U+FFFD itself */
    assert_false(OK("caf\xe9", 0));                                  /* Latin-1, not UTF-8 */
    assert_false(OK("\x80", 0));                                     /* stray continuation */
    assert_false(OK("\xc0\xaf", 0));                                 /* overlong '/' */
    assert_false(OK("\xe0\x80\xaf", 0));                             /* overlong, 3 bytes */
    assert_false(OK("\xed\xa0\x80", 0));                             /* a surrogate */
    assert_false(OK("\xf4\x90\x80\x80", 0));                         /* above U+10FFFF */
    assert_false(OK("\xe2\x82", 0));                                 /* cut short */
    assert_false(OK("\xf8\x88\x80\x80\x80", 0));                     /* 5-byte form */
    assert_false(OK("a\0b", 0));                                     /* NUL inside */
    assert_false(OK("\x1b[2J", 0));                                  /* escape */
    assert_false(OK("a\rb", NIACT_TEXT_NEWLINES));                   /* carriage return */
    assert_false(OK("a\tb", 0));
    assert_false(OK("\x7f", 0));                                     /* DEL */
    assert_false(OK("\xc2\x9b" "2J", 0));                            /* C1 CSI */
    assert_false(OK("\xe2\x80\xae" "txt.exe", 0));                   /* right-to-left override */
    assert_false(OK("a\nb", 0));
    assert_true(OK("a\nb", NIACT_TEXT_NEWLINES));
    char why[96];
    assert_int_equal(niact_text_check("ab\x1b", 3, 0, why, sizeof why), NIACT_ERR_INVALID);
    assert_string_equal(why, "character 3 is a control character (U+001B)");
    assert_int_equal(niact_text_check("\xc3\xa9\xe9", 3, 0, why, sizeof why), NIACT_ERR_INVALID);
    assert_string_equal(why, "byte 3 (0xE9) is not valid UTF-8");
    uint32_t cp = 0;
    assert_int_equal(niact_utf8_next("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
}

/* Sanitizes text given in chunks of `step` bytes; returns the output (static buffer). */
static const char *sanitized(const char *in, size_t n, size_t step) {
    static char out[8192];
    char buf[CLI_SANITIZE_OUT(CLI_SANITIZE_CHUNK)];
    cli_filter f = {{0}, 0};
    size_t o = 0;
    for (size_t i = 0; i < n; i += step) {
        size_t k = cli_sanitize(&f, in + i, n - i < step ? n - i : step, buf);
        memcpy(out + o, buf, k);
        o += k;
    }
    o += cli_sanitize_end(&f, out + o);
    out[o] = 0;
    return out;
}
#define SAN(lit, step) sanitized(lit, sizeof lit - 1, step)

static void test_sanitizer(void **st) {
    (void)st;
    for (size_t step = 1; step <= 5; step++) {
        /* Escape sequences print as visible text; line breaks stay. */
        assert_string_equal(SAN("a\x1b[2J\nb", step), "a^[[2J\nb");
        assert_string_equal(SAN("\x07\b\r\x7f\t", step), "^G^H^M^? ");
        assert_string_equal(SAN("\0x", step), "^@x");
        /* Whole UTF-8 characters pass, even cut between two writes. */
        assert_string_equal(SAN("caf\xc3\xa9 \xf0\x9f\x98\x80!", step),
                            "caf\xc3\xa9 \xf0\x9f\x98\x80!");
        /* C1, bidirectional controls and bytes that are not UTF-8 become U+FFFD. */
        assert_string_equal(SAN("\xc2\x9b" "2J", step), "\xef\xbf\xbd" "2J");
        assert_string_equal(SAN("\xe2\x80\xae" "x", step), "\xef\xbf\xbd" "x");
        assert_string_equal(SAN("caf\xe9!", step), "caf\xef\xbf\xbd!");
        assert_string_equal(SAN("\xc0\xaf", step), "\xef\xbf\xbd\xef\xbf\xbd");
        assert_string_equal(SAN("\xe2\x82x", step), "\xef\xbf\xbd\xef\xbf\xbdx");
    }
    /* A character left unfinished at the very end is marked, not dropped. */
    assert_string_equal(SAN("ab\xe2\x82", 2), "ab\xef\xbf\xbd\xef\xbf\xbd");
    /* Every byte value: no control byte and no invalid UTF-8 comes out. */
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    for (size_t step = 1; step <= 256; step *= 4) {
        const char *o = sanitized(all, sizeof all, step);
        size_t n = strlen(o);
        assert_int_equal(niact_text_check(o, n, NIACT_TEXT_NEWLINES, NULL, 0), NIACT_OK);
    }
}

static niact_session *game(niact_host **h) {
    char msg[4096];
    if (ts_load(TESTLAND, h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    niact_session *s = NULL;
    assert_int_equal(niact_session_new(*h, 3, seats, &s, msg, sizeof msg), NIACT_OK);
    return s;
}

/* The session refuses a telegram that is not plain text, for every front end; the
 * refusal leaves nothing behind, and the game can still be saved (issue 10: one Latin-1
 * byte made every later save fail). */
static void test_session_telegram(void **st) {
    (void)st;
    niact_host *h;
    niact_session *s = game(&h);
    size_t before = niact_session_input_count(s);
    assert_int_equal(niact_session_telegram(s, 0, 2u, "caf\xe9"), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(s), "byte 4 (0xE9) is not valid UTF-8"));
    assert_int_equal(niact_session_telegram(s, 0, 2u, "clear \x1b[2J"), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(s), "control character (U+001B)"));
    assert_int_equal(niact_session_telegram(s, 0, 2u, "\xc2\x9b" "2J"), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_input_count(s), before);
    assert_string_equal(ts_last_log(niact_session_game(s), 1, NIACT_LOG_TELEGRAM), "");
    assert_int_equal(niact_session_telegram(s, 0, 2u, "Caf\xc3\xa9,\nplease."), NIACT_OK);
    char *text, msg[512];
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    assert_non_null(strstr(text, "Caf\xc3\xa9,\\nplease."));
    free(text);
    niact_session_free(s);
    niact_host_free(h);
}

/* A scenario's declared strings and its log lines and outcome texts are plain text too:
 * a control character is a problem at load (check names the field), and in a callback
 * an error (the callback's effect is voided, the game goes on). */
static void test_scenario_text(void **st) {
    (void)st;
    char *dir = ts_tempdir(), msg[4096];
    niact_host *h = NULL;
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name='X\\27[2J', calendar={start='1962-11-01', "
             "days_per_turn=1, turns=3},\n"
             "  roles = { niact.role{ id='us', briefing='Line one.\\nLine two.' } },\n"
             "  tracks = { niact.track{ id='t', min=0, max=1, labels={'a', 'b\\7'} } },\n"
             "  personalities = { ['ai\\27[2J'] = { us = function() return {} end } } }\n");
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "field 'name' must be plain text: character 2 is a control "
                                "character (U+001B)"));
    assert_non_null(strstr(msg, "labels[2] must be plain text"));
    assert_non_null(strstr(msg, "a personality's name must be plain text: character 3 is a "
                                "control character (U+001B)"));
    assert_null(strstr(msg, "briefing")); /* line breaks are fine */
    ts_rmdir(dir);

    dir = ts_scenario("", "state:log('ok')\n"
                          "if state:turn() == 1 then state:log('\\27]0;owned\\7') end\n"
                          "if state:turn() == 2 then state:end_game('war', 'caf\\xe9') end\n");
    assert_int_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    niact_session *s = NULL;
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    assert_int_equal(niact_session_new(h, 1, seats, &s, msg, sizeof msg), NIACT_OK);
    niact_game *g = niact_session_game(s);
    int act = niact_scenario_action(niact_host_scenario(h), "act");
    for (int t = 0; t < 3 && niact_game_phase(g) != NIACT_PHASE_ENDED; t++) {
        niact_order o = {0, (int16_t)act, 0};
        assert_int_equal(niact_session_submit(s, 0, &o, 1), NIACT_OK);
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
    }
    size_t cur = 0;
    niact_log_entry e;
    int errors = 0;
    while (niact_game_log_next(g, 0, &cur, &e)) {
        assert_int_equal(niact_text_check(e.text, strlen(e.text), NIACT_TEXT_NEWLINES, NULL, 0),
                         NIACT_OK);
        if (e.kind == NIACT_LOG_ERROR) {
            errors++;
            assert_non_null(strstr(e.text, "must be plain text"));
        }
    }
    assert_int_equal(errors, 2);
    /* The refused end_game did not end the game with a bad text. */
    assert_int_not_equal(niact_game_outcome(g), NIACT_OUTCOME_WAR);
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validator),
        cmocka_unit_test(test_sanitizer),
        cmocka_unit_test(test_session_telegram),
        cmocka_unit_test(test_scenario_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
