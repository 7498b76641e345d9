/* cmd_debrief.c: `samenspel debrief`: replays a saved transcript against its case (or the one --case names) and prints the debrief. */
#include "commands.h"

#include <stdio.h>
#include "app/replay_cli.h"
#include "core/debrief.h"
#include "core/transcript.h"
#include "term/term.h"

int sp_cmd_debrief(int argc, char **argv)
{
    sp_replay_cli c;
    int rc = sp_replay_cli_init(&c);
    if (rc != SP_EXIT_OK)
        return rc;
    const char *path = NULL;
    for (int i = 1; i < argc && rc == SP_EXIT_OK; i++) {
        int k = sp_replay_cli_case_option(&c, &i, argc, argv);
        if (k < 0)
            rc = SP_EXIT_INVALID;
        else if (k == 0 && (argv[i][0] == '-' || path))
            rc = sp_cli_usage("debrief");
        else if (k == 0)
            path = argv[i];
    }
    if (rc == SP_EXIT_OK && !path)
        rc = sp_cli_usage("debrief");
    sp_diag *d = rc == SP_EXIT_OK ? sp_diag_new() : NULL;
    if (rc == SP_EXIT_OK && !d)
        rc = SP_EXIT_SYSTEM;
    if (rc != SP_EXIT_OK) {
        sp_replay_cli_free(&c);
        return rc;
    }
    sp_transcript *tr = NULL;
    sp_session *s = NULL;
    const sp_scenario *sc = NULL;

    sp_status st = sp_transcript_read(path, &tr, d);
    sp_cli_print_diag(d);
    sp_diag_clear(d);
    if (st != SP_OK) {
        rc = sp_cli_exit(st);
        goto out;
    }
    sc = sp_replay_cli_case(&c, tr->scenario_id);
    if (!sc) {
        rc = SP_EXIT_USAGE;
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
    sp_transcript_free(tr);
    sp_diag_free(d);
    sp_replay_cli_free(&c);
    return rc;
}
