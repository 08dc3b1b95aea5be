/* A hostile client for tests/net/loopback.sh: everything a broken or malicious program
 * can send to `niact host` on 127.0.0.1, each step checking the host's answer. The host
 * must drop and log it and go on; the script then plays a whole game on that host.
 *   hostile PORT CODE     (CODE: a real seat's code, used for the out-of-turn tests;
 *                          the seat is left as it was)
 * Exit 0 when every answer was the expected one, 1 naming the first that was not.
 * Every wait is bounded (a few seconds at most; a connection is tried three times). */
#include <arpa/inet.h>
#include <enet/enet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/net.h"

static uint16_t port;
static int failures;

static void fail(const char *what) {
    fprintf(stderr, "hostile: FAILED: %s\n", what);
    failures++;
}

static ENetHost *client;

static ENetPeer *connect_with(uint32_t data) {
    ENetAddress a;
    enet_address_set_host_ip(&a, "127.0.0.1");
    a.port = port;
    /* Up to 5 s for this peer's CONNECT; anything else that arrives first (a late packet
     * or disconnect of an earlier, reset peer, on a loaded machine) is skipped. A host
     * still busy with the previous step's flood (seen under ASan on a machine with a load
     * of 20) is asked again, three times in all: what is checked is that it answers. */
    for (int attempt = 0; attempt < 3; attempt++) {
        ENetPeer *p = enet_host_connect(client, &a, 1, data);
        for (int waited = 0; p && waited < 5000; waited += 20) {
            ENetEvent e;
            if (enet_host_service(client, &e, 20) <= 0)
                continue;
            if (e.type == ENET_EVENT_TYPE_RECEIVE)
                enet_packet_destroy(e.packet);
            if (e.type == ENET_EVENT_TYPE_CONNECT && e.peer == p)
                return p;
        }
        if (p)
            enet_peer_reset(p);
        fprintf(stderr, "hostile: no answer to a connection within 5 s (attempt %d of 3)\n",
                attempt + 1);
    }
    return NULL;
}

static void send_bytes(ENetPeer *p, const void *b, size_t n, int reliable) {
    ENetPacket *pk = enet_packet_create(b, n, reliable ? ENET_PACKET_FLAG_RELIABLE : 0);
    if (enet_peer_send(p, 0, pk) != 0)
        enet_packet_destroy(pk);
    enet_host_flush(client);
}

static void send_msg(ENetPeer *p, const net_msg *m) {
    uint8_t buf[NET_MAX_PACKET];
    size_t n = net_encode(m, buf, sizeof buf);
    send_bytes(p, buf, n, 1);
}

/* Waits up to ms for a message of `type` (others are skipped); its text in text. Returns
 * 1 if it came, -1 if the connection closed first, 0 on time out. */
static int wait_for(ENetPeer *p, net_type type, int ms, char *text, size_t len, uint32_t *prompt,
                    uint8_t *kind) {
    for (int waited = 0; waited < ms; waited += 20) {
        ENetEvent e;
        int k = enet_host_service(client, &e, 20);
        if (k <= 0)
            continue;
        if (e.type == ENET_EVENT_TYPE_DISCONNECT && e.peer == p)
            return -1;
        if (e.type != ENET_EVENT_TYPE_RECEIVE || e.peer != p) { /* an earlier peer's: skip */
            if (e.type == ENET_EVENT_TYPE_RECEIVE)
                enet_packet_destroy(e.packet);
            continue;
        }
        net_msg m;
        char why[128];
        int ok = net_decode(e.packet->data, e.packet->dataLength, &m, why, sizeof why) == 0 &&
                 m.type == type;
        if (ok) {
            if (text)
                snprintf(text, len, "%.*s", (int)m.len, m.text);
            if (prompt)
                *prompt = m.prompt;
            if (kind)
                *kind = m.kind;
        }
        enet_packet_destroy(e.packet);
        if (ok)
            return 1;
    }
    return 0;
}

static int wait_gone(int ms) {
    for (int waited = 0; waited < ms; waited += 20) {
        ENetEvent e;
        int k = enet_host_service(client, &e, 20);
        if (k > 0 && e.type == ENET_EVENT_TYPE_RECEIVE)
            enet_packet_destroy(e.packet);
        if (k > 0 && e.type == ENET_EVENT_TYPE_DISCONNECT)
            return 1;
    }
    return 0;
}

static void drop_peer(ENetPeer *p) {
    enet_peer_disconnect(p, 0);
    wait_gone(1000);
    enet_peer_reset(p);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: hostile PORT CODE\n");
        return 2;
    }
    port = (uint16_t)atoi(argv[1]);
    const char *code = argv[2];
    if (enet_initialize() != 0)
        return 2;
    client = enet_host_create(NULL, 48, 1, 0, 0);
    if (!client)
        return 2;
    srand(12345);
    char text[NET_MAX_TEXT + 1];
    uint8_t kind = 0;

    /* 1. Plain UDP garbage, not ENet at all. */
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {0};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 300; i++) {
        unsigned char junk[1500];
        size_t n = (size_t)(rand() % (int)sizeof junk) + 1;
        for (size_t j = 0; j < n; j++)
            junk[j] = (unsigned char)rand();
        sendto(fd, junk, n, 0, (struct sockaddr *)&to, sizeof to);
    }
    close(fd);

    /* 2. Another protocol version: refused with a message that says both. */
    ENetPeer *p = connect_with(NET_CONNECT_DATA(NET_PROTOCOL + 1));
    if (!p)
        fail("the host did not answer a connection (after UDP garbage)");
    else if (wait_for(p, NET_BYE, 3000, text, sizeof text, NULL, &kind) != 1 ||
             kind != NET_BYE_VERSION || !strstr(text, "protocol"))
        fail("a client of another version was not refused with a version message");
    else
        printf("hostile: version refused: %s\n", text);
    if (p)
        wait_gone(2000), enet_peer_reset(p);

    /* 3. A wrong code. */
    p = connect_with(NET_CONNECT_DATA(NET_PROTOCOL));
    net_msg hello = net_msg_of(NET_HELLO, 0, 0, "WRONGCODE2", 10);
    if (p)
        send_msg(p, &hello);
    if (!p || wait_for(p, NET_BYE, 3000, text, sizeof text, NULL, &kind) != 1 ||
        kind != NET_BYE_CODE)
        fail("a wrong code was not refused");
    if (p)
        wait_gone(2000), enet_peer_reset(p);

    /* 4. Malformed messages before HELLO: random bytes, wrong lengths, bad UTF-8, a LINE
     * before HELLO, a host's message, unreliable packets; then a flood until the host
     * disconnects it. */
    p = connect_with(NET_CONNECT_DATA(NET_PROTOCOL));
    if (!p)
        fail("no connection for the malformed messages");
    else {
        const uint8_t bad_len[] = {NET_LINE, 1, 0, 0, 0, 0xff, 0xff, 'x'};
        const uint8_t bad_utf8[] = {NET_HELLO, 0, 2, 0xc3, 0x28};
        const uint8_t trailing[] = {NET_END, 0, 0};
        const uint8_t hostmsg[] = {NET_TEXT, 1, 0, 'x'};
        const uint8_t line_first[] = {NET_LINE, 1, 0, 0, 0, 1, 0, 'x'};
        send_bytes(p, bad_len, sizeof bad_len, 1);
        send_bytes(p, bad_utf8, sizeof bad_utf8, 1);
        send_bytes(p, trailing, sizeof trailing, 1);
        send_bytes(p, hostmsg, sizeof hostmsg, 1);
        send_bytes(p, line_first, sizeof line_first, 1);
        send_bytes(p, line_first, sizeof line_first, 0);
        for (int i = 0; i < 400; i++) {
            uint8_t junk[64];
            size_t n = (size_t)(rand() % 64) + 1;
            for (size_t j = 0; j < n; j++)
                junk[j] = (uint8_t)rand();
            if (junk[0] == NET_HELLO)
                junk[0] = 0x7f;
            send_bytes(p, junk, n, 1);
        }
        if (wait_for(p, NET_BYE, 4000, text, sizeof text, NULL, &kind) != 1 ||
            kind != NET_BYE_FLOOD)
            fail("a flood of malformed messages was not cut off");
        wait_gone(2000);
        enet_peer_reset(p);
    }

    /* 5. An oversized packet (larger than the protocol's limit). */
    p = connect_with(NET_CONNECT_DATA(NET_PROTOCOL));
    if (!p)
        fail("no connection for the oversized packet");
    else {
        static uint8_t big[200000];
        memset(big, 'A', sizeof big);
        big[0] = NET_LINE;
        send_bytes(p, big, sizeof big, 1);
        wait_for(p, NET_BYE, 1500, NULL, 0, NULL, NULL);
        drop_peer(p);
    }

    /* 6. A real seat's code: out-of-turn and replayed commands are dropped, the seat's
     * own prompt is answered; a second HELLO ends the connection. */
    p = connect_with(NET_CONNECT_DATA(NET_PROTOCOL));
    uint32_t prompt = 0;
    net_msg seat = net_msg_of(NET_HELLO, 0, 0, code, strlen(code));
    if (p)
        send_msg(p, &seat);
    if (!p || wait_for(p, NET_PROMPT, 4000, NULL, 0, &prompt, NULL) != 1)
        fail("the seat's code got no prompt");
    else {
        net_msg wrong = net_msg_of(NET_LINE, 0, prompt + 7, "status", 6);
        net_msg replay = net_msg_of(NET_LINE, 0, prompt - 1, "status", 6);
        send_msg(p, &wrong);
        send_msg(p, &replay);
        if (wait_for(p, NET_TEXT, 700, NULL, 0, NULL, NULL) == 1)
            fail("a command answering the wrong prompt was answered");
        net_msg right = net_msg_of(NET_LINE, 0, prompt, "status", 6);
        send_msg(p, &right);
        if (wait_for(p, NET_TEXT, 3000, text, sizeof text, NULL, NULL) != 1 ||
            !strstr(text, "knows"))
            fail("the seat's own command was not answered");
        send_msg(p, &right); /* the same prompt again: a replay */
        uint32_t next = 0;
        if (wait_for(p, NET_PROMPT, 2000, NULL, 0, &next, NULL) != 1 || next == prompt)
            fail("no new prompt after the command");
        send_msg(p, &right); /* the old prompt: dropped */
        if (wait_for(p, NET_TEXT, 700, NULL, 0, NULL, NULL) == 1)
            fail("a replayed command was answered");
        /* The seat gives its orders (none); a command after that is out of turn. */
        net_msg done = net_msg_of(NET_LINE, 0, next, "done", 4);
        send_msg(p, &done);
        if (wait_for(p, NET_TEXT, 3000, text, sizeof text, NULL, NULL) != 1 ||
            !strstr(text, "Orders given"))
            fail("the seat's 'done' was not taken");
        net_msg late = net_msg_of(NET_LINE, 0, next, "order 1", 7);
        send_msg(p, &late);
        if (wait_for(p, NET_TEXT, 700, NULL, 0, NULL, NULL) == 1)
            fail("a command after the seat's orders were given was answered");
        send_msg(p, &seat); /* a second HELLO */
        if (wait_for(p, NET_BYE, 3000, NULL, 0, NULL, &kind) != 1 || kind != NET_BYE_PROTOCOL)
            fail("a second HELLO did not end the connection");
        wait_gone(2000);
        enet_peer_reset(p);
    }

    /* 7. A flood of connections that never say HELLO: more than the host takes. */
    ENetPeer *many[40];
    int n_many = 0;
    ENetAddress a;
    enet_address_set_host_ip(&a, "127.0.0.1");
    a.port = port;
    for (int i = 0; i < 40; i++)
        if ((many[n_many] = enet_host_connect(client, &a, 1, NET_CONNECT_DATA(NET_PROTOCOL))))
            n_many++;
    for (int t = 0; t < 50; t++) {
        ENetEvent e;
        if (enet_host_service(client, &e, 20) > 0 && e.type == ENET_EVENT_TYPE_RECEIVE)
            enet_packet_destroy(e.packet);
    }
    for (int i = 0; i < n_many; i++)
        enet_peer_disconnect_now(many[i], 0);
    enet_host_flush(client);
    enet_host_destroy(client);
    enet_deinitialize();
    if (failures)
        return 1;
    printf("hostile: every hostile message was refused as expected\n");
    return 0;
}
