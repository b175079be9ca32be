# A smoke run of one fuzz target: its checked-in corpus, then mutations,
# RUNS executions in all, with a fixed seed. New inputs go to WORK (made
# afresh), never into the source tree; a crash, leak, timeout or broken
# check fails the test and leaves the input in WORK.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/new")
execute_process(
  COMMAND "${FUZZER}" -runs=${RUNS} -seed=1 -timeout=25 -rss_limit_mb=2048
          -print_final_stats=1 -dict=${DICT} -artifact_prefix=${WORK}/
          "${WORK}/new" "${CORPUS}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${rc}); the input is in ${WORK}")
endif()
