/* test_gui_dialogs.c: the window's dialogs as keys meet them (issue 12): Esc closes the innermost dialog only (solo and group play), a dialog takes the toast away and the hover remembered from the screen before, and a dialog laid out twice in a row is the same layout (it never jumps). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/handbook.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "ui/group.h"
#include "gui/projector.h"
#include "gui/text.h"
#include "gui_testutil.h"

/* The small example case (a thought, a decision, an ending): the dialogs
 * over it are the intake's, at a fraction of the cost under valgrind. */
static void open_example(sp_ui_app *a)
{
    static char path[1024];
    const char *root = getenv("SAMENSPEL_DATA");
    snprintf(path, sizeof path, "%s/tests/data/gui/voorbeeld.xml", root && *root ? root : ".");
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_open(a, path, d), SP_OK);
    sp_diag_free(d);
    assert_int_equal(a->screen, SP_UI_SCREEN_BRIEFING);
}

static void build(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_build(a, l, 1280, 720);
}

static void key(sp_ui_app *a, sp_ui_list *l, sp_ui_key k, int ch)
{
    build(a, l);
    sp_ui_app_key(a, l, k, ch);
}

static int count_tag(const sp_ui_list *l, sp_ui_tag tag)
{
    int n = 0;
    for (int i = 0; i < l->n_cmds; i++)
        n += l->cmds[i].tag == tag;
    return n;
}

/* Two lists hold the same drawing: every command in the same place, of the
 * same size, with the same text; and the same hits. */
static void assert_same_layout(const sp_ui_list *x, const sp_ui_list *y, const char *what)
{
    int same = x->n_cmds == y->n_cmds && x->n_hits == y->n_hits;
    for (int i = 0; same && i < x->n_cmds; i++) {
        const sp_ui_cmd *p = &x->cmds[i], *q = &y->cmds[i];
        same = p->kind == q->kind && p->tag == q->tag && p->font == q->font && p->len == q->len &&
               memcmp(&p->r, &q->r, sizeof p->r) == 0 &&
               (p->kind != SP_UI_CMD_TEXT || memcmp(p->text, q->text, (size_t)p->len) == 0);
        if (!same)
            fprintf(stderr, "%s: command %d moved: %d,%d %dx%d then %d,%d %dx%d\n", what, i, p->r.x, p->r.y,
                    p->r.w, p->r.h, q->r.x, q->r.y, q->r.w, q->r.h);
    }
    for (int i = 0; same && i < x->n_hits; i++)
        same = memcmp(&x->hits[i].r, &y->hits[i].r, sizeof x->hits[i].r) == 0 &&
               x->hits[i].action == y->hits[i].action && x->hits[i].enabled == y->hits[i].enabled;
    if (!same)
        fprintf(stderr, "%s: two layouts in a row differ (%d/%d commands, %d/%d hits)\n", what, x->n_cmds,
                y->n_cmds, x->n_hits, y->n_hits);
    assert_true(same);
}

/* The window's two frames after a key, at three sizes: the same. */
static void assert_steady(sp_ui_app *a, const char *what)
{
    static const int sizes[][2] = { { 800, 600 }, { 1152, 648 }, { 1920, 1080 } };
    sp_ui_list one, two;
    sp_ui_list_init(&one);
    sp_ui_list_init(&two);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        gui_testutil_build(a, &one, sizes[s][0], sizes[s][1]);
        gui_testutil_build(a, &two, sizes[s][0], sizes[s][1]);
        assert_same_layout(&one, &two, what);
    }
    sp_ui_list_free(&one);
    sp_ui_list_free(&two);
}

/* The wall's two frames (its layout tries type sizes and columns in turn). */
static void assert_wall_steady(sp_ui_app *a, const char *what)
{
    sp_ui_list one, two;
    sp_ui_list_init(&one);
    sp_ui_list_init(&two);
    sp_gui_projector_layout_wall(a, gui_testutil_text, 1920, 1080, &one);
    sp_gui_projector_layout_wall(a, gui_testutil_text, 1920, 1080, &two);
    assert_same_layout(&one, &two, what);
    sp_ui_list_free(&one);
    sp_ui_list_free(&two);
}

/* Plays option 1 to the ending, then Enter to the debrief. */
static void play_to_debrief(sp_ui_app *a, sp_ui_list *l)
{
    for (int guard = 0; !sp_session_finished(a->s); guard++) {
        key(a, l, SP_UI_KEY_CHAR, '1');
        if (a->overlay == SP_UI_OV_FEEDBACK)
            key(a, l, SP_UI_KEY_ENTER, 0);
        assert_true(guard < 500);
    }
    key(a, l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_DEBRIEF);
}

/* Opens a dialog with `open`, checks that it is open and steady, and that
 * one Esc closes it and nothing else: the screen (and the dialog under it,
 * if any) stays. */
static void esc_closes(sp_ui_app *a, sp_ui_list *l, sp_ui_key k, int ch, sp_ui_overlay ov, const char *what)
{
    sp_ui_screen screen = a->screen;
    sp_ui_overlay under = a->overlay;
    key(a, l, k, ch);
    assert_int_equal(a->overlay, ov);
    assert_steady(a, what);
    key(a, l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a->overlay, under);
    assert_int_equal(a->screen, screen);
}

/* 1 when a text of l contains s. */
static int shows(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strstr(l->cmds[i].text, s))
            return 1;
    return 0;
}

static void test_esc_closes_the_innermost_dialog(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    key(&a, &l, SP_UI_KEY_CHAR, 's');
    build(&a, &l);
    assert_false(shows(&l, gui_testutil_dir));    /* the settings show no file path */
    assert_false(shows(&l, "settings.ini"));
    key(&a, &l, SP_UI_KEY_ESC, 0);
    esc_closes(&a, &l, SP_UI_KEY_CHAR, 's', SP_UI_OV_SETTINGS, "settings from the menu");
    open_example(&a);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    esc_closes(&a, &l, SP_UI_KEY_ESC, 0, SP_UI_OV_PAUSE, "pause");
    esc_closes(&a, &l, SP_UI_KEY_CHAR, 'h', SP_UI_OV_HISTORY, "history");
    esc_closes(&a, &l, SP_UI_KEY_CHAR, 'f', SP_UI_OV_FLAGS, "red flags");
    /* settings opened from the pause menu: Esc goes back to the pause menu */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    sp_ui_app_action(&a, SP_UI_ACT_SETTINGS, 0);
    assert_int_equal(a.overlay, SP_UI_OV_SETTINGS);
    assert_steady(&a, "settings over the pause menu");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    /* a red flag's verdict, and the feedback after a choice */
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    key(&a, &l, SP_UI_KEY_CHAR, '3');             /* the verdict takes the picker's place */
    assert_int_equal(a.overlay, SP_UI_OV_FLAG_RESULT);
    assert_steady(&a, "a flag's verdict");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    esc_closes(&a, &l, SP_UI_KEY_CHAR, '1', SP_UI_OV_FEEDBACK, "feedback");
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    /* the debrief's leave question */
    play_to_debrief(&a, &l);
    esc_closes(&a, &l, SP_UI_KEY_ESC, 0, SP_UI_OV_CONFIRM, "the debrief's leave question");
    esc_closes(&a, &l, SP_UI_KEY_ENTER, 0, SP_UI_OV_CONFIRM, "the debrief's leave question (Enter)");
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The export's note goes when the leave question opens: it is neither
 * half-hidden behind the card nor drawn over it; and the undo's note goes
 * when the pause menu opens. */
static void test_a_dialog_takes_the_toast_away(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    open_example(&a);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    key(&a, &l, SP_UI_KEY_UNDO, 0);
    assert_true(a.toast[0] != '\0');
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 0);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 0); /* gone, not back after the dialog */

    play_to_debrief(&a, &l);
    key(&a, &l, SP_UI_KEY_CHAR, 'e');
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 1);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 0);
    assert_int_equal(count_tag(&l, SP_UI_TAG_CARD), 1);
    key(&a, &l, SP_UI_KEY_ESC, 0);               /* stay */
    assert_int_equal(a.toast[0], '\0');
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* A group play of the example case, for the room of 15, at its first decision. */
static void open_group(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_app(a);
    assert_int_equal(sp_ui_group_enable(a, 1), 0);
    open_example(a);
    /* the room's size: typed, then Esc takes the typing back and stays */
    int before = a->group->room;
    key(a, l, SP_UI_KEY_CHAR, '4');
    key(a, l, SP_UI_KEY_CHAR, '2');
    assert_int_equal(a->group->room, 42);
    key(a, l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_BRIEFING);
    assert_int_equal(a->group->room, before);
    key(a, l, SP_UI_KEY_CHAR, '1');
    key(a, l, SP_UI_KEY_CHAR, '5');
    key(a, l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_PLAY);
    assert_int_equal(a->group->room, 15);
}

/* The first enabled hit of the list: where the mouse rests below. */
static int a_screen_hit(const sp_ui_list *l)
{
    for (int i = 0; i < l->n_hits; i++)
        if (l->hits[i].enabled)
            return i;
    return -1;
}

/* The mouse rests on a button; a key or an action (a click, or the
 * presenter's buttons in its own window) opens a dialog: the hover index
 * remembered from the screen before goes with it, as after a click, so
 * nothing is highlighted or taken for hovered that the mouse is not on
 * (in group play the red-flag round counts as a dialog). */
static void hover_then(sp_ui_app *a, sp_ui_list *l, int action, sp_ui_key k, int ch, const char *what)
{
    build(a, l);
    a->hover = a_screen_hit(l);
    assert_true(a->hover >= 0);
    sp_ui_overlay before = a->overlay;
    int round = a->group && a->group->flag_round;
    if (action)
        sp_ui_app_action(a, action, 0);
    else
        sp_ui_app_key(a, l, k, ch);
    int opened = a->overlay != before || (a->group && a->group->flag_round != round);
    if (!opened)
        fprintf(stderr, "%s: no dialog opened\n", what);
    assert_true(opened);
    if (a->hover != -1)
        fprintf(stderr, "%s: the hover of the screen before (hit %d) is still remembered\n", what, a->hover);
    assert_int_equal(a->hover, -1);
}

static void test_a_dialog_forgets_the_hover(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    hover_then(&a, &l, 0, SP_UI_KEY_CHAR, 's', "settings from the menu (S)");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    open_example(&a);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    hover_then(&a, &l, 0, SP_UI_KEY_ESC, 0, "the pause menu (Esc)");
    hover_then(&a, &l, SP_UI_ACT_SETTINGS, 0, 0, "the settings over the pause menu");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    hover_then(&a, &l, 0, SP_UI_KEY_CHAR, 'h', "the history (H)");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    hover_then(&a, &l, SP_UI_ACT_FLAGS, 0, 0, "the red flags (a button)");
    hover_then(&a, &l, 0, SP_UI_KEY_CHAR, '3', "a flag's verdict over the picker");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    hover_then(&a, &l, 0, SP_UI_KEY_CHAR, '1', "the feedback after a choice");
    sp_ui_app_free(&a);
    /* in group play: the red-flag round on the wall, the pause menu */
    open_group(&a, &l);
    hover_then(&a, &l, 0, SP_UI_KEY_CHAR, 'f', "the group's red-flag round (F)");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    hover_then(&a, &l, SP_UI_ACT_GROUP_FLAGS, 0, 0, "the group's red-flag round (the presenter's button)");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    hover_then(&a, &l, 0, SP_UI_KEY_ESC, 0, "the pause menu in group play");
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* In group play: Esc answers the override question "no" and opens no
 * pause menu; the pause menu, the red-flag round and the leave question
 * each close with one Esc; the wall's layout is steady under each. */
static void test_group_esc_and_the_override_question(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    open_group(&a, &l);
    sp_ui_group *g = a.group;
    int votes[SP_UI_GROUP_OPTIONS] = { 2, 9 };
    assert_int_equal(sp_ui_group_set_votes(&a, votes, g->n_counts), SP_OK);
    key(&a, &l, SP_UI_KEY_CHAR, 'A');            /* against the room: asks */
    assert_int_equal(g->confirm_pick, 1);
    assert_true(g->status[0] != '\0');
    assert_wall_steady(&a, "the override question");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);   /* no pause menu */
    assert_int_equal(g->confirm_pick, 0);
    assert_int_equal(g->status[0], '\0');          /* the question is gone from the wall */
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(sp_session_log_count(a.s), 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'A');            /* asked afresh, not taken */
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(sp_session_log_count(a.s), 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'b');            /* another key forgets the question too */
    assert_int_equal(g->confirm_pick, 0);
    assert_int_equal(g->status[0], '\0');
    /* the pause menu and the red-flag round */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    assert_wall_steady(&a, "the pause menu on the wall");
    sp_ui_app_action(&a, SP_UI_ACT_SETTINGS, 0);
    assert_wall_steady(&a, "the settings on the wall");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    key(&a, &l, SP_UI_KEY_CHAR, 'h');
    assert_int_equal(a.overlay, SP_UI_OV_HISTORY);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(g->counts[1], 9);             /* the vote as it was */
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    assert_true(g->flag_round);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_false(g->flag_round);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    /* to the debrief: the leave question, with the export's note gone */
    for (int guard = 0; !sp_session_finished(a.s); guard++) {
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_VOTE, 0);
        int c[SP_UI_GROUP_OPTIONS] = { 3 };
        sp_ui_group_set_votes(&a, c, g->n_counts);
        assert_int_equal(sp_ui_group_take(&a, -1), SP_OK);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_NEXT, 0);
        assert_true(guard < 200);
    }
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    key(&a, &l, SP_UI_KEY_CHAR, 'e');
    assert_true(a.toast[0] != '\0');
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 1);
    for (int i = 0; i < l.n_cmds; i++) /* above the wall's bottom bar */
        if (l.cmds[i].tag == SP_UI_TAG_TOAST)
            assert_true(l.cmds[i].r.y + l.cmds[i].r.h <= 1080 - a.bottom_bar);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    assert_wall_steady(&a, "the leave question on the wall");
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    /* the list of plays marks the group play, and not a solo play beside it */
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    sp_ui_group_free(&a);
    open_example(&a);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    key(&a, &l, SP_UI_KEY_CHAR, 't');
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);
    build(&a, &l);
    int marks = 0;
    for (int i = 0; i < l.n_cmds; i++)
        marks += l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].len == 5 && memcmp(l.cmds[i].text, "Groep", 5) == 0;
    assert_int_equal(marks, 1);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_esc_closes_the_innermost_dialog, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_a_dialog_takes_the_toast_away, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_a_dialog_forgets_the_hover, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_group_esc_and_the_override_question, gui_testutil_dir_up, gui_testutil_dir_down),
    };
    return cmocka_run_group_tests(tests, gui_testutil_fonts_up, gui_testutil_fonts_down);
}
