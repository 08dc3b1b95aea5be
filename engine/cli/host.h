/* niact host as parts (host.c): opened from its command line, stepped by a loop (the
 * console's, or the moderator window's frame loop), closed. cli_host is the three in a
 * row; tests open a host and drive its window themselves. */
#ifndef NIACT_CLI_HOST_H
#define NIACT_CLI_HOST_H

#include "ui/room.h"

typedef struct host host;

/* Parses `niact host`'s arguments (argv[0] is the command's name), opens the game and the
 * server, prints the seats' codes. CLI_OK with *out, or the exit code (the reason on
 * stderr). */
int cli_host_open(int argc, char **argv, host **out);
/* One pass of the host's loop: network events (waiting at most wait_ms for the first),
 * the console, the clock, the game. Returns 1 once the loop should end (the game is over
 * and every screen was told, the moderator stopped, or a stop signal). */
int cli_host_step(host *h, int wait_ms);
/* The room the moderator window drives (engine/ui/room.h). */
void cli_host_room(host *h, ui_room *room);
/* Ends the session (a game not over is kept in its record or autosave, the clients are
 * told), frees the host; returns the exit code. */
int cli_host_close(host *h);

#endif
