/* niact debrief FILE: the classroom debrief of a game, in Markdown (an unfinished one:
 * of the turns played, marked so): how it ended, each delegation's score, the curves of every track over the game, every seat's
 * orders beside what the historical personality would have ordered in the same
 * situation, and the negotiation record. */
#include "cli.h"
#include "niact/record.h"

#include <stdlib.h>
#include <string.h>

/* Writes scenario or seat text into the Markdown so that it stays text: '<' cannot open
 * an HTML tag, and a line break cannot start a heading or a list of its own (in a table
 * cell, cell = 1: a space; in a list item: an indented continuation line), nor '|' end
 * a cell. Control characters never reach this far (text.h), and the output passes
 * through the sanitizer anyway (textout.c). */
static void md(FILE *out, const char *text, int cell) {
    for (const char *c = text; *c; c++) {
        if (*c == '<')
            fputs("&lt;", out);
        else if (*c == '\n')
            fputs(cell ? " " : "\n  ", out);
        else if (*c == '|' && cell)
            fputs("\\|", out);
        else
            fputc(*c, out);
    }
}

static const char *const blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                     "\u2585", "\u2586", "\u2587", "\u2588"};

/* One row: the track's value after setup and after each turn, as a bar of blocks. */
static void curve(FILE *out, niact_game *g, int t) {
    const niact_track_def *d = &niact_game_scenario(g)->tracks[t];
    int32_t turns = niact_game_turn(g), first = 0, last = 0;
    fputs("| ", out);
    md(out, d->meta.name, 1);
    fputs(" | ", out);
    for (int32_t k = 0; k <= turns; k++) {
        int32_t v = 0;
        niact_game_history(g, -1, t, k, &v);
        if (k == 0)
            first = v;
        last = v;
        int64_t span = (int64_t)d->max - d->min;
        int idx = span > 0 ? (int)(((int64_t)(v - d->min) * 7 + span / 2) / span) : 0;
        fputs(blocks[idx < 0 ? 0 : idx > 7 ? 7 : idx], out);
    }
    if (d->n_labels) {
        fputs(" | ", out);
        md(out, d->labels[first - d->min], 1);
        fputs(" | ", out);
        md(out, d->labels[last - d->min], 1);
        fputs(" |\n", out);
    } else {
        fprintf(out, " | %d | %d |\n", first, last);
    }
}

static void orders_text(const niact_scenario *sc, const niact_order *os, int n, char *buf,
                        size_t len) {
    size_t o = 0;
    buf[0] = 0;
    if (n == 0)
        snprintf(buf, len, "(none)");
    for (int i = 0; i < n && o + 1 < len; i++) {
        const niact_action_def *a = &sc->actions[os[i].action];
        int w = a->has_param ? snprintf(buf + o, len - o, "%s%s %d", i ? ", " : "", a->meta.name,
                                        os[i].param)
                             : snprintf(buf + o, len - o, "%s%s", i ? ", " : "", a->meta.name);
        if (w < 0)
            break;
        o += (size_t)w;
    }
}

/* Replays the loaded game in a fresh session and, before each turn, asks the historical
 * personality what it would have ordered; prints both side by side. */
static int choices(FILE *out, niact_loaded *l) {
    const niact_scenario *sc = niact_host_scenario(l->host);
    int has_hist = 0;
    for (int i = 0; i < sc->n_personalities; i++)
        has_hist |= strcmp(sc->personalities[i], "historical") == 0;
    niact_session *s = NULL;
    char msg[512];
    if (niact_session_new(l->host, niact_game_seed(niact_session_game(l->session)), NULL, &s,
                          msg, sizeof msg) != NIACT_OK)
        return -1;
    fprintf(out, "\n## Choices%s\n\n", has_hist ? " beside the historical ones" : "");
    fprintf(out, "| turn | seat | ordered | %s\n|---|---|---|%s\n",
            has_hist ? "historical choice |" : "", has_hist ? "---|" : "");
    size_t next_input = 0;
    int32_t turns = niact_session_turns_played(l->session);
    for (int32_t t = 0; t < turns; t++) {
        niact_game *g = niact_session_game(s);
        char date[16];
        niact_scenario_date(sc, t, date, sizeof date);
        for (int r = 0; r < sc->n_roles; r++) {
            const niact_turn_input *in = niact_session_input(l->session, t);
            char did[600], hist[600] = "";
            orders_text(sc, in->orders[r], in->n[r], did, sizeof did);
            if (has_hist) {
                niact_order os[NIACT_MAX_ORDERS];
                int n = 0;
                if (niact_host_personality(l->host, g, "historical", r, os, NIACT_MAX_ORDERS,
                                           &n) == NIACT_OK)
                    orders_text(sc, os, n, hist, sizeof hist);
            }
            fprintf(out, "| %s | ", r == 0 ? date : "");
            md(out, sc->roles[r].meta.id, 1);
            fputs(" | ", out);
            md(out, did, 1);
            fputs(" |", out);
            if (has_hist) {
                fputs(" ", out);
                md(out, hist, 1);
                fputs(" |", out);
            }
            fputs("\n", out);
        }
        const niact_input *in;
        while ((in = niact_session_input_at(l->session, next_input)) && in->turn == t) {
            niact_session_apply(s, in);
            next_input++;
        }
        const niact_turn_input *ti = niact_session_input(l->session, t);
        for (int r = 0; r < sc->n_roles; r++)
            niact_session_submit(s, r, ti->orders[r], ti->n[r]);
        if (niact_session_resolve(s) != NIACT_OK)
            break;
    }
    niact_session_free(s);
    return 0;
}

static void talks(FILE *out, niact_game *g) {
    size_t cur = 0;
    niact_log_entry e;
    int any = 0;
    const niact_scenario *sc = niact_game_scenario(g);
    while (niact_game_log_next(g, -1, &cur, &e)) {
        if (e.kind != NIACT_LOG_PROPOSAL && e.kind != NIACT_LOG_TELEGRAM)
            continue;
        if (!any)
            fprintf(out, "\n## Negotiation\n\n");
        any = 1;
        char date[16];
        niact_scenario_date(sc, e.turn, date, sizeof date);
        fprintf(out, "- *%s* ", date);
        md(out, e.text, 0);
        fputs("\n", out);
    }
    fprintf(out, "\nTrust at the end:");
    for (int r = 0; r < sc->n_roles; r++) {
        fputs(" ", out);
        md(out, sc->roles[r].meta.name, 1);
        fprintf(out, " %d;", niact_game_trust(g, r));
    }
    fprintf(out, "\n");
}

static void header(FILE *out, niact_game *g, int unfinished) {
    const niact_scenario *sc = niact_game_scenario(g);
    if (unfinished)
        fprintf(out, "# Debrief (unfinished game): %s\n\n"
                     "> **Unfinished.** The game has not ended: %d of its %d turns were played. "
                     "Scores and tracks are as they stood after turn %d; orders given in the "
                     "turn under way are not shown.\n\nSeed %llu.\n\n",
                sc->meta.name, niact_game_turn(g), sc->turns, niact_game_turn(g),
                (unsigned long long)niact_game_seed(g));
    else
        fprintf(out, "# Debrief: %s\n\nSeed %llu. The game ended after %d turns: **%s**. %s\n\n",
                sc->meta.name, (unsigned long long)niact_game_seed(g), niact_game_turn(g),
                niact_outcome_info(niact_game_outcome(g))->title, niact_game_outcome_text(g));
    fprintf(out, "## Scores\n\n| seat | score | objectives |\n|---|---|---|\n");
    for (int r = 0; r < sc->n_roles; r++) {
        int32_t s = 0;
        niact_game_score(g, -1, r, &s);
        fputs("| ", out);
        md(out, sc->roles[r].meta.name, 1);
        fprintf(out, " | %d |", s);
        for (int o = 0; o < sc->n_objectives; o++) {
            if (sc->objectives[o].role != r)
                continue;
            int32_t os = 0;
            niact_game_objective_score(g, -1, o, &os);
            fputs(" ", out);
            md(out, sc->objectives[o].meta.name, 1);
            fprintf(out, " %d;", os);
        }
        fprintf(out, " |\n");
    }
    fprintf(out, "\n## The tracks over the game\n\nEach bar is the true value after each "
                 "turn (low to high within the track's range).\n\n"
                 "| track | curve | start | end |\n|---|---|---|---|\n");
    for (int t = 0; t < sc->n_tracks; t++)
        if (!sc->tracks[t].hidden)
            curve(out, g, t);
}

int cli_debrief(int argc, char **argv) {
    const char *file = NULL, *scenario = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (argv[i][0] != '-' && !file)
            file = argv[i];
        else {
            cli_help(stderr, "debrief");
            return CLI_USAGE;
        }
    }
    if (!file) {
        cli_help(stderr, "debrief");
        return CLI_USAGE;
    }
    niact_loaded l;
    char msg[2048], dir[4096], lib[4096];
    niact_record_opts opts;
    memset(&opts, 0, sizeof opts);
    if (scenario) {
        if (cli_find(scenario, dir, sizeof dir, lib, sizeof lib) != 0)
            return CLI_BAD_INPUT;
        opts.scenario_dir = dir;
        opts.lib_dir = lib;
    }
    niact_status st = niact_record_load(file, &opts, &l, msg, sizeof msg);
    if (st != NIACT_OK) {
        fprintf(stderr, "niact debrief: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    if (!scenario)
        cli_say_record_scenario(&l);
    niact_game *g = niact_session_game(l.session);
    int unfinished = niact_game_phase(g) != NIACT_PHASE_ENDED;
    if (unfinished) {
        /* The debrief of the turns played: the loaded copy is stopped so every view
         * opens, as at the end (the file is not touched). */
        fprintf(stderr, "niact debrief: %s: the game has not ended (%d turn(s) played): this is "
                        "the debrief of the turns played (finish it with niact play --text "
                        "--load %s)\n",
                file, niact_game_turn(g), file);
        if (niact_session_stop(l.session) != NIACT_OK) {
            fprintf(stderr, "niact debrief: %s\n", niact_session_error(l.session));
            niact_loaded_free(&l);
            return CLI_BAD_INPUT;
        }
    }
    header(stdout, g, unfinished);
    choices(stdout, &l);
    talks(stdout, g);
    const char *text = niact_host_scenario(l.host)->debrief;
    if (text && *text)
        fprintf(stdout, text[0] == '#' ? "\n%s\n" : "\n## What happened in history\n\n%s\n",
                text);
    niact_loaded_free(&l);
    return CLI_OK;
}
