// `analyze` and `show` count a stage over the agenda `negotiate` bargains over (issue 8):
// the stage's issues with the ones its links join. They once ignored links, so one run
// printed two different Nash points for the same stage.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

nlohmann::json json_of(const std::string& arguments) {
  const CliResult result = run_cli(arguments);
  EXPECT_EQ(result.status, 0) << arguments << ": " << result.err;
  return nlohmann::json::parse(result.out);
}

TEST(AgendaCli, AnalyzeAndNegotiateFindTheSameNashPointOnALinkedStage) {
  const nlohmann::json analysis = json_of("analyze " + quoted(kFlagship) + " --stage truce --json");
  const nlohmann::json run = json_of("negotiate " + quoted(kFlagship) + " --json");
  const nlohmann::json& truce = run["stages"][0];
  ASSERT_EQ(truce["id"], "truce");
  EXPECT_EQ(analysis["issues"], nlohmann::json({"ceasefire", "aid", "normalization"}));
  EXPECT_EQ(analysis["linked"], nlohmann::json({"normalization"}));
  EXPECT_EQ(analysis["nash"]["outcome"], truce["analysis"]["nash"]["outcome"]);
  const nlohmann::json& parties = analysis["parties"];
  for (std::size_t p = 0; p < parties.size(); ++p)
    EXPECT_DOUBLE_EQ(analysis["nash"]["utilities"][p].get<double>(),
                     truce["analysis"]["nash"]["utilities"][parties[p].get<std::string>()].get<double>());
}

TEST(AgendaCli, AnalyzeSaysWhichAgendaItUsedAndCanLeaveLinksOut) {
  const CliResult linked = run_cli("analyze " + quoted(kFlagship) + " --stage truce");
  EXPECT_NE(linked.out.find("605 outcomes over ceasefire, aid, normalization"), std::string::npos) << linked.out;
  EXPECT_NE(linked.out.find("Linked in: normalization"), std::string::npos) << linked.out;
  const CliResult own = run_cli("analyze " + quoted(kFlagship) + " --stage truce --without-links");
  EXPECT_NE(own.out.find("55 outcomes over ceasefire, aid"), std::string::npos) << own.out;
  EXPECT_EQ(own.out.find("Linked in"), std::string::npos) << own.out;
  // An outcome placed on a linked stage is a package: the linked issue needs a value too.
  const CliResult probe =
      run_cli("analyze " + quoted(kFlagship) + " --stage truce --outcome 'ceasefire=full 30-day' --outcome aid=60");
  EXPECT_EQ(probe.status, 2);
  EXPECT_NE(probe.err.find("no value given for issue normalization (a link joins it to the stage"), std::string::npos)
      << probe.err;
}

TEST(AgendaCli, ShowCountsTheLinkedAgenda) {
  const CliResult show = run_cli("show " + quoted(kFlagship));
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("ceasefire, aid + linked normalization"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("605"), std::string::npos) << show.out;
}

}  // namespace
}  // namespace parley::test
