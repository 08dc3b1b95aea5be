/* Pieces the desk and the briefing share: scrolling lists (wheel, buttons, focus
 * following), role marks, log entries as telegram slips, plain text from Markdown. */
#include "app.h"

#include <stdio.h>
#include <string.h>

int list_begin(app *a, SDL_Rect r, int *scroll, SDL_Rect *saved) {
    ui *u = &a->ui;
    int over = u->mx >= r.x && u->my >= r.y && u->mx < r.x + r.w && u->my < r.y + r.h;
    if (over && u->wheel && !u->inert) {
        *scroll -= u->wheel * ui_px(u, 48);
        u->wheel = 0;
    }
    if (*scroll < 0)
        *scroll = 0;
    ui_push_clip(u, r, saved);
    return r.y - *scroll;
}

/* Clamps the scroll and, when the content overflows, draws a scroll bar with two
 * buttons (so the list scrolls with a mouse that has no wheel, and from the keyboard). */
void list_end(app *a, SDL_Rect r, int *scroll, int content_h, SDL_Rect saved) {
    ui *u = &a->ui;
    ui_pop_clip(u, saved);
    int max = content_h - r.h;
    if (max < 0)
        max = 0;
    if (*scroll > max)
        *scroll = max;
    if (max == 0)
        return;
    int bw = ui_px(u, 26), bh = ui_px(u, 30);
    if (bh > r.h / 2) /* a short list: the two buttons share its height */
        bh = r.h / 2;
    SDL_Rect track = {r.x + r.w - bw / 3, r.y + bh, bw / 3, r.h - 2 * bh};
    ui_fill(u, track, COL_PAPER_DARK);
    int th = track.h * r.h / content_h, ty = track.y + (track.h - th) * *scroll / max;
    ui_fill(u, (SDL_Rect){track.x, ty, track.w, th < 4 ? 4 : th}, COL_INK_FADED);
    int key = (int)((uintptr_t)scroll & 0xffff);
    SDL_Rect up = {r.x + r.w - bw, r.y, bw, bh}, down = {r.x + r.w - bw, r.y + r.h - bh, bw, bh};
    if (ui_button(u, ui_id("list-up", key), up, "", *scroll > 0))
        *scroll -= r.h * 2 / 3;
    ui_arrow(u, up, -1, *scroll > 0);
    if (ui_button(u, ui_id("list-down", key), down, "", *scroll < max))
        *scroll += r.h * 2 / 3;
    ui_arrow(u, down, 1, *scroll < max);
}

void list_follow(app *a, SDL_Rect view, SDL_Rect item, int *scroll, uint32_t id) {
    if (a->ui.focus != id || a->ui.inert)
        return;
    int before = *scroll;
    if (item.y < view.y || item.h > view.h)
        *scroll -= view.y - item.y;
    else if (item.y + item.h > view.y + view.h)
        *scroll += item.y + item.h - (view.y + view.h);
    if (*scroll != before) /* drawn where it was: app_frame draws the frame again */
        a->ui.relayout = 1;
}

void ui_role_mark(ui *u, int role, int cx, int cy, int s) {
    SDL_Color c = ui_role_color(role), ink = COL_INK;
    float x = (float)cx, y = (float)cy, r = (float)s;
    switch (role % 4) {
    case 0: { /* circle */
        for (int dy = -s; dy <= s; dy++) {
            int dx = 0;
            while ((dx + 1) * (dx + 1) + dy * dy <= s * s)
                dx++;
            ui_fill(u, (SDL_Rect){cx - dx, cy + dy, 2 * dx + 1, 1}, c);
        }
        break;
    }
    case 1: /* square */
        ui_fill(u, (SDL_Rect){cx - s, cy - s, 2 * s, 2 * s}, c);
        ui_frame(u, (SDL_Rect){cx - s, cy - s, 2 * s, 2 * s}, ink, 1);
        break;
    case 2: { /* triangle */
        SDL_Vertex v[3] = {{{x, y - r}, c, {0, 0}}, {{x - r, y + r}, c, {0, 0}},
                           {{x + r, y + r}, c, {0, 0}}};
        ui_geometry(u, v, 3, NULL, 0);
        break;
    }
    default: { /* diamond */
        SDL_Vertex v[4] = {{{x, y - r}, c, {0, 0}}, {{x - r, y}, c, {0, 0}},
                           {{x, y + r}, c, {0, 0}}, {{x + r, y}, c, {0, 0}}};
        int idx[6] = {0, 1, 2, 0, 2, 3};
        ui_geometry(u, v, 4, idx, 6);
    }
    }
}

static const char *kind_tag(niact_log_kind k) {
    switch (k) {
    case NIACT_LOG_REPORT: return "REPORT";
    case NIACT_LOG_ERROR: return "ERROR";
    case NIACT_LOG_SYSTEM: return "NOTE";
    case NIACT_LOG_TELEGRAM: return "TELEGRAM";
    case NIACT_LOG_PROPOSAL: return "NEGOTIATION";
    default: return "NEWS";
    }
}

int log_entry_draw(app *a, SDL_Rect r, const niact_log_entry *e, int fresh) {
    ui *u = &a->ui;
    int pad = ui_px(u, 8), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    int tw = r.w - 2 * pad, face = e->kind == NIACT_LOG_TELEGRAM ? FACE_TYPE : FACE_SANS;
    int th = ui_text_height(u, face, SZ_BODY, tw, e->text);
    char head[96], date[48];
    play_date(a->play.sc, e->turn, date, sizeof date);
    snprintf(head, sizeof head, "%s  \xC2\xB7  %s", kind_tag(e->kind), date);
    /* The head wraps where the slip is narrow (beside the NEW stamp when fresh). */
    int sw = fresh ? ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, "NEW") + 3 * pad : 0;
    int hh = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, tw - sw, head);
    if (hh < lh)
        hh = lh;
    int h = pad + hh + ui_px(u, 2) + th + pad;
    SDL_Rect slip = {r.x, r.y, r.w, h};
    if (slip.y + slip.h < 0 || slip.y > u->h)
        return h; /* off screen: measured only */
    ui_fill(u, slip, e->kind == NIACT_LOG_REPORT ? COL_PAPER_LIGHT : COL_PAPER);
    ui_frame(u, slip, COL_RULE, 1);
    if (e->kind == NIACT_LOG_REPORT || e->kind == NIACT_LOG_ERROR)
        ui_fill(u, (SDL_Rect){slip.x, slip.y, ui_px(u, 4), slip.h},
                e->kind == NIACT_LOG_ERROR ? COL_STAMP : COL_INK);
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK_FADED,
            (SDL_Rect){slip.x + pad, slip.y + pad, tw - sw, hh}, head, 0);
    if (fresh) {
        sw -= pad;
        SDL_Rect st = {slip.x + slip.w - sw - pad, slip.y + pad / 2, sw, lh + pad / 2};
        ui_frame(u, st, COL_STAMP, 2);
        ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_STAMP, st, "NEW", TX_CENTER | TX_MIDDLE | TX_ONELINE);
    }
    ui_text(u, face, SZ_BODY, COL_INK,
            (SDL_Rect){slip.x + pad, slip.y + pad + hh + ui_px(u, 2), tw, th}, e->text, 0);
    return h;
}

void ui_markdown_plain(const char *md, char *out, size_t len) {
    size_t o = 0;
    int line_start = 1;
    for (const char *p = md; *p && o + 1 < len; p++) {
        if (line_start) {
            while (*p == '#')
                p++;
            while (*p == ' ' && p > md && p[-1] == '#')
                p++;
            if (!*p)
                break;
        }
        line_start = *p == '\n';
        if (*p == '*' || *p == '_' || *p == '`')
            continue;
        out[o++] = *p;
    }
    out[o] = 0;
}
