/* briefing.c: the role card before a conversation: who you are, whom you meet, the situation, the aim, the cast. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "group.h"
#include "group_phones.h"
#include "i18n.h"

/* "Je spreekt" as the case words it, and after it whoever of "Wie is wie"
 * it does not name (by surname, the name's last word), so the card never
 * leaves a person out. */
static const char *meet_all(sp_ui_list *l, const sp_scenario *sc, sp_lang lang)
{
    const char *meet = sp_text_get(&sc->briefing.meet, lang);
    char more[1024] = "";
    size_t len = 0;
    for (int i = 0; i < sc->n_cast; i++) {
        if (sc->cast[i].role == SP_ROLE_SELF)
            continue;
        const char *name = sp_text_get(&sc->cast[i].name, lang);
        const char *last = strrchr(name, ' ');
        last = last ? last + 1 : name;
        if (!*last || strstr(meet, last))
            continue;
        int n = snprintf(more + len, sizeof more - len, "%s%s", len ? ", " : "", name);
        if (n < 0 || (size_t)n >= sizeof more - len)
            break;
        len += (size_t)n;
    }
    return len ? sp_ui_list_strf(l, _("%s\nOok in dit gesprek: %s."), meet, more) : meet;
}

/* One cast member: portrait, name in bold, function below. */
static void cast_row(sp_ui_ui *ui, sp_ui_page *pg, const sp_person *p, sp_lang lang)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int d = m->portrait * 4 / 5;
    sp_ui_ui_person(ui, pg->x, pg->y, d, p, SP_MOOD_NEUTRAL);
    int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
    const char *name = sp_text_get(&p->name, lang);
    const char *fn = sp_text_get(&p->function, lang);
    int h = sp_ui_text_height(m, SP_UI_FONT_BOLD, name, tw) +
            (*fn ? sp_ui_text_height(m, SP_UI_FONT_SMALL, fn, tw) : 0);
    int ty = pg->y + (h < d ? (d - h) / 2 : 0);
    sp_ui_rect box = sp_ui_rect_make(tx, ty, tw, h);
    int used = sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, name, tx, ty, tw, box);
    if (*fn)
        sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, ui->th->muted, fn, tx, ty + used, tw, box);
    pg->y += (h > d ? h : d) + 3 * u / 2;
}

void sp_ui_briefing_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_scenario *sc = a->sc;
    if (!sc)
        return;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;

    const char *back[1] = { _("Terug naar het menu") };
    const char *back_hint[1] = { "Esc" };
    int back_act[1] = { SP_UI_ACT_TO_MENU };
    char sub[256];
    if (a->traj)
        snprintf(sub, sizeof sub, _("Traject, casus %d van %d"), a->case_index + 1, SP_CASE_COUNT);
    else
        snprintf(sub, sizeof sub, "%s", _("Rolkaart"));
    /* The bottom bar first: its button should be the first in the focus order. */
    const char *go[1] = { _("Begin het gesprek") };
    const char *go_hint[1] = { "Enter" };
    sp_ui_btn_style go_style[1] = { SP_UI_BTN_PRIMARY };
    int go_act[1] = { SP_UI_ACT_BEGIN }, go_arg[1] = { 0 };
    int bottom = sp_ui_chrome_bottombar(ui, view, 1, go, go_hint, go_style, go_act, go_arg);
    const char *title = sp_text_get(&sc->title, lang);
    if (!sp_ui_chrome_topbar_fits(ui, view, title, sub, 1, back))
        back[0] = _("Menu"); /* rather than cut the case's title short */
    int top = sp_ui_chrome_topbar(ui, view, title, sub, 1, back, back_hint, back_act);

    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, bottom, m->measure_w, 4 * u, &pg);
    sp_ui_phones_briefing(a, ui, &pg); /* group play: the room's phones */
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H1, th->text, _("Je rolkaart"));
    pg.y += 3 * u;
    if (a->group && !a->group->presenter) /* the trainer asks once, before the play (else the presenter does) */
        sp_ui_group_room_line(a, ui, &pg);
    sp_ui_ui_labelled(ui, &pg, _("Jij"), sp_text_get(&sc->briefing.you, lang));
    sp_ui_ui_labelled(ui, &pg, _("Je spreekt"), meet_all(ui->l, sc, lang));
    sp_ui_ui_labelled(ui, &pg, _("De situatie"), sp_text_get(&sc->briefing.situation, lang));
    sp_ui_ui_labelled(ui, &pg, _("Je doel"), sp_text_get(&sc->briefing.aim, lang));

    /* In a trajectory, what this case takes over from the previous one. */
    if (a->traj && a->s && a->case_index > 0) {
        const int *start = sp_session_start_vars(a->s);
        int any = 0;
        for (int i = 0; i < sc->n_vars; i++) {
            if (!sc->vars[i].carry)
                continue;
            if (!any) {
                sp_ui_ui_text(ui, &pg, SP_UI_FONT_BOLD, th->text, _("Meegenomen uit de vorige fase"));
                pg.y += u / 2;
                any = 1;
            }
            const char *label = sp_text_get(&sc->vars[i].label, lang);
            const char *line = sp_ui_list_strf(ui->l, "%s: %d", *label ? label : sc->vars[i].name, start[i]);
            sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text, line);
        }
        if (any)
            pg.y += 2 * u;
    }

    sp_ui_ui_text(ui, &pg, SP_UI_FONT_BOLD, th->text, _("Wie is wie"));
    pg.y += u;
    for (int i = 0; i < sc->n_cast; i++)
        cast_row(ui, &pg, &sc->cast[i], lang);
    pg.y += 2 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
}
