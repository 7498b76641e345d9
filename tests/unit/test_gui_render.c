/* test_gui_render.c: the window's pixels, drawn by SDL's software renderer into a surface: portrait colours, themes, the thought panel, chart bars, focus, and the text cache's delayed frees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "ui/app.h"
#include "gui/draw.h"
#include "gui/frame.h"
#include "gui/text.h"
#include "gui_testutil.h"


static const char *example(void)
{
    static char path[1024];
    const char *root = getenv("SAMENSPEL_DATA");
    snprintf(path, sizeof path, "%s/tests/data/gui/voorbeeld.xml", root && *root ? root : ".");
    return path;
}

static void open_example(sp_ui_app *a)
{
    sp_ui_app_init(a, "", ""); /* no settings file: the defaults, nothing saved */
    sp_diag *d = sp_diag_new();
    sp_status st = sp_ui_app_open(a, example(), d);
    for (int i = 0; i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    sp_diag_free(d);
    assert_int_equal(st, SP_OK);
    sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
}

/* Renders the app into a fresh w x h surface; the list holds the layout. */
static SDL_Surface *render(sp_ui_app *a, int w, int h, sp_ui_list *list)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    sp_gui_draw *d = sp_gui_draw_new(r, gui_testutil_text);
    sp_gui_frame_render(a, gui_testutil_text, d, r, w, h, 1.0, list);
    SDL_RenderPresent(r);
    sp_gui_text_end_frame(gui_testutil_text);
    /* textures belong to the renderer: drop them before it goes */
    sp_gui_text_drop_textures(gui_testutil_text);
    sp_gui_draw_free(d);
    SDL_DestroyRenderer(r);
    return s;
}

static sp_ui_rgba pixel(SDL_Surface *s, int x, int y)
{
    assert_true(x >= 0 && y >= 0 && x < s->w && y < s->h);
    Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    sp_ui_rgba c = { (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255 };
    return c;
}

static int near(sp_ui_rgba a, sp_ui_rgba b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static void assert_color(SDL_Surface *s, int x, int y, sp_ui_rgba want, int tol)
{
    sp_ui_rgba got = pixel(s, x, y);
    if (!near(got, want, tol)) {
        fprintf(stderr, "pixel %d,%d is #%02x%02x%02x, want #%02x%02x%02x\n", x, y, got.r, got.g, got.b,
                want.r, want.g, want.b);
        fail();
    }
}

static const sp_ui_cmd *find(const sp_ui_list *l, sp_ui_tag tag, int arg)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].tag == tag && (arg < 0 || l->cmds[i].arg == arg))
            return &l->cmds[i];
    return NULL;
}

static void test_portrait_has_cast_colour(void **state)
{
    (void)state;
    sp_ui_app a;
    open_example(&a);
    sp_ui_list l;
    sp_ui_list_init(&l);
    SDL_Surface *s = render(&a, 1280, 720, &l);
    const sp_ui_cmd *p = find(&l, SP_UI_TAG_PORTRAIT, -1);
    assert_non_null(p);
    int cx = p->r.x + p->r.w / 2, cy = p->r.y + p->r.h / 2;
    /* beside the initials, well inside the disc: De heer Klaasen's #8a5a2b */
    assert_color(s, cx - p->r.w * 38 / 100, cy, sp_ui_rgb(0x8a5a2b), 2);
    assert_color(s, cx, cy + p->r.h * 40 / 100, sp_ui_rgb(0x8a5a2b), 2);
    /* and outside the disc, at the corner of its square, the page */
    assert_color(s, p->r.x + 1, p->r.y + 1, sp_ui_theme_get(0)->bg, 2);
    SDL_FreeSurface(s);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_background_per_theme(void **state)
{
    (void)state;
    sp_ui_app a;
    open_example(&a);
    sp_ui_list l;
    sp_ui_list_init(&l);
    for (int hc = 0; hc <= 1; hc++) {
        a.settings.high_contrast = hc;
        SDL_Surface *s = render(&a, 1280, 720, &l);
        assert_color(s, 2, 719 - 2, hc ? sp_ui_rgb(0x000000) : sp_ui_rgb(0xF6F3EE), 0);
        /* text is drawn: the first spoken line holds text-coloured pixels */
        const sp_ui_cmd *c = NULL;
        for (int i = 0; i < l.n_cmds && !c; i++)
            if (l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].font == SP_UI_FONT_BODY)
                c = &l.cmds[i];
        assert_non_null(c);
        int ink = 0;
        for (int y = c->r.y; y < c->r.y + c->r.h; y++)
            for (int x = c->r.x; x < c->r.x + c->r.w; x++)
                ink += near(pixel(s, x, y), sp_ui_theme_get(hc)->text, 40);
        assert_true(ink > c->r.w / 2);
        SDL_FreeSurface(s);
    }
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_thought_panel_is_tinted(void **state)
{
    (void)state;
    sp_ui_app a;
    open_example(&a);
    assert_int_equal(sp_ui_app_view(&a)->kind, SP_VIEW_THOUGHT);
    sp_ui_list l;
    sp_ui_list_init(&l);
    SDL_Surface *s = render(&a, 1280, 720, &l);
    const sp_ui_cmd *p = find(&l, SP_UI_TAG_THOUGHT, -1);
    assert_non_null(p);
    int u = p->radius / 2;
    assert_color(s, p->r.x + u, p->r.y + p->r.h / 2, sp_ui_theme_get(0)->thought, 1);
    /* and the options inside it are thought options, in italic */
    const sp_ui_cmd *o = find(&l, SP_UI_TAG_OPTION, 0);
    assert_non_null(o);
    assert_true(sp_ui_rect_contains(p->r, o->r));
    int italic = 0;
    for (int i = 0; i < l.n_cmds; i++)
        italic += l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].font == SP_UI_FONT_THOUGHT &&
                  sp_ui_rect_contains(o->r, l.cmds[i].r);
    assert_true(italic > 0);
    SDL_FreeSurface(s);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_focus_ring_follows_keys(void **state)
{
    (void)state;
    sp_ui_app a;
    open_example(&a);
    sp_ui_list l;
    sp_ui_list_init(&l);
    SDL_Surface *s = render(&a, 1280, 720, &l);
    SDL_FreeSurface(s);
    sp_ui_app_key(&a, &l, SP_UI_KEY_DOWN, 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_DOWN, 0);
    s = render(&a, 1280, 720, &l);
    const sp_ui_cmd *o = find(&l, SP_UI_TAG_OPTION, 1);
    assert_non_null(o);
    assert_color(s, o->r.x + o->r.w / 2, o->r.y - 2, sp_ui_theme_get(0)->focus, 2);
    const sp_ui_cmd *o0 = find(&l, SP_UI_TAG_OPTION, 0);
    assert_false(near(pixel(s, o0->r.x + o0->r.w / 2, o0->r.y - 2), sp_ui_theme_get(0)->focus, 20));
    SDL_FreeSurface(s);
    /* Enter takes the focused option: the second thought */
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.overlay, SP_UI_OV_FEEDBACK);
    assert_int_equal(sp_ui_app_view(&a)->feedback.option, 1);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* Scans a bar's middle row for pixels of colour c from x0 on. */
static int painted(SDL_Surface *s, int x0, int x1, int y, sp_ui_rgba c)
{
    int n = 0;
    for (int x = x0; x < x1; x++)
        n += near(pixel(s, x, y), c, 3);
    return n;
}

static void test_chart_bars_are_proportional(void **state)
{
    (void)state;
    sp_ui_app a;
    open_example(&a);
    sp_ui_app_action(&a, SP_UI_ACT_CHOOSE, 0);  /* "Wat een mooie klus" */
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    const sp_view *v = sp_ui_app_view(&a);
    assert_string_equal(v->options[0].id, "plannen");
    sp_ui_app_action(&a, SP_UI_ACT_CHOOSE, 0);  /* straight to the planning */
    sp_ui_app_action(&a, SP_UI_ACT_CLOSE, 0);
    sp_ui_app_action(&a, SP_UI_ACT_DEBRIEF, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    sp_ui_list l;
    sp_ui_list_init(&l);
    SDL_Surface *s = render(&a, 1280, 900, &l);
    const sp_debrief *d = a.debrief;
    const sp_ui_theme *th = sp_ui_theme_get(0);
    int checked = 0;
    for (int i = 0; i < d->n_goals; i++) {
        const sp_debrief_goal *g = &d->goals[i];
        const sp_ui_cmd *you = find(&l, SP_UI_TAG_BAR_YOU, g->goal);
        const sp_ui_cmd *best = find(&l, SP_UI_TAG_BAR_BEST, g->goal);
        assert_non_null(you);
        assert_non_null(best);
        /* lengths proportional to the values, within a pixel of rounding */
        if (g->expert != 0 && g->score != 0) {
            double ratio = (double)you->r.w / best->r.w, want = (double)abs(g->score) / abs(g->expert);
            assert_true(ratio > want - 0.05 && ratio < want + 0.05);
            checked++;
        }
        if (g->score < 0) /* a negative score grows left from the zero line */
            assert_true(you->r.x < best->r.x || g->expert < 0);
        /* and on screen: as many accent pixels in the bar's row as it is long */
        if (you->r.w > 4) {
            int row = you->r.y + you->r.h / 2;
            int n = painted(s, you->r.x - 5, you->r.x + you->r.w + 5, row, th->accent);
            assert_true(abs(n - you->r.w) <= 4); /* the zero line may cross it */
            checked++;
        }
    }
    assert_true(checked >= 2);
    SDL_FreeSurface(s);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_text_cache_frees_late(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    sp_ui_metrics m;
    sp_gui_frame_metrics(gui_testutil_text, SP_UI_SIZE_S, 1.0, 600, &m);
    sp_ui_rgba c = { 0, 0, 0, 255 };
    int w, h;
    char buf[32];
    /* one frame using more textures than the budget keeps them all alive */
    for (int i = 0; i < 3200; i++) {
        snprintf(buf, sizeof buf, "regel %d", i);
        assert_non_null(sp_gui_text_texture(gui_testutil_text, r, SP_UI_FONT_BODY, c, buf, (int)strlen(buf), &w, &h));
    }
    assert_int_equal(sp_gui_text_cached(gui_testutil_text), 3200);
    sp_gui_text_end_frame(gui_testutil_text);
    assert_int_equal(sp_gui_text_cached(gui_testutil_text), 3200);
    /* the next frame uses one of them again; at its end the rest beyond the budget go */
    SDL_Texture *again = sp_gui_text_texture(gui_testutil_text, r, SP_UI_FONT_BODY, c, "regel 0", 7, &w, &h);
    assert_non_null(again);
    sp_gui_text_end_frame(gui_testutil_text);
    assert_true(sp_gui_text_cached(gui_testutil_text) <= 3000);
    assert_true(sp_gui_text_texture(gui_testutil_text, r, SP_UI_FONT_BODY, c, "regel 0", 7, &w, &h) == again);
    sp_gui_text_drop_textures(gui_testutil_text);
    assert_int_equal(sp_gui_text_cached(gui_testutil_text), 0);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

int main(void)
{
    setenv("SAMENSPEL_DATA", getenv("SAMENSPEL_DATA") ? getenv("SAMENSPEL_DATA") : ".", 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("LANGUAGE", "nl", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_portrait_has_cast_colour),
        cmocka_unit_test(test_background_per_theme),
        cmocka_unit_test(test_thought_panel_is_tinted),
        cmocka_unit_test(test_focus_ring_follows_keys),
        cmocka_unit_test(test_chart_bars_are_proportional),
        cmocka_unit_test(test_text_cache_frees_late),
    };
    return cmocka_run_group_tests(tests, gui_testutil_video_up, gui_testutil_video_down);
}
