# socketeer_set_warnings(target): the warnings we hold our own code to. SOCKETEER_WERROR (on in CI)
# turns them into errors.
option(SOCKETEER_WERROR "Treat warnings as errors" OFF)

function(socketeer_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference
                         -Wformat=2 -Wimplicit-fallthrough)
  if(SOCKETEER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
