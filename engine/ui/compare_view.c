/* compare_view.c: two plays of one case side by side: their endings and scores per goal, then decision by decision, where the roads part and meet again. */
#include "replay.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

static sp_ui_rgba grade_color(const sp_ui_theme *th, sp_replay_grade g)
{
    return g == SP_GRADE_BEST ? th->good : g == SP_GRADE_MIDDLE ? th->mixed : th->bad;
}

static sp_ui_rgba ending_color(const sp_ui_theme *th, sp_ending_kind k)
{
    return k == SP_ENDING_GOOD ? th->good : k == SP_ENDING_MIXED ? th->mixed : th->bad;
}

static const char *side_name(const sp_ui_replay *rp, int b)
{
    return !b ? _("Dit gesprek") : rp->b_expert ? _("De expertroute") : _("Het andere gesprek");
}

/* The head of one side: whose play, when, how it ended, the score. Its
 * card is command *frame; returns its height. */
static int side_head(sp_ui_app *a, sp_ui_ui *ui, int x, int y, int w, int b, int *frame)
{
    const sp_ui_replay *rp = a->replay;
    const sp_replay *r = b ? rp->rb : rp->r;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit, pad = 2 * u;
    *frame = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(x, y, w, 0), th->surface, b ? th->best : th->accent, 3, u);
    sp_ui_page in = { .x = x + pad, .w = w - 2 * pad, .y = y + pad };
    sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted, b ? "B" : "A");
    sp_ui_ui_text(ui, &in, SP_UI_FONT_H2, th->text, side_name(rp, b));
    const sp_transcript *t = b ? rp->tb : rp->t;
    if (t && t->started > 0) {
        char when[64];
        time_t tt = (time_t)t->started;
        struct tm tm;
        localtime_r(&tt, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted, sp_ui_list_strf(ui->l, _("Gespeeld %s"), when));
    }
    in.y += u;
    if (r->finished) {
        const sp_node *nd = &r->sc->nodes[r->steps[r->n_decisions].node];
        sp_ui_rgba kc = ending_color(th, nd->ending_kind);
        sp_ui_ui_badge(ui, in.x, in.y, sp_text_get(&nd->ending_title, lang), kc, sp_ui_ui_on(kc),
                        sp_ui_rect_make(in.x, in.y, in.w, 1 << 20));
        in.y += m->line_h[SP_UI_FONT_SMALL] + u;
    }
    sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->text,
                   sp_ui_list_strf(ui->l, _("%d van de %d punten die op dit pad haalbaar waren"), r->total, r->best_total));
    int h = in.y + pad - y;
    ui->l->cmds[*frame].r.h = h;
    return h;
}

/* Per goal two bars on one scale: A in the accent colour, B lighter. */
static void goals(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_compare *c = a->replay->cmp;
    const sp_handbook *hb = a->replay->r->sc->handbook;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    int lo = 0, hi = 1, lw = 0;
    for (int g = 0; g < c->n_goals; g++) {
        const int v[2] = { c->goal_a[g], c->goal_b[g] };
        for (int k = 0; k < 2; k++) {
            if (v[k] < lo) lo = v[k];
            if (v[k] > hi) hi = v[k];
        }
        const char *label = sp_text_get(&hb->goals[g].label, lang);
        int w = m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
        if (w > lw)
            lw = w;
    }
    if (lw > pg->w / 3)
        lw = pg->w / 3;
    int vw = m->measure(m->ctx, SP_UI_FONT_SMALL, "B  -00", 6);
    int x0 = pg->x + lw + 2 * u, bw = pg->w - lw - 4 * u - vw;
    double ppu = bw > 0 ? (double)bw / (hi - lo) : 0;
    int zero = x0 + (int)(-lo * ppu + 0.5), bar_h = 3 * u / 2;
    for (int g = 0; g < c->n_goals; g++) {
        const char *label = sp_text_get(&hb->goals[g].label, lang);
        int y = pg->y, row_h = 2 * bar_h + u / 2;
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, th->text, label, pg->x, y, lw,
                          sp_ui_rect_make(pg->x, y, lw, row_h + m->line_h[SP_UI_FONT_BOLD]));
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(x0, y, bw, 2 * bar_h + u / 2), th->bg, 0);
        const int v[2] = { c->goal_a[g], c->goal_b[g] };
        for (int k = 0; k < 2; k++) {
            int x1 = zero + (int)(v[k] * ppu + (v[k] >= 0 ? 0.5 : -0.5));
            int yy = y + k * (bar_h + u / 2);
            sp_ui_rect br = v[k] >= 0 ? sp_ui_rect_make(zero, yy, x1 - zero, bar_h)
                                       : sp_ui_rect_make(x1, yy, zero - x1, bar_h);
            sp_ui_cmd *cmd = sp_ui_rect_cmd(ui->l, br, k ? th->best : th->accent, 0);
            cmd->tag = k ? SP_UI_TAG_BAR_BEST : SP_UI_TAG_BAR_YOU;
            cmd->arg = g;
            const char *val = sp_ui_list_strf(ui->l, "%s  %d", k ? "B" : "A", v[k]);
            sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->text, x0 + bw + 2 * u, yy + (bar_h - m->line_h[SP_UI_FONT_SMALL]) / 2,
                            val, -1, sp_ui_rect_make(x0 + bw + 2 * u, yy - u, vw + u, bar_h + 2 * u));
        }
        if (lo < 0)
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(zero, y - u / 2, 1, row_h + u), th->muted, 0);
        int lh = sp_ui_text_height(m, SP_UI_FONT_BOLD, label, lw);
        pg->y += (lh > row_h ? lh : row_h) + 2 * u;
    }
}

/* One side of a row: the turn and what was chosen, or how it ended; with
 * prompt, the question of its own moment (when the sides are at different ones). */
static int cell(sp_ui_app *a, sp_ui_ui *ui, int x, int y, int w, int b, int i, int prompt)
{
    const sp_ui_replay *rp = a->replay;
    const sp_replay *r = b ? rp->rb : rp->r;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    sp_ui_page in = { .x = x, .w = w, .y = y };
    if (i < 0) {
        sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->muted, "—");
        return in.y - y;
    }
    const sp_replay_step *s = &r->steps[i];
    const sp_node *nd = &r->sc->nodes[s->node];
    if (i == r->n_decisions) {
        if (r->finished) {
            sp_ui_rgba kc = ending_color(th, nd->ending_kind);
            sp_ui_ui_badge(ui, in.x, in.y, _("Einde"), kc, sp_ui_ui_on(kc), sp_ui_rect_make(in.x, in.y, in.w, 1 << 20));
            in.y += m->line_h[SP_UI_FONT_SMALL] + u;
            sp_ui_ui_text(ui, &in, SP_UI_FONT_BOLD, th->text, sp_text_get(&nd->ending_title, lang));
        } else {
            sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->muted,
                           sp_ui_list_strf(ui->l, _("Gestopt bij beurt %d"), s->turn));
        }
        return in.y - y;
    }
    sp_ui_rgba gc = grade_color(th, s->grade);
    int bw = sp_ui_ui_badge(ui, in.x, in.y, sp_ui_list_strf(ui->l, "%+d", s->total), gc, sp_ui_ui_on(gc),
                             sp_ui_rect_make(in.x, in.y, in.w, 1 << 20));
    const char *turn = sp_ui_list_strf(ui->l, _("Beurt %d"), s->turn);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->muted, in.x + bw + u, in.y + u / 4, turn, -1,
                    sp_ui_rect_make(in.x + bw + u, in.y, in.w - bw - u, m->line_h[SP_UI_FONT_SMALL] + u));
    in.y += m->line_h[SP_UI_FONT_SMALL] + u;
    if (prompt && *s->prompt) {
        sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted, s->prompt);
        in.y += u / 2;
    }
    sp_ui_ui_text(ui, &in, s->kind == SP_VIEW_THOUGHT ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY, th->text,
                   sp_text_get(&nd->options[s->chosen].text, lang));
    return in.y - y;
}

static void banner(sp_ui_ui *ui, sp_ui_page *pg, const char *text, sp_ui_rgba c)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int h = m->line_h[SP_UI_FONT_BOLD] + 2 * u;
    sp_ui_rect r = sp_ui_rect_make(pg->x, pg->y, pg->w, h);
    sp_ui_rect_cmd(ui->l, r, c, u / 2);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, sp_ui_ui_on(c), pg->x + 2 * u, pg->y + u, text, -1, r);
    pg->y += h + u;
}

static void rows(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_ui_replay *rp = a->replay;
    const sp_compare *c = rp->cmp;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, pad = 2 * u, gap = 3 * u;
    int cw = (pg->w - 2 * pad - gap) / 2;
    for (int i = 0; i < c->n_rows; i++) {
        const sp_align_row *row = &c->rows[i];
        if (i == c->first_split)
            banner(ui, pg, _("Hier gaan de wegen uiteen"), th->mixed);
        if (i == c->rejoin)
            banner(ui, pg, _("Hier komen de wegen weer samen"), th->good);
        const sp_replay *one = row->a >= 0 ? rp->r : rp->rb;
        const sp_replay_step *s = &one->steps[row->a >= 0 ? row->a : row->b];
        const sp_node *nd = &one->sc->nodes[s->node];
        const char *kind = row->kind == SP_ALIGN_SAME ? _("zelfde keuze")
                         : row->kind == SP_ALIGN_OTHER ? _("andere keuze")
                         : row->kind == SP_ALIGN_APART ? _("elk een ander moment")
                         : row->kind == SP_ALIGN_ONLY_A ? _("alleen in A") : _("alleen in B");
        const char *what = nd->kind == SP_NODE_ENDING ? _("Het einde")
                         : row->kind == SP_ALIGN_APART ? _("Op hetzelfde moment in het gesprek")
                         : *s->prompt ? s->prompt : nd->id;
        int frame = ui->l->n_cmds;
        sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), th->surface,
                         row->kind == SP_ALIGN_SAME ? th->border : th->mixed, th->high_contrast ? 2 : 1, u);
        int y0 = pg->y, y = pg->y + pad;
        int kw = m->measure(m->ctx, SP_UI_FONT_SMALL, kind, (int)strlen(kind));
        int hw = pg->w - 2 * pad - kw - 2 * u;
        int hh = sp_ui_text_height(m, SP_UI_FONT_BOLD, what, hw);
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, th->text, what, pg->x + pad, y, hw,
                          sp_ui_rect_make(pg->x + pad, y, hw, hh));
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, row->kind == SP_ALIGN_SAME ? th->muted : th->mixed,
                        pg->x + pg->w - pad - kw, y, kind, -1,
                        sp_ui_rect_make(pg->x + pg->w - pad - kw, y, kw, m->line_h[SP_UI_FONT_SMALL]));
        y += hh + u;
        int own = row->kind == SP_ALIGN_APART && nd->kind != SP_NODE_ENDING;
        int ha = cell(a, ui, pg->x + pad, y, cw, 0, row->a, own);
        int hb = cell(a, ui, pg->x + pad + cw + gap, y, cw, 1, row->b, own);
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(pg->x + pad + cw + gap / 2, y, 1, ha > hb ? ha : hb), th->border, 0);
        y += (ha > hb ? ha : hb) + pad;
        ui->l->cmds[frame].r.h = y - y0;
        pg->y = y + u;
    }
}

void sp_ui_compare_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    sp_ui_replay *rp = a->replay;
    if (!rp || !rp->cmp)
        return;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    const char *labels[1] = { _("Terug") };
    const char *hints[1] = { "Esc" };
    int actions[1] = { SP_UI_ACT_REPLAY_BACK };
    const char *title = sp_ui_list_strf(ui->l, "%s: %s", _("Vergelijken"), sp_text_get(&rp->r->sc->title, lang));
    const char *sub = _("Twee gesprekken over dezelfde casus naast elkaar, beslissing voor beslissing");
    int top = sp_ui_chrome_topbar_h(ui, view, title, sub, 1, labels, hints);
    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, 0, m->measure_w * 9 / 5, 3 * u, &pg);
    int x = pg.x, w = pg.w;

    int gap = 2 * u, hw = (w - gap) / 2;
    int fa, fb;
    int ha = side_head(a, ui, x, pg.y, hw, 0, &fa);
    int hb = side_head(a, ui, x + hw + gap, pg.y, hw, 1, &fb);
    int h = ha > hb ? ha : hb;
    ui->l->cmds[fa].r.h = ui->l->cmds[fb].r.h = h;
    pg.y += h + 3 * u;

    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, th->text, _("Per leerdoel"));
    pg.y += 2 * u;
    goals(a, ui, &pg);
    pg.y += u;
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, th->text, _("Beslissing voor beslissing"));
    pg.y += 2 * u;
    rows(a, ui, &pg);
    pg.y += 3 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
    sp_ui_chrome_topbar(ui, view, title, sub, 1, labels, hints, actions);
}
