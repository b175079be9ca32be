/*
 * assessment.c - a dossier scored against the rubric, its ledgers checked
 * against the rules, and the two compared.
 *
 * The score sheet is read against the rubric edition first (each
 * standard once, within its points, with evidence; each veto item
 * declared), then the ledgers are evaluated as of the dossier's date, and
 * each ledger result is counted under the rubric standard its rule
 * serves. Everything is in halves of a point, so totals are exact.
 */
#include "weibao/assessment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnostic_internal.h"
#include "errors_internal.h"
#include "sha256.h"

typedef struct standard_state {
    int claimed;                        /* halves, -1 when not scored */
    size_t score;                       /* the dossier score it came from */
    size_t outcomes[WB_OUTCOME_COUNT];
    const wb_result *worst;
} standard_state;

typedef struct input {
    char *path;
    char sha256[WB__SHA256_HEXLEN];
} input;

struct wb_assessment {
    const wb_dossier *dossier;
    const wb_rubric *rubric;
    const wb_calendar *calendar;
    wb_ruleset *packed;                 /* the base with the dossier's pack, or NULL */
    const wb_ruleset *rules;
    wb_evaluation *ev;
    wb_diagnostics *findings;
    standard_state *standards;
    int *category_points, *unit_points, *unit_max;
    size_t *unit_violations;
    size_t *veto_declaration;
    int total, vetoed;
    input *inputs;
    size_t input_count;
};

/* A finding about the dossier, at a place in it. */
#define FIND_AT(a, rule, file, line, column, en, zh, ...)                          \
    do {                                                                          \
        if (wb__diagnostics_add((a)->findings, (rule), (file), (line), (column),  \
                                (en), (zh), __VA_ARGS__) != WB_OK)                \
            return WB_ENOMEM;                                                     \
    } while (0)
#define FIND(a, rule, file, line, en, zh, ...) \
    FIND_AT(a, rule, file, line, (line) > 0, en, zh, __VA_ARGS__)

static int add_input(wb_assessment *a, const char *path)
{
    input *grown = realloc(a->inputs, (a->input_count + 1) * sizeof(*grown));
    if (grown == NULL)
        return WB_ENOMEM;
    a->inputs = grown;
    input *in = &a->inputs[a->input_count];
    size_t n = strlen(path) + 1;
    if ((in->path = malloc(n)) == NULL)
        return WB_ENOMEM;
    memcpy(in->path, path, n);
    if (wb__sha256_file(in->sha256, path, NULL) != WB_OK)
        in->sha256[0] = '\0';
    a->input_count++;
    return WB_OK;
}

static size_t standard_index(const wb_rubric *r, const char *id)
{
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        if (strcmp(wb_item_id(wb_rubric_standard_at(r, i)), id) == 0)
            return i;
    return (size_t)-1;
}

static int unit_answers_for(const wb_unit *u, const wb_item *item)
{
    for (size_t k = 0; k < wb_unit_item_count(u); k++)
        if (wb_unit_item_at(u, k) == item)
            return 1;
    return 0;
}

/* The score sheet against the rubric: each standard once, in range, with evidence. */
static int read_scores(wb_assessment *a)
{
    const wb_dossier *d = a->dossier;
    const wb_rubric *r = a->rubric;
    char pts[WB_POINTS_STRLEN], max[WB_POINTS_STRLEN];
    for (size_t s = 0; s < wb_dossier_score_count(d); s++) {
        const char *id = wb_dossier_score_standard(d, s);
        const char *file = wb_dossier_score_source(d, s);
        int line = wb_dossier_score_line(d, s), column = wb_dossier_score_column(d, s);
        int claimed = wb_dossier_score_half_points(d, s);
        size_t i = standard_index(r, id);
        if (i == (size_t)-1) {
            FIND_AT(a, "dossier-unknown-standard", file, line, column,
                 "'%s' is not a standard of the rubric edition %s",
                 "“%s”不是考核细则(%s)中的工作标准", id, wb_rubric_edition(r));
            continue;
        }
        standard_state *st = &a->standards[i];
        if (st->claimed >= 0) {
            FIND_AT(a, "dossier-duplicate-standard", file, line, column,
                 "standard %s is scored again (first on line %d)",
                 "工作标准 %s 重复评分(首次在第 %d 行)", id,
                 wb_dossier_score_line(d, st->score));
            continue;
        }
        const wb_item *item = wb_rubric_standard_at(r, i);
        int full = wb_item_half_points(item);
        wb_points_format(pts, claimed);
        wb_points_format(max, full);
        st->score = s;
        st->claimed = claimed;
        if (claimed < 0 || claimed > full) {
            FIND_AT(a, "dossier-score-range", file, line, column,
                 "standard %s is scored %s, outside 0 to its %s points",
                 "工作标准 %s 评 %s 分,超出 0 至 %s 分", id, pts, max);
            st->claimed = claimed < 0 ? 0 : full;   /* counted within range */
        }
        if (claimed > 0 && wb_dossier_score_evidence_count(d, s) == 0)
            FIND_AT(a, "dossier-no-evidence", file, line, column,
                 "standard %s claims %s point%s without evidence",
                 "工作标准 %s 申报 %s 分但未列佐证材料%.0s", id, pts,
                 claimed == 2 ? "" : "s");
        const char *unit_name = wb_dossier_score_unit(d, s);
        const wb_unit *unit = NULL;
        if (unit_name != NULL && wb_rubric_find_unit(&unit, r, unit_name, NULL) != WB_OK)
            FIND_AT(a, "dossier-unit", file, line, column,
                 "'%s', claiming standard %s, is not in the rubric's directory of units",
                 "“%s”不在考核细则的单位目录中(申报工作标准 %s)", unit_name, id);
        else if (unit != NULL && !unit_answers_for(unit, item))
            FIND_AT(a, "dossier-unit", file, line, column,
                 "'%s' claims standard %s, which it does not answer for",
                 "“%s”申报的工作标准 %s 不在其责任范围内", unit_name, id);
    }
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        if (a->standards[i].claimed < 0)
            FIND(a, "dossier-missing-standard", wb_dossier_path(d), 0,
                 "standard %s is not scored", "工作标准 %s 未评分",
                 wb_item_id(wb_rubric_standard_at(r, i)));
    return WB_OK;
}

/* Each veto item declared once; any that occurred vetoes the result. */
static int read_vetoes(wb_assessment *a)
{
    const wb_dossier *d = a->dossier;
    const wb_rubric *r = a->rubric;
    for (size_t v = 0; v < wb_dossier_veto_count(d); v++) {
        const char *id = wb_dossier_veto_item(d, v);
        int line = wb_dossier_veto_line(d, v), column = wb_dossier_veto_column(d, v);
        size_t i = (size_t)-1;
        for (size_t k = 0; k < wb_rubric_veto_count(r); k++)
            if (strcmp(wb_item_id(wb_rubric_veto_at(r, k)), id) == 0)
                i = k;
        if (i == (size_t)-1) {
            FIND_AT(a, "dossier-veto", wb_dossier_path(d), line, column,
                 "'%s' is not a veto item of the rubric edition %s",
                 "“%s”不是考核细则(%s)中的负面工作清单项", id, wb_rubric_edition(r));
            continue;
        }
        if (a->veto_declaration[i] != (size_t)-1) {
            FIND_AT(a, "dossier-veto", wb_dossier_path(d), line, column,
                 "veto item %s is declared again (first on line %d)",
                 "负面工作清单项 %s 重复填报(首次在第 %d 行)", id,
                 wb_dossier_veto_line(d, a->veto_declaration[i]));
            continue;
        }
        a->veto_declaration[i] = v;
        wb_date when;
        int dated = wb_dossier_veto_date(d, v, &when) == WB_OK;
        char on[WB_DATE_STRLEN], as_of[WB_DATE_STRLEN];
        if (dated)
            wb_date_format(on, when);
        wb_date_format(as_of, wb_dossier_as_of(d));
        if (wb_dossier_veto_occurred(d, v)) {
            a->vetoed = 1;
            if (!dated)
                FIND_AT(a, "dossier-veto-date", wb_dossier_path(d), line, column,
                     "veto item %s occurred, but the dossier gives no date",
                     "负面工作清单项 %s 已发生,但未填写日期", id);
            else if (wb_date_is_valid(wb_dossier_as_of(d)) &&
                     wb_date_cmp(when, wb_dossier_as_of(d)) > 0)
                /* Still a veto: the declaration says it occurred. */
                FIND_AT(a, "dossier-veto-date", wb_dossier_path(d), line, column,
                     "veto item %s occurred on %s, after the dossier's as-of date %s",
                     "负面工作清单项 %s 发生日期 %s 晚于自评基准日 %s", id, on, as_of);
        } else if (dated) {
            FIND_AT(a, "dossier-veto-date", wb_dossier_path(d), line, column,
                 "veto item %s did not occur, but the dossier gives it a date (%s)",
                 "负面工作清单项 %s 填报为未发生,却填写了日期(%s)", id, on);
        }
    }
    for (size_t i = 0; i < wb_rubric_veto_count(r); i++)
        if (a->veto_declaration[i] == (size_t)-1)
            FIND(a, "dossier-veto", wb_dossier_path(d), 0,
                 "veto item %s is not declared (occurred or not)",
                 "负面工作清单项 %s 未填报(是否发生)", wb_item_id(wb_rubric_veto_at(r, i)));
    return WB_OK;
}

/* The ledgers, as of the dossier's date; unreadable ones are findings. */
static int check_ledgers(wb_assessment *a, wb_error *err)
{
    const wb_dossier *d = a->dossier;
    int rc = wb_evaluation_new(&a->ev, a->rules, a->calendar, wb_dossier_as_of(d), err);
    wb_date since;
    if (rc == WB_OK && wb_dossier_since(d, &since) == WB_OK)
        rc = wb_evaluation_set_period(a->ev, since, err);
    /* The county's directory (townships, units) first, so that rows naming
       a township or unit it lacks are found in every other ledger. */
    for (size_t n = 0; rc == WB_OK && n < 2 * wb_dossier_ledger_count(d); n++) {
        size_t i = n % wb_dossier_ledger_count(d);
        const char *path = wb_dossier_ledger_path(d, i);
        const wb_ledger_kind *kind = NULL;
        if (wb_dossier_ledger_kind(d, i) != NULL)
            kind = wb_ledger_kind_find(wb_dossier_ledger_kind(d, i));
        else
            wb_ledger_detect_file(&kind, path, NULL);
        const char *name = kind != NULL ? wb_ledger_kind_name(kind) : "";
        int directory = strcmp(name, "townships") == 0 || strcmp(name, "units") == 0;
        if (directory != (n < wb_dossier_ledger_count(d)))
            continue;
        wb_error e;
        rc = add_input(a, path);
        if (rc != WB_OK)
            break;
        int r = wb_evaluation_add_file(a->ev, path, wb_dossier_ledger_kind(d, i), &e);
        if (r == WB_EIO)
            FIND_AT(a, "dossier-file", wb_dossier_path(d), wb_dossier_ledger_line(d, i),
                    wb_dossier_ledger_column(d, i), "cannot read the ledger: %s",
                    "无法读取台账:%s", e.message);
        else if (r == WB_ENOMEM)
            return wb__error_set(err, r, path, 0, 0, NULL, "out of memory");
        /* A file that is not a ledger is among the evaluation's problems. */
    }
    if (rc == WB_OK) {
        rc = wb_evaluation_finish(a->ev, err);
        if (rc == WB_ECOVERAGE)
            rc = WB_OK;     /* a problem of the evaluation says which */
    }
    return rc;
}

/* Each ledger result counted under its standard; the worst violation kept. */
static void tie_results(wb_assessment *a)
{
    const wb_evaluation *ev = a->ev;
    for (size_t k = 0; k < wb_evaluation_result_count(ev); k++) {
        const wb_result *res = wb_evaluation_result_at(ev, k);
        size_t i = standard_index(a->rubric, wb_result_standard(res));
        if (i == (size_t)-1)
            continue;
        standard_state *st = &a->standards[i];
        st->outcomes[wb_result_outcome(res)]++;
        if (wb_result_outcome(res) == WB_OUTCOME_VIOLATION &&
            (st->worst == NULL || wb_result_days_late(res) > wb_result_days_late(st->worst)))
            st->worst = res;
    }
}

static int totals(wb_assessment *a)
{
    const wb_rubric *r = a->rubric;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        const wb_item *item = wb_rubric_standard_at(r, i);
        int claimed = a->standards[i].claimed > 0 ? a->standards[i].claimed : 0;
        a->total += claimed;
        for (size_t c = 0; c < wb_rubric_category_count(r); c++)
            if (wb_rubric_category_at(r, c) == wb_item_category(item))
                a->category_points[c] += claimed;
    }
    for (size_t u = 0; u < wb_rubric_unit_count(r); u++) {
        const wb_unit *unit = wb_rubric_unit_at(r, u);
        for (size_t k = 0; k < wb_unit_item_count(unit); k++) {
            const wb_item *item = wb_unit_item_at(unit, k);
            if (wb_item_kind_of(item) != WB_ITEM_STANDARD)
                continue;
            size_t i = standard_index(r, wb_item_id(item));
            a->unit_max[u] += wb_item_half_points(item);
            a->unit_points[u] += a->standards[i].claimed > 0 ? a->standards[i].claimed : 0;
            a->unit_violations[u] += a->standards[i].outcomes[WB_OUTCOME_VIOLATION];
        }
    }
    return WB_OK;
}

int wb_assessment_run(wb_assessment **out, const wb_dossier *dossier, const wb_rubric *rubric,
                      const wb_ruleset *rules, const wb_calendar *calendar, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_assessment_run", "out");
    *out = NULL;
    if (dossier == NULL || rubric == NULL || rules == NULL || calendar == NULL)
        return wb__error_arg(err, "wb_assessment_run",
                             dossier == NULL ? "dossier" : rubric == NULL ? "rubric"
                             : rules == NULL ? "rules" : "calendar");
    wb_assessment *a = calloc(1, sizeof(*a));
    if (a == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    a->dossier = dossier;
    a->rubric = rubric;
    a->calendar = calendar;
    a->rules = rules;
    size_t ns = wb_rubric_standard_count(rubric), nc = wb_rubric_category_count(rubric);
    size_t nu = wb_rubric_unit_count(rubric), nv = wb_rubric_veto_count(rubric);
    a->findings = wb__diagnostics_new();
    a->standards = calloc(ns + 1, sizeof(*a->standards));
    a->category_points = calloc(nc + 1, sizeof(int));
    a->unit_points = calloc(nu + 1, sizeof(int));
    a->unit_max = calloc(nu + 1, sizeof(int));
    a->unit_violations = calloc(nu + 1, sizeof(size_t));
    a->veto_declaration = malloc((nv + 1) * sizeof(size_t));
    int rc = a->findings && a->standards && a->category_points && a->unit_points && a->unit_max &&
             a->unit_violations && a->veto_declaration ? WB_OK : WB_ENOMEM;
    for (size_t i = 0; rc == WB_OK && i < ns; i++)
        a->standards[i].claimed = -1;
    for (size_t i = 0; rc == WB_OK && i < nv; i++)
        a->veto_declaration[i] = (size_t)-1;
    if (rc == WB_OK)
        rc = add_input(a, wb_dossier_path(dossier));
    if (rc == WB_OK && wb_dossier_score_sheet(dossier) != NULL)
        rc = add_input(a, wb_dossier_score_sheet(dossier));
    if (rc == WB_OK && wb_dossier_rule_pack(dossier) != NULL) {
        rc = add_input(a, wb_dossier_rule_pack(dossier));
        if (rc == WB_OK)
            rc = wb_ruleset_apply_pack_file(&a->packed, rules, wb_dossier_rule_pack(dossier), err);
        if (rc == WB_OK)
            a->rules = a->packed;
    }
    if (rc == WB_OK && strcmp(wb_dossier_rubric_edition(dossier), wb_rubric_edition(rubric)) != 0 &&
        wb__diagnostics_add(a->findings, "dossier-edition", wb_dossier_path(dossier), 0, 0,
                            "the dossier answers the rubric edition %s, not %s",
                            "自评材料对应的考核细则版本为 %s,而非 %s",
                            wb_dossier_rubric_edition(dossier), wb_rubric_edition(rubric)) != WB_OK)
        rc = WB_ENOMEM;
    /* The sheet's skipped rows first: they are the sheet's problems too. */
    const wb_diagnostics *skipped = wb_dossier_problems(dossier);
    for (size_t i = 0; rc == WB_OK && i < wb_diagnostics_count(skipped); i++) {
        const wb_diagnostic *p = wb_diagnostics_at(skipped, i);
        rc = wb__diagnostics_add_text(a->findings, wb_diagnostic_severity(p), wb_diagnostic_rule(p),
                                      wb_diagnostic_file(p), wb_diagnostic_line(p),
                                      wb_diagnostic_column(p), wb_diagnostic_message(p, WB_LANG_EN),
                                      wb_diagnostic_message(p, WB_LANG_ZH));
    }
    if (rc == WB_OK)
        rc = read_scores(a);
    if (rc == WB_OK)
        rc = read_vetoes(a);
    if (rc == WB_OK)
        rc = check_ledgers(a, err);
    if (rc == WB_OK) {
        tie_results(a);
        rc = totals(a);
    }
    if (rc != WB_OK) {
        wb_assessment_free(a);
        return rc == WB_ENOMEM ? wb__error_set(err, rc, NULL, 0, 0, NULL, "out of memory") : rc;
    }
    *out = a;
    return WB_OK;
}

void wb_assessment_free(wb_assessment *a)
{
    if (a == NULL)
        return;
    wb_evaluation_free(a->ev);
    wb_ruleset_free(a->packed);
    wb_diagnostics_free(a->findings);
    free(a->standards);
    free(a->category_points);
    free(a->unit_points);
    free(a->unit_max);
    free(a->unit_violations);
    free(a->veto_declaration);
    for (size_t i = 0; i < a->input_count; i++)
        free(a->inputs[i].path);
    free(a->inputs);
    free(a);
}

const wb_dossier *wb_assessment_dossier(const wb_assessment *a) { return a ? a->dossier : NULL; }
const wb_rubric *wb_assessment_rubric(const wb_assessment *a) { return a ? a->rubric : NULL; }
const wb_ruleset *wb_assessment_rules(const wb_assessment *a) { return a ? a->rules : NULL; }
const wb_calendar *wb_assessment_calendar(const wb_assessment *a) { return a ? a->calendar : NULL; }
const wb_evaluation *wb_assessment_evaluation(const wb_assessment *a) { return a ? a->ev : NULL; }
const wb_diagnostics *wb_assessment_findings(const wb_assessment *a) { return a ? a->findings : NULL; }
int wb_assessment_total_half_points(const wb_assessment *a) { return a ? a->total : 0; }
int wb_assessment_vetoed(const wb_assessment *a) { return a ? a->vetoed : 0; }

int wb_assessment_max_half_points(const wb_assessment *a)
{
    return a ? wb_rubric_total_half_points(a->rubric) : 0;
}

int wb_assessment_category_half_points(const wb_assessment *a, size_t c)
{
    return a != NULL && c < wb_rubric_category_count(a->rubric) ? a->category_points[c] : 0;
}

static const standard_state *standard_at(const wb_assessment *a, size_t i)
{
    return a != NULL && i < wb_rubric_standard_count(a->rubric) ? &a->standards[i] : NULL;
}

int wb_assessment_standard_claimed(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && st->claimed >= 0
               ? wb_dossier_score_half_points(a->dossier, st->score) : -1;
}

/* st->claimed is the claim as counted (clamped into range): never -1 once scored. */
int wb_assessment_standard_scored(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && st->claimed >= 0;
}

const char *wb_assessment_standard_unit(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && st->claimed >= 0 ? wb_dossier_score_unit(a->dossier, st->score) : NULL;
}

size_t wb_assessment_standard_evidence(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && st->claimed >= 0
               ? wb_dossier_score_evidence_count(a->dossier, st->score) : 0;
}

size_t wb_assessment_standard_outcomes(const wb_assessment *a, size_t i, wb_outcome outcome)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && (int)outcome >= 0 && (int)outcome < WB_OUTCOME_COUNT
               ? st->outcomes[outcome] : 0;
}

const wb_result *wb_assessment_standard_worst(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL ? st->worst : NULL;
}

int wb_assessment_standard_flagged(const wb_assessment *a, size_t i)
{
    const standard_state *st = standard_at(a, i);
    return st != NULL && st->claimed >= 0 &&
           st->claimed >= wb_item_half_points(wb_rubric_standard_at(a->rubric, i)) &&
           st->outcomes[WB_OUTCOME_VIOLATION] > 0;
}

int wb_assessment_standard_supported(const wb_assessment *a, size_t i)
{
    (void)a;
    (void)i;
    return -1;      /* no rule of the table defines a score: see the header */
}

int wb_assessment_unit_half_points(const wb_assessment *a, size_t u)
{
    return a != NULL && u < wb_rubric_unit_count(a->rubric) ? a->unit_points[u] : 0;
}

int wb_assessment_unit_max_half_points(const wb_assessment *a, size_t u)
{
    return a != NULL && u < wb_rubric_unit_count(a->rubric) ? a->unit_max[u] : 0;
}

size_t wb_assessment_unit_violations(const wb_assessment *a, size_t u)
{
    return a != NULL && u < wb_rubric_unit_count(a->rubric) ? a->unit_violations[u] : 0;
}

size_t wb_assessment_veto_declaration(const wb_assessment *a, size_t i)
{
    return a != NULL && i < wb_rubric_veto_count(a->rubric) ? a->veto_declaration[i] : (size_t)-1;
}

int wb_assessment_veto_declared(const wb_assessment *a, size_t i)
{
    return wb_assessment_veto_declaration(a, i) != (size_t)-1;
}

int wb_assessment_veto_occurred(const wb_assessment *a, size_t i)
{
    size_t v = wb_assessment_veto_declaration(a, i);
    return v != (size_t)-1 && wb_dossier_veto_occurred(a->dossier, v);
}

size_t wb_assessment_input_count(const wb_assessment *a) { return a ? a->input_count : 0; }

const char *wb_assessment_input_path(const wb_assessment *a, size_t i)
{
    return a != NULL && i < a->input_count ? a->inputs[i].path : NULL;
}

const char *wb_assessment_input_sha256(const wb_assessment *a, size_t i)
{
    return a != NULL && i < a->input_count ? a->inputs[i].sha256 : NULL;
}
