// `parley negotiate`'s library path on every ANAC 2012 domain with every pair of built-in
// strategies: each run ends with a result, and each agreement is checked against the Pareto
// frontier `parley analyze` computes (some frontier point weakly dominates it; its reported
// distance to the frontier is zero iff it is on it).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "parley/core/analysis.hpp"
#include "parley/io/load.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

const std::filesystem::path kAnac2012 = std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2012";

// Domains up to this size run every ordered strategy pair; larger ones (Car, EnergySmall,
// Energy, Supermarket, Travel) run each strategy against boulware, to keep the suite fast.
constexpr std::uint64_t kAllPairsUpTo = 5'000;

bool weakly_dominated(const Analysis& analysis, const std::vector<double>& point) {
  for (const ScoredOutcome& frontier : analysis.pareto) {
    bool all = true;
    for (std::size_t p = 0; p < point.size(); ++p) all = all && frontier.utilities[p] >= point[p] - 1e-9;
    if (all) return true;
  }
  return false;
}

TEST(StagedGenius, EveryAnac2012DomainAndStrategyPairEndsWithAResult) {
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(kAnac2012))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  ASSERT_EQ(folders.size(), 72u);
  const std::vector<std::string> names = strategy_names();
  ASSERT_GE(names.size(), 10u);

  std::size_t runs = 0, agreements = 0;
  for (const auto& folder : folders) {
    SCOPED_TRACE(folder.filename().string());
    const Scenario scenario = load_scenario(folder);
    ASSERT_EQ(scenario.stages.size(), 1u);
    ASSERT_EQ(scenario.actors.size(), 2u);
    const OutcomeSpace space = scenario.stage_space(0);
    std::vector<CompiledUtility> utilities;
    for (const Actor& actor : scenario.actors) utilities.emplace_back(actor, scenario.issues, space);
    const Analysis analysis = analyze(utilities, space);
    const bool all_pairs = space.size() <= kAllPairsUpTo;

    for (const std::string& first : names) {
      for (const std::string& second : names) {
        if (!all_pairs && second != "boulware") continue;
        StagedOptions options;
        options.strategies[0] = parse_strategy(first);
        options.strategies[1] = parse_strategy(second);
        options.analyze = false;
        options.record_trace = false;
        options.seed = runs;
        const StagedResult result = run_staged(scenario, options);
        ++runs;
        ASSERT_EQ(result.stages.size(), 1u);
        const StageResult& stage = result.stages[0];
        ASSERT_TRUE(stage.status == StageStatus::agreement || stage.status == StageStatus::failure)
            << first << " vs " << second << ": " << to_string(stage.status);
        EXPECT_GE(stage.rounds, 1);
        EXPECT_LE(stage.rounds, scenario.stages[0].deadline);
        if (!stage.agreement) continue;
        ++agreements;
        std::vector<double> point;
        for (const CompiledUtility& u : utilities) point.push_back(u(*stage.agreement));
        EXPECT_TRUE(weakly_dominated(analysis, point)) << first << " vs " << second;
        const Distances d = distances(analysis, point);
        const bool on_frontier = std::any_of(analysis.pareto.begin(), analysis.pareto.end(),
                                             [&point](const ScoredOutcome& frontier) {
                                               return std::abs(frontier.utilities[0] - point[0]) <= 1e-9 &&
                                                      std::abs(frontier.utilities[1] - point[1]) <= 1e-9;
                                             });
        EXPECT_EQ(on_frontier, d.pareto <= 1e-9) << first << " vs " << second << ": distance " << d.pareto;
      }
    }
  }
  EXPECT_GT(agreements, runs / 2);
}

}  // namespace
}  // namespace parley
