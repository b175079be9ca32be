/*
 * document.h - what loading and checking a document means, for every kind.
 *
 * Each kind (rubric, calendar) supplies one reader: parse, validate and
 * build, with every finding in a list. These functions turn a reader into
 * the public calls: a load that fails on the first error with its place
 * in err, and a check that returns every finding.
 */
#ifndef WB_DOCUMENT_H
#define WB_DOCUMENT_H

#include <stddef.h>

#include "diagnostic_internal.h"

/*
 * Read a document. Findings go to diags. When out is not NULL and the
 * document has no error, *out receives the object built. Returns WB_OK,
 * a status naming what stopped it (WB_EPARSE, WB_ESCHEMA, WB_ECOVERAGE:
 * a finding says why), or WB_ENOMEM / WB_ERROR.
 */
typedef int (*wb__document_reader)(void **out, wb_diagnostics *diags,
                                   const char *data, size_t len,
                                   const char *name, const void *context);

/* Load from memory: the first error finding fills err. */
int wb__document_load(void **out, wb__document_reader read, const void *context,
                      const char *data, size_t len, const char *name,
                      wb_error *err);

/* Load a file (WB_EIO when it cannot be read). */
int wb__document_load_file(void **out, wb__document_reader read,
                           const void *context, const char *path, wb_error *err);

/* Check from memory: WB_OK with every finding in *out. */
int wb__document_check(wb_diagnostics **out, wb__document_reader read,
                       const void *context, const char *data, size_t len,
                       const char *name, wb_error *err);

/* Check a file. */
int wb__document_check_file(wb_diagnostics **out, wb__document_reader read,
                            const void *context, const char *path, wb_error *err);

#endif
