/* The engine's one hash and one mixer.
 *
 * FNV-1a, 64 bits (Fowler, Noll, Vo): the canonical state hash, the log's running hash
 * and the scenario's content hash. Values are fed as little-endian bytes so the hash is
 * the same on every machine.
 *
 * niact_mix64: the SplitMix64 finalizer (Steele, Lea, Flood 2014), which turns related
 * numbers (a seed and an index) into unrelated ones: the seeds of a simulation's games,
 * of the AI's sampled worlds and playouts. */
#ifndef NIACT_HASH_H
#define NIACT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define NIACT_HASH_INIT 0xcbf29ce484222325ULL

static inline uint64_t niact_hash_bytes(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) { /* the same bytes in the same order, less loop per byte */
        h = (h ^ p[i]) * 0x100000001b3ULL;
        h = (h ^ p[i + 1]) * 0x100000001b3ULL;
        h = (h ^ p[i + 2]) * 0x100000001b3ULL;
        h = (h ^ p[i + 3]) * 0x100000001b3ULL;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
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

/* SplitMix64's output function: a bijection of 64-bit values with good avalanche. */
static inline uint64_t niact_mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* The i-th (0-based) value of the SplitMix64 sequence from `base`. */
static inline uint64_t niact_mix_seq(uint64_t base, uint64_t i) {
    return niact_mix64(base + (i + 1) * 0x9e3779b97f4a7c15ULL);
}

#endif
