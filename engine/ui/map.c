/* The scenario's map: its coastlines (a GeoJSON file the scenario declared, already
 * read and checked when it loaded) in the declared projection, rendered once per size
 * into a texture, with places and what the seat knows drawn on top (map_layers.c). */
#include "map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

static double merc(double lat) {
    return log(tan(PI / 4 + lat * PI / 360.0));
}

/* Projected y of a latitude, in degrees (north up). */
static double proj_y(int proj, double lat) {
    return proj == NIACT_PROJ_MERCATOR ? merc(lat) * 180.0 / PI : lat;
}

void map_project(const map_view *v, double lon, double lat, float *x, float *y) {
    *x = (float)(v->ox + (lon - v->lon0) * v->xs * v->k);
    *y = (float)(v->oy + (v->y0 - proj_y(v->proj, lat)) * v->k);
}

float map_km_px(const map_view *v, double lat, double km) {
    double deg = km / 111.32; /* degrees of latitude, or of longitude at the equator */
    if (v->proj == NIACT_PROJ_MERCATOR)
        deg /= fmax(0.05, cos(lat * PI / 180.0));
    return (float)(deg * v->k);
}

map_view map_view_for(const ui_map *m, SDL_Rect r) {
    const niact_map *d = m->decl;
    map_view v;
    v.proj = d->projection;
    v.xs = v.proj == NIACT_PROJ_MERCATOR ? 1.0 : cos((d->south + d->north) / 2 * PI / 180.0);
    double dx = (d->east - d->west) * v.xs, dy = proj_y(v.proj, d->north) - proj_y(v.proj, d->south);
    v.k = fmin(r.w / dx, r.h / dy);
    v.lon0 = d->west;
    v.y0 = proj_y(v.proj, d->north);
    v.ox = r.x + (r.w - dx * v.k) / 2;
    v.oy = r.y + (r.h - dy * v.k) / 2;
    return v;
}

/* The window's map of a scenario, from a small cache (the title, the new game screen
 * and the desk may each show another scenario's); NULL when it declares none. */
ui_map *map_of(app *a, const niact_scenario *sc) {
    if (!sc || !sc->map)
        return NULL;
    ui_map *pick = NULL;
    for (int i = 0; i < UI_MAP_CACHE; i++)
        if (a->maps[i].decl == sc->map && a->maps[i].key == sc->content_hash)
            pick = &a->maps[i];
    if (!pick) { /* the older slot makes room */
        pick = &a->maps[0];
        for (int i = 1; i < UI_MAP_CACHE; i++)
            if (a->maps[i].used < pick->used)
                pick = &a->maps[i];
        if (pick->tex)
            SDL_DestroyTexture(pick->tex);
        memset(pick, 0, sizeof *pick);
        pick->decl = sc->map;
        pick->key = sc->content_hash;
    }
    pick->used = ++a->map_clock;
    return pick;
}

void map_cache_free(app *a) {
    for (int i = 0; i < UI_MAP_CACHE; i++) {
        if (a->maps[i].tex)
            SDL_DestroyTexture(a->maps[i].tex);
        memset(&a->maps[i], 0, sizeof a->maps[i]);
    }
}

/* ---- the base texture ---- */

static int cmp_float(const void *a, const void *b) {
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Even-odd scanline fill of rings [first, last) into the surface; xy holds every ring's
 * points already projected to pixels (xy[r][2i], xy[r][2i+1]). */
static void fill_polygon(SDL_Surface *s, float *const *xy, const niact_map *m, int first,
                         int last, uint32_t color) {
    float xs[4096]; /* on the stack: no state shared between calls */
    float ymin = 1e9f, ymax = -1e9f;
    for (int r = first; r < last; r++)
        for (int i = 0; i < m->rings[r].n; i++) {
            ymin = fminf(ymin, xy[r][2 * i + 1]);
            ymax = fmaxf(ymax, xy[r][2 * i + 1]);
        }
    /* Clamped before the conversion: a polygon far off the region is off the surface. */
    int y0 = (int)fminf((float)s->h, fmaxf(0, floorf(ymin)));
    int y1 = (int)fmaxf(-1, fminf((float)s->h - 1, ceilf(ymax)));
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
            int a = (int)fminf((float)s->w, fmaxf(0, ceilf(xs[i] - 0.5f)));
            int b = (int)fmaxf(-1, fminf((float)s->w - 1, floorf(xs[i + 1] - 0.5f)));
            for (int x = a; x <= b; x++)
                row[x] = color;
        }
    }
}

static void plot(SDL_Surface *s, int x, int y, uint32_t c) {
    if (x >= 0 && y >= 0 && x < s->w && y < s->h)
        ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] = c;
}

/* Clips the segment to the surface (Liang-Barsky); 0 if nothing of it is on it. A map
 * may hold coastlines far outside the region shown: they cost nothing. */
static int clip(const SDL_Surface *s, float *x0, float *y0, float *x1, float *y1) {
    double t0 = 0, t1 = 1, dx = (double)*x1 - *x0, dy = (double)*y1 - *y0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*x0 + 1.0, s->w + 1.0 - *x0, *y0 + 1.0, s->h + 1.0 - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
        } else {
            double r = q[i] / p[i];
            if (p[i] < 0 && r > t1)
                return 0;
            if (p[i] > 0 && r < t0)
                return 0;
            if (p[i] < 0 && r > t0)
                t0 = r;
            if (p[i] > 0 && r < t1)
                t1 = r;
        }
    }
    double ax = *x0, ay = *y0;
    *x0 = (float)(ax + t0 * dx);
    *y0 = (float)(ay + t0 * dy);
    *x1 = (float)(ax + t1 * dx);
    *y1 = (float)(ay + t1 * dy);
    return 1;
}

static void stroke(SDL_Surface *s, float x0, float y0, float x1, float y1, uint32_t c, int t) {
    if (!clip(s, &x0, &y0, &x1, &y1))
        return;
    float dx = x1 - x0, dy = y1 - y0;
    int steps = (int)fmaxf(fabsf(dx), fabsf(dy)) + 1;
    for (int i = 0; i <= steps; i++) {
        int x = (int)(x0 + dx * i / steps), y = (int)(y0 + dy * i / steps);
        for (int k = 0; k < t; k++)
            for (int j = 0; j < t; j++)
                plot(s, x + k, y + j, c);
    }
}

/* Degrees between graticule lines: about eight across the region. */
static int grid_step(double span) {
    static const int steps[] = {1, 2, 5, 10, 15, 30};
    for (int i = 0; i < 6; i++)
        if (span / steps[i] <= 10)
            return steps[i];
    return 30;
}

static void draw_base(SDL_Surface *s, const ui_map *um, int line) {
    const niact_map *m = um->decl;
    SDL_Rect all = {0, 0, s->w, s->h};
    map_view v = map_view_for(um, all);
    uint32_t sea = SDL_MapRGB(s->format, COL_SEA.r, COL_SEA.g, COL_SEA.b);
    uint32_t grid = SDL_MapRGB(s->format, 176, 192, 190);
    SDL_FillRect(s, NULL, sea);
    /* The graticule, over the region and the margins the box shows beyond it. */
    double sx = m->east - m->west, sy = m->north - m->south;
    int step = grid_step(fmax(sx, sy));
    double gw = fmax(-180, m->west - sx), ge = fmin(180, m->east + sx);
    double so = fmax(-85, m->south - sy), no = fmin(85, m->north + sy);
    for (int lon = (int)floor(gw / step) * step; lon <= ge; lon += step) {
        float x, y0, y1;
        map_project(&v, lon, so, &x, &y0);
        map_project(&v, lon, no, &x, &y1);
        stroke(s, x, y0, x, y1, grid, 1);
    }
    for (int lat = (int)floor(so / step) * step; lat <= no; lat += step) {
        float x0, x1, y;
        map_project(&v, gw, lat, &x0, &y);
        map_project(&v, ge, lat, &x1, &y);
        stroke(s, x0, y, x1, y, grid, 1);
    }
    uint32_t land = SDL_MapRGB(s->format, COL_LAND.r, COL_LAND.g, COL_LAND.b);
    uint32_t focus = SDL_MapRGB(s->format, COL_LAND_FOCUS.r, COL_LAND_FOCUS.g, COL_LAND_FOCUS.b);
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
        fill_polygon(s, xy, m, r, e, m->rings[r].focus ? focus : land);
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
    if (m->tex && m->tex_w == w && m->tex_h == h && m->tex_ren == u->ren && m->tex_preset == u->preset)
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
    m->tex_preset = u->preset;
    m->tex_h = h;
    m->tex_ren = u->ren;
    static uint64_t serial;
    m->tex_serial = ++serial;
    return m->tex;
}

void map_draw_plain(ui *u, ui_map *m, SDL_Rect r) {
    if (!m || r.w <= 0 || r.h <= 0)
        return;
    SDL_Texture *t = map_texture(u, m, r.w, r.h);
    if (t) {
        SDL_SetTextureAlphaMod(t, 255);
        ui_copy(u, t, NULL, r, m->tex_serial);
    }
}
