/* The game window: entry points (niact, niact play), the window, and an event-driven
 * loop that sleeps in SDL_WaitEvent and draws a frame only when an event needs one. */
#include "app.h"
#include "niact/hash.h"
#include "niact/paths.h"

#include "niact/record.h"
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int niact_ui_main(int argc, char **argv);
int niact_ui_play(int argc, char **argv);

int ui_find_assets(char *out, size_t len, char *msg, size_t msglen) {
    char data[NIACT_PATH_MAX];
    if (niact_path_bundled(data, sizeof data, msg, msglen) != 0)
        return -1;
    if ((size_t)snprintf(out, len, "%s/assets", data) >= len) {
        snprintf(msg, msglen, "the assets folder's path is too long");
        return -1;
    }
    if (niact_path_trusted(out, msg, msglen) != 0)
        return -1;
    struct stat st;
    char probe[NIACT_PATH_MAX + 64];
    snprintf(probe, sizeof probe, "%s/fonts/Inter-Regular.otf", out);
    if (stat(probe, &st) != 0) {
        snprintf(msg, msglen, "%s is missing (the fonts are part of the game's data)", probe);
        return -1;
    }
    return 0;
}

int app_init(app *a, SDL_Window *win, SDL_Renderer *ren, const char *assets) {
    memset(a, 0, sizeof *a);
    a->play.role = -1;
    a->nego.role = -1;
    if (ui_init(&a->ui, win, ren, assets) != 0)
        return -1;
    a->seed = (uint64_t)time(NULL) % 1000000u;
    return 0;
}

void app_free(app *a) {
    play_stop(a);
    niact_host_free(a->cfg);
    a->cfg = NULL;
    map_cache_free(a);
    if (a->backdrop)
        SDL_DestroyTexture(a->backdrop);
    a->backdrop = NULL;
    niact_host_free(a->title_host);
    a->title_host = NULL;
    ui_dl_free(&a->dl_shown);
    ui_dl_free(&a->dl_next);
    ui_dl_free(&a->dl_check);
    ui_free(&a->ui);
}

void app_save_settings(app *a) {
    if (!a->settings_path[0])
        return;
    if (a->ui.win && !a->fullscreen) {
        int w = 0, h = 0;
        SDL_GetWindowSize(a->ui.win, &w, &h);
        if (w >= 640 && h >= 400 && w <= 16384 && h <= 16384)
            a->win_w = w, a->win_h = h;
    }
    ui_settings s = {a->ui.scale, a->ui.preset, a->win_w ? a->win_w : 1280,
                     a->win_h ? a->win_h : 720, a->fullscreen};
    char msg[4400];
    if (ui_settings_save(a->settings_path, &s, msg, sizeof msg) != 0)
        fprintf(stderr, "niact: the settings were not remembered: %s\n", msg);
}

void app_set_scale(app *a, float scale) {
    ui_set_scale(&a->ui, scale);
    app_save_settings(a);
}

void app_set_preset(app *a, int preset) {
    ui_set_preset(&a->ui, preset);
    app_save_settings(a);
}

void app_set_fullscreen(app *a, int on) {
    if (!a->ui.win)
        return;
    if (on && !a->fullscreen)
        app_save_settings(a); /* the windowed size, before it is the desktop's */
    a->fullscreen = on;
    SDL_SetWindowFullscreen(a->ui.win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    ui_resize(&a->ui);
    app_save_settings(a);
}

/* Keys that work on every screen: F11 full screen, Ctrl +/- the UI scale. */
static void global_keys(app *a) {
    ui *u = &a->ui;
    if (ui_key(u, SDLK_F11))
        app_set_fullscreen(a, !a->fullscreen);
    if (ui_key(u, SDLK_F1) && a->ov != OV_HELP && a->scr != SCR_RESOLVING) {
        a->load_back = a->ov;
        a->back_focus = u->focus;
        a->ov = OV_HELP;
        u->focus = 0;
    }
    if (u->kmod & KMOD_CTRL) {
        if (ui_key(u, SDLK_EQUALS) || ui_key(u, SDLK_PLUS) || ui_key(u, SDLK_KP_PLUS))
            app_set_scale(a, u->scale + 0.125f);
        if (ui_key(u, SDLK_MINUS) || ui_key(u, SDLK_KP_MINUS))
            app_set_scale(a, u->scale - 0.125f);
        if (ui_key(u, SDLK_0))
            app_set_scale(a, 1.0f);
    }
}

void app_open_pause(app *a) {
    a->back_focus = a->ui.focus;
    a->ov = OV_PAUSE;
    a->ui.focus = 0;
}

static void draw_screen(app *a) {
    switch (a->scr) {
    case SCR_TITLE: scr_title(a); break;
    case SCR_NEWGAME: scr_newgame(a); break;
    case SCR_HANDOVER: scr_handover(a); break;
    case SCR_BRIEF: scr_brief(a); break;
    case SCR_DESK: scr_desk(a); break;
    case SCR_END: scr_end(a); break;
    case SCR_RESOLVING: scr_resolving(a); break;
    case SCR_MODERATOR: scr_moderator(a); break;
    case SCR_PROJECTOR: scr_projector(a); break;
    default: a->scr = SCR_TITLE; break;
    }
}

static void draw_overlay(app *a) {
    if (a->ov == OV_PAUSE)
        ov_pause(a);
    else if (a->ov == OV_LOAD)
        ov_load(a);
    else if (a->ov == OV_HELP)
        ov_help(a);
    else if (a->ov == OV_PROPOSE)
        ov_propose(a);
    else if (a->ov == OV_TELEGRAM)
        ov_telegram(a);
    else if (a->ov == OV_AGREEMENTS)
        ov_agreements(a);
    else if (a->ov == OV_ENDTURN)
        ov_endturn(a);
    else
        ov_settings(a);
}

/* The screen under an overlay, drawn inert and dimmed. In the window (a->frugal) it is
 * drawn once into a texture and copied while nothing it shows can have changed: the
 * same overlay over the same screen at the same size, scale and preset, and no input
 * or news since that may change the game (a->gen; typing and moving the focus do not). */
static void draw_under(app *a) {
    ui *u = &a->ui;
    int valid = a->backdrop && a->bd_w == u->w && a->bd_h == u->h && a->bd_ov == (int)a->ov &&
                a->bd_scr == (int)a->scr && a->bd_scale == u->scale &&
                a->bd_preset == u->preset && a->bd_gen == a->gen;
    if (valid) {
        ui_copy(u, a->backdrop, NULL, (SDL_Rect){0, 0, u->w, u->h}, a->bd_serial);
        return;
    }
    SDL_Texture *t = NULL, *back = SDL_GetRenderTarget(u->ren);
    SDL_Rect clip = u->clip;
    /* Into the texture every primitive is drawn, and none is listed: the screen's list
     * holds the texture's one copy. */
    int paint = u->paint;
    ui_dl *dl = u->dl;
    u->clip = (SDL_Rect){0, 0, 0, 0};
    if (a->frugal && SDL_RenderTargetSupported(u->ren)) {
        if (a->backdrop && (a->bd_w != u->w || a->bd_h != u->h)) {
            SDL_DestroyTexture(a->backdrop);
            a->backdrop = NULL;
        }
        if (!a->backdrop)
            a->backdrop = SDL_CreateTexture(u->ren, SDL_PIXELFORMAT_ARGB8888,
                                            SDL_TEXTUREACCESS_TARGET, u->w, u->h);
        if (a->backdrop)
            SDL_SetTextureBlendMode(a->backdrop, SDL_BLENDMODE_NONE);
        t = a->backdrop;
        if (t && SDL_SetRenderTarget(u->ren, t) != 0)
            t = NULL;
        u->clip_known = 0;
    }
    if (t)
        u->paint = UI_PAINT_ALL, u->dl = NULL;
    ui_apply_clip(u);
    ui_clear(u, COL_PAPER);
    u->inert = 1;
    draw_screen(a);
    u->inert = 0;
    ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, COL_DIM);
    if (t) {
        u->clip = (SDL_Rect){0, 0, 0, 0};
        ui_apply_clip(u);
        SDL_SetRenderTarget(u->ren, back);
        u->clip_known = 0;
        u->paint = paint, u->dl = dl;
        a->bd_w = u->w, a->bd_h = u->h, a->bd_ov = (int)a->ov, a->bd_scr = (int)a->scr;
        a->bd_scale = u->scale, a->bd_preset = u->preset, a->bd_gen = a->gen;
        a->bd_serial++;
        ui_apply_clip(u);
        ui_copy(u, t, NULL, (SDL_Rect){0, 0, u->w, u->h}, a->bd_serial);
    }
    u->clip = clip;
    ui_apply_clip(u);
}

/* One pass of a frame: the screen (dimmed under an overlay) and the overlay. */
static void frame_once(app *a) {
    ui *u = &a->ui;
    ui_begin(u);
    ui_clear(u, COL_PAPER);
    global_keys(a);
    if (a->ov != OV_NONE) {
        draw_under(a);
        draw_overlay(a);
    } else {
        draw_screen(a);
    }
    ui_end(u);
}

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void after_present(app *a) {
    /* The hand-over is on screen from now: only keys pressed from now count there. */
    if (a->scr == SCR_HANDOVER && a->ov == OV_NONE) {
        if (!a->handover_shown)
            a->handover_shown = SDL_GetTicks() ? SDL_GetTicks() : 1;
    } else {
        a->handover_shown = 0;
    }
}

static void present(app *a) {
    double c0 = a->timing ? cpu_ms() : 0;
    SDL_RenderPresent(a->ui.ren);
    if (a->timing) {
        a->cpu_present_ms += cpu_ms() - c0;
        a->n_presented++;
        a->px_damaged += (double)a->ui.w * a->ui.h;
    }
    after_present(a);
}

/* Runs frame passes until no list scrolled to follow the focus while it was drawn (its
 * input used by the first), so the focused row shows in the frame that is presented,
 * not one key press later. */
static void frame_settled(app *a) {
    ui *u = &a->ui;
    for (int pass = 0; pass < 3; pass++) {
        u->relayout = 0;
        frame_once(a);
        if (!u->relayout)
            break;
        ui_clear_input(u);
    }
}

/* A partial frame: list what the frame draws (painting nothing), match it against the
 * list on screen, paint only the region where they differ and hand only that region to
 * the window. The painting pass lists again: if it drew anything else than the listing
 * pass (a frame that reads the clock), the whole window is painted, so what is on
 * screen is always what a whole frame would draw. */
static void frame_partial(app *a) {
    ui *u = &a->ui;
    SDL_Rect all = {0, 0, u->w, u->h}, dmg[UI_MAX_DAMAGE];
    u->paint = UI_PAINT_NONE;
    u->dl = &a->dl_next;
    frame_settled(a);
    ui_clear_input(u);
    /* The type, the preset and the size: a text's listing names its size by step, not
     * by pixels, so when these change the whole window is painted. */
    uint64_t look = niact_hash_bytes(NIACT_HASH_INIT, u->font_px, sizeof u->font_px);
    look = niact_hash_u64(look, (uint64_t)u->preset << 48 ^ (uint64_t)u->w << 24 ^ (uint64_t)u->h);
    float sc = u->scale;
    look = niact_hash_bytes(look, &sc, sizeof sc);
    if (look != a->look)
        a->full_damage = 1, a->look = look;
    int n;
    if (a->full_damage || a->dl_next.lost || a->dl_shown.lost)
        dmg[0] = all, n = 1;
    else
        n = ui_dl_damage(&a->dl_shown, &a->dl_next, u->w, u->h, dmg);
    if (n == 0) {
        u->paint = UI_PAINT_ALL, u->dl = NULL;
        a->n_skipped++;
        a->last_px = 0;
        after_present(a); /* what is on screen is this frame */
        return;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        u->paint = UI_PAINT_DAMAGE;
        memcpy(u->dmg, dmg, (size_t)n * sizeof *dmg);
        u->n_dmg = n;
        u->dl = &a->dl_check;
        frame_once(a); /* ui_begin starts the list */
        if (ui_dl_equal(&a->dl_check, &a->dl_next) || (n == 1 && dmg[0].w == all.w &&
                                                         dmg[0].h == all.h))
            break;
        ui_dl tmp = a->dl_next; /* the painting drew something else: paint it all */
        a->dl_next = a->dl_check, a->dl_check = tmp;
        dmg[0] = all, n = 1;
    }
    ui_dl tmp = a->dl_shown;
    a->dl_shown = a->dl_check, a->dl_check = tmp;
    u->paint = UI_PAINT_ALL, u->dl = NULL, u->n_dmg = 0;
    u->clip = (SDL_Rect){0, 0, 0, 0};
    ui_apply_clip(u);
    a->full_damage = 0;
    double px = 0;
    for (int k = 0; k < n; k++) {
        px += (double)dmg[k].w * dmg[k].h;
        if (a->timing > 1)
            fprintf(stderr, "niact: damage %d/%d: %dx%d at %d,%d (%d items listed)\n", k + 1, n,
                    dmg[k].w, dmg[k].h, dmg[k].x, dmg[k].y, a->dl_shown.n);
    }
    a->last_px = (long)px;
    double c0 = a->timing ? cpu_ms() : 0;
    SDL_RenderFlush(u->ren);
    if (u->win)
        SDL_UpdateWindowSurfaceRects(u->win, dmg, n);
    if (a->timing) {
        a->cpu_present_ms += cpu_ms() - c0;
        a->n_presented++;
        a->px_damaged += px;
    }
    after_present(a);
}

void app_frame(app *a, int present_it) {
    ui *u = &a->ui;
    double c0 = a->timing ? cpu_ms() : 0;
    if (a->partial && present_it) {
        frame_partial(a);
    } else {
        if (a->partial) /* a frame for its input only: nothing is painted */
            u->paint = UI_PAINT_NONE, u->dl = NULL;
        frame_settled(a);
        u->paint = UI_PAINT_ALL;
        if (a->partial) { /* what it did not paint must not stay clipped */
            u->clip = (SDL_Rect){0, 0, 0, 0};
            ui_apply_clip(u);
        }
    }
    if (a->timing) {
        double d = cpu_ms() - c0;
        a->cpu_frames_ms += d;
        a->cpu_max_ms = d > a->cpu_max_ms ? d : a->cpu_max_ms;
        a->n_frames++;
    }
    if (present_it && !a->partial)
        present(a);
}

/* Input that cannot change what the screen under an overlay shows: typed text, the
 * keys that edit it, and the focus moving (Tab, arrows). */
static int input_is_local(const ui *u) {
    if (u->click || u->activate || u->wheel)
        return 0;
    if (!u->key)
        return 1;
    if (u->kmod & (KMOD_CTRL | KMOD_ALT))
        return u->key == SDLK_v; /* paste */
    switch (u->key) {
    case SDLK_BACKSPACE: case SDLK_DELETE: case SDLK_HOME: case SDLK_END:
    case SDLK_TAB: case SDLK_UP: case SDLK_DOWN: case SDLK_LEFT: case SDLK_RIGHT:
        return 1;
    default:
        return 0;
    }
}

int app_event(app *a, const SDL_Event *ev) {
    if (ev->type == SDL_QUIT) {
        a->quit = 1;
        return 0;
    }
    if (a->work_event && ev->type == a->work_event) {
        a->gen++;
        play_work_done(a);
        return 1;
    }
    int need = ui_feed(&a->ui, ev);
    ui *u = &a->ui;
    if (u->click || u->key || u->activate || u->wheel || u->text_in[0]) {
        if (!input_is_local(u))
            a->gen++;
        app_frame(a, 0); /* let the frame react to this input before the next arrives */
        ui_clear_input(u);
        need = 1;
    } else if (need && ev->type == SDL_WINDOWEVENT) {
        a->gen++;
        if (ev->window.event != SDL_WINDOWEVENT_LEAVE)
            a->full_damage = 1; /* exposed or resized: the window's pixels are not kept */
    }
    return need;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void run_loop(app *a, double t0) {
    app_frame(a, 1);
    if (a->timing)
        fprintf(stderr, "niact: first frame after %.1f ms\n", now_ms() - t0);
    a->cpu_frames_ms = a->cpu_max_ms = a->cpu_present_ms = 0;
    a->n_frames = a->n_presented = a->n_skipped = 0;
    a->px_damaged = 0;
    while (!a->quit) {
        SDL_Event ev;
        int need = 0, k;
        if (a->pump) { /* a remote seat: hear the host between events */
            if (SDL_WaitEventTimeout(&ev, 30))
                need = app_event(a, &ev);
            if ((k = a->pump(a)) != 0)
                need = 1, a->gen++;
        } else if (a->room) { /* niact host: the host's loop runs between frames, never
                                 waiting */
            int got = SDL_WaitEventTimeout(&ev, 20);
            if ((k = room_pass(a)) != 0)
                need = 1, a->gen++;
            if (got)
                need |= app_event(a, &ev);
        } else if (!SDL_WaitEvent(&ev))
            break;
        else
            need = app_event(a, &ev);
        while (!a->quit && SDL_PollEvent(&ev))
            need |= app_event(a, &ev);
        if (need && !a->quit)
            app_frame(a, 1);
    }
    if (a->timing)
        fprintf(stderr,
                "niact: after the first frame, %ld frames drawn in %.1f ms of CPU (%.2f ms "
                "each, the longest %.1f ms), %ld presented in %.1f ms (%.2f ms each)\n",
                a->n_frames, a->cpu_frames_ms,
                a->n_frames ? a->cpu_frames_ms / (double)a->n_frames : 0.0, a->cpu_max_ms,
                a->n_presented, a->cpu_present_ms,
                a->n_presented ? a->cpu_present_ms / (double)a->n_presented : 0.0);
    if (a->timing)
        fprintf(stderr,
                "niact: %ld frames changed nothing on screen; %.1f %% of the window's pixels "
                "painted and handed over per frame presented\n",
                a->n_skipped,
                a->n_presented ? 100.0 * a->px_damaged / a->n_presented /
                                     ((double)a->ui.w * a->ui.h > 0 ? (double)a->ui.w * a->ui.h : 1)
                               : 0.0);
}

typedef struct win_opts {
    int w, h;
    float scale;
    int fullscreen;
    int preset;
    int given;       /* what the command line gave (it wins over the settings file) */
} win_opts;
enum { GIVEN_SCALE = 1, GIVEN_SIZE = 2, GIVEN_FULL = 4, GIVEN_PRESET = 8 };

static int has_display(void) {
    const char *d = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    const char *drv = getenv("SDL_VIDEODRIVER");
    return (d && *d) || (wl && *wl) || (drv && *drv);
}

static int no_window(const char *why) {
    fprintf(stderr,
            "niact: cannot open the game window (%s).\n"
            "Play in the terminal instead:\n"
            "  niact play --text\n",
            why);
    return 1;
}

/* A resizable, HiDPI-aware window and a renderer. Where the window's pixels are its
 * points (no HiDPI scaling), the software renderer draws into the window's own surface,
 * so a frame can paint and hand over only the region that changed (app->partial): a
 * key typed costs its text field, not the window. With HiDPI, or when SDL_RENDER_DRIVER
 * names a renderer, the accelerated renderer draws whole frames. */
static int open_window(const win_opts *o, SDL_Window **win, SDL_Renderer **ren) {
    uint32_t flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                     (o->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    *win = SDL_CreateWindow("Niact", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->w, o->h,
                            flags);
    *ren = NULL;
    if (*win) {
        int pw = 0, ph = 0, ww = 0, wh = 0;
        const char *drv = getenv("SDL_RENDER_DRIVER");
        SDL_GetWindowSizeInPixels(*win, &pw, &ph);
        SDL_GetWindowSize(*win, &ww, &wh);
        if ((!drv || !*drv) && pw == ww && ph == wh) {
            /* The window's own pixels, not SDL's emulation of them with a texture on
             * the GPU renderer (which hands the whole window over every time). */
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
            *ren = SDL_CreateRenderer(*win, -1, SDL_RENDERER_SOFTWARE);
        }
        if (!*ren)
            *ren = SDL_CreateRenderer(*win, -1, 0);
        if (!*ren)
            *ren = SDL_CreateRenderer(*win, -1, SDL_RENDERER_SOFTWARE);
        SDL_SetWindowMinimumSize(*win, 640, 400);
    }
    return *ren ? 0 : -1;
}

/* Whether ren draws into win's own surface (SDL's software renderer for a window). */
static int draws_into_window(SDL_Window *win, SDL_Renderer *ren) {
    SDL_RendererInfo info;
    return win && ren && SDL_GetRendererInfo(ren, &info) == 0 &&
           (info.flags & SDL_RENDERER_SOFTWARE) && info.name && !strcmp(info.name, "software");
}

/* Sets the app up in the window, lets start() open its screen, runs the loop. */
static int run_app(app *a, const win_opts *o, SDL_Window *win, SDL_Renderer *ren,
                   const char *assets, int (*start)(app *, void *), void *ctx, double t0) {
    if (app_init(a, win, ren, assets) != 0) {
        fprintf(stderr, "niact: %s\n", SDL_GetError());
        app_free(a);
        return 1;
    }
    a->fullscreen = o->fullscreen;
    a->win_w = o->w, a->win_h = o->h;
    if (ui_settings_path(a->settings_path, sizeof a->settings_path) != 0)
        a->settings_path[0] = 0; /* no HOME: nothing is remembered */
    a->work_event = SDL_RegisterEvents(1) + 0u; /* (Uint32)-1 if none is left */
    a->work_event = a->work_event == (uint32_t)-1 ? 0 : a->work_event;
    ui_set_scale(&a->ui, o->scale);
    ui_set_preset(&a->ui, o->preset);
    a->frugal = 1;
    a->partial = draws_into_window(win, ren);
    a->full_damage = 1;
    a->timing = getenv("NIACT_UI_TIMING") ? 1 + (strcmp(getenv("NIACT_UI_TIMING"), "2") == 0) : 0;
    if (a->timing)
        fprintf(stderr, "niact: %s frames\n", a->partial ? "partial" : "whole");
    int rc = 0;
    if (start && start(a, ctx) != 0) {
        rc = 1;
    } else {
        run_loop(a, t0);
        app_save_settings(a); /* the window's size as it was left */
    }
    app_free(a);
    return rc;
}

/* Opens the window and runs the app; start (if not NULL) is called before the first
 * frame to set up the screen. Returns the exit code. */
/* The remembered settings under what the command line gave. A bad file is named on
 * stderr and its defaults used. */
static void apply_settings(win_opts *o) {
    char path[4096], msg[2400];
    ui_settings s;
    if (ui_settings_path(path, sizeof path) != 0)
        return;
    if (ui_settings_load(path, &s, msg, sizeof msg) != 0)
        fprintf(stderr, "niact: settings: %s\n", msg);
    if (!(o->given & GIVEN_SCALE))
        o->scale = s.scale;
    if (!(o->given & GIVEN_SIZE))
        o->w = s.w, o->h = s.h;
    if (!(o->given & GIVEN_FULL))
        o->fullscreen = s.fullscreen;
    if (!(o->given & GIVEN_PRESET))
        o->preset = s.preset;
}

static int run_window(const win_opts *given, int (*start)(app *, void *), void *ctx) {
    double t0 = now_ms();
    if (!has_display())
        return no_window("no display: DISPLAY and WAYLAND_DISPLAY are not set");
    win_opts opts = *given, *o = &opts;
    apply_settings(o);
    char assets[4096], amsg[NIACT_PATH_MAX + 256];
    if (ui_find_assets(assets, sizeof assets, amsg, sizeof amsg) != 0) {
        fprintf(stderr, "niact: cannot find the assets (fonts, map): %s\n", amsg);
        return 1;
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return no_window(SDL_GetError());
    SDL_Window *win = NULL;
    SDL_Renderer *ren = NULL;
    app *a = calloc(1, sizeof *a);
    int rc;
    if (!a || open_window(o, &win, &ren) != 0)
        rc = no_window(a ? SDL_GetError() : "out of memory");
    else
        rc = run_app(a, o, win, ren, assets, start, ctx, t0);
    free(a);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return rc;
}

/* Window options shared by both entry points; returns 1 if argv[*i] was one. */
static int window_option(win_opts *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    int more = *i + 1 < argc;
    if (!strcmp(a, "--fullscreen")) {
        o->fullscreen = 1;
        o->given |= GIVEN_FULL;
        return 1;
    }
    if (!strcmp(a, "--preset") && more) {
        o->preset = ui_preset_parse(argv[++*i]);
        o->given |= GIVEN_PRESET;
        return o->preset < 0 ? -1 : 1;
    }
    if (!strcmp(a, "--scale") && more) {
        const char *v = argv[++*i];
        char *end;
        double x = strtod(v, &end);
        /* The whole word a number in range ("nan", "1.5x" and "" are not). */
        if (end == v || *end || !(x >= 0.75 && x <= 2.0))
            return -1;
        o->scale = (float)x;
        o->given |= GIVEN_SCALE;
        return 1;
    }
    if (!strcmp(a, "--size") && more) {
        char extra;
        if (sscanf(argv[++*i], "%dx%d%c", &o->w, &o->h, &extra) != 2 || o->w < 640 ||
            o->h < 400 || o->w > 16384 || o->h > 16384)
            return -1;
        o->given |= GIVEN_SIZE;
        return 1;
    }
    return 0;
}

int niact_ui_window(int argc, char **argv, const char *cmd, int (*start)(app *, void *),
                    void *ctx) {
    win_opts o = {1280, 720, 1.0f, 0, 0, 0};
    for (int i = 0; i < argc; i++) {
        if (window_option(&o, argc, argv, &i) == 1)
            continue;
        fprintf(stderr, "%s: unexpected '%s' (window options: --scale 0.75-2, --size WxH, "
                        "--fullscreen, --preset paper|projector)\n", cmd, argv[i]);
        return 2;
    }
    return run_window(&o, start, ctx);
}

typedef struct main_ctx {
    const char *scenario;
} main_ctx;

static int start_title(app *a, void *ctx) {
    main_ctx *m = ctx;
    if (m->scenario) { /* offered first, and chosen, on the new game screen */
        snprintf(a->want_scen, sizeof a->want_scen, "%s", m->scenario);
        snprintf(a->scen[0], sizeof a->scen[0], "%s", m->scenario);
        a->n_scen = 1;
        a->scen_info[0].origin = strchr(m->scenario, '/') ? 2 : 0;
    }
    a->scr = SCR_TITLE;
    return 0;
}

int niact_ui_display_ok(char *msg, size_t len) {
    if (has_display())
        return 0;
    snprintf(msg, len, "no display: DISPLAY and WAYLAND_DISPLAY are not set");
    return -1;
}

static int start_room(app *a, void *ctx) {
    room_open(a, ctx);
    return 0;
}

int niact_ui_window_args_ok(int argc, char **argv, char *msg, size_t len) {
    win_opts o = {1280, 720, 1.0f, 0, 0, 0};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (window_option(&o, argc, argv, &i) != 1) {
            snprintf(msg, len, "bad window option '%s%s%.40s' (--scale 0.75-2, --size WxH, "
                               "--preset paper|projector)", a, i > 0 && argv[i] != a ? " " : "",
                     i > 0 && argv[i] != a ? argv[i] : "");
            return -1;
        }
    }
    return 0;
}

int niact_ui_host(ui_room *room) {
    /* The host decides full screen; the remembered scale, preset and size apply. */
    win_opts o = {1280, 720, 1.0f, room->fullscreen, 0, GIVEN_FULL};
    for (int i = 0; i < room->n_win; i++)
        if (window_option(&o, room->n_win, room->win_args, &i) != 1) {
            fprintf(stderr, "niact host: bad window option '%s' (--scale 0.75-2, --size WxH, "
                            "--preset paper|projector)\n", room->win_args[i]);
            return 1;
        }
    return run_window(&o, start_room, room);
}

int niact_ui_main(int argc, char **argv) {
    win_opts o = {1280, 720, 1.0f, 0, 0, 0};
    main_ctx m = {NULL};
    for (int i = 1; i < argc; i++) {
        int k = window_option(&o, argc, argv, &i);
        if (k == 1)
            continue;
        if (k == 0 && !strcmp(argv[i], "--scenario") && i + 1 < argc) {
            m.scenario = argv[++i];
            continue;
        }
        fprintf(stderr,
                "niact: unexpected '%s'\nusage: niact [--scenario NAME|DIR] [--scale 0.75-2] "
                "[--size WxH] [--fullscreen] [--preset paper|projector]\n",
                argv[i]);
        return 2;
    }
    return run_window(&o, start_title, &m);
}

typedef struct play_ctx {
    const char *load;          /* --load FILE|NAME */
    const char *record;        /* --record FILE */
    int no_autosave;
    const char *scenario;
    const char *variant;       /* --variant ID, or NULL */
    const char *seat_args[32];
    int n_seats;
    uint64_t seed;
    int have_seed;
} play_ctx;

/* Loads the scenario and starts the game the command line describes. */
static int start_play(app *a, void *ctx) {
    play_ctx *c = ctx;
    char msg[8192];
    niact_host *h = NULL;
    if (c->record)
        snprintf(a->record_path, sizeof a->record_path, "%s", c->record);
    a->no_autosave = c->no_autosave;
    if (c->load) {
        if (saves_load(a, c->load) != 0) {
            fprintf(stderr, "niact play: %s\n", a->save_msg);
            return -1;
        }
        return 0;
    }
    char dir[NIACT_PATH_MAX];
    if (!c->scenario) { /* none asked for: the first bundled one (by name) */
        scenarios_scan(a);
        for (int i = 0; i < a->n_scen && !c->scenario; i++)
            if (a->scen_info[i].origin == 0)
                c->scenario = a->scen[i];
        if (!c->scenario) {
            fprintf(stderr, "niact play: no bundled scenario was found; give --scenario\n");
            return -1;
        }
    }
    niact_status st = niact_session_load(c->scenario, NULL, &h, dir, sizeof dir, msg, sizeof msg);
    if (st == NIACT_ERR_INVALID) {
        fprintf(stderr, "niact play: %s\n", msg);
        return -1;
    }
    fprintf(stderr, "niact: scenario %s from %s\n", c->scenario, dir);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact play: scenario '%s' could not be loaded:\n%s\n", c->scenario, msg);
        return -1;
    }
    if (c->variant && niact_host_set_variant(h, c->variant, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact play: --variant: %s\n", msg);
        niact_host_free(h);
        return -1;
    }
    const niact_scenario *sc = niact_host_scenario(h);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int i = 0; i < c->n_seats; i++) {
        const char *eq = strchr(c->seat_args[i], '=');
        char role[64];
        snprintf(role, sizeof role, "%.*s", eq ? (int)(eq - c->seat_args[i]) : 0,
                 c->seat_args[i]);
        int r = eq ? niact_scenario_role(sc, role) : -1;
        if (r < 0 || niact_seat_parse(eq + 1, &seats[r]) != 0) {
            fprintf(stderr, "niact play: bad --seat '%s' (ROLE=human|ai[:PERSONALITY])\n",
                    c->seat_args[i]);
            niact_host_free(h);
            return -1;
        }
    }
    if (c->scenario != a->scen[0]) {
        char given[4096];
        snprintf(given, sizeof given, "%s", c->scenario);
        snprintf(a->scen[0], sizeof a->scen[0], "%s", given);
        memset(&a->scen_info[0], 0, sizeof a->scen_info[0]); /* read again when offered */
        a->scen_info[0].origin = strchr(given, '/') ? 2 : 0;
    }
    a->n_scen = 1;
    memcpy(a->seats, seats, sizeof seats);
    a->seed = c->have_seed ? c->seed : (uint64_t)time(NULL) % 1000000u;
    if (play_start(a, h, seats, a->seed) != 0) {
        fprintf(stderr, "niact play: %s\n", a->note);
        return -1;
    }
    return 0;
}

int niact_ui_play(int argc, char **argv) {
    win_opts o = {1280, 720, 1.0f, 0, 0, 0};
    play_ctx c = {.scenario = NULL}; /* NULL: the first bundled scenario */
    for (int i = 1; i < argc; i++) {
        int k = window_option(&o, argc, argv, &i);
        if (k == 1)
            continue;
        const char *s = argv[i];
        if (k == 0 && i + 1 < argc && !strcmp(s, "--scenario")) {
            c.scenario = argv[++i];
        } else if (k == 0 && i + 1 < argc && !strcmp(s, "--variant")) {
            c.variant = argv[++i];
        } else if (k == 0 && i + 1 < argc && !strcmp(s, "--seat") && c.n_seats < 32) {
            c.seat_args[c.n_seats++] = argv[++i];
        } else if (k == 0 && i + 1 < argc && !strcmp(s, "--load")) {
            c.load = argv[++i];
        } else if (k == 0 && i + 1 < argc && !strcmp(s, "--record")) {
            c.record = argv[++i];
        } else if (k == 0 && !strcmp(s, "--no-autosave")) {
            c.no_autosave = 1;
        } else if (k == 0 && i + 1 < argc && !strcmp(s, "--seed")) {
            char *end;
            c.seed = strtoull(argv[++i], &end, 0);
            c.have_seed = 1;
            if (*end || argv[i][0] == '-') {
                fprintf(stderr, "niact play: --seed takes a whole number\n");
                return 2;
            }
        } else {
            fprintf(stderr, "niact play: unexpected '%s'\n", s);
            return 2;
        }
    }
    char msg[4200];
    if (c.record && niact_record_check_path(c.record, msg, sizeof msg) != 0) {
        /* A --record file that cannot be written: refused before the window opens. */
        fprintf(stderr, "niact play: --record: %s\n", msg);
        return 1;
    }
    return run_window(&o, start_play, &c);
}
