/* export_figures.c: the figures of a play in the exports (debrief.h, figures.h): the HTML goal chart and table with its sum line and legend, and the CSV's total, expert-route and legend rows. */
#include "export.h"
#include "export_buf.h"
#include "translate.h"
#include "figures.h"

#include <stdio.h>
#include <string.h>

/* The figure's name with a capital first letter (ASCII names only). */
static void capital(sp_export_buf *b, const char *name, int html)
{
    char first[2] = { name[0] >= 'a' && name[0] <= 'z' ? (char)(name[0] - 'a' + 'A') : name[0], '\0' };
    if (!name[0])
        return;
    sp_export_buf_put(b, first);
    if (html)
        sp_export_buf_esc(b, name + 1, 0);
    else
        sp_export_buf_put(b, name + 1);
}

/* ==== HTML ===================================================================== */

/* Two bars a goal on one scale, your score and the expert route; negative
 * values grow left of the zero line, which is labelled "0". */
static void html_chart(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    const sp_handbook *hb = r->sc->handbook;
    int kinds = d->exact ? 2 : 1, lo = 0, hi = 1;
    for (int g = 0; g < d->n_goals; g++) {
        const int v[2] = { d->goals[g].score, d->goals[g].expert };
        for (int k = 0; k < kinds; k++) {
            if (v[k] < lo) lo = v[k];
            if (v[k] > hi) hi = v[k];
        }
    }
    const int label_w = 170, chart_w = 440, bar_h = 14, top = 18;
    const int group_h = kinds * bar_h + 16;
    int width = label_w + chart_w + 60, height = top + d->n_goals * group_h;
    int x0 = label_w + (int)((long)(0 - lo) * chart_w / (hi - lo));
    sp_export_buf_putf(b, "<svg class=\"goals\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
         "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
         width, height, width, height);
    sp_export_buf_put(b, "<title>");
    sp_export_buf_esc(b, sp_translate(r->lang, "Leerdoelen"), 0);
    sp_export_buf_put(b, "</title>\n");
    static const char *const fills[2] = { "#3d6fa8", "#c4cfdc" };
    static const char *const attrs[2] = { "you", "expert" };
    for (int g = 0; g < d->n_goals; g++) {
        const sp_debrief_goal *dg = &d->goals[g];
        const int v[2] = { dg->score, dg->expert };
        int y = top + g * group_h;
        sp_export_buf_putf(b, "<g data-goal=\"%s\">\n<text x=\"0\" y=\"%d\" fill=\"#1f2a36\" font-weight=\"600\">",
             hb->goals[dg->goal].id, y + kinds * bar_h / 2 + 4);
        sp_export_buf_esc(b, sp_text_get(&hb->goals[dg->goal].label, r->lang), 0);
        sp_export_buf_put(b, "</text>\n");
        for (int k = 0; k < kinds; k++) {
            int xv = label_w + (int)((long)(v[k] - lo) * chart_w / (hi - lo));
            int x = v[k] < 0 ? xv : x0, w = v[k] < 0 ? x0 - xv : xv - x0;
            int yy = y + k * bar_h;
            sp_export_buf_putf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" data-%s=\"%d\"/>",
                 x, yy, w > 0 ? w : 1, bar_h - 2, fills[k], attrs[k], v[k]);
            sp_export_buf_putf(b, "<text x=\"%d\" y=\"%d\" fill=\"#5b6775\" font-size=\"11\"%s>%d</text>\n",
                 v[k] < 0 ? xv - 4 : xv + 4, yy + bar_h - 3, v[k] < 0 ? " text-anchor=\"end\"" : "", v[k]);
        }
        sp_export_buf_put(b, "</g>\n");
    }
    sp_export_buf_putf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f2a36\" stroke-width=\"1\"/>"
         "<text x=\"%d\" y=\"12\" fill=\"#1f2a36\" font-size=\"11\" text-anchor=\"middle\" data-zero=\"0\">0</text>\n",
         x0, top - 4, x0, height, x0);
    sp_export_buf_put(b, "</svg>\n<p class=\"legend\">");
    const sp_figure names[2] = { SP_FIG_SCORE, SP_FIG_EXPERT };
    for (int k = 0; k < kinds; k++) {
        sp_export_buf_putf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>", fills[k]);
        capital(b, sp_figure_name(r->lang, names[k]), 1);
        sp_export_buf_put(b, "</span>");
    }
    sp_export_buf_put(b, "</p>\n");
}

/* One table row: a heading cell and one or two numbers with their data-*. */
static void html_row(sp_export_buf *b, const char *goal_id, const char *label, int you, int expert, int exact)
{
    sp_export_buf_putf(b, "<tr data-goal=\"%s\"><th>", goal_id);
    sp_export_buf_esc(b, label, 0);
    sp_export_buf_putf(b, "</th><td class=\"num\" data-you=\"%d\">%d</td>", you, you);
    if (exact)
        sp_export_buf_putf(b, "<td class=\"num\" data-expert=\"%d\">%d</td>", expert, expert);
    sp_export_buf_put(b, "</tr>\n");
}

static void html_legend(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    static const sp_figure shown[] = { SP_FIG_SCORE, SP_FIG_EXPERT, SP_FIG_MAX, SP_FIG_LEFT, SP_FIG_STILL,
                                       SP_FIG_STRONGER };
    sp_export_buf_put(b, "<h3>");
    sp_export_buf_esc(b, sp_figure_legend_title(r->lang), 0);
    sp_export_buf_put(b, "</h3>\n<dl class=\"figures-legend\">\n");
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        if (!d->exact && shown[i] != SP_FIG_SCORE)
            continue;
        sp_export_buf_put(b, "<dt>");
        capital(b, sp_figure_name(r->lang, shown[i]), 1);
        sp_export_buf_put(b, "</dt><dd>");
        sp_export_buf_esc(b, sp_figure_legend(r->lang, shown[i]), 0);
        sp_export_buf_put(b, "</dd>\n");
    }
    sp_export_buf_put(b, "</dl>\n");
}

void sp_export_html_figures(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    const sp_handbook *hb = r->sc->handbook;
    sp_export_buf_put(b, "<section class=\"figures\">\n<h2>");
    sp_export_buf_esc(b, sp_translate(r->lang, "Leerdoelen"), 0);
    sp_export_buf_put(b, "</h2>\n");
    html_chart(b, r, d);
    sp_export_buf_put(b, "<table class=\"figures\">\n<thead><tr><th>");
    sp_export_buf_esc(b, sp_translate(r->lang, "Leerdoel"), 0);
    sp_export_buf_put(b, "</th><th class=\"num\">");
    capital(b, sp_figure_name(r->lang, SP_FIG_SCORE), 1);
    if (d->exact) {
        sp_export_buf_put(b, "</th><th class=\"num\">");
        capital(b, sp_figure_name(r->lang, SP_FIG_EXPERT), 1);
    }
    sp_export_buf_put(b, "</th></tr></thead>\n<tbody>\n");
    for (int g = 0; g < d->n_goals; g++) {
        const sp_debrief_goal *dg = &d->goals[g];
        html_row(b, hb->goals[dg->goal].id, sp_text_get(&hb->goals[dg->goal].label, r->lang), dg->score,
                 dg->expert, d->exact);
    }
    html_row(b, "total", sp_translate(r->lang, "Totaal"), d->total, d->total_max, d->exact);
    sp_export_buf_put(b, "</tbody>\n</table>\n");
    if (d->exact) {
        char sum[256];
        sp_figure_sum(r->lang, sum, sizeof sum, d->total, d->left, d->still, d->total_max);
        sp_export_buf_putf(b, "<p class=\"sum\" data-score=\"%d\" data-left=\"%d\" data-still=\"%d\" data-max=\"%d\">",
             d->total, d->left, d->still, d->total_max);
        capital(b, sum, 1);
        sp_export_buf_put(b, "</p>\n");
    } else {
        sp_export_buf_put(b, "<p class=\"sum\">");
        sp_export_buf_esc(b, sp_translate(r->lang, "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens)."), 0);
        sp_export_buf_put(b, "</p>\n");
    }
    html_legend(b, r, d);
    sp_export_buf_put(b, "</section>\n");
}

/* ==== CSV ======================================================================= */

/* The rows after the decisions, each as wide as the header (cols fields):
 * the total row (the sums of the columns above it) and the expert route
 * (its score per goal, and the case maximum as its score); then, after an
 * empty row, the figures with their value and their meaning. The goal
 * columns start at field 4 (0-based), then score, left, stronger option. */
void sp_export_csv_figures(sp_export_buf *b, const sp_replay *r, const sp_debrief *d, int cols,
                           void (*field)(sp_export_buf *, const char *, int))
{
    const int G = d->n_goals;
    for (int row = 0; row < (d->exact ? 2 : 1); row++) {
        int expert = row == 1;
        field(b, sp_translate(r->lang, expert ? SP_N_("expertroute") : SP_N_("totaal")), 1);
        for (int k = 1; k < 4; k++)
            field(b, "", 0);
        /* numbers we computed are written as they are, never as formulas */
        for (int g = 0; g < G; g++)
            sp_export_buf_putf(b, ",%d", expert ? d->goals[g].expert : d->goals[g].score);
        sp_export_buf_putf(b, ",%d", expert ? d->total_max : d->total);
        if (d->exact && !expert)
            sp_export_buf_putf(b, ",%d", d->left);
        else
            field(b, "", 0);
        for (int k = 4 + G + 2; k < cols; k++)
            field(b, "", 0);
        sp_export_buf_put(b, "\r\n");
    }
    for (int k = 0; k < cols; k++)
        field(b, "", k == 0);
    sp_export_buf_put(b, "\r\n");
    static const sp_figure shown[] = { SP_FIG_SCORE, SP_FIG_LEFT, SP_FIG_STILL, SP_FIG_MAX, SP_FIG_EXPERT,
                                       SP_FIG_STRONGER };
    static const char *const head[3] = { SP_N_("getal"), SP_N_("waarde"), SP_N_("betekenis") };
    for (int k = 0; k < cols; k++)
        field(b, k < 3 ? sp_translate(r->lang, head[k]) : "", k == 0);
    sp_export_buf_put(b, "\r\n");
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        sp_figure f = shown[i];
        if (!d->exact && f != SP_FIG_SCORE)
            continue;
        int v = f == SP_FIG_SCORE ? d->total : f == SP_FIG_LEFT ? d->left : f == SP_FIG_STILL ? d->still
              : d->total_max;
        field(b, sp_figure_name(r->lang, f), 1);
        if (f == SP_FIG_STRONGER)
            field(b, "", 0);
        else
            sp_export_buf_putf(b, ",%d", v);
        field(b, sp_figure_legend(r->lang, f), 0);
        for (int k = 3; k < cols; k++)
            field(b, "", 0);
        sp_export_buf_put(b, "\r\n");
    }
}
