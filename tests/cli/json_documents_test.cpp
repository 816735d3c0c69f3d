// The JSON documents of `parley forecast --json` and `parley evaluate --json`, pinned: the
// same keys, the same value types and the same values as recorded in tests/data/cli_json/
// (written by the binary before Forecast::details became typed and the writers moved to io).
// Numbers compare within a relative 1e-9 (compilers may differ in the last bits); the
// document header ("parley": version and scenario hash) is not compared. evaluate's pinned
// document has no wall-clock "seconds" since they moved behind --timings.

#include <cmath>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kPinned = kData / "cli_json";
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

// The first difference between `expected` and `actual` at `path`, or empty when they agree.
std::string difference(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path) {
  if (expected.is_number() && actual.is_number()) {
    if (expected.is_number_float() != actual.is_number_float())
      return path + ": integer and floating-point differ (" + expected.dump() + " vs " + actual.dump() + ")";
    const double a = expected.get<double>(), b = actual.get<double>();
    if (a == b || std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b))) return "";
    return path + ": " + expected.dump() + " vs " + actual.dump();
  }
  if (expected.type() != actual.type()) return path + ": type " + expected.type_name() + " vs " + actual.type_name();
  if (expected.is_object()) {
    for (const auto& item : expected.items())
      if (!actual.contains(item.key())) return path + "." + item.key() + ": missing";
    for (const auto& item : actual.items()) {
      // The document header (version, scenario hash) came later; DocumentHeader tests check it.
      if (path == "$" && item.key() == "parley") continue;
      if (!expected.contains(item.key())) return path + "." + item.key() + ": not expected";
    }
    for (const auto& item : expected.items()) {
      const std::string found = difference(item.value(), actual[item.key()], path + "." + item.key());
      if (!found.empty()) return found;
    }
    return "";
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size())
      return path + ": " + std::to_string(expected.size()) + " vs " + std::to_string(actual.size()) + " elements";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const std::string found = difference(expected[i], actual[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
    return "";
  }
  return expected == actual ? "" : path + ": " + expected.dump() + " vs " + actual.dump();
}

void expect_pinned(const std::string& arguments, const std::string& pinned) {
  const auto result = run_cli(arguments);
  ASSERT_EQ(result.status, 0) << arguments << "\n" << result.err;
  const auto expected = nlohmann::json::parse(slurp(kPinned / pinned));
  // Paths of input files appear in the documents as given: pinned relative to the source tree.
  std::string out = result.out;
  const std::string absolute = kData.string() + "/";
  for (auto at = out.find(absolute); at != std::string::npos; at = out.find(absolute, at))
    out.replace(at, absolute.size(), "tests/data/");
  const auto actual = nlohmann::json::parse(out);
  EXPECT_EQ(difference(expected, actual, "$"), "") << arguments;
}

TEST(JsonDocuments, DifferenceFindsChangedKeysTypesAndValues) {
  const auto base = nlohmann::json::parse(R"({"a": [1, 2.5, "x"], "seconds": 3})");
  EXPECT_EQ(difference(base, nlohmann::json::parse(R"({"a": [1, 2.5, "x"], "seconds": 3})"), "$"), "");
  EXPECT_NE(difference(base, nlohmann::json::parse(R"({"a": [1, 2.5, "y"], "seconds": 3})"), "$"), "");
  EXPECT_NE(difference(base, nlohmann::json::parse(R"({"a": [1.0, 2.5, "x"], "seconds": 3})"), "$"), "");
  EXPECT_NE(difference(base, nlohmann::json::parse(R"({"a": [1, 2.6, "x"], "seconds": 3})"), "$"), "");
  EXPECT_NE(difference(base, nlohmann::json::parse(R"({"a": [1, 2.5, "x"], "seconds": 3, "b": 1})"), "$"), "");
  EXPECT_NE(difference(base, nlohmann::json::parse(R"({"a": [1, 2.5], "seconds": 3})"), "$"), "");
}

TEST(JsonDocuments, ForecastFlagshipEveryModel) {
  expect_pinned("forecast " + quoted(kFlagship) + " --json", "forecast_flagship.json");
}

TEST(JsonDocuments, ForecastKtabXmlWithItsParameters) {
  expect_pinned("forecast " + quoted(kData / "ktab/inputs/d3-default.xml") + " --json", "forecast_ktab_d3_default.json");
}

TEST(JsonDocuments, ForecastSmpWithIdealAdjustment) {
  expect_pinned("forecast " + quoted(kData / "ktab/inputs/d3-default.xml") +
                    " --model smp --param "
                    "'IdealAdjustment=[[\"SActor-00\",\"SActor-01\",0.5],[\"SActor-00\",\"SActor-00\",0.5]]' --json",
                "forecast_ktab_d3_ideal_adjustment.json");
}

TEST(JsonDocuments, ForecastEumWithoutOffers) {
  expect_pinned("forecast " + quoted(kData / "bdm/jmckib_ExampleActors_BDM1994_emissions.csv") +
                    " --model eum --param record_offers=false --json",
                "forecast_emissions_eum_quiet.json");
}

TEST(JsonDocuments, ForecastDeuStaticModels) {
  expect_pinned("forecast " + quoted(kData / "deu/deu3.tsv") + " --model compromise,median,nash --json",
                "forecast_deu3_static.json");
}

TEST(JsonDocuments, EvaluateDeu) {
  expect_pinned("evaluate " + quoted(kData / "deu/deu3.tsv") + " --folds 10 --seed 1 --json", "evaluate_deu3.json");
}

}  // namespace
}  // namespace parley::test
