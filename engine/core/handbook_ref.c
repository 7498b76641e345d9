/* handbook_ref.c: references into the handbook (feedback/@ref): finding the element, and the one style hosts show it in. */
#include "model.h"
#include "translate.h"

#include <stdio.h>
#include <string.h>

sp_ref_kind sp_handbook_ref_find(const sp_handbook *hb, const char *id, int *index)
{
    int i;
    if (!hb || !id)
        return SP_REF_NONE;
    if ((i = sp_handbook_intervention(hb, id)) >= 0) {
        *index = i;
        return SP_REF_INTERVENTION;
    }
    if ((i = sp_handbook_redflag(hb, id)) >= 0) {
        *index = i;
        return SP_REF_REDFLAG;
    }
    if ((i = sp_handbook_thought(hb, id)) >= 0) {
        *index = i;
        return SP_REF_THOUGHT;
    }
    if ((i = sp_handbook_goal(hb, id)) >= 0) {
        *index = i;
        return SP_REF_GOAL;
    }
    return SP_REF_NONE;
}

/* "Handboek H2 · label": the chapter, then the element's text between open
 * and close. */
static int ref(char *buf, size_t len, sp_lang lang, int chapter, const char *open, const char *text,
               const char *close)
{
    char book[64];
    snprintf(book, sizeof book, sp_translate(lang, "Handboek H%d"), chapter);
    return snprintf(buf, len, "%s · %s%s%s", book, open, text, close);
}

int sp_handbook_ref_format(const sp_handbook *hb, sp_ref_kind kind, int index, sp_lang lang,
                           char *buf, size_t len)
{
    switch (kind) {
    case SP_REF_THOUGHT:
        /* A thought pair has no label: its hindering thought names it. */
        return ref(buf, len, lang, 1, "“", sp_text_get(&hb->thoughts[index].hindering, lang), "”");
    case SP_REF_REDFLAG:
        return ref(buf, len, lang, 2, "", sp_text_get(&hb->redflags[index].label, lang), "");
    case SP_REF_INTERVENTION:
        return ref(buf, len, lang, 3, "", sp_text_get(&hb->interventions[index].label, lang), "");
    case SP_REF_GOAL:
        return snprintf(buf, len, "%s · %s", sp_translate_ctx(lang, "handbook reference", "Leerdoel"),
                        sp_text_get(&hb->goals[index].label, lang));
    case SP_REF_NONE:
    case SP_REF_TEXT:
        break;
    }
    if (len)
        buf[0] = '\0';
    return -1;
}
