/* xml_facets.c: the schema's attribute facets (pattern, length, int range) checked with regexps compiled once, so the stream's RelaxNG skips them. */
#include "xml_internal.h"
#include "alloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlregexp.h>
#include <libxml/xmlstring.h>

/*
 * libxml2 2.9.14's RelaxNG checks a facet such as <param name="pattern"> by
 * building a schema parser context, compiling the regexp, testing the
 * value once and freeing it all again, for every attribute value it meets:
 * on a 5,000-node case that was half of the load. So, for the streaming
 * loader, the schema is compiled a second time with those facets taken out
 * of the attributes (sp_xml_facets_relax), and the facets are checked here
 * with the same regexp engine, each pattern compiled once.
 *
 * An attribute is relaxed only when the answer cannot change: its value is
 * one <data type="string|int"> (directly or through a <ref> to a define
 * that is just that) with only pattern, minLength, maxLength or
 * minInclusive, maxInclusive params, and every element it can belong to is
 * named and has no other rule for an attribute of that name anywhere in
 * the schema. Everything else stays libxml2's. The checks here only say
 * "valid or not"; when a file fails (here or in the relaxed schema), the
 * stream validates it once more against the whole schema for libxml2's
 * own verdict and message (xml_stream.c), so no message changes.
 */

static const char RNG_NS[] = "http://relaxng.org/ns/structure/1.0";
static const char XSD_LIB[] = "http://www.w3.org/2001/XMLSchema-datatypes";

#define MAX_PATTERNS 4
#define MAX_CONTEXTS 32
#define MAX_DEPTH_REFS 16

typedef struct facet_rule {
    char *element, *ns, *attr;   /* the element's local name and namespace; the attribute */
    xmlRegexpPtr pattern[MAX_PATTERNS];
    int n_patterns;
    long min_len, max_len;       /* -1: none */
    int is_int, has_min, has_max;
    long long min_incl, max_incl;
} facet_rule;

struct sp_xml_facets {
    facet_rule *r;
    int n, cap;
};

/* ---- reading the schema --------------------------------------------------------- */

static int rng_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, RNG_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

static const char *prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE && !a->children->next)
            return (const char *)a->children->content;
    return NULL;
}

/* The value of an attribute RelaxNG inherits (ns, datatypeLibrary). */
static const char *inherited(const xmlNode *n, const char *name)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        const char *v = prop(n, name);
        if (v)
            return v;
    }
    return "";
}

/* The only element child of n, or NULL when it has none or several (or text). */
static xmlNode *only_child(const xmlNode *n)
{
    xmlNode *one = NULL;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_COMMENT_NODE)
            continue;
        if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))
            continue;
        if (c->type != XML_ELEMENT_NODE || one)
            return NULL;
        one = c;
    }
    return one;
}

/* Calls fn on every element of the tree under n (n included) named name;
 * stops and returns -1 when fn does. */
static int each(const xmlNode *n, const char *name, int (*fn)(const xmlNode *, void *), void *arg)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (rng_is(n, name) && fn(n, arg) < 0)
            return -1;
        if (each(n->children, name, fn, arg) < 0)
            return -1;
    }
    return 0;
}

/* What the schema does not show us whole is refused: then nothing is relaxed. */
static int refuse(const xmlNode *n, void *arg)
{
    (void)n;
    (void)arg;
    return -1;
}

/* ---- the elements an attribute belongs to ------------------------------------------ */

typedef struct contexts {
    const xmlNode *el[MAX_CONTEXTS];   /* the schema's <element name="..."> */
    int n;
    int depth;
    const char *define;                /* for refs_of */
    const xmlNode *root;
} contexts;

static int contexts_of(const xmlNode *n, contexts *cx);

static int refs_of(const xmlNode *ref, void *arg)
{
    contexts *cx = arg;
    const char *name = prop(ref, "name");
    if (!name || strcmp(name, cx->define) != 0)
        return 0;
    const char *saved = cx->define;
    int r = contexts_of(ref, cx);
    cx->define = saved;
    return r;
}

/* The named elements n (an <attribute> or a <ref>) can stand in: its
 * nearest <element>, or through its <define> every <ref> to that define.
 * -1 when one of them cannot be named. */
static int contexts_of(const xmlNode *n, contexts *cx)
{
    if (++cx->depth > MAX_DEPTH_REFS)
        return -1;
    int r = -1;
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (rng_is(p, "element")) {
            if (!prop(p, "name") || cx->n == MAX_CONTEXTS)
                break;
            int seen = 0;
            for (int i = 0; i < cx->n; i++)
                seen |= cx->el[i] == p;
            if (!seen)
                cx->el[cx->n++] = p;
            r = 0;
            break;
        }
        if (rng_is(p, "define")) {
            cx->define = prop(p, "name");
            r = cx->define ? each(cx->root, "ref", refs_of, cx) : -1;
            break;
        }
        if (!rng_is(p, "optional") && !rng_is(p, "zeroOrMore") && !rng_is(p, "oneOrMore") &&
            !rng_is(p, "choice") && !rng_is(p, "group") && !rng_is(p, "interleave") &&
            !rng_is(p, "mixed") && !rng_is(p, "div"))
            break;
    }
    cx->depth--;
    return r;
}

/* ---- the value of an attribute -------------------------------------------------- */

/* The <data> an <attribute>'s value is, directly or through a <ref> to a
 * define holding only it; NULL otherwise. */
static xmlNode *value_data(const xmlNode *root, const xmlNode *at)
{
    xmlNode *v = only_child(at);
    if (rng_is(v, "ref")) {
        const char *name = prop(v, "name");
        const xmlNode *def = NULL;
        for (const xmlNode *c = root->children; c && name; c = c->next) {
            if (!rng_is(c, "define") || !prop(c, "name") || strcmp(prop(c, "name"), name) != 0)
                continue;
            if (def || prop(c, "combine"))
                return NULL;
            def = c;
        }
        v = def ? only_child(def) : NULL;
    }
    return rng_is(v, "data") ? v : NULL;
}

static int parse_ll(const char *s, long long *out)
{
    if (!s || !*s)
        return -1;
    errno = 0;
    char *end;
    long long x = strtoll(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = x;
    return 0;
}

/* The facets of a <data>, into r; -1 when it has anything else. */
static int read_facets(const xmlNode *data, facet_rule *r)
{
    const char *type = prop(data, "type");
    if (!type || strcmp(inherited(data, "datatypeLibrary"), XSD_LIB) != 0)
        return -1;
    r->is_int = strcmp(type, "int") == 0;
    if (!r->is_int && strcmp(type, "string") != 0)
        return -1;
    r->min_len = r->max_len = -1;
    int params = 0;
    for (const xmlNode *c = data->children; c; c = c->next) {
        if (c->type == XML_COMMENT_NODE || (c->type == XML_TEXT_NODE && xmlIsBlankNode(c)))
            continue;
        if (!rng_is(c, "param") || !prop(c, "name"))
            return -1;
        const char *name = prop(c, "name");
        xmlChar *val = xmlNodeGetContent(c);
        long long x = 0;
        int ok = val != NULL;
        if (ok && !r->is_int && strcmp(name, "pattern") == 0 && r->n_patterns < MAX_PATTERNS) {
            r->pattern[r->n_patterns] = xmlRegexpCompile(val);
            ok = r->pattern[r->n_patterns++] != NULL;
        } else if (ok && !r->is_int && strcmp(name, "minLength") == 0) {
            ok = parse_ll((const char *)val, &x) == 0 && x >= 0 && x <= LONG_MAX;
            r->min_len = (long)x;
        } else if (ok && !r->is_int && strcmp(name, "maxLength") == 0) {
            ok = parse_ll((const char *)val, &x) == 0 && x >= 0 && x <= LONG_MAX;
            r->max_len = (long)x;
        } else if (ok && r->is_int && strcmp(name, "minInclusive") == 0) {
            ok = parse_ll((const char *)val, &r->min_incl) == 0;
            r->has_min = 1;
        } else if (ok && r->is_int && strcmp(name, "maxInclusive") == 0) {
            ok = parse_ll((const char *)val, &r->max_incl) == 0;
            r->has_max = 1;
        } else {
            ok = 0;
        }
        xmlFree(val);
        if (!ok)
            return -1;
        params++;
    }
    return params > 0 ? 0 : -1;
}

/* ---- the rules ------------------------------------------------------------------------ */

typedef struct occurrence {
    xmlNode *at;                /* the schema's <attribute> */
    xmlNode *data;              /* its value's <data>, NULL when not one */
    contexts cx;
    int ok;                     /* contexts all named */
} occurrence;

typedef struct collect {
    occurrence *o;
    int n, cap;
    const xmlNode *root;
    int oom;
} collect;

static int collect_attr(const xmlNode *at, void *arg)
{
    collect *c = arg;
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 32;
        occurrence *o = sp_realloc(c->o, (size_t)cap * sizeof *o);
        if (!o) {
            c->oom = 1;
            return -1;
        }
        c->o = o;
        c->cap = cap;
    }
    occurrence *o = &c->o[c->n++];
    memset(o, 0, sizeof *o);
    o->at = (xmlNode *)at;
    o->cx.root = c->root;
    int named = prop(at, "name") && (!prop(at, "ns") || !prop(at, "ns")[0]);
    o->data = named ? value_data(c->root, at) : NULL;
    o->ok = named && contexts_of(at, &o->cx) == 0 && o->cx.n > 0;
    return 0;
}

static int same_element(const xmlNode *a, const xmlNode *b)
{
    return strcmp(prop(a, "name"), prop(b, "name")) == 0 &&
           strcmp(inherited(a, "ns"), inherited(b, "ns")) == 0;
}

/* Whether every rule the schema has for the attribute of o on an element
 * named as el is o's own <data>. */
static int alone(const collect *c, const occurrence *o, const xmlNode *el)
{
    const char *name = prop(o->at, "name");
    for (int i = 0; i < c->n; i++) {
        const occurrence *p = &c->o[i];
        const char *pn = prop(p->at, "name");
        if (!pn) {
            const xmlNode *nm = p->at->children;
            while (nm && nm->type != XML_ELEMENT_NODE)
                nm = nm->next;
            if (rng_is(nm, "name") && inherited(nm, "ns")[0])
                continue; /* a namespaced attribute (xml:lang), never a plain one */
            return 0;     /* a plain name, or a class that might match anything */
        }
        if (strcmp(pn, name) != 0)
            continue;
        if (!p->ok)
            return 0;
        for (int k = 0; k < p->cx.n; k++)
            if (same_element(p->cx.el[k], el) && p->data != o->data)
                return 0;
    }
    return 1;
}

static void rule_free(facet_rule *r)
{
    for (int i = 0; i < r->n_patterns; i++)
        xmlRegFreeRegexp(r->pattern[i]);
    sp_free(r->element);
    sp_free(r->ns);
    sp_free(r->attr);
}

void sp_xml_facets_free(sp_xml_facets *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n; i++)
        rule_free(&f->r[i]);
    sp_free(f->r);
    sp_free(f);
}

/* A rule for attribute o on element el, unless there is one. -1 out of
 * memory, 1 facets we do not take (then o is not relaxed). */
static int add_rule(sp_xml_facets *f, const occurrence *o, const xmlNode *el)
{
    const char *ename = prop(el, "name"), *ns = inherited(el, "ns"), *aname = prop(o->at, "name");
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->r[i].element, ename) == 0 && strcmp(f->r[i].ns, ns) == 0 &&
            strcmp(f->r[i].attr, aname) == 0)
            return 0;
    facet_rule r;
    memset(&r, 0, sizeof r);
    unsigned long failed = sp_alloc_failures();
    if (read_facets(o->data, &r) != 0) {
        rule_free(&r);
        return sp_alloc_failures() != failed ? -1 : 1;
    }
    r.element = sp_strdup(ename);
    r.ns = sp_strdup(ns);
    r.attr = sp_strdup(aname);
    if (r.element && r.ns && r.attr && f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 16;
        facet_rule *grown = sp_realloc(f->r, (size_t)cap * sizeof *grown);
        if (grown) {
            f->r = grown;
            f->cap = cap;
        }
    }
    if (!r.element || !r.ns || !r.attr || f->n == f->cap) {
        rule_free(&r);
        return -1;
    }
    f->r[f->n++] = r;
    return 0;
}

/* Puts the value pattern of an <attribute> out of libxml2's hands: any
 * text for a string, <data type="int"/> for an int. */
static int relax_value(xmlNode *at, const xmlNode *data)
{
    int is_int = strcmp(prop(data, "type"), "int") == 0;
    xmlNode *old = only_child(at);
    xmlNode *v = xmlNewDocNode(at->doc, at->ns, BAD_CAST(is_int ? "data" : "text"), NULL);
    if (!v)
        return -1;
    if (is_int && (!xmlSetProp(v, BAD_CAST "type", BAD_CAST "int") ||
                      !xmlSetProp(v, BAD_CAST "datatypeLibrary", BAD_CAST XSD_LIB))) {
        xmlFreeNode(v);
        return -1;
    }
    xmlReplaceNode(old, v);
    xmlFreeNode(old);
    return 0;
}

/* Which attributes to relax (with their rules into f): 0, or -1 out of memory. */
static int choose(collect *c, sp_xml_facets *f, unsigned char *relax)
{
    for (int i = 0; i < c->n; i++) {
        occurrence *o = &c->o[i];
        relax[i] = o->ok && o->data;
        for (int k = 0; relax[i] && k < o->cx.n; k++)
            relax[i] = alone(c, o, o->cx.el[k]);
        for (int k = 0; relax[i] && k < o->cx.n; k++) {
            int r = add_rule(f, o, o->cx.el[k]);
            if (r < 0)
                return -1;
            relax[i] = r == 0;
        }
    }
    return 0;
}

sp_status sp_xml_facets_relax(xmlDoc *schema, sp_xml_facets **out)
{
    *out = NULL;
    xmlNode *root = xmlDocGetRootElement(schema);
    if (!rng_is(root, "grammar"))
        return SP_OK;
    /* Anything that brings in rules from elsewhere, or names an element
     * by a class: nothing is relaxed. */
    static const char *const whole[] = { "include", "externalRef", "parentRef", "anyName",
                                         "nsName", "notAllowed", NULL };
    for (int i = 0; whole[i]; i++)
        if (each(root, whole[i], refuse, NULL) < 0)
            return SP_OK;
    if (each(root->children, "grammar", refuse, NULL) < 0)
        return SP_OK;
    collect c = { .root = root };
    sp_xml_facets *f = sp_calloc(1, sizeof *f);
    sp_status st = f ? SP_OK : SP_ENOMEM;
    if (f && each(root, "attribute", collect_attr, &c) < 0)
        st = SP_ENOMEM;
    unsigned char *relax = st == SP_OK ? sp_calloc((size_t)c.n + 1, 1) : NULL;
    if (st == SP_OK && (!relax || choose(&c, f, relax) != 0))
        st = SP_ENOMEM;
    for (int i = 0; st == SP_OK && i < c.n; i++)
        if (relax[i] && relax_value(c.o[i].at, c.o[i].data) != 0)
            st = SP_ENOMEM;
    sp_free(relax);
    sp_free(c.o);
    if (st != SP_OK || f->n == 0) {
        sp_xml_facets_free(f);
        return st;
    }
    *out = f;
    return SP_OK;
}

/* ---- checking a value -------------------------------------------------------------- */

static int blank(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* An xsd:int inside the rule's range. libxml2 has checked (or will check)
 * the lexical form; what does not read as a number here fails, and the
 * whole schema then has the last word. */
static int int_ok(const facet_rule *r, const char *s)
{
    while (blank(*s))
        s++;
    int neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return 0;
    long long x = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (x > 1000000000000LL)
            return 0;
        x = x * 10 + (*s - '0');
    }
    while (blank(*s))
        s++;
    if (*s)
        return 0;
    if (neg)
        x = -x;
    return (!r->has_min || x >= r->min_incl) && (!r->has_max || x <= r->max_incl);
}

static int value_ok(const facet_rule *r, const xmlChar *v)
{
    if (r->is_int)
        return int_ok(r, (const char *)v);
    for (int i = 0; i < r->n_patterns; i++)
        if (xmlRegexpExec(r->pattern[i], v) != 1)
            return 0;
    if (r->min_len >= 0 || r->max_len >= 0) {
        int n = xmlUTF8Strlen(v);
        if (n < 0 || (r->min_len >= 0 && n < r->min_len) || (r->max_len >= 0 && n > r->max_len))
            return 0;
    }
    return 1;
}

int sp_xml_facets_check(const sp_xml_facets *f, const xmlNode *el)
{
    const char *name = (const char *)el->name;
    const char *ns = el->ns && el->ns->href ? (const char *)el->ns->href : "";
    for (int i = 0; i < f->n; i++) {
        const facet_rule *r = &f->r[i];
        if (r->element[0] != name[0] || strcmp(r->element, name) != 0 || strcmp(r->ns, ns) != 0)
            continue;
        for (const xmlAttr *a = el->properties; a; a = a->next) {
            if (a->ns || strcmp((const char *)a->name, r->attr) != 0)
                continue;
            const xmlNode *c = a->children;
            int ok;
            if (!c)
                ok = value_ok(r, BAD_CAST "");
            else if (c->type == XML_TEXT_NODE && !c->next)
                ok = value_ok(r, c->content ? c->content : BAD_CAST "");
            else {
                xmlChar *v = xmlNodeListGetString(el->doc, c, 1);
                ok = v && value_ok(r, v);
                xmlFree(v);
            }
            if (!ok)
                return 0;
            break;
        }
    }
    return 1;
}
