/* conversation.c: the conversation screen: who speaks (portrait, name, line), then the decision, thought or ending. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* The learner's own portrait: the cast member with role self, if any. */
static const sp_person *self_person(const sp_scenario *sc)
{
    for (int i = 0; i < sc->n_cast; i++)
        if (sc->cast[i].role == SP_ROLE_SELF)
            return &sc->cast[i];
    return NULL;
}

/* A spoken line: portrait on the left, name (and function) over the text.
 * A second line of the same speaker (continued) is only the text, closer. */
static void speech(sp_ui_ui *ui, sp_ui_page *pg, const sp_person *p, sp_mood mood, const char *name,
                   const char *text, int faded, int continued, sp_lang lang)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int d = m->portrait;
    if (continued) {
        int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
        pg->y -= 3 * u / 2;
        int h = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, faded ? th->muted : th->text, text, tx, pg->y, tw,
                          sp_ui_rect_make(tx, pg->y, tw, h));
        pg->y += h + 5 * u / 2;
        return;
    }
    if (p)
        sp_ui_ui_person(ui, pg->x, pg->y, d, p, mood);
    else
        sp_ui_ui_portrait(ui, pg->x, pg->y, d,
                           ((uint32_t)th->accent.r << 16) | ((uint32_t)th->accent.g << 8) | th->accent.b,
                           _("JIJ"));
    int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
    const char *fn = p ? sp_text_get(&p->function, lang) : "";
    const char *head = *fn ? sp_ui_list_strf(ui->l, "%s · %s", name, fn) : name;
    int hh = sp_ui_text_height(m, SP_UI_FONT_BOLD, head, tw);
    int bh = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
    sp_ui_rect box = sp_ui_rect_make(tx, pg->y, tw, hh + u / 2 + bh);
    int y = pg->y;
    y += sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, faded ? th->muted : th->text, head, tx, y, tw, box);
    y += u / 2;
    y += sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, faded ? th->muted : th->text, text, tx, y, tw, box);
    int h = y - pg->y;
    pg->y += (h > d ? h : d) + 5 * u / 2;
}

/* Narration: no portrait, italic, in the text column; a paragraph that
 * begins with white space (a line break in the case file) starts at the
 * column's edge all the same. */
static void narration(sp_ui_ui *ui, sp_ui_page *pg, const char *text)
{
    while (*text == ' ' || *text == '\t' || *text == '\n')
        text++;
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int tx = pg->x + m->portrait + 2 * u, tw = pg->w - m->portrait - 2 * u;
    int h = sp_ui_text_height(m, SP_UI_FONT_THOUGHT, text, tw);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_THOUGHT, ui->th->muted, text, tx, pg->y, tw,
                      sp_ui_rect_make(tx, pg->y, tw, h));
    pg->y += h + 5 * u / 2;
}

/* How the options of a decision are laid out: normal, or tighter (less
 * padding, a wider column, two columns) when that is what it takes for the
 * prompt and every option to fit the window at once. */
typedef struct opt_layout {
    int x, w;    /* the options' column */
    int cols;    /* 1 or 2 */
    int pad;     /* inside each option */
    int gap;     /* between options */
    int small;   /* 1: the caption font, the last resort in a small window at a large text size */
} opt_layout;

static int option_h(const sp_ui_ui *ui, const opt_layout *ol, int w, const char *text, int thought)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int font = ol->small ? SP_UI_FONT_SMALL : thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY;
    int key = m->line_h[SP_UI_FONT_BOLD] + u / 2;
    int tw = w - 2 * ol->pad - key - 3 * u / 2;
    int th_ = sp_ui_text_height(m, font, text, tw);
    return (th_ > key ? th_ : key) + 2 * ol->pad;
}

/* One option: a number key on the left, the text wrapped to its right. */
static void option(sp_ui_ui *ui, const opt_layout *ol, int x, int y, int w, int h, int k, const char *text,
                   int thought)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_ui_list *l = ui->l;
    int u = m->unit;
    int font = ol->small ? SP_UI_FONT_SMALL : thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY;
    int key = m->line_h[SP_UI_FONT_BOLD] + u / 2;
    int pad = ol->pad;
    int tx = x + pad + key + 3 * u / 2, tw = x + w - pad - tx;
    int th_ = sp_ui_text_height(m, font, text, tw);
    sp_ui_rect r = sp_ui_rect_make(x, y, w, h);
    int order = ui->n_focusable;
    int hovered = ui->hover == l->n_hits;
    int focused = ui->show_focus && ui->focus == order;
    if (focused)
        sp_ui_rect_cmd(l, sp_ui_rect_inset(r, -3, -3), th->focus, u + 3);
    sp_ui_rgba fill = hovered ? th->surface_hi : thought ? th->thought_btn : th->surface;
    sp_ui_cmd *c = sp_ui_frame_cmd(l, r, fill, hovered ? th->accent : th->border,
                                     th->high_contrast || hovered ? 2 : 1, u);
    c->tag = SP_UI_TAG_OPTION;
    c->arg = k;
    sp_ui_rect kr = sp_ui_rect_make(x + pad, y + pad, key, key);
    sp_ui_rect_cmd(l, kr, th->accent, u / 2);
    char num[12];
    snprintf(num, sizeof num, "%d", k + 1);
    int nw = m->measure(m->ctx, SP_UI_FONT_BOLD, num, (int)strlen(num));
    sp_ui_text_cmd(l, m, SP_UI_FONT_BOLD, th->on_accent, kr.x + (key - nw) / 2,
                    kr.y + (key - m->line_h[SP_UI_FONT_BOLD]) / 2, num, -1, kr);
    int ty = y + pad + (th_ < key ? (key - th_) / 2 : 0);
    sp_ui_text_block(l, m, font, th->text, text, tx, ty, tw, sp_ui_rect_make(tx, ty, tw, th_));
    sp_ui_hit *hit = sp_ui_hit_add(l, r, SP_UI_ACT_CHOOSE, k, 1);
    hit->order = order;
    ui->n_focusable++;
}

/* Lays the options out (draw 0: only measures); returns their height. */
static int options(sp_ui_ui *ui, const opt_layout *ol, int y, const sp_view *v, int thought, int draw)
{
    int cw = ol->cols == 2 ? (ol->w - ol->gap) / 2 : ol->w;
    int y0 = y;
    for (int k = 0; k < v->n_options; k += ol->cols) {
        int row_h = 0;
        for (int c = 0; c < ol->cols && k + c < v->n_options; c++) {
            int h = option_h(ui, ol, cw, v->options[k + c].text, thought);
            if (h > row_h)
                row_h = h;
        }
        for (int c = 0; draw && c < ol->cols && k + c < v->n_options; c++)
            option(ui, ol, ol->x + c * (cw + ol->gap), y, cw, ol->cols == 2 ? row_h : option_h(ui, ol, cw, v->options[k + c].text, thought),
                   k + c, v->options[k + c].text, thought);
        y += row_h + ol->gap;
    }
    return y - y0;
}

/* The first layout, from roomy to tight, in which extra (the prompt and
 * what frames the options) plus the options fit avail; when
 * none does: the lowest; then the page scrolls, and a cue says so. */
static opt_layout fit_options(const sp_ui_ui *ui, sp_ui_rect view, int x, int w, const sp_view *v, int thought,
                              int extra, int avail, int *cut)
{
    int u = ui->m->unit;
    int margin = sp_ui_ui_margin(ui, view.w);
    int wide = view.w - 2 * margin;
    if (wide > 2 * ui->m->measure_w)
        wide = 2 * ui->m->measure_w;
    if (wide < w)
        wide = w;
    int wx = view.x + (view.w - wide) / 2;
    int two = wide / 2 >= ui->m->measure_w / 2 && v->n_options > 1 ? 2 : 1;
    opt_layout tries[6] = {
        { x, w, 1, 3 * u / 2, u, 0 },
        { x, w, 1, u / 2, u / 2, 0 },
        { wx, wide, 1, u / 2, u / 2, 0 },
        { wx, wide, two, u / 2, u / 2, 0 },
        { wx, wide, 1, u / 2, u / 2, 1 },
        { wx, wide, two, u / 2, u / 2, 1 },
    };
    int best = 0, best_h = 1 << 30;
    for (int i = 0; i < 6; i++) {
        int h = extra + options((sp_ui_ui *)ui, &tries[i], 0, v, thought, 0);
        if (h <= avail)
            return tries[i];
        if (h < best_h) {
            best_h = h;
            best = i;
        }
    }
    *cut = 1; /* even the tightest layout is too tall */
    return tries[best];
}

static void ending(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v)
{
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    const char *kind = sp_ui_chrome_ending_word(v->ending_kind);
    sp_ui_rgba kc = sp_ui_chrome_ending_color(th, v->ending_kind);
    int card = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), th->surface, kc, 2, u);
    int y0 = pg->y;
    sp_ui_page in = { .x = pg->x + 3 * u, .w = pg->w - 6 * u, .y = pg->y + 3 * u };
    sp_ui_ui_badge(ui, in.x, in.y, kind, kc, sp_ui_ui_on(kc), sp_ui_rect_make(in.x, in.y, in.w, 1 << 20));
    in.y += ui->m->line_h[SP_UI_FONT_SMALL] + 2 * u;
    sp_ui_ui_text(ui, &in, SP_UI_FONT_H2, th->text, v->ending_title);
    in.y += u;
    sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->text, v->evaluation);
    in.y += 2 * u;
    const char *label = _("Naar de nabespreking");
    int bw = sp_ui_ui_button_w(ui, label, "Enter");
    if (bw > in.w)
        bw = in.w;
    sp_ui_ui_button(ui, sp_ui_rect_make(in.x, in.y, bw, sp_ui_ui_button_h(ui)), label, "Enter",
                     SP_UI_BTN_PRIMARY, SP_UI_ACT_DEBRIEF, 0, 1);
    in.y += sp_ui_ui_button_h(ui) + 3 * u;
    ui->l->cmds[card].r.h = in.y - y0;
    pg->y = in.y + 2 * u;
    (void)a;
}

void sp_ui_conversation_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_view *v = sp_ui_app_view(a);
    if (!v)
        return;
    const sp_scenario *sc = a->sc;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;

    const char *labels[4] = { _("Rode vlag"), _("Gesprek tot nu toe"), _("Terug"), _("Menu") };
    const char *hints[4] = { "F", "H", "Ctrl+Z", "Esc" };
    int actions[4] = { SP_UI_ACT_FLAGS, SP_UI_ACT_HISTORY, SP_UI_ACT_UNDO, SP_UI_ACT_PAUSE };
    int nb = v->kind == SP_VIEW_ENDING ? 0 : 1; /* no flags to mark once it has ended */
    const char *title = sp_text_get(&sc->title, lang);
    const char *sub = v->kind == SP_VIEW_ENDING
                          ? _("Einde van het gesprek")
                          : a->traj ? sp_ui_list_strf(ui->l, _("Beurt %d · traject, casus %d van %d"),
                                                       v->turn, a->case_index + 1, SP_CASE_COUNT)
                                    : sp_ui_list_strf(ui->l, _("Beurt %d"), v->turn);
    /* Short labels before the title is cut: a mouse user keeps Rode vlag,
     * H, Terug and Menu at every size (chrome.c puts them under the title
     * when even the short ones do not fit beside it). */
    if (!sp_ui_chrome_topbar_fits(ui, view, title, sub, 4 - (1 - nb), labels + (1 - nb))) {
        labels[0] = _("Vlag");
        labels[1] = _("Gesprek");
    }
    int top = sp_ui_chrome_topbar_h(ui, view, title, sub, 4 - (1 - nb), labels + (1 - nb), hints + (1 - nb));

    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, 0, m->measure_w + m->portrait + 2 * u, 4 * u, &pg);
    sp_ui_rect region = pg.region;

    /* What you said last, faded, so the answer has its question. */
    if (v->feedback.valid && v->feedback.said && *v->feedback.said &&
        sc->nodes[v->feedback.node].kind == SP_NODE_DECISION) {
        const sp_person *me = self_person(sc);
        speech(ui, &pg, me, SP_MOOD_NEUTRAL, me ? sp_text_get(&me->name, lang) : _("Jij"), v->feedback.said, 1, 0, lang);
    }
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *ln = &v->lines[i];
        /* A change of expression shows the portrait again, at the line where it happens. */
        int continued = i > 0 && v->lines[i - 1].speaker == ln->speaker && v->lines[i - 1].mood == ln->mood;
        if (ln->speaker >= 0)
            speech(ui, &pg, &sc->cast[ln->speaker], ln->mood, ln->speaker_name, ln->text, 0, continued, lang);
        else
            narration(ui, &pg, ln->text);
    }
    pg.y += u;

    int reveal_top = pg.y;
    if (v->kind == SP_VIEW_ENDING) {
        ending(a, ui, &pg, v);
    } else if (v->kind == SP_VIEW_DECISION) {
        const char *prompt = *v->prompt ? v->prompt : _("Wat zeg je?");
        int ph = sp_ui_text_height(m, SP_UI_FONT_H2, prompt, pg.w) + 3 * u / 2;
        opt_layout ol = fit_options(ui, view, pg.x, pg.w, v, 0, ph, region.h - 2 * sp_ui_ui_cue_h(ui) - u, &a->options_cut);
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, th->text, prompt);
        pg.y += 3 * u / 2;
        pg.y += options(ui, &ol, pg.y, v, 0, 1);
    } else {
        /* An inner-thought moment: a cloud-tinted panel, italic, not spoken. */
        const char *prompt = *v->prompt ? v->prompt : _("Een moment voor jezelf: wat gaat er door je heen?");
        int inw = pg.w - 5 * u;
        int extra = 5 * u / 2 + m->line_h[SP_UI_FONT_H2] + u / 2 +
                    sp_ui_text_height(m, SP_UI_FONT_THOUGHT, prompt, inw) + 2 * u + 3 * u / 2;
        opt_layout ol = fit_options(ui, view, pg.x + 5 * u / 2, inw, v, 1, extra, region.h - 2 * sp_ui_ui_cue_h(ui) - u,
                                    &a->options_cut);
        int px = ol.x < pg.x + 5 * u / 2 ? ol.x - 5 * u / 2 : pg.x;
        int pw = ol.x < pg.x + 5 * u / 2 ? ol.w + 5 * u : pg.w;
        int panel = ui->l->n_cmds;
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(px, pg.y, pw, 0), th->thought, 2 * u)->tag = SP_UI_TAG_THOUGHT;
        if (th->high_contrast) {
            ui->l->cmds[panel].border = th->border;
            ui->l->cmds[panel].border_w = 2;
        }
        int y0 = pg.y;
        sp_ui_page in = { .x = pg.x + 5 * u / 2, .w = inw, .y = pg.y + 5 * u / 2 };
        sp_ui_ui_text(ui, &in, SP_UI_FONT_H2, th->text, _("Wat denk je?"));
        in.y += u / 2;
        sp_ui_ui_text(ui, &in, SP_UI_FONT_THOUGHT, th->muted, prompt);
        in.y += 2 * u;
        in.y += options(ui, &ol, in.y, v, 1, 1);
        in.y += 3 * u / 2 - ol.gap;
        ui->l->cmds[panel].r.h = in.y - y0;
        pg.y = in.y + 2 * u;
    }
    int reveal_bottom = pg.y;
    pg.y += u;
    if (v->kind != SP_VIEW_ENDING) {
        char hint[256];
        snprintf(hint, sizeof hint,
                 _("Kies met 1–%d, of met de pijltjes en Enter. F: rode vlag. H: het gesprek tot nu toe. Ctrl+Z of Backspace: terug. Esc: menu."),
                 v->n_options);
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_SMALL, th->muted, hint);
    }
    pg.y += 4 * u;
    /* A new decision opens with its prompt and every option in view: the
     * lines before it may scroll up (a cue says so), the choice may not
     * hide below the fold. */
    int strip = sp_ui_ui_cue_h(ui);
    if (a->reveal) {
        int want = reveal_bottom - (region.h - 2 * strip);
        if (want > reveal_top - u)
            want = reveal_top - u;
        if (want > a->scroll[0])
            a->scroll[0] = want;
        a->reveal = 0;
    }
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
    sp_ui_chrome_topbar(ui, view, title, sub, 4 - (1 - nb), labels + (1 - nb), hints + (1 - nb), actions + (1 - nb));
}
