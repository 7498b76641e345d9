/* test_stats.c: statistics over the fixture plays in tests/data/replay/plays against figures worked out by hand, and against each play's own debrief. */
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
#include "core/replay.h"
#include "core/scenario.h"
#include "core/stats.h"
#include "core/transcript.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *KRUIS, *OMWEG;

static int setup(void **state)
{
    (void)state;
    char omweg[4200];
    snprintf(omweg, sizeof omweg, "%s/tests/data/replay/omweg.xml", testutil_root());
    if (testutil_load("scenarios/handbook.xml", "tests/data/replay/kruispunt.xml", &HB, &KRUIS) != 0)
        return -1;
    return testutil_load_scenario(omweg, testutil_schemas(), HB, &OMWEG);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(KRUIS);
    sp_scenario_free(OMWEG);
    sp_handbook_free(HB);
    return 0;
}

static sp_replay *replay_of(const char *name, sp_transcript **t, const sp_scenario *sc)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/replay/plays/%s.xml", testutil_root(), name);
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_transcript_read(path, t, d);
    sp_replay *r = NULL;
    if (rc == SP_OK)
        rc = sp_replay_build(*t, sc, SP_LANG_NL, &r, d);
    for (int i = 0; i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    assert_int_equal(rc, SP_OK);
    assert_int_equal(sp_diag_count(d), 0); /* no warning: the fixtures fit the case */
    sp_diag_free(d);
    return r;
}

static int node(const char *id) { return sp_scenario_node(KRUIS, id); }

static int chosen(const sp_stats *st, const char *node_id, const char *opt)
{
    int n = node(node_id);
    const sp_node *nd = &KRUIS->nodes[n];
    for (int i = 0; i < nd->n_options; i++)
        if (strcmp(nd->options[i].id, opt) == 0)
            return st->chosen[st->base[n] + i];
    fail_msg("no option %s at %s", opt, node_id);
    return -1;
}

static const char *const PLAYS[] = { "p1", "p2", "p3", "p4", "p5" };

/*
 * The five plays of kruispunt (see tests/data/replay/regen.sh):
 *   p1 mislukt samen toch-jansen kwartaal   rel 1 eig 2 hel -2 koers -3  total -2
 *   p2 doorbreken wachten bal teruggeven    rel 2 eig 3 hel  2 koers  4  total 11
 *   p3 doorbreken mailen persoon teruggeven rel -2 eig 1 hel 2 koers  4  total  5
 *   p4 mislukt wachten bal kwartaal         rel 2 eig 2 hel  1 koers -3  total  2
 *   p5 doorbreken samen (unfinished: counts in the decisions only)
 * Interventions on offer / missed (finished plays):
 *   p1 voorbereiden draagvlak exit (mailen not offered: rust 0) / voorbereiden exit
 *   p2 voorbereiden model duidelijk exit / model
 *   p3 voorbereiden model duidelijk exit / voorbereiden duidelijk
 *   p4 voorbereiden duidelijk exit / exit
 * Flags present / recognised: niet-lekker (turn 1) and og-geen-tijd (turn 2)
 * in every play, geen-eigenaar (met-jansen) in p2-p4; p1 marks og-geen-tijd,
 * p2 niet-lekker, p3 geen-eigenaar; p4 raises a false alarm (niet-pluis).
 */
static void kruispunt_figures(void **state)
{
    (void)state;
    sp_stats *st = sp_stats_new(KRUIS);
    assert_non_null(st);
    for (int i = 0; i < 5; i++) {
        sp_transcript *t = NULL;
        sp_replay *r = replay_of(PLAYS[i], &t, KRUIS);
        assert_int_equal(sp_stats_add(st, r, NULL), SP_OK);
        sp_replay_free(r);
        sp_transcript_free(t);
    }
    assert_int_equal(st->n_plays, 5);
    assert_int_equal(st->n_finished, 4);

    assert_int_equal(st->reached[node("gevoel")], 5);
    assert_int_equal(chosen(st, "gevoel", "mislukt"), 2);
    assert_int_equal(chosen(st, "gevoel", "doorbreken"), 3);
    assert_int_equal(st->reached[node("route")], 5);
    assert_int_equal(chosen(st, "route", "samen"), 2);
    assert_int_equal(chosen(st, "route", "wachten"), 2);
    assert_int_equal(chosen(st, "route", "mailen"), 1);
    assert_int_equal(st->reached[node("klaasen-alleen")], 1); /* p5 stopped there undecided */
    assert_int_equal(chosen(st, "klaasen-alleen", "toch-jansen"), 1);
    assert_int_equal(chosen(st, "klaasen-alleen", "verwijt"), 0);
    assert_int_equal(st->reached[node("met-jansen")], 3);
    assert_int_equal(chosen(st, "met-jansen", "bal"), 2);
    assert_int_equal(chosen(st, "met-jansen", "persoon"), 1);
    assert_int_equal(st->reached[node("besluit")], 4);
    assert_int_equal(chosen(st, "besluit", "teruggeven"), 2);
    assert_int_equal(chosen(st, "besluit", "kwartaal"), 2);
    assert_int_equal(st->endings[node("einde-goed")], 2);
    assert_int_equal(st->endings[node("einde-mager")], 2);

    int rel = sp_handbook_goal(HB, "relatie"), eig = sp_handbook_goal(HB, "eigenaarschap");
    int hel = sp_handbook_goal(HB, "helderheid"), koe = sp_handbook_goal(HB, "koers");
    assert_int_equal(st->goal_sum[rel], 3);
    assert_int_equal(st->goal_sum[eig], 8);
    assert_int_equal(st->goal_sum[hel], 3);
    assert_int_equal(st->goal_sum[koe], 2);
    assert_true(sp_stats_goal_mean(st, rel) == 0.75);
    assert_true(sp_stats_goal_mean(st, eig) == 2.0);
    assert_true(sp_stats_goal_mean(st, koe) == 0.5);
    assert_true(sp_stats_total_mean(st) == 4.0);

    /* Every play's figures, worked out by hand (see test_export.c for V:
     * besluit 3, met-jansen 6, klaasen-alleen 5, route 9, gevoel 11).
     * p1: mislukt left 3, samen 4, toch-jansen 0, kwartaal 6. p2 is the
     * expert route. p3: doorbreken 0, mailen 9 - (2 + 6) = 1, persoon
     * 6 - (-2 + 3) = 5, teruggeven 0. p4: mislukt 3, wachten 0, bal 0,
     * kwartaal 6. p5: doorbreken 0, samen 4, and stops at klaasen-alleen
     * with 5 still within reach. */
    static const int figs[5][4] = { /* score, left, still, max */
        { -2, 13, 0, 11 }, { 11, 0, 0, 11 }, { 5, 6, 0, 11 }, { 2, 9, 0, 11 }, { 2, 4, 5, 11 } };
    for (int i = 0; i < 5; i++) {
        const sp_stats_play *p = &st->plays[i];
        assert_int_equal(p->exact, 1);
        assert_int_equal(p->finished, i < 4);
        assert_int_equal(p->score, figs[i][0]);
        assert_int_equal(p->left, figs[i][1]);
        assert_int_equal(p->still, figs[i][2]);
        assert_int_equal(p->max, figs[i][3]);
    }
    assert_int_equal(st->left_sum, 13 + 0 + 6 + 9); /* over the finished plays */
    assert_int_equal(st->max_sum, 4 * 11);
    assert_int_equal(st->expert_sum[rel], 4 * 2);
    assert_int_equal(st->expert_sum[koe], 4 * 4);

    int want[][3] = { { sp_handbook_intervention(HB, "int.voorbereiden"), 4, 2 },
                      { sp_handbook_intervention(HB, "int.exit"), 4, 2 },
                      { sp_handbook_intervention(HB, "int.duidelijk"), 3, 1 },
                      { sp_handbook_intervention(HB, "int.model"), 2, 1 },
                      { sp_handbook_intervention(HB, "int.draagvlak"), 1, 0 },
                      { sp_handbook_intervention(HB, "int.kennismaken"), 0, 0 } };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_int_equal(st->iv_offered[want[i][0]], want[i][1]);
        assert_int_equal(st->iv_missed[want[i][0]], want[i][2]);
    }
    int order[64];
    int n = sp_stats_rank(st->iv_missed, HB->n_interventions, order);
    assert_int_equal(n, 4);
    /* ties keep handbook order: voorbereiden before exit, duidelijk before model */
    assert_string_equal(HB->interventions[order[0]].id, "int.voorbereiden");
    assert_string_equal(HB->interventions[order[1]].id, "int.exit");
    assert_string_equal(HB->interventions[order[2]].id, "int.duidelijk");
    assert_string_equal(HB->interventions[order[3]].id, "int.model");

    int lek = sp_handbook_redflag(HB, "rf.niet-lekker"), tijd = sp_handbook_redflag(HB, "rf.og-geen-tijd");
    int eigen = sp_handbook_redflag(HB, "rf.geen-eigenaar"), pluis = sp_handbook_redflag(HB, "rf.niet-pluis");
    assert_int_equal(st->flag_present[lek], 4);
    assert_int_equal(st->flag_missed[lek], 3);
    assert_int_equal(st->flag_present[tijd], 4);
    assert_int_equal(st->flag_missed[tijd], 3);
    assert_int_equal(st->flag_present[eigen], 3);
    assert_int_equal(st->flag_missed[eigen], 2);
    assert_int_equal(st->flag_present[pluis], 0);
    assert_int_equal(st->flag_false[pluis], 1);
    n = sp_stats_rank(st->flag_missed, HB->n_redflags, order);
    assert_int_equal(n, 3);
    assert_int_equal(order[2], eigen);

    /* Another case is refused. */
    sp_transcript *t = NULL;
    sp_replay *o = replay_of("o1", &t, OMWEG);
    assert_int_equal(sp_stats_add(st, o, NULL), SP_EINVAL);
    assert_int_equal(st->n_plays, 5);
    sp_replay_free(o);
    sp_transcript_free(t);
    sp_stats_free(st);
}

/* Per play, what the statistics count as missed is what the debrief lists. */
static void agrees_with_debrief(void **state)
{
    (void)state;
    for (int i = 0; i < 4; i++) {
        sp_transcript *t = NULL;
        sp_replay *r = replay_of(PLAYS[i], &t, KRUIS);
        sp_stats *st = sp_stats_new(KRUIS);
        assert_int_equal(sp_stats_add(st, r, NULL), SP_OK);
        sp_debrief *d = sp_debrief_build(r->s);
        int miss_iv = 0, miss_fl = 0, false_fl = 0;
        for (int k = 0; k < HB->n_interventions; k++)
            miss_iv += st->iv_missed[k];
        for (int k = 0; k < HB->n_redflags; k++) {
            miss_fl += st->flag_missed[k];
            false_fl += st->flag_false[k];
        }
        assert_int_equal(miss_iv, d->n_missed_interventions);
        for (int k = 0; k < d->n_missed_interventions; k++)
            assert_int_equal(st->iv_missed[d->missed_interventions[k]], 1);
        assert_int_equal(miss_fl, d->n_flags_missed);
        for (int k = 0; k < d->n_flags_missed; k++)
            assert_int_equal(st->flag_missed[d->flags_missed[k].flag], 1);
        assert_int_equal(false_fl, d->n_false_alarms);
        for (int g = 0; g < d->n_goals; g++)
            assert_int_equal(st->goal_sum[g], d->goals[g].score);
        assert_int_equal(st->total_sum, d->total);
        sp_debrief_free(d);
        sp_stats_free(st);
        sp_replay_free(r);
        sp_transcript_free(t);
    }
}

static void rank_edges(void **state)
{
    (void)state;
    int order[8];
    const int none[] = { 0, 0, 0 };
    assert_int_equal(sp_stats_rank(none, 3, order), 0);
    const int c[] = { 1, 0, 3, 1, 3, 2 };
    assert_int_equal(sp_stats_rank(c, 6, order), 5);
    const int want[] = { 2, 4, 5, 0, 3 };
    assert_memory_equal(order, want, sizeof want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kruispunt_figures),
        cmocka_unit_test(agrees_with_debrief),
        cmocka_unit_test(rank_edges),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
