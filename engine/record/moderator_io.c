/* The moderator's inputs in records: pause, resume, deadline, default, inject, message,
 * free_seat. Written in the order made, among the turn's negotiation, and replayed
 * through the session (niact_session_apply), which checks each as it did in play. */
#include <stdio.h>
#include <string.h>

#include "record_internal.h"

static int put(json_t *obj, const char *key, json_t *v) {
    return v ? json_object_set_new(obj, key, v) : -1;
}

int rec_mod_kind(niact_input_kind k) {
    return k >= NIACT_INPUT_PAUSE && k <= NIACT_INPUT_ROLLBACK;
}

json_t *rec_mod_encode(const niact_scenario *sc, const niact_input *in) {
    static const char *const names[] = {"pause",  "resume",  "deadline",  "default",
                                        "inject", "message", "free_seat", "rollback"};
    if (!rec_mod_kind(in->kind))
        return NULL;
    json_t *ev = json_object();
    if (!ev || put(ev, "kind", json_string(names[in->kind - NIACT_INPUT_PAUSE])))
        goto fail;
    switch (in->kind) {
    case NIACT_INPUT_DEADLINE:
        if (put(ev, "seconds", json_integer(in->id)) ||
            put(ev, "late", json_string(in->text ? in->text : "none")))
            goto fail;
        break;
    case NIACT_INPUT_DEFAULT:
    case NIACT_INPUT_FREE_SEAT:
        if (in->role < 0 || in->role >= sc->n_roles ||
            put(ev, "role", json_string(sc->roles[in->role].meta.id)))
            goto fail;
        if (in->kind == NIACT_INPUT_DEFAULT &&
            put(ev, "played", json_string(in->text ? in->text : "none")))
            goto fail;
        break;
    case NIACT_INPUT_INJECT:
        if (in->id < 0 || in->id >= sc->n_events ||
            put(ev, "event", json_string(sc->events[in->id].meta.id)))
            goto fail;
        break;
    case NIACT_INPUT_MESSAGE:
        if (put(ev, "text", json_string(in->text ? in->text : "")))
            goto fail;
        break;
    case NIACT_INPUT_ROLLBACK:
        if (put(ev, "to_turn", json_integer(in->id)))
            goto fail;
        break;
    default: break;
    }
    return ev;
fail:
    json_decref(ev);
    return NULL;
}

/* Applies in through the session; a refusal is the record's error, naming where. */
static niact_status apply(rec_apply *a, const niact_input *in, const char *what,
                          const char *where) {
    niact_status st = niact_session_apply(a->s, in);
    if (st == NIACT_ERR_NOMEM)
        return st;
    if (st != NIACT_OK)
        return rec_fail(a->msg, a->msglen, "%s: the game refuses the moderator's %s: %s", where,
                        what, niact_session_error(a->s));
    return NIACT_OK;
}

static niact_status string_field(rec_apply *a, json_t *ev, const char *key, const char **out,
                                 const char *where) {
    json_t *j;
    niact_status st = rec_get(ev, key, JSON_STRING, &j, where, a->msg, a->msglen);
    if (st == NIACT_OK)
        *out = json_string_value(j);
    return st;
}

niact_status rec_pause_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", NULL};
    niact_status st = rec_check_keys(ev, keys, where, a->msg, a->msglen);
    niact_input in = {.kind = NIACT_INPUT_PAUSE, .role = NIACT_MODERATOR};
    return st != NIACT_OK ? st : apply(a, &in, "pause", where);
}

niact_status rec_resume_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", NULL};
    niact_status st = rec_check_keys(ev, keys, where, a->msg, a->msglen);
    niact_input in = {.kind = NIACT_INPUT_RESUME, .role = NIACT_MODERATOR};
    return st != NIACT_OK ? st : apply(a, &in, "resume", where);
}

niact_status rec_deadline_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "seconds", "late", NULL};
    json_t *sec;
    const char *late;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_get(ev, "seconds", JSON_INTEGER, &sec, where, a->msg, a->msglen)) ||
        (st = string_field(a, ev, "late", &late, where)))
        return st;
    json_int_t v = json_integer_value(sec);
    if (v < 0 || v > NIACT_SESSION_MAX_DEADLINE)
        return rec_fail(a->msg, a->msglen, "%s: \"seconds\" must be 0 to %d, not %lld", where,
                        NIACT_SESSION_MAX_DEADLINE, (long long)v);
    char play[64];
    snprintf(play, sizeof play, "%.63s", late);
    niact_input in = {.kind = NIACT_INPUT_DEADLINE, .role = NIACT_MODERATOR, .id = (int32_t)v,
                      .text = play};
    return apply(a, &in, "deadline", where);
}

niact_status rec_default_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "played", NULL};
    int r;
    const char *played;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &r, where)) ||
        (st = string_field(a, ev, "played", &played, where)))
        return st;
    char play[64];
    snprintf(play, sizeof play, "%.63s", played);
    niact_input in = {.kind = NIACT_INPUT_DEFAULT, .role = (int16_t)r, .text = play};
    return apply(a, &in, "default", where);
}

niact_status rec_inject_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "event", NULL};
    const char *id;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = string_field(a, ev, "event", &id, where)))
        return st;
    int e = niact_scenario_event(a->sc, id);
    if (e < 0)
        return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no event '%.64s'", where,
                        a->sc->meta.id, id);
    niact_input in = {.kind = NIACT_INPUT_INJECT, .role = NIACT_MODERATOR, .id = e};
    return apply(a, &in, "injected event", where);
}

niact_status rec_message_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "text", NULL};
    json_t *t;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_get(ev, "text", JSON_STRING, &t, where, a->msg, a->msglen)))
        return st;
    if (strlen(json_string_value(t)) != json_string_length(t))
        return rec_fail(a->msg, a->msglen, "%s: the message holds a NUL character", where);
    niact_input in = {.kind = NIACT_INPUT_MESSAGE, .role = NIACT_MODERATOR,
                      .text = (char *)json_string_value(t)};
    return apply(a, &in, "message", where);
}

niact_status rec_free_seat_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", NULL};
    int r;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &r, where)))
        return st;
    niact_input in = {.kind = NIACT_INPUT_FREE_SEAT, .role = (int16_t)r};
    return apply(a, &in, "freeing of a seat", where);
}

niact_status rec_rollback_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "to_turn", NULL};
    json_t *t;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_get(ev, "to_turn", JSON_INTEGER, &t, where, a->msg, a->msglen)))
        return st;
    json_int_t v = json_integer_value(t);
    if (v < 1 || v > a->sc->turns)
        return rec_fail(a->msg, a->msglen, "%s: \"to_turn\" must be 1 to %d, not %lld", where,
                        a->sc->turns, (long long)v);
    niact_input in = {.kind = NIACT_INPUT_ROLLBACK, .role = NIACT_MODERATOR, .id = (int32_t)v};
    if ((st = apply(a, &in, "rollback", where)) != NIACT_OK)
        return st;
    a->rolled_back = 1;
    return NIACT_OK;
}
