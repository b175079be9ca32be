/*
 * ledger_privacy.h - the privacy scan of a ledger's free-text cells.
 *
 * Text columns (WB_FIELD_TEXT, the key included) are free text: a clerk
 * may type a child's phone or identity number into a unit's or a topic's
 * cell. Name and identity-number columns are the ledger's own personal
 * data and are never scanned. Each finding becomes a problem placed
 * where the data starts in the file.
 */
#ifndef WB_LEDGER_PRIVACY_H
#define WB_LEDGER_PRIVACY_H

#include "diagnostic_internal.h"
#include "ledger_internal.h"
#include "privacy_cells.h"

/* A scanner and the scratch its scans reuse (one thread at a time). */
typedef struct wb__cell_scan {
    const wb_privacy_scanner *scanner;
    wb__privacy_scratch *scratch;
} wb__cell_scan;

/* How a cell's text relates to the file, to place what is found in it. */
typedef enum wb__cell_form {
    WB__CELL_UNPLACED = 0,  /* every finding at line, column 0 (an API record; an XML
                               tag the parser no longer holds) */
    WB__CELL_CSV = 1,       /* the text as written but for quoting: its '\n's are the
                               file's line breaks, and in a quoted field each '"'
                               was written "" (two columns) */
    WB__CELL_XML = 2        /* an attribute value: raw holds it as written (entity
                               and character references, line breaks the parser
                               turned into spaces) */
} wb__cell_form;

typedef struct wb__cell_place wb__cell_place;

struct wb__cell_place {
    wb__cell_form form;
    const char *file;           /* NULL: "<record>" */
    int line, column;           /* where the text's first character is; column 0:
                                   not known (columns become known after a line break) */
    int quoted;                 /* CSV: a quoted field */
    const char *raw;            /* XML: the value as written, raw_len bytes */
    size_t raw_len;
    int fallback_line;          /* XML: the place when raw and text part ways (column 0) */
    const char *key;            /* an API record's key, named (masked) in the message;
                                   NULL for a file's rows */
    /* NULL, or called on a copy of the place at the first finding, to
       fill in what is costly to find out (an XML value as written): most
       cells have no finding. */
    void (*resolve)(wb__cell_place *place, void *payload);
    void *resolve_payload;
};

/* Whether a column is free text the scan reads. */
static inline int wb__field_is_free_text(const wb_ledger_kind *kind, size_t field)
{
    return field < kind->field_count && kind->fields[field].type == WB_FIELD_TEXT;
}

/*
 * Scan len bytes of a cell of column `field` and add each finding to
 * problems, at its place, its message naming the column. Returns WB_OK,
 * WB_ENOMEM or WB_ERROR (PCRE2 failed other than on a limit).
 */
int wb__scan_cell(const wb__cell_scan *scan, wb_diagnostics *problems,
                  const wb_ledger_kind *kind, size_t field, const char *text, size_t len,
                  const wb__cell_place *place);

#endif
