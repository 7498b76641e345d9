/* translate.h: the core's one door for user-visible words: Dutch msgids, translated by a function the host sets (gettext with po/ in the program). */
#ifndef SP_TRANSLATE_H
#define SP_TRANSLATE_H

#include "model.h"

/*
 * The core shows words of its own in exports, debrief figures, legends and
 * handbook references. It never translates them itself and never calls
 * gettext: every such word is a Dutch msgid, the convention of the po/
 * catalogue the whole program shares, and goes through sp_translate, which
 * asks the host's function.
 *
 *   fn(lang, ctx, msgid)   msgid in lang; ctx is NULL or a msgctxt for a
 *                          msgid that means something else elsewhere.
 *                          Returns msgid itself (or NULL) when there is no
 *                          translation.
 *
 * Without a function (a host that set none, sp_translate_set(NULL)), for
 * the empty string (gettext would answer with the catalogue's header), for
 * Dutch and for a lang outside sp_lang, the msgid is the answer. The function is process-wide, set once
 * at start-up before any output (the program does it as it parses --lang),
 * and must be safe to call from any thread that asks the core for words.
 * Text from cases and the handbook comes from the model, not from here.
 */
typedef const char *(*sp_translate_fn)(sp_lang lang, const char *ctx, const char *msgid);

void sp_translate_set(sp_translate_fn fn);

/* msgid in lang (never NULL for a non-NULL msgid). */
const char *sp_translate(sp_lang lang, const char *msgid) __attribute__((format_arg(2)));
/* The same with a msgctxt (xgettext: sp_translate_ctx:2c,3). */
const char *sp_translate_ctx(sp_lang lang, const char *ctx, const char *msgid) __attribute__((format_arg(3)));

/* Marks a msgid for xgettext where it is looked up later (in a table). */
#define SP_N_(s) (s)

#endif
