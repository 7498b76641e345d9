/* group_phones.c: keeps the phones' voting round in step with the decision on the wall (one round per view), and reads their counts. */
#include "group_phones.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/session.h"

void sp_ui_phones_begin(sp_ui_phones *ph, sp_phones *srv)
{
    ph->srv = srv;
    ph->round = 0;
    ph->view_steps = -1;
    ph->qr = srv ? sp_phones_qr(srv, &ph->qr_size) : NULL;
}

void sp_ui_phones_end(sp_ui_phones *ph)
{
    sp_phones_stop(ph->srv);   /* the server stops when the play ends */
    free(ph->qr);
    ph->srv = NULL;
    ph->qr = NULL;
}

int sp_ui_phones_sync(sp_ui_phones *ph, sp_ui_app *a, int voting)
{
    if (!ph->srv || !a->s)
        return 0;
    const sp_view *v = sp_ui_app_view(a);
    int steps = sp_session_log_count(a->s);
    int votable = voting && v && (v->kind == SP_VIEW_DECISION || v->kind == SP_VIEW_THOUGHT) && v->n_options > 0;
    if (votable && ph->view_steps == steps)
        return 0;
    int changed = 0;
    if (ph->view_steps >= 0) {
        sp_ui_phones_close(ph);
        changed = 1;
    }
    if (!votable)
        return changed;
    const char *texts[5];
    int n = v->n_options < 5 ? v->n_options : 5;
    for (int k = 0; k < n; k++)
        texts[k] = v->options[k].text;
    sp_phones_round(ph->srv, ++ph->round, v->prompt, texts, n);
    ph->view_steps = steps;
    return 1;
}

void sp_ui_phones_close(sp_ui_phones *ph)
{
    if (ph->srv)
        sp_phones_close(ph->srv);
    ph->view_steps = -1;
}

void sp_ui_phones_merge(sp_ui_phones *ph, int *counts, int n)
{
    if (!ph || !ph->srv || ph->view_steps < 0)
        return;
    int c[5] = { 0 };
    if (n > 5)
        n = 5;
    sp_ui_phones_close(ph);
    sp_ui_phones_counts(ph, c, n);
    for (int k = 0; k < n; k++)
        counts[k] += c[k];
}

void sp_ui_phones_with(sp_ui_phones *ph, const int *typed, int n, int *out)
{
    int c[5] = { 0 };
    if (ph && ph->srv && ph->view_steps >= 0)
        sp_phones_counts(ph->srv, c, n < 5 ? n : 5);
    for (int k = 0; k < n; k++)
        out[k] = typed[k] + (k < 5 ? c[k] : 0);
}

int sp_ui_phones_counts(sp_ui_phones *ph, int *counts, int n)
{
    if (!ph->srv) {
        for (int k = 0; k < n; k++)
            counts[k] = 0;
        return 0;
    }
    return sp_phones_counts(ph->srv, counts, n);
}

void sp_ui_phones_failed(char *out, size_t len, int no_lan, const char *err, int en)
{
    if (no_lan)
        snprintf(out, len, "%s",
                 en ? "Phones cannot join: this computer has no network besides itself. Connect it to the room's "
                      "wifi or a phone's hotspot and switch the phones on again (P). Counting hands and typing the "
                      "numbers works as before."
                    : "Telefoons kunnen niet meedoen: deze computer heeft geen netwerk behalve zichzelf. Verbind hem "
                      "met de wifi van de zaal of de hotspot van een telefoon en zet de telefoons opnieuw aan (P). "
                      "Handen tellen en de aantallen typen werkt gewoon.");
    else
        snprintf(out, len, en ? "Phones cannot join: %s. Counting hands and typing the numbers works as before."
                              : "Telefoons kunnen niet meedoen: %s. Handen tellen en de aantallen typen werkt gewoon.",
                 err);
}

const char *sp_ui_phones_switch_label(int on, int en)
{
    if (en)
        return on ? "Voting with phones: on" : "Voting with phones: off";
    return on ? "Stemmen met telefoons: aan" : "Stemmen met telefoons: uit";
}

void sp_ui_phones_flags_done(sp_ui_phones *ph)
{
    if (!ph || !ph->srv)
        return;
    sp_phones_flags_clear(ph->srv);
    ph->heat_revealed = 0;
}
