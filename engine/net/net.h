/* Network play over ENet (engine/net): the messages of the niact protocol, their
 * checked decoding, seat codes, and the server and client sides of a connection.
 *
 * The protocol (docs/architecture.md, "The net layer"): one ENet channel, reliable and
 * in order; each packet is one message, its first byte the type; integers little-endian;
 * every text is counted (no terminator) and checked as plain UTF-8 where it is read.
 * The version is the ENet connect data (NET_CONNECT_DATA): a host refuses a client of
 * another version at once, with a message (BYE) that says both versions.
 *
 *   client -> host   HELLO  kind(u8: 0 seat, 1 projector, 2 seat in a window) n(u8) code[n]
 *                    LINE   prompt(u32) n(u16) text[n]       one typed command
 *                    CMD    seq(u32) command                 a window seat's niact_command:
 *                           kind role action index param (i32 each) to(u32) public_ id
 *                           accept (i32) n_terms(u8) terms[n_terms](term i16 giver i16
 *                           param i32) n(u16) text[n]        (the host forces the role)
 *   host -> client   WELCOME role(u8, 255 projector) n(u16) text[n]
 *                    TEXT   n(u16) text[n]                   screen text to print
 *                    PROMPT prompt(u32) n(u16) text[n]       the host waits for one LINE
 *                                                            (prompt 0: it no longer waits)
 *                    END                                     the game is over
 *                    BYE    reason(u8) n(u16) text[n]        then the host disconnects
 *                    SCENARIO hash(u64) n(u8) id[n] vn(u8) variant[vn]
 *                                                            a window seat: the scenario
 *                                                            played (its content hash, its
 *                                                            variant or none)
 *                    VIEW   id(u32) part(u16) parts(u16) data  one piece of the seat's view
 *                                                            (JSON, docs/architecture.md);
 *                                                            parts at most NET_VIEW_PARTS
 *                    REPLY  seq(u32) status(i32) kind(u8) id(i32) n(u16) reason[n]
 *                                                            the answer to CMD seq
 *
 * A LINE answers the one PROMPT outstanding for its seat, by number; any other LINE (out
 * of turn, replayed, or after the seat gave its orders) is dropped. */
#ifndef NIACT_NET_H
#define NIACT_NET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NET_PROTOCOL 2                           /* bumped on any change to the messages */
#define NET_CONNECT_DATA(v) (0x4e430000u | ((uint32_t)(v) & 0xffffu)) /* "NC" + version */
#define NET_DEFAULT_PORT 7962
#define NET_MAX_PACKET 8192     /* the largest message either side accepts */
#define NET_MAX_LINE 4096       /* a typed line (text play's limit) */
#define NET_MAX_TEXT 6000       /* a TEXT message's text; longer screens are split */
#define NET_CODE_LEN 10         /* characters of a seat code */
#define NET_CODE_MAX 32         /* the longest code a HELLO may carry */
#define NET_PROJECTOR_ROLE 255
#define NET_VIEW_CHUNK (NET_MAX_PACKET - 9) /* bytes of a view in one VIEW message */
#define NET_VIEW_PARTS 256      /* pieces of one view at most: a view is < 2 MB */
#define NET_MAX_REASON 1024     /* a REPLY's reason */
#define NET_HELLO_WINDOW 2      /* HELLO kind of a seat played in the window */

typedef enum net_type {
    NET_HELLO = 1,
    NET_LINE = 2,
    NET_CMD = 3,
    NET_WELCOME = 0x81,
    NET_TEXT = 0x82,
    NET_PROMPT = 0x83,
    NET_END = 0x84,
    NET_BYE = 0x85,
    NET_SCENARIO = 0x86,
    NET_VIEW = 0x87,
    NET_REPLY = 0x88,
} net_type;

typedef enum net_bye {
    NET_BYE_VERSION = 1,  /* the client speaks another protocol version */
    NET_BYE_CODE,         /* no seat has that code */
    NET_BYE_PROTOCOL,     /* it broke the protocol (no HELLO in time, a second HELLO) */
    NET_BYE_FLOOD,        /* too many messages, or too many bad ones */
    NET_BYE_REPLACED,     /* the seat's code was used by a newer connection */
    NET_BYE_FREED,        /* the moderator gave the seat a new code */
    NET_BYE_STOPPED,      /* the host stopped */
    NET_BYE_LEFT,         /* the seat typed quit: it stays open for a rejoin */
} net_bye;

/* A decoded message. text points into the packet it came from (not terminated). */
typedef struct net_msg {
    net_type type;
    uint8_t kind;    /* HELLO: 0 seat, 1 projector, 2 window seat; WELCOME: role; BYE:
                        reason; REPLY: the error's kind */
    uint32_t prompt; /* LINE, PROMPT; CMD, REPLY: the command's number; VIEW: its id */
    const char *text; /* CMD: the command's encoding (net_cmd_read); VIEW: its piece;
                         SCENARIO: the scenario's id; REPLY: the reason */
    size_t len;
    uint16_t part, parts; /* VIEW */
    int32_t status, id;   /* REPLY */
    uint64_t hash;        /* SCENARIO */
    const char *text2;    /* SCENARIO: the variant's id ("" when none) */
    size_t len2;
} net_msg;

/* A message of the five first fields (the others zero). */
static inline net_msg net_msg_of(net_type type, uint8_t kind, uint32_t prompt, const char *text,
                                 size_t len) {
    net_msg m = {.type = type, .kind = kind, .prompt = prompt, .text = text, .len = len};
    return m;
}

struct niact_command;
/* CMD: encodes cmd as message number seq into buf (cap bytes); its length, or 0 if it
 * breaks a limit (more than NIACT_MAX_TERMS terms, a text with no NUL in it). */
size_t net_cmd_encode(uint32_t seq, const struct niact_command *cmd, uint8_t *buf, size_t cap);
/* The command of a CMD net_decode accepted (every field as sent: the session checks
 * the ranges, the host forces the role). */
void net_cmd_read(const net_msg *m, struct niact_command *cmd);

/* Checks and decodes one packet: the type is known, the lengths add up exactly, the
 * text is plain UTF-8 (a LINE or code holds no line break or control character). 0, or
 * -1 with a short reason in why. */
int net_decode(const uint8_t *buf, size_t n, net_msg *m, char *why, size_t whylen);
/* Encodes m into buf (cap bytes); returns its length, or 0 if it does not fit or breaks
 * a limit (a text too long for its type). */
size_t net_encode(const net_msg *m, uint8_t *buf, size_t cap);

/* A view being put together from its VIEW pieces (the client's side). */
typedef struct net_view_buf {
    uint32_t id;       /* the view's id */
    uint16_t next;     /* the piece expected next (0: none begun) */
    uint16_t parts;    /* pieces it has */
    char *data;        /* the bytes so far (NUL-terminated when complete) */
    size_t len, cap;
} net_view_buf;
/* Adds one VIEW piece. 1: the view is complete in v->data (v->len bytes; valid until the
 * next call); 0: more pieces to come; -1: the piece does not follow the ones before
 * (another id, out of order, more bytes than NET_VIEW_PARTS pieces may hold): the view
 * so far is dropped (a first piece of a new view starts it again), why says so. */
int net_view_add(net_view_buf *v, const net_msg *m, char *why, size_t whylen);
void net_view_free(net_view_buf *v);

/* A new seat code: NET_CODE_LEN characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), drawn from the operating system's random source (getrandom), never
 * from a game's generator. 0, or -1 if the system gave no randomness. */
int net_code_new(char *code, size_t len);
/* Whether a code someone typed is `code` (case and dashes ignored; the comparison takes
 * the same time wherever they differ). */
int net_code_equal(const char *code, const char *typed, size_t typed_len);

/* "HOST", "HOST:PORT", "[V6]:PORT": host into host (hostlen), port (default
 * NET_DEFAULT_PORT). 0, or -1 on a bad port or an empty host. */
int net_split_address(const char *arg, char *host, size_t hostlen, uint16_t *port);

/* ---- the server side ----------------------------------------------------------- */

typedef struct net_server net_server;

/* Limits of the server, to keep its memory bounded and the game going under a flood. */
#define NET_MAX_PEERS 32          /* connections at once (seats, projectors, strangers) */
#define NET_HELLO_MS 5000         /* a connection must say HELLO within this time */
#define NET_RATE_PER_S 200        /* messages a second a connection may send ... */
#define NET_RATE_BURST 400        /* ... with bursts of this many (past it: dropped) */
#define NET_COMMANDS_PER_S 20     /* commands a second a seat is prompted for ... */
#define NET_COMMANDS_BURST 60     /* ... with bursts of this many (past it: it waits) */
#define NET_BAD_LIMIT 50          /* dropped messages before it is disconnected */
#define NET_QUEUE_LIMIT (512 * 1024) /* bytes waiting to go to a peer: past it, its
                                        commands wait (a client that does not read) */

typedef enum net_event_kind {
    NET_EV_NONE = 0,
    NET_EV_HELLO,   /* a connection said HELLO (m: kind and code) */
    NET_EV_LINE,    /* a connection that is a seat sent a LINE */
    NET_EV_GONE,    /* a connection closed or timed out (after it said HELLO) */
    NET_EV_CMD,     /* a connection that is a seat sent a CMD (a window's command) */
} net_event_kind;

typedef struct net_event {
    net_event_kind kind;
    int peer;       /* the connection's number (0..NET_MAX_PEERS-1) */
    net_msg m;      /* HELLO, LINE, CMD: valid until the next net_server_poll */
} net_event;

/* Listens on bind_addr ("" or NULL: every interface) and port (0: one the system
 * chooses; net_server_port says which). NULL with the reason in msg. */
net_server *net_server_open(const char *bind_addr, uint16_t port, char *msg, size_t msglen);
uint16_t net_server_port(const net_server *sv);
/* Waits up to timeout_ms for the next event the game must handle; everything else
 * (connecting, bad or surplus messages, timeouts, version refusals) is handled and
 * logged on stderr here. 1 with *ev filled, 0 when the time is up. */
int net_server_poll(net_server *sv, net_event *ev, int timeout_ms);
/* The connection is a seat (role) or a projector from now on: it may send LINEs. */
void net_server_accept(net_server *sv, int peer, int role);
/* Sends a message (dropped if the peer is gone). TEXT longer than NET_MAX_TEXT is split
 * at character boundaries. 0, or -1. */
int net_server_send(net_server *sv, int peer, const net_msg *m);
/* Sends a seat's view (len bytes) as VIEW pieces numbered id; -1 if it is larger than
 * NET_VIEW_PARTS pieces or the peer is gone. */
int net_server_send_view(net_server *sv, int peer, uint32_t id, const char *data, size_t len);
/* Whether the peer's client is behind in reading (more than NET_QUEUE_LIMIT bytes wait). */
int net_server_backlog(const net_server *sv, int peer);
/* Sends BYE (reason, text) and disconnects the peer once it is delivered. */
void net_server_kick(net_server *sv, int peer, net_bye reason, const char *text);
/* The peer's address as "IP:PORT" (for the log). */
const char *net_server_peer_name(const net_server *sv, int peer);
/* Logs on stderr, prefixed "niact host: ", at most a few lines a second per peer. */
void net_server_log(net_server *sv, int peer, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A message the game refuses (out of turn, replayed): logged (a few lines a second) and
 * counted like a malformed one; too many and the connection is closed. */
void net_server_drop(net_server *sv, int peer, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sends what is queued and waits up to timeout_ms for it to be delivered. */
void net_server_flush(net_server *sv, int timeout_ms);
void net_server_close(net_server *sv);

/* ---- the client side ----------------------------------------------------------- */

typedef struct net_client net_client;

/* Connects to host:port within timeout_ms. NULL with the reason in msg (no such host,
 * nobody answered, the host speaks another version). */
net_client *net_client_connect(const char *host, uint16_t port, int timeout_ms, char *msg,
                               size_t msglen);
/* Waits up to timeout_ms for a message from the host: 1 (*m valid until the next call),
 * 0 (none), -1 (the connection is gone: msg says why). A message that does not decode is
 * dropped (-1 after too many). */
int net_client_poll(net_client *c, net_msg *m, int timeout_ms, char *msg, size_t msglen);
int net_client_send(net_client *c, const net_msg *m);
/* Sends bytes that are already one message (a CMD from net_cmd_encode). */
int net_client_send_raw(net_client *c, const uint8_t *buf, size_t n);
/* Every packet received from now on is appended, as received, to f (NULL: none): what
 * a test searches for secrets. */
void net_client_trace(net_client *c, FILE *f);
/* Disconnects politely (waits up to timeout_ms) and frees. */
void net_client_close(net_client *c, int timeout_ms);

#endif
