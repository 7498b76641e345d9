/* test_replay_view.c: the window's replay screens without a window: the list of past plays, stepping, auto-advance, a typed note, compare, branch, export, and the buttons on the menu and the debrief. */
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

#include "core/fs.h"
#include "core/transcript.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "ui/replay.h"
#include "gui/text.h"
#include "gui_testutil.h"

static char root[1024];

static int setup(void **state)
{
    const char *r = getenv("SAMENSPEL_DATA");
    snprintf(root, sizeof root, "%s", r && *r ? r : ".");
    return gui_testutil_fonts_up(state);
}

static void copy(const char *from, const char *to)
{
    char *data;
    size_t len;
    assert_int_equal(sp_fs_read(from, 1 << 20, &data, &len, NULL), SP_OK);
    assert_int_equal(sp_fs_write_atomic(to, data, len, NULL), SP_OK);
    free(data);
}

/* A fresh transcripts directory holding the fixture plays p1 and p2 of kruispunt. */
static int each_test(void **state)
{
    if (gui_testutil_dir_up(state) != 0)
        return -1;
    char from[1200], to[256];
    const char *names[2] = { "p1", "p2" };
    for (int i = 0; i < 2; i++) {
        snprintf(from, sizeof from, "%s/tests/data/replay/plays/%s.xml", root, names[i]);
        snprintf(to, sizeof to, "%s/kruispunt-%s.xml", gui_testutil_dir, names[i]);
        copy(from, to);
    }
    return 0;
}

/* The app with kruispunt opened by path, so plays of it resolve. */
static void init(sp_ui_app *a)
{
    char path[1200];
    gui_testutil_app(a);
    sp_diag *d = sp_diag_new();
    snprintf(path, sizeof path, "%s/tests/data/replay/kruispunt.xml", root);
    assert_int_equal(sp_ui_app_open(a, path, d), SP_OK);
    sp_diag_free(d);
    sp_ui_app_action(a, SP_UI_ACT_TO_MENU, 0);
}

static void build(sp_ui_app *a, sp_ui_list *l)
{
    gui_testutil_build(a, l, 1280, 800);
    assert_false(l->oom);
    /* every line of text stays inside the box it belongs to */
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        if (c->kind != SP_UI_CMD_TEXT || c->box.w <= 0)
            continue;
        if (c->r.x < c->box.x - 1 || c->r.x + c->r.w > c->box.x + c->box.w + 1)
            fail_msg("text '%.*s' (x %d, w %d) leaves its box (x %d, w %d)", c->len, c->text, c->r.x, c->r.w,
                     c->box.x, c->box.w);
    }
}

static void key(sp_ui_app *a, sp_ui_list *l, sp_ui_key k, int ch)
{
    build(a, l);
    sp_ui_app_key(a, l, k, ch);
}

static int count_hits(const sp_ui_list *l, int action)
{
    int n = 0;
    for (int i = 0; i < l->n_hits; i++)
        n += l->hits[i].enabled && l->hits[i].action == action;
    return n;
}

static int has_text(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && l->cmds[i].len == (int)strlen(s) &&
            strncmp(l->cmds[i].text, s, (size_t)l->cmds[i].len) == 0)
            return 1;
    return 0;
}

static int has_part(const sp_ui_list *l, const char *s)
{
    int n = (int)strlen(s);
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        for (int k = 0; c->kind == SP_UI_CMD_TEXT && k + n <= c->len; k++)
            if (strncmp(c->text + k, s, (size_t)n) == 0)
                return 1;
    }
    return 0;
}

/* The index in the list of the play whose file name ends in name. */
static int entry(const sp_ui_app *a, const char *name)
{
    for (int i = 0; i < a->replay->n; i++) {
        size_t n = strlen(a->replay->e[i].path), k = strlen(name);
        if (n >= k && strcmp(a->replay->e[i].path + n - k, name) == 0)
            return i;
    }
    fail_msg("no play %s in the list", name);
    return -1;
}

static void open_p1(sp_ui_app *a, sp_ui_list *l)
{
    key(a, l, SP_UI_KEY_CHAR, 't');
    assert_int_equal(a->screen, SP_UI_SCREEN_PLAYS);
    build(a, l);
    assert_int_equal(a->replay->n, 2);
    assert_int_equal(count_hits(l, SP_UI_ACT_REPLAY_OPEN), 2);
    sp_ui_app_action(a, SP_UI_ACT_REPLAY_OPEN, entry(a, "kruispunt-p1.xml"));
    assert_int_equal(a->screen, SP_UI_SCREEN_REPLAY);
    assert_int_equal(a->replay->step, 0);
}

/* ---- stepping, auto-advance and a note ------------------------------------------------- */

static void test_step_and_note(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    init(&a);
    build(&a, &l);
    assert_int_equal(count_hits(&l, SP_UI_ACT_PLAYS), 1); /* the menu's button */
    open_p1(&a, &l);
    build(&a, &l);
    /* the timeline: four decisions and the ending, each a place to click */
    assert_int_equal(count_hits(&l, SP_UI_ACT_REPLAY_STEP), 5);
    assert_true(has_text(&l, "Beurt 1 van 4"));
    assert_true(has_text(&l, "Zwakste keuze"));
    key(&a, &l, SP_UI_KEY_RIGHT, 0);
    assert_int_equal(a.replay->step, 1);
    build(&a, &l);
    assert_true(has_text(&l, "Jouw keuze"));
    assert_true(has_text(&l, "+3"));                     /* what wachten would have scored */
    key(&a, &l, SP_UI_KEY_END, 0);
    assert_int_equal(a.replay->step, 4);
    build(&a, &l);
    assert_true(has_text(&l, "Einde van het gesprek"));
    assert_int_equal(count_hits(&l, SP_UI_ACT_REPLAY_BRANCH), 0); /* not from a finished ending */
    key(&a, &l, SP_UI_KEY_HOME, 0);
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_STEP, 2);
    assert_int_equal(a.replay->step, 2);

    /* Auto-advance: the first tick starts the clock, then a step per interval. */
    key(&a, &l, SP_UI_KEY_CHAR, ' ');
    assert_true(a.replay->playing);
    assert_int_equal(sp_ui_replay_timeout(&a, 1000), 0);
    assert_int_equal(sp_ui_replay_tick(&a, 1000), 0);
    int iv = sp_ui_replay_interval[a.replay->speed];
    assert_int_equal(sp_ui_replay_timeout(&a, 1100), iv - 100);
    assert_int_equal(sp_ui_replay_tick(&a, 1100), 0);
    assert_int_equal(sp_ui_replay_tick(&a, 1000 + (uint32_t)iv), 1);
    assert_int_equal(a.replay->step, 3);
    assert_int_equal(sp_ui_replay_tick(&a, 1000 + 2 * (uint32_t)iv), 1);
    assert_int_equal(a.replay->step, 4);
    assert_false(a.replay->playing);                     /* stops at the end */
    assert_int_equal(sp_ui_replay_timeout(&a, 99999), -1);
    key(&a, &l, SP_UI_KEY_CHAR, 's');
    assert_int_equal(a.replay->speed, 2);

    /* A note on turn 2, typed: letters come as text, keys edit. */
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_STEP, 1);
    assert_false(sp_ui_replay_wants_text(&a));
    key(&a, &l, SP_UI_KEY_CHAR, 'n');
    assert_true(sp_ui_replay_wants_text(&a));
    assert_true(sp_ui_replay_text(&a, "Hier koos ik voor de makkelijke weg!"));
    key(&a, &l, SP_UI_KEY_CHAR, 'b');                   /* a letter key while typing does nothing */
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    assert_true(sp_ui_replay_text(&a, "."));
    build(&a, &l);
    assert_true(has_text(&l, "Notitie bij deze stap"));
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_false(sp_ui_replay_wants_text(&a));
    char path[256];
    snprintf(path, sizeof path, "%s/kruispunt-p1.xml", gui_testutil_dir);
    sp_transcript *t = NULL;
    assert_int_equal(sp_transcript_read(path, &t, NULL), SP_OK);
    assert_int_equal(t->n_notes, 1);
    assert_string_equal(t->notes[0].text, "Hier koos ik voor de makkelijke weg.");
    assert_int_equal(t->notes[0].step, 2); /* p1's raw step of the choice at turn 2 */
    sp_transcript_free(t);
    build(&a, &l);
    assert_true(has_text(&l, "Hier koos ik voor de makkelijke weg."));
    /* the timeline marks the step with the note, and only that one */
    int marks = 0;
    for (int i = 0; i < l.n_cmds; i++)
        if (l.cmds[i].tag == SP_UI_TAG_NOTE) {
            assert_int_equal(l.cmds[i].arg, 1);
            marks++;
        }
    assert_int_equal(marks, 1);
    /* Esc while typing drops the note */
    key(&a, &l, SP_UI_KEY_CHAR, 'n');
    sp_ui_replay_text(&a, "weg ermee");
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_false(sp_ui_replay_wants_text(&a));
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);

    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* ---- compare, export, branch ---------------------------------------------------------------- */

static void test_compare_export_branch(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    init(&a);
    open_p1(&a, &l);

    /* v: pick the other play of the case (the list leaves p1 itself out) */
    key(&a, &l, SP_UI_KEY_CHAR, 'v');
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);
    build(&a, &l);
    assert_int_equal(count_hits(&l, SP_UI_ACT_REPLAY_OPEN), 1);
    assert_int_equal(count_hits(&l, SP_UI_ACT_COMPARE_WITH), 1); /* the expert path */
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_OPEN, entry(&a, "kruispunt-p2.xml"));
    assert_int_equal(a.screen, SP_UI_SCREEN_COMPARE);
    assert_non_null(a.replay->cmp);
    assert_int_equal(a.replay->cmp->first_split, 1);
    assert_int_equal(a.replay->cmp->rejoin, 3);
    build(&a, &l);
    assert_true(has_text(&l, "Hier gaan de wegen uiteen"));
    assert_true(has_text(&l, "Hier komen de wegen weer samen"));
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    /* x: straight to the expert path */
    key(&a, &l, SP_UI_KEY_CHAR, 'x');
    assert_int_equal(a.screen, SP_UI_SCREEN_COMPARE);
    assert_true(a.replay->b_expert);
    build(&a, &l);
    assert_true(has_text(&l, "De expertroute"));
    key(&a, &l, SP_UI_KEY_ESC, 0);

    /* e: the HTML beside the transcript, and a toast saying which file, with its folder to open */
    key(&a, &l, SP_UI_KEY_CHAR, 'e');
    char html[256];
    snprintf(html, sizeof html, "%s/kruispunt-p1.html", gui_testutil_dir);
    struct stat st;
    assert_int_equal(stat(html, &st), 0);
    assert_true(st.st_size > 5000);
    assert_non_null(strstr(a.toast, "kruispunt-p1.html"));
    assert_string_equal(a.toast_dir, gui_testutil_dir);

    /* b at turn 2: a new live play from there, saved with its parent */
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_STEP, 1);
    key(&a, &l, SP_UI_KEY_CHAR, 'b');
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    assert_null(a.replay->r);
    const sp_view *v = sp_ui_app_view(&a);
    assert_int_equal(v->turn, 2);
    assert_non_null(a.t->parent);
    assert_non_null(strstr(a.t->parent, "kruispunt-p1.xml"));
    assert_int_equal(a.t->branch_step, 2);
    char branch_path[4096];
    snprintf(branch_path, sizeof branch_path, "%s", a.t_path);
    assert_int_equal(stat(branch_path, &st), 0);       /* written at once */
    /* it starts with a banner saying it is a branch, from which play and turn */
    assert_int_equal(strncmp(a.notice, "Aftakking: je speelt verder vanaf beurt 2 van het gesprek van ", 62), 0);
    build(&a, &l);
    assert_true(has_part(&l, "Aftakking: je speelt verder"));
    key(&a, &l, SP_UI_KEY_CHAR, '1');
    assert_int_equal(a.notice[0], '\0');              /* gone with the first choice */
    if (a.overlay == SP_UI_OV_FEEDBACK)
        key(&a, &l, SP_UI_KEY_ENTER, 0);
    while (!sp_session_finished(a.s)) {
        key(&a, &l, SP_UI_KEY_CHAR, '1');
        if (a.overlay == SP_UI_OV_FEEDBACK)
            key(&a, &l, SP_UI_KEY_ENTER, 0);
    }
    key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    sp_transcript *t = NULL;
    assert_int_equal(sp_transcript_read(branch_path, &t, NULL), SP_OK);
    assert_string_equal(t->mode, "replay-branch");
    assert_int_equal(t->branch_step, 2);
    assert_non_null(t->ending);
    sp_transcript_free(t);

    /* The debrief offers Terugkijken and Exporteren. */
    build(&a, &l);
    assert_int_equal(count_hits(&l, SP_UI_ACT_REPLAY_THIS), 1);
    assert_int_equal(count_hits(&l, SP_UI_ACT_EXPORT), 1);
    key(&a, &l, SP_UI_KEY_CHAR, 'e');
    snprintf(html, sizeof html, "%.*s.html", (int)strlen(branch_path) - 4, branch_path);
    assert_int_equal(stat(html, &st), 0);
    key(&a, &l, SP_UI_KEY_CHAR, 't');
    assert_int_equal(a.screen, SP_UI_SCREEN_REPLAY);
    assert_true(a.replay->r->finished);
    build(&a, &l);
    assert_true(has_part(&l, " · aftakking van een eerder gesprek"));
    key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF); /* back where it came from */

    /* The list now holds the branch too (Esc leaves the debrief once asked). */
    key(&a, &l, SP_UI_KEY_ESC, 0);
    key(&a, &l, SP_UI_KEY_CHAR, 'j');
    key(&a, &l, SP_UI_KEY_CHAR, 't');
    assert_int_equal(a.replay->n, 3);
    int b = entry(&a, strrchr(branch_path, '/') + 1);
    assert_true(a.replay->e[b].branch);
    assert_true(a.replay->e[b].finished);
    /* the list says where the branch comes from: the parent's date and the turn */
    build(&a, &l);
    assert_true(has_part(&l, "Aftakking van het gesprek van "));
    assert_true(has_part(&l, ", vanaf beurt 2"));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_damaged_and_missing(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    char path[256];
    snprintf(path, sizeof path, "%s/kapot.xml", gui_testutil_dir);
    FILE *f = fopen(path, "w");
    fputs("<transcript", f);
    fclose(f);
    init(&a);
    key(&a, &l, SP_UI_KEY_CHAR, 't');
    build(&a, &l);
    assert_int_equal(a.replay->n, 3);
    assert_int_equal(count_hits(&l, SP_UI_ACT_REPLAY_OPEN), 2); /* the damaged one is shown, not openable */
    int k = entry(&a, "kapot.xml");
    sp_ui_app_action(&a, SP_UI_ACT_REPLAY_OPEN, k);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAYS);
    /* opening a missing file from the command line is an error with a message */
    sp_diag *d = sp_diag_new();
    snprintf(path, sizeof path, "%s/weg.xml", gui_testutil_dir);
    assert_int_not_equal(sp_ui_replay_open(&a, path, d), SP_OK);
    assert_true(sp_diag_count(d) > 0);
    sp_diag_free(d);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_step_and_note, each_test, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_compare_export_branch, each_test, gui_testutil_dir_down),
        cmocka_unit_test_setup_teardown(test_damaged_and_missing, each_test, gui_testutil_dir_down),
    };
    return cmocka_run_group_tests(tests, setup, gui_testutil_fonts_down);
}
