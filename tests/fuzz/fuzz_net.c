/* libFuzzer target: the network protocol's decoder (engine/net/proto.c), which reads
 * every packet a client or a host receives. Whatever the bytes: no crash, no read past
 * the packet, and a packet that decodes encodes back to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/net.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    net_msg m;
    char why[160];
    if (net_decode(data, size, &m, why, sizeof why) != 0)
        return 0;
    static uint8_t again[NET_MAX_PACKET];
    size_t n = net_encode(&m, again, sizeof again);
    if (n != size || memcmp(again, data, size) != 0)
        abort();
    if (m.type == NET_HELLO) {
        char code[NET_CODE_LEN + 1] = "ABCDEFGHJK";
        (void)net_code_equal(code, m.text, m.len);
    }
    return 0;
}
