/* The host's side of the network (net.h): ENet connections, the version check, and
 * everything a hostile or broken client can send, handled here before the game sees
 * it. What reaches the game is a well-formed HELLO from a connection that has not said
 * one, or a well-formed LINE from a connection the game accepted as a seat, within its
 * rate. Memory is bounded: NET_MAX_PEERS connections, packets of NET_MAX_PACKET bytes,
 * a per-connection buffer of waiting fragments, and a per-connection count of bytes
 * queued to it. */
#include "net/net.h"

#include <enet/enet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LOG_PER_S 5 /* log lines a second per connection (then counted, said later) */

typedef enum slot_state {
    SLOT_FREE = 0,
    SLOT_NEW,      /* connected, no HELLO yet */
    SLOT_HELLO,    /* said HELLO: the game decides */
    SLOT_SEAT,     /* accepted: may send LINEs */
    SLOT_KICKED,   /* being disconnected: everything it sends is ignored */
} slot_state;

typedef struct slot {
    slot_state state;
    int role;              /* SLOT_SEAT: the seat's role, or NET_PROJECTOR_ROLE */
    uint64_t since;        /* ms: when it connected */
    double tokens;         /* the rate limit's bucket */
    uint64_t refill;       /* ms: when the bucket was last filled */
    int bad;               /* messages dropped */
    uint64_t log_second;   /* the second its log lines are counted in */
    int logged, hidden;    /* lines logged this second, lines not logged */
    size_t queued;         /* bytes of packets to it not yet delivered */
    int told;              /* the game has heard of it (HELLO): it hears of its end too */
    char name[64];
} slot;

struct net_server {
    ENetHost *h;
    slot s[NET_MAX_PEERS];
    ENetPacket *held; /* the packet the last event points into */
    uint16_t port;
};

static int enet_ready;

static int net_init(char *msg, size_t len) {
    if (enet_ready)
        return 0;
    if (enet_initialize() != 0) {
        snprintf(msg, len, "the network library (ENet) did not start");
        return -1;
    }
    atexit(enet_deinitialize);
    enet_ready = 1;
    return 0;
}

static uint64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

static int index_of(const net_server *sv, const ENetPeer *p) {
    ptrdiff_t i = p - sv->h->peers;
    return i >= 0 && i < NET_MAX_PEERS ? (int)i : -1;
}

net_server *net_server_open(const char *bind_addr, uint16_t port, char *msg, size_t msglen) {
    if (net_init(msg, msglen) != 0)
        return NULL;
    ENetAddress a;
    a.host = ENET_HOST_ANY;
    a.port = port;
    if (bind_addr && bind_addr[0] && enet_address_set_host_ip(&a, bind_addr) != 0) {
        snprintf(msg, msglen, "'%s' is not an IPv4 address of this computer", bind_addr);
        return NULL;
    }
    net_server *sv = calloc(1, sizeof *sv);
    if (!sv) {
        snprintf(msg, msglen, "out of memory");
        return NULL;
    }
    sv->h = enet_host_create(&a, NET_MAX_PEERS, 1, 0, 0);
    if (!sv->h) {
        snprintf(msg, msglen, "could not listen on UDP port %u (is another host running "
                              "there? try --port)", (unsigned)port);
        free(sv);
        return NULL;
    }
    sv->h->maximumPacketSize = NET_MAX_PACKET;
    sv->h->maximumWaitingData = 4 * NET_MAX_PACKET;
    sv->h->duplicatePeers = NET_MAX_PEERS / 2; /* one address cannot take every place */
    ENetAddress got;
    sv->port = enet_socket_get_address(sv->h->socket, &got) == 0 ? got.port : port;
    return sv;
}

uint16_t net_server_port(const net_server *sv) {
    return sv->port;
}

const char *net_server_peer_name(const net_server *sv, int peer) {
    return peer >= 0 && peer < NET_MAX_PEERS ? sv->s[peer].name : "?";
}

/* limited: one of many lines of a kind (dropped messages), at most LOG_PER_S a second
 * per connection; the others (connections, refusals, disconnections) are always said. */
static void drop(net_server *sv, int i, const char *why);

static void vlog(net_server *sv, int peer, int limited, const char *fmt, va_list ap) {
    slot *sl = peer >= 0 && peer < NET_MAX_PEERS ? &sv->s[peer] : NULL;
    if (sl && limited) {
        uint64_t sec = now_ms() / 1000u;
        if (sec != sl->log_second) {
            if (sl->hidden)
                fprintf(stderr, "niact host: %s: (%d more lines like these not shown)\n",
                        sl->name, sl->hidden);
            sl->log_second = sec, sl->logged = 0, sl->hidden = 0;
        }
        if (sl->logged >= LOG_PER_S) {
            sl->hidden++;
            return;
        }
        sl->logged++;
    }
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "niact host: %s%s%s\n", sl ? sl->name : "", sl ? ": " : "", line);
}

void net_server_log(net_server *sv, int peer, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vlog(sv, peer, 0, fmt, ap);
    va_end(ap);
}

static void log_limited(net_server *sv, int peer, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void log_limited(net_server *sv, int peer, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vlog(sv, peer, 1, fmt, ap);
    va_end(ap);
}

void net_server_drop(net_server *sv, int peer, const char *fmt, ...) {
    if (peer < 0 || peer >= NET_MAX_PEERS)
        return;
    char why[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    drop(sv, peer, why);
}

static void free_slot(net_server *sv, int i) {
    size_t queued = sv->s[i].queued; /* packets still held by ENet free themselves later */
    memset(&sv->s[i], 0, sizeof sv->s[i]);
    sv->s[i].queued = queued;
}

/* A packet to a peer is freed by ENet once delivered (or when the peer goes): its bytes
 * are then no longer queued. */
static void packet_freed(ENetPacket *p) {
    size_t *queued = p->userData;
    if (queued)
        *queued = *queued >= p->dataLength ? *queued - p->dataLength : 0;
}

static int send_raw(net_server *sv, int peer, const net_msg *m) {
    uint8_t buf[NET_MAX_PACKET];
    size_t n = net_encode(m, buf, sizeof buf);
    if (!n)
        return -1;
    ENetPacket *p = enet_packet_create(buf, n, ENET_PACKET_FLAG_RELIABLE);
    if (!p)
        return -1;
    p->userData = &sv->s[peer].queued;
    p->freeCallback = packet_freed;
    sv->s[peer].queued += n;
    if (enet_peer_send(&sv->h->peers[peer], 0, p) != 0) {
        enet_packet_destroy(p);
        return -1;
    }
    return 0;
}

int net_server_send(net_server *sv, int peer, const net_msg *m) {
    if (peer < 0 || peer >= NET_MAX_PEERS || sv->s[peer].state == SLOT_FREE ||
        sv->s[peer].state == SLOT_KICKED)
        return -1;
    if (m->type != NET_TEXT || m->len <= NET_MAX_TEXT)
        return send_raw(sv, peer, m);
    /* A long screen: pieces of at most NET_MAX_TEXT bytes, cut between characters. */
    size_t at = 0;
    while (at < m->len) {
        size_t n = m->len - at > NET_MAX_TEXT ? NET_MAX_TEXT : m->len - at;
        while (n > 0 && at + n < m->len && ((unsigned char)m->text[at + n] & 0xC0) == 0x80)
            n--;
        net_msg part = net_msg_of(NET_TEXT, 0, 0, m->text + at, n);
        if (!n || send_raw(sv, peer, &part) != 0)
            return -1;
        at += n;
    }
    return 0;
}

int net_server_send_view(net_server *sv, int peer, uint32_t id, const char *data, size_t len) {
    if (peer < 0 || peer >= NET_MAX_PEERS || sv->s[peer].state != SLOT_SEAT || !len)
        return -1;
    size_t parts = (len + NET_VIEW_CHUNK - 1) / NET_VIEW_CHUNK;
    if (parts > NET_VIEW_PARTS)
        return -1;
    for (size_t i = 0; i < parts; i++) {
        size_t at = i * NET_VIEW_CHUNK, n = len - at > NET_VIEW_CHUNK ? NET_VIEW_CHUNK : len - at;
        net_msg m = net_msg_of(NET_VIEW, 0, id, data + at, n);
        m.part = (uint16_t)i, m.parts = (uint16_t)parts;
        if (send_raw(sv, peer, &m) != 0)
            return -1;
    }
    return 0;
}

int net_server_backlog(const net_server *sv, int peer) {
    return peer >= 0 && peer < NET_MAX_PEERS && sv->s[peer].queued > NET_QUEUE_LIMIT;
}

void net_server_kick(net_server *sv, int peer, net_bye reason, const char *text) {
    if (peer < 0 || peer >= NET_MAX_PEERS || sv->s[peer].state == SLOT_FREE ||
        sv->s[peer].state == SLOT_KICKED)
        return;
    net_msg bye = net_msg_of(NET_BYE, (uint8_t)reason, 0, text, strlen(text));
    if (bye.len > NET_MAX_TEXT)
        bye.len = NET_MAX_TEXT;
    send_raw(sv, peer, &bye);
    /* The connect data of this version, so that a client of any version can say which
     * version the host speaks. */
    enet_peer_disconnect_later(&sv->h->peers[peer], NET_CONNECT_DATA(NET_PROTOCOL));
    sv->s[peer].state = SLOT_KICKED;
}

void net_server_accept(net_server *sv, int peer, int role) {
    if (peer >= 0 && peer < NET_MAX_PEERS && sv->s[peer].state == SLOT_HELLO) {
        sv->s[peer].state = SLOT_SEAT;
        sv->s[peer].role = role;
    }
}

/* A message dropped: counted, logged; too many and the connection is closed. */
static void drop(net_server *sv, int i, const char *why) {
    slot *sl = &sv->s[i];
    sl->bad++;
    log_limited(sv, i, "dropped a message: %s", why);
    if (sl->bad >= NET_BAD_LIMIT) {
        net_server_log(sv, i, "disconnected: %d messages dropped", sl->bad);
        net_server_kick(sv, i, NET_BYE_FLOOD,
                        "The host disconnected you: too many messages it could not take.");
    }
}

static void on_connect(net_server *sv, ENetEvent *e) {
    int i = index_of(sv, e->peer);
    if (i < 0) {
        enet_peer_reset(e->peer);
        return;
    }
    free_slot(sv, i);
    slot *sl = &sv->s[i];
    sl->state = SLOT_NEW;
    sl->since = sl->refill = now_ms();
    sl->tokens = NET_RATE_BURST;
    char ip[48] = "?";
    enet_address_get_host_ip(&e->peer->address, ip, sizeof ip);
    snprintf(sl->name, sizeof sl->name, "%s:%u", ip, (unsigned)e->peer->address.port);
    /* A dropped laptop is noticed within 10 s. */
    enet_peer_timeout(e->peer, 32, 3000, 10000);
    if (e->data != NET_CONNECT_DATA(NET_PROTOCOL)) {
        char text[300];
        if ((e->data & 0xffff0000u) == NET_CONNECT_DATA(0))
            snprintf(text, sizeof text,
                     "This host speaks niact network protocol %d (niact %s); your niact "
                     "speaks protocol %u. Use the same version of niact on every computer.",
                     NET_PROTOCOL, NIACT_VERSION, (unsigned)(e->data & 0xffffu));
        else
            snprintf(text, sizeof text, "This is a niact host (protocol %d, niact %s); "
                     "connect with niact join.", NET_PROTOCOL, NIACT_VERSION);
        net_server_log(sv, i, "refused: not niact protocol %d (connect data 0x%08x)",
                       NET_PROTOCOL, (unsigned)e->data);
        net_server_kick(sv, i, NET_BYE_VERSION, text);
    }
}

/* The rate limit: NET_RATE_PER_S a second, bursts of NET_RATE_BURST. */
static int within_rate(slot *sl) {
    uint64_t t = now_ms();
    sl->tokens += (double)(t - sl->refill) * NET_RATE_PER_S / 1000.0;
    if (sl->tokens > NET_RATE_BURST)
        sl->tokens = NET_RATE_BURST;
    sl->refill = t;
    if (sl->tokens < 1)
        return 0;
    sl->tokens -= 1;
    return 1;
}

/* 1 if the packet is an event for the game (*ev filled, the packet held). */
static int on_receive(net_server *sv, ENetEvent *e, net_event *ev) {
    int i = index_of(sv, e->peer);
    ENetPacket *p = e->packet;
    if (i < 0 || sv->s[i].state == SLOT_FREE || sv->s[i].state == SLOT_KICKED) {
        enet_packet_destroy(p);
        return 0;
    }
    slot *sl = &sv->s[i];
    char why[160];
    net_msg m;
    if (!within_rate(sl))
        drop(sv, i, "more messages a second than a seat sends");
    else if (!(p->flags & ENET_PACKET_FLAG_RELIABLE))
        drop(sv, i, "not sent reliably (niact sends every message reliably)");
    else if (net_decode(p->data, p->dataLength, &m, why, sizeof why) != 0)
        drop(sv, i, why);
    else if (m.type == NET_HELLO && sl->state != SLOT_NEW) {
        net_server_log(sv, i, "disconnected: a second HELLO");
        net_server_kick(sv, i, NET_BYE_PROTOCOL, "The host disconnected you: a second HELLO.");
    } else if (m.type == NET_HELLO) {
        sl->state = SLOT_HELLO;
        sl->told = 1;
        ev->kind = NET_EV_HELLO, ev->peer = i, ev->m = m;
        sv->held = p;
        return 1;
    } else if (m.type == NET_LINE && sl->state == SLOT_SEAT &&
               sl->role != NET_PROJECTOR_ROLE) {
        ev->kind = NET_EV_LINE, ev->peer = i, ev->m = m;
        sv->held = p;
        return 1;
    } else if (m.type == NET_CMD && sl->state == SLOT_SEAT &&
               sl->role != NET_PROJECTOR_ROLE) {
        ev->kind = NET_EV_CMD, ev->peer = i, ev->m = m;
        sv->held = p;
        return 1;
    } else if (m.type == NET_LINE || m.type == NET_CMD)
        drop(sv, i, sl->state == SLOT_SEAT ? "a command from a projector"
                                           : "a command before the seat was accepted");
    else
        drop(sv, i, "a host's message sent by a client");
    enet_packet_destroy(p);
    return 0;
}

int net_server_poll(net_server *sv, net_event *ev, int timeout_ms) {
    memset(ev, 0, sizeof *ev);
    if (sv->held) {
        enet_packet_destroy(sv->held);
        sv->held = NULL;
    }
    uint64_t end = now_ms() + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0);
    for (;;) {
        uint64_t t = now_ms();
        for (int i = 0; i < NET_MAX_PEERS; i++)
            if (sv->s[i].state == SLOT_NEW && t - sv->s[i].since > NET_HELLO_MS) {
                net_server_log(sv, i, "disconnected: no HELLO within %d s", NET_HELLO_MS / 1000);
                net_server_kick(sv, i, NET_BYE_PROTOCOL,
                                "The host disconnected you: no HELLO in time.");
            }
        ENetEvent e;
        int left = t < end ? (int)(end - t) : 0;
        int k = enet_host_service(sv->h, &e, (enet_uint32)(left > 50 ? 50 : left));
        if (k < 0) {
            net_server_log(sv, -1, "the network returned an error (going on)");
            k = 0;
        }
        if (k > 0) {
            int i = index_of(sv, e.peer);
            switch (e.type) {
            case ENET_EVENT_TYPE_CONNECT:
                on_connect(sv, &e);
                break;
            case ENET_EVENT_TYPE_RECEIVE:
                if (on_receive(sv, &e, ev))
                    return 1;
                break;
            case ENET_EVENT_TYPE_DISCONNECT:
                if (i >= 0 && sv->s[i].state != SLOT_FREE) {
                    int told = sv->s[i].told;
                    if (sv->s[i].hidden)
                        net_server_log(sv, -1, "%s: (%d more lines not shown)", sv->s[i].name,
                                       sv->s[i].hidden);
                    free_slot(sv, i);
                    if (told) {
                        ev->kind = NET_EV_GONE, ev->peer = i;
                        return 1;
                    }
                }
                break;
            default:
                break;
            }
            continue; /* more events may be waiting */
        }
        if (now_ms() >= end)
            return 0;
    }
}

void net_server_flush(net_server *sv, int timeout_ms) {
    uint64_t end = now_ms() + (uint64_t)timeout_ms;
    enet_host_flush(sv->h);
    for (;;) {
        int busy = 0;
        for (int i = 0; i < NET_MAX_PEERS; i++)
            busy |= sv->s[i].state != SLOT_FREE && sv->s[i].queued > 0;
        if (!busy || now_ms() >= end)
            break;
        ENetEvent e;
        if (enet_host_service(sv->h, &e, 20) <= 0)
            continue;
        if (e.type == ENET_EVENT_TYPE_RECEIVE)
            enet_packet_destroy(e.packet);
        else if (e.type == ENET_EVENT_TYPE_DISCONNECT) {
            int i = index_of(sv, e.peer);
            if (i >= 0)
                free_slot(sv, i);
        }
    }
}

void net_server_close(net_server *sv) {
    if (!sv)
        return;
    if (sv->held)
        enet_packet_destroy(sv->held);
    for (int i = 0; i < NET_MAX_PEERS; i++)
        if (sv->s[i].state != SLOT_FREE)
            enet_peer_disconnect_now(&sv->h->peers[i], NET_CONNECT_DATA(NET_PROTOCOL));
    enet_host_flush(sv->h);
    /* Packets still queued are freed by the host; their callback must not see a freed
     * server. */
    for (int i = 0; i < NET_MAX_PEERS; i++)
        enet_peer_reset(&sv->h->peers[i]);
    enet_host_destroy(sv->h);
    free(sv);
}
