/*
 * fuzz_overlay.c - an overlay from memory stacked on the built-in
 * calendar, and the stacked calendar asked about a year of its days.
 */
#include "fuzz.h"

static wb_calendar *base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    fuzz_setup(wb_calendar_open_default(&base, &err), &err);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wb_error err;
    wb_calendar *cal = NULL;
    int rc = wb_calendar_stack_buffer(&cal, base, (const char *)data, size, "fuzz.xml", &err);
    fuzz_failure(rc, &err);
    if (cal == NULL)
        return 0;
    FUZZ_ASSERT(wb_calendar_first_year(cal) == wb_calendar_first_year(base));
    FUZZ_ASSERT(wb_calendar_last_year(cal) == wb_calendar_last_year(base));
    wb_date d;
    FUZZ_ASSERT(wb_date_from_ymd(&d, 2025, 1, 1, NULL) == WB_OK);
    for (int i = 0; i < 365; i++, d.days++) {
        wb_day_info info;
        FUZZ_ASSERT(wb_calendar_day(&info, cal, d, &err) == WB_OK);
        FUZZ_ASSERT(info.is_workday == wb_calendar_is_workday(cal, d, NULL));
    }
    wb_calendar_free(cal);
    return 0;
}
