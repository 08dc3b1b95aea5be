/* Text: a cache of rendered lines, measuring, word wrapping and clipped drawing. Every
 * line drawn is checked against its box (and recorded for tests when asked). */
#include "ui.h"
#include "niact/hash.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LINES 96

typedef struct span {
    int start, len; /* bytes of the source text */
    int ellipsis;   /* append "..." (the text was cut here) */
    int cut;        /* the text was cut here (with "...", or where not even "..." fits) */
} span;

static uint64_t text_hash(int face, int size, SDL_Color c, const char *s, int len) {
    uint32_t head = (uint32_t)face << 24 | (uint32_t)size << 16 | c.r;
    uint32_t tail = (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
    uint64_t h = niact_hash_u64(NIACT_HASH_INIT, (uint64_t)head << 32 | tail);
    h = niact_hash_bytes(h, s, (size_t)len);
    return h ? h : 1;
}

/* The cached texture of one line, rendering it on a miss. */
static ui_cached_text *cached(ui *u, int face, int size, SDL_Color c, const char *s) {
    int len = (int)strlen(s);
    uint64_t h = text_hash(face, size, c, s, len);
    int slot = (int)(h % UI_TEXT_CACHE), victim = -1;
    for (int k = 0; k < 8; k++) {
        int i = (slot + k) % UI_TEXT_CACHE;
        if (u->cache[i].hash == h && u->cache[i].tex) {
            u->cache[i].frame = u->frame;
            return &u->cache[i];
        }
        if (victim < 0 || !u->cache[i].tex ||
            (u->cache[victim].tex && u->cache[i].frame < u->cache[victim].frame))
            victim = i;
    }
    TTF_Font *f = ui_font(u, face, size);
    if (!f || !*s)
        return NULL;
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, c);
    if (!surf)
        return NULL;
    ui_cached_text *e = &u->cache[victim];
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    e->tex = SDL_CreateTextureFromSurface(u->ren, surf);
    e->w = surf->w;
    e->h = surf->h;
    e->hash = h;
    e->frame = u->frame;
    SDL_FreeSurface(surf);
    return e->tex ? e : NULL;
}

/* Widths measured, by font and bytes: shaping a line (HarfBuzz, in SDL_ttf) is most of
 * a frame's cost, and a frame measures the same labels again and again. Cleared with
 * the layouts whenever fonts close (ui_text_cache_clear), so a font's address is never
 * met again for another font. */
#define WIDTH_CACHE 4096
static struct {
    uint64_t hash;
    int w;
} widths[WIDTH_CACHE];

static int measure(TTF_Font *f, const char *s, int len) {
    if (!f)
        return 0;
    if (len > 1023)
        len = 1023;
    uintptr_t fk = (uintptr_t)f;
    uint64_t h = niact_hash_bytes(niact_hash_bytes(NIACT_HASH_INIT, &fk, sizeof fk), s,
                                  (size_t)len);
    h = h ? h : 1;
    int slot = (int)(h % WIDTH_CACHE);
    if (widths[slot].hash == h)
        return widths[slot].w;
    char buf[1024];
    memcpy(buf, s, (size_t)len);
    buf[len] = 0;
    int w = 0, hh = 0;
    TTF_SizeUTF8(f, buf, &w, &hh);
    widths[slot].hash = h;
    widths[slot].w = w;
    return w;
}

int ui_text_width(ui *u, int face, int size, const char *text) {
    return measure(ui_font(u, face, size), text, (int)strlen(text));
}

/* Bytes of the longest prefix of s[0..len) that fits in width (whole UTF-8 characters). */
static int fit_prefix(TTF_Font *f, const char *s, int len, int width) {
    int best = 0;
    for (int i = 1; i <= len; i++) {
        if (i < len && ((uint8_t)s[i] & 0xC0) == 0x80)
            continue;
        if (measure(f, s, i) > width)
            break;
        best = i;
    }
    return best;
}

/* Greedy word wrap of text into width; hard breaks on '\n'. Returns the line count. */
static int wrap(TTF_Font *f, const char *text, int width, span *out, int max) {
    int n = 0, pos = 0, total = (int)strlen(text);
    while (pos <= total && n < max) {
        int end = pos;
        while (end < total && text[end] != '\n')
            end++;
        /* Lay out the paragraph text[pos..end). */
        int p = pos;
        if (p == end)
            out[n++] = (span){p, 0, 0, 0};
        while (p < end && n < max) {
            int line_end = p, last_fit = -1;
            while (line_end < end) {
                int w_end = line_end;
                while (w_end < end && text[w_end] == ' ')
                    w_end++;
                while (w_end < end && text[w_end] != ' ')
                    w_end++;
                if (measure(f, text + p, w_end - p) > width)
                    break;
                last_fit = w_end;
                line_end = w_end;
            }
            if (last_fit < 0) /* one word wider than the line: cut it */
                last_fit = p + (fit_prefix(f, text + p, end - p, width) > 0
                                    ? fit_prefix(f, text + p, end - p, width)
                                    : 1);
            out[n++] = (span){p, last_fit - p, 0, 0};
            p = last_fit;
            while (p < end && text[p] == ' ')
                p++;
        }
        pos = end + 1;
    }
    return n;
}

static int layout(ui *u, TTF_Font *f, const char *text, int width, int max, int oneline,
                  span *lines);

int ui_text_height(ui *u, int face, int size, int width, const char *text) {
    span lines[MAX_LINES];
    TTF_Font *f = ui_font(u, face, size);
    if (!f || width <= 0)
        return 0;
    return layout(u, f, text, width, MAX_LINES, 0, lines) * TTF_FontLineSkip(f);
}

static SDL_Rect visible(const ui *u, SDL_Rect r) {
    SDL_Rect screen = {0, 0, u->w, u->h}, o;
    if (u->clip.w > 0 && !SDL_IntersectRect(&r, &u->clip, &r))
        return (SDL_Rect){r.x, r.y, 0, 0};
    if (!SDL_IntersectRect(&r, &screen, &o))
        return (SDL_Rect){r.x, r.y, 0, 0};
    return o;
}

static int inside(SDL_Rect a, SDL_Rect b) {
    return a.w == 0 || a.h == 0 ||
           (a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h);
}

/* Draws one line (with "..." appended if asked) at x,y; checks it against box. */
/* Draws one line (with "..." appended if asked) at y, aligned in box by flags, and
 * checks it against the box. */
static void record_line(ui *u, SDL_Rect dst, SDL_Rect box, int outside, int cut, int flags,
                        const char *s, int len) {
    if (!u->record || u->n_records >= UI_MAX_RECORD)
        return;
    if (!u->records)
        u->records = calloc(UI_MAX_RECORD, sizeof *u->records);
    if (!u->records)
        return;
    SDL_Rect clip = u->clip.w > 0 ? u->clip : (SDL_Rect){0, 0, u->w, u->h};
    ui_text_record *r = &u->records[u->n_records++];
    *r = (ui_text_record){dst, box, clip, outside, cut, flags, u->inert, ""};
    int n = len < (int)sizeof r->what - 1 ? len : (int)sizeof r->what - 1;
    memcpy(r->what, s, (size_t)(n > 0 ? n : 0));
    r->what[n > 0 ? n : 0] = 0;
}

static void draw_line(ui *u, int face, int size, SDL_Color c, const char *s, int len, int ell,
                      int y, SDL_Rect box, int flags, int cut) {
    char buf[1100];
    if (len > 1000)
        len = 1000;
    memcpy(buf, s, (size_t)len);
    strcpy(buf + len, ell ? "..." : "");
    ui_cached_text *t = cached(u, face, size, c, buf);
    if (!t || t->w > box.w + 2)
        return; /* narrower than one character: nothing honest to draw */
    int x = box.x;
    if (flags & TX_CENTER)
        x = box.x + (box.w - t->w) / 2;
    else if (flags & TX_RIGHT)
        x = box.x + box.w - t->w;
    if (x < box.x)
        x = box.x;
    SDL_Rect dst = {x, y, t->w, t->h}, src = {0, 0, t->w, t->h};
    /* Some strings render a pixel or two taller or wider than the font's metrics say:
     * trim that much (blank margin) rather than spill over the box. */
    int over_h = y + t->h - (box.y + box.h), over_w = x + t->w - (box.x + box.w);
    if (over_h > 0 && over_h <= 2)
        src.h = dst.h = t->h - over_h;
    if (over_w > 0 && over_w <= 2)
        src.w = dst.w = t->w - over_w;
    ui_copy(u, t->tex, &src, dst, t->hash);
    SDL_Rect drawn = visible(u, dst), vbox = visible(u, box);
    int outside = !inside(drawn, vbox);
    u->text_outside += outside;
    record_line(u, dst, box, outside, cut, flags, s, len);
}

/* Shortens a line until it fits with "..." after it (measured together, as drawn). If
 * not even "..." fits, the line is dropped (len 0, no ellipsis). */
static void add_ellipsis(TTF_Font *f, const char *text, span *s, int width) {
    char buf[1100];
    s->cut = 1;
    int len = fit_prefix(f, text + s->start, s->len, width);
    for (; len >= 0; len--) {
        if (len > 0 && ((uint8_t)text[s->start + len] & 0xC0) == 0x80)
            continue;
        int l = len;
        while (l > 0 && text[s->start + l - 1] == ' ')
            l--;
        if (l > 1000)
            l = 1000;
        memcpy(buf, text + s->start, (size_t)l);
        strcpy(buf + l, "...");
        if (measure(f, buf, l + 3) <= width) {
            s->len = l;
            s->ellipsis = 1;
            return;
        }
    }
    s->len = 0;
    s->ellipsis = 0;
}

/* Wrapped (or one-line) layout of text in width, at most max lines, the last one cut
 * with "..." if the text goes on. Measuring shapes text (HarfBuzz) and is dear, so
 * layouts are cached by text, font, width and line limit. Returns the line count. */
#define WRAP_CACHE 256

typedef struct wrap_entry {
    uint64_t hash;        /* of text, font, width, max, one-line */
    unsigned frame;       /* last used */
    int n;
    span lines[MAX_LINES];
} wrap_entry;

struct ui_wrap_cache {
    wrap_entry e[WRAP_CACHE];
};

static int layout_uncached(TTF_Font *f, const char *text, int width, int max, int oneline,
                           span *lines) {
    int n;
    if (oneline) {
        const char *nl = strchr(text, '\n');
        lines[0] = (span){0, nl ? (int)(nl - text) : (int)strlen(text), 0, 0};
        n = 1;
        if (measure(f, text, lines[0].len) > width || (nl && nl[1]))
            add_ellipsis(f, text, &lines[0], width);
    } else {
        n = wrap(f, text, width, lines, MAX_LINES);
    }
    if (n > max) {
        n = max;
        if (n > 0)
            add_ellipsis(f, text, &lines[n - 1], width);
    }
    return n;
}

static int layout(ui *u, TTF_Font *f, const char *text, int width, int max, int oneline,
                  span *lines) {
    uintptr_t key[4] = {(uintptr_t)f, (uintptr_t)width, (uintptr_t)max, (uintptr_t)oneline};
    uint64_t h = niact_hash_bytes(NIACT_HASH_INIT, key, sizeof key);
    h = niact_hash_bytes(h, text, strlen(text));
    if (!u->wraps)
        u->wraps = calloc(1, sizeof *u->wraps);
    if (!u->wraps)
        return layout_uncached(f, text, width, max, oneline, lines);
    int slot = (int)(h % WRAP_CACHE), victim = slot;
    for (int k = 0; k < 4; k++) {
        wrap_entry *e = &u->wraps->e[(slot + k) % WRAP_CACHE];
        if (e->hash == h) {
            e->frame = u->frame;
            memcpy(lines, e->lines, (size_t)e->n * sizeof *lines);
            return e->n;
        }
        if (e->frame < u->wraps->e[victim].frame || !e->hash)
            victim = (slot + k) % WRAP_CACHE;
    }
    wrap_entry *e = &u->wraps->e[victim];
    e->n = layout_uncached(f, text, width, max, oneline, lines);
    memcpy(e->lines, lines, (size_t)e->n * sizeof *lines);
    e->hash = h;
    e->frame = u->frame;
    return e->n;
}

void ui_text_cache_clear(ui *u) {
    memset(widths, 0, sizeof widths);
    free(u->wraps);
    u->wraps = NULL;
}

int ui_text(ui *u, int face, int size, SDL_Color c, SDL_Rect box, const char *text, int flags) {
    TTF_Font *f = ui_font(u, face, size);
    if (!f || box.w <= 0 || box.h <= 0 || !text)
        return 0;
    int lh = TTF_FontLineSkip(f), fh = TTF_FontHeight(f);
    int fit = fh <= box.h ? 1 + (box.h - fh) / lh : 0;
    if (fit == 0) {
        u->text_dropped += text[0] != 0;
        return 0;
    }
    span lines[MAX_LINES];
    int n = layout(u, f, text, box.w, fit, (flags & TX_ONELINE) != 0, lines);
    int block = (n - 1) * lh + fh, cut = 0, drawn = 0;
    for (int i = 0; i < n; i++)
        cut |= lines[i].cut;
    /* A cut is a layout fault unless the caller says the whole text is readable
     * elsewhere (TX_MORE): counted always, and recorded for the layout test. */
    if (cut && !(flags & TX_MORE))
        u->text_cut++;
    int y = box.y + ((flags & TX_MIDDLE) ? (box.h - block) / 2 : 0);
    for (int i = 0; i < n; i++, y += lh)
        if (lines[i].len > 0 || lines[i].ellipsis) {
            draw_line(u, face, size, c, text + lines[i].start, lines[i].len, lines[i].ellipsis,
                      y, box, flags, cut);
            drawn = 1;
        }
    if (cut && !drawn) /* cut to nothing: still on the record */
        record_line(u, (SDL_Rect){box.x, box.y, 0, 0}, box, 0, 1, flags, text,
                    (int)strlen(text));
    return block;
}

/* Whether text fits whole in box at this size: on one line (one_line), or wrapped. */
static int fits(ui *u, int face, int size, SDL_Rect box, const char *text, int one_line) {
    TTF_Font *f = ui_font(u, face, size);
    if (!f)
        return 0;
    if (one_line)
        return !strchr(text, '\n') && TTF_FontHeight(f) <= box.h &&
               measure(f, text, (int)strlen(text)) <= box.w;
    int lh = TTF_FontLineSkip(f), fh = TTF_FontHeight(f);
    int n = ui_text_height(u, face, size, box.w, text) / (lh > 0 ? lh : 1);
    span lines[MAX_LINES];
    int max = fh <= box.h ? 1 + (box.h - fh) / lh : 0;
    if (n > max || max == 0)
        return 0;
    int got = layout(u, f, text, box.w, max, 0, lines);
    for (int i = 0; i < got; i++)
        if (lines[i].cut)
            return 0;
    return 1;
}

int ui_text_fit(ui *u, int face, int size, int min_size, SDL_Color c, SDL_Rect box,
                const char *text, int flags) {
    if (!text || !text[0] || box.w <= 0 || box.h <= 0)
        return size;
    int one = (flags & TX_ONELINE) != 0;
    /* One line at the largest size that takes it; else wrapped; else, at the finest
     * size, one line or wrapped; else the smallest, cut. */
    for (int pass = one ? 0 : 1; pass < 2; pass++)
        for (int s = size; s >= min_size; s--)
            if (fits(u, face, s, box, text, pass == 0)) {
                ui_text(u, face, s, c, box, text, pass == 0 ? flags : flags & ~TX_ONELINE);
                return s;
            }
    if (min_size == SZ_SMALL)
        for (int pass = one ? 0 : 1; pass < 2; pass++)
            if (fits(u, face, SZ_FINE, box, text, pass == 0)) {
                ui_text(u, face, SZ_FINE, c, box, text, pass == 0 ? flags : flags & ~TX_ONELINE);
                return SZ_FINE;
            }
    ui_text(u, face, min_size, c, box, text, flags);
    return min_size;
}
