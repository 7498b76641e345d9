/* transcript_write.c: serialises a transcript (or one step, for the journal) to its versioned XML. */
#include "transcript_internal.h"
#include "buf.h"
#include "utf8_internal.h"
#include "fs.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- writing ------------------------------------------------------------- */

/* The core's one growing string (buf.h), under this file's short names. */
typedef sp_buf buf;
#define put_n(b, s, n) sp_buf_put_n(b, s, n)
#define put(b, s) sp_buf_put(b, s)
#define putf(...) sp_buf_putf(__VA_ARGS__)

/* Escapes s for an attribute value (attr) or element text. Bytes that are
 * not valid UTF-8 become U+FFFD and control characters XML 1.0 cannot hold
 * are dropped, so whatever a host passes in, the file stays readable. */
static void put_esc(buf *b, const char *str, int attr)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    while (*s) {
        unsigned char c = *s;
        int n = sp_utf8_len(s, strnlen((const char *)s, 4));
        if (n == 0) {
            put(b, "\xEF\xBF\xBD");
            s++;
            continue;
        }
        if (n > 1) {
            put_n(b, (const char *)s, (size_t)n);
            s += n;
            continue;
        }
        s++;
        switch (c) {
        case '&': put(b, "&amp;"); break;
        case '<': put(b, "&lt;"); break;
        case '>': put(b, "&gt;"); break;
        case '"': put(b, attr ? "&quot;" : "\""); break;
        case '\t': put(b, attr ? "&#9;" : "\t"); break;
        case '\n': put(b, attr ? "&#10;" : "\n"); break;
        case '\r': put(b, "&#13;"); break;
        default:
            if (c >= 0x20 && c != 0x7F)
                put_n(b, (const char *)&c, 1);
        }
    }
}

static void put_attr(buf *b, const char *name, const char *value)
{
    put(b, " ");
    put(b, name);
    put(b, "=\"");
    put_esc(b, value, 1);
    put(b, "\"");
}

static void put_time(buf *b, const char *name, int64_t t)
{
    char tmp[64];
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
        tt = 0;
        gmtime_r(&tt, &tm);
    }
    /* Not strftime's %Y: glibc does not pad years before 1000 to four
     * digits, and the reader wants exactly YYYY (found by tests/fuzz). */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    put_attr(b, name, tmp);
}

static const char *kind_name(sp_step_kind k)
{
    return k == SP_STEP_CHOOSE ? "choose" : k == SP_STEP_FLAG ? "flag" : "undo";
}

/* One step as its element, without indent or newline. */
static void put_step(buf *b, const sp_tstep *s)
{
    putf(b, "<%s turn=\"%d\"", kind_name(s->kind), s->turn);
    put_attr(b, "node", s->node ? s->node : "");
    if (s->kind == SP_STEP_CHOOSE)
        put_attr(b, "option", s->option ? s->option : "");
    if (s->kind == SP_STEP_FLAG)
        put_attr(b, "flag", s->flag ? s->flag : "");
    put_time(b, "at", s->at);
    if (s->n_votes > 0) {
        put(b, " votes=\"");
        for (int v = 0; v < s->n_votes; v++)
            putf(b, v ? " %d" : "%d", s->votes[v]);
        put(b, "\"");
    }
    if (s->override)
        put(b, " override=\"yes\"");
    put(b, "/>");
}

char *sp_transcript_step_xml(const sp_tstep *s, size_t *len)
{
    buf b = { 0 };
    put_step(&b, s);
    return sp_buf_finish(&b, len);
}

char *sp_transcript_xml(const sp_transcript *t, int with_steps, size_t *len)
{
    buf b = { 0 };
    char num[32];
    put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put(&b, "<transcript xmlns=\"" SP_TRANSCRIPT_NS "\"");
    putf(&b, " version=\"%d\"", SP_TRANSCRIPT_VERSION);
    put_attr(&b, "scenario", t->scenario_id ? t->scenario_id : "");
    put_attr(&b, "scenario-version", t->scenario_version ? t->scenario_version : "");
    snprintf(num, sizeof num, "%016" PRIx64, t->scenario_hash);
    put_attr(&b, "scenario-hash", num);
    if (t->scenario_path)
        put_attr(&b, "scenario-path", t->scenario_path);
    put_attr(&b, "lang", t->lang ? t->lang : "nl");
    put_attr(&b, "mode", t->mode ? t->mode : "solo");
    put_time(&b, "started", t->started);
    put_time(&b, "updated", with_steps ? t->updated : t->started);
    if (t->parent) {
        put_attr(&b, "parent", t->parent);
        putf(&b, " branch-step=\"%d\"", t->branch_step < 0 ? 0 : t->branch_step);
    }
    if (t->trajectory)
        put_attr(&b, "trajectory", t->trajectory);
    if (t->ending)
        put_attr(&b, "ending", t->ending);
    put(&b, ">\n");
    if (t->n_start_vars > 0) {
        put(&b, "  <start-vars>\n");
        for (int i = 0; i < t->n_start_vars; i++) {
            put(&b, "    <var");
            put_attr(&b, "name", t->start_vars[i].name);
            putf(&b, " value=\"%d\"/>\n", t->start_vars[i].value);
        }
        put(&b, "  </start-vars>\n");
    }
    put(&b, "  <steps>\n");
    for (int i = 0; with_steps && i < t->n_steps; i++) {
        put(&b, "    ");
        put_step(&b, &t->steps[i]);
        put(&b, "\n");
    }
    put(&b, "  </steps>\n");
    if (t->n_notes > 0) {
        put(&b, "  <notes>\n");
        for (int i = 0; i < t->n_notes; i++) {
            put(&b, "    <note");
            if (t->notes[i].step >= 0)
                putf(&b, " step=\"%d\"", t->notes[i].step);
            put(&b, ">");
            put_esc(&b, t->notes[i].text, 0);
            put(&b, "</note>\n");
        }
        put(&b, "  </notes>\n");
    }
    put(&b, "</transcript>\n");
    return sp_buf_finish(&b, len);
}

char *sp_transcript_to_xml(const sp_transcript *t, size_t *len)
{
    return sp_transcript_xml(t, 1, len);
}
