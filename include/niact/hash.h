/* FNV-1a, 64 bits: the canonical state hash. Values are fed as little-endian bytes so
 * the hash is the same on every machine. */
#ifndef NIACT_HASH_H
#define NIACT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define NIACT_HASH_INIT 0xcbf29ce484222325ULL

static inline uint64_t niact_hash_bytes(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static inline uint64_t niact_hash_u64(uint64_t h, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        h ^= (unsigned char)(v >> (8 * i));
        h *= 0x100000001b3ULL;
    }
    return h;
}

static inline uint64_t niact_hash_i32s(uint64_t h, const int32_t *v, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint32_t u = (uint32_t)v[i];
        for (int k = 0; k < 4; k++) {
            h ^= (unsigned char)(u >> (8 * k));
            h *= 0x100000001b3ULL;
        }
    }
    return h;
}

#endif
