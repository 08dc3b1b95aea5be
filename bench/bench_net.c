/* bench_net: what `niact host` costs with four clients on 127.0.0.1 (docs/performance.md,
 * "Network play"). Starts the host (a child process), connects the three seats of
 * November 1962 and a projector through the same client code as `niact join`, then:
 *   1. idle: the host's CPU over 3 s with the four connected and nobody typing;
 *   2. round trip: N times, a seat's 'order 1' then 'drop 1', each timed from sending
 *      the line to receiving the host's next prompt (answer included), one command
 *      every PACE ms (the host prompts a seat at most 20 times a second, bursts of 60);
 *   3. a whole game: every seat 'done' every turn, to the result;
 * and reads the host's memory (VmRSS, VmHWM) and CPU time (schedstat) from /proc.
 *   niact_bench_net [--niact PATH] [--orders N] [--pace MS]
 * Not a test: it prints figures. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "net/net.h"

#define SEATS 3

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_ms(int ms) {
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* The host's CPU seconds (the scheduler's count in ns, /proc/PID/schedstat: finer than
 * the clock ticks of /proc/PID/stat) and memory (kB, /proc/PID/status). */
static double host_cpu(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
    FILE *f = fopen(path, "r");
    unsigned long long ns = 0;
    int ok = f && fscanf(f, "%llu", &ns) == 1;
    if (f)
        fclose(f);
    return ok ? (double)ns / 1e9 : -1;
}

static long host_mem(pid_t pid, const char *field) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    size_t fl = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, fl) && line[fl] == ':')
            kb = atol(line + fl + 1);
    if (f)
        fclose(f);
    return kb;
}

typedef struct client {
    net_client *c;
    uint32_t prompt; /* outstanding, 0 none */
    int ended;
    size_t bytes;    /* text received */
} client;

static client cl[SEATS + 1];

/* Services every client once (up to ms on the first); returns after one pass. */
static void pump(int ms) {
    for (int i = 0; i <= SEATS; i++) {
        if (!cl[i].c || cl[i].ended)
            continue;
        net_msg m;
        char why[256];
        int k;
        int wait = i == 0 ? ms : 0;
        while ((k = net_client_poll(cl[i].c, &m, wait, why, sizeof why)) > 0) {
            wait = 0;
            if (m.type == NET_PROMPT)
                cl[i].prompt = m.prompt;
            else if (m.type == NET_TEXT)
                cl[i].bytes += m.len;
            else if (m.type == NET_END || m.type == NET_BYE)
                cl[i].ended = 1;
        }
        if (k < 0) {
            fprintf(stderr, "bench_net: client %d: %s\n", i, why);
            cl[i].ended = 1;
        }
    }
}

static int wait_prompt(int i, double timeout) {
    double end = now_s() + timeout;
    while (!cl[i].prompt && !cl[i].ended && now_s() < end)
        pump(1);
    return cl[i].prompt != 0;
}

static void send_line(int i, const char *text) {
    net_msg m = net_msg_of(NET_LINE, 0, cl[i].prompt, text, strlen(text));
    cl[i].prompt = 0;
    net_client_send(cl[i].c, &m);
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    const char *niact = NIACT_BIN;
    int orders = 100, pace = 55;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--niact") && i + 1 < argc)
            niact = argv[++i];
        else if (!strcmp(argv[i], "--orders") && i + 1 < argc)
            orders = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--pace") && i + 1 < argc)
            pace = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: niact_bench_net [--niact PATH] [--orders N] [--pace MS]\n");
            return 2;
        }
    }
    if (orders < 10)
        orders = 10;
    char dir[] = "/tmp/niact-bench-net-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char out_path[256], err_path[256], data[256];
    snprintf(out_path, sizeof out_path, "%s/host.out", dir);
    snprintf(err_path, sizeof err_path, "%s/host.err", dir);
    snprintf(data, sizeof data, "%s/data", dir);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("HOME", dir, 1);
        setenv("XDG_DATA_HOME", data, 1);
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in, 0), dup2(out, 1), dup2(err, 2);
        execl(niact, niact, "host", "--text", "--port", "0", "--bind", "127.0.0.1", "--seed",
              "1", "--no-autosave", (char *)NULL);
        _exit(127);
    }
    /* The port (stderr) and the three codes (stdout). */
    char codes[SEATS][NET_CODE_MAX + 1];
    int port = 0, got = 0;
    for (int t = 0; t < 200 && (got < SEATS || !port); t++) {
        sleep_ms(25);
        char line[512];
        FILE *f = fopen(err_path, "r");
        while (f && fgets(line, sizeof line, f)) {
            char *p = strstr(line, "listening on UDP port ");
            if (p)
                port = atoi(p + 22);
        }
        if (f)
            fclose(f);
        got = 0;
        f = fopen(out_path, "r");
        while (f && got < SEATS && fgets(line, sizeof line, f)) {
            char role[32], code[64];
            if (sscanf(line, "seat %31s code %63s", role, code) == 2)
                snprintf(codes[got++], sizeof codes[0], "%s", code);
        }
        if (f)
            fclose(f);
    }
    if (got < SEATS || !port) {
        fprintf(stderr, "bench_net: the host did not start (%s)\n", err_path);
        kill(pid, SIGKILL);
        return 1;
    }
    char msg[256];
    for (int i = 0; i <= SEATS; i++) {
        cl[i].c = net_client_connect("127.0.0.1", (uint16_t)port, 5000, msg, sizeof msg);
        if (!cl[i].c) {
            fprintf(stderr, "bench_net: %s\n", msg);
            kill(pid, SIGKILL);
            return 1;
        }
        net_msg hello = net_msg_of(NET_HELLO, (uint8_t)(i == SEATS), 0, i < SEATS ? codes[i] : "",
                         i < SEATS ? strlen(codes[i]) : 0);
        net_client_send(cl[i].c, &hello);
    }
    for (int i = 0; i < SEATS; i++)
        if (!wait_prompt(i, 5)) {
            fprintf(stderr, "bench_net: seat %d got no prompt\n", i);
            kill(pid, SIGKILL);
            return 1;
        }
    long rss_start = host_mem(pid, "VmRSS");

    /* 1. Idle with four clients. */
    double c0 = host_cpu(pid), t0 = now_s();
    while (now_s() - t0 < 3.0)
        pump(5);
    double idle = (host_cpu(pid) - c0) / (now_s() - t0);

    /* 2. Round trips: 'order 1', then 'drop 1', each to the next prompt. */
    double *rtt = malloc(sizeof *rtt * (size_t)orders * 2);
    int n_rtt = 0;
    c0 = host_cpu(pid);
    t0 = now_s();
    for (int k = 0; k < orders; k++)
        for (int j = 0; j < 2; j++) {
            double s = now_s();
            send_line(0, j == 0 ? "order 1" : "drop 1");
            if (!wait_prompt(0, 5)) {
                fprintf(stderr, "bench_net: no answer to a command\n");
                kill(pid, SIGKILL);
                return 1;
            }
            rtt[n_rtt++] = (now_s() - s) * 1000.0;
            double until = s + pace / 1000.0;
            while (now_s() < until)
                pump(1);
        }
    double busy_cpu = host_cpu(pid) - c0, busy_wall = now_s() - t0;
    long rss_busy = host_mem(pid, "VmRSS");

    /* 3. The whole game: every seat 'done' at every prompt. */
    double g0 = now_s(), gc0 = host_cpu(pid);
    long hwm = -1;
    int turns = 0;
    while (!cl[0].ended || !cl[1].ended || !cl[2].ended) {
        pump(2);
        for (int i = 0; i < SEATS; i++)
            if (cl[i].prompt && !cl[i].ended) {
                long h = host_mem(pid, "VmHWM");
                if (h > hwm)
                    hwm = h;
                send_line(i, "done");
                turns += i == 0;
            }
        if (now_s() - g0 > 60) {
            fprintf(stderr, "bench_net: the game did not end in 60 s\n");
            break;
        }
    }
    double game_wall = now_s() - g0, game_cpu = host_cpu(pid) - gc0;
    for (int t = 0; t < 100 && !cl[SEATS].ended; t++)
        pump(10);
    int status = 0;
    waitpid(pid, &status, 0);

    qsort(rtt, (size_t)n_rtt, sizeof *rtt, cmp_double);
    printf("niact host with 3 seats and a projector on 127.0.0.1 (November 1962, seed 1)\n");
    printf("| what | measured |\n|---|---|\n");
    printf("| host memory, 4 clients connected (VmRSS) | %ld KiB |\n", rss_start);
    printf("| host memory after %d commands (VmRSS) | %ld KiB |\n", n_rtt, rss_busy);
    printf("| host memory, peak of the whole game (VmHWM) | %ld KiB |\n", hwm);
    printf("| host CPU, idle with 4 clients (3 s) | %.3f %% of a core |\n", idle * 100);
    printf("| host CPU, a command every %d ms | %.1f %% of a core, %.3f ms a command "
           "(less idle) |\n", pace, busy_cpu / busy_wall * 100,
           (busy_cpu - idle * busy_wall) * 1000 / n_rtt);
    printf("| round trip of a command (order/drop), median | %.3f ms |\n", rtt[n_rtt / 2]);
    printf("| round trip, 90th / 99th percentile | %.3f / %.3f ms |\n",
           rtt[n_rtt * 9 / 10], rtt[n_rtt * 99 / 100]);
    printf("| round trip, slowest of %d | %.3f ms |\n", n_rtt, rtt[n_rtt - 1]);
    printf("| whole game, %d turns ('done' x3 each) | %.3f s wall, %.4f s host CPU |\n",
           turns, game_wall, game_cpu);
    printf("| text sent to the projector | %zu bytes |\n", cl[SEATS].bytes);
    printf("host exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    for (int i = 0; i <= SEATS; i++)
        net_client_close(cl[i].c, 200);
    free(rtt);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
