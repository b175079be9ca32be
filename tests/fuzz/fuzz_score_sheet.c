/*
 * fuzz_score_sheet.c - a score sheet (CSV: 考核标准, 得分, 申报单位,
 * 佐证材料, 备注) from memory, checked on its own.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_error err;
    wb_diagnostics *findings = NULL;
    int rc = wb_dossier_check_sheet_buffer(&findings, (const char *)data, size, "scores.csv",
                                           &err);
    fuzz_failure(rc, &err);
    FUZZ_ASSERT(rc == WB_OK || rc == WB_ENOTFOUND || rc == WB_ENOMEM);
    fuzz_findings(findings);
    fuzz_findings_masked(findings);
    wb_diagnostics_free(findings);
    return 0;
}
