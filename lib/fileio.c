/*
 * fileio.c - opening, reading and naming input files as hostile input.
 *
 * The open is O_NONBLOCK so that a FIFO without a writer cannot stall us
 * before fstat() says what the file is; only then is the file read, and
 * only when it is regular and not over the limit. Confinement compares
 * canonical paths (realpath: every link resolved) component-wise, so that
 * "/data/county2" is not taken to be inside "/data/county".
 */
#define _XOPEN_SOURCE 700     /* realpath */
#include "weibao/fileio.h"
#include "errors_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "a special file";
}

int wb_file_open(FILE **out, const char *path, size_t max_bytes, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_file_open", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_file_open", "path");
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL, "cannot open '%s': %s",
                             path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL, "cannot read '%s': %s",
                             path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL,
                             "'%s' is %s, not a regular file: only regular files are read",
                             path, kind_of(st.st_mode));
    }
    if (max_bytes > 0 && (unsigned long long)st.st_size > (unsigned long long)max_bytes) {
        close(fd);
        return wb__error_set(err, WB_EIO, path, 0, 0, NULL,
                             "'%s' is %lld bytes, more than the %zu this input may have",
                             path, (long long)st.st_size, max_bytes);
    }
    /* Reads block again as usual: a regular file never waits anyway. */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (f == NULL) {
        int saved = errno;
        close(fd);
        return wb__error_set(err, saved == ENOMEM ? WB_ENOMEM : WB_EIO, path, 0, 0, NULL,
                             "cannot open '%s': %s", path, strerror(saved));
    }
    *out = f;
    return WB_OK;
}

int wb_file_read(char **out, size_t *len, const char *path, size_t max_bytes, wb_error *err)
{
    if (out == NULL || len == NULL)
        return wb__error_arg(err, "wb_file_read", out == NULL ? "out" : "len");
    *out = NULL;
    *len = 0;
    if (max_bytes == 0)
        max_bytes = WB_FILE_MAX_BYTES;
    FILE *f;
    int rc = wb_file_open(&f, path, max_bytes, err);
    if (rc != WB_OK)
        return rc;
    /* The size said by fstat is a hint: the file may grow or shrink while
       it is read, so the limit is kept while reading too. */
    struct stat st;
    size_t cap = 65536;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && (size_t)st.st_size < max_bytes)
        cap = (size_t)st.st_size + 1;
    size_t n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return wb__error_set(err, WB_ENOMEM, path, 0, 0, NULL, "out of memory reading '%s'", path);
    }
    for (;;) {
        if (cap - n < 2) {
            if (cap > max_bytes) {
                free(buf);
                fclose(f);
                return wb__error_set(err, WB_EIO, path, 0, 0, NULL,
                                     "'%s' grew past the %zu bytes this input may have",
                                     path, max_bytes);
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
    *out = buf;
    *len = n;
    return WB_OK;
}

/* ------------------------------------------------------------ naming */

/* Is `path` (canonical) the folder `dir` (canonical) or below it? */
static int is_inside(const char *dir, const char *path)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return path[0] == '/';
    return strncmp(dir, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Does the relative name climb with ".." above where it starts? */
static int climbs(const char *name)
{
    long depth = 0;
    for (const char *p = name; *p != '\0';) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return 1;
        } else if (len > 0 && !(len == 1 && p[0] == '.'))
            depth++;
        p += len;
        while (*p == '/')
            p++;
    }
    return 0;
}

/* The canonical form of `joined`, or of its nearest existing ancestor
   (*rest: the part that does not exist yet). NULL with errno set when
   even the first folder cannot be resolved. malloc'd. */
static char *canonical_prefix(const char *joined, const char **rest)
{
    size_t n = strlen(joined);
    char *tmp = malloc(n + 1);
    if (tmp == NULL) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(tmp, joined, n + 1);
    *rest = joined + n;
    for (;;) {
        char *real = realpath(tmp, NULL);
        if (real != NULL || errno != ENOENT) {
            free(tmp);
            return real;
        }
        char *slash = strrchr(tmp, '/');
        if (slash == NULL) {
            /* A name in the current folder that does not exist. */
            free(tmp);
            *rest = joined;
            return realpath(".", NULL);
        }
        *rest = joined + (slash - tmp) + 1;
        if (slash == tmp)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
}

int wb_path_resolve(char **out, const char *base_file, const char *href, unsigned flags,
                    wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_path_resolve", "out");
    *out = NULL;
    if (base_file == NULL || href == NULL)
        return wb__error_arg(err, "wb_path_resolve", base_file == NULL ? "base_file" : "href");

    /* The folder of base_file, as the caller spells it ("" for the
       current folder). */
    const char *slash = strrchr(base_file, '/');
    size_t dir_len = slash ? (size_t)(slash - base_file) + 1 : 0;
    int absolute = href[0] == '/';
    size_t n = strlen(href);
    char *joined = malloc((absolute ? 0 : dir_len) + n + 1);
    if (joined == NULL)
        return wb__error_set(err, WB_ENOMEM, base_file, 0, 0, NULL, "out of memory");
    size_t at = 0;
    if (!absolute) {
        memcpy(joined, base_file, dir_len);
        at = dir_len;
    }
    memcpy(joined + at, href, n + 1);
    if (flags & WB_PATH_ALLOW_OUTSIDE) {
        *out = joined;
        return WB_OK;
    }

    const char *why = NULL;
    char *folder = NULL, *real = NULL;
    const char *rest = "";
    if (absolute)
        why = "an absolute path";
    else if (n == 0)
        why = "an empty name";
    else if (climbs(href))
        why = "a name that climbs out with '..'";
    else {
        char *dir = malloc(dir_len + 2);
        if (dir == NULL) {
            free(joined);
            return wb__error_set(err, WB_ENOMEM, base_file, 0, 0, NULL, "out of memory");
        }
        memcpy(dir, base_file, dir_len);
        memcpy(dir + dir_len, dir_len ? "" : ".", dir_len ? 1 : 2);
        errno = 0;
        folder = realpath(dir, NULL);
        free(dir);
        real = folder ? canonical_prefix(joined, &rest) : NULL;
        if ((folder == NULL || real == NULL) && errno == ENOMEM) {
            free(folder);
            free(joined);
            return wb__error_set(err, WB_ENOMEM, base_file, 0, 0, NULL, "out of memory");
        }
        if (folder == NULL) {
            /* The naming file's folder cannot be reached (gone, not
               searchable): nothing can be opened through it either, and
               the name does not climb out of it, so the name stands and
               its open will say why it fails. */
        } else if (real == NULL)
            why = "a name whose folder cannot be resolved";
        else if (!is_inside(folder, real))
            why = "a link that leads out of the folder";
        else if (climbs(rest))
            why = "a name that climbs out with '..'";
    }
    int rc = WB_OK;
    if (why != NULL) {
        if (real != NULL && !is_inside(folder, real))     /* real implies folder */
            rc = wb__error_set(err, WB_EDENIED, base_file, 0, 0, NULL,
                               "'%s' is outside the folder of '%s' (%s, to '%s'); "
                               "files it names must stay in its folder", href,
                               base_file, why, real);
        else
            rc = wb__error_set(err, WB_EDENIED, base_file, 0, 0, NULL,
                               "'%s' is outside the folder of '%s' (%s); "
                               "files it names must stay in its folder", href, base_file, why);
        free(joined);
    } else
        *out = joined;
    free(folder);
    free(real);
    return rc;
}
