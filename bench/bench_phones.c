/* bench_phones.c: the phones' server under load on 127.0.0.1: 200 participants who open the page and vote at once (votes/s, p50/p99 latency), with 50 more phones polling for updates all the while, then those 50 idle (the server's CPU). The server runs in a child process, as in the program. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "net/phones.h"

#define PARTICIPANTS 200
#define THREADS 20
#define IDLE_PHONES 50
#define IDLE_SECONDS 10

static int port;
static char room[64];            /* "/r/TOKEN/" */
static double lat[2 * PARTICIPANTS];
static int n_lat, failures;
static pthread_mutex_t lat_lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One request on a fresh connection; the response into buf. Returns the status. */
static int http(const char *req, char *buf, size_t cap)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    struct timeval tv = { 5, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    send(fd, req, strlen(req), MSG_NOSIGNAL);
    size_t got = 0;
    ssize_t n;
    while (got < cap - 1 && (n = recv(fd, buf + got, cap - 1 - got, 0)) > 0)
        got += (size_t)n;
    buf[got] = '\0';
    close(fd);
    int st = -1;
    sscanf(buf, "HTTP/1.1 %d", &st);
    return st;
}

static void record(double t)
{
    pthread_mutex_lock(&lat_lock);
    lat[n_lat++] = t;
    pthread_mutex_unlock(&lat_lock);
}

/* A participant: the page (and its cookie), then a vote. */
static void *participants(void *arg)
{
    int first = (int)(long)arg;
    static __thread char buf[65536];
    for (int i = first; i < PARTICIPANTS; i += THREADS) {
        char req[512], token[40] = "";
        snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", room);
        double t0 = now();
        int st = http(req, buf, sizeof buf);
        record(now() - t0);
        const char *c = strstr(buf, "sp_device=");
        if (st != 200 || !c) {
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
            continue;
        }
        snprintf(token, sizeof token, "%.32s", c + 10);
        char body[64];
        snprintf(body, sizeof body, "round=1&option=%d", i % 4);
        snprintf(req, sizeof req,
                 "POST %svote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: sp_device=%s\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n\r\n%s",
                 room, token, strlen(body), body);
        t0 = now();
        st = http(req, buf, sizeof buf);
        record(now() - t0);
        if (st != 303 || !strstr(buf, "m=voted"))
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

static volatile int idle_stop;

static void *idle_phone(void *arg)
{
    (void)arg;
    static __thread char buf[4096];
    char req[512];
    snprintf(req, sizeof req, "GET %sstate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                              "Cookie: sp_device=%032lx\r\n\r\n", room, (unsigned long)pthread_self());
    while (!idle_stop) {
        if (http(req, buf, sizeof buf) != 200)
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
        for (int i = 0; i < 20 && !idle_stop; i++)
            usleep(100 * 1000);   /* every 2 s, as the page does */
    }
    return NULL;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The child: the server, until the parent asks for the counts and quits. */
static void serve(int in, int out)
{
    sp_phones_config cfg = { .listen = "127.0.0.1", .lang = "nl" };
    char err[256];
    sp_phones *p = sp_phones_start(&cfg, err, sizeof err);
    if (!p) {
        fprintf(stderr, "bench_phones: %s\n", err);
        _exit(3);
    }
    static const char *const opts[] = { "A", "B", "C", "D" };
    sp_phones_round(p, 1, "Wat zeg je?", opts, 4);
    char line[128];
    int n = snprintf(line, sizeof line, "%d %s\n", sp_phones_port(p), strstr(sp_phones_url(p), "/r/"));
    if (write(out, line, (size_t)n) != n)
        _exit(3);
    char c;
    while (read(in, &c, 1) == 1) {
        int counts[4];
        int total = sp_phones_counts(p, counts, 4);
        n = snprintf(line, sizeof line, "%d %d %d\n", total, sp_phones_connected(p), counts[0]);
        if (write(out, line, (size_t)n) != n)
            break;
    }
    sp_phones_stop(p);
    _exit(0);
}

static double cpu_of(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(buf, sizeof buf, f)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    char *p = strrchr(buf, ')');
    unsigned long ut = 0, st = 0;
    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

int main(void)
{
    int to_child[2], from_child[2];
    if (pipe(to_child) || pipe(from_child))
        return 3;
    pid_t pid = fork();
    if (pid == 0) {
        close(to_child[1]);
        close(from_child[0]);
        serve(to_child[0], from_child[1]);
    }
    close(to_child[0]);
    close(from_child[1]);
    FILE *rd = fdopen(from_child[0], "r");
    if (!rd || fscanf(rd, "%d %63s", &port, room) != 2)
        return 3;

    pthread_t th[THREADS];
    pthread_t idle[IDLE_PHONES];
    for (int i = 0; i < IDLE_PHONES; i++)   /* the phones that follow the round by polling */
        pthread_create(&idle[i], NULL, idle_phone, NULL);
    double t0 = now();
    for (int i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, participants, (void *)(long)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    double wall = now() - t0;
    int total = 0, connected = 0, a = 0;
    if (write(to_child[1], "c", 1) != 1 || fscanf(rd, "%d %d %d", &total, &connected, &a) != 3)
        return 3;
    qsort(lat, (size_t)n_lat, sizeof lat[0], cmp);

    double c0 = cpu_of(pid);
    sleep(IDLE_SECONDS);
    idle_stop = 1;
    double c1 = cpu_of(pid);
    for (int i = 0; i < IDLE_PHONES; i++)
        pthread_join(idle[i], NULL);
    close(to_child[1]);
    waitpid(pid, NULL, 0);

    printf("phones participants=%d votes_counted=%d failures=%d wall_s=%.3f votes_per_s=%.0f "
           "p50_ms=%.2f p99_ms=%.2f idle_phones=%d idle_cpu_pct=%.2f\n",
           PARTICIPANTS, total, failures, wall, total / wall, lat[n_lat / 2] * 1000,
           lat[(int)(n_lat * 0.99)] * 1000, IDLE_PHONES, (c1 - c0) / IDLE_SECONDS * 100);
    return total == PARTICIPANTS && failures == 0 ? 0 : 1;
}
