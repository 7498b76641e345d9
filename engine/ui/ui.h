/* ui.h: themes and the widgets every screen is built from (pages that scroll, cards, buttons, portraits); no SDL. */
#ifndef SP_UI_UI_H
#define SP_UI_UI_H

#include "layout.h"
#include "core/model.h"

typedef struct sp_ui_theme {
    sp_ui_rgba bg;         /* the window */
    sp_ui_rgba surface;    /* cards, buttons */
    sp_ui_rgba surface_hi; /* a hovered button */
    sp_ui_rgba bar;        /* the top and bottom bars */
    sp_ui_rgba thought;    /* the cloud tint of an inner-thought moment */
    sp_ui_rgba thought_btn;
    sp_ui_rgba text;
    sp_ui_rgba muted;
    sp_ui_rgba accent;     /* the one accent colour */
    sp_ui_rgba on_accent;  /* text on the accent */
    sp_ui_rgba border;
    sp_ui_rgba focus;      /* keyboard focus ring */
    sp_ui_rgba good, mixed, bad;
    sp_ui_rgba shade;      /* over the screen behind an overlay */
    sp_ui_rgba best;       /* debrief: the best-possible bar */
    sp_ui_rgba tick;       /* debrief: the scenario maximum */
    int high_contrast;
} sp_ui_theme;

const sp_ui_theme *sp_ui_theme_get(int high_contrast);

/* The layer being built: the list, sizes, colours and the focus. Focus is an
 * ordinal among the focusable hits of one layer (the screen, or the overlay
 * on top of it); -1 for none. */
typedef struct sp_ui_ui {
    sp_ui_list *l;
    const sp_ui_metrics *m;
    const sp_ui_theme *th;
    int focus;          /* focused ordinal in this layer */
    int show_focus;     /* draw the focus ring (the keyboard is in use) */
    int hover;          /* index of the hovered hit in the list, -1 none */
    int n_focusable;    /* focusable hits pushed in this layer so far */
    int focus_visible;  /* 1: page_end scrolls the focused hit into view */
    const char *portraits; /* the folder of the cast's drawings (assets/portraits), NULL: initials only */
} sp_ui_ui;

/* Starts a new layer: hits pushed so far are disabled (an overlay is modal). */
void sp_ui_ui_layer(sp_ui_ui *ui, int focus);

/* ---- pages: content that scrolls inside a region ---------------------------- */

typedef struct sp_ui_page {
    sp_ui_rect region; /* the visible area */
    int x, w;           /* content column */
    int y;              /* cursor; content coordinates, 0 is the top */
    int cmd0, hit0, clip_cmd, card_cmd;
} sp_ui_page;

void sp_ui_ui_page_begin(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect region, int x, int w);
/* Clamps *scroll, moves the content into the region and returns its
 * height. Content taller than the region scrolls between two strips of
 * sp_ui_ui_cue_h() where a cue says that it goes on (below, and above
 * once scrolled); pg->region is then the part between them. */
int sp_ui_ui_cue_h(const sp_ui_ui *ui);
int sp_ui_ui_page_end(sp_ui_ui *ui, sp_ui_page *pg, int *scroll);

/* A modal card centred in view, as wide as w allows; its content scrolls
 * when taller than the window. */
void sp_ui_ui_card_begin(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect view, int w);
int sp_ui_ui_card_end(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_rect view, int *scroll);

/* ---- widgets (they advance pg->y) ---------------------------------------------- */

int sp_ui_ui_margin(const sp_ui_ui *ui, int view_w);
void sp_ui_ui_text(sp_ui_ui *ui, sp_ui_page *pg, int font, sp_ui_rgba c, const char *s);
void sp_ui_ui_gap(sp_ui_page *pg, int px);
/* A label (bold) followed by a paragraph. */
void sp_ui_ui_labelled(sp_ui_ui *ui, sp_ui_page *pg, const char *label, const char *text);

typedef enum {
    SP_UI_BTN_PRIMARY,   /* accent fill */
    SP_UI_BTN_SECONDARY, /* surface with a border */
    SP_UI_BTN_QUIET,     /* toolbar: no border until hovered */
    SP_UI_BTN_SELECTED   /* a chosen segment in the settings */
} sp_ui_btn_style;

/* Width a one-line button needs for label (+ a key hint in small type). */
int sp_ui_ui_button_w(const sp_ui_ui *ui, const char *label, const char *hint);
int sp_ui_ui_button_h(const sp_ui_ui *ui);
/* A one-line button at r (its height from sp_ui_ui_button_h). */
sp_ui_hit *sp_ui_ui_button(sp_ui_ui *ui, sp_ui_rect r, const char *label, const char *hint,
                             sp_ui_btn_style style, int action, int arg, int enabled);
/* A row of buttons that wraps onto more rows when it does not fit w;
 * right-aligned when align_right. Returns the height used. */
int sp_ui_ui_button_row(sp_ui_ui *ui, int x, int y, int w, int align_right, int n,
                         const char *const *labels, const char *const *hints,
                         const sp_ui_btn_style *styles, const int *actions, const int *args);

/* A person's portrait: initials in a circle of the cast colour. */
void sp_ui_ui_portrait(sp_ui_ui *ui, int x, int y, int d, uint32_t rgb, const char *initials);
/* A cast member as they look saying a line: the initials circle and, over
 * it, ui->portraits/PORTRAIT/MOOD.svg when both the folder and the person's
 * portrait are set (the circle shows when the drawing does not load). */
void sp_ui_ui_person(sp_ui_ui *ui, int x, int y, int d, const sp_person *p, sp_mood mood);
/* A small rounded badge with text; returns its width. */
int sp_ui_ui_badge(sp_ui_ui *ui, int x, int y, const char *s, sp_ui_rgba fill, sp_ui_rgba fg,
                    sp_ui_rect box);

sp_ui_rgba sp_ui_rgb(uint32_t rgb);
/* Text colour readable on a background. */
sp_ui_rgba sp_ui_ui_on(sp_ui_rgba bg);

#endif
