/* The desk's panels: tracks, the escalation ladder, action cards, the outbox, the
 * detail panel that explains what is under the pointer or the focus, and the log. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static void note_detail(app *a, int kind, int idx, int state) {
    if ((state & 1) || ((state & 2) && a->detail_kind == 0))
        a->detail_kind = kind, a->detail_idx = idx;
}

/* A track's bar: filled to the value (true), or a hatched range around the estimate. */
static void track_bar(app *a, SDL_Rect b, const niact_track_def *d, const niact_track_view *v) {
    ui *u = &a->ui;
    ui_fill(u, b, COL_PAPER_LIGHT);
    double span = d->max > d->min ? (double)(d->max - d->min) : 1.0;
    int x = b.x + (int)((v->value - d->min) / span * b.w);
    if (v->vis == NIACT_VIS_TRUE) {
        ui_fill(u, (SDL_Rect){b.x, b.y, x - b.x, b.h}, COL_INK);
    } else {
        int x0 = b.x + (int)((v->value - v->error - d->min) / span * b.w);
        int x1 = b.x + (int)((v->value + v->error - d->min) / span * b.w);
        x0 = x0 < b.x ? b.x : x0;
        x1 = x1 > b.x + b.w ? b.x + b.w : x1;
        ui_hatch(u, (SDL_Rect){x0, b.y, x1 - x0 > 1 ? x1 - x0 : 2, b.h}, COL_INK, ui_px(u, 4) + 1);
        ui_fill(u, (SDL_Rect){x - 1, b.y - ui_px(u, 3), ui_px(u, 3) + 1, b.h + ui_px(u, 6)}, COL_INK);
    }
    ui_frame(u, b, COL_INK, 1);
}

/* One track row; returns its height. */
static int track_row(app *a, SDL_Rect view, int y, int t, int *scroll) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    const niact_track_def *d = &p->sc->tracks[t];
    niact_track_view v;
    niact_game_view_track(p->g, p->role, t, &v);
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL), pad = ui_px(u, 5);
    int bw = view.w - ui_px(u, 30);
    SDL_Rect row = {view.x, y, bw, lh + ui_px(u, 10) + 2 * pad};
    int st = 0;
    uint32_t id = ui_id("track", t);
    ui_region(u, id, row, &st);
    list_follow(a, view, row, scroll, id);
    note_detail(a, 2, t, st);
    if (st & 1)
        ui_fill(u, row, COL_HOVER);
    char val[96];
    play_track_text(p, p->role, t, val, sizeof val);
    int vw = ui_text_width(u, FACE_SANS_BOLD, SZ_SMALL, val);
    if (vw > bw / 2)
        vw = bw / 2;
    SDL_Rect name = {row.x + pad, row.y + pad, bw - vw - 3 * pad, lh};
    /* Name and value in full in the detail panel when the row is pointed at or focused. */
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, name, d->meta.name, TX_ONELINE | TX_MORE);
    ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK,
            (SDL_Rect){row.x + bw - pad - vw, row.y + pad, vw, lh}, val,
            TX_ONELINE | TX_RIGHT | TX_MORE);
    track_bar(a, (SDL_Rect){row.x + pad, row.y + pad + lh + ui_px(u, 2), bw - 2 * pad, ui_px(u, 7)},
              d, &v);
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, row);
    return row.h;
}

void desk_tracks(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    SDL_Rect saved;
    int y = list_begin(a, r, &a->scroll_tracks, &saved), y0 = y, hidden = 0;
    const char *group = "";
    for (int t = 0; t < p->sc->n_tracks; t++) {
        const niact_track_def *d = &p->sc->tracks[t];
        niact_track_view v;
        if (d->hidden || d->ladder)
            continue;
        if (niact_game_view_track(p->g, p->role, t, &v) != NIACT_OK || v.vis == NIACT_VIS_NONE) {
            hidden++;
            continue;
        }
        if (strcmp(group, d->group) != 0 && d->group[0]) {
            char g[96];
            snprintf(g, sizeof g, "%s", d->group);
            for (char *c = g; *c; c++)
                *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
            y += ui_px(u, 4);
            int gh = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, r.w - ui_px(u, 30), g);
            y += ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK_FADED,
                         (SDL_Rect){r.x, y, r.w - ui_px(u, 30), gh}, g, 0);
        }
        group = d->group;
        y += track_row(a, r, y, t, &a->scroll_tracks);
    }
    if (hidden) {
        char line[96];
        snprintf(line, sizeof line, "%d more track%s hidden from your delegation.", hidden,
                 hidden == 1 ? "" : "s");
        y += ui_px(u, 6);
        int hh = ui_text_height(u, FACE_SANS, SZ_SMALL, r.w - ui_px(u, 30), line);
        y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED,
                     (SDL_Rect){r.x, y, r.w - ui_px(u, 30), hh}, line, 0);
    }
    list_end(a, r, &a->scroll_tracks, y - y0 + ui_px(u, 6), saved);
}

/* One step of the ladder; the present one is filled, pointed at from the gutter and,
 * where there is room, marked NOW. */
static void ladder_step(app *a, SDL_Rect row, int gut, int value, const niact_track_def *d,
                        const niact_track_view *v, int top, int small) {
    ui *u = &a->ui;
    int now = v->vis != NIACT_VIS_NONE && value == v->value;
    char label[128];
    snprintf(label, sizeof label, "%d  %s", value, d->n_labels ? d->labels[value - d->min] : "");
    for (char *c = label; *c; c++)
        *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    ui_fill(u, row, now ? COL_INK : COL_PAPER_LIGHT);
    ui_frame(u, row, top ? COL_STAMP : COL_RULE, top ? 2 : 1);
    SDL_Rect tx = {row.x + ui_px(u, 10), row.y, row.w - ui_px(u, 20), row.h};
    int size = small ? SZ_SMALL : SZ_BODY, face = now ? FACE_TYPE_BOLD : FACE_TYPE;
    if (now) {
        float cy = row.y + row.h / 2.0f, s = gut * 0.4f, x = (float)(row.x - gut + 2);
        SDL_Vertex tri[3] = {{{x, cy - s}, COL_INK, {0, 0}},
                             {{x, cy + s}, COL_INK, {0, 0}},
                             {{x + 1.6f * s, cy}, COL_INK, {0, 0}}};
        ui_geometry(u, tri, 3, NULL, 0);
        const char *mark = v->vis == NIACT_VIS_ESTIMATE ? "NOW?" : "NOW";
        int mw = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, mark) + ui_px(u, 10);
        if (ui_text_width(u, face, size, label) + mw <= tx.w) {
            ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_PAPER_LIGHT, tx, mark,
                    TX_MIDDLE | TX_RIGHT | TX_ONELINE);
            tx.w -= mw;
        }
    }
    ui_text_fit(u, face, size, SZ_SMALL, now ? COL_PAPER_LIGHT : (top ? COL_STAMP : COL_INK), tx,
                label, TX_MIDDLE | TX_ONELINE);
}

void desk_ladder(app *a, SDL_Rect r, int t) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    const niact_track_def *d = &p->sc->tracks[t];
    niact_track_view v;
    niact_game_view_track(p->g, p->role, t, &v);
    int steps = d->max - d->min + 1;
    int rh = r.h / (steps > 0 ? steps : 1), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY);
    if (rh > ui_px(u, 34))
        rh = ui_px(u, 34);
    int st = 0, gut = ui_px(u, 22); /* the pointer's gutter, left of the steps */
    SDL_Rect all = {r.x, r.y, r.w, rh * steps};
    uint32_t id = ui_id("ladder", t);
    ui_region(u, id, all, &st);
    note_detail(a, 2, t, st);
    for (int i = 0; i < steps && steps <= 12; i++)
        ladder_step(a, (SDL_Rect){r.x + gut, r.y + i * rh, r.w - gut, rh - ui_px(u, 3)}, gut,
                    d->max - i, d, &v, i == 0, rh < lh);
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, all);
}

/* One action card; k is its number (1-9 are shortcuts). Returns its height. */
static int card(app *a, SDL_Rect view, int y, int act, int k) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    const niact_action_def *d = &p->sc->actions[act];
    char why[256], sub[300];
    int legal = play_action_legal(p, act, why, sizeof why);
    int lh = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY), sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int pad = ui_px(u, 6), badge = ui_px(u, 30);
    SDL_Rect c = {view.x, y, view.w - ui_px(u, 30), lh + sl + 2 * pad};
    int st = 0;
    uint32_t id = ui_id("card", act);
    if (ui_region(u, id, c, &st)) {
        if (legal)
            play_add_order(p, act);
        else
            play_refused(p, act, why);
    }
    list_follow(a, view, c, &a->scroll_cards, id);
    note_detail(a, 1, act, st);
    ui_fill(u, c, (st & 1) ? COL_HOVER : legal ? COL_PAPER_LIGHT : COL_PAPER);
    if (!legal)
        ui_hatch(u, c, COL_PAPER_DARK, ui_px(u, 8));
    ui_frame(u, c, legal ? COL_INK : COL_DISABLED, legal ? 2 : 1);
    char num[8];
    snprintf(num, sizeof num, "%d", k);
    if (k <= 9)
        ui_text(u, FACE_TYPE_BOLD, SZ_H2, COL_INK_FADED, (SDL_Rect){c.x, c.y, badge, c.h}, num,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
    int pips = d->cost > 5 ? 5 : d->cost, pw = ui_px(u, 10);
    SDL_Rect tx = {c.x + badge, c.y + pad, c.w - badge - pad - pips * (pw + 3) - pad, lh};
    /* The card is a summary: the detail panel has its whole name, why not and effect. */
    ui_text(u, FACE_SANS_BOLD, SZ_BODY, legal ? COL_INK : COL_INK_FADED, tx, d->meta.name,
            TX_ONELINE | TX_MORE);
    for (int i = 0; i < pips; i++)
        ui_fill(u, (SDL_Rect){c.x + c.w - pad - (i + 1) * (pw + 3), c.y + pad + lh / 4, pw, pw},
                COL_INK);
    if (!legal)
        snprintf(sub, sizeof sub, "Not possible now%s%s", why[0] ? ": " : "", why);
    else if (d->has_param)
        snprintf(sub, sizeof sub, "%d action point%s  \xC2\xB7  %s %d\xE2\x80\x93%d", d->cost,
                 d->cost == 1 ? "" : "s", d->param_name, d->param_min, d->param_max);
    else
        snprintf(sub, sizeof sub, "%d action point%s", d->cost, d->cost == 1 ? "" : "s");
    ui_text(u, FACE_SANS, SZ_SMALL, legal ? COL_INK : COL_STAMP,
            (SDL_Rect){tx.x, tx.y + lh, c.x + c.w - pad - tx.x, sl}, sub, TX_ONELINE | TX_MORE);
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, c);
    return c.h + ui_px(u, 6);
}

void desk_cards(app *a, SDL_Rect r) {
    ui_play *p = &a->play;
    SDL_Rect saved;
    int y = list_begin(a, r, &a->scroll_cards, &saved), y0 = y, k = 0;
    for (int act = 0; act < p->sc->n_actions; act++)
        if (p->sc->actions[act].roles & (1u << p->role))
            y += card(a, r, y, act, ++k);
    list_end(a, r, &a->scroll_cards, y - y0, saved);
}
