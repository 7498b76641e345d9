/* replay.c: what the replay screens do: the list of past plays, opening and comparing a play, stepping and auto-advance, the screens' actions (what they write is in replay_write.c, their keys in replay_key.c). */
#include "replay.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "core/translate.h"

const int sp_ui_replay_interval[SP_UI_REPLAY_SPEEDS] = { 7000, 4000, 2000 };
const char *const sp_ui_replay_speed_label[SP_UI_REPLAY_SPEEDS] = { "½×", "1×", "2×" };

void sp_ui_replay_notice(sp_ui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
}

static sp_ui_replay *state(sp_ui_app *a)
{
    if (!a->replay)
        a->replay = calloc(1, sizeof *a->replay);
    return a->replay;
}

/* A new screen starts at its top, without focus, hover or an old notice. */
void sp_ui_replay_show(sp_ui_app *a, sp_ui_screen screen)
{
    a->screen = screen;
    a->debrief_of_replay = 0;
    a->notice[0] = '\0';
    a->overlay = SP_UI_OV_NONE;
    a->focus[0] = a->focus[1] = -1;
    a->scroll[0] = a->scroll[1] = 0;
    a->hover = -1;
}

static void drop_compare(sp_ui_replay *rp)
{
    sp_compare_free(rp->cmp);
    sp_replay_free(rp->rb);
    sp_transcript_free(rp->tb);
    rp->cmp = NULL;
    rp->rb = NULL;
    rp->tb = NULL;
    rp->b_expert = 0;
    rp->b_path[0] = '\0';
}

void sp_ui_replay_drop(sp_ui_replay *rp)
{
    drop_compare(rp);
    sp_debrief_free(rp->db);
    rp->db = NULL;
    sp_replay_free(rp->r);
    sp_transcript_free(rp->t);
    rp->r = NULL;
    rp->t = NULL;
    rp->path[0] = '\0';
    rp->playing = rp->editing = 0;
}

void sp_ui_replay_free(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    if (!rp)
        return;
    sp_ui_replay_drop(rp);
    sp_replay_entries_free(rp->e, rp->n);
    free(rp->info);
    free(rp);
    a->replay = NULL;
}

/* ---- opening plays ------------------------------------------------------------ */

/* The loaded case of a scenario id: one of the three, or a case opened by path. */
static const sp_scenario *resolve(void *ctx, const char *id)
{
    sp_ui_app *a = ctx;
    for (int i = 0; i < SP_CASE_COUNT; i++)
        if (a->cases[i].sc && strcmp(a->cases[i].sc->id, id) == 0)
            return a->cases[i].sc;
    if (a->own && strcmp(a->own->id, id) == 0)
        return a->own;
    return NULL;
}

/* The list's figures of entry e, from its debrief (sp_ui_play_info). */
static void play_info(const sp_ui_app *a, const sp_replay_entry *e, sp_ui_play_info *in)
{
    memset(in, 0, sizeof *in);
    in->total = e->total;
    in->total_max = -1;
    sp_transcript *t = NULL;
    if (!e->ok || sp_transcript_read(e->path, &t, NULL) != SP_OK || !t) {
        sp_transcript_free(t);
        return;
    }
    in->group = t->mode && strcmp(t->mode, "group") == 0;
    if (t->parent && t->branch_step >= 0) {
        int k = t->branch_step;
        in->branch_turn = k < t->n_steps ? t->steps[k].turn : k > 0 ? t->steps[k - 1].turn + 1 : 1;
        sp_transcript *pt = NULL;
        if (sp_transcript_read(t->parent, &pt, NULL) == SP_OK && pt)
            in->parent_started = pt->started;
        sp_transcript_free(pt);
    }
    sp_replay *r = NULL;
    if (e->sc && e->finished && sp_replay_build(t, e->sc, sp_ui_app_lang(a), &r, NULL) == SP_OK) {
        sp_debrief *d = sp_debrief_build(r->s);
        if (d) {
            in->total = d->total;
            in->total_max = d->exact ? d->total_max : -1;
        }
        sp_debrief_free(d);
    }
    sp_replay_free(r);
    sp_transcript_free(t);
}

void sp_ui_replay_scan(sp_ui_app *a)
{
    sp_ui_replay *rp = state(a);
    sp_replay_entries_free(rp->e, rp->n);
    free(rp->info);
    rp->info = NULL;
    rp->e = NULL;
    rp->n = 0;
    if (a->transcripts_dir[0])
        sp_replay_scan(a->transcripts_dir, resolve, a, &rp->e, &rp->n);
    sp_ui_app_scan_skipped(a); /* the line about files that are no regular files */
    rp->info = calloc((size_t)(rp->n ? rp->n : 1), sizeof *rp->info);
    for (int i = 0; rp->info && i < rp->n; i++)
        play_info(a, &rp->e[i], &rp->info[i]);
}

/* Reads path and replays it into t and r; the first message in d. */
static sp_status load(sp_ui_app *a, const char *path, sp_transcript **t, sp_replay **r, sp_diag *d)
{
    *t = NULL;
    *r = NULL;
    sp_status st = sp_transcript_read(path, t, d);
    if (st != SP_OK)
        return st;
    const sp_scenario *sc = resolve(a, (*t)->scenario_id);
    if (!sc) {
        sp_diag_add(d, path, 0, SP_N_("casus '%s' is niet beschikbaar"), (*t)->scenario_id);
        st = SP_EINVAL;
    } else {
        st = sp_replay_build(*t, sc, sp_ui_app_lang(a), r, d);
        /* A play that stopped fitting the case is still shown up to there. */
        if (st == SP_EINVAL && *r)
            st = SP_OK;
    }
    if (st != SP_OK) {
        sp_replay_free(*r);
        sp_transcript_free(*t);
        *r = NULL;
        *t = NULL;
    }
    return st;
}

/* The first message that is not a warning, or the last one. */
const char *sp_ui_replay_error(const sp_diag *d, const char *fallback)
{
    int n = sp_diag_count(d);
    for (int i = 0; i < n; i++)
        if (!sp_diag_is_warning(d, i))
            return sp_diag_message(d, i);
    return n ? sp_diag_message(d, n - 1) : fallback;
}

sp_status sp_ui_replay_open(sp_ui_app *a, const char *path, sp_diag *d)
{
    sp_ui_replay *rp = state(a);
    if (!rp)
        return SP_ENOMEM;
    sp_transcript *t;
    sp_replay *r;
    sp_status st = load(a, path, &t, &r, d);
    if (st != SP_OK)
        return st;
    sp_ui_replay_drop(rp);
    rp->t = t;
    rp->r = r;
    snprintf(rp->path, sizeof rp->path, "%s", path);
    rp->step = 0;
    rp->back = SP_UI_SCREEN_PLAYS;
    rp->speed = 1;
    sp_ui_replay_show(a, SP_UI_SCREEN_REPLAY);
    if (r->stopped_at)
        sp_ui_replay_notice(a, _("De casus is veranderd sinds dit gesprek: vanaf stap %d past het er niet meer bij. Je ziet het gesprek tot daar."),
               r->stopped_at);
    return SP_OK;
}

static sp_status compare_with(sp_ui_app *a, const char *b, sp_diag *d)
{
    sp_ui_replay *rp = a->replay;
    drop_compare(rp);
    sp_status st;
    if (strcmp(b, "expert") == 0) {
        st = sp_replay_expert(rp->r->sc, sp_session_start_vars(rp->r->s), sp_ui_app_lang(a), &rp->rb, d);
        rp->b_expert = st == SP_OK;
    } else {
        st = load(a, b, &rp->tb, &rp->rb, d);
        snprintf(rp->b_path, sizeof rp->b_path, "%s", b);
    }
    if (st == SP_OK) {
        st = sp_compare_build(rp->r, rp->rb, &rp->cmp);
        if (st == SP_EINVAL)
            sp_diag_add(d, b, 0, "%s", _("Deze twee gesprekken gaan over verschillende casussen."));
    }
    if (st != SP_OK) {
        drop_compare(rp);
        return st;
    }
    sp_ui_replay_show(a, SP_UI_SCREEN_COMPARE);
    return SP_OK;
}

sp_status sp_ui_replay_open_compare(sp_ui_app *a, const char *path_a, const char *b, sp_diag *d)
{
    sp_status st = sp_ui_replay_open(a, path_a, d);
    return st == SP_OK ? compare_with(a, b, d) : st;
}

/* ---- actions -------------------------------------------------------------------------- */

/* The debrief of the replayed play, when it was finished. */
static void show_debrief(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    if (!rp->r->finished) {
        sp_ui_replay_notice(a, "%s", _("Dit gesprek is niet afgemaakt: er is nog geen nabespreking."));
        return;
    }
    sp_debrief_free(rp->db);
    rp->db = sp_debrief_build(rp->r->s);
    if (!rp->db) {
        sp_ui_replay_notice(a, "%s", _("Te weinig geheugen voor de nabespreking."));
        return;
    }
    rp->playing = rp->editing = 0;
    sp_ui_replay_show(a, SP_UI_SCREEN_DEBRIEF);
    a->debrief_of_replay = 1;
}

static void go(sp_ui_replay *rp, int step)
{
    if (step < 0)
        step = 0;
    if (step >= rp->r->n_steps)
        step = rp->r->n_steps - 1;
    rp->step = step;
    rp->editing = 0;
}

/* D, or a finished play's Nabespreking in the list (arg: its index; -1
 * the open replay): that play's debrief. */
static void debrief_action(sp_ui_app *a, int arg)
{
    sp_ui_replay *rp = a->replay;
    int in_replay = rp->r != NULL;
    sp_diag *d = NULL;
    if (arg >= 0) {
        if (arg >= rp->n || !rp->e[arg].ok || !rp->e[arg].finished)
            return;
        d = sp_diag_new();
        if (sp_ui_replay_open(a, rp->e[arg].path, d) != SP_OK) {
            sp_ui_replay_notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), sp_ui_replay_error(d, "?"));
            sp_diag_free(d);
            return;
        }
        sp_diag_free(d);
        rp->db_back = SP_UI_SCREEN_PLAYS;
    } else if (in_replay && a->screen == SP_UI_SCREEN_REPLAY) {
        rp->db_back = SP_UI_SCREEN_REPLAY;
    } else {
        return;
    }
    show_debrief(a);
}

/* Esc: back where the screen came from. */
static void back_action(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    int in_replay = rp->r != NULL;
    rp->editing = rp->playing = 0;
    if (a->screen == SP_UI_SCREEN_DEBRIEF && a->debrief_of_replay) {
        a->debrief_of_replay = 0;
        sp_debrief_free(rp->db);
        rp->db = NULL;
        if (rp->db_back == SP_UI_SCREEN_PLAYS) {
            sp_ui_replay_drop(rp);
            sp_ui_replay_scan(a);
        }
        sp_ui_replay_show(a, rp->db_back);
    } else if (a->screen == SP_UI_SCREEN_COMPARE && in_replay) {
        sp_ui_replay_show(a, SP_UI_SCREEN_REPLAY);
    } else if (a->screen == SP_UI_SCREEN_PLAYS && rp->picking && in_replay) {
        rp->picking = 0;
        sp_ui_replay_show(a, SP_UI_SCREEN_REPLAY);
    } else if (a->screen == SP_UI_SCREEN_REPLAY && rp->back == SP_UI_SCREEN_DEBRIEF && a->debrief) {
        sp_ui_replay_drop(rp);
        sp_ui_replay_show(a, SP_UI_SCREEN_DEBRIEF);
    } else if (a->screen == SP_UI_SCREEN_REPLAY) {
        sp_ui_replay_drop(rp);
        sp_ui_replay_scan(a);
        sp_ui_replay_show(a, SP_UI_SCREEN_PLAYS);
    } else {
        sp_ui_app_action(a, SP_UI_ACT_TO_MENU, 0);
    }
}

int sp_ui_replay_action(sp_ui_app *a, int action, int arg)
{
    sp_ui_replay *rp = state(a);
    if (!rp)
        return 0;
    int in_replay = rp->r != NULL;
    sp_diag *d = NULL;
    switch (action) {
    case SP_UI_ACT_PLAYS:
        a->notice[0] = '\0';
        rp->picking = 0;
        sp_ui_replay_scan(a);
        sp_ui_replay_show(a, SP_UI_SCREEN_PLAYS);
        return 1;
    case SP_UI_ACT_REPLAY_OPEN:
        if (arg < 0 || arg >= rp->n || !rp->e[arg].ok)
            return 1;
        a->notice[0] = '\0';
        d = sp_diag_new();
        if (rp->picking) {
            rp->picking = 0;
            if (in_replay && compare_with(a, rp->e[arg].path, d) != SP_OK)
                sp_ui_replay_notice(a, _("Vergelijken lukt niet: %s"), sp_ui_replay_error(d, "?"));
        } else if (sp_ui_replay_open(a, rp->e[arg].path, d) != SP_OK) {
            sp_ui_replay_notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), sp_ui_replay_error(d, "?"));
        }
        sp_diag_free(d);
        return 1;
    case SP_UI_ACT_REPLAY_THIS:
        if (!a->t_path[0])
            return 1;
        d = sp_diag_new();
        if (sp_ui_replay_open(a, a->t_path, d) == SP_OK)
            rp->back = SP_UI_SCREEN_DEBRIEF;
        else
            sp_ui_replay_notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), sp_ui_replay_error(d, "?"));
        sp_diag_free(d);
        return 1;
    case SP_UI_ACT_COMPARE_WITH:
        if (!in_replay)
            return 1;
        rp->picking = 0;
        d = sp_diag_new();
        if (arg < 0 ? compare_with(a, "expert", d) != SP_OK
                    : arg < rp->n && rp->e[arg].ok && compare_with(a, rp->e[arg].path, d) != SP_OK)
            sp_ui_replay_notice(a, _("Vergelijken lukt niet: %s"), sp_ui_replay_error(d, "?"));
        sp_diag_free(d);
        return 1;
    case SP_UI_ACT_EXPORT:
        if (a->screen == SP_UI_SCREEN_DEBRIEF && a->debrief_of_replay && in_replay)
            sp_ui_replay_export_html(a, rp->t, rp->r->sc, rp->path);
        else if (a->screen == SP_UI_SCREEN_DEBRIEF && a->t && a->sc)
            sp_ui_replay_export_html(a, a->t, a->sc, a->t_path);
        else if (in_replay)
            sp_ui_replay_export_html(a, rp->t, rp->r->sc, rp->path);
        return 1;
    case SP_UI_ACT_PLAY_DELETE:
        if (a->screen == SP_UI_SCREEN_PLAYS && !rp->picking && arg >= 0 && arg < rp->n)
            sp_ui_replay_trash(a, arg);
        return 1;
    case SP_UI_ACT_PLAY_RESTORE:
        sp_ui_replay_restore(a);
        return 1;
    case SP_UI_ACT_REPLAY_DEBRIEF:
        debrief_action(a, arg);
        return 1;
    case SP_UI_ACT_REPLAY_BACK:
        back_action(a);
        return 1;
    default:
        break;
    }
    if (!in_replay)
        return action >= SP_UI_ACT_PLAYS && action <= SP_UI_ACT_PLAY_RESTORE;
    switch (action) {
    case SP_UI_ACT_REPLAY_STEP: go(rp, arg); a->scroll[0] = 0; break;
    case SP_UI_ACT_REPLAY_PREV: go(rp, rp->step - 1); a->scroll[0] = 0; break;
    case SP_UI_ACT_REPLAY_NEXT: go(rp, rp->step + 1); a->scroll[0] = 0; break;
    case SP_UI_ACT_REPLAY_AUTO:
        rp->playing = !rp->playing;
        rp->timed = 0;
        if (rp->playing && rp->step == rp->r->n_steps - 1)
            go(rp, 0); /* from the end, play again from the start */
        break;
    case SP_UI_ACT_REPLAY_SPEED:
        rp->speed = (rp->speed + 1) % SP_UI_REPLAY_SPEEDS;
        rp->timed = 0;
        break;
    case SP_UI_ACT_REPLAY_NOTE:
        rp->editing = 1;
        rp->playing = 0;
        rp->note[0] = '\0';
        a->scroll[0] = 1 << 28; /* the field sits at the end of the step */
        break;
    case SP_UI_ACT_REPLAY_NOTE_SAVE:
        sp_ui_replay_note_save(a);
        break;
    case SP_UI_ACT_REPLAY_BRANCH:
        sp_ui_replay_branch_here(a);
        break;
    case SP_UI_ACT_REPLAY_PICK:
        rp->playing = rp->editing = 0;
        sp_ui_replay_scan(a);
        rp->picking = 1;
        sp_ui_replay_show(a, SP_UI_SCREEN_PLAYS);
        break;
    default:
        return 0;
    }
    return 1;
}

int sp_ui_replay_timeout(const sp_ui_app *a, uint32_t now_ms)
{
    const sp_ui_replay *rp = a->replay;
    if (!rp || !rp->playing || !rp->r || a->screen != SP_UI_SCREEN_REPLAY)
        return -1;
    if (!rp->timed)
        return 0;
    int32_t left = (int32_t)(rp->due - now_ms);
    return left > 0 ? left : 0;
}

int sp_ui_replay_tick(sp_ui_app *a, uint32_t now_ms)
{
    sp_ui_replay *rp = a->replay;
    if (sp_ui_replay_timeout(a, now_ms) != 0)
        return 0;
    if (!rp->timed) {
        /* The first tick after play or a speed change starts the clock. */
        rp->timed = 1;
        rp->due = now_ms + (uint32_t)sp_ui_replay_interval[rp->speed];
        return 0;
    }
    go(rp, rp->step + 1);
    a->scroll[0] = 0;
    rp->due = now_ms + (uint32_t)sp_ui_replay_interval[rp->speed];
    if (rp->step == rp->r->n_steps - 1)
        rp->playing = 0;
    return 1;
}
