/* cli.c: what the subcommands share: global options, exit codes, printing diagnostics, the clock, transcript paths. */
#include "commands.h"

#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/paths.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/transcript.h"
#include "core/translate.h"
#include "ui/i18n.h"
#include "ui/settings.h"
#include "term/term.h"

static sp_cli_options opts = { SP_LANG_NL, NULL, 0 };
static const char *lang_arg; /* --lang as given, for the window; NULL when absent */

const sp_cli_options *sp_cli_opts(void)
{
    return &opts;
}

/* Matches "--name VALUE" or "--name=VALUE"; *used is how many argv entries
 * it takes. */
static const char *option_value(const char *name, int i, int argc, char **argv, int *used)
{
    size_t n = strlen(name);
    if (strncmp(argv[i], name, n) != 0)
        return NULL;
    if (argv[i][n] == '=') {
        *used = 1;
        return argv[i] + n + 1;
    }
    if (argv[i][n] != '\0')
        return NULL;
    *used = 2;
    return i + 1 < argc ? argv[i + 1] : "";
}

/* The language picked in the window's settings ($XDG_CONFIG_HOME/samenspel/
 * settings.ini, written by the gui), else the one of the environment. A
 * line of the file that is not understood is named on stderr and skipped;
 * a file that cannot be read at all (a FIFO, a directory) is named too. */
static sp_lang default_lang(void)
{
    char dir[PATH_MAX], path[PATH_MAX + 16];
    sp_ui_settings set;
    if (sp_fs_config_dir(dir, sizeof dir) == SP_OK) {
        snprintf(path, sizeof path, "%s/settings.ini", dir);
        struct stat st;
        if (lstat(path, &st) == 0) {
            sp_ui_settings_defaults(&set);
            set.lang = sp_term_env_lang();
            sp_diag *d = sp_diag_new();
            sp_ui_settings_read(path, &set, d);
            sp_cli_print_diag(d);
            sp_diag_free(d);
            return set.lang;
        }
    }
    return sp_term_env_lang();
}

int sp_cli_parse_global(int *argc, char **argv)
{
    /* One catalogue (po/) for every word the program shows: the commands',
     * the terminal's, the core's (through core/translate.h) and the window's;
     * set up first, so that a bad option is told in the default language. */
    static int i18n_ready;
    if (!i18n_ready)
        sp_ui_i18n_init();
    i18n_ready = 1;
    opts.lang = default_lang();
    opts.no_portraits = 0;
    lang_arg = NULL;
    int out = 1;
    for (int i = 1; i < *argc;) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        int used = 0;
        const char *v;
        if (strcmp(argv[i], "--no-portraits") == 0) {
            opts.no_portraits = 1;
            used = 1;
        } else if ((v = option_value("--lang", i, *argc, argv, &used))) {
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0) {
                sp_cli_error("samenspel: --lang is nl of en, niet '%s'", v);
                return SP_EXIT_USAGE;
            }
            opts.lang = sp_lang_from_code(v);
            lang_arg = v;
        } else if ((v = option_value("--font", i, *argc, argv, &used))) {
            if (!*v) {
                sp_cli_error("samenspel: --font wil het pad van een TrueType-lettertype");
                return SP_EXIT_USAGE;
            }
            /* Checked here, before the window opens it: a FIFO would hang
             * it. A missing file is the window's to report (with its
             * fallback font). */
            struct stat fst;
            if (lstat(v, &fst) == 0) {
                sp_diag *d = sp_diag_new();
                int fd = sp_fs_open_regular(v, NULL, d);
                sp_cli_print_diag(d);
                sp_diag_free(d);
                if (fd < 0)
                    return SP_EXIT_USAGE;
                close(fd);
            }
            opts.font = v;
        } else {
            argv[out++] = argv[i++];
            continue;
        }
        i += used;
    }
    *argc = out;
    argv[out] = NULL;
    sp_diag_set_default_lang(opts.lang); /* the core's messages in the learner's language */
    sp_ui_i18n_set(opts.lang);
    return SP_EXIT_OK;
}

static int (*gui_available)(void);
static int (*gui_run)(const sp_gui_options *);

void sp_cli_set_gui(int (*available)(void), int (*run)(const sp_gui_options *))
{
    gui_available = available;
    gui_run = run;
}

int sp_cli_display_available(void)
{
    return gui_available && gui_run && gui_available();
}

int sp_cli_gui_run(sp_gui_options *o)
{
    if (!gui_run)
        return SP_EXIT_SYSTEM;
    o->font_path = opts.font;
    o->no_portraits = opts.no_portraits;
    o->lang = lang_arg;
    return gui_run(o);
}

int sp_cli_exit(sp_status st)
{
    switch (st) {
    case SP_OK: return SP_EXIT_OK;
    case SP_EINVAL: return SP_EXIT_INVALID;
    case SP_EUSAGE: return SP_EXIT_USAGE;
    case SP_EIO: return SP_EXIT_SYSTEM;
    case SP_ENOMEM: return SP_EXIT_SYSTEM;
    }
    return SP_EXIT_SYSTEM;
}

void sp_cli_print_diag(const sp_diag *d)
{
    /* Messages quote file names and file contents: made safe to show. */
    for (int i = 0; i < sp_diag_count(d); i++) {
        sp_term_print_clean(stderr, sp_diag_message(d, i));
        fputc('\n', stderr);
    }
    if (sp_diag_dropped(d))
        sp_cli_error("(nog %d meldingen)", sp_diag_dropped(d));
}

void sp_cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, sp_translate(opts.lang, fmt), ap);
    va_end(ap);
    fputc('\n', stderr);
}

int sp_cli_usage(const char *name)
{
#define USAGE(cmd, args, help) \
    if (strcmp(name, #cmd) == 0) \
        sp_cli_error("gebruik: samenspel %s %s", #cmd, args);
    SP_COMMANDS(USAGE)
#undef USAGE
    return SP_EXIT_USAGE;
}

int sp_cli_load(const char *arg, sp_handbook **hb, sp_scenario **sc)
{
    *hb = NULL;
    *sc = NULL;
    sp_diag *d = sp_diag_new();
    if (!d)
        return SP_EXIT_SYSTEM;
    sp_status st = sp_paths_load_handbook(hb, d);
    if (st == SP_OK)
        st = sp_paths_load_scenario(arg, *hb, sc, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    if (st != SP_OK) {
        sp_scenario_free(*sc);
        sp_handbook_free(*hb);
        *sc = NULL;
        *hb = NULL;
    }
    return sp_cli_exit(st);
}

/* ---- time and transcripts ------------------------------------------------ */

static int fixed_clock(int64_t *out)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (!e || !*e)
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(e, &end, 10);
    if (*end || errno)
        return 0;
    *out = v;
    return 1;
}

int64_t sp_cli_now(void)
{
    int64_t v;
    return fixed_clock(&v) ? v : (int64_t)time(NULL);
}

static int64_t source_date(void *ctx)
{
    return *(const int64_t *)ctx;
}

void sp_cli_set_clock(sp_session *s)
{
    /* One value for the whole process: the variable does not change while
     * we run, so a static is enough to outlive every session. */
    static int64_t fixed;
    if (fixed_clock(&fixed))
        sp_session_set_clock(s, source_date, &fixed);
}

sp_status sp_cli_transcript_dir(char *buf, size_t len, sp_diag *d)
{
    sp_status st = sp_fs_data_dir(buf, len - 16);
    if (st != SP_OK) {
        sp_diag_add(d, "samenspel", 0, "%s", sp_diag_tr(d, sp_fs_data_dir_problem(st)));
        return SP_EIO;
    }
    strcat(buf, "/transcripts");
    return SP_OK;
}

int sp_cli_save(void *ctx, const sp_session *s)
{
    sp_cli_saver *sv = ctx;
    sp_diag *d = sp_diag_new();
    sp_status st = d ? sp_transcript_sync(sv->tr, s) : SP_ENOMEM;
    if (st == SP_OK && sv->path[0])
        st = sp_transcript_write(sv->tr, sv->path, d);
    else if (st == SP_OK)
        st = sp_transcript_create(sv->tr, sv->dir, sp_session_scenario(s)->id,
                                  sp_session_started_at(s), sv->path, sizeof sv->path, d);
    if (st != SP_OK) {
        sp_cli_print_diag(d);
        sp_cli_error("%s: het gesprek kon niet worden bewaard (%s)", sv->path[0] ? sv->path : sv->dir,
                     sp_translate(opts.lang, sp_status_words(st)));
        sv->failed = 1;
    }
    sp_diag_free(d);
    return st != SP_OK;
}

int sp_cli_saver_end(sp_cli_saver *sv, sp_lang l)
{
    sp_diag *d = sp_diag_new();
    if (sv->tr && sp_transcript_close(sv->tr, d) != SP_OK)
        sv->failed = 1;
    sp_cli_print_diag(d);
    sp_diag_free(d);
    sp_transcript_free(sv->tr);
    sv->tr = NULL;
    fflush(stdout);
    if (!sv->path[0])
        fprintf(stderr, "%s\n", sp_translate(l, "Dit gesprek kon niet worden bewaard."));
    else if (sv->failed)
        fprintf(stderr, "%s %s\n", sp_translate(l, "Niet alles kon worden bewaard; het gesprek staat tot de laatste bewaarde stap in"), sv->path);
    else
        fprintf(stderr, "%s %s\n", sp_translate(l, "Gesprek bewaard in"), sv->path);
    return sv->failed;
}
