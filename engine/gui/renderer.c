/* renderer.c: the window's renderer: the GPU's where there is one, else SDL's software renderer without a GL stack. */
#include "renderer.h"

#include <string.h>
#if defined(__linux__)
#include <dirent.h>
#endif

/* Whether the machine has a graphics device a GL driver could use. On
 * Linux that is a DRM node under /dev/dri; elsewhere SDL decides. */
static int gpu_present(void)
{
#if defined(__linux__)
    DIR *dir = opendir("/dev/dri");
    if (!dir)
        return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(dir)) != NULL)
        found = strncmp(e->d_name, "renderD", 7) == 0 || strncmp(e->d_name, "card", 4) == 0;
    closedir(dir);
    return found;
#else
    return 1;
#endif
}

/* Whether to try a GPU renderer first: the user's SDL_RENDER_DRIVER when
 * set (software or a named one, e.g. opengl), else whether there is a GPU. */
static int try_accelerated(void)
{
    const char *h = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (h && *h)
        return SDL_strcasecmp(h, "software") != 0;
    return gpu_present();
}

SDL_Renderer *sp_gui_renderer_new(SDL_Window *win)
{
    if (try_accelerated()) {
        SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (r)
            return r;
    }
    /* X11 has a window framebuffer of its own (MIT-SHM); other video
     * drivers may have none and keep SDL's default. */
    const char *video = SDL_GetCurrentVideoDriver();
    if (video && strcmp(video, "x11") == 0)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    return SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
}
