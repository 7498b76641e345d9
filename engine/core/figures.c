/* figures.c: the names and definitions of the figures of a play (Dutch msgids through translate.h), shared by every surface's legend. */
#include "figures.h"
#include "diag.h"
#include "translate.h"

#include <stdio.h>

/* Dutch msgids, translated through sp_translate (translate.h). */
static const char *const names[SP_FIG_COUNT] = {
    [SP_FIG_SCORE] = SP_N_("jouw score"),
    [SP_FIG_MAX] = SP_N_("maximum van de casus"),
    [SP_FIG_EXPERT] = SP_N_("expertroute"),
    [SP_FIG_LEFT] = SP_N_("laten liggen"),
    [SP_FIG_STILL] = SP_N_("nog haalbaar"),
    [SP_FIG_STRONGER] = SP_N_("sterkere optie"),
};

static const char *const legends[SP_FIG_COUNT] = {
    [SP_FIG_SCORE] = SP_N_("De punten van de opties die je koos, bij elkaar opgeteld."),
    [SP_FIG_MAX] = SP_N_("Het hoogste totaal dat een volledig gesprek in deze casus kan halen, vanuit dezelfde beginsituatie."),
    [SP_FIG_EXPERT] = SP_N_("Een echt, volledig gesprek dat precies het maximum haalt; per leerdoel staat er wat die route scoort."),
    [SP_FIG_LEFT] = SP_N_("Per keuze: hoeveel meer de sterkste optie van dat moment had opgeleverd, inclusief alles wat daarna nog te halen viel."),
    [SP_FIG_STILL] = SP_N_("Wat er vanaf het punt waar het gesprek stopte nog te halen viel; 0 als het gesprek af is."),
    [SP_FIG_STRONGER] = SP_N_("Bij een keuze die punten liet liggen: de optie die daar het meeste opleverde, met haar eigen score erbij."),
};

static sp_figure fig(sp_figure f)
{
    SP_EXPECT((int)f >= 0 && f < SP_FIG_COUNT);
    return (int)f >= 0 && f < SP_FIG_COUNT ? f : SP_FIG_SCORE;
}

const char *sp_figure_name(sp_lang lang, sp_figure f) { return sp_translate(lang, names[fig(f)]); }
const char *sp_figure_legend(sp_lang lang, sp_figure f) { return sp_translate(lang, legends[fig(f)]); }

const char *sp_figure_legend_title(sp_lang lang)
{
    return sp_translate(lang, "Wat de getallen betekenen");
}

const char *sp_figure_stronger_was(sp_lang lang)
{
    return sp_translate(lang, "Sterker was");
}

char *sp_figure_sum(sp_lang lang, char *buf, size_t len, int score, int left, int still, int max)
{
    snprintf(buf, len, "%s %d + %s %d + %s %d = %s %d", sp_figure_name(lang, SP_FIG_SCORE), score,
             sp_figure_name(lang, SP_FIG_LEFT), left, sp_figure_name(lang, SP_FIG_STILL), still,
             sp_figure_name(lang, SP_FIG_MAX), max);
    return buf;
}
