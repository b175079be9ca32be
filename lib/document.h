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
#include "xml.h"

/*
 * Read a parsed document of one kind: validate it against the kind's
 * schema and build it. Findings go to diags. When out is not NULL and the
 * document has no error, *out receives the object built. Returns WB_OK,
 * a status naming what stopped it (WB_ESCHEMA, WB_ECOVERAGE: a finding
 * says why), or WB_ENOMEM / WB_ERROR. Parsing is done once, by the caller.
 */
typedef int (*wb__document_reader)(void **out, wb_diagnostics *diags,
                                   const wb__xml_doc *doc, const void *context);

/*
 * Record a finding while building a document. `b` is the reader's builder:
 * any struct with `doc` (the wb__xml_doc), `diags` and an int `status` that
 * turns WB_ENOMEM when a finding cannot be kept. The two formats take the
 * same arguments, English then Chinese.
 */
#define WB__FINDING_AT(b, line, col, rule, en, zh, ...)                       \
    do {                                                                      \
        if (wb__diagnostics_add((b)->diags, (rule), (b)->doc->name, (line),   \
                                (col), (en), (zh), __VA_ARGS__) != WB_OK)     \
            (b)->status = WB_ENOMEM;                                          \
    } while (0)

/* As WB__FINDING_AT(), at the start tag of an element (or its attribute). */
#define WB__FINDING(b, node, rule, en, zh, ...)                               \
    do {                                                                      \
        int line_, col_;                                                      \
        wb__xml_position((b)->doc, (node), &line_, &col_);                    \
        WB__FINDING_AT(b, line_, col_, rule, en, zh, __VA_ARGS__);            \
    } while (0)

/* The readers of each kind (rubric.c, calendar.c), for wb_check_*. */
int wb__rubric_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                    const void *context);
int wb__calendar_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                      const void *context);
/* rules.c: a rule table, and a rule pack (context: the base set, or NULL
   for the built-in table). */
int wb__rules_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                   const void *context);
int wb__rule_pack_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                       const void *context);
/* dossier.c: a self-assessment dossier and its score sheet. */
int wb__dossier_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                     const void *context);

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
