# `cmake --install` (and `make install`): headers, the layer libraries and a CMake package, so
# that another project can write
#   find_package(parley REQUIRED)
#   target_link_libraries(app PRIVATE parley::parley)   # or parley::core, parley::negotiate, ...
# tests/consumer/ is such a project; ctest builds and runs it against an installed copy.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/parley DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS parley_core parley_forecast parley_negotiate parley_run parley_io parley_report parley
        EXPORT parleyTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS parley_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT parleyTargets NAMESPACE parley:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/parley)

configure_package_config_file(cmake/parleyConfig.cmake.in ${PROJECT_BINARY_DIR}/parleyConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/parleyConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/parleyConfig.cmake ${PROJECT_BINARY_DIR}/parleyConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
