/* The negotiation's inputs in records: proposals, answers, withdrawals and telegrams,
 * written in the order they were made (by human seats and AI seats alike) and replayed
 * through the session, which checks each against the game as the seat's own would be. */
#include <stdio.h>
#include <string.h>

#include "record_internal.h"

/* Sets key to a new value; a NULL value (failed allocation) counts as failure. */
static int put(json_t *obj, const char *key, json_t *v) {
    return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *encode_terms(const niact_scenario *sc, const niact_input *in) {
    json_t *list = json_array();
    for (int i = 0; i < in->n_terms && list; i++) {
        const niact_term_item *t = &in->terms[i];
        json_t *j = json_object();
        int bad = !j || t->term < 0 || t->term >= sc->n_terms ||
                  put(j, "term", json_string(sc->terms[t->term].meta.id));
        if (!bad && (sc->terms[t->term].has_param || t->param != 0))
            bad = put(j, "param", json_integer(t->param));
        if (!bad && t->giver >= 0) /* the proposer chose who gives it */
            bad = t->giver >= sc->n_roles ||
                  put(j, "giver", json_string(sc->roles[t->giver].meta.id));
        if (bad || json_array_append_new(list, j) != 0) {
            if (bad)
                json_decref(j);
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *encode_one(const niact_scenario *sc, const niact_input *in) {
    static const char *const kinds[] = {"propose", "answer", "withdraw", "telegram"};
    if (rec_mod_kind(in->kind))
        return rec_mod_encode(sc, in);
    json_t *ev = json_object();
    if (!ev || (unsigned)in->kind > 3 || in->role < 0 || in->role >= sc->n_roles ||
        put(ev, "kind", json_string(kinds[in->kind])) ||
        put(ev, "role", json_string(sc->roles[in->role].meta.id)))
        goto fail;
    switch (in->kind) {
    case NIACT_INPUT_PROPOSE:
        if (put(ev, "to", rec_roles_json(sc, in->to)) ||
            put(ev, "public", json_boolean(in->public_)) ||
            put(ev, "counter_of", json_integer(in->id)) || put(ev, "terms", encode_terms(sc, in)))
            goto fail;
        break;
    case NIACT_INPUT_ANSWER:
        if (put(ev, "proposal", json_integer(in->id)) ||
            put(ev, "accept", json_boolean(in->accept)))
            goto fail;
        break;
    case NIACT_INPUT_WITHDRAW:
        if (put(ev, "proposal", json_integer(in->id)))
            goto fail;
        break;
    case NIACT_INPUT_TELEGRAM:
        if (put(ev, "to", rec_roles_json(sc, in->to)) ||
            put(ev, "text", json_string(in->text ? in->text : "")))
            goto fail;
        break;
    default: goto fail; /* the moderator's kinds: rec_mod_encode */
    }
    return ev;
fail:
    json_decref(ev);
    return NULL;
}

niact_status rec_neg_encode(niact_session *s, const niact_played *p, uint32_t keep,
                            json_t *events) {
    (void)keep; /* negotiation is public to its addressees at once: always kept */
    const niact_scenario *sc = niact_session_scenario(s);
    for (size_t i = 0; i < p->n_inputs; i++)
        if (json_array_append_new(events, encode_one(sc, &p->inputs[i])) != 0)
            return NIACT_ERR_NOMEM;
    return NIACT_OK;
}

/* A proposal id: an integer from lo (0 or 1) to INT32_MAX. */
static niact_status read_id(rec_apply *a, json_t *ev, const char *key, int32_t lo, int32_t *id,
                            const char *where) {
    json_t *j;
    niact_status st = rec_get(ev, key, JSON_INTEGER, &j, where, a->msg, a->msglen);
    if (st != NIACT_OK)
        return st;
    json_int_t v = json_integer_value(j);
    if (v < lo || v > INT32_MAX)
        return rec_fail(a->msg, a->msglen, "%s: \"%s\" must be a proposal number, not %lld",
                        where, key, (long long)v);
    *id = (int32_t)v;
    return NIACT_OK;
}

static niact_status refused(rec_apply *a, niact_status st, const char *what, int role,
                            const char *where) {
    if (st == NIACT_OK || st == NIACT_ERR_NOMEM)
        return st;
    return rec_fail(a->msg, a->msglen, "%s: the game refuses the %s of '%s': %s", where, what,
                    a->sc->roles[role].meta.id, niact_session_error(a->s));
}

static niact_status read_term(rec_apply *a, json_t *j, niact_term_item *t, const char *where) {
    static const char *const keys[] = {"term", "param", "giver", NULL};
    json_t *id, *param, *giver;
    niact_status st;
    if (!json_is_object(j))
        return rec_fail(a->msg, a->msglen, "%s: a term must be an object", where);
    if ((st = rec_check_keys(j, keys, where, a->msg, a->msglen)) ||
        (st = rec_get(j, "term", JSON_STRING, &id, where, a->msg, a->msglen)))
        return st;
    int k = niact_scenario_term(a->sc, json_string_value(id));
    if (k < 0)
        return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no term '%.64s'", where,
                        a->sc->meta.id, json_string_value(id));
    const niact_term_def *d = &a->sc->terms[k];
    param = json_object_get(j, "param");
    if (param && !json_is_integer(param))
        return rec_fail(a->msg, a->msglen, "%s: \"param\" must be an integer", where);
    json_int_t v = param ? json_integer_value(param) : 0;
    if (d->has_param && (!param || v < d->param_min || v > d->param_max))
        return rec_fail(a->msg, a->msglen, "%s: term '%s' needs \"param\" from %d to %d", where,
                        d->meta.id, d->param_min, d->param_max);
    if (v < INT32_MIN || v > INT32_MAX)
        return rec_fail(a->msg, a->msglen, "%s: \"param\" out of range", where);
    int who = -1;
    if ((giver = json_object_get(j, "giver"))) {
        if (!json_is_string(giver))
            return rec_fail(a->msg, a->msglen, "%s: \"giver\" must be a role id", where);
        if ((who = niact_scenario_role(a->sc, json_string_value(giver))) < 0)
            return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no role '%.64s'", where,
                            a->sc->meta.id, json_string_value(giver));
    }
    *t = (niact_term_item){(int16_t)k, (int16_t)who, (int32_t)v};
    return NIACT_OK;
}

niact_status rec_propose_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "to", "public", "counter_of", "terms",
                                       NULL};
    json_t *pub, *terms;
    niact_term_item items[NIACT_MAX_TERMS];
    uint32_t to;
    int32_t counter, id;
    int role;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &role, where)) ||
        (st = rec_roles_mask(a, ev, "to", &to, where)) ||
        (st = read_id(a, ev, "counter_of", 0, &counter, where)) ||
        (st = rec_get(ev, "terms", JSON_ARRAY, &terms, where, a->msg, a->msglen)))
        return st;
    pub = json_object_get(ev, "public");
    if (!json_is_boolean(pub))
        return rec_fail(a->msg, a->msglen, "%s: \"public\" must be true or false", where);
    size_t n = json_array_size(terms);
    if (n > NIACT_MAX_TERMS)
        return rec_fail(a->msg, a->msglen, "%s: %zu terms; a proposal has at most %d", where, n,
                        NIACT_MAX_TERMS);
    for (size_t i = 0; i < n; i++) {
        char w[200];
        snprintf(w, sizeof w, "%s, term %zu", where, i + 1);
        if ((st = read_term(a, json_array_get(terms, i), &items[i], w)) != NIACT_OK)
            return st;
    }
    st = niact_session_propose(a->s, role, to, json_is_true(pub), items, (int)n, counter, &id);
    return refused(a, st, "proposal", role, where);
}

niact_status rec_answer_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "proposal", "accept", NULL};
    int role;
    int32_t id;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &role, where)) ||
        (st = read_id(a, ev, "proposal", 1, &id, where)))
        return st;
    json_t *acc = json_object_get(ev, "accept");
    if (!json_is_boolean(acc))
        return rec_fail(a->msg, a->msglen, "%s: \"accept\" must be true or false", where);
    st = niact_session_answer(a->s, role, id, json_is_true(acc));
    return refused(a, st, "answer", role, where);
}

niact_status rec_withdraw_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "proposal", NULL};
    int role;
    int32_t id;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &role, where)) ||
        (st = read_id(a, ev, "proposal", 1, &id, where)))
        return st;
    st = niact_session_withdraw(a->s, role, id);
    return refused(a, st, "withdrawal", role, where);
}

niact_status rec_telegram_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "to", "text", NULL};
    json_t *text;
    uint32_t to;
    int role;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) ||
        (st = rec_role(a, ev, "role", &role, where)) ||
        (st = rec_roles_mask(a, ev, "to", &to, where)) ||
        (st = rec_get(ev, "text", JSON_STRING, &text, where, a->msg, a->msglen)))
        return st;
    if (json_string_length(text) > NIACT_TELEGRAM_MAX)
        return rec_fail(a->msg, a->msglen, "%s: a telegram has at most %d bytes", where,
                        NIACT_TELEGRAM_MAX);
    st = niact_session_telegram(a->s, role, to, json_string_value(text));
    return refused(a, st, "telegram", role, where);
}
