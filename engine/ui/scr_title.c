/* The title screen and the two overlays: the pause menu and the settings. */
#include "app.h"
#include "map.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* A grid of buttons in r: one column, or as many as it takes for the rows to fit in r.h
 * (when set); row by row, so pairs read left to right. Returns the index activated or -1. */
static int button_grid(ui *u, SDL_Rect r, const char *name, const char *const *labels, int n,
                       const int *enabled, int cols) {
    int bh = ui_px(u, 50), gap = ui_px(u, 12), hit = -1;
    int rows = (n + cols - 1) / cols;
    if (r.h > 0 && rows * (bh + gap) - gap > r.h) /* lower buttons before any falls off */
        bh = (r.h + gap) / rows - gap;
    int bw = (r.w - (cols - 1) * gap) / cols;
    for (int i = 0; i < n; i++) {
        SDL_Rect b = {r.x + (i % cols) * (bw + gap), r.y + (i / cols) * (bh + gap), bw, bh};
        uint32_t id = ui_id(name, i);
        if (i == 0 && !u->focus && !u->inert)
            ui_set_focus(u, id);
        if (ui_button(u, id, b, labels[i], enabled ? enabled[i] : 1))
            hit = i;
    }
    return hit;
}

/* The fewest columns (up to 3) whose rows of buttons fit in height h. */
static int grid_cols(ui *u, int n, int h) {
    int bh = ui_px(u, 50), gap = ui_px(u, 12);
    for (int cols = 1; cols < 3; cols++)
        if (((n + cols - 1) / cols) * (bh + gap) - gap <= h)
            return cols;
    return 3;
}

static int button_column(ui *u, SDL_Rect r, const char *name, const char *const *labels, int n,
                         const int *enabled) {
    return button_grid(u, r, name, labels, n, enabled, r.h > 0 ? grid_cols(u, n, r.h) : 1);
}

/* The bundled scenarios (and the one asked for), each with its name, subtitle and
 * blurb as it declares them, as much as fits in r: with blurbs (two lines at most),
 * else with subtitles, else names alone; a name is never cut (wrapped) and the texts
 * that are left out are on the new game screen. Returns the height used. */
static int title_scenarios(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int sl = ui_line_height(u, FACE_TYPE, SZ_SMALL);
    int gap = ui_px(u, 8), n = 0;
    int list[UI_MAX_SCENARIOS];
    for (int i = 0; i < a->n_scen; i++)
        if (a->scen_info[i].ok && a->scen_info[i].origin != 1)
            list[n++] = i;
    int level = 2;
    for (; level >= 0; level--) { /* the most that fits */
        int h = 0;
        for (int k = 0; k < n; k++) {
            const ui_scen_info *in = &a->scen_info[list[k]];
            int bh = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->blurb);
            h += ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, r.w, in->title) + gap +
                 (level >= 1 && in->subtitle[0] ? ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->subtitle) : 0) +
                 (level == 2 ? (bh < 2 * sl ? bh : 2 * sl) : 0);
        }
        if (h <= r.h)
            break;
    }
    if (level < 0)
        return 0; /* not even the names: the new game screen lists them */
    int y = r.y;
    for (int k = 0; k < n; k++) {
        const ui_scen_info *in = &a->scen_info[list[k]];
        int nh = ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, r.w, in->title);
        y += ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x, y, r.w, nh}, in->title, 0);
        if (level >= 1 && in->subtitle[0]) {
            int sh = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->subtitle);
            y += ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, sh},
                         in->subtitle, 0);
        }
        if (level == 2 && in->blurb[0]) {
            int bh = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, in->blurb);
            if (bh > 2 * sl)
                bh = 2 * sl;
            /* Two lines of the blurb at most: the whole is on the new game screen. */
            y += ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK, (SDL_Rect){r.x, y, r.w, bh}, in->blurb,
                         TX_MORE);
        }
        y += gap;
    }
    return y - r.y;
}

static const char *const title_hint =
    "Keyboard: Tab or arrows move, Enter chooses, Esc goes back, F1 lists every key. "
    "F11 full screen; Ctrl + and Ctrl - change the size of everything.";
static const char *const title_hint_short = "F1 lists every key; Ctrl + and Ctrl - change the size.";
static const char *const stamp_text =
    "DEPARTMENT OF STATE  \xC2\xB7  INCOMING TELEGRAM  \xC2\xB7  CONFIDENTIAL";

/* The title's layout, measured: the slip's parts from the top (stamp, name, blurb, the
 * scenarios in what is left), the buttons in as many columns as their rows need, the
 * notice and the keyboard hint at the foot (a shorter hint when the long one does not
 * fit). */
typedef struct title_layout {
    SDL_Rect slip;
    int pad, w, stamp_h, name_size, name_h, blurb_h, cols, buttons_h, note_h, foot_h;
    const char *hint;
} title_layout;

static const char *const title_blurb = "A game of crisis negotiation.";

/* The height the scenarios take with their names alone (the least the title shows). */
static int scenario_names_h(app *a, int w) {
    ui *u = &a->ui;
    int h = 0;
    for (int i = 0; i < a->n_scen; i++)
        if (a->scen_info[i].ok && a->scen_info[i].origin != 1)
            h += ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, w, a->scen_info[i].title) + ui_px(u, 8);
    return h;
}

static title_layout title_measure(app *a) {
    ui *u = &a->ui;
    title_layout l;
    int m = ui_px(u, 48);
    for (int pass = 0; pass < 2; pass++) {
        l.slip = (SDL_Rect){m, m, u->w / 2 - m, u->h - 2 * m};
        if (l.slip.w < ui_px(u, 520))
            l.slip.w = u->w - 2 * m;
        l.pad = ui_px(u, pass ? 16 : 28);
        l.w = l.slip.w - 2 * l.pad;
        l.stamp_h = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, l.w, stamp_text);
        l.name_size = SZ_TITLE;
        l.name_h = ui_line_height(u, FACE_TYPE_BOLD, SZ_TITLE);
        l.blurb_h = ui_text_height(u, FACE_TYPE, SZ_BODY, l.w, title_blurb);
        l.hint = title_hint;
        l.foot_h = ui_text_height(u, FACE_SANS, SZ_SMALL, l.w, l.hint);
        l.note_h = a->note[0] ? ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, l.w, a->note) : 0;
        int fixed = 2 * l.pad + l.stamp_h + ui_px(u, 6) + l.blurb_h + 2 * ui_px(u, 12) + l.note_h +
                    ui_px(u, 8);
        int room = l.slip.h - fixed;
        /* What the buttons may have: one column if the rest leaves it, else more. */
        if (room - l.name_h - l.foot_h < 5 * ui_px(u, 62)) {
            l.name_size = SZ_H1;
            l.name_h = ui_line_height(u, FACE_TYPE_BOLD, SZ_H1);
        }
        if (room - l.name_h - l.foot_h < 3 * ui_px(u, 62)) {
            l.hint = title_hint_short;
            l.foot_h = ui_text_height(u, FACE_SANS, SZ_SMALL, l.w, l.hint);
        }
        /* As few columns as leave the scenarios' names their room, when they can. */
        int names = scenario_names_h(a, l.w) + ui_px(u, 24);
        int left = room - l.name_h - l.foot_h;
        l.cols = grid_cols(u, 5, left - names > 0 ? left - names : left);
        l.buttons_h = ((5 + l.cols - 1) / l.cols) * ui_px(u, 62) - ui_px(u, 12);
        if (left >= l.buttons_h || pass == 1)
            break;
        m = ui_px(u, 16); /* tight: smaller margins, then again */
    }
    return l;
}

/* Returns the y below the text. */
static int title_text(app *a, const title_layout *l) {
    ui *u = &a->ui;
    SDL_Rect slip = l->slip;
    int x = slip.x + l->pad, y = slip.y + l->pad, w = l->w;
    y += ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_STAMP, (SDL_Rect){x, y, w, l->stamp_h},
                 stamp_text, 0) + ui_px(u, 6);
    ui_text_fit(u, FACE_TYPE_BOLD, l->name_size, SZ_H2, COL_INK, (SDL_Rect){x, y, w, l->name_h},
                "NIACT", TX_ONELINE);
    y += l->name_h;
    y += ui_text(u, FACE_TYPE, SZ_BODY, COL_INK, (SDL_Rect){x, y, w, l->blurb_h}, title_blurb, 0);
    y += ui_px(u, 12);
    /* Room for the scenarios: what the buttons, the notice and the footer leave. */
    int room = slip.y + slip.h - l->pad - l->foot_h - l->note_h - ui_px(u, 8) - l->buttons_h -
               ui_px(u, 24) - y;
    if (room > 0)
        y += title_scenarios(a, (SDL_Rect){x, y, w, room});
    ui_hline(u, x, x + w, y, COL_INK, 1);
    return y;
}

/* The title's buttons under its text. */
static void title_buttons(app *a, const title_layout *l, int text_end) {
    ui *u = &a->ui;
    /* The newest save or autosave, looked for at most every two seconds. */
    if (!a->scan_ticks || SDL_GetTicks() - a->scan_ticks > 2000) {
        saves_scan(a);
        a->scan_ticks = SDL_GetTicks() | 1u;
    }
    static const char *const labels[] = {"New game  (N)", "Continue  (C)", "Load game  (L)",
                                         "Settings  (S)", "Quit  (Q)"};
    int enabled[] = {1, a->n_saves > 0, 1, 1, 1};
    int top = text_end + ui_px(u, 12);
    SDL_Rect col = {l->slip.x + l->pad, top, l->cols == 1 ? ui_px(u, 300) : l->w, l->buttons_h};
    if (col.w > l->w)
        col.w = l->w;
    int hit = button_grid(u, col, "title", labels, 5, enabled, l->cols);
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
}

void scr_title(app *a) {
    ui *u = &a->ui;
    /* The map of the crisis on the right; the telegram lies over its edge. */
    if (!a->title_scanned) { /* the bundled scenarios' own names and texts, once */
        scenarios_scan(a);
        a->title_scanned = 1;
    }
    title_layout l = title_measure(a);
    SDL_Rect map = {u->w * 2 / 5, 0, u->w - u->w * 2 / 5, u->h};
    ui_map *tm = map_of(a, a->title_host ? niact_host_scenario(a->title_host) : NULL);
    if (tm && l.slip.x + l.slip.w < u->w - ui_px(u, 100)) { /* a strip of it at least */
        map_draw_plain(u, tm, map);
        ui_fill(u, map, COL_MAP_VEIL);
        ui_fill(u, (SDL_Rect){map.x, 0, ui_px(u, 2), u->h}, COL_RULE);
        int cl = ui_line_height(u, FACE_TYPE, SZ_SMALL), cm = ui_px(u, 16);
        int cx = l.slip.x + l.slip.w + cm; /* the caption right of the slip */
        SDL_Rect cap = {cx, cm, u->w - cm - cx, ui_text_height(u, FACE_TYPE, SZ_SMALL, u->w - cm - cx, tm->decl->name)};
        if (cap.h < cl)
            cap.h = cl;
        ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK_FADED, cap, tm->decl->name, TX_RIGHT);
    }
    ui_paper(u, l.slip);
    int text_end = title_text(a, &l);
    title_buttons(a, &l, text_end);
    int x = l.slip.x + l.pad, foot_y = l.slip.y + l.slip.h - l.pad - l.foot_h;
    if (a->note[0])
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_STAMP,
                (SDL_Rect){x, foot_y - l.note_h - ui_px(u, 4), l.w, l.note_h}, a->note, 0);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){x, foot_y, l.w, l.foot_h}, l.hint, 0);
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

int endturn_reasons(app *a, char *buf, size_t len) {
    ui_play *p = &a->play;
    buf[0] = 0;
    if (!p->s || p->role < 0)
        return 0;
    int32_t left = play_points_left(p, p->role);
    int legal = 0; /* points count only if some action may still be ordered with them */
    for (int act = 0; act < p->sc->n_actions && !legal && left > 0; act++) {
        char why[8];
        legal = (p->sc->actions[act].roles & (1u << p->role)) &&
                play_action_legal(p, act, why, sizeof why);
    }
    int waiting = desk_awaiting(p);
    size_t at = 0;
    if (legal) {
        int w = snprintf(buf, len, "You have %d action point%s left to spend.", (int)left,
                         left == 1 ? "" : "s");
        at = w > 0 && (size_t)w < len ? (size_t)w : len ? len - 1 : 0;
    }
    if (waiting)
        snprintf(buf + at, len - at, "%s%d proposal%s to you still wait%s for your answer.",
                 at ? " " : "", waiting, waiting == 1 ? "" : "s", waiting == 1 ? "s" : "");
    return legal || waiting;
}

void ov_endturn(app *a) {
    ui *u = &a->ui;
    char why[300];
    if (!endturn_reasons(a, why, sizeof why)) { /* nothing left to ask about */
        a->ov = OV_NONE;
        return;
    }
    SDL_Rect in = sheet(u, 620, 360, "END THE TURN?");
    int bh = ui_px(u, 50), gap = ui_px(u, 12);
    int th = ui_text_height(u, FACE_SANS, SZ_BODY, in.w, why);
    SDL_Rect text = {in.x, in.y + ui_px(u, 8), in.w, in.h - ui_px(u, 8) - 2 * bh - 2 * gap};
    if (th < text.h)
        text.h = th;
    ui_text_fit(u, FACE_SANS, SZ_BODY, SZ_SMALL, COL_INK, text, why, 0);
    SDL_Rect end = {in.x, in.y + in.h - 2 * bh - gap, in.w, bh};
    SDL_Rect back = {in.x, in.y + in.h - bh, in.w, bh};
    if (ui_button(u, ui_id("endturn-yes", 0), end, "End turn  (Enter)", 1) ||
        ui_key(u, SDLK_RETURN) || ui_key(u, SDLK_KP_ENTER) || ui_key(u, SDLK_e)) {
        a->ov = OV_NONE;
        play_end_turn(a);
        u->focus = 0;
    } else if (ui_button(u, ui_id("endturn-no", 0), back, "Back to the desk  (Esc)", 1) ||
               ui_key(u, SDLK_ESCAPE)) {
        a->ov = OV_NONE;
        u->focus = a->back_focus;
    }
}

void ov_pause(app *a) {
    ui *u = &a->ui;
    /* A wider sheet when the six buttons need two columns to fit its height. */
    int inner_h = (ui_px(u, 560) < u->h - ui_px(u, 20) ? ui_px(u, 560) : u->h - ui_px(u, 20)) -
                  ui_px(u, 48) - ui_line_height(u, FACE_TYPE_BOLD, SZ_H2) - ui_px(u, 20);
    SDL_Rect in = sheet(u, grid_cols(u, 6, inner_h) > 1 ? 760 : 440, 560, "PAUSED");
    static const char *const labels[] = {"Resume  (Esc)", "Save game", "Load game", "Settings",
                                         "Quit to title", "Quit Niact"};
    int msg_h = a->save_msg[0] ? ui_text_height(u, FACE_SANS, SZ_SMALL, in.w, a->save_msg) : 0;
    SDL_Rect grid = {in.x, in.y + ui_px(u, 6), in.w, in.h - ui_px(u, 6) - msg_h - ui_px(u, 6)};
    int hit = button_column(u, grid, "pause", labels, 6, NULL);
    if (a->save_msg[0])
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){in.x, in.y + in.h - msg_h, in.w, msg_h},
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
    SDL_Rect in = sheet(u, 560, 480, "SETTINGS");
    int bh = ui_px(u, 50), gap = ui_px(u, 12), bw = ui_px(u, 60);
    if (5 * (bh + gap) + bh > in.h) /* low: lower rows before any falls off */
        bh = (in.h - 5 * gap) / 6;
    char line[96];
    snprintf(line, sizeof line, "Size of text and controls: %d %%", (int)(u->scale * 100 + 0.5f));
    SDL_Rect lab = {in.x, in.y, in.w, bh};
    ui_text_fit(u, FACE_SANS, SZ_BODY, SZ_SMALL, COL_INK, lab, line, TX_MIDDLE | TX_ONELINE);
    int y = in.y + bh + gap;
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("set", 1));
    if (ui_button(u, ui_id("set", 0), (SDL_Rect){in.x, y, bw, bh}, "-", u->scale > 0.76f))
        app_set_scale(a, u->scale - 0.125f);
    if (ui_button(u, ui_id("set", 1), (SDL_Rect){in.x + bw + gap, y, bw, bh}, "+", u->scale < 1.99f))
        app_set_scale(a, u->scale + 0.125f);
    if (ui_button(u, ui_id("set", 2), (SDL_Rect){in.x + 2 * (bw + gap), y, in.w - 2 * (bw + gap), bh},
                  "Reset to 100 %", 1))
        app_set_scale(a, 1.0f);
    y += bh + gap;
    /* The projector preset: larger type, higher contrast (every text >= 4.5:1). */
    if (ui_button(u, ui_id("set", 5), (SDL_Rect){in.x, y, in.w, bh},
                  u->preset == UI_PRESET_PROJECTOR ? "Projector: on (large type, high contrast)"
                                                   : "Projector: off (large type, high contrast)",
                  1))
        app_set_preset(a, u->preset == UI_PRESET_PROJECTOR ? UI_PRESET_PAPER : UI_PRESET_PROJECTOR);
    y += bh + gap;
    if (ui_button(u, ui_id("set", 3), (SDL_Rect){in.x, y, in.w, bh},
                  a->fullscreen ? "Full screen: on  (F11)" : "Full screen: off  (F11)",
                  u->win != NULL))
        app_set_fullscreen(a, !a->fullscreen);
    y += bh + gap;
    int sl = in.y + in.h - bh - gap - y; /* where they are kept */
    if (sl > 0) {
        char where[4400];
        snprintf(where, sizeof where, "Remembered in %s", a->settings_path[0] ? a->settings_path
                 : "(nowhere: no HOME)");
        int wh = ui_text_height(u, FACE_SANS, SZ_SMALL, in.w, where);
        if (wh <= sl)
            ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){in.x, y, in.w, wh}, where, 0);
    }
    if (ui_button(u, ui_id("set", 4), (SDL_Rect){in.x, in.y + in.h - bh, in.w, bh}, "Done  (Esc)", 1) ||
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
        {"I, N, O", "inbox, news, objectives"},
        {"K", "fold the map key away, or back"},
        {"Page Up, Page Down", "scroll the log or the briefing"},
        {"F5", "new game: start"},
        {"F11", "full screen"},
        {"Ctrl + / - / 0", "bigger, smaller, 100 %"},
        {"F1", "this list"},
    };
    SDL_Rect in = sheet(u, 760, 620, "KEYS");
    int n = (int)(sizeof keys / sizeof keys[0]), bh = ui_px(u, 50);
    if (bh > in.h / 3)
        bh = in.h / 3;
    int kw = in.w * 2 / 5, gap = ui_px(u, 8);
    /* Every key, in a list that scrolls when the sheet is low. */
    SDL_Rect view = {in.x, in.y, in.w, in.h - bh - gap}, saved;
    int y = list_begin(a, view, &a->scroll_help, &saved), y0 = y, tw = in.w - kw - ui_px(u, 30);
    for (int i = 0; i < n; i++) {
        int h1 = ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, kw - ui_px(u, 8), keys[i][0]);
        int h2 = ui_text_height(u, FACE_SANS, SZ_BODY, tw, keys[i][1]);
        int h = h1 > h2 ? h1 : h2;
        ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){in.x, y, kw - ui_px(u, 8), h},
                keys[i][0], 0);
        ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){in.x + kw, y, tw, h}, keys[i][1], 0);
        y += h;
    }
    static const char *const mouse =
        "With the mouse alone: click anything; the wheel or the arrow buttons beside a list "
        "scroll it. Point at a card or a track to read what it does.";
    int mh = ui_text_height(u, FACE_SANS, SZ_SMALL, in.w - ui_px(u, 30), mouse);
    y += gap;
    y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){in.x, y, in.w - ui_px(u, 30), mh},
                 mouse, 0);
    list_end(a, view, &a->scroll_help, y - y0, saved);
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("help", 0));
    if (ui_button(u, ui_id("help", 0), (SDL_Rect){in.x, in.y + in.h - bh, ui_px(u, 200), bh},
                  "Close  (Esc)", 1) ||
        ui_key(u, SDLK_ESCAPE) || ui_key(u, SDLK_F1)) {
        a->ov = a->load_back;
        u->focus = a->load_back == OV_NONE ? a->back_focus : 0;
    }
}
