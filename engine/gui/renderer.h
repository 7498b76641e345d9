/* renderer.h: the window's renderer: the GPU's where there is one, else SDL's software renderer without a GL stack. */
#ifndef SP_GUI_RENDERER_H
#define SP_GUI_RENDERER_H

#include <SDL.h>

/* A renderer for win. With a GPU (a DRM device under /dev/dri), or when
 * the user names a driver in SDL_RENDER_DRIVER (e.g. opengl), the
 * accelerated one, with vsync; without a GPU, or with
 * SDL_RENDER_DRIVER=software, SDL's software renderer writing straight into
 * the window (on X11 a shared-memory image), so no GL library is loaded:
 * SDL would otherwise copy the software renderer's pixels through an OpenGL
 * texture, which on a machine without a GPU loads Mesa's llvmpipe and
 * libLLVM (about 60 MB of the window's memory) to draw in 2D.
 * SDL_FRAMEBUFFER_ACCELERATION in the environment still wins.
 * NULL on failure (SDL_GetError says why). */
SDL_Renderer *sp_gui_renderer_new(SDL_Window *win);

#endif
