/*
 * runner.h - the main() every cmocka test program shares.
 *
 * With no argument every case runs; with one, only the case of that name
 * (ctest registers each case on its own this way). A filter that matches
 * no case is an error, so a renamed case cannot pass by running nothing.
 */
#ifndef WB_TEST_RUNNER_H
#define WB_TEST_RUNNER_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#define WB_TEST_MAIN(group_name, tests)                                     \
    int main(int argc, char **argv)                                          \
    {                                                                        \
        if (argc > 1) {                                                      \
            size_t n_ = sizeof(tests) / sizeof(tests[0]), found_ = 0;       \
            for (size_t i_ = 0; i_ < n_; i_++)                               \
                if (strcmp(tests[i_].name, argv[1]) == 0)                    \
                    found_ = 1;                                              \
            if (!found_) {                                                   \
                fprintf(stderr, "no test case named %s\n", argv[1]);         \
                return 2;                                                    \
            }                                                                \
            cmocka_set_test_filter(argv[1]);                                 \
        }                                                                    \
        return cmocka_run_group_tests_name(group_name, tests, NULL, NULL);   \
    }

#endif
