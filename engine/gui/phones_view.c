/* phones_view.c: what the wall and the presenter show of the room's phones: the QR code, the address and room code; the live tally for the presenter only. */
#include <stdio.h>
#include <string.h>

#include "group_phones.h"
#include "ui.h"

/* The QR code as rectangles: one per run of dark modules in a row. */
static void qr_draw(sp_gui_list *l, const sp_gui_phones *ph, int x, int y, int mod)
{
    const sp_gui_rgba dark = { 0x1E, 0x29, 0x33, 0xFF };
    for (int row = 0; row < ph->qr_size; row++)
        for (int col = 0; col < ph->qr_size;) {
            if (!ph->qr[row * ph->qr_size + col]) {
                col++;
                continue;
            }
            int run = col;
            while (run < ph->qr_size && ph->qr[row * ph->qr_size + run])
                run++;
            sp_gui_rect_cmd(l, sp_gui_rect_make(x + col * mod, y + row * mod, (run - col) * mod, mod), dark, 0);
            col = run;
        }
}

/* One block of wrapped text at x, y, w wide; returns its height. */
static int line(sp_gui_ui *ui, int font, sp_gui_rgba c, int x, int y, int w, const char *s, sp_gui_rect box)
{
    return sp_gui_text_block(ui->l, ui->m, font, c, s, x, y, w, box);
}

int sp_gui_phones_wall(sp_gui_ui *ui, sp_gui_rect r, const sp_gui_phones *ph, int en)
{
    if (!ph->srv || !ph->qr || r.w <= 0 || r.h <= 0)
        return 0;
    const sp_gui_metrics *m = ui->m;
    /* The code with a quiet zone of 4 modules, as large as fits beside the
     * text but at least 2 px a module (a phone camera reads that across a room
     * only on a large wall; the typed code is the way round it). */
    int side = r.h < r.w / 2 ? r.h : r.w / 2;
    int mod = side / (ph->qr_size + 8);
    if (mod < 2)
        mod = 2;
    int qr_px = (ph->qr_size + 8) * mod;
    const sp_gui_rgba white = { 0xFF, 0xFF, 0xFF, 0xFF };
    sp_gui_rect_cmd(ui->l, sp_gui_rect_make(r.x, r.y, qr_px, qr_px), white, m->unit / 2);
    qr_draw(ui->l, ph, r.x + 4 * mod, r.y + 4 * mod, mod);

    int tx = r.x + qr_px + 2 * m->unit, tw = r.x + r.w - tx;
    if (tw < 8 * m->unit)
        return qr_px;
    int y = r.y;
    sp_gui_rect box = sp_gui_rect_make(tx, r.y, tw, r.h);
    y += line(ui, SP_GUI_FONT_H2, ui->th->text, tx, y, tw, en ? "Vote with your phone" : "Stem mee met je telefoon", box);
    const char *how = sp_gui_list_strf(ui->l, en ? "Scan the code, or go to %s and type the code:"
                                                 : "Scan de code, of ga naar %s en typ de code:",
                                       sp_phones_base(ph->srv));
    y += line(ui, SP_GUI_FONT_BODY, ui->th->muted, tx, y, tw, how, box);
    y += line(ui, SP_GUI_FONT_H1, ui->th->accent, tx, y, tw, sp_phones_code(ph->srv), box);
    y += line(ui, SP_GUI_FONT_SMALL, ui->th->muted, tx, y, tw,
              en ? "Anonymous: no name, no account." : "Anoniem: geen naam, geen account.", box);
    return y - r.y > qr_px ? y - r.y : qr_px;
}

void sp_gui_phones_tally(sp_gui_phones *ph, int n_options, int en, char *out, size_t len)
{
    out[0] = '\0';
    if (!ph->srv)
        return;
    int counts[5] = { 0 }, n = n_options < 5 ? n_options : 5;
    int votes = sp_gui_phones_counts(ph, counts, n);
    size_t at = (size_t)snprintf(out, len, en ? "Phones: %d connected, %d voted" : "Telefoons: %d verbonden, %d gestemd",
                                 sp_phones_connected(ph->srv), votes);
    for (int k = 0; k < n && at < len; k++)
        at += (size_t)snprintf(out + at, len - at, "%s%c %d", k ? " · " : " — ", 'A' + k, counts[k]);
}
