/* cmd_debrief.c: `samenspel debrief`: replays a saved transcript against its case and prints the debrief. */
#include "commands.h"

#include <stdio.h>
#include <string.h>
#include "core/paths.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/transcript.h"
#include "term/term.h"

int sp_cmd_debrief(int argc, char **argv)
{
    const char *path = NULL, *case_file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--case") == 0 && i + 1 < argc)
            case_file = argv[++i];
        else if (strncmp(argv[i], "--case=", 7) == 0 && argv[i][7])
            case_file = argv[i] + 7;
        else if (argv[i][0] == '-' || path)
            return sp_cli_usage("debrief");
        else
            path = argv[i];
    }
    if (!path)
        return sp_cli_usage("debrief");
    sp_diag *d = sp_diag_new();
    if (!d)
        return SP_EXIT_SYSTEM;
    sp_transcript *tr = NULL;
    sp_handbook *hb = NULL;
    sp_scenario *sc = NULL;
    sp_session *s = NULL;
    int rc = SP_EXIT_OK;

    sp_status st = sp_transcript_read(path, &tr, d);
    if (st == SP_OK)
        st = sp_paths_load_handbook(&hb, d);
    /* The case: --case FILE, else where the transcript says (its
     * scenario-path, then the built-in case of its id). */
    if (st == SP_OK && case_file)
        st = sp_paths_load_scenario(case_file, hb, &sc, d);
    else if (st == SP_OK)
        st = sp_paths_load_case_of(tr->scenario_id, tr->scenario_path, tr->scenario_hash, hb, &sc, d);
    sp_cli_print_diag(d);
    sp_diag_clear(d);
    if (st != SP_OK) {
        rc = sp_cli_exit(st);
        goto out;
    }
    /* A changed case is a warning; a step that no longer fits stops the
     * replay there, and the debrief covers the play up to that step. */
    st = sp_transcript_replay(tr, sc, -1, &s, d);
    sp_cli_print_diag(d);
    if (st != SP_OK && !s) {
        rc = sp_cli_exit(st);
        goto out;
    }
    if (st != SP_OK)
        rc = SP_EXIT_INVALID;
    sp_term t;
    sp_term_init(&t, stdout, sp_cli_opts()->lang);
    sp_session_set_lang(s, t.lang);
    sp_debrief *db = sp_debrief_build(s);
    if (!db) {
        rc = SP_EXIT_SYSTEM;
        goto out;
    }
    sp_term_debrief(&t, s, db);
    sp_debrief_free(db);
out:
    sp_session_free(s);
    sp_scenario_free(sc);
    sp_handbook_free(hb);
    sp_transcript_free(tr);
    sp_diag_free(d);
    return rc;
}
