/* debrief_chart.c: the debrief's figures in the window: the summary line, the chart per learning goal (bars from a labelled zero line, negative to the left; your score and the expert route, rows that add up to the total row) and the legend that defines every number. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* The line above the chart: your score against the case maximum, and what
 * your choices left lying (and, in an unfinished play, what is still open). */
const char *sp_ui_debrief_summary(sp_ui_list *l, const sp_debrief *d)
{
    if (!d->exact)
        return sp_ui_list_strf(l, _("Je score: %d. Deze casus is te groot om het maximum exact uit te rekenen, dus dat staat er niet bij."),
                                d->total);
    if (d->finished)
        return sp_ui_list_strf(l, ngettext("Je score: %d van max %d. Je keuzes lieten %d punt liggen.",
                                            "Je score: %d van max %d. Je keuzes lieten %d punten liggen.",
                                            (unsigned long)d->left),
                                d->total, d->total_max, d->left);
    return sp_ui_list_strf(l, _("Je score tot nu toe: %d van max %d. Je keuzes lieten %d liggen; %d is nog haalbaar."),
                            d->total, d->total_max, d->left, d->still);
}

/* The name of a flag's verdict (session.h), one word for every screen. */
const char *sp_ui_flag_verdict_name(sp_flag_verdict v)
{
    return v == SP_FLAG_PRESENT ? _("Herkend") : v == SP_FLAG_NOT_INTENDED ? _("Niet bedoeld hier") : _("Vals alarm");
}

static int bar_x(int zero, double ppu, int v)
{
    return zero + (int)(v * ppu + (v >= 0 ? 0.5 : -0.5));
}

/* A bar from the zero line to v: to the right when positive, to the left
 * when negative. */
static void bar(sp_ui_list *l, int zero, double ppu, int v, int y, int h, sp_ui_rgba col, sp_ui_tag tag, int goal)
{
    int x1 = bar_x(zero, ppu, v);
    sp_ui_rect r = v >= 0 ? sp_ui_rect_make(zero, y, x1 - zero, h) : sp_ui_rect_make(x1, y, zero - x1, h);
    sp_ui_cmd *c = sp_ui_rect_cmd(l, r, col, 0);
    c->tag = tag;
    c->arg = goal;
}

typedef struct chart_cols {
    int lw;             /* goal labels */
    int x0, bw;         /* the bar area */
    int zero;           /* x of the zero line */
    double ppu;         /* pixels per point */
    int you_x, exp_x;   /* right edges of the two number columns */
    int col_w;          /* width of each number column */
} chart_cols;

static chart_cols columns(const sp_ui_ui *ui, const sp_ui_page *pg, const sp_handbook *hb, const sp_debrief *d,
                          sp_lang lang)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    chart_cols c;
    c.lw = 0;
    int lo = 0, hi = 1;
    for (int i = 0; i < d->n_goals; i++) {
        const char *label = sp_text_get(&hb->goals[d->goals[i].goal].label, lang);
        int w = m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
        if (w > c.lw)
            c.lw = w;
        int v[2] = { d->goals[i].score, d->goals[i].expert };
        for (int k = 0; k < 2; k++) {
            if (v[k] < lo) lo = v[k];
            if (v[k] > hi) hi = v[k];
        }
    }
    const char *total = _("Totaal");
    int tw = m->measure(m->ctx, SP_UI_FONT_BOLD, total, (int)strlen(total));
    if (tw > c.lw)
        c.lw = tw;
    if (c.lw > pg->w / 3)
        c.lw = pg->w / 3;
    const char *heads[2] = { _("Jij"), _("Expertroute") };
    c.col_w = m->measure(m->ctx, SP_UI_FONT_SMALL, "−000", 6);
    for (int k = 0; k < 2; k++) {
        int w = m->measure(m->ctx, SP_UI_FONT_SMALL, heads[k], (int)strlen(heads[k]));
        if (w > c.col_w)
            c.col_w = w;
    }
    c.exp_x = pg->x + pg->w;
    c.you_x = c.exp_x - c.col_w - 2 * u;
    c.x0 = pg->x + c.lw + 2 * u;
    c.bw = c.you_x - c.col_w - 2 * u - c.x0;
    if (c.bw < 4 * u)
        c.bw = 4 * u;
    c.ppu = (double)c.bw / (hi - lo);
    c.zero = c.x0 + (int)(-lo * c.ppu + 0.5);
    return c;
}

/* A number right-aligned at x (its right edge). */
static void number(sp_ui_ui *ui, int font, sp_ui_rgba col, int x, int y, int w, const char *s)
{
    int tw = ui->m->measure(ui->m->ctx, font, s, (int)strlen(s));
    sp_ui_text_cmd(ui->l, ui->m, font, col, x - tw, y, s, -1, sp_ui_rect_make(x - w, y, w, ui->m->line_h[font]));
}

/* The legend: a swatch (or none) and one sentence per figure. */
static void legend(sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit, line = ui->m->line_h[SP_UI_FONT_SMALL];
    struct { sp_ui_rgba c; int sw; const char *s; } items[] = {
        { th->accent, 2 * u, _("Jij: de punten van de opties die je koos, per leerdoel. Samen zijn ze je score.") },
        { th->best, 2 * u, _("Expertroute: een echte route door de casus die de hoogst haalbare score haalt. Samen is dat het maximum van de casus.") },
        { th->muted, 1, _("0: de nullijn. Een negatieve score groeit naar links.") },
        { th->bg, 0, _("Laten liggen: bij elke beslissing het verschil tussen het beste dat nog haalbaar was en wat je keuze overliet. Je score plus laten liggen is het maximum.") },
    };
    for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
        int tx = pg->x + 2 * u + u;
        if (items[k].sw)
            sp_ui_rect_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y + line / 4, items[k].sw, line / 2), items[k].c, 0);
        int h = sp_ui_text_block(ui->l, ui->m, SP_UI_FONT_SMALL, th->muted, items[k].s, tx, pg->y, pg->x + pg->w - tx,
                                  sp_ui_rect_make(tx, pg->y, pg->x + pg->w - tx, 1 << 20));
        pg->y += h + u / 2;
    }
}

void sp_ui_debrief_chart(const sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_handbook *hb,
                          const sp_debrief *d)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit, small = m->line_h[SP_UI_FONT_SMALL];
    chart_cols c = columns(ui, pg, hb, d, lang);
    int you_h = 2 * u, exp_h = u;

    /* the header: the zero line's label and the number columns */
    number(ui, SP_UI_FONT_SMALL, th->muted, c.you_x, pg->y, c.col_w, _("Jij"));
    number(ui, SP_UI_FONT_SMALL, th->muted, c.exp_x, pg->y, c.col_w, _("Expertroute"));
    int zw = m->measure(m->ctx, SP_UI_FONT_SMALL, "0", 1);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->muted, c.zero - zw / 2, pg->y, "0", 1,
                    sp_ui_rect_make(c.zero - zw, pg->y, 2 * zw, small));
    pg->y += small + u / 2;
    int top = pg->y;

    for (int i = 0; i < d->n_goals; i++) {
        const sp_debrief_goal *g = &d->goals[i];
        const char *label = sp_text_get(&hb->goals[g->goal].label, lang);
        int lh = sp_ui_text_height(m, SP_UI_FONT_BOLD, label, c.lw);
        int row_h = you_h + exp_h + u / 2;
        if (lh > row_h)
            row_h = lh;
        int y = pg->y;
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, th->text, label, pg->x, y, c.lw,
                          sp_ui_rect_make(pg->x, y, c.lw, row_h));
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(c.x0, y, c.bw, you_h), th->bg, 0); /* the scale's track */
        bar(ui->l, c.zero, c.ppu, g->score, y, you_h, th->accent, SP_UI_TAG_BAR_YOU, g->goal);
        if (d->exact)
            bar(ui->l, c.zero, c.ppu, g->expert, y + you_h + u / 2, exp_h, th->best, SP_UI_TAG_BAR_BEST, g->goal);
        number(ui, SP_UI_FONT_BOLD, th->text, c.you_x, y, c.col_w, sp_ui_list_strf(ui->l, "%d", g->score));
        if (d->exact)
            number(ui, SP_UI_FONT_SMALL, th->muted, c.exp_x, y, c.col_w, sp_ui_list_strf(ui->l, "%d", g->expert));
        pg->y += row_h + 2 * u;
    }
    sp_ui_cmd *z = sp_ui_rect_cmd(ui->l, sp_ui_rect_make(c.zero, top - u / 2, 1, pg->y - top - u), th->muted, 0);
    z->tag = SP_UI_TAG_ZERO;

    /* the total row: the goal rows add up to it */
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y - u, pg->w, 1), th->border, 0);
    pg->y += u / 2;
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, th->text, pg->x, pg->y, _("Totaal"), -1,
                    sp_ui_rect_make(pg->x, pg->y, c.lw + u, m->line_h[SP_UI_FONT_BOLD]));
    number(ui, SP_UI_FONT_BOLD, th->text, c.you_x, pg->y, c.col_w, sp_ui_list_strf(ui->l, "%d", d->total));
    if (d->exact)
        number(ui, SP_UI_FONT_BOLD, th->text, c.exp_x, pg->y, c.col_w, sp_ui_list_strf(ui->l, "%d", d->total_max));
    pg->y += m->line_h[SP_UI_FONT_BOLD] + 3 * u;
    legend(ui, pg);
}
