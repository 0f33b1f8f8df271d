# Warning and sanitizer flags live on INTERFACE targets so only our own code gets them.
add_library(runnel_warnings INTERFACE)
target_compile_options(runnel_warnings INTERFACE -Wall -Wextra -Werror -Wno-unused-parameter)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 at -O2 reports -Wrestrict on libstdc++'s own std::string assignment (GCC bug 105651).
  target_compile_options(runnel_warnings INTERFACE -Wno-restrict)
endif()

add_library(runnel_sanitizers INTERFACE)
if(RUNNEL_SANITIZE)
  target_compile_options(runnel_sanitizers INTERFACE -fsanitize=address,undefined
                                                     -fno-sanitize-recover=undefined
                                                     -fno-omit-frame-pointer)
  target_link_options(runnel_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

if(EMSCRIPTEN)
  # Exceptions carry runnel::Error across the engine; wasm exceptions are native in Node 20 and Chromium.
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
endif()
