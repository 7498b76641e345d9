/* test_debrief.c: debrief figures for three scripted plays of tests/data/session/oefen.xml, worked out by hand. */
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
 * Goal maxima over all paths, conditions ignored: relatie 0+2+1 = 3,
 * eigenaarschap 1, helderheid 2+2 = 4, koers 1+2 = 3; total 1+3+3 = 7.
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

static void assert_goal(const sp_debrief *d, const char *goal, int score, int best, int max)
{
    const sp_debrief_goal *g = &d->goals[G(goal)];
    assert_int_equal(g->goal, G(goal));
    if (g->score != score || g->best != best || g->max != max)
        fail_msg("goal %s: score %d best %d max %d, expected %d %d %d",
                 goal, g->score, g->best, g->max, score, best, max);
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
    /*            score best max
     * relatie      0   0+2+1=3   3
     * eigenaarsch  1   1         1
     * helderheid   4   2+2=4     4
     * koers        1   1         3 */
    assert_goal(d, "relatie", 0, 3, 3);
    assert_goal(d, "eigenaarschap", 1, 1, 1);
    assert_goal(d, "helderheid", 4, 4, 4);
    assert_goal(d, "koers", 1, 1, 3);
    assert_int_equal(d->total, 6);
    assert_int_equal(d->total_best, 6);
    assert_int_equal(d->total_max, 7);
    assert_int_equal(d->n_missed, 0);
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

/* The poor play, with flags: one recognised, one false alarm, and an undo. */
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
     * Best on offer: denk {koers 1}; vraag without doorvragen {rel 2, hel 0};
     * twijfel {rel 1, koers 2}. */
    assert_goal(d, "relatie", 1, 3, 3);
    assert_goal(d, "eigenaarschap", 0, 0, 1);
    assert_goal(d, "helderheid", -2, 0, 4);
    assert_goal(d, "koers", -3, 3, 3);
    assert_int_equal(d->total, -4);
    assert_int_equal(d->total_best, 1 + 2 + 3);
    assert_int_equal(d->n_missed, 3);
    assert_int_equal(d->missed[0].turn, 1);
    assert_int_equal(d->missed[0].chosen, OPT("denk", "denk-hinder"));
    assert_int_equal(d->missed[0].best, OPT("denk", "denk-help"));
    assert_int_equal(d->missed[0].diff, 2);
    assert_int_equal(d->missed[1].node, N("vraag"));
    assert_int_equal(d->missed[1].best, OPT("vraag", "kennismaken"));
    assert_int_equal(d->missed[1].diff, 3);
    assert_int_equal(d->missed[2].node, N("twijfel"));
    assert_int_equal(d->missed[2].best, OPT("twijfel", "benoemen"));
    assert_int_equal(d->missed[2].diff, 5);
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
    assert_int_equal(d->n_false_alarms, 1);
    assert_int_equal(d->false_alarms[0].flag, RF("rf.niet-pluis"));
    assert_int_equal(d->false_alarms[0].turn, 2);
    assert_int_equal(d->false_alarms[0].node, N("vraag"));
    /* opdracht-vaag (turn 2) and niet-pluis (turn 3, at twijfel): the false
     * alarm in turn 2 does not count for the niet-pluis of turn 3. */
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
    assert_goal(d, "relatie", 2, 2, 3);
    assert_goal(d, "koers", -1, 1, 3);
    assert_int_equal(d->total, 1);
    assert_int_equal(d->total_best, 3);
    assert_int_equal(d->n_missed, 1);
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
    assert_int_equal(d->n_missed, 2);
    assert_int_equal(d->missed[1].best, OPT("afspraak", "vastleggen"));
    assert_int_equal(d->missed[1].diff, 2);
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
    assert_int_equal(d->total_best, 0);
    assert_int_equal(d->total_max, 7);
    assert_int_equal(d->n_flags_missed, 0);
    assert_int_equal(d->n_missed, 0);
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
