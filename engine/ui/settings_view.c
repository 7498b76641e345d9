/* settings_view.c: the settings card: text size, contrast, when feedback comes, language, fullscreen. */
#include "app.h"

#include <stdio.h>

#include "i18n.h"

/* One setting: a label and a row of segments, the current one selected. */
static void row(sp_ui_ui *ui, sp_ui_page *pg, const char *label, int which, int current, int n,
                const char *const *names)
{
    const char *hints[8] = { 0 };
    sp_ui_btn_style styles[8];
    int actions[8], args[8];
    for (int i = 0; i < n && i < 8; i++) {
        styles[i] = i == current ? SP_UI_BTN_SELECTED : SP_UI_BTN_SECONDARY;
        actions[i] = SP_UI_ACT_SET;
        args[i] = which * 16 + i;
    }
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, ui->th->text, label);
    pg->y += ui->m->unit;
    pg->y += sp_ui_ui_button_row(ui, pg->x, pg->y, pg->w, 0, n, names, hints, styles, actions, args);
    pg->y += 5 * ui->m->unit / 2;
}

void sp_ui_settings_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_ui_settings *s = &a->settings;
    int u = ui->m->unit;
    sp_ui_page pg;
    sp_ui_ui_card_begin(ui, &pg, view, ui->m->measure_w + 6 * u);
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, ui->th->text, _("Instellingen"));
    pg.y += 3 * u;

    const char *sizes[] = { "S", "M", "L", "XL" };
    row(ui, &pg, _("Tekstgrootte"), SP_UI_SET_SIZE, s->text_size, 4, sizes);
    const char *contrast[] = { _("Normaal"), _("Hoog contrast") };
    row(ui, &pg, _("Kleuren"), SP_UI_SET_CONTRAST, s->high_contrast, 2, contrast);
    const char *fb[] = { _("Direct na elke keuze"), _("Pas in de nabespreking") };
    row(ui, &pg, _("Terugkoppeling"), SP_UI_SET_FEEDBACK, s->feedback_end, 2, fb);
    const char *langs[] = { "Nederlands", "English" };
    row(ui, &pg, _("Taal"), SP_UI_SET_LANG, s->lang, 2, langs);
    const char *fs[] = { _("Venster"), _("Volledig scherm (F11)") };
    row(ui, &pg, _("Weergave"), SP_UI_SET_FULLSCREEN, s->fullscreen, 2, fs);

    /* Saved at once; where, the README says (no file path here). */
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_SMALL, ui->th->muted, _("Wijzigingen worden meteen bewaard."));
    pg.y += 2 * u;
    const char *close[] = { _("Sluiten") };
    const char *hint[] = { "Esc" };
    sp_ui_btn_style st[] = { SP_UI_BTN_PRIMARY };
    int act[] = { SP_UI_ACT_CLOSE }, arg[] = { 0 };
    pg.y += sp_ui_ui_button_row(ui, pg.x, pg.y, pg.w, 0, 1, close, hint, st, act, arg);
    sp_ui_ui_card_end(ui, &pg, view, &a->scroll[1]);
    a->page_step[1] = pg.region.h;
}
