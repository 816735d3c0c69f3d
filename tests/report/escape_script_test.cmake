# ctest report.EscapeScript: cmake/ParleyEscapeScript.cmake, which the build applies to every
# inlined script, escapes "</script" in any letter case and leaves everything else alone.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/ParleyEscapeScript.cmake)
set(cases
  "a='</script>'|a='<\\/script>'"
  "x=\"</SCRIPT \"+\"</Script>\"|x=\"<\\/SCRIPT \"+\"<\\/Script>\""
  "/<\\/script/.test(s)|/<\\/script/.test(s)"
  "a<b&&c</scrip,d</style>|a<b&&c</scrip,d</style>")
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" pair "${case}")
  list(GET pair 0 input)
  list(GET pair 1 expected)
  parley_escape_script("${input}" actual)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "escape of [${input}]: got [${actual}], expected [${expected}]")
  endif()
endforeach()
message(STATUS "every </script escaped")
