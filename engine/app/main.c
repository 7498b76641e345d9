/* main.c: the samenspel program: global options, --help/--version, and dispatch to the subcommands of commands.h. */
#include <stdio.h>
#include <string.h>
#include "app/commands.h"
#include "gui/gui.h"
#include "core/translate.h"
#include "term/term.h"

#ifndef SP_VERSION
#define SP_VERSION "0.0.0"
#endif

typedef struct command {
    const char *name, *args, *help; /* help: a Dutch msgid */
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
#define SP_CMD_ENTRY(name, args, help) { #name, args, help, sp_cmd_##name },
    SP_COMMANDS(SP_CMD_ENTRY)
#undef SP_CMD_ENTRY
};

static void help(FILE *f)
{
    sp_lang l = sp_cli_opts()->lang;
    fprintf(f, "samenspel %s: %s\n\n", SP_VERSION,
            sp_translate(l, "oefen het samenspel van opdrachtgever en opdrachtnemer (Rijksconsultants)"));
    fprintf(f, "%s\n", sp_translate(l, "gebruik:"));
    fprintf(f, "  samenspel [--lang nl|en] [--font PATH] [--no-portraits]  %s\n",
            sp_translate(l, "het venster, of de terminal als er geen beeldscherm is"));
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  samenspel %s %s\n      %s\n", commands[i].name, commands[i].args,
                sp_translate(l, commands[i].help));
    fprintf(f, "\n%s\n", sp_translate(l, "opties:"));
    fprintf(f, "  --lang nl|en   %s\n", sp_translate(l, "taal van de interface (standaard: LANG, anders Nederlands)"));
    fprintf(f, "  --font PATH    %s\n", sp_translate(l, "TrueType-lettertype voor het venster"));
    fprintf(f, "  --no-portraits %s\n", sp_translate(l, "het venster toont initialen in plaats van de getekende gezichten"));
    fprintf(f, "  --help, --version\n");
    fprintf(f, "\n%s\n", sp_translate(l, "afsluitcodes: 0 goed, 1 ongeldige inhoud, 2 verkeerd gebruik, 3 systeemfout"));
}

/* No subcommand: the window when there is a display, else the terminal. */
static int front_end(void)
{
    if (sp_cli_display_available()) {
        sp_gui_options o = { 0 };
        o.display = -1;
        return sp_cli_gui_run(&o);
    }
    fprintf(stderr, "%s\n", sp_translate(sp_cli_opts()->lang, "Geen beeldscherm gevonden; samenspel speelt in de terminal."));
    return sp_cmd_play_menu();
}

int main(int argc, char **argv)
{
    sp_cli_set_gui(sp_gui_display_available, sp_gui_run);
    int rc = sp_cli_parse_global(&argc, argv);
    if (rc != SP_EXIT_OK)
        return rc;
    if (argc < 2)
        return front_end();
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        help(stdout);
        return SP_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("samenspel %s\n", SP_VERSION);
        return SP_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(name, commands[i].name) != 0)
            continue;
        if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
            printf("samenspel %s %s\n    %s\n", commands[i].name, commands[i].args,
                   sp_translate(sp_cli_opts()->lang, commands[i].help));
            return SP_EXIT_OK;
        }
        return commands[i].run(argc - 1, argv + 1);
    }
    sp_cli_error("samenspel: onbekende opdracht '%s' (zie samenspel --help)", name);
    return SP_EXIT_USAGE;
}
