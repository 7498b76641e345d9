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
#include "core/translate.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *SC;

static int setup(void **state)
{
    (void)state;
    testutil_catalogue();
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

    /* The figures, worked out by hand on kruispunt.xml. Option totals:
     * gevoel: mislukt -1 (rust -1), doorbreken +2; route: samen 0 (to
     * klaasen-alleen), wachten +3, mailen +2 if rust >= 1 (to met-jansen);
     * klaasen-alleen: toch-jansen +2, verwijt -2; met-jansen: bal +3,
     * persoon -2; besluit: teruggeven +3, kwartaal -3. So V(besluit) = 3,
     * V(met-jansen) = 6, V(klaasen-alleen) = 5, V(route) = 9 and the
     * maximum V(gevoel) = 2 + 9 = 11, by doorbreken, wachten, bal,
     * teruggeven: relatie 2, eigenaarschap 2+1, helderheid 1+1, koers 2+2.
     * p1 takes mislukt, samen, toch-jansen, kwartaal: relatie 1,
     * eigenaarschap 2, helderheid -1-1, koers -1-2, total -2. Left: 11 -
     * (-1 + 9) = 3 (mailen is gone with rust 0), 9 - (0 + 5) = 4, 5 - (2 +
     * 3) = 0, 3 - (-3 + 0) = 6; 3+4+0+6 = 13 = 11 - (-2). */
    static const struct { const char *goal; int you, expert; } want[] = {
        { "relatie", 1, 2 }, { "eigenaarschap", 2, 3 }, { "helderheid", -2, 2 }, { "koers", -3, 4 },
        { "total", -2, 11 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char key[64];
        snprintf(key, sizeof key, "<tr data-goal=\"%s\">", want[i].goal);
        const char *row = strstr(h, key);
        assert_non_null(row);
        assert_int_equal(attr_int(row, "data-you"), want[i].you);
        assert_int_equal(attr_int(row, "data-expert"), want[i].expert);
        if (strcmp(want[i].goal, "total") != 0) {
            const sp_debrief_goal *g = &d->goals[sp_handbook_goal(HB, want[i].goal)];
            assert_int_equal(g->score, want[i].you);
            assert_int_equal(g->expert, want[i].expert);
            /* and the chart's bars carry the same numbers */
            snprintf(key, sizeof key, "<g data-goal=\"%s\">", want[i].goal);
            const char *bars = strstr(h, key);
            assert_non_null(bars);
            assert_int_equal(attr_int(bars, "data-you"), want[i].you);
            assert_int_equal(attr_int(bars, "data-expert"), want[i].expert);
        }
    }
    assert_int_equal(d->total, -2);
    const char *sum = strstr(h, "<p class=\"sum\"");
    assert_int_equal(attr_int(sum, "data-score"), -2);
    assert_int_equal(attr_int(sum, "data-left"), 13);
    assert_int_equal(attr_int(sum, "data-still"), 0);
    assert_int_equal(attr_int(sum, "data-max"), 11);
    assert_non_null(strstr(h, "Jouw score -2 + laten liggen 13 + nog haalbaar 0 = maximum van de casus 11"));
    /* the zero line is labelled, and every figure has its sentence */
    assert_non_null(strstr(h, "data-zero=\"0\">0</text>"));
    assert_int_equal(count(h, "<dt>"), 6);
    assert_non_null(strstr(h, "<dt>Laten liggen</dt>"));

    /* The timeline: one mark per decision, by the points it left. */
    assert_int_equal(count(h, "<g data-turn="), 4);
    static const char *const grades[] = { "left", "left", "strongest", "left" };
    static const int left[] = { 3, 4, 0, 6 };
    for (int i = 0; i < 4; i++) {
        char key[64];
        snprintf(key, sizeof key, "<g data-turn=\"%d\" data-grade=\"%s\"", i + 1, grades[i]);
        assert_non_null(strstr(h, key));
        assert_int_equal(attr_int(strstr(h, key), "data-left"), left[i]);
        snprintf(key, sizeof key, "id=\"turn-%d\"", i + 1);
        assert_non_null(strstr(h, key));
        assert_int_equal(attr_int(strstr(h, key), "data-left"), left[i]);
    }
    const char *art = strstr(h, "id=\"turn-2\"");
    assert_int_equal(attr_int(art, "data-total"), 0);
    /* After a choice that left points: the stronger option and its score. */
    const char *strong = strstr(art, "<p class=\"stronger-was\"");
    assert_non_null(strong);
    assert_true(strong < strstr(h, "id=\"turn-3\""));
    assert_non_null(strstr(strong, "data-stronger=\"wachten\""));
    assert_int_equal(attr_int(strong, "data-stronger-total"), 3);
    assert_non_null(strstr(strong, "<strong>Sterker was:</strong>"));
    assert_null(strstr(strstr(h, "id=\"turn-3\""), "data-stronger=\"toch-jansen\"")); /* left 0: none */
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
    assert_non_null(strstr(h, "the trainer chose against the majority"));
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
typedef struct { char *f[32][24]; int n_rows, n_cols[32]; } table;

static void parse_csv(const char *s, table *tb)
{
    memset(tb, 0, sizeof *tb);
    const char *p = s;
    while (*p) {
        int row = tb->n_rows++;
        assert_true(row < 32);
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
            assert_true(tb->n_cols[row] < 24);
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
    sp_debrief *d = sp_debrief_build(r->s);
    char *csv = sp_export_csv(r, d, &len);
    assert_non_null(csv);
    table tb;
    parse_csv(csv, &tb);
    /* header, decisions, total, expert route, empty, figure header, 6 figures */
    assert_int_equal(tb.n_rows, 1 + r->n_decisions + 2 + 1 + 1 + 6);
    static const char *const head[] = { "beurt", "knoop", "optie", "tekst", "Relatie", "Eigenaarschap",
                                        "Helderheid", "Eigen koers", "score", "laten liggen", "sterkere optie",
                                        "interventies", "gedachte", "rode vlaggen gemarkeerd", "stemmen",
                                        "notities" };
    for (int c = 0; c < 16; c++)
        assert_string_equal(tb.f[0][c], head[c]);
    for (int row = 0; row < tb.n_rows; row++)
        assert_int_equal(tb.n_cols[row], 16);
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_option *o = &SC->nodes[s->node].options[s->chosen];
        char **f = tb.f[i + 1];
        assert_int_equal(atoi(f[0]), s->turn);
        assert_string_equal(f[1], SC->nodes[s->node].id);
        assert_string_equal(f[2], o->id);
        assert_string_equal(f[3], sp_text_get(&o->text, SP_LANG_NL));
        assert_int_equal(atoi(f[8]), s->total);
        assert_string_equal(f[9], "0"); /* p2 is the expert route: nothing left */
        assert_string_equal(f[10], "");
    }
    assert_string_equal(tb.f[1][12], "th.falen (helpend)");
    assert_string_equal(tb.f[1][13], rf_label("rf.niet-lekker", SP_LANG_NL));
    assert_string_equal(tb.f[1][14], "mislukt 2; doorbreken 5");
    assert_string_equal(tb.f[2][11], iv_label("int.voorbereiden", SP_LANG_NL));
    assert_string_equal(tb.f[3][11], iv_label("int.duidelijk", SP_LANG_NL));
    assert_string_equal(tb.f[3][14], "bal 3; persoon 4 (de trainer besliste)");
    assert_string_equal(tb.f[3][15], "Lang, met \"aanhalingstekens\", komma's\nen een tweede regel");
    assert_string_equal(tb.f[4][15], "");
    free_table(&tb);
    free(csv);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);

    /* A false alarm is named as one; English headers. */
    r = fixture("p4", SP_LANG_EN, &t);
    d = sp_debrief_build(r->s);
    csv = sp_export_csv(r, d, &len);
    parse_csv(csv, &tb);
    assert_string_equal(tb.f[0][0], "turn");
    assert_string_equal(tb.f[0][9], "points left");
    char want[256];
    snprintf(want, sizeof want, "%s (false alarm)", rf_label("rf.niet-pluis", SP_LANG_EN));
    assert_string_equal(tb.f[1][13], want);
    assert_string_equal(tb.f[1][14], "");
    free_table(&tb);
    free(csv);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);
}

/* The figures of p1 in the CSV (worked out by hand in html_figures): per
 * decision the deltas per goal, the points left and the stronger option;
 * the total row sums the columns; the expert route's row sums to the
 * maximum; every figure with its value and meaning. */
static void csv_figures(void **state)
{
    (void)state;
    sp_transcript *t;
    sp_replay *r = fixture("p1", SP_LANG_NL, &t);
    sp_debrief *d = sp_debrief_build(r->s);
    size_t len;
    char *csv = sp_export_csv(r, d, &len);
    table tb;
    parse_csv(csv, &tb);
    static const int deltas[4][5] = { /* relatie, eigenaarschap, helderheid, koers, score */
        { 0, 0, 0, -1, -1 }, { 1, 0, -1, 0, 0 }, { 0, 2, 0, 0, 2 }, { 0, 0, -1, -2, -3 } };
    static const char *const left[4] = { "3", "4", "0", "6" };
    static const char *const stronger_at[4] = { "doorbreken", "wachten", NULL, "teruggeven" };
    int sums[5] = { 0 };
    for (int i = 0; i < 4; i++) {
        char **f = tb.f[i + 1];
        for (int c = 0; c < 5; c++) {
            assert_int_equal(atoi(f[4 + c]), deltas[i][c]);
            sums[c] += atoi(f[4 + c]);
        }
        assert_string_equal(f[9], left[i]);
        if (!stronger_at[i]) {
            assert_string_equal(f[10], "");
            continue;
        }
        const sp_node *nd = &SC->nodes[r->steps[i].node];
        char want[1024];
        for (int k = 0; k < nd->n_options; k++)
            if (strcmp(nd->options[k].id, stronger_at[i]) == 0)
                snprintf(want, sizeof want, "%s (%+d)", sp_text_get(&nd->options[k].text, SP_LANG_NL),
                         sp_option_total(&nd->options[k]));
        assert_string_equal(f[10], want);
    }
    char **tot = tb.f[5], **exp = tb.f[6];
    assert_string_equal(tot[0], "totaal");
    for (int c = 0; c < 5; c++)
        assert_int_equal(atoi(tot[4 + c]), sums[c]);
    assert_int_equal(atoi(tot[8]), -2);
    assert_string_equal(tot[9], "13");
    assert_string_equal(exp[0], "expertroute");
    static const int expert[5] = { 2, 3, 2, 4, 11 };
    for (int c = 0; c < 5; c++)
        assert_int_equal(atoi(exp[4 + c]), expert[c]);
    assert_string_equal(tb.f[7][0], "");
    assert_string_equal(tb.f[8][0], "getal");
    static const struct { const char *name, *value; } figs[] = {
        { "jouw score", "-2" }, { "laten liggen", "13" }, { "nog haalbaar", "0" },
        { "maximum van de casus", "11" }, { "expertroute", "11" }, { "sterkere optie", "" } };
    for (int k = 0; k < 6; k++) {
        assert_string_equal(tb.f[9 + k][0], figs[k].name);
        assert_string_equal(tb.f[9 + k][1], figs[k].value);
        assert_true(strlen(tb.f[9 + k][2]) > 20); /* a sentence */
    }
    free_table(&tb);
    free(csv);
    sp_debrief_free(d);
    sp_replay_free(r);
    sp_transcript_free(t);
}

static const char *shout(sp_lang lang, const char *ctx, const char *msgid)
{
    static char buf[8][256];
    static int n;
    char *b = buf[n++ % 8];
    snprintf(b, sizeof buf[0], "%s|%s|%s", sp_lang_code(lang), ctx ? ctx : "", msgid);
    return b;
}

/* The core's words go through the host's function with their Dutch msgid
 * (and context); Dutch and a host that set none get the msgid itself. */
static void words_through_the_host(void **state)
{
    (void)state;
    assert_string_equal(sp_export_kind(SP_LANG_EN, SP_ENDING_POOR), "poor");
    sp_translate_set(shout);
    assert_string_equal(sp_export_kind(SP_LANG_EN, SP_ENDING_POOR), "en||zwak");
    assert_string_equal(sp_translate_ctx(SP_LANG_EN, "report", "Einde"), "en|report|Einde");
    assert_string_equal(sp_export_kind(SP_LANG_NL, SP_ENDING_GOOD), "goed");
    assert_string_equal(sp_translate(SP_LANG_COUNT, "goed"), "goed");
    sp_translate_set(NULL);
    assert_string_equal(sp_export_kind(SP_LANG_EN, SP_ENDING_MIXED), "gemengd");
    testutil_catalogue();
    assert_string_equal(sp_export_kind(SP_LANG_EN, SP_ENDING_MIXED), "mixed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_figures),
        cmocka_unit_test(html_notes_escaped_and_english),
        cmocka_unit_test(html_unfinished),
        cmocka_unit_test(csv_rows_match_decisions),
        cmocka_unit_test(csv_figures),
        cmocka_unit_test(words_through_the_host),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
