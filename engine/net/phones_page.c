/* phones_page.c: the participant's pages (Dutch and English): the question with its options, the vote received, the red flags to spot; inline CSS and script under a per-response CSP nonce, every text escaped. */
#include "phones_internal.h"

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

#define T(nl, en) (v_en ? (en) : (nl))

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
static void message(sp_phones_buf *b, int v_en, const sp_phones_view *v)
{
    static const struct { const char *key, *cls, *nl, *en; } M[] = {
        { "voted", "ok", "Stem ontvangen.", "Vote received." },
        { "changed", "ok", "Je stem is gewijzigd.", "Your vote has been changed." },
        { "closed", "err", "Deze ronde is gesloten; je stem telt niet meer mee.",
          "This round is closed; your vote no longer counts." },
        { "round", "err", "De vraag is intussen veranderd. Kies opnieuw.",
          "The question has changed in the meantime. Choose again." },
        { "option", "err", "Die keuze bestaat niet bij deze vraag.", "That choice does not exist for this question." },
        { "flag", "ok", "Rode vlag doorgegeven.", "Red flag passed on." },
        { "cookie", "err", "Je browser bewaart geen cookies; zonder cookie kun je niet stemmen.",
          "Your browser keeps no cookies; without a cookie you cannot vote." },
        { "busy", "err", "Even rustig aan: te veel verzoeken. Probeer het zo weer.",
          "Slow down: too many requests. Try again in a moment." },
    };
    if (!v->message)
        return;
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
        if (strcmp(v->message, M[i].key) == 0) {
            sp_phones_buf_addf(b, "<p class=\"%s\" role=\"status\">%s</p>", M[i].cls, T(M[i].nl, M[i].en));
            return;
        }
}

static void question(sp_phones_buf *b, int v_en, const sp_phones_view *v)
{
    if (!v->open) {
        sp_phones_buf_addf(b, "<p class=\"st\">%s</p><h1>%s</h1>", T("Even wachten", "Please wait"),
                           T("Er staat nu geen vraag open. Zodra de trainer een stemronde opent, "
                             "verschijnt die hier.",
                             "No question is open right now. As soon as the trainer opens a vote, "
                             "it appears here."));
        return;
    }
    sp_phones_buf_addf(b, "<p class=\"st\">%s %u</p><h1>", T("Stemronde", "Vote"), v->round);
    sp_phones_buf_esc(b, v->prompt && *v->prompt ? v->prompt : T("Wat zou jij doen?", "What would you do?"));
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
        sp_phones_buf_addf(b, "<p class=\"st\">%s %c. %s</p>", T("Jouw stem:", "Your vote:"), 'A' + v->my_vote,
                           T("Je kunt wijzigen tot de trainer de ronde sluit.",
                             "You can change it until the trainer closes the round."));
}

static void flags(sp_phones_buf *b, int v_en, const sp_phones_view *v)
{
    if (v->n_flags <= 0)
        return;
    sp_phones_buf_addf(b, "<details%s><summary>%s</summary><p class=\"st\">%s</p>",
                       v->message && strcmp(v->message, "flag") == 0 ? " open" : "",
                       T("Rode vlag gezien?", "Spotted a red flag?"),
                       T("Tik een vlag aan als je hem in het gesprek hoort; nog eens tikken haalt hem weg.",
                         "Tap a flag when you hear it in the conversation; tap again to take it back."));
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
    int v_en = v->en;
    head(b, v_en, v->nonce, T("samenspel: stemmen", "samenspel: voting"));
    message(b, v_en, v);
    question(b, v_en, v);
    flags(b, v_en, v);
    sp_phones_buf_addf(b, "<noscript><p class=\"st\">%s</p></noscript>",
                       T("Vernieuw de pagina voor de volgende vraag.", "Reload the page for the next question."));
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

void sp_phones_join_page(sp_phones_buf *b, int v_en, const char *nonce, int bad, int limited)
{
    head(b, v_en, nonce, "samenspel");
    sp_phones_buf_addf(b, "<h1>%s</h1>", T("Doe mee met de groep", "Join the group"));
    if (limited)
        sp_phones_buf_addf(b, "<p class=\"err\">%s</p>",
                           T("Te vaak een verkeerde code vanaf dit toestel. Wacht een minuut, of scan de QR-code.",
                             "Too many wrong codes from this device. Wait a minute, or scan the QR code."));
    else if (bad)
        sp_phones_buf_addf(b, "<p class=\"err\">%s</p>",
                           T("Die code klopt niet. Kijk nog eens op het scherm.", "That code is not right. Look at the screen again."));
    sp_phones_buf_addf(b, "<form method=\"post\" action=\"join\"><p><label>%s<br>"
                          "<input name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"12\" required>"
                          "</label></p><button type=\"submit\"><b>&#8594;</b> %s</button></form>",
                       T("Code van het scherm", "Code on the screen"), T("Meedoen", "Join"));
    sp_phones_buf_add(b, "</main></body></html>");
}

void sp_phones_note_page(sp_phones_buf *b, int v_en, const char *nonce, const char *nl, const char *en_text)
{
    head(b, v_en, nonce, "samenspel");
    sp_phones_buf_add(b, "<p class=\"err\">");
    sp_phones_buf_esc(b, v_en ? en_text : nl);
    sp_phones_buf_add(b, "</p></main></body></html>");
}
