/* test_gui_fit.c: a decision never hides its options (issue 12): at every supported window size and text size, each decision of each case opens with its prompt and all its options in view, and every page whose content goes on below the fold shows a cue (menu, role card, settings). */
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

/* The sizes the window is tried at: a small laptop, old projectors, the
 * default window on a 1280x720 screen, HD, 4K. */
static const int sizes[][2] = { { 800, 600 }, { 1024, 768 }, { 1152, 648 }, { 1280, 720 },
                                { 1920, 1080 }, { 3840, 2160 } };
enum { N_SIZES = sizeof sizes / sizeof sizes[0] };

/* The fonts and one folder for the whole run. */
static int setup(void **state)
{
    return gui_testutil_fonts_up(state) != 0 || gui_testutil_dir_up(state) != 0 ? -1 : 0;
}

static int teardown(void **state)
{
    gui_testutil_dir_down(state);
    return gui_testutil_fonts_down(state);
}

static void build(sp_ui_app *a, sp_ui_list *l, int w, int h)
{
    sp_ui_metrics m;
    sp_gui_frame_layout(a, gui_testutil_text, w, h, 1.0, &m, l);
}

static int has_tag(const sp_ui_list *l, sp_ui_tag tag, int arg)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].tag == tag && l->cmds[i].arg == arg)
            return 1;
    return 0;
}

/* Checks the open decision: each option lies wholly below the top bar and
 * above the window's bottom edge, and so does the prompt above them. */
static int misses;

static int has_tag(const sp_ui_list *l, sp_ui_tag tag, int arg);

static void check_in_view(const sp_ui_app *a, const sp_ui_list *l, int w, int h, int text_size)
{
    const sp_view *v = sp_session_view(a->s);
    int bar = 0, first = -1, n = 0;
    for (int i = 0; i < l->n_cmds; i++) /* the bar comes last in the list */
        if (l->cmds[i].tag == SP_UI_TAG_TOPBAR && l->cmds[i].r.y + l->cmds[i].r.h > bar)
            bar = l->cmds[i].r.y + l->cmds[i].r.h;
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        if (c->tag != SP_UI_TAG_OPTION)
            continue;
        if (first < 0)
            first = i;
        n++;
        if (c->r.y < bar || c->r.y + c->r.h > h)
            misses++, print_message("%s turn %d at %dx%d, text size %d: option %d at y %d..%d, visible %d..%d\n", a->sc->id,
                     v->turn, w, h, text_size, c->arg + 1, c->r.y, c->r.y + c->r.h, bar, h);
    }
    assert_int_equal(n, v->n_options);
    /* no line of the conversation starts indented by a stray space */
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && l->cmds[i].len > 0 && l->cmds[i].text[0] == ' ')
            misses++, print_message("%s turn %d: a line starts with a space: '%.30s'\n", a->sc->id, v->turn,
                                    l->cmds[i].text);
    /* the prompt: the last text line above the first option (or its panel) */
    int prompt_y = -1;
    for (int i = 0; i < first; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && l->cmds[i].font == SP_UI_FONT_H2)
            prompt_y = l->cmds[i].r.y;
    if (prompt_y < bar)
        misses++, print_message("%s turn %d at %dx%d, text size %d: the prompt is above the view (y %d, bar %d)\n", a->sc->id,
                 v->turn, w, h, text_size, prompt_y, bar);
}

static void play_case(sp_ui_app *a, sp_ui_list *l, int ci, int w, int h, int text_size, int seed)
{
    sp_ui_app_action(a, SP_UI_ACT_START, ci);
    if (a->overlay == SP_UI_OV_CONFIRM)
        sp_ui_app_action(a, SP_UI_ACT_CONFIRM, 0);
    sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
    int k = seed, guard = 0;
    while (!sp_session_finished(a->s)) {
        build(a, l, w, h);               /* the decision as it opens */
        if (a->overlay == SP_UI_OV_FEEDBACK) {
            sp_ui_app_action(a, SP_UI_ACT_CLOSE, 0);
            build(a, l, w, h);
        }
        check_in_view(a, l, w, h, text_size);
        const sp_view *v = sp_session_view(a->s);
        sp_ui_app_action(a, SP_UI_ACT_CHOOSE, k++ % v->n_options);
        assert_true(++guard < 500);
    }
    sp_ui_app_action(a, SP_UI_ACT_TO_MENU, 0);
}

static void test_decisions_open_with_every_option_in_view(void **state)
{
    (void)state;
    for (int z = 0; z < N_SIZES; z++)
        for (int ts = 0; ts < SP_UI_SIZE_COUNT; ts++) {
            sp_ui_app a;
            sp_ui_list l;
            sp_ui_list_init(&l);
            char settings[128];
            snprintf(settings, sizeof settings, "%s/settings.ini", gui_testutil_dir);
            sp_ui_app_init(&a, settings, gui_testutil_dir);
            sp_diag *d = sp_diag_new();
            assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
            sp_diag_free(d);
            a.settings.text_size = (sp_ui_size)ts;
            for (int ci = 0; ci < SP_CASE_COUNT; ci++)
                if (a.cases[ci].sc)
                    play_case(&a, &l, ci, sizes[z][0], sizes[z][1], ts, z + ts + ci);
            sp_ui_list_free(&l);
            sp_ui_app_free(&a);
        }
    assert_int_equal(misses, 0);
}

/* Pages that go on below the fold say so; pages that fit do not. */
static void test_cue_where_content_continues(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", gui_testutil_dir);
    sp_ui_app_init(&a, settings, gui_testutil_dir);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
    sp_diag_free(d);
    /* the menu at XL in the default window: cards below; at the end no cue below, one above */
    a.settings.text_size = SP_UI_SIZE_XL;
    build(&a, &l, 1152, 648);
    assert_true(has_tag(&l, SP_UI_TAG_MORE, 1));
    assert_false(has_tag(&l, SP_UI_TAG_MORE, -1));
    sp_ui_app_scroll(&a, 1 << 20);
    build(&a, &l, 1152, 648);
    assert_false(has_tag(&l, SP_UI_TAG_MORE, 1));
    assert_true(has_tag(&l, SP_UI_TAG_MORE, -1));
    /* the menu at S on a 4K screen fits: no cue */
    a.settings.text_size = SP_UI_SIZE_S;
    a.scroll[0] = 0;
    build(&a, &l, 3840, 2160);
    assert_false(has_tag(&l, SP_UI_TAG_MORE, 1));
    /* the role card and the settings at XL in the default window */
    a.settings.text_size = SP_UI_SIZE_XL;
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    build(&a, &l, 1152, 648);
    assert_true(has_tag(&l, SP_UI_TAG_MORE, 1));
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    sp_ui_app_action(&a, SP_UI_ACT_SETTINGS, 0);
    build(&a, &l, 1152, 648);
    assert_true(has_tag(&l, SP_UI_TAG_MORE, 1));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The role card's "Je spreekt" leaves nobody of "Wie is wie" out: every
 * person's surname is on the card twice (where you meet them, and in the cast). */
static void test_role_card_names_everyone(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", gui_testutil_dir);
    sp_ui_app_init(&a, settings, gui_testutil_dir);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
    sp_diag_free(d);
    for (int ci = 0; ci < SP_CASE_COUNT; ci++) {
        const sp_scenario *sc = a.cases[ci].sc;
        if (!sc)
            continue;
        a.confirmed = 1;
        sp_ui_app_action(&a, SP_UI_ACT_START, ci);
        a.confirmed = 0;
        a.scroll[0] = 0;
        build(&a, &l, 1920, 4000); /* tall enough for the whole card */
        for (int k = 0; k < sc->n_cast; k++) {
            if (sc->cast[k].role == SP_ROLE_SELF)
                continue;
            const char *name = sp_text_get(&sc->cast[k].name, SP_LANG_NL);
            const char *last = strrchr(name, ' ');
            last = last ? last + 1 : name;
            int seen = 0;
            for (int i = 0; i < l.n_cmds; i++)
                if (l.cmds[i].kind == SP_UI_CMD_TEXT) {
                    char line[1024];
                    snprintf(line, sizeof line, "%.*s", l.cmds[i].len, l.cmds[i].text);
                    seen += strstr(line, last) != NULL;
                }
            if (seen < 2)
                fail_msg("%s: %s is not on the role card where you meet the people", sc->id, name);
        }
        sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    }
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The conversation's bar keeps Rode vlag, H and Terug (and Menu) for the
 * mouse at every supported window size and text size, in Dutch and in
 * English: each is a button wholly inside the window, none folded away
 * behind Menu. */
static void test_toolbar_keeps_its_buttons(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", gui_testutil_dir);
    sp_ui_app_init(&a, settings, gui_testutil_dir);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
    sp_diag_free(d);
    a.confirmed = 1;
    sp_ui_app_action(&a, SP_UI_ACT_START, 0);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    static const char *const names[] = { "Rode vlag", "Gesprek tot nu toe", "Terug", "Menu" };
    const int acts[4] = { SP_UI_ACT_FLAGS, SP_UI_ACT_HISTORY, SP_UI_ACT_UNDO, SP_UI_ACT_PAUSE };
    int missing = 0;
    for (int c = 0; c < 2 * SP_UI_SIZE_COUNT; c++) {
        int ts = c % SP_UI_SIZE_COUNT;
        sp_lang lang = c < SP_UI_SIZE_COUNT ? SP_LANG_NL : SP_LANG_EN;
        sp_ui_app_set_run_lang(&a, lang);
        a.settings.text_size = ts;
        for (int z = 0; z < N_SIZES; z++) {
            int w = sizes[z][0], h = sizes[z][1];
            build(&a, &l, w, h);
            for (int k = 0; k < 4; k++) {
                int found = 0;
                for (int i = 0; i < l.n_hits; i++) {
                    sp_ui_rect r = l.hits[i].vis;
                    found |= l.hits[i].enabled && l.hits[i].action == acts[k] && r.w > 0 && r.h > 0 && r.x >= 0 &&
                             r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
                }
                if (!found) {
                    print_message("%dx%d, text size %d, %s: %s is not a button in the window\n", w, h, ts,
                                  lang == SP_LANG_EN ? "en" : "nl", names[k]);
                    missing++;
                }
            }
        }
    }
    assert_int_equal(missing, 0);
    sp_ui_app_set_run_lang(&a, SP_LANG_NL);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decisions_open_with_every_option_in_view),
        cmocka_unit_test(test_cue_where_content_continues),
        cmocka_unit_test(test_role_card_names_everyone),
        cmocka_unit_test(test_toolbar_keeps_its_buttons),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
