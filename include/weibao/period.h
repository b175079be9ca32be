/*
 * weibao/period.h - periods as the Civil Code counts them (arts. 200–204).
 *
 *  - art. 201: a period in days, months or years does not count its first
 *    day: it runs from the day after the start.
 *  - art. 202: a period in months or years ends on the corresponding day
 *    of its last month; where that month has no such day, on its last day.
 *  - art. 203: where the last day is a statutory rest day (a weekend or a
 *    holiday), the period ends on the day after the rest days end, i.e.
 *    the next working day; a weekend day made a working day (调休上班) is
 *    not a rest day. Whether this move applies is an option, on by default.
 *
 * A period in working days (30 个工作日) ends on the nth working day after
 * the start, the start not counted, and needs no move.
 *
 * Threading: pure functions over an immutable calendar.
 */
#ifndef WEIBAO_PERIOD_H
#define WEIBAO_PERIOD_H

#include <stdint.h>
#include <weibao/calendar.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

/** The unit a period is counted in. */
typedef enum wb_period_unit {
    WB_PERIOD_DAYS = 0,
    WB_PERIOD_MONTHS = 1,
    WB_PERIOD_YEARS = 2,
    WB_PERIOD_WORKDAYS = 3
} wb_period_unit;

#define WB_PERIOD_OPTIONS_VERSION 1

/** Options of a period; start from WB_PERIOD_OPTIONS_INIT. */
typedef struct wb_period_options {
    unsigned int version;       /**< WB_PERIOD_OPTIONS_VERSION */
    int move_off_rest_days;     /**< art. 203: 1 (default) moves a last day that is a rest day */
} wb_period_options;

#define WB_PERIOD_OPTIONS_INIT { WB_PERIOD_OPTIONS_VERSION, 1 }

/** A period's last day, and why it is that day. */
typedef struct wb_deadline {
    wb_date start;              /**< the day the period is counted from (not counted) */
    wb_date nominal_end;        /**< the last day by arts. 201–202, before any move */
    wb_date end;                /**< the last day of the period */
    int moved;                  /**< 1 when art. 203 moved the last day */
    wb_day_kind nominal_kind;   /**< what kind of day nominal_end is */
    const char *holiday;        /**< when moved off a holiday: its name; else NULL. Borrowed from the calendar. */
    const char *notice;         /**< the notice that set that holiday, or NULL. Borrowed. */
    int provisional;            /**< 1 when a day it depends on may still change (after final-through) */
    int projected;              /**< 1 when it rests on days projected beyond the notices (wb_calendar_project) */
} wb_deadline;

/**
 * The last day of a period of `count` units that starts on `start`.
 *
 * @param calendar  the working-day calendar; needed for working-day
 *                  periods and for the art. 203 move
 * @param count     0 or more
 * @param options   NULL for the defaults
 * @return WB_OK; WB_ECOVERAGE when a day the answer depends on lies
 *         outside the calendar's coverage; WB_EINVAL for a negative count,
 *         an unknown unit or options version, or a missing calendar
 * @since 0.2
 */
WB_API int wb_period_end(wb_deadline *out, const wb_calendar *calendar,
                         wb_date start, int32_t count, wb_period_unit unit,
                         const wb_period_options *options, wb_error *err);

WB_END_DECLS

#endif /* WEIBAO_PERIOD_H */
