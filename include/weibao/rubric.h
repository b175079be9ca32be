/*
 * weibao/rubric.h - the assessment rubric (考核细则) as typed data.
 *
 * A rubric edition holds categories (项目), each with topics (内容), each
 * with scored standards (工作标准); a veto list (负面工作清单项); and the
 * directory of units (责任单位) those items name. Standards and veto items
 * are both "items" (wb_item) and share one id space: "2.3", "V1".
 *
 * Points are counted in halves, so that every sum is exact: a standard
 * worth 2 points has wb_item_half_points() == 4. wb_points_format() turns
 * a count of halves into the text a person reads ("2", "1.5").
 *
 * Ownership: a wb_rubric comes from one of the open/load functions and
 * is released with wb_rubric_free(). Every other pointer the functions
 * below return (categories, topics, items, units, strings) is borrowed
 * from the rubric and lives exactly as long as it does.
 *
 * Threading: a loaded rubric never changes, so one handle may be read
 * from any number of threads at once. Loading is re-entrant.
 */
#ifndef WEIBAO_RUBRIC_H
#define WEIBAO_RUBRIC_H

#include <stddef.h>
#include <weibao/common.h>
#include <weibao/errors.h>
#include <weibao/diagnostic.h>

WB_BEGIN_DECLS

typedef struct wb_rubric wb_rubric;
typedef struct wb_category wb_category;
typedef struct wb_topic wb_topic;
typedef struct wb_item wb_item;
typedef struct wb_unit wb_unit;

/** What an item is. */
typedef enum wb_item_kind {
    WB_ITEM_STANDARD = 0,   /**< A scored standard, id "N.M". */
    WB_ITEM_VETO = 1        /**< A veto item, id "V<n>"; it has no points. */
} wb_item_kind;

/** What a unit directory entry is. */
typedef enum wb_unit_kind {
    WB_UNIT_BODY = 0,       /**< One body: a department, a court, an office. */
    WB_UNIT_GROUP = 1       /**< A group whose every member answers for its items. */
} wb_unit_kind;

/* ---------------------------------------------------------------- load */

/**
 * Open the edition compiled into the library (the 2022 Meihekou edition
 * of the national rubric: 67 standards, 100 points, 8 veto items). Needs
 * no file.
 *
 * @param out  receives the rubric; free it with wb_rubric_free()
 * @param err  optional; filled on failure
 * @return WB_OK, WB_ENOMEM, or WB_EINVAL when out is NULL
 * @since 0.1
 */
WB_API int wb_rubric_open_default(wb_rubric **out, wb_error *err);

/**
 * Load an edition from an XML file in the rubric format (data/rubric.xsd).
 * The document is checked against the schema and the format's rules; the
 * first problem found fails the load, and err says what and where. Use
 * wb_rubric_check_file() to see every problem.
 *
 * @return WB_OK; WB_EIO when the file cannot be read; WB_EPARSE when it is
 *         not well-formed XML or carries a DOCTYPE; WB_ESCHEMA when it
 *         breaks the schema or a rule; WB_ENOMEM; WB_EINVAL
 * @since 0.1
 */
WB_API int wb_rubric_load_file(wb_rubric **out, const char *path, wb_error *err);

/**
 * As wb_rubric_load_file(), from memory. The buffer is not kept.
 *
 * @param data  UTF-8 XML, len bytes (need not be NUL-terminated)
 * @param name  the name diagnostics give the buffer, or NULL for "<buffer>"
 * @since 0.1
 */
WB_API int wb_rubric_load_buffer(wb_rubric **out, const char *data, size_t len,
                                 const char *name, wb_error *err);

/** Release a rubric and everything borrowed from it. Accepts NULL. @since 0.1 */
WB_API void wb_rubric_free(wb_rubric *rubric);

/* --------------------------------------------------------------- check */

/**
 * Check a rubric file and report every problem found: well-formedness,
 * the schema, and the format's rules (unique ids, a standard's id inside
 * its category, points above zero, a declared total that equals the sum,
 * every responsible unit and group member known to the directory).
 *
 * A document that has problems is still a successful check: the call
 * returns WB_OK and *out lists the findings (empty when clean).
 *
 * @param out  receives the findings; free with wb_diagnostics_free()
 * @return WB_OK; WB_EIO when the file cannot be read; WB_ENOMEM; WB_EINVAL
 * @since 0.1
 */
WB_API int wb_rubric_check_file(wb_diagnostics **out, const char *path,
                                wb_error *err);

/** As wb_rubric_check_file(), from memory. @since 0.1 */
WB_API int wb_rubric_check_buffer(wb_diagnostics **out, const char *data,
                                  size_t len, const char *name, wb_error *err);

/**
 * The XML Schema of the rubric format, as compiled into the library.
 * Static storage, NUL-terminated UTF-8.
 * @since 0.1
 */
WB_API const char *wb_rubric_schema(void);

/* ------------------------------------------------------------- edition */

/** A short stable name of the edition, e.g. "meihekou-2022". @since 0.1 */
WB_API const char *wb_rubric_edition(const wb_rubric *rubric);
/** The rubric's title as printed. @since 0.1 */
WB_API const char *wb_rubric_title(const wb_rubric *rubric);
/** Where the edition comes from, or "" when the document does not say. @since 0.1 */
WB_API const char *wb_rubric_source(const wb_rubric *rubric);
/** The file or buffer name it was loaded from ("<default>" for the built-in one). @since 0.1 */
WB_API const char *wb_rubric_origin(const wb_rubric *rubric);
/** The full score in halves; equals the sum of every standard's points. @since 0.1 */
WB_API int wb_rubric_total_half_points(const wb_rubric *rubric);

/* ------------------------------------------------ categories and topics */

/** @since 0.1 */
WB_API size_t wb_rubric_category_count(const wb_rubric *rubric);
/** The i-th category in document order; NULL when out of range. @since 0.1 */
WB_API const wb_category *wb_rubric_category_at(const wb_rubric *rubric, size_t i);

/** The category number N as text ("1" … "10"). @since 0.1 */
WB_API const char *wb_category_id(const wb_category *category);
/** The category's name, e.g. "组织领导". @since 0.1 */
WB_API const char *wb_category_name(const wb_category *category);
/** The sum of its standards' points, in halves. @since 0.1 */
WB_API int wb_category_half_points(const wb_category *category);
/** @since 0.1 */
WB_API size_t wb_category_topic_count(const wb_category *category);
/** @since 0.1 */
WB_API const wb_topic *wb_category_topic_at(const wb_category *category, size_t i);
/** @since 0.1 */
WB_API size_t wb_category_standard_count(const wb_category *category);
/** The i-th standard across all the category's topics. @since 0.1 */
WB_API const wb_item *wb_category_standard_at(const wb_category *category, size_t i);

/** The topic's name, e.g. "从业查询". @since 0.1 */
WB_API const char *wb_topic_name(const wb_topic *topic);
/** @since 0.1 */
WB_API const wb_category *wb_topic_category(const wb_topic *topic);
/** @since 0.1 */
WB_API size_t wb_topic_standard_count(const wb_topic *topic);
/** @since 0.1 */
WB_API const wb_item *wb_topic_standard_at(const wb_topic *topic, size_t i);

/* --------------------------------------------------------------- items */

/** Number of scored standards. @since 0.1 */
WB_API size_t wb_rubric_standard_count(const wb_rubric *rubric);
/** The i-th standard in document order; NULL when out of range. @since 0.1 */
WB_API const wb_item *wb_rubric_standard_at(const wb_rubric *rubric, size_t i);
/** Number of veto items. @since 0.1 */
WB_API size_t wb_rubric_veto_count(const wb_rubric *rubric);
/** The i-th veto item; NULL when out of range. @since 0.1 */
WB_API const wb_item *wb_rubric_veto_at(const wb_rubric *rubric, size_t i);
/** The heading of the veto list, e.g. "负面工作清单项". @since 0.1 */
WB_API const char *wb_rubric_veto_heading(const wb_rubric *rubric);

/**
 * Find a standard or veto item by id ("2.3", "V1"). Ids are matched
 * exactly.
 *
 * @param out  receives a borrowed pointer
 * @return WB_OK, WB_ENOTFOUND (err names the id), WB_EINVAL
 * @since 0.1
 */
WB_API int wb_rubric_find_item(const wb_item **out, const wb_rubric *rubric,
                               const char *id, wb_error *err);

/** @since 0.1 */
WB_API wb_item_kind wb_item_kind_of(const wb_item *item);
/** "N.M" or "V<n>". @since 0.1 */
WB_API const char *wb_item_id(const wb_item *item);
/** The text exactly as the source prints it. @since 0.1 */
WB_API const char *wb_item_text(const wb_item *item);
/** The corrected reading the edition gives beside the printed text, or NULL. @since 0.1 */
WB_API const char *wb_item_corrected_text(const wb_item *item);
/** Points in halves; 0 for a veto item. @since 0.1 */
WB_API int wb_item_half_points(const wb_item *item);
/** The category; NULL for a veto item. @since 0.1 */
WB_API const wb_category *wb_item_category(const wb_item *item);
/** The topic; NULL for a veto item. @since 0.1 */
WB_API const wb_topic *wb_item_topic(const wb_item *item);
/** The line of the item's element in its source document. @since 0.1 */
WB_API int wb_item_line(const wb_item *item);

/** Number of responsible units named, in printed order. @since 0.1 */
WB_API size_t wb_item_unit_count(const wb_item *item);
/** The i-th responsible unit, resolved to its directory entry. @since 0.1 */
WB_API const wb_unit *wb_item_unit_at(const wb_item *item, size_t i);
/** The i-th responsible unit spelled as printed (may be an alias). @since 0.1 */
WB_API const char *wb_item_unit_spelling_at(const wb_item *item, size_t i);
/**
 * The open-ended tail of the unit list as printed ("等相关单位"), or NULL
 * when the list is closed. @since 0.1
 */
WB_API const char *wb_item_unit_tail(const wb_item *item);

/* --------------------------------------------------------------- units */

/** Number of entries in the unit directory. @since 0.1 */
WB_API size_t wb_rubric_unit_count(const wb_rubric *rubric);
/** @since 0.1 */
WB_API const wb_unit *wb_rubric_unit_at(const wb_rubric *rubric, size_t i);

/**
 * Find a unit by id, canonical name or alias ("transport", "市交通运输局"
 * and "市交通局" give the same unit).
 *
 * @return WB_OK, WB_ENOTFOUND (err quotes the name), WB_EINVAL
 * @since 0.1
 */
WB_API int wb_rubric_find_unit(const wb_unit **out, const wb_rubric *rubric,
                               const char *name, wb_error *err);

/** @since 0.1 */
WB_API const char *wb_unit_id(const wb_unit *unit);
/** The canonical name. @since 0.1 */
WB_API const char *wb_unit_name(const wb_unit *unit);
/** @since 0.1 */
WB_API wb_unit_kind wb_unit_kind_of(const wb_unit *unit);
/** @since 0.1 */
WB_API size_t wb_unit_alias_count(const wb_unit *unit);
/** @since 0.1 */
WB_API const char *wb_unit_alias_at(const wb_unit *unit, size_t i);
/**
 * For a group: 1 when its membership is open (the document does not name
 * every member, as with "each township"), 0 when the members listed are
 * all of them. 0 for a body. @since 0.1
 */
WB_API int wb_unit_is_open(const wb_unit *unit);
/** For a group, the members it lists; 0 for a body. @since 0.1 */
WB_API size_t wb_unit_member_count(const wb_unit *unit);
/** @since 0.1 */
WB_API const wb_unit *wb_unit_member_at(const wb_unit *unit, size_t i);

/**
 * The items a unit answers for (逐一认领): those that name it, and those
 * that name a group it belongs to. Standards first in document order,
 * then veto items. For a group, the items that name the group.
 * @since 0.1
 */
WB_API size_t wb_unit_item_count(const wb_unit *unit);
/** @since 0.1 */
WB_API const wb_item *wb_unit_item_at(const wb_unit *unit, size_t i);
/**
 * Why the unit answers for its i-th item: NULL when the item names the
 * unit itself, otherwise the group through which it does. @since 0.1
 */
WB_API const wb_unit *wb_unit_item_via_at(const wb_unit *unit, size_t i);

/* -------------------------------------------------------------- points */

/** Room for any formatted points value, NUL included. */
#define WB_POINTS_STRLEN 16

/**
 * Write a count of halves as a person reads it: 4 -> "2", 3 -> "1.5",
 * -1 -> "-0.5".
 *
 * @param buf  at least WB_POINTS_STRLEN bytes
 * @return WB_OK, or WB_EINVAL when buf is NULL
 * @since 0.1
 */
WB_API int wb_points_format(char *buf, int half_points);

WB_END_DECLS

#endif /* WEIBAO_RUBRIC_H */
