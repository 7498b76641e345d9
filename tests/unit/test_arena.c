/* test_arena.c: the bump allocator: zeroed, aligned, big blocks, string copies, one free for all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdalign.h>
#include <string.h>

#include "core/arena.h"

static void zeroed_and_aligned(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    assert_non_null(a);
    for (size_t size = 1; size < 300; size += 1) {
        /* A string of odd length first: strings are packed unaligned and
         * must not disturb the next allocation's alignment. */
        assert_non_null(sp_arena_strdup(a, "abc"));
        unsigned char *p = sp_arena_alloc(a, size);
        assert_non_null(p);
        /* Aligned for any object (or array) of that size: its alignment
         * divides the size, so the largest power of two that does (at
         * most max_align_t's). */
        size_t want = alignof(max_align_t);
        while (size % want != 0)
            want /= 2;
        assert_int_equal((uintptr_t)p % want, 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xAB, size); /* the next allocation must not overlap */
    }
    assert_non_null(sp_arena_alloc(a, 0)); /* a valid, distinct pointer */
    sp_arena_free(a);
}

/* Requests bigger than a block, and many small ones across block
 * boundaries, all stay intact until the one free. */
static void big_and_many(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    size_t before = sp_arena_used(a);
    assert_int_equal(before, 0);
    char *small = sp_arena_alloc(a, 10);
    memset(small, 's', 10);
    size_t big_n = 1u << 20;
    char *big = sp_arena_alloc(a, big_n);
    assert_non_null(big);
    memset(big, 'b', big_n);
    char *after = sp_arena_alloc(a, 10); /* still fits in the first block */
    memset(after, 'a', 10);
    int *nums[5000];
    for (int i = 0; i < 5000; i++) {
        nums[i] = sp_arena_alloc(a, 100 * sizeof(int));
        assert_non_null(nums[i]);
        for (int k = 0; k < 100; k++)
            nums[i][k] = i * 100 + k;
    }
    for (int i = 0; i < 5000; i++)
        for (int k = 0; k < 100; k += 33)
            assert_int_equal(nums[i][k], i * 100 + k);
    for (int i = 0; i < 10; i++) {
        assert_int_equal(small[i], 's');
        assert_int_equal(after[i], 'a');
    }
    assert_int_equal(big[0], 'b');
    assert_int_equal(big[big_n - 1], 'b');
    assert_int_equal(sp_arena_used(a), 10 + big_n + 10 + 5000 * 100 * sizeof(int));
    /* An impossible size fails cleanly. */
    assert_null(sp_arena_alloc(a, SIZE_MAX));
    assert_null(sp_arena_alloc(a, SIZE_MAX - 8));
    sp_arena_free(a);
}

static void strings(void **state)
{
    (void)state;
    sp_arena *a = sp_arena_new();
    const char *src = "opdrachtgever";
    char *s = sp_arena_strdup(a, src);
    assert_string_equal(s, src);
    assert_ptr_not_equal(s, src);
    assert_string_equal(sp_arena_strndup(a, src, 7), "opdrach");
    assert_string_equal(sp_arena_strndup(a, "kort", 100), "kort");
    assert_string_equal(sp_arena_strdup(a, ""), "");
    assert_null(sp_arena_strdup(a, NULL));
    sp_arena_free(a);
}

static void null_arena(void **state)
{
    (void)state;
    assert_null(sp_arena_alloc(NULL, 8));
    assert_null(sp_arena_strdup(NULL, "x"));
    assert_int_equal(sp_arena_used(NULL), 0);
    sp_arena_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zeroed_and_aligned),
        cmocka_unit_test(big_and_many),
        cmocka_unit_test(strings),
        cmocka_unit_test(null_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
