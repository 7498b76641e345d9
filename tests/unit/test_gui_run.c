/* test_gui_run.c: sp_gui_run's failures end in clear exit codes: a missing or broken font gives 3, a case that does not load gives 1; no display means no window; --lang reaches the window only when given. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "app/commands.h"
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

static const char *seen_lang;
static int seen_runs;

static int fake_available(void)
{
    return 1;
}

static int fake_run(const sp_gui_options *o)
{
    seen_lang = o->lang;
    seen_runs++;
    return 0;
}

/* --lang reaches the window only when it was given: without it the window
 * keeps its own setting (o->lang NULL), not the environment's language. */
static void test_lang_reaches_the_window(void **state)
{
    (void)state;
    sp_cli_set_gui(fake_available, fake_run);
    char a0[] = "samenspel", a1[] = "--lang", a2[] = "en", a3[] = "--lang=nl";
    char *with[] = { a0, a1, a2, NULL };
    int argc = 3;
    assert_int_equal(sp_cli_parse_global(&argc, with), 0);
    sp_gui_options o = { 0 };
    assert_int_equal(sp_cli_gui_run(&o), 0);
    assert_int_equal(seen_runs, 1);
    assert_non_null(seen_lang);
    assert_string_equal(seen_lang, "en");

    char *eq[] = { a0, a3, NULL };
    argc = 2;
    assert_int_equal(sp_cli_parse_global(&argc, eq), 0);
    memset(&o, 0, sizeof o);
    sp_cli_gui_run(&o);
    assert_string_equal(seen_lang, "nl");

    char *without[] = { a0, NULL };
    argc = 1;
    setenv("LANG", "en_GB.UTF-8", 1);
    assert_int_equal(sp_cli_parse_global(&argc, without), 0);
    memset(&o, 0, sizeof o);
    sp_cli_gui_run(&o);
    assert_int_equal(seen_runs, 3);
    assert_null(seen_lang);
    unsetenv("LANG");
    sp_cli_set_gui(NULL, NULL);
}

int main(void)
{
    setenv("SAMENSPEL_DATA", getenv("SAMENSPEL_DATA") ? getenv("SAMENSPEL_DATA") : ".", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_font_exits_3),
        cmocka_unit_test(test_broken_font_exits_3),
        cmocka_unit_test(test_bad_case_exits_1),
        cmocka_unit_test(test_dummy_driver_is_no_display),
        cmocka_unit_test(test_lang_reaches_the_window),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
