/* settings.h: the window's settings (text size, contrast, feedback, language, fullscreen, the room's size in group play) and their key=value file. */
#ifndef SP_UI_SETTINGS_H
#define SP_UI_SETTINGS_H

#include <stddef.h>
#include "core/diag.h"
#include "core/model.h"

typedef enum {
    SP_UI_SIZE_S, SP_UI_SIZE_M, SP_UI_SIZE_L, SP_UI_SIZE_XL, SP_UI_SIZE_COUNT
} sp_ui_size;

typedef struct sp_ui_settings {
    sp_ui_size text_size;
    int high_contrast;   /* 1: black, white and yellow */
    int feedback_end;    /* 1: no feedback card during play, only the debrief */
    sp_lang lang;        /* interface and, where the case has it, content */
    int fullscreen;
    int room_size;       /* group play: people in the room, asked at the start (the last answer) */
} sp_ui_settings;

#define SP_UI_ROOM_DEFAULT 20
#define SP_UI_ROOM_MIN 2
#define SP_UI_ROOM_MAX 9999

void sp_ui_settings_defaults(sp_ui_settings *s);
const char *sp_ui_size_code(sp_ui_size z);   /* "S", "M", "L", "XL" */

/* Parses a settings file's text (a UTF-8 BOM, blank lines, # and ; comments,
 * a comment after a value are fine). A line it does not understand (not
 * key=value, an unknown key or value) is ignored with "path:line: genegeerd:
 * why" in d and SP_EINVAL; *out holds the defaults overridden by every line
 * that was understood (the last of a key wins). */
sp_status sp_ui_settings_parse(const char *path, const char *data, size_t len,
                                sp_ui_settings *out, sp_diag *d);
/* The file text (malloc'd); NULL on out-of-memory. */
char *sp_ui_settings_format(const sp_ui_settings *s, size_t *len);

/* A missing file gives the defaults and SP_OK. */
sp_status sp_ui_settings_load(const char *path, sp_ui_settings *out, sp_diag *d);
/* The same over the values already in *out: a key the file does not set
 * (or sets in a line that is ignored) keeps its value. */
sp_status sp_ui_settings_read(const char *path, sp_ui_settings *out, sp_diag *d);
/* The file text data with the values of s: only the keys whose value
 * changes are rewritten (the last line of that key, its spacing and comment
 * kept), keys the file lacks are appended; every other line, comment, unknown
 * key and the order stay as they are. malloc'd; NULL on out-of-memory. */
char *sp_ui_settings_merge(const char *data, size_t len, const sp_ui_settings *s, size_t *out_len);

/* Writes atomically, creating the directory: into an existing file with
 * sp_ui_settings_merge, a new file whole. A symlink is written through. */
sp_status sp_ui_settings_save(const char *path, const sp_ui_settings *s, sp_diag *d);

#endif
