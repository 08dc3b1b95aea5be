/* The telegram composer (T): addressees and free text typed into a telegram form (SDL
 * text input; Backspace deletes, Ctrl+V pastes, Enter sends), at most
 * NIACT_TELEGRAM_MAX bytes, sent with niact_session_telegram. */
#include "app.h"
#include "niact/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends typed or pasted text, whole UTF-8 characters only, up to the limit: a control
 * character (niact_text_is_control: C0, DEL, C1, bidirectional controls) becomes a
 * space and a byte that is not UTF-8 is dropped, so what is sent is plain text, as the
 * session requires (niact_text_check). Returns 0 if some did not fit. */
static int append_text(char *buf, const char *add) {
    size_t len = strlen(buf), n = strlen(add);
    int all = 1;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t clen = niact_utf8_next(add + i, n - i, &cp);
        if (clen == 0) {
            i++;
            continue;
        }
        const char *put = niact_text_is_control(cp) ? " " : add + i;
        size_t plen = niact_text_is_control(cp) ? 1 : clen;
        if (len + plen > NIACT_TELEGRAM_MAX) {
            all = 0;
            break;
        }
        memcpy(buf + len, put, plen);
        len += plen;
        i += clen;
    }
    buf[len] = 0;
    return all;
}

/* Removes the last UTF-8 character. */
static void backspace(char *buf) {
    size_t len = strlen(buf);
    while (len > 0 && ((uint8_t)buf[len - 1] & 0xC0) == 0x80)
        len--;
    if (len > 0)
        len--;
    buf[len] = 0;
}

static void edit_text(app *a) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    int changed = 0, full = 0;
    if (u->text_in[0]) {
        full |= !append_text(n->text, u->text_in);
        u->text_in[0] = 0;
        changed = 1;
    }
    if ((u->kmod & KMOD_CTRL) && ui_key(u, SDLK_v) && SDL_HasClipboardText()) {
        char *clip = SDL_GetClipboardText();
        if (clip)
            full |= !append_text(n->text, clip);
        SDL_free(clip);
        changed = 1;
    }
    if (ui_key(u, SDLK_BACKSPACE)) {
        backspace(n->text);
        changed = 1;
    }
    if (full) {
        snprintf(n->msg, sizeof n->msg, "A telegram holds at most %d characters: the rest was "
                 "not taken.", NIACT_TELEGRAM_MAX);
        n->msg_refused = 1;
    }
    if (changed)
        n->scroll_text = 1 << 20; /* list_end clamps it: the end of the text stays in view */
}

static void send_telegram(app *a) {
    ui_play *p = &a->play;
    ui_nego *n = &a->nego;
    n->msg_refused = 1;
    if (!n->text[0]) {
        snprintf(n->msg, sizeof n->msg, "NOT SENT: the telegram has no text yet.");
        return;
    }
    niact_command c = niact_command_make(NIACT_CMD_TELEGRAM, p->role);
    c.to = n->tg_to;
    snprintf(c.text, sizeof c.text, "%s", n->text); /* (the box holds at most NIACT_TELEGRAM_MAX) */
    if (niact_session_tell(p->s, &c, NULL) != NIACT_OK) {
        snprintf(n->msg, sizeof n->msg, "NOT SENT: %.300s.", niact_session_error(p->s));
        return;
    }
    char who[200];
    nego_roles_text(p->sc, n->tg_to, who, sizeof who);
    snprintf(n->msg, sizeof n->msg, "SENT: your telegram to %s is in their inbox now.", who);
    n->msg_refused = 0;
    n->text[0] = 0;
}

/* The form: typed text in typewriter type with a caret, scrolling to its end. */
static void text_field(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    uint32_t id = ui_id("tg-text", 0);
    int enter = u->activate && u->focus == id && !u->inert, st = 0;
    ui_region(u, id, r, &st);
    int focused = ui_is_focused(u, id);
    if (focused) {
        u->typing = 1;
        edit_text(a);
        if (enter)
            send_telegram(a);
    }
    ui_fill(u, r, (st & 1) && !focused ? COL_HOVER : COL_PAPER_LIGHT);
    ui_frame(u, r, COL_INK, focused ? ui_px(u, 3) < 2 ? 2 : ui_px(u, 3) : 1);
    int pad = ui_px(u, 10);
    SDL_Rect view = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad}, saved;
    int y = list_begin(a, view, &n->scroll_text, &saved), y0 = y, w = view.w - ui_px(u, 30);
    int lh = ui_line_height(u, FACE_TYPE, SZ_BODY);
    for (int ly = y + lh; lh > 0 && ly < view.y + view.h; ly += lh) /* the form's ruled lines */
        if (ly > view.y)
            ui_hline(u, view.x, view.x + w, ly, COL_RULE, 1);
    char shown[NIACT_TELEGRAM_MAX + 8];
    snprintf(shown, sizeof shown, "%s%s", n->text, focused ? "_" : "");
    if (shown[0]) {
        int h = ui_text_height(u, FACE_TYPE, SZ_BODY, w, shown);
        y += ui_text(u, FACE_TYPE, SZ_BODY, COL_INK, (SDL_Rect){view.x, y, w, h}, shown, 0);
    } else {
        y += ui_text(u, FACE_TYPE, SZ_BODY, COL_INK_FADED, (SDL_Rect){view.x, y, w, ui_px(u, 60)},
                     "Click here (or Tab to here) and type your message.", 0);
    }
    list_end(a, view, &n->scroll_text, y - y0, saved);
    if (focused && u->focus_visible)
        ui_focus_ring(u, r);
}

void nego_open_telegram(app *a) {
    nego_own(a);
    a->nego.msg[0] = 0;
    a->back_focus = a->ui.focus;
    a->ov = OV_TELEGRAM;
    a->ui.focus = ui_id("tg-text", 0);
    if (a->ui.win)
        SDL_StartTextInput();
}

void ov_telegram(app *a) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    char title[160];
    snprintf(title, sizeof title, "TELEGRAM  \xC2\xB7  FROM %s", a->play.sc->roles[a->play.role].meta.name);
    SDL_Rect in = nego_sheet(u, title);
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("tg-text", 0));
    int gap = ui_px(u, 10), bh = ui_px(u, 44), sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int msg_h = 2 * sl + ui_px(u, 6), y = in.y;
    if (n->msg[0]) { /* the whole message, measured */
        int mh = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, in.w - ui_px(u, 12), n->msg) + ui_px(u, 6);
        msg_h = mh > msg_h ? mh : msg_h;
    }
    y += nego_addressees(a, (SDL_Rect){in.x, y, in.w, 0}, "tg-to", &n->tg_to, 0) + gap;
    char count[200];
    snprintf(count, sizeof count, "%zu of %d characters  \xC2\xB7  Enter sends  \xC2\xB7  "
             "Backspace deletes  \xC2\xB7  Tab leaves the form", strlen(n->text), NIACT_TELEGRAM_MAX);
    int count_h = ui_text_height(u, FACE_SANS, SZ_SMALL, in.w, count); /* wraps when narrow */
    count_h = count_h > sl ? count_h : sl;
    int field_h = in.y + in.h - y - bh - msg_h - count_h - 3 * gap;
    text_field(a, (SDL_Rect){in.x, y, in.w, field_h});
    y += field_h + gap;
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){in.x, y, in.w, count_h}, count, 0);
    y += count_h + gap;
    if (n->msg[0]) {
        if (n->msg_refused)
            ui_frame(u, (SDL_Rect){in.x, y, in.w, msg_h}, COL_STAMP, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, n->msg_refused ? COL_STAMP : COL_INK,
                (SDL_Rect){in.x + ui_px(u, 6), y + ui_px(u, 3), in.w - ui_px(u, 12), msg_h - ui_px(u, 6)},
                n->msg, 0);
    }
    int bw = ui_px(u, 260), by = in.y + in.h - bh;
    if (bw * 2 + gap > in.w)
        bw = (in.w - gap) / 2;
    if (ui_button(u, ui_id("tg-send", 0), (SDL_Rect){in.x, by, bw, bh},
                  nego_fit_label(u, bw, "Send telegram", "Send"),
                  n->text[0] && n->tg_to))
        send_telegram(a);
    if (ui_button(u, ui_id("tg-close", 0), (SDL_Rect){in.x + bw + gap, by, bw, bh},
                  nego_fit_label(u, bw, "Close  (Esc)", "Close"), 1) ||
        ui_key(u, SDLK_ESCAPE))
        nego_close(a);
}
