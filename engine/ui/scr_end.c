/* The end of the game: the outcome, each role's score and objectives, and charts of
 * every track over the whole game (true values: the fog lifts at the end). */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *outcome_stamp(const niact_game *g) {
    return niact_scenario_outcome(niact_game_scenario(g), niact_game_outcome(g)).stamp;
}

/* One role's score block; returns its height. */
static int score_block(app *a, SDL_Rect r, int role) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int32_t s = 0;
    niact_game_score(p->g, role, role, &s);
    int lh = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY), sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    char line[200];
    const niact_seat *seat = &p->seats[role];
    snprintf(line, sizeof line, "%s  (%s%s)", p->sc->roles[role].meta.name,
             seat->kind == NIACT_SEAT_HUMAN ? "human" : seat->actor ? "scripted actor: " : "AI: ",
             seat->kind == NIACT_SEAT_HUMAN ? "" : (seat->personality[0] ? seat->personality : "random"));
    int here = niact_session_remote_role(p->s); /* a seat of a networked game: the others' */
    if (here >= 0)                              /* seats are the host's, as it says */
        snprintf(line, sizeof line, "%s  (%s)", p->sc->roles[role].meta.name,
                 role == here ? "you" : niact_session_remote_humans(p->s) & (1u << role)
                                            ? "human" : "AI");
    ui_role_mark(u, role, r.x + ui_px(u, 9), r.y + lh / 2, ui_px(u, 8));
    int nw = ui_px(u, 56), tw = r.w - ui_px(u, 24) - nw;
    int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, line);
    nh = nh > lh ? nh : lh;
    ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x + ui_px(u, 24), r.y, tw, nh}, line, 0);
    snprintf(line, sizeof line, "%d", s);
    int h2 = ui_line_height(u, FACE_TYPE_BOLD, SZ_H2);
    ui_text(u, FACE_TYPE_BOLD, SZ_H2, COL_INK, (SDL_Rect){r.x + r.w - nw, r.y + nh - h2, nw, h2},
            line, TX_RIGHT | TX_ONELINE);
    int y = r.y + nh + ui_px(u, 2);
    SDL_Rect bar = {r.x, y, r.w, ui_px(u, 10)};
    ui_fill(u, bar, COL_PAPER_LIGHT);
    ui_fill(u, (SDL_Rect){bar.x, bar.y, bar.w * s / 100, bar.h}, ui_role_color(role));
    ui_frame(u, bar, COL_INK, 1);
    y += bar.h + ui_px(u, 4);
    /* Who did well: the score beside the all-historical game of the same seed (the
     * session plays it once, in a private copy). Wrapped: the column scrolls. */
    int32_t base[NIACT_MAX_ROLES];
    if (p->s && niact_session_baseline(p->s, base, NIACT_MAX_ROLES) == NIACT_OK) {
        snprintf(line, sizeof line, "All-historical game of this seed: %d (%+d)", base[role], s - base[role]);
        int bh = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, r.w - ui_px(u, 24), line);
        y += ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK,
                     (SDL_Rect){r.x + ui_px(u, 24), y, r.w - ui_px(u, 24), bh > sl ? bh : sl}, line, 0);
    }
    for (int o = 0; o < p->sc->n_objectives; o++) { /* every one, wrapped (the column scrolls) */
        if (p->sc->objectives[o].role != role)
            continue;
        int32_t os = 0;
        niact_game_objective_score(p->g, role, o, &os);
        snprintf(line, sizeof line, "%s: %d", p->sc->objectives[o].meta.name, os);
        int oh = ui_text_height(u, FACE_SANS, SZ_SMALL, r.w - ui_px(u, 24), line);
        y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK,
                     (SDL_Rect){r.x + ui_px(u, 24), y, r.w - ui_px(u, 24), oh > sl ? oh : sl}, line, 0);
    }
    return y - r.y + ui_px(u, 10);
}

/* A line chart of one track over the game, points marked with squares. */
static void chart(app *a, SDL_Rect r, int t) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    const niact_track_def *d = &p->sc->tracks[t];
    int lh = ui_line_height(u, FACE_SANS_BOLD, SZ_SMALL), turns = niact_game_turn(p->g);
    int32_t last = 0;
    niact_game_truth(p->g, t, &last);
    char end[96];
    if (d->n_labels && last >= d->min && last <= d->max)
        snprintf(end, sizeof end, "end: %s (%d)", d->labels[last - d->min], last);
    else
        snprintf(end, sizeof end, "end: %d", last);
    char top_num[16], low_num[16];
    snprintf(top_num, sizeof top_num, "%d", d->max);
    snprintf(low_num, sizeof low_num, "%d", d->min);
    int aw = ui_text_width(u, FACE_SANS, SZ_SMALL, top_num), aw2 = ui_text_width(u, FACE_SANS, SZ_SMALL, low_num);
    aw = (aw > aw2 ? aw : aw2) + ui_px(u, 4); /* the axis numbers' column, measured */
    int bx = r.x + aw + ui_px(u, 2), bw = r.w - aw - ui_px(u, 8);
    int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, r.w, d->meta.name);
    int eh = ui_text_height(u, FACE_SANS, SZ_SMALL, bw, end);
    nh = nh > lh ? nh : lh;
    eh = eh > lh ? eh : lh;
    ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){r.x, r.y, r.w, nh}, d->meta.name, 0);
    SDL_Rect box = {bx, r.y + nh + ui_px(u, 2), bw, r.h - nh - eh - ui_px(u, 6)};
    if (box.h < ui_px(u, 16) || box.w < ui_px(u, 30))
        return;
    ui_fill(u, box, COL_PAPER_LIGHT);
    ui_frame(u, box, COL_RULE, 1);
    /* The axis numbers inside the box's height, clear of the name above and each other. */
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, box.y, aw, lh}, top_num,
            TX_RIGHT | TX_ONELINE);
    if (box.h >= 2 * lh)
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, box.y + box.h - lh, aw, lh},
                low_num, TX_RIGHT | TX_ONELINE);
    double span = d->max > d->min ? d->max - d->min : 1;
    float px = 0, py = 0;
    int ms = ui_px(u, 3) < 2 ? 2 : ui_px(u, 3);
    for (int32_t k = 0; k <= turns; k++) {
        int32_t v = 0;
        if (niact_game_history(p->g, 0, t, k, &v) != NIACT_OK)
            continue;
        float x = box.x + (turns ? (float)k * box.w / turns : box.w / 2.0f);
        float y = box.y + box.h - (float)((v - d->min) / span * box.h);
        if (k > 0)
            ui_line(u, px, py, x, y, COL_INK, 2.0f);
        ui_fill(u, (SDL_Rect){(int)x - ms, (int)y - ms, 2 * ms, 2 * ms}, COL_INK);
        px = x, py = y;
    }
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){box.x, box.y + box.h + ui_px(u, 2), box.w, eh},
            end, 0);
}

/* The charts grid, a page at a time; returns the number of pages. */
static int charts(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    const niact_scenario *sc = a->play.sc;
    int cols = r.w / ui_px(u, 230), rows = r.h / ui_px(u, 130), n = 0, shown = 0;
    cols = cols < 1 ? 1 : cols;
    rows = rows < 1 ? 1 : rows;
    for (int t = 0; t < sc->n_tracks; t++)
        shown += !sc->tracks[t].hidden;
    if (shown < cols * rows) { /* few tracks: bigger charts */
        while (cols > 1 && (cols - 1) * rows >= shown && cols > rows)
            cols--;
        while (rows > 1 && cols * (rows - 1) >= shown)
            rows--;
    }
    int per = cols * rows, cw = r.w / cols, ch = r.h / rows;
    for (int t = 0; t < sc->n_tracks; t++) {
        if (sc->tracks[t].hidden)
            continue;
        int slot = n - a->end_page * per;
        n++;
        if (slot < 0 || slot >= per)
            continue;
        SDL_Rect cell = {r.x + (slot % cols) * cw, r.y + (slot / cols) * ch, cw - ui_px(u, 12),
                         ch - ui_px(u, 8)};
        chart(a, cell, t);
    }
    return (n + per - 1) / per;
}

static void end_buttons(app *a, SDL_Rect r, int pages) {
    ui *u = &a->ui;
    int bh = ui_px(u, 48), gap = ui_px(u, 12), bw = (r.w - 3 * gap) / 4;
    char more[64];
    snprintf(more, sizeof more, "More charts (%d/%d)  (M)", a->end_page + 1, pages);
    if (ui_button(u, ui_id("end", 0), (SDL_Rect){r.x, r.y, bw, bh}, "New game  (G)", 1) ||
        ui_key(u, SDLK_g)) {
        play_stop(a);
        newgame_open(a);
        return;
    }
    if (ui_button(u, ui_id("end", 1), (SDL_Rect){r.x + bw + gap, r.y, bw, bh}, more, pages > 1) ||
        (pages > 1 && ui_key(u, SDLK_m)))
        a->end_page = (a->end_page + 1) % pages;
    if (ui_button(u, ui_id("end", 2), (SDL_Rect){r.x + 2 * (bw + gap), r.y, bw, bh},
                  "Title  (Esc)", 1) || ui_key(u, SDLK_ESCAPE)) {
        play_stop(a);
        a->scr = SCR_TITLE;
        u->focus = 0;
        return;
    }
    if (ui_button(u, ui_id("end", 3), (SDL_Rect){r.x + 3 * (bw + gap), r.y, bw, bh}, "Quit  (Q)", 1) ||
        ui_key(u, SDLK_q))
        a->quit = 1;
}

void scr_end(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (!p->s) {
        a->scr = SCR_TITLE;
        return;
    }
    int m = ui_px(u, 24), pad = ui_px(u, 22);
    SDL_Rect page = {m, m, u->w - 2 * m, u->h - 2 * m};
    ui_paper(u, page);
    SDL_Rect in = {page.x + pad, page.y + pad, page.w - 2 * pad, page.h - 2 * pad};
    char head[160], date[48];
    play_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    snprintf(head, sizeof head, "THE CRISIS IS OVER  \xC2\xB7  %s", date);
    int hh = ui_heading(u, in, head);
    const char *stamp = outcome_stamp(p->g);
    /* The stamp at its width (a third of the page at most, its type smaller before it
     * wraps), the outcome beside it, whole (scrolling when long). */
    int sw = ui_text_width(u, FACE_TYPE_BOLD, SZ_H1, stamp) + ui_px(u, 24);
    int lh1 = ui_line_height(u, FACE_TYPE_BOLD, SZ_H1);
    SDL_Rect st = {in.x, in.y + hh, sw < in.w / 3 ? sw : in.w / 3, lh1 + ui_px(u, 8)};
    SDL_Rect ot = {st.x + st.w + pad, st.y, in.w - st.w - pad, 0};
    const char *outcome = niact_game_outcome_text(p->g);
    int oh = ui_text_height(u, FACE_SANS, SZ_BODY, ot.w - ui_px(u, 30), outcome);
    int cap = (in.h - hh) / 3;
    ot.h = oh < st.h ? st.h : oh > cap ? cap : oh;
    if (ot.h > st.h)
        st.h = ot.h < 2 * lh1 + ui_px(u, 8) ? ot.h : 2 * lh1 + ui_px(u, 8);
    ui_frame(u, st, COL_STAMP, ui_px(u, 3));
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_H1, SZ_BODY, COL_STAMP,
                (SDL_Rect){st.x + ui_px(u, 6), st.y, st.w - ui_px(u, 12), st.h}, stamp,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
    SDL_Rect saved;
    int y = list_begin(a, ot, &a->scroll_outcome, &saved), y0 = y;
    y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK,
                 (SDL_Rect){ot.x, y + (oh < ot.h ? (ot.h - oh) / 2 : 0), ot.w - ui_px(u, 30), oh},
                 outcome, 0);
    list_end(a, ot, &a->scroll_outcome, y - y0, saved);
    int top = st.y + (st.h > ot.h ? st.h : ot.h) + pad, bh = ui_px(u, 48);
    int lw = in.w * 34 / 100;
    /* Every role's score and objectives, in a column that scrolls. */
    SDL_Rect scores = {in.x, top, lw, in.y + in.h - bh - pad - top};
    y = list_begin(a, scores, &a->scroll_scores, &saved), y0 = y;
    for (int r = 0; r < p->sc->n_roles; r++)
        y += score_block(a, (SDL_Rect){in.x, y, lw - ui_px(u, 30), 0}, r);
    list_end(a, scores, &a->scroll_scores, y - y0, saved);
    int pages = charts(a, (SDL_Rect){in.x + lw + pad, top, in.w - lw - pad, in.y + in.h - bh - pad - top});
    if (a->end_page >= pages)
        a->end_page = 0;
    end_buttons(a, (SDL_Rect){in.x, in.y + in.h - bh, in.w, bh}, pages);
}
