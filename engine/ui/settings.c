/* settings.c: reads and writes settings.ini (key=value): lines it does not understand are reported and kept, a change rewrites only its own value. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/fs.h"
#include "i18n.h"

#define SETTINGS_MAX_BYTES 65536

static const char *const size_codes[SP_UI_SIZE_COUNT] = { "S", "M", "L", "XL" };

void sp_ui_settings_defaults(sp_ui_settings *s)
{
    s->text_size = SP_UI_SIZE_M;
    s->high_contrast = 0;
    s->feedback_end = 0;
    s->lang = SP_LANG_NL;
    s->fullscreen = 0;
    s->room_size = SP_UI_ROOM_DEFAULT;
}

const char *sp_ui_size_code(sp_ui_size z)
{
    return (int)z >= 0 && z < SP_UI_SIZE_COUNT ? size_codes[z] : size_codes[SP_UI_SIZE_M];
}

static int pick(const char *v, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0)
            return i;
    return -1;
}

#define N_KEYS 6
static const char *const keys[N_KEYS] = { "text_size", "contrast", "feedback", "language", "fullscreen", "room_size" };

/* Room for a number written as a value. */
typedef struct { char s[16]; } num_buf;

/* Key k's value in s, as the file writes it (a number in *b). */
static const char *value_of(const sp_ui_settings *s, int k, num_buf *b)
{
    switch (k) {
    case 0: return sp_ui_size_code(s->text_size);
    case 1: return s->high_contrast ? "high" : "normal";
    case 2: return s->feedback_end ? "end" : "immediate";
    case 3: return sp_lang_code(s->lang);
    case 4: return s->fullscreen ? "on" : "off";
    default: snprintf(b->s, sizeof b->s, "%d", s->room_size); return b->s;
    }
}

/* room_size: a whole number from SP_UI_ROOM_MIN to SP_UI_ROOM_MAX; else -1. */
static int parse_room(const char *v)
{
    int n = 0;
    if (!*v || strlen(v) > 4)
        return -1;
    for (; *v; v++) {
        if (*v < '0' || *v > '9')
            return -1;
        n = n * 10 + (*v - '0');
    }
    return n >= SP_UI_ROOM_MIN && n <= SP_UI_ROOM_MAX ? n : -1;
}

/* One key=value; 0 when it was understood (and stored in s). */
static int parse_value(int k, const char *val, sp_ui_settings *s, const char **why)
{
    static const char *const onoff[] = { "off", "on" };
    static const char *const contrast[] = { "normal", "high" };
    static const char *const feedback[] = { "immediate", "end" };
    static const char *const langs[] = { "nl", "en" };
    static const char *const msgs[N_KEYS] = {
        N_("tekstgrootte moet S, M, L of XL zijn"), N_("contrast moet normal of high zijn"),
        N_("feedback moet immediate of end zijn"), N_("language moet nl of en zijn"),
        N_("fullscreen moet on of off zijn"), N_("room_size moet een getal van 2 tot en met 9999 zijn"),
    };
    int v = k == 0 ? pick(val, size_codes, SP_UI_SIZE_COUNT)
          : k == 5 ? parse_room(val)
          : pick(val, k == 1 ? contrast : k == 2 ? feedback : k == 3 ? langs : onoff, 2);
    if (v < 0)
        return *why = msgs[k], 1;
    if (k == 0)
        s->text_size = (sp_ui_size)v;
    else if (k == 1)
        s->high_contrast = v;
    else if (k == 2)
        s->feedback_end = v;
    else if (k == 3)
        s->lang = (sp_lang)v;
    else if (k == 4)
        s->fullscreen = v;
    else
        s->room_size = v;
    return 0;
}

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* One line (without its newline) of the file: *key is the index of its
 * key or -1 (blank, comment, not understood); the value spans
 * [*v0, *v1) in the line. A trailing "# comment" or "; comment" after the
 * value is allowed. 0 when the line is fine, else the reason. */
typedef struct { int key; size_t v0, v1; } line_info;

static const char *read_line(const char *line, size_t n, sp_ui_settings *s, line_info *li)
{
    li->key = -1;
    size_t i = 0;
    while (i < n && blank(line[i]))
        i++;
    if (i == n || line[i] == '#' || line[i] == ';')
        return NULL;
    const char *eq = memchr(line + i, '=', n - i);
    if (!eq)
        return N_("regel zonder '='");
    size_t ke = (size_t)(eq - line);
    while (ke > i && blank(line[ke - 1]))
        ke--;
    int k = 0;
    while (k < N_KEYS && (strlen(keys[k]) != ke - i || memcmp(line + i, keys[k], ke - i) != 0))
        k++;
    if (k == N_KEYS)
        return N_("onbekende instelling");
    li->key = k;
    size_t v0 = (size_t)(eq - line) + 1, v1;
    while (v0 < n && blank(line[v0]))
        v0++;
    for (v1 = v0; v1 < n && line[v1] != '#' && line[v1] != ';'; v1++)
        ;
    while (v1 > v0 && blank(line[v1 - 1]))
        v1--;
    li->v0 = v0;
    li->v1 = v1;
    char val[32];
    if (v1 - v0 >= sizeof val)
        return N_("onbekende waarde");
    memcpy(val, line + v0, v1 - v0);
    val[v1 - v0] = '\0';
    const char *why = NULL;
    parse_value(k, val, s, &why);
    return why;
}

/* Calls fn for every line of data (a UTF-8 BOM at the start skipped). */
typedef void (*line_fn)(void *ctx, long lineno, const char *line, size_t n, size_t at);

static void each_line(const char *data, size_t len, line_fn fn, void *ctx)
{
    size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (long lineno = 1; at < len; lineno++) {
        const char *nl = memchr(data + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - data) - at : len - at;
        fn(ctx, lineno, data + at, n, at);
        at += n + 1;
    }
}

typedef struct {
    const char *path;
    sp_ui_settings *s;
    sp_diag *d;
    int ignored;
    long last_line[N_KEYS];    /* the last line of each key, 0 when none */
    size_t last_at[N_KEYS], v0[N_KEYS], v1[N_KEYS];
} parse_ctx;

static void parse_one(void *ctx, long lineno, const char *line, size_t n, size_t at)
{
    parse_ctx *p = ctx;
    line_info li;
    const char *why = read_line(line, n, p->s, &li);
    if (li.key >= 0) {
        p->last_line[li.key] = lineno;
        p->last_at[li.key] = at;
        p->v0[li.key] = li.v0;
        p->v1[li.key] = li.v1;
    }
    if (why) {
        sp_diag_add(p->d, p->path, lineno, _("genegeerd: %s"), _(why));
        p->ignored = 1;
    }
}

static sp_status parse_over(const char *path, const char *data, size_t len,
                            sp_ui_settings *out, sp_diag *d)
{
    if (memchr(data, '\0', len)) {
        sp_diag_add(d, path, 0, "%s", _("geen tekstbestand"));
        return SP_EINVAL;
    }
    parse_ctx p = { path, out, d, 0, { 0 }, { 0 }, { 0 }, { 0 } };
    each_line(data, len, parse_one, &p);
    return p.ignored ? SP_EINVAL : SP_OK;
}

sp_status sp_ui_settings_parse(const char *path, const char *data, size_t len,
                                sp_ui_settings *out, sp_diag *d)
{
    sp_ui_settings_defaults(out);
    return parse_over(path, data, len, out, d);
}

char *sp_ui_settings_format(const sp_ui_settings *s, size_t *len)
{
    char buf[512];
    num_buf b;
    int n = snprintf(buf, sizeof buf,
                     "# samenspel settings; written by the program, safe to edit.\n"
                     "text_size=%s\ncontrast=%s\nfeedback=%s\nlanguage=%s\nfullscreen=%s\nroom_size=%s\n",
                     value_of(s, 0, &b), value_of(s, 1, &b), value_of(s, 2, &b), value_of(s, 3, &b), value_of(s, 4, &b),
                     value_of(s, 5, &b));
    char *out = malloc((size_t)n + 1);
    if (!out)
        return NULL;
    memcpy(out, buf, (size_t)n + 1);
    if (len)
        *len = (size_t)n;
    return out;
}

char *sp_ui_settings_merge(const char *data, size_t len, const sp_ui_settings *s, size_t *out_len)
{
    sp_ui_settings now;
    sp_ui_settings_defaults(&now);
    parse_ctx p = { "", &now, NULL, 0, { 0 }, { 0 }, { 0 }, { 0 } };
    if (!memchr(data, '\0', len))
        each_line(data, len, parse_one, &p);
    char *out = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&out, &n);
    if (!m)
        return NULL;
    /* Lines in file order; only the value of a changed key's last line is
     * replaced, its key, spacing and comment kept. */
    int had[N_KEYS];
    num_buf b1, b2;
    for (int k = 0; k < N_KEYS; k++)
        had[k] = p.last_line[k] != 0;
    size_t at = 0;
    for (;;) {
        int next = -1;
        for (int k = 0; k < N_KEYS; k++)
            if (p.last_line[k] && strcmp(value_of(&now, k, &b1), value_of(s, k, &b2)) != 0 &&
                p.last_at[k] >= at && (next < 0 || p.last_at[k] < p.last_at[next]))
                next = k;
        if (next < 0)
            break;
        fwrite(data + at, 1, p.last_at[next] + p.v0[next] - at, m);
        fputs(value_of(s, next, &b1), m);
        at = p.last_at[next] + p.v1[next];
        p.last_line[next] = 0;
    }
    fwrite(data + at, 1, len - at, m);
    /* Changed keys the file does not have go at the end. */
    int nl = len == 0 || data[len - 1] == '\n';
    for (int k = 0; k < N_KEYS; k++)
        if (!had[k] && strcmp(value_of(&now, k, &b1), value_of(s, k, &b2)) != 0) {
            fprintf(m, "%s%s=%s\n", nl ? "" : "\n", keys[k], value_of(s, k, &b1));
            nl = 1;
        }
    if (fclose(m) != 0) {
        free(out);
        return NULL;
    }
    if (out_len)
        *out_len = n;
    return out;
}

sp_status sp_ui_settings_load(const char *path, sp_ui_settings *out, sp_diag *d)
{
    sp_ui_settings_defaults(out);
    return sp_ui_settings_read(path, out, d);
}

/* parse_over as an sp_fs_parser. */
static sp_status parse_file_bytes(const char *path, const char *data, size_t len, void *out, sp_diag *d)
{
    return parse_over(path, data, len, out, d);
}

sp_status sp_ui_settings_read(const char *path, sp_ui_settings *out, sp_diag *d)
{
    struct stat ls;
    /* Missing is fine (the defaults); a link to nothing is named. */
    if (access(path, F_OK) != 0 && errno == ENOENT && !(lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode)))
        return SP_OK;
    return sp_fs_read_with(path, SETTINGS_MAX_BYTES, parse_file_bytes, out, d);
}

sp_status sp_ui_settings_save(const char *path, const sp_ui_settings *s, sp_diag *d)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        sp_status st = sp_fs_mkdirs(dir, d);
        if (st != SP_OK)
            return st;
    }
    /* An existing file keeps everything but the values that changed. */
    char *data = NULL, *text;
    size_t len = 0;
    if (access(path, F_OK) == 0) {
        sp_status st = sp_fs_read(path, SETTINGS_MAX_BYTES, &data, &len, d);
        if (st != SP_OK)
            return st;
        text = sp_ui_settings_merge(data, len, s, &len);
    } else {
        text = sp_ui_settings_format(s, &len);
    }
    sp_free(data); /* sp_fs_read's, through the core's allocation hook */
    if (!text)
        return SP_ENOMEM;
    sp_status st = sp_fs_write_atomic(path, text, len, d);
    free(text);
    return st;
}
