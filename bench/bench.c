/* bench.c: times the core on one scenario file: load, choice steps, analysis, peak memory; one measure per run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/analysis.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include <unistd.h>

/*
 * usage: bench MODE SCENARIO_DIR FILE [N]
 *   mem       load once, print peak RSS and arena bytes (run it in a fresh process)
 *   load N    load N times in this process, print the median time
 *   steps N   N random choice steps, restarting at each ending
 *   analysis N  sp_check_run N times (exact maximum and every `check` analysis), print the median time
 * Every mode prints one line of key=value pairs for bench/run.sh.
 */

/* CPU time of this process, not wall time: the machine is shared, and
 * what others run would otherwise land in our figures. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

static void die_diag(const char *what, sp_diag *d)
{
    fprintf(stderr, "bench: %s failed\n", what);
    for (int i = 0; i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    exit(1);
}

static sp_handbook *load_handbook(const char *dir, sp_diag *d)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/handbook.xml", dir);
    sp_handbook *hb = NULL;
    if (sp_handbook_load(path, dir, &hb, d) != SP_OK)
        die_diag("loading the handbook", d);
    return hb;
}

static sp_scenario *load(const char *dir, const char *file, const sp_handbook *hb, sp_diag *d)
{
    sp_scenario *sc = NULL;
    if (sp_scenario_load(file, dir, hb, &sc, d) != SP_OK)
        die_diag("loading the scenario", d);
    return sc;
}

/* A small deterministic generator, so every run walks the same paths. */
static unsigned rng_state = 12345u;
static unsigned rng(unsigned n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return ((rng_state >> 16) & 0x7fffu) % n;
}

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1700000000;
}

/* The next step of a long play: a random offered option that does not end
 * the play; when every option ends it, an undo. */
static sp_status long_play_step(sp_session *s, const sp_scenario *sc)
{
    const sp_view *v = sp_session_view(s);
    int open[64], k = 0;
    for (int i = 0; i < v->n_options && k < 64; i++) {
        const sp_option *o = &sc->nodes[v->node].options[v->options[i].option];
        if (sc->nodes[o->target].kind != SP_NODE_ENDING)
            open[k++] = v->options[i].option;
    }
    return k ? sp_session_choose(s, open[rng((unsigned)k)]) : sp_session_undo(s);
}

/* One play of n steps that never reaches an ending (long_play_step), saved
 * after every step as a host does: sync, then write (the whole file once,
 * then a journal record per step), and the compaction at the end. The CPU
 * time (user + system, fsync included) of each save is taken around the
 * save itself; reported: the mean per save over the whole play, its first
 * 50 and its last 50 steps, and the median save of the whole play and of
 * its last 50. (Not the walk with saves minus a walk without: the steps of
 * the walk get dearer as the play grows, because an undo replays the
 * history, and dearer still after every fsync with cold caches; that is
 * the session's cost, not the save's.) */
static void save_bench(const char *dir, const char *file, const sp_handbook *hb, int n, sp_diag *d)
{
    sp_scenario *sc = load(dir, file, hb, d);
    double *cpu = calloc((size_t)n, sizeof *cpu), close_ms = 0;
    int last = n >= 50 ? 50 : n;
    rng_state = 12345u;
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    sp_session_set_clock(s, fixed_clock, NULL);
    sp_transcript *t = sp_transcript_new();
    char tdir[] = "/tmp/sp-bench-save-XXXXXX", path[4096];
    if (!mkdtemp(tdir) || !cpu || sp_transcript_sync(t, s) != SP_OK ||
        sp_transcript_create(t, tdir, sc->id, 0, path, sizeof path, d) != SP_OK)
        die_diag("save: cannot start", d);
    double sum[3] = { 0, 0, 0 }; /* whole play, first 50, last 50 */
    for (int i = 0; i < n; i++) {
        if (long_play_step(s, sc) != SP_OK)
            die_diag("save: a step failed", d);
        double c0 = now_ms();
        if (sp_transcript_sync(t, s) != SP_OK || sp_transcript_write(t, path, d) != SP_OK)
            die_diag("save: a save failed", d);
        cpu[i] = (now_ms() - c0) * 1000;
        sum[0] += cpu[i];
        sum[1] += i < last ? cpu[i] : 0;
        sum[2] += i >= n - last ? cpu[i] : 0;
    }
    double c0 = now_ms();
    if (sp_transcript_close(t, d) != SP_OK)
        die_diag("save: the compaction failed", d);
    close_ms = now_ms() - c0;
    unlink(path);
    rmdir(tdir);
    sp_transcript_free(t);
    sp_session_free(s);
    double last_med = median(cpu + n - last, last); /* before the whole is sorted */
    double all_med = median(cpu, n);
    printf("save_cpu_us=%.1f save_cpu_first50_us=%.1f save_cpu_last50_us=%.1f save_med_us=%.1f "
           "save_med_last50_us=%.1f close_ms=%.2f steps=%d\n", sum[0] / n, sum[1] / last, sum[2] / last,
           all_med, last_med, close_ms, n);
    free(cpu);
    sp_scenario_free(sc);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench mem|load|steps|save|analysis SCENARIO_DIR FILE [N]\n");
        return 2;
    }
    const char *mode = argv[1], *dir = argv[2], *file = argv[3];
    int n = argc > 4 ? atoi(argv[4]) : 1;
    if (n < 1)
        n = 1;
    sp_diag *d = sp_diag_new();
    sp_handbook *hb = load_handbook(dir, d);

    if (strcmp(mode, "mem") == 0) {
        sp_scenario *sc = load(dir, file, hb, d);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("rss_kb=%ld arena_bytes=%zu nodes=%d\n", ru.ru_maxrss,
               sp_arena_used(sc->arena), sc->n_nodes);
        sp_scenario_free(sc);
    } else if (strcmp(mode, "load") == 0) {
        double *t = calloc((size_t)n, sizeof *t);
        for (int i = 0; i < n; i++) {
            double t0 = now_ms();
            sp_scenario *sc = load(dir, file, hb, d);
            t[i] = now_ms() - t0;
            sp_scenario_free(sc);
        }
        printf("load_ms=%.3f runs=%d\n", median(t, n), n);
        free(t);
    } else if (strcmp(mode, "steps") == 0) {
        sp_scenario *sc = load(dir, file, hb, d);
        sp_session *s = sp_session_new(sc, SP_LANG_NL);
        sp_session_set_clock(s, fixed_clock, NULL);
        long endings = 0, checksum = 0;
        double t0 = now_ms();
        for (int i = 0; i < n; i++) {
            const sp_view *v = sp_session_view(s);
            if (v->kind == SP_VIEW_ENDING) {
                endings++;
                sp_session_free(s);
                s = sp_session_new(sc, SP_LANG_NL);
                sp_session_set_clock(s, fixed_clock, NULL);
                v = sp_session_view(s);
            }
            if (v->n_options < 1) {
                fprintf(stderr, "bench: node '%s' offers nothing\n", sc->nodes[v->node].id);
                return 1;
            }
            int k = (int)rng((unsigned)v->n_options);
            if (sp_session_choose(s, v->options[k].option) != SP_OK) {
                fprintf(stderr, "bench: choosing an offered option failed\n");
                return 1;
            }
            /* The feedback card the host shows after every choice: scoring. */
            v = sp_session_view(s);
            checksum += v->feedback.total - v->feedback.best_total + v->n_lines;
        }
        double ms = now_ms() - t0;
        printf("step_us=%.3f steps=%d endings=%ld checksum=%ld\n", ms * 1000.0 / n, n, endings, checksum);
        sp_session_free(s);
        sp_scenario_free(sc);
    } else if (strcmp(mode, "save") == 0) {
        save_bench(dir, file, hb, n, d);
    } else if (strcmp(mode, "analysis") == 0) {
        sp_scenario *sc = load(dir, file, hb, d);
        double *t = calloc((size_t)n, sizeof *t);
        int reach = 0;
        int states = 0, max = 0;
        for (int i = 0; i < n; i++) {
            sp_check *c = NULL;
            double t0 = now_ms();
            if (sp_check_run(sc, d, &c) != SP_OK) {
                fprintf(stderr, "bench: sp_check_run failed\n");
                return 1;
            }
            t[i] = now_ms() - t0;
            reach = 0;
            for (int j = 0; j < c->a->n_nodes; j++)
                reach += c->a->reachable[j];
            states = c->a->n_states;
            max = c->a->max_total;
            sp_check_free(c);
        }
        printf("analysis_ms=%.3f runs=%d reachable=%d states=%d max=%d\n", median(t, n), n, reach, states, max);
        free(t);
        sp_scenario_free(sc);
    } else {
        fprintf(stderr, "bench: unknown mode '%s'\n", mode);
        return 2;
    }
    sp_handbook_free(hb);
    sp_diag_free(d);
    return 0;
}
