/*
 * weibao/fileio.h - reading input files as hostile input.
 *
 * Every file libweibao reads comes through here, and so can a caller's:
 *  - only a regular file is read: a FIFO, a device (/dev/zero, a tty), a
 *    socket or a folder is refused without blocking and without reading a
 *    byte;
 *  - its size is checked before anything is read, so a file over the limit
 *    costs nothing;
 *  - a file named by another file (a dossier's ledgers, score sheet and
 *    rule pack) stays inside the naming file's folder, after resolving
 *    links, unless the caller opts out (WB_PATH_ALLOW_OUTSIDE).
 *
 * Files are opened read-only and never written. Threading: no shared
 * state; safe from any thread.
 */
#ifndef WEIBAO_FILEIO_H
#define WEIBAO_FILEIO_H

#include <stddef.h>
#include <stdio.h>
#include <weibao/common.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

/** The largest file the library reads whole (1 GiB). @since 0.3 */
#define WB_FILE_MAX_BYTES ((size_t)1 << 30)

/**
 * Open a regular file for reading in binary mode. The open never blocks
 * (a FIFO with no writer is refused at once), and the size is checked
 * before a byte is read.
 * @param out       the stream, the caller's (fclose)
 * @param max_bytes refuse a larger file; 0 for no limit
 * @return WB_OK; WB_EIO when the file cannot be opened (err names the file
 *         and the system's reason), is not a regular file, or is larger
 *         than max_bytes (err says which); WB_EINVAL
 * @since 0.3
 */
WB_API int wb_file_open(FILE **out, const char *path, size_t max_bytes, wb_error *err);

/**
 * Read a whole regular file, as wb_file_open() opens it.
 * @param out  the bytes, NUL-terminated (the NUL is not counted in *len);
 *             the caller's, freed with wb_free()
 * @param max_bytes refuse a larger file (0: WB_FILE_MAX_BYTES)
 * @return WB_OK; WB_EIO (as wb_file_open(), or a read error); WB_ENOMEM;
 *         WB_EINVAL
 * @since 0.3
 */
WB_API int wb_file_read(char **out, size_t *len, const char *path, size_t max_bytes,
                        wb_error *err);

/** Flags of wb_path_resolve(). @since 0.3 */
typedef enum wb_path_flags {
    /** Allow a name outside the naming file's folder: an absolute path,
        a ".." that leaves it, a link that points out of it. */
    WB_PATH_ALLOW_OUTSIDE = 1u << 0
} wb_path_flags;

/**
 * Resolve a file name written inside another file (an href) against that
 * file's folder, and confine it there. The name must be relative and,
 * once every link is resolved, lie inside the folder of `base_file` (the
 * folder's own links resolved too). A name whose file does not exist yet
 * is confined by its nearest existing folder and must not climb with
 * "..". With WB_PATH_ALLOW_OUTSIDE, any name is joined and returned.
 * @param out  the path to open: the folder of base_file joined with href
 *             (not canonicalised, so messages keep the user's spelling);
 *             the caller's, freed with wb_free()
 * @param flags wb_path_flags
 * @return WB_OK; WB_ENOTFOUND when the name leaves the folder (err says
 *         where it leads, if it can); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_path_resolve(char **out, const char *base_file, const char *href,
                           unsigned flags, wb_error *err);

WB_END_DECLS

#endif /* WEIBAO_FILEIO_H */
