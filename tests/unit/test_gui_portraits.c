/* test_gui_portraits.c: the drawings in assets/ render through SDL_image at 64 and 1024 px, every person of every case has all four expressions, and the window and the wall draw the speaker's expression or, when a drawing is missing or broken, the initials with one warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "testutil.h"
#include "ui/app.h"
#include "gui/draw.h"
#include "gui/frame.h"
#include "ui/group.h"
#include "gui/projector.h"
#include "gui/text.h"
#include "gui_testutil.h"


/* ---- the files ------------------------------------------------------------ */

/* What a rendering covers: pixels that are not fully transparent, and their
 * bounding box. */
typedef struct coverage {
    int w, h;
    long ink;
    int x0, y0, x1, y1;
} coverage;

static coverage measure(SDL_Surface *s)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    assert_non_null(c);
    coverage cv = { c->w, c->h, 0, c->w, c->h, -1, -1 };
    SDL_LockSurface(c);
    for (int y = 0; y < c->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)c->pixels + y * c->pitch);
        for (int x = 0; x < c->w; x++) {
            if ((row[x] >> 24) == 0)
                continue;
            cv.ink++;
            if (x < cv.x0) cv.x0 = x;
            if (y < cv.y0) cv.y0 = y;
            if (x > cv.x1) cv.x1 = x;
            if (y > cv.y1) cv.y1 = y;
        }
    }
    SDL_UnlockSurface(c);
    SDL_FreeSurface(c);
    return cv;
}

static SDL_Surface *load_svg(const char *path, int size)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw)
        return NULL;
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, size, size);
    SDL_RWclose(rw);
    return s;
}

/* The drawing at path, rasterised at size: as large as asked (its longer
 * side exactly size), with ink on at least a quarter of the square and a
 * bounding box at least half of it each way (a drawing scaled up from a
 * small bitmap, or one that rendered to nothing, fails here). */
static void assert_renders(const char *path, int size)
{
    SDL_Surface *s = load_svg(path, size);
    if (!s)
        fail_msg("%s does not render at %d px: %s", path, size, IMG_GetError());
    coverage cv = measure(s);
    SDL_FreeSurface(s);
    if ((cv.w > cv.h ? cv.w : cv.h) != size || cv.w > size || cv.h > size)
        fail_msg("%s at %d px came out %d x %d", path, size, cv.w, cv.h);
    if (cv.ink * 4 < (long)size * size)
        fail_msg("%s at %d px: ink on only %ld of %d pixels", path, size, cv.ink, size * size);
    if (cv.x1 - cv.x0 + 1 < size / 2 || cv.y1 - cv.y0 + 1 < size / 2)
        fail_msg("%s at %d px: drawn within %d x %d only", path, size, cv.x1 - cv.x0 + 1, cv.y1 - cv.y0 + 1);
}

/* Every *.svg under dir, rendered at 64 and 1024 px; returns how many. */
static int render_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot read %s", dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        size_t len = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) {
            n += render_tree(path);
        } else if (len > 4 && strcmp(e->d_name + len - 4, ".svg") == 0) {
            assert_renders(path, 64);
            assert_renders(path, 1024);
            n++;
        }
    }
    closedir(d);
    return n;
}

static void test_every_svg_renders(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/assets", testutil_root());
    /* six people in four expressions, the icon and its copy in hicolor/scalable */
    assert_int_equal(render_tree(dir), 6 * 4 + 2);
}

/* Every person of the three cases names a portrait folder that holds all
 * four expressions, each a drawing that renders. */
static void test_every_person_has_every_expression(void **state)
{
    (void)state;
    static const char *const cases[] = { "scenarios/intake.xml", "scenarios/uitvoering.xml",
                                         "scenarios/teruggeven.xml" };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sp_handbook *hb = NULL;
        sp_scenario *sc = NULL;
        assert_int_equal(testutil_load("scenarios/handbook.xml", cases[c], &hb, &sc), 0);
        assert_true(sc->n_cast >= 4);
        for (int i = 0; i < sc->n_cast; i++) {
            const sp_person *p = &sc->cast[i];
            if (!p->portrait)
                fail_msg("%s: %s has no portrait", cases[c], p->id);
            for (int m = 0; m < SP_MOOD_COUNT; m++) {
                char path[1024];
                snprintf(path, sizeof path, "%s/assets/portraits/%s/%s.svg", testutil_root(), p->portrait,
                         sp_mood_name((sp_mood)m));
                SDL_Surface *s = load_svg(path, 64);
                if (!s)
                    fail_msg("%s: %s: %s does not load", cases[c], p->id, path);
                SDL_FreeSurface(s);
            }
        }
        sp_scenario_free(sc);
        sp_handbook_free(hb);
    }
}

/* ---- the window ------------------------------------------------------------ */

static void open_case(sp_ui_app *a, const char *portraits, int group)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/gui/portretten.xml", testutil_root());
    sp_ui_app_init(a, "", ""); /* no settings file: the defaults, nothing saved */
    snprintf(a->portraits, sizeof a->portraits, "%s", portraits);
    if (group)
        assert_int_equal(sp_ui_group_enable(a, 1), 0);
    sp_diag *d = sp_diag_new();
    sp_status st = sp_ui_app_open(a, path, d);
    testutil_print_diag(d);
    sp_diag_free(d);
    assert_int_equal(st, SP_OK);
    sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
}

/* Renders the app `frames` times with one drawer (as the window does) into
 * a fresh w x h surface; the list holds the last layout. What the drawer
 * writes on stderr goes to the file errpath (NULL: stays on stderr). */
static SDL_Surface *render(sp_ui_app *a, int w, int h, int frames, sp_ui_list *list, const char *errpath)
{
    int saved = -1;
    if (errpath) {
        fflush(stderr);
        saved = dup(2);
        FILE *f = fopen(errpath, "w");
        assert_non_null(f);
        dup2(fileno(f), 2);
        fclose(f);
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    sp_gui_draw *d = sp_gui_draw_new(r, gui_testutil_text);
    for (int i = 0; i < frames; i++) {
        sp_gui_frame_render(a, gui_testutil_text, d, r, w, h, 1.0, list);
        SDL_RenderPresent(r);
        sp_gui_text_end_frame(gui_testutil_text);
    }
    sp_gui_text_drop_textures(gui_testutil_text);
    sp_gui_draw_free(d);
    SDL_DestroyRenderer(r);
    if (errpath) {
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
    }
    return s;
}

static sp_ui_rgba pixel(SDL_Surface *s, int x, int y)
{
    Uint32 v = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    sp_ui_rgba c = { (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 255 };
    return c;
}

static void assert_near(sp_ui_rgba c, uint32_t rgb, const char *what)
{
    int r = (int)(rgb >> 16 & 0xFF), g = (int)(rgb >> 8 & 0xFF), b = (int)(rgb & 0xFF);
    if (abs(c.r - r) > 6 || abs(c.g - g) > 6 || abs(c.b - b) > 6)
        fail_msg("%s: #%02x%02x%02x, expected #%06x", what, c.r, c.g, c.b, (unsigned)rgb);
}

/* The portraits of the list in order: the initials circles and the drawings. */
static int portraits(const sp_ui_list *l, const sp_ui_cmd **out, int max)
{
    int n = 0;
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].tag == SP_UI_TAG_PORTRAIT && n < max)
            out[n++] = &l->cmds[i];
    return n;
}

/* Klaasen says three lines: neutral, tired, guarded. Each change of
 * expression shows his portrait again, each drawn over its initials circle
 * from the file of that expression; the drawing covers the circle (the
 * backdrop of klaasen's drawings is #f1e4d6 at the top, his face #d9a982
 * in the middle, both read from the SVGs in assets/portraits/klaasen). The
 * window is tall enough for the page not to scroll a line under the top bar. */
static void test_conversation_draws_the_expression(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/assets/portraits", testutil_root());
    sp_ui_app a;
    open_case(&a, dir, 0);
    sp_ui_list l;
    sp_ui_list_init(&l);
    char err[] = "/tmp/sp-test-portraits-err-XXXXXX";
    int fd = mkstemp(err);
    assert_true(fd >= 0);
    close(fd);
    SDL_Surface *s = render(&a, 1280, 1600, 1, &l, err);
    char *said = testutil_read(err, NULL);
    assert_string_equal(said, ""); /* nothing to warn about */
    free(said);
    unlink(err);

    const sp_ui_cmd *p[16];
    int n = portraits(&l, p, 16);
    assert_int_equal(n, 6); /* three circles, each with its drawing after it */
    static const char *const moods[] = { "/klaasen/neutral.svg", "/klaasen/tired.svg", "/klaasen/guarded.svg" };
    for (int k = 0; k < 3; k++) {
        const sp_ui_cmd *circle = p[2 * k], *img = p[2 * k + 1];
        assert_int_equal(circle->kind, SP_UI_CMD_CIRCLE);
        assert_int_equal(img->kind, SP_UI_CMD_IMAGE);
        assert_memory_equal(&circle->r, &img->r, sizeof circle->r);
        size_t len = strlen(img->text), want = strlen(moods[k]);
        assert_true(len > want);
        assert_string_equal(img->text + len - want, moods[k]);
        int cx = img->r.x + img->r.w / 2;
        assert_near(pixel(s, cx, img->r.y + img->r.h / 8), 0xF1E4D6, "the drawing's backdrop");
        assert_near(pixel(s, cx, img->r.y + img->r.h / 2), 0xD9A982, "the face");
    }
    SDL_FreeSurface(s);

    /* --no-portraits: the circles alone, in the cast colour */
    a.portraits[0] = '\0';
    s = render(&a, 1280, 1600, 1, &l, NULL);
    n = portraits(&l, p, 16);
    assert_int_equal(n, 3);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(p[k]->kind, SP_UI_CMD_CIRCLE);
        assert_near(pixel(s, p[k]->r.x + p[k]->r.w / 2, p[k]->r.y + p[k]->r.h / 8), 0x8A5A2B, "the initials circle");
    }
    SDL_FreeSurface(s);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static int count_lines_with(const char *s, const char *what)
{
    int n = 0;
    for (const char *line = s; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[2048];
        snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf - 1 ? len : sizeof buf - 1), line);
        n += strstr(buf, what) != NULL;
        line += len + (end != NULL);
    }
    return n;
}

/* A folder where klaasen's neutral drawing is missing, the tired one is not
 * an SVG and the guarded one is a FIFO: three frames draw the initials
 * circles in the cast colour, never hang or crash, and name each file once. */
static void test_missing_or_broken_falls_back(void **state)
{
    (void)state;
    char dir[512], sub[600], path[700];
    assert_int_equal(testutil_tmpdir(dir, sizeof dir, "portraits"), 0);
    snprintf(sub, sizeof sub, "%s/klaasen", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/tired.svg", sub);
    testutil_write(path, "<svg dit is geen tekening", 25);
    snprintf(path, sizeof path, "%s/guarded.svg", sub);
    assert_int_equal(mkfifo(path, 0600), 0);

    sp_ui_app a;
    open_case(&a, dir, 0);
    sp_ui_list l;
    sp_ui_list_init(&l);
    char err[700];
    snprintf(err, sizeof err, "%s.stderr", dir);
    SDL_Surface *s = render(&a, 1280, 1600, 3, &l, err);
    char *said = testutil_read(err, NULL);
    unlink(err);
    assert_int_equal(count_lines_with(said, "samenspel: portrait "), 3);
    assert_int_equal(count_lines_with(said, "klaasen/neutral.svg"), 1);
    assert_int_equal(count_lines_with(said, "klaasen/tired.svg"), 1);
    assert_int_equal(count_lines_with(said, "klaasen/guarded.svg"), 1);
    assert_int_equal(count_lines_with(said, "initials"), 3);
    assert_int_equal(count_lines_with(said, "FIFO"), 1);
    free(said);

    const sp_ui_cmd *p[16];
    int n = portraits(&l, p, 16);
    assert_int_equal(n, 6);
    for (int k = 0; k < n; k += 2)
        assert_near(pixel(s, p[k]->r.x + p[k]->r.w / 2, p[k]->r.y + p[k]->r.h / 8), 0x8A5A2B,
                    "the initials circle under a drawing that did not load");
    SDL_FreeSurface(s);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
    unlink(path);
    snprintf(path, sizeof path, "%s/tired.svg", sub);
    unlink(path);
    rmdir(sub);
    rmdir(dir);
}

/* The wall (group play) shows the same three expressions, each drawing
 * over its circle; without portraits only the circles. */
static void test_wall_draws_the_expression(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/assets/portraits", testutil_root());
    sp_ui_app a;
    open_case(&a, dir, 1);
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    const sp_ui_cmd *p[16];
    int n = portraits(&l, p, 16);
    assert_int_equal(n, 6);
    static const char *const moods[] = { "/klaasen/neutral.svg", "/klaasen/tired.svg", "/klaasen/guarded.svg" };
    for (int k = 0; k < 3; k++) {
        assert_int_equal(p[2 * k]->kind, SP_UI_CMD_CIRCLE);
        assert_int_equal(p[2 * k + 1]->kind, SP_UI_CMD_IMAGE);
        assert_memory_equal(&p[2 * k]->r, &p[2 * k + 1]->r, sizeof p[0]->r);
        const char *path = p[2 * k + 1]->text;
        size_t len = strlen(path), want = strlen(moods[k]);
        assert_true(len > want);
        assert_string_equal(path + len - want, moods[k]);
    }
    a.portraits[0] = '\0';
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    assert_int_equal(portraits(&l, p, 16), 3);
    for (int k = 0; k < 3; k++)
        assert_int_equal(p[k]->kind, SP_UI_CMD_CIRCLE);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_svg_renders),
        cmocka_unit_test(test_every_person_has_every_expression),
        cmocka_unit_test(test_conversation_draws_the_expression),
        cmocka_unit_test(test_missing_or_broken_falls_back),
        cmocka_unit_test(test_wall_draws_the_expression),
    };
    return cmocka_run_group_tests(tests, gui_testutil_video_up, gui_testutil_video_down);
}
