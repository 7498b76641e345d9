/* group_action.c: what the facilitator's actions and keys do in group mode: vote entry, picks, reveal, the red-flag round, the timer; app.c's actions as group play needs them. */
#include "group.h"

#include <stdio.h>
#include <string.h>

#include "group_phones.h"
#include "i18n.h"

static void select_option(sp_ui_group *g, int k)
{
    if (k < 0 || k >= g->n_counts)
        return;
    g->sel = k;
    g->typing = 0;
    g->phase = SP_UI_GROUP_VOTE;
}

static void add_count(sp_ui_app *a, int k, int delta)
{
    sp_ui_group *g = a->group;
    if (k < 0 || k >= g->n_counts)
        return;
    select_option(g, k);
    int c = g->counts[k] + delta;
    c = c < 0 ? 0 : c > SP_VOTE_MAX_COUNT ? SP_VOTE_MAX_COUNT : c;
    int try[SP_UI_GROUP_OPTIONS];
    memcpy(try, g->counts, sizeof try);
    try[k] = c;
    if (!sp_ui_group_room_fits(a, try, g->n_counts))
        return;
    g->counts[k] = c;
    g->status[0] = '\0';
}

/* app.c's own handling of an action, without coming back here. */
static void app_action(sp_ui_app *a, int action, int arg)
{
    sp_ui_group *g = a->group;
    a->group = NULL;
    sp_ui_app_action(a, action, arg);
    a->group = g;
}

/* Switches the wall's contrast here (not the user's saved setting); other
 * settings go to app.c with the user's own contrast in place. */
static void set_setting(sp_ui_app *a, int arg)
{
    sp_ui_group *g = a->group;
    if (arg / 16 == SP_UI_SET_CONTRAST) {
        g->high_contrast = !!(arg % 16);
        return;
    }
    app_action(a, SP_UI_ACT_SET, arg);
}

static int group_only(sp_ui_app *a, int action, int arg)
{
    sp_ui_group *g = a->group;
    switch (action) {
    case SP_UI_ACT_GROUP_VOTE:
        if (sp_ui_group_at_choice(a) && g->phase == SP_UI_GROUP_SCENE && !sp_ui_group_trainer_moment(a)) {
            g->phase = SP_UI_GROUP_VOTE;
            a->scroll[0] = 0;
        }
        break;
    case SP_UI_ACT_GROUP_SELECT:
        if (sp_ui_group_at_choice(a) && g->phase <= SP_UI_GROUP_VOTE)
            select_option(g, arg);
        break;
    case SP_UI_ACT_GROUP_INC:
    case SP_UI_ACT_GROUP_DEC:
        if (sp_ui_group_at_choice(a) && g->phase <= SP_UI_GROUP_VOTE)
            add_count(a, arg, action == SP_UI_ACT_GROUP_INC ? 1 : -1);
        break;
    case SP_UI_ACT_GROUP_CLEAR:
        if (sp_ui_group_at_choice(a) && g->phase <= SP_UI_GROUP_VOTE) {
            memset(g->counts, 0, sizeof g->counts);
            g->typing = 0;
        }
        break;
    case SP_UI_ACT_GROUP_TAKE:
        if (sp_ui_group_at_choice(a) && g->phase == SP_UI_GROUP_SCENE)
            g->phase = SP_UI_GROUP_VOTE;
        else
            sp_ui_group_take(a, -1);
        break;
    case SP_UI_ACT_GROUP_PICK:
        sp_ui_group_pick(a, arg);
        break;
    case SP_UI_ACT_GROUP_REVEAL:
        if (g->phase == SP_UI_GROUP_DECIDED)
            g->phase = SP_UI_GROUP_REVEALED;
        else if (g->phase == SP_UI_GROUP_REVEALED)
            g->phase = SP_UI_GROUP_DECIDED;
        break;
    case SP_UI_ACT_GROUP_NEXT:
        if (a->s && a->screen == SP_UI_SCREEN_PLAY && g->phase >= SP_UI_GROUP_DECIDED)
            sp_ui_group_enter_view(a);
        break;
    case SP_UI_ACT_GROUP_TIMER:
        if (a->s && a->screen == SP_UI_SCREEN_PLAY)
            sp_ui_group_timer_toggle(a);
        break;
    case SP_UI_ACT_GROUP_FLAGS:
        if (g->flag_round) {
            g->flag_round = 0;
            sp_ui_phones_flags_done(g->phones);
        } else if (sp_ui_group_at_choice(a) && g->phase <= SP_UI_GROUP_VOTE) {
            g->flag_round = 1;
            a->focus[0] = -1;
            a->scroll[0] = 0;
        }
        break;
    case SP_UI_ACT_GROUP_MARK:
        sp_ui_group_mark(a, arg);
        break;
    case SP_UI_ACT_GROUP_ROOM:
        if (a->screen == SP_UI_SCREEN_BRIEFING) {
            sp_ui_group_set_room(a, g->room + (arg < 0 ? -1 : 1));
            g->room_typing = 0;
        }
        break;
    case SP_UI_ACT_GROUP_PHONES:
        g->phones_on = !g->phones_on;   /* gui.c starts or stops the server */
        break;
    case SP_UI_ACT_GROUP_PAGE:
        sp_ui_group_wall_turn(g, arg);
        break;
    default:
        return 0;
    }
    return 1;
}

int sp_ui_group_action(sp_ui_app *a, int action, int arg)
{
    if (action == SP_UI_ACT_GROUP_START) {
        if (sp_ui_group_enable(a, 0) != 0) {
            snprintf(a->notice, sizeof a->notice, "%s", _("Te weinig geheugen om de casus te starten."));
            return 1;
        }
        sp_ui_app_action(a, SP_UI_ACT_START, arg);
        return 1;
    }
    sp_ui_group *g = a->group;
    if (!g)
        return 0;
    if (action >= SP_UI_ACT_GROUP_START)
        return group_only(a, action, arg);
    int in_play = a->s && a->screen == SP_UI_SCREEN_PLAY;
    switch ((sp_ui_action)action) {
    case SP_UI_ACT_START:
    case SP_UI_ACT_RESUME:
    case SP_UI_ACT_RESTART:
    case SP_UI_ACT_AGAIN:
    case SP_UI_ACT_NEXT_CASE:
        /* app.c starts the case; it is played as a group from its briefing. */
        app_action(a, action, arg);
        if (a->s)
            sp_ui_group_reset_play(a);
        return 1;
    case SP_UI_ACT_BEGIN:
        if (!a->s)
            return 1;
        if (a->screen == SP_UI_SCREEN_BRIEFING) /* the room's size as typed, kept as the next default */
            sp_ui_group_set_room(a, g->room);
        g->room_typing = 0;
        a->screen = SP_UI_SCREEN_PLAY;
        a->overlay = SP_UI_OV_NONE;
        sp_ui_group_reset_play(a);
        return 1;
    case SP_UI_ACT_CHOOSE:
        /* Only the facilitator chooses in group play: as a pick. */
        if (in_play)
            sp_ui_group_take(a, arg);
        return in_play;
    case SP_UI_ACT_FLAGS:
        return in_play && group_only(a, SP_UI_ACT_GROUP_FLAGS, 0);
    case SP_UI_ACT_MARK:
        if (!in_play)
            return 0;
        sp_ui_group_mark(a, arg);
        return 1;
    case SP_UI_ACT_UNDO:
        if (!in_play)
            return 0;
        sp_ui_group_undo(a);
        return 1;
    case SP_UI_ACT_DEBRIEF:
        sp_ui_group_debrief(a);
        return 1;
    case SP_UI_ACT_SET:
        set_setting(a, arg);
        return 1;
    case SP_UI_ACT_TO_MENU:
        if (!g->sticky)
            sp_ui_group_free(a); /* the menu's group play ends with it */
        else
            sp_ui_group_reset_play(a);
        return 0;
    default:
        return 0;
    }
}

/* ---- keys ---------------------------------------------------------------------------------- */

/* A digit into the selected count; refused (said why) when the counts would
 * add up to more people than the room holds. */
static void type_digit(sp_ui_app *a, int d)
{
    sp_ui_group *g = a->group;
    if (g->sel < 0 || g->sel >= g->n_counts)
        return;
    int c = g->typing ? g->counts[g->sel] * 10 + d : d;
    if (c > SP_VOTE_MAX_COUNT)
        return;
    int try[SP_UI_GROUP_OPTIONS];
    memcpy(try, g->counts, sizeof try);
    try[g->sel] = c;
    if (!sp_ui_group_room_fits(a, try, g->n_counts)) {
        g->typing = 0; /* the next digit starts the count afresh */
        return;
    }
    g->counts[g->sel] = c;
    g->typing++;
    g->phase = SP_UI_GROUP_VOTE;
    g->status[0] = '\0';
}

int sp_ui_group_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch)
{
    (void)last;
    sp_ui_group *g = a->group;
    int c = key == SP_UI_KEY_CHAR ? ch : 0;
    if (g && c == 'p' && a->overlay == SP_UI_OV_NONE && a->screen == SP_UI_SCREEN_BRIEFING)
        return group_only(a, SP_UI_ACT_GROUP_PHONES, 0);   /* the set-up's switch */
    if (g && a->screen == SP_UI_SCREEN_BRIEFING && a->overlay == SP_UI_OV_NONE)
        return sp_ui_group_room_key(a, key, ch);
    if (!g || !a->s || a->overlay != SP_UI_OV_NONE || a->screen != SP_UI_SCREEN_PLAY)
        return 0;
    const sp_view *v = sp_session_view(a->s);
    if (c == 't') {
        sp_ui_group_timer_toggle(a);
        return 1;
    }
    /* A screen split into pages: PageDown/PageUp (a presenter's clicker)
     * turn them, and Enter, Space and N show the next page before going on. */
    if (g->wall_pages > 1 && (key == SP_UI_KEY_PAGEDOWN || key == SP_UI_KEY_PAGEUP))
        return sp_ui_group_wall_turn(g, key == SP_UI_KEY_PAGEUP ? -1 : 1) || 1;
    if (g->phase != SP_UI_GROUP_VOTE && (key == SP_UI_KEY_ENTER || c == ' ' || c == 'n') &&
        sp_ui_group_wall_turn(g, 1))
        return 1;
    if (g->flag_round) {
        /* The grid's focus, Enter and clicks go through app.c to MARK. */
        if (key == SP_UI_KEY_ESC || c == 'f') {
            g->flag_round = 0;
            sp_ui_phones_flags_done(g->phones);
            return 1;
        }
        if (c == 'r' && g->phones) {   /* the heat list: which flags were at play */
            g->phones->heat_revealed = !g->phones->heat_revealed;
            return 1;
        }
        return c >= '0' && c <= '9'; /* no stray choices from the number keys */
    }
    if (v->kind == SP_VIEW_ENDING && g->phase < SP_UI_GROUP_DECIDED)
        return c >= '0' && c <= '9'; /* app.c: Enter to the debrief */
    int n = g->n_counts;
    int letter = c >= 'a' && c < 'a' + n ? c - 'a' : -1;
    int shifted = c >= 'A' && c < 'A' + n ? c - 'A' : -1;
    if (key == SP_UI_KEY_ESC && g->confirm_pick) {
        /* Esc answers the override question (no), and does nothing more. */
        g->confirm_pick = 0;
        g->status[0] = '\0';
        return 1;
    }
    if (shifted < 0 && g->confirm_pick) {
        g->confirm_pick = 0;   /* any other key forgets the question, and its line goes with it */
        g->status[0] = '\0';
    }
    switch (g->phase) {
    case SP_UI_GROUP_SCENE:
    case SP_UI_GROUP_VOTE:
        if (g->phase == SP_UI_GROUP_SCENE && c >= 'a' && c <= 'z' && c != 'f' && c != 'h' &&
            sp_ui_group_trainer_moment(a)) {
            /* Not the room's moment: a letter opens no vote; the line says
             * that Shift and the letter pick, as the presenter's buttons do. */
        } else if (shifted >= 0) {
            sp_ui_group_pick(a, shifted);
        } else if (((c >= 'a' && c <= 'z' && c != 'f' && c != 'v' && c != 'h') || (c >= 'A' && c <= 'Z')) && letter < 0) {
            /* Not an option: said so, and the next digit starts afresh
             * instead of growing the last count (3 became 33). */
            g->typing = 0;
            sp_ui_group_status(g, _("%c is geen optie: kies een letter van A tot en met %c."),
                   c >= 'a' ? c - 'a' + 'A' : c, sp_ui_group_letter(n - 1));
        } else if (letter >= 0) {
            select_option(g, letter);
        } else if (c == 'f') {
            group_only(a, SP_UI_ACT_GROUP_FLAGS, 0);
        } else if (g->phase == SP_UI_GROUP_SCENE) {
            if ((key == SP_UI_KEY_ENTER || c == ' ' || c == 'v') && !sp_ui_group_trainer_moment(a))
                g->phase = SP_UI_GROUP_VOTE;
            else
                return c >= '0' && c <= '9';
        } else if (key == SP_UI_KEY_UP || key == SP_UI_KEY_DOWN) {
            select_option(g, (g->sel + (key == SP_UI_KEY_UP ? n - 1 : 1)) % n);
        } else if (key == SP_UI_KEY_RIGHT || c == '+') {
            add_count(a, g->sel, 1);
        } else if (key == SP_UI_KEY_LEFT || c == '-') {
            add_count(a, g->sel, -1);
        } else if (c >= '0' && c <= '9') {
            type_digit(a, c - '0');
        } else if (key == SP_UI_KEY_BACKSPACE) {
            /* Edits the count, never the previous decision (Ctrl+Z undoes that). */
            if (g->sel >= 0 && g->sel < n)
                g->counts[g->sel] /= 10;
            if (g->typing > 0)
                g->typing--;
        } else if (key == SP_UI_KEY_ENTER) {
            sp_ui_group_take(a, -1);
        } else {
            return 0;
        }
        return 1;
    case SP_UI_GROUP_DECIDED:
        if (key == SP_UI_KEY_ENTER || c == 'r' || c == ' ')
            g->phase = SP_UI_GROUP_REVEALED;
        else if (c == 'n')
            sp_ui_group_enter_view(a);
        else
            return c >= '0' && c <= '9';
        return 1;
    case SP_UI_GROUP_REVEALED:
        if (key == SP_UI_KEY_ENTER || c == ' ' || c == 'n')
            sp_ui_group_enter_view(a);
        else if (c == 'r')
            g->phase = SP_UI_GROUP_DECIDED;
        else
            return c >= '0' && c <= '9';
        return 1;
    }
    return 0;
}
