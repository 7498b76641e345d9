/* test_hostile.c: hostile files (entities, DTDs, nesting, bad bytes) are refused quickly with a clear message naming the file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "core/diag.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/xml.h"
#include "testutil.h"

/*
 * Every tests/data/hostile/NAME.xml has NAME.expected beside it: the exact
 * messages, one a line. Each file must be refused by the scenario loader and
 * by the handbook loader, in under a second, with messages that start with
 * the file's path and never show a byte of /etc/passwd.
 */

#define DIR_DATA "tests/data/hostile"
#define SCHEMAS "scenarios"

static sp_handbook *hb;
static char tmpdir[256];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The refusal every hostile file must get: status, no result, at least one
 * message, each naming the file and none leaking a local file. */
static void assert_refused(const char *path, sp_status st, const void *result,
                           const sp_diag *d, double seconds)
{
    if (st != SP_EINVAL) {
        testutil_print_diag(d);
        fail_msg("%s: status %s, expected invalid content", path, sp_status_name(st));
    }
    assert_null(result);
    assert_true(sp_diag_count(d) > 0);
    size_t plen = strlen(path);
    for (int i = 0; i < sp_diag_count(d); i++) {
        const char *m = sp_diag_message(d, i);
        if (strncmp(m, path, plen) != 0 || m[plen] != ':')
            fail_msg("message does not name the file: %s", m);
        if (strstr(m, "root:"))
            fail_msg("a local file leaked into a message: %s", m);
    }
    if (seconds >= 1.0)
        fail_msg("%s took %.3f s", path, seconds);
}

static void hostile_files_refused(void **state)
{
    (void)state;
    char names[64][256];
    int n = testutil_list(DIR_DATA, "", ".xml", names, 64);
    assert_true(n >= 14);

    for (int i = 0; i < n; i++) {
        sp_diag *d = sp_diag_new();
        sp_scenario *sc = NULL;
        double t0 = now();
        sp_status st = sp_scenario_load(names[i], SCHEMAS, hb, &sc, d);
        assert_refused(names[i], st, sc, d, now() - t0);
        testutil_assert_expected(names[i], d);

        sp_diag_clear(d);
        sp_handbook *h = NULL;
        t0 = now();
        st = sp_handbook_load(names[i], SCHEMAS, &h, d);
        assert_refused(names[i], st, h, d, now() - t0);
        sp_diag_free(d);
    }
}

/* 100,000 open elements: refused at depth 65, long before libxml2's own
 * limit, without recursion trouble. Generated: too big for git. */
static void deep_nesting_refused(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/deep.xml", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scenario xmlns=\"urn:samenspel:scenario:1\">\n", f);
    for (int i = 0; i < 100000; i++)
        fputs("<t>", f);
    for (int i = 0; i < 100000; i++)
        fputs("</t>", f);
    fputs("</scenario>\n", f);
    assert_int_equal(fclose(f), 0);

    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    double t0 = now();
    sp_status st = sp_scenario_load(path, SCHEMAS, hb, &sc, d);
    assert_refused(path, st, sc, d, now() - t0);
    assert_int_equal(sp_diag_count(d), 1);
    char want[400];
    snprintf(want, sizeof want, "%s:3: elements are nested deeper than 64 levels", path);
    assert_string_equal(sp_diag_message(d, 0), want);
    sp_diag_free(d);
    unlink(path);
}

/* A device that never ends is cut off at the size cap. */
static void endless_input_refused(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    double t0 = now();
    sp_status st = sp_scenario_load("/dev/zero", SCHEMAS, hb, &sc, d);
    /* Refused before a byte is read: a device is not a regular file. */
    assert_int_equal(st, SP_EIO);
    assert_null(sc);
    assert_true(now() - t0 < 1.0);
    assert_string_equal(sp_diag_message(d, 0),
                        "/dev/zero: is a character device, not a regular file; samenspel reads only regular files");
    sp_diag_free(d);
}

/* The deny-all entity loader is a second lock: even a caller that asks
 * libxml2 itself for entity substitution and DTD loading after the core
 * has run gets nothing from disk. */
static void no_external_entity_ever_loads(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    xmlDoc *doc = NULL;
    static const char ok[] = "<r/>";
    assert_int_equal(sp_xml_parse("ok.xml", ok, sizeof ok - 1, NULL, NULL, &doc, d), SP_OK);
    xmlFreeDoc(doc);
    sp_diag_free(d);

    static const char evil[] =
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    assert_non_null(ctxt);
    ctxt->sax->serror = NULL;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    doc = xmlCtxtReadMemory(ctxt, evil, (int)sizeof evil - 1, "evil.xml", NULL,
                            XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    xmlFreeParserCtxt(ctxt);
    if (doc) {
        xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
        assert_true(!text || !strstr((const char *)text, "root:"));
        xmlFree(text);
        xmlFreeDoc(doc);
    }
}

/* The same DOCTYPE through the memory entry point, with and without schema. */
static void doctype_refused_without_schema(void **state)
{
    (void)state;
    static const char x[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\">\n<r/>\n";
    sp_diag *d = sp_diag_new();
    xmlDoc *doc = NULL;
    double t0 = now();
    sp_status st = sp_xml_parse("mem.xml", x, sizeof x - 1, NULL, NULL, &doc, d);
    assert_refused("mem.xml", st, doc, d, now() - t0);
    assert_string_equal(sp_diag_message(d, 0),
                        "mem.xml:2: a DOCTYPE is not allowed (entities and DTDs are refused)");
    sp_diag_free(d);
}

static int setup(void **state)
{
    (void)state;
    if (testutil_chdir_root() != 0 || testutil_tmpdir(tmpdir, sizeof tmpdir, "hostile") != 0)
        return -1;
    return testutil_load_handbook("tests/data/loader/handbook.xml", SCHEMAS, &hb);
}

static int teardown(void **state)
{
    (void)state;
    sp_handbook_free(hb);
    testutil_rmdir(tmpdir);
    return 0;
}

int main(void)
{
    testutil_catalogue(); /* the core\'s messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hostile_files_refused),
        cmocka_unit_test(deep_nesting_refused),
        cmocka_unit_test(endless_input_refused),
        cmocka_unit_test(no_external_entity_ever_loads),
        cmocka_unit_test(doctype_refused_without_schema),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
