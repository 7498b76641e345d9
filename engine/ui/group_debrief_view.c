/* group_debrief_view.c: the group debrief on the wall: the ending, the points per goal, how the room voted at each decision, the red flags, interventions and missed chances. */
#include "group_view.h"

#include <string.h>

#include "i18n.h"

static void goals(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_debrief *d)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    const sp_handbook *hb = a->sc->handbook;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    int lw = 0, lo = 0, hi = 1;
    for (int i = 0; i < d->n_goals; i++) {
        const char *label = sp_text_get(&hb->goals[d->goals[i].goal].label, lang);
        int w = m->measure(m->ctx, SP_UI_FONT_BOLD, label, (int)strlen(label));
        lw = w > lw ? w : lw;
        int vals[2] = { d->goals[i].score, d->goals[i].expert };
        for (int k = 0; k < 2; k++) {
            lo = vals[k] < lo ? vals[k] : lo;
            hi = vals[k] > hi ? vals[k] : hi;
        }
    }
    if (lw > pg->w / 3)
        lw = pg->w / 3;
    int vw = m->measure(m->ctx, SP_UI_FONT_BOLD, "−00 / 00", (int)strlen("−00 / 00"));
    int x0 = pg->x + lw + 2 * u, bw = pg->w - lw - 4 * u - vw;
    int zero = x0 + (bw > 0 ? -lo * bw / (hi - lo) : 0);
    int row = m->line_h[SP_UI_FONT_BOLD];
    for (int i = 0; i < d->n_goals; i++) {
        const sp_debrief_goal *gl = &d->goals[i];
        const char *label = sp_text_get(&hb->goals[gl->goal].label, lang);
        int y = pg->y;
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, th->text, pg->x, y, sp_ui_group_fit(ui, SP_UI_FONT_BOLD, label, lw), -1,
                        sp_ui_rect_make(pg->x, y, lw, row));
        int bh = row * 2 / 3, by = y + (row - bh) / 2;
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(x0, by, bw, bh), th->bar, 0);
        int best_x = bw > 0 ? zero + gl->expert * bw / (hi - lo) : zero;
        int you_x = bw > 0 ? zero + gl->score * bw / (hi - lo) : zero;
        if (best_x != zero)
            sp_ui_rect_cmd(ui->l, best_x > zero ? sp_ui_rect_make(zero, by, best_x - zero, bh)
                                                 : sp_ui_rect_make(best_x, by, zero - best_x, bh), th->best, 0);
        int yh = bh / 2;
        if (you_x != zero) {
            sp_ui_cmd *c = sp_ui_rect_cmd(ui->l, you_x > zero ? sp_ui_rect_make(zero, by + (bh - yh) / 2, you_x - zero, yh)
                                                                : sp_ui_rect_make(you_x, by + (bh - yh) / 2, zero - you_x, yh),
                                            th->accent, 0);
            c->tag = SP_UI_TAG_BAR_YOU;
            c->arg = gl->goal;
        }
        const char *val = sp_ui_list_strf(ui->l, "%d / %d", gl->score, gl->expert);
        int vx = x0 + bw + 2 * u;
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, th->text, vx, y, val, -1, sp_ui_rect_make(vx, y, vw + u, row));
        pg->y += row + u;
    }
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                   _("Smalle balk: wat de groep haalde. Brede balk: de beste keuze bij elke beslissing onderweg."));
}

static void heading(sp_ui_ui *ui, sp_ui_page *pg, const char *s)
{
    pg->y += 3 * ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, ui->th->text, s);
    pg->y += ui->m->unit;
}

/* How the room split at every decision of the play. */
static void vote_history(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    sp_ui_group *g = a->group;
    const sp_ui_theme *th = ui->th;
    const sp_scenario *sc = a->sc;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    heading(ui, pg, _("Hoe de groep stemde"));
    const sp_replay *r = g->replay;
    int shown = 0;
    for (int i = 0; r && i < r->n_decisions; i++) {
        const sp_replay_step *st = &r->steps[i];
        const sp_node *nd = &sc->nodes[st->node];
        int n = st->n_offered < SP_UI_GROUP_OPTIONS ? st->n_offered : SP_UI_GROUP_OPTIONS;
        const char *texts[SP_UI_GROUP_OPTIONS];
        int chosen = -1, best = -1;
        for (int k = 0; k < n; k++) {
            texts[k] = sp_text_get(&nd->options[st->offered[k]].text, lang);
            if (st->offered[k] == st->chosen)
                chosen = k;
            if (st->offered[k] == st->best)
                best = k;
        }
        const char *ask = st->kind == SP_VIEW_THOUGHT ? _("Wat gaat er door je heen?")
                                                      : *st->prompt ? st->prompt : _("Wat zeg je?");
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->text, sp_ui_list_strf(ui->l, _("Beurt %d · %s"), st->turn, ask));
        pg->y += u / 2;
        int has = st->n_votes == st->n_offered && st->n_votes > 0;
        sp_ui_group_view_split(ui, pg, texts, has ? st->votes : NULL, n, chosen, best, has);
        if (chosen >= 0)
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                           sp_ui_group_view_verdict(ui, has ? st->votes : NULL, n, chosen, st->override, has));
        pg->y += 2 * u;
        shown++;
    }
    if (!shown)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted, _("Er is in dit gesprek niet gestemd."));
    else
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                       _("Gevuld: de gekozen optie. Groen streepje: de sterkste optie, als die niet gekozen is."));
}

/* The letter the room saw for node option `option` at the decision of
 * `turn` (from the replay's offered options): *k, and 1 when found. */
static int offered_index(sp_ui_app *a, int turn, int option, int *k)
{
    const sp_replay *r = a->group->replay;
    for (int i = 0; r && i < r->n_decisions; i++) {
        if (r->steps[i].turn != turn)
            continue;
        for (int j = 0; j < r->steps[i].n_offered; j++)
            if (r->steps[i].offered[j] == option) {
                *k = j;
                return 1;
            }
    }
    return 0;
}

static void flag_lists(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_debrief *d)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    heading(ui, pg, _("Rode vlaggen"));
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                   sp_ui_list_strf(ui->l, _("Herkend: %d · gemist: %d · vals alarm: %d"), d->n_recognised,
                                    d->n_flags_missed, d->n_false_alarms));
    pg->y += u;
    for (int i = 0; i < d->n_recognised; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->good,
                       sp_ui_list_strf(ui->l, _("Herkend · %s"), sp_text_get(&hb->redflags[d->recognised[i].flag].label, lang)));
    for (int i = 0; i < d->n_flags_missed; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                       sp_ui_list_strf(ui->l, _("Gemist · %s"), sp_text_get(&hb->redflags[d->flags_missed[i].flag].label, lang)));
    for (int i = 0; i < d->n_false_alarms; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->mixed,
                       sp_ui_list_strf(ui->l, _("Vals alarm · %s"), sp_text_get(&hb->redflags[d->false_alarms[i].flag].label, lang)));
    for (int i = 0; i < d->n_not_intended; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted,
                       sp_ui_list_strf(ui->l, "%s · %s", sp_ui_flag_verdict_name(SP_FLAG_NOT_INTENDED),
                                        sp_text_get(&hb->redflags[d->not_intended[i].flag].label, lang)));
    heading(ui, pg, _("Interventies"));
    if (!d->n_applied && !d->n_missed_interventions)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted, _("Geen interventies uit het handboek in dit gesprek."));
    for (int i = 0; i < d->n_applied; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->good,
                       sp_ui_list_strf(ui->l, _("Toegepast in beurt %d · %s"), d->applied[i].turn,
                                        sp_text_get(&hb->interventions[d->applied[i].intervention].label, lang)));
    for (int i = 0; i < d->n_missed_interventions; i++)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                       sp_ui_list_strf(ui->l, _("Niet ingezet · %s"),
                                        sp_text_get(&hb->interventions[d->missed_interventions[i]].label, lang)));
    heading(ui, pg, _("Gemiste kansen"));
    if (!d->left)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted, _("Geen: bij elke beslissing koos de groep een van de sterkste opties."));
    for (int i = 0; i < d->n_decisions; i++) {
        const sp_debrief_decision *ms = &d->decisions[i];
        if (ms->stronger < 0)
            continue;
        int k = -1;
        offered_index(a, ms->turn, ms->stronger, &k);
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                       k >= 0 ? sp_ui_list_strf(ui->l, ngettext("Beurt %d · %d punt laten liggen; %c was sterker",
                                                                 "Beurt %d · %d punten laten liggen; %c was sterker",
                                                                 (unsigned long)ms->left),
                                                 ms->turn, ms->left, sp_ui_group_letter(k))
                              : sp_ui_list_strf(ui->l, ngettext("Beurt %d · %d punt laten liggen",
                                                                 "Beurt %d · %d punten laten liggen",
                                                                 (unsigned long)ms->left),
                                                 ms->turn, ms->left));
    }
}

void sp_ui_group_debrief_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_debrief *d = a->debrief;
    sp_ui_group *g = a->group;
    if (!d || !a->sc || !g)
        return;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    const sp_scenario *sc = a->sc;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;

    int bottom = 0;
    if (!g->presenter) {
        const char *labels[3], *hints[3];
        sp_ui_btn_style styles[3];
        int actions[3], args[3] = { 0, 0, 0 }, n = 0;
        if (a->traj && a->case_index + 1 < SP_CASE_COUNT && a->cases[a->case_index + 1].sc) {
            labels[n] = _("Volgende casus"); hints[n] = "Enter"; styles[n] = SP_UI_BTN_PRIMARY;
            actions[n++] = SP_UI_ACT_NEXT_CASE;
        }
        labels[n] = _("Opnieuw spelen"); hints[n] = "R"; styles[n] = SP_UI_BTN_SECONDARY; actions[n++] = SP_UI_ACT_AGAIN;
        labels[n] = _("Naar het menu"); hints[n] = "Esc"; styles[n] = SP_UI_BTN_SECONDARY; actions[n++] = SP_UI_ACT_TO_MENU;
        bottom = sp_ui_chrome_bottombar(ui, view, n, labels, hints, styles, actions, args);
    }
    a->bottom_bar = bottom;
    int top = sp_ui_group_view_topbar(a, ui, view, _("Nabespreking"), sp_text_get(&sc->title, lang));
    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, bottom, m->measure_w * 3 / 2, 2 * u, &pg);
    if (d->ending_node >= 0) {
        const sp_node *e = &sc->nodes[d->ending_node];
        sp_ui_rgba kc = sp_ui_chrome_ending_color(th, e->ending_kind);
        sp_ui_ui_badge(ui, pg.x, pg.y, sp_ui_chrome_ending_word(e->ending_kind), kc, sp_ui_ui_on(kc),
                        sp_ui_rect_make(pg.x, pg.y, pg.w, 1 << 20));
        pg.y += m->line_h[SP_UI_FONT_SMALL] + u / 2 + u;
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_H1, th->text, sp_text_get(&e->ending_title, lang));
        pg.y += u;
    }
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text,
                   sp_ui_list_strf(ui->l, _("De groep haalde %d punten. Met de beste keuze bij elke beslissing onderweg waren het er %d geweest; het maximum in deze casus is %d."),
                                    d->total, d->total_max, d->total_max));
    heading(ui, &pg, _("Per leerdoel"));
    goals(a, ui, &pg, d);
    vote_history(a, ui, &pg);
    flag_lists(a, ui, &pg, d);
    pg.y += 3 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
}
