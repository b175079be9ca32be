/*
 * fuzz_notice.c - the text of a holiday notice imported as a calendar
 * edition. An edition is written exactly when no finding is an error,
 * and it loads at once.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_error err;
    char *xml = NULL;
    wb_diagnostics *findings = NULL;
    int rc = wb_calendar_import_notice(&xml, &findings, (const char *)data, size, "fuzz.txt", &err);
    fuzz_failure(rc, &err);
    if (rc != WB_OK)
        return 0;
    fuzz_findings(findings);
    FUZZ_ASSERT((xml != NULL) == (wb_diagnostics_count_at_least(findings, WB_SEVERITY_ERROR) == 0));
    wb_diagnostics_free(findings);
    if (xml != NULL) {
        wb_calendar *cal = NULL;
        rc = wb_calendar_load_buffer(&cal, xml, strlen(xml), "imported.xml", &err);
        if (rc != WB_OK)
            fprintf(stderr, "the imported edition does not load: %s\n", err.message);
        FUZZ_ASSERT(rc == WB_OK || rc == WB_ENOMEM);
        wb_calendar_free(cal);
        wb_free(xml);
    }
    return 0;
}
