/* The client's side of the network (net.h): one ENet connection to a host. */
#include "net/net.h"

#include <enet/enet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct net_client {
    ENetHost *h;
    ENetPeer *p;
    ENetPacket *held; /* the packet the last message points into */
    int bad;          /* messages from the host that did not decode */
    FILE *trace;      /* every byte received is appended here (tests), or NULL */
};

void net_client_trace(net_client *c, FILE *f) {
    c->trace = f;
}

static int client_enet_ready;

/* Why the host closed the connection, from its disconnect data. */
static void gone_reason(uint32_t data, char *msg, size_t len) {
    if ((data & 0xffff0000u) == NET_CONNECT_DATA(0) && (data & 0xffffu) != NET_PROTOCOL)
        snprintf(msg, len, "the host speaks niact network protocol %u and this niact speaks "
                 "%d: use the same version of niact on every computer",
                 (unsigned)(data & 0xffffu), NET_PROTOCOL);
    else
        snprintf(msg, len, "the host closed the connection (or stopped answering)");
}

net_client *net_client_connect(const char *host, uint16_t port, int timeout_ms, char *msg,
                               size_t msglen) {
    if (!client_enet_ready) {
        if (enet_initialize() != 0) {
            snprintf(msg, msglen, "the network library (ENet) did not start");
            return NULL;
        }
        atexit(enet_deinitialize);
        client_enet_ready = 1;
    }
    ENetAddress a;
    if (enet_address_set_host(&a, host) != 0) {
        snprintf(msg, msglen, "no computer named '%s' was found", host);
        return NULL;
    }
    a.port = port;
    net_client *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    c->h = enet_host_create(NULL, 1, 1, 0, 0);
    if (!c->h) {
        snprintf(msg, msglen, "could not open a network socket");
        free(c);
        return NULL;
    }
    c->h->maximumPacketSize = NET_MAX_PACKET;
    c->h->maximumWaitingData = 64 * NET_MAX_PACKET;
    c->p = enet_host_connect(c->h, &a, 1, NET_CONNECT_DATA(NET_PROTOCOL));
    ENetEvent e;
    int k = c->p ? enet_host_service(c->h, &e, (enet_uint32)timeout_ms) : -1;
    if (k > 0 && e.type == ENET_EVENT_TYPE_CONNECT) {
        enet_peer_timeout(c->p, 32, 3000, 10000);
        return c;
    }
    if (k > 0 && e.type == ENET_EVENT_TYPE_DISCONNECT)
        gone_reason(e.data, msg, msglen);
    else
        snprintf(msg, msglen, "nobody answered at %s port %u within %d s (is the host running? "
                 "is UDP port %u open in its firewall?)", host, (unsigned)port,
                 timeout_ms / 1000, (unsigned)port);
    if (k > 0 && e.type == ENET_EVENT_TYPE_RECEIVE)
        enet_packet_destroy(e.packet);
    enet_host_destroy(c->h);
    free(c);
    return NULL;
}

int net_client_poll(net_client *c, net_msg *m, int timeout_ms, char *msg, size_t msglen) {
    if (c->held) {
        enet_packet_destroy(c->held);
        c->held = NULL;
    }
    ENetEvent e;
    int k = enet_host_service(c->h, &e, (enet_uint32)(timeout_ms > 0 ? timeout_ms : 0));
    if (k < 0) {
        snprintf(msg, msglen, "the network returned an error");
        return -1;
    }
    if (k == 0)
        return 0;
    if (e.type == ENET_EVENT_TYPE_DISCONNECT) {
        gone_reason(e.data, msg, msglen);
        c->p = NULL;
        return -1;
    }
    if (e.type != ENET_EVENT_TYPE_RECEIVE)
        return 0;
    if (c->trace) {
        fwrite(e.packet->data, 1, e.packet->dataLength, c->trace);
        fflush(c->trace);
    }
    char why[160];
    if (net_decode(e.packet->data, e.packet->dataLength, m, why, sizeof why) != 0 ||
        m->type == NET_HELLO || m->type == NET_LINE || m->type == NET_CMD) {
        enet_packet_destroy(e.packet);
        if (++c->bad >= NET_BAD_LIMIT) {
            snprintf(msg, msglen, "the host sent too many messages this niact cannot read");
            return -1;
        }
        fprintf(stderr, "niact join: dropped a message from the host: %s\n",
                m->type == NET_HELLO || m->type == NET_LINE || m->type == NET_CMD
                    ? "a client's message" : why);
        return 0;
    }
    c->held = e.packet;
    return 1;
}

int net_client_send(net_client *c, const net_msg *m) {
    uint8_t buf[NET_MAX_PACKET];
    size_t n = net_encode(m, buf, sizeof buf);
    return n ? net_client_send_raw(c, buf, n) : -1;
}

int net_client_send_raw(net_client *c, const uint8_t *buf, size_t n) {
    if (!n || n > NET_MAX_PACKET || !c->p)
        return -1;
    ENetPacket *p = enet_packet_create(buf, n, ENET_PACKET_FLAG_RELIABLE);
    if (!p)
        return -1;
    if (enet_peer_send(c->p, 0, p) != 0) {
        enet_packet_destroy(p);
        return -1;
    }
    enet_host_flush(c->h);
    return 0;
}

void net_client_close(net_client *c, int timeout_ms) {
    if (!c)
        return;
    if (c->held)
        enet_packet_destroy(c->held);
    if (c->p) {
        enet_peer_disconnect(c->p, 0);
        ENetEvent e;
        int waited = 0;
        while (waited < timeout_ms) {
            int k = enet_host_service(c->h, &e, 20);
            waited += 20;
            if (k > 0 && e.type == ENET_EVENT_TYPE_RECEIVE)
                enet_packet_destroy(e.packet);
            else if (k > 0 && e.type == ENET_EVENT_TYPE_DISCONNECT)
                break;
        }
    }
    enet_host_destroy(c->h);
    free(c);
}
