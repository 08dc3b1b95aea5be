/* Whatever the game writes, it loads: the largest legal game's record is under the
 * loader's limits (NIACT_RECORD_MAX_BYTES and NIACT_RECORD_MAX_VALUES).
 *
 * A scenario made to be as wordy as the rules allow (8 roles, 500 turns, every id 40
 * characters, a version of 40, parameters of 11 characters) is played with every
 * input a game accepts at its largest: 16 orders per role per turn, a proposal of 6
 * terms from every role in every turn (the most a game may hold: 500 x 8 x 1 = 4000,
 * NIACT_MAX_GAME_PROPOSALS) to all other roles with every answer they can get, and telegrams to everyone up
 * to the game's allowance, made of the character whose JSON escape is longest among
 * those the game accepts. The record is written, its size checked, and loaded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "rec_util.h"
#include "support.h"

#define ROLES 8
#define TURNS 500

/* A 40-character id: prefix then x's. */
static void long_id(char *out, const char *prefix) {
    snprintf(out, 41, "%s%s", prefix, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
}

static char *write_scenario(void) {
    char *dir = ts_tempdir(), id[48], *text = malloc(1 << 16);
    size_t n = 0;
    n += (size_t)snprintf(text + n, 65536 - n,
                          "return niact.scenario{ name = 'Biggest',\n"
                          "  version = '1.0.0-0123456789012345678901234567890_',\n"
                          "  calendar = { start = '1962-01-01', days_per_turn = 1, turns = %d },\n"
                          "  roles = {\n", TURNS);
    char roles[ROLES * 48] = "";
    for (int r = 0; r < ROLES; r++) {
        char pre[16];
        snprintf(pre, sizeof pre, "role%d_", r);
        long_id(id, pre);
        n += (size_t)snprintf(text + n, 65536 - n, "    niact.role{ id = '%s' },\n", id);
        snprintf(roles + strlen(roles), sizeof roles - strlen(roles), "%s'%s'", r ? ", " : "",
                 id);
    }
    long_id(id, "act_");
    n += (size_t)snprintf(text + n, 65536 - n,
                          "  },\n  tracks = { niact.track{ id = 'x', min = 0, max = 10, "
                          "initial = 0 } },\n"
                          "  actions = { niact.action{ id = '%s', roles = { %s }, cost = 0,\n"
                          "    repeatable = true,\n"
                          "    param = { min = -1000000000, max = 1000000000, default = 0 },\n"
                          "    resolve = function() end } },\n  terms = {\n", id, roles);
    for (int t = 0; t < NIACT_MAX_TERMS; t++) {
        char pre[16];
        snprintf(pre, sizeof pre, "term%d_", t);
        long_id(id, pre);
        n += (size_t)snprintf(text + n, 65536 - n,
                              "    niact.term{ id = '%s', givers = { %s },\n"
                              "      param = { min = -1000000000, max = 1000000000 } },\n",
                              id, roles);
    }
    snprintf(text + n, 65536 - n, "  },\n}\n");
    ts_write(dir, "scenario.lua", text);
    free(text);
    return dir;
}

/* The accepted character whose escape in JSON is longest (tried on a scratch game). */
static char worst_char(niact_host *h) {
    static const char candidates[] = {0x01, 0x1b, 0x7f, '"', '\\', 'a'};
    niact_session *s;
    char msg[512], best = 'a';
    int best_len = 1;
    assert_int_equal(niact_session_new(h, 1, NULL, &s, msg, sizeof msg), NIACT_OK);
    for (size_t i = 0; i < sizeof candidates; i++) {
        char text[4] = {candidates[i], 'a', 0};
        int len = (unsigned char)candidates[i] < 0x20 ? 6 : candidates[i] == '"' ||
                                                            candidates[i] == '\\' ? 2 : 1;
        if (len > best_len && niact_session_telegram(s, 0, 1, text) == NIACT_OK) {
            best = candidates[i];
            best_len = len;
        }
    }
    niact_session_free(s);
    return best;
}

static void test_largest_record(void **st) {
    (void)st;
    char *dir = write_scenario(), msg[4096];
    niact_host *h;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_int_equal(sc->n_roles, ROLES);
    char worst = worst_char(h);
    niact_session *s;
    assert_int_equal(niact_session_new(h, 18446744073709551615u, NULL, &s, msg, sizeof msg),
                     NIACT_OK);
    uint32_t all = (1u << ROLES) - 1;
    /* Telegrams: the allowance spread evenly, so that both bounds are reached. */
    size_t per = NIACT_SESSION_TELEGRAM_BYTES / NIACT_SESSION_MAX_TELEGRAMS;
    assert_true(per <= NIACT_TELEGRAM_MAX);
    char *tg = malloc(per + 1);
    memset(tg, worst, per);
    tg[per] = 0;
    int sent = 0, proposals = 0, answers = 0;
    niact_order orders[NIACT_MAX_ORDERS];
    for (int i = 0; i < NIACT_MAX_ORDERS; i++)
        orders[i] = (niact_order){0, 0, -1000000000};
    for (int t = 0; t < TURNS; t++) {
        /* Proposals: every role every turn (its cap, the default lowered to fit 500 turns
         * of 8 roles in NIACT_MAX_GAME_PROPOSALS) to every other role, 6 terms, each
         * answered by six acceptances and then a rejection (the most answers a proposal
         * can have). */
        for (int from = 0; from < ROLES; from++) {
            int last = (from + ROLES - 1) % ROLES;
            niact_term_item terms[NIACT_MAX_TERMS];
            for (int j = 0; j < NIACT_MAX_TERMS; j++)
                terms[j] = (niact_term_item){(int16_t)j, (int16_t)from, -1000000000};
            int32_t id;
            if (niact_session_propose(s, from, all & ~(1u << from), 1, terms, NIACT_MAX_TERMS, 0,
                                      &id) != NIACT_OK)
                fail_msg("proposal %d: %s", proposals + 1, niact_session_error(s));
            proposals++;
            for (int k2 = 1; k2 < ROLES; k2++) { /* the rejection last */
                int r = (from + k2) % ROLES;
                if (niact_session_answer(s, r, id, r != last) != NIACT_OK)
                    fail_msg("answer %d: %s", answers + 1, niact_session_error(s));
                answers++;
            }
        }
        for (int k = 0; k < 4 && sent < NIACT_SESSION_MAX_TELEGRAMS; k++, sent++)
            if (niact_session_telegram(s, (t + k) % ROLES, all & ~(1u << ((t + k) % ROLES)), tg) !=
                NIACT_OK)
                fail_msg("telegram %d: %s", sent + 1, niact_session_error(s));
        for (int r = 0; r < ROLES; r++) {
            for (int i = 0; i < NIACT_MAX_ORDERS; i++)
                orders[i].role = (int16_t)r;
            if (niact_session_submit(s, r, orders, NIACT_MAX_ORDERS) != NIACT_OK)
                fail_msg("turn %d, role %d: %s", t + 1, r, niact_session_error(s));
        }
        if (t == TURNS - 1)
            break; /* the turn under way at its fullest: kept as "current" */
        if (niact_session_resolve(s) != NIACT_OK)
            fail_msg("turn %d: %s", t + 1, niact_session_error(s));
    }
    assert_int_equal(sent, NIACT_SESSION_MAX_TELEGRAMS);
    assert_int_equal(proposals, NIACT_MAX_GAME_PROPOSALS);
    assert_int_equal(niact_scenario_max_proposals(sc), NIACT_MAX_GAME_PROPOSALS);
    /* The hostile scenario's memory: the game's negotiation within the scenario's bound
     * (every proposal it may hold, six commitments each, indexed for every role). */
    size_t room = niact_game_negotiation_bytes(niact_session_game(s)),
           most = niact_scenario_negotiation_bytes(sc);
    print_message("negotiation storage: %zu bytes for %d proposals (bound %zu)\n", room,
                  proposals, most);
    assert_true(room > 0 && room <= most);
    assert_true(most < (size_t)2 << 20);
    /* The allowance is used up: one more telegram is refused, saying why. */
    assert_int_equal(niact_session_telegram(s, 0, all, "one more"), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(s), "used up its telegrams"));
    char *text;
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    print_message("largest legal record: %zu bytes (limit %u), %d telegrams of %zu '%s' "
                  "bytes, %d proposals, %d answers, %d turns of %d x %d orders\n",
                  len, NIACT_RECORD_MAX_BYTES, sent, per,
                  (unsigned char)worst < 0x20 ? "control" : worst == '"' ? "\"" : "plain",
                  proposals, answers, TURNS, ROLES, NIACT_MAX_ORDERS);
    assert_true(len < NIACT_RECORD_MAX_BYTES);
    /* ... and it loads, every hash checked, through a file as a player's would. */
    char path[4200];
    snprintf(path, sizeof path, "%s/biggest.json", dir);
    assert_int_equal(niact_write_atomic(path, text, len, msg, sizeof msg), NIACT_OK);
    niact_loaded l;
    niact_record_opts o = {.host = h};
    if (niact_record_load(path, &o, &l, msg, sizeof msg) != NIACT_OK)
        fail_msg("the largest legal record does not load: %s", msg);
    assert_int_equal(l.turns, TURNS - 1);
    assert_int_equal(l.partial, 1);
    niact_loaded_free(&l);
    free(text);
    free(tg);
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

/* The telegram allowance counts bytes too, and a replay meets it at the same place. */
static void test_telegram_bytes(void **st) {
    (void)st;
    niact_host *h = ru_host();
    niact_session *s;
    char msg[512], *big = malloc(NIACT_TELEGRAM_MAX + 1);
    memset(big, 'w', NIACT_TELEGRAM_MAX);
    big[NIACT_TELEGRAM_MAX] = 0;
    assert_int_equal(niact_session_new(h, 3, NULL, &s, msg, sizeof msg), NIACT_OK);
    size_t bytes = 0;
    while (bytes + NIACT_TELEGRAM_MAX <= NIACT_SESSION_TELEGRAM_BYTES) {
        assert_int_equal(niact_session_telegram(s, 0, 2, big), NIACT_OK);
        bytes += NIACT_TELEGRAM_MAX;
    }
    assert_int_equal(niact_session_telegram(s, 0, 2, big), NIACT_ERR_INVALID);
    size_t left = NIACT_SESSION_TELEGRAM_BYTES - bytes;
    big[left] = 0;
    assert_int_equal(niact_session_telegram(s, 0, 2, big), NIACT_OK); /* exactly full */
    assert_int_equal(niact_session_telegram(s, 0, 2, "w"), NIACT_ERR_INVALID);
    /* A record with one telegram past the allowance (made by hand) is refused. */
    char *text;
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    char *cur = strstr(text, "\"current\"");
    assert_non_null(cur);
    char *first = strstr(cur, "{\"kind\": \"telegram\"");
    /* Insert a copy of a short telegram before the first: one too many. */
    const char *extra = "{\"kind\": \"telegram\", \"role\": \"us\", \"to\": [\"ussr\"], "
                        "\"text\": \"w\"}, ";
    size_t el = strlen(extra), pos = (size_t)(first - text);
    char *bad = malloc(len + el + 1);
    memcpy(bad, text, pos);
    memcpy(bad + pos, extra, el);
    memcpy(bad + pos + el, text + pos, len - pos + 1);
    niact_loaded l;
    assert_int_equal(ru_load(h, text, len, &l, msg, sizeof msg), NIACT_OK);
    niact_loaded_free(&l);
    assert_int_equal(ru_load(h, bad, len + el, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    if (!strstr(msg, "used up its telegrams"))
        fail_msg("%s", msg);
    free(bad);
    free(text);
    free(big);
    niact_session_free(s);
    niact_host_free(h);
}

/* A telegram that is not UTF-8 is refused where it enters, so it never poisons the
 * record: every save after it works. */
static void test_bad_text_never_poisons(void **st) {
    (void)st;
    niact_host *h = ru_host();
    niact_session *s;
    char msg[512], *text;
    size_t len;
    assert_int_equal(niact_session_new(h, 3, NULL, &s, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_telegram(s, 0, 2, "caf\xe9"), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_telegram(s, 0, 2, "caf\xc3\xa9"), NIACT_OK);
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    niact_loaded l;
    assert_int_equal(ru_load(h, text, len, &l, msg, sizeof msg), NIACT_OK);
    niact_loaded_free(&l);
    free(text);
    niact_session_free(s);
    niact_host_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_largest_record),
        cmocka_unit_test(test_telegram_bytes),
        cmocka_unit_test(test_bad_text_never_poisons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
