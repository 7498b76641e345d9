/* draw.c: SDL drawing of the display list, with anti-aliased discs and rounded corners from cached masks, and SVG pictures rasterised at their drawn size. */
#include "draw.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fs.h"

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

/*
 * Pictures (the cast's portraits) are SVG files, rasterised by SDL_image at
 * exactly the size they are drawn, so they stay sharp at any resolution.
 * A texture is cached by path and size (least recently used out when the
 * cache is full) and all are dropped when the output size changes, since a
 * new size means new sizes for everything. A file that does not load is
 * named once on stderr and remembered, so it is not read again every frame;
 * the command then draws nothing and what lies under it (the initials
 * circle) shows.
 */
#define N_IMAGES 32
#define IMAGE_MAX_BYTES (4u << 20)

typedef struct image {
    char *path;
    int w, h;
    SDL_Texture *tex;
    unsigned used;
} image;

struct sp_gui_draw {
    SDL_Renderer *r;
    sp_gui_text *text;
    mask masks[N_MASKS];
    unsigned clock;
    image images[N_IMAGES];
    int out_w, out_h;       /* the output size the images were made for */
    char **bad;             /* files that did not load (already named on stderr) */
    int n_bad;
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
    sp_gui_draw_drop_images(d);
    for (int i = 0; i < d->n_bad; i++)
        free(d->bad[i]);
    free(d->bad);
    free(d);
}

void sp_gui_draw_drop_images(sp_gui_draw *d)
{
    for (int i = 0; i < N_IMAGES; i++) {
        if (d->images[i].tex)
            SDL_DestroyTexture(d->images[i].tex);
        free(d->images[i].path);
        memset(&d->images[i], 0, sizeof d->images[i]);
    }
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

static void rounded(sp_gui_draw *d, sp_ui_rect b, int radius, sp_ui_rgba c)
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
static void bordered(sp_gui_draw *d, sp_ui_rect b, int radius, int bw, sp_ui_rgba border, sp_ui_rgba fill)
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
    rounded(d, sp_ui_rect_inset(b, bw, bw), radius - bw, fill);
}

static void disc(sp_gui_draw *d, sp_ui_rect b, sp_ui_rgba c)
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

/* Names a file that does not load, once: later frames skip it quietly. */
static void image_failed(sp_gui_draw *d, const char *path, const char *why)
{
    fprintf(stderr, "samenspel: portrait %s: %s; the initials are drawn instead\n", path, why);
    char **nb = realloc(d->bad, (size_t)(d->n_bad + 1) * sizeof *nb);
    char *copy = strdup(path);
    if (!nb || !copy) {
        free(copy);
        if (nb)
            d->bad = nb;
        return;
    }
    d->bad = nb;
    d->bad[d->n_bad++] = copy;
}

/* The SVG at path rasterised to w x h, or NULL (named on stderr). Opened as
 * every reader of samenspel opens a file: a FIFO or a directory is refused,
 * not waited on. */
static SDL_Texture *load_image(sp_gui_draw *d, const char *path, int w, int h)
{
    sp_diag *dg = sp_diag_new();
    struct stat st;
    int fd = dg ? sp_fs_open_regular(path, &st, dg) : -1;
    if (fd < 0) {
        const char *m = dg && sp_diag_count(dg) ? sp_diag_message(dg, 0) : "cannot be read";
        size_t n = strlen(path); /* "path: why" */
        image_failed(d, path, strncmp(m, path, n) == 0 && strncmp(m + n, ": ", 2) == 0 ? m + n + 2 : m);
        sp_diag_free(dg);
        return NULL;
    }
    sp_diag_free(dg);
    if ((size_t)st.st_size > IMAGE_MAX_BYTES) {
        close(fd);
        image_failed(d, path, "larger than 4 MB, not a portrait");
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    SDL_RWops *rw = f ? SDL_RWFromFP(f, SDL_TRUE) : NULL;
    if (!rw) {
        if (f)
            fclose(f);
        else
            close(fd);
        image_failed(d, path, "cannot be read");
        return NULL;
    }
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
    SDL_RWclose(rw);
    if (!s) {
        image_failed(d, path, "not a drawing SDL_image can read (SVG)");
        return NULL;
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(d->r, s);
    SDL_FreeSurface(s);
    if (!t) {
        image_failed(d, path, SDL_GetError());
        return NULL;
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

static SDL_Texture *get_image(sp_gui_draw *d, const char *path, int w, int h)
{
    for (int i = 0; i < d->n_bad; i++)
        if (strcmp(d->bad[i], path) == 0)
            return NULL;
    d->clock++;
    int victim = 0;
    for (int i = 0; i < N_IMAGES; i++) {
        image *e = &d->images[i];
        if (e->path && e->w == w && e->h == h && strcmp(e->path, path) == 0) {
            e->used = d->clock;
            return e->tex;
        }
        if (!e->path || e->used < d->images[victim].used)
            victim = i;
        if (!e->path)
            break;
    }
    SDL_Texture *t = load_image(d, path, w, h);
    char *copy = t ? strdup(path) : NULL;
    if (!copy) {
        if (t)
            SDL_DestroyTexture(t);
        return NULL;
    }
    image *e = &d->images[victim];
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->path);
    *e = (image){ copy, w, h, t, d->clock };
    return t;
}

static void picture(sp_gui_draw *d, const sp_ui_cmd *c)
{
    if (c->r.w <= 0 || c->r.h <= 0 || !c->text || !*c->text)
        return;
    SDL_Texture *t = get_image(d, c->text, c->r.w, c->r.h);
    if (!t)
        return;
    /* SDL_image keeps the drawing's aspect: centre what it made in r. */
    int tw, th;
    SDL_QueryTexture(t, NULL, NULL, &tw, &th);
    SDL_Rect dst = { c->r.x + (c->r.w - tw) / 2, c->r.y + (c->r.h - th) / 2, tw, th };
    SDL_RenderCopy(d->r, t, NULL, &dst);
}

static void text(sp_gui_draw *d, const sp_ui_cmd *c)
{
    int w, h;
    SDL_Texture *t = sp_gui_text_texture(d->text, d->r, c->font, c->fill, c->text, c->len, &w, &h);
    if (!t)
        return;
    SDL_Rect dst = { c->r.x, c->r.y + (c->r.h - h) / 2, w, h };
    SDL_RenderCopy(d->r, t, NULL, &dst);
}

void sp_gui_draw_list(sp_gui_draw *d, const sp_ui_list *l)
{
    int ow = 0, oh = 0;
    SDL_GetRendererOutputSize(d->r, &ow, &oh);
    if (ow != d->out_w || oh != d->out_h) {
        sp_gui_draw_drop_images(d);
        d->out_w = ow;
        d->out_h = oh;
    }
    for (int i = 0; i < l->n_cmds; i++) {
        const sp_ui_cmd *c = &l->cmds[i];
        switch (c->kind) {
        case SP_UI_CMD_RECT:
            if (c->border_w > 0 && c->fill.a == 255 && c->border.a == 255) {
                bordered(d, c->r, c->radius, c->border_w, c->border, c->fill);
            } else if (c->border_w > 0) {
                rounded(d, c->r, c->radius, c->border);
                rounded(d, sp_ui_rect_inset(c->r, c->border_w, c->border_w),
                        c->radius > c->border_w ? c->radius - c->border_w : 0, c->fill);
            } else {
                rounded(d, c->r, c->radius, c->fill);
            }
            break;
        case SP_UI_CMD_CIRCLE:
            disc(d, c->r, c->fill);
            break;
        case SP_UI_CMD_TEXT:
            text(d, c);
            break;
        case SP_UI_CMD_IMAGE:
            picture(d, c);
            break;
        case SP_UI_CMD_CLIP: {
            SDL_Rect q = { c->r.x, c->r.y, c->r.w, c->r.h };
            SDL_RenderSetClipRect(d->r, &q);
            break;
        }
        case SP_UI_CMD_UNCLIP:
            SDL_RenderSetClipRect(d->r, NULL);
            break;
        }
    }
}
