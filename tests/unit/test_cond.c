/* test_cond.c: the condition language: what each expression evaluates to, and the exact reason a bad one is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/cond.h"
#include "testutil.h"

/* The variables of every case, and their values while evaluating. */
static const char *const names[] = { "vertrouwen", "exitplan", "jansen_gesproken", "evaluatie", "energie", "_x9" };
enum { N_VARS = sizeof names / sizeof names[0] };
static const int values[N_VARS] = { 45, 0, 1, 0, 30, -7 };

static int resolve(void *ctx, const char *name)
{
    int *calls = ctx;
    (*calls)++;
    for (int i = 0; i < N_VARS; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

static const struct { const char *src; int want; } good[] = {
    { "vertrouwen >= 40 and not exitplan", 1 },
    { "(jansen_gesproken == 1 or evaluatie) and energie > 20", 1 },
    { "vertrouwen", 1 },
    { "exitplan", 0 },
    { "not exitplan", 1 },
    { "not not exitplan", 0 },
    { "vertrouwen == 45", 1 },
    { "vertrouwen != 45", 0 },
    { "vertrouwen < 45", 0 },
    { "vertrouwen <= 45", 1 },
    { "vertrouwen > 44", 1 },
    { "vertrouwen >= 46", 0 },
    { "_x9 == -7", 1 },
    { "_x9 < -6", 1 },
    { "_x9", 1 },
    { "exitplan or evaluatie or energie == 31", 0 },
    { "exitplan or evaluatie or energie == 30", 1 },
    { "vertrouwen and energie and jansen_gesproken and not exitplan", 1 },
    /* "and" binds tighter than "or" */
    { "jansen_gesproken or exitplan and evaluatie", 1 },
    { "(jansen_gesproken or exitplan) and evaluatie", 0 },
    { "not (exitplan or evaluatie)", 1 },
    /* white space is free, also none around operators and brackets */
    { "  vertrouwen>=40and(energie<31)  ", 1 },
    { "\tvertrouwen\n>\n0", 1 },
    { "energie == 2147483647 or energie != -2147483648", 1 },
};

static const struct { const char *src; const char *why; } bad[] = {
    { "", "empty condition" },
    { "   ", "empty condition" },
    { "vertrouwn > 1", "unknown variable 'vertrouwn'" },
    { "vertrouwen >", "expected a number, found the end" },
    { "vertrouwen > exitplan", "expected a number, found 'exitplan'" },
    { "vertrouwen = 3", "expected 'and', 'or' or the end, found '='" },
    { "vertrouwen ~ 3", "expected 'and', 'or' or the end, found '~'" },
    { "(vertrouwen > 3", "expected ')', found the end" },
    { "vertrouwen > 3)", "expected 'and', 'or' or the end, found ')'" },
    { "and vertrouwen", "expected a variable name, found 'and'" },
    { "vertrouwen and", "expected a variable name, found the end" },
    { "not", "expected a variable name, found the end" },
    { "3 > vertrouwen", "expected a variable name, found '3'" },
    { "Vertrouwen", "expected a variable name, found 'V'" },
    { "vertrouwen > 2147483648", "number '2147483648' is out of range" },
    { "vertrouwen > 99999999999999999999999", "number '99999999999999999999999' is out of range" },
    { "vertrouwen > - 3", "expected a number, found '-'" },
    { "energie \xc3\xa9", "expected 'and', 'or' or the end, found '\xc3\xa9'" },
};

static void evaluates(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    char why[128];
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int calls = 0;
        const sp_cond *c = sp_cond_compile(a, good[i].src, resolve, &calls, why, sizeof why);
        if (!c)
            fail_msg("'%s' refused: %s", good[i].src, why);
        if (sp_cond_eval(c, values) != good[i].want)
            fail_msg("'%s' should be %d", good[i].src, good[i].want);
        assert_true(calls > 0);
    }
    assert_int_equal(sp_cond_eval(NULL, values), 1); /* no condition: true */
    sp_arena_free(a);
}

static void refuses_with_reason(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    char why[128];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int calls = 0;
        const sp_cond *c = sp_cond_compile(a, bad[i].src, resolve, &calls, why, sizeof why);
        if (c)
            fail_msg("'%s' compiled", bad[i].src);
        if (strcmp(why, bad[i].why) != 0)
            fail_msg("'%s': reason '%s', expected '%s'", bad[i].src, why, bad[i].why);
    }
    /* A NULL source is an empty condition; a tiny buffer is cut, not overrun. */
    assert_null(sp_cond_compile(a, NULL, resolve, NULL, why, sizeof why));
    assert_string_equal(why, "empty condition");
    char tiny[6];
    int calls = 0;
    assert_null(sp_cond_compile(a, "onbekend", resolve, &calls, tiny, sizeof tiny));
    assert_string_equal(tiny, "unkno");
    assert_null(sp_cond_compile(a, "onbekend", resolve, &calls, NULL, 0));
    sp_arena_free(a);
}

/* Brackets and "not" nest at most 32 deep; a long flat chain is fine and
 * is evaluated without deep recursion. */
static void nesting_and_long_chains(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    char why[128], src[512];
    int calls = 0;

    int n = 0;
    for (int i = 0; i < 32; i++)
        n += snprintf(src + n, sizeof src - (size_t)n, "(");
    n += snprintf(src + n, sizeof src - (size_t)n, "energie");
    for (int i = 0; i < 32; i++)
        n += snprintf(src + n, sizeof src - (size_t)n, ")");
    const sp_cond *c = sp_cond_compile(a, src, resolve, &calls, why, sizeof why);
    assert_non_null(c);
    assert_int_equal(sp_cond_eval(c, values), 1);

    memmove(src + 1, src, strlen(src) + 1);
    src[0] = '(';
    strcat(src, ")");
    assert_null(sp_cond_compile(a, src, resolve, &calls, why, sizeof why));
    assert_string_equal(why, "condition is nested too deeply");

    char nots[400] = "";
    for (int i = 0; i < 33; i++)
        strcat(nots, "not ");
    strcat(nots, "exitplan");
    assert_null(sp_cond_compile(a, nots, resolve, &calls, why, sizeof why));
    assert_string_equal(why, "condition is nested too deeply");

    /* 20,000 operands in one "and" */
    size_t cap = 20000 * 24;
    char *chain = malloc(cap);
    assert_non_null(chain);
    size_t len = 0;
    for (int i = 0; i < 20000; i++)
        len += (size_t)snprintf(chain + len, cap - len, "%senergie > %d", i ? " and " : "", i % 30);
    c = sp_cond_compile(a, chain, resolve, &calls, why, sizeof why);
    assert_non_null(c);
    assert_int_equal(sp_cond_eval(c, values), 1);
    int low[N_VARS] = { 0, 0, 0, 0, 29, 0 };
    assert_int_equal(sp_cond_eval(c, low), 0);
    free(chain);
    sp_arena_free(a);
}

int main(void)
{
    testutil_catalogue(); /* the core\'s messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(evaluates),
        cmocka_unit_test(refuses_with_reason),
        cmocka_unit_test(nesting_and_long_chains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
