/* test_paths.c: finding the data directory and loading the handbook and cases by path or case id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/paths.h"
#include "core/handbook.h"
#include "core/scenario.h"

/* The repository root, as tests/run.sh sets it. */
static char root[4096];

static int setup(void **state)
{
    (void)state;
    const char *r = getenv("SAMENSPEL_DATA");
    snprintf(root, sizeof root, "%s", r && *r ? r : ".");
    return 0;
}

static int restore_env(void **state)
{
    (void)state;
    setenv("SAMENSPEL_DATA", root, 1);
    return 0;
}

static int has_message(const sp_diag *d, const char *needle)
{
    for (int i = 0; i < sp_diag_count(d); i++)
        if (strstr(sp_diag_message(d, i), needle))
            return 1;
    return 0;
}

static void test_env_wins(void **state)
{
    (void)state;
    setenv("SAMENSPEL_DATA", "/opt/elders", 1);
    assert_string_equal(sp_paths_data(), "/opt/elders");
    assert_string_equal(sp_paths_scenarios(), "/opt/elders/scenarios");
}

static void test_installed_fallback(void **state)
{
    (void)state;
    /* The test binary lives in BUILD/tests/, which has no scenarios/
     * beside it: without the variable the installed directory is used. */
    unsetenv("SAMENSPEL_DATA");
    assert_string_equal(sp_paths_data(), SP_DATADIR);
    setenv("SAMENSPEL_DATA", "", 1);
    assert_string_equal(sp_paths_data(), SP_DATADIR);
}

static void test_case_ids(void **state)
{
    (void)state;
    assert_string_equal(sp_case_ids[0], "intake");
    assert_string_equal(sp_case_ids[1], "uitvoering");
    assert_string_equal(sp_case_ids[2], "teruggeven");
}

static const char small_case[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"klein\" phase=\"intake\" version=\"1\" start=\"a\">\n"
    "  <title>Klein</title><summary>Een test.</summary>\n"
    "  <briefing><you>Jij.</you><meet>Hij.</meet><situation>Hier.</situation><aim>Dit.</aim></briefing>\n"
    "  <cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#3d6fa8\"><name>Jij</name></person></cast>\n"
    "  <node id=\"a\"><decision><prompt>Wat doe je?</prompt>\n"
    "    <option id=\"x\" to=\"e\"><text>Dit.</text><feedback>Goed.</feedback></option>\n"
    "    <option id=\"y\" to=\"e\"><text>Dat.</text><feedback>Ook goed.</feedback></option>\n"
    "  </decision></node>\n"
    "  <node id=\"e\"><ending id=\"klaar\" kind=\"good\"><title>Klaar</title><evaluation>Prima.</evaluation></ending></node>\n"
    "</scenario>\n";

static void test_load_by_path_and_by_id(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_handbook *hb = NULL;
    assert_int_equal(sp_paths_load_handbook(&hb, d), SP_OK);
    assert_non_null(hb);

    /* a file anywhere, by path */
    char path[] = "/tmp/samenspel-paths-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, small_case, sizeof small_case - 1), (ssize_t)(sizeof small_case - 1));
    close(fd);
    sp_scenario *sc = NULL;
    sp_status st = sp_paths_load_scenario(path, hb, &sc, d);
    for (int i = 0; i < sp_diag_count(d); i++)
        fprintf(stderr, "%s\n", sp_diag_message(d, i));
    assert_int_equal(st, SP_OK);
    assert_string_equal(sc->id, "klein");
    sp_scenario_free(sc);
    unlink(path);

    /* a case id, looked up in scenarios/ of the data directory */
    char intake[4200];
    snprintf(intake, sizeof intake, "%s/scenarios/intake.xml", root);
    if (access(intake, R_OK) == 0) {
        sc = NULL;
        assert_int_equal(sp_paths_load_scenario("intake", hb, &sc, d), SP_OK);
        assert_string_equal(sc->id, "intake");
        sp_scenario_free(sc);
    }
    sp_handbook_free(hb);
    sp_diag_free(d);
}

static void test_unknown_case_and_missing_file(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_handbook *hb = NULL;
    assert_int_equal(sp_paths_load_handbook(&hb, d), SP_OK);
    sp_scenario *sc = (sp_scenario *)1;
    assert_int_equal(sp_paths_load_scenario("geen-casus", hb, &sc, d), SP_EUSAGE);
    assert_null(sc);
    assert_true(has_message(d, "geen-casus"));
    assert_true(has_message(d, "intake"));
    sp_diag_clear(d);
    assert_int_equal(sp_paths_load_scenario("/nonexistent/dir/case.xml", hb, &sc, d), SP_EIO);
    assert_null(sc);
    assert_true(has_message(d, "/nonexistent/dir/case.xml"));
    sp_handbook_free(hb);
    sp_diag_free(d);
}

static void test_missing_handbook(void **state)
{
    (void)state;
    setenv("SAMENSPEL_DATA", "/nonexistent-samenspel", 1);
    sp_diag *d = sp_diag_new();
    sp_handbook *hb = (sp_handbook *)1;
    assert_int_not_equal(sp_paths_load_handbook(&hb, d), SP_OK);
    assert_null(hb);
    assert_true(has_message(d, "/nonexistent-samenspel/scenarios/handbook.xml"));
    sp_diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_env_wins, restore_env),
        cmocka_unit_test_teardown(test_installed_fallback, restore_env),
        cmocka_unit_test(test_case_ids),
        cmocka_unit_test(test_load_by_path_and_by_id),
        cmocka_unit_test(test_unknown_case_and_missing_file),
        cmocka_unit_test_teardown(test_missing_handbook, restore_env),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
