/* replay_cli.c: cases by id for the replay commands, transcripts into replays, atomic writes with messages. */
#include "replay_cli.h"

#include <stdio.h>
#include <string.h>
#include "app/commands.h"
#include "core/paths.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"

int sp_replay_cli_init(sp_replay_cli *c)
{
    memset(c, 0, sizeof *c);
    sp_diag *d = sp_diag_new();
    if (!d)
        return SP_EXIT_SYSTEM;
    sp_status st = sp_paths_load_handbook(&c->hb, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    return sp_cli_exit(st);
}

void sp_replay_cli_free(sp_replay_cli *c)
{
    for (int i = 0; i < c->n_cases; i++)
        sp_scenario_free(c->cases[i]);
    sp_handbook_free(c->hb);
    memset(c, 0, sizeof *c);
}

static int add_case(sp_replay_cli *c, const char *arg)
{
    if (c->n_cases == SP_REPLAY_CLI_MAX_CASES) {
        sp_cli_error("samenspel: meer dan %d casussen tegelijk", SP_REPLAY_CLI_MAX_CASES);
        return 0;
    }
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    sp_status st = d ? sp_paths_load_scenario(arg, c->hb, &sc, d) : SP_ENOMEM;
    if (!c->quiet)
        sp_cli_print_diag(d);
    sp_diag_free(d);
    if (st != SP_OK)
        return 0;
    c->cases[c->n_cases++] = sc;
    return 1;
}

int sp_replay_cli_case_option(sp_replay_cli *c, int *i, int argc, char **argv)
{
    const char *a = argv[*i], *file = NULL;
    if (strcmp(a, "--case") == 0) {
        if (*i + 1 >= argc) {
            sp_cli_error("samenspel: --case wil het pad van een casusbestand");
            return -1;
        }
        file = argv[++*i];
    } else if (strncmp(a, "--case=", 7) == 0) {
        file = a + 7;
    } else {
        return 0;
    }
    if (!add_case(c, file))
        return -1;
    c->given[c->n_cases - 1] = 1;
    return 1;
}

const sp_scenario *sp_replay_cli_case(sp_replay_cli *c, const char *id)
{
    for (int i = 0; i < c->n_cases; i++)
        if (strcmp(c->cases[i]->id, id) == 0)
            return c->cases[i];
    /* Only an id may name a built-in case: a transcript's scenario id is
     * data from a file and must not become a path. */
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')) {
            if (!c->quiet)
                sp_cli_error("samenspel: '%s' is geen casus-id", id);
            return NULL;
        }
    if (!*id || !add_case(c, id))
        return NULL;
    return c->cases[c->n_cases - 1];
}

int sp_replay_cli_load(sp_replay_cli *c, const char *path, sp_lang lang, sp_transcript **t,
                       sp_replay **r)
{
    *t = NULL;
    *r = NULL;
    sp_diag *d = sp_diag_new();
    if (!d)
        return SP_EXIT_SYSTEM;
    sp_status st = sp_transcript_read(path, t, d);
    sp_cli_print_diag(d);
    sp_diag_clear(d);
    if (st != SP_OK) {
        sp_diag_free(d);
        return sp_cli_exit(st);
    }
    const sp_scenario *sc = sp_replay_cli_case_of(c, *t);
    if (!sc) {
        sp_transcript_free(*t);
        *t = NULL;
        sp_diag_free(d);
        return SP_EXIT_INVALID;
    }
    st = sp_replay_build(*t, sc, lang, r, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    if (!*r) {
        sp_transcript_free(*t);
        *t = NULL;
    }
    return sp_cli_exit(st);
}

int sp_replay_cli_write(const char *path, const char *data, size_t len)
{
    sp_diag *d = sp_diag_new();
    sp_status st = d ? sp_fs_write_atomic(path, data, len, d) : SP_ENOMEM;
    sp_cli_print_diag(d);
    sp_diag_free(d);
    return sp_cli_exit(st);
}

const sp_scenario *sp_replay_cli_case_of(sp_replay_cli *c, const sp_transcript *t)
{
    for (int i = 0; i < c->n_cases; i++)
        if (strcmp(c->cases[i]->id, t->scenario_id) == 0 &&
            (c->given[i] || c->for_hash[i] == t->scenario_hash))
            return c->cases[i];
    if (c->n_cases == SP_REPLAY_CLI_MAX_CASES) {
        sp_cli_error("samenspel: meer dan %d casussen tegelijk", SP_REPLAY_CLI_MAX_CASES);
        return NULL;
    }
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    sp_status st = d ? sp_paths_load_case_of(t->scenario_id, t->scenario_path, t->scenario_hash,
                                             c->hb, &sc, d) : SP_ENOMEM;
    if (!c->quiet)
        sp_cli_print_diag(d);
    sp_diag_free(d);
    if (st != SP_OK)
        return NULL;
    c->for_hash[c->n_cases] = t->scenario_hash;
    c->cases[c->n_cases++] = sc;
    return sc;
}

const sp_scenario *sp_replay_cli_resolve(void *ctx, const char *id)
{
    return sp_replay_cli_case(ctx, id);
}
