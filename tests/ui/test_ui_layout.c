/* The layout test: every screen of the window drawn with a software renderer (no
 * display) at a matrix of window sizes and UI scales, checked against what the widgets
 * and the text layer record of themselves:
 *   - no two widgets (buttons, cards, rows, toggles) overlap where they are visible;
 *   - no widget lies partly off the window, outside a scrolling list;
 *   - no line of text lies over a widget it does not belong to, or over another line;
 *   - no text is cut (an ellipsis, or lines left out) unless it is a summary whose whole
 *     text is readable elsewhere (drawn with TX_MORE: the detail panel, a sheet);
 *   - no text is given a box too low for one line, and no line leaves its box.
 * The default run checks a few sizes; NIACT_UI_MATRIX=full checks every size from
 * 1024x600 to 3840x2160 at every scale from 0.75 to 2 (ctest -L matrix, when configured
 * with -DNIACT_UI_MATRIX=ON). */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/host.h"
#include "png.h"
#include "ui/app.h"

static char data_dir[] = "/tmp/niact-ui-layout-XXXXXX";

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

enum { S_TITLE, S_NEWGAME, S_HANDOVER, S_BRIEF, S_DESK_CARD, S_DESK_REFUSED, S_DESK_TRACK,
       S_DESK_LATER, S_PROPOSE, S_TELEGRAM, S_AGREEMENTS, S_PAUSE, S_SETTINGS, S_LOAD, S_HELP,
       S_RESOLVING, S_END, S_ENDTURN, S_OBJECTIVES, S_MODERATOR, S_MOD_SEAT, S_MOD_REFUSED, S_PROJECTOR, S_COUNT };
static const char *const screen_names[S_COUNT] = {
    "title", "newgame", "handover", "brief", "desk-card", "desk-refused", "desk-track",
    "desk-turn3", "propose", "telegram", "agreements", "pause", "settings", "load", "help",
    "resolving", "end", "endturn", "desk-objectives", "moderator", "moderator-seat", "moderator-refused", "projector"};

typedef struct size_case {
    int w, h;
    float scale;
    int preset;
} size_case;

/* The default run: small and 100 %, 1280x720 at 150 %, full HD at 200 %, and the
 * projector preset at 1280x720. */
static const size_case quick[] = {{1024, 600, 1.0f, UI_PRESET_PAPER},
                                  {1280, 720, 1.5f, UI_PRESET_PAPER},
                                  {1920, 1080, 2.0f, UI_PRESET_PAPER},
                                  {1280, 720, 1.0f, UI_PRESET_PROJECTOR}};
static const int full_w[] = {1024, 1280, 1366, 1920, 2560, 3840};
static const int full_h[] = {600, 720, 768, 1080, 1440, 2160};
static const float full_scale[] = {0.75f, 1.0f, 1.25f, 1.5f, 2.0f};

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    app a;
} canvas;

static char scenario_dir[2][4096];
static int n_scenarios;
/* niact host's rooms, one a scenario (every seat remote, no client: the moderator's and
 * the projector's screens read the host's session), opened on first use. */
static host *hosts[2];
static ui_room rooms[2];

static ui_room *room_of(const char *dir) {
    int k = !strcmp(dir, scenario_dir[0]) ? 0 : 1;
    if (!hosts[k]) {
        char *argv[] = {"host", "--port", "0", "--bind", "127.0.0.1", "--seed", "7",
                        "--scenario", (char *)dir, "--no-autosave", NULL};
        assert_int_equal(cli_host_open(10, argv, &hosts[k]), 0);
        cli_host_room(hosts[k], &rooms[k]);
    }
    return &rooms[k];
}
static int failures;

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
    ui_set_preset(&c->a.ui, sz->preset);
    c->a.seed = 7;
    c->a.no_autosave = 1;
    return 0;
}

static void close_canvas(canvas *c) {
    app_free(&c->a);
    if (c->ren)
        SDL_DestroyRenderer(c->ren);
    SDL_FreeSurface(c->surf);
}

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

/* The second role proposes to the first the first term it may give; returns the id. */
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

static int point_at(app *a, uint32_t id) {
    for (int i = 0; i < a->ui.n_last; i++)
        if (a->ui.last[i].id == id) {
            a->ui.mx = a->ui.last[i].r.x + a->ui.last[i].r.w / 2;
            a->ui.my = a->ui.last[i].r.y + a->ui.last[i].r.h / 2;
            return 1;
        }
    return 0;
}

/* Focus (with the ring shown) on the card of the first action the seat may not order
 * now, the pointer away: the detail panel explains why. */
static void focus_refused(app *a) {
    for (int act = 0; act < a->play.sc->n_actions; act++) {
        char why[256];
        if ((a->play.sc->actions[act].roles & (1u << a->play.role)) &&
            !play_action_legal(&a->play, act, why, sizeof why)) {
            a->ui.focus = ui_id("card", act);
            a->ui.focus_visible = 1;
            a->ui.mx = a->ui.my = -1;
            app_frame(a, 0); /* the list follows the focus */
            return;
        }
    }
}

static void setup_screen(app *a, int s, const char *dir) {
    if (s == S_TITLE) {
        a->scr = SCR_TITLE;
        return;
    }
    if (s == S_NEWGAME) { /* as --scenario DIR opens it: that one first, then the bundled */
        snprintf(a->want_scen, sizeof a->want_scen, "%s", dir);
        newgame_open(a);
        a->seed = 7;
        return;
    }
    if (s >= S_MODERATOR) {
        room_open(a, room_of(dir));
        if (s == S_MOD_SEAT)
            a->mod.view = 0;
        if (s == S_MOD_REFUSED) {
            snprintf(a->mod.msg, sizeof a->mod.msg,
                     "Refused: the rollback goes back to a turn already played; turn 1 is "
                     "the first, and the game is in turn 1, so there is nothing to undo.");
            a->mod.refused = 1;
            for (int i = 0; i < 6; i++)
                strcat(a->mod.text, "Delegations have five minutes left for talks. ");
        }
        if (s == S_PROJECTOR)
            a->scr = SCR_PROJECTOR;
        return;
    }
    start(a, dir);
    if (s == S_HANDOVER) {
        a->scr = SCR_HANDOVER;
        return;
    }
    if (s == S_BRIEF) {
        a->scr = SCR_BRIEF;
        return;
    }
    if (s == S_END) {
        niact_session_play_out(a->play.s);
        play_open_turn(a);
        assert_int_equal(a->scr, SCR_END);
        return;
    }
    if (s == S_AGREEMENTS) {
        int32_t id = propose_to_first(a);
        if (id)
            niact_session_answer(a->play.s, 0, id, 1);
        play_turns(a, 2);
    }
    if (s == S_DESK_LATER) {
        play_turns(a, 2);
        propose_to_first(a);
    }
    play_mark_read(a);
    a->scr = SCR_DESK;
    play_add_order(&a->play, 0);
    app_frame(a, 0);
    if (s == S_DESK_CARD || s == S_DESK_LATER || s == S_PAUSE) {
        for (int act = 0; act < a->play.sc->n_actions; act++)
            if (point_at(a, ui_id("card", act)))
                break;
    } else if (s == S_DESK_REFUSED) {
        focus_refused(a);
    } else if (s == S_DESK_TRACK) {
        for (int t = 0; t < a->play.sc->n_tracks; t++)
            if (point_at(a, ui_id("track", t)))
                break;
    }
    switch (s) {
    case S_PROPOSE: {
        int32_t id = propose_to_first(a);
        nego_open_propose(a, id ? niact_game_proposal_by_id(a->play.g, 0, id) : NULL);
        snprintf(a->nego.msg, sizeof a->nego.msg,
                 "NOT SENT: a proposal goes to one or more other delegations; pick them "
                 "under To, then send it again.");
        a->nego.msg_refused = 1;
        app_frame(a, 0);
        point_at(a, ui_id("term", a->play.sc->n_terms > 1 ? 1 : 0));
        break;
    }
    case S_TELEGRAM:
        nego_open_telegram(a);
        for (int i = 0; i < 9; i++)
            strcat(a->nego.text, "THE PRESIDENT ASKS THAT THE BOMBERS LEAVE WITHIN THIRTY DAYS. ");
        break;
    case S_AGREEMENTS: nego_open_agreements(a); break;
    case S_PAUSE: a->ov = OV_PAUSE; break;
    case S_SETTINGS: a->ov = OV_SETTINGS; break;
    case S_LOAD:
        saves_save(a);
        saves_scan(a);
        a->ov = OV_LOAD;
        break;
    case S_HELP: a->ov = OV_HELP; break;
    case S_OBJECTIVES: /* the inbox's third tab (O): the seat's objectives */
        a->tab = 2;
        a->page_left = 0;
        break;
    case S_ENDTURN: /* points left and a proposal waiting: End turn asks */
        propose_to_first(a);
        a->ov = OV_ENDTURN;
        break;
    case S_RESOLVING:
        snprintf(a->work_title, sizeof a->work_title, "Orders for the first turn are carried out");
        a->scr = SCR_RESOLVING;
        break;
    default: break;
    }
}

static SDL_Rect clipped(SDL_Rect r, SDL_Rect clip, int w, int h) {
    SDL_Rect screen = {0, 0, w, h}, o, p;
    if (!SDL_IntersectRect(&r, &clip, &o) || !SDL_IntersectRect(&o, &screen, &p))
        return (SDL_Rect){0, 0, 0, 0};
    return p;
}

static int inside(SDL_Rect a, SDL_Rect b) {
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

static int is_screen(SDL_Rect c, int w, int h) {
    return c.x <= 0 && c.y <= 0 && c.x + c.w >= w && c.y + c.h >= h;
}

/* Prints one fault; returns 1 (counted). Only the first few of a case are printed. */
static int fault(int *n, const char *what, const char *fmt, ...) {
    if (++*n <= 6) {
        char line[600];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(line, sizeof line, fmt, ap);
        va_end(ap);
        print_message("%s: %s\n", what, line);
    }
    return 1;
}

/* Checks the frame just drawn; returns the number of faults. */
static int check_layout(const ui *u, const char *what) {
    int n = 0;
    /* Widgets. */
    for (int i = 0; i < u->n_last; i++) {
        const ui_widget *a = &u->last[i];
        SDL_Rect va = clipped(a->r, a->clip, u->w, u->h);
        if (is_screen(a->clip, u->w, u->h) && !inside(a->r, (SDL_Rect){0, 0, u->w, u->h}))
            fault(&n, what, "a widget at %d,%d (%dx%d) lies off the %dx%d window", a->r.x,
                  a->r.y, a->r.w, a->r.h, u->w, u->h);
        if (va.w <= 0 || va.h <= 0)
            continue;
        for (int j = 0; j < i; j++) {
            const ui_widget *b = &u->last[j];
            SDL_Rect vb = clipped(b->r, b->clip, u->w, u->h), o;
            /* One wholly inside the other is a part of it (a text field's scroll
             * buttons); anything else sharing pixels is an overlap. */
            if (b->id != a->id && SDL_IntersectRect(&va, &vb, &o) && !inside(va, vb) &&
                !inside(vb, va))
                fault(&n, what, "widgets overlap: %d,%d (%dx%d) and %d,%d (%dx%d)", a->r.x,
                      a->r.y, a->r.w, a->r.h, b->r.x, b->r.y, b->r.w, b->r.h);
        }
    }
    /* Text. */
    for (int i = 0; i < u->n_records; i++) {
        const ui_text_record *t = &u->records[i];
        if (t->cut && !(t->flags & TX_MORE) && !t->inert)
            fault(&n, what, "text cut with no way to read the rest: \"%s\" in a %dx%d box",
                  t->what, t->box.w, t->box.h);
        if (t->outside)
            fault(&n, what, "text \"%s\" leaves its box", t->what);
        SDL_Rect d = clipped(t->drawn, t->clip, u->w, u->h);
        SDL_Rect vbox = clipped(t->box, t->clip, u->w, u->h);
        if (t->inert || d.w <= 0 || d.h <= 0)
            continue;
        for (int j = 0; j < u->n_last; j++) {
            const ui_widget *w = &u->last[j];
            SDL_Rect vw = clipped(w->r, w->clip, u->w, u->h), o;
            /* A widget's own text lies inside it; any other text must keep off it. */
            if (!inside(vbox, w->r) && SDL_IntersectRect(&d, &vw, &o) && o.w > 1 && o.h > 1)
                fault(&n, what, "text \"%s\" at %d,%d lies over a widget at %d,%d (%dx%d)",
                      t->what, t->drawn.x, t->drawn.y, w->r.x, w->r.y, w->r.w, w->r.h);
        }
    }
    /* Lines of text over each other (two map labels, a label over a stamp's word). */
    for (int i = 0; i < u->n_records; i++) {
        const ui_text_record *t = &u->records[i];
        SDL_Rect d = clipped(t->drawn, t->clip, u->w, u->h);
        if (t->inert || d.w <= 0 || d.h <= 0)
            continue;
        for (int j = 0; j < i; j++) {
            const ui_text_record *s = &u->records[j];
            SDL_Rect e = clipped(s->drawn, s->clip, u->w, u->h), o;
            /* Lines of one text touch by a pixel or two of their ascent and descent. */
            if (!s->inert && SDL_IntersectRect(&d, &e, &o) && o.w > 2 && o.h > 3)
                fault(&n, what, "text \"%s\" at %d,%d lies over text \"%s\" at %d,%d", t->what,
                      t->drawn.x, t->drawn.y, s->what, s->drawn.x, s->drawn.y);
        }
    }
    if (u->text_dropped)
        fault(&n, what, "%d text(s) in boxes lower than one line (not drawn)", u->text_dropped);
    if (n > 6)
        print_message("%s: ... %d faults in all\n", what, n);
    return n;
}

static void render_case(const char *dir, const char *tag, const size_case *sz, int s) {
    canvas c;
    assert_int_equal(open_canvas(&c, sz), 0);
    setup_screen(&c.a, s, dir);
    c.a.ui.record = 1;
    app_frame(&c.a, 0);
    app_frame(&c.a, 0); /* the second frame: hit tests and scrolls settled */
    SDL_RenderFlush(c.ren);
    char what[256];
    snprintf(what, sizeof what, "%s %s at %dx%d x%.2f%s", tag, screen_names[s], sz->w, sz->h,
             (double)sz->scale, sz->preset == UI_PRESET_PROJECTOR ? " projector" : "");
    int n = check_layout(&c.a.ui, what);
    const char *shots = getenv("NIACT_UI_LAYOUT_SHOTS");
    if (shots && (n || !strcmp(shots, "all"))) {
        char path[4400];
        mkdir(NIACT_UI_ARTEFACTS, 0755);
        snprintf(path, sizeof path, "%s/%s-%s-%dx%d@%.2f%s.png", NIACT_UI_ARTEFACTS, tag,
                 screen_names[s], sz->w, sz->h, (double)sz->scale,
                 sz->preset == UI_PRESET_PROJECTOR ? "-projector" : "");
        png_write_surface(path, c.surf);
    }
    failures += n > 0;
    close_canvas(&c);
}

static void run_sizes(const size_case *sizes, int n_sizes) {
    failures = 0;
    for (int k = 0; k < n_scenarios; k++) {
        const char *tag = strrchr(scenario_dir[k], '/') + 1;
        for (int z = 0; z < n_sizes; z++)
            for (int s = 0; s < S_COUNT; s++)
                render_case(scenario_dir[k], tag, &sizes[z], s);
    }
    if (failures)
        fail_msg("%d screen(s) have layout faults", failures);
}

static void test_layout(void **state) {
    (void)state;
    const char *m = getenv("NIACT_UI_MATRIX");
    if (!m || strcmp(m, "full") != 0) {
        run_sizes(quick, (int)(sizeof quick / sizeof *quick));
        return;
    }
    size_case all[128];
    int n = 0;
    for (int preset = 0; preset < UI_PRESET_COUNT; preset++)
        for (size_t w = 0; w < sizeof full_w / sizeof *full_w; w++)
            for (size_t k = 0; k < sizeof full_scale / sizeof *full_scale; k++)
                all[n++] = (size_case){full_w[w], full_h[w], full_scale[k], preset};
    run_sizes(all, n);
}

/* The check itself: a layout with overlapping buttons, a button off the window and a
 * cut rule text is caught; the same with TX_MORE and apart is not. */
static void test_check_catches(void **state) {
    (void)state;
    canvas c;
    size_case sz = {1280, 720, 1.0f, UI_PRESET_PAPER};
    assert_int_equal(open_canvas(&c, &sz), 0);
    ui *u = &c.a.ui;
    u->record = 1;
    const char *rule = "Not possible now: verification must reach 20 first, and the other "
                       "side must have agreed to inspections on its own soil.";
    ui_begin(u);
    ui_button(u, ui_id("x", 0), (SDL_Rect){10, 10, 200, 50}, "One", 1);
    ui_button(u, ui_id("x", 1), (SDL_Rect){100, 40, 200, 50}, "Two", 1);
    ui_end(u);
    assert_int_not_equal(check_layout(u, "overlap (meant)"), 0);
    ui_begin(u);
    ui_button(u, ui_id("x", 0), (SDL_Rect){1200, 10, 200, 50}, "Off", 1);
    ui_end(u);
    assert_int_not_equal(check_layout(u, "off the window (meant)"), 0);
    ui_begin(u);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){10, 10, 200, 30}, rule, 0);
    ui_end(u);
    assert_int_equal(u->text_cut, 1);
    assert_int_not_equal(check_layout(u, "cut rule text (meant)"), 0);
    ui_begin(u);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){10, 10, 200, 30}, rule, TX_ONELINE);
    ui_end(u);
    assert_int_not_equal(check_layout(u, "cut one line (meant)"), 0);
    ui_begin(u);
    ui_button(u, ui_id("x", 0), (SDL_Rect){10, 100, 200, 50}, "One", 1);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){10, 120, 400, 30}, "over it", 0);
    ui_end(u);
    assert_int_not_equal(check_layout(u, "text over a button (meant)"), 0);
    ui_begin(u);
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){10, 10, 300, 30}, "Key West", 0);
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){40, 15, 300, 30}, "Havana", 0);
    ui_end(u);
    assert_int_not_equal(check_layout(u, "labels over each other (meant)"), 0);
    ui_begin(u);
    ui_button(u, ui_id("x", 0), (SDL_Rect){10, 10, 200, 50}, "One", 1);
    ui_button(u, ui_id("x", 1), (SDL_Rect){10, 70, 200, 50}, "Two", 1);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){300, 10, 200, 30}, rule, TX_MORE);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){300, 100, 600, 400}, rule, 0);
    ui_end(u);
    assert_int_equal(u->text_cut, 0);
    assert_int_equal(check_layout(u, "a clean layout"), 0);
    close_canvas(&c);
}

/* Focus always visible: a key that moves the focus down a scrolling list (the cards, the
 * tracks) shows the focused row in full in the very frame drawn after it. */
static void test_focus_scrolls_into_view(void **state) {
    (void)state;
    canvas c;
    size_case sz = {1024, 600, 1.0f, UI_PRESET_PAPER};
    assert_int_equal(open_canvas(&c, &sz), 0);
    app *a = &c.a;
    setup_screen(a, S_DESK_CARD, scenario_dir[0]);
    a->ui.mx = a->ui.my = -1;
    int first = -1;
    for (int act = 0; act < a->play.sc->n_actions && first < 0; act++)
        if (a->play.sc->actions[act].roles & 1u)
            first = act;
    a->ui.focus = ui_id("card", first);
    app_frame(a, 0);
    int checked = 0, scrolled = 0;
    for (int k = 0; k < 40; k++) {
        SDL_Event ev = {0};
        ev.type = SDL_KEYDOWN;
        ev.key.keysym.sym = k < 20 ? SDLK_DOWN : SDLK_TAB;
        app_event(a, &ev);
        app_frame(a, 0); /* the frame the window presents */
        for (int i = 0; i < a->ui.n_last; i++) {
            const ui_widget *w = &a->ui.last[i];
            if (w->id != a->ui.focus)
                continue;
            int in_list = 0;
            for (int t = 0; t < a->play.sc->n_actions && !in_list; t++)
                in_list = w->id == ui_id("card", t);
            for (int t = 0; t < a->play.sc->n_tracks && !in_list; t++)
                in_list = w->id == ui_id("track", t);
            if (!in_list)
                continue;
            checked++;
            scrolled += a->scroll_cards > 0 || a->scroll_tracks > 0;
            if (!inside(w->r, w->clip))
                fail_msg("key %d: the focused row at %d,%d (%dx%d) is not wholly in its list "
                         "%d,%d (%dx%d)", k + 1, w->r.x, w->r.y, w->r.w, w->r.h, w->clip.x,
                         w->clip.y, w->clip.w, w->clip.h);
        }
    }
    assert_true(checked > 5);
    assert_true(scrolled > 0); /* the lists did have to scroll */
    close_canvas(&c);
}

/* ---- niact host's screens on a game under way ------------------------------------ */

/* A host of its own a scenario, played on for some turns (every seat's default orders,
 * given by the moderator), so its public news holds more than the projector can show. */
static host *played_hosts[2];
static ui_room played_rooms[2];

static double secs(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static ui_room *played_of(int k, int turns) {
    if (played_hosts[k])
        return &played_rooms[k];
    char *argv[] = {"host", "--port", "0", "--bind", "127.0.0.1", "--seed", "7",
                    "--scenario", scenario_dir[k], "--no-autosave", NULL};
    assert_int_equal(cli_host_open(10, argv, &played_hosts[k]), 0);
    ui_room *r = &played_rooms[k];
    cli_host_room(played_hosts[k], r);
    const niact_scenario *sc = niact_session_scenario(r->s);
    for (int t = 0; t < turns; t++) {
        const niact_game *g = niact_session_view(r->s);
        if (niact_game_phase(g) == NIACT_PHASE_ENDED)
            break;
        int32_t turn = niact_game_turn(g);
        for (int role = 0; role < sc->n_roles; role++) {
            niact_command c = niact_command_make(NIACT_CMD_DEFAULT, NIACT_MODERATOR);
            c.index = role;
            char msg[400];
            r->moderate(r->ctx, &c, msg, sizeof msg);
        }
        /* The host resolves the turn (maybe off this thread): bounded in time, not passes. */
        double t0 = secs();
        int moved = 0;
        while (!moved && secs() - t0 < 60) {
            r->tick(r->ctx);
            moved = !r->busy(r->ctx) && niact_game_turn(niact_session_view(r->s)) != turn;
            if (!moved)
                SDL_Delay(2);
        }
        assert_true(moved);
    }
    return r;
}

/* The newest public news entry of the session (the last one its public view gives). */
static void newest_news(niact_session *s, char *out, size_t len) {
    static niact_public pub;
    size_t from = 0;
    out[0] = 0;
    do {
        if (niact_session_public(s, 0, from, &pub) != NIACT_OK)
            break;
        if (pub.n_news)
            snprintf(out, len, "%s", pub.news_text + pub.news[pub.n_news - 1].off);
        from = (size_t)pub.news_next;
    } while (pub.news_more);
}

static const size_case room_sizes[] = {{1920, 1080, 2.0f, UI_PRESET_PAPER},
                                       {1280, 720, 1.0f, UI_PRESET_PROJECTOR},
                                       {1920, 1080, 2.0f, UI_PRESET_PROJECTOR},
                                       {1280, 720, 1.5f, UI_PRESET_PAPER},
                                       {1024, 600, 1.0f, UI_PRESET_PAPER},
                                       {3840, 2160, 2.0f, UI_PRESET_PAPER}};

/* Whether r is drawn wholly visible: inside its clip and the window. */
static int wholly_visible(SDL_Rect r, SDL_Rect clip, int w, int h) {
    SDL_Rect v = clipped(r, clip, w, h);
    return r.w > 0 && v.x == r.x && v.y == r.y && v.w == r.w && v.h == r.h;
}

static SDL_Rect widget_rect(const app *a, uint32_t id) {
    for (int i = 0; i < a->ui.n_last; i++)
        if (a->ui.last[i].id == id)
            return a->ui.last[i].r;
    return (SDL_Rect){0, 0, 0, 0};
}

/* Projector first: four turns into a game the projector cannot show every line, and what
 * it leaves out is never the newest news nor a seat's line: both are drawn whole and in
 * view at every size, in a layout the layout check passes. */
static void test_projector_keeps_newest_news(void **state) {
    (void)state;
    for (int k = 0; k < n_scenarios; k++) {
        ui_room *r = played_of(k, 4);
        char newest[2048];
        newest_news(r->s, newest, sizeof newest);
        assert_true(newest[0] != 0);
        for (size_t z = 0; z < sizeof room_sizes / sizeof *room_sizes; z++) {
            const size_case *sz = &room_sizes[z];
            canvas c;
            assert_int_equal(open_canvas(&c, sz), 0);
            room_open(&c.a, r);
            c.a.scr = SCR_PROJECTOR;
            c.a.ui.record = 1;
            app_frame(&c.a, 0);
            app_frame(&c.a, 0);
            char what[200];
            snprintf(what, sizeof what, "projector (turn 5) at %dx%d x%.2f%s", sz->w, sz->h,
                     (double)sz->scale, sz->preset == UI_PRESET_PROJECTOR ? " projector" : "");
            const ui *u = &c.a.ui;
            /* The newest news' first line (after its date), and every seat's line. */
            char start[24];
            snprintf(start, sizeof start, "%s", newest);
            const niact_scenario *sc = niact_session_scenario(r->s);
            int shown = 0, seats = 0;
            for (int i = 0; i < u->n_records; i++) {
                const ui_text_record *t = &u->records[i];
                if (t->cut || !wholly_visible(t->drawn, t->clip, u->w, u->h))
                    continue;
                shown |= strstr(t->what, start) != NULL;
                for (int role = 0; role < sc->n_roles; role++) {
                    char name[80];
                    snprintf(name, sizeof name, "%s: ", sc->roles[role].meta.name);
                    seats += !strncmp(t->what, name, strlen(name));
                }
            }
            const char *shots = getenv("NIACT_UI_LAYOUT_SHOTS");
            if (!shown || seats != sc->n_roles || (shots && !strcmp(shots, "all"))) {
                char path[600];
                mkdir(NIACT_UI_ARTEFACTS, 0755);
                snprintf(path, sizeof path, "%s/projector-turn5-%d-%dx%d@%.2f%s.png",
                         NIACT_UI_ARTEFACTS, k, sz->w, sz->h, (double)sz->scale,
                         sz->preset == UI_PRESET_PROJECTOR ? "-projector" : "");
                png_write_surface(path, c.surf);
            }
            if (!shown)
                fail_msg("%s: the newest news (\"%.60s\") is not shown", what, newest);
            if (seats != sc->n_roles)
                fail_msg("%s: %d of the %d seats' lines are shown", what, seats, sc->n_roles);
            assert_int_equal(check_layout(u, what), 0);
            close_canvas(&c);
        }
    }
}

/* The moderator's message field keeps its typing point in view: while a message far
 * longer than the field is typed, the line with the caret is drawn whole inside the
 * field and inside its column, at every size. */
static void test_moderator_caret_in_view(void **state) {
    (void)state;
    for (size_t z = 0; z < sizeof room_sizes / sizeof *room_sizes; z++) {
        const size_case *sz = &room_sizes[z];
        canvas c;
        assert_int_equal(open_canvas(&c, sz), 0);
        app *a = &c.a;
        room_open(a, room_of(scenario_dir[0]));
        a->ui.record = 1;
        a->ui.mx = a->ui.my = -1;
        a->ui.focus = ui_id("mod-text", 0);
        a->ui.focus_visible = 1;
        app_frame(a, 0);
        char what[200];
        snprintf(what, sizeof what, "moderator typing at %dx%d x%.2f%s", sz->w, sz->h,
                 (double)sz->scale, sz->preset == UI_PRESET_PROJECTOR ? " projector" : "");
        for (int k = 0; k < 5; k++) {
            /* Most of it put in the field at once (a frame of a big window costs), the
             * rest typed: two pieces, the last ends in a word too long for a line. */
            for (int i = 0; i < 16 && k < 4; i++)
                strcat(a->mod.text, i == 15 ? "Delegations-have-five-minutes " : "Talks go on. ");
            for (int i = 0; i < 2; i++) {
                SDL_Event ev;
                memset(&ev, 0, sizeof ev);
                ev.type = SDL_TEXTINPUT;
                snprintf(ev.text.text, sizeof ev.text.text, "%s",
                         i ? "END-OF-THE-MESSAGE-TYPED-NOW" : "Talks go on. ");
                app_event(a, &ev);
            }
            app_frame(a, 0); /* the frame the window presents */
            const ui *u = &a->ui;
            const ui_widget *f = NULL;
            for (int i = 0; i < u->n_last; i++)
                if (u->last[i].id == ui_id("mod-text", 0))
                    f = &u->last[i];
            assert_non_null(f);
            /* The field's lines: after its label, before the Send button's. */
            int i0 = -1, i1 = -1;
            for (int i = 0; i < u->n_records; i++) {
                if (!strcmp(u->records[i].what, "A message to every seat"))
                    i0 = i;
                else if (i0 >= 0 && i1 < 0 && !strcmp(u->records[i].what, "Send to every seat"))
                    i1 = i;
            }
            assert_true(i0 >= 0 && i1 > i0 + 1);
            const ui_text_record *last = &u->records[i1 - 1];
            /* It is the end of what was typed, with the caret. */
            char line[64];
            snprintf(line, sizeof line, "%s", last->what);
            size_t ll = strlen(line), tl = strlen(a->mod.text);
            if (ll && line[ll - 1] == '_')
                line[--ll] = 0;
            else
                assert_int_equal(ll, sizeof last->what - 1); /* (only a long line's start) */
            if (ll == 0 || !strstr(a->mod.text + (tl > 200 ? tl - 200 : 0), line))
                fail_msg("%s, round %d: the field's last line \"%s\" is not the end typed",
                         what, k + 1, last->what);
            SDL_Rect seen = clipped(f->r, f->clip, u->w, u->h);
            if (!wholly_visible(last->drawn, last->clip, u->w, u->h) ||
                !inside(last->drawn, seen)) {
                char path[600];
                mkdir(NIACT_UI_ARTEFACTS, 0755);
                snprintf(path, sizeof path, "%s/moderator-typing-%dx%d@%.2f.png",
                         NIACT_UI_ARTEFACTS, sz->w, sz->h, (double)sz->scale);
                png_write_surface(path, c.surf);
                fail_msg("%s, round %d: the caret's line \"%s\" at %d,%d (%dx%d) is not "
                         "in view (field %d,%d %dx%d, seen %d,%d %dx%d)", what, k + 1,
                         last->what, last->drawn.x, last->drawn.y, last->drawn.w,
                         last->drawn.h, f->r.x, f->r.y, f->r.w, f->r.h, seen.x, seen.y,
                         seen.w, seen.h);
            }
        }
        assert_true(strlen(a->mod.text) > 1000);
        assert_int_equal(check_layout(&a->ui, what), 0);
        /* The field's own up arrow takes a click (the field around it does not): the text
         * scrolls back to be read. */
        uint32_t up = ui_id("list-up", (int)((uintptr_t)&a->mod.scroll_text & 0xffff));
        SDL_Rect b = widget_rect(a, up);
        assert_true(b.w > 0);
        int before = a->mod.scroll_text;
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEMOTION;
        ev.motion.x = b.x + b.w / 2, ev.motion.y = b.y + b.h / 2;
        app_event(a, &ev);
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEBUTTONUP;
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.x = b.x + b.w / 2, ev.button.y = b.y + b.h / 2;
        app_event(a, &ev);
        app_frame(a, 0);
        if (a->mod.scroll_text >= before)
            fail_msg("%s: the field's up arrow did not scroll it (%d, was %d)", what,
                     a->mod.scroll_text, before);
        close_canvas(&c);
    }
}

/* Each moderator window keeps its own columns' scroll: scrolling the room's commands in
 * one leaves another's where it was, and a room opened again starts at the top. */
static void test_moderator_scroll_per_app(void **state) {
    (void)state;
    size_case sz = {1024, 600, 1.5f, UI_PRESET_PAPER};
    canvas one, two;
    assert_int_equal(open_canvas(&two, &sz), 0);
    room_open(&two.a, room_of(scenario_dir[0]));
    two.a.ui.mx = two.a.ui.my = -1;
    app_frame(&two.a, 0);
    uint32_t id = ui_id("mod-dl-minus", 0);
    SDL_Rect r0 = widget_rect(&two.a, id);
    assert_true(r0.w > 0);
    assert_int_equal(open_canvas(&one, &sz), 0);
    room_open(&one.a, room_of(scenario_dir[0]));
    app_frame(&one.a, 0);
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.x = r0.x + r0.w / 2, ev.motion.y = r0.y + r0.h / 2;
    app_event(&one.a, &ev);
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEWHEEL;
    ev.wheel.y = -3; /* down */
    app_event(&one.a, &ev);
    app_frame(&one.a, 0);
    SDL_Rect r1 = widget_rect(&one.a, id);
    assert_true(r1.w == 0 || r1.y < r0.y); /* it did scroll */
    app_frame(&two.a, 0);
    SDL_Rect r2 = widget_rect(&two.a, id);
    assert_int_equal(r2.y, r0.y);
    room_open(&one.a, room_of(scenario_dir[0]));
    app_frame(&one.a, 0);
    app_frame(&one.a, 0);
    assert_int_equal(widget_rect(&one.a, id).y, r0.y);
    close_canvas(&one);
    close_canvas(&two);
}

static int group_setup(void **state) {
    (void)state;
    if (!mkdtemp(data_dir))
        return -1;
    setenv("XDG_DATA_HOME", data_dir, 1);
    setenv("XDG_CONFIG_HOME", data_dir, 1);
    setenv("HOME", data_dir, 1);
    /* Drawn offscreen; the host's rooms need no display either (run by hand, too). */
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (TTF_Init() != 0)
        return -1;
    char dir[4096], lib[4096];
    if (niact_find_scenario("november1962", dir, sizeof dir, lib, sizeof lib) == 0)
        snprintf(scenario_dir[n_scenarios++], sizeof scenario_dir[0], "%s", dir);
    snprintf(scenario_dir[n_scenarios++], sizeof scenario_dir[0], "%s/scenarios/testland",
             NIACT_TEST_DIR);
    return 0;
}

static int group_teardown(void **state) {
    (void)state;
    for (int k = 0; k < 2; k++)
        if (hosts[k])
            cli_host_close(hosts[k]);
    for (int k = 0; k < 2; k++)
        if (played_hosts[k])
            cli_host_close(played_hosts[k]);
    if (strchr(data_dir, 'X') == NULL)
        nftw(data_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_catches),
        cmocka_unit_test(test_focus_scrolls_into_view),
        cmocka_unit_test(test_projector_keeps_newest_news),
        cmocka_unit_test(test_moderator_caret_in_view),
        cmocka_unit_test(test_moderator_scroll_per_app),
        cmocka_unit_test(test_layout),
    };
    const char *only = getenv("NIACT_TEST_FILTER"); /* one test by name (cmocka's pattern) */
    if (only && *only)
        cmocka_set_test_filter(only);
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
