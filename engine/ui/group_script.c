/* group_script.c: a group play driven from outside the window (app/group_play.c): its set-up, and what the host reads and sets of the play, so that app/ never reaches into sp_ui_app's or sp_ui_group's fields. */
#include "group_script.h"

#include <string.h>

#include "settings.h"

int sp_ui_group_script_init(sp_ui_app *a, sp_lang lang, int64_t (*clock)(void *ctx))
{
    sp_ui_app_init(a, NULL, NULL);
    a->notice[0] = '\0'; /* a damaged settings file is the window's business */
    a->settings.lang = lang;
    a->clock = clock;
    return sp_ui_group_enable(a, 1);
}

const sp_scenario *sp_ui_group_script_case(const sp_ui_app *a) { return a->sc; }
sp_session *sp_ui_group_script_session(const sp_ui_app *a) { return a->s; }
const sp_debrief *sp_ui_group_script_debrief(const sp_ui_app *a) { return a->debrief; }
const char *sp_ui_group_script_saved(const sp_ui_app *a) { return a->t_path; }
const char *sp_ui_group_script_notice(const sp_ui_app *a) { return a->notice; }

sp_ui_group_phase sp_ui_group_script_phase(const sp_ui_app *a) { return a->group->phase; }
int sp_ui_group_script_options(const sp_ui_app *a) { return a->group->n_counts; }
int sp_ui_group_script_flag_round(const sp_ui_app *a) { return a->group->flag_round; }
const sp_replay *sp_ui_group_script_votes(const sp_ui_app *a) { return a->group->replay; }
int sp_ui_group_script_room_size(const sp_ui_app *a) { return a->group->room; }

int sp_ui_group_script_taken(const sp_ui_app *a, sp_ui_group_taken *out)
{
    const sp_ui_group *g = a->group;
    if (g->n_last <= 0)
        return -1;
    out->node = g->last_node;
    out->n = g->n_last;
    memcpy(out->offered, g->last_offered, sizeof out->offered);
    memcpy(out->votes, g->last_votes, sizeof out->votes);
    out->has_votes = g->has_votes;
    out->chosen = g->last_chosen;
    out->override = g->last_override;
    return 0;
}

sp_status sp_ui_group_script_room(sp_ui_app *a, int n)
{
    if (n < SP_UI_ROOM_MIN || n > SP_UI_ROOM_MAX || sp_session_history_count(a->s) > 0)
        return SP_EUSAGE;
    a->group->room = n;
    return SP_OK;
}
