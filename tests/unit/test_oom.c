/*
 * test_oom.c - every allocation the library makes may fail: the call then
 * returns WB_ENOMEM (or succeeds when it can do without), never crashes,
 * and leaks nothing (run under AddressSanitizer's leak checker).
 *
 * The program is linked with --wrap for malloc, calloc and realloc, so the
 * library's own allocations go through the wrappers below; the Nth one is
 * made to fail, for every N until a run completes without reaching N.
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

static long countdown = -1;   /* -1: never fail; 0: fail this one */
static long calls;

static int should_fail(void)
{
    calls++;
    if (countdown < 0)
        return 0;
    return countdown-- == 0;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

typedef int (*operation)(void);

static int open_default(void)
{
    wb_rubric *r = NULL;
    wb_error err;
    int rc = wb_rubric_open_default(&r, &err);
    if (rc == WB_OK) {
        if (wb_rubric_standard_count(r) != 67)
            rc = WB_ERROR;
        wb_rubric_free(r);
    } else if (r != NULL) {
        rc = WB_ERROR;
    }
    return rc;
}

static int check_broken(void)
{
    static const char doc[] =
        "<?xml version=\"1.0\"?>\n"
        "<rubric xmlns=\"urn:weibao:rubric:1\" format=\"1\" edition=\"t\" total=\"3\">\n"
        " <title>t</title>\n <units><unit id=\"a\" name=\"甲\"/></units>\n"
        " <category id=\"1\" name=\"c\"><topic name=\"t\">\n"
        "  <standard id=\"1.1\" points=\"1\"><text>x</text><responsible><unit>乙</unit></responsible></standard>\n"
        "  <standard id=\"1.1\" points=\"1\"><text>y</text><responsible><unit>甲</unit></responsible></standard>\n"
        " </topic></category>\n</rubric>\n";
    wb_diagnostics *d = NULL;
    int rc = wb_rubric_check_buffer(&d, doc, sizeof(doc) - 1, "t.xml", NULL);
    if (rc == WB_OK && wb_diagnostics_count(d) != 3)
        rc = WB_ERROR;
    wb_diagnostics_free(d);
    return rc;
}

static int load_file(void)
{
    wb_rubric *r = NULL;
    int rc = wb_rubric_load_file(&r, WB_SOURCE_DIR "/data/rubric.xml", NULL);
    wb_rubric_free(r);
    return rc;
}

/* Fail allocation 0, 1, 2, … until the operation no longer reaches it. */
static void fail_each_allocation(operation op)
{
    countdown = -1;
    calls = 0;
    assert_int_equal(op(), WB_OK);
    long total = calls;
    print_message("%ld allocations\n", total);
    assert_true(total > 0);
    for (long n = 0; n < total; n++) {
        countdown = n;
        int rc = op();
        countdown = -1;
        if (rc != WB_OK && rc != WB_ENOMEM)
            fail_msg("failing allocation %ld of %ld gave %d", n, total, rc);
    }
}

static void test_oom__open_default(void **state)
{
    (void)state;
    fail_each_allocation(open_default);
}

static void test_oom__check_with_findings(void **state)
{
    (void)state;
    fail_each_allocation(check_broken);
}

static void test_oom__load_file(void **state)
{
    (void)state;
    fail_each_allocation(load_file);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_oom__open_default),
    cmocka_unit_test(test_oom__check_with_findings),
    cmocka_unit_test(test_oom__load_file),
};

WB_TEST_MAIN("oom", tests)
