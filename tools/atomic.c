/*
 * atomic.c - writing an output file so that nothing is ever half written
 * and no input is overwritten.
 */
#define _POSIX_C_SOURCE 200809L
#include "lint.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The same file, by device and inode (so ./a.txt and a.txt match too). */
int lint_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int lint_write_atomically(const char *path, const char *data, size_t len,
                          const char *input)
{
    if (input != NULL && lint_same_file(path, input)) {
        lint_fail("refusing to write over the input '%s'", input);
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + sizeof(".tmp.XXXXXX"));
    if (tmp == NULL) {
        lint_fail("out of memory");
        return -1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
    int fd = mkstemp(tmp);
    if (fd < 0) {
        lint_fail("cannot create a file beside '%s': %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    const char *p = data;
    size_t left = len;
    int failed = 0;
    while (left > 0 && !failed) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            failed = 1;
        else {
            p += w;
            left -= (size_t)w;
        }
    }
    /* Readable like any file the user creates (mkstemp makes it 0600). */
    mode_t mask = umask(0);
    umask(mask);
    if (!failed && (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0))
        failed = 1;
    int saved = errno;
    if (close(fd) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed && rename(tmp, path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        unlink(tmp);
        lint_fail("cannot write '%s': %s", path, strerror(saved));
    }
    free(tmp);
    return failed ? -1 : 0;
}
