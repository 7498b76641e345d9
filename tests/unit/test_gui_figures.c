/* test_gui_figures.c: the figures of a play in the window (issue 10): the debrief's chart grows negative bars left of a labelled zero line, its rows add up to the total row, its legend defines every number, the menu card and the list of plays show the debrief's own "score van max", and the feedback card names the stronger option with its score (a thought moment gets a score too). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL_ttf.h>

#include "ui/app.h"
#include "gui/frame.h"
#include "gui/text.h"
#include "gui_testutil.h"

static void build(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_build(a, l, 1920, 1080);
}

/* The first text command that starts with prefix, or NULL. */
static const sp_ui_cmd *text_starting(const sp_ui_list *l, const char *prefix)
{
    size_t n = strlen(prefix);
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && (size_t)l->cmds[i].len >= n &&
            strncmp(l->cmds[i].text, prefix, n) == 0)
            return &l->cmds[i];
    return NULL;
}

/* A text command that is exactly s on the same line as y (±2 px), or NULL. */
static const sp_ui_cmd *text_at_y(const sp_ui_list *l, const char *s, int y)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && l->cmds[i].len == (int)strlen(s) &&
            strncmp(l->cmds[i].text, s, strlen(s)) == 0 && abs(l->cmds[i].r.y - y) <= 2)
            return &l->cmds[i];
    return NULL;
}

/* Plays intake choosing option (k + turn) % n: some seed gives a goal below zero. */
static void play(sp_ui_app *a, int k)
{
    sp_ui_app_action(a, SP_UI_ACT_START, 0);
    if (a->overlay == SP_UI_OV_CONFIRM)
        sp_ui_app_action(a, SP_UI_ACT_CONFIRM, 0);
    sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
    while (!sp_session_finished(a->s)) {
        const sp_view *v = sp_ui_app_view(a);
        sp_ui_app_action(a, SP_UI_ACT_CHOOSE, (k + v->turn) % v->n_options);
        sp_ui_app_action(a, SP_UI_ACT_CLOSE, 0);
    }
    sp_ui_app_action(a, SP_UI_ACT_DEBRIEF, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_DEBRIEF);
}

static void test_debrief_chart_and_legend(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    int neg = -1;
    for (int k = 0; k < 6 && neg < 0; k++) {
        play(&a, k);
        for (int g = 0; g < a.debrief->n_goals; g++)
            if (a.debrief->goals[g].score < 0)
                neg = g;
        if (neg < 0)
            sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    }
    assert_true(neg >= 0);
    const sp_debrief *d = a.debrief;
    build(&a, &l);
    /* the zero line, labelled "0" just above it */
    const sp_ui_cmd *zero = NULL;
    for (int i = 0; i < l.n_cmds; i++)
        if (l.cmds[i].tag == SP_UI_TAG_ZERO)
            zero = &l.cmds[i];
    assert_non_null(zero);
    int labelled = 0;
    for (int i = 0; i < l.n_cmds; i++)
        if (l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].len == 1 && l.cmds[i].text[0] == '0' &&
            l.cmds[i].r.y + l.cmds[i].r.h <= zero->r.y + 2 && abs(l.cmds[i].r.x + l.cmds[i].r.w / 2 - zero->r.x) <= 2)
            labelled = 1;
    assert_true(labelled);
    /* a negative score grows left from the zero line; a positive one right */
    for (int i = 0; i < l.n_cmds; i++) {
        const sp_ui_cmd *c = &l.cmds[i];
        if (c->tag != SP_UI_TAG_BAR_YOU)
            continue;
        int score = 0;
        for (int g = 0; g < d->n_goals; g++)
            if (d->goals[g].goal == c->arg)
                score = d->goals[g].score;
        if (score < 0) {
            assert_true(c->r.w > 0);
            assert_int_equal(c->r.x + c->r.w, zero->r.x);
        } else {
            assert_int_equal(c->r.x, zero->r.x);
        }
    }
    /* the rows: each goal's score as a number; the total row holds their sum and the maximum */
    const sp_ui_cmd *tot = text_starting(&l, "Totaal");
    assert_non_null(tot);
    char buf[32];
    int sum = 0;
    for (int g = 0; g < d->n_goals; g++)
        sum += d->goals[g].score;
    snprintf(buf, sizeof buf, "%d", sum);
    assert_non_null(text_at_y(&l, buf, tot->r.y));
    snprintf(buf, sizeof buf, "%d", d->total_max);
    assert_non_null(text_at_y(&l, buf, tot->r.y));
    /* the summary and the legend, one sentence per figure */
    snprintf(buf, sizeof buf, "Je score: %d van max %d.", sum, d->total_max);
    assert_non_null(text_starting(&l, buf));
    assert_non_null(text_starting(&l, "Jij: "));
    assert_non_null(text_starting(&l, "Expertroute: "));
    assert_non_null(text_starting(&l, "0: "));
    assert_non_null(text_starting(&l, "Laten liggen: "));

    /* the menu card and the list of plays: the same score van max */
    int total = d->total, max = d->total_max;
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    build(&a, &l);
    snprintf(buf, sizeof buf, "Beste score: %d van max %d", a.cases[0].best, max);
    assert_non_null(text_starting(&l, buf));
    sp_ui_app_action(&a, SP_UI_ACT_PLAYS, 0);
    build(&a, &l);
    snprintf(buf, sizeof buf, "Score %d van max %d", total, max);
    assert_non_null(text_starting(&l, buf));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_feedback_names_the_stronger_option(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    int weak = 0, thoughts = 0, guard = 0;
    while (!sp_session_finished(a.s) && guard++ < 100) {
        const sp_view *v = sp_ui_app_view(&a);
        int was_thought = v->kind == SP_VIEW_THOUGHT;
        sp_ui_app_action(&a, SP_UI_ACT_CHOOSE, v->n_options - 1);
        assert_int_equal(a.overlay, SP_UI_OV_FEEDBACK);
        build(&a, &l);
        const sp_feedback *f = &sp_ui_app_view(&a)->feedback;
        char buf[64];
        snprintf(buf, sizeof buf, "Score van deze keuze: %+d", f->total);
        assert_non_null(text_starting(&l, buf));   /* thought moments too */
        thoughts += was_thought;
        if (a.judge.stronger >= 0) {
            const sp_node *nd = &a.sc->nodes[f->node];
            char want[256];
            snprintf(want, sizeof want, "Sterker was: “%.10s", sp_text_get(&nd->options[a.judge.stronger].text, SP_LANG_NL));
            assert_non_null(text_starting(&l, want));
            assert_true(a.judge.left > 0);
            weak++;
        } else {
            assert_null(text_starting(&l, "Sterker was:"));
        }
        sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    }
    assert_true(weak > 0);
    assert_true(thoughts > 0);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_debrief_chart_and_legend, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_feedback_names_the_stronger_option, gui_testutil_dir_up, gui_testutil_dir_down),
    };
    return cmocka_run_group_tests(tests, gui_testutil_fonts_up, gui_testutil_fonts_down);
}
