// load_scenario_file: one read of a scenario file gives the base and every variant, each equal
// (defaulted operator==, every field) to what load_scenario returns for it.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = kData / ".." / ".." / "scenarios" / "talks-2025.yaml";

void expect_matches_load_scenario(const std::filesystem::path& path) {
  const ScenarioFile file = load_scenario_file(path);
  EXPECT_TRUE(file.base == load_scenario(path)) << path;
  EXPECT_TRUE(file.base.variant.empty());
  ASSERT_EQ(file.variants.size(), file.base.variants.size()) << path;
  for (const VariantSummary& summary : file.base.variants) {
    const auto it = file.variants.find(summary.id);
    ASSERT_NE(it, file.variants.end()) << summary.id;
    EXPECT_EQ(it->second.variant, summary.id);
    EXPECT_TRUE(it->second == load_scenario(path, summary.id)) << path << " variant " << summary.id;
    EXPECT_FALSE(it->second == file.base) << summary.id;  // the overrides were applied
  }
}

TEST(ScenarioFile, FlagshipVariantsEqualLoadScenario) {
  const ScenarioFile file = load_scenario_file(kFlagship);
  EXPECT_GE(file.variants.size(), 3U);
  expect_matches_load_scenario(kFlagship);
}

TEST(ScenarioFile, FullFixtureVariantsEqualLoadScenario) { expect_matches_load_scenario(kData / "scenarios" / "full.yaml"); }

TEST(ScenarioFile, OtherFormatsHaveNoVariants) {
  const std::filesystem::path csv = kData / "bdm" / "classnotes_brexit.csv";
  const ScenarioFile file = load_scenario_file(csv);
  EXPECT_TRUE(file.variants.empty());
  EXPECT_TRUE(file.base == load_scenario(csv));
}

TEST(ScenarioFile, ABrokenVariantFailsTheFile) {
  const std::string text =
      "name: t\n"
      "issues: {x: {}}\n"
      "actors: {a: {stances: {x: {position: 5}}}}\n"
      "variants:\n"
      "  near:\n"
      "    set:\n"
      "      actors.a.stances.x.position: 6\n"
      "  far:\n"
      "    set:\n"
      "      actors.a.stances.x.position: 500\n";
  try {
    parse_scenario_file_yaml(text, "v.yaml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 10);
    EXPECT_NE(error.message().find("(in variant 'far')"), std::string::npos) << error.what();
  }
  const std::string good = text.substr(0, text.find("  far:"));
  const ScenarioFile file = parse_scenario_file_yaml(good, "v.yaml");
  ASSERT_EQ(file.variants.count("near"), 1U);
  EXPECT_TRUE(file.variants.at("near") == parse_scenario_yaml(good, "v.yaml", "near"));
  EXPECT_TRUE(file.base == parse_scenario_yaml(good, "v.yaml"));
}

}  // namespace
}  // namespace parley
