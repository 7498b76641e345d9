/* gui.c: the SDL2 front end's entry: window, renderer, an event-driven loop that redraws only on change. */
#include "gui.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui/app.h"
#include "frame.h"
#include "ui/group.h"
#include "ui/i18n.h"
#include "projector.h"
#include "renderer.h"
#include "ui/group_phones.h"
#include "core/room.h"
#include "ui/replay.h"

#define EXIT_CONTENT 1
#define EXIT_PLATFORM 3

int sp_gui_display_available(void)
{
    const char *drv = SDL_getenv("SDL_VIDEODRIVER");
    if (drv && (strcmp(drv, "dummy") == 0 || strcmp(drv, "offscreen") == 0))
        return 0;
    /* No X11 and no Wayland display named: no window is possible, and asking
     * SDL would only make it print its own complaints (for instance about a
     * missing XDG_RUNTIME_DIR) before our one clear line. */
    const char *x11 = SDL_getenv("DISPLAY"), *wl = SDL_getenv("WAYLAND_DISPLAY");
    if (!drv && (!x11 || !*x11) && (!wl || !*wl))
        return 0;
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
        return 0;
    const char *cur = SDL_GetCurrentVideoDriver();
    int ok = cur && strcmp(cur, "dummy") != 0 && strcmp(cur, "offscreen") != 0 &&
             SDL_GetNumVideoDisplays() > 0;
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return ok;
}

typedef struct gui {
    SDL_Window *win;
    SDL_Renderer *r;
    sp_gui_text *text;
    sp_gui_draw *draw;
    sp_ui_app app;
    sp_ui_list list;
    double scale;      /* output pixels per window pixel */
    int line;          /* body line height, for wheel steps */
    int press;         /* hit under the mouse at button-down, -1 none */
    /* group play (projector.h): the presenter's window and the font for it */
    sp_gui_projector *pres;
    const char *font_path;
    int group_on;      /* the window is the wall (fullscreen, projector type) */
    SDL_Rect before;   /* the window before the menu made it the wall */
    sp_ui_phones phones;  /* the room's phones (--phones or the set-up's switch); srv NULL without */
    const char *listen;    /* --listen ADDR:PORT, or NULL for the LAN address */
    Uint32 phones_event;   /* the SDL event the server's thread pushes after a vote */
} gui;

static void sync_scale(gui *g)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(g->win, &ww, &wh);
    SDL_GetRendererOutputSize(g->r, &ow, &oh);
    g->scale = ww > 0 ? (double)ow / ww : 1.0;
}

static void render(gui *g)
{
    int ow, oh;
    sync_scale(g);
    SDL_GetRendererOutputSize(g->r, &ow, &oh);
    if (sp_ui_group_on(&g->app))
        sp_gui_projector_render_wall(&g->app, g->text, g->draw, g->r, ow, oh, &g->list);
    else
        sp_gui_frame_render(&g->app, g->text, g->draw, g->r, ow, oh, g->scale, &g->list);
    SDL_RenderPresent(g->r);
    sp_gui_text_end_frame(g->text);
    if (g->pres)
        sp_gui_projector_render(g->pres);
    sp_ui_metrics m;
    sp_gui_text_metrics(g->text, &m);
    g->line = m.line_h[SP_UI_FONT_BODY];
}

/* The time-to-first-frame hook of `make bench` (bench/README.md): with
 * SAMENSPEL_BENCH_FIRST_FRAME=1 the window prints the monotonic clock
 * (CLOCK_MONOTONIC, seconds) just after its first frame is presented, and
 * quits. 1 when it did. */
static int bench_first_frame(void)
{
    const char *e = SDL_getenv("SAMENSPEL_BENCH_FIRST_FRAME");
    if (!e || strcmp(e, "1") != 0)
        return 0;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    printf("first_frame_s=%lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
    fflush(stdout);
    return 1;
}

static int map_key(const SDL_KeyboardEvent *k, sp_ui_key *key, int *ch)
{
    SDL_Keycode sym = k->keysym.sym;
    int ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    *ch = 0;
    switch (sym) {
    case SDLK_UP:        *key = SP_UI_KEY_UP; return 1;
    case SDLK_DOWN:      *key = SP_UI_KEY_DOWN; return 1;
    case SDLK_LEFT:      *key = SP_UI_KEY_LEFT; return 1;
    case SDLK_RIGHT:     *key = SP_UI_KEY_RIGHT; return 1;
    case SDLK_TAB:       *key = (k->keysym.mod & KMOD_SHIFT) ? SP_UI_KEY_BACKTAB : SP_UI_KEY_TAB; return 1;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:  *key = SP_UI_KEY_ENTER; return 1;
    case SDLK_ESCAPE:    *key = SP_UI_KEY_ESC; return 1;
    case SDLK_BACKSPACE: *key = SP_UI_KEY_BACKSPACE; return 1;
    case SDLK_PAGEUP:    *key = SP_UI_KEY_PAGEUP; return 1;
    case SDLK_PAGEDOWN:  *key = SP_UI_KEY_PAGEDOWN; return 1;
    case SDLK_HOME:      *key = SP_UI_KEY_HOME; return 1;
    case SDLK_END:       *key = SP_UI_KEY_END; return 1;
    case SDLK_F11:       *key = SP_UI_KEY_FULLSCREEN; return 1;
    case SDLK_SPACE:     *key = SP_UI_KEY_CHAR; *ch = ' '; return 1;
    default: break;
    }
    if (ctrl && sym == SDLK_z) {
        *key = SP_UI_KEY_UNDO;
        return 1;
    }
    if (ctrl || (k->keysym.mod & KMOD_ALT))
        return 0;
    /* Group play counts votes with + and - and overrides with Shift+letter. */
    if (sym == SDLK_PLUS || sym == SDLK_KP_PLUS || sym == SDLK_EQUALS || sym == SDLK_MINUS ||
        sym == SDLK_KP_MINUS) {
        *key = SP_UI_KEY_CHAR;
        *ch = sym == SDLK_MINUS || sym == SDLK_KP_MINUS ? '-' : '+';
        return 1;
    }
    if (sym >= SDLK_a && sym <= SDLK_z && (k->keysym.mod & KMOD_SHIFT)) {
        *key = SP_UI_KEY_CHAR;
        *ch = 'A' + (int)(sym - SDLK_a);
        return 1;
    }
    if ((sym >= SDLK_a && sym <= SDLK_z) || (sym >= SDLK_0 && sym <= SDLK_9)) {
        *key = SP_UI_KEY_CHAR;
        *ch = (int)sym;
        return 1;
    }
    if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) {
        *key = SP_UI_KEY_CHAR;
        *ch = '1' + (int)(sym - SDLK_KP_1);
        return 1;
    }
    return 0;
}

/* One event; returns 1 when the window must be redrawn. */
static int handle(gui *g, const SDL_Event *e)
{
    sp_ui_app *a = &g->app;
    /* The presenter's window has its own mouse and window events; keys
     * typed there do what they do here. */
    int mine = sp_gui_projector_event(g->pres, e);
    if (mine == SP_GUI_PROJ_CLOSED) {
        sp_gui_projector_close(g->pres);
        g->pres = NULL;
        return 1;
    }
    if (mine != SP_GUI_PROJ_NOT_MINE)
        return mine;
    switch (e->type) {
    case SDL_QUIT:
        a->quit = 1;
        return 0;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_CLOSE) { /* with two windows SDL sends no SDL_QUIT */
            a->quit = 1;
            return 0;
        }
        return e->window.event == SDL_WINDOWEVENT_EXPOSED ||
               e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
               e->window.event == SDL_WINDOWEVENT_RESTORED ||
               e->window.event == SDL_WINDOWEVENT_SHOWN;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        /* The textures are gone with the device; render them anew. */
        sp_gui_text_drop_textures(g->text);
        return 1;
    case SDL_TEXTINPUT:
        return sp_ui_replay_text(a, e->text.text);
    case SDL_KEYDOWN: {
        sp_ui_key key;
        int ch;
        if (!map_key(&e->key, &key, &ch))
            return 0;
        sp_ui_app_key(a, &g->list, key, ch);
        return 1;
    }
    case SDL_MOUSEMOTION: {
        int hit = sp_ui_app_hit_at(&g->list, (int)(e->motion.x * g->scale), (int)(e->motion.y * g->scale));
        if (hit == a->hover)
            return 0;
        a->hover = hit;
        return 1;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT)
            g->press = sp_ui_app_hit_at(&g->list, (int)(e->button.x * g->scale), (int)(e->button.y * g->scale));
        return 0;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT)
            return 0;
        int x = (int)(e->button.x * g->scale), y = (int)(e->button.y * g->scale);
        int hit = sp_ui_app_hit_at(&g->list, x, y);
        int same = hit >= 0 && hit == g->press;
        g->press = -1;
        if (!same)
            return 0;
        sp_ui_app_click(a, &g->list, x, y);
        a->hover = -1; /* the screen under the mouse has probably changed */
        return 1;
    }
    case SDL_MOUSEWHEEL:
        sp_ui_app_scroll(a, -e->wheel.y * 3 * (g->line > 0 ? g->line : 20));
        return 1;
    default:
        return 0;
    }
}

static void apply_fullscreen(gui *g)
{
    SDL_SetWindowFullscreen(g->win, g->app.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    g->app.fullscreen_changed = 0;
}

/* Group mode came on (the menu's group play) or went off: the window
 * becomes the wall, on the last display, with the presenter on another
 * display when there is one; or back to a window. */
static void sync_group(gui *g)
{
    int on = sp_ui_group_on(&g->app);
    if (on == g->group_on)
        return;
    g->group_on = on;
    if (!on) {
        sp_gui_projector_close(g->pres);
        g->pres = NULL;
        SDL_SetWindowFullscreen(g->win, g->app.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        if (g->before.w > 0) {
            SDL_SetWindowSize(g->win, g->before.w, g->before.h);
            SDL_SetWindowPosition(g->win, g->before.x, g->before.y);
        }
        return;
    }
    SDL_GetWindowPosition(g->win, &g->before.x, &g->before.y);
    SDL_GetWindowSize(g->win, &g->before.w, &g->before.h);
    sp_gui_placement pl;
    sp_gui_projector_place(-1, 1, &pl);
    g->app.group->one_screen = pl.one_screen;
    SDL_SetWindowPosition(g->win, pl.audience.x, pl.audience.y);
    SDL_SetWindowSize(g->win, pl.audience.w, pl.audience.h);
    SDL_SetWindowFullscreen(g->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    if (pl.presenter && !g->pres) {
        char err[512];
        g->pres = sp_gui_projector_open(&g->app, g->font_path, pl.presenter_rect, err, sizeof err);
        if (!g->pres)
            fprintf(stderr, "samenspel: %s\n", err);
    }
}

static void close_gui(gui *g)
{
    sp_ui_phones_end(&g->phones);  /* joins the server's thread before the app goes */
    if (g->app.group)
        g->app.group->phones = NULL;
    sp_gui_projector_close(g->pres);
    g->pres = NULL;
    sp_ui_list_free(&g->list);
    sp_gui_draw_free(g->draw);
    sp_gui_text_free(g->text);
    if (g->r)
        SDL_DestroyRenderer(g->r);
    if (g->win)
        SDL_DestroyWindow(g->win);
    sp_ui_app_free(&g->app);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
}

/* On the server's thread: wake the main loop (SDL_PushEvent is thread-safe). */
static void phones_notify(void *ud)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = *(Uint32 *)ud;
    SDL_PushEvent(&e);
}

/* The server for the room (--phones or the set-up's switch), its address
 * and code on stderr too. On failure the switch goes back off and the
 * wall's notice says why; the counts can still be typed. */
static void start_phones(gui *g)
{
    sp_ui_app *a = &g->app;
    const sp_handbook *hb = a->sc ? a->sc->handbook : a->hb;
    int en = sp_ui_app_lang(a) == SP_LANG_EN;
    const char *labels[SP_ROOM_MAX_FLAGS];
    int n = hb ? (hb->n_redflags < SP_ROOM_MAX_FLAGS ? hb->n_redflags : SP_ROOM_MAX_FLAGS) : 0;
    for (int f = 0; f < n; f++)
        labels[f] = sp_text_get(&hb->redflags[f].label, sp_ui_app_lang(a));
    sp_phones_config cfg = { .listen = g->listen, .lang = en ? "en" : "nl", .n_flags = n, .flag_labels = labels,
                             .notify = g->phones_event != (Uint32)-1 ? phones_notify : NULL,
                             .ud = &g->phones_event };
    char err[300];
    sp_phones *srv = sp_phones_start(&cfg, err, sizeof err);
    sp_ui_phones_begin(&g->phones, srv);
    if (!srv) {
        fprintf(stderr, en ? "samenspel --phones: %s; the counts can still be typed\n"
                           : "samenspel --phones: %s; de aantallen kun je nog gewoon typen\n", err);
        a->group->phones_on = 0;
        sp_ui_phones_failed(a->notice, sizeof a->notice, !g->listen && !sp_phones_has_lan(), err, en);
        return;
    }
    a->group->phones = &g->phones;
    if (strstr(a->notice, en ? "Phones" : "Telefoons") == a->notice)
        a->notice[0] = '\0';   /* an earlier failure to start */
    fprintf(stderr, "%s %s (%s %s, code %s)\n", en ? "Phones:" : "Telefoons:", sp_phones_url(srv),
            en ? "or" : "of", sp_phones_base(srv), sp_phones_code(srv));
}

/* The phones as the trainer wants them: started or stopped to match; they
 * stop with group mode. Returns 1 when something changed. */
static int sync_phones(gui *g)
{
    sp_ui_group *grp = g->app.group;
    int want = grp && grp->phones_on;
    if (want == (g->phones.srv != NULL))
        return 0;
    if (want) {
        start_phones(g);
        return 1;
    }
    if (grp)
        grp->phones = NULL;
    sp_ui_phones_end(&g->phones);
    return 1;
}

/* Milliseconds until something shown changes by itself (-1: nothing
 * will): a replay that plays on, a group play's countdown (each second), a
 * toast that goes; *dirty is set when the toast has just gone. */
static int wake_in(sp_ui_app *app, int *dirty)
{
    int due = sp_ui_replay_timeout(app, SDL_GetTicks());
    int count = sp_ui_group_timeout(app);
    if (count >= 0 && (due < 0 || count < due))
        due = count;
    int had_toast = app->toast[0] != '\0';
    int toast = sp_ui_app_toast_timeout(app, SDL_GetTicks());
    if (had_toast && !app->toast[0])
        *dirty = 1;
    if (toast >= 0 && (due < 0 || toast < due))
        due = toast;
    return due;
}

/* The window's icon: the program's icon at 64 px from the data folder (the
 * source tree's assets/, or the copy make install puts beside the cases). */
static void set_icon(SDL_Window *win)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/assets/icons/hicolor/64x64/apps/samenspel.png", sp_paths_data());
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, _("samenspel: kan het pictogram van het venster niet laden: %s: %s\n"), path, IMG_GetError());
        return;
    }
    SDL_SetWindowIcon(win, s);
    SDL_FreeSurface(s);
}

/* The interface language, the cases (or the one case of --case), a replay
 * to open, group mode for --projector: 0, or the exit code (the app freed). */
static int load_app(gui *g, const sp_gui_options *opt)
{
    sp_ui_i18n_init();
    sp_ui_app_init(&g->app, NULL, NULL);
    if (opt && opt->lang) /* for this run; settings.ini keeps its own */
        sp_ui_app_set_run_lang(&g->app, sp_lang_from_code(opt->lang));
    if (opt && opt->no_portraits)
        g->app.portraits[0] = '\0';
    if (g->app.notice[0])
        fprintf(stderr, "samenspel: %s\n", g->app.notice);

    sp_diag *d = sp_diag_new();
    sp_status st = opt && opt->scenario ? sp_ui_app_open(&g->app, opt->scenario, d) : sp_ui_app_load(&g->app, d);
    if (st == SP_OK && opt && opt->replay)
        st = opt->compare ? sp_ui_replay_open_compare(&g->app, opt->replay, opt->compare, d)
                          : sp_ui_replay_open(&g->app, opt->replay, d);
    if (st != SP_OK) {
        for (int i = 0; i < sp_diag_count(d); i++)
            fprintf(stderr, "%s\n", sp_diag_message(d, i));
        if (!sp_diag_count(d))
            fprintf(stderr, "samenspel: %s\n", sp_status_name(st));
        sp_diag_free(d);
        sp_ui_app_free(&g->app);
        return EXIT_CONTENT;
    }
    sp_diag_free(d);
    g->font_path = opt ? opt->font_path : NULL;
    if (opt && (opt->projector || opt->presenter) && sp_ui_group_enable(&g->app, 1) != 0) {
        fprintf(stderr, "%s\n", _("samenspel: onvoldoende geheugen"));
        sp_ui_app_free(&g->app);
        return EXIT_PLATFORM;
    }
    return 0;
}

/* SDL, the fonts, the window (on the wall's display in group mode), its
 * renderer and the presenter's window: 0, or EXIT_PLATFORM with the reason
 * on stderr (the caller closes what was opened). */
static int open_window(gui *g, const sp_gui_options *opt)
{
    /* A reading program has no reason to keep the screen awake. */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, _("samenspel: kan geen venster openen: %s\n"), SDL_GetError());
        return EXIT_PLATFORM;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, _("samenspel: kan de tekstweergave niet starten: %s\n"), TTF_GetError());
        return EXIT_PLATFORM;
    }
    char err[1024];
    g->text = sp_gui_text_new(opt ? opt->font_path : NULL, err, sizeof err);
    if (!g->text) {
        fprintf(stderr, "samenspel: %s\n", err);
        return EXIT_PLATFORM;
    }

    int w = 1280, h = 800;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0) {
        if (w > usable.w * 9 / 10) w = usable.w * 9 / 10;
        if (h > usable.h * 9 / 10) h = usable.h * 9 / 10;
    }
    if (w < 800) w = 800;
    if (h < 600) h = 600;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (g->app.settings.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    /* The wall goes fullscreen on its display without changing its mode. */
    sp_gui_placement pl;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (sp_ui_group_on(&g->app)) {
        sp_gui_projector_place(opt->display, opt->presenter, &pl);
        g->group_on = 1;
        g->app.group->one_screen = pl.one_screen;
        if (pl.one_screen)
            fprintf(stderr, "%s\n", _("samenspel: één scherm, dus geen presentatorvenster (op een gespiegelde "
                                      "projector zou de zaal de scores zien); breid het bureaublad uit naar een tweede "
                                      "scherm en start opnieuw met --presenter"));
        /* Placed on the display's bounds as well, so it covers the display
         * even where no window manager makes it fullscreen. */
        flags = (flags & ~(Uint32)SDL_WINDOW_FULLSCREEN_DESKTOP) |
                (pl.audience_fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_BORDERLESS);
        x = pl.audience.x;
        y = pl.audience.y;
        w = pl.audience.w;
        h = pl.audience.h;
    }
    g->win = SDL_CreateWindow("samenspel", x, y, w, h, flags);
    if (!g->win) {
        fprintf(stderr, _("samenspel: kan geen venster openen: %s\n"), SDL_GetError());
        return EXIT_PLATFORM;
    }
    SDL_SetWindowMinimumSize(g->win, 800, 600);
    set_icon(g->win);
    g->r = sp_gui_renderer_new(g->win);
    if (!g->r || !(g->draw = sp_gui_draw_new(g->r, g->text))) {
        fprintf(stderr, _("samenspel: kan niet in het venster tekenen: %s\n"), SDL_GetError());
        return EXIT_PLATFORM;
    }
    SDL_StopTextInput(); /* keys arrive as key events only; no input method */
    if (g->group_on && pl.presenter) {
        g->pres = sp_gui_projector_open(&g->app, g->font_path, pl.presenter_rect, err, sizeof err);
        if (!g->pres) {
            fprintf(stderr, "samenspel: %s\n", err);
            return EXIT_PLATFORM;
        }
        SDL_RaiseWindow(g->win); /* the keyboard starts on the wall; both windows take keys */
    }
    return 0;
}

/* The loop sleeps in SDL_WaitEventTimeout until something happens, then
 * handles every pending event and draws once if any of them changed
 * what is shown. Nothing animates, so an idle window costs nothing. */
static void run_loop(gui *g)
{
    int dirty = 1;
    while (!g->app.quit) {
        if (dirty) {
            render(g);
            dirty = 0;
            if (bench_first_frame())
                break;
        }
        SDL_Event e;
        int due = wake_in(&g->app, &dirty);
        if (g->phones.srv && (due < 0 || due > 5000)) /* the presenter's count of phones */
            due = 5000;
        if (dirty)
            continue;
        if (!SDL_WaitEventTimeout(&e, due >= 0 ? due : 60000)) {
            dirty |= sp_ui_replay_tick(&g->app, SDL_GetTicks());
            dirty |= sp_ui_group_tick(&g->app, SDL_GetTicks());
            dirty |= g->phones.srv != NULL; /* phones come and go: the presenter's count */
            continue;
        }
        dirty |= sp_ui_group_tick(&g->app, SDL_GetTicks()); /* the clock a key starting the countdown reads */
        do {
            if (g->phones.srv && e.type == g->phones_event)
                dirty = 1; /* a vote came in: the presenter's tally */
            else
                dirty |= handle(g, &e);
        } while (!g->app.quit && SDL_PollEvent(&e));
        dirty |= sp_ui_replay_tick(&g->app, SDL_GetTicks());
        /* Text input (and an input method) only while a note is typed. */
        if (sp_ui_replay_wants_text(&g->app) != (SDL_IsTextInputActive() == SDL_TRUE)) {
            if (SDL_IsTextInputActive())
                SDL_StopTextInput();
            else
                SDL_StartTextInput();
        }
        dirty |= sp_ui_group_tick(&g->app, SDL_GetTicks());
        dirty |= sync_phones(g);
        /* The phones vote while the wall shows the vote (one round per view). */
        if (g->phones.srv)
            dirty |= sp_ui_phones_sync(&g->phones, &g->app,
                                        g->app.group && g->app.group->phase == SP_UI_GROUP_VOTE);
        if (g->app.fullscreen_changed && !g->group_on) {
            apply_fullscreen(g);
            dirty = 1;
        }
        g->app.fullscreen_changed = 0;
        if (sp_ui_group_on(&g->app) != g->group_on) {
            sync_group(g);
            dirty = 1;
        }
    }
}

int sp_gui_run(const sp_gui_options *opt)
{
    static gui g; /* large (paths in the app state); one window per process */
    memset(&g, 0, sizeof g);
    g.press = -1;
    sp_ui_list_init(&g.list);
    int code = load_app(&g, opt);
    if (code != 0)
        return code;
    g.listen = opt ? opt->listen : NULL;
    g.phones_event = SDL_RegisterEvents(1);
    if (opt && opt->phones && g.app.group) {
        g.app.group->phones_on = 1;   /* without a network the room still votes by hand */
        sync_phones(&g);
    }
    if (open_window(&g, opt) != 0) {
        close_gui(&g);
        return EXIT_PLATFORM;
    }
    run_loop(&g);
    close_gui(&g);
    return 0;
}
