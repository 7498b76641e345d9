/* group_play.c: `samenspel play --projector --choices SCRIPT`: a group play from a script of votes and overrides, through the wall's own state machine, printed as text with the vote history. */
#include "group_play.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/commands.h"
#include "core/fs.h"
#include "core/translate.h"
#include "core/handbook.h"
#include "core/room.h"
#include "ui/group_phones.h"
#include "ui/group_script.h"
#include "term/term.h"

#include <time.h>

/* ---- the script ------------------------------------------------------------------ */

typedef struct script {
    const char *path;
    char *data;
    char **lines;    /* commands only: comments and blank lines are gone */
    int *line_no;
    int n, at;
    char where[1100];
} script;

static void script_free(script *s)
{
    free(s->data);
    free(s->lines);
    free(s->line_no);
}

static int script_read(script *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    size_t len = 0;
    sp_diag *d = sp_diag_new();
    if (!d || sp_fs_read(path, 1u << 20, &s->data, &len, d) != SP_OK) {
        if (d)
            sp_cli_print_diag(d);
        else
            sp_cli_error("%s: kan niet worden gelezen", path);
        sp_diag_free(d);
        return -1;
    }
    sp_diag_free(d);
    int cap = 16, no = 0;
    s->lines = malloc(sizeof *s->lines * (size_t)cap);
    s->line_no = malloc(sizeof *s->line_no * (size_t)cap);
    for (char *p = s->data; s->lines && s->line_no && p && *p;) {
        char *end = strchr(p, '\n');
        if (end)
            *end = '\0';
        no++;
        char *hash = strchr(p, '#');
        if (hash)
            *hash = '\0';
        while (*p && isspace((unsigned char)*p))
            p++;
        size_t n = strlen(p);
        while (n > 0 && isspace((unsigned char)p[n - 1]))
            p[--n] = '\0';
        if (*p) {
            if (s->n == cap) {
                cap *= 2;
                char **nl = realloc(s->lines, sizeof *nl * (size_t)cap);
                int *nn = nl ? realloc(s->line_no, sizeof *nn * (size_t)cap) : NULL;
                if (nl)
                    s->lines = nl;
                if (!nl || !nn) {
                    sp_cli_error("%s: onvoldoende geheugen", path);
                    return -1;
                }
                s->line_no = nn;
            }
            s->lines[s->n] = p;
            s->line_no[s->n++] = no;
        }
        p = end ? end + 1 : NULL;
    }
    if (!s->lines || !s->line_no) {
        sp_cli_error("%s: onvoldoende geheugen", path);
        return -1;
    }
    return 0;
}

static const char *where(script *s, int i)
{
    snprintf(s->where, sizeof s->where, "%s:%d", s->path, i < s->n ? s->line_no[i] : s->n ? s->line_no[s->n - 1] : 0);
    return s->where;
}

/* The command word of line i and the rest after it. */
static int is_cmd(const script *s, int i, const char *word, const char **rest)
{
    if (i >= s->n)
        return 0;
    size_t n = strlen(word);
    const char *l = s->lines[i];
    if (strncmp(l, word, n) != 0 || (l[n] && !isspace((unsigned char)l[n])))
        return 0;
    l += n;
    while (*l && isspace((unsigned char)*l))
        l++;
    *rest = l;
    return 1;
}

/* An option: 1-based number or letter; -1 when it is neither or not offered. */
static int option_arg(const char *s, int n)
{
    int k = -1;
    if (s[0] >= 'A' && s[0] <= 'Z' && !s[1])
        k = s[0] - 'A';
    else if (s[0] >= 'a' && s[0] <= 'z' && !s[1])
        k = s[0] - 'a';
    else {
        char *end;
        long v = strtol(s, &end, 10);
        if (end != s && !*end)
            k = (int)v - 1;
    }
    return k >= 0 && k < n ? k : -1;
}

/* ---- printing -------------------------------------------------------------------- */

typedef struct run {
    sp_ui_app *a;
    sp_term *t;
    script sc;
    int shown;       /* the log length when the last heading was printed, -1 none */
    sp_ui_phones ph; /* the room's phones in step with the wall */
    sp_phones *srv;  /* the phones' server (--phones), NULL without */
} run;


/* The decision on the wall now: its turn, prompt and question, once. */
static void print_heading(run *r)
{
    const sp_view *v = sp_ui_app_view(r->a);
    if (r->shown == v->turn)
        return;
    r->shown = v->turn;
    const char *prompt = v->kind == SP_VIEW_THOUGHT ? sp_translate(r->t->lang, "Wat gaat er door je heen?")
                       : *v->prompt ? v->prompt : sp_translate(r->t->lang, "Wat zeg je?");
    fprintf(r->t->out, "\n%s %d · %s\n", sp_translate(r->t->lang, "Beurt"), v->turn, prompt);
    if (*v->discuss)
        fprintf(r->t->out, "  %s: %s\n", sp_translate(r->t->lang, "Vraag voor de groep"), v->discuss);
}

static void print_taken(run *r)
{
    sp_ui_group_taken g;
    if (sp_ui_group_script_taken(r->a, &g) != 0)
        return;
    const sp_node *nd = &sp_ui_group_script_case(r->a)->nodes[g.node];
    sp_lang lang = sp_ui_app_lang(r->a);
    for (int k = 0; k < g.n; k++) {
        const char *text = sp_text_get(&nd->options[g.offered[k]].text, lang);
        if (g.has_votes)
            fprintf(r->t->out, "  %c %4d  %s%s\n", sp_ui_group_letter(k), g.votes[k], text,
                    k == g.chosen ? sp_translate(r->t->lang, "  ← gekozen") : "");
        else
            fprintf(r->t->out, "  %c  %s%s\n", sp_ui_group_letter(k), text,
                    k == g.chosen ? sp_translate(r->t->lang, "  ← gekozen") : "");
    }
    char l = sp_ui_group_letter(g.chosen);
    if (!g.has_votes) {
        fprintf(r->t->out, "  %s %c %s\n", sp_translate(r->t->lang, "De trainer koos"), l,
                sp_translate(r->t->lang, "zonder stemming."));
        return;
    }
    sp_vote_tally t = sp_vote_count(g.votes, g.n);
    int other = sp_vote_dissent(g.votes, g.n, g.chosen);
    if (g.override)
        fprintf(r->t->out, sp_translate(r->t->lang, other == 1 ? SP_N_("  De trainer koos %c tegen de groep in (%c had %d van %d); %d stemde anders.\n")
                                                      : SP_N_("  De trainer koos %c tegen de groep in (%c had %d van %d); %d stemden anders.\n")),
                l, sp_ui_group_letter(t.majority >= 0 ? t.majority : 0), t.top, t.total, other);
    else if (t.majority < 0)
        fprintf(r->t->out, sp_translate(r->t->lang, other == 1 ? SP_N_("  Gelijke stand; de trainer koos %c. %d van %d stemde anders.\n")
                                                      : SP_N_("  Gelijke stand; de trainer koos %c. %d van %d stemden anders.\n")),
                l, other, t.total);
    else
        fprintf(r->t->out, sp_translate(r->t->lang, other == 1 ? SP_N_("  De groep koos %c: %d van %d stemmen; %d stemde anders.\n")
                                                      : SP_N_("  De groep koos %c: %d van %d stemmen; %d stemden anders.\n")),
                l, g.votes[g.chosen], t.total, other);
}

static void print_history(run *r)
{
    const sp_replay *rp = sp_ui_group_script_votes(r->a);
    fprintf(r->t->out, "\n== %s\n", sp_translate(r->t->lang, "Hoe de groep stemde"));
    if (!rp) {
        fprintf(r->t->out, "%s\n", sp_translate(r->t->lang, "(het verslag kon niet worden teruggelezen)"));
        return;
    }
    for (int i = 0; i < rp->n_decisions; i++) {
        const sp_replay_step *st = &rp->steps[i];
        fprintf(r->t->out, "%s %d:", sp_translate(r->t->lang, "Beurt"), st->turn);
        int chosen = -1;
        for (int k = 0; k < st->n_offered; k++)
            if (st->offered[k] == st->chosen)
                chosen = k;
        if (st->n_votes != st->n_offered || st->n_votes == 0) {
            fprintf(r->t->out, " %s %c\n", sp_translate(r->t->lang, "geen stemming; gekozen"), sp_ui_group_letter(chosen));
            continue;
        }
        for (int k = 0; k < st->n_votes; k++)
            fprintf(r->t->out, "%s %c %d%s", k ? " ·" : "", sp_ui_group_letter(k), st->votes[k],
                    k == chosen ? sp_translate(r->t->lang, " (gekozen)") : "");
        fprintf(r->t->out, " — %d %s%s\n", sp_vote_dissent(st->votes, st->n_votes, chosen),
                sp_vote_dissent(st->votes, st->n_votes, chosen) == 1 ? sp_translate(r->t->lang, "stemde anders")
                                                                      : sp_translate(r->t->lang, "stemden anders"),
                st->override ? sp_translate(r->t->lang, "; tegen de meerderheid in") : "");
    }
}

/* ---- the play ---------------------------------------------------------------------- */

static int fail(run *r, int i, const char *msg)
{
    fprintf(stderr, "%s: %s\n", where(&r->sc, i), msg);
    return SP_EXIT_INVALID;
}

/* Moves on from a decision already taken, as Enter does on the wall. */
static void next(run *r)
{
    if (sp_ui_group_script_phase(r->a) >= SP_UI_GROUP_DECIDED)
        sp_ui_app_action(r->a, SP_UI_ACT_GROUP_NEXT, 0);
}

/* Counts from 0 separated by spaces, one per option on offer; 0 or an exit code. */
static int parse_counts(run *r, int i, const char *p, int *counts)
{
    int n = 0;
    while (*p) {
        char *end;
        long c = strtol(p, &end, 10);
        if (end == p || c < 0 || c > SP_VOTE_MAX_COUNT || (*end && !isspace((unsigned char)*end)))
            return fail(r, i, sp_translate(r->t->lang, "stemmen zijn aantallen vanaf 0, gescheiden door spaties"));
        if (n == SP_UI_GROUP_OPTIONS)
            return fail(r, i, sp_translate(r->t->lang, "meer aantallen dan opties"));
        counts[n++] = (int)c;
        p = end;
        while (*p && isspace((unsigned char)*p))
            p++;
    }
    if (n != sp_ui_group_script_options(r->a)) {
        char msg[128];
        snprintf(msg, sizeof msg, sp_translate(r->t->lang, "%d aantallen voor %d opties: geef voor elke optie één aantal"), n, sp_ui_group_script_options(r->a));
        return fail(r, i, msg);
    }
    return 0;
}

/* The room's counts on the wall, then the majority, or the option of an
 * 'override'/'pick' line that follows. */
static int take_counts(run *r, int i, const int *counts, int *consumed)
{
    sp_ui_app *a = r->a;
    int n = sp_ui_group_script_options(a);
    const char *rest;
    int pick = -1;
    if (sp_ui_group_set_votes(a, counts, n) != SP_OK) {
        char msg[320];
        snprintf(msg, sizeof msg, sp_translate(r->t->lang, "deze aantallen zijn samen meer dan de %d mensen in de zaal: "
                 "tel opnieuw, of zet 'room N' vóór de eerste beslissing"), sp_ui_group_script_room_size(a));
        return fail(r, i, msg);
    }
    if (is_cmd(&r->sc, i + 1, "override", &rest) || is_cmd(&r->sc, i + 1, "pick", &rest)) {
        *consumed = 2;
        pick = option_arg(rest, n);
        if (pick < 0)
            return fail(r, i + 1, sp_translate(r->t->lang, "die optie is er hier niet"));
    }
    if (sp_ui_group_take(a, pick) != SP_OK)
        return fail(r, i, pick < 0 ? sp_translate(r->t->lang, "gelijke stand: kies op de volgende regel een optie met 'pick N'")
                                   : sp_translate(r->t->lang, "die optie kan niet gekozen worden"));
    sp_ui_phones_sync(&r->ph, a, 0);
    print_taken(r);
    return 0;
}

/* 'phones N [+ typed counts]': the vote on the phones until N are in. */
static int phones(run *r, int i, const char *rest, int *consumed)
{
    int n = sp_ui_group_script_options(r->a);
    if (!r->srv)
        return fail(r, i, sp_translate(r->t->lang, "'phones' werkt alleen met --phones op de opdrachtregel"));
    char *end;
    long want = strtol(rest, &end, 10);
    if (end == rest || want < 0 || want > 1000)
        return fail(r, i, sp_translate(r->t->lang, "'phones N': N is het aantal stemmen van de telefoons waarop je wacht, van 0 tot en met 1000"));
    int typed[SP_UI_GROUP_OPTIONS] = { 0 };
    while (*end && isspace((unsigned char)*end))
        end++;
    if (*end == '+' && parse_counts(r, i, end + 1, typed) != 0)
        return SP_EXIT_INVALID;
    if (*end && *end != '+')
        return fail(r, i, sp_translate(r->t->lang, "na 'phones N' mag alleen '+' met de getypte aantallen komen"));
    sp_ui_phones_sync(&r->ph, r->a, 1);
    int counts[SP_UI_GROUP_OPTIONS];
    struct timespec pause = { 0, 20 * 1000 * 1000 };
    for (int waited = 0; sp_ui_phones_counts(&r->ph, counts, n) < want; waited += 20) {
        if (waited >= 20000)
            return fail(r, i, sp_translate(r->t->lang, "er kwamen binnen 20 seconden minder stemmen van de telefoons dan 'phones N' vraagt; maak N kleiner"));
        nanosleep(&pause, NULL);
    }
    sp_ui_phones_close(&r->ph);
    int got = sp_ui_phones_counts(&r->ph, counts, n);
    fprintf(r->t->out, "  %s: %d\n", sp_translate(r->t->lang, "Stemmen van telefoons"), got);
    for (int k = 0; k < n; k++)
        counts[k] += typed[k];
    return take_counts(r, i, counts, consumed);
}

/* 'phone-flags': how many phones spotted each red flag, most first. */
static int phone_flags(run *r, int i)
{
    if (!r->srv)
        return fail(r, i, sp_translate(r->t->lang, "'phone-flags' werkt alleen met --phones op de opdrachtregel"));
    const sp_handbook *hb = sp_ui_group_script_case(r->a)->handbook;
    int n = hb->n_redflags < SP_ROOM_MAX_FLAGS ? hb->n_redflags : SP_ROOM_MAX_FLAGS;
    int counts[SP_ROOM_MAX_FLAGS], shown = 0;
    sp_phones_flag_counts(r->srv, counts, n);
    fprintf(r->t->out, "  %s:\n", sp_translate(r->t->lang, "Rode vlaggen van de telefoons"));
    for (int top = 1000; top > 0; top--)
        for (int f = 0; f < n; f++)
            if (counts[f] == top) {
                fprintf(r->t->out, "  %4d  %s\n", top, sp_text_get(&hb->redflags[f].label, sp_ui_app_lang(r->a)));
                shown++;
            }
    if (!shown)
        fprintf(r->t->out, "  %s\n", sp_translate(r->t->lang, "(geen)"));
    sp_phones_flags_clear(r->srv);
    return 0;
}

/* 'reveal': the feedback of the decision just taken, and its handbook reference. */
static int reveal(run *r, int i)
{
    sp_ui_app *a = r->a;
    sp_ui_group_phase ph = sp_ui_group_script_phase(a);
    sp_ui_group_taken g;
    if ((ph != SP_UI_GROUP_DECIDED && ph != SP_UI_GROUP_REVEALED) || sp_ui_group_script_taken(a, &g) != 0)
        return fail(r, i, sp_translate(r->t->lang, "'reveal' komt na een beslissing"));
    sp_ui_app_action(a, SP_UI_ACT_GROUP_REVEAL, 0);
    sp_session *s = sp_ui_group_script_session(a);
    sp_lang lang = sp_ui_app_lang(a);
    const sp_option *o = &sp_ui_group_script_case(a)->nodes[g.node].options[g.offered[g.chosen]];
    fprintf(r->t->out, "  %s: %s\n", sp_translate(r->t->lang, "Toelichting"),
            sp_session_text_at(s, sp_session_turn(s) - 2, &o->feedback, lang));
    if (o->ref_kind == SP_REF_TEXT) /* free text, until the cases use handbook ids */
        fprintf(r->t->out, "  %s: %s\n", sp_translate(r->t->lang, "Handboek"), o->ref);
    else if (o->ref_kind != SP_REF_NONE)
        fprintf(r->t->out, "  %s\n", sp_text_get(&o->ref_label, lang));
    return 0;
}

/* 'flag ID': the room marks a red flag at this turn; its verdict is printed. */
static int flag(run *r, int i, const char *id)
{
    sp_ui_app *a = r->a;
    const sp_handbook *hb = sp_ui_group_script_case(a)->handbook;
    sp_session *s = sp_ui_group_script_session(a);
    int f = sp_handbook_redflag(hb, id);
    if (f < 0)
        return fail(r, i, sp_translate(r->t->lang, "onbekende rode vlag (verwacht: een id zoals rf.og-geen-tijd)"));
    unsigned char present[64], marked[64];
    sp_ui_group_flags_now(a, present, marked);
    if (f < 64 && marked[f])
        return fail(r, i, sp_translate(r->t->lang, "deze rode vlag is deze beurt al gemarkeerd"));
    if (!sp_ui_group_script_flag_round(a))
        sp_ui_app_action(a, SP_UI_ACT_GROUP_FLAGS, 0);
    sp_ui_app_action(a, SP_UI_ACT_GROUP_MARK, f);
    sp_ui_app_action(a, SP_UI_ACT_GROUP_FLAGS, 0);
    sp_flag_verdict fv = sp_session_flag_verdict(s, f, sp_session_turn(s), NULL);
    fprintf(r->t->out, "  %s: %s · %s\n", sp_translate(r->t->lang, "Rode vlag"),
            sp_text_get(&hb->redflags[f].label, sp_ui_app_lang(a)),
            fv == SP_FLAG_PRESENT ? sp_translate(r->t->lang, "herkend")
            : fv == SP_FLAG_NOT_INTENDED ? sp_translate(r->t->lang, "niet bedoeld hier") : sp_translate(r->t->lang, "vals alarm"));
    return 0;
}

static int step(run *r, int i, int *consumed)
{
    sp_ui_app *a = r->a;
    const char *rest = NULL;
    *consumed = 1;
    if (is_cmd(&r->sc, i, "room", &rest)) {
        char *end;
        long n = strtol(rest, &end, 10);
        if (end == rest || *end || n < SP_UI_ROOM_MIN || n > SP_UI_ROOM_MAX ||
            sp_ui_group_script_room(a, (int)n) != SP_OK)
            return fail(r, i, sp_translate(r->t->lang, "'room N' (2 tot en met 9999 mensen) komt vóór de eerste beslissing"));
        return 0;
    }
    if (is_cmd(&r->sc, i, "reveal", &rest))
        return reveal(r, i);
    if (is_cmd(&r->sc, i, "undo", &rest)) {
        sp_session *s = sp_ui_group_script_session(a);
        int before = sp_session_log_count(s);
        sp_ui_app_action(a, SP_UI_ACT_UNDO, 0);
        if (sp_session_log_count(s) == before)
            return fail(r, i, sp_translate(r->t->lang, "niets om terug te draaien"));
        fprintf(r->t->out, "  %s\n", sp_translate(r->t->lang, "Teruggenomen."));
        r->shown = -1;
        return 0;
    }
    next(r);
    const sp_view *v = sp_ui_app_view(a);
    if (v->kind == SP_VIEW_ENDING)
        return fail(r, i, sp_translate(r->t->lang, "het gesprek is hier al afgelopen"));
    print_heading(r);
    if (is_cmd(&r->sc, i, "flag", &rest))
        return flag(r, i, rest);
    if (is_cmd(&r->sc, i, "phone-flags", &rest))
        return phone_flags(r, i);
    if (is_cmd(&r->sc, i, "phones", &rest))
        return phones(r, i, rest, consumed);
    if (is_cmd(&r->sc, i, "votes", &rest)) {
        int counts[SP_UI_GROUP_OPTIONS] = { 0 };
        if (parse_counts(r, i, rest, counts) != 0)
            return SP_EXIT_INVALID;
        return take_counts(r, i, counts, consumed);
    }
    if (is_cmd(&r->sc, i, "override", &rest) || is_cmd(&r->sc, i, "pick", &rest))
        return fail(r, i, sp_translate(r->t->lang, "'override' en 'pick' horen direct na een regel 'votes' of 'phones N'"));
    if (!is_cmd(&r->sc, i, "choose", &rest))
        rest = r->sc.lines[i];
    int pick = option_arg(rest, sp_ui_group_script_options(a));
    if (pick < 0)
        return fail(r, i, sp_translate(r->t->lang, "onbekende opdracht, of die optie is er hier niet (votes, phones, override, pick, choose N, flag, reveal, undo)"));
    if (sp_ui_group_take(a, pick) != SP_OK)
        return fail(r, i, sp_translate(r->t->lang, "die optie kan niet gekozen worden"));
    print_taken(r);
    return 0;
}

static int64_t cli_clock(void *ctx)
{
    (void)ctx;
    return sp_cli_now();
}

/* Starts the phones' server for the case just opened; prints where to go. */
static int start_phones(run *r, const char *listen)
{
    const sp_handbook *hb = sp_ui_group_script_case(r->a)->handbook;
    const char *labels[SP_ROOM_MAX_FLAGS];
    int n = hb->n_redflags < SP_ROOM_MAX_FLAGS ? hb->n_redflags : SP_ROOM_MAX_FLAGS;
    for (int f = 0; f < n; f++)
        labels[f] = sp_text_get(&hb->redflags[f].label, sp_ui_app_lang(r->a));
    sp_phones_config cfg = { .listen = listen, .lang = sp_lang_code(r->t->lang), .n_flags = n, .flag_labels = labels };
    char err[300];
    r->srv = sp_phones_start(&cfg, err, sizeof err);
    sp_ui_phones_begin(&r->ph, r->srv);
    if (!r->srv) {
        fprintf(stderr, "samenspel play --phones: %s\n", err);
        return -1;
    }
    fprintf(stderr, sp_translate(r->t->lang, "Telefoons: %s (of %s met code %s)\n"),
            sp_phones_url(r->srv), sp_phones_base(r->srv), sp_phones_code(r->srv));
    fflush(stderr);
    return 0;
}

/* After the script: the ending, the debrief and how the group voted; an
 * exit code. */
static int finish(run *r)
{
    sp_ui_app *a = r->a;
    next(r);
    if (!sp_session_finished(sp_ui_group_script_session(a))) {
        sp_cli_error("%s: het script hield op voordat het gesprek een einde bereikte", where(&r->sc, r->sc.n));
        return SP_EXIT_INVALID;
    }
    const sp_view *v = sp_ui_app_view(a);
    fprintf(r->t->out, "\n%s: %s (%s)\n", sp_translate_ctx(r->t->lang, "report", "Einde"), v->ending_title,
            sp_term_ending_kind(sp_ui_app_lang(a), v->ending_kind));
    sp_ui_app_action(a, SP_UI_ACT_DEBRIEF, 0);
    if (sp_ui_group_script_debrief(a))
        sp_term_debrief(r->t, sp_ui_group_script_session(a), sp_ui_group_script_debrief(a));
    print_history(r);
    return SP_EXIT_OK;
}

int sp_cli_group_play(const char *what, const char *script_path, int phones, const char *listen)
{
    static sp_ui_app app; /* large: paths */
    run r = { .a = &app, .shown = -1 };
    sp_ui_phones_begin(&r.ph, NULL);
    sp_term term;
    sp_term_init(&term, stdout, sp_cli_opts()->lang);
    r.t = &term;
    if (script_read(&r.sc, script_path) != 0) {
        script_free(&r.sc);
        return SP_EXIT_INVALID;
    }
    int rc = SP_EXIT_OK;
    int ok = sp_ui_group_script_init(&app, sp_cli_opts()->lang, cli_clock) == 0;
    sp_diag *d = sp_diag_new();
    if (!ok || !d) {
        rc = SP_EXIT_SYSTEM;
    } else if (sp_ui_app_open(&app, what, d) != SP_OK) {
        sp_cli_print_diag(d);
        rc = SP_EXIT_INVALID;
    }
    sp_diag_free(d);
    if (rc == SP_EXIT_OK && phones && start_phones(&r, listen) != 0)
        rc = SP_EXIT_SYSTEM;
    if (rc == SP_EXIT_OK) {
        sp_ui_app_action(&app, SP_UI_ACT_BEGIN, 0);
        fprintf(term.out, "%s · %s\n", sp_translate(r.t->lang, "Groepstraining"),
                sp_text_get(&sp_ui_group_script_case(&app)->title, sp_ui_app_lang(&app)));
        for (int i = 0; rc == SP_EXIT_OK && i < r.sc.n;) {
            int used = 1;
            rc = step(&r, i, &used);
            i += used;
        }
    }
    if (rc == SP_EXIT_OK)
        rc = finish(&r);
    const char *notice = sp_ui_group_script_notice(&app);
    if (notice[0]) {
        fprintf(stderr, "samenspel: %s\n", notice);
        if (rc == SP_EXIT_OK)
            rc = SP_EXIT_SYSTEM;
    }
    fflush(term.out);
    const char *saved = sp_ui_group_script_saved(&app);
    if (saved[0])
        fprintf(stderr, "%s %s\n", sp_translate(sp_cli_opts()->lang, SP_N_("Gesprek bewaard in")), saved);
    sp_ui_phones_end(&r.ph);  /* the server stops when the play ends */
    sp_ui_app_free(&app);
    script_free(&r.sc);
    return rc;
}
