/* test_flag_window.c: the red-flag window (session.h: a flag counts while its node is in the last two views) worked out by hand on tests/data/session/oefen.xml, and the same verdicts from the core, the window's flag card, the debrief and the terminal (a --choices script through the program). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL_ttf.h>

#include "app/paths.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "gui/app.h"

#define CASE "tests/data/session/oefen.xml"

/*
 * The views of the path denk-hinder, plannen (worked by hand from the file):
 *   turn 1: start (rf.og-geen-tijd), denk (thought)
 *   turn 2: vraag (rf.opdracht-vaag)
 *   turn 3: gang (rf.randvoorwaarden), twijfel (rf.niet-pluis)
 * So a flag marked at turn t counts when it is in the view of t or t - 1.
 */
static const struct { const char *flag; int turn; const char *node; } expect[] = {
    { "rf.og-geen-tijd", 1, "start" },   { "rf.og-geen-tijd", 2, "start" },   { "rf.og-geen-tijd", 3, NULL },
    { "rf.opdracht-vaag", 1, NULL },     { "rf.opdracht-vaag", 2, "vraag" },  { "rf.opdracht-vaag", 3, "vraag" },
    { "rf.randvoorwaarden", 2, NULL },   { "rf.randvoorwaarden", 3, "gang" },
    { "rf.niet-pluis", 1, NULL },        { "rf.niet-pluis", 3, "twijfel" },
};
enum { N_EXPECT = sizeof expect / sizeof expect[0] };

static sp_handbook *hb;
static sp_scenario *sc;

static int setup(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    int ok = sp_paths_load_handbook(&hb, d) == SP_OK && sp_paths_load_scenario(CASE, hb, &sc, d) == SP_OK;
    sp_diag_free(d);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(sc);
    sp_handbook_free(hb);
    return 0;
}

static void choose(sp_session *s, const char *id)
{
    const sp_view *v = sp_session_view(s);
    for (int i = 0; i < v->n_options; i++)
        if (strcmp(v->options[i].id, id) == 0) {
            assert_int_equal(sp_session_choose(s, v->options[i].option), SP_OK);
            return;
        }
    fail_msg("no option %s", id);
}

static int node_id(const char *id)
{
    return id ? sp_scenario_node(sc, id) : -1;
}

static void test_core_rule_by_hand(void **state)
{
    (void)state;
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    choose(s, "denk-hinder");
    choose(s, "plannen");
    assert_int_equal(sp_session_turn(s), 3);
    for (int i = 0; i < N_EXPECT; i++) {
        int got = sp_session_flag_node(s, sp_handbook_redflag(hb, expect[i].flag), expect[i].turn);
        if (got != node_id(expect[i].node))
            fail_msg("%s at turn %d: node %d, expected %s", expect[i].flag, expect[i].turn, got,
                     expect[i].node ? expect[i].node : "none");
    }
    sp_session_free(s);
}

/* Marks every expectation at its turn in a live session (the window's way,
 * through sp_session_flag) and checks the verdict, then the debrief's. */
static void test_session_and_debrief_agree(void **state)
{
    (void)state;
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    const char *path[] = { "denk-hinder", "plannen" };
    int recognised = 0, false_alarms = 0;
    for (int turn = 1; turn <= 3; turn++) {
        for (int i = 0; i < N_EXPECT; i++) {
            if (expect[i].turn != turn)
                continue;
            sp_flag_result r;
            assert_int_equal(sp_session_flag(s, sp_handbook_redflag(hb, expect[i].flag), &r), SP_OK);
            assert_int_equal(r.recognised, expect[i].node != NULL);
            recognised += expect[i].node != NULL;
            false_alarms += expect[i].node == NULL;
        }
        if (turn < 3)
            choose(s, path[turn - 1]);
    }
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->n_recognised, recognised);
    assert_int_equal(d->n_false_alarms, false_alarms);
    for (int i = 0; i < d->n_recognised; i++)
        assert_true(d->recognised[i].node >= 0);
    sp_debrief_free(d);
    sp_session_free(s);
}

/* The window's flag card gives the verdict of the rule: marked one view
 * after the signal it is recognised, two views after a false alarm. */
static void test_window_flag_card(void **state)
{
    (void)state;
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/sp-flagwin-XXXXXX");
    assert_non_null(mkdtemp(dir));
    sp_gui_app a;
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", dir);
    sp_gui_app_init(&a, settings, dir);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_gui_app_open(&a, CASE, d), SP_OK);
    sp_diag_free(d);
    sp_gui_app_action(&a, SP_GUI_ACT_BEGIN, 0);
    int f = sp_handbook_redflag(a.sc->handbook, "rf.og-geen-tijd");
    sp_gui_app_action(&a, SP_GUI_ACT_CHOOSE, 0);      /* turn 2: start's view is one back */
    sp_gui_app_action(&a, SP_GUI_ACT_CLOSE, 0);
    sp_gui_app_action(&a, SP_GUI_ACT_MARK, f);
    assert_int_equal(a.overlay, SP_GUI_OV_FLAG_RESULT);
    assert_true(a.flag_res.recognised);
    sp_gui_app_action(&a, SP_GUI_ACT_CLOSE, 0);
    sp_gui_app_free(&a);
    char p[128];
    snprintf(p, sizeof p, "rm -rf %s", dir);
    assert_int_equal(system(p), 0);
}

/* The terminal: the same marks in a --choices script, through the program. */
static void test_terminal_says_the_same(void **state)
{
    (void)state;
    const char *bin = getenv("SAMENSPEL");
    if (!bin)
        bin = "./samenspel";
    assert_int_equal(access(bin, X_OK), 0);
    char script[] = "/tmp/sp-flagwin-XXXXXX";
    int fd = mkstemp(script);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "option denk-hinder\nflag rf.og-geen-tijd\noption plannen\nflag rf.og-geen-tijd\nflag rf.opdracht-vaag\n");
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --lang nl play --text --choices %s %s 2>&1", bin, script, CASE);
    FILE *out = popen(cmd, "r");
    assert_non_null(out);
    char line[4096];
    int n = 0;
    const char *want[] = { "Herkend:", "Vals alarm:", "Herkend:" };
    while (fgets(line, sizeof line, out))
        if (n < 3 && (strstr(line, "Herkend:") || strstr(line, "Vals alarm:"))) {
            assert_non_null(strstr(line, want[n]));
            n++;
        }
    pclose(out);
    unlink(script);
    assert_int_equal(n, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_core_rule_by_hand),
        cmocka_unit_test(test_session_and_debrief_agree),
        cmocka_unit_test(test_window_flag_card),
        cmocka_unit_test(test_terminal_says_the_same),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
