// `parley analyze` and the win-set (Putnam's two-level games): the flagship's table and
// ratifiers, an empty win-set explained, a space of 3·10^12 outcomes counted exactly without
// enumerating it, and a nonlinear ANAC domain estimated.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <vector>

#include "run_cli.hpp"

namespace parley::test {
namespace {

namespace fs = std::filesystem;
const fs::path kData = PARLEY_TEST_DATA;
const fs::path kFlagship = fs::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

nlohmann::json json_of(const std::string& arguments) {
  const auto result = run_cli(arguments);
  EXPECT_EQ(result.status, 0) << arguments << "\n" << result.err;
  return nlohmann::json::parse(result.out);
}

class WinSetCli : public testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("winset"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(WinSetCli, FlagshipSettlementHasTheTableAndTheRatifiers) {
  const auto json = json_of("analyze " + quoted(kFlagship) + " --stage settlement --json");
  ASSERT_TRUE(json.contains("win_set"));
  const auto& w = json["win_set"];
  std::vector<std::string> actors, roles;
  for (const auto& party : w["parties"]) {
    actors.push_back(party["actor"]);
    roles.push_back(party["role"]);
  }
  EXPECT_EQ(actors, (std::vector<std::string>{"us", "ru", "ua", "eu"}));
  EXPECT_EQ(roles, (std::vector<std::string>{"table", "table", "ratifier", "ratifier"}));
  // 1771561 outcomes, enumerable: counted exactly, whole numbers.
  EXPECT_EQ(w["size"]["exact"], true);
  EXPECT_FALSE(w["size"].contains("standard_error"));
  const auto size = w["size"]["count"].get<std::uint64_t>(), table = w["table"]["count"].get<std::uint64_t>();
  EXPECT_EQ(w["empty"], size == 0);
  EXPECT_GT(size, 0u);
  EXPECT_LE(size, table);
  EXPECT_DOUBLE_EQ(w["size"]["share"].get<double>(), double(size) / 1771561);
  for (std::size_t p = 0; p < 4; ++p) {
    const auto& party = w["parties"][p];
    EXPECT_LE(size, party["accepts"]["count"].get<std::uint64_t>()) << party["actor"];
    EXPECT_EQ(party["reservation"], json["disagreement"][p]);
    // Each party's best inside is accepted by every party.
    ASSERT_TRUE(party["best"].is_object()) << party["actor"];
    for (std::size_t j = 0; j < 4; ++j)
      EXPECT_GE(party["best"]["utilities"][j].get<double>(), json["disagreement"][j].get<double>());
  }
  EXPECT_EQ(w["shrinks_by"].size(), 2u);
  for (const char* ratifier : {"ua", "eu"}) EXPECT_GE(w["shrinks_by"][ratifier].get<std::int64_t>(), 0) << ratifier;
  // The analysis's Nash point is individually rational with a margin, hence inside.
  EXPECT_EQ(w["nash"], json["nash"]);
  EXPECT_TRUE(w["blockers"].empty());

  // The table's set is the win-set of the table alone, and a ratifier's acceptance the
  // win-set of that ratifier alone: the same counts from other runs.
  const auto us_ru = json_of("analyze " + quoted(kFlagship) + " --stage settlement --parties us,ru --json");
  EXPECT_EQ(us_ru["win_set"]["size"]["count"], w["table"]["count"]);
  const auto ua = json_of("analyze " + quoted(kFlagship) + " --stage settlement --parties ua --json");
  EXPECT_EQ(ua["win_set"]["parties"][0]["role"], "ratifier");  // --parties keeps the stage's roles
  EXPECT_EQ(ua["win_set"]["size"]["count"], w["parties"][2]["accepts"]["count"]);
  // Without ua's consent (us, ru, eu) the win-set grows by exactly what ua's veto removes.
  const auto no_ua = json_of("analyze " + quoted(kFlagship) + " --stage settlement --parties us,ru,eu --json");
  EXPECT_EQ(no_ua["win_set"]["size"]["count"].get<std::uint64_t>(), size + w["shrinks_by"]["ua"].get<std::uint64_t>());
}

TEST_F(WinSetCli, TextOutputShowsTheWinSetBlock) {
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --stage settlement");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto& out = result.out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(\nWin-set: \d+ outcomes \([0-9.]+%\) that the table \(us, ru\) and )"
                                                R"(the ratifiers \(ua, eu\) all accept \(exact\)\n)")))
      << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(\n  ua +ratifier +0\.350 +\d+ \([0-9.]+%\) +\d+\n)"))) << out;
  EXPECT_NE(out.find("\nInside the win-set\n"), std::string::npos);
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(\n  best for eu +)"))) << out;
  // The block comes after the solutions and before the frontier.
  EXPECT_LT(out.find("\nSolutions"), out.find("\nWin-set"));
  EXPECT_LT(out.find("\nWin-set"), out.find("\nPareto frontier"));
}

TEST_F(WinSetCli, AnEmptyWinSetNamesTheRatifierWhoseVetoEmptiesIt) {
  // Ukraine's reservation raised from 0.35 to 0.7: above the 0.677 its best outcome among
  // those us, ru and eu accept gives it, so its veto alone empties the win-set.
  std::ifstream in(kFlagship);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\n    reservation: 0.35\n";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\n    reservation: 0.7\n");
  const fs::path file = write("strict-ua.yaml", text);

  const auto json = json_of("analyze " + quoted(file) + " --stage settlement --json");
  const auto& w = json["win_set"];
  EXPECT_EQ(w["empty"], true);
  EXPECT_EQ(w["size"]["count"], 0);
  EXPECT_GT(w["table"]["count"].get<std::uint64_t>(), 0u);
  EXPECT_TRUE(w["nash"].is_null());
  ASSERT_EQ(w["blockers"].size(), 1u);
  const auto& blocker = w["blockers"][0];
  EXPECT_EQ(blocker["ratifier"], "ua");
  EXPECT_EQ(blocker["reservation"], 0.7);
  EXPECT_LT(blocker["best_utility"].get<double>(), 0.7);
  ASSERT_FALSE(blocker["issues"].empty());
  double previous = 1;
  for (const auto& issue : blocker["issues"]) {
    EXPECT_GT(issue["loss"].get<double>(), 0);
    EXPECT_LE(issue["loss"].get<double>(), previous);  // largest first
    previous = issue["loss"].get<double>();
  }

  const auto result = run_cli("analyze " + quoted(file) + " --stage settlement");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("\nWin-set: EMPTY — no outcome both the table and the ratifiers (ua, eu) accept\n"),
            std::string::npos)
      << result.out;
  EXPECT_TRUE(std::regex_search(result.out,
                                std::regex(R"(\nua's veto alone empties it: its best outcome among those the others )"
                                           R"(accept gives it 0\.\d{3} < its reservation 0\.700; it loses most on \w+ )")))
      << result.out;
}

// Outcomes x in {0..10}^12 with Σx = 60 (and x_0 <= 5 when `capped`), by a DP on the sum.
double count_with_sum_60(bool capped) {
  std::vector<double> ways(121, 0.0);
  ways[0] = 1;
  for (int issue = 0; issue < 12; ++issue) {
    std::vector<double> next(121, 0.0);
    for (int sum = 0; sum <= 120; ++sum)
      for (int x = 0; x <= (issue == 0 && capped ? 5 : 10) && sum + x <= 120; ++x) next[sum + x] += ways[sum];
    ways.swap(next);
  }
  return ways[60];
}

TEST_F(WinSetCli, ALargeLinearSpaceIsCountedExactlyWithoutEnumeration) {
  // Twelve issues of 11 values: 11^12 = 3138428376721 outcomes, far beyond enumeration.
  // a wants every x at 10, b at 0, with equal saliences: u_a = Σx/120, u_b = 1 - Σx/120;
  // reservations 0.495 make a accept Σx >= 60 (59/120 = 0.4917) and b Σx <= 60, so the
  // table's set is Σx = 60. Ratifier c cares only about x_0: 1 - x_0/10 >= 0.495 iff x_0 <= 5.
  std::string yaml = "name: Twelve\nissues:\n";
  for (int k = 0; k < 12; ++k) yaml += "  i" + std::to_string(k) + ": {integer: [0, 10]}\n";
  yaml += "actors:\n";
  for (const auto& [id, position, c] : {std::tuple{"a", 10, false}, {"b", 0, false}, {"c", 0, true}}) {
    yaml += std::string("  ") + id + ":\n    reservation: 0.495\n    stances:\n";
    for (int k = 0; k < 12; ++k)
      yaml += "      i" + std::to_string(k) + ": {position: " + std::to_string(position) +
              ", salience: " + (c && k > 0 ? "0" : "1") + "}\n";
  }
  yaml += "channels:\n  t: {members: [a, b]}\nstages:\n  deal:\n    issues: [";
  for (int k = 0; k < 12; ++k) yaml += (k ? ", i" : "i") + std::to_string(k);
  yaml += "]\n    channel: t\n    ratify: [c]\n";
  const fs::path file = write("twelve.yaml", yaml);

  const auto json = json_of("analyze " + quoted(file) + " --json");
  EXPECT_EQ(json["method"], "issue-merge");
  EXPECT_EQ(json["outcomes"], 3138428376721.0);
  const auto& w = json["win_set"];
  EXPECT_EQ(w["size"]["exact"], true);
  EXPECT_EQ(w["size"]["count"].get<double>(), count_with_sum_60(true));
  EXPECT_EQ(w["table"]["count"].get<double>(), count_with_sum_60(false));
  EXPECT_EQ(w["parties"][2]["role"], "ratifier");
  EXPECT_EQ(w["parties"][2]["accepts"]["count"].get<double>(), 6 * 285311670611.0);  // x_0 <= 5: 6 · 11^11
  EXPECT_EQ(w["shrinks_by"]["c"].get<double>(), count_with_sum_60(false) - count_with_sum_60(true));
}

TEST_F(WinSetCli, ANonlinearDomainIsEstimated) {
  // ANAC 2014's 10issueswithRV: rectangle utilities over 10^10 outcomes, reservations 0.75.
  const auto json = json_of("analyze " + quoted(kData / "genius/anac/y2014/10issueswithRV") + " --json");
  EXPECT_EQ(json["method"], "rectangle-search");
  const auto& size = json["win_set"]["size"];
  EXPECT_EQ(size["exact"], false);
  EXPECT_GT(size["standard_error"].get<double>(), 0);
  EXPECT_GT(size["share"].get<double>(), 0);
  EXPECT_LT(size["share"].get<double>(), 1);
  EXPECT_DOUBLE_EQ(size["count"].get<double>(), size["share"].get<double>() * 1e10);
  // Seeded: the same estimate every run.
  EXPECT_EQ(json_of("analyze " + quoted(kData / "genius/anac/y2014/10issueswithRV") + " --json")["win_set"]["size"], size);
}

}  // namespace
}  // namespace parley::test
