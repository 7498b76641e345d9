/* arena.h: bump allocator that owns everything a loaded handbook or scenario holds. */
#ifndef SP_ARENA_H
#define SP_ARENA_H

#include <stddef.h>

typedef struct sp_arena sp_arena;

sp_arena *sp_arena_new(void);
void sp_arena_free(sp_arena *a);                 /* releases every block at once */
/* Zeroed; NULL on OOM. Aligned for an object, or an array of objects, of
 * exactly size bytes (alignment divides size): not for a header followed
 * by a payload of another size. */
void *sp_arena_alloc(sp_arena *a, size_t size);
char *sp_arena_strdup(sp_arena *a, const char *s);
char *sp_arena_strndup(sp_arena *a, const char *s, size_t n);
size_t sp_arena_used(const sp_arena *a);         /* bytes handed out, for the benchmarks */

#endif
