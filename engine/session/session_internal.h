/* The session's state, shared by the session's files. */
#ifndef NIACT_SESSION_INTERNAL_H
#define NIACT_SESSION_INTERNAL_H

#include "niact/session.h"

struct niact_session {
    niact_host *host;         /* the scenario's Lua (not owned) */
    niact_game *game;         /* the game */
    niact_seat seats[NIACT_MAX_ROLES];
    niact_turn_input *inputs; /* [turns] orders of resolved turns */
    int32_t n_inputs;         /* resolved turns */
    niact_input *neg;         /* negotiation inputs, in order */
    size_t n_neg, cap_neg;
    size_t n_telegrams;       /* telegrams sent in this game */
    size_t telegram_bytes;    /* their text, in bytes */
    char err[1024];           /* last error */
    uint32_t ai_failed;       /* bit r: seat r's scripted AI failed (reported once) */
    char warning[1200];       /* the first failure of a seat's scripted AI, to show once */
    int warning_new;          /* warning not yet taken by niact_session_warning */
};

#endif
