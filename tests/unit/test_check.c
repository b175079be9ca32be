/*
 * test_check.c - checking rubric documents: each broken kind gets its
 * finding, with its rule id, at the right line and column; loads fail
 * with the same details; XML is parsed safely.
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

/* Read a file of the test data into a malloc'd, NUL-terminated buffer. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Replace the first `from` in s (malloc'd) by `to`; returns a new buffer. */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    if (at == NULL)
        fail_msg("'%s' not found", from);
    size_t head = (size_t)(at - s), fl = strlen(from), tl = strlen(to);
    char *out = malloc(strlen(s) - fl + tl + 1);
    assert_non_null(out);
    memcpy(out, s, head);
    memcpy(out + head, to, tl);
    strcpy(out + head + tl, at + fl);
    return out;
}

static wb_diagnostics *check_buffer(const char *data)
{
    wb_diagnostics *d = NULL;
    wb_error err;
    wb_error_clear(&err);
    if (wb_rubric_check_buffer(&d, data, strlen(data), "t.xml", &err) != WB_OK)
        fail_msg("check failed: %s", err.message);
    return d;
}

/* The one finding a case must produce. */
typedef struct expected {
    const char *name;
    const char *rule;
    int line;
    int column;
    int load_code;
} expected;

static const expected cases[] = {
    { "duplicate-id",       "rubric-duplicate-id",      29, 7, WB_ESCHEMA },
    { "missing-points",     "schema-invalid",           29, 7, WB_ESCHEMA },
    { "total-mismatch",     "rubric-total-mismatch",     4, 1, WB_ESCHEMA },
    { "unknown-unit",       "rubric-unknown-unit",      44, 11, WB_ESCHEMA },
    { "malformed-xml",      "xml-malformed",            24, 32, WB_EPARSE },
    { "external-entity",    "xml-doctype",               2, 1, WB_EPARSE },
    { "entity-expansion",   "xml-doctype",               2, 1, WB_EPARSE },
    { "zero-points",        "rubric-zero-points",       41, 7, WB_ESCHEMA },
    { "id-category",        "rubric-id-category",       41, 7, WB_ESCHEMA },
    { "bad-member",         "rubric-bad-member",        15, 7, WB_ESCHEMA },
    { "group-member",       "rubric-bad-member",        15, 7, WB_ESCHEMA },
    { "duplicate-unit",     "rubric-duplicate-unit",    10, 5, WB_ESCHEMA },
    { "declared-encoding",  "xml-encoding",              1, 1, WB_EPARSE },
    { "invalid-utf8",       "xml-malformed",             5, 10, WB_EPARSE },
    { "wrong-namespace",    "schema-invalid",            4, 1, WB_ESCHEMA },
    { "bad-points-format",  "schema-invalid",           29, 7, WB_ESCHEMA },
};

static void test_check__every_invalid_case(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const expected *c = &cases[i];
        char path[512];
        snprintf(path, sizeof(path), WB_TEST_DATA "/invalid/%s/input.xml", c->name);

        wb_diagnostics *d = NULL;
        wb_error err;
        wb_error_clear(&err);
        assert_int_equal(wb_rubric_check_file(&d, path, &err), WB_OK);
        if (wb_diagnostics_count(d) != 1)
            fail_msg("%s: %zu findings, expected 1", c->name, wb_diagnostics_count(d));
        const wb_diagnostic *f = wb_diagnostics_at(d, 0);
        if (strcmp(wb_diagnostic_rule(f), c->rule) != 0 ||
            wb_diagnostic_line(f) != c->line || wb_diagnostic_column(f) != c->column)
            fail_msg("%s: got %s at %d:%d, expected %s at %d:%d", c->name,
                     wb_diagnostic_rule(f), wb_diagnostic_line(f),
                     wb_diagnostic_column(f), c->rule, c->line, c->column);
        assert_string_equal(wb_diagnostic_file(f), path);
        assert_int_equal(wb_diagnostic_severity(f), WB_SEVERITY_ERROR);
        assert_true(strlen(wb_diagnostic_message(f, WB_LANG_EN)) > 0);
        assert_true(strlen(wb_diagnostic_message(f, WB_LANG_ZH)) > 0);
        assert_null(strchr(wb_diagnostic_message(f, WB_LANG_EN), '\n'));
        wb_diagnostics_free(d);

        /* Loading the same file fails with the same place and rule. */
        wb_rubric *r = (wb_rubric *)&err;
        wb_error_clear(&err);
        int rc = wb_rubric_load_file(&r, path, &err);
        if (rc != c->load_code)
            fail_msg("%s: load gave %d, expected %d", c->name, rc, c->load_code);
        assert_null(r);
        assert_int_equal(err.code, c->load_code);
        assert_int_equal(err.line, c->line);
        assert_int_equal(err.column, c->column);
        assert_string_equal(err.rule, c->rule);
        assert_string_equal(err.source, path);
    }
}

static void test_check__valid_minimal_is_clean(void **state)
{
    (void)state;
    wb_diagnostics *d = NULL;
    assert_int_equal(wb_rubric_check_file(&d, WB_TEST_DATA "/valid/minimal/input.xml", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    assert_int_equal(wb_rubric_check_file(&d, WB_SOURCE_DIR "/data/rubric.xml", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
}

static void test_check__points_summing_to_99(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp(WB_SOURCE_DIR "/data/rubric.xml", &len);
    /* 7.7 is worth 3; at 2 the standards add up to 99 against a declared 100. */
    char *bad = replace(xml, "<standard id=\"7.7\" points=\"3\">",
                        "<standard id=\"7.7\" points=\"2\">");
    wb_diagnostics *d = check_buffer(bad);
    assert_int_equal(wb_diagnostics_count(d), 1);
    const wb_diagnostic *f = wb_diagnostics_at(d, 0);
    assert_string_equal(wb_diagnostic_rule(f), "rubric-total-mismatch");
    assert_int_equal(wb_diagnostic_line(f), 7);     /* the <rubric> start tag */
    assert_non_null(strstr(wb_diagnostic_message(f, WB_LANG_EN), "total of 100"));
    assert_non_null(strstr(wb_diagnostic_message(f, WB_LANG_EN), "add up to 99"));
    assert_non_null(strstr(wb_diagnostic_message(f, WB_LANG_ZH), "99"));
    wb_diagnostics_free(d);
    free(bad);
    free(xml);
}

static void test_check__reports_every_problem_not_the_first(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp(WB_TEST_DATA "/valid/minimal/input.xml", &len);
    char *a = replace(xml, "<unit>县交通局</unit>", "<unit>县交通厅</unit>");
    char *b = replace(a, "<unit>县公安局</unit>", "<unit>县警察局</unit>");
    char *c = replace(b, "id=\"1.2\"", "id=\"1.1\"");
    wb_diagnostics *d = check_buffer(c);
    assert_int_equal(wb_diagnostics_count(d), 3);
    assert_int_equal(wb_diagnostics_count_at_least(d, WB_SEVERITY_ERROR), 3);
    /* Document order. */
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 0)), "rubric-duplicate-id");
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 1)), "rubric-unknown-unit");
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 2)), "rubric-unknown-unit");
    assert_true(wb_diagnostic_line(wb_diagnostics_at(d, 1)) <
                wb_diagnostic_line(wb_diagnostics_at(d, 2)));
    wb_diagnostics_free(d);
    free(a);
    free(b);
    free(c);
    free(xml);
}

static void test_check__warning_does_not_fail_the_load(void **state)
{
    (void)state;
    wb_rubric *r = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_load_file(&r, WB_TEST_DATA "/invalid/repeated-unit/input.xml", &err), WB_OK);
    const wb_item *it;
    assert_int_equal(wb_rubric_find_item(&it, r, "1.2", NULL), WB_OK);
    assert_int_equal(wb_item_unit_count(it), 2);   /* the repeat is not kept */
    wb_rubric_free(r);

    wb_diagnostics *d = NULL;
    assert_int_equal(wb_rubric_check_file(&d, WB_TEST_DATA "/invalid/repeated-unit/input.xml", NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 1);
    assert_int_equal(wb_diagnostic_severity(wb_diagnostics_at(d, 0)), WB_SEVERITY_WARNING);
    assert_int_equal(wb_diagnostics_count_at_least(d, WB_SEVERITY_ERROR), 0);
    wb_diagnostics_free(d);
}

/* A document with `pad` comment lines inserted before the <units> element. */
static char *padded(const char *xml, size_t pad)
{
    const char *at = strstr(xml, "  <units>");
    assert_non_null(at);
    const char *line = "<!-- padding -->\n";
    size_t head = (size_t)(at - xml), ll = strlen(line);
    char *out = malloc(strlen(xml) + pad * ll + 1);
    assert_non_null(out);
    memcpy(out, xml, head);
    for (size_t i = 0; i < pad; i++)
        memcpy(out + head + i * ll, line, ll);
    strcpy(out + head + pad * ll, at);
    return out;
}

static void test_check__lines_past_65535(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp(WB_TEST_DATA "/invalid/unknown-unit/input.xml", &len);
    char *big = padded(xml, 70000);
    wb_diagnostics *d = check_buffer(big);
    assert_int_equal(wb_diagnostics_count(d), 1);
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 0)), "rubric-unknown-unit");
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(d, 0)), 44 + 70000);
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(d, 0)), 11);
    wb_diagnostics_free(d);
    free(big);
    free(xml);

    /* Schema and well-formedness errors too. */
    xml = slurp(WB_TEST_DATA "/invalid/missing-points/input.xml", &len);
    big = padded(xml, 70000);
    d = check_buffer(big);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(d, 0)), 29 + 70000);
    wb_diagnostics_free(d);
    free(big);
    free(xml);

    xml = slurp(WB_TEST_DATA "/invalid/malformed-xml/input.xml", &len);
    big = padded(xml, 70000);
    d = check_buffer(big);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(d, 0)), 24 + 70000);
    wb_diagnostics_free(d);
    free(big);
    free(xml);
}

static void test_check__columns_count_code_points(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp(WB_TEST_DATA "/valid/minimal/input.xml", &len);
    /* Six Chinese characters (18 bytes) before the bad unit on its line. */
    char *bad = replace(xml, "          <unit>县交通局</unit>",
                        "<!--中文注释六字--><unit>县交通厅</unit>");
    wb_diagnostics *d = check_buffer(bad);
    assert_int_equal(wb_diagnostics_count(d), 1);
    /* "<!--" 4 + 6 + "-->" 3 = 13 code points, so the tag starts at 14. */
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(d, 0)), 14);
    wb_diagnostics_free(d);
    free(bad);
    free(xml);
}

static void test_check__byte_order_mark_is_accepted(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp(WB_TEST_DATA "/invalid/unknown-unit/input.xml", &len);
    char *bom = malloc(len + 4);
    assert_non_null(bom);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, xml, len + 1);
    wb_diagnostics *d = check_buffer(bom);
    assert_int_equal(wb_diagnostics_count(d), 1);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(d, 0)), 44);
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(d, 0)), 11);
    wb_diagnostics_free(d);
    free(bom);
    free(xml);
}

static void test_check__doctype_never_reads_the_entity(void **state)
{
    (void)state;
    /* Whatever the parser might do with the entity, the load refuses the
       document before any entity is declared, so the secret never arrives. */
    const char *doc =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE rubric SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
        "<rubric/>\n";
    wb_rubric *r = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_load_buffer(&r, doc, strlen(doc), "x.xml", &err), WB_EPARSE);
    assert_null(r);
    assert_string_equal(err.rule, "xml-doctype");
    assert_int_equal(err.line, 2);
}

static void test_check__empty_and_garbage_input(void **state)
{
    (void)state;
    const char *inputs[] = { "", "   ", "not xml at all", "<rubric", "\x01\x02\x03" };
    for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        wb_diagnostics *d = NULL;
        assert_int_equal(wb_rubric_check_buffer(&d, inputs[i], strlen(inputs[i]), NULL, NULL), WB_OK);
        assert_true(wb_diagnostics_count(d) >= 1);
        const wb_diagnostic *f = wb_diagnostics_at(d, 0);
        assert_string_equal(wb_diagnostic_rule(f), "xml-malformed");
        assert_string_equal(wb_diagnostic_file(f), "<buffer>");
        wb_diagnostics_free(d);
    }
}

/* Every message of the list shows the number masked but its last 4, never whole. */
static void expect_masked(const wb_diagnostics *d, const char *rule, const char *whole,
                          const char *masked)
{
    size_t seen = 0;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const wb_diagnostic *f = wb_diagnostics_at(d, i);
        for (int lang = 0; lang < 2; lang++) {
            const char *m = wb_diagnostic_message(f, lang ? WB_LANG_EN : WB_LANG_ZH);
            assert_null(strstr(m, whole));
            seen += strcmp(wb_diagnostic_rule(f), rule) == 0 && strstr(m, masked) != NULL;
        }
    }
    assert_int_equal(seen, 2);
}

static void test_check__a_refused_value_shows_its_numbers_masked(void **state)
{
    (void)state;
    /* The schema's message quotes the value it refuses (as-of is no date). */
    const char *doc =
        "<?xml version=\"1.0\"?>\n"
        "<dossier xmlns=\"urn:weibao:dossier:1\" format=\"1\" county=\"x\"\n"
        "         rubric=\"meihekou-2022\" as-of=\"13812345678\"><title>t</title></dossier>\n";
    wb_diagnostics *d = NULL;
    assert_int_equal(wb_check_buffer(&d, NULL, doc, strlen(doc), "d.xml", NULL), WB_OK);
    expect_masked(d, "schema-invalid", "13812345678", "*******5678");
    wb_diagnostics_free(d);
    /* The declared encoding is quoted too. */
    doc = "<?xml version=\"1.0\" encoding=\"6222021001123456789\"?>\n<rubric/>\n";
    assert_int_equal(wb_check_buffer(&d, NULL, doc, strlen(doc), "e.xml", NULL), WB_OK);
    expect_masked(d, "xml-encoding", "6222021001123456789", "***************6789");
    wb_diagnostics_free(d);
}

static void test_check__unreadable_files(void **state)
{
    (void)state;
    wb_diagnostics *d = (wb_diagnostics *)state;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_check_file(&d, WB_TEST_DATA "/no-such-file.xml", &err), WB_EIO);
    assert_null(d);
    assert_int_equal(err.code, WB_EIO);
    assert_non_null(strstr(err.message, "no-such-file.xml"));
    assert_non_null(strstr(err.message, "No such file"));

    wb_error_clear(&err);
    wb_rubric *r = NULL;
    assert_int_equal(wb_rubric_load_file(&r, WB_TEST_DATA, &err), WB_EIO);  /* a folder */
    assert_null(r);
    assert_non_null(strstr(err.message, WB_TEST_DATA));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_check__every_invalid_case),
    cmocka_unit_test(test_check__valid_minimal_is_clean),
    cmocka_unit_test(test_check__points_summing_to_99),
    cmocka_unit_test(test_check__reports_every_problem_not_the_first),
    cmocka_unit_test(test_check__warning_does_not_fail_the_load),
    cmocka_unit_test(test_check__lines_past_65535),
    cmocka_unit_test(test_check__columns_count_code_points),
    cmocka_unit_test(test_check__byte_order_mark_is_accepted),
    cmocka_unit_test(test_check__doctype_never_reads_the_entity),
    cmocka_unit_test(test_check__empty_and_garbage_input),
    cmocka_unit_test(test_check__unreadable_files),
    cmocka_unit_test(test_check__a_refused_value_shows_its_numbers_masked),
};

WB_TEST_MAIN("check", tests)
