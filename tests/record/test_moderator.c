/* The moderator's operations through the session (include/niact/session.h, "the
 * moderator"), each asserted on the record it leaves: the record names what the moderator
 * did, and loading it replays the same game, hash for hash. Testland, every seat human. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "niact/rules.h"
#include "rec_util.h"

enum { US, USSR, UN };

typedef struct fx {
    niact_host *h;
    niact_session *s;
    const niact_scenario *sc;
} fx;

static int setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    char msg[1024];
    f->h = ru_host();
    if (niact_session_new(f->h, 9, NULL, &f->s, msg, sizeof msg) != NIACT_OK)
        return -1;
    f->sc = niact_session_scenario(f->s);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fx *f = *state;
    niact_session_free(f->s);
    niact_host_free(f->h);
    free(f);
    return 0;
}

__attribute__((noinline)) static char *dump(niact_session *s) {
    char *text = NULL, msg[512];
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    return text;
}

/* The record loads, and the loaded game is this game: same hash now and after each turn. */
static niact_session *reload(fx *f, const char *text, niact_loaded *l) {
    char msg[1024];
    niact_status st = ru_load(f->h, text, strlen(text), l, msg, sizeof msg);
    if (st != NIACT_OK)
        fail_msg("the record does not load: %s\n%s", msg, text);
    const niact_game *a = niact_session_view(f->s), *b = niact_session_view(l->session);
    assert_int_equal(niact_game_turn(a), niact_game_turn(b));
    assert_true(niact_game_hash(a) == niact_game_hash(b));
    return l->session;
}

/* Where needle is in hay, or -1. */
static long pos(const char *hay, const char *needle) {
    const char *at = strstr(hay, needle);
    return at ? (long)(at - hay) : -1;
}

static void order(fx *f, int role, const char *id, int32_t param) {
    if (niact_session_order(f->s, role, niact_scenario_action(f->sc, id), param) != NIACT_OK)
        fail_msg("order %s: %s", id, niact_session_error(f->s));
}

static int event(fx *f, const char *id) {
    int e = niact_scenario_event(f->sc, id);
    assert_true(e >= 0);
    return e;
}

/* Paused: no orders given, no telegram, no resolution; a draft may still be written. */
static void test_pause(void **state) {
    fx *f = *state;
    assert_int_equal(niact_session_pause(f->s), NIACT_OK);
    assert_true(niact_session_paused(f->s));
    assert_int_equal(niact_session_pause(f->s), NIACT_ERR_STATE); /* already */
    order(f, US, "recon", 0);
    assert_int_equal(niact_session_end_turn(f->s, US), NIACT_ERR_STATE);
    assert_non_null(strstr(niact_session_error(f->s), "paused"));
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, "Hello."), NIACT_ERR_STATE);
    assert_int_equal(niact_session_resolve(f->s), NIACT_ERR_STATE);
    assert_false(niact_game_submitted(niact_session_view(f->s), US));
    char *text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"pause\"}"));
    niact_loaded l;
    niact_session *r = reload(f, text, &l);
    assert_true(niact_session_paused(r)); /* a game saved while paused loads paused */
    niact_loaded_free(&l);
    free(text);
    assert_int_equal(niact_session_resume(f->s), NIACT_OK);
    assert_int_equal(niact_session_resume(f->s), NIACT_ERR_STATE); /* not paused */
    assert_int_equal(niact_session_end_turn(f->s, US), NIACT_OK);
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, "Hello."), NIACT_OK);
    for (int r2 = USSR; r2 <= UN; r2++)
        assert_int_equal(niact_session_end_turn(f->s, r2), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    char *after = dump(f->s);
    /* Turn 1: pause, resume, the telegram, then the orders. */
    long p = pos(after, "{\"kind\": \"pause\"}"), q = pos(after, "{\"kind\": \"resume\"}"),
         t = pos(after, "\"kind\": \"telegram\"");
    assert_true(p >= 0 && p < q && q < t);
    reload(f, after, &l);
    niact_loaded_free(&l);
    free(after);
}

/* The deadline's countdown stops while paused; at its end every human seat that has not
 * given its orders plays the default, and the record keeps the decision. */
static void test_deadline_default(void **state) {
    fx *f = *state;
    int defaulted = -1;
    assert_int_equal(niact_session_set_deadline(f->s, 60, "nobody"), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_set_deadline(f->s, -1, "none"), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_set_deadline(f->s, 60, "historical"), NIACT_OK);
    assert_int_equal(niact_session_time_left(f->s, 5000), 60000); /* not started yet */
    assert_int_equal(niact_session_tick(f->s, 1000, &defaulted), NIACT_OK);
    assert_int_equal(defaulted, 0);
    assert_int_equal(niact_session_time_left(f->s, 31000), 30000);
    order(f, US, "recon", 0);
    assert_int_equal(niact_session_end_turn(f->s, US), NIACT_OK);
    assert_int_equal(niact_session_pause(f->s), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 31000, &defaulted), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 500000, &defaulted), NIACT_OK);
    assert_int_equal(defaulted, 0); /* paused: the clock stands */
    assert_int_equal(niact_session_time_left(f->s, 500000), 30000);
    assert_int_equal(niact_session_resume(f->s), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 500000, &defaulted), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 529999, &defaulted), NIACT_OK);
    assert_int_equal(defaulted, 0);
    order(f, UN, "wait", 0); /* a draft is not orders given: it is dropped */
    assert_int_equal(niact_session_tick(f->s, 530000, &defaulted), NIACT_OK);
    assert_int_equal(defaulted, 2);
    assert_int_equal(niact_session_defaulted(f->s), (1u << USSR) | (1u << UN));
    int n;
    const niact_order *os = niact_game_orders(niact_session_view(f->s), USSR, &n);
    assert_int_equal(n, 1); /* testland's historical Soviet seat removes 10 */
    assert_int_equal(os[0].action, niact_scenario_action(f->sc, "remove"));
    os = niact_game_orders(niact_session_view(f->s), UN, &n);
    assert_int_equal(n, 1);
    assert_int_equal(os[0].action, niact_scenario_action(f->sc, "mediate"));
    assert_int_equal(niact_session_default(f->s, US), NIACT_ERR_STATE); /* gave its orders */
    char *text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"deadline\", \"seconds\": 60, \"late\": \"historical\"}"));
    assert_non_null(strstr(text, "{\"kind\": \"default\", \"role\": \"ussr\", \"played\": \"historical\"}"));
    assert_non_null(strstr(text, "{\"kind\": \"default\", \"role\": \"un\", \"played\": \"historical\"}"));
    niact_loaded l;
    reload(f, text, &l); /* the turn under way: the decisions and the orders */
    assert_int_equal(niact_session_defaulted(l.session), (1u << USSR) | (1u << UN));
    niact_loaded_free(&l);
    free(text);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    assert_int_equal(niact_session_defaulted(f->s), 0);
    /* The next turn: the deadline goes on; late seats now play nothing. */
    assert_int_equal(niact_session_set_deadline(f->s, 10, "none"), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 600000, &defaulted), NIACT_OK);
    assert_int_equal(niact_session_tick(f->s, 610000, &defaulted), NIACT_OK);
    assert_int_equal(defaulted, 3);
    niact_game_orders(niact_session_view(f->s), USSR, &n);
    assert_int_equal(n, 0);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"default\", \"role\": \"us\", \"played\": \"none\"}"));
    reload(f, text, &l);
    niact_loaded_free(&l);
    /* A record whose default names a personality the scenario lacks is refused. */
    char *bad = strdup(text), *at = strstr(bad, "\"played\": \"none\"");
    memcpy(at, "\"played\": \"zzzz\"", 16);
    char msg[1024];
    assert_int_equal(ru_load(f->h, bad, strlen(bad), &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "zzzz"));
    free(bad);
    free(text);
}

/* An injected event happens now; orders given before it come back as drafts. */
static void test_inject(void **state) {
    fx *f = *state;
    int tension = niact_scenario_track(f->sc, "tension");
    int32_t before, after;
    assert_int_equal(niact_session_truth(f->s, tension, &before), NIACT_OK);
    order(f, US, "recon", 0);
    assert_int_equal(niact_session_end_turn(f->s, US), NIACT_OK);
    assert_int_equal(niact_session_inject(f->s, event(f, "incident")), NIACT_OK);
    assert_int_equal(niact_session_truth(f->s, tension, &after), NIACT_OK);
    assert_int_equal(after, before + 1);
    assert_false(niact_game_submitted(niact_session_view(f->s), US));
    assert_int_equal(niact_session_reopened(f->s), 1u << US);
    int n;
    niact_session_draft(f->s, US, &n);
    assert_int_equal(n, 1); /* the orders it had given, to give again */
    /* Every seat heard of it. */
    niact_event ev;
    int heard = 0;
    while (niact_session_hear(f->s, UN, &ev))
        heard |= ev.kind == NIACT_EVENT_LOG && strstr(ev.entry.text, "incident at sea") != NULL;
    assert_true(heard);
    assert_int_equal(niact_session_inject(f->s, 999), NIACT_ERR_INVALID);
    for (int r = US; r <= UN; r++)
        assert_int_equal(niact_session_end_turn(f->s, r), NIACT_OK);
    assert_int_equal(niact_session_reopened(f->s), 0);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
    /* A once-only event that has happened cannot be injected again. */
    int once = event(f, "election");
    if (f->sc->events[once].once) {
        if (niact_rules_fired(niact_session_view(f->s), once) == 0)
            assert_int_equal(niact_session_inject(f->s, once), NIACT_OK);
        assert_int_equal(niact_session_inject(f->s, once), NIACT_ERR_INVALID);
    }
    char *text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"inject\", \"event\": \"incident\"}"));
    niact_loaded l;
    reload(f, text, &l);
    niact_loaded_free(&l);
    /* Without the injection the record no longer replays to the same hash. */
    char *cut = strdup(text), *at = strstr(cut, "{\"kind\": \"inject\", \"event\": \"incident\"},");
    assert_non_null(at);
    memmove(at, at + strlen("{\"kind\": \"inject\", \"event\": \"incident\"},"),
            strlen(at) - strlen("{\"kind\": \"inject\", \"event\": \"incident\"},") + 1);
    char msg[1024];
    assert_int_equal(ru_load(f->h, cut, strlen(cut), &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "turn 1"));
    free(cut);
    free(text);
}

/* A message reaches every seat (and spectators) as from the moderator; control
 * characters are refused, and a record holding one does not load. */
static void test_message(void **state) {
    fx *f = *state;
    assert_int_equal(niact_session_message(f->s, "Look \x1b[2J here"), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s), "plain text"));
    assert_int_equal(niact_session_message(f->s, "bad \xc3"), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_message(f->s, ""), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_message(f->s, "Ten minutes left.\nWrite your orders."),
                     NIACT_OK);
    for (int r = NIACT_SPECTATOR; r <= UN; r++) {
        niact_event ev;
        int heard = 0;
        while (niact_session_hear(f->s, r, &ev))
            heard |= ev.kind == NIACT_EVENT_LOG &&
                     strstr(ev.entry.text, "from the moderator") != NULL &&
                     strstr(ev.entry.text, "Ten minutes left.") != NULL;
        assert_true(heard);
    }
    char *text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"message\", \"text\": \"Ten minutes left.\\nWrite your orders.\"}"));
    niact_loaded l;
    reload(f, text, &l);
    niact_loaded_free(&l);
    char *bad = strdup(text), *at = strstr(bad, "\\nWrite");
    memcpy(at, "\\u001b", 6);
    char msg[1024];
    assert_int_equal(ru_load(f->h, bad, strlen(bad), &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "message"));
    free(bad);
    free(text);
}

/* A freed seat loses its draft and moves to a new epoch; the record says so. */
static void test_free_seat(void **state) {
    fx *f = *state;
    order(f, USSR, "stall", 0);
    assert_int_equal(niact_session_seat_epoch(f->s, USSR), 0);
    assert_int_equal(niact_session_free_seat(f->s, USSR), NIACT_OK);
    assert_int_equal(niact_session_seat_epoch(f->s, USSR), 1);
    int n;
    niact_session_draft(f->s, USSR, &n);
    assert_int_equal(n, 0);
    assert_int_equal(niact_session_free_seat(f->s, 7), NIACT_ERR_INVALID);
    char *text = dump(f->s);
    assert_non_null(strstr(text, "{\"kind\": \"free_seat\", \"role\": \"ussr\"}"));
    niact_loaded l;
    reload(f, text, &l);
    assert_int_equal(niact_session_seat_epoch(l.session, USSR), 1);
    niact_loaded_free(&l);
    free(text);
}

/* The moderator hears every seat's private telegrams and reads the truth. */
static void test_moderator_view(void **state) {
    fx *f = *state;
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, "Private words."), NIACT_OK);
    niact_event ev;
    int mod = 0, un = 0;
    while (niact_session_hear(f->s, NIACT_MODERATOR, &ev))
        mod |= ev.kind == NIACT_EVENT_LOG && strstr(ev.entry.text, "Private words.") != NULL;
    while (niact_session_hear(f->s, UN, &ev))
        un |= ev.kind == NIACT_EVENT_LOG && strstr(ev.entry.text, "Private words.") != NULL;
    assert_true(mod);
    assert_false(un);
    int secret = niact_scenario_track(f->sc, "secret");
    int32_t v = -1;
    assert_int_equal(niact_session_truth(f->s, secret, &v), NIACT_OK);
    assert_true(v >= 10); /* turn_start adds 10 */
    niact_known k;
    assert_int_equal(niact_session_track(f->s, US, secret, &k), NIACT_OK);
    assert_int_equal(k.vis, NIACT_VIS_NONE); /* no seat sees it */
    assert_int_equal(niact_session_truth(f->s, 999, &v), NIACT_ERR_INVALID);
}

/* The moderator's operations are commands of the one queue (niact_session_tell): the
 * moderator may give them, a seat may not (a network host forwards what a client sends). */
static void test_tell(void **state) {
    fx *f = *state;
    niact_command c = niact_command_make(NIACT_CMD_PAUSE, USSR);
    niact_reply r;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_ERR_INVALID);
    assert_non_null(strstr(r.error.reason, "only the moderator"));
    assert_false(niact_session_paused(f->s));
    c.role = NIACT_MODERATOR;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    assert_true(niact_session_paused(f->s));
    c = niact_command_make(NIACT_CMD_END_TURN, NIACT_MODERATOR); /* not a seat */
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_ERR_INVALID);
    c = niact_command_make(NIACT_CMD_RESUME, NIACT_MODERATOR);
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    c = niact_command_make(NIACT_CMD_DEADLINE, NIACT_MODERATOR);
    c.param = 90;
    snprintf(c.text, sizeof c.text, "hawk");
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    const char *play;
    assert_int_equal(niact_session_deadline(f->s, &play), 90);
    assert_string_equal(play, "hawk");
    c = niact_command_make(NIACT_CMD_MESSAGE, NIACT_MODERATOR);
    memset(c.text, 'x', sizeof c.text); /* not terminated */
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_ERR_INVALID);
    snprintf(c.text, sizeof c.text, "Five minutes.");
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    c = niact_command_make(NIACT_CMD_DEFAULT, NIACT_MODERATOR);
    c.index = UN;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    assert_true(niact_game_submitted(niact_session_view(f->s), UN));
    c = niact_command_make(NIACT_CMD_INJECT, NIACT_MODERATOR);
    c.index = -4;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_ERR_INVALID);
    c = niact_command_make(NIACT_CMD_FREE_SEAT, NIACT_MODERATOR);
    c.index = US;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    assert_int_equal(niact_session_seat_epoch(f->s, US), 1);
    char *text = dump(f->s);
    niact_loaded l;
    reload(f, text, &l);
    niact_loaded_free(&l);
    free(text);
}

/* Every seat gives `id` (if it may) and the turn resolves. */
static void play_turn(fx *f, const char *us) {
    if (niact_game_phase(niact_session_view(f->s)) == NIACT_PHASE_ENDED)
        fail_msg("ended at turn %d: %s", niact_game_turn(niact_session_view(f->s)),
                 niact_game_outcome_text(niact_session_view(f->s)));
    order(f, US, us, NIACT_PARAM_SUGGESTED);
    for (int r = US; r <= UN; r++)
        assert_int_equal(niact_session_end_turn(f->s, r), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
}

/* Back to the start of an earlier turn: the game is as it was then (its hashes), the
 * seats hear the turn again and a note, the undone turns stay in the record, and the
 * record replays through the rollback to the same game. */
static void test_rollback(void **state) {
    fx *f = *state;
    const niact_game *g = niact_session_view(f->s);
    play_turn(f, "recon");
    uint64_t h1;
    assert_int_equal(niact_game_turn_hash(g, 1, &h1), NIACT_OK);
    assert_int_equal(niact_session_telegram(f->s, US, 1u << USSR, "Turn two words."), NIACT_OK);
    assert_int_equal(niact_session_inject(f->s, event(f, "talks")), NIACT_OK);
    play_turn(f, "wait");
    play_turn(f, "recon");
    if (niact_game_phase(g) == NIACT_PHASE_ENDED)
        fail_msg("ended at turn %d: %s", niact_game_turn(g), niact_game_outcome_text(g));
    assert_int_equal(niact_game_turn(g), 3);
    order(f, US, "recon", 0);
    assert_int_equal(niact_session_end_turn(f->s, US), NIACT_OK);
    assert_int_equal(niact_session_rollback(f->s, 5), NIACT_ERR_INVALID); /* not yet played */
    assert_int_equal(niact_session_rollback(f->s, 0), NIACT_ERR_INVALID);
    niact_event ev;
    while (niact_session_hear(f->s, UN, &ev))
        ;
    assert_int_equal(niact_session_rollback(f->s, 2), NIACT_OK);
    assert_true(niact_session_view(f->s) == g); /* the same game, played again */
    assert_int_equal(niact_game_turn(g), 1);
    uint64_t again;
    assert_int_equal(niact_game_turn_hash(g, 1, &again), NIACT_OK);
    assert_true(again == h1);
    assert_false(niact_game_submitted(g, US));
    assert_int_equal(niact_session_turns_played(f->s), 1);
    /* Turn 2's telegram is undone; the live line holds the note (a later rollback plays it
     * again). */
    assert_int_equal(niact_session_input_count(f->s), 1);
    assert_int_equal(niact_session_input_at(f->s, 0)->kind, NIACT_INPUT_MESSAGE);
    /* The UN seat hears turn 2's opening news again, then the note. */
    int note = 0, events = 0;
    while (niact_session_hear(f->s, UN, &ev)) {
        events++;
        note |= ev.kind == NIACT_EVENT_LOG && strstr(ev.entry.text, "back to the start of turn 2");
    }
    assert_true(note);
    /* A different turn 2, then the record. */
    play_turn(f, "recon");
    char *text = dump(f->s);
    assert_non_null(strstr(text, "\n{\"turn\": 4, \"inputs\": [{\"kind\": \"rollback\", "
                                 "\"to_turn\": 2}]}\n"));
    long t4 = pos(text, "{\"turn\": 4, "), t2b = pos(text + t4, "{\"turn\": 2, ");
    assert_true(t4 > 0 && t2b > 0); /* turn 4 (cut), then turn 2 again */
    assert_non_null(strstr(text, "Turn two words.")); /* the undone turn's telegram is kept */
    niact_loaded l;
    reload(f, text, &l);
    assert_int_equal(l.turns, 2);
    assert_int_equal(niact_session_turns_played(l.session), 2);
    niact_loaded_free(&l);
    /* The record without its rollback does not load. */
    char *cut = strdup(text), *at = strstr(cut, "{\"kind\": \"rollback\", \"to_turn\": 2}");
    assert_non_null(at);
    size_t k = strlen("{\"kind\": \"rollback\", \"to_turn\": 2}");
    memmove(at, at + k, strlen(at + k) + 1);
    char msg[1024];
    assert_int_equal(ru_load(f->h, cut, strlen(cut), &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    free(cut);
    /* Nor with an input after it. */
    char *more = malloc(strlen(text) + 64);
    at = strstr(text, "{\"kind\": \"rollback\", \"to_turn\": 2}");
    size_t head = (size_t)(at - text) + strlen("{\"kind\": \"rollback\", \"to_turn\": 2}");
    memcpy(more, text, head);
    strcpy(more + head, ", {\"kind\": \"pause\"}");
    strcat(more, text + head);
    assert_int_equal(ru_load(f->h, more, strlen(more), &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "after a rollback"));
    free(more);
    free(text);
    /* After the end: back to the last turn, and the game runs again. */
    while (niact_game_phase(g) != NIACT_PHASE_ENDED)
        play_turn(f, "recon");
    int32_t last = niact_game_turn(g);
    if (niact_session_rollback(f->s, last) != NIACT_OK)
        fail_msg("rollback to %d: %s", last, niact_session_error(f->s));
    assert_int_equal(niact_game_phase(g) == NIACT_PHASE_ENDED, 0);
    assert_int_equal(niact_game_turn(g), last - 1);
    text = dump(f->s);
    reload(f, text, &l);
    niact_loaded_free(&l);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pause, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deadline_default, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_message, setup, teardown),
        cmocka_unit_test_setup_teardown(test_free_seat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_moderator_view, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
