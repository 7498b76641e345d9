/* test_cli.c: what the subcommands share: global options, exit codes, the fixed clock and transcript paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "app/commands.h"

static void test_global_options_anywhere(void **state)
{
    (void)state;
    char *argv[] = { "samenspel", "play", "--lang", "en", "--text", "--font=/x.ttf", "intake", NULL };
    int argc = 7;
    assert_int_equal(sp_cli_parse_global(&argc, argv), SP_EXIT_OK);
    assert_int_equal(argc, 4);
    assert_string_equal(argv[1], "play");
    assert_string_equal(argv[2], "--text");
    assert_string_equal(argv[3], "intake");
    assert_null(argv[4]);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_EN);
    assert_string_equal(sp_cli_opts()->font, "/x.ttf");
}

static void test_lang_from_environment(void **state)
{
    (void)state;
    setenv("XDG_CONFIG_HOME", "/nonexistent-samenspel-config", 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "en_US.UTF-8", 1);
    char *argv[] = { "samenspel", "check", NULL };
    int argc = 2;
    assert_int_equal(sp_cli_parse_global(&argc, argv), SP_EXIT_OK);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_EN);
    char *argv2[] = { "samenspel", "--lang=nl", "check", NULL };
    argc = 3;
    assert_int_equal(sp_cli_parse_global(&argc, argv2), SP_EXIT_OK);
    assert_int_equal(argc, 2);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_NL);
}

static void test_lang_from_the_window_settings(void **state)
{
    (void)state;
    char dir[] = "/tmp/samenspel-cfg-XXXXXX", sub[64], path[96];
    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/samenspel", dir);
    snprintf(path, sizeof path, "%s/settings.ini", sub);
    assert_int_equal(mkdir(sub, 0755), 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("language=en\n", f);
    fclose(f);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("LANG", "nl_NL.UTF-8", 1);
    char *argv[] = { "samenspel", "check", NULL };
    int argc = 2;
    assert_int_equal(sp_cli_parse_global(&argc, argv), SP_EXIT_OK);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_EN);
    /* --lang still wins */
    char *argv2[] = { "samenspel", "--lang", "nl", NULL };
    argc = 3;
    assert_int_equal(sp_cli_parse_global(&argc, argv2), SP_EXIT_OK);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_NL);
    /* a damaged file is ignored here (the window reports it) */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("language=fr\n", f);
    fclose(f);
    char *argv3[] = { "samenspel", NULL };
    argc = 1;
    assert_int_equal(sp_cli_parse_global(&argc, argv3), SP_EXIT_OK);
    assert_int_equal(sp_cli_opts()->lang, SP_LANG_NL);
    unlink(path);
    rmdir(sub);
    rmdir(dir);
    unsetenv("XDG_CONFIG_HOME");
}

static void test_bad_global_options(void **state)
{
    (void)state;
    char *a1[] = { "samenspel", "--lang", "fr", NULL };
    int argc = 3;
    assert_int_equal(sp_cli_parse_global(&argc, a1), SP_EXIT_USAGE);
    char *a2[] = { "samenspel", "--lang", NULL };
    argc = 2;
    assert_int_equal(sp_cli_parse_global(&argc, a2), SP_EXIT_USAGE);
    char *a3[] = { "samenspel", "--font", NULL };
    argc = 2;
    assert_int_equal(sp_cli_parse_global(&argc, a3), SP_EXIT_USAGE);
    /* after "--" nothing is an option */
    char *a4[] = { "samenspel", "play", "--", "--lang", NULL };
    argc = 4;
    assert_int_equal(sp_cli_parse_global(&argc, a4), SP_EXIT_OK);
    assert_int_equal(argc, 4);
    assert_string_equal(a4[3], "--lang");
}

static void test_exit_codes(void **state)
{
    (void)state;
    assert_int_equal(sp_cli_exit(SP_OK), 0);
    assert_int_equal(sp_cli_exit(SP_EINVAL), 1);
    assert_int_equal(sp_cli_exit(SP_EUSAGE), 2);
    assert_int_equal(sp_cli_exit(SP_EIO), 3);
    assert_int_equal(sp_cli_exit(SP_ENOMEM), 3);
}

static void test_no_window_in_tests(void **state)
{
    (void)state;
    /* main.c plugs the window in; without it a command takes the terminal */
    assert_int_equal(sp_cli_display_available(), 0);
    sp_gui_options o = { 0 };
    assert_int_equal(sp_cli_gui_run(&o), SP_EXIT_SYSTEM);
}

static void test_fixed_clock_and_transcript_names(void **state)
{
    (void)state;
    char dir[] = "/tmp/samenspel-cli-XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("XDG_DATA_HOME", dir, 1);
    setenv("SOURCE_DATE_EPOCH", "1714555800", 1); /* 2024-05-01 09:30:00 UTC */
    assert_int_equal(sp_cli_now(), 1714555800);

    sp_diag *d = sp_diag_new();
    char path[4096], want[4096];
    assert_int_equal(sp_cli_transcript_dir(path, sizeof path, d), SP_OK);
    snprintf(want, sizeof want, "%s/samenspel/transcripts", dir);
    assert_string_equal(path, want);
    /* The names themselves: sp_transcript_create (test_transcript.c). */

    /* a value that is not a number is ignored */
    setenv("SOURCE_DATE_EPOCH", "gisteren", 1);
    assert_true(sp_cli_now() > 1714555800);
    unsetenv("SOURCE_DATE_EPOCH");

    snprintf(want, sizeof want, "%s/samenspel/transcripts", dir);
    rmdir(want);
    snprintf(want, sizeof want, "%s/samenspel", dir);
    rmdir(want);
    rmdir(dir);
    sp_diag_free(d);
}

static void test_no_home_no_transcripts(void **state)
{
    (void)state;
    char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    sp_diag *d = sp_diag_new();
    sp_diag_set_lang(d, SP_LANG_NL); /* the msgids themselves, whatever catalogue an earlier test bound */
    char path[256];
    assert_int_equal(sp_cli_transcript_dir(path, sizeof path, d), SP_EIO);
    assert_int_equal(sp_diag_count(d), 1);
    /* a relative HOME is not used relative to the current directory */
    setenv("HOME", "thuis", 1);
    sp_diag_clear(d);
    assert_int_equal(sp_cli_transcript_dir(path, sizeof path, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), "absoluut pad"));
    /* a path too long for the buffer says so, not that nothing is set */
    char longdir[300];
    memset(longdir, 'x', sizeof longdir - 1);
    longdir[0] = '/';
    longdir[sizeof longdir - 1] = '\0';
    setenv("XDG_DATA_HOME", longdir, 1);
    sp_diag_clear(d);
    assert_int_equal(sp_cli_transcript_dir(path, sizeof path, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), "te lang"));
    unsetenv("XDG_DATA_HOME");
    sp_diag_free(d);
    if (home) {
        setenv("HOME", home, 1);
        free(home);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_global_options_anywhere),
        cmocka_unit_test(test_lang_from_environment),
        cmocka_unit_test(test_lang_from_the_window_settings),
        cmocka_unit_test(test_bad_global_options),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_no_window_in_tests),
        cmocka_unit_test(test_fixed_clock_and_transcript_names),
        cmocka_unit_test(test_no_home_no_transcripts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
