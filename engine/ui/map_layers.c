/* What the seat knows, drawn over the map. The engine knows no scenario's tracks by
 * name, so map layers bind to tracks by words in their ids ("missile", "il28", "sam",
 * "quarantine", "ship", "recon"): a scenario that names its tracks that way gets them
 * on the map, as this seat sees them (true value, estimate, or unknown). Every layer is
 * also written out in the map key, so nothing is shown by colour or shape alone. */
#include "map.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { L_MISSILE, L_BOMBER, L_SAM, L_QUARANTINE, L_SHIPS, L_RECON, L_COUNT };

typedef struct layer_def {
    const char *title;
    const char *keys[3];
} layer_def;

static const layer_def layers[L_COUNT] = {
    {"Missile sites", {"missile", "mrbm", NULL}},
    {"IL-28 airfields", {"il28", "bomber", NULL}},
    {"SAM sites", {"sam", NULL, NULL}},
    {"Quarantine line", {"quarantine", "blockade", NULL}},
    {"Ships at sea", {"ship", "at_sea", "counted"}},
    {"Reconnaissance", {"recon", "overflight", NULL}},
};

/* Schematic SAM positions (near the places named; not surveyed sites). */
static const char *const sam_places[] = {"havana", "san_cristobal", "sagua_la_grande",
                                         "remedios", "holguin", "santiago"};
/* The outbound sea lane from Mariel through the Florida Straits (lon, lat). */
static const double lane[][2] = {{-82.75, 23.1}, {-81.0, 23.55}, {-79.6, 24.0},
                                 {-78.2, 25.2}, {-76.6, 26.8}, {-74.0, 28.4}};

typedef struct known {
    int track;             /* -1: the scenario has no such track */
    niact_track_view v;
    char text[96];
} known;

static int find_track(const niact_scenario *sc, const layer_def *l) {
    for (int t = 0; t < sc->n_tracks; t++) {
        if (sc->tracks[t].hidden)
            continue;
        for (int k = 0; k < 3 && l->keys[k]; k++)
            if (strstr(sc->tracks[t].meta.id, l->keys[k]))
                return t;
    }
    return -1;
}

static void know(const ui_play *p, int role, int layer, known *k) {
    memset(k, 0, sizeof *k);
    k->track = p->sc ? find_track(p->sc, &layers[layer]) : -1;
    if (k->track < 0 || role < 0)
        return;
    niact_game_view_track(p->g, role, k->track, &k->v);
    play_track_text(p, role, k->track, k->text, sizeof k->text);
}

/* Present, as far as the seat can tell: 1 yes, 0 no, -1 unknown. */
static int present(const ui_play *p, const known *k) {
    if (k->track < 0 || k->v.vis == NIACT_VIS_NONE)
        return -1;
    return k->v.value > p->sc->tracks[k->track].min;
}

static void triangle(ui *u, float x, float y, float s, SDL_Color c, int filled) {
    if (filled) {
        SDL_Vertex v[3] = {{{x, y - s}, c, {0, 0}}, {{x - s, y + s * 0.8f}, c, {0, 0}},
                           {{x + s, y + s * 0.8f}, c, {0, 0}}};
        SDL_RenderGeometry(u->ren, NULL, v, 3, NULL, 0);
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
    SDL_RenderGeometry(u->ren, NULL, v, 3, NULL, 0);
}

static void plane(ui *u, float x, float y, float s, SDL_Color c) {
    float w = fmaxf(2.0f, s * 0.35f);
    ui_line(u, x, y - s, x, y + s, c, w);
    ui_line(u, x - s, y - s * 0.1f, x + s, y - s * 0.1f, c, w);
    ui_line(u, x - s * 0.5f, y + s * 0.8f, x + s * 0.5f, y + s * 0.8f, c, w);
}

/* The symbol of a layer, at x,y (used on the map and in the key). */
static void symbol(ui *u, int layer, float x, float y, float s, int state) {
    SDL_Color ink = state < 0 ? COL_INK_FADED : COL_INK;
    switch (layer) {
    case L_MISSILE: triangle(u, x, y, s, state > 0 ? COL_STAMP : ink, state > 0); break;
    case L_BOMBER: plane(u, x, y, s, state > 0 ? COL_STAMP : ink); break;
    case L_SAM: circle(u, x, y, s, ink, fmaxf(1.5f, s * 0.25f), state <= 0); break;
    case L_QUARANTINE: dashed(u, x - s, y, x + s, y, COL_FOCUS, fmaxf(2, s * 0.35f), s * 0.4f); break;
    case L_SHIPS: ship(u, x - s * 0.3f, y, s, ink); break;
    default: dashed(u, x - s, y + s * 0.5f, x + s, y - s * 0.5f, ink, fmaxf(1.5f, s * 0.2f), s * 0.3f);
    }
}

static void place_sites(app *a, ui_map *m, const map_view *v, const char *kind, int layer,
                        int state) {
    float s = (float)ui_px(&a->ui, 7);
    for (int i = 0; i < m->n_places; i++) {
        if (strcmp(m->places[i].kind, kind) != 0)
            continue;
        float x, y;
        map_project(v, m->places[i].lon, m->places[i].lat, &x, &y);
        symbol(&a->ui, layer, x, y, s, state);
    }
}

static void draw_sams(app *a, ui_map *m, const map_view *v, int state) {
    float r = (float)(v->k * 0.4); /* about 25 nautical miles */
    for (size_t i = 0; i < sizeof sam_places / sizeof *sam_places; i++) {
        const map_place *p = map_place_by_id(m, sam_places[i]);
        float x, y;
        if (!p)
            continue;
        map_project(v, p->lon + 0.25, p->lat - 0.2, &x, &y);
        circle(&a->ui, x, y, r, state < 0 ? COL_INK_FADED : COL_INK, 1.5f, state <= 0);
    }
}

static void draw_lane(app *a, const map_view *v, int ships, int quarantine) {
    ui *u = &a->ui;
    float x0, y0, x1, y1;
    for (size_t i = 1; i < sizeof lane / sizeof *lane; i++) {
        map_project(v, lane[i - 1][0], lane[i - 1][1], &x0, &y0);
        map_project(v, lane[i][0], lane[i][1], &x1, &y1);
        dashed(u, x0, y0, x1, y1, COL_RULE, 1.5f, (float)ui_px(u, 4));
    }
    for (int i = 0; i < ships && i < 3; i++) { /* up to three hulls along the lane */
        map_project(v, lane[2 + i][0], lane[2 + i][1], &x0, &y0);
        ship(u, x0, y0 - ui_px(u, 6), (float)ui_px(u, 7), COL_INK);
    }
    if (quarantine >= 0) { /* a picket line across the approaches */
        map_project(v, -78.6, 27.4, &x0, &y0);
        map_project(v, -73.0, 22.2, &x1, &y1);
        dashed(u, x0, y0, x1, y1, quarantine ? COL_FOCUS : COL_INK_FADED,
               quarantine ? 4.0f : 1.5f, (float)ui_px(u, 8));
    }
}

static void draw_recon(app *a, ui_map *m, const map_view *v, int state) {
    const map_place *from = map_place_by_id(m, "mccoy"), *kw = map_place_by_id(m, "key_west");
    if (!from || !kw || state < 0)
        return;
    SDL_Color c = state > 0 ? COL_INK : COL_INK_FADED;
    float w = state > 0 ? 2.5f : 1.2f, d = (float)ui_px(&a->ui, 5);
    double route[][2] = {{from->lon, from->lat}, {-83.4, 22.6}, {-79.5, 22.2}, {-76.0, 20.4},
                         {-74.8, 21.6}, {from->lon, from->lat}};
    float x0, y0, x1, y1;
    for (int i = 1; i < 6; i++) {
        map_project(v, route[i - 1][0], route[i - 1][1], &x0, &y0);
        map_project(v, route[i][0], route[i][1], &x1, &y1);
        dashed(&a->ui, x0, y0, x1, y1, c, w, d);
    }
    map_project(v, kw->lon, kw->lat, &x0, &y0); /* low-level run from Key West */
    map_project(v, -83.0, 22.75, &x1, &y1);
    dashed(&a->ui, x0, y0, x1, y1, c, w, d * 0.6f);
}

/* A label beside a place: right, left, then below; left out if all would overlap. */
static void place_label(ui *u, float x, float y, int s, const char *name, SDL_Rect *taken,
                        int *n_taken) {
    int tw = ui_text_width(u, FACE_SANS, SZ_SMALL, name) + 2;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL);
    SDL_Rect tries[3] = {{(int)x + s, (int)y - lh / 2, tw, lh},
                         {(int)x - s - tw, (int)y - lh / 2, tw, lh},
                         {(int)x - tw / 2, (int)y + s, tw, lh}};
    for (int k = 0; k < 3; k++) {
        int clash = u->clip.w > 0 && !(tries[k].x >= u->clip.x && tries[k].y >= u->clip.y &&
                                       tries[k].x + tw <= u->clip.x + u->clip.w &&
                                       tries[k].y + lh <= u->clip.y + u->clip.h);
        for (int i = 0; i < *n_taken && !clash; i++)
            clash = SDL_HasIntersection(&tries[k], &taken[i]);
        if (clash)
            continue;
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, tries[k], name, TX_ONELINE);
        taken[(*n_taken)++] = tries[k];
        return;
    }
}

static void draw_places(app *a, ui_map *m, const map_view *v) {
    ui *u = &a->ui;
    int s = ui_px(u, 4) < 2 ? 2 : ui_px(u, 4), n_taken = 0;
    SDL_Rect taken[MAP_MAX_PLACES];
    for (int i = 0; i < m->n_places; i++) {
        const map_place *p = &m->places[i];
        float x, y;
        map_project(v, p->lon, p->lat, &x, &y);
        int show = !strcmp(p->kind, "capital") || !strcmp(p->kind, "city") ||
                   !strcmp(p->kind, "us_base");
        if (!show)
            continue;
        SDL_Rect dot = {(int)x - s / 2, (int)y - s / 2, s, s};
        ui_fill(u, dot, COL_INK);
        if (!strcmp(p->kind, "capital"))
            ui_frame(u, (SDL_Rect){dot.x - s / 2, dot.y - s / 2, 2 * s, 2 * s}, COL_INK, 1);
        char name[96];
        snprintf(name, sizeof name, "%s", p->name);
        char *cut = strstr(name, " (");
        if (cut)
            *cut = 0;
        if ((cut = strstr(name, " Naval Base")) != NULL)
            *cut = 0;
        place_label(u, x, y, s, name, taken, &n_taken);
    }
}

/* A key line: the layer and what the seat knows of its track. Ships stand for a count
 * that may be of something else (missiles counted at sea): the track's name says so. */
static void key_line(const app *a, int layer, const known *k, char *buf, size_t len) {
    const char *name = layer == L_SHIPS && k->track >= 0 ? a->play.sc->tracks[k->track].meta.name
                                                         : layers[layer].title;
    snprintf(buf, len, "%s: %s", name, k->text);
}

/* The map key: one line per layer the scenario has, with what the seat knows. */
static void draw_key(app *a, SDL_Rect r, const known *k) {
    ui *u = &a->ui;
    int lh = ui_line_height(u, FACE_SANS, SZ_SMALL), pad = ui_px(u, 6), n = 0;
    for (int l = 0; l < L_COUNT; l++)
        n += k[l].track >= 0;
    if (n == 0)
        return;
    int kw = 0;
    for (int l = 0; l < L_COUNT; l++) {
        char line[160];
        key_line(a, l, &k[l], line, sizeof line);
        int w = k[l].track >= 0 ? ui_text_width(u, FACE_SANS, SZ_SMALL, line) : 0;
        kw = w > kw ? w : kw;
    }
    kw += 3 * pad + lh + 2;
    if (kw > r.w - 2 * pad)
        kw = r.w - 2 * pad;
    /* Top right: the open Atlantic north of the Bahamas. Clicking it (or K) folds it
     * away to a small tab, and back. */
    SDL_Rect box = {r.x + r.w - pad - kw, r.y + pad, kw, n * lh + 2 * pad};
    if (a->map_key_hidden) {
        int tw = ui_text_width(u, FACE_SANS_BOLD, SZ_SMALL, "Map key (K)") + 2 * pad;
        box = (SDL_Rect){r.x + r.w - pad - tw, r.y + pad, tw, lh + pad};
    }
    int st = 0;
    if (ui_region(u, ui_id("mapkey", 0), box, &st))
        a->map_key_hidden = !a->map_key_hidden;
    ui_fill(u, box, (st & 1) ? COL_HOVER : (SDL_Color){248, 243, 228, 230});
    ui_frame(u, box, (st & 1) ? COL_INK : COL_RULE, 1);
    if ((st & 2) && u->focus_visible)
        ui_focus_ring(u, box);
    if (a->map_key_hidden) {
        ui_text(u, FACE_SANS_BOLD, SZ_SMALL, COL_INK, box, "Map key (K)",
                TX_CENTER | TX_MIDDLE | TX_ONELINE);
        return;
    }
    int y = box.y + pad;
    for (int l = 0; l < L_COUNT; l++) {
        if (k[l].track < 0)
            continue;
        int known_state = present(&a->play, &k[l]);
        symbol(u, l, (float)(box.x + pad + lh / 2), (float)(y + lh / 2), lh * 0.35f, known_state);
        char line[160];
        key_line(a, l, &k[l], line, sizeof line);
        SDL_Rect t = {box.x + 2 * pad + lh, y, box.w - 3 * pad - lh, lh};
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, t, line, TX_ONELINE);
        y += lh;
    }
}

void map_draw(app *a, ui_map *m, SDL_Rect r) {
    ui *u = &a->ui;
    if (!m) {
        ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED, r, "(the map could not be loaded)",
                TX_CENTER | TX_MIDDLE);
        return;
    }
    SDL_Rect saved;
    ui_push_clip(u, r, &saved);
    map_draw_plain(u, m, r);
    map_view v = map_view_for(r);
    known k[L_COUNT];
    for (int l = 0; l < L_COUNT; l++)
        know(&a->play, a->play.role, l, &k[l]);
    int ships = present(&a->play, &k[L_SHIPS]) > 0 ? 1 + (k[L_SHIPS].v.value > 10) + (k[L_SHIPS].v.value > 20) : 0;
    draw_lane(a, &v, ships, k[L_QUARANTINE].track >= 0 ? present(&a->play, &k[L_QUARANTINE]) : -1);
    draw_recon(a, m, &v, present(&a->play, &k[L_RECON]));
    if (k[L_SAM].track >= 0)
        draw_sams(a, m, &v, present(&a->play, &k[L_SAM]));
    draw_places(a, m, &v);
    if (k[L_MISSILE].track >= 0)
        place_sites(a, m, &v, "missile_site", L_MISSILE, present(&a->play, &k[L_MISSILE]));
    if (k[L_BOMBER].track >= 0)
        place_sites(a, m, &v, "airfield", L_BOMBER, present(&a->play, &k[L_BOMBER]));
    draw_key(a, r, k);
    ui_pop_clip(u, saved);
    ui_frame(u, r, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
}
