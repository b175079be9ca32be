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
    unsigned unreadable;                /* bit per column given a value it cannot hold
                                           (reported); every bit: the row could not be read */
};

#define WB__ROW_UNREADABLE (~0u)

/* Columns of each kind. */
enum { BC_KEY, BC_UNIT, BC_TOWNSHIP, BC_NAME, BC_ID_NUMBER, BC_CATEGORY,
       BC_START_DATE, BC_QUERY_DATE, BC_RESULT, BC_RESULT_DATE, BC_DISMISSAL_DATE,
       BC_NOTE, BC_FIELDS };
enum { BC_CATEGORY_NEW_HIRE, BC_CATEGORY_STAFF };
enum { BC_RESULT_NONE, BC_RESULT_RECORD };

enum { JS_KEY, JS_UNIT, JS_TOWNSHIP, JS_ISSUER, JS_RECEIVED_DATE, JS_REPLY_DATE,
       JS_NOTE, JS_FIELDS };

/* Yes/no columns: 0 is yes (有/是), 1 is no (无/否). */
enum { WB__YES, WB__NO };
/* Posts in the trainees and trainings ledgers. */
enum { ROLE_CHILD_DIRECTOR, ROLE_CHILD_SUPERVISOR, ROLE_REPORTING_STAFF };

enum { TR_KEY, TR_UNIT, TR_TOWNSHIP, TR_NAME, TR_ID_NUMBER, TR_ROLE, TR_START_DATE,
       TR_END_DATE, TR_INDUCTION_DATE, TR_NOTE, TR_FIELDS };
enum { TG_KEY, TG_TRAINEE, TG_UNIT, TG_TOWNSHIP, TG_ROLE, TG_KIND, TG_DATE, TG_HOURS,
       TG_SOCIAL_WORK_HOURS, TG_MATERIALS, TG_NOTE, TG_FIELDS };
enum { TG_KIND_INDUCTION, TG_KIND_ROTATION };
enum { CM_KEY, CM_NAME, CM_TOWNSHIP, CM_TYPE, CM_VENUE, CM_DAYS_OPEN, CM_REST_DAYS_OPEN,
       CM_HOURS_PER_OPENING, CM_CHILD_DIRECTORS, CM_FAMILY_EDUCATION_SITE, CM_NOTE, CM_FIELDS };
enum { TS_KEY, TS_NAME, TS_CHILD_SUPERVISORS, TS_WORKSTATION, TS_YOUTH_SOCIAL_WORKERS,
       TS_NOTE, TS_FIELDS };
enum { UN_KEY, UN_NAME, UN_TOWNSHIP, UN_TYPE, UN_NOTE, UN_FIELDS };
enum { SC_KEY, SC_NAME, SC_TOWNSHIP, SC_STAGE, SC_MENTAL_HEALTH_TEACHERS, SC_DISABLED_PUPILS,
       SC_RESOURCE_ROOM, SC_RESOURCE_ROOM_EQUIPPED, SC_RESOURCE_ROOM_STAFFED, SC_NOTE, SC_FIELDS };
enum { STAGE_PRIMARY, STAGE_JUNIOR, STAGE_NINE_YEAR, STAGE_SENIOR, STAGE_COMPLETE,
       STAGE_SPECIAL, STAGE_OTHER };
enum { CO_KEY, CO_POPULATION, CO_NOTE, CO_FIELDS };
enum { MT_KEY, MT_LEVEL, MT_TOWNSHIP, MT_DATE, MT_MINUTES, MT_TOPIC, MT_NOTE, MT_FIELDS };
enum { MT_LEVEL_COUNTY, MT_LEVEL_TOWNSHIP };
enum { AC_KEY, AC_SITE, AC_TOWNSHIP, AC_DATE, AC_KIND, AC_RECORDED, AC_NOTE, AC_FIELDS };
enum { DU_KEY, DU_UNIT, DU_DATE, DU_SYSTEM, DU_NOTE, DU_FIELDS };
enum { CH_KEY, CH_TOWNSHIP, CH_NAME, CH_ID_NUMBER, CH_RISK_LEVEL, CH_REGISTERED_DATE,
       CH_CLOSED_DATE, CH_NOTE, CH_FIELDS };
enum { RISK_HIGH, RISK_MEDIUM, RISK_LOW };
enum { HV_KEY, HV_CHILD, HV_TOWNSHIP, HV_DATE, HV_NOTE, HV_FIELDS };
enum { LS_KEY, LS_PROVIDER, LS_TOWNSHIP, LS_DATE, LS_COMPULSORY, LS_NOTE, LS_FIELDS };
enum { VC_KEY, VC_KIND, VC_START_DATE, VC_END_DATE, VC_NOTE, VC_FIELDS };
enum { VC_WINTER, VC_SUMMER };
enum { IN_KEY, IN_UNIT, IN_TOWNSHIP, IN_DATE, IN_PLACE, IN_NOTE, IN_FIELDS };
enum { SO_KEY, SO_NAME, SO_UNIT, SO_DATE, SO_SUPPORT, SO_NOTE, SO_FIELDS };

extern const wb_ledger_kind wb__ledger_background_checks;
extern const wb_ledger_kind wb__ledger_judicial_suggestions;
extern const wb_ledger_kind wb__ledger_trainees;
extern const wb_ledger_kind wb__ledger_trainings;
extern const wb_ledger_kind wb__ledger_communities;
extern const wb_ledger_kind wb__ledger_townships;
extern const wb_ledger_kind wb__ledger_units;
extern const wb_ledger_kind wb__ledger_schools;
extern const wb_ledger_kind wb__ledger_county;
extern const wb_ledger_kind wb__ledger_meetings;
extern const wb_ledger_kind wb__ledger_activities;
extern const wb_ledger_kind wb__ledger_data_updates;
extern const wb_ledger_kind wb__ledger_children;
extern const wb_ledger_kind wb__ledger_home_visits;
extern const wb_ledger_kind wb__ledger_lessons;
extern const wb_ledger_kind wb__ledger_vacations;
extern const wb_ledger_kind wb__ledger_inspections;
extern const wb_ledger_kind wb__ledger_social_organisations;

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
    char en[1024], zh[1024];
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

/*
 * s as a message may quote it: every run of 10 or more digits (ASCII or
 * full-width; an X, x, Ｘ or ｘ right after 17 digits is part of the run)
 * masked but its last 4 characters, one '*' a character
 * (BC-13812345678 -> BC-*******5678); a number written in groups is one
 * run, its separators kept (138-1234-5678 -> ***-****-5678; groups of 3
 * or more digits joined by a space, '-' or U+3000); the rest as it is.
 * Writes at most size bytes with the NUL, cut before a character, never
 * inside one; returns the length the whole text has (as snprintf does:
 * size or more means it was cut). buf may be NULL with size 0. s NULL is
 * "".
 */
size_t wb__mask_numbers(char *buf, size_t size, const char *s);

/* The same, whole, in a new string (free), or NULL when memory ran out. */
char *wb__mask_numbers_dup(const char *s);

/* s masked, in a buffer of size bytes (at least 4): when it does not fit,
   cut and followed by "...". */
void wb__quote_value(char *buf, size_t size, const char *s);

#endif
