// Two-level games through the CLI: the flagship negotiated by ratification-aware negotiators
// (issue 12, §4), each stage's win-set in the narrative and the JSON, an empty win-set
// explained, and beliefs in the narrative.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";
const std::filesystem::path kTwoLevel = std::filesystem::path(PARLEY_TEST_DATA) / "negotiate/two_level.yaml";

class TwoLevelCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("two-level"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

const nlohmann::json& stage(const nlohmann::json& doc, const char* id) {
  for (const auto& s : doc["stages"])
    if (s["id"] == id) return s;
  throw std::logic_error("no stage");
}

// Naive negotiators sign a settlement outside the win-set, and Ukraine and the EU veto it;
// ratification-aware ones end it ratified, inside the win-set.
TEST_F(TwoLevelCli, RatificationAwareNegotiatorsEndTheFlagshipSettlementRatified) {
  const auto naive = run_cli("negotiate " + quoted(kFlagship) + " --json");
  ASSERT_EQ(naive.status, 0) << naive.err;
  const auto naive_doc = nlohmann::json::parse(naive.out);
  const auto& vetoed = stage(naive_doc, "settlement");
  EXPECT_EQ(vetoed["status"], "rejected");
  EXPECT_EQ(vetoed["analysis"]["agreement_in_win_set"], false);
  EXPECT_EQ(vetoed["analysis"]["win_set"]["empty"], false);

  const auto aware = run_cli("negotiate " + quoted(kFlagship) + " --strategy '*=ratification_aware' --json");
  ASSERT_EQ(aware.status, 0) << aware.err;
  const auto aware_doc = nlohmann::json::parse(aware.out);
  const auto& ratified = stage(aware_doc, "settlement");
  EXPECT_EQ(ratified["status"], "agreement");
  EXPECT_EQ(ratified["analysis"]["agreement_in_win_set"], true);
  for (const auto& vote : ratified["ratification"]) EXPECT_TRUE(vote["accepted"].get<bool>()) << vote;
  ASSERT_EQ(ratified["beliefs"].size(), 2u);
  EXPECT_EQ(ratified["beliefs"][0]["views"][0]["knowledge"], "shared_channel");  // us and ua share us-ua
  EXPECT_EQ(ratified["beliefs"][1]["views"][0]["knowledge"], "stated_belief");   // ru's own estimate

  const auto text = run_cli("negotiate " + quoted(kFlagship) + " --strategy '*=ratification_aware'");
  ASSERT_EQ(text.status, 0) << text.err;
  for (const char* line :
       {"us believes the ratifiers' reservations are: ua 0.35 (a shared channel); eu 0.4 (a shared channel)",
        "ru believes the ratifiers' reservations are: ua normal (mean 0.25, sd 0.05) (its own estimate)",
        "that the table accepts and ua, eu ratify", "the agreement lies inside it"})
    EXPECT_NE(text.out.find(line), std::string::npos) << line << "\n" << text.out;
}

// Russia alone ratification-aware acts on its mistaken beliefs and is vetoed (Iida 1993).
TEST_F(TwoLevelCli, RussiasMistakenBeliefsAloneStillEndInAVeto) {
  const auto run = run_cli("negotiate " + quoted(kFlagship) + " --strategy ru=ratification_aware --json");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(stage(doc, "settlement")["status"], "rejected");
}

// An empty win-set is said plainly, with the ratifier whose veto empties it and the issue.
TEST_F(TwoLevelCli, AnEmptyWinSetIsExplainedInTheNarrative) {
  std::ifstream in(kTwoLevel);
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const auto replace = [&yaml](const std::string& from, const std::string& to) {
    const auto at = yaml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    yaml.replace(at, from.size(), to);
  };
  replace("b: {reservation: 0,", "b: {reservation: 0.3,");  // b accepts x <= 70
  replace("r: {reservation: 0.6, stances: {x: {position: 0,", "r: {reservation: 0.8, stances: {x: {position: 100,");
  const auto file = dir_ / "empty.yaml";
  std::ofstream(file) << yaml;
  const auto result = run_cli("negotiate " + quoted(file) + " --strategy b=ratification_aware");
  ASSERT_EQ(result.status, 0) << result.err;
  for (const char* line : {"Win-set: EMPTY — no outcome the table accepts is ratified by r",
                           "r's veto alone empties it: its best outcome among those the others accept gives it 0.700 < "
                           "its reservation 0.800; it loses most on x (0.300)",
                           "b walked away"})
    EXPECT_NE(result.out.find(line), std::string::npos) << line << "\n" << result.out;
}

TEST_F(TwoLevelCli, ShowListsEachActorsBeliefsBesideTheStatedValue) {
  const auto shown = run_cli("show " + quoted(kFlagship));
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("Beliefs about others' reservation values"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("ru     ua     normal (mean 0.25, sd 0.05)  0.35"), std::string::npos) << shown.out;
}

}  // namespace
}  // namespace parley::test
