# SOCKETEER_SANITIZE=address,undefined or =thread builds everything (ours, not Qt) instrumented.
set(SOCKETEER_SANITIZE "" CACHE STRING "Sanitizers to build with: 'address,undefined' or 'thread'")
if(SOCKETEER_SANITIZE)
  add_compile_options(-fsanitize=${SOCKETEER_SANITIZE} -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${SOCKETEER_SANITIZE})
  if(SOCKETEER_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()
