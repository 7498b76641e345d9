/* figures.c: the names and definitions of the figures of a play in Dutch and English, shared by every surface's legend. */
#include "figures.h"
#include "diag.h"

#include <stdio.h>

static const char *const names[SP_FIG_COUNT][SP_LANG_COUNT] = {
    [SP_FIG_SCORE] = { "jouw score", "your score" },
    [SP_FIG_MAX] = { "maximum van de casus", "case maximum" },
    [SP_FIG_EXPERT] = { "expertroute", "expert route" },
    [SP_FIG_LEFT] = { "laten liggen", "points left" },
    [SP_FIG_STILL] = { "nog haalbaar", "still within reach" },
    [SP_FIG_STRONGER] = { "sterkere optie", "stronger option" },
};

static const char *const legends[SP_FIG_COUNT][SP_LANG_COUNT] = {
    [SP_FIG_SCORE] = { "De punten van de opties die je koos, bij elkaar opgeteld.",
                       "The points of the options you chose, added up." },
    [SP_FIG_MAX] = { "Het hoogste totaal dat een volledig gesprek in deze casus kan halen, vanuit dezelfde beginsituatie.",
                     "The highest total that any complete conversation in this case can reach from the same starting point." },
    [SP_FIG_EXPERT] = { "Een echt, volledig gesprek dat precies het maximum haalt; per leerdoel staat er wat die route scoort.",
                        "A real, complete conversation that reaches exactly the maximum; each learning goal shows what that route scores." },
    [SP_FIG_LEFT] = { "Per keuze: hoeveel meer de sterkste optie van dat moment had opgeleverd, inclusief alles wat daarna nog te halen viel.",
                      "Per choice: how much more the strongest option at that moment would have yielded, counting everything still to be gained after it." },
    [SP_FIG_STILL] = { "Wat er vanaf het punt waar het gesprek stopte nog te halen viel; 0 als het gesprek af is.",
                       "What could still be gained from where the conversation stopped; 0 once it has ended." },
    [SP_FIG_STRONGER] = { "Bij een keuze die punten liet liggen: de optie die daar het meeste opleverde, met haar eigen score erbij.",
                          "At a choice that left points: the option that would have yielded most there, with its own score." },
};

static sp_lang fix(sp_lang lang)
{
    return (int)lang >= 0 && lang < SP_LANG_COUNT ? lang : SP_LANG_NL;
}

static sp_figure fig(sp_figure f)
{
    SP_EXPECT((int)f >= 0 && f < SP_FIG_COUNT);
    return (int)f >= 0 && f < SP_FIG_COUNT ? f : SP_FIG_SCORE;
}

const char *sp_figure_name(sp_lang lang, sp_figure f) { return names[fig(f)][fix(lang)]; }
const char *sp_figure_legend(sp_lang lang, sp_figure f) { return legends[fig(f)][fix(lang)]; }

const char *sp_figure_legend_title(sp_lang lang)
{
    return fix(lang) == SP_LANG_EN ? "What the figures mean" : "Wat de getallen betekenen";
}

const char *sp_figure_stronger_was(sp_lang lang)
{
    return fix(lang) == SP_LANG_EN ? "Stronger was" : "Sterker was";
}

char *sp_figure_sum(sp_lang lang, char *buf, size_t len, int score, int left, int still, int max)
{
    lang = fix(lang);
    snprintf(buf, len, "%s %d + %s %d + %s %d = %s %d", names[SP_FIG_SCORE][lang], score,
             names[SP_FIG_LEFT][lang], left, names[SP_FIG_STILL][lang], still, names[SP_FIG_MAX][lang], max);
    return buf;
}
