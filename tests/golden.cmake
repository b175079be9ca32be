# Run weibao-lint on a golden case and compare its findings.
#   cmake -DLINT=weibao-lint -DCASE_DIR=dir -DKIND=valid|invalid -P golden.cmake
# The findings are printed in English with the file name stripped, so that
# expected.txt reads "line:col: severity: message [rule]" (a finding about
# a whole ledger, with no line, reads " severity: message [rule]").
# The input is input.xml or input.csv; args.txt, when present, holds more
# arguments for check, one a line (a ledger's --as-of, for one).
set(input "${CASE_DIR}/input.xml")
if(EXISTS "${CASE_DIR}/input.csv")
  set(input "${CASE_DIR}/input.csv")
endif()
set(args "")
if(EXISTS "${CASE_DIR}/args.txt")
  file(STRINGS "${CASE_DIR}/args.txt" args)
endif()
execute_process(
  COMMAND "${LINT}" check --lang en --fail-on note ${args} "${input}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REPLACE "${input}:" "" out "${out}")

if(KIND STREQUAL "valid")
  if(NOT rc EQUAL 0 OR NOT out STREQUAL "")
    message(FATAL_ERROR "expected a clean check, got exit ${rc}:\n${out}${err}")
  endif()
  return()
endif()

file(READ "${CASE_DIR}/expected.txt" expected)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1, got ${rc}:\n${out}${err}")
endif()
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "findings differ.\n--- expected\n${expected}--- got\n${out}")
endif()
