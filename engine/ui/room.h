/* The room a network host runs, as the moderator window sees it (niact host without
 * --text). engine/cli/host.c fills it in; the window calls it and never reaches into the
 * host: it reads the game through the session (niact_session_view, niact_session_public,
 * niact_session_track, niact_session_truth) and gives every moderator command as a
 * niact_command through moderate(), which is niact_session_tell plus what the host does
 * around it (every screen told, a freed seat's new code). No SDL here. */
#ifndef NIACT_UI_ROOM_H
#define NIACT_UI_ROOM_H

#include <stddef.h>
#include <stdint.h>

#include "niact/session.h"

typedef struct ui_room_seat {
    int remote;        /* played from another computer (niact join) */
    int connected;     /* a client holds the seat now */
    char code[16];     /* its code ("" if not remote) */
} ui_room_seat;

typedef struct ui_room {
    void *ctx;
    niact_session *s;       /* the host's session (the window reads it; changes it only
                               through moderate()) */
    unsigned port;          /* the UDP port it listens on */
    int projector;          /* open in the projector view (--projector-window) */
    int fullscreen;         /* --fullscreen */
    int n_win;              /* the window's options given to niact host (--scale, --size,
                               --preset), as words, checked by the window */
    char *win_args[8];
    /* One pass of the host's loop without waiting: the network, the clock (deadlines),
     * the game. Returns 1 once the game is over or the host was stopped. */
    int (*tick)(void *ctx);
    /* A moderator's command (kind PAUSE .. ROLLBACK; role is set to NIACT_MODERATOR):
     * 0 with msg saying what was done, -1 with msg saying why not. */
    int (*moderate)(void *ctx, niact_command *c, char *msg, size_t len);
    void (*seat)(void *ctx, int role, ui_room_seat *out);
    void (*stop)(void *ctx);  /* the moderator ends the session (the game is kept) */
    /* The host is resolving a turn off the window's thread (AI seats thinking): until it
     * says 0 the window must not read or tell the session (tick() is still called). */
    int (*busy)(void *ctx);
} ui_room;

/* Runs the moderator window on the room until it is closed. 0, or 1 if the window could
 * not open (the reason on stderr). */
int niact_ui_host(ui_room *room);
/* Whether the window's options (--scale 0.75-2, --size WxH, --preset paper|projector, as
 * words) are good; 0, or -1 with which is not in msg. */
int niact_ui_window_args_ok(int argc, char **argv, char *msg, size_t len);
/* Whether a window can be opened here (a display); 0, or -1 with why in msg. */
int niact_ui_display_ok(char *msg, size_t len);

#endif
