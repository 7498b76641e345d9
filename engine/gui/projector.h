/* projector.h: the windows of group play: where the wall and the presenter go, the wall's type and theme, the presenter's own window (renderer, text cache, display list). */
#ifndef SP_GUI_PROJECTOR_H
#define SP_GUI_PROJECTOR_H

#include <SDL.h>
#include "ui/app.h"
#include "draw.h"
#include "text.h"

/* Where the windows go, from the displays SDL reports. */
typedef struct sp_gui_placement {
    int audience_display;    /* SDL display index of the wall */
    int audience_fullscreen; /* 1: SDL_WINDOW_FULLSCREEN_DESKTOP there (its mode is left alone) */
    SDL_Rect audience;       /* its bounds when not fullscreen */
    int presenter;           /* 1: a presenter window opens */
    SDL_Rect presenter_rect; /* where it goes */
    int one_screen;          /* 1: a presenter was wanted, but the only display is the wall's */
} sp_gui_placement;

/*
 * display: the wall's display as asked (-1: the last one, which is the
 * projector beside a laptop). The wall covers its display. With a presenter
 * and more than one display the presenter goes on another display (the
 * first one that is not the wall's). With one display there is no presenter
 * window, since a mirrored projector would show the room its scores:
 * one_screen says so, and the wall works alone with the answers hidden
 * until the trainer reveals them.
 */
void sp_gui_projector_place(int display, int presenter, sp_gui_placement *pl);
/* The same from n displays' bounds and usable bounds (tests pass their own). */
void sp_gui_projector_place_on(const SDL_Rect *bounds, const SDL_Rect *usable, int n, int display, int presenter,
                               sp_gui_placement *pl);

/* Lays out the app as the wall shows it (sp_ui_group_sizes(), the wall's
 * theme) for w x h output pixels into out: a screen that would scroll is
 * laid out again with smaller type, down to sp_ui_group_floor() percent
 * of the text size's type (three quarters of size M's), then split into
 * pages. Returns the percentage used (100: the room's full size). */
int sp_gui_projector_layout_wall(sp_ui_app *a, sp_gui_text *t, int w, int h, sp_ui_list *out);
/* The same, drawn; the caller presents. */
void sp_gui_projector_render_wall(sp_ui_app *a, sp_gui_text *t, sp_gui_draw *d, SDL_Renderer *r,
                                  int w, int h, sp_ui_list *out);

/* The presenter's window. Keys typed in it go to the app like keys in the
 * wall's window (gui.c handles them for both); its mouse and window events
 * are its own. */
typedef struct sp_gui_projector sp_gui_projector;

/* NULL with a sentence in err when the window, renderer or fonts fail. */
sp_gui_projector *sp_gui_projector_open(sp_ui_app *a, const char *font_path, SDL_Rect where,
                                        char *err, int errlen);
void sp_gui_projector_close(sp_gui_projector *p);

enum { SP_GUI_PROJ_NOT_MINE = -1, SP_GUI_PROJ_SAME = 0, SP_GUI_PROJ_REDRAW = 1, SP_GUI_PROJ_CLOSED = 2 };
/* One event: SP_GUI_PROJ_NOT_MINE when it belongs to another window or is
 * a key; SP_GUI_PROJ_CLOSED when the facilitator closed the window (close
 * it then). */
int sp_gui_projector_event(sp_gui_projector *p, const SDL_Event *e);
void sp_gui_projector_render(sp_gui_projector *p);
Uint32 sp_gui_projector_window_id(const sp_gui_projector *p);

#endif
