/* SIGKILL in the middle of a save: the previous save still loads, whole.
 *
 * A child process saves in a loop (large records, so most of its time is spent inside a
 * save); the parent kills it with SIGKILL at a random moment, then loads the file: it
 * must be one of the records the child wrote, complete. Then the same with the real
 * program: `niact play --text --record FILE` saving over and over from its 'save'
 * command. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

#define KINDS 4
#define PAD (3u << 20) /* spaces after each record: a 3 MiB save */

static niact_host *host;
static char *texts[KINDS];
static size_t lens[KINDS];

/* Records of four games, each padded with whitespace (still a valid record). */
static int setup(void **st) {
    (void)st;
    host = ru_host();
    for (int k = 0; k < KINDS; k++) {
        niact_session *s = ru_game(host, (uint64_t)k + 1, k + 1);
        char *t, msg[256];
        size_t n;
        if (niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &t, &n, msg, sizeof msg) != NIACT_OK)
            return -1;
        texts[k] = malloc(n + PAD);
        memcpy(texts[k], t, n);
        memset(texts[k] + n, ' ', PAD);
        lens[k] = n + PAD;
        free(t);
        niact_session_free(s);
    }
    return 0;
}

static int teardown(void **st) {
    (void)st;
    for (int k = 0; k < KINDS; k++)
        free(texts[k]);
    niact_host_free(host);
    return 0;
}

static void sleep_us(long us) {
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

/* The file loads and is byte for byte one of the records written. */
static void check_whole(const char *path) {
    size_t len;
    char *got = ru_slurp(path, &len), msg[1024];
    int same = 0;
    for (int k = 0; k < KINDS; k++)
        same |= len == lens[k] && memcmp(got, texts[k], len) == 0;
    assert_true(same);
    niact_loaded l;
    niact_record_opts o = {0};
    o.host = host;
    if (niact_record_load(path, &o, &l, msg, sizeof msg) != NIACT_OK)
        fail_msg("after SIGKILL: %s", msg);
    niact_loaded_free(&l);
    free(got);
}

/* Removes the temporary files of saves into dir (.save.json.niact-tmp-XXXXXXXXXXXX);
 * returns how many there were. */
static int remove_temps(const char *dir) {
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, ".save.json.niact-tmp-", 21) != 0)
            continue;
        assert_int_equal(strlen(e->d_name), 21 + 12);
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
        n++;
    }
    closedir(d);
    return n;
}

static void test_kill_during_atomic_saves(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[512], msg[512];
    snprintf(path, sizeof path, "%s/save.json", dir);
    assert_int_equal(niact_write_atomic(path, texts[0], lens[0], msg, sizeof msg), NIACT_OK);
    int rounds = 40, mid_write = 0;
    srand(12345);
    for (int i = 0; i < rounds; i++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            for (unsigned k = (unsigned)i;; k++)
                niact_write_atomic(path, texts[k % KINDS], lens[k % KINDS], msg, sizeof msg);
        }
        sleep_us(2000 + rand() % 30000);
        assert_int_equal(kill(pid, SIGKILL), 0);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        if (remove_temps(dir)) /* killed inside a save: its half-written file */
            mid_write++;
        check_whole(path);
    }
    print_message("%d kills, %d of them in the middle of writing a save; the previous save "
                  "loaded every time\n", rounds, mid_write);
    assert_true(mid_write > 0);
    ts_rmdir(dir);
}

/* The program itself, saving from text play over and over, killed at random. */
static void test_kill_the_program(void **st) {
    (void)st;
    char *dir = ts_tempdir(), cmds[512], save[512], cmd[2048], msg[1024];
    snprintf(cmds, sizeof cmds, "%s/commands", dir);
    snprintf(save, sizeof save, "%s/game.json", dir);
    FILE *f = fopen(cmds, "w");
    assert_non_null(f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "save\n"); /* to the --record file */
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "exec %s play --text --no-autosave --scenario %s --seat ussr=ai --seat un=ai "
             "--seed 5 --record %s < %s > /dev/null",
             NIACT_BIN, TESTLAND, save, cmds);
    srand(777);
    for (int i = 0; i < 10; i++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
            _exit(127);
        }
        for (int wait = 0; wait < 2000 && access(save, F_OK) != 0; wait++)
            sleep_us(5000); /* until the first save exists */
        sleep_us(rand() % 100000);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        niact_loaded l;
        niact_record_opts o = {0};
        o.host = host;
        if (niact_record_load(save, &o, &l, msg, sizeof msg) != NIACT_OK)
            fail_msg("after SIGKILL of niact play: %s", msg);
        niact_loaded_free(&l);
    }
    ts_rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_during_atomic_saves),
        cmocka_unit_test(test_kill_the_program),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
