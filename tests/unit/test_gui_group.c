/* test_gui_group.c: group play headless: the facilitator's flow (keys, votes, ties, override, undo, reveal, timer, red-flag round, the room's size, the menu and settings); the wall's layout and pixels are test_gui_group_layout.c's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <SDL_ttf.h>

#include "ui/app.h"
#include "gui/draw.h"
#include "gui/frame.h"
#include "ui/group.h"
#include "ui/i18n.h"
#include "gui/projector.h"
#include "gui/text.h"
#include "gui_testutil.h"


static void key(sp_ui_app *a, sp_ui_list *l, int ch)
{
    sp_ui_app_key(a, l, SP_UI_KEY_CHAR, ch);
}

/* 1 when a text of l contains s. */
static int shows(const sp_ui_list *l, const char *s)
{
    for (int i = 0; i < l->n_cmds; i++)
        if (l->cmds[i].kind == SP_UI_CMD_TEXT && strstr(l->cmds[i].text, s))
            return 1;
    return 0;
}

/* The room's size: asked on the briefing (the setting the default), typed
 * there, kept as the next default; a count that would make the votes add
 * up to more people than that is refused with a message on the wall. */
static void test_room_size_asked_and_checked(void **state)
{
    (void)state;
    char dir[] = "/tmp/sp-room-XXXXXX", settings[64];
    assert_non_null(mkdtemp(dir));
    snprintf(settings, sizeof settings, "%s/settings.ini", dir);
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    sp_ui_app_init(&a, settings, "");
    assert_int_equal(sp_ui_group_enable(&a, 1), 0);
    sp_ui_group *g = a.group;
    assert_int_equal(g->room, SP_UI_ROOM_DEFAULT);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_open(&a, gui_testutil_example(), d), SP_OK);
    sp_diag_free(d);
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    sp_ui_metrics m;
    sp_gui_frame_metrics(gui_testutil_text, a.settings.text_size, 1.0, 720, &m);
    sp_ui_app_build(&a, &m, 1280, 720, &l);
    assert_true(shows(&l, "Mensen in de zaal: 20"));
    key(&a, &l, '1');
    key(&a, &l, '2');
    key(&a, &l, '+');
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0); /* 13 -> 1 */
    key(&a, &l, '5');                                 /* 15 */
    assert_int_equal(g->room, 15);
    sp_ui_app_build(&a, &m, 1280, 720, &l);
    assert_true(shows(&l, "Mensen in de zaal: 15"));
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);     /* begins */
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    assert_int_equal(a.settings.room_size, 15);       /* the next default, in the file */
    sp_ui_settings back;
    d = sp_diag_new();
    assert_int_equal(sp_ui_settings_load(settings, &back, d), SP_OK);
    sp_diag_free(d);
    assert_int_equal(back.room_size, 15);
    /* the vote: B 9, then A 3 3 would be 33 (42 of 15): refused, A stays 3 */
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    key(&a, &l, 'b');
    key(&a, &l, '9');
    key(&a, &l, 'a');
    key(&a, &l, '3');
    key(&a, &l, '3');
    assert_int_equal(g->counts[0], 3);
    assert_int_equal(g->counts[1], 9);
    assert_non_null(strstr(g->status, "15 mensen"));
    sp_ui_app_build(&a, &m, 1280, 720, &l);
    assert_true(shows(&l, "Dat kan niet: dan zijn er 42 stemmen")); /* on the wall, no presenter open */
    /* + past the room is refused too; up to it is fine */
    key(&a, &l, '+');
    key(&a, &l, '+');
    key(&a, &l, '+');
    key(&a, &l, '+');
    assert_int_equal(g->counts[0], 6);               /* 6 + 9 = 15 */
    int over[2] = { 7, 9 }, fits[2] = { 6, 8 };
    assert_int_equal(sp_ui_group_set_votes(&a, over, 2), SP_EUSAGE);
    assert_int_equal(sp_ui_group_set_votes(&a, fits, 2), SP_OK);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
    char rm[96];
    snprintf(rm, sizeof rm, "rm -rf %s", dir);
    assert_int_equal(system(rm), 0);
}

/* ---- the facilitator's flow ------------------------------------------------------- */

/* How many lines of the wall (1920x1080) begin "Gelijke stand". */
static int tie_messages(sp_ui_app *a)
{
    sp_ui_metrics m;
    gui_testutil_wall_metrics(1080, a->settings.text_size, &m);
    sp_ui_list wl;
    sp_ui_list_init(&wl);
    sp_ui_app_build(a, &m, 1920, 1080, &wl);
    int ties = 0;
    for (int i = 0; i < wl.n_cmds; i++)
        ties += wl.cmds[i].kind == SP_UI_CMD_TEXT && wl.cmds[i].len >= 13 &&
                strncmp(wl.cmds[i].text, "Gelijke stand", 13) == 0;
    sp_ui_list_free(&wl);
    return ties;
}

static void test_keys_votes_and_reveal(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, gui_testutil_example());
    sp_ui_group *g = a.group;
    const sp_view *v = sp_ui_app_view(&a);
    assert_int_equal(v->kind, SP_VIEW_THOUGHT);
    assert_int_equal(g->n_counts, 2);
    /* number keys never choose in group play */
    key(&a, &l, '1');
    assert_int_equal(sp_session_log_count(a.s), 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    /* b, then 1 2 typed: twelve; a, + + + -: two */
    key(&a, &l, 'b');
    key(&a, &l, '1');
    key(&a, &l, '2');
    key(&a, &l, 'a');
    key(&a, &l, '+');
    key(&a, &l, '+');
    key(&a, &l, '+');
    key(&a, &l, '-');
    assert_int_equal(g->counts[0], 2);
    assert_int_equal(g->counts[1], 12);
    /* arrows move the selection and count too */
    sp_ui_app_key(&a, &l, SP_UI_KEY_DOWN, 0);
    assert_int_equal(g->sel, 1);
    sp_ui_app_key(&a, &l, SP_UI_KEY_RIGHT, 0);
    assert_int_equal(g->counts[1], 13);
    /* typing after selecting replaces; Backspace takes a typed digit back */
    key(&a, &l, '5');
    key(&a, &l, '7');
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    assert_int_equal(g->counts[1], 5);
    assert_int_equal(sp_session_log_count(a.s), 0);
    /* Enter takes the majority: B */
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_DECIDED);
    assert_int_equal(g->last_chosen, 1);
    assert_false(g->last_override);
    assert_non_null(a.t);
    assert_string_equal(a.t->mode, "group");
    assert_int_equal(a.t->steps[0].n_votes, 2);
    assert_int_equal(a.t->steps[0].votes[0], 2);
    assert_int_equal(a.t->steps[0].votes[1], 5);
    /* the feedback waits for R; Enter reveals it as well, then moves on */
    key(&a, &l, 'r');
    assert_int_equal(g->phase, SP_UI_GROUP_REVEALED);
    key(&a, &l, 'r');
    assert_int_equal(g->phase, SP_UI_GROUP_DECIDED);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_REVEALED);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_SCENE);
    assert_int_equal(g->counts[0] + g->counts[1], 0);
    v = sp_ui_app_view(&a);
    assert_int_equal(v->kind, SP_VIEW_DECISION);
    assert_string_equal(v->discuss, "Welke rode vlag zie je hier?");

    /* a tie: Enter takes nothing and says so; Shift+letter picks */
    int tie[] = { 3, 3 };
    assert_int_equal(sp_ui_group_set_votes(&a, tie, 2), SP_OK);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(tie_messages(&a), 1); /* one on the wall, not two near-identical ones */
    assert_int_equal(sp_ui_group_take(&a, -1), SP_EUSAGE);
    /* the facilitator goes against a clear majority: an override */
    int room[] = { 1, 6 };
    assert_int_equal(sp_ui_group_set_votes(&a, room, 2), SP_OK);
    key(&a, &l, 'A');                            /* asks first */
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_non_null(strstr(g->status, "A"));
    key(&a, &l, 'A');                            /* the same pick again confirms it */
    assert_int_equal(g->phase, SP_UI_GROUP_DECIDED);
    assert_true(g->last_override);
    int step = sp_session_log_count(a.s) - 1;
    assert_true(a.t->steps[step].override);
    assert_string_equal(a.t->steps[step].option, "plannen");
    /* undo goes back to that vote with its counts */
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(g->counts[0], 1);
    assert_int_equal(g->counts[1], 6);
    assert_int_equal(sp_ui_app_view(&a)->kind, SP_VIEW_DECISION);
    /* and once more from the next conversation: back to the vote before */
    assert_int_equal(sp_ui_group_take(&a, -1), SP_OK);
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_NEXT, 0);
    assert_int_equal(sp_ui_app_view(&a)->kind, SP_VIEW_ENDING);
    sp_ui_app_action(&a, SP_UI_ACT_UNDO, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(g->counts[1], 6);
    assert_int_equal(g->sel, 1);
    assert_int_equal(sp_ui_group_take(&a, -1), SP_OK);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(sp_ui_app_view(&a)->kind, SP_VIEW_ENDING);
    /* the ending: Enter to the group debrief, with the votes read back */
    sp_ui_app_key(&a, &l, SP_UI_KEY_ENTER, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_DEBRIEF);
    assert_non_null(a.debrief);
    assert_non_null(g->replay);
    assert_int_equal(g->replay->n_decisions, 2);
    assert_int_equal(g->replay->steps[0].votes[1], 5);
    assert_int_equal(g->replay->steps[1].votes[1], 6);
    assert_false(g->replay->steps[1].override);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* Vote entry that cannot go wrong: a letter that is no option is refused
 * with a message and the next digit starts afresh; Backspace edits the
 * count, never the decision before; the wall and the presenter ask for the letters on offer. */
static void test_vote_entry_refuses_and_edits(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, gui_testutil_example());
    sp_ui_group *g = a.group;
    assert_int_equal(g->n_counts, 2);
    key(&a, &l, 'b');
    key(&a, &l, '3');
    assert_int_equal(g->counts[1], 3);
    key(&a, &l, 'e');                            /* two options: E is none */
    assert_non_null(strstr(g->status, "E"));
    key(&a, &l, '3');
    assert_int_equal(g->counts[1], 3);           /* not 33 */
    key(&a, &l, '4');
    assert_int_equal(g->counts[1], 34);
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0);
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0); /* one more than typed: still the count, not an undo */
    assert_int_equal(g->counts[1], 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_int_equal(sp_session_log_count(a.s), 0);
    /* the presenter asks for the letters on offer: two here */
    g->presenter = 1;
    sp_ui_metrics m;
    gui_testutil_wall_metrics(1080, a.settings.text_size, &m);
    sp_ui_app_build(&a, &m, 1920, 1080, &l);
    int asked = 0;
    for (int i = 0; i < l.n_cmds; i++)
        if (l.cmds[i].kind == SP_UI_CMD_TEXT && l.cmds[i].len >= 20 && strncmp(l.cmds[i].text, "Wie stemt op A of B?", 20) == 0)
            asked = 1;
    assert_true(asked);
    /* and its own window names the same letters before the first vote */
    sp_ui_presenter_build(&a, &m, 1280, 800, -1, &l);
    int hint = 0;
    for (int i = 0; i < l.n_cmds; i++)
        hint |= l.cmds[i].kind == SP_UI_CMD_TEXT && strstr(l.cmds[i].text, "A–B kiest de optie") != NULL;
    assert_true(hint);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* 1 when the wall at 1920x1080 shows a text containing s. */
static int wall_shows(sp_ui_app *a, const char *s)
{
    sp_ui_list wl;
    sp_ui_list_init(&wl);
    sp_gui_projector_layout_wall(a, gui_testutil_text, 1920, 1080, &wl);
    int yes = shows(&wl, s);
    sp_ui_list_free(&wl);
    return yes;
}

/* At a trainer's moment (not the room's) a letter opens no vote: a line
 * says the trainer picks with Shift and the letter, as the presenter's
 * buttons do ("A kiezen", Shift+A), on the wall when it is alone, else on
 * the presenter; Shift+letter picks; and undo back to such a moment opens
 * no vote either. */
static void test_letters_at_a_trainers_moment(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, "intake");
    sp_ui_group *g = a.group;
    for (int guard = 0; sp_ui_group_room_moment(&a); guard++) {
        assert_true(guard < 50);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_PICK, 0);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_NEXT, 0);
    }
    int steps = sp_session_log_count(a.s);
    assert_true(g->n_counts >= 2);
    for (int k = 0; k < g->n_counts; k++) {
        key(&a, &l, 'a' + k);
        assert_int_equal(g->phase, SP_UI_GROUP_SCENE);
        assert_non_null(strstr(g->status, "Shift"));
    }
    assert_int_equal(sp_session_log_count(a.s), steps);
    /* the line is in sight: on the wall alone, else on the presenter */
    const char *why = "Dit moment is niet voor de zaal";
    assert_true(wall_shows(&a, why));
    g->presenter = 1;
    assert_false(wall_shows(&a, why));
    sp_ui_metrics m;
    gui_testutil_wall_metrics(720, a.settings.text_size, &m);
    sp_ui_presenter_build(&a, &m, 1280, 720, -1, &l);
    assert_true(shows(&l, why));
    assert_true(shows(&l, "Shift+A"));
    key(&a, &l, 'B');                            /* Shift+B: the trainer picks */
    assert_int_equal(g->phase, SP_UI_GROUP_DECIDED);
    assert_int_equal(g->last_chosen, 1);
    assert_false(g->has_votes);
    sp_ui_app_key(&a, &l, SP_UI_KEY_UNDO, 0);
    assert_int_equal(sp_session_log_count(a.s), steps + 2); /* the choice and its undo */
    assert_int_equal(g->phase, SP_UI_GROUP_SCENE); /* the moment again, no vote */
    key(&a, &l, 'a');
    assert_int_equal(g->phase, SP_UI_GROUP_SCENE);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

/* On the wall at w x h (one page): option k's letter in its square and the
 * first words of its text, both in view. */
static int option_on_wall(sp_ui_app *a, int w, int h, int k)
{
    const sp_view *v = sp_ui_app_view(a);
    char first[24];
    int n = 0;
    while (n < 20 && v->options[k].text[n] && (unsigned char)v->options[k].text[n] < 0x80)
        n++; /* whole characters: the intake's options begin in ASCII */
    snprintf(first, sizeof first, "%.*s", n, v->options[k].text);
    sp_ui_list wl;
    sp_ui_list_init(&wl);
    sp_gui_projector_layout_wall(a, gui_testutil_text, w, h, &wl);
    sp_ui_rect screen = sp_ui_rect_make(0, 0, w, h);
    const sp_ui_cmd *text = gui_testutil_text_cmd(&wl, first);
    int letter = 0;
    for (int i = 0; i < wl.n_cmds; i++)
        letter |= wl.cmds[i].kind == SP_UI_CMD_TEXT && wl.cmds[i].len == 1 &&
                  wl.cmds[i].text[0] == sp_ui_group_letter(k) && gui_testutil_inside(screen, wl.cmds[i].r);
    int yes = n > 0 && text && gui_testutil_inside(screen, text->r) && letter && a->group->wall_pages == 1;
    sp_ui_list_free(&wl);
    return yes;
}

/* With one screen the wall is all the trainer has: at a trainer's moment it
 * lists the options with their letters, marked as the trainer's choice and
 * not a vote (no tally, no counts), at 1920x1080 and on a 4:3 projector, in
 * English when the session is; with a presenter window the options are on
 * the trainer's screen and the wall stays as it was. */
static void test_a_lone_wall_shows_the_trainers_options(void **state)
{
    (void)state;
    sp_ui_app a;
    gui_testutil_group(&a, "intake");
    sp_ui_group *g = a.group;
    for (int guard = 0; sp_ui_group_room_moment(&a); guard++) {
        assert_true(guard < 50);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_PICK, 0);
        sp_ui_app_action(&a, SP_UI_ACT_GROUP_NEXT, 0);
    }
    assert_true(g->n_counts >= 2);
    static const int sizes[][2] = { { 1920, 1080 }, { 1024, 768 } };
    for (int z = 0; z < 2; z++)
        for (int k = 0; k < g->n_counts; k++)
            assert_true(option_on_wall(&a, sizes[z][0], sizes[z][1], k));
    assert_true(wall_shows(&a, "Keuze van de trainer"));
    assert_true(wall_shows(&a, "de trainer kiest met Shift en de letter"));
    assert_false(wall_shows(&a, "Wie stemt"));
    assert_false(wall_shows(&a, "Voer de stemmen in"));
    assert_false(wall_shows(&a, "+")); /* no count to raise */
    assert_int_equal(g->phase, SP_UI_GROUP_SCENE);
    g->presenter = 1;
    for (int k = 0; k < g->n_counts; k++)
        assert_false(option_on_wall(&a, 1920, 1080, k));
    assert_false(wall_shows(&a, "Keuze van de trainer"));
    g->presenter = 0;
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_EN);
    for (int k = 0; k < g->n_counts; k++)
        assert_true(option_on_wall(&a, 1920, 1080, k));
    assert_true(wall_shows(&a, "Yes, pass my name on"));
    assert_true(wall_shows(&a, "The trainer's choice"));
    assert_false(wall_shows(&a, "Keuze van de trainer"));
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_LANG * 16 + SP_LANG_NL);
    sp_ui_app_free(&a);
}

/* The wall's note of an undo: what the room sees when the trainer goes
 * back, whether the presenter holds the controls or not; in the session's
 * language; it goes by itself, as the wall's other notes do. */
static void test_undo_shows_a_note_on_the_wall(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, gui_testutil_example());
    sp_ui_group *g = a.group;
    g->presenter = 1;
    const char *nl = "De trainer zet een stap terug", *en = "The trainer goes back a step";
    int votes[SP_UI_GROUP_OPTIONS] = { 2, 5 };
    assert_int_equal(sp_ui_group_set_votes(&a, votes, g->n_counts), SP_OK);
    assert_int_equal(sp_ui_group_take(&a, -1), SP_OK);
    assert_false(wall_shows(&a, nl));
    sp_ui_app_key(&a, &l, SP_UI_KEY_BACKSPACE, 0); /* after the decision: undoes it */
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_true(wall_shows(&a, nl));
    /* it goes by itself */
    assert_true(sp_ui_app_toast_timeout(&a, 1000) > 0);
    assert_int_equal(sp_ui_app_toast_timeout(&a, 1000 + SP_UI_TOAST_MS), 0);
    assert_false(wall_shows(&a, nl));
    /* without a presenter, and in English: above the wall's buttons */
    g->presenter = 0;
    sp_ui_app_set_run_lang(&a, SP_LANG_EN);
    assert_int_equal(sp_ui_group_take(&a, -1), SP_OK);
    sp_ui_app_key(&a, &l, SP_UI_KEY_UNDO, 0);
    assert_int_equal(g->phase, SP_UI_GROUP_VOTE);
    assert_true(wall_shows(&a, en));
    assert_false(wall_shows(&a, nl));
    sp_gui_projector_layout_wall(&a, gui_testutil_text, 1920, 1080, &l);
    int notes = 0, controls = 0;
    for (int i = 0; i < l.n_cmds; i++) {
        if (l.cmds[i].tag != SP_UI_TAG_TOAST)
            continue;
        notes++;
        sp_ui_rect t = l.cmds[i].r;
        for (int h = 0; h < l.n_hits; h++) {
            int act = l.hits[h].action;
            if (act != SP_UI_ACT_GROUP_TAKE && act != SP_UI_ACT_GROUP_FLAGS && act != SP_UI_ACT_GROUP_TIMER)
                continue;
            controls++;
            sp_ui_rect b = l.hits[h].r;
            if (t.y + t.h > b.y && b.y + b.h > t.y && t.x + t.w > b.x && b.x + b.w > t.x)
                fprintf(stderr, "the note (%d,%d %dx%d) lies over the wall's button %d (%d,%d %dx%d)\n", t.x, t.y,
                        t.w, t.h, act, b.x, b.y, b.w, b.h);
            assert_true(t.y + t.h <= b.y || b.y + b.h <= t.y || t.x + t.w <= b.x || b.x + b.w <= t.x);
        }
    }
    assert_int_equal(notes, 1);
    assert_int_equal(controls, 3);
    sp_ui_app_set_run_lang(&a, SP_LANG_NL);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_timer_and_flags(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_list l;
    sp_ui_list_init(&l);
    gui_testutil_group(&a, gui_testutil_example());
    sp_ui_group *g = a.group;
    /* no countdown: the loop may sleep as long as it likes */
    assert_int_equal(sp_ui_group_timeout(&a), -1);
    assert_int_equal(sp_ui_group_timer_left(&a), -1);
    sp_ui_group_tick(&a, 5000);
    key(&a, &l, 't');
    assert_int_equal(sp_ui_group_timer_left(&a), SP_UI_GROUP_TIMER_S);
    assert_int_equal(sp_ui_group_timeout(&a), 1000);
    assert_false(sp_ui_group_tick(&a, 5400)); /* still 2:00 shown */
    assert_int_equal(sp_ui_group_timeout(&a), 600);
    assert_true(sp_ui_group_tick(&a, 6001));
    assert_int_equal(sp_ui_group_timer_left(&a), SP_UI_GROUP_TIMER_S - 1);
    assert_true(sp_ui_group_tick(&a, 5000 + SP_UI_GROUP_TIMER_S * 1000 + 10));
    assert_int_equal(sp_ui_group_timer_left(&a), 0);
    assert_int_equal(sp_ui_group_timeout(&a), -1); /* ran out: no more wake-ups */
    key(&a, &l, 't');
    assert_int_equal(sp_ui_group_timer_left(&a), -1);

    /* the red-flag round: the flag of this stretch is recognised, another is a false alarm */
    const sp_handbook *hb = a.sc->handbook;
    int present = sp_handbook_redflag(hb, "rf.og-geen-tijd"), other = sp_handbook_redflag(hb, "rf.onbetaald");
    key(&a, &l, 'f');
    assert_true(g->flag_round);
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_MARK, present);
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_MARK, other);
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_MARK, other); /* once a turn */
    unsigned char pr[64], mk[64];
    sp_ui_group_flags_now(&a, pr, mk);
    assert_true(pr[present] && mk[present]);
    assert_true(!pr[other] && mk[other]);
    assert_int_equal(sp_session_log_count(a.s), 2);
    /* number keys do not choose while the round is up; Esc closes it */
    key(&a, &l, '1');
    assert_int_equal(sp_session_log_count(a.s), 2);
    sp_ui_app_key(&a, &l, SP_UI_KEY_ESC, 0);
    assert_false(g->flag_round);
    assert_int_equal(a.overlay, SP_UI_OV_NONE);
    /* undo takes the last flag back and stays at this conversation */
    sp_ui_app_action(&a, SP_UI_ACT_UNDO, 0);
    sp_ui_group_flags_now(&a, pr, mk);
    assert_false(mk[other]);
    assert_true(mk[present]);
    sp_ui_list_free(&l);
    sp_ui_app_free(&a);
}

static void test_menu_and_settings(void **state)
{
    (void)state;
    sp_ui_app a;
    sp_ui_app_init(&a, "", ""); /* no settings file: the defaults, nothing saved */
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_ui_app_load(&a, d), SP_OK);
    sp_diag_free(d);
    assert_null(a.group);
    /* the menu's button turns group mode on and opens the case's briefing */
    sp_ui_app_action(&a, SP_UI_ACT_GROUP_START, 0);
    assert_non_null(a.group);
    assert_false(a.group->sticky);
    assert_int_equal(a.screen, SP_UI_SCREEN_BRIEFING);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    assert_int_equal(a.screen, SP_UI_SCREEN_PLAY);
    /* the wall's contrast is its own: the user's setting stays */
    int mine = a.settings.high_contrast;
    assert_true(a.group->high_contrast);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_CONTRAST * 16 + 0);
    assert_false(a.group->high_contrast);
    assert_int_equal(a.settings.high_contrast, mine);
    sp_ui_app_action(&a, SP_UI_ACT_SET, SP_UI_SET_SIZE * 16 + SP_UI_SIZE_L);
    assert_int_equal(a.settings.text_size, SP_UI_SIZE_L);
    /* back to the menu: the menu's group play ends with it */
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    assert_null(a.group);
    assert_int_equal(a.screen, SP_UI_SCREEN_MENU);
    /* --projector's group mode stays, and every case started is a group play */
    assert_int_equal(sp_ui_group_enable(&a, 1), 0);
    sp_ui_app_action(&a, SP_UI_ACT_START, 1);
    sp_ui_app_action(&a, SP_UI_ACT_BEGIN, 0);
    assert_int_equal(a.group->phase, SP_UI_GROUP_SCENE);
    sp_ui_app_action(&a, SP_UI_ACT_TO_MENU, 0);
    assert_non_null(a.group);
    sp_ui_app_free(&a);
}

int main(void)
{
    sp_ui_i18n_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_votes_and_reveal),
        cmocka_unit_test(test_room_size_asked_and_checked),
        cmocka_unit_test(test_vote_entry_refuses_and_edits),
        cmocka_unit_test(test_letters_at_a_trainers_moment),
        cmocka_unit_test(test_a_lone_wall_shows_the_trainers_options),
        cmocka_unit_test(test_undo_shows_a_note_on_the_wall),
        cmocka_unit_test(test_timer_and_flags),
        cmocka_unit_test(test_menu_and_settings),
    };
    return cmocka_run_group_tests(tests, gui_testutil_video_up, gui_testutil_video_down);
}
