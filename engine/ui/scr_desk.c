/* The main game screen (the desk): the top bar with the seat and the calendar, the map
 * and the log on the left, the escalation ladder and the tracks in the middle, the
 * action cards, the detail panel and the outbox on the right. */
#include "app.h"

#include <stdio.h>
#include <string.h>

/* The calendar: one box per turn, past turns struck through, this one framed. */
static void calendar(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int n = p->sc->turns, now = niact_game_turn(p->g);
    if (n <= 0)
        return;
    int gap = ui_px(u, 3), bw = (r.w - (n - 1) * gap) / n;
    if (bw > ui_px(u, 40))
        bw = ui_px(u, 40);
    int x0 = r.x + r.w - n * (bw + gap) + gap;
    for (int t = 0; t < n; t++) {
        SDL_Rect b = {x0 + t * (bw + gap), r.y, bw, r.h};
        char day[NIACT_DATE_MAX] = ""; /* the day of the month, or the hour */
        niact_scenario_format(p->sc, t, NIACT_DATE_BOX, day, sizeof day);
        ui_fill(u, b, t == now ? COL_INK : COL_PAPER_LIGHT);
        ui_frame(u, b, COL_RULE, 1);
        if (ui_text_width(u, FACE_SANS_BOLD, SZ_SMALL, "28") > b.w - 2)
            day[0] = 0; /* too narrow for numbers: the boxes alone count the days */
        ui_text(u, t == now ? FACE_SANS_BOLD : FACE_SANS, SZ_SMALL,
                t == now ? COL_PAPER_LIGHT : t < now ? COL_INK_FADED : COL_INK, b, day,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
        if (t < now)
            ui_line(u, (float)b.x + 2, (float)(b.y + b.h - 2), (float)(b.x + b.w - 2),
                    (float)b.y + 2, COL_INK_FADED, 1.5f);
    }
}

static void top_bar(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    ui_fill(u, r, COL_PAPER_DARK);
    ui_hline(u, r.x, r.x + r.w, r.y + r.h - 2, COL_INK, 2);
    int m = ui_px(u, 14), mark = ui_px(u, 11);
    ui_role_mark(u, p->role, r.x + m + mark, r.y + r.h / 2, mark);
    int lh1 = ui_line_height(u, FACE_TYPE_BOLD, SZ_H2), lh2 = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int tx = r.x + 2 * m + 2 * mark, tw = r.w * 45 / 100;
    char name[160], date[48];
    snprintf(name, sizeof name, "%s DELEGATION", p->sc->roles[p->role].meta.name);
    for (char *c = name; *c; c++)
        *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    int y = r.y + (r.h - lh1 - lh2) / 2;
    ui_text(u, FACE_TYPE_BOLD, SZ_H2, COL_INK, (SDL_Rect){tx, y, tw, lh1}, name, TX_ONELINE);
    play_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    snprintf(name, sizeof name, "Turn %d of %d  \xC2\xB7  %s  \xC2\xB7  %s", niact_game_turn(p->g) + 1,
             p->sc->turns, date, p->sc->meta.name);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){tx, y + lh1, tw, lh2}, name, TX_ONELINE);
    int bw = ui_px(u, 150), bh = r.h - 2 * ui_px(u, 10);
    SDL_Rect menu = {r.x + r.w - m - bw, r.y + ui_px(u, 10), bw, bh};
    if (ui_button(u, ui_id("menu", 0), menu, "Menu  (Esc)", 1))
        app_open_pause(a);
    int cx = tx + tw + m;
    calendar(a, (SDL_Rect){cx, r.y + ui_px(u, 12), menu.x - m - cx, r.h - 2 * ui_px(u, 12)});
}

static int ladder_track(const ui_play *p) {
    for (int t = 0; t < p->sc->n_tracks; t++) {
        niact_track_view v;
        if (p->sc->tracks[t].ladder && !p->sc->tracks[t].hidden &&
            niact_game_view_track(p->g, p->role, t, &v) == NIACT_OK && v.vis != NIACT_VIS_NONE)
            return t;
    }
    return -1;
}

static void shortcuts(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (ui_key(u, SDLK_i))
        a->tab = 0, a->scroll_news = 0;
    if (ui_key(u, SDLK_n))
        a->tab = 1, a->scroll_news = 0;
    if (ui_key(u, SDLK_k))
        a->map_key_hidden = !a->map_key_hidden;
    if (ui_key(u, SDLK_p))
        nego_open_propose(a, NULL);
    if (ui_key(u, SDLK_t))
        nego_open_telegram(a);
    if (ui_key(u, SDLK_a))
        nego_open_agreements(a);
    if (ui_key(u, SDLK_PAGEDOWN))
        a->scroll_news += u->h / 4;
    if (ui_key(u, SDLK_PAGEUP))
        a->scroll_news -= u->h / 4;
    for (int k = 1; k <= 9; k++) {
        if (!ui_key(u, SDLK_0 + k) && !ui_key(u, SDLK_KP_1 + k - 1))
            continue;
        int n = 0;
        for (int act = 0; act < p->sc->n_actions; act++)
            if ((p->sc->actions[act].roles & (1u << p->role)) && ++n == k) {
                char why[256];
                if (play_action_legal(p, act, why, sizeof why))
                    play_add_order(p, act);
                else
                    play_refused(p, act, why);
            }
    }
}

static int column_heading(ui *u, SDL_Rect r, const char *text) {
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY);
    ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x, r.y, r.w, lh}, text, TX_ONELINE);
    ui_hline(u, r.x, r.x + r.w, r.y + lh, COL_INK, 1);
    return lh + ui_px(u, 6);
}

static void middle_column(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int lt = ladder_track(&a->play);
    if (lt >= 0) {
        const niact_track_def *d = &a->play.sc->tracks[lt];
        char head[128];
        snprintf(head, sizeof head, "ESCALATION: %s", d->meta.name);
        int hh = column_heading(u, r, head);
        int steps = d->max - d->min + 1, lh = ui_px(u, 34) * (steps > 12 ? 0 : steps);
        if (lh > r.h / 2)
            lh = r.h / 2;
        desk_ladder(a, (SDL_Rect){r.x, r.y + hh, r.w, lh}, lt);
        r.y += hh + lh + ui_px(u, 10);
        r.h -= hh + lh + ui_px(u, 10);
    }
    int hh = column_heading(u, r, "WHAT YOU KNOW");
    desk_tracks(a, (SDL_Rect){r.x, r.y + hh, r.w, r.h - hh});
}

/* The right column's parts: cards, detail panel, outbox (kept big enough for two
 * orders: the detail panel gives way first, then the cards). */
typedef struct right_layout {
    int hh, cards_h, detail_h, bh, nb, gap;
} right_layout;

static right_layout layout_right(ui *u, SDL_Rect r) {
    right_layout l;
    l.hh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY) + ui_px(u, 6);
    l.bh = ui_px(u, 52);
    l.nb = ui_px(u, 44);
    l.gap = ui_px(u, 10);
    int avail = r.h - l.hh, outbox = l.hh + 3 * ui_line_height(u, FACE_SANS, SZ_SMALL) +
                                     2 * ui_px(u, 38);
    l.cards_h = avail * 40 / 100;
    l.detail_h = avail - l.cards_h - outbox - l.bh - l.nb - 4 * l.gap;
    if (l.detail_h > avail * 24 / 100)
        l.detail_h = avail * 24 / 100;
    if (l.detail_h < ui_px(u, 70)) { /* tight: the cards give way too */
        l.cards_h -= ui_px(u, 70) - l.detail_h;
        l.detail_h = ui_px(u, 70);
    }
    if (l.cards_h < ui_px(u, 60))
        l.cards_h = ui_px(u, 60);
    return l;
}

/* Propose (P), Telegram (T), Agreements (A): the negotiation sheets. */
static void nego_buttons(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    static const char *const names[] = {"Propose", "Telegram", "Agreements"};
    static const char *const keys[] = {"key P", "key T", "key A"};
    int gap = ui_px(u, 6), bw = (r.w - 2 * gap) / 3, l1 = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    int l2 = ui_line_height(u, FACE_SANS, SZ_SMALL), ty = r.y + (r.h - l1 - l2) / 2;
    for (int i = 0; i < 3; i++) {
        SDL_Rect b = {r.x + i * (bw + gap), r.y, bw, r.h};
        int hit = ui_button(u, ui_id("nego", i), b, "", 1);
        SDL_Rect tb = {b.x + ui_px(u, 4), ty, b.w - ui_px(u, 8), l1};
        ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK, tb, names[i], TX_CENTER | TX_ONELINE);
        tb.y += l1;
        tb.h = l2;
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, tb, keys[i], TX_CENTER | TX_ONELINE);
        if (hit && i == 0)
            nego_open_propose(a, NULL);
        else if (hit && i == 1)
            nego_open_telegram(a);
        else if (hit)
            nego_open_agreements(a);
    }
}

static void right_column(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    right_layout l = layout_right(u, r);
    column_heading(u, r, "ACTIONS");
    desk_cards(a, (SDL_Rect){r.x, r.y + l.hh, r.w, l.cards_h});
    int y = r.y + l.hh + l.cards_h + l.gap;
    desk_detail(a, (SDL_Rect){r.x, y, r.w, l.detail_h});
    y += l.detail_h + l.gap;
    int hh = column_heading(u, (SDL_Rect){r.x, y, r.w, 0}, "OUTBOX");
    int nego_y = r.y + r.h - l.bh - l.gap - l.nb;
    desk_orders(a, (SDL_Rect){r.x, y + hh, r.w, nego_y - l.gap - y - hh});
    nego_buttons(a, (SDL_Rect){r.x, nego_y, r.w, l.nb});
    if (a->ov != OV_NONE)
        return;
    if (ui_button(u, ui_id("endturn", 0), (SDL_Rect){r.x, r.y + r.h - l.bh, r.w, l.bh},
                  "End turn  (E)", 1) ||
        ui_key(u, SDLK_e)) {
        play_end_turn(a);
        u->focus = 0;
    }
}

void scr_desk(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (p->role < 0) {
        a->scr = SCR_TITLE;
        return;
    }
    a->detail_kind = 0;
    ui_overlay ov = a->ov;
    shortcuts(a);
    if (a->ov != ov)
        return; /* a negotiation sheet opened: the next frame draws it */
    if (ui_key(u, SDLK_ESCAPE)) {
        app_open_pause(a);
        return;
    }
    int m = ui_px(u, 14), tb = ui_px(u, 64);
    top_bar(a, (SDL_Rect){0, 0, u->w, tb});
    int body_y = tb + m, body_h = u->h - body_y - m, inner = u->w - 4 * m;
    int wa = inner * 42 / 100, wb = inner * 27 / 100, wc = inner - wa - wb;
    SDL_Rect colA = {m, body_y, wa, body_h};
    SDL_Rect colB = {2 * m + wa, body_y, wb, body_h};
    SDL_Rect colC = {3 * m + wa + wb, body_y, wc, body_h};
    int map_h = wa * 80 / 100;
    if (map_h > body_h * 58 / 100)
        map_h = body_h * 58 / 100;
    ui_map *map = map_of(a, p->sc); /* NULL: the scenario declares none */
    if (map)
        map_draw(a, map, (SDL_Rect){colA.x, colA.y, colA.w, map_h});
    else
        map_h = -m;
    desk_log(a, (SDL_Rect){colA.x, colA.y + map_h + m, colA.w, colA.h - map_h - m});
    /* Draw the right column before the middle so a card under the pointer wins the
     * detail panel; the middle's tracks fill it only when nothing else did. */
    right_column(a, colC);
    if (a->scr != SCR_DESK || a->ov != OV_NONE || p->role < 0)
        return; /* the turn ended: the next frame draws what follows */
    middle_column(a, colB);
    if (a->detail_kind == 2 && a->scr == SCR_DESK) { /* redraw the panel for a track */
        right_layout l = layout_right(u, colC);
        desk_detail(a, (SDL_Rect){colC.x, colC.y + l.hh + l.cards_h + l.gap, colC.w, l.detail_h});
    }
}
