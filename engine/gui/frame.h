/* frame.h: one frame of the window: font sizes from the settings and the screen, layout, drawing. */
#ifndef SP_GUI_FRAME_H
#define SP_GUI_FRAME_H

#include <SDL.h>
#include "ui/app.h"
#include "draw.h"
#include "text.h"

/* Pixel sizes of the font roles for a text size (S..XL), the HiDPI scale
 * (output pixels per window pixel) and the window height in window pixels
 * (large screens get larger type, up to twice the base). */
void sp_gui_frame_sizes(int text_size, double scale, int window_h, int px[SP_UI_FONT_COUNT]);

/* Sets the fonts for those sizes and fills m. -1 when a font cannot be opened. */
int sp_gui_frame_metrics(sp_gui_text *t, int text_size, double scale, int window_h, sp_ui_metrics *m);

/* Lays out a's current screen for an output of w x h pixels into out, with
 * m the metrics used: at the text size set, or, when a decision's options
 * do not all fit in view even laid out tightly (a small window at L or XL),
 * a size smaller, down to M, which fits every window from 800x600 up. */
void sp_gui_frame_layout(sp_ui_app *a, sp_gui_text *t, int w, int h, double scale, sp_ui_metrics *m,
                         sp_ui_list *out);

/* The same, drawn into r (clear, draw; the caller presents). */
void sp_gui_frame_render(sp_ui_app *a, sp_gui_text *t, sp_gui_draw *d, SDL_Renderer *r,
                         int w, int h, double scale, sp_ui_list *out);

#endif
