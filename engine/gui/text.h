/* text.h: fonts (fontconfig, --font), measuring for the layout and an LRU cache of rendered text textures. */
#ifndef SP_GUI_TEXT_H
#define SP_GUI_TEXT_H

#include <SDL.h>
#include "ui/layout.h"

typedef struct sp_gui_text sp_gui_text;

/* Finds the faces: font_path when given (bold and italic are then
 * synthesised by SDL_ttf), else DejaVu Sans and its Bold and Oblique
 * through fontconfig. On failure returns NULL with a sentence in err.
 * TTF_Init must have succeeded. */
sp_gui_text *sp_gui_text_new(const char *font_path, char *err, int errlen);
void sp_gui_text_free(sp_gui_text *t);
const char *sp_gui_text_path(const sp_gui_text *t); /* the regular face's file */

/* Sets the pixel size of every font role; fonts of other sizes are closed.
 * Returns 0, or -1 when a face cannot be opened at that size. */
int sp_gui_text_set_sizes(sp_gui_text *t, const int px[SP_UI_FONT_COUNT]);

/* Fills m's measure callback and line heights for the current sizes. */
void sp_gui_text_metrics(sp_gui_text *t, sp_ui_metrics *m);

/* The texture of one line, from the cache or rendered now; NULL when the
 * text is empty or rendering failed. Owned by the cache: valid until the
 * next sp_gui_text_end_frame(). */
SDL_Texture *sp_gui_text_texture(sp_gui_text *t, SDL_Renderer *r, int font, sp_ui_rgba c,
                                 const char *s, int len, int *w, int *h);
/* Called after a frame is presented: evicts least recently used textures
 * beyond the cache's budget (never one used in this frame). */
void sp_gui_text_end_frame(sp_gui_text *t);
/* Destroys every cached texture (the renderer is going away). */
void sp_gui_text_drop_textures(sp_gui_text *t);
int sp_gui_text_cached(const sp_gui_text *t); /* number of cached textures */

#endif
