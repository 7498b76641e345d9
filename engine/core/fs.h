/* fs.h: regular-file checks, file reading with a size cap, atomic writes, content hashes and the XDG data/config paths. */
#ifndef SP_FS_H
#define SP_FS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include "diag.h"

/* Opens path for reading only when it is a regular file: opened with
 * O_NONBLOCK (a FIFO cannot block) and checked with fstat, so a FIFO, a
 * device, a directory or a dangling symlink gets "path: is a FIFO ..., not a
 * regular file" in d instead of a hang. Returns the fd (blocking again), or
 * -1. st (may be NULL) receives the fstat. Every reader of samenspel uses it. */
int sp_fs_open_regular(const char *path, struct stat *st, sp_diag *d);
/* The same as a stdio stream. */
FILE *sp_fs_fopen_regular(const char *path, sp_diag *d);
/* "een map", "een FIFO (named pipe)", "een tekenapparaat", ...: a Dutch
 * msgid, put in a language with sp_translate or sp_diag_tr. */
const char *sp_fs_kind_name(mode_t mode);

/* Where a write to path lands, in out: path itself when it is absent or a
 * regular file; the file a symbolic link points to (so the link is kept);
 * an error for a directory, FIFO, device, socket or a dangling link. */
sp_status sp_fs_write_target(const char *path, char *out, size_t len, sp_diag *d);

/* Reads a whole file into a malloc'd, NUL-terminated buffer. A file larger
 * than max bytes is refused with "path: file is larger than N bytes". */
sp_status sp_fs_read(const char *path, size_t max, char **out, size_t *len, sp_diag *d);

/* Reads the file as sp_fs_read does and hands its bytes to
 * parse(path, data, len, ctx, d), then frees them: the one way a loader
 * reads a whole file and parses it. Returns sp_fs_read's error, else what
 * parse returns. */
typedef sp_status (*sp_fs_parser)(const char *path, const char *data, size_t len, void *ctx, sp_diag *d);
sp_status sp_fs_read_with(const char *path, size_t max, sp_fs_parser parse, void *ctx, sp_diag *d);

/* Writes data to path atomically: a temp file beside it, fsync, rename,
 * fsync of the directory. On any failure the old file is untouched. A
 * symbolic link at path is followed (sp_fs_write_target): the file it points
 * to is replaced and the link stays. */
sp_status sp_fs_write_atomic(const char *path, const void *data, size_t len, sp_diag *d);

/* mkdir -p; 0755. */
sp_status sp_fs_mkdirs(const char *path, sp_diag *d);

/* CRC-32 (IEEE 802.3, as zlib's crc32) over a buffer. */
uint32_t sp_fs_crc32(const void *data, size_t len);

/* FNV-1a 64 over a buffer. */
uint64_t sp_fs_hash(const void *data, size_t len);

/* $XDG_DATA_HOME/samenspel (default ~/.local/share/samenspel) and
 * $XDG_CONFIG_HOME/samenspel (default ~/.config/samenspel), written into buf.
 * Return SP_EIO when neither the variable nor HOME is set to an absolute
 * path (a relative one is ignored), SP_EUSAGE when the path does not fit.
 * Not created. */
sp_status sp_fs_data_dir(char *buf, size_t len);
sp_status sp_fs_config_dir(char *buf, size_t len);
/* What went wrong, for a status of sp_fs_data_dir, as one sentence (a
 * Dutch msgid, put in a language with sp_translate or sp_diag_tr). */
const char *sp_fs_data_dir_problem(sp_status st);

#endif
