/* testutil.c: helpers shared by the unit tests: data paths, fixtures, a test clock, scripted play, files, checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fs.h"
#include "core/translate.h"
#include "testutil.h"

/* Large enough for any fixture, small enough to catch a runaway file. */
#define READ_CAP (64u * 1024u * 1024u)

/* ---- paths -------------------------------------------------------------- */

const char *testutil_root(void)
{
    const char *r = getenv("SAMENSPEL_DATA");
    return r && *r ? r : ".";
}

/* English from the catalogue, with ctx as msgctxt ("ctx\004msgid"). */
static const char *catalogue_word(sp_lang lang, const char *ctx, const char *msgid)
{
    (void)lang; /* English is the only catalogue */
    char key[1024];
    if (!ctx)
        return dgettext("samenspel", msgid);
    snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
    const char *w = dgettext("samenspel", key);
    return w == key ? msgid : w;
}

void testutil_catalogue(void)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/locale", testutil_root());
    setlocale(LC_ALL, "C.UTF-8");
    setlocale(LC_NUMERIC, "C");
    setenv("LANGUAGE", "en", 1);
    bindtextdomain("samenspel", dir);
    bind_textdomain_codeset("samenspel", "UTF-8");
    sp_translate_set(catalogue_word);
}

const char *testutil_schemas(void)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/scenarios", testutil_root());
    return path;
}

int testutil_chdir_root(void)
{
    const char *r = getenv("SAMENSPEL_DATA");
    return r && *r && chdir(r) != 0 ? -1 : 0;
}

/* ---- loading fixtures ----------------------------------------------------- */

int testutil_load_handbook(const char *path, const char *schema_dir, sp_handbook **hb)
{
    sp_diag *d = sp_diag_new();
    sp_status st = sp_handbook_load(path, schema_dir, hb, d);
    testutil_print_diag(d);
    sp_diag_free(d);
    return st == SP_OK ? 0 : -1;
}

sp_handbook *testutil_hb;

int testutil_hb_setup(void **state)
{
    (void)state;
    return testutil_load_handbook("tests/data/session/handbook.xml", testutil_schemas(), &testutil_hb);
}

int testutil_hb_teardown(void **state)
{
    (void)state;
    sp_handbook_free(testutil_hb);
    testutil_hb = NULL;
    return 0;
}

int testutil_load_scenario(const char *path, const char *schema_dir, const sp_handbook *hb,
                           sp_scenario **sc)
{
    sp_diag *d = sp_diag_new();
    sp_status st = sp_scenario_load(path, schema_dir, hb, sc, d);
    testutil_print_diag(d);
    sp_diag_free(d);
    return st == SP_OK ? 0 : -1;
}

int testutil_load(const char *hb_rel, const char *sc_rel, sp_handbook **hb, sp_scenario **sc)
{
    char hp[4200], sp[4200];
    snprintf(hp, sizeof hp, "%s/%s", testutil_root(), hb_rel);
    snprintf(sp, sizeof sp, "%s/%s", testutil_root(), sc_rel);
    if (testutil_load_handbook(hp, testutil_schemas(), hb) != 0)
        return -1;
    return testutil_load_scenario(sp, testutil_schemas(), *hb, sc);
}

/* ---- playing ---------------------------------------------------------------- */

static struct {
    int64_t now;
    int tick;
} test_clock;

int64_t testutil_clock(void *ctx)
{
    (void)ctx;
    int64_t t = test_clock.now;
    test_clock.now += test_clock.tick;
    return t;
}

void testutil_clock_set(int64_t now, int tick)
{
    test_clock.now = now;
    test_clock.tick = tick;
}

sp_session *testutil_session(const sp_scenario *sc, int tick)
{
    testutil_clock_set(TESTUTIL_T0, tick);
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    sp_session_set_clock(s, testutil_clock, NULL);
    return s;
}

void testutil_step(sp_session *s, const char *what)
{
    const sp_scenario *sc = sp_session_scenario(s);
    if (what[0] == '!') {
        int f = sp_handbook_redflag(sc->handbook, what + 1);
        if (f < 0)
            fail_msg("no red flag '%s' in the handbook", what + 1);
        assert_int_equal(sp_session_flag(s, f, NULL), SP_OK);
    } else if (what[0] == '<') {
        assert_int_equal(sp_session_undo(s), SP_OK);
    } else {
        const sp_node *n = &sc->nodes[sp_session_view(s)->node];
        for (int i = 0; i < n->n_options; i++)
            if (strcmp(n->options[i].id, what) == 0) {
                assert_int_equal(sp_session_choose(s, i), SP_OK);
                return;
            }
        fail_msg("no option '%s' at node '%s'", what, n->id);
    }
}

void testutil_play(sp_session *s, const char *const *script)
{
    for (; *script; script++)
        testutil_step(s, *script);
}

/* ---- the oefen fixture ----------------------------------------------------- */

int testutil_oefen_up(const char *name, sp_handbook **hb, sp_scenario **sc, char *tmpdir, size_t size)
{
    if (testutil_tmpdir(tmpdir, size, name) != 0)
        return -1;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml", hb, sc);
}

void testutil_oefen_down(sp_handbook *hb, sp_scenario *sc, const char *tmpdir)
{
    sp_scenario_free(sc);
    sp_handbook_free(hb);
    testutil_rmdir(tmpdir);
}

#define OEFEN_OPEN "!rf.og-geen-tijd", "denk-hinder", "!rf.niet-pluis", "kennismaken", "<", "plannen", \
                   "!rf.randvoorwaarden"
const char *const testutil_oefen_open[] = { OEFEN_OPEN, NULL };
const char *const testutil_oefen_poor[] = { OEFEN_OPEN, "doorgaan", NULL };

/* ---- files ------------------------------------------------------------------ */

int testutil_tmpdir(char *buf, size_t size, const char *name)
{
    const char *t = getenv("TMPDIR");
    int n = snprintf(buf, size, "%s/sp-test-%s-XXXXXX", t && *t ? t : "/tmp", name);
    if (n < 0 || (size_t)n >= size)
        return -1;
    return mkdtemp(buf) ? 0 : -1;
}

void testutil_rmdir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (dp) {
        struct dirent *e;
        char p[4400];
        while ((e = readdir(dp)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
        closedir(dp);
    }
    rmdir(dir);
}

char *testutil_read(const char *path, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    sp_diag *d = sp_diag_new();
    if (sp_fs_read(path, READ_CAP, &data, &n, d) != SP_OK)
        fail_msg("cannot read %s: %s", path, sp_diag_count(d) ? sp_diag_message(d, 0) : "?");
    sp_diag_free(d);
    if (len)
        *len = n;
    return data;
}

void testutil_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

int testutil_list(const char *dir, const char *prefix, const char *suffix, char names[][256],
                  int max)
{
    DIR *dp = opendir(dir);
    if (!dp)
        fail_msg("cannot list %s", dir);
    size_t np = strlen(prefix), ns = strlen(suffix);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > np + ns && strncmp(e->d_name, prefix, np) == 0 &&
            strcmp(e->d_name + l - ns, suffix) == 0) {
            assert_true(n < max);
            snprintf(names[n++], 256, "%s/%s", dir, e->d_name);
        }
    }
    closedir(dp);
    qsort(names, (size_t)n, sizeof names[0], cmp_name);
    return n;
}

/* ---- comparing and messages ----------------------------------------------- */

#define SAME_ARRAY(a, b, n, field)                                                   \
    do {                                                                             \
        assert_int_equal((a)->n, (b)->n);                                            \
        if ((a)->n)                                                                  \
            assert_memory_equal((a)->field, (b)->field, sizeof *(a)->field * (size_t)(a)->n); \
    } while (0)

void testutil_assert_same_debrief(const sp_debrief *a, const sp_debrief *b)
{
    assert_int_equal(a->finished, b->finished);
    assert_int_equal(a->ending_node, b->ending_node);
    assert_int_equal(a->n_turns, b->n_turns);
    assert_int_equal(a->total, b->total);
    assert_int_equal(a->total_max, b->total_max);
    assert_int_equal(a->left, b->left);
    assert_int_equal(a->still, b->still);
    assert_int_equal(a->exact, b->exact);
    SAME_ARRAY(a, b, n_goals, goals);
    SAME_ARRAY(a, b, n_applied, applied);
    SAME_ARRAY(a, b, n_missed_interventions, missed_interventions);
    SAME_ARRAY(a, b, n_decisions, decisions);
    SAME_ARRAY(a, b, n_recognised, recognised);
    SAME_ARRAY(a, b, n_flags_missed, flags_missed);
    SAME_ARRAY(a, b, n_false_alarms, false_alarms);
    SAME_ARRAY(a, b, n_not_intended, not_intended);
    SAME_ARRAY(a, b, n_thoughts, thoughts);
}

void testutil_print_diag(const sp_diag *d)
{
    for (int i = 0; i < sp_diag_count(d); i++)
        print_message("  got: %s\n", sp_diag_message(d, i));
}

void testutil_assert_expected(const char *xml, const sp_diag *d)
{
    char exp[512];
    snprintf(exp, sizeof exp, "%.*s.expected", (int)(strlen(xml) - 4), xml);
    char *want = testutil_read(exp, NULL);
    int i = 0;
    char *save = NULL;
    for (char *line = strtok_r(want, "\n", &save); line; line = strtok_r(NULL, "\n", &save), i++) {
        if (i >= sp_diag_count(d)) {
            testutil_print_diag(d);
            fail_msg("%s: missing message '%s'", xml, line);
        }
        if (strcmp(sp_diag_message(d, i), line) != 0) {
            testutil_print_diag(d);
            fail_msg("%s: message %d is\n  '%s'\nexpected\n  '%s'", xml, i,
                     sp_diag_message(d, i), line);
        }
    }
    if (i == 0)
        fail_msg("%s is empty", exp);
    if (i != sp_diag_count(d)) {
        testutil_print_diag(d);
        fail_msg("%s: %d messages, expected %d", xml, sp_diag_count(d), i);
    }
    free(want);
}

void testutil_put(testutil_text *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (b->s && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = b->cap * 2 + (size_t)n + 4096;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
}
