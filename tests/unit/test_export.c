/* test_export.c: the HTML debrief holds the play's figures (read back from its data attributes) and no outside resources; the CSV parses as RFC 4180 with one row per decision. */
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

static sp_replay *fixture(const char *name, sp_lang lang, sp_transcript **t)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/replay/plays/%s.xml", testutil_root(), name);
    assert_int_equal(sp_transcript_read(path, t, NULL), SP_OK);
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(*t, SC, lang, &r, NULL), SP_OK);
    return r;
}

static char *html_of(const sp_replay *r, sp_debrief **d)
{
    *d = sp_debrief_build(r->s);
    assert_non_null(*d);
    size_t len = 0;
    char *h = sp_export_html(r, *d, &len);
    assert_non_null(h);
    assert_int_equal(strlen(h), len);
    return h;
}

/* The integer in attribute name="N" at or after from (INT32_MIN when absent). */
static int attr_int(const char *from, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "%s=\"", name);
    const char *p = from ? strstr(from, key) : NULL;
    return p ? atoi(p + strlen(key)) : INT32_MIN;
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* Labels come from the handbook, which its writers may still reword. */
static const char *iv_label(const char *id, sp_lang l)
{
    return sp_text_get(&HB->interventions[sp_handbook_intervention(HB, id)].label, l);
}

static const char *rf_label(const char *id, sp_lang l)
{
    return sp_text_get(&HB->redflags[sp_handbook_redflag(HB, id)].label, l);
}

/* ---- HTML ------------------------------------------------------------------------ */

static void html_figures(void **state)
{
    (void)state;
    sp_transcript *t;
    sp_replay *r = fixture("p1", SP_LANG_NL, &t);
    sp_debrief *d;
    char *h = html_of(r, &d);
    assert_true(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(h, "<html lang=\"nl\">"));
    assert_non_null(strstr(h, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(h, "@media print"));
    /* Self-contained: nothing fetched (the SVG namespace is a name, not a fetch). */
    assert_null(strstr(h, "src="));
    assert_null(strstr(h, "url("));
    assert_null(strstr(h, "@import"));
    assert_null(strstr(h, "<link"));
    assert_null(strstr(h, "<script"));
    assert_int_equal(count(h, "http"), count(h, "xmlns=\"http://www.w3.org/2000/svg\""));
    assert_int_equal(count(h, "href=\""), count(h, "href=\"#"));

    /* Figures per goal in the table, hand-checked for p1 and equal to the
     * debrief's. The expert path of kruispunt (by hand: V besluit 3,
     * met-jansen 6, klaasen-alleen 5, route 9 by wachten, gevoel 11 by
     * doorbreken) is doorbreken, wachten, bal, teruggeven: relatie 2,
     * eigenaarschap 3, helderheid 2, koers 4, max 11. Until the surfaces
     * get their own columns, data-best and data-max both carry the expert
     * row (and the total row the maximum). */
    static const struct { const char *goal; int you, best, max; } want[] = {
        { "relatie", 1, 2, 2 }, { "eigenaarschap", 2, 3, 3 }, { "helderheid", -2, 2, 2 }, { "koers", -3, 4, 4 },
        { "total", -2, 11, 11 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char key[64];
        snprintf(key, sizeof key, "<tr data-goal=\"%s\">", want[i].goal);
        const char *row = strstr(h, key);
        assert_non_null(row);
        assert_int_equal(attr_int(row, "data-you"), want[i].you);
        assert_int_equal(attr_int(row, "data-best"), want[i].best);
        assert_int_equal(attr_int(row, "data-max"), want[i].max);
        if (strcmp(want[i].goal, "total") != 0) {
            const sp_debrief_goal *g = &d->goals[sp_handbook_goal(HB, want[i].goal)];
            assert_int_equal(g->score, want[i].you);
            assert_int_equal(g->expert, want[i].best);
            /* and the chart's bars carry the same numbers */
            snprintf(key, sizeof key, "<g data-goal=\"%s\">", want[i].goal);
            const char *bars = strstr(h, key);
            assert_non_null(bars);
            assert_int_equal(attr_int(bars, "data-you"), want[i].you);
            assert_int_equal(attr_int(bars, "data-best"), want[i].best);
            assert_int_equal(attr_int(bars, "data-max"), want[i].max);
        }
    }
    assert_int_equal(d->total, -2);

    /* The timeline: one mark per decision, graded. */
    assert_int_equal(count(h, "<g data-turn="), 4);
    static const char *const grades[] = { "worst", "worst", "best", "worst" };
    for (int i = 0; i < 4; i++) {
        char key[64];
        snprintf(key, sizeof key, "<g data-turn=\"%d\" data-grade=\"%s\"", i + 1, grades[i]);
        assert_non_null(strstr(h, key));
        snprintf(key, sizeof key, "id=\"turn-%d\"", i + 1);
        assert_non_null(strstr(h, key));
    }
    const char *art = strstr(h, "id=\"turn-2\"");
    assert_int_equal(attr_int(art, "data-total"), 0);
    assert_int_equal(attr_int(art, "data-best"), 3);
    /* The decisions with their texts, the other options and what they apply. */
    assert_non_null(strstr(h, "Goed, dan doen we het met z&#39;n tweeën."));
    assert_non_null(strstr(h, iv_label("int.voorbereiden", SP_LANG_NL))); /* what wachten applies */
    assert_null(strstr(h, "Netjes teruggegeven")); /* p1 did not end there */
    assert_non_null(strstr(h, "data-ending=\"einde-mager\""));
    assert_non_null(strstr(h, rf_label("rf.og-geen-tijd", SP_LANG_NL))); /* recognised in turn 2 */
    free(h);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);
}

static void html_notes_escaped_and_english(void **state)
{
    (void)state;
    sp_transcript *t;
    sp_replay *r = fixture("p2", SP_LANG_EN, &t);
    assert_int_equal(sp_replay_add_note(r, t, 1, "Group said <b>wait</b> & \"why\"?"), SP_OK);
    assert_int_equal(sp_replay_add_note(r, t, -1, "Day with team West."), SP_OK);
    sp_debrief *d;
    char *h = html_of(r, &d);
    assert_non_null(strstr(h, "<html lang=\"en\">"));
    assert_non_null(strstr(h, "Learning goals"));
    assert_non_null(strstr(h, "The crossroads"));
    assert_non_null(strstr(h, "played in a group"));
    assert_non_null(strstr(h, "Group said &lt;b&gt;wait&lt;/b&gt; &amp; &quot;why&quot;?"));
    assert_null(strstr(h, "<b>wait</b>"));
    /* the step note sits in turn 2, the play note before the chart */
    const char *turn2 = strstr(h, "id=\"turn-2\""), *turn3 = strstr(h, "id=\"turn-3\"");
    const char *note = strstr(h, "Group said");
    assert_true(note > turn2 && note < turn3);
    assert_true(strstr(h, "Day with team West.") < strstr(h, "class=\"goals\""));
    /* votes per option, and the overruled vote */
    assert_int_equal(attr_int(strstr(h, "data-option=\"wachten\"><td"), "data-votes"), 4);
    assert_non_null(strstr(h, "the facilitator chose against the majority"));
    free(h);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);
}

static void html_unfinished(void **state)
{
    (void)state;
    sp_transcript *t;
    sp_replay *r = fixture("p5", SP_LANG_NL, &t);
    sp_debrief *d;
    char *h = html_of(r, &d);
    assert_non_null(strstr(h, "Niet afgemaakt: het gesprek stopte bij beurt 3."));
    assert_int_equal(count(h, "<g data-turn="), 2);
    assert_non_null(strstr(h, "data-end=\"open\""));
    free(h);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);
}

/* ---- CSV ------------------------------------------------------------------------- */

/* A strict RFC 4180 reader: fields[row][col] as malloc'd strings. */
typedef struct { char *f[16][16]; int n_rows, n_cols[16]; } table;

static void parse_csv(const char *s, table *tb)
{
    memset(tb, 0, sizeof *tb);
    const char *p = s;
    while (*p) {
        int row = tb->n_rows++;
        assert_true(row < 16);
        for (;;) {
            char buf[4096];
            size_t n = 0;
            if (*p == '"') {
                p++;
                for (;;) {
                    assert_true(*p != '\0'); /* an unterminated quote */
                    if (*p == '"' && p[1] == '"') {
                        buf[n++] = '"';
                        p += 2;
                    } else if (*p == '"') {
                        p++;
                        break;
                    } else {
                        buf[n++] = *p++;
                    }
                }
            } else {
                while (*p && *p != ',' && *p != '\r') {
                    assert_true(*p != '"' && *p != '\n'); /* must have been quoted */
                    buf[n++] = *p++;
                }
            }
            buf[n] = '\0';
            tb->f[row][tb->n_cols[row]++] = strdup(buf);
            if (*p == ',') {
                p++;
                continue;
            }
            assert_true(p[0] == '\r' && p[1] == '\n'); /* CRLF after every record */
            p += 2;
            break;
        }
    }
}

static void free_table(table *tb)
{
    for (int r = 0; r < tb->n_rows; r++)
        for (int c = 0; c < tb->n_cols[r]; c++)
            free(tb->f[r][c]);
}

static void csv_rows_match_decisions(void **state)
{
    (void)state;
    sp_transcript *t;
    sp_replay *r = fixture("p2", SP_LANG_NL, &t);
    assert_int_equal(sp_replay_add_note(r, t, 2, "Lang, met \"aanhalingstekens\", komma's\nen een tweede regel"), SP_OK);
    size_t len;
    char *csv = sp_export_csv(r, &len);
    assert_non_null(csv);
    table tb;
    parse_csv(csv, &tb);
    assert_int_equal(tb.n_rows, 1 + r->n_decisions);
    static const char *const head[] = { "beurt", "knoop", "optie", "tekst", "score", "beste score",
                                        "interventies", "gedachte", "rode vlaggen gemarkeerd", "stemmen",
                                        "notities" };
    for (int c = 0; c < 11; c++)
        assert_string_equal(tb.f[0][c], head[c]);
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_option *o = &SC->nodes[s->node].options[s->chosen];
        char **f = tb.f[i + 1];
        assert_int_equal(tb.n_cols[i + 1], 11);
        assert_int_equal(atoi(f[0]), s->turn);
        assert_string_equal(f[1], SC->nodes[s->node].id);
        assert_string_equal(f[2], o->id);
        assert_string_equal(f[3], sp_text_get(&o->text, SP_LANG_NL));
        assert_int_equal(atoi(f[4]), s->total);
        assert_int_equal(atoi(f[5]), s->best_total);
    }
    assert_string_equal(tb.f[1][7], "th.falen (helpend)");
    assert_string_equal(tb.f[1][8], rf_label("rf.niet-lekker", SP_LANG_NL));
    assert_string_equal(tb.f[1][9], "mislukt 2; doorbreken 5");
    assert_string_equal(tb.f[2][6], iv_label("int.voorbereiden", SP_LANG_NL));
    assert_string_equal(tb.f[3][6], iv_label("int.duidelijk", SP_LANG_NL));
    assert_string_equal(tb.f[3][9], "bal 3; persoon 4 (de begeleider besliste)");
    assert_string_equal(tb.f[3][10], "Lang, met \"aanhalingstekens\", komma's\nen een tweede regel");
    assert_string_equal(tb.f[4][10], "");
    free_table(&tb);
    free(csv);
    sp_replay_free(r);
    sp_transcript_free(t);

    /* A false alarm is named as one; English headers. */
    r = fixture("p4", SP_LANG_EN, &t);
    csv = sp_export_csv(r, &len);
    parse_csv(csv, &tb);
    assert_string_equal(tb.f[0][0], "turn");
    char want[256];
    snprintf(want, sizeof want, "%s (false alarm)", rf_label("rf.niet-pluis", SP_LANG_EN));
    assert_string_equal(tb.f[1][8], want);
    assert_string_equal(tb.f[1][9], "");
    free_table(&tb);
    free(csv);
    sp_replay_free(r);
    sp_transcript_free(t);
}

static void words_complete(void **state)
{
    (void)state;
    for (int m = 0; m < SP_EX_COUNT; m++)
        for (int l = 0; l < SP_LANG_COUNT; l++)
            assert_true(sp_export_str((sp_lang)l, (sp_export_msg)m)[0] != '\0');
    assert_string_equal(sp_export_grade(SP_LANG_EN, SP_GRADE_MIDDLE), "fair");
    assert_string_equal(sp_export_grade(SP_LANG_NL, SP_GRADE_NONE), "");
    assert_string_equal(sp_export_kind(SP_LANG_NL, SP_ENDING_POOR), "zwak");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_figures),
        cmocka_unit_test(html_notes_escaped_and_english),
        cmocka_unit_test(html_unfinished),
        cmocka_unit_test(csv_rows_match_decisions),
        cmocka_unit_test(words_complete),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
