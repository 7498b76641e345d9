/* commands.h: the subcommands of the samenspel program and the helpers (cli.c) they share. */
#ifndef SP_COMMANDS_H
#define SP_COMMANDS_H

#include <stddef.h>
#include <stdint.h>
#include "core/model.h"
#include "core/diag.h"
#include "core/session.h"
#include "core/translate.h"
#include "gui/gui.h"

/* Exit codes of the program (README, --help). */
enum { SP_EXIT_OK = 0, SP_EXIT_INVALID = 1, SP_EXIT_USAGE = 2, SP_EXIT_SYSTEM = 3 };

/*
 * The command table: X(name, arguments, help), the help a Dutch msgid
 * (translated through core/translate.h and po/).
 * A new subcommand is one line here plus engine/app/cmd_NAME.c with
 *     int sp_cmd_NAME(int argc, char **argv);
 * argv[0] is the command's name; global options (--lang, --font) are already
 * taken out of argv by main.
 */
#define SP_COMMANDS(X)                                                                                   \
    X(play, "[--text] [--choices SCRIPT] [--projector [--display N] [--presenter] [--phones]"            \
            " [--listen ADDR[:PORT]]] SCENARIO | --resume TRANSCRIPT [--case FILE] [--choices SCRIPT]",  \
      SP_N_("speel een casus (intake, uitvoering, teruggeven), een bestand of 'trajectory';"             \
            " of speel een bewaard gesprek verder in de terminal (--case: het casusbestand"              \
            " waarmee het gespeeld is);"                                                                 \
            " --projector: groepstraining op de beamer (scherm N, met presentatorscherm)"))              \
    X(check, "[--strict] FILE...",                                                                       \
      SP_N_("controleer casussen en het handboek: fouten, de analyses per casus (maximum,"               \
            " eindes, omwegen, antwoordhints, leeslengte, vertaling) en dekking;"                        \
            " --strict: ook waarschuwingen geven afsluitcode 1"))                                        \
    X(graph, "SCENARIO",                                                                                 \
      SP_N_("de gespreksgraaf als Graphviz DOT"))                                                        \
    X(debrief, "[--case FILE] TRANSCRIPT",                                                               \
      SP_N_("de nabespreking van een gespeeld gesprek"))                                                 \
    X(export, "[--html OUT.html] [--csv OUT.csv] [--case FILE] TRANSCRIPT",                              \
      SP_N_("een gespeeld gesprek als afdrukbare HTML-nabespreking en/of CSV"))                          \
    X(replay, "[--text] [--branch TURN [--choices SCRIPT]] [--case FILE] [TRANSCRIPT]",                  \
      SP_N_("kijk een gesprek terug, stap voor stap; zonder bestand: de lijst van eerdere gesprekken"))  \
    X(compare, "[--text] [--case FILE] TRANSCRIPT (TRANSCRIPT|expert)",                                  \
      SP_N_("twee gesprekken over dezelfde casus naast elkaar, of een gesprek naast de expertroute"))     \
    X(stats, "[--case FILE] PATH...",                                                                    \
      SP_N_("cijfers voor trainers over veel gesprekken (bestanden of mappen), per casus"))

#define SP_CMD_DECLARE(name, args, help) int sp_cmd_##name(int argc, char **argv);
SP_COMMANDS(SP_CMD_DECLARE)
#undef SP_CMD_DECLARE

/* `samenspel` without arguments and without a display: pick a case in the
 * terminal and play it. */
int sp_cmd_play_menu(void);

/* ---- shared by the commands (cli.c) -------------------------------------- */

/* Global options, set once by main. */
typedef struct sp_cli_options {
    sp_lang lang;            /* --lang, else the environment, else Dutch */
    const char *font;        /* --font PATH for the window, or NULL */
    int no_portraits;        /* --no-portraits: the window draws initials, not the cast's drawings */
} sp_cli_options;

/* Takes --lang L / --lang=L / --font P / --font=P / --no-portraits out of argv (anywhere
 * before a "--"), compacting argv and *argc. Returns SP_EXIT_USAGE with a
 * message on stderr for a bad value, else SP_EXIT_OK. */
int sp_cli_parse_global(int *argc, char **argv);
const sp_cli_options *sp_cli_opts(void);

/* The window. main.c plugs in sp_gui_display_available and sp_gui_run;
 * the test binaries, linked without main.o, have no window, so there every
 * command takes the terminal. */
void sp_cli_set_gui(int (*available)(void), int (*run)(const sp_gui_options *));
int sp_cli_display_available(void);
/* Fills in the global --font; SP_EXIT_SYSTEM when there is no window. */
int sp_cli_gui_run(sp_gui_options *o);

/* The exit code for a core status. */
int sp_cli_exit(sp_status st);
/* Prints every message of d on stderr (and how many were dropped). */
void sp_cli_print_diag(const sp_diag *d);
/* A command's own error on stderr, one line, in the learner's language:
 * fmt is a Dutch msgid (xgettext: sp_cli_error), its English in po/en.po. */
void sp_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "gebruik: samenspel NAME ARGS" ("usage: ...") on stderr; returns SP_EXIT_USAGE. */
int sp_cli_usage(const char *name);

/* Loads the handbook and a scenario (path or case id), printing any
 * message. Returns an exit code; on success both are set. */
int sp_cli_load(const char *arg, sp_handbook **hb, sp_scenario **sc);

/* The session clock: $SOURCE_DATE_EPOCH when set (a fixed clock, for
 * reproducible transcripts), else the time of day. */
int64_t sp_cli_now(void);
void sp_cli_set_clock(sp_session *s);

/* Where transcripts are kept: $XDG_DATA_HOME/samenspel/transcripts (not
 * created here); SP_EIO with a message when it cannot be told. */
sp_status sp_cli_transcript_dir(char *buf, size_t len, sp_diag *d);

/* Keeps a transcript on disk in step with a terminal play: the step hook
 * of sp_term_play (sp_transcript_sync, then sp_transcript_create into dir
 * on the first save, sp_transcript_write after). A failed save is printed
 * and remembered in failed. */
typedef struct sp_cli_saver {
    struct sp_transcript *tr;
    char dir[4096];          /* where a new play is created */
    char path[4096];         /* the transcript; "" until created */
    int failed;
} sp_cli_saver;
int sp_cli_save(void *ctx, const sp_session *s);
/* Ends the saving: compacts the journal and unlocks (sp_transcript_close),
 * then prints "Gesprek bewaard in PATH" on stderr, or, when a save failed,
 * that the play is saved only up to the last step that could be written.
 * Frees sv->tr. Returns 0, or 1 when something was not saved. */
int sp_cli_saver_end(sp_cli_saver *sv, sp_lang l);

#endif
