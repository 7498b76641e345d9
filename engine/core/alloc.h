/* alloc.h: the core's one allocation hook (in the manner of Lua's lua_Alloc) and the sp_malloc family built on it. */
#ifndef SP_ALLOC_H
#define SP_ALLOC_H

#include <stddef.h>

/* Every block the core allocates, and every block libxml2 allocates once
 * sp_xml_init() has run, comes from one function:
 *
 *   ptr == NULL, size > 0   a new block of size bytes (as malloc)
 *   ptr != NULL, size > 0   ptr's block resized to size bytes (as realloc);
 *                           on failure NULL, and ptr's block is left as it was
 *   size == 0               ptr's block released (as free; ptr may be NULL);
 *                           returns NULL
 *
 * A NULL return for size > 0 means out of memory, and the core reports
 * SP_ENOMEM with a message that says so. ud is the pointer given to
 * sp_alloc_set. The default (and the hook after sp_alloc_set(NULL, NULL))
 * is libc's malloc/realloc/free, so blocks the core hands to a host may
 * be released with free() as long as no other hook is set; with another
 * hook, release them with sp_free.
 *
 * Set a hook before anything allocates (first thing in main), and keep it
 * for the life of the process: a block must go back to the hook that made
 * it. The hook is process-wide and not guarded by a lock: it must be safe
 * to call from any thread the program allocates on. The tests use it to
 * count live blocks and to fail the Nth allocation (tests/unit/test_alloc.c). */
typedef void *(*sp_alloc_fn)(void *ud, void *ptr, size_t size);

void sp_alloc_set(sp_alloc_fn fn, void *ud);
void sp_alloc_get(sp_alloc_fn *fn, void **ud);

/* As their libc namesakes, through the hook. A request for 0 bytes asks
 * the hook for 1, so NULL always means out of memory. sp_calloc returns
 * NULL when n * size overflows; sp_realloc leaves ptr's block intact on
 * failure. sp_strndup copies at most n bytes and always terminates. */
void *sp_malloc(size_t size);
void *sp_calloc(size_t n, size_t size);
void *sp_realloc(void *ptr, size_t size);
void sp_free(void *ptr);
char *sp_strdup(const char *s);
char *sp_strndup(const char *s, size_t n);
/* sp_free on each of n blocks, in order: a destructor lists what its
 * object owns, itself last, in one array. */
void sp_free_blocks(void *const *blocks, size_t n);
#define SP_FREE_BLOCKS(...) \
    sp_free_blocks((void *const[]){ __VA_ARGS__ }, sizeof((void *const[]){ __VA_ARGS__ }) / sizeof(void *))

/* How many allocations have been refused (NULL returned) in this process.
 * libxml2 may report a refused allocation as some other error (a syntax
 * error, an unreadable schema): the XML layer compares this before and
 * after a parse to say "out of memory" when that was the cause. */
unsigned long sp_alloc_failures(void);

/* Sends libxml2's allocations (xmlMalloc, xmlRealloc, xmlFree,
 * xmlMemStrdup) through the hook. Called once by sp_xml_init() before
 * xmlInitParser(), so libxml2 has allocated nothing yet. */
void sp_alloc_route_libxml2(void);

#endif
