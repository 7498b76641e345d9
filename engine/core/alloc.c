/* alloc.c: the core's allocation hook (libc by default) and the sp_malloc family that calls it. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

static void *libc_alloc(void *ud, void *ptr, size_t size)
{
    (void)ud;
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, size);
}

static sp_alloc_fn hook = libc_alloc;
static void *hook_ud;
static unsigned long failures;

/* The hook, counting refusals. */
static void *call(void *ptr, size_t size)
{
    void *p = hook(hook_ud, ptr, size);
    if (!p)
        failures++;
    return p;
}

unsigned long sp_alloc_failures(void)
{
    return failures;
}

void sp_alloc_set(sp_alloc_fn fn, void *ud)
{
    hook = fn ? fn : libc_alloc;
    hook_ud = fn ? ud : NULL;
}

void sp_alloc_get(sp_alloc_fn *fn, void **ud)
{
    *fn = hook;
    *ud = hook_ud;
}

void *sp_malloc(size_t size)
{
    return call(NULL, size ? size : 1);
}

void *sp_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        failures++;
        return NULL;
    }
    size_t total = n * size;
    void *p = call(NULL, total ? total : 1);
    if (p)
        memset(p, 0, total ? total : 1);
    return p;
}

void *sp_realloc(void *ptr, size_t size)
{
    return call(ptr, size ? size : 1);
}

void sp_free(void *ptr)
{
    if (ptr)
        hook(hook_ud, ptr, 0);
}

void sp_free_blocks(void *const *blocks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sp_free(blocks[i]);
}

char *sp_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = call(NULL, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

char *sp_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = call(NULL, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

static char *xml_strdup(const char *s)
{
    return sp_strdup(s);
}

void sp_alloc_route_libxml2(void)
{
    xmlMemSetup(sp_free, sp_malloc, sp_realloc, xml_strdup);
}
