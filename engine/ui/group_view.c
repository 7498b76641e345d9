/* group_view.c: the pieces every group screen on the wall shares: the top bar with the countdown, the option letters, how the room split and the verdict; the type for the wall; which group screen to build. */
#include "group_view.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/*
 * Everything here is read from the back of a room: the type comes from
 * sp_ui_group_sizes(), the column is wide, and each phase shows one thing.
 * With a presenter window open the wall holds no controls at all; without
 * one, the facilitator drives from this window, so the buttons are here
 * too (the keys work either way).
 */

/* The top bar: the case and the turn on the left, the countdown on the right. */
int sp_ui_group_view_topbar(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int margin = sp_ui_ui_margin(ui, view.w);
    int x = view.x + margin, w = view.w - 2 * margin;
    int pad = u;
    int left = sp_ui_group_timer_left(a);
    char clock[32] = "";
    int cw = 0;
    if (left >= 0) {
        if (left > 0)
            snprintf(clock, sizeof clock, "%d:%02d", left / 60, left % 60);
        else
            snprintf(clock, sizeof clock, "%s", _("Tijd!"));
        cw = m->measure(m->ctx, SP_UI_FONT_H1, clock, (int)strlen(clock)) + 2 * u;
        if (cw > w / 2)
            cw = w / 2;
    }
    int tw = w - (cw ? cw + 2 * u : 0);
    int th_ = sp_ui_text_height(m, SP_UI_FONT_BOLD, title, tw) +
              (sub && *sub ? sp_ui_text_height(m, SP_UI_FONT_SMALL, sub, tw) : 0);
    int ch = cw ? m->line_h[SP_UI_FONT_H1] + u / 2 : 0;
    int h = (th_ > ch ? th_ : ch) + 2 * pad;
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, view.y, view.w, h), th->bar, 0);
    sp_ui_rect box = sp_ui_rect_make(x, view.y + pad, tw, th_);
    int y = view.y + pad + (h - 2 * pad - th_) / 2;
    box.y = y;
    y += sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, th->text, title, x, y, tw, box);
    if (sub && *sub)
        sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, th->muted, sub, x, y, tw, box);
    if (cw) {
        sp_ui_rect r = sp_ui_rect_make(x + w - cw, view.y + (h - ch) / 2, cw, ch);
        sp_ui_rgba fill = left > 0 ? th->surface : th->bad;
        sp_ui_frame_cmd(ui->l, r, fill, left > 0 ? th->accent : th->bad, th->high_contrast ? 3 : 2, u);
        int lw = m->measure(m->ctx, SP_UI_FONT_H1, clock, (int)strlen(clock));
        if (lw > cw - 2 * u)
            lw = cw - 2 * u;
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_H1, left > 0 ? th->text : sp_ui_ui_on(th->bad),
                        r.x + (cw - lw) / 2, r.y + u / 4, clock, -1, r);
    }
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, view.y + h - 2, view.w, 2), th->border, 0);
    return h;
}

/* A letter in a square: the option's name for the room. */
void sp_ui_group_view_letter(sp_ui_ui *ui, int x, int y, int size, int k, sp_ui_rgba fill)
{
    const sp_ui_metrics *m = ui->m;
    sp_ui_rect r = sp_ui_rect_make(x, y, size, size);
    sp_ui_rect_cmd(ui->l, r, fill, m->unit / 2);
    char s[2] = { sp_ui_group_letter(k), 0 };
    int lw = m->measure(m->ctx, SP_UI_FONT_BOLD, s, 1);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, sp_ui_ui_on(fill), x + (size - lw) / 2,
                    y + (size - m->line_h[SP_UI_FONT_BOLD]) / 2, s, 1, r);
}

/* Bars of how the room split: one row per option, its letter, a short
 * text, the count; the option taken stands out. Used on the wall after a
 * decision and in the debrief. chosen, best: view indices (-1 none). */
void sp_ui_group_view_split(sp_ui_ui *ui, sp_ui_page *pg, const char *const *texts, const int *votes, int n,
                             int chosen, int best, int has_votes)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int total = 0;
    for (int k = 0; k < n; k++)
        total += has_votes ? votes[k] : 0;
    int key = m->line_h[SP_UI_FONT_BOLD];
    const char *widest = "9999";
    int nw = m->measure(m->ctx, SP_UI_FONT_BOLD, widest, 4);
    int text_w = pg->w / 2 - key - 2 * u;
    int bar_x = pg->x + key + 2 * u + text_w + 2 * u;
    int bar_w = pg->x + pg->w - nw - 2 * u - bar_x;
    if (bar_w < 4 * u) { /* narrow: the bar below the text */
        text_w = pg->w - key - 2 * u;
        bar_w = 0;
    }
    for (int k = 0; k < n; k++) {
        int y = pg->y;
        int is_chosen = k == chosen;
        sp_ui_rgba fill = is_chosen ? th->accent : th->surface;
        if (!is_chosen)
            sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, y, key, key), th->surface, th->border,
                             th->high_contrast ? 2 : 1, u / 2);
        sp_ui_group_view_letter(ui, pg->x, y, key, k, fill);
        int tx = pg->x + key + 2 * u;
        int font = is_chosen ? SP_UI_FONT_BOLD : SP_UI_FONT_BODY;
        const char *s = texts[k] ? sp_ui_group_fit(ui, font, texts[k], text_w) : "";
        sp_ui_text_cmd(ui->l, m, font, is_chosen ? th->text : th->muted,
                        tx, y + (key - m->line_h[SP_UI_FONT_BODY]) / 2, s, -1,
                        sp_ui_rect_make(tx, y - u, text_w + u, key + 2 * u));
        int row = key;
        if (bar_w > 0 && has_votes) {
            int bh = key * 3 / 5;
            /* the share of the room that voted: 3 of 5 fills three fifths */
            int bw = total > 0 ? votes[k] * bar_w / total : 0;
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(bar_x, y + (key - bh) / 2, bar_w, bh), th->bar, 0)->tag =
                SP_UI_TAG_VOTE_TRACK;
            if (bw > 0) {
                sp_ui_cmd *c = sp_ui_rect_cmd(ui->l, sp_ui_rect_make(bar_x, y + (key - bh) / 2, bw, bh),
                                                is_chosen ? th->accent : th->best, 0);
                c->tag = SP_UI_TAG_VOTE_BAR;
                c->arg = votes[k] * 1000 + total; /* tests read the share back */
            }
            const char *num = sp_ui_list_strf(ui->l, "%d", votes[k]);
            int w = m->measure(m->ctx, SP_UI_FONT_BOLD, num, (int)strlen(num));
            int numx = pg->x + pg->w - w;
            sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, th->text, numx, y + (key - m->line_h[SP_UI_FONT_BOLD]) / 2,
                            num, -1, sp_ui_rect_make(pg->x + pg->w - nw - u, y, nw + u, key));
        } else if (has_votes) {
            int bh = u;
            int full = pg->w - key - 2 * u;
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(tx, y + key + u / 2, full, bh), th->bar, 0);
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(tx, y + key + u / 2, total > 0 ? votes[k] * full / total : 0, bh),
                            is_chosen ? th->accent : th->best, 0);
            row += u / 2 + bh;
        }
        if (k == best && best != chosen) {
            /* a thin mark beside the letter: the strongest option */
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(pg->x - u, y, u / 2, key), th->good, 0);
        }
        pg->y += row + u;
    }
    (void)total;
}

/* "De groep koos B: 5 van de 9 stemmen" and the dissent, for a decision taken. */
const char *sp_ui_group_view_verdict(sp_ui_ui *ui, const int *votes, int n, int chosen, int override, int has_votes)
{
    char l = sp_ui_group_letter(chosen);
    if (!has_votes)
        return sp_ui_list_strf(ui->l, _("De trainer koos %c, zonder stemming."), l);
    sp_vote_tally t = sp_vote_count(votes, n);
    int other = sp_vote_dissent(votes, n, chosen);
    if (override)
        return sp_ui_list_strf(ui->l, other == 1 ? _("De trainer koos %c, tegen de groep in: %d van de %d stemde anders.")
                                                  : _("De trainer koos %c, tegen de groep in: %d van de %d stemden anders."),
                                l, other, t.total);
    if (t.majority < 0)
        return sp_ui_list_strf(ui->l, other == 1 ? _("Gelijke stand; de trainer koos %c. %d van de %d stemde anders.")
                                                  : _("Gelijke stand; de trainer koos %c. %d van de %d stemden anders."),
                                l, other, t.total);
    if (other == 0)
        return sp_ui_list_strf(ui->l, _("De groep koos %c, eensgezind (%d stemmen)."), l, t.total);
    return sp_ui_list_strf(ui->l, other == 1 ? _("De groep koos %c: %d van de %d stemmen. %d stemde anders.")
                                              : _("De groep koos %c: %d van de %d stemmen. %d stemden anders."), l,
                            votes[chosen], t.total, other);
}


/* ---- two columns ------------------------------------------------------------------------------ */

void sp_ui_group_flow_mark(sp_ui_group_flow *f, const sp_ui_ui *ui, const sp_ui_page *pg)
{
    if (!f || f->n >= SP_UI_GROUP_FLOW_MAX)
        return;
    f->cmd[f->n] = ui->l->n_cmds;
    f->hit[f->n] = ui->l->n_hits;
    f->y[f->n] = pg->y;
    f->n++;
}

void sp_ui_group_flow_columns(sp_ui_group_flow *f, sp_ui_ui *ui, sp_ui_page *pg, int x2)
{
    if (!f || f->n < 2)
        return;
    int top = f->y[0], end = pg->y, best = -1, best_h = end - top;
    for (int k = 1; k < f->n; k++) {
        int left = f->y[k] - top, right = end - f->y[k];
        int h = left > right ? left : right;
        if (h < best_h) {
            best_h = h;
            best = k;
        }
    }
    if (best < 0)
        return;
    sp_ui_list_translate(ui->l, f->cmd[best], f->hit[best], x2 - pg->x, top - f->y[best]);
    pg->y = top + best_h;
}

/* ---- which group screen, and the type for the wall ------------------------------------------- */

int sp_ui_group_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view_r)
{
    if (!a->group || !a->s)
        return 0;
    if (a->screen == SP_UI_SCREEN_PLAY) {
        sp_ui_group_play_build(a, ui, view_r);
        return 1;
    }
    if (a->screen == SP_UI_SCREEN_DEBRIEF && a->debrief) {
        sp_ui_group_debrief_build(a, ui, view_r);
        return 1;
    }
    return 0;
}

/* From the back of a room: the body is a thirtieth of the screen's height
 * (rounded up), a little more for the larger text sizes. */
static const int grow[SP_UI_SIZE_COUNT] = { 100, 100, 112, 125 };

int sp_ui_group_floor(int text_size)
{
    if (text_size < 0 || text_size >= SP_UI_SIZE_COUNT)
        text_size = SP_UI_SIZE_M;
    return (75 * 100 + grow[text_size] - 1) / grow[text_size];
}

void sp_ui_group_sizes(int h, int text_size, int px[SP_UI_FONT_COUNT])
{
    if (text_size < 0 || text_size >= SP_UI_SIZE_COUNT)
        text_size = SP_UI_SIZE_M;
    if (h < 480)
        h = 480;
    int body = (h * grow[text_size] + 30 * 100 - 1) / (30 * 100);
    px[SP_UI_FONT_BODY] = body;
    px[SP_UI_FONT_THOUGHT] = body;
    px[SP_UI_FONT_BOLD] = body;
    px[SP_UI_FONT_SMALL] = (body * 85 + 99) / 100;
    px[SP_UI_FONT_H2] = body * 5 / 4;
    px[SP_UI_FONT_H1] = body * 3 / 2;
    px[SP_UI_FONT_PORTRAIT] = body * 9 / 10;
}

const char *sp_ui_group_fit(sp_ui_ui *ui, int font, const char *s, int w)
{
    const sp_ui_metrics *m = ui->m;
    int len = (int)strlen(s);
    if (m->measure(m->ctx, font, s, len) <= w)
        return s;
    static const char dots[] = "…";
    int dw = m->measure(m->ctx, font, dots, (int)sizeof dots - 1);
    int end = 0;
    for (int i = 0; i < len;) {
        int n = i + 1;
        while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        if (m->measure(m->ctx, font, s, n) + dw > w)
            break;
        end = i = n;
    }
    while (end > 0 && s[end - 1] == ' ')
        end--;
    return sp_ui_list_strf(ui->l, "%.*s%s", end, s, dots);
}

/* ---- pages ------------------------------------------------------------------------------------ */

/* Where block k ends: the next block's start, or the list's end. */
static int block_end(const sp_ui_group_flow *f, const sp_ui_ui *ui, const sp_ui_page *pg, int k, int what)
{
    if (k + 1 < f->n)
        return what == 0 ? f->cmd[k + 1] : what == 1 ? f->hit[k + 1] : f->y[k + 1];
    return what == 0 ? ui->l->n_cmds : what == 1 ? ui->l->n_hits : pg->y;
}

int sp_ui_group_flow_pages(sp_ui_group_flow *f, sp_ui_ui *ui, sp_ui_page *pg, int x2, int avail, int page,
                           int *pages)
{
    *pages = 1;
    if (!f || f->n < 1)
        return 0;
    /* each block's column: a new one when the block would reach past avail */
    int col[SP_UI_GROUP_FLOW_MAX], col_top[SP_UI_GROUP_FLOW_MAX], c = 0, first = 0;
    col_top[0] = f->y[0];
    for (int k = 0; k < f->n; k++) {
        if (k > first && block_end(f, ui, pg, k, 2) - col_top[c] > avail) {
            col_top[++c] = f->y[k];
            first = k;
        }
        col[k] = c;
    }
    int per = x2 < 0 ? 1 : 2; /* columns to a page */
    *pages = (c + per) / per;
    page = page >= *pages ? *pages - 1 : page < 0 ? 0 : page;
    sp_ui_list *l = ui->l;
    int wc = f->cmd[0], wh = f->hit[0], top = f->y[0], tallest = 0;
    for (int k = 0; k < f->n; k++) {
        int c0 = f->cmd[k], c1 = block_end(f, ui, pg, k, 0), h0 = f->hit[k], h1 = block_end(f, ui, pg, k, 1);
        if (col[k] / per != page)
            continue;
        if (c1 > c0) /* (a list without hits has no array: memmove of NULL is undefined even for 0 bytes) */
            memmove(&l->cmds[wc], &l->cmds[c0], (size_t)(c1 - c0) * sizeof *l->cmds);
        if (h1 > h0)
            memmove(&l->hits[wh], &l->hits[h0], (size_t)(h1 - h0) * sizeof *l->hits);
        int n_cmds = l->n_cmds, n_hits = l->n_hits;
        l->n_cmds = wc + (c1 - c0);
        l->n_hits = wh + (h1 - h0);
        sp_ui_list_translate(l, wc, wh, col[k] % per ? x2 - pg->x : 0, top - col_top[col[k]]);
        l->n_cmds = n_cmds, l->n_hits = n_hits;
        wc += c1 - c0;
        wh += h1 - h0;
        int bottom = block_end(f, ui, pg, k, 2) - col_top[col[k]];
        tallest = bottom > tallest ? bottom : tallest;
    }
    l->n_cmds = wc;
    l->n_hits = wh;
    pg->y = top + tallest;
    return page;
}

void sp_ui_group_page_cue(sp_ui_ui *ui, sp_ui_rect region, int page, int pages)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    const char *label = page + 1 < pages ? sp_ui_list_strf(ui->l, _("%d/%d · verder: PageDown / Enter"), page + 1, pages)
                                         : sp_ui_list_strf(ui->l, _("%d/%d · terug: PageUp"), page + 1, pages);
    int tw = m->measure(m->ctx, SP_UI_FONT_SMALL, label, (int)strlen(label));
    int w = tw + 3 * u, h = m->line_h[SP_UI_FONT_SMALL] + u;
    if (w > region.w)
        w = region.w;
    sp_ui_rect r = sp_ui_rect_make(region.x + (region.w - w) / 2, region.y + region.h - h - u / 2, w, h);
    sp_ui_rgba fill = page + 1 < pages ? th->accent : th->surface;
    sp_ui_cmd *c = sp_ui_frame_cmd(ui->l, r, fill, page + 1 < pages ? th->accent : th->border,
                                     th->high_contrast ? 2 : 1, h / 2);
    c->tag = SP_UI_TAG_WALL_PAGE;
    c->arg = page * 100 + pages;
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, sp_ui_ui_on(fill), r.x + (w - tw) / 2, r.y + u / 2, label, -1, r);
    sp_ui_hit_add(ui->l, r, SP_UI_ACT_GROUP_PAGE, page + 1 < pages ? 1 : -1, 0); /* a click turns the page too */
}

int sp_ui_group_wall_turn(sp_ui_group *g, int dir)
{
    int at = g->wall_page < g->wall_pages ? g->wall_page : g->wall_pages - 1;
    int to = at + (dir < 0 ? -1 : 1);
    if (g->wall_pages <= 1 || to < 0 || to >= g->wall_pages)
        return 0;
    g->wall_page = to;
    return 1;
}
