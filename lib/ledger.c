/*
 * ledger.c - the ledger kinds, and records built one column at a time.
 *
 * The kinds are the library's format, not a county's data: their columns
 * are what the rules read. Each column has an English name (XML, API), a
 * Chinese header (CSV), a type and a one-line meaning; docs/ledgers.md
 * describes the same table, and a test keeps the column enums of
 * ledger_internal.h in step with it.
 *
 * A value is checked when it is set, so a bad cell is reported once, at
 * its row, and a record that reaches a rule holds only values its
 * columns can hold. Personal values (names, identity numbers) are never
 * copied into a message: an identity number is quoted masked.
 */
#include "ledger_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors_internal.h"

/* ============================================================== kinds */

#define CHOICES(...) (const char *const[]){ __VA_ARGS__, NULL }

static const wb__field background_check_fields[] = {
    { "key", "编号", { "记录编号,台账内唯一", "The record's number, unique in the ledger" },
      WB_FIELD_TEXT, 1, NULL, NULL },
    { "unit", "单位", { "查询的用人单位", "The employing unit that queries" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "township", "乡镇(街道)", { "所在乡镇(街道)", "Its township (乡镇/街道)" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "name", "姓名", { "被查询人姓名(不会输出)", "The person's name (never printed)" },
      WB_FIELD_NAME, 0, NULL, NULL },
    { "id-number", "身份证号", { "被查询人公民身份号码(输出时遮蔽)",
                                 "The person's identity number (printed masked)" },
      WB_FIELD_ID_NUMBER, 0, NULL, NULL },
    { "category", "人员类别", { "新入职或在职", "A new hire or serving staff" },
      WB_FIELD_CHOICE, 0, CHOICES("新入职", "在职"), CHOICES("new-hire", "staff") },
    { "start-date", "入职日期", { "新入职人员的入职日期", "A new hire's first day" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "query-date", "查询日期", { "最近一次查询的日期", "The date of the latest query" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "result", "查询结果", { "无相关记录或有相关违法犯罪记录",
                              "No relevant record, or a relevant criminal record" },
      WB_FIELD_CHOICE, 0, CHOICES("无", "有"), CHOICES("none", "record") },
    { "result-date", "结果收到日期", { "收到查询结果的日期", "The day the result was received" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "dismissal-date", "解除工作关系日期", { "与有相关记录人员解除工作关系的日期",
                                              "The day the person was dismissed" },
      WB_FIELD_DATE, 0, NULL, NULL },
};

const wb_ledger_kind wb__ledger_background_checks = {
    "background-checks", { "入职查询台账", "Background checks" },
    background_check_fields, BC_FIELDS, BC_UNIT, BC_TOWNSHIP
};

static const wb__field judicial_suggestion_fields[] = {
    { "key", "编号", { "记录编号,台账内唯一", "The record's number, unique in the ledger" },
      WB_FIELD_TEXT, 1, NULL, NULL },
    { "unit", "被建议单位", { "收到建议的单位", "The unit the suggestion was made to" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "township", "乡镇(街道)", { "所在乡镇(街道)", "Its township (乡镇/街道)" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "issuer", "建议机关", { "提出建议的人民法院、人民检察院、公安机关或司法行政部门",
                              "The court, procuratorate, police or justice bureau that made it" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "received-date", "收到日期", { "被建议单位收到建议的日期",
                                     "The day the unit received the suggestion" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "reply-date", "书面回复日期", { "作出书面回复的日期", "The day it replied in writing" },
      WB_FIELD_DATE, 0, NULL, NULL },
};

const wb_ledger_kind wb__ledger_judicial_suggestions = {
    "judicial-suggestions", { "司法建议台账", "Judicial suggestions" },
    judicial_suggestion_fields, JS_FIELDS, JS_UNIT, JS_TOWNSHIP
};

static const wb_ledger_kind *const kinds[] = {
    &wb__ledger_background_checks,
    &wb__ledger_judicial_suggestions,
};

#define KIND_COUNT (sizeof(kinds) / sizeof(kinds[0]))

size_t wb_ledger_kind_count(void) { return KIND_COUNT; }

const wb_ledger_kind *wb_ledger_kind_at(size_t i)
{
    return i < KIND_COUNT ? kinds[i] : NULL;
}

const wb_ledger_kind *wb_ledger_kind_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (strcmp(kinds[i]->name, name) == 0 || strcmp(kinds[i]->title[0], name) == 0)
            return kinds[i];
    return NULL;
}

static int lang_index(wb_lang lang) { return lang == WB_LANG_EN ? 1 : 0; }

const char *wb_ledger_kind_name(const wb_ledger_kind *kind) { return kind ? kind->name : NULL; }

const char *wb_ledger_kind_title(const wb_ledger_kind *kind, wb_lang lang)
{
    return kind ? kind->title[lang_index(lang)] : NULL;
}

size_t wb_ledger_field_count(const wb_ledger_kind *kind) { return kind ? kind->field_count : 0; }

static const wb__field *field_at(const wb_ledger_kind *kind, size_t i)
{
    return kind != NULL && i < kind->field_count ? &kind->fields[i] : NULL;
}

const char *wb_ledger_field_name(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->name : NULL;
}

const char *wb_ledger_field_header(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->header : NULL;
}

wb_field_type wb_ledger_field_type(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->type : WB_FIELD_TEXT;
}

int wb_ledger_field_required(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->required : 0;
}

size_t wb_ledger_field_choice_count(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    size_t n = 0;
    if (f != NULL && f->choices_zh != NULL)
        while (f->choices_zh[n] != NULL)
            n++;
    return n;
}

const char *wb_ledger_field_choice(const wb_ledger_kind *kind, size_t i, size_t k, wb_lang lang)
{
    if (k >= wb_ledger_field_choice_count(kind, i))
        return NULL;
    const wb__field *f = field_at(kind, i);
    return lang == WB_LANG_EN ? f->choices_en[k] : f->choices_zh[k];
}

const char *wb_ledger_field_summary(const wb_ledger_kind *kind, size_t i, wb_lang lang)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->summary[lang_index(lang)] : NULL;
}

int wb__ledger_field_index(const wb_ledger_kind *kind, const char *name)
{
    for (size_t i = 0; i < kind->field_count; i++)
        if (strcmp(kind->fields[i].name, name) == 0 || strcmp(kind->fields[i].header, name) == 0)
            return (int)i;
    return -1;
}

/* ======================================================= personal data */

/* GB 11643: 17 digits, then a check character over weights 2^(17-i) mod 11. */
int wb_id_number_is_valid(const char *s)
{
    if (s == NULL || strlen(s) != 18)
        return 0;
    int sum = 0, weight = 1;
    for (int i = 16; i >= 0; i--) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        weight = weight * 2 % 11;
        sum += (s[i] - '0') * weight;
    }
    char check = "10X98765432"[sum % 11];
    char last = s[17] == 'x' ? 'X' : s[17];
    if (last != check)
        return 0;
    /* Characters 7–14 are the birth date. */
    int y = 0, m = 0, d = 0;
    for (int i = 6; i < 10; i++)
        y = y * 10 + (s[i] - '0');
    m = (s[10] - '0') * 10 + (s[11] - '0');
    d = (s[12] - '0') * 10 + (s[13] - '0');
    wb_date birth;
    return wb_date_from_ymd(&birth, y, m, d, NULL) == WB_OK;
}

void wb_mask_id_number(char *buf, const char *id_number)
{
    if (buf == NULL)
        return;
    size_t n = id_number != NULL ? strlen(id_number) : 0;
    if (n >= WB_MASK_STRLEN)
        n = WB_MASK_STRLEN - 1;
    for (size_t i = 0; i < n; i++) {
        /* Only ASCII is kept; a multi-byte character is never half-shown. */
        unsigned char c = (unsigned char)id_number[i];
        int keep = n >= 11 && (i < 6 || i >= n - 4) && c < 0x80;
        buf[i] = keep ? (char)c : '*';
    }
    buf[n] = '\0';
}

/* ============================================================ records */

static void record_init(wb_record *record, const wb_ledger_kind *kind)
{
    memset(record, 0, sizeof(*record));
    record->kind = kind;
}

void wb__record_reset(wb_record *record)
{
    for (size_t i = 0; i < WB__MAX_FIELDS; i++)
        if (record->text[i] != NULL) {
            record->text[i][0] = '\0';
            record->text[i] = NULL;
        }
    record->line = 0;
}

/* Each column's buffer, kept across resets so that a reader of a million
   rows allocates once per column, not once per cell. */
typedef struct record_storage {
    wb_record record;
    char *buffer[WB__MAX_FIELDS];
} record_storage;

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Whole-number text, 0 to 2^31-1; no sign, no spaces inside. */
static int parse_count(const char *s, int32_t *out)
{
    if (*s == '\0')
        return 0;
    int64_t n = 0;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        n = n * 10 + (*s - '0');
        if (n > INT32_MAX)
            return 0;
    }
    *out = (int32_t)n;
    return 1;
}

static int choice_index(const wb__field *f, const char *s)
{
    for (int k = 0; f->choices_zh[k] != NULL; k++)
        if (strcmp(s, f->choices_zh[k]) == 0 || strcmp(s, f->choices_en[k]) == 0)
            return k;
    return -1;
}

/* Quote a value in a message: the first 40 bytes, cut at a character. */
static void quote(char *buf, size_t size, const char *s)
{
    size_t n = strlen(s);
    if (n > size - 4) {
        n = size - 4;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        memcpy(buf, s, n);
        memcpy(buf + n, "...", 4);
    } else {
        memcpy(buf, s, n + 1);
    }
}

/* Report a cell the column cannot hold, in both languages. */
static int bad_cell(const wb_record *record, wb__cell_problem *problem, wb_error *err,
                    const char *rule, const char *en, const char *zh)
{
    if (problem != NULL) {
        problem->rule = rule;
        snprintf(problem->en, sizeof(problem->en), "%s", en);
        snprintf(problem->zh, sizeof(problem->zh), "%s", zh);
    }
    return wb__error_set(err, WB_EPARSE, record->source, record->line, 0, rule, "%s", en);
}

int wb__record_set_field(wb_record *record, int field, const char *value, size_t len,
                         wb__cell_problem *problem, wb_error *err)
{
    record_storage *st = (record_storage *)record;
    const wb__field *f = &record->kind->fields[field];
    while (len > 0 && is_space((unsigned char)*value)) {
        value++;
        len--;
    }
    while (len > 0 && is_space((unsigned char)value[len - 1]))
        len--;
    if (len == 0) {
        record->text[field] = NULL;
        return WB_OK;
    }
    if (len + 1 > record->capacity[field]) {
        size_t cap = len + 1 < 32 ? 32 : len + 1;
        char *grown = realloc(st->buffer[field], cap);
        if (grown == NULL)
            return wb__error_set(err, WB_ENOMEM, record->source, record->line, 0, NULL,
                                 "out of memory");
        st->buffer[field] = grown;
        record->capacity[field] = cap;
    }
    char *text = st->buffer[field];
    memcpy(text, value, len);
    text[len] = '\0';
    record->text[field] = NULL;

    char shown[48], en[640], zh[640];
    if (memchr(value, '\0', len) != NULL) {
        snprintf(en, sizeof(en), "column %s (%s) holds a NUL character", f->name, f->header);
        snprintf(zh, sizeof(zh), "“%s”列含有 NUL 字符", f->header);
        return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
    }
    switch (f->type) {
    case WB_FIELD_DATE:
        if (wb_date_parse(&record->date[field], text, NULL) != WB_OK) {
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a date that exists",
                     f->name, f->header, shown);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是存在的日期", f->header, shown);
            return bad_cell(record, problem, err, "ledger-bad-date", en, zh);
        }
        break;
    case WB_FIELD_COUNT:
        if (!parse_count(text, &record->number[field])) {
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a whole number of 0 or more",
                     f->name, f->header, shown);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是非负整数", f->header, shown);
            return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
        }
        break;
    case WB_FIELD_CHOICE: {
        int k = choice_index(f, text);
        if (k < 0) {
            char zh_list[128] = "", en_list[128] = "";
            for (size_t i = 0; f->choices_zh[i] != NULL; i++) {
                size_t zl = strlen(zh_list), el = strlen(en_list);
                snprintf(zh_list + zl, sizeof(zh_list) - zl, "%s%s", i ? "、" : "", f->choices_zh[i]);
                snprintf(en_list + el, sizeof(en_list) - el, "%s%s", i ? ", " : "", f->choices_en[i]);
            }
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not one of %s (or %s)",
                     f->name, f->header, shown, zh_list, en_list);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不在可选值 %s 之中", f->header, shown, zh_list);
            return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
        }
        record->number[field] = k;
        break;
    }
    case WB_FIELD_ID_NUMBER:
        if (!wb_id_number_is_valid(text)) {
            char masked[WB_MASK_STRLEN];
            wb_mask_id_number(masked, text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a valid identity number "
                     "(18 characters, check character per GB 11643)", f->name, f->header, masked);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是有效的公民身份号码(18 位,校验码依 GB 11643)",
                     f->header, masked);
            return bad_cell(record, problem, err, "ledger-bad-id-number", en, zh);
        }
        break;
    case WB_FIELD_TEXT:
    case WB_FIELD_NAME:
        break;
    }
    record->text[field] = text;
    return WB_OK;
}

int wb_record_new(wb_record **out, const char *kind, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_record_new", "out");
    *out = NULL;
    if (kind == NULL)
        return wb__error_arg(err, "wb_record_new", "kind");
    const wb_ledger_kind *k = wb_ledger_kind_find(kind);
    if (k == NULL)
        return wb__error_set(err, WB_ENOTFOUND, NULL, 0, 0, NULL,
                             "no ledger kind named '%s'", kind);
    record_storage *st = calloc(1, sizeof(*st));
    if (st == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    record_init(&st->record, k);
    *out = &st->record;
    return WB_OK;
}

wb_record *wb__record_new_of(const wb_ledger_kind *kind)
{
    record_storage *st = calloc(1, sizeof(*st));
    if (st != NULL)
        record_init(&st->record, kind);
    return st != NULL ? &st->record : NULL;
}

int wb_record_set(wb_record *record, const char *field, const char *value, wb_error *err)
{
    if (record == NULL)
        return wb__error_arg(err, "wb_record_set", "record");
    if (field == NULL)
        return wb__error_arg(err, "wb_record_set", "field");
    int i = wb__ledger_field_index(record->kind, field);
    if (i < 0)
        return wb__error_set(err, WB_ENOTFOUND, NULL, 0, 0, NULL,
                             "the ledger kind '%s' has no column '%s'", record->kind->name, field);
    return wb__record_set_field(record, i, value != NULL ? value : "",
                                value != NULL ? strlen(value) : 0, NULL, err);
}

const char *wb_record_key(const wb_record *record)
{
    return record != NULL ? record->text[0] : NULL;
}

const wb_ledger_kind *wb_record_kind(const wb_record *record)
{
    return record != NULL ? record->kind : NULL;
}

void wb_record_free(wb_record *record)
{
    if (record == NULL)
        return;
    record_storage *st = (record_storage *)record;
    for (size_t i = 0; i < WB__MAX_FIELDS; i++)
        free(st->buffer[i]);
    free(st);
}
