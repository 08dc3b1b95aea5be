/* libFuzzer target: a seat view as a network client receives it (VIEW pieces put
 * together by net_view_add, then niact_session_remote_apply on a remote session of
 * November 1962's US seat). Whatever the bytes: no crash, no read past them, and a view
 * that is refused leaves the mirror as it was. The first bytes choose how the input is
 * cut into VIEW pieces. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"
#include "niact/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static niact_status io_tell(void *ud, niact_session *s, const niact_command *c, niact_reply *r) {
    (void)ud, (void)s, (void)c, (void)r;
    return NIACT_ERR_IO;
}

static niact_status io_wait(void *ud, niact_session *s) {
    (void)ud, (void)s;
    return NIACT_ERR_IO;
}

static niact_session *S;

static uint64_t seen(void) {
    const niact_game *g = niact_session_view(S);
    uint64_t h = (uint64_t)niact_game_turn(g) * 31u + niact_game_log_size(g);
    int n;
    niact_session_draft(S, 0, &n);
    return h * 31u + (uint64_t)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!S) {
        char msg[4096];
        niact_host *h = NULL;
        niact_remote_io io = {NULL, io_tell, io_wait};
        if (niact_session_load(NIACT_SCRIPTS_DIR "/scenarios/november1962", NULL, &h, NULL, 0,
                               msg, sizeof msg) != NIACT_OK ||
            niact_session_remote(h, 0, &io, &S, msg, sizeof msg) != NIACT_OK)
            abort();
        niact_session_own_host(S);
    }
    if (size < 1)
        return 0;
    size_t piece = 1 + data[0] * 37u; /* bytes a piece */
    data++, size--;
    net_view_buf v;
    memset(&v, 0, sizeof v);
    size_t parts = size ? (size + piece - 1) / piece : 1;
    if (parts > NET_VIEW_PARTS || piece > NET_VIEW_CHUNK)
        return 0;
    char why[160];
    int done = 0;
    for (size_t i = 0; i < parts && size; i++) {
        size_t at = i * piece, n = size - at < piece ? size - at : piece;
        net_msg m = net_msg_of(NET_VIEW, 0, 1, (const char *)data + at, n);
        m.part = (uint16_t)i, m.parts = (uint16_t)parts;
        done = net_view_add(&v, &m, why, sizeof why);
        if (done < 0)
            abort(); /* in order, one id: it must take every piece */
    }
    if (done == 1) {
        uint64_t before = seen();
        int moved;
        if (niact_session_remote_apply(S, v.data, v.len, 0, &moved) != NIACT_OK &&
            seen() != before)
            abort();
    }
    net_view_free(&v);
    return 0;
}
