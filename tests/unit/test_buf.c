/* test_buf.c: the core's growing string (buf.h): appends in order, printf without a length limit, growth far past the first block, the result and its length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"

static void test_appends_in_order(void **state)
{
    (void)state;
    sp_buf b = { 0 };
    sp_buf_put(&b, "Ja");
    sp_buf_put_n(&b, ", maar-XYZ", 6);
    sp_buf_putf(&b, " %d van de %d (%+d)", 5, 9, -2);
    sp_buf_put_n(&b, "", 0);
    size_t len = 0;
    char *s = sp_buf_finish(&b, &len);
    assert_non_null(s);
    assert_string_equal(s, "Ja, maar 5 van de 9 (-2)");
    assert_int_equal(len, strlen("Ja, maar 5 van de 9 (-2)"));
    free(s);
}

/* A formatted text longer than any fixed scratch: nothing is cut. */
static void test_putf_has_no_length_limit(void **state)
{
    (void)state;
    char word[3001];
    memset(word, 'a', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    sp_buf b = { 0 };
    sp_buf_put(&b, "<");
    sp_buf_putf(&b, "%s|%s", word, word);
    sp_buf_put(&b, ">");
    size_t len = 0;
    char *s = sp_buf_finish(&b, &len);
    assert_non_null(s);
    assert_int_equal(len, 1 + 3000 + 1 + 3000 + 1);
    assert_int_equal(s[0], '<');
    assert_int_equal(s[3001], '|');
    assert_int_equal(s[len - 1], '>');
    assert_int_equal(s[len], '\0');
    assert_int_equal(strspn(s + 1, "a"), 3000);
    free(s);
}

/* 100,000 single bytes: the doubling keeps every one, in order. */
static void test_grows_past_the_first_block(void **state)
{
    (void)state;
    sp_buf b = { 0 };
    for (int i = 0; i < 100000; i++)
        sp_buf_put_n(&b, &"0123456789"[i % 10], 1);
    size_t len = 0;
    char *s = sp_buf_finish(&b, &len);
    assert_non_null(s);
    assert_int_equal(len, 100000);
    for (int i = 0; i < 100000; i += 997)
        assert_int_equal(s[i], '0' + i % 10);
    assert_true(b.cap >= len + 1);
    free(s);
}

/* After a failed allocation the buffer takes nothing more and the result
 * is NULL (the flag stands in for a failing allocator here). */
static void test_nomem_gives_null(void **state)
{
    (void)state;
    sp_buf b = { 0 };
    sp_buf_put(&b, "begin");
    b.nomem = 1;
    sp_buf_put(&b, "more");
    sp_buf_putf(&b, "%d", 42);
    assert_int_equal(b.len, 5);
    size_t len = 99;
    assert_null(sp_buf_finish(&b, &len));
    assert_int_equal(len, 99);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_in_order),
        cmocka_unit_test(test_putf_has_no_length_limit),
        cmocka_unit_test(test_grows_past_the_first_block),
        cmocka_unit_test(test_nomem_gives_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
