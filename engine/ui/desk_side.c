/* The desk's paper side: the outbox (this turn's orders), the detail panel, and the
 * inbox / news log (reports, telegrams and proposals in the inbox). */
#include "app.h"

#include <stdio.h>
#include <string.h>

/* One order in the outbox with its controls; returns the row height. */
static int order_row(app *a, SDL_Rect r, int y, int i) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    const niact_order *o = play_order(p, i);
    const niact_action_def *d = &p->sc->actions[o->action];
    int bh = ui_px(u, 34), bw = ui_px(u, 34), gap = ui_px(u, 4);
    int controls = d->has_param ? 3 : 1;
    char line[320], words[160];
    if (d->has_param) /* the parameter as words: "quarantine: lift" */
        snprintf(line, sizeof line, "%d. %s  (%s)", i + 1, d->meta.name,
                 NIACT_PARAM_WORDS(d, o->param, words));
    else
        snprintf(line, sizeof line, "%d. %s", i + 1, d->meta.name);
    SDL_Rect tx = {r.x, y, r.w - controls * (bw + gap) - ui_px(u, 30), bh};
    /* The order in full: wrapped, the row as high as its text. */
    int th = ui_text_height(u, FACE_TYPE, SZ_BODY, tx.w, line);
    if (th > tx.h)
        tx.h = th;
    ui_text(u, FACE_TYPE, SZ_BODY, COL_INK, tx, line, TX_MIDDLE);
    int x = tx.x + tx.w + gap;
    if (d->has_param) {
        if (ui_button(u, ui_id("ord-minus", i), (SDL_Rect){x, y, bw, bh}, "-",
                      o->param > d->param_min))
            play_change_param(p, i, -1);
        x += bw + gap;
        if (ui_button(u, ui_id("ord-plus", i), (SDL_Rect){x, y, bw, bh}, "+",
                      o->param < d->param_max))
            play_change_param(p, i, 1);
        x += bw + gap;
        if (ui_is_hot(u, ui_id("ord-minus", i)) || ui_is_hot(u, ui_id("ord-plus", i)))
            a->detail_kind = 1, a->detail_idx = o->action;
    }
    if (ui_button(u, ui_id("ord-drop", i), (SDL_Rect){x, y, bw, bh}, "X", 1))
        play_remove_order(p, i);
    return tx.h + gap;
}

void desk_orders(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    char line[160];
    const niact_options *opts = niact_session_options(p->s, p->role);
    snprintf(line, sizeof line, "Action points left: %d of %d", opts ? opts->left : 0,
             opts ? opts->points : 0);
    ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){r.x, r.y, r.w, lh}, line, TX_ONELINE);
    SDL_Rect view = {r.x, r.y + lh + ui_px(u, 4), r.w, r.h - lh - ui_px(u, 4)};
    SDL_Rect saved;
    int y = list_begin(a, view, &a->scroll_orders, &saved), y0 = y;
    if (p->save_warn[0]) { /* a failed autosave or record stays in sight until one works */
        int h = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, view.w - ui_px(u, 30), p->save_warn);
        y += ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_STAMP,
                     (SDL_Rect){view.x, y, view.w - ui_px(u, 30), h}, p->save_warn, 0) +
             ui_px(u, 4);
    }
    if (p->msg[0]) {
        int h = ui_text_height(u, FACE_SANS_BOLD, SZ_SMALL, view.w - ui_px(u, 30), p->msg);
        y += ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_STAMP,
                     (SDL_Rect){view.x, y, view.w - ui_px(u, 30), h}, p->msg, 0) + ui_px(u, 4);
    }
    for (int i = 0; i < play_n_orders(p); i++)
        y += order_row(a, view, y, i);
    const char *hint = play_n_orders(p)
                           ? "Negotiate with the buttons below; answer proposals in the inbox."
                           : "No orders yet: click an action card, or press its number. "
                             "Negotiate with the buttons below; answer proposals in the inbox.";
    int h = ui_text_height(u, FACE_SANS, SZ_SMALL, view.w - ui_px(u, 30), hint);
    y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){view.x, y, view.w - ui_px(u, 30), h},
                 hint, 0);
    list_end(a, view, &a->scroll_orders, y - y0, saved);
}

/* What the detail panel says of an action: its name, and the cost, parameter, why not
 * now, effect and source. */
static void detail_action(app *a, int act, const char **title, char *body, size_t len) {
    ui_play *p = &a->play;
    const niact_action_def *d = &p->sc->actions[act];
    char why[256], param[600] = "";
    int legal = play_action_legal(p, act, why, sizeof why);
    if (d->has_param && d->n_param_labels) { /* the levels by name, in order */
        int n = snprintf(param, sizeof param, " Takes %s: ", d->param_name);
        for (int v = 0; v < d->n_param_labels && n > 0 && (size_t)n < sizeof param; v++)
            n += snprintf(param + n, sizeof param - (size_t)n, "%s%s", v ? ", " : "",
                          d->param_labels[v]);
        if (n > 0 && (size_t)n < sizeof param)
            snprintf(param + n, sizeof param - (size_t)n,
                     " (starts at %s; change it in the outbox).",
                     d->param_labels[d->param_default - d->param_min]);
    } else if (d->has_param)
        snprintf(param, sizeof param, " Takes %s from %d to %d (starts at %d; change it in the "
                 "outbox).", d->param_name, d->param_min, d->param_max, d->param_default);
    snprintf(body, len, "%s%s%s%sCost: %d action point%s.%s%s\n%s%s%s",
             legal ? "" : "Not possible now", legal || !why[0] ? "" : ": ", legal ? "" : why,
             legal ? "" : ".\n", d->cost, d->cost == 1 ? "" : "s", param,
             d->repeatable ? " May be ordered more than once." : "",
             d->meta.text[0] ? d->meta.text : "(The scenario gives no description.)",
             d->meta.source[0] ? "\nSource: " : "", d->meta.source);
    *title = d->meta.name;
}

static void detail_track(app *a, int t, const char **title, char *body, size_t len) {
    ui_play *p = &a->play;
    const niact_track_def *d = &p->sc->tracks[t];
    niact_track_view v;
    niact_game_view_track(p->g, p->role, t, &v);
    char val[96], seen[96] = "";
    play_track_text(p, p->role, t, val, sizeof val);
    if (v.vis == NIACT_VIS_ESTIMATE && v.turn_seen < 0)
        snprintf(seen, sizeof seen, ", an estimate: a first guess, not yet observed");
    else if (v.vis == NIACT_VIS_ESTIMATE)
        snprintf(seen, sizeof seen, ", an estimate last observed in turn %d", v.turn_seen + 1);
    snprintf(body, len, "Now: %s%s. Range %d to %d.\n%s%s%s", val, seen, d->min, d->max,
             d->meta.text[0] ? d->meta.text : "", d->meta.source[0] ? "\nSource: " : "",
             d->meta.source);
    *title = d->meta.name;
}

/* The detail panel: the whole text of what is under the pointer or the focus, or of what
 * was last (so its scroll buttons can be reached), wrapped, scrolling when it is longer
 * than the panel. Nothing in it is ever cut. */
void desk_detail(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_fill(u, r, COL_PAPER_LIGHT);
    ui_dashed_rect(u, r, COL_RULE, 1);
    int pad = ui_px(u, 8);
    SDL_Rect in = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    if (a->detail_kind)
        a->detail_last_kind = a->detail_kind, a->detail_last_idx = a->detail_idx;
    int kind = a->detail_last_kind, idx = a->detail_last_idx;
    char body[1800];
    const char *title = NULL;
    if (kind == 1 && idx >= 0 && idx < a->play.sc->n_actions)
        detail_action(a, idx, &title, body, sizeof body);
    else if (kind == 2 && idx >= 0 && idx < a->play.sc->n_tracks)
        detail_track(a, idx, &title, body, sizeof body);
    else
        snprintf(body, sizeof body, "Point at an action or a track, or move to it with Tab and "
                 "the arrow keys, to read its cost, its effect and its source.");
    if (a->detail_shown != (kind << 16 | (idx & 0xffff))) { /* a new subject: from its top */
        a->detail_shown = kind << 16 | (idx & 0xffff);
        a->scroll_detail = 0;
    }
    SDL_Rect saved;
    int tw = in.w - ui_px(u, 30);
    int y = list_begin(a, in, &a->scroll_detail, &saved), y0 = y;
    if (title) {
        int th = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, title);
        y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){in.x, y, tw, th}, title, 0);
    }
    int bh = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, body);
    y += ui_text(u, FACE_SANS, SZ_SMALL, title ? COL_INK : COL_INK_FADED,
                 (SDL_Rect){in.x, y, tw, bh}, body, 0);
    list_end(a, in, &a->scroll_detail, y - y0, saved);
}

/* Entries of one tab, newest first. */
void desk_log(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int bh = ui_px(u, 36), bw = (r.w - 2 * ui_px(u, 8)) / 3;
    int waiting = desk_awaiting(p);
    char inbox[64];
    if (waiting)
        snprintf(inbox, sizeof inbox, "Inbox [%d]  (I)", waiting);
    else
        snprintf(inbox, sizeof inbox, "Inbox  (I)");
    const char *tabs[] = {inbox, "News  (N)", "Objectives  (O)"};
    for (int i = 0; i < 3; i++) {
        SDL_Rect b = {r.x + i * (bw + ui_px(u, 8)), r.y, bw, bh};
        static const char *const shorter[] = {"Inbox", "News", "Aims"};
        char label[80], brief[40];
        snprintf(label, sizeof label, "%s%s", a->tab == i ? "> " : "", tabs[i]);
        if (i == 0 && waiting)
            snprintf(brief, sizeof brief, "%s[%d]", a->tab == i ? ">" : "", waiting);
        else
            snprintf(brief, sizeof brief, "%s%s", a->tab == i ? ">" : "", shorter[i]);
        /* The word itself at the smallest size a button takes, else the short word (the
         * button drops the key hint and shrinks the rest itself). */
        char word[80];
        const char *hint = strstr(label, "  (");
        snprintf(word, sizeof word, "%.*s", hint ? (int)(hint - label) : (int)strlen(label), label);
        int fits = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, word) <= b.w - 2 * ui_px(u, 8);
        if (ui_button(u, ui_id("tab", i), b, fits ? label : brief, 1))
            a->tab = i, a->scroll_news = 0;
        if (a->tab == i)
            ui_fill(u, (SDL_Rect){b.x, b.y + b.h - ui_px(u, 4), b.w, ui_px(u, 4)}, COL_INK);
    }
    SDL_Rect view = {r.x, r.y + bh + ui_px(u, 6), r.w, r.h - bh - ui_px(u, 6)};
    SDL_Rect saved;
    int y = list_begin(a, view, &a->scroll_news, &saved), y0 = y, n = 0;
    if (a->tab == 2) { /* the seat's score now, and how each objective stands */
        int32_t score = 0;
        niact_game_score(p->g, p->role, p->role, &score);
        char line[80];
        snprintf(line, sizeof line, "Your score now: %d / 100", (int)score);
        int tw = view.w - ui_px(u, 30);
        int sh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, line);
        y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){view.x, y, tw, sh}, line, 0) +
             ui_px(u, 6);
        y += play_objectives(a, (SDL_Rect){view.x, y, tw, 0}, 1);
        list_end(a, view, &a->scroll_news, y - y0, saved);
        return;
    }
    /* Newest first: walk the log once, then draw backwards. */
    niact_log_entry list[1024]; /* on the stack: no state shared between calls */
    size_t at[1024];
    size_t cur = 0;
    niact_log_entry e;
    while (niact_game_log_next(p->g, p->role, &cur, &e)) {
        int report = e.kind == NIACT_LOG_REPORT || e.kind == NIACT_LOG_ERROR ||
                     e.kind == NIACT_LOG_TELEGRAM || e.kind == NIACT_LOG_PROPOSAL;
        if (report == (a->tab == 0) && n < 1024)
            at[n] = cur - 1, list[n++] = e; /* the cursor has passed this entry */
    }
    if (a->tab == 0)
        y += desk_proposals(a, (SDL_Rect){view.x, y, view.w - ui_px(u, 30), 0});
    for (int i = n - 1; i >= 0; i--)
        y += log_entry_draw(a, (SDL_Rect){view.x, y, view.w - ui_px(u, 30), 0}, &list[i],
                            at[i] >= p->brief_from[p->role]) + ui_px(u, 6);
    if (n == 0 && y == y0)
        y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED,
                     (SDL_Rect){view.x, y, view.w - ui_px(u, 30), ui_px(u, 60)},
                     a->tab == 0 ? "No reports, telegrams or proposals yet." : "No news yet.",
                     0);
    list_end(a, view, &a->scroll_news, y - y0, saved);
}
