/* replay_write.c: what the replay screens write: a note on a step, a branch played on from a step, the debrief as a web page, a play into the trash and back. */
#include "replay.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/export.h"
#include "core/fs.h"
#include "app_play.h"
#include "i18n.h"

void sp_ui_replay_note_save(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    rp->editing = 0;
    const char *s = rp->note;
    while (*s == ' ')
        s++;
    if (!*s)
        return;
    sp_diag *d = sp_diag_new();
    sp_status st = sp_replay_add_note(rp->r, rp->t, rp->step, s);
    if (st == SP_OK)
        st = sp_transcript_write(rp->t, rp->path, d);
    if (st == SP_OK)
        rp->note[0] = '\0';
    else
        sp_ui_replay_notice(a, _("De notitie kon niet worden bewaard: %s"), sp_ui_replay_error(d, sp_status_name(st)));
    sp_diag_free(d);
}

static int64_t now(const sp_ui_app *a)
{
    return a->clock ? a->clock(a->clock_ctx) : (int64_t)time(NULL);
}

/* Plays on from the current step: the new play replaces any running one
 * and is saved at once, with its parent and branch point. */
void sp_ui_replay_branch_here(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    sp_replay *r = rp->r;
    if (rp->step >= r->n_decisions && r->finished)
        return;
    char parent[PATH_MAX];
    if (!realpath(rp->path, parent))
        snprintf(parent, sizeof parent, "%s", rp->path);
    sp_diag *d = sp_diag_new();
    sp_session *s = NULL;
    sp_transcript *t = NULL;
    char path[4096];
    sp_status st = sp_replay_branch(r, rp->step, parent, now(a), &s, &t, d);
    if (st == SP_OK)
        st = sp_transcript_create(t, a->transcripts_dir, r->sc->id, t->started, path, sizeof path, d);
    if (st != SP_OK) {
        sp_ui_replay_notice(a, _("Verder spelen vanaf hier lukt niet: %s"), sp_ui_replay_error(d, sp_status_name(st)));
        sp_session_free(s);
        sp_transcript_free(t);
        sp_diag_free(d);
        return;
    }
    sp_diag_free(d);
    if (a->clock)
        sp_session_set_clock(s, a->clock, a->clock_ctx);
    sp_ui_play_end(a);
    a->s = s;
    a->t = t;
    a->sc = r->sc;
    snprintf(a->t_path, sizeof a->t_path, "%s", path);
    a->case_index = -1;
    for (int i = 0; i < SP_CASE_COUNT; i++)
        if (a->cases[i].sc == r->sc)
            a->case_index = i;
    a->traj = 0;
    int turn = sp_session_turn(s);
    char when[64] = "?";
    time_t tt = (time_t)rp->t->started;
    struct tm tm;
    if (rp->t->started > 0 && localtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    sp_ui_replay_drop(rp);
    sp_ui_replay_show(a, SP_UI_SCREEN_PLAY);
    /* A banner says it is a branch; the first choice takes it away. */
    sp_ui_replay_notice(a, _("Aftakking: je speelt verder vanaf beurt %d van het gesprek van %s. Dat gesprek blijft zoals het was."),
           turn, when);
}

/* Writes the HTML debrief of transcript t (at path) beside it. */
void sp_ui_replay_export_html(sp_ui_app *a, const sp_transcript *t, const sp_scenario *sc, const char *path)
{
    sp_diag *d = sp_diag_new();
    sp_replay *r = NULL;
    char out[4096];
    size_t n = strlen(path);
    if (n > 4 && strcmp(path + n - 4, ".xml") == 0)
        n -= 4;
    snprintf(out, sizeof out, "%.*s.html", (int)n, path);
    sp_status st = sp_replay_build(t, sc, sp_ui_app_lang(a), &r, d);
    if (st == SP_EINVAL && r)
        st = SP_OK;
    sp_debrief *db = st == SP_OK ? sp_debrief_build(r->s) : NULL;
    size_t len = 0;
    char *html = db ? sp_export_html(r, db, &len) : NULL;
    if (st == SP_OK && !html)
        st = SP_ENOMEM;
    if (st == SP_OK)
        st = sp_fs_write_atomic(out, html, len, d);
    if (st == SP_OK) {
        char folder[4096];
        snprintf(folder, sizeof folder, "%s", out);
        char *slash = strrchr(folder, '/');
        if (slash)
            *slash = '\0';
        sp_ui_app_toast(a, slash ? folder : ".", _("De nabespreking is bewaard als webpagina: %s"),
                         slash ? slash + 1 : out);
    } else
        sp_ui_replay_notice(a, _("Exporteren lukte niet: %s"), sp_ui_replay_error(d, sp_status_name(st)));
    free(html);
    sp_debrief_free(db);
    sp_replay_free(r);
    sp_diag_free(d);
}

/* ---- deleting a play: into the trash folder, and back ------------------------------------ */

/* Moves entry i's transcript into transcripts/prullenbak/ (where the list
 * does not look); the toast offers to undo it. */
void sp_ui_replay_trash(sp_ui_app *a, int i)
{
    sp_ui_replay *rp = a->replay;
    const char *from = rp->e[i].path;
    const char *base = strrchr(from, '/');
    base = base ? base + 1 : from;
    char dir[sizeof a->transcripts_dir + 16];
    snprintf(dir, sizeof dir, "%s/prullenbak", a->transcripts_dir);
    sp_diag *d = sp_diag_new();
    int ok = sp_fs_mkdirs(dir, d) == SP_OK;
    sp_diag_free(d);
    if (ok && snprintf(rp->trashed, sizeof rp->trashed, "%s/%s", dir, base) < (int)sizeof rp->trashed &&
        rename(from, rp->trashed) == 0) {
        snprintf(rp->trashed_from, sizeof rp->trashed_from, "%s", from);
        /* from and base point into the list that sp_ui_replay_scan() frees: name the
         * file from the copy kept for undo. */
        const char *name = strrchr(rp->trashed, '/') + 1;
        sp_ui_replay_scan(a);
        sp_ui_app_toast(a, NULL, _("Verwijderd: %s. Het staat in de prullenbak."), name);
        a->toast_undo = 1;
    } else {
        rp->trashed[0] = '\0';
        sp_ui_replay_notice(a, _("Verwijderen lukte niet: %s"), from);
    }
}

void sp_ui_replay_restore(sp_ui_app *a)
{
    sp_ui_replay *rp = a->replay;
    if (!rp->trashed[0])
        return;
    if (rename(rp->trashed, rp->trashed_from) == 0) {
        const char *base = strrchr(rp->trashed_from, '/');
        sp_ui_app_toast(a, NULL, _("Teruggezet: %s."), base ? base + 1 : rp->trashed_from);
        rp->trashed[0] = '\0';
        if (a->screen == SP_UI_SCREEN_PLAYS)
            sp_ui_replay_scan(a);
    } else {
        sp_ui_replay_notice(a, _("Terugzetten lukte niet: %s"), rp->trashed);
    }
}
