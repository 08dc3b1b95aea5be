/* Widgets and input: the frame's widget list, hit tests, keyboard focus (Tab order is
 * drawing order; arrow keys move to the nearest widget in that direction), buttons. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_begin(ui *u) {
    u->n_wid = 0;
    u->typing = 0;
    u->frame++;
    u->n_records = 0;
    u->text_outside = 0;
    u->text_dropped = 0;
    u->text_cut = 0;
    u->clip = (SDL_Rect){0, 0, 0, 0};
    u->clip_known = 0;
    u->dmg_k = 0;
    if (u->dl) /* the frame's list of primitives starts */
        u->dl->n = 0, u->dl->lost = 0;
    ui_apply_clip(u);
}

void ui_end(ui *u) {
    int found = 0;
    for (int i = 0; i < u->n_wid; i++)
        found |= u->wid[i].id == u->focus && u->wid[i].focusable;
    if (!found)
        u->focus = 0;
    memcpy(u->last, u->wid, (size_t)u->n_wid * sizeof u->wid[0]);
    u->n_last = u->n_wid;
}

void ui_clear_input(ui *u) {
    u->click = 0;
    u->wheel = 0;
    u->key = 0;
    u->kmod = 0;
    u->activate = 0;
    u->text_in[0] = 0;
}

static int contains(SDL_Rect r, int x, int y) {
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

/* The topmost widget of the last frame under the point (drawn last = on top). */
static uint32_t hit(const ui *u, int x, int y) {
    for (int i = u->n_last - 1; i >= 0; i--)
        if (contains(u->last[i].r, x, y))
            return u->last[i].id;
    return 0;
}

static int index_of(const ui *u, uint32_t id) {
    for (int i = 0; i < u->n_last; i++)
        if (u->last[i].id == id && u->last[i].focusable)
            return i;
    return -1;
}

static void focus_step(ui *u, int dir) {
    int n = u->n_last, i = index_of(u, u->focus);
    if (n == 0)
        return;
    for (int k = 0; k < n; k++) {
        i = i < 0 ? (dir > 0 ? 0 : n - 1) : (i + dir + n) % n;
        if (u->last[i].focusable) {
            u->focus = u->last[i].id;
            return;
        }
    }
}

/* Moves focus to the nearest widget whose centre lies in direction (dx, dy). */
static void focus_spatial(ui *u, int dx, int dy) {
    int i = index_of(u, u->focus);
    if (i < 0) {
        focus_step(u, 1);
        return;
    }
    SDL_Rect a = u->last[i].r;
    long best = -1;
    int cx = a.x + a.w / 2, cy = a.y + a.h / 2;
    for (int k = 0; k < u->n_last; k++) {
        if (k == i || !u->last[k].focusable)
            continue;
        SDL_Rect b = u->last[k].r;
        int bx = b.x + b.w / 2 - cx, by = b.y + b.h / 2 - cy;
        long along = dx ? (long)bx * dx : (long)by * dy;
        long across = labs(dx ? (long)by : (long)bx);
        if (along <= 0)
            continue;
        long score = along + 3 * across;
        if (best < 0 || score < best) {
            best = score;
            u->focus = u->last[k].id;
        }
    }
}

static int feed_key(ui *u, const SDL_KeyboardEvent *k) {
    SDL_Keycode sym = k->keysym.sym;
    int shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (u->typing && (sym == SDLK_UP || sym == SDLK_DOWN || sym == SDLK_LEFT || sym == SDLK_RIGHT))
        return 0; /* in a text field the arrows do not leave it (Tab does) */
    switch (sym) {
    case SDLK_TAB:
        focus_step(u, shift ? -1 : 1);
        u->focus_visible = 1;
        return 1;
    case SDLK_UP: focus_spatial(u, 0, -1); u->focus_visible = 1; return 1;
    case SDLK_DOWN: focus_spatial(u, 0, 1); u->focus_visible = 1; return 1;
    case SDLK_LEFT: focus_spatial(u, -1, 0); u->focus_visible = 1; return 1;
    case SDLK_RIGHT: focus_spatial(u, 1, 0); u->focus_visible = 1; return 1;
    case SDLK_SPACE:
        if (u->typing)
            break; /* a text field: the space arrives as text */
        /* fall through */
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (u->focus && index_of(u, u->focus) >= 0) {
            u->activate = 1;
            u->focus_visible = 1;
            return 1;
        }
        break;
    default:
        break;
    }
    if (u->typing && sym >= 32 && sym < 127 && !(k->keysym.mod & (KMOD_CTRL | KMOD_ALT)))
        return 0; /* a text field: the character arrives as SDL_TEXTINPUT */
    u->key = sym;
    u->kmod = k->keysym.mod;
    return 1;
}

int ui_feed(ui *u, const SDL_Event *ev) {
    /* A letter taken as a hotkey (T opens the telegram form) is not typed as well: SDL
     * sends its SDL_TEXTINPUT right after the key, and that one text is dropped. */
    int eat = u->eat_text;
    if (ev->type != SDL_KEYUP)
        u->eat_text = 0;
    switch (ev->type) {
    case SDL_MOUSEMOTION: {
        u->mx = (int)(ev->motion.x * u->dpi);
        u->my = (int)(ev->motion.y * u->dpi);
        uint32_t h = hit(u, u->mx, u->my);
        if (h == u->hot)
            return 0;
        u->hot = h;
        return 1;
    }
    case SDL_MOUSEBUTTONUP:
        if (ev->button.button != SDL_BUTTON_LEFT)
            return 0;
        u->mx = (int)(ev->button.x * u->dpi);
        u->my = (int)(ev->button.y * u->dpi);
        u->click = 1;
        u->focus_visible = 0;
        return 1;
    case SDL_MOUSEWHEEL:
        u->wheel += ev->wheel.y;
        return 1;
    case SDL_KEYDOWN:
        u->key_time = ev->key.timestamp;
        u->key_repeat = ev->key.repeat != 0;
        if (!feed_key(u, &ev->key))
            return 0;
        u->eat_text = ev->key.keysym.sym >= 32 && ev->key.keysym.sym < 127 && u->key;
        return 1;
    case SDL_TEXTINPUT: {
        if (eat)
            return 0;
        size_t have = strlen(u->text_in), add = strlen(ev->text.text);
        if (have + add < sizeof u->text_in)
            memcpy(u->text_in + have, ev->text.text, add + 1);
        return 1;
    }
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE) {
            u->mx = u->my = -1;
            u->hot = 0;
        }
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            ev->window.event == SDL_WINDOWEVENT_RESIZED)
            ui_resize(u);
        return ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
               ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
               ev->window.event == SDL_WINDOWEVENT_RESIZED ||
               ev->window.event == SDL_WINDOWEVENT_LEAVE;
    default:
        return 0;
    }
}

int ui_key(ui *u, SDL_Keycode k) {
    if (u->inert || u->key != k)
        return 0;
    u->key = 0;
    return 1;
}

int ui_is_hot(const ui *u, uint32_t id) {
    for (int i = 0; i < u->n_wid; i++)
        if (u->wid[i].id == id)
            return !u->inert && contains(u->wid[i].r, u->mx, u->my);
    return 0;
}

int ui_is_focused(const ui *u, uint32_t id) {
    return !u->inert && u->focus == id;
}

void ui_set_focus(ui *u, uint32_t id) {
    u->focus = id;
}

void ui_focus_ring(ui *u, SDL_Rect r) {
    int t = ui_px(u, 3);
    if (t < 2)
        t = 2;
    SDL_Rect o = {r.x - t - 1, r.y - t - 1, r.w + 2 * t + 2, r.h + 2 * t + 2};
    ui_frame(u, o, COL_FOCUS, t);
}

/* Registers a widget of this frame with the clip in force (for hit tests, the tab order
 * and the layout test). */
static void add_widget(ui *u, uint32_t id, SDL_Rect r) {
    if (u->n_wid >= UI_MAX_WIDGETS)
        return;
    SDL_Rect clip = u->clip.w > 0 ? u->clip : (SDL_Rect){0, 0, u->w, u->h};
    u->wid[u->n_wid++] = (ui_widget){id, r, clip, 1};
}

/* Whether a widget drawn after `id` in the last frame, and lying inside r, is under the
 * pointer: a control within a region (a text field's own scroll arrows) takes the click,
 * not the region drawn under it. */
static int inner_widget_hit(const ui *u, uint32_t id, SDL_Rect r) {
    int after = 0;
    for (int i = 0; i < u->n_last; i++) {
        const SDL_Rect q = u->last[i].r;
        if (u->last[i].id == id)
            after = 1;
        else if (after && contains(q, u->mx, u->my) && q.x >= r.x && q.y >= r.y &&
                 q.x + q.w <= r.x + r.w && q.y + q.h <= r.y + r.h)
            return 1;
    }
    return 0;
}

int ui_region(ui *u, uint32_t id, SDL_Rect r, int *state) {
    int st = 0, fired = 0;
    if (!u->inert) {
        add_widget(u, id, r);
        int over = contains(r, u->mx, u->my) &&
                   (u->clip.w == 0 || contains(u->clip, u->mx, u->my));
        st = (over ? 1 : 0) | (u->focus == id ? 2 : 0);
        if (u->click && over && !inner_widget_hit(u, id, r)) {
            u->click = 0;
            u->focus = id;
            fired = 1;
        } else if (u->activate && u->focus == id) {
            u->activate = 0;
            fired = 1;
        }
    }
    if (state)
        *state = st;
    return fired;
}

int ui_button(ui *u, uint32_t id, SDL_Rect r, const char *label, int enabled) {
    int st = 0, fired = 0;
    if (enabled) {
        fired = ui_region(u, id, r, &st);
    } else if (!u->inert) {
        add_widget(u, id, r); /* focusable, so it can explain itself */
        st = u->focus == id ? 2 : 0;
    }
    int t = ui_px(u, 2) < 1 ? 1 : ui_px(u, 2);
    ui_fill(u, r, enabled ? ((st & 1) ? COL_HOVER : COL_PAPER_LIGHT) : COL_PAPER);
    if (enabled)
        ui_frame(u, r, COL_INK, t);
    else
        ui_dashed_rect(u, r, COL_DISABLED, t);
    int pad = ui_px(u, 8);
    SDL_Rect box = {r.x + pad, r.y + t, r.w - 2 * pad, r.h - 2 * t};
    /* The label is read whole: smaller, then without its key hint ("  (E)": the F1 sheet
     * lists every key), then on two lines, before it is ever cut. */
    char shorter[160];
    const char *hint = strstr(label, "  (");
    if (hint && ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, label) > box.w &&
        (size_t)(hint - label) < sizeof shorter) {
        snprintf(shorter, sizeof shorter, "%.*s", (int)(hint - label), label);
        if (ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, shorter) <= box.w)
            label = shorter;
    }
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_BODY, SZ_SMALL, enabled ? COL_INK : COL_INK_FADED, box,
                label, TX_CENTER | TX_MIDDLE | TX_ONELINE);
    if ((st & 1) && enabled)
        ui_hline(u, r.x + pad, r.x + r.w - pad, r.y + r.h - t - ui_px(u, 4), COL_INK, 1);
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, r);
    return fired;
}

int ui_heading(ui *u, SDL_Rect r, const char *text) {
    /* One line at the largest size that takes it (down to body), else wrapped. */
    int size = SZ_H2, lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_H2), h = lh;
    while (size > SZ_BODY && ui_text_width(u, FACE_TYPE_BOLD, size, text) > r.w)
        size--;
    lh = ui_line_height(u, FACE_TYPE_BOLD, size);
    h = ui_text_height(u, FACE_TYPE_BOLD, size, r.w, text);
    if (h < lh)
        h = lh;
    ui_text(u, FACE_TYPE_BOLD, size, COL_INK, (SDL_Rect){r.x, r.y, r.w, h}, text, 0);
    ui_hline(u, r.x, r.x + r.w, r.y + h + ui_px(u, 2), COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
    return h + ui_px(u, 8);
}
