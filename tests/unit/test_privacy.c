/*
 * test_privacy.c - the privacy scan of free text: each kind of personal
 * data found at its line and column, identity numbers of minors and
 * adults at the 18th birthday, Luhn, phone forms, names near case words,
 * masks in every message and in redacted text, extra patterns that do
 * not compile or backtrack without end, invalid UTF-8, text that is not
 * NUL-terminated, and one scanner shared by several threads.
 *
 * Identity numbers are made up with right check characters (GB 11643):
 * 110105199001011232 (born 1990-01-01), 110105200811290021 (born
 * 2008-11-29: a minor through 2026-11-29), 110105200811300015 (born
 * 2008-11-30).
 */
#include "runner.h"

#include <pthread.h>
#include <stdlib.h>
#include <weibao/weibao.h>

#define ADULT_ID "110105199001011232"
#define BIRTHDAY_ID "110105200811290021"
#define MINOR_ID "110105200811300015"
#define CARD_19 "6222021234567890128"   /* Luhn-valid */
#define CARD_16 "6225880123456783"      /* Luhn-valid */
#define NOT_CARD "6225880123456784"     /* the same, last digit off */

static wb_date D(const char *iso)
{
    wb_date d;
    if (wb_date_parse(&d, iso, NULL) != WB_OK)
        fail_msg("bad test date %s", iso);
    return d;
}

/* A scanner as of a date (NULL: no age rule), with extra patterns. */
static wb_privacy_scanner *scanner(const char *as_of, const char *const *extra)
{
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    if (as_of != NULL) {
        o.as_of = D(as_of);
        o.has_as_of = 1;
    }
    o.extra_patterns = extra;
    wb_privacy_scanner *s = NULL;
    wb_error err;
    if (wb_privacy_scanner_new(&s, &o, &err) != WB_OK)
        fail_msg("scanner: %s", err.message);
    return s;
}

static wb_diagnostics *scan_with(const wb_privacy_scanner *s, const char *text)
{
    wb_diagnostics *d = NULL;
    wb_error err;
    if (wb_privacy_scan(&d, s, text, strlen(text), "note.txt", 1, &err) != WB_OK)
        fail_msg("scan: %s", err.message);
    assert_non_null(d);
    return d;
}

/* The findings of a rule, counted; the first of them in *first. */
static size_t count_rule(const wb_diagnostics *d, const char *rule, const wb_diagnostic **first)
{
    size_t n = 0;
    if (first != NULL)
        *first = NULL;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const wb_diagnostic *x = wb_diagnostics_at(d, i);
        if (strcmp(wb_diagnostic_rule(x), rule) == 0) {
            if (n == 0 && first != NULL)
                *first = x;
            n++;
        }
    }
    return n;
}

/* The one finding of a rule. */
static const wb_diagnostic *only(const wb_diagnostics *d, const char *rule)
{
    const wb_diagnostic *x = NULL;
    size_t n = count_rule(d, rule, &x);
    if (n != 1)
        fail_msg("%zu findings of %s, expected 1", n, rule);
    return x;
}

static void assert_place(const wb_diagnostic *x, int line, int column)
{
    assert_non_null(x);
    if (wb_diagnostic_line(x) != line || wb_diagnostic_column(x) != column)
        fail_msg("%s at %d:%d, expected %d:%d (%s)", wb_diagnostic_rule(x),
                 wb_diagnostic_line(x), wb_diagnostic_column(x), line, column,
                 wb_diagnostic_message(x, WB_LANG_EN));
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (strstr(haystack, needle) == NULL)
        fail_msg("'%s' does not contain '%s'", haystack, needle);
}

/* ------------------------------------------------------------ finding */

static void test_privacy__finds_each_kind_with_line_and_column(void **state)
{
    (void)state;
    const char *extra[] = { "机密", NULL };
    wb_privacy_scanner *s = scanner("2026-11-29", extra);
    const char *text =
        "第一行没有个人信息\n"
        "身份证号" ADULT_ID ",电话13812345678\n"
        "卡号" CARD_19 "。\n"
        "被害人张小明,联系人010-12345678\n"
        "This is 机密.\n";
    wb_diagnostics *d = scan_with(s, text);
    assert_int_equal(wb_diagnostics_count(d), 6);
    /* Columns count code points: 身份证号 is 4 of them, not 12 bytes. */
    assert_place(only(d, "privacy-id-number"), 2, 5);
    assert_int_equal(count_rule(d, "privacy-phone", NULL), 2);
    assert_place(wb_diagnostics_at(d, 1), 2, 26);
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 1)), "privacy-phone");
    assert_place(only(d, "privacy-bank-card"), 3, 3);
    assert_place(only(d, "privacy-name-case"), 4, 4);
    assert_place(wb_diagnostics_at(d, 4), 4, 11);
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(d, 4)), "privacy-phone");
    assert_place(only(d, "privacy-pattern"), 5, 9);
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const wb_diagnostic *x = wb_diagnostics_at(d, i);
        assert_string_equal(wb_diagnostic_file(x), "note.txt");
        assert_int_equal(wb_diagnostic_severity(x), WB_SEVERITY_WARNING);
        assert_int_equal(wb_check_severity(wb_diagnostic_rule(x)), WB_SEVERITY_WARNING);
    }
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* LF, CRLF and CR alone each end a line: the places are the same. */
static void test_privacy__every_line_end_counts(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner("2026-11-29", NULL);
    const char *const texts[] = {
        "第一行\n电话13812345678\n\n身份证号" ADULT_ID "\n",
        "第一行\r\n电话13812345678\r\n\r\n身份证号" ADULT_ID "\r\n",
        "第一行\r电话13812345678\r\r身份证号" ADULT_ID "\r",
        "第一行\r\n电话13812345678\r\r\n身份证号" ADULT_ID "\n",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        wb_diagnostics *d = scan_with(s, texts[i]);
        assert_place(only(d, "privacy-phone"), 2, 3);
        assert_place(only(d, "privacy-id-number"), 4, 5);
        wb_diagnostics_free(d);
    }
    wb_privacy_scanner_free(s);
}

static void test_privacy__first_line_and_default_name(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    const char *text = "a\nb 13812345678";
    wb_diagnostics *d = NULL;
    assert_int_equal(wb_privacy_scan(&d, s, text, strlen(text), NULL, 41, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 1);
    assert_place(wb_diagnostics_at(d, 0), 42, 3);
    assert_string_equal(wb_diagnostic_file(wb_diagnostics_at(d, 0)), "<text>");
    wb_diagnostics_free(d);
    /* A first line below 1 counts as 1. */
    assert_int_equal(wb_privacy_scan(&d, s, text, strlen(text), "x", 0, NULL), WB_OK);
    assert_place(wb_diagnostics_at(d, 0), 2, 3);
    wb_diagnostics_free(d);
    /* Nothing to find: an empty list, still the caller's. */
    assert_int_equal(wb_privacy_scan(&d, s, "", 0, "x", 1, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    assert_int_equal(wb_privacy_scan(&d, s, NULL, 0, "x", 1, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* --------------------------------------------------- identity numbers */

static void test_privacy__minor_is_an_error_adult_a_warning(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner("2026-11-29", NULL);
    wb_diagnostics *d = scan_with(s, "成年人 " ADULT_ID "\n未成年人 " MINOR_ID "\n");
    assert_int_equal(count_rule(d, "privacy-id-number", NULL), 2);
    const wb_diagnostic *adult = wb_diagnostics_at(d, 0), *minor = wb_diagnostics_at(d, 1);
    assert_int_equal(wb_diagnostic_severity(adult), WB_SEVERITY_WARNING);
    assert_string_equal(wb_diagnostic_message(adult, WB_LANG_EN),
                        "identity number 110105********1232 in free text");
    assert_string_equal(wb_diagnostic_message(adult, WB_LANG_ZH),
                        "文本中有公民身份号码 110105********1232");
    assert_int_equal(wb_diagnostic_severity(minor), WB_SEVERITY_ERROR);
    assert_place(minor, 2, 6);
    assert_string_equal(wb_diagnostic_message(minor, WB_LANG_EN),
                        "identity number 110105********0015 (a minor on 2026-11-29) in free text");
    assert_string_equal(wb_diagnostic_message(minor, WB_LANG_ZH),
                        "文本中有公民身份号码 110105********0015(于 2026-11-29 为未成年人)");
    assert_int_equal(wb_diagnostics_count_at_least(d, WB_SEVERITY_ERROR), 1);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* Born 2008-11-29: a minor through the 18th birthday (18 周岁 is reached
   the day after it, Civil Code art. 201), an adult the day after. */
static void test_privacy__eighteenth_birthday_boundary(void **state)
{
    (void)state;
    static const struct {
        const char *as_of;
        wb_severity severity;
    } cases[] = {
        { "2026-11-28", WB_SEVERITY_ERROR },
        { "2026-11-29", WB_SEVERITY_ERROR },
        { "2026-11-30", WB_SEVERITY_WARNING },
        { NULL, WB_SEVERITY_WARNING },   /* no as-of date: no age rule */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        wb_privacy_scanner *s = scanner(cases[i].as_of, NULL);
        wb_diagnostics *d = scan_with(s, "号码:" BIRTHDAY_ID);
        const wb_diagnostic *x = only(d, "privacy-id-number");
        if (wb_diagnostic_severity(x) != cases[i].severity)
            fail_msg("as of %s: %s", cases[i].as_of ? cases[i].as_of : "(none)",
                     wb_diagnostic_message(x, WB_LANG_EN));
        wb_diagnostics_free(d);
        wb_privacy_scanner_free(s);
    }
    /* Born on 29 February 2012: the 18th birthday is 28 February 2030
       (Civil Code art. 202), so an adult from 1 March. */
    const char *leap = "440304201202290056";
    wb_privacy_scanner *before = scanner("2030-02-28", NULL), *on = scanner("2030-03-01", NULL);
    wb_diagnostics *d1 = scan_with(before, leap), *d2 = scan_with(on, leap);
    assert_int_equal(wb_diagnostic_severity(only(d1, "privacy-id-number")), WB_SEVERITY_ERROR);
    assert_int_equal(wb_diagnostic_severity(only(d2, "privacy-id-number")), WB_SEVERITY_WARNING);
    wb_diagnostics_free(d1);
    wb_diagnostics_free(d2);
    wb_privacy_scanner_free(before);
    wb_privacy_scanner_free(on);
}

static void test_privacy__wrong_check_character_is_not_an_id(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner("2026-11-29", NULL);
    /* The right one ends in 1; 2 and X are wrong. */
    wb_diagnostics *d = scan_with(s, "甲 110105200811290022 乙 11010520081129002X 丙 " BIRTHDAY_ID);
    const wb_diagnostic *x = NULL;
    assert_int_equal(count_rule(d, "privacy-id-number", &x), 1);
    assert_place(x, 1, 45);
    wb_diagnostics_free(d);
    /* Inside a longer run of digits, not an identity number either. */
    d = scan_with(s, "9" BIRTHDAY_ID " " BIRTHDAY_ID "7");
    assert_int_equal(count_rule(d, "privacy-id-number", NULL), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* Old 15-digit numbers (19YYMMDD) and full-width digits are found too. */
static void test_privacy__old_numbers_and_full_width_digits(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner("2026-11-29", NULL);
    wb_diagnostics *d = scan_with(s, "旧号 110105900101123,全角 １１０１０５２００８１１３０００１５,"
                                     "手机 １３８１２３４５６７８");
    assert_int_equal(wb_diagnostics_count(d), 3);
    const wb_diagnostic *old = wb_diagnostics_at(d, 0), *wide = wb_diagnostics_at(d, 1);
    assert_string_equal(wb_diagnostic_message(old, WB_LANG_EN),
                        "identity number 110105*****1123 (old 15-digit form) in free text");
    assert_int_equal(wb_diagnostic_severity(old), WB_SEVERITY_WARNING);
    assert_place(wide, 1, 23);
    assert_int_equal(wb_diagnostic_severity(wide), WB_SEVERITY_ERROR);
    assert_contains(wb_diagnostic_message(wide, WB_LANG_EN), "110105********0015");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 2), WB_LANG_EN),
                        "mobile phone number 138****5678 in free text");
    wb_diagnostics_free(d);
    /* A 15-digit run whose date does not exist is not an identity number. */
    d = scan_with(s, "订单 110105901301123");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* -------------------------------------------------- cards and phones */

static void test_privacy__bank_cards_need_luhn(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    wb_diagnostics *d = scan_with(s, "卡 " CARD_19 " 卡 " CARD_16 " 错 " NOT_CARD
                                     " 长 " CARD_16 "0000 身份 " ADULT_ID);
    assert_int_equal(count_rule(d, "privacy-bank-card", NULL), 2);
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_EN),
                        "bank card number ***************0128 in free text");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 1), WB_LANG_ZH),
                        "文本中有银行卡号 ************6783");
    assert_place(wb_diagnostics_at(d, 1), 1, 25);
    /* The identity number is one, not a card. */
    assert_int_equal(count_rule(d, "privacy-id-number", NULL), 1);
    assert_int_equal(wb_diagnostics_count(d), 3);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* A number inside a run of letters is a serial or a hash, not personal
   data; a number beside Chinese text or punctuation is one. */
static void test_privacy__serials_and_hashes_are_not_numbers(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    wb_diagnostics *d = scan_with(s, "A" CARD_19 " " CARD_16 "b 13812345678X "
                                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 "
                                     "9f" ADULT_ID "c sha256:4444333322221111000099998888777766665555aaaa\n");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    d = scan_with(s, "卡号" CARD_19 "。电话13812345678,身份证(" ADULT_ID ")");
    assert_int_equal(count_rule(d, "privacy-bank-card", NULL), 1);
    assert_int_equal(count_rule(d, "privacy-phone", NULL), 1);
    assert_int_equal(count_rule(d, "privacy-id-number", NULL), 1);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

static void test_privacy__phone_forms(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *mask;   /* NULL: not a phone number */
    } cases[] = {
        { "13812345678", "138****5678" },
        { "138 1234 5678", "138****5678" },
        { "138-1234-5678", "138****5678" },
        { "+86 13912345678", "+86 139****5678" },
        { "+8613912345678", "+86139****5678" },
        { "１３８１２３４５６７８", "138****5678" },
        { "010-12345678", "010-******78" },
        { "0755 1234567", "0755 *****67" },
        { "02112345678", "021******78" },
        { "075512345678", "0755******78" },
        { "12345678901", NULL },      /* 12: no mobile prefix */
        { "1381234567", NULL },       /* 10 digits */
        { "138123456789", NULL },     /* 12 digits */
        { "0123456789", NULL },       /* 012 is no area code */
        { "2026-11-29", NULL },
    };
    wb_privacy_scanner *s = scanner(NULL, NULL);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[128];
        snprintf(text, sizeof(text), "电话:%s。", cases[i].text);
        wb_diagnostics *d = scan_with(s, text);
        if (cases[i].mask == NULL) {
            if (wb_diagnostics_count(d) != 0)
                fail_msg("%s: %s", cases[i].text,
                         wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_EN));
        } else {
            const wb_diagnostic *x = only(d, "privacy-phone");
            assert_place(x, 1, 4);
            assert_contains(wb_diagnostic_message(x, WB_LANG_EN), cases[i].mask);
            assert_contains(wb_diagnostic_message(x, WB_LANG_ZH), cases[i].mask);
        }
        wb_diagnostics_free(d);
    }
    wb_privacy_scanner_free(s);
}

/*
 * Numbers written in groups, as forms and exports print them: found,
 * checked (check character, Luhn, minor on the as-of date) and masked as
 * the plain ones are; dates, years and lists of counts are not numbers.
 */
static void test_privacy__grouped_numbers(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *rule;   /* NULL: nothing found */
        const char *mask;
        wb_severity severity;
        const char *redacted;   /* NULL: the mask alone */
    } cases[] = {
        { "110105 2008 1130 0015", "privacy-id-number", "110105********0015",
          WB_SEVERITY_ERROR, NULL },
        { "110105-20081130-0015", "privacy-id-number", "110105********0015",
          WB_SEVERITY_ERROR, NULL },
        { "110105\u300020081130\u30000015", "privacy-id-number", "110105********0015",
          WB_SEVERITY_ERROR, NULL },
        { "110105 19900101 1232", "privacy-id-number", "110105********1232",
          WB_SEVERITY_WARNING, NULL },
        { "1101 0519 9001 0112 32", "privacy-id-number", "110105********1232",
          WB_SEVERITY_WARNING, NULL },
        { "110105 1990-0101 1232", "privacy-id-number", "110105********1232",
          WB_SEVERITY_WARNING, NULL },
        { "110105 900101 123", "privacy-id-number", "110105*****1123", WB_SEVERITY_WARNING, NULL },
        { "6222 0212 3456 7890 128", "privacy-bank-card", "***************0128",
          WB_SEVERITY_WARNING, NULL },
        { "6225-8801-2345-6783", "privacy-bank-card", "************6783",
          WB_SEVERITY_WARNING, NULL },
        { "6225\u30008801\u30002345\u30006783", "privacy-bank-card", "************6783",
          WB_SEVERITY_WARNING, NULL },
        { "138\u30001234\u30005678", "privacy-phone", "138****5678", WB_SEVERITY_WARNING, NULL },
        { "0755\u30001234567", "privacy-phone", "0755 *****67", WB_SEVERITY_WARNING, NULL },
        /* An identity number whatever is around it; a card after words. */
        { "110105 2008 1130 0015 2008年生", "privacy-id-number", "110105********0015",
          WB_SEVERITY_ERROR, "110105********0015 2008年生" },
        { "1 110105-20081130-0015", "privacy-id-number", "110105********0015",
          WB_SEVERITY_ERROR, "1 110105********0015" },
        { "6222 0212 3456 7890 128 2026年", "privacy-bank-card", "***************0128",
          WB_SEVERITY_WARNING, "***************0128 2026年" },
        { "6225 8801 2345 6783 2026年", "privacy-bank-card", "************6783",
          WB_SEVERITY_WARNING, "************6783 2026年" },
        /* Checked as the plain ones are. */
        { "110105 2008 1130 0016", NULL, NULL, 0, NULL },        /* check character */
        { "110105 2008 1131 0015", NULL, NULL, 0, NULL },        /* 31 November */
        { "6225 8801 2345 6784", NULL, NULL, 0, NULL },          /* Luhn */
        { "6225 8801-2345 6783", NULL, NULL, 0, NULL },          /* mixed separators */
        /* Dates, years, counts. */
        { "2015-03-07 2015-03-08", NULL, NULL, 0, NULL },
        { "2015 0307 2016 0308", NULL, NULL, 0, NULL },
        { "2019 2020 2021 2022", NULL, NULL, 0, NULL },
        { "1234 5678 9012 3456 7890", NULL, NULL, 0, NULL },
        { "1 6225 8801 2345 6783", NULL, NULL, 0, NULL },            /* a list */
        { "6225 8801 2345 6783 1200 3400", NULL, NULL, 0, NULL },    /* a list */
        { "3000 4000 5000 6000", NULL, NULL, 0, NULL },
        { "12 34 56 78 90 12 34 56 78", NULL, NULL, 0, NULL },
        { "2026年3月1日 8:30 1200 人", NULL, NULL, 0, NULL },
    };
    wb_privacy_scanner *s = scanner("2026-11-29", NULL);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[128];
        snprintf(text, sizeof(text), "号码:%s。", cases[i].text);
        wb_diagnostics *d = scan_with(s, text);
        if (cases[i].rule == NULL) {
            if (wb_diagnostics_count(d) != 0)
                fail_msg("%s: %s", cases[i].text,
                         wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_EN));
            wb_diagnostics_free(d);
            continue;
        }
        if (wb_diagnostics_count(d) != 1)
            fail_msg("%s: %zu findings", cases[i].text, wb_diagnostics_count(d));
        const wb_diagnostic *x = only(d, cases[i].rule);
        assert_place(x, 1, cases[i].text[0] == '1' && cases[i].text[1] == ' ' ? 6 : 4);
        assert_int_equal(wb_diagnostic_severity(x), cases[i].severity);
        assert_contains(wb_diagnostic_message(x, WB_LANG_EN), cases[i].mask);
        assert_contains(wb_diagnostic_message(x, WB_LANG_ZH), cases[i].mask);
        wb_diagnostics_free(d);

        char *out = NULL;
        assert_int_equal(wb_privacy_redact(&out, NULL, s, text, strlen(text), NULL), WB_OK);
        char expected[128];
        snprintf(expected, sizeof(expected), "号码:%s。",
                 cases[i].redacted != NULL ? cases[i].redacted : cases[i].mask);
        assert_string_equal(out, expected);
        wb_free(out);
    }
    wb_privacy_scanner_free(s);
}

/* -------------------------------------------------------------- names */

static void test_privacy__name_needs_a_case_word_nearby(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    wb_diagnostics *d = scan_with(s, "学生王小明遭受猥亵。");
    const wb_diagnostic *x = only(d, "privacy-name-case");
    assert_place(x, 1, 3);
    assert_string_equal(wb_diagnostic_message(x, WB_LANG_EN),
                        "the name 王** near the case word '猥亵' in free text");
    assert_string_equal(wb_diagnostic_message(x, WB_LANG_ZH),
                        "文本中有姓名 王**(邻近涉案词“猥亵”)");
    wb_diagnostics_free(d);
    /* The same name with no case word, or one more than 20 characters away. */
    d = scan_with(s, "学生王小明获得表彰。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    d = scan_with(s, "学生王小明获得表彰,并在全校大会上作为代表发言介绍经验。上月一案涉及猥亵。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    /* Nor on another line. */
    d = scan_with(s, "学生王小明获得表彰。\n猥亵案件已移送。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    /* A name before the case word, a compound surname, anonymised forms. */
    d = scan_with(s, "欧阳晓被拐卖;张某被猥亵;王某某系犯罪嫌疑人。");
    x = only(d, "privacy-name-case");
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "欧阳* near the case word '拐卖'");
    wb_diagnostics_free(d);
    /* A surname inside a word (实施, 措施) starts no name; one after a
       word that introduces a person, a case word or punctuation does. */
    d = scan_with(s, "对未成年人实施侮辱、诽谤、猥亵的,依法处理;落实措施王法。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    d = scan_with(s, "被害人李小红,女儿赵丽遭猥亵;猥亵孙强。失联的周敏被拐卖。");
    assert_int_equal(count_rule(d, "privacy-name-case", NULL), 4);
    wb_diagnostics_free(d);
    /* CJK punctuation is no part of a name (PCRE2's \p{Han} would take
       。 in by its script extensions). */
    char *red = NULL;
    assert_int_equal(wb_privacy_redact(&red, NULL, s, "猥亵孙强。失联", strlen("猥亵孙强。失联"),
                                       NULL), WB_OK);
    assert_string_equal(red, "猥亵孙*。失联");
    wb_free(red);
    wb_privacy_scanner_free(s);

    /* A caller's own case words replace the built-in list. */
    const char *words[] = { "涉毒", NULL };
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.case_words = words;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, NULL), WB_OK);
    d = scan_with(s, "学生王小明遭受猥亵。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    d = scan_with(s, "另:李四涉毒。");
    x = only(d, "privacy-name-case");
    assert_place(x, 1, 3);
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "李* near the case word '涉毒'");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    /* An empty list: no name is looked for. */
    const char *none[] = { NULL };
    o.case_words = none;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, NULL), WB_OK);
    d = scan_with(s, "学生王小明遭受猥亵。");
    assert_int_equal(wb_diagnostics_count(d), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* ------------------------------------------------------------ masking */

static const char all_kinds[] =
    "被害人张小明," ADULT_ID ",母亲手机13812345678,卡" CARD_19 ",座机0755-1234567;"
    "王小红遭受猥亵,身份证" MINOR_ID ",编号SECRET-42。\n";

static void test_privacy__every_message_is_masked(void **state)
{
    (void)state;
    const char *extra[] = { "SECRET-[0-9]+", NULL };
    wb_privacy_scanner *s = scanner("2026-11-29", extra);
    wb_diagnostics *d = scan_with(s, all_kinds);
    assert_int_equal(wb_diagnostics_count(d), 8);
    static const char *const secrets[] = {
        ADULT_ID, MINOR_ID, "13812345678", CARD_19, "1234567", "小明", "小红",
        "SECRET", "42", "11010519900101", "200811300015", "12345678", "0212345678901",
    };
    for (size_t i = 0; i < wb_diagnostics_count(d); i++)
        for (int lang = 0; lang < 2; lang++) {
            const char *m = wb_diagnostic_message(wb_diagnostics_at(d, i), (wb_lang)lang);
            for (size_t k = 0; k < sizeof(secrets) / sizeof(secrets[0]); k++)
                if (strstr(m, secrets[k]) != NULL)
                    fail_msg("'%s' shows '%s'", m, secrets[k]);
        }
    assert_contains(wb_diagnostic_message(only(d, "privacy-pattern"), WB_LANG_EN), "(*********)");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

static void test_privacy__redact_masks_and_keeps_the_rest(void **state)
{
    (void)state;
    const char *extra[] = { "SECRET-[0-9]+", NULL };
    wb_privacy_scanner *s = scanner("2026-11-29", extra);
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(wb_privacy_redact(&out, &out_len, s, all_kinds, strlen(all_kinds), NULL),
                     WB_OK);
    const char *expected =
        "被害人张**,110105********1232,母亲手机138****5678,卡***************0128,"
        "座机0755-*****67;王**遭受猥亵,身份证110105********0015,编号*********。\n";
    assert_string_equal(out, expected);
    assert_int_equal(out_len, strlen(expected));
    wb_free(out);

    /* Nothing found: the same bytes, NULs and invalid UTF-8 included. */
    static const char plain[] = "no data\0here \xff\xfe 12345";
    assert_int_equal(wb_privacy_redact(&out, &out_len, s, plain, sizeof(plain) - 1, NULL), WB_OK);
    assert_int_equal(out_len, sizeof(plain) - 1);
    assert_memory_equal(out, plain, sizeof(plain) - 1);
    assert_int_equal(out[out_len], '\0');
    wb_free(out);

    /* An extra pattern over a number: masked whole, never half-shown. */
    const char *wide[] = { "手机[0-9]+", NULL };
    wb_privacy_scanner *s2 = scanner(NULL, wide);
    const char *both = "手机13812345678!";
    assert_int_equal(wb_privacy_redact(&out, NULL, s2, both, strlen(both), NULL), WB_OK);
    assert_string_equal(out, "*************!");
    wb_free(out);
    wb_privacy_scanner_free(s2);
    wb_privacy_scanner_free(s);
}

/* A pattern that reaches over a cell's comma, a line break or a tag:
   what lies between is masked, the separators stay, so a CSV keeps its
   columns, a text its lines, markup its tags. */
static void test_privacy__redact_keeps_separators_and_line_breaks(void **state)
{
    (void)state;
    const char *extra[] = { "学籍号.{0,12}", "住址[\\s\\S]{0,6}", "<b>[^<]*</b>", NULL };
    wb_privacy_scanner *s = scanner(NULL, extra);
    static const char text[] =
        "编号,备注,日期\n"
        "1,学籍号G12,2026-01-01\n"
        "2,\"住址\r\n北京\",x\n"
        "<p><b>张三</b></p>\n";
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(wb_privacy_redact(&out, &n, s, text, sizeof(text) - 1, NULL), WB_OK);
    assert_string_equal(out, "编号,备注,日期\n"
                             "1,******,********01\n"
                             "2,\"**\r\n**\",x\n"
                             "<p><*>**<**></p>\n");
    assert_int_equal(n, strlen(out));
    wb_free(out);
    wb_privacy_scanner_free(s);
}

/* -------------------------------------------------------- extra patterns */

static void test_privacy__bad_extra_pattern_is_eregex(void **state)
{
    (void)state;
    const char *extra[] = { "ok", "ab(c", NULL };
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.extra_patterns = extra;
    wb_privacy_scanner *s = (wb_privacy_scanner *)&o;   /* must be reset */
    wb_error err;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, &err), WB_EREGEX);
    assert_null(s);
    assert_int_equal(err.code, WB_EREGEX);
    assert_contains(err.message, "extra pattern 2");
    assert_contains(err.message, "offset 4");
    assert_contains(err.message, "missing closing parenthesis");
    assert_int_equal(err.column, 5);
    /* The column counts code points: the offset is in bytes. */
    const char *han[] = { "案件(", NULL };
    o.extra_patterns = han;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, &err), WB_EREGEX);
    assert_contains(err.message, "extra pattern 1");
    assert_contains(err.message, "offset 7");
    assert_int_equal(err.column, 4);
}

/* Names of extra patterns (a rule pack's "title (id)") in the messages;
   a pattern without one keeps its number. Names are copied, and cut at
   256 bytes between characters. */
static void test_privacy__extra_pattern_names_in_messages(void **state)
{
    (void)state;
    const char *extra[] = { "G[0-9]{18}", "SECRET-[0-9]+", "床[0-9]{3}", NULL };
    char long_name[400];
    memset(long_name, 0, sizeof(long_name));
    for (size_t i = 0; i + 3 < sizeof(long_name) - 1; i += 3)
        memcpy(long_name + i, "号", 3);   /* 133 characters, 399 bytes */
    char first[] = "学籍号 (school-no)";
    const char *names[] = { first, NULL, long_name };
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.extra_patterns = extra;
    o.extra_pattern_names = names;
    wb_privacy_scanner *s = NULL;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, NULL), WB_OK);
    memset(first, 'x', sizeof(first) - 1);   /* the scanner keeps its own copy */
    wb_diagnostics *d = scan_with(s, "G123456789012345678 SECRET-42 床101");
    assert_int_equal(count_rule(d, "privacy-pattern", NULL), 3);
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_EN),
                        "学籍号 (school-no) ******************* in free text");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_ZH),
                        "文本中有学籍号 (school-no) *******************");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(d, 1), WB_LANG_EN),
                        "text matching extra pattern 2 (*********) in free text");
    const char *m = wb_diagnostic_message(wb_diagnostics_at(d, 2), WB_LANG_EN);
    assert_int_equal(strlen(m), 255 + strlen(" **** in free text"));
    assert_int_equal(memcmp(m, long_name, 255), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

static void test_privacy__default_case_words(void **state)
{
    (void)state;
    const char *const *words = wb_privacy_default_case_words();
    assert_non_null(words);
    size_t n = 0;
    int victim = 0;
    for (; words[n] != NULL; n++)
        victim |= strcmp(words[n], "被害人") == 0;
    assert_true(n > 20);
    assert_true(victim);
    /* The list a scanner without case words uses. */
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.case_words = words;
    wb_privacy_scanner *s = NULL;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, NULL), WB_OK);
    wb_diagnostics *d = scan_with(s, "被害人张小明");
    assert_int_equal(count_rule(d, "privacy-name-case", NULL), 1);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

static void test_privacy__catastrophic_pattern_is_stopped(void **state)
{
    (void)state;
    const char *extra[] = { "(a+)+$", NULL };
    wb_privacy_scanner *s = scanner(NULL, extra);
    const char *text = "第一行\n"
                       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n"
                       "电话13812345678\n";
    wb_diagnostics *d = scan_with(s, text);
    const wb_diagnostic *x = only(d, "privacy-limit");
    assert_place(x, 2, 1);
    assert_int_equal(wb_diagnostic_severity(x), WB_SEVERITY_WARNING);
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "extra pattern 1 stopped here");
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "match limit of 1000000");
    /* The scan went on after it. */
    assert_place(only(d, "privacy-phone"), 3, 3);
    wb_diagnostics_free(d);

    /* Ten times: then the pattern is dropped for the rest of the text. */
    char many[2048] = "";
    for (int i = 0; i < 12; i++)
        strcat(many, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n");
    d = scan_with(s, many);
    assert_int_equal(count_rule(d, "privacy-limit", NULL), 10);
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 9), WB_LANG_EN),
                    "without this search for the rest of the text");
    wb_diagnostics_free(d);

    /* Redacting the same text stops as promptly and masks nothing. */
    char *out = NULL;
    assert_int_equal(wb_privacy_redact(&out, NULL, s, text, strlen(text), NULL), WB_OK);
    assert_contains(out, "aaaab\n电话138****5678\n");
    wb_free(out);
    wb_privacy_scanner_free(s);

    /* A smaller limit of the caller's own. */
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.extra_patterns = extra;
    o.match_limit = 5000;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, NULL), WB_OK);
    d = scan_with(s, "aaaaaaaaaaaaaaaaaaaaab");
    assert_contains(wb_diagnostic_message(only(d, "privacy-limit"), WB_LANG_ZH),
                    "达到匹配次数上限 5000");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* ------------------------------------------------------ odd input */

static void test_privacy__invalid_utf8_does_not_crash(void **state)
{
    (void)state;
    const char *extra[] = { "手机", NULL };
    wb_privacy_scanner *s = scanner(NULL, extra);
    /* Stray bytes, a cut sequence, a surrogate, an overlong '/': each
       counts as one column. */
    static const char text[] =
        "\xff\xfe手机13812345678\xe4\xb8\n"
        "\x80\x80\xed\xa0\x80\xc0\xaf卡" "6222021234567890128" "\xf0\x9f";
    wb_diagnostics *d = NULL;
    assert_int_equal(wb_privacy_scan(&d, s, text, sizeof(text) - 1, "bad.txt", 1, NULL), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 3);
    assert_place(only(d, "privacy-pattern"), 1, 3);
    assert_place(only(d, "privacy-phone"), 1, 5);
    assert_place(only(d, "privacy-bank-card"), 2, 9);
    wb_diagnostics_free(d);
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(wb_privacy_redact(&out, &n, s, text, sizeof(text) - 1, NULL), WB_OK);
    static const char expected[] =
        "\xff\xfe**138****5678\xe4\xb8\n"
        "\x80\x80\xed\xa0\x80\xc0\xaf卡***************0128\xf0\x9f";
    assert_int_equal(n, sizeof(expected) - 1);
    assert_memory_equal(out, expected, n);
    wb_free(out);
    /* Every byte value, in every position: no crash, no finding. */
    char noise[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof(noise); i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (char)(x >> 16 & 0xFF);
    }
    assert_int_equal(wb_privacy_scan(&d, s, noise, sizeof(noise), "noise", 1, NULL), WB_OK);
    wb_diagnostics_free(d);
    assert_int_equal(wb_privacy_redact(&out, &n, s, noise, sizeof(noise), NULL), WB_OK);
    wb_free(out);
    wb_privacy_scanner_free(s);
}

static void test_privacy__text_is_read_by_length(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    /* The digits past len are not part of the number: 11 digits, a mobile. */
    static const char longer[] = "13812345678999";
    wb_diagnostics *d = NULL;
    assert_int_equal(wb_privacy_scan(&d, s, longer, 11, "t", 1, NULL), WB_OK);
    assert_int_equal(count_rule(d, "privacy-phone", NULL), 1);
    wb_diagnostics_free(d);
    /* A NUL is a character like any other, and the scan goes past it. */
    static const char nul[] = "a\0b 13812345678";
    assert_int_equal(wb_privacy_scan(&d, s, nul, sizeof(nul) - 1, "t", 1, NULL), WB_OK);
    assert_place(only(d, "privacy-phone"), 1, 5);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
}

/* A text longer than one 64 KiB piece, and a single line longer than one:
   numbers near the cuts are found whole, once. */
static void test_privacy__long_text_and_long_line(void **state)
{
    (void)state;
    wb_privacy_scanner *s = scanner(NULL, NULL);
    size_t size = 300000;
    char *text = malloc(size + 1);
    assert_non_null(text);
    for (int with_lines = 0; with_lines < 2; with_lines++) {
        size_t n = 0, expected = 0;
        while (n + 40 < size) {
            const char *chunk = with_lines ? "一些文字 13812345678 一些文字\n"
                                           : "一些文字 13812345678 一些文字 ";
            size_t k = strlen(chunk);
            memcpy(text + n, chunk, k);
            n += k;
            expected++;
        }
        text[n] = '\0';
        wb_diagnostics *d = scan_with(s, text);
        assert_int_equal(count_rule(d, "privacy-phone", NULL), expected);
        assert_int_equal(wb_diagnostics_count(d), expected);
        const wb_diagnostic *last = wb_diagnostics_at(d, expected - 1);
        if (with_lines)
            assert_place(last, (int)expected, 6);
        else
            assert_place(last, 1, (int)(expected - 1) * 22 + 6);
        wb_diagnostics_free(d);
    }
    free(text);
    wb_privacy_scanner_free(s);
}

/* ------------------------------------------------------------ the API */

static void test_privacy__arguments_and_options(void **state)
{
    (void)state;
    wb_privacy_scanner *s = NULL;
    wb_diagnostics *d = NULL;
    char *out = NULL;
    wb_error err;
    assert_int_equal(wb_privacy_scanner_new(NULL, NULL, &err), WB_EINVAL);
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, &err), WB_EINVAL);
    assert_contains(err.message, "options->version");
    assert_null(s);
    /* Case words that are not UTF-8 make no pattern. */
    const char *bad_words[] = { "性侵", "\xff\xfe", NULL };
    o.version = WB_PRIVACY_OPTIONS_VERSION;
    o.case_words = bad_words;
    assert_int_equal(wb_privacy_scanner_new(&s, &o, &err), WB_EINVAL);
    assert_contains(err.message, "case words");
    assert_null(s);
    assert_int_equal(wb_privacy_scanner_new(&s, NULL, &err), WB_OK);
    assert_int_equal(wb_privacy_scan(NULL, s, "x", 1, "t", 1, &err), WB_EINVAL);
    assert_int_equal(wb_privacy_scan(&d, NULL, "x", 1, "t", 1, &err), WB_EINVAL);
    assert_null(d);
    assert_int_equal(wb_privacy_scan(&d, s, NULL, 1, "t", 1, &err), WB_EINVAL);
    assert_int_equal(wb_privacy_redact(NULL, NULL, s, "x", 1, &err), WB_EINVAL);
    assert_int_equal(wb_privacy_redact(&out, NULL, NULL, "x", 1, &err), WB_EINVAL);
    assert_int_equal(wb_privacy_redact(&out, NULL, s, NULL, 1, &err), WB_EINVAL);
    assert_null(out);
    assert_int_equal(wb_privacy_redact(&out, NULL, s, NULL, 0, &err), WB_OK);
    assert_string_equal(out, "");
    wb_free(out);
    wb_privacy_scanner_free(s);
    wb_privacy_scanner_free(NULL);
    /* Every rule id is in the table, at the severity documented. */
    static const char *const ids[] = { "privacy-id-number", "privacy-phone", "privacy-bank-card",
                                       "privacy-name-case", "privacy-pattern", "privacy-limit" };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        assert_non_null(wb_check_summary(ids[i], WB_LANG_EN));
        assert_int_equal(wb_check_severity(ids[i]), WB_SEVERITY_WARNING);
    }
}

/* ------------------------------------------------------------ threads */

typedef struct reader_args {
    const wb_privacy_scanner *s;
    const char *text;
    size_t found;
    int ok;
} reader_args;

static void *reader(void *p)
{
    reader_args *a = p;
    a->ok = 1;
    for (int round = 0; round < 50; round++) {
        wb_diagnostics *d = NULL;
        if (wb_privacy_scan(&d, a->s, a->text, strlen(a->text), "t", 1, NULL) != WB_OK)
            a->ok = 0;
        if (round == 0)
            a->found = wb_diagnostics_count(d);
        else if (a->found != wb_diagnostics_count(d))
            a->ok = 0;
        wb_diagnostics_free(d);
    }
    return NULL;
}

static void test_privacy__one_scanner_many_threads(void **state)
{
    (void)state;
    const char *extra[] = { "SECRET-[0-9]+", "(a+)+$", NULL };
    wb_privacy_scanner *s = scanner("2026-11-29", extra);
    enum { N = 4 };
    pthread_t t[N];
    reader_args args[N];
    for (int i = 0; i < N; i++) {
        args[i].s = s;
        args[i].text = i % 2 ? all_kinds : "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n" "13812345678\n";
        assert_int_equal(pthread_create(&t[i], NULL, reader, &args[i]), 0);
    }
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < N; i++) {
        assert_true(args[i].ok);
        assert_int_equal(args[i].found, i % 2 ? 8 : 2);
    }
    wb_privacy_scanner_free(s);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_privacy__finds_each_kind_with_line_and_column),
    cmocka_unit_test(test_privacy__every_line_end_counts),
    cmocka_unit_test(test_privacy__first_line_and_default_name),
    cmocka_unit_test(test_privacy__minor_is_an_error_adult_a_warning),
    cmocka_unit_test(test_privacy__eighteenth_birthday_boundary),
    cmocka_unit_test(test_privacy__wrong_check_character_is_not_an_id),
    cmocka_unit_test(test_privacy__old_numbers_and_full_width_digits),
    cmocka_unit_test(test_privacy__bank_cards_need_luhn),
    cmocka_unit_test(test_privacy__serials_and_hashes_are_not_numbers),
    cmocka_unit_test(test_privacy__phone_forms),
    cmocka_unit_test(test_privacy__grouped_numbers),
    cmocka_unit_test(test_privacy__name_needs_a_case_word_nearby),
    cmocka_unit_test(test_privacy__every_message_is_masked),
    cmocka_unit_test(test_privacy__redact_masks_and_keeps_the_rest),
    cmocka_unit_test(test_privacy__redact_keeps_separators_and_line_breaks),
    cmocka_unit_test(test_privacy__bad_extra_pattern_is_eregex),
    cmocka_unit_test(test_privacy__extra_pattern_names_in_messages),
    cmocka_unit_test(test_privacy__default_case_words),
    cmocka_unit_test(test_privacy__catastrophic_pattern_is_stopped),
    cmocka_unit_test(test_privacy__invalid_utf8_does_not_crash),
    cmocka_unit_test(test_privacy__text_is_read_by_length),
    cmocka_unit_test(test_privacy__long_text_and_long_line),
    cmocka_unit_test(test_privacy__arguments_and_options),
    cmocka_unit_test(test_privacy__one_scanner_many_threads),
};

WB_TEST_MAIN("privacy", tests)
