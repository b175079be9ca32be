#!/bin/sh
# Run one program under valgrind's memcheck (tests/CMakeLists.txt, label
# valgrind). Any error, and any definite or indirect leak, fails; so does an
# exit status other than the one expected (weibao-lint exits 1 when it
# reports findings, as it does for the example dossier).
#
#   sh valgrind.sh VALGRIND EXPECTED_STATUS PROGRAM [ARG...]
#
# No suppressions: Debian 12's libc, libxml2, PCRE2 and cmocka give none.
set -u
valgrind=$1 expected=$2
shift 2
# 99: an exit status that neither the tests nor weibao-lint use.
"$valgrind" -q --tool=memcheck --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --num-callers=30 "$@"
status=$?
if [ "$status" -eq 99 ]; then
    echo "valgrind: memcheck found errors (above)" >&2
    exit 1
fi
if [ "$status" -ne "$expected" ]; then
    echo "valgrind: $1 exited with $status, expected $expected" >&2
    exit 1
fi
