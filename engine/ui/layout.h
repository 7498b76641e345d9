/* layout.h: the GUI's pure layer: rectangles, a display list of draw commands and hit regions, text wrapping; no SDL. */
#ifndef SP_UI_LAYOUT_H
#define SP_UI_LAYOUT_H

/*
 * Like microui, the screens never draw. They compute rectangles from a view,
 * a viewport size and a text-measure callback, and append commands to a
 * sp_ui_list; draw.c turns the list into pixels and gui.c uses the hit
 * regions for the mouse and the keyboard focus. So every screen can be laid
 * out and checked in a test without a renderer or a display.
 *
 * All sizes are real (output) pixels.
 */

#include <stdarg.h>
#include <stdint.h>

typedef struct sp_ui_rect { int x, y, w, h; } sp_ui_rect;
typedef struct sp_ui_rgba { uint8_t r, g, b, a; } sp_ui_rgba;

/* Font roles; text.c maps each to a face, a style and a pixel size. */
typedef enum {
    SP_UI_FONT_BODY,      /* conversation lines, summaries */
    SP_UI_FONT_THOUGHT,   /* inner thoughts and narration: italic body */
    SP_UI_FONT_BOLD,      /* names, button labels with weight */
    SP_UI_FONT_SMALL,     /* captions, key hints, badges */
    SP_UI_FONT_H2,        /* section headings */
    SP_UI_FONT_H1,        /* screen titles */
    SP_UI_FONT_PORTRAIT,  /* initials inside a portrait */
    SP_UI_FONT_COUNT
} sp_ui_font;

typedef struct sp_ui_metrics {
    /* Width in pixels of s[0..len). */
    int (*measure)(void *ctx, int font, const char *s, int len);
    void *ctx;
    int line_h[SP_UI_FONT_COUNT]; /* line height (font line skip) */
    int unit;                      /* spacing unit: 2/5 of a body line */
    int measure_w;                 /* a readable measure: ~66 body characters */
    int portrait;                  /* portrait diameter */
} sp_ui_metrics;

/* Fills line_h/unit/measure_w/portrait from a measure callback and line
 * heights the caller already set. */
void sp_ui_metrics_derive(sp_ui_metrics *m);

/* ---- the display list ---------------------------------------------------- */

typedef enum {
    SP_UI_CMD_RECT,   /* filled rounded rectangle, optional border */
    SP_UI_CMD_CIRCLE, /* filled disc inside r */
    SP_UI_CMD_TEXT,   /* one line of text, top-left at r.x, r.y */
    SP_UI_CMD_IMAGE,  /* a picture file (text: its path) rasterised to fill r; nothing if it does not load */
    SP_UI_CMD_CLIP,   /* clip later commands to r */
    SP_UI_CMD_UNCLIP
} sp_ui_cmd_kind;

/* What a command shows, so tests can find it. */
typedef enum {
    SP_UI_TAG_NONE,
    SP_UI_TAG_BACKGROUND,
    SP_UI_TAG_PORTRAIT,
    SP_UI_TAG_OPTION,     /* a choice button at a decision or thought */
    SP_UI_TAG_THOUGHT,    /* the panel of an inner-thought moment */
    SP_UI_TAG_BAR_YOU,    /* debrief chart: your score */
    SP_UI_TAG_BAR_BEST,   /* debrief chart: the expert route's score */
    SP_UI_TAG_CARD,       /* an overlay card */
    SP_UI_TAG_SHADE,      /* the dimmed screen behind an overlay */
    SP_UI_TAG_TOPBAR,     /* the bar along the top of a screen */
    SP_UI_TAG_TOAST,      /* a short confirmation that goes by itself */
    SP_UI_TAG_MORE,       /* the cue that a page continues below (arg 1) or above (arg -1) */
    SP_UI_TAG_ZERO,       /* debrief chart: the zero line */
    SP_UI_TAG_NOTE,       /* replay timeline: the step (arg) has a note */
    SP_UI_TAG_VOTE_TRACK, /* group: the whole width of a vote bar (all who voted) */
    SP_UI_TAG_VOTE_BAR,   /* group: an option's votes; arg = votes * 1000 + total */
    SP_UI_TAG_WALL_PAGE   /* group: the wall's page cue; arg = page * 100 + pages */
} sp_ui_tag;

typedef struct sp_ui_cmd {
    sp_ui_cmd_kind kind;
    sp_ui_tag tag;
    int arg;                /* tag detail: goal index for bars, option for options */
    sp_ui_rect r;          /* TEXT: x, y, measured width, line height */
    sp_ui_rgba fill;       /* RECT/CIRCLE fill, TEXT colour */
    sp_ui_rgba border;
    int border_w;           /* RECT: border width, 0 for none */
    int radius;             /* RECT: corner radius */
    int font;               /* TEXT */
    const char *text;       /* TEXT: owned by the list; IMAGE: the file's path */
    int len;
    sp_ui_rect box;        /* TEXT: the box it belongs inside (tests check it) */
} sp_ui_cmd;

/* A place that reacts to the mouse and, when focusable, to the keyboard. */
typedef struct sp_ui_hit {
    sp_ui_rect r;          /* full rectangle in the layout */
    sp_ui_rect vis;        /* the part that is visible (r clipped to its scroll region) */
    int action, arg;
    int focusable;
    int enabled;
    int order;              /* focusable: its ordinal in its layer, else -1 */
} sp_ui_hit;

typedef struct sp_ui_strblock sp_ui_strblock;

typedef struct sp_ui_list {
    sp_ui_cmd *cmds; int n_cmds, cap_cmds;
    sp_ui_hit *hits; int n_hits, cap_hits;
    sp_ui_strblock *strings;   /* copies of the texts, freed on reset */
    int oom;                    /* an allocation failed: the list is incomplete */
} sp_ui_list;

void sp_ui_list_init(sp_ui_list *l);
void sp_ui_list_reset(sp_ui_list *l);
void sp_ui_list_free(sp_ui_list *l);

/* A copy of s[0..len) (len < 0: strlen) that lives until the next reset. */
const char *sp_ui_list_str(sp_ui_list *l, const char *s, int len);
const char *sp_ui_list_strf(sp_ui_list *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

sp_ui_cmd *sp_ui_rect_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill, int radius);
sp_ui_cmd *sp_ui_frame_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill,
                             sp_ui_rgba border, int border_w, int radius);
sp_ui_cmd *sp_ui_circle_cmd(sp_ui_list *l, sp_ui_rect r, sp_ui_rgba fill);
/* An SVG file drawn at r's size (draw.c; a file that does not load is named
 * once on stderr and leaves what was drawn under it). */
sp_ui_cmd *sp_ui_image_cmd(sp_ui_list *l, sp_ui_rect r, const char *path);
sp_ui_cmd *sp_ui_text_cmd(sp_ui_list *l, const sp_ui_metrics *m, int font,
                            sp_ui_rgba color, int x, int y, const char *s, int len,
                            sp_ui_rect box);
void sp_ui_clip_cmd(sp_ui_list *l, sp_ui_rect r);
void sp_ui_unclip_cmd(sp_ui_list *l);
sp_ui_hit *sp_ui_hit_add(sp_ui_list *l, sp_ui_rect r, int action, int arg, int focusable);

/* Moves commands [cmd_from, n) and hits [hit_from, n) by dx, dy. */
void sp_ui_list_translate(sp_ui_list *l, int cmd_from, int hit_from, int dx, int dy);
/* Sets vis of hits [hit_from, n) to their rectangle clipped to clip. */
void sp_ui_list_clip_hits(sp_ui_list *l, int hit_from, sp_ui_rect clip);

/* ---- geometry ------------------------------------------------------------ */

sp_ui_rect sp_ui_rect_make(int x, int y, int w, int h);
int sp_ui_rect_contains(sp_ui_rect outer, sp_ui_rect inner);
int sp_ui_rect_overlaps(sp_ui_rect a, sp_ui_rect b);
int sp_ui_rect_has_point(sp_ui_rect r, int x, int y);
sp_ui_rect sp_ui_rect_intersect(sp_ui_rect a, sp_ui_rect b);
sp_ui_rect sp_ui_rect_inset(sp_ui_rect r, int dx, int dy);

/* ---- text ------------------------------------------------------------------ */

typedef struct sp_ui_span { int start, len; } sp_ui_span;

/* Breaks s into lines no wider than width: at spaces where it can, inside a
 * word (at a UTF-8 character boundary) when one word is wider than the line;
 * '\n' forces a break and a blank line stays blank. Fills up to max spans
 * and returns how many lines there are (which may exceed max). */
int sp_ui_wrap(const sp_ui_metrics *m, int font, const char *s, int width,
                sp_ui_span *out, int max);
/* Height of s wrapped to width. */
int sp_ui_text_height(const sp_ui_metrics *m, int font, const char *s, int width);
/* Width of the widest line of s wrapped to width (the tight box). */
int sp_ui_text_width(const sp_ui_metrics *m, int font, const char *s, int width);
/* How many bytes of s fit width on one line with "…" after them (cut at a
 * UTF-8 character boundary, trailing spaces dropped); strlen(s) when all of
 * s fits without. */
int sp_ui_fit(const sp_ui_metrics *m, int font, const char *s, int width);
/* Appends s wrapped to w at x, y as one command a line, each inside box;
 * returns the height used. */
int sp_ui_text_block(sp_ui_list *l, const sp_ui_metrics *m, int font, sp_ui_rgba color,
                      const char *s, int x, int y, int w, sp_ui_rect box);

/* Lays out button widths in rows no wider than avail: each item i has width
 * widths[i]; writes the row of each item into row[] and its x offset into
 * xs[]; returns the number of rows. gap between items. */
int sp_ui_flow(const int *widths, int n, int avail, int gap, int *row, int *xs);

#endif
