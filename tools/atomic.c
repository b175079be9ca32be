/*
 * atomic.c - writing an output file so that nothing is ever half written
 * and no input is overwritten.
 *
 * A regular file (or a new one) is written beside itself and renamed over
 * the target, so a reader sees the old file or the new one, never a part.
 * A link is followed: the file it points to is replaced, the link kept.
 * A FIFO or a character device (/dev/null, /dev/stdout, a pipe someone
 * reads) is a stream, not a file: it is written in place, never replaced
 * by a regular file. Anything else (a folder, a block device, a socket)
 * is refused.
 */
#define _XOPEN_SOURCE 700     /* realpath */
#include "lint.h"

#include <errno.h>
#include <fcntl.h>
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

/* Write all of data to fd; 0, or -1 with errno set. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

/* A FIFO or character device: written where it is. */
static int write_stream(const char *path, const char *data, size_t len)
{
    /* O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of
       waiting for ever; writes then block as usual. */
    int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd >= 0) {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    if (fd < 0 || write_all(fd, data, len) != 0) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        lint_fail("cannot write '%s': %s", path,
                  saved == ENXIO ? "a FIFO nobody is reading" : strerror(saved));
        return -1;
    }
    if (close(fd) != 0) {
        lint_fail("cannot write '%s': %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* Write a temporary file beside path, then rename it over path. */
static int write_replacing(const char *path, const char *data, size_t len)
{
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
    int failed = write_all(fd, data, len) != 0;
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

int lint_write_atomically(const char *path, const char *data, size_t len,
                          const char *input)
{
    if (input != NULL && lint_same_file(path, input)) {
        lint_fail("refusing to write over the input '%s'", input);
        return -1;
    }
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
            return write_stream(path, data, len);
        if (!S_ISREG(st.st_mode)) {
            lint_fail("cannot write '%s': %s", path,
                      S_ISDIR(st.st_mode) ? "it is a folder" : "it is not a regular file");
            return -1;
        }
        /* Through a link: replace the file it points to, keep the link. */
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            char *real = realpath(path, NULL);
            if (real == NULL) {
                lint_fail("cannot write '%s': %s", path, strerror(errno));
                return -1;
            }
            int rc = write_replacing(real, data, len);
            free(real);
            return rc;
        }
    }
    return write_replacing(path, data, len);
}
