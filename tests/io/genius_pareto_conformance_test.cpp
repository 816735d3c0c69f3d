// Conformance with GENIUS on its hyper-rectangle ("nonlinear") domains: every point of the
// Pareto frontier GENIUS ships with a domain (pareto.xml, lines "u1, u2" for profile-1 and
// profile-2) must be matched or beaten, for both parties within 1e-6, by a point of parley's
// frontier. GENIUS's lists for the large domains are approximate, so parley's frontier often
// strictly dominates them; parley's own frontier is exact (see src/core/rectangle_frontier.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/core/utility.hpp"
#include "parley/io/genius.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

constexpr double kMatchTolerance = 1e-6;

struct ParetoPoint {
  double first = 0, second = 0;
};

// Reads the "u1, u2" lines of a GENIUS pareto.xml; blank lines are skipped.
std::vector<ParetoPoint> read_pareto(const fs::path& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << "cannot open " << file;
  std::vector<ParetoPoint> points;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream fields(line);
    ParetoPoint point;
    char comma = 0;
    if (!(fields >> point.first >> comma >> point.second) || comma != ',') {
      ADD_FAILURE() << file << ":" << number << ": expected \"u1, u2\", got \"" << line << "\"";
      continue;
    }
    points.push_back(point);
  }
  return points;
}

class GeniusParetoConformance : public testing::TestWithParam<const char*> {};

TEST_P(GeniusParetoConformance, FrontierMatchesOrBeatsGenius) {
  const fs::path folder = fs::path(PARLEY_TEST_DATA) / "genius" / GetParam();
  const std::vector<ParetoPoint> genius = read_pareto(folder / "pareto.xml");
  ASSERT_FALSE(genius.empty()) << folder;

  const auto start = std::chrono::steady_clock::now();
  const Scenario scenario = import_genius(folder);
  const OutcomeSpace space = scenario.stage_space(0);
  const auto first = scenario.find_actor("profile-1");
  const auto second = scenario.find_actor("profile-2");
  ASSERT_TRUE(first && second) << "expected actors profile-1 and profile-2";
  const std::vector<CompiledUtility> parties{CompiledUtility(scenario.actors[*first], scenario.issues, space),
                                             CompiledUtility(scenario.actors[*second], scenario.issues, space)};
  const Analysis analysis = analyze(parties, space);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::cout << "[ timing   ] " << GetParam() << ": " << scenario.issues.size() << " issues, frontier "
            << analysis.pareto.size() << " points (GENIUS " << genius.size() << "), import + analysis " << seconds
            << " s\n";
  RecordProperty("seconds", std::to_string(seconds));
  EXPECT_EQ(analysis.method, AnalysisMethod::rectangle_search);
  EXPECT_TRUE(analysis.exact);

  // Every reported point is what its outcome is worth.
  for (const ScoredOutcome& point : analysis.pareto) {
    ASSERT_EQ(point.utilities.size(), 2u);
    EXPECT_DOUBLE_EQ(point.utilities[0], parties[0](point.outcome));
    EXPECT_DOUBLE_EQ(point.utilities[1], parties[1](point.outcome));
  }
  for (const ParetoPoint& target : genius) {
    const bool matched = std::any_of(analysis.pareto.begin(), analysis.pareto.end(), [&](const ScoredOutcome& p) {
      return p.utilities[0] >= target.first - kMatchTolerance && p.utilities[1] >= target.second - kMatchTolerance;
    });
    EXPECT_TRUE(matched) << "GENIUS point (" << target.first << ", " << target.second << ") is not matched";
  }
}

// The 18 GENIUS hyper-rectangle domains that ship a Pareto frontier.
INSTANTIATE_TEST_SUITE_P(Genius, GeniusParetoConformance,
                         testing::Values("anac/y2014/10issues", "anac/y2014/10issuesDiscounted",
                                         "anac/y2014/10issuesDiscountedwithRV", "anac/y2014/10issueswithRV",
                                         "anac/y2014/30issues", "anac/y2014/30issuesDiscounted",
                                         "anac/y2014/30issuesDiscountedwithRV", "anac/y2014/30issueswithRV",
                                         "anac/y2014/50issues", "anac/y2014/50issuesDiscounted",
                                         "anac/y2014/50issuesDiscountedwithRV", "anac/y2014/50issueswithRV",
                                         "other/S-1NAGUNL-114", "other/S-1NAGUNL-128", "other/S-1NAGUNL-255",
                                         "other/S-1NIKFRT-1", "other/S-1NIKFRT-2", "other/S-1NIKFRT-3"),
                         [](const testing::TestParamInfo<const char*>& info) {
                           std::string name = fs::path(info.param).filename().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace parley
