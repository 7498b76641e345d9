/* diag_tr.c: the core's message catalogue: the Dutch for each English message format (sp_tr, sp_diag_tr). */
#include "diag.h"

#include <string.h>

/*
 * The English format is the key, as a msgid is for gettext; a message not
 * listed here shows in English. Each Dutch format takes the same
 * conversions in the same order (test_diag checks every row).
 */
static const struct { const char *en, *nl; } catalogue[] = {
    /* the loader (scenario*.c) */
    { "%s=\"%s\" is not a whole number", "%s=\"%s\" is geen geheel getal" },
    { "condition '%s': %s", "voorwaarde '%s': %s" },
    { "<%s> has %d paragraphs; at most %d are allowed", "<%s> heeft %d alinea's; er mogen er hoogstens %d zijn" },
    { "duplicate person id '%s' (first at line %ld)", "persoons-id '%s' komt twee keer voor (eerst op regel %ld)" },
    { "duplicate variable '%s' (first at line %ld)", "variabele '%s' komt twee keer voor (eerst op regel %ld)" },
    { "variable '%s': min %d is greater than max %d", "variabele '%s': min %d is groter dan max %d" },
    { "variable '%s': init %d lies outside %d..%d", "variabele '%s': init %d ligt buiten %d..%d" },
    { "<%s> names unknown variable '%s'", "<%s> noemt een onbekende variabele '%s'" },
    { "duplicate option id '%s' (first at line %ld)", "optie-id '%s' komt twee keer voor (eerst op regel %ld)" },
    { "unknown intervention '%s'", "onbekende interventie '%s'" },
    { "unknown thought '%s'", "onbekende gedachte '%s'" },
    { "unknown learning goal '%s'", "onbekend leerdoel '%s'" },
    { "duplicate ending id '%s' (first at line %ld)", "einde-id '%s' komt twee keer voor (eerst op regel %ld)" },
    { "duplicate node id '%s' (first at line %ld)", "knoop-id '%s' komt twee keer voor (eerst op regel %ld)" },
    { "<say> names unknown person '%s'", "<say> noemt een onbekende persoon '%s'" },
    { "unknown red flag '%s'", "onbekende rode vlag '%s'" },
    { "the last <goto> of node '%s' has a condition; it must have none",
      "de laatste <goto> van knoop '%s' heeft een voorwaarde; die mag er geen hebben" },
    { "too many nodes: %d (the limit is %d)", "te veel knopen: %d (de grens is %d)" },
    { "start node '%s' does not exist", "startknoop '%s' bestaat niet" },
    { "unknown handbook reference '%s'", "onbekende handboekverwijzing '%s'" },
    { "; did you mean '%s'?", "; bedoel je '%s'?" },
    { "goto points at unknown node '%s'", "<goto> wijst naar een onbekende knoop '%s'" },
    { "option '%s' points at unknown node '%s'", "optie '%s' wijst naar een onbekende knoop '%s'" },
    { "node '%s' cannot be reached from the start node '%s'", "knoop '%s' is vanaf startknoop '%s' niet te bereiken" },
    { "cycle: %s (conversations must move forward)", "kringloop: %s (een gesprek moet vooruitgaan)" },
    { "%d more cycles", "nog %d kringlopen" },
    { "%d more problems not shown", "nog %d problemen niet getoond" },
    { "no handbook to check the scenario against", "geen handboek om de casus aan te toetsen" },
    { "out of memory", "onvoldoende geheugen" },
    { "out of memory reading the file", "onvoldoende geheugen om het bestand te lezen" },
    /* transcripts and replays (transcript*.c, replay.c) */
    { "out of memory writing the transcript", "onvoldoende geheugen om het gesprek te bewaren" },
    { "out of memory reading the transcript", "onvoldoende geheugen om het gesprek te lezen" },
    { "out of memory building the replay", "onvoldoende geheugen om het gesprek terug te kijken" },
    /* conditions (cond.c): pieces of one reason */
    { "empty condition", "lege voorwaarde" },
    { "expected 'and', 'or' or the end", "verwacht 'and', 'or' of het einde" },
    { "expected a variable name", "verwacht een variabelenaam" },
    { "expected a number", "verwacht een getal" },
    { "expected ')'", "verwacht ')'" },
    { "condition is nested too deeply", "voorwaarde is te diep genest" },
    { "unknown variable '", "onbekende variabele '" },
    { "number '", "getal '" },
    { "' is out of range", "' ligt buiten het bereik" },
    { "name '", "naam '" },
    { "' is too long", "' is te lang" },
    { "%s, found the end", "%s, maar de voorwaarde houdt op" },
    { "%s, found '", "%s, maar vond '" },
    /* reading XML (xml*.c) */
    { " (is the file truncated?)", " (is het bestand afgekapt?)" },
    { "%s (is the file truncated?)", "%s (is het bestand afgekapt?)" },
    { "a DOCTYPE is not allowed (entities and DTDs are refused)",
      "een DOCTYPE is niet toegestaan (entiteiten en DTD's worden geweigerd)" },
    { "elements are nested deeper than %d levels", "elementen zijn dieper genest dan %d niveaus" },
    { "file is empty", "het bestand is leeg" },
    { "file is larger than %u bytes", "het bestand is groter dan %u bytes" },
    { "file is UTF-16; save it as UTF-8", "het bestand is UTF-16; sla het op als UTF-8" },
    { "file holds binary data (a NUL byte), not UTF-8 XML text",
      "het bestand bevat binaire gegevens (een NUL-byte), geen XML-tekst in UTF-8" },
    { "invalid UTF-8 (byte 0x%02X); files must be UTF-8", "ongeldige UTF-8 (byte 0x%02X); bestanden moeten UTF-8 zijn" },
    { "the file declares encoding=\"%s\" and is not UTF-8: save it as UTF-8 and write encoding=\"UTF-8\"",
      "het bestand zegt encoding=\"%s\" en is geen UTF-8: sla het op als UTF-8 en schrijf encoding=\"UTF-8\"" },
    { "the file declares encoding=\"%s\" but its bytes are UTF-8: write encoding=\"UTF-8\"",
      "het bestand zegt encoding=\"%s\", maar is UTF-8: schrijf encoding=\"UTF-8\"" },
    { "schema path is too long", "het pad van het schema is te lang" },
    { "cannot compile the schema", "het schema laat zich niet compileren" },
    { "not well-formed XML", "geen goedgevormde XML" },
    { "does not match the schema %s", "past niet bij het schema %s" },
    { "does not match the schema", "past niet bij het schema" },
    { "'<' in an attribute value: write &lt; instead (for example if=\"vertrouwen &lt; 40\")",
      "'<' in een attribuutwaarde: schrijf &lt; (bijvoorbeeld if=\"vertrouwen &lt; 40\")" },
    { "</%s> does not close <%s> (line %d): the end tag must be </%s>",
      "</%s> sluit <%s> (regel %d) niet af: de sluittag moet </%s> zijn" },
    { "the attribute '%s' appears twice in one element", "het attribuut '%s' staat twee keer in één element" },
    { "an attribute value needs quotes: name=\"value\"",
      "een attribuutwaarde hoort tussen aanhalingstekens: naam=\"waarde\"" },
    { "unknown entity '&%s;': write the character itself, or one of &amp; &lt; &gt; &quot; &apos;",
      "onbekende entiteit '&%s;': schrijf het teken zelf, of een van &amp; &lt; &gt; &quot; &apos;" },
    { "a bare '&': write &amp; instead", "een losse '&': schrijf &amp;" },
    { "the text of <%s> is longer than %d bytes", "de tekst van <%s> is langer dan %d bytes" },
    { "<%s> has no Dutch text", "<%s> heeft geen Nederlandse tekst" },
    { "<t> in <%s>: unsupported language '%s'", "<t> in <%s>: taal '%s' wordt niet ondersteund" },
    { "<%s> has more than one '%s' translation", "<%s> heeft meer dan één '%s'-vertaling" },
    { "the '%s' text of <%s> is longer than %d bytes", "de '%s'-tekst van <%s> is langer dan %d bytes" },
    { "the '%s' translation of <%s> is empty", "de '%s'-vertaling van <%s> is leeg" },
    { "text is not allowed directly inside <%s> when it holds <p> paragraphs; put it in a <p>",
      "tekst mag niet direct in <%s> staan als die <p>-alinea's heeft; zet hem in een <p>" },
    { "text is not allowed directly inside <%s>", "tekst mag niet direct in <%s> staan" },
    /* xml_explain.c: the schema, in an author's words */
    { " or ", " of " },
    { "%s: %s '%s' is not a whole number", "%s: %s '%s' is geen geheel getal" },
    { "%s: %s %ld is outside %s..%s", "%s: %s %ld ligt buiten %s..%s" },
    { "%s: %s is empty", "%s: %s is leeg" },
    { "%s: %s is longer than %s characters", "%s: %s is langer dan %s tekens" },
    { "%s: %s '%s' has the wrong form (%s)", "%s: %s '%s' heeft niet de goede vorm (%s)" },
    { "%s: %s '%s' is not %s; did you mean '%s'?", "%s: %s '%s' is niet %s; bedoel je '%s'?" },
    { "%s: %s '%s' is not %s", "%s: %s '%s' is niet %s" },
    { "%s: %s must be '%s', not '%s'", "%s: %s moet '%s' zijn, niet '%s'" },
    { "letters, digits, '_', '.' and '-', no spaces", "letters, cijfers, '_', '.' en '-', geen spaties" },
    { "lower-case letters, digits and '_', not starting with a digit",
      "kleine letters, cijfers en '_', niet beginnend met een cijfer" },
    { "lower-case letters, digits, '_' and '-'", "kleine letters, cijfers, '_' en '-'" },
    { "a red flag id such as rf.og-geen-tijd", "een rode-vlag-id zoals rf.og-geen-tijd" },
    { "an intervention id such as int.doorvragen", "een interventie-id zoals int.doorvragen" },
    { "a thought id such as th.leuk", "een gedachte-id zoals th.leuk" },
    { "lower-case letters, digits and '-', such as relatie", "kleine letters, cijfers en '-', zoals relatie" },
    { "a colour such as #3d6fa8", "een kleur zoals #3d6fa8" },
    { "<%s> does not take the attribute '%s'; did you mean '%s'?",
      "<%s> kent geen attribuut '%s'; bedoel je '%s'?" },
    { "<%s> does not take the attribute '%s' (it takes %s)", "<%s> kent geen attribuut '%s' (wel: %s)" },
    { "<%s> takes no attributes ('%s')", "<%s> heeft geen attributen ('%s')" },
    { "<%s> has no '%s' attribute; add %s=\"...\"", "<%s> mist het attribuut '%s'; voeg %s=\"...\" toe" },
    { "<%s> is in the wrong place in <%s>: the order is %s",
      "<%s> staat op de verkeerde plek in <%s>: de volgorde is %s" },
    { "<%s> is not allowed in <%s>; did you mean <%s>?", "<%s> hoort niet in <%s>; bedoel je <%s>?" },
    { "<%s> is not allowed in <%s> (allowed: %s)", "<%s> hoort niet in <%s> (wel: %s)" },
    { "<%s> is not allowed in <%s>: it holds no elements", "<%s> hoort niet in <%s>: daarin staan geen elementen" },
    { "<%s> has no %s (it comes before <%s>)", "<%s> mist %s (vóór <%s>)" },
    { "<%s> has no %s", "<%s> mist %s" },
    { "<%s> needs at least %d %s, not %d", "<%s> heeft minstens %d %s nodig, niet %d" },
    { "<%s> cannot go together with <%s> in <%s>", "<%s> gaat niet samen met <%s> in <%s>" },
    { "<%s> takes at most %d <%s>", "<%s> heeft hoogstens %d <%s>" },
    { "the file starts with <%s>; it must start with <%s>", "het bestand begint met <%s>; het moet beginnen met <%s>" },
    { "<%s> must have xmlns=\"%s\"", "<%s> moet xmlns=\"%s\" hebben" },
    { "and %d more problems with the schema", "en nog %d problemen met het schema" },
};

const char *sp_tr(int lang, const char *english)
{
    if (lang != 0 || !english)
        return english;
    for (size_t i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++)
        if (strcmp(catalogue[i].en, english) == 0)
            return catalogue[i].nl;
    return english;
}

int sp_tr_count(void)
{
    return (int)(sizeof catalogue / sizeof catalogue[0]);
}

const char *sp_tr_row(int i, int lang)
{
    if (i < 0 || i >= sp_tr_count())
        return NULL;
    return lang == 0 ? catalogue[i].nl : catalogue[i].en;
}
