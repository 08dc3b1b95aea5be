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
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int two = r.h >= 2 * lh; /* room for the month under the day */
    char prev[NIACT_DATE_MAX] = "";
    for (int t = 0; t < n; t++) {
        SDL_Rect b = {x0 + t * (bw + gap), r.y, bw, r.h};
        char day[NIACT_DATE_MAX] = ""; /* the day of the month, or the hour */
        char mon[NIACT_DATE_MAX] = ""; /* the month ("Nov"), or the day ("27 Oct") by hours */
        niact_scenario_format(p->sc, t, NIACT_DATE_BOX, day, sizeof day);
        niact_scenario_format(p->sc, t, NIACT_DATE_SHORT, mon, sizeof mon);
        char *last = strrchr(mon, ' ');
        if (last && strchr(last, ':'))
            *last = 0; /* "27 Oct 06:00": the day is "27 Oct" */
        else if (strchr(mon, ' '))
            memmove(mon, strchr(mon, ' ') + 1, strlen(strchr(mon, ' ') + 1) + 1); /* "Nov" */
        int mark = t == 0 || strcmp(mon, prev) != 0; /* the first box, and each new month */
        snprintf(prev, sizeof prev, "%s", mon);
        ui_fill(u, b, t == now ? COL_INK : COL_PAPER_LIGHT);
        ui_frame(u, b, COL_RULE, 1);
        if (ui_text_width(u, FACE_SANS_BOLD, SZ_SMALL, "28") > b.w - 2)
            day[0] = 0; /* too narrow for numbers: the boxes alone count the days */
        int fits = ui_text_width(u, FACE_SANS, SZ_SMALL, mon) <= b.w - 2;
        SDL_Color col = t == now ? COL_PAPER_LIGHT : t < now ? COL_INK_FADED : COL_INK;
        if (two && mark && fits) { /* the day above, its month below */
            SDL_Rect top = {b.x, b.y + (b.h - 2 * lh) / 2, b.w, lh};
            ui_text(u, t == now ? FACE_SANS_BOLD : FACE_SANS, SZ_SMALL, col, top, day,
                    TX_CENTER | TX_MIDDLE | TX_ONELINE);
            top.y += lh;
            ui_text(u, FACE_SANS, SZ_SMALL, col, top, mon, TX_CENTER | TX_MIDDLE | TX_ONELINE);
        } else {
            ui_text(u, t == now ? FACE_SANS_BOLD : FACE_SANS, SZ_SMALL, col, b,
                    mark && fits && !two ? mon : day, TX_CENTER | TX_MIDDLE | TX_ONELINE);
        }
        if (t < now)
            ui_line(u, (float)b.x + 2, (float)(b.y + b.h - 2), (float)(b.x + b.w - 2),
                    (float)b.y + 2, COL_INK_FADED, 1.5f);
    }
}

/* The top bar: the delegation and the turn line at their measured width (shorter forms
 * before anything is cut), Menu at its own, the calendar in what is left (left out when
 * too narrow for a box per turn: the turn line says the turn). */
static void top_bar(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    ui_fill(u, r, COL_PAPER_DARK);
    ui_hline(u, r.x, r.x + r.w, r.y + r.h - 2, COL_INK, 2);
    int m = ui_px(u, 14), mark = ui_px(u, 11);
    ui_role_mark(u, p->role, r.x + m + mark, r.y + r.h / 2, mark);
    int tx = r.x + 2 * m + 2 * mark;
    const char *menu_label = "Menu  (Esc)";
    int bw = ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, menu_label) + ui_px(u, 28);
    if (bw > r.w / 4) {
        menu_label = "Menu";
        bw = ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, menu_label) + ui_px(u, 28);
    }
    int bh = r.h - 2 * ui_px(u, 10);
    SDL_Rect menu = {r.x + r.w - m - bw, r.y + ui_px(u, 10), bw, bh};
    int room = menu.x - m - tx; /* for the names and the calendar */
    char name[160], line[3][240], date[48];
    snprintf(name, sizeof name, "%s DELEGATION", p->sc->roles[p->role].meta.name);
    for (char *c = name; *c; c++)
        *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    play_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    int turn = niact_game_turn(p->g) + 1;
    snprintf(line[0], sizeof line[0], "Turn %d of %d  \xC2\xB7  %s  \xC2\xB7  %s", turn,
             p->sc->turns, date, p->sc->meta.name);
    snprintf(line[1], sizeof line[1], "Turn %d of %d  \xC2\xB7  %s", turn, p->sc->turns, date);
    snprintf(line[2], sizeof line[2], "Turn %d of %d", turn, p->sc->turns);
    int cal_min = p->sc->turns * ui_px(u, 12); /* the calendar's least useful width */
    int name_w = ui_text_width(u, FACE_TYPE_BOLD, SZ_H2, name);
    int face_name = SZ_H2;
    if (name_w > room - cal_min) { /* smaller type, then the role's name alone */
        face_name = SZ_BODY;
        name_w = ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, name);
        if (name_w > room - cal_min) {
            snprintf(name, sizeof name, "%s", p->sc->roles[p->role].meta.name);
            for (char *c = name; *c; c++)
                *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
            name_w = ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, name);
        }
    }
    int k = 0, lw = 0;
    for (; k < 3; k++) { /* the longest turn line that leaves the calendar its room */
        lw = ui_text_width(u, FACE_SANS, SZ_SMALL, line[k]);
        if (lw <= room - cal_min || (k == 2 && lw <= room))
            break;
    }
    if (k == 3)
        k = 2;
    int tw = name_w > lw ? name_w : lw;
    if (tw > room)
        tw = room;
    int lh1 = ui_line_height(u, FACE_TYPE_BOLD, face_name), lh2 = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int y = r.y + (r.h - lh1 - lh2) / 2;
    ui_text_fit(u, FACE_TYPE_BOLD, face_name, SZ_SMALL, COL_INK, (SDL_Rect){tx, y, tw, lh1}, name,
                TX_ONELINE);
    ui_text_fit(u, FACE_SANS, SZ_SMALL, SZ_SMALL, COL_INK, (SDL_Rect){tx, y + lh1, tw, lh2},
                line[k], TX_ONELINE);
    if (ui_button(u, ui_id("menu", 0), menu, menu_label, 1))
        app_open_pause(a);
    int cx = tx + tw + m, cw = menu.x - m - cx;
    if (cw >= cal_min)
        calendar(a, (SDL_Rect){cx, r.y + ui_px(u, 12), cw, r.h - 2 * ui_px(u, 12)});
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
        a->tab = 0, a->scroll_news = 0, a->page_left = 0;
    if (ui_key(u, SDLK_n))
        a->tab = 1, a->scroll_news = 0, a->page_left = 0;
    if (ui_key(u, SDLK_o))
        a->tab = 2, a->scroll_news = 0, a->page_left = 0;
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
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_BODY, SZ_SMALL, COL_INK, (SDL_Rect){r.x, r.y, r.w, lh}, text,
                TX_ONELINE);
    ui_hline(u, r.x, r.x + r.w, r.y + lh, COL_INK, 1);
    return lh + ui_px(u, 6);
}

/* The ladder and the tracks (the middle column, or the left column's second page). */
static void situation(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int lt = ladder_track(&a->play);
    if (lt >= 0) {
        const niact_track_def *d = &a->play.sc->tracks[lt];
        char head[128];
        snprintf(head, sizeof head, "ESCALATION: %s", d->meta.name);
        int hh = column_heading(u, r, head);
        int steps = d->max - d->min + 1;
        /* A step is at most 34 units and at least a line of small type; the ladder takes
         * at most half the column so the tracks keep room. */
        int step_min = ui_line_height(u, FACE_TYPE, SZ_SMALL) + ui_px(u, 5);
        int rh = ui_px(u, 34);
        if (steps > 0 && rh * steps > (r.h - hh) / 2)
            rh = (r.h - hh) / 2 / steps;
        if (rh < step_min)
            rh = step_min;
        int lh = steps > 0 && steps <= 12 ? rh * steps : 0;
        desk_ladder(a, (SDL_Rect){r.x, r.y + hh, r.w, lh}, lt);
        r.y += hh + lh + ui_px(u, 10);
        r.h -= hh + lh + ui_px(u, 10);
    }
    int hh = column_heading(u, r, "WHAT YOU KNOW");
    desk_tracks(a, (SDL_Rect){r.x, r.y + hh, r.w, r.h - hh});
}

/* Page buttons over a column (the compact desk): returns the height used. */
static int page_tabs(app *a, SDL_Rect r, const char *name, const char *const *labels, int n,
                     int *page) {
    ui *u = &a->ui;
    int bh = ui_px(u, 40), gap = ui_px(u, 6), bw = (r.w - (n - 1) * gap) / n;
    for (int i = 0; i < n; i++) {
        SDL_Rect b = {r.x + i * (bw + gap), r.y, bw, bh};
        char label[96];
        snprintf(label, sizeof label, "%s%s", *page == i ? "> " : "", labels[i]);
        if (ui_button(u, ui_id(name, i), b, label, 1))
            *page = i;
        if (*page == i)
            ui_fill(u, (SDL_Rect){b.x, b.y + b.h - ui_px(u, 4), b.w, ui_px(u, 4)}, COL_INK);
    }
    return bh + gap;
}

/* Propose (P), Telegram (T), Agreements (A): the negotiation sheets. */
static void nego_buttons(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    static const char *const names[] = {"Propose", "Telegram", "Agreements"};
    static const char *const keys[] = {"key P", "key T", "key A"};
    int gap = ui_px(u, 6), bw = (r.w - 2 * gap) / 3, l1 = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    int l2 = ui_line_height(u, FACE_SANS, SZ_SMALL), t = ui_px(u, 2) < 1 ? 1 : ui_px(u, 2);
    int two = l1 + l2 <= r.h - 2 * t; /* the key under the name when both fit (F1 lists it) */
    int ty = two ? r.y + (r.h - l1 - l2) / 2 : r.y + t;
    for (int i = 0; i < 3; i++) {
        SDL_Rect b = {r.x + i * (bw + gap), r.y, bw, r.h};
        int hit = ui_button(u, ui_id("nego", i), b, "", 1);
        SDL_Rect tb = {b.x + ui_px(u, 4), ty, b.w - ui_px(u, 8), two ? l1 : r.h - 2 * t};
        ui_text_fit(u, FACE_TYPE_BOLD, SZ_SMALL, SZ_SMALL, COL_INK, tb, names[i],
                    TX_CENTER | TX_MIDDLE | TX_ONELINE);
        tb.y += l1;
        tb.h = l2;
        if (two)
            ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, tb, keys[i], TX_CENTER | TX_ONELINE);
        if (hit && i == 0)
            nego_open_propose(a, NULL);
        else if (hit && i == 1)
            nego_open_telegram(a);
        else if (hit)
            nego_open_agreements(a);
    }
}

/* The right column: the action cards, the detail panel, the outbox, the negotiation
 * buttons and End turn. The cards and the outbox take what their content needs up to a
 * share of the column (so hovering, which changes only the detail, never moves a card);
 * the detail panel takes the rest and scrolls. When the column is too low for all of it
 * (compact desk) the cards and the outbox are two pages. Returns the detail's rect. */
static SDL_Rect right_column(app *a, SDL_Rect r, int paged) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int hh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY) + ui_px(u, 6), gap = ui_px(u, 10);
    int bh = ui_px(u, 52), nb = ui_px(u, 44);
    SDL_Rect detail = {0, 0, 0, 0};
    SDL_Rect endturn = {r.x, r.y + r.h - bh, r.w, bh};
    int bottom = endturn.y - gap; /* what is above End turn */
    int n_cards = 0, card_h = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY) +
                              ui_line_height(u, FACE_SANS, SZ_SMALL) + ui_px(u, 18);
    for (int act = 0; act < p->sc->n_actions; act++)
        n_cards += (p->sc->actions[act].roles & (1u << p->role)) != 0;
    int orders_want = ui_line_height(u, FACE_SANS, SZ_SMALL) + ui_px(u, 4) +
                      (play_n_orders(p) + 1) * ui_px(u, 38) +
                      3 * ui_line_height(u, FACE_SANS, SZ_SMALL);
    int detail_min = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY) +
                     5 * ui_line_height(u, FACE_SANS, SZ_SMALL) + ui_px(u, 16);
    int y = r.y;
    if (paged) {
        char outbox[64];
        snprintf(outbox, sizeof outbox, "Outbox [%d]", play_n_orders(p));
        const char *labels[] = {"Actions", outbox};
        y += page_tabs(a, r, "rpage", labels, 2, &a->page_right);
    }
    if (!paged || a->page_right == 0) {
        int avail = (paged ? bottom : bottom - nb - gap - hh - orders_want) - y - hh - gap;
        if (!paged && avail - card_h * 3 / 2 < detail_min) { /* the outbox gives way first */
            orders_want -= detail_min - (avail - card_h * 3 / 2);
            if (orders_want < 2 * ui_px(u, 38))
                orders_want = 2 * ui_px(u, 38);
            avail = bottom - nb - gap - hh - orders_want - y - hh - gap;
        }
        int cards_h = n_cards * card_h;
        if (cards_h > avail * 55 / 100)
            cards_h = avail * 55 / 100;
        if (cards_h < card_h * 3 / 2 && avail - card_h * 3 / 2 >= detail_min)
            cards_h = card_h * 3 / 2 < n_cards * card_h ? card_h * 3 / 2 : n_cards * card_h;
        if (cards_h > avail - detail_min)
            cards_h = avail - detail_min;
        if (paged) /* the page's button names it */
            y -= hh;
        else
            column_heading(u, (SDL_Rect){r.x, y, r.w, 0}, "ACTIONS");
        desk_cards(a, (SDL_Rect){r.x, y + hh, r.w, cards_h});
        y += hh + cards_h + gap;
        detail = (SDL_Rect){r.x, y, r.w, (paged ? bottom : bottom - nb - gap - hh - orders_want) - y - gap};
        y += detail.h + gap;
    }
    if (!paged || a->page_right == 1) {
        int oh = column_heading(u, (SDL_Rect){r.x, y, r.w, 0}, "OUTBOX");
        int nego_y = bottom - nb;
        desk_orders(a, (SDL_Rect){r.x, y + oh, r.w, nego_y - gap - y - oh});
        nego_buttons(a, (SDL_Rect){r.x, nego_y, r.w, nb});
    }
    if (a->ov != OV_NONE)
        return detail;
    if (ui_button(u, ui_id("endturn", 0), endturn, "End turn  (E)", 1) || ui_key(u, SDLK_e)) {
        char why[300];
        if (endturn_reasons(a, why, sizeof why)) { /* ask first; the E is used up */
            a->back_focus = u->focus;
            a->ov = OV_ENDTURN;
            u->key = 0, u->click = 0, u->activate = 0;
            u->focus = 0;
        } else {
            play_end_turn(a);
            u->focus = 0;
        }
    }
    return detail;
}

void scr_desk(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (p->role < 0) {
        a->scr = SCR_TITLE;
        return;
    }
    if (a->detail_role != p->role) { /* another seat: nothing explained yet */
        a->detail_role = p->role;
        a->detail_last_kind = 0;
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
    /* The layout in units decides the shape: three columns when the window holds them at
     * this scale, else two, the left one paged (map and inbox / the situation), and the
     * right one paged too when it is low (actions / outbox). */
    float uw = (float)u->w / u->u, uh = (float)u->h / u->u;
    int three = uw >= 1100.0f && uh >= 560.0f, paged_right = uh < 560.0f;
    if (!three && ui_key(u, SDLK_m)) /* M: the other page of the left column */
        a->page_left = !a->page_left;
    int m = ui_px(u, 14), tb = ui_px(u, 64);
    top_bar(a, (SDL_Rect){0, 0, u->w, tb});
    int body_y = tb + m, body_h = u->h - body_y - m;
    SDL_Rect colA, colB, colC;
    if (three) {
        int inner = u->w - 4 * m;
        int wa = inner * 42 / 100, wb = inner * 27 / 100, wc = inner - wa - wb;
        colA = (SDL_Rect){m, body_y, wa, body_h};
        colB = (SDL_Rect){2 * m + wa, body_y, wb, body_h};
        colC = (SDL_Rect){3 * m + wa + wb, body_y, wc, body_h};
    } else {
        int inner = u->w - 3 * m, wa = inner / 2;
        colA = (SDL_Rect){m, body_y, wa, body_h};
        static const char *const labels[] = {"Map & inbox", "Situation"};
        int th = page_tabs(a, colA, "lpage", labels, 2, &a->page_left);
        colA.y += th;
        colA.h -= th;
        colB = colA;
        colC = (SDL_Rect){2 * m + wa, body_y, inner - wa, body_h};
    }
    if (three || a->page_left == 0) {
        int map_h = colA.w * 80 / 100;
        if (map_h > colA.h * 58 / 100)
            map_h = colA.h * 58 / 100;
        ui_map *map = map_of(a, p->sc); /* NULL: the scenario declares none */
        if (map)
            map_draw(a, map, (SDL_Rect){colA.x, colA.y, colA.w, map_h});
        else
            map_h = -m;
        desk_log(a, (SDL_Rect){colA.x, colA.y + map_h + m, colA.w, colA.h - map_h - m});
    }
    SDL_Rect detail = right_column(a, colC, !three && paged_right);
    if (a->scr != SCR_DESK || a->ov != OV_NONE || p->role < 0)
        return; /* the turn ended: the next frame draws what follows */
    if (three || a->page_left == 1)
        situation(a, colB);
    /* The detail panel last: whatever the pointer or the focus is on has said so. */
    if (detail.w > 0 && detail.h > 0)
        desk_detail(a, detail);
}
