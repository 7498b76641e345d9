/* test_value_property.c: the exact maximum and `check`'s ending ranges, hindering routes and reading lengths against a brute force written here, over 300 generated cases with conditions, set/add and carried values; the debrief's invariants along random plays; `check` by its dense passes and as users get it (AUTO) against its search, field by field, on cases with conditional texts and ties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <cmocka.h>

#include "core/analysis.h"
#include "core/analysis_internal.h"
#include "core/cond.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "testutil.h"

/*
 * The oracle walks every play of the model by itself: a node's set/add on
 * entering it (clamped to min..max), the first goto whose condition holds
 * (else the last), every option whose condition holds, its set/add before
 * its target. It shares only the condition evaluator with the engine. A
 * play that meets a decision offering nothing never ends and does not count.
 */

#define CASES 300

/* ---- the oracle ---------------------------------------------------------- */

static void apply(const sp_scenario *sc, int *vars, const sp_effect *e, int n)
{
    for (int i = 0; i < n; i++) {
        const sp_var *v = &sc->vars[e[i].var];
        long x = e[i].op == SP_EFFECT_SET ? e[i].value : (long)vars[e[i].var] + e[i].value;
        vars[e[i].var] = (int)(x < v->min ? v->min : x > v->max ? v->max : x);
    }
}

/* Best total of a complete play from arriving at node with vars (before its
 * effects); INT_MIN when none ends. */
static int brute(const sp_scenario *sc, int node, const int *arrive)
{
    int vars[8];
    memcpy(vars, arrive, sizeof(int) * (size_t)sc->n_vars);
    const sp_node *n = &sc->nodes[node];
    apply(sc, vars, n->effects, n->n_effects);
    if (n->kind == SP_NODE_ENDING)
        return 0;
    if (n->kind == SP_NODE_GOTO) {
        for (int i = 0; i < n->n_gotos; i++)
            if (i == n->n_gotos - 1 || sp_cond_eval(n->gotos[i].cond, vars))
                return brute(sc, n->gotos[i].target, vars);
    }
    int best = INT_MIN;
    for (int j = 0; j < n->n_options; j++) {
        const sp_option *o = &n->options[j];
        if (!sp_cond_eval(o->cond, vars))
            continue;
        int next[8];
        memcpy(next, vars, sizeof next);
        apply(sc, next, o->effects, o->n_effects);
        int t = brute(sc, o->target, next);
        int own = 0;
        for (int k = 0; k < o->n_scores; k++)
            own += o->scores[k].delta;
        if (t != INT_MIN && t + own > best)
            best = t + own;
    }
    return best;
}

/* ---- the oracle for `check` ----------------------------------------------- */

/* What every complete play from the start values adds up to, per ending
 * node: the lowest and highest total, and whether a play with at least one
 * thought moment and the hindering side at every one reaches it; over all
 * plays, the fewest and most Dutch words read. */
typedef struct {
    int seen[64], lo[64], hi[64], hind[64];
    int wmin, wmax, plays;
} tally;

static int words_of(const char *s)
{
    int n = 0;
    for (int in = 0; s && *s; s++) {
        int sp = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* Words of the lines shown on arriving at n (the generated cases have no
 * conditional lines or paragraphs). */
static int arrival_words(const sp_node *n)
{
    int w = 0;
    for (int i = 0; i < n->n_lines; i++) {
        assert_null(n->lines[i].cond);
        w += words_of(n->lines[i].text.s[SP_LANG_NL]);
    }
    return w;
}

/* Every play on from arriving at node with vars (before its effects),
 * having scored total and read words, having met thoughts thought moments,
 * all hindering so far when hind. */
static void walk(const sp_scenario *sc, int node, const int *arrive, int total, int words, int thoughts,
                 int hind, tally *t)
{
    int vars[8];
    memcpy(vars, arrive, sizeof(int) * (size_t)sc->n_vars);
    const sp_node *n = &sc->nodes[node];
    apply(sc, vars, n->effects, n->n_effects);
    if (n->kind == SP_NODE_ENDING) {
        words += words_of(n->ending_title.s[SP_LANG_NL]) + words_of(n->evaluation.s[SP_LANG_NL]);
        assert_true(node < 64);
        t->lo[node] = t->seen[node] && t->lo[node] < total ? t->lo[node] : total;
        t->hi[node] = t->seen[node] && t->hi[node] > total ? t->hi[node] : total;
        t->seen[node] = 1;
        t->hind[node] |= thoughts > 0 && hind;
        t->wmin = t->plays && t->wmin < words ? t->wmin : words;
        t->wmax = t->plays && t->wmax > words ? t->wmax : words;
        t->plays++;
        return;
    }
    if (n->kind == SP_NODE_GOTO) {
        for (int i = 0; i < n->n_gotos; i++)
            if (i == n->n_gotos - 1 || sp_cond_eval(n->gotos[i].cond, vars)) {
                int tg = n->gotos[i].target;
                walk(sc, tg, vars, total, words + arrival_words(&sc->nodes[tg]), thoughts, hind, t);
                return;
            }
    }
    int shown = words_of(n->prompt.s[SP_LANG_NL]);
    for (int j = 0; j < n->n_options; j++)
        if (sp_cond_eval(n->options[j].cond, vars))
            shown += words_of(n->options[j].text.s[SP_LANG_NL]);
    int thought = n->kind == SP_NODE_THOUGHT;
    for (int j = 0; j < n->n_options; j++) {
        const sp_option *o = &n->options[j];
        if (!sp_cond_eval(o->cond, vars))
            continue;
        int next[8], own = 0;
        memcpy(next, vars, sizeof next);
        apply(sc, next, o->effects, o->n_effects);
        for (int k = 0; k < o->n_scores; k++)
            own += o->scores[k].delta;
        int read = shown + words_of(o->feedback.s[SP_LANG_NL]) + arrival_words(&sc->nodes[o->target]);
        walk(sc, o->target, next, total + own, words + read, thoughts + thought,
             hind && (!thought || o->side == SP_SIDE_HINDERING), t);
    }
}

/* ---- generated cases -------------------------------------------------------- */

static unsigned rng;

static int rnd(int n)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 16) % (unsigned)n);
}

static const char *const VARS[] = { "a", "b", "c" }; /* c is carried */

/* Beyond the plain cases (check_paths_agree only; the other tests' cases and
 * random stream are as they were): TEXTS conditional lines and paragraphs,
 * one-letter words, English, flags, interventions, a second thought; TIES
 * deltas 0 or 1 only; DEAD some first options under a condition too. */
enum { RICH_TEXTS = 1, RICH_TIES = 2, RICH_DEAD = 4 };
static int rich, rich_conds; /* rich_conds: conditions on lines and paragraphs */

static void random_cond(testutil_text *b)
{
    static const char *const ops[] = { "&gt;=", "&lt;", "==", "!=" };
    if (rnd(4) == 0)
        testutil_put(b, " if=\"not %s\"", VARS[rnd(3)]);
    else
        testutil_put(b, " if=\"%s %s %d%s\"", VARS[rnd(3)], ops[rnd(4)], rnd(4), rnd(3) == 0 ? " or c == 2" : "");
}

/* One to three one-letter words, now and then with one in English. */
static void rich_text(testutil_text *b)
{
    for (int i = 0, n = 1 + rnd(3); i < n; i++)
        testutil_put(b, i ? " %c" : "%c", 'a' + rnd(5));
    if (rnd(2))
        testutil_put(b, "<t xml:lang=\"en\">%c</t>", 'a' + rnd(5));
}

/* <tag>plain</tag>, or in rich cases rich words or (kind > 0) one to
 * three paragraphs, most under a condition; kind 2: a line (narration or
 * say), now and then under a condition itself. */
static void prose(testutil_text *b, const char *tag, const char *plain, int kind)
{
    testutil_put(b, "<%s%s", tag, strcmp(tag, "say") ? "" : " who=\"ik\"");
    if (kind == 2 && rnd(2) && ++rich_conds)
        random_cond(b);
    testutil_put(b, ">");
    if (!(rich & RICH_TEXTS))
        testutil_put(b, "%s", plain);
    else if (!kind || rnd(2))
        rich_text(b);
    else
        for (int p = 1 + rnd(3); p > 0; p--) {
            testutil_put(b, "<p");
            if (rnd(4) && ++rich_conds)
                random_cond(b);
            testutil_put(b, ">");
            rich_text(b);
            testutil_put(b, "</p>");
        }
    testutil_put(b, "</%s>", tag);
}

/* Rich cases: a node's lines (none to two), now and then a red flag. */
static void rich_lines(testutil_text *b)
{
    static const char *const flags[] = { "rf.og-geen-tijd", "rf.opdracht-vaag", "rf.niet-pluis" };
    for (int n = (rich & RICH_TEXTS) ? rnd(3) : 0; n > 0; n--)
        prose(b, rnd(2) ? "narration" : "say", "", 2);
    if ((rich & RICH_TEXTS) && rnd(4) == 0)
        testutil_put(b, "<flag ref=\"%s\">F</flag>", flags[rnd(3)]);
}

static void random_effect(testutil_text *b)
{
    if (rnd(2))
        testutil_put(b, "<add var=\"%s\" value=\"%d\"/>", VARS[rnd(3)], rnd(5) - 2);
    else
        testutil_put(b, "<set var=\"%s\" value=\"%d\"/>", VARS[rnd(3)], rnd(4));
}

static void random_options(testutil_text *b, int l, int w, int layers, int width, int thought)
{
    static const char *const goals[] = { "relatie", "eigenaarschap", "helderheid", "koers" };
    int k = l == 0 ? (width < 2 ? 2 : width) + 1 : l + 1 == layers && w == 0 ? 3 : 2 + rnd(2);
    for (int o = 0; o < k; o++) {
        char to[32];
        if (l + 1 == layers)
            snprintf(to, sizeof to, "end%d", w == 0 ? o : rnd(3));
        else if (l == 0)
            snprintf(to, sizeof to, "n1_%d", o < width ? o : 0);
        else if (o == 0)
            snprintf(to, sizeof to, "n%d_%d", l + 1, w);
        else if ((o == 1 && w == 0) || rnd(3) == 0)
            snprintf(to, sizeof to, "g%d", l + 1);
        else
            snprintf(to, sizeof to, "n%d_%d", l + 1, rnd(width));
        if (l == 0 && o == k - 1 && l + 1 < layers)
            snprintf(to, sizeof to, "g%d", l + 1);
        testutil_put(b, "<option id=\"o%d_%d_%d\" to=\"%s\"", l, w, o, to);
        if ((o > 0 || ((rich & RICH_DEAD) && rnd(2))) && rnd(2))
            random_cond(b);
        testutil_put(b, ">");
        prose(b, "text", "T", 0);
        if ((rich & RICH_TEXTS) && rnd(3) == 0)
            testutil_put(b, "<applies ref=\"%s\"/>", rnd(2) ? "int.kennismaken" : "int.doorvragen");
        if (thought)
            testutil_put(b, "<expresses thought=\"%s\" side=\"%s\"/>",
                         (rich & RICH_TEXTS) && (l + w) % 2 ? "th.falen" : "th.leuk", o ? "hindering" : "helpful");
        int span = rich & RICH_TIES ? 2 : 7, low = rich & RICH_TIES ? 0 : 3;
        testutil_put(b, "<score goal=\"%s\" delta=\"%d\"/>", goals[rnd(4)], rnd(span) - low);
        if (rnd(2))
            testutil_put(b, "<score goal=\"%s\" delta=\"%d\"/>", goals[rnd(4)], rnd(span) - low);
        for (int e = rnd(3); e > 0; e--)
            random_effect(b);
        prose(b, "feedback", "f", 1);
        testutil_put(b, "</option>\n");
    }
}

/* Layers of decisions and thoughts; a goto node before each layer after
 * the first with a condition; three endings. Option 0 of node w leads to
 * node w of the next layer and option 1 of node 0 to the goto node, so the
 * loader finds every node reachable (it ignores conditions). with: RICH_*. */
static sp_scenario *random_case(unsigned seed, int with)
{
    rng = seed;
    rich = with;
    rich_conds = 0;
    int layers = 3 + rnd(4), width = 1 + rnd(3);
    testutil_text b = { 0 };
    testutil_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"eigenschap\" "
            "phase=\"intake\" version=\"1\" start=\"n0_0\">\n"
            "<title>Eigenschap</title><summary>Gegenereerd.</summary>\n"
            "<briefing><you>Jij.</you><meet>Niemand.</meet><situation>Test.</situation>"
            "<aim>Winnen.</aim></briefing>\n"
            "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#000000\">"
            "<name>Jij</name></person></cast>\n"
            "<variables><var name=\"a\" init=\"%d\" min=\"0\" max=\"4\"/>"
            "<var name=\"b\" init=\"0\" min=\"0\" max=\"2\"/>"
            "<var name=\"c\" init=\"1\" min=\"0\" max=\"3\" carry=\"yes\"/></variables>\n",
        rnd(5));
    for (int l = 0; l < layers; l++) {
        int wl = l == 0 ? 1 : width;
        for (int w = 0; w < wl; w++) {
            int thought = rnd(4) == 0;
            testutil_put(&b, "<node id=\"n%d_%d\">", l, w);
            rich_lines(&b);
            if (rnd(3) == 0)
                random_effect(&b);
            testutil_put(&b, thought ? "<thought>\n" : "<decision>\n");
            if ((rich & RICH_TEXTS) && rnd(3))
                prose(&b, "prompt", "", 1);
            random_options(&b, l, w, layers, width, thought);
            testutil_put(&b, thought ? "</thought></node>\n" : "</decision></node>\n");
        }
        if (l + 1 < layers) {
            testutil_put(&b, "<node id=\"g%d\">", l + 1);
            rich_lines(&b);
            if (rnd(2))
                random_effect(&b);
            testutil_put(&b, "<goto to=\"n%d_%d\"", l + 1, rnd(width));
            random_cond(&b);
            testutil_put(&b, "/><goto to=\"n%d_%d\"/></node>\n", l + 1, rnd(width));
        }
    }
    static const char *const kinds[] = { "good", "mixed", "poor" };
    for (int e = 0; e < 3; e++) {
        testutil_put(&b, "<node id=\"end%d\">", e);
        rich_lines(&b);
        testutil_put(&b, "<ending id=\"e%d\" kind=\"%s\"><title>E</title>", e, kinds[e]);
        prose(&b, "evaluation", "E.", 1);
        testutil_put(&b, "</ending></node>\n");
    }
    testutil_put(&b, "</scenario>\n");
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("eigenschap.xml", b.s, b.len, testutil_schemas(), testutil_hb, &sc, d);
    if (rc != SP_OK)
        for (int i = 0; i < sp_diag_count(d) && i < 5; i++)
            fprintf(stderr, "seed %u: %s\n", seed, sp_diag_message(d, i));
    sp_diag_free(d);
    free(b.s);
    return rc == SP_OK ? sc : NULL;
}

/* ---- the properties ------------------------------------------------------------ */

/* The debrief with a value table kept from earlier debriefs (m) has the
 * figures of one built afresh. */
static void assert_memo_same(const sp_session *s, const sp_debrief *d, sp_debrief_memo *m, int seed)
{
    sp_debrief *k = sp_debrief_build_memo(s, m);
    assert_non_null(k);
    int same = k->exact == d->exact && k->total == d->total && k->total_max == d->total_max &&
               k->left == d->left && k->still == d->still && k->n_decisions == d->n_decisions;
    for (int g = 0; same && g < d->n_goals; g++)
        same = k->goals[g].expert == d->goals[g].expert && k->goals[g].score == d->goals[g].score;
    for (int i = 0; same && i < d->n_decisions; i++)
        same = k->decisions[i].left == d->decisions[i].left &&
               k->decisions[i].stronger == d->decisions[i].stronger &&
               k->decisions[i].stronger_total == d->decisions[i].stronger_total;
    if (!same)
        fail_msg("seed %d: the debrief with a kept value table differs from a fresh one", seed);
    sp_debrief_free(k);
}

static void assert_figures(const sp_session *s, int seed, sp_debrief_memo *m)
{
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_memo_same(s, d, m, seed);
    assert_int_equal(d->exact, 1);
    int score = 0, expert = 0, left = 0;
    for (int g = 0; g < d->n_goals; g++) {
        score += d->goals[g].score;
        expert += d->goals[g].expert;
    }
    for (int i = 0; i < d->n_decisions; i++)
        left += d->decisions[i].left;
    if (score != d->total || expert != d->total_max || left != d->left ||
        d->total + d->left + d->still != d->total_max || (d->finished && d->still != 0))
        fail_msg("seed %d: score %d/%d expert %d max %d left %d/%d still %d finished %d", seed, score,
                 d->total, expert, d->total_max, left, d->left, d->still, d->finished);
    sp_debrief_free(d);
}

/* Plays the expert path; returns its total (INT_MIN when it is no play). */
static int play_expert(const sp_scenario *sc, const sp_analysis *a, const int *start)
{
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    for (int i = 0; i < sc->n_vars; i++)
        assert_int_equal(sp_session_set_var(s, sc->vars[i].name, start[i]), SP_OK);
    int total = 0;
    for (int i = 0; i < a->n_expert; i++) {
        if (sp_session_view(s)->node != a->expert_nodes[i] ||
            sp_session_choose(s, a->expert_options[i]) != SP_OK) {
            sp_session_free(s);
            return INT_MIN;
        }
        total += sp_option_total(&sc->nodes[a->expert_nodes[i]].options[a->expert_options[i]]);
    }
    int done = sp_session_finished(s);
    sp_session_free(s);
    return done ? total : INT_MIN;
}

/* A random play, its figures checked after every choice (m: a value table
 * kept across the plays of one case, as play --text keeps one). */
static void random_play(const sp_scenario *sc, const int *start, int seed, sp_debrief_memo *m)
{
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    for (int i = 0; i < sc->n_vars; i++)
        assert_int_equal(sp_session_set_var(s, sc->vars[i].name, start[i]), SP_OK);
    assert_figures(s, seed, m);
    while (!sp_session_finished(s)) {
        const sp_view *v = sp_session_view(s);
        if (v->n_options == 0)
            break; /* a decision that offers nothing: `check` reports it */
        assert_int_equal(sp_session_choose(s, v->options[rnd(v->n_options)].option), SP_OK);
        assert_figures(s, seed, m);
    }
    sp_session_free(s);
}

static void exact_max_matches_brute_force(void **state)
{
    (void)state;
    int checked = 0, none = 0;
    for (unsigned seed = 1; checked < CASES && seed < 10 * CASES; seed++) {
        sp_scenario *sc = random_case(seed, 0);
        if (!sc)
            continue;
        checked++;
        int start[3];
        for (int i = 0; i < sc->n_vars; i++)
            start[i] = sc->vars[i].init;
        if (seed % 2)
            start[2] = (int)(seed / 2 % 4); /* a carried value, as in a trajectory */
        int want = brute(sc, sc->start, start);
        sp_analysis *a = NULL;
        assert_int_equal(sp_analysis_run_from(sc, start, NULL, &a), SP_OK);
        if (want == INT_MIN) {
            none++;
            assert_int_equal(a->n_expert, 0);
            assert_int_equal(a->expert_ending, -1);
            assert_int_equal(a->max_total, 0);
        } else {
            if (a->max_total != want)
                fail_msg("seed %u: max %d, brute force %d", seed, a->max_total, want);
            int got = play_expert(sc, a, start);
            if (got != want)
                fail_msg("seed %u: the expert path plays %d, brute force %d", seed, got, want);
            int goals = 0;
            for (int g = 0; g < testutil_hb->n_goals; g++)
                goals += a->expert_goal[g];
            assert_int_equal(goals, want);
        }
        sp_analysis_free(a);
        /* The third play starts from other carried values: the kept table
         * must be made again for them. */
        sp_debrief_memo *m = sp_debrief_memo_new();
        assert_non_null(m);
        for (int p = 0; p < 3; p++) {
            if (p == 2)
                start[2] = (start[2] + 1) % 4;
            random_play(sc, start, (int)seed, m);
        }
        sp_debrief_memo_free(m);
        sp_scenario_free(sc);
    }
    assert_int_equal(checked, CASES);
    /* the generator makes both kinds: most cases end, a few cannot */
    assert_true(none < CASES / 2);
}

/* Plays path from the start values; its total, INT_MIN unless it is a
 * complete play that ends at ending (and, when hind, takes the hindering
 * side at every thought moment, of which it meets at least one). */
static int replay(const sp_scenario *sc, const sp_apath *path, int ending, int hind)
{
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    int total = 0, thoughts = 0, ok = 1;
    for (int i = 0; ok && i < path->n; i++) {
        const sp_option *o = &sc->nodes[path->nodes[i]].options[path->options[i]];
        int thought = sc->nodes[path->nodes[i]].kind == SP_NODE_THOUGHT;
        thoughts += thought;
        ok = sp_session_view(s)->node == path->nodes[i] && sp_session_choose(s, path->options[i]) == SP_OK &&
             (!hind || !thought || o->side == SP_SIDE_HINDERING);
        total += sp_option_total(o);
    }
    ok = ok && sp_session_finished(s) && sp_session_view(s)->node == ending && (!hind || thoughts > 0);
    sp_session_free(s);
    return ok ? total : INT_MIN;
}

/* `check` from the scenario's start values against the oracle: every
 * ending's range, its example play, the hindering warning with its play,
 * and the shortest and longest reading. Detours depend on which state of
 * a node is met first; what each claims is checked. */
static void check_matches_brute_force(void **state)
{
    (void)state;
    int checked = 0, ranges = 0;
    for (unsigned seed = 1; checked < CASES && seed < 10 * CASES; seed++) {
        sp_scenario *sc = random_case(seed, 0);
        if (!sc)
            continue;
        checked++;
        int start[3];
        for (int i = 0; i < sc->n_vars; i++)
            start[i] = sc->vars[i].init;
        tally t;
        memset(&t, 0, sizeof t);
        walk(sc, sc->start, start, 0, arrival_words(&sc->nodes[sc->start]), 0, 1, &t);
        sp_check *c = NULL;
        assert_int_equal(sp_check_run(sc, NULL, &c), SP_OK);
        int listed = 0;
        for (int e = 0; e < sc->n_nodes; e++)
            listed += t.seen[e];
        if (c->n_endings != listed)
            fail_msg("seed %u: %d endings listed, brute force reaches %d", seed, c->n_endings, listed);
        for (int i = 0; i < c->n_endings; i++) {
            const sp_ending_fit *f = &c->endings[i];
            if (!t.seen[f->node] || f->lo != t.lo[f->node] || f->hi != t.hi[f->node])
                fail_msg("seed %u: ending %d %d..%d, brute force %d..%d", seed, f->node, f->lo, f->hi,
                         t.lo[f->node], t.hi[f->node]);
            if (replay(sc, &f->lo_path, f->node, 0) != f->lo)
                fail_msg("seed %u: the example play of ending %d does not score %d", seed, f->node, f->lo);
            int good = sc->nodes[f->node].ending_kind == SP_ENDING_GOOD;
            if (f->hindering != (good && t.hind[f->node]))
                fail_msg("seed %u: ending %d hindering %d, brute force %d", seed, f->node, f->hindering,
                         good && t.hind[f->node]);
            if (f->hindering && replay(sc, &f->hind_path, f->node, 1) == INT_MIN)
                fail_msg("seed %u: the hindering play of ending %d is not one", seed, f->node);
            ranges++;
        }
        if (t.plays && (c->short_words.nl != t.wmin || c->long_words.nl != t.wmax))
            fail_msg("seed %u: reading %d..%d words, brute force %d..%d", seed, c->short_words.nl,
                     c->long_words.nl, t.wmin, t.wmax);
        for (int i = 0; i < c->n_detours; i++) {
            const sp_detour *dt = &c->detours[i];
            assert_true(dt->answer_total > dt->route_total);
            assert_true(dt->route_value > dt->answer_value);
        }
        sp_check_free(c);
        sp_scenario_free(sc);
    }
    assert_int_equal(checked, CASES);
    assert_true(ranges > CASES); /* most cases reach two endings or more */
}

/* ---- check's two paths ------------------------------------------------------ */

/* The first difference between `check` by the search (x) and by another
 * path (y, named other) fails the test with the seed and the field. */
typedef struct { unsigned seed; const char *other; } differ;

static __attribute__((format(printf, 4, 5))) void same(const differ *k, int x, int y, const char *field, ...)
{
    if (x == y)
        return;
    char name[160];
    va_list ap;
    va_start(ap, field);
    vsnprintf(name, sizeof name, field, ap);
    va_end(ap);
    fail_msg("seed %u: %s search %d %s %d", k->seed, name, x, k->other, y);
}

static void same_path(const differ *k, const sp_apath *x, const sp_apath *y, const char *at, const char *name)
{
    same(k, x->n, y->n, "%s%s.n", at, name);
    for (int j = 0; j < x->n; j++) {
        same(k, x->nodes[j], y->nodes[j], "%s%s.nodes[%d]", at, name, j);
        same(k, x->options[j], y->options[j], "%s%s.options[%d]", at, name, j);
    }
}

/* Field f of x and y (n of its elements), named at + f; the fields of
 * each struct compared (arrays after the counts they are sized by). */
#define SAME_INT(f) same(k, x->f, y->f, "%s" #f, at);
#define SAME_ARRAY(f, n) for (int i_ = 0; i_ < (n); i_++) same(k, x->f[i_], y->f[i_], "%s" #f "[%d]", at, i_);
#define ANALYSIS_INTS(X) X(n_nodes) X(max_total) X(n_states) X(n_decisions) X(n_endings) X(n_expert) X(expert_ending)
#define ANALYSIS_ARRAYS(X) X(reachable, sc->n_nodes) X(opt_base, sc->n_nodes + 1) X(offered, x->opt_base[sc->n_nodes]) \
    X(expert_nodes, x->n_expert) X(expert_options, x->n_expert) X(expert_goal, hb->n_goals) \
    X(interventions, hb->n_interventions) X(flags, hb->n_redflags) X(thoughts, hb->n_thoughts)
#define CHECK_INTS(X) X(n_dead) X(n_endings) X(n_detours) X(tell_decisions) X(tells) X(expert_words.nl) \
    X(expert_words.en) X(short_words.nl) X(short_words.en) X(long_words.nl) X(long_words.en) X(texts) X(texts_en)
#define ENDING_INTS(X) X(node) X(lo) X(hi) X(below) X(below_hi) X(hindering)
#define DETOUR_INTS(X) X(node) X(answer) X(answer_total) X(answer_value) X(route) X(route_total) X(route_value)

/* Everything in sp_analysis but the memo (value). */
static void same_analysis(const differ *k, const sp_scenario *sc, const sp_analysis *x, const sp_analysis *y)
{
    const sp_handbook *hb = sc->handbook;
    const char *at = "a.";
    ANALYSIS_INTS(SAME_INT)
    ANALYSIS_ARRAYS(SAME_ARRAY)
}

/* Every result of `check` but the memos (a->value, lean), lists after counts. */
static void same_check(const sp_scenario *sc, unsigned seed, const char *other, const sp_check *s, const sp_check *o)
{
    const differ d = { seed, other }, *k = &d;
    same_analysis(k, sc, s->a, o->a);
    char at[40] = "";
    {
        const sp_check *x = s, *y = o;
        CHECK_INTS(SAME_INT)
        same_path(k, &x->short_path, &y->short_path, at, "short_path");
        same_path(k, &x->long_path, &y->long_path, at, "long_path");
    }
    for (int i = 0; i < s->n_dead; i++) {
        const sp_dead_end *x = &s->dead[i], *y = &o->dead[i];
        snprintf(at, sizeof at, "dead[%d].", i);
        SAME_INT(node)
        SAME_ARRAY(vars, sc->n_vars)
        same_path(k, &x->path, &y->path, at, "path");
    }
    for (int i = 0; i < s->n_endings; i++) {
        const sp_ending_fit *x = &s->endings[i], *y = &o->endings[i];
        snprintf(at, sizeof at, "endings[%d].", i);
        ENDING_INTS(SAME_INT)
        same_path(k, &x->lo_path, &y->lo_path, at, "lo_path");
        same_path(k, &x->hind_path, &y->hind_path, at, "hind_path");
    }
    for (int i = 0; i < s->n_detours; i++) {
        const sp_detour *x = &s->detours[i], *y = &o->detours[i];
        snprintf(at, sizeof at, "detours[%d].", i);
        DETOUR_INTS(SAME_INT)
    }
}

/* `check` by the dense passes and as users get it (AUTO) against the
 * depth-first search, field by field, over generated cases with
 * conditional texts, ties and (some) decisions that can offer nothing.
 * DENSE declines (SP_EUSAGE) exactly the cases it must: out of the dense
 * layout, or a dead end from the start values; at least half are left. */
static void check_paths_agree(void **state)
{
    (void)state;
    int checked = 0, fit = 0, texts = 0, dead = 0, detours = 0;
    for (unsigned seed = 1; checked < CASES && seed < 10 * CASES; seed++) {
        sp_scenario *sc = random_case(seed, RICH_TEXTS | (seed % 2 ? RICH_TIES : 0) | (seed % 3 ? 0 : RICH_DEAD));
        if (!sc)
            continue;
        checked++;
        texts += rich_conds > 0;
        sp_check *s = NULL, *au = NULL, *dn = NULL;
        assert_int_equal(sp_check_run_path(sc, NULL, SP_CHECK_SEARCH, &s), SP_OK);
        assert_int_equal(sp_check_run_path(sc, NULL, SP_CHECK_AUTO, &au), SP_OK);
        same_check(sc, seed, "auto", s, au);
        sp_status rc = sp_check_run_path(sc, NULL, SP_CHECK_DENSE, &dn);
        assert_true(rc == SP_OK ? dn != NULL : rc == SP_EUSAGE && !dn);
        if (dn)
            same_check(sc, seed, "dense", s, dn);
        int fits = s->a->value->n_dead == 0 && s->a->value->dense; /* no dead end from the start */
        if ((dn != NULL) != fits)
            fail_msg("seed %u: DENSE %s a case it should %s", seed, dn ? "took" : "declined", fits ? "take" : "decline");
        fit += fits;
        dead += s->n_dead > 0;
        detours += s->n_detours > 0;
        sp_check_free(s);
        sp_check_free(au);
        sp_check_free(dn);
        sp_scenario_free(sc);
    }
    assert_int_equal(checked, CASES);
    /* the cases have what the paths could disagree on, and DENSE can take half */
    assert_true(texts > CASES * 9 / 10 && detours > 0 && dead > 0 && dead < CASES / 4);
    assert_true(fit >= CASES / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_max_matches_brute_force),
        cmocka_unit_test(check_matches_brute_force),
        cmocka_unit_test(check_paths_agree),
    };
    return cmocka_run_group_tests(tests, testutil_hb_setup, testutil_hb_teardown);
}
