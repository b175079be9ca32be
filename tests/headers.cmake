# Each public header compiles on its own, as C11 and as C++, with
# -pedantic -Werror, so that a user can include any of them first.
file(GLOB headers "${SOURCE_DIR}/include/weibao/*.h")
list(APPEND headers "${BINARY_DIR}/include/weibao/version.h")
set(work "${BINARY_DIR}/tests/headers")
file(MAKE_DIRECTORY "${work}")
foreach(h IN LISTS headers)
  get_filename_component(name "${h}" NAME_WE)
  foreach(lang c cxx)
    if(lang STREQUAL "c")
      set(file "${work}/${name}.c")
      set(cmd "${CC}" -std=c11 -x c)
    else()
      set(file "${work}/${name}.cpp")
      find_program(CXX NAMES c++ g++ clang++)
      if(NOT CXX)
        continue()
      endif()
      set(cmd "${CXX}" -std=c++11 -x c++)
    endif()
    file(WRITE "${file}" "#include <weibao/${name}.h>\nint wb_header_test_${name};\n")
    execute_process(
      COMMAND ${cmd} -pedantic -Wall -Wextra -Werror
              -I "${SOURCE_DIR}/include" -I "${BINARY_DIR}/include"
              -c "${file}" -o "${file}.o"
      RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "weibao/${name}.h does not compile alone (${lang}):\n${err}")
    endif()
  endforeach()
endforeach()
