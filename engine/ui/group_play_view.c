/* group_play_view.c: the wall during a group play: the conversation and the question for the room, the vote, the decision and its feedback. */
#include "group_phones.h"
#include "group_view.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* "Wie stemt op A of B?", "... A, B of C?": the letters on offer. */
static const char *who_votes(sp_ui_list *l, int n)
{
    char letters[128] = "";
    size_t len = 0;
    for (int k = 0; k < n && len + 16 < sizeof letters; k++)
        len += (size_t)snprintf(letters + len, sizeof letters - len, "%s%c",
                                k == 0 ? "" : k == n - 1 ? _(" of ") : ", ", sp_ui_group_letter(k));
    return sp_ui_list_strf(l, _("Wie stemt op %s? Steek je hand op."), letters);
}

static const sp_person *self_person(const sp_scenario *sc)
{
    for (int i = 0; i < sc->n_cast; i++)
        if (sc->cast[i].role == SP_ROLE_SELF)
            return &sc->cast[i];
    return NULL;
}

/* A spoken line (portrait, name, text) or narration (italic, no portrait). */
static void line(sp_ui_ui *ui, sp_ui_page *pg, const sp_person *p, sp_mood mood, const char *name,
                 const char *text, int faded, int continued)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, d = m->portrait;
    int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
    sp_ui_rgba c = faded ? th->muted : th->text;
    while (*text == ' ') /* a paragraph's stray leading space */
        text++;
    if (!name) { /* narration: no portrait, the column's whole width */
        tx = pg->x;
        tw = pg->w;
        int h = sp_ui_text_height(m, SP_UI_FONT_THOUGHT, text, tw);
        sp_ui_text_block(ui->l, m, SP_UI_FONT_THOUGHT, th->muted, text, tx, pg->y, tw,
                          sp_ui_rect_make(tx, pg->y, tw, h));
        pg->y += h + 2 * u;
        return;
    }
    if (continued) {
        pg->y -= u;
        int h = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, c, text, tx, pg->y, tw, sp_ui_rect_make(tx, pg->y, tw, h));
        pg->y += h + 2 * u;
        return;
    }
    if (p)
        sp_ui_ui_person(ui, pg->x, pg->y, d, p, mood);
    int hh = sp_ui_text_height(m, SP_UI_FONT_BOLD, name, tw);
    int bh = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
    sp_ui_rect box = sp_ui_rect_make(tx, pg->y, tw, hh + bh);
    int y = pg->y;
    y += sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, c, name, tx, y, tw, box);
    y += sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, c, text, tx, y, tw, box);
    int h = y - pg->y;
    pg->y += (h > d ? h : d) + 2 * u;
}

/* A panel with a heading and a text, on a tinted card (the room's question,
 * the feedback). Returns nothing; advances pg. */
static void panel(sp_ui_ui *ui, sp_ui_page *pg, const char *badge, sp_ui_rgba badge_c, const char *head,
                  int head_font, const char *text, const char *foot, sp_ui_rgba border)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int card = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), th->surface, border,
                     th->high_contrast ? 3 : 2, u);
    int y0 = pg->y;
    sp_ui_page in = { .x = pg->x + 2 * u, .w = pg->w - 4 * u, .y = pg->y + 2 * u };
    if (badge) {
        sp_ui_ui_badge(ui, in.x, in.y, badge, badge_c, sp_ui_ui_on(badge_c),
                        sp_ui_rect_make(in.x, in.y, in.w, 1 << 20));
        in.y += m->line_h[SP_UI_FONT_SMALL] + u / 2 + u;
    }
    if (head && *head) {
        sp_ui_ui_text(ui, &in, head_font, th->text, head);
        in.y += u;
    }
    if (text && *text) {
        sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->text, text);
        in.y += u / 2;
    }
    if (foot && *foot) {
        in.y += u / 2;
        sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted, foot);
    }
    in.y += u;
    ui->l->cmds[card].r.h = in.y + u - y0;
    pg->y = in.y + u + 2 * u;
}

/* The facilitator's buttons at the bottom of the wall, when no presenter
 * window holds them. */
static int controls(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    sp_ui_group *g = a->group;
    const sp_view *v = sp_ui_app_view(a);
    if (g->presenter || !v)
        return 0;
    const char *labels[4], *hints[4];
    sp_ui_btn_style styles[4];
    int actions[4], args[4] = { 0, 0, 0, 0 }, n = 0;
#define ADD(lb, hi, st, ac) (labels[n] = (lb), hints[n] = (hi), styles[n] = (st), actions[n] = (ac), n++)
    if (g->flag_round) {
        ADD(_("Klaar met rode vlaggen"), "F", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_FLAGS);
    } else if (v->kind == SP_VIEW_ENDING && g->phase < SP_UI_GROUP_DECIDED) {
        ADD(_("Naar de nabespreking"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_DEBRIEF);
    } else {
        switch (g->phase) {
        case SP_UI_GROUP_SCENE:
            if (sp_ui_group_room_moment(a))
                ADD(_("Naar de stemming"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_VOTE);
            ADD(_("Rode vlaggen"), "F", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_FLAGS);
            break;
        case SP_UI_GROUP_VOTE:
            ADD(_("Meerderheid nemen"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_TAKE);
            ADD(_("Rode vlaggen"), "F", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_FLAGS);
            break;
        case SP_UI_GROUP_DECIDED:
            ADD(_("Toelichting tonen"), "R", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_REVEAL);
            ADD(_("Verder"), "N", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_NEXT);
            break;
        case SP_UI_GROUP_REVEALED:
            ADD(_("Verder"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_NEXT);
            break;
        }
        ADD(g->timer_on ? _("Timer uit") : _("Timer"), "T", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_TIMER);
    }
#undef ADD
    return sp_ui_chrome_bottombar(ui, view, n, labels, hints, styles, actions, args);
}

/* ---- the phases ---------------------------------------------------------------------- */

/* A trainer's moment with no presenter window: the wall is the trainer's
 * only screen, so it lists the options with their letters, as the
 * presenter does, under a badge that says the trainer chooses here; no
 * counts, no bars, no call to vote. Below them how to choose, or why a key
 * just pressed opened no vote. Advances pg. */
static void trainer_options(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v)
{
    sp_ui_group *g = a->group;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, pad = g->wall_paged ? u / 2 : u; /* past the floor: tighter, as the vote */
    int thought = v->kind == SP_VIEW_THOUGHT;
    int font = thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY;
    int key = m->line_h[SP_UI_FONT_BOLD] + u / 2;
    pg->y += g->wall_paged ? u / 2 : u;
    sp_ui_ui_badge(ui, pg->x, pg->y, _("Keuze van de trainer"), th->mixed, sp_ui_ui_on(th->mixed),
                   sp_ui_rect_make(pg->x, pg->y, pg->w, 1 << 20));
    pg->y += m->line_h[SP_UI_FONT_SMALL] + u / 2 + (g->wall_paged ? u / 2 : u);
    for (int k = 0; k < g->n_counts && k < v->n_options; k++) {
        const char *text = v->options[k].text;
        int tx = pg->x + pad + key + 2 * u, tw = pg->x + pg->w - pad - tx;
        int th_ = sp_ui_text_height(m, font, text, tw);
        int h = (th_ > key ? th_ : key) + 2 * pad;
        sp_ui_cmd *c = sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, h),
                                         thought ? th->thought_btn : th->surface, th->border,
                                         th->high_contrast ? 2 : 1, u);
        c->tag = SP_UI_TAG_OPTION;
        c->arg = k;
        sp_ui_group_view_letter(ui, pg->x + pad, pg->y + pad, key, k, th->accent);
        sp_ui_text_block(ui->l, m, font, th->text, text, tx, pg->y + pad, tw,
                          sp_ui_rect_make(tx, pg->y + pad, tw, th_));
        pg->y += h + (g->wall_paged ? u / 2 : u);
    }
    if (g->status[0]) /* e.g. why Enter or a letter opened no vote */
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->mixed, g->status);
    else
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, _("Geen stemming: de trainer kiest met Shift en de letter."));
}

static void scene(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v, sp_ui_group_flow *f)
{
    const sp_scenario *sc = a->sc;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    if (v->feedback.valid && v->feedback.said && *v->feedback.said &&
        sc->nodes[v->feedback.node].kind == SP_NODE_DECISION) {
        const sp_person *me = self_person(sc);
        sp_ui_group_flow_mark(f, ui, pg);
        line(ui, pg, me, SP_MOOD_NEUTRAL, me ? sp_text_get(&me->name, lang) : _("Jij"), v->feedback.said, 1, 0);
    }
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *ln = &v->lines[i];
        /* a change of expression shows the portrait again */
        int continued = i > 0 && v->lines[i - 1].speaker == ln->speaker && ln->speaker >= 0 &&
                        v->lines[i - 1].mood == ln->mood;
        if (!continued)
            sp_ui_group_flow_mark(f, ui, pg);
        if (ln->speaker >= 0)
            line(ui, pg, &sc->cast[ln->speaker], ln->mood, ln->speaker_name, ln->text, 0, continued);
        else
            line(ui, pg, NULL, SP_MOOD_NEUTRAL, NULL, ln->text, 0, 0);
    }
    pg->y += u;
    sp_ui_group_flow_mark(f, ui, pg);
    if (v->kind == SP_VIEW_ENDING) {
        sp_ui_rgba kc = sp_ui_chrome_ending_color(th, v->ending_kind);
        panel(ui, pg, sp_ui_chrome_ending_word(v->ending_kind), kc, v->ending_title, SP_UI_FONT_H1, v->evaluation, NULL, kc);
        return;
    }
    const char *ask = v->kind == SP_VIEW_THOUGHT ? _("Wat gaat er door je heen?")
                                                 : *v->prompt ? v->prompt : _("Wat zeg je?");
    if (*v->discuss)
        panel(ui, pg, _("Vraag voor de groep"), th->accent, v->discuss, SP_UI_FONT_H2, NULL, NULL, th->accent);
    else
        sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, ask);
    if (!a->group->presenter && !sp_ui_group_room_moment(a))
        trainer_options(a, ui, pg, v);
    else if (a->group->status[0] && !a->group->presenter) /* e.g. a letter that is no option */
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->mixed, a->group->status);
}

/* One option at the vote: letter, text, the room's count and a bar; with
 * the facilitator's − and + when there is no presenter window. At least
 * min_h high; returns its height (measure_only: lays out nothing). */
static int vote_option(sp_ui_app *a, sp_ui_ui *ui, int x, int y, int w, int k, const char *text, int thought,
                       int min_h, int measure_only)
{
    sp_ui_group *g = a->group;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_ui_list *l = ui->l;
    int u = m->unit, pad = g->wall_paged ? u / 2 : u; /* past the floor: tighter, the vote stays one page */
    int font = thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY;
    int key = m->line_h[SP_UI_FONT_BOLD] + u / 2;
    int total = 0, top = 0;
    for (int i = 0; i < g->n_counts; i++) {
        total += g->counts[i];
        if (g->counts[i] > top)
            top = g->counts[i];
    }
    int controls = !g->presenter;
    int bh = sp_ui_ui_button_h(ui);
    int nw = m->measure(m->ctx, SP_UI_FONT_H2, "9999", 4);
    int count_w = nw + 2 * u + (controls ? 2 * (bh + u) : 0);
    int tx = x + pad + key + 2 * u, tw = x + w - pad - count_w - 2 * u - tx;
    int right = controls ? bh : m->line_h[SP_UI_FONT_H2];
    /* A narrow option (two columns, a small wall): the count and its
     * buttons go below the text, beside the bar, so the text keeps the width. */
    int below = tw < m->measure_w * 2 / 5;
    if (below)
        tw = x + w - pad - tx;
    int th_ = sp_ui_text_height(m, font, text, tw);
    int bar_h = total > 0 ? u : 0;
    int inner = below ? th_ + u + right : th_ + (bar_h ? u + bar_h : 0);
    if (inner < key)
        inner = key;
    if (inner < right)
        inner = right;
    int h = inner + 2 * pad;
    if (h < min_h)
        h = min_h;
    if (measure_only)
        return h;
    sp_ui_rect r = sp_ui_rect_make(x, y, w, h);
    int selected = controls && g->phase == SP_UI_GROUP_VOTE && g->sel == k;
    int leads = total > 0 && g->counts[k] == top;
    sp_ui_cmd *c = sp_ui_frame_cmd(l, r, thought ? th->thought_btn : th->surface,
                                     selected ? th->focus : leads ? th->accent : th->border,
                                     selected || leads ? (u / 6 > 4 ? u / 6 : 4) : th->high_contrast ? 2 : 1, u);
    c->tag = SP_UI_TAG_OPTION;
    c->arg = k;
    sp_ui_group_view_letter(ui, x + pad, y + pad, key, k, th->accent);
    sp_ui_text_block(l, m, font, th->text, text, tx, y + pad, tw, sp_ui_rect_make(tx, y + pad, tw, th_));
    int cy = below ? y + h - pad - right : y + (h - right) / 2;
    if (bar_h) {
        int bw = below ? x + w - pad - count_w - 2 * u - tx : tw;
        int by = below ? cy + (right - bar_h) / 2 : y + pad + th_ + u;
        sp_ui_rect_cmd(l, sp_ui_rect_make(tx, by, bw, bar_h), th->bar, 0);
        if (g->counts[k] > 0)
            sp_ui_rect_cmd(l, sp_ui_rect_make(tx, by, g->counts[k] * bw / total, bar_h),
                            leads ? th->accent : th->best, 0);
    }
    /* the count, right-aligned in its box, with − and + around it */
    int cx = x + w - pad - count_w;
    if (controls) {
        sp_ui_ui_button(ui, sp_ui_rect_make(cx, cy, bh, bh), "−", NULL, SP_UI_BTN_SECONDARY,
                         SP_UI_ACT_GROUP_DEC, k, g->counts[k] > 0);
        cx += bh + u;
    }
    const char *num = sp_ui_list_strf(l, "%d", g->counts[k]);
    int numw = m->measure(m->ctx, SP_UI_FONT_H2, num, (int)strlen(num));
    sp_ui_rect nbox = sp_ui_rect_make(cx, cy, nw + 2 * u, right);
    sp_ui_text_cmd(l, m, SP_UI_FONT_H2, th->text, cx + (nbox.w - numw) / 2,
                    cy + (right - m->line_h[SP_UI_FONT_H2]) / 2, num, -1, nbox);
    if (controls) {
        cx += nbox.w + u;
        sp_ui_ui_button(ui, sp_ui_rect_make(cx, cy, bh, bh), "+", NULL, SP_UI_BTN_SECONDARY,
                         SP_UI_ACT_GROUP_INC, k, 1);
        /* the option itself selects it for the number keys */
        sp_ui_rect sr = below ? sp_ui_rect_make(x, y, w, cy - y) : sp_ui_rect_make(x, y, tx + tw + u - x, h);
        sp_ui_hit *hit = sp_ui_hit_add(l, sr, SP_UI_ACT_GROUP_SELECT, k, 0);
        hit->order = -1;
    }
    return h;
}

/* The options one below the other, or (two columns) side by side in rows
 * of two of one height: A B, C D. With an odd number in two columns the
 * last row has a free cell: *free is set to it (else its w is 0). */
static void vote_options(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v, int two, sp_ui_page *free)
{
    int n = a->group->n_counts, u = ui->m->unit, thought = v->kind == SP_VIEW_THOUGHT;
    int row_gap = a->group->wall_paged ? u / 2 : u;
    int cols = two && n > 1 ? 2 : 1, gap = 2 * u;
    int cw = (pg->w - (cols - 1) * gap) / cols;
    *free = *pg;
    free->w = 0;
    for (int k = 0; k < n; k += cols) {
        if (cols == 2 && k + 1 == n) {
            free->x = pg->x + cw + gap;
            free->w = cw;
            free->y = pg->y;
        }
        int row = 0;
        for (int c = 0; c < cols && k + c < n; c++) {
            int h = vote_option(a, ui, 0, 0, cw, k + c, v->options[k + c].text, thought, 0, 1);
            row = h > row ? h : row;
        }
        for (int c = 0; c < cols && k + c < n; c++)
            vote_option(a, ui, pg->x + c * (cw + gap), pg->y, cw, k + c, v->options[k + c].text, thought, row, 0);
        pg->y += row + row_gap;
    }
}

static void vote_tally(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg);

static void vote(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v, int two)
{
    sp_ui_group *g = a->group;
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    int thought = v->kind == SP_VIEW_THOUGHT;
    const char *ask = thought ? _("Wat gaat er door je heen?") : *v->prompt ? v->prompt : _("Wat zeg je?");
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, ask);
    pg->y += g->wall_paged ? u / 2 : 3 * u / 2;
    sp_ui_page side, *out = pg;
    vote_options(a, ui, pg, v, two, &side);
    if (side.w > 0) /* the count beside the last option */
        out = &side;
    else
        pg->y += u;
    vote_tally(a, ui, out);
    if (out->y > pg->y)
        pg->y = out->y;
    if (g->phones && g->wall_paged) { /* past the floor: the vote stays one page, how to join in a line */
        pg->y += u;
        sp_ui_phones_wall_line(ui, pg, g->phones, a->settings.lang == SP_LANG_EN);
    } else if (g->phones) { /* how to join; the phones' votes stay off the wall until the decision */
        pg->y += 2 * u;
        pg->y += sp_ui_phones_wall(ui, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), sp_ui_group_wall_h(g, pg),
                                    g->phones, a->settings.lang == SP_LANG_EN);
    }
}

/* Where the vote stands: the majority or the tie, how many voted, the
 * trainer's last message. */
static void vote_tally(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    sp_ui_group *g = a->group;
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    sp_vote_tally t = sp_vote_count(g->counts, g->n_counts);
    const char *s;
    if (t.total == 0) {
        s = g->presenter ? who_votes(ui->l, g->n_counts)
                         : _("Voer de stemmen in: kies de optie met de letter of de pijltjes, tel met + en −, of typ het aantal.");
    } else if (t.majority >= 0) {
        s = sp_ui_list_strf(ui->l, ngettext("Meerderheid: %c, %d van %d stem.", "Meerderheid: %c, %d van %d stemmen.",
                                             (unsigned long)t.total),
                             sp_ui_group_letter(t.majority), t.top, t.total);
    } else {
        /* "A en C", "A, B en D" */
        char tied[64] = "";
        int len = 0, left = t.n_top;
        for (int k = 0; k < g->n_counts && len < (int)sizeof tied - 8; k++) {
            if (g->counts[k] != t.top)
                continue;
            left--;
            len += snprintf(tied + len, sizeof tied - (size_t)len, "%s%c",
                            len == 0 ? "" : left == 0 ? _(" en ") : ", ", sp_ui_group_letter(k));
        }
        s = g->presenter ? sp_ui_list_strf(ui->l, _("Gelijke stand tussen %s: de trainer beslist."), tied)
                         : sp_ui_list_strf(ui->l, _("Gelijke stand tussen %s: de trainer kiest met Shift en de letter."), tied);
    }
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->text, s);
    if (t.total > 0)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                       sp_ui_list_strf(ui->l, _("%d van de %d mensen in de zaal hebben gestemd."), t.total, g->room));
    if (g->status[0] && !g->presenter) {
        pg->y += u / 2;
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->mixed, g->status);
    }
}

/* The decision just taken and, once revealed, its feedback. */
static void decided(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v, sp_ui_group_flow *f)
{
    sp_ui_group *g = a->group;
    const sp_scenario *sc = a->sc;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    if (g->n_last <= 0 || g->last_node < 0 || g->last_node >= sc->n_nodes)
        return;
    const sp_node *nd = &sc->nodes[g->last_node];
    int thought = nd->kind == SP_NODE_THOUGHT;
    const char *texts[SP_UI_GROUP_OPTIONS];
    int best = 0, best_total = -1000;
    for (int k = 0; k < g->n_last; k++) {
        const sp_option *o = &nd->options[g->last_offered[k]];
        texts[k] = sp_text_get(&o->text, lang);
        if (sp_option_total(o) > best_total) {
            best_total = sp_option_total(o);
            best = k;
        }
    }
    const sp_option *chosen = &nd->options[g->last_offered[g->last_chosen]];
    /* The stronger option by the exact value (debrief.h), with its score,
     * at thought moments too; without it, by the options' own totals. */
    int strong = sp_option_total(chosen) >= best_total, stronger_total = best_total;
    if (g->judge.valid && g->judge.node == g->last_node) {
        strong = g->judge.left == 0;
        for (int k = 0; k < g->n_last; k++)
            if (g->last_offered[k] == g->judge.stronger)
                best = k;
        stronger_total = g->judge.stronger_total;
    }
    sp_ui_group_flow_mark(f, ui, pg);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text,
                   sp_ui_group_view_verdict(ui, g->last_votes, g->n_last, g->last_chosen, g->last_override, g->has_votes));
    pg->y += u;
    sp_ui_ui_text(ui, pg, thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY, th->text,
                   sp_ui_list_strf(ui->l, "%c: “%s”", sp_ui_group_letter(g->last_chosen), texts[g->last_chosen]));
    pg->y += 2 * u;
    if (g->has_votes) {
        sp_ui_group_flow_mark(f, ui, pg);
        sp_ui_group_view_split(ui, pg, texts, g->last_votes, g->n_last, g->last_chosen,
              g->phase == SP_UI_GROUP_REVEALED ? best : -1, 1);
        pg->y += u;
    }
    sp_ui_group_flow_mark(f, ui, pg);
    if (g->phase != SP_UI_GROUP_REVEALED) {
        if (!g->presenter)
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, _("De toelichting volgt: R toont hem."));
        return;
    }
    const char *badge = strong ? _("Sterke keuze") : _("Er was een sterkere optie");
    sp_ui_rgba bc = strong ? th->good : sp_option_total(chosen) < 0 ? th->bad : th->mixed;
    const char *head = strong ? NULL
                     : sp_ui_list_strf(ui->l, _("Sterker was %c: “%s” (%+d)"), sp_ui_group_letter(best), texts[best],
                                        stronger_total);
    const char *foot = *sp_text_get(&chosen->ref_label, lang) ? sp_text_get(&chosen->ref_label, lang) : NULL;
    panel(ui, pg, badge, bc, head, SP_UI_FONT_BOLD,
          sp_session_text_at(a->s, sp_session_turn(a->s) - 2, &chosen->feedback, lang), foot, bc);
    (void)v;
}

/* ---- the play screen --------------------------------------------------------------------- */

void sp_ui_group_play_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    sp_ui_group *g = a->group;
    const sp_view *v = sp_ui_app_view(a);
    if (!v || !g)
        return;
    const sp_ui_metrics *m = ui->m;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    const char *title = sp_text_get(&a->sc->title, lang);
    const char *sub;
    if (g->phase >= SP_UI_GROUP_DECIDED)
        sub = sp_ui_list_strf(ui->l, _("Beurt %d · het besluit"), g->last_turn);
    else if (v->kind == SP_VIEW_ENDING)
        sub = _("Einde van het gesprek");
    else if (g->flag_round)
        sub = sp_ui_list_strf(ui->l, _("Beurt %d · rode vlaggen: wat ziet de groep hier?"), v->turn);
    else if (g->phase == SP_UI_GROUP_VOTE)
        sub = sp_ui_list_strf(ui->l, _("Beurt %d · stemmen"), v->turn);
    else
        sub = sp_ui_list_strf(ui->l, _("Beurt %d · groepstraining"), v->turn);

    /* a new screen (another turn, phase, the flag round or the ending)
     * starts at its first page */
    int key = v->turn * 32 + (v->kind == SP_VIEW_ENDING) * 16 + (int)g->phase * 2 + !!g->flag_round;
    if (key != g->wall_key) {
        g->wall_key = key;
        g->wall_page = 0;
    }
    int bottom = controls(a, ui, view);
    a->bottom_bar = bottom; /* a note (the toast) sits above the trainer's buttons */
    int top = sp_ui_group_view_topbar(a, ui, view, title, sub);
    /* Two columns (the wall's layout asks when one does not fit): the page
     * as wide as the screen allows, the blocks flowed into both halves;
     * past the floor the blocks go on over numbered pages. */
    int two = g->wall_cols == 2, gap = 4 * u;
    sp_ui_page pg;
    int maxw = g->flag_round ? view.w : two ? 2 * m->measure_w + gap : m->measure_w * 3 / 2;
    sp_ui_chrome_page(a, ui, view, top, bottom, maxw, 2 * u, &pg);
    int voting = g->phase == SP_UI_GROUP_VOTE && v->kind != SP_VIEW_ENDING;
    int flowed = (two || g->wall_paged) && !g->flag_round && !voting;
    sp_ui_group_flow flow = { 0 }, *f = flowed ? &flow : NULL;
    int x2 = pg.x;
    if (f && two) {
        pg.w = (pg.w - gap) / 2;
        x2 = pg.x + pg.w + gap;
    }
    if (g->flag_round)
        sp_ui_group_flags_build(a, ui, &pg);
    else if (g->phase >= SP_UI_GROUP_DECIDED)
        decided(a, ui, &pg, v, f);
    else if (voting)
        vote(a, ui, &pg, v, two);
    else
        scene(a, ui, &pg, v, f);
    g->wall_pages = 1;
    int strip = sp_ui_ui_cue_h(ui), shown = 0;
    if (f && g->wall_paged && flow.n > 0)
        shown = sp_ui_group_flow_pages(f, ui, &pg, two ? x2 : -1, pg.region.h - strip - u - flow.y[0],
                                       g->wall_page, &g->wall_pages);
    else
        sp_ui_group_flow_columns(f, ui, &pg, x2);
    pg.y += u;
    sp_ui_rect region = pg.region;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
    if (g->wall_pages > 1)
        sp_ui_group_page_cue(ui, region, shown, g->wall_pages);
}
