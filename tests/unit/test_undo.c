/* test_undo.c: undo against a brute-force oracle: long random plays (choose, flag, undo) on generated deep cases, where after every undo the session must equal a fresh play of its shortened history (variables, path, view, history, offered options, texts as they were, flag verdicts, debrief figures). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "testutil.h"

/*
 * The session keeps, per history step, what an undo needs to go back
 * without replaying (session.c). The oracle here is the plain forward
 * path: a new session given the same start values and the remaining
 * history's choices and flags one by one. The cases are deep (up to 120
 * layers of decisions and thoughts behind conditional gotos), with
 * conditional lines and paragraphs in lines and feedback, set/add
 * effects and red flags, so a wrong variable, path length, stretch or
 * turn after an undo shows in what the view says.
 */

#define CASES 12
#define STEPS 3000

/* ---- generated deep cases ------------------------------------------------- */

static unsigned seed_state;

static int pick(int n)
{
    seed_state = seed_state * 1664525u + 1013904223u;
    return (int)((seed_state >> 8) % (unsigned)n);
}

static const char *const NAMES[] = { "x", "y", "z" };
static const char *const FLAGS[] = { "rf.og-geen-tijd", "rf.opdracht-vaag", "rf.randvoorwaarden", "rf.niet-pluis" };

/* A condition on one variable, as an attribute value. */
static void cond(testutil_text *b)
{
    static const char *const ops[] = { "&gt;=", "&lt;", "==", "!=" };
    if (pick(5) == 0)
        testutil_put(b, "not %s", NAMES[pick(3)]);
    else
        testutil_put(b, "%s %s %d", NAMES[pick(3)], ops[pick(4)], pick(4));
}

static void effect(testutil_text *b)
{
    if (pick(2))
        testutil_put(b, "<add var=\"%s\" value=\"%d\"/>", NAMES[pick(3)], pick(5) - 2);
    else
        testutil_put(b, "<set var=\"%s\" value=\"%d\"/>", NAMES[pick(3)], pick(4));
}

/* Prose that may hold paragraphs with conditions (sp_text_mask). */
static void prose(testutil_text *b, const char *tag, const char *attrs, const char *word)
{
    testutil_put(b, "<%s%s>", tag, attrs);
    if (pick(3) == 0) {
        for (int p = 0; p < 2; p++) {
            testutil_put(b, "<p if=\"");
            cond(b);
            testutil_put(b, "\">%s %d.</p>", word, p);
        }
        testutil_put(b, "<p>%s slot.</p>", word);
    } else {
        testutil_put(b, "%s %d.", word, pick(100));
    }
    testutil_put(b, "</%s>", tag);
}

/* Node w of layer l: lines, maybe a red flag and an effect, then a
 * decision or thought whose first option always goes on (to the next
 * layer's goto), the others under conditions to a node of the next layer
 * or, now and then, an ending. */
static void layer_node(testutil_text *b, int l, int w, int layers)
{
    int thought = pick(4) == 0;
    testutil_put(b, "<node id=\"n%d_%d\">", l, w);
    prose(b, "narration", "", "Verhaal");
    if (pick(2)) {
        testutil_put(b, "<say who=\"ik\" if=\"");
        cond(b);
        testutil_put(b, "\">Zin %d.</say>", pick(100));
    }
    if (pick(2))
        prose(b, "say", " who=\"ik\"", "Regel");
    if (pick(2))
        testutil_put(b, "<flag ref=\"%s\">Hier.</flag>", FLAGS[pick(4)]);
    if (pick(3) == 0)
        effect(b);
    testutil_put(b, thought ? "<thought>" : "<decision><prompt>Wat zeg je?</prompt>");
    int k = 2 + pick(2);
    for (int o = 0; o < k; o++) {
        char to[32];
        if (l + 1 == layers)
            snprintf(to, sizeof to, "end%d", pick(3));
        else if (o == 0 || pick(3) == 0)
            snprintf(to, sizeof to, "g%d", l + 1);
        else if (pick(8) == 0)
            snprintf(to, sizeof to, "end%d", pick(3));
        else
            snprintf(to, sizeof to, "n%d_%d", l + 1, pick(3));
        testutil_put(b, "<option id=\"o%d_%d_%d\" to=\"%s\"", l, w, o, to);
        if (o > 0 && pick(2)) {
            testutil_put(b, " if=\"");
            cond(b);
            testutil_put(b, "\"");
        }
        testutil_put(b, "><text>Optie %d.</text>", o);
        if (thought)
            testutil_put(b, "<expresses thought=\"th.leuk\" side=\"%s\"/>", o ? "hindering" : "helpful");
        testutil_put(b, "<score goal=\"helderheid\" delta=\"%d\"/>", pick(7) - 3);
        for (int e = pick(3); e > 0; e--)
            effect(b);
        prose(b, "feedback", "", "Terugkoppeling");
        testutil_put(b, "</option>");
    }
    testutil_put(b, thought ? "</thought></node>\n" : "</decision></node>\n");
}

/* Layers of three nodes; before each layer a goto node whose conditional
 * gotos reach every node of the layer (the loader wants all reachable). */
static sp_scenario *deep_case(unsigned seed, int layers)
{
    seed_state = seed;
    testutil_text b = { 0 };
    testutil_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"diep\" "
            "phase=\"intake\" version=\"1\" start=\"g0\">\n"
            "<title>Diep</title><summary>Gegenereerd.</summary>\n"
            "<briefing><you>Jij.</you><meet>Niemand.</meet><situation>Test.</situation>"
            "<aim>Terug kunnen.</aim></briefing>\n"
            "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#000000\">"
            "<name>Jij</name></person></cast>\n"
            "<variables><var name=\"x\" init=\"1\" min=\"0\" max=\"5\"/>"
            "<var name=\"y\" init=\"0\" min=\"0\" max=\"3\"/>"
            "<var name=\"z\" init=\"2\" min=\"0\" max=\"3\" carry=\"yes\"/></variables>\n");
    for (int l = 0; l < layers; l++) {
        testutil_put(&b, "<node id=\"g%d\">", l);
        if (pick(2))
            effect(&b);
        for (int w = 0; w < 2; w++) {
            testutil_put(&b, "<goto to=\"n%d_%d\" if=\"", l, w);
            cond(&b);
            testutil_put(&b, "\"/>");
        }
        testutil_put(&b, "<goto to=\"n%d_2\"/></node>\n", l);
        for (int w = 0; w < 3; w++)
            layer_node(&b, l, w, layers);
    }
    static const char *const kinds[] = { "good", "mixed", "poor" };
    for (int e = 0; e < 3; e++) {
        testutil_put(&b, "<node id=\"end%d\"><ending id=\"e%d\" kind=\"%s\"><title>E</title>", e, e, kinds[e]);
        prose(&b, "evaluation", "", "Oordeel");
        testutil_put(&b, "</ending></node>\n");
    }
    testutil_put(&b, "</scenario>\n");
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("diep.xml", b.s, b.len, testutil_schemas(), testutil_hb, &sc, d);
    if (rc != SP_OK)
        for (int i = 0; i < sp_diag_count(d) && i < 5; i++)
            fprintf(stderr, "seed %u: %s\n", seed, sp_diag_message(d, i));
    sp_diag_free(d);
    free(b.s);
    assert_int_equal(rc, SP_OK);
    return sc;
}

/* ---- the oracle ------------------------------------------------------------ */

static sp_session *start_session(const sp_scenario *sc, const int *start)
{
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    sp_session_set_clock(s, testutil_clock, NULL);
    for (int i = 0; i < sc->n_vars; i++)
        assert_int_equal(sp_session_set_var(s, sc->vars[i].name, start[i]), SP_OK);
    return s;
}

/* A fresh play of s's effective history. */
static sp_session *fresh_play(const sp_session *s)
{
    const sp_scenario *sc = sp_session_scenario(s);
    sp_session *f = start_session(sc, sp_session_start_vars(s));
    for (int i = 0; i < sp_session_history_count(s); i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind == SP_STEP_CHOOSE)
            assert_int_equal(sp_session_choose(f, st->option), SP_OK);
        else
            assert_int_equal(sp_session_flag(f, st->flag, NULL), SP_OK);
    }
    return f;
}

static void same_view(const sp_view *a, const sp_view *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->node, b->node);
    assert_int_equal(a->turn, b->turn);
    assert_int_equal(a->n_lines, b->n_lines);
    for (int i = 0; i < a->n_lines; i++) {
        assert_int_equal(a->lines[i].node, b->lines[i].node);
        assert_int_equal(a->lines[i].speaker, b->lines[i].speaker);
        assert_string_equal(a->lines[i].text, b->lines[i].text);
    }
    assert_string_equal(a->prompt, b->prompt);
    assert_int_equal(a->n_options, b->n_options);
    for (int i = 0; i < a->n_options; i++)
        assert_int_equal(a->options[i].option, b->options[i].option);
    assert_string_equal(a->ending_id, b->ending_id);
    assert_string_equal(a->evaluation, b->evaluation);
    if (a->feedback.valid && b->feedback.valid) {
        assert_int_equal(a->feedback.option, b->feedback.option);
        assert_string_equal(a->feedback.text, b->feedback.text);
        assert_int_equal(a->feedback.best_total, b->feedback.best_total);
    }
}

/* Everything a host can read of a session, a against the oracle b; the
 * dearer parts (every flag verdict, the debrief's exact figures) when full. */
static void same_session(const sp_session *a, const sp_session *b, int full)
{
    const sp_scenario *sc = sp_session_scenario(a);
    assert_int_equal(sp_session_turn(a), sp_session_turn(b));
    assert_int_equal(sp_session_finished(a), sp_session_finished(b));
    assert_memory_equal(sp_session_vars(a), sp_session_vars(b), sizeof(int) * (size_t)sc->n_vars);
    assert_int_equal(sp_session_path_count(a), sp_session_path_count(b));
    for (int i = 0; i < sp_session_path_count(a); i++)
        assert_int_equal(sp_session_path(a, i), sp_session_path(b, i));
    assert_int_equal(sp_session_history_count(a), sp_session_history_count(b));
    for (int i = 0; i < sp_session_history_count(a); i++) {
        const sp_step *x = sp_session_history(a, i), *y = sp_session_history(b, i);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->turn, y->turn);
        assert_int_equal(x->node, y->node);
        assert_int_equal(x->option, y->option);
        assert_int_equal(x->flag, y->flag);
        int oa[8], ob[8];
        int na = sp_session_offered_at(a, i, oa, 8), nb = sp_session_offered_at(b, i, ob, 8);
        assert_int_equal(na, nb);
        assert_memory_equal(oa, ob, sizeof(int) * (size_t)(na < 8 ? na : 8));
        if (full && x->kind == SP_STEP_CHOOSE) {
            const sp_text *fb = &sc->nodes[x->node].options[x->option].feedback;
            int c = x->turn - 1;
            assert_string_equal(sp_session_text_at(a, c, fb, SP_LANG_NL), sp_session_text_at(b, c, fb, SP_LANG_NL));
        }
    }
    same_view(sp_session_view((sp_session *)a), sp_session_view((sp_session *)b));
    if (!full)
        return;
    for (int t = 1; t <= sp_session_turn(a); t++)
        for (int f = 0; f < testutil_hb->n_redflags; f++) {
            int na, nb;
            assert_int_equal(sp_session_flag_verdict(a, f, t, &na), sp_session_flag_verdict(b, f, t, &nb));
            assert_int_equal(na, nb);
        }
    sp_debrief *da = sp_debrief_build(a), *db = sp_debrief_build(b);
    assert_non_null(da);
    assert_non_null(db);
    testutil_assert_same_debrief(da, db);
    sp_debrief_free(da);
    sp_debrief_free(db);
}

/* ---- the plays --------------------------------------------------------------- */

/* One random step: mostly a choice, sometimes a red flag, an undo now and
 * then (always at an ending); returns 1 when it was an undo. */
static int random_step(sp_session *s)
{
    int r = pick(20);
    if (sp_session_finished(s) || (r < 5 && sp_session_history_count(s) > 0)) {
        assert_int_equal(sp_session_undo(s), SP_OK);
        return 1;
    }
    const sp_view *v = sp_session_view(s);
    if (r < 8 || v->n_options == 0) {
        sp_status rc = sp_session_flag(s, pick(testutil_hb->n_redflags), NULL);
        assert_true(rc == SP_OK || rc == SP_EUSAGE); /* marked this turn already */
        return 0;
    }
    assert_int_equal(sp_session_choose(s, v->options[pick(v->n_options)].option), SP_OK);
    return 0;
}

static void undo_equals_fresh_play(void **state)
{
    (void)state;
    long undos = 0, deepest = 0;
    for (unsigned c = 0; c < CASES; c++) {
        int layers = 40 + (int)(c * 7);
        sp_scenario *sc = deep_case(1000u + c, layers);
        int start[3] = { pick(6), pick(4), pick(4) };
        testutil_clock_set(TESTUTIL_T0, 0);
        sp_session *s = start_session(sc, start);
        for (int i = 0; i < STEPS; i++) {
            /* a run of undos now and then: undo several steps in a row */
            int burst = pick(40) == 0 ? 1 + pick(12) : 1;
            for (int k = 0; k < burst; k++) {
                if (!random_step(s))
                    continue;
                undos++;
                assert_int_equal(sp_session_view(s)->feedback.valid, 0);
                sp_session *f = fresh_play(s);
                same_session(s, f, undos % 64 == 0);
                sp_session_free(f);
            }
            if (sp_session_history_count(s) > deepest)
                deepest = sp_session_history_count(s);
        }
        /* and all the way back to the start */
        while (sp_session_history_count(s) > 0) {
            assert_int_equal(sp_session_undo(s), SP_OK);
            sp_session *f = fresh_play(s);
            same_session(s, f, sp_session_history_count(s) % 16 == 0);
            sp_session_free(f);
        }
        assert_int_equal(sp_session_undo(s), SP_EUSAGE);
        sp_session_free(s);
        sp_scenario_free(sc);
    }
    printf("%ld undos checked against a fresh play; deepest history %ld steps\n", undos, deepest);
    assert_true(deepest >= 100); /* the plays are long enough to matter */
}

/* The choice after an undo goes on from the restored state: a play that
 * undid and chose again equals the play that chose that way at once. */
static void choice_after_undo_equals_direct_play(void **state)
{
    (void)state;
    sp_scenario *sc = deep_case(77u, 60);
    int start[3] = { 2, 1, 0 };
    testutil_clock_set(TESTUTIL_T0, 0);
    sp_session *s = start_session(sc, start);
    for (int i = 0; i < 2000; i++) {
        random_step(s);
        sp_session *f = fresh_play(s);
        same_session(s, f, i % 100 == 0);
        sp_session_free(f);
    }
    sp_session_free(s);
    sp_scenario_free(sc);
}

int main(void)
{
    testutil_chdir_root();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(undo_equals_fresh_play),
        cmocka_unit_test(choice_after_undo_equals_direct_play),
    };
    return cmocka_run_group_tests(tests, testutil_hb_setup, testutil_hb_teardown);
}
