/* frame.c: computes font sizes for the screen, lays out the current screen and draws it. */
#include "frame.h"

#include "ui/ui.h"

void sp_gui_frame_sizes(int text_size, double scale, int window_h, int px[SP_UI_FONT_COUNT])
{
    static const int base[SP_UI_SIZE_COUNT] = { 15, 17, 20, 24 };
    if (text_size < 0 || text_size >= SP_UI_SIZE_COUNT)
        text_size = SP_UI_SIZE_M;
    if (scale <= 0)
        scale = 1;
    /* A big screen is read from further away: from 900 window pixels high
     * the type grows with the window, up to twice its base size. */
    double grow = window_h / 900.0;
    if (grow < 1)
        grow = 1;
    if (grow > 2)
        grow = 2;
    double body = base[text_size] * scale * grow;
    px[SP_UI_FONT_BODY] = (int)(body + 0.5);
    px[SP_UI_FONT_THOUGHT] = (int)(body + 0.5);
    px[SP_UI_FONT_BOLD] = (int)(body + 0.5);
    px[SP_UI_FONT_SMALL] = (int)(body * 0.85 + 0.5);
    px[SP_UI_FONT_H2] = (int)(body * 1.25 + 0.5);
    px[SP_UI_FONT_H1] = (int)(body * 1.7 + 0.5);
    px[SP_UI_FONT_PORTRAIT] = (int)(body * 0.95 + 0.5);
}

int sp_gui_frame_metrics(sp_gui_text *t, int text_size, double scale, int window_h, sp_ui_metrics *m)
{
    int px[SP_UI_FONT_COUNT];
    sp_gui_frame_sizes(text_size, scale, window_h, px);
    int rc = sp_gui_text_set_sizes(t, px);
    sp_gui_text_metrics(t, m);
    return rc;
}

void sp_gui_frame_layout(sp_ui_app *a, sp_gui_text *t, int w, int h, double scale, sp_ui_metrics *m,
                         sp_ui_list *out)
{
    /* a build may scroll to a decision that opens (a->reveal): each try starts from the same place */
    int reveal = a->reveal, scroll = a->scroll[0];
    for (int size = a->settings.text_size;; size--) {
        sp_gui_frame_metrics(t, size, scale, (int)(h / scale), m);
        a->options_cut = 0;
        a->reveal = reveal, a->scroll[0] = scroll;
        sp_ui_app_build(a, m, w, h, out);
        if (!a->options_cut || size <= SP_UI_SIZE_M)
            return;
    }
}

void sp_gui_frame_render(sp_ui_app *a, sp_gui_text *t, sp_gui_draw *d, SDL_Renderer *r,
                         int w, int h, double scale, sp_ui_list *out)
{
    sp_ui_metrics m;
    sp_gui_frame_layout(a, t, w, h, scale, &m, out);
    const sp_ui_theme *th = sp_ui_theme_get(a->settings.high_contrast);
    SDL_RenderSetClipRect(r, NULL);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    /* Every screen starts with an opaque background rectangle over the
     * whole window; clearing first would fill every pixel twice, which is a
     * fifth of a software frame. Clear only when that is not so. */
    const sp_ui_cmd *bg = out->n_cmds > 0 ? &out->cmds[0] : NULL;
    if (!bg || bg->kind != SP_UI_CMD_RECT || bg->fill.a != 255 || bg->border_w > 0 ||
        bg->r.x > 0 || bg->r.y > 0 || bg->r.x + bg->r.w < w || bg->r.y + bg->r.h < h) {
        SDL_SetRenderDrawColor(r, th->bg.r, th->bg.g, th->bg.b, 255);
        SDL_RenderClear(r);
    }
    sp_gui_draw_list(d, out);
    SDL_RenderSetClipRect(r, NULL);
}
