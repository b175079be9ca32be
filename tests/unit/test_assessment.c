/*
 * test_assessment.c - dossiers scored against the built-in rubric, and
 * the reports written from them.
 *
 * Each case writes a small dossier into a temporary folder: a score sheet
 * built from the rubric's own standards (full points unless the case
 * says otherwise) and the veto declarations, with the ledgers of
 * tests/data/ledgers where the case needs them. Totals are worked out by
 * hand in the comments.
 */
#define _POSIX_C_SOURCE 200809L   /* mkdtemp */
#include "runner.h"

#include <stdlib.h>
#include <unistd.h>
#include <weibao/weibao.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

typedef struct fixture {
    char dir[256];
    wb_rubric *rubric;
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_dossier *dossier;
    wb_assessment *a;
} fixture;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A score sheet: every standard at full points with evidence, except
   the overrides ("3.2=1.5" sets a score, "5.1=-" leaves it out,
   "5.1:noev" drops its evidence). */
static void write_sheet(fixture *f, const char *const *overrides, const char *extra_rows)
{
    char path[512], line[256];
    snprintf(path, sizeof(path), "%s/scores.csv", f->dir);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs("考核标准,得分,申报单位,佐证材料,备注\n", out);
    for (size_t i = 0; i < wb_rubric_standard_count(f->rubric); i++) {
        const wb_item *item = wb_rubric_standard_at(f->rubric, i);
        const char *id = wb_item_id(item);
        char pts[WB_POINTS_STRLEN], ev[64];
        wb_points_format(pts, wb_item_half_points(item));
        snprintf(ev, sizeof(ev), "材料/%s.pdf", id);
        int skip = 0;
        for (const char *const *o = overrides; o != NULL && *o != NULL; o++) {
            size_t n = strlen(id);
            if (strncmp(*o, id, n) != 0)
                continue;
            if ((*o)[n] == '=' && strcmp(*o + n + 1, "-") == 0)
                skip = 1;
            else if ((*o)[n] == '=')
                snprintf(pts, sizeof(pts), "%s", *o + n + 1);
            else if (strcmp(*o + n, ":noev") == 0)
                ev[0] = '\0';
        }
        if (skip)
            continue;
        snprintf(line, sizeof(line), "%s,%s,%s,%s,\n", id, pts,
                 wb_unit_name(wb_item_unit_at(item, 0)), ev);
        fputs(line, out);
    }
    if (extra_rows != NULL)
        fputs(extra_rows, out);
    fclose(out);
}

/* The dossier itself: vetoes is "V3" for V3 occurred, NULL for none;
   skip_veto leaves one item undeclared. */
static void write_dossier(fixture *f, const char *ledgers, const char *vetoes, const char *skip_veto,
                          const char *edition)
{
    char path[512], buf[8192];
    int n = snprintf(buf, sizeof(buf),
                     "<?xml version='1.0' encoding='UTF-8'?>\n"
                     "<dossier xmlns='urn:weibao:dossier:1' format='1' county='测试县' rubric='%s'\n"
                     "         as-of='2026-11-29' since='2026-01-01'>\n"
                     "  <title>本级自评</title>\n%s"
                     "  <score-sheet href='scores.csv'/>\n",
                     edition != NULL ? edition : "meihekou-2022", ledgers != NULL ? ledgers : "");
    for (int v = 1; v <= 8; v++) {
        char id[8];
        snprintf(id, sizeof(id), "V%d", v);
        if (skip_veto != NULL && strcmp(id, skip_veto) == 0)
            continue;
        int occurred = vetoes != NULL && strcmp(vetoes, id) == 0;
        n += snprintf(buf + n, sizeof(buf) - (size_t)n,
                      "  <veto item='%s' occurred='%s'%s>%s</veto>\n", id,
                      occurred ? "true" : "false", occurred ? " date='2026-06-01'" : "",
                      occurred ? "<description>事件经过</description>" : "");
    }
    snprintf(buf + n, sizeof(buf) - (size_t)n, "</dossier>\n");
    snprintf(path, sizeof(path), "%s/dossier.xml", f->dir);
    write_file(path, buf);
}

/* The test ledgers a dossier may name, copied into its folder: the files
   a dossier names must lie there. */
static const char *const fixture_ledgers[] = { "background-checks.csv",
                                               "judicial-suggestions.xml" };

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static void setup(fixture *f)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "%s/wb-assess-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->dir));
    for (size_t i = 0; i < sizeof(fixture_ledgers) / sizeof(fixture_ledgers[0]); i++) {
        char from[512], to[512];
        snprintf(from, sizeof(from), "%s/ledgers/%s", WB_TEST_DATA, fixture_ledgers[i]);
        snprintf(to, sizeof(to), "%s/%s", f->dir, fixture_ledgers[i]);
        copy_file(from, to);
    }
    assert_int_equal(wb_rubric_open_default(&f->rubric, NULL), WB_OK);
    assert_int_equal(wb_ruleset_open_default(&f->rules, NULL), WB_OK);
    assert_int_equal(wb_calendar_open_default(&f->cal, NULL), WB_OK);
}

static void run(fixture *f)
{
    char path[512];
    wb_error err;
    snprintf(path, sizeof(path), "%s/dossier.xml", f->dir);
    if (wb_dossier_load_file(&f->dossier, path, &err) != WB_OK)
        fail_msg("dossier: %s:%d: %s", err.source, err.line, err.message);
    if (wb_assessment_run(&f->a, f->dossier, f->rubric, f->rules, f->cal, &err) != WB_OK)
        fail_msg("assessment: %s", err.message);
}

static void teardown(fixture *f)
{
    char path[512];
    wb_assessment_free(f->a);
    wb_dossier_free(f->dossier);
    wb_calendar_free(f->cal);
    wb_ruleset_free(f->rules);
    wb_rubric_free(f->rubric);
    snprintf(path, sizeof(path), "%s/dossier.xml", f->dir);
    remove(path);
    snprintf(path, sizeof(path), "%s/scores.csv", f->dir);
    remove(path);
    for (size_t i = 0; i < sizeof(fixture_ledgers) / sizeof(fixture_ledgers[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", f->dir, fixture_ledgers[i]);
        remove(path);
    }
    rmdir(f->dir);
}

static size_t count_rule(const wb_diagnostics *list, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(list); i++)
        n += strcmp(wb_diagnostic_rule(wb_diagnostics_at(list, i)), rule) == 0;
    return n;
}

static size_t index_of(const wb_rubric *r, const char *id)
{
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        if (strcmp(wb_item_id(wb_rubric_standard_at(r, i)), id) == 0)
            return i;
    fail_msg("no standard %s", id);
    return 0;
}

/* ------------------------------------------------------------- totals */

static void test_assessment__totals_in_half_points(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    /* 100 full; 3.2 (2 points) at 1.5 loses 0.5; 9.8 (1 point) at 0.5 loses
       0.5; 7.7 (3 points) at 0 loses 3: 96 points. Category 3 (家庭保护,
       7 points) has 6.5, category 9 (16 points) 15.5, category 7 (10) 7. */
    static const char *const o[] = { "3.2=1.5", "9.8=0.5", "7.7=0", NULL };
    write_sheet(&f, o, NULL);
    write_dossier(&f, NULL, NULL, NULL, NULL);
    run(&f);
    assert_int_equal(wb_assessment_total_half_points(f.a), 192);
    assert_int_equal(wb_assessment_max_half_points(f.a), 200);
    assert_int_equal(wb_assessment_category_half_points(f.a, 2), 13);
    assert_int_equal(wb_assessment_category_half_points(f.a, 8), 31);
    assert_int_equal(wb_assessment_category_half_points(f.a, 6), 14);
    assert_false(wb_assessment_vetoed(f.a));
    assert_int_equal(wb_diagnostics_count(wb_assessment_findings(f.a)), 0);
    assert_int_equal(wb_assessment_standard_claimed(f.a, index_of(f.rubric, "3.2")), 3);
    /* A unit's standards: 市未保办 answers for 1.2 among others; its total
       is the sum of the standards it answers for, shared ones included. */
    const wb_unit *office;
    assert_int_equal(wb_rubric_find_unit(&office, f.rubric, "市未保办", NULL), WB_OK);
    size_t u = 0;
    while (wb_rubric_unit_at(f.rubric, u) != office)
        u++;
    int max = 0;
    for (size_t k = 0; k < wb_unit_item_count(office); k++)
        if (wb_item_kind_of(wb_unit_item_at(office, k)) == WB_ITEM_STANDARD)
            max += wb_item_half_points(wb_unit_item_at(office, k));
    assert_int_equal(wb_assessment_unit_max_half_points(f.a, u), max);
    assert_true(wb_assessment_unit_half_points(f.a, u) <= max);
    teardown(&f);
}

/* ------------------------------------------------------------- vetoes */

static void test_assessment__each_veto_item_vetoes_whatever_the_total(void **state)
{
    (void)state;
    for (int v = 1; v <= 8; v++) {
        fixture f;
        char id[8];
        snprintf(id, sizeof(id), "V%d", v);
        setup(&f);
        write_sheet(&f, NULL, NULL);
        write_dossier(&f, NULL, id, NULL, NULL);
        run(&f);
        assert_true(wb_assessment_vetoed(f.a));
        assert_int_equal(wb_assessment_total_half_points(f.a), 200);
        for (int k = 1; k <= 8; k++)
            assert_int_equal(wb_assessment_veto_occurred(f.a, (size_t)(k - 1)), k == v);
        /* Declarations are placed at their elements, sheet rows at column 1. */
        const wb_dossier *d = wb_assessment_dossier(f.a);
        assert_int_equal(wb_dossier_veto_column(d, 0), 3);
        assert_int_equal(wb_dossier_score_column(d, 0), 1);
        assert_int_equal(wb_dossier_veto_column(d, 99), 0);
        /* The report names the item and the units that answer for it. */
        char *text = NULL;
        assert_int_equal(wb_report_assessment(&text, f.a, WB_REPORT_TEXT, WB_LANG_ZH, NULL), WB_OK);
        assert_non_null(strstr(text, "一票否决"));
        const wb_item *item = wb_rubric_veto_at(f.rubric, (size_t)(v - 1));
        assert_non_null(strstr(text, wb_unit_name(wb_item_unit_at(item, 0))));
        wb_free(text);
        teardown(&f);
    }
}

/* ---------------------------------------------------------- bad sheets */

static void test_assessment__every_bad_sheet_kind_is_reported(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    /* 1.1 left out; 1.2 (1 point) at 1.5; 1.3 below 0; 5.1 without
       evidence; 2.1 scored twice; a standard the edition lacks; a row
       with a third of a point; a unit outside the directory. */
    static const char *const o[] = { "1.1=-", "1.2=1.5", "1.3=-1", "5.1:noev", "4.2=-", NULL };
    write_sheet(&f, o,
                "2.1,1,市教育局,材料/x.pdf,\n"
                "11.1,1,市教育局,材料/x.pdf,\n"
                "4.1,0.3,市教育局,材料/x.pdf,\n"
                "4.2,2,某某局,材料/x.pdf,\n");
    write_dossier(&f, NULL, NULL, "V8", NULL);
    run(&f);
    const wb_diagnostics *d = wb_assessment_findings(f.a);
    assert_int_equal(count_rule(d, "dossier-missing-standard"), 1);
    assert_int_equal(count_rule(d, "dossier-score-range"), 2);
    assert_int_equal(count_rule(d, "dossier-no-evidence"), 1);
    assert_int_equal(count_rule(d, "dossier-duplicate-standard"), 1);   /* 2.1 */
    assert_int_equal(count_rule(d, "dossier-unknown-standard"), 1);
    assert_int_equal(count_rule(d, "dossier-unit"), 1);
    assert_int_equal(count_rule(d, "dossier-veto"), 1);
    assert_int_equal(count_rule(d, "dossier-sheet"), 1);     /* 4.1 at 0.3: skipped */
    /* The sheet row with 0.3 points is a problem of the dossier's form. */
    wb_diagnostics *form = NULL;
    char path[512];
    snprintf(path, sizeof(path), "%s/dossier.xml", f.dir);
    assert_int_equal(wb_dossier_check_file(&form, path, NULL), WB_OK);
    assert_int_equal(count_rule(form, "dossier-sheet"), 1);
    wb_diagnostics_free(form);
    /* The sheet alone says the same; a file that is no sheet is not found. */
    snprintf(path, sizeof(path), "%s/scores.csv", f.dir);
    assert_int_equal(wb_dossier_check_sheet_file(&form, path, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 1);
    assert_int_equal(count_rule(form, "dossier-sheet"), 1);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(form, 0)), 69);   /* 4.1 at 0.3 */
    wb_diagnostics_free(form);
    snprintf(path, sizeof(path), "%s/dossier.xml", f.dir);
    wb_error err;
    assert_int_equal(wb_dossier_check_sheet_file(&form, path, &err), WB_ENOTFOUND);
    assert_null(form);
    assert_int_equal(wb_dossier_check_sheet_file(NULL, path, NULL), WB_EINVAL);
    /* Out of range counts within range: 1.2 at its 1 point, 1.3 (2 points)
       at 0; 1.1 (2 points) missing counts 0; 4.1's first row (full, 1 point)
       stands and its skipped row does not count: 100 - 2 - 2 = 96. */
    assert_int_equal(wb_assessment_total_half_points(f.a), 192);
    teardown(&f);
    /* Another edition's dossier. */
    setup(&f);
    write_sheet(&f, NULL, NULL);
    write_dossier(&f, NULL, NULL, NULL, "national-2021");
    run(&f);
    assert_int_equal(count_rule(wb_assessment_findings(f.a), "dossier-edition"), 1);
    teardown(&f);
}

/* -0.5 is a claim out of range, never "not scored" (which -1 also means
   in wb_assessment_standard_claimed); every report format says so. */
static void test_assessment__a_negative_claim_is_out_of_range_not_unscored(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    static const char *const o[] = { "1.3=-0.5", "1.1=-", NULL };
    write_sheet(&f, o, NULL);
    write_dossier(&f, NULL, NULL, NULL, NULL);
    run(&f);
    const wb_diagnostics *d = wb_assessment_findings(f.a);
    assert_int_equal(count_rule(d, "dossier-score-range"), 1);
    assert_int_equal(count_rule(d, "dossier-missing-standard"), 1);     /* 1.1 only */
    size_t scored = index_of(f.rubric, "1.3"), unscored = index_of(f.rubric, "1.1");
    assert_int_equal(wb_assessment_standard_claimed(f.a, scored), -1);
    assert_true(wb_assessment_standard_scored(f.a, scored));
    assert_false(wb_assessment_standard_scored(f.a, unscored));
    char *json = NULL, *csv = NULL;
    assert_int_equal(wb_report_assessment(&json, f.a, WB_REPORT_JSON, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(json, "{\"id\": \"1.3\", \"max\": 2, \"claimed\": -0.5,"));
    assert_non_null(strstr(json, "{\"id\": \"1.1\", \"max\": 2, \"claimed\": null,"));
    assert_int_equal(wb_report_assessment(&csv, f.a, WB_REPORT_CSV, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(csv, "\n1.3,2,-0.5,"));
    assert_non_null(strstr(csv, "\n1.1,2,,"));
    wb_free(json);
    wb_free(csv);
    teardown(&f);
}

/* A veto declared as occurred but dated after the as-of date, or as not
   occurred yet dated: a finding at the declaration's line and column. */
static void test_assessment__veto_dates_that_contradict_the_declaration(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    write_sheet(&f, NULL, NULL);
    char path[512];
    snprintf(path, sizeof(path), "%s/dossier.xml", f.dir);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs("<?xml version='1.0' encoding='UTF-8'?>\n"
          "<dossier xmlns='urn:weibao:dossier:1' format='1' county='测试县' rubric='meihekou-2022'\n"
          "         as-of='2026-11-29'>\n"
          "  <title>本级自评</title>\n"
          "  <score-sheet href='scores.csv'/>\n"
          "  <veto item='V1' occurred='true' date='2026-11-30'/>\n"
          "  <veto item='V2' occurred='false' date='2026-05-01'/>\n"
          "  <veto item='V3' occurred='true' date='2026-11-29'/>\n"
          "  <veto item='V4' occurred='false'/>\n"
          "  <veto item='V5' occurred='false'/>\n"
          "  <veto item='V6' occurred='false'/>\n"
          "  <veto item='V7' occurred='false'/>\n"
          "  <veto item='V8' occurred='false'/>\n"
          "</dossier>\n", out);
    fclose(out);
    run(&f);
    const wb_diagnostics *d = wb_assessment_findings(f.a);
    assert_int_equal(count_rule(d, "dossier-veto-date"), 2);     /* V3, on the as-of date, is fine */
    int seen = 0;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const wb_diagnostic *g = wb_diagnostics_at(d, i);
        if (strcmp(wb_diagnostic_rule(g), "dossier-veto-date") != 0)
            continue;
        const char *en = wb_diagnostic_message(g, WB_LANG_EN);
        assert_int_equal(wb_diagnostic_column(g), 3);
        if (wb_diagnostic_line(g) == 6)
            seen += strstr(en, "V1 occurred on 2026-11-30, after the dossier's as-of date 2026-11-29") != NULL;
        if (wb_diagnostic_line(g) == 7)
            seen += strstr(en, "V2 did not occur, but the dossier gives it a date (2026-05-01)") != NULL;
    }
    assert_int_equal(seen, 2);
    assert_true(wb_assessment_vetoed(f.a));      /* V1 and V3 occurred, as declared */
    teardown(&f);
}

/* A whole file, NUL-terminated, in a buffer the caller frees. */
static char *read_whole(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *len = fread(buf, 1, (1 << 16) - 1, in);
    buf[*len] = '\0';
    fclose(in);
    return buf;
}

static void test_assessment__a_dossier_in_memory_reads_as_its_file(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    write_sheet(&f, NULL, "4.1,0.3,市教育局,材料/x.pdf,\n");
    write_dossier(&f, "  <ledger href='ledgers/meetings.csv'/>\n", NULL, NULL, NULL);
    char path[512], sheet[512], ledger[512];
    snprintf(path, sizeof(path), "%s/dossier.xml", f.dir);
    snprintf(sheet, sizeof(sheet), "%s/scores.csv", f.dir);
    snprintf(ledger, sizeof(ledger), "%s/ledgers/meetings.csv", f.dir);
    size_t len;
    char *xml = read_whole(path, &len);
    /* Named by its path: the sheet and the ledgers resolve in its folder. */
    wb_dossier *file = NULL, *mem = NULL;
    wb_error err;
    assert_int_equal(wb_dossier_load_file(&file, path, NULL), WB_OK);
    assert_int_equal(wb_dossier_load_buffer(&mem, xml, len, path, &err), WB_OK);
    assert_string_equal(wb_dossier_path(mem), path);
    assert_string_equal(wb_dossier_score_sheet(mem), sheet);
    assert_string_equal(wb_dossier_ledger_path(mem, 0), ledger);
    assert_int_equal(wb_dossier_score_count(mem), wb_dossier_score_count(file));
    assert_int_equal(wb_dossier_veto_count(mem), 8);
    assert_int_equal(wb_diagnostics_count(wb_dossier_problems(mem)), 1);
    wb_dossier_free(mem);
    wb_dossier_free(file);
    /* The check lists the skipped sheet row, as the file's check does. */
    wb_diagnostics *form = NULL;
    assert_int_equal(wb_dossier_check_buffer(&form, xml, len, path, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 1);
    assert_int_equal(count_rule(form, "dossier-sheet"), 1);
    wb_diagnostics_free(form);
    /* Named elsewhere, the sheet is looked for there: not found, an error
       with the dossier's name; no name is "<buffer>" in the current folder. */
    assert_int_equal(wb_dossier_load_buffer(&mem, xml, len, "/nonexistent/dossier.xml", &err),
                     WB_ESCHEMA);
    assert_null(mem);
    assert_string_equal(err.source, "/nonexistent/dossier.xml");
    assert_non_null(strstr(err.message, "/nonexistent/scores.csv"));
    assert_int_equal(wb_dossier_check_buffer(&form, xml, len, NULL, NULL), WB_OK);
    assert_int_equal(count_rule(form, "dossier-file"), 1);
    assert_string_equal(wb_diagnostic_file(wb_diagnostics_at(form, 0)), "<buffer>");
    wb_diagnostics_free(form);
    /* Not XML: a parse error, in memory as in a file. */
    assert_int_equal(wb_dossier_load_buffer(&mem, "<dossier", 8, "d.xml", &err), WB_EPARSE);
    assert_int_equal(wb_dossier_load_buffer(&mem, NULL, 0, "d.xml", NULL), WB_EINVAL);
    assert_int_equal(wb_dossier_load_buffer(NULL, xml, len, "d.xml", NULL), WB_EINVAL);
    assert_int_equal(wb_dossier_check_buffer(&form, NULL, 0, "d.xml", NULL), WB_EINVAL);
    assert_int_equal(wb_dossier_check_buffer(NULL, xml, len, "d.xml", NULL), WB_EINVAL);
    free(xml);
    teardown(&f);
}

static void test_assessment__a_score_sheet_in_memory_reads_as_its_file(void **state)
{
    (void)state;
    /* Only len bytes are read: what follows them is not a row. */
    static const char text[] = "考核标准,得分,申报单位\n1.1,2,市教育局\n\n4.1,0.3,市教育局\n"
                               "4.2,x,市教育局\n";
    size_t len = strlen(text) - strlen("4.2,x,市教育局\n");
    wb_diagnostics *form = NULL;
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, text, len, "mem.csv", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 1);
    const wb_diagnostic *d = wb_diagnostics_at(form, 0);
    assert_string_equal(wb_diagnostic_rule(d), "dossier-sheet");
    assert_string_equal(wb_diagnostic_file(d), "mem.csv");
    assert_int_equal(wb_diagnostic_line(d), 4);
    wb_diagnostics_free(form);
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, text, strlen(text), NULL, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 2);
    assert_string_equal(wb_diagnostic_file(wb_diagnostics_at(form, 1)), "<buffer>");
    wb_diagnostics_free(form);
    /* A text whose first row lacks 考核标准 and 得分 is not a sheet. */
    wb_error err;
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, "标准,分\n1.1,2\n", 17, "x.csv", &err),
                     WB_ENOTFOUND);
    assert_null(form);
    assert_string_equal(err.source, "x.csv");
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, "", 0, "x.csv", NULL), WB_ENOTFOUND);
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, NULL, 0, "x.csv", NULL), WB_EINVAL);
    assert_int_equal(wb_dossier_check_sheet_buffer(NULL, text, len, "x.csv", NULL), WB_EINVAL);
}

static void test_assessment__a_sheet_row_wider_than_its_header_is_read_within_it(void **state)
{
    (void)state;
    /* The cells past the header's columns belong to no column: they were
       read as columns never set, and written through (a crash). */
    static const char wide[] = "考核标准,得分\n1.1,2,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x\n";
    wb_diagnostics *form = NULL;
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, wide, strlen(wide), "w.csv", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 0);
    wb_diagnostics_free(form);
}

static void test_assessment__a_sheet_quotes_bad_points_with_numbers_masked(void **state)
{
    (void)state;
    /* A card number typed in the points column is quoted masked. */
    static const char text[] = "考核标准,得分\n1.1,6222021001123456789\n";
    wb_diagnostics *form = NULL;
    assert_int_equal(wb_dossier_check_sheet_buffer(&form, text, strlen(text), "s.csv", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(form), 1);
    for (int lang = 0; lang < 2; lang++) {
        const char *m = wb_diagnostic_message(wb_diagnostics_at(form, 0),
                                              lang ? WB_LANG_EN : WB_LANG_ZH);
        assert_null(strstr(m, "6222021001123456789"));
        assert_non_null(strstr(m, "***************6789"));
    }
    wb_diagnostics_free(form);
}

/* ------------------------------------------------------ contradictions */

static void test_assessment__full_points_the_ledgers_contradict_are_flagged(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    write_sheet(&f, NULL, NULL);
    write_dossier(&f,
                  "  <ledger href='background-checks.csv'/>\n"
                  "  <ledger href='judicial-suggestions.xml'/>\n",
                  NULL, NULL, NULL);
    run(&f);
    size_t i = index_of(f.rubric, "2.3");
    assert_true(wb_assessment_standard_flagged(f.a, i));
    /* BC-2's query 4 days late, BC-3's dismissal 1 day late. */
    assert_int_equal(wb_assessment_standard_outcomes(f.a, i, WB_OUTCOME_VIOLATION), 2);
    const wb_result *worst = wb_assessment_standard_worst(f.a, i);
    assert_string_equal(wb_result_key(worst), "BC-2");
    assert_int_equal(wb_assessment_standard_supported(f.a, i), -1);
    /* 8.5: JS-1 replied 2 days late. */
    assert_true(wb_assessment_standard_flagged(f.a, index_of(f.rubric, "8.5")));
    /* Not flagged when it does not claim full points. */
    assert_false(wb_assessment_standard_flagged(f.a, index_of(f.rubric, "1.1")));
    /* The ledger's bad rows are among the evaluation's problems. */
    assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(wb_assessment_evaluation(f.a))), 2);
    /* Inputs: the dossier, the sheet, two ledgers, each with its hash. */
    assert_int_equal(wb_assessment_input_count(f.a), 4);
    for (size_t k = 0; k < 4; k++)
        assert_int_equal(strlen(wb_assessment_input_sha256(f.a, k)), 64);
    teardown(&f);
}

/* --------------------------------------------------------------- HTML */

static int has_node(xmlDocPtr doc, const char *xpath)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
    int found = obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0;
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return found;
}

static void test_assessment__the_html_report_parses_and_has_its_sections(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    write_sheet(&f, NULL, NULL);
    write_dossier(&f, "  <ledger href='background-checks.csv'/>\n",
                  "V2", NULL, NULL);
    run(&f);
    for (int lang = 0; lang < 2; lang++) {
        char *html = NULL;
        assert_int_equal(wb_report_assessment(&html, f.a, WB_REPORT_HTML, (wb_lang)lang, NULL), WB_OK);
        htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
        assert_non_null(doc);
        static const char *const sections[] = { "result", "basis", "categories", "vetoes",
                                                "flagged", "standards", "units", "townships", "findings",
                                                "problems", "inputs" };
        for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
            char xpath[64];
            snprintf(xpath, sizeof(xpath), "//*[@id='%s']", sections[s]);
            if (!has_node(doc, xpath))
                fail_msg("no section %s", sections[s]);
        }
        /* Self-contained: no script, nothing fetched. */
        assert_false(has_node(doc, "//script"));
        assert_false(has_node(doc, "//*[@src]"));
        assert_false(has_node(doc, "//link"));
        assert_non_null(strstr(html, "<svg"));
        assert_non_null(strstr(html, "class=\"result vetoed\""));
        /* Each finding with its ledger line; no name from the ledger. */
        assert_non_null(strstr(html, "background-checks.csv:3"));
        assert_null(strstr(html, "张某"));
        assert_null(strstr(html, "11010519491231002X"));
        xmlFreeDoc(doc);
        wb_free(html);
    }
    /* The other formats carry the same total. */
    char *json = NULL, *csv = NULL;
    assert_int_equal(wb_report_assessment(&json, f.a, WB_REPORT_JSON, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(json, "\"vetoed\": true, \"total\": 100"));
    assert_int_equal(wb_report_assessment(&csv, f.a, WB_REPORT_CSV, WB_LANG_ZH, NULL), WB_OK);
    assert_non_null(strstr(csv, "2.3,2,2,"));
    wb_free(json);
    wb_free(csv);
    teardown(&f);
}

/* ------------------------------------------------ many, two, the matrix */

static void test_assessment__a_province_table_a_comparison_and_the_matrix(void **state)
{
    (void)state;
    fixture x, y;
    setup(&x);
    write_sheet(&x, NULL, NULL);
    write_dossier(&x, NULL, NULL, NULL, NULL);
    run(&x);
    setup(&y);
    static const char *const o[] = { "3.2=1", NULL };
    write_sheet(&y, o, NULL);
    write_dossier(&y, NULL, "V5", NULL, NULL);
    run(&y);
    const wb_assessment *list[2] = { x.a, y.a };
    char *table = NULL, *cmp = NULL, *matrix = NULL;
    assert_int_equal(wb_report_table(&table, list, 2, WB_REPORT_CSV, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(table, "测试县,scored,100,100,,,0\r\n"));
    assert_non_null(strstr(table, "测试县,vetoed,99,100,V5,,0\r\n"));
    assert_int_equal(wb_report_compare(&cmp, x.a, y.a, WB_REPORT_CSV, WB_LANG_EN, NULL), WB_OK);
    /* Only what changed: 3.2, 2 → 1. */
    assert_non_null(strstr(cmp, "\r\n3.2,2,1,0,0\r\n"));
    assert_null(strstr(cmp, "\r\n3.1,"));
    assert_int_equal(wb_report_responsibilities(&matrix, x.rubric, WB_REPORT_CSV, WB_LANG_ZH, NULL),
                     WB_OK);
    assert_non_null(strstr(matrix, "单位,1.1,1.2,"));
    assert_non_null(strstr(matrix, "\r\n市公安局,"));
    wb_free(matrix);
    assert_int_equal(wb_report_responsibilities(&matrix, x.rubric, WB_REPORT_JSON, WB_LANG_ZH, NULL),
                     WB_EINVAL);
    assert_null(matrix);
    wb_free(table);
    wb_free(cmp);
    wb_free(matrix);
    teardown(&x);
    teardown(&y);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_assessment__totals_in_half_points),
    cmocka_unit_test(test_assessment__each_veto_item_vetoes_whatever_the_total),
    cmocka_unit_test(test_assessment__every_bad_sheet_kind_is_reported),
    cmocka_unit_test(test_assessment__a_negative_claim_is_out_of_range_not_unscored),
    cmocka_unit_test(test_assessment__veto_dates_that_contradict_the_declaration),
    cmocka_unit_test(test_assessment__a_dossier_in_memory_reads_as_its_file),
    cmocka_unit_test(test_assessment__a_score_sheet_in_memory_reads_as_its_file),
    cmocka_unit_test(test_assessment__a_sheet_row_wider_than_its_header_is_read_within_it),
    cmocka_unit_test(test_assessment__a_sheet_quotes_bad_points_with_numbers_masked),
    cmocka_unit_test(test_assessment__full_points_the_ledgers_contradict_are_flagged),
    cmocka_unit_test(test_assessment__the_html_report_parses_and_has_its_sections),
    cmocka_unit_test(test_assessment__a_province_table_a_comparison_and_the_matrix),
};

WB_TEST_MAIN("assessment", tests)
