/*
 * fuzz_date.c - a date in any of its text forms (2026-02-10, 2026年2月10日,
 * ２０２６年２月１０日, 二〇二六年二月十日). A date read is written back in
 * both forms and read again as itself; on the built-in calendar, the
 * working days counted back from one added give what was added.
 */
#include "fuzz.h"

static wb_calendar *calendar;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    fuzz_setup(wb_calendar_open_default(&calendar, &err), &err);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)     /* a date is short; longer texts only repeat the same paths */
        return 0;
    char *text = fuzz_string(data, size);
    wb_error err;
    wb_date date;
    int rc = wb_date_parse(&date, text, &err);
    fuzz_failure(rc, &err);
    free(text);
    if (rc != WB_OK)
        return 0;
    FUZZ_ASSERT(wb_date_is_valid(date));
    char iso[WB_DATE_STRLEN], zh[WB_DATE_CHINESE_STRLEN];
    wb_date again;
    FUZZ_ASSERT(wb_date_format(iso, date) == WB_OK);
    FUZZ_ASSERT(wb_date_parse(&again, iso, NULL) == WB_OK && again.days == date.days);
    FUZZ_ASSERT(wb_date_format_chinese(zh, date) == WB_OK);
    FUZZ_ASSERT(wb_date_parse(&again, zh, NULL) == WB_OK && again.days == date.days);
    int32_t n = (int32_t)(size % 61) - 30;
    wb_date to;
    rc = wb_calendar_add_workdays(&to, calendar, date, n, &err);
    fuzz_failure(rc, &err);
    int32_t back = 0;
    if (rc == WB_OK)
        FUZZ_ASSERT(wb_calendar_count_workdays(&back, calendar, date, to, NULL) == WB_OK &&
                    back == n);
    for (int unit = WB_PERIOD_DAYS; unit <= WB_PERIOD_WORKDAYS; unit++) {
        wb_deadline deadline;
        rc = wb_period_end(&deadline, calendar, date, (int32_t)size, (wb_period_unit)unit, NULL,
                           &err);
        fuzz_failure(rc, &err);
        if (rc == WB_OK)
            FUZZ_ASSERT(deadline.end.days >= deadline.nominal_end.days);
    }
    return 0;
}
