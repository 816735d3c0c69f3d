// The command line as users meet it: exit statuses, messages, files left behind.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

TEST(Cli, VersionAndHelp) {
  const auto version = run_cli("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out, std::string("parley ") + PARLEY_VERSION + "\n");
  for (const char* command : {"validate", "show", "analyze", "import genius"}) {
    const auto help = run_cli(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("Examples:"), std::string::npos) << command << " --help teaches by example";
  }
}

TEST(Cli, UnknownCommandOrOptionIsBadInput) {
  EXPECT_EQ(run_cli("frobnicate").status, 2);
  EXPECT_EQ(run_cli("analyze " + quoted(kFlagship) + " --no-such-option").status, 2);
  EXPECT_EQ(run_cli("").status, 2);
}

TEST(Cli, MissingFileIsBadInput) {
  const auto result = run_cli("validate /nonexistent/scenario.yaml");
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("/nonexistent/scenario.yaml"), std::string::npos) << result.err;
}

TEST(Cli, FlagshipValidatesAndShows) {
  const auto validate = run_cli("validate " + quoted(kFlagship));
  EXPECT_EQ(validate.status, 0) << validate.err;
  EXPECT_NE(validate.out.find("6 actors, 9 issues, 4 channels, 2 stages, 3 links, 4 variants"), std::string::npos)
      << validate.out;
  const auto show = run_cli("show " + quoted(kFlagship));
  EXPECT_EQ(show.status, 0) << show.err;
  for (const char* text : {"United States", "ceasefire", "us-ru", "settlement", "trade-ukraine", "1771561"})
    EXPECT_NE(show.out.find(text), std::string::npos) << text;
}

TEST(Cli, AVariantWithoutADescriptionIsShownByItsName) {
  const auto dir = fresh_directory("variant");
  const auto file = dir / "plain.yaml";
  std::ofstream(file) << "name: plain\nissues:\n  aid: {name: aid}\n"
                         "actors:\n"
                         "  us: {stances: {aid: {position: 10, salience: 1}}}\n"
                         "  ru: {stances: {aid: {position: 90, salience: 1}}}\n"
                         "variants:\n  quiet:\n    set: {actors.us.stances.aid.salience: 0.5}\n";
  const auto show = run_cli("show " + quoted(file));
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("  quiet\n    sets actors.us.stances.aid.salience"), std::string::npos) << show.out;
  std::filesystem::remove_all(dir);
}

TEST(Cli, AnalyzeJsonHasTheDocumentedKeys) {
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --stage truce --json");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["parties"], nlohmann::json({"us", "ru", "ua"}));
  EXPECT_EQ(json["outcomes"], 605);  // ceasefire × aid × normalization, which a link joins
  EXPECT_EQ(json["linked"], nlohmann::json({"normalization"}));
  ASSERT_FALSE(json["pareto"].empty());
  for (const auto& point : json["pareto"]) {
    EXPECT_TRUE(point["outcome"].contains("ceasefire"));
    EXPECT_EQ(point["utilities"].size(), 3u);
  }
  for (const char* key : {"nash", "kalai_smorodinsky", "utilitarian", "egalitarian"}) {
    ASSERT_TRUE(json.contains(key)) << key;
    if (!json[key].is_null()) {
      EXPECT_EQ(json[key]["utilities"].size(), 3u) << key;
    }
  }
  // The win-set's keys (docs/analysis.md, analysis_json.hpp).
  ASSERT_TRUE(json.contains("win_set"));
  const auto& w = json["win_set"];
  for (const char* key : {"size", "table", "empty", "parties", "shrinks_by", "nash", "kalai_smorodinsky", "utilitarian",
                          "blockers"})
    EXPECT_TRUE(w.contains(key)) << key;
  for (const char* key : {"count", "share", "exact"}) EXPECT_TRUE(w["size"].contains(key)) << key;
  for (const char* key : {"actor", "role", "reservation", "accepts", "best"})
    EXPECT_TRUE(w["parties"][0].contains(key)) << key;
}

TEST(Cli, AnalyzePlacesAnOutcome) {
  const auto result = run_cli("analyze " + quoted(kFlagship) +
                              " --stage truce --outcome 'ceasefire=full 30-day' --outcome aid=60 --json --without-links");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["probe"]["outcome"]["ceasefire"], "full 30-day");
  EXPECT_GE(json["probe"]["distances"]["pareto"].get<double>(), 0.0);
}

TEST(Cli, BadOptionValuesNameTheOption) {
  const auto stage = run_cli("analyze " + quoted(kFlagship) + " --stage truse");
  EXPECT_EQ(stage.status, 2);
  EXPECT_NE(stage.err.find("did you mean 'truce'"), std::string::npos) << stage.err;
  const auto outcome = run_cli("analyze " + quoted(kFlagship) + " --stage truce --outcome aid=60");
  EXPECT_EQ(outcome.status, 2);
  EXPECT_NE(outcome.err.find("no value given for issue ceasefire"), std::string::npos) << outcome.err;
}

TEST(Cli, VariantsChangeTheAnalysis) {
  const auto base = nlohmann::json::parse(run_cli("analyze " + quoted(kFlagship) + " --stage truce --json").out);
  const auto open = run_cli("analyze " + quoted(kFlagship) + " --stage truce --variant open-format --json");
  ASSERT_EQ(open.status, 0) << open.err;
  const auto json = nlohmann::json::parse(open.out);
  EXPECT_EQ(json["variant"], "open-format");
  EXPECT_GT(json["parties"].size(), base["parties"].size()) << "the open format brings every stakeholder to the table";
}

}  // namespace
}  // namespace parley::test

namespace parley::test {
namespace {

// Acceptance: `parley analyze --json` on every ANAC 2012 folder, with the documented keys.
TEST(Cli, AnalyzeJsonOnEveryAnac2012Domain) {
  std::size_t folders = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kData / "genius/anac/y2012")) {
    SCOPED_TRACE(entry.path().string());
    const auto result = run_cli("analyze " + quoted(entry.path()) + " --json");
    ASSERT_EQ(result.status, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    ASSERT_GE(json["parties"].size(), 2u);
    EXPECT_GT(json["outcomes"].get<double>(), 0);
    ASSERT_FALSE(json["pareto"].empty());
    for (const char* key : {"nash", "kalai_smorodinsky", "utilitarian", "egalitarian"}) EXPECT_TRUE(json.contains(key));
    EXPECT_EQ(json["utilitarian"]["utilities"].size(), json["parties"].size());
    ++folders;
  }
  EXPECT_EQ(folders, 72u);
}

}  // namespace
}  // namespace parley::test

namespace parley::test {
namespace {

TEST(Cli, MisspelledCommandIsNamedWithASuggestion) {
  const auto result = run_cli("anaylze " + quoted(kFlagship));
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("unknown command 'anaylze' (did you mean 'analyze'?)"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(Cli, NegativeSeedIsRefused) {
  for (const char* command : {"negotiate", "forecast", "evaluate"}) {
    const auto result = run_cli(std::string(command) + " " + quoted(kFlagship) + " --seed -1");
    EXPECT_EQ(result.status, 2) << command;
    EXPECT_NE(result.err.find("--seed"), std::string::npos) << command << ": " << result.err;
    EXPECT_NE(result.err.find("whole number"), std::string::npos) << command << ": " << result.err;
  }
  EXPECT_EQ(run_cli("negotiate " + quoted(kFlagship) + " --seed 18446744073709551615 --json").status, 0);
}

}  // namespace
}  // namespace parley::test

namespace parley::test {
namespace {

// An --outcome names a value of each issue: a number between grid points, or NaN, is refused
// with what the values are, never snapped silently (issue 8).
TEST(Cli, OutcomeOffTheGridOrNotANumberIsRefused) {
  const std::string stage =
      "analyze " + quoted(kFlagship) + " --stage truce --outcome 'ceasefire=full 30-day' --outcome normalization=50 ";
  EXPECT_EQ(run_cli(stage + "--outcome aid=60").status, 0);
  const auto off_grid = run_cli(stage + "--outcome aid=65");
  EXPECT_EQ(off_grid.status, 2);
  EXPECT_NE(off_grid.err.find("--outcome: 65 is not a value of issue aid"), std::string::npos) << off_grid.err;
  EXPECT_NE(off_grid.err.find("the nearest is"), std::string::npos) << off_grid.err;
  for (const char* text : {"nan", "inf"}) {
    const auto result = run_cli(stage + "--outcome aid=" + text);
    EXPECT_EQ(result.status, 2) << text;
    EXPECT_NE(result.err.find("--outcome"), std::string::npos) << result.err;
  }
}

}  // namespace
}  // namespace parley::test
