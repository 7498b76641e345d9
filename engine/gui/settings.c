/* settings.c: reads and writes settings.ini (key=value), refusing damaged files without losing them. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fs.h"
#include "i18n.h"

#define SETTINGS_MAX_BYTES 65536

static const char *const size_codes[SP_GUI_SIZE_COUNT] = { "S", "M", "L", "XL" };

void sp_gui_settings_defaults(sp_gui_settings *s)
{
    s->text_size = SP_GUI_SIZE_M;
    s->high_contrast = 0;
    s->feedback_end = 0;
    s->lang = SP_LANG_NL;
    s->fullscreen = 0;
}

const char *sp_gui_size_code(sp_gui_size z)
{
    return (int)z >= 0 && z < SP_GUI_SIZE_COUNT ? size_codes[z] : size_codes[SP_GUI_SIZE_M];
}

static int pick(const char *v, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0)
            return i;
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* One key=value line; 0 when it was understood. */
static int parse_line(char *key, char *val, sp_gui_settings *s, const char **why)
{
    static const char *const onoff[] = { "off", "on" };
    static const char *const contrast[] = { "normal", "high" };
    static const char *const feedback[] = { "immediate", "end" };
    static const char *const langs[] = { "nl", "en" };
    int v;
    if (strcmp(key, "text_size") == 0) {
        if ((v = pick(val, size_codes, SP_GUI_SIZE_COUNT)) < 0)
            return *why = N_("tekstgrootte moet S, M, L of XL zijn"), 1;
        s->text_size = (sp_gui_size)v;
    } else if (strcmp(key, "contrast") == 0) {
        if ((v = pick(val, contrast, 2)) < 0)
            return *why = N_("contrast moet normal of high zijn"), 1;
        s->high_contrast = v;
    } else if (strcmp(key, "feedback") == 0) {
        if ((v = pick(val, feedback, 2)) < 0)
            return *why = N_("feedback moet immediate of end zijn"), 1;
        s->feedback_end = v;
    } else if (strcmp(key, "language") == 0) {
        if ((v = pick(val, langs, 2)) < 0)
            return *why = N_("language moet nl of en zijn"), 1;
        s->lang = (sp_lang)v;
    } else if (strcmp(key, "fullscreen") == 0) {
        if ((v = pick(val, onoff, 2)) < 0)
            return *why = N_("fullscreen moet on of off zijn"), 1;
        s->fullscreen = v;
    } else {
        return *why = N_("onbekende instelling"), 1;
    }
    return 0;
}

sp_status sp_gui_settings_parse(const char *path, const char *data, size_t len,
                                sp_gui_settings *out, sp_diag *d)
{
    sp_gui_settings s;
    sp_gui_settings_defaults(&s);
    sp_gui_settings_defaults(out);
    if (memchr(data, '\0', len)) {
        sp_diag_add(d, path, 0, "%s", _("geen tekstbestand"));
        return SP_EINVAL;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return SP_ENOMEM;
    memcpy(copy, data, len);
    copy[len] = '\0';
    sp_status st = SP_OK;
    long lineno = 0;
    for (char *line = copy; line; ) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *t = trim(line);
        if (*t && *t != '#' && *t != ';') {
            char *eq = strchr(t, '=');
            const char *why = NULL;
            if (!eq) {
                why = N_("regel zonder '='");
            } else {
                *eq = '\0';
                parse_line(trim(t), trim(eq + 1), &s, &why);
            }
            if (why) {
                sp_diag_add(d, path, lineno, "%s", _(why));
                st = SP_EINVAL;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(copy);
    if (st == SP_OK)
        *out = s;
    return st;
}

char *sp_gui_settings_format(const sp_gui_settings *s, size_t *len)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf,
                     "# samenspel settings; written by the program, safe to edit.\n"
                     "text_size=%s\ncontrast=%s\nfeedback=%s\nlanguage=%s\nfullscreen=%s\n",
                     sp_gui_size_code(s->text_size), s->high_contrast ? "high" : "normal",
                     s->feedback_end ? "end" : "immediate", sp_lang_code(s->lang),
                     s->fullscreen ? "on" : "off");
    char *out = malloc((size_t)n + 1);
    if (!out)
        return NULL;
    memcpy(out, buf, (size_t)n + 1);
    if (len)
        *len = (size_t)n;
    return out;
}

sp_status sp_gui_settings_load(const char *path, sp_gui_settings *out, sp_diag *d)
{
    sp_gui_settings_defaults(out);
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return SP_OK;
    char *data;
    size_t len;
    sp_status st = sp_fs_read(path, SETTINGS_MAX_BYTES, &data, &len, d);
    if (st != SP_OK)
        return st;
    st = sp_gui_settings_parse(path, data, len, out, d);
    free(data);
    return st;
}

sp_status sp_gui_settings_save(const char *path, const sp_gui_settings *s, sp_diag *d)
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
    size_t len;
    char *text = sp_gui_settings_format(s, &len);
    if (!text)
        return SP_ENOMEM;
    sp_status st = sp_fs_write_atomic(path, text, len, d);
    free(text);
    return st;
}
