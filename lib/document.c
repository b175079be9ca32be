/*
 * document.c - loading and checking, the same for every document kind.
 */
#include "document.h"

#include <stdlib.h>

#include "errors_internal.h"
#include "weibao/fileio.h"

/* Parse once, then let the kind's reader validate and build. */
static int parse_and_read(void **out, wb__document_reader read, const void *context,
                          const char *data, size_t len, const char *name,
                          wb_diagnostics *diags)
{
    wb__xml_doc doc;
    int rc = wb__xml_parse(&doc, data, len, name, diags);
    if (rc == WB_OK)
        rc = read(out, diags, &doc, context);
    wb__xml_dispose(&doc);
    return rc;
}

int wb__document_load(void **out, wb__document_reader read, const void *context,
                      const char *data, size_t len, const char *name,
                      wb_error *err)
{
    wb_diagnostics *diags = wb__diagnostics_new();
    if (diags == NULL)
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "out of memory");
    int rc = parse_and_read(out, read, context, data, len, name, diags);
    if (rc != WB_OK)
        wb__diagnostics_fail(diags, rc, name, err);
    wb_diagnostics_free(diags);
    return rc;
}

int wb__document_check(wb_diagnostics **out, wb__document_reader read,
                       const void *context, const char *data, size_t len,
                       const char *name, wb_error *err)
{
    wb_diagnostics *diags = wb__diagnostics_new();
    if (diags == NULL)
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "out of memory");
    int rc = parse_and_read(NULL, read, context, data, len, name, diags);
    if (rc == WB_ENOMEM || rc == WB_ERROR) {
        wb_diagnostics_free(diags);
        return wb__error_set(err, rc, name, 0, 0, NULL, "cannot check '%s': %s",
                             name, wb_strerror(rc));
    }
    *out = diags;
    return WB_OK;
}

/* Read a file whole, then load it (out_object) or check it (out_findings). */
static int from_file(void **out_object, wb_diagnostics **out_findings,
                     wb__document_reader read, const void *context,
                     const char *path, wb_error *err)
{
    char *data;
    size_t len;
    int rc = wb_file_read(&data, &len, path, 0, err);
    if (rc != WB_OK)
        return rc;
    rc = out_findings != NULL
             ? wb__document_check(out_findings, read, context, data, len, path, err)
             : wb__document_load(out_object, read, context, data, len, path, err);
    free(data);
    return rc;
}

int wb__document_load_file(void **out, wb__document_reader read,
                           const void *context, const char *path, wb_error *err)
{
    return from_file(out, NULL, read, context, path, err);
}

int wb__document_check_file(wb_diagnostics **out, wb__document_reader read,
                            const void *context, const char *path, wb_error *err)
{
    return from_file(NULL, out, read, context, path, err);
}
