/* layout.c: the display list, rectangle helpers and text wrapping used by every screen; pure, no SDL. */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Texts in a list are copied into blocks that never move (a new block is
 * chained when one is full), so a command's text pointer stays valid until
 * the list is reset, however many strings follow.
 */
struct sp_ui_strblock {
    struct sp_ui_strblock *next;
    size_t used, cap;
    char data[];
};

#define STRBLOCK_SIZE 16384

void sp_ui_list_init(sp_ui_list *l)
{
    memset(l, 0, sizeof *l);
}

void sp_ui_list_reset(sp_ui_list *l)
{
    sp_ui_strblock *b = l->strings;
    while (b) {
        sp_ui_strblock *next = b->next;
        free(b);
        b = next;
    }
    l->strings = NULL;
    l->n_cmds = 0;
    l->n_hits = 0;
    l->oom = 0;
}

void sp_ui_list_free(sp_ui_list *l)
{
    sp_ui_list_reset(l);
    free(l->cmds);
    free(l->hits);
    memset(l, 0, sizeof *l);
}

const char *sp_ui_list_str(sp_ui_list *l, const char *s, int len)
{
    if (!s)
        s = "";
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    sp_ui_strblock *b = l->strings;
    if (!b || b->cap - b->used < n + 1) {
        size_t cap = n + 1 > STRBLOCK_SIZE ? n + 1 : STRBLOCK_SIZE;
        sp_ui_strblock *nb = malloc(sizeof *nb + cap);
        if (!nb) {
            l->oom = 1;
            return "";
        }
        nb->used = 0;
        nb->cap = cap;
        nb->next = l->strings;
        l->strings = b = nb;
    }
    char *p = b->data + b->used;
    memcpy(p, s, n);
    p[n] = '\0';
    b->used += n + 1;
    return p;
}

const char *sp_ui_list_strf(sp_ui_list *l, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return sp_ui_list_str(l, buf, -1);
}

static sp_ui_cmd *push_cmd(sp_ui_list *l, sp_ui_cmd_kind kind)
{
    static sp_ui_cmd sink; /* absorbs writes after an allocation failure */
    if (l->n_cmds == l->cap_cmds) {
        int cap = l->cap_cmds ? l->cap_cmds * 2 : 256;
        sp_ui_cmd *c = realloc(l->cmds, (size_t)cap * sizeof *c);
        if (!c) {
            l->oom = 1;
            memset(&sink, 0, sizeof sink);
            return &sink;
        }
        l->cmds = c;
        l->cap_cmds = cap;
    }
    sp_ui_cmd *c = &l->cmds[l->n_cmds++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

sp_ui_cmd *sp_ui_rect_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill, int radius)
{
    sp_ui_cmd *c = push_cmd(l, SP_UI_CMD_RECT);
    c->r = r;
    c->fill = fill;
    c->radius = radius;
    return c;
}

sp_ui_cmd *sp_ui_frame_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill,
                             sp_ui_rgba border, int border_w, int radius)
{
    sp_ui_cmd *c = sp_ui_rect_cmd(l, r, fill, radius);
    c->border = border;
    c->border_w = border_w;
    return c;
}

sp_ui_cmd *sp_ui_circle_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill)
{
    sp_ui_cmd *c = push_cmd(l, SP_UI_CMD_CIRCLE);
    c->r = r;
    c->fill = fill;
    return c;
}

sp_ui_cmd *sp_ui_image_cmd(sp_ui_list *l, sp_ui_rect r, const char *path)
{
    const char *copy = sp_ui_list_str(l, path, -1);
    sp_ui_cmd *c = push_cmd(l, SP_UI_CMD_IMAGE);
    c->r = r;
    c->text = copy;
    c->len = (int)strlen(copy);
    return c;
}

sp_ui_cmd *sp_ui_text_cmd(sp_ui_list *l, const sp_ui_metrics *m, int font,
                            sp_ui_rgba color, int x, int y, const char *s, int len,
                            sp_ui_rect box)
{
    if (len < 0)
        len = (int)strlen(s);
    const char *copy = sp_ui_list_str(l, s, len);
    sp_ui_cmd *c = push_cmd(l, SP_UI_CMD_TEXT);
    c->font = font;
    c->fill = color;
    c->text = copy;
    c->len = len;
    c->r = sp_ui_rect_make(x, y, len ? m->measure(m->ctx, font, s, len) : 0, m->line_h[font]);
    c->box = box;
    return c;
}

void sp_ui_clip_cmd(sp_ui_list *l, sp_ui_rect r)
{
    push_cmd(l, SP_UI_CMD_CLIP)->r = r;
}

void sp_ui_unclip_cmd(sp_ui_list *l)
{
    push_cmd(l, SP_UI_CMD_UNCLIP);
}

sp_ui_hit *sp_ui_hit_add(sp_ui_list *l, sp_ui_rect r, int action, int arg, int focusable)
{
    static sp_ui_hit sink;
    if (l->n_hits == l->cap_hits) {
        int cap = l->cap_hits ? l->cap_hits * 2 : 64;
        sp_ui_hit *h = realloc(l->hits, (size_t)cap * sizeof *h);
        if (!h) {
            l->oom = 1;
            return &sink;
        }
        l->hits = h;
        l->cap_hits = cap;
    }
    sp_ui_hit *h = &l->hits[l->n_hits++];
    h->r = h->vis = r;
    h->action = action;
    h->arg = arg;
    h->focusable = focusable;
    h->enabled = 1;
    h->order = -1;
    return h;
}

void sp_ui_list_translate(sp_ui_list *l, int cmd_from, int hit_from, int dx, int dy)
{
    for (int i = cmd_from; i < l->n_cmds; i++) {
        l->cmds[i].r.x += dx;
        l->cmds[i].r.y += dy;
        l->cmds[i].box.x += dx;
        l->cmds[i].box.y += dy;
    }
    for (int i = hit_from; i < l->n_hits; i++) {
        l->hits[i].r.x += dx;
        l->hits[i].r.y += dy;
        l->hits[i].vis.x += dx;
        l->hits[i].vis.y += dy;
    }
}

void sp_ui_list_clip_hits(sp_ui_list *l, int hit_from, sp_ui_rect clip)
{
    for (int i = hit_from; i < l->n_hits; i++)
        l->hits[i].vis = sp_ui_rect_intersect(l->hits[i].r, clip);
}

/* ---- geometry ------------------------------------------------------------ */

sp_ui_rect sp_ui_rect_make(int x, int y, int w, int h)
{
    sp_ui_rect r = { x, y, w, h };
    return r;
}

int sp_ui_rect_contains(sp_ui_rect o, sp_ui_rect i)
{
    return i.x >= o.x && i.y >= o.y && i.x + i.w <= o.x + o.w && i.y + i.h <= o.y + o.h;
}

int sp_ui_rect_overlaps(sp_ui_rect a, sp_ui_rect b)
{
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 &&
           a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

int sp_ui_rect_has_point(sp_ui_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

sp_ui_rect sp_ui_rect_intersect(sp_ui_rect a, sp_ui_rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return sp_ui_rect_make(x0, y0, 0, 0);
    return sp_ui_rect_make(x0, y0, x1 - x0, y1 - y0);
}

sp_ui_rect sp_ui_rect_inset(sp_ui_rect r, int dx, int dy)
{
    return sp_ui_rect_make(r.x + dx, r.y + dy, r.w - 2 * dx, r.h - 2 * dy);
}

void sp_ui_metrics_derive(sp_ui_metrics *m)
{
    /* The body size sets the rhythm: two fifths of its line is one unit. */
    m->unit = m->line_h[SP_UI_FONT_BODY] * 2 / 5;
    if (m->unit < 4)
        m->unit = 4;
    static const char sample[] =
        "De opdrachtgever vraagt wat er nodig is om het samen goed te doen.";
    int w = m->measure(m->ctx, SP_UI_FONT_BODY, sample, (int)sizeof sample - 1);
    m->measure_w = w; /* 66 characters of ordinary Dutch prose */
    m->portrait = m->line_h[SP_UI_FONT_BODY] * 2;
}

/* ---- text ------------------------------------------------------------------ */

static int utf8_next(const char *s, int i, int end)
{
    i++;
    while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* The longest prefix of s[start..end) that fits width, at a character
 * boundary; at least one character so a narrow box never loops. */
static int fit_chars(const sp_ui_metrics *m, int font, const char *s, int start, int end, int width)
{
    int best = utf8_next(s, start, end);
    for (int i = best; i < end;) {
        int n = utf8_next(s, i, end);
        if (m->measure(m->ctx, font, s + start, n - start) > width)
            break;
        best = i = n;
    }
    return best;
}

int sp_ui_wrap(const sp_ui_metrics *m, int font, const char *s, int width,
                sp_ui_span *out, int max)
{
    int n = 0;
    int len = (int)strlen(s);
    int pos = 0;
    if (width < 1)
        width = 1;
    for (;;) {
        /* one paragraph: up to the next '\n' */
        int pend = pos;
        while (pend < len && s[pend] != '\n')
            pend++;
        int ls = pos;
        while (ls < pend && s[ls] == ' ')
            ls++;
        if (ls == pend) {
            if (n < max)
                out[n] = (sp_ui_span){ ls, 0 };
            n++;
        }
        while (ls < pend) {
            /* Grow the line word by word while it fits. */
            int le = ls, i = ls;
            while (i < pend) {
                int we = i;
                while (we < pend && s[we] == ' ')
                    we++;
                while (we < pend && s[we] != ' ')
                    we++;
                if (m->measure(m->ctx, font, s + ls, we - ls) > width)
                    break;
                le = i = we;
            }
            if (le == ls) /* the first word alone is too wide: break inside it */
                le = fit_chars(m, font, s, ls, pend, width);
            int te = le;
            while (te > ls && s[te - 1] == ' ')
                te--;
            if (n < max)
                out[n] = (sp_ui_span){ ls, te - ls };
            n++;
            ls = le;
            while (ls < pend && s[ls] == ' ')
                ls++;
        }
        if (pend >= len)
            break;
        pos = pend + 1;
    }
    return n;
}

#define WRAP_MAX 512

int sp_ui_text_height(const sp_ui_metrics *m, int font, const char *s, int width)
{
    sp_ui_span spans[1];
    return sp_ui_wrap(m, font, s, width, spans, 0) * m->line_h[font];
}

int sp_ui_text_width(const sp_ui_metrics *m, int font, const char *s, int width)
{
    sp_ui_span spans[WRAP_MAX];
    int n = sp_ui_wrap(m, font, s, width, spans, WRAP_MAX);
    if (n > WRAP_MAX)
        n = WRAP_MAX;
    int w = 0;
    for (int i = 0; i < n; i++) {
        int lw = m->measure(m->ctx, font, s + spans[i].start, spans[i].len);
        if (lw > w)
            w = lw;
    }
    return w;
}

/* Byte offset of the k-th character of s. */
static int char_offset(const char *s, int len, int k)
{
    int i = 0;
    for (; i < len && k > 0; k--)
        for (i++; i < len && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

int sp_ui_fit(const sp_ui_metrics *m, int font, const char *s, int width)
{
    int len = (int)strlen(s);
    if (m->measure(m->ctx, font, s, len) <= width)
        return len;
    int room = width - m->measure(m->ctx, font, "…", (int)strlen("…"));
    int chars = 0;
    for (int i = 0; i < len; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    /* The most characters that fit, by bisection. */
    int lo = 0, hi = chars;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (m->measure(m->ctx, font, s, char_offset(s, len, mid)) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    int n = char_offset(s, len, lo);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n;
}

int sp_ui_text_block(sp_ui_list *l, const sp_ui_metrics *m, int font, sp_ui_rgba color,
                      const char *s, int x, int y, int w, sp_ui_rect box)
{
    sp_ui_span spans[WRAP_MAX];
    int n = sp_ui_wrap(m, font, s, w, spans, WRAP_MAX);
    if (n > WRAP_MAX) /* texts are capped at 8 KiB; 512 lines is beyond any screen */
        n = WRAP_MAX;
    for (int i = 0; i < n; i++)
        if (spans[i].len)
            sp_ui_text_cmd(l, m, font, color, x, y + i * m->line_h[font],
                            s + spans[i].start, spans[i].len, box);
    return n * m->line_h[font];
}

int sp_ui_flow(const int *widths, int n, int avail, int gap, int *row, int *xs)
{
    int r = 0, x = 0;
    for (int i = 0; i < n; i++) {
        if (x > 0 && x + widths[i] > avail) {
            r++;
            x = 0;
        }
        row[i] = r;
        xs[i] = x;
        x += widths[i] + gap;
    }
    return n ? r + 1 : 0;
}
