/* group_flags_view.c: the red-flag round on the wall: a tile per handbook flag (its name; the glosses are in the solo dialog), ticked, marked "not intended here" or crossed once marked (session.h's verdict), and the reason of each mark. */
#include "group_view.h"

#include <string.h>

#include "group_phones.h"
#include "i18n.h"

/* One tile: the number (once marked: a tick, a tilde for "not intended
 * here" or a cross; state is 1 + the sp_flag_verdict's mark, see
 * tile_state) and the flag's name beside it, at least min_h high; returns
 * its height. measure_only: lay out nothing. */
static int flag_tile(sp_ui_ui *ui, int x, int y, int w, int min_h, int f, const char *label, int state,
                     int measure_only)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, pad = u * 2 / 3;
    int key = m->line_h[SP_UI_FONT_BOLD];
    int kw = m->measure(m->ctx, SP_UI_FONT_BOLD, "14", 2) + u;
    if (kw < key)
        kw = key;
    int tx = x + pad + kw + u, tw = x + w - pad - tx;
    int lh = sp_ui_text_height(m, SP_UI_FONT_BOLD, label, tw);
    int h = (lh > key ? lh : key) + 2 * pad;
    if (h < min_h)
        h = min_h;
    if (measure_only)
        return h;
    sp_ui_list *l = ui->l;
    sp_ui_rect r = sp_ui_rect_make(x, y, w, h);
    int order = ui->n_focusable;
    int focused = !state && ui->show_focus && ui->focus == order;
    int hovered = !state && ui->hover == l->n_hits;
    if (focused)
        sp_ui_rect_cmd(l, sp_ui_rect_inset(r, -4, -4), th->focus, u + 4);
    sp_ui_rgba mark = state == 1 ? th->good : state == 3 ? th->mixed : th->bad;
    sp_ui_frame_cmd(l, r, hovered ? th->surface_hi : th->surface, state ? mark : hovered ? th->accent : th->border,
                     state ? 5 : th->high_contrast ? 2 : 1, u);
    sp_ui_rect kr = sp_ui_rect_make(x + pad, y + pad, kw, key);
    sp_ui_rect_cmd(l, kr, state ? mark : th->accent, u / 2);
    const char *num = state == 1 ? "✓" : state == 2 ? "✗" : state == 3 ? "~" : sp_ui_list_strf(l, "%d", f + 1);
    int nw = m->measure(m->ctx, SP_UI_FONT_BOLD, num, (int)strlen(num));
    sp_ui_text_cmd(l, m, SP_UI_FONT_BOLD, sp_ui_ui_on(state ? mark : th->accent), kr.x + (kw - nw) / 2, kr.y, num,
                    -1, kr);
    sp_ui_text_block(l, m, SP_UI_FONT_BOLD, state ? mark : th->text, label, tx, y + pad, tw,
                      sp_ui_rect_make(tx, y + pad, tw, lh));
    sp_ui_hit *hit = sp_ui_hit_add(l, r, SP_UI_ACT_GROUP_MARK, f, !state);
    hit->enabled = !state;
    if (!state) {
        hit->order = order;
        ui->n_focusable++;
    }
    return h;
}

/* A tile's state: 0 unmarked, 1 recognised, 2 false alarm, 3 not intended here. */
static int tile_state(const sp_ui_app *a, int f, int marked)
{
    if (!marked)
        return 0;
    sp_flag_verdict v = sp_session_flag_verdict(a->s, f, sp_session_turn(a->s), NULL);
    return v == SP_FLAG_PRESENT ? 1 : v == SP_FLAG_NOT_INTENDED ? 3 : 2;
}

/* The height of the grid in cols columns, and each row's height in rows[]. */
static int flag_grid_h(sp_ui_ui *ui, const sp_handbook *hb, sp_lang lang, int n, int w, int cols, int gap, int *rows)
{
    int cw = (w - (cols - 1) * gap) / cols, total = 0;
    for (int i = 0, r = 0; i < n; i += cols, r++) {
        int row = 0;
        for (int k = 0; k < cols && i + k < n; k++) {
            int h = flag_tile(ui, 0, 0, cw, 0, i + k, sp_text_get(&hb->redflags[i + k].label, lang), 0, 1);
            row = h > row ? h : row;
        }
        if (rows)
            rows[r] = row;
        total += row + gap;
    }
    return total;
}

/* Each mark of this turn with its reason, beside its tick or cross;
 * returns the height (measure_only: lays out nothing). */
static int reasons(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int measure_only)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit, y0 = pg->y, n = hb->n_redflags < 64 ? hb->n_redflags : 64;
    unsigned char present[64], marked[64];
    sp_ui_group_flags_now(a, present, marked);
    int turn = sp_session_turn(a->s);
    for (int f = 0; f < n; f++) {
        if (!marked[f])
            continue;
        const char *label = sp_text_get(&hb->redflags[f].label, lang);
        const char *why = _("speelt hier nu niet.");
        int node;
        sp_flag_verdict v = sp_session_flag_verdict(a->s, f, turn, &node);
        if (v == SP_FLAG_NOT_INTENDED)
            why = _("niet bedoeld hier: de casus legt dit signaal op een ander moment.");
        for (int k = 0; node >= 0 && k < a->sc->nodes[node].n_flags; k++)
            if (a->sc->nodes[node].flags[k].flag == f)
                why = sp_ui_list_strf(ui->l, "%s%s", v == SP_FLAG_NOT_INTENDED ? _("niet bedoeld hier: eerder in dit gesprek. ") : "",
                                       sp_session_text(a->s, &a->sc->nodes[node].flags[k].why, lang));
        const char *s = sp_ui_list_strf(ui->l, "%s %d %s: %s",
                                         v == SP_FLAG_PRESENT ? "✓" : v == SP_FLAG_NOT_INTENDED ? "~" : "✗", f + 1, label, why);
        pg->y += u / 2;
        if (measure_only)
            pg->y += sp_ui_text_height(ui->m, SP_UI_FONT_SMALL, s, pg->w);
        else
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, v == SP_FLAG_PRESENT ? th->good : th->mixed, s);
    }
    int h = pg->y - y0;
    if (measure_only)
        pg->y = y0;
    return h;
}

void sp_ui_group_flags_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    unsigned char present[64], marked[64];
    int n = hb->n_redflags < 64 ? hb->n_redflags : 64;
    sp_ui_group_flags_now(a, present, marked);
    int any = 0;
    for (int f = 0; f < n; f++)
        any |= marked[f];
    const char *legend = _("✓ herkend: de vlag speelt hier. ~ niet bedoeld hier: verdedigbaar, maar de casus legt hem elders. ✗ vals alarm: hij speelt hier niet.");
    if (a->group->phones) {
        /* What the phones spotted, then (R) each one's verdict; when the
         * type is at the floor and it still does not fit (wall_paged), as
         * many rows as leave room for the grid (at its lowest), the legend
         * and the reasons below, the least spotted counted in one line. */
        unsigned char verdict[64];
        for (int f = 0; f < n; f++)
            verdict[f] = (unsigned char)sp_session_flag_verdict(a->s, f, sp_session_turn(a->s), NULL);
        int below = reasons(a, ui, pg, 1) + 2 * u, grid = 1 << 30;
        if (any)
            below += sp_ui_text_height(ui->m, SP_UI_FONT_SMALL, legend, pg->w) + 3 * u / 2;
        for (int c = 2; c <= 4; c++) {
            int h = flag_grid_h(ui, hb, lang, n, pg->w, c, u, NULL);
            grid = h < grid ? h : grid;
        }
        int max_h = a->group->wall_paged ? pg->region.h - pg->y - below - grid : 1 << 20;
        sp_ui_phones_heat(ui, pg, a->group->phones, hb, lang, verdict, max_h);
    }
    /* the question is in the top bar: the grid needs the height; what the
     * marks mean once there is one */
    if (any) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->text, legend);
        pg->y += 3 * u / 2;
    }
    /* Two columns read best (a name on one line); more when the screen is
     * too low for them, else whichever is lowest. The names alone: fourteen
     * glosses (the solo dialog has them) do not fit a 16:9 wall above the
     * legibility floor. */
    int gap = u, avail = pg->region.h - pg->y - 2 * u, cols = 2, best = 1 << 30;
    for (int c = 2; c <= 4; c++) {
        int h = flag_grid_h(ui, hb, lang, n, pg->w, c, gap, NULL);
        if (h <= avail) {
            cols = c;
            break;
        }
        if (h < best) {
            best = h;
            cols = c;
        }
    }
    int rows[64];
    flag_grid_h(ui, hb, lang, n, pg->w, cols, gap, rows);
    int cw = (pg->w - (cols - 1) * gap) / cols;
    for (int i = 0, r = 0; i < n; i += cols, r++) {
        for (int k = 0; k < cols && i + k < n; k++) {
            int f = i + k;
            int state = tile_state(a, f, marked[f]);
            flag_tile(ui, pg->x + k * (cw + gap), pg->y, cw, rows[r], f, sp_text_get(&hb->redflags[f].label, lang),
                      state, 0);
        }
        pg->y += rows[r] + gap;
    }
    reasons(a, ui, pg, 0);
}
