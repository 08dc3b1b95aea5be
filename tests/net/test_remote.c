/* A seat played from another computer, without the network: a host session and a
 * remote session of the US seat joined by an io that carries each command to the host
 * (forcing the seat's role, as niact host does) and each seat view back. Checked:
 *   - the mirror shows the seat exactly what the host's session shows it (tracks,
 *     history, scores, log, proposals, commitments, trust, options, draft), turn after
 *     turn, and at the end the truth and every score;
 *   - the view holds nothing of another seat's: no other seat's private telegram or
 *     secret proposal, no true value of a track the seat only estimates or cannot see;
 *   - a malformed view (every prefix, targeted lies, random bytes) is refused with the
 *     mirror as it was, and never crashes (ASan run);
 *   - commands: a refusal comes back with the host's reason; another seat's role, SAVE
 *     and records are refused on the client. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "niact/record.h"
#include "niact/session.h"

#define N1962 NIACT_SCRIPTS_DIR "/scenarios/november1962"
#define US 0

typedef struct rig {
    niact_session *host;      /* the truth */
    niact_session *r;         /* the US seat's remote session */
    char *last;               /* the last view sent */
    size_t last_len;
    int views;
    int commands;
} rig;

static rig R;

static void send_view(void) {
    free(R.last);
    assert_int_equal(niact_session_seat_view(R.host, US, 1000, &R.last, &R.last_len), NIACT_OK);
    int moved;
    assert_int_equal(niact_session_remote_apply(R.r, R.last, R.last_len, 1000, &moved),
                     NIACT_OK);
    R.views++;
}

static niact_status io_tell(void *ud, niact_session *s, const niact_command *cmd,
                            niact_reply *reply) {
    (void)ud, (void)s;
    niact_command c = *cmd;
    c.role = US; /* the host forces the seat's role */
    R.commands++;
    niact_status st = niact_session_tell(R.host, &c, reply);
    send_view();
    return st;
}

/* The other seats end their turns on the host; the turn resolves. */
static niact_status io_wait(void *ud, niact_session *s) {
    (void)ud, (void)s;
    const niact_scenario *sc = niact_session_scenario(R.host);
    for (int r = 0; r < sc->n_roles; r++)
        if (r != US && !niact_game_submitted(niact_session_view(R.host), r)) {
            niact_command c = niact_command_make(NIACT_CMD_END_TURN, r);
            assert_int_equal(niact_session_tell(R.host, &c, NULL), NIACT_OK);
        }
    niact_status st = niact_session_resolve(R.host);
    send_view();
    return st;
}

/* A proposal from `from` to `to` of the first term the scenario lets it make, with the
 * term's default parameter and `from` giving it; its id, 0 if none. */
static int32_t propose(int from, uint32_t to, int public_) {
    const niact_scenario *sc = niact_session_scenario(R.host);
    int32_t id = 0;
    for (int t = 0; t < sc->n_terms && !id; t++) {
        const niact_term_def *d = &sc->terms[t];
        for (int g = 0; g < sc->n_roles && !id; g++) {
            if (!(d->givers & (1u << g)) || (g != from && !(to & (1u << g))))
                continue;
            niact_term_item it = {(int16_t)t, (int16_t)g, d->has_param ? d->param_default : 0};
            if (niact_session_propose(R.host, from, to, public_, &it, 1, 0, &id) != NIACT_OK)
                id = 0;
        }
    }
    return id;
}

static int setup(void **state) {
    (void)state;
    memset(&R, 0, sizeof R);
    char msg[4096];
    if (niact_session_open(N1962, 11, NULL, &R.host, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "%s\n", msg);
        return -1;
    }
    niact_host *h = NULL;
    if (niact_session_load(N1962, NULL, &h, NULL, 0, msg, sizeof msg) != NIACT_OK)
        return -1;
    niact_remote_io io = {NULL, io_tell, io_wait};
    if (niact_session_remote(h, US, &io, &R.r, msg, sizeof msg) != NIACT_OK)
        return -1;
    niact_session_own_host(R.r);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    niact_session_free(R.r);
    niact_session_free(R.host);
    free(R.last);
    return 0;
}

/* Everything the US seat reads is the same on the host and on the client. */
static void same_as_host(void) {
    const niact_game *h = niact_session_view(R.host), *m = niact_session_view(R.r);
    const niact_scenario *sc = niact_session_scenario(R.host);
    assert_int_equal(niact_game_turn(m), niact_game_turn(h));
    assert_int_equal(niact_game_phase(m), niact_game_phase(h));
    assert_int_equal(niact_game_outcome(m), niact_game_outcome(h));
    assert_string_equal(niact_game_outcome_text(m), niact_game_outcome_text(h));
    int ended = niact_game_phase(h) == NIACT_PHASE_ENDED;
    for (int t = 0; t < sc->n_tracks; t++) {
        niact_track_view a, b;
        assert_int_equal(niact_game_view_track(h, US, t, &a), NIACT_OK);
        assert_int_equal(niact_game_view_track(m, US, t, &b), NIACT_OK);
        assert_memory_equal(&a, &b, sizeof a);
        for (int32_t k = 0; k <= niact_game_turn(h); k++) {
            int32_t x = 0, y = 0;
            niact_status s1 = niact_game_history(h, US, t, k, &x);
            assert_int_equal(niact_game_history(m, US, t, k, &y), s1);
            assert_int_equal(x, y);
        }
        int32_t x = 0, y = 0;
        assert_int_equal(niact_game_truth(m, t, &y), niact_game_truth(h, t, &x));
        assert_int_equal(x, y);
    }
    for (int i = 0; i < sc->n_objectives; i++) {
        int32_t x = 0, y = 0;
        assert_int_equal(niact_game_objective_score(m, US, i, &y),
                         niact_game_objective_score(h, US, i, &x));
        assert_int_equal(x, y);
    }
    for (int r = 0; r < sc->n_roles; r++) {
        int32_t x = 0, y = 0;
        assert_int_equal(niact_game_score(m, US, r, &y), niact_game_score(h, US, r, &x));
        assert_int_equal(x, y);
        assert_int_equal(niact_game_trust(m, r), niact_game_trust(h, r));
        assert_int_equal(niact_game_submitted(m, r), niact_game_submitted(h, r));
    }
    size_t c1 = 0, c2 = 0;
    niact_log_entry e1, e2;
    for (;;) {
        int k1 = niact_game_log_next(h, US, &c1, &e1), k2 = niact_game_log_next(m, US, &c2, &e2);
        assert_int_equal(k1, k2);
        if (!k1)
            break;
        assert_int_equal(e1.turn, e2.turn);
        assert_int_equal(e1.kind, e2.kind);
        assert_string_equal(e1.text, e2.text);
    }
    for (int i = 0;; i++) {
        const niact_proposal *p = niact_game_proposal(h, US, i), *q = niact_game_proposal(m, US, i);
        assert_true((p == NULL) == (q == NULL));
        if (!p)
            break;
        assert_memory_equal(p, q, sizeof *p);
    }
    for (int i = 0;; i++) {
        const niact_commitment *p = niact_game_commitment(h, US, i),
                               *q = niact_game_commitment(m, US, i);
        assert_true((p == NULL) == (q == NULL));
        if (!p)
            break;
        assert_memory_equal(p, q, sizeof *p);
    }
    if (!ended) {
        const niact_options *o1 = niact_session_options(R.host, US);
        const niact_options *o2 = niact_session_options(R.r, US);
        assert_non_null(o1);
        assert_non_null(o2);
        assert_int_equal(o1->n, o2->n);
        assert_int_equal(o1->points, o2->points);
        assert_int_equal(o1->left, o2->left);
        for (int i = 0; i < o1->n; i++) {
            assert_int_equal(o1->opt[i].action, o2->opt[i].action);
            assert_int_equal(o1->opt[i].legal, o2->opt[i].legal);
            assert_int_equal(o1->opt[i].refusal, o2->opt[i].refusal);
            assert_int_equal(o1->opt[i].param, o2->opt[i].param);
            assert_string_equal(o1->opt[i].reason, o2->opt[i].reason);
        }
    }
    int n1, n2;
    const niact_order *d1 = niact_session_draft(R.host, US, &n1);
    const niact_order *d2 = niact_session_draft(R.r, US, &n2);
    assert_int_equal(n1, n2);
    if (n1)
        assert_memory_equal(d1, d2, (size_t)n1 * sizeof *d1);
}

/* What the US seat must never receive while the game runs. */
static void no_secrets(void) {
    const niact_game *h = niact_session_view(R.host);
    const niact_scenario *sc = niact_session_scenario(R.host);
    assert_null(strstr(R.last, "SECRET-USSR-TO-UN-3307"));
    assert_null(strstr(R.last, "SECRET-UN-TO-USSR-9182"));
    assert_null(strstr(R.last, "\"seed\""));
    /* Each track's entry holds the seat's view and nothing else: [vis, value, error,
     * seen, has_truth, truth] with the truth 0 until the end. */
    const char *at = strstr(R.last, "\"tracks\":[");
    assert_non_null(at);
    at += strlen("\"tracks\":[");
    int checked_estimate = 0;
    for (int t = 0; t < sc->n_tracks; t++) {
        int f[6];
        assert_int_equal(sscanf(at, "[%d,%d,%d,%d,%d,%d]", &f[0], &f[1], &f[2], &f[3], &f[4],
                                &f[5]), 6);
        niact_track_view v;
        niact_game_view_track(h, US, t, &v);
        int32_t truth;
        assert_int_equal(niact_session_truth(R.host, t, &truth), NIACT_OK);
        assert_int_equal(f[0], (int)v.vis);
        assert_int_equal(f[1], v.value);
        assert_int_equal(f[4], 0);
        assert_int_equal(f[5], 0);
        if (v.vis == NIACT_VIS_NONE)
            assert_int_equal(f[1], 0);
        if (v.vis == NIACT_VIS_ESTIMATE && truth != v.value)
            checked_estimate++; /* the value sent is the estimate, not the truth */
        at = strchr(at, ']') + 1;
        at += *at == ',';
    }
    assert_true(checked_estimate > 0); /* (else this check would prove nothing) */
}

static void test_mirror_plays_the_seat(void **state) {
    (void)state;
    send_view(); /* what the host sends when the seat joins */
    assert_true(niact_session_remote_ready(R.r));
    same_as_host();
    int32_t base[NIACT_MAX_ROLES];
    assert_int_equal(niact_session_baseline(R.r, base, NIACT_MAX_ROLES), NIACT_ERR_STATE);
    /* Other seats talk among themselves, in private. */
    assert_int_equal(niact_session_telegram(R.host, 1, 1u << 2, "SECRET-USSR-TO-UN-3307"),
                     NIACT_OK);
    assert_int_equal(niact_session_telegram(R.host, 2, 1u << 1, "SECRET-UN-TO-USSR-9182"),
                     NIACT_OK);
    const niact_scenario *sc = niact_session_scenario(R.host);
    int32_t secret = propose(1, 1u << 2, 0);
    if (!secret)
        fprintf(stderr, "%s\n", niact_session_error(R.host));
    assert_true(secret > 0); /* a secret proposal from the USSR to the UN */
    /* The US seat plays through its own session: an order, a telegram to the USSR. */
    niact_command c = niact_command_make(NIACT_CMD_ORDER, US);
    c.action = niact_session_options(R.r, US)->opt[0].action;
    c.param = NIACT_PARAM_SUGGESTED;
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_OK);
    c = niact_command_make(NIACT_CMD_TELEGRAM, US);
    c.to = 1u << 1;
    snprintf(c.text, sizeof c.text, "from the US window");
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_OK);
    int n;
    niact_session_draft(R.r, US, &n);
    assert_int_equal(n, 1);
    same_as_host();
    no_secrets();
    /* The secret proposal is not the seat's: not in its mirror, by index or by id. */
    assert_null(niact_game_proposal_by_id(niact_session_view(R.r), US, secret));
    /* End turn: the remote resolve waits for the host's next turn. */
    c = niact_command_make(NIACT_CMD_END_TURN, US);
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_OK);
    assert_true(niact_game_submitted(niact_session_view(R.r), US));
    same_as_host();
    assert_int_equal(niact_session_resolve(R.r), NIACT_OK);
    assert_int_equal(niact_game_turn(niact_session_view(R.r)), 1);
    same_as_host();
    no_secrets();
    /* The seat hears the turn: a TURN event after the news, then tracks that moved. */
    int turns = 0, logs = 0;
    niact_event ev;
    while (niact_session_hear(R.r, US, &ev))
        turns += ev.kind == NIACT_EVENT_TURN, logs += ev.kind == NIACT_EVENT_LOG;
    assert_int_equal(turns, 1);
    assert_true(logs > 0);
    /* To the end: the truth and every score arrive then, and only then. */
    while (niact_game_phase(niact_session_view(R.host)) != NIACT_PHASE_ENDED) {
        c = niact_command_make(NIACT_CMD_END_TURN, US);
        assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_OK);
        assert_int_equal(niact_session_resolve(R.r), NIACT_OK);
        same_as_host();
        if (niact_game_phase(niact_session_view(R.host)) != NIACT_PHASE_ENDED)
            no_secrets();
    }
    assert_int_equal(niact_game_phase(niact_session_view(R.r)), NIACT_PHASE_ENDED);
    int32_t x, y;
    assert_int_equal(niact_game_score(niact_session_view(R.r), US, 1, &x), NIACT_OK);
    niact_game_score(niact_session_view(R.host), US, 1, &y);
    assert_int_equal(x, y);
    /* The all-historical game's scores are the host's (the mirror has no seed). */
    int32_t b1[NIACT_MAX_ROLES], b2[NIACT_MAX_ROLES];
    assert_int_equal(niact_session_baseline(R.host, b1, NIACT_MAX_ROLES), NIACT_OK);
    assert_int_equal(niact_session_baseline(R.r, b2, NIACT_MAX_ROLES), NIACT_OK);
    assert_memory_equal(b1, b2, (size_t)sc->n_roles * sizeof *b1);
    int ends = 0;
    while (niact_session_hear(R.r, US, &ev))
        ends += ev.kind == NIACT_EVENT_END;
    assert_int_equal(ends, 1);
    assert_int_equal(niact_session_resolve(R.r), NIACT_OK); /* nothing to wait for */
}

static void test_commands(void **state) {
    (void)state;
    send_view();
    int before = R.commands;
    /* Another seat's command, SAVE, a moderator's: refused here, never sent. */
    niact_command c = niact_command_make(NIACT_CMD_END_TURN, 1);
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(R.r), "only the us seat"));
    c = niact_command_make(NIACT_CMD_SAVE, US);
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_ERR_INVALID);
    c = niact_command_make(NIACT_CMD_PAUSE, NIACT_MODERATOR);
    assert_int_equal(niact_session_tell(R.r, &c, NULL), NIACT_ERR_INVALID);
    assert_int_equal(R.commands, before);
    /* The host's refusal comes back with its reason. */
    c = niact_command_make(NIACT_CMD_DROP, US);
    c.index = 5;
    niact_reply reply;
    assert_int_not_equal(niact_session_tell(R.r, &c, &reply), NIACT_OK);
    assert_int_equal(R.commands, before + 1);
    assert_true(niact_session_error(R.r)[0] != 0);
    assert_string_equal(reply.error.reason, niact_session_error(R.r));
    /* A mirror is no record: the host keeps it. */
    char msg[300];
    assert_int_equal(niact_record_save(R.r, NIACT_RECORD_ALL_ROLES, "/tmp/niact-remote-x.json",
                                       msg, sizeof msg), NIACT_ERR_STATE);
    assert_non_null(strstr(msg, "host keeps"));
    assert_int_equal(niact_session_play_out(R.r), NIACT_ERR_STATE);
}

/* What a seat sees of its mirror, to compare before and after a refused view. */
static uint64_t fingerprint(void) {
    const niact_game *m = niact_session_view(R.r);
    const niact_scenario *sc = niact_session_scenario(R.r);
    uint64_t h = 1469598103934665603ull;
#define MIX(x) (h = (h ^ (uint64_t)(uint32_t)(x)) * 1099511628211ull)
    MIX(niact_game_turn(m)), MIX(niact_game_phase(m)), MIX(niact_game_log_size(m));
    for (int t = 0; t < sc->n_tracks; t++) {
        niact_track_view v;
        niact_game_view_track(m, US, t, &v);
        MIX(v.vis), MIX(v.value), MIX(v.error), MIX(v.turn_seen);
    }
    int n;
    const niact_order *d = niact_session_draft(R.r, US, &n);
    MIX(n);
    for (int i = 0; i < n; i++)
        MIX(d[i].action), MIX(d[i].param);
    const niact_options *o = niact_session_options(R.r, US);
    MIX(o->n), MIX(o->left);
    for (int i = 0; niact_game_proposal(m, US, i); i++)
        MIX(niact_game_proposal(m, US, i)->id);
    MIX(niact_session_paused(R.r));
#undef MIX
    return h;
}

/* Applies a lie: refused (or, for a random change that is still a valid view, taken and
 * then undone by the true view); never a crash. Returns 1 if refused. */
static int lie(const char *text, size_t len) {
    uint64_t before = fingerprint();
    int moved;
    niact_status st = niact_session_remote_apply(R.r, text, len, 1000, &moved);
    if (st != NIACT_OK) {
        assert_true(niact_session_error(R.r)[0] != 0);
        assert_true(fingerprint() == before); /* nothing changed */
        return 1;
    }
    assert_int_equal(niact_session_remote_apply(R.r, R.last, R.last_len, 1000, &moved),
                     NIACT_OK);
    return 0;
}

/* The true view with the first `from` replaced by `to`. */
static int lie_with(const char *from, const char *to) {
    const char *at = strstr(R.last, from);
    assert_non_null(at);
    size_t pre = (size_t)(at - R.last), fl = strlen(from), tl = strlen(to);
    char *t = malloc(R.last_len - fl + tl + 1);
    memcpy(t, R.last, pre);
    memcpy(t + pre, to, tl);
    memcpy(t + pre + tl, at + fl, R.last_len - pre - fl + 1);
    int refused = lie(t, R.last_len - fl + tl);
    free(t);
    return refused;
}

static void test_malformed_views(void **state) {
    (void)state;
    /* A view with proposals, a commitment and news in it. */
    int32_t id = propose(1, 1u << US, 1);
    if (!id)
        fprintf(stderr, "%s\n", niact_session_error(R.host));
    assert_true(id > 0);
    send_view();
    uint64_t good = fingerprint();
    /* Every cut of the view (not JSON, or missing fields). */
    for (size_t n = 0; n < R.last_len; n += 1 + n / 64)
        assert_true(lie(R.last, n));
    /* Targeted lies: another seat's view, out of ranges, another seat's news, text that
     * is not plain, an unknown version. */
    assert_true(lie_with("\"role\":0", "\"role\":1"));
    assert_true(lie_with("\"v\":1", "\"v\":2"));
    assert_true(lie_with("\"turn\":0", "\"turn\":9999"));
    assert_true(lie_with("\"phase\":", "\"phase\":7,\"x\":"));
    assert_true(lie_with("\"trust\":[", "\"trust\":[101,"));
    assert_true(lie_with("\"options\":[", "\"options\":[[9999,1,0,1,0,\"\"],"));
    assert_true(lie_with("\"draft\":[", "\"draft\":[[9999,0],"));
    assert_true(lie_with("\"log\":[", "\"log\":[[0,0,2,\"for the USSR only\"],"));
    assert_true(lie_with("\"log\":[", "\"log\":[[0,0,7,\"bell\\u0007\"],"));
    assert_true(lie_with("\"log\":[", "\"log\":[[0,0,7,\"nul\\u0000\"],"));
    assert_true(lie_with("\"log\":[", "\"log\":[[0,9,7,\"kind 9\"],"));
    assert_true(lie_with("\"terms\":[[", "\"terms\":[[9999,0,0],["));
    assert_true(lie_with("\"id\":", "\"id\":0,\"x\":"));
    assert_true(lie_with("\"tracks\":[[", "\"tracks\":[[3,"));
    assert_true(lie_with("\"outcome\":0", "\"outcome\":2"));
    assert_true(lie_with("\"paused\":0", "\"paused\":0,\"paused\":1"));
    assert_true(lie_with("\"scores\":[", "\"scores\":[-1,"));
    /* A peer's proposals are bounded by what a game of the scenario can hold (every seat
     * at its cap every turn, niact_scenario_max_proposals): an id past it is refused, and
     * no room is taken for it. */
    char big[64];
    snprintf(big, sizeof big, "\"proposals\":[{\"id\":%d,",
             (int)niact_scenario_max_proposals(niact_session_scenario(R.host)) + 1);
    assert_true(lie_with("\"proposals\":[{\"id\":1,", big));
    assert_non_null(strstr(niact_session_error(R.r), "the host's view is malformed (id)"));
    /* The same view with \xff in a text: JSON's own check refuses it. */
    assert_true(lie_with("Telegram", "Tel\xff" "egram"));
    /* Random bytes changed: whatever it is, no crash, and a refusal changes nothing. */
    srand(13);
    char *t = malloc(R.last_len + 1);
    int refused = 0;
    for (int i = 0; i < 3000; i++) {
        memcpy(t, R.last, R.last_len + 1);
        for (int k = 0; k < 1 + rand() % 4; k++)
            t[rand() % (int)R.last_len] = (char)(rand() % 2 ? rand() % 128 : rand());
        refused += lie(t, R.last_len);
    }
    free(t);
    assert_true(refused > 0);
    assert_true(fingerprint() == good);
    same_as_host();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mirror_plays_the_seat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_views, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
