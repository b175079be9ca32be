/*
 * ledger_internal.h - ledger kinds and records as the readers and the
 * evaluators see them.
 *
 * Every kind's column 0 is its key. The columns of each kind are numbered
 * by the enums below, which the evaluators use; lib/ledger.c holds the
 * table they index, and a test checks the two agree.
 */
#ifndef WB_LEDGER_INTERNAL_H
#define WB_LEDGER_INTERNAL_H

#include <stdint.h>
#include "weibao/ledger.h"

#define WB__MAX_FIELDS 16

typedef struct wb__field {
    const char *name;           /* English, used in XML and the API */
    const char *header;         /* Chinese, the CSV header */
    const char *summary[2];     /* by wb_lang */
    wb_field_type type;
    int required;
    const char *const *choices_zh;  /* choice columns: NULL-terminated */
    const char *const *choices_en;
} wb__field;

struct wb_ledger_kind {
    const char *name;           /* "background-checks", also the XML root */
    const char *title[2];
    const wb__field *fields;
    size_t field_count;
    int unit_field;             /* the column summaries group by, or -1 */
    int township_field;
};

struct wb_record {
    const wb_ledger_kind *kind;
    char *text[WB__MAX_FIELDS];         /* the value as given, trimmed; NULL when absent */
    size_t capacity[WB__MAX_FIELDS];
    wb_date date[WB__MAX_FIELDS];       /* date columns */
    int32_t number[WB__MAX_FIELDS];     /* counts, and the index of a choice */
    const char *source;                 /* file, for results; NULL for API records */
    int line;
};

/* Columns of each kind. */
enum { BC_KEY, BC_UNIT, BC_TOWNSHIP, BC_NAME, BC_ID_NUMBER, BC_CATEGORY,
       BC_START_DATE, BC_QUERY_DATE, BC_RESULT, BC_RESULT_DATE, BC_DISMISSAL_DATE,
       BC_FIELDS };
enum { BC_CATEGORY_NEW_HIRE, BC_CATEGORY_STAFF };
enum { BC_RESULT_NONE, BC_RESULT_RECORD };

enum { JS_KEY, JS_UNIT, JS_TOWNSHIP, JS_ISSUER, JS_RECEIVED_DATE, JS_REPLY_DATE,
       JS_FIELDS };

extern const wb_ledger_kind wb__ledger_background_checks;
extern const wb_ledger_kind wb__ledger_judicial_suggestions;

static inline int wb__record_has(const wb_record *r, int field)
{
    return r->text[field] != NULL;
}

/* Empty every column, keeping the buffers for the next row. */
void wb__record_reset(wb_record *record);

/* A new empty record of a kind (free with wb_record_free), or NULL. */
wb_record *wb__record_new_of(const wb_ledger_kind *kind);

/* A cell a column cannot hold: the finding's rule and its text in both languages. */
typedef struct wb__cell_problem {
    const char *rule;           /* "ledger-bad-date", "ledger-bad-value", "ledger-bad-id-number" */
    char en[640], zh[640];
} wb__cell_problem;

/*
 * Set column `field` from text; `len` bytes, not NUL-terminated. On a
 * value the column cannot hold, returns WB_EPARSE with *problem (when not
 * NULL) and err filled; a personal value is quoted masked.
 */
int wb__record_set_field(wb_record *record, int field, const char *value, size_t len,
                         wb__cell_problem *problem, wb_error *err);

/* The column of that English name or Chinese header, or -1. */
int wb__ledger_field_index(const wb_ledger_kind *kind, const char *name);

#endif
