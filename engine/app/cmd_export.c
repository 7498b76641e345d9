/* cmd_export.c: `samenspel export`: a saved play as a printable HTML debrief and/or CSV for trainers. */
#include "commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/replay_cli.h"
#include "core/debrief.h"
#include "core/export.h"

/* Where the HTML goes when no --html or --csv is given: beside the
 * transcript, its .xml replaced by .html. */
static void beside(const char *path, char *out, size_t len)
{
    size_t n = strlen(path);
    if (n > 4 && strcmp(path + n - 4, ".xml") == 0)
        n -= 4;
    snprintf(out, len, "%.*s.html", (int)n, path);
}

static int write_out(const char *path, char *data, size_t len, sp_lang lang)
{
    if (!data) {
        fprintf(stderr, "samenspel export: out of memory\n");
        return SP_EXIT_SYSTEM;
    }
    int rc = sp_replay_cli_write(path, data, len);
    free(data);
    if (rc == SP_EXIT_OK)
        printf("%s %s\n", lang == SP_LANG_EN ? "Written:" : "Geschreven:", path);
    return rc;
}

int sp_cmd_export(int argc, char **argv)
{
    sp_replay_cli c;
    int rc = sp_replay_cli_init(&c);
    if (rc != SP_EXIT_OK)
        return rc;
    const char *html = NULL, *csv = NULL, *path = NULL;
    for (int i = 1; i < argc && rc == SP_EXIT_OK; i++) {
        int k = sp_replay_cli_case_option(&c, &i, argc, argv);
        if (k < 0)
            rc = SP_EXIT_INVALID;
        else if (k > 0)
            continue;
        else if (strcmp(argv[i], "--html") == 0 && i + 1 < argc)
            html = argv[++i];
        else if (strncmp(argv[i], "--html=", 7) == 0 && argv[i][7])
            html = argv[i] + 7;
        else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc)
            csv = argv[++i];
        else if (strncmp(argv[i], "--csv=", 6) == 0 && argv[i][6])
            csv = argv[i] + 6;
        else if (argv[i][0] == '-' || path)
            rc = sp_cli_usage("export");
        else
            path = argv[i];
    }
    if (rc == SP_EXIT_OK && !path)
        rc = sp_cli_usage("export");
    if (rc != SP_EXIT_OK) {
        sp_replay_cli_free(&c);
        return rc;
    }
    sp_lang lang = sp_cli_opts()->lang;
    sp_transcript *t;
    sp_replay *r;
    rc = sp_replay_cli_load(&c, path, lang, &t, &r);
    if (r) {
        char where[PATH_MAX];
        if (!html && !csv) {
            beside(path, where, sizeof where);
            html = where;
        }
        int wrc = SP_EXIT_OK;
        if (html) {
            sp_debrief *d = sp_debrief_build(r->s);
            size_t len = 0;
            char *out = d ? sp_export_html(r, d, &len) : NULL;
            sp_debrief_free(d);
            wrc = write_out(html, out, len, lang);
        }
        if (csv && wrc == SP_EXIT_OK) {
            size_t len = 0;
            sp_debrief *d = sp_debrief_build(r->s);
            char *out = d ? sp_export_csv(r, d, &len) : NULL;
            sp_debrief_free(d);
            wrc = write_out(csv, out, len, lang);
        }
        if (wrc != SP_EXIT_OK)
            rc = wrc;
    }
    sp_replay_free(r);
    sp_transcript_free(t);
    sp_replay_cli_free(&c);
    return rc;
}
