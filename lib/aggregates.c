/*
 * aggregates.c - rules over whole ledgers.
 *
 * Some standards are about a year, a quarter or the whole county rather
 * than one row: two meetings a year, an activity each quarter, 90% of
 * communities with a venue. Others join two ledgers: a trainee's
 * rotations are rows of the trainings ledger, a child's visits rows of
 * the visits ledger. These rules keep a snapshot of each row they read
 * (wb__collect_rows) and give their results when the evaluation finishes.
 *
 * Years and quarters: every calendar year (or quarter) that overlaps the
 * assessment period, from the one holding `since` to the one holding the
 * as-of date. One that ends after the as-of date is still open: too few
 * so far is pending, with the days left to its last day.
 *
 * A subject no ledger names cannot be found missing: when the directory
 * a rule needs (townships, communities, vacations) is not given, the
 * rule says so with an insufficient-data result rather than pass.
 *
 * A row with a cell that could not be read (reported by the reader) is
 * still a row of the ledger: it never shrinks what a rule counts over.
 * A community, township, child or trainee whose row cannot be read is
 * one more subject, judged insufficient data or not covered as each
 * rule's reading says; an event (a meeting, an activity, a visit) whose
 * row cannot be read is never taken as evidence that a duty was met, and
 * the results it could have changed name its line.
 */
#include "aggregates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "errors_internal.h"
#include "tally.h"

/* ================================================================ rows */

typedef struct row {
    const wb_ledger_kind *kind;
    const char *text[WB__MAX_FIELDS];   /* text columns; NULL for absent and personal ones */
    wb_date date[WB__MAX_FIELDS];
    int32_t number[WB__MAX_FIELDS];
    unsigned present;                   /* bit per column */
    unsigned unreadable;                /* bit per column that could not be read */
    const char *source;
    int line;
} row;

typedef struct rows {
    wb__arena arena;
    wb__tally *sources;     /* file names, kept once each */
    row *items;
    size_t count, cap;
} rows;

static int has(const row *r, int field) { return (r->present >> field) & 1u; }

#define COLUMN(f) (1u << (f))

/* Whether any of `columns` (or the key) could not be read, or there is no key. */
static int unreadable(const row *r, unsigned columns)
{
    return !has(r, 0) || (r->unreadable & (columns | COLUMN(0))) != 0;
}

static const char *text_or_empty(const row *r, int field)
{
    return field >= 0 && r->text[field] != NULL ? r->text[field] : "";
}

int wb__collect_rows(void **state, const wb_rule *rule, const wb_record *record)
{
    (void)rule;
    rows *rs = *state;
    if (rs == NULL) {
        rs = calloc(1, sizeof(*rs));
        if (rs == NULL || (rs->sources = wb__tally_new(0)) == NULL) {
            free(rs);
            return WB_ENOMEM;
        }
        *state = rs;
    }
    if (rs->count == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 64;
        row *items = realloc(rs->items, cap * sizeof(*items));
        if (items == NULL)
            return WB_ENOMEM;
        rs->items = items;
        rs->cap = cap;
    }
    row *r = &rs->items[rs->count];
    memset(r, 0, sizeof(*r));
    r->kind = record->kind;
    r->line = record->line;
    r->unreadable = record->unreadable;
    if (record->source != NULL) {
        size_t i = wb__tally_find_or_add(rs->sources, record->source, NULL);
        if (i == (size_t)-1)
            return WB_ENOMEM;
        r->source = wb__tally_name(rs->sources, i);
    }
    for (size_t f = 0; f < record->kind->field_count; f++) {
        /* A row that could not be read at all lends no cell to any rule. */
        if (record->text[f] == NULL || record->unreadable == WB__ROW_UNREADABLE)
            continue;
        r->present |= 1u << f;
        r->date[f] = record->date[f];
        r->number[f] = record->number[f];
        wb_field_type type = record->kind->fields[f].type;
        /* Personal columns are never kept: no later message can show them. */
        if (type == WB_FIELD_TEXT && (r->text[f] = wb__arena_strdup(&rs->arena, record->text[f])) == NULL)
            return WB_ENOMEM;
    }
    rs->count++;
    return WB_OK;
}

void wb__rows_free(void *state)
{
    rows *rs = state;
    if (rs == NULL)
        return;
    wb__arena_dispose(&rs->arena);
    wb__tally_free(rs->sources);
    free(rs->items);
    free(rs);
}

static size_t row_count(const rows *rs) { return rs != NULL ? rs->count : 0; }

/* The i-th row if it is of kind k, else NULL. */
static const row *row_of(const rows *rs, size_t i, const wb_ledger_kind *k)
{
    return rs->items[i].kind == k ? &rs->items[i] : NULL;
}

static int any_of(const rows *rs, const wb_ledger_kind *k)
{
    for (size_t i = 0; i < row_count(rs); i++)
        if (rs->items[i].kind == k)
            return 1;
    return 0;
}

/* ============================================================== results */

/* A result about one row. */
static wb_result row_result(const wb__rule_run *run, const row *r)
{
    wb_result res = wb__run_result(run, text_or_empty(r, 0), text_or_empty(r, r->kind->unit_field),
                                   text_or_empty(r, r->kind->township_field));
    res.source = r->source;
    res.line = r->line;
    return res;
}

/* Insufficient data: a row lacks a column. */
static int emit_row_missing(wb__rule_run *run, const row *r, int field)
{
    wb_result res = row_result(run, r);
    res.outcome = WB_OUTCOME_INSUFFICIENT_DATA;
    res.missing = r->kind->fields[field].name;
    res.missing_header = r->kind->fields[field].header;
    return wb__emit(run, &res);
}

/* Insufficient data: a row's cell (of `columns`, the key first) could not be read. */
static int emit_row_unreadable(wb__rule_run *run, const row *r, unsigned columns)
{
    wb_result res = row_result(run, r);
    if (!has(r, 0) && !(r->unreadable & COLUMN(0))) {
        res.outcome = WB_OUTCOME_INSUFFICIENT_DATA;
        res.missing = r->kind->fields[0].name;
        res.missing_header = r->kind->fields[0].header;
    } else {
        wb__result_unreadable(&res, r->kind, r->unreadable, columns | COLUMN(0));
    }
    return wb__emit(run, &res);
}

/* ============================================================== strays */

/*
 * Rows a rule could not read, kept to be named in the results they could
 * have changed: each with the subject it names and its date, when those
 * could be read.
 */
typedef struct stray {
    const char *subject;        /* NULL: it could be any subject's */
    int has_date;
    wb_date date;
    int line;
} stray;

typedef struct strays {
    stray *items;
    size_t count, cap;
} strays;

static int strays_add(strays *st, const row *r, int subject, int date)
{
    if (st->count == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 8;
        stray *items = realloc(st->items, cap * sizeof(*items));
        if (items == NULL)
            return WB_ENOMEM;
        st->items = items;
        st->cap = cap;
    }
    stray *x = &st->items[st->count++];
    x->subject = subject >= 0 && has(r, subject) && !(r->unreadable & COLUMN(subject))
                     ? r->text[subject] : NULL;
    x->has_date = date >= 0 && has(r, date) && !(r->unreadable & COLUMN(date));
    if (x->has_date)
        x->date = r->date[date];
    x->line = r->line;
    return WB_OK;
}

/*
 * Append to a result's note (zh, en; size bytes each) the strays that
 * could be subject's (NULL: anyone's) and fall in [from, to] (from NULL:
 * any time): "1 row could not be read (line 19): how".
 */
static void note_strays(char *zh, char *en, size_t size, const strays *st, const char *subject,
                        const wb_date *from, const wb_date *to, const char *how_zh,
                        const char *how_en)
{
    char lines[96] = "";
    size_t n = 0, listed = 0;
    for (size_t i = 0; st != NULL && i < st->count; i++) {
        const stray *x = &st->items[i];
        if (subject != NULL && x->subject != NULL && strcmp(subject, x->subject) != 0)
            continue;
        if (from != NULL && x->has_date &&
            (wb_date_cmp(x->date, *from) < 0 || wb_date_cmp(x->date, *to) > 0))
            continue;
        n++;
        size_t l = strlen(lines);
        if (listed < 5) {
            snprintf(lines + l, sizeof(lines) - l, "%s%d", listed ? ", " : "", x->line);
            listed++;
        } else if (listed++ == 5) {
            snprintf(lines + l, sizeof(lines) - l, ", ...");
        }
    }
    if (n == 0)
        return;
    size_t zl = strlen(zh), el = strlen(en);
    snprintf(zh + zl, size - zl, "%s%zu 行无法识别(第 %s 行),%s", zl ? ";" : "", n, lines, how_zh);
    snprintf(en + el, size - el, "%s%zu %s could not be read (line%s %s): %s", el ? "; " : "", n,
             n == 1 ? "row" : "rows", n == 1 ? "" : "s", lines, how_en);
}

/* Insufficient data: a whole ledger the rule needs was not given. */
static int emit_ledger_missing(wb__rule_run *run, const wb_ledger_kind *kind)
{
    wb_result res = wb__run_result(run, kind->title[0], NULL, NULL);
    res.outcome = WB_OUTCOME_INSUFFICIENT_DATA;
    res.missing = kind->name;
    res.missing_header = kind->title[0];
    return wb__emit(run, &res);
}

/* ================================================================ spans */

typedef struct span {
    wb_date from, to;
    char label[16];         /* "2026", "2026Q1" */
} span;

/* The years (or quarters) from the one holding since to the one holding
   as_of. *out is malloc'd; NULL count 0 when out of memory. */
static size_t make_spans(span **out, wb_date since, wb_date as_of, int quarters)
{
    int y0, m0, y1, m1;
    wb_date_to_ymd(since, &y0, &m0, NULL);
    wb_date_to_ymd(as_of, &y1, &m1, NULL);
    int per_year = quarters ? 4 : 1;
    int first = y0 * per_year + (quarters ? (m0 - 1) / 3 : 0);
    int last = y1 * per_year + (quarters ? (m1 - 1) / 3 : 0);
    size_t n = last >= first ? (size_t)(last - first + 1) : 0;
    *out = calloc(n ? n : 1, sizeof(span));
    if (*out == NULL)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int k = first + (int)i, y = k / per_year, q = k % per_year;
        span *s = &(*out)[i];
        if (quarters) {
            wb_date_from_ymd(&s->from, y, q * 3 + 1, 1, NULL);
            wb_date_from_ymd(&s->to, y, q * 3 + 3, wb_days_in_month(y, q * 3 + 3), NULL);
            snprintf(s->label, sizeof(s->label), "%04dQ%d", y, q + 1);
        } else {
            wb_date_from_ymd(&s->from, y, 1, 1, NULL);
            wb_date_from_ymd(&s->to, y, 12, 31, NULL);
            snprintf(s->label, sizeof(s->label), "%04d", y);
        }
    }
    return n;
}

static int in_span(wb_date d, const span *s)
{
    return wb_date_cmp(d, s->from) >= 0 && wb_date_cmp(d, s->to) <= 0;
}

/*
 * What a count is about: the subject's name ("" for the county), unit and
 * township; the rows that could not be read and might have counted (named
 * in a result that falls short); and, when the subject's own row could
 * not say whether the rule applies to it, that column and row.
 */
typedef struct count_of {
    const char *name, *unit, *township;
    const strays *strays;
    const char *strays_zh, *strays_en;  /* how they were taken */
    const row *doubt;
    int doubt_field;
} count_of;

/* A count for one subject in one span against the rule's `min`. */
static int emit_count(wb__rule_run *run, const count_of *c, const span *s, int64_t have)
{
    char key[320];
    snprintf(key, sizeof(key), "%s%s%s", c->name, c->name[0] != '\0' ? " " : "", s->label);
    wb_result res = wb__run_result(run, key, c->unit, c->township);
    res.has_span = 1;
    res.span_from = s->from;
    res.span_to = s->to;
    res.has_count = 1;
    res.have = have;
    res.need = wb__rule_param(wb__run_rule(run), "min");
    res.has_due = 1;
    res.due = s->to;
    char zh[400] = "", en[400] = "";
    if (have >= res.need) {
        res.outcome = WB_OUTCOME_COMPLIES;
        res.has_due = 0;
    } else if (c->doubt != NULL) {
        /* Too few, but whether it owes any could not be read. */
        res.has_due = 0;
        res.source = c->doubt->source;
        res.line = c->doubt->line;
        wb__result_unreadable(&res, c->doubt->kind, c->doubt->unreadable,
                              COLUMN(c->doubt_field));
    } else if (wb_date_cmp(wb__run_as_of(run), s->to) <= 0) {
        res.outcome = WB_OUTCOME_PENDING;
        res.days_left = wb_date_diff_days(s->to, wb__run_as_of(run));
    } else {
        res.outcome = WB_OUTCOME_VIOLATION;
        res.has_due = 0;
    }
    if (res.outcome != WB_OUTCOME_COMPLIES)
        note_strays(zh, en, sizeof(zh), c->strays, c->name[0] != '\0' ? c->name : NULL, &s->from,
                    &s->to, c->strays_zh, c->strays_en);
    if (en[0] != '\0') {
        res.detail[0] = zh;
        res.detail[1] = en;
    }
    return wb__emit(run, &res);
}

/*
 * Subjects and their dated events, counted per span: `subjects` names
 * each subject (its unit and township beside it); events are added to a
 * subject by name.
 */
typedef struct subject {
    const char *unit, *township;    /* borrowed from rows */
    const row *doubt;               /* its directory row could not say whether it counts */
    wb_date *dates;
    size_t count, cap;
} subject;

static void subjects_free(wb__tally *t)
{
    for (size_t i = 0; i < wb__tally_count(t); i++)
        free(((subject *)wb__tally_value(t, i))->dates);
    wb__tally_free(t);
}

static subject *subject_get(wb__tally *t, const char *name, const char *unit,
                            const char *township)
{
    int added;
    size_t i = wb__tally_find_or_add(t, name, &added);
    if (i == (size_t)-1)
        return NULL;
    subject *s = wb__tally_value(t, i);
    if (added || s->unit == NULL || s->unit[0] == '\0')
        s->unit = unit;
    if (added || s->township == NULL || s->township[0] == '\0')
        s->township = township;
    return s;
}

static int subject_add(subject *s, wb_date d)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        wb_date *dates = realloc(s->dates, cap * sizeof(*dates));
        if (dates == NULL)
            return WB_ENOMEM;
        s->dates = dates;
        s->cap = cap;
    }
    s->dates[s->count++] = d;
    return WB_OK;
}

/* One result per subject and span. */
static int emit_subject_spans(wb__rule_run *run, wb__tally *subjects, int quarters,
                              const strays *st, int doubt_field, const char *how_zh,
                              const char *how_en)
{
    span *spans;
    size_t n = make_spans(&spans, wb__run_since(run), wb__run_as_of(run), quarters);
    if (spans == NULL)
        return WB_ENOMEM;
    int rc = WB_OK;
    for (size_t i = 0; i < wb__tally_count(subjects) && rc == WB_OK; i++) {
        const subject *s = wb__tally_value(subjects, i);
        count_of c = { wb__tally_name(subjects, i), s->unit, s->township, st, how_zh, how_en,
                       s->doubt, doubt_field };
        for (size_t k = 0; k < n && rc == WB_OK; k++) {
            int64_t have = 0;
            for (size_t d = 0; d < s->count; d++)
                have += in_span(s->dates[d], &spans[k]);
            rc = emit_count(run, &c, &spans[k], have);
        }
    }
    free(spans);
    return rc;
}

/*
 * The subjects a directory ledger names: each row of `kind` (with `yes`
 * set, when yes >= 0) names one by its column `name`. A row whose name
 * cannot be read is one more subject, of insufficient data; one whose
 * `yes` cannot be read is a subject that may owe nothing (its shortfall
 * is insufficient data). *given says whether the ledger was given at all.
 */
static int list_subjects(wb__rule_run *run, const rows *rs, const wb_ledger_kind *kind, int name,
                         int township, int yes, wb__tally *subjects, int *given)
{
    int rc = WB_OK;
    *given = 0;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, kind);
        if (r == NULL)
            continue;
        *given = 1;
        int doubt = yes >= 0 && (r->unreadable & COLUMN(yes)) != 0;
        if (yes >= 0 && !doubt && !(has(r, yes) && r->number[yes] == WB__YES))
            continue;
        if ((r->unreadable & COLUMN(name)) != 0 || (name == 0 && unreadable(r, 0))) {
            rc = emit_row_unreadable(run, r, COLUMN(name));
            continue;
        }
        if (!has(r, name)) {
            rc = emit_row_missing(run, r, name);
            continue;
        }
        subject *s = subject_get(subjects, r->text[name], "", text_or_empty(r, township));
        if (s == NULL)
            rc = WB_ENOMEM;
        else if (doubt && s->doubt == NULL)
            s->doubt = r;
    }
    return rc;
}

/* What rows of one kind count as events. */
typedef struct event_spec {
    const wb_ledger_kind *kind;
    int level, level_value;     /* only rows whose column `level` holds level_value (-1: all) */
    int subject;                /* the column naming the subject (-1: the county itself, "") */
    int township;
    int date;
    int yes;                    /* counted only when this yes/no column says yes (-1: always) */
} event_spec;

/* The columns an event's row must have read for it to count. */
static unsigned event_columns(const event_spec *e)
{
    unsigned c = COLUMN(e->date);
    if (e->level >= 0)
        c |= COLUMN(e->level);
    if (e->subject >= 0)
        c |= COLUMN(e->subject);
    if (e->yes >= 0)
        c |= COLUMN(e->yes);
    return c;
}

/* Add each row's date to its subject; a row lacking the subject or the
   date is insufficient data; one that could not be read is a stray. */
static int gather_events(wb__rule_run *run, const rows *rs, const event_spec *e,
                         wb__tally *subjects, strays *st)
{
    int rc = WB_OK;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, e->kind);
        if (r == NULL)
            continue;
        if (unreadable(r, event_columns(e))) {
            /* Not this rule's if its level was read and is another. */
            if (e->level < 0 || !has(r, e->level) || r->number[e->level] == e->level_value)
                rc = strays_add(st, r, e->subject, e->date);
            continue;
        }
        if (e->level >= 0 && !(has(r, e->level) && r->number[e->level] == e->level_value))
            continue;
        if (e->subject >= 0 && !has(r, e->subject)) {
            rc = emit_row_missing(run, r, e->subject);
            continue;
        }
        if (!has(r, e->date)) {
            rc = emit_row_missing(run, r, e->date);
            continue;
        }
        const char *name = e->subject >= 0 ? r->text[e->subject] : "";
        subject *s = subject_get(subjects, name, "", text_or_empty(r, e->township));
        if (s == NULL)
            rc = WB_ENOMEM;
        else if (e->yes < 0 || (has(r, e->yes) && r->number[e->yes] == WB__YES))
            rc = subject_add(s, r->date[e->date]);
    }
    return rc;
}

/*
 * A count per subject and span: the subjects a directory names (when
 * `directory` is given; without it, insufficient data), those the events
 * name, or the county alone. how_zh and how_en say, in a result that
 * falls short, how an event row that could not be read was taken.
 */
static int count_per_span(wb__rule_run *run, const rows *rs, const event_spec *events,
                          const wb_ledger_kind *directory, int name, int township, int yes,
                          int quarters, const char *how_zh, const char *how_en)
{
    wb__tally *subjects = wb__tally_new(sizeof(subject));
    if (subjects == NULL)
        return WB_ENOMEM;
    strays st = { 0 };
    int rc = WB_OK, given = 1;
    if (directory != NULL)
        rc = list_subjects(run, rs, directory, name, township, yes, subjects, &given);
    else if (events->subject < 0 && subject_get(subjects, "", "", "") == NULL)
        rc = WB_ENOMEM;     /* the county itself, even with no event at all */
    if (rc == WB_OK)
        rc = gather_events(run, rs, events, subjects, &st);
    if (rc == WB_OK && !given)
        rc = emit_ledger_missing(run, directory);
    if (rc == WB_OK)
        rc = emit_subject_spans(run, subjects, quarters, &st, yes, how_zh, how_en);
    subjects_free(subjects);
    free(st.items);
    return rc;
}

/* 1.3: the county's own meetings, each calendar year. */
int wb__finish_county_meetings(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    static const event_spec meetings = { &wb__ledger_meetings, MT_LEVEL, MT_LEVEL_COUNTY, -1, -1,
                                         MT_DATE, -1 };
    return count_per_span(run, state, &meetings, NULL, -1, -1, -1, 0, "未计为会议",
                          "not counted as a meeting");
}

/* 1.8: each township's meetings with minutes (形成会议纪要), each year. */
int wb__finish_township_meetings(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    static const event_spec meetings = { &wb__ledger_meetings, MT_LEVEL, MT_LEVEL_TOWNSHIP,
                                         MT_TOWNSHIP, MT_TOWNSHIP, MT_DATE, MT_MINUTES };
    return count_per_span(run, state, &meetings, &wb__ledger_townships, TS_NAME, TS_NAME, -1, 0,
                          "未计为会议", "not counted as a meeting");
}

/* 3.2: each family-education site's recorded activities (做好活动记录), each quarter. */
int wb__finish_activities(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    static const event_spec activities = { &wb__ledger_activities, -1, 0, AC_SITE, AC_TOWNSHIP,
                                           AC_DATE, AC_RECORDED };
    return count_per_span(run, state, &activities, &wb__ledger_communities, CM_KEY, CM_TOWNSHIP,
                          CM_FAMILY_EDUCATION_SITE, 1, "未计为活动", "not counted as an activity");
}

/* 2.5: the county's data updates, each quarter. */
int wb__finish_data_updates(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    static const event_spec updates = { &wb__ledger_data_updates, -1, 0, -1, -1, DU_DATE, -1 };
    return count_per_span(run, state, &updates, NULL, -1, -1, -1, 1, "未计为更新",
                          "not counted as an update");
}

/* ================================================= social organisations */

int wb__finish_organisations(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    const rows *rs = state;
    span *spans;
    size_t n = make_spans(&spans, wb__run_since(run), wb__run_as_of(run), 0);
    if (spans == NULL)
        return WB_ENOMEM;
    strays st = { 0 };
    int rc = WB_OK;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_social_organisations);
        if (r == NULL)
            continue;
        if (unreadable(r, COLUMN(SO_NAME) | COLUMN(SO_DATE)))
            rc = strays_add(&st, r, -1, SO_DATE);
        else if (!has(r, SO_NAME) || !has(r, SO_DATE))
            rc = emit_row_missing(run, r, has(r, SO_NAME) ? SO_DATE : SO_NAME);
    }
    /* Each year: the organisations supported that year, each counted once. */
    count_of c = { "", "", "", &st, "未计入", "not counted", NULL, -1 };
    for (size_t k = 0; k < n && rc == WB_OK; k++) {
        wb__tally *names = wb__tally_new(0);
        if (names == NULL) {
            rc = WB_ENOMEM;
            break;
        }
        for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
            const row *r = row_of(rs, i, &wb__ledger_social_organisations);
            if (r != NULL && !unreadable(r, COLUMN(SO_NAME) | COLUMN(SO_DATE)) && has(r, SO_NAME) &&
                has(r, SO_DATE) && in_span(r->date[SO_DATE], &spans[k]) &&
                wb__tally_find_or_add(names, r->text[SO_NAME], NULL) == (size_t)-1)
                rc = WB_ENOMEM;
        }
        if (rc == WB_OK)
            rc = emit_count(run, &c, &spans[k], (int64_t)wb__tally_count(names));
        wb__tally_free(names);
    }
    free(spans);
    free(st.items);
    return rc;
}

/* ====================================================== venue coverage */

int wb__finish_venue_coverage(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    const rows *rs = state;
    const wb_rule *schedule = wb_ruleset_rule(wb__run_ruleset(run), "venue-schedule");
    const unsigned schedule_columns = COLUMN(CM_DAYS_OPEN) | COLUMN(CM_REST_DAYS_OPEN) |
                                      COLUMN(CM_HOURS_PER_OPENING);
    int64_t total = 0, venues = 0, open_enough = 0, unknown = 0;
    strays st = { 0 };
    int rc = WB_OK;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_communities);
        if (r == NULL)
            continue;
        /* Every row is a community, read or not: an unreadable one is
           in the count of communities, never among the covered. */
        total++;
        if (unreadable(r, COLUMN(CM_VENUE))) {
            rc = strays_add(&st, r, -1, -1);
            continue;
        }
        if (!has(r, CM_VENUE)) {
            unknown++;
            continue;
        }
        if (r->number[CM_VENUE] != WB__YES)
            continue;
        venues++;
        if (schedule == NULL)
            continue;
        if ((r->unreadable & schedule_columns) != 0) {
            rc = strays_add(&st, r, -1, -1);
            continue;
        }
        /* A venue counts only if its schedule meets venue-schedule's reading. */
        if (has(r, CM_DAYS_OPEN) && has(r, CM_REST_DAYS_OPEN) && has(r, CM_HOURS_PER_OPENING) &&
            r->number[CM_DAYS_OPEN] >= wb__rule_param(schedule, "min-days") &&
            r->number[CM_REST_DAYS_OPEN] >= wb__rule_param(schedule, "min-rest-days") &&
            r->number[CM_HOURS_PER_OPENING] >= wb__rule_param(schedule, "min-hours"))
            open_enough++;
    }
    if (rc != WB_OK || total == 0) {
        free(st.items);
        return rc != WB_OK ? rc : emit_ledger_missing(run, &wb__ledger_communities);
    }
    wb_result res = wb__run_result(run, "全县城乡社区", NULL, NULL);
    res.has_ratio = 1;
    res.numerator = schedule != NULL ? open_enough : venues;
    res.denominator = total;
    res.percent = wb__rule_param(wb__run_rule(run), "percent");
    char zh[600] = "", en[600] = "";
    note_strays(zh, en, sizeof(zh), &st, NULL, NULL, NULL, "计入社区总数,未计为覆盖",
                "counted among the communities, not as covered");
    size_t zl = strlen(zh), el = strlen(en);
    if (unknown > 0) {
        res.outcome = WB_OUTCOME_INSUFFICIENT_DATA;
        res.missing = "venue";
        res.missing_header = "关爱服务场所";
        snprintf(zh + zl, sizeof(zh) - zl, "%s%lld 个村(社区)未填写是否建有场所", zl ? ";" : "",
                 (long long)unknown);
        snprintf(en + el, sizeof(en) - el, "%s%lld communities do not say whether they have a venue",
                 el ? "; " : "", (long long)unknown);
    } else {
        /* 90%以上 includes 90%: 100 × covered ≥ 90 × total, in integers. */
        res.outcome = 100 * res.numerator >= (int64_t)res.percent * total ? WB_OUTCOME_COMPLIES
                                                                         : WB_OUTCOME_VIOLATION;
        int64_t tenths = venues * 1000 / total;
        if (schedule != NULL) {
            snprintf(zh + zl, sizeof(zh) - zl, "%s只计开放时间达标的场所;计入所有场所为 %lld/%lld(%lld.%lld%%)",
                     zl ? ";" : "", (long long)venues, (long long)total, (long long)(tenths / 10),
                     (long long)(tenths % 10));
            snprintf(en + el, sizeof(en) - el, "%scounting only venues whose schedule complies; "
                     "counting every venue: %lld of %lld (%lld.%lld%%)", el ? "; " : "",
                     (long long)venues, (long long)total, (long long)(tenths / 10),
                     (long long)(tenths % 10));
        } else {
            snprintf(zh + zl, sizeof(zh) - zl, "%s规则表无 venue-schedule,开放时间未计入", zl ? ";" : "");
            snprintf(en + el, sizeof(en) - el, "%sthe rule table has no venue-schedule: schedules are not counted",
                     el ? "; " : "");
        }
    }
    free(st.items);
    res.detail[0] = zh;
    res.detail[1] = en;
    return wb__emit(run, &res);
}

/* ============================================= special-education school */

/* The county (its first row) and the schools' count of special ones. */
static int special_school(wb__rule_run *run, const row *county, int schools, int64_t special,
                          const strays *st)
{
    if (county == NULL)
        return emit_ledger_missing(run, &wb__ledger_county);
    if ((county->unreadable & COLUMN(CO_POPULATION)) != 0)
        return emit_row_unreadable(run, county, COLUMN(CO_POPULATION));
    if (!has(county, CO_POPULATION))
        return emit_row_missing(run, county, CO_POPULATION);
    wb_result res = row_result(run, county);
    /* 30万人口以上 includes 300,000. */
    if (county->number[CO_POPULATION] < wb__rule_param(wb__run_rule(run), "population")) {
        res.outcome = WB_OUTCOME_NOT_APPLICABLE;
        res.why[0] = "常住人口未达到标准";
        res.why[1] = "the population is below the threshold";
        return wb__emit(run, &res);
    }
    if (!schools)
        return emit_ledger_missing(run, &wb__ledger_schools);
    res.has_count = 1;
    res.have = special;
    res.need = 1;
    res.outcome = special >= 1 ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
    char zh[200] = "", en[200] = "";
    if (res.outcome == WB_OUTCOME_VIOLATION)
        note_strays(zh, en, sizeof(zh), st, NULL, NULL, NULL, "未计为特殊教育学校",
                    "not counted as a special-education school");
    if (en[0] != '\0') {
        res.detail[0] = zh;
        res.detail[1] = en;
    }
    return wb__emit(run, &res);
}

int wb__finish_special_school(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    const rows *rs = state;
    const row *county = NULL;
    int schools = 0, rc = WB_OK;
    int64_t special = 0;
    strays st = { 0 };
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = &rs->items[i];
        if (r->kind == &wb__ledger_county && county == NULL)
            county = r;
        if (r->kind == &wb__ledger_schools) {
            schools = 1;
            /* A school whose stage cannot be read is not taken for a special one. */
            if (unreadable(r, COLUMN(SC_STAGE)))
                rc = strays_add(&st, r, -1, -1);
            else
                special += has(r, SC_STAGE) && r->number[SC_STAGE] == STAGE_SPECIAL;
        }
    }
    rc = rc != WB_OK ? rc : special_school(run, county, schools, special, &st);
    free(st.items);
    return rc;
}

/* ============================================================ rotations */

/* Whole calendar years in office after the first, inside the period:
   each needs a rotation. The current year is open until December 31. */
static int rotations(const rows *rs, wb__rule_run *run, int role_a, int role_b)
{
    wb__tally *held = wb__tally_new(sizeof(subject));
    if (held == NULL)
        return WB_ENOMEM;
    int rc = WB_OK;
    strays st = { 0 };
    const unsigned training_columns = COLUMN(TG_KIND) | COLUMN(TG_TRAINEE) | COLUMN(TG_DATE);
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_trainings);
        if (r == NULL || (has(r, TG_KIND) && r->number[TG_KIND] != TG_KIND_ROTATION))
            continue;
        /* A training that cannot be read is no rotation anyone can show. */
        if (unreadable(r, training_columns)) {
            rc = strays_add(&st, r, TG_TRAINEE, TG_DATE);
            continue;
        }
        if (!has(r, TG_KIND) || !has(r, TG_TRAINEE) || !has(r, TG_DATE))
            continue;
        subject *s = subject_get(held, r->text[TG_TRAINEE], "", "");
        rc = s != NULL ? subject_add(s, r->date[TG_DATE]) : WB_ENOMEM;
    }
    const unsigned trainee_columns = COLUMN(TR_ROLE) | COLUMN(TR_START_DATE) | COLUMN(TR_END_DATE);
    int since_year, as_of_year;
    wb_date_to_ymd(wb__run_since(run), &since_year, NULL, NULL);
    wb_date_to_ymd(wb__run_as_of(run), &as_of_year, NULL, NULL);
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_trainees);
        if (r == NULL || (has(r, TR_ROLE) && r->number[TR_ROLE] != role_a &&
                          r->number[TR_ROLE] != role_b))
            continue;
        /* Someone who may hold the post is in the count, as insufficient data. */
        if (unreadable(r, trainee_columns)) {
            rc = emit_row_unreadable(run, r, trainee_columns);
            continue;
        }
        if (!has(r, TR_ROLE))
            continue;
        if (!has(r, TR_START_DATE)) {
            rc = emit_row_missing(run, r, TR_START_DATE);
            continue;
        }
        int start_year, end_year = 9999, end_month = 12, end_day = 31;
        wb_date_to_ymd(r->date[TR_START_DATE], &start_year, NULL, NULL);
        if (has(r, TR_END_DATE))
            wb_date_to_ymd(r->date[TR_END_DATE], &end_year, &end_month, &end_day);
        /* A year left before its end is not a whole year in office. */
        int last_year = end_month == 12 && end_day == 31 ? end_year : end_year - 1;
        size_t k = wb__tally_find(held, r->text[TR_KEY]);
        const subject *s = k != (size_t)-1 ? wb__tally_value(held, k) : NULL;
        wb_result res = row_result(run, r);
        char missed_zh[160] = "", missed_en[160] = "";
        int required = 0, missed = 0, open = 0;
        for (int y = start_year + 1; y <= as_of_year && y <= last_year; y++) {
            if (y < since_year)
                continue;
            required++;
            span year;
            wb_date_from_ymd(&year.from, y, 1, 1, NULL);
            wb_date_from_ymd(&year.to, y, 12, 31, NULL);
            int done = 0;
            for (size_t d = 0; s != NULL && d < s->count && !done; d++)
                done = in_span(s->dates[d], &year);
            if (done)
                continue;
            if (y == as_of_year) {
                open = 1;
                res.has_due = 1;
                res.due = year.to;
                res.days_left = wb_date_diff_days(year.to, wb__run_as_of(run));
            } else {
                size_t zl = strlen(missed_zh), el = strlen(missed_en);
                snprintf(missed_zh + zl, sizeof(missed_zh) - zl, "%s%d", missed ? "、" : "", y);
                snprintf(missed_en + el, sizeof(missed_en) - el, "%s%d", missed ? ", " : "", y);
                missed++;
            }
        }
        if (required == 0) {
            res.outcome = WB_OUTCOME_NOT_APPLICABLE;
            res.why[0] = "评估期内没有任职后的完整年度";
            res.why[1] = "no whole year in office after the first within the period";
        } else if (missed > 0) {
            res.outcome = WB_OUTCOME_VIOLATION;
            res.has_due = 0;
            char zh[400], en[400];
            snprintf(zh, sizeof(zh), "以下年度没有轮训:%s", missed_zh);
            snprintf(en, sizeof(en), "no rotation in %s", missed_en);
            note_strays(zh, en, sizeof(zh), &st, r->text[TR_KEY], NULL, NULL, "未计为轮训",
                        "not counted as a rotation");
            res.why[0] = zh;
            res.why[1] = en;
            rc = wb__emit(run, &res);
            continue;
        } else if (open) {
            res.outcome = WB_OUTCOME_PENDING;
        } else {
            res.outcome = WB_OUTCOME_COMPLIES;
        }
        rc = wb__emit(run, &res);
    }
    subjects_free(held);
    free(st.items);
    return rc;
}

int wb__finish_director_rotation(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    return rotations(state, run, ROLE_CHILD_DIRECTOR, ROLE_CHILD_SUPERVISOR);
}

int wb__finish_reporting_rotation(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    return rotations(state, run, ROLE_REPORTING_STAFF, ROLE_REPORTING_STAFF);
}

/* ========================================================== home visits */

static int compare_dates(const void *a, const void *b)
{
    return wb_date_cmp(*(const wb_date *)a, *(const wb_date *)b);
}

int wb__finish_home_visits(void *state, wb__rule_run *run, wb_error *err)
{
    const rows *rs = state;
    static const char *const interval_of[] = { "high-every", "medium-every", "low-every" };
    wb__tally *visits = wb__tally_new(sizeof(subject));
    if (visits == NULL)
        return WB_ENOMEM;
    int rc = WB_OK;
    strays st = { 0 };
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_home_visits);
        if (r == NULL)
            continue;
        /* A visit that cannot be read is no visit anyone can show. */
        if (unreadable(r, COLUMN(HV_CHILD) | COLUMN(HV_DATE))) {
            rc = strays_add(&st, r, HV_CHILD, HV_DATE);
            continue;
        }
        if (!has(r, HV_CHILD) || !has(r, HV_DATE)) {
            rc = emit_row_missing(run, r, has(r, HV_CHILD) ? HV_DATE : HV_CHILD);
            continue;
        }
        subject *s = subject_get(visits, r->text[HV_CHILD], "", "");
        rc = s != NULL ? subject_add(s, r->date[HV_DATE]) : WB_ENOMEM;
    }
    const wb_calendar *cal = wb__run_calendar(run);
    wb_date as_of = wb__run_as_of(run), since = wb__run_since(run);
    int coverage = WB_OK;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_children);
        if (r == NULL)
            continue;
        const unsigned child_columns = COLUMN(CH_RISK_LEVEL) | COLUMN(CH_REGISTERED_DATE) |
                                       COLUMN(CH_CLOSED_DATE);
        if (unreadable(r, child_columns)) {
            rc = emit_row_unreadable(run, r, child_columns);
            continue;
        }
        if (!has(r, CH_RISK_LEVEL) || !has(r, CH_REGISTERED_DATE)) {
            rc = emit_row_missing(run, r, has(r, CH_RISK_LEVEL) ? CH_REGISTERED_DATE : CH_RISK_LEVEL);
            continue;
        }
        wb_result res = row_result(run, r);
        if (has(r, CH_CLOSED_DATE) && wb_date_cmp(r->date[CH_CLOSED_DATE], since) < 0) {
            res.outcome = WB_OUTCOME_NOT_APPLICABLE;
            res.why[0] = "评估期开始前已结案";
            res.why[1] = "closed before the period began";
            rc = wb__emit(run, &res);
            continue;
        }
        int32_t months = wb__rule_param(wb__run_rule(run), interval_of[r->number[CH_RISK_LEVEL]]);
        size_t k = wb__tally_find(visits, r->text[CH_KEY]);
        subject *s = k != (size_t)-1 ? wb__tally_value(visits, k) : NULL;
        if (s != NULL)
            qsort(s->dates, s->count, sizeof(wb_date), compare_dates);
        int closed = has(r, CH_CLOSED_DATE) && wb_date_cmp(r->date[CH_CLOSED_DATE], as_of) <= 0;
        wb_date end = closed ? r->date[CH_CLOSED_DATE] : as_of;
        /* Each visit is due one interval after the one before it (the
           first, after the registration); the first lapse whose due date
           lies in the period decides. */
        wb_date last = r->date[CH_REGISTERED_DATE];
        int lapsed = 0;
        for (size_t d = 0; s != NULL && d < s->count && !lapsed; d++) {
            wb_date visit = s->dates[d];
            if (wb_date_cmp(visit, last) <= 0 || wb_date_cmp(visit, end) > 0)
                continue;
            wb_deadline due;
            wb_period_options move = WB_PERIOD_OPTIONS_INIT;
            rc = wb_period_end(&due, cal, last, months, WB_PERIOD_MONTHS, &move, err);
            if (rc == WB_EINVAL) {
                /* Only the last day can fail: past 9999-12-31, past any calendar. */
                char from[WB_DATE_STRLEN];
                wb_date_format(from, last);
                rc = wb__error_set(err, WB_ECOVERAGE, NULL, 0, 0, "ledger-coverage",
                                   "%s: the last day of %d months counted from it would fall "
                                   "after 9999-12-31, past any calendar", from, (int)months);
            }
            if (rc != WB_OK)
                break;
            if (wb_date_cmp(visit, due.end) > 0 && wb_date_cmp(due.end, since) >= 0) {
                res.outcome = WB_OUTCOME_VIOLATION;
                res.has_due = res.has_done = 1;
                res.due = due.end;
                res.done = visit;
                res.days_late = wb_date_diff_days(visit, due.end);
                lapsed = 1;
            }
            last = visit;
        }
        if (rc == WB_OK && !lapsed) {
            /* Since the last visit: the next is due, or was. */
            rc = wb__result_recurring(&res, last, months, WB_PERIOD_MONTHS, "上次走访(或建档)之日",
                                      "the last visit (or the registration)", err);
            if (rc == WB_OK && closed) {
                /* Closed: only what fell due before the closing counts. */
                int32_t late = wb_date_diff_days(end, res.due);
                res.days_left = 0;
                res.outcome = late > 0 && wb_date_cmp(res.due, since) >= 0 ? WB_OUTCOME_VIOLATION
                                                                            : WB_OUTCOME_COMPLIES;
                res.days_late = res.outcome == WB_OUTCOME_VIOLATION ? late : 0;
                res.has_due = res.outcome == WB_OUTCOME_VIOLATION;
            }
        }
        if (rc == WB_ECOVERAGE) {
            coverage = rc;      /* err says which; the other children still count */
            rc = WB_OK;
            continue;
        }
        char zh[200] = "", en[200] = "";
        if (res.outcome == WB_OUTCOME_VIOLATION)
            note_strays(zh, en, sizeof(zh), &st, r->text[CH_KEY], NULL, NULL, "未计为走访",
                        "not counted as a visit");
        if (en[0] != '\0') {
            res.detail[0] = zh;
            res.detail[1] = en;
        }
        if (rc == WB_OK)
            rc = wb__emit(run, &res);
    }
    subjects_free(visits);
    free(st.items);
    return rc == WB_OK ? coverage : rc;
}

/* ============================================================== lessons */

/* The vacation a date falls in, or NULL. */
static const row *vacation_at(const rows *rs, wb_date d)
{
    for (size_t i = 0; i < row_count(rs); i++) {
        const row *v = row_of(rs, i, &wb__ledger_vacations);
        if (v != NULL && has(v, VC_START_DATE) && has(v, VC_END_DATE) &&
            wb_date_cmp(d, v->date[VC_START_DATE]) >= 0 && wb_date_cmp(d, v->date[VC_END_DATE]) <= 0)
            return v;
    }
    return NULL;
}

int wb__finish_lessons(void *state, wb__rule_run *run, wb_error *err)
{
    const rows *rs = state;
    int vacations = any_of(rs, &wb__ledger_vacations);
    int rc = WB_OK, coverage = WB_OK;
    wb_error coverage_err;
    /* A vacation whose dates cannot be read might hold any lesson. */
    const unsigned vacation_columns = COLUMN(VC_START_DATE) | COLUMN(VC_END_DATE);
    strays unknown_vacations = { 0 };
    const row *unknown_vacation = NULL;
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *v = row_of(rs, i, &wb__ledger_vacations);
        if (v != NULL && (v->unreadable & vacation_columns) != 0) {
            rc = strays_add(&unknown_vacations, v, -1, -1);
            if (unknown_vacation == NULL)
                unknown_vacation = v;
        }
    }
    const unsigned lesson_columns = COLUMN(LS_COMPULSORY) | COLUMN(LS_DATE);
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_lessons);
        if (r == NULL)
            continue;
        if (unreadable(r, lesson_columns)) {
            rc = emit_row_unreadable(run, r, lesson_columns);
            continue;
        }
        if (!has(r, LS_COMPULSORY) || !has(r, LS_DATE)) {
            rc = emit_row_missing(run, r, has(r, LS_DATE) ? LS_COMPULSORY : LS_DATE);
            continue;
        }
        wb_result res = row_result(run, r);
        if (r->number[LS_COMPULSORY] != WB__YES) {
            res.outcome = WB_OUTCOME_NOT_APPLICABLE;
            res.why[0] = "非义务教育阶段学生";
            res.why[1] = "not for compulsory-education pupils";
            rc = wb__emit(run, &res);
            continue;
        }
        wb_day_info day;
        if (wb_calendar_day(&day, wb__run_calendar(run), r->date[LS_DATE], &coverage_err) != WB_OK) {
            coverage = WB_ECOVERAGE;
            continue;
        }
        const row *v = vacation_at(rs, r->date[LS_DATE]);
        char zh[260], en[260];
        if (!day.is_workday) {
            res.outcome = WB_OUTCOME_VIOLATION;
            snprintf(zh, sizeof(zh), "上课日为%s%s", day.kind == WB_DAY_HOLIDAY ? "法定节假日" : "休息日",
                     day.holiday != NULL ? day.holiday : "");
            snprintf(en, sizeof(en), "the lesson fell on a %s%s%s",
                     day.kind == WB_DAY_HOLIDAY ? "holiday" : "rest day",
                     day.holiday != NULL ? ", " : "", day.holiday != NULL ? day.holiday : "");
            res.why[0] = zh;
            res.why[1] = en;
        } else if (v != NULL) {
            res.outcome = WB_OUTCOME_VIOLATION;
            int winter = has(v, VC_KIND) && v->number[VC_KIND] == VC_WINTER;
            snprintf(zh, sizeof(zh), "上课日在%s内", winter ? "寒假" : "暑假");
            snprintf(en, sizeof(en), "the lesson fell in the %s vacation", winter ? "winter" : "summer");
            res.why[0] = zh;
            res.why[1] = en;
        } else if (!vacations) {
            res.outcome = WB_OUTCOME_INSUFFICIENT_DATA;
            res.missing = wb__ledger_vacations.name;
            res.missing_header = wb__ledger_vacations.title[0];
        } else if (unknown_vacation != NULL) {
            wb__result_unreadable(&res, &wb__ledger_vacations, unknown_vacation->unreadable,
                                  vacation_columns);
            zh[0] = en[0] = '\0';
            note_strays(zh, en, sizeof(zh), &unknown_vacations, NULL, NULL, NULL,
                        "上课日可能在该假期内", "a vacation the lesson may fall in");
            res.detail[0] = zh;
            res.detail[1] = en;
        } else {
            res.outcome = WB_OUTCOME_COMPLIES;
        }
        rc = wb__emit(run, &res);
    }
    free(unknown_vacations.items);
    if (rc == WB_OK && coverage != WB_OK) {
        if (err != NULL)
            *err = coverage_err;
        return coverage;
    }
    return rc;
}

/* ========================================================== inspections */

/* At least one inspection in [from, to]. */
static int inspected(const rows *rs, wb_date from, wb_date to)
{
    for (size_t i = 0; i < row_count(rs); i++) {
        const row *r = row_of(rs, i, &wb__ledger_inspections);
        if (r != NULL && !unreadable(r, COLUMN(IN_DATE)) && has(r, IN_DATE) &&
            wb_date_cmp(r->date[IN_DATE], from) >= 0 &&
            wb_date_cmp(r->date[IN_DATE], to) <= 0)
            return 1;
    }
    return 0;
}

/* One time node: a vacation, or a holiday with the days around it. */
static int emit_node(wb__rule_run *run, const char *key, wb_date from, wb_date to, const rows *rs,
                     const strays *st)
{
    wb_result res = wb__run_result(run, key, NULL, NULL);
    res.has_span = 1;
    res.span_from = from;
    res.span_to = to;
    wb_date as_of = wb__run_as_of(run);
    if (wb_date_cmp(from, as_of) > 0)
        return WB_OK;                   /* not begun: nothing to say yet */
    if (inspected(rs, from, to)) {
        res.outcome = WB_OUTCOME_COMPLIES;
    } else if (wb_date_cmp(to, as_of) >= 0) {
        res.outcome = WB_OUTCOME_PENDING;
        res.has_due = 1;
        res.due = to;
        res.days_left = wb_date_diff_days(to, as_of);
    } else {
        res.outcome = WB_OUTCOME_VIOLATION;
        res.why[0] = "该时间节点未开展网吧专项检查";
        res.why[1] = "no inspection at this time";
    }
    char zh[300], en[300], a[WB_DATE_STRLEN], z[WB_DATE_STRLEN];
    wb_date_format(a, from);
    wb_date_format(z, to);
    snprintf(zh, sizeof(zh), "检查时段 %s 至 %s", a, z);
    snprintf(en, sizeof(en), "inspections counted from %s to %s", a, z);
    if (res.outcome != WB_OUTCOME_COMPLIES)
        note_strays(zh, en, sizeof(zh), st, NULL, &from, &to, "未计为检查",
                    "not counted as an inspection");
    res.detail[0] = zh;
    res.detail[1] = en;
    return wb__emit(run, &res);
}

int wb__finish_inspections(void *state, wb__rule_run *run, wb_error *err)
{
    (void)err;
    const rows *rs = state;
    wb_date since = wb__run_since(run), as_of = wb__run_as_of(run);
    int rc = WB_OK;
    strays st = { 0 };
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *r = row_of(rs, i, &wb__ledger_inspections);
        if (r == NULL)
            continue;
        /* An inspection that cannot be read is none anyone can show. */
        if (unreadable(r, COLUMN(IN_DATE)))
            rc = strays_add(&st, r, -1, IN_DATE);
        else if (!has(r, IN_DATE))
            rc = emit_row_missing(run, r, IN_DATE);
    }
    /* Winter and summer vacations, as the county's ledger gives them. */
    if (rc == WB_OK && !any_of(rs, &wb__ledger_vacations))
        rc = emit_ledger_missing(run, &wb__ledger_vacations);
    for (size_t i = 0; i < row_count(rs) && rc == WB_OK; i++) {
        const row *v = row_of(rs, i, &wb__ledger_vacations);
        if (v == NULL)
            continue;
        /* A vacation whose dates cannot be read is one more time node, of insufficient data. */
        if ((v->unreadable & (COLUMN(VC_START_DATE) | COLUMN(VC_END_DATE))) != 0) {
            rc = emit_row_unreadable(run, v, COLUMN(VC_START_DATE) | COLUMN(VC_END_DATE));
            continue;
        }
        if (!has(v, VC_START_DATE) || !has(v, VC_END_DATE)) {
            rc = emit_row_missing(run, v, has(v, VC_START_DATE) ? VC_END_DATE : VC_START_DATE);
            continue;
        }
        if (wb_date_cmp(v->date[VC_END_DATE], since) < 0)
            continue;
        int year;
        wb_date_to_ymd(v->date[VC_START_DATE], &year, NULL, NULL);
        char key[64];
        snprintf(key, sizeof(key), "%d%s", year,
                 has(v, VC_KIND) && v->number[VC_KIND] == VC_WINTER ? "寒假" : "暑假");
        rc = emit_node(run, key, v->date[VC_START_DATE], v->date[VC_END_DATE], rs, &st);
    }
    /* Each statutory holiday of the period, with the days around it. */
    int32_t around = wb__rule_param(wb__run_rule(run), "around-days");
    const wb_calendar *cal = wb__run_calendar(run);
    for (size_t i = 0; i < wb_calendar_holiday_count(cal) && rc == WB_OK; i++) {
        const wb_holiday *h = wb_calendar_holiday_at(cal, i);
        if (wb_date_cmp(wb_holiday_end(h), since) < 0 || wb_date_cmp(wb_holiday_start(h), as_of) > 0)
            continue;
        wb_date from, to;
        wb_date_add_days(&from, wb_holiday_start(h), -around, NULL);
        wb_date_add_days(&to, wb_holiday_end(h), around, NULL);
        char key[160];
        snprintf(key, sizeof(key), "%d%s", wb_holiday_year(h), wb_holiday_name(h));
        rc = emit_node(run, key, from, to, rs, &st);
    }
    free(st.items);
    return rc;
}
