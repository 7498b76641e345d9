/* test_alloc.c: fails the Nth allocation, for every N, along the load, play, debrief and save paths of one case: no crash, an error that says so, no leak, and a failed save leaves the file as it was. */
#define _GNU_SOURCE /* dladdr */
#include <link.h>
#include <execinfo.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <signal.h>
#include <time.h>
#include <cmocka.h>

#include "core/alloc.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "core/xml.h"
#include "testutil.h"

/* ---- the counting hook ------------------------------------------------------ */

/* Every block carries a header: its size (the live bytes are the leak
 * oracle), the number of the call that made it, and links into the list
 * of live blocks (to name the calls whose blocks a run left behind).
 * calls counts requests for memory (size > 0); with fail_at set, call
 * number fail_at is refused (and, with fail_rest, every later one too). */
typedef struct block {
    struct block *prev, *next;
    size_t size;
    long call;
} block;
typedef union header {
    max_align_t align;
    block b;
} header;

/* Where libxml2's code lies in memory (its loaded segments). */
static uintptr_t lib_lo = UINTPTR_MAX, lib_hi;

static int find_libxml2(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    if (!info->dlpi_name || !strstr(info->dlpi_name, "libxml2"))
        return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
        lib_lo = lo < lib_lo ? lo : lib_lo;
        lib_hi = hi > lib_hi ? hi : lib_hi;
    }
    return 1;
}

/* Whether the allocation being made was asked for by libxml2 (one of the
 * three frames above the hook lies in libxml2's code: libxml2 calls
 * sp_malloc, or xmlMemStrdup's adaptor and then sp_strdup) rather than by
 * the core. */
__attribute__((noinline)) static int from_libxml2(void)
{
    void *frames[5];
    int n = backtrace(frames, 5);
    for (int i = 2; i < n; i++)
        if ((uintptr_t)frames[i] >= lib_lo && (uintptr_t)frames[i] < lib_hi)
            return 1;
    return 0;
}

static struct {
    long calls, core_calls, lib_calls, fail_at, refused;
    int fail_rest;
    long blocks;
    size_t bytes;
    block live;      /* the list's head */
    long stop_run, stop_at; /* SP_ALLOC_STOP=N:M: SIGTRAP at call M of the run that
                             * refuses call N (for a debugger) */
} C = { .live = { &C.live, &C.live, 0, 0 } };

static void unlink_block(block *b)
{
    b->prev->next = b->next;
    b->next->prev = b->prev;
}

static void link_block(block *b)
{
    b->next = C.live.next;
    b->prev = &C.live;
    C.live.next->prev = b;
    C.live.next = b;
}

static void *counting_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    header *h = ptr ? (header *)ptr - 1 : NULL;
    if (size == 0) {
        if (h) {
            C.blocks--;
            C.bytes -= h->b.size;
            unlink_block(&h->b);
            memset(h, 0xa5, sizeof *h + h->b.size); /* a use after free reads garbage */
            free(h);
        }
        return NULL;
    }
    C.calls++;
    if (C.calls == C.stop_at && C.fail_at == C.stop_run)
        raise(SIGTRAP);
    if (from_libxml2()) {
        C.lib_calls++;
    } else if (C.core_calls++, C.fail_at && (C.core_calls == C.fail_at || (C.fail_rest && C.core_calls > C.fail_at))) {
        C.refused++;
        return NULL;
    }
    if (size > SIZE_MAX - sizeof(header))
        return NULL;
    size_t old = h ? h->b.size : 0;
    if (h)
        unlink_block(&h->b);
    header *n = realloc(h, sizeof(header) + size);
    if (!n) {
        if (h)
            link_block(&h->b);
        return NULL;
    }
    if (!h)
        C.blocks++;
    C.bytes = C.bytes - old + size;
    n->b.size = size;
    n->b.call = C.calls;
    link_block(&n->b);
    return n + 1;
}

/* The calls that made the blocks allocated after mark (the live list's
 * first block before a run) that are still live, into buf. */
static void left_behind(const block *mark, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const block *b = C.live.next; b != mark && b != &C.live && used + 24 < len; b = b->next)
        used += (size_t)snprintf(buf + used, len - used, " %ld(%zu B)", b->call, b->size);
}

/* Counting from now on; n > 0: refuse call n (rest: and every later one). */
static void arm(long n, int rest)
{
    C.calls = C.core_calls = C.lib_calls = 0;
    C.refused = 0;
    C.fail_at = n;
    C.fail_rest = rest;
}

static void disarm(void)
{
    C.fail_at = 0;
}

/* ---- one path, run once ------------------------------------------------------ */

/* What a run of a path reports: 0 it completed (and its results were
 * checked against the hand-worked figures), 1 it stopped with an error;
 * msg: the error's message. */
typedef struct outcome {
    int error;
    char msg[512];
    uint64_t print;  /* completed: a fingerprint of the result, which must
                      * equal a clean run's */
} outcome;

/* FNV-1a 64 over a string and its terminator. */
static uint64_t mix(uint64_t h, const char *s)
{
    if (h == 0)
        h = 14695981039346656037ULL;
    do {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    } while (*s++);
    return h;
}

static uint64_t mix_int(uint64_t h, long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", v);
    return mix(h, buf);
}

static void fail_with(outcome *o, const char *msg)
{
    if (!o->error) {
        o->error = 1;
        snprintf(o->msg, sizeof o->msg, "%s", msg ? msg : "");
    }
}

/* The first message of d that mentions memory, else its first message. */
static void fail_diag(outcome *o, const sp_diag *d, sp_status rc)
{
    if (!d) {
        fail_with(o, sp_status_name(rc));
        return;
    }
    for (int i = 0; i < sp_diag_count(d); i++)
        if (strstr(sp_diag_message(d, i), "memory")) {
            fail_with(o, sp_diag_message(d, i));
            return;
        }
    fail_with(o, sp_diag_message(d, 0));
}

typedef void (*path_fn)(outcome *o);

/* The fixture every path after loading starts from. */
static sp_handbook *HB;
static sp_scenario *SC;
static const char *HB_PATH = "tests/data/session/handbook.xml";
static const char *SC_PATH = "tests/data/session/oefen.xml";

/* The poor play of test_debrief.c: flags (one recognised, one false alarm),
 * an undo, to the ending einde-mager. Worked out by hand there: total -4,
 * maximum 6, left 3 + 2 + 5. */
static const char *const PLAY[] = { "!rf.og-geen-tijd", "denk-hinder", "!rf.niet-pluis", "kennismaken", "<",
                                    "plannen", "!rf.randvoorwaarden", "doorgaan", NULL };
#define PLAY_STEPS 8

static sp_status step(sp_session *s, const char *what)
{
    const sp_scenario *sc = sp_session_scenario(s);
    if (what[0] == '!')
        return sp_session_flag(s, sp_handbook_redflag(sc->handbook, what + 1), NULL);
    if (what[0] == '<')
        return sp_session_undo(s);
    const sp_view *v = sp_session_view(s);
    const sp_node *n = &sc->nodes[v->node];
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, what) == 0)
            return sp_session_choose(s, i);
    fail_msg("no option '%s' at node '%s'", what, n->id);
    return SP_EUSAGE;
}

/* A session on SC with the first n steps of PLAY; NULL (and an error in o)
 * when memory ran out. */
static sp_session *played(int n, outcome *o)
{
    testutil_clock_set(TESTUTIL_T0, 30);
    sp_session *s = sp_session_new(SC, SP_LANG_NL);
    if (!s) {
        fail_with(o, sp_status_name(SP_ENOMEM));
        return NULL;
    }
    sp_session_set_clock(s, testutil_clock, NULL);
    for (int i = 0; i < n; i++) {
        sp_status rc = step(s, PLAY[i]);
        if (rc != SP_OK) {
            assert_int_equal(rc, SP_ENOMEM);
            fail_with(o, sp_status_name(rc));
            sp_session_free(s);
            return NULL;
        }
    }
    return s;
}

/* What was loaded: the ids, texts and links of every node and option. */
static uint64_t model_print(const sp_handbook *hb, const sp_scenario *sc)
{
    uint64_t h = mix_int(mix_int(0, hb->n_interventions), hb->n_redflags + 100 * hb->n_goals);
    h = mix(mix(h, sc->id), sp_text_get(&sc->title, SP_LANG_NL));
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        h = mix_int(mix(h, n->id), n->kind * 1000 + n->n_lines);
        for (int l = 0; l < n->n_lines; l++)
            h = mix(h, sp_text_get(&n->lines[l].text, SP_LANG_EN));
        for (int k = 0; k < n->n_options; k++)
            h = mix_int(mix(mix(h, n->options[k].id), sp_text_get(&n->options[k].feedback, SP_LANG_NL)),
                        n->options[k].target);
    }
    return h;
}

static void load(outcome *o, const char *hb_path, const char *sc_path)
{
    sp_diag *d = sp_diag_new();
    if (!d) {
        fail_with(o, sp_status_name(SP_ENOMEM));
        return;
    }
    sp_handbook *hb = NULL;
    sp_scenario *sc = NULL;
    sp_status rc = sp_handbook_load(hb_path, testutil_schemas(), &hb, d);
    if (rc == SP_OK)
        rc = sp_scenario_load(sc_path, testutil_schemas(), hb, &sc, d);
    if (rc != SP_OK)
        fail_diag(o, d, rc);
    else
        o->print = model_print(hb, sc);
    sp_scenario_free(sc);
    sp_handbook_free(hb);
    sp_diag_free(d);
}

static void path_load(outcome *o)
{
    load(o, HB_PATH, SC_PATH);
}

static void path_load_intake(outcome *o)
{
    load(o, "scenarios/handbook.xml", "scenarios/intake.xml");
}

static void path_play(outcome *o)
{
    sp_session *s = played(PLAY_STEPS, o);
    if (!s)
        return;
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->kind, SP_VIEW_ENDING);
    assert_string_equal(SC->nodes[v->node].id, "einde-mager");
    assert_true(sp_session_finished(s));
    o->print = mix(mix(0, v->evaluation), v->ending_title);
    for (int i = 0; i < v->n_lines; i++)
        o->print = mix(o->print, v->lines[i].text);
    sp_session_free(s);
}

static sp_session *FINISHED;

static void path_debrief(outcome *o)
{
    sp_debrief *d = sp_debrief_build(FINISHED);
    if (!d) {
        fail_with(o, sp_status_name(SP_ENOMEM));
        return;
    }
    assert_int_equal(d->exact, 1);
    assert_int_equal(d->total, -4);
    assert_int_equal(d->total_max, 6);
    assert_int_equal(d->left, 3 + 2 + 5);
    assert_int_equal(d->still, 0);
    assert_int_equal(d->n_decisions, 3);
    o->print = mix_int(0, d->n_recognised * 100 + d->n_false_alarms * 10 + d->n_flags_missed);
    for (int i = 0; i < d->n_decisions; i++)
        o->print = mix_int(o->print, d->decisions[i].stronger * 1000 + d->decisions[i].left);
    sp_debrief_free(d);
}

/* ---- save: create, journal append, whole rewrite, close, read back ---------- */

static sp_session *S4, *S7;
static char tmpdir[256];

/* A whole file in libc's memory (not the hook's, so reading it neither
 * counts nor fails); NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    if (!f)
        return NULL;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            char *b = realloc(buf, cap);
            assert_non_null(b);
            buf = b;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static int file_is(const char *path, const char *bytes, size_t len)
{
    size_t n;
    char *now = slurp(path, &n);
    int same = now && n == len && memcmp(now, bytes, len) == 0;
    free(now);
    return same;
}

/* One save of t (synced from s) into path; on failure the file must hold
 * what it held before, byte for byte. */
static int save_step(outcome *o, sp_transcript *t, const sp_session *s, const char *path, sp_diag *d)
{
    size_t len;
    char *before = slurp(path, &len);
    sp_status rc = sp_transcript_sync(t, s);
    if (rc != SP_OK)
        fail_with(o, sp_status_name(rc));
    else if ((rc = sp_transcript_write(t, path, d)) != SP_OK)
        fail_diag(o, d, rc);
    if (rc != SP_OK && !file_is(path, before, len))
        fail_msg("a failed save changed %s", path);
    free(before);
    return rc == SP_OK;
}

static void save_run(outcome *o, sp_diag *d)
{
    char path[600];
    sp_transcript *t = sp_transcript_new();
    if (!t) {
        fail_with(o, sp_status_name(SP_ENOMEM));
        return;
    }
    sp_status rc = sp_transcript_sync(t, S4);
    if (rc != SP_OK)
        fail_with(o, sp_status_name(rc));
    else if ((rc = sp_transcript_create(t, tmpdir, "oefen", sp_session_started_at(S4), path, sizeof path, d)) !=
             SP_OK) {
        fail_diag(o, d, rc);
        char names[4][256];
        if (testutil_list(tmpdir, "oefen", ".xml", names, 4) != 0)
            fail_msg("a failed first save left %s behind", names[0]);
    }
    if (rc == SP_OK && save_step(o, t, S7, path, d) && save_step(o, t, FINISHED, path, d)) {
        size_t len;
        char *before = slurp(path, &len);
        if ((rc = sp_transcript_close(t, d)) != SP_OK) {
            fail_diag(o, d, rc);
            /* Compacting failed: the file keeps its journal, unchanged. */
            if (!file_is(path, before, len))
                fail_msg("a failed close changed %s", path);
        }
        free(before);
    }
    sp_transcript_free(t);
    if (o->error)
        return;
    sp_transcript *r = NULL;
    if ((rc = sp_transcript_read(path, &r, d)) != SP_OK) {
        fail_diag(o, d, rc);
        return;
    }
    assert_int_equal(r->n_steps, PLAY_STEPS);
    assert_string_equal(r->ending, "einde-mager");
    sp_transcript_free(r);
    size_t len;
    char *bytes = slurp(path, &len);
    assert_non_null(bytes);
    o->print = mix_int(0, (long)len);
    for (size_t i = 0; i < len; i++)
        o->print = (o->print ^ (unsigned char)bytes[i]) * 1099511628211ULL;
    free(bytes);
}

static void path_save(outcome *o)
{
    sp_diag *d = sp_diag_new();
    if (!d) {
        fail_with(o, sp_status_name(SP_ENOMEM));
        return;
    }
    save_run(o, d);
    sp_diag_free(d);
    /* The next run starts from an empty folder again (not counted: disarmed
     * by the caller only after this returns, but these are libc calls). */
    char names[8][256];
    int n = testutil_list(tmpdir, "", "", names, 8);
    for (int i = 0; i < n; i++)
        remove(names[i]);
}

/* ---- the sweep ---------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether msg says memory ran out ("memory" in any case). */
static int says_memory(const char *msg)
{
    char low[sizeof ((outcome *)0)->msg];
    size_t i = 0;
    for (; msg[i] && i + 1 < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)msg[i]);
    low[i] = '\0';
    return strstr(low, "memory") != NULL;
}

/* One run of fn with call n refused (0: none); checks the outcome and that
 * every block the run made was released. A clean run (n 0) sets print; a
 * run with a refusal either stops with an error that says memory ran out,
 * or (where the core or libxml2 has a way round, absorbed) completes with
 * the clean run's result exactly. Returns the calls it made. */
static long run_once(const char *name, path_fn fn, long n, int rest, uint64_t *print, long *absorbed)
{
    sp_xml_schemas_release();
    long blocks = C.blocks;
    size_t bytes = C.bytes;
    const block *mark = C.live.next;
    outcome o = { 0 };
    arm(n, rest);
    fn(&o);
    long calls = C.core_calls, refused = C.refused;
    disarm();
    sp_xml_schemas_release();
    if (n == 0 && o.error)
        fail_msg("%s: a run with memory enough failed: %s", name, o.msg);
    if (n == 0)
        *print = o.print;
    else if (!o.error && o.print != *print)
        fail_msg("%s: allocation %ld%s was refused: the run reported no error, and its result differs from a "
                 "clean run's", name, n, rest ? " on" : "");
    else if (refused && !o.error)
        (*absorbed)++;
    if (o.error && !says_memory(o.msg))
        fail_msg("%s: allocation %ld%s refused: the error \"%s\" does not say memory ran out", name, n,
                 rest ? " on" : "", o.msg);
    if (C.blocks != blocks || C.bytes != bytes) {
        char made[400];
        left_behind(mark, made, sizeof made);
        fail_msg("%s: allocation %ld%s refused: %ld blocks (%ld bytes) not released; made by calls%s", name, n,
                 rest ? " on" : "", C.blocks - blocks, (long)(C.bytes - bytes), made);
    }
    return calls;
}

/* Counts the calls K of a clean run, then refuses call N for N = 1, 1 +
 * stride, ... K, once alone and once with every later call. */
static void sweep(const char *name, path_fn fn, long stride)
{
    double t0 = now_s();
    uint64_t print;
    long absorbed = 0;
    run_once(name, fn, 0, 0, &print, &absorbed); /* the first run fills what libxml2 keeps for good */
    long k = run_once(name, fn, 0, 0, &print, &absorbed), all = C.calls, lib = C.lib_calls;
    long runs = 0;
    for (int rest = 0; rest <= 1; rest++)
        for (long n = 1; n <= k; n += stride, runs++)
            run_once(name, fn, n, rest, &print, &absorbed);
    printf("%-12s K = %5ld allocations by the core (and %5ld by libxml2, of %ld); %ld runs (N = 1..K%s, alone and "
           "onwards), %ld absorbed, %.1f s\n", name, k, lib, all, runs, stride == 1 ? "" : " strided", absorbed,
           now_s() - t0);
    fflush(stdout);
}

static void load_case(void **state)
{
    (void)state;
    sweep("load", path_load, 1);
}

static void load_intake(void **state)
{
    (void)state;
    sweep("load intake", path_load_intake, 1);
}

static void play(void **state)
{
    (void)state;
    sweep("play", path_play, 1);
}

static void debrief(void **state)
{
    (void)state;
    sweep("debrief", path_debrief, 1);
}

static void save(void **state)
{
    (void)state;
    sweep("save", path_save, 1);
}

static int setup(void **state)
{
    (void)state;
    if (testutil_chdir_root() != 0 || testutil_tmpdir(tmpdir, sizeof tmpdir, "alloc") != 0 ||
        testutil_load(HB_PATH, SC_PATH, &HB, &SC) != 0)
        return -1;
    outcome o = { 0 };
    S4 = played(4, &o);
    S7 = played(7, &o);
    FINISHED = played(PLAY_STEPS, &o);
    return S4 && S7 && FINISHED ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sp_session_free(S4);
    sp_session_free(S7);
    sp_session_free(FINISHED);
    sp_scenario_free(SC);
    sp_handbook_free(HB);
    testutil_rmdir(tmpdir);
    return 0;
}

/* argv[1]: run only the tests whose names match it (cmocka's filter). */
int main(int argc, char **argv)
{
    const char *stop = getenv("SP_ALLOC_STOP");
    if (stop)
        sscanf(stop, "%ld:%ld", &C.stop_run, &C.stop_at);
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    /* Before anything allocates: every block goes back to the hook that made it. */
    sp_alloc_set(counting_alloc, NULL);
    dl_iterate_phdr(find_libxml2, NULL);
    if (lib_hi == 0) {
        fprintf(stderr, "test_alloc: libxml2 is not among the loaded libraries\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(load_case), cmocka_unit_test(play), cmocka_unit_test(debrief),
        cmocka_unit_test(save), cmocka_unit_test(load_intake),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
