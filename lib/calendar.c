/*
 * calendar.c - the working-day calendar: loading notices, applying their
 * amendments, and answering day queries in constant time.
 *
 * Loading runs the stages of every document (xml.c: well-formed XML, the
 * schema), then reads the notices, applies each amendment to the notice
 * it names, checks the result (make-up days on weekends, no overlaps, a
 * yearly notice for every covered year...) and builds the day table.
 *
 * The day table covers first-year-01-01 … last-year-12-31. For day i it
 * keeps the kind and the holiday or make-up entry behind it; cum[i] is
 * the number of working days before day i, and workdays[k] the index of
 * the k-th working day. "Is it a working day", "the nth working day
 * after" and "working days between" are then a few array reads.
 *
 * Invariants of a loaded wb_calendar: holidays do not overlap one another
 * or a make-up day; make-up days fall on weekends; every covered year has
 * its yearly notice; nothing changes after load.
 */
#include "weibao/calendar.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diagnostic_internal.h"
#include "document.h"
#include "embedded.h"
#include "errors_internal.h"
#include "xml.h"

struct wb_holiday {
    const char *name;
    wb_date start, end;
    int year;
    const char *notice;     /* the number of the notice in effect */
    int layer;              /* 0 for the base calendar, 1… for each overlay */
    int line, column;       /* of the element in effect */
};

struct wb_makeup_day {
    wb_date date;
    const char *holiday;
    int year;
    const char *notice;
    int layer;
    int line, column;
};

/* A notice as read, before amendments are applied. */
typedef struct notice {
    const char *id;
    const char *number;
    const char *amends;
    int year;
    const xmlNode *node;
} notice;

struct wb_calendar {
    wb__arena arena;
    const char *edition;
    const char *origin;
    int first_year, last_year;
    wb_date final_through;
    wb_holiday *holidays;
    size_t holiday_count;
    wb_makeup_day *makeups;
    size_t makeup_count;

    int layers;             /* 1 + the number of overlays stacked */
    wb_date projected_from; /* first projected day; INT32_MAX when none */

    wb_date start;          /* day 0 of the table */
    int32_t days;           /* days covered */
    uint8_t *kind;          /* wb_day_kind of each day */
    int32_t *entry;         /* index into holidays or makeups, or -1 */
    int32_t *cum;           /* days + 1 running counts of working days */
    int32_t *workdays;      /* index of each working day */
    int32_t workday_count;
};

#define DEFAULT_ORIGIN "<default>"

/* ============================================================ building */

typedef struct builder {
    wb_calendar *c;
    const wb__xml_doc *doc;
    wb_diagnostics *diags;
    int status;
    size_t holiday_cap, makeup_cap;
    const wb_calendar *base;    /* when stacking an overlay or projecting */
    int through;                /* when projecting: the last year asked for */
    int beyond;                 /* the projection data does not reach it */
} builder;

static char *attr(builder *b, const xmlNode *node, const char *name)
{
    char *v = wb__xml_attr(&b->c->arena, node, name);
    if (v == NULL && wb__xml_has_attr(node, name))
        b->status = WB_ENOMEM;
    return v;
}

/* A date attribute. The schema has checked its shape; a day that does not
   exist (2023-02-29) is reported here if the schema let it through. */
static int date_attr(builder *b, const xmlNode *node, const char *name,
                     wb_date *out)
{
    const char *text = attr(b, node, name);
    if (text == NULL)
        return 0;
    wb_error err;
    if (wb_date_parse(out, text, &err) != WB_OK) {
        WB__FINDING(b, node, WB_CHECK_CAL_DATE, "%s", "%s", err.message);
        return 0;
    }
    return 1;
}

static int year_attr(builder *b, const xmlNode *node, const char *name)
{
    const char *text = attr(b, node, name);
    return text != NULL ? atoi(text) : 0;
}

static int grow(builder *b, void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return 1;
    size_t n = *cap ? *cap * 2 : 64;
    void *bigger = wb__arena_calloc(&b->c->arena, n, size);
    if (bigger == NULL) {
        b->status = WB_ENOMEM;
        return 0;
    }
    if (*items != NULL)
        memcpy(bigger, *items, count * size);
    *items = bigger;
    *cap = n;
    return 1;
}

static wb_holiday *find_holiday(wb_calendar *c, const char *name, int year)
{
    for (size_t i = 0; i < c->holiday_count; i++)
        if (c->holidays[i].year == year && strcmp(c->holidays[i].name, name) == 0)
            return &c->holidays[i];
    return NULL;
}

static void add_holiday(builder *b, const notice *n, const xmlNode *el, int amending)
{
    wb_calendar *c = b->c;
    wb_holiday h = { 0 };
    h.name = attr(b, el, "name");
    h.year = n->year;
    h.notice = n->number;
    wb__xml_position(b->doc, el, &h.line, &h.column);
    if (h.name == NULL || !date_attr(b, el, "start", &h.start) ||
        !date_attr(b, el, "end", &h.end))
        return;

    if (wb_date_cmp(h.end, h.start) < 0) {
        WB__FINDING(b, el, WB_CHECK_CAL_RANGE,
                "holiday '%s' ends before it starts", "节假日“%s”的结束日期早于开始日期",
                h.name);
        return;
    }
    const char *days = attr(b, el, "days");
    if (days != NULL) {
        long stated = atol(days);
        int32_t actual = wb_date_diff_days(h.end, h.start) + 1;
        if (stated != actual)
            WB__FINDING(b, el, WB_CHECK_CAL_DAYS,
                    "holiday '%s' is said to last %ld days but runs %ld",
                    "节假日“%s”注明共 %ld 天,实际日期范围为 %ld 天",
                    h.name, stated, (long)actual);
    }
    /* A notice arranges its own year; a 元旦 may begin the December before. */
    int sy, ey, sm;
    wb_date_to_ymd(h.start, &sy, &sm, NULL);
    wb_date_to_ymd(h.end, &ey, NULL, NULL);
    if (ey != n->year || (sy != n->year && !(sy == n->year - 1 && sm == 12)))
        WB__FINDING(b, el, WB_CHECK_CAL_YEAR,
                "holiday '%s' lies outside %d, the year its notice arranges",
                "节假日“%s”不在其通知安排的 %d 年内", h.name, n->year);

    if (amending) {
        wb_holiday *old = find_holiday(c, h.name, n->year);
        if (old != NULL) {
            *old = h;       /* the amendment's holiday replaces the original */
            return;
        }
    }
    if (!grow(b, (void **)&c->holidays, &b->holiday_cap, c->holiday_count,
              sizeof(wb_holiday)))
        return;
    c->holidays[c->holiday_count++] = h;
}

static void add_makeup(builder *b, const notice *n, const xmlNode *el)
{
    wb_calendar *c = b->c;
    wb_makeup_day m = { 0 };
    m.holiday = attr(b, el, "holiday");
    m.year = n->year;
    m.notice = n->number;
    wb__xml_position(b->doc, el, &m.line, &m.column);
    if (!date_attr(b, el, "date", &m.date))
        return;
    wb_weekday wd = wb_date_weekday(m.date);
    if (wd != WB_SATURDAY && wd != WB_SUNDAY) {
        char iso[WB_DATE_STRLEN];
        wb_date_format(iso, m.date);
        WB__FINDING(b, el, WB_CHECK_CAL_MAKEUP,
                "make-up working day %s is not a Saturday or Sunday",
                "调休上班日 %s 不是周六或周日", iso);
    }
    if (!grow(b, (void **)&c->makeups, &b->makeup_cap, c->makeup_count,
              sizeof(wb_makeup_day)))
        return;
    c->makeups[c->makeup_count++] = m;
}

static void cancel_makeup(builder *b, const notice *n, const xmlNode *el)
{
    wb_calendar *c = b->c;
    wb_date d;
    if (!date_attr(b, el, "date", &d))
        return;
    for (size_t i = 0; i < c->makeup_count; i++)
        if (c->makeups[i].date.days == d.days && c->makeups[i].year == n->year) {
            c->makeups[i] = c->makeups[--c->makeup_count];
            return;
        }
    char iso[WB_DATE_STRLEN];
    wb_date_format(iso, d);
    WB__FINDING(b, el, WB_CHECK_CAL_AMENDS,
            "%s cancels make-up day %s, which no earlier notice of %d set",
            "%s 取消的调休上班日 %s 并非此前 %d 年通知所定", n->id, iso, n->year);
}

static void apply_notice(builder *b, const notice *n, int amending)
{
    for (const xmlNode *el = wb__xml_first_element(n->node, NULL);
         el != NULL && b->status == WB_OK; el = wb__xml_next_element(el, NULL)) {
        const char *tag = (const char *)el->name;
        if (strcmp(tag, "holiday") == 0)
            add_holiday(b, n, el, amending);
        else if (strcmp(tag, "workday") == 0)
            add_makeup(b, n, el);
        else if (amending)
            cancel_makeup(b, n, el);
        else
            WB__FINDING(b, el, WB_CHECK_CAL_AMENDS,
                    "notice '%s' cancels a make-up day but amends no notice",
                    "通知“%s”取消调休上班日,但未注明所修改的通知", n->id);
    }
}

static const notice *find_notice(const notice *list, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].id, id) == 0)
            return &list[i];
    return NULL;
}

/* Read the notices; apply the yearly ones, then each amendment in order. */
static void read_notices(builder *b, const xmlNode *root)
{
    wb_calendar *c = b->c;
    size_t count = 0;
    for (const xmlNode *el = wb__xml_first_element(root, "notice"); el != NULL;
         el = wb__xml_next_element(el, "notice"))
        count++;
    notice *list = wb__arena_calloc(&c->arena, count + 1, sizeof(notice));
    if (list == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t k = 0;
    for (const xmlNode *el = wb__xml_first_element(root, "notice"); el != NULL;
         el = wb__xml_next_element(el, "notice"), k++) {
        notice *n = &list[k];
        n->node = el;
        n->id = attr(b, el, "id");
        /* A notice no official copy gave a number for is cited by its title. */
        n->number = wb__xml_has_attr(el, "number") ? attr(b, el, "number")
                                                      : attr(b, el, "title");
        n->amends = attr(b, el, "amends");
        n->year = year_attr(b, el, "year");
        if (b->status != WB_OK)
            return;
        const notice *same = find_notice(list, k, n->id);
        if (same != NULL) {
            int line, col;
            wb__xml_position(b->doc, same->node, &line, &col);
            WB__FINDING(b, el, WB_CHECK_CAL_DUPLICATE,
                    "notice id '%s' is already used at line %d",
                    "通知编号“%s”已在第 %d 行使用", n->id, line);
        }
        if (n->amends == NULL)
            for (size_t j = 0; j < k; j++)
                if (list[j].amends == NULL && list[j].year == n->year)
                    WB__FINDING(b, el, WB_CHECK_CAL_DUPLICATE,
                            "a second yearly notice for %d (the first is '%s')",
                            "%d 年有第二份年度通知(第一份为“%s”)", n->year, list[j].id);
    }

    for (size_t i = 0; i < count && b->status == WB_OK; i++)
        if (list[i].amends == NULL)
            apply_notice(b, &list[i], 0);
    for (size_t i = 0; i < count && b->status == WB_OK; i++) {
        const notice *n = &list[i];
        if (n->amends == NULL)
            continue;
        const notice *target = find_notice(list, count, n->amends);
        if (target == NULL || target->amends != NULL || target->year != n->year) {
            WB__FINDING(b, n->node, WB_CHECK_CAL_AMENDS,
                    "notice '%s' amends '%s', which is not a yearly notice of %d",
                    "通知“%s”所修改的“%s”不是 %d 年的年度通知",
                    n->id, n->amends, n->year);
            continue;
        }
        apply_notice(b, n, 1);
    }

    /* Every covered year needs its yearly notice. */
    for (int y = c->first_year; y <= c->last_year && b->status == WB_OK; y++) {
        int found = 0;
        for (size_t i = 0; i < count; i++)
            if (list[i].amends == NULL && list[i].year == y)
                found = 1;
        if (!found)
            WB__FINDING(b, root, WB_CHECK_CAL_MISSING,
                    "no yearly notice for %d, which the calendar says it covers",
                    "日历声明覆盖 %d 年,但没有该年的年度通知", y);
    }
}

static int compare_holidays(const void *pa, const void *pb)
{
    const wb_holiday *a = pa, *b = pb;
    return wb_date_cmp(a->start, b->start);
}

static int compare_makeups(const void *pa, const void *pb)
{
    const wb_makeup_day *a = pa, *b = pb;
    return wb_date_cmp(a->date, b->date);
}

/* The days in date order. An empty list may have no array at all, and
   qsort must never see a NULL pointer, even for no items. */
static void sort_days(wb_calendar *c)
{
    if (c->holiday_count > 1)
        qsort(c->holidays, c->holiday_count, sizeof(wb_holiday), compare_holidays);
    if (c->makeup_count > 1)
        qsort(c->makeups, c->makeup_count, sizeof(wb_makeup_day), compare_makeups);
}

/* After sorting: no two holidays share a day, nor a holiday and a make-up day. */
static void check_overlaps(builder *b)
{
    wb_calendar *c = b->c;
    char a[WB_DATE_STRLEN];
    /* An overlay overrides the base on purpose: compare within a layer. */
    for (size_t i = 1; i < c->holiday_count; i++) {
        const wb_holiday *prev = NULL, *h = &c->holidays[i];
        for (size_t j = i; j-- > 0;)
            if (c->holidays[j].layer == h->layer) {
                prev = &c->holidays[j];
                break;
            }
        if (prev != NULL && h->layer == c->layers - 1 && wb_date_cmp(h->start, prev->end) <= 0) {
            wb_date_format(a, h->start);
            WB__FINDING_AT(b, h->line, h->column, WB_CHECK_CAL_OVERLAP,
                       "holiday '%s' from %s overlaps '%s' (line %d)",
                       "节假日“%s”(自 %s 起)与“%s”(第 %d 行)重叠",
                       h->name, a, prev->name, prev->line);
        }
    }
    /* Only the layer just read is checked; those below were checked when
       they were loaded. */
    int top = c->layers - 1;
    for (size_t i = 0; i < c->makeup_count; i++) {
        const wb_makeup_day *m = &c->makeups[i];
        if (m->layer != top)
            continue;
        wb_date_format(a, m->date);
        for (size_t j = 0; j < i; j++)
            if (c->makeups[j].layer == top && c->makeups[j].date.days == m->date.days)
                WB__FINDING_AT(b, m->line, m->column, WB_CHECK_CAL_OVERLAP,
                           "make-up working day %s is set twice", "调休上班日 %s 重复设定", a);
        for (size_t h = 0; h < c->holiday_count; h++) {
            const wb_holiday *hol = &c->holidays[h];
            if (hol->layer == top && wb_date_cmp(hol->start, m->date) <= 0 &&
                wb_date_cmp(m->date, hol->end) <= 0)
                WB__FINDING_AT(b, m->line, m->column, WB_CHECK_CAL_OVERLAP,
                           "make-up working day %s falls inside holiday '%s' (line %d)",
                           "调休上班日 %s 落在节假日“%s”(第 %d 行)之内",
                           a, hol->name, hol->line);
        }
    }
}

/* The day table and its running counts. */
static void build_table(builder *b)
{
    wb_calendar *c = b->c;
    wb_date end;
    wb_date_from_ymd(&c->start, c->first_year, 1, 1, NULL);
    wb_date_from_ymd(&end, c->last_year, 12, 31, NULL);
    c->days = wb_date_diff_days(end, c->start) + 1;
    size_t n = (size_t)c->days;
    c->kind = wb__arena_calloc(&c->arena, n, sizeof(uint8_t));
    c->entry = wb__arena_calloc(&c->arena, n, sizeof(int32_t));
    c->cum = wb__arena_calloc(&c->arena, n + 1, sizeof(int32_t));
    c->workdays = wb__arena_calloc(&c->arena, n + 1, sizeof(int32_t));
    if (!c->kind || !c->entry || !c->cum || !c->workdays) {
        b->status = WB_ENOMEM;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        wb_date d = { c->start.days + (int32_t)i };
        wb_weekday wd = wb_date_weekday(d);
        c->kind[i] = (uint8_t)(wd >= WB_SATURDAY ? WB_DAY_WEEKEND : WB_DAY_WORKDAY);
        c->entry[i] = -1;
    }
    /* Layer by layer, so that an overlay's days override the base's. */
    for (int layer = 0; layer < c->layers; layer++) {
        for (size_t h = 0; h < c->holiday_count; h++) {
            if (c->holidays[h].layer != layer)
                continue;
            for (int32_t d = c->holidays[h].start.days; d <= c->holidays[h].end.days; d++) {
                int64_t i = (int64_t)d - c->start.days;
                if (i >= 0 && i < c->days) {    /* a 元旦 from the year before coverage */
                    c->kind[i] = WB_DAY_HOLIDAY;
                    c->entry[i] = (int32_t)h;
                }
            }
        }
        for (size_t m = 0; m < c->makeup_count; m++) {
            int64_t i = (int64_t)c->makeups[m].date.days - c->start.days;
            if (c->makeups[m].layer == layer && i >= 0 && i < c->days) {
                c->kind[i] = WB_DAY_MAKEUP_WORKDAY;
                c->entry[i] = (int32_t)m;
            }
        }
    }
    int32_t w = 0;
    for (size_t i = 0; i < n; i++) {
        c->cum[i] = w;
        if (c->kind[i] == WB_DAY_WORKDAY || c->kind[i] == WB_DAY_MAKEUP_WORKDAY)
            c->workdays[w++] = (int32_t)i;
    }
    c->cum[n] = w;
    c->workday_count = w;
}

/* Copy a string of the base into this calendar's arena. */
static const char *keep(builder *b, const char *s)
{
    if (s == NULL)
        return NULL;
    const char *copy = wb__arena_strdup(&b->c->arena, s);
    if (copy == NULL)
        b->status = WB_ENOMEM;
    return copy;
}

/* The base's days, copied, so the stacked calendar stands on its own. */
static void copy_base(builder *b)
{
    wb_calendar *c = b->c;
    const wb_calendar *base = b->base;
    c->first_year = base->first_year;
    c->last_year = base->last_year;
    c->final_through = base->final_through;
    c->projected_from = base->projected_from;
    c->layers = base->layers + 1;
    for (size_t i = 0; i < base->holiday_count && b->status == WB_OK; i++) {
        if (!grow(b, (void **)&c->holidays, &b->holiday_cap, c->holiday_count,
                  sizeof(wb_holiday)))
            return;
        wb_holiday h = base->holidays[i];
        h.name = keep(b, h.name);
        h.notice = keep(b, h.notice);
        c->holidays[c->holiday_count++] = h;
    }
    for (size_t i = 0; i < base->makeup_count && b->status == WB_OK; i++) {
        if (!grow(b, (void **)&c->makeups, &b->makeup_cap, c->makeup_count,
                  sizeof(wb_makeup_day)))
            return;
        wb_makeup_day m = base->makeups[i];
        m.holiday = keep(b, m.holiday);
        m.notice = keep(b, m.notice);
        c->makeups[c->makeup_count++] = m;
    }
}

/*
 * An overlay: a region's or an organisation's own days, read as one
 * amending notice whose source is the overlay's document. Stacked on a
 * base, its days must lie within the base's coverage.
 */
static void build_overlay(builder *b, const xmlNode *root)
{
    wb_calendar *c = b->c;
    const char *edition = attr(b, root, "edition");
    notice n = { edition, attr(b, root, "source"), NULL, 0, root };
    if (b->status != WB_OK)
        return;
    if (b->base != NULL) {
        copy_base(b);
        size_t len = strlen(b->base->edition) + strlen(edition) + 2;
        char *name = wb__arena_alloc(&c->arena, len);
        if (name == NULL) {
            b->status = WB_ENOMEM;
            return;
        }
        snprintf(name, len, "%s+%s", b->base->edition, edition);
        c->edition = name;
    } else {
        c->edition = edition;
        c->layers = 1;
        c->projected_from.days = INT32_MAX;
    }
    size_t h0 = c->holiday_count, m0 = c->makeup_count;
    for (const xmlNode *el = wb__xml_first_element(root, NULL);
         el != NULL && b->status == WB_OK; el = wb__xml_next_element(el, NULL)) {
        const char *tag = (const char *)el->name;
        wb_date end;
        if (strcmp(tag, "holiday") == 0 && date_attr(b, el, "end", &end)) {
            int y;      /* an overlay's "year" is where its holiday ends */
            wb_date_to_ymd(end, &y, NULL, NULL);
            n.year = y;
            size_t before = c->holiday_count;
            add_holiday(b, &n, el, 0);
            if (c->holiday_count > before)
                c->holidays[before].layer = c->layers - 1;
        } else if (strcmp(tag, "workday") == 0) {
            size_t before = c->makeup_count;
            add_makeup(b, &n, el);
            if (c->makeup_count > before) {
                int y;
                wb_date_to_ymd(c->makeups[before].date, &y, NULL, NULL);
                c->makeups[before].year = y;
                c->makeups[before].layer = c->layers - 1;
            }
        }
    }
    if (b->base == NULL)
        return;
    /* Days the base cannot answer for cannot be overridden either. */
    wb_date lo, hi;
    wb_date_from_ymd(&lo, c->first_year, 1, 1, NULL);
    wb_date_from_ymd(&hi, c->last_year, 12, 31, NULL);
    for (size_t i = h0; i < c->holiday_count; i++)
        if (wb_date_cmp(c->holidays[i].start, lo) < 0 || wb_date_cmp(c->holidays[i].end, hi) > 0)
            WB__FINDING_AT(b, c->holidays[i].line, c->holidays[i].column, WB_CHECK_CAL_YEARS,
                       "overlay holiday '%s' lies outside the base calendar's years %d-%d",
                       "叠加日历的节假日“%s”超出基础日历的覆盖年份 %d—%d",
                       c->holidays[i].name, c->first_year, c->last_year);
    for (size_t i = m0; i < c->makeup_count; i++)
        if (wb_date_cmp(c->makeups[i].date, lo) < 0 || wb_date_cmp(c->makeups[i].date, hi) > 0) {
            char iso[WB_DATE_STRLEN];
            wb_date_format(iso, c->makeups[i].date);
            WB__FINDING_AT(b, c->makeups[i].line, c->makeups[i].column, WB_CHECK_CAL_YEARS,
                       "overlay working day %s lies outside the base calendar's years %d-%d",
                       "叠加日历的上班日 %s 超出基础日历的覆盖年份 %d—%d",
                       iso, c->first_year, c->last_year);
        }
}

/*
 * A projection: the holidays the holiday law fixes, for the years after
 * the base calendar's last notice, up to the year asked for. No make-up
 * days are invented; every day from the first projected year on is
 * marked projected.
 */
static void build_projection(builder *b, const xmlNode *root)
{
    wb_calendar *c = b->c;
    const xmlNode *law = wb__xml_first_element(root, "law");
    notice n = { attr(b, root, "edition"), attr(b, law, "number"), NULL, 0, root };
    int pfirst = year_attr(b, root, "first-year"), plast = year_attr(b, root, "last-year");
    if (b->status != WB_OK)
        return;
    if (pfirst > plast) {
        WB__FINDING(b, root, WB_CHECK_CAL_YEARS,
                "first-year %d is after last-year %d", "起始年份 %d 晚于结束年份 %d",
                pfirst, plast);
        return;
    }
    int from = pfirst, to = plast;
    if (b->base != NULL) {
        copy_base(b);
        from = b->base->last_year + 1;
        to = b->through;
        if (to < from) {            /* nothing beyond the notices to project */
            c->edition = keep(b, b->base->edition);
            return;
        }
        if (to > plast || from < pfirst) {
            WB__FINDING(b, root, WB_CHECK_CAL_YEARS,
                    "the projection covers %d-%d, and %d was asked for",
                    "预测数据覆盖 %d—%d 年,所求为 %d 年", pfirst, plast, to);
            b->beyond = 1;
            return;
        }
        size_t len = strlen(b->base->edition) + strlen(n.id) + 2;
        char *name = wb__arena_alloc(&c->arena, len);
        if (name == NULL) {
            b->status = WB_ENOMEM;
            return;
        }
        snprintf(name, len, "%s+%s", b->base->edition, n.id);
        c->edition = name;
        c->last_year = to;
        wb_date_from_ymd(&c->projected_from, from, 1, 1, NULL);
    } else {
        c->edition = n.id;
        c->layers = 1;
        c->projected_from.days = INT32_MAX;
    }
    for (int y = from; y <= to && b->status == WB_OK; y++) {
        const xmlNode *year = NULL;
        for (const xmlNode *el = wb__xml_first_element(root, "year"); el != NULL;
             el = wb__xml_next_element(el, "year"))
            if (year_attr(b, el, "value") == y)
                year = el;
        if (year == NULL) {
            WB__FINDING(b, root, WB_CHECK_CAL_MISSING,
                    "no projected holidays for %d, which the projection says it covers",
                    "预测数据声明覆盖 %d 年,但没有该年的节日", y);
            continue;
        }
        n.year = y;
        for (const xmlNode *h = wb__xml_first_element(year, "holiday");
             h != NULL && b->status == WB_OK; h = wb__xml_next_element(h, "holiday")) {
            size_t before = c->holiday_count;
            add_holiday(b, &n, h, 0);
            if (c->holiday_count > before)
                c->holidays[before].layer = c->layers - 1;
        }
    }
}

static void build(builder *b, const xmlNode *root)
{
    wb_calendar *c = b->c;
    if (strcmp((const char *)root->name, "projection") == 0) {
        build_projection(b, root);
        if (b->status != WB_OK || b->beyond)
            return;
        sort_days(c);
        check_overlaps(b);
        if (b->base != NULL && b->status == WB_OK &&
            wb_diagnostics_count_at_least(b->diags, WB_SEVERITY_ERROR) == 0)
            build_table(b);
        return;
    }
    if (strcmp((const char *)root->name, "overlay") == 0) {
        build_overlay(b, root);
        if (b->status != WB_OK)
            return;
        sort_days(c);
        check_overlaps(b);
        if (b->base != NULL && b->status == WB_OK &&
            wb_diagnostics_count_at_least(b->diags, WB_SEVERITY_ERROR) == 0)
            build_table(b);
        return;
    }
    c->projected_from.days = INT32_MAX;
    if (b->base != NULL) {
        WB__FINDING(b, root, WB_CHECK_DOCUMENT_KIND,
                "a whole calendar cannot be stacked on another; give an <overlay>%s",
                "完整日历不能叠加在另一日历上;请提供 <overlay> 文档%s", "");
        return;
    }
    c->layers = 1;
    c->edition = attr(b, root, "edition");
    c->first_year = year_attr(b, root, "first-year");
    c->last_year = year_attr(b, root, "last-year");
    if (b->status != WB_OK)
        return;
    if (c->first_year > c->last_year) {
        WB__FINDING(b, root, WB_CHECK_CAL_YEARS,
                "first-year %d is after last-year %d", "起始年份 %d 晚于结束年份 %d",
                c->first_year, c->last_year);
        return;
    }
    if (!date_attr(b, root, "final-through", &c->final_through))
        return;
    int fy;
    wb_date_to_ymd(c->final_through, &fy, NULL, NULL);
    if (fy < c->first_year || fy > c->last_year)
        WB__FINDING(b, root, WB_CHECK_CAL_YEARS,
                "final-through lies outside the covered years %d-%d",
                "final-through 不在覆盖年份 %d—%d 之内", c->first_year, c->last_year);

    read_notices(b, root);
    if (b->status != WB_OK)
        return;
    sort_days(c);
    check_overlaps(b);
    if (b->status == WB_OK && wb_diagnostics_count_at_least(b->diags, WB_SEVERITY_ERROR) == 0)
        build_table(b);
}

/* What a load builds on: nothing, or a base to stack or project on. */
typedef struct read_context {
    const wb_calendar *base;
    int through;                /* projecting: the last year asked for */
} read_context;

int wb__calendar_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                      const void *context)
{
    const read_context *ctx = context;
    const wb_calendar *base = ctx != NULL ? ctx->base : NULL;
    int through = ctx != NULL ? ctx->through : 0;
    const char *name = doc->name;
    int rc = wb__xml_validate(doc, (const char *)wb__embedded_calendar_xsd,
                              wb__embedded_calendar_xsd_len, diags);
    if (rc != WB_OK)
        return rc;
    wb_calendar *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return WB_ENOMEM;
    builder b = { c, doc, diags, WB_OK, 0, 0, base, through, 0 };
    c->origin = wb__arena_strdup(&c->arena, name);
    if (c->origin == NULL)
        b.status = WB_ENOMEM;
    else
        build(&b, xmlDocGetRootElement(doc->doc));
    wb__diagnostics_sort(diags);

    rc = b.status;
    if (rc == WB_OK && b.beyond) {
        wb_calendar_free(c);
        return WB_ECOVERAGE;
    }
    if (rc == WB_OK && wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) > 0)
        rc = WB_ESCHEMA;
    /* A lone overlay checks but is no calendar: it has no days to answer for. */
    if (rc == WB_OK && out != NULL && c->kind == NULL) {
        wb_calendar_free(c);
        return wb__diagnostics_add(diags, WB_CHECK_DOCUMENT_KIND, name, 0, 0,
                                   "an overlay or a projection loads only on a calendar (wb_calendar_stack_file, wb_calendar_project)%s",
                                   "叠加日历或预测数据只能在基础日历上加载(wb_calendar_stack_file、wb_calendar_project)%s",
                                   "") == WB_OK ? WB_ESCHEMA : WB_ENOMEM;
    }
    if (rc == WB_OK && out != NULL)
        *out = c;
    else
        wb_calendar_free(c);
    return rc;
}

/* ================================================================ load */

/* Load through the shared document reader, into a wb_calendar. */
static int load(wb_calendar **out, const char *data, size_t len, const char *name,
                const char *path, const read_context *ctx, wb_error *err)
{
    void *c = NULL;
    int rc = path != NULL ? wb__document_load_file(&c, wb__calendar_read, ctx, path, err)
                          : wb__document_load(&c, wb__calendar_read, ctx, data, len, name, err);
    *out = c;
    return rc;
}

int wb_calendar_open_default(wb_calendar **out, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_open_default", "out");
    return load(out, (const char *)wb__embedded_calendar_xml,
                wb__embedded_calendar_xml_len, DEFAULT_ORIGIN, NULL, NULL, err);
}

int wb_calendar_load_buffer(wb_calendar **out, const char *data, size_t len,
                            const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_load_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_calendar_load_buffer", "data");
    return load(out, data, len, name != NULL ? name : "<buffer>", NULL, NULL, err);
}

int wb_calendar_load_file(wb_calendar **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_load_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_calendar_load_file", "path");
    return load(out, NULL, 0, NULL, path, NULL, err);
}

int wb_calendar_stack_buffer(wb_calendar **out, const wb_calendar *base,
                             const char *data, size_t len, const char *name,
                             wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_stack_buffer", "out");
    *out = NULL;
    if (base == NULL)
        return wb__error_arg(err, "wb_calendar_stack_buffer", "base");
    if (data == NULL)
        return wb__error_arg(err, "wb_calendar_stack_buffer", "data");
    read_context ctx = { base, 0 };
    return load(out, data, len, name != NULL ? name : "<buffer>", NULL, &ctx, err);
}

int wb_calendar_stack_file(wb_calendar **out, const wb_calendar *base,
                           const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_stack_file", "out");
    *out = NULL;
    if (base == NULL)
        return wb__error_arg(err, "wb_calendar_stack_file", "base");
    if (path == NULL)
        return wb__error_arg(err, "wb_calendar_stack_file", "path");
    read_context ctx = { base, 0 };
    return load(out, NULL, 0, NULL, path, &ctx, err);
}

static int project_check(wb_calendar **out, const wb_calendar *base, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_project", "out");
    *out = NULL;
    if (base == NULL)
        return wb__error_arg(err, "wb_calendar_project", "base");
    if (base->projected_from.days != INT32_MAX)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "calendar '%s' is projected already", base->edition);
    return WB_OK;
}

int wb_calendar_project(wb_calendar **out, const wb_calendar *base, int through_year,
                        wb_error *err)
{
    int rc = project_check(out, base, err);
    if (rc != WB_OK)
        return rc;
    read_context ctx = { base, through_year };
    return load(out, (const char *)wb__embedded_projection_xml,
                wb__embedded_projection_xml_len, "<default projection>", NULL, &ctx, err);
}

int wb_calendar_project_file(wb_calendar **out, const wb_calendar *base,
                             const char *path, int through_year, wb_error *err)
{
    int rc = project_check(out, base, err);
    if (rc != WB_OK)
        return rc;
    if (path == NULL)
        return wb__error_arg(err, "wb_calendar_project_file", "path");
    read_context ctx = { base, through_year };
    return load(out, NULL, 0, NULL, path, &ctx, err);
}

int wb_calendar_projected_from(wb_date *out, const wb_calendar *c)
{
    if (out == NULL || c == NULL)
        return WB_EINVAL;
    if (c->projected_from.days == INT32_MAX)
        return WB_ENOTFOUND;
    *out = c->projected_from;
    return WB_OK;
}

void wb_calendar_free(wb_calendar *calendar)
{
    if (calendar == NULL)
        return;
    wb__arena_dispose(&calendar->arena);
    free(calendar);
}

int wb_calendar_check_buffer(wb_diagnostics **out, const char *data, size_t len,
                             const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_check_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_calendar_check_buffer", "data");
    return wb__document_check(out, wb__calendar_read, NULL, data, len,
                              name != NULL ? name : "<buffer>", err);
}

int wb_calendar_check_file(wb_diagnostics **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_check_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_calendar_check_file", "path");
    return wb__document_check_file(out, wb__calendar_read, NULL, path, err);
}

const char *wb_calendar_schema(void)
{
    return (const char *)wb__embedded_calendar_xsd;
}

/* ============================================================= queries */

const char *wb_calendar_edition(const wb_calendar *c) { return c ? c->edition : NULL; }
const char *wb_calendar_origin(const wb_calendar *c) { return c ? c->origin : NULL; }
int wb_calendar_first_year(const wb_calendar *c) { return c ? c->first_year : 0; }
int wb_calendar_last_year(const wb_calendar *c) { return c ? c->last_year : 0; }

wb_date wb_calendar_final_through(const wb_calendar *c)
{
    wb_date none = { INT32_MIN };
    return c ? c->final_through : none;
}

/* The table index of a date, or a coverage error. */
static int index_of(const wb_calendar *c, wb_date d, int32_t *idx, wb_error *err)
{
    int64_t i = (int64_t)d.days - c->start.days;
    if (!wb_date_is_valid(d) || i < 0 || i >= c->days) {
        char iso[WB_DATE_STRLEN] = "(invalid)";
        wb_date_format(iso, d);
        return wb__error_set(err, WB_ECOVERAGE, c->origin, 0, 0, NULL,
                             "%s is outside the calendar's coverage (%d-%d, edition %s)",
                             iso, c->first_year, c->last_year, c->edition);
    }
    *idx = (int32_t)i;
    return WB_OK;
}

int wb_calendar_day(wb_day_info *out, const wb_calendar *c, wb_date date,
                    wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_day", "out");
    if (c == NULL)
        return wb__error_arg(err, "wb_calendar_day", "calendar");
    int32_t i;
    int rc = index_of(c, date, &i, err);
    if (rc != WB_OK)
        return rc;
    memset(out, 0, sizeof(*out));
    out->kind = (wb_day_kind)c->kind[i];
    out->is_workday = out->kind == WB_DAY_WORKDAY || out->kind == WB_DAY_MAKEUP_WORKDAY;
    out->provisional = date.days > c->final_through.days;
    out->projected = date.days >= c->projected_from.days;
    if (out->kind == WB_DAY_HOLIDAY) {
        out->holiday = c->holidays[c->entry[i]].name;
        out->notice = c->holidays[c->entry[i]].notice;
    } else if (out->kind == WB_DAY_MAKEUP_WORKDAY) {
        out->holiday = c->makeups[c->entry[i]].holiday;
        out->notice = c->makeups[c->entry[i]].notice;
    }
    return WB_OK;
}

int wb_calendar_is_workday(const wb_calendar *c, wb_date date, wb_error *err)
{
    if (c == NULL)
        return wb__error_arg(err, "wb_calendar_is_workday", "calendar");
    int32_t i;
    int rc = index_of(c, date, &i, err);
    if (rc != WB_OK)
        return rc;
    return c->kind[i] == WB_DAY_WORKDAY || c->kind[i] == WB_DAY_MAKEUP_WORKDAY;
}

int wb_calendar_add_workdays(wb_date *out, const wb_calendar *c, wb_date date,
                             int32_t n, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_add_workdays", "out");
    if (c == NULL)
        return wb__error_arg(err, "wb_calendar_add_workdays", "calendar");
    int32_t i;
    int rc = index_of(c, date, &i, err);
    if (rc != WB_OK)
        return rc;
    if (n == 0) {
        *out = date;
        return WB_OK;
    }
    /* Working days up to and including day i, or strictly before it. */
    int64_t k = n > 0 ? (int64_t)c->cum[i + 1] + n - 1 : (int64_t)c->cum[i] + n;
    if (k < 0 || k >= c->workday_count) {
        char iso[WB_DATE_STRLEN];
        wb_date_format(iso, date);
        return wb__error_set(err, WB_ECOVERAGE, c->origin, 0, 0, NULL,
                             "%ld working days %s %s reach past the calendar's coverage (%d-%d)",
                             (long)(n > 0 ? n : -(int64_t)n), n > 0 ? "after" : "before",
                             iso, c->first_year, c->last_year);
    }
    out->days = c->start.days + c->workdays[k];
    return WB_OK;
}

int wb_calendar_next_workday(wb_date *out, const wb_calendar *c, wb_date date,
                             wb_error *err)
{
    return wb_calendar_add_workdays(out, c, date, 1, err);
}

int wb_calendar_prev_workday(wb_date *out, const wb_calendar *c, wb_date date,
                             wb_error *err)
{
    return wb_calendar_add_workdays(out, c, date, -1, err);
}

int wb_calendar_count_workdays(int32_t *out, const wb_calendar *c, wb_date from,
                               wb_date to, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_calendar_count_workdays", "out");
    if (c == NULL)
        return wb__error_arg(err, "wb_calendar_count_workdays", "calendar");
    int32_t a, b;
    int rc = index_of(c, from, &a, err);
    if (rc == WB_OK)
        rc = index_of(c, to, &b, err);
    if (rc != WB_OK)
        return rc;
    /* Start excluded, end included, in the direction of travel. */
    *out = b >= a ? c->cum[b + 1] - c->cum[a + 1] : -(c->cum[a] - c->cum[b]);
    return WB_OK;
}

/* ===================================================== arrangements */

size_t wb_calendar_holiday_count(const wb_calendar *c) { return c ? c->holiday_count : 0; }

const wb_holiday *wb_calendar_holiday_at(const wb_calendar *c, size_t i)
{
    return c != NULL && i < c->holiday_count ? &c->holidays[i] : NULL;
}

const char *wb_holiday_name(const wb_holiday *h) { return h ? h->name : NULL; }

wb_date wb_holiday_start(const wb_holiday *h)
{
    wb_date none = { INT32_MIN };
    return h ? h->start : none;
}

wb_date wb_holiday_end(const wb_holiday *h)
{
    wb_date none = { INT32_MIN };
    return h ? h->end : none;
}

int wb_holiday_year(const wb_holiday *h) { return h ? h->year : 0; }
const char *wb_holiday_notice(const wb_holiday *h) { return h ? h->notice : NULL; }

size_t wb_calendar_makeup_count(const wb_calendar *c) { return c ? c->makeup_count : 0; }

const wb_makeup_day *wb_calendar_makeup_at(const wb_calendar *c, size_t i)
{
    return c != NULL && i < c->makeup_count ? &c->makeups[i] : NULL;
}

wb_date wb_makeup_day_date(const wb_makeup_day *m)
{
    wb_date none = { INT32_MIN };
    return m ? m->date : none;
}

const char *wb_makeup_day_holiday(const wb_makeup_day *m) { return m ? m->holiday : NULL; }
int wb_makeup_day_year(const wb_makeup_day *m) { return m ? m->year : 0; }
const char *wb_makeup_day_notice(const wb_makeup_day *m) { return m ? m->notice : NULL; }
