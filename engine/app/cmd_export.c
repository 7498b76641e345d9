/* cmd_export.c: `samenspel export`: a saved play as a printable HTML debrief and/or CSV for trainers. */
#include "commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app/replay_cli.h"
#include "core/fs.h"
#include "core/translate.h"
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

/* 1 when a and b are the same file (b may not exist). */
static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* 1 when the file at path is a samenspel transcript (by its first bytes). */
static int is_transcript(const char *path)
{
    sp_diag *d = sp_diag_new();
    int fd = sp_fs_open_regular(path, NULL, d);
    sp_diag_free(d);
    if (fd < 0)
        return 0;
    char head[1024];
    ssize_t n = read(fd, head, sizeof head - 1);
    close(fd);
    head[n > 0 ? n : 0] = '\0';
    return strstr(head, "<transcript") && strstr(head, "urn:samenspel:transcript:");
}

/* Export writes a regular file (a symlink is followed) or standard output
 * ("-"); never an input of the command or a transcript. */
static int target_refused(const char *out, const char *const *inputs, int n_inputs)
{
    if (strcmp(out, "-") == 0)
        return 0;
    for (int i = 0; i < n_inputs; i++)
        if (inputs[i] && (strcmp(out, inputs[i]) == 0 || same_file(out, inputs[i]))) {
            sp_cli_error("%s: is invoer van deze export; schrijf de export naar een ander bestand", out);
            return 1;
        }
    if (is_transcript(out)) {
        sp_cli_error("%s: is een bewaard gesprek van samenspel; export schrijft daar niet overheen, geef een ander bestand", out);
        return 1;
    }
    char real[PATH_MAX];
    sp_diag *d = sp_diag_new();
    sp_status st = sp_fs_write_target(out, real, sizeof real, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    if (st != SP_OK) {
        if (strncmp(out, "/dev/", 5) == 0 || strncmp(out, "/proc/", 6) == 0)
            sp_cli_error("%s: schrijf - als bestandsnaam voor de standaarduitvoer", out);
        return 1;
    }
    return 0;
}

/* "Written: PATH" goes to stdout, or to stderr when stdout carries an export. */
static int write_out(const char *path, char *data, size_t len, sp_lang lang, FILE *say)
{
    if (!data) {
        sp_cli_error("samenspel export: onvoldoende geheugen");
        return SP_EXIT_SYSTEM;
    }
    int rc = SP_EXIT_OK;
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            sp_cli_error("samenspel export: kan niet naar de standaarduitvoer schrijven");
            rc = SP_EXIT_SYSTEM;
        }
        free(data);
        return rc;
    }
    rc = sp_replay_cli_write(path, data, len);
    free(data);
    if (rc == SP_EXIT_OK)
        fprintf(say, "%s %s\n", sp_translate(lang, "Geschreven:"), path);
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
    if (rc == SP_EXIT_OK && html && csv && strcmp(html, "-") == 0 && strcmp(csv, "-") == 0) {
        sp_cli_error("samenspel export: maar één van --html en --csv kan naar de standaarduitvoer");
        rc = SP_EXIT_USAGE;
    }

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
        FILE *say = (html && strcmp(html, "-") == 0) || (csv && strcmp(csv, "-") == 0) ? stderr : stdout;
        const char *inputs[SP_REPLAY_CLI_MAX_CASES + 1];
        int n_inputs = 0;
        inputs[n_inputs++] = path;
        for (int k = 0; k < c.n_cases; k++)
            inputs[n_inputs++] = c.cases[k]->path;
        if ((html && target_refused(html, inputs, n_inputs)) || (csv && target_refused(csv, inputs, n_inputs)))
            html = csv = NULL, wrc = SP_EXIT_USAGE;
        if (html) {
            sp_debrief *d = sp_debrief_build(r->s);
            size_t len = 0;
            char *out = d ? sp_export_html(r, d, &len) : NULL;
            sp_debrief_free(d);
            wrc = write_out(html, out, len, lang, say);
        }
        if (csv && wrc == SP_EXIT_OK) {
            size_t len = 0;
            sp_debrief *d = sp_debrief_build(r->s);
            char *out = d ? sp_export_csv(r, d, &len) : NULL;
            sp_debrief_free(d);
            wrc = write_out(csv, out, len, lang, say);
        }
        if (wrc != SP_EXIT_OK)
            rc = wrc;
    }
    sp_replay_free(r);
    sp_transcript_free(t);
    sp_replay_cli_free(&c);
    return rc;
}
