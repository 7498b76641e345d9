/* test_term.c: the terminal module: UTF-8 column counts, wrapping (widths, indents, long words) and the string table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/i18n.h"
#include "term/term.h"

static void expect_wrap(const char *text, int width, int first, int indent, const char *want)
{
    char *got = sp_term_wrap(text, width, first, indent);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* ---- columns -------------------------------------------------------------- */

static void test_columns(void **state)
{
    (void)state;
    assert_int_equal(sp_term_columns(""), 0);
    assert_int_equal(sp_term_columns("abc"), 3);
    assert_int_equal(sp_term_columns("één"), 3);          /* é is two bytes */
    assert_int_equal(sp_term_columns("café’s"), 6);       /* ’ is three bytes */
    assert_int_equal(sp_term_columns("✓ x"), 3);
}

/* ---- wrapping --------------------------------------------------------------- */

static void test_no_wrap(void **state)
{
    (void)state;
    /* width 0: text as is, but later lines still get the indent */
    expect_wrap("een twee drie", 0, 0, 0, "een twee drie");
    expect_wrap("een\ntwee", 0, 0, 2, "een\n  twee");
    expect_wrap("een twee", -5, 3, 2, "een twee");
    expect_wrap("", 10, 0, 0, "");
}

static void test_simple(void **state)
{
    (void)state;
    expect_wrap("aaa bbb ccc", 7, 0, 0, "aaa bbb\nccc");
    expect_wrap("aaa bbb ccc", 11, 0, 0, "aaa bbb ccc");  /* exact fit */
    expect_wrap("aaa bbb ccc", 10, 0, 0, "aaa bbb\nccc");  /* one short */
    /* runs of spaces fold into one, leading ones go */
    expect_wrap("  aaa    bbb", 20, 0, 0, "aaa bbb");
}

static void test_utf8_counts_code_points(void **state)
{
    (void)state;
    /* "één café’s" is 10 columns but 15 bytes: it fits in 10 */
    expect_wrap("één café’s ënd", 10, 0, 0, "één café’s\nënd");
    expect_wrap("één café’s ënd", 9, 0, 0, "één\ncafé’s\nënd");
}

static void test_long_word_cut_at_code_points(void **state)
{
    (void)state;
    expect_wrap("ëëëëëëëëëë", 4, 0, 0, "ëëëë\nëëëë\nëë");
    expect_wrap("abcdefgh", 3, 0, 0, "abc\ndef\ngh");
    /* a long word after a short one starts on its own line */
    expect_wrap("a bcdefgh", 4, 0, 0, "a\nbcde\nfgh");
    /* width 1: one code point a line */
    expect_wrap("’é a", 1, 0, 0, "’\né\na");
}

static void test_first_and_indent(void **state)
{
    (void)state;
    /* a label of 6 columns before the text, continuation hangs by 6 */
    expect_wrap("hallo daar", 14, 6, 6, "hallo\n      daar");
    /* a word that does not fit beside the label moves down */
    expect_wrap("hallo", 8, 6, 0, "\nhallo");
    /* line breaks in the text keep the indent */
    expect_wrap("een\ntwee", 40, 4, 4, "een\n    twee");
    /* fewer than 8 columns left after the indent: the indent goes */
    expect_wrap("aaa bbb ccc", 10, 0, 4, "aaa bbb\nccc");
    expect_wrap("aaa bbb cccc ddd", 12, 0, 4, "aaa bbb cccc\n    ddd");
}

/* Checks every line of a wrap: within width columns and no UTF-8 sequence
 * split; and that the words come out as they went in. */
static void check_wrap_invariants(const char *text, int width, int first, int indent)
{
    char *got = sp_term_wrap(text, width, first, indent);
    assert_non_null(got);
    int eff_indent = width - indent < 8 ? 0 : indent;
    int lineno = 0;
    for (const char *l = got; l; lineno++) {
        const char *nl = strchr(l, '\n');
        size_t len = nl ? (size_t)(nl - l) : strlen(l);
        char line[1024];
        memcpy(line, l, len);
        line[len] = '\0';
        int content = (int)sp_term_columns(line) - (lineno ? eff_indent : 0);
        int used = (int)sp_term_columns(line) + (lineno == 0 ? first : 0);
        /* a single code point goes somewhere even when nothing fits */
        if (content > 1)
            assert_true(used <= width);
        if (len)
            assert_false(((unsigned char)line[0] & 0xC0) == 0x80);
        l = nl ? nl + 1 : NULL;
    }
    char *save = NULL;
    /* same words in the same order */
    char a[1024] = "", b[1024] = "";
    char *t1 = strdup(text), *t2 = strdup(got);
    for (char *w = strtok_r(t1, " \n", &save); w; w = strtok_r(NULL, " \n", &save))
        strcat(a, w);
    for (char *w = strtok_r(t2, " \n", &save); w; w = strtok_r(NULL, " \n", &save))
        strcat(b, w);
    assert_string_equal(a, b);
    free(t1);
    free(t2);
    free(got);
}

static void test_invariants_over_widths(void **state)
{
    (void)state;
    const char *text = "Meneer Klaasen kijkt op: ‘Zullen we één keer de planning doornemen?’ "
                       "Daarná beslissen we — of niet. Überhaupt-een-heel-lang-woord-zonder-spaties.";
    for (int width = 1; width <= 60; width++)
        for (int first = 0; first <= 6; first += 3)
            for (int indent = 0; indent <= 4; indent += 2)
                check_wrap_invariants(text, width, first, indent);
}

/* ---- strings ------------------------------------------------------------------ */

/* The program's one translation function (gui/i18n.c), as the terminal and
 * the core use it: with no LANG at all, English comes from the catalogue,
 * a msgctxt picks the right one of two translations, Dutch and an unknown
 * msgid come back as they are, and the window's language is left alone. */
static void test_the_catalogue_without_a_locale(void **state)
{
    (void)state;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    unsetenv("LANGUAGE");
    sp_ui_i18n_init();
    sp_ui_i18n_set(SP_LANG_NL);
    assert_string_equal(sp_translate(SP_LANG_EN, "Jouw keuze: "), "Your choice: ");
    assert_string_equal(sp_translate(SP_LANG_NL, "Jouw keuze: "), "Jouw keuze: ");
    assert_string_equal(sp_translate_ctx(SP_LANG_EN, "report", "Einde"), "Ending");
    assert_string_equal(sp_translate(SP_LANG_EN, "nergens vertaald"), "nergens vertaald");
    assert_string_equal(sp_translate_ctx(SP_LANG_EN, "nergens", "Einde"), "Einde");
    /* the window still speaks Dutch; in English its "Einde" is "End" */
    assert_string_equal(_("Einde"), "Einde");
    sp_ui_i18n_set(SP_LANG_EN);
    assert_string_equal(_("Einde"), "End");
    assert_string_equal(sp_translate(SP_LANG_NL, "Einde"), "Einde");
    assert_string_equal(_("Einde"), "End");
    sp_ui_i18n_set(SP_LANG_NL);
}

static void test_env_lang(void **state)
{
    (void)state;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "en_GB.UTF-8", 1);
    assert_int_equal(sp_term_env_lang(), SP_LANG_EN);
    setenv("LANG", "nl_NL.UTF-8", 1);
    assert_int_equal(sp_term_env_lang(), SP_LANG_NL);
    setenv("LANG", "C.UTF-8", 1);
    assert_int_equal(sp_term_env_lang(), SP_LANG_NL);
    setenv("LC_ALL", "en_US.UTF-8", 1);
    assert_int_equal(sp_term_env_lang(), SP_LANG_EN);
    unsetenv("LC_ALL");
}

/* ---- output -------------------------------------------------------------------- */

static void expect_clean(const char *in, const char *want)
{
    char *got = sp_term_clean(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* Text from files reaches the terminal shown, never obeyed. */
static void test_clean_controls(void **state)
{
    (void)state;
    expect_clean("gewoon\ttekst\nmet é", "gewoon\ttekst\nmet é");
    expect_clean("rood\033[31m!", "rood\\x1B[31m!");              /* ESC */
    expect_clean("titel\033]0;x\007", "titel\\x1B]0;x\\x07");    /* OSC with BEL */
    expect_clean("a\rb\x7f", "a\\x0Db\\x7F");                     /* CR, DEL */
    expect_clean("c1 \xc2\x9b" "31m", "c1 \\u009B31m");                 /* CSI as C1 */
    expect_clean("\xe2\x80\xae" "gnirts\xe2\x80\xac", "<U+202E>gnirts<U+202C>");
    expect_clean("iso \xe2\x81\xa6x\xe2\x81\xa9", "iso <U+2066>x<U+2069>");
    expect_clean("kapot \xff\xc3", "kapot \xef\xbf\xbd\xef\xbf\xbd"); /* not UTF-8 */
    expect_clean("\xc2\xa0" "nbsp \xe2\x80\x94 dash", "\xc2\xa0" "nbsp \xe2\x80\x94 dash");
}

static void test_plain_output_to_a_file(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    sp_term t;
    sp_term_init(&t, f, SP_LANG_NL);
    assert_int_equal(t.tty, 0);
    assert_int_equal(t.width, 0);
    sp_term_line(&t, 2, SP_STYLE_BOLD, "Jansen: ", SP_STYLE_THOUGHT,
                 "Een heel lange zin die in een bestand niet wordt afgebroken, hoe lang hij ook is.");
    sp_term_printf(&t, SP_STYLE_BAD, "%d\n", 42);
    rewind(f);
    char buf[512] = "";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_string_equal(buf, "  Jansen: Een heel lange zin die in een bestand niet wordt afgebroken, "
                             "hoe lang hij ook is.\n42\n");
    assert_null(strchr(buf, '\033'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_clean_controls),
        cmocka_unit_test(test_no_wrap),
        cmocka_unit_test(test_simple),
        cmocka_unit_test(test_utf8_counts_code_points),
        cmocka_unit_test(test_long_word_cut_at_code_points),
        cmocka_unit_test(test_first_and_indent),
        cmocka_unit_test(test_invariants_over_widths),
        cmocka_unit_test(test_the_catalogue_without_a_locale),
        cmocka_unit_test(test_env_lang),
        cmocka_unit_test(test_plain_output_to_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
