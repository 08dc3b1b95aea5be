/* niact check: validate a scenario. Loading reports every declaration problem; then the
 * engine's checker (include/niact/check.h) plays the scenario as players play it, through
 * the session: random seats and every personality in its seats, for several seeds, each
 * seat's options asked every turn, every legality test asked twice, one seed played in a
 * used and a fresh Lua state. Each distinct problem is printed once, as FILE:LINE, with
 * how often and in how many games it happened. This file only prints. */
#include "cli.h"
#include "niact/check.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Prints a load problem line, with the folder as the user gave it (full: as found). */
static void print_load_line(const char *line, const char *found, const char *given) {
    size_t n = strlen(found);
    if (n && strncmp(line, found, n) == 0 && line[n] == '/')
        printf("%s%s\n", given, line + n);
    else
        printf("%s\n", line);
}

/* The path of a finding's file as the user knows it: DIR/FILE, the library's own folder
 * for lib/FILE; just DIR when the problem is the whole scenario's. */
static void print_finding(const niact_finding *x, const char *dir, const char *lib) {
    char text[2600];
    niact_finding_format(x, text, sizeof text);
    const niact_error *e = &x->e;
    if (!e->file[0])
        printf("%s: %s\n", dir, text);
    else if (strncmp(e->file, "lib/", 4) == 0 && lib[0])
        printf("%s/%s%s%.0d: %s\n", lib, e->file + 4, e->line > 0 ? ":" : "", (int)e->line, text);
    else
        printf("%s/%s%s%.0d: %s\n", dir, e->file, e->line > 0 ? ":" : "", (int)e->line, text);
}

int cli_check(int argc, char **argv) {
    const char *target = NULL;
    niact_check_options opt = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seeds") == 0) {
            uint64_t v = 0;
            if (i + 1 >= argc || cli_parse_u64(argv[i + 1], &v) != 0 || v < 1 ||
                v > NIACT_CHECK_MAX_SEEDS) {
                fprintf(stderr, "niact check: --seeds takes a whole number from 1 to %d\n",
                        NIACT_CHECK_MAX_SEEDS);
                return CLI_USAGE;
            }
            opt.seeds = (int)v;
            i++;
        } else if (strcmp(argv[i], "--variant") == 0 && i + 1 < argc) {
            opt.variant = argv[++i];
        } else if (argv[i][0] == '-' || target) {
            cli_help(stderr, "check");
            return CLI_USAGE;
        } else {
            target = argv[i];
        }
    }
    if (!target) {
        cli_help(stderr, "check");
        return CLI_USAGE;
    }
    /* dir names the scenario in messages; find is what is looked up: the argument by
     * the one rule (a bare name is a bundled or the user's scenario), or for a file the
     * folder holding it, as a folder (with its '/'). */
    char dir[4096], find[4100];
    snprintf(dir, sizeof dir, "%s", target);
    snprintf(find, sizeof find, "%s", target);
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/';) /* "mine/" names as "mine" */
        dir[--n] = 0;
    struct stat stt;
    if (stat(dir, &stt) == 0 && S_ISREG(stt.st_mode)) { /* a file: check its folder */
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(dir, sizeof dir, ".");
        snprintf(find, sizeof find, "%s/", dir);
    }
    char sdir[4096], lib[4096];
    if (cli_find(find, sdir, sizeof sdir, lib, sizeof lib) != 0)
        return CLI_BAD_INPUT;
    niact_findings *f = niact_findings_new();
    niact_check_summary *sum = calloc(1, sizeof *sum);
    char *msg = malloc(1 << 16);
    if (!f || !sum || !msg) {
        fprintf(stderr, "niact check: out of memory\n");
        niact_findings_free(f);
        free(sum);
        free(msg);
        return CLI_BAD_INPUT;
    }
    int rc = CLI_OK;
    niact_status st = niact_check_run(find, &opt, f, sum, msg, 1 << 16);
    if (st != NIACT_OK && !strncmp(msg, "--variant: ", 11)) {
        fprintf(stderr, "niact check: %s\n", msg);
        rc = CLI_USAGE;
        goto done;
    }
    if (st != NIACT_OK) {
        printf("niact: scenario '%s' could not be loaded:\n", dir);
        for (char *line = msg; line && *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = 0;
            print_load_line(line, sum->dir, dir);
            line = nl ? nl + 1 : NULL;
        }
        rc = CLI_BAD_INPUT;
        goto done;
    }
    /* The declarations' warnings first (FILE:LINE: warning: ..., relative to the folder),
     * then what playing found. */
    for (char *line = sum->load_warnings; *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        if (strncmp(line, "lib/", 4) == 0 && sum->lib[0])
            printf("%s/%s\n", sum->lib, line + 4);
        else
            printf("%s/%s\n", dir, line);
        if (!nl)
            break;
        line = nl + 1;
    }
    size_t n = niact_findings_count(f) + (size_t)sum->n_load_warnings;
    size_t errors = niact_findings_errors(f);
    for (size_t i = 0; i < niact_findings_count(f); i++)
        print_finding(niact_findings_at(f, i), dir, sum->lib);
    if (niact_findings_dropped(f))
        printf("%s: and %zu more distinct problems not shown\n", dir, niact_findings_dropped(f));
    char played[256];
    snprintf(played, sizeof played,
             "%d games played: random seats and every personality (%d) in its seats, %d "
             "seed%s each%s", sum->games, sum->personalities, sum->seeds,
             sum->seeds == 1 ? "" : "s",
             sum->variants_played ? ", and in each variant with one seed" : "");
    if (errors == 0) {
        printf("%s: ok%s (%d roles, %d tracks, %d actions, %d events, %d objectives, %d "
               "terms; %s; every legality test asked twice)\n",
               sum->id, n ? " with warnings" : "", sum->roles, sum->tracks, sum->actions,
               sum->events, sum->objectives, sum->terms, played);
    } else {
        printf("%s: %zu error%s, %zu warning%s (%s)\n", dir, errors, errors == 1 ? "" : "s",
               n - errors, n - errors == 1 ? "" : "s", played);
        rc = CLI_BAD_INPUT;
    }
    if (sum->variant[0])
        printf("%s: played as its variant '%s'\n", sum->id, sum->variant);
    if (sum->other_variants[0])
        printf("%s: variants not played here: %s (check each with --variant ID)\n", sum->id,
               sum->other_variants);
done:
    niact_findings_free(f);
    free(sum);
    free(msg);
    return rc;
}
