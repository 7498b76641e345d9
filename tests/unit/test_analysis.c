/* test_analysis.c: exact maximum, expert path, reachability and coverage on oefen.xml, generated 6,000-node cases and hand-built graphs. */
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <cmocka.h>

#include "core/analysis.h"
#include "core/arena.h"
#include "core/cond.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "testutil.h"

static sp_handbook *HBK;
static sp_scenario *OEFEN;

static int setup(void **state)
{
    (void)state;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml", &HBK,
                         &OEFEN);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(OEFEN);
    sp_handbook_free(HBK);
    return 0;
}

static int N(const sp_scenario *sc, const char *id) { return sp_scenario_node(sc, id); }

static const char *opt_id(const sp_scenario *sc, int node, int opt)
{
    return sc->nodes[node].options[opt].id;
}

/* ---- the small hand-checked case --------------------------------------- */

static void oefen_exact(void **state)
{
    (void)state;
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(OEFEN, &a), SP_OK);
    assert_int_equal(a->n_nodes, OEFEN->n_nodes);
    /* Every node: denk-hinder, plannen (trust 20), twijfel, doorgaan reaches mager. */
    for (int i = 0; i < a->n_nodes; i++)
        assert_int_equal(a->reachable[i], 1);
    assert_int_equal(a->n_decisions, 4); /* denk, vraag, twijfel, afspraak */
    assert_int_equal(a->n_endings, 3);
    /* By hand, every play: help (+1) then doorvragen (+3, trust 100) goes to
     * afspraak: vastleggen +2 = 6; help, kennismaken (+2, trust 60),
     * vastleggen = 5; help, plannen (-1, trust 20), twijfel, benoemen (+3) =
     * 3; hinder (-1, no inzicht), kennismaken, vastleggen = 3. Ignoring the
     * conditions would promise 1 + 3 + 3 = 7, which no play reaches. */
    assert_int_equal(a->max_total, 6);
    int rel = sp_handbook_goal(HBK, "relatie"), eig = sp_handbook_goal(HBK, "eigenaarschap");
    int hel = sp_handbook_goal(HBK, "helderheid"), koe = sp_handbook_goal(HBK, "koers");
    assert_int_equal(a->expert_goal[rel], 0);
    assert_int_equal(a->expert_goal[eig], 1);
    assert_int_equal(a->expert_goal[hel], 4);
    assert_int_equal(a->expert_goal[koe], 1);
    assert_int_equal(a->expert_ending, N(OEFEN, "einde-goed"));
    sp_analysis_free(a);
}

static void oefen_expert_path(void **state)
{
    (void)state;
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(OEFEN, &a), SP_OK);
    /* With conditions honoured, doorvragen (+3) lifts trust to 100, so the
     * conversation goes to afspraak, not to twijfel where benoemen (+3)
     * waits. */
    assert_int_equal(a->n_expert, 3);
    assert_int_equal(a->expert_nodes[0], N(OEFEN, "denk"));
    assert_string_equal(opt_id(OEFEN, a->expert_nodes[0], a->expert_options[0]), "denk-help");
    assert_int_equal(a->expert_nodes[1], N(OEFEN, "vraag"));
    assert_string_equal(opt_id(OEFEN, a->expert_nodes[1], a->expert_options[1]), "doorvragen");
    assert_int_equal(a->expert_nodes[2], N(OEFEN, "afspraak"));
    assert_string_equal(opt_id(OEFEN, a->expert_nodes[2], a->expert_options[2]), "vastleggen");
    sp_analysis_free(a);
}

static void oefen_coverage(void **state)
{
    (void)state;
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(OEFEN, &a), SP_OK);
    assert_int_equal(a->interventions[sp_handbook_intervention(HBK, "int.kennismaken")], 1);
    assert_int_equal(a->interventions[sp_handbook_intervention(HBK, "int.aannames")], 1);
    assert_int_equal(a->interventions[sp_handbook_intervention(HBK, "int.doorvragen")], 1);
    assert_int_equal(a->interventions[sp_handbook_intervention(HBK, "int.kritisch")], 1);
    assert_int_equal(a->interventions[sp_handbook_intervention(HBK, "int.escaleren")], 0);
    for (int i = 0; i < HBK->n_redflags; i++)
        assert_int_equal(a->flags[i], 1);
    /* th.leuk has both sides on offer; th.falen none. */
    assert_int_equal(a->thoughts[sp_handbook_thought(HBK, "th.leuk")], 1);
    assert_int_equal(a->thoughts[sp_handbook_thought(HBK, "th.falen")], 0);
    sp_analysis_free(a);
}

/* ---- generated cases ----------------------------------------------------- */

/* A chain of `layers` decisions n0..n{layers-1}, then "end". Each decision
 * offers a (relatie +1, k += 1), b (helderheid +3, only when cond_b holds,
 * then b_effect) and, when with_c, c (koers +2, relatie +2, only when k > 1000000000,
 * which never holds). k runs from 0 to kmax; extra_vars more variables
 * v0, v1, ... are there only to make each search state bigger. */
static sp_scenario *chain(int layers, int kmax, const char *b_effect, int with_c, int extra_vars)
{
    testutil_text b = { 0 };
    testutil_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"keten\" "
                     "phase=\"intake\" version=\"1\" start=\"n0\">\n"
                     "<title>Keten</title><summary>Gegenereerd.</summary>\n"
                     "<briefing><you>Jij.</you><meet>Niemand.</meet><situation>Test.</situation>"
                     "<aim>Snel zijn.</aim></briefing>\n"
                     "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#000000\">"
                     "<name>Jij</name></person></cast>\n"
                     "<variables><var name=\"k\" init=\"0\" min=\"0\" max=\"%d\"/>\n", kmax);
    for (int i = 0; i < extra_vars; i++)
        testutil_put(&b, "<var name=\"v%d\" init=\"%d\" min=\"0\" max=\"100\"/>\n", i, i);
    testutil_put(&b, "</variables>\n");
    for (int i = 0; i < layers; i++) {
        char next[32];
        if (i + 1 < layers)
            snprintf(next, sizeof next, "n%d", i + 1);
        else
            snprintf(next, sizeof next, "end");
        testutil_put(&b, "<node id=\"n%d\"><decision>\n"
                         "<option id=\"a%d\" to=\"%s\"><text>A</text>"
                         "<score goal=\"relatie\" delta=\"1\"/>"
                         "<add var=\"k\" value=\"1\"/><feedback>a</feedback></option>\n"
                         "<option id=\"b%d\" to=\"%s\" if=\"k &gt;= 2\"><text>B</text>"
                         "<score goal=\"helderheid\" delta=\"3\"/>%s<feedback>b</feedback></option>\n",
                     i, i, next, i, next, b_effect);
        if (with_c)
            testutil_put(&b, "<option id=\"c%d\" to=\"%s\" if=\"k &gt; 1000000000\"><text>C</text>"
                             "<score goal=\"koers\" delta=\"2\"/><score goal=\"relatie\" delta=\"2\"/>"
                             "<feedback>c</feedback></option>\n",
                         i, next);
        testutil_put(&b, "</decision></node>\n");
    }
    testutil_put(&b, "<node id=\"end\"><ending id=\"e\" kind=\"good\"><title>Klaar</title>"
                     "<evaluation>Klaar.</evaluation></ending></node>\n</scenario>\n");
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("keten.xml", b.s, b.len, testutil_schemas(), HBK, &sc, d);
    for (int i = 0; i < sp_diag_count(d) && i < 5; i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    sp_diag_free(d);
    free(b.s);
    assert_int_equal(rc, SP_OK);
    return sc;
}

static void large_exact(void **state)
{
    (void)state;
    /* 6,000 decisions. b needs k >= 2 and resets k, so the best rhythm is
     * a, a, b: 5 points per three decisions, 10,000 in all (ignoring the
     * condition, b everywhere would promise 18,000). */
    sp_scenario *sc = chain(6000, 3, "<set var=\"k\" value=\"0\"/>", 0, 0);
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(sc, &a), SP_OK);
    assert_int_equal(a->n_decisions, 6000);
    assert_int_equal(a->n_endings, 1);
    assert_int_equal(a->max_total, 10000);
    assert_int_equal(a->n_expert, 6000);
    int total = 0;
    for (int i = 0; i < a->n_expert; i++) {
        const sp_option *o = &sc->nodes[a->expert_nodes[i]].options[a->expert_options[i]];
        total += sp_option_total(o);
        assert_int_equal(o->id[0], i % 3 == 2 ? 'b' : 'a');
    }
    assert_int_equal(total, 10000);
    sp_analysis_free(a);
    sp_scenario_free(sc);
}

static void large_state_space_exact(void **state)
{
    (void)state;
    /* k only grows (a +1, b +2), so (node, k) states number about
     * layers^2 / 2 = 180,000, in the hashed layout (k runs to 1,000,000).
     * b needs k >= 2: a, a, then b every time = 2 + 3 * 598; c (+4) needs
     * k > 1,000,000,000 and is never offered. The 64 extra variables are
     * read by no condition, so they are no part of a state. */
    sp_scenario *sc = chain(600, 1000000, "<add var=\"k\" value=\"2\"/>", 1, 64);
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(sc, &a), SP_OK);
    assert_int_equal(a->max_total, 2 + 3 * 598);
    assert_int_equal(a->n_expert, 600);
    assert_true(a->n_states > 100000);
    int total = 0;
    for (int i = 0; i < a->n_expert; i++) {
        const sp_option *o = &sc->nodes[a->expert_nodes[i]].options[a->expert_options[i]];
        assert_int_equal(a->expert_nodes[i], i);
        assert_int_equal(o->id[0], i < 2 ? 'a' : 'b');
        total += sp_option_total(o);
    }
    assert_int_equal(total, 2 + 3 * 598);
    sp_analysis_free(a);
    sp_scenario_free(sc);
}

/* ---- the expert path against brute force ------------------------------- */

static unsigned rng_state;

static int rnd(int n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (int)((rng_state >> 16) % (unsigned)n);
}

/* Layers of three decisions, each option going to the next layer, through a
 * goto node now and then; conditions and effects on two variables. */
static sp_scenario *random_case(unsigned seed)
{
    rng_state = seed;
    enum { LAYERS = 7, WIDTH = 3 };
    testutil_text b = { 0 };
    testutil_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"toeval\" "
                     "phase=\"intake\" version=\"1\" start=\"n0_0\">\n"
                     "<title>Toeval</title><summary>Gegenereerd.</summary>\n"
                     "<briefing><you>Jij.</you><meet>Niemand.</meet><situation>Test.</situation>"
                     "<aim>Winnen.</aim></briefing>\n"
                     "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#000000\">"
                     "<name>Jij</name></person></cast>\n"
                     "<variables><var name=\"a\" init=\"2\" min=\"0\" max=\"5\"/>"
                     "<var name=\"b\" init=\"0\" min=\"0\" max=\"3\"/></variables>\n");
    const char *goals[] = { "relatie", "eigenaarschap", "helderheid", "koers" };
    /* Option 0 of node w goes to node w of the next layer and option 1 of
     * node 0 to the goto node, so the loader finds every node reachable
     * (it ignores conditions for that); the rest is random. */
    for (int l = 0; l < LAYERS; l++) {
        int width = l == 0 ? 1 : WIDTH;
        for (int w = 0; w < width; w++) {
            testutil_put(&b, "<node id=\"n%d_%d\">", l, w);
            if (rnd(3) == 0)
                testutil_put(&b, "<add var=\"b\" value=\"%d\"/>", rnd(3) - 1);
            testutil_put(&b, "<decision>\n");
            int k = l == 0 ? 3 : 2 + rnd(2);
            for (int o = 0; o < k; o++) {
                char to[32];
                if (l + 1 == LAYERS)
                    snprintf(to, sizeof to, "end%d", o == 0 ? 0 : o == 1 ? 1 : rnd(2));
                else if (l == 0)
                    snprintf(to, sizeof to, "n1_%d", o);
                else if (o == 0)
                    snprintf(to, sizeof to, "n%d_%d", l + 1, w);
                else if ((o == 1 && w == 0) || rnd(3) == 0)
                    snprintf(to, sizeof to, "g%d", l + 1);
                else
                    snprintf(to, sizeof to, "n%d_%d", l + 1, rnd(WIDTH));
                testutil_put(&b, "<option id=\"o%d_%d_%d\" to=\"%s\"", l, w, o, to);
                if (o > 0 && rnd(2) == 0)
                    testutil_put(&b, " if=\"%s %s %d\"", rnd(2) ? "a" : "b", rnd(2) ? "&gt;=" : "&lt;",
                                 1 + rnd(3));
                testutil_put(&b, "><text>T</text><score goal=\"%s\" delta=\"%d\"/>", goals[rnd(4)],
                             rnd(7) - 3);
                if (rnd(2))
                    testutil_put(&b, "<score goal=\"%s\" delta=\"%d\"/>", goals[rnd(4)], rnd(7) - 3);
                if (rnd(2))
                    testutil_put(&b, "<add var=\"a\" value=\"%d\"/>", rnd(5) - 2);
                if (rnd(4) == 0)
                    testutil_put(&b, "<set var=\"b\" value=\"%d\"/>", rnd(4));
                testutil_put(&b, "<feedback>f</feedback></option>\n");
            }
            testutil_put(&b, "</decision></node>\n");
        }
        if (l > 1)
            testutil_put(&b, "<node id=\"g%d\"><goto to=\"n%d_%d\" if=\"a &gt; %d\"/>"
                             "<goto to=\"n%d_%d\"/></node>\n", l, l, rnd(WIDTH), rnd(5), l, rnd(WIDTH));
    }
    testutil_put(&b, "<node id=\"end0\"><ending id=\"e0\" kind=\"good\"><title>A</title>"
                     "<evaluation>A.</evaluation></ending></node>\n"
                     "<node id=\"end1\"><ending id=\"e1\" kind=\"poor\"><title>B</title>"
                     "<evaluation>B.</evaluation></ending></node>\n</scenario>\n");
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("toeval.xml", b.s, b.len, testutil_schemas(), HBK, &sc, d);
    free(b.s);
    for (int i = 0; i < sp_diag_count(d) && i < 5; i++)
        fprintf(stderr, "seed %u: %s\n", seed, sp_diag_message(d, i));
    sp_diag_free(d);
    assert_int_equal(rc, SP_OK);
    return sc;
}

/* Best total over every play the conditions allow, by trying them all. */
static int brute_best(sp_session *s, int total)
{
    const sp_view *v = sp_session_view(s);
    if (v->kind == SP_VIEW_ENDING)
        return total;
    int best = INT_MIN;
    int n = v->n_options, opts[8];
    for (int i = 0; i < n; i++)
        opts[i] = v->options[i].option;
    const sp_node *nd = &sp_session_scenario(s)->nodes[v->node];
    for (int i = 0; i < n; i++) {
        assert_int_equal(sp_session_choose(s, opts[i]), SP_OK);
        int t = brute_best(s, total + sp_option_total(&nd->options[opts[i]]));
        if (t > best)
            best = t;
        assert_int_equal(sp_session_undo(s), SP_OK);
    }
    return best;
}

static void expert_path_matches_brute_force(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 60; seed++) {
        sp_scenario *sc = random_case(seed);
        sp_session *s = sp_session_new(sc, SP_LANG_NL);
        int best = brute_best(s, 0);
        sp_session_free(s);
        sp_analysis *a = NULL;
        assert_int_equal(sp_analysis_run(sc, &a), SP_OK);
        /* The expert path is a real play, and no play scores more. */
        s = sp_session_new(sc, SP_LANG_NL);
        int total = 0;
        for (int i = 0; i < a->n_expert; i++) {
            assert_int_equal(sp_session_view(s)->node, a->expert_nodes[i]);
            assert_int_equal(sp_session_choose(s, a->expert_options[i]), SP_OK);
            total += sp_option_total(&sc->nodes[a->expert_nodes[i]].options[a->expert_options[i]]);
        }
        assert_true(sp_session_finished(s));
        if (total != best)
            fail_msg("seed %u: expert path scores %d, best play %d", seed, total, best);
        assert_int_equal(a->max_total, best);
        sp_session_free(s);
        sp_analysis_free(a);
        sp_scenario_free(sc);
    }
}

/* ---- hand-built graphs ---------------------------------------------------- */

static int resolve_k(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "k") == 0 ? 0 : -1;
}

/* start: decision {A +5 -> trap, B +1 -> end}; trap: decision whose only
 * option needs k == 1 (never): A leads nowhere, so the expert takes B. */
static void dead_end_avoided(void **state)
{
    (void)state;
    sp_arena *ar = sp_arena_new();
    char err[128];
    const sp_cond *never = sp_cond_compile(ar, "k == 1", resolve_k, NULL, err, sizeof err);
    assert_non_null(never);
    static sp_score plus5 = { 0, 5 }, plus1 = { 0, 1 }, plus9 = { 0, 9 };
    sp_option start_opts[2] = {
        { .id = "A", .target = 1, .thought = -1, .scores = &plus5, .n_scores = 1 },
        { .id = "B", .target = 2, .thought = -1, .scores = &plus1, .n_scores = 1 },
    };
    sp_option trap_opts[1] = {
        { .id = "T", .target = 2, .thought = -1, .cond = never, .scores = &plus9, .n_scores = 1 },
    };
    sp_node nodes[3] = {
        { .id = "start", .kind = SP_NODE_DECISION, .options = start_opts, .n_options = 2 },
        { .id = "trap", .kind = SP_NODE_DECISION, .options = trap_opts, .n_options = 1 },
        { .id = "end", .kind = SP_NODE_ENDING },
    };
    sp_var k = { .name = "k", .init = 0, .min = 0, .max = 1 };
    sp_scenario sc = { .id = "hand", .vars = &k, .n_vars = 1, .nodes = nodes, .n_nodes = 3 };
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(&sc, &a), SP_OK);
    assert_int_equal(a->max_total, 1); /* B; A + T (14) is no play */
    assert_int_equal(a->n_decisions, 2); /* trap is reached (by A), and offers nothing */
    assert_int_equal(a->n_expert, 1);
    assert_int_equal(a->expert_nodes[0], 0);
    assert_int_equal(a->expert_options[0], 1);
    assert_int_equal(a->offered[a->opt_base[1] + 0], 0);
    sp_analysis_free(a);
    sp_arena_free(ar);
}

static void unreachable_and_cycle(void **state)
{
    (void)state;
    sp_goto to_b = { .target = 1 }, to_a = { .target = 0 }, to_end = { .target = 2 };
    sp_node nodes[4] = {
        { .id = "a", .kind = SP_NODE_GOTO, .gotos = &to_end, .n_gotos = 1 },
        { .id = "b", .kind = SP_NODE_GOTO, .gotos = &to_end, .n_gotos = 1 },
        { .id = "end", .kind = SP_NODE_ENDING },
        { .id = "orphan", .kind = SP_NODE_ENDING },
    };
    sp_scenario sc = { .id = "hand", .nodes = nodes, .n_nodes = 4 };
    sp_analysis *a = NULL;
    assert_int_equal(sp_analysis_run(&sc, &a), SP_OK);
    assert_int_equal(a->reachable[0], 1);
    assert_int_equal(a->reachable[1], 0);
    assert_int_equal(a->reachable[2], 1);
    assert_int_equal(a->reachable[3], 0);
    assert_int_equal(a->n_endings, 1);
    assert_int_equal(a->n_expert, 0);
    assert_int_equal(a->expert_ending, 2);
    sp_analysis_free(a);

    /* a -> b -> a: the loader refuses cycles; the analysis says so too. */
    nodes[0].gotos = &to_b;
    nodes[1].gotos = &to_a;
    a = NULL;
    assert_int_equal(sp_analysis_run(&sc, &a), SP_EINVAL);
    assert_null(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(oefen_exact),
        cmocka_unit_test(oefen_expert_path),
        cmocka_unit_test(oefen_coverage),
        cmocka_unit_test(large_exact),
        cmocka_unit_test(large_state_space_exact),
        cmocka_unit_test(expert_path_matches_brute_force),
        cmocka_unit_test(dead_end_avoided),
        cmocka_unit_test(unreachable_and_cycle),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
