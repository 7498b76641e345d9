/* test_gui_layout.c: the GUI's pure layout: wrapping, flow, settings files, and every screen of the intake case laid out at three window sizes and four text sizes (and in English in the smallest window) without overlap or overflowing text. */
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
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "ui/app.h"
#include "gui/frame.h"
#include "ui/i18n.h"
#include "ui/settings.h"
#include "gui/text.h"

/* ---- wrapping with a monospace measure: 10 px per character ------------------- */

static int mono(void *ctx, int font, const char *s, int len)
{
    (void)ctx;
    (void)font;
    int n = 0;
    for (int i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n * 10;
}

static sp_ui_metrics mono_metrics(void)
{
    sp_ui_metrics m;
    memset(&m, 0, sizeof m);
    m.measure = mono;
    for (int i = 0; i < SP_UI_FONT_COUNT; i++)
        m.line_h[i] = 20;
    sp_ui_metrics_derive(&m);
    return m;
}

static void expect_lines(const char *s, int width, const char *const *want, int n_want)
{
    sp_ui_metrics m = mono_metrics();
    sp_ui_span spans[32];
    int n = sp_ui_wrap(&m, 0, s, width, spans, 32);
    assert_int_equal(n, n_want);
    for (int i = 0; i < n; i++) {
        char got[256];
        snprintf(got, sizeof got, "%.*s", spans[i].len, s + spans[i].start);
        assert_string_equal(got, want[i]);
    }
}

static void test_wrap_words(void **state)
{
    (void)state;
    const char *const want[] = { "aaa bbb", "ccc" };
    expect_lines("aaa bbb ccc", 70, want, 2);
    const char *const one[] = { "aaa bbb ccc" };
    expect_lines("aaa bbb ccc", 110, one, 1);
    const char *const spaces[] = { "aaa", "bbb" };
    expect_lines("  aaa   bbb  ", 50, spaces, 2);
}

static void test_wrap_long_word_utf8(void **state)
{
    (void)state;
    /* A word wider than the line breaks between characters, never inside
     * a UTF-8 sequence. */
    const char *const want[] = { "ééé", "ééé", "ë" };
    expect_lines("éééééëë", 30, (const char *const[]){ "ééé", "ééë", "ë" }, 3);
    expect_lines("ééééééë", 30, want, 3);
}

static void test_wrap_breaks_and_blank_lines(void **state)
{
    (void)state;
    const char *const want[] = { "één", "", "twee’s" };
    expect_lines("één\n\ntwee’s", 200, want, 3);
    const char *const empty[] = { "" };
    expect_lines("", 100, empty, 1);
}

static void test_wrap_never_wider(void **state)
{
    (void)state;
    sp_ui_metrics m = mono_metrics();
    srand(7);
    for (int round = 0; round < 500; round++) {
        char s[200];
        int len = rand() % 150;
        for (int i = 0; i < len; i++)
            s[i] = (rand() % 5 == 0) ? ' ' : (char)('a' + rand() % 26);
        s[len] = '\0';
        int width = 10 + rand() % 300;
        sp_ui_span spans[200];
        int n = sp_ui_wrap(&m, 0, s, width, spans, 200);
        int chars = 0;
        for (int i = 0; i < n; i++) {
            assert_true(mono(NULL, 0, s + spans[i].start, spans[i].len) <= width);
            for (int k = 0; k < spans[i].len; k++)
                chars += s[spans[i].start + k] != ' ';
        }
        int want = 0;
        for (int i = 0; i < len; i++)
            want += s[i] != ' ';
        assert_int_equal(chars, want); /* nothing lost */
    }
}

static void test_flow(void **state)
{
    (void)state;
    int widths[4] = { 100, 100, 100, 50 }, rows[4], xs[4];
    int n = sp_ui_flow(widths, 4, 250, 10, rows, xs);
    assert_int_equal(n, 2);
    assert_int_equal(rows[0], 0);
    assert_int_equal(rows[1], 0);
    assert_int_equal(xs[1], 110);
    assert_int_equal(rows[2], 1);
    assert_int_equal(xs[2], 0);
    assert_int_equal(rows[3], 1);
    assert_int_equal(xs[3], 110);
}

/* ---- settings files -------------------------------------------------------------- */

static void test_settings_roundtrip(void **state)
{
    (void)state;
    sp_ui_settings s, back;
    sp_ui_settings_defaults(&s);
    s.text_size = SP_UI_SIZE_XL;
    s.high_contrast = 1;
    s.feedback_end = 1;
    s.lang = SP_LANG_EN;
    s.fullscreen = 1;
    size_t len;
    char *text = sp_ui_settings_format(&s, &len);
    assert_non_null(text);
    assert_int_equal(sp_ui_settings_parse("x.ini", text, len, &back, NULL), SP_OK);
    assert_memory_equal(&s, &back, sizeof s);
    free(text);
}

static void test_settings_damaged(void **state)
{
    (void)state;
    const char *bad = "text_size=L\ncontrast=purple\n";
    sp_ui_settings s;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_settings_parse("conf/settings.ini", bad, strlen(bad), &s, d), SP_EINVAL);
    assert_int_equal(sp_diag_count(d), 1);
    assert_non_null(strstr(sp_diag_message(d, 0), "conf/settings.ini:2: "));
    /* the line that was not understood is ignored; the others apply */
    assert_int_equal(s.text_size, SP_UI_SIZE_L);
    assert_int_equal(s.high_contrast, 0);
    sp_diag_clear(d);
    assert_int_equal(sp_ui_settings_parse("s.ini", "just words\n", 11, &s, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "s.ini:1: "));
    sp_diag_free(d);
}

static void test_settings_damaged_file_kept_until_change(void **state)
{
    (void)state;
    char dir[] = "/tmp/sp-gui-settings-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/settings.ini", dir);
    const char *bad = "text_size=HUGE\n";
    assert_int_equal(sp_fs_write_atomic(path, bad, strlen(bad), NULL), SP_OK);

    sp_ui_app a;
    sp_ui_app_init(&a, path, dir);
    assert_true(a.settings_hold);
    assert_true(a.notice[0] != '\0');
    assert_int_equal(a.settings.text_size, SP_UI_SIZE_M);
    char *data;
    size_t len;
    assert_int_equal(sp_fs_read(path, 1000, &data, &len, NULL), SP_OK);
    assert_string_equal(data, bad); /* untouched */
    free(data);

    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_SIZE * 16 + SP_UI_SIZE_L);
    assert_false(a.settings_hold);
    assert_int_equal(sp_fs_read(path, 1000, &data, &len, NULL), SP_OK);
    assert_non_null(strstr(data, "text_size=L\n"));
    free(data);
    sp_ui_app_free(&a);

    /* and read back by the next start */
    sp_ui_app_init(&a, path, dir);
    assert_false(a.settings_hold);
    assert_int_equal(a.settings.text_size, SP_UI_SIZE_L);
    sp_ui_app_free(&a);
    unlink(path);
    rmdir(dir);
}

/* ---- every screen of the intake case at every size ------------------------------------ */

typedef struct walk {
    sp_ui_app *a;
    sp_gui_text *text;
    sp_ui_list list;
    int w, h, size;
    unsigned char *seen;
    int checked;
} walk;

static void fail_at(const walk *wk, const char *what, const sp_ui_cmd *c)
{
    const sp_view *v = sp_ui_app_view(wk->a);
    fprintf(stderr, "%dx%d size %s screen %d overlay %d node %s: %s: '%.*s' at %d,%d %dx%d box %d,%d %dx%d\n",
            wk->w, wk->h, sp_ui_size_code((sp_ui_size)wk->size), wk->a->screen, wk->a->overlay,
            v ? wk->a->sc->nodes[v->node].id : "-", what, c ? c->len : 0, c ? c->text : "",
            c ? c->r.x : 0, c ? c->r.y : 0, c ? c->r.w : 0, c ? c->r.h : 0,
            c ? c->box.x : 0, c ? c->box.y : 0, c ? c->box.w : 0, c ? c->box.h : 0);
}

/* The checks of one built screen: every text inside its box and inside the
 * window's width; options and buttons never overlap; the top bar stays
 * small; content that is taller than the window can be scrolled to. */
static void check_screen(walk *wk)
{
    sp_ui_metrics m;
    assert_int_equal(sp_gui_frame_metrics(wk->text, wk->size, 1.0, wk->h, &m), 0);
    sp_ui_app_build(wk->a, &m, wk->w, wk->h, &wk->list);
    const sp_ui_list *l = &wk->list;
    assert_false(l->oom);
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        if (c->kind != SP_UI_CMD_TEXT)
            continue;
        if (!sp_ui_rect_contains(c->box, c->r)) {
            fail_at(wk, "text outside its box", c);
            fail();
        }
        if (c->r.x < 0 || c->r.x + c->r.w > wk->w) {
            fail_at(wk, "text outside the window", c);
            fail();
        }
    }
    for (int i = 0; i < l->n_hits; i++) {
        const sp_ui_hit *a = &l->hits[i];
        if (!a->enabled)
            continue;
        if (a->r.x < 0 || a->r.x + a->r.w > wk->w) {
            fail_at(wk, "button outside the window", NULL);
            fail();
        }
        for (int j = i + 1; j < l->n_hits; j++)
            if (l->hits[j].enabled && sp_ui_rect_overlaps(a->r, l->hits[j].r)) {
                fprintf(stderr, "hits %d and %d overlap: %d,%d %dx%d / %d,%d %dx%d\n", i, j, a->r.x, a->r.y,
                        a->r.w, a->r.h, l->hits[j].r.x, l->hits[j].r.y, l->hits[j].r.w, l->hits[j].r.h);
                fail_at(wk, "overlapping buttons", NULL);
                fail();
            }
    }
    /* The top bar keeps to one row: at most 15% of the window's height,
     * even at 800x600 with the largest text. */
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].tag == SP_UI_TAG_TOPBAR && l->cmds[i].r.h * 100 > wk->h * 15) {
            fail_at(wk, "top bar taller than 15% of the window", &l->cmds[i]);
            fail();
        }
    /* Scrolled to the very end, the last button is fully visible. */
    int layer = wk->a->overlay != SP_UI_OV_NONE;
    int keep = wk->a->scroll[layer];
    wk->a->scroll[layer] = 1 << 28;
    sp_ui_app_build(wk->a, &m, wk->w, wk->h, &wk->list);
    for (int i = l->n_hits - 1; i >= 0; i--) {
        if (!l->hits[i].enabled)
            continue;
        if (l->hits[i].r.y + l->hits[i].r.h > wk->h) {
            fail_at(wk, "last button cannot be scrolled into view", NULL);
            fail();
        }
        break;
    }
    wk->a->scroll[layer] = keep;
    wk->checked++;
}

static void check_overlay(walk *wk, int action)
{
    sp_ui_app_action(wk->a, action, 0);
    check_screen(wk);
    sp_ui_app_action(wk->a, SP_UI_ACT_CLOSE, 0);
}

/* Visits every node reachable by choices once: the decision or thought
 * screen with its overlays, then each option (its feedback card), undo. */
static void visit(walk *wk, int deep)
{
    const sp_view *v = sp_ui_app_view(wk->a);
    if (wk->seen[v->node])
        return;
    wk->seen[v->node] = 1;
    check_screen(wk);
    if (v->kind == SP_VIEW_ENDING) {
        sp_ui_app_action(wk->a, SP_UI_ACT_DEBRIEF, 0);
        check_screen(wk);
        wk->a->screen = SP_UI_SCREEN_PLAY;
        return;
    }
    if (deep) {
        check_overlay(wk, SP_UI_ACT_FLAGS);
        check_overlay(wk, SP_UI_ACT_HISTORY);
    }
    int n = v->n_options;
    for (int k = 0; k < n; k++) {
        sp_ui_app_action(wk->a, SP_UI_ACT_CHOOSE, k);
        if (wk->a->overlay == SP_UI_OV_FEEDBACK) {
            check_screen(wk);
            sp_ui_app_action(wk->a, SP_UI_ACT_CLOSE, 0);
        }
        visit(wk, deep);
        sp_ui_app_action(wk->a, SP_UI_ACT_UNDO, 0);
        v = sp_ui_app_view(wk->a);
    }
}

static void walk_case_in(const char *arg, int w, int h, int size, int deep, sp_gui_text *text, sp_lang lang)
{
    sp_ui_app a;
    sp_ui_app_init(&a, "", ""); /* no settings file: the defaults, nothing saved */
    a.settings.text_size = (sp_ui_size)size;
    sp_ui_app_set_run_lang(&a, lang);
    if (lang == SP_LANG_EN)
        assert_string_equal(_("Wat zeg je?"), "What do you say?");
    walk wk = { .a = &a, .text = text, .w = w, .h = h, .size = size };
    sp_ui_list_init(&wk.list);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
    check_screen(&wk); /* the menu */
    a.overlay = SP_UI_OV_SETTINGS;
    check_screen(&wk);
    a.overlay = SP_UI_OV_NONE;
    if (sp_ui_app_open(&a, arg, d) != SP_OK) {
        for (int i = 0; i < sp_diag_count(d); i++)
            fprintf(stderr, "%s\n", sp_diag_message(d, i));
        fail();
    }
    sp_diag_free(d);
    check_screen(&wk); /* the briefing */
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    check_overlay(&wk, SP_UI_ACT_PAUSE);
    wk.seen = calloc((size_t)a.sc->n_nodes, 1);
    visit(&wk, deep);
    /* a false alarm and a recognised flag show their result card */
    sp_ui_app_action(&a, SP_UI_ACT_MARK, 0);
    if (a.overlay == SP_UI_OV_FLAG_RESULT)
        check_screen(&wk);
    free(wk.seen);
    sp_ui_list_free(&wk.list);
    sp_ui_app_free(&a);
    sp_ui_i18n_set(SP_LANG_NL);
    assert_true(wk.checked > 5);
}

static void walk_case(const char *arg, int w, int h, int size, int deep, sp_gui_text *text)
{
    walk_case_in(arg, w, h, size, deep, text, SP_LANG_NL);
}

static sp_gui_text *open_text(void)
{
    assert_int_equal(TTF_Init(), 0);
    char err[512];
    sp_gui_text *t = sp_gui_text_new(NULL, err, sizeof err);
    if (!t)
        fprintf(stderr, "%s\n", err);
    assert_non_null(t);
    return t;
}

static void test_intake_every_size(void **state)
{
    (void)state;
    sp_gui_text *t = open_text();
    static const int sizes[][2] = { { 800, 600 }, { 1920, 1080 }, { 3840, 2160 } };
    for (int s = 0; s < 3; s++)
        for (int z = 0; z < SP_UI_SIZE_COUNT; z++)
            /* the overlays at every node for the two extremes only: they
             * do not depend on the node as much, and valgrind runs this too */
            walk_case("intake", sizes[s][0], sizes[s][1], z,
                      (s == 0 && z == SP_UI_SIZE_XL) || (s == 2 && z == SP_UI_SIZE_S), t);
    sp_gui_text_free(t);
    TTF_Quit();
}

static void test_every_case_smallest_window(void **state)
{
    (void)state;
    sp_gui_text *t = open_text();
    for (int i = 1; i < SP_CASE_COUNT; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s.xml", sp_paths_scenarios(), sp_case_ids[i]);
        sp_handbook *hb = NULL;
        sp_scenario *sc = NULL;
        /* every shipped case loads (a case that does not is a failure here
         * too, not a case passed over) */
        int ok = sp_paths_load_handbook(&hb, NULL) == SP_OK && sp_paths_load_scenario(path, hb, &sc, NULL) == SP_OK;
        sp_scenario_free(sc);
        sp_handbook_free(hb);
        if (!ok)
            fail_msg("%s does not load", path);
        walk_case(sp_case_ids[i], 800, 600, SP_UI_SIZE_XL, 1, t);
    }
    sp_gui_text_free(t);
    TTF_Quit();
}

/* English labels run longer than Dutch ones in places. */
static void test_intake_english_smallest_window(void **state)
{
    (void)state;
    sp_gui_text *t = open_text();
    for (int z = 0; z < SP_UI_SIZE_COUNT; z++)
        walk_case_in("intake", 800, 600, z, z == SP_UI_SIZE_XL, t, SP_LANG_EN);
    sp_gui_text_free(t);
    TTF_Quit();
}

int main(void)
{
    setenv("SAMENSPEL_DATA", getenv("SAMENSPEL_DATA") ? getenv("SAMENSPEL_DATA") : ".", 1);
    setenv("LANGUAGE", "nl", 1);
    sp_ui_i18n_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_words),
        cmocka_unit_test(test_wrap_long_word_utf8),
        cmocka_unit_test(test_wrap_breaks_and_blank_lines),
        cmocka_unit_test(test_wrap_never_wider),
        cmocka_unit_test(test_flow),
        cmocka_unit_test(test_settings_roundtrip),
        cmocka_unit_test(test_settings_damaged),
        cmocka_unit_test(test_settings_damaged_file_kept_until_change),
        cmocka_unit_test(test_intake_every_size),
        cmocka_unit_test(test_every_case_smallest_window),
        cmocka_unit_test(test_intake_english_smallest_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
