#!/bin/sh
# Build, run and test libweibao on Debian 12.
#
#   sh tools/dev.sh deps    install the build dependencies (apt-get, as root or with sudo)
#   sh tools/dev.sh build   deps, then configure and build into build/
#   sh tools/dev.sh demo    build, then lint the example county's dossier and ledgers
#                           (examples/dossier) and score it against the built-in
#                           rubric, calendar and rules, writing build/report.html
#   sh tools/dev.sh test    build, run every test, then the C tests again under
#                           AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/),
#                           the C tests and the demo's commands under valgrind,
#                           the threads test under ThreadSanitizer (build-tsan/),
#                           a Release build of the library and CLI (build-release/),
#                           then the fuzz targets' smoke runs (build-fuzz/)
#   sh tools/dev.sh fuzz    build the libFuzzer targets with Clang (build-fuzz/) and
#                           give each a smoke run over its corpus (tests/fuzz)
#   sh tools/dev.sh docs    build, then copy the pages generated from the library's
#                           tables (docs/rules.md, docs/ledgers.md) into docs/
#
# Python is Debian's /usr/bin/python3, so that the bindings are built and
# tested for the interpreter that `cmake --install` installs them for.
set -eu

cd "$(dirname "$0")/.."

# gcc's sanitizer runtimes (libasan8, libubsan1, libtsan2) come with build-essential.
PACKAGES="build-essential cmake pkg-config libxml2-dev libxml2-utils libpcre2-dev \
libcmocka-dev swig python3 python3-dev valgrind clang libclang-rt-14-dev"
PYTHON=/usr/bin/python3
JOBS=$(nproc 2>/dev/null || echo 2)

deps() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    # shellcheck disable=SC2086
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

build() {
    deps
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DPython3_EXECUTABLE="$PYTHON" >/dev/null
    cmake --build build -j "$JOBS"
}

demo() {
    build >/dev/null
    echo "== The example county's dossier (examples/dossier), linted and scored against"
    echo "== the built-in rubric, calendar and rules; the HTML report is build/report.html"
    # The check finds what the example gets wrong on purpose; exit 1 is expected.
    ./build/tools/weibao-lint check --as-of 2026-11-29 examples/dossier/dossier.xml \
        $(sed -n 's/.*<ledger href="\([^"]*\)".*/examples\/dossier\/\1/p' examples/dossier/dossier.xml) \
        || [ $? -eq 1 ]
    ./build/tools/weibao-lint score examples/dossier/dossier.xml --format html -o build/report.html \
        || [ $? -eq 1 ]
    ./build/tools/weibao-lint score examples/dossier/dossier.xml || [ $? -eq 1 ]
}

sanitize() {
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DWB_SANITIZE=ON \
          -DWB_BUILD_PYTHON=OFF -DPython3_EXECUTABLE="$PYTHON" >/dev/null
    cmake --build build-asan -j "$JOBS"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan -L 'unit|golden|cli' --output-on-failure -j "$JOBS"
}

# Valgrind's memcheck over build/: each unit-test program once, whole, and
# weibao-lint on the example dossier (tests/CMakeLists.txt, label valgrind).
memcheck() {
    ctest --test-dir build -C valgrind -L valgrind --no-tests=error --output-on-failure -j "$JOBS"
}

# Only the library and the threads test, under ThreadSanitizer.
tsan() {
    cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWB_SANITIZE=thread \
          -DWB_BUILD_PYTHON=OFF -DPython3_EXECUTABLE="$PYTHON" >/dev/null
    cmake --build build-tsan -j "$JOBS" --target test_threads
    TSAN_OPTIONS=halt_on_error=1 ./build-tsan/tests/test_threads
}

# A Release build (-O3) of the library and the CLI: the optimiser's
# warnings (maybe-uninitialized) are errors too.
release() {
    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release \
          -DWB_BUILD_TESTS=OFF -DWB_BUILD_PYTHON=OFF >/dev/null
    cmake --build build-release -j "$JOBS"
}

# The fuzz targets (tests/fuzz), built with Clang and libFuzzer, each run
# for a fixed number of runs from its checked-in corpus.
fuzz() {
    CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWB_FUZZ=ON \
          -DWB_BUILD_TESTS=OFF -DWB_BUILD_PYTHON=OFF -DPython3_EXECUTABLE="$PYTHON" >/dev/null
    cmake --build build-fuzz -j "$JOBS" --target fuzzers
    ctest --test-dir build-fuzz -L fuzz --output-on-failure -j "$JOBS"
}

test_all() {
    build
    ctest --test-dir build --output-on-failure -j "$JOBS"
    sanitize
    memcheck
    tsan
    release
    fuzz
}

case "${1:-}" in
    deps) deps ;;
    build) build ;;
    demo) demo ;;
    test) test_all ;;
    sanitize) deps; sanitize ;;
    fuzz) deps; fuzz ;;
    docs) build; cp build/docs/rules.md build/docs/ledgers.md docs/ ;;
    *) echo "usage: sh tools/dev.sh deps|build|demo|test|sanitize|fuzz|docs" >&2; exit 2 ;;
esac
