/* The session as the one door (include/niact/session.h), on the probe scenario
 * tests/scenarios/session_probe: opening by name or folder, each seat's options (the one
 * parameter search, bare reasons, the cost arithmetic), the cache (asking twice is asking
 * once), checking without committing, drafts that never reach the game or a save, and
 * what each seat hears. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "niact/ai.h"
#include "niact/record.h"
#include "session/session_internal.h"
#include "support.h"

#define PROBE NIACT_TEST_DIR "/scenarios/session_probe"

enum { A, B };

typedef struct fx {
    niact_session *s;
    const niact_scenario *sc;
} fx;

static int setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    char msg[4096];
    if (!f || niact_session_open(PROBE, 3, NULL, &f->s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "%s\n", msg);
        return -1;
    }
    f->sc = niact_session_scenario(f->s);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fx *f = *state;
    niact_session_free(f->s); /* frees the host it opened: ASan would see a leak */
    free(f);
    return 0;
}

static int act(fx *f, const char *id) {
    int a = niact_scenario_action(f->sc, id);
    assert_true(a >= 0);
    return a;
}

static const niact_option *opt(fx *f, int role, const char *id) {
    const niact_option *o = niact_session_option(f->s, role, act(f, id));
    assert_non_null(o);
    return o;
}

/* Opening: a folder, a missing name, a scenario with an error (its full path named). */
static void test_open(void **state) {
    (void)state;
    char msg[4096];
    niact_session *s = NULL;
    assert_int_equal(niact_session_open("no_such_scenario_here", 1, NULL, &s, msg, sizeof msg),
                     NIACT_ERR_INVALID);
    assert_null(s);
    assert_non_null(strstr(msg, "no scenario 'no_such_scenario_here'"));
    char *dir = ts_tempdir();
    assert_non_null(dir);
    ts_write(dir, "scenario.lua", "return niact.scenario{\n  name = 1 +\n}\n");
    assert_int_equal(niact_session_open(dir, 1, NULL, &s, msg, sizeof msg), NIACT_ERR_SCRIPT);
    assert_null(s);
    char where[4200];
    snprintf(where, sizeof where, "%s/scenario.lua:", dir);
    assert_non_null(strstr(msg, where)); /* FILE:LINE with the folder, once, by the session */
    ts_rmdir(dir);
    niact_seat seats[NIACT_MAX_ROLES] = {0};
    seats[B].kind = NIACT_SEAT_AI;
    snprintf(seats[B].personality, sizeof seats[B].personality, "nobody");
    assert_int_equal(niact_session_open(PROBE, 1, seats, &s, msg, sizeof msg), NIACT_ERR_INVALID);
    assert_non_null(strstr(msg, "no AI personality 'nobody'"));
}

/* Each option: refusal kind, the suggested parameter, a bare reason, cost and points. */
static void test_options(void **state) {
    fx *f = *state;
    const niact_options *o = niact_session_options(f->s, A);
    assert_non_null(o);
    assert_int_equal(o->n, 4); /* raise, dial, closed, big: the actions Alpha may order */
    assert_int_equal(o->points, 3);
    assert_int_equal(o->left, 3);
    assert_int_equal(opt(f, A, "raise")->refusal, NIACT_REFUSAL_NONE);
    /* dial's default 50 is refused; 56 (6 away) is nearer than 40 (10 away). */
    const niact_option *d = opt(f, A, "dial");
    assert_int_equal(d->refusal, NIACT_REFUSAL_NONE);
    assert_true(d->legal);
    assert_int_equal(d->param, 56);
    const niact_option *c = opt(f, A, "closed");
    assert_int_equal(c->refusal, NIACT_REFUSAL_RULE);
    assert_string_equal(c->reason, "closed today"); /* the scenario's words, nothing around */
    assert_int_equal(opt(f, A, "big")->refusal, NIACT_REFUSAL_NONE);
    const niact_option *m = opt(f, B, "mute");
    assert_int_equal(m->refusal, NIACT_REFUSAL_RULE);
    assert_string_equal(m->reason, "the scenario does not allow it now");
    const niact_option *big = opt(f, B, "big");
    assert_true(big->legal);
    assert_int_equal(big->refusal, NIACT_REFUSAL_POINTS);
    assert_string_equal(big->reason, "needs 3 action points; 2 left");
    assert_null(niact_session_option(f->s, B, act(f, "raise"))); /* not Beta's */
    assert_null(niact_session_options(f->s, 7));
}

/* Asking twice is asking once: the scenario's tests run once per state of the game and
 * seat, not per question or per change of the draft; a command that may change the game
 * makes the next question ask again. */
static void test_cache(void **state) {
    fx *f = *state;
    uint64_t h = niact_game_hash(niact_session_view(f->s));
    assert_non_null(niact_session_options(f->s, A));
    uint64_t once = f->s->legal_calls;
    assert_true(once >= 4); /* one per action at least, and the search for dial */
    for (int i = 0; i < 9; i++) /* a window asks every frame */
        assert_non_null(niact_session_options(f->s, A));
    assert_int_equal(f->s->legal_calls, once);
    assert_int_equal(niact_session_order(f->s, A, act(f, "raise"), NIACT_PARAM_SUGGESTED),
                     NIACT_OK);
    const niact_options *o = niact_session_options(f->s, A);
    assert_int_equal(f->s->legal_calls, once); /* the draft changed, the game did not */
    assert_int_equal(o->left, 2);
    assert_int_equal(opt(f, A, "raise")->refusal, NIACT_REFUSAL_REPEAT);
    assert_int_equal(opt(f, A, "big")->refusal, NIACT_REFUSAL_POINTS);
    assert_true(niact_game_hash(niact_session_view(f->s)) == h); /* asking changed nothing */
    assert_int_equal(niact_session_telegram(f->s, A, 1u << B, "hello"), NIACT_OK);
    assert_non_null(niact_session_options(f->s, A));
    assert_true(f->s->legal_calls > once);
}

/* A check commits nothing; a refused order leaves the draft as it was. */
static void test_check(void **state) {
    fx *f = *state;
    const niact_game *g = niact_session_view(f->s);
    uint64_t h = niact_game_hash(g);
    niact_order two[2] = {{A, (int16_t)act(f, "raise"), 0}, {A, (int16_t)act(f, "raise"), 0}};
    assert_int_equal(niact_session_check(f->s, A, two, 2), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s), "only once a turn"));
    assert_int_equal(niact_session_check(f->s, A, two, 1), NIACT_OK);
    assert_false(niact_game_submitted(g, A));
    assert_true(niact_game_hash(g) == h);
    int n = -1;
    assert_int_equal(niact_session_order(f->s, A, act(f, "closed"), NIACT_PARAM_SUGGESTED),
                     NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f->s), "closed today"));
    niact_session_draft(f->s, A, &n);
    assert_int_equal(n, 0);
    /* dial: the suggested parameter, then a refused change, then an allowed one. */
    assert_int_equal(niact_session_order(f->s, A, act(f, "dial"), NIACT_PARAM_SUGGESTED),
                     NIACT_OK);
    const niact_order *d = niact_session_draft(f->s, A, &n);
    assert_int_equal(n, 1);
    assert_int_equal(d[0].param, 56);
    assert_int_equal(niact_session_param(f->s, A, 0, 45), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_draft(f->s, A, &n)[0].param, 56);
    assert_int_equal(niact_session_param(f->s, A, 0, 30), NIACT_OK);
    assert_int_equal(niact_session_draft(f->s, A, &n)[0].param, 30);
    assert_int_equal(niact_session_drop(f->s, A, 3), NIACT_ERR_INVALID);
    assert_int_equal(niact_session_drop(f->s, A, 0), NIACT_OK);
    niact_session_draft(f->s, A, &n);
    assert_int_equal(n, 0);
}

/* A draft is the seat's own until it ends its turn: not in the game, not in a save. */
static void test_draft_not_given(void **state) {
    fx *f = *state;
    const niact_game *g = niact_session_view(f->s);
    assert_int_equal(niact_session_order(f->s, A, act(f, "raise"), NIACT_PARAM_SUGGESTED),
                     NIACT_OK);
    assert_false(niact_game_submitted(g, A));
    char *text = NULL, msg[512];
    size_t len = 0;
    assert_int_equal(niact_record_dump(f->s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    assert_null(strstr(text, "\"raise\""));
    free(text);
    assert_int_equal(niact_session_end_turn(f->s, A), NIACT_OK);
    assert_true(niact_game_submitted(g, A));
    int n = -1;
    niact_session_draft(f->s, A, &n);
    assert_int_equal(n, 0);
    assert_int_equal(opt(f, A, "raise")->refusal, NIACT_REFUSAL_ENDED);
    assert_int_equal(niact_session_order(f->s, A, act(f, "big"), NIACT_PARAM_SUGGESTED),
                     NIACT_ERR_STATE);
    assert_int_equal(niact_record_dump(f->s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    assert_non_null(strstr(text, "\"raise\""));
    free(text);
}

/* Drains a seat's events; counts each kind, and keeps the LOG texts joined by '|'. */
typedef struct heard {
    int log, track, turn, end;
    int tracks[8];
    char text[2048];
} heard;

static heard drain(fx *f, int role) {
    heard h;
    memset(&h, 0, sizeof h);
    niact_event ev;
    while (niact_session_hear(f->s, role, &ev)) {
        if (ev.kind == NIACT_EVENT_LOG) {
            h.log++;
            strncat(h.text, ev.entry.text, sizeof h.text - strlen(h.text) - 2);
            strcat(h.text, "|");
        } else if (ev.kind == NIACT_EVENT_TRACK) {
            if (h.track < 8)
                h.tracks[h.track] = ev.track;
            h.track++;
            assert_true(ev.now.value != ev.before.value || ev.now.vis != ev.before.vis);
        } else if (ev.kind == NIACT_EVENT_TURN) {
            assert_int_equal(h.track, 0); /* tracks come last */
            h.turn++;
        } else {
            h.end++;
        }
    }
    return h;
}

static void play_turn(fx *f, const char *a_action, const char *b_action) {
    if (a_action)
        assert_int_equal(niact_session_order(f->s, A, act(f, a_action), NIACT_PARAM_SUGGESTED),
                         NIACT_OK);
    if (b_action)
        assert_int_equal(niact_session_order(f->s, B, act(f, b_action), NIACT_PARAM_SUGGESTED),
                         NIACT_OK);
    assert_int_equal(niact_session_end_turn(f->s, A), NIACT_OK);
    assert_int_equal(niact_session_end_turn(f->s, B), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
}

/* What each seat hears: its own log, the turn, the tracks it sees that moved; the
 * spectator only what is told to everyone. Asking again hears nothing new. */
static void test_hear(void **state) {
    fx *f = *state;
    drain(f, A), drain(f, B), drain(f, NIACT_SPECTATOR);
    play_turn(f, "raise", NULL);
    heard a = drain(f, A), b = drain(f, B), sp = drain(f, NIACT_SPECTATOR);
    assert_non_null(strstr(a.text, "Alpha raised the level."));
    assert_non_null(strstr(b.text, "Alpha raised the level."));
    assert_non_null(strstr(sp.text, "Alpha raised the level."));
    assert_int_equal(a.turn, 1);
    assert_int_equal(b.turn, 1);
    assert_int_equal(sp.turn, 1);
    int level = niact_scenario_track(f->sc, "level");
    int secret = niact_scenario_track(f->sc, "hidden_to_b");
    assert_int_equal(a.track, 2); /* level and the track only Alpha sees */
    assert_int_equal(a.tracks[0], level);
    assert_int_equal(a.tracks[1], secret);
    assert_int_equal(b.track, 1);
    assert_int_equal(b.tracks[0], level);
    assert_int_equal(sp.track, 0);
    heard again = drain(f, A);
    assert_int_equal(again.log + again.track + again.turn + again.end, 0);
    /* A private report: only its addressee hears it. */
    play_turn(f, "big", NULL);
    a = drain(f, A), b = drain(f, B), sp = drain(f, NIACT_SPECTATOR);
    assert_non_null(strstr(a.text, "A big step."));
    assert_null(strstr(b.text, "A big step."));
    assert_null(strstr(sp.text, "A big step."));
    assert_int_equal(a.end, 0);
    play_turn(f, NULL, NULL);
    a = drain(f, A);
    assert_int_equal(a.turn, 1);
    assert_int_equal(a.end, 1);
    assert_int_equal(niact_game_outcome(niact_session_view(f->s)), NIACT_OUTCOME_LAST_TURN);
}

/* A seat that joins a game under way hears from the turn under way on. */
static void test_heard_until(void **state) {
    fx *f = *state;
    play_turn(f, "raise", NULL);
    play_turn(f, "raise", NULL);
    niact_session_heard_until(f->s, B, 2);
    heard b = drain(f, B);
    assert_int_equal(b.turn, 0);
    assert_int_equal(b.track, 0);
    assert_null(strstr(b.text, "Alpha raised the level.")); /* turns 1 and 2's news */
    play_turn(f, "raise", NULL);
    b = drain(f, B);
    assert_non_null(strstr(b.text, "Alpha raised the level."));
    assert_int_equal(b.turn, 1);
    assert_int_equal(b.end, 1);
    assert_int_equal(b.track, 1);
}

/* The AI's negotiation is decided in engine/ai and changes nothing by itself: the
 * session carries out each move (testland's USSR answers a proposal addressed to it). */
/* The one command queue: a command is a plain struct checked whole as untrusted input
 * (kind, role, ranges, unterminated text); a refusal changes nothing and comes back as
 * the error record; SAVE writes only a save name in the data folder, or the file the
 * front end set, never a path a seat typed. */
static void test_tell(void **state) {
    fx *f = *state;
    const niact_game *g = niact_session_view(f->s);
    uint64_t h0 = niact_game_hash(g);
    niact_reply r;
    niact_command c = niact_command_make(NIACT_CMD_ORDER, A);
    c.action = act(f, "raise");
    c.param = NIACT_PARAM_SUGGESTED;
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_OK);
    assert_int_equal(r.status, NIACT_OK);
    assert_int_equal(r.error.kind, NIACT_KIND_NONE);
    int n = -1;
    const niact_order *d = niact_session_draft(f->s, A, &n);
    assert_int_equal(n, 1);
    assert_int_equal(d[0].action, act(f, "raise"));
    /* Refused whole: nothing changes, the reason is in the reply and on the handle. */
    niact_command bad[6];
    bad[0] = niact_command_make(NIACT_CMD_ORDER, A);
    bad[0].kind = 99;
    bad[1] = niact_command_make(NIACT_CMD_ORDER, 7);
    bad[2] = niact_command_make(NIACT_CMD_ORDER, -1);
    bad[3] = niact_command_make(NIACT_CMD_TELEGRAM, A);
    memset(bad[3].text, 'x', sizeof bad[3].text); /* no NUL anywhere */
    bad[3].to = 1u << B;
    bad[4] = niact_command_make(NIACT_CMD_PROPOSE, A);
    bad[4].n_terms = NIACT_MAX_TERMS + 1;
    bad[5] = niact_command_make(NIACT_CMD_DROP, A);
    bad[5].index = 5;
    for (int i = 0; i < 6; i++) {
        assert_int_equal(niact_session_tell(f->s, &bad[i], &r), NIACT_ERR_INVALID);
        assert_int_equal(r.status, NIACT_ERR_INVALID);
        assert_int_equal(r.error.kind, NIACT_KIND_INVALID);
        assert_true(r.error.reason[0] != 0);
        assert_string_equal(r.error.reason, niact_session_error(f->s));
        niact_session_draft(f->s, A, &n);
        assert_int_equal(n, 1);
        assert_int_equal(niact_game_hash(g), h0);
    }
    /* An order the scenario refuses: the scenario's own reason. */
    c.action = act(f, "closed");
    assert_int_equal(niact_session_tell(f->s, &c, &r), NIACT_ERR_INVALID);
    assert_non_null(strstr(r.error.reason, "closed today"));
    /* A telegram through the queue reaches the log; NULL reply is allowed. */
    niact_command t = niact_command_make(NIACT_CMD_TELEGRAM, A);
    t.to = 1u << B;
    snprintf(t.text, sizeof t.text, "Hello, Beta.");
    assert_int_equal(niact_session_tell(f->s, &t, NULL), NIACT_OK);
    assert_int_equal(niact_session_input_count(f->s), 1);
    uint64_t h1 = niact_game_hash(g);
    assert_true(h1 != h0);
    /* SAVE: names only; saving changes nothing. */
    char *dir = ts_tempdir(), path[4200];
    setenv("XDG_DATA_HOME", dir, 1);
    niact_command sv = niact_command_make(NIACT_CMD_SAVE, B);
    const char *paths[] = {"../x", "/tmp/x", ".hidden", "a/b"};
    for (int i = 0; i < 4; i++) {
        snprintf(sv.text, sizeof sv.text, "%s", paths[i]);
        assert_int_equal(niact_session_tell(f->s, &sv, &r), NIACT_ERR_INVALID);
        assert_string_equal(r.path, "");
    }
    snprintf(sv.text, sizeof sv.text, "mine");
    assert_int_equal(niact_session_tell(f->s, &sv, &r), NIACT_OK);
    snprintf(path, sizeof path, "%s/niact/saves/mine.json", dir);
    assert_string_equal(r.path, path);
    niact_loaded l;
    char msg[1024];
    assert_int_equal(niact_record_load(path, &(niact_record_opts){.host = niact_session_host(f->s)},
                                       &l, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_input_count(l.session), 1); /* the telegram */
    int ln = -1;
    niact_session_draft(l.session, A, &ln);
    assert_int_equal(ln, 0); /* the draft is not saved */
    niact_loaded_free(&l);
    /* "" with a save file set by the front end: that file; else <scenario>-<seed>. */
    sv.text[0] = 0;
    assert_int_equal(niact_session_tell(f->s, &sv, &r), NIACT_OK);
    snprintf(path, sizeof path, "%s/niact/saves/%s-3.json", dir, f->sc->meta.id);
    assert_string_equal(r.path, path);
    snprintf(path, sizeof path, "%s/given.json", dir);
    assert_int_equal(niact_session_set_save_file(f->s, path), NIACT_OK);
    assert_int_equal(niact_session_tell(f->s, &sv, &r), NIACT_OK);
    assert_string_equal(r.path, path);
    assert_int_equal(access(path, R_OK), 0);
    unsetenv("XDG_DATA_HOME");
    ts_rmdir(dir);
    assert_int_equal(niact_game_hash(g), h1);
    assert_string_equal(niact_command_name(NIACT_CMD_SAVE), "save");
    assert_string_equal(niact_command_name(42), "?");
}

/* The tools' entries: a legality question through the session changes nothing and is
 * asked each time (check's ask-twice needs that); a named personality's suggestion is
 * not submitted; a record opens as a session that owns its host (freed with it: ASan). */
static void test_tools(void **state) {
    fx *f = *state;
    const niact_game *g = niact_session_view(f->s);
    uint64_t h0 = niact_game_hash(g), calls = f->s->legal_calls;
    niact_order o = {A, (int16_t)act(f, "dial"), 50};
    int ok = 1;
    char why[256];
    assert_int_equal(niact_session_legal(f->s, &o, &ok, why, sizeof why), NIACT_OK);
    assert_false(ok);
    assert_string_equal(why, "the dial sticks above 40");
    o.param = 40;
    assert_int_equal(niact_session_legal(f->s, &o, &ok, why, sizeof why), NIACT_OK);
    assert_true(ok);
    assert_int_equal(f->s->legal_calls, calls + 2);
    assert_int_equal(niact_game_hash(g), h0);
    niact_order os[NIACT_MAX_ORDERS];
    int n = -1;
    assert_int_equal(niact_session_suggest(f->s, A, "random", os, &n), NIACT_OK);
    assert_false(niact_game_submitted(g, A));
    assert_int_equal(niact_session_suggest(f->s, 9, "random", os, &n), NIACT_ERR_INVALID);
    assert_int_equal(niact_game_hash(g), h0);
    /* A record, opened as a session. */
    play_turn(f, "raise", NULL);
    char *dir = ts_tempdir(), path[4200], msg[1024];
    snprintf(path, sizeof path, "%s/r.json", dir);
    assert_int_equal(niact_record_save(f->s, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg),
                     NIACT_OK);
    niact_session *r = NULL;
    niact_replay_info info;
    niact_replay_opts ro = {.scenario = PROBE};
    assert_int_equal(niact_session_open_record(path, &ro, &r, &info, msg, sizeof msg), NIACT_OK);
    assert_int_equal(info.turns, 1);
    assert_int_equal(info.first_mismatch, -1);
    assert_true(info.scenario_dir[0] == '/');
    assert_int_equal(niact_game_hash(niact_session_view(r)), niact_game_hash(g));
    niact_session_free(r);
    ro.scenario = "no-such-scenario-here";
    assert_int_equal(niact_session_open_record(path, &ro, &r, &info, msg, sizeof msg),
                     NIACT_ERR_INVALID);
    assert_null(r);
    ro.scenario = PROBE;
    snprintf(path, sizeof path, "%s/none.json", dir);
    assert_true(niact_session_open_record(path, &ro, &r, NULL, msg, sizeof msg) != NIACT_OK);
    assert_null(r);
    ts_rmdir(dir);
}

/* A seat heard up to a position comes back to it: the same news and turn marks again
 * (a network seat that rejoins in the middle of a turn); past the end is the end. */
static void test_rewind(void **state) {
    fx *f = *state;
    play_turn(f, "raise", NULL);
    heard a1 = drain(f, A);
    size_t pos = niact_session_heard(f->s, A);
    play_turn(f, "big", NULL);
    heard a2 = drain(f, A);
    assert_non_null(strstr(a2.text, "A big step."));
    assert_int_equal(a2.turn, 1);
    niact_session_rewind(f->s, A, pos);
    heard again = drain(f, A);
    assert_string_equal(again.text, a2.text);
    assert_int_equal(again.log, a2.log);
    assert_int_equal(again.turn, 1);
    niact_session_rewind(f->s, A, 0);
    heard all = drain(f, A);
    assert_int_equal(all.log, a1.log + a2.log);
    assert_int_equal(all.turn, 2);
    niact_session_rewind(f->s, A, (size_t)-1);
    heard none = drain(f, A);
    assert_int_equal(none.log + none.turn, 0);
}

/* The one wording of what a seat knows of a track (text play and the window). */
static void test_words(void **state) {
    (void)state;
    char buf[128];
    niact_known k = {NIACT_VIS_TRUE, 12, 0, 3, NULL};
    niact_known_text(&k, 0, buf, sizeof buf);
    assert_string_equal(buf, "12");
    k.label = "tense";
    niact_known_text(&k, NIACT_WORDS_ASCII, buf, sizeof buf);
    assert_string_equal(buf, "tense (12)");
    k.vis = NIACT_VIS_ESTIMATE;
    k.error = 3;
    niact_known_text(&k, 0, buf, sizeof buf);
    assert_string_equal(buf, "tense? (est. 12 \xC2\xB1" "3)");
    k.label = NULL;
    k.turn_seen = -1;
    niact_known_text(&k, NIACT_WORDS_ASCII | NIACT_WORDS_SEEN, buf, sizeof buf);
    assert_string_equal(buf, "~12 +/-3 (not yet observed)");
    niact_known_text(&k, 0, buf, sizeof buf);
    assert_string_equal(buf, "~12 \xC2\xB1" "3");
    k.vis = NIACT_VIS_NONE;
    niact_known_text(&k, NIACT_WORDS_ASCII, buf, sizeof buf);
    assert_string_equal(buf, "unknown");
    assert_int_equal(niact_known_text(&k, 0, buf, 3), 7); /* cut, and says how long */
    assert_string_equal(buf, "un");
}

static void test_ai_talk_is_pure(void **state) {
    (void)state;
    char msg[4096];
    niact_session *s = NULL;
    assert_int_equal(niact_session_open(NIACT_TEST_DIR "/scenarios/testland", 5, NULL, &s, msg,
                                        sizeof msg),
                     NIACT_OK);
    const niact_scenario *sc = niact_session_scenario(s);
    niact_term_item it = {(int16_t)niact_scenario_term(sc, "remove_within"), -1, 30};
    int32_t id = 0;
    assert_int_equal(niact_session_propose(s, 0, 2u, 0, &it, 1, 0, &id), NIACT_OK);
    niact_game *g = niact_session_game(s);
    uint64_t h = niact_game_hash(g);
    niact_ai_talk talk;
    niact_ai_talk_start(&talk, NULL);
    niact_ai_move m;
    assert_int_equal(niact_ai_talk_next(niact_session_host(s), g, 1, &talk, &m), NIACT_OK);
    /* an answer, or a counter (which rejects it) */
    assert_true(m.kind == NIACT_AI_MOVE_ANSWER || m.kind == NIACT_AI_MOVE_PROPOSE);
    assert_int_equal(m.kind == NIACT_AI_MOVE_ANSWER ? m.id : m.counter_of, id);
    assert_true(niact_game_hash(g) == h);
    size_t before = niact_session_input_count(s);
    assert_int_equal(niact_session_ai_negotiate(s, 1), NIACT_OK);
    assert_true(niact_session_input_count(s) > before); /* kept for the record */
    const niact_input *in = niact_session_input_at(s, before);
    assert_true(in->kind == NIACT_INPUT_ANSWER ||
                (in->kind == NIACT_INPUT_PROPOSE && in->id == id)); /* a counter's id */
    niact_session_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open),
        cmocka_unit_test_setup_teardown(test_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draft_not_given, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hear, setup, teardown),
        cmocka_unit_test_setup_teardown(test_heard_until, setup, teardown),
        cmocka_unit_test(test_ai_talk_is_pure),
        cmocka_unit_test_setup_teardown(test_tell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tools, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rewind, setup, teardown),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
