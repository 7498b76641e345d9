/* cond.c: compiles and evaluates the small condition language of scenarios (grammar in cond.h). */
#include "cond.h"
#include "arena.h"
#include "diag.h"
#include "translate.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/*
 * A compiled condition is a tree in the arena. "and"/"or" nodes hold all
 * their operands in one array, so "a and b and c ..." stays one level deep:
 * evaluation recursion is bounded by the bracket/"not" nesting, which the
 * compiler caps at COND_MAX_DEPTH.
 */
#define COND_MAX_DEPTH 32
#define COND_MAX_NAME 64

typedef enum { C_OR, C_AND, C_NOT, C_CMP } c_kind;
typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } c_op;

struct sp_cond {
    c_kind kind;
    /* C_OR, C_AND: kids[0..n); C_NOT: kids[0] */
    const struct sp_cond **kids;
    int n;
    /* C_CMP */
    int var;
    c_op op;
    int value;
};

typedef enum { T_END, T_NAME, T_INT, T_OP, T_LPAREN, T_RPAREN, T_AND, T_OR, T_NOT, T_BAD } t_kind;

typedef struct {
    sp_arena *a;
    const char *src, *p;
    sp_cond_resolve resolve;
    void *ctx;
    char *err;
    int errlen;
    int lang;                /* of the error: 0 Dutch, 1 English (sp_translate) */
    int failed;
    /* current token */
    t_kind tok;
    const char *tstart;
    size_t tlen;
    c_op op;
    long long ival;
    int depth;
} parser;

/* Records the first error as pre + arg[0..arglen) + post. */
static void fail_arg(parser *ps, const char *pre, const char *arg, size_t arglen, const char *post)
{
    if (ps->failed)
        return;
    ps->failed = 1;
    if (ps->err && ps->errlen > 0)
        snprintf(ps->err, (size_t)ps->errlen, "%s%.*s%s", sp_translate((sp_lang)ps->lang, pre), (int)arglen, arg ? arg : "",
                 sp_translate((sp_lang)ps->lang, post));
}

static void fail(parser *ps, const char *msg)
{
    fail_arg(ps, msg, NULL, 0, "");
}

static int is_name_start(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
static int is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static void next(parser *ps)
{
    const char *p = ps->p;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    ps->tstart = p;
    ps->tlen = 1;
    if (*p == '\0') {
        ps->tok = T_END;
        ps->tlen = 0;
    } else if (*p == '(') {
        ps->tok = T_LPAREN;
        p++;
    } else if (*p == ')') {
        ps->tok = T_RPAREN;
        p++;
    } else if (is_name_start(*p)) {
        while (is_name_char(*p))
            p++;
        ps->tlen = (size_t)(p - ps->tstart);
        if (ps->tlen == 3 && memcmp(ps->tstart, "and", 3) == 0)
            ps->tok = T_AND;
        else if (ps->tlen == 2 && memcmp(ps->tstart, "or", 2) == 0)
            ps->tok = T_OR;
        else if (ps->tlen == 3 && memcmp(ps->tstart, "not", 3) == 0)
            ps->tok = T_NOT;
        else
            ps->tok = T_NAME;
    } else if (is_digit(*p) || (*p == '-' && is_digit(p[1]))) {
        const char *s = p;
        int neg = *p == '-';
        if (neg)
            p++;
        long long v = 0;
        int overflow = 0;
        while (is_digit(*p)) {
            v = v * 10 + (*p - '0');
            if (v > (long long)INT_MAX + 1)
                overflow = 1, v = (long long)INT_MAX + 1;
            p++;
        }
        if (neg)
            v = -v;
        if (overflow || v > INT_MAX || v < INT_MIN) {
            ps->tok = T_BAD;
            ps->tlen = (size_t)(p - s);
            ps->p = p;
            fail_arg(ps, SP_N_("getal '"), s, ps->tlen, SP_N_("' ligt buiten het bereik"));
            return;
        }
        ps->tlen = (size_t)(p - s);
        ps->tok = T_INT;
        ps->ival = v;
    } else if ((p[0] == '=' || p[0] == '!') && p[1] == '=') {
        ps->tok = T_OP;
        ps->op = p[0] == '=' ? OP_EQ : OP_NE;
        ps->tlen = 2;
        p += 2;
    } else if (p[0] == '<' || p[0] == '>') {
        ps->tok = T_OP;
        int eq = p[1] == '=';
        ps->op = p[0] == '<' ? (eq ? OP_LE : OP_LT) : (eq ? OP_GE : OP_GT);
        ps->tlen = eq ? 2 : 1;
        p += ps->tlen;
    } else {
        ps->tok = T_BAD;
        /* Show a whole UTF-8 sequence, not half of one. */
        size_t n = 1;
        while (((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        ps->tlen = n;
        p += n;
    }
    ps->p = p;
}

static void fail_here(parser *ps, const char *what)
{
    char pre[128];
    if (ps->tok == T_END) {
        snprintf(pre, sizeof pre, sp_translate((sp_lang)ps->lang, "%s, maar de voorwaarde houdt op"), sp_translate((sp_lang)ps->lang, what));
        fail(ps, pre);
    } else {
        snprintf(pre, sizeof pre, sp_translate((sp_lang)ps->lang, "%s, maar vond '"), sp_translate((sp_lang)ps->lang, what));
        fail_arg(ps, pre, ps->tstart, ps->tlen, "'");
    }
}

static struct sp_cond *node_new(parser *ps, c_kind kind)
{
    struct sp_cond *c = sp_arena_alloc(ps->a, sizeof *c);
    if (!c)
        fail(ps, SP_N_("onvoldoende geheugen"));
    else
        c->kind = kind;
    return c;
}

static const struct sp_cond *parse_expr(parser *ps);

static const struct sp_cond *parse_cmp(parser *ps)
{
    if (ps->tok != T_NAME) {
        fail_here(ps, SP_N_("verwacht een variabelenaam"));
        return NULL;
    }
    char name[COND_MAX_NAME + 1];
    if (ps->tlen > COND_MAX_NAME) {
        fail_arg(ps, SP_N_("naam '"), ps->tstart, ps->tlen, SP_N_("' is te lang"));
        return NULL;
    }
    memcpy(name, ps->tstart, ps->tlen);
    name[ps->tlen] = '\0';
    int var = ps->resolve ? ps->resolve(ps->ctx, name) : -1;
    if (var < 0) {
        fail_arg(ps, SP_N_("onbekende variabele '"), ps->tstart, ps->tlen, "'");
        return NULL;
    }
    struct sp_cond *c = node_new(ps, C_CMP);
    if (!c)
        return NULL;
    c->var = var;
    c->op = OP_NE;
    c->value = 0;
    next(ps);
    if (ps->tok == T_OP) {
        c->op = ps->op;
        next(ps);
        if (ps->tok != T_INT) {
            fail_here(ps, SP_N_("verwacht een getal"));
            return NULL;
        }
        c->value = (int)ps->ival;
        next(ps);
    }
    return c;
}

static const struct sp_cond *parse_unary(parser *ps)
{
    if (ps->failed)
        return NULL;
    if (ps->tok == T_NOT || ps->tok == T_LPAREN) {
        if (++ps->depth > COND_MAX_DEPTH) {
            fail(ps, SP_N_("voorwaarde is te diep genest"));
            return NULL;
        }
        const struct sp_cond *r;
        if (ps->tok == T_NOT) {
            next(ps);
            const struct sp_cond *k = parse_unary(ps);
            struct sp_cond *c = k ? node_new(ps, C_NOT) : NULL;
            const struct sp_cond **kids = c ? sp_arena_alloc(ps->a, sizeof *kids) : NULL;
            if (c && !kids)
                fail(ps, SP_N_("onvoldoende geheugen"));
            if (!kids)
                return NULL;
            kids[0] = k;
            c->kids = kids;
            c->n = 1;
            r = c;
        } else {
            next(ps);
            r = parse_expr(ps);
            if (!r)
                return NULL;
            if (ps->tok != T_RPAREN) {
                fail_here(ps, SP_N_("verwacht ')'"));
                return NULL;
            }
            next(ps);
        }
        ps->depth--;
        return r;
    }
    return parse_cmp(ps);
}

/* One level of "and" or "or": operand ( KW operand )*, collected into one
 * n-ary node (or the single operand itself). */
static const struct sp_cond *parse_list(parser *ps, t_kind kw)
{
    const struct sp_cond *first = kw == T_OR ? parse_list(ps, T_AND) : parse_unary(ps);
    if (!first || ps->tok != kw)
        return first;
    /* Operands are collected in a growing arena array; the few wasted
     * copies are cheap next to an extra tree level per operand. */
    int cap = 4, n = 0;
    const struct sp_cond **kids = sp_arena_alloc(ps->a, (size_t)cap * sizeof *kids);
    if (!kids) {
        fail(ps, SP_N_("onvoldoende geheugen"));
        return NULL;
    }
    kids[n++] = first;
    while (ps->tok == kw) {
        next(ps);
        const struct sp_cond *k = kw == T_OR ? parse_list(ps, T_AND) : parse_unary(ps);
        if (!k)
            return NULL;
        if (n == cap) {
            const struct sp_cond **nk = sp_arena_alloc(ps->a, (size_t)cap * 2 * sizeof *kids);
            if (!nk) {
                fail(ps, SP_N_("onvoldoende geheugen"));
                return NULL;
            }
            memcpy(nk, kids, (size_t)n * sizeof *kids);
            kids = nk;
            cap *= 2;
        }
        kids[n++] = k;
    }
    struct sp_cond *c = node_new(ps, kw == T_OR ? C_OR : C_AND);
    if (!c)
        return NULL;
    c->kids = kids;
    c->n = n;
    return c;
}

static const struct sp_cond *parse_expr(parser *ps)
{
    return parse_list(ps, T_OR);
}

const sp_cond *sp_cond_compile(struct sp_arena *a, const char *src,
                               sp_cond_resolve resolve, void *ctx,
                               char *err, int errlen)
{
    return sp_cond_compile_lang(a, src, resolve, ctx, 1, err, errlen);
}

const sp_cond *sp_cond_compile_lang(struct sp_arena *a, const char *src,
                                    sp_cond_resolve resolve, void *ctx, int lang,
                                    char *err, int errlen)
{
    if (err && errlen > 0)
        err[0] = '\0';
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.lang = lang;
    ps.a = a;
    ps.src = ps.p = src ? src : "";
    ps.resolve = resolve;
    ps.ctx = ctx;
    ps.err = err;
    ps.errlen = errlen;
    next(&ps);
    if (ps.tok == T_END) {
        fail(&ps, SP_N_("lege voorwaarde"));
        return NULL;
    }
    const struct sp_cond *c = parse_expr(&ps);
    if (c && !ps.failed && ps.tok != T_END)
        fail_here(&ps, SP_N_("verwacht 'and', 'or' of het einde"));
    if (ps.failed)
        return NULL;
    return c;
}

int sp_cond_eval(const sp_cond *c, const int *vars)
{
    if (!c)
        return 1;
    switch (c->kind) {
    case C_OR:
        for (int i = 0; i < c->n; i++)
            if (sp_cond_eval(c->kids[i], vars))
                return 1;
        return 0;
    case C_AND:
        for (int i = 0; i < c->n; i++)
            if (!sp_cond_eval(c->kids[i], vars))
                return 0;
        return 1;
    case C_NOT:
        return !sp_cond_eval(c->kids[0], vars);
    case C_CMP: {
        int v = vars[c->var];
        switch (c->op) {
        case OP_EQ: return v == c->value;
        case OP_NE: return v != c->value;
        case OP_LT: return v < c->value;
        case OP_LE: return v <= c->value;
        case OP_GT: return v > c->value;
        case OP_GE: return v >= c->value;
        }
    }
    }
    return 0;
}

void sp_cond_vars(const sp_cond *c, unsigned char *used)
{
    if (!c)
        return;
    if (c->kind == C_CMP) {
        used[c->var] = 1;
        return;
    }
    for (int i = 0; i < c->n; i++)
        sp_cond_vars(c->kids[i], used);
}

int sp_cond_cuts(const sp_cond *c, int var, int *out, int n, int max)
{
    if (!c)
        return n;
    if (c->kind == C_CMP) {
        if (c->var == var && n < max)
            out[n++] = c->value;
        return n;
    }
    for (int i = 0; i < c->n; i++)
        n = sp_cond_cuts(c->kids[i], var, out, n, max);
    return n;
}
