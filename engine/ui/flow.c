/* Driving a game through the session API, as the text front end does (engine/cli/play.c):
 * human seats in turn (hot seat), orders checked by the core as they are added, AI
 * seats filled in by niact_session_resolve. No drawing here. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void remember_tracks(ui_play *p, int role) {
    for (int t = 0; t < p->sc->n_tracks; t++) {
        niact_track_view v;
        int k = role * p->sc->n_tracks + t;
        if (niact_game_view_track(p->g, role, t, &v) != NIACT_OK)
            v.vis = NIACT_VIS_NONE;
        p->seen[k] = v.value;
        p->seen_vis[k] = (int)v.vis;
    }
}

int play_start(app *a, niact_host *host, const niact_seat *seats, uint64_t seed) {
    play_stop(a);
    char msg[1024];
    niact_session *s = NULL;
    if (niact_session_new(host, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        snprintf(a->note, sizeof a->note, "The game could not start: %.200s", msg);
        niact_host_free(host);
        return -1;
    }
    /* The game's first autosave (and --record), before an all-AI game's worker starts. */
    char autosave[4096] = "", warn[400] = "";
    saves_write(a, s, autosave, sizeof autosave, warn, sizeof warn);
    if (play_adopt(a, host, s) != 0)
        return -1;
    snprintf(a->play.autosave_path, sizeof a->play.autosave_path, "%s", autosave);
    snprintf(a->play.save_warn, sizeof a->play.save_warn, "%s", warn);
    return 0;
}

/* The log position where turn t's entries begin, for the seat's "since your last turn". */
static size_t turn_start_cursor(const ui_play *p, int role) {
    size_t cur = 0, before = 0;
    niact_log_entry e;
    int32_t now = niact_game_turn(p->g);
    while (before = cur, niact_game_log_next(p->g, role, &cur, &e))
        if (e.turn >= now)
            return before;
    return cur;
}

int play_adopt(app *a, niact_host *host, niact_session *s) {
    ui_play *p = &a->play;
    play_stop(a);
    p->host = host;
    p->s = s;
    p->g = niact_session_game(s);
    p->sc = niact_session_scenario(s);
    p->humans = 0;
    for (int r = 0; r < p->sc->n_roles; r++) {
        p->seats[r] = *niact_session_seat(s, r);
        p->humans += p->seats[r].kind == NIACT_SEAT_HUMAN;
    }
    size_t n = (size_t)(p->sc->n_roles * (p->sc->n_tracks ? p->sc->n_tracks : 1));
    p->seen = calloc(n, sizeof *p->seen);
    p->seen_vis = calloc(n, sizeof *p->seen_vis);
    if (!p->seen || !p->seen_vis) {
        play_stop(a);
        snprintf(a->note, sizeof a->note, "Out of memory.");
        return -1;
    }
    for (int r = 0; r < p->sc->n_roles; r++) {
        remember_tracks(p, r);
        p->cursor[r] = niact_game_turn(p->g) > 0 ? turn_start_cursor(p, r) : 0;
    }
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
    play_join(a);
    niact_session_free(p->s);
    if (p->host && p->host != a->cfg)
        niact_host_free(p->host);
    free(p->seen);
    free(p->seen_vis);
    memset(p, 0, sizeof *p);
    p->role = -1;
}

int32_t play_points_left(const ui_play *p, int role) {
    int32_t left = niact_game_action_points(p->g, role);
    for (int i = 0; i < p->n_pending[role]; i++)
        left -= p->sc->actions[p->pending[role][i].action].cost;
    return left;
}

/* Lets the core judge the whole list; restores the old one if refused. */
static int try_orders(ui_play *p, int role, const niact_order *list, int n) {
    if (niact_game_submit(p->g, role, list, n) != NIACT_OK) {
        snprintf(p->msg, sizeof p->msg, "Not accepted: %.200s.", niact_game_error(p->g));
        niact_game_submit(p->g, role, p->pending[role], p->n_pending[role]);
        return 0;
    }
    memcpy(p->pending[role], list, (size_t)n * sizeof *list);
    p->n_pending[role] = n;
    p->msg[0] = 0;
    return 1;
}

/* The parameter to order action with: the default if the scenario allows it, else the
 * allowed value nearest to it (a quarantine already at "hail and pass" may still be
 * lifted or tightened). -1 in *ok if none is allowed; why says why for the default. */
static int32_t legal_param(ui_play *p, int action, int *ok, char *why, size_t len) {
    const niact_action_def *d = &p->sc->actions[action];
    niact_order o = {(int16_t)p->role, (int16_t)action, d->has_param ? d->param_default : 0};
    *ok = 0;
    why[0] = 0;
    if (niact_game_order_legal(p->g, &o, ok, why, len) != NIACT_OK || *ok || !d->has_param)
        return o.param;
    char other[200];
    for (int32_t k = 1; k <= 64; k++) {
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            o.param = d->param_default + sgn * k;
            if (o.param < d->param_min || o.param > d->param_max)
                continue;
            if (niact_game_order_legal(p->g, &o, ok, other, sizeof other) == NIACT_OK && *ok)
                return o.param;
        }
    }
    *ok = 0;
    return d->param_default;
}

int play_add_order(ui_play *p, int action) {
    int role = p->role;
    if (role < 0)
        return 0;
    if (p->n_pending[role] >= NIACT_MAX_ORDERS) {
        snprintf(p->msg, sizeof p->msg, "That is as many orders as a turn takes.");
        return 0;
    }
    int ok = 0;
    char why[200];
    int32_t param = legal_param(p, action, &ok, why, sizeof why);
    niact_order list[NIACT_MAX_ORDERS];
    memcpy(list, p->pending[role], sizeof list);
    list[p->n_pending[role]] = (niact_order){(int16_t)role, (int16_t)action, param};
    return try_orders(p, role, list, p->n_pending[role] + 1);
}

void play_remove_order(ui_play *p, int i) {
    int role = p->role;
    if (role < 0 || i < 0 || i >= p->n_pending[role])
        return;
    niact_order list[NIACT_MAX_ORDERS];
    int n = 0;
    for (int k = 0; k < p->n_pending[role]; k++)
        if (k != i)
            list[n++] = p->pending[role][k];
    try_orders(p, role, list, n);
}

void play_change_param(ui_play *p, int i, int delta) {
    int role = p->role;
    if (role < 0 || i < 0 || i >= p->n_pending[role])
        return;
    niact_order list[NIACT_MAX_ORDERS];
    memcpy(list, p->pending[role], sizeof list);
    const niact_action_def *d = &p->sc->actions[list[i].action];
    int32_t v = list[i].param + delta;
    if (!d->has_param || v < d->param_min || v > d->param_max)
        return;
    list[i].param = v;
    try_orders(p, role, list, p->n_pending[role]);
}

int play_action_legal(ui_play *p, int action, char *why, size_t len) {
    const niact_action_def *d = &p->sc->actions[action];
    int ok = 0;
    legal_param(p, action, &ok, why, len);
    for (int i = 0; ok && !d->repeatable && i < p->n_pending[p->role]; i++)
        if (p->pending[p->role][i].action == action) {
            snprintf(why, len, "already ordered this turn");
            return 0;
        }
    if (ok && d->cost > play_points_left(p, p->role)) {
        snprintf(why, len, "needs %d action points; %d left", d->cost,
                 play_points_left(p, p->role));
        return 0;
    }
    return ok;
}

/* The next human seat after role in this turn, or -1. */
static int next_human(const ui_play *p, int after) {
    for (int r = after + 1; r < p->sc->n_roles; r++)
        if (p->seats[r].kind == NIACT_SEAT_HUMAN)
            return r;
    return -1;
}

static void start_work(app *a, int play_out);

void play_open_turn(app *a) {
    ui_play *p = &a->play;
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
    p->brief_from[p->role] = p->cursor[p->role];
    p->n_pending[p->role] = 0;
    p->msg[0] = 0;
    a->scr = p->humans > 1 ? SCR_HANDOVER : SCR_BRIEF;
    a->detail_kind = 0;
    a->scroll_news = a->scroll_cards = a->scroll_orders = 0;
}

void play_mark_read(app *a) {
    ui_play *p = &a->play;
    if (p->role < 0)
        return;
    size_t cur = p->cursor[p->role];
    niact_log_entry e;
    while (niact_game_log_next(p->g, p->role, &cur, &e))
        ;
    p->cursor[p->role] = cur;
    remember_tracks(p, p->role);
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
    if (niact_session_submit(p->s, role, p->pending[role], p->n_pending[role]) != NIACT_OK) {
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
    const niact_track_def *d = &p->sc->tracks[track];
    niact_track_view v;
    if (niact_game_view_track(p->g, role, track, &v) != NIACT_OK || v.vis == NIACT_VIS_NONE) {
        snprintf(buf, len, "unknown");
        return;
    }
    const char *label =
        d->n_labels && v.value >= d->min && v.value <= d->max ? d->labels[v.value - d->min] : NULL;
    if (v.vis == NIACT_VIS_ESTIMATE && label)
        snprintf(buf, len, "%s? (est. %d \xC2\xB1%d)", label, v.value, v.error);
    else if (v.vis == NIACT_VIS_ESTIMATE)
        snprintf(buf, len, "~%d \xC2\xB1%d", v.value, v.error);
    else if (label)
        snprintf(buf, len, "%s", label);
    else
        snprintf(buf, len, "%d", v.value);
}

void play_date(const niact_scenario *sc, int32_t t, char *buf, size_t len) {
    static const char *const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    char iso[16];
    int y, m, d;
    if (niact_scenario_date(sc, t, iso, sizeof iso) != 0 ||
        sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
        snprintf(buf, len, "turn %d", t + 1);
        return;
    }
    snprintf(buf, len, "%d %s %d", d, months[m - 1], y);
}
