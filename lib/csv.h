/*
 * csv.h - a streaming reader for the CSV files a ledger comes in.
 *
 * Reads RFC 4180 CSV as Excel writes it, record by record, from a stream
 * or from memory, in UTF-8 (with or without a BOM) or GB18030, and hands
 * out every field as NUL-terminated UTF-8. The encoding is decided once,
 * from the first 64 KiB: GB18030 only when that start holds at least two
 * invalid UTF-8 sequences, more of them than valid multi-byte characters,
 * and fewer places where it fails as GB18030 than as UTF-8; else UTF-8,
 * so that a stray byte or a last character cut short in a UTF-8 file is
 * reported at its own line and column. CR, LF and CRLF each end a line.
 * Memory grows with the longest record (at most
 * 1 MiB of text), never with the number of records. The reader never
 * writes to or closes its input, never prints, and keeps no state outside
 * its own object, so separate readers may run on separate threads.
 */
#ifndef WB_CSV_H
#define WB_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "weibao/errors.h"

typedef struct wb__csv wb__csv;

/* The encodings a ledger CSV may come in. */
typedef enum wb__csv_encoding {
    WB__CSV_UTF8 = 0,      /* UTF-8 without BOM */
    WB__CSV_UTF8_BOM = 1,  /* UTF-8 with a BOM (Excel's "CSV UTF-8") */
    WB__CSV_GB18030 = 2    /* GB18030 (Excel's default "CSV" on Chinese Windows; GBK is a subset) */
} wb__csv_encoding;

/* The longest record, in bytes of UTF-8 text without its line end. */
#define WB__CSV_MAX_RECORD ((size_t)1 << 20)

/*
 * Read from a stream the caller opened for reading (the reader never
 * closes or writes it). `name` is used in error messages and must outlive
 * the reader. Reads the first chunk to detect the encoding, so it may
 * fail with WB_EIO, or WB_EPARSE for a UTF-16 or UTF-32 file; also
 * WB_EINVAL or WB_ENOMEM. *out is NULL on failure.
 */
int wb__csv_open_file(wb__csv **out, FILE *f, const char *name, wb_error *err);

/*
 * Read from memory (len bytes; need not be NUL-terminated). data and name
 * must outlive the reader. Fails as wb__csv_open_file does.
 */
int wb__csv_open_buffer(wb__csv **out, const char *data, size_t len,
                        const char *name, wb_error *err);

/*
 * The next record. Returns 1 and sets *fields (count entries, each a
 * NUL-terminated UTF-8 string, valid until the next call or free),
 * *count, and *line (the 1-based physical line where the record starts);
 * 0 at the end of input; or a negative status with err filled (source =
 * name, line = where the problem is, column when known): WB_EPARSE for
 * malformed CSV or bytes invalid in the detected encoding, WB_ENOMEM,
 * WB_EIO for a read error. After an error, further calls return the same
 * error.
 */
int wb__csv_next(wb__csv *csv, const char *const **fields, size_t *count,
                 int *line, wb_error *err);

/* Where a field's text starts in the file. */
typedef struct wb__csv_place {
    int line;       /* 1-based physical line */
    int column;     /* 1-based, in code points of the decoded text (GB18030 too); after
                       the opening quote of a quoted field; an empty field's is where
                       its text would be */
    int quoted;     /* 1: a quoted field, in whose text each '"' was written "" (two
                       columns) and each line end (CRLF, LF or CR) is one '\n' */
} wb__csv_place;

/*
 * Where field i of the record wb__csv_next last returned starts, so that
 * a place inside it can be told exactly: the text's '\n's are the line
 * breaks of the file, and a line after the first starts at column 1.
 * Returns WB_OK, or WB_EINVAL when there is no such field.
 */
int wb__csv_field_position(const wb__csv *csv, size_t i, wb__csv_place *out);

wb__csv_encoding wb__csv_encoding_of(const wb__csv *csv);

/* "UTF-8", "UTF-8 with BOM", "GB18030". */
const char *wb__csv_encoding_name(wb__csv_encoding e);

/* Accepts NULL. */
void wb__csv_free(wb__csv *csv);

#endif
