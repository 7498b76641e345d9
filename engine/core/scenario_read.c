/* scenario_read.c: the scenario loader's streaming pass: each element becomes model structs as it passes. */
#include "scenario_internal.h"
#include "alloc.h"
#include "cond.h"

#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Elements are consumed in document order through the validating reader.
 * The schema checks the shape as the stream goes, and its messages win over
 * these (scenario.c), so this code takes what it finds and skips what it
 * does not know. Node references may point forward: they are kept as fixups
 * for scenario_check.c. The per-node and per-option vectors in sload are
 * reused for every node and option.
 */

/* ---- moving through the stream --------------------------------------------------------- */

static int rd(sload *L)
{
    if (L->stop)
        return -1;
    int r = sp_xml_stream_next(L->xs);
    if (r < 0)
        L->stop = 1;
    return r;
}

static xmlNode *cur(sload *L)
{
    return xmlTextReaderCurrentNode(L->r);
}

static int is(sload *L, const char *name)
{
    const xmlChar *n = xmlTextReaderConstLocalName(L->r);
    return n && strcmp((const char *)n, name) == 0;
}

static long line_here(sload *L)
{
    return sp_xml_line(cur(L));
}

/* The depth of the current element when it has content to walk, else -1
 * (an empty element, <x/>, has no end tag in the stream). */
static int enter(sload *L)
{
    return xmlTextReaderIsEmptyElement(L->r) ? -1 : xmlTextReaderDepth(L->r);
}

static void skip(sload *L);

/* Moves to the next child element of the element entered at depth d:
 * 1 when there is one, 0 at its end tag (or when the stream stopped).
 * Every caller consumes the child it is given, up to its end tag. */
static int child(sload *L, int d)
{
    if (d < 0)
        return 0;
    while (rd(L) == 1) {
        int type = xmlTextReaderNodeType(L->r);
        int depth = xmlTextReaderDepth(L->r);
        if (type == XML_READER_TYPE_ELEMENT) {
            if (depth == d + 1)
                return 1;
            skip(L);
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth <= d) {
            return 0;
        }
    }
    return 0;
}

/* Passes over the current element and everything in it. */
static void skip(sload *L)
{
    int d = enter(L);
    if (d < 0)
        return;
    while (rd(L) == 1)
        if (xmlTextReaderNodeType(L->r) == XML_READER_TYPE_END_ELEMENT &&
            xmlTextReaderDepth(L->r) <= d)
            return;
}

/* ---- attributes and texts ---------------------------------------------------------------- */

static const char *attr(sload *L, const char *name)
{
    return sp_xml_attr(L->a, cur(L), name);
}

static const char *attr_copy(sload *L, const char *name)
{
    const char *v = attr(L, name);
    if (!v)
        return NULL;
    char *r = sp_arena_strdup(L->a, v);
    if (!r)
        sp_scenario_oom(L);
    return r;
}

/* The schema has checked every number is an xsd:int; this is the second
 * lock on the door. */
static int attr_int(sload *L, const char *name)
{
    const char *v = attr(L, name);
    if (!v)
        return 0;
    errno = 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (errno || end == v || *end || x < INT_MIN || x > INT_MAX) {
        sp_scenario_err(L, line_here(L), SP_N_("%s=\"%s\" is geen geheel getal"), name, v);
        return 0;
    }
    return (int)x;
}

/* The current element as prose (see sp_xml_text); moves past it. */
static void prose(sload *L, int required, sp_text *out)
{
    xmlNode *n = xmlTextReaderExpand(L->r);
    if (n && sp_xml_text(L->a, L->path, n, required, out, L->sem) == SP_ENOMEM)
        sp_scenario_oom(L);
    skip(L);
}

static int resolve_var(void *ctx, const char *name)
{
    sload *L = ctx;
    int v = sp_scenario_id_get(&L->vars, name);
    if (v < 0 && !L->unknown_var)
        L->unknown_var = sp_scenario_id_suggest(&L->vars, name);
    return v;
}

/* The if="..." of element n compiled; NULL (always true) when absent or
 * wrong. */
static const sp_cond *cond_of(sload *L, const xmlNode *n)
{
    const char *src = sp_xml_attr(L->a, n, "if");
    if (!src)
        return NULL;
    char why[256];
    L->unknown_var = NULL;
    const sp_cond *c = sp_cond_compile_lang(L->a, src, resolve_var, L, sp_diag_lang(L->sem), why, sizeof why);
    if (!c)
        sp_scenario_err_hint(L, sp_xml_line(n), L->unknown_var, SP_N_("voorwaarde '%s': %s"), src, why);
    return c;
}

static const sp_cond *cond_here(sload *L)
{
    return cond_of(L, cur(L));
}

static int is_para(const xmlNode *c)
{
    return c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "p") == 0;
}

/* The whole text of a conditional one: every paragraph joined by "\n"; a
 * language only when every paragraph has it (model.h). */
static void paras_whole(sload *L, sp_text *out)
{
    for (int lang = 0; lang < SP_LANG_COUNT; lang++) {
        size_t len = 1;
        int all = 1;
        for (int i = 0; i < out->n_paras; i++) {
            const char *p = out->paras[i].s[lang];
            all &= p != NULL;
            len += p ? strlen(p) + 1 : 0;
        }
        if (!all)
            continue;
        char *w = sp_arena_alloc(L->a, len);
        if (!w) {
            sp_scenario_oom(L);
            return;
        }
        out->s[lang] = w;
        for (int i = 0; i < out->n_paras; i++) {
            size_t n = strlen(out->paras[i].s[lang]);
            if (i)
                *w++ = '\n';
            memcpy(w, out->paras[i].s[lang], n);
            w += n;
        }
        *w = '\0';
    }
}

/* The current element as prose that may hold <p if="..."> paragraphs
 * instead of direct text (the schema allows one or the other); moves past
 * it. */
static void prose_p(sload *L, int required, sp_text *out)
{
    xmlNode *n = xmlTextReaderExpand(L->r);
    int np = 0;
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        np += is_para(c);
    if (np == 0) {
        prose(L, required, out);
        return;
    }
    memset(out, 0, sizeof *out);
    if (np > SP_MAX_PARAS) {
        sp_scenario_err(L, sp_xml_line(n), SP_N_("<%s> heeft %d alinea's; er mogen er hoogstens %d zijn"),
                        (const char *)n->name, np, SP_MAX_PARAS);
        skip(L);
        return;
    }
    sp_para *ps = sp_arena_alloc(L->a, sizeof *ps * (size_t)np);
    if (!ps) {
        sp_scenario_oom(L);
        skip(L);
        return;
    }
    int k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is_para(c))
            continue;
        sp_text t;
        if (sp_xml_text(L->a, L->path, c, 1, &t, L->sem) == SP_ENOMEM)
            sp_scenario_oom(L);
        memcpy(ps[k].s, t.s, sizeof t.s);
        if (!ps[k].s[SP_LANG_NL])
            ps[k].s[SP_LANG_NL] = "";
        ps[k].cond = cond_of(L, c);
        k++;
    }
    out->paras = ps;
    out->n_paras = np;
    paras_whole(L, out);
    skip(L);
}

static void fixup_here(sload *L, int node, int idx, int is_goto)
{
    fixup *f = sp_scenario_vec_push(L, &L->fixups);
    if (!f)
        return;
    f->node = node;
    f->idx = idx;
    f->is_goto = is_goto;
    f->line = line_here(L);
    /* The name is needed only until the references are resolved: it goes
     * to the loader's scratch, not to the model's arena. */
    const char *to = attr(L, "to");
    if (!to)
        return;
    if (!L->scratch && !(L->scratch = sp_arena_new())) {
        sp_scenario_oom(L);
        return;
    }
    if (!(f->name = sp_arena_strdup(L->scratch, to)))
        sp_scenario_oom(L);
}

/* ---- header: cast and variables ---------------------------------------------------------- */

static const struct { const char *code; sp_role role; } roles[] = {
    { "og", SP_ROLE_OG }, { "gog", SP_ROLE_GOG },
    { "businessmanager", SP_ROLE_BUSINESSMANAGER }, { "colleague", SP_ROLE_COLLEAGUE },
    { "self", SP_ROLE_SELF }, { "other", SP_ROLE_OTHER },
};

static void load_cast(sload *L)
{
    vec people = { .size = sizeof(sp_person) };
    int d = enter(L);
    while (child(L, d)) {
        if (!is(L, "person")) {
            skip(L);
            continue;
        }
        long line = line_here(L);
        sp_person p = { .id = attr_copy(L, "id"), .initials = attr_copy(L, "initials") };
        if (attr(L, "portrait"))
            p.portrait = attr_copy(L, "portrait");
        const char *role = attr(L, "role");
        p.role = SP_ROLE_OTHER;
        for (size_t k = 0; role && k < sizeof roles / sizeof roles[0]; k++)
            if (strcmp(role, roles[k].code) == 0)
                p.role = roles[k].role;
        const char *color = attr(L, "color");
        p.color = color && color[0] == '#' ? (uint32_t)strtoul(color + 1, NULL, 16) : 0x808080;
        int pd = enter(L);
        while (child(L, pd)) {
            if (is(L, "name"))
                prose(L, 1, &p.name);
            else if (is(L, "function"))
                prose(L, 1, &p.function);
            else
                skip(L);
        }
        if (!p.id)
            continue;
        const identry *dup = sp_scenario_id_put(L, &L->persons, p.id, people.n, line);
        if (dup) {
            sp_scenario_err(L, line, SP_N_("persoons-id '%s' komt twee keer voor (eerst op regel %ld)"), p.id, dup->line);
            continue;
        }
        sp_person *slot = sp_scenario_vec_push(L, &people);
        if (slot)
            *slot = p;
    }
    L->sc->cast = sp_scenario_vec_keep(L, &people);
    L->sc->n_cast = people.n;
    sp_free(people.p);
}

static void load_vars(sload *L)
{
    vec vars = { .size = sizeof(sp_var) };
    int d = enter(L);
    while (child(L, d)) {
        if (!is(L, "var")) {
            skip(L);
            continue;
        }
        long line = line_here(L);
        sp_var w = { .name = attr_copy(L, "name") };
        w.init = attr_int(L, "init");
        w.min = attr_int(L, "min");
        w.max = attr_int(L, "max");
        const char *carry = attr(L, "carry");
        w.carry = carry && strcmp(carry, "yes") == 0;
        skip(L);
        if (!w.name)
            continue;
        const identry *dup = sp_scenario_id_put(L, &L->vars, w.name, vars.n, line);
        if (dup) {
            sp_scenario_err(L, line, SP_N_("variabele '%s' komt twee keer voor (eerst op regel %ld)"), w.name, dup->line);
            continue;
        }
        if (w.min > w.max)
            sp_scenario_err(L, line, SP_N_("variabele '%s': min %d is groter dan max %d"), w.name,
                            w.min, w.max);
        else if (w.init < w.min || w.init > w.max)
            sp_scenario_err(L, line, SP_N_("variabele '%s': init %d ligt buiten %d..%d"), w.name,
                            w.init, w.min, w.max);
        sp_var *slot = sp_scenario_vec_push(L, &vars);
        if (slot)
            *slot = w;
    }
    L->sc->vars = sp_scenario_vec_keep(L, &vars);
    L->sc->n_vars = vars.n;
    sp_free(vars.p);
}

/* ---- nodes ----------------------------------------------------------------------------------- */

/* A set/add element into the vector v; moves past it. */
static void load_effect(sload *L, vec *v)
{
    sp_effect *e = sp_scenario_vec_push(L, v);
    if (!e)
        return;
    const char *var = attr(L, "var");
    e->var = sp_scenario_id_get(&L->vars, var);
    e->op = is(L, "set") ? SP_EFFECT_SET : SP_EFFECT_ADD;
    e->value = attr_int(L, "value");
    if (e->var < 0) {
        sp_scenario_err_hint(L, line_here(L), sp_scenario_id_suggest(&L->vars, var),
                             SP_N_("<%s> noemt een onbekende variabele '%s'"), is(L, "set") ? "set" : "add", var ? var : "");
        e->var = 0; /* keeps the index in range for a caller that ignores the status */
    }
    skip(L);
}

static void load_option(sload *L, int node, sp_option *o)
{
    o->line = (int)line_here(L);
    o->id = attr_copy(L, "id");
    o->thought = -1;
    o->ref = "";
    o->cond = cond_here(L);
    if (o->id) {
        const identry *dup = sp_scenario_id_put(L, &L->options, o->id, 0, o->line);
        if (dup)
            sp_scenario_err(L, o->line, SP_N_("optie-id '%s' komt twee keer voor (eerst op regel %ld)"), o->id,
                            dup->line);
    }
    fixup_here(L, node, L->options_v.n - 1, 0);
    L->o_app.n = L->o_scores.n = L->o_effects.n = 0;

    int d = enter(L);
    while (child(L, d)) {
        long line = line_here(L);
        if (is(L, "text")) {
            prose(L, 1, &o->text);
            continue;
        }
        if (is(L, "feedback")) {
            const char *ref = attr(L, "ref");
            if (ref)
                sp_scenario_feedback_ref(L, o, ref, line);
            prose_p(L, 1, &o->feedback);
            continue;
        }
        if (is(L, "set") || is(L, "add")) {
            load_effect(L, &L->o_effects);
            continue;
        }
        if (is(L, "applies")) {
            const char *ref = attr(L, "ref");
            int k = sp_handbook_intervention(L->hb, ref);
            int *slot = k >= 0 ? sp_scenario_vec_push(L, &L->o_app) : NULL;
            if (k < 0)
                sp_scenario_err_hint(L, line, sp_scenario_hb_suggest(L->hb, SP_REF_INTERVENTION, ref),
                                     SP_N_("onbekende interventie '%s'"), ref ? ref : "");
            else if (slot)
                *slot = k;
        } else if (is(L, "expresses")) {
            const char *th = attr(L, "thought");
            o->thought = sp_handbook_thought(L->hb, th);
            if (o->thought < 0)
                sp_scenario_err_hint(L, line, sp_scenario_hb_suggest(L->hb, SP_REF_THOUGHT, th), SP_N_("onbekende gedachte '%s'"),
                                     th ? th : "");
            const char *side = attr(L, "side");
            o->side = side && strcmp(side, "helpful") == 0 ? SP_SIDE_HELPFUL : SP_SIDE_HINDERING;
        } else if (is(L, "score")) {
            const char *goal = attr(L, "goal");
            int g = sp_handbook_goal(L->hb, goal);
            sp_score *slot = g >= 0 ? sp_scenario_vec_push(L, &L->o_scores) : NULL;
            if (g < 0)
                sp_scenario_err_hint(L, line, sp_scenario_hb_suggest(L->hb, SP_REF_GOAL, goal), SP_N_("onbekend leerdoel '%s'"),
                                     goal ? goal : "");
            else if (slot)
                *slot = (sp_score){ g, attr_int(L, "delta") };
        }
        skip(L);
    }
    o->interventions = sp_scenario_vec_keep(L, &L->o_app);
    o->n_interventions = L->o_app.n;
    o->scores = sp_scenario_vec_keep(L, &L->o_scores);
    o->n_scores = L->o_scores.n;
    o->effects = sp_scenario_vec_keep(L, &L->o_effects);
    o->n_effects = L->o_effects.n;
}

static void load_choices(sload *L, int node, sp_node *nd)
{
    int d = enter(L);
    while (child(L, d)) {
        if (is(L, "prompt")) {
            prose_p(L, 1, &nd->prompt);
        } else if (is(L, "discuss")) {
            prose_p(L, 1, &nd->discuss);
        } else if (is(L, "option")) {
            /* The option is built in place: nothing else is pushed to
             * options_v until it is done. */
            sp_option *o = sp_scenario_vec_push(L, &L->options_v);
            if (o)
                load_option(L, node, o);
            else
                skip(L);
        } else {
            skip(L);
        }
    }
}

static void load_ending(sload *L, sp_node *nd)
{
    long line = line_here(L);
    nd->ending_id = attr_copy(L, "id");
    const char *kind = attr(L, "kind");
    const char *stop = attr(L, "trajectory");
    nd->trajectory_stop = stop && strcmp(stop, "stop") == 0;
    nd->ending_kind = !kind || strcmp(kind, "poor") == 0 ? SP_ENDING_POOR
                      : strcmp(kind, "good") == 0       ? SP_ENDING_GOOD
                                                        : SP_ENDING_MIXED;
    if (nd->ending_id) {
        const identry *dup = sp_scenario_id_put(L, &L->endings, nd->ending_id, 0, line);
        if (dup)
            sp_scenario_err(L, line, SP_N_("einde-id '%s' komt twee keer voor (eerst op regel %ld)"),
                            nd->ending_id, dup->line);
    }
    int d = enter(L);
    while (child(L, d)) {
        if (is(L, "title"))
            prose(L, 1, &nd->ending_title);
        else if (is(L, "evaluation"))
            prose_p(L, 1, &nd->evaluation);
        else
            skip(L);
    }
}

static void load_node(sload *L)
{
    if (L->nodes_v.n >= SP_MAX_NODES) {
        L->extra_nodes++;
        skip(L);
        return;
    }
    int idx = L->nodes_v.n;
    sp_node nd = { .line = (int)line_here(L), .kind = SP_NODE_GOTO, .id = attr_copy(L, "id") };
    if (nd.id) {
        const identry *dup = sp_scenario_id_put(L, &L->nodes, nd.id, idx, nd.line);
        if (dup)
            sp_scenario_err(L, nd.line, SP_N_("knoop-id '%s' komt twee keer voor (eerst op regel %ld)"), nd.id, dup->line);
    }
    L->lines.n = L->flags.n = L->effects.n = L->gotos.n = L->options_v.n = 0;
    long last_goto_if = 0; /* line of the last goto when it has a condition */

    int d = enter(L);
    while (child(L, d)) {
        long line = line_here(L);
        if (is(L, "narration") || is(L, "say")) {
            sp_line *ln = sp_scenario_vec_push(L, &L->lines);
            if (!ln) {
                skip(L);
                continue;
            }
            ln->line = (int)line;
            ln->speaker = -1;
            if (is(L, "say")) {
                const char *who = attr(L, "who");
                ln->mood = sp_mood_parse(attr(L, "mood"));
                ln->speaker = sp_scenario_id_get(&L->persons, who);
                if (ln->speaker < 0)
                    sp_scenario_err_hint(L, line, sp_scenario_id_suggest(&L->persons, who),
                                         SP_N_("<say> noemt een onbekende persoon '%s'"), who ? who : "");
            }
            ln->cond = cond_here(L);
            prose_p(L, 1, &ln->text);
        } else if (is(L, "flag")) {
            sp_flag_here *f = sp_scenario_vec_push(L, &L->flags);
            if (!f) {
                skip(L);
                continue;
            }
            const char *ref = attr(L, "ref");
            f->flag = sp_handbook_redflag(L->hb, ref);
            if (f->flag < 0) {
                sp_scenario_err_hint(L, line, sp_scenario_hb_suggest(L->hb, SP_REF_REDFLAG, ref), SP_N_("onbekende rode vlag '%s'"),
                                     ref ? ref : "");
                f->flag = 0;
            }
            prose(L, 1, &f->why);
        } else if (is(L, "set") || is(L, "add")) {
            load_effect(L, &L->effects);
        } else if (is(L, "goto")) {
            sp_goto *g = sp_scenario_vec_push(L, &L->gotos);
            if (g) {
                g->target = -1;
                g->cond = cond_here(L);
                fixup_here(L, idx, L->gotos.n - 1, 1);
                last_goto_if = attr(L, "if") ? line : 0;
            }
            skip(L);
        } else if (is(L, "decision") || is(L, "thought")) {
            nd.kind = is(L, "decision") ? SP_NODE_DECISION : SP_NODE_THOUGHT;
            const char *room = attr(L, "room");
            nd.room = room && strcmp(room, "yes") == 0;
            load_choices(L, idx, &nd);
        } else if (is(L, "ending")) {
            nd.kind = SP_NODE_ENDING;
            load_ending(L, &nd);
        } else {
            skip(L);
        }
    }
    if (last_goto_if)
        sp_scenario_err(L, last_goto_if,
                        SP_N_("de laatste <goto> van knoop '%s' heeft een voorwaarde; die mag er geen hebben"),
                        nd.id ? nd.id : "");
    nd.lines = sp_scenario_vec_keep(L, &L->lines);
    nd.n_lines = L->lines.n;
    nd.flags = sp_scenario_vec_keep(L, &L->flags);
    nd.n_flags = L->flags.n;
    nd.effects = sp_scenario_vec_keep(L, &L->effects);
    nd.n_effects = L->effects.n;
    nd.gotos = sp_scenario_vec_keep(L, &L->gotos);
    nd.n_gotos = L->gotos.n;
    nd.options = sp_scenario_vec_keep(L, &L->options_v);
    nd.n_options = L->options_v.n;
    sp_node *slot = sp_scenario_vec_push(L, &L->nodes_v);
    if (slot)
        *slot = nd;
}

static void load_root(sload *L)
{
    sp_scenario *sc = L->sc;
    sc->id = attr_copy(L, "id");
    sc->version = attr_copy(L, "version");
    int ph = sp_phase_from_code(attr(L, "phase"));
    sc->phase = ph < 0 ? SP_PHASE_INTAKE : (sp_phase)ph;
    const char *start = attr_copy(L, "start");
    long root_line = line_here(L);

    int d = enter(L);
    while (child(L, d) && L->status == SP_OK) {
        if (is(L, "node")) {
            load_node(L);
        } else if (is(L, "title")) {
            prose(L, 1, &sc->title);
        } else if (is(L, "summary")) {
            prose(L, 1, &sc->summary);
        } else if (is(L, "briefing")) {
            int bd = enter(L);
            while (child(L, bd)) {
                sp_text *t = is(L, "you") ? &sc->briefing.you
                             : is(L, "meet") ? &sc->briefing.meet
                             : is(L, "situation") ? &sc->briefing.situation
                             : is(L, "aim") ? &sc->briefing.aim : NULL;
                if (t)
                    prose(L, 1, t);
                else
                    skip(L);
            }
        } else if (is(L, "cast")) {
            load_cast(L);
        } else if (is(L, "variables")) {
            load_vars(L);
        } else if (is(L, "reflection")) {
            prose_p(L, 1, &sc->reflection);
        } else if (is(L, "handout")) {
            prose_p(L, 1, &sc->handout);
        } else {
            skip(L);
        }
    }
    if (L->status != SP_OK || L->stop)
        return;
    if (L->extra_nodes) {
        /* Nothing else is worth saying about a file this size. */
        sp_diag_clear(L->sem);
        sp_scenario_err(L, 0, SP_N_("te veel knopen: %d (de grens is %d)"), SP_MAX_NODES + L->extra_nodes,
            SP_MAX_NODES);
        return;
    }
    sc->nodes = sp_scenario_vec_keep(L, &L->nodes_v);
    sc->n_nodes = L->nodes_v.n;
    sc->start = sp_scenario_id_get(&L->nodes, start);
    if (sc->start < 0)
        sp_scenario_err_hint(L, root_line, sp_scenario_id_suggest(&L->nodes, start),
                             SP_N_("startknoop '%s' bestaat niet"), start ? start : "");
}

void sp_scenario_read(sload *L)
{
    /* The root, then the whole document (trailing junk is an error too). */
    int r;
    while ((r = rd(L)) == 1 && xmlTextReaderNodeType(L->r) != XML_READER_TYPE_ELEMENT)
        ;
    if (r == 1 && is(L, "scenario") && L->status == SP_OK)
        load_root(L);
    while (rd(L) == 1)
        ;
}
