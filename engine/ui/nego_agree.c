/* Agreements and trust (A): every role's trust; the proposals the seat can see with
 * their state in words (its own open ones with Withdraw); every commitment of the
 * agreements it can see: who owes what, the deadline (turn and date), and PENDING,
 * KEPT or BROKEN written on a stamp. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *const prop_status[] = {"OPEN", "AGREED", "REJECTED", "EXPIRED", "WITHDRAWN"};

/* A word on a stamp at the right of a slip's head; its frame differs by state too. */
static void stamp(ui *u, SDL_Rect head, const char *word, int style) {
    int pad = ui_px(u, 6), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    int w = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, word) + 2 * pad;
    SDL_Rect s = {head.x + head.w - w, head.y, w, lh + ui_px(u, 2)};
    int t = ui_px(u, 2) < 1 ? 1 : ui_px(u, 2);
    SDL_Color c = style == 2 ? COL_STAMP : style == 1 ? COL_INK : COL_INK_FADED;
    if (style == 0)
        ui_dashed_rect(u, s, c, 1); /* pending, open: dashed */
    else
        ui_frame(u, s, c, t); /* settled: solid; broken: doubled below */
    if (style == 2)
        ui_frame(u, (SDL_Rect){s.x - t - 1, s.y - t - 1, s.w + 2 * t + 2, s.h + 2 * t + 2}, c, 1);
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_SMALL, SZ_SMALL, c, s, word, TX_CENTER | TX_MIDDLE | TX_ONELINE);
}

/* Each role's trust, a name and a bar per column; the names wrap. Returns the height. */
static int trust_row(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    const ui_play *p = &a->play;
    int n = p->sc->n_roles, gap = ui_px(u, 12), cw = (r.w - (n - 1) * gap) / (n ? n : 1);
    int lh = ui_line_height(u, FACE_SANS_BOLD, SZ_SMALL), mark = ui_px(u, 8), bar = ui_px(u, 8);
    int tall = lh;
    for (int role = 0; role < n; role++) {
        int x = r.x + role * (cw + gap), tx = x + 2 * mark + ui_px(u, 6);
        char line[200];
        snprintf(line, sizeof line, "%s: trust %d of 100", p->sc->roles[role].meta.name,
                 niact_game_trust(p->g, role));
        int h = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, x + cw - tx, line);
        tall = h > tall ? h : tall;
    }
    for (int role = 0; role < n; role++) {
        int x = r.x + role * (cw + gap), tx = x + 2 * mark + ui_px(u, 6);
        int32_t trust = niact_game_trust(p->g, role);
        char line[200];
        snprintf(line, sizeof line, "%s: trust %d of 100", p->sc->roles[role].meta.name, trust);
        ui_role_mark(u, role, x + mark, r.y + lh / 2, mark);
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){tx, r.y, x + cw - tx, tall}, line, 0);
        SDL_Rect b = {tx, r.y + tall + ui_px(u, 3), x + cw - tx, bar};
        ui_fill(u, (SDL_Rect){b.x, b.y, b.w * trust / 100, b.h}, COL_INK);
        ui_frame(u, b, COL_INK, 1);
    }
    return tall + ui_px(u, 3) + bar;
}

/* "- Soviet Union gives: Name (days 30)" per term. */
static void items_text(const ui_play *p, const niact_term_item *it, int n, char *buf, size_t len) {
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < n && o < len; i++) {
        const niact_term_def *d = &p->sc->terms[it[i].term];
        char param[80] = "";
        if (d->has_param)
            snprintf(param, sizeof param, " (%s %d)", d->param_name, it[i].param);
        int w = snprintf(buf + o, len - o, "%s- %s gives: %s%s", i ? "\n" : "",
                         p->sc->roles[it[i].giver].meta.name, d->meta.name, param);
        if (w < 0)
            break;
        o += (size_t)w;
    }
}

/* The state of a proposal in words: when it may be answered, who said yes. */
static void proposal_state(const ui_play *p, const niact_proposal *pr, char *buf, size_t len) {
    char who[200], yes[200], date[48], extra[120] = "";
    nego_roles_text(p->sc, pr->to, who, sizeof who);
    nego_roles_text(p->sc, pr->accepted, yes, sizeof yes);
    if (pr->status == NIACT_PROPOSAL_OPEN) {
        play_date(p->sc, pr->expires, date, sizeof date);
        snprintf(extra, sizeof extra, "; open until the end of turn %d (%s); accepted by %s",
                 pr->expires + 1, date, pr->accepted ? yes : "nobody yet");
    } else if (pr->status == NIACT_PROPOSAL_AGREED) {
        snprintf(extra, sizeof extra, "; agreed in turn %d", pr->agreed_turn + 1);
    }
    snprintf(buf, len, "To %s%s; made in turn %d%s.", who, pr->public_ ? " (public)" : " (private)",
             pr->turn + 1, extra);
    if (pr->counter_of) {
        size_t o = strlen(buf);
        snprintf(buf + o, len - o, " It counters #%d.", pr->counter_of);
    }
}

/* One proposal as a slip; its author may withdraw it while open. Returns its height. */
static int proposal_slip(app *a, SDL_Rect r, const niact_proposal *pr) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int pad = ui_px(u, 8), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL), tw = r.w - 2 * pad;
    int mine = pr->from == p->role && pr->status == NIACT_PROPOSAL_OPEN, bh = ui_px(u, 36);
    char head[200], state[600], body[1400];
    snprintf(head, sizeof head, "#%d  FROM %s", pr->id, p->sc->roles[pr->from].meta.name);
    proposal_state(p, pr, state, sizeof state);
    items_text(p, pr->terms, pr->n_terms, body, sizeof body);
    int sh = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, state);
    int th = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, body);
    /* The head wraps beside its stamp when narrow. */
    int sw = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, prop_status[pr->status]) + ui_px(u, 20);
    int head_h = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, tw - sw, head);
    head_h = head_h > lh ? head_h : lh;
    int h = pad + head_h + ui_px(u, 6) + sh + ui_px(u, 4) + th + pad + (mine ? bh + pad : 0);
    if (r.y + h < 0 || r.y > u->h)
        return h;
    SDL_Rect slip = {r.x, r.y, r.w, h};
    ui_fill(u, slip, mine ? COL_PAPER_LIGHT : COL_PAPER);
    ui_frame(u, slip, COL_RULE, 1);
    SDL_Rect hd = {slip.x + pad, slip.y + pad, tw, lh};
    int style = pr->status == NIACT_PROPOSAL_OPEN ? 0 : pr->status == NIACT_PROPOSAL_AGREED ? 1 : 2;
    stamp(u, hd, prop_status[pr->status], style == 2 ? 1 : style);
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){hd.x, hd.y, tw - sw, head_h}, head, 0);
    int y = hd.y + head_h + ui_px(u, 6);
    y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){hd.x, y, tw, sh}, state, 0) + ui_px(u, 4);
    y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){hd.x, y, tw, th}, body, 0) + pad;
    if (mine && ui_button(u, ui_id("withdraw", pr->id), (SDL_Rect){hd.x, y, ui_px(u, 200) < tw ? ui_px(u, 200) : tw, bh},
                          "Withdraw", 1)) {
        ui_nego *n = &a->nego;
        int32_t id = pr->id;
        niact_command c = niact_command_make(NIACT_CMD_WITHDRAW, p->role);
        c.id = id;
        n->msg_refused = niact_session_tell(p->s, &c, NULL) != NIACT_OK;
        if (n->msg_refused)
            snprintf(n->msg, sizeof n->msg, "NOT WITHDRAWN: %.300s.", niact_session_error(p->s));
        else
            snprintf(n->msg, sizeof n->msg, "Proposal #%d withdrawn.", (int)id);
    }
    return h;
}

/* One commitment: who owes what, by when, and its state. Returns its height. */
static int commitment_slip(app *a, SDL_Rect r, const niact_commitment *c) {
    ui *u = &a->ui;
    const ui_play *p = &a->play;
    int pad = ui_px(u, 8), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL), tw = r.w - 2 * pad;
    const niact_term_def *d = &p->sc->terms[c->item.term];
    char head[80], owes[600], when[300], date[48], param[80] = "";
    snprintf(head, sizeof head, "AGREEMENT #%d", c->agreement);
    if (d->has_param)
        snprintf(param, sizeof param, " (%s %d)", d->param_name, c->item.param);
    snprintf(owes, sizeof owes, "%s owes: %s%s", p->sc->roles[c->item.giver].meta.name,
             d->meta.name, param);
    int32_t t = c->status == NIACT_COMMIT_PENDING ? c->deadline : c->settled_turn;
    play_date(p->sc, t, date, sizeof date);
    if (c->status == NIACT_COMMIT_PENDING)
        snprintf(when, sizeof when, "Due by the end of turn %d (%s)%s.", c->deadline + 1, date,
                 c->deadline >= p->sc->turns ? ", after the last turn" : "");
    else
        snprintf(when, sizeof when, "%s in turn %d (%s).",
                 c->status == NIACT_COMMIT_KEPT ? "Kept" : "Broken", t + 1, date);
    int oh = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, tw, owes);
    int wh = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, when);
    int sw = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, "PENDING") + ui_px(u, 20);
    int head_h = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, tw - sw, head);
    head_h = head_h > lh ? head_h : lh;
    int h = pad + head_h + ui_px(u, 6) + oh + wh + pad;
    if (r.y + h < 0 || r.y > u->h)
        return h;
    SDL_Rect slip = {r.x, r.y, r.w, h};
    ui_fill(u, slip, c->status == NIACT_COMMIT_BROKEN ? COL_PAPER : COL_PAPER_LIGHT);
    ui_frame(u, slip, COL_RULE, 1);
    if (c->status == NIACT_COMMIT_BROKEN)
        ui_hatch(u, (SDL_Rect){slip.x, slip.y, ui_px(u, 6), slip.h}, COL_STAMP, ui_px(u, 4));
    static const char *const words[] = {"PENDING", "KEPT", "BROKEN"};
    SDL_Rect hd = {slip.x + pad, slip.y + pad, tw, lh};
    stamp(u, hd, words[c->status], (int)c->status);
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){hd.x, hd.y, tw - sw, head_h}, head, 0);
    int y = hd.y + head_h + ui_px(u, 6);
    y += ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){hd.x, y, tw, oh}, owes, 0);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){hd.x, y, tw, wh}, when, 0);
    return h;
}

/* A column heading and a scrolling list under it; returns the list's view. */
static SDL_Rect column(ui *u, SDL_Rect r, const char *title) {
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_BODY);
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_BODY, SZ_SMALL, COL_INK, (SDL_Rect){r.x, r.y, r.w, lh}, title,
                TX_ONELINE);
    ui_hline(u, r.x, r.x + r.w, r.y + lh, COL_INK, 1);
    return (SDL_Rect){r.x, r.y + lh + ui_px(u, 6), r.w, r.h - lh - ui_px(u, 6)};
}

static void empty_note(ui *u, SDL_Rect view, int *y, const char *text) {
    int w = view.w - ui_px(u, 30), h = ui_text_height(u, FACE_SANS, SZ_SMALL, w, text);
    *y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){view.x, *y, w, h}, text, 0);
}

/* Proposals the seat can see, newest first. */
static void proposals_column(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    SDL_Rect view = column(u, r, "PROPOSALS"), saved;
    int y = list_begin(a, view, &a->nego.scroll_props, &saved), y0 = y, n = 0;
    while (niact_game_proposal(a->play.g, a->play.role, n))
        n++;
    for (int i = n - 1; i >= 0; i--) {
        const niact_proposal *pr = niact_game_proposal(a->play.g, a->play.role, i);
        int h = proposal_slip(a, (SDL_Rect){view.x, y, view.w - ui_px(u, 30), 0}, pr);
        list_follow(a, view, (SDL_Rect){view.x, y, view.w, h}, &a->nego.scroll_props,
                    ui_id("withdraw", pr->id));
        y += h + ui_px(u, 6);
    }
    if (n == 0)
        empty_note(u, view, &y, "No proposals yet. Propose (P) writes one.");
    list_end(a, view, &a->nego.scroll_props, y - y0, saved);
}

/* Commitments of the agreements the seat can see. */
static void commitments_column(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    SDL_Rect view = column(u, r, "COMMITMENTS"), saved;
    int y = list_begin(a, view, &a->nego.scroll_commits, &saved), y0 = y, n = 0;
    const niact_commitment *c;
    for (; (c = niact_game_commitment(a->play.g, a->play.role, n)) != NULL; n++)
        y += commitment_slip(a, (SDL_Rect){view.x, y, view.w - ui_px(u, 30), 0}, c) + ui_px(u, 6);
    if (n == 0)
        empty_note(u, view, &y, "No agreements yet. When every addressee accepts a proposal, "
                   "each of its terms becomes a commitment of its giver, listed here.");
    list_end(a, view, &a->nego.scroll_commits, y - y0, saved);
}

void nego_open_agreements(app *a) {
    nego_own(a);
    a->nego.msg[0] = 0;
    a->nego.scroll_props = a->nego.scroll_commits = 0;
    a->back_focus = a->ui.focus;
    a->ov = OV_AGREEMENTS;
    a->ui.focus = ui_id("agr-close", 0);
}

void ov_agreements(app *a) {
    ui *u = &a->ui;
    ui_nego *n = &a->nego;
    SDL_Rect in = nego_sheet(u, "AGREEMENTS AND TRUST");
    if (!u->focus && !u->inert)
        ui_set_focus(u, ui_id("agr-close", 0));
    int gap = ui_px(u, 16), bh = ui_px(u, 44), sl = ui_line_height(u, FACE_SANS_BOLD, SZ_SMALL);
    int top = in.y + trust_row(a, in) + gap, bottom = in.y + in.h - bh - gap;
    (void)sl;
    int cw = (in.w - gap) / 2;
    proposals_column(a, (SDL_Rect){in.x, top, cw, bottom - top});
    commitments_column(a, (SDL_Rect){in.x + cw + gap, top, in.w - cw - gap, bottom - top});
    int bw = ui_px(u, 220) < cw ? ui_px(u, 220) : cw, by = in.y + in.h - bh;
    if (n->msg[0])
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, n->msg_refused ? COL_STAMP : COL_INK,
                (SDL_Rect){in.x + bw + gap, by, in.w - bw - gap, bh}, n->msg, TX_MIDDLE);
    if (ui_button(u, ui_id("agr-close", 0), (SDL_Rect){in.x, by, bw, bh},
                  nego_fit_label(u, bw, "Close  (Esc)", "Close"), 1) ||
        ui_key(u, SDLK_ESCAPE))
        nego_close(a);
}
