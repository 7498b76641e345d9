/* replay_cli.h: what the replay, compare, export and stats commands share: cases by id (--case files first), transcripts loaded into replays, atomic writes. */
#ifndef SP_REPLAY_CLI_H
#define SP_REPLAY_CLI_H

#include <stddef.h>
#include <stdint.h>
#include "core/model.h"
#include "core/replay.h"
#include "core/transcript.h"

#define SP_REPLAY_CLI_MAX_CASES 32

typedef struct sp_replay_cli {
    sp_handbook *hb;
    sp_scenario *cases[SP_REPLAY_CLI_MAX_CASES]; /* loaded so far, from --case or by id */
    int n_cases;
    /* per case: 1 when given with --case; else the scenario-hash of the
     * transcript it was looked up for (sp_replay_cli_case_of) */
    unsigned char given[SP_REPLAY_CLI_MAX_CASES];
    uint64_t for_hash[SP_REPLAY_CLI_MAX_CASES];
    int quiet;               /* 1: a case that does not load is no message */
} sp_replay_cli;

/* Loads the handbook; an exit code (messages on stderr). */
int sp_replay_cli_init(sp_replay_cli *c);
void sp_replay_cli_free(sp_replay_cli *c);

/* When argv[*i] is "--case FILE" or "--case=FILE": loads FILE (its id then
 * wins over the built-in case of that id), advances *i past it and returns
 * 1, or -1 after printing why it failed. Else 0. */
int sp_replay_cli_case_option(sp_replay_cli *c, int *i, int argc, char **argv);

/* The case with this id: one given with --case, else scenarios/ID.xml.
 * NULL with the messages on stderr (unless quiet). */
const sp_scenario *sp_replay_cli_case(sp_replay_cli *c, const char *id);
/* The case transcript t was played on: one given with --case of its id,
 * else sp_paths_load_case_of (its scenario-path, then the built-in case).
 * NULL with the messages on stderr (unless quiet). */
const sp_scenario *sp_replay_cli_case_of(sp_replay_cli *c, const sp_transcript *t);
/* The same as an sp_replay_resolve for sp_replay_scan (ctx: the sp_replay_cli). */
const sp_scenario *sp_replay_cli_resolve(void *ctx, const char *id);

/*
 * Reads the transcript at path and replays it against its case in lang,
 * printing messages. Returns an exit code: SP_EXIT_OK; SP_EXIT_INVALID with
 * *t and *r set when the case changed under the play (r->stopped_at names
 * the step); any other code with nothing set.
 */
int sp_replay_cli_load(sp_replay_cli *c, const char *path, sp_lang lang, sp_transcript **t,
                       sp_replay **r);

/* Writes data to path atomically; an exit code, the message on stderr. */
int sp_replay_cli_write(const char *path, const char *data, size_t len);

#endif
