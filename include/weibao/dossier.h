/*
 * weibao/dossier.h - a county's self-assessment dossier (本级自评材料).
 *
 * A dossier (urn:weibao:dossier:1, schema data/dossier.xsd) names the
 * county, the rubric edition it answers and the as-of date; lists the
 * ledgers behind it (paths relative to the dossier); scores each standard
 * (the points claimed, the claiming unit, evidence references, a note),
 * inline or in a CSV score sheet with a Chinese header row (考核标准, 得分,
 * 申报单位, 佐证材料, 备注); and declares each veto item (负面工作清单项):
 * whether it occurred, when, what.
 *
 * Loading checks the document's form (XML, schema, the score sheet's
 * cells); whether the scores fit the rubric is the assessment's to say
 * (weibao/assessment.h).
 *
 * The files a dossier names (ledgers, score sheet, rule pack) must lie in
 * its folder or below, links resolved: an absolute path, a ".." that
 * climbs out or a link that leads out is a dossier-path error at its
 * element and is never opened, unless the caller allows it
 * (wb_dossier_options). Only regular files are read (weibao/fileio.h).
 *
 * Ownership: a wb_dossier from an `out` parameter belongs to the caller
 * (wb_dossier_free); strings are borrowed from it. Threading: immutable
 * once loaded.
 */
#ifndef WEIBAO_DOSSIER_H
#define WEIBAO_DOSSIER_H

#include <stddef.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>
#include <weibao/fileio.h>

WB_BEGIN_DECLS

typedef struct wb_dossier wb_dossier;

/** The version of wb_dossier_options this header describes. @since 0.3 */
#define WB_DOSSIER_OPTIONS_VERSION 1

/** How a dossier is loaded. Initialise with WB_DOSSIER_OPTIONS_INIT. @since 0.3 */
typedef struct wb_dossier_options {
    unsigned int version;       /**< WB_DOSSIER_OPTIONS_VERSION */
    /** wb_path_flags for the files the dossier names: 0 keeps them in the
        dossier's folder; WB_PATH_ALLOW_OUTSIDE reads them wherever they
        are (only for a dossier the caller trusts). */
    unsigned int path_flags;
} wb_dossier_options;

#define WB_DOSSIER_OPTIONS_INIT { WB_DOSSIER_OPTIONS_VERSION, 0 }

/**
 * Load a dossier and its score sheet, if it names one. The ledgers are
 * not read here: the assessment reads them.
 * @return WB_OK; WB_EIO (the dossier cannot be read); WB_EPARSE,
 *         WB_ESCHEMA (err names the first problem, with its file and
 *         line; wb_dossier_check_file lists them all; a score sheet that
 *         cannot be opened is one: dossier-file); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_dossier_load_file(wb_dossier **out, const char *path, wb_error *err);

/**
 * As wb_dossier_load_file(), with options (NULL: the defaults).
 * @return as wb_dossier_load_file(); WB_EINVAL for an options version
 *         this library does not know
 * @since 0.3
 */
WB_API int wb_dossier_load_file_ext(wb_dossier **out, const char *path,
                                    const wb_dossier_options *opts, wb_error *err);

/** Every problem of a dossier's form, as findings. @since 0.3 */
WB_API int wb_dossier_check_file(wb_diagnostics **out, const char *path, wb_error *err);

/** As wb_dossier_check_file(), with options (NULL: the defaults). @since 0.3 */
WB_API int wb_dossier_check_file_ext(wb_diagnostics **out, const char *path,
                                     const wb_dossier_options *opts, wb_error *err);

/**
 * Check a score sheet on its own (a CSV whose first row names the columns
 * 考核标准 and 得分): its form and every row that would be skipped. What
 * the scores mean against the rubric is the assessment's to say.
 * @return WB_OK (findings in *out, the caller's); WB_ENOTFOUND when the
 *         file is not a score sheet; WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_dossier_check_sheet_file(wb_diagnostics **out, const char *path, wb_error *err);

/**
 * As wb_dossier_load_file(), from len bytes of memory (need not be
 * NUL-terminated; not kept). name stands for the dossier's path: its
 * folder resolves the relative paths the dossier gives, exactly as for a
 * file at that path, and the score sheet it names is read from the file
 * system as for a file (NULL: "<buffer>", in the current folder).
 * @return as wb_dossier_load_file() (a score sheet that cannot be opened
 *         is a dossier-file finding, as there)
 * @since 0.3
 */
WB_API int wb_dossier_load_buffer(wb_dossier **out, const char *data, size_t len,
                                  const char *name, wb_error *err);

/** As wb_dossier_check_file(), from memory; name as for wb_dossier_load_buffer(). @since 0.3 */
WB_API int wb_dossier_check_buffer(wb_diagnostics **out, const char *data, size_t len,
                                   const char *name, wb_error *err);

/** As wb_dossier_check_sheet_file(), for a score sheet of len bytes in
 *  memory that findings call name (NULL: "<buffer>"). @since 0.3 */
WB_API int wb_dossier_check_sheet_buffer(wb_diagnostics **out, const char *data, size_t len,
                                         const char *name, wb_error *err);

/** Free a dossier. Accepts NULL. @since 0.3 */
WB_API void wb_dossier_free(wb_dossier *dossier);

/**
 * The score sheet's rows that were skipped, and why (a row without its
 * standard, points not in steps of 0.5). They do not stop a load; the
 * assessment reports them among its findings. Borrowed.
 * @since 0.3
 */
WB_API const wb_diagnostics *wb_dossier_problems(const wb_dossier *dossier);

/** The XSD of dossiers, as text. Static storage. @since 0.3 */
WB_API const char *wb_dossier_schema(void);

/** The file it was loaded from. @since 0.3 */
WB_API const char *wb_dossier_path(const wb_dossier *dossier);
/** @since 0.3 */
WB_API const char *wb_dossier_county(const wb_dossier *dossier);
/** @since 0.3 */
WB_API const char *wb_dossier_title(const wb_dossier *dossier);
/** The rubric edition the scores answer. @since 0.3 */
WB_API const char *wb_dossier_rubric_edition(const wb_dossier *dossier);
/** @since 0.3 */
WB_API wb_date wb_dossier_as_of(const wb_dossier *dossier);
/** The assessment period's first day: WB_OK, or WB_ENOTFOUND when the dossier leaves it to the default. @since 0.3 */
WB_API int wb_dossier_since(const wb_dossier *dossier, wb_date *out);
/** The rule pack's path, resolved against the dossier's folder, or NULL. @since 0.3 */
WB_API const char *wb_dossier_rule_pack(const wb_dossier *dossier);
/** The score sheet's path, resolved, or NULL when the scores are inline. @since 0.3 */
WB_API const char *wb_dossier_score_sheet(const wb_dossier *dossier);

/** The ledgers, their paths resolved against the dossier's folder. @since 0.3 */
WB_API size_t wb_dossier_ledger_count(const wb_dossier *dossier);
/** @since 0.3 */
WB_API const char *wb_dossier_ledger_path(const wb_dossier *dossier, size_t i);
/** The kind the dossier gives, or NULL to recognise it. @since 0.3 */
WB_API const char *wb_dossier_ledger_kind(const wb_dossier *dossier, size_t i);
/** The line of its <ledger> element in the dossier, or 0. @since 0.3 */
WB_API int wb_dossier_ledger_line(const wb_dossier *dossier, size_t i);
/** The column its element starts at (code points, from 1), or 0. @since 0.3 */
WB_API int wb_dossier_ledger_column(const wb_dossier *dossier, size_t i);

/** The scores, in the order written. @since 0.3 */
WB_API size_t wb_dossier_score_count(const wb_dossier *dossier);
/** The standard scored ("2.3"), as written. @since 0.3 */
WB_API const char *wb_dossier_score_standard(const wb_dossier *dossier, size_t i);
/** The points claimed, in halves (3 for 1.5 points). @since 0.3 */
WB_API int wb_dossier_score_half_points(const wb_dossier *dossier, size_t i);
/** The claiming unit, or NULL. @since 0.3 */
WB_API const char *wb_dossier_score_unit(const wb_dossier *dossier, size_t i);
/** @since 0.3 */
WB_API size_t wb_dossier_score_evidence_count(const wb_dossier *dossier, size_t i);
/** @since 0.3 */
WB_API const char *wb_dossier_score_evidence_at(const wb_dossier *dossier, size_t i, size_t k);
/** The note, or NULL. @since 0.3 */
WB_API const char *wb_dossier_score_note(const wb_dossier *dossier, size_t i);
/** Where the score is written: the dossier or the score sheet, and the line. @since 0.3 */
WB_API const char *wb_dossier_score_source(const wb_dossier *dossier, size_t i);
/** @since 0.3 */
WB_API int wb_dossier_score_line(const wb_dossier *dossier, size_t i);
/** The column its element or row starts at (code points, from 1). @since 0.3 */
WB_API int wb_dossier_score_column(const wb_dossier *dossier, size_t i);

/** The veto declarations, in the order written. @since 0.3 */
WB_API size_t wb_dossier_veto_count(const wb_dossier *dossier);
/** The veto item ("V3"). @since 0.3 */
WB_API const char *wb_dossier_veto_item(const wb_dossier *dossier, size_t i);
/** @since 0.3 */
WB_API int wb_dossier_veto_occurred(const wb_dossier *dossier, size_t i);
/** The date it occurred: WB_OK, or WB_ENOTFOUND. @since 0.3 */
WB_API int wb_dossier_veto_date(const wb_dossier *dossier, size_t i, wb_date *out);
/** The description, or NULL. @since 0.3 */
WB_API const char *wb_dossier_veto_description(const wb_dossier *dossier, size_t i);
/** @since 0.3 */
WB_API int wb_dossier_veto_line(const wb_dossier *dossier, size_t i);
/** The column its element starts at (code points, from 1). @since 0.3 */
WB_API int wb_dossier_veto_column(const wb_dossier *dossier, size_t i);

WB_END_DECLS

#endif /* WEIBAO_DOSSIER_H */
