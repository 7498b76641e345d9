/* test_debrief.c: debrief figures (score, max, left, still, stronger option) for scripted plays of tests/data/session/oefen.xml, worked out by hand. */
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
 * oefen.xml, option totals (goals relatie / eigenaarschap / helderheid / koers):
 *   denk:     denk-hinder -1 (koers -1)      denk-help +1 (koers +1, sets inzicht)
 *   vraag:    plannen -1 (rel +1, hel -2)    doorvragen +3 (eig +1, hel +2; needs inzicht)
 *             kennismaken +2 (rel +2)
 *   twijfel:  doorgaan -2 (koers -2)         benoemen +3 (rel +1, koers +2)
 *   afspraak: vastleggen +2 (hel +2)         mondeling 0 (rel +1, hel -1)
 * Trust starts at 50; doorvragen adds 60, kennismaken 10, plannen -30; gang
 * goes to afspraak when trust >= 60, else to twijfel.
 * V (the best still reachable), worked out by hand:
 *   afspraak 2 (vastleggen); twijfel 3 (benoemen);
 *   vraag with inzicht 5 (doorvragen 3 + 2); without 4 (kennismaken 2 + 2;
 *   plannen gives -1 + 3 = 2); denk 6 (help 1 + 5; hinder -1 + 4 = 3).
 * So max = 6, and the expert path denk-help, doorvragen, vastleggen scores
 * relatie 0, eigenaarschap 1, helderheid 4, koers 1 (sum 6).
 */

typedef struct {
    sp_handbook *hb;
    sp_scenario *sc;
} fixture;

static fixture F;

static int setup(void **state)
{
    (void)state;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml", &F.hb,
                         &F.sc);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(F.sc);
    sp_handbook_free(F.hb);
    return 0;
}

static int G(const char *id) { return sp_handbook_goal(F.hb, id); }
static int N(const char *id) { return sp_scenario_node(F.sc, id); }
static int RF(const char *id) { return sp_handbook_redflag(F.hb, id); }
static int IV(const char *id) { return sp_handbook_intervention(F.hb, id); }

static int OPT(const char *node_id, const char *opt_id)
{
    const sp_node *n = &F.sc->nodes[N(node_id)];
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, opt_id) == 0)
            return i;
    return -1;
}

/* Plays a script (see testutil_step) on a clock that stands still. */
static sp_session *play(const char *const *script)
{
    sp_session *s = testutil_session(F.sc, 0);
    testutil_play(s, script);
    return s;
}

static void assert_goal(const sp_debrief *d, const char *goal, int score, int expert)
{
    const sp_debrief_goal *g = &d->goals[G(goal)];
    assert_int_equal(g->goal, G(goal));
    if (g->score != score || g->expert != expert)
        fail_msg("goal %s: score %d expert %d, expected %d %d", goal, g->score, g->expert, score, expert);
}

/* The invariants of debrief.h. */
static void assert_sums(const sp_debrief *d)
{
    int score = 0, expert = 0, left = 0;
    for (int g = 0; g < d->n_goals; g++) {
        score += d->goals[g].score;
        expert += d->goals[g].expert;
    }
    for (int i = 0; i < d->n_decisions; i++)
        left += d->decisions[i].left;
    assert_int_equal(score, d->total);
    assert_int_equal(expert, d->total_max);
    assert_int_equal(left, d->left);
    assert_int_equal(d->total + d->left + d->still, d->total_max);
}

static void assert_decision(const sp_debrief *d, int i, const char *node, const char *chosen,
                            int chosen_total, const char *stronger, int stronger_total, int left)
{
    const sp_debrief_decision *x = &d->decisions[i];
    assert_int_equal(x->node, N(node));
    assert_int_equal(x->chosen, OPT(node, chosen));
    assert_int_equal(x->chosen_total, chosen_total);
    assert_int_equal(x->stronger, stronger ? OPT(node, stronger) : -1);
    assert_int_equal(x->stronger_total, stronger_total);
    assert_int_equal(x->left, left);
}

/* The expert-like play: every best option on offer. */
static void best_path(void **state)
{
    (void)state;
    const char *script[] = { "denk-help", "doorvragen", "vastleggen", NULL };
    sp_session *s = play(script);
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->finished, 1);
    assert_int_equal(d->ending_node, N("einde-goed"));
    assert_int_equal(d->n_turns, 3);
    assert_int_equal(d->n_goals, 4);
    assert_goal(d, "relatie", 0, 0);
    assert_goal(d, "eigenaarschap", 1, 1);
    assert_goal(d, "helderheid", 4, 4);
    assert_goal(d, "koers", 1, 1);
    assert_int_equal(d->exact, 1);
    assert_int_equal(d->total, 6);
    assert_int_equal(d->total_max, 6);
    assert_int_equal(d->left, 0);
    assert_int_equal(d->still, 0);
    assert_int_equal(d->n_decisions, 3);
    assert_decision(d, 0, "denk", "denk-help", 1, NULL, 0, 0);
    assert_decision(d, 1, "vraag", "doorvragen", 3, NULL, 0, 0);
    assert_decision(d, 2, "afspraak", "vastleggen", 2, NULL, 0, 0);
    assert_sums(d);
    assert_int_equal(d->n_applied, 2);
    assert_int_equal(d->applied[0].intervention, IV("int.doorvragen"));
    assert_int_equal(d->applied[0].turn, 2);
    assert_int_equal(d->applied[0].node, N("vraag"));
    assert_int_equal(d->applied[0].option, OPT("vraag", "doorvragen"));
    assert_int_equal(d->applied[1].intervention, IV("int.aannames"));
    assert_int_equal(d->applied[1].turn, 3);
    /* kennismaken was on offer at vraag and never applied. */
    assert_int_equal(d->n_missed_interventions, 1);
    assert_int_equal(d->missed_interventions[0], IV("int.kennismaken"));
    assert_int_equal(d->n_thoughts, 1);
    assert_int_equal(d->thoughts[0].thought, sp_handbook_thought(F.hb, "th.leuk"));
    assert_int_equal(d->thoughts[0].side, SP_SIDE_HELPFUL);
    assert_int_equal(d->thoughts[0].turn, 1);
    assert_int_equal(d->thoughts[0].option, OPT("denk", "denk-help"));
    /* No flag marked: og-geen-tijd (turn 1), opdracht-vaag (turn 2) and
     * randvoorwaarden (turn 3, at gang) were missed. */
    assert_int_equal(d->n_recognised, 0);
    assert_int_equal(d->n_false_alarms, 0);
    assert_int_equal(d->n_flags_missed, 3);
    assert_int_equal(d->flags_missed[0].flag, RF("rf.og-geen-tijd"));
    assert_int_equal(d->flags_missed[0].turn, 1);
    assert_int_equal(d->flags_missed[0].node, N("start"));
    assert_int_equal(d->flags_missed[1].flag, RF("rf.opdracht-vaag"));
    assert_int_equal(d->flags_missed[1].turn, 2);
    assert_int_equal(d->flags_missed[2].flag, RF("rf.randvoorwaarden"));
    assert_int_equal(d->flags_missed[2].node, N("gang"));
    sp_debrief_free(d);
    sp_session_free(s);
}

/* The poor play, with flags: two recognised, one not intended here (vraag's
 * option "plannen" names rf.niet-pluis, which the author lists only at
 * twijfel), and an undo. */
static void poor_path(void **state)
{
    (void)state;
    const char *script[] = { "!rf.og-geen-tijd", "denk-hinder", "!rf.niet-pluis",
                             "kennismaken", "<", "plannen", "!rf.randvoorwaarden",
                             "doorgaan", NULL };
    sp_session *s = play(script);
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->ending_node, N("einde-mager"));
    assert_int_equal(d->n_turns, 3);
    /* Chosen: denk-hinder (koers -1), plannen (rel +1, hel -2), doorgaan (koers -2).
     * denk: V 6, hinder -1 + 4 = 3, left 3 (help, +1, was stronger).
     * vraag without inzicht: V 4, plannen -1 + 3 = 2, left 2 (kennismaken +2).
     * twijfel: V 3, doorgaan -2 + 0, left 5 (benoemen +3). */
    assert_goal(d, "relatie", 1, 0);
    assert_goal(d, "eigenaarschap", 0, 1);
    assert_goal(d, "helderheid", -2, 4);
    assert_goal(d, "koers", -3, 1);
    assert_int_equal(d->total, -4);
    assert_int_equal(d->total_max, 6);
    assert_int_equal(d->left, 3 + 2 + 5);
    assert_int_equal(d->still, 0);
    assert_int_equal(d->n_decisions, 3);
    assert_int_equal(d->decisions[0].turn, 1);
    assert_decision(d, 0, "denk", "denk-hinder", -1, "denk-help", 1, 3);
    assert_decision(d, 1, "vraag", "plannen", -1, "kennismaken", 2, 2);
    assert_decision(d, 2, "twijfel", "doorgaan", -2, "benoemen", 3, 5);
    assert_sums(d);
    /* The undone kennismaken counts for nothing: no intervention applied. */
    assert_int_equal(d->n_applied, 0);
    assert_int_equal(d->n_missed_interventions, 2);
    assert_int_equal(d->missed_interventions[0], IV("int.kennismaken"));
    assert_int_equal(d->missed_interventions[1], IV("int.kritisch"));
    assert_int_equal(d->n_thoughts, 1);
    assert_int_equal(d->thoughts[0].side, SP_SIDE_HINDERING);
    /* Flags */
    assert_int_equal(d->n_recognised, 2);
    assert_int_equal(d->recognised[0].flag, RF("rf.og-geen-tijd"));
    assert_int_equal(d->recognised[0].turn, 1);
    assert_int_equal(d->recognised[0].node, N("start"));
    assert_int_equal(d->recognised[1].flag, RF("rf.randvoorwaarden"));
    assert_int_equal(d->recognised[1].turn, 3);
    assert_int_equal(d->recognised[1].node, N("gang"));
    assert_int_equal(d->n_false_alarms, 0);
    assert_int_equal(d->n_not_intended, 1);
    assert_int_equal(d->not_intended[0].flag, RF("rf.niet-pluis"));
    assert_int_equal(d->not_intended[0].turn, 2);
    assert_int_equal(d->not_intended[0].node, N("vraag"));
    /* opdracht-vaag (turn 2) and niet-pluis (turn 3, at twijfel): the mark
     * in turn 2, not intended there, does not count for the niet-pluis of turn 3. */
    assert_int_equal(d->n_flags_missed, 2);
    assert_int_equal(d->flags_missed[0].flag, RF("rf.opdracht-vaag"));
    assert_int_equal(d->flags_missed[0].turn, 2);
    assert_int_equal(d->flags_missed[1].flag, RF("rf.niet-pluis"));
    assert_int_equal(d->flags_missed[1].turn, 3);
    assert_int_equal(d->flags_missed[1].node, N("twijfel"));
    sp_debrief_free(d);
    sp_session_free(s);
}

/* A middle play, left unfinished: the current turn's flags are not missed yet. */
static void unfinished_path(void **state)
{
    (void)state;
    const char *script[] = { "denk-hinder", "kennismaken", NULL };
    sp_session *s = play(script);
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->finished, 0);
    assert_int_equal(d->ending_node, -1);
    assert_int_equal(d->n_turns, 2);
    assert_goal(d, "relatie", 2, 0);
    assert_goal(d, "koers", -1, 1);
    /* hinder left 3; kennismaken (2 + 2 = V 4) left nothing; afspraak still
     * holds 2: 1 + 3 + 2 = 6. */
    assert_int_equal(d->total, 1);
    assert_int_equal(d->left, 3);
    assert_int_equal(d->still, 2);
    assert_decision(d, 1, "vraag", "kennismaken", 2, NULL, 0, 0);
    assert_sums(d);
    assert_int_equal(d->n_applied, 1);
    assert_int_equal(d->applied[0].intervention, IV("int.kennismaken"));
    assert_int_equal(d->n_missed_interventions, 0);
    /* Turn 3 (gang, afspraak) is under way: randvoorwaarden is not missed yet. */
    assert_int_equal(d->n_flags_missed, 2);
    assert_int_equal(d->flags_missed[0].flag, RF("rf.og-geen-tijd"));
    assert_int_equal(d->flags_missed[1].flag, RF("rf.opdracht-vaag"));
    sp_debrief_free(d);

    /* Finishing via mondeling: randvoorwaarden is now missed; the ending
     * stretch has no flags to mark. */
    assert_int_equal(sp_session_choose(s, OPT("afspraak", "mondeling")), SP_OK);
    d = sp_debrief_build(s);
    assert_int_equal(d->finished, 1);
    assert_int_equal(d->ending_node, N("einde-midden"));
    assert_int_equal(d->n_flags_missed, 3);
    assert_int_equal(d->n_decisions, 3);
    assert_decision(d, 2, "afspraak", "mondeling", 0, "vastleggen", 2, 2);
    assert_int_equal(d->left, 5);
    assert_int_equal(d->still, 0);
    assert_sums(d);
    assert_int_equal(d->n_missed_interventions, 1);
    assert_int_equal(d->missed_interventions[0], IV("int.aannames"));
    sp_debrief_free(d);
    sp_session_free(s);
}

static void empty_play(void **state)
{
    (void)state;
    const char *script[] = { NULL };
    sp_session *s = play(script);
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->n_turns, 0);
    assert_int_equal(d->total, 0);
    assert_int_equal(d->total_max, 6);
    assert_int_equal(d->left, 0);
    assert_int_equal(d->still, 6);
    assert_int_equal(d->n_flags_missed, 0);
    assert_int_equal(d->n_decisions, 0);
    assert_sums(d);
    sp_debrief_free(d);
    sp_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(best_path),
        cmocka_unit_test(poor_path),
        cmocka_unit_test(unfinished_path),
        cmocka_unit_test(empty_play),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
