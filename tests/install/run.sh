#!/bin/sh
# Install libweibao into a staging prefix and use it as its users do:
# a C program found through pkg-config, a CMake project through
# find_package(weibao), the installed CLI, and the Python package.
#   run.sh BUILD_DIR SOURCE_DIR STAGE_DIR PYTHON
set -eu
build=$1 src=$2 stage=$3 python=$4

rm -rf "$stage"
cmake --install "$build" --prefix "$stage" >/dev/null

pc=$(find "$stage" -name weibao.pc | head -n 1)
[ -n "$pc" ] || { echo "weibao.pc was not installed"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")

echo "== pkg-config"
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --define-prefix --cflags --libs weibao)
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror "$src/examples/list_rubric.c" $flags -o "$stage/list_rubric"
LD_LIBRARY_PATH=$libdir "$stage/list_rubric" > "$stage/list_rubric.out"
grep -q '^standards: 67$' "$stage/list_rubric.out"
grep -q '^total points: 100$' "$stage/list_rubric.out"

echo "== find_package"
cmake -S "$src/examples" -B "$stage/example-build" -DCMAKE_PREFIX_PATH="$stage" >/dev/null
cmake --build "$stage/example-build" >/dev/null
LD_LIBRARY_PATH=$libdir "$stage/example-build/list_rubric" | grep -q '^standards: 67$'
"$stage/example-build/list_rubric_static" | grep -q '^standards: 67$'
LD_LIBRARY_PATH=$libdir "$stage/example-build/check_record" > "$stage/check_record.out"
grep -q '^dismissal-deadline: pending$' "$stage/check_record.out"
grep -q 'the 30th working day is 2026-03-30' "$stage/check_record.out"

echo "== installed CLI"
"$stage/bin/weibao-lint" rubric 2.3 | grep -q '30个工作日内'
"$stage/bin/weibao-lint" check "$stage/share/weibao/rubric.xml" \
    "$stage/share/weibao/calendar.xml" "$stage/share/weibao/projection.xml"
"$stage/bin/weibao-lint" due --workdays 30 2026-02-10 | grep -q "^2026-03-30"
"$stage/bin/weibao-lint" check "$stage/share/weibao/rules.xml"
"$stage/bin/weibao-lint" rule dismissal-deadline | grep -q '30个工作日'
test -f "$stage/share/doc/weibao/rules.md"
test -f "$stage/share/man/man1/weibao-lint.1"
test -f "$stage/share/bash-completion/completions/weibao-lint"
# The example county scores 98.5 with contradicted standards: exit 1.
status=0
"$stage/bin/weibao-lint" score --format json "$src/examples/dossier/dossier.xml" \
    > "$stage/score.json" || status=$?
[ "$status" -eq 1 ]
grep -q '"total": 98.5' "$stage/score.json"
test -f "$stage/share/weibao/ledger.xsd"

echo "== python"
pydir=$(find "$stage" -type d \( -name dist-packages -o -name site-packages \) | head -n 1)
if [ -n "$pydir" ]; then
    PYTHONPATH=$pydir "$python" "$src/examples/list_rubric.py" > "$stage/list_rubric_py.out"
    grep -q '市公安局' "$stage/list_rubric_py.out"
    PYTHONPATH=$pydir "$python" "$src/examples/check_ledgers.py" 2026-11-29 \
        "$src/tests/data/ledgers/background-checks.csv" > "$stage/check_ledgers_py.out"
    grep -q '^records: 3$' "$stage/check_ledgers_py.out"
    grep -q '^2.3 BC-3: Dismissal within 30 working days' "$stage/check_ledgers_py.out"
else
    echo "the Python package was not installed" >&2
    exit 1
fi
echo "install: ok"
