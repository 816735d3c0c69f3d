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

// Empty when equal; else the first line that differs, as "line N: expected ... actual ...".
std::string first_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return {};
  std::istringstream e(expected), a(actual);
  std::string line_e, line_a;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, line_e));
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    if (!more_e && !more_a) return "same lines, different line endings";
    if (more_e != more_a || line_e != line_a)
      return "line " + std::to_string(line) + "\n  expected: " + (more_e ? line_e : "(end)") +
             "\n  actual:   " + (more_a ? line_a : "(end)");
  }
}

TEST(Golden, ScenariosInCodeEqualTheirFiles) {
  for (const GoldenSource& source : golden_sources()) {
    const Scenario loaded = load_scenario(std::string(PARLEY_SOURCE_DIR) + "/" + source.path);
    const std::string difference =
        first_difference(scenario_code(loaded, source.function), scenario_code(source.make(), source.function));
    EXPECT_EQ(difference, "") << source.path << " differs from its code in tests/golden/golden_scenarios.cpp; "
                              << "regenerate it: build/tests/golden_dump > tests/golden/golden_scenarios.cpp";
  }
}

TEST(Golden, TracesMatchTheGoldenFile) {
  const std::string expected = read(std::string(PARLEY_TEST_DATA) + "/golden/traces.txt");
  ASSERT_FALSE(expected.empty()) << "tests/data/golden/traces.txt is missing";
  EXPECT_EQ(first_difference(expected, golden_traces()), "") << "in tests/data/golden/traces.txt";
}

TEST(Golden, TracesAreDeterministic) { EXPECT_EQ(golden_traces(), golden_traces()); }

}  // namespace
}  // namespace parley::golden
