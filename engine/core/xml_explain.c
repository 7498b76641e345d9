/* xml_explain.c: every way a file departs from its RelaxNG schema, in an author's words, read from the schema itself. */
#include "xml_rng.h"
#include "suggest.h"
#include "translate.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlregexp.h>

/*
 * libxml2's validator says "Element option failed to validate attributes"
 * or "Expecting an element option, got nothing", at the line of a parent,
 * and its streaming form must stop at the first error (xml_stream.c). When
 * a file does not match the schema, this pass parses it into a tree once
 * more and walks it beside the schema, reporting every departure with the
 * element, the attribute and what is allowed.
 *
 * It reads the schema file (scenario.rng, handbook.rng) itself, so there is
 * no second description of the format to drift. It understands the subset
 * our schemas use: element, attribute, optional, zeroOrMore, oneOrMore,
 * choice, group, ref/define, mixed, text, empty, value, and data (int with
 * minInclusive/maxInclusive, string with pattern/minLength/maxLength). The
 * content of an element is read as a list of particles, each one element
 * name (or a choice of names) with a minimum and maximum count; our schemas
 * are deterministic on element names, so a greedy match is exact for them.
 * The verdict stays libxml2's: this pass only explains a file libxml2 has
 * refused, and when it finds nothing to say, libxml2's message is shown.
 */

#define MAX_SHOWN 30      /* messages before "and N more" */

typedef struct explain {
    const char *path;
    sp_diag *d;
    const grammar *g;
    int told, more;
} explain;

/* ---- messages --------------------------------------------------------------------- */

static void say(explain *x, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* fmt is a Dutch msgid: sp_diag_addv puts it in the diag's language. */
static void say(explain *x, long line, const char *fmt, ...)
{
    if (x->told >= MAX_SHOWN) {
        x->more++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(x->d, x->path, line, fmt, ap);
    va_end(ap);
    x->told++;
}

static const char *doc_name(const xmlNode *n)
{
    return (const char *)n->name;
}

/* "a, b or c" of up to n names (duplicates dropped), into buf. */
static const char *name_list(explain *x, const char *const *names, int n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    int shown = 0;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= strcmp(names[i], names[j]) == 0;
        if (dup)
            continue;
        int last = 1;
        for (int j = i + 1; j < n; j++) {
            int later_dup = 0;
            for (int k = 0; k < j; k++)
                later_dup |= strcmp(names[j], names[k]) == 0;
            if (!later_dup)
                last = 0;
        }
        const char *sep = shown == 0 ? "" : last ? sp_diag_tr(x->d, " of ") : ", ";
        int w = snprintf(buf + used, len - used, "%s%s", sep, names[i]);
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
        shown++;
    }
    return buf;
}

/* ---- attribute values ------------------------------------------------------------------ */

/* What a string pattern asks for, in words, for the patterns our schemas use. */
static const char *pattern_words(explain *x, const char *pattern)
{
    static const struct { const char *pattern, *words; } known[] = {
        { "[A-Za-z0-9_][A-Za-z0-9_.\\-]*", SP_N_("letters, cijfers, '_', '.' en '-', geen spaties") },
        { "[a-z_][a-z0-9_]*", SP_N_("kleine letters, cijfers en '_', niet beginnend met een cijfer") },
        { "[a-z0-9_\\-]+", SP_N_("kleine letters, cijfers, '_' en '-'") },
        { "rf\\.[a-z0-9][a-z0-9\\-]*", SP_N_("een rode-vlag-id zoals rf.og-geen-tijd") },
        { "int\\.[a-z0-9][a-z0-9\\-]*", SP_N_("een interventie-id zoals int.doorvragen") },
        { "th\\.[a-z0-9][a-z0-9\\-]*", SP_N_("een gedachte-id zoals th.leuk") },
        { "[a-z][a-z0-9\\-]*", SP_N_("kleine letters, cijfers en '-', zoals relatie") },
        { "#[0-9a-fA-F]{6}", SP_N_("een kleur zoals #3d6fa8") },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(pattern, known[i].pattern) == 0)
            return sp_diag_tr(x->d, known[i].words);
    return pattern;
}

static long utf8_chars(const char *s)
{
    long n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static const char *param(const xmlNode *data, const char *name)
{
    for (const xmlNode *c = data->children; c; c = c->next)
        if (sp_xml_rng_is(c, "param") && strcmp(sp_xml_rng_prop(c, "name") ? sp_xml_rng_prop(c, "name") : "", name) == 0)
            return sp_xml_rng_text(c);
    return NULL;
}

static void check_int(explain *x, const xmlNode *el, const char *an, const char *v, const xmlNode *data)
{
    errno = 0;
    char *end;
    long val = strtol(v, &end, 10);
    long line = sp_xml_line(el);
    if (errno || end == v || *end || val < INT_MIN || val > INT_MAX) {
        say(x, line, SP_N_("%s: %s '%s' is geen geheel getal"), doc_name(el), an, v);
        return;
    }
    /* Our schemas bound an int on both sides or not at all. */
    const char *lo = param(data, "minInclusive"), *hi = param(data, "maxInclusive");
    if (lo && hi && (val < atol(lo) || val > atol(hi)))
        say(x, line, SP_N_("%s: %s %ld ligt buiten %s..%s"), doc_name(el), an, val, lo, hi);
}

static void check_string(explain *x, const xmlNode *el, const char *an, const char *v, const xmlNode *data)
{
    long line = sp_xml_line(el);
    const char *minl = param(data, "minLength"), *maxl = param(data, "maxLength");
    const char *pat = param(data, "pattern");
    long n = utf8_chars(v);
    if (minl && n < atol(minl)) {
        say(x, line, SP_N_("%s: %s is leeg"), doc_name(el), an);
        return;
    }
    if (maxl && n > atol(maxl)) {
        say(x, line, SP_N_("%s: %s is langer dan %s tekens"), doc_name(el), an, maxl);
        return;
    }
    if (pat) {
        xmlRegexpPtr re = xmlRegexpCompile((const xmlChar *)pat);
        if (re && xmlRegexpExec(re, (const xmlChar *)v) != 1)
            say(x, line, SP_N_("%s: %s '%s' heeft niet de goede vorm (%s)"), doc_name(el), an, v,
                pattern_words(x, pat));
        xmlRegFreeRegexp(re);
    }
}

/* The <value>s of a value pattern (a <value> or a <choice> of them). */
static int values_of(const grammar *g, const xmlNode *pat, const char **vals, int max)
{
    if (sp_xml_rng_is(pat, "ref")) {
        const xmlNode *def = sp_xml_rng_define(g, sp_xml_rng_prop(pat, "name"));
        for (const xmlNode *c = def ? def->children : NULL; c; c = c->next)
            if (sp_xml_rng_is(c, NULL))
                return values_of(g, c, vals, max);
        return 0;
    }
    if (sp_xml_rng_is(pat, "value"))
        return max > 0 ? (vals[0] = sp_xml_rng_text(pat), 1) : 0;
    int n = 0;
    if (sp_xml_rng_is(pat, "choice"))
        for (const xmlNode *c = pat->children; c; c = c->next)
            if (sp_xml_rng_is(c, "value") && n < max)
                vals[n++] = sp_xml_rng_text(c);
    return n;
}

static void check_value(explain *x, const xmlNode *el, const char *an, const char *v, const xmlNode *pat)
{
    if (sp_xml_rng_is(pat, "ref")) {
        const xmlNode *def = sp_xml_rng_define(x->g, sp_xml_rng_prop(pat, "name"));
        for (const xmlNode *c = def ? def->children : NULL; c; c = c->next)
            if (sp_xml_rng_is(c, NULL)) {
                check_value(x, el, an, v, c);
                return;
            }
        return;
    }
    if (sp_xml_rng_is(pat, "data")) {
        const char *type = sp_xml_rng_prop(pat, "type");
        if (type && strcmp(type, "int") == 0)
            check_int(x, el, an, v, pat);
        else
            check_string(x, el, an, v, pat);
        return;
    }
    const char *vals[16];
    int n = values_of(x->g, pat, vals, 16);
    if (n == 0)
        return;
    for (int i = 0; i < n; i++)
        if (strcmp(vals[i], v) == 0)
            return;
    if (n == 1) {
        say(x, sp_xml_line(el), SP_N_("%s: %s moet '%s' zijn, niet '%s'"), doc_name(el), an, vals[0], v);
        return;
    }
    char list[256];
    char quoted[16][64];
    const char *q[16];
    sp_suggest s;
    sp_suggest_init(&s, v);
    for (int i = 0; i < n; i++) {
        sp_suggest_add(&s, vals[i]);
        snprintf(quoted[i], sizeof quoted[i], "'%s'", vals[i]);
        q[i] = quoted[i];
    }
    name_list(x, q, n, list, sizeof list);
    if (sp_suggest_best(&s))
        say(x, sp_xml_line(el), SP_N_("%s: %s '%s' is niet %s; bedoel je '%s'?"), doc_name(el), an, v,
            list, sp_suggest_best(&s));
    else
        say(x, sp_xml_line(el), SP_N_("%s: %s '%s' is niet %s"), doc_name(el), an, v, list);
}

static const char *doc_attr_name(const xmlAttr *a, char *buf, size_t len)
{
    int xmlns = a->ns && a->ns->href && strcmp((const char *)a->ns->href, (const char *)XML_XML_NAMESPACE) == 0;
    snprintf(buf, len, "%s%s", xmlns ? "xml:" : "", (const char *)a->name);
    return buf;
}

static void check_attrs(explain *x, const xmlNode *el, const xmlNode *rule)
{
    attr_rule r[MAX_ATTRS];
    char names[MAX_ATTRS][64];
    int n = 0;
    sp_xml_rng_attrs(x->g, rule->children, 1, r, &n, names);
    long line = sp_xml_line(el);
    for (const xmlAttr *a = el->properties; a; a = a->next) {
        char an[80];
        doc_attr_name(a, an, sizeof an);
        int k = 0;
        while (k < n && strcmp(r[k].name, an) != 0)
            k++;
        if (k == n) {
            sp_suggest s;
            sp_suggest_init(&s, an);
            const char *list[MAX_ATTRS];
            for (int i = 0; i < n; i++) {
                sp_suggest_add(&s, r[i].name);
                list[i] = r[i].name;
            }
            char buf[256];
            if (sp_suggest_best(&s))
                say(x, line, SP_N_("<%s> kent geen attribuut '%s'; bedoel je '%s'?"), doc_name(el), an,
                    sp_suggest_best(&s));
            else if (n)
                say(x, line, SP_N_("<%s> kent geen attribuut '%s' (wel: %s)"), doc_name(el), an,
                    name_list(x, list, n, buf, sizeof buf));
            else
                say(x, line, SP_N_("<%s> heeft geen attributen ('%s')"), doc_name(el), an);
            continue;
        }
        if (r[k].value) {
            xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
            check_value(x, el, an, v ? (const char *)v : "", r[k].value);
            xmlFree(v);
        }
    }
    for (int k = 0; k < n; k++) {
        if (!r[k].required)
            continue;
        int found = 0;
        char an[80];
        for (const xmlAttr *a = el->properties; a && !found; a = a->next)
            found = strcmp(doc_attr_name(a, an, sizeof an), r[k].name) == 0;
        if (!found)
            say(x, line, SP_N_("<%s> mist het attribuut '%s'; voeg %s=\"...\" toe"), doc_name(el), r[k].name, r[k].name);
    }
}

/* ---- child elements ------------------------------------------------------------------- */

static void explain_element(explain *x, const xmlNode *el, const xmlNode *rule);

static int branch_of(const particle *p, const char *name)
{
    for (int i = 0; i < p->nb; i++)
        if (p->b[i].name && strcmp(p->b[i].name, name) == 0)
            return i;
    return -1;
}

static int particle_of(const content *ct, int from, const char *name)
{
    for (int i = from; i < ct->n; i++)
        if (branch_of(&ct->p[i], name) >= 0)
            return i;
    return -1;
}

/* "<a>" or "<a> or <b>" (slash: "<a>/<b>"): what a particle asks for. */
static const char *wanted_sep(explain *x, const particle *p, int slash, char *buf, size_t len)
{
    const char *names[MAX_BRANCHES];
    char tagged[MAX_BRANCHES][48];
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < p->nb; i++) {
        snprintf(tagged[i], sizeof tagged[i], "<%s>", p->b[i].name);
        names[i] = tagged[i];
        if (slash) {
            int w = snprintf(buf + used, len - used, "%s%s", i ? "/" : "", tagged[i]);
            if (w > 0 && (size_t)w < len - used)
                used += (size_t)w;
        }
    }
    return slash ? buf : name_list(x, names, p->nb, buf, len);
}

static const char *wanted(explain *x, const particle *p, char *buf, size_t len)
{
    return wanted_sep(x, p, 0, buf, len);
}

/* The order of the content, "<title>, <summary>, ..., <node>", into buf. */
static const char *order_of(explain *x, const content *ct, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < ct->n; i++) {
        char one[200];
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", wanted_sep(x, &ct->p[i], 1, one, sizeof one));
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

static void misplaced(explain *x, const xmlNode *el, const xmlNode *c, const content *ct)
{
    const char *name = doc_name(c);
    if (particle_of(ct, 0, name) >= 0) {
        char order[512];
        say(x, sp_xml_line(c), SP_N_("<%s> staat op de verkeerde plek in <%s>: de volgorde is %s"), name, doc_name(el),
            order_of(x, ct, order, sizeof order));
        return;
    }
    sp_suggest s;
    sp_suggest_init(&s, name);
    const char *names[MAX_PARTICLES * MAX_BRANCHES];
    char tagged[MAX_PARTICLES * MAX_BRANCHES][48];
    int n = 0;
    for (int i = 0; i < ct->n; i++)
        for (int j = 0; j < ct->p[i].nb; j++) {
            sp_suggest_add(&s, ct->p[i].b[j].name);
            snprintf(tagged[n], sizeof tagged[n], "<%s>", ct->p[i].b[j].name);
            names[n] = tagged[n];
            n++;
        }
    char buf[512];
    if (sp_suggest_best(&s))
        say(x, sp_xml_line(c), SP_N_("<%s> hoort niet in <%s>; bedoel je <%s>?"), name, doc_name(el),
            sp_suggest_best(&s));
    else if (n)
        say(x, sp_xml_line(c), SP_N_("<%s> hoort niet in <%s> (wel: %s)"), name, doc_name(el),
            name_list(x, names, n, buf, sizeof buf));
    else
        say(x, sp_xml_line(c), SP_N_("<%s> hoort niet in <%s>: daarin staan geen elementen"), name, doc_name(el));
}

static void missing(explain *x, const xmlNode *el, const particle *p, int count, const xmlNode *before)
{
    char buf[200];
    long line = before ? sp_xml_line(before) : sp_xml_line(el);
    if (count == 0 && p->min == 1 && before)
        say(x, line, SP_N_("<%s> mist %s (vóór <%s>)"), doc_name(el), wanted(x, p, buf, sizeof buf),
            doc_name(before));
    else if (count == 0 && p->min == 1)
        say(x, line, SP_N_("<%s> mist %s"), doc_name(el), wanted(x, p, buf, sizeof buf));
    else
        say(x, line, SP_N_("<%s> heeft minstens %d %s nodig, niet %d"), doc_name(el), p->min, wanted(x, p, buf, sizeof buf),
            count);
}

static int limit_of(const particle *p, int chosen)
{
    if (p->max == UNBOUNDED)
        return UNBOUNDED;
    return chosen >= 0 && p->b[chosen].max == UNBOUNDED ? UNBOUNDED : p->max;
}

/* Walks el's child elements against the content of rule, reporting what
 * does not fit, and explains each child that does. */
static void explain_children(explain *x, const xmlNode *el, const xmlNode *rule)
{
    content ct = { .n = 0 };
    sp_xml_rng_content(x->g, rule->children, 1, 1, &ct);
    int i = 0, count = 0, chosen = -1;
    for (const xmlNode *c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = doc_name(c);
        for (;;) {
            int b = i < ct.n ? branch_of(&ct.p[i], name) : -1;
            if (b >= 0) {
                if (chosen >= 0 && b != chosen && ct.p[i].max != UNBOUNDED) {
                    say(x, sp_xml_line(c), SP_N_("<%s> gaat niet samen met <%s> in <%s>"), name,
                        ct.p[i].b[chosen].name, doc_name(el));
                } else if (++count > limit_of(&ct.p[i], b)) {
                    say(x, sp_xml_line(c), SP_N_("<%s> mag hoogstens %d <%s> bevatten"), doc_name(el), ct.p[i].max, name);
                } else {
                    chosen = b;
                    explain_element(x, c, ct.p[i].b[b].el);
                }
                break;
            }
            int later = particle_of(&ct, i + 1, name);
            if (later < 0) {
                misplaced(x, el, c, &ct);
                break;
            }
            /* c belongs further on: what stands between must be allowed
             * to be absent. */
            for (int k = i; k < later; k++) {
                int have = k == i ? count : 0;
                if (have < ct.p[k].min)
                    missing(x, el, &ct.p[k], have, c);
            }
            i = later;
            count = 0;
            chosen = -1;
        }
    }
    for (int k = i; k < ct.n; k++) {
        int have = k == i ? count : 0;
        if (have < ct.p[k].min)
            missing(x, el, &ct.p[k], have, NULL);
    }
}

static void explain_element(explain *x, const xmlNode *el, const xmlNode *rule)
{
    check_attrs(x, el, rule);
    explain_children(x, el, rule);
}

/* ---- entry --------------------------------------------------------------------------------- */

int sp_xml_explain(const char *path, const char *data, size_t len, const char *schema_dir,
                   const char *schema_name, sp_diag *d)
{
    grammar g = { 0 };
    xmlDoc *doc = NULL;
    sp_diag *scratch = sp_diag_new();
    int told = 0;
    /* The tree parse repeats every guard of the stream; the file was read
     * whole already, so it costs one tree of one file, on this path only. */
    if (scratch && sp_xml_rng_load(schema_dir, schema_name, &g) == 0 &&
        sp_xml_parse(path, data, len, NULL, NULL, &doc, scratch) == SP_OK) {
        explain x = { .path = path, .d = d, .g = &g };
        const xmlNode *root = xmlDocGetRootElement(doc);
        const char *want = sp_xml_rng_prop(g.start, "name");
        const char *ns = root && root->ns && root->ns->href ? (const char *)root->ns->href : "";
        if (!root) {
            /* nothing to explain */
        } else if (strcmp(doc_name(root), want ? want : "") != 0) {
            say(&x, sp_xml_line(root), SP_N_("het bestand begint met <%s>; het moet beginnen met <%s>"),
                doc_name(root), want ? want : "");
        } else if (g.ns && strcmp(ns, g.ns) != 0) {
            say(&x, sp_xml_line(root), SP_N_("<%s> moet xmlns=\"%s\" hebben"), doc_name(root), g.ns);
        } else {
            explain_element(&x, root, g.start);
        }
        if (x.more)
            sp_diag_add(d, path, 0, SP_N_("en nog %d problemen met het schema"), x.more);
        told = x.told + x.more;
    }
    xmlFreeDoc(doc);
    xmlFreeDoc(g.doc);
    sp_diag_free(scratch);
    return told;
}
