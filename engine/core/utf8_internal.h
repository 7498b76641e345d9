/* utf8_internal.h: core-internal: what well-formed UTF-8 is, for the XML byte checks and the transcript writer. */
#ifndef SP_UTF8_INTERNAL_H
#define SP_UTF8_INTERNAL_H

/* Not a public header: only files in engine/core include it (utf8.c). */

#include <stddef.h>

/* Length (1 to 4) of the well-formed UTF-8 sequence at s, of which avail
 * bytes may be read; 0 when the bytes there are not one (an overlong, a
 * surrogate, past U+10FFFF, a stray continuation byte) or it is cut off. */
int sp_utf8_len(const unsigned char *s, size_t avail);

#endif
