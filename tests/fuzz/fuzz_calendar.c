/*
 * fuzz_calendar.c - a calendar edition from memory: checked, loaded, and
 * a loaded one asked about every day it covers, its first, and a period.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wb_error err;
    wb_diagnostics *findings = NULL;
    int rc = wb_calendar_check_buffer(&findings, text, size, "fuzz.xml", &err);
    fuzz_failure(rc, &err);
    fuzz_findings(findings);
    wb_calendar *cal = NULL;
    rc = wb_calendar_load_buffer(&cal, text, size, "fuzz.xml", &err);
    fuzz_failure(rc, &err);
    /* What loads has no error (an overlay or a projection checks clean
       yet loads only on a calendar). */
    FUZZ_ASSERT(rc != WB_OK || wb_diagnostics_count_at_least(findings, WB_SEVERITY_ERROR) == 0);
    wb_diagnostics_free(findings);
    if (cal == NULL)
        return 0;
    wb_date first, last;
    FUZZ_ASSERT(wb_date_from_ymd(&first, wb_calendar_first_year(cal), 1, 1, NULL) == WB_OK);
    FUZZ_ASSERT(wb_date_from_ymd(&last, wb_calendar_last_year(cal), 12, 31, NULL) == WB_OK);
    /* Every covered day has a kind; counting back what was added gives n. */
    for (wb_date d = first; d.days <= last.days && d.days - first.days < 3 * 366; d.days += 17) {
        wb_day_info info;
        FUZZ_ASSERT(wb_calendar_day(&info, cal, d, &err) == WB_OK);
        wb_date to;
        rc = wb_calendar_add_workdays(&to, cal, d, 10, &err);
        fuzz_failure(rc, &err);
        int32_t back = 0;
        if (rc == WB_OK)
            FUZZ_ASSERT(wb_calendar_count_workdays(&back, cal, d, to, NULL) == WB_OK && back == 10);
        wb_deadline dl;
        rc = wb_period_end(&dl, cal, d, 1, WB_PERIOD_MONTHS, NULL, &err);
        fuzz_failure(rc, &err);
    }
    wb_calendar_free(cal);
    return 0;
}
