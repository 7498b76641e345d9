/* ui.c: the two themes and the widgets the screens share: scrolling pages, overlay cards, buttons, portraits. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

#define RGB(h) { (uint8_t)((h) >> 16), (uint8_t)((h) >> 8), (uint8_t)(h), 255 }
#define RGBA(h, a) { (uint8_t)((h) >> 16), (uint8_t)((h) >> 8), (uint8_t)(h), (a) }

/* Calm by default: a warm off-white page, dark slate text, one blue accent. */
static const sp_ui_theme theme_normal = {
    .bg = RGB(0xF6F3EE), .surface = RGB(0xFFFFFF), .surface_hi = RGB(0xEAF0F6),
    .bar = RGB(0xEDE8E0), .thought = RGB(0xE3ECF5), .thought_btn = RGB(0xF8FBFE),
    .text = RGB(0x1E2933), .muted = RGB(0x55606B), .accent = RGB(0x2C5F8A),
    .on_accent = RGB(0xFFFFFF), .border = RGB(0xCFC7BB), .focus = RGB(0xD9822B),
    .good = RGB(0x2E7D4F), .mixed = RGB(0xA86B12), .bad = RGB(0xB23B3B),
    .shade = RGBA(0x1E2933, 150), .best = RGB(0xB9CADB), .tick = RGB(0x1E2933),
    .high_contrast = 0,
};

/* High contrast: black, white and yellow only (plus clear status colours). */
static const sp_ui_theme theme_high = {
    .bg = RGB(0x000000), .surface = RGB(0x000000), .surface_hi = RGB(0x333300),
    .bar = RGB(0x000000), .thought = RGB(0x1A1A1A), .thought_btn = RGB(0x000000),
    .text = RGB(0xFFFFFF), .muted = RGB(0xFFFFFF), .accent = RGB(0xFFE000),
    .on_accent = RGB(0x000000), .border = RGB(0xFFFFFF), .focus = RGB(0xFFE000),
    .good = RGB(0x66FF66), .mixed = RGB(0xFFE000), .bad = RGB(0xFF7777),
    .shade = RGBA(0x000000, 210), .best = RGB(0xFFFFFF), .tick = RGB(0xFFE000),
    .high_contrast = 1,
};

const sp_ui_theme *sp_ui_theme_get(int high_contrast)
{
    return high_contrast ? &theme_high : &theme_normal;
}

sp_ui_rgba sp_ui_rgb(uint32_t rgb)
{
    sp_ui_rgba c = RGB(rgb);
    return c;
}

sp_ui_rgba sp_ui_ui_on(sp_ui_rgba bg)
{
    /* Relative luminance, roughly: light backgrounds get dark text. */
    int lum = (bg.r * 299 + bg.g * 587 + bg.b * 114) / 1000;
    sp_ui_rgba dark = RGB(0x111111), light = RGB(0xFFFFFF);
    return lum > 150 ? dark : light;
}

void sp_ui_ui_layer(sp_ui_ui *ui, int focus)
{
    for (int i = 0; i < ui->l->n_hits; i++)
        ui->l->hits[i].enabled = 0;
    ui->focus = focus;
    ui->n_focusable = 0;
}

int sp_ui_ui_margin(const sp_ui_ui *ui, int view_w)
{
    int m = view_w / 25;
    return m < 2 * ui->m->unit ? 2 * ui->m->unit : m;
}

/* ---- pages ------------------------------------------------------------------ */

void sp_ui_ui_page_begin(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect region, int x, int w)
{
    pg->region = region;
    pg->x = x;
    pg->w = w;
    pg->y = 0;
    pg->clip_cmd = ui->l->n_cmds;
    sp_ui_clip_cmd(ui->l, region);
    pg->cmd0 = ui->l->n_cmds;
    pg->hit0 = ui->l->n_hits;
    pg->card_cmd = -1;
}

int sp_ui_ui_cue_h(const sp_ui_ui *ui)
{
    return ui->m->line_h[SP_UI_FONT_SMALL] + 2 * ui->m->unit;
}

/* A small pill in the strip below (dir 1) or above (dir -1) region: the
 * page goes on there. */
static void cue(sp_ui_ui *ui, sp_ui_rect region, int dir)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    const char *label = dir > 0 ? _("↓ Meer hieronder") : _("↑ Meer hierboven");
    int tw = m->measure(m->ctx, SP_UI_FONT_SMALL, label, (int)strlen(label));
    int w = tw + 3 * u, h = m->line_h[SP_UI_FONT_SMALL] + u;
    if (w > region.w)
        return;
    int y = dir > 0 ? region.y + region.h + u / 2 : region.y - h - u / 2;
    sp_ui_rect r = sp_ui_rect_make(region.x + (region.w - w) / 2, y, w, h);
    sp_ui_cmd *c = sp_ui_frame_cmd(ui->l, r, ui->th->text, ui->th->surface, 1, h / 2);
    c->tag = SP_UI_TAG_MORE;
    c->arg = dir;
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, sp_ui_ui_on(ui->th->text), r.x + (w - tw) / 2, r.y + u / 2,
                    label, -1, r);
}

int sp_ui_ui_page_end(sp_ui_ui *ui, sp_ui_page *pg, int *scroll)
{
    sp_ui_list *l = ui->l;
    int h = pg->y;
    /* Content taller than the region: a strip at the bottom (and, once
     * scrolled, at the top) is kept for the cue, so it never lies over the
     * text; the page scrolls between the strips. */
    int strip = sp_ui_ui_cue_h(ui);
    int over = h > pg->region.h && pg->region.h > 4 * strip;
    if (over)
        pg->region.h -= strip;
    if (ui->focus_visible) {
        for (int i = pg->hit0; i < l->n_hits; i++) {
            sp_ui_hit *hit = &l->hits[i];
            if (hit->order != ui->focus || !hit->enabled)
                continue;
            int pad = ui->m->unit * 2 + (over ? strip : 0);
            if (hit->r.y - pad < *scroll)
                *scroll = hit->r.y - pad;
            if (hit->r.y + hit->r.h + pad > *scroll + pg->region.h)
                *scroll = hit->r.y + hit->r.h + pad - pg->region.h;
        }
    }
    int wanted = *scroll;
    if (*scroll > h - pg->region.h)
        *scroll = h - pg->region.h;
    if (*scroll < 0)
        *scroll = 0;
    int above = over && *scroll > 0;
    if (above) {
        pg->region.y += strip;
        pg->region.h -= strip;
        if (wanted > h - pg->region.h || *scroll > h - pg->region.h)
            *scroll = h - pg->region.h;
    }
    int below = over && *scroll < h - pg->region.h;
    if (pg->clip_cmd < l->n_cmds)
        l->cmds[pg->clip_cmd].r = pg->region;
    sp_ui_list_translate(l, pg->cmd0, pg->hit0, 0, pg->region.y - *scroll);
    sp_ui_list_clip_hits(l, pg->hit0, pg->region);
    sp_ui_unclip_cmd(l);
    if (above)
        cue(ui, pg->region, -1);
    if (below)
        cue(ui, pg->region, 1);
    return h;
}

void sp_ui_ui_card_begin(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect view, int w)
{
    int margin = sp_ui_ui_margin(ui, view.w);
    if (w > view.w - 2 * margin)
        w = view.w - 2 * margin;
    sp_ui_rect_cmd(ui->l, view, ui->th->shade, 0)->tag = SP_UI_TAG_SHADE;
    int card = ui->l->n_cmds;
    sp_ui_cmd *c = sp_ui_frame_cmd(ui->l, sp_ui_rect_make(view.x + (view.w - w) / 2, 0, w, 0),
                                     ui->th->surface, ui->th->border,
                                     ui->th->high_contrast ? 2 : 1, ui->m->unit);
    c->tag = SP_UI_TAG_CARD;
    int pad = ui->m->unit * 3;
    sp_ui_ui_page_begin(ui, pg, view, view.x + (view.w - w) / 2 + pad, w - 2 * pad);
    pg->card_cmd = card;
}

int sp_ui_ui_card_end(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect view, int *scroll)
{
    int margin = sp_ui_ui_margin(ui, view.h) / 2 + ui->m->unit;
    int pad = ui->m->unit * 3;
    int content = pg->y;
    int avail = view.h - 2 * margin - 2 * pad;
    int inner = content < avail ? content : avail;
    int card_h = inner + 2 * pad;
    int card_y = view.y + (view.h - card_h) / 2;
    if (pg->card_cmd >= 0 && pg->card_cmd < ui->l->n_cmds) {
        ui->l->cmds[pg->card_cmd].r.y = card_y;
        ui->l->cmds[pg->card_cmd].r.h = card_h;
    }
    pg->region = sp_ui_rect_make(pg->x - pad / 2, card_y + pad, pg->w + pad, inner);
    return sp_ui_ui_page_end(ui, pg, scroll);
}

/* ---- text ----------------------------------------------------------------------- */

void sp_ui_ui_gap(sp_ui_page *pg, int px)
{
    pg->y += px;
}

void sp_ui_ui_text(sp_ui_ui *ui, sp_ui_page *pg, int font, sp_ui_rgba c, const char *s)
{
    if (!s || !*s)
        return;
    sp_ui_rect box = sp_ui_rect_make(pg->x, pg->y, pg->w, sp_ui_text_height(ui->m, font, s, pg->w));
    pg->y += sp_ui_text_block(ui->l, ui->m, font, c, s, pg->x, pg->y, pg->w, box);
}

void sp_ui_ui_labelled(sp_ui_ui *ui, sp_ui_page *pg, const char *label, const char *text)
{
    if (!text || !*text)
        return;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, ui->th->text, label);
    pg->y += ui->m->unit / 2;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, ui->th->text, text);
    pg->y += ui->m->unit * 2;
}

/* ---- buttons ----------------------------------------------------------------------- */

static int pad_h(const sp_ui_ui *ui) { return ui->m->unit * 2; }
static int pad_v(const sp_ui_ui *ui) { return ui->m->unit * 3 / 4 + 2; }

int sp_ui_ui_button_w(const sp_ui_ui *ui, const char *label, const char *hint)
{
    const sp_ui_metrics *m = ui->m;
    int w = 2 * pad_h(ui) + m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
    if (hint && *hint)
        w += ui->m->unit + m->measure(m->ctx, SP_UI_FONT_SMALL, hint, (int)strlen(hint));
    return w;
}

int sp_ui_ui_button_h(const sp_ui_ui *ui)
{
    return ui->m->line_h[SP_UI_FONT_BOLD] + 2 * pad_v(ui);
}

sp_ui_hit *sp_ui_ui_button(sp_ui_ui *ui, sp_ui_rect r, const char *label, const char *hint,
                             sp_ui_btn_style style, int action, int arg, int enabled)
{
    const sp_ui_theme *th = ui->th;
    const sp_ui_metrics *m = ui->m;
    sp_ui_list *l = ui->l;
    int hovered = enabled && ui->hover == l->n_hits;
    int order = ui->n_focusable;
    int focused = enabled && ui->show_focus && ui->focus == order;
    int radius = m->unit * 3 / 4;
    int bw = th->high_contrast ? 2 : 1;

    if (focused)
        sp_ui_rect_cmd(l, sp_ui_rect_inset(r, -3, -3), th->focus, radius + 3);
    sp_ui_rgba fill = th->surface, fg = th->text, border = th->border;
    switch (style) {
    case SP_UI_BTN_PRIMARY:
    case SP_UI_BTN_SELECTED:
        fill = th->accent;
        fg = th->on_accent;
        border = th->accent;
        if (hovered && !th->high_contrast)
            fill = (sp_ui_rgba){ (uint8_t)(fill.r * 4 / 5), (uint8_t)(fill.g * 4 / 5),
                                  (uint8_t)(fill.b * 4 / 5), 255 };
        break;
    case SP_UI_BTN_SECONDARY:
        if (hovered)
            fill = th->surface_hi;
        break;
    case SP_UI_BTN_QUIET:
        fill = hovered ? th->surface_hi : th->bar;
        /* in high contrast every control shows its edge */
        border = hovered || th->high_contrast ? th->border : th->bar;
        break;
    }
    if (!enabled) {
        fg = th->muted;
        if (style == SP_UI_BTN_PRIMARY) {
            fill = th->surface;
            border = th->border;
        }
    }
    sp_ui_frame_cmd(l, r, fill, border, bw, radius);
    sp_ui_rect inner = sp_ui_rect_inset(r, pad_h(ui) / 2, 1);
    int lw = m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
    int hw = hint && *hint ? m->measure(m->ctx, SP_UI_FONT_SMALL, hint, (int)strlen(hint)) : 0;
    int total = lw + (hw ? m->unit + hw : 0);
    int x = r.x + (r.w - total) / 2;
    int y = r.y + (r.h - m->line_h[SP_UI_FONT_BOLD]) / 2;
    sp_ui_text_cmd(l, m, SP_UI_FONT_BOLD, fg, x, y, label, -1, inner);
    if (hw) {
        sp_ui_rgba hc = style == SP_UI_BTN_PRIMARY || style == SP_UI_BTN_SELECTED ? fg : th->muted;
        if (!enabled)
            hc = th->muted;
        int hy = y + m->line_h[SP_UI_FONT_BOLD] - m->line_h[SP_UI_FONT_SMALL];
        sp_ui_text_cmd(l, m, SP_UI_FONT_SMALL, hc, x + lw + m->unit, hy, hint, -1, inner);
    }
    sp_ui_hit *hit = sp_ui_hit_add(l, r, action, arg, enabled);
    hit->enabled = enabled;
    if (enabled) {
        hit->order = order;
        ui->n_focusable++;
    }
    return hit;
}

int sp_ui_ui_button_row(sp_ui_ui *ui, int x, int y, int w, int align_right, int n,
                         const char *const *labels, const char *const *hints,
                         const sp_ui_btn_style *styles, const int *actions, const int *args)
{
    enum { MAXB = 12 };
    int widths[MAXB] = { 0 }, rows[MAXB] = { 0 }, xs[MAXB] = { 0 };
    if (n > MAXB)
        n = MAXB;
    int gap = ui->m->unit;
    for (int i = 0; i < n; i++) {
        widths[i] = sp_ui_ui_button_w(ui, labels[i], hints ? hints[i] : NULL);
        if (widths[i] > w)
            widths[i] = w;
    }
    int n_rows = sp_ui_flow(widths, n, w, gap, rows, xs);
    int bh = sp_ui_ui_button_h(ui);
    for (int i = 0; i < n; i++) {
        int bx = x + xs[i];
        if (align_right) {
            /* shift the whole row so its last button ends at the right edge */
            int end = 0;
            for (int j = 0; j < n; j++)
                if (rows[j] == rows[i])
                    end = xs[j] + widths[j];
            bx += w - end;
        }
        sp_ui_ui_button(ui, sp_ui_rect_make(bx, y + rows[i] * (bh + gap), widths[i], bh),
                         labels[i], hints ? hints[i] : NULL, styles[i], actions[i], args[i], 1);
    }
    return n_rows ? n_rows * bh + (n_rows - 1) * gap : 0;
}

/* ---- portraits and badges ------------------------------------------------------------ */

void sp_ui_ui_portrait(sp_ui_ui *ui, int x, int y, int d, uint32_t rgb, const char *initials)
{
    sp_ui_rgba c = sp_ui_rgb(rgb);
    sp_ui_rect r = sp_ui_rect_make(x, y, d, d);
    sp_ui_circle_cmd(ui->l, r, c)->tag = SP_UI_TAG_PORTRAIT;
    const sp_ui_metrics *m = ui->m;
    int len = (int)strlen(initials);
    int tw = m->measure(m->ctx, SP_UI_FONT_PORTRAIT, initials, len);
    int th = m->line_h[SP_UI_FONT_PORTRAIT];
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_PORTRAIT, sp_ui_ui_on(c), x + (d - tw) / 2, y + (d - th) / 2,
                    initials, len, r);
}

void sp_ui_ui_person(sp_ui_ui *ui, int x, int y, int d, const sp_person *p, sp_mood mood)
{
    sp_ui_ui_portrait(ui, x, y, d, p->color, p->initials);
    if (ui->portraits && *ui->portraits && p->portrait && *p->portrait) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s/%s.svg", ui->portraits, p->portrait, sp_mood_name(mood));
        sp_ui_image_cmd(ui->l, sp_ui_rect_make(x, y, d, d), path)->tag = SP_UI_TAG_PORTRAIT;
    }
}

int sp_ui_ui_badge(sp_ui_ui *ui, int x, int y, const char *s, sp_ui_rgba fill, sp_ui_rgba fg,
                    sp_ui_rect box)
{
    const sp_ui_metrics *m = ui->m;
    int tw = m->measure(m->ctx, SP_UI_FONT_SMALL, s, (int)strlen(s));
    int pad = m->unit;
    if (tw + 2 * pad > box.w)
        tw = box.w - 2 * pad;
    sp_ui_rect r = sp_ui_rect_make(x, y, tw + 2 * pad, m->line_h[SP_UI_FONT_SMALL] + m->unit / 2);
    sp_ui_rect_cmd(ui->l, r, fill, r.h / 2);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, fg, x + pad, y + m->unit / 4, s, -1, r);
    return r.w;
}
