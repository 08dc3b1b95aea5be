/* The hot-seat hand-over screen (hides the last seat's information) and the briefing
 * that opens a seat's turn: what it has learned since its last turn, in its own view. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static void turn_line(const ui_play *p, char *buf, size_t len) {
    char date[48];
    play_date(p->sc, niact_game_turn(p->g), date, sizeof date);
    snprintf(buf, len, "Turn %d of %d  \xC2\xB7  %s", niact_game_turn(p->g) + 1, p->sc->turns, date);
}

void scr_handover(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (p->role < 0) {
        a->scr = SCR_TITLE;
        return;
    }
    const char *name = p->sc->roles[p->role].meta.name;
    int m = ui_px(u, 60);
    if (u->h - 2 * m < ui_px(u, 330)) /* low: the margins give way */
        m = ui_px(u, 16);
    int w = u->w - 2 * m;
    SDL_Rect slip = {m, m, w, u->h - 2 * m};
    ui_paper(u, slip);
    /* Measured: the stamp, the line naming the delegation, its mark, the turn, the button;
     * the gaps between them shrink to fit the slip. */
    static const char *const stamp = "EYES ONLY  \xC2\xB7  HAND THE SCREEN OVER";
    char line[160], turn[160], open_label[200];
    snprintf(line, sizeof line, "Pass to the %s delegation", name);
    turn_line(p, turn, sizeof turn);
    snprintf(open_label, sizeof open_label, "We are the %s  \xE2\x80\x94  open  (Enter)", name);
    int tw = w - ui_px(u, 80);
    int h_stamp = ui_text_height(u, FACE_TYPE_BOLD, SZ_H2, tw, stamp);
    int h_line = ui_text_height(u, FACE_TYPE_BOLD, SZ_H1, tw, line);
    int h_turn = ui_text_height(u, FACE_SANS, SZ_H2, tw, turn);
    int h_mark = ui_px(u, 36), bh = ui_px(u, 56);
    int gaps = ui_px(u, 50) + ui_px(u, 20) + ui_px(u, 16) + ui_px(u, 12) + ui_px(u, 24);
    int room = slip.h - (h_stamp + h_line + h_mark + h_turn + bh) - ui_px(u, 16);
    float k = room >= gaps ? 1.0f : room > 0 ? (float)room / (float)gaps : 0.0f;
    int x = slip.x + ui_px(u, 40);
    int y = slip.y + (int)(ui_px(u, 50) * k);
    y += ui_text(u, FACE_TYPE_BOLD, SZ_H2, COL_STAMP, (SDL_Rect){x, y, tw, h_stamp}, stamp,
                 TX_CENTER) + (int)(ui_px(u, 20) * k);
    y += ui_text(u, FACE_TYPE_BOLD, SZ_H1, COL_INK, (SDL_Rect){x, y, tw, h_line}, line, TX_CENTER) +
         (int)(ui_px(u, 16) * k);
    ui_role_mark(u, p->role, slip.x + w / 2, y + h_mark / 2, ui_px(u, 16));
    y += h_mark + (int)(ui_px(u, 12) * k);
    y += ui_text(u, FACE_SANS, SZ_H2, COL_INK_FADED, (SDL_Rect){x, y, tw, h_turn}, turn, TX_CENTER) +
         (int)(ui_px(u, 24) * k);
    snprintf(line, sizeof line, "%s", open_label);
    int bw = ui_px(u, 560) < w - ui_px(u, 40) ? ui_px(u, 560) : w - ui_px(u, 40);
    uint32_t id = ui_id("handover", p->role);
    if (!u->inert)
        ui_set_focus(u, id);
    /* A fresh press only: nothing before the screen was shown, nothing within
     * HANDOVER_GUARD_MS of it (E then Enter 50 ms apart), no key repeat; a click only
     * once it is on screen. The next seat's secrets wait for a deliberate hand. */
    uint32_t shown = a->handover_shown;
    if (u->activate && (!shown || u->key_repeat ||
                        (int32_t)(u->key_time - shown) < HANDOVER_GUARD_MS))
        u->activate = 0;
    if (u->click && !shown)
        u->click = 0;
    if (ui_button(u, id, (SDL_Rect){slip.x + (w - bw) / 2, y, bw, ui_px(u, 56)}, line, 1)) {
        a->scr = SCR_BRIEF;
        u->focus = 0;
    } else if (ui_key(u, SDLK_ESCAPE)) {
        app_open_pause(a);
    }
}

/* Changes in the tracks the seat sees since its last turn (as the session told it when
 * the turn opened); returns the height used. */
static int changes(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int y = r.y, lh = ui_line_height(u, FACE_SANS, SZ_BODY), any = 0;
    for (int i = 0; i < p->n_changes; i++) {
        const ui_change *c = &p->changes[i];
        niact_known now;
        if (niact_session_track(p->s, p->role, c->track, &now) != NIACT_OK ||
            now.vis == NIACT_VIS_NONE)
            continue;
        char text[96], line[300];
        play_track_text(p, p->role, c->track, text, sizeof text);
        const niact_track_def *d = &p->sc->tracks[c->track];
        int up = now.value > c->before.value;
        if (c->before.vis == NIACT_VIS_NONE)
            snprintf(line, sizeof line, "%s: now %s", d->meta.name, text);
        else
            snprintf(line, sizeof line, "%s %s: %s", up ? "\xE2\x96\xB2 up" : "\xE2\x96\xBC down",
                     d->meta.name, text);
        int h = ui_text_height(u, FACE_SANS, SZ_BODY, r.w, line);
        ui_text(u, d->ladder ? FACE_SANS_BOLD : FACE_SANS, SZ_BODY, COL_INK,
                (SDL_Rect){r.x, y, r.w, h}, line, 0);
        y += h + ui_px(u, 4);
        any = 1;
    }
    if (!any) {
        static const char *const none = "No change in what you can see.";
        int h = ui_text_height(u, FACE_SANS, SZ_BODY, r.w, none);
        y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, h > lh ? h : lh},
                     none, 0);
    }
    return y - r.y;
}

/* Draws one paragraph of the briefing (bold capitals for a heading); returns its
 * height plus a gap, or 0 for an empty one. */
static int paragraph(app *a, SDL_Rect r, char *text, int heading) {
    ui *u = &a->ui;
    char plain[4096];
    ui_markdown_plain(text, plain, sizeof plain);
    if (!plain[0])
        return 0;
    if (heading)
        for (char *c = plain; *c; c++)
            *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    int face = heading ? FACE_TYPE_BOLD : FACE_TYPE;
    int h = ui_text_height(u, face, SZ_BODY, r.w, plain);
    ui_text(u, face, SZ_BODY, COL_INK, (SDL_Rect){r.x, r.y, r.w, h}, plain, 0);
    text[0] = 0;
    return h + ui_px(u, heading ? 4 : 10);
}

/* The seat's opening briefing (Markdown): headings, paragraphs, list items on their
 * own lines. Returns the height used. */
static int briefing_text(app *a, SDL_Rect r, const char *md) {
    char para[4096] = "";
    int y = r.y;
    for (const char *p = md; *p;) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        int item = (len > 1 && (p[0] == '-' || p[0] == '*') && p[1] == ' ') ||
                   (len > 2 && p[0] >= '0' && p[0] <= '9' && (p[1] == '.' || p[2] == '.'));
        if (len == 0 || p[0] == '#') {
            y += paragraph(a, (SDL_Rect){r.x, y, r.w, 0}, para, 0);
            if (len > 0) {
                snprintf(para, sizeof para, "%.*s", len, p);
                y += paragraph(a, (SDL_Rect){r.x, y, r.w, 0}, para, 1);
            }
        } else {
            size_t o = strlen(para);
            snprintf(para + o, sizeof para - o, "%s%.*s", o == 0 ? "" : item ? "\n" : " ", len, p);
        }
        p = nl ? nl + 1 : p + len;
    }
    y += paragraph(a, (SDL_Rect){r.x, y, r.w, 0}, para, 0);
    return y - r.y;
}

static void brief_entries(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    SDL_Rect saved;
    int y = list_begin(a, r, &a->scroll_news, &saved), y0 = y;
    if (niact_game_turn(p->g) == 0 && p->sc->roles[p->role].briefing[0])
        y += briefing_text(a, (SDL_Rect){r.x, y, r.w - ui_px(u, 30), 0},
                           p->sc->roles[p->role].briefing) + ui_px(u, 14);
    size_t cur = p->brief_from[p->role];
    niact_log_entry e;
    int n = 0;
    while (niact_game_log_next(p->g, p->role, &cur, &e)) {
        y += log_entry_draw(a, (SDL_Rect){r.x, y, r.w - ui_px(u, 30), 0}, &e, 1) + ui_px(u, 8);
        n++;
    }
    if (n == 0)
        y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED,
                     (SDL_Rect){r.x, y, r.w, ui_line_height(u, FACE_SANS, SZ_BODY)},
                     "No news since your last turn.", 0);
    list_end(a, r, &a->scroll_news, y - y0, saved);
}

int play_objectives(app *a, SDL_Rect r, int with_text) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int sl = ui_line_height(u, FACE_SANS, SZ_SMALL), y = r.y;
    for (int o = 0; o < p->sc->n_objectives; o++) {
        const niact_objective_def *d = &p->sc->objectives[o];
        if (d->role != p->role)
            continue;
        int32_t os = 0;
        niact_game_objective_score(p->g, p->role, o, &os);
        char line[200];
        snprintf(line, sizeof line, "%s: %d / 100 (weight %d)", d->meta.name, os, d->weight);
        int face = with_text ? FACE_SANS_BOLD : FACE_SANS;
        int h = ui_text_height(u, face, SZ_SMALL, r.w, line);
        ui_text(u, face, SZ_SMALL, COL_INK, (SDL_Rect){r.x, y, r.w, h}, line, 0);
        y += h;
        if (with_text && d->meta.text && d->meta.text[0]) {
            int th = ui_text_height(u, FACE_SANS, SZ_SMALL, r.w, d->meta.text);
            ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, th},
                    d->meta.text, 0);
            y += th;
        }
        y += sl / 4;
    }
    return y - r.y;
}

void scr_brief(app *a) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    if (p->role < 0) {
        a->scr = SCR_TITLE;
        return;
    }
    int m = ui_px(u, 28);
    SDL_Rect page = {m, m, u->w - 2 * m, u->h - 2 * m};
    ui_paper(u, page);
    int pad = ui_px(u, 24);
    SDL_Rect in = {page.x + pad, page.y + pad, page.w - 2 * pad, page.h - 2 * pad};
    char title[200], tl[120];
    turn_line(p, tl, sizeof tl);
    snprintf(title, sizeof title, "BRIEFING  \xC2\xB7  %s  \xC2\xB7  %s",
             p->sc->roles[p->role].meta.name, tl);
    in.y += ui_heading(u, in, title);
    in.h = page.y + page.h - pad - in.y;
    int bh = ui_px(u, 52), colw = in.w * 3 / 5;
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY);
    const char *left_head = niact_game_turn(p->g) == 0 ? "YOUR BRIEFING" : "SINCE YOUR LAST TURN";
    int lhh = ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, colw - pad, left_head);
    ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){in.x, in.y, colw - pad, lhh}, left_head, 0);
    brief_entries(a, (SDL_Rect){in.x, in.y + lhh + ui_px(u, 6), colw - pad, in.h - lhh - ui_px(u, 6)});
    /* The right column scrolls: what changed, the score, the objectives. */
    SDL_Rect right = {in.x + colw, in.y, in.w - colw, in.h - bh - pad}, saved;
    int tw = right.w - ui_px(u, 30);
    int y = list_begin(a, right, &a->scroll_brief, &saved), y0 = y;
    static const char *const changed = "WHAT YOU SEE CHANGED";
    int ch = ui_text_height(u, FACE_TYPE_BOLD, SZ_BODY, tw, changed);
    y += ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){right.x, y, tw, ch}, changed, 0) +
         ui_px(u, 6);
    y += changes(a, (SDL_Rect){right.x, y, tw, 0});
    int32_t score = 0;
    niact_game_score(p->g, p->role, p->role, &score);
    char line[80];
    snprintf(line, sizeof line, "Your score so far: %d / 100", score);
    int sh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, line);
    y += lh / 2;
    y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){right.x, y, tw, sh}, line, 0) +
         ui_px(u, 6);
    y += play_objectives(a, (SDL_Rect){right.x, y, tw, 0}, 0);
    list_end(a, right, &a->scroll_brief, y - y0, saved);
    if (ui_key(u, SDLK_PAGEDOWN) || ui_key(u, SDLK_SPACE))
        a->scroll_news += in.h / 2;
    if (ui_key(u, SDLK_PAGEUP))
        a->scroll_news -= in.h / 2;
    uint32_t id = ui_id("brief", 0);
    if (!u->focus && !u->inert)
        ui_set_focus(u, id);
    if (ui_button(u, id, (SDL_Rect){right.x, in.y + in.h - bh, right.w, bh},
                  "To the desk  (Enter)", 1)) {
        play_mark_read(a);
        a->scr = SCR_DESK;
        a->scroll_news = 0;
        u->focus = 0;
    } else if (ui_key(u, SDLK_ESCAPE)) {
        app_open_pause(a);
    }
}

/* While the worker resolves the turn: nothing here reads the game. */
void scr_resolving(app *a) {
    ui *u = &a->ui;
    int m = ui_px(u, 60), w = u->w - 2 * m;
    SDL_Rect slip = {m, m, w, u->h - 2 * m};
    ui_paper(u, slip);
    int y = slip.y + ui_px(u, 80), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_H1);
    ui_text(u, FACE_TYPE_BOLD, SZ_H2, COL_STAMP, (SDL_Rect){slip.x, y, w, lh},
            "THE TURN IS RESOLVING", TX_CENTER | TX_ONELINE);
    y += lh + ui_px(u, 20);
    y += ui_text(u, FACE_TYPE_BOLD, SZ_H1, COL_INK,
                 (SDL_Rect){slip.x + ui_px(u, 40), y, w - ui_px(u, 80), 2 * lh}, a->work_title,
                 TX_CENTER);
    y += ui_px(u, 20);
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED,
            (SDL_Rect){slip.x + ui_px(u, 40), y, w - ui_px(u, 80), 3 * lh},
            "The other delegations are deciding. The window stays open to you; the next "
            "turn begins by itself.",
            TX_CENTER);
}
