/* test_gui_wall_phones.c: the wall beside the room's phones and the trainer's displays (issue 12): the presenter never on the wall's display, the vote's verdict sentence agreeing with its count, the phones' heat list with its verdicts and within a page at the floor, and the QR code sized from the screen. */
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
#include "ui/group.h"
#include "gui/projector.h"
#include "ui/group_view.h"
#include "ui/group_phones.h"
#include "gui/text.h"
#include "ui/ui.h"
#include "gui_testutil.h"

static int overlaps(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The presenter never appears on the wall's display: beside a projector it
 * goes on the other display; with one display (SDL's dummy driver here, and
 * mocked bounds) there is none, and the briefing says how to get one. */
static void test_presenter_never_on_the_wall(void **state)
{
    (void)state;
    const SDL_Rect two[2] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1280, 720 } };
    sp_gui_placement pl;
    for (int wall = -1; wall <= 1; wall++) {
        sp_gui_projector_place_on(two, two, 2, wall, 1, &pl);
        int aud = wall < 0 ? 1 : wall;
        assert_int_equal(pl.audience_display, aud);
        assert_true(pl.presenter);
        assert_false(pl.one_screen);
        assert_false(overlaps(pl.presenter_rect, two[aud]));
        assert_true(overlaps(pl.presenter_rect, two[1 - aud]));
    }
    sp_gui_projector_place_on(two, two, 1, -1, 1, &pl); /* one display */
    assert_false(pl.presenter);
    assert_true(pl.one_screen);
    assert_true(pl.audience_fullscreen);
    sp_gui_projector_place_on(two, two, 1, -1, 0, &pl); /* none asked: nothing to say */
    assert_false(pl.one_screen);
    assert_int_equal(SDL_InitSubSystem(SDL_INIT_VIDEO), 0);
    sp_gui_projector_place(-1, 1, &pl);                 /* the dummy driver: one display */
    assert_true(pl.one_screen);
    assert_false(pl.presenter);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);

    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_app_init(&a, "", ""); /* no settings file: the defaults, nothing saved */
    assert_int_equal(sp_ui_group_enable(&a, 1), 0);
    a.group->one_screen = pl.one_screen;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_open(&a, "intake", d), SP_OK);
    sp_diag_free(d);
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    assert_true(gui_testutil_text_with(&l, "Eén scherm: geen presentatorvenster"));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The sentence under a decided vote agrees with its count: "1 stemde anders",
 * "2 stemden anders" (hand-written expectations, all three kinds of decision). */
static void test_verdict_agrees_with_its_count(void **state)
{
    (void)state;
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_ui ui = { .l = &l };
    const int one[] = { 1, 4, 0 }, two[] = { 2, 4, 0 }, tie[] = { 3, 3 };
    assert_string_equal(sp_ui_group_view_verdict(&ui, one, 3, 1, 0, 1), "De groep koos B: 4 van de 5 stemmen. 1 stemde anders.");
    assert_string_equal(sp_ui_group_view_verdict(&ui, two, 3, 1, 0, 1), "De groep koos B: 4 van de 6 stemmen. 2 stemden anders.");
    assert_string_equal(sp_ui_group_view_verdict(&ui, one, 3, 0, 1, 1),
                        "De trainer koos A, tegen de groep in: 4 van de 5 stemden anders.");
    assert_string_equal(sp_ui_group_view_verdict(&ui, (const int[]){ 4, 1, 0 }, 3, 0, 1, 1),
                        "De trainer koos A, tegen de groep in: 1 van de 5 stemde anders.");
    assert_string_equal(sp_ui_group_view_verdict(&ui, tie, 2, 0, 0, 1), "Gelijke stand; de trainer koos A. 3 van de 6 stemden anders.");
    sp_ui_list_free(&l);
}

static const sp_ui_cmd *line_at(const sp_ui_list *l, const char *text)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && (size_t)l->cmds[i].len == strlen(text) &&
            strncmp(l->cmds[i].text, text, strlen(text)) == 0)
            return &l->cmds[i];
    return NULL;
}

static int same_rgba(sp_ui_rgba a, sp_ui_rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* The phones' heat list at the flag round: before the reveal names and
 * counts only; after it each flag as the solo verdict has it, a defensible
 * flag the author did not list "niet bedoeld hier" (not a false alarm). */
static void test_heat_list_verdicts(void **state)
{
    (void)state;
    sp_ui_app a;
    int yes, no, elsewhere;
    gui_testutil_three_verdicts(&a, &yes, &no, &elsewhere);
    const sp_handbook *hb = a.hb;
    int n = hb->n_redflags, counts[64] = { 0 };
    counts[yes] = 3, counts[elsewhere] = 2, counts[no] = 1; /* most spotted first: yes, elsewhere, no */
    unsigned char verdict[64];
    for (int f = 0; f < n; f++)
        verdict[f] = (unsigned char)sp_session_flag_verdict(a.s, f, sp_session_turn(a.s), NULL);
    sp_ui_metrics m;
    gui_testutil_wall_metrics(1080, SP_UI_SIZE_M, &m);
    const sp_ui_theme *th = sp_ui_theme_get(1);
    for (int revealed = 0; revealed < 2; revealed++) {
        sp_ui_list l;
        sp_ui_list_init(&l);
        sp_ui_ui ui = { .l = &l, .m = &m, .th = th, .focus = -1, .hover = -1 };
        sp_ui_page pg = { .x = 0, .w = 1800, .y = 0 };
        sp_ui_phones_heat_rows(&ui, &pg, hb, SP_LANG_NL, counts, n, 6, revealed ? verdict : NULL, 1 << 20);
        const char *word[3] = { "speelt hier", "niet bedoeld hier", "speelt hier nu niet" };
        const char *mark[3] = { "✓", "~", "✗" };
        sp_ui_rgba colour[3] = { th->good, th->mixed, th->bad };
        int flags[3] = { yes, elsewhere, no }, last_y = -1;
        for (int k = 0; k < 3; k++) {
            const char *label = sp_text_get(&hb->redflags[flags[k]].label, SP_LANG_NL);
            char want[256];
            snprintf(want, sizeof want, "%s · %s", label, word[k]);
            const sp_ui_cmd *c = line_at(&l, revealed ? want : label);
            if (!c) /* a long label wraps: its first words begin the row */
                c = gui_testutil_text_cmd(&l, label);
            assert_non_null(c);
            assert_true(c->r.y > last_y);
            last_y = c->r.y;
            if (revealed) {
                assert_true(same_rgba(c->fill, colour[k]));
                const sp_ui_cmd *mk = line_at(&l, mark[k]);
                assert_non_null(mk);
                assert_true(same_rgba(mk->fill, colour[k]));
            }
        }
        assert_int_equal(gui_testutil_text_with(&l, "✓") || gui_testutil_text_with(&l, "~") || gui_testutil_text_with(&l, "✗"), revealed);
        sp_ui_list_free(&l);
    }
    sp_ui_app_free(&a);
}

/* Every flag spotted by the phones: the heat list stays within its height,
 * the most spotted first, and one line counts the rest (hand-made counts:
 * flag f spotted 20 - f times, so the rows left out are the last ones). */
static void test_heat_list_fits(void **state)
{
    (void)state;
    sp_ui_app a;
    int yes, no, elsewhere;
    gui_testutil_three_verdicts(&a, &yes, &no, &elsewhere);
    const sp_handbook *hb = a.hb;
    int n = hb->n_redflags, counts[64] = { 0 };
    assert_true(n >= 10 && n <= 20);
    for (int f = 0; f < n; f++)
        counts[f] = 20 - f;
    sp_ui_metrics m;
    gui_testutil_wall_metrics(1080, SP_UI_SIZE_M, &m);
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_ui ui = { .l = &l, .m = &m, .th = sp_ui_theme_get(1), .focus = -1, .hover = -1 };
    sp_ui_page pg = { .x = 0, .w = 1800, .y = 100 };
    int max_h = 400;
    sp_ui_phones_heat_rows(&ui, &pg, hb, SP_LANG_NL, counts, n, 20, NULL, max_h);
    assert_true(pg.y <= 100 + max_h);
    int shown = 0, last_y = -1;
    for (int f = 0; f < n; f++) {
        const sp_ui_cmd *c = gui_testutil_text_cmd(&l, sp_text_get(&hb->redflags[f].label, SP_LANG_NL));
        if (!c)
            break;
        assert_true(c->r.y > last_y && c->r.y + c->r.h <= 100 + max_h);
        last_y = c->r.y;
        shown++;
    }
    assert_true(shown >= 1 && shown < n);
    for (int f = shown; f < n; f++) /* none of the rest has a row */
        assert_null(gui_testutil_text_cmd(&l, sp_text_get(&hb->redflags[f].label, SP_LANG_NL)));
    char want[64];
    snprintf(want, sizeof want, "+ nog %d, elk door %d of minder gezien", n - shown, 20 - shown);
    assert_true(gui_testutil_text_with(&l, want));
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* The QR code on the vote screen is sized from the screen, for a room to
 * scan from its seats: a module at least 4 px at 1024x768, 6 at 1920x1080,
 * 12 at 3840x2160, the whole code on the screen. */
static void test_qr_sized_from_the_screen(void **state)
{
    (void)state;
    static const int want[][3] = { { 1024, 768, 4 }, { 1280, 720, 4 }, { 1920, 1080, 6 }, { 3840, 2160, 12 },
                                   { 3840, 1080, 6 } };
    sp_ui_phones ph = { 0 };
    gui_testutil_phones(&ph);
    assert_non_null(ph.qr);
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, "intake");
    a.group->phones = &ph;
    a.group->presenter = 1;
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_VOTE, 0);
    const sp_ui_rgba dark = { 0x1E, 0x29, 0x33, 0xFF };
    for (size_t z = 0; z < sizeof want / sizeof want[0]; z++) {
        int w = want[z][0], h = want[z][1];
        a.scroll[0] = 0;
        sp_gui_projector_layout_wall(&a, gui_testutil_text, w, h, &l);
        int mod = 1 << 20, n = 0;
        sp_ui_rect screen = sp_ui_rect_make(0, 0, w, h);
        for (int i = 0; i < l.n_cmds; i++)
            if (l.cmds[i].kind == SP_UI_CMD_RECT && same_rgba(l.cmds[i].fill, dark)) {
                mod = l.cmds[i].r.h < mod ? l.cmds[i].r.h : mod; /* a run of modules in one row */
                assert_true(gui_testutil_inside(screen, l.cmds[i].r));
                n++;
            }
        assert_true(n > 0);
        if (mod < want[z][2])
            fail_msg("%dx%d: a module of the QR code is %d px, want at least %d", w, h, mod, want[z][2]);
        assert_int_equal(gui_testutil_hidden(&l, w, h, "the vote with the phones"), 0);
    }
    a.group->phones = NULL;
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
    sp_ui_phones_end(&ph);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heat_list_verdicts),
        cmocka_unit_test(test_heat_list_fits),
        cmocka_unit_test(test_qr_sized_from_the_screen),
        cmocka_unit_test(test_presenter_never_on_the_wall),
        cmocka_unit_test(test_verdict_agrees_with_its_count),
    };
    return cmocka_run_group_tests(tests, gui_testutil_fonts_up, gui_testutil_fonts_down);
}
