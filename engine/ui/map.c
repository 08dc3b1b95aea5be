/* The map of the Caribbean: Natural Earth coastlines (assets/map/caribbean.geojson) in
 * a Mercator projection, rendered once per size into a texture, with places
 * (assets/map/places.json) and what the seat knows drawn on top (map_layers.c). */
#include "map.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The part of the world the map shows (degrees). */
#define PI 3.14159265358979323846
#define VIEW_W (-87.6)
#define VIEW_E (-72.6)
#define VIEW_S (18.6)
#define VIEW_N (31.0)

static double merc(double lat) {
    return log(tan(PI / 4 + lat * PI / 360.0));
}

void map_project(const map_view *v, double lon, double lat, float *x, float *y) {
    *x = (float)(v->ox + (lon - v->lon0) * v->k);
    *y = (float)(v->oy + (v->y0 - merc(lat)) * v->k * 180.0 / PI);
}

static map_view make_view(SDL_Rect r) {
    map_view v;
    double dx = VIEW_E - VIEW_W, dy = (merc(VIEW_N) - merc(VIEW_S)) * 180.0 / PI;
    v.k = fmin(r.w / dx, r.h / dy);
    v.lon0 = VIEW_W;
    v.y0 = merc(VIEW_N);
    v.ox = r.x + (r.w - dx * v.k) / 2;
    v.oy = r.y + (r.h - dy * v.k) / 2;
    return v;
}

map_view map_view_for(SDL_Rect r) {
    return make_view(r);
}

/* ---- loading ---- */

static int add_ring(ui_map *m, json_t *ring, int feature) {
    size_t n = json_array_size(ring);
    if (n < 3 || m->n_rings >= MAP_MAX_RINGS)
        return 0;
    float *pts = malloc(n * 2 * sizeof *pts);
    if (!pts)
        return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(ring, i);
        pts[2 * i] = (float)json_number_value(json_array_get(p, 0));
        pts[2 * i + 1] = (float)json_number_value(json_array_get(p, 1));
    }
    map_ring *r = &m->rings[m->n_rings++];
    r->pts = pts;
    r->n = (int)n;
    r->feature = feature;
    r->polygon = m->n_polygons;
    return 0;
}

/* A Polygon is rings (outer, then holes); the rings of one polygon fill together. */
static int add_polygon(ui_map *m, json_t *poly, int feature) {
    size_t i;
    json_t *ring;
    json_array_foreach(poly, i, ring) {
        if (add_ring(m, ring, feature) != 0)
            return -1;
    }
    m->n_polygons++;
    return 0;
}

static int load_features(ui_map *m, json_t *root) {
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(root, "features"), i, f) {
        const char *name = json_string_value(json_object_get(json_object_get(f, "properties"),
                                                             "name"));
        int feature = name && strcmp(name, "Cuba") == 0 ? 1
                      : name && strstr(name, "United States") ? 2
                                                              : 0;
        json_t *geom = json_object_get(f, "geometry");
        const char *type = json_string_value(json_object_get(geom, "type"));
        json_t *coords = json_object_get(geom, "coordinates");
        if (!type)
            continue;
        if (!strcmp(type, "Polygon") && add_polygon(m, coords, feature) != 0)
            return -1;
        if (!strcmp(type, "MultiPolygon")) {
            size_t k;
            json_t *poly;
            json_array_foreach(coords, k, poly) {
                if (add_polygon(m, poly, feature) != 0)
                    return -1;
            }
        }
    }
    return 0;
}

static void load_places(ui_map *m, json_t *root) {
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(root, "places"), i, p) {
        if (m->n_places >= MAP_MAX_PLACES)
            break;
        map_place *q = &m->places[m->n_places];
        const char *id = json_string_value(json_object_get(p, "id"));
        const char *name = json_string_value(json_object_get(p, "name"));
        const char *kind = json_string_value(json_object_get(p, "kind"));
        if (!id || !name || !kind)
            continue;
        snprintf(q->id, sizeof q->id, "%s", id);
        snprintf(q->name, sizeof q->name, "%s", name);
        snprintf(q->kind, sizeof q->kind, "%s", kind);
        q->lat = json_number_value(json_object_get(p, "lat"));
        q->lon = json_number_value(json_object_get(p, "lon"));
        m->n_places++;
    }
}

ui_map *map_load(const char *assets, char *err, size_t errlen) {
    char path[4400];
    json_error_t je;
    ui_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    snprintf(path, sizeof path, "%s/maps/caribbean.geojson", assets);
    json_t *root = json_load_file(path, 0, &je);
    if (!root || load_features(m, root) != 0) {
        snprintf(err, errlen, "%s:%d: %s", path, je.line, root ? "out of memory" : je.text);
        json_decref(root);
        map_free(m);
        return NULL;
    }
    json_decref(root);
    snprintf(path, sizeof path, "%s/maps/caribbean_places.json", assets);
    root = json_load_file(path, 0, &je);
    if (root)
        load_places(m, root);
    json_decref(root);
    return m;
}

void map_free(ui_map *m) {
    if (!m)
        return;
    for (int i = 0; i < m->n_rings; i++)
        free(m->rings[i].pts);
    if (m->tex)
        SDL_DestroyTexture(m->tex);
    free(m);
}

const map_place *map_place_by_id(const ui_map *m, const char *id) {
    for (int i = 0; i < m->n_places; i++)
        if (!strcmp(m->places[i].id, id))
            return &m->places[i];
    return NULL;
}

/* ---- the base texture ---- */

static int cmp_float(const void *a, const void *b) {
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Even-odd scanline fill of rings [first, last) into the surface; xy holds every ring's
 * points already projected to pixels (xy[r][2i], xy[r][2i+1]). */
static void fill_polygon(SDL_Surface *s, float *const *xy, const ui_map *m, int first, int last,
                         uint32_t color) {
    float xs[4096]; /* on the stack: no state shared between calls */
    float ymin = 1e9f, ymax = -1e9f;
    for (int r = first; r < last; r++)
        for (int i = 0; i < m->rings[r].n; i++) {
            ymin = fminf(ymin, xy[r][2 * i + 1]);
            ymax = fmaxf(ymax, xy[r][2 * i + 1]);
        }
    int y0 = (int)fmaxf(0, floorf(ymin)), y1 = (int)fminf((float)s->h - 1, ceilf(ymax));
    for (int py = y0; py <= y1; py++) {
        float sy = (float)py + 0.5f;
        int n = 0;
        for (int r = first; r < last; r++) {
            const float *p = xy[r];
            int cnt = m->rings[r].n;
            for (int i = 0, j = cnt - 1; i < cnt && n < 4096; j = i++) {
                float ya = p[2 * j + 1], yb = p[2 * i + 1];
                if ((ya <= sy) != (yb <= sy))
                    xs[n++] = p[2 * j] + (sy - ya) / (yb - ya) * (p[2 * i] - p[2 * j]);
            }
        }
        qsort(xs, (size_t)n, sizeof xs[0], cmp_float);
        uint32_t *row = (uint32_t *)((uint8_t *)s->pixels + py * s->pitch);
        for (int i = 0; i + 1 < n; i += 2) {
            int a = (int)fmaxf(0, ceilf(xs[i] - 0.5f));
            int b = (int)fminf((float)s->w - 1, floorf(xs[i + 1] - 0.5f));
            for (int x = a; x <= b; x++)
                row[x] = color;
        }
    }
}

static void plot(SDL_Surface *s, int x, int y, uint32_t c) {
    if (x >= 0 && y >= 0 && x < s->w && y < s->h)
        ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] = c;
}

static void stroke(SDL_Surface *s, float x0, float y0, float x1, float y1, uint32_t c, int t) {
    float dx = x1 - x0, dy = y1 - y0;
    int steps = (int)fmaxf(fabsf(dx), fabsf(dy)) + 1;
    for (int i = 0; i <= steps; i++) {
        int x = (int)(x0 + dx * i / steps), y = (int)(y0 + dy * i / steps);
        for (int k = 0; k < t; k++)
            for (int j = 0; j < t; j++)
                plot(s, x + k, y + j, c);
    }
}

static void draw_base(SDL_Surface *s, const ui_map *m, int line) {
    SDL_Rect all = {0, 0, s->w, s->h};
    map_view v = make_view(all);
    uint32_t sea = SDL_MapRGB(s->format, COL_SEA.r, COL_SEA.g, COL_SEA.b);
    uint32_t grid = SDL_MapRGB(s->format, 176, 192, 190);
    SDL_FillRect(s, NULL, sea);
    for (int lon = -92; lon <= -64; lon += 2) { /* graticule every 2 degrees */
        float x, y0, y1;
        map_project(&v, lon, 14, &x, &y0);
        map_project(&v, lon, 32, &x, &y1);
        stroke(s, x, y0, x, y1, grid, 1);
    }
    for (int lat = 14; lat <= 32; lat += 2) {
        float x0, x1, y;
        map_project(&v, -92, lat, &x0, &y);
        map_project(&v, -64, lat, &x1, &y);
        stroke(s, x0, y, x1, y, grid, 1);
    }
    uint32_t land = SDL_MapRGB(s->format, COL_LAND.r, COL_LAND.g, COL_LAND.b);
    uint32_t cuba = SDL_MapRGB(s->format, COL_LAND_FOCUS.r, COL_LAND_FOCUS.g, COL_LAND_FOCUS.b);
    uint32_t ink = SDL_MapRGB(s->format, 70, 62, 50);
    /* Project every point once (log and tan are dear), then fill and stroke. */
    float **xy = calloc((size_t)m->n_rings + 1, sizeof *xy);
    for (int r = 0; xy && r < m->n_rings; r++) {
        xy[r] = malloc((size_t)m->rings[r].n * 2 * sizeof **xy);
        for (int i = 0; xy[r] && i < m->rings[r].n; i++)
            map_project(&v, m->rings[r].pts[2 * i], m->rings[r].pts[2 * i + 1], &xy[r][2 * i],
                        &xy[r][2 * i + 1]);
        if (!xy[r]) { /* out of memory: no coastlines, the sea alone */
            for (int k = 0; k < r; k++)
                free(xy[k]);
            free(xy);
            return;
        }
    }
    if (!xy)
        return;
    for (int r = 0; r < m->n_rings;) {
        int e = r;
        while (e < m->n_rings && m->rings[e].polygon == m->rings[r].polygon)
            e++;
        fill_polygon(s, xy, m, r, e, m->rings[r].feature == 1 ? cuba : land);
        r = e;
    }
    for (int r = 0; r < m->n_rings; r++) {
        for (int i = 1; i < m->rings[r].n; i++)
            stroke(s, xy[r][2 * i - 2], xy[r][2 * i - 1], xy[r][2 * i], xy[r][2 * i + 1], ink, line);
        free(xy[r]);
    }
    free(xy);
}

/* The coastline texture for a w x h box, rebuilt only when the size changes. */
SDL_Texture *map_texture(ui *u, ui_map *m, int w, int h) {
    if (m->tex && m->tex_w == w && m->tex_h == h && m->tex_ren == u->ren)
        return m->tex;
    if (m->tex)
        SDL_DestroyTexture(m->tex);
    m->tex = NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    draw_base(s, m, u->u >= 1.6f ? 2 : 1);
    m->tex = SDL_CreateTextureFromSurface(u->ren, s);
    SDL_FreeSurface(s);
    m->tex_w = w;
    m->tex_h = h;
    m->tex_ren = u->ren;
    return m->tex;
}

void map_draw_plain(ui *u, ui_map *m, SDL_Rect r) {
    if (!m || r.w <= 0 || r.h <= 0)
        return;
    SDL_Texture *t = map_texture(u, m, r.w, r.h);
    if (t) {
        SDL_SetTextureAlphaMod(t, 255);
        SDL_RenderCopy(u->ren, t, NULL, &r);
    }
}
