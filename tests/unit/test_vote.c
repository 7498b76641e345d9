/* test_vote.c: the room's votes: tally, majority and ties, override, dissent; votes on a transcript's choose steps through sync, write and read, and in the replay a group debrief reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/handbook.h"
#include "core/replay.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "core/vote.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *SC;

static int setup(void **state)
{
    (void)state;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml", &HB, &SC);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(SC);
    sp_handbook_free(HB);
    return 0;
}

/* ---- the tally, as a table --------------------------------------------------------- */

typedef struct tally_case {
    int votes[5], n;
    int total, top, n_top, majority;
} tally_case;

static void test_tally(void **state)
{
    (void)state;
    static const tally_case cases[] = {
        { { 3, 5, 1 }, 3, 9, 5, 1, 1 },
        { { 4, 4 }, 2, 8, 4, 2, -1 },          /* a tie: no majority */
        { { 2, 4, 4, 1 }, 4, 11, 4, 2, -1 },   /* tied at the top, not at the bottom */
        { { 0, 0, 0 }, 3, 0, 0, 3, -1 },       /* nobody voted: every option level */
        { { 0, 1 }, 2, 1, 1, 1, 1 },
        { { 7 }, 1, 7, 7, 1, 0 },
        { { 1, 1, 1, 1, 2 }, 5, 6, 2, 1, 4 },  /* a plurality is enough */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const tally_case *c = &cases[i];
        sp_vote_tally t = sp_vote_count(c->votes, c->n);
        if (t.total != c->total || t.top != c->top || t.n_top != c->n_top || t.majority != c->majority) {
            fprintf(stderr, "case %zu: total %d top %d n_top %d majority %d\n", i, t.total, t.top, t.n_top, t.majority);
            fail();
        }
    }
}

static void test_invalid_counts(void **state)
{
    (void)state;
    int neg[] = { 1, -1 }, big[] = { SP_VOTE_MAX_COUNT + 1, 0 }, ok[] = { SP_VOTE_MAX_COUNT, 0 };
    assert_false(sp_vote_valid(neg, 2));
    assert_false(sp_vote_valid(big, 2));
    assert_false(sp_vote_valid(ok, 0));
    assert_false(sp_vote_valid(NULL, 2));
    assert_false(sp_vote_valid(ok, SP_VOTE_MAX + 1));
    assert_true(sp_vote_valid(ok, 2));
    sp_vote_tally t = sp_vote_count(neg, 2);
    assert_int_equal(t.total, 0);
    assert_int_equal(t.majority, -1);
    int chosen = 7, over = 7;
    assert_int_equal(sp_vote_decide(neg, 2, -1, &chosen, &over), SP_EUSAGE);
    assert_int_equal(chosen, 7); /* untouched on failure */
}

static void test_override_and_dissent(void **state)
{
    (void)state;
    int v[] = { 3, 5, 1 };
    assert_false(sp_vote_is_override(v, 3, 1));
    assert_true(sp_vote_is_override(v, 3, 0));
    assert_true(sp_vote_is_override(v, 3, 2));
    assert_int_equal(sp_vote_dissent(v, 3, 1), 4);
    assert_int_equal(sp_vote_dissent(v, 3, 2), 8);
    assert_int_equal(sp_vote_dissent(v, 3, 3), 0); /* out of range */
    /* between tied options there is nothing to override */
    int tie[] = { 4, 1, 4 };
    assert_false(sp_vote_is_override(tie, 3, 0));
    assert_false(sp_vote_is_override(tie, 3, 2));
    assert_true(sp_vote_is_override(tie, 3, 1));
    int none[] = { 0, 0 };
    assert_false(sp_vote_is_override(none, 2, 1));
    assert_int_equal(sp_vote_dissent(none, 2, 1), 0);
}

static void test_decide(void **state)
{
    (void)state;
    int chosen, over;
    int v[] = { 3, 5, 1 };
    assert_int_equal(sp_vote_decide(v, 3, -1, &chosen, &over), SP_OK);
    assert_int_equal(chosen, 1);
    assert_false(over);
    assert_int_equal(sp_vote_decide(v, 3, 2, &chosen, &over), SP_OK);
    assert_int_equal(chosen, 2);
    assert_true(over);
    assert_int_equal(sp_vote_decide(v, 3, 3, &chosen, &over), SP_EUSAGE);
    int tie[] = { 4, 4 };
    assert_int_equal(sp_vote_decide(tie, 2, -1, &chosen, &over), SP_EUSAGE); /* the facilitator must pick */
    assert_int_equal(sp_vote_decide(tie, 2, 1, &chosen, &over), SP_OK);
    assert_int_equal(chosen, 1);
    assert_false(over);
    int none[] = { 0, 0, 0 };
    assert_int_equal(sp_vote_decide(none, 3, -1, &chosen, &over), SP_EUSAGE);
}

/* ---- votes in a transcript ----------------------------------------------------------- */

static int64_t clock_now;
static int64_t tick(void *ctx)
{
    (void)ctx;
    return clock_now += 20;
}

static int view_index(sp_session *s, const char *id)
{
    const sp_view *v = sp_session_view(s);
    for (int k = 0; k < v->n_options; k++)
        if (strcmp(v->options[k].id, id) == 0)
            return k;
    fail_msg("option %s is not offered", id);
    return -1;
}

/* Takes the option the votes decide (pick < 0: the majority) and puts
 * the votes on its step, as a host does. */
static void group_choose(sp_session *s, sp_transcript *t, const int *votes, int n, int pick)
{
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->n_options, n);
    int chosen, over;
    assert_int_equal(sp_vote_decide(votes, n, pick, &chosen, &over), SP_OK);
    int step = sp_session_log_count(s);
    assert_int_equal(sp_session_choose(s, v->options[chosen].option), SP_OK);
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_vote_attach(t, step, votes, n, over), SP_OK);
}

static void test_votes_in_transcript(void **state)
{
    (void)state;
    clock_now = 1714555800;
    sp_session *s = sp_session_new(SC, SP_LANG_NL);
    sp_session_set_clock(s, tick, NULL);
    sp_transcript *t = sp_transcript_new();
    t->mode = strdup("group");
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);

    /* denk: 2 options; the room wants denk-help */
    int v1[] = { 2, 7 };
    group_choose(s, t, v1, 2, -1);
    assert_string_equal(t->steps[0].option, "denk-help");
    /* a flag in the next turn: no votes there, and attach refuses it */
    assert_int_equal(sp_session_flag(s, sp_handbook_redflag(HB, "rf.og-geen-tijd"), NULL), SP_OK);
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_vote_attach(t, 1, v1, 2, 0), SP_EUSAGE);
    assert_int_equal(sp_vote_attach(t, 9, v1, 2, 0), SP_EUSAGE);
    /* vraag: the facilitator overrides the room */
    const sp_view *v = sp_session_view(s);
    int n = v->n_options;
    int votes[5] = { 0 };
    int plannen = view_index(s, "plannen"), kennis = view_index(s, "kennismaken");
    votes[kennis] = 6;
    votes[plannen] = 1;
    int bad[5] = { -1, 0, 0, 0, 0 };
    assert_int_equal(sp_vote_attach(t, 0, bad, n, 0), SP_EUSAGE);
    group_choose(s, t, votes, n, plannen);
    assert_true(t->steps[2].override);
    assert_int_equal(t->steps[2].n_votes, n);
    assert_int_equal(t->steps[2].votes[kennis], 6);

    /* sync keeps the votes of the steps that stay, after more steps and an undo */
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(t->n_steps, 4);
    assert_int_equal(t->steps[0].n_votes, 2);
    assert_int_equal(t->steps[2].n_votes, n);
    assert_true(t->steps[2].override);
    assert_int_equal(t->steps[3].n_votes, 0);
    group_choose(s, t, votes, n, -1); /* this time the majority: kennismaken */
    assert_false(t->steps[4].override);
    v = sp_session_view(s);
    while (v->kind != SP_VIEW_ENDING) {
        int w[5] = { 0 };
        w[0] = 3;
        w[v->n_options - 1] += 2;
        group_choose(s, t, w, v->n_options, -1);
        v = sp_session_view(s);
    }
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);

    /* written and read back, the votes and the override are there */
    size_t len;
    char *xml = sp_transcript_to_xml(t, &len);
    assert_non_null(xml);
    assert_non_null(strstr(xml, "votes=\"2 7\""));
    assert_non_null(strstr(xml, "override=\"yes\""));
    assert_non_null(strstr(xml, "mode=\"group\""));
    sp_transcript *back = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_read_mem("mem.xml", xml, len, &back, d), SP_OK);
    assert_int_equal(back->n_steps, t->n_steps);
    for (int i = 0; i < t->n_steps; i++) {
        assert_int_equal(back->steps[i].n_votes, t->steps[i].n_votes);
        assert_int_equal(back->steps[i].override, t->steps[i].override);
        for (int k = 0; k < t->steps[i].n_votes; k++)
            assert_int_equal(back->steps[i].votes[k], t->steps[i].votes[k]);
    }

    /* the replay a group debrief is built from: one decision per choice
     * still in effect, each with its votes; the undone override is gone */
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(back, SC, SP_LANG_NL, &r, d), SP_OK);
    assert_true(r->n_decisions >= 3);
    assert_int_equal(r->steps[0].n_votes, 2);
    assert_int_equal(r->steps[0].votes[1], 7);
    assert_int_equal(r->steps[1].n_votes, n);
    assert_false(r->steps[1].override);
    assert_int_equal(r->steps[1].votes[kennis], 6);
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *st = &r->steps[i];
        assert_int_equal(st->n_votes, st->n_offered);
        int chosen = -1;
        for (int k = 0; k < st->n_offered; k++)
            if (st->offered[k] == st->chosen)
                chosen = k;
        sp_vote_tally tl = sp_vote_count(st->votes, st->n_votes);
        assert_int_equal(chosen, tl.majority); /* every choice in effect followed the room */
    }
    sp_replay_free(r);

    /* clearing */
    assert_int_equal(sp_vote_attach(back, 0, NULL, 0, 1), SP_OK);
    assert_int_equal(back->steps[0].n_votes, 0);
    assert_false(back->steps[0].override);
    sp_diag_free(d);
    sp_transcript_free(back);
    free(xml);
    sp_transcript_free(t);
    sp_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tally),
        cmocka_unit_test(test_invalid_counts),
        cmocka_unit_test(test_override_and_dissent),
        cmocka_unit_test(test_decide),
        cmocka_unit_test(test_votes_in_transcript),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
