/* test_mood.c: a person's portrait folder and a line's mood (the speaker's expression) from the case file to the session's view, and the terminal's stage directions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "testutil.h"

static void moods_reach_the_view(void **state)
{
    (void)state;
    sp_handbook *hb;
    sp_scenario *sc;
    assert_int_equal(testutil_load("tests/data/loader/handbook.xml", "tests/data/session/moods.xml", &hb, &sc), 0);
    assert_string_equal(sc->cast[0].portrait, "klaasen");
    sp_session *s = sp_session_new(sc, SP_LANG_NL);
    assert_non_null(s);
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->n_lines, 4);
    assert_int_equal(v->lines[0].mood, SP_MOOD_TIRED);
    assert_int_equal(v->lines[1].mood, SP_MOOD_NEUTRAL);   /* narration */
    assert_int_equal(v->lines[2].mood, SP_MOOD_NEUTRAL);   /* not given */
    assert_int_equal(v->lines[3].mood, SP_MOOD_GUARDED);
    sp_session_free(s);
    sp_scenario_free(sc);
    sp_handbook_free(hb);
}

static void names_and_stage_directions(void **state)
{
    (void)state;
    const char *names[] = { "neutral", "open", "guarded", "tired" };
    for (int m = 0; m < SP_MOOD_COUNT; m++) {
        assert_string_equal(sp_mood_name((sp_mood)m), names[m]);
        assert_int_equal(sp_mood_parse(names[m]), m);
    }
    assert_int_equal(sp_mood_parse("boos"), SP_MOOD_NEUTRAL);
    assert_int_equal(sp_mood_parse(NULL), SP_MOOD_NEUTRAL);
    assert_string_equal(sp_mood_stage(SP_MOOD_NEUTRAL, SP_LANG_NL), "");
    assert_string_equal(sp_mood_stage(SP_MOOD_TIRED, SP_LANG_NL), "zucht");
    assert_string_equal(sp_mood_stage(SP_MOOD_GUARDED, SP_LANG_EN), "guarded");
}

int main(void)
{
    testutil_chdir_root();
    testutil_catalogue();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(moods_reach_the_view),
        cmocka_unit_test(names_and_stage_directions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
