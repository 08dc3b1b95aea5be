/* Drawing: palette, fonts at the current scale, cached text, wrapping, primitives. */
#include "ui.h"
#include "niact/hash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The presets. Paper: telegram paper and ink. Projector: for the back of a room, larger
 * type and higher contrast (every text colour >= 4.5:1 on every background it is drawn
 * on, land against sea >= 3:1; test_ui_settings computes the WCAG ratios). */
static const ui_theme themes[UI_PRESET_COUNT] = {
    {"paper",
     {239, 230, 207, 255}, {222, 208, 176, 255}, {248, 243, 228, 255}, {30, 27, 22, 255},
     {92, 83, 68, 255}, {150, 134, 104, 255}, {160, 40, 36, 255}, {196, 209, 205, 255},
     {233, 221, 192, 255}, {214, 192, 146, 255}, {0, 84, 147, 255}, {228, 214, 180, 255},
     {160, 150, 130, 255}, {0, 0, 0, 60}, {248, 243, 228, 235}, {30, 27, 22, 150},
     {239, 230, 207, 90},
     {15, 18, 22, 30, 64}},
    {"projector",
     {246, 240, 224, 255}, {232, 222, 196, 255}, {255, 252, 242, 255}, {0, 0, 0, 255},
     {52, 46, 36, 255}, {96, 84, 60, 255}, {150, 20, 16, 255}, {104, 130, 144, 255},
     {250, 244, 226, 255}, {242, 232, 204, 255}, {0, 70, 140, 255}, {238, 226, 190, 255},
     {110, 100, 80, 255}, {0, 0, 0, 80}, {255, 252, 242, 255}, {0, 0, 0, 170},
     {246, 240, 224, 60},
     {19, 22, 26, 34, 64}},
};

SDL_Color COL_PAPER, COL_PAPER_DARK, COL_PAPER_LIGHT, COL_INK, COL_INK_FADED, COL_RULE,
    COL_STAMP, COL_SEA, COL_LAND, COL_LAND_FOCUS, COL_FOCUS, COL_HOVER, COL_DISABLED,
    COL_SHADOW, COL_KEY_BG, COL_DIM, COL_MAP_VEIL;

const ui_theme *ui_theme_of(int preset) {
    return &themes[preset >= 0 && preset < UI_PRESET_COUNT ? preset : 0];
}

int ui_preset_parse(const char *name) {
    for (int i = 0; i < UI_PRESET_COUNT; i++)
        if (!strcmp(name, themes[i].name))
            return i;
    return -1;
}

const char *ui_preset_name(int preset) {
    return ui_theme_of(preset)->name;
}

static void use_colours(int preset) {
    const ui_theme *t = ui_theme_of(preset);
    COL_PAPER = t->paper, COL_PAPER_DARK = t->paper_dark, COL_PAPER_LIGHT = t->paper_light;
    COL_INK = t->ink, COL_INK_FADED = t->ink_faded, COL_RULE = t->rule, COL_STAMP = t->stamp;
    COL_SEA = t->sea, COL_LAND = t->land, COL_LAND_FOCUS = t->land_focus, COL_FOCUS = t->focus;
    COL_HOVER = t->hover, COL_DISABLED = t->disabled, COL_SHADOW = t->shadow;
    COL_KEY_BG = t->key_bg, COL_DIM = t->dim, COL_MAP_VEIL = t->map_veil;
}

SDL_Color ui_role_color(int role) {
    static const SDL_Color c[] = {
        {0, 94, 153, 255},   /* blue */
        {184, 72, 0, 255},   /* vermillion */
        {0, 122, 90, 255},   /* bluish green */
        {160, 96, 140, 255}, /* reddish purple */
        {170, 110, 0, 255},  /* orange */
        {60, 60, 60, 255},
    };
    return c[role < 0 ? 5 : role % 6];
}

static const char *const face_file[FACE_COUNT] = {
    "CourierPrime-Regular.otf", "CourierPrime-Bold.otf", "Inter-Regular.otf",
    "Inter-SemiBold.otf"};

uint32_t ui_id(const char *name, int index) {
    uint64_t h = niact_hash_u64(niact_hash_bytes(NIACT_HASH_INIT, name, strlen(name)),
                                (uint32_t)index);
    uint32_t id = (uint32_t)(h ^ (h >> 32));
    return id ? id : 1;
}

int ui_px(const ui *u, float units) {
    return (int)lroundf(units * u->u);
}

static void close_fonts(ui *u) {
    for (int f = 0; f < FACE_COUNT; f++)
        for (int s = 0; s < SZ_COUNT; s++) {
            if (u->fonts[f][s])
                TTF_CloseFont(u->fonts[f][s]);
            u->fonts[f][s] = NULL;
        }
}

static void clear_cache(ui *u) {
    ui_text_cache_clear(u);
    for (int i = 0; i < UI_TEXT_CACHE; i++) {
        if (u->cache[i].tex)
            SDL_DestroyTexture(u->cache[i].tex);
        u->cache[i].tex = NULL;
        u->cache[i].hash = 0;
    }
}

/* Fonts open lazily, at the size the current unit asks for. */
TTF_Font *ui_font(ui *u, int face, int size) {
    if (u->fonts[face][size])
        return u->fonts[face][size];
    char path[4400];
    snprintf(path, sizeof path, "%s/fonts/%s", u->assets, face_file[face]);
    TTF_Font *f = TTF_OpenFont(path, u->font_px[size]);
    if (!f) {
        u->font_error = 1;
        /* Fall back to any face already open, so drawing goes on. */
        for (int i = 0; i < FACE_COUNT && !f; i++)
            f = u->fonts[i][size];
        return f;
    }
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    u->fonts[face][size] = f;
    return f;
}

int ui_line_height(ui *u, int face, int size) {
    TTF_Font *f = ui_font(u, face, size);
    return f ? TTF_FontLineSkip(f) : 16;
}

void ui_resize(ui *u) {
    int ww = 0, wh = 0;
    if (u->ren)
        SDL_GetRendererOutputSize(u->ren, &u->w, &u->h);
    if (u->win) {
        SDL_GetWindowSize(u->win, &ww, &wh);
        u->dpi = ww > 0 ? (float)u->w / (float)ww : 1.0f;
    } else {
        u->dpi = 1.0f;
    }
    float fit = fminf((float)u->w / 1280.0f, (float)u->h / 720.0f);
    if (fit < 0.5f)
        fit = 0.5f;
    float nu = fit * u->scale;
    int changed = 0;
    /* The preset's type, never larger than paper's at the largest scale (2): the layout
     * is built to hold that much at every window size, so the projector's larger type
     * gains on paper's up to there and stops (at 2, the two presets' type is the same). */
    const ui_theme *th = ui_theme_of(u->preset), *paper = ui_theme_of(UI_PRESET_PAPER);
    for (int s = 0; s < SZ_COUNT; s++) {
        float want = s < SZ_THEMED ? th->size[s] * nu : th->size[SZ_SMALL] * nu * 0.8f;
        float most = s < SZ_THEMED ? paper->size[s] * fit * 2.0f
                                   : paper->size[SZ_SMALL] * fit * 2.0f * 0.8f;
        int px = (int)lroundf(want < most ? want : most);
        if (px < 8)
            px = 8;
        if (px != u->font_px[s])
            changed = 1;
        u->font_px[s] = px;
    }
    u->u = nu;
    if (changed) {
        close_fonts(u);
        clear_cache(u);
    }
}

void ui_set_scale(ui *u, float scale) {
    if (scale < 0.75f)
        scale = 0.75f;
    if (scale > 2.0f)
        scale = 2.0f;
    u->scale = scale;
    ui_resize(u);
}

void ui_set_preset(ui *u, int preset) {
    u->preset = preset >= 0 && preset < UI_PRESET_COUNT ? preset : 0;
    use_colours(u->preset);
    ui_resize(u); /* the preset's type sizes */
}

int ui_init(ui *u, SDL_Window *win, SDL_Renderer *ren, const char *assets) {
    memset(u, 0, sizeof *u);
    use_colours(UI_PRESET_PAPER);
    u->win = win;
    u->ren = ren;
    u->scale = 1.0f;
    u->mx = u->my = -1;
    snprintf(u->assets, sizeof u->assets, "%s", assets);
    if (!TTF_WasInit() && TTF_Init() != 0)
        return -1;
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    ui_resize(u);
    /* Probe one face so a missing assets folder is a clean error, not blank text. */
    if (!ui_font(u, FACE_SANS, SZ_BODY)) {
        SDL_SetError("cannot open the fonts in %s/fonts", assets);
        return -1;
    }
    return 0;
}

void ui_free(ui *u) {
    clear_cache(u);
    close_fonts(u);
    free(u->records);
    u->records = NULL;
}

/* ---- primitives ---------------------------------------------------------------- */

/* Damage tracking: hashes of what a primitive draws (see ui_dl in ui.h). */
static uint64_t hmix(uint64_t h, uint64_t v) {
    return niact_mix64(h ^ (v + 0x9e3779b97f4a7c15ULL));
}
static uint64_t hrect(uint64_t h, SDL_Rect r) {
    h = hmix(h, (uint64_t)(uint32_t)r.x | (uint64_t)(uint32_t)r.y << 32);
    return hmix(h, (uint64_t)(uint32_t)r.w | (uint64_t)(uint32_t)r.h << 32);
}
static uint64_t hcol(uint64_t kind, SDL_Color c) {
    return hmix(kind, (uint64_t)c.r << 24 | (uint64_t)c.g << 16 | (uint64_t)c.b << 8 | c.a);
}
enum { K_FILL = 1, K_FRAME, K_HATCH, K_GEOM, K_COPY };

static void dl_push(ui_dl *d, SDL_Rect r, uint64_t h) {
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 1024;
        ui_dl_item *it = cap < (1 << 24) ? realloc(d->it, (size_t)cap * sizeof *it) : NULL;
        if (!it) {
            d->lost = 1;
            return;
        }
        d->it = it, d->cap = cap;
    }
    d->it[d->n++] = (ui_dl_item){r, h};
}

void ui_dl_free(ui_dl *d) {
    free(d->it);
    memset(d, 0, sizeof *d);
}

unsigned ui_emit(ui *u, SDL_Rect bb, uint64_t h) {
    SDL_Rect screen = {0, 0, u->w, u->h}, vis;
    if (bb.w <= 0 || bb.h <= 0 || !SDL_IntersectRect(&bb, &screen, &vis))
        return 0;
    if (u->clip.w > 0 && !SDL_IntersectRect(&vis, &u->clip, &vis))
        return 0;
    if (u->dl)
        dl_push(u->dl, vis, h);
    if (u->paint == UI_PAINT_NONE)
        return 0;
    if (u->paint != UI_PAINT_DAMAGE)
        return 1;
    unsigned m = 0;
    for (int k = 0; k < u->n_dmg; k++)
        if (SDL_HasIntersection(&vis, &u->dmg[k]))
            m |= 1u << k;
    return m;
}

void ui_apply_clip(ui *u) {
    SDL_Rect c = u->clip;
    int has = c.w > 0;
    if (u->paint == UI_PAINT_DAMAGE && u->n_dmg > 0) {
        SDL_Rect d = u->dmg[u->dmg_k >= 0 && u->dmg_k < u->n_dmg ? u->dmg_k : 0];
        if (!has)
            c = d;
        else if (!SDL_IntersectRect(&c, &d, &c))
            c = (SDL_Rect){d.x, d.y, 1, 1}; /* nothing passes ui_emit here */
        has = 1;
    }
    if (!has)
        c = (SDL_Rect){0, 0, 0, 0};
    if (u->clip_known && c.x == u->clip_set.x && c.y == u->clip_set.y &&
        c.w == u->clip_set.w && c.h == u->clip_set.h)
        return;
    SDL_RenderSetClipRect(u->ren, has ? &c : NULL);
    u->clip_set = c, u->clip_known = 1;
}

void ui_damage_at(ui *u, int k) {
    if (u->paint != UI_PAINT_DAMAGE || u->dmg_k == k)
        return;
    u->dmg_k = k;
    ui_apply_clip(u);
}

/* Adds r to the disjoint boxes: merged with every box it overlaps (again, until none
 * does), and when there are too many, the two whose union adds the least area. */
static long area(SDL_Rect r) {
    return (long)r.w * r.h;
}
static void add_box(SDL_Rect *d, int *n, SDL_Rect r) {
    for (int k = 0; k < *n; k++) {
        SDL_Rect o;
        if (SDL_IntersectRect(&d[k], &r, &o) && o.w == r.w && o.h == r.h)
            return; /* inside one already */
    }
    for (;;) {
        int merged = 0;
        for (int k = 0; k < *n; k++)
            if (SDL_HasIntersection(&d[k], &r)) {
                SDL_UnionRect(&d[k], &r, &r);
                d[k] = d[--*n];
                merged = 1;
                break;
            }
        if (!merged)
            break;
    }
    d[(*n)++] = r;
    while (*n > UI_MAX_DAMAGE) {
        int bi = 0, bj = 1;
        long best = -1;
        for (int i = 0; i < *n; i++)
            for (int j = i + 1; j < *n; j++) {
                SDL_Rect m;
                SDL_UnionRect(&d[i], &d[j], &m);
                long cost = area(m) - area(d[i]) - area(d[j]);
                if (best < 0 || cost < best)
                    best = cost, bi = i, bj = j;
            }
        SDL_Rect m;
        SDL_UnionRect(&d[bi], &d[bj], &m);
        d[bj] = d[--*n];
        if (bi == *n)
            bi = bj;
        d[bi] = d[--*n];
        add_box(d, n, m); /* the union may overlap others */
    }
}

static int item_eq(const ui_dl_item *x, const ui_dl_item *y) {
    return x->h == y->h && x->r.x == y->r.x && x->r.y == y->r.y && x->r.w == y->r.w &&
           x->r.h == y->r.h;
}

int ui_dl_equal(const ui_dl *a, const ui_dl *b) {
    if (a->lost || b->lost || a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (!item_eq(&a->it[i], &b->it[i]))
            return 0;
    return 1;
}

/* The lists are matched in order (a monotone matching of equal items: greedy, looking
 * a few items ahead to step over an insertion or a removal). A pixel that no unmatched
 * item of either list touches is drawn by the same items in the same order in both,
 * so it is unchanged: the damage is the union of the unmatched items' boxes. */
int ui_dl_damage(const ui_dl *a, const ui_dl *b, int w, int h, SDL_Rect *out) {
    enum { AHEAD = 48 };
    SDL_Rect d[UI_MAX_DAMAGE + 1], screen = {0, 0, w, h};
    int n = 0, i = 0, j = 0;
#define ADD(R)                                                                                 \
    do {                                                                                       \
        SDL_Rect r_;                                                                           \
        if (SDL_IntersectRect(&(R), &screen, &r_))                                             \
            add_box(d, &n, r_);                                                                \
    } while (0)
    while (i < a->n && j < b->n) {
        if (item_eq(&a->it[i], &b->it[j])) {
            i++, j++;
            continue;
        }
        int skip_a = 0, skip_b = 0;
        for (int k = 1; k <= AHEAD && !skip_a && !skip_b; k++) {
            if (i + k < a->n && item_eq(&a->it[i + k], &b->it[j]))
                skip_a = k;
            else if (j + k < b->n && item_eq(&a->it[i], &b->it[j + k]))
                skip_b = k;
        }
        if (skip_a) {
            for (int k = 0; k < skip_a; k++)
                ADD(a->it[i + k].r);
            i += skip_a;
        } else if (skip_b) {
            for (int k = 0; k < skip_b; k++)
                ADD(b->it[j + k].r);
            j += skip_b;
        } else {
            ADD(a->it[i].r);
            ADD(b->it[j].r);
            i++, j++;
        }
    }
    while (i < a->n)
        ADD(a->it[i++].r);
    while (j < b->n)
        ADD(b->it[j++].r);
#undef ADD
    memcpy(out, d, (size_t)n * sizeof *d);
    return n;
}

static void set_color(ui *u, SDL_Color c) {
    SDL_SetRenderDrawColor(u->ren, c.r, c.g, c.b, c.a);
}

/* Draws a listed primitive once in each damage box it touches. */
#define EACH_BOX(u, mask)                                                                       \
    for (unsigned m_ = (mask), k_ = 0; m_; m_ >>= 1, k_++)                                      \
        if ((m_ & 1) && (ui_damage_at(u, (int)k_), 1))

void ui_fill(ui *u, SDL_Rect r, SDL_Color c) {
    unsigned m = ui_emit(u, r, hrect(hcol(K_FILL, c), r));
    if (!m)
        return;
    set_color(u, c);
    EACH_BOX(u, m) SDL_RenderFillRect(u->ren, &r);
}

void ui_clear(ui *u, SDL_Color c) {
    SDL_Color opaque = {c.r, c.g, c.b, 255};
    ui_fill(u, (SDL_Rect){0, 0, u->w, u->h}, opaque);
}

void ui_frame(ui *u, SDL_Rect r, SDL_Color c, int t) {
    unsigned m = ui_emit(u, r, hmix(hrect(hcol(K_FRAME, c), r), (uint64_t)t));
    if (!m)
        return;
    set_color(u, c);
    EACH_BOX(u, m) for (int i = 0; i < t; i++) {
        SDL_Rect q = {r.x + i, r.y + i, r.w - 2 * i, r.h - 2 * i};
        if (q.w <= 0 || q.h <= 0)
            break;
        SDL_RenderDrawRect(u->ren, &q);
    }
}

void ui_hline(ui *u, int x0, int x1, int y, SDL_Color c, int t) {
    SDL_Rect r = {x0, y, x1 - x0, t < 1 ? 1 : t};
    ui_fill(u, r, c);
}

void ui_dashed_rect(ui *u, SDL_Rect r, SDL_Color c, int t) {
    int d = ui_px(u, 6);
    if (d < 3)
        d = 3;
    for (int x = r.x; x < r.x + r.w; x += 2 * d) {
        int len = x + d > r.x + r.w ? r.x + r.w - x : d;
        ui_fill(u, (SDL_Rect){x, r.y, len, t}, c);
        ui_fill(u, (SDL_Rect){x, r.y + r.h - t, len, t}, c);
    }
    for (int y = r.y; y < r.y + r.h; y += 2 * d) {
        int len = y + d > r.y + r.h ? r.y + r.h - y : d;
        ui_fill(u, (SDL_Rect){r.x, y, t, len}, c);
        ui_fill(u, (SDL_Rect){r.x + r.w - t, y, t, len}, c);
    }
}

void ui_geometry(ui *u, const SDL_Vertex *v, int n, const int *idx, int n_idx) {
    if (n <= 0)
        return;
    float x0 = v[0].position.x, y0 = v[0].position.y, x1 = x0, y1 = y0;
    uint64_t h = hmix(K_GEOM, (uint64_t)n << 32 | (uint32_t)n_idx);
    for (int i = 0; i < n; i++) {
        float x = v[i].position.x, y = v[i].position.y;
        x0 = fminf(x0, x), x1 = fmaxf(x1, x), y0 = fminf(y0, y), y1 = fmaxf(y1, y);
        uint32_t bx, by;
        memcpy(&bx, &x, 4);
        memcpy(&by, &y, 4);
        h = hmix(h, (uint64_t)bx << 32 | by);
        h = hcol(h, v[i].color);
    }
    for (int i = 0; idx && i < n_idx; i++)
        h = hmix(h, (uint32_t)idx[i]);
    /* The box, a pixel wider all round than the vertices (rasterisation rounds). Far
     * outside the output it is clamped (a float past INT_MAX is no int). */
    float lim = 1e7f;
    x0 = fmaxf(x0, -lim), y0 = fmaxf(y0, -lim), x1 = fminf(x1, lim), y1 = fminf(y1, lim);
    if (!(x0 <= x1 && y0 <= y1)) /* NaN */
        return;
    SDL_Rect bb = {(int)floorf(x0) - 1, (int)floorf(y0) - 1, 0, 0};
    bb.w = (int)ceilf(x1) + 2 - bb.x;
    bb.h = (int)ceilf(y1) + 2 - bb.y;
    unsigned m = ui_emit(u, bb, h);
    EACH_BOX(u, m) SDL_RenderGeometry(u->ren, NULL, v, n, idx, n_idx);
}

void ui_copy(ui *u, SDL_Texture *t, const SDL_Rect *src, SDL_Rect dst, uint64_t content) {
    uint64_t h = hrect(hmix(K_COPY, content), dst);
    if (src)
        h = hrect(h, *src);
    unsigned m = ui_emit(u, dst, h);
    EACH_BOX(u, m) SDL_RenderCopy(u->ren, t, src, &dst);
}

/* A line of some width, as a quad of two triangles. */
void ui_line(ui *u, float x0, float y0, float x1, float y1, SDL_Color c, float width) {
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    float nx = -dy / len * width * 0.5f, ny = dx / len * width * 0.5f;
    SDL_Vertex v[4];
    float px[4] = {x0 + nx, x0 - nx, x1 - nx, x1 + nx};
    float py[4] = {y0 + ny, y0 - ny, y1 - ny, y1 + ny};
    for (int i = 0; i < 4; i++) {
        v[i].position.x = px[i];
        v[i].position.y = py[i];
        v[i].color = c;
        v[i].tex_coord.x = v[i].tex_coord.y = 0;
    }
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    ui_geometry(u, v, 4, idx, 6);
}

/* Diagonal hatching inside r: marks "estimate" or "unknown" without relying on colour. */
void ui_hatch(ui *u, SDL_Rect r, SDL_Color c, int step) {
    unsigned m = ui_emit(u, r, hmix(hrect(hcol(K_HATCH, c), r), (uint64_t)step));
    if (!m || step <= 0)
        return;
    SDL_Rect saved;
    ui_push_clip(u, r, &saved);
    set_color(u, c);
    EACH_BOX(u, m) for (int k = -r.h; k < r.w; k += step)
        SDL_RenderDrawLine(u->ren, r.x + k, r.y + r.h, r.x + k + r.h, r.y);
    ui_pop_clip(u, saved);
}

/* A sheet of paper: fill, a faint shadow and a thin rule. */
void ui_paper(ui *u, SDL_Rect r) {
    int s = ui_px(u, 3);
    ui_fill(u, (SDL_Rect){r.x + s, r.y + s, r.w, r.h}, COL_SHADOW);
    ui_fill(u, r, COL_PAPER_LIGHT);
    ui_frame(u, r, COL_RULE, 1);
}

static SDL_Rect intersect(SDL_Rect a, SDL_Rect b) {
    SDL_Rect o;
    if (!SDL_IntersectRect(&a, &b, &o))
        o = (SDL_Rect){a.x, a.y, 0, 0};
    return o;
}

void ui_push_clip(ui *u, SDL_Rect r, SDL_Rect *saved) {
    *saved = u->clip;
    if (u->clip.w > 0)
        r = intersect(r, u->clip);
    if (r.w <= 0 || r.h <= 0)
        r = (SDL_Rect){r.x, r.y, 1, 1}; /* empty clip: SDL treats 0x0 as "no clip" */
    u->clip = r;
    ui_apply_clip(u);
}

void ui_pop_clip(ui *u, SDL_Rect saved) {
    u->clip = saved;
    ui_apply_clip(u);
}

/* A triangle pointing up (dir -1) or down (1) in the middle of r (drawn, not a glyph:
 * the type faces have no arrows). */
void ui_arrow(ui *u, SDL_Rect r, int dir, int enabled) {
    SDL_Color c = enabled ? COL_INK : COL_DISABLED;
    int side = r.w < r.h ? r.w : r.h;
    float cx = r.x + r.w / 2.0f, cy = r.y + r.h / 2.0f, s = side * 0.22f;
    SDL_Vertex v[3] = {{{cx - s, cy - dir * s * 0.6f}, c, {0, 0}},
                       {{cx + s, cy - dir * s * 0.6f}, c, {0, 0}},
                       {{cx, cy + dir * s * 0.8f}, c, {0, 0}}};
    ui_geometry(u, v, 3, NULL, 0);
}
