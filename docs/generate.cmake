# Write the pages generated from the library's own tables:
#   cmake -DLINT=weibao-lint -DOUT=dir -P docs/generate.cmake
# docs/rules.md (the rule catalogue) and docs/ledgers.md (the ledger
# columns). The copies in docs/ are compared with these by a test.
foreach(page rules ledgers)
  if(page STREQUAL "rules")
    set(command rule)
  else()
    set(command ledger)
  endif()
  execute_process(COMMAND "${LINT}" ${command} --format markdown
                  OUTPUT_FILE "${OUT}/${page}.md.tmp"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "weibao-lint ${command} --format markdown failed (${rc})")
  endif()
  file(RENAME "${OUT}/${page}.md.tmp" "${OUT}/${page}.md")
endforeach()
