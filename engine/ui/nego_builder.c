/* The proposal builder (P, or Counter on a proposal in the inbox): addressees, terms
 * picked from the scenario's list with a stepper for a parameter, public or private, a
 * live summary of what the seat offers and asks, and Send (niact_session_propose). Before
 * Send, niact_session_propose_check says READY or NOT NOW and why over Send, and each term
 * row that cannot be offered now says why; a refusal goes once the proposal is changed
 * into one that would be taken. Also the pieces the other negotiation sheets
 * share: the sheet, the addressee toggles, closing. */
#include "app.h"

#include <stdio.h>
#include <string.h>

SDL_Rect nego_sheet(ui *u, const char *title) {
    int m = ui_px(u, 20), maxw = ui_px(u, 1200);
    SDL_Rect r = {m, m, u->w - 2 * m, u->h - 2 * m};
    if (r.w > maxw) {
        r.x = (u->w - maxw) / 2;
        r.w = maxw;
    }
    ui_paper(u, r);
    int pad = ui_px(u, 20);
    SDL_Rect in = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    int hh = ui_heading(u, in, title);
    in.y += hh;
    in.h -= hh;
    return in;
}

void nego_roles_text(const niact_scenario *sc, uint32_t mask, char *buf, size_t len) {
    int n = 0, k = 0;
    for (int r = 0; r < sc->n_roles; r++)
        n += (mask >> r) & 1;
    size_t o = 0;
    buf[0] = 0;
    for (int r = 0; r < sc->n_roles && o < len; r++) {
        if (!((mask >> r) & 1))
            continue;
        const char *sep = k == 0 ? "" : k == n - 1 ? " and " : ", ";
        int w = snprintf(buf + o, len - o, "%s%s", sep, sc->roles[r].meta.name);
        if (w < 0)
            break;
        o += (size_t)w;
        k++;
    }
    if (n == 0)
        snprintf(buf, len, "nobody yet");
}

void nego_own(app *a) {
    ui_nego *n = &a->nego;
    const ui_play *p = &a->play;
    if (n->role == p->role)
        return;
    memset(n, 0, sizeof *n);
    n->role = p->role;
    n->explain = -1;
    for (int r = 0; r < p->sc->n_roles && !n->to; r++)
        if (r != p->role)
            n->to = 1u << r; /* the first other delegation */
    n->tg_to = n->to;
}

void nego_close(app *a) {
    a->ov = OV_NONE;
    a->ui.focus = a->back_focus;
    if (a->ui.win)
        SDL_StopTextInput();
}

int nego_addressees(app *a, SDL_Rect r, const char *name, uint32_t *to, int locked) {
    ui *u = &a->ui;
    const ui_play *p = &a->play;
    int bh = ui_px(u, 40), gap = ui_px(u, 8), k = p->sc->n_roles - 1;
    int lw = ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, "TO") + ui_px(u, 12);
    ui_text(u, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x, r.y, lw, bh}, "TO",
            TX_MIDDLE | TX_ONELINE);
    int cols = k > 0 ? k : 1, bw = (r.w - lw - (cols - 1) * gap) / cols;
    if (cols > 1 && bw < ui_px(u, 210)) { /* narrow: one a row */
        cols = 1;
        bw = r.w - lw;
    }
    int i = 0;
    for (int role = 0; role < p->sc->n_roles; role++) {
        if (role == p->role)
            continue;
        uint32_t bit = 1u << role;
        char label[160];
        snprintf(label, sizeof label, "[%s] %s", (*to & bit) ? "X" : " ",
                 p->sc->roles[role].meta.name);
        SDL_Rect b = {r.x + lw + (i % cols) * (bw + gap), r.y + (i / cols) * (bh + gap), bw, bh};
        if (ui_button(u, ui_id(name, role), b, label, !locked))
            *to ^= bit;
        i++;
    }
    int rows = (i + cols - 1) / cols;
    return rows > 0 ? rows * (bh + gap) - gap : bh;
}

/* A label, or its short form when the long one does not fit in width w. */
const char *nego_fit_label(ui *u, int w, const char *longer, const char *shorter) {
    return ui_text_width(u, FACE_TYPE_BOLD, SZ_BODY, longer) + ui_px(u, 16) <= w ? longer : shorter;
}

/* The parties (the seat and `to`) that may give term t. */
static uint32_t can_give(const ui_play *p, int t, uint32_t to) {
    return p->sc->terms[t].givers & (to | 1u << p->role);
}

/* The giver of term t among the seat and `to`, as the core picks it; -1 if none. */
static int term_giver(const ui_play *p, int t, uint32_t to) {
    uint32_t can = can_give(p, t, to);
    if (!can)
        return -1;
    return (can & (1u << p->role)) ? p->role : __builtin_ctz(can);
}

/* The giver of a picked term: the one the proposer chose while it may still give it (an
 * addressee removed since no longer can), else the core's pick. */
static int item_giver(const ui_play *p, const niact_term_item *it, uint32_t to) {
    if (it->giver >= 0 && it->giver < p->sc->n_roles && (can_give(p, it->term, to) >> it->giver & 1u))
        return it->giver;
    return term_giver(p, it->term, to);
}

/* The proposer's next choice of giver for a picked term: the next party that may give it. */
static void next_giver(const ui_play *p, niact_term_item *it, uint32_t to) {
    uint32_t can = can_give(p, it->term, to);
    int g = item_giver(p, it, to);
    for (int k = 1; k <= p->sc->n_roles; k++) {
        int r = (g + k) % p->sc->n_roles;
        if (can >> r & 1u) {
            it->giver = (int16_t)r;
            return;
        }
    }
}

static int picked(const ui_nego *n, int t) {
    for (int k = 0; k < n->n; k++)
        if (n->items[k].term == t)
            return k;
    return -1;
}

static void toggle_term(ui_nego *n, const niact_scenario *sc, int t) {
    int k = picked(n, t);
    if (k >= 0) {
        for (int i = k; i + 1 < n->n; i++)
            n->items[i] = n->items[i + 1];
        n->n--;
        return;
    }
    if (n->n >= NIACT_MAX_TERMS) {
        snprintf(n->msg, sizeof n->msg, "A proposal has at most %d terms: drop one first.",
                 NIACT_MAX_TERMS);
        n->msg_refused = 1;
        n->refused_key = 0; /* (the proposal has not changed) */
        return;
    }
    const niact_term_def *d = &sc->terms[t];
    n->items[n->n++] = (niact_term_item){(int16_t)t, -1, d->has_param ? d->param_default : 0};
}

/* The items as Send gives them: a giver chosen and still a party, else the core's (-1). */
static void send_items(const ui_play *p, const ui_nego *n, niact_term_item *out) {
    for (int k = 0; k < n->n; k++) {
        const niact_term_item *it = &n->items[k];
        int chosen = it->giver >= 0 && it->giver < p->sc->n_roles &&
                     (can_give(p, it->term, n->to) >> it->giver & 1u);
        out[k] = *it;
        out[k].giver = chosen ? it->giver : -1;
    }
}

/* What the check depends on: the seat's view, the pause, the proposal as it stands. */
static uint64_t check_key(const ui_play *p, const ui_nego *n) {
    niact_term_item it[NIACT_MAX_TERMS];
    send_items(p, n, it);
    uint64_t h = 1469598103934665603ull;
    int64_t v[8] = {(int64_t)niact_session_generation(p->s, p->role), niact_session_paused(p->s),
                    p->role, n->to, n->public_, n->counter_of, n->n, p->sc->n_terms};
    for (int i = 0; i < 8; i++)
        h = (h ^ (uint64_t)v[i]) * 1099511628211ull;
    for (int k = 0; k < n->n; k++)
        h = (h ^ ((uint64_t)(uint16_t)it[k].term << 48 | (uint64_t)(uint16_t)it[k].giver << 32 |
                  (uint32_t)it[k].param)) * 1099511628211ull;
    return h | 1u;
}

/* Why term t, as its row stands (picked: its parameter and giver; else as it starts),
 * cannot be offered alone to the addressees now; "" when it can or when the reason is
 * about the proposal as a whole (the status line says that). */
static void term_reason(const ui_play *p, const ui_nego *n, int t, char *why, size_t len) {
    why[0] = 0;
    if (!n->to)
        return;
    const niact_term_def *d = &p->sc->terms[t];
    niact_term_item it = {(int16_t)t, -1, d->has_param ? d->param_default : 0};
    niact_term_item all[NIACT_MAX_TERMS];
    send_items(p, n, all);
    for (int k = 0; k < n->n; k++)
        if (n->items[k].term == t)
            it = all[k];
    int bad = -1;
    char w[300];
    if (!niact_session_propose_check(p->s, p->role, n->to, n->public_, &it, 1, 0, &bad, w,
                                     sizeof w) && bad == 0)
        snprintf(why, len, "%s", w);
}

/* Checks the proposal as it stands (only when something it depends on changed), and
 * clears a refusal once the proposal has changed and would be taken. */
static void builder_check(app *a) {
    const ui_play *p = &a->play;
    ui_nego *n = &a->nego;
    uint64_t key = check_key(p, n);
    if (key != n->chk_key) {
        n->chk_key = key;
        niact_term_item it[NIACT_MAX_TERMS];
        send_items(p, n, it);
        n->chk_why[0] = 0;
        if (!n->n) {
            n->chk_ok = 0;
            snprintf(n->chk_why, sizeof n->chk_why, "pick at least one term");
        } else if (!n->to) {
            n->chk_ok = 0;
            snprintf(n->chk_why, sizeof n->chk_why,
                     "a proposal goes to one or more other delegations; pick them under To");
        } else {
            n->chk_ok = niact_session_propose_check(p->s, p->role, n->to, n->public_, it, n->n,
                                                    n->counter_of, NULL, n->chk_why,
                                                    sizeof n->chk_why);
        }
        for (int t = 0; t < p->sc->n_terms && t < NEGO_TERM_WHY; t++)
            term_reason(p, n, t, n->term_why[t], sizeof n->term_why[t]);
    }
    if (n->msg_refused && !n->refused_key)
        n->refused_key = key; /* a refusal set from elsewhere: it stands until a change */
    if (n->msg_refused && n->chk_ok && key != n->refused_key) {
        n->msg[0] = 0;
        n->msg_refused = 0;
        n->refused_key = 0;
    }
}

/* Term t's reason for "cannot be offered now" ("" if it can). */
static const char *row_reason(app *a, int t, char *buf, size_t len) {
    if (t < NEGO_TERM_WHY)
        return a->nego.term_why[t];
    term_reason(&a->play, &a->nego, t, buf, len);
    return buf;
}

/* "Given by the Soviet Union: you ask for it" under a term's name. */
static void giver_text(const ui_play *p, int t, const niact_term_item *it, uint32_t to,
                       char *buf, size_t len) {
    int g = it ? item_giver(p, it, to) : term_giver(p, t, to);
    int choice = it && __builtin_popcount(can_give(p, t, to)) > 1;
    const char *more = choice ? " (click to change who gives it)" : "";
    char who[200];
    if (g == p->role)
        snprintf(buf, len, "Given by you: you offer it%s", more);
    else if (g >= 0)
        snprintf(buf, len, "Given by %s: you ask for it%s", p->sc->roles[g].meta.name, more);
    else {
        nego_roles_text(p->sc, p->sc->terms[t].givers, who, sizeof who);
        snprintf(buf, len, "Only %s can give it: add them as addressees", who);
    }
}

/* The giver's line, then "NOT NOW: why" when the term cannot be offered now. */
static void row_text(const ui_play *p, int t, const niact_term_item *it, uint32_t to,
                     const char *why, char *buf, size_t len) {
    char g[300];
    giver_text(p, t, it, to, g, sizeof g);
    if (why && why[0])
        snprintf(buf, len, "%s\nNOT NOW: %s", g, why);
    else
        snprintf(buf, len, "%s", g);
}

/* A step of the parameter: 1, or 5 over a wide range. */
static int32_t param_step(const niact_term_def *d) {
    return d->param_max - d->param_min > 30 ? 5 : 1;
}

static void change_param(niact_term_item *it, const niact_term_def *d, int dir) {
    int32_t v = it->param + dir * param_step(d);
    it->param = v < d->param_min ? d->param_min : v > d->param_max ? d->param_max : v;
}

/* The − value + stepper of a picked term with a parameter, right-aligned in r. */
static void stepper(app *a, SDL_Rect r, int t, niact_term_item *it) {
    ui *u = &a->ui;
    const niact_term_def *d = &a->play.sc->terms[t];
    int bw = ui_px(u, 36), vw = r.w - 2 * bw;
    int y = r.y + (r.h - bw) / 2;
    if (ui_button(u, ui_id("term-minus", t), (SDL_Rect){r.x, y, bw, bw}, "-",
                  it->param > d->param_min))
        change_param(it, d, -1);
    char val[96];
    snprintf(val, sizeof val, "%d %s", it->param, d->param_name);
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_SMALL, SZ_SMALL, COL_INK, (SDL_Rect){r.x + bw, r.y, vw, r.h}, val,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
    if (ui_button(u, ui_id("term-plus", t), (SDL_Rect){r.x + bw + vw, y, bw, bw}, "+",
                  it->param < d->param_max))
        change_param(it, d, 1);
    if (ui_is_hot(u, ui_id("term-minus", t)) || ui_is_hot(u, ui_id("term-plus", t)))
        a->nego.explain = t;
}

/* A check box: framed square, crossed when on (never colour alone). */
static void check_box(ui *u, SDL_Rect b, int on) {
    ui_fill(u, b, COL_PAPER_LIGHT);
    ui_frame(u, b, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
    if (!on)
        return;
    float m = (float)b.w * 0.22f, w = ui_px(u, 3) < 2 ? 2.0f : (float)ui_px(u, 3);
    ui_line(u, b.x + m, b.y + m, b.x + b.w - m, b.y + b.h - m, COL_INK, w);
    ui_line(u, b.x + b.w - m, b.y + m, b.x + m, b.y + b.h - m, COL_INK, w);
}

/* One term of the scenario as a row that picks it; returns its height. A picked term with
 * a parameter has a stepper at its right, or under its name when the row is narrow. */
static int term_row(app *a, SDL_Rect r, int t) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    const niact_term_def *d = &a->play.sc->terms[t];
    int pad = ui_px(u, 8), l1 = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY);
    int l2 = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int cb = l1 - ui_px(u, 4), tx = r.x + pad + cb + pad, k = picked(n, t);
    int sw = d->has_param ? ui_px(u, 36) * 2 + ui_px(u, 100) : 0, sh = ui_px(u, 40);
    int below = sw && r.x + r.w - sw - pad - tx < ui_px(u, 260);
    int steps = k >= 0 && d->has_param;
    /* A picked term that more than one party may give: its second line picks the giver. */
    int choose = k >= 0 && __builtin_popcount(can_give(&a->play, t, n->to)) > 1;
    /* The name and the giver's line wrap: the row is as high as they are. */
    int tw = r.w - (steps && !below ? sw + pad : 0) - (tx - r.x) - pad;
    char sub[600], rb[200];
    const char *why = row_reason(a, t, rb, sizeof rb);
    int cannot = why[0] && term_giver(&a->play, t, n->to) >= 0;
    row_text(&a->play, t, k >= 0 ? &n->items[k] : NULL, n->to, cannot ? why : "", sub, sizeof sub);
    int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, d->meta.name);
    int gh = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, sub);
    l1 = nh > l1 ? nh : l1;
    l2 = gh > l2 ? gh : l2;
    int h = pad + l1 + l2 + pad;
    if (steps && !below && h < sh)
        h = sh;
    SDL_Rect hitr = {r.x, r.y, r.w - (steps && !below ? sw + pad : 0), choose ? pad + l1 : h};
    SDL_Rect giver_r = {r.x, r.y + pad + l1, hitr.w, h - pad - l1};
    int gst = 0;
    SDL_Rect row = {r.x, r.y, r.w, h + (steps && below ? sh + pad / 2 : 0)}, sr;
    sr = below ? (SDL_Rect){tx, r.y + h, sw, sh} : (SDL_Rect){r.x + r.w - sw - pad, r.y, sw, h};
    int st = 0;
    if (row.y + row.h >= 0 && row.y <= u->h) {
        ui_fill(u, row, k >= 0 ? COL_PAPER_LIGHT : COL_PAPER);
        if (ui_region(u, ui_id("term", t), hitr, &st))
            toggle_term(n, a->play.sc, t);
        if (st & 1)
            ui_fill(u, hitr, COL_HOVER);
        if (choose && picked(n, t) >= 0 &&
            ui_region(u, ui_id("term-giver", t), giver_r, &gst) && picked(n, t) >= 0)
            next_giver(&a->play, &n->items[picked(n, t)], n->to);
        if (choose && (gst & 1))
            ui_fill(u, giver_r, COL_HOVER);
        /* Picked: a heavy frame; can be offered: a plain one; cannot now: dashed, and why. */
        if (k >= 0)
            ui_frame(u, row, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
        else if (!why[0] && term_giver(&a->play, t, n->to) >= 0)
            ui_frame(u, row, COL_INK_FADED, 1);
        else
            ui_dashed_rect(u, row, COL_RULE, 1);
        check_box(u, (SDL_Rect){r.x + pad, r.y + pad + ui_px(u, 2), cb, cb}, k >= 0);
        k = picked(n, t);
        /* (the reasons are those measured: a change this frame shows in the next) */
        row_text(&a->play, t, k >= 0 ? &n->items[k] : NULL, n->to, cannot ? why : "", sub,
                 sizeof sub);
        ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){tx, r.y + pad, tw, l1},
                d->meta.name, 0);
        ui_text(u, FACE_SANS, SZ_SMALL, cannot ? COL_STAMP : COL_INK_FADED,
                (SDL_Rect){tx, r.y + pad + l1, tw, l2}, sub, 0);
        if (steps && picked(n, t) >= 0)
            stepper(a, sr, t, &n->items[picked(n, t)]);
        if ((st & 2) && u->focus_visible)
            ui_focus_ring(u, hitr);
        if (choose && (gst & 2) && u->focus_visible)
            ui_focus_ring(u, giver_r);
    }
    if (st & 1)
        n->explain = t;
    return row.h;
}

/* The scenario's terms, scrolling. The explanation follows the pointer, then the focus,
 * else stays on the last term explained. */
static void term_list(app *a, SDL_Rect view) {
    ui *u = &a->ui;
    SDL_Rect saved;
    int last = a->nego.explain, focused = -1;
    a->nego.explain = -1;
    int y = list_begin(a, view, &a->nego.scroll_terms, &saved), y0 = y, gap = ui_px(u, 6);
    int w = view.w - ui_px(u, 30);
    for (int t = 0; t < a->play.sc->n_terms; t++) {
        int h = term_row(a, (SDL_Rect){view.x, y, w, 0}, t);
        SDL_Rect item = {view.x, y, w, h};
        list_follow(a, view, item, &a->nego.scroll_terms, ui_id("term", t));
        list_follow(a, view, item, &a->nego.scroll_terms, ui_id("term-minus", t));
        list_follow(a, view, item, &a->nego.scroll_terms, ui_id("term-giver", t));
        list_follow(a, view, item, &a->nego.scroll_terms, ui_id("term-plus", t));
        if (ui_is_focused(u, ui_id("term", t)) || ui_is_focused(u, ui_id("term-minus", t)) ||
            ui_is_focused(u, ui_id("term-giver", t)) ||
            ui_is_focused(u, ui_id("term-plus", t)))
            focused = t;
        y += h + gap;
    }
    if (a->nego.explain < 0)
        a->nego.explain = focused >= 0 ? focused : last;
    if (a->play.sc->n_terms == 0)
        y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED, (SDL_Rect){view.x, y, w, ui_px(u, 60)},
                     "This scenario declares no terms to negotiate.", 0);
    list_end(a, view, &a->nego.scroll_terms, y - y0, saved);
}

static void builder_left(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    int gap = ui_px(u, 10), bh = ui_px(u, 40), y = r.y;
    y += nego_addressees(a, (SDL_Rect){r.x, y, r.w, 0}, "prop-to", &n->to, n->counter_of != 0) + gap;
    const char *pub = n->public_ ? nego_fit_label(u, r.w, "[X] Public: every delegation sees it",
                                                  "[X] Public")
                                 : nego_fit_label(u, r.w, "[ ] Public (now private: only its "
                                                  "parties see it)", "[ ] Public (now private)");
    if (ui_button(u, ui_id("prop-public", 0), (SDL_Rect){r.x, y, r.w, bh}, pub, 1))
        n->public_ = !n->public_;
    y += bh + gap;
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    char head[120];
    snprintf(head, sizeof head, "TERMS  (%d of at most %d picked)", n->n, NIACT_MAX_TERMS);
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){r.x, y, r.w, lh}, head, TX_ONELINE);
    y += lh + ui_px(u, 4);
    term_list(a, (SDL_Rect){r.x, y, r.w, r.y + r.h - y});
}

/* What the term under the pointer or the focus is, who gives it, when it is due. */
static void explain_term(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    const ui_play *p = &a->play;
    ui_fill(u, r, COL_PAPER_LIGHT);
    ui_dashed_rect(u, r, COL_RULE, 1);
    int pad = ui_px(u, 8);
    SDL_Rect in = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    int t = a->nego.explain;
    if (t < 0 || t >= p->sc->n_terms) {
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, in,
                "Point at a term, or move to it with Tab and the arrow keys, to read what it "
                "commits its giver to and when it is due. Enter or a click picks it.", 0);
        return;
    }
    const niact_term_def *d = &p->sc->terms[t];
    char givers[200], param[200] = "", due[120], body[2400];
    nego_roles_text(p->sc, d->givers, givers, sizeof givers);
    if (d->has_param)
        snprintf(param, sizeof param, " Takes %s from %d to %d (starts at %d).", d->param_name,
                 d->param_min, d->param_max, d->param_default);
    if (d->window_days && d->has_param)
        snprintf(due, sizeof due, "due within the %s given", d->param_name);
    else
        snprintf(due, sizeof due, "due within %d turn%s of the agreement", d->window,
                 d->window == 1 ? "" : "s");
    snprintf(body, sizeof body, "Given by %s; %s.%s\n%s%s%s", givers, due, param,
             d->meta.text[0] ? d->meta.text : "(The scenario gives no description.)",
             d->meta.source[0] ? "\nSource: " : "", d->meta.source);
    if (a->nego.explain_shown != t) /* another term: from its top */
        a->nego.scroll_explain = 0;
    a->nego.explain_shown = t;
    /* The name and the text scroll together: nothing in the box is cut. */
    SDL_Rect view = in, saved;
    int y = list_begin(a, view, &a->nego.scroll_explain, &saved), w = view.w - ui_px(u, 30), y0 = y;
    int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, w, d->meta.name);
    y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){view.x, y, w, nh}, d->meta.name, 0);
    int th = ui_text_height(u, FACE_SANS, SZ_SMALL, w, body);
    y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){view.x, y, w, th}, body, 0);
    list_end(a, view, &a->nego.scroll_explain, y - y0, saved);
}

/* Appends "\n- Name (days 30)" to a list. */
static void add_item(const ui_play *p, const niact_term_item *it, int giver, char *buf,
                     size_t len) {
    const niact_term_def *d = &p->sc->terms[it->term];
    size_t o = strlen(buf);
    char param[80] = "", from[120] = "";
    if (d->has_param)
        snprintf(param, sizeof param, " (%s %d)", d->param_name, it->param);
    if (giver < 0)
        snprintf(from, sizeof from, " (no party can give it)");
    if (o < len)
        snprintf(buf + o, len - o, "\n- %s%s%s", d->meta.name, param, from);
}

/* "To ..., private." then what the seat offers and what it asks, term by term. */
static void summary_text(const app *a, char *buf, size_t len) {
    const ui_play *p = &a->play;
    const ui_nego *n = &a->nego;
    char who[200], offer[1200] = "", ask[1200] = "", counter[80] = "";
    nego_roles_text(p->sc, n->to, who, sizeof who);
    for (int k = 0; k < n->n; k++) {
        int g = item_giver(p, &n->items[k], n->to);
        add_item(p, &n->items[k], g, g == p->role ? offer : ask,
                 g == p->role ? sizeof offer : sizeof ask);
    }
    if (n->counter_of)
        snprintf(counter, sizeof counter, "\nSending it rejects proposal #%d.", n->counter_of);
    snprintf(buf, len, "To %s, %s.%s\nYOU OFFER:%s\nYOU ASK:%s", who,
             n->public_ ? "public" : "private", counter, offer[0] ? offer : " nothing",
             ask[0] ? ask : " nothing");
}

static void send_proposal(app *a) {
    ui_play *p = &a->play;
    ui_nego *n = &a->nego;
    niact_command c = niact_command_make(NIACT_CMD_PROPOSE, p->role);
    c.to = n->to;
    c.public_ = n->public_;
    c.id = n->counter_of;
    c.n_terms = n->n;
    memcpy(c.terms, n->items, sizeof c.terms);
    send_items(p, n, c.terms);
    niact_reply r;
    niact_status st = niact_session_tell(p->s, &c, &r);
    int32_t id = r.id;
    n->msg_refused = st != NIACT_OK;
    if (st != NIACT_OK) {
        snprintf(n->msg, sizeof n->msg, "NOT SENT: %.300s.", niact_session_error(p->s));
        n->refused_key = check_key(p, n); /* it stands until the proposal changes */
        return;
    }
    char who[200];
    nego_roles_text(p->sc, n->to, who, sizeof who);
    snprintf(n->msg, sizeof n->msg, "SENT: proposal #%d to %s. It may be answered until the end "
             "of the next turn; Agreements (A) lists it, and can withdraw it.", id, who);
    n->n = 0;
    n->counter_of = 0;
}

/* A message box: a refusal framed and marked in words, a confirmation plain. */
static void nego_message(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    if (!a->nego.msg[0])
        return;
    if (a->nego.msg_refused)
        ui_frame(u, r, COL_STAMP, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
    int pad = ui_px(u, 6);
    SDL_Rect view = {r.x + pad, r.y + pad / 2, r.w - 2 * pad, r.h - pad}, saved;
    int w = view.w, th = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, w, a->nego.msg);
    if (th > view.h) /* longer than its box: it scrolls */
        w -= ui_px(u, 30), th = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, w, a->nego.msg);
    int y = list_begin(a, view, &a->nego.scroll_msg, &saved);
    ui_text(u, FACE_SANS_BOLD, SZ_SMALL, a->nego.msg_refused ? COL_STAMP : COL_INK,
            (SDL_Rect){view.x, y, w, th}, a->nego.msg, 0);
    list_end(a, view, &a->nego.scroll_msg, th, saved);
}

static void builder_right(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    int gap = ui_px(u, 10), bh = ui_px(u, 44), sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    int msg_h = 3 * sl + ui_px(u, 6), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    if (n->msg[0]) { /* the whole message, up to a third of the column */
        int mh = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, r.w - ui_px(u, 12), n->msg) + ui_px(u, 6);
        msg_h = mh > msg_h ? (mh < r.h / 3 ? mh : r.h / 3) : msg_h;
    }
    /* READY or NOT NOW: why, over Send, as high as its words. */
    char status[400];
    if (n->chk_ok)
        snprintf(status, sizeof status, "READY: Send proposes it as it stands.");
    else
        snprintf(status, sizeof status, "NOT NOW: %s.", n->chk_why);
    int st_h = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, r.w, status);
    if (st_h > r.h / 5)
        st_h = r.h / 5;
    int rest = r.h - bh - msg_h - st_h - 3 * gap, ex_h = rest * 45 / 100;
    explain_term(a, (SDL_Rect){r.x, r.y, r.w, ex_h});
    int y = r.y + ex_h + gap;
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_SMALL, SZ_SMALL, COL_INK, (SDL_Rect){r.x, y, r.w, lh}, "SUMMARY",
                TX_ONELINE);
    char sum[3000];
    summary_text(a, sum, sizeof sum);
    SDL_Rect view = {r.x, y + lh, r.w, rest - ex_h - gap - lh}, saved;
    int sy = list_begin(a, view, &n->scroll_sum, &saved), w = view.w - ui_px(u, 30);
    int th = ui_text_height(u, FACE_TYPE, SZ_BODY, w, sum);
    ui_text(u, FACE_TYPE, SZ_BODY, COL_INK, (SDL_Rect){view.x, sy, w, th}, sum, 0);
    list_end(a, view, &n->scroll_sum, th, saved);
    nego_message(a, (SDL_Rect){r.x, r.y + rest + gap, r.w, msg_h});
    int bw = (r.w - gap) / 2, by = r.y + r.h - bh;
    ui_text_fit(u, FACE_SANS_BOLD, SZ_SMALL, SZ_SMALL, n->chk_ok ? COL_INK : COL_STAMP,
                (SDL_Rect){r.x, by - gap - st_h, r.w, st_h}, status, 0);
    /* Send stays open with terms picked: a click on a proposal not ready says why. */
    if (ui_button(u, ui_id("prop-send", 0), (SDL_Rect){r.x, by, bw, bh},
                  nego_fit_label(u, bw, "Send proposal", "Send"), n->n > 0))
        send_proposal(a);
    if (ui_button(u, ui_id("prop-close", 0), (SDL_Rect){r.x + bw + gap, by, bw, bh},
                  nego_fit_label(u, bw, "Close  (Esc)", "Close"), 1) ||
        ui_key(u, SDLK_ESCAPE))
        nego_close(a);
}

void nego_open_propose(app *a, const niact_proposal *pr) {
    ui_nego *n = &a->nego;
    nego_own(a);
    n->counter_of = 0;
    if (pr) { /* a counter: to its author, starting from its terms */
        n->counter_of = pr->id;
        n->to = 1u << pr->from;
        n->public_ = 0;
        n->n = pr->n_terms < NIACT_MAX_TERMS ? pr->n_terms : NIACT_MAX_TERMS;
        for (int k = 0; k < n->n; k++)
            n->items[k] = pr->terms[k];
    }
    n->msg[0] = 0;
    n->msg_refused = 0;
    n->refused_key = 0;
    n->chk_key = 0; /* checked afresh */
    n->explain = -1;
    n->scroll_terms = 0;
    a->back_focus = a->ui.focus;
    a->ov = OV_PROPOSE;
    a->ui.focus = ui_id("term", 0);
}

void ov_propose(app *a) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    char title[160];
    if (n->counter_of)
        snprintf(title, sizeof title, "COUNTER-PROPOSAL TO #%d", n->counter_of);
    else
        snprintf(title, sizeof title, "PROPOSAL  \xC2\xB7  %s", a->play.sc->roles[a->play.role].meta.name);
    builder_check(a);
    SDL_Rect in = nego_sheet(u, title);
    if (!u->focus && !u->inert)
        ui_set_focus(u, a->play.sc->n_terms ? ui_id("term", 0) : ui_id("prop-close", 0));
    int gap = ui_px(u, 18), lw = in.w * 56 / 100;
    builder_left(a, (SDL_Rect){in.x, in.y, lw, in.h});
    builder_right(a, (SDL_Rect){in.x + lw + gap, in.y, in.w - lw - gap, in.h});
    builder_check(a); /* what this frame's clicks changed, for the next frame to show */
}
