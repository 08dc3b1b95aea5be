/* A tiny PNG writer for test artefacts: 8-bit RGB, compressed with zlib when the build
 * found it, else deflate "stored" blocks (no dependency at all). */
#include "png.h"

#ifdef NIACT_TEST_ZLIB
#include <zlib.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc(uint32_t c, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c;
}

static void be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static int chunk(FILE *f, const char *type, const uint8_t *data, uint32_t len) {
    uint8_t head[8];
    be32(head, len);
    memcpy(head + 4, type, 4);
    uint32_t c = crc(0xffffffffu, head + 4, 4);
    c = (len ? crc(c, data, len) : c) ^ 0xffffffffu;
    uint8_t tail[4];
    be32(tail, c);
    return fwrite(head, 1, 8, f) == 8 && (len == 0 || fwrite(data, 1, len, f) == len) &&
           fwrite(tail, 1, 4, f) == 4;
}

/* zlib stream of stored blocks around raw (filter byte + RGB per row). */
static uint8_t *zstore(const uint8_t *raw, size_t n, size_t *out_len) {
#ifdef NIACT_TEST_ZLIB
    uLongf zl = compressBound((uLong)n);
    uint8_t *zc = malloc(zl);
    if (zc && compress2(zc, &zl, raw, (uLong)n, 6) == Z_OK) {
        *out_len = zl;
        return zc;
    }
    free(zc);
#endif
    size_t blocks = n / 65535 + 1;
    uint8_t *z = malloc(2 + n + blocks * 5 + 4), *p = z;
    if (!z)
        return NULL;
    *p++ = 0x78, *p++ = 0x01;
    uint32_t a = 1, b = 0;
    for (size_t off = 0; off < n || off == 0;) {
        size_t len = n - off > 65535 ? 65535 : n - off;
        *p++ = off + len >= n ? 1 : 0;
        *p++ = (uint8_t)len, *p++ = (uint8_t)(len >> 8);
        *p++ = (uint8_t)~len, *p++ = (uint8_t)(~len >> 8);
        memcpy(p, raw + off, len);
        p += len;
        for (size_t i = 0; i < len; i++) {
            a = (a + raw[off + i]) % 65521;
            b = (b + a) % 65521;
        }
        off += len;
        if (n == 0)
            break;
    }
    be32(p, b << 16 | a);
    *out_len = (size_t)(p + 4 - z);
    return z;
}

int png_write_surface(const char *path, SDL_Surface *s) {
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb)
        return -1;
    crc_init();
    size_t row = (size_t)rgb->w * 3, n = (row + 1) * (size_t)rgb->h, zlen = 0;
    uint8_t *raw = malloc(n), *z = NULL;
    int ok = 0;
    FILE *f = NULL;
    if (!raw)
        goto done;
    for (int y = 0; y < rgb->h; y++) {
        raw[y * (row + 1)] = 0;
        memcpy(raw + y * (row + 1) + 1, (uint8_t *)rgb->pixels + y * rgb->pitch, row);
    }
    z = zstore(raw, n, &zlen);
    f = fopen(path, "wb");
    if (!z || !f)
        goto done;
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    uint8_t ihdr[13] = {0};
    be32(ihdr, (uint32_t)rgb->w);
    be32(ihdr + 4, (uint32_t)rgb->h);
    ihdr[8] = 8, ihdr[9] = 2; /* 8-bit RGB */
    ok = fwrite(sig, 1, 8, f) == 8 && chunk(f, "IHDR", ihdr, 13) &&
         chunk(f, "IDAT", z, (uint32_t)zlen) && chunk(f, "IEND", NULL, 0);
done:
    if (f && fclose(f) != 0)
        ok = 0;
    free(raw);
    free(z);
    SDL_FreeSurface(rgb);
    return ok ? 0 : -1;
}
