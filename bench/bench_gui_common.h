/* bench_gui_common.h: the window benches' one set-up (bench_gui.c, bench_phones_gui.c): an offscreen surface with SDL's software renderer, the text and drawing layers, and the app with the intake case open. */
#ifndef BENCH_GUI_COMMON_H
#define BENCH_GUI_COMMON_H

#include <SDL.h>

#include "ui/app.h"
#include "gui/draw.h"
#include "gui/text.h"

typedef struct bench_gui {
    SDL_Surface *surf;
    SDL_Renderer *r;
    sp_gui_text *text;
    sp_gui_draw *draw;
    sp_ui_app app;          /* the intake open on its role card, the clock fixed */
    char tmp[64];            /* its settings and transcripts, removed by bench_gui_close */
    char settings[96];
} bench_gui;

/* TTF, a w x h ARGB surface with the software renderer on it, the text and
 * draw layers, a fresh folder and the app with "intake" open. 0, or -1 with
 * the reason on stderr after "who: ". */
int bench_gui_open(bench_gui *b, const char *who, int w, int h);
/* Frees all of it, removes the folder's settings and the folder, quits TTF and SDL. */
void bench_gui_close(bench_gui *b);

#endif
