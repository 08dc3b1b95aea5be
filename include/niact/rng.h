/* The game's only source of chance: PCG32 (O'Neill, "PCG: A Family of Simple Fast
 * Space-Efficient Statistically Good Algorithms for Random Number Generation", 2014),
 * the XSH-RR output function over a 64-bit LCG. Plain data, copied with the game. */
#ifndef NIACT_RNG_H
#define NIACT_RNG_H

#include <stdint.h>

typedef struct niact_rng {
    uint64_t state; /* LCG state */
    uint64_t inc;   /* stream selector, always odd */
} niact_rng;

/* Seeds the generator; the same seed and stream give the same sequence everywhere. */
void niact_rng_seed(niact_rng *r, uint64_t seed, uint64_t stream);
/* The next 32 random bits. */
uint32_t niact_rng_next(niact_rng *r);
/* A uniform integer in [0, bound) without modulo bias; bound 0 gives 0. */
uint32_t niact_rng_below(niact_rng *r, uint32_t bound);
/* A uniform integer in [lo, hi] (lo <= hi). */
int32_t niact_rng_range(niact_rng *r, int32_t lo, int32_t hi);

#endif
