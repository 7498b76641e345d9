/* test_alloc.c: fails the Nth allocation, for every N, along the load, play, debrief and save paths of one case: no crash, an error that says so, no leak, and a failed save leaves the file as it was. */
#define _GNU_SOURCE /* dl_iterate_phdr, strcasestr */
#include <link.h>
#include <execinfo.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
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
 * oracle), the number of the call that made it, who asked, and links into
 * the list of live blocks (to name the calls whose blocks a run left
 * behind). Requests for memory (size > 0) are counted apart for the core
 * and for libxml2; with fail_at set, call fail_at of the one lib_mode
 * names is refused (with fail_rest, and every later one of it too). */
typedef struct block {
    struct block *prev, *next;
    size_t size;
    long call;       /* its number among the core's or libxml2's calls */
    int lib;         /* 1: libxml2 asked for it */
} block;
typedef union header {
    max_align_t align;
    block b;
} header;

/* Where libxml2's code and the program's lie in memory. */

/* The range of the loaded object whose name contains data->name ("" for
 * the program itself, which comes first). */
typedef struct range {
    const char *name;
    uintptr_t lo, hi;
} range;

static int find_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    range *r = data;
    if (r->name[0] && (!info->dlpi_name || !strstr(info->dlpi_name, r->name)))
        return 0;
    r->lo = UINTPTR_MAX;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
        if (ph->p_type == PT_LOAD) {
            r->lo = lo < r->lo ? lo : r->lo;
            r->hi = hi > r->hi ? hi : r->hi;
        }
    }
    return 1;
}

static range LIB = { "libxml2", UINTPTR_MAX, 0 }, EXE = { "", UINTPTR_MAX, 0 };

/* Whether the allocation being made was asked for by libxml2 (one of the
 * three frames above the hook lies in libxml2's code: libxml2 calls
 * sp_malloc, or xmlMemStrdup's adaptor and then sp_strdup) rather than by
 * the core. */
__attribute__((noinline)) static int from_libxml2(void)
{
    void *frames[5];
    int n = backtrace(frames, 5);
    for (int i = 2; i < n; i++)
        if ((uintptr_t)frames[i] >= LIB.lo && (uintptr_t)frames[i] < LIB.hi)
            return 1;
    return 0;
}

static struct {
    long calls, core_calls, lib_calls, fail_at, refused;
    int fail_rest;
    int lib_mode;    /* 0: fail_at counts the core's calls, 1: libxml2's */
    volatile int in_hook; /* 0 outside, 1 called by the core, 2 by libxml2 */
    long blocks;
    size_t bytes;
    block live;      /* the list's head */
    long stop_run, stop_at; /* SP_ALLOC_STOP=N:M: SIGTRAP at call M of run N (gdb) */
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

static void *alloc_call(void *ptr, size_t size, int lib);

/* The hook. While it runs, in_hook says who called it, for a crash inside
 * (libc's free finding a block freed twice). */
static void *counting_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    int lib = size || C.lib_mode ? from_libxml2() : 0;
    C.in_hook = 1 + lib;
    void *p = alloc_call(ptr, size, lib);
    C.in_hook = 0;
    return p;
}

static void *alloc_call(void *ptr, size_t size, int lib)
{
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
    long k = lib ? ++C.lib_calls : ++C.core_calls;
    if (k == C.stop_at && C.fail_at == C.stop_run && lib == C.lib_mode)
        raise(SIGTRAP);
    if (lib == C.lib_mode && C.fail_at && (k == C.fail_at || (C.fail_rest && k > C.fail_at))) {
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
    n->b.call = k;
    n->b.lib = lib;
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

/* How a child ends when libxml2 itself crashed or leaked after one of its
 * allocations was refused (libxml2 2.9.14 does both; see sweep_libxml2). */
enum { LIBXML2_CRASH = 70, LIBXML2_LEAK = 71, OTHER_CRASH = 72 };

/* Whether every block made after mark that is still live was libxml2's. */
static int only_libxml2(const block *mark)
{
    for (const block *b = C.live.next; b != mark && b != &C.live; b = b->next)
        if (!b->lib)
            return 0;
    return 1;
}

static void arm(long n, int rest)
{
    C.calls = C.core_calls = C.lib_calls = 0;
    C.refused = 0;
    C.fail_at = n;
    C.fail_rest = rest;
}

/* ---- one path, run once ------------------------------------------------------ */

/* What a run of a path reports: error 1 and its message, or a completed
 * run's result (checked against hand-worked figures) as a fingerprint. */
typedef struct outcome {
    int error;
    char msg[512];
    uint64_t print;
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
    return mix(h ^ (uint64_t)v * 0x9e3779b97f4a7c15ULL, "");
}

static void fail_with(outcome *o, const char *msg)
{
    if (!o->error++)
        snprintf(o->msg, sizeof o->msg, "%s", msg ? msg : "");
}

/* The first message of d that mentions memory, else its first message. */
static void fail_diag(outcome *o, const sp_diag *d)
{
    for (int i = 0; i < sp_diag_count(d); i++)
        if (strcasestr(sp_diag_message(d, i), "memory")) {
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
    const sp_node *n = &sc->nodes[sp_session_view(s)->node];
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
    sp_handbook *hb = NULL;
    sp_scenario *sc = NULL;
    sp_status rc = sp_handbook_load(hb_path, testutil_schemas(), &hb, d);
    if (rc == SP_OK)
        rc = sp_scenario_load(sc_path, testutil_schemas(), hb, &sc, d);
    if (rc != SP_OK) /* without a diag (its own allocation refused) the status tells */
        d ? fail_diag(o, d) : fail_with(o, sp_status_name(rc));
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
    long n = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && (fseek(f, 0, SEEK_SET) != 0 || fread(buf, 1, (size_t)n, f) != (size_t)n)) {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    *len = (size_t)n;
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
        fail_diag(o, d);
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
        fail_diag(o, d);
        char names[4][256];
        if (testutil_list(tmpdir, "oefen", ".xml", names, 4) != 0)
            fail_msg("a failed first save left %s behind", names[0]);
    }
    if (rc == SP_OK && save_step(o, t, S7, path, d) && save_step(o, t, FINISHED, path, d)) {
        size_t len;
        char *before = slurp(path, &len);
        if ((rc = sp_transcript_close(t, d)) != SP_OK) {
            fail_diag(o, d);
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
        fail_diag(o, d);
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
    if (d)
        save_run(o, d);
    else
        fail_with(o, sp_status_name(SP_ENOMEM));
    sp_diag_free(d);
    /* The next run starts from an empty folder (libc's calls: not counted). */
    char names[8][256];
    int n = testutil_list(tmpdir, "", "", names, 8);
    for (int i = 0; i < n; i++)
        remove(names[i]);
}

/* ---- the sweep ---------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    return clock_gettime(CLOCK_MONOTONIC, &ts) == 0 ? (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 : 0;
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
    long calls = C.lib_mode ? C.lib_calls : C.core_calls, refused = C.refused;
    C.fail_at = 0;
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
    if (o.error && !strcasestr(o.msg, "memory"))
        fail_msg("%s: allocation %ld%s refused: the error \"%s\" does not say memory ran out", name, n,
                 rest ? " on" : "", o.msg);
    if ((C.blocks != blocks || C.bytes != bytes) && C.lib_mode && only_libxml2(mark))
        _exit(LIBXML2_LEAK);
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

/* ---- libxml2's own allocations, each run in a child process ------------------ */

/* A crash in a child: whose code was running? The first frame below the
 * handler that lies in libxml2 or in this program (core and test) decides;
 * libc, cmocka and the sanitizers' runtime are passed over. */
static void on_crash(int sig)
{
    (void)sig;
    if (C.in_hook)
        _exit(C.in_hook == 2 ? LIBXML2_CRASH : OTHER_CRASH);
    void *frames[48];
    int n = backtrace(frames, 48);
    int i = 0; /* past this handler's own frame (a sanitizer's may wrap it) */
    while (i < n && !((uintptr_t)frames[i] >= EXE.lo && (uintptr_t)frames[i] < EXE.hi))
        i++;
    for (i++; i < n; i++) {
        uintptr_t pc = (uintptr_t)frames[i];
        if (pc >= LIB.lo && pc < LIB.hi)
            _exit(LIBXML2_CRASH);
        if (pc >= EXE.lo && pc < EXE.hi)
            break;
    }
    backtrace_symbols_fd(frames, n, 2);
    _exit(OTHER_CRASH);
}

static void child_run(const char *name, path_fn fn, long n, int rest, uint64_t *print)
{
    long absorbed = 0;
    setenv("CMOCKA_TEST_ABORT", "1", 1); /* a failed check aborts the child, in the test's code */
    int sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_crash);
    run_once(name, fn, n, rest, print, &absorbed);
    _exit(0);
}

/* libxml2 2.9.14 (Debian 12) does not survive every refused allocation:
 * with its 20th allocation refused while reading the handbook's schema
 * (xmlBufGrow under xmlParserInputGrow, reading the next character),
 * xmlParseDocument dereferences NULL. So libxml2's own allocations are
 * refused in a child process each: a child that crashes inside libxml2, or
 * in which only libxml2's blocks stay live, is counted and shown as
 * libxml2's; any other failure (a crash in the core, a core block not
 * released, an error that does not say memory, a wrong result) fails the
 * test. Every stride-th allocation, alone and onwards. */
static void sweep_libxml2(const char *name, path_fn fn, long stride)
{
    double t0 = now_s();
    uint64_t print;
    long absorbed = 0, crashes = 0, leaks = 0, runs = 0;
    char seen[200] = "";
    C.lib_mode = 1;
    run_once(name, fn, 0, 0, &print, &absorbed);
    long k = run_once(name, fn, 0, 0, &print, &absorbed);
    for (int rest = 0; rest <= 1; rest++)
        for (long n = 1; n <= k; n += stride, runs++) {
            fflush(stdout);
            fflush(stderr);
            pid_t pid = fork();
            assert_true(pid >= 0);
            if (pid == 0)
                child_run(name, fn, n, rest, &print);
            int status;
            assert_int_equal(waitpid(pid, &status, 0), pid);
            int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            if (code == LIBXML2_CRASH || code == LIBXML2_LEAK) {
                code == LIBXML2_CRASH ? crashes++ : leaks++;
                if (strlen(seen) < sizeof seen - 24)
                    snprintf(seen + strlen(seen), sizeof seen - strlen(seen), " %ld%s%s", n, rest ? "+" : "",
                             code == LIBXML2_CRASH ? "c" : "l");
            } else if (code != 0) {
                C.lib_mode = 0;
                fail_msg("%s: libxml2's allocation %ld%s refused: the run failed (%s %d)", name, n, rest ? " on" : "",
                         WIFEXITED(status) ? "exit" : "signal",
                         WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
            }
        }
    C.lib_mode = 0;
    printf("%-12s K = %5ld allocations by libxml2; %ld runs (every %ld, alone and onwards), each in a child: "
           "%ld crashed inside libxml2, %ld left libxml2's blocks behind%s%s; %.1f s\n", name, k, runs, stride,
           crashes, leaks, crashes + leaks ? ", at" : "", seen, now_s() - t0);
    fflush(stdout);
}

/* One cmocka test a sweep. */
#define SWEEP(test, how, name, path, stride) \
    static void test(void **state) \
    { \
        (void)state; \
        how(name, path, stride); \
    }
SWEEP(load_case, sweep, "load", path_load, 1)
SWEEP(load_intake, sweep, "load intake", path_load_intake, 1)
SWEEP(play, sweep, "play", path_play, 1)
SWEEP(debrief, sweep, "debrief", path_debrief, 1)
SWEEP(save, sweep, "save", path_save, 1)
SWEEP(load_case_libxml2, sweep_libxml2, "load", path_load, 149)

static int setup(void **state)
{
    (void)state;
    if (LIB.hi == 0) /* libxml2 not found among the loaded libraries: no allocation would be its */
        return -1;
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

int main(int argc, char **argv)
{
    testutil_catalogue(); /* the core's messages in English come from po/en.po */
    const char *stop = getenv("SP_ALLOC_STOP");
    if (stop)
        sscanf(stop, "%ld:%ld", &C.stop_run, &C.stop_at);
    if (argc > 1)
        cmocka_set_test_filter(argv[1]); /* run only the tests whose names match argv[1] */
    /* Before anything allocates: every block goes back to the hook that made it. */
    sp_alloc_set(counting_alloc, NULL);
    dl_iterate_phdr(find_object, &LIB);
    dl_iterate_phdr(find_object, &EXE);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(load_case), cmocka_unit_test(play), cmocka_unit_test(debrief),
        cmocka_unit_test(save), cmocka_unit_test(load_intake), cmocka_unit_test(load_case_libxml2),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
