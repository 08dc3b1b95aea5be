/* Driving a game through the session (include/niact/session.h), as text play does:
 * human seats in turn (hot seat), each seat's draft orders kept and checked by the
 * session, what each seat hears since its last turn drained from the session's events,
 * AI seats filled in by niact_session_resolve. No drawing here, and no call that changes
 * the game except through the session. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int play_start(app *a, niact_host *host, const niact_seat *seats, uint64_t seed) {
    play_stop(a);
    char msg[1024];
    niact_session *s = NULL;
    if (niact_session_new(host, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        snprintf(a->note, sizeof a->note, "The game could not start: %.200s", msg);
        niact_host_free(host);
        return -1;
    }
    niact_session_own_host(s);
    /* The game's first autosave (and --record), before an all-AI game's worker starts. */
    char autosave[4096] = "", warn[400] = "";
    saves_write(a, s, autosave, sizeof autosave, warn, sizeof warn);
    if (play_adopt(a, s) != 0)
        return -1;
    snprintf(a->play.autosave_path, sizeof a->play.autosave_path, "%s", autosave);
    snprintf(a->play.save_warn, sizeof a->play.save_warn, "%s", warn);
    return 0;
}

int play_adopt(app *a, niact_session *s) {
    ui_play *p = &a->play;
    play_stop(a);
    p->s = s;
    p->g = niact_session_view(s);
    p->sc = niact_session_scenario(s);
    p->humans = 0;
    for (int r = 0; r < p->sc->n_roles; r++) {
        p->seats[r] = *niact_session_seat(s, r);
        p->humans += p->seats[r].kind == NIACT_SEAT_HUMAN;
    }
    p->changes = calloc(p->sc->n_tracks ? (size_t)p->sc->n_tracks : 1, sizeof *p->changes);
    if (!p->changes) {
        play_stop(a);
        snprintf(a->note, sizeof a->note, "Out of memory.");
        return -1;
    }
    /* A resumed game: each seat has heard everything before the turn under way. */
    for (int r = 0; r < p->sc->n_roles && niact_game_turn(p->g) > 0; r++)
        niact_session_heard_until(s, r, niact_game_turn(p->g));
    p->role = -1;
    /* A resumed game goes on with the first human seat that has not given orders. */
    for (int r = 0; r < p->sc->n_roles && niact_game_turn(p->g) > 0; r++)
        if (p->seats[r].kind == NIACT_SEAT_HUMAN && !niact_game_submitted(p->g, r)) {
            p->role = r;
            break;
        }
    a->scroll_news = a->scroll_tracks = a->scroll_cards = 0;
    a->ov = OV_NONE;
    play_open_turn(a);
    return 0;
}

void play_stop(app *a) {
    ui_play *p = &a->play;
    niact_session_remote_cancel(p->s); /* a remote seat's worker stops waiting for the host */
    play_join(a);
    niact_session_free(p->s);
    free(p->changes);
    memset(p, 0, sizeof *p);
    p->role = -1;
}

int32_t play_points_left(ui_play *p, int role) {
    const niact_options *o = niact_session_options(p->s, role);
    return o ? o->left : 0;
}

int play_n_orders(const ui_play *p) {
    int n = 0;
    niact_session_draft(p->s, p->role, &n);
    return n;
}

const niact_order *play_order(const ui_play *p, int i) {
    int n = 0;
    const niact_order *d = niact_session_draft(p->s, p->role, &n);
    return i >= 0 && i < n ? &d[i] : NULL;
}

/* The session's verdict on a change to the draft, for the outbox. */
static int verdict(ui_play *p, niact_status st) {
    if (st != NIACT_OK) {
        snprintf(p->msg, sizeof p->msg, "Not accepted: %.200s.", niact_session_error(p->s));
        return 0;
    }
    p->msg[0] = 0;
    return 1;
}

int play_add_order(ui_play *p, int action) {
    if (p->role < 0)
        return 0;
    niact_command c = niact_command_make(NIACT_CMD_ORDER, p->role);
    c.action = action;
    c.param = NIACT_PARAM_SUGGESTED;
    return verdict(p, niact_session_tell(p->s, &c, NULL));
}

void play_remove_order(ui_play *p, int i) {
    niact_command c = niact_command_make(NIACT_CMD_DROP, p->role);
    c.index = i;
    if (p->role >= 0 && i >= 0 && i < play_n_orders(p))
        verdict(p, niact_session_tell(p->s, &c, NULL));
}

void play_change_param(ui_play *p, int i, int delta) {
    const niact_order *o = p->role >= 0 ? play_order(p, i) : NULL;
    if (!o)
        return;
    const niact_action_def *d = &p->sc->actions[o->action];
    int32_t v = o->param + delta;
    if (!d->has_param || v < d->param_min || v > d->param_max)
        return;
    niact_command c = niact_command_make(NIACT_CMD_PARAM, p->role);
    c.index = i;
    c.param = v;
    verdict(p, niact_session_tell(p->s, &c, NULL));
}

int play_action_legal(ui_play *p, int action, char *why, size_t len) {
    const niact_option *o = niact_session_option(p->s, p->role, action);
    if (!o) {
        snprintf(why, len, "%s", niact_session_error(p->s));
        return 0;
    }
    snprintf(why, len, "%s", o->reason);
    return o->refusal == NIACT_REFUSAL_NONE;
}

void play_refused(ui_play *p, int action, const char *why) {
    snprintf(p->msg, sizeof p->msg, "%s is not possible now%s%.200s.",
             p->sc->actions[action].meta.name, why[0] ? ": " : "", why);
}

/* The next human seat after role in this turn, or -1. */
static int next_human(const ui_play *p, int after) {
    for (int r = after + 1; r < p->sc->n_roles; r++)
        if (p->seats[r].kind == NIACT_SEAT_HUMAN)
            return r;
    return -1;
}

static void start_work(app *a, int play_out);

/* What the seat at the desk hears since its last turn: where its news begins (the
 * briefing and the desk's NEW marks) and the tracks that moved. */
static void hear_turn(ui_play *p) {
    niact_event ev;
    p->brief_from[p->role] = niact_session_heard(p->s, p->role);
    p->n_changes = 0;
    while (niact_session_hear(p->s, p->role, &ev))
        if (ev.kind == NIACT_EVENT_TRACK && p->n_changes < p->sc->n_tracks)
            p->changes[p->n_changes++] = (ui_change){ev.track, ev.before};
}

void play_open_turn(app *a) {
    ui_play *p = &a->play;
    p->opened_turn = niact_game_turn(p->g);
    if (niact_game_phase(p->g) == NIACT_PHASE_ENDED) {
        p->role = -1;
        a->scr = SCR_END;
        a->end_page = 0;
        return;
    }
    if (p->role < 0)
        p->role = next_human(p, -1);
    if (p->role < 0) { /* nobody at the table: the AI plays the game out */
        start_work(a, 1);
        return;
    }
    hear_turn(p);
    p->msg[0] = 0;
    a->scr = p->humans > 1 ? SCR_HANDOVER : SCR_BRIEF;
    a->detail_kind = 0;
    a->scroll_news = a->scroll_cards = a->scroll_orders = 0;
}

void play_mark_read(app *a) {
    ui_play *p = &a->play;
    niact_event ev;
    if (p->role >= 0) /* (heard when the turn opened: anything left is heard now) */
        while (niact_session_hear(p->s, p->role, &ev))
            ;
}

static int worker_main(void *data) {
    app *a = data;
    a->work_status = a->work_play_out ? niact_session_play_out(a->play.s)
                                      : niact_session_resolve(a->play.s);
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = a->work_event;
    SDL_PushEvent(&ev);
    return 0;
}

/* Resolves the turn (or plays the game out): in a worker thread when the window has an
 * event for it, so the window stays responsive while AI seats search; else inline. */
static void start_work(app *a, int play_out) {
    ui_play *p = &a->play;
    char date[48];
    play_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    snprintf(a->work_title, sizeof a->work_title, play_out ? "The delegations play on from %s"
                                                           : "Orders for %s are carried out",
             date);
    if (niact_session_remote_role(p->s) >= 0)
        snprintf(a->work_title, sizeof a->work_title, "Your orders for %s are with the host: "
                 "waiting for the other delegations", date);
    a->work_play_out = play_out;
    if (a->work_event) {
        a->scr = SCR_RESOLVING;
        a->worker = SDL_CreateThread(worker_main, "niact-resolve", a);
        if (a->worker)
            return;
    }
    a->work_status = play_out ? niact_session_play_out(p->s) : niact_session_resolve(p->s);
    play_work_done(a);
}

void play_wait_host(app *a) {
    start_work(a, 0);
}

void play_join(app *a) {
    if (a->worker)
        SDL_WaitThread(a->worker, NULL);
    a->worker = NULL;
}

void play_work_done(app *a) {
    ui_play *p = &a->play;
    play_join(a);
    if (!p->s)
        return;
    if (a->work_status != NIACT_OK) {
        snprintf(a->note, sizeof a->note, "The game stopped: %.200s", niact_session_error(p->s));
        play_stop(a);
        a->scr = SCR_TITLE;
        return;
    }
    if (!a->work_play_out)
        saves_after_turn(a);
    const char *warn = niact_session_warning(p->s); /* shown once, at the desk */
    p->role = -1;
    play_open_turn(a);
    if (warn)
        snprintf(p->msg, sizeof p->msg, "%.250s", warn);
}

void play_end_turn(app *a) {
    ui_play *p = &a->play;
    int role = p->role;
    niact_command c = niact_command_make(NIACT_CMD_END_TURN, role);
    if (niact_session_tell(p->s, &c, NULL) != NIACT_OK) {
        snprintf(p->msg, sizeof p->msg, "Your orders are no longer possible: %.180s",
                 niact_session_error(p->s));
        return;
    }
    p->role = next_human(p, role);
    if (p->role < 0) /* every human has given orders: AI seats fill in, the turn resolves */
        start_work(a, 0);
    else
        play_open_turn(a);
}

void play_track_text(const ui_play *p, int role, int track, char *buf, size_t len) {
    niact_known k;
    if (niact_session_track(p->s, role, track, &k) != NIACT_OK)
        k.vis = NIACT_VIS_NONE;
    niact_known_text(&k, 0, buf, len); /* the one wording, shared with text play */
}

/* "27 October 1962" (or "27 October 1962, 06:00" in a calendar of hours): the one date
 * formatter (niact_scenario_format). */
void play_date(const niact_scenario *sc, int32_t t, char *buf, size_t len) {
    if (niact_scenario_format(sc, t, NIACT_DATE_LONG, buf, len) != 0)
        snprintf(buf, len, "turn %d", t + 1);
}
