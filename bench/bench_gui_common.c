/* bench_gui_common.c: the window benches' one set-up (see bench_gui_common.h). */
#include "bench_gui_common.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int64_t fixed_clock(void *ctx)
{
    (void)ctx;
    return 1700000000;
}

int bench_gui_open(bench_gui *b, const char *who, int w, int h)
{
    char err[256];
    if (TTF_Init() != 0) {
        fprintf(stderr, "%s: TTF_Init: %s\n", who, TTF_GetError());
        return -1;
    }
    b->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    b->r = b->surf ? SDL_CreateSoftwareRenderer(b->surf) : NULL;
    if (!b->r) {
        fprintf(stderr, "%s: software renderer: %s\n", who, SDL_GetError());
        return -1;
    }
    if (!(b->text = sp_gui_text_new(NULL, err, sizeof err)) || !(b->draw = sp_gui_draw_new(b->r, b->text))) {
        fprintf(stderr, "%s: %s\n", who, b->text ? "cannot make the drawing layer" : err);
        return -1;
    }
    snprintf(b->tmp, sizeof b->tmp, "/tmp/sp-bench-gui-XXXXXX");
    if (!mkdtemp(b->tmp)) {
        perror(who);
        return -1;
    }
    snprintf(b->settings, sizeof b->settings, "%s/settings.ini", b->tmp);
    sp_ui_app_init(&b->app, b->settings, b->tmp);
    b->app.clock = fixed_clock;
    sp_diag *d = sp_diag_new();
    int ok = d && sp_ui_app_load(&b->app, d) == SP_OK && sp_ui_app_open(&b->app, "intake", d) == SP_OK;
    for (int i = 0; d && i < sp_diag_count(d); i++)
        fprintf(stderr, "%s: %s\n", who, sp_diag_message(d, i));
    sp_diag_free(d);
    return ok ? 0 : -1;
}

void bench_gui_close(bench_gui *b)
{
    sp_ui_app_free(&b->app);
    sp_gui_draw_free(b->draw);
    sp_gui_text_free(b->text);
    SDL_DestroyRenderer(b->r);
    SDL_FreeSurface(b->surf);
    TTF_Quit();
    SDL_Quit();
    unlink(b->settings);
    rmdir(b->tmp);
}
