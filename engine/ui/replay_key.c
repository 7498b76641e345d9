/* replay_key.c: the replay screens' keys and the note typed into a replay. */
#include "replay.h"

#include <string.h>

int sp_gui_replay_wants_text(const sp_gui_app *a)
{
    return a->replay && a->replay->editing && a->screen == SP_GUI_SCREEN_REPLAY;
}

int sp_gui_replay_text(sp_gui_app *a, const char *utf8)
{
    if (!sp_gui_replay_wants_text(a))
        return 0;
    char *note = a->replay->note;
    size_t n = strlen(note), k = strlen(utf8);
    if (n + k < sizeof a->replay->note) {
        memcpy(note + n, utf8, k + 1);
    }
    return 1;
}

/* Removes the last UTF-8 character of s. */
static void backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

int sp_gui_replay_key(sp_gui_app *a, const sp_gui_list *last, sp_gui_key key, int ch)
{
    (void)last;
    if (a->overlay != SP_GUI_OV_NONE)
        return 0;
    sp_gui_replay *rp = a->replay;
    int c = key == SP_GUI_KEY_CHAR ? ch : 0;
    switch (a->screen) {
    case SP_GUI_SCREEN_MENU:
        if (c == 't') {
            sp_gui_app_action(a, SP_GUI_ACT_PLAYS, 0);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_DEBRIEF:
        if (a->debrief_of_replay) {
            if (key == SP_GUI_KEY_ESC)
                sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            else if (c == 'e')
                sp_gui_app_action(a, SP_GUI_ACT_EXPORT, 0);
            return key == SP_GUI_KEY_ESC || c == 'e';
        }
        if (c == 't' || c == 'e') {
            sp_gui_app_action(a, c == 't' ? SP_GUI_ACT_REPLAY_THIS : SP_GUI_ACT_EXPORT, 0);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_PLAYS:
        if (key == SP_GUI_KEY_ESC) {
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (rp && rp->picking && c == 'x') {
            sp_gui_app_action(a, SP_GUI_ACT_COMPARE_WITH, -1);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_COMPARE:
        if (key == SP_GUI_KEY_ESC) {
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (key == SP_GUI_KEY_UP || key == SP_GUI_KEY_DOWN) {
            int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
            sp_gui_app_scroll(a, key == SP_GUI_KEY_UP ? -line : line);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_REPLAY:
        break;
    default:
        return 0;
    }
    if (!rp || !rp->r)
        return 0;
    if (rp->editing) {
        if (key == SP_GUI_KEY_ENTER)
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_NOTE_SAVE, 0);
        else if (key == SP_GUI_KEY_ESC)
            rp->editing = 0;
        else if (key == SP_GUI_KEY_BACKSPACE)
            backspace(rp->note);
        /* letters arrive as text (sp_gui_replay_text); the key itself is spent */
        return 1;
    }
    int action = -1, arg = 0;
    switch (key) {
    case SP_GUI_KEY_LEFT:  action = SP_GUI_ACT_REPLAY_PREV; break;
    case SP_GUI_KEY_RIGHT: action = SP_GUI_ACT_REPLAY_NEXT; break;
    case SP_GUI_KEY_HOME:  action = SP_GUI_ACT_REPLAY_STEP; arg = 0; break;
    case SP_GUI_KEY_END:   action = SP_GUI_ACT_REPLAY_STEP; arg = rp->r->n_steps - 1; break;
    case SP_GUI_KEY_ESC:   action = SP_GUI_ACT_REPLAY_BACK; break;
    case SP_GUI_KEY_UP:
    case SP_GUI_KEY_DOWN: {
        int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
        sp_gui_app_scroll(a, key == SP_GUI_KEY_UP ? -line : line);
        return 1;
    }
    case SP_GUI_KEY_CHAR:
        action = c == ' ' ? SP_GUI_ACT_REPLAY_AUTO : c == 's' ? SP_GUI_ACT_REPLAY_SPEED
               : c == 'n' ? SP_GUI_ACT_REPLAY_NOTE : c == 'b' ? SP_GUI_ACT_REPLAY_BRANCH
               : c == 'v' ? SP_GUI_ACT_REPLAY_PICK : c == 'x' ? SP_GUI_ACT_COMPARE_WITH
               : c == 'e' ? SP_GUI_ACT_EXPORT : c == 'd' ? SP_GUI_ACT_REPLAY_DEBRIEF : -1;
        arg = c == 'x' || c == 'd' ? -1 : 0;
        break;
    default:
        return 0;
    }
    if (action < 0)
        return 0;
    sp_gui_app_action(a, action, arg);
    return 1;
}
