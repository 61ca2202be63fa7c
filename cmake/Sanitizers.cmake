# SOCKETEER_SANITIZE=address,undefined or =thread builds everything (ours, not Qt) instrumented.
set(SOCKETEER_SANITIZE "" CACHE STRING "Sanitizers to build with: 'address,undefined' or 'thread'")
if(SOCKETEER_SANITIZE)
  add_compile_options(-fsanitize=${SOCKETEER_SANITIZE} -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${SOCKETEER_SANITIZE})
  if(SOCKETEER_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()

# SOCKETEER_FUZZ=ON (scripts/fuzz.sh, clang only) also builds the libFuzzer binaries of tests/fuzz,
# and instruments everything of ours for coverage so the fuzzer sees inside the core too. Used with
# SOCKETEER_SANITIZE=address,undefined.
option(SOCKETEER_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(SOCKETEER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SOCKETEER_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
