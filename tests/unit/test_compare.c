/* test_compare.c: the alignment of two plays on hand-made node sequences (parting, rejoining, crossing), and a real comparison with the expert path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/compare.h"
#include "core/handbook.h"
#include "core/replay.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "testutil.h"

/* ---- the alignment on its own ------------------------------------------------ */

/* An expected row: S same, O other option, P apart, A only a, B only b. */
typedef struct { int a, b; sp_align_kind k; } row;
#define S(a, b) { a, b, SP_ALIGN_SAME }
#define O(a, b) { a, b, SP_ALIGN_OTHER }
#define P(a, b) { a, b, SP_ALIGN_APART }
#define A(a) { a, -1, SP_ALIGN_ONLY_A }
#define B(b) { -1, b, SP_ALIGN_ONLY_B }

static void check(const int *a, const int *ao, int na, const int *b, const int *bo, int nb,
                  const row *want, int n_want)
{
    sp_align_row rows[64];
    int n = sp_compare_align(a, ao, na, b, bo, nb, rows);
    for (int i = 0; i < n && i < n_want; i++) {
        if (rows[i].a != want[i].a || rows[i].b != want[i].b || rows[i].kind != want[i].k)
            fail_msg("row %d: got (%d, %d, kind %d), want (%d, %d, kind %d)", i, rows[i].a,
                     rows[i].b, rows[i].kind, want[i].a, want[i].b, want[i].k);
    }
    assert_int_equal(n, n_want);
}

#define N(x) ((int)(sizeof x / sizeof x[0]))

static void part_and_rejoin(void **state)
{
    (void)state;
    /* The roads part after node 2 and meet again at 5; part once more after 6. */
    const int a[] = { 1, 2, 3, 5, 6, 9 };
    const int b[] = { 1, 2, 4, 7, 5, 6, 8, 9 };
    const row want[] = { S(0, 0), S(1, 1), P(2, 2), B(3), S(3, 4), S(4, 5), B(6), S(5, 7) };
    check(a, NULL, N(a), b, NULL, N(b), want, N(want));
    /* Mirrored, the only-rows change sides. */
    const row back[] = { S(0, 0), S(1, 1), P(2, 2), A(3), S(4, 3), S(5, 4), A(6), S(7, 5) };
    check(b, NULL, N(b), a, NULL, N(a), back, N(back));
}

static void options_at_shared_nodes(void **state)
{
    (void)state;
    const int a[] = { 10, 11, 12, 13 }, ao[] = { 0, 1, 0, 2 };
    const int b[] = { 10, 14, 12, 13 }, bo[] = { 0, 2, 1, 2 };
    const row want[] = { S(0, 0), P(1, 1), O(2, 2), S(3, 3) };
    check(a, ao, N(a), b, bo, N(b), want, N(want));
}

static void edges(void **state)
{
    (void)state;
    const int a[] = { 1, 2, 3 };
    const row only_a[] = { A(0), A(1), A(2) };
    check(a, NULL, N(a), NULL, NULL, 0, only_a, N(only_a));
    const row only_b[] = { B(0), B(1), B(2) };
    check(NULL, NULL, 0, a, NULL, N(a), only_b, N(only_b));
    check(NULL, NULL, 0, NULL, NULL, 0, NULL, 0);
    /* Nothing in common at all: side by side. */
    const int b[] = { 7, 8 };
    const row apart[] = { P(0, 0), P(1, 1), A(2) };
    check(a, NULL, N(a), b, NULL, N(b), apart, N(apart));
    /* Crossed: one of the two orders is kept (a's node 2 goes first). */
    const int c[] = { 1, 3, 2 };
    const row crossed[] = { S(0, 0), A(1), S(2, 1), B(2) };
    check(a, NULL, N(a), c, NULL, N(c), crossed, N(crossed));
    /* One play is a detour of the other. */
    const int d[] = { 1, 4, 5, 6, 3 };
    const row detour[] = { S(0, 0), P(1, 1), B(2), B(3), S(2, 4) };
    check(a, NULL, N(a), d, NULL, N(d), detour, N(detour));
}

/* ---- two plays of kruispunt ----------------------------------------------------- */

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

/* A replay of a play given as option ids, through an in-memory transcript. */
static sp_replay *played(sp_transcript **t, const char *const *ids)
{
    sp_session *s = sp_session_new(SC, SP_LANG_NL);
    for (const char *const *p = ids; *p; p++) {
        const sp_node *n = &SC->nodes[sp_session_view(s)->node];
        int k = 0;
        while (k < n->n_options && strcmp(n->options[k].id, *p) != 0)
            k++;
        assert_int_equal(sp_session_choose(s, k), SP_OK);
    }
    *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(*t, s), SP_OK);
    sp_session_free(s);
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(*t, SC, SP_LANG_NL, &r, NULL), SP_OK);
    return r;
}

static void poor_against_expert(void **state)
{
    (void)state;
    static const char *const poor[] = { "mislukt", "samen", "toch-jansen", "kwartaal", NULL };
    sp_transcript *t;
    sp_replay *a = played(&t, poor), *b = NULL;
    assert_int_equal(sp_replay_expert(SC, NULL, SP_LANG_NL, &b, NULL), SP_OK);
    sp_compare *c = NULL;
    assert_int_equal(sp_compare_build(a, b, &c), SP_OK);
    /* gevoel, route and besluit are met by both; klaasen-alleen stands
     * beside met-jansen; the endings differ. */
    const row want[] = { O(0, 0), O(1, 1), P(2, 2), O(3, 3), P(4, 4) };
    assert_int_equal(c->n_rows, N(want));
    for (int i = 0; i < c->n_rows; i++) {
        assert_int_equal(c->rows[i].a, want[i].a);
        assert_int_equal(c->rows[i].b, want[i].b);
        assert_int_equal(c->rows[i].kind, want[i].k);
    }
    /* A different thought alone does not part the roads; the answer to
     * Klaasen does, and besluit brings them together again. */
    assert_int_equal(c->first_split, 1);
    assert_int_equal(c->rejoin, 3);
    int rel = sp_handbook_goal(HB, "relatie"), eig = sp_handbook_goal(HB, "eigenaarschap");
    int hel = sp_handbook_goal(HB, "helderheid"), koe = sp_handbook_goal(HB, "koers");
    assert_int_equal(c->goal_a[rel], 1);
    assert_int_equal(c->goal_a[eig], 2);
    assert_int_equal(c->goal_a[hel], -2);
    assert_int_equal(c->goal_a[koe], -3);
    assert_int_equal(c->goal_b[rel], 2);
    assert_int_equal(c->goal_b[eig], 3);
    assert_int_equal(c->goal_b[hel], 2);
    assert_int_equal(c->goal_b[koe], 4);
    sp_compare_free(c);

    /* The same play twice agrees throughout. */
    assert_int_equal(sp_compare_build(a, a, &c), SP_OK);
    assert_int_equal(c->n_rows, 5);
    assert_int_equal(c->first_split, -1);
    assert_int_equal(c->rejoin, -1);
    sp_compare_free(c);

    /* Other choices on one road: no parting, the first other choice is named. */
    static const char *const same_road[] = { "doorbreken", "samen", "verwijt", "kwartaal", NULL };
    sp_transcript *t3;
    sp_replay *sr = played(&t3, same_road);
    assert_int_equal(sp_compare_build(a, sr, &c), SP_OK);
    assert_int_equal(c->first_split, 0);
    assert_int_equal(c->rejoin, -1);
    sp_compare_free(c);
    sp_replay_free(sr);
    sp_transcript_free(t3);

    /* Parting at route (same thought first) and meeting again at besluit. */
    static const char *const mid[] = { "mislukt", "wachten", "bal", "kwartaal", NULL };
    sp_transcript *t2;
    sp_replay *m = played(&t2, mid);
    assert_int_equal(sp_compare_build(a, m, &c), SP_OK);
    const row want2[] = { S(0, 0), O(1, 1), P(2, 2), S(3, 3), S(4, 4) };
    assert_int_equal(c->n_rows, N(want2));
    for (int i = 0; i < c->n_rows; i++)
        assert_int_equal(c->rows[i].kind, want2[i].k);
    assert_int_equal(c->first_split, 1);
    assert_int_equal(c->rejoin, 3);
    sp_compare_free(c);
    sp_replay_free(m);
    sp_transcript_free(t2);
    sp_replay_free(a);
    sp_replay_free(b);
    sp_transcript_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(part_and_rejoin),
        cmocka_unit_test(options_at_shared_nodes),
        cmocka_unit_test(edges),
        cmocka_unit_test(poor_against_expert),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
