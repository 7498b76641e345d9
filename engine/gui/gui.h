/* gui.h: entry point of the SDL2 front end, called by main.c. */
#ifndef SP_GUI_H
#define SP_GUI_H

typedef struct sp_gui_options {
    const char *font_path;   /* --font PATH, or NULL for fontconfig's DejaVu Sans */
    int no_portraits;        /* --no-portraits: initials in circles instead of the cast's drawings */
    const char *scenario;    /* play this case/path straight away, or NULL for the menu */
    int projector;           /* --projector (group mode) */
    int display;             /* --display N, -1 for default */
    int presenter;           /* --presenter: second window for the facilitator */
    const char *replay;      /* replay this transcript, or NULL */
    const char *compare;     /* with replay: compare it with this transcript, or "expert" */
    const char *lang;        /* "nl"/"en" from --lang, NULL: the window's own setting */
    int phones;              /* --phones: the room votes from its phones (net/phones.h) */
    const char *listen;      /* --listen ADDR:PORT, or NULL for the LAN address */
} sp_gui_options;

/* 1 when SDL can open a window here (a video driver other than dummy
 * initialises and reports at least one display). */
int sp_gui_display_available(void);

/* Runs the window until the user quits; returns the process exit code
 * (0 ok, 1 invalid content, 3 platform failure: no display, no font). */
int sp_gui_run(const sp_gui_options *opt);

#endif
