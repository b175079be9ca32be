/*
 * privacy_cells.h - the privacy scan over many small texts (the cells of
 * a ledger), each placed by its caller.
 *
 * wb_privacy_scan makes match data and a findings list for each call: a
 * million rows of three text cells would make millions of each. Here the
 * match data and the hit list live in a scratch that is reused from one
 * text to the next, and each finding is handed to a function with its
 * byte offset, so that a text without findings allocates nothing. The
 * findings and masks are the same as wb_privacy_scan's.
 */
#ifndef WB_PRIVACY_CELLS_H
#define WB_PRIVACY_CELLS_H

#include <stddef.h>

#include "weibao/privacy.h"

typedef struct wb__privacy_scratch wb__privacy_scratch;

/* One finding, before its caller places it. The strings live until the
   function it was given to returns. */
typedef struct wb__privacy_finding {
    size_t offset;              /* bytes into the text where the data starts */
    wb_severity severity;
    const char *rule;           /* "privacy-phone" … */
    const char *en, *zh;        /* the message, the data masked */
} wb__privacy_finding;

/* Called with each finding in the order of the text; nonzero stops the
   scan and is returned. */
typedef int (*wb__privacy_fn)(const wb__privacy_finding *finding, void *payload);

/* A scratch for scans with s (its allocator), or NULL when memory ran
   out. One thread at a time; free it with wb__privacy_scratch_free. */
wb__privacy_scratch *wb__privacy_scratch_new(const wb_privacy_scanner *s);

/* Accepts NULL. Needs nothing of the scanner it was made for. */
void wb__privacy_scratch_free(wb__privacy_scratch *scratch);

/*
 * Scan len bytes of text (NULL only with len 0) as wb_privacy_scan does,
 * and call fn with each finding. Returns WB_OK, WB_ENOMEM, WB_ERROR (a
 * PCRE2 failure that is not a limit: never expected) or fn's value.
 */
int wb__privacy_scan_each(wb__privacy_scratch *scratch, const wb_privacy_scanner *s,
                          const char *text, size_t len, wb__privacy_fn fn, void *payload);

#endif
