/* i18n.h: the program's one translation mechanism, gettext: Dutch msgids, po/en.po for English, for the window, the terminal, the commands and the core. */
#ifndef SP_UI_I18N_H
#define SP_UI_I18N_H

#include <libintl.h>
#include "core/model.h"

#define _(s) gettext(s)
#define N_(s) (s)   /* marks a string for xgettext; translated where it is shown */

/* setlocale (C.UTF-8 when the environment names none, so no LANG is
 * needed), then binds the "samenspel" domain to locale/ beside the data
 * (source tree), share/locale beside share/samenspel (installed, moved or
 * not), else SP_LOCALEDIR; and sets the core's translation function
 * (core/translate.h), so the core's words come from the same catalogue.
 * Every front end calls it once at start-up (main.c does for all). */
void sp_ui_i18n_init(void);
/* Switches the interface language at run time. */
void sp_ui_i18n_set(sp_lang lang);

#endif
