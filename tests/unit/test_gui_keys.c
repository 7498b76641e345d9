/* test_gui_keys.c: nothing lost by a habitual key (issue 12): the debrief asks before any key leaves it and is reachable again from the list of plays and from replay; undo and export confirm with a toast; starting anew beside an unfinished play warns and keeps "Verder bij". */
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

#include "core/handbook.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "ui/i18n.h"
#include "ui/replay.h"
#include "gui/text.h"
#include "gui_testutil.h"

static void build(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_build(a, l, 1280, 720);
}

static void key(sp_ui_app *a, sp_ui_list *l, sp_ui_key k, int ch)
{
    build(a, l);
    sp_ui_app_key(a, l, k, ch);
}

/* Plays to the ending with option ch (or the last when fewer), then Enter
 * to the debrief. */
static void play_to_debrief(sp_ui_app *a, sp_ui_list *l, int ch)
{
    int guard = 0;
    while (!sp_session_finished(a->s)) {
        const sp_view *v = sp_ui_app_view(a);
        key(a, l, SP_UI_KEY_CHAR, ch - '1' < v->n_options ? ch : '0' + v->n_options);
        if (a->overlay == SP_UI_OV_FEEDBACK)
            key(a, l, SP_UI_KEY_ENTER, 0);
        assert_true(++guard < 500);
    }
    key(a, l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_DEBRIEF);
}

static int count_tag(const sp_ui_list *l, sp_ui_tag tag)
{
    int n = 0;
    for (int i = 0; i < l->n_cmds; i++)
        n += l->cmds[i].tag == tag;
    return n;
}

/* The index of the enabled hit for action (arg -1: any), -1 none. */
static int find_hit(const sp_ui_list *l, int action, int arg)
{
    for (int i = 0; i < l->n_hits; i++)
        if (l->hits[i].enabled && l->hits[i].action == action && (arg < 0 || l->hits[i].arg == arg))
            return i;
    return -1;
}

static void test_no_single_key_leaves_the_debrief(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    play_to_debrief(&a, &l, '1');
    /* the habit of sixteen screens: Enter, Enter, a digit */
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* Enter on the card: stay */
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_CHAR, '2');
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_non_null(a.s);
    /* R (play again) and Esc (menu) ask too */
    key(&a, &l, SP_UI_KEY_CHAR, 'r');
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    build(&a, &l);
    assert_true(find_hit(&l, SP_UI_ACT_CONFIRM, -1) >= 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'j');           /* yes */
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_debrief_from_the_list_and_from_replay(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    play_to_debrief(&a, &l, '2');
    int total = a.debrief->total, turns = a.debrief->n_turns;
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);  /* the button: no question */
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);

    key(&a, &l, SP_UI_KEY_CHAR, 't');           /* the list of plays */
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);
    build(&a, &l);
    int i = find_hit(&l, SP_UI_ACT_REPLAY_DEBRIEF, -1);
    assert_true(i >= 0);
    /* the button lies on top of its row: a click there opens the debrief */
    sp_ui_app_click(&a, &l, l.hits[i].vis.x + 2, l.hits[i].vis.y + 2);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_true(a.debrief_of_replay);
    assert_int_equal(a.replay->db->total, total); /* the same figures as when it was played */
    assert_int_equal(a.replay->db->n_turns, turns);
    build(&a, &l);
    assert_true(find_hit(&l, SP_UI_ACT_AGAIN, -1) < 0); /* not a live play: no replaying it from here */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);

    /* from replay: the last step of a finished play offers its debrief (D) */
    build(&a, &l);
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_OPEN, l.hits[find_hit(&l, SP_UI_ACT_REPLAY_OPEN, -1)].arg);
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    key(&a, &l, SP_UI_KEY_END, 0);
    build(&a, &l);
    assert_true(find_hit(&l, SP_UI_ACT_REPLAY_DEBRIEF, -1) >= 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'd');
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    build(&a, &l);
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_BACK, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    key(&a, &l, SP_UI_KEY_CHAR, 'd');
    key(&a, &l, SP_UI_KEY_ESC, 0);              /* Esc too leads back to the replay */
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_undo_says_what_it_undid(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_BACKSPACE, 0);        /* nothing to undo: said so */
    assert_true(a.toast[0] != '\0');
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.toast[0], '\0');          /* the choice took the old toast away */
    key(&a, &l, SP_UI_KEY_UNDO, 0);
    assert_non_null(strstr(a.toast, "1"));       /* back to turn 1 */
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 1);
    /* a flag undone names the flag */
    int f = sp_handbook_redflag(a.hb, "rf.og-geen-tijd");
    sp_ui_app_action(&a, SP_UI_ACT_MARK, f);
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    key(&a, &l, SP_UI_KEY_UNDO, 0);
    assert_non_null(strstr(a.toast, sp_text_get(&a.hb->redflags[f].label, a.settings.lang)));
    /* the toast goes by itself */
    assert_true(sp_ui_app_toast_timeout(&a, 1000) > 0);
    assert_int_equal(sp_ui_app_toast_timeout(&a, 1000 + SP_UI_TOAST_MS), 0);
    assert_int_equal(a.toast[0], '\0');
    build(&a, &l);
    assert_int_equal(count_tag(&l, SP_UI_TAG_TOAST), 0);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static char opened[4096];
static int record_open(const char *d)
{
    snprintf(opened, sizeof opened, "%s", d);
    return 0;
}

static void test_export_toast_near_the_button_opens_the_folder(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    a.open_folder = record_open;
    opened[0] = '\0';
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    play_to_debrief(&a, &l, '1');
    a.scroll[0] = 1 << 20;                       /* scrolled down to the buttons */
    key(&a, &l, SP_UI_KEY_CHAR, 'e');
    assert_true(a.toast[0] != '\0');
    assert_null(strstr(a.toast, gui_testutil_dir));           /* the file's name, not a raw path */
    assert_int_equal(a.notice[0], '\0');         /* no banner at the top */
    build(&a, &l);
    int t = -1;
    for (int i = 0; i < l.n_cmds; i++)
        if (l.cmds[i].tag == SP_UI_TAG_TOAST)
            t = i;
    assert_true(t >= 0);
    /* just above the bottom bar with the Export button */
    sp_ui_rect r = l.cmds[t].r;
    assert_true(r.y + r.h <= 720 - a.bottom_bar);
    assert_true(r.y + r.h >= 720 - a.bottom_bar - 120);
    for (int i = 0; i < l.n_cmds; i++) /* and clear of the "more below" cue */
        if (l.cmds[i].tag == SP_UI_TAG_MORE)
            assert_false(sp_ui_rect_overlaps(l.cmds[i].r, r));
    int o = find_hit(&l, SP_UI_ACT_OPEN_FOLDER, -1);
    assert_true(o >= 0);
    sp_ui_app_click(&a, &l, l.hits[o].vis.x + 2, l.hits[o].vis.y + 2);
    assert_string_equal(opened, gui_testutil_dir);
    /* it does not follow the learner to the menu */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'j');
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    assert_int_equal(a.toast[0], '\0');
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_starting_anew_warns_and_keeps_resume(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* one choice: turn 2 */
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    assert_non_null(a.cases[0].resume);
    char old[4096];
    snprintf(old, sizeof old, "%s", a.cases[0].resume);
    assert_int_equal(a.cases[0].resume_turn, 2);

    key(&a, &l, SP_UI_KEY_CHAR, '1');           /* the same case again */
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    assert_int_equal(a.overlay, SP_UI_OV_CONFIRM);
    build(&a, &l);
    assert_true(find_hit(&l, SP_UI_ACT_RESUME, 0) >= 0);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_CHAR, 'j');           /* yes, a new play */
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    play_to_debrief(&a, &l, '3');
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    /* the new play is finished; the old one can still be continued */
    assert_non_null(a.cases[0].resume);
    assert_string_equal(a.cases[0].resume, old);
    assert_int_equal(a.cases[0].resume_turn, 2);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_CHAR, 'v');           /* go on with it instead */
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    assert_int_equal(sp_ui_app_view(&a)->turn, 2);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The red-flag picker: numbers as keys, ↓ one row down, rows of one height. */
static void test_flag_picker_keys_and_rows(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    assert_true(a.hb->n_redflags >= 14);
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    key(&a, &l, SP_UI_KEY_CHAR, '3');
    assert_int_equal(a.overlay, SP_UI_OV_FLAG_RESULT);
    assert_int_equal(a.flag_marked, 2);
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    assert_int_equal(a.overlay, SP_UI_OV_FLAGS);  /* a 1 waits: 1 to 14 */
    key(&a, &l, SP_UI_KEY_CHAR, '4');
    assert_int_equal(a.flag_marked, 13);
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);              /* 1 then Enter: flag 1 */
    assert_int_equal(a.flag_marked, 0);
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    /* ↓ moves one row down its column: flags 1 and 3 are marked this turn,
     * so from the top the first ↓ lands on 5 and the next on 7 */
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    build(&a, &l);
    assert_int_equal(a.flag_cols, 2);
    int h0 = -1;
    for (int i = 0; i < l.n_hits; i++)
        if (l.hits[i].action == SP_UI_ACT_MARK) {
            if (h0 < 0)
                h0 = l.hits[i].r.h;
            assert_int_equal(l.hits[i].r.h, h0); /* marked ones (with their note) too */
        }
    key(&a, &l, SP_UI_KEY_DOWN, 0);
    key(&a, &l, SP_UI_KEY_DOWN, 0);
    build(&a, &l);
    int focused = -1;
    for (int i = 0; i < l.n_hits; i++)
        if (l.hits[i].enabled && l.hits[i].order == a.focus[1])
            focused = l.hits[i].arg;
    assert_int_equal(focused, 6);                  /* flag 7, straight below 5 */
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* 1 when a text of l contains s. */
static int shows(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strstr(l->cmds[i].text, s))
            return 1;
    return 0;
}

/* "Niet aanspreekbare opdrachtgever" is read as "cannot reach": the dialog
 * says under the label what it means (scenarios/handbook.xml's gloss), in
 * the learner's language, and so does the card after marking it. */
static void test_flag_dialog_glosses(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    int f = sp_handbook_redflag(a.hb, "rf.niet-aanspreekbaar");
    assert_true(f >= 0);
    for (int i = 0; i < a.hb->n_redflags; i++) { /* every flag has one, one line, in both languages */
        const sp_text *g = &a.hb->redflags[i].gloss;
        assert_non_null(g->s[SP_LANG_NL]);
        assert_non_null(g->s[SP_LANG_EN]);
        assert_true(strlen(g->s[SP_LANG_NL]) > 20 && strlen(g->s[SP_LANG_EN]) > 20);
    }
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    build(&a, &l);
    assert_true(shows(&l, "Niet ‘onbereikbaar’"));
    sp_ui_app_action(&a, SP_UI_ACT_MARK, f);
    build(&a, &l);
    assert_true(shows(&l, "Niet ‘onbereikbaar’"));
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    a.settings.lang = SP_LANG_EN;
    sp_ui_i18n_set(SP_LANG_EN);
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    build(&a, &l);
    assert_true(shows(&l, "Not ‘unreachable’")); /* marked this turn: beside the note */
    sp_ui_i18n_set(SP_LANG_NL);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* An accidental play goes to the trash folder from the list, and comes back with the toast's undo (U). */
static void test_delete_into_trash_and_undo(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');           /* one choice: a transcript on disk */
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    sp_ui_app_action(&a, SP_UI_ACT_PLAYS, 0);
    assert_int_equal(a.replay->n, 1);
    char path[4096];
    snprintf(path, sizeof path, "%s", a.replay->e[0].path);
    build(&a, &l);
    int i = find_hit(&l, SP_UI_ACT_PLAY_DELETE, 0);
    assert_true(i >= 0);
    sp_ui_app_click(&a, &l, l.hits[i].vis.x + 2, l.hits[i].vis.y + 2);
    assert_int_equal(a.replay->n, 0);              /* gone from the list... */
    assert_int_equal(access(path, F_OK), -1);
    char trashed[4200];
    snprintf(trashed, sizeof trashed, "%s/prullenbak/%s", gui_testutil_dir, strrchr(path, '/') + 1);
    assert_int_equal(access(trashed, F_OK), 0);    /* ...into the trash folder */
    assert_true(a.toast_undo);
    build(&a, &l);
    assert_true(find_hit(&l, SP_UI_ACT_PLAY_RESTORE, -1) >= 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'u');             /* undo */
    assert_int_equal(access(path, F_OK), 0);
    assert_int_equal(a.replay->n, 1);
    unlink(path);
    char trash_dir[4200];
    snprintf(trash_dir, sizeof trash_dir, "%s/prullenbak", gui_testutil_dir);
    rmdir(trash_dir);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_no_single_key_leaves_the_debrief, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_debrief_from_the_list_and_from_replay, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_undo_says_what_it_undid, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_export_toast_near_the_button_opens_the_folder, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_starting_anew_warns_and_keeps_resume, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_flag_picker_keys_and_rows, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_flag_dialog_glosses, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_delete_into_trash_and_undo, gui_testutil_dir_up, gui_testutil_dir_down),
    };
    return cmocka_run_group_tests(tests, gui_testutil_fonts_up, gui_testutil_fonts_down);
}
