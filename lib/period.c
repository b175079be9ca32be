/*
 * period.c - the last day of a period, by the Civil Code.
 *
 * Arts. 201–202 fix the nominal last day with date arithmetic alone
 * (date.c); art. 203 then asks the calendar whether that day is a rest
 * day, and if so takes the next working day.
 */
#include "weibao/period.h"

#include <string.h>

#include "errors_internal.h"

int wb_period_end(wb_deadline *out, const wb_calendar *calendar, wb_date start,
                  int32_t count, wb_period_unit unit,
                  const wb_period_options *options, wb_error *err)
{
    static const wb_period_options defaults = WB_PERIOD_OPTIONS_INIT;
    if (out == NULL)
        return wb__error_arg(err, "wb_period_end", "out");
    if (options == NULL)
        options = &defaults;
    if (options->version != WB_PERIOD_OPTIONS_VERSION)
        return wb__error_arg(err, "wb_period_end", "options->version");
    if (count < 0)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "a period cannot be negative (%ld)", (long)count);
    if (!wb_date_is_valid(start))
        return wb__error_arg(err, "wb_period_end", "start");
    int needs_calendar = unit == WB_PERIOD_WORKDAYS || options->move_off_rest_days;
    if (needs_calendar && calendar == NULL)
        return wb__error_arg(err, "wb_period_end", "calendar");

    memset(out, 0, sizeof(*out));
    out->start = start;
    int rc;
    switch (unit) {
    case WB_PERIOD_DAYS:
        rc = wb_date_add_days(&out->nominal_end, start, count, err);
        break;
    case WB_PERIOD_MONTHS:
        rc = wb_date_add_months(&out->nominal_end, start, count, err);
        break;
    case WB_PERIOD_YEARS:
        rc = count > INT32_MAX / 12
                 ? wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                                 "%ld years is too long a period", (long)count)
                 : wb_date_add_months(&out->nominal_end, start, count * 12, err);
        break;
    case WB_PERIOD_WORKDAYS:
        rc = wb_calendar_add_workdays(&out->nominal_end, calendar, start, count, err);
        break;
    default:
        return wb__error_arg(err, "wb_period_end", "unit");
    }
    if (rc != WB_OK)
        return rc;
    out->end = out->nominal_end;

    if (calendar == NULL) {
        out->nominal_kind = wb_date_weekday(out->end) >= WB_SATURDAY ? WB_DAY_WEEKEND
                                                                     : WB_DAY_WORKDAY;
        return WB_OK;
    }
    wb_day_info day;
    rc = wb_calendar_day(&day, calendar, out->nominal_end, err);
    if (rc != WB_OK)
        return rc;
    out->nominal_kind = day.kind;
    /* A working-day count ends on a working day by construction, but its
       answer rests on every day it crossed. */
    wb_date final = wb_calendar_final_through(calendar);
    out->provisional = day.provisional;

    if (options->move_off_rest_days && !day.is_workday && count > 0) {
        rc = wb_calendar_next_workday(&out->end, calendar, out->nominal_end, err);
        if (rc != WB_OK)
            return rc;
        out->moved = 1;
        out->holiday = day.kind == WB_DAY_HOLIDAY ? day.holiday : NULL;
        out->notice = day.kind == WB_DAY_HOLIDAY ? day.notice : NULL;
    }
    if (wb_date_cmp(out->end, final) > 0)
        out->provisional = 1;
    wb_date projected;
    if (wb_calendar_projected_from(&projected, calendar) == WB_OK &&
        wb_date_cmp(out->end, projected) >= 0)
        out->projected = 1;
    return WB_OK;
}
