/* gui_testutil.h: what the window's unit tests share: the fonts without a display, a fresh folder per test, an app in it on a fixed clock, a screen laid out at a size. */
#ifndef SP_GUI_TESTUTIL_H
#define SP_GUI_TESTUTIL_H

/* gui_testutil.c is linked into the tests that use the hosts (not into the
 * core tests, which stay free of SDL). A test includes this after
 * <cmocka.h>. */

#include <stdint.h>

#include "ui/app.h"
#include "gui/text.h"
#include "ui/group_phones.h"

extern sp_gui_text *gui_testutil_text;  /* the default font, from gui_testutil_fonts_up */
extern char gui_testutil_dir[64];       /* this test's folder, from gui_testutil_dir_up */
extern int64_t gui_testutil_clock;      /* the app's clock (seconds; +1 a reading) */

/* Group set-up and tear-down for cmocka: SDL_ttf and the default font. */
int gui_testutil_fonts_up(void **state);
int gui_testutil_fonts_down(void **state);
/* The same with SDL's video subsystem too (renderers, SDL_image). */
int gui_testutil_video_up(void **state);
int gui_testutil_video_down(void **state);
/* Per-test set-up and tear-down: a fresh folder under /tmp (its files and
 * itself removed afterwards) and the clock back at 2026-01-01. */
int gui_testutil_dir_up(void **state);
int gui_testutil_dir_down(void **state);
/* The app with settings and transcripts in the test's folder, on the test
 * clock, the built-in cases loaded. */
void gui_testutil_app(sp_ui_app *a);
/* tests/data/gui/voorbeeld.xml under $SAMENSPEL_DATA: a case of two moments. */
const char *gui_testutil_example(void);
/* A group play of arg (a case id or path) at its first decision, no
 * settings file and no transcripts on disk, in a room as large as a
 * lecture hall (the room's own check has its own test). */
void gui_testutil_group(sp_ui_app *a, const char *arg);
/* The wall's type for an output h pixels high at a text size (the room's
 * full size, sp_ui_group_sizes) set on gui_testutil_text, and m from it. */
void gui_testutil_wall_metrics(int h, int text_size, sp_ui_metrics *m);
/* Lays out the current screen at w x h into l (as the window does before
 * it handles the next key). */
void gui_testutil_build(sp_ui_app *a, sp_ui_list *l, int w, int h);

/* What the wall's tests share (test_gui_wall*.c): r wholly inside in; the
 * lines and shapes not wholly in view at w x h (the first one printed,
 * with what); the first text line that begins with prefix; the intake in
 * group play on to a view with a flag at play (*yes), one not intended
 * here (*elsewhere) and a false alarm (*no). */
int gui_testutil_inside(sp_ui_rect in, sp_ui_rect r);
int gui_testutil_hidden(const sp_ui_list *l, int w, int h, const char *what);
const sp_ui_cmd *gui_testutil_text_cmd(const sp_ui_list *l, const char *prefix);
int gui_testutil_text_with(const sp_ui_list *l, const char *prefix);
void gui_testutil_three_verdicts(sp_ui_app *a, int *yes_, int *no_, int *elsewhere_);
/* The phones' server on 127.0.0.1 (one red flag on its page) and ph begun
 * on it (sp_ui_phones_end stops it). */
void gui_testutil_phones(sp_ui_phones *ph);

#endif
