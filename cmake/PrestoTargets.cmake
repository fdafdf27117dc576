# Helpers that keep per-directory CMakeLists short.

# presto_library(NAME SOURCES... DEPS ...): one static library per src/ directory.
function(presto_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# presto_test(NAME SOURCES... DEPS ...): one GoogleTest binary registered with ctest.
function(presto_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE PRESTO_SHARED_DIR="${PRESTO_SHARED_DIR}")
  # Shared test support (tests/testing/) is included as "testing/...".
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../tests)
  # GCC 12 at -O2 reports false -Wmaybe-uninitialized inside std::variant moves (tests build many
  # Value vectors inline).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${name} PRIVATE -Wno-maybe-uninitialized)
  endif()
  add_test(NAME ${name} COMMAND ${name})
endfunction()

# presto_benchmark(NAME SOURCES... DEPS ...): a Google Benchmark program.
function(presto_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark)
endfunction()

# presto_fuzzer(NAME SOURCES... DEPS ...): a libFuzzer target, only in fuzzing builds.
function(presto_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  if(PRESTO_FUZZ)
    add_executable(${name} ${ARG_SOURCES})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  endif()
endfunction()
