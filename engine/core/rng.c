/* PCG32 (XSH-RR), after O'Neill 2014: a 64-bit LCG whose output is a xorshifted,
 * randomly rotated 32-bit word. Constants are the reference multiplier. */
#include "niact/rng.h"

#define PCG_MULT 6364136223846793005ULL

void niact_rng_seed(niact_rng *r, uint64_t seed, uint64_t stream) {
    r->state = 0;
    r->inc = (stream << 1u) | 1u;
    (void)niact_rng_next(r);
    r->state += seed;
    (void)niact_rng_next(r);
}

uint32_t niact_rng_next(niact_rng *r) {
    uint64_t old = r->state;
    r->state = old * PCG_MULT + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

/* Rejection sampling: values below 2^32 mod bound would make low results likelier. */
uint32_t niact_rng_below(niact_rng *r, uint32_t bound) {
    if (bound == 0)
        return 0;
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t x = niact_rng_next(r);
        if (x >= threshold)
            return x % bound;
    }
}

int32_t niact_rng_range(niact_rng *r, int32_t lo, int32_t hi) {
    if (hi <= lo)
        return lo;
    uint32_t span = (uint32_t)((int64_t)hi - (int64_t)lo + 1);
    if (span == 0) /* the full 32-bit range */
        return (int32_t)niact_rng_next(r);
    return (int32_t)((int64_t)lo + niact_rng_below(r, span));
}
