// `parley negotiate` and `parley compare` as users meet them: the narrative, the JSON keys,
// the trace file, and bad options (exit 2, no file written).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

class NegotiateCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("negotiate"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(NegotiateCli, HelpTeachesByExample) {
  for (const char* command : {"negotiate", "compare"}) {
    const auto help = run_cli(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("Examples:"), std::string::npos) << command;
  }
}

TEST_F(NegotiateCli, FlagshipNarrativeTellsTheStages) {
  const auto result = run_cli("negotiate " + quoted(kFlagship));
  ASSERT_EQ(result.status, 0) << result.err;
  for (const char* text :
       {"Stage 1 of 2 · truce — 30-day truce", "Stage 2 of 2 · settlement", "Channel us-ru", "At the table: us (boulware), ru (boulware)",
        "Must ratify (outside the channel): ua", "linked in: normalization", "Ratification: ua", "Result:",
        "Announced to outsiders: ua, eu, uk, cn", "distance to the Pareto frontier", "Final outcome", "Overall utility"})
    EXPECT_NE(result.out.find(text), std::string::npos) << text << "\n" << result.out;
  // Values read in the issues' own words.
  EXPECT_TRUE(result.out.find("ceasefire") != std::string::npos);
}

TEST_F(NegotiateCli, JsonHasTheDocumentedKeys) {
  const auto result = run_cli("negotiate " + quoted(kFlagship) + " --json");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  for (const char* key : {"scenario", "variant", "seed", "clock", "strategies", "stages", "issues", "overall"})
    EXPECT_TRUE(json.contains(key)) << key;
  ASSERT_EQ(json["stages"].size(), 2u);
  const auto& truce = json["stages"][0];
  EXPECT_EQ(truce["id"], "truce");
  EXPECT_EQ(truce["channel"], "us-ru");
  EXPECT_EQ(truce["outsiders_see"], "decisions");
  EXPECT_EQ(truce["parties"], nlohmann::json({"us", "ru"}));
  EXPECT_EQ(truce["ratifiers"], nlohmann::json({"ua"}));
  for (const char* key : {"status", "holds", "reason", "agenda", "rounds", "moves", "time_offset", "elapsed",
                          "agreement", "agreed_in_principle", "ratification", "utilities", "analysis", "concessions",
                          "conceded_most", "strategies", "stakeholders", "on_failure"})
    EXPECT_TRUE(truce.contains(key)) << key;
  EXPECT_EQ(truce["agenda"]["issues"], nlohmann::json({"ceasefire", "aid", "normalization"}));
  EXPECT_TRUE(truce["utilities"]["us"].contains("gain"));
  EXPECT_TRUE(truce["analysis"].contains("nash"));
  EXPECT_TRUE(truce["analysis"].contains("kalai_smorodinsky"));
  EXPECT_TRUE(json["issues"]["ceasefire"].contains("status"));
}

TEST_F(NegotiateCli, TraceIsJsonLinesWithObservers) {
  const auto trace = dir_ / "talks.jsonl";
  const auto result = run_cli("negotiate " + quoted(kFlagship) + " --trace " + quoted(trace));
  ASSERT_EQ(result.status, 0) << result.err;
  std::istringstream lines(slurp(trace));
  std::string line;
  std::size_t count = 0, offers = 0;
  while (std::getline(lines, line)) {
    const auto record = nlohmann::json::parse(line);
    for (const char* key : {"seq", "stage", "channel", "round", "time", "clock", "kind", "sender", "addressee",
                            "outcome", "issue", "value", "utilities", "observers"})
      ASSERT_TRUE(record.contains(key)) << key << " in " << line;
    EXPECT_EQ(record["seq"], count);
    if (record["kind"] == "offer") {
      ++offers;
      for (const auto& observer : record["observers"]) EXPECT_TRUE(observer == "us" || observer == "ru") << line;
    }
    ++count;
  }
  EXPECT_GT(count, 20u);
  EXPECT_GT(offers, 10u);
}

TEST_F(NegotiateCli, SameSeedSameOutput) {
  const std::string command = "negotiate " + quoted(kFlagship) + " --strategy '*=random' --seed 5 --json";
  const auto first = run_cli(command);
  const auto second = run_cli(command);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
}

TEST_F(NegotiateCli, StrategiesStepsStageAndVariant) {
  const auto result = run_cli("negotiate " + quoted(kFlagship) +
                              " --stage truce --variant open-format --strategy us=conceder --strategy 'ru=aspiration:e=2' "
                              "--strategy '*=linear' --steps 12 --json");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["variant"], "open-format");
  ASSERT_EQ(json["stages"].size(), 1u);
  EXPECT_EQ(json["stages"][0]["channel"], "public");
  EXPECT_EQ(json["strategies"]["us"], "conceder");
  EXPECT_EQ(json["strategies"]["ru"], "aspiration:e=2");
  EXPECT_EQ(json["strategies"]["ua"], "linear");
  EXPECT_LE(json["stages"][0]["rounds"].get<int>(), 12);
}

TEST_F(NegotiateCli, GeniusFolderWithLetterAliases) {
  const auto folder = kData / "genius/anac/y2012/CameraB";
  const auto result = run_cli("negotiate " + quoted(folder) + " --strategy a=boulware --strategy b=conceder");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("camera-b-prof1 (boulware), camera-b-prof2 (conceder)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Final outcome"), std::string::npos);
}

TEST_F(NegotiateCli, BadOptionsExitTwoAndWriteNothing) {
  const auto trace = dir_ / "never.jsonl";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"--strategy us=bolware", "did you mean 'boulware'"},
      {"--strategy xx=boulware", "no actor 'xx'"},
      {"--strategy us", "ACTOR=NAME"},
      {"--strategy 'us=boulware:q=1'", "--strategy"},
      {"--stage truse", "did you mean 'truce'"},
      {"--steps 0", "--steps"},
      {"--clock weeks", "--clock"},
      {"--variant closed-format", "closed-format"}};
  for (const auto& [options, message] : cases) {
    const auto result = run_cli("negotiate " + quoted(kFlagship) + " " + options + " --trace " + quoted(trace));
    EXPECT_EQ(result.status, 2) << options << "\n" << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos) << options << "\n" << result.err;
    EXPECT_FALSE(std::filesystem::exists(trace)) << options;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

TEST_F(NegotiateCli, BadStageSettingIsBadInput) {
  const auto scenario = dir_ / "bad.yaml";
  std::string text = slurp(kFlagship);
  const std::string anchor = "    ratify: [ua]\n  settlement:";
  const auto at = text.find(anchor);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + std::string("    ratify: [ua]\n").size(), "    settings: {on_failure: retry}\n");
  {
    std::ofstream out(scenario);
    out << text;
  }
  const auto trace = dir_ / "never.jsonl";
  const auto result = run_cli("negotiate " + quoted(scenario) + " --trace " + quoted(trace));
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_NE(result.err.find("stage truce"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("use stop, continue or merge"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(trace));
}

TEST_F(NegotiateCli, CompareVariantsSideBySide) {
  const auto result =
      run_cli("compare " + quoted(kFlagship) + " --variants base,open-format,trade-ukraine,press-russia");
  ASSERT_EQ(result.status, 0) << result.err;
  for (const char* text : {"4 variants compared", "base", "open-format", "trade-ukraine", "press-russia", "Stages",
                           "Outcome per issue", "Overall utility per actor", "Utility of stage truce per actor"})
    EXPECT_NE(result.out.find(text), std::string::npos) << text << "\n" << result.out;
  const auto json = run_cli("compare " + quoted(kFlagship) + " --variants base,open-format --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  ASSERT_EQ(doc["variants"].size(), 2u);
  EXPECT_EQ(doc["variants"][0]["variant"], "base");
  EXPECT_EQ(doc["variants"][1]["variant"], "open-format");
  EXPECT_EQ(doc["variants"][1]["stages"][0]["channel"], "public");
  EXPECT_TRUE(doc["variants"][0].contains("overall"));
}

TEST_F(NegotiateCli, CompareRejectsUnknownVariant) {
  const auto result = run_cli("compare " + quoted(kFlagship) + " --variants base,open-formt");
  EXPECT_EQ(result.status, 2);
  EXPECT_NE(result.err.find("did you mean 'open-format'"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace parley::test
