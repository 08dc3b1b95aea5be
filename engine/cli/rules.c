/* niact rules: what a scenario declares, each thing with its source. */
#include "cli.h"

#include <jansson.h>
#include <string.h>

static const char *vis_name(int v) {
    return v == NIACT_VIS_TRUE ? "true" : v == NIACT_VIS_ESTIMATE ? "estimate" : "none";
}

static json_t *meta_json(const niact_meta *m) {
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(m->id));
    json_object_set_new(o, "name", json_string(m->name));
    json_object_set_new(o, "text", json_string(m->text));
    json_object_set_new(o, "source", json_string(m->source));
    return o;
}

static json_t *roles_json(const niact_scenario *sc, uint32_t mask) {
    json_t *a = json_array();
    for (int r = 0; r < sc->n_roles; r++)
        if (mask & (1u << r))
            json_array_append_new(a, json_string(sc->roles[r].meta.id));
    return a;
}

static json_t *param_json(int has, const char *name, int32_t mn, int32_t mx, int32_t def) {
    if (!has)
        return json_null();
    return json_pack("{s:s, s:i, s:i, s:i}", "name", name, "min", mn, "max", mx, "default", def);
}

static void print_json(const niact_scenario *sc) {
    json_t *root = meta_json(&sc->meta);
    json_object_set_new(root, "version", json_string(sc->version));
    json_object_set_new(root, "api_version", json_integer(sc->api_version));
    char start[NIACT_DATE_MAX] = "";
    niact_scenario_date(sc, 0, start, sizeof start);
    json_object_set_new(root, "calendar",
                        json_pack("{s:s, s:i, s:i, s:i}", "start", start, "days_per_turn",
                                  sc->days_per_turn, "hours_per_turn", sc->hours_per_turn,
                                  "turns", sc->turns));
    const niact_variant_def *played = niact_scenario_variant_played(sc);
    json_object_set_new(root, "variant", played ? json_string(played->meta.id) : json_null());
    json_t *variants = json_array();
    for (int i = 0; i < sc->n_variants; i++) {
        const niact_variant_def *v = &sc->variants[i];
        json_t *o = meta_json(&v->meta);
        json_object_set_new(o, "turns", json_integer(v->turns));
        json_object_set_new(o, "days_per_turn", json_integer(v->days_per_turn));
        json_object_set_new(o, "hours_per_turn", json_integer(v->hours_per_turn));
        json_object_set_new(o, "deadline", json_integer(v->deadline));
        json_object_set_new(o, "absent", json_string(v->absent));
        json_object_set_new(o, "minutes", json_integer(v->minutes));
        json_array_append_new(variants, o);
    }
    json_object_set_new(root, "variants", variants);
    json_t *roles = json_array(), *tracks = json_array(), *actions = json_array(),
           *events = json_array(), *objectives = json_array(), *terms = json_array();
    for (int i = 0; i < sc->n_roles; i++) {
        json_t *o = meta_json(&sc->roles[i].meta);
        json_object_set_new(o, "action_points", json_integer(sc->roles[i].action_points));
        if (sc->roles[i].actor)
            json_object_set_new(o, "actor", json_string(sc->roles[i].actor));
        json_array_append_new(roles, o);
    }
    for (int i = 0; i < sc->n_tracks; i++) {
        const niact_track_def *d = &sc->tracks[i];
        json_t *o = meta_json(&d->meta);
        json_object_set_new(o, "min", json_integer(d->min));
        json_object_set_new(o, "max", json_integer(d->max));
        json_object_set_new(o, "initial", json_integer(d->initial));
        json_object_set_new(o, "hidden", json_boolean(d->hidden));
        json_t *vis = json_object();
        for (int r = 0; r < sc->n_roles; r++)
            json_object_set_new(vis, sc->roles[r].meta.id,
                                json_string(d->hidden ? "none" : vis_name(d->vis[r])));
        json_object_set_new(o, "visible", vis);
        if (d->n_labels) {
            json_t *l = json_array();
            for (int k = 0; k < d->n_labels; k++)
                json_array_append_new(l, json_string(d->labels[k]));
            json_object_set_new(o, "labels", l);
        }
        json_array_append_new(tracks, o);
    }
    for (int i = 0; i < sc->n_actions; i++) {
        const niact_action_def *d = &sc->actions[i];
        json_t *o = meta_json(&d->meta);
        json_object_set_new(o, "roles", roles_json(sc, d->roles));
        json_object_set_new(o, "cost", json_integer(d->cost));
        json_object_set_new(o, "priority", json_integer(d->priority));
        json_object_set_new(o, "param", param_json(d->has_param, d->param_name, d->param_min,
                                                   d->param_max, d->param_default));
        json_array_append_new(actions, o);
    }
    for (int i = 0; i < sc->n_events; i++) {
        const niact_event_def *d = &sc->events[i];
        json_t *o = meta_json(&d->meta);
        if (d->turn >= 0)
            json_object_set_new(o, "turn", json_integer(d->turn + 1));
        if (d->date[0])
            json_object_set_new(o, "date", json_string(d->date));
        json_object_set_new(o, "chance", json_real(d->chance / 10.0));
        json_object_set_new(o, "conditional", json_boolean(d->has_condition));
        json_object_set_new(o, "once", json_boolean(d->once));
        json_object_set_new(o, "opens_turn", json_boolean(d->opens_turn));
        json_array_append_new(events, o);
    }
    for (int i = 0; i < sc->n_objectives; i++) {
        const niact_objective_def *d = &sc->objectives[i];
        json_t *o = meta_json(&d->meta);
        json_object_set_new(o, "role", json_string(sc->roles[d->role].meta.id));
        json_object_set_new(o, "weight", json_integer(d->weight));
        json_array_append_new(objectives, o);
    }
    for (int i = 0; i < sc->n_terms; i++) {
        const niact_term_def *d = &sc->terms[i];
        json_t *o = meta_json(&d->meta);
        json_object_set_new(o, "givers", roles_json(sc, d->givers));
        json_object_set_new(o, "param", param_json(d->has_param, d->param_name, d->param_min,
                                                   d->param_max, d->param_default));
        json_object_set_new(o, "window", json_integer(d->window));
        static const char *const secrecy[] = {"either", "public", "secret"};
        json_object_set_new(o, "secrecy", json_string(secrecy[d->secrecy % 3]));
        json_array_append_new(terms, o);
    }
    json_object_set_new(root, "roles", roles);
    json_object_set_new(root, "tracks", tracks);
    json_object_set_new(root, "actions", actions);
    json_object_set_new(root, "terms", terms);
    json_object_set_new(root, "events", events);
    json_object_set_new(root, "objectives", objectives);
    json_t *tps = json_array();
    for (int i = 0; i < sc->n_turning_points; i++) {
        const niact_turning_point *d = &sc->turning_points[i];
        json_t *o = meta_json(&d->meta);
        json_object_set_new(o, "date", json_string(d->date));
        json_object_set_new(o, "prompt", json_string(d->prompt));
        if (d->track >= 0) {
            json_object_set_new(o, "track", json_string(sc->tracks[d->track].meta.id));
            json_object_set_new(o, d->at_most ? "at_most" : "at_least",
                                json_integer(d->value));
        }
        if (d->action >= 0)
            json_object_set_new(o, "action", json_string(sc->actions[d->action].meta.id));
        if (d->roles)
            json_object_set_new(o, "roles", roles_json(sc, d->roles));
        json_array_append_new(tps, o);
    }
    json_object_set_new(root, "turning_points", tps);
    const niact_negotiation_def *n = &sc->negotiation;
    json_object_set_new(root, "negotiation",
                        json_pack("{s:{s:i, s:i, s:i}, s:i, s:i, s:{s:i, s:i}}", "trust", "start",
                                  n->trust_start, "kept", n->trust_kept, "broken",
                                  n->trust_broken, "expiry", n->expiry, "proposals_per_turn",
                                  n->proposals_per_turn, "ai_trust", "at_0", n->ai_trust_at_0,
                                  "at_100", n->ai_trust_at_100));
    json_t *outs = json_array();
    for (int i = 1; i < niact_scenario_outcome_count(sc); i++) {
        niact_outcome_names nm = niact_scenario_outcome(sc, (niact_outcome)i);
        json_array_append_new(
            outs, json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:b}", "id", nm.id, "name", nm.title,
                            "stamp", nm.stamp, "text",
                            niact_scenario_outcome_text(sc, (niact_outcome)i), "rank",
                            niact_scenario_outcome_rank(sc, (niact_outcome)i), "zero_scores",
                            niact_scenario_outcome_zero(sc, (niact_outcome)i), "declared",
                            niact_scenario_outcome_declared(sc, (niact_outcome)i)));
    }
    json_object_set_new(root, "outcomes", outs);
    json_object_set_new(root, "timeout",
                        json_string(niact_scenario_outcome(sc, niact_scenario_timeout(sc)).id));
    json_t *pers = json_array();
    for (int i = 0; i < sc->n_personalities; i++)
        json_array_append_new(pers, json_string(sc->personalities[i]));
    json_object_set_new(root, "personalities", pers);
    json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(root);
}

static void item(const niact_meta *m, const char *extra) {
    printf("  %-28s %s%s\n", m->id, m->name, extra);
    if (m->text[0])
        cli_print_wrapped(stdout, m->text, 6, 78);
    if (m->source[0])
        printf("      source: %s\n", m->source);
}

static void print_text(const niact_scenario *sc) {
    char extra[256];
    printf("%s (scenario %s, version %s)\n", sc->meta.name, sc->meta.id, sc->version);
    if (sc->meta.text[0])
        cli_print_wrapped(stdout, sc->meta.text, 2, 78);
    char start[NIACT_DATE_MAX] = "", step[32] = "";
    niact_scenario_format(sc, 0, NIACT_DATE_LONG, start, sizeof start);
    niact_scenario_step(sc, step, sizeof step);
    printf("Calendar: from %s, %s a turn, %d turns\n", start, step, sc->turns);
    const niact_variant_def *played = niact_scenario_variant_played(sc);
    if (played)
        printf("Variant: %s (%s)\n", played->meta.name, played->meta.id);
    if (sc->n_variants) {
        printf("\nVARIANTS (--variant ID)\n");
        for (int i = 0; i < sc->n_variants; i++) {
            const niact_variant_def *v = &sc->variants[i];
            niact_scenario alt = *sc; /* the calendar the variant plays */
            if (v->turns)
                alt.turns = v->turns;
            if (v->days_per_turn && !sc->hours_per_turn)
                alt.days_per_turn = v->days_per_turn;
            if (v->hours_per_turn && sc->hours_per_turn)
                alt.hours_per_turn = v->hours_per_turn;
            char vstep[32] = "";
            niact_scenario_step(&alt, vstep, sizeof vstep);
            int o = snprintf(extra, sizeof extra, " (%d turns of %s", alt.turns, vstep);
            if (v->deadline && o > 0 && (size_t)o < sizeof extra)
                o += snprintf(extra + o, sizeof extra - (size_t)o, ", %d s a turn when hosted",
                              v->deadline);
            if (v->minutes && o > 0 && (size_t)o < sizeof extra)
                o += snprintf(extra + o, sizeof extra - (size_t)o, ", about %d minutes",
                              v->minutes);
            if (o > 0 && (size_t)o < sizeof extra)
                snprintf(extra + o, sizeof extra - (size_t)o, ")");
            item(&v->meta, extra);
        }
    }
    printf("\nROLES\n");
    for (int i = 0; i < sc->n_roles; i++) {
        snprintf(extra, sizeof extra, " (%d action points)", sc->roles[i].action_points);
        item(&sc->roles[i].meta, extra);
    }
    printf("\nTRACKS\n");
    for (int i = 0; i < sc->n_tracks; i++) {
        const niact_track_def *d = &sc->tracks[i];
        int o = snprintf(extra, sizeof extra, " [%d-%d, starts %d]", d->min, d->max, d->initial);
        for (int r = 0; r < sc->n_roles && o > 0 && (size_t)o < sizeof extra; r++)
            o += snprintf(extra + o, sizeof extra - (size_t)o, " %s:%s", sc->roles[r].meta.id,
                          d->hidden ? "none" : vis_name(d->vis[r]));
        item(&d->meta, extra);
    }
    printf("\nACTIONS\n");
    for (int i = 0; i < sc->n_actions; i++) {
        const niact_action_def *d = &sc->actions[i];
        int o = snprintf(extra, sizeof extra, " (cost %d;", d->cost);
        for (int r = 0; r < sc->n_roles; r++)
            if (d->roles & (1u << r))
                o += snprintf(extra + o, sizeof extra - (size_t)o, " %s", sc->roles[r].meta.id);
        snprintf(extra + o, sizeof extra - (size_t)o, ")");
        item(&d->meta, extra);
    }
    printf("\nNEGOTIATION\n  trust starts at %d, +%d for a commitment kept, -%d for one broken; "
           "a proposal open %d turn%s after its own; %d proposals a seat a turn\n",
           sc->negotiation.trust_start, sc->negotiation.trust_kept, sc->negotiation.trust_broken,
           sc->negotiation.expiry, sc->negotiation.expiry == 1 ? "" : "s",
           sc->negotiation.proposals_per_turn);
    printf("\nOUTCOMES\n");
    for (int i = 1; i < niact_scenario_outcome_count(sc); i++) {
        niact_outcome o = (niact_outcome)i;
        if (!niact_scenario_outcome_declared(sc, o) && o != niact_scenario_timeout(sc))
            continue;
        printf("  %-28s %s%s%s\n", niact_scenario_outcome(sc, o).id,
               niact_scenario_outcome(sc, o).title,
               o == niact_scenario_timeout(sc) ? " (when the calendar runs out)" : "",
               niact_scenario_outcome_zero(sc, o) ? " (every score 0)" : "");
    }
    printf("\nTERMS\n");
    for (int i = 0; i < sc->n_terms; i++)
        item(&sc->terms[i].meta, "");
    printf("\nEVENTS\n");
    for (int i = 0; i < sc->n_events; i++) {
        const niact_event_def *d = &sc->events[i];
        if (d->date[0])
            snprintf(extra, sizeof extra, " (%s)", d->date);
        else if (d->turn >= 0)
            snprintf(extra, sizeof extra, " (turn %d)", d->turn + 1);
        else
            snprintf(extra, sizeof extra, " (%.1f%% a turn%s)", d->chance / 10.0,
                     d->has_condition ? ", when its condition holds" : "");
        item(&d->meta, extra);
    }
    printf("\nOBJECTIVES\n");
    for (int i = 0; i < sc->n_objectives; i++) {
        const niact_objective_def *d = &sc->objectives[i];
        snprintf(extra, sizeof extra, " (%s, weight %d)", sc->roles[d->role].meta.id, d->weight);
        item(&d->meta, extra);
    }
}

int cli_rules(int argc, char **argv) {
    const char *scenario = NULL, *variant = NULL; /* none named: the first bundled one */
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (!strcmp(argv[i], "--variant") && i + 1 < argc)
            variant = argv[++i];
        else if (!strcmp(argv[i], "--json"))
            json = 1;
        else {
            fprintf(stderr, "niact rules: unexpected '%s' (see niact --help)\n", argv[i]);
            return CLI_USAGE;
        }
    }
    if (!scenario && !(scenario = cli_default_scenario("rules")))
        return CLI_BAD_INPUT;
    niact_host *h = cli_load(scenario, stderr);
    if (!h)
        return CLI_BAD_INPUT;
    if (cli_set_variant(h, variant, "rules") != 0) {
        niact_host_free(h);
        return CLI_USAGE;
    }
    if (json)
        print_json(niact_host_scenario(h));
    else
        print_text(niact_host_scenario(h));
    niact_host_free(h);
    return CLI_OK;
}
