/* The title screen and the two overlays: the pause menu and the settings. */
#include "app.h"
#include "map.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* A column of buttons in r (two columns if r.h is set and one does not fit); returns
 * the index activated or -1. */
static int button_column(ui *u, SDL_Rect r, const char *name, const char *const *labels, int n,
                         const int *enabled) {
    int bh = ui_px(u, 50), gap = ui_px(u, 12), hit = -1, cols = 1;
    if (r.h > 0 && n * (bh + gap) - gap > r.h)
        cols = 2;
    int bw = (r.w - (cols - 1) * gap) / cols;
    for (int i = 0; i < n; i++) { /* row by row, so pairs read left to right */
        SDL_Rect b = {r.x + (i % cols) * (bw + gap), r.y + (i / cols) * (bh + gap), bw, bh};
        uint32_t id = ui_id(name, i);
        if (i == 0 && !u->focus && !u->inert)
            ui_set_focus(u, id);
        if (ui_button(u, id, b, labels[i], enabled ? enabled[i] : 1))
            hit = i;
    }
    return hit;
}

/* The bundled scenarios (and the one asked for), each with its name, subtitle and
 * blurb as it declares them, as much as fits in r: with blurbs (two lines at most),
 * else with subtitles, else names alone. Returns the height used. */
static int title_scenarios(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int nl = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY), sl = ui_line_height(u, FACE_TYPE, SZ_SMALL);
    int gap = ui_px(u, 8), n = 0;
    int list[UI_MAX_SCENARIOS];
    for (int i = 0; i < a->n_scen; i++)
        if (a->scen_info[i].ok && a->scen_info[i].origin != 1)
            list[n++] = i;
    int level = 2;
    for (; level > 0; level--) { /* the most that fits */
        int h = 0;
        for (int k = 0; k < n; k++) {
            const ui_scen_info *in = &a->scen_info[list[k]];
            int bh = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->blurb);
            h += nl + gap + (in->subtitle[0] ? sl : 0) + (level == 2 ? (bh < 2 * sl ? bh : 2 * sl) : 0);
        }
        if (h <= r.h)
            break;
    }
    int y = r.y;
    for (int k = 0; k < n && y + nl <= r.y + r.h; k++) {
        const ui_scen_info *in = &a->scen_info[list[k]];
        ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x, y, r.w, nl}, in->title,
                TX_ONELINE);
        y += nl;
        if (level >= 1 && in->subtitle[0]) {
            ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, sl},
                    in->subtitle, TX_ONELINE);
            y += sl;
        }
        if (level == 2 && in->blurb[0]) {
            int bh = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->blurb);
            if (bh > 2 * sl)
                bh = 2 * sl;
            y += ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK, (SDL_Rect){r.x, y, r.w, bh}, in->blurb, 0);
        }
        y += gap;
    }
    return y - r.y;
}

/* Returns the y below the text. */
static int title_text(app *a, SDL_Rect slip) {
    ui *u = &a->ui;
    int pad = ui_px(u, 28), y = slip.y + pad, w = slip.w - 2 * pad;
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_STAMP, (SDL_Rect){slip.x + pad, y, w, ui_px(u, 24)},
            "DEPARTMENT OF STATE  \xC2\xB7  INCOMING TELEGRAM  \xC2\xB7  CONFIDENTIAL", TX_ONELINE);
    y += ui_px(u, 30);
    int th = ui_line_height(u, FACE_TYPE_BOLD, SZ_TITLE);
    ui_text(u, FACE_TYPE_BOLD, SZ_TITLE, COL_INK, (SDL_Rect){slip.x + pad, y, w, th}, "NIACT",
            TX_ONELINE);
    y += th;
    static const char *const blurb = "A game of crisis negotiation.";
    int bh = ui_text_height(u, FACE_TYPE, SZ_BODY, w, blurb);
    y += ui_text(u, FACE_TYPE, SZ_BODY, COL_INK, (SDL_Rect){slip.x + pad, y, w, bh}, blurb, 0);
    y += ui_px(u, 12);
    /* Room for the scenarios: what the buttons (two columns of three at least), the
     * notice and the footer leave. */
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int room = slip.y + slip.h - pad - (a->note[0] ? 5 : 3) * lh - ui_px(u, 30) -
               3 * ui_px(u, 62) - y;
    if (room > 0)
        y += title_scenarios(a, (SDL_Rect){slip.x + pad, y, w, room});
    ui_hline(u, slip.x + pad, slip.x + slip.w - pad, y, COL_INK, 1);
    return y;
}

/* The title's buttons under its text; returns the footer's box. */
static SDL_Rect title_buttons(app *a, SDL_Rect slip, int text_end) {
    ui *u = &a->ui;
    int pad = ui_px(u, 28), lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    /* The newest save or autosave, looked for at most every two seconds. */
    if (!a->scan_ticks || SDL_GetTicks() - a->scan_ticks > 2000) {
        saves_scan(a);
        a->scan_ticks = SDL_GetTicks() | 1u;
    }
    static const char *const labels[] = {"New game  (N)", "Continue  (C)", "Load game  (L)",
                                         "Settings  (S)", "Quit  (Q)"};
    int enabled[] = {1, a->n_saves > 0, 1, 1, 1};
    SDL_Rect foot = {slip.x + pad, slip.y + slip.h - pad - 3 * lh, slip.w - 2 * pad, 3 * lh};
    int top = text_end + ui_px(u, 30);
    SDL_Rect col = {slip.x + pad, top, ui_px(u, 300), foot.y - 2 * lh - top};
    if (5 * ui_px(u, 62) - ui_px(u, 12) > col.h)
        col.w = slip.w - 2 * pad;
    int hit = button_column(u, col, "title", labels, 5, enabled);
    if (hit == 0 || ui_key(u, SDLK_n)) {
        newgame_open(a);
    } else if ((hit == 1 || ui_key(u, SDLK_c)) && a->n_saves > 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s", a->saves[0].path);
        if (saves_load(a, path) != 0)
            snprintf(a->note, sizeof a->note, "%.250s", a->save_msg);
        u->focus = 0;
    } else if (hit == 2 || ui_key(u, SDLK_l)) {
        a->save_msg[0] = 0;
        saves_scan(a);
        a->load_back = OV_NONE;
        a->ov = OV_LOAD;
        u->focus = 0;
    } else if (hit == 3 || ui_key(u, SDLK_s)) {
        a->ov = OV_SETTINGS;
    } else if (hit == 4 || ui_key(u, SDLK_q)) {
        a->quit = 1;
    }
    return foot;
}

void scr_title(app *a) {
    ui *u = &a->ui;
    /* The map of the crisis on the right; the telegram lies over its edge. */
    if (!a->title_scanned) { /* the bundled scenarios' own names and texts, once */
        scenarios_scan(a);
        a->title_scanned = 1;
    }
    SDL_Rect map = {u->w * 2 / 5, 0, u->w - u->w * 2 / 5, u->h};
    ui_map *tm = map_of(a, a->title_host ? niact_host_scenario(a->title_host) : NULL);
    if (tm) {
        map_draw_plain(u, tm, map);
        ui_fill(u, map, (SDL_Color){239, 230, 207, 90});
        ui_fill(u, (SDL_Rect){map.x, 0, ui_px(u, 2), u->h}, COL_RULE);
        int cl = ui_line_height(u, FACE_TYPE, SZ_SMALL), cm = ui_px(u, 16);
        ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK_FADED,
                (SDL_Rect){map.x + cm, cm, map.w - 2 * cm, cl}, tm->decl->name,
                TX_RIGHT | TX_ONELINE);
    }
    int m = ui_px(u, 48);
    SDL_Rect slip = {m, m, u->w / 2 - m, u->h - 2 * m};
    if (slip.w < ui_px(u, 520))
        slip.w = u->w - 2 * m;
    ui_paper(u, slip);
    int text_end = title_text(a, slip);
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    SDL_Rect foot = title_buttons(a, slip, text_end);
    if (a->note[0])
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_STAMP,
                (SDL_Rect){foot.x, foot.y - 2 * lh, foot.w, 2 * lh}, a->note, 0);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, foot,
            "Keyboard: Tab or arrows move, Enter chooses, Esc goes back, F1 lists every key. "
            "F11 full screen; Ctrl + and Ctrl - change the size of everything.",
            0);
}

/* A centred sheet for an overlay; returns the inner area. */
static SDL_Rect sheet(ui *u, int w_units, int h_units, const char *title) {
    int w = ui_px(u, (float)w_units), h = ui_px(u, (float)h_units);
    if (w > u->w - ui_px(u, 20))
        w = u->w - ui_px(u, 20);
    if (h > u->h - ui_px(u, 20))
        h = u->h - ui_px(u, 20);
    SDL_Rect r = {(u->w - w) / 2, (u->h - h) / 2, w, h};
    ui_paper(u, r);
    int pad = ui_px(u, 24);
    SDL_Rect in = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    int hh = ui_heading(u, in, title);
    in.y += hh;
    in.h -= hh;
    return in;
}

void ov_pause(app *a) {
    ui *u = &a->ui;
    SDL_Rect in = sheet(u, 440, 560, "PAUSED");
    static const char *const labels[] = {"Resume  (Esc)", "Save game", "Load game", "Settings",
                                         "Quit to title", "Quit Niact"};
    int hit = button_column(u, (SDL_Rect){in.x, in.y + ui_px(u, 6), in.w, 0}, "pause", labels, 6,
                            NULL);
    int sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    if (a->save_msg[0])
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){in.x, in.y + in.h - 2 * sl, in.w, 2 * sl},
                a->save_msg, 0);
    if (hit == 0 || ui_key(u, SDLK_ESCAPE)) {
        a->ov = OV_NONE;
        a->save_msg[0] = 0;
        u->focus = a->back_focus;
    } else if (hit == 1) {
        saves_save(a);
    } else if (hit == 2) {
        a->save_msg[0] = 0;
        saves_scan(a);
        a->load_back = OV_PAUSE;
        a->ov = OV_LOAD;
        u->focus = 0;
    } else if (hit == 3) {
        a->ov = OV_SETTINGS;
    } else if (hit == 4) {
        play_stop(a);
        a->ov = OV_NONE;
        a->scr = SCR_TITLE;
        u->focus = 0;
    } else if (hit == 5) {
        a->quit = 1;
    }
}

void ov_settings(app *a) {
    ui *u = &a->ui;
    SDL_Rect in = sheet(u, 520, 400, "SETTINGS");
    int bh = ui_px(u, 50), gap = ui_px(u, 12), bw = ui_px(u, 60);
    char line[96];
    snprintf(line, sizeof line, "Size of text and controls: %d %%", (int)(u->scale * 100 + 0.5f));
    SDL_Rect lab = {in.x, in.y, in.w, bh};
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK, lab, line, TX_MIDDLE | TX_ONELINE);
    int y = in.y + bh + gap;
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("set", 1));
    if (ui_button(u, ui_id("set", 0), (SDL_Rect){in.x, y, bw, bh}, "-", u->scale > 0.76f))
        ui_set_scale(u, u->scale - 0.125f);
    if (ui_button(u, ui_id("set", 1), (SDL_Rect){in.x + bw + gap, y, bw, bh}, "+", u->scale < 1.99f))
        ui_set_scale(u, u->scale + 0.125f);
    if (ui_button(u, ui_id("set", 2), (SDL_Rect){in.x + 2 * (bw + gap), y, in.w - 2 * (bw + gap), bh},
                  "Reset to 100 %", 1))
        ui_set_scale(u, 1.0f);
    y += bh + gap;
    if (ui_button(u, ui_id("set", 3), (SDL_Rect){in.x, y, in.w, bh},
                  a->fullscreen ? "Full screen: on  (F11)" : "Full screen: off  (F11)",
                  u->win != NULL)) {
        a->fullscreen = !a->fullscreen;
        SDL_SetWindowFullscreen(u->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        ui_resize(u);
    }
    y += bh + gap;
    if (ui_button(u, ui_id("set", 4), (SDL_Rect){in.x, y, in.w, bh}, "Done  (Esc)", 1) ||
        ui_key(u, SDLK_ESCAPE)) {
        a->ov = a->play.s && a->scr != SCR_END ? OV_PAUSE : OV_NONE;
        u->focus = 0;
    }
}

/* F1: every key, in two columns. */
void ov_help(app *a) {
    ui *u = &a->ui;
    static const char *const keys[][2] = {
        {"Tab, Shift+Tab", "next, previous control"},
        {"arrow keys", "the nearest control that way"},
        {"Enter, Space", "press the focused control"},
        {"Esc", "back; in a game, the pause menu"},
        {"1 - 9", "order action card N"},
        {"E", "end the turn"},
        {"P, T, A", "propose, telegram, agreements"},
        {"I, N", "inbox, news"},
        {"K", "fold the map key away, or back"},
        {"Page Up, Page Down", "scroll the log or the briefing"},
        {"F5", "new game: start"},
        {"F11", "full screen"},
        {"Ctrl +, Ctrl -, Ctrl 0", "bigger, smaller, 100 %"},
        {"F1", "this list"},
    };
    SDL_Rect in = sheet(u, 760, 620, "KEYS");
    int n = (int)(sizeof keys / sizeof keys[0]), bh = ui_px(u, 50);
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY), kw = in.w * 2 / 5, y = in.y;
    if (lh < ui_line_height(u, FACE_SANS, SZ_BODY))
        lh = ui_line_height(u, FACE_SANS, SZ_BODY);
    for (int i = 0; i < n && y + lh <= in.y + in.h - bh - ui_px(u, 8); i++, y += lh) {
        ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){in.x, y, kw - ui_px(u, 8), lh},
                keys[i][0], TX_ONELINE);
        ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){in.x + kw, y, in.w - kw, lh},
                keys[i][1], TX_ONELINE);
    }
    int sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    if (y + 3 * sl <= in.y + in.h - bh - ui_px(u, 8))
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED,
                (SDL_Rect){in.x, y + sl, in.w, 2 * sl},
                "With the mouse alone: click anything; the wheel or the arrow buttons beside a "
                "list scroll it. Point at a card or a track to read what it does.",
                0);
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("help", 0));
    if (ui_button(u, ui_id("help", 0), (SDL_Rect){in.x, in.y + in.h - bh, ui_px(u, 200), bh},
                  "Close  (Esc)", 1) ||
        ui_key(u, SDLK_ESCAPE) || ui_key(u, SDLK_F1)) {
        a->ov = a->load_back;
        u->focus = a->load_back == OV_NONE ? a->back_focus : 0;
    }
}
