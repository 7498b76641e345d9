/* group_script.h: a group play driven from outside the window (app/group_play.c: `play --projector --choices SCRIPT`): what such a host sets up, reads and sets of the play, through functions instead of sp_ui_app's and sp_ui_group's fields; no SDL. */
#ifndef SP_UI_GROUP_SCRIPT_H
#define SP_UI_GROUP_SCRIPT_H

#include <stdint.h>

#include "core/debrief.h"
#include "core/replay.h"
#include "core/scenario.h"
#include "core/session.h"
#include "ui/app.h"
#include "ui/group.h"

/* The decision just taken (shown in the DECIDED and REVEALED phases). */
typedef struct sp_ui_group_taken {
    int node;                         /* the decision's node */
    int n;                            /* options offered then */
    int offered[SP_UI_GROUP_OPTIONS]; /* their node option indices, in view order (A, B, ...) */
    int votes[SP_UI_GROUP_OPTIONS];   /* the room's count per option, when has_votes */
    int has_votes;                    /* 0: the trainer chose alone */
    int chosen;                       /* the view index taken */
    int override;                     /* taken against the room's majority */
} sp_ui_group_taken;

/* Sets a up for a group play in lang, with the time from clock (NULL:
 * time()); a's settings file and transcripts folder are the user's (XDG),
 * and a damaged settings file is left to the window to report. The host
 * then opens the case with sp_ui_app_open and frees a with sp_ui_app_free,
 * also when this returns -1 (out of memory: no group mode). */
int sp_ui_group_script_init(sp_ui_app *a, sp_lang lang, int64_t (*clock)(void *ctx));

/* The open play: its case, its session, its debrief once made (else NULL). */
const sp_scenario *sp_ui_group_script_case(const sp_ui_app *a);
sp_session *sp_ui_group_script_session(const sp_ui_app *a);
const sp_debrief *sp_ui_group_script_debrief(const sp_ui_app *a);
/* Where the play was saved ("" not yet), and a message for the user that
 * the window would show as a banner ("" none: a failed save, say). */
const char *sp_ui_group_script_saved(const sp_ui_app *a);
const char *sp_ui_group_script_notice(const sp_ui_app *a);

/* The phase at the current decision. */
sp_ui_group_phase sp_ui_group_script_phase(const sp_ui_app *a);
/* The options on offer at the current decision (the counts a vote takes). */
int sp_ui_group_script_options(const sp_ui_app *a);
/* 1 while the red-flag round is open. */
int sp_ui_group_script_flag_round(const sp_ui_app *a);
/* The decision just taken into *out; -1 when none has been. */
int sp_ui_group_script_taken(const sp_ui_app *a, sp_ui_group_taken *out);
/* After the ending: the play rebuilt with its votes (NULL when the
 * transcript could not be read back). */
const sp_replay *sp_ui_group_script_votes(const sp_ui_app *a);

/* The room's size for this play only (the user's default in the settings
 * stays): SP_EUSAGE when n is outside SP_UI_ROOM_MIN..SP_UI_ROOM_MAX or a
 * decision has been taken already. */
sp_status sp_ui_group_script_room(sp_ui_app *a, int n);
/* The room's size now. */
int sp_ui_group_script_room_size(const sp_ui_app *a);

#endif
