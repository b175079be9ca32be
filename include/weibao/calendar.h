/*
 * weibao/calendar.h - China's working-day calendar (工作日).
 *
 * A calendar edition holds the State Council's yearly holiday notices
 * (国务院办公厅关于XXXX年部分节假日安排的通知) and their amendments for a
 * run of years. From them every covered day is one of: an ordinary
 * working day (Monday to Friday), a weekend rest day, a holiday day off,
 * or a make-up working day on a weekend (调休上班).
 *
 * A date outside the covered years is an error of its own kind,
 * WB_ECOVERAGE, never a guess from weekdays alone. Days after the
 * edition's final-through date (the end of its last year, which next
 * year's notice may still change) are answered but marked provisional.
 *
 * Every query is constant time: the calendar keeps, for its covered
 * days, the kind of each day, a running count of working days and the
 * position of every working day.
 *
 * Coverage is asked of the days an answer depends on: a working-day
 * count needs its start day covered, while a period in days or months
 * (wb_period_end) needs only the days it ends on.
 *
 * Ownership and threads: as wb_rubric. A loaded calendar never changes;
 * one handle may be read from many threads at once. Strings it returns
 * live as long as the calendar.
 */
#ifndef WEIBAO_CALENDAR_H
#define WEIBAO_CALENDAR_H

#include <stddef.h>
#include <stdint.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

typedef struct wb_calendar wb_calendar;

/** What kind of day a date is. */
typedef enum wb_day_kind {
    WB_DAY_WORKDAY = 0,        /**< Monday to Friday, no holiday. */
    WB_DAY_WEEKEND = 1,        /**< Saturday or Sunday, no make-up work. */
    WB_DAY_HOLIDAY = 2,        /**< A day off of a holiday (放假). */
    WB_DAY_MAKEUP_WORKDAY = 3  /**< A weekend day made a working day (调休上班). */
} wb_day_kind;

/** What the calendar says of one date. */
typedef struct wb_day_info {
    wb_day_kind kind;
    int is_workday;        /**< 1 for WB_DAY_WORKDAY and WB_DAY_MAKEUP_WORKDAY. */
    int provisional;       /**< 1 when the date lies after the final-through date. */
    const char *holiday;   /**< The holiday's name (for a holiday or make-up day), or NULL. Borrowed. */
    const char *notice;    /**< The notice that set it: its number (国办发明电〔…〕…号), or its title when the edition gives no number; NULL on an ordinary day. Borrowed. */
    int projected;         /**< 1 when the date lies beyond the notices, in a projection. */
} wb_day_info;

/* ---------------------------------------------------------------- load */

/**
 * Open the edition compiled into the library: the notices for 2008
 * through 2026, with their amendments (the 2015 victory day, the 2019
 * Labour Day change, the 2020 Spring Festival extension).
 * @return WB_OK, WB_ENOMEM, WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_open_default(wb_calendar **out, wb_error *err);

/**
 * Load an edition from an XML file in the calendar format
 * (data/calendar.xsd): checked against the schema and the format's rules;
 * the first problem fails the load. Codes as wb_rubric_load_file().
 * @since 0.2
 */
WB_API int wb_calendar_load_file(wb_calendar **out, const char *path, wb_error *err);

/** As wb_calendar_load_file(), from memory. @since 0.2 */
WB_API int wb_calendar_load_buffer(wb_calendar **out, const char *data, size_t len,
                                   const char *name, wb_error *err);

/**
 * Stack an overlay on a calendar: a region's own holidays (an ethnic
 * autonomous area's festivals), one organisation's closures. The overlay
 * is an <overlay> document of the calendar format; its days override the
 * base's for the days they name, and lie within the base's coverage.
 * The result is a new calendar that does not need the base any more;
 * stack again to add another layer. Its edition is "base+overlay".
 *
 * @return as wb_calendar_load_file(); WB_EINVAL when base is NULL
 * @since 0.2
 */
WB_API int wb_calendar_stack_file(wb_calendar **out, const wb_calendar *base,
                                  const char *path, wb_error *err);

/** As wb_calendar_stack_file(), from memory. @since 0.2 */
WB_API int wb_calendar_stack_buffer(wb_calendar **out, const wb_calendar *base,
                                    const char *data, size_t len,
                                    const char *name, wb_error *err);

/**
 * Extend a calendar beyond its last notice, on request, with the holidays
 * the holiday law itself fixes (全国年节及纪念日放假办法, 2024 revision:
 * 元旦; 春节 from 除夕 to 初三; 清明 on its solar term; 劳动节 May 1–2;
 * 端午; 中秋; 国庆 Oct 1–3), through through_year. Only a notice sets
 * make-up days and bridges, so none are projected. Every day from the
 * first projected year on answers with projected = 1, and so does every
 * deadline resting on one. The built-in projection data covers 2027–2050.
 *
 * @return WB_OK; WB_ECOVERAGE when the projection data does not reach
 *         through_year; WB_EINVAL (NULL arguments, or a base that is a
 *         projection already). through_year at or before the base's last
 *         year gives a plain copy.
 * @since 0.2
 */
WB_API int wb_calendar_project(wb_calendar **out, const wb_calendar *base,
                               int through_year, wb_error *err);

/** As wb_calendar_project(), with projection data from a file (a
 *  <projection> document of the calendar format). @since 0.2 */
WB_API int wb_calendar_project_file(wb_calendar **out, const wb_calendar *base,
                                    const char *path, int through_year,
                                    wb_error *err);

/**
 * The first projected day of a calendar.
 * @return WB_OK, WB_ENOTFOUND when nothing is projected, WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_projected_from(wb_date *out, const wb_calendar *calendar);

/** Release a calendar. Accepts NULL. @since 0.2 */
WB_API void wb_calendar_free(wb_calendar *calendar);

/**
 * Check a calendar file and report every problem found (schema, and the
 * rules of docs/checks.md). A successful check returns WB_OK whatever it
 * found. @since 0.2
 */
WB_API int wb_calendar_check_file(wb_diagnostics **out, const char *path, wb_error *err);

/** As wb_calendar_check_file(), from memory. @since 0.2 */
WB_API int wb_calendar_check_buffer(wb_diagnostics **out, const char *data,
                                    size_t len, const char *name, wb_error *err);

/** The XML Schema of the calendar format. Static storage. @since 0.2 */
WB_API const char *wb_calendar_schema(void);

/**
 * Read the text of a State Council holiday notice, as published
 * ("二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,
 * 共9天。2月14日(周六)、2月28日(周六)上班。"), and write it as a calendar
 * edition of one year that loads at once.
 *
 * Every weekday named in brackets is checked against its date; a line that
 * cannot be read, a missing title, number or signing date is a finding
 * with its line. The edition is then checked as any calendar is.
 *
 * @param xml_out   receives the edition's XML (free with wb_free()), or
 *                  NULL when the findings include an error
 * @param findings  receives the findings (free with wb_diagnostics_free())
 * @param text      UTF-8 text, len bytes
 * @param name      the name findings give the text, or NULL for "<notice>"
 * @return WB_OK whenever the text was read, whatever was found;
 *         WB_ENOMEM; WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_import_notice(char **xml_out, wb_diagnostics **findings,
                                     const char *text, size_t len,
                                     const char *name, wb_error *err);

/* ------------------------------------------------------------- edition */

/** The edition's name; a stacked or projected calendar's is "base+layer". @since 0.2 */
WB_API const char *wb_calendar_edition(const wb_calendar *calendar);
/** The file or buffer name it was loaded from ("<default>" for the built-in one). @since 0.2 */
WB_API const char *wb_calendar_origin(const wb_calendar *calendar);
/** The first and last covered years. @since 0.2 */
WB_API int wb_calendar_first_year(const wb_calendar *calendar);
/** @since 0.2 */
WB_API int wb_calendar_last_year(const wb_calendar *calendar);
/**
 * The last day no later notice is expected to change. For a NULL
 * calendar, a date that wb_date_is_valid() refuses. @since 0.2
 */
WB_API wb_date wb_calendar_final_through(const wb_calendar *calendar);

/* ------------------------------------------------------------- queries */

/**
 * What kind of day a date is, and why.
 * @return WB_OK; WB_ECOVERAGE when the date lies outside the covered
 *         years (err names the date and the coverage); WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_day(wb_day_info *out, const wb_calendar *calendar,
                           wb_date date, wb_error *err);

/**
 * 1 when the date is a working day, 0 when it is not, or a negative
 * status (WB_ECOVERAGE, WB_EINVAL).
 * @since 0.2
 */
WB_API int wb_calendar_is_workday(const wb_calendar *calendar, wb_date date,
                                  wb_error *err);

/**
 * The first working day strictly after (next) or before (prev) a date.
 * @return WB_OK; WB_ECOVERAGE when the date, or the answer, lies outside
 *         the coverage; WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_next_workday(wb_date *out, const wb_calendar *calendar,
                                    wb_date date, wb_error *err);
/** @since 0.2 */
WB_API int wb_calendar_prev_workday(wb_date *out, const wb_calendar *calendar,
                                    wb_date date, wb_error *err);

/**
 * The nth working day after a date, the date itself not counted: from a
 * Saturday before a make-up Sunday, day 1 is that Sunday. A negative n
 * counts back (the nth working day before); n = 0 gives the date itself.
 * @return WB_OK, WB_ECOVERAGE, WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_add_workdays(wb_date *out, const wb_calendar *calendar,
                                    wb_date date, int32_t n, wb_error *err);

/**
 * The number of working days passed going from one date to another: the
 * start is not counted and the end is, as periods count. Forwards
 * (to >= from) it counts the working days d with from < d <= to;
 * backwards it is negative and counts those with to <= d < from. So
 * count(from, add_workdays(from, n)) == n for every n.
 * @return WB_OK, WB_ECOVERAGE, WB_EINVAL
 * @since 0.2
 */
WB_API int wb_calendar_count_workdays(int32_t *out, const wb_calendar *calendar,
                                      wb_date from, wb_date to, wb_error *err);

/* --------------------------------------------- the year's arrangements */

typedef struct wb_holiday wb_holiday;
typedef struct wb_makeup_day wb_makeup_day;

/**
 * The holidays in effect (amendments applied), in date order. Borrowed.
 * @since 0.2
 */
WB_API size_t wb_calendar_holiday_count(const wb_calendar *calendar);
/** @since 0.2 */
WB_API const wb_holiday *wb_calendar_holiday_at(const wb_calendar *calendar, size_t i);
/** @since 0.2 */
WB_API const char *wb_holiday_name(const wb_holiday *holiday);
/** @since 0.2 */
WB_API wb_date wb_holiday_start(const wb_holiday *holiday);
/** @since 0.2 */
WB_API wb_date wb_holiday_end(const wb_holiday *holiday);
/** The year of the notice that set it (a 元旦 may start the year before). @since 0.2 */
WB_API int wb_holiday_year(const wb_holiday *holiday);
/** The notice that set it (the amendment's, when amended): its number, or its title when the edition gives none. @since 0.2 */
WB_API const char *wb_holiday_notice(const wb_holiday *holiday);

/** The make-up working days in effect, in date order. @since 0.2 */
WB_API size_t wb_calendar_makeup_count(const wb_calendar *calendar);
/** @since 0.2 */
WB_API const wb_makeup_day *wb_calendar_makeup_at(const wb_calendar *calendar, size_t i);
/** @since 0.2 */
WB_API wb_date wb_makeup_day_date(const wb_makeup_day *day);
/** The holiday it makes up for, or NULL when the notice does not say. @since 0.2 */
WB_API const char *wb_makeup_day_holiday(const wb_makeup_day *day);
/** @since 0.2 */
WB_API int wb_makeup_day_year(const wb_makeup_day *day);
/** The notice that set it, as wb_holiday_notice(). @since 0.2 */
WB_API const char *wb_makeup_day_notice(const wb_makeup_day *day);

WB_END_DECLS

#endif /* WEIBAO_CALENDAR_H */
