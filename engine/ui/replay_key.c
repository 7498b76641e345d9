/* replay_key.c: the replay screens' keys and the note typed into a replay. */
#include "replay.h"

#include <string.h>

int sp_ui_replay_wants_text(const sp_ui_app *a)
{
    return a->replay && a->replay->editing && a->screen == SP_UI_SCREEN_REPLAY;
}

int sp_ui_replay_text(sp_ui_app *a, const char *utf8)
{
    if (!sp_ui_replay_wants_text(a))
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

int sp_ui_replay_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch)
{
    (void)last;
    if (a->overlay != SP_UI_OV_NONE)
        return 0;
    sp_ui_replay *rp = a->replay;
    int c = key == SP_UI_KEY_CHAR ? ch : 0;
    switch (a->screen) {
    case SP_UI_SCREEN_MENU:
        if (c == 't') {
            sp_ui_app_action(a, SP_UI_ACT_PLAYS, 0);
            return 1;
        }
        return 0;
    case SP_UI_SCREEN_DEBRIEF:
        if (a->debrief_of_replay) {
            if (key == SP_UI_KEY_ESC)
                sp_ui_app_action(a, SP_UI_ACT_REPLAY_BACK, 0);
            else if (c == 'e')
                sp_ui_app_action(a, SP_UI_ACT_EXPORT, 0);
            return key == SP_UI_KEY_ESC || c == 'e';
        }
        if (c == 't' || c == 'e') {
            sp_ui_app_action(a, c == 't' ? SP_UI_ACT_REPLAY_THIS : SP_UI_ACT_EXPORT, 0);
            return 1;
        }
        return 0;
    case SP_UI_SCREEN_PLAYS:
        if (key == SP_UI_KEY_ESC) {
            sp_ui_app_action(a, SP_UI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (rp && rp->picking && c == 'x') {
            sp_ui_app_action(a, SP_UI_ACT_COMPARE_WITH, -1);
            return 1;
        }
        return 0;
    case SP_UI_SCREEN_COMPARE:
        if (key == SP_UI_KEY_ESC) {
            sp_ui_app_action(a, SP_UI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (key == SP_UI_KEY_UP || key == SP_UI_KEY_DOWN) {
            int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
            sp_ui_app_scroll(a, key == SP_UI_KEY_UP ? -line : line);
            return 1;
        }
        return 0;
    case SP_UI_SCREEN_REPLAY:
        break;
    default:
        return 0;
    }
    if (!rp || !rp->r)
        return 0;
    if (rp->editing) {
        if (key == SP_UI_KEY_ENTER)
            sp_ui_app_action(a, SP_UI_ACT_REPLAY_NOTE_SAVE, 0);
        else if (key == SP_UI_KEY_ESC)
            rp->editing = 0;
        else if (key == SP_UI_KEY_BACKSPACE)
            backspace(rp->note);
        /* letters arrive as text (sp_ui_replay_text); the key itself is spent */
        return 1;
    }
    int action = -1, arg = 0;
    switch (key) {
    case SP_UI_KEY_LEFT:  action = SP_UI_ACT_REPLAY_PREV; break;
    case SP_UI_KEY_RIGHT: action = SP_UI_ACT_REPLAY_NEXT; break;
    case SP_UI_KEY_HOME:  action = SP_UI_ACT_REPLAY_STEP; arg = 0; break;
    case SP_UI_KEY_END:   action = SP_UI_ACT_REPLAY_STEP; arg = rp->r->n_steps - 1; break;
    case SP_UI_KEY_ESC:   action = SP_UI_ACT_REPLAY_BACK; break;
    case SP_UI_KEY_UP:
    case SP_UI_KEY_DOWN: {
        int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
        sp_ui_app_scroll(a, key == SP_UI_KEY_UP ? -line : line);
        return 1;
    }
    case SP_UI_KEY_CHAR:
        action = c == ' ' ? SP_UI_ACT_REPLAY_AUTO : c == 's' ? SP_UI_ACT_REPLAY_SPEED
               : c == 'n' ? SP_UI_ACT_REPLAY_NOTE : c == 'b' ? SP_UI_ACT_REPLAY_BRANCH
               : c == 'v' ? SP_UI_ACT_REPLAY_PICK : c == 'x' ? SP_UI_ACT_COMPARE_WITH
               : c == 'e' ? SP_UI_ACT_EXPORT : c == 'd' ? SP_UI_ACT_REPLAY_DEBRIEF : -1;
        arg = c == 'x' || c == 'd' ? -1 : 0;
        break;
    default:
        return 0;
    }
    if (action < 0)
        return 0;
    sp_ui_app_action(a, action, arg);
    return 1;
}
