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
    char *msg;                 /* error message out */
    size_t msglen;
} rec_apply;

/* One kind of turn input ("orders"; the negotiation's kinds join here). A turn's events
 * are written kind by kind in the order of rec_kinds[], each kind's events in the order
 * they were given, and applied on load in the order they appear in the file. */
typedef struct rec_kind {
    const char *name;
    /* Appends this kind's events of resolved turn t to events; t < 0: of the turn under
     * way, only for the roles in keep. */
    niact_status (*encode)(niact_session *s, int32_t t, uint32_t keep, json_t *events);
    /* Checks one event (an object whose "kind" is this one) and applies it to a->s.
     * where names it for messages ("turn 3, input 2"). */
    niact_status (*apply)(rec_apply *a, json_t *ev, const char *where);
} rec_kind;

extern const rec_kind rec_kinds[];
extern const int rec_n_kinds;

/* Appends the events of turn t (t < 0: the turn under way, roles in keep) of every kind. */
niact_status rec_encode_inputs(niact_session *s, int32_t t, uint32_t keep, json_t *events);
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
const char *rec_outcome_id(niact_outcome o);

/* The record of a session as a JSON tree (canonical order). */
niact_status rec_build(niact_session *s, uint32_t keep, json_t **out, char *msg, size_t msglen);

#endif
