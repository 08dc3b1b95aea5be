/* The kinds of turn input a record holds: the table, the dispatch, and the orders kind.
 * To add a kind: write its apply function (and an encoder, or extend one), add a row to
 * rec_kinds[] (and rec_encoders[]); docs/records.md lists the kinds. */
#include <stdio.h>
#include <string.h>

#include "record_internal.h"

/* {"action": ID} or {"action": ID, "param": N}: actions go by id, not index, so a
 * record reads well and never silently means another action. */
static json_t *encode_order(const niact_scenario *sc, const niact_order *o) {
    const niact_action_def *a = &sc->actions[o->action];
    json_t *j = json_object();
    if (!j)
        return NULL;
    int bad = json_object_set_new(j, "action", json_string(a->meta.id));
    if (a->has_param)
        bad |= json_object_set_new(j, "param", json_integer(o->param));
    if (bad) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static niact_status encode_role_orders(const niact_scenario *sc, int role, const niact_order *os,
                                       int n, json_t *events) {
    json_t *ev = json_object(), *list = json_array();
    int bad = !ev || !list;
    for (int i = 0; i < n && !bad; i++)
        bad |= json_array_append_new(list, encode_order(sc, &os[i]));
    if (!bad) {
        bad |= json_object_set_new(ev, "kind", json_string("orders"));
        bad |= json_object_set_new(ev, "role", json_string(sc->roles[role].meta.id));
        bad |= json_object_set(ev, "orders", list);
        bad |= json_array_append(events, ev);
    }
    json_decref(list);
    json_decref(ev);
    return bad ? NIACT_ERR_NOMEM : NIACT_OK;
}

niact_status rec_orders_encode(niact_session *s, const niact_played *p, uint32_t keep,
                               json_t *events) {
    const niact_scenario *sc = niact_session_scenario(s);
    if (!p->resolved && !p->last)
        return NIACT_OK; /* cut by a rollback: its orders were never carried out */
    for (int r = 0; r < sc->n_roles; r++) {
        int n = 0;
        const niact_order *os;
        if (p->resolved) {
            n = p->orders->n[r];
            os = p->orders->orders[r];
        } else {
            if (!(keep & (1u << r)) || !niact_game_submitted(niact_session_game(s), r))
                continue;
            os = niact_game_orders(niact_session_game(s), r, &n);
        }
        niact_status st = encode_role_orders(sc, r, os, n, events);
        if (st != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

/* One order of an orders event: {"action": ID[, "param": N]}. */
static niact_status read_order(rec_apply *a, json_t *j, int role, niact_order *o,
                               const char *where) {
    static const char *const keys[] = {"action", "param", NULL};
    json_t *act, *param = json_object_get(j, "param");
    niact_status st;
    if (!json_is_object(j))
        return rec_fail(a->msg, a->msglen, "%s: an order must be an object, not %s", where,
                        rec_type_name(j));
    if ((st = rec_check_keys(j, keys, where, a->msg, a->msglen)) != NIACT_OK ||
        (st = rec_get(j, "action", JSON_STRING, &act, where, a->msg, a->msglen)) != NIACT_OK)
        return st;
    int idx = niact_scenario_action(a->sc, json_string_value(act));
    if (idx < 0)
        return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no action '%.64s'", where,
                        a->sc->meta.id, json_string_value(act));
    const niact_action_def *d = &a->sc->actions[idx];
    if (d->has_param && !json_is_integer(param))
        return rec_fail(a->msg, a->msglen, "%s: action '%s' needs an integer \"param\"", where,
                        d->meta.id);
    if (!d->has_param && param)
        return rec_fail(a->msg, a->msglen, "%s: action '%s' takes no \"param\"", where,
                        d->meta.id);
    json_int_t v = param ? json_integer_value(param) : 0;
    if (d->has_param && (v < d->param_min || v > d->param_max))
        return rec_fail(a->msg, a->msglen, "%s: %s of '%s' must be %d to %d, not %lld", where,
                        d->param_name, d->meta.id, d->param_min, d->param_max, (long long)v);
    *o = (niact_order){(int16_t)role, (int16_t)idx, (int32_t)v};
    return NIACT_OK;
}

niact_status rec_orders_apply(rec_apply *a, json_t *ev, const char *where) {
    static const char *const keys[] = {"kind", "role", "orders", NULL};
    json_t *role, *list;
    niact_status st;
    if ((st = rec_check_keys(ev, keys, where, a->msg, a->msglen)) != NIACT_OK ||
        (st = rec_get(ev, "role", JSON_STRING, &role, where, a->msg, a->msglen)) != NIACT_OK ||
        (st = rec_get(ev, "orders", JSON_ARRAY, &list, where, a->msg, a->msglen)) != NIACT_OK)
        return st;
    int r = niact_scenario_role(a->sc, json_string_value(role));
    if (r < 0)
        return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no role '%.64s'", where,
                        a->sc->meta.id, json_string_value(role));
    if (a->orders_seen & (1u << r))
        return rec_fail(a->msg, a->msglen, "%s: a second list of orders for '%s'", where,
                        a->sc->roles[r].meta.id);
    size_t n = json_array_size(list);
    if (n > NIACT_MAX_ORDERS)
        return rec_fail(a->msg, a->msglen, "%s: %zu orders; a turn takes at most %d", where, n,
                        NIACT_MAX_ORDERS);
    niact_order os[NIACT_MAX_ORDERS];
    for (size_t i = 0; i < n; i++) {
        char w[200];
        snprintf(w, sizeof w, "%s, order %zu", where, i + 1);
        if ((st = read_order(a, json_array_get(list, i), r, &os[i], w)) != NIACT_OK)
            return st;
    }
    st = niact_session_submit(a->s, r, os, (int)n);
    if (st == NIACT_ERR_NOMEM)
        return st;
    if (st != NIACT_OK)
        return rec_fail(a->msg, a->msglen, "%s: the game refuses the orders of '%s': %s", where,
                        a->sc->roles[r].meta.id, niact_session_error(a->s));
    a->orders_seen |= 1u << r;
    return NIACT_OK;
}

const rec_kind rec_kinds[] = {
    {"propose", rec_propose_apply},   {"answer", rec_answer_apply},
    {"withdraw", rec_withdraw_apply}, {"telegram", rec_telegram_apply},
    {"orders", rec_orders_apply},     {"pause", rec_pause_apply},
    {"resume", rec_resume_apply},     {"deadline", rec_deadline_apply},
    {"default", rec_default_apply},   {"inject", rec_inject_apply},
    {"message", rec_message_apply},   {"free_seat", rec_free_seat_apply},
    {"rollback", rec_rollback_apply},
};
const int rec_n_kinds = (int)(sizeof rec_kinds / sizeof rec_kinds[0]);

/* Negotiation first (it happens before the orders are final), then the orders. */
static const rec_encoder rec_encoders[] = {rec_neg_encode, rec_orders_encode};

niact_status rec_encode_inputs(niact_session *s, const niact_played *p, uint32_t keep,
                               json_t *events) {
    for (size_t k = 0; k < sizeof rec_encoders / sizeof rec_encoders[0]; k++) {
        niact_status st = rec_encoders[k](s, p, keep, events);
        if (st != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

niact_status rec_role(rec_apply *a, json_t *ev, const char *key, int *role, const char *where) {
    json_t *j;
    niact_status st = rec_get(ev, key, JSON_STRING, &j, where, a->msg, a->msglen);
    if (st != NIACT_OK)
        return st;
    *role = niact_scenario_role(a->sc, json_string_value(j));
    if (*role < 0)
        return rec_fail(a->msg, a->msglen, "%s: scenario '%s' has no role '%.64s'", where,
                        a->sc->meta.id, json_string_value(j));
    return NIACT_OK;
}

json_t *rec_roles_json(const niact_scenario *sc, uint32_t mask) {
    json_t *list = json_array();
    for (int r = 0; r < sc->n_roles && list; r++)
        if ((mask & (1u << r)) &&
            json_array_append_new(list, json_string(sc->roles[r].meta.id)) != 0) {
            json_decref(list);
            return NULL;
        }
    return list;
}

niact_status rec_roles_mask(rec_apply *a, json_t *ev, const char *key, uint32_t *mask,
                            const char *where) {
    json_t *list;
    niact_status st = rec_get(ev, key, JSON_ARRAY, &list, where, a->msg, a->msglen);
    *mask = 0;
    for (size_t i = 0; st == NIACT_OK && i < json_array_size(list); i++) {
        json_t *id = json_array_get(list, i);
        int r = json_is_string(id) ? niact_scenario_role(a->sc, json_string_value(id)) : -1;
        if (r < 0 || (*mask & (1u << r)))
            return rec_fail(a->msg, a->msglen, "%s: \"%s\" must list distinct roles of "
                            "scenario '%s'", where, key, a->sc->meta.id);
        *mask |= 1u << r;
    }
    return st;
}

static void known_kinds(char *buf, size_t len) {
    size_t used = 0;
    buf[0] = 0;
    for (int k = 0; k < rec_n_kinds && used < len; k++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", k ? ", " : "", rec_kinds[k].name);
}

niact_status rec_apply_inputs(rec_apply *a, json_t *events, const char *turn_name) {
    a->orders_seen = 0;
    a->rolled_back = 0;
    for (size_t i = 0; i < json_array_size(events); i++) {
        json_t *ev = json_array_get(events, i), *kind;
        char where[160], known[200];
        snprintf(where, sizeof where, "%s, input %zu", turn_name, i + 1);
        if (a->rolled_back)
            return rec_fail(a->msg, a->msglen, "%s: after a rollback (a rollback is the last "
                            "input of its turn)", where);
        if (!json_is_object(ev))
            return rec_fail(a->msg, a->msglen, "%s: an input must be an object, not %s", where,
                            rec_type_name(ev));
        niact_status st = rec_get(ev, "kind", JSON_STRING, &kind, where, a->msg, a->msglen);
        if (st != NIACT_OK)
            return st;
        int k = 0;
        while (k < rec_n_kinds && strcmp(rec_kinds[k].name, json_string_value(kind)) != 0)
            k++;
        if (k == rec_n_kinds) {
            known_kinds(known, sizeof known);
            return rec_fail(a->msg, a->msglen, "%s: unknown kind of input '%.64s' (this build "
                            "knows: %s)", where, json_string_value(kind), known);
        }
        if ((st = rec_kinds[k].apply(a, ev, where)) != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}
