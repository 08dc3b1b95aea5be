/* Records in the command-line front end: --load/--record/--no-autosave for play, the
 * 'save' command of text play, autosave after every turn, and `niact replay`. */
#include "record_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <dirent.h>
#include <stdint.h>

#include "cli.h"

void cli_rec_init(cli_rec *r) {
    memset(r, 0, sizeof *r);
    r->autosave = 1;
    r->loaded.first_mismatch = -1;
}

int cli_rec_option(cli_rec *r, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    if (!strcmp(a, "--no-autosave")) {
        r->autosave = 0;
        return 1;
    }
    if (strcmp(a, "--load") != 0 && strcmp(a, "--record") != 0)
        return 0;
    if (*i + 1 >= argc || !argv[*i + 1][0]) {
        fprintf(stderr, "niact play: %s takes a file\n", a);
        return -1;
    }
    if (!strcmp(a, "--load"))
        r->load_arg = argv[++*i];
    else
        r->record_path = argv[++*i];
    return 1;
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int cli_rec_check(cli_rec *r) {
    char msg[4200];
    if (r->record_path && niact_record_check_path(r->record_path, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact play: --record: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    return CLI_OK;
}

/* --load FILE: the file as named; a plain name not found as a file is a save in the data
 * folder (saves/NAME.json, then autosave/NAME.json). */
static int find_load(cli_rec *r) {
    char msg[512];
    if (is_file(r->load_arg) || strchr(r->load_arg, '/')) {
        snprintf(r->load_path, sizeof r->load_path, "%s", r->load_arg);
        return 0;
    }
    static const char *const subs[] = {"saves", "autosave"};
    for (int k = 0; k < 2; k++) {
        if (niact_data_file(subs[k], r->load_arg, 0, r->load_path, sizeof r->load_path, msg,
                            sizeof msg) != 0) {
            fprintf(stderr, "niact play: --load %s: %s\n", r->load_arg, msg);
            return -1;
        }
        if (is_file(r->load_path)) {
            if (k == 1) /* an autosave goes on in its own file */
                snprintf(r->autosave_path, sizeof r->autosave_path, "%s", r->load_path);
            return 0;
        }
    }
    fprintf(stderr, "niact play: --load %s: no such file, and no save of that name in the "
                    "data folder\n", r->load_arg);
    if (cli_saves_list(stderr) == 0)
        fprintf(stderr, "(the data folder holds no saves yet)\n");
    return -1;
}

int cli_rec_load(cli_rec *r, const char *scenario, niact_session **s) {
    char dir[4096], lib[4096], msg[4096];
    niact_replay_opts opts = {0};
    *s = NULL;
    if (find_load(r) != 0)
        return CLI_BAD_INPUT;
    if (scenario) { /* (says which folder it is) */
        if (cli_find(scenario, dir, sizeof dir, lib, sizeof lib) != 0)
            return CLI_BAD_INPUT;
        opts.scenario = dir;
    }
    if (niact_session_open_record(r->load_path, &opts, s, &r->loaded, msg, sizeof msg) !=
        NIACT_OK) {
        fprintf(stderr, "niact: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    if (!scenario)
        cli_say_record_scenario(*s, &r->loaded);
    printf("Resumed %s: %d turn(s) played%s.\n", r->load_path, r->loaded.turns,
           r->loaded.partial ? ", and orders already given in the turn under way" : "");
    if (r->loaded.cut)
        printf("(Its end was cut: the game stopped while it was being written. The complete "
               "turns before it are loaded.)\n");
    return CLI_OK;
}

/* Whether stdout and stderr are the same file (a terminal, or 2>&1). */
static int same_output(void) {
    struct stat a, b;
    fflush(stdout);
    return fstat(1, &a) == 0 && fstat(2, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* A save that failed: on stderr, and on the seat's screen if that is elsewhere. */
static void loud(const char *what, const char *msg) {
    fprintf(stderr, "niact: %s: %s\n", what, msg);
    if (!same_output())
        printf("  *** %s: %s\n", what, msg);
    fflush(stdout);
}

/* The --record file and the autosave, keeping the turn under way's inputs of `keep`.
 * Each appends the turns since its last write (niact_record_append): constant time a
 * turn, and a kill leaves every complete turn. */
static void write_both(cli_rec *r, niact_session *s, uint32_t keep) {
    char msg[4096];
    r->record_ok = 0;
    if (r->record_path &&
        niact_record_append(s, keep, &r->record_w, r->record_path, msg, sizeof msg) != NIACT_OK)
        loud("NOT RECORDED (the game goes on; 'save NAME' keeps it in the data folder)", msg);
    else if (r->record_path)
        r->record_ok = 1;
    r->autosaved[0] = 0;
    if (!r->autosave)
        return;
    niact_status st = niact_record_autosave_append(s, keep, &r->autosave_w, r->autosave_path,
                                                   sizeof r->autosave_path, msg, sizeof msg);
    if (st != NIACT_OK)
        loud("AUTOSAVE FAILED (the game goes on; 'save NAME' may still work)", msg);
    else
        snprintf(r->autosaved, sizeof r->autosaved, "%s", r->autosave_path);
}

int cli_rec_kept(const cli_rec *r, char *buf, size_t len) {
    if (r->record_ok && r->autosaved[0])
        snprintf(buf, len, "%s and %s", r->record_path, r->autosaved);
    else if (r->record_ok)
        snprintf(buf, len, "%s", r->record_path);
    else
        snprintf(buf, len, "%s", r->autosaved);
    return buf[0] != 0;
}

void cli_rec_turn(cli_rec *r, niact_session *s) {
    write_both(r, s, NIACT_RECORD_ALL_ROLES);
}

void cli_rec_quit(cli_rec *r, niact_session *s, int role) {
    (void)role; /* its unfinished orders are its draft in the session: no record has them */
    write_both(r, s, NIACT_RECORD_ALL_ROLES);
}

int cli_rec_save_cmd(cli_rec *r, niact_session *s, int role, const char *arg) {
    if (arg && *arg && strchr(arg, '/')) {
        printf("  Not saved: '%.80s' is a path; 'save NAME' saves in the data folder's saves/ "
               "(to write a file elsewhere, start the game with --record FILE).\n", arg);
        return -1;
    }
    /* A save is a session command (NIACT_CMD_SAVE): a name, or "" for the file given on
     * the command line (--record, else --load), else saves/<scenario>-<seed>.json. */
    niact_command c = niact_command_make(NIACT_CMD_SAVE, role);
    if (arg && strlen(arg) >= sizeof c.text) {
        printf("  Not saved: that name is too long.\n");
        return -1;
    }
    snprintf(c.text, sizeof c.text, "%s", arg ? arg : "");
    niact_session_set_save_file(s, r->record_path ? r->record_path : r->load_path);
    niact_reply reply;
    if (niact_session_tell(s, &c, &reply) != NIACT_OK) {
        if (reply.error.kind == NIACT_KIND_INVALID) {
            printf("  Not saved: %s.\n", reply.error.reason);
            return -1;
        }
        printf("  NOT SAVED: %s\n", reply.error.reason);
        if (!same_output())
            fprintf(stderr, "niact: not saved: %s\n", reply.error.reason);
        return -1;
    }
    printf("  Saved to %s (the orders you are writing now are not in it).\n"
           "  Resume with: niact play --text --load %s\n",
           reply.path, arg && *arg ? arg : reply.path);
    return 0;
}

/* ---- niact saves: the load list ------------------------------------------------------ */

typedef struct save_entry {
    char path[4200];
    char name[256];
    const char *folder;
    int64_t mtime;
} save_entry;

static int by_mtime(const void *a, const void *b) {
    int64_t x = ((const save_entry *)a)->mtime, y = ((const save_entry *)b)->mtime;
    return x < y ? 1 : x > y ? -1 : 0;
}

int cli_saves_list(FILE *out) {
    static const char *const subs[] = {"saves", "autosave"};
    save_entry *list = NULL;
    size_t n = 0, cap = 0;
    for (int k = 0; k < 2; k++) {
        char dir[4096], msg[512];
        if (niact_data_dir(subs[k], 0, dir, sizeof dir, msg, sizeof msg) != 0)
            continue;
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            size_t nl = strlen(e->d_name);
            struct stat st;
            if (nl < 6 || nl > 200 || e->d_name[0] == '.' || strcmp(e->d_name + nl - 5, ".json"))
                continue;
            if (n == cap) {
                save_entry *m = realloc(list, (cap = cap ? cap * 2 : 32) * sizeof *list);
                if (!m)
                    break;
                list = m;
            }
            save_entry *se = &list[n];
            snprintf(se->path, sizeof se->path, "%s/%s", dir, e->d_name);
            if (stat(se->path, &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            snprintf(se->name, sizeof se->name, "%.*s", (int)(nl - 5), e->d_name);
            se->folder = subs[k];
            se->mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
            n++;
        }
        if (d)
            closedir(d);
    }
    if (n)
        qsort(list, n, sizeof *list, by_mtime);
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        niact_record_info info;
        char msg[512], when[32];
        time_t t = (time_t)(list[i].mtime / 1000000000);
        struct tm tm;
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
        if (!shown++)
            fprintf(out, "Saved games (newest first; resume with niact play --load NAME):\n");
        fprintf(out, "  %-9s %s\n", list[i].folder, list[i].name);
        if (niact_record_info_read(list[i].path, &info, msg, sizeof msg) != NIACT_OK) {
            fprintf(out, "            %s  (not a game record)\n", when);
            continue;
        }
        char state[96];
        if (strcmp(info.outcome, "running") == 0)
            snprintf(state, sizeof state, "running, turn %d", info.turns + 1);
        else {
            char words[48]; /* the engine's title, or the scenario's id in words */
            const char *how = niact_outcome_title_of_id(info.outcome, words, sizeof words);
            snprintf(state, sizeof state, "finished after %d turn%s (%s)", info.turns,
                     info.turns == 1 ? "" : "s", how);
        }
        fprintf(out, "            %s  %s, %s, seed %llu\n            seats: %s\n", when,
                info.scenario, state, (unsigned long long)info.seed, info.seats);
    }
    free(list);
    return shown;
}

int cli_saves(int argc, char **argv) {
    if (argc > 1) { /* (--help is answered by main) */
        fprintf(stderr, "niact saves: unexpected '%s'\n", argv[1]);
        cli_help(stderr, "saves");
        return CLI_USAGE;
    }
    char dir[4096], msg[512];
    if (niact_data_dir(NULL, 0, dir, sizeof dir, msg, sizeof msg) != 0) {
        fprintf(stderr, "niact saves: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    if (cli_saves_list(stdout) == 0)
        printf("No saved games in %s yet.\n", dir);
    return CLI_OK;
}

/* ---- niact replay ----------------------------------------------------------------- */

typedef struct replay_view {
    size_t cursor; /* public log printed so far */
} replay_view;

static void print_orders(const niact_scenario *sc, const niact_turn_input *in) {
    for (int r = 0; r < sc->n_roles; r++) {
        printf("  %-8s", sc->roles[r].meta.id);
        if (in->n[r] == 0)
            printf(" (no orders)");
        for (int i = 0; i < in->n[r]; i++) {
            const niact_order *o = &in->orders[r][i];
            const niact_action_def *a = &sc->actions[o->action];
            printf("%s %s", i ? "," : "", a->meta.id);
            if (a->has_param)
                printf(" %d", o->param);
        }
        printf("\n");
    }
}

static void print_roles(const niact_scenario *sc, uint32_t mask) {
    for (int r = 0, k = 0; r < sc->n_roles; r++)
        if (mask & (1u << r))
            printf("%s%s", k++ ? "," : "", sc->roles[r].meta.id);
}

/* One of the moderator's inputs, as `replay` shows it. */
static void print_moderator(const niact_scenario *sc, const niact_input *in) {
    const char *who = in->role >= 0 && in->role < sc->n_roles ? sc->roles[in->role].meta.id : "";
    switch (in->kind) {
    case NIACT_INPUT_PAUSE: printf("  moderator pauses the game\n"); break;
    case NIACT_INPUT_RESUME: printf("  moderator resumes the game\n"); break;
    case NIACT_INPUT_DEADLINE:
        if (in->id)
            printf("  moderator sets a deadline of %d s a turn (late seats play %s)\n", in->id,
                   in->text ? in->text : "none");
        else
            printf("  moderator lifts the deadline\n");
        break;
    case NIACT_INPUT_DEFAULT:
        printf("  %-8s missed the deadline: plays %s\n", who, in->text ? in->text : "none");
        break;
    case NIACT_INPUT_INJECT:
        printf("  moderator injects event %s\n",
               in->id >= 0 && in->id < sc->n_events ? sc->events[in->id].meta.id : "?");
        break;
    case NIACT_INPUT_MESSAGE:
        printf("  moderator message to every seat:\n");
        cli_print_wrapped(stdout, in->text ? in->text : "", 11, 72);
        break;
    case NIACT_INPUT_FREE_SEAT: printf("  moderator frees the seat of %s\n", who); break;
    default: break;
    }
}

/* The negotiation of turn t (0-based), in the order it was made. */
static void print_negotiation(niact_session *s, int32_t t) {
    const niact_scenario *sc = niact_session_scenario(s);
    for (size_t i = 0; i < niact_session_input_count(s); i++) {
        const niact_input *in = niact_session_input_at(s, i);
        if (in->turn != t)
            continue;
        if (in->kind >= NIACT_INPUT_PAUSE) { /* the moderator's */
            print_moderator(sc, in);
            continue;
        }
        printf("  %-8s ", sc->roles[in->role].meta.id);
        if (in->kind == NIACT_INPUT_PROPOSE) {
            printf("proposes to ");
            print_roles(sc, in->to);
            printf("%s:", in->public_ ? " (public)" : "");
            for (int k = 0; k < in->n_terms; k++) {
                const niact_term_def *d = &sc->terms[in->terms[k].term];
                printf(d->has_param ? " %s=%d" : " %s", d->meta.id, in->terms[k].param);
            }
            printf(in->id ? " (counter to #%d)\n" : "\n", in->id);
        } else if (in->kind == NIACT_INPUT_ANSWER) {
            printf("%s proposal #%d\n", in->accept ? "accepts" : "rejects", in->id);
        } else if (in->kind == NIACT_INPUT_WITHDRAW) {
            printf("withdraws proposal #%d\n", in->id);
        } else {
            printf("telegram to ");
            print_roles(sc, in->to);
            printf(":\n");
            /* On lines of its own, indented: no line of it starts at the left margin. */
            cli_print_wrapped(stdout, in->text ? in->text : "", 11, 72);
        }
    }
}

static void replay_turn(void *ud, niact_session *s, int32_t turn) {
    replay_view *v = ud;
    const niact_scenario *sc = niact_session_scenario(s);
    const niact_game *g = niact_session_view(s);
    uint64_t h = 0;
    char date[NIACT_DATE_MAX] = "";
    niact_scenario_date(sc, turn - 1, date, sizeof date);
    niact_game_turn_hash(g, turn, &h);
    printf("\n== Turn %d (%s), state hash %016llx\n", turn, date, (unsigned long long)h);
    print_negotiation(s, turn - 1);
    print_orders(sc, niact_session_input(s, turn - 1));
    uint32_t all = (1u << sc->n_roles) - 1u;
    niact_log_entry e;
    while (niact_game_log_next(g, 0, &v->cursor, &e)) {
        if ((e.audience & all) != all || e.kind == NIACT_LOG_SYSTEM)
            continue;
        cli_print_hanging(stdout, "  - ", e.text, 78);
    }
}

static int replay_usage(const char *why) {
    fprintf(stderr, "niact replay: %s\n", why);
    cli_help(stderr, "replay");
    return CLI_USAGE;
}

/* --scenario NAME|DIR into the options (said on stderr which folder); 0 or -1 (printed). */
static int scenario_opt(const char *scenario, char *dir, char *lib, size_t len,
                        niact_replay_opts *opts) {
    if (!scenario)
        return 0;
    if (cli_find(scenario, dir, len, lib, len) != 0)
        return -1;
    opts->scenario = dir;
    return 0;
}

static void replay_report(const char *file, niact_session *s, const niact_replay_info *l,
                          int verify) {
    const niact_game *g = niact_session_view(s);
    if (verify)
        printf("%s: verified: %d turn(s), every state hash matches (final %016llx)\n", file,
               l->turns, (unsigned long long)niact_game_hash(g));
    else if (niact_game_phase(g) == NIACT_PHASE_ENDED)
        cli_print_result(stdout, g);
    else
        printf("\nThe game is under way: %d turn(s) played.\n", l->turns);
    if (l->cut)
        fprintf(stderr, "niact replay: note: %s: its end was cut (the game stopped while it "
                        "was being written); the %d complete turn(s) before it are loaded\n",
                file, l->turns);
    if (l->first_mismatch >= 0)
        fprintf(stderr, "niact replay: warning: %s: the state hash differs from the record from "
                        "turn %d on (check with --verify)\n", file, l->first_mismatch);
}

int cli_replay(int argc, char **argv) {
    const char *file = NULL, *scenario = NULL;
    int verify = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--verify"))
            verify = 1;
        else if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (argv[i][0] != '-' && !file)
            file = argv[i];
        else
            return replay_usage("unexpected argument");
    }
    if (!file)
        return replay_usage("which record?");
    char dir[4096], lib[4096], msg[4096];
    replay_view view = {0};
    niact_replay_opts opts = {0};
    opts.ignore_hashes = !verify;
    if (!verify) {
        opts.on_turn = replay_turn;
        opts.ud = &view;
    }
    if (scenario_opt(scenario, dir, lib, sizeof dir, &opts) != 0)
        return CLI_BAD_INPUT;
    niact_session *s = NULL;
    niact_replay_info info;
    if (niact_session_open_record(file, &opts, &s, &info, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact replay: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    if (!scenario)
        cli_say_record_scenario(s, &info);
    replay_report(file, s, &info, verify);
    niact_session_free(s);
    return CLI_OK;
}
