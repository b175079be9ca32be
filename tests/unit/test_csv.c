/*
 * test_csv.c - the streaming CSV reader: RFC 4180 as Excel writes it,
 * encoding detection (UTF-8, UTF-8 with BOM, GB18030), chunk boundaries,
 * and every malformed input reported with its line and column.
 *
 * GB18030 bytes are written as escapes, each checked with
 * `printf '编号' | iconv -f UTF-8 -t GB18030 | xxd -p`:
 *   编号 b1e0 bac5   姓名 d0d5 c3fb   张三 d5c5 c8fd   李四 c0ee cbc4
 */
#include "runner.h"

#include <stdarg.h>
#include <stdlib.h>

#include <weibao/weibao.h>
#include "csv.h"

#define NAME "test.csv"
#define CHUNK 65536

static wb__csv *open_bytes(const char *data, size_t len)
{
    wb__csv *c = NULL;
    wb_error err;
    wb_error_clear(&err);
    if (wb__csv_open_buffer(&c, data, len, NAME, &err) != WB_OK)
        fail_msg("open: %s", err.message);
    assert_non_null(c);
    return c;
}

static wb__csv *open_text(const char *text)
{
    return open_bytes(text, strlen(text));
}

/* A temporary stream holding data, rewound for reading. */
static FILE *stream_of(const char *data, size_t len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    rewind(f);
    return f;
}

/* The next record is on `line` and has n fields, given after n. */
static void expect_record(wb__csv *c, int line, size_t n, ...)
{
    const char *const *fields = NULL;
    size_t count = 0;
    int at = 0;
    wb_error err;
    wb_error_clear(&err);
    int rc = wb__csv_next(c, &fields, &count, &at, &err);
    if (rc != 1)
        fail_msg("expected a record on line %d, got %d: line %d column %d: %s",
                 line, rc, err.line, err.column, err.message);
    assert_int_equal(at, line);
    assert_int_equal(count, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        const char *want = va_arg(ap, const char *);
        if (strcmp(fields[i], want) != 0)
            fail_msg("line %d field %zu: got '%s', want '%s'", line, i + 1, fields[i], want);
    }
    va_end(ap);
}

static void expect_end(wb__csv *c)
{
    const char *const *fields;
    size_t count;
    int line;
    assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 0);
    assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 0);
}

/* The next call fails with code at line:column, its message holding fragment. */
static void expect_error(wb__csv *c, int code, int line, int column, const char *fragment)
{
    const char *const *fields;
    size_t count;
    int at;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__csv_next(c, &fields, &count, &at, &err), code);
    assert_int_equal(err.code, code);
    if (err.line != line || err.column != column)
        fail_msg("error at %d:%d, want %d:%d (%s)", err.line, err.column, line, column,
                 err.message);
    assert_string_equal(err.source, NAME);
    if (strstr(err.message, fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, fragment);
}

/* Text plus `pad` bytes of short ASCII lines in front, so that the first
 * chunk is plain ASCII; *lines is the number of padding lines. */
static char *ascii_then(const char *tail, size_t pad, size_t *len, int *lines)
{
    size_t tail_len = strlen(tail);
    char *buf = malloc(pad + tail_len);
    assert_non_null(buf);
    *lines = 0;
    for (size_t i = 0; i < pad; i++) {
        buf[i] = (i % 64 == 63 || i == pad - 1) ? '\n' : 'a';
        if (buf[i] == '\n')
            (*lines)++;
    }
    memcpy(buf + pad, tail, tail_len);
    *len = pad + tail_len;
    return buf;
}

/* Read `lines` records, on lines 1 to `lines`. */
static void skip_records(wb__csv *c, int lines)
{
    const char *const *fields;
    size_t count;
    int line;
    for (int l = 1; l <= lines; l++) {
        assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 1);
        assert_int_equal(line, l);
    }
}

static void test_csv__simple_records_and_field_counts(void **state)
{
    (void)state;
    wb__csv *c = open_text("编号,姓名,年龄\n1,张三,12\n2,李四\n,,\nalone\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    expect_record(c, 1, 3, "编号", "姓名", "年龄");
    expect_record(c, 2, 3, "1", "张三", "12");
    expect_record(c, 3, 2, "2", "李四");
    expect_record(c, 4, 3, "", "", "");
    expect_record(c, 5, 1, "alone");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__fields_are_not_trimmed(void **state)
{
    (void)state;
    wb__csv *c = open_text(" a , b\t,\" c \"\n");
    expect_record(c, 1, 3, " a ", " b\t", " c ");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__quoted_commas_and_doubled_quotes(void **state)
{
    (void)state;
    wb__csv *c = open_text("\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"\"\"\",x,\"\"\"a\"\"\"\n");
    expect_record(c, 1, 3, "a,b", "say \"hi\"", "");
    expect_record(c, 2, 3, "\"", "x", "\"a\"");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__quote_inside_unquoted_field_is_kept(void **state)
{
    (void)state;
    wb__csv *c = open_text("ab\"c,d\",5\"\n");
    expect_record(c, 1, 3, "ab\"c", "d\"", "5\"");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__quoted_field_spanning_lines(void **state)
{
    (void)state;
    wb__csv *c = open_text("id,note\n"
                           "1,\"line one\nline two\n\nline four\",end\n"
                           "2,after\n"
                           "3,\"x\"y\n");
    expect_record(c, 1, 2, "id", "note");
    expect_record(c, 2, 3, "1", "line one\nline two\n\nline four", "end");
    expect_record(c, 6, 2, "2", "after");
    /* Counting goes on right after the spanning record. */
    expect_error(c, WB_EPARSE, 7, 6, "after the closing quote");
    wb__csv_free(c);
}

static void test_csv__crlf_and_lf_line_ends(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,b\r\nc,d\ne,\"f\r\ng\"\r\nh\ri,j\r\n\"k\rl\"\n");
    expect_record(c, 1, 2, "a", "b");
    expect_record(c, 2, 2, "c", "d");
    expect_record(c, 3, 2, "e", "f\ng");       /* CRLF inside quotes becomes LF */
    expect_record(c, 5, 1, "h");               /* a lone CR ends a line too */
    expect_record(c, 6, 2, "i", "j");
    expect_record(c, 7, 1, "k\nl");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__cr_alone_ends_lines_as_old_mac_excel_writes_them(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,b\rc,d\r\re\r\n\"x\ry\",\"\r\rz\"\rw\r");
    expect_record(c, 1, 2, "a", "b");
    expect_record(c, 2, 2, "c", "d");
    expect_record(c, 4, 1, "e");               /* line 3 is empty */
    expect_record(c, 5, 2, "x\ny", "\n\nz");   /* each CR inside quotes is one line end */
    wb__csv_place at;
    assert_int_equal(wb__csv_field_position(c, 1, &at), WB_OK);
    assert_int_equal(at.line, 6);
    assert_int_equal(at.column, 5);
    expect_record(c, 9, 1, "w");
    expect_end(c);
    wb__csv_free(c);

    /* Positions after CR line ends are exact. */
    c = open_text("a\rb\r,\"c\"d\r");
    expect_record(c, 1, 1, "a");
    expect_record(c, 2, 1, "b");
    expect_error(c, WB_EPARSE, 3, 5, "'d' after the closing quote");
    wb__csv_free(c);
}

static void test_csv__last_line_without_newline(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,b\nc,d");
    expect_record(c, 1, 2, "a", "b");
    expect_record(c, 2, 2, "c", "d");
    expect_end(c);
    wb__csv_free(c);

    c = open_text("x\n\"q,r\"");
    expect_record(c, 1, 1, "x");
    expect_record(c, 2, 1, "q,r");
    expect_end(c);
    wb__csv_free(c);

    c = open_text("a,");
    expect_record(c, 1, 2, "a", "");
    expect_end(c);
    wb__csv_free(c);

    c = open_text("a,b\r");                   /* a CR that ends the input ends the line */
    expect_record(c, 1, 2, "a", "b");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__empty_lines_are_skipped(void **state)
{
    (void)state;
    wb__csv *c = open_text("\n\r\na\n\n\nb\r\n\r\n \n\"\"\n\n");
    expect_record(c, 3, 1, "a");
    expect_record(c, 6, 1, "b");
    expect_record(c, 8, 1, " ");               /* a space is not empty */
    expect_record(c, 9, 1, "");                /* nor is an empty quoted field */
    expect_end(c);
    wb__csv_free(c);

    c = open_text("\n\n\r\n");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__ascii_and_empty_input_are_utf8(void **state)
{
    (void)state;
    wb__csv *c = open_text("plain,ascii\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    assert_string_equal(wb__csv_encoding_name(wb__csv_encoding_of(c)), "UTF-8");
    expect_record(c, 1, 2, "plain", "ascii");
    expect_end(c);
    wb__csv_free(c);

    c = NULL;
    assert_int_equal(wb__csv_open_buffer(&c, NULL, 0, NAME, NULL), WB_OK);
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__utf8_bom_is_detected_and_dropped(void **state)
{
    (void)state;
    wb__csv *c = open_text("\xef\xbb\xbf编号,姓名\n1,\"x\"y\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8_BOM);
    assert_string_equal(wb__csv_encoding_name(WB__CSV_UTF8_BOM), "UTF-8 with BOM");
    expect_record(c, 1, 2, "编号", "姓名");
    expect_error(c, WB_EPARSE, 2, 6, "'y' after the closing quote");
    wb__csv_free(c);

    c = open_text("\xef\xbb\xbf");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8_BOM);
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__gb18030_is_detected_and_decoded(void **state)
{
    (void)state;
    wb__csv *c = open_text("\xb1\xe0\xba\xc5,\xd0\xd5\xc3\xfb\r\n"    /* 编号,姓名 */
                           "1,\xd5\xc5\xc8\xfd\r\n"                  /* 1,张三 */
                           "2,\"\xc0\xee\xcb\xc4,\"\"\xd5\xc5\"\"\"\r\n" /* 2,"李四,""张""" */
                           "\xd5\xc5,\"a\"b\r\n");                    /* 张,"a"b */
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_GB18030);
    assert_string_equal(wb__csv_encoding_name(WB__CSV_GB18030), "GB18030");
    expect_record(c, 1, 2, "编号", "姓名");
    expect_record(c, 2, 2, "1", "张三");
    expect_record(c, 3, 2, "2", "李四,\"张\"");
    /* Columns count characters, not GB18030 bytes. */
    expect_error(c, WB_EPARSE, 4, 6, "'b' after the closing quote");
    wb__csv_free(c);

    /* GB18030's own BOM (84 31 95 33, U+FEFF) is dropped too. */
    c = open_text("\x84\x31\x95\x33\xb1\xe0\xba\xc5,x\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_GB18030);
    expect_record(c, 1, 2, "编号", "x");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__gb18030_character_straddling_a_chunk_boundary(void **state)
{
    (void)state;
    size_t size = CHUNK + 64;
    char *data = malloc(size);
    assert_non_null(data);
    size_t n = 0;
    memcpy(data, "\xb1\xe0\xba\xc5,x\n", 7);          /* 编号,x: not UTF-8 */
    n = 7;
    int lines = 1;
    static const char row[] = "0123456789,0123456789,0123456789,01234\n";
    while (n + 100 < CHUNK - 1) {                     /* ASCII lines of 4 fields */
        memcpy(data + n, row, sizeof(row) - 1);
        n += sizeof(row) - 1;
        lines++;
    }
    /* One field of x's brings 张's first byte to the chunk's last byte. */
    data[n++] = 'p';
    while (n < CHUNK - 1)
        data[n++] = 'x';
    data[n - 1] = ',';
    memcpy(data + n, "\xd5\xc5\xc8\xfd\n", 5);         /* 张三 */
    assert_int_equal((unsigned char)data[CHUNK - 1], 0xD5);
    n += 5;
    memcpy(data + n, "end\n", 4);
    n += 4;

    FILE *f = stream_of(data, n);
    wb__csv *c = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__csv_open_file(&c, f, NAME, &err), WB_OK);
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_GB18030);
    expect_record(c, 1, 2, "编号", "x");
    const char *const *fields;
    size_t count;
    int line = 0;
    for (int i = 2; i <= lines; i++) {
        assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 1);
        assert_int_equal(line, i);
        assert_int_equal(count, 4);
    }
    assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 1);
    assert_int_equal(line, lines + 1);
    assert_int_equal(count, 2);
    assert_string_equal(fields[1], "张三");
    assert_int_equal(fields[0][0], 'p');
    expect_record(c, lines + 2, 1, "end");
    expect_end(c);
    wb__csv_free(c);
    fclose(f);
    free(data);
}

static void test_csv__gb18030_invalid_bytes_reported_with_line(void **state)
{
    (void)state;
    wb__csv *c = open_text("\xb1\xe0\xba\xc5\n\xd5\xc5,\x81\x20z\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_GB18030);
    expect_record(c, 1, 1, "编号");
    expect_error(c, WB_EPARSE, 2, 3, "0x81 0x20");
    wb__csv_free(c);

    c = open_text("\xb1\xe0\xba\xc5\nab\xd5");           /* cut by the end */
    expect_record(c, 1, 1, "编号");
    expect_error(c, WB_EPARSE, 2, 3, "ends inside a GB18030 character");
    wb__csv_free(c);
}

static void test_csv__utf16_bom_is_rejected(void **state)
{
    (void)state;
    static const char le[] = "\xff\xfe" "a\0,\0b\0";
    static const char be[] = "\xfe\xff" "\0a\0,\0b";
    const char *inputs[] = { le, be };
    for (size_t i = 0; i < 2; i++) {
        wb__csv *c = (wb__csv *)1;
        wb_error err;
        wb_error_clear(&err);
        assert_int_equal(wb__csv_open_buffer(&c, inputs[i], 8, NAME, &err), WB_EPARSE);
        assert_null(c);
        assert_int_equal(err.line, 1);
        assert_string_equal(err.source, NAME);
        assert_string_equal(err.message, "UTF-16 is not supported: save the file as "
                                         "CSV UTF-8 or CSV (GB18030)");
        FILE *f = stream_of(inputs[i], 8);
        c = (wb__csv *)1;
        assert_int_equal(wb__csv_open_file(&c, f, NAME, NULL), WB_EPARSE);
        assert_null(c);
        fclose(f);
    }
}

static void test_csv__invalid_utf8_after_a_valid_first_chunk(void **state)
{
    (void)state;
    /* More than a chunk of valid UTF-8 (Chinese included), then a bad byte. */
    size_t size = 2 * CHUNK, n = 0;
    char *data = malloc(size);
    assert_non_null(data);
    int lines = 0;
    while (n < CHUNK + 1000) {
        memcpy(data + n, "1,张三,李四\n", 16);
        n += 16;
        lines++;
    }
    memcpy(data + n, "x,张\xff\n", 7);
    n += 7;
    FILE *f = stream_of(data, n);
    wb__csv *c = NULL;
    assert_int_equal(wb__csv_open_file(&c, f, NAME, NULL), WB_OK);
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    const char *const *fields;
    size_t count;
    int line;
    for (int i = 1; i <= lines; i++) {
        assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 1);
        assert_int_equal(line, i);
        assert_string_equal(fields[2], "李四");
    }
    expect_error(c, WB_EPARSE, lines + 1, 4, "invalid UTF-8 (0xFF)");
    wb__csv_free(c);
    fclose(f);
    free(data);
}

static void test_csv__invalid_utf8_forms_reported_with_column(void **state)
{
    (void)state;
    static const struct {
        const char *tail;
        const char *shown;
    } bad[] = {
        { "ab,c\xc0\xaf\n", "0xC0" },                       /* overlong '/' */
        { "ab,c\xe0\x80\xaf\n", "0xE0 0x80" },              /* overlong, 3 bytes */
        { "ab,c\xf0\x80\x80\xaf\n", "0xF0 0x80" },          /* overlong, 4 bytes */
        { "ab,c\xed\xa0\x80\n", "0xED 0xA0" },              /* surrogate U+D800 */
        { "ab,c\xf4\x90\x80\x80\n", "0xF4 0x90" },          /* above U+10FFFF */
        { "ab,c\xf5\x80\x80\x80\n", "0xF5" },
        { "ab,c\x80z\n", "0x80" },                          /* stray continuation */
        { "ab,c\xe4\xb8z\n", "0xE4 0xB8 0x7A" },            /* cut short */
        { "ab,c\xe4\xb8", "ends inside a UTF-8 character" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        size_t len;
        int lines;
        char *data = ascii_then(bad[i].tail, CHUNK + 10, &len, &lines);
        wb__csv *c = open_bytes(data, len);
        assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
        skip_records(c, lines);
        expect_error(c, WB_EPARSE, lines + 1, 5, bad[i].shown);
        wb__csv_free(c);
        free(data);
    }
    /* The largest code point and the last before the surrogates are fine. */
    size_t len;
    int lines;
    char *data = ascii_then("\xf4\x8f\xbf\xbf,\xed\x9f\xbf\n", CHUNK + 10, &len, &lines);
    wb__csv *c = open_bytes(data, len);
    skip_records(c, lines);
    expect_record(c, lines + 1, 2, "\xf4\x8f\xbf\xbf", "\xed\x9f\xbf");
    expect_end(c);
    wb__csv_free(c);
    free(data);
}

/* A bad byte in the first chunk is where it is: the file is not taken
   for GB18030 for it. */
static void test_csv__invalid_utf8_in_the_first_chunk_is_reported_where_it_is(void **state)
{
    (void)state;
    static const struct {
        const char *tail;
        const char *shown;
    } bad[] = {
        { "ab,c\xff\n", "0xFF" },
        { "ab,c\xc0\xaf\n", "0xC0" },
        { "ab,c\xe0\x80\xaf\n", "0xE0 0x80" },
        { "ab,c\xf0\x80\x80\xaf\n", "0xF0 0x80" },
        { "ab,c\xed\xa0\x80\n", "0xED 0xA0" },
        { "ab,c\x80z\n", "0x80" },
        { "ab,c\xe4\xb8z\n", "0xE4 0xB8 0x7A" },
        { "ab,c\xb1\xe0\xba\xc5\n", "0xB1" },          /* a GB18030 cell: 编号 */
        { "ab,c\xe4\xb8", "ends inside a UTF-8 character" },    /* last character cut */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char data[128];
        snprintf(data, sizeof(data), "编号,姓名,单位\n%s", bad[i].tail);
        wb__csv *c = open_text(data);
        assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
        expect_record(c, 1, 3, "编号", "姓名", "单位");
        expect_error(c, WB_EPARSE, 2, 5, bad[i].shown);
        wb__csv_free(c);
    }
    /* Plain ASCII with one stray byte, on row 2. */
    wb__csv *c = open_text("a,b\nc,d\xff\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    expect_record(c, 1, 2, "a", "b");
    expect_error(c, WB_EPARSE, 2, 4, "invalid UTF-8 (0xFF)");
    wb__csv_free(c);
}

static void test_csv__gb18030_with_a_bad_byte_is_still_gb18030(void **state)
{
    (void)state;
    /* 编号,姓名 / 1,张三 / 2,0xFF: GB18030 fails once, UTF-8 all through. */
    wb__csv *c = open_text("\xb1\xe0\xba\xc5,\xd0\xd5\xc3\xfb\n1,\xd5\xc5\xc8\xfd\n2,\xff\n");
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_GB18030);
    expect_record(c, 1, 2, "编号", "姓名");
    expect_record(c, 2, 2, "1", "张三");
    expect_error(c, WB_EPARSE, 3, 3, "0xFF");
    wb__csv_free(c);
}

static void test_csv__utf8_character_cut_by_the_first_chunk_is_utf8(void **state)
{
    (void)state;
    size_t len;
    int lines;
    /* 中 (e4 b8 ad) starts two bytes before the first chunk's end. */
    char *data = ascii_then("\xe4\xb8\xad,z\n", CHUNK - 2, &len, &lines);
    FILE *f = stream_of(data, len);
    wb__csv *c = NULL;
    assert_int_equal(wb__csv_open_file(&c, f, NAME, NULL), WB_OK);
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    skip_records(c, lines);
    expect_record(c, lines + 1, 2, "中", "z");
    expect_end(c);
    wb__csv_free(c);
    fclose(f);
    free(data);
}

static void test_csv__unterminated_quote_reports_its_opening_line(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,b\nc,\"d\ne\nf,g\n");
    expect_record(c, 1, 2, "a", "b");
    expect_error(c, WB_EPARSE, 2, 3, "a quoted field opened on line 2 is never closed");
    wb__csv_free(c);
}

static void test_csv__text_after_closing_quote(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,b\nc,\"d\"e,f\n");
    expect_record(c, 1, 2, "a", "b");
    expect_error(c, WB_EPARSE, 2, 6, "field 2: 'e' after the closing quote");
    wb__csv_free(c);

    c = open_text("\"d\" ,x\n");
    expect_error(c, WB_EPARSE, 1, 4, "field 1: ' ' after the closing quote");
    wb__csv_free(c);

    c = open_text("张,\"d\"三\n");
    expect_error(c, WB_EPARSE, 1, 6, "'三' after the closing quote");
    wb__csv_free(c);

    c = open_text("\"d\"\x01x\n");
    expect_error(c, WB_EPARSE, 1, 4, "control character 0x01 after the closing quote");
    wb__csv_free(c);
}

static void test_csv__nul_byte_is_refused(void **state)
{
    (void)state;
    static const char data[] = "a,b\nc,d\0e\n";
    wb__csv *c = open_bytes(data, sizeof(data) - 1);
    expect_record(c, 1, 2, "a", "b");
    expect_error(c, WB_EPARSE, 2, 4, "NUL byte");
    wb__csv_free(c);
}

static void test_csv__record_over_1_mib_is_refused(void **state)
{
    (void)state;
    size_t big = WB__CSV_MAX_RECORD;
    char *data = malloc(big + 16);
    assert_non_null(data);

    /* Exactly 1 MiB is allowed. */
    memset(data, 'x', big);
    memcpy(data + big, "\r\nb\n", 4);
    wb__csv *c = open_bytes(data, big + 4);
    const char *const *fields;
    size_t count;
    int line;
    assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), 1);
    assert_int_equal(count, 1);
    assert_int_equal(strlen(fields[0]), big);
    expect_record(c, 2, 1, "b");
    expect_end(c);
    wb__csv_free(c);

    /* One byte more is not, and the error names the record's line. */
    memcpy(data, "a\n\n", 3);
    memset(data + 3, 'y', big + 1);
    data[3 + 100] = ',';
    memcpy(data + 3 + big + 1, "\n", 1);
    c = open_bytes(data, big + 5);
    expect_record(c, 1, 1, "a");
    expect_error(c, WB_EPARSE, 3, 1, "record longer than 1 MiB");
    wb__csv_free(c);

    /* A quoted field that runs away is refused at the same size. */
    memset(data, '\n', big + 16);
    data[0] = 'q';
    data[2] = '"';
    c = open_bytes(data, big + 16);
    expect_record(c, 1, 1, "q");
    expect_error(c, WB_EPARSE, 2, 1, "opened on line 2 lack its closing quote");
    wb__csv_free(c);
    free(data);
}

static void test_csv__streams_200000_records_from_a_file(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    fputs("编号,姓名,备注\n", f);
    for (int i = 1; i <= 200000; i++)
        fprintf(f, "%d,名字%d,\"q,%d\"\r\n", i, i, i);
    rewind(f);

    wb__csv *c = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__csv_open_file(&c, f, NAME, &err), WB_OK);
    assert_int_equal(wb__csv_encoding_of(c), WB__CSV_UTF8);
    const char *const *fields;
    size_t count;
    int line = 0, last_line = 0, rc;
    long records = 0;
    char want[32];
    while ((rc = wb__csv_next(c, &fields, &count, &line, &err)) == 1) {
        records++;
        last_line = line;
        assert_int_equal(line, records);
        assert_int_equal(count, 3);
        if (records > 1) {
            snprintf(want, sizeof(want), "q,%ld", records - 1);
            assert_string_equal(fields[2], want);
        }
    }
    assert_int_equal(rc, 0);
    assert_int_equal(records, 200001);
    assert_int_equal(last_line, 200001);
    assert_null(fields);                     /* nothing handed out at the end */
    wb__csv_free(c);
    fclose(f);
}

static void test_csv__buffer_need_not_be_nul_terminated(void **state)
{
    (void)state;
    static const char data[] = { 'a', ',', 'b', '\n', 'c', ',', 'd', 'X', '"', '\0' };
    wb__csv *c = open_bytes(data, 7);
    expect_record(c, 1, 2, "a", "b");
    expect_record(c, 2, 2, "c", "d");
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__errors_are_sticky(void **state)
{
    (void)state;
    wb__csv *c = open_text("\"a\"b\nc\n");
    expect_error(c, WB_EPARSE, 1, 4, "after the closing quote");
    const char *const *fields;
    size_t count;
    int line;
    assert_int_equal(wb__csv_next(c, &fields, &count, &line, NULL), WB_EPARSE);
    expect_error(c, WB_EPARSE, 1, 4, "after the closing quote");
    wb__csv_free(c);
}

static void test_csv__read_error_is_eio(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/null", "wb");     /* not open for reading */
    assert_non_null(f);
    wb__csv *c = (wb__csv *)1;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__csv_open_file(&c, f, NAME, &err), WB_EIO);
    assert_null(c);
    assert_non_null(strstr(err.message, "cannot read '" NAME "'"));
    fclose(f);
}

/* Field i of the last record starts at line:column, quoted or not. */
static void expect_place(const wb__csv *c, size_t i, int line, int column, int quoted)
{
    wb__csv_place at;
    assert_int_equal(wb__csv_field_position(c, i, &at), WB_OK);
    if (at.line != line || at.column != column || at.quoted != quoted)
        fail_msg("field %zu: %d:%d%s, want %d:%d%s", i + 1, at.line, at.column,
                 at.quoted ? " quoted" : "", line, column, quoted ? " quoted" : "");
}

/* Where each field's text starts: after an opening quote, after a quoted
   field with commas and doubled quotes, after a field spanning lines, in
   code points, and in GB18030 counted on the decoded text. */
static void test_csv__field_positions(void **state)
{
    (void)state;
    wb__csv *c = open_text("a,\"b,\"\"c\"\",d\",e\r\n"
                           "\"多\r\n行\",张三,,\n"
                           "x\n");
    expect_record(c, 1, 3, "a", "b,\"c\",d", "e");
    expect_place(c, 0, 1, 1, 0);
    expect_place(c, 1, 1, 4, 1);
    expect_place(c, 2, 1, 15, 0);
    expect_record(c, 2, 4, "多\n行", "张三", "", "");
    expect_place(c, 0, 2, 2, 1);
    expect_place(c, 1, 3, 4, 0);
    expect_place(c, 2, 3, 7, 0);
    expect_place(c, 3, 3, 8, 0);
    wb__csv_place at;
    assert_int_equal(wb__csv_field_position(c, 4, &at), WB_EINVAL);
    expect_record(c, 4, 1, "x");
    expect_place(c, 0, 4, 1, 0);
    assert_int_equal(wb__csv_field_position(c, 1, &at), WB_EINVAL);
    expect_end(c);
    wb__csv_free(c);

    /* 姓名,张三 then 李四,"张三" in GB18030: columns of characters, not bytes. */
    static const char gb[] = "\xd0\xd5\xc3\xfb,\xd5\xc5\xc8\xfd\n"
                             "\xc0\xee\xcb\xc4,\"\xd5\xc5\xc8\xfd\"\n";
    c = open_bytes(gb, sizeof(gb) - 1);
    expect_record(c, 1, 2, "姓名", "张三");
    expect_place(c, 1, 1, 4, 0);
    expect_record(c, 2, 2, "李四", "张三");
    expect_place(c, 1, 2, 5, 1);
    expect_end(c);
    wb__csv_free(c);
}

static void test_csv__bad_arguments_and_free_null(void **state)
{
    (void)state;
    wb__csv_free(NULL);
    wb__csv *c = NULL;
    assert_int_equal(wb__csv_open_buffer(NULL, "a", 1, NAME, NULL), WB_EINVAL);
    assert_int_equal(wb__csv_open_buffer(&c, NULL, 1, NAME, NULL), WB_EINVAL);
    assert_int_equal(wb__csv_open_file(&c, NULL, NAME, NULL), WB_EINVAL);
    assert_null(c);
    const char *const *fields;
    size_t count;
    int line;
    assert_int_equal(wb__csv_next(NULL, &fields, &count, &line, NULL), WB_EINVAL);
    c = open_text("a\n");
    assert_int_equal(wb__csv_next(c, NULL, &count, &line, NULL), WB_EINVAL);
    expect_record(c, 1, 1, "a");
    wb__csv_free(c);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_csv__simple_records_and_field_counts),
    cmocka_unit_test(test_csv__fields_are_not_trimmed),
    cmocka_unit_test(test_csv__quoted_commas_and_doubled_quotes),
    cmocka_unit_test(test_csv__quote_inside_unquoted_field_is_kept),
    cmocka_unit_test(test_csv__quoted_field_spanning_lines),
    cmocka_unit_test(test_csv__crlf_and_lf_line_ends),
    cmocka_unit_test(test_csv__last_line_without_newline),
    cmocka_unit_test(test_csv__empty_lines_are_skipped),
    cmocka_unit_test(test_csv__ascii_and_empty_input_are_utf8),
    cmocka_unit_test(test_csv__utf8_bom_is_detected_and_dropped),
    cmocka_unit_test(test_csv__gb18030_is_detected_and_decoded),
    cmocka_unit_test(test_csv__gb18030_character_straddling_a_chunk_boundary),
    cmocka_unit_test(test_csv__gb18030_invalid_bytes_reported_with_line),
    cmocka_unit_test(test_csv__utf16_bom_is_rejected),
    cmocka_unit_test(test_csv__invalid_utf8_after_a_valid_first_chunk),
    cmocka_unit_test(test_csv__invalid_utf8_forms_reported_with_column),
    cmocka_unit_test(test_csv__utf8_character_cut_by_the_first_chunk_is_utf8),
    cmocka_unit_test(test_csv__invalid_utf8_in_the_first_chunk_is_reported_where_it_is),
    cmocka_unit_test(test_csv__gb18030_with_a_bad_byte_is_still_gb18030),
    cmocka_unit_test(test_csv__cr_alone_ends_lines_as_old_mac_excel_writes_them),
    cmocka_unit_test(test_csv__unterminated_quote_reports_its_opening_line),
    cmocka_unit_test(test_csv__text_after_closing_quote),
    cmocka_unit_test(test_csv__nul_byte_is_refused),
    cmocka_unit_test(test_csv__record_over_1_mib_is_refused),
    cmocka_unit_test(test_csv__streams_200000_records_from_a_file),
    cmocka_unit_test(test_csv__buffer_need_not_be_nul_terminated),
    cmocka_unit_test(test_csv__errors_are_sticky),
    cmocka_unit_test(test_csv__read_error_is_eio),
    cmocka_unit_test(test_csv__field_positions),
    cmocka_unit_test(test_csv__bad_arguments_and_free_null),
};

WB_TEST_MAIN("csv", tests)
