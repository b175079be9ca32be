/*
 * fileio.c - reading whole input files.
 */
#include "fileio.h"
#include "errors_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wb__read_file(char **data, size_t *len, const char *path, wb_error *err)
{
    *data = NULL;
    *len = 0;
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL,
                             "cannot open '%s': %s", path,
                             errno ? strerror(errno) : "unknown reason");

    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return wb__error_set(err, WB_ENOMEM, path, 0, 0, NULL, "out of memory reading '%s'", path);
    }
    for (;;) {
        if (cap - n < 2) {
            if (cap >= WB__MAX_INPUT_BYTES) {
                free(buf);
                fclose(f);
                return wb__error_set(err, WB_EIO, path, 0, 0, NULL,
                                     "'%s' is larger than %zu bytes", path,
                                     (size_t)WB__MAX_INPUT_BYTES);
            }
            char *grown = realloc(buf, cap * 2);
            if (grown == NULL) {
                free(buf);
                fclose(f);
                return wb__error_set(err, WB_ENOMEM, path, 0, 0, NULL,
                                     "out of memory reading '%s'", path);
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        free(buf);
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL, "cannot read '%s': %s",
                             path, saved ? strerror(saved) : "read error");
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return WB_OK;
}
