// Every ANAC 2012 domain × built-in strategy pairs ends with a result, and agreements are
// checked against the analysis (Pareto frontier, Nash and Kalai–Smorodinsky points).
// Pairs: on domains up to 20,000 outcomes every ordered pair of the 10 built-in strategies
// (100 per domain); on larger ones (Energy, Travel, ...) every strategy against itself and
// against boulware in both roles (28 pairs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include "parley/core/analysis.hpp"
#include "parley/io/genius.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

const std::filesystem::path kY2012 = std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2012";

std::vector<std::filesystem::path> folders() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(kY2012))
    if (entry.is_directory()) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Anac2012, EveryDomainAndStrategyPairEndsWithAResult) {
  const std::vector<std::filesystem::path> domains = folders();
  ASSERT_EQ(domains.size(), 72u);
  const std::vector<std::string> names = strategy_names();
  const auto protocol = make_protocol("sao");
  std::size_t runs = 0, agreements = 0, on_frontier = 0;
  for (const auto& folder : domains) {
    SCOPED_TRACE(folder.filename().string());
    const Scenario scenario = import_genius(folder);
    const OutcomeSpace space = scenario.stage_space(0);
    std::vector<CompiledUtility> parties;
    for (const Actor& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
    ASSERT_EQ(parties.size(), 2u);
    const CompiledDomain domain(space, parties);
    const Analysis analysis = analyze(parties, space);
    ASSERT_FALSE(analysis.pareto.empty());

    // The compiled tables agree with the core's utilities, and frontier points are recognised
    // as such (distance 0).
    for (const std::size_t i : {std::size_t{0}, analysis.pareto.size() / 2, analysis.pareto.size() - 1}) {
      const ScoredOutcome& point = analysis.pareto[i];
      const OutcomeIndex o = domain.encode(point.outcome);
      EXPECT_NEAR(domain.party(0).utility(o), point.utilities[0], 1e-12);
      EXPECT_NEAR(domain.party(1).utility(o), point.utilities[1], 1e-12);
      EXPECT_NEAR(distances(analysis, point.utilities).pareto, 0.0, 1e-12);
    }

    std::vector<std::pair<std::string, std::string>> pairs;
    if (domain.size() <= 20'000) {
      for (const auto& a : names)
        for (const auto& b : names) pairs.emplace_back(a, b);
    } else {
      for (const auto& a : names) {
        pairs.emplace_back(a, a);
        if (a != "boulware") {
          pairs.emplace_back(a, "boulware");
          pairs.emplace_back("boulware", a);
        }
      }
    }
    for (const auto& pair : pairs) {
      auto x = make_negotiator(pair.first, derive_seed(runs, 0));
      auto y = make_negotiator(pair.second, derive_seed(runs, 1));
      Negotiator* ns[] = {x.get(), y.get()};
      SessionOptions options;
      options.deadline.rounds = 100;
      options.clock = DiscountClock::relative_time;  // GENIUS discounting
      options.record_trace = false;
      const NegotiationResult r = protocol->run(domain, ns, options);
      ++runs;
      ASSERT_GE(r.rounds, 1) << pair.first << " vs " << pair.second;
      ASSERT_LE(r.rounds, 100);
      ASSERT_EQ(r.utilities.size(), 2u);
      if (!r.agreed()) {
        EXPECT_EQ(r.agreement, kNoOutcome);
        EXPECT_DOUBLE_EQ(r.utilities[0], domain.party(0).reservation_value());
        continue;
      }
      ++agreements;
      const std::vector<double> u{domain.party(0).utility(r.agreement), domain.party(1).utility(r.agreement)};
      EXPECT_EQ(u, r.utilities);
      for (std::size_t p = 0; p < 2; ++p)  // built-in strategies are individually rational
        EXPECT_GE(u[p], domain.party(p).reservation_value()) << pair.first << " vs " << pair.second;
      for (std::size_t p = 0; p < 2; ++p) EXPECT_LE(r.discounted[p], r.utilities[p] + 1e-15);
      const Distances dist = distances(analysis, u);
      EXPECT_GE(dist.pareto, 0.0);
      EXPECT_LE(dist.pareto, std::sqrt(2.0) + 1e-12);
      if (analysis.nash) {
        EXPECT_LE(dist.nash, std::sqrt(2.0) + 1e-12);
      }
      if (analysis.kalai_smorodinsky) {
        EXPECT_LE(dist.kalai_smorodinsky, std::sqrt(2.0) + 1e-12);
      }
      // An agreement on the frontier has distance 0; off it, a positive one.
      const bool frontier = std::any_of(analysis.pareto.begin(), analysis.pareto.end(), [&u](const ScoredOutcome& s) {
        return std::abs(s.utilities[0] - u[0]) < 1e-12 && std::abs(s.utilities[1] - u[1]) < 1e-12;
      });
      on_frontier += frontier ? 1 : 0;
      if (frontier) {
        EXPECT_NEAR(dist.pareto, 0.0, 1e-12);
      } else {
        EXPECT_GT(dist.pareto, 0.0);
      }
    }
  }
  EXPECT_GT(agreements, runs / 2);
  EXPECT_GT(on_frontier, 0u);
  RecordProperty("runs", int(runs));
  RecordProperty("agreements", int(agreements));
  RecordProperty("on_frontier", int(on_frontier));
}

}  // namespace
}  // namespace parley
