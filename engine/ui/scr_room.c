/* niact host's window: the moderator's room and the projector view.
 *
 * The moderator sees every seat (who plays it, connected, orders given, its code), the
 * truth or any seat's view, the countdown, and gives the teacher's commands (pause,
 * deadline and what late seats play, inject, rollback, free a seat, a message to every
 * seat) as niact_commands through the room's moderate() (niact_session_tell as the
 * moderator, plus what the host does around it): every one is kept in the record.
 *
 * The projector view is made from niact_session_public alone (projector_lines), in large
 * type, light on dark: it cannot show what the public view does not hold. */
#include "app.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The host's clock (CLOCK_MONOTONIC, as engine/cli/host.c ticks the session with): the
 * countdown is read on the same clock it runs on. */
static int64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* "4:05" of a time left in ms (rounded up: 0:00 only when it has run out). */
static void clock_text(int64_t ms, char *buf, size_t len) {
    int64_t sec = (ms + 999) / 1000;
    snprintf(buf, len, "%lld:%02lld", (long long)(sec / 60), (long long)(sec % 60));
}

void room_open(app *a, ui_room *room) {
    a->room = room;
    a->scr = room->projector ? SCR_PROJECTOR : SCR_MODERATOR;
    memset(&a->mod, 0, sizeof a->mod);
    a->mod.view = -1;
    const char *late = NULL;
    int32_t set = niact_session_deadline(room->s, &late); /* a variant's, or 5:00 */
    a->mod.deadline = set > 0 ? set : 300;
    const niact_scenario *sc = niact_session_scenario(room->s);
    for (int k = 0; k < sc->n_personalities; k++) /* late seats: the historical play first */
        if (!strcmp(sc->personalities[k], "historical"))
            a->mod.play = k + 1;
    if (a->ui.win)
        SDL_SetWindowTitle(a->ui.win, "Niact - moderator");
}

static int room_busy(const app *a) {
    return a->room->busy && a->room->busy(a->room->ctx);
}

int room_pass(app *a) {
    if (!a->room)
        return 0;
    ui_mod *m = &a->mod;
    const niact_game *g = niact_session_view(a->room->s);
    int busy = room_busy(a);
    uint64_t before = busy ? 0 : niact_game_hash(g) ^ niact_game_log_size(g);
    if (!a->mod.over && a->room->tick(a->room->ctx))
        a->mod.over = 1;
    int now_busy = room_busy(a);
    uint64_t after = now_busy ? before : niact_game_hash(g) ^ niact_game_log_size(g);
    /* Redraw when the game moved, and twice a second for the countdown and the seats. */
    uint64_t half = (uint64_t)now_ms() / 500;
    int need = before != after || half != m->last_half || busy != now_busy ||
               m->was_busy != now_busy;
    m->last_half = half;
    m->was_busy = now_busy;
    return need;
}

/* While the host resolves a turn off the window's thread: a screen that reads nothing
 * of the game (the worker is changing it). */
static int busy_screen(app *a, int dark) {
    if (!room_busy(a))
        return 0;
    ui *u = &a->ui;
    static const SDL_Color back = {18, 17, 15, 255}, text = {250, 246, 236, 255};
    ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, dark ? back : COL_PAPER);
    static const char *dots[] = {"", ".", "..", "..."};
    char buf[160];
    snprintf(buf, sizeof buf, "The turn is being resolved%s", dots[(now_ms() / 500) % 4]);
    /* Wrapped (centred) when the window is narrow; the dots do not move the lines. */
    int m = ui_px(u, 16), w = u->w - 2 * m;
    int h1 = ui_text_height(u, FACE_TYPE_BOLD, SZ_H1, w, "The turn is being resolved...");
    int lh = ui_line_height(u, FACE_TYPE_BOLD, SZ_H1);
    if (h1 < lh)
        h1 = lh;
    ui_text(u, FACE_TYPE_BOLD, SZ_H1, dark ? text : COL_INK, (SDL_Rect){m, u->h / 2 - h1, w, h1},
            buf, TX_CENTER);
    const char *why = "the computer's seats are deciding; the room comes back when they have";
    int h2 = ui_text_height(u, FACE_SANS, SZ_BODY, w, why), ls = ui_line_height(u, FACE_SANS, SZ_BODY);
    ui_text(u, FACE_SANS, SZ_BODY, dark ? text : COL_INK_FADED,
            (SDL_Rect){m, u->h / 2 + ui_px(u, 8), w, h2 > ls ? h2 : ls}, why, TX_CENTER);
    return 1;
}

/* ---- the projector --------------------------------------------------------------- */

enum { PL_TITLE, PL_CALENDAR, PL_CLOCK, PL_STATE, PL_HEAD, PL_ORDERS, PL_TRACK, PL_NEWS,
       PL_END };

enum { SEC_ORDERS, SEC_TRACKS, SEC_NEWS }; /* a PL_HEAD's section */

typedef struct pline {
    int kind;
    int role;          /* PL_ORDERS: whose; PL_HEAD: its section (SEC_) */
    const char *text;
} pline;

#define PROJ_NEWS UI_ROOM_NEWS /* the latest public news shown */
#define PROJ_MAX (8 + NIACT_MAX_ROLES + NIACT_PUBLIC_TRACKS + PROJ_NEWS)

/* What the projector shows, from the public view only; texts in buf. */
static int proj_build(const niact_scenario *sc, const niact_public *pub, pline *out,
                      char *buf, size_t len) {
    int n = 0;
    size_t used = 0;
#define PUT(k, r, ...)                                                                    \
    do {                                                                                  \
        if (n < PROJ_MAX && used < len) {                                                 \
            int w_ = snprintf(buf + used, len - used, __VA_ARGS__);                       \
            out[n++] = (pline){k, r, buf + used};                                         \
            used += (w_ < 0 ? 0 : (size_t)w_ >= len - used ? len - used - 1 : (size_t)w_) + 1; \
        }                                                                                 \
    } while (0)
    PUT(PL_TITLE, -1, "%s", sc->meta.name);
    if (pub->ended)
        PUT(PL_CALENDAR, -1, "The game is over after %d turn%s", (int)pub->turn,
            pub->turn == 1 ? "" : "s");
    else
        PUT(PL_CALENDAR, -1, "Turn %d of %d  -  %s", (int)pub->turn + 1, (int)pub->turns,
            pub->date);
    if (!pub->ended) {
        if (pub->left_ms >= 0) {
            char c[32];
            clock_text(pub->left_ms, c, sizeof c);
            PUT(PL_CLOCK, -1, "%s", c);
        } else {
            PUT(PL_CLOCK, -1, "no deadline");
        }
        if (pub->paused)
            PUT(PL_STATE, -1, "PAUSED");
        PUT(PL_HEAD, SEC_ORDERS, "Orders");
        for (int r = 0; r < pub->n_roles; r++) {
            if (!(pub->humans & (1u << r)))
                PUT(PL_ORDERS, r, "%s: the computer plays", sc->roles[r].meta.name);
            else if (pub->given & (1u << r))
                PUT(PL_ORDERS, r, "%s: orders given%s", sc->roles[r].meta.name,
                    pub->defaulted & (1u << r) ? " (time ran out)" : "");
            else
                PUT(PL_ORDERS, r, "%s: writing orders", sc->roles[r].meta.name);
        }
    } else {
        PUT(PL_END, -1, "%s", pub->outcome_title);
        PUT(PL_HEAD, SEC_ORDERS, "Scores");
        for (int r = 0; r < pub->n_roles; r++)
            PUT(PL_ORDERS, r, "%s: %d points", sc->roles[r].meta.name, (int)pub->scores[r]);
    }
    if (pub->n_tracks)
        PUT(PL_HEAD, SEC_TRACKS, "What every delegation sees");
    for (int i = 0; i < pub->n_tracks; i++) {
        int t = pub->tracks[i].track;
        PUT(PL_TRACK, -1, "%s: %s", t >= 0 && t < sc->n_tracks ? sc->tracks[t].meta.name : "?",
            pub->tracks[i].text);
    }
    int first = pub->n_news > PROJ_NEWS ? pub->n_news - PROJ_NEWS : 0;
    if (pub->n_news)
        PUT(PL_HEAD, SEC_NEWS, "Public news (the newest first)");
    for (int i = pub->n_news - 1; i >= first; i--) { /* the newest first, each dated */
        char date[NIACT_DATE_MAX];
        if (niact_scenario_format(sc, pub->news[i].turn, NIACT_DATE_SHORT, date, sizeof date))
            snprintf(date, sizeof date, "turn %d", (int)pub->news[i].turn + 1);
        PUT(PL_NEWS, -1, "%s  -  %s", date, pub->news_text + pub->news[i].off);
    }
#undef PUT
    return n;
}

int projector_lines(const niact_scenario *sc, const niact_public *pub, char *buf, size_t len) {
    static pline lines[PROJ_MAX];
    static char tmp[1 << 15];
    int n = proj_build(sc, pub, lines, tmp, sizeof tmp);
    size_t used = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(lines[i].text);
        if (used + l + 1 > len)
            break;
        memcpy(buf + used, lines[i].text, l + 1);
        used += l + 1;
        k++;
    }
    return k;
}

/* The public view now, with the latest PROJ_NEWS public entries as its news (read page
 * by page from the start; kept, in the app's room state, until the log moves). */
static void latest_public(app *a, niact_public *pub) {
    niact_session *s = a->room->s;
    ui_mod *m = &a->mod;
    static niact_public page; /* (scratch: filled and read within this call) */
    size_t size = niact_game_log_size(niact_session_view(s));
    if (!m->news_valid || size != m->news_seen) { /* the log moved: read the news again */
        int n_ring = 0, head = 0;
        char (*ring)[sizeof m->news[0]] = m->news;
        size_t from = 0;
        do {
            if (niact_session_public(s, now_ms(), from, &page) != NIACT_OK)
                break;
            for (int i = 0; i < page.n_news; i++) {
                snprintf(ring[head], sizeof ring[head], "%s", page.news_text + page.news[i].off);
                m->news_turn[head] = page.news[i].turn;
                head = (head + 1) % PROJ_NEWS;
                n_ring += n_ring < PROJ_NEWS;
            }
            from = (size_t)page.news_next;
        } while (page.news_more);
        m->n_news = n_ring, m->news_head = head;
        m->news_seen = size, m->news_valid = 1;
    }
    niact_session_public(s, now_ms(), size, pub); /* the rest as it is now; no news */
    size_t used = 0;
    pub->n_news = 0;
    for (int i = 0; i < m->n_news; i++) { /* oldest first, as the public view gives them */
        int slot = (m->news_head - m->n_news + i + PROJ_NEWS) % PROJ_NEWS;
        const char *t = m->news[slot];
        size_t l = strlen(t);
        if (used + l + 1 > sizeof pub->news_text)
            break;
        memcpy(pub->news_text + used, t, l + 1);
        pub->news[pub->n_news++] = (niact_public_news){
            .turn = m->news_turn[slot], .off = (uint32_t)used, .len = (uint32_t)l};
        used += l + 1;
    }
}

static const SDL_Color PJ_BACK = {18, 17, 15, 255}, PJ_TEXT = {250, 246, 236, 255},
                       PJ_SOFT = {214, 206, 186, 255}, PJ_WARN = {255, 196, 92, 255};

/* The projector's type, four steps (the largest, the name and date, the lines): the
 * largest (and two columns before one) whose layout takes every line that must be shown
 * is used. The last keeps the turn and clock large and sets the rest in small type, so
 * that a 200 % window on a 1920x1080 projector still shows every seat and the newest
 * news; where even that does not take everything, what does not fit is left out whole
 * (the oldest news first; the newest never while it fits at all). */
enum { PJ_STEPS = 4 };
static const int PJ_SIZES[PJ_STEPS][3] = {{SZ_TITLE, SZ_H1, SZ_H2}, {SZ_H1, SZ_H2, SZ_BODY},
                                          {SZ_H2, SZ_BODY, SZ_SMALL},
                                          {SZ_H2, SZ_SMALL, SZ_SMALL}};

/* The height of text wrapped to w (at least one line). */
static int wrap_h(ui *u, int face, int size, int w, const char *t) {
    int h = ui_text_height(u, face, size, w, t), lh = ui_line_height(u, face, size);
    return h < lh ? lh : h;
}

/* Text wrapped to r.w at r.x, r.y, drawn if draw; returns its height. */
static int wrap(ui *u, int draw, int face, int size, SDL_Color c, SDL_Rect r, const char *t,
                int flags) {
    int h = wrap_h(u, face, size, r.w, t);
    if (draw)
        ui_text(u, face, size, c, (SDL_Rect){r.x, r.y, r.w, h}, t, flags);
    return h;
}

/* What a left-out line weighs in choosing the layout: a line that must be shown 1, the
 * newest news more than all the others together. */
enum { PJ_MISS = 1, PJ_MISS_NEWEST = 1000 };

/* Lays the projector out at type step k in one or two columns; draws it if draw.
 * Must be shown: the header, every seat's line, the first three tracks, and the newest
 * news. The newest news has its room first, at the bottom; the orders and the first three
 * tracks take what is above it; the older news, newest first, take what is left under
 * them; the other tracks what is left after that. A line that does not fit is left out
 * whole, never cut (of the news, the oldest go first and none after a gap); a heading
 * goes with the first line under it. Returns the weight of the must-lines left out
 * (0: all fitted). */
static int proj_layout(ui *u, const pline *lines, int n, int k, int two, int draw) {
    int big = PJ_SIZES[k][0], mid = PJ_SIZES[k][1], small = PJ_SIZES[k][2];
    int m = ui_px(u, 32), W = u->w - 2 * m, bottom = u->h - m / 2, gap = ui_px(u, 16);
    int missing = 0, y = m / 2;
    const char *clock = NULL, *state = NULL;
    for (int i = 0; i < n; i++) {
        if (lines[i].kind == PL_CLOCK)
            clock = lines[i].text;
        else if (lines[i].kind == PL_STATE || lines[i].kind == PL_END)
            state = lines[i].text;
    }
    /* The header: the name, the turn large with the clock, the date with the state. */
    for (int i = 0; i < n; i++) {
        const pline *p = &lines[i];
        if (p->kind == PL_TITLE) {
            y += wrap(u, draw, FACE_TYPE_BOLD, mid, PJ_SOFT, (SDL_Rect){m, y, W, 0}, p->text, 0);
        } else if (p->kind == PL_CALENDAR) {
            char turn_words[96];
            const char *dash = strstr(p->text, "  -  ");
            snprintf(turn_words, sizeof turn_words, "%.*s",
                     dash ? (int)(dash - p->text) : (int)strlen(p->text), p->text);
            const char *row[2][2] = {{turn_words, clock}, {dash ? dash + 5 : NULL, state}};
            for (int j = 0; j < 2; j++) {
                int size = j ? mid : big;
                SDL_Color c = PJ_TEXT;
                const char *l = row[j][0], *r = row[j][1];
                int lw = l ? ui_text_width(u, FACE_TYPE_BOLD, size, l) : 0;
                int rw = r ? ui_text_width(u, FACE_TYPE_BOLD, size, r) : 0;
                if (lw + rw + gap <= W) { /* one row: left and right */
                    int h = ui_line_height(u, FACE_TYPE_BOLD, size);
                    if (draw && l)
                        ui_text(u, FACE_TYPE_BOLD, size, c, (SDL_Rect){m, y, W - rw - gap, h}, l,
                                TX_ONELINE);
                    if (draw && r)
                        ui_text(u, FACE_TYPE_BOLD, size, PJ_WARN,
                                (SDL_Rect){m + W - rw, y, rw, h}, r, TX_RIGHT | TX_ONELINE);
                    y += l || r ? h : 0;
                } else { /* one under the other */
                    if (l)
                        y += wrap(u, draw, FACE_TYPE_BOLD, size, c, (SDL_Rect){m, y, W, 0}, l, 0);
                    if (r)
                        y += wrap(u, draw, FACE_TYPE_BOLD, size, PJ_WARN, (SDL_Rect){m, y, W, 0},
                                  r, 0);
                }
            }
        }
    }
    y += gap;
    /* The orders (or scores) and what every delegation sees side by side, or one under
     * the other; the news across the whole width under both. */
    int cw = two ? (W - 2 * gap) / 2 : W, xr = two ? m + cw + 2 * gap : m;
    int rule = ui_px(u, 2) < 1 ? 1 : ui_px(u, 2);
    int head[3] = {-1, -1, -1}, item[3][PROJ_MAX], n_item[3] = {0, 0, 0};
    int hgt[PROJ_MAX], at[PROJ_MAX]; /* each line's height, and its y (-1: left out) */
    for (int i = 0, sec = -1; i < n; i++) {
        const pline *p = &lines[i];
        at[i] = -1;
        hgt[i] = 0;
        if (p->kind == PL_HEAD) {
            sec = p->role >= SEC_ORDERS && p->role <= SEC_NEWS ? p->role : -1;
            if (sec >= 0)
                head[sec] = i;
        } else if (sec >= 0 && (p->kind == PL_ORDERS || p->kind == PL_TRACK ||
                                p->kind == PL_NEWS)) {
            item[sec][n_item[sec]++] = i;
        } else {
            continue;
        }
        int w = sec == SEC_NEWS ? W : cw;
        hgt[i] = p->kind == PL_HEAD ? wrap_h(u, FACE_SANS_BOLD, small, w, p->text) + rule +
                                          ui_px(u, 10)
                 : p->kind == PL_ORDERS
                     ? wrap_h(u, FACE_SANS_BOLD, mid, w - ui_px(u, 32), p->text) + ui_px(u, 6)
                     : wrap_h(u, FACE_SANS, small, w, p->text) + ui_px(u, 6);
    }
    /* The newest news' room, kept at the bottom for it (it fits under the header, or
     * nothing of the news is shown and the layout weighs that most). */
    int news = head[SEC_NEWS] >= 0 && n_item[SEC_NEWS] > 0;
    int newest = news ? hgt[head[SEC_NEWS]] + hgt[item[SEC_NEWS][0]] : 0;
    if (news && y + newest > bottom)
        news = 0, missing += PJ_MISS_NEWEST;
    int col_bottom = news ? bottom - newest - gap : bottom;
    /* A section's lines from *py down to limit: the heading with the first line that fits
     * under it; lines first..last-1 of it. Counts the must-lines left out. */
#define PLACE(sec, py, first, last, limit, must)                                            \
    do {                                                                                    \
        for (int j_ = (first); j_ < (last); j_++) {                                         \
            int i_ = item[sec][j_];                                                         \
            int hh_ = at[head[sec]] < 0 ? hgt[head[sec]] : 0;                               \
            if (*(py) + hh_ + hgt[i_] > (limit)) {                                          \
                missing += (must) ? PJ_MISS : 0;                                            \
                continue;                                                                   \
            }                                                                               \
            if (hh_)                                                                        \
                at[head[sec]] = *(py), *(py) += hh_;                                        \
            at[i_] = *(py), *(py) += hgt[i_];                                               \
        }                                                                                   \
    } while (0)
    int yl = y, yr = y;
    if (head[SEC_ORDERS] >= 0)
        PLACE(SEC_ORDERS, &yl, 0, n_item[SEC_ORDERS], col_bottom, 1);
    int must_tracks = n_item[SEC_TRACKS] < 3 ? n_item[SEC_TRACKS] : 3;
    if (!two)
        yr = yl > y ? yl + gap : yl;
    if (head[SEC_TRACKS] >= 0)
        PLACE(SEC_TRACKS, &yr, 0, must_tracks, col_bottom, 1);
    /* The news under the columns: the newest, then the older ones while they fit. */
    int ny = (yl > yr ? yl : yr) + gap, news_h = 0;
    if (news) {
        news_h = hgt[head[SEC_NEWS]];
        for (int j = 0; j < n_item[SEC_NEWS]; j++) {
            int h = hgt[item[SEC_NEWS][j]];
            if (ny + news_h + h > bottom)
                break; /* this one and the older ones are left out */
            at[item[SEC_NEWS][j]] = 1; /* (placed below) */
            news_h += h;
        }
    }
    /* The other tracks in what is left above the news. */
    if (head[SEC_TRACKS] >= 0)
        PLACE(SEC_TRACKS, &yr, must_tracks, n_item[SEC_TRACKS],
              news ? bottom - news_h - gap : bottom, 0);
#undef PLACE
    if (news) {
        ny = (yl > yr ? yl : yr) + gap;
        at[head[SEC_NEWS]] = ny;
        ny += hgt[head[SEC_NEWS]];
        for (int j = 0; j < n_item[SEC_NEWS]; j++) {
            int i = item[SEC_NEWS][j];
            if (at[i] >= 0)
                at[i] = ny, ny += hgt[i];
        }
    }
    if (!draw)
        return missing;
    for (int sec = SEC_ORDERS; sec <= SEC_NEWS; sec++) {
        int x = sec == SEC_TRACKS ? xr : m, w = sec == SEC_NEWS ? W : cw;
        if (head[sec] >= 0 && at[head[sec]] >= 0) {
            const pline *p = &lines[head[sec]];
            int yy = at[head[sec]];
            ui_hline(u, x, x + w,
                     yy + wrap(u, 1, FACE_SANS_BOLD, small, PJ_SOFT, (SDL_Rect){x, yy, w, 0},
                               p->text, 0) + ui_px(u, 2),
                     PJ_SOFT, rule);
        }
        for (int j = 0; j < n_item[sec]; j++) {
            const pline *p = &lines[item[sec][j]];
            int yy = at[item[sec][j]];
            if (yy < 0)
                continue;
            if (p->kind == PL_ORDERS) {
                int l1 = ui_line_height(u, FACE_SANS_BOLD, mid);
                ui_role_mark(u, p->role, x + ui_px(u, 12), yy + l1 / 2, ui_px(u, 10));
                wrap(u, 1, FACE_SANS_BOLD, mid, PJ_TEXT,
                     (SDL_Rect){x + ui_px(u, 32), yy, w - ui_px(u, 32), 0}, p->text, 0);
            } else {
                wrap(u, 1, FACE_SANS, small, PJ_TEXT, (SDL_Rect){x, yy, w, 0}, p->text, 0);
            }
        }
    }
    return missing;
}

void scr_projector(app *a) {
    ui *u = &a->ui;
    if (!a->room) {
        a->scr = SCR_TITLE;
        return;
    }
    if (busy_screen(a, 1))
        return;
    static niact_public pub;
    latest_public(a, &pub);
    const niact_scenario *sc = niact_session_scenario(a->room->s);
    static pline lines[PROJ_MAX];
    static char buf[1 << 15];
    int n = proj_build(sc, &pub, lines, buf, sizeof buf);
    ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, PJ_BACK);
    /* The largest type, two columns before one, that leaves out the fewest lines. */
    int best = 0, least = -1;
    for (int step = 0; step < 2 * PJ_STEPS && least != 0; step++) {
        int miss = proj_layout(u, lines, n, step / 2, !(step % 2), 0);
        if (least < 0 || miss < least)
            least = miss, best = step;
    }
    proj_layout(u, lines, n, best / 2, !(best % 2), 1);
    if (ui_key(u, SDLK_F5) || ui_key(u, SDLK_ESCAPE)) {
        a->scr = SCR_MODERATOR;
        u->focus = 0;
    }
}

/* ---- the moderator --------------------------------------------------------------- */

/* The column being drawn: a scrolling list (a focused button in it is kept in view). */
static struct {
    SDL_Rect view;
    int *scroll;
} col;

/* A button in the current column. */
static int button(app *a, uint32_t id, SDL_Rect r, const char *label, int enabled) {
    int k = ui_button(&a->ui, id, r, label, enabled);
    if (col.scroll)
        list_follow(a, col.view, r, col.scroll, id);
    return k;
}

static void say(app *a, int refused, const char *fmt, const char *what) {
    snprintf(a->mod.msg, sizeof a->mod.msg, fmt, what);
    a->mod.refused = refused;
}

/* A moderator's command through the room (niact_session_tell as the moderator). */
static void command(app *a, niact_command c) {
    char msg[400];
    int k = a->room->moderate(a->room->ctx, &c, msg, sizeof msg);
    say(a, k != 0, "%s", msg);
}

/* The seats: one row each, the buttons beside the words or, narrow, under them; then
 * the truth's button. Returns the y below it. */
static int seats_panel(app *a, int x, int y, int w) {
    ui *u = &a->ui;
    niact_session *s = a->room->s;
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_game *g = niact_session_view(s);
    y += ui_heading(u, (SDL_Rect){x, y, w, 0}, "Seats");
    int lb = ui_line_height(u, FACE_SANS_BOLD, SZ_BODY);
    int bh = ui_px(u, 30), bw = ui_px(u, 84), gap = ui_px(u, 6), ind = ui_px(u, 24);
    int beside = w - ind - 2 * bw - 2 * gap >= ui_px(u, 150);
    int tw = beside ? w - ind - 2 * bw - 2 * gap : w - ind;
    char buf[200];
    for (int role = 0; role < sc->n_roles; role++) {
        ui_room_seat seat;
        a->room->seat(a->room->ctx, role, &seat);
        const niact_seat *ns = niact_session_seat(s, role);
        ui_role_mark(u, role, x + ui_px(u, 9), y + lb / 2, ui_px(u, 8));
        int yy = y + wrap(u, 1, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){x + ind, y, tw, 0},
                          sc->roles[role].meta.name, 0);
        uint32_t late = niact_session_defaulted(s);
        if (ns->kind == NIACT_SEAT_AI)
            snprintf(buf, sizeof buf, "computer (%s)", ns->personality[0] ? ns->personality : "random");
        else
            snprintf(buf, sizeof buf, "%s - %s", seat.connected ? "connected" : "not connected",
                     niact_game_phase(g) == NIACT_PHASE_ENDED ? "game over"
                     : late & (1u << role)                  ? "time ran out: default orders"
                     : niact_game_submitted(g, role)        ? "orders given"
                                                            : "writing orders");
        yy += wrap(u, 1, FACE_SANS, SZ_SMALL,
                   seat.connected || ns->kind == NIACT_SEAT_AI ? COL_INK : COL_STAMP,
                   (SDL_Rect){x + ind, yy, tw, 0}, buf, 0);
        if (seat.remote) {
            snprintf(buf, sizeof buf, "code %s", seat.code);
            yy += wrap(u, 1, FACE_TYPE_BOLD, SZ_BODY, COL_INK, (SDL_Rect){x + ind, yy, tw, 0}, buf, 0);
        }
        int by = beside ? y : yy + gap, bx = beside ? x + w - 2 * bw - gap : x + ind;
        if (button(a, ui_id("mod-view", role), (SDL_Rect){bx, by, bw, bh},
                   a->mod.view == role ? "Shown" : "View", 1))
            a->mod.view = role, a->mod.scroll_view = 0;
        if (button(a, ui_id("mod-free", role), (SDL_Rect){bx + bw + gap, by, bw, bh}, "Free",
                   ns->kind == NIACT_SEAT_HUMAN)) {
            niact_command c = niact_command_make(NIACT_CMD_FREE_SEAT, NIACT_MODERATOR);
            c.index = role;
            command(a, c);
        }
        if (!beside)
            yy += gap + bh;
        y = (yy > by + bh ? yy : by + bh) + ui_px(u, 10);
    }
    if (button(a, ui_id("mod-view", 99), (SDL_Rect){x, y, w, bh},
               a->mod.view < 0 ? "The truth (shown)" : "The truth", 1))
        a->mod.view = -1, a->mod.scroll_view = 0;
    return y + bh + ui_px(u, 14);
}

/* The latest public news (what the projector shows), the newest first. */
static int news_panel(app *a, int x, int y, int w) {
    ui *u = &a->ui;
    static niact_public pub;
    latest_public(a, &pub);
    y += ui_heading(u, (SDL_Rect){x, y, w, 0}, "Public news (latest)");
    const niact_scenario *sc = niact_session_scenario(a->room->s);
    char line[2100];
    for (int i = pub.n_news - 1; i >= 0; i--) { /* the newest first, dated as on the projector */
        char date[NIACT_DATE_MAX];
        if (niact_scenario_format(sc, pub.news[i].turn, NIACT_DATE_SHORT, date, sizeof date))
            snprintf(date, sizeof date, "turn %d", (int)pub.news[i].turn + 1);
        snprintf(line, sizeof line, "%s  -  %s", date, pub.news_text + pub.news[i].off);
        y += wrap(u, 1, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0}, line, 0) +
             ui_px(u, 6);
    }
    return y;
}

/* The truth, or what one seat knows: every track (name and value side by side, or one
 * under the other when narrow), then the seat's latest news. */
static int view_panel(app *a, int x, int y, int w) {
    ui *u = &a->ui;
    niact_session *s = a->room->s;
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_game *g = niact_session_view(s);
    char head[200], buf[200];
    int v = a->mod.view;
    if (v >= sc->n_roles)
        v = a->mod.view = -1;
    if (v < 0)
        snprintf(head, sizeof head, "The truth (only you see it)");
    else
        snprintf(head, sizeof head, "What the %s sees", sc->roles[v].meta.name);
    y += ui_heading(u, (SDL_Rect){x, y, w, 0}, head);
    int beside = w >= ui_px(u, 300), nw = beside ? w / 2 : w, ind = ui_px(u, 16);
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        if (v < 0) {
            int32_t val = 0;
            if (niact_session_truth(s, t, &val) != NIACT_OK)
                continue;
            const char *label = d->n_labels > 0 && val >= d->min && val - d->min < d->n_labels
                                    ? d->labels[val - d->min]
                                    : NULL;
            if (label)
                snprintf(buf, sizeof buf, "%s (%d)", label, (int)val);
            else
                snprintf(buf, sizeof buf, "%d", (int)val);
        } else {
            niact_known k;
            if (niact_session_track(s, v, t, &k) != NIACT_OK)
                k.vis = NIACT_VIS_NONE;
            niact_known_text(&k, 0, buf, sizeof buf);
        }
        int hn = wrap(u, 1, FACE_SANS, SZ_SMALL, COL_INK,
                      (SDL_Rect){x, y, beside ? nw - ui_px(u, 6) : w, 0}, d->meta.name, 0);
        if (beside) {
            int hv = wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x + nw, y, w - nw, 0},
                          buf, 0);
            y += (hn > hv ? hn : hv) + ui_px(u, 2);
        } else {
            y += hn;
            y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x + ind, y, w - ind, 0},
                      buf, 0) + ui_px(u, 4);
        }
    }
    if (v >= 0) { /* the seat's news of this turn, the newest first */
        y += ui_px(u, 8);
        y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0},
                  "Its news this turn (newest first):", 0);
        size_t cur = 0;
        niact_log_entry e;
        static niact_log_entry mine[64];
        int n = 0;
        int32_t turn = niact_game_turn(g);
        while (niact_game_log_next(g, v, &cur, &e))
            if (e.turn >= turn - 1 && e.text) {
                if (n == 64)
                    memmove(mine, mine + 1, 63 * sizeof *mine), n--;
                mine[n++] = e;
            }
        for (int i = n - 1; i >= 0; i--)
            y += wrap(u, 1, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){x, y, w, 0},
                      mine[i].text, 0) + ui_px(u, 4);
    }
    return y + ui_px(u, 8);
}

/* The personality a late seat plays: 0 none, k the scenario's (k-1)-th. */
static const char *play_name(const niact_scenario *sc, int k) {
    return k > 0 && k <= sc->n_personalities ? sc->personalities[k - 1] : "none";
}

/* The message field's text as shown (the words typed and the caret, or a hint), wrapped
 * to the field's width w, or narrower by its scroll bar when it takes more than most:
 * its width and height. */
static void field_text(app *a, int focused, int w, int most, char *buf, size_t len, int *tw,
                       int *th) {
    ui *u = &a->ui;
    snprintf(buf, len, "%s%s", a->mod.text[0] ? a->mod.text : focused ? "" : "(click, then type)",
             focused ? "_" : "");
    *tw = w;
    *th = wrap_h(u, FACE_TYPE, SZ_BODY, w, buf);
    if (*th > most) {
        *tw = w - ui_px(u, 30);
        *th = wrap_h(u, FACE_TYPE, SZ_BODY, *tw, buf);
    }
}

/* The teacher's commands. Returns the y below them. */
static int controls_panel(app *a, int x, int y, int w) {
    ui *u = &a->ui;
    niact_session *s = a->room->s;
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_game *g = niact_session_view(s);
    int running = niact_game_phase(g) != NIACT_PHASE_ENDED;
    ui_mod *m = &a->mod;
    y += ui_heading(u, (SDL_Rect){x, y, w, 0}, "The room");
    int bh = ui_px(u, 32), gap = ui_px(u, 6), sw = ui_px(u, 36), vw = ui_px(u, 80);
    char buf[300];
    /* The deadline: - 5:00 + and what late seats play (beside, or under when narrow). */
    y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0},
              "Deadline for each turn (from now on)", 0);
    if (button(a, ui_id("mod-dl-minus", 0), (SDL_Rect){x, y, sw, bh}, "-", running))
        m->deadline = m->deadline > 60 ? m->deadline - 60 : m->deadline > 10 ? m->deadline - 10 : 0;
    if (m->deadline > 0)
        snprintf(buf, sizeof buf, "%d:%02d", (int)m->deadline / 60, (int)m->deadline % 60);
    else
        snprintf(buf, sizeof buf, "none");
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_H2, SZ_SMALL, COL_INK, (SDL_Rect){x + sw, y, vw, bh}, buf,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
    if (button(a, ui_id("mod-dl-plus", 0), (SDL_Rect){x + sw + vw, y, sw, bh}, "+", running))
        m->deadline = m->deadline < 60 ? m->deadline + 10 : m->deadline + 60;
    if (m->deadline > NIACT_SESSION_MAX_DEADLINE)
        m->deadline = NIACT_SESSION_MAX_DEADLINE;
    snprintf(buf, sizeof buf, "late: %s", play_name(sc, m->play));
    int px = x + 2 * sw + vw + gap;
    if (x + w - px < ui_px(u, 150)) /* its own row */
        px = x, y += bh + gap;
    if (button(a, ui_id("mod-dl-play", 0), (SDL_Rect){px, y, x + w - px, bh}, buf, running))
        m->play = (m->play + 1) % (sc->n_personalities + 1);
    y += bh + gap;
    if (button(a, ui_id("mod-dl-set", 0), (SDL_Rect){x, y, w, bh},
               m->deadline ? "Set the deadline" : "Remove the deadline", running)) {
        niact_command c = niact_command_make(NIACT_CMD_DEADLINE, NIACT_MODERATOR);
        c.param = m->deadline;
        snprintf(c.text, sizeof c.text, "%s", play_name(sc, m->play));
        command(a, c);
    }
    y += bh + 2 * gap;
    /* An event now: < its name (wrapped) > */
    y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0},
              "Inject one of the scenario's events now", 0);
    if (sc->n_events > 0) {
        if (m->event >= sc->n_events || m->event < 0)
            m->event = 0;
        const char *name = sc->events[m->event].meta.name;
        int ew = w - 2 * sw - 2 * gap;
        int eh = wrap_h(u, FACE_SANS, SZ_SMALL, ew, name);
        int rh = eh > bh ? eh : bh;
        if (button(a, ui_id("mod-ev-prev", 0), (SDL_Rect){x, y + (rh - bh) / 2, sw, bh}, "<", 1))
            m->event = (m->event + sc->n_events - 1) % sc->n_events;
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){x + sw + gap, y, ew, rh}, name,
                TX_CENTER | TX_MIDDLE);
        if (button(a, ui_id("mod-ev-next", 0), (SDL_Rect){x + w - sw, y + (rh - bh) / 2, sw, bh},
                   ">", 1))
            m->event = (m->event + 1) % sc->n_events;
        y += rh + gap;
        if (button(a, ui_id("mod-inject", 0), (SDL_Rect){x, y, w, bh}, "Inject it now", running)) {
            niact_command c = niact_command_make(NIACT_CMD_INJECT, NIACT_MODERATOR);
            c.index = m->event;
            command(a, c);
        }
        y += bh + 2 * gap;
    }
    /* Roll back: < turn 3 > and the button (beside, or under when narrow). */
    int32_t turn = niact_game_turn(g) + 1;
    if (m->rollback < 1 || m->rollback > turn)
        m->rollback = turn;
    y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0},
              "Back to the start of an earlier turn", 0);
    int tw = ui_px(u, 90);
    if (button(a, ui_id("mod-rb-prev", 0), (SDL_Rect){x, y, sw, bh}, "<", 1))
        m->rollback = m->rollback > 1 ? m->rollback - 1 : 1;
    snprintf(buf, sizeof buf, "turn %d", (int)m->rollback);
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_BODY, SZ_SMALL, COL_INK, (SDL_Rect){x + sw, y, tw, bh}, buf,
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
    if (button(a, ui_id("mod-rb-next", 0), (SDL_Rect){x + sw + tw, y, sw, bh}, ">", 1))
        m->rollback = m->rollback < turn ? m->rollback + 1 : turn;
    int rx = x + 2 * sw + tw + gap;
    if (x + w - rx < ui_px(u, 110))
        rx = x, y += bh + gap;
    if (button(a, ui_id("mod-rollback", 0), (SDL_Rect){rx, y, x + w - rx, bh}, "Roll back",
               running)) {
        niact_command c = niact_command_make(NIACT_CMD_ROLLBACK, NIACT_MODERATOR);
        c.index = m->rollback;
        command(a, c);
    }
    y += bh + 2 * gap;
    /* A message to every seat: the field grows with what is typed up to four lines (and
     * never past half the column), then scrolls inside itself with its own arrows, kept at
     * its end, where the caret is, while it is typed. */
    y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, COL_INK, (SDL_Rect){x, y, w, 0},
              "A message to every seat", 0);
    uint32_t fid = ui_id("mod-text", 0);
    int focused = ui_is_focused(u, fid), was_focused = focused;
    int lh = ui_line_height(u, FACE_TYPE, SZ_BODY), pad = ui_px(u, 4);
    int most = 4 * lh; /* the field's text box at most: four lines, half the column */
    if (col.scroll && col.view.h / 2 - 2 * pad < most)
        most = col.view.h / 2 - 2 * pad;
    if (most < lh)
        most = lh;
    int ftw, fth;
    char shown[NIACT_TELEGRAM_MAX + 8];
    field_text(a, focused, w - 2 * gap, most, shown, sizeof shown, &ftw, &fth);
    SDL_Rect field = {x, y, w, (fth < most ? fth : most) + 2 * pad};
    if (field.h < bh + ui_px(u, 8))
        field.h = bh + ui_px(u, 8);
    int st = 0, clicked = u->click;
    /* A click on the field's own scroll bar (its right edge, when the text is longer than
     * the field) is the bar's: the field's region, drawn first, must not take it. */
    SDL_Rect bar = {field.x + field.w - gap - ui_px(u, 28), field.y, gap + ui_px(u, 28), field.h};
    int on_bar = fth > most && clicked && u->mx >= bar.x && u->mx < bar.x + bar.w &&
                 u->my >= bar.y && u->my < bar.y + bar.h;
    u->click = on_bar ? 0 : clicked;
    int send = ui_region(u, fid, field, &st) && !clicked; /* Enter in the field sends */
    if (on_bar)
        u->click = clicked;
    if (col.scroll)
        list_follow(a, col.view, field, col.scroll, fid);
    focused = ui_is_focused(u, fid);
    int changed = focused && !was_focused; /* just focused: to its end */
    if (focused && !u->inert) {
        u->typing = 1;
        if (u->text_in[0]) {
            size_t have = strlen(m->text), add = strlen(u->text_in);
            if (have + add <= NIACT_TELEGRAM_MAX) {
                for (size_t i = 0; i < add; i++) /* a control character types a space */
                    m->text[have + i] = (unsigned char)u->text_in[i] < 0x20 ? ' ' : u->text_in[i];
                m->text[have + add] = 0;
            }
            u->text_in[0] = 0;
            changed = 1;
        }
        if (ui_key(u, SDLK_BACKSPACE)) {
            size_t len = strlen(m->text);
            while (len > 0 && ((unsigned char)m->text[len - 1] & 0xC0) == 0x80)
                len--;
            if (len > 0)
                len--;
            m->text[len] = 0;
            changed = 1;
        }
    }
    if (changed)
        m->scroll_text = 1 << 20; /* list_end clamps it: the end stays in view */
    field_text(a, focused, w - 2 * gap, most, shown, sizeof shown, &ftw, &fth);
    int fh = (fth < most ? fth : most) + 2 * pad;
    if (fh > field.h) /* it grew this frame: drawn whole, the next frame lays it out */
        field.h = fh, u->relayout = 1;
    ui_fill(u, field, COL_PAPER_LIGHT);
    ui_frame(u, field, focused ? COL_FOCUS : COL_INK, focused ? ui_px(u, 3) : 1);
    SDL_Color ink = m->text[0] ? COL_INK : COL_INK_FADED;
    SDL_Rect view = {field.x + gap, field.y + pad, field.w - 2 * gap, field.h - 2 * pad};
    if (fth > view.h) { /* longer than the field: its own scrolling list */
        SDL_Rect saved;
        int ty = list_begin(a, view, &m->scroll_text, &saved);
        ui_text(u, FACE_TYPE, SZ_BODY, ink, (SDL_Rect){view.x, ty, ftw, fth}, shown, 0);
        list_end(a, view, &m->scroll_text, fth, saved);
    } else {
        m->scroll_text = 0;
        ui_text(u, FACE_TYPE, SZ_BODY, ink, view, shown, TX_MIDDLE);
    }
    y += field.h + gap;
    if (button(a, ui_id("mod-send", 0), (SDL_Rect){x, y, w, bh}, "Send to every seat",
               running && m->text[0]) ||
        (send && m->text[0] && running)) {
        niact_command c = niact_command_make(NIACT_CMD_MESSAGE, NIACT_MODERATOR);
        snprintf(c.text, sizeof c.text, "%s", m->text);
        command(a, c);
        if (!m->refused)
            m->text[0] = 0;
    }
    y += bh + 2 * gap;
    if (m->msg[0])
        y += wrap(u, 1, FACE_SANS_BOLD, SZ_SMALL, m->refused ? COL_STAMP : COL_INK,
                  (SDL_Rect){x, y, w, 0}, m->msg, 0) + gap;
    return y;
}

void room_clock_text(app *a, char *buf, size_t len) {
    static niact_public pub;
    niact_session_public(a->room->s, now_ms(), niact_game_log_size(niact_session_view(a->room->s)),
                         &pub);
    if (pub.ended)
        snprintf(buf, len, "GAME OVER");
    else if (pub.left_ms >= 0) {
        char c[32];
        clock_text(pub.left_ms, c, sizeof c);
        snprintf(buf, len, "%s%s", c, pub.paused ? " PAUSED" : "");
    } else
        snprintf(buf, len, "%s", pub.paused ? "PAUSED" : "no deadline");
}

enum { COL_SEATS = 1, COL_VIEW = 2, COL_NEWS = 4, COL_CONTROLS = 8 };

/* One column of the moderator's window: its panels in a scrolling list. */
static void column(app *a, SDL_Rect r, int *scroll, int panels) {
    ui *u = &a->ui;
    SDL_Rect saved;
    col.view = r, col.scroll = scroll;
    int y = list_begin(a, r, scroll, &saved), top = y;
    int w = r.w - ui_px(u, 30); /* room for the list's scroll bar */
    if (panels & COL_SEATS)
        y = seats_panel(a, r.x, y, w);
    if (panels & COL_VIEW)
        y = view_panel(a, r.x, y, w);
    if (panels & COL_NEWS)
        y = news_panel(a, r.x, y, w);
    if (panels & COL_CONTROLS)
        y = controls_panel(a, r.x, y, w);
    list_end(a, r, scroll, y - top, saved);
    col.scroll = NULL;
}

void scr_moderator(app *a) {
    ui *u = &a->ui;
    if (!a->room) {
        a->scr = SCR_TITLE;
        return;
    }
    if (busy_screen(a, 0))
        return;
    niact_session *s = a->room->s;
    const niact_scenario *sc = niact_session_scenario(s);
    static niact_public pub;
    niact_session_public(s, now_ms(), niact_game_log_size(niact_session_view(s)), &pub);
    /* The header: the turn, the room's line, the clock and two buttons in one row when
     * the turn fits beside them; else the words over a row of the clock and buttons. */
    int m = ui_px(u, 16), gap = ui_px(u, 8), W = u->w - 2 * m;
    char title[300], sub[300], clk[64];
    if (pub.ended)
        snprintf(title, sizeof title, "%s - over: %s", sc->meta.name, pub.outcome_title);
    else
        snprintf(title, sizeof title, "Turn %d of %d - %s", (int)pub.turn + 1, (int)pub.turns,
                 pub.date);
    snprintf(sub, sizeof sub, "Moderator - %s - UDP port %u - the seats join with their codes",
             sc->meta.name, a->room->port);
    room_clock_text(a, clk, sizeof clk);
    int l1 = ui_line_height(u, FACE_TYPE_BOLD, SZ_H1), bh = ui_px(u, 34);
    int cw = ui_text_width(u, FACE_TYPE_BOLD, SZ_H1, clk) + ui_px(u, 16);
    if (cw > W / 2)
        cw = W / 2;
    int bw = ui_px(u, 190);
    if (2 * bw + gap > W - cw - gap)
        bw = (W - cw - 2 * gap) / 2;
    int lw = W - cw - 2 * bw - 3 * gap;
    int one = lw >= ui_text_width(u, FACE_TYPE_BOLD, SZ_H1, title);
    int tw = one ? lw : W;
    int th = wrap_h(u, FACE_TYPE_BOLD, SZ_H1, tw, title);
    int sh = wrap_h(u, FACE_SANS, SZ_SMALL, tw, sub);
    int words = gap + th + ui_px(u, 4) + sh + gap, row = l1 > bh ? l1 : bh;
    int top = one ? (words > ui_px(u, 78) ? words : ui_px(u, 78)) : words + row + gap;
    ui_paper(u, (SDL_Rect){0, 0, u->w, top});
    ui_hline(u, 0, u->w, top, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
    wrap(u, 1, FACE_TYPE_BOLD, SZ_H1, COL_INK, (SDL_Rect){m, gap, tw, 0}, title, 0);
    wrap(u, 1, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){m, gap + th + ui_px(u, 4), tw, 0},
         sub, 0);
    int ry = one ? (top - row) / 2 : words, cx = one ? m + lw + gap : m;
    ui_text_fit(u, FACE_TYPE_BOLD, SZ_H1, SZ_SMALL, pub.paused || pub.ended ? COL_STAMP : COL_INK,
                (SDL_Rect){cx, ry, cw, row}, clk, TX_CENTER | TX_MIDDLE | TX_ONELINE);
    int bx = u->w - m - bw, by = ry + (row - bh) / 2;
    if (ui_button(u, ui_id("mod-pause", 0), (SDL_Rect){bx - bw - gap, by, bw, bh},
                  pub.paused ? "Resume" : "Pause", !pub.ended)) {
        niact_command c = niact_command_make(pub.paused ? NIACT_CMD_RESUME : NIACT_CMD_PAUSE,
                                             NIACT_MODERATOR);
        command(a, c);
    }
    if (ui_button(u, ui_id("mod-projector", 0), (SDL_Rect){bx, by, bw, bh},
                  nego_fit_label(u, bw, "Projector (F5)", "Projector"), 1) ||
        ui_key(u, SDLK_F5)) {
        a->scr = SCR_PROJECTOR;
        u->focus = 0;
        return;
    }
    /* The body: three columns (seats and news, the view, the room's commands) on a wide
     * window, two (seats, the view and news; the commands) on a narrow one; each scrolls. */
    int y = top + m, h = u->h - y - m;
    if (h < ui_px(u, 40))
        return;
    if (u->w >= ui_px(u, 1000)) {
        int w1 = (u->w - 4 * m) * 3 / 10;
        if (w1 > ui_px(u, 400))
            w1 = ui_px(u, 400);
        int w2 = u->w - 4 * m - 2 * w1;
        column(a, (SDL_Rect){m, y, w1, h}, &a->mod.scroll_news, COL_SEATS | COL_NEWS);
        column(a, (SDL_Rect){2 * m + w1, y, w2, h}, &a->mod.scroll_view, COL_VIEW);
        column(a, (SDL_Rect){3 * m + w1 + w2, y, w1, h}, &a->mod.scroll_controls, COL_CONTROLS);
    } else {
        int w1 = (u->w - 3 * m) / 2;
        column(a, (SDL_Rect){m, y, w1, h}, &a->mod.scroll_view, COL_SEATS | COL_VIEW | COL_NEWS);
        column(a, (SDL_Rect){2 * m + w1, y, u->w - 3 * m - w1, h}, &a->mod.scroll_controls,
               COL_CONTROLS);
    }
}
