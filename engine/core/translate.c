/* translate.c: the core's words through the host's translation function (translate.h). */
#include "translate.h"

#include <stddef.h>

static sp_translate_fn host;

void sp_translate_set(sp_translate_fn fn)
{
    host = fn;
}

const char *sp_translate_ctx(sp_lang lang, const char *ctx, const char *msgid)
{
    if (!msgid || !*msgid || !host || (int)lang <= SP_LANG_NL || lang >= SP_LANG_COUNT)
        return msgid;
    const char *s = host(lang, ctx, msgid);
    return s ? s : msgid;
}

const char *sp_translate(sp_lang lang, const char *msgid)
{
    return sp_translate_ctx(lang, NULL, msgid);
}
