/* xml_rng.h: core-internal: a RelaxNG schema read as data, the subset our schemas use (see xml_explain.c). */
#ifndef SP_XML_RNG_H
#define SP_XML_RNG_H

/* Not a public header: xml_explain.c and xml_rng.c only. */

#include "xml_internal.h"

#include <limits.h>

#define MAX_PARTICLES 32
#define MAX_BRANCHES 8
#define MAX_ATTRS 16
#define UNBOUNDED INT_MAX

typedef struct grammar {
    xmlDoc *doc;
    const xmlNode *start;  /* the <element> of <start> */
    const char *ns;        /* the grammar's ns="" */
} grammar;

/* One element name a particle may take, with its own count. */
typedef struct branch {
    const char *name;
    const xmlNode *el;     /* the schema's <element> */
    int min, max;
} branch;

/* One step of an element's content: one name or a choice of names. */
typedef struct particle {
    branch b[MAX_BRANCHES];
    int nb;
    int min, max;          /* of the particle as a whole */
} particle;

typedef struct content {
    particle p[MAX_PARTICLES];
    int n;
    int text;              /* text allowed (mixed, text) */
} content;

typedef struct attr_rule {
    const char *name;      /* "id", "xml:lang" */
    const xmlNode *value;  /* the pattern inside <attribute>, NULL: any text */
    int required;
} attr_rule;

/* Reads dir/name; 0 when it is a grammar with a start element. The caller
 * frees g->doc (also on failure). */
int sp_xml_rng_load(const char *dir, const char *name, grammar *g);
/* n is a RelaxNG element named name (any name when NULL). */
int sp_xml_rng_is(const xmlNode *n, const char *name);
/* An attribute of a schema element, NULL when absent. */
const char *sp_xml_rng_prop(const xmlNode *n, const char *name);
/* The <define name="..."> of the grammar, or NULL. */
const xmlNode *sp_xml_rng_define(const grammar *g, const char *name);
/* The text of a schema element (<value>, <param>, <name>). */
const char *sp_xml_rng_text(const xmlNode *n);
/* The pattern list from first on, as particles appended to ct (min and
 * max: the count of the context, 1 and 1 for an element's content). */
void sp_xml_rng_content(const grammar *g, const xmlNode *first, int min, int max, content *ct);
/* The attribute rules of the pattern list from first on, into r[*n];
 * names[] holds their names. required: 1 at the top of an element. */
void sp_xml_rng_attrs(const grammar *g, const xmlNode *first, int required, attr_rule *r, int *n,
                      char names[][64]);

#endif
