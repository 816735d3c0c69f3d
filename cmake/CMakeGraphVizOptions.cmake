# `make graph`: the layer libraries and the CLI, without tests, benchmarks, fuzzers or system libraries.
set(GRAPHVIZ_EXTERNAL_LIBS FALSE)
set(GRAPHVIZ_EXECUTABLES TRUE)
set(GRAPHVIZ_IGNORE_TARGETS "core_tests;forecast_tests;negotiate_tests;io_tests;cli_tests;parley_bench;fuzz_.*")
