/*
 * fuzz_check.c - a document of any kind checked from memory: its kind
 * recognised from its content, then checked as that kind. A dossier is
 * named as the example county's, so that its score sheet resolves to a
 * file of examples/dossier (only read).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_error err;
    wb_diagnostics *findings = NULL;
    wb_document_kind kind = WB_DOCUMENT_UNKNOWN;
    int rc = wb_check_buffer(&findings, &kind, (const char *)data, size,
                             WB_SOURCE_DIR "/examples/dossier/fuzz.xml", &err);
    fuzz_failure(rc, &err);
    FUZZ_ASSERT(wb_document_kind_name(kind) != NULL);
    fuzz_findings(findings);
    fuzz_findings_masked(findings);
    wb_diagnostics_free(findings);
    return 0;
}
