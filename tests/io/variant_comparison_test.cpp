// compare_variants and comparison_to_json: one staged negotiation per variant, as `parley
// compare` and parley.compare run them.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parley/core/error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/io/variant_comparison.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = kData / ".." / ".." / "scenarios" / "talks-2025.yaml";

StagedOptions seeded(const Scenario&) {
  StagedOptions options;
  options.seed = 3;
  return options;
}

TEST(VariantComparison, EachVariantRunsAsNegotiateRunsIt) {
  const ScenarioFile file = load_scenario_file(kFlagship);
  const VariantComparison comparison = compare_variants(file, {"base", "open-format"}, seeded);
  ASSERT_EQ(comparison.runs.size(), 2U);
  EXPECT_EQ(comparison.runs[0].name, "base");
  EXPECT_TRUE(comparison.runs[0].scenario == file.base);
  EXPECT_TRUE(comparison.runs[1].scenario == file.variants.at("open-format"));
  for (const VariantRun& run : comparison.runs) {
    EXPECT_TRUE(run.result.trace.empty());
    const StagedResult alone = run_staged(run.scenario, seeded(run.scenario));
    EXPECT_EQ(staged_result_to_json(run.scenario, run.result), staged_result_to_json(run.scenario, alone)) << run.name;
  }
  const auto json = comparison_to_json(comparison);
  EXPECT_EQ(json["scenario"], file.base.name);
  ASSERT_EQ(json["variants"].size(), 2U);
  EXPECT_EQ(json["variants"][1]["variant"], "open-format");
  EXPECT_TRUE(json.contains("parley"));
}

TEST(VariantComparison, NoVariantsNamedMeansBaseAndEveryVariant) {
  const ScenarioFile file = load_scenario_file(kFlagship);
  const VariantComparison comparison = compare_variants(file, {}, seeded);
  ASSERT_EQ(comparison.runs.size(), file.base.variants.size() + 1);
  EXPECT_EQ(comparison.runs.front().name, kBaseVariant);
  for (std::size_t v = 0; v < file.base.variants.size(); ++v)
    EXPECT_EQ(comparison.runs[v + 1].name, file.base.variants[v].id);
}

TEST(VariantComparison, UnknownVariantNamesTheFieldAndTheClosestName) {
  const ScenarioFile file = load_scenario_file(kFlagship);
  try {
    compare_variants(file, {"base", "open-formt"}, seeded);
    FAIL() << "unknown variant accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "variants");
    EXPECT_EQ(e.kind(), ErrorKind::unknown_name);
    EXPECT_NE(e.message().find("did you mean 'open-format'"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace parley
