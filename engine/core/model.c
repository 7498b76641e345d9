/* model.c: small helpers over the model: texts by language, language and phase codes, id lookups, the play's rules. */
#include "model_internal.h"
#include "cond.h"
#include "translate.h"

#include <string.h>

static const char *const lang_codes[SP_LANG_COUNT] = { "nl", "en" };
static const char *const phase_codes[SP_PHASE_COUNT] = { "intake", "uitvoering", "teruggeven" };

const char *sp_text_get(const sp_text *t, sp_lang lang)
{
    if (!t)
        return "";
    if ((int)lang >= 0 && lang < SP_LANG_COUNT && t->s[lang] && t->s[lang][0])
        return t->s[lang];
    return t->s[SP_LANG_NL] ? t->s[SP_LANG_NL] : "";
}

sp_lang sp_lang_from_code(const char *code)
{
    if (code) {
        /* "en", "en_GB.UTF-8", "en-US": the first two letters decide. */
        for (int i = 0; i < SP_LANG_COUNT; i++)
            if (strncmp(code, lang_codes[i], 2) == 0 &&
                (code[2] == '\0' || code[2] == '_' || code[2] == '-' || code[2] == '.'))
                return (sp_lang)i;
    }
    return SP_LANG_NL;
}

const char *sp_lang_code(sp_lang lang)
{
    if ((int)lang >= 0 && lang < SP_LANG_COUNT)
        return lang_codes[lang];
    return lang_codes[SP_LANG_NL];
}

const char *sp_phase_code(sp_phase p)
{
    if ((int)p >= 0 && p < SP_PHASE_COUNT)
        return phase_codes[p];
    return "";
}

int sp_phase_from_code(const char *code)
{
    if (code)
        for (int i = 0; i < SP_PHASE_COUNT; i++)
            if (strcmp(code, phase_codes[i]) == 0)
                return i;
    return -1;
}

/* ---- id lookups -------------------------------------------------------- */

/* The handbook holds a few dozen entries: a linear scan is enough there. */
#define FIND(owner, arr, n, field, key)                    \
    do {                                                   \
        if (!(owner) || !(key))                            \
            return -1;                                     \
        for (int i_ = 0; i_ < (n); i_++)                   \
            if (strcmp((arr)[i_].field, (key)) == 0)       \
                return i_;                                 \
        return -1;                                         \
    } while (0)

int sp_handbook_intervention(const sp_handbook *hb, const char *id)
{
    FIND(hb, hb->interventions, hb->n_interventions, id, id);
}

int sp_handbook_redflag(const sp_handbook *hb, const char *id)
{
    FIND(hb, hb->redflags, hb->n_redflags, id, id);
}

int sp_handbook_thought(const sp_handbook *hb, const char *id)
{
    FIND(hb, hb->thoughts, hb->n_thoughts, id, id);
}

int sp_handbook_goal(const sp_handbook *hb, const char *id)
{
    FIND(hb, hb->goals, hb->n_goals, id, id);
}

int sp_scenario_node(const sp_scenario *sc, const char *id)
{
    FIND(sc, sc->nodes, sc->n_nodes, id, id);
}

int sp_scenario_var(const sp_scenario *sc, const char *name)
{
    FIND(sc, sc->vars, sc->n_vars, name, name);
}

int sp_scenario_person(const sp_scenario *sc, const char *id)
{
    FIND(sc, sc->cast, sc->n_cast, id, id);
}

int sp_option_total(const sp_option *o)
{
    if (!o)
        return 0;
    int t = 0;
    for (int i = 0; i < o->n_scores; i++)
        t += o->scores[i].delta;
    return t;
}

/* ---- the rules a play follows (model_internal.h) ------------------------- */

void sp_effects_apply(const sp_scenario *sc, int *vars, const sp_effect *e, int n)
{
    for (int i = 0; i < n; i++) {
        const sp_var *v = &sc->vars[e[i].var];
        long value = e[i].op == SP_EFFECT_SET ? e[i].value : (long)vars[e[i].var] + e[i].value;
        if (value < v->min)
            value = v->min;
        if (value > v->max)
            value = v->max;
        vars[e[i].var] = (int)value;
    }
}

int sp_node_goto(const sp_node *n, const int *vars)
{
    for (int i = 0; i < n->n_gotos; i++)
        if (sp_cond_eval(n->gotos[i].cond, vars))
            return n->gotos[i].target;
    return n->gotos[n->n_gotos - 1].target;
}

int sp_option_goal(const sp_option *o, int goal)
{
    int d = 0;
    for (int i = 0; i < o->n_scores; i++)
        if (o->scores[i].goal == goal)
            d += o->scores[i].delta;
    return d;
}

static const char *const MOODS[SP_MOOD_COUNT] = { "neutral", "open", "guarded", "tired" };

sp_mood sp_mood_parse(const char *s)
{
    for (int m = 0; s && m < SP_MOOD_COUNT; m++)
        if (strcmp(s, MOODS[m]) == 0)
            return (sp_mood)m;
    return SP_MOOD_NEUTRAL;
}

const char *sp_mood_name(sp_mood m)
{
    return m >= 0 && m < SP_MOOD_COUNT ? MOODS[m] : MOODS[0];
}

const char *sp_mood_stage(sp_mood m, sp_lang lang)
{
    static const char *const stage[SP_MOOD_COUNT] = {
        "", SP_N_("ontspant zichtbaar"), SP_N_("afwerend"), SP_N_("zucht") };
    if (m <= SP_MOOD_NEUTRAL || m >= SP_MOOD_COUNT)
        return "";
    return sp_translate(lang, stage[m]);
}
