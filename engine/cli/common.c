/* Helpers shared by the commands: loading, numbers, the result block. */
#include "cli.h"
#include "niact/hash.h"
#include "niact/paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int cli_find(const char *name, char *dir, size_t dirlen, char *lib, size_t liblen) {
    char msg[2 * NIACT_PATH_MAX + 512];
    if (niact_path_scenario(name, dir, dirlen, lib, liblen, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact: %s\n", msg);
        return -1;
    }
    fprintf(stderr, "niact: scenario %s from %s\n", name, dir);
    return 0;
}

niact_host *cli_load_dir(const char *name, const char *dir, FILE *err) {
    char msg[8192];
    niact_host *h = NULL;
    /* The session's loader: each problem comes as FILE:LINE: message with its full path. */
    niact_status st = niact_session_load(dir, NULL, &h, NULL, 0, msg, sizeof msg);
    if (st != NIACT_OK) {
        fprintf(err, "niact: scenario '%s' could not be loaded:\n%s", name, msg);
        return NULL;
    }
    return h;
}

void cli_say_record_scenario(const niact_session *s, const niact_replay_info *info) {
    if (info->scenario_dir[0])
        fprintf(stderr, "niact: scenario %s from %s\n", niact_session_scenario(s)->meta.id,
                info->scenario_dir);
}

const char *cli_default_scenario(const char *cmd) {
    static char name[256];
    char msg[NIACT_PATH_MAX + 256];
    if (niact_path_default_scenario(name, sizeof name, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact %s: %s\n", cmd, msg);
        return NULL;
    }
    return name;
}

int cli_set_variant(niact_host *h, const char *variant, const char *cmd) {
    char msg[700];
    if (!variant || niact_host_set_variant(h, variant, msg, sizeof msg) == 0)
        return 0;
    fprintf(stderr, "niact %s: --variant: %s\n", cmd, msg);
    return -1;
}

niact_host *cli_load(const char *name, FILE *err) {
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX];
    if (cli_find(name, dir, sizeof dir, lib, sizeof lib) != 0)
        return NULL;
    return cli_load_dir(name, dir, err);
}

int cli_parse_u64(const char *s, uint64_t *out) {
    if (!s || !*s || *s == '-')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end || errno)
        return -1;
    *out = v;
    return 0;
}

uint64_t cli_clock_seed(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return niact_mix64((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec) % 1000000000u;
}

void cli_print_hanging(FILE *out, const char *prefix, const char *text, int width) {
    int indent = (int)strlen(prefix), col = indent;
    fputs(prefix, out);
    int fresh = 1; /* nothing printed on this line yet after the indent */
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
            fresh = 1;
            p++;
            continue;
        }
        const char *w = p;
        while (*w && *w != ' ' && *w != '\n')
            w++;
        int wl = (int)(w - p);
        if (!fresh && col + 1 + wl > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
            fresh = 1;
        }
        if (!fresh) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, (size_t)wl, out);
        col += wl;
        fresh = 0;
        p = w;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

void cli_print_wrapped(FILE *out, const char *text, int indent, int width) {
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%*s", indent < 60 ? indent : 60, "");
    cli_print_hanging(out, prefix, text, width);
}

void cli_track_text(const niact_session *s, int role, int track, char *buf, size_t len) {
    niact_known k;
    if (niact_session_track(s, role, track, &k) != NIACT_OK)
        k.vis = NIACT_VIS_NONE;
    niact_known_text(&k, NIACT_WORDS_ASCII | NIACT_WORDS_SEEN, buf, len); /* the one wording */
}

static const char *outcome_name(const niact_game *g) {
    return niact_scenario_outcome(niact_game_scenario(g), niact_game_outcome(g)).stamp;
}

void cli_print_result(FILE *out, const niact_game *g) {
    cli_print_result_vs(out, g, NULL);
}

void cli_print_result_vs(FILE *out, const niact_game *g, const int32_t *baseline) {
    const niact_scenario *sc = niact_game_scenario(g);
    char date[NIACT_DATE_MAX] = "";
    niact_scenario_date(sc, niact_game_turn(g), date, sizeof date);
    fprintf(out, "\n=== RESULT: %s after %d turn%s (%s) ===\n",
            outcome_name(g), niact_game_turn(g),
            niact_game_turn(g) == 1 ? "" : "s", date);
    cli_print_wrapped(out, niact_game_outcome_text(g), 2, 78);
    fprintf(out, "\nScores (0-100):\n");
    for (int r = 0; r < sc->n_roles; r++) {
        int32_t s = 0;
        niact_game_score(g, r, r, &s);
        if (baseline)
            fprintf(out, "  %-22s %3d   (all-historical game of this seed: %d, %+d)\n",
                    sc->roles[r].meta.name, s, baseline[r], s - baseline[r]);
        else
            fprintf(out, "  %-22s %3d\n", sc->roles[r].meta.name, s);
        for (int o = 0; o < sc->n_objectives; o++) {
            if (sc->objectives[o].role != r)
                continue;
            int32_t os = 0;
            niact_game_objective_score(g, r, o, &os);
            fprintf(out, "      %-36s %3d  (weight %d)\n", sc->objectives[o].meta.name, os,
                    sc->objectives[o].weight);
        }
    }
    fprintf(out, "\nThe true state at the end:\n");
    for (int t = 0; t < sc->n_tracks; t++) {
        if (sc->tracks[t].hidden)
            continue;
        int32_t v = 0;
        niact_game_truth(g, t, &v);
        const niact_track_def *d = &sc->tracks[t];
        if (d->n_labels)
            fprintf(out, "  %-36s %s (%d)\n", d->meta.name, d->labels[v - d->min], v);
        else
            fprintf(out, "  %-36s %d\n", d->meta.name, v);
    }
    fprintf(out, "\nstate hash: %016llx\n", (unsigned long long)niact_game_hash(g));
}
