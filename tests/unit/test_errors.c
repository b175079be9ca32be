/*
 * test_errors.c - status codes, the error record, versions, points, and
 * every entry point's answer to NULL and out-of-range arguments.
 */
#include "runner.h"

#include <limits.h>
#include <weibao/weibao.h>

static void test_errors__clear_zeroes_every_field(void **state)
{
    (void)state;
    wb_error err;
    memset(&err, 0x5a, sizeof(err));
    wb_error_clear(&err);
    assert_int_equal(err.code, WB_OK);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "");
    assert_string_equal(err.source, "");
    assert_string_equal(err.rule, "");
    wb_error_clear(NULL);   /* accepted */
}

static void test_errors__strerror_names_every_code(void **state)
{
    (void)state;
    const int codes[] = { WB_OK, WB_ERROR, WB_EINVAL, WB_ENOMEM, WB_EIO,
                          WB_ENOTFOUND, WB_EPARSE, WB_ESCHEMA, WB_EREGEX,
                          WB_ECOVERAGE };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        const char *s = wb_strerror(codes[i]);
        assert_non_null(s);
        assert_string_not_equal(s, "unknown error");
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(s, wb_strerror(codes[j]));
    }
    assert_string_equal(wb_strerror(-1000), "unknown error");
    assert_string_equal(wb_strerror(7), "unknown error");
}

static void test_errors__codes_are_stable(void **state)
{
    (void)state;
    /* Bindings and saved logs depend on these values. */
    assert_int_equal(WB_OK, 0);
    assert_int_equal(WB_ERROR, -1);
    assert_int_equal(WB_EINVAL, -2);
    assert_int_equal(WB_ENOMEM, -3);
    assert_int_equal(WB_EIO, -4);
    assert_int_equal(WB_ENOTFOUND, -5);
    assert_int_equal(WB_EPARSE, -6);
    assert_int_equal(WB_ESCHEMA, -7);
    assert_int_equal(WB_EREGEX, -8);
    assert_int_equal(WB_ECOVERAGE, -9);
}

static void test_errors__version_matches_headers(void **state)
{
    (void)state;
    assert_int_equal(wb_version(), WB_VERSION_NUMBER);
    assert_string_equal(wb_version_string(), WB_VERSION_STRING);
    char expect[32];
    snprintf(expect, sizeof(expect), "%d.%d.%d", WB_VERSION_MAJOR,
             WB_VERSION_MINOR, WB_VERSION_PATCH);
    assert_string_equal(WB_VERSION_STRING, expect);
    assert_true(WB_VERSION_AT_LEAST(0, 0, 0));
    assert_true(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR, WB_VERSION_MINOR,
                                    WB_VERSION_PATCH));
    assert_false(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR, WB_VERSION_MINOR,
                                     WB_VERSION_PATCH + 1));
    assert_false(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR + 1, 0, 0));
}

static void test_errors__points_format_halves(void **state)
{
    (void)state;
    char buf[WB_POINTS_STRLEN];
    struct { int halves; const char *text; } cases[] = {
        { 0, "0" }, { 1, "0.5" }, { 2, "1" }, { 3, "1.5" }, { 4, "2" },
        { 200, "100" }, { -1, "-0.5" }, { -4, "-2" },
        { INT_MAX, "1073741823.5" }, { INT_MIN, "-1073741824" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(wb_points_format(buf, cases[i].halves), WB_OK);
        assert_string_equal(buf, cases[i].text);
    }
    assert_int_equal(wb_points_format(NULL, 2), WB_EINVAL);
}

static void expect_einval(int rc, const wb_error *err)
{
    assert_int_equal(rc, WB_EINVAL);
    assert_int_equal(err->code, WB_EINVAL);
    assert_non_null(strstr(err->message, "invalid argument"));
}

static void test_errors__null_arguments_give_einval(void **state)
{
    (void)state;
    wb_error err;
    wb_rubric *r = (wb_rubric *)&err;   /* must be reset to NULL on failure */
    wb_diagnostics *d = NULL;

    wb_error_clear(&err);
    expect_einval(wb_rubric_open_default(NULL, &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_file(&r, NULL, &err), &err);
    assert_null(r);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_file(NULL, "x.xml", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_buffer(&r, NULL, 3, "b", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_file(&d, NULL, &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_file(NULL, "x.xml", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_buffer(&d, NULL, 0, NULL, &err), &err);

    const wb_item *it = (const wb_item *)&err;
    const wb_unit *u = (const wb_unit *)&err;
    wb_error_clear(&err);
    expect_einval(wb_rubric_find_item(&it, NULL, "2.3", &err), &err);
    assert_null(it);
    wb_error_clear(&err);
    expect_einval(wb_rubric_find_unit(&u, NULL, "市公安局", &err), &err);
    assert_null(u);

    /* err itself may be NULL. */
    assert_int_equal(wb_rubric_open_default(NULL, NULL), WB_EINVAL);
}

static void test_errors__getters_accept_null_and_out_of_range(void **state)
{
    (void)state;
    assert_int_equal(wb_rubric_standard_count(NULL), 0);
    assert_null(wb_rubric_standard_at(NULL, 0));
    assert_null(wb_rubric_category_at(NULL, 0));
    assert_null(wb_item_id(NULL));
    assert_null(wb_item_unit_at(NULL, 0));
    assert_null(wb_unit_name(NULL));
    assert_int_equal(wb_diagnostics_count(NULL), 0);
    assert_null(wb_diagnostics_at(NULL, 0));
    assert_null(wb_diagnostic_message(NULL, WB_LANG_EN));
    wb_rubric_free(NULL);
    wb_diagnostics_free(NULL);
    wb_free(NULL);

    wb_rubric *r;
    assert_int_equal(wb_rubric_open_default(&r, NULL), WB_OK);
    size_t n = wb_rubric_standard_count(r);
    assert_null(wb_rubric_standard_at(r, n));
    assert_null(wb_rubric_standard_at(r, (size_t)-1));
    assert_null(wb_rubric_veto_at(r, wb_rubric_veto_count(r)));
    assert_null(wb_rubric_category_at(r, wb_rubric_category_count(r)));
    assert_null(wb_rubric_unit_at(r, wb_rubric_unit_count(r)));
    const wb_category *c = wb_rubric_category_at(r, 0);
    assert_null(wb_category_topic_at(c, wb_category_topic_count(c)));
    assert_null(wb_category_standard_at(c, wb_category_standard_count(c)));
    const wb_item *it = wb_rubric_standard_at(r, 0);
    assert_null(wb_item_unit_at(it, wb_item_unit_count(it)));
    assert_null(wb_item_unit_spelling_at(it, wb_item_unit_count(it)));
    wb_rubric_free(r);
}

static void test_errors__check_table_is_complete(void **state)
{
    (void)state;
    assert_true(wb_check_count() >= 13);
    for (size_t i = 0; i < wb_check_count(); i++) {
        const char *id = wb_check_id_at(i);
        assert_non_null(id);
        assert_non_null(wb_check_summary(id, WB_LANG_EN));
        assert_non_null(wb_check_summary(id, WB_LANG_ZH));
        assert_string_not_equal(wb_check_summary(id, WB_LANG_EN),
                                wb_check_summary(id, WB_LANG_ZH));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(id, wb_check_id_at(j));
    }
    assert_null(wb_check_id_at(wb_check_count()));
    assert_null(wb_check_summary("no-such-rule", WB_LANG_EN));
    assert_int_equal(wb_check_severity("rubric-repeated-unit"), WB_SEVERITY_WARNING);
    assert_int_equal(wb_check_severity("rubric-duplicate-id"), WB_SEVERITY_ERROR);
    assert_string_equal(wb_severity_name(WB_SEVERITY_ERROR), "error");
    assert_string_equal(wb_severity_name(WB_SEVERITY_WARNING), "warning");
    assert_string_equal(wb_severity_name(WB_SEVERITY_NOTE), "note");
}

/* docs/checks.md has a section for every rule id, and no other. */
static void test_errors__every_check_is_documented(void **state)
{
    (void)state;
    FILE *f = fopen(WB_SOURCE_DIR "/docs/checks.md", "rb");
    assert_non_null(f);
    static char doc[65536];
    size_t n = fread(doc, 1, sizeof(doc) - 1, f);
    fclose(f);
    doc[n] = '\0';
    size_t sections = 0;
    for (const char *p = doc; (p = strstr(p, "\n## ")) != NULL; p++)
        sections++;
    assert_int_equal(sections, wb_check_count());
    for (size_t i = 0; i < wb_check_count(); i++) {
        char heading[128];
        snprintf(heading, sizeof(heading), "\n## %s\n", wb_check_id_at(i));
        if (strstr(doc, heading) == NULL)
            fail_msg("docs/checks.md has no section for %s", wb_check_id_at(i));
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_errors__clear_zeroes_every_field),
    cmocka_unit_test(test_errors__strerror_names_every_code),
    cmocka_unit_test(test_errors__codes_are_stable),
    cmocka_unit_test(test_errors__version_matches_headers),
    cmocka_unit_test(test_errors__points_format_halves),
    cmocka_unit_test(test_errors__null_arguments_give_einval),
    cmocka_unit_test(test_errors__getters_accept_null_and_out_of_range),
    cmocka_unit_test(test_errors__check_table_is_complete),
    cmocka_unit_test(test_errors__every_check_is_documented),
};

WB_TEST_MAIN("errors", tests)
