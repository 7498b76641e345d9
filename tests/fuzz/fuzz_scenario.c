/* fuzz_scenario.c: libFuzzer harness for the scenario loader; a file that loads is also played and debriefed (which analyses it) and checked (`check`'s analyses). */
#include <stddef.h>
#include <stdint.h>

#include "core/analysis.h"
#include "core/debrief.h"
#include "core/scenario.h"
#include "core/session.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_handbook();
    return 0;
}

/* A graph the loader accepted must be safe to play: walk it with choices
 * taken from the input bytes, with the odd flag and undo on the way. */
static void play(const sp_scenario *sc, const uint8_t *data, size_t size)
{
    sp_session *s = sp_session_new(sc, SP_LANG_EN);
    if (!s)
        return;
    const sp_handbook *hb = sc->handbook;
    for (size_t i = 0; i < 400 && !sp_session_finished(s); i++) {
        const sp_view *v = sp_session_view(s);
        uint8_t b = size ? data[i % size] : 0;
        if (v->n_options == 0)
            break; /* every condition false: the check command's job to report */
        if ((b & 0x0f) == 0x0f && hb->n_redflags > 0)
            (void)sp_session_flag(s, b % hb->n_redflags, NULL);
        else if ((b & 0x1f) == 0x1e)
            (void)sp_session_undo(s);
        else
            FUZZ_CHECK(sp_session_choose(s, v->options[b % v->n_options].option) == SP_OK);
    }
    (void)sp_session_view(s);
    sp_debrief *db = sp_debrief_build(s);
    sp_debrief_free(db);
    sp_session_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    sp_status st = sp_scenario_load_mem("fuzz.xml", (const char *)data, size,
                                        fuzz_scenario_dir(), fuzz_handbook(), &sc, d);
    if (st == SP_OK) {
        FUZZ_CHECK(sc != NULL);
        play(sc, data, size); /* the debrief at its end runs sp_analysis_run */
        sp_check *ck = NULL;  /* `check`: the dense passes where they apply, else the search */
        sp_status cs = sp_check_run(sc, NULL, &ck);
        FUZZ_CHECK(cs == SP_OK ? ck != NULL : ck == NULL);
        sp_check_free(ck);
        sp_scenario_free(sc);
    } else {
        FUZZ_CHECK(sc == NULL);
        FUZZ_CHECK(sp_diag_count(d) > 0);
    }
    sp_diag_free(d);
    return 0;
}
