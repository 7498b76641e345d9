/* draw.c: SDL drawing of the display list, with anti-aliased discs and rounded corners from cached masks. */
#include "draw.h"

#include <stdlib.h>

/*
 * SDL's renderer has no circles. A disc of radius r is drawn from a white
 * mask texture with anti-aliased alpha (4x4 supersampled coverage), tinted
 * with SDL_SetTextureColorMod; a rounded rectangle uses the mask's four
 * quarters as corners plus three plain rectangles. Masks are cached by
 * radius; when the cache is full the least recently used mask is destroyed
 * (SDL flushes pending draws that use a texture before destroying it).
 */
#define N_MASKS 24

typedef struct mask {
    int radius;
    SDL_Texture *tex;
    unsigned used;
} mask;

struct sp_gui_draw {
    SDL_Renderer *r;
    sp_gui_text *text;
    mask masks[N_MASKS];
    unsigned clock;
};

sp_gui_draw *sp_gui_draw_new(SDL_Renderer *r, sp_gui_text *text)
{
    sp_gui_draw *d = calloc(1, sizeof *d);
    if (d) {
        d->r = r;
        d->text = text;
    }
    return d;
}

void sp_gui_draw_free(sp_gui_draw *d)
{
    if (!d)
        return;
    for (int i = 0; i < N_MASKS; i++)
        if (d->masks[i].tex)
            SDL_DestroyTexture(d->masks[i].tex);
    free(d);
}

static SDL_Texture *make_mask(SDL_Renderer *r, int radius)
{
    int size = 2 * radius;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    SDL_LockSurface(s);
    for (int y = 0; y < size; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < size; x++) {
            int inside = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    double fx = x + (sx + 0.5) / 4.0 - radius;
                    double fy = y + (sy + 0.5) / 4.0 - radius;
                    inside += fx * fx + fy * fy <= (double)radius * radius;
                }
            Uint32 a = (Uint32)(inside * 255 / 16);
            row[x] = (a << 24) | 0x00FFFFFFu;
        }
    }
    SDL_UnlockSurface(s);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

static SDL_Texture *get_mask(sp_gui_draw *d, int radius)
{
    d->clock++;
    int victim = 0;
    for (int i = 0; i < N_MASKS; i++) {
        if (d->masks[i].tex && d->masks[i].radius == radius) {
            d->masks[i].used = d->clock;
            return d->masks[i].tex;
        }
        if (!d->masks[i].tex || d->masks[i].used < d->masks[victim].used)
            victim = i;
        if (!d->masks[i].tex)
            break;
    }
    mask *m = &d->masks[victim];
    if (m->tex)
        SDL_DestroyTexture(m->tex);
    m->tex = make_mask(d->r, radius);
    m->radius = radius;
    m->used = d->clock;
    return m->tex;
}

static void fill_rect(SDL_Renderer *r, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    SDL_Rect q = { x, y, w, h };
    SDL_RenderFillRect(r, &q);
}

static void rounded(sp_gui_draw *d, sp_gui_rect b, int radius, sp_gui_rgba c)
{
    if (b.w <= 0 || b.h <= 0 || c.a == 0)
        return;
    if (radius > b.w / 2)
        radius = b.w / 2;
    if (radius > b.h / 2)
        radius = b.h / 2;
    SDL_SetRenderDrawBlendMode(d->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
    SDL_Texture *m = radius > 0 ? get_mask(d, radius) : NULL;
    if (!m) {
        fill_rect(d->r, b.x, b.y, b.w, b.h);
        return;
    }
    fill_rect(d->r, b.x + radius, b.y, b.w - 2 * radius, b.h);
    fill_rect(d->r, b.x, b.y + radius, radius, b.h - 2 * radius);
    fill_rect(d->r, b.x + b.w - radius, b.y + radius, radius, b.h - 2 * radius);
    SDL_SetTextureColorMod(m, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(m, c.a);
    for (int q = 0; q < 4; q++) {
        int qx = q & 1, qy = q >> 1;
        SDL_Rect src = { qx * radius, qy * radius, radius, radius };
        SDL_Rect dst = { qx ? b.x + b.w - radius : b.x, qy ? b.y + b.h - radius : b.y, radius, radius };
        SDL_RenderCopy(d->r, m, &src, &dst);
    }
}

/* An opaque card with an opaque border. Filling the whole card in the
 * border colour and then the inside again touches every pixel twice; here
 * the border colour goes only where the inside will not: the four corner
 * quarters and four edge strips of width bw. The inside, inset by bw with a
 * radius smaller by bw, lies within those corner quarters and covers the rest. */
static void bordered(sp_gui_draw *d, sp_gui_rect b, int radius, int bw, sp_gui_rgba border, sp_gui_rgba fill)
{
    if (b.w <= 2 * bw || b.h <= 2 * bw) {
        rounded(d, b, radius, border);
        return;
    }
    if (radius > b.w / 2)
        radius = b.w / 2;
    if (radius > b.h / 2)
        radius = b.h / 2;
    if (radius < bw)
        radius = bw;
    SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(d->r, border.r, border.g, border.b, 255);
    fill_rect(d->r, b.x + radius, b.y, b.w - 2 * radius, bw);
    fill_rect(d->r, b.x + radius, b.y + b.h - bw, b.w - 2 * radius, bw);
    fill_rect(d->r, b.x, b.y + radius, bw, b.h - 2 * radius);
    fill_rect(d->r, b.x + b.w - bw, b.y + radius, bw, b.h - 2 * radius);
    SDL_Texture *m = get_mask(d, radius);
    if (m) {
        SDL_SetTextureColorMod(m, border.r, border.g, border.b);
        SDL_SetTextureAlphaMod(m, 255);
        for (int q = 0; q < 4; q++) {
            int qx = q & 1, qy = q >> 1;
            SDL_Rect src = { qx * radius, qy * radius, radius, radius };
            SDL_Rect dst = { qx ? b.x + b.w - radius : b.x, qy ? b.y + b.h - radius : b.y, radius, radius };
            SDL_RenderCopy(d->r, m, &src, &dst);
        }
    }
    rounded(d, sp_gui_rect_inset(b, bw, bw), radius - bw, fill);
}

static void disc(sp_gui_draw *d, sp_gui_rect b, sp_gui_rgba c)
{
    int radius = (b.w < b.h ? b.w : b.h) / 2;
    SDL_Texture *m = radius > 0 ? get_mask(d, radius) : NULL;
    if (!m)
        return;
    SDL_SetTextureColorMod(m, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(m, c.a);
    SDL_Rect dst = { b.x + b.w / 2 - radius, b.y + b.h / 2 - radius, 2 * radius, 2 * radius };
    SDL_RenderCopy(d->r, m, NULL, &dst);
}

static void text(sp_gui_draw *d, const sp_gui_cmd *c)
{
    int w, h;
    SDL_Texture *t = sp_gui_text_texture(d->text, d->r, c->font, c->fill, c->text, c->len, &w, &h);
    if (!t)
        return;
    SDL_Rect dst = { c->r.x, c->r.y + (c->r.h - h) / 2, w, h };
    SDL_RenderCopy(d->r, t, NULL, &dst);
}

void sp_gui_draw_list(sp_gui_draw *d, const sp_gui_list *l)
{
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_gui_cmd *c = &l->cmds[i];
        switch (c->kind) {
        case SP_GUI_CMD_RECT:
            if (c->border_w > 0 && c->fill.a == 255 && c->border.a == 255) {
                bordered(d, c->r, c->radius, c->border_w, c->border, c->fill);
            } else if (c->border_w > 0) {
                rounded(d, c->r, c->radius, c->border);
                rounded(d, sp_gui_rect_inset(c->r, c->border_w, c->border_w),
                        c->radius > c->border_w ? c->radius - c->border_w : 0, c->fill);
            } else {
                rounded(d, c->r, c->radius, c->fill);
            }
            break;
        case SP_GUI_CMD_CIRCLE:
            disc(d, c->r, c->fill);
            break;
        case SP_GUI_CMD_TEXT:
            text(d, c);
            break;
        case SP_GUI_CMD_CLIP: {
            SDL_Rect q = { c->r.x, c->r.y, c->r.w, c->r.h };
            SDL_RenderSetClipRect(d->r, &q);
            break;
        }
        case SP_GUI_CMD_UNCLIP:
            SDL_RenderSetClipRect(d->r, NULL);
            break;
        }
    }
}
