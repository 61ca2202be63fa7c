# socketeer_add_test(NAME SOURCES… [LIBRARIES …] [TIMEOUT s] [NETNS]): one Qt Test executable,
# registered with ctest, headless, with a time limit so a hang fails instead of stalling CI.
# NETNS: the whole test runs inside scripts/netns-run's private two-host network (tests/testnet).
function(socketeer_add_test name)
  cmake_parse_arguments(ARG "NETNS" "TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  qt_add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE socketeer_testsupport Qt6::Test ${ARG_LIBRARIES})
  socketeer_set_warnings(${name})
  if(ARG_NETNS)
    add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/scripts/netns-run $<TARGET_FILE:${name}>)
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false")
endfunction()
