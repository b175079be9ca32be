/*
 * weibao/rules.h - the compliance rules and their parameters.
 *
 * A rule set is the table of rules that check a county's ledgers (台账):
 * each rule has a stable id ("dismissal-deadline"), titles in Chinese and
 * English, the rubric standards it serves ("2.3"), the rubric's words it
 * rests on, how the library reads them, the ledger kind it checks, a
 * severity, and its parameters. The table is data (data/rules.xml, schema
 * data/rules.xsd, compiled in as the default); a county changes a
 * parameter with a rule pack (<rule-pack>), which gives a new rule set
 * and leaves the base untouched. A pack may also tune the privacy scan
 * (weibao/privacy.h): add patterns, each with an id and a title, and add
 * to or replace the case words; wb_ruleset_privacy_scanner() makes the
 * scanner they describe.
 *
 * Ownership: a wb_ruleset from an `out` parameter belongs to the caller
 * (wb_ruleset_free). Rules and parameters are borrowed from their set.
 * Threading: a loaded set never changes; share it between threads.
 */
#ifndef WEIBAO_RULES_H
#define WEIBAO_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <weibao/common.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>
#include <weibao/privacy.h>

WB_BEGIN_DECLS

typedef struct wb_ruleset wb_ruleset;
typedef struct wb_rule wb_rule;
typedef struct wb_param wb_param;
typedef struct wb_privacy_pattern wb_privacy_pattern;

/** What a parameter counts. */
typedef enum wb_param_unit {
    WB_PARAM_WORKDAYS = 0,  /**< working days (工作日) */
    WB_PARAM_DAYS = 1,      /**< calendar days */
    WB_PARAM_MONTHS = 2,    /**< months, counted by Civil Code art. 202 */
    WB_PARAM_YEARS = 3,
    WB_PARAM_COUNT = 4,     /**< a number of things (meetings, people) */
    WB_PARAM_PERCENT = 5,   /**< a whole percentage */
    WB_PARAM_FLAG = 6       /**< 1 or 0: a reading applies or not */
} wb_param_unit;

/** Where a parameter's default comes from. */
typedef enum wb_param_source {
    WB_PARAM_FROM_RUBRIC = 0,  /**< the rubric's own words (30个工作日) */
    WB_PARAM_FROM_LAW = 1,     /**< how the law counts (Civil Code art. 203) */
    WB_PARAM_FROM_COUNTY = 2   /**< left to the county; the library's default reading */
} wb_param_source;

/* ---------------------------------------------------------------- load */

/**
 * Open the rule table compiled into the library, every parameter at its
 * default.
 * @return WB_OK, WB_ENOMEM
 * @since 0.3
 */
WB_API int wb_ruleset_open_default(wb_ruleset **out, wb_error *err);

/**
 * Load a rule table (<rules>) from a file. On failure err names the
 * first problem with its line; wb_ruleset_check_file() lists them all.
 * @return WB_OK, WB_EIO, WB_EPARSE, WB_ESCHEMA, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_ruleset_load_file(wb_ruleset **out, const char *path, wb_error *err);

/** As wb_ruleset_load_file(), from memory; name is used in messages. @since 0.3 */
WB_API int wb_ruleset_load_buffer(wb_ruleset **out, const char *data, size_t len,
                                  const char *name, wb_error *err);

/**
 * Apply a rule pack (<rule-pack>) to base: *out is a new set whose
 * parameters are the pack's where it sets them and base's elsewhere. A
 * pack that names a rule or parameter base lacks, or a value outside the
 * parameter's bounds, is refused with its line.
 *
 * The pack's <privacy> patterns are added to base's (one with the id of
 * one of base's replaces it), each compiled as the privacy scan compiles
 * it; its <case-words> are added to base's case words (mode="add", the
 * default) or replace them (mode="replace").
 *
 * A pattern that does not compile is refused with WB_EREGEX: err names
 * the file and the line and column (code points, through references such
 * as &lt;) of the place in the file PCRE2's offset points to, and its
 * message gives that offset (bytes into the pattern) and PCRE2's reason;
 * should the place not be traceable through the XML source, line and
 * column are the <pattern> element's. A pattern that is empty or matches
 * the empty string (it would be found at every place) is refused with
 * WB_EREGEX too, at its element; a pattern id used twice in one pack with
 * WB_ESCHEMA. Each is a finding of rule pack-bad-pattern, and the load
 * fails with the code of the first finding in the file.
 * @return WB_OK, WB_EIO, WB_EPARSE, WB_ESCHEMA, WB_EREGEX, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_ruleset_apply_pack_file(wb_ruleset **out, const wb_ruleset *base,
                                      const char *path, wb_error *err);

/** As wb_ruleset_apply_pack_file(), from memory. @since 0.3 */
WB_API int wb_ruleset_apply_pack_buffer(wb_ruleset **out, const wb_ruleset *base,
                                        const char *data, size_t len,
                                        const char *name, wb_error *err);

/** Free a rule set. Accepts NULL. @since 0.3 */
WB_API void wb_ruleset_free(wb_ruleset *rules);

/** Every problem of a rule table, as findings. @since 0.3 */
WB_API int wb_ruleset_check_file(wb_diagnostics **out, const char *path, wb_error *err);

/**
 * Every problem of a rule pack, checked against base (NULL: the built-in
 * table), as findings; a privacy pattern that cannot be used is a
 * pack-bad-pattern finding with the place and message a load's err gets.
 * @return WB_OK (with the findings, if any), WB_EIO, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_ruleset_check_pack_file(wb_diagnostics **out, const wb_ruleset *base,
                                      const char *path, wb_error *err);

/** The XSD of rule tables and rule packs, as text. Static storage. @since 0.3 */
WB_API const char *wb_ruleset_schema(void);

/* -------------------------------------------------------------- query */

/** The table's edition ("meihekou-2022"). Borrowed. @since 0.3 */
WB_API const char *wb_ruleset_edition(const wb_ruleset *rules);
/** The name of the pack applied last, or NULL for none. Borrowed. @since 0.3 */
WB_API const char *wb_ruleset_pack(const wb_ruleset *rules);
/** @since 0.3 */
WB_API size_t wb_ruleset_rule_count(const wb_ruleset *rules);
/** The i-th rule in table order; NULL when out of range. Borrowed. @since 0.3 */
WB_API const wb_rule *wb_ruleset_rule_at(const wb_ruleset *rules, size_t i);
/** The rule of that id, or NULL. Borrowed. @since 0.3 */
WB_API const wb_rule *wb_ruleset_rule(const wb_ruleset *rules, const char *id);

/** @since 0.3 */
WB_API const char *wb_rule_id(const wb_rule *rule);
/** @since 0.3 */
WB_API const char *wb_rule_title(const wb_rule *rule, wb_lang lang);
/** The ledger kind it checks ("background-checks"). @since 0.3 */
WB_API const char *wb_rule_ledger(const wb_rule *rule);
/** @since 0.3 */
WB_API wb_severity wb_rule_severity(const wb_rule *rule);
/** The rubric standards it serves, in table order ("2.3"). @since 0.3 */
WB_API size_t wb_rule_standard_count(const wb_rule *rule);
/** @since 0.3 */
WB_API const char *wb_rule_standard_at(const wb_rule *rule, size_t i);
/** The rubric's words the rule rests on, as printed. @since 0.3 */
WB_API const char *wb_rule_basis(const wb_rule *rule);
/** How the library reads them. @since 0.3 */
WB_API const char *wb_rule_reading(const wb_rule *rule, wb_lang lang);
/** @since 0.3 */
WB_API size_t wb_rule_param_count(const wb_rule *rule);
/** @since 0.3 */
WB_API const wb_param *wb_rule_param_at(const wb_rule *rule, size_t i);
/** The parameter of that name, or NULL. @since 0.3 */
WB_API const wb_param *wb_rule_param(const wb_rule *rule, const char *name);

/** @since 0.3 */
WB_API const char *wb_param_name(const wb_param *param);
/** @since 0.3 */
WB_API wb_param_unit wb_param_unit_of(const wb_param *param);
/** The value in force: the pack's, else the default. @since 0.3 */
WB_API int32_t wb_param_value(const wb_param *param);
/** @since 0.3 */
WB_API int32_t wb_param_default(const wb_param *param);
/** The bounds a pack may set it within, both included. @since 0.3 */
WB_API int32_t wb_param_min(const wb_param *param);
/** @since 0.3 */
WB_API int32_t wb_param_max(const wb_param *param);
/** @since 0.3 */
WB_API wb_param_source wb_param_source_of(const wb_param *param);
/** The pack that set the value in force, or NULL when it is the default. @since 0.3 */
WB_API const char *wb_param_set_by(const wb_param *param);
/** @since 0.3 */
WB_API const char *wb_param_summary(const wb_param *param, wb_lang lang);
/** "workdays", "days", "months", "years", "count", "percent", "flag". Static. @since 0.3 */
WB_API const char *wb_param_unit_name(wb_param_unit unit);
/** "rubric", "law", "county". Static. @since 0.3 */
WB_API const char *wb_param_source_name(wb_param_source source);

/* ------------------------------------------------------ privacy scan */

/** The privacy patterns packs have added, in the order added. @since 0.3 */
WB_API size_t wb_ruleset_privacy_pattern_count(const wb_ruleset *rules);
/** The i-th privacy pattern; NULL when out of range. Borrowed. @since 0.3 */
WB_API const wb_privacy_pattern *wb_ruleset_privacy_pattern_at(const wb_ruleset *rules,
                                                               size_t i);
/** Its id ("school-no"), unique in the set. @since 0.3 */
WB_API const char *wb_privacy_pattern_id(const wb_privacy_pattern *pattern);
/** Its short title ("学籍号"), which findings show with the id. @since 0.3 */
WB_API const char *wb_privacy_pattern_title(const wb_privacy_pattern *pattern);
/** The PCRE2 pattern, as the pack gives it. @since 0.3 */
WB_API const char *wb_privacy_pattern_text(const wb_privacy_pattern *pattern);
/** The name of the pack that added it. @since 0.3 */
WB_API const char *wb_privacy_pattern_set_by(const wb_privacy_pattern *pattern);

/**
 * The case words in force: the built-in list
 * (wb_privacy_default_case_words()) with the words packs added, or the
 * list a pack put in its place; each word once.
 * @since 0.3
 */
WB_API size_t wb_ruleset_case_word_count(const wb_ruleset *rules);
/** The i-th case word; NULL when out of range. Borrowed. @since 0.3 */
WB_API const char *wb_ruleset_case_word_at(const wb_ruleset *rules, size_t i);
/** The pack that changed the case words last, or NULL when they are the built-in list. @since 0.3 */
WB_API const char *wb_ruleset_case_words_set_by(const wb_ruleset *rules);

/**
 * A privacy scanner for this rule set: base's as_of, has_as_of and
 * limits (base NULL: the defaults), the set's case words and, as extra
 * patterns, its privacy patterns, whose findings are named "title (id)"
 * (学籍号 (school-no) ********). base's case_words, extra_patterns and
 * extra_pattern_names are not used. *out is the caller's
 * (wb_privacy_scanner_free).
 * @return WB_OK; WB_EINVAL (a bad options version or date); WB_ENOMEM
 * @since 0.3
 */
WB_API int wb_ruleset_privacy_scanner(wb_privacy_scanner **out, const wb_ruleset *rules,
                                      const wb_privacy_options *base, wb_error *err);

WB_END_DECLS

#endif /* WEIBAO_RULES_H */
