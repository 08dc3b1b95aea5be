/* Text play's negotiation commands: terms, propose, counter, accept, reject, withdraw,
 * proposals, agreements, telegram. */
#include "cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const cli_negotiate_help =
    "Negotiation:\n"
    "  terms                          the terms you can propose or ask for\n"
    "  propose ROLE[,ROLE] TERM[=N][@GIVER]... [public|secret]\n"
    "                                 offer and demand terms (e.g. propose ussr\n"
    "                                 quarantine_lifted il28_removed=30); @GIVER says\n"
    "                                 who gives a term several may give\n"
    "  counter ID TERM[=N]...         reject proposal ID and answer with your own\n"
    "  accept ID / reject ID          answer a proposal addressed to you\n"
    "  withdraw ID                    take back a proposal of yours\n"
    "  proposals                      proposals you can see, with their state\n"
    "  agreements                     commitments, deadlines, kept or broken; trust\n"
    "  telegram ROLE[,ROLE] TEXT      send a message\n";

static const char *const status_names[] = {"open", "AGREED", "rejected", "expired",
                                            "withdrawn"};

/* Parses "us,ussr" into a mask; 0 on error (message printed). */
static uint32_t parse_roles(const niact_scenario *sc, char *list, FILE *out) {
    uint32_t mask = 0;
    for (char *t = strtok(list, ","); t; t = strtok(NULL, ",")) {
        int r = niact_scenario_role(sc, t);
        if (r < 0) {
            fprintf(out, "  No role '%s'. Roles:", t);
            for (int i = 0; i < sc->n_roles; i++)
                fprintf(out, " %s", sc->roles[i].meta.id);
            fprintf(out, "\n");
            return 0;
        }
        mask |= 1u << r;
    }
    if (!mask) { /* "," or ",,": no role named (was refused without a word) */
        fprintf(out, "  Name a role (ROLE or ROLE,ROLE). Roles:");
        for (int i = 0; i < sc->n_roles; i++)
            fprintf(out, " %s", sc->roles[i].meta.id);
        fprintf(out, "\n");
    }
    return mask;
}

/* Parses "term[=N]" words from `rest` into items; returns count, -1 on error. */
static int parse_terms(const niact_scenario *sc, char *rest, niact_term_item *items, int *pub,
                       FILE *out) {
    int n = 0;
    *pub = 0;
    for (char *w = strtok(rest, " \t"); w; w = strtok(NULL, " \t")) {
        if (!strcmp(w, "public") || !strcmp(w, "secret")) {
            *pub = w[0] == 'p';
            continue;
        }
        int giver = -1; /* TERM@ROLE: the proposer says who gives it */
        char *at = strchr(w, '@');
        if (at) {
            *at++ = 0;
            if ((giver = niact_scenario_role(sc, at)) < 0) {
                fprintf(out, "  No role '%s' (TERM@ROLE names who gives the term).\n", at);
                return -1;
            }
        }
        char *eq = strchr(w, '=');
        if (eq)
            *eq++ = 0;
        int t = niact_scenario_term(sc, w);
        if (t < 0) {
            fprintf(out, "  No term '%s'. Type 'terms' for the list.\n", w);
            return -1;
        }
        if (n == NIACT_MAX_TERMS) {
            fprintf(out, "  A proposal has at most %d terms.\n", NIACT_MAX_TERMS);
            return -1;
        }
        const niact_term_def *d = &sc->terms[t];
        int32_t param = d->has_param ? d->param_default : 0;
        if (eq) {
            char *end;
            long v = strtol(eq, &end, 10);
            if (*end || !d->has_param || v < d->param_min || v > d->param_max) {
                fprintf(out, "  '%s' takes %s%s.\n", w, d->has_param ? "a number: " : "no number",
                       d->has_param ? d->param_name : "");
                return -1;
            }
            param = (int32_t)v;
        }
        items[n++] = (niact_term_item){(int16_t)t, (int16_t)giver, param};
    }
    if (n == 0)
        fprintf(out, "  Name at least one term. Type 'terms' for the list.\n");
    return n ? n : -1;
}

static void list_terms(const niact_scenario *sc, FILE *out) {
    for (int t = 0; t < sc->n_terms; t++) {
        const niact_term_def *d = &sc->terms[t];
        fprintf(out, "  %-26s %s", d->meta.id, d->meta.name);
        if (d->has_param)
            fprintf(out, " [=%s %d-%d, default %d]", d->param_name, d->param_min, d->param_max,
                   d->param_default);
        fprintf(out, "\n      given by:");
        for (int r = 0; r < sc->n_roles; r++)
            if (d->givers & (1u << r))
                fprintf(out, " %s", sc->roles[r].meta.id);
        fprintf(out, "\n");
        if (d->meta.text[0])
            cli_print_wrapped(out, d->meta.text, 6, 78);
    }
}

void cli_show_proposals(niact_session *s, int role, int only_open, FILE *out) {
    const niact_game *g = niact_session_view(s);
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_proposal *p;
    int any = 0;
    for (int i = 0; (p = niact_game_proposal(g, role, i)); i++) {
        if (only_open && !(p->status == NIACT_PROPOSAL_OPEN && (p->to & (1u << role)) &&
                           !(p->accepted & (1u << role))))
            continue;
        any = 1;
        fprintf(out, "  #%d %s -> ", p->id, sc->roles[p->from].meta.id);
        for (int r = 0; r < sc->n_roles; r++)
            if (p->to & (1u << r))
                fprintf(out, "%s%s ", sc->roles[r].meta.id, (p->accepted & (1u << r)) ? "(yes)" : "");
        fprintf(out, "[%s]%s\n", status_names[p->status], p->public_ ? " public" : "");
        for (int k = 0; k < p->n_terms; k++) {
            const niact_term_def *d = &sc->terms[p->terms[k].term];
            fprintf(out, "      %s gives: %s", sc->roles[p->terms[k].giver].meta.id, d->meta.name);
            if (d->has_param)
                fprintf(out, " (%s %d)", d->param_name, p->terms[k].param);
            fprintf(out, "\n");
        }
    }
    if (!any)
        fprintf(out, only_open ? "  (no proposals waiting for your answer)\n" : "  (no proposals)\n");
}

static void show_agreements(niact_session *s, int role, FILE *out) {
    const niact_game *g = niact_session_view(s);
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_commitment *c;
    int any = 0;
    for (int i = 0; (c = niact_game_commitment(g, role, i)); i++) {
        any = 1;
        const niact_term_def *d = &sc->terms[c->item.term];
        char date[NIACT_DATE_MAX] = "";
        niact_scenario_date(sc, c->deadline, date, sizeof date);
        fprintf(out, "  agreement #%d: %s owes %s", c->agreement, sc->roles[c->item.giver].meta.id,
               d->meta.name);
        if (d->has_param)
            fprintf(out, " (%s %d)", d->param_name, c->item.param);
        fprintf(out, " - %s\n", c->status == NIACT_COMMIT_KEPT     ? "KEPT"
                          : c->status == NIACT_COMMIT_BROKEN ? "BROKEN"
                                                             : "");
        if (c->status == NIACT_COMMIT_PENDING)
            fprintf(out, "      due by the end of turn %d (the turn from %s)%s\n", c->deadline + 1, date,
                   c->deadline >= sc->turns ? ", after the last turn" : "");
    }
    if (!any)
        fprintf(out, "  (no agreements)\n");
    fprintf(out, "  Trust:");
    for (int r = 0; r < sc->n_roles; r++)
        fprintf(out, " %s %d", sc->roles[r].meta.id, niact_game_trust(g, r));
    fprintf(out, "\n");
}

static int32_t parse_id(const char *arg) {
    char *end;
    long v = strtol(arg ? arg : "", &end, 10);
    if (arg && *arg == '#')
        v = strtol(arg + 1, &end, 10);
    return *end == 0 && v > 0 && v < 100000 ? (int32_t)v : 0;
}

static void report(niact_session *s, niact_status st, const char *ok, FILE *out) {
    if (st == NIACT_OK)
        fprintf(out, "  %s\n", ok);
    else
        fprintf(out, "  Not done: %s.\n", niact_session_error(s));
}

/* A negotiation command with an id (answer, withdraw), through the one command queue. */
static niact_status tell_id(niact_session *s, niact_command_kind kind, int role, int32_t id,
                            int accept) {
    niact_command c = niact_command_make(kind, role);
    c.id = id;
    c.accept = accept;
    return niact_session_tell(s, &c, NULL);
}

static void tell_telegram(niact_session *s, int role, uint32_t to, const char *text, FILE *out) {
    niact_command c = niact_command_make(NIACT_CMD_TELEGRAM, role);
    if (strlen(text) >= sizeof c.text) { /* (the core's own bound, said before copying) */
        fprintf(out, "  Not done: a telegram is at most %d bytes.\n", NIACT_TELEGRAM_MAX);
        return;
    }
    c.to = to;
    memcpy(c.text, text, strlen(text) + 1);
    report(s, niact_session_tell(s, &c, NULL), "Telegram sent.", out);
}

static void cmd_propose(niact_session *s, int role, char *arg, int counter, FILE *out) {
    const niact_scenario *sc = niact_session_scenario(s);
    char *first = strtok(arg, " \t");
    char *rest = first ? strtok(NULL, "") : NULL;
    if (!first || !rest) {
        fprintf(out, counter ? "  counter ID TERM[=N]...\n" : "  propose ROLE[,ROLE] TERM[=N]...\n");
        return;
    }
    uint32_t to = 0;
    int32_t counter_of = 0;
    if (counter) {
        counter_of = parse_id(first);
        const niact_proposal *p =
            niact_game_proposal_by_id(niact_session_view(s), role, counter_of);
        if (!p) {
            fprintf(out, "  No proposal #%s for you to counter.\n", first);
            return;
        }
        to = 1u << p->from;
    } else if (!(to = parse_roles(sc, first, out))) {
        return;
    }
    niact_term_item items[NIACT_MAX_TERMS];
    int pub;
    int n = parse_terms(sc, rest, items, &pub, out);
    if (n < 0)
        return;
    niact_command c = niact_command_make(NIACT_CMD_PROPOSE, role);
    c.to = to;
    c.public_ = pub;
    c.id = counter_of;
    c.n_terms = n;
    memcpy(c.terms, items, (size_t)n * sizeof *items);
    niact_reply r;
    niact_status st = niact_session_tell(s, &c, &r);
    char ok[64];
    snprintf(ok, sizeof ok, "Proposal #%d sent.", r.id);
    report(s, st, ok, out);
}

int cli_negotiate(niact_session *s, int role, const char *cmd, char *arg, FILE *out) {
    if (!strcmp(cmd, "terms"))
        list_terms(niact_session_scenario(s), out);
    else if (!strcmp(cmd, "propose") || !strcmp(cmd, "p"))
        cmd_propose(s, role, arg, 0, out);
    else if (!strcmp(cmd, "counter"))
        cmd_propose(s, role, arg, 1, out);
    else if ((!strcmp(cmd, "accept") || !strcmp(cmd, "reject") || !strcmp(cmd, "withdraw")) &&
             !parse_id(arg))
        fprintf(out, "  %s ID: ID is a proposal's number, as 'proposals' shows it (not '%.40s').\n",
               cmd, arg ? arg : "");
    else if (!strcmp(cmd, "accept") || !strcmp(cmd, "reject"))
        report(s, tell_id(s, NIACT_CMD_ANSWER, role, parse_id(arg), cmd[0] == 'a'),
               cmd[0] == 'a' ? "Accepted." : "Rejected.", out);
    else if (!strcmp(cmd, "withdraw"))
        report(s, tell_id(s, NIACT_CMD_WITHDRAW, role, parse_id(arg), 0), "Withdrawn.", out);
    else if (!strcmp(cmd, "proposals"))
        cli_show_proposals(s, role, 0, out);
    else if (!strcmp(cmd, "agreements"))
        show_agreements(s, role, out);
    else if (!strcmp(cmd, "telegram") || !strcmp(cmd, "t")) {
        char *who = strtok(arg, " \t");
        char *text = who ? strtok(NULL, "") : NULL;
        while (text && isspace((unsigned char)*text))
            text++;
        uint32_t to = who && text && *text ? parse_roles(niact_session_scenario(s), who, out) : 0;
        if (!who || !text || !*text)
            fprintf(out, "  telegram ROLE[,ROLE] TEXT\n");
        else if (to)
            tell_telegram(s, role, to, text, out);
    } else
        return 0;
    return 1;
}
