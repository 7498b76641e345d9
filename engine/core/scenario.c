/* scenario.c: loads a scenario file into the model and checks its meaning against itself and the handbook. */
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

/* ---- id tables ---------------------------------------------------------------
 *
 * Open addressing with linear probing, keys borrowed (arena strings), size a
 * power of two at least twice the number of keys, so a probe sequence always
 * ends at an empty slot. Used while loading only: a 20,000-node file must not
 * cost 20,000 x 20,000 string compares.
 */

typedef struct idtab {
    const char **keys;
    int *vals;
    unsigned mask;
} idtab;

static int idtab_init(sp_arena *a, idtab *t, int n)
{
    unsigned size = 16;
    while (size < (unsigned)n * 2u)
        size <<= 1;
    t->keys = sp_arena_alloc(a, size * sizeof *t->keys);
    t->vals = sp_arena_alloc(a, size * sizeof *t->vals);
    t->mask = size - 1;
    return t->keys && t->vals ? 0 : -1;
}

static unsigned idtab_slot(const idtab *t, const char *key)
{
    unsigned h = (unsigned)sp_fs_hash(key, strlen(key));
    unsigned i = h & t->mask;
    while (t->keys[i] && strcmp(t->keys[i], key) != 0)
        i = (i + 1) & t->mask;
    return i;
}

/* Inserts key -> val; returns the value already there, or -1 when new. */
static int idtab_put(idtab *t, const char *key, int val)
{
    unsigned i = idtab_slot(t, key);
    if (t->keys[i])
        return t->vals[i];
    t->keys[i] = key;
    t->vals[i] = val;
    return -1;
}

static int idtab_get(const idtab *t, const char *key)
{
    if (!key || !t->keys)
        return -1;
    unsigned i = idtab_slot(t, key);
    return t->keys[i] ? t->vals[i] : -1;
}

/* ---- the loader's state -------------------------------------------------------- */

typedef struct sload {
    const char *path;
    sp_arena *a;
    sp_diag *d;
    sp_status status;
    const sp_handbook *hb;
    sp_scenario *sc;
    idtab nodes, vars, persons, options, endings;
    long *node_line;     /* per node: its source line */
    long *option_line;   /* per option (in id order of insertion): for duplicate messages */
    int n_options_seen;
    long *person_line, *var_line;
} sload;

static void fail(sload *L, sp_status s)
{
    if (L->status == SP_OK || s == SP_ENOMEM)
        L->status = s;
}

static void err(sload *L, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(sload *L, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(L->d, L->path, line, fmt, ap);
    va_end(ap);
    fail(L, SP_EINVAL);
}

static void *alloc_n(sload *L, int n, size_t size)
{
    if (n <= 0)
        return NULL;
    void *p = sp_arena_alloc(L->a, (size_t)n * size);
    if (!p)
        fail(L, SP_ENOMEM);
    return p;
}

static const xmlNode *first_el(const xmlNode *n)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static const xmlNode *next_el(const xmlNode *n)
{
    for (const xmlNode *c = n->next; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static int is(const xmlNode *n, const char *name)
{
    return n && strcmp((const char *)n->name, name) == 0;
}

static const char *attr(sload *L, const xmlNode *n, const char *name)
{
    return sp_xml_attr(L->a, n, name);
}

static const char *attr_copy(sload *L, const xmlNode *n, const char *name)
{
    const char *v = attr(L, n, name);
    if (!v)
        return NULL;
    char *r = sp_arena_strdup(L->a, v);
    if (!r)
        fail(L, SP_ENOMEM);
    return r;
}

/* The schema has checked every number is an xsd:int; this is the second
 * lock on the door. */
static int attr_int(sload *L, const xmlNode *n, const char *name)
{
    const char *v = attr(L, n, name);
    if (!v)
        return 0;
    errno = 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (errno || end == v || *end || x < INT_MIN || x > INT_MAX) {
        err(L, sp_xml_line(n), "%s=\"%s\" is not a whole number", name, v);
        return 0;
    }
    return (int)x;
}

static void text(sload *L, const xmlNode *el, int required, sp_text *out)
{
    sp_status s = sp_xml_text(L->a, L->path, el, required, out, L->d);
    if (s != SP_OK)
        fail(L, s);
}

static void text_child(sload *L, const xmlNode *n, const char *name, sp_text *out)
{
    for (const xmlNode *c = first_el(n); c; c = next_el(c))
        if (is(c, name)) {
            text(L, c, 1, out);
            return;
        }
}

static int resolve_var(void *ctx, const char *name)
{
    return idtab_get(&((sload *)ctx)->vars, name);
}

/* An optional if="..." attribute; NULL (always true) when absent or wrong. */
static const sp_cond *cond_of(sload *L, const xmlNode *n)
{
    const char *src = attr(L, n, "if");
    if (!src)
        return NULL;
    char why[256];
    const sp_cond *c = sp_cond_compile(L->a, src, resolve_var, L, why, sizeof why);
    if (!c)
        err(L, sp_xml_line(n), "condition '%s': %s", src, why);
    return c;
}

static int node_ref(sload *L, const xmlNode *n, const char *what)
{
    const char *to = attr(L, n, "to");
    int t = idtab_get(&L->nodes, to);
    if (t < 0)
        err(L, sp_xml_line(n), "%s points at unknown node '%s'", what, to ? to : "");
    return t;
}

/* ---- header: cast and variables ----------------------------------------------- */

static const struct { const char *code; sp_role role; } roles[] = {
    { "og", SP_ROLE_OG }, { "gog", SP_ROLE_GOG },
    { "businessmanager", SP_ROLE_BUSINESSMANAGER }, { "colleague", SP_ROLE_COLLEAGUE },
    { "self", SP_ROLE_SELF }, { "other", SP_ROLE_OTHER },
};

static void load_cast(sload *L, const xmlNode *cast)
{
    int n = 0;
    for (const xmlNode *c = first_el(cast); c; c = next_el(c))
        n++;
    sp_person *p = alloc_n(L, n, sizeof *p);
    L->person_line = alloc_n(L, n, sizeof *L->person_line);
    if (!p || !L->person_line || idtab_init(L->a, &L->persons, n) != 0) {
        fail(L, SP_ENOMEM);
        return;
    }
    int i = 0;
    for (const xmlNode *c = first_el(cast); c; c = next_el(c)) {
        long line = sp_xml_line(c);
        sp_person *q = &p[i];
        q->id = attr_copy(L, c, "id");
        if (!q->id)
            continue;
        int prev = idtab_put(&L->persons, q->id, i);
        if (prev >= 0) {
            err(L, line, "duplicate person id '%s' (first at line %ld)", q->id, L->person_line[prev]);
            continue;
        }
        L->person_line[i] = line;
        const char *role = attr(L, c, "role");
        q->role = SP_ROLE_OTHER;
        for (size_t k = 0; role && k < sizeof roles / sizeof roles[0]; k++)
            if (strcmp(role, roles[k].code) == 0)
                q->role = roles[k].role;
        q->initials = attr_copy(L, c, "initials");
        const char *color = attr(L, c, "color");
        q->color = color && color[0] == '#' ? (uint32_t)strtoul(color + 1, NULL, 16) : 0x808080;
        text_child(L, c, "name", &q->name);
        text_child(L, c, "function", &q->function);
        i++;
    }
    L->sc->cast = p;
    L->sc->n_cast = i;
}

static void load_vars(sload *L, const xmlNode *vars)
{
    int n = 0;
    for (const xmlNode *c = first_el(vars); c; c = next_el(c))
        n++;
    sp_var *v = alloc_n(L, n, sizeof *v);
    L->var_line = alloc_n(L, n, sizeof *L->var_line);
    if (!v || !L->var_line) {
        fail(L, SP_ENOMEM);
        return;
    }
    int i = 0;
    for (const xmlNode *c = first_el(vars); c; c = next_el(c)) {
        long line = sp_xml_line(c);
        sp_var *w = &v[i];
        w->name = attr_copy(L, c, "name");
        if (!w->name)
            continue;
        int prev = idtab_put(&L->vars, w->name, i);
        if (prev >= 0) {
            err(L, line, "duplicate variable '%s' (first at line %ld)", w->name, L->var_line[prev]);
            continue;
        }
        L->var_line[i] = line;
        w->init = attr_int(L, c, "init");
        w->min = attr_int(L, c, "min");
        w->max = attr_int(L, c, "max");
        const char *carry = attr(L, c, "carry");
        w->carry = carry && strcmp(carry, "yes") == 0;
        if (w->min > w->max)
            err(L, line, "variable '%s': min %d is greater than max %d", w->name, w->min, w->max);
        else if (w->init < w->min || w->init > w->max)
            err(L, line, "variable '%s': init %d lies outside %d..%d",
                w->name, w->init, w->min, w->max);
        i++;
    }
    L->sc->vars = v;
    L->sc->n_vars = i;
}

/* ---- nodes ------------------------------------------------------------------------ */

static void load_effect(sload *L, const xmlNode *c, sp_effect *e)
{
    const char *var = attr(L, c, "var");
    e->var = idtab_get(&L->vars, var);
    e->op = is(c, "set") ? SP_EFFECT_SET : SP_EFFECT_ADD;
    e->value = attr_int(L, c, "value");
    if (e->var < 0) {
        err(L, sp_xml_line(c), "<%s> names unknown variable '%s'", (const char *)c->name,
            var ? var : "");
        e->var = 0; /* keeps the index in range for a caller that ignores the status */
    }
}

static void load_option(sload *L, const xmlNode *el, sp_option *o)
{
    o->line = (int)sp_xml_line(el);
    o->id = attr_copy(L, el, "id");
    o->thought = -1;
    o->ref = "";
    if (o->id) {
        int prev = idtab_put(&L->options, o->id, L->n_options_seen);
        if (prev >= 0)
            err(L, o->line, "duplicate option id '%s' (first at line %ld)", o->id,
                L->option_line[prev]);
        else
            L->option_line[L->n_options_seen++] = o->line;
    }
    char what[128];
    snprintf(what, sizeof what, "option '%s'", o->id ? o->id : "");
    o->target = node_ref(L, el, what);
    o->cond = cond_of(L, el);

    int n_app = 0, n_score = 0, n_eff = 0;
    for (const xmlNode *c = first_el(el); c; c = next_el(c)) {
        if (is(c, "applies"))
            n_app++;
        else if (is(c, "score"))
            n_score++;
        else if (is(c, "set") || is(c, "add"))
            n_eff++;
    }
    int *app = alloc_n(L, n_app, sizeof *app);
    sp_score *sc = alloc_n(L, n_score, sizeof *sc);
    sp_effect *eff = alloc_n(L, n_eff, sizeof *eff);
    if ((n_app && !app) || (n_score && !sc) || (n_eff && !eff))
        return;
    for (const xmlNode *c = first_el(el); c; c = next_el(c)) {
        long line = sp_xml_line(c);
        if (is(c, "text")) {
            text(L, c, 1, &o->text);
        } else if (is(c, "applies")) {
            const char *ref = attr(L, c, "ref");
            int k = sp_handbook_intervention(L->hb, ref);
            if (k < 0)
                err(L, line, "unknown intervention '%s'", ref ? ref : "");
            else
                app[o->n_interventions++] = k;
        } else if (is(c, "expresses")) {
            const char *th = attr(L, c, "thought");
            o->thought = sp_handbook_thought(L->hb, th);
            if (o->thought < 0)
                err(L, line, "unknown thought '%s'", th ? th : "");
            const char *side = attr(L, c, "side");
            o->side = side && strcmp(side, "helpful") == 0 ? SP_SIDE_HELPFUL : SP_SIDE_HINDERING;
        } else if (is(c, "score")) {
            const char *goal = attr(L, c, "goal");
            int g = sp_handbook_goal(L->hb, goal);
            if (g < 0)
                err(L, line, "unknown learning goal '%s'", goal ? goal : "");
            else
                sc[o->n_scores++] = (sp_score){ g, attr_int(L, c, "delta") };
        } else if (is(c, "set") || is(c, "add")) {
            load_effect(L, c, &eff[o->n_effects++]);
        } else if (is(c, "feedback")) {
            text(L, c, 1, &o->feedback);
            const char *ref = attr_copy(L, c, "ref");
            if (ref)
                o->ref = ref;
        }
    }
    o->interventions = app;
    o->scores = sc;
    o->effects = eff;
}

static void load_choices(sload *L, const xmlNode *el, sp_node *nd)
{
    int n = 0;
    for (const xmlNode *c = first_el(el); c; c = next_el(c))
        n += is(c, "option");
    sp_option *opts = alloc_n(L, n, sizeof *opts);
    if (!opts)
        return;
    for (const xmlNode *c = first_el(el); c; c = next_el(c)) {
        if (is(c, "prompt"))
            text(L, c, 1, &nd->prompt);
        else if (is(c, "discuss"))
            text(L, c, 1, &nd->discuss);
        else if (is(c, "option"))
            load_option(L, c, &opts[nd->n_options++]);
    }
    nd->options = opts;
}

static void load_ending(sload *L, const xmlNode *el, sp_node *nd)
{
    nd->ending_id = attr_copy(L, el, "id");
    const char *kind = attr(L, el, "kind");
    nd->ending_kind = !kind || strcmp(kind, "poor") == 0 ? SP_ENDING_POOR
                      : strcmp(kind, "good") == 0       ? SP_ENDING_GOOD
                                                        : SP_ENDING_MIXED;
    if (nd->ending_id) {
        int prev = idtab_put(&L->endings, nd->ending_id, (int)(nd - L->sc->nodes));
        if (prev >= 0)
            err(L, sp_xml_line(el), "duplicate ending id '%s' (first at line %ld)",
                nd->ending_id, L->node_line[prev]);
    }
    text_child(L, el, "title", &nd->ending_title);
    text_child(L, el, "evaluation", &nd->evaluation);
}

static void load_node(sload *L, const xmlNode *el, sp_node *nd)
{
    int n_lines = 0, n_flags = 0, n_eff = 0, n_gotos = 0;
    for (const xmlNode *c = first_el(el); c; c = next_el(c)) {
        if (is(c, "narration") || is(c, "say"))
            n_lines++;
        else if (is(c, "flag"))
            n_flags++;
        else if (is(c, "set") || is(c, "add"))
            n_eff++;
        else if (is(c, "goto"))
            n_gotos++;
    }
    sp_line *lines = alloc_n(L, n_lines, sizeof *lines);
    sp_flag_here *flags = alloc_n(L, n_flags, sizeof *flags);
    sp_effect *eff = alloc_n(L, n_eff, sizeof *eff);
    sp_goto *gotos = alloc_n(L, n_gotos, sizeof *gotos);
    if ((n_lines && !lines) || (n_flags && !flags) || (n_eff && !eff) || (n_gotos && !gotos))
        return;
    nd->kind = SP_NODE_GOTO;
    const xmlNode *last_goto = NULL;
    for (const xmlNode *c = first_el(el); c; c = next_el(c)) {
        long line = sp_xml_line(c);
        if (is(c, "narration") || is(c, "say")) {
            sp_line *ln = &lines[nd->n_lines++];
            ln->line = (int)line;
            ln->speaker = -1;
            if (is(c, "say")) {
                const char *who = attr(L, c, "who");
                ln->speaker = idtab_get(&L->persons, who);
                if (ln->speaker < 0)
                    err(L, line, "<say> names unknown person '%s'", who ? who : "");
            }
            ln->cond = cond_of(L, c);
            text(L, c, 1, &ln->text);
        } else if (is(c, "flag")) {
            sp_flag_here *f = &flags[nd->n_flags++];
            const char *ref = attr(L, c, "ref");
            f->flag = sp_handbook_redflag(L->hb, ref);
            if (f->flag < 0) {
                err(L, line, "unknown red flag '%s'", ref ? ref : "");
                f->flag = 0;
            }
            text(L, c, 1, &f->why);
        } else if (is(c, "set") || is(c, "add")) {
            load_effect(L, c, &eff[nd->n_effects++]);
        } else if (is(c, "goto")) {
            sp_goto *g = &gotos[nd->n_gotos++];
            g->target = node_ref(L, c, "goto");
            g->cond = cond_of(L, c);
            last_goto = c;
        } else if (is(c, "decision") || is(c, "thought")) {
            nd->kind = is(c, "decision") ? SP_NODE_DECISION : SP_NODE_THOUGHT;
            load_choices(L, c, nd);
        } else if (is(c, "ending")) {
            nd->kind = SP_NODE_ENDING;
            load_ending(L, c, nd);
        }
    }
    if (last_goto && attr(L, last_goto, "if"))
        err(L, sp_xml_line(last_goto),
            "the last <goto> of node '%s' has a condition; it must have none", nd->id);
    nd->lines = lines;
    nd->flags = flags;
    nd->effects = eff;
    nd->gotos = gotos;
}

/* ---- graph checks --------------------------------------------------------------------- */

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
            err(L, L->node_line[i], "node '%s' cannot be reached from the start node '%s'",
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
    err(L, L->node_line[stack[top]], "cycle: %s (conversations must move forward)", buf);
}

/* Iterative depth-first search (a 20,000-node chain must not overflow the C
 * stack). color: 0 unvisited, 1 on the stack, 2 done. Each back edge is one
 * cycle report. */
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
                    else
                        fail(L, SP_EINVAL);
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
}

static void check_graph(sload *L)
{
    int n = L->sc->n_nodes;
    unsigned char *mark = alloc_n(L, n, 1);
    int *stack = alloc_n(L, n, sizeof *stack);
    int *next_edge = alloc_n(L, n, sizeof *next_edge);
    if (!mark || !stack || !next_edge)
        return;
    if (L->sc->start >= 0)
        check_reachable(L, mark, stack);
    memset(mark, 0, (size_t)n);
    check_cycles(L, mark, stack, next_edge);
}

/* ---- loading ---------------------------------------------------------------------------- */

static void load_root(sload *L, const xmlNode *root)
{
    sp_scenario *sc = L->sc;
    sc->id = attr_copy(L, root, "id");
    sc->version = attr_copy(L, root, "version");
    int ph = sp_phase_from_code(attr(L, root, "phase"));
    sc->phase = ph < 0 ? SP_PHASE_INTAKE : (sp_phase)ph;
    sc->start = -1;

    int n_nodes = 0;
    for (const xmlNode *c = first_el(root); c; c = next_el(c))
        n_nodes += is(c, "node");
    if (n_nodes > SP_MAX_NODES) {
        err(L, 0, "too many nodes: %d (the limit is %d)", n_nodes, SP_MAX_NODES);
        return;
    }
    int n_opts = 0;
    for (const xmlNode *c = first_el(root); c; c = next_el(c))
        for (const xmlNode *k = is(c, "node") ? first_el(c) : NULL; k; k = next_el(k))
            if (is(k, "decision") || is(k, "thought"))
                for (const xmlNode *o = first_el(k); o; o = next_el(o))
                    n_opts += is(o, "option");

    sp_node *nodes = alloc_n(L, n_nodes, sizeof *nodes);
    L->node_line = alloc_n(L, n_nodes, sizeof *L->node_line);
    L->option_line = alloc_n(L, n_opts ? n_opts : 1, sizeof *L->option_line);
    if (!nodes || !L->node_line || !L->option_line ||
        idtab_init(L->a, &L->nodes, n_nodes) != 0 || idtab_init(L->a, &L->options, n_opts) != 0 ||
        idtab_init(L->a, &L->endings, n_nodes) != 0 || idtab_init(L->a, &L->vars, 0) != 0) {
        fail(L, SP_ENOMEM);
        return;
    }
    sc->nodes = nodes;

    /* Pass 1: the header, and every node id, so references can be
     * resolved in one go whatever their order in the file. */
    int i = 0;
    for (const xmlNode *c = first_el(root); c; c = next_el(c)) {
        if (is(c, "title"))
            text(L, c, 1, &sc->title);
        else if (is(c, "summary"))
            text(L, c, 1, &sc->summary);
        else if (is(c, "briefing")) {
            text_child(L, c, "you", &sc->briefing.you);
            text_child(L, c, "meet", &sc->briefing.meet);
            text_child(L, c, "situation", &sc->briefing.situation);
            text_child(L, c, "aim", &sc->briefing.aim);
        } else if (is(c, "cast"))
            load_cast(L, c);
        else if (is(c, "variables")) {
            int nv = 0;
            for (const xmlNode *v = first_el(c); v; v = next_el(v))
                nv++;
            if (idtab_init(L->a, &L->vars, nv) != 0) {
                fail(L, SP_ENOMEM);
                return;
            }
            load_vars(L, c);
        } else if (is(c, "node")) {
            long line = sp_xml_line(c);
            nodes[i].id = attr_copy(L, c, "id");
            nodes[i].line = (int)line;
            L->node_line[i] = line;
            if (nodes[i].id) {
                int prev = idtab_put(&L->nodes, nodes[i].id, i);
                if (prev >= 0)
                    err(L, line, "duplicate node id '%s' (first at line %ld)",
                        nodes[i].id, L->node_line[prev]);
            }
            i++;
        }
    }
    sc->n_nodes = n_nodes;
    if (L->status == SP_ENOMEM)
        return;

    /* Pass 2: node bodies. */
    i = 0;
    for (const xmlNode *c = first_el(root); c; c = next_el(c))
        if (is(c, "node"))
            load_node(L, c, &nodes[i++]);

    const char *start = attr(L, root, "start");
    sc->start = idtab_get(&L->nodes, start);
    if (sc->start < 0)
        err(L, sp_xml_line(root), "start node '%s' does not exist", start ? start : "");
    if (L->status != SP_ENOMEM)
        check_graph(L);
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
    xmlDoc *doc;
    sp_status s = sp_xml_parse(path, data, len, schema_dir, "scenario.rng", &doc, d);
    if (s != SP_OK)
        return s;

    sload L = { .path = path, .d = d, .hb = hb, .a = sp_arena_new() };
    L.sc = L.a ? sp_arena_alloc(L.a, sizeof *L.sc) : NULL;
    if (!L.sc) {
        sp_arena_free(L.a);
        xmlFreeDoc(doc);
        sp_diag_add(d, path, 0, "out of memory");
        return SP_ENOMEM;
    }
    L.sc->arena = L.a;
    L.sc->handbook = hb;
    L.sc->hash = sp_fs_hash(data, len);
    L.sc->path = sp_arena_strdup(L.a, path);
    if (!L.sc->path)
        fail(&L, SP_ENOMEM);
    else
        load_root(&L, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);

    if (L.status != SP_OK) {
        if (L.status == SP_ENOMEM)
            sp_diag_add(d, path, 0, "out of memory");
        sp_arena_free(L.a);
        return L.status;
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
