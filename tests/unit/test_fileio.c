/*
 * test_fileio.c - inputs read as hostile input: regular files only, the
 * size checked first, names confined to the naming file's folder.
 */
#define _XOPEN_SOURCE 700
#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <weibao/weibao.h>

typedef struct folder {
    char dir[256];
    char made[16][512];
    int nmade;
} folder;

static const char *in(folder *f, const char *name)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    return path;
}

/* Remember a path to remove at the end (files and links first, then the
   folders, in reverse order of making). */
static void made(folder *f, const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    memcpy(f->made[f->nmade++], path, sizeof(path));
}

static void make_file(folder *f, const char *name, const char *text)
{
    FILE *out = fopen(in(f, name), "wb");
    assert_non_null(out);
    fputs(text, out);
    assert_int_equal(fclose(out), 0);
    made(f, name);
}

static void make_dir(folder *f, const char *name)
{
    assert_int_equal(mkdir(in(f, name), 0700), 0);
    made(f, name);
}

static void make_link(folder *f, const char *name, const char *target)
{
    assert_int_equal(symlink(target, in(f, name)), 0);
    made(f, name);
}

static void setup(folder *f)
{
    memset(f, 0, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "%s/wb-fileio-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->dir));
}

static void teardown(folder *f)
{
    for (int i = f->nmade - 1; i >= 0; i--)
        if (remove(f->made[i]) != 0)
            rmdir(f->made[i]);
    rmdir(f->dir);
}

static void test_fileio__reads_a_regular_file_whole(void **state)
{
    (void)state;
    folder f;
    setup(&f);
    make_file(&f, "a.txt", "第一行\nsecond\n");
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(wb_file_read(&data, &len, in(&f, "a.txt"), 0, NULL), WB_OK);
    assert_int_equal(len, strlen("第一行\nsecond\n"));
    assert_string_equal(data, "第一行\nsecond\n");
    wb_free(data);
    teardown(&f);
}

static void test_fileio__a_fifo_is_refused_without_blocking(void **state)
{
    (void)state;
    folder f;
    setup(&f);
    /* No writer: a plain open for reading would wait for ever. */
    assert_int_equal(mkfifo(in(&f, "pipe"), 0600), 0);
    made(&f, "pipe");
    FILE *fp = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_file_open(&fp, in(&f, "pipe"), 0, &err), WB_EIO);
    assert_null(fp);
    assert_non_null(strstr(err.message, "a FIFO, not a regular file"));
    teardown(&f);
}

static void test_fileio__devices_and_folders_are_refused(void **state)
{
    (void)state;
    const char *const paths[] = { "/dev/zero", "/dev/urandom", "/dev/null", "/" };
    const char *const kinds[] = { "a character device", "a character device",
                                  "a character device", "a folder" };
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        char *data = NULL;
        size_t len = 0;
        wb_error err;
        wb_error_clear(&err);
        assert_int_equal(wb_file_read(&data, &len, paths[i], 0, &err), WB_EIO);
        assert_null(data);
        assert_non_null(strstr(err.message, kinds[i]));
        assert_string_equal(err.source, paths[i]);
    }
}

static void test_fileio__the_size_is_checked_before_reading(void **state)
{
    (void)state;
    folder f;
    setup(&f);
    make_file(&f, "big.txt", "");
    /* Sparse: 4 GiB on paper, nothing on disk. Read whole, it would cost
       4 GiB; checked first, nothing. */
    assert_int_equal(truncate(in(&f, "big.txt"), (off_t)4 << 30), 0);
    char *data = NULL;
    size_t len = 0;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_file_read(&data, &len, in(&f, "big.txt"), 0, &err), WB_EIO);
    assert_null(data);
    assert_non_null(strstr(err.message, "4294967296 bytes, more than the 1073741824"));
    /* The limit is the caller's: at the limit it is read, one over not. */
    make_file(&f, "ten.txt", "0123456789");
    assert_int_equal(wb_file_read(&data, &len, in(&f, "ten.txt"), 10, NULL), WB_OK);
    wb_free(data);
    assert_int_equal(wb_file_read(&data, &len, in(&f, "ten.txt"), 9, NULL), WB_EIO);
    teardown(&f);
}

static void test_fileio__a_missing_file_says_why(void **state)
{
    (void)state;
    FILE *fp = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_file_open(&fp, "/nonexistent/weibao/x.csv", 0, &err), WB_EIO);
    assert_string_equal(err.message,
                        "cannot open '/nonexistent/weibao/x.csv': No such file or directory");
    assert_int_equal(wb_file_open(NULL, "x", 0, NULL), WB_EINVAL);
    assert_int_equal(wb_file_open(&fp, NULL, 0, NULL), WB_EINVAL);
}

/* Resolve href as written in f/<base>; the rc, and the path when WB_OK. */
static int resolve(folder *f, const char *base, const char *href, unsigned flags, char *out,
                   size_t size)
{
    char base_path[512];
    snprintf(base_path, sizeof(base_path), "%s/%s", f->dir, base);
    char *path = NULL;
    int rc = wb_path_resolve(&path, base_path, href, flags, NULL);
    if (rc == WB_OK) {
        snprintf(out, size, "%s", path + strlen(f->dir) + 1);
        wb_free(path);
    } else
        assert_null(path);
    return rc;
}

static void test_fileio__names_stay_in_the_folder(void **state)
{
    (void)state;
    folder f;
    setup(&f);
    make_dir(&f, "county");
    make_dir(&f, "county/ledgers");
    make_dir(&f, "county2");
    make_file(&f, "county/dossier.xml", "<dossier/>");
    make_file(&f, "county/ledgers/a.csv", "x");
    make_file(&f, "county2/b.csv", "x");
    make_file(&f, "secret.txt", "x");
    make_link(&f, "county/inside", "ledgers/a.csv");
    make_link(&f, "county/out", "../secret.txt");
    make_link(&f, "county/outdir", "..");
    make_link(&f, "county/etc", "/etc");
    make_link(&f, "county/loop", "loop");
    char got[512];
    const char *base = "county/dossier.xml";
    /* Inside: plain, through a link that stays, ".." that stays, missing. */
    assert_int_equal(resolve(&f, base, "ledgers/a.csv", 0, got, sizeof(got)), WB_OK);
    assert_string_equal(got, "county/ledgers/a.csv");
    assert_int_equal(resolve(&f, base, "inside", 0, got, sizeof(got)), WB_OK);
    assert_int_equal(resolve(&f, base, "ledgers/../ledgers/a.csv", 0, got, sizeof(got)), WB_OK);
    assert_int_equal(resolve(&f, base, "ledgers/not-yet.csv", 0, got, sizeof(got)), WB_OK);
    assert_string_equal(got, "county/ledgers/not-yet.csv");
    /* Outside: absolute, climbing, a sibling whose name starts the same,
       links to a file, a folder and /etc outside, a missing file behind
       such a link, a loop. */
    const char *const out[] = { "/etc/passwd", "../secret.txt", "../county2/b.csv",
                                "ledgers/../../secret.txt", "out", "outdir/secret.txt",
                                "etc/passwd", "etc/nonexistent", "outdir/nothing/../x",
                                "loop", "", "nothing/../../x" };
    for (size_t i = 0; i < sizeof(out) / sizeof(out[0]); i++)
        if (resolve(&f, base, out[i], 0, got, sizeof(got)) != WB_EDENIED)
            fail_msg("'%s' was let out", out[i]);
    /* Allowed by the caller: joined, not checked. */
    assert_int_equal(resolve(&f, base, "../secret.txt", WB_PATH_ALLOW_OUTSIDE, got, sizeof(got)),
                     WB_OK);
    assert_string_equal(got, "county/../secret.txt");
    char *abs = NULL;
    assert_int_equal(wb_path_resolve(&abs, in(&f, base), "/etc/passwd", WB_PATH_ALLOW_OUTSIDE,
                                     NULL), WB_OK);
    assert_string_equal(abs, "/etc/passwd");
    wb_free(abs);
    teardown(&f);
}

static void test_fileio__a_refusal_says_where_the_name_leads(void **state)
{
    (void)state;
    folder f;
    setup(&f);
    make_dir(&f, "county");
    make_file(&f, "county/dossier.xml", "<dossier/>");
    make_link(&f, "county/shadow", "/etc/shadow");
    char *path = NULL;
    wb_error err;
    wb_error_clear(&err);
    char base[512];
    snprintf(base, sizeof(base), "%s", in(&f, "county/dossier.xml"));
    assert_int_equal(wb_path_resolve(&path, base, "shadow", 0, &err), WB_EDENIED);
    assert_non_null(strstr(err.message, "'shadow' is outside the folder of"));
    assert_non_null(strstr(err.message, "a link that leads out of the folder, to '/etc/shadow'"));
    assert_int_equal(wb_path_resolve(&path, base, "/etc/passwd", 0, &err), WB_EDENIED);
    assert_non_null(strstr(err.message, "(an absolute path)"));
    assert_int_equal(wb_path_resolve(NULL, base, "x", 0, NULL), WB_EINVAL);
    teardown(&f);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_fileio__reads_a_regular_file_whole),
    cmocka_unit_test(test_fileio__a_fifo_is_refused_without_blocking),
    cmocka_unit_test(test_fileio__devices_and_folders_are_refused),
    cmocka_unit_test(test_fileio__the_size_is_checked_before_reading),
    cmocka_unit_test(test_fileio__a_missing_file_says_why),
    cmocka_unit_test(test_fileio__names_stay_in_the_folder),
    cmocka_unit_test(test_fileio__a_refusal_says_where_the_name_leads),
};

WB_TEST_MAIN("fileio", tests)
