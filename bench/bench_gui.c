/* bench_gui.c: times one full conversation frame (layout + drawing) with SDL's software renderer at a given size. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_gui_common.h"
#include "gui/frame.h"

/*
 * usage: bench_gui W H FRAMES
 * Opens the intake case, plays two turns (so the screen holds a history of
 * lines and a choice), then renders the conversation screen FRAMES times into
 * a W x H surface. Prints the median and the fastest frame (the machine is
 * shared: the fastest is the frame nobody interrupted), the first (cold
 * cache) frame, and the median of layout and drawing on their own.
 * A frame is what the window does on every redraw: layout, then drawing the
 * list (sp_gui_frame_render); only SDL_RenderPresent is left out (there is
 * no window to show).
 */

/* CPU time of this process, not wall time: the machine is shared, and
 * what others run would otherwise land in our figures. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_gui W H FRAMES\n");
        return 2;
    }
    int w = atoi(argv[1]), h = atoi(argv[2]), frames = atoi(argv[3]);
    if (w < 320 || h < 240 || frames < 1) {
        fprintf(stderr, "bench_gui: bad size or frame count\n");
        return 2;
    }
    static bench_gui b;
    if (bench_gui_open(&b, "bench_gui", w, h) != 0)
        return 3;
    sp_ui_app_action(&b.app, SP_UI_ACT_BEGIN, 0);
    for (int turn = 0; turn < 2; turn++) {
        sp_ui_app_action(&b.app, SP_UI_ACT_CHOOSE, 0);
        if (b.app.overlay != SP_UI_OV_NONE)
            sp_ui_app_action(&b.app, SP_UI_ACT_CLOSE, 0);
    }
    if (b.app.screen != SP_UI_SCREEN_PLAY) {
        fprintf(stderr, "bench_gui: not on the conversation screen\n");
        return 1;
    }

    sp_ui_list list;
    sp_ui_list_init(&list);
    double *t = calloc((size_t)frames, sizeof *t);
    double first = 0;
    for (int i = 0; i < frames; i++) {
        double t0 = now_ms();
        sp_gui_frame_render(&b.app, b.text, b.draw, b.r, w, h, 1.0, &list);
        t[i] = now_ms() - t0;
        sp_gui_text_end_frame(b.text);
        if (i == 0)
            first = t[i];
    }
    int cmds = list.n_cmds;
    qsort(t, (size_t)frames, sizeof *t, cmp_double);
    double frame = t[frames / 2];

    /* The same frame in its two parts, to show where the time goes:
     * layout (fonts, display list) and drawing the list. */
    double *tl = calloc((size_t)frames, sizeof *tl), *td = calloc((size_t)frames, sizeof *td);
    for (int i = 0; i < frames; i++) {
        sp_ui_metrics m;
        double t0 = now_ms();
        sp_gui_frame_metrics(b.text, b.app.settings.text_size, 1.0, h, &m);
        sp_ui_app_build(&b.app, &m, w, h, &list);
        double t1 = now_ms();
        sp_gui_draw_list(b.draw, &list);
        double t2 = now_ms();
        sp_gui_text_end_frame(b.text);
        tl[i] = t1 - t0;
        td[i] = t2 - t1;
    }
    qsort(tl, (size_t)frames, sizeof *tl, cmp_double);
    qsort(td, (size_t)frames, sizeof *td, cmp_double);
    printf("frame_ms=%.3f min_ms=%.3f first_ms=%.3f layout_ms=%.3f draw_ms=%.3f frames=%d cmds=%d w=%d h=%d\n",
           frame, t[0], first, tl[frames / 2], td[frames / 2], frames, cmds, w, h);

    free(t);
    free(tl);
    free(td);
    sp_ui_list_free(&list);
    bench_gui_close(&b);
    return 0;
}
