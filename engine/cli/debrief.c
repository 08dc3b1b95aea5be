/* niact debrief FILE [--html]: the classroom debrief of a game, in Markdown or as a
 * self-contained HTML page with inline SVG charts (an unfinished game: of the turns
 * played, marked so): how it ended, each delegation's score, the scenario's turning
 * points beside the game (what the class did and when, what happened in history and
 * when, a question), the curves of every track with their dates, every seat's orders in
 * words beside what the scripted historical personality would have ordered, and the
 * negotiation record. */
#include "cli.h"
#include "niact/record.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Writes scenario or seat text into the Markdown so that it stays text: '<' cannot open
 * an HTML tag, and a line break cannot start a heading or a list of its own (in a table
 * cell, cell = 1: a space; in a list item: an indented continuation line), nor '|' end
 * a cell. Control characters never reach this far (text.h), and the output passes
 * through the sanitizer anyway (textout.c). */
static void md(FILE *out, const char *text, int cell) {
    for (const char *c = text; *c; c++) {
        if (*c == '<')
            fputs("&lt;", out);
        else if (*c == '\n')
            fputs(cell ? " " : "\n  ", out);
        else if (*c == '|' && cell)
            fputs("\\|", out);
        else
            fputc(*c, out);
    }
}

/* ---- one document, two formats: Markdown, or a self-contained HTML page ---------- */

typedef struct doc {
    FILE *out;
    int html;
} doc;

/* Text as text: Markdown through md(); HTML with & < > " escaped, line breaks kept. */
static void esc(doc *d, const char *text, int cell) {
    if (!d->html) {
        md(d->out, text, cell);
        return;
    }
    for (const char *c = text; *c; c++) {
        if (*c == '&') fputs("&amp;", d->out);
        else if (*c == '<') fputs("&lt;", d->out);
        else if (*c == '>') fputs("&gt;", d->out);
        else if (*c == '"') fputs("&quot;", d->out);
        else if (*c == '\n') fputs(cell ? " " : "<br>", d->out);
        else fputc(*c, d->out);
    }
}

static void heading(doc *d, int level, const char *text) {
    if (d->html) {
        fprintf(d->out, "<h%d>", level);
        esc(d, text, 1);
        fprintf(d->out, "</h%d>\n", level);
    } else {
        fprintf(d->out, "\n%.*s ", level, "######");
        esc(d, text, 1);
        fputs("\n\n", d->out);
    }
}

static void para(doc *d, const char *text) {
    fputs(d->html ? "<p>" : "", d->out);
    esc(d, text, 0);
    fputs(d->html ? "</p>\n" : "\n\n", d->out);
}

static void table_head(doc *d, const char *const *cols, int n) {
    fputs(d->html ? "<table><thead><tr>" : "|", d->out);
    for (int i = 0; i < n; i++) {
        if (d->html) {
            fputs("<th>", d->out);
            esc(d, cols[i], 1);
            fputs("</th>", d->out);
        } else {
            fputc(' ', d->out);
            esc(d, cols[i], 1);
            fputs(" |", d->out);
        }
    }
    if (d->html) {
        fputs("</tr></thead><tbody>\n", d->out);
    } else {
        fputs("\n|", d->out);
        for (int i = 0; i < n; i++)
            fputs("---|", d->out);
        fputc('\n', d->out);
    }
}

static void row_start(doc *d) { fputs(d->html ? "<tr>" : "|", d->out); }
static void row_end(doc *d) { fputs(d->html ? "</tr>\n" : "\n", d->out); }
static void table_end(doc *d) { fputs(d->html ? "</tbody></table>\n" : "\n", d->out); }

static void cell(doc *d, const char *text) {
    fputs(d->html ? "<td>" : " ", d->out);
    esc(d, text, 1);
    fputs(d->html ? "</td>" : " |", d->out);
}

/* ---- dates ------------------------------------------------------------------------ */

/* Every date is the scenario's one formatter (niact_scenario_format), so a calendar in
 * hours shows its hours here too. */

/* The days (or hours) of turn index t: "19-21 Nov 1962", "27 Oct 1962, 06:00-10:00". */
static void turn_span(const niact_scenario *sc, int32_t t, char *buf, size_t len) {
    if (niact_scenario_format(sc, t, NIACT_DATE_SPAN, buf, len) != 0)
        snprintf(buf, len, "turn %d", t + 1);
}

/* The date a track's k-th value stands for: the start for k = 0, else where turn k ends
 * (its last day, "3 Nov", or its last hour, "27 Oct 10:00"). */
static void point_date(const niact_scenario *sc, int32_t k, char *buf, size_t len) {
    niact_date_style st = k == 0 ? NIACT_DATE_SHORT : NIACT_DATE_END;
    if (niact_scenario_format(sc, k == 0 ? 0 : k - 1, st, buf, len) != 0)
        snprintf(buf, len, "%d", k);
}

/* ---- values and orders in words ----------------------------------------------------- */

/* A track's value in words: its label if it has labels, else the number. */
static void value_text(const niact_track_def *t, int32_t v, char *buf, size_t len) {
    if (t->n_labels && v >= t->min && v - t->min < t->n_labels)
        snprintf(buf, len, "%s", t->labels[v - t->min]);
    else
        snprintf(buf, len, "%d", v);
}

/* An order's parameter in words. A parameter named like "level (0 lift, 1 suspend)"
 * gives the word for the value ("lift"); one named "days" reads "30 days"; others
 * "name: value". */
static void param_text(const niact_action_def *a, int32_t v, char *buf, size_t len) {
    const char *name = a->param_name ? a->param_name : "";
    const char *open = strchr(name, '('), *close = open ? strchr(open, ')') : NULL;
    if (open && close) {
        const char *p = open + 1;
        while (p < close) {
            while (p < close && *p == ' ') p++;
            const char *comma = memchr(p, ',', (size_t)(close - p));
            const char *stop = comma ? comma : close;
            char *endn = NULL;
            long n = strtol(p, &endn, 10);
            if (endn && endn != p && endn < stop && n == v) {
                while (endn < stop && *endn == ' ') endn++;
                snprintf(buf, len, "%.*s", (int)(stop - endn), endn);
                return;
            }
            p = stop + 1;
        }
    }
    if (!strcmp(name, "days"))
        snprintf(buf, len, "%d days", v);
    else if (name[0])
        snprintf(buf, len, "%.*s %d", open ? (int)(open - name) : (int)strlen(name), name, v);
    else
        snprintf(buf, len, "%d", v);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ') buf[--n] = 0;
}

static void orders_text(const niact_scenario *sc, const niact_order *os, int n, char *buf,
                        size_t len) {
    size_t o = 0;
    buf[0] = 0;
    if (n == 0)
        snprintf(buf, len, "(none)");
    for (int i = 0; i < n && o + 1 < len; i++) {
        const niact_action_def *a = &sc->actions[os[i].action];
        char p[160] = "";
        if (a->has_param)
            param_text(a, os[i].param, p, sizeof p);
        int w = a->has_param ? snprintf(buf + o, len - o, "%s%s: %s", i ? "; " : "", a->meta.name, p)
                             : snprintf(buf + o, len - o, "%s%s", i ? "; " : "", a->meta.name);
        if (w < 0 || (size_t)w >= len - o)
            break;
        o += (size_t)w;
    }
}

/* ---- the parts -------------------------------------------------------------------- */

static const char *const blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                     "\u2585", "\u2586", "\u2587", "\u2588"};

static int32_t hist(const niact_game *g, int t, int32_t k) {
    int32_t v = 0;
    niact_game_history(g, -1, t, k, &v);
    return v;
}

/* A track as an inline SVG line chart: dates along the bottom, the range's ends (in
 * words if the track has labels) on the left. */
static void svg_curve(doc *d, const niact_game *g, int t) {
    const niact_scenario *sc = niact_game_scenario(g);
    const niact_track_def *def = &sc->tracks[t];
    int32_t turns = niact_game_turn(g);
    const int W = 640, H = 150, L = 150, R = 30, T = 10, B = 30;
    double span = def->max > def->min ? (double)(def->max - def->min) : 1.0;
    double dx = turns > 0 ? (double)(W - L - R) / turns : 0;
    fprintf(d->out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    "viewBox=\"0 0 %d %d\" role=\"img\"><title>", W, H, W, H);
    esc(d, def->meta.name, 1);
    fputs("</title>", d->out);
    fprintf(d->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", L,
            H - B, W - R, H - B);
    fprintf(d->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", L, T, L,
            H - B);
    char lo[128], hi[128];
    value_text(def, def->min, lo, sizeof lo);
    value_text(def, def->max, hi, sizeof hi);
    fprintf(d->out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">", L - 4, H - B);
    esc(d, lo, 1);
    fprintf(d->out, "</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">", L - 4,
            T + 10);
    esc(d, hi, 1);
    fputs("</text><polyline fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\" points=\"", d->out);
    for (int32_t k = 0; k <= turns; k++)
        fprintf(d->out, "%s%.1f,%.1f", k ? " " : "", L + dx * k,
                T + (H - T - B) * (1.0 - (hist(g, t, k) - def->min) / span));
    fputs("\"/>", d->out);
    for (int32_t k = 0; k <= turns; k++) {
        double x = L + dx * k, y = T + (H - T - B) * (1.0 - (hist(g, t, k) - def->min) / span);
        char date[NIACT_DATE_MAX], val[128];
        point_date(sc, k, date, sizeof date);
        value_text(def, hist(g, t, k), val, sizeof val);
        fprintf(d->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f4e9c\"><title>", x, y);
        esc(d, date, 1);
        fputs(": ", d->out);
        esc(d, val, 1);
        fputs("</title></circle>", d->out);
        if (k % 2 == 0 || k == turns) {
            fprintf(d->out, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">",
                    x, H - B + 14);
            esc(d, date, 1);
            fputs("</text>", d->out);
        }
    }
    fputs("</svg><figcaption>", d->out);
    esc(d, def->meta.name, 1);
    char a[128], b[128], da[NIACT_DATE_MAX], db[NIACT_DATE_MAX];
    value_text(def, hist(g, t, 0), a, sizeof a);
    value_text(def, hist(g, t, turns), b, sizeof b);
    point_date(sc, 0, da, sizeof da);
    point_date(sc, turns, db, sizeof db);
    fputs(": ", d->out);
    esc(d, da, 1);
    fputs(" ", d->out);
    esc(d, a, 1);
    fputs(", ", d->out);
    esc(d, db, 1);
    fputs(" ", d->out);
    esc(d, b, 1);
    fputs("</figcaption></figure>\n", d->out);
}

/* A track as a Markdown row: a bar of blocks, then its start, its highest point and
 * its end, each with its date. */
static void md_curve(doc *d, const niact_game *g, int t) {
    const niact_scenario *sc = niact_game_scenario(g);
    const niact_track_def *def = &sc->tracks[t];
    int32_t turns = niact_game_turn(g), top = 0;
    char bar[8 * 64 + 1] = "";
    for (int32_t k = 0; k <= turns; k++) {
        int32_t v = hist(g, t, k);
        if (v > hist(g, t, top))
            top = k;
        int64_t sp = (int64_t)def->max - def->min;
        int idx = sp > 0 ? (int)(((int64_t)(v - def->min) * 7 + sp / 2) / sp) : 0;
        if (strlen(bar) + 4 < sizeof bar)
            strcat(bar, blocks[idx < 0 ? 0 : idx > 7 ? 7 : idx]);
    }
    char buf[200], val[128], date[NIACT_DATE_MAX];
    row_start(d);
    cell(d, def->meta.name);
    cell(d, bar);
    const int32_t at[3] = {0, top, turns};
    for (int i = 0; i < 3; i++) {
        value_text(def, hist(g, t, at[i]), val, sizeof val);
        point_date(sc, at[i], date, sizeof date);
        snprintf(buf, sizeof buf, "%s (%s)", val, date);
        cell(d, buf);
    }
    row_end(d);
}

static void curves(doc *d, const niact_game *g) {
    const niact_scenario *sc = niact_game_scenario(g);
    char from[NIACT_DATE_MAX], to[NIACT_DATE_MAX], line[200];
    point_date(sc, 0, from, sizeof from);
    point_date(sc, niact_game_turn(g), to, sizeof to);
    heading(d, 2, "The tracks over the game");
    snprintf(line, sizeof line, "The true value of each track from %s to %s, after each turn%s.",
             from, to, d->html ? "" : " (the bar: low to high within the track's range)");
    para(d, line);
    if (!d->html) {
        const char *cols[] = {"track", "curve", "start", "highest", "end"};
        table_head(d, cols, 5);
    }
    for (int t = 0; t < sc->n_tracks; t++)
        if (!sc->tracks[t].hidden) {
            if (d->html)
                svg_curve(d, g, t);
            else
                md_curve(d, g, t);
        }
    if (!d->html)
        table_end(d);
}

/* The record's turning points beside the class's game: when the game first reached the
 * marker (a track's value, or an order), against the record's date, with a question. */
static void turning_points(doc *d, niact_session *ls) {
    const niact_game *g = niact_session_view(ls);
    const niact_scenario *sc = niact_game_scenario(g);
    if (sc->n_turning_points == 0)
        return;
    heading(d, 2, "Your game and the record, turning point by turning point");
    para(d, "For each turning point: what happened in history and when, what happened in "
            "this game and when, and a question for discussion.");
    const char *cols[] = {"turning point", "in history", "in this game", "to discuss"};
    table_head(d, cols, 4);
    int32_t turns = niact_game_turn(g), played = niact_session_turns_played(ls);
    for (int i = 0; i < sc->n_turning_points; i++) {
        const niact_turning_point *p = &sc->turning_points[i];
        char rec[2048], game[1024], span[64];
        snprintf(rec, sizeof rec, "%s: %s (%s)", p->date, p->meta.text, p->meta.source);
        snprintf(game, sizeof game, "not in this game");
        if (p->track >= 0) {
            const niact_track_def *def = &sc->tracks[p->track];
            for (int32_t k = 0; k <= turns; k++) {
                int32_t v = hist(g, p->track, k);
                if (p->at_most ? v <= p->value : v >= p->value) {
                    char val[128];
                    value_text(def, v, val, sizeof val);
                    if (k == 0)
                        snprintf(game, sizeof game, "from the start (%s: %s)", def->meta.name, val);
                    else {
                        turn_span(sc, k - 1, span, sizeof span);
                        snprintf(game, sizeof game, "%s, turn %d (%s: %s)", span, k,
                                 def->meta.name, val);
                    }
                    break;
                }
            }
        } else {
            for (int32_t t = 0; t < played; t++) {
                const niact_turn_input *in = niact_session_input(ls, t);
                char who[256] = "";
                for (int r = 0; r < sc->n_roles; r++) {
                    if (p->roles && !(p->roles & (1u << r)))
                        continue;
                    for (int k = 0; k < in->n[r]; k++)
                        if (in->orders[r][k].action == p->action) {
                            size_t n = strlen(who);
                            snprintf(who + n, sizeof who - n, "%s%s", n ? ", " : "",
                                     sc->roles[r].meta.name);
                            break;
                        }
                }
                if (who[0]) {
                    turn_span(sc, t, span, sizeof span);
                    snprintf(game, sizeof game, "%s, turn %d: %s (%s)", span, t + 1,
                             sc->actions[p->action].meta.name, who);
                    break;
                }
            }
        }
        row_start(d);
        cell(d, p->meta.name);
        cell(d, rec);
        cell(d, game);
        cell(d, p->prompt);
        row_end(d);
    }
    table_end(d);
}

/* Replays the loaded game in a fresh session and, before each turn, asks the scripted
 * historical personality what it would have ordered; prints both side by side. */
static int choices(doc *d, niact_session *ls) {
    const niact_scenario *sc = niact_session_scenario(ls);
    int has_hist = 0;
    for (int i = 0; i < sc->n_personalities; i++)
        has_hist |= strcmp(sc->personalities[i], "historical") == 0;
    niact_session *s = NULL;
    char msg[512];
    if (niact_session_new(niact_session_host(ls), niact_game_seed(niact_session_view(ls)), NULL,
                          &s, msg, sizeof msg) != NIACT_OK)
        return -1;
    heading(d, 2, has_hist ? "Choices, beside what the scripted historical AI would have ordered"
                           : "Choices");
    if (has_hist)
        para(d, "The last column is what the game's scripted historical personality "
                "(ai:historical) would have ordered in the same situation: a reconstruction of "
                "the record, not the record itself.");
    const char *cols[] = {"turn", "seat", "ordered", "the scripted historical AI would have ordered"};
    table_head(d, cols, has_hist ? 4 : 3);
    size_t next_input = 0;
    int32_t turns = niact_session_turns_played(ls);
    for (int32_t t = 0; t < turns; t++) {
        char span[64];
        turn_span(sc, t, span, sizeof span);
        for (int r = 0; r < sc->n_roles; r++) {
            const niact_turn_input *in = niact_session_input(ls, t);
            char did[1200], hist_o[1200] = "";
            orders_text(sc, in->orders[r], in->n[r], did, sizeof did);
            if (has_hist) {
                niact_order os[NIACT_MAX_ORDERS];
                int n = 0;
                if (niact_session_suggest(s, r, "historical", os, &n) == NIACT_OK)
                    orders_text(sc, os, n, hist_o, sizeof hist_o);
            }
            row_start(d);
            cell(d, r == 0 ? span : "");
            cell(d, sc->roles[r].meta.name);
            cell(d, did);
            if (has_hist)
                cell(d, hist_o);
            row_end(d);
        }
        const niact_input *in;
        while ((in = niact_session_input_at(ls, next_input)) && in->turn == t) {
            niact_session_apply(s, in);
            next_input++;
        }
        const niact_turn_input *ti = niact_session_input(ls, t);
        for (int r = 0; r < sc->n_roles; r++)
            niact_session_submit(s, r, ti->orders[r], ti->n[r]);
        if (niact_session_resolve(s) != NIACT_OK)
            break;
    }
    table_end(d);
    niact_session_free(s);
    return 0;
}

static void talks(doc *d, const niact_game *g) {
    size_t cur = 0;
    niact_log_entry e;
    int any = 0;
    const niact_scenario *sc = niact_game_scenario(g);
    while (niact_game_log_next(g, -1, &cur, &e)) {
        if (e.kind != NIACT_LOG_PROPOSAL && e.kind != NIACT_LOG_TELEGRAM)
            continue;
        if (!any) {
            heading(d, 2, "Negotiation");
            fputs(d->html ? "<ul>\n" : "", d->out);
        }
        any = 1;
        char span[64];
        turn_span(sc, e.turn, span, sizeof span);
        if (d->html) {
            fputs("<li><em>", d->out);
            esc(d, span, 1);
            fputs("</em> ", d->out);
            esc(d, e.text, 0);
            fputs("</li>\n", d->out);
        } else {
            fprintf(d->out, "- *%s* ", span);
            md(d->out, e.text, 0);
            fputs("\n", d->out);
        }
    }
    if (any && d->html)
        fputs("</ul>\n", d->out);
    fputs(d->html ? "<p>Trust at the end:" : "\nTrust at the end:", d->out);
    for (int r = 0; r < sc->n_roles; r++) {
        fputs(" ", d->out);
        esc(d, sc->roles[r].meta.name, 1);
        fprintf(d->out, " %d;", niact_game_trust(g, r));
    }
    fputs(d->html ? "</p>\n" : "\n", d->out);
}

/* base: each seat's score in the all-historical game of the same seed, or NULL. */
static void header(doc *d, const niact_game *g, int unfinished, const int32_t *base) {
    const niact_scenario *sc = niact_game_scenario(g);
    const niact_variant_def *variant = niact_scenario_variant_played(sc);
    char title[512], line[1024];
    snprintf(title, sizeof title, "Debrief%s: %s", unfinished ? " (unfinished game)" : "",
             sc->meta.name);
    if (d->html) {
        fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
              d->out);
        esc(d, title, 1);
        fputs("</title>\n<style>\n"
              "body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;"
              "color:#111;line-height:1.4}\n"
              "table{border-collapse:collapse;margin:1em 0;width:100%}\n"
              "th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left;"
              "font-size:.9em}\n"
              "th{background:#eee}\nfigure{margin:1em 0;break-inside:avoid}\n"
              "figcaption{font-size:.9em}\n.note{border-left:4px solid #c60;padding-left:.8em}\n"
              "@media print{body{margin:0;max-width:none}h2{break-before:auto}"
              "tr{break-inside:avoid}}\n"
              "</style>\n</head>\n<body>\n",
              d->out);
        fputs("<h1>", d->out);
        esc(d, title, 1);
        fputs("</h1>\n", d->out);
    } else {
        fputs("# ", d->out);
        md(d->out, title, 1);
        fputs("\n\n", d->out);
    }
    char last[64];
    turn_span(sc, niact_game_turn(g) > 0 ? niact_game_turn(g) - 1 : 0, last, sizeof last);
    if (unfinished) {
        snprintf(line, sizeof line,
                 "Unfinished. The game has not ended: %d of its %d turns were played. Scores "
                 "and tracks are as they stood after turn %d (%s); orders given in the turn "
                 "under way are not shown.",
                 niact_game_turn(g), sc->turns, niact_game_turn(g), last);
        if (d->html) {
            fputs("<p class=\"note\"><strong>", d->out);
            esc(d, line, 1);
            fputs("</strong></p>\n", d->out);
        } else {
            fprintf(d->out, "> **Unfinished.** The game has not ended: %d of its %d turns were "
                            "played. Scores and tracks are as they stood after turn %d (%s); "
                            "orders given in the turn under way are not shown.\n\n",
                    niact_game_turn(g), sc->turns, niact_game_turn(g), last);
        }
        snprintf(line, sizeof line, "Seed %llu%s%s.", (unsigned long long)niact_game_seed(g),
                 variant ? ", variant: " : "", variant ? variant->meta.name : "");
        para(d, line);
    } else {
        snprintf(line, sizeof line, "Seed %llu%s%s. The game ended after %d turns (%s): ",
                 (unsigned long long)niact_game_seed(g), variant ? ", variant: " : "",
                 variant ? variant->meta.name : "", niact_game_turn(g), last);
        fputs(d->html ? "<p>" : "", d->out);
        esc(d, line, 0);
        fputs(d->html ? "<strong>" : "**", d->out);
        esc(d, niact_scenario_outcome(niact_game_scenario(g), niact_game_outcome(g)).title, 1);
        fputs(d->html ? "</strong>. " : "**. ", d->out);
        esc(d, niact_game_outcome_text(g), 0);
        fputs(d->html ? "</p>\n" : "\n", d->out);
    }
    heading(d, 2, "Scores");
    if (base)
        para(d, "Beside each score: what the seat scored in the all-historical game of the same "
                "seed (every seat played by the scenario's historical AI), and the difference.");
    const char *cols[] = {"seat", "score", "all-historical game", "difference", "objectives"};
    const char *cols3[] = {"seat", "score", "objectives"};
    if (base)
        table_head(d, cols, 5);
    else
        table_head(d, cols3, 3);
    for (int r = 0; r < sc->n_roles; r++) {
        int32_t s = 0;
        niact_game_score(g, -1, r, &s);
        char score[16], objs[2048] = "";
        snprintf(score, sizeof score, "%d", s);
        for (int o = 0; o < sc->n_objectives; o++) {
            if (sc->objectives[o].role != r)
                continue;
            int32_t os = 0;
            niact_game_objective_score(g, -1, o, &os);
            size_t n = strlen(objs);
            snprintf(objs + n, sizeof objs - n, "%s%s %d", n ? "; " : "",
                     sc->objectives[o].meta.name, os);
        }
        row_start(d);
        cell(d, sc->roles[r].meta.name);
        cell(d, score);
        if (base) {
            char b[16], diff[16];
            snprintf(b, sizeof b, "%d", base[r]);
            snprintf(diff, sizeof diff, "%+d", s - base[r]);
            cell(d, b);
            cell(d, diff);
        }
        cell(d, objs);
        row_end(d);
    }
    table_end(d);
}

/* The scenario's own text (Markdown: "## " headings, "- " items, paragraphs, **bold**,
 * *italic*) as HTML, its text escaped. */
static void inline_html(doc *d, const char *s, size_t n) {
    int bold = 0, it = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            fputs(bold ? "</strong>" : "<strong>", d->out);
            bold = !bold;
            i++;
        } else if (s[i] == '*') {
            fputs(it ? "</em>" : "<em>", d->out);
            it = !it;
        } else {
            char c[2] = {s[i], 0};
            esc(d, c, 1);
        }
    }
    if (it) fputs("</em>", d->out);
    if (bold) fputs("</strong>", d->out);
}

static void story_html(doc *d, const char *text) {
    int in_list = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        int item = n >= 2 && p[0] == '-' && p[1] == ' ';
        if (in_list && !item) {
            fputs("</ul>\n", d->out);
            in_list = 0;
        }
        if (n >= 3 && !strncmp(p, "## ", 3)) {
            fputs("<h2>", d->out);
            inline_html(d, p + 3, n - 3);
            fputs("</h2>\n", d->out);
        } else if (n >= 2 && !strncmp(p, "# ", 2)) {
            fputs("<h2>", d->out);
            inline_html(d, p + 2, n - 2);
            fputs("</h2>\n", d->out);
        } else if (item) {
            if (!in_list)
                fputs("<ul>\n", d->out);
            in_list = 1;
            fputs("<li>", d->out);
            inline_html(d, p + 2, n - 2);
            fputs("</li>\n", d->out);
        } else if (n) {
            fputs("<p>", d->out);
            inline_html(d, p, n);
            fputs("</p>\n", d->out);
        }
        p += n + (nl ? 1 : 0);
    }
    if (in_list)
        fputs("</ul>\n", d->out);
}

int cli_debrief(int argc, char **argv) {
    const char *file = NULL, *scenario = NULL;
    int html = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (!strcmp(argv[i], "--html"))
            html = 1;
        else if (argv[i][0] != '-' && !file)
            file = argv[i];
        else {
            cli_help(stderr, "debrief");
            return CLI_USAGE;
        }
    }
    if (!file) {
        cli_help(stderr, "debrief");
        return CLI_USAGE;
    }
    niact_session *ls = NULL;
    niact_replay_info info;
    char msg[2048], dir[4096], lib[4096];
    niact_replay_opts opts = {0};
    if (scenario) {
        if (cli_find(scenario, dir, sizeof dir, lib, sizeof lib) != 0)
            return CLI_BAD_INPUT;
        opts.scenario = dir;
    }
    niact_status st = niact_session_open_record(file, &opts, &ls, &info, msg, sizeof msg);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact debrief: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    if (!scenario)
        cli_say_record_scenario(ls, &info);
    const niact_game *g = niact_session_view(ls);
    int unfinished = niact_game_phase(g) != NIACT_PHASE_ENDED;
    if (unfinished) {
        /* The debrief of the turns played: the loaded copy is stopped so every view
         * opens, as at the end (the file is not touched). */
        fprintf(stderr, "niact debrief: %s: the game has not ended (%d turn(s) played): this is "
                        "the debrief of the turns played (finish it with niact play --text "
                        "--load %s)\n",
                file, niact_game_turn(g), file);
        if (niact_session_stop(ls) != NIACT_OK) {
            fprintf(stderr, "niact debrief: %s\n", niact_session_error(ls));
            niact_session_free(ls);
            return CLI_BAD_INPUT;
        }
    }
    doc d = {stdout, html};
    int32_t base[NIACT_MAX_ROLES];
    int have_base = !unfinished && niact_session_baseline(ls, base, NIACT_MAX_ROLES) == NIACT_OK;
    header(&d, g, unfinished, have_base ? base : NULL);
    turning_points(&d, ls);
    curves(&d, g);
    choices(&d, ls);
    talks(&d, g);
    const char *text = niact_session_scenario(ls)->debrief;
    if (text && *text) {
        if (!html)
            fprintf(stdout, text[0] == '#' ? "\n%s\n" : "\n## What happened in history\n\n%s\n",
                    text);
        else {
            if (text[0] != '#')
                heading(&d, 2, "What happened in history");
            story_html(&d, text);
        }
    }
    if (html)
        fputs("</body>\n</html>\n", stdout);
    niact_session_free(ls);
    return CLI_OK;
}
