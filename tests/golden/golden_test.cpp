// The golden negotiation traces: (a) this build (g++, libstdc++) reproduces
// tests/data/golden/traces.txt byte for byte; the libc++ build is the ctest
// golden.libcxx (tests/libcxx/run.sh). Their scenarios, built in code, still equal their files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "golden_sources.hpp"
#include "golden_traces.hpp"
#include "parley/io/load.hpp"
#include "scenario_code.hpp"

namespace parley::golden {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Golden, ScenariosInCodeEqualTheirFiles) {
  for (const GoldenSource& source : golden_sources()) {
    SCOPED_TRACE(source.path);
    const Scenario loaded = load_scenario(std::string(PARLEY_SOURCE_DIR) + "/" + source.path);
    EXPECT_EQ(scenario_code(source.make(), source.function), scenario_code(loaded, source.function))
        << "regenerate tests/golden/golden_scenarios.cpp with golden_dump";
  }
}

TEST(Golden, TracesMatchTheGoldenFile) {
  const std::string expected = read(std::string(PARLEY_TEST_DATA) + "/golden/traces.txt");
  ASSERT_FALSE(expected.empty()) << "tests/data/golden/traces.txt is missing";
  const std::string actual = golden_traces();
  if (actual == expected) return;
  // Report the first differing line rather than two megabyte-long strings.
  std::istringstream a(actual), e(expected);
  std::string line_a, line_e;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_e = static_cast<bool>(std::getline(e, line_e));
    if (!more_a && !more_e) break;
    if (line_a != line_e || more_a != more_e) {
      ADD_FAILURE() << "traces.txt:" << line << "\n  expected: " << line_e << "\n  actual:   " << line_a;
      return;
    }
  }
  FAIL() << "traces differ (line endings?)";
}

TEST(Golden, TracesAreDeterministic) { EXPECT_EQ(golden_traces(), golden_traces()); }

}  // namespace
}  // namespace parley::golden
