/* gui_testutil.c: what the window's unit tests share (gui_testutil.h). */
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

#include "gui/frame.h"
#include "ui/group.h"
#include "ui/group_phones.h"
#include "net/phones.h"
#include "gui_testutil.h"

sp_gui_text *gui_testutil_text;
char gui_testutil_dir[64];
int64_t gui_testutil_clock;

static int64_t test_clock(void *ctx)
{
    int64_t *t = ctx;
    return (*t)++;
}

int gui_testutil_fonts_up(void **state)
{
    (void)state;
    if (TTF_Init() != 0)
        return -1;
    char err[512];
    gui_testutil_text = sp_gui_text_new(NULL, err, sizeof err);
    if (!gui_testutil_text)
        fprintf(stderr, "%s\n", err);
    return gui_testutil_text ? 0 : -1;
}

int gui_testutil_fonts_down(void **state)
{
    (void)state;
    sp_gui_text_free(gui_testutil_text);
    gui_testutil_text = NULL;
    TTF_Quit();
    return 0;
}

int gui_testutil_video_up(void **state)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return -1;
    return gui_testutil_fonts_up(state);
}

int gui_testutil_video_down(void **state)
{
    gui_testutil_fonts_down(state);
    SDL_Quit();
    return 0;
}

int gui_testutil_dir_up(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(gui_testutil_dir, sizeof gui_testutil_dir, "%s/sp-gui-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    gui_testutil_clock = 1767225600; /* 2026-01-01 */
    return mkdtemp(gui_testutil_dir) ? 0 : -1;
}

int gui_testutil_dir_down(void **state)
{
    (void)state;
    DIR *d = opendir(gui_testutil_dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", gui_testutil_dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(gui_testutil_dir);
    return 0;
}

void gui_testutil_app(sp_ui_app *a)
{
    char settings[128];
    snprintf(settings, sizeof settings, "%s/settings.ini", gui_testutil_dir);
    sp_ui_app_init(a, settings, gui_testutil_dir);
    a->clock = test_clock;
    a->clock_ctx = &gui_testutil_clock;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(a, d), SP_OK);
    sp_diag_free(d);
}

void gui_testutil_build(sp_ui_app *a, sp_ui_list *l, int w, int h)
{
    sp_ui_metrics m;
    sp_gui_frame_layout(a, gui_testutil_text, w, h, 1.0, &m, l);
}

const char *gui_testutil_example(void)
{
    static char path[1024];
    const char *root = getenv("SAMENSPEL_DATA");
    snprintf(path, sizeof path, "%s/tests/data/gui/voorbeeld.xml", root && *root ? root : ".");
    return path;
}

void gui_testutil_group(sp_ui_app *a, const char *arg)
{
    sp_ui_app_init(a, "", ""); /* no settings file: the defaults, nothing saved */
    assert_int_equal(sp_ui_group_enable(a, 1), 0);
    sp_diag *d = sp_diag_new();
    sp_status st = sp_ui_app_open(a, arg, d);
    for (int i = 0; i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    sp_diag_free(d);
    assert_int_equal(st, SP_OK);
    sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
    assert_int_equal(a->screen, SP_UI_SCREEN_PLAY);
    assert_int_equal(a->group->phase, SP_UI_GROUP_SCENE);
    a->group->room = SP_UI_ROOM_MAX;
}

/* ---- what the wall's tests (test_gui_wall*.c) share ---- */

int gui_testutil_inside(sp_ui_rect in, sp_ui_rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

/* Text or a shape that is on the list but not wholly on the screen: outside the window,
 * or outside the clip of the page it belongs to (what lies there is not
 * drawn, or drawn cut). Returns how many such lines, printing the first. */
int gui_testutil_hidden(const sp_ui_list *l, int w, int h, const char *what)
{
    sp_ui_rect screen = sp_ui_rect_make(0, 0, w, h), clip = screen;
    int n = 0;
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        if (c->kind == SP_UI_CMD_CLIP)
            clip = c->r;
        else if (c->kind == SP_UI_CMD_UNCLIP)
            clip = screen;
        else if ((c->kind != SP_UI_CMD_TEXT || c->len > 0) && c->r.w > 0 && c->r.h > 0 &&
                 (!gui_testutil_inside(screen, c->r) || !gui_testutil_inside(clip, c->r))) {
            if (!n++)
                print_message("%s at %dx%d: '%.40s' at %d,%d %dx%d is not in view (page %d,%d %dx%d)\n", what, w, h,
                              c->kind == SP_UI_CMD_TEXT ? c->text : "(a shape)", c->r.x, c->r.y, c->r.w, c->r.h,
                              clip.x, clip.y, clip.w, clip.h);
        }
    }
    return n;
}

const sp_ui_cmd *gui_testutil_text_cmd(const sp_ui_list *l, const char *prefix)
{
    size_t n = strlen(prefix);
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && (size_t)l->cmds[i].len >= n && strncmp(l->cmds[i].text, prefix, n) == 0)
            return &l->cmds[i];
    return NULL;
}

int gui_testutil_text_with(const sp_ui_list *l, const char *prefix)
{
    return gui_testutil_text_cmd(l, prefix) != NULL;
}

/* The intake in group play, on to a view with a flag at play (*yes), one
 * defensible but not intended here (*elsewhere) and a false alarm (*no): the
 * verdicts by session.h's rule, worked out by the core's own test. */
void gui_testutil_three_verdicts(sp_ui_app *a, int *yes_, int *no_, int *elsewhere_)
{
    gui_testutil_group(a, "intake");
    unsigned char present[64], marked[64];
    int yes = -1, no = -1, elsewhere = -1, guard = 0;
    while ((yes < 0 || elsewhere < 0) && guard++ < 30) {
        sp_ui_group_flags_now(a, present, marked);
        int turn = sp_session_turn(a->s);
        yes = no = elsewhere = -1;
        for (int f = 0; f < a->hb->n_redflags && f < 64; f++) {
            sp_flag_verdict v = sp_session_flag_verdict(a->s, f, turn, NULL);
            assert_int_equal(v == SP_FLAG_PRESENT, present[f]);
            if (v == SP_FLAG_PRESENT && yes < 0)
                yes = f;
            if (v == SP_FLAG_NOT_INTENDED && elsewhere < 0)
                elsewhere = f;
            if (v == SP_FLAG_FALSE_ALARM && no < 0)
                no = f;
        }
        if (yes < 0 || elsewhere < 0) {
            sp_ui_app_action(a, SP_UI_ACT_GROUP_PICK, 0);
            sp_ui_app_action(a, SP_UI_ACT_GROUP_NEXT, 0);
        }
    }
    assert_true(yes >= 0 && elsewhere >= 0 && no >= 0);
    *yes_ = yes, *no_ = no, *elsewhere_ = elsewhere;
}

void gui_testutil_phones(sp_ui_phones *ph)
{
    static const char *const labels[] = { "Geen tijd" };
    sp_phones_config cfg = { .listen = "127.0.0.1", .lang = "nl", .n_flags = 1, .flag_labels = labels };
    char err[256];
    sp_phones *srv = sp_phones_start(&cfg, err, sizeof err);
    if (!srv)
        fail_msg("the phones' server did not start: %s", err);
    sp_ui_phones_begin(ph, srv);
}

void gui_testutil_wall_metrics(int h, int text_size, sp_ui_metrics *m)
{
    int px[SP_UI_FONT_COUNT];
    sp_ui_group_sizes(h, text_size, px);
    assert_int_equal(sp_gui_text_set_sizes(gui_testutil_text, px), 0);
    sp_gui_text_metrics(gui_testutil_text, m);
}
