/* xml_rng.c: reads a RelaxNG schema file as data: element content as particles, attribute rules (for xml_explain.c). */
#include "xml_rng.h"
#include "alloc.h"
#include "fs.h"
#include "scenario.h" /* SP_MAX_FILE_BYTES */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char RNG_NS[] = "http://relaxng.org/ns/structure/1.0";

/* ---- the schema ---------------------------------------------------------------- */

int sp_xml_rng_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, RNG_NS) == 0 &&
           (!name || strcmp((const char *)n->name, name) == 0);
}

const char *sp_xml_rng_prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

const xmlNode *sp_xml_rng_define(const grammar *g, const char *name)
{
    const xmlNode *root = xmlDocGetRootElement(g->doc);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        if (sp_xml_rng_is(c, "define") && name && strcmp(sp_xml_rng_prop(c, "name") ? sp_xml_rng_prop(c, "name") : "", name) == 0)
            return c;
    return NULL;
}

const char *sp_xml_rng_text(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
            return (const char *)c->content;
    return "";
}

/* The name an <attribute> pattern stands for: "id", or "xml:lang". */
static const char *attr_rule_name(const xmlNode *at, char *buf, size_t len)
{
    const char *n = sp_xml_rng_prop(at, "name");
    if (n)
        return n;
    for (const xmlNode *c = at->children; c; c = c->next)
        if (sp_xml_rng_is(c, "name")) {
            const char *ns = sp_xml_rng_prop(c, "ns");
            snprintf(buf, len, "%s%s", ns && strcmp(ns, (const char *)XML_XML_NAMESPACE) == 0 ? "xml:" : "",
                     sp_xml_rng_text(c));
            return buf;
        }
    return "";
}

/* ---- content as particles -------------------------------------------------------- */

static void add_particle(content *ct, const particle *p)
{
    /* option, option, optional option...: one particle "option 2..5". */
    if (ct->n > 0 && p->nb == 1) {
        particle *last = &ct->p[ct->n - 1];
        if (last->nb == 1 && strcmp(last->b[0].name, p->b[0].name) == 0) {
            last->min += p->min;
            last->max = last->max == UNBOUNDED || p->max == UNBOUNDED ? UNBOUNDED : last->max + p->max;
            last->b[0].max = last->max;
            return;
        }
    }
    if (ct->n < MAX_PARTICLES)
        ct->p[ct->n++] = *p;
}

/* The element names one choice alternative can start with, as branches. */
static void branches(const grammar *g, const xmlNode *n, int min, int max, particle *p, content *ct)
{
    if (sp_xml_rng_is(n, "ref")) {
        const xmlNode *def = sp_xml_rng_define(g, sp_xml_rng_prop(n, "name"));
        for (const xmlNode *c = def ? def->children : NULL; c; c = c->next)
            branches(g, c, min, max, p, ct);
    } else if (sp_xml_rng_is(n, "element") && p->nb < MAX_BRANCHES) {
        p->b[p->nb++] = (branch){ sp_xml_rng_prop(n, "name"), n, min, max };
    } else if (sp_xml_rng_is(n, "oneOrMore") || sp_xml_rng_is(n, "zeroOrMore")) {
        int lo = sp_xml_rng_is(n, "oneOrMore") ? min : 0;
        for (const xmlNode *c = n->children; c; c = c->next)
            branches(g, c, lo, UNBOUNDED, p, ct);
    } else if (sp_xml_rng_is(n, "optional")) {
        for (const xmlNode *c = n->children; c; c = c->next)
            branches(g, c, 0, max, p, ct);
    } else if (sp_xml_rng_is(n, "choice") || sp_xml_rng_is(n, "group") || sp_xml_rng_is(n, "mixed")) {
        if (sp_xml_rng_is(n, "mixed"))
            ct->text = 1;
        for (const xmlNode *c = n->children; c; c = c->next)
            branches(g, c, min, max, p, ct);
    } else if (sp_xml_rng_is(n, "text")) {
        ct->text = 1;
    }
}

static int branch_min(const particle *p)
{
    int lo = UNBOUNDED;
    for (int i = 0; i < p->nb; i++)
        if (p->b[i].min < lo)
            lo = p->b[i].min;
    return p->nb ? lo : 0;
}

/* The children of a pattern container, in order, as particles. */
void sp_xml_rng_content(const grammar *g, const xmlNode *first, int min, int max, content *ct)
{
    for (const xmlNode *n = first; n; n = n->next) {
        if (!sp_xml_rng_is(n, NULL) || sp_xml_rng_is(n, "attribute"))
            continue;
        particle p = { .nb = 0 };
        if (sp_xml_rng_is(n, "element")) {
            p.b[p.nb++] = (branch){ sp_xml_rng_prop(n, "name"), n, 1, 1 };
            p.min = min;
            p.max = max;
            add_particle(ct, &p);
        } else if (sp_xml_rng_is(n, "ref")) {
            const xmlNode *def = sp_xml_rng_define(g, sp_xml_rng_prop(n, "name"));
            if (def)
                sp_xml_rng_content(g, def->children, min, max, ct);
        } else if (sp_xml_rng_is(n, "optional")) {
            sp_xml_rng_content(g, n->children, 0, max, ct);
        } else if (sp_xml_rng_is(n, "group") || sp_xml_rng_is(n, "mixed")) {
            if (sp_xml_rng_is(n, "mixed"))
                ct->text = 1;
            sp_xml_rng_content(g, n->children, min, max, ct);
        } else if (sp_xml_rng_is(n, "zeroOrMore") || sp_xml_rng_is(n, "oneOrMore") || sp_xml_rng_is(n, "choice")) {
            int rep = !sp_xml_rng_is(n, "choice");
            for (const xmlNode *c = n->children; c; c = c->next)
                branches(g, c, 1, rep ? 1 : 1, &p, ct);
            if (p.nb == 0)
                continue;
            p.min = sp_xml_rng_is(n, "zeroOrMore") ? 0 : min;
            if (!rep && branch_min(&p) == 0)
                p.min = 0; /* a choice with an alternative that may be empty */
            p.max = rep ? UNBOUNDED : max;
            add_particle(ct, &p);
        } else if (sp_xml_rng_is(n, "text")) {
            ct->text = 1;
        }
    }
}

/* The attribute rules of an element's content; required unless inside an
 * optional or a choice. */
void sp_xml_rng_attrs(const grammar *g, const xmlNode *first, int required, attr_rule *r, int *n,
                       char names[][64])
{
    for (const xmlNode *c = first; c; c = c->next) {
        if (sp_xml_rng_is(c, "attribute") && *n < MAX_ATTRS) {
            const xmlNode *v = NULL;
            for (const xmlNode *k = c->children; k; k = k->next)
                if (sp_xml_rng_is(k, NULL) && !sp_xml_rng_is(k, "name"))
                    v = k;
            r[*n] = (attr_rule){ attr_rule_name(c, names[*n], 64), v, required };
            if (r[*n].name != names[*n])
                snprintf(names[*n], 64, "%s", r[*n].name);
            r[*n].name = names[*n];
            (*n)++;
        } else if (sp_xml_rng_is(c, "ref")) {
            const xmlNode *def = sp_xml_rng_define(g, sp_xml_rng_prop(c, "name"));
            if (def)
                sp_xml_rng_attrs(g, def->children, required, r, n, names);
        } else if (sp_xml_rng_is(c, "optional") || sp_xml_rng_is(c, "choice") || sp_xml_rng_is(c, "zeroOrMore")) {
            sp_xml_rng_attrs(g, c->children, 0, r, n, names);
        } else if (sp_xml_rng_is(c, "group") || sp_xml_rng_is(c, "oneOrMore")) {
            sp_xml_rng_attrs(g, c->children, required, r, n, names);
        }
    }
}

int sp_xml_rng_load(const char *dir, const char *name, grammar *g)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir && dir[0] ? dir : ".", name);
    char *data;
    size_t len;
    sp_diag *scratch = sp_diag_new();
    sp_status st = sp_fs_read(path, SP_MAX_FILE_BYTES, &data, &len, scratch);
    sp_diag_free(scratch);
    if (st != SP_OK)
        return -1;
    g->doc = xmlReadMemory(data, (int)len, path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    sp_free(data);
    const xmlNode *root = g->doc ? xmlDocGetRootElement(g->doc) : NULL;
    if (!sp_xml_rng_is(root, "grammar"))
        return -1;
    g->ns = sp_xml_rng_prop(root, "ns");
    for (const xmlNode *c = root->children; c; c = c->next)
        if (sp_xml_rng_is(c, "start"))
            for (const xmlNode *k = c->children; k; k = k->next)
                if (sp_xml_rng_is(k, "element"))
                    g->start = k;
    return g->start ? 0 : -1;
}

