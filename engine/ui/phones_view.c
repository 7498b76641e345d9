/* phones_view.c: what the wall and the presenter show of the room's phones: the QR code, the address and room code, the red-flag heat list at the flag round; the live tally and flags for the presenter only. */
#include <stdio.h>
#include <string.h>

#include "core/room.h"
#include "group.h"
#include "group_phones.h"
#include "ui.h"

/* The QR code as rectangles: one per run of dark modules in a row. */
static void qr_draw(sp_ui_list *l, const sp_ui_phones *ph, int x, int y, int mod)
{
    const sp_ui_rgba dark = { 0x1E, 0x29, 0x33, 0xFF };
    for (int row = 0; row < ph->qr_size; row++)
        for (int col = 0; col < ph->qr_size;) {
            if (!ph->qr[row * ph->qr_size + col]) {
                col++;
                continue;
            }
            int run = col;
            while (run < ph->qr_size && ph->qr[row * ph->qr_size + run])
                run++;
            sp_ui_rect_cmd(l, sp_ui_rect_make(x + col * mod, y + row * mod, (run - col) * mod, mod), dark, 0);
            col = run;
        }
}

/* One block of wrapped text at x, y, w wide; returns its height. */
static int line(sp_ui_ui *ui, int font, sp_ui_rgba c, int x, int y, int w, const char *s, sp_ui_rect box)
{
    return sp_ui_text_block(ui->l, ui->m, font, c, s, x, y, w, box);
}

int sp_ui_group_wall_h(const sp_ui_group *g, const sp_ui_page *pg)
{
    return g->wall_h > 0 ? g->wall_h : pg->region.y + pg->region.h;
}

int sp_ui_phones_module(int screen_h, int qr_size)
{
    int mod = screen_h / 4 / (qr_size + 8);
    return mod < 4 ? 4 : mod;
}

int sp_ui_phones_wall(sp_ui_ui *ui, sp_ui_rect r, int screen_h, const sp_ui_phones *ph, int en)
{
    if (!ph->srv || !ph->qr || r.w <= 0)
        return 0;
    const sp_ui_metrics *m = ui->m;
    /* The code with a quiet zone of 4 modules, sized from the screen (a
     * quarter of its height; a module never under 4 px) so the room can scan
     * it from their seats, but never over half the width beside the text. */
    int mod = sp_ui_phones_module(screen_h, ph->qr_size);
    if (mod * (ph->qr_size + 8) > r.w / 2 && r.w / 2 / (ph->qr_size + 8) >= 4)
        mod = r.w / 2 / (ph->qr_size + 8);
    int qr_px = (ph->qr_size + 8) * mod;
    const sp_ui_rgba white = { 0xFF, 0xFF, 0xFF, 0xFF };
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(r.x, r.y, qr_px, qr_px), white, m->unit / 2);
    qr_draw(ui->l, ph, r.x + 4 * mod, r.y + 4 * mod, mod);

    int tx = r.x + qr_px + 2 * m->unit, tw = r.x + r.w - tx;
    if (tw < 8 * m->unit)
        return qr_px;
    int y = r.y;
    sp_ui_rect box = sp_ui_rect_make(tx, r.y, tw, 1 << 20);
    y += line(ui, SP_UI_FONT_H2, ui->th->text, tx, y, tw, en ? "Vote with your phone" : "Stem mee met je telefoon", box);
    const char *how = sp_ui_list_strf(ui->l, en ? "Scan the code, or go to %s and type the code:"
                                                 : "Scan de code, of ga naar %s en typ de code:",
                                       sp_phones_base(ph->srv));
    y += line(ui, SP_UI_FONT_BODY, ui->th->muted, tx, y, tw, how, box);
    y += line(ui, SP_UI_FONT_H1, ui->th->accent, tx, y, tw, sp_phones_code(ph->srv), box);
    y += line(ui, SP_UI_FONT_SMALL, ui->th->muted, tx, y, tw,
              en ? "Anonymous: no name, no account." : "Anoniem: geen naam, geen account.", box);
    return y - r.y > qr_px ? y - r.y : qr_px;
}

void sp_ui_phones_wall_line(sp_ui_ui *ui, sp_ui_page *pg, const sp_ui_phones *ph, int en)
{
    if (!ph->srv)
        return;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, ui->th->muted,
                   sp_ui_list_strf(ui->l, en ? "Vote with your phone: %s, code %s" : "Stem mee met je telefoon: %s, code %s",
                                    sp_phones_base(ph->srv), sp_phones_code(ph->srv)));
}

/* One bar: count of total, the fill in the accent on a track in surface_hi
 * (what the tests measure: fill / (fill + track) = count / total). */
static void share_bar(sp_ui_ui *ui, int x, int y, int w, int h, int count, int total)
{
    int fill = total > 0 ? count * w / total : 0;
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(x + fill, y, w - fill, h), ui->th->surface_hi, 0);
    if (fill > 0)
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(x, y, fill, h), ui->th->accent, 0);
}

/* Phones that count for a share: those seen lately, at least the top count. */
static int phones_total(sp_ui_phones *ph, int top)
{
    int n = sp_phones_connected(ph->srv);
    return n > top ? n : top;
}

void sp_ui_phones_presenter(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_phones *ph, int n_options, int en)
{
    if (!ph->srv)
        return;
    const sp_ui_metrics *m = ui->m;
    int u = m->unit, counts[5] = { 0 }, n = n_options < 5 ? n_options : 5;
    int votes = sp_ui_phones_counts(ph, counts, n);
    int connected = sp_phones_connected(ph->srv);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, ui->th->accent,
                   sp_ui_list_strf(ui->l, en ? "Phones: %d connected, %d voted" : "Telefoons: %d verbonden, %d gestemd",
                                    connected, votes));
    int total = connected > votes ? connected : votes;
    int lw = m->measure(m->ctx, SP_UI_FONT_BOLD, "W", 1) + u, nw = m->measure(m->ctx, SP_UI_FONT_BOLD, "0000", 4);
    int row = m->line_h[SP_UI_FONT_BOLD];
    for (int k = 0; k < n; k++) {
        char letter[2] = { (char)('A' + k), 0 };
        sp_ui_rect box = sp_ui_rect_make(pg->x, pg->y, pg->w, row);
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, pg->x, pg->y, letter, -1, box);
        int bw = pg->w - lw - nw - u;
        if (bw > 4 * u)
            share_bar(ui, pg->x + lw, pg->y + row / 4, bw, row / 2, counts[k], total);
        const char *num = sp_ui_list_strf(ui->l, "%d", counts[k]);
        int tw = m->measure(m->ctx, SP_UI_FONT_BOLD, num, (int)strlen(num));
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, pg->x + pg->w - tw, pg->y, num, -1, box);
        pg->y += row + u / 4;
    }
}

/* The flags spotted (counts[f] > 0), most spotted first (ties: the
 * handbook's order); returns how many, their indices in order[]. */
static int heat_order(const int *counts, int n, int *order)
{
    int k = 0;
    for (int f = 0; f < n; f++)
        if (counts[f] > 0) {
            int at = k++;
            while (at > 0 && counts[order[at - 1]] < counts[f]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = f;
        }
    return k;
}

void sp_ui_phones_heat(sp_ui_ui *ui, sp_ui_page *pg, sp_ui_phones *ph, const sp_handbook *hb, sp_lang lang,
                        const unsigned char *verdict, int max_h)
{
    if (!ph->srv || !hb)
        return;
    int counts[SP_ROOM_MAX_FLAGS], n = hb->n_redflags < SP_ROOM_MAX_FLAGS ? hb->n_redflags : SP_ROOM_MAX_FLAGS, top = 0;
    sp_phones_flag_counts(ph->srv, counts, n);
    for (int f = 0; f < n; f++)
        top = counts[f] > top ? counts[f] : top;
    sp_ui_phones_heat_rows(ui, pg, hb, lang, counts, n, phones_total(ph, top), ph->heat_revealed ? verdict : NULL,
                           max_h);
}

void sp_ui_phones_heat_rows(sp_ui_ui *ui, sp_ui_page *pg, const sp_handbook *hb, sp_lang lang,
                             const int *counts, int n_flags, int total, const unsigned char *verdict, int max_h)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int en = lang == SP_LANG_EN, u = m->unit;
    int order[SP_ROOM_MAX_FLAGS], y0 = pg->y;
    int n = heat_order(counts, n_flags < SP_ROOM_MAX_FLAGS ? n_flags : SP_ROOM_MAX_FLAGS, order);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text,
                   sp_ui_list_strf(ui->l, en ? "What the phones spotted (%d phones)" : "Wat de telefoons zagen (%d telefoons)",
                                    total));
    pg->y += u;
    if (!n) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->muted,
                       en ? "No phone passed on a red flag." : "Geen telefoon gaf een rode vlag door.");
        pg->y += 2 * u;
        return;
    }
    /* Mark, count and label in the heading font: read from the back of the room. */
    int row = m->line_h[SP_UI_FONT_H1];
    int mw = m->measure(m->ctx, SP_UI_FONT_H1, "✗", (int)strlen("✗")) + u; /* kept: the reveal moves nothing */
    int cw = m->measure(m->ctx, SP_UI_FONT_H1, "00", 2) + 2 * u;
    int tx = pg->x + mw + cw, tw = pg->w - mw - cw;
    int more_h = m->line_h[SP_UI_FONT_BODY] + 2 * u; /* the line for the rows left out */
    for (int i = 0; i < n; i++) {
        int f = order[i];
        int v = verdict ? verdict[f] : -1;
        const char *label = sp_text_get(&hb->redflags[f].label, lang);
        if (verdict)
            label = sp_ui_list_strf(ui->l, "%s · %s", label,
                                     v == SP_FLAG_PRESENT ? (en ? "at play here" : "speelt hier")
                                     : v == SP_FLAG_NOT_INTENDED ? (en ? "not intended here" : "niet bedoeld hier")
                                                                 : (en ? "not at play here now" : "speelt hier nu niet"));
        int row_h = sp_ui_text_height(m, SP_UI_FONT_H2, label, tw);
        row_h = (row_h > row ? row_h : row) + 2 * u;
        if (pg->y + row_h + (i + 1 < n ? more_h : 0) + u > y0 + max_h && i > 0) {
            /* the least spotted ones, in one line: no taller than the wall allows */
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted,
                           sp_ui_list_strf(ui->l, en ? "+ %d more, each spotted by %d or fewer"
                                                     : "+ nog %d, elk door %d of minder gezien",
                                            n - i, counts[f]));
            pg->y += u;
            break;
        }
        sp_ui_rgba c = v == SP_FLAG_PRESENT ? th->good : v == SP_FLAG_NOT_INTENDED ? th->mixed
                      : v == SP_FLAG_FALSE_ALARM ? th->bad : th->text;
        sp_ui_rect box = sp_ui_rect_make(pg->x, pg->y, pg->w, row);
        if (verdict)
            sp_ui_text_cmd(ui->l, m, SP_UI_FONT_H1, c, pg->x, pg->y,
                            v == SP_FLAG_PRESENT ? "✓" : v == SP_FLAG_NOT_INTENDED ? "~" : "✗", -1, box);
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_H1, th->accent, pg->x + mw, pg->y,
                        sp_ui_list_strf(ui->l, "%d", counts[f]), -1, box);
        int lh = sp_ui_text_block(ui->l, m, SP_UI_FONT_H2, c, label, tx, pg->y, tw,
                                   sp_ui_rect_make(tx, pg->y, tw, row * 3));
        share_bar(ui, tx, pg->y + lh + u / 2, tw, u, counts[f], total);
        pg->y += (lh > row ? lh : row) + 2 * u;
    }
    pg->y += u;
}

void sp_ui_phones_flags_line(sp_ui_phones *ph, const sp_handbook *hb, sp_lang lang, const unsigned char *verdict,
                              char *out, size_t len)
{
    out[0] = '\0';
    if (!ph->srv || !hb)
        return;
    int en = lang == SP_LANG_EN;
    int order[SP_ROOM_MAX_FLAGS], counts[SP_ROOM_MAX_FLAGS];
    int nf = hb->n_redflags < SP_ROOM_MAX_FLAGS ? hb->n_redflags : SP_ROOM_MAX_FLAGS;
    sp_phones_flag_counts(ph->srv, counts, nf);
    int n = heat_order(counts, nf, order);
    size_t at = (size_t)snprintf(out, len, "%s", en ? "Red flags from the phones:" : "Rode vlaggen van de telefoons:");
    if (!n && at < len)
        snprintf(out + at, len - at, " %s", en ? "none yet" : "nog geen");
    for (int i = 0; i < n && at < len; i++) {
        int v = verdict ? verdict[order[i]] : -1;
        at += (size_t)snprintf(out + at, len - at, "%s %s %d%s", i ? " ·" : "",
                               sp_text_get(&hb->redflags[order[i]].label, lang), counts[order[i]],
                               v == SP_FLAG_PRESENT ? " ✓"
                               : v == SP_FLAG_NOT_INTENDED ? (en ? " ~ not intended here" : " ~ niet bedoeld hier")
                                                           : "");
    }
}

void sp_ui_phones_briefing(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    sp_ui_group *g = a->group;
    if (!g)
        return;
    int en = sp_ui_app_lang(a) == SP_LANG_EN, u = ui->m->unit;
    if (g->phones && g->phones->srv) { /* the room joins while the role card is read */
        pg->y += sp_ui_phones_wall(ui, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), sp_ui_group_wall_h(g, pg), g->phones,
                                    en);
        pg->y += 2 * u;
    } else if (!g->presenter) { /* one screen: the switch is a key */
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, ui->th->muted,
                       en ? "P: the room votes with its phones" : "P: de groep stemt met de telefoons");
        pg->y += u;
    }
}
