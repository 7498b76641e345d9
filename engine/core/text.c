/* text.c: conditional texts (<p if="...">): which paragraphs hold in a variable state, and joining them. */
#include "model.h"
#include "alloc.h"
#include "cond.h"

#include <stdlib.h>
#include <string.h>

uint32_t sp_text_mask(const sp_text *t, const int *vars)
{
    if (!t || t->n_paras == 0)
        return 1;
    uint32_t m = 0;
    for (int i = 0; i < t->n_paras && i < SP_MAX_PARAS; i++)
        if (sp_cond_eval(t->paras[i].cond, vars))
            m |= (uint32_t)1 << i;
    return m;
}

static const char *para_get(const sp_para *p, sp_lang lang)
{
    if ((int)lang >= 0 && lang < SP_LANG_COUNT && p->s[lang] && p->s[lang][0])
        return p->s[lang];
    return p->s[SP_LANG_NL] ? p->s[SP_LANG_NL] : "";
}

char *sp_text_join(const sp_text *t, sp_lang lang, uint32_t mask)
{
    if (!t || t->n_paras == 0) {
        const char *s = sp_text_get(t, lang);
        size_t n = strlen(s) + 1;
        char *r = sp_malloc(n);
        if (r)
            memcpy(r, s, n);
        return r;
    }
    size_t len = 1;
    for (int i = 0; i < t->n_paras && i < SP_MAX_PARAS; i++)
        if (mask & ((uint32_t)1 << i))
            len += strlen(para_get(&t->paras[i], lang)) + 1;
    char *r = sp_malloc(len), *w = r;
    if (!r)
        return NULL;
    for (int i = 0; i < t->n_paras && i < SP_MAX_PARAS; i++) {
        if (!(mask & ((uint32_t)1 << i)))
            continue;
        const char *p = para_get(&t->paras[i], lang);
        if (w > r)
            *w++ = '\n';
        size_t n = strlen(p);
        memcpy(w, p, n);
        w += n;
    }
    *w = '\0';
    return r;
}
