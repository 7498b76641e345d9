/* projector.c: the windows of group play: placing the wall and the presenter on the displays, drawing the wall in projector type, the presenter's second window. */
#include "projector.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "ui/group.h"
#include "renderer.h"

/* ---- placement ------------------------------------------------------------------- */

void sp_gui_projector_place_on(const SDL_Rect *bounds, const SDL_Rect *usable, int n, int display, int presenter,
                               sp_gui_placement *pl)
{
    memset(pl, 0, sizeof *pl);
    int aud = display >= 0 && display < n ? display : n - 1;
    pl->audience_display = aud;
    pl->audience = bounds[aud];
    pl->audience_fullscreen = 1;
    if (!presenter)
        return;
    if (n < 2) { /* beside the wall on one display, a mirrored projector would show it to the room */
        pl->one_screen = 1;
        return;
    }
    const SDL_Rect o = usable[aud == 0 ? 1 : 0];
    int w = o.w * 9 / 10 < 1280 ? o.w * 9 / 10 : 1280;
    int h = o.h * 9 / 10 < 800 ? o.h * 9 / 10 : 800;
    pl->presenter = 1;
    pl->presenter_rect = (SDL_Rect){ o.x + (o.w - w) / 2, o.y + (o.h - h) / 2, w, h };
}

#define SP_GUI_MAX_DISPLAYS 8
void sp_gui_projector_place(int display, int presenter, sp_gui_placement *pl)
{
    SDL_Rect bounds[SP_GUI_MAX_DISPLAYS], usable[SP_GUI_MAX_DISPLAYS];
    int n = SDL_GetNumVideoDisplays();
    n = n < 1 ? 1 : n > SP_GUI_MAX_DISPLAYS ? SP_GUI_MAX_DISPLAYS : n;
    for (int i = 0; i < n; i++) {
        bounds[i] = (SDL_Rect){ 0, 0, 1280, 800 };
        SDL_GetDisplayBounds(i, &bounds[i]);
        if (SDL_GetDisplayUsableBounds(i, &usable[i]) != 0)
            usable[i] = bounds[i];
    }
    sp_gui_projector_place_on(bounds, usable, n, display, presenter, pl);
}

/* ---- the wall ---------------------------------------------------------------------- */

static int overflows(const sp_ui_list *l)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].tag == SP_UI_TAG_MORE)
            return 1;
    return 0;
}

int sp_gui_projector_layout_wall(sp_ui_app *a, sp_gui_text *t, int w, int h, sp_ui_list *out)
{
    /* Each screen of a round on one page: while the page would scroll, its
     * blocks go into two columns side by side, then the type shrinks in
     * steps (one column first at each size), down to the legibility floor
     * (three quarters of size M's type: body text a fortieth of the
     * screen's height; sp_ui_group_floor); past it the screen is split into
     * numbered pages (group_play_view.c) with a cue to go on. The last size
     * tried is always the floor itself, whatever the steps above it. */
    static const int steps[] = { 100, 90, 80, 75, 67 };
    int floor = sp_ui_group_floor(a->settings.text_size);
    int base[SP_UI_FONT_COUNT], px[SP_UI_FONT_COUNT];
    sp_ui_group_sizes(h, a->settings.text_size, base);
    if (a->group)
        a->group->wall_h = h;
    int used = 100;
    sp_ui_metrics m;
    for (size_t k = 0; used > floor; k++) {
        used = k < sizeof steps / sizeof steps[0] && steps[k] > floor ? steps[k] : floor;
        for (int i = 0; i < SP_UI_FONT_COUNT; i++)
            px[i] = base[i] * used / 100 > 0 ? base[i] * used / 100 : 1;
        sp_gui_text_set_sizes(t, px);
        sp_gui_text_metrics(t, &m);
        for (int cols = 1; cols <= 2; cols++) {
            if (a->group) {
                a->group->wall_cols = cols;
                a->group->wall_paged = 0;
            }
            sp_ui_group_app_build(a, &m, w, h, out);
            if (!overflows(out) || !a->group)
                return used;
        }
    }
    /* past the floor: numbered pages, cut between blocks, two columns to
     * a page; one wide column when a block is too tall for half the width */
    a->group->wall_paged = 1;
    for (int cols = 2; cols >= 1; cols--) {
        a->group->wall_cols = cols;
        sp_ui_group_app_build(a, &m, w, h, out);
        if (!overflows(out))
            break;
    }
    return used;
}

void sp_gui_projector_render_wall(sp_ui_app *a, sp_gui_text *t, sp_gui_draw *d, SDL_Renderer *r,
                                  int w, int h, sp_ui_list *out)
{
    sp_gui_projector_layout_wall(a, t, w, h, out);
    const sp_ui_theme *th = sp_ui_theme_get(a->group ? a->group->high_contrast : a->settings.high_contrast);
    SDL_RenderSetClipRect(r, NULL);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(r);
    sp_gui_draw_list(d, out);
    SDL_RenderSetClipRect(r, NULL);
}

/* ---- the presenter's window ---------------------------------------------------------- */

struct sp_gui_projector {
    sp_ui_app *a;
    SDL_Window *win;
    SDL_Renderer *r;
    sp_gui_text *text;   /* its own: the type sizes differ from the wall's */
    sp_gui_draw *draw;
    sp_ui_list list;
    double scale;
    int line;
    int hover, press;
};

sp_gui_projector *sp_gui_projector_open(sp_ui_app *a, const char *font_path, SDL_Rect where,
                                        char *err, int errlen)
{
    sp_gui_projector *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, (size_t)errlen, "out of memory");
        return NULL;
    }
    p->a = a;
    p->hover = p->press = -1;
    sp_ui_list_init(&p->list);
    p->text = sp_gui_text_new(font_path, err, errlen);
    if (!p->text) {
        sp_gui_projector_close(p);
        return NULL;
    }
    p->win = SDL_CreateWindow("samenspel – presentator", where.x, where.y, where.w, where.h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (p->win) {
        p->r = sp_gui_renderer_new(p->win);
    }
    if (!p->win || !p->r || !(p->draw = sp_gui_draw_new(p->r, p->text))) {
        snprintf(err, (size_t)errlen, "cannot open the presenter window: %s", SDL_GetError());
        sp_gui_projector_close(p);
        return NULL;
    }
    SDL_SetWindowMinimumSize(p->win, 480, 360);
    if (a->group)
        a->group->presenter = 1;
    return p;
}

void sp_gui_projector_close(sp_gui_projector *p)
{
    if (!p)
        return;
    if (p->a && p->a->group)
        p->a->group->presenter = 0;
    sp_ui_list_free(&p->list);
    sp_gui_draw_free(p->draw);
    if (p->text)
        sp_gui_text_drop_textures(p->text); /* they belong to this renderer */
    if (p->r)
        SDL_DestroyRenderer(p->r);
    if (p->win)
        SDL_DestroyWindow(p->win);
    sp_gui_text_free(p->text);
    free(p);
}

Uint32 sp_gui_projector_window_id(const sp_gui_projector *p)
{
    return p && p->win ? SDL_GetWindowID(p->win) : 0;
}

void sp_gui_projector_render(sp_gui_projector *p)
{
    sp_ui_app *a = p->a;
    int ww, wh, ow, oh;
    SDL_GetWindowSize(p->win, &ww, &wh);
    SDL_GetRendererOutputSize(p->r, &ow, &oh);
    p->scale = ww > 0 ? (double)ow / ww : 1.0;
    sp_ui_metrics m;
    sp_gui_frame_metrics(p->text, a->settings.text_size, p->scale, wh, &m);
    p->line = m.line_h[SP_UI_FONT_BODY];
    sp_ui_presenter_build(a, &m, ow, oh, p->hover, &p->list);
    const sp_ui_theme *th = sp_ui_theme_get(a->settings.high_contrast);
    SDL_RenderSetClipRect(p->r, NULL);
    SDL_SetRenderDrawBlendMode(p->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(p->r, th->bg.r, th->bg.g, th->bg.b, 255);
    SDL_RenderClear(p->r);
    sp_gui_draw_list(p->draw, &p->list);
    SDL_RenderSetClipRect(p->r, NULL);
    SDL_RenderPresent(p->r);
    sp_gui_text_end_frame(p->text);
}

static Uint32 event_window(const SDL_Event *e)
{
    switch (e->type) {
    case SDL_WINDOWEVENT:     return e->window.windowID;
    case SDL_MOUSEMOTION:     return e->motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:   return e->button.windowID;
    case SDL_MOUSEWHEEL:      return e->wheel.windowID;
    default:                  return 0;
    }
}

int sp_gui_projector_event(sp_gui_projector *p, const SDL_Event *e)
{
    Uint32 id = event_window(e);
    if (!p || !id || id != SDL_GetWindowID(p->win))
        return SP_GUI_PROJ_NOT_MINE;
    sp_ui_app *a = p->a;
    switch (e->type) {
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_CLOSE)
            return SP_GUI_PROJ_CLOSED;
        return e->window.event == SDL_WINDOWEVENT_EXPOSED || e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
               e->window.event == SDL_WINDOWEVENT_RESTORED || e->window.event == SDL_WINDOWEVENT_SHOWN;
    case SDL_MOUSEMOTION: {
        int hit = sp_ui_app_hit_at(&p->list, (int)(e->motion.x * p->scale), (int)(e->motion.y * p->scale));
        if (hit == p->hover)
            return SP_GUI_PROJ_SAME;
        p->hover = hit;
        return SP_GUI_PROJ_REDRAW;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT)
            p->press = sp_ui_app_hit_at(&p->list, (int)(e->button.x * p->scale), (int)(e->button.y * p->scale));
        return SP_GUI_PROJ_SAME;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT)
            return SP_GUI_PROJ_SAME;
        int x = (int)(e->button.x * p->scale), y = (int)(e->button.y * p->scale);
        int hit = sp_ui_app_hit_at(&p->list, x, y);
        int same = hit >= 0 && hit == p->press;
        p->press = -1;
        if (!same)
            return SP_GUI_PROJ_SAME;
        sp_ui_app_click(a, &p->list, x, y);
        p->hover = -1;
        return SP_GUI_PROJ_REDRAW;
    }
    case SDL_MOUSEWHEEL:
        if (a->group) {
            a->group->pres_scroll -= e->wheel.y * 3 * (p->line > 0 ? p->line : 20);
            if (a->group->pres_scroll < 0)
                a->group->pres_scroll = 0;
        }
        return SP_GUI_PROJ_REDRAW;
    default:
        return SP_GUI_PROJ_SAME;
    }
}
