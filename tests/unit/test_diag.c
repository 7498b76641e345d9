/* test_diag.c: diagnostics read "path:line: message", are capped and counted, and never break a line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/diag.h"

static void shapes(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_diag_count(d), 0);
    sp_diag_add(d, "scenarios/intake.xml", 42, "choice '%s' points at unknown node '%s'", "c3", "n99");
    sp_diag_add(d, "scenarios/intake.xml", 0, "file is empty");
    sp_diag_add(d, NULL, 0, "no path");
    /* libxml2-style trailing newline, and one inside: one line each. */
    sp_diag_add(d, "a.xml", 3, "first\nsecond\n");
    assert_int_equal(sp_diag_count(d), 4);
    assert_string_equal(sp_diag_message(d, 0),
                        "scenarios/intake.xml:42: choice 'c3' points at unknown node 'n99'");
    assert_string_equal(sp_diag_message(d, 1), "scenarios/intake.xml: file is empty");
    assert_string_equal(sp_diag_message(d, 2), ": no path");
    assert_string_equal(sp_diag_message(d, 3), "a.xml:3: first second");
    assert_string_equal(sp_diag_message(d, 4), "");  /* out of range */
    assert_string_equal(sp_diag_message(d, -1), "");
    sp_diag_clear(d);
    assert_int_equal(sp_diag_count(d), 0);
    sp_diag_free(d);
}

static void capped_and_counted(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    for (int i = 0; i < SP_DIAG_MAX + 10; i++)
        sp_diag_add(d, "f.xml", i + 1, "problem %d", i);
    assert_int_equal(sp_diag_count(d), SP_DIAG_MAX);
    assert_int_equal(sp_diag_dropped(d), 10);
    char want[64];
    snprintf(want, sizeof want, "f.xml:%d: problem %d", SP_DIAG_MAX, SP_DIAG_MAX - 1);
    assert_string_equal(sp_diag_message(d, SP_DIAG_MAX - 1), want);
    sp_diag_clear(d);
    assert_int_equal(sp_diag_dropped(d), 0);
    sp_diag_free(d);
}

static void null_diag(void **state)
{
    (void)state;
    sp_diag_add(NULL, "f.xml", 1, "dropped");
    assert_int_equal(sp_diag_count(NULL), 0);
    assert_int_equal(sp_diag_dropped(NULL), 0);
    assert_string_equal(sp_diag_message(NULL, 0), "");
    sp_diag_clear(NULL);
    sp_diag_free(NULL);
}

static void status_names(void **state)
{
    (void)state;
    assert_string_equal(sp_status_name(SP_OK), "ok");
    assert_string_equal(sp_status_name(SP_EINVAL), "invalid content");
    assert_string_equal(sp_status_name(SP_EIO), "system error");
    assert_string_equal(sp_status_name((sp_status)99), "unknown status");
    /* Exit codes overlap with the status numbers. */
    assert_int_equal(SP_EINVAL, 1);
    assert_int_equal(SP_EIO, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shapes),
        cmocka_unit_test(capped_and_counted),
        cmocka_unit_test(null_diag),
        cmocka_unit_test(status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
