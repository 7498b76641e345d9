/* bench_phones_gui.c: the group play's frame (wall + presenter, software renderer) at the vote with the phones' server running, with no phone and with 30 idle phones polling it from another process. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_gui_common.h"
#include "gui/frame.h"
#include "ui/group.h"
#include "ui/group_phones.h"
#include "gui/projector.h"

/*
 * usage: bench_phones_gui [FRAMES]
 * Opens the intake case in group mode at 1920x1080, starts the phones'
 * server on 127.0.0.1 (its thread in this process, as in the program) and
 * goes to the first vote, where the wall shows the join panel and the
 * presenter the live tally. A frame is the wall's render plus the
 * presenter's layout and drawing. FRAMES frames with no phone, then the
 * same with 30 phones in a child process that poll the round's state every
 * 2 s as the page's script does (each with its own cookie, so all 30 count
 * as connected). Prints the median of the main thread's CPU time and of
 * the wall-clock time per frame for both. Loopback only; stops by itself.
 */

#define PHONES 30

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One GET on a fresh connection; 1 when it was answered with 200. */
static int poll_once(int port, const char *req)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    struct timeval tv = { 5, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[2048];
    int ok = 0;
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && send(fd, req, strlen(req), MSG_NOSIGNAL) > 0) {
        ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
        ok = n > 12 && memcmp(buf, "HTTP/1.1 200", 12) == 0;
    }
    close(fd);
    return ok;
}

/* The child: 30 phones, each polling every 2 s (spread over the 2 s), for
 * at most `seconds`; the parent ends it sooner with SIGTERM. */
static void phones(int port, const char *room, int seconds)
{
    char req[PHONES][256];
    for (int i = 0; i < PHONES; i++)
        snprintf(req[i], sizeof req[i], "GET %sstate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                        "Cookie: sp_device=%032x\r\n\r\n", room, 0x5000 + i);
    for (int tick = 0; tick < seconds * 15; tick++) {   /* a phone every 2000/30 ms */
        poll_once(port, req[tick % PHONES]);
        usleep(2000 * 1000 / PHONES);
    }
    _exit(0);
}

typedef struct bench {
    bench_gui g;             /* the window's set-up, shared with bench_gui.c */
    sp_ui_list wall, pres;
} bench;

static void frames(bench *b, int n, double *cpu, double *wall)
{
    double *tc = calloc((size_t)n, sizeof *tc), *tw = calloc((size_t)n, sizeof *tw);
    for (int i = 0; i < n; i++) {
        double c0 = clock_ms(CLOCK_THREAD_CPUTIME_ID), w0 = clock_ms(CLOCK_MONOTONIC);
        sp_gui_projector_render_wall(&b->g.app, b->g.text, b->g.draw, b->g.r, 1920, 1080, &b->wall);
        sp_gui_text_end_frame(b->g.text);
        sp_ui_metrics m;
        sp_gui_frame_metrics(b->g.text, b->g.app.settings.text_size, 1.0, 1080, &m);
        sp_ui_presenter_build(&b->g.app, &m, 1920, 1080, -1, &b->pres);
        sp_gui_draw_list(b->g.draw, &b->pres);
        sp_gui_text_end_frame(b->g.text);
        tc[i] = clock_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
        tw[i] = clock_ms(CLOCK_MONOTONIC) - w0;
    }
    qsort(tc, (size_t)n, sizeof *tc, cmp_double);
    qsort(tw, (size_t)n, sizeof *tw, cmp_double);
    *cpu = tc[n / 2];
    *wall = tw[n / 2];
    free(tc);
    free(tw);
}

static int setup(bench *b)
{
    if (bench_gui_open(&b->g, "bench_phones_gui", 1920, 1080) != 0 || sp_ui_group_enable(&b->g.app, 1) != 0)
        return -1;
    sp_ui_app_action(&b->g.app, SP_UI_ACT_BEGIN, 0);
    sp_ui_app_action(&b->g.app, SP_UI_ACT_GROUP_VOTE, 0);
    sp_ui_list_init(&b->wall);
    sp_ui_list_init(&b->pres);
    return b->g.app.group && b->g.app.group->phase == SP_UI_GROUP_VOTE ? 0 : -1;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200;
    if (n < 1)
        return 2;
    static bench b;
    if (setup(&b) != 0) {
        fprintf(stderr, "bench_phones_gui: cannot open the intake case at its first vote in group mode\n");
        return 3;
    }
    sp_phones_config cfg = { .listen = "127.0.0.1", .lang = "nl" };
    char err[256];
    sp_phones *srv = sp_phones_start(&cfg, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "bench_phones_gui: %s\n", err);
        return 3;
    }
    sp_ui_phones ph;
    sp_ui_phones_begin(&ph, srv);
    b.g.app.group->phones = &ph;
    b.g.app.group->phones_on = 1;
    sp_ui_phones_sync(&ph, &b.g.app, 1);

    double cpu0, wall0, cpu30, wall30;
    frames(&b, n, &cpu0, &wall0);
    int connected0 = sp_phones_connected(srv);
    pid_t kid = fork();
    if (kid == 0)
        phones(sp_phones_port(srv), strstr(sp_phones_url(srv), "/r/"), 60);
    sleep(3);   /* every phone has polled at least once */
    frames(&b, n, &cpu30, &wall30);
    int connected30 = sp_phones_connected(srv);
    kill(kid, SIGTERM);
    waitpid(kid, NULL, 0);
    sp_ui_phones_end(&ph);
    printf("phones_gui frames=%d phones0=%d frame_cpu_ms=%.3f frame_wall_ms=%.3f "
           "phones30=%d frame_cpu_ms=%.3f frame_wall_ms=%.3f\n",
           n, connected0, cpu0, wall0, connected30, cpu30, wall30);
    return connected0 == 0 && connected30 == PHONES ? 0 : 1;
}
