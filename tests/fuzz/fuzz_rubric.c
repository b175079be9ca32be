/*
 * fuzz_rubric.c - a rubric edition from memory: checked, loaded, and a
 * loaded one's total and responsibility matrix.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wb_error err;
    wb_diagnostics *findings = NULL;
    int rc = wb_rubric_check_buffer(&findings, text, size, "fuzz.xml", &err);
    fuzz_failure(rc, &err);
    fuzz_findings(findings);
    wb_rubric *rubric = NULL;
    rc = wb_rubric_load_buffer(&rubric, text, size, "fuzz.xml", &err);
    fuzz_failure(rc, &err);
    /* What loads has no error. */
    FUZZ_ASSERT(rc != WB_OK || wb_diagnostics_count_at_least(findings, WB_SEVERITY_ERROR) == 0);
    wb_diagnostics_free(findings);
    if (rubric == NULL)
        return 0;
    int total = 0;
    for (size_t i = 0; i < wb_rubric_category_count(rubric); i++)
        total += wb_category_half_points(wb_rubric_category_at(rubric, i));
    FUZZ_ASSERT(total == wb_rubric_total_half_points(rubric));
    static const wb_report_format formats[] = { WB_REPORT_CSV, WB_REPORT_HTML };
    for (size_t f = 0; f < 2; f++) {
        char *out = NULL;
        rc = wb_report_responsibilities(&out, rubric, formats[f], WB_LANG_ZH, &err);
        FUZZ_ASSERT(rc == WB_OK || rc == WB_ENOMEM);
        wb_free(out);
    }
    wb_rubric_free(rubric);
    return 0;
}
