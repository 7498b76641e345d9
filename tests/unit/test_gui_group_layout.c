/* test_gui_group_layout.c: a group play's wall and presenter laid out at projector sizes (1920x1080, 3840x2160, a 4:3 1024x768) through the facilitator's whole flow: no overlap, nothing clipped, type legible from the back of the room; the wall drawn in a software renderer; both in English. */
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
#include "ui/group.h"
#include "ui/i18n.h"
#include "gui/projector.h"
#include "gui/text.h"
#include "gui_testutil.h"

/* ---- layout at projector sizes ---------------------------------------------------------- */

typedef struct walk {
    sp_ui_app *a;
    sp_ui_list list;
    int w, h;
    int checked;
    int texts;          /* text commands checked on the wall */
} walk;

static void fail_at(const walk *wk, const char *who, const char *what, const sp_ui_cmd *c)
{
    const sp_view *v = sp_ui_app_view(wk->a);
    fprintf(stderr, "%s %dx%d screen %d phase %d round %d node %s: %s: '%.*s' at %d,%d %dx%d box %d,%d %dx%d\n", who,
            wk->w, wk->h, wk->a->screen, wk->a->group->phase, wk->a->group->flag_round,
            v ? wk->a->sc->nodes[v->node].id : "-", what, c ? c->len : 0, c ? c->text : "", c ? c->r.x : 0,
            c ? c->r.y : 0, c ? c->r.w : 0, c ? c->r.h : 0, c ? c->box.x : 0, c ? c->box.y : 0, c ? c->box.w : 0,
            c ? c->box.h : 0);
}

/* Every visible text inside its box and the window, no two visible texts
 * on top of each other, no two buttons either. */
static void check_list(walk *wk, const char *who, int w, int h)
{
    const sp_ui_list *l = &wk->list;
    assert_false(l->oom);
    sp_ui_rect window = sp_ui_rect_make(0, 0, w, h);
    sp_ui_rect *vis = calloc((size_t)l->n_cmds + 1, sizeof *vis);
    sp_ui_rect clip = window;
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        if (c->kind == SP_UI_CMD_CLIP)
            clip = sp_ui_rect_intersect(c->r, window);
        else if (c->kind == SP_UI_CMD_UNCLIP)
            clip = window;
        if (c->kind != SP_UI_CMD_TEXT)
            continue;
        vis[i] = sp_ui_rect_intersect(c->r, clip);
        if (!sp_ui_rect_contains(c->box, c->r)) {
            fail_at(wk, who, "text outside its box", c);
            fail();
        }
        if (c->r.x < 0 || c->r.x + c->r.w > w) {
            fail_at(wk, who, "text outside the window", c);
            fail();
        }
    }
    for (int i = 0; i < l->n_cmds; i++)
        for (int j = i + 1; j < l->n_cmds && vis[i].w > 0; j++)
            if (vis[j].w > 0 && sp_ui_rect_overlaps(vis[i], vis[j])) {
                fail_at(wk, who, "texts overlap", &l->cmds[i]);
                fail_at(wk, who, "... with", &l->cmds[j]);
                fail();
            }
    free(vis);
    for (int i = 0; i < l->n_hits; i++) {
        const sp_ui_hit *a = &l->hits[i];
        if (!a->enabled)
            continue;
        if (a->r.x < 0 || a->r.x + a->r.w > w) {
            fail_at(wk, who, "button outside the window", NULL);
            fail();
        }
        for (int j = i + 1; j < l->n_hits; j++)
            if (l->hits[j].enabled && sp_ui_rect_overlaps(a->vis, l->hits[j].vis)) {
                fprintf(stderr, "hits %d and %d overlap\n", i, j);
                fail_at(wk, who, "overlapping buttons", NULL);
                fail();
            }
    }
}

/* The wall (with and without a presenter window) and the presenter at a
 * laptop's size and at the wall's. */
static void check_state(walk *wk)
{
    sp_ui_metrics m;
    sp_ui_group *g = wk->a->group;
    for (int pres = 0; pres <= 1; pres++) {
        g->presenter = pres;
        gui_testutil_wall_metrics(wk->h, wk->a->settings.text_size, &m);
        sp_ui_group_app_build(wk->a, &m, wk->w, wk->h, &wk->list);
        check_list(wk, pres ? "wall (presenter open)" : "wall", wk->w, wk->h);
        /* From the back of the room: every text on the wall is at least a
         * thirty-sixth of the height, body text at least a thirtieth. */
        for (int i = 0; i < wk->list.n_cmds; i++) {
            const sp_ui_cmd *c = &wk->list.cmds[i];
            if (c->kind != SP_UI_CMD_TEXT)
                continue;
            wk->texts++;
            int min = c->font == SP_UI_FONT_SMALL ? wk->h / 36 : wk->h / 30;
            if (c->r.h < min) {
                fail_at(wk, "wall", "text too small for a room", c);
                fail();
            }
        }
        if (pres && wk->a->screen == SP_UI_SCREEN_PLAY && !g->flag_round) {
            /* the wall holds no controls when the presenter has them */
            for (int i = 0; i < wk->list.n_hits; i++)
                if (wk->list.hits[i].enabled) {
                    fail_at(wk, "wall (presenter open)", "a control on the wall", NULL);
                    fail();
                }
        }
        /* scrolled to the end, the last button is reachable */
        int keep = wk->a->scroll[0];
        wk->a->scroll[0] = 1 << 28;
        sp_ui_group_app_build(wk->a, &m, wk->w, wk->h, &wk->list);
        for (int i = wk->list.n_hits - 1; i >= 0; i--) {
            if (!wk->list.hits[i].enabled)
                continue;
            if (wk->list.hits[i].r.y + wk->list.hits[i].r.h > wk->h) {
                fail_at(wk, "wall", "last button cannot be scrolled into view", NULL);
                fail();
            }
            break;
        }
        wk->a->scroll[0] = keep;
    }
    g->presenter = 1;
    static const int laptop[][2] = { { 1280, 800 }, { 1920, 1080 } };
    for (int s = 0; s < 2; s++) {
        int w = laptop[s][0] * wk->w / 1920, h = laptop[s][1] * wk->h / 1080;
        assert_int_equal(sp_gui_frame_metrics(gui_testutil_text, wk->a->settings.text_size, (double)wk->w / 1920, h, &m), 0);
        sp_ui_presenter_build(wk->a, &m, w, h, -1, &wk->list);
        check_list(wk, "presenter", w, h);
    }
    g->presenter = 0;
    wk->checked++;
}

/* Plays the case through the facilitator's whole flow at every decision,
 * checking every state on the way; the room votes for option (turn mod n). */
static void walk_case(const char *arg, int w, int h)
{
    sp_ui_app a;
    walk wk = { .a = &a, .w = w, .h = h };
    sp_ui_list_init(&wk.list);
    gui_testutil_group(&a, arg);
    sp_ui_group *g = a.group;
    sp_ui_group_tick(&a, 1000);
    for (int guard = 0; guard < 200; guard++) {
        const sp_view *v = sp_ui_app_view(&a);
        check_state(&wk); /* the conversation and the question */
        if (v->kind == SP_VIEW_ENDING)
            break;
        if (guard == 0) {
            sp_ui_app_action(&a, SP_UI_ACT_GROUP_TIMER, 0);
            sp_ui_app_action(&a, SP_UI_ACT_GROUP_FLAGS, 0);
            check_state(&wk);
            for (int f = 0; f < 3; f++)
                sp_ui_app_action(&a, SP_UI_ACT_GROUP_MARK, f * 5);
            check_state(&wk); /* recognised and false alarms on the grid */
            sp_ui_app_action(&a, SP_UI_ACT_GROUP_FLAGS, 0);
        }
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_VOTE, 0);
        check_state(&wk); /* no votes yet */
        int n = g->n_counts, counts[SP_UI_GROUP_OPTIONS];
        for (int k = 0; k < n; k++)
            counts[k] = 1 + k;
        counts[v->turn % n] = 1000 + v->turn;
        assert_int_equal(sp_ui_group_set_votes(&a, counts, n), SP_OK);
        check_state(&wk);
        /* against the room every third turn */
        int pick = v->turn % 3 == 0 ? (v->turn + 1) % n : -1;
        assert_int_equal(sp_ui_group_take(&a, pick), SP_OK);
        check_state(&wk);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_REVEAL, 0);
        check_state(&wk);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_NEXT, 0);
    }
    assert_true(sp_session_finished(a.s));
    sp_ui_app_action(&a, SP_UI_ACT_DEBRIEF, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    check_state(&wk);
    assert_true(wk.checked > 20);
    assert_true(wk.texts > 500);
    sp_ui_list_free(&wk.list);
    sp_ui_app_free(&a);
}

static void test_intake_on_the_wall_1080(void **state)
{
    (void)state;
    walk_case("intake", 1920, 1080);
}

static void test_intake_on_the_wall_2160(void **state)
{
    (void)state;
    walk_case("intake", 3840, 2160);
}

/* An old 4:3 projector: the grid and the options wrap more, still legible. */
static void test_intake_on_a_4_3_projector(void **state)
{
    (void)state;
    walk_case("intake", 1024, 768);
}

static void test_sizes(void **state)
{
    (void)state;
    static const int heights[] = { 600, 768, 1080, 1200, 2160 };
    for (size_t i = 0; i < sizeof heights / sizeof heights[0]; i++)
        for (int z = 0; z < SP_UI_SIZE_COUNT; z++) {
            int px[SP_UI_FONT_COUNT];
            int h = heights[i];
            sp_ui_group_sizes(h, z, px);
            assert_true(px[SP_UI_FONT_BODY] * 30 >= h);
            assert_true(px[SP_UI_FONT_THOUGHT] * 30 >= h);
            assert_true(px[SP_UI_FONT_BOLD] * 30 >= h);
            assert_true(px[SP_UI_FONT_SMALL] * 36 >= h);
            assert_true(px[SP_UI_FONT_H1] > px[SP_UI_FONT_H2]);
            assert_true(px[SP_UI_FONT_H2] > px[SP_UI_FONT_BODY]);
        }
}

/* ---- pixels ------------------------------------------------------------------------------ */

static sp_ui_rgba pixel(SDL_Surface *s, int x, int y)
{
    Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    sp_ui_rgba c = { (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 255 };
    return c;
}

static int near(sp_ui_rgba a, sp_ui_rgba b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static void test_wall_pixels(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
    for (int s = 0; s < 2; s++) {
        int w = sizes[s][0], h = sizes[s][1];
        sp_ui_app a;
        gui_testutil_group(&a, gui_testutil_example());
        a.group->presenter = 1;
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_VOTE, 0);
        int counts[] = { 2, 7 };
        assert_int_equal(sp_ui_group_set_votes(&a, counts, 2), SP_OK);
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        assert_non_null(surf);
        SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
        assert_non_null(r);
        sp_gui_draw *d = sp_gui_draw_new(r, gui_testutil_text);
        sp_ui_list l;
        sp_ui_list_init(&l);
        sp_gui_projector_render_wall(&a, gui_testutil_text, d, r, w, h, &l);
        SDL_RenderPresent(r);
        const sp_ui_theme *th = sp_ui_theme_get(1);
        /* high contrast by default: a black wall */
        assert_true(near(pixel(surf, 3, h - 3), th->bg, 0));
        /* the option with most votes has a yellow frame; its bar is yellow */
        const sp_ui_cmd *lead = NULL;
        for (int i = 0; i < l.n_cmds; i++)
            if (l.cmds[i].tag == SP_UI_TAG_OPTION && l.cmds[i].arg == 1)
                lead = &l.cmds[i];
        assert_non_null(lead);
        assert_true(near(pixel(surf, lead->r.x + lead->r.w / 2, lead->r.y + 1), th->accent, 8));
        /* body text drawn at least a thirtieth of the height: the ink of a
         * body line spans more than h/30 * 0.7 rows (cap height and descender) */
        const sp_ui_cmd *body = NULL;
        for (int i = 0; i < l.n_cmds && !body; i++)
            if (l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].font == SP_UI_FONT_THOUGHT &&
                sp_ui_rect_contains(lead->r, l.cmds[i].r))
                body = &l.cmds[i];
        assert_non_null(body);
        int top = -1, bottom = -1;
        for (int y = body->r.y; y < body->r.y + body->r.h && y < h; y++)
            for (int x = body->r.x; x < body->r.x + body->r.w; x++)
                if (near(pixel(surf, x, y), th->text, 60)) {
                    if (top < 0)
                        top = y;
                    bottom = y;
                    break;
                }
        assert_true(top >= 0);
        assert_true((bottom - top + 1) * 30 * 10 >= h * 7);
        int tw, tht;
        assert_non_null(sp_gui_text_texture(gui_testutil_text, r, SP_UI_FONT_BODY, th->text, "Hg", 2, &tw, &tht));
        assert_true(tht * 30 >= h);
        sp_gui_text_drop_textures(gui_testutil_text);
        sp_gui_draw_free(d);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
        sp_ui_list_free(&l);
        sp_ui_app_free(&a);
    }
}

static int has_text(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strstr(l->cmds[i].text, s))
            return 1;
    return 0;
}

/* The wall and the presenter speak English when the interface does. */
static void test_english(void **state)
{
    (void)state;
    sp_ui_app a;
    gui_testutil_group(&a, gui_testutil_example());
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_EN);
    int counts[] = { 2, 7 };
    assert_int_equal(sp_ui_group_set_votes(&a, counts, 2), SP_OK);
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_metrics m;
    gui_testutil_wall_metrics(1080, a.settings.text_size, &m);
    sp_ui_group_app_build(&a, &m, 1920, 1080, &l);
    assert_true(has_text(&l, "Majority: B, 7 of 9 votes."));
    assert_true(has_text(&l, "Take the majority"));
    a.group->presenter = 1;
    sp_ui_presenter_build(&a, &m, 1920, 1080, -1, &l);
    assert_true(has_text(&l, "The group's votes"));
    assert_false(has_text(&l, "Stemmen van de groep"));
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    sp_ui_presenter_build(&a, &m, 1920, 1080, -1, &l);
    assert_true(has_text(&l, "Stemmen van de groep"));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    sp_ui_i18n_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_intake_on_the_wall_1080),
        cmocka_unit_test(test_intake_on_the_wall_2160),
        cmocka_unit_test(test_intake_on_a_4_3_projector),
        cmocka_unit_test(test_wall_pixels),
        cmocka_unit_test(test_english),
    };
    return cmocka_run_group_tests(tests, gui_testutil_video_up, gui_testutil_video_down);
}
