/* scenario.c: loads a scenario file into the model while streaming through it, then checks its meaning. */
#include "scenario.h"
#include "arena.h"
#include "cond.h"
#include "fs.h"
#include "xml.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The file is read once, front to back, through a validating xmlTextReader
 * (sp_xml_stream): each element is turned into model structs as it passes
 * and no tree of the whole file exists, so a large case costs about its own
 * size in memory. References to nodes may point forward, so they are kept
 * as fixups and resolved at the end, followed by the graph checks.
 *
 * Problems of meaning go to a private diag first. When the file turns out
 * not to match the schema, only the schema's messages are shown (meaning is
 * checked on valid files only); otherwise the meaning messages are handed
 * on, sorted by line.
 */

/* ---- growable arrays ----------------------------------------------------------
 *
 * Scratch for lists whose length is known only at their end tag; the
 * finished list is copied into the arena. The per-node and per-option
 * vectors are reused for every node and option.
 */

typedef struct vec {
    char *p;
    int n, cap;
    size_t size;
} vec;

/* ---- id tables -----------------------------------------------------------------
 *
 * Open addressing with linear probing; keys are borrowed arena strings. The
 * table doubles when half full, so a probe always ends at an empty slot.
 * A 20,000-node file must not cost 20,000 x 20,000 string compares.
 */

typedef struct identry {
    const char *key;
    int val;
    long line;
} identry;

typedef struct idtab {
    identry *e;
    unsigned mask, used;
} idtab;

typedef struct fixup {
    int node, idx;       /* option idx of node, or goto idx */
    int is_goto;
    long line;
    const char *name;    /* the node id named by to="" */
} fixup;

typedef struct sload {
    const char *path;
    sp_arena *a;
    sp_diag *sem;        /* problems of meaning, held back until the schema has spoken */
    sp_status status;    /* SP_OK or SP_ENOMEM; meaning problems are counted in sem */
    const sp_handbook *hb;
    sp_scenario *sc;
    sp_xml_stream *xs;
    xmlTextReaderPtr r;
    int stop;            /* the stream ended in an error */
    idtab nodes, vars, persons, options, endings;
    vec nodes_v, fixups;
    vec lines, flags, effects, gotos, options_v;   /* the current node's */
    vec o_app, o_scores, o_effects;               /* the current option's */
    int extra_nodes;     /* nodes past SP_MAX_NODES: counted, not loaded */
} sload;

static void oom(sload *L)
{
    L->status = SP_ENOMEM;
}

static void *vec_push(sload *L, vec *v)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        char *p = realloc(v->p, (size_t)cap * v->size);
        if (!p) {
            oom(L);
            return NULL;
        }
        v->p = p;
        v->cap = cap;
    }
    void *slot = v->p + (size_t)v->n++ * v->size;
    memset(slot, 0, v->size);
    return slot;
}

static void *vec_at(const vec *v, int i)
{
    return v->p + (size_t)i * v->size;
}

/* The finished list, copied into the arena (NULL when empty). */
static void *vec_keep(sload *L, const vec *v)
{
    if (v->n == 0)
        return NULL;
    void *p = sp_arena_alloc(L->a, (size_t)v->n * v->size);
    if (!p) {
        oom(L);
        return NULL;
    }
    memcpy(p, v->p, (size_t)v->n * v->size);
    return p;
}

static int idtab_grow(idtab *t)
{
    unsigned size = t->e ? (t->mask + 1) * 2 : 64;
    identry *e = calloc(size, sizeof *e);
    if (!e)
        return -1;
    for (unsigned i = 0; t->e && i <= t->mask; i++) {
        if (!t->e[i].key)
            continue;
        unsigned k = (unsigned)sp_fs_hash(t->e[i].key, strlen(t->e[i].key)) & (size - 1);
        while (e[k].key)
            k = (k + 1) & (size - 1);
        e[k] = t->e[i];
    }
    free(t->e);
    t->e = e;
    t->mask = size - 1;
    return 0;
}

static identry *idtab_find(const idtab *t, const char *key)
{
    if (!t->e || !key)
        return NULL;
    unsigned i = (unsigned)sp_fs_hash(key, strlen(key)) & t->mask;
    while (t->e[i].key) {
        if (strcmp(t->e[i].key, key) == 0)
            return &t->e[i];
        i = (i + 1) & t->mask;
    }
    return NULL;
}

static int idtab_get(const idtab *t, const char *key)
{
    identry *e = idtab_find(t, key);
    return e ? e->val : -1;
}

/* Inserts key; returns the entry already there (a duplicate) or NULL. */
static const identry *idtab_put(sload *L, idtab *t, const char *key, int val, long line)
{
    identry *old = idtab_find(t, key);
    if (old)
        return old;
    if ((!t->e || (t->used + 1) * 2 > t->mask + 1) && idtab_grow(t) != 0) {
        oom(L);
        return NULL;
    }
    unsigned i = (unsigned)sp_fs_hash(key, strlen(key)) & t->mask;
    while (t->e[i].key)
        i = (i + 1) & t->mask;
    t->e[i] = (identry){ key, val, line };
    t->used++;
    return NULL;
}

/* ---- messages ------------------------------------------------------------------------ */

static void err(sload *L, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(sload *L, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(L->sem, L->path, line, fmt, ap);
    va_end(ap);
}

typedef struct held {
    long line;
    int order;
    const char *text;   /* the message after "path:line: " */
} held;

static int held_cmp(const void *x, const void *y)
{
    const held *a = x, *b = y;
    if (a->line != b->line)
        return (a->line > b->line) - (a->line < b->line);
    return a->order - b->order;
}

/* Hands the held-back messages to d in line order. They were made here as
 * "path:line: text" or "path: text", so they split back cleanly. */
static void pass_on(sload *L, sp_diag *d)
{
    int n = sp_diag_count(L->sem);
    held *h = calloc((size_t)(n ? n : 1), sizeof *h);
    size_t plen = strlen(L->path);
    for (int i = 0; h && i < n; i++) {
        const char *m = sp_diag_message(L->sem, i) + plen + 1; /* past "path:" */
        h[i].order = i;
        if (*m >= '0' && *m <= '9') {
            char *end;
            h[i].line = strtol(m, &end, 10);
            m = end + 1;
        }
        h[i].text = m + 1; /* past the space */
    }
    if (h)
        qsort(h, (size_t)n, sizeof *h, held_cmp);
    for (int i = 0; i < n; i++)
        sp_diag_add(d, L->path, h ? h[i].line : 0, "%s",
                    h ? h[i].text : sp_diag_message(L->sem, i));
    if (sp_diag_dropped(L->sem))
        sp_diag_add(d, L->path, 0, "%d more problems not shown", sp_diag_dropped(L->sem));
    free(h);
}

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
        oom(L);
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
        err(L, line_here(L), "%s=\"%s\" is not a whole number", name, v);
        return 0;
    }
    return (int)x;
}

/* The current element as prose (see sp_xml_text); moves past it. */
static void prose(sload *L, int required, sp_text *out)
{
    xmlNode *n = xmlTextReaderExpand(L->r);
    if (n && sp_xml_text(L->a, L->path, n, required, out, L->sem) == SP_ENOMEM)
        oom(L);
    skip(L);
}

static int resolve_var(void *ctx, const char *name)
{
    return idtab_get(&((sload *)ctx)->vars, name);
}

/* The current element's if="..." compiled; NULL (always true) when absent
 * or wrong. */
static const sp_cond *cond_here(sload *L)
{
    const char *src = attr(L, "if");
    if (!src)
        return NULL;
    char why[256];
    const sp_cond *c = sp_cond_compile(L->a, src, resolve_var, L, why, sizeof why);
    if (!c)
        err(L, line_here(L), "condition '%s': %s", src, why);
    return c;
}

static void fixup_here(sload *L, int node, int idx, int is_goto)
{
    fixup *f = vec_push(L, &L->fixups);
    if (!f)
        return;
    f->node = node;
    f->idx = idx;
    f->is_goto = is_goto;
    f->line = line_here(L);
    f->name = attr_copy(L, "to");
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
        const identry *dup = idtab_put(L, &L->persons, p.id, people.n, line);
        if (dup) {
            err(L, line, "duplicate person id '%s' (first at line %ld)", p.id, dup->line);
            continue;
        }
        sp_person *slot = vec_push(L, &people);
        if (slot)
            *slot = p;
    }
    L->sc->cast = vec_keep(L, &people);
    L->sc->n_cast = people.n;
    free(people.p);
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
        const identry *dup = idtab_put(L, &L->vars, w.name, vars.n, line);
        if (dup) {
            err(L, line, "duplicate variable '%s' (first at line %ld)", w.name, dup->line);
            continue;
        }
        if (w.min > w.max)
            err(L, line, "variable '%s': min %d is greater than max %d", w.name, w.min, w.max);
        else if (w.init < w.min || w.init > w.max)
            err(L, line, "variable '%s': init %d lies outside %d..%d", w.name, w.init, w.min, w.max);
        sp_var *slot = vec_push(L, &vars);
        if (slot)
            *slot = w;
    }
    L->sc->vars = vec_keep(L, &vars);
    L->sc->n_vars = vars.n;
    free(vars.p);
}

/* ---- nodes ----------------------------------------------------------------------------------- */

/* A set/add element into the vector v; moves past it. */
static void load_effect(sload *L, vec *v)
{
    sp_effect *e = vec_push(L, v);
    if (!e)
        return;
    const char *var = attr(L, "var");
    e->var = idtab_get(&L->vars, var);
    e->op = is(L, "set") ? SP_EFFECT_SET : SP_EFFECT_ADD;
    e->value = attr_int(L, "value");
    if (e->var < 0) {
        err(L, line_here(L), "<%s> names unknown variable '%s'", is(L, "set") ? "set" : "add",
            var ? var : "");
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
        const identry *dup = idtab_put(L, &L->options, o->id, 0, o->line);
        if (dup)
            err(L, o->line, "duplicate option id '%s' (first at line %ld)", o->id, dup->line);
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
            const char *ref = attr_copy(L, "ref");
            if (ref)
                o->ref = ref;
            prose(L, 1, &o->feedback);
            continue;
        }
        if (is(L, "set") || is(L, "add")) {
            load_effect(L, &L->o_effects);
            continue;
        }
        if (is(L, "applies")) {
            const char *ref = attr(L, "ref");
            int k = sp_handbook_intervention(L->hb, ref);
            int *slot = k >= 0 ? vec_push(L, &L->o_app) : NULL;
            if (k < 0)
                err(L, line, "unknown intervention '%s'", ref ? ref : "");
            else if (slot)
                *slot = k;
        } else if (is(L, "expresses")) {
            const char *th = attr(L, "thought");
            o->thought = sp_handbook_thought(L->hb, th);
            if (o->thought < 0)
                err(L, line, "unknown thought '%s'", th ? th : "");
            const char *side = attr(L, "side");
            o->side = side && strcmp(side, "helpful") == 0 ? SP_SIDE_HELPFUL : SP_SIDE_HINDERING;
        } else if (is(L, "score")) {
            const char *goal = attr(L, "goal");
            int g = sp_handbook_goal(L->hb, goal);
            sp_score *slot = g >= 0 ? vec_push(L, &L->o_scores) : NULL;
            if (g < 0)
                err(L, line, "unknown learning goal '%s'", goal ? goal : "");
            else if (slot)
                *slot = (sp_score){ g, attr_int(L, "delta") };
        }
        skip(L);
    }
    o->interventions = vec_keep(L, &L->o_app);
    o->n_interventions = L->o_app.n;
    o->scores = vec_keep(L, &L->o_scores);
    o->n_scores = L->o_scores.n;
    o->effects = vec_keep(L, &L->o_effects);
    o->n_effects = L->o_effects.n;
}

static void load_choices(sload *L, int node, sp_node *nd)
{
    int d = enter(L);
    while (child(L, d)) {
        if (is(L, "prompt")) {
            prose(L, 1, &nd->prompt);
        } else if (is(L, "discuss")) {
            prose(L, 1, &nd->discuss);
        } else if (is(L, "option")) {
            /* The option is built in place: nothing else is pushed to
             * options_v until it is done. */
            sp_option *o = vec_push(L, &L->options_v);
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
    nd->ending_kind = !kind || strcmp(kind, "poor") == 0 ? SP_ENDING_POOR
                      : strcmp(kind, "good") == 0       ? SP_ENDING_GOOD
                                                        : SP_ENDING_MIXED;
    if (nd->ending_id) {
        const identry *dup = idtab_put(L, &L->endings, nd->ending_id, 0, line);
        if (dup)
            err(L, line, "duplicate ending id '%s' (first at line %ld)", nd->ending_id, dup->line);
    }
    int d = enter(L);
    while (child(L, d)) {
        if (is(L, "title"))
            prose(L, 1, &nd->ending_title);
        else if (is(L, "evaluation"))
            prose(L, 1, &nd->evaluation);
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
        const identry *dup = idtab_put(L, &L->nodes, nd.id, idx, nd.line);
        if (dup)
            err(L, nd.line, "duplicate node id '%s' (first at line %ld)", nd.id, dup->line);
    }
    L->lines.n = L->flags.n = L->effects.n = L->gotos.n = L->options_v.n = 0;
    long last_goto_if = 0; /* line of the last goto when it has a condition */

    int d = enter(L);
    while (child(L, d)) {
        long line = line_here(L);
        if (is(L, "narration") || is(L, "say")) {
            sp_line *ln = vec_push(L, &L->lines);
            if (!ln) {
                skip(L);
                continue;
            }
            ln->line = (int)line;
            ln->speaker = -1;
            if (is(L, "say")) {
                const char *who = attr(L, "who");
                ln->speaker = idtab_get(&L->persons, who);
                if (ln->speaker < 0)
                    err(L, line, "<say> names unknown person '%s'", who ? who : "");
            }
            ln->cond = cond_here(L);
            prose(L, 1, &ln->text);
        } else if (is(L, "flag")) {
            sp_flag_here *f = vec_push(L, &L->flags);
            if (!f) {
                skip(L);
                continue;
            }
            const char *ref = attr(L, "ref");
            f->flag = sp_handbook_redflag(L->hb, ref);
            if (f->flag < 0) {
                err(L, line, "unknown red flag '%s'", ref ? ref : "");
                f->flag = 0;
            }
            prose(L, 1, &f->why);
        } else if (is(L, "set") || is(L, "add")) {
            load_effect(L, &L->effects);
        } else if (is(L, "goto")) {
            sp_goto *g = vec_push(L, &L->gotos);
            if (g) {
                g->target = -1;
                g->cond = cond_here(L);
                fixup_here(L, idx, L->gotos.n - 1, 1);
                last_goto_if = attr(L, "if") ? line : 0;
            }
            skip(L);
        } else if (is(L, "decision") || is(L, "thought")) {
            nd.kind = is(L, "decision") ? SP_NODE_DECISION : SP_NODE_THOUGHT;
            load_choices(L, idx, &nd);
        } else if (is(L, "ending")) {
            nd.kind = SP_NODE_ENDING;
            load_ending(L, &nd);
        } else {
            skip(L);
        }
    }
    if (last_goto_if)
        err(L, last_goto_if, "the last <goto> of node '%s' has a condition; it must have none",
            nd.id ? nd.id : "");
    nd.lines = vec_keep(L, &L->lines);
    nd.n_lines = L->lines.n;
    nd.flags = vec_keep(L, &L->flags);
    nd.n_flags = L->flags.n;
    nd.effects = vec_keep(L, &L->effects);
    nd.n_effects = L->effects.n;
    nd.gotos = vec_keep(L, &L->gotos);
    nd.n_gotos = L->gotos.n;
    nd.options = vec_keep(L, &L->options_v);
    nd.n_options = L->options_v.n;
    sp_node *slot = vec_push(L, &L->nodes_v);
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
        } else {
            skip(L);
        }
    }
    if (L->status != SP_OK || L->stop)
        return;
    if (L->extra_nodes) {
        /* Nothing else is worth saying about a file this size. */
        sp_diag_clear(L->sem);
        err(L, 0, "too many nodes: %d (the limit is %d)", SP_MAX_NODES + L->extra_nodes,
            SP_MAX_NODES);
        return;
    }
    sc->nodes = vec_keep(L, &L->nodes_v);
    sc->n_nodes = L->nodes_v.n;
    sc->start = idtab_get(&L->nodes, start);
    if (sc->start < 0)
        err(L, root_line, "start node '%s' does not exist", start ? start : "");
}

/* ---- after the stream: references and the graph ------------------------------------------ */

static void resolve_fixups(sload *L)
{
    sp_node *nodes = (sp_node *)L->sc->nodes; /* ours until the load returns */
    for (int i = 0; i < L->fixups.n; i++) {
        const fixup *f = vec_at(&L->fixups, i);
        int t = idtab_get(&L->nodes, f->name);
        if (f->is_goto) {
            ((sp_goto *)nodes[f->node].gotos)[f->idx].target = t;
            if (t < 0)
                err(L, f->line, "goto points at unknown node '%s'", f->name ? f->name : "");
        } else {
            sp_option *o = &((sp_option *)nodes[f->node].options)[f->idx];
            o->target = t;
            if (t < 0)
                err(L, f->line, "option '%s' points at unknown node '%s'", o->id ? o->id : "",
                    f->name ? f->name : "");
        }
    }
}

static int n_edges(const sp_node *nd)
{
    return nd->kind == SP_NODE_GOTO ? nd->n_gotos
           : nd->kind == SP_NODE_ENDING ? 0 : nd->n_options;
}

static int edge(const sp_node *nd, int i)
{
    return nd->kind == SP_NODE_GOTO ? nd->gotos[i].target : nd->options[i].target;
}

static void check_reachable(sload *L, unsigned char *seen, int *queue)
{
    const sp_scenario *sc = L->sc;
    int head = 0, tail = 0;
    seen[sc->start] = 1;
    queue[tail++] = sc->start;
    while (head < tail) {
        const sp_node *nd = &sc->nodes[queue[head++]];
        for (int i = 0, n = n_edges(nd); i < n; i++) {
            int t = edge(nd, i);
            if (t >= 0 && !seen[t]) {
                seen[t] = 1;
                queue[tail++] = t;
            }
        }
    }
    /* A node whose id is taken twice has had its message: references
     * resolve to the first, so the second is unreachable by construction. */
    for (int i = 0; i < sc->n_nodes; i++)
        if (!seen[i] && idtab_get(&L->nodes, sc->nodes[i].id) == i)
            err(L, sc->nodes[i].line, "node '%s' cannot be reached from the start node '%s'",
                sc->nodes[i].id, sc->nodes[sc->start].id);
}

/* Names the cycle found when the edge from stack[top] leads back to node
 * `to`, which is on the stack: "a -> b -> c -> a", shortened when long. */
static void report_cycle(sload *L, const int *stack, int top, int to)
{
    const sp_scenario *sc = L->sc;
    int from = top;
    while (from > 0 && stack[from] != to)
        from--;
    char buf[600];
    size_t len = 0;
    int shown = 0, total = top - from + 1;
    for (int i = from; i <= top && len < sizeof buf; i++) {
        if (total > 8 && shown == 4) {
            len += (size_t)snprintf(buf + len, sizeof buf - len, " -> ...");
            i = top - 3; /* then the last three */
            shown++;
            continue;
        }
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", shown ? " -> " : "",
                                sc->nodes[stack[i]].id);
        shown++;
    }
    if (len < sizeof buf)
        snprintf(buf + len, sizeof buf - len, " -> %s", sc->nodes[to].id);
    err(L, sc->nodes[stack[top]].line, "cycle: %s (conversations must move forward)", buf);
}

/* Iterative depth-first search (a 20,000-node chain must not overflow the C
 * stack). color: 0 unvisited, 1 on the stack, 2 done. Each back edge is one
 * cycle; the first ten are named. */
static void check_cycles(sload *L, unsigned char *color, int *stack, int *next_edge)
{
    const sp_scenario *sc = L->sc;
    int reported = 0;
    for (int root = 0; root < sc->n_nodes; root++) {
        if (color[root])
            continue;
        int top = 0;
        stack[0] = root;
        next_edge[0] = 0;
        color[root] = 1;
        while (top >= 0) {
            const sp_node *nd = &sc->nodes[stack[top]];
            if (next_edge[top] < n_edges(nd)) {
                int t = edge(nd, next_edge[top]++);
                if (t < 0)
                    continue;
                if (color[t] == 1) {
                    if (reported++ < 10)
                        report_cycle(L, stack, top, t);
                } else if (color[t] == 0) {
                    color[t] = 1;
                    stack[++top] = t;
                    next_edge[top] = 0;
                }
            } else {
                color[stack[top]] = 2;
                top--;
            }
        }
    }
    if (reported > 10)
        err(L, 0, "%d more cycles", reported - 10);
}

static void check_graph(sload *L)
{
    size_t n = (size_t)L->sc->n_nodes;
    if (n == 0)
        return;
    unsigned char *mark = calloc(n, 1);
    int *stack = malloc(n * sizeof *stack);
    int *next_edge = malloc(n * sizeof *next_edge);
    if (mark && stack && next_edge) {
        if (L->sc->start >= 0)
            check_reachable(L, mark, stack);
        memset(mark, 0, n);
        check_cycles(L, mark, stack, next_edge);
    } else {
        oom(L);
    }
    free(mark);
    free(stack);
    free(next_edge);
}

/* ---- loading ------------------------------------------------------------------------------------ */

static void sload_free(sload *L)
{
    vec *vs[] = { &L->nodes_v, &L->fixups, &L->lines, &L->flags, &L->effects, &L->gotos,
                  &L->options_v, &L->o_app, &L->o_scores, &L->o_effects };
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
        free(vs[i]->p);
    idtab *ts[] = { &L->nodes, &L->vars, &L->persons, &L->options, &L->endings };
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        free(ts[i]->e);
    sp_xml_stream_close(L->xs);
    sp_diag_free(L->sem);
}

sp_status sp_scenario_load_mem(const char *path, const char *data, size_t len,
                               const char *schema_dir, const sp_handbook *hb,
                               sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    if (!hb) {
        sp_diag_add(d, path, 0, "no handbook to check the scenario against");
        return SP_EUSAGE;
    }
    sload L = {
        .path = path, .hb = hb,
        .nodes_v = { .size = sizeof(sp_node) }, .fixups = { .size = sizeof(fixup) },
        .lines = { .size = sizeof(sp_line) }, .flags = { .size = sizeof(sp_flag_here) },
        .effects = { .size = sizeof(sp_effect) }, .gotos = { .size = sizeof(sp_goto) },
        .options_v = { .size = sizeof(sp_option) }, .o_app = { .size = sizeof(int) },
        .o_scores = { .size = sizeof(sp_score) }, .o_effects = { .size = sizeof(sp_effect) },
    };
    sp_status s = sp_xml_stream_open(path, data, len, schema_dir, "scenario.rng", &L.xs, d);
    if (s != SP_OK)
        return s;
    L.r = sp_xml_stream_reader(L.xs);
    L.a = sp_arena_new();
    L.sem = sp_diag_new();
    L.sc = L.a ? sp_arena_alloc(L.a, sizeof *L.sc) : NULL;
    if (!L.sc || !L.sem) {
        sp_arena_free(L.a);
        sload_free(&L);
        sp_diag_add(d, path, 0, "out of memory");
        return SP_ENOMEM;
    }
    L.sc->arena = L.a;
    L.sc->handbook = hb;
    L.sc->hash = sp_fs_hash(data, len);
    L.sc->path = sp_arena_strdup(L.a, path);
    L.sc->start = -1;
    if (!L.sc->path)
        oom(&L);

    /* The root, then the whole document (trailing junk is an error too). */
    int r;
    while ((r = rd(&L)) == 1 && xmlTextReaderNodeType(L.r) != XML_READER_TYPE_ELEMENT)
        ;
    if (r == 1 && is(&L, "scenario") && L.status == SP_OK)
        load_root(&L);
    while (rd(&L) == 1)
        ;

    if (sp_xml_stream_errors(L.xs) > 0) {
        s = SP_EINVAL; /* the stream's messages are in d already */
    } else if (L.status != SP_OK) {
        s = L.status;
        sp_diag_add(d, path, 0, "out of memory");
    } else {
        if (!L.extra_nodes) {
            resolve_fixups(&L);
            check_graph(&L);
        }
        if (L.status != SP_OK) {
            s = L.status;
            sp_diag_add(d, path, 0, "out of memory");
        } else if (sp_diag_count(L.sem) > 0) {
            s = SP_EINVAL;
            pass_on(&L, d);
        }
    }
    sload_free(&L);
    if (s != SP_OK) {
        sp_arena_free(L.a);
        return s;
    }
    *out = L.sc;
    return SP_OK;
}

sp_status sp_scenario_load(const char *path, const char *schema_dir,
                           const sp_handbook *hb, sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    char *data;
    size_t len;
    sp_status s = sp_fs_read(path, SP_MAX_FILE_BYTES, &data, &len, d);
    if (s != SP_OK)
        return s;
    s = sp_scenario_load_mem(path, data, len, schema_dir, hb, out, d);
    free(data);
    return s;
}

void sp_scenario_free(sp_scenario *sc)
{
    /* The scenario struct itself lives in its arena. */
    if (sc)
        sp_arena_free(sc->arena);
}
