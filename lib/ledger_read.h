/*
 * ledger_read.h - reading a ledger file row by row.
 */
#ifndef WB_LEDGER_READ_H
#define WB_LEDGER_READ_H

#include "ledger_internal.h"
#include "ledger_privacy.h"
#include "diagnostic_internal.h"

/* Called with each row, bad ones too (their bad cells marked in
   record->unreadable, a row without a key with text[0] NULL); nonzero
   stops the reading and is returned. */
typedef int (*wb__row_fn)(wb_record *record, void *payload);

/*
 * Read a ledger file, XML or CSV (told apart by the first character that
 * is not a BOM or a space: '<' is XML). kind NULL recognises the kind
 * from the XML root or the CSV header. Each bad row is a finding in
 * problems and is still passed on, marked; the reading goes on. A file that cannot
 * be read as a ledger at all returns WB_EIO, WB_EPARSE or WB_ESCHEMA
 * with err filled and the reason also in problems. *kind_read (when not
 * NULL) is the kind the file was read as, once known, even if it has no
 * row. The file is opened read-only. With scan (NULL: none), every text
 * cell of every row, bad rows' too, is scanned for personal data as it
 * is read, its findings added to problems before the row is passed on.
 */
int wb__ledger_read_file(const char *path, const wb_ledger_kind *kind, wb__row_fn fn,
                         void *payload, wb_diagnostics *problems, const wb__cell_scan *scan,
                         const wb_ledger_kind **kind_read, wb_error *err);

/* As wb__ledger_read_file, from len bytes of memory; name stands for the
   file in findings and must outlive the reading. */
int wb__ledger_read_buffer(const char *data, size_t len, const char *name,
                           const wb_ledger_kind *kind, wb__row_fn fn, void *payload,
                           wb_diagnostics *problems, const wb__cell_scan *scan,
                           const wb_ledger_kind **kind_read, wb_error *err);

#endif
