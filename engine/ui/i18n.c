/* i18n.c: the program's one translation mechanism: gettext set-up, run-time language switching, and the function the core translates its words with. */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/paths.h"
#include "core/translate.h"

#ifndef SP_LOCALEDIR
#define SP_LOCALEDIR "/usr/local/share/locale"
#endif

/* The language LANGUAGE now asks for; -1 before the first sp_ui_i18n_set. */
static int current = -1;

/* The core's translation function (core/translate.h): msgid in lang from
 * the catalogue, looked up with ctx as msgctxt when given (as pgettext
 * does). The language the window shows is put back afterwards. */
static const char *translate(sp_lang lang, const char *ctx, const char *msgid)
{
    if (lang == SP_LANG_NL)
        return msgid; /* the msgids are Dutch */
    int was = current;
    if (was != (int)lang)
        sp_ui_i18n_set(lang);
    const char *s = msgid;
    char key[1024];
    if (!ctx) {
        s = gettext(msgid);
    } else if ((size_t)snprintf(key, sizeof key, "%s\004%s", ctx, msgid) < sizeof key) {
        const char *t = gettext(key);
        s = t == key ? msgid : t;
    }
    if (was != (int)lang && was >= 0)
        sp_ui_i18n_set((sp_lang)was);
    return s;
}

void sp_ui_i18n_init(void)
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
    sp_translate_set(translate);
}

void sp_ui_i18n_set(sp_lang lang)
{
    /* The msgids are Dutch, so Dutch needs no catalogue: "nl" finds none
     * and gettext returns the msgid. */
    setenv("LANGUAGE", sp_lang_code(lang), 1);
    current = (int)lang;
    /* textdomain() bumps gettext's catalogue counter, dropping the cache
     * of translations looked up under the previous language. */
    textdomain("samenspel");
}
