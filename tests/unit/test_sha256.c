/*
 * test_sha256.c - SHA-256 of buffers and files: the FIPS 180-4 / NIST
 * examples, messages whose padding falls on each side of a block edge,
 * input fed in uneven pieces, and whole files.
 *
 * The boundary and file digests were computed with coreutils, e.g.
 *   printf 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabc' | sha256sum
 * (ALPHA below, cut to 55, 56, 63 and 64 bytes with `head -c N`), and
 *   python3 -c "import sys; sys.stdout.buffer.write(bytes(i % 251 for i in range(150001)))" \
 *     > f && sha256sum f
 */
#define _POSIX_C_SOURCE 200809L   /* mkstemp, close, unlink */

#include "runner.h"

#include <stdlib.h>
#include <unistd.h>

#include <weibao/weibao.h>
#include "sha256.h"

#define EMPTY_SHA "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define ABC_SHA "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

/* Three alphabets: enough for every boundary length, and no two adjacent
 * 4-byte words alike, so a word or byte order slip changes the digest. */
#define ALPHA "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"

/* 150001 bytes, byte i = i % 251: over two 64 KiB read chunks, and a
 * length that is neither a whole chunk nor a whole block. */
#define PATTERN_LEN ((size_t)150001)
#define PATTERN_SHA "ca3b9420917ad46cd32740bc67be83068c67df8d2396fc3373ff98b78bd59c28"

/* The hex digest of len bytes hashed in one update. */
static void hash_buffer(char hex[WB__SHA256_HEXLEN], const void *data, size_t len)
{
    wb__sha256 ctx;
    unsigned char digest[WB__SHA256_SIZE];
    wb__sha256_init(&ctx);
    wb__sha256_update(&ctx, data, len);
    wb__sha256_final(&ctx, digest);
    wb__sha256_hex(hex, digest);
}

static void expect_sha(const void *data, size_t len, const char *want)
{
    char hex[WB__SHA256_HEXLEN];
    hash_buffer(hex, data, len);
    if (strcmp(hex, want) != 0)
        fail_msg("%zu bytes: got %s, want %s", len, hex, want);
}

static unsigned char *pattern(size_t len)
{
    unsigned char *p = malloc(len);
    assert_non_null(p);
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)(i % 251);
    return p;
}

/* A new temporary file holding data; the caller unlinks and frees the path. */
static char *temp_file(const void *data, size_t len)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    size_t size = strlen(dir) + sizeof("/wb-sha256-XXXXXX");
    char *path = malloc(size);
    assert_non_null(path);
    snprintf(path, size, "%s/wb-sha256-XXXXXX", dir);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void test_sha256__empty_message(void **state)
{
    (void)state;
    expect_sha("", 0, EMPTY_SHA);
    /* No bytes at all, not even a pointer. */
    expect_sha(NULL, 0, EMPTY_SHA);
}

static void test_sha256__abc_one_block(void **state)
{
    (void)state;
    expect_sha("abc", 3, ABC_SHA);
}

static void test_sha256__448_bit_message_two_blocks(void **state)
{
    (void)state;
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_int_equal(strlen(m), 56);
    expect_sha(m, strlen(m),
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256__million_a_in_uneven_pieces(void **state)
{
    (void)state;
    const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    size_t total = 1000000;
    char *a = malloc(total);
    assert_non_null(a);
    memset(a, 'a', total);
    expect_sha(a, total, want);

    /* Pieces that start and end everywhere within a block: partial block
     * topped up, exactly full, one over, and many blocks at once. */
    static const size_t sizes[] = { 1, 63, 64, 65, 1000, 0, 127, 3 };
    wb__sha256 ctx;
    unsigned char digest[WB__SHA256_SIZE];
    char hex[WB__SHA256_HEXLEN];
    wb__sha256_init(&ctx);
    size_t done = 0;
    for (size_t i = 0; done < total; i++) {
        size_t n = sizes[i % (sizeof(sizes) / sizeof(sizes[0]))];
        if (n > total - done)
            n = total - done;
        wb__sha256_update(&ctx, a + done, n);
        done += n;
    }
    wb__sha256_final(&ctx, digest);
    wb__sha256_hex(hex, digest);
    assert_string_equal(hex, want);
    free(a);
}

static void test_sha256__padding_boundary_lengths(void **state)
{
    (void)state;
    /* 55: the 0x80 and the length just fit; 56: the length spills into a
     * second block; 63: only the 0x80 fits; 64: a whole block, padding
     * alone in the next. */
    static const struct { size_t len; const char *sha; } cases[] = {
        { 55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005" },
        { 56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51" },
        { 63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c" },
        { 64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        expect_sha(ALPHA, cases[i].len, cases[i].sha);
}

static void test_sha256__every_split_matches_one_update(void **state)
{
    (void)state;
    /* Two pieces, cut at every point of a message over two blocks long. */
    size_t len = 150;
    unsigned char *m = pattern(len);
    char whole[WB__SHA256_HEXLEN], split[WB__SHA256_HEXLEN];
    hash_buffer(whole, m, len);
    for (size_t cut = 0; cut <= len; cut++) {
        wb__sha256 ctx;
        unsigned char digest[WB__SHA256_SIZE];
        wb__sha256_init(&ctx);
        wb__sha256_update(&ctx, m, cut);
        wb__sha256_update(&ctx, m + cut, len - cut);
        wb__sha256_final(&ctx, digest);
        wb__sha256_hex(split, digest);
        if (strcmp(split, whole) != 0)
            fail_msg("cut at %zu: got %s, want %s", cut, split, whole);
    }
    free(m);
}

static void test_sha256__hex_is_lowercase_and_terminated(void **state)
{
    (void)state;
    unsigned char digest[WB__SHA256_SIZE];
    for (size_t i = 0; i < WB__SHA256_SIZE; i++)
        digest[i] = (unsigned char)(i * 8 + 7);   /* 0x07, 0x0f, ... 0xff */
    char hex[WB__SHA256_HEXLEN];
    memset(hex, 'X', sizeof(hex));
    wb__sha256_hex(hex, digest);
    assert_string_equal(hex, "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");
}

static void test_sha256__file_matches_buffer_and_sha256sum(void **state)
{
    (void)state;
    unsigned char *data = pattern(PATTERN_LEN);
    char *path = temp_file(data, PATTERN_LEN);
    char from_file[WB__SHA256_HEXLEN], from_buffer[WB__SHA256_HEXLEN];
    wb_error err;
    wb_error_clear(&err);
    if (wb__sha256_file(from_file, path, &err) != WB_OK)
        fail_msg("%s: %s", path, err.message);
    hash_buffer(from_buffer, data, PATTERN_LEN);
    assert_string_equal(from_file, from_buffer);
    assert_string_equal(from_file, PATTERN_SHA);
    unlink(path);
    free(path);
    free(data);
}

static void test_sha256__small_and_empty_files(void **state)
{
    (void)state;
    static const struct { const char *data; const char *sha; } cases[] = {
        { "", EMPTY_SHA },
        { "abc", ABC_SHA },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *path = temp_file(cases[i].data, strlen(cases[i].data));
        char hex[WB__SHA256_HEXLEN];
        assert_int_equal(wb__sha256_file(hex, path, NULL), WB_OK);
        assert_string_equal(hex, cases[i].sha);
        unlink(path);
        free(path);
    }
}

static void test_sha256__missing_file_is_eio_naming_it(void **state)
{
    (void)state;
    char *path = temp_file("x", 1);
    unlink(path);   /* a name that surely does not exist */
    char hex[WB__SHA256_HEXLEN];
    memset(hex, 'X', sizeof(hex));
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__sha256_file(hex, path, &err), WB_EIO);
    assert_int_equal(err.code, WB_EIO);
    assert_string_equal(err.source, path);
    if (strstr(err.message, path) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, path);
    assert_string_equal(hex, "");
    /* Without an error record the status is the same. */
    assert_int_equal(wb__sha256_file(hex, path, NULL), WB_EIO);
    free(path);
}

static void test_sha256__directory_is_eio(void **state)
{
    (void)state;
    /* fopen may succeed on a directory; the read then fails. */
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char hex[WB__SHA256_HEXLEN];
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb__sha256_file(hex, dir, &err), WB_EIO);
    assert_string_equal(err.source, dir);
    if (strstr(err.message, dir) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, dir);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_sha256__empty_message),
    cmocka_unit_test(test_sha256__abc_one_block),
    cmocka_unit_test(test_sha256__448_bit_message_two_blocks),
    cmocka_unit_test(test_sha256__million_a_in_uneven_pieces),
    cmocka_unit_test(test_sha256__padding_boundary_lengths),
    cmocka_unit_test(test_sha256__every_split_matches_one_update),
    cmocka_unit_test(test_sha256__hex_is_lowercase_and_terminated),
    cmocka_unit_test(test_sha256__file_matches_buffer_and_sha256sum),
    cmocka_unit_test(test_sha256__small_and_empty_files),
    cmocka_unit_test(test_sha256__missing_file_is_eio_naming_it),
    cmocka_unit_test(test_sha256__directory_is_eio),
};

WB_TEST_MAIN("sha256", tests)
