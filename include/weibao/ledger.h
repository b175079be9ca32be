/*
 * weibao/ledger.h - the ledgers (台账) a county keeps, and their records.
 *
 * A ledger kind ("background-checks", 入职查询台账) fixes the columns of
 * its records: each has an English name used in XML and the API
 * ("query-date") and a Chinese header used in CSV ("查询日期"). Ledger
 * files are XML (urn:weibao:ledger:1, schema data/ledger.xsd) or CSV with
 * a header row, as clerks keep them in Excel (see docs/ledgers.md).
 *
 * A record is one row. An OA system that keeps its data in its own
 * database builds records with wb_record_new() and wb_record_set() and
 * hands them to the rule engine (weibao/compliance.h); files are read by
 * wb_evaluation_add_file().
 *
 * Personal data: a record may hold names and identity numbers. The
 * library uses them only to check them; no message, explanation or
 * report ever contains a name, and an identity number only masked
 * (220581********123X). A message that quotes a cell or a key shows a
 * run of 10 or more digits only by its last 4 (BC-*******5678). Free-text
 * cells may be scanned for personal data (wb_evaluation_set_privacy).
 *
 * Ownership: a wb_record from an `out` parameter belongs to the caller
 * (wb_record_free). Kinds are static. Threading: kinds are immutable; a
 * record must not be changed while another thread reads it.
 */
#ifndef WEIBAO_LEDGER_H
#define WEIBAO_LEDGER_H

#include <stddef.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

typedef struct wb_ledger_kind wb_ledger_kind;
typedef struct wb_record wb_record;

/** What a column holds. */
typedef enum wb_field_type {
    WB_FIELD_TEXT = 0,
    WB_FIELD_DATE = 1,       /**< 2026-02-10 or 2026年2月10日 */
    WB_FIELD_CHOICE = 2,     /**< one of a fixed list, in Chinese or English */
    WB_FIELD_COUNT = 3,      /**< a whole number, 0 or more */
    WB_FIELD_NAME = 4,       /**< a person's name: personal data, never printed */
    WB_FIELD_ID_NUMBER = 5   /**< a resident identity number (GB 11643), checked, printed masked */
} wb_field_type;

/** The ledger kinds the library reads, in a fixed order. @since 0.3 */
WB_API size_t wb_ledger_kind_count(void);
/** @since 0.3 */
WB_API const wb_ledger_kind *wb_ledger_kind_at(size_t i);
/** The kind of that name ("background-checks") or Chinese title, or NULL. @since 0.3 */
WB_API const wb_ledger_kind *wb_ledger_kind_find(const char *name);
/** @since 0.3 */
WB_API const char *wb_ledger_kind_name(const wb_ledger_kind *kind);
/** "入职查询台账" / "Background checks". @since 0.3 */
WB_API const char *wb_ledger_kind_title(const wb_ledger_kind *kind, wb_lang lang);
/** @since 0.3 */
WB_API size_t wb_ledger_field_count(const wb_ledger_kind *kind);
/** The column's English name ("query-date"). @since 0.3 */
WB_API const char *wb_ledger_field_name(const wb_ledger_kind *kind, size_t i);
/** The column's Chinese header ("查询日期"). @since 0.3 */
WB_API const char *wb_ledger_field_header(const wb_ledger_kind *kind, size_t i);
/** @since 0.3 */
WB_API wb_field_type wb_ledger_field_type(const wb_ledger_kind *kind, size_t i);
/** 1 when a row without it is a bad row (the key). @since 0.3 */
WB_API int wb_ledger_field_required(const wb_ledger_kind *kind, size_t i);
/** For a choice column: the number of choices, and each in Chinese or English. @since 0.3 */
WB_API size_t wb_ledger_field_choice_count(const wb_ledger_kind *kind, size_t i);
/** @since 0.3 */
WB_API const char *wb_ledger_field_choice(const wb_ledger_kind *kind, size_t i, size_t k,
                                          wb_lang lang);
/** What the column means, one line. @since 0.3 */
WB_API const char *wb_ledger_field_summary(const wb_ledger_kind *kind, size_t i, wb_lang lang);

/**
 * Whether a file is a ledger, and of which kind. An XML file is a ledger
 * when its root is in the namespace urn:weibao:ledger:1; a file that is
 * not XML (its first character, after a BOM and spaces, is not '<') is
 * taken for a CSV ledger, whose kind is the one its header row fits,
 * unless its name ends in ".xml" (any case): that file is read as XML
 * whatever it holds, so an empty one is WB_ENOTFOUND here and an error
 * when read.
 * *kind is NULL when a CSV header fits no kind or more than one.
 * @return WB_OK (a ledger); WB_ENOTFOUND (XML of another kind: a rubric,
 *         a calendar); WB_EIO; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_ledger_detect_file(const wb_ledger_kind **kind, const char *path, wb_error *err);

/**
 * As wb_ledger_detect_file(), for len bytes of memory (a ledger read from
 * standard input, or from a database column).
 * @return WB_OK (a ledger, or text taken for CSV); WB_ENOTFOUND (XML of
 *         another kind); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_ledger_detect_buffer(const wb_ledger_kind **kind, const char *data, size_t len,
                                   wb_error *err);

/**
 * A new, empty record of a kind.
 * @return WB_OK, WB_ENOTFOUND (no such kind), WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_record_new(wb_record **out, const char *kind, wb_error *err);

/**
 * Set one column, by English name or Chinese header, from text as a clerk
 * writes it: dates as 2026-02-10 or 2026年2月10日, choices in Chinese or
 * English, counts as digits. Leading and trailing spaces are ignored; an
 * empty value clears the column. The value is copied.
 * @return WB_OK; WB_ENOTFOUND for an unknown column; WB_EPARSE for a
 *         value the column cannot hold (err says which, a personal value
 *         masked); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_record_set(wb_record *record, const char *field, const char *value,
                         wb_error *err);

/** The record's key, or NULL when not set. Borrowed. @since 0.3 */
WB_API const char *wb_record_key(const wb_record *record);
/** The record's kind. @since 0.3 */
WB_API const wb_ledger_kind *wb_record_kind(const wb_record *record);
/** Free a record. Accepts NULL. @since 0.3 */
WB_API void wb_record_free(wb_record *record);

/**
 * Mask an identity number for printing: the first 6 and last 4
 * characters kept, the rest '*' (220581********123X). Anything shorter
 * than 11 characters is masked whole. buf holds at least
 * WB_MASK_STRLEN bytes.
 * @since 0.3
 */
#define WB_MASK_STRLEN 64
WB_API void wb_mask_id_number(char *buf, const char *id_number);

/** 1 when s is a resident identity number whose check character is right. @since 0.3 */
WB_API int wb_id_number_is_valid(const char *s);

WB_END_DECLS

#endif /* WEIBAO_LEDGER_H */
