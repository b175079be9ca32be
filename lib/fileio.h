/*
 * fileio.h - reading whole input files.
 */
#ifndef WB_FILEIO_H
#define WB_FILEIO_H

#include <stddef.h>
#include "weibao/errors.h"

/* The largest file the library reads whole. */
#define WB__MAX_INPUT_BYTES ((size_t)1 << 30)

/*
 * Read a file into a malloc'd buffer (NUL-terminated; *len excludes the
 * NUL). Returns WB_OK, WB_EIO (err names the file and the reason) or
 * WB_ENOMEM. The file is opened read-only and never written.
 */
int wb__read_file(char **data, size_t *len, const char *path, wb_error *err);

#endif
