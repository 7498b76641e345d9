/* group.c: group mode's state machine: the phases at a decision, vote entry, the facilitator's choice saved with the room's votes, the red-flag round, the countdown (the input is in group_action.c, the screens in group_*view.c). */
#include "group_phones.h"
#include "group.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs.h"
#include "i18n.h"

void sp_ui_group_status(sp_ui_group *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->status, sizeof g->status, fmt, ap);
    va_end(ap);
}

char sp_ui_group_letter(int k)
{
    return k >= 0 && k < 26 ? (char)('A' + k) : '?';
}

/* ---- life cycle ----------------------------------------------------------------- */

int sp_ui_group_enable(sp_ui_app *a, int sticky)
{
    if (a->group) {
        a->group->sticky |= sticky;
        return 0;
    }
    sp_ui_group *g = calloc(1, sizeof *g);
    if (!g)
        return -1;
    g->sticky = sticky;
    g->high_contrast = 1;
    g->timer_shown = -1;
    g->room = a->settings.room_size;
    a->group = g;
    return 0;
}

void sp_ui_group_free(sp_ui_app *a)
{
    if (!a->group)
        return;
    sp_replay_free(a->group->replay);
    free(a->group);
    a->group = NULL;
}

int sp_ui_group_on(const sp_ui_app *a)
{
    return a->group != NULL;
}

void sp_ui_group_app_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, sp_ui_list *out)
{
    /* The wall's theme for this build only: the user's own setting (and the
     * settings file) stay as they are for solo play. */
    int keep = a->settings.high_contrast;
    if (a->group)
        a->settings.high_contrast = a->group->high_contrast;
    sp_ui_app_build(a, m, w, h, out);
    a->settings.high_contrast = keep;
}

/* ---- the play ---------------------------------------------------------------------- */

static const sp_view *view(sp_ui_app *a)
{
    return a->s ? sp_session_view(a->s) : NULL;
}

int sp_ui_group_at_choice(sp_ui_app *a)
{
    const sp_view *v = view(a);
    return v && a->screen == SP_UI_SCREEN_PLAY && v->kind != SP_VIEW_ENDING;
}

static void reset_scroll(sp_ui_app *a)
{
    a->focus[0] = a->focus[1] = -1;
    a->scroll[0] = a->scroll[1] = 0;
    a->hover = -1;
}

static void timer_off(sp_ui_group *g)
{
    g->timer_on = 0;
    g->timer_shown = -1;
}

/* The current view starts at its conversation, with no votes yet. */
void sp_ui_group_enter_view(sp_ui_app *a)
{
    sp_ui_group *g = a->group;
    const sp_view *v = view(a);
    g->phase = SP_UI_GROUP_SCENE;
    g->n_counts = v && v->kind != SP_VIEW_ENDING ? v->n_options : 0;
    if (g->n_counts > SP_UI_GROUP_OPTIONS)
        g->n_counts = SP_UI_GROUP_OPTIONS;
    memset(g->counts, 0, sizeof g->counts);
    g->sel = 0;
    g->typing = 0;
    g->flag_round = 0;
    g->status[0] = '\0';
    timer_off(g);
    reset_scroll(a);
}

void sp_ui_group_reset_play(sp_ui_app *a)
{
    sp_ui_group *g = a->group;
    sp_replay_free(g->replay);
    g->replay = NULL;
    g->n_last = 0;
    sp_ui_group_enter_view(a);
}

/* Like the solo play (app.c), the transcript is written after every step;
 * it is made here with mode "group", and the room's votes of the choice
 * just made (raw step `step`, when votes is not NULL) go onto its choose
 * step after syncing. Without a transcripts directory (tests, scripts that
 * say so) it is kept in memory only: the debrief still reads it. */
static void save(sp_ui_app *a, int step, const int *votes, int n, int override)
{
    if (!a->s)
        return;
    sp_diag *d = sp_diag_new();
    if (!sp_ui_play_transcript(a, "group") || sp_transcript_sync(a->t, a->s) != SP_OK)
        goto fail;
    if (votes && sp_vote_attach(a->t, step, votes, n, override) != SP_OK)
        goto fail;
    if (a->transcripts_dir[0] && sp_ui_play_write(a, d) != SP_OK)
        goto fail;
    sp_diag_free(d);
    return;
fail:
    snprintf(a->notice, sizeof a->notice, _("Het verslag van dit gesprek kon niet worden bewaard: %s"),
             sp_diag_count(d) ? sp_diag_message(d, 0) : _("te weinig geheugen"));
    sp_diag_free(d);
}

static int total_votes(const sp_ui_group *g)
{
    int t = 0;
    for (int k = 0; k < g->n_counts; k++)
        t += g->counts[k];
    return t;
}

/* A pick against the room's majority asks first: the same pick again
 * (Shift+letter, or its button) confirms it; anything else forgets it. */
void sp_ui_group_pick(sp_ui_app *a, int k)
{
    sp_ui_group *g = a->group;
    int chosen = k, override = 0;
    if (k >= 0 && k < g->n_counts && total_votes(g) > 0 && g->confirm_pick != k + 1 &&
        sp_vote_decide(g->counts, g->n_counts, k, &chosen, &override) == SP_OK && override) {
        g->confirm_pick = k + 1;
        sp_ui_group_status(g, _("Tegen de meerderheid in kiezen voor %c? Kies %c nog een keer om dat te bevestigen."),
               sp_ui_group_letter(k), sp_ui_group_letter(k));
        return;
    }
    g->confirm_pick = 0;
    sp_ui_group_take(a, k);
}

int sp_ui_group_room_moment(sp_ui_app *a)
{
    const sp_view *v = view(a);
    if (!v || !a->sc || v->node < 0 || v->node >= a->sc->n_nodes)
        return 0;
    int any = 0;
    for (int i = 0; i < a->sc->n_nodes && !any; i++)
        any = a->sc->nodes[i].room;
    return !any || a->sc->nodes[v->node].room; /* a case without room="yes": every moment is the room's */
}

/* Not the room's moment: no vote, the trainer chooses (said once). */
int sp_ui_group_trainer_moment(sp_ui_app *a)
{
    if (sp_ui_group_room_moment(a))
        return 0;
    sp_ui_group_status(a->group, "%s", _("Dit moment is niet voor de zaal: de trainer kiest, met Shift en de letter."));
    return 1;
}

sp_status sp_ui_group_take(sp_ui_app *a, int pick)
{
    sp_ui_group *g = a->group;
    const sp_view *v = view(a);
    if (!g || !sp_ui_group_at_choice(a) || g->phase > SP_UI_GROUP_VOTE || pick >= v->n_options)
        return SP_EUSAGE;
    int n = g->n_counts;
    sp_ui_phones_merge(g->phones, g->counts, n);  /* the phones' votes join the typed ones */
    int voted = total_votes(g) > 0;
    int chosen = pick, override = 0;
    if (pick < 0 && !voted) {
        sp_ui_group_status(g, "%s", _("Nog geen stemmen. Voer ze in, of kies zelf met Shift en de letter."));
        return SP_EUSAGE;
    }
    if (voted && sp_vote_decide(g->counts, n, pick, &chosen, &override) != SP_OK) {
        g->status[0] = '\0'; /* the tally line says it already: one tie message */
        return SP_EUSAGE;
    }
    g->last_node = v->node;
    g->last_turn = v->turn;
    for (int k = 0; k < n; k++) {
        g->last_offered[k] = v->options[k].option;
        g->last_votes[k] = g->counts[k];
    }
    g->n_last = n;
    g->has_votes = voted;
    g->last_chosen = chosen;
    g->last_override = override;
    int step = sp_session_log_count(a->s);
    if (sp_session_choose(a->s, v->options[chosen].option) != SP_OK)
        return SP_EUSAGE;
    sp_ui_app_judge(a->s, &g->judge);
    save(a, step, voted ? g->counts : NULL, n, override);
    g->phase = SP_UI_GROUP_DECIDED;
    g->flag_round = 0;
    g->status[0] = '\0';
    timer_off(g);
    reset_scroll(a);
    return SP_OK;
}

sp_status sp_ui_group_set_votes(sp_ui_app *a, const int *counts, int n)
{
    sp_ui_group *g = a->group;
    if (!g || !sp_ui_group_at_choice(a) || g->phase > SP_UI_GROUP_VOTE || n != g->n_counts || !sp_vote_valid(counts, n) ||
        !sp_ui_group_room_fits(a, counts, n))
        return SP_EUSAGE;
    memcpy(g->counts, counts, sizeof(int) * (size_t)n);
    g->phase = SP_UI_GROUP_VOTE;
    g->typing = 0;
    return SP_OK;
}

/* The raw log index of the last step still in effect (what undo takes back). */
static int last_effective(const sp_session *s)
{
    int n = sp_session_log_count(s), top = 0;
    int *stack = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!stack)
        return -1;
    for (int i = 0; i < n; i++) {
        if (sp_session_log(s, i)->kind == SP_STEP_UNDO) {
            if (top > 0)
                top--;
        } else {
            stack[top++] = i;
        }
    }
    int r = top > 0 ? stack[top - 1] : -1;
    free(stack);
    return r;
}

/* Undo goes back to the vote of the choice taken back, with its counts;
 * at a trainer's moment to the moment itself, where no vote opens. */
void sp_ui_group_undo(sp_ui_app *a)
{
    sp_ui_group *g = a->group;
    if (!a->s || a->screen != SP_UI_SCREEN_PLAY)
        return;
    int raw = last_effective(a->s);
    if (raw < 0)
        return;
    sp_step st = *sp_session_log(a->s, raw);
    if (sp_session_undo(a->s) != SP_OK)
        return;
    save(a, -1, NULL, 0, 0);
    /* The room sees the wall go back: a note says why, and goes by itself. */
    sp_ui_app_toast(a, NULL, "%s", _("De trainer zet een stap terug."));
    if (st.kind != SP_STEP_CHOOSE) {
        g->status[0] = '\0';
        return;
    }
    sp_ui_group_enter_view(a);
    if (!sp_ui_group_room_moment(a))
        return; /* the trainer's moment again: no vote to go back to */
    g->phase = SP_UI_GROUP_VOTE;
    const sp_tstep *ts = a->t && raw < a->t->n_steps ? &a->t->steps[raw] : NULL;
    if (ts && ts->n_votes == g->n_counts)
        memcpy(g->counts, ts->votes, sizeof(int) * (size_t)g->n_counts);
    const sp_view *v = view(a);
    for (int k = 0; k < v->n_options && k < SP_UI_GROUP_OPTIONS; k++)
        if (v->options[k].option == st.option)
            g->sel = k;
    g->n_last = 0;
}

/* ---- red flags ----------------------------------------------------------------------- */

void sp_ui_group_flags_now(const sp_ui_app *a, unsigned char *present, unsigned char *marked)
{
    const sp_handbook *hb = a->sc ? a->sc->handbook : NULL;
    if (!hb)
        return;
    memset(present, 0, (size_t)hb->n_redflags);
    memset(marked, 0, (size_t)hb->n_redflags);
    if (!a->s)
        return;
    /* Present: within the red-flag window (session.h), as in solo play. */
    int turn = sp_session_turn(a->s);
    for (int f = 0; f < hb->n_redflags; f++)
        present[f] = sp_session_flag_node(a->s, f, turn) >= 0;
    for (int i = sp_session_history_count(a->s) - 1; i >= 0; i--) {
        const sp_step *st = sp_session_history(a->s, i);
        if (st->turn != turn)
            break;
        if (st->kind == SP_STEP_FLAG && st->flag >= 0 && st->flag < hb->n_redflags)
            marked[st->flag] = 1;
    }
}

void sp_ui_group_mark(sp_ui_app *a, int flag)
{
    sp_ui_group *g = a->group;
    if (!g->flag_round || !a->s || flag < 0 || flag >= a->sc->handbook->n_redflags)
        return;
    if (sp_session_flag(a->s, flag, NULL) == SP_OK)
        save(a, -1, NULL, 0, 0);
}

/* ---- the debrief ------------------------------------------------------------------------ */

void sp_ui_group_debrief(sp_ui_app *a)
{
    sp_ui_group *g = a->group;
    if (!a->s || !sp_session_finished(a->s))
        return;
    save(a, -1, NULL, 0, 0);
    sp_debrief_free(a->debrief);
    a->debrief = sp_debrief_build(a->s);
    sp_replay_free(g->replay);
    g->replay = NULL;
    if (a->t) {
        sp_diag *d = sp_diag_new();
        /* A replay that stops early still holds what it could rebuild. */
        sp_replay_build(a->t, a->sc, a->settings.lang, &g->replay, d);
        sp_diag_free(d);
    }
    if (!a->debrief) {
        snprintf(a->notice, sizeof a->notice, "%s", _("Te weinig geheugen voor de nabespreking."));
        return;
    }
    a->screen = SP_UI_SCREEN_DEBRIEF;
    a->overlay = SP_UI_OV_NONE;
    g->flag_round = 0;
    timer_off(g);
    reset_scroll(a);
}

/* ---- the countdown --------------------------------------------------------------------- */

int sp_ui_group_timer_left(const sp_ui_app *a)
{
    const sp_ui_group *g = a->group;
    if (!g || !g->timer_on)
        return -1;
    int32_t ms = (int32_t)(g->timer_end - g->now_ms);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

int sp_ui_group_timeout(const sp_ui_app *a)
{
    const sp_ui_group *g = a->group;
    if (!g || !g->timer_on)
        return -1;
    int32_t ms = (int32_t)(g->timer_end - g->now_ms);
    if (ms <= 0)
        return -1; /* ran out: nothing changes any more */
    int next = ms % 1000;
    return next ? next : 1000;
}

int sp_ui_group_tick(sp_ui_app *a, uint32_t now_ms)
{
    sp_ui_group *g = a->group;
    if (!g)
        return 0;
    g->now_ms = now_ms;
    int left = sp_ui_group_timer_left(a);
    if (left == g->timer_shown)
        return 0;
    g->timer_shown = left;
    return 1;
}

void sp_ui_group_timer_toggle(sp_ui_app *a)
{
    sp_ui_group *g = a->group;
    if (g->timer_on) {
        timer_off(g);
        return;
    }
    g->timer_on = 1;
    g->timer_end = g->now_ms + SP_UI_GROUP_TIMER_S * 1000u;
    g->timer_shown = sp_ui_group_timer_left(a);
}
