/* test_flag_window.c: the red-flag window (session.h: a flag counts while its node is in the last two views) and the "not intended here" verdict worked out by hand on tests/data/session/oefen.xml, and the same verdicts from the core, the window's flag card, the debrief and the terminal (a --choices script through the program). */
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

#include "core/paths.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "gui/text.h"

#define CASE "tests/data/session/oefen.xml"

/*
 * The views of the path denk-hinder, plannen (worked by hand from the file):
 *   turn 1: start (rf.og-geen-tijd), denk (thought)
 *   turn 2: vraag (rf.opdracht-vaag)
 *   turn 3: gang (rf.randvoorwaarden), twijfel (rf.niet-pluis)
 * So a flag marked at turn t counts (P) when it is in the view of t or t - 1.
 * Outside that window it is "not intended here" (N) when it was listed
 * earlier on the path (rf.og-geen-tijd at turn 3: start) or an option of a
 * decision in the window names it in its feedback (vraag's "plannen" names
 * rf.niet-pluis: turn 2; at turn 3 twijfel lists it); otherwise a false
 * alarm (F).
 */
enum { P = SP_FLAG_PRESENT, N = SP_FLAG_NOT_INTENDED, F = SP_FLAG_FALSE_ALARM };
static const struct { const char *flag; int turn; const char *node; int verdict; } expect[] = {
    { "rf.og-geen-tijd", 1, "start", P },    { "rf.og-geen-tijd", 2, "start", P },  { "rf.og-geen-tijd", 3, "start", N },
    { "rf.opdracht-vaag", 1, NULL, F },      { "rf.opdracht-vaag", 2, "vraag", P }, { "rf.opdracht-vaag", 3, "vraag", P },
    { "rf.randvoorwaarden", 2, NULL, F },    { "rf.randvoorwaarden", 3, "gang", P },
    { "rf.niet-pluis", 1, NULL, F },         { "rf.niet-pluis", 2, "vraag", N },
    { "rf.niet-pluis", 3, "twijfel", P },    { "rf.integriteit", 2, NULL, F },
    { "rf.integriteit", 3, NULL, F },
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
        int f = sp_handbook_redflag(hb, expect[i].flag), got;
        int v = (int)sp_session_flag_verdict(s, f, expect[i].turn, &got);
        if (v != expect[i].verdict || got != node_id(expect[i].node))
            fail_msg("%s at turn %d: verdict %d node %d, expected %d %s", expect[i].flag, expect[i].turn, v, got,
                     expect[i].verdict, expect[i].node ? expect[i].node : "none");
        assert_int_equal(sp_session_flag_node(s, f, expect[i].turn), v == P ? got : -1);
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
    int recognised = 0, false_alarms = 0, not_intended = 0;
    for (int turn = 1; turn <= 3; turn++) {
        for (int i = 0; i < N_EXPECT; i++) {
            if (expect[i].turn != turn)
                continue;
            sp_flag_result r;
            assert_int_equal(sp_session_flag(s, sp_handbook_redflag(hb, expect[i].flag), &r), SP_OK);
            assert_int_equal(r.verdict, expect[i].verdict);
            assert_int_equal(r.recognised, expect[i].verdict == P);
            recognised += expect[i].verdict == P;
            false_alarms += expect[i].verdict == F;
            not_intended += expect[i].verdict == N;
        }
        if (turn < 3)
            choose(s, path[turn - 1]);
    }
    sp_debrief *d = sp_debrief_build(s);
    assert_non_null(d);
    assert_int_equal(d->n_recognised, recognised);
    assert_int_equal(d->n_false_alarms, false_alarms);
    assert_int_equal(d->n_not_intended, not_intended);
    for (int i = 0; i < d->n_not_intended; i++)
        assert_true(d->not_intended[i].node >= 0);
    for (int i = 0; i < d->n_recognised; i++)
        assert_true(d->recognised[i].node >= 0);
    sp_debrief_free(d);
    sp_session_free(s);
}

/* 1 when the card laid out at 1280x720 shows a text starting with prefix. */
static int card_says(sp_ui_app *a, const char *prefix)
{
    char err[256];
    assert_int_equal(TTF_Init(), 0);
    sp_gui_text *text = sp_gui_text_new(NULL, err, sizeof err);
    assert_non_null(text);
    sp_ui_metrics m;
    sp_gui_frame_metrics(text, a->settings.text_size, 1.0, 720, &m);
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_app_build(a, &m, 1280, 720, &l);
    int found = 0;
    for (int i = 0; i < l.n_cmds; i++)
        found |= l.cmds[i].kind == SP_UI_CMD_TEXT && strncmp(l.cmds[i].text, prefix, strlen(prefix)) == 0;
    sp_ui_list_free(&l);
    sp_gui_text_free(text);
    TTF_Quit();
    return found;
}

/* The window's flag card gives the verdict of the rule: marked one view
 * after the signal it is recognised; a flag an option here names but the
 * author lists elsewhere is "not intended here"; one with no tie a false alarm. */
static void test_window_flag_card(void **state)
{
    (void)state;
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/sp-flagwin-XXXXXX");
    assert_non_null(mkdtemp(dir));
    sp_ui_app a;
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", dir);
    sp_ui_app_init(&a, settings, dir);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_open(&a, CASE, d), SP_OK);
    sp_diag_free(d);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    int f = sp_handbook_redflag(a.sc->handbook, "rf.og-geen-tijd");
    sp_ui_app_action(&a, SP_UI_ACT_CHOOSE, 0);      /* turn 2: start's view is one back */
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_action(&a, SP_UI_ACT_MARK, f);
    assert_int_equal(a.overlay, SP_UI_OV_FLAG_RESULT);
    assert_true(a.flag_res.recognised);
    assert_true(card_says(&a, "Herkend"));
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_action(&a, SP_UI_ACT_MARK, sp_handbook_redflag(a.sc->handbook, "rf.niet-pluis"));
    assert_int_equal(a.flag_res.verdict, SP_FLAG_NOT_INTENDED);
    assert_true(card_says(&a, "Niet bedoeld hier"));
    assert_false(card_says(&a, "Vals alarm"));
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_action(&a, SP_UI_ACT_MARK, sp_handbook_redflag(a.sc->handbook, "rf.integriteit"));
    assert_int_equal(a.flag_res.verdict, SP_FLAG_FALSE_ALARM);
    assert_true(card_says(&a, "Vals alarm"));
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_free(&a);
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
    fprintf(f, "option denk-hinder\nflag rf.og-geen-tijd\noption plannen\nflag rf.og-geen-tijd\nflag rf.opdracht-vaag\n"
               "flag rf.integriteit\n");
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --lang nl play --text --choices %s %s 2>&1", bin, script, CASE);
    FILE *out = popen(cmd, "r");
    assert_non_null(out);
    char line[4096];
    int n = 0;
    const char *want[] = { "Herkend:", "Niet bedoeld hier:", "Herkend:", "Vals alarm:" };
    while (fgets(line, sizeof line, out))
        if (n < 4 && (strstr(line, "Herkend:") || strstr(line, "Vals alarm:") || strstr(line, "Niet bedoeld hier:"))) {
            assert_non_null(strstr(line, want[n]));
            n++;
        }
    pclose(out);
    unlink(script);
    assert_int_equal(n, 4);
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
