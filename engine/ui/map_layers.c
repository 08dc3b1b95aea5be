/* What the seat knows, drawn over the scenario's map. Each layer the scenario declared
 * (niact/map.h) binds one track to a symbol at positions or along routes; it is drawn
 * as this seat knows the track: present (its value or estimate reaches the layer's
 * at_least), absent, or unknown (not in its view). Every layer is also written out in
 * the map key, so nothing is shown by colour or shape alone. The engine knows no track,
 * place or route by name: all of it is the declaration's. */
#include "map.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct known {
    niact_track_view v;
    int state;        /* 1 present, 0 absent, -1 unknown */
    char text[96];
} known;

static void know(const ui_play *p, const niact_map_layer *l, known *k) {
    memset(k, 0, sizeof *k);
    k->state = -1;
    if (p->role < 0 || !p->g || l->track < 0 || l->track >= p->sc->n_tracks)
        return;
    niact_game_view_track(p->g, p->role, l->track, &k->v);
    play_track_text(p, p->role, l->track, k->text, sizeof k->text);
    if (k->v.vis != NIACT_VIS_NONE)
        k->state = k->v.value >= l->at_least;
}

static void triangle(ui *u, float x, float y, float s, SDL_Color c, int filled) {
    if (filled) {
        SDL_Vertex v[3] = {{{x, y - s}, c, {0, 0}}, {{x - s, y + s * 0.8f}, c, {0, 0}},
                           {{x + s, y + s * 0.8f}, c, {0, 0}}};
        ui_geometry(u, v, 3, NULL, 0);
    }
    float w = fmaxf(1.5f, s * 0.3f);
    ui_line(u, x, y - s, x - s, y + s * 0.8f, c, w);
    ui_line(u, x - s, y + s * 0.8f, x + s, y + s * 0.8f, c, w);
    ui_line(u, x + s, y + s * 0.8f, x, y - s, c, w);
}

static void circle(ui *u, float x, float y, float r, SDL_Color c, float w, int dashed) {
    for (int i = 0; i < 24; i++) {
        if (dashed && i % 2)
            continue;
        float a0 = (float)i * 6.2831853f / 24, a1 = (float)(i + 1) * 6.2831853f / 24;
        ui_line(u, x + r * cosf(a0), y + r * sinf(a0), x + r * cosf(a1), y + r * sinf(a1), c,
                w);
    }
}

static void dashed(ui *u, float x0, float y0, float x1, float y1, SDL_Color c, float w, float d) {
    float len = sqrtf((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
    for (float s = 0; s < len; s += 2 * d) {
        float e = fminf(s + d, len);
        ui_line(u, x0 + (x1 - x0) * s / len, y0 + (y1 - y0) * s / len, x0 + (x1 - x0) * e / len,
                y0 + (y1 - y0) * e / len, c, w);
    }
}

static void ship(ui *u, float x, float y, float s, SDL_Color c) {
    ui_fill(u, (SDL_Rect){(int)(x - s), (int)(y - s * 0.35f), (int)(1.6f * s), (int)(0.7f * s)},
            c);
    SDL_Vertex v[3] = {{{x + 0.6f * s, y - s * 0.35f}, c, {0, 0}},
                       {{x + 1.2f * s, y}, c, {0, 0}},
                       {{x + 0.6f * s, y + s * 0.35f}, c, {0, 0}}};
    ui_geometry(u, v, 3, NULL, 0);
}

static void plane(ui *u, float x, float y, float s, SDL_Color c) {
    float w = fmaxf(2.0f, s * 0.35f);
    ui_line(u, x, y - s, x, y + s, c, w);
    ui_line(u, x - s, y - s * 0.1f, x + s, y - s * 0.1f, c, w);
    ui_line(u, x - s * 0.5f, y + s * 0.8f, x + s * 0.5f, y + s * 0.8f, c, w);
}

static void square(ui *u, float x, float y, float s, SDL_Color c, int filled) {
    SDL_Rect r = {(int)(x - s * 0.8f), (int)(y - s * 0.8f), (int)(1.6f * s), (int)(1.6f * s)};
    if (filled)
        ui_fill(u, r, c);
    ui_frame(u, r, c, (int)fmaxf(1.5f, s * 0.3f));
}

static void diamond(ui *u, float x, float y, float s, SDL_Color c, int filled) {
    if (filled) {
        SDL_Vertex v[6] = {{{x, y - s}, c, {0, 0}}, {{x + s, y}, c, {0, 0}}, {{x, y + s}, c, {0, 0}},
                           {{x, y - s}, c, {0, 0}}, {{x - s, y}, c, {0, 0}}, {{x, y + s}, c, {0, 0}}};
        ui_geometry(u, v, 6, NULL, 0);
    }
    float w = fmaxf(1.5f, s * 0.3f);
    ui_line(u, x, y - s, x + s, y, c, w);
    ui_line(u, x + s, y, x, y + s, c, w);
    ui_line(u, x, y + s, x - s, y, c, w);
    ui_line(u, x - s, y, x, y - s, c, w);
}

/* A point symbol at x,y of size s in a state (on the map; in the key, r is the ring's
 * radius: the symbol's size). */
static void point_symbol(ui *u, int sym, float x, float y, float s, float r, int state) {
    SDL_Color ink = state < 0 ? COL_INK_FADED : COL_INK;
    SDL_Color hot = state > 0 ? COL_STAMP : ink;
    switch (sym) {
    case NIACT_SYM_TRIANGLE: triangle(u, x, y, s, hot, state > 0); break;
    case NIACT_SYM_AIRCRAFT: plane(u, x, y, s, hot); break;
    case NIACT_SYM_RING: circle(u, x, y, r, ink, r > s ? 1.5f : fmaxf(1.5f, s * 0.25f), state <= 0); break;
    case NIACT_SYM_BOAT: ship(u, x - s * 0.3f, y, s, state > 0 ? COL_INK : state == 0 ? COL_RULE : COL_INK_FADED); break;
    case NIACT_SYM_SQUARE: square(u, x, y, s, hot, state > 0); break;
    default: diamond(u, x, y, s, hot, state > 0); break;
    }
}

/* A path symbol's look: colour, width and dash, or 0 when it is not drawn. */
static int path_style(const ui *u, int sym, int state, int dotted, SDL_Color *c, float *w,
                      float *d) {
    if (state < 0)
        return 0;
    if (sym == NIACT_SYM_LINE) {
        *c = state ? COL_FOCUS : COL_INK_FADED;
        *w = state ? 4.0f : 1.5f;
        *d = (float)ui_px(u, 8);
    } else {
        *c = state ? COL_INK : COL_INK_FADED;
        *w = state ? 2.5f : 1.2f;
        *d = (float)ui_px(u, 5);
    }
    if (dotted)
        *d *= 0.6f;
    return 1;
}

static void draw_route(app *a, const map_view *v, const niact_map_route *rt, SDL_Color c, float w,
                       float d) {
    float x0, y0, x1, y1;
    for (int i = 1; i < rt->n; i++) {
        map_project(v, rt->pts[i - 1].lon, rt->pts[i - 1].lat, &x0, &y0);
        map_project(v, rt->pts[i].lon, rt->pts[i].lat, &x1, &y1);
        dashed(&a->ui, x0, y0, x1, y1, c, w, d);
    }
}

/* Rectangles labels keep off: the key, the places' dots, the point symbols drawn. */
#define MAP_TAKEN 160
typedef struct taken_set {
    SDL_Rect r[MAP_TAKEN];
    int n;
} taken_set;

static void take(taken_set *t, SDL_Rect r) {
    if (t && t->n < MAP_TAKEN)
        t->r[t->n++] = r;
}

static void draw_layer(app *a, const niact_map *m, const map_view *v, const niact_map_layer *l,
                       const known *k, taken_set *taken) {
    ui *u = &a->ui;
    if (niact_map_symbol_is_path(l->symbol)) {
        SDL_Color c;
        float w, d;
        for (int i = 0; i < l->n_routes; i++) {
            const niact_map_route *rt = &m->routes[l->routes[i]];
            if (path_style(u, l->symbol, k->state, rt->dotted, &c, &w, &d))
                draw_route(a, v, rt, c, w, d);
        }
        return;
    }
    float s = (float)ui_px(u, 7);
    for (int i = 0; i < l->n_at; i++) {
        /* With steps, a position shows once the seat knows the value reached it. */
        if (l->steps && (k->state < 0 || k->v.value < l->steps[i]))
            continue;
        float x, y, r = s;
        map_project(v, l->at[i].lon, l->at[i].lat, &x, &y);
        if (l->symbol == NIACT_SYM_RING)
            r = map_km_px(v, l->at[i].lat, l->radius_km);
        if (l->symbol == NIACT_SYM_BOAT)
            y -= (float)ui_px(u, 6); /* the hull sits on the water, above its point */
        point_symbol(u, l->symbol, x, y, s, r, k->state);
        if (l->symbol != NIACT_SYM_RING) /* a ring is wide and open: a label may sit in it */
            take(taken, (SDL_Rect){(int)(x - 1.3f * s), (int)(y - 1.3f * s), (int)(2.6f * s),
                                   (int)(2.6f * s)});
    }
}

/* A label beside a place, at the first of eight positions around its dot (right, left,
 * above, below, then the corners) that stays in the map and clear of the key, the dots,
 * the symbols and the labels placed before it; left out if none is (greedy placement). */
static void place_label(ui *u, float x, float y, int s, const char *name, taken_set *taken) {
    int tw = ui_text_width(u, FACE_SANS, SZ_SMALL, name) + 2;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL), g = s;
    int ix = (int)x, iy = (int)y;
    SDL_Rect tries[8] = {{ix + g, iy - lh / 2, tw, lh},        {ix - g - tw, iy - lh / 2, tw, lh},
                         {ix - tw / 2, iy - g - lh, tw, lh},   {ix - tw / 2, iy + g, tw, lh},
                         {ix + g, iy - g - lh + lh / 3, tw, lh}, {ix + g, iy + g - lh / 3, tw, lh},
                         {ix - g - tw, iy - g - lh + lh / 3, tw, lh},
                         {ix - g - tw, iy + g - lh / 3, tw, lh}};
    for (int k = 0; k < 8; k++) {
        int clash = u->clip.w > 0 && !(tries[k].x >= u->clip.x && tries[k].y >= u->clip.y &&
                                       tries[k].x + tw <= u->clip.x + u->clip.w &&
                                       tries[k].y + lh <= u->clip.y + u->clip.h);
        for (int i = 0; i < taken->n && !clash; i++)
            clash = SDL_HasIntersection(&tries[k], &taken->r[i]);
        if (clash)
            continue;
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, tries[k], name, TX_ONELINE);
        take(taken, tries[k]);
        return;
    }
}

static void draw_places(app *a, const niact_map *m, const map_view *v, taken_set *taken) {
    ui *u = &a->ui;
    int s = ui_px(u, 4) < 2 ? 2 : ui_px(u, 4);
    for (int i = 0; i < m->n_places; i++) {
        const niact_map_place *p = &m->places[i];
        if (!p->shown)
            continue;
        float x, y;
        map_project(v, p->lon, p->lat, &x, &y);
        SDL_Rect dot = {(int)x - s / 2, (int)y - s / 2, s, s};
        ui_fill(u, dot, COL_INK);
        if (p->capital)
            ui_frame(u, (SDL_Rect){dot.x - s / 2, dot.y - s / 2, 2 * s, 2 * s}, COL_INK, 1);
        take(taken, (SDL_Rect){dot.x - s / 2, dot.y - s / 2, 2 * s, 2 * s});
    }
}

/* The labels, after every symbol is down (so they know where the symbols are). */
static void draw_labels(app *a, const niact_map *m, const map_view *v, taken_set *taken) {
    ui *u = &a->ui;
    int s = ui_px(u, 4) < 2 ? 2 : ui_px(u, 4);
    for (int i = 0; i < m->n_places; i++) {
        const niact_map_place *p = &m->places[i];
        if (!p->shown)
            continue;
        float x, y;
        map_project(v, p->lon, p->lat, &x, &y);
        place_label(u, x, y, s, p->label, taken);
    }
}

/* The symbol of a layer in the key, at x,y. */
static void key_symbol(ui *u, const niact_map_layer *l, float x, float y, float s, int state) {
    SDL_Color ink = state < 0 ? COL_INK_FADED : COL_INK;
    if (l->symbol == NIACT_SYM_LINE)
        dashed(u, x - s, y, x + s, y, state < 0 ? COL_INK_FADED : COL_FOCUS, fmaxf(2, s * 0.35f),
               s * 0.4f);
    else if (l->symbol == NIACT_SYM_ROUTE)
        dashed(u, x - s, y + s * 0.5f, x + s, y - s * 0.5f, ink, fmaxf(1.5f, s * 0.2f), s * 0.3f);
    else
        point_symbol(u, l->symbol, x, y, s, s, l->symbol == NIACT_SYM_BOAT && state >= 0 ? 1 : state);
}

/* The map key's box: top right, as wide as its longest line up to 60 % of the map (the
 * whole map when that is too narrow), its lines wrapped, at most the map's height (it
 * scrolls then); folded (K), a small tab. */
static SDL_Rect key_box(app *a, const niact_map *m, SDL_Rect r, const known *k, int *content_h) {
    ui *u = &a->ui;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL), pad = ui_px(u, 6), n = m->n_layers;
    *content_h = 0;
    if (a->map_key_hidden) {
        int tw = ui_text_width(u, FACE_SANS_BOLD, SZ_SMALL, "Map key (K)") + 2 * pad;
        return (SDL_Rect){r.x + r.w - pad - tw, r.y + pad, tw, lh + pad};
    }
    int kw = 0, extra = 3 * pad + lh + 2 + ui_px(u, 30);
    for (int l = 0; l < n; l++) {
        char line[200];
        snprintf(line, sizeof line, "%s: %s", m->layers[l].label, k[l].text);
        int w = ui_text_width(u, FACE_SANS, SZ_SMALL, line);
        kw = w > kw ? w : kw;
    }
    kw += extra;
    for (int pass = 0; pass < 2; pass++) {
        int cap = pass == 0 ? r.w * 60 / 100 : r.w - 2 * pad;
        int w = kw > cap ? cap : kw, h = 0;
        for (int l = 0; l < n; l++) {
            char line[200];
            snprintf(line, sizeof line, "%s: %s", m->layers[l].label, k[l].text);
            int th = ui_text_height(u, FACE_SANS, SZ_SMALL, w - extra, line);
            h += th > lh ? th : lh;
        }
        *content_h = h;
        if (pass == 1 || h + 2 * pad <= r.h - 2 * pad) {
            int bh = h + 2 * pad > r.h - 2 * pad ? r.h - 2 * pad : h + 2 * pad;
            return (SDL_Rect){r.x + r.w - pad - w, r.y + pad, w, bh};
        }
    }
    return (SDL_Rect){0, 0, 0, 0};
}

/* The map key: each layer with what the seat knows, in words. */
static void draw_key(app *a, const niact_map *m, SDL_Rect box, int content_h, const known *k) {
    ui *u = &a->ui;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL), pad = ui_px(u, 6), n = m->n_layers;
    int st = 0, over = !u->inert && u->mx >= box.x && u->my >= box.y && u->mx < box.x + box.w &&
                       u->my < box.y + box.h;
    uint32_t id = ui_id("mapkey", 0);
    ui_fill(u, box, over ? COL_HOVER : COL_KEY_BG);
    ui_frame(u, box, over ? COL_INK : COL_RULE, 1);
    if (a->map_key_hidden) {
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, box, "Map key (K)",
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
        if (ui_region(u, id, box, &st))
            a->map_key_hidden = 0;
        if ((st & 2) && u->focus_visible)
            ui_focus_ring(u, box);
        return;
    }
    SDL_Rect view = {box.x, box.y + pad, box.w, box.h - 2 * pad}, saved;
    int scrolls = content_h > view.h, extra = 3 * pad + lh + 2 + (scrolls ? ui_px(u, 30) : 0);
    int y = list_begin(a, view, &a->scroll_key, &saved), y0 = y;
    for (int l = 0; l < n; l++) {
        key_symbol(u, &m->layers[l], (float)(box.x + pad + lh / 2), (float)(y + lh / 2),
                   lh * 0.35f, k[l].state);
        char line[200];
        snprintf(line, sizeof line, "%s: %s", m->layers[l].label, k[l].text);
        int th = ui_text_height(u, FACE_SANS, SZ_SMALL, box.w - extra, line);
        SDL_Rect t = {box.x + 2 * pad + lh, y, box.w - extra, th > lh ? th : lh};
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, t, line, 0);
        y += t.h;
    }
    list_end(a, view, &a->scroll_key, y - y0, saved);
    /* The key's own region after its scroll buttons, so a click on them scrolls and a
     * click anywhere else on the key folds it. */
    if (ui_region(u, id, box, &st))
        a->map_key_hidden = 1;
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, box);
}

void map_draw(app *a, ui_map *um, SDL_Rect r) {
    ui *u = &a->ui;
    if (!um || !um->decl)
        return;
    const niact_map *m = um->decl;
    SDL_Rect saved;
    ui_push_clip(u, r, &saved);
    map_draw_plain(u, um, r);
    map_view v = map_view_for(um, r);
    known k[NIACT_MAP_MAX_LAYERS];
    for (int l = 0; l < m->n_layers; l++)
        know(&a->play, &m->layers[l], &k[l]);
    /* Shown routes; path layers; rings; places; the other point symbols. */
    for (int i = 0; i < m->n_routes; i++)
        if (m->routes[i].shown)
            draw_route(a, &v, &m->routes[i], COL_RULE, 1.5f,
                       (float)ui_px(u, m->routes[i].dotted ? 2.4f : 4));
    /* The key's place first: no label goes under it. */
    taken_set taken = {.n = 0};
    int key_h = 0;
    SDL_Rect key = m->n_layers ? key_box(a, m, r, k, &key_h) : (SDL_Rect){0, 0, 0, 0};
    if (key.w > 0)
        take(&taken, key);
    for (int pass = 0; pass < 3; pass++) {
        if (pass == 2)
            draw_places(a, m, &v, &taken);
        for (int l = 0; l < m->n_layers; l++) {
            int sym = m->layers[l].symbol;
            int group = niact_map_symbol_is_path(sym) ? 0 : sym == NIACT_SYM_RING ? 1 : 2;
            if (group == pass)
                draw_layer(a, m, &v, &m->layers[l], &k[l], &taken);
        }
    }
    draw_labels(a, m, &v, &taken);
    if (key.w > 0)
        draw_key(a, m, key, key_h, k);
    ui_pop_clip(u, saved);
    ui_frame(u, r, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
}
