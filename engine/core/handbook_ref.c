/* handbook_ref.c: references into the handbook (feedback/@ref): finding the element, and the one style hosts show it in. */
#include "model.h"

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

int sp_handbook_ref_format(const sp_handbook *hb, sp_ref_kind kind, int index, sp_lang lang,
                           char *buf, size_t len)
{
    int en = lang == SP_LANG_EN;
    const char *book = en ? "Handbook ch." : "Handboek H";
    const char *gap = en ? " " : "";
    switch (kind) {
    case SP_REF_THOUGHT:
        /* A thought pair has no label: its hindering thought names it. */
        return snprintf(buf, len, "%s%s1 · “%s”", book, gap,
                        sp_text_get(&hb->thoughts[index].hindering, lang));
    case SP_REF_REDFLAG:
        return snprintf(buf, len, "%s%s2 · %s", book, gap,
                        sp_text_get(&hb->redflags[index].label, lang));
    case SP_REF_INTERVENTION:
        return snprintf(buf, len, "%s%s3 · %s", book, gap,
                        sp_text_get(&hb->interventions[index].label, lang));
    case SP_REF_GOAL:
        return snprintf(buf, len, "%s · %s", en ? "Learning goal" : "Leerdoel",
                        sp_text_get(&hb->goals[index].label, lang));
    case SP_REF_NONE:
    case SP_REF_TEXT:
        break;
    }
    if (len)
        buf[0] = '\0';
    return -1;
}
