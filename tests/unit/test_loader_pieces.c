/* test_loader_pieces.c: a scenario file read in pieces gives the verdict, messages and hash of the same bytes read whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "testutil.h"

/*
 * sp_scenario_load reads the file in pieces of 64 KiB (xml_src.c); the byte
 * checks (UTF-8, NUL, the declared encoding) and the DOCTYPE scan must see
 * across the seams. Each case is built here from tests/data/loader/valid.xml
 * with a comment of padding after its XML declaration that puts the byte
 * that matters at a known offset and line; the oracle is that line, counted
 * as the case is written, and the same bytes loaded from memory.
 */

#define PIECE 65536
#define SCHEMAS "scenarios"

static sp_handbook *hb;
static char tmpdir[256];
static char *valid;      /* tests/data/loader/valid.xml */
static size_t valid_len;
static size_t decl_end;  /* just past its XML declaration */

static int setup(void **state)
{
    (void)state;
    if (testutil_chdir_root() != 0 || testutil_tmpdir(tmpdir, sizeof tmpdir, "pieces") != 0)
        return -1;
    if (testutil_load_handbook("tests/data/loader/handbook.xml", SCHEMAS, &hb) != 0)
        return -1;
    valid = testutil_read("tests/data/loader/valid.xml", &valid_len);
    const char *e = strstr(valid, "?>");
    if (!e)
        return -1;
    decl_end = (size_t)(e - valid) + 2;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sp_handbook_free(hb);
    free(valid);
    testutil_rmdir(tmpdir);
    return 0;
}

/* A case: head (in place of valid.xml's XML declaration when not NULL),
 * then "\n<!--", lines of padding up to offset at (a line break every 64
 * bytes), the bytes mid, "-->" and the rest of valid.xml. *line gets the
 * line mid starts on. */
static char *build(const char *head, size_t at, const char *mid, size_t mid_len, size_t *len, long *line)
{
    const char *decl = head ? head : valid;
    size_t dl = head ? strlen(head) : decl_end;
    size_t total = dl + 5 + at + mid_len + 3 + (valid_len - decl_end);
    char *b = malloc(total + 1);
    assert_non_null(b);
    memcpy(b, decl, dl);
    memcpy(b + dl, "\n<!--", 5);
    size_t p = dl + 5;
    long lines = 2;
    for (size_t i = 0; p < at; i++, p++) {
        b[p] = (i % 64 == 63) ? '\n' : 'x';
        lines += b[p] == '\n';
    }
    assert_true(p == at);
    memcpy(b + p, mid, mid_len);
    p += mid_len;
    memcpy(b + p, "-->", 3);
    p += 3;
    memcpy(b + p, valid + decl_end, valid_len - decl_end);
    p += valid_len - decl_end;
    b[p] = '\0';
    *len = p;
    *line = lines;
    return b;
}

/* Loads bytes from a file (in pieces) and from memory: the two verdicts
 * and their messages must be the same; returns the file's status and its
 * messages in *msgs (one a line, caller frees). */
static sp_status load_both(const char *bytes, size_t len, char **msgs, sp_scenario **kept)
{
    char path[512];
    snprintf(path, sizeof path, "%s/case.xml", tmpdir);
    testutil_write(path, bytes, len);
    sp_diag *df = sp_diag_new(), *dm = sp_diag_new();
    sp_scenario *a = NULL, *b = NULL;
    sp_status sf = sp_scenario_load(path, SCHEMAS, hb, &a, df);
    sp_status sm = sp_scenario_load_mem(path, bytes, len, SCHEMAS, hb, &b, dm);
    assert_int_equal(sf, sm);
    assert_int_equal(sp_diag_count(df), sp_diag_count(dm));
    size_t cap = 1;
    for (int i = 0; i < sp_diag_count(df); i++) {
        assert_string_equal(sp_diag_message(df, i), sp_diag_message(dm, i));
        cap += strlen(sp_diag_message(df, i)) + 1;
    }
    char *m = calloc(1, cap);
    assert_non_null(m);
    for (int i = 0; i < sp_diag_count(df); i++) {
        strcat(m, sp_diag_message(df, i));
        strcat(m, "\n");
    }
    if (a && b)
        assert_true(a->hash == b->hash);
    sp_scenario_free(b);
    if (kept)
        *kept = a;
    else
        sp_scenario_free(a);
    sp_diag_free(df);
    sp_diag_free(dm);
    *msgs = m;
    return sf;
}

static void expect_one(const char *msgs, long line, const char *what)
{
    char want[1024];
    snprintf(want, sizeof want, "%s/case.xml:%ld: %s\n", tmpdir, line, what);
    assert_string_equal(msgs, want);
}

/* Every UTF-8 sequence length, cut by the seam of the first two pieces at
 * every place: the file loads, with the hash of its bytes. */
static void utf8_across_the_seam(void **state)
{
    (void)state;
    static const char *const seqs[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x99\x82" };
    for (int s = 0; s < 3; s++) {
        size_t n = strlen(seqs[s]);
        for (size_t cut = 1; cut < n; cut++) {
            size_t len;
            long line;
            char *b = build(NULL, PIECE - cut, seqs[s], n, &len, &line);
            char *msgs;
            sp_scenario *sc = NULL;
            assert_int_equal(load_both(b, len, &msgs, &sc), SP_OK);
            assert_string_equal(msgs, "");
            assert_non_null(sc);
            assert_true(sc->hash == sp_fs_hash(b, len));
            sp_scenario_free(sc);
            free(msgs);
            free(b);
        }
    }
}

/* A bad byte in the third piece, a cut-off sequence at the seam, a NUL
 * after a bad byte (the NUL is told: it is checked first). */
static void bad_bytes_past_the_first_piece(void **state)
{
    (void)state;
    size_t len;
    long line;
    char *msgs;
    char *b = build(NULL, 2 * PIECE + 100, "\xFF", 1, &len, &line);
    assert_int_equal(load_both(b, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, line, "invalid UTF-8 (byte 0xFF); files must be UTF-8");
    free(msgs);
    free(b);

    /* "\xE2\x82" then 'x': cut off, across the seam. */
    b = build(NULL, PIECE - 1, "\xE2\x82x", 3, &len, &line);
    assert_int_equal(load_both(b, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, line, "invalid UTF-8 (byte 0xE2); files must be UTF-8");
    free(msgs);
    free(b);

    char *b2 = build(NULL, 3 * PIECE, "a", 1, &len, &line);
    b2[PIECE + 10] = '\xFF'; /* a bad byte, then the NUL past it */
    b2[3 * PIECE] = '\0';
    long nul_line = 1;
    for (size_t i = 0; i < 3 * PIECE; i++)
        nul_line += b2[i] == '\n';
    assert_int_equal(load_both(b2, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, nul_line, "file holds binary data (a NUL byte), not UTF-8 XML text");
    free(msgs);
    free(b2);
}

/* The declared encoding is told from the first piece, and whether the
 * bytes are UTF-8 from all of them. */
static void declared_encoding_and_later_bytes(void **state)
{
    (void)state;
    const char *latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";
    size_t len;
    long line;
    char *msgs;
    char *b = build(latin, 2 * PIECE, "\xE9", 1, &len, &line);
    assert_int_equal(load_both(b, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, 1, "the file declares encoding=\"ISO-8859-1\" and is not UTF-8: save it as UTF-8 "
               "and write encoding=\"UTF-8\"");
    free(msgs);
    free(b);

    b = build(latin, 2 * PIECE, "\xC3\xA9", 2, &len, &line);
    assert_int_equal(load_both(b, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, 1, "the file declares encoding=\"ISO-8859-1\" but its bytes are UTF-8: "
               "write encoding=\"UTF-8\"");
    free(msgs);
    free(b);
}

/* A DOCTYPE after a prolog comment longer than the first look at the file
 * (4 KiB) is still found, on its line. */
static void doctype_after_a_long_comment(void **state)
{
    (void)state;
    size_t len;
    long line;
    char *msgs;
    char *b = build(NULL, 20000, "--><!DOCTYPE scenario><!--", 26, &len, &line);
    assert_int_equal(load_both(b, len, &msgs, NULL), SP_EINVAL);
    expect_one(msgs, line, "a DOCTYPE is not allowed (entities and DTDs are refused)");
    free(msgs);
    free(b);
}

/* The file written to while it loads: the hook appends to it halfway
 * through the load's allocations, well after the byte checks (which make
 * two), and the load is refused with a message that says so. */
static char grow_path[512];
static unsigned long grow_count, grow_at;

static void *grow_hook(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    if (++grow_count == grow_at) {
        FILE *f = fopen(grow_path, "a");
        if (f) {
            fputs("\n<!-- later -->\n", f);
            fclose(f);
        }
    }
    return ptr ? realloc(ptr, size) : malloc(size);
}

static void file_written_while_it_loads(void **state)
{
    (void)state;
    snprintf(grow_path, sizeof grow_path, "%s/grows.xml", tmpdir);
    testutil_write(grow_path, valid, valid_len);
    sp_alloc_fn old;
    void *old_ud;
    sp_alloc_get(&old, &old_ud);
    /* A load counted first (nothing appended), then one that appends
     * halfway through its allocations. */
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    grow_count = 0;
    grow_at = 0;
    sp_alloc_set(grow_hook, NULL);
    sp_status st = sp_scenario_load(grow_path, SCHEMAS, hb, &sc, d);
    sp_alloc_set(old, old_ud);
    assert_int_equal(st, SP_OK);
    sp_scenario_free(sc);
    sc = NULL;
    assert_true(grow_count > 100);
    grow_at = grow_count / 2;
    grow_count = 0;
    sp_alloc_set(grow_hook, NULL);
    st = sp_scenario_load(grow_path, SCHEMAS, hb, &sc, d);
    sp_alloc_set(old, old_ud);
    assert_true(grow_count > grow_at);
    assert_int_equal(st, SP_EINVAL);
    assert_null(sc);
    assert_int_equal(sp_diag_count(d), 1);
    char want[1024];
    snprintf(want, sizeof want, "%s: the file changed while samenspel was reading it; open it again", grow_path);
    assert_string_equal(sp_diag_message(d, 0), want);
    sp_diag_free(d);
}

int main(void)
{
    testutil_catalogue(); /* the core\'s messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_across_the_seam),
        cmocka_unit_test(bad_bytes_past_the_first_piece),
        cmocka_unit_test(declared_encoding_and_later_bytes),
        cmocka_unit_test(doctype_after_a_long_comment),
        cmocka_unit_test(file_written_while_it_loads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
