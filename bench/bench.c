/* bench.c: times the core on one scenario file (load, choice steps with their text, saves, analysis, peak memory) and writes play scripts for the shipped program; one measure per run. */
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
 * usage: bench MODE SCENARIO_DIR FILE [N] [OUT]
 *   mem       load once, print peak RSS and arena bytes (run it in a fresh process)
 *   load N    load N times in this process, print the first and the median time (CPU)
 *   steps N   N random choice steps, restarting at each ending; every step
 *             also copies the text of the view (lines and options), as a host does
 *   save N    one play of N steps saved after every step (CPU and wall time of a save)
 *   undo N    one play whose history holds N steps, then its last choice undone
 *             and made again 201 times (CPU of an undo, median)
 *   analysis N  sp_check_run N times (exact maximum and every `check` analysis), print the median time
 *   script N OUT  write a play script (README "Play scripts") of N choices that
 *             do not end the play, then the shortest way on to an ending
 * Every mode prints one line of key=value pairs for bench/table.py.
 */

/* CPU time of this process (user + system): the machine is shared, and
 * what others run would otherwise land in our figures. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Wall time: what a save waits for (its fsync) shows only here. */
static double wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
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
 * time (user + system) of each save is taken around the save itself, and
 * its wall time (which includes the wait for fsync); reported: the mean
 * CPU per save over the whole play, its first 50 and its last 50 steps, the
 * median save of the whole play and of its last 50, in CPU and in wall
 * time, and the compaction's wall time. (Not the walk with saves minus a walk without: the steps of
 * the walk get dearer as the play grows, because an undo replays the
 * history, and dearer still after every fsync with cold caches; that is
 * the session's cost, not the save's.) */
static void save_bench(const char *dir, const char *file, const sp_handbook *hb, int n, sp_diag *d)
{
    sp_scenario *sc = load(dir, file, hb, d);
    double *cpu = calloc((size_t)n, sizeof *cpu), *wall = calloc((size_t)n, sizeof *wall), close_ms = 0;
    int last = n >= 50 ? 50 : n;
    rng_state = 12345u;
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    sp_session_set_clock(s, fixed_clock, NULL);
    sp_transcript *t = sp_transcript_new();
    char tdir[] = "/tmp/sp-bench-save-XXXXXX", path[4096];
    if (!mkdtemp(tdir) || !cpu || !wall || sp_transcript_sync(t, s) != SP_OK ||
        sp_transcript_create(t, tdir, sc->id, 0, path, sizeof path, d) != SP_OK)
        die_diag("save: cannot start", d);
    double sum[3] = { 0, 0, 0 }; /* whole play, first 50, last 50 */
    for (int i = 0; i < n; i++) {
        if (long_play_step(s, sc) != SP_OK)
            die_diag("save: a step failed", d);
        double c0 = cpu_ms(), w0 = wall_ms();
        if (sp_transcript_sync(t, s) != SP_OK || sp_transcript_write(t, path, d) != SP_OK)
            die_diag("save: a save failed", d);
        cpu[i] = (cpu_ms() - c0) * 1000;
        wall[i] = (wall_ms() - w0) * 1000;
        sum[0] += cpu[i];
        sum[1] += i < last ? cpu[i] : 0;
        sum[2] += i >= n - last ? cpu[i] : 0;
    }
    double w0 = wall_ms();
    if (sp_transcript_close(t, d) != SP_OK)
        die_diag("save: the compaction failed", d);
    close_ms = wall_ms() - w0;
    unlink(path);
    rmdir(tdir);
    sp_transcript_free(t);
    sp_session_free(s);
    double last_med = median(cpu + n - last, last); /* before the whole is sorted */
    double all_med = median(cpu, n);
    double wall_last_med = median(wall + n - last, last), wall_med = median(wall, n);
    printf("save_cpu_us=%.1f save_cpu_first50_us=%.1f save_cpu_last50_us=%.1f save_med_us=%.1f "
           "save_med_last50_us=%.1f save_wall_us=%.1f save_wall_last50_us=%.1f close_ms=%.2f steps=%d\n",
           sum[0] / n, sum[1] / last, sum[2] / last, all_med, last_med, wall_med, wall_last_med, close_ms, n);
    free(cpu);
    free(wall);
    sp_scenario_free(sc);
}

/* A play whose history holds n steps (the case's spine: each node's first
 * option, which leads to the next node; every tenth step a red flag, so
 * the last step is a choice when n is a multiple of ten), then its last
 * step undone and taken again, 201 times: the CPU time of each undo (the
 * redo not counted), median. n must stay below the case's depth. */
static void undo_bench(const sp_scenario *sc, int n)
{
    enum { ROUNDS = 201 };
    const sp_handbook *hb = sc->handbook;
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    double *cpu = calloc(ROUNDS, sizeof *cpu);
    if (!s || !cpu || !hb || hb->n_redflags == 0) {
        fprintf(stderr, "bench: undo: cannot start\n");
        exit(1);
    }
    sp_session_set_clock(s, fixed_clock, NULL);
    for (int i = 0; i < n; i++) {
        sp_status rc = i % 10 == 5 ? sp_session_flag(s, (i / 10) % hb->n_redflags, NULL) : sp_session_choose(s, 0);
        if (rc != SP_OK || sp_session_finished(s)) {
            fprintf(stderr, "bench: undo: step %d of %d did not go on (the case is too shallow?)\n", i + 1, n);
            exit(1);
        }
    }
    const sp_step last = *sp_session_history(s, n - 1);
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = cpu_ms();
        sp_status rc = sp_session_undo(s);
        cpu[r] = (cpu_ms() - t0) * 1000;
        if (rc != SP_OK || sp_session_history_count(s) != n - 1 ||
            (last.kind == SP_STEP_CHOOSE ? sp_session_choose(s, last.option) : sp_session_flag(s, last.flag, NULL)) !=
                SP_OK) {
            fprintf(stderr, "bench: undo: round %d failed\n", r);
            exit(1);
        }
    }
    printf("undo_us=%.2f history=%d last=%s runs=%d\n", median(cpu, ROUNDS), n,
           last.kind == SP_STEP_CHOOSE ? "choice" : "flag", ROUNDS);
    free(cpu);
    sp_session_free(s);
}

/* The text a host puts on screen after a step: every line (speaker and
 * text) and every option, copied into one buffer, as a terminal or a
 * window builds its text; what an ink step's ContinueMaximally does. */
typedef struct { char *buf; size_t len, cap; } textbuf;

static void text_add(textbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->buf, cap);
        if (!p) {
            fprintf(stderr, "bench: out of memory\n");
            exit(1);
        }
        b->buf = p;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len++] = '\n';
}

static size_t view_text(const sp_view *v, textbuf *b)
{
    b->len = 0;
    for (int i = 0; i < v->n_lines; i++) {
        text_add(b, v->lines[i].speaker_name);
        text_add(b, v->lines[i].text);
    }
    if (v->feedback.valid)
        text_add(b, v->feedback.text);
    text_add(b, v->prompt);
    for (int i = 0; i < v->n_options; i++)
        text_add(b, v->options[i].text);
    return b->len;
}

static sp_session *fresh_session(const sp_scenario *sc)
{
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    if (!s) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    sp_session_set_clock(s, fixed_clock, NULL);
    return s;
}

/* n random choice steps, a new session at every ending; each step is
 * choose, view (with the feedback card's score) and the view's text. */
static void steps_bench(const sp_scenario *sc, int n)
{
    sp_session *s = fresh_session(sc);
    textbuf b = { 0 };
    long endings = 0, checksum = 0;
    double t0 = cpu_ms();
    for (int i = 0; i < n; i++) {
        const sp_view *v = sp_session_view(s);
        if (v->kind == SP_VIEW_ENDING) {
            endings++;
            sp_session_free(s);
            s = fresh_session(sc);
            v = sp_session_view(s);
            checksum += (long)view_text(v, &b);
        }
        if (v->n_options < 1) {
            fprintf(stderr, "bench: node '%s' offers nothing\n", sc->nodes[v->node].id);
            exit(1);
        }
        int k = (int)rng((unsigned)v->n_options);
        if (sp_session_choose(s, v->options[k].option) != SP_OK) {
            fprintf(stderr, "bench: choosing an offered option failed\n");
            exit(1);
        }
        v = sp_session_view(s);
        checksum += v->feedback.total - v->feedback.best_total + (long)view_text(v, &b);
    }
    double ms = cpu_ms() - t0;
    printf("step_us=%.3f steps=%d endings=%ld checksum=%ld\n", ms * 1000.0 / n, n, endings, checksum);
    free(b.buf);
    sp_session_free(s);
}

static void analysis_bench(const sp_scenario *sc, int n, sp_diag *d)
{
    double *t = calloc((size_t)n, sizeof *t);
    int reach = 0, states = 0, max = 0;
    for (int i = 0; t && i < n; i++) {
        sp_check *c = NULL;
        double t0 = cpu_ms();
        if (sp_check_run(sc, d, &c) != SP_OK)
            die_diag("sp_check_run", d);
        t[i] = cpu_ms() - t0;
        reach = 0;
        for (int j = 0; j < c->a->n_nodes; j++)
            reach += c->a->reachable[j];
        states = c->a->n_states;
        max = c->a->max_total;
        sp_check_free(c);
    }
    if (!t)
        exit(1);
    printf("analysis_ms=%.3f runs=%d reachable=%d states=%d max=%d nodes=%d\n", median(t, n), n, reach, states,
           max, sc->n_nodes);
    free(t);
}

/* Per node, the fewest choices from it to an ending (conditions not
 * honoured; the generated case's conditions never block every option). */
static int *ending_distance(const sp_scenario *sc)
{
    int *dist = malloc(sizeof(int) * (size_t)sc->n_nodes);
    if (!dist) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    for (int i = 0; i < sc->n_nodes; i++)
        dist[i] = sc->nodes[i].kind == SP_NODE_ENDING ? 0 : 1 << 29;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = sc->n_nodes - 1; i >= 0; i--) {
            const sp_node *nd = &sc->nodes[i];
            int best = dist[i];
            for (int j = 0; j < nd->n_gotos; j++)
                best = dist[nd->gotos[j].target] < best ? dist[nd->gotos[j].target] : best;
            for (int j = 0; j < nd->n_options; j++)
                best = dist[nd->options[j].target] + 1 < best ? dist[nd->options[j].target] + 1 : best;
            changed |= best < dist[i];
            dist[i] = best;
        }
    }
    return dist;
}

/* A play script for `samenspel play --text --choices`: n random choices
 * that do not end the play (one that does only when nothing else is
 * offered), then the shortest way on to an ending. */
static void script_write(const sp_scenario *sc, int n, const char *out)
{
    FILE *f = fopen(out, "w");
    if (!f) {
        perror(out);
        exit(1);
    }
    int *dist = ending_distance(sc), steps = 0;
    sp_session *s = fresh_session(sc);
    fprintf(f, "# bench/bench.c script: %d choices that go on, then the shortest way to an ending\n", n);
    for (const sp_view *v = sp_session_view(s); v->kind != SP_VIEW_ENDING; v = sp_session_view(s)) {
        int open[64], k = 0, nearest = -1;
        for (int i = 0; i < v->n_options; i++) {
            int o = v->options[i].option, t = sc->nodes[v->node].options[o].target;
            if (dist[t] > 0 && k < 64)
                open[k++] = o;
            if (nearest < 0 || dist[t] < dist[sc->nodes[v->node].options[nearest].target])
                nearest = o;
        }
        int pick = steps < n && k ? open[rng((unsigned)k)] : nearest;
        if (pick < 0 || sp_session_choose(s, pick) != SP_OK) {
            fprintf(stderr, "bench: script: no way on at node '%s'\n", sc->nodes[v->node].id);
            exit(1);
        }
        fprintf(f, "option %s\n", sc->nodes[v->node].options[pick].id);
        steps++;
    }
    if (fclose(f) != 0) {
        perror(out);
        exit(1);
    }
    printf("choices=%d\n", steps);
    free(dist);
    sp_session_free(s);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench mem|load|steps|save|undo|analysis|script SCENARIO_DIR FILE [N] [OUT]\n");
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
        double *t = calloc((size_t)n, sizeof *t), first = 0;
        for (int i = 0; t && i < n; i++) {
            double t0 = cpu_ms();
            sp_scenario *sc = load(dir, file, hb, d);
            t[i] = cpu_ms() - t0;
            sp_scenario_free(sc);
        }
        if (!t)
            return 1;
        first = t[0];
        printf("load_ms=%.3f first_ms=%.3f runs=%d\n", median(t, n), first, n);
        free(t);
    } else if (strcmp(mode, "save") == 0) {
        save_bench(dir, file, hb, n, d);
    } else if (strcmp(mode, "steps") == 0 || strcmp(mode, "analysis") == 0 || strcmp(mode, "script") == 0 ||
               strcmp(mode, "undo") == 0) {
        sp_scenario *sc = load(dir, file, hb, d);
        if (mode[0] == 'u')
            undo_bench(sc, n);
        else if (mode[1] == 't')
            steps_bench(sc, n);
        else if (mode[0] == 'a')
            analysis_bench(sc, n, d);
        else if (argc > 5)
            script_write(sc, n, argv[5]);
        else
            fprintf(stderr, "bench: script wants N and an output file\n");
        sp_scenario_free(sc);
    } else {
        fprintf(stderr, "bench: unknown mode '%s'\n", mode);
        return 2;
    }
    sp_handbook_free(hb);
    sp_diag_free(d);
    return 0;
}
