/* group_room.c: the room's size in group play: asked at the briefing (the settings' room_size the default), and the check that a vote's counts never add up to more people than are in the room. */
#include "group.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

static int clamp_room(int n)
{
    return n < SP_UI_ROOM_MIN ? SP_UI_ROOM_MIN : n > SP_UI_ROOM_MAX ? SP_UI_ROOM_MAX : n;
}

void sp_ui_group_set_room(sp_ui_app *a, int n)
{
    if (!a->group)
        return;
    a->group->room = clamp_room(n);
    sp_ui_app_setting(a, SP_UI_SET_ROOM, a->group->room);
}

int sp_ui_group_room_key(sp_ui_app *a, sp_ui_key key, int ch)
{
    sp_ui_group *g = a->group;
    int c = key == SP_UI_KEY_CHAR ? ch : 0;
    if (c >= '0' && c <= '9') {
        int n = g->room_typing ? g->room * 10 + (c - '0') : c - '0';
        if (n > SP_UI_ROOM_MAX)
            return 1;
        g->room = n; /* may be below the minimum while typing; Enter clamps */
        g->room_typing++;
    } else if (key == SP_UI_KEY_BACKSPACE) {
        g->room /= 10;
        g->room_typing = g->room > 0;
    } else if (key == SP_UI_KEY_ESC && (g->room_typing || g->room != clamp_room(a->settings.room_size))) {
        /* Esc takes back what was typed or rubbed out (the size kept before
         * stays), and no more: the next Esc leaves the role card. */
        g->room = clamp_room(a->settings.room_size);
        g->room_typing = 0;
    } else if (c == '+' || c == '-') {
        sp_ui_group_set_room(a, g->room + (c == '+' ? 1 : -1));
        g->room_typing = 0;
    } else {
        return 0;
    }
    return 1;
}

int sp_ui_group_room_fits(sp_ui_app *a, const int *counts, int n)
{
    sp_ui_group *g = a->group;
    long total = 0;
    for (int k = 0; k < n; k++)
        total += counts[k];
    if (g->room <= 0 || total <= g->room)
        return 1;
    sp_ui_group_status(g, _("Dat kan niet: dan zijn er %ld stemmen, en er zijn %d mensen in de zaal. Tel opnieuw (Backspace verbetert)."),
                        total, g->room);
    return 0;
}

void sp_ui_group_room_line(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    sp_ui_group *g = a->group;
    if (!g)
        return;
    const sp_ui_metrics *m = ui->m;
    int u = m->unit, bh = sp_ui_ui_button_h(ui);
    const char *line = sp_ui_list_strf(ui->l, _("Mensen in de zaal: %d"), g->room);
    int lw = m->measure(m->ctx, SP_UI_FONT_BOLD, line, (int)strlen(line));
    int bw = bh + u;
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, pg->x, pg->y + (bh - m->line_h[SP_UI_FONT_BOLD]) / 2,
                    line, -1, sp_ui_rect_make(pg->x, pg->y, lw, bh));
    int x = pg->x + lw + 2 * u;
    sp_ui_ui_button(ui, sp_ui_rect_make(x, pg->y, bw, bh), "−", NULL, SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_ROOM, -1, 1);
    sp_ui_ui_button(ui, sp_ui_rect_make(x + bw + u, pg->y, bw, bh), "+", NULL, SP_UI_BTN_SECONDARY,
                     SP_UI_ACT_GROUP_ROOM, 1, 1);
    pg->y += bh + u / 2;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, ui->th->muted,
                   _("Typ het aantal of gebruik + en −. De stemmen van een ronde tellen nooit op tot meer dan dit."));
    pg->y += 2 * u;
    if (g->one_screen && !g->presenter) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, ui->th->text, _("Eén scherm: geen presentatorvenster"));
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, ui->th->text,
                       _("Naast de muur zou het presentatorvenster via de beamer te zien zijn, met de scores. Wil je het? "
                         "Zet je scherm op uitbreiden in plaats van dupliceren en start opnieuw met --presenter. Nu "
                         "blijven de antwoorden verborgen: de muur toont feedback en scores pas als jij op R drukt."));
        pg->y += 2 * u;
    }
}
