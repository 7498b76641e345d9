/* test_gui_app.c: the window's behaviour without a window: keys, mouse clicks and actions through a whole case, transcripts after every step, resume, undo, flags, the trajectory's carry-over, feedback settings, language (and --lang for one run), the top bar folded into the pause menu, files in the transcripts folder that are no regular files, a case file's path in its transcript, the case's closing question and hand-out on the debrief. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL_ttf.h>

#include "core/scenario.h"
#include "core/transcript.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "ui/i18n.h"
#include "gui/text.h"
#include "gui_testutil.h"

/* Builds the current screen (as the window would before the next key). */
static void build(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_build(a, l, 1280, 720);
}

static void key(sp_ui_app *a, sp_ui_list *l, sp_ui_key k, int ch)
{
    build(a, l);
    sp_ui_app_key(a, l, k, ch);
}

/* Plays the open case to its ending with option key ch (or the last
 * option when there are fewer), closing each feedback card with Enter. */
static int play_to_end(sp_ui_app *a, sp_ui_list *l, int ch)
{
    int choices = 0;
    while (!sp_session_finished(a->s)) {
        const sp_view *v = sp_ui_app_view(a);
        int k = ch - '1' < v->n_options ? ch : '0' + v->n_options;
        key(a, l, SP_UI_KEY_CHAR, k);
        choices++;
        if (a->overlay == SP_UI_OV_FEEDBACK)
            key(a, l, SP_UI_KEY_ENTER, 0);
        assert_int_equal(a->overlay, SP_UI_OV_NONE);
        assert_true(choices < 500);
    }
    return choices;
}

static sp_transcript *only_transcript(const char *prefix)
{
    DIR *d = opendir(gui_testutil_dir);
    assert_non_null(d);
    struct dirent *e;
    char path[512] = "";
    int n = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
            snprintf(path, sizeof path, "%s/%s", gui_testutil_dir, e->d_name);
            n++;
        }
    }
    closedir(d);
    assert_int_equal(n, 1);
    sp_transcript *t = NULL;
    assert_int_equal(sp_transcript_read(path, &t, NULL), SP_OK);
    return t;
}

static void test_play_intake_by_keys(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    key(&a, &l, SP_UI_KEY_CHAR, '1');           /* the first case from the menu */
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* begin */
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    int choices = play_to_end(&a, &l, '2');
    assert_int_equal(sp_ui_app_view(&a)->kind, SP_VIEW_ENDING);

    /* the transcript was written as it went: every choice, and the ending */
    sp_transcript *t = only_transcript("intake-20260101-");
    assert_string_equal(t->scenario_id, "intake");
    assert_int_equal(t->n_steps, choices);
    assert_non_null(t->ending);
    sp_transcript_free(t);

    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* to the debrief */
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    int total = a.debrief->total;
    key(&a, &l, SP_UI_KEY_ESC, 0);              /* back to the menu, asked first */
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    key(&a, &l, SP_UI_KEY_CHAR, 'j');
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    assert_true(a.cases[0].has_best);
    assert_int_equal(a.cases[0].best, total);
    assert_null(a.cases[0].resume);              /* finished: nothing to resume */
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* Clicks the centre of the visible button for action (arg -1: any arg), as
 * a mouse would, scrolling with the wheel until it is in view. Fails when no
 * such button is on screen or something else lies on top of it. */
static void click(sp_ui_app *a, sp_ui_list *l, int action, int arg)
{
    for (int tries = 0; tries < 200; tries++) {
        build(a, l);
        for (int i = 0; i < l->n_hits; i++) {
            const sp_ui_hit *h = &l->hits[i];
            if (!h->enabled || h->action != action || (arg >= 0 && h->arg != arg) || h->vis.w <= 0 || h->vis.h <= 0)
                continue;
            int x = h->vis.x + h->vis.w / 2, y = h->vis.y + h->vis.h / 2;
            assert_int_equal(sp_ui_app_hit_at(l, x, y), i);
            sp_ui_app_click(a, l, x, y);
            return;
        }
        sp_ui_app_scroll(a, 60); /* one notch of the wheel towards the end of the page, as gui.c turns it */
    }
    fail_msg("no button for action %d (arg %d) on screen %d", action, arg, a->screen);
}

static void test_play_intake_by_mouse(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    click(&a, &l, SP_UI_ACT_START, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    click(&a, &l, SP_UI_ACT_BEGIN, -1);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);

    /* a red flag marked with the mouse */
    click(&a, &l, SP_UI_ACT_FLAGS, -1);
    assert_int_equal(a.overlay, SP_UI_OV_FLAGS);
    click(&a, &l, SP_UI_ACT_MARK, sp_handbook_redflag(a.hb, "rf.og-geen-tijd"));
    if (a.overlay != SP_UI_OV_NONE)
        click(&a, &l, SP_UI_ACT_CLOSE, -1);

    int choices = 0;
    while (!sp_session_finished(a.s)) {
        const sp_view *v = sp_ui_app_view(&a);
        click(&a, &l, SP_UI_ACT_CHOOSE, choices % v->n_options);
        choices++;
        if (a.overlay == SP_UI_OV_FEEDBACK)
            click(&a, &l, SP_UI_ACT_CLOSE, -1);
        assert_int_equal(a.overlay, SP_UI_OV_NONE);
        assert_true(choices < 500);
    }
    click(&a, &l, SP_UI_ACT_DEBRIEF, -1);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_int_equal(a.debrief->n_turns, choices);

    sp_transcript *t = only_transcript("intake-20260101-");
    assert_int_equal(t->n_steps, choices + 1); /* the flag and every choice */
    assert_non_null(t->ending);
    sp_transcript_free(t);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_quit_midway_and_resume(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    for (int i = 0; i < 2; i++) {
        key(&a, &l, SP_UI_KEY_CHAR, '1');
        key(&a, &l, SP_UI_KEY_ENTER, 0);
    }
    int node = sp_ui_app_view(&a)->node, turn = sp_ui_app_view(&a)->turn;
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    sp_ui_app_action(&a, SP_UI_ACT_QUIT, 0);
    assert_true(a.quit);
    sp_ui_app_free(&a);

    /* a new start of the program offers to go on where it stopped */
    gui_testutil_app(&a);
    assert_non_null(a.cases[0].resume);
    assert_int_equal(a.cases[0].resume_turn, turn);
    sp_ui_app_action(&a, SP_UI_ACT_RESUME, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    assert_int_equal(sp_ui_app_view(&a)->node, node);
    /* and goes on writing the same transcript */
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    sp_transcript *t = only_transcript("intake-");
    assert_int_equal(t->n_steps, 3);
    sp_transcript_free(t);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_undo_and_flags(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    int first = sp_ui_app_view(&a)->node;
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_not_equal(sp_ui_app_view(&a)->node, first);
    key(&a, &l, SP_UI_KEY_UNDO, 0);             /* Ctrl+Z */
    assert_int_equal(sp_ui_app_view(&a)->node, first);
    key(&a, &l, SP_UI_KEY_CHAR, '2');
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    assert_int_equal(sp_ui_app_view(&a)->node, first);

    /* F opens the picker; a flag marked twice in one turn is refused */
    key(&a, &l, SP_UI_KEY_CHAR, 'f');
    assert_int_equal(a.overlay, SP_UI_OV_FLAGS);
    build(&a, &l);
    int enabled_before = 0;
    for (int i = 0; i < l.n_hits; i++)
        enabled_before += l.hits[i].enabled && l.hits[i].action == SP_UI_ACT_MARK;
    assert_int_equal(enabled_before, a.hb->n_redflags);
    key(&a, &l, SP_UI_KEY_DOWN, 0);
    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* the first flag */
    assert_int_equal(a.overlay, SP_UI_OV_FLAG_RESULT);
    assert_int_equal(a.flag_marked, 0);
    assert_non_null(a.flag_res.why);
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    sp_ui_app_action(&a, SP_UI_ACT_FLAGS, 0);
    build(&a, &l);
    for (int i = 0; i < l.n_hits; i++)
        if (l.hits[i].action == SP_UI_ACT_MARK && l.hits[i].arg == 0)
            assert_false(l.hits[i].enabled);
    sp_ui_app_action(&a, SP_UI_ACT_MARK, 0);
    assert_int_equal(a.overlay, SP_UI_OV_FLAGS);    /* refused: still picking */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);

    /* every step is in the transcript: two choices, two undos, one flag */
    sp_transcript *t = only_transcript("intake-");
    assert_int_equal(t->n_steps, 5);
    assert_int_equal(t->steps[1].kind, SP_STEP_UNDO);
    assert_int_equal(t->steps[4].kind, SP_STEP_FLAG);
    sp_transcript_free(t);

    /* H shows the conversation so far; H closes it again */
    key(&a, &l, SP_UI_KEY_CHAR, 'h');
    assert_int_equal(a.overlay, SP_UI_OV_HISTORY);
    build(&a, &l);
    key(&a, &l, SP_UI_KEY_CHAR, 'h');
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_feedback_only_at_the_end(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_FEEDBACK * 16 + 1);
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    sp_ui_app_free(&a);
    /* the setting was saved */
    gui_testutil_app(&a);
    assert_int_equal(a.settings.feedback_end, 1);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_trajectory_carries_variables(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    assert_non_null(a.cases[1].sc); /* every shipped case loads */
    key(&a, &l, SP_UI_KEY_CHAR, '4');           /* the trajectory */
    assert_true(a.traj);
    assert_int_equal(a.case_index, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    play_to_end(&a, &l, '3');
    const sp_scenario *first = a.sc;
    int end[256];
    assert_true(first->n_vars <= 256);
    memcpy(end, sp_session_vars(a.s), sizeof(int) * (size_t)first->n_vars);
    sp_ui_app_action(&a, SP_UI_ACT_DEBRIEF, 0);
    key(&a, &l, SP_UI_KEY_ENTER, 0);            /* next case, asked first */
    key(&a, &l, SP_UI_KEY_CHAR, 'j');
    assert_int_equal(a.case_index, 1);
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    const sp_scenario *second = a.sc;
    const int *start = sp_session_start_vars(a.s);
    int carried = 0;
    for (int i = 0; i < second->n_vars; i++) {
        int j = sp_scenario_var(first, second->vars[i].name);
        if (second->vars[i].carry && j >= 0) {
            int want = end[j];
            if (want < second->vars[i].min) want = second->vars[i].min;
            if (want > second->vars[i].max) want = second->vars[i].max;
            assert_int_equal(start[i], want);
            carried++;
        } else {
            assert_int_equal(start[i], second->vars[i].init);
        }
    }
    assert_true(carried > 0);
    /* both transcripts carry the trajectory's id */
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    sp_transcript *t1 = only_transcript("intake-"), *t2 = only_transcript("uitvoering-");
    assert_non_null(t1->trajectory);
    assert_string_equal(t1->trajectory, t2->trajectory);
    assert_int_equal(t2->n_start_vars > 0, 1);
    sp_transcript_free(t1);
    sp_transcript_free(t2);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_language_switch(void **state)
{
    (void)state;
    sp_ui_app a;
    gui_testutil_app(&a);
    assert_string_equal(_("Wat zeg je?"), "Wat zeg je?");
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_EN);
    assert_string_equal(_("Wat zeg je?"), "What do you say?");
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    assert_int_equal(sp_session_lang(a.s), SP_LANG_EN);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    assert_string_equal(_("Wat zeg je?"), "Wat zeg je?");
    sp_ui_app_free(&a);
}

static int has_hit(const sp_ui_list *l, int action)
{
    for (int i = 0; i < l->n_hits; i++)
        if (l->hits[i].enabled && l->hits[i].action == action)
            return 1;
    return 0;
}

static void build_at(sp_ui_app *a, sp_ui_list *l, int w, int h)
{
    sp_ui_metrics m;
    sp_gui_frame_metrics(gui_testutil_text, a->settings.text_size, 1.0, h, &m);
    sp_ui_app_build(a, &m, w, h, l);
}

/* The smallest window at the largest text keeps the red flag, the
 * conversation so far and undo in the conversation's top bar (chrome.c
 * puts them under the title); the pause menu, a modal card, covers them. */
static void test_small_window_keeps_the_top_bar(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    a.settings.text_size = SP_UI_SIZE_XL;
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    sp_ui_app_action(&a, SP_UI_ACT_CHOOSE, 0);
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);

    build_at(&a, &l, 800, 600);
    assert_true(has_hit(&l, SP_UI_ACT_PAUSE));
    assert_true(has_hit(&l, SP_UI_ACT_FLAGS));
    assert_true(has_hit(&l, SP_UI_ACT_HISTORY));
    assert_true(has_hit(&l, SP_UI_ACT_UNDO));
    sp_ui_app_action(&a, SP_UI_ACT_HISTORY, 0);
    assert_int_equal(a.overlay, SP_UI_OV_HISTORY);
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.overlay, SP_UI_OV_PAUSE);
    build_at(&a, &l, 800, 600);
    int flags_hits = 0;
    for (int i = 0; i < l.n_hits; i++)
        flags_hits += l.hits[i].enabled && l.hits[i].action == SP_UI_ACT_FLAGS;
    assert_int_equal(flags_hits, 0); /* the bar is behind the modal card; the card has none */
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* --lang for one run: the interface and the play use it, settings.ini keeps
 * its own language when another setting is saved; picking a language in the
 * window makes it the setting. */
static void test_run_language_is_not_saved(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/settings.ini", gui_testutil_dir);
    sp_ui_settings file;
    sp_ui_app a;
    gui_testutil_app(&a);
    assert_int_equal(a.settings.lang, SP_LANG_NL);
    sp_ui_app_set_run_lang(&a, SP_LANG_EN);
    assert_int_equal(sp_ui_app_lang(&a), SP_LANG_EN);
    assert_string_equal(_("Wat zeg je?"), "What do you say?");
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    assert_int_equal(sp_session_lang(a.s), SP_LANG_EN);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_SIZE * 16 + SP_UI_SIZE_XL);
    assert_int_equal(sp_ui_settings_load(path, &file, NULL), SP_OK);
    assert_int_equal(file.text_size, SP_UI_SIZE_XL);
    assert_int_equal(file.lang, SP_LANG_NL);
    sp_ui_app_free(&a);

    /* the next run without --lang: Dutch again, the text size kept */
    gui_testutil_app(&a);
    assert_int_equal(a.settings.lang, SP_LANG_NL);
    assert_int_equal(a.settings.text_size, SP_UI_SIZE_XL);
    assert_string_equal(_("Wat zeg je?"), "Wat zeg je?");
    sp_ui_app_set_run_lang(&a, SP_LANG_EN);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_EN);
    assert_int_equal(sp_ui_settings_load(path, &file, NULL), SP_OK);
    assert_int_equal(file.lang, SP_LANG_EN);
    sp_ui_app_free(&a);

    gui_testutil_app(&a);
    assert_int_equal(a.settings.lang, SP_LANG_EN);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    sp_ui_app_free(&a);
}

static int list_has_text(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strstr(l->cmds[i].text, s))
            return 1;
    return 0;
}

/* A FIFO, a directory and a link to nothing named *.xml in the transcripts
 * folder: the menu opens at once (nothing is read from them) and says in
 * one line that they were skipped, in both languages; so does the list of
 * plays. */
static void test_menu_names_skipped_files(void **state)
{
    (void)state;
    char p[3][128];
    snprintf(p[0], sizeof p[0], "%s/pijp.xml", gui_testutil_dir);
    snprintf(p[1], sizeof p[1], "%s/map.xml", gui_testutil_dir);
    snprintf(p[2], sizeof p[2], "%s/weg.xml", gui_testutil_dir);
    assert_int_equal(mkfifo(p[0], 0600), 0);
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    assert_int_equal(a.n_skipped, 1);
    build(&a, &l);
    assert_true(list_has_text(&l, "1 bestand overgeslagen: pijp.xml (een FIFO, geen gewoon bestand)"));
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_EN);
    build(&a, &l);
    assert_true(list_has_text(&l, "1 file skipped: pijp.xml (a FIFO, not a regular file)"));
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    sp_ui_app_free(&a);

    assert_int_equal(mkdir(p[1], 0700), 0);
    assert_int_equal(symlink("/nergens/niets.xml", p[2]), 0);
    gui_testutil_app(&a);
    assert_int_equal(a.n_skipped, 3);
    build(&a, &l);
    assert_true(list_has_text(&l, "3 bestanden overgeslagen, waaronder "));
    sp_ui_app_action(&a, SP_UI_ACT_PLAYS, 0);
    build(&a, &l);
    assert_true(list_has_text(&l, "3 bestanden overgeslagen, waaronder "));
    sp_ui_app_free(&a);
    rmdir(p[1]);

    /* without them, no line */
    unlink(p[0]);
    unlink(p[2]);
    gui_testutil_app(&a);
    assert_int_equal(a.n_skipped, 0);
    build(&a, &l);
    assert_false(list_has_text(&l, "overgeslagen"));
    sp_ui_app_free(&a);
    sp_ui_list_free(&l);
}

/* A case opened by its path in the window records that path in its
 * transcript, as the terminal does, so debrief and the rest find it. */
static void test_case_file_records_its_path(void **state)
{
    (void)state;
    char file[4096], real[4096];
    snprintf(file, sizeof file, "%s/tests/data/replay/kruispunt.xml", getenv("SAMENSPEL_DATA"));
    assert_non_null(realpath(file, real));
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_open(&a, file, d), SP_OK);
    sp_diag_free(d);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    sp_transcript *t = only_transcript("kruispunt-");
    assert_non_null(t->scenario_path);
    assert_string_equal(t->scenario_path, real);
    sp_transcript_free(t);
    /* a built-in case records none */
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    t = only_transcript("intake-");
    assert_null(t->scenario_path);
    sp_transcript_free(t);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The first 24 bytes of the Dutch text (lang "nl") or the English <t> of
 * the case's element el, read from the case file with a plain string scan
 * (not the loader): the oracle of the debrief test. "" when there is none. */
static void case_text(const char *case_id, const char *el, const char *lang, char *out, size_t n)
{
    char path[4096], open_tag[64];
    snprintf(path, sizeof path, "%s/scenarios/%s.xml", getenv("SAMENSPEL_DATA"), case_id);
    snprintf(open_tag, sizeof open_tag, "<%s>", el);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    out[0] = '\0';
    const char *p = strstr(buf, open_tag);
    if (!p)
        return;
    p += strlen(open_tag);
    if (strcmp(lang, "en") == 0) {
        p = strstr(p, "<t xml:lang=\"en\">");
        assert_non_null(p);
        p += strlen("<t xml:lang=\"en\">");
    }
    snprintf(out, n < 25 ? n : 25, "%s", p);
}

/* The command of the first text line that starts with prefix, or -1. */
static int text_cmd(const sp_ui_list *l, const char *prefix)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strncmp(l->cmds[i].text, prefix, strlen(prefix)) == 0)
            return i;
    return -1;
}

/* Scrolls the page until the text line starting with prefix is in view,
 * above the button bar; fails when it never gets there. */
static void scroll_to(sp_ui_app *a, sp_ui_list *l, const char *prefix)
{
    for (int tries = 0; tries < 400; tries++) {
        build(a, l);
        int i = text_cmd(l, prefix);
        assert_true(i >= 0);
        if (l->cmds[i].r.y >= 0 && l->cmds[i].r.y + l->cmds[i].r.h <= 720 - a->bottom_bar)
            return;
        sp_ui_app_scroll(a, 60);
    }
    fail_msg("'%s' never scrolls into view", prefix);
}

/* The debrief shows the case's closing question below the figures and its
 * hand-out (teruggeven has one) at the end, in both languages, reached by
 * scrolling; the texts come from the case file itself. */
static void test_debrief_shows_reflection_and_handout(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_app(&a);
    int handouts = 0;
    for (int lang = 0; lang < 2; lang++) {
        sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + (lang ? SP_LANG_EN : SP_LANG_NL));
        for (int ci = 0; ci < 3; ci++) {
            sp_ui_app_action(&a, SP_UI_ACT_START, ci);
            if (a.overlay == SP_UI_OV_CONFIRM)
                sp_ui_app_action(&a, SP_UI_ACT_CONFIRM, 0);
            sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
            play_to_end(&a, &l, '1');
            sp_ui_app_action(&a, SP_UI_ACT_DEBRIEF, 0);
            assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
            char refl[32], hand[32];
            case_text(sp_case_ids[ci], "reflection", lang ? "en" : "nl", refl, sizeof refl);
            case_text(sp_case_ids[ci], "handout", lang ? "en" : "nl", hand, sizeof hand);
            assert_true(strlen(refl) > 10);
            build(&a, &l);
            assert_true(text_cmd(&l, lang ? "To reflect on" : "Om over na te denken") >= 0);
            scroll_to(&a, &l, refl);
            if (hand[0]) {
                handouts++;
                assert_true(text_cmd(&l, lang ? "Handout" : "Hand-out") >= 0);
                scroll_to(&a, &l, hand);
                /* the figures come first: the question sits below the chart's total row */
                int tot = text_cmd(&l, lang ? "Total" : "Totaal"), q = text_cmd(&l, refl);
                assert_true(tot >= 0 && q >= 0 && l.cmds[tot].r.y < l.cmds[q].r.y);
            } else {
                assert_true(text_cmd(&l, lang ? "Handout" : "Hand-out") < 0);
            }
            sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
            if (a.overlay == SP_UI_OV_CONFIRM)
                sp_ui_app_action(&a, SP_UI_ACT_CONFIRM, 0);
        }
    }
    assert_int_equal(handouts, 2); /* teruggeven's, in both languages */
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    setenv("SAMENSPEL_DATA", getenv("SAMENSPEL_DATA") ? getenv("SAMENSPEL_DATA") : ".", 1);
    sp_ui_i18n_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_play_intake_by_keys, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_play_intake_by_mouse, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_quit_midway_and_resume, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_undo_and_flags, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_feedback_only_at_the_end, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_trajectory_carries_variables, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_language_switch, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_run_language_is_not_saved, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_small_window_keeps_the_top_bar, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_menu_names_skipped_files, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_case_file_records_its_path, gui_testutil_dir_up, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_debrief_shows_reflection_and_handout, gui_testutil_dir_up, gui_testutil_dir_down),
    };
    return cmocka_run_group_tests(tests, gui_testutil_fonts_up, gui_testutil_fonts_down);
}
