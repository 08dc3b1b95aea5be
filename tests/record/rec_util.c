/* Helpers of the record tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "rec_util.h"

niact_host *ru_host(void) {
    niact_host *h = NULL;
    char msg[4096];
    if (niact_host_load(TESTLAND, LIBDIR, NULL, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("testland does not load: %s", msg);
    return h;
}

void ru_seats(uint64_t seed, niact_seat *seats) {
    static const char *const kinds[] = {"ai", "ai:historical", "ai", "ai:hawk"};
    memset(seats, 0, sizeof(niact_seat) * NIACT_MAX_ROLES);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        niact_seat_parse(kinds[(seed >> (2 * r)) % 4], &seats[r]);
}

niact_session *ru_game(niact_host *h, uint64_t seed, int turns) {
    niact_seat seats[NIACT_MAX_ROLES];
    niact_session *s = NULL;
    char msg[1024];
    ru_seats(seed, seats);
    if (niact_session_new(h, seed, seats, &s, msg, sizeof msg) != NIACT_OK)
        fail_msg("session: %s", msg);
    for (int t = 0; t < turns && niact_game_phase(niact_session_game(s)) != NIACT_PHASE_ENDED;
         t++)
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
    return s;
}

int ru_submit_some(niact_session *s, uint32_t mask) {
    const niact_scenario *sc = niact_session_scenario(s);
    if (niact_game_phase(niact_session_game(s)) == NIACT_PHASE_ENDED)
        return 0;
    for (int r = 0; r < sc->n_roles; r++) {
        if (!(mask & (1u << r)))
            continue;
        niact_order os[NIACT_MAX_ORDERS];
        int n = 0;
        assert_int_equal(niact_session_random_orders(s, r, os, &n), NIACT_OK);
        assert_int_equal(niact_session_submit(s, r, os, n), NIACT_OK);
    }
    return 1;
}

niact_status ru_load(niact_host *h, const char *text, size_t len, niact_loaded *l, char *msg,
                     size_t msglen) {
    niact_record_opts o = {0};
    o.host = h;
    return niact_record_load_text(text, len, &o, l, msg, msglen);
}

char *ru_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

void ru_spit(const char *path, const void *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}
