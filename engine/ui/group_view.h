/* group_view.h: the pieces the wall's group screens share (group_view.c) and the red-flag round (group_flags_view.c); no SDL. */
#ifndef SP_UI_GROUP_VIEW_H
#define SP_UI_GROUP_VIEW_H

#include "group.h"

/* The top bar: the case and the turn on the left, the countdown on the
 * right; returns its height. */
int sp_ui_group_view_topbar(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub);
/* Option k's letter in a size x size square filled with fill. */
void sp_ui_group_view_letter(sp_ui_ui *ui, int x, int y, int size, int k, sp_ui_rgba fill);
/* Bars of how the room split, one row per option; chosen, best: view
 * indices (-1 none). Advances pg. */
void sp_ui_group_view_split(sp_ui_ui *ui, sp_ui_page *pg, const char *const *texts, const int *votes, int n,
                             int chosen, int best, int has_votes);
/* "De groep koos B: 5 van de 9 stemmen" and the dissent (a string in ui's list). */
const char *sp_ui_group_view_verdict(sp_ui_ui *ui, const int *votes, int n, int chosen, int override, int has_votes);

/* A page of the wall in blocks (a line of the conversation, an option, a
 * panel): where each begins, so that a page too tall for one column can go
 * on in a second one beside it, cut between blocks. */
enum { SP_UI_GROUP_FLOW_MAX = 64 };
typedef struct sp_ui_group_flow {
    int n;
    int cmd[SP_UI_GROUP_FLOW_MAX], hit[SP_UI_GROUP_FLOW_MAX], y[SP_UI_GROUP_FLOW_MAX];
} sp_ui_group_flow;
/* A block begins at pg's cursor (NULL f: nothing). */
void sp_ui_group_flow_mark(sp_ui_group_flow *f, const sp_ui_ui *ui, const sp_ui_page *pg);
/* The blocks from the first mark on, laid out in a column w wide at pg->x,
 * go on at x2 from the mark that makes the taller column the lowest; pg->y
 * ends below the taller one. */
void sp_ui_group_flow_columns(sp_ui_group_flow *f, sp_ui_ui *ui, sp_ui_page *pg, int x2);
/* A page too long for two columns at the floor: the blocks go into columns
 * no taller than avail (cut between blocks only), two to a page with the
 * second at x2 (x2 < 0: one to a page); page `page` (clamped) stays in
 * place, the others' blocks leave the list. Sets *pages and returns the
 * page shown; pg->y ends below the taller column shown. */
int sp_ui_group_flow_pages(sp_ui_group_flow *f, sp_ui_ui *ui, sp_ui_page *pg, int x2, int avail, int page,
                           int *pages);
/* The pill in the strip below region that says which page of how many is
 * on the wall and how to go on: "1/2 · verder: PageDown / Enter"; a click
 * on it turns the page. */
void sp_ui_group_page_cue(sp_ui_ui *ui, sp_ui_rect region, int page, int pages);

/* The red-flag round at the current turn: the grid of flags and the reason
 * of each mark. Advances pg. */
void sp_ui_group_flags_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg);

#endif
