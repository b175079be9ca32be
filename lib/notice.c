/*
 * notice.c - read the text of a State Council holiday notice and write
 * it as a calendar edition.
 *
 * The notices keep one shape year after year:
 *
 *   国务院办公厅关于2026年部分节假日安排的通知
 *   国办发明电〔2025〕7号
 *   …
 *   二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。
 *   …
 *   国务院办公厅
 *   2025年11月4日
 *
 * Each numbered item is one holiday. Its sentences (split at 。 and ;)
 * are read by their verbs: the sentence with 放假 gives the days off
 * (X至Y, or X alone, extended to the day named before 补休) and 共N天;
 * a sentence with 上班 gives make-up working days. A month or year left
 * out carries over from the date before. Every weekday written in
 * brackets is checked against its date. What cannot be read is reported
 * with its line, never guessed.
 */
#include "weibao/calendar.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnostic_internal.h"
#include "errors_internal.h"
#include "strbuf.h"

#define MAX_DATES 32

typedef struct found_date {
    wb_date date;
    size_t at;          /* byte offset of the date in its line */
    size_t end;         /* byte offset just after it (and its brackets) */
} found_date;

typedef struct entry {
    int is_holiday;
    size_t name;        /* index of the item's name in importer.names */
    wb_date start, end;
    long days;          /* 共N天, or 0 */
} entry;

typedef struct importer {
    const char *name;
    wb_diagnostics *diags;
    int status;
    int year;               /* from the title */
    char title[256];
    char number[128];
    wb_date signed_on;
    int has_signed;
    wb_date anchor;         /* the first date of the item being read */
    int has_anchor;
    entry *entries;
    size_t count, cap;
    char (*names)[128];     /* one per item */
    size_t name_count, name_cap;
} importer;

/* Record a finding; the two formats take the same arguments. */
#define FINDING(im, rule, line, column, en, zh, ...)                          \
    do {                                                                      \
        if (wb__diagnostics_add((im)->diags, (rule), (im)->name, (line),      \
                                (column), (en), (zh), __VA_ARGS__) != WB_OK)  \
            (im)->status = WB_ENOMEM;                                         \
    } while (0)

/* Code points from the start of a line to a byte offset, plus one. */
static int column_of(const char *line, size_t at)
{
    int col = 1;
    for (size_t i = 0; i < at; i++)
        if (((unsigned char)line[i] & 0xC0u) != 0x80u)
            col++;
    return col;
}

static int starts(const char *p, const char *lit)
{
    return strncmp(p, lit, strlen(lit)) == 0;
}

/* An ASCII or full-width digit at p: its value and length, or -1. */
static int digit_at(const char *p, size_t *len)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] >= '0' && s[0] <= '9') {
        *len = 1;
        return s[0] - '0';
    }
    if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
        *len = 3;
        return s[2] - 0x90;
    }
    return -1;
}

static int number_at(const char **p, int max_digits)
{
    int value = 0, n = 0;
    size_t len;
    int d;
    while (n < max_digits && (d = digit_at(*p, &len)) >= 0) {
        value = value * 10 + d;
        *p += len;
        n++;
    }
    return n > 0 ? value : -1;
}

/* Skip a bracketed note, full- or half-width; copy its text to note. */
static const char *skip_note(const char *p, char *note, size_t size)
{
    const char *close;
    size_t open_len;
    if (starts(p, "（")) {
        close = "）";
        open_len = strlen("（");
    } else if (*p == '(') {
        close = ")";
        open_len = 1;
    } else {
        note[0] = '\0';
        return p;
    }
    const char *end = strstr(p + open_len, close);
    if (end == NULL) {
        note[0] = '\0';
        return p;
    }
    size_t n = (size_t)(end - (p + open_len));
    if (n >= size)
        n = size - 1;
    memcpy(note, p + open_len, n);
    note[n] = '\0';
    return end + strlen(close);
}

/* The weekday a bracket note names (星期一 … 星期日, 周一 … 周日), or 0. */
static int note_weekday(const char *note)
{
    static const char *const days[] = { "一", "二", "三", "四", "五", "六", "日" };
    const char *prefixes[] = { "星期", "周" };
    for (int k = 0; k < 2; k++) {
        const char *at = strstr(note, prefixes[k]);
        if (at == NULL)
            continue;
        at += strlen(prefixes[k]);
        for (int d = 0; d < 7; d++)
            if (starts(at, days[d]))
                return d + 1;
        if (starts(at, "天"))
            return 7;
    }
    return 0;
}

/*
 * Read a date at p: [YYYY年][M月]D日 and an optional bracketed note.
 * Year and month carry over in *year and *month. Returns the position
 * after it, or NULL when there is no date at p.
 */
static const char *read_date(importer *im, const char *line, int lineno,
                             const char *p, int *year, int *month, found_date *out)
{
    const char *s = p;
    int y = *year, m = *month, n = number_at(&s, 4), explicit_year = 0;
    if (n < 0)
        return NULL;
    if (starts(s, "年")) {
        y = n;
        explicit_year = 1;
        s += strlen("年");
        n = number_at(&s, 2);
        if (n < 0)
            return NULL;
    }
    if (starts(s, "月")) {
        m = n;
        s += strlen("月");
        n = number_at(&s, 2);
        if (n < 0)
            return NULL;
    }
    if (!starts(s, "日"))
        return NULL;
    s += strlen("日");
    /* A date written without its year belongs to the year that puts it
       nearest the item's first date: "其中,1月1日…12月30日…" in an item
       from 2007-12-30 to 2008-01-01 means 2007-12-30. */
    if (!explicit_year && im->has_anchor) {
        wb_date here, before, after;
        if (wb_date_from_ymd(&here, y, m, n, NULL) == WB_OK &&
            wb_date_from_ymd(&before, y - 1, m, n, NULL) == WB_OK &&
            wb_date_from_ymd(&after, y + 1, m, n, NULL) == WB_OK) {
            int32_t dh = abs(wb_date_diff_days(here, im->anchor));
            if (abs(wb_date_diff_days(before, im->anchor)) < dh)
                y -= 1;
            else if (abs(wb_date_diff_days(after, im->anchor)) < dh)
                y += 1;
        }
    }
    wb_error err;
    if (wb_date_from_ymd(&out->date, y, m, n, &err) != WB_OK) {
        char what[64];
        snprintf(what, sizeof(what), "%d-%02d-%02d", y, m, n);
        if (wb__diagnostics_add(im->diags, WB_CHECK_NOTICE_UNREADABLE, im->name,
                                lineno, column_of(line, (size_t)(p - line)),
                                "the date %s does not exist", "日期 %s 不存在",
                                what) != WB_OK)
            im->status = WB_ENOMEM;
        return NULL;
    }
    *year = y;
    *month = m;
    if (!im->has_anchor) {
        im->anchor = out->date;
        im->has_anchor = 1;
    }
    char note[128];
    s = skip_note(s, note, sizeof(note));
    int said = note_weekday(note);
    if (said != 0 && said != (int)wb_date_weekday(out->date)) {
        static const char *const names[] = { "", "一", "二", "三", "四", "五", "六", "日" };
        char iso[WB_DATE_STRLEN];
        wb_date_format(iso, out->date);
        if (wb__diagnostics_add(im->diags, WB_CHECK_NOTICE_WEEKDAY, im->name, lineno,
                                column_of(line, (size_t)(p - line)),
                                "the notice calls %s a %s, but it is a %s",
                                "通知称 %s 为星期%s,实为星期%s", iso,
                                names[said], names[wb_date_weekday(out->date)]) != WB_OK)
            im->status = WB_ENOMEM;
    }
    out->at = (size_t)(p - line);
    out->end = (size_t)(s - line);
    return s;
}

static int add_entry(importer *im, const entry *e)
{
    if (im->count == im->cap) {
        size_t cap = im->cap ? im->cap * 2 : 32;
        entry *bigger = realloc(im->entries, cap * sizeof(entry));
        if (bigger == NULL) {
            im->status = WB_ENOMEM;
            return 0;
        }
        im->entries = bigger;
        im->cap = cap;
    }
    im->entries[im->count++] = *e;
    return 1;
}

/* Where a keyword occurs in [from, to) of a line, or NULL. */
static const char *find_in(const char *from, const char *to, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = from; p + n <= to; p++)
        if (strncmp(p, word, n) == 0)
            return p;
    return NULL;
}

/* The first of the marks in [from, to), its length in *len; or to, with
   *len 0. One pass, so that a line of many sentences is read in linear
   time. */
static const char *first_mark(const char *from, const char *to, const char *const *marks,
                              size_t count, size_t *len)
{
    for (const char *p = from; p < to; p++)
        for (size_t k = 0; k < count; k++) {
            size_t n = strlen(marks[k]);
            if ((size_t)(to - p) >= n && memcmp(p, marks[k], n) == 0) {
                *len = n;
                return p;
            }
        }
    *len = 0;
    return to;
}

/*
 * 共N天 at p, checked against the days off: a count that is not their
 * number, however many digits it has, is a mismatch at its place. The
 * digits are quoted as written (ASCII), the first 20 of them.
 */
static void read_count(importer *im, const char *line, int lineno, const char *p, entry *e)
{
    const char *q = p + strlen("共");
    char said[21];
    size_t k = 0, len;
    long value = 0;
    int d;
    for (; (d = digit_at(q, &len)) >= 0; q += len, k++) {
        if (k < 20)
            said[k] = (char)('0' + d);
        /* Past nine digits no holiday is that long: keep it above any. */
        value = value < 100000000L ? value * 10 + d : 1000000000L;
    }
    if (k == 0 || !starts(q, "天"))
        return;
    said[k < 20 ? k : 20] = '\0';
    long actual = (long)wb_date_diff_days(e->end, e->start) + 1;
    if (value == actual) {
        e->days = value;
        return;
    }
    char start[WB_DATE_STRLEN], end[WB_DATE_STRLEN];
    wb_date_format(start, e->start);
    wb_date_format(end, e->end);
    FINDING(im, WB_CHECK_CAL_DAYS, lineno, column_of(line, (size_t)(p - line)),
            "item '%s' says 共%s%s天, but its days off, %s to %s, are %ld",
            "“%s”一项称共%s%s天,但其放假日期 %s 至 %s 为 %ld 天",
            im->names[e->name], said, k > 20 ? "…" : "", start, end, actual);
}

/* One sentence of an item: [from, to) of the line. */
static void read_sentence(importer *im, const char *line, int lineno,
                          const char *from, const char *to, size_t name,
                          int *year, int *month, int *had_days_off)
{
    found_date dates[MAX_DATES];
    size_t n = 0;
    for (const char *p = from; p < to && n < MAX_DATES;) {
        const char *after = read_date(im, line, lineno, p, year, month, &dates[n]);
        if (after != NULL) {
            n++;
            p = after;
        } else {
            p++;
        }
    }
    if (n == 0)
        return;
    const char *off = find_in(from, to, "放假");
    const char *work = find_in(from, to, "上班");
    const char *moved = find_in(from, to, "公休日");
    if (off == NULL && work == NULL && moved == NULL)
        return;     /* an explanation (其中…), nothing to record */

    if (off != NULL && !*had_days_off) {
        entry e = { 1, name, dates[0].date, dates[0].date, 0 };
        size_t used = 1;
        /* X至Y, or X—Y in the older notices. */
        const char *to_word = find_in(line + dates[0].end, to, "至");
        const char *dash = find_in(line + dates[0].end, to, "—");
        if (to_word == NULL || (dash != NULL && dash < to_word))
            to_word = dash;
        if (n > 1 && to_word != NULL && to_word < line + dates[1].at) {
            e.end = dates[1].date;
            used = 2;
        }
        const char *makeup = find_in(from, to, "补休");
        for (size_t i = used; makeup != NULL && i < n; i++)
            if (line + dates[i].end <= makeup) {
                if (wb_date_cmp(dates[i].date, e.end) > 0)
                    e.end = dates[i].date;
                used = i + 1;
            }
        const char *total = find_in(from, to, "共");
        if (total != NULL)
            read_count(im, line, lineno, total, &e);
        *had_days_off = 1;
        if (!add_entry(im, &e))
            return;
    }
    /* Make-up working days: the dates of a clause (up to a comma) that ends
       in 上班; and, in the older notices, the weekend days "公休日调至"
       another day when they fall outside the days off. */
    static const char *const commas[] = { "，", "," };
    const char *clause = from;
    while (clause < to) {
        size_t comma_len;
        const char *end = first_mark(clause, to, commas, 2, &comma_len);
        const char *rest = find_in(clause, end, "公休日");
        const char *moved_to = rest != NULL ? find_in(rest, end, "调至") : NULL;
        int works = find_in(clause, end, "上班") != NULL;
        for (size_t i = 0; i < n; i++) {
            const char *at = line + dates[i].at;
            if (at < clause || at >= end)
                continue;
            int add = works;
            if (!add && moved_to != NULL && at < moved_to && im->count > 0) {
                const entry *days_off = NULL;
                for (size_t k = im->count; k-- > 0;)
                    if (im->entries[k].is_holiday && im->entries[k].name == name) {
                        days_off = &im->entries[k];
                        break;
                    }
                add = days_off != NULL &&
                      (wb_date_cmp(dates[i].date, days_off->start) < 0 ||
                       wb_date_cmp(dates[i].date, days_off->end) > 0);
            }
            if (!add)
                continue;
            /* This item's entries are the last ones: look no further back. */
            int seen = 0;
            for (size_t k = im->count; k-- > 0 && im->entries[k].name == name;)
                if (!im->entries[k].is_holiday && im->entries[k].start.days == dates[i].date.days)
                    seen = 1;
            entry e = { 0, name, dates[i].date, dates[i].date, 0 };
            if (!seen && !add_entry(im, &e))
                return;
        }
        if (end == to)
            break;
        clause = end + comma_len;
    }
}

/* The bytes of a run of Chinese numerals at p (一 … 十, 〇, 零, 百), or 0. */
static size_t numerals_at(const char *p)
{
    static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七",
                                            "八", "九", "十", "〇", "零", "百" };
    size_t n = 0;
    for (int more = 1; more;) {
        more = 0;
        for (size_t i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
            if (starts(p + n, numerals[i])) {
                n += strlen(numerals[i]);
                more = 1;
                break;
            }
    }
    return n;
}

/* "一、春节：…" → the item's name, and the body after the colon. */
static const char *item_body(const char *line, char *name, size_t size)
{
    size_t ordinal = numerals_at(line);
    if (ordinal == 0 || !starts(line + ordinal, "、"))
        return NULL;
    const char *p = line + ordinal + strlen("、");
    const char *colon = strstr(p, "：");
    size_t clen = strlen("：");
    const char *ascii = strchr(p, ':');
    if (colon == NULL || (ascii != NULL && ascii < colon)) {
        colon = ascii;
        clen = 1;
    }
    if (colon == NULL)
        return NULL;
    size_t n = (size_t)(colon - p);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    if (n == 0 || n >= size)
        return NULL;
    memcpy(name, p, n);
    name[n] = '\0';
    return colon + clen;
}

/*
 * Whether a line that is not read as an item is numbered like one: 1、
 * 1. 1) (1) （一） 一. 第一条 ①, or 一、 without a name and colon. Dates
 * and times do not count: 2025年11月4日 and 二〇二五年 are followed by 年,
 * 10:00 by a colon, none of them a separator.
 */
static int numbered(const char *line)
{
    static const char *const separators[] = { "、", ".", "．", "，", ",", "）", ")" };
    static const char *const closers[] = { "）", ")", "】", "]" };
    const char *p = line;
    size_t len = 0;
    int bracketed = 0;
    if (starts(p, "（") || starts(p, "【")) {
        p += strlen("（");
        bracketed = 1;
    } else if (*p == '(' || *p == '[') {
        p++;
        bracketed = 1;
    } else if (starts(p, "第")) {
        p += strlen("第");
    }
    /* ① … ⑳: U+2460 … U+2473. */
    if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x91 &&
        (unsigned char)p[2] >= 0xA0 && (unsigned char)p[2] <= 0xB3)
        return 1;
    const char *q = p;
    while (digit_at(q, &len) >= 0)
        q += len;
    if (q == p)
        q = p + numerals_at(p);
    if (q == p || q - p > 12)
        return 0;
    if (starts(line, "第"))
        return starts(q, "条") || starts(q, "项") || starts(q, "、");
    const char *const *ends = bracketed ? closers : separators;
    size_t count = bracketed ? sizeof(closers) / sizeof(closers[0])
                             : sizeof(separators) / sizeof(separators[0]);
    for (size_t i = 0; i < count; i++)
        if (starts(q, ends[i]))
            return 1;
    return 0;
}

/* A date written [M月]D日 (ASCII or full-width digits) in [from, to). */
static int has_date(const char *from, const char *to)
{
    size_t len;
    for (const char *p = from; p < to;) {
        const char *q = p;
        while (q < to && digit_at(q, &len) >= 0)
            q += len;
        if (q == p) {
            p++;
            continue;
        }
        if (starts(q, "月")) {
            const char *r = q + strlen("月");
            while (r < to && digit_at(r, &len) >= 0)
                r += len;
            if (r > q + strlen("月") && r < to && starts(r, "日"))
                return 1;
        }
        p = q;
    }
    return 0;
}

/*
 * Whether a line that is not read as an item gives days off or working
 * days all the same: numbered in another style, or a holiday named with
 * its dates (植树节:3月12日放假) — a date before the first comma or full
 * stop, and 放假, 上班, 调休 or 补休 in the line. The preamble, the closing
 * paragraph (节假日期间,各地区、各部门要妥善安排好值班…) and the
 * signature are none of these.
 */
static int looks_like_item(const char *line)
{
    if (numbered(line))
        return 1;
    static const char *const stops[] = { "，", ",", "。", "；", ";" };
    const char *end = line + strlen(line);
    size_t len;
    const char *head = first_mark(line, end, stops, sizeof(stops) / sizeof(stops[0]), &len);
    if (!has_date(line, head))
        return 0;
    return strstr(line, "放假") != NULL || strstr(line, "上班") != NULL ||
           strstr(line, "调休") != NULL || strstr(line, "补休") != NULL;
}

static void read_item(importer *im, const char *line, int lineno, const char *body,
                      size_t name)
{
    int year = im->year, month = 1, had_days_off = 0;
    im->has_anchor = 0;
    const char *end = body + strlen(body);
    const char *from = body;
    static const char *const marks[] = { "。", "；", ";" };
    while (from < end && im->status == WB_OK) {
        /* A sentence ends at 。 or a semicolon. */
        size_t mark_len;
        const char *stop = first_mark(from, end, marks, 3, &mark_len);
        read_sentence(im, line, lineno, from, stop, name, &year, &month, &had_days_off);
        if (stop == end)
            break;
        from = stop + mark_len;
    }
    if (!had_days_off)
        FINDING(im, WB_CHECK_NOTICE_UNREADABLE, lineno, 1,
                "cannot find the days off of item '%s'",
                "无法读出“%s”一项的放假日期", im->names[name]);
}

/* Room for one more item name; its index is name_count - 1. */
static char *name_slot(importer *im)
{
    if (im->name_count == im->name_cap) {
        size_t cap = im->name_cap ? im->name_cap * 2 : 16;
        char (*bigger)[128] = realloc(im->names, cap * sizeof(*bigger));
        if (bigger == NULL) {
            im->status = WB_ENOMEM;
            return NULL;
        }
        im->names = bigger;
        im->name_cap = cap;
    }
    return im->names[im->name_count++];
}

/* The title gives the year: 国务院办公厅关于2026年部分节假日安排的通知. */
static void read_title(importer *im, const char *line)
{
    const char *p = strstr(line, "关于");
    if (p == NULL || strstr(line, "节假日") == NULL || strstr(line, "通知") == NULL)
        return;
    p += strlen("关于");
    int y = number_at(&p, 4);
    if (y >= 1000 && starts(p, "年") && strlen(line) < sizeof(im->title)) {
        im->year = y;
        snprintf(im->title, sizeof(im->title), "%s", line);
    }
}

/* The document number, 国办发明电〔2025〕7号, with full-width digits
   written as ASCII ones, as every edition cites it. */
static void read_number(importer *im, const char *line)
{
    size_t n = 0, len;
    for (const char *p = line; *p != '\0' && n + 1 < sizeof(im->number);) {
        int d = digit_at(p, &len);
        if (d >= 0) {
            im->number[n++] = (char)('0' + d);
            p += len;
        } else {
            im->number[n++] = *p++;
        }
    }
    im->number[n] = '\0';
}

/* A line that is only a date: the signing date under the signature. */
static int read_signed(importer *im, const char *line)
{
    wb_date d;
    if (wb_date_parse(&d, line, NULL) != WB_OK)
        return 0;
    im->signed_on = d;
    im->has_signed = 1;
    return 1;
}

/* ------------------------------------------------------------- output */

static char *write_edition(const importer *im)
{
    wb__strbuf b = { 0 };
    char iso[WB_DATE_STRLEN];
    wb__strbuf_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    wb__strbuf_put(&b, "<!-- Imported from the text of %s by weibao-lint calendar import. -->\n",
        im->number[0] != '\0' ? im->number : im->title);
    wb__strbuf_put(&b, "<calendar xmlns=\"urn:weibao:calendar:1\" format=\"1\" edition=\"notice-%d\"\n"
            "          first-year=\"%d\" last-year=\"%d\" final-through=\"%d-12-24\">\n",
        im->year, im->year, im->year, im->year);
    wb__strbuf_put(&b, "  <title>");
    wb__strbuf_put_xml(&b, im->title);
    wb__strbuf_put(&b, "</title>\n");
    wb__strbuf_put(&b, "  <notice id=\"%d\" year=\"%d\"", im->year, im->year);
    if (im->number[0] != '\0') {
        wb__strbuf_put(&b, " number=\"");
        wb__strbuf_put_xml(&b, im->number);
        wb__strbuf_put(&b, "\"");
    }
    if (im->has_signed) {
        wb_date_format(iso, im->signed_on);
        wb__strbuf_put(&b, " date=\"%s\"", iso);
    }
    wb__strbuf_put(&b, "\n          title=\"");
    wb__strbuf_put_xml(&b, im->title);
    wb__strbuf_put(&b, "\">\n");
    for (size_t i = 0; i < im->count; i++) {
        const entry *e = &im->entries[i];
        if (e->is_holiday) {
            char end[WB_DATE_STRLEN];
            wb_date_format(iso, e->start);
            wb_date_format(end, e->end);
            wb__strbuf_put(&b, "    <holiday name=\"");
            wb__strbuf_put_xml(&b, im->names[e->name]);
            wb__strbuf_put(&b, "\" start=\"%s\" end=\"%s\"", iso, end);
            if (e->days > 0)
                wb__strbuf_put(&b, " days=\"%ld\"", e->days);
            wb__strbuf_put(&b, "/>\n");
        } else {
            wb_date_format(iso, e->start);
            wb__strbuf_put(&b, "    <workday date=\"%s\" holiday=\"", iso);
            wb__strbuf_put_xml(&b, im->names[e->name]);
            wb__strbuf_put(&b, "\"/>\n");
        }
    }
    wb__strbuf_put(&b, "  </notice>\n</calendar>\n");
    return wb__strbuf_finish(&b);
}

int wb_calendar_import_notice(char **xml_out, wb_diagnostics **findings,
                              const char *text, size_t len, const char *name,
                              wb_error *err)
{
    if (xml_out == NULL)
        return wb__error_arg(err, "wb_calendar_import_notice", "xml_out");
    *xml_out = NULL;
    if (findings == NULL)
        return wb__error_arg(err, "wb_calendar_import_notice", "findings");
    *findings = NULL;
    if (text == NULL)
        return wb__error_arg(err, "wb_calendar_import_notice", "text");
    if (name == NULL)
        name = "<notice>";

    importer im;
    memset(&im, 0, sizeof(im));
    im.name = name;
    im.diags = wb__diagnostics_new();
    char *copy = malloc(len + 1);
    if (im.diags == NULL || copy == NULL) {
        free(copy);
        wb_diagnostics_free(im.diags);
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "out of memory");
    }
    memcpy(copy, text, len);
    copy[len] = '\0';

    int lineno = 0;
    char *save = copy;
    while (save != NULL && im.status == WB_OK) {
        char *line = save;
        char *nl = strchr(line, '\n');
        save = nl != NULL && nl[1] != '\0' ? nl + 1 : NULL;   /* a final line end ends no line */
        if (nl != NULL)
            *nl = '\0';
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        lineno++;
        if (lineno == 1 && starts(line, "\xEF\xBB\xBF"))
            line += 3;
        /* A copy may indent its paragraphs (spaces, tabs, 　); columns
           still count from the start of the line. */
        const char *at = line;
        while (*at == ' ' || *at == '\t' || starts(at, "　"))
            at += *at == ' ' || *at == '\t' ? 1 : strlen("　");
        if (im.year == 0) {
            read_title(&im, at);
            continue;
        }
        if (im.number[0] == '\0' && strstr(at, "〔") != NULL && strstr(at, "号") != NULL &&
            strlen(at) < sizeof(im.number)) {
            read_number(&im, at);
            continue;
        }
        char item[128];
        const char *body = item_body(at, item, sizeof(item));
        if (body != NULL) {
            char *slot = name_slot(&im);
            if (slot == NULL)
                break;
            snprintf(slot, 128, "%s", item);
            read_item(&im, line, lineno, body, im.name_count - 1);
            continue;
        }
        if (read_signed(&im, at))
            continue;
        /* Never dropped without a word: what reads like an item but is
           not one is an error, so the edition is not written without it. */
        if (looks_like_item(at))
            FINDING(&im, WB_CHECK_NOTICE_UNREADABLE, lineno, column_of(line, (size_t)(at - line)),
                    "this line reads like a holiday item but is not one: items are numbered "
                    "一、二、… and name the holiday before a colon (二、春节:…)%s",
                    "此行像是节假日条目,但不符合条目格式:条目以 一、二、… 编号,"
                    "并在冒号前写明节日名称(如 二、春节:…)%s", "");
    }
    free(copy);

    if (im.status == WB_OK) {
        if (im.year == 0)
            FINDING(&im, WB_CHECK_NOTICE_MISSING, 1, 1,
                    "no title naming the year (国务院办公厅关于XXXX年部分节假日安排的通知)%s",
                    "未找到写明年份的标题(国务院办公厅关于XXXX年部分节假日安排的通知)%s", "");
        else if (im.count == 0)
            FINDING(&im, WB_CHECK_NOTICE_MISSING, 0, 0,    /* about the whole text */
                    "no holiday items (一、元旦:…)%s", "未找到节假日条目(一、元旦:…)%s", "");
        /* A copy without its number or date still gives the days: the
           edition leaves the citation out rather than guess it. */
        if (im.year != 0 && im.number[0] == '\0')
            FINDING(&im, WB_CHECK_NOTICE_UNCITED, 2, 1,
                    "no document number (发文字号, e.g. 国办发明电〔2025〕7号); "
                    "the edition cites the notice by its title%s",
                    "未找到发文字号(如 国办发明电〔2025〕7号);导入的版本以标题引用该通知%s", "");
        if (im.year != 0 && !im.has_signed)
            FINDING(&im, WB_CHECK_NOTICE_UNCITED, lineno, 1,
                    "no signing date (a line such as 2025年11月4日); the edition leaves it out%s",
                    "未找到成文日期(如 2025年11月4日 一行);导入的版本不写成文日期%s", "");
    }

    int rc = im.status;
    if (rc == WB_OK && wb_diagnostics_count_at_least(im.diags, WB_SEVERITY_ERROR) == 0) {
        char *xml = write_edition(&im);
        if (xml == NULL) {
            rc = WB_ENOMEM;
        } else {
            /* What we write must load: check it as any calendar is checked. */
            wb_diagnostics *check = NULL;
            rc = wb_calendar_check_buffer(&check, xml, strlen(xml), name, err);
            for (size_t i = 0; rc == WB_OK && i < wb_diagnostics_count(check); i++) {
                const wb_diagnostic *d = wb_diagnostics_at(check, i);
                if (wb__diagnostics_add_text(im.diags, wb_diagnostic_severity(d),
                                             wb_diagnostic_rule(d), name, 0, 0,
                                             wb_diagnostic_message(d, WB_LANG_EN),
                                             wb_diagnostic_message(d, WB_LANG_ZH)) != WB_OK)
                    rc = WB_ENOMEM;
            }
            wb_diagnostics_free(check);
            if (rc == WB_OK && wb_diagnostics_count_at_least(im.diags, WB_SEVERITY_ERROR) == 0)
                *xml_out = xml;
            else
                free(xml);
        }
    }
    free(im.entries);
    free(im.names);
    if (rc != WB_OK) {
        wb_diagnostics_free(im.diags);
        return rc == WB_ENOMEM ? wb__error_set(err, rc, name, 0, 0, NULL, "out of memory") : rc;
    }
    *findings = im.diags;
    return WB_OK;
}
