/*
 * weibao/assessment.h - scoring a dossier against the rubric (本级自评).
 *
 * An assessment reads a dossier's scores and veto declarations against a
 * rubric edition, checks its ledgers against the rules as of the
 * dossier's date, and ties the two together:
 *
 *  - totals: overall, per category, per unit (a standard several units
 *    answer for shows under each, and counts once in the total), with the
 *    ledgers' findings per township;
 *  - the score sheet's problems (dossier-* in docs/checks.md): a standard
 *    missing, scored twice, above its points or below 0, without
 *    evidence, unknown to the edition; a veto item not declared;
 *  - vetoes: any item that occurred makes the result vetoed (一票否决),
 *    whatever the total, naming the units that answer for it;
 *  - contradictions: a standard that claims its full points while its
 *    rules found violations is flagged, with the count and the worst case.
 *    No rule of the built-in table defines a score of its own, so the
 *    score the evidence supports is not computed (wb_assessment_standard
 *    _supported says so).
 *
 * Points are in halves (int): 1.5 points is 3, and sums are exact.
 *
 * Ownership: an assessment belongs to its caller (wb_assessment_free). It
 * borrows the dossier, rubric, rule set and calendar it was run with, which
 * must outlive it. Threading: immutable once run; readable from several
 * threads.
 */
#ifndef WEIBAO_ASSESSMENT_H
#define WEIBAO_ASSESSMENT_H

#include <stddef.h>
#include <weibao/calendar.h>
#include <weibao/common.h>
#include <weibao/compliance.h>
#include <weibao/diagnostic.h>
#include <weibao/dossier.h>
#include <weibao/errors.h>
#include <weibao/rubric.h>
#include <weibao/rules.h>

WB_BEGIN_DECLS

typedef struct wb_assessment wb_assessment;

/**
 * Assess a dossier. rules is the base rule set; the dossier's rule pack,
 * if it names one, is applied on top. Ledgers that cannot be read are
 * findings, not failures.
 * @return WB_OK; WB_EIO, WB_EPARSE, WB_ESCHEMA when the dossier's rule
 *         pack cannot be applied (err says why); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_assessment_run(wb_assessment **out, const wb_dossier *dossier,
                             const wb_rubric *rubric, const wb_ruleset *rules,
                             const wb_calendar *calendar, wb_error *err);

/** Free an assessment. Accepts NULL. @since 0.3 */
WB_API void wb_assessment_free(wb_assessment *a);

/** @since 0.3 */
WB_API const wb_dossier *wb_assessment_dossier(const wb_assessment *a);
/** @since 0.3 */
WB_API const wb_rubric *wb_assessment_rubric(const wb_assessment *a);
/** @since 0.3 */
WB_API const wb_calendar *wb_assessment_calendar(const wb_assessment *a);
/** The rule set used: the base with the dossier's pack. Borrowed. @since 0.3 */
WB_API const wb_ruleset *wb_assessment_rules(const wb_assessment *a);
/** The ledgers' evaluation: results, problems, counts. Borrowed. @since 0.3 */
WB_API const wb_evaluation *wb_assessment_evaluation(const wb_assessment *a);
/** The score sheet's and the dossier's problems (dossier-*), in order. Borrowed. @since 0.3 */
WB_API const wb_diagnostics *wb_assessment_findings(const wb_assessment *a);

/** The total claimed, in halves; standards over their points count at their points. @since 0.3 */
WB_API int wb_assessment_total_half_points(const wb_assessment *a);
/** The rubric's full score, in halves. @since 0.3 */
WB_API int wb_assessment_max_half_points(const wb_assessment *a);
/** 1 when a veto item occurred (一票否决). @since 0.3 */
WB_API int wb_assessment_vetoed(const wb_assessment *a);

/** Per category, in rubric order: the points claimed, in halves. @since 0.3 */
WB_API int wb_assessment_category_half_points(const wb_assessment *a, size_t category);

/* Per standard, in rubric order (i < wb_rubric_standard_count). */

/** The points claimed in halves, as written, or -1 when the sheet does not
    score it. A claim below 0 is returned as written too (-0.5 is -1): tell
    the two apart with wb_assessment_standard_scored. @since 0.3 */
WB_API int wb_assessment_standard_claimed(const wb_assessment *a, size_t i);
/** 1 when the sheet scores the standard (even out of range), else 0. @since 0.3 */
WB_API int wb_assessment_standard_scored(const wb_assessment *a, size_t i);
/** The claiming unit as written, or NULL. @since 0.3 */
WB_API const char *wb_assessment_standard_unit(const wb_assessment *a, size_t i);
/** The number of evidence references. @since 0.3 */
WB_API size_t wb_assessment_standard_evidence(const wb_assessment *a, size_t i);
/** The ledger results of its rules with that outcome. @since 0.3 */
WB_API size_t wb_assessment_standard_outcomes(const wb_assessment *a, size_t i, wb_outcome outcome);
/** The worst violation of its rules (the most days late), or NULL. Borrowed from the evaluation. @since 0.3 */
WB_API const wb_result *wb_assessment_standard_worst(const wb_assessment *a, size_t i);
/** 1 when it claims full points while its rules found violations. @since 0.3 */
WB_API int wb_assessment_standard_flagged(const wb_assessment *a, size_t i);
/** The score the evidence supports, in halves, or -1 when no rule defines one. @since 0.3 */
WB_API int wb_assessment_standard_supported(const wb_assessment *a, size_t i);

/* Per unit of the rubric's directory (i < wb_rubric_unit_count): the
   standards it answers for, shared ones included. */

/** @since 0.3 */
WB_API int wb_assessment_unit_half_points(const wb_assessment *a, size_t unit);
/** @since 0.3 */
WB_API int wb_assessment_unit_max_half_points(const wb_assessment *a, size_t unit);
/** Violations found by the rules of its standards. @since 0.3 */
WB_API size_t wb_assessment_unit_violations(const wb_assessment *a, size_t unit);

/* Per veto item, in rubric order (i < wb_rubric_veto_count). */

/** 1 when the dossier declares it occurred. @since 0.3 */
WB_API int wb_assessment_veto_occurred(const wb_assessment *a, size_t i);
/** 1 when the dossier declares it at all. @since 0.3 */
WB_API int wb_assessment_veto_declared(const wb_assessment *a, size_t i);
/** The index of its declaration in the dossier, or (size_t)-1. @since 0.3 */
WB_API size_t wb_assessment_veto_declaration(const wb_assessment *a, size_t i);

/**
 * The inputs the result rests on: the dossier, its score sheet and rule
 * pack, then each ledger in the order read (the townships and units
 * ledgers first). A ledger that cannot be read is listed, with an empty
 * hash, and is a dossier-file finding.
 * @since 0.3
 */
WB_API size_t wb_assessment_input_count(const wb_assessment *a);
/** @since 0.3 */
WB_API const char *wb_assessment_input_path(const wb_assessment *a, size_t i);
/** The SHA-256 of the file, in lowercase hex, or "" when it could not be read. @since 0.3 */
WB_API const char *wb_assessment_input_sha256(const wb_assessment *a, size_t i);

WB_END_DECLS

#endif /* WEIBAO_ASSESSMENT_H */
