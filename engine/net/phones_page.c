/* phones_page.c: the participant's pages (their words Dutch msgids of po/, in Dutch or English): the question with its options, the vote received, the red flags to spot; inline CSS and script under a per-response CSP nonce, every text escaped. */
#include "phones_internal.h"
#include "core/translate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sp_phones_buf_add(sp_phones_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *t = realloc(b->s, cap);
        if (!t) {
            b->oom = 1;
            return;
        }
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

void sp_phones_buf_addf(sp_phones_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->oom = 1;  /* only short, fixed formats come here */
        return;
    }
    sp_phones_buf_add(b, tmp);
}

void sp_phones_buf_esc(sp_phones_buf *b, const char *s)
{
    char one[2] = { 0, 0 };
    for (; s && *s; s++) {
        switch (*s) {
        case '&': sp_phones_buf_add(b, "&amp;"); break;
        case '<': sp_phones_buf_add(b, "&lt;"); break;
        case '>': sp_phones_buf_add(b, "&gt;"); break;
        case '"': sp_phones_buf_add(b, "&quot;"); break;
        case '\'': sp_phones_buf_add(b, "&#39;"); break;
        default: one[0] = *s; sp_phones_buf_add(b, one);
        }
    }
}

/* The page's words, Dutch msgids of the program's catalogue (po/). */
static const char *const WORDS[SP_PW_COUNT] = {
    [SP_PW_TITLE] = SP_N_("samenspel: stemmen"),
    [SP_PW_VOTED] = SP_N_("Stem ontvangen."),
    [SP_PW_CHANGED] = SP_N_("Je stem is gewijzigd."),
    [SP_PW_CLOSED] = SP_N_("Deze ronde is gesloten; je stem telt niet meer mee."),
    [SP_PW_ROUND] = SP_N_("De vraag is intussen veranderd. Kies opnieuw."),
    [SP_PW_OPTION] = SP_N_("Die keuze bestaat niet bij deze vraag."),
    [SP_PW_FLAG] = SP_N_("Rode vlag doorgegeven."),
    [SP_PW_COOKIE] = SP_N_("Je browser bewaart geen cookies; zonder cookie kun je niet stemmen."),
    [SP_PW_BUSY] = SP_N_("Even rustig aan: te veel verzoeken. Probeer het zo weer."),
    [SP_PW_WAIT] = SP_N_("Even wachten"),
    [SP_PW_NO_QUESTION] = SP_N_("Er staat nu geen vraag open. Zodra de trainer een stemronde opent, verschijnt die hier."),
    [SP_PW_VOTE_ROUND] = SP_N_("Stemronde"),
    [SP_PW_WHAT_WOULD_YOU_DO] = SP_N_("Wat zou jij doen?"),
    [SP_PW_YOUR_VOTE] = SP_N_("Jouw stem:"),
    [SP_PW_CHANGE_UNTIL] = SP_N_("Je kunt wijzigen tot de trainer de ronde sluit."),
    [SP_PW_FLAG_SEEN] = SP_N_("Rode vlag gezien?"),
    [SP_PW_FLAG_TAP] = SP_N_("Tik een vlag aan als je hem in het gesprek hoort; nog eens tikken haalt hem weg."),
    [SP_PW_RELOAD] = SP_N_("Vernieuw de pagina voor de volgende vraag."),
    [SP_PW_JOIN] = SP_N_("Doe mee met de groep"),
    [SP_PW_TOO_MANY_CODES] = SP_N_("Te vaak een verkeerde code vanaf dit toestel. Wacht een minuut, of scan de QR-code."),
    [SP_PW_WRONG_CODE] = SP_N_("Die code klopt niet. Kijk nog eens op het scherm."),
    [SP_PW_CODE_LABEL] = SP_N_("Code van het scherm"),
    [SP_PW_JOIN_BUTTON] = SP_N_("Meedoen"),
    [SP_PW_TOO_LARGE] = SP_N_("Dat verzoek is te groot."),
    [SP_PW_NOT_FOUND] = SP_N_("Deze pagina bestaat niet. Scan de QR-code op het scherm."),
    [SP_PW_NOT_ALLOWED] = SP_N_("Dat kan hier niet."),
    [SP_PW_BAD_FORM] = SP_N_("Dat formulier begrijp ik niet."),
};

void sp_phones_words_init(sp_phones_words *pw)
{
    for (int l = 0; l < SP_LANG_COUNT; l++)
        for (int i = 0; i < SP_PW_COUNT; i++)
            pw->w[l][i] = sp_translate((sp_lang)l, WORDS[i]);
}

/* Calm colours of the window's palette; buttons large enough for a thumb. */
static const char CSS[] =
    "body{font:17px/1.4 system-ui,sans-serif;margin:0;background:#F4F1EA;color:#1E2933}"
    "main{max-width:34em;margin:0 auto;padding:14px}"
    "h1{font-size:1.2em;margin:.4em 0 .8em}"
    ".st{color:#55606B;font-size:.9em;margin:0}"
    "button{display:block;width:100%;text-align:left;font:inherit;padding:12px;margin:0 0 10px;"
    "border:2px solid #2C5F8A;border-radius:10px;background:#fff;color:#1E2933}"
    "button b{display:inline-block;min-width:1.6em;color:#2C5F8A}"
    "button.on{background:#2C5F8A;color:#fff}button.on b{color:#fff}"
    ".ok{background:#E3EEE6;border-left:5px solid #2F7D5B;padding:8px 10px}"
    ".err{background:#F6E3E3;border-left:5px solid #9C3D54;padding:8px 10px}"
    "details{margin-top:1.5em}summary{font-weight:600;padding:6px 0}"
    "input{font:inherit;padding:10px;width:8em;text-transform:uppercase}";

static void head(sp_phones_buf *b, int v_en, const char *nonce, const char *title)
{
    sp_phones_buf_addf(b, "<!doctype html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
                       v_en ? "en" : "nl");
    sp_phones_buf_add(b, "<title>");
    sp_phones_buf_esc(b, title);
    sp_phones_buf_addf(b, "</title><style nonce=\"%s\">", nonce);
    sp_phones_buf_add(b, CSS);
    sp_phones_buf_add(b, "</style></head><body><main>");
}

/* The fixed messages a redirect after a POST may name (?m=KEY). */
static void message(sp_phones_buf *b, const sp_phones_view *v)
{
    static const struct { const char *key, *cls; sp_phones_word w; } M[] = {
        { "voted", "ok", SP_PW_VOTED }, { "changed", "ok", SP_PW_CHANGED }, { "closed", "err", SP_PW_CLOSED },
        { "round", "err", SP_PW_ROUND }, { "option", "err", SP_PW_OPTION }, { "flag", "ok", SP_PW_FLAG },
        { "cookie", "err", SP_PW_COOKIE }, { "busy", "err", SP_PW_BUSY },
    };
    if (!v->message)
        return;
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
        if (strcmp(v->message, M[i].key) == 0) {
            sp_phones_buf_addf(b, "<p class=\"%s\" role=\"status\">%s</p>", M[i].cls, v->w[M[i].w]);
            return;
        }
}

static void question(sp_phones_buf *b, const sp_phones_view *v)
{
    if (!v->open) {
        sp_phones_buf_addf(b, "<p class=\"st\">%s</p><h1>%s</h1>", v->w[SP_PW_WAIT],
                           v->w[SP_PW_NO_QUESTION]);
        return;
    }
    sp_phones_buf_addf(b, "<p class=\"st\">%s %u</p><h1>", v->w[SP_PW_VOTE_ROUND], v->round);
    sp_phones_buf_esc(b, v->prompt && *v->prompt ? v->prompt : v->w[SP_PW_WHAT_WOULD_YOU_DO]);
    sp_phones_buf_addf(b, "</h1><form method=\"post\" action=\"vote%s\">", v->lang_q);
    sp_phones_buf_addf(b, "<input type=\"hidden\" name=\"round\" value=\"%u\">", v->round);
    for (int i = 0; i < v->n_options; i++) {
        sp_phones_buf_addf(b, "<button name=\"option\" value=\"%d\"%s><b>%c</b> ", i,
                           i == v->my_vote ? " class=\"on\" aria-pressed=\"true\"" : "", 'A' + i);
        sp_phones_buf_esc(b, v->options[i]);
        sp_phones_buf_add(b, "</button>");
    }
    sp_phones_buf_add(b, "</form>");
    if (v->my_vote >= 0)
        sp_phones_buf_addf(b, "<p class=\"st\">%s %c. %s</p>", v->w[SP_PW_YOUR_VOTE], 'A' + v->my_vote,
                           v->w[SP_PW_CHANGE_UNTIL]);
}

static void flags(sp_phones_buf *b, const sp_phones_view *v)
{
    if (v->n_flags <= 0)
        return;
    sp_phones_buf_addf(b, "<details%s><summary>%s</summary><p class=\"st\">%s</p>",
                       v->message && strcmp(v->message, "flag") == 0 ? " open" : "",
                       v->w[SP_PW_FLAG_SEEN], v->w[SP_PW_FLAG_TAP]);
    sp_phones_buf_addf(b, "<form method=\"post\" action=\"flag%s\">", v->lang_q);
    for (int i = 0; i < v->n_flags; i++) {
        sp_phones_buf_addf(b, "<button name=\"flag\" value=\"%d\"%s><b>%s</b> ", i,
                           v->my_flags[i] ? " class=\"on\" aria-pressed=\"true\"" : "",
                           v->my_flags[i] ? "&#10003;" : "&#9873;");
        sp_phones_buf_esc(b, v->flag_labels ? v->flag_labels[i] : "");
        sp_phones_buf_add(b, "</button>");
    }
    sp_phones_buf_add(b, "</form></details>");
}

void sp_phones_page(sp_phones_buf *b, const sp_phones_view *v)
{
    head(b, v->en, v->nonce, v->w[SP_PW_TITLE]);
    message(b, v);
    question(b, v);
    flags(b, v);
    sp_phones_buf_addf(b, "<noscript><p class=\"st\">%s</p></noscript>", v->w[SP_PW_RELOAD]);
    /* Polling, not server-sent events: a held-open stream per phone is what
     * guest wifi and proxies cut first, and a 2-second poll of a few bytes
     * costs the server next to nothing. The page reloads itself when the
     * round opens, closes or changes. */
    sp_phones_buf_addf(b, "<script nonce=\"%s\">(function(){var r=%u,o=%d;setInterval(function(){"
                          "fetch('state',{cache:'no-store',credentials:'same-origin'}).then(function(x){return x.json()})"
                          ".then(function(s){if(s.round!==r||s.open!==o)location.replace(location.pathname+location.search.replace(/[?&]m=[a-z]+/,''))})"
                          ".catch(function(){})},2000)})()</script>",
                       v->nonce, v->round, v->open);
    sp_phones_buf_add(b, "</main></body></html>");
}

void sp_phones_join_page(sp_phones_buf *b, int v_en, const char *const *w, const char *nonce, int bad, int limited)
{
    head(b, v_en, nonce, "samenspel");
    sp_phones_buf_addf(b, "<h1>%s</h1>", w[SP_PW_JOIN]);
    if (limited)
        sp_phones_buf_addf(b, "<p class=\"err\">%s</p>",
                           w[SP_PW_TOO_MANY_CODES]);
    else if (bad)
        sp_phones_buf_addf(b, "<p class=\"err\">%s</p>",
                           w[SP_PW_WRONG_CODE]);
    sp_phones_buf_addf(b, "<form method=\"post\" action=\"join\"><p><label>%s<br>"
                          "<input name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"12\" required>"
                          "</label></p><button type=\"submit\"><b>&#8594;</b> %s</button></form>",
                       w[SP_PW_CODE_LABEL], w[SP_PW_JOIN_BUTTON]);
    sp_phones_buf_add(b, "</main></body></html>");
}

void sp_phones_note_page(sp_phones_buf *b, int v_en, const char *const *w, const char *nonce, sp_phones_word say)
{
    head(b, v_en, nonce, "samenspel");
    sp_phones_buf_add(b, "<p class=\"err\">");
    sp_phones_buf_esc(b, w[say]);
    sp_phones_buf_add(b, "</p></main></body></html>");
}
