/* The window's screens drawn without a display: a software renderer onto a surface, at
 * several sizes and UI scales, for every bundled scenario that loads and the test
 * scenario. Checks that every screen draws, that every line of text stays inside its
 * box, that no text is given a box too low to show it, and that no text falls off the
 * window; writes PNG screenshots as artefacts (at
 * 1280x720, or at every size with NIACT_UI_SHOTS=all). */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>

#include "niact/negotiation.h"
#include "png.h"
#include "ui/app.h"

/* The data folder the test's saves go to, removed at the end. */
static char data_dir[] = "/tmp/niact-ui-screens-XXXXXX";

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

enum { S_TITLE, S_NEWGAME, S_HANDOVER, S_BRIEF, S_DESK, S_DESK_LATER, S_PAUSE, S_SETTINGS, S_LOAD,
       S_HELP, S_RESOLVING, S_PROPOSE, S_TELEGRAM, S_AGREEMENTS, S_END, S_COUNT };
static const char *const screen_names[S_COUNT] = {
    "title", "newgame", "handover", "brief", "desk", "desk-turn3", "pause", "settings", "load",
    "help", "resolving", "propose", "telegram", "agreements", "end"};

typedef struct size_case {
    int w, h;
    float scale;
} size_case;

static const size_case sizes[] = {
    {1280, 720, 1.0f}, {1920, 1080, 1.0f}, {1024, 600, 1.0f}, {1280, 720, 1.5f}, {2560, 1440, 1.0f},
    {1366, 768, 1.25f}, {640, 400, 1.0f}, {800, 600, 2.0f}};

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    app a;
} canvas;

static char scenario_dir[2][4096];
static int n_scenarios;

static int open_canvas(canvas *c, const size_case *sz) {
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, sz->w, sz->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surf)
        return -1;
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    char assets[4096];
    if (!c->ren || ui_find_assets(assets, sizeof assets, NULL, 0) != 0)
        return -1;
    if (app_init(&c->a, NULL, c->ren, assets) != 0)
        return -1;
    ui_set_scale(&c->a.ui, sz->scale);
    c->a.seed = 7;
    return 0;
}

static void close_canvas(canvas *c) {
    app_free(&c->a);
    if (c->ren)
        SDL_DestroyRenderer(c->ren);
    SDL_FreeSurface(c->surf);
}

/* Starts a hot-seat game (every seat human) on the scenario. */
static void start(app *a, const char *dir) {
    a->n_scen = 1;
    snprintf(a->scen[0], sizeof a->scen[0], "%s", dir);
    a->scen_idx = 0;
    newgame_load(a);
    assert_non_null(a->cfg);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    memcpy(a->seats, seats, sizeof seats);
    niact_host *h = a->cfg;
    a->cfg = NULL;
    assert_int_equal(play_start(a, h, seats, 7), 0);
}

/* Every human seat gives its first possible order and ends its turn, n times. */
static void play_turns(app *a, int n) {
    for (int k = 0; k < n * a->play.sc->n_roles && a->scr != SCR_END; k++) {
        play_mark_read(a);
        for (int act = 0; act < a->play.sc->n_actions; act++) {
            char why[200];
            if ((a->play.sc->actions[act].roles & (1u << a->play.role)) &&
                play_action_legal(&a->play, act, why, sizeof why)) {
                play_add_order(&a->play, act);
                break;
            }
        }
        play_end_turn(a);
    }
}

/* The second role proposes the first term it can give to the first role (the seat at
 * the desk). Returns the proposal's id, or 0 if the scenario has no such term. */
static int32_t propose_to_first(app *a) {
    const niact_scenario *sc = a->play.sc;
    for (int t = 0; t < sc->n_terms; t++) {
        if (!(sc->terms[t].givers & 2u))
            continue;
        niact_term_item item = {(int16_t)t, -1, sc->terms[t].param_default};
        int32_t id = 0;
        if (niact_session_propose(a->play.s, 1, 1u, 0, &item, 1, 0, &id) == NIACT_OK)
            return id;
    }
    return 0;
}

/* The first role proposes to the second the first term it can give; returns the id or 0. */
static int32_t propose_to_second(app *a) {
    const niact_scenario *sc = a->play.sc;
    for (int t = 0; t < sc->n_terms; t++) {
        if (!(sc->terms[t].givers & 1u))
            continue;
        niact_term_item item = {(int16_t)t, -1, sc->terms[t].param_default};
        int32_t id = 0;
        if (niact_session_propose(a->play.s, 0, 2u, 1, &item, 1, 0, &id) == NIACT_OK)
            return id;
    }
    return 0;
}

/* Points the mouse at the centre of widget id as drawn in the last frame. */
static int point_at(app *a, uint32_t id) {
    for (int i = 0; i < a->ui.n_last; i++)
        if (a->ui.last[i].id == id) {
            a->ui.mx = a->ui.last[i].r.x + a->ui.last[i].r.w / 2;
            a->ui.my = a->ui.last[i].r.y + a->ui.last[i].r.h / 2;
            return 1;
        }
    return 0;
}

/* The builder countering a proposal, with a term that takes a parameter picked, a
 * refusal to show, and the pointer on a term (its explanation shown). */
static void setup_propose(app *a) {
    int32_t id = propose_to_first(a);
    nego_open_propose(a, id ? niact_game_proposal_by_id(a->play.g, 0, id) : NULL);
    ui_nego *n = &a->nego;
    for (int t = 0; t < a->play.sc->n_terms && n->n < NIACT_MAX_TERMS; t++) {
        int have = 0;
        for (int k = 0; k < n->n; k++)
            have |= n->items[k].term == t;
        if (!have && (a->play.sc->terms[t].has_param || n->n < 2))
            n->items[n->n++] = (niact_term_item){(int16_t)t, -1, a->play.sc->terms[t].param_default};
    }
    /* The core's own refusal of a term it tests, as Send would show it. */
    snprintf(n->msg, sizeof n->msg, "NOT SENT: a proposal goes to one or more others.");
    for (int t = 0; t < a->play.sc->n_terms; t++) {
        niact_term_item item = {(int16_t)t, -1, a->play.sc->terms[t].param_default};
        int32_t pid;
        if (a->play.sc->terms[t].has_legal &&
            niact_session_propose(a->play.s, 0, n->to, 0, &item, 1, 0, &pid) != NIACT_OK) {
            snprintf(n->msg, sizeof n->msg, "NOT SENT: %.300s.", niact_session_error(a->play.s));
            break;
        }
    }
    n->msg_refused = 1;
    app_frame(a, 0);
    assert_true(point_at(a, ui_id("term", a->play.sc->n_terms > 1 ? 1 : 0)));
}

static void setup_telegram(app *a) {
    nego_open_telegram(a);
    char *t = a->nego.text;
    t[0] = 0;
    for (int i = 0; i < 9; i++)
        strcat(t, "THE PRESIDENT ASKS THAT THE IL-28 BOMBERS LEAVE WITHIN THIRTY DAYS. ");
    snprintf(a->nego.msg, sizeof a->nego.msg, "SENT: your telegram to the Soviet Union is in "
             "their inbox now.");
}

/* Agreements made in turn 1 (one each way, where the scenario allows) and judged for
 * three turns, one made now, an open proposal of the seat's own: commitments in several
 * states, and Withdraw. */
static void setup_agreements(app *a) {
    int32_t id = propose_to_first(a);
    if (id)
        assert_int_equal(niact_session_answer(a->play.s, 0, id, 1), NIACT_OK);
    id = propose_to_second(a);
    if (id)
        assert_int_equal(niact_session_answer(a->play.s, 1, id, 1), NIACT_OK);
    play_turns(a, 3);
    id = propose_to_first(a);
    if (id)
        assert_int_equal(niact_session_answer(a->play.s, 0, id, 1), NIACT_OK);
    propose_to_second(a);
    play_mark_read(a);
    nego_open_agreements(a);
}

static void setup_screen(app *a, int s, const char *dir) {
    if (s == S_TITLE) {
        a->scr = SCR_TITLE;
        return;
    }
    if (s == S_NEWGAME) {
        a->n_scen = 1;
        snprintf(a->scen[0], sizeof a->scen[0], "%s", dir);
        newgame_load(a);
        a->scr = SCR_NEWGAME;
        return;
    }
    start(a, dir);
    if (s == S_AGREEMENTS)
        setup_agreements(a);
    if (s == S_BRIEF)
        a->scr = SCR_BRIEF;
    if (s >= S_DESK && s != S_END) {
        if (s == S_DESK_LATER) {
            play_turns(a, 2);
            propose_to_first(a);
        }
        play_mark_read(a);
        a->scr = SCR_DESK;
        play_add_order(&a->play, 0);
        app_frame(a, 0); /* lay out once, then hover the first card */
        for (int act = 0; act < a->play.sc->n_actions; act++)
            if (point_at(a, ui_id("card", act)))
                break;
    }
    if (s == S_PAUSE)
        a->ov = OV_PAUSE;
    if (s == S_SETTINGS)
        a->ov = OV_SETTINGS;
    if (s == S_LOAD) { /* a save to list */
        saves_save(a);
        saves_scan(a);
        assert_true(a->n_saves >= 1);
        /* Each entry says what game it is: running or finished, the turn, the seats. */
        if (!strstr(a->saves[0].detail, "running, turn") ||
            !strstr(a->saves[0].detail, a->play.sc->roles[0].meta.id))
            fail_msg("load list entry: '%s'", a->saves[0].detail);
        a->ov = OV_LOAD;
    }
    if (s == S_HELP)
        a->ov = OV_HELP;
    if (s == S_PROPOSE)
        setup_propose(a);
    if (s == S_TELEGRAM)
        setup_telegram(a);
    if (s == S_RESOLVING) { /* as the worker leaves it while it runs */
        snprintf(a->work_title, sizeof a->work_title, "Orders for 1 November 1962 are carried out");
        a->scr = SCR_RESOLVING;
    }
    if (s == S_END) {
        niact_session_play_out(a->play.s);
        play_open_turn(a);
        assert_int_equal(a->scr, SCR_END);
    }
}

/* Share of pixels that differ from the paper colour. */
static double ink_share(SDL_Surface *s) {
    long n = 0;
    uint32_t paper = SDL_MapRGB(s->format, COL_PAPER.r, COL_PAPER.g, COL_PAPER.b) & 0xffffff;
    for (int y = 0; y < s->h; y += 2)
        for (int x = 0; x < s->w; x += 2)
            n += (((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] & 0xffffff) != paper;
    return (double)n / ((s->w / 2) * (s->h / 2));
}

static int rect_inside(SDL_Rect a, SDL_Rect b) {
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

static void check_text(const canvas *c, const char *what) {
    const ui *u = &c->a.ui;
    SDL_Rect screen = {0, 0, u->w, u->h};
    if (u->n_records < 3)
        fail_msg("%s: only %d lines of text drawn", what, u->n_records);
    for (int i = 0; i < u->n_records; i++) {
        const ui_text_record *r = &u->records[i];
        if (r->outside)
            fail_msg("%s: a line of text at %d,%d (%dx%d) leaves its box %d,%d (%dx%d)", what,
                     r->drawn.x, r->drawn.y, r->drawn.w, r->drawn.h, r->box.x, r->box.y,
                     r->box.w, r->box.h);
        /* Outside scrolling lists and the map, a line must be wholly on the window. */
        if (rect_inside(screen, r->clip) && !rect_inside(r->drawn, screen))
            fail_msg("%s: text at %d,%d (%dx%d) falls off the %dx%d window", what, r->drawn.x,
                     r->drawn.y, r->drawn.w, r->drawn.h, u->w, u->h);
    }
    assert_int_equal(u->text_outside, 0);
    if (u->text_dropped) /* laid out in a box too low for it: it would silently vanish */
        fail_msg("%s: %d text(s) in boxes lower than a line", what, u->text_dropped);
}

static void render_case(const char *dir, const char *tag, const size_case *sz, int s) {
    canvas c;
    assert_int_equal(open_canvas(&c, sz), 0);
    setup_screen(&c.a, s, dir);
    c.a.ui.record = 1;
    app_frame(&c.a, 0);
    SDL_RenderFlush(c.ren);
    char what[256];
    snprintf(what, sizeof what, "%s %s at %dx%d x%.2f", tag, screen_names[s], sz->w, sz->h,
             (double)sz->scale);
    check_text(&c, what);
    double share = ink_share(c.surf);
    if (share < 0.02)
        fail_msg("%s: the screen is nearly blank (%.3f)", what, share);
    int all = getenv("NIACT_UI_SHOTS") && !strcmp(getenv("NIACT_UI_SHOTS"), "all");
    if (all || (sz->w == 1280 && sz->h == 720 && sz->scale == 1.0f)) {
        char path[4400];
        mkdir(NIACT_UI_ARTEFACTS, 0755);
        if (all && !(sz->w == 1280 && sz->h == 720 && sz->scale == 1.0f))
            snprintf(path, sizeof path, "%s/%s-%s-%dx%d@%.2f.png", NIACT_UI_ARTEFACTS, tag,
                     screen_names[s], sz->w, sz->h, (double)sz->scale);
        else
            snprintf(path, sizeof path, "%s/%s-%s.png", NIACT_UI_ARTEFACTS, tag, screen_names[s]);
        assert_int_equal(png_write_surface(path, c.surf), 0);
    }
    close_canvas(&c);
}

static void test_every_screen(void **state) {
    (void)state;
    for (int k = 0; k < n_scenarios; k++) {
        const char *tag = strrchr(scenario_dir[k], '/') + 1;
        for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
            for (int s = 0; s < S_COUNT; s++)
                render_case(scenario_dir[k], tag, &sizes[z], s);
    }
}

/* Keyboard focus: Tab walks every widget of the desk, Enter on an action card orders it. */
static void test_focus_and_enter(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    setup_screen(&c.a, S_DESK, scenario_dir[n_scenarios - 1]);
    app *a = &c.a;
    int before = play_n_orders(&a->play);
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = SDLK_TAB;
    uint32_t first = 0;
    int steps = 0, found_card = 0;
    do { /* Tab until we are on an action card that may be ordered */
        app_event(a, &ev);
        app_frame(a, 0);
        if (!first)
            first = a->ui.focus;
        for (int act = 0; act < a->play.sc->n_actions && !found_card; act++) {
            char why[200];
            found_card = a->ui.focus == ui_id("card", act) &&
                         play_action_legal(&a->play, act, why, sizeof why);
        }
    } while (!found_card && ++steps < 200);
    assert_true(found_card);
    ev.key.keysym.sym = SDLK_RETURN;
    app_event(a, &ev);
    assert_int_equal(play_n_orders(&a->play), before + 1);
    close_canvas(&c);
}

/* Hot seat: the hand-over needs a fresh key press after it has been shown. E then Enter
 * 50 ms apart, an Enter right after it appeared, and a key repeat leave it on screen;
 * a deliberate Enter later opens the next seat's briefing (issue 13). */
static void key_at(app *a, SDL_Keycode k, uint32_t when, int repeat) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.keysym.sym = k;
    ev.key.timestamp = when;
    ev.key.repeat = (Uint8)repeat;
    app_event(a, &ev);
}

static void test_handover_fresh_key(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    setup_screen(&c.a, S_DESK, scenario_dir[n_scenarios - 1]);
    app *a = &c.a;
    app_frame(a, 1);
    int first = a->play.role;
    uint32_t t = SDL_GetTicks();
    key_at(a, SDLK_e, t, 0);          /* End turn asks first: points are left */
    assert_int_equal(a->ov, OV_ENDTURN);
    key_at(a, SDLK_e, t + 20, 0);     /* E again: ends the first seat's turn */
    key_at(a, SDLK_RETURN, t + 50, 0); /* typed before the hand-over was drawn */
    assert_int_equal(a->scr, SCR_HANDOVER);
    assert_true(a->play.role != first);
    app_frame(a, 1); /* now it is on screen */
    uint32_t shown = a->handover_shown;
    assert_true(shown != 0);
    key_at(a, SDLK_RETURN, shown + 50, 0); /* 50 ms after it appeared: too soon */
    assert_int_equal(a->scr, SCR_HANDOVER);
    key_at(a, SDLK_RETURN, shown + 2000, 1); /* the key held down: a repeat */
    assert_int_equal(a->scr, SCR_HANDOVER);
    app_frame(a, 1);
    key_at(a, SDLK_RETURN, shown + 2000, 0); /* a fresh press, later */
    assert_int_equal(a->scr, SCR_BRIEF);
    close_canvas(&c);
}

/* A proposal addressed to the seat shows in its inbox; clicking Accept answers it. */
static void test_answer_proposal(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    int32_t id = propose_to_first(a);
    assert_true(id > 0);
    assert_int_equal(a->play.role, 0);
    assert_int_equal(desk_awaiting(&a->play), 1);
    app_frame(a, 0);
    assert_true(point_at(a, ui_id("accept", id)));
    a->ui.click = 1;
    app_frame(a, 0);
    ui_clear_input(&a->ui);
    assert_int_equal(desk_awaiting(&a->play), 0);
    const niact_proposal *pr = niact_game_proposal_by_id(a->play.g, 0, id);
    assert_non_null(pr);
    assert_int_equal(pr->status, NIACT_PROPOSAL_AGREED);
    close_canvas(&c);
}

static void click_at(app *a, uint32_t id) {
    app_frame(a, 0);
    assert_true(point_at(a, id));
    a->ui.click = 1;
    app_frame(a, 0);
    ui_clear_input(&a->ui);
}

/* Counter in the inbox opens the builder on the proposal's terms, addressed to its
 * author; Send makes the counter (the original is rejected); Withdraw takes it back. */
static void test_counter_and_withdraw(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    int32_t id = propose_to_first(a);
    assert_true(id > 0);
    const niact_proposal *pr = niact_game_proposal_by_id(a->play.g, 0, id);
    click_at(a, ui_id("counter", id));
    assert_int_equal(a->ov, OV_PROPOSE);
    assert_int_equal(a->nego.counter_of, id);
    assert_int_equal(a->nego.to, 1u << pr->from);
    assert_int_equal(a->nego.n, pr->n_terms);
    assert_int_equal(a->nego.items[0].term, pr->terms[0].term);
    assert_int_equal(a->nego.items[0].param, pr->terms[0].param);
    click_at(a, ui_id("prop-send", 0));
    assert_false(a->nego.msg_refused);
    const niact_proposal *mine = niact_game_proposal_by_id(a->play.g, 0, id + 1);
    assert_non_null(mine);
    assert_int_equal(mine->counter_of, id);
    assert_int_equal(mine->from, 0);
    assert_int_equal(mine->to, 1u << pr->from);
    assert_int_equal(pr->status, NIACT_PROPOSAL_REJECTED);
    click_at(a, ui_id("prop-close", 0));
    assert_int_equal(a->ov, OV_NONE);
    nego_open_agreements(a);
    click_at(a, ui_id("withdraw", id + 1));
    assert_int_equal(mine->status, NIACT_PROPOSAL_WITHDRAWN);
    assert_int_equal(niact_session_input_at(a->play.s, niact_session_input_count(a->play.s) - 1)->kind,
                     NIACT_INPUT_WITHDRAW);
    close_canvas(&c);
}

/* The builder says before Send whether the proposal would be taken and why not; a
 * refusal goes as soon as the proposal is fixed; each term row's reason is the core's. */
static void test_builder_check(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    nego_open_propose(a, NULL);
    app_frame(a, 0);
    ui_nego *n = &a->nego;
    assert_false(n->chk_ok);
    assert_non_null(strstr(n->chk_why, "term"));
    uint32_t to = n->to;
    assert_true(to != 0);
    int to_role = __builtin_ctz(to);
    /* A term the seat may offer alone to its first addressee. */
    int t = -1;
    for (int k = 0; k < a->play.sc->n_terms && t < 0; k++) {
        niact_term_item it = {(int16_t)k, -1, a->play.sc->terms[k].param_default};
        if (niact_session_propose_check(a->play.s, a->play.role, to, 0, &it, 1, 0, NULL, NULL, 0))
            t = k;
    }
    assert_true(t >= 0);
    for (int k = 0; k < a->play.sc->n_terms && k < NEGO_TERM_WHY; k++) {
        niact_term_item it = {(int16_t)k, -1, a->play.sc->terms[k].param_default};
        int bad = -1;
        int ok = niact_session_propose_check(a->play.s, a->play.role, to, 0, &it, 1, 0, &bad, NULL, 0);
        assert_int_equal(n->term_why[k][0] != 0, !ok && bad == 0);
    }
    click_at(a, ui_id("term", t));
    assert_int_equal(n->n, 1);
    assert_true(n->chk_ok);
    /* No addressee: NOT NOW before Send, and Send's refusal says so. */
    size_t inputs = niact_session_input_count(a->play.s);
    click_at(a, ui_id("prop-to", to_role));
    assert_int_equal(n->to, 0u);
    assert_false(n->chk_ok);
    assert_non_null(strstr(n->chk_why, "To"));
    click_at(a, ui_id("prop-send", 0));
    assert_true(n->msg_refused);
    assert_non_null(strstr(n->msg, "NOT SENT"));
    assert_int_equal(niact_session_input_count(a->play.s), inputs);
    app_frame(a, 0); /* the refusal stands while nothing changes */
    assert_true(n->msg_refused);
    /* The addressee back: the refusal goes, READY. */
    click_at(a, ui_id("prop-to", to_role));
    assert_int_equal(n->to, to);
    assert_true(n->chk_ok);
    assert_false(n->msg_refused);
    assert_int_equal(n->msg[0], 0);
    click_at(a, ui_id("prop-send", 0));
    assert_false(n->msg_refused);
    assert_int_equal(niact_session_input_count(a->play.s), inputs + 1);
    close_canvas(&c);
}

/* The telegram form takes typed text up to NIACT_TELEGRAM_MAX bytes, whole UTF-8
 * characters only, says when some was not taken, and Enter sends it all. */
static void test_telegram_limit(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    nego_open_telegram(a);
    app_frame(a, 0);
    assert_int_equal(a->ui.focus, ui_id("tg-text", 0));
    memset(a->nego.text, 'x', NIACT_TELEGRAM_MAX - 3);
    a->nego.text[NIACT_TELEGRAM_MAX - 3] = 0;
    snprintf(a->ui.text_in, sizeof a->ui.text_in, "ab\xC3\xA9z"); /* a, b, e-acute, z */
    app_frame(a, 0);
    ui_clear_input(&a->ui);
    assert_int_equal(strlen(a->nego.text), NIACT_TELEGRAM_MAX - 1); /* the 2-byte é did not fit */
    assert_string_equal(a->nego.text + NIACT_TELEGRAM_MAX - 3, "ab");
    assert_true(a->nego.msg_refused);
    size_t before = niact_session_input_count(a->play.s);
    a->ui.activate = 1;
    app_frame(a, 0);
    ui_clear_input(&a->ui);
    assert_int_equal(niact_session_input_count(a->play.s), before + 1);
    assert_int_equal(strlen(niact_session_input_at(a->play.s, before)->text), NIACT_TELEGRAM_MAX - 1);
    assert_int_equal(a->nego.text[0], 0);
    assert_false(a->nego.msg_refused);
    close_canvas(&c);
}

/* The telegram form takes only plain text: typed or pasted control characters (escape,
 * C1, DEL, a right-to-left override) become spaces and bytes that are not UTF-8 are
 * dropped, so the telegram is sent, not refused by the session (which refuses such
 * text from any front end). */
static void test_telegram_plain_text(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    nego_open_telegram(a);
    app_frame(a, 0);
    snprintf(a->ui.text_in, sizeof a->ui.text_in,
             "a\x1b[2J\xc2\x9b" "b\x7f\xe9\xe2\x80\xae" "c\xc3\xa9");
    app_frame(a, 0);
    ui_clear_input(&a->ui);
    assert_string_equal(a->nego.text, "a [2J b  c\xc3\xa9");
    size_t before = niact_session_input_count(a->play.s);
    a->ui.activate = 1;
    app_frame(a, 0);
    ui_clear_input(&a->ui);
    assert_int_equal(niact_session_input_count(a->play.s), before + 1);
    assert_string_equal(niact_session_input_at(a->play.s, before)->text, "a [2J b  c\xc3\xa9");
    close_canvas(&c);
}

/* HiDPI: pointer positions come in window coordinates and are scaled to output pixels,
 * so a click lands on the widget drawn under it. */
static void test_hidpi_pointer(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[4]), 0); /* 2560x1440 output */
    app *a = &c.a;
    a->ui.dpi = 2.0f;                                 /* as for a 1280x720 window */
    a->scr = SCR_TITLE;
    app_frame(a, 0);
    uint32_t id = ui_id("title", 2); /* Load game */
    SDL_Rect r = {0, 0, 0, 0};
    for (int i = 0; i < a->ui.n_last; i++)
        if (a->ui.last[i].id == id)
            r = a->ui.last[i].r;
    assert_true(r.w > 0);
    SDL_Event ev = {0};
    ev.type = SDL_MOUSEBUTTONUP;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = (r.x + r.w / 2) / 2;
    ev.button.y = (r.y + r.h / 2) / 2;
    app_event(a, &ev);
    assert_int_equal(a->ov, OV_LOAD);
    close_canvas(&c);
}

/* Text boxes: wrapped text never leaves a box of any width, an ellipsis ends what does not
 * fit, and a box too small for one line draws nothing. */
static void test_text_boxes(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    ui *u = &c.a.ui;
    const char *text = "Pass to the Soviet delegation. Verification without inspection on Cuban "
                       "soil: anything counted at sea. Supercalifragilisticexpialidocious words "
                       "are cut to fit.";
    ui_begin(u);
    u->record = 1;
    for (int w = 20; w <= 600; w += 37)
        for (int h = 5; h <= 200; h += 45) {
            int used = ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){10, 10, w, h}, text, 0);
            assert_true(used <= h);
            ui_text(u, FACE_TYPE_BOLD, SZ_H1, COL_INK, (SDL_Rect){10, 300, w, h}, text,
                    TX_ONELINE | TX_CENTER);
        }
    assert_int_equal(u->text_outside, 0);
    ui_end(u);
    close_canvas(&c);
}

static int group_setup(void **state) {
    (void)state;
    if (!mkdtemp(data_dir))
        return -1;
    setenv("XDG_DATA_HOME", data_dir, 1); /* saves go here, not to the developer's folder */
    if (TTF_Init() != 0)
        return -1;
    char dir[4096], lib[4096];
    if (niact_find_scenario("november1962", dir, sizeof dir, lib, sizeof lib) == 0) {
        niact_host *h = NULL;
        char msg[2048];
        if (niact_host_load(dir, lib, NULL, &h, msg, sizeof msg) == NIACT_OK)
            snprintf(scenario_dir[n_scenarios++], sizeof scenario_dir[0], "%s", dir);
        else
            print_message("november1962 does not load; testing testland only:\n%s\n", msg);
        niact_host_free(h);
    }
    snprintf(scenario_dir[n_scenarios++], sizeof scenario_dir[0], "%s/scenarios/testland",
             NIACT_TEST_DIR);
    return 0;
}

static int group_teardown(void **state) {
    (void)state;
    if (strchr(data_dir, 'X') == NULL) /* made: remove it and the saves in it */
        nftw(data_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

/* New game: the Variant button cycles the scenario's variants (seats kept) and back to
 * as declared; the game started plays the variant chosen. */
static void test_newgame_variant(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    snprintf(a->want_scen, sizeof a->want_scen, "%s", scenario_dir[0]);
    newgame_open(a);
    assert_non_null(a->cfg);
    const niact_scenario *sc = niact_host_scenario(a->cfg);
    int n = sc->n_variants;
    if (n == 0) { /* november1962 did not load: testland declares none, no row */
        app_frame(a, 0);
        assert_false(point_at(a, ui_id("variant", 0)));
        close_canvas(&c);
        return;
    }
    a->seats[1].kind = NIACT_SEAT_AI;
    for (int k = 1; k <= n + 1; k++) {
        click_at(a, ui_id("variant", 0));
        assert_int_equal(a->variant, k % (n + 1));
        assert_int_equal(niact_host_scenario(a->cfg)->variant, k % (n + 1));
        assert_int_equal(a->seats[1].kind, NIACT_SEAT_AI);
    }
    click_at(a, ui_id("variant", 0));
    assert_int_equal(a->variant, 1);
    a->seats[1].kind = NIACT_SEAT_HUMAN;
    click_at(a, ui_id("ng", 1));
    assert_non_null(a->play.s);
    assert_int_equal(a->play.sc->variant, 1);
    close_canvas(&c);
}

/* End turn asks first while the seat has points it may spend or proposals to answer,
 * saying which; Esc goes back with nothing ended; with neither it ends at once. */
static void test_endturn_asks(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    app *a = &c.a;
    start(a, scenario_dir[n_scenarios - 1]);
    play_mark_read(a);
    a->scr = SCR_DESK;
    int32_t id = propose_to_first(a); /* the second seat proposes to the first */
    assert_true(id > 0);
    app_frame(a, 0);
    char why[300];
    assert_true(endturn_reasons(a, why, sizeof why));
    assert_non_null(strstr(why, "action point"));
    assert_non_null(strstr(why, "1 proposal to you still waits for your answer"));
    int turn = niact_game_turn(a->play.g), role = a->play.role;
    key_at(a, SDLK_e, SDL_GetTicks(), 0);
    assert_int_equal(a->ov, OV_ENDTURN);
    key_at(a, SDLK_ESCAPE, SDL_GetTicks(), 0); /* back: nothing ended */
    assert_int_equal(a->ov, OV_NONE);
    assert_int_equal(a->play.role, role);
    assert_false(niact_game_submitted(a->play.g, role));
    /* Answered, and every point spent: nothing to ask. */
    niact_session_answer(a->play.s, role, id, 0);
    for (int k = 0; k < 20 && endturn_reasons(a, why, sizeof why); k++) {
        int before = play_n_orders(&a->play);
        for (int act = 0; act < a->play.sc->n_actions && play_n_orders(&a->play) == before; act++) {
            char w[8];
            if ((a->play.sc->actions[act].roles & (1u << role)) &&
                play_action_legal(&a->play, act, w, sizeof w))
                play_add_order(&a->play, act);
        }
        if (play_n_orders(&a->play) == before)
            break;
    }
    assert_false(endturn_reasons(a, why, sizeof why));
    app_frame(a, 0);
    key_at(a, SDLK_e, SDL_GetTicks(), 0);
    assert_int_equal(a->ov, OV_NONE);
    assert_true(niact_game_submitted(a->play.g, role) || a->play.role != role ||
                niact_game_turn(a->play.g) != turn);
    close_canvas(&c);
}

/* O on the desk shows the seat's objectives: its score and each objective's, from the
 * game as the seat may see it (its own); I goes back to the inbox. */
static void test_desk_objectives(void **state) {
    (void)state;
    canvas c;
    assert_int_equal(open_canvas(&c, &sizes[0]), 0);
    setup_screen(&c.a, S_DESK, scenario_dir[0]);
    app *a = &c.a;
    key_at(a, SDLK_o, SDL_GetTicks(), 0);
    assert_int_equal(a->tab, 2);
    a->ui.record = 1;
    app_frame(a, 0);
    int32_t score = 0;
    assert_int_equal(niact_game_score(a->play.g, a->play.role, a->play.role, &score), NIACT_OK);
    char want[80];
    snprintf(want, sizeof want, "Your score now: %d / 100", (int)score);
    int found = 0, objectives = 0;
    for (int i = 0; i < a->ui.n_records; i++) {
        found |= strstr(a->ui.records[i].what, "Your score now") != NULL &&
                 !strncmp(a->ui.records[i].what, want, strlen(a->ui.records[i].what));
        for (int o = 0; o < a->play.sc->n_objectives; o++)
            if (a->play.sc->objectives[o].role == a->play.role &&
                strstr(a->ui.records[i].what, a->play.sc->objectives[o].meta.name) ==
                    a->ui.records[i].what)
                objectives++;
    }
    assert_true(found);
    assert_true(objectives > 0);
    key_at(a, SDLK_i, SDL_GetTicks(), 0);
    assert_int_equal(a->tab, 0);
    close_canvas(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_boxes),
        cmocka_unit_test(test_focus_and_enter),
        cmocka_unit_test(test_handover_fresh_key),
        cmocka_unit_test(test_answer_proposal),
        cmocka_unit_test(test_counter_and_withdraw),
        cmocka_unit_test(test_builder_check),
        cmocka_unit_test(test_telegram_limit),
        cmocka_unit_test(test_telegram_plain_text),
        cmocka_unit_test(test_hidpi_pointer),
        cmocka_unit_test(test_every_screen),
        cmocka_unit_test(test_newgame_variant),
        cmocka_unit_test(test_endturn_asks),
        cmocka_unit_test(test_desk_objectives),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
