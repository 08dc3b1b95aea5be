/* Shared by the record module's files: the kinds of turn input, JSON checking helpers and
 * the format's upgrade steps. Not a public header. */
#ifndef NIACT_RECORD_INTERNAL_H
#define NIACT_RECORD_INTERNAL_H

#include <jansson.h>

#include "niact/record.h"

/* While one turn's inputs are applied. */
typedef struct rec_apply {
    niact_session *s;
    const niact_scenario *sc;
    uint32_t orders_seen;      /* roles that had an orders event in this turn */
    int rolled_back;           /* the turn's last input was a rollback */
    char *msg;                 /* error message out */
    size_t msglen;
} rec_apply;

/* One kind of turn input, by the name in its events' "kind". A turn's events are
 * written by the encoders of rec_encoders[] in turn (negotiation, in the order it was
 * made, then every role's orders) and applied on load in the order they appear. */
typedef struct rec_kind {
    const char *name;
    /* Checks one event (an object whose "kind" is this one) and applies it to a->s.
     * where names it for messages ("turn 3, input 2"). */
    niact_status (*apply)(rec_apply *a, json_t *ev, const char *where);
} rec_kind;

/* Appends the events of one turn of the history (niact_session_played_at) to events;
 * for the turn under way (p->last) the orders only of the roles in keep. */
typedef niact_status (*rec_encoder)(niact_session *s, const niact_played *p, uint32_t keep,
                                    json_t *events);

extern const rec_kind rec_kinds[];
extern const int rec_n_kinds;

/* The orders kind (inputs.c) and the negotiation's kinds (negotiation_io.c). */
niact_status rec_orders_encode(niact_session *s, const niact_played *p, uint32_t keep,
                               json_t *events);
niact_status rec_orders_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_neg_encode(niact_session *s, const niact_played *p, uint32_t keep,
                            json_t *events);
niact_status rec_propose_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_answer_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_withdraw_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_telegram_apply(rec_apply *a, json_t *ev, const char *where);
/* The moderator's kinds (moderator_io.c): whether an input is one, its event, applying. */
int rec_mod_kind(niact_input_kind k);
json_t *rec_mod_encode(const niact_scenario *sc, const niact_input *in);
niact_status rec_pause_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_resume_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_deadline_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_default_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_inject_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_message_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_free_seat_apply(rec_apply *a, json_t *ev, const char *where);
niact_status rec_rollback_apply(rec_apply *a, json_t *ev, const char *where);

/* A role id (a JSON string) as its index; msg on failure. */
niact_status rec_role(rec_apply *a, json_t *ev, const char *key, int *role, const char *where);
/* Roles as an array of ids in role order, and back to a mask. */
json_t *rec_roles_json(const niact_scenario *sc, uint32_t mask);
niact_status rec_roles_mask(rec_apply *a, json_t *ev, const char *key, uint32_t *mask,
                            const char *where);

/* Appends the events of one turn of the history (the turn under way: roles in keep). */
niact_status rec_encode_inputs(niact_session *s, const niact_played *p, uint32_t keep,
                               json_t *events);
/* Checks and applies one turn's array of events. */
niact_status rec_apply_inputs(rec_apply *a, json_t *events, const char *turn_name);

/* Sets msg and returns NIACT_ERR_FORMAT. */
niact_status rec_fail(char *msg, size_t msglen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Every key of obj is one of the NULL-terminated allowed list; else a message naming the
 * first unknown one. */
niact_status rec_check_keys(json_t *obj, const char *const *allowed, const char *where,
                            char *msg, size_t msglen);
/* obj[key] must exist with the given type; *out gets it. */
niact_status rec_get(json_t *obj, const char *key, json_type type, json_t **out,
                     const char *where, char *msg, size_t msglen);
/* "0123456789abcdef" <-> uint64_t; parse returns 0 or -1. */
void rec_hex64(uint64_t v, char out[17]);
int rec_parse_hex64(const char *s, uint64_t *v);
/* A JSON type's name for messages ("a string"). */
const char *rec_type_name(const json_t *j);

/* Upgrades a parsed record from its version to NIACT_RECORD_VERSION in place, one step
 * at a time; refuses versions it does not know by number. */
niact_status rec_upgrade(json_t *root, int64_t version, char *msg, size_t msglen);

/* The outcome's id in records ("running", "settlement", "war", "last_turn", "error"). */
const char *rec_outcome_id(const niact_scenario *sc, niact_outcome o);

/* The record of a session as a JSON tree (canonical order). */
niact_status rec_build(niact_session *s, uint32_t keep, json_t **out, char *msg, size_t msglen);

#endif
