/*
 * fuzz.h - what the libFuzzer targets of tests/fuzz share.
 *
 * Each target feeds its input to one entry point of the library and
 * checks what must hold whatever the input: a failure says why (err has
 * its code and a message), and every finding has its rule, file, place
 * and both messages. A broken promise aborts, so that libFuzzer keeps
 * the input; ASan and UBSan catch the rest.
 *
 * Objects a target needs besides its input (the built-in calendar, rule
 * set, rubric) are built once per process: that is the test's state, the
 * library keeps none.
 */
#ifndef WB_FUZZ_H
#define WB_FUZZ_H

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <weibao/weibao.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                       \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond);  \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Setting up what the targets share fails only for want of memory. */
static inline void fuzz_setup(int rc, const wb_error *err)
{
    if (rc != WB_OK) {
        fprintf(stderr, "fuzz setup: %s\n", err->message);
        abort();
    }
}

/* A failed call says why. */
static inline void fuzz_failure(int rc, const wb_error *err)
{
    if (rc != WB_OK) {
        FUZZ_ASSERT(err->code == rc);
        FUZZ_ASSERT(err->message[0] != '\0');
    }
}

/* Every finding is whole: rule, file, a place from 1 (or 0: none), both
   messages, a severity with a name. */
static inline void fuzz_findings(const wb_diagnostics *list)
{
    size_t n = wb_diagnostics_count(list);
    for (size_t i = 0; i < n; i++) {
        const wb_diagnostic *d = wb_diagnostics_at(list, i);
        FUZZ_ASSERT(d != NULL);
        FUZZ_ASSERT(wb_diagnostic_rule(d) != NULL && wb_diagnostic_rule(d)[0] != '\0');
        FUZZ_ASSERT(wb_diagnostic_file(d) != NULL);
        FUZZ_ASSERT(wb_diagnostic_line(d) >= 0 && wb_diagnostic_column(d) >= 0);
        FUZZ_ASSERT(wb_diagnostic_message(d, WB_LANG_EN) != NULL);
        FUZZ_ASSERT(wb_diagnostic_message(d, WB_LANG_ZH) != NULL);
        FUZZ_ASSERT(wb_severity_name(wb_diagnostic_severity(d)) != NULL);
    }
    FUZZ_ASSERT(wb_diagnostics_at(list, n) == NULL);
}

/* 1 when the n digits at p pass the Luhn check. */
static inline int fuzz_luhn(const char *p, size_t n)
{
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int d = p[n - 1 - i] - '0';
        if (i % 2 == 1 && (d *= 2) > 9)
            d -= 9;
        sum += d;
    }
    return sum % 10 == 0;
}

/* No text the library writes shows an identity number, a mobile number or
   a card number whole: a run of ASCII digits that is one of them. */
static inline void fuzz_nothing_whole(const char *text)
{
    for (const char *p = text; p != NULL && *p != '\0';) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        size_t n = strspn(p, "0123456789");
        size_t len = n + (n == 17 && (p[n] == 'X' || p[n] == 'x'));
        /* A run next to an ASCII letter is a serial, not a number. */
        int alone = (p == text || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[len]);
        if (alone && len == 18) {
            char id[19];
            memcpy(id, p, 18);
            id[18] = '\0';
            FUZZ_ASSERT(!wb_id_number_is_valid(id));
        }
        FUZZ_ASSERT(!(alone && n == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9'));
        FUZZ_ASSERT(!(alone && len == n && n >= 16 && n <= 19 && fuzz_luhn(p, n)));
        p += n;
    }
}

/* The same for every message of a list. */
static inline void fuzz_findings_masked(const wb_diagnostics *list)
{
    for (size_t i = 0; i < wb_diagnostics_count(list); i++) {
        const wb_diagnostic *d = wb_diagnostics_at(list, i);
        fuzz_nothing_whole(wb_diagnostic_message(d, WB_LANG_EN));
        fuzz_nothing_whole(wb_diagnostic_message(d, WB_LANG_ZH));
    }
}

/* The input as a NUL-terminated string, for the calls that take one; the
   caller frees it. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    FUZZ_ASSERT(s != NULL);
    if (size > 0)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
