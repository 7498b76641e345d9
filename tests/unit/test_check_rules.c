/* test_check_rules.c: which example route and which detour `check` names when several fit (docs/scenario-format.md, "Which example check names"), on small cases worked out by hand, by both of check's paths; and both paths when memory runs out at each allocation in turn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/alloc.h"
#include "core/analysis.h"
#include "core/analysis_internal.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "testutil.h"

/* A case of the given variables and nodes (the rest of the file around them). */
static sp_scenario *load(const char *vars, const char *nodes)
{
    testutil_text b = { 0 };
    testutil_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"regels\" "
                 "phase=\"intake\" version=\"1\" start=\"s\">\n"
                 "<title>Regels</title><summary>Met de hand.</summary>\n"
                 "<briefing><you>Jij.</you><meet>Niemand.</meet><situation>Test.</situation>"
                 "<aim>Zien.</aim></briefing>\n"
                 "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#000000\">"
                 "<name>Jij</name></person></cast>\n<variables>%s</variables>\n%s</scenario>\n",
                 vars, nodes);
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("regels.xml", b.s, b.len, testutil_schemas(), testutil_hb, &sc, d);
    for (int i = 0; rc != SP_OK && i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    sp_diag_free(d);
    free(b.s);
    assert_int_equal(rc, SP_OK);
    return sc;
}

/* An option: id, target, own total (one score on relatie), extra XML
 * (a condition attribute goes in cond, effects in fx). */
#define OPT(id, to, cond, delta, fx)                                                          \
    "<option id=\"" id "\" to=\"" to "\"" cond "><text>T</text><score goal=\"relatie\" delta=\"" \
    delta "\"/>" fx "<feedback>f</feedback></option>"
#define END(id, kind) "<node id=\"" id "\"><ending id=\"e_" id "\" kind=\"" kind "\"><title>E</title>" \
                      "<evaluation>E.</evaluation></ending></node>\n"

static const sp_check_path PATHS[] = { SP_CHECK_SEARCH, SP_CHECK_DENSE, SP_CHECK_AUTO };

/* The route as "option > option", by option id. */
static void route_text(const sp_scenario *sc, const sp_apath *p, char *out, size_t n)
{
    out[0] = 0;
    for (int i = 0; i < p->n; i++) {
        size_t at = strlen(out);
        snprintf(out + at, n - at, "%s%s", i ? " > " : "", sc->nodes[p->nodes[i]].options[p->options[i]].id);
    }
}

static const sp_ending_fit *ending(const sp_check *c, const sp_scenario *sc, const char *node)
{
    for (int i = 0; i < c->n_endings; i++)
        if (c->endings[i].node == sp_scenario_node(sc, node))
            return &c->endings[i];
    fail_msg("ending %s not listed", node);
    return NULL;
}

/*
 * Every route scores 0, so every route to an ending has its lowest total.
 * (b1 and a1 lead to e3 with -1.) Into e1: from b (s0) and from a (s1); b comes first in the file, so the
 * example is s0 > b0, although a depth-first search meets b first and
 * finishes a later (the old rule, "the parent finished last", named s1 > a0).
 * Into e2: from m with x = 1 (s2) and with x = 2 (s3), the same node, so the
 * lower value wins: s2 > m0 (the search meets m with x = 1 first, and the
 * old rule named s3 > m0). Within m, m0 and m1 both lead to e2: the first
 * option. x matters at m: m1's condition reads it.
 */
static void example_route_rule(void **state)
{
    (void)state;
    sp_scenario *sc = load("<var name=\"x\" init=\"0\" min=\"0\" max=\"3\"/>",
        "<node id=\"s\"><decision>"
        OPT("s0", "b", "", "0", "") OPT("s1", "a", "", "0", "")
        OPT("s2", "m", "", "0", "<set var=\"x\" value=\"1\"/>")
        OPT("s3", "m", "", "0", "<set var=\"x\" value=\"2\"/>")
        "</decision></node>\n"
        "<node id=\"b\"><decision>" OPT("b0", "e1", "", "0", "") OPT("b1", "e3", "", "-1", "") "</decision></node>\n"
        "<node id=\"a\"><decision>" OPT("a0", "e1", "", "0", "") OPT("a1", "e3", "", "-1", "") "</decision></node>\n"
        "<node id=\"m\"><decision>" OPT("m0", "e2", "", "0", "") OPT("m1", "e2", " if=\"x &gt;= 1\"", "0", "")
        "</decision></node>\n"
        END("e1", "good") END("e2", "poor") END("e3", "mixed"));
    for (size_t p = 0; p < sizeof PATHS / sizeof PATHS[0]; p++) {
        sp_check *c = NULL;
        assert_int_equal(sp_check_run_path(sc, NULL, PATHS[p], &c), SP_OK);
        char r[256];
        const sp_ending_fit *e1 = ending(c, sc, "e1"), *e2 = ending(c, sc, "e2");
        assert_int_equal(e1->lo, 0);
        assert_int_equal(e1->hi, 0);
        route_text(sc, &e1->lo_path, r, sizeof r);
        assert_string_equal(r, "s0 > b0");
        route_text(sc, &e2->lo_path, r, sizeof r);
        assert_string_equal(r, "s2 > m0");
        sp_check_free(c);
    }
    sp_scenario_free(sc);
}

/*
 * d is met with x = 1 (s0) and x = 2 (s1). At both, d0 has the highest own
 * total (+1, and its route ends there: 1) but d1 (0) earns more through p:
 * with x = 1 only p1 (+2) is offered, so 0 + 2 = 2; with x = 2 p0 (+3) is
 * too, so 3. The detour is named from the lower value: route value 2. (The
 * search finishes d with x = 2 last, and the old rule, "nearest the start",
 * named that one: 3.)
 */
static void detour_rule(void **state)
{
    (void)state;
    sp_scenario *sc = load("<var name=\"x\" init=\"0\" min=\"0\" max=\"3\"/>",
        "<node id=\"s\"><decision>"
        OPT("s0", "d", "", "0", "<set var=\"x\" value=\"1\"/>")
        OPT("s1", "d", "", "0", "<set var=\"x\" value=\"2\"/>")
        "</decision></node>\n"
        "<node id=\"d\"><decision>" OPT("d0", "e", "", "1", "") OPT("d1", "p", "", "0", "") "</decision></node>\n"
        "<node id=\"p\"><decision>" OPT("p0", "e", " if=\"x &gt;= 2\"", "3", "") OPT("p1", "e", "", "2", "")
        "</decision></node>\n"
        END("e", "good"));
    for (size_t p = 0; p < sizeof PATHS / sizeof PATHS[0]; p++) {
        sp_check *c = NULL;
        assert_int_equal(sp_check_run_path(sc, NULL, PATHS[p], &c), SP_OK);
        assert_int_equal(c->n_detours, 1);
        const sp_detour *dt = &c->detours[0];
        assert_int_equal(dt->node, sp_scenario_node(sc, "d"));
        assert_int_equal(dt->answer, 0);
        assert_int_equal(dt->answer_total, 1);
        assert_int_equal(dt->answer_value, 1);
        assert_int_equal(dt->route, 1);
        assert_int_equal(dt->route_total, 0);
        assert_int_equal(dt->route_value, 2);
        sp_check_free(c);
    }
    sp_scenario_free(sc);
}

/*
 * A decision that can offer nothing: q's options need x >= 2 and x == 3, and q
 * is met with x = 1 by s1 and by s2 > r0. The search names the route that
 * takes the earliest options: s1 (s0 leads elsewhere). The dense passes
 * give way to the search here (SP_EUSAGE), and AUTO names the same.
 */
static void dead_end_rule(void **state)
{
    (void)state;
    sp_scenario *sc = load("<var name=\"x\" init=\"0\" min=\"0\" max=\"3\"/>",
        "<node id=\"s\"><decision>"
        OPT("s0", "e", "", "0", "")
        OPT("s1", "q", "", "0", "<set var=\"x\" value=\"1\"/>")
        OPT("s2", "r", "", "0", "")
        "</decision></node>\n"
        "<node id=\"r\"><decision>" OPT("r0", "q", "", "0", "<set var=\"x\" value=\"1\"/>") OPT("r1", "e", "", "0", "")
        "</decision></node>\n"
        "<node id=\"q\"><decision>" OPT("q0", "e", " if=\"x &gt;= 2\"", "0", "") OPT("q1", "e", " if=\"x == 3\"", "0", "")
        "</decision></node>\n"
        END("e", "good"));
    sp_check *c = NULL;
    assert_int_equal(sp_check_run_path(sc, NULL, SP_CHECK_DENSE, &c), SP_EUSAGE);
    assert_null(c);
    for (int p = 0; p < 2; p++) {
        assert_int_equal(sp_check_run_path(sc, NULL, p ? SP_CHECK_AUTO : SP_CHECK_SEARCH, &c), SP_OK);
        assert_int_equal(c->n_dead, 1);
        assert_int_equal(c->dead[0].node, sp_scenario_node(sc, "q"));
        char r[256];
        route_text(sc, &c->dead[0].path, r, sizeof r);
        assert_string_equal(r, "s1");
        assert_int_equal(c->dead[0].vars[0], 1);
        sp_check_free(c);
    }
    sp_scenario_free(sc);
}

/* ---- out of memory ---------------------------------------------------------- */

/* A hook that passes to libc (so blocks made before or after it mix), counts
 * the blocks alive and refuses the fail_at-th request. */
static struct {
    long calls, fail_at, live;
} OOM;

static void *oom_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        OOM.live -= ptr != NULL;
        free(ptr);
        return NULL;
    }
    if (++OOM.calls == OOM.fail_at)
        return NULL;
    void *p = realloc(ptr, size);
    OOM.live += p && !ptr;
    return p;
}

/* Every allocation of `check` on sc refused in turn, by each path: the
 * answer is SP_ENOMEM (never a crash, never SP_EUSAGE: running out of
 * memory is not "the dense passes cannot do this case"), nothing is left
 * allocated; with none refused, SP_OK. Returns how many runs were made. */
static int sweep(const sp_scenario *sc, sp_check_path path)
{
    int runs = 0;
    for (long n = 1;; n++, runs++) {
        OOM.calls = OOM.live = 0;
        OOM.fail_at = n;
        sp_alloc_set(oom_alloc, NULL);
        sp_check *c = NULL;
        sp_status rc = sp_check_run_path(sc, NULL, path, &c);
        sp_check_free(c);
        long calls = OOM.calls, live = OOM.live;
        sp_alloc_set(NULL, NULL);
        if (live != 0)
            fail_msg("path %d, request %ld refused: %ld blocks left", (int)path, n, live);
        if (n > calls) {
            assert_int_equal(rc, SP_OK);
            return runs;
        }
        if (rc != SP_ENOMEM)
            fail_msg("path %d, request %ld of %ld refused: status %d, not SP_ENOMEM", (int)path, n, calls, (int)rc);
    }
}

static void out_of_memory(void **state)
{
    (void)state;
    sp_scenario *sc = load("<var name=\"x\" init=\"0\" min=\"0\" max=\"3\"/>",
        "<node id=\"s\"><decision>"
        OPT("s0", "d", "", "0", "<set var=\"x\" value=\"1\"/>")
        OPT("s1", "d", "", "0", "<set var=\"x\" value=\"2\"/>")
        "</decision></node>\n"
        "<node id=\"d\"><decision>" OPT("d0", "e", "", "1", "") OPT("d1", "p", "", "0", "") "</decision></node>\n"
        "<node id=\"p\"><decision>" OPT("p0", "e", " if=\"x &gt;= 2\"", "3", "") OPT("p1", "f", "", "2", "")
        "</decision></node>\n"
        END("e", "good") END("f", "poor"));
    for (size_t p = 0; p < sizeof PATHS / sizeof PATHS[0]; p++)
        assert_true(sweep(sc, PATHS[p]) > 20);
    sp_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_route_rule),
        cmocka_unit_test(detour_rule),
        cmocka_unit_test(dead_end_rule),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, testutil_hb_setup, testutil_hb_teardown);
}
