/* test_gui_run.c: sp_gui_run's failures end in clear exit codes: a missing or broken font gives 3, a case that does not load gives 1; no display means no window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "gui/gui.h"

static char home[64];

static int setup(void **state)
{
    (void)state;
    snprintf(home, sizeof home, "/tmp/sp-gui-run-XXXXXX");
    if (!mkdtemp(home))
        return -1;
    /* never touch the real settings or transcripts */
    setenv("XDG_CONFIG_HOME", home, 1);
    setenv("XDG_DATA_HOME", home, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rmdir(home);
    return 0;
}

static const char *example(void)
{
    static char path[1024];
    const char *root = getenv("SAMENSPEL_DATA");
    snprintf(path, sizeof path, "%s/tests/data/gui/voorbeeld.xml", root && *root ? root : ".");
    return path;
}

static void test_missing_font_exits_3(void **state)
{
    (void)state;
    sp_gui_options o = { 0 };
    o.display = -1;
    o.scenario = example();
    o.font_path = "/nonexistent/font.ttf";
    assert_int_equal(sp_gui_run(&o), 3);
}

static void test_broken_font_exits_3(void **state)
{
    (void)state;
    sp_gui_options o = { 0 };
    o.display = -1;
    o.scenario = example();
    o.font_path = example(); /* an XML file is no font */
    assert_int_equal(sp_gui_run(&o), 3);
}

static void test_bad_case_exits_1(void **state)
{
    (void)state;
    sp_gui_options o = { 0 };
    o.display = -1;
    o.scenario = "/nonexistent/case.xml";
    assert_int_equal(sp_gui_run(&o), 1);
}

static void test_dummy_driver_is_no_display(void **state)
{
    (void)state;
    assert_int_equal(sp_gui_display_available(), 0);
}

int main(void)
{
    setenv("SAMENSPEL_DATA", getenv("SAMENSPEL_DATA") ? getenv("SAMENSPEL_DATA") : ".", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_font_exits_3),
        cmocka_unit_test(test_broken_font_exits_3),
        cmocka_unit_test(test_bad_case_exits_1),
        cmocka_unit_test(test_dummy_driver_is_no_display),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
