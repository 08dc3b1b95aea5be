/* The session's public view (niact_session_public): what every seat may see, for the
 * projector and every room header. On November 1962 with every seat human: it holds the
 * calendar, the countdown and the pause, who has given orders, the public news (all of
 * it, page by page) and the tracks every seat sees; it holds no private telegram, no
 * report addressed to some seats only, no track some seat does not see truly, and no
 * order. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "niact/session.h"
#include "support.h"

#define N1962 NIACT_SCRIPTS_DIR "/scenarios/november1962"

static niact_public pub;

static int contains(const void *hay, size_t n, const char *needle) {
    return memmem(hay, n, needle, strlen(needle)) != NULL;
}

static niact_session *open_game(void) {
    niact_session *s = NULL;
    char msg[4096];
    if (niact_session_open(N1962, 7, NULL, &s, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    return s;
}

static void tell(niact_session *s, niact_command c) {
    if (niact_session_tell(s, &c, NULL) != NIACT_OK)
        fail_msg("%s: %s", niact_command_name(c.kind), niact_session_error(s));
}

/* Every public entry from the start, page after page; checks each page's bookkeeping.
 * Returns how many. */
static int all_public_news(niact_session *s, char *texts, size_t cap) {
    size_t from = 0, used = 0;
    int n = 0;
    do {
        assert_int_equal(niact_session_public(s, 0, from, &pub), NIACT_OK);
        assert_int_equal(pub.news_from, from);
        for (int i = 0; i < pub.n_news; i++) {
            const niact_public_news *e = &pub.news[i];
            assert_true(e->off + e->len < sizeof pub.news_text);
            assert_int_equal(pub.news_text[e->off + e->len], 0);
            assert_true(e->pos >= from && e->pos < pub.news_next);
            size_t k = strlen(pub.news_text + e->off);
            assert_int_equal(k, e->len);
            if (used + k + 1 < cap) /* one entry a line */
                memcpy(texts + used, pub.news_text + e->off, k), used += k, texts[used++] = '\n';
            n++;
        }
        assert_true(pub.news_next >= from);
        from = pub.news_next;
    } while (pub.news_more);
    texts[used] = 0;
    return n;
}

static void test_public_holds_no_secret(void **state) {
    (void)state;
    niact_session *s = open_game();
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_game *g = niact_session_view(s);
    int us = niact_scenario_role(sc, "us"), ussr = niact_scenario_role(sc, "ussr"),
        un = niact_scenario_role(sc, "un");
    assert_true(us >= 0 && ussr >= 0 && un >= 0);
    /* Two private telegrams, a public one, an order given by the US. */
    niact_command c = niact_command_make(NIACT_CMD_TELEGRAM, us);
    c.to = 1u << ussr;
    snprintf(c.text, sizeof c.text, "PRIVATE-US-USSR-5521");
    tell(s, c);
    c = niact_command_make(NIACT_CMD_TELEGRAM, ussr);
    c.to = 1u << un;
    snprintf(c.text, sizeof c.text, "PRIVATE-USSR-UN-6630");
    tell(s, c);
    c = niact_command_make(NIACT_CMD_MESSAGE, NIACT_MODERATOR);
    snprintf(c.text, sizeof c.text, "PUBLIC-MODERATOR-7741");
    tell(s, c);
    const niact_options *o = niact_session_options(s, us);
    assert_non_null(o);
    int ordered = -1;
    for (int i = 0; i < o->n && ordered < 0; i++)
        if (o->opt[i].refusal == NIACT_REFUSAL_NONE)
            ordered = o->opt[i].action;
    assert_true(ordered >= 0);
    c = niact_command_make(NIACT_CMD_ORDER, us);
    c.action = ordered, c.param = NIACT_PARAM_SUGGESTED;
    tell(s, c);
    tell(s, niact_command_make(NIACT_CMD_END_TURN, us));

    /* Who has given orders (never what), the calendar. */
    assert_int_equal(niact_session_public(s, 0, 0, &pub), NIACT_OK);
    assert_int_equal(pub.turn, 0);
    assert_int_equal(pub.turns, sc->turns);
    assert_string_equal(pub.date, "1 November 1962");
    assert_int_equal(pub.n_roles, sc->n_roles);
    assert_int_equal(pub.humans, (1u << sc->n_roles) - 1u);
    assert_int_equal(pub.given, 1u << us);
    assert_false(pub.ended);
    assert_int_equal(pub.left_ms, -1);

    /* Play two turns so that private reports exist, then look again. */
    for (int t = 0; t < 2; t++) {
        for (int r = 0; r < sc->n_roles; r++)
            if (!niact_game_submitted(g, r))
                tell(s, niact_command_make(NIACT_CMD_END_TURN, r));
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
    }
    static char news[1 << 18];
    int n = all_public_news(s, news, sizeof news);
    /* Independently: every entry told to all three, and every private entry. */
    int expect = 0, privates = 0;
    uint32_t all = (1u << sc->n_roles) - 1u;
    for (int r = 0; r < sc->n_roles; r++) {
        size_t cur = 0;
        niact_log_entry e;
        while (niact_game_log_next(g, r, &cur, &e)) {
            if ((e.audience & all) == all) {
                expect += r == 0;
                assert_true(contains(news, strlen(news), e.text));
            } else {
                privates++;
                assert_false(contains(news, strlen(news), e.text));
            }
        }
    }
    assert_int_equal(n, expect);
    assert_true(privates >= 3); /* the two telegrams and at least one private report */
    assert_true(contains(news, strlen(news), "PUBLIC-MODERATOR-7741"));
    assert_false(contains(news, strlen(news), "PRIVATE-US-USSR-5521"));
    assert_false(contains(news, strlen(news), "PRIVATE-USSR-UN-6630"));

    /* The whole struct, every byte of it: no private telegram, and only tracks that
     * every seat sees truly, with the value every seat sees. */
    assert_int_equal(niact_session_public(s, 0, 0, &pub), NIACT_OK);
    assert_false(contains(&pub, sizeof pub, "PRIVATE-US-USSR-5521"));
    assert_false(contains(&pub, sizeof pub, "PRIVATE-USSR-UN-6630"));
    int hidden = 0;
    for (int t = 0; t < sc->n_tracks; t++) {
        int every = 1;
        for (int r = 0; r < sc->n_roles; r++) {
            niact_known k;
            every &= niact_session_track(s, r, t, &k) == NIACT_OK && k.vis == NIACT_VIS_TRUE;
        }
        int listed = -1;
        for (int i = 0; i < pub.n_tracks; i++)
            if (pub.tracks[i].track == t)
                listed = i;
        if (!every) {
            hidden++;
            assert_int_equal(listed, -1);
        } else if (t < NIACT_PUBLIC_TRACKS) {
            assert_true(listed >= 0);
            niact_known k;
            assert_int_equal(niact_session_track(s, 0, t, &k), NIACT_OK);
            assert_int_equal(pub.tracks[listed].value, k.value);
        }
    }
    assert_true(hidden >= 3); /* the tactical weapons, the SAMs' control, fire restraint */
    assert_true(pub.n_tracks >= 3);
    assert_int_equal(pub.turn, 2);
    assert_int_equal(pub.given, 0);
    niact_session_free(s);
}

/* The countdown, the pause and the deadline's default, as the moderator set them. */
static void test_public_clock(void **state) {
    (void)state;
    niact_session *s = open_game();
    niact_command c = niact_command_make(NIACT_CMD_DEADLINE, NIACT_MODERATOR);
    c.param = 60;
    snprintf(c.text, sizeof c.text, "historical");
    tell(s, c);
    assert_int_equal(niact_session_tick(s, 1000, NULL), NIACT_OK);
    assert_int_equal(niact_session_public(s, 11000, 0, &pub), NIACT_OK);
    assert_int_equal(pub.deadline, 60);
    assert_string_equal(pub.default_play, "historical");
    assert_int_equal(pub.left_ms, 50000);
    assert_false(pub.paused);
    tell(s, niact_command_make(NIACT_CMD_PAUSE, NIACT_MODERATOR));
    assert_int_equal(niact_session_tick(s, 12000, NULL), NIACT_OK);
    assert_int_equal(niact_session_public(s, 40000, 0, &pub), NIACT_OK);
    assert_true(pub.paused);
    assert_int_equal(pub.left_ms, 49000); /* paused time does not count */
    niact_session_free(s);
}

/* Paging: a page holds at most NIACT_PUBLIC_NEWS entries; the next call goes on where it
 * stopped, and nothing is read twice or lost. */
static void test_public_pages(void **state) {
    (void)state;
    niact_session *s = open_game();
    for (int i = 0; i < NIACT_PUBLIC_NEWS + 10; i++) {
        niact_command c = niact_command_make(NIACT_CMD_MESSAGE, NIACT_MODERATOR);
        snprintf(c.text, sizeof c.text, "note %03d", i);
        tell(s, c);
    }
    assert_int_equal(niact_session_public(s, 0, 0, &pub), NIACT_OK);
    assert_int_equal(pub.n_news, NIACT_PUBLIC_NEWS);
    assert_true(pub.news_more);
    static char news[1 << 18];
    int n = all_public_news(s, news, sizeof news);
    assert_true(n >= NIACT_PUBLIC_NEWS + 10);
    char want[32];
    for (int i = 0; i < NIACT_PUBLIC_NEWS + 10; i++) {
        snprintf(want, sizeof want, "note %03d", i);
        const char *at = strstr(news, want);
        assert_non_null(at);
        assert_null(strstr(at + 1, want)); /* once */
    }
    /* From the end: nothing new. */
    assert_int_equal(niact_session_public(s, 0, pub.news_next, &pub), NIACT_OK);
    assert_int_equal(pub.n_news, 0);
    assert_false(pub.news_more);
    niact_session_free(s);
}

/* At the end: the outcome and every score (public once the game is over). */
static void test_public_end(void **state) {
    (void)state;
    niact_session *s = open_game();
    assert_int_equal(niact_session_play_out(s), NIACT_OK);
    const niact_game *g = niact_session_view(s);
    assert_int_equal(niact_session_public(s, 0, 0, &pub), NIACT_OK);
    assert_true(pub.ended);
    assert_int_equal(pub.outcome, (int32_t)niact_game_outcome(g));
    assert_true(pub.outcome_title[0]);
    assert_true(pub.outcome_text[0]);
    assert_int_equal(pub.given, 0);
    for (int r = 0; r < pub.n_roles; r++) {
        int32_t sc = -1;
        assert_int_equal(niact_game_score(g, r, r, &sc), NIACT_OK);
        assert_int_equal(pub.scores[r], sc);
    }
    niact_session_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_public_holds_no_secret),
        cmocka_unit_test(test_public_clock),
        cmocka_unit_test(test_public_pages),
        cmocka_unit_test(test_public_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
