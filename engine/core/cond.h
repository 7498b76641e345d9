/* cond.h: the small condition language of scenarios ("vertrouwen >= 40 and not exitplan"). */
#ifndef SP_COND_H
#define SP_COND_H

/*
 * Grammar (whitespace free between tokens):
 *   expr   := and ( "or" and )*
 *   and    := unary ( "and" unary )*
 *   unary  := "not" unary | "(" expr ")" | cmp
 *   cmp    := NAME [ op INT ]         NAME alone means NAME != 0
 *   op     := "==" | "!=" | "<" | "<=" | ">" | ">="
 *   INT    := -?[0-9]+
 *   NAME   := [a-z_][a-z0-9_]*   (a variable of the scenario)
 * Conditions are compiled once at load time into the arena.
 */

#include "model.h"

struct sp_arena;

/* Resolves a variable name to its index, -1 when unknown. */
typedef int (*sp_cond_resolve)(void *ctx, const char *name);

/* Compiles src. On error returns NULL and writes a one-line reason into
 * err (e.g. "unknown variable 'vertrouwn'"). */
const sp_cond *sp_cond_compile(struct sp_arena *a, const char *src,
                               sp_cond_resolve resolve, void *ctx,
                               char *err, int errlen);

/* The same with the reason in a language: 0 Dutch, 1 English (the core's
 * msgids through sp_translate, po/en.po). */
const sp_cond *sp_cond_compile_lang(struct sp_arena *a, const char *src,
                                    sp_cond_resolve resolve, void *ctx, int lang,
                                    char *err, int errlen);

/* NULL is true. vars holds the current value of every scenario variable. */
int sp_cond_eval(const sp_cond *c, const int *vars);

/* Sets used[v] = 1 for every variable v the condition reads (NULL reads none). */
void sp_cond_vars(const sp_cond *c, unsigned char *used);

/* Appends to out[n..max) the constants c compares variable var with ("var
 * alone" compares with nothing); returns the new count. */
int sp_cond_cuts(const sp_cond *c, int var, int *out, int n, int max);

#endif
