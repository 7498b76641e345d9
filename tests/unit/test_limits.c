/* test_limits.c: every limit on untrusted files at and just past it, damaged files left untouched, fuzz regressions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "core/xml.h"
#include "ui/settings.h"
#include "testutil.h"

/*
 * The files are generated at test time into a temporary directory: a 32 MiB
 * scenario does not belong in git, and generating it states plainly what it
 * holds. Each limit is tested twice: the file exactly at the limit must load,
 * the file one unit past it must fail with a message that names the limit.
 */

static char tmpdir[256];
static char schema_dir[4096];
static sp_handbook *hb;

/* ---- helpers --------------------------------------------------------------- */

/* A growable string; tests abort on out-of-memory. */
typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_str(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_fmt(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_fmt(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof tmp);
    buf_add(b, tmp, (size_t)n);
}

static void buf_repeat(buf *b, const char *unit, size_t times)
{
    size_t n = strlen(unit);
    for (size_t i = 0; i < times; i++)
        buf_add(b, unit, n);
}

static char *tmp_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

/* 1 when some message contains one of the given spellings (NULL-ended). */
static int diag_mentions(const sp_diag *d, ...)
{
    va_list ap;
    va_start(ap, d);
    const char *needle;
    int found = 0;
    while (!found && (needle = va_arg(ap, const char *)) != NULL)
        for (int i = 0; i < sp_diag_count(d); i++)
            if (strstr(sp_diag_message(d, i), needle))
                found = 1;
    va_end(ap);
    return found;
}

/* ---- scenario generator ------------------------------------------------------ */

/*
 * A valid case: n0 is a decision whose two options lead to n1; n1..n(N-2)
 * pass on with goto, each with one narration of narr_len bytes; the last
 * node is the ending. Every node is reachable, the graph is a chain, and the
 * file is as small per node as the format allows, so the node limit can be
 * reached without the size limit getting in the way. pad_to > 0 pads the file
 * with a trailing comment to exactly that many bytes.
 */
static void gen_scenario(buf *b, int n_nodes, size_t narr_len, size_t pad_to)
{
    buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"grens\" "
               "phase=\"intake\" version=\"1\" start=\"n0\">\n"
               "<title>Grens</title><summary>Een gegenereerd geval.</summary>\n"
               "<briefing><you>Jij.</you><meet>Klaasen.</meet><situation>Een test.</situation>"
               "<aim>Laden.</aim></briefing>\n"
               "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#3d6fa8\"><name>Jij</name></person>"
               "<person id=\"klaasen\" role=\"gog\" initials=\"HK\" color=\"#8a5a2b\"><name>Klaasen</name></person></cast>\n"
               "<node id=\"n0\"><say who=\"klaasen\">Goedemorgen.</say><decision>"
               "<option id=\"a\" to=\"n1\"><text>Ja.</text><score goal=\"relatie\" delta=\"1\"/>"
               "<feedback>Goed.</feedback></option>"
               "<option id=\"b\" to=\"n1\"><text>Nee.</text><feedback>Minder.</feedback></option>"
               "</decision></node>\n");
    for (int i = 1; i < n_nodes - 1; i++) {
        buf_fmt(b, "<node id=\"n%d\">", i);
        if (narr_len) {
            buf_str(b, "<narration>");
            buf_repeat(b, "x", narr_len);
            buf_str(b, "</narration>");
        }
        buf_fmt(b, "<goto to=\"n%d\"/></node>\n", i + 1);
    }
    buf_fmt(b, "<node id=\"n%d\"><ending id=\"e\" kind=\"good\"><title>Klaar</title>"
               "<evaluation>Klaar.</evaluation></ending></node>\n</scenario>\n", n_nodes - 1);
    if (pad_to) {
        assert_true(b->len + 8 <= pad_to);
        size_t fill = pad_to - b->len - 8; /* "<!--" + "-->\n" */
        buf_str(b, "<!--");
        buf_repeat(b, "p", fill);
        buf_str(b, "-->\n");
        assert_int_equal(b->len, pad_to);
    }
}

static sp_status load_file(const char *name, const buf *b, sp_diag *d)
{
    char *path = tmp_path(name);
    testutil_write(path, b->s, b->len);
    sp_scenario *sc = NULL;
    sp_status st = sp_scenario_load(path, schema_dir, hb, &sc, d);
    if (st == SP_OK) {
        assert_non_null(sc);
        sp_scenario_free(sc);
    } else {
        assert_null(sc);
        assert_true(sp_diag_count(d) > 0);
    }
    unlink(path);
    return st;
}

static sp_status load_mem(const buf *b, sp_diag *d)
{
    sp_scenario *sc = NULL;
    sp_status st = sp_scenario_load_mem("grens.xml", b->s, b->len, schema_dir, hb, &sc, d);
    if (st == SP_OK)
        sp_scenario_free(sc);
    else
        assert_null(sc);
    return st;
}

/* ---- scenario limits ---------------------------------------------------------- */

static void file_size_at_and_past_limit(void **state)
{
    (void)state;
    /* 32 MiB of valid case: long narrations (under the text limit) keep the
     * node count low, a trailing comment makes the size exact. */
    int nodes = (int)(SP_MAX_FILE_BYTES / 8100);
    buf b = { 0 };
    gen_scenario(&b, nodes, 8000, SP_MAX_FILE_BYTES);
    sp_diag *d = sp_diag_new();
    sp_status st = load_file("size-at.xml", &b, d);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);

    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_OK);

    free(b.s);
    b = (buf){ 0 };
    gen_scenario(&b, nodes, 8000, SP_MAX_FILE_BYTES + 1);
    sp_diag_clear(d);
    assert_int_equal(load_file("size-past.xml", &b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "33554432", "32 MiB", "33,554,432", NULL));
    assert_true(diag_mentions(d, "size-past.xml", NULL));

    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "33554432", "32 MiB", "33,554,432", NULL));
    free(b.s);
    sp_diag_free(d);
}

static void node_count_at_and_past_limit(void **state)
{
    (void)state;
    buf b = { 0 };
    gen_scenario(&b, SP_MAX_NODES, 0, 0);
    sp_diag *d = sp_diag_new();
    sp_status st = load_file("nodes-at.xml", &b, d);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    free(b.s);

    b = (buf){ 0 };
    gen_scenario(&b, SP_MAX_NODES + 1, 0, 0);
    sp_diag_clear(d);
    assert_int_equal(load_file("nodes-past.xml", &b, d), SP_EINVAL);
    if (!diag_mentions(d, "20000", "20,000", "20 000", NULL))
        testutil_print_diag(d);
    assert_true(diag_mentions(d, "20000", "20,000", "20 000", NULL));
    free(b.s);
    sp_diag_free(d);
}

/* A case whose second node narrates text (exactly as given, no white space
 * to fold) and whose klaasen says it again in English. */
static void gen_text_case(buf *b, const char *unit, size_t times)
{
    buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"tekst\" "
               "phase=\"intake\" version=\"1\" start=\"n0\">\n"
               "<title>Tekst</title><summary>Lang.</summary>\n"
               "<briefing><you>Jij.</you><meet>Klaasen.</meet><situation>Een test.</situation>"
               "<aim>Laden.</aim></briefing>\n"
               "<cast><person id=\"klaasen\" role=\"gog\" initials=\"HK\" color=\"#8a5a2b\"><name>Klaasen</name></person></cast>\n"
               "<node id=\"n0\"><decision>"
               "<option id=\"a\" to=\"n1\"><text>Ja.</text><feedback>Goed.</feedback></option>"
               "<option id=\"b\" to=\"n1\"><text>Nee.</text><feedback>Minder.</feedback></option>"
               "</decision></node>\n<node id=\"n1\"><narration>");
    buf_repeat(b, unit, times);
    buf_str(b, "</narration><ending id=\"e\" kind=\"good\"><title>Klaar</title>"
               "<evaluation>Klaar.</evaluation></ending></node>\n</scenario>\n");
}

static void text_length_at_and_past_limit(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    buf b = { 0 };
    gen_text_case(&b, "x", SP_MAX_TEXT_BYTES);
    sp_status st = load_mem(&b, d);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    free(b.s);

    b = (buf){ 0 };
    gen_text_case(&b, "x", SP_MAX_TEXT_BYTES + 1);
    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "8192", "8,192", "8 KiB", NULL));
    free(b.s);

    /* The limit counts bytes, not characters: 4096 two-byte letters fit,
     * one more byte does not. */
    b = (buf){ 0 };
    gen_text_case(&b, "\xc3\xa9", SP_MAX_TEXT_BYTES / 2);
    sp_diag_clear(d);
    st = load_mem(&b, d);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    free(b.s);

    b = (buf){ 0 };
    gen_text_case(&b, "\xc3\xa9", SP_MAX_TEXT_BYTES / 2 + 1);
    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "8192", "8,192", "8 KiB", NULL));
    free(b.s);
    sp_diag_free(d);
}

/* Elements nested `depth` levels deep, the root included. No schema allows
 * that, so the parser itself is asked (no schema) at the limit; past it the
 * loader must name the limit before the schema is even consulted. */
static void gen_nested(buf *b, int depth)
{
    buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<scenario xmlns=\"urn:samenspel:scenario:1\">");
    for (int i = 1; i < depth; i++)
        buf_str(b, "<t>");
    for (int i = 1; i < depth; i++)
        buf_str(b, "</t>");
    buf_str(b, "</scenario>\n");
}

static void nesting_at_and_past_limit(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    buf b = { 0 };
    gen_nested(&b, SP_MAX_DEPTH);
    xmlDoc *doc = NULL;
    sp_status st = sp_xml_parse("deep.xml", b.s, b.len, NULL, NULL, &doc, d);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    assert_non_null(doc);
    xmlFreeDoc(doc);
    /* Through the loader the schema refuses it, but not for its depth. */
    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_false(diag_mentions(d, "nested", "depth", NULL));
    free(b.s);

    b = (buf){ 0 };
    gen_nested(&b, SP_MAX_DEPTH + 1);
    sp_diag_clear(d);
    doc = NULL;
    assert_int_equal(sp_xml_parse("deep.xml", b.s, b.len, NULL, NULL, &doc, d), SP_EINVAL);
    assert_null(doc);
    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "64", NULL));
    assert_true(diag_mentions(d, "nested", "depth", "deeper", NULL));
    free(b.s);

    /* Far past it: the parser must stop early, not recurse. */
    b = (buf){ 0 };
    gen_nested(&b, 100000);
    sp_diag_clear(d);
    assert_int_equal(load_mem(&b, d), SP_EINVAL);
    assert_true(diag_mentions(d, "64", NULL));
    free(b.s);
    sp_diag_free(d);
}

/* ---- transcript limits ---------------------------------------------------------- */

/* A transcript of `steps` choices, written by the program's own writer so the
 * test follows the format wherever it goes. pad_to > 0 pads with a trailing
 * comment to exactly that many bytes. */
static void gen_transcript(buf *b, int steps, size_t pad_to)
{
    sp_transcript *t = sp_transcript_new();
    assert_non_null(t);
    t->scenario_id = strdup("intake");
    t->scenario_version = strdup("1");
    t->scenario_hash = 0x0123456789abcdefULL;
    t->lang = strdup("nl");
    t->mode = strdup("solo");
    t->started = t->updated = 1700000000;
    t->steps = calloc((size_t)steps, sizeof *t->steps);
    assert_non_null(t->steps);
    for (int i = 0; i < steps; i++) {
        char id[32];
        t->steps[i].kind = SP_STEP_CHOOSE;
        t->steps[i].turn = i + 1;
        snprintf(id, sizeof id, "n%d", i);
        t->steps[i].node = strdup(id);
        t->steps[i].option = strdup("a");
        t->steps[i].at = 1700000000 + i;
        t->n_steps = i + 1;
    }
    size_t len = 0;
    char *xml = sp_transcript_to_xml(t, &len);
    assert_non_null(xml);
    buf_add(b, xml, len);
    free(xml);
    sp_transcript_free(t);
    if (pad_to) {
        assert_true(b->len + 8 <= pad_to);
        size_t fill = pad_to - b->len - 8;
        buf_str(b, "<!--");
        buf_repeat(b, "p", fill);
        buf_str(b, "-->\n");
        assert_int_equal(b->len, pad_to);
    }
}

static sp_status read_transcript_file(const char *name, const buf *b, sp_diag *d, int *n_steps)
{
    char *path = tmp_path(name);
    testutil_write(path, b->s, b->len);
    sp_transcript *t = NULL;
    sp_status st = sp_transcript_read(path, &t, d);
    if (st == SP_OK) {
        assert_non_null(t);
        if (n_steps)
            *n_steps = t->n_steps;
        sp_transcript_free(t);
    } else {
        assert_null(t);
        assert_true(sp_diag_count(d) > 0);
    }
    unlink(path);
    return st;
}

static void transcript_steps_at_and_past_limit(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    buf b = { 0 };
    gen_transcript(&b, SP_TRANSCRIPT_MAX_STEPS, 0);
    int n = 0;
    sp_status st = read_transcript_file("steps-at.xml", &b, d, &n);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    assert_int_equal(n, SP_TRANSCRIPT_MAX_STEPS);
    free(b.s);

    b = (buf){ 0 };
    gen_transcript(&b, SP_TRANSCRIPT_MAX_STEPS + 1, 0);
    sp_diag_clear(d);
    assert_int_equal(read_transcript_file("steps-past.xml", &b, d, NULL), SP_EINVAL);
    assert_true(diag_mentions(d, "10000", "10,000", "10 000", NULL));
    assert_true(diag_mentions(d, "steps-past.xml", NULL));
    free(b.s);
    sp_diag_free(d);
}

static void transcript_size_at_and_past_limit(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    buf b = { 0 };
    gen_transcript(&b, 100, SP_TRANSCRIPT_MAX_BYTES);
    int n = 0;
    sp_status st = read_transcript_file("size-at.xml", &b, d, &n);
    if (st != SP_OK)
        testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    assert_int_equal(n, 100);
    free(b.s);

    b = (buf){ 0 };
    gen_transcript(&b, 100, SP_TRANSCRIPT_MAX_BYTES + 1);
    sp_diag_clear(d);
    assert_int_equal(read_transcript_file("size-past.xml", &b, d, NULL), SP_EINVAL);
    assert_true(diag_mentions(d, "4194304", "4 MiB", "4,194,304", NULL));
    sp_diag_clear(d);
    sp_transcript *t = NULL;
    assert_int_equal(sp_transcript_read_mem("size-past.xml", b.s, b.len, &t, d), SP_EINVAL);
    assert_null(t);
    assert_true(diag_mentions(d, "4194304", "4 MiB", "4,194,304", NULL));
    free(b.s);
    sp_diag_free(d);
}

/* ---- damaged and foreign files ----------------------------------------------------- */

typedef struct damaged {
    const char *name;
    const char *data;
    size_t len;      /* 0: strlen(data) */
} damaged;

/* What a transcript folder can hold after a crash, a bad copy or a mix-up. */
static const damaged damaged_transcripts[] = {
    { "empty.xml", "", 0 },
    { "spaces.xml", "   \n\n  ", 0 },
    { "truncated.xml", "<?xml version=\"1.0\"?>\n<transcript xmlns=\"urn:samenspel:transcript:1\" "
                       "version=\"1\" scenario=\"intake\" scenario-hash=\"0123456789abcdef\" lang=\"nl\" "
                       "mode=\"solo\" started=\"2024-05-01T09:30:00Z\">\n<steps>\n<choose turn=\"1\" no", 0 },
    { "binary.xml", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16 },
    { "latin1.xml", "<?xml version=\"1.0\"?><transcript>caf\xe9</transcript>", 0 },
    { "html.xml", "<!DOCTYPE html><html><body>Not found</body></html>", 0 },
    { "scenario.xml", "<?xml version=\"1.0\"?>\n<scenario xmlns=\"urn:samenspel:scenario:1\" id=\"x\"/>\n", 0 },
    { "other-ns.xml", "<transcript xmlns=\"urn:example:other\" version=\"1\"><steps/></transcript>", 0 },
    { "future.xml", "<transcript xmlns=\"urn:samenspel:transcript:1\" version=\"99\" scenario=\"intake\" "
                    "scenario-hash=\"0123456789abcdef\" lang=\"nl\" mode=\"solo\" "
                    "started=\"2024-05-01T09:30:00Z\"><steps/></transcript>", 0 },
    { "entity.xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    "<transcript>&x;</transcript>", 0 },
    { "settings.ini", "text_size=L\nhigh_contrast=1\n", 0 },
};

static void assert_untouched(const char *path, const damaged *dm, const struct stat *before)
{
    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_size, before->st_size);
    assert_int_equal(after.st_mtim.tv_sec, before->st_mtim.tv_sec);
    assert_int_equal(after.st_mtim.tv_nsec, before->st_mtim.tv_nsec);
    assert_int_equal(after.st_ino, before->st_ino);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t len = dm->len ? dm->len : strlen(dm->data);
    char *got = malloc(len + 1);
    assert_non_null(got);
    assert_int_equal(fread(got, 1, len + 1, f), len);
    fclose(f);
    assert_memory_equal(got, dm->data, len);
    free(got);
}

static void damaged_transcripts_refused_and_untouched(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof damaged_transcripts / sizeof damaged_transcripts[0]; i++) {
        const damaged *dm = &damaged_transcripts[i];
        char *path = tmp_path(dm->name);
        testutil_write(path, dm->data, dm->len ? dm->len : strlen(dm->data));
        struct stat before;
        assert_int_equal(stat(path, &before), 0);

        sp_diag *d = sp_diag_new();
        sp_transcript *t = NULL;
        sp_status st = sp_transcript_read(path, &t, d);
        if (st != SP_EINVAL || sp_diag_count(d) == 0)
            fail_msg("%s: status %s, %d messages", dm->name, sp_status_name(st), sp_diag_count(d));
        assert_null(t);
        /* The message names the file, so a person knows which one to look at. */
        assert_true(diag_mentions(d, dm->name, NULL));
        assert_untouched(path, dm, &before);
        sp_diag_free(d);
        unlink(path);
    }
}

static const damaged damaged_settings[] = {
    { "binary.ini", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16 },
    { "xml.ini", "<?xml version=\"1.0\"?>\n<transcript xmlns=\"urn:samenspel:transcript:1\"/>\n", 0 },
    { "badvalue.ini", "text_size=HUGE\n", 0 },
    { "nokey.ini", "text_size=L\nthis line has no equals sign\n", 0 },
    { "truncated.ini", "text_size=L\nhigh_cont", 0 },
};

static void damaged_settings_refused_and_untouched(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof damaged_settings / sizeof damaged_settings[0]; i++) {
        const damaged *dm = &damaged_settings[i];
        char *path = tmp_path(dm->name);
        testutil_write(path, dm->data, dm->len ? dm->len : strlen(dm->data));
        struct stat before;
        assert_int_equal(stat(path, &before), 0);
        sp_diag *d = sp_diag_new();
        sp_ui_settings s, def;
        memset(&s, 0x5a, sizeof s);
        sp_ui_settings_defaults(&def);
        sp_status st = sp_ui_settings_load(path, &s, d);
        if (st == SP_OK || sp_diag_count(d) == 0)
            fail_msg("%s: status %s, %d messages", dm->name, sp_status_name(st), sp_diag_count(d));
        assert_true(diag_mentions(d, dm->name, NULL));
        /* A line that is not understood is skipped; the lines that are
         * apply (here the whole "text_size=L" line of two files), the rest
         * keeps its default (issue 16). */
        int whole_l = strstr(dm->data, "text_size=L\n") != NULL;
        assert_int_equal(s.text_size, whole_l ? SP_UI_SIZE_L : def.text_size);
        assert_int_equal(s.high_contrast, def.high_contrast);
        assert_int_equal(s.feedback_end, def.feedback_end);
        assert_int_equal(s.lang, def.lang);
        assert_int_equal(s.fullscreen, def.fullscreen);
        assert_untouched(path, dm, &before);
        sp_diag_free(d);
        unlink(path);
    }

    /* Far too big for a settings file: refused by size, not read whole. */
    buf b = { 0 };
    buf_repeat(&b, "text_size=L\n", 100000);
    char *path = tmp_path("huge.ini");
    testutil_write(path, b.s, b.len);
    sp_diag *d = sp_diag_new();
    sp_ui_settings s;
    assert_int_not_equal(sp_ui_settings_load(path, &s, d), SP_OK);
    assert_true(diag_mentions(d, "larger", NULL));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal((size_t)st.st_size, b.len);
    sp_diag_free(d);
    unlink(path);
    free(b.s);
}

/* ---- fuzz regressions ------------------------------------------------------------ */

/* Every input the fuzzers once crashed on must now load or fail cleanly.
 * Run under ASan and valgrind by CI, that is the regression test. */
static int load_regressions(const char *sub, int transcript)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/../tests/fuzz/regressions/%s", schema_dir, sub);
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *data = NULL;
        size_t len = 0;
        sp_diag *d = sp_diag_new();
        assert_int_equal(sp_fs_read(path, 64u * 1024u * 1024u, &data, &len, d), SP_OK);
        sp_status st;
        if (transcript) {
            sp_transcript *t = NULL;
            st = sp_transcript_read_mem(e->d_name, data, len, &t, d);
            if (st == SP_OK) {
                /* What was read must write and read back (the fuzz harness's check). */
                size_t xlen = 0;
                char *xml = sp_transcript_to_xml(t, &xlen);
                assert_non_null(xml);
                sp_transcript *t2 = NULL;
                if (sp_transcript_read_mem("again.xml", xml, xlen, &t2, d) != SP_OK)
                    fail_msg("%s: reads, but what we write of it does not read back", path);
                assert_int_equal(t2->n_steps, t->n_steps);
                sp_transcript_free(t2);
                free(xml);
            }
            sp_transcript_free(t);
        } else {
            sp_scenario *sc = NULL;
            st = sp_scenario_load_mem(e->d_name, data, len, schema_dir, hb, &sc, d);
            sp_scenario_free(sc);
        }
        if (st != SP_OK && sp_diag_count(d) == 0)
            fail_msg("%s: refused without a message", path);
        free(data);
        sp_diag_free(d);
        n++;
    }
    closedir(dp);
    return n;
}

static void fuzz_regressions_fail_cleanly(void **state)
{
    (void)state;
    int ns = load_regressions("scenario", 0), nt = load_regressions("transcript", 1);
    print_message("  %d + %d fuzz regression inputs\n", ns, nt);
    /* The inputs kept in tests/fuzz/regressions (5 scenarios, 1 transcript on
     * 2026-12-06): a missing or emptied folder must not pass as "0 inputs". */
    assert_true(ns >= 5);
    assert_true(nt >= 1);
}

/* ---- setup -------------------------------------------------------------------------- */

static int setup(void **state)
{
    (void)state;
    snprintf(schema_dir, sizeof schema_dir, "%s", testutil_schemas());
    if (testutil_tmpdir(tmpdir, sizeof tmpdir, "limits") != 0)
        return -1;
    char path[4200];
    snprintf(path, sizeof path, "%s/handbook.xml", schema_dir);
    return testutil_load_handbook(path, schema_dir, &hb);
}

static int teardown(void **state)
{
    (void)state;
    sp_handbook_free(hb);
    testutil_rmdir(tmpdir);
    return 0;
}

int main(void)
{
    testutil_catalogue(); /* the core\'s messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(file_size_at_and_past_limit),
        cmocka_unit_test(node_count_at_and_past_limit),
        cmocka_unit_test(text_length_at_and_past_limit),
        cmocka_unit_test(nesting_at_and_past_limit),
        cmocka_unit_test(transcript_steps_at_and_past_limit),
        cmocka_unit_test(transcript_size_at_and_past_limit),
        cmocka_unit_test(damaged_transcripts_refused_and_untouched),
        cmocka_unit_test(damaged_settings_refused_and_untouched),
        cmocka_unit_test(fuzz_regressions_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
