/* test_settings.c: settings.ini kept as the user wrote it: BOM, comments, unknown keys and order survive a change; ignored lines are named; links are written through; a FIFO is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "core/fs.h"
#include "ui/settings.h"
#include "testutil.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return testutil_tmpdir(tmpdir, sizeof tmpdir, "settings");
}

static int teardown(void **state)
{
    (void)state;
    testutil_rmdir(tmpdir);
    return 0;
}

/* A hand-written file: BOM, comments, spacing, CRLF on one line, a
 * trailing comment, an unknown key and a value the program does not know. */
static const char HAND[] =
    "\xEF\xBB\xBF# mijn instellingen\n"
    "text_size = L   # groot, voor de beamer\n"
    "colour=blue\n"
    "language=en\r\n"
    "\n"
    "; oud:\n"
    "fullscreen=maybe\n";

static void parse_takes_what_it_understands(void **state)
{
    (void)state;
    sp_ui_settings s;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_settings_parse("s.ini", HAND, sizeof HAND - 1, &s, d), SP_EINVAL);
    assert_int_equal(s.text_size, SP_UI_SIZE_L);
    assert_int_equal(s.lang, SP_LANG_EN);
    assert_int_equal(s.fullscreen, 0);
    /* the two lines it skipped, by number (the BOM is on line 1) */
    assert_int_equal(sp_diag_count(d), 2);
    assert_non_null(strstr(sp_diag_message(d, 0), "s.ini:3: "));
    assert_non_null(strstr(sp_diag_message(d, 1), "s.ini:7: "));
    sp_diag_free(d);
}

static void change_rewrites_only_its_value(void **state)
{
    (void)state;
    sp_ui_settings s;
    sp_ui_settings_parse("s.ini", HAND, sizeof HAND - 1, &s, NULL);
    /* Nothing changed: the file comes back byte for byte. */
    size_t len;
    char *out = sp_ui_settings_merge(HAND, sizeof HAND - 1, &s, &len);
    assert_int_equal(len, sizeof HAND - 1);
    assert_memory_equal(out, HAND, len);
    free(out);
    /* Text size XL, high contrast: the one value replaced in place (its
     * spacing and comment kept), contrast appended; all else as it was. */
    s.text_size = SP_UI_SIZE_XL;
    s.high_contrast = 1;
    out = sp_ui_settings_merge(HAND, sizeof HAND - 1, &s, &len);
    const char want[] =
        "\xEF\xBB\xBF# mijn instellingen\n"
        "text_size = XL   # groot, voor de beamer\n"
        "colour=blue\n"
        "language=en\r\n"
        "\n"
        "; oud:\n"
        "fullscreen=maybe\n"
        "contrast=high\n";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    free(out);
    /* Fullscreen on: its line (not understood before) gets the new value. */
    s.fullscreen = 1;
    out = sp_ui_settings_merge(HAND, sizeof HAND - 1, &s, &len);
    assert_non_null(strstr(out, "fullscreen=on\n"));
    assert_null(strstr(out, "maybe"));
    assert_non_null(strstr(out, "colour=blue\n"));
    free(out);
}

static void save_keeps_file_and_link(void **state)
{
    (void)state;
    char real[600], link[600];
    snprintf(real, sizeof real, "%s/echt.ini", tmpdir);
    snprintf(link, sizeof link, "%s/settings.ini", tmpdir);
    testutil_write(real, HAND, sizeof HAND - 1);
    assert_int_equal(symlink("echt.ini", link), 0);
    sp_ui_settings s;
    assert_int_equal(sp_ui_settings_load(link, &s, NULL), SP_EINVAL);
    assert_int_equal(s.lang, SP_LANG_EN); /* a valid language=en stays en */
    s.text_size = SP_UI_SIZE_S;
    assert_int_equal(sp_ui_settings_save(link, &s, NULL), SP_OK);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *data = testutil_read(real, NULL);
    assert_non_null(strstr(data, "text_size = S   # groot"));
    assert_non_null(strstr(data, "language=en\r\n"));
    assert_non_null(strstr(data, "colour=blue\n"));
    free(data);
    unlink(link);
    unlink(real);
}

static void hostile_settings_refused(void **state)
{
    (void)state;
    char p[600];
    snprintf(p, sizeof p, "%s/fifo.ini", tmpdir);
    assert_int_equal(mkfifo(p, 0600), 0);
    sp_ui_settings s;
    sp_diag *d = sp_diag_new();
    /* A FIFO without a writer would block a plain open(): refused at once. */
    assert_int_equal(sp_ui_settings_load(p, &s, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), "is a FIFO"));
    assert_int_equal(s.text_size, SP_UI_SIZE_M);
    /* and not written over */
    sp_diag_clear(d);
    assert_int_equal(sp_ui_settings_save(p, &s, d), SP_EIO);
    struct stat st;
    assert_int_equal(lstat(p, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    unlink(p);
    /* A directory in its place: refused, both ways. */
    snprintf(p, sizeof p, "%s/dir.ini", tmpdir);
    assert_int_equal(mkdir(p, 0700), 0);
    sp_diag_clear(d);
    assert_int_equal(sp_ui_settings_load(p, &s, d), SP_EIO);
    assert_int_equal(sp_ui_settings_save(p, &s, d), SP_EIO);
    rmdir(p);
    sp_diag_free(d);
}

int main(void)
{
    if (testutil_chdir_root() != 0)
        return 1;
    testutil_catalogue(); /* the core's messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_takes_what_it_understands),
        cmocka_unit_test(change_rewrites_only_its_value),
        cmocka_unit_test(save_keeps_file_and_link),
        cmocka_unit_test(hostile_settings_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
