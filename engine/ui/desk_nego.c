/* Negotiation at the desk: open proposals addressed to the seat appear in the inbox as
 * telegrams with Accept, Reject and Counter (which opens the proposal builder,
 * nego_builder.c, on its terms). */
#include "app.h"

#include "niact/negotiation.h"

#include <stdio.h>
#include <string.h>

static int awaits_answer(const niact_proposal *pr, int role) {
    return pr->status == NIACT_PROPOSAL_OPEN && (pr->to & (1u << role)) &&
           !(pr->accepted & (1u << role));
}

/* "The Soviet Union gives: Remove within N days (days 30)" for each term. */
static void terms_text(const ui_play *p, const niact_proposal *pr, char *buf, size_t len) {
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < pr->n_terms && o < len; i++) {
        const niact_term_item *t = &pr->terms[i];
        const niact_term_def *d = &p->sc->terms[t->term];
        char param[64] = "";
        if (d->has_param)
            snprintf(param, sizeof param, " (%s %d)", d->param_name, t->param);
        int n = snprintf(buf + o, len - o, "%s- %s gives: %s%s", i ? "\n" : "",
                         t->giver >= 0 && t->giver < p->sc->n_roles ? p->sc->roles[t->giver].meta.name
                                                                     : "?",
                         d->meta.name, param);
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

/* One proposal slip with its answer buttons; returns its height. */
static int proposal_slip(app *a, SDL_Rect r, const niact_proposal *pr) {
    ui *u = &a->ui;
    ui_play *p = &a->play;
    int pad = ui_px(u, 8), lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_SMALL);
    int bh = ui_px(u, 34), tw = r.w - 2 * pad;
    char head[200], date[48], body[1200];
    play_date(p->sc, pr->expires, date, sizeof date);
    char *sp = strchr(date, ' '); /* "10 November 1962" -> "10 NOV" */
    if (sp && strlen(sp) > 4)
        sp[4] = 0;
    snprintf(head, sizeof head, "PROPOSAL %d  \xC2\xB7  %s  \xC2\xB7  ANSWER BY %s", pr->id,
             p->sc->roles[pr->from].meta.name, date);
    for (char *c = head; *c; c++)
        *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    terms_text(p, pr, body, sizeof body);
    int th = ui_text_height(u, FACE_SANS, SZ_BODY, tw, body);
    int hh = ui_text_height(u, FACE_TYPE_BOLD, SZ_SMALL, tw, head); /* wraps when narrow */
    hh = hh > lh ? hh : lh;
    SDL_Rect slip = {r.x, r.y, r.w, pad + hh + ui_px(u, 2) + th + pad + bh + pad};
    ui_fill(u, slip, COL_PAPER_LIGHT);
    ui_frame(u, slip, COL_INK, 2);
    ui_text(u, FACE_TYPE_BOLD, SZ_SMALL, COL_STAMP, (SDL_Rect){slip.x + pad, slip.y + pad, tw, hh},
            head, 0);
    int y = slip.y + pad + hh + ui_px(u, 2);
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){slip.x + pad, y, tw, th}, body, 0);
    y += th + pad;
    int bw = (tw - 2 * pad) / 3;
    int role = p->role, answer = -1;
    if (ui_button(u, ui_id("accept", pr->id), (SDL_Rect){slip.x + pad, y, bw, bh}, "Accept", 1))
        answer = 1;
    if (ui_button(u, ui_id("reject", pr->id), (SDL_Rect){slip.x + pad + bw + pad, y, bw, bh},
                  "Reject", 1))
        answer = 0;
    if (ui_button(u, ui_id("counter", pr->id),
                  (SDL_Rect){slip.x + pad + 2 * (bw + pad), y, bw, bh}, "Counter", 1))
        nego_open_propose(a, pr);
    niact_command c = niact_command_make(NIACT_CMD_ANSWER, role);
    c.id = pr->id;
    c.accept = answer == 1;
    if (answer >= 0 && niact_session_tell(p->s, &c, NULL) != NIACT_OK)
        snprintf(p->msg, sizeof p->msg, "The answer was not taken: %.200s",
                 niact_session_error(p->s));
    return slip.h;
}

int desk_awaiting(const ui_play *p) {
    const niact_proposal *pr;
    int n = 0;
    for (int i = 0; (pr = niact_game_proposal(p->g, p->role, i)) != NULL; i++)
        n += awaits_answer(pr, p->role);
    return n;
}

int desk_proposals(app *a, SDL_Rect r) {
    ui_play *p = &a->play;
    int y = r.y;
    const niact_proposal *pr;
    for (int i = 0; (pr = niact_game_proposal(p->g, p->role, i)) != NULL; i++) {
        if (!awaits_answer(pr, p->role))
            continue;
        y += proposal_slip(a, (SDL_Rect){r.x, y, r.w, 0}, pr) + ui_px(&a->ui, 6);
    }
    return y - r.y;
}
