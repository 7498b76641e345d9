/* settings.h: the window's settings (text size, contrast, feedback, language, fullscreen, the room's size in group play) and their key=value file. */
#ifndef SP_GUI_SETTINGS_H
#define SP_GUI_SETTINGS_H

#include <stddef.h>
#include "core/diag.h"
#include "core/model.h"

typedef enum {
    SP_GUI_SIZE_S, SP_GUI_SIZE_M, SP_GUI_SIZE_L, SP_GUI_SIZE_XL, SP_GUI_SIZE_COUNT
} sp_gui_size;

typedef struct sp_gui_settings {
    sp_gui_size text_size;
    int high_contrast;   /* 1: black, white and yellow */
    int feedback_end;    /* 1: no feedback card during play, only the debrief */
    sp_lang lang;        /* interface and, where the case has it, content */
    int fullscreen;
    int room_size;       /* group play: people in the room, asked at the start (the last answer) */
} sp_gui_settings;

#define SP_GUI_ROOM_DEFAULT 20
#define SP_GUI_ROOM_MIN 2
#define SP_GUI_ROOM_MAX 9999

void sp_gui_settings_defaults(sp_gui_settings *s);
const char *sp_gui_size_code(sp_gui_size z);   /* "S", "M", "L", "XL" */

/* Parses a settings file's text (a UTF-8 BOM, blank lines, # and ; comments,
 * a comment after a value are fine). A line it does not understand (not
 * key=value, an unknown key or value) is ignored with "path:line: genegeerd:
 * why" in d and SP_EINVAL; *out holds the defaults overridden by every line
 * that was understood (the last of a key wins). */
sp_status sp_gui_settings_parse(const char *path, const char *data, size_t len,
                                sp_gui_settings *out, sp_diag *d);
/* The file text (malloc'd); NULL on out-of-memory. */
char *sp_gui_settings_format(const sp_gui_settings *s, size_t *len);

/* A missing file gives the defaults and SP_OK. */
sp_status sp_gui_settings_load(const char *path, sp_gui_settings *out, sp_diag *d);
/* The same over the values already in *out: a key the file does not set
 * (or sets in a line that is ignored) keeps its value. */
sp_status sp_gui_settings_read(const char *path, sp_gui_settings *out, sp_diag *d);
/* The file text data with the values of s: only the keys whose value
 * changes are rewritten (the last line of that key, its spacing and comment
 * kept), keys the file lacks are appended; every other line, comment, unknown
 * key and the order stay as they are. malloc'd; NULL on out-of-memory. */
char *sp_gui_settings_merge(const char *data, size_t len, const sp_gui_settings *s, size_t *out_len);

/* Writes atomically, creating the directory: into an existing file with
 * sp_gui_settings_merge, a new file whole. A symlink is written through. */
sp_status sp_gui_settings_save(const char *path, const sp_gui_settings *s, sp_diag *d);

#endif
