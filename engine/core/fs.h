/* fs.h: file reading with a size cap, atomic writes, content hashes and the XDG data/config paths. */
#ifndef SP_FS_H
#define SP_FS_H

#include <stddef.h>
#include <stdint.h>
#include "diag.h"

/* Reads a whole file into a malloc'd, NUL-terminated buffer. A file larger
 * than max bytes is refused with "path: file is larger than N bytes". */
sp_status sp_fs_read(const char *path, size_t max, char **out, size_t *len, sp_diag *d);

/* Writes data to path atomically: a temp file beside it, fsync, rename,
 * fsync of the directory. On any failure the old file is untouched. */
sp_status sp_fs_write_atomic(const char *path, const void *data, size_t len, sp_diag *d);

/* mkdir -p; 0755. */
sp_status sp_fs_mkdirs(const char *path, sp_diag *d);

/* FNV-1a 64 over a buffer. */
uint64_t sp_fs_hash(const void *data, size_t len);

/* $XDG_DATA_HOME/samenspel (default ~/.local/share/samenspel) and
 * $XDG_CONFIG_HOME/samenspel (default ~/.config/samenspel), written into buf.
 * Return SP_EIO when neither the variable nor HOME is set. Not created. */
sp_status sp_fs_data_dir(char *buf, size_t len);
sp_status sp_fs_config_dir(char *buf, size_t len);

#endif
