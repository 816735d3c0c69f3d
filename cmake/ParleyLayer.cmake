# parley_layer(TARGET LAYER): the build rules every layer library shares.
#
# Each layer's public headers are include/parley/LAYER/. A layer gets an include directory of
# its own that holds only parley/LAYER (a link into the source tree); a target that links a
# layer sees that layer's headers and, transitively, those of the layers below it — never
# those above. So `#include "parley/negotiate/..."` in core fails to compile.
# The public version string is a compile definition of core, inherited by every layer.
function(parley_layer target layer)
  set(root ${PROJECT_BINARY_DIR}/layers/${layer})
  file(MAKE_DIRECTORY ${root}/parley)
  if(NOT EXISTS ${root}/parley/${layer})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/parley/${layer} ${root}/parley/${layer} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${root}> $<INSTALL_INTERFACE:include>)
  target_compile_definitions(${target} PUBLIC PARLEY_VERSION="${PROJECT_VERSION}")
  string(REPLACE "parley_" "" short ${target})
  add_library(parley::${short} ALIAS ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${short})
endfunction()
