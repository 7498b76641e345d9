/* i18n.c: gettext set-up and run-time language switching for the window. */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/paths.h"

#ifndef SP_LOCALEDIR
#define SP_LOCALEDIR "/usr/local/share/locale"
#endif

void sp_gui_i18n_init(void)
{
    const char *loc = setlocale(LC_ALL, "");
    /* glibc ignores LANGUAGE under the "C" locale, which is what a bare
     * environment (CI, a plain Xvfb session) gives; C.UTF-8 is always
     * there on glibc and lets LANGUAGE pick the catalogue. */
    if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
        setlocale(LC_ALL, "C.UTF-8");
    /* Numbers in the interface are formatted by us; keep C number parsing. */
    setlocale(LC_NUMERIC, "C");

    char dir[4096];
    struct stat st;
    /* The source tree's locale/, else the installed tree's share/locale
     * (beside share/samenspel), else the compiled-in directory. */
    snprintf(dir, sizeof dir, "%s/locale", sp_paths_data());
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        snprintf(dir, sizeof dir, "%s/../locale", sp_paths_data());
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        snprintf(dir, sizeof dir, "%s", SP_LOCALEDIR);
    bindtextdomain("samenspel", dir);
    bind_textdomain_codeset("samenspel", "UTF-8");
    textdomain("samenspel");
}

void sp_gui_i18n_set(sp_lang lang)
{
    /* The msgids are Dutch, so Dutch needs no catalogue: "nl" finds none
     * and gettext returns the msgid. */
    setenv("LANGUAGE", sp_lang_code(lang), 1);
    /* textdomain() bumps gettext's catalogue counter, dropping the cache
     * of translations looked up under the previous language. */
    textdomain("samenspel");
}
