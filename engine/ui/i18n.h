/* i18n.h: the interface's translations through gettext: Dutch msgids, po/en.po for English. */
#ifndef SP_GUI_I18N_H
#define SP_GUI_I18N_H

#include <libintl.h>
#include "core/model.h"

#define _(s) gettext(s)
#define N_(s) (s)   /* marks a string for xgettext; translated where it is shown */

/* setlocale, then binds the "samenspel" domain to ./locale beside the data
 * (source tree) or SP_LOCALEDIR (installed). Call once. */
void sp_gui_i18n_init(void);
/* Switches the interface language at run time. */
void sp_gui_i18n_set(sp_lang lang);

#endif
