/* fuzz_transcript.c: libFuzzer harness for the transcript reader; what reads is written back, read again and replayed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The intake case, when it loads: replaying against a real graph reaches the
 * code that matches stored ids to nodes and options. */
static sp_scenario *intake;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char path[4200];
    snprintf(path, sizeof path, "%s/intake.xml", fuzz_scenario_dir());
    sp_diag *d = sp_diag_new();
    if (sp_scenario_load(path, fuzz_scenario_dir(), fuzz_handbook(), &intake, d) != SP_OK)
        intake = NULL;
    sp_diag_free(d);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    sp_status st = sp_transcript_read_mem("fuzz.xml", (const char *)data, size, &t, d);
    if (st != SP_OK) {
        FUZZ_CHECK(t == NULL);
        FUZZ_CHECK(sp_diag_count(d) > 0);
        sp_diag_free(d);
        return 0;
    }
    FUZZ_CHECK(t != NULL);
    FUZZ_CHECK(t->n_steps >= 0 && t->n_steps <= SP_TRANSCRIPT_MAX_STEPS);

    /* What we read we must be able to write, and read back the same. */
    size_t len = 0;
    char *xml = sp_transcript_to_xml(t, &len);
    FUZZ_CHECK(xml != NULL);
    sp_transcript *t2 = NULL;
    sp_diag_clear(d);
    if (sp_transcript_read_mem("again.xml", xml, len, &t2, d) != SP_OK) {
        for (int i = 0; i < sp_diag_count(d); i++)
            fprintf(stderr, "%s\n", sp_diag_message(d, i));
        FUZZ_CHECK(!"a transcript we wrote does not read back");
    }
    FUZZ_CHECK(t2->n_steps == t->n_steps && t2->n_notes == t->n_notes);
    FUZZ_CHECK((!t2->scenario_id && !t->scenario_id) ||
               (t2->scenario_id && t->scenario_id && strcmp(t2->scenario_id, t->scenario_id) == 0));
    sp_transcript_free(t2);
    free(xml);

    if (intake) {
        sp_session *s = NULL;
        sp_diag_clear(d);
        (void)sp_transcript_replay(t, intake, -1, &s, d);
        sp_session_free(s);
    }
    sp_transcript_free(t);
    sp_diag_free(d);
    return 0;
}
