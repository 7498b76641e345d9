/* xml_text.c: reads a prose element of the tree: folded white space, Dutch plus <t xml:lang> translations. */
#include "xml.h"
#include "arena.h"
#include "translate.h"
#include "scenario.h" /* SP_MAX_TEXT_BYTES */

#include <string.h>

/* White space folding into a fixed buffer: runs of white space become one
 * space, a run holding a blank line (two line breaks) becomes "\n", and
 * leading and trailing white space go. `pending` carries an open run
 * across text nodes. */
typedef struct folder {
    char buf[SP_MAX_TEXT_BYTES + 1];
    size_t len;
    int pending;   /* 0 none, 1 space, 2 paragraph */
    int newlines;  /* line breaks in the open run */
    int overflow;
} folder;

static void fold_put(folder *f, char c)
{
    if (f->len >= SP_MAX_TEXT_BYTES) {
        f->overflow = 1;
        return;
    }
    f->buf[f->len++] = c;
}

static void fold(folder *f, const char *s)
{
    for (; *s && !f->overflow; s++) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (c == '\n' && ++f->newlines >= 2)
                f->pending = 2;
            else if (!f->pending)
                f->pending = 1;
            continue;
        }
        if (f->pending && f->len > 0)
            fold_put(f, f->pending == 2 ? '\n' : ' ');
        f->pending = 0;
        f->newlines = 0;
        fold_put(f, c);
    }
}

static void fold_reset(folder *f)
{
    f->len = 0;
    f->pending = 0;
    f->newlines = 0;
    f->overflow = 0;
}

static void fold_node_text(folder *f, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            fold(f, (const char *)c->content);
}

static const char *lang_of(const xmlNode *n)
{
    for (const xmlAttr *at = n->properties; at; at = at->next)
        if (at->ns && at->ns->href && strcmp((const char *)at->ns->href,
                                             (const char *)XML_XML_NAMESPACE) == 0 &&
            strcmp((const char *)at->name, "lang") == 0 && at->children &&
            at->children->type == XML_TEXT_NODE)
            return (const char *)at->children->content;
    return "";
}

sp_status sp_xml_text(struct sp_arena *a, const char *path, const xmlNode *el,
                      int required, sp_text *out, sp_diag *d)
{
    folder f;
    const char *elname = (const char *)el->name;
    sp_status status = SP_OK;
    memset(out, 0, sizeof *out);

    fold_reset(&f);
    fold_node_text(&f, el);
    if (f.overflow) {
        sp_diag_add(d, path, sp_xml_line(el), SP_N_("de tekst van <%s> is langer dan %d bytes"),
                    elname, SP_MAX_TEXT_BYTES);
        return SP_EINVAL;
    }
    if (f.len == 0 && required) {
        sp_diag_add(d, path, sp_xml_line(el), SP_N_("<%s> heeft geen Nederlandse tekst"), elname);
        status = SP_EINVAL;
    } else if (f.len > 0) {
        out->s[SP_LANG_NL] = sp_arena_strndup(a, f.buf, f.len);
        if (!out->s[SP_LANG_NL])
            return SP_ENOMEM;
    }

    for (const xmlNode *c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "t") != 0)
            continue;
        const char *code = lang_of(c);
        sp_lang lang = sp_lang_from_code(code);
        if (lang == SP_LANG_NL || strcmp(code, sp_lang_code(lang)) != 0) {
            sp_diag_add(d, path, sp_xml_line(c), SP_N_("<t> in <%s>: taal '%s' wordt niet ondersteund"),
                        elname, code);
            status = SP_EINVAL;
            continue;
        }
        if (out->s[lang]) {
            sp_diag_add(d, path, sp_xml_line(c), SP_N_("<%s> heeft meer dan één '%s'-vertaling"),
                        elname, code);
            status = SP_EINVAL;
            continue;
        }
        fold_reset(&f);
        fold_node_text(&f, c);
        if (f.overflow) {
            sp_diag_add(d, path, sp_xml_line(c), SP_N_("de '%s'-tekst van <%s> is langer dan %d bytes"),
                        code, elname, SP_MAX_TEXT_BYTES);
            status = SP_EINVAL;
            continue;
        }
        if (f.len == 0) {
            sp_diag_add(d, path, sp_xml_line(c), SP_N_("de '%s'-vertaling van <%s> is leeg"),
                        code, elname);
            status = SP_EINVAL;
            continue;
        }
        out->s[lang] = sp_arena_strndup(a, f.buf, f.len);
        if (!out->s[lang])
            return SP_ENOMEM;
    }
    return status;
}
