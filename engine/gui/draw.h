/* draw.h: turns a display list into pixels with an SDL renderer: rounded rectangles, discs, text. */
#ifndef SP_GUI_DRAW_H
#define SP_GUI_DRAW_H

#include <SDL.h>
#include "ui/layout.h"
#include "text.h"

typedef struct sp_gui_draw sp_gui_draw;

sp_gui_draw *sp_gui_draw_new(SDL_Renderer *r, sp_gui_text *text);
void sp_gui_draw_free(sp_gui_draw *d);
/* Frees the cached pictures (they are made again at their next use). */
void sp_gui_draw_drop_images(sp_gui_draw *d);

/* Draws every command of l in order (does not clear, does not present). */
void sp_gui_draw_list(sp_gui_draw *d, const sp_ui_list *l);

#endif
