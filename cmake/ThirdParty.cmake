# Header-only third-party libraries (fmt, nlohmann-json) come from Debian's /usr/include. em++ must not
# see the rest of /usr/include (glibc), so we expose just those folders through links in the build tree.
set(RUNNEL_THIRD_PARTY_INCLUDE ${CMAKE_BINARY_DIR}/third_party/include)
file(MAKE_DIRECTORY ${RUNNEL_THIRD_PARTY_INCLUDE})
foreach(dir fmt nlohmann)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: run ./dev setup")
  endif()
  if(NOT EXISTS ${RUNNEL_THIRD_PARTY_INCLUDE}/${dir})
    file(CREATE_LINK /usr/include/${dir} ${RUNNEL_THIRD_PARTY_INCLUDE}/${dir} SYMBOLIC)
  endif()
endforeach()

add_library(runnel_third_party INTERFACE)
target_include_directories(runnel_third_party SYSTEM INTERFACE ${RUNNEL_THIRD_PARTY_INCLUDE})
target_compile_definitions(runnel_third_party INTERFACE FMT_HEADER_ONLY=1)

if(RUNNEL_BUILD_TESTS)
  # GoogleTest from Debian's sources, so the same suites build natively and with em++.
  set(gtest_disable_pthreads ${EMSCRIPTEN} CACHE BOOL "" FORCE)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
endif()
