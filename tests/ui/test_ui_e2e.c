/* End to end, in a real window: whole games played through synthetic input pushed into
 * SDL's event queue (SDL_PushEvent) and handled by the window's own event code: a
 * hot-seat game and a game against the AI, each with the keyboard alone and with the
 * mouse alone (the mouse games also save and load through the pause menu).
 * Needs a display (CTest runs it under xvfb-run); skipped without one. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>

#include "png.h"
#include "ui/app.h"

/* The data folder the test's saves go to, removed at the end. */
static char data_dir[] = "/tmp/niact-ui-e2e-XXXXXX";

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static SDL_Window *win;
static SDL_Renderer *ren;
static app *A;
static int have_window;
static char testland[4096];

/* Handles every queued event the way the window's loop does, then draws a frame. */
static void pump(void) {
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        app_event(A, &ev);
    app_frame(A, 1);
}

/* While the worker thread resolves a turn: wait for its event (at most 60 s). */
static void wait_resolved(void) {
    for (int i = 0; i < 600 && A->scr == SCR_RESOLVING; i++) {
        SDL_Event ev;
        if (SDL_WaitEventTimeout(&ev, 100))
            app_event(A, &ev);
        pump();
    }
    assert_int_not_equal(A->scr, SCR_RESOLVING);
}

static void key(SDL_Keycode sym, uint16_t mod) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = SDL_GetWindowID(win);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    ev.key.keysym.mod = mod;
    assert_true(SDL_PushEvent(&ev) >= 0);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
    pump();
}

/* A printable key as SDL delivers it: the key, then its text, in one go. */
static void key_typed(SDL_Keycode sym, const char *text) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = SDL_GetWindowID(win);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    assert_true(SDL_PushEvent(&ev) >= 0);
    SDL_Event tx = {0};
    tx.type = SDL_TEXTINPUT;
    tx.text.windowID = SDL_GetWindowID(win);
    snprintf(tx.text.text, sizeof tx.text.text, "%s", text);
    assert_true(SDL_PushEvent(&tx) >= 0);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
    pump();
}

/* Moves the pointer to widget id (as drawn in the last frame) and clicks it. */
static int click(uint32_t id) {
    for (int i = 0; i < A->ui.n_last; i++) {
        if (A->ui.last[i].id != id)
            continue;
        SDL_Rect r = A->ui.last[i].r;
        int x = (int)((r.x + r.w / 2) / A->ui.dpi), y = (int)((r.y + r.h / 2) / A->ui.dpi);
        SDL_Event ev = {0};
        ev.type = SDL_MOUSEMOTION;
        ev.motion.windowID = SDL_GetWindowID(win);
        ev.motion.x = x, ev.motion.y = y;
        SDL_PushEvent(&ev);
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEBUTTONDOWN;
        ev.button.windowID = SDL_GetWindowID(win);
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.state = SDL_PRESSED;
        ev.button.clicks = 1;
        ev.button.x = x, ev.button.y = y;
        SDL_PushEvent(&ev);
        ev.type = SDL_MOUSEBUTTONUP;
        ev.button.state = SDL_RELEASED;
        SDL_PushEvent(&ev);
        pump();
        return 1;
    }
    return 0;
}

/* Text typed into the window, as SDL delivers it (SDL_TEXTINPUT). */
static void type_text(const char *text) {
    SDL_Event ev = {0};
    ev.type = SDL_TEXTINPUT;
    ev.text.windowID = SDL_GetWindowID(win);
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    assert_true(SDL_PushEvent(&ev) >= 0);
    pump();
}

/* Tab until widget id has the focus; 0 if it never does. */
static int tab_to(uint32_t id) {
    for (int i = 0; i < 80 && A->ui.focus != id; i++)
        key(SDLK_TAB, 0);
    return A->ui.focus == id;
}

static const char *scenario_id(void) {
    return A->cfg ? niact_host_scenario(A->cfg)->meta.id : "";
}

static void shot(const char *name) {
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, A->ui.w, A->ui.h, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    app_frame(A, 1); /* partial: the window's surface holds the whole frame */
    SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    char path[4400];
    mkdir(NIACT_UI_ARTEFACTS, 0755);
    snprintf(path, sizeof path, "%s/%s.png", NIACT_UI_ARTEFACTS, name);
    assert_int_equal(png_write_surface(path, s), 0);
    SDL_FreeSurface(s);
    app_frame(A, 1);
}

/* The first action card this seat may order now, or -1. */
static int legal_card(void) {
    ui_play *p = &A->play;
    for (int act = 0; act < p->sc->n_actions; act++) {
        char why[200];
        if ((p->sc->actions[act].roles & (1u << p->role)) &&
            play_action_legal(p, act, why, sizeof why))
            return act;
    }
    return -1;
}

/* Keyboard: title -> new game -> the test scenario -> the Soviet seat human (hot seat)
 * or left to the AI -> start. */
static void keyboard_new_game(int hot_seat) {
    key(SDLK_n, 0);
    assert_int_equal(A->scr, SCR_NEWGAME);
    /* The list of scenarios: the test scenario is the first offered (the setup gave it);
     * Tab reaches it, Enter chooses it. */
    assert_string_equal(A->scen[0], testland);
    for (int i = 0; i < 40 && A->ui.focus != ui_id("scen", 0); i++)
        key(SDLK_TAB, 0);
    assert_int_equal(A->ui.focus, ui_id("scen", 0));
    key(SDLK_RETURN, 0);
    assert_string_equal(scenario_id(), "testland");
    for (int i = 0; i < 40 && A->ui.focus != ui_id("seat", 1); i++)
        key(SDLK_TAB, 0); /* the Soviet seat */
    assert_int_equal(A->ui.focus, ui_id("seat", 1));
    for (int i = 0; i < 10 && hot_seat && A->seats[1].kind != NIACT_SEAT_HUMAN; i++)
        key(SDLK_RETURN, 0);
    assert_int_equal(A->seats[1].kind, hot_seat ? NIACT_SEAT_HUMAN : NIACT_SEAT_AI);
    key(SDLK_F5, 0);
}

/* Mouse: the same, clicking; without hot seat the Soviet seat goes to another AI
 * personality. */
static void mouse_new_game(int hot_seat) {
    assert_true(click(ui_id("title", 0)));
    assert_int_equal(A->scr, SCR_NEWGAME);
    assert_true(click(ui_id("scen", 0))); /* the first offered: the test scenario */
    assert_string_equal(scenario_id(), "testland");
    assert_int_equal(A->seats[0].kind, NIACT_SEAT_HUMAN);
    for (int i = 0; i < 12; i++) {
        assert_true(click(ui_id("seat", 1)));
        if (hot_seat ? A->seats[1].kind == NIACT_SEAT_HUMAN
                     : A->seats[1].kind == NIACT_SEAT_AI &&
                           strcmp(A->seats[1].personality, "historical") != 0)
            break;
    }
    assert_int_equal(A->seats[1].kind, hot_seat ? NIACT_SEAT_HUMAN : NIACT_SEAT_AI);
    assert_true(click(ui_id("ng", 1)));
}

/* Pause menu: save, then load that save from the load menu; the game goes on from the
 * same turn (the unsent orders of the seat at the desk are not in the save). */
static void save_and_load(void) {
    int32_t turn = niact_game_turn(A->play.g);
    uint64_t hash = niact_game_hash(A->play.g);
    assert_true(click(ui_id("menu", 0))); /* pause, resume */
    assert_int_equal(A->ov, OV_PAUSE);
    assert_true(click(ui_id("pause", 0)));
    assert_int_equal(A->ov, OV_NONE);
    assert_true(click(ui_id("menu", 0)));
    assert_true(click(ui_id("pause", 1)));
    assert_memory_equal(A->save_msg, "Saved", 5);
    assert_true(click(ui_id("pause", 2)));
    assert_int_equal(A->ov, OV_LOAD);
    assert_true(A->n_saves >= 1);
    assert_true(click(ui_id("load", 0)));
    assert_int_equal(A->ov, OV_NONE);
    assert_int_equal(niact_game_turn(A->play.g), turn);
    assert_true(niact_game_hash(A->play.g) == hash);
    assert_true(A->scr == SCR_BRIEF || A->scr == SCR_HANDOVER);
}

typedef struct tally {
    int handovers, orders, resolving, saved, asked;
} tally;

/* One step of a game with the keyboard alone. */
static void keyboard_step(tally *t) {
    if (A->scr == SCR_HANDOVER) {
        if (++t->handovers == 2)
            shot("handover");
        /* The hand-over takes no key pressed within HANDOVER_GUARD_MS of it being shown
         * (frames are quick now: the test must wait as a person would). */
        SDL_Delay(HANDOVER_GUARD_MS + 50);
        key(SDLK_RETURN, 0);
    } else if (A->scr == SCR_BRIEF) {
        key(SDLK_RETURN, 0);
    } else if (A->scr == SCR_RESOLVING) {
        t->resolving++;
        wait_resolved();
    } else if (A->scr == SCR_DESK) {
        int before = play_n_orders(&A->play);
        key(SDLK_1, 0); /* order the first action card */
        t->orders += play_n_orders(&A->play) > before;
        key(SDLK_e, 0);
        if (A->ov == OV_ENDTURN) /* points left: End turn asks first; E again ends it */
            key(SDLK_e, 0);
    } else {
        fail_msg("unexpected screen %d", (int)A->scr);
    }
}

/* One step of a game with the mouse alone; saves and loads once, on turn 2. */
static void mouse_step(tally *t) {
    if (A->scr == SCR_HANDOVER) {
        t->handovers++;
        assert_true(click(ui_id("handover", A->play.role)));
    } else if (A->scr == SCR_BRIEF) {
        assert_true(click(ui_id("brief", 0)));
    } else if (A->scr == SCR_RESOLVING) {
        t->resolving++;
        wait_resolved();
    } else if (A->scr == SCR_DESK) {
        if (niact_game_turn(A->play.g) == 1 && !t->saved) {
            t->saved = 1;
            save_and_load();
            return;
        }
        int act = legal_card(), before = play_n_orders(&A->play);
        if (act >= 0)
            assert_true(click(ui_id("card", act)));
        t->orders += play_n_orders(&A->play) > before;
        if (niact_game_turn(A->play.g) == 1)
            shot("desk-mouse");
        assert_true(click(ui_id("endturn", 0)));
        if (A->ov == OV_ENDTURN) { /* points left: it asks first, and says why */
            if (++t->asked == 1)
                shot("endturn");
            assert_true(click(ui_id("endturn-yes", 0)));
        }
    } else {
        fail_msg("unexpected screen %d", (int)A->scr);
    }
}

/* Plays a whole game of the test scenario from the title screen. */
static void play_game(int mouse, int hot_seat) {
    A->scr = SCR_TITLE;
    A->ui.focus = 0;
    pump();
    if (mouse)
        mouse_new_game(hot_seat);
    else
        keyboard_new_game(hot_seat);
    /* Two human seats: a hand-over first; one: straight to the briefing. */
    assert_int_equal(A->scr, hot_seat ? SCR_HANDOVER : SCR_BRIEF);
    tally t = {0};
    for (int step = 0; step < 600 && A->scr != SCR_END; step++) {
        if (mouse)
            mouse_step(&t);
        else
            keyboard_step(&t);
    }
    assert_int_equal(A->scr, SCR_END);
    assert_int_not_equal(niact_game_outcome(A->play.g), NIACT_OUTCOME_NONE);
    assert_true(t.orders >= 2);
    assert_true(t.resolving >= 1); /* turns resolved in the worker thread */
    if (hot_seat)
        assert_true(t.handovers >= 2);
    else
        assert_int_equal(t.handovers, 0);
    assert_int_equal(A->play.seats[1].kind, hot_seat ? NIACT_SEAT_HUMAN : NIACT_SEAT_AI);
    if (mouse) {
        assert_int_equal(t.saved, 1);
        assert_true(click(ui_id("end", 2)));
    } else {
        shot("end-keyboard");
        key(SDLK_ESCAPE, 0);
    }
    assert_int_equal(A->scr, SCR_TITLE);
}

static void test_keyboard_hot_seat(void **state) {
    (void)state;
    if (!have_window)
        skip();
    play_game(0, 1);
}

static void test_keyboard_against_ai(void **state) {
    (void)state;
    if (!have_window)
        skip();
    play_game(0, 0);
}

static void test_mouse_hot_seat(void **state) {
    (void)state;
    if (!have_window)
        skip();
    play_game(1, 1);
}

/* Keyboard: P, pick a term that takes days and raise them, pick a second, send. */
static int32_t propose_by_keyboard(int rw, int sp) {
    key(SDLK_p, 0);
    assert_int_equal(A->ov, OV_PROPOSE);
    assert_true(tab_to(ui_id("term", rw)));
    key(SDLK_RETURN, 0);
    assert_true(tab_to(ui_id("term-plus", rw)));
    key(SDLK_RETURN, 0);
    assert_true(tab_to(ui_id("term", sp)));
    key(SDLK_SPACE, 0);
    assert_true(tab_to(ui_id("prop-send", 0)));
    key(SDLK_RETURN, 0);
    assert_false(A->nego.msg_refused);
    const niact_proposal *pr = niact_game_proposal(A->play.g, 0, 0);
    assert_non_null(pr);
    const niact_term_def *d = &A->play.sc->terms[rw];
    assert_int_equal(pr->from, 0);
    assert_int_equal(pr->to, 2u);
    assert_int_equal(pr->public_, 0);
    assert_int_equal(pr->n_terms, 2);
    assert_int_equal(pr->terms[0].term, rw);
    assert_int_equal(pr->terms[0].giver, 1);
    assert_true(pr->terms[0].param > d->param_default && pr->terms[0].param <= d->param_max);
    assert_int_equal(pr->terms[1].term, sp);
    assert_int_equal(pr->terms[1].giver, 0);
    shot("propose-keyboard");
    key(SDLK_ESCAPE, 0);
    assert_int_equal(A->ov, OV_NONE);
    return pr->id;
}

/* Mouse: a term the scenario refuses now (the core's reason is shown, nothing is sent),
 * then a public proposal to two delegations. */
static int32_t propose_by_mouse(int bt, int sp) {
    assert_true(click(ui_id("nego", 0)));
    assert_int_equal(A->ov, OV_PROPOSE);
    /* A term both parties may give (Talks on Berlin: us or ussr): its second line picks
     * the giver, and a click moves to the other party. */
    int bl = -1;
    for (int t = 0; t < A->play.sc->n_terms; t++)
        if (!strcmp(A->play.sc->terms[t].meta.id, "berlin_talks"))
            bl = t;
    assert_true(bl >= 0);
    assert_true(A->nego.to & 2u); /* to Moscow */
    assert_true(click(ui_id("term", bl)));
    assert_int_equal(A->nego.n, 1);
    assert_int_equal(A->nego.items[0].giver, -1); /* not chosen: the core's pick */
    assert_true(click(ui_id("term-giver", bl)));
    int g1 = A->nego.items[0].giver;
    assert_true(g1 == 0 || g1 == 1);
    assert_true(click(ui_id("term-giver", bl)));
    assert_true(A->nego.items[0].giver == 0 || A->nego.items[0].giver == 1);
    assert_int_not_equal(A->nego.items[0].giver, g1);
    assert_true(click(ui_id("term", bl))); /* dropped again */
    assert_int_equal(A->nego.n, 0);
    assert_true(click(ui_id("term", bt)));
    assert_true(click(ui_id("prop-send", 0)));
    assert_true(A->nego.msg_refused);
    assert_non_null(strstr(A->nego.msg, "missiles are still in Testland"));
    assert_null(niact_game_proposal(A->play.g, 0, 1));
    shot("propose-refused");
    assert_true(click(ui_id("term", bt))); /* drop it */
    assert_true(click(ui_id("term", sp)));
    assert_true(click(ui_id("prop-to", 2)));
    assert_true(click(ui_id("prop-public", 0)));
    assert_true(click(ui_id("prop-send", 0)));
    assert_false(A->nego.msg_refused);
    const niact_proposal *pr = niact_game_proposal(A->play.g, 0, 1);
    assert_non_null(pr);
    assert_int_equal(pr->to, 6u);
    assert_int_equal(pr->public_, 1);
    assert_int_equal(pr->n_terms, 1);
    assert_int_equal(pr->terms[0].term, sp);
    assert_true(click(ui_id("prop-close", 0)));
    assert_int_equal(A->ov, OV_NONE);
    return pr->id;
}

/* Keyboard: T, typed text (Space types, it does not press), Backspace, Enter sends. */
static void telegram_by_keyboard(void) {
    key_typed(SDLK_t, "t"); /* T opens the form; its letter is not typed there */
    assert_int_equal(A->ov, OV_TELEGRAM);
    assert_int_equal(A->ui.focus, ui_id("tg-text", 0));
    assert_string_equal(A->nego.text, "");
    /* In the form every hotkey letter types itself (T, P, A, E, M, K) and opens nothing. */
    key_typed(SDLK_t, "T"), key_typed(SDLK_p, "p"), key_typed(SDLK_a, "a"), key_typed(SDLK_e, "e");
    key_typed(SDLK_m, "m"), key_typed(SDLK_k, "k");
    assert_int_equal(A->ov, OV_TELEGRAM);
    assert_string_equal(A->nego.text, "Tpaemk");
    for (int i = 0; i < 6; i++)
        key(SDLK_BACKSPACE, 0);
    assert_string_equal(A->nego.text, "");
    type_text("Hello Moscow.");
    key(SDLK_SPACE, 0);
    type_text(" ");
    type_text("Talks?x");
    key(SDLK_BACKSPACE, 0);
    assert_string_equal(A->nego.text, "Hello Moscow. Talks?");
    size_t before = niact_session_input_count(A->play.s);
    shot("telegram");
    key(SDLK_RETURN, 0);
    assert_int_equal(niact_session_input_count(A->play.s), before + 1);
    const niact_input *in = niact_session_input_at(A->play.s, before);
    assert_int_equal(in->kind, NIACT_INPUT_TELEGRAM);
    assert_int_equal(in->role, 0);
    assert_int_equal(in->to, 2u);
    assert_string_equal(in->text, "Hello Moscow. Talks?");
    size_t cur = 0;
    niact_log_entry e;
    int seen = 0; /* in the Soviet seat's log */
    while (niact_game_log_next(A->play.g, 1, &cur, &e))
        seen |= e.kind == NIACT_LOG_TELEGRAM && strstr(e.text, "Hello Moscow. Talks?") != NULL;
    assert_true(seen);
    key(SDLK_ESCAPE, 0);
    assert_int_equal(A->ov, OV_NONE);
}

/* The United States against the AI on the test scenario: a proposal by keyboard, one by
 * mouse, a telegram; the AI answers both proposals when the turn resolves; the agreements
 * sheet lists what was agreed. */
static void test_negotiate_against_ai(void **state) {
    (void)state;
    if (!have_window)
        skip();
    A->scr = SCR_TITLE;
    A->ui.focus = 0;
    pump();
    keyboard_new_game(0);
    key(SDLK_RETURN, 0); /* the briefing */
    assert_int_equal(A->scr, SCR_DESK);
    const niact_scenario *sc = A->play.sc;
    int rw = niact_scenario_term(sc, "remove_within"), sp = niact_scenario_term(sc, "stop_pressure");
    int bt = niact_scenario_term(sc, "berlin_talks");
    assert_true(rw >= 0 && sp >= 0 && bt >= 0);
    int32_t id1 = propose_by_keyboard(rw, sp), id2 = propose_by_mouse(bt, sp);
    telegram_by_keyboard();
    key(SDLK_e, 0);
    if (A->ov == OV_ENDTURN) /* points left: End turn asks first; Enter ends it */
        key(SDLK_RETURN, 0);
    wait_resolved();
    assert_int_equal(niact_game_turn(A->play.g), 1);
    const niact_proposal *p1 = niact_game_proposal_by_id(A->play.g, 0, id1);
    const niact_proposal *p2 = niact_game_proposal_by_id(A->play.g, 0, id2);
    assert_true(p1->status == NIACT_PROPOSAL_AGREED || p1->status == NIACT_PROPOSAL_REJECTED);
    assert_true(p2->status == NIACT_PROPOSAL_AGREED || p2->status == NIACT_PROPOSAL_REJECTED);
    int agreed = (p1->status == NIACT_PROPOSAL_AGREED) + (p2->status == NIACT_PROPOSAL_AGREED);
    key(SDLK_RETURN, 0);
    assert_int_equal(A->scr, SCR_DESK);
    assert_true(click(ui_id("nego", 2)));
    assert_int_equal(A->ov, OV_AGREEMENTS);
    assert_true((niact_game_commitment(A->play.g, 0, 0) != NULL) == (agreed > 0));
    shot("agreements");
    assert_true(click(ui_id("agr-close", 0)));
    assert_int_equal(A->ov, OV_NONE);
    play_stop(A);
    A->scr = SCR_TITLE;
}

static void test_mouse_against_ai(void **state) {
    (void)state;
    if (!have_window)
        skip();
    play_game(1, 0);
    assert_true(click(ui_id("title", 4))); /* Quit */
    assert_true(A->quit);
}

static int setup(void **state) {
    (void)state;
    snprintf(testland, sizeof testland, "%s/scenarios/testland", NIACT_TEST_DIR);
    /* Saves go to a fresh data folder, not the developer's. */
    if (!mkdtemp(data_dir))
        return -1;
    setenv("XDG_DATA_HOME", data_dir, 1);
    char scen[4200]; /* where saves find their scenario by name */
    snprintf(scen, sizeof scen, "%s/niact/scenarios", data_dir);
    char mk[4400];
    snprintf(mk, sizeof mk, "%s/niact", data_dir);
    mkdir(mk, 0755);
    mkdir(scen, 0755);
    snprintf(mk, sizeof mk, "%s/testland", scen);
    if (symlink(testland, mk) != 0)
        return -1;
    const char *d = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    if (!((d && *d) || (w && *w)) || SDL_Init(SDL_INIT_VIDEO) != 0)
        return 0; /* no display: the tests skip */
    win = SDL_CreateWindow("Niact test", 0, 0, 1280, 720, SDL_WINDOW_SHOWN);
    /* As the game's window: the software renderer in the window's own pixels. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    A = calloc(1, sizeof *A);
    char assets[4096];
    if (!ren || !A || ui_find_assets(assets, sizeof assets, NULL, 0) != 0 ||
        app_init(A, win, ren, assets) != 0)
        return -1;
    A->work_event = SDL_RegisterEvents(1); /* resolve in a worker, as the window does */
    A->frugal = 1; /* and its frames: the cached backdrop, partial frames */
    A->partial = 1;
    A->full_damage = 1;
    /* Offer the test scenario beside the bundled ones. */
    snprintf(A->scen[0], sizeof A->scen[0], "%s", testland);
    A->n_scen = 1;
    have_window = 1;
    return 0;
}

static int teardown(void **state) {
    (void)state;
    if (strchr(data_dir, 'X') == NULL) /* made: remove it and the saves in it */
        nftw(data_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    if (A)
        app_free(A);
    free(A);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    /* No SDL_Quit: it unloads the X and GL libraries, and the leak checker could then
     * not name the system libraries whose allocations tests/ui/lsan.supp ignores. */
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keyboard_hot_seat),
        cmocka_unit_test(test_keyboard_against_ai),
        cmocka_unit_test(test_mouse_hot_seat),
        cmocka_unit_test(test_negotiate_against_ai),
        cmocka_unit_test(test_mouse_against_ai),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
