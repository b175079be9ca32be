/*
 * compliance.c - evaluations: records in, results and counts out.
 *
 * For each record the evaluation runs every rule of the set that checks
 * the record's kind (evaluators.c), then hands each result to the
 * caller's callback or keeps a copy, and counts it per rule, standard,
 * unit and township. Nothing here grows with the number of records
 * except the duplicate-key set (a 64-bit hash and a line per key) and
 * the kept results when no callback takes them.
 *
 * With a privacy scanner set, the text cells of every row are scanned as
 * they are read (ledger_read.c) and those of every record given by the
 * API here, before the record is checked, so that findings land in the
 * problems beside the row's results.
 *
 * Outcomes from dates: the helpers below turn a period (Civil Code arts.
 * 201–203, or working days) and the date a thing was done into an
 * outcome, days late or left, and the facts an explanation needs.
 */
#include "compliance_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diagnostic_internal.h"
#include "errors_internal.h"
#include "ledger_privacy.h"
#include "ledger_read.h"
#include "strbuf.h"
#include "tally.h"

/* ============================================================ outcomes */

const char *wb_outcome_name(wb_outcome outcome)
{
    switch (outcome) {
    case WB_OUTCOME_COMPLIES:          return "complies";
    case WB_OUTCOME_PENDING:           return "pending";
    case WB_OUTCOME_VIOLATION:         return "violation";
    case WB_OUTCOME_NOT_APPLICABLE:    return "not-applicable";
    case WB_OUTCOME_INSUFFICIENT_DATA: return "insufficient-data";
    }
    return "unknown";
}

const char *wb_outcome_title(wb_outcome outcome, wb_lang lang)
{
    int en = lang == WB_LANG_EN;
    switch (outcome) {
    case WB_OUTCOME_COMPLIES:          return en ? "complies" : "符合";
    case WB_OUTCOME_PENDING:           return en ? "pending" : "未到期";
    case WB_OUTCOME_VIOLATION:         return en ? "violation" : "违反";
    case WB_OUTCOME_NOT_APPLICABLE:    return en ? "not applicable" : "不适用";
    case WB_OUTCOME_INSUFFICIENT_DATA: return en ? "insufficient data" : "数据不足";
    }
    return "unknown";
}

/* ============================================== helpers for evaluators */

void wb__result_not_applicable(wb_result *r, const char *why_zh, const char *why_en)
{
    r->outcome = WB_OUTCOME_NOT_APPLICABLE;
    r->why[0] = why_zh;
    r->why[1] = why_en;
}

void wb__result_missing(wb_result *r, const wb_record *record, int field)
{
    r->outcome = WB_OUTCOME_INSUFFICIENT_DATA;
    r->missing = record->kind->fields[field].name;
    r->missing_header = record->kind->fields[field].header;
}

void wb__result_unreadable(wb_result *r, const wb_ledger_kind *kind, unsigned unreadable,
                           unsigned columns)
{
    unsigned bad = unreadable & columns;
    int field = 0;
    while (field + 1 < (int)kind->field_count && !((bad >> field) & 1u))
        field++;
    r->outcome = WB_OUTCOME_INSUFFICIENT_DATA;
    r->missing = kind->fields[field].name;
    r->missing_header = kind->fields[field].header;
    r->unreadable = unreadable == WB__ROW_UNREADABLE ? 2 : 1;
}

static const char *unit_words(wb_period_unit unit, int32_t count, int en);

/*
 * The last day of the period, into r. When the calendar does not reach
 * it, the earliest it can be is still known: art. 202's date (art. 203
 * only moves it later), or for working days the day after the calendar's
 * last. r->due is then that bound and r->due_is_bound is set; the caller
 * decides only what the bound decides, and reports *coverage otherwise.
 */
static int period_end(wb_result *r, wb_date start, int32_t count, wb_period_unit unit,
                      int move, const char *start_zh, const char *start_en, wb_error *err)
{
    wb_period_options options = WB_PERIOD_OPTIONS_INIT;
    options.move_off_rest_days = move;
    r->has_period = 1;
    r->start = start;
    r->count = count;
    r->unit_of_count = unit;
    r->start_what[0] = start_zh;
    r->start_what[1] = start_en;
    r->has_due = 1;
    int rc = wb_period_end(&r->deadline, r->calendar, start, count, unit, &options, err);
    if (rc == WB_OK) {
        r->due = r->deadline.end;
        r->provisional = r->deadline.provisional;
        return WB_OK;
    }
    if (rc == WB_EINVAL) {
        /* The arguments are the evaluator's own and valid: only the last
           day can fail, past 9999-12-31. It is the row's finding, like a
           date the calendar does not reach. */
        char from[WB_DATE_STRLEN];
        wb_date_format(from, start);
        return wb__error_set(err, WB_ECOVERAGE, NULL, 0, 0, "ledger-coverage",
                             "%s: the last day of %d %s counted from it would fall after "
                             "9999-12-31, past any calendar", from, (int)count,
                             unit_words(unit, count, 1));
    }
    if (rc != WB_ECOVERAGE)
        return rc;

    wb_date bound;
    if (unit == WB_PERIOD_WORKDAYS) {
        wb_date last, first;
        int32_t available;
        wb_date_from_ymd(&last, wb_calendar_last_year(r->calendar), 12, 31, NULL);
        wb_date_from_ymd(&first, wb_calendar_first_year(r->calendar), 1, 1, NULL);
        if (wb_date_cmp(start, first) < 0 || wb_date_cmp(start, last) >= 0 ||
            wb_calendar_count_workdays(&available, r->calendar, start, last, NULL) != WB_OK ||
            available >= count)
            return rc;
        wb_date_add_days(&bound, last, 1, NULL);
    } else {
        wb_deadline nominal;
        wb_period_options plain = WB_PERIOD_OPTIONS_INIT;
        plain.move_off_rest_days = 0;
        if (wb_period_end(&nominal, NULL, start, count, unit, &plain, NULL) != WB_OK)
            return rc;
        bound = nominal.nominal_end;
        r->deadline = nominal;
    }
    r->due = bound;
    r->due_is_bound = 1;
    r->provisional = 1;
    return WB_OK;
}

int wb__result_deadline(wb_result *r, wb_date start, int32_t count, wb_period_unit unit,
                        int move_off_rest_days, const char *start_zh, const char *start_en,
                        const wb_date *done, wb_error *err)
{
    wb_error coverage;
    int rc = period_end(r, start, count, unit, move_off_rest_days, start_zh, start_en,
                        &coverage);
    if (rc != WB_OK) {
        if (err != NULL)
            *err = coverage;
        return rc;
    }
    if (done != NULL) {
        r->has_done = 1;
        r->done = *done;
        int32_t late = wb_date_diff_days(*done, r->due);
        if (late > 0 && r->due_is_bound)
            goto undecided;     /* done after the bound: the real day decides */
        r->outcome = late > 0 ? WB_OUTCOME_VIOLATION : WB_OUTCOME_COMPLIES;
        r->days_late = late > 0 ? late : 0;
    } else if (wb_date_cmp(r->as_of, r->due) <= 0) {
        r->outcome = WB_OUTCOME_PENDING;
        r->days_left = wb_date_diff_days(r->due, r->as_of);
    } else if (r->due_is_bound) {
        goto undecided;
    } else {
        r->outcome = WB_OUTCOME_VIOLATION;
        r->days_late = wb_date_diff_days(r->as_of, r->due);
    }
    return WB_OK;
undecided:
    if (err != NULL)
        *err = coverage;
    return WB_ECOVERAGE;
}

int wb__result_recurring(wb_result *r, wb_date last, int32_t count, wb_period_unit unit,
                         const char *start_zh, const char *start_en, wb_error *err)
{
    wb_error coverage;
    int rc = period_end(r, last, count, unit, 1, start_zh, start_en, &coverage);
    if (rc != WB_OK) {
        if (err != NULL)
            *err = coverage;
        return rc;
    }
    r->recurring = 1;
    r->has_done = 1;
    r->done = last;
    if (wb_date_cmp(r->as_of, r->due) <= 0) {
        r->outcome = WB_OUTCOME_COMPLIES;
        r->days_left = wb_date_diff_days(r->due, r->as_of);
    } else if (r->due_is_bound) {
        if (err != NULL)
            *err = coverage;
        return WB_ECOVERAGE;
    } else {
        r->outcome = WB_OUTCOME_VIOLATION;
        r->days_late = wb_date_diff_days(r->as_of, r->due);
    }
    return WB_OK;
}

/* ===================================================== duplicate keys */

static uint64_t hash_text(uint64_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define HASH_SEED 0xcbf29ce484222325ULL

/* A set of 64-bit hashes of (kind, key), with the file and line each
   came from. Two different keys share a hash with odds of about n²/2⁶⁵:
   for a million rows, one in thirty million. */
typedef struct key_set {
    uint64_t *hashes;       /* 0 is empty */
    int *lines;
    size_t *files;          /* index in sources */
    size_t count, cap;      /* cap is a power of two */
    wb__tally *sources;     /* the files keys came from, each once */
} key_set;

static int key_set_grow(key_set *k)
{
    size_t cap = k->cap ? k->cap * 2 : 1024;
    uint64_t *hashes = calloc(cap, sizeof(uint64_t));
    int *lines = calloc(cap, sizeof(int));
    size_t *files = calloc(cap, sizeof(size_t));
    if (hashes == NULL || lines == NULL || files == NULL) {
        free(hashes);
        free(lines);
        free(files);
        return WB_ENOMEM;
    }
    for (size_t i = 0; i < k->cap; i++)
        if (k->hashes[i] != 0) {
            size_t s = (size_t)(k->hashes[i] & (cap - 1));
            while (hashes[s] != 0)
                s = (s + 1) & (cap - 1);
            hashes[s] = k->hashes[i];
            lines[s] = k->lines[i];
            files[s] = k->files[i];
        }
    free(k->hashes);
    free(k->lines);
    free(k->files);
    k->hashes = hashes;
    k->lines = lines;
    k->files = files;
    k->cap = cap;
    return WB_OK;
}

/* Add; *first_line is -1 when new, else the line the key was first seen
   on, and *first_file the file ("" for a record given alone). */
static int key_set_add(key_set *k, const char *kind, const char *key, const char *source,
                       int line, int *first_line, const char **first_file)
{
    if ((k->count + 1) * 2 > k->cap && key_set_grow(k) != WB_OK)
        return WB_ENOMEM;
    if (k->sources == NULL && (k->sources = wb__tally_new(0)) == NULL)
        return WB_ENOMEM;
    size_t file = wb__tally_find_or_add(k->sources, source != NULL ? source : "", NULL);
    if (file == (size_t)-1)
        return WB_ENOMEM;
    uint64_t h = hash_text(hash_text(HASH_SEED, kind) * 31 + 1, key);
    if (h == 0)
        h = 1;
    size_t s = (size_t)(h & (k->cap - 1));
    while (k->hashes[s] != 0) {
        if (k->hashes[s] == h) {
            *first_line = k->lines[s];
            *first_file = wb__tally_name(k->sources, k->files[s]);
            return WB_OK;
        }
        s = (s + 1) & (k->cap - 1);
    }
    k->hashes[s] = h;
    k->lines[s] = line;
    k->files[s] = file;
    k->count++;
    *first_line = -1;
    return WB_OK;
}

/* ========================================================= evaluation */

struct wb_evaluation {
    const wb_ruleset *rules;
    const wb_calendar *calendar;
    wb_date as_of;
    wb_result_callback fn;
    void *payload;
    wb_diagnostics *problems;
    size_t records;
    key_set keys;
    wb__tally *groups[4];       /* per wb_grouping: a size_t count per outcome */
    wb__arena arena;            /* kept results' strings */
    wb_result *kept;
    size_t kept_count, kept_cap;
    wb_date since;              /* the assessment period's first day */
    wb__rule_run *runs;         /* one per rule, in table order */
    int finished;
    wb__tally *kinds;           /* the ledger kinds given: the first file of each ("" for records) */
    wb__tally *townships;       /* the county's directory, once given: names */
    wb__tally *units;
    wb__cell_scan privacy;      /* scanner NULL: no privacy scan */
    int started;                /* a record or a file was added */
    wb_error row_err;           /* why a row of a file stopped the reading */
};

struct wb__rule_run {
    wb_evaluation *ev;
    const wb_rule *rule;
    const wb_ledger_kind *kind;     /* the rule's own ledger */
    void *state;
};

int wb_evaluation_new(wb_evaluation **out, const wb_ruleset *rules,
                      const wb_calendar *calendar, wb_date as_of, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_evaluation_new", "out");
    *out = NULL;
    if (rules == NULL)
        return wb__error_arg(err, "wb_evaluation_new", "rules");
    if (calendar == NULL)
        return wb__error_arg(err, "wb_evaluation_new", "calendar");
    if (!wb_date_is_valid(as_of))
        return wb__error_arg(err, "wb_evaluation_new", "as_of");
    wb_evaluation *ev = calloc(1, sizeof(*ev));
    if (ev == NULL || (ev->problems = wb__diagnostics_new()) == NULL) {
        free(ev);
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    ev->kinds = wb__tally_new(sizeof(const char *));
    ev->townships = wb__tally_new(0);
    ev->units = wb__tally_new(0);
    for (int g = 0; g < 4; g++)
        if (ev->kinds == NULL || ev->townships == NULL || ev->units == NULL ||
            (ev->groups[g] = wb__tally_new(sizeof(size_t[WB_OUTCOME_COUNT]))) == NULL) {
            wb_evaluation_free(ev);
            return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        }
    ev->runs = calloc(rules->rule_count + 1, sizeof(wb__rule_run));
    if (ev->runs == NULL) {
        wb_evaluation_free(ev);
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    for (size_t i = 0; i < rules->rule_count; i++) {
        ev->runs[i].ev = ev;
        ev->runs[i].rule = &rules->rules[i];
        ev->runs[i].kind = wb_ledger_kind_find(rules->rules[i].ledger);
    }
    ev->rules = rules;
    ev->calendar = calendar;
    ev->as_of = as_of;
    /* By default the period is the last full calendar year and this one. */
    int year;
    wb_date_to_ymd(as_of, &year, NULL, NULL);
    if (wb_date_from_ymd(&ev->since, year > 1 ? year - 1 : 1, 1, 1, NULL) != WB_OK)
        ev->since = as_of;
    *out = ev;
    return WB_OK;
}

void wb_evaluation_on_result(wb_evaluation *ev, wb_result_callback fn, void *payload)
{
    if (ev == NULL)
        return;
    ev->fn = fn;
    ev->payload = payload;
}

void wb_evaluation_free(wb_evaluation *ev)
{
    if (ev == NULL)
        return;
    for (size_t i = 0; ev->runs != NULL && ev->rules != NULL && i < ev->rules->rule_count; i++)
        if (ev->runs[i].state != NULL && ev->runs[i].rule->evaluator->free_state != NULL)
            ev->runs[i].rule->evaluator->free_state(ev->runs[i].state);
    free(ev->runs);
    wb_diagnostics_free(ev->problems);
    free(ev->keys.hashes);
    free(ev->keys.lines);
    free(ev->keys.files);
    wb__tally_free(ev->keys.sources);
    for (int g = 0; g < 4; g++)
        wb__tally_free(ev->groups[g]);
    wb__tally_free(ev->kinds);
    wb__tally_free(ev->townships);
    wb__tally_free(ev->units);
    wb__arena_dispose(&ev->arena);
    free(ev->kept);
    wb__privacy_scratch_free(ev->privacy.scratch);
    free(ev);
}

int wb_evaluation_set_privacy(wb_evaluation *ev, const wb_privacy_scanner *scanner,
                              wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_set_privacy", "ev");
    if (scanner == NULL) {
        wb__privacy_scratch_free(ev->privacy.scratch);
        ev->privacy.scratch = NULL;
        ev->privacy.scanner = NULL;
        return WB_OK;
    }
    /* Rows already read were not scanned: a scan of only some of them
       would pass for a scan of all. */
    if (ev->started || ev->finished)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "wb_evaluation_set_privacy: set the scanner before adding records");
    wb__privacy_scratch *scratch = wb__privacy_scratch_new(scanner);
    if (scratch == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    wb__privacy_scratch_free(ev->privacy.scratch);
    ev->privacy.scratch = scratch;
    ev->privacy.scanner = scanner;
    return WB_OK;
}

/* Scan a record's text cells; each finding is a problem, placed on the
   record's file and line when it has them, else named by its key. */
static int scan_record(wb_evaluation *ev, const wb_record *rec)
{
    wb__cell_place place = { .form = WB__CELL_UNPLACED, .file = rec->source,
                             .line = rec->line, .fallback_line = rec->line,
                             .key = rec->source == NULL ? rec->text[0] : NULL };
    for (size_t f = 0; f < rec->kind->field_count; f++) {
        if (rec->text[f] == NULL || !wb__field_is_free_text(rec->kind, f))
            continue;
        int rc = wb__scan_cell(&ev->privacy, ev->problems, rec->kind, f, rec->text[f],
                               strlen(rec->text[f]), &place);
        if (rc != WB_OK)
            return rc;
    }
    return WB_OK;
}

static const char *field_or_empty(const wb_record *rec, int field)
{
    return field >= 0 && rec->text[field] != NULL ? rec->text[field] : "";
}

static int count_result(wb_evaluation *ev, const wb_result *r)
{
    const char *names[4] = { r->rule->id, wb_result_standard(r), r->unit, r->township };
    for (int g = 0; g < 4; g++) {
        size_t i = wb__tally_find_or_add(ev->groups[g], names[g], NULL);
        if (i == (size_t)-1)
            return WB_ENOMEM;
        ((size_t *)wb__tally_value(ev->groups[g], i))[r->outcome]++;
    }
    return WB_OK;
}

static const char *keep_text(wb_evaluation *ev, const char *s, int *failed)
{
    if (s == NULL)
        return NULL;
    char *c = wb__arena_strdup(&ev->arena, s);
    if (c == NULL)
        *failed = 1;
    return c;
}

/* A value copy whose strings live in the evaluation, not in the record. */
static int keep_result(wb_evaluation *ev, const wb_result *r)
{
    if (ev->kept_count == ev->kept_cap) {
        size_t cap = ev->kept_cap ? ev->kept_cap * 2 : 64;
        wb_result *kept = realloc(ev->kept, cap * sizeof(*kept));
        if (kept == NULL)
            return WB_ENOMEM;
        ev->kept = kept;
        ev->kept_cap = cap;
    }
    wb_result *k = &ev->kept[ev->kept_count];
    *k = *r;
    int failed = 0;
    k->key = keep_text(ev, r->key, &failed);
    k->unit = keep_text(ev, r->unit, &failed);
    k->township = keep_text(ev, r->township, &failed);
    k->source = keep_text(ev, r->source, &failed);
    /* Rules over whole ledgers build their notes in their own buffers. */
    for (int l = 0; l < 2; l++) {
        k->detail[l] = keep_text(ev, r->detail[l], &failed);
        k->why[l] = keep_text(ev, r->why[l], &failed);
    }
    if (failed)
        return WB_ENOMEM;
    ev->kept_count++;
    return WB_OK;
}

static int problem(wb_evaluation *ev, const char *rule, const char *source, int line,
                   const char *en, const char *zh)
{
    return wb__diagnostics_add_text(ev->problems, wb_check_severity(rule), rule,
                                    source != NULL ? source : "<record>", line,
                                    line > 0 ? 1 : 0, en, zh);
}

static int reads_kind(const wb__evaluator *e, const char *kind)
{
    for (const char *const *k = e->reads; k != NULL && *k != NULL; k++)
        if (strcmp(*k, kind) == 0)
            return 1;
    return 0;
}

/*
 * Run every rule of the record's kind. WB_OK, WB_ENOMEM, the callback's
 * value, or WB_ECOVERAGE (err filled) after the results that could be
 * computed were delivered.
 */
static int evaluate_record(wb_evaluation *ev, const wb_record *rec, int not_own, wb_error *err)
{
    int coverage = WB_OK;
    wb_error coverage_err;
    for (size_t i = 0; i < ev->rules->rule_count; i++) {
        const wb_rule *rule = &ev->rules->rules[i];
        const wb__evaluator *e = rule->evaluator;
        int own = ev->runs[i].kind == rec->kind;
        if (e->collect != NULL && (own || reads_kind(e, rec->kind->name)) &&
            e->collect(&ev->runs[i].state, rule, rec) != WB_OK)
            return WB_ENOMEM;
        /* A row without a key (or naming a township or unit the directory
           lacks) counts only in rules over the whole ledger. */
        if (!own || e->evaluate == NULL || not_own)
            continue;
        wb_result r;
        memset(&r, 0, sizeof(r));
        r.rule = rule;
        r.key = rec->text[0];
        r.unit = field_or_empty(rec, rec->kind->unit_field);
        r.township = field_or_empty(rec, rec->kind->township_field);
        r.source = rec->source;
        r.line = rec->line;
        r.as_of = ev->as_of;
        r.calendar = ev->calendar;
        int rc = WB_OK;
        wb_error why;
        wb_error_clear(&why);
        /* A cell the rule reads could not be read: the row stays in the
           rule's counts, as insufficient data, never judged on a guess. */
        if ((rec->unreadable & e->columns) != 0)
            wb__result_unreadable(&r, rec->kind, rec->unreadable, e->columns);
        else
            rc = e->evaluate(&r, rule, rec, ev->calendar, &why);
        if (rc == WB_ECOVERAGE) {
            coverage = rc;
            coverage_err = why;
            continue;
        }
        if (rc != WB_OK) {
            if (err != NULL)
                *err = why;
            return rc;
        }
        if (count_result(ev, &r) != WB_OK)
            return WB_ENOMEM;
        if (ev->fn != NULL) {
            rc = ev->fn(&r, ev->payload);
            if (rc != 0)
                return rc;
        } else if (keep_result(ev, &r) != WB_OK) {
            return WB_ENOMEM;
        }
    }
    if (coverage != WB_OK) {
        if (err != NULL) {
            *err = coverage_err;
            snprintf(err->source, sizeof(err->source), "%s",
                     rec->source != NULL ? rec->source : "<record>");
            err->line = rec->line;
        }
        return coverage;
    }
    return WB_OK;
}

/* Refuse a key seen before; *dup is 1 when refused. */
static int check_key(wb_evaluation *ev, const wb_record *rec, int *dup)
{
    int first = -1;
    const char *file = "";
    *dup = 0;
    if (key_set_add(&ev->keys, rec->kind->name, rec->text[0], rec->source, rec->line, &first,
                    &file) != WB_OK)
        return WB_ENOMEM;
    if (first < 0)
        return WB_OK;
    *dup = 1;
    char en[768], zh[768], key[68];
    wb__quote_value(key, sizeof(key), rec->text[0]);
    if (first > 0 && strcmp(file, rec->source != NULL ? rec->source : "") != 0) {
        /* First in another file: name it, or the line is no help. */
        snprintf(en, sizeof(en),
                 "the key '%s' is used again (first in %.300s, line %d); this row is not checked",
                 key, file, first);
        snprintf(zh, sizeof(zh), "编号“%s”重复(首次出现在 %.300s 第 %d 行);本行不予核查",
                 key, file, first);
    } else if (first > 0) {
        snprintf(en, sizeof(en), "the key '%s' is used again (first on line %d); this row is not checked",
                 key, first);
        snprintf(zh, sizeof(zh), "编号“%s”重复(首次出现在第 %d 行);本行不予核查", key, first);
    } else {
        snprintf(en, sizeof(en), "the key '%s' was given before; this record is not checked", key);
        snprintf(zh, sizeof(zh), "编号“%s”此前已出现;本条不予核查", key);
    }
    return problem(ev, "ledger-duplicate-key", rec->source, rec->line, en, zh);
}

/* Remember that a kind was given, and the first file it came from. */
static int saw_kind(wb_evaluation *ev, const wb_ledger_kind *kind, const char *source)
{
    int added;
    size_t i = wb__tally_find_or_add(ev->kinds, kind->name, &added);
    if (i == (size_t)-1)
        return WB_ENOMEM;
    const char **first = wb__tally_value(ev->kinds, i);
    if (added || (*first)[0] == '\0') {
        const char *copy = wb__arena_strdup(&ev->arena, source != NULL ? source : "");
        if (copy == NULL)
            return WB_ENOMEM;
        *first = copy;
    }
    return WB_OK;
}

/*
 * The county's directory: once the townships (or units) ledger has given
 * names, a row naming another township (or unit) is a bad row: *unknown is
 * that column, else -1. The directory must come first; weibao-lint adds
 * those ledgers before the others.
 */
static int check_directory(wb_evaluation *ev, const wb_record *rec, int *unknown)
{
    static const struct {
        const char *rule, *what_en, *what_zh, *ledger;
    } names[2] = {
        { "ledger-unknown-township", "township", "乡镇(街道)", "乡镇(街道)台账" },
        { "ledger-unknown-unit", "unit", "单位", "单位台账" },
    };
    const wb__tally *sets[2] = { ev->townships, ev->units };
    const int fields[2] = { rec->kind->township_field, rec->kind->unit_field };
    *unknown = -1;
    if (rec->kind == &wb__ledger_townships || rec->kind == &wb__ledger_units)
        return WB_OK;
    for (int i = 0; i < 2; i++) {
        const char *name = fields[i] >= 0 ? rec->text[fields[i]] : NULL;
        if (name == NULL || wb__tally_count(sets[i]) == 0 ||
            wb__tally_find(sets[i], name) != (size_t)-1)
            continue;
        char en[320], zh[320], shown[84];
        wb__quote_value(shown, sizeof(shown), name);
        snprintf(en, sizeof(en), "the %s '%s' is not in the %s ledger; this row is not checked, "
                 "but counts in rules over the whole ledger", names[i].what_en, shown,
                 i == 0 ? "townships" : "units");
        snprintf(zh, sizeof(zh), "%s“%s”不在%s中;本行不予核查,但计入全台账统计", names[i].what_zh,
                 shown, names[i].ledger);
        *unknown = fields[i];
        return problem(ev, names[i].rule, rec->source, rec->line, en, zh);
    }
    return WB_OK;
}

/* A directory row adds its name. */
static int learn_directory(wb_evaluation *ev, const wb_record *rec)
{
    if (rec->kind == &wb__ledger_townships && rec->text[TS_NAME] != NULL)
        return wb__tally_find_or_add(ev->townships, rec->text[TS_NAME], NULL) == (size_t)-1
                   ? WB_ENOMEM : WB_OK;
    if (rec->kind == &wb__ledger_units && rec->text[UN_NAME] != NULL)
        return wb__tally_find_or_add(ev->units, rec->text[UN_NAME], NULL) == (size_t)-1
                   ? WB_ENOMEM : WB_OK;
    return WB_OK;
}

/*
 * A record from a file or the API: key checked, then every rule. A row
 * without a key (or whose key could not be read) is no row of its own to
 * judge, but it is one more row of the ledger: the rules over whole
 * ledgers still count it.
 */
static int add(wb_evaluation *ev, const wb_record *rec, int from_file, wb_error *err)
{
    if (saw_kind(ev, rec->kind, rec->source) != WB_OK)
        return WB_ENOMEM;
    int keyless = rec->text[0] == NULL || (rec->unreadable & 1u);
    int unknown;
    int rc = check_directory(ev, rec, &unknown);
    if (rc != WB_OK)
        return rc;
    wb_record marked;
    if (unknown >= 0) {
        /* Still a row of the ledger: not judged on its own, but counted by
           the rules over whole ledgers, that cell taken as unreadable. */
        marked = *rec;
        marked.unreadable |= 1u << unknown;
        rec = &marked;
    }
    if (!keyless) {
        int dup;
        rc = check_key(ev, rec, &dup);
        if (rc != WB_OK || dup)
            return rc;
    }
    if (learn_directory(ev, rec) != WB_OK)
        return WB_ENOMEM;
    if (!keyless && rec->unreadable == 0)
        ev->records++;      /* bad rows are not counted as checked */
    wb_error local;
    wb_error_clear(&local);
    rc = evaluate_record(ev, rec, keyless || unknown >= 0, from_file ? &local : err);
    if (rc != WB_OK && rc != WB_ECOVERAGE && from_file)
        ev->row_err = local;    /* the reading stops: the file's caller hears why */
    if (rc == WB_ECOVERAGE && from_file) {
        char zh[WB_ERROR_MESSAGE_SIZE + 64];
        snprintf(zh, sizeof(zh), "日历数据未覆盖所需日期:%s", local.message);
        return problem(ev, "ledger-coverage", rec->source, rec->line, local.message, zh);
    }
    return rc;
}

/*
 * The end of a record's or a file's reading: a failure always says why. A row's own
 * failure, or the result callback's value (which stops the reading), is
 * named when the reader did not fill err itself.
 */
static int stopped(wb_evaluation *ev, int rc, const char *name, wb_error *err)
{
    if (rc == WB_OK)
        return WB_OK;
    if (rc == WB_ENOMEM)
        return wb__error_set(err, rc, name, 0, 0, NULL, "out of memory");
    if (err == NULL || err->message[0] != '\0')
        return rc;
    if (ev->row_err.message[0] != '\0') {
        *err = ev->row_err;
        err->code = rc;
        return rc;
    }
    return wb__error_set(err, rc, name, 0, 0, NULL,
                         "the reading stopped: the result callback returned %d", rc);
}

int wb_evaluation_add_record(wb_evaluation *ev, const wb_record *record, wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_add_record", "ev");
    if (record == NULL)
        return wb__error_arg(err, "wb_evaluation_add_record", "record");
    if (ev->finished)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "wb_evaluation_add_record: the evaluation has finished");
    if (record->text[0] == NULL)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, "ledger-missing-key",
                             "wb_evaluation_add_record: the record has no key (%s)",
                             record->kind->fields[0].header);
    ev->started = 1;
    /* Scanned before it is checked: a duplicate leaks as much as any. */
    int rc = ev->privacy.scanner != NULL ? scan_record(ev, record) : WB_OK;
    if (rc != WB_OK && rc != WB_ENOMEM)
        return wb__error_set(err, rc, NULL, 0, 0, NULL,
                             "wb_evaluation_add_record: the privacy scan failed: PCRE2 error");
    wb_error_clear(err);
    wb_error_clear(&ev->row_err);
    if (rc == WB_OK)
        rc = add(ev, record, 0, err);
    return stopped(ev, rc, record->source, err);
}

static int row(wb_record *record, void *payload)
{
    return add(payload, record, 1, NULL);
}

int wb_evaluation_add_file(wb_evaluation *ev, const char *path, const char *kind, wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_add_file", "ev");
    if (path == NULL)
        return wb__error_arg(err, "wb_evaluation_add_file", "path");
    if (ev->finished)
        return wb__error_set(err, WB_EINVAL, path, 0, 0, NULL,
                             "wb_evaluation_add_file: the evaluation has finished");
    const wb_ledger_kind *k = NULL;
    if (kind != NULL && (k = wb_ledger_kind_find(kind)) == NULL)
        return wb__error_set(err, WB_EINVAL, path, 0, 0, NULL, "no ledger kind named '%s'", kind);
    const wb_ledger_kind *read_as = NULL;
    ev->started = 1;
    wb_error_clear(err);
    wb_error_clear(&ev->row_err);
    int rc = wb__ledger_read_file(path, k, row, ev, ev->problems,
                                  ev->privacy.scanner != NULL ? &ev->privacy : NULL, &read_as,
                                  err);
    if (rc == WB_OK && read_as != NULL && saw_kind(ev, read_as, path) != WB_OK)
        rc = WB_ENOMEM;
    return stopped(ev, rc, path, err);
}

int wb_evaluation_add_buffer(wb_evaluation *ev, const char *data, size_t len, const char *name,
                             const char *kind, wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_add_buffer", "ev");
    if (data == NULL && len > 0)
        return wb__error_arg(err, "wb_evaluation_add_buffer", "data");
    if (name == NULL)
        name = "<buffer>";
    if (ev->finished)
        return wb__error_set(err, WB_EINVAL, name, 0, 0, NULL,
                             "wb_evaluation_add_buffer: the evaluation has finished");
    const wb_ledger_kind *k = NULL;
    if (kind != NULL && (k = wb_ledger_kind_find(kind)) == NULL)
        return wb__error_set(err, WB_EINVAL, name, 0, 0, NULL, "no ledger kind named '%s'", kind);
    /* Results and problems keep the name, so it lives in the evaluation. */
    const char *kept = wb__arena_strdup(&ev->arena, name);
    if (kept == NULL)
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "out of memory");
    const wb_ledger_kind *read_as = NULL;
    ev->started = 1;
    wb_error_clear(err);
    wb_error_clear(&ev->row_err);
    int rc = wb__ledger_read_buffer(data, len, kept, k, row, ev, ev->problems,
                                    ev->privacy.scanner != NULL ? &ev->privacy : NULL, &read_as,
                                    err);
    if (rc == WB_OK && read_as != NULL && saw_kind(ev, read_as, kept) != WB_OK)
        rc = WB_ENOMEM;
    return stopped(ev, rc, kept, err);
}

int wb_evaluation_set_period(wb_evaluation *ev, wb_date since, wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_set_period", "ev");
    if (!wb_date_is_valid(since) || wb_date_cmp(since, ev->as_of) > 0)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "wb_evaluation_set_period: the period must start on or before the as-of date");
    ev->since = since;
    return WB_OK;
}

wb_date wb_evaluation_since(const wb_evaluation *ev)
{
    wb_date none = { 0 };
    return ev != NULL ? ev->since : none;
}

int wb_evaluation_finish(wb_evaluation *ev, wb_error *err)
{
    if (ev == NULL)
        return wb__error_arg(err, "wb_evaluation_finish", "ev");
    if (ev->finished)
        return WB_OK;
    ev->finished = 1;
    int coverage = WB_OK;
    wb_error coverage_err;
    for (size_t i = 0; i < ev->rules->rule_count; i++) {
        const wb__evaluator *e = ev->rules->rules[i].evaluator;
        /* A rule over a ledger that was not given says nothing. */
        if (e->finish == NULL || wb__tally_find(ev->kinds, ev->rules->rules[i].ledger) == (size_t)-1)
            continue;
        wb_error_clear(&coverage_err);
        int rc = e->finish(ev->runs[i].state, &ev->runs[i], &coverage_err);
        if (rc == WB_ECOVERAGE) {
            coverage = rc;
            if (problem(ev, "ledger-coverage", NULL, 0, coverage_err.message,
                        coverage_err.message) != WB_OK)
                return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
            continue;
        }
        if (rc == WB_ENOMEM)
            return wb__error_set(err, rc, NULL, 0, 0, NULL, "out of memory");
        if (rc != WB_OK && coverage_err.message[0] != '\0') {
            if (err != NULL)
                *err = coverage_err;
            return rc;
        }
        if (rc != WB_OK)
            return wb__error_set(err, rc, NULL, 0, 0, NULL,
                                 "the evaluation stopped: the result callback returned %d", rc);
    }
    if (coverage != WB_OK && err != NULL)
        *err = coverage_err;
    return coverage;
}

wb_result wb__run_result(const wb__rule_run *run, const char *key, const char *unit,
                         const char *township)
{
    wb_result r;
    memset(&r, 0, sizeof(r));
    r.rule = run->rule;
    r.key = key;
    r.unit = unit != NULL ? unit : "";
    r.township = township != NULL ? township : "";
    r.as_of = run->ev->as_of;
    r.calendar = run->ev->calendar;
    /* Placed on the first file of the rule's ledger, with no line. */
    size_t k = wb__tally_find(run->ev->kinds, run->rule->ledger);
    const char *first = k != (size_t)-1 ? *(const char **)wb__tally_value(run->ev->kinds, k) : "";
    r.source = first[0] != '\0' ? first : NULL;
    return r;
}

int wb__emit(wb__rule_run *run, const wb_result *r)
{
    wb_evaluation *ev = run->ev;
    if (count_result(ev, r) != WB_OK)
        return WB_ENOMEM;
    if (ev->fn != NULL)
        return ev->fn(r, ev->payload);
    return keep_result(ev, r);
}

const wb_rule *wb__run_rule(const wb__rule_run *run) { return run->rule; }
const wb_ruleset *wb__run_ruleset(const wb__rule_run *run) { return run->ev->rules; }
wb_date wb__run_as_of(const wb__rule_run *run) { return run->ev->as_of; }
wb_date wb__run_since(const wb__rule_run *run) { return run->ev->since; }
const wb_calendar *wb__run_calendar(const wb__rule_run *run) { return run->ev->calendar; }

const wb_diagnostics *wb_evaluation_problems(const wb_evaluation *ev)
{
    return ev != NULL ? ev->problems : NULL;
}

size_t wb_evaluation_record_count(const wb_evaluation *ev) { return ev ? ev->records : 0; }
size_t wb_evaluation_result_count(const wb_evaluation *ev) { return ev ? ev->kept_count : 0; }

const wb_result *wb_evaluation_result_at(const wb_evaluation *ev, size_t i)
{
    return ev != NULL && i < ev->kept_count ? &ev->kept[i] : NULL;
}

wb_date wb_evaluation_as_of(const wb_evaluation *ev)
{
    wb_date none = { 0 };
    return ev != NULL ? ev->as_of : none;
}

static const wb__tally *group_of(const wb_evaluation *ev, wb_grouping by)
{
    if (ev == NULL || (int)by < 0 || (int)by > 3)
        return NULL;
    return ev->groups[by];
}

static size_t group_outcome(const wb__tally *g, size_t i, wb_outcome outcome)
{
    return ((const size_t *)wb__tally_value(g, i))[outcome];
}

size_t wb_evaluation_count(const wb_evaluation *ev, const char *rule_id, wb_outcome outcome)
{
    const wb__tally *g = group_of(ev, WB_GROUP_RULE);
    if (g == NULL || (int)outcome < 0 || (int)outcome >= WB_OUTCOME_COUNT)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < wb__tally_count(g); i++)
        if (rule_id == NULL || strcmp(wb__tally_name(g, i), rule_id) == 0)
            n += group_outcome(g, i, outcome);
    return n;
}

size_t wb_evaluation_group_count(const wb_evaluation *ev, wb_grouping by)
{
    return wb__tally_count(group_of(ev, by));
}

const char *wb_evaluation_group_name(const wb_evaluation *ev, wb_grouping by, size_t i)
{
    return wb__tally_name(group_of(ev, by), i);
}

size_t wb_evaluation_group_outcome(const wb_evaluation *ev, wb_grouping by, size_t i,
                                   wb_outcome outcome)
{
    const wb__tally *g = group_of(ev, by);
    if (g == NULL || i >= wb__tally_count(g) || (int)outcome < 0 ||
        (int)outcome >= WB_OUTCOME_COUNT)
        return 0;
    return group_outcome(g, i, outcome);
}

/* ============================================================= results */

const char *wb_result_rule(const wb_result *r) { return r ? r->rule->id : NULL; }

const char *wb_result_standard(const wb_result *r)
{
    return r != NULL && r->rule->standard_count > 0 ? r->rule->standards[0] : "";
}

wb_outcome wb_result_outcome(const wb_result *r) { return r ? r->outcome : WB_OUTCOME_INSUFFICIENT_DATA; }
wb_severity wb_result_severity(const wb_result *r) { return r ? r->rule->severity : WB_SEVERITY_ERROR; }
const char *wb_result_key(const wb_result *r) { return r ? r->key : NULL; }
const char *wb_result_unit(const wb_result *r) { return r ? r->unit : NULL; }
const char *wb_result_township(const wb_result *r) { return r ? r->township : NULL; }
const char *wb_result_source(const wb_result *r) { return r ? r->source : NULL; }
int wb_result_line(const wb_result *r) { return r ? r->line : 0; }
int32_t wb_result_days_late(const wb_result *r) { return r ? r->days_late : 0; }
int32_t wb_result_days_left(const wb_result *r) { return r ? r->days_left : 0; }
int wb_result_provisional(const wb_result *r) { return r ? r->provisional : 0; }
int wb_result_due_is_bound(const wb_result *r) { return r ? r->due_is_bound : 0; }
const char *wb_result_missing(const wb_result *r) { return r ? r->missing : NULL; }

int wb_result_span(const wb_result *r, wb_date *from, wb_date *to)
{
    if (r == NULL || from == NULL || to == NULL)
        return WB_EINVAL;
    if (!r->has_span)
        return WB_ENOTFOUND;
    *from = r->span_from;
    *to = r->span_to;
    return WB_OK;
}

int wb_result_ratio(const wb_result *r, int64_t *numerator, int64_t *denominator,
                    int32_t *percent)
{
    if (r == NULL || numerator == NULL || denominator == NULL || percent == NULL)
        return WB_EINVAL;
    if (!r->has_ratio)
        return WB_ENOTFOUND;
    *numerator = r->numerator;
    *denominator = r->denominator;
    *percent = r->percent;
    return WB_OK;
}

int wb_result_count(const wb_result *r, int64_t *have, int64_t *need)
{
    if (r == NULL || have == NULL || need == NULL)
        return WB_EINVAL;
    if (!r->has_count)
        return WB_ENOTFOUND;
    *have = r->have;
    *need = r->need;
    return WB_OK;
}

const char *wb_result_detail(const wb_result *r, wb_lang lang)
{
    return r != NULL ? r->detail[lang == WB_LANG_EN ? 1 : 0] : NULL;
}

int wb_result_due(const wb_result *r, wb_date *out)
{
    if (r == NULL || out == NULL)
        return WB_EINVAL;
    if (!r->has_due)
        return WB_ENOTFOUND;
    *out = r->due;
    return WB_OK;
}

int wb_result_done(const wb_result *r, wb_date *out)
{
    if (r == NULL || out == NULL)
        return WB_EINVAL;
    if (!r->has_done)
        return WB_ENOTFOUND;
    *out = r->done;
    return WB_OK;
}

/* "3 days left" / "尚余 3 天", "1 day late" / "逾期 1 天". */
static void days_text(char *buf, size_t size, int32_t n, int late, int en)
{
    if (en)
        snprintf(buf, size, "%d %s %s", (int)n, n == 1 ? "day" : "days", late ? "late" : "left");
    else
        snprintf(buf, size, "%s %d 天", late ? "逾期" : "尚余", (int)n);
}

/* num/den as a percentage with one decimal, rounded down, in integers. */
static void put_percent(wb__strbuf *b, int64_t num, int64_t den)
{
    int64_t tenths = den > 0 ? num * 1000 / den : 0;
    wb__strbuf_put(b, "%lld.%lld%%", (long long)(tenths / 10), (long long)(tenths % 10));
}

/* A rule over whole ledgers: its ratio or count. */
static void put_figures(wb__strbuf *b, const wb_result *r, int en)
{
    if (r->has_ratio) {
        wb__strbuf_put(b, en ? "%lld of %lld (" : "%lld/%lld(", (long long)r->numerator,
                       (long long)r->denominator);
        put_percent(b, r->numerator, r->denominator);
        wb__strbuf_put(b, en ? ")%s %d%% required" : "),%s %d%%",
                       r->outcome == WB_OUTCOME_VIOLATION ? (en ? ", below the" : "未达到")
                                                          : (en ? ", at least" : "要求不低于"),
                       (int)r->percent);
    } else if (r->has_count) {
        char to[WB_DATE_STRLEN];
        wb_date_format(to, r->span_to);
        char left[48];
        days_text(left, sizeof(left), r->days_left, 0, en);
        if (r->outcome == WB_OUTCOME_PENDING && en)
            wb__strbuf_put(b, "%lld so far, at least %lld required by %s (%s)",
                           (long long)r->have, (long long)r->need, to, left);
        else if (r->outcome == WB_OUTCOME_PENDING)
            wb__strbuf_put(b, "目前 %lld,%s 前须不少于 %lld(%s)",
                           (long long)r->have, to, (long long)r->need, left);
        else
            wb__strbuf_put(b, en ? "%s%lld, at least %lld required" : "%s%lld,要求不少于 %lld",
                           r->outcome == WB_OUTCOME_VIOLATION ? (en ? "only " : "仅 ") : "",
                           (long long)r->have, (long long)r->need);
    }
}

/* The finding itself, after "key: title: ". */
static void put_detail(wb__strbuf *b, const wb_result *r, int en)
{
    if ((r->has_ratio || r->has_count) && r->outcome <= WB_OUTCOME_VIOLATION) {
        put_figures(b, r, en);
        if (r->detail[en] != NULL)
            wb__strbuf_put(b, en ? "; %s" : ";%s", r->detail[en]);
        return;
    }
    char due[WB_DATE_STRLEN], done[WB_DATE_STRLEN], as_of[WB_DATE_STRLEN];
    char left[48], late[48];
    wb_date_format(due, r->due);
    wb_date_format(done, r->done);
    wb_date_format(as_of, r->as_of);
    days_text(left, sizeof(left), r->days_left, 0, en);
    days_text(late, sizeof(late), r->days_late, 1, en);
    switch (r->outcome) {
    case WB_OUTCOME_COMPLIES:
        if (!r->has_due)
            wb__strbuf_put(b, "%s", en ? "meets the standard" : "符合要求");
        else if (r->recurring && r->due_is_bound)
            wb__strbuf_put(b, en ? "last %s, next due not before %s (at least %s)"
                                 : "最近一次 %s,下次期限不早于 %s(至少%s)", done, due, left);
        else if (r->recurring)
            wb__strbuf_put(b, en ? "last %s, next due %s (%s)" : "最近一次 %s,下次期限 %s(%s)",
                           done, due, left);
        else if (r->due_is_bound)
            wb__strbuf_put(b, en ? "due not before %s, done %s" : "期限不早于 %s,%s 完成",
                           due, done);
        else
            wb__strbuf_put(b, en ? "due %s, done %s" : "期限 %s,%s 完成", due, done);
        break;
    case WB_OUTCOME_PENDING:
        if (r->due_is_bound)
            wb__strbuf_put(b, en ? "due not before %s, not done yet (at least %s)"
                                 : "期限不早于 %s,尚未完成(至少%s)", due, left);
        else
            wb__strbuf_put(b, en ? "due %s, not done yet (%s)" : "期限 %s,尚未完成(%s)",
                           due, left);
        break;
    case WB_OUTCOME_VIOLATION:
        if (!r->has_due)
            wb__strbuf_put(b, "%s", r->why[en]);
        else if (r->recurring)
            wb__strbuf_put(b, en ? "last %s, next was due %s: %s" : "最近一次 %s,下次期限 %s:已%s",
                           done, due, late);
        else if (r->has_done)
            wb__strbuf_put(b, en ? "due %s, done %s: %s" : "期限 %s,%s 完成:%s", due, done, late);
        else
            wb__strbuf_put(b, en ? "due %s, not done by %s: %s" : "期限 %s,截至 %s 未完成:已%s",
                           due, as_of, late);
        break;
    case WB_OUTCOME_NOT_APPLICABLE:
        wb__strbuf_put(b, en ? "not applicable: %s" : "不适用:%s", r->why[en]);
        break;
    case WB_OUTCOME_INSUFFICIENT_DATA:
        if (r->unreadable == 2)
            wb__strbuf_put(b, "%s", en ? "insufficient data: the row could not be read"
                                       : "数据不足:本行无法识别");
        else if (r->unreadable)
            wb__strbuf_put(b, en ? "insufficient data: %s (%s) could not be read"
                                 : "数据不足:“%s”(%s)无法识别",
                           en ? r->missing : r->missing_header, en ? r->missing_header : r->missing);
        else
            wb__strbuf_put(b, en ? "insufficient data: no %s (%s)" : "数据不足:缺少“%s”(%s)",
                           en ? r->missing : r->missing_header, en ? r->missing_header : r->missing);
        break;
    }
    if (r->detail[en] != NULL)
        wb__strbuf_put(b, en ? "; %s" : ";%s", r->detail[en]);
    if (r->due_is_bound)
        wb__strbuf_put(b, en ? " (the calendar does not reach the last day yet)"
                             : "(日历数据尚未覆盖期限最后一日)");
    else if (r->provisional)
        wb__strbuf_put(b, en ? " (provisional: the calendar's last days may still change)"
                             : "(暂定:日历末尾日期可能调整)");
}

static int finish_text(char **out, wb__strbuf *b, wb_error *err)
{
    *out = wb__strbuf_finish(b);
    return *out != NULL ? WB_OK : wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
}

int wb_result_message(char **out, const wb_result *r, wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_result_message", "out");
    *out = NULL;
    if (r == NULL)
        return wb__error_arg(err, "wb_result_message", "result");
    int en = lang == WB_LANG_EN;
    char *key = wb__mask_numbers_dup(r->key);
    if (key == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, en ? "%s: %s: " : "%s:%s:", key, r->rule->title[en]);
    free(key);
    put_detail(&b, r, en);
    return finish_text(out, &b, err);
}

static const char *unit_words(wb_period_unit unit, int32_t count, int en)
{
    int one = count == 1;
    switch (unit) {
    case WB_PERIOD_DAYS:     return en ? (one ? "day" : "days") : "日";
    case WB_PERIOD_MONTHS:   return en ? (one ? "month" : "months") : "个月";
    case WB_PERIOD_YEARS:    return en ? (one ? "year" : "years") : "年";
    case WB_PERIOD_WORKDAYS: return en ? (one ? "working day" : "working days") : "个工作日";
    }
    return "";
}

static const char *day_kind_words(wb_day_kind kind, int en)
{
    switch (kind) {
    case WB_DAY_WORKDAY:         return en ? "a working day" : "工作日";
    case WB_DAY_WEEKEND:         return en ? "a weekend day" : "休息日";
    case WB_DAY_HOLIDAY:         return en ? "a holiday" : "法定节假日";
    case WB_DAY_MAKEUP_WORKDAY:  return en ? "a make-up working day" : "调休上班日";
    }
    return "";
}

/* The holidays and make-up working days between start (excluded) and end. */
static void put_days_inside(wb__strbuf *b, const wb_calendar *cal, wb_date start, wb_date end,
                            int en)
{
    size_t shown = 0;
    for (size_t i = 0; i < wb_calendar_holiday_count(cal); i++) {
        const wb_holiday *h = wb_calendar_holiday_at(cal, i);
        wb_date hs = wb_holiday_start(h), he = wb_holiday_end(h);
        if (wb_date_cmp(he, start) <= 0 || wb_date_cmp(hs, end) > 0)
            continue;
        char a[WB_DATE_STRLEN], z[WB_DATE_STRLEN];
        wb_date_format(a, hs);
        wb_date_format(z, he);
        wb__strbuf_put(b, "%s%s %s%s%s (%s)", shown++ ? (en ? "; " : ";")
                                                      : (en ? "\n  holidays in the period: "
                                                            : "\n  期间的法定节假日:"),
                       wb_holiday_name(h), a, en ? " to " : "至", z, wb_holiday_notice(h));
    }
    shown = 0;
    for (size_t i = 0; i < wb_calendar_makeup_count(cal); i++) {
        const wb_makeup_day *m = wb_calendar_makeup_at(cal, i);
        wb_date d = wb_makeup_day_date(m);
        if (wb_date_cmp(d, start) <= 0 || wb_date_cmp(d, end) > 0)
            continue;
        char a[WB_DATE_STRLEN];
        wb_date_format(a, d);
        wb__strbuf_put(b, "%s%s", shown++ ? (en ? ", " : "、")
                                          : (en ? "\n  make-up working days in the period (they count): "
                                                : "\n  期间的调休上班日(计为工作日):"),
                       a);
    }
}

int wb_result_explain(char **out, const wb_result *r, wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_result_explain", "out");
    *out = NULL;
    if (r == NULL)
        return wb__error_arg(err, "wb_result_explain", "result");
    int en = lang == WB_LANG_EN;
    char *key = wb__mask_numbers_dup(r->key);
    if (key == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, en ? "%s [%s, standard %s]: %s" : "%s [%s,考核标准 %s]:%s",
                   key, r->rule->id, wb_result_standard(r), r->rule->title[en]);
    free(key);
    wb__strbuf_put(&b, en ? "\n  reading: %s" : "\n  解读:%s", r->rule->reading[en]);
    if (r->has_period) {
        const wb_deadline *d = &r->deadline;
        char start[WB_DATE_STRLEN], nominal[WB_DATE_STRLEN], end[WB_DATE_STRLEN];
        wb_date_format(start, r->start);
        wb_date_format(nominal, d->nominal_end);
        wb_date_format(end, r->due);
        wb__strbuf_put(&b, en ? "\n  counted from %s, %s (not counted): %d %s"
                              : "\n  自 %s(%s,当日不计入)起算 %d %s",
                       start, r->start_what[en], (int)r->count, unit_words(r->unit_of_count, r->count, en));
        if (r->due_is_bound && r->unit_of_count == WB_PERIOD_WORKDAYS) {
            wb__strbuf_put(&b, en ? "\n  the calendar ends before the %dth working day: it falls on %s or later"
                                  : "\n  日历数据在第 %d 个工作日之前结束:期限不早于 %s",
                           (int)r->count, end);
        } else if (r->due_is_bound) {
            wb__strbuf_put(&b, en ? "\n  by art. 202 the period ends on %s; the calendar does not cover that day, so an art. 203 move is not yet known"
                                  : "\n  依民法典第二百零二条,期间届满日为 %s;日历数据未覆盖该日,是否依第二百零三条顺延尚不可知",
                           nominal);
        } else if (r->unit_of_count == WB_PERIOD_WORKDAYS) {
            put_days_inside(&b, r->calendar, r->start, d->end, en);
            wb__strbuf_put(&b, en ? "\n  the %dth working day is %s" : "\n  第 %d 个工作日为 %s",
                           (int)r->count, end);
        } else {
            wb__strbuf_put(&b, en ? "\n  by art. 202 the period ends on %s, %s"
                                  : "\n  依民法典第二百零二条,期间届满日为 %s(%s)",
                           nominal, day_kind_words(d->nominal_kind, en));
            if (d->moved) {
                wb__strbuf_put(&b, en ? "; by art. 203 it moves to the next working day, %s"
                                      : ";依第二百零三条顺延至其后第一个工作日 %s", end);
                if (d->holiday != NULL)
                    wb__strbuf_put(&b, en ? " (after %s, %s)" : "(%s,%s)", d->holiday,
                                   d->notice != NULL ? d->notice : "");
            }
        }
        if (d->provisional && !r->due_is_bound) {
            char final[WB_DATE_STRLEN];
            wb_date_format(final, wb_calendar_final_through(r->calendar));
            wb__strbuf_put(&b, en ? "\n  provisional: it rests on days after %s, which next year's notice may still change"
                                  : "\n  暂定:涉及 %s 之后的日期,次年通知可能调整", final);
        }
    } else if (r->has_due) {
        char due[WB_DATE_STRLEN];
        wb_date_format(due, r->due);
        wb__strbuf_put(&b, en ? "\n  due: %s (%s)" : "\n  期限:%s(%s)", due,
                       r->why[en] != NULL ? r->why[en] : "");
    }
    char as_of[WB_DATE_STRLEN];
    wb_date_format(as_of, r->as_of);
    wb__strbuf_put(&b, en ? "\n  as of %s: " : "\n  核查基准日 %s:", as_of);
    if (r->outcome <= WB_OUTCOME_VIOLATION)
        wb__strbuf_put(&b, en ? "%s: " : "%s:", wb_outcome_title(r->outcome, lang));
    put_detail(&b, r, en);
    return finish_text(out, &b, err);
}
