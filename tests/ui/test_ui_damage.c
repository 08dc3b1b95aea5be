/* Partial frames (app->partial, as the window draws): after every input a frame paints
 * only the boxes where its list of primitives differs from the one on screen. This
 * test plays the desk with the pointer, the keyboard and the telegram form, and after
 * each frame paints the whole window again and compares: the partial frame must have
 * left exactly the pixels a whole frame draws. It also checks that the partial frames
 * are partial: a key typed in the telegram form repaints a small part of the window,
 * and a pointer move that changes nothing on screen paints nothing. Software renderer
 * on a surface, no display. On a difference, the two frames go to
 * build/tests/ui/damage/ as PNGs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "png.h"
#include "support.h"
#include "ui/app.h"

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    uint8_t *shot;
    app a;
    int checked, partial_px_max;
} canvas;

static void open_canvas(canvas *c, int w, int h) {
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(c->surf);
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    assert_non_null(c->ren);
    c->shot = malloc((size_t)c->surf->pitch * (size_t)h);
    assert_non_null(c->shot);
    char assets[4096];
    assert_int_equal(ui_find_assets(assets, sizeof assets, NULL, 0), 0);
    assert_int_equal(app_init(&c->a, NULL, c->ren, assets), 0);
    c->a.frugal = 1;  /* as the window: the backdrop under an overlay is cached */
    c->a.partial = 1; /* and frames are partial */
    c->a.full_damage = 1;
}

static void close_canvas(canvas *c) {
    app_free(&c->a);
    SDL_DestroyRenderer(c->ren);
    SDL_FreeSurface(c->surf);
    free(c->shot);
}

static void start(app *a, const char *dir) {
    a->n_scen = 1;
    snprintf(a->scen[0], sizeof a->scen[0], "%s", dir);
    a->scen_idx = 0;
    newgame_load(a);
    if (!a->cfg)
        fail_msg("%s", a->cfg_error);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    niact_host *h = a->cfg;
    a->cfg = NULL;
    assert_int_equal(play_start(a, h, seats, 7), 0);
    play_mark_read(a);
    a->scr = SCR_DESK;
}

static void save(const canvas *c, const char *name) {
#ifdef NIACT_UI_ARTEFACTS
    mkdir(NIACT_UI_ARTEFACTS, 0755);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s.png", NIACT_UI_ARTEFACTS, name);
    png_write_surface(path, c->surf);
#else
    (void)c, (void)name;
#endif
}

/* Presents a frame (partial), keeps its pixels, paints the whole window again and
 * compares. Returns the pixels the partial frame painted. */
static long check(canvas *c, const char *what) {
    app_frame(&c->a, 1);
    long px = c->a.last_px;
    size_t n = (size_t)c->surf->pitch * (size_t)c->surf->h;
    memcpy(c->shot, c->surf->pixels, n);
    c->a.full_damage = 1;
    app_frame(&c->a, 1);
    assert_int_equal(c->a.last_px, (long)c->surf->w * c->surf->h);
    if (memcmp(c->shot, c->surf->pixels, n) != 0) {
        int fx = -1, fy = -1, count = 0;
        for (int y = 0; y < c->surf->h; y++)
            for (int x = 0; x < c->surf->w; x++) {
                size_t at = (size_t)y * (size_t)c->surf->pitch + (size_t)x * 4;
                if (memcmp(c->shot + at, (uint8_t *)c->surf->pixels + at, 4) != 0) {
                    if (fx < 0)
                        fx = x, fy = y;
                    count++;
                }
            }
        save(c, "whole");
        memcpy(c->surf->pixels, c->shot, n);
        save(c, "partial");
        fail_msg("after %s: the partial frame left %d pixels unlike a whole frame's, the "
                 "first at %d,%d (damage/partial.png, damage/whole.png)",
                 what, count, fx, fy);
    }
    c->checked++;
    return px;
}

static void motion(canvas *c, int x, int y) {
    SDL_Event ev = {0};
    ev.type = SDL_MOUSEMOTION;
    ev.motion.x = x;
    ev.motion.y = y;
    app_event(&c->a, &ev);
}

static void key(canvas *c, SDL_Keycode sym) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    app_event(&c->a, &ev);
    if (sym >= 32 && sym < 127) { /* SDL follows a printable key with its text */
        SDL_Event t = {0};
        t.type = SDL_TEXTINPUT;
        t.text.text[0] = (char)sym;
        app_event(&c->a, &t);
    }
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    app_event(&c->a, &ev);
}

static void type(canvas *c, const char *text) {
    SDL_Event ev = {0};
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    app_event(&c->a, &ev);
}

static void click(canvas *c, int x, int y) {
    SDL_Event ev = {0};
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = x, ev.button.y = y;
    app_event(&c->a, &ev);
    ev.type = SDL_MOUSEBUTTONUP;
    app_event(&c->a, &ev);
}

/* The desk played with the pointer and the keyboard, every frame checked. */
static void desk_at(int w, int h, int preset) {
    canvas c;
    open_canvas(&c, w, h);
    ui_set_preset(&c.a.ui, preset);
    start(&c.a, NIACT_SCRIPTS_DIR "/scenarios/november1962");
    long whole = (long)w * h;
    assert_int_equal(check(&c, "the first frame"), whole);
    /* Nothing changed: nothing is painted. */
    assert_int_equal(check(&c, "a frame with no input"), 0);
    /* The pointer across the desk, row by row: each move repaints at most what its
     * hover changed. */
    char what[96];
    for (int y = h / 20; y < h; y += h / 9)
        for (int x = w / 30; x < w; x += w / 13) {
            motion(&c, x, y);
            snprintf(what, sizeof what, "the pointer moved to %d,%d", x, y);
            check(&c, what);
        }
    motion(&c, -1, -1);
    /* The keyboard: the focus through the widgets and down the lists. */
    static const SDL_Keycode keys[] = {SDLK_TAB, SDLK_TAB, SDLK_TAB, SDLK_DOWN, SDLK_DOWN,
                                       SDLK_RIGHT, SDLK_TAB, SDLK_DOWN, SDLK_UP, SDLK_TAB,
                                       SDLK_n, SDLK_DOWN, SDLK_o, SDLK_i, SDLK_TAB};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        key(&c, keys[i]);
        snprintf(what, sizeof what, "key %zu (%s)", i, SDL_GetKeyName(keys[i]));
        check(&c, what);
    }
    /* The telegram form: typing repaints its line and its count, a small part. */
    key(&c, SDLK_t);
    check(&c, "T (the telegram form opens)");
    const char *msg = "Moscow: we propose counting at sea.";
    for (const char *p = msg; *p; p++) {
        char one[2] = {*p, 0};
        type(&c, one);
        snprintf(what, sizeof what, "'%c' typed in the telegram form", *p);
        long px = check(&c, what);
        assert_true(px > 0);
        if (px > whole / 20)
            fail_msg("%s repainted %ld of %ld pixels (more than 5 %%)", what, px, whole);
    }
    key(&c, SDLK_BACKSPACE);
    check(&c, "Backspace in the telegram form");
    key(&c, SDLK_ESCAPE);
    check(&c, "Escape (the form closes)");
    /* A click on an action card, then the proposal sheet and back. */
    click(&c, w * 5 / 6, h / 3);
    check(&c, "a click on the actions");
    key(&c, SDLK_p);
    check(&c, "P (the proposal sheet)");
    key(&c, SDLK_TAB);
    check(&c, "Tab in the proposal sheet");
    key(&c, SDLK_ESCAPE);
    check(&c, "Escape (the sheet closes)");
    key(&c, SDLK_e);
    check(&c, "E (end the turn asks)");
    key(&c, SDLK_ESCAPE);
    check(&c, "Escape (back to the desk)");
    /* The UI scale and the preset changed in the settings: the type changes size. */
    app_set_scale(&c.a, 1.25f);
    assert_int_equal(check(&c, "the scale set to 125 %"), whole);
    ui_set_preset(&c.a.ui, !preset);
    check(&c, "the other preset");
    ui_set_preset(&c.a.ui, preset);
    app_set_scale(&c.a, 1.0f);
    check(&c, "the scale back to 100 %");
    /* A pointer move inside one widget changes nothing: no pixel is painted. */
    motion(&c, w / 2, h / 2);
    check(&c, "the pointer to the middle");
    motion(&c, w / 2 + 1, h / 2);
    assert_int_equal(check(&c, "the pointer one pixel on"), 0);
    /* The briefing, the title and the new game screen, under the pointer. */
    static const ui_screen screens[] = {SCR_BRIEF, SCR_TITLE, SCR_NEWGAME};
    for (size_t k = 0; k < sizeof screens / sizeof screens[0]; k++) {
        c.a.scr = screens[k];
        snprintf(what, sizeof what, "screen %d shown", (int)screens[k]);
        check(&c, what);
        for (int i = 0; i < 24; i++) {
            motion(&c, (i * 211) % w, (i * 97) % h);
            snprintf(what, sizeof what, "screen %d, the pointer at %d,%d", (int)screens[k],
                     (i * 211) % w, (i * 97) % h);
            check(&c, what);
        }
        key(&c, SDLK_TAB);
        check(&c, "Tab");
    }
    assert_true(c.checked > 100);
    close_canvas(&c);
}

static void test_desk_paper_1280(void **state) {
    (void)state;
    desk_at(1280, 720, UI_PRESET_PAPER);
}

static void test_desk_projector_1920(void **state) {
    (void)state;
    desk_at(1920, 1080, UI_PRESET_PROJECTOR);
}

/* A control within a region takes the click, not the region drawn under it: the telegram
 * form's text field, longer than the field, scrolls with its own arrows (the field took
 * their clicks before). Checked in partial frames, as everything in this file. */
static void test_field_arrows_take_clicks(void **state) {
    (void)state;
    canvas c;
    open_canvas(&c, 1280, 720);
    start(&c.a, NIACT_SCRIPTS_DIR "/scenarios/november1962");
    check(&c, "the desk");
    key(&c, SDLK_t);
    check(&c, "the telegram form");
    for (int i = 0; i < 80; i++) { /* 30 bytes an event (SDL's text events hold 31) */
        type(&c, "A line typed to fill the form ");
        check(&c, "a long text typed");
    }
    int before = c.a.nego.scroll_text;
    assert_true(before > 0); /* the end of the text is in view: the field has scrolled */
    uint32_t up = 0;
    SDL_Rect r = {0, 0, 0, 0};
    for (int i = 0; i < c.a.ui.n_last; i++) {
        SDL_Rect q = c.a.ui.last[i].r;
        /* the list's up arrow: a small square button at the field's top right */
        if (q.w > 0 && q.w < 60 && q.h < 60 && q.x > 900 && q.y < 300 && q.y > 100 && !up)
            up = c.a.ui.last[i].id, r = q;
    }
    assert_true(up != 0);
    click(&c, r.x + r.w / 2, r.y + r.h / 2);
    check(&c, "a click on the field's up arrow");
    assert_true(c.a.nego.scroll_text < before);
    close_canvas(&c);
}

/* The damage of two lists: only where they differ, never overlapping boxes. */
static void test_damage_boxes(void **state) {
    (void)state;
    ui_dl a = {0}, b = {0};
    ui u;
    memset(&u, 0, sizeof u);
    u.w = 1000, u.h = 800;
    u.paint = UI_PAINT_NONE;
    /* a: a background and three boxes; b: the same with the second box recoloured and
     * a fourth inserted after the first. */
    SDL_Rect bg = {0, 0, 1000, 800}, r1 = {10, 10, 50, 20}, r2 = {500, 400, 60, 30},
             r3 = {900, 700, 40, 40}, r4 = {200, 10, 30, 30};
    u.dl = &a;
    ui_emit(&u, bg, 1), ui_emit(&u, r1, 2), ui_emit(&u, r2, 3), ui_emit(&u, r3, 4);
    u.dl = &b;
    ui_emit(&u, bg, 1), ui_emit(&u, r1, 2), ui_emit(&u, r4, 9), ui_emit(&u, r2, 5),
        ui_emit(&u, r3, 4);
    SDL_Rect d[UI_MAX_DAMAGE];
    assert_int_equal(ui_dl_damage(&a, &a, u.w, u.h, d), 0);
    int n = ui_dl_damage(&a, &b, u.w, u.h, d);
    assert_int_equal(n, 2);
    int saw2 = 0, saw4 = 0;
    for (int k = 0; k < n; k++) {
        saw2 |= d[k].x == r2.x && d[k].y == r2.y && d[k].w == r2.w && d[k].h == r2.h;
        saw4 |= d[k].x == r4.x && d[k].y == r4.y && d[k].w == r4.w && d[k].h == r4.h;
    }
    assert_true(saw2 && saw4);
    /* Many scattered changes: at most UI_MAX_DAMAGE boxes, none overlapping, covering
     * every change. */
    ui_dl e = {0}, f = {0};
    SDL_Rect ch[40];
    for (int i = 0; i < 40; i++) {
        ch[i] = (SDL_Rect){(i * 137) % 950, (i * 71) % 760, 20 + i % 7, 15 + i % 5};
        u.dl = &e;
        ui_emit(&u, ch[i], (uint64_t)i);
        u.dl = &f;
        ui_emit(&u, ch[i], (uint64_t)i + 1000);
    }
    n = ui_dl_damage(&e, &f, u.w, u.h, d);
    assert_true(n >= 1 && n <= UI_MAX_DAMAGE);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            assert_false(SDL_HasIntersection(&d[i], &d[j]));
    for (int i = 0; i < 40; i++) {
        int covered = 0;
        for (int k = 0; k < n && !covered; k++) {
            SDL_Rect o;
            covered = SDL_IntersectRect(&ch[i], &d[k], &o) && o.w == ch[i].w && o.h == ch[i].h;
        }
        assert_true(covered);
    }
    ui_dl_free(&a), ui_dl_free(&b), ui_dl_free(&e), ui_dl_free(&f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_damage_boxes),
        cmocka_unit_test(test_field_arrows_take_clicks),
        cmocka_unit_test(test_desk_paper_1280),
        cmocka_unit_test(test_desk_projector_1920),
    };
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return 1;
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
