/* chrome.c: what every screen shares: the top bar, the bottom button bar, the reading column and its page, the notice banner, the line about skipped files, the words and colours of an ending. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

void sp_ui_chrome_column(const sp_ui_ui *ui, sp_ui_rect view, int maxw, int *x, int *w)
{
    int margin = sp_ui_ui_margin(ui, view.w);
    int cw = view.w - 2 * margin;
    if (cw > maxw)
        cw = maxw;
    *w = cw;
    *x = view.x + (view.w - cw) / 2;
}

/* The width of a bar button: as any button, or compact (no key hint, one
 * unit each side of the label, which the button still holds whole). */
static int bar_button_w(const sp_ui_ui *ui, const char *label, const char *hint, int compact)
{
    const sp_ui_metrics *m = ui->m;
    if (!compact)
        return sp_ui_ui_button_w(ui, label, hint);
    return 2 * m->unit + m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
}

/* Width of n buttons in a row, with or without hints, or compact. */
static int row_w(const sp_ui_ui *ui, int n, const char *const *labels, const char *const *hints, int compact)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += bar_button_w(ui, labels[i], hints ? hints[i] : NULL, compact) + (i > 0 ? ui->m->unit : 0);
    return w;
}

/* Compact buttons on one row ending at x + w. */
static void compact_row(sp_ui_ui *ui, int x, int y, int w, int n, const char *const *labels,
                        const sp_ui_btn_style *styles, const int *actions)
{
    int bx = x + w - row_w(ui, n, labels, NULL, 1), bh = sp_ui_ui_button_h(ui);
    for (int i = 0; i < n; i++) {
        int bw = bar_button_w(ui, labels[i], NULL, 1);
        sp_ui_ui_button(ui, sp_ui_rect_make(bx, y, bw, bh), labels[i], NULL, styles[i], actions[i], 0, 1);
        bx += bw + ui->m->unit;
    }
}

/* A line of text at x, y, shortened with "…" to width when it is wider. */
static int one_line(sp_ui_ui *ui, int font, sp_ui_rgba c, const char *s, int x, int y, int width,
                    sp_ui_rect box)
{
    const sp_ui_metrics *m = ui->m;
    int n = sp_ui_fit(m, font, s, width);
    const char *t = n == (int)strlen(s) ? s : sp_ui_list_strf(ui->l, "%.*s…", n, s);
    sp_ui_text_cmd(ui->l, m, font, c, x, y, t, (int)strlen(t), box);
    return m->line_h[font];
}

/*
 * The bar keeps to one row whenever it can, giving things up in this order:
 * the buttons' key hints (the keys still work), then their width (compact:
 * a unit of padding each side), then the length of the title and the line
 * under it, which are cut short with "…". Only when even a few
 * characters of title no longer fit beside the buttons do they go under it,
 * on as many rows as they need. Every button stays: a mouse user never
 * loses one to a narrow window or large type.
 */
static int topbar(sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                  const char *const *labels, const char *const *hints, const int *actions)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int margin = sp_ui_ui_margin(ui, view.w);
    int x = view.x + margin, w = view.w - 2 * margin;
    int pad = u * 3 / 2;
    if (n > 12)
        n = 12;

    int title_w = m->measure(m->ctx, SP_UI_FONT_BOLD, title, (int)strlen(title));
    int sub_w = sub && *sub ? m->measure(m->ctx, SP_UI_FONT_SMALL, sub, (int)strlen(sub)) : 0;
    int left_w = title_w > sub_w ? title_w : sub_w;

    /* The ways to show the buttons, best first. */
    int with_hints = 1, compact = 0, bw = 0, shorten = 0, one_row = 1;
    if (n > 0) {
        bw = row_w(ui, n, labels, hints, 0);
        if (left_w + 2 * u + bw > w) {
            with_hints = 0;
            bw = row_w(ui, n, labels, NULL, 0);
        }
        if (left_w + 2 * u + bw > w) {
            compact = 1;
            bw = row_w(ui, n, labels, NULL, 1);
        }
        if (left_w + 2 * u + bw > w) {
            /* a title cut to a handful of characters says nothing: then two rows */
            shorten = w - bw - 2 * u >= m->measure_w / 5;
            one_row = shorten;
        }
    }
    const char *const *shown_hints = with_hints ? hints : NULL;

    int bar = ui->l->n_cmds;
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, view.y, view.w, 0), ui->th->bar, 0)->tag = SP_UI_TAG_TOPBAR;
    int tw = one_row && n > 0 ? w - bw - 2 * u : w;
    int y = view.y + pad;
    int th;
    if (shorten) {
        sp_ui_rect box = sp_ui_rect_make(x, y, tw, m->line_h[SP_UI_FONT_BOLD] + (sub_w ? m->line_h[SP_UI_FONT_SMALL] : 0));
        th = one_line(ui, SP_UI_FONT_BOLD, ui->th->text, title, x, y, tw, box);
        if (sub_w)
            th += one_line(ui, SP_UI_FONT_SMALL, ui->th->muted, sub, x, y + th, tw, box);
    } else {
        sp_ui_rect box = sp_ui_rect_make(x, y, tw, sp_ui_text_height(m, SP_UI_FONT_BOLD, title, tw) +
                                           (sub_w ? sp_ui_text_height(m, SP_UI_FONT_SMALL, sub, tw) : 0));
        th = sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, title, x, y, tw, box);
        if (sub_w)
            th += sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, ui->th->muted, sub, x, y + th, tw, box);
    }

    sp_ui_btn_style styles[12];
    int args[12] = { 0 };
    for (int i = 0; i < n; i++)
        styles[i] = SP_UI_BTN_QUIET;
    int bh = sp_ui_ui_button_h(ui);
    int h;
    if (one_row) {
        /* The padding gives way first when large type makes the bar tall:
         * the bar stays within about an eighth of the window. */
        int row_h = n == 0 || th > bh ? th : bh;
        int fit = (view.h * 2 / 15 - row_h) / 2;
        int pad2 = fit < u / 2 ? u / 2 : fit < pad ? fit : pad;
        sp_ui_list_translate(ui->l, bar + 1, ui->l->n_hits, 0, pad2 - pad);
        int by = y + pad2 - pad + (row_h - bh) / 2;
        if (n > 0 && compact)
            compact_row(ui, x, by, w, n, labels, styles, actions);
        else if (n > 0)
            sp_ui_ui_button_row(ui, x, by, w, 1, n, labels, shown_hints, styles, actions, args);
        h = row_h + 2 * pad2;
    } else {
        /* Narrow: the buttons go under the title, without their key hints
         * when that keeps them on one row (the keys still work). */
        int buttons_w = row_w(ui, n, labels, hints, 0), bare_w = row_w(ui, n, labels, NULL, 0);
        const char *const *h2 = buttons_w <= w || bare_w > w ? hints : NULL;
        int rows = sp_ui_ui_button_row(ui, x, y + th + u, w, 0, n, labels, h2, styles, actions, args);
        h = th + u + rows + 2 * pad;
    }
    ui->l->cmds[bar].r.h = h;
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, view.y + h - 1, view.w, 1), ui->th->border, 0);
    return h;
}

int sp_ui_chrome_topbar_fits(const sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                              const char *const *labels)
{
    const sp_ui_metrics *m = ui->m;
    int w = view.w - 2 * sp_ui_ui_margin(ui, view.w);
    int title_w = m->measure(m->ctx, SP_UI_FONT_BOLD, title, (int)strlen(title));
    int sub_w = sub && *sub ? m->measure(m->ctx, SP_UI_FONT_SMALL, sub, (int)strlen(sub)) : 0;
    return (title_w > sub_w ? title_w : sub_w) + 2 * m->unit + row_w(ui, n, labels, NULL, 0) <= w;
}

int sp_ui_chrome_topbar(sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                         const char *const *labels, const char *const *hints, const int *actions)
{
    int none[12] = { 0 };
    return topbar(ui, view, title, sub, n, labels, hints, actions ? actions : none);
}

int sp_ui_chrome_topbar_h(sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                           const char *const *labels, const char *const *hints)
{
    /* Laid out into a scratch list: the screens need the height before
     * their content, and the bar's buttons after it in the focus order. */
    sp_ui_list scratch;
    sp_ui_list_init(&scratch);
    sp_ui_ui tmp = *ui;
    tmp.l = &scratch;
    int none[12] = { 0 };
    int h = topbar(&tmp, view, title, sub, n, labels, hints, none);
    sp_ui_list_free(&scratch);
    return h;
}

/* Rows a wrapping button row needs in width w. */
static int rows_needed(const sp_ui_ui *ui, int n, const char *const *labels, const char *const *hints, int w)
{
    int widths[12], row[12], xs[12];
    if (n > 12)
        n = 12;
    for (int i = 0; i < n; i++) {
        widths[i] = sp_ui_ui_button_w(ui, labels[i], hints ? hints[i] : NULL);
        if (widths[i] > w)
            widths[i] = w;
    }
    return sp_ui_flow(widths, n, w, ui->m->unit, row, xs);
}

int sp_ui_chrome_bottombar(sp_ui_ui *ui, sp_ui_rect view, int n, const char *const *labels,
                            const char *const *hints, const sp_ui_btn_style *styles,
                            const int *actions, const int *args)
{
    int u = ui->m->unit;
    int x, w;
    sp_ui_chrome_column(ui, view, view.w, &x, &w);
    /* Lay the buttons out once off-screen to learn the height, then move
     * them to the bottom. */
    int cmd0 = ui->l->n_cmds;
    sp_ui_rect_cmd(ui->l, view, ui->th->bar, 0);
    sp_ui_rect_cmd(ui->l, view, ui->th->border, 0);
    int c_buttons = ui->l->n_cmds, h_buttons = ui->l->n_hits;
    /* Without their key hints when that saves a row (the keys still work). */
    if (hints && rows_needed(ui, n, labels, NULL, w) < rows_needed(ui, n, labels, hints, w))
        hints = NULL;
    int rows = sp_ui_ui_button_row(ui, x, 0, w, 1, n, labels, hints, styles, actions, args);
    int h = rows + 3 * u;
    int top = view.y + view.h - h;
    sp_ui_list_translate(ui->l, c_buttons, h_buttons, 0, top + 3 * u / 2);
    ui->l->cmds[cmd0].r = sp_ui_rect_make(view.x, top, view.w, h);
    ui->l->cmds[cmd0 + 1].r = sp_ui_rect_make(view.x, top, view.w, 1);
    return h;
}

void sp_ui_chrome_notice(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    if (!a->notice[0])
        return;
    int u = ui->m->unit;
    int tw = pg->w - 4 * u;
    int th = sp_ui_text_height(ui->m, SP_UI_FONT_BODY, a->notice, tw);
    sp_ui_rect r = sp_ui_rect_make(pg->x, pg->y, pg->w, th + 3 * u);
    sp_ui_frame_cmd(ui->l, r, ui->th->surface, ui->th->mixed, ui->th->high_contrast ? 3 : 2, u);
    sp_ui_text_block(ui->l, ui->m, SP_UI_FONT_BODY, ui->th->text, a->notice, r.x + 2 * u,
                      r.y + 3 * u / 2, tw, sp_ui_rect_inset(r, u, u));
    pg->y += r.h + 2 * u;
}

void sp_ui_chrome_skipped(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    if (a->n_skipped <= 0)
        return;
    char line[512];
    snprintf(line, sizeof line,
             ngettext("%d bestand overgeslagen: %s (%s, geen gewoon bestand)",
                      "%d bestanden overgeslagen, waaronder %s (%s, geen gewoon bestand)",
                      (unsigned long)a->n_skipped),
             a->n_skipped, a->skipped_name, _(a->skipped_kind));
    for (char *c = line; *c; c++) /* a file name may hold anything */
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, ui->th->muted, line);
    pg->y += ui->m->unit;
}

void sp_ui_chrome_page(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view, int top, int bottom, int maxw, int first,
                        sp_ui_page *pg)
{
    int x, w;
    sp_ui_chrome_column(ui, view, maxw, &x, &w);
    sp_ui_rect region = sp_ui_rect_make(view.x, view.y + top, view.w, view.h - top - bottom);
    sp_ui_ui_page_begin(ui, pg, region, x, w);
    a->page_step[0] = region.h;
    pg->y = first;
    sp_ui_chrome_notice(a, ui, pg);
}

const char *sp_ui_chrome_ending_word(sp_ending_kind k)
{
    return k == SP_ENDING_GOOD ? _("Goed afgerond") : k == SP_ENDING_MIXED ? _("Deels gelukt") : _("Niet gelukt");
}

sp_ui_rgba sp_ui_chrome_ending_color(const sp_ui_theme *th, sp_ending_kind k)
{
    return k == SP_ENDING_GOOD ? th->good : k == SP_ENDING_MIXED ? th->mixed : th->bad;
}
