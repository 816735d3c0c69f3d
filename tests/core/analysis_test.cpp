// Hand-checked analyses: every expected number below is worked out in the comments.

#include "parley/core/analysis.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "issue_builders.hpp"

namespace parley {
namespace {

using test::integer_issue;

// An actor with a linear value around `positions`, weighted by `saliences`.
Actor spatial(std::vector<double> positions, std::vector<double> saliences, double reservation = 0,
              ValueShape shape = ValueShape::linear) {
  Actor actor;
  actor.id = "a";
  for (std::size_t i = 0; i < positions.size(); ++i) actor.stances.push_back({positions[i], saliences[i], {}});
  actor.reservation_value = reservation;
  actor.shape = shape;
  return actor;
}

struct Problem {
  std::vector<Issue> issues;
  OutcomeSpace space;
  std::vector<CompiledUtility> parties;

  Problem(std::vector<Issue> issues_in, const std::vector<Actor>& actors) : issues(std::move(issues_in)) {
    std::vector<std::size_t> all(issues.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    space = OutcomeSpace(issues, all);
    for (const Actor& actor : actors) parties.emplace_back(actor, issues, space);
  }
  Analysis analyze() const { return parley::analyze(parties, space); }
};

// One issue x in 0..100; A gets x/100, B gets (100 - x)/100.
Problem split(double reservation_a, double reservation_b, ValueShape shape_b = ValueShape::linear) {
  return Problem({integer_issue("x", 0, 100)},
                 {spatial({100}, {1}, reservation_a), spatial({0}, {1}, reservation_b, shape_b)});
}

TEST(Analyze, MethodNamesAreTheWordsTheCliPrints) {
  EXPECT_STREQ(to_string(AnalysisMethod::enumerated), "enumerated");
  EXPECT_STREQ(to_string(AnalysisMethod::issue_merge), "issue-merge");
  EXPECT_STREQ(to_string(AnalysisMethod::rectangle_search), "rectangle-search");
}

TEST(Analyze, SymmetricSplitMeetsInTheMiddle) {
  const Analysis a = split(0, 0).analyze();
  EXPECT_EQ(a.method, AnalysisMethod::issue_merge);
  EXPECT_TRUE(a.exact);
  EXPECT_EQ(a.search_nodes, 0u);
  ASSERT_EQ(a.pareto.size(), 101u);  // every split is Pareto optimal
  EXPECT_EQ(a.pareto.front().outcome, Outcome{100});  // sorted by A's utility, descending
  EXPECT_EQ(a.pareto.back().outcome, Outcome{0});
  ASSERT_TRUE(a.nash && a.kalai_smorodinsky && a.egalitarian && a.utilitarian);
  EXPECT_EQ(a.nash->outcome, Outcome{50});  // max x(100 - x)
  EXPECT_EQ(a.kalai_smorodinsky->outcome, Outcome{50});
  EXPECT_EQ(a.egalitarian->outcome, Outcome{50});
  EXPECT_NEAR(a.utilitarian->utilities[0] + a.utilitarian->utilities[1], 1.0, 1e-12);  // all tie
  EXPECT_EQ(a.disagreement, (std::vector<double>{0, 0}));
  EXPECT_EQ(a.ideal, (std::vector<double>{1, 1}));
}

TEST(Analyze, ReservationValueMovesNashAndKalaiSmorodinsky) {
  // d = (0.2, 0): Nash maximises (x/100 - 0.2)(1 - x/100), at x = 60. The ideal point is
  // (1, 0.8) (B gets at most 0.8 when A gets 0.2), and KS equalises (x/100 - 0.2)/0.8 with
  // (1 - x/100)/0.8, also at 60.
  const Analysis a = split(0.2, 0).analyze();
  ASSERT_TRUE(a.nash && a.kalai_smorodinsky);
  EXPECT_EQ(a.nash->outcome, Outcome{60});
  EXPECT_NEAR(a.nash->utilities[0], 0.6, 1e-12);
  EXPECT_EQ(a.kalai_smorodinsky->outcome, Outcome{60});
  EXPECT_NEAR(a.ideal[0], 1.0, 1e-12);
  EXPECT_NEAR(a.ideal[1], 0.8, 1e-12);
  EXPECT_EQ(a.egalitarian->outcome, Outcome{60});  // max min(x/100 - 0.2, 1 - x/100)
}

TEST(Analyze, SolutionsDifferOnACurvedFrontier) {
  // B's value is quadratic: 1 - t^2 for t = x/100. Nash maximises t(1 - t^2): t = 1/sqrt(3),
  // x = 58 among integers (0.3849 against 0.3848 at 57). KS and egalitarian solve
  // t = 1 - t^2, t = 0.618, x = 62 (min 0.6156 against 0.61 at 61). Utilitarian maximises
  // t + 1 - t^2 at t = 1/2.
  const Analysis a = split(0, 0, ValueShape::quadratic).analyze();
  EXPECT_EQ(a.nash->outcome, Outcome{58});
  EXPECT_EQ(a.kalai_smorodinsky->outcome, Outcome{62});
  EXPECT_EQ(a.egalitarian->outcome, Outcome{62});
  EXPECT_EQ(a.utilitarian->outcome, Outcome{50});
  EXPECT_NEAR(a.utilitarian->utilities[1], 0.75, 1e-12);
}

TEST(Analyze, LogrollingTradesTheIssuesEachSideCaresLessAbout) {
  // Issues p, q in 0..10. A wants both at 10 and weighs them 3:1; B wants both at 0 and
  // weighs them 1:3. Σu = 1 + (p - q)/20 is maximal at the trade (10, 0), where each gets
  // 0.75 instead of 0.5 at the compromise (5, 5). The frontier is the 21 outcomes (10, q)
  // and (p, 0); from (0.5, 0.5) the nearest are (0.6, 0.8) at (8, 0) and (0.8, 0.6) at (10, 2).
  const Problem problem({integer_issue("p", 0, 10), integer_issue("q", 0, 10)},
                        {spatial({10, 10}, {3, 1}), spatial({0, 0}, {1, 3})});
  const Analysis a = problem.analyze();
  EXPECT_EQ(a.pareto.size(), 21u);
  ASSERT_TRUE(a.utilitarian && a.nash);
  EXPECT_EQ(a.utilitarian->outcome, (Outcome{10, 0}));
  EXPECT_NEAR(a.utilitarian->utilities[0], 0.75, 1e-12);
  EXPECT_NEAR(a.utilitarian->utilities[1], 0.75, 1e-12);
  EXPECT_EQ(a.nash->outcome, (Outcome{10, 0}));

  const std::vector<double> compromise{0.5, 0.5};
  const Distances d = distances(a, compromise);
  EXPECT_NEAR(d.pareto, std::sqrt(0.1), 1e-12);
  EXPECT_NEAR(d.utilitarian, 0.25 * std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(d.nash, 0.25 * std::sqrt(2.0), 1e-12);
  const Distances at_trade = distances(a, a.utilitarian->utilities);
  EXPECT_EQ(at_trade.pareto, 0.0);
  EXPECT_EQ(at_trade.utilitarian, 0.0);
}

// Issues x, y in 0..10. A gets x/10, B gets y/10, C wants both low, x twice as much:
// u_C = 1 - (2x + y)/30. Raising x or y helps A or B and hurts C, so all 121 outcomes are
// Pareto optimal.
Problem three_parties(double reservation_c) {
  return Problem({integer_issue("x", 0, 10), integer_issue("y", 0, 10)},
                 {spatial({10, 0}, {1, 0}), spatial({0, 10}, {0, 1}), spatial({0, 0}, {2, 1}, reservation_c)});
}

TEST(Analyze, ThreeParties) {
  // Nash maximises xy(30 - 2x - y): interior stationary point has y > 10, so y = 10 and
  // x(10)(20 - 2x) peaks at x = 5 (500, against 495 at (5, 9) and 480 at (4|6, 10)).
  // Egalitarian: min(x, y, 10 - (2x + y)/3) is 5 at (5, 5). Utilitarian: 1 + (x + 2y)/30.
  const Analysis a = three_parties(0).analyze();
  EXPECT_EQ(a.pareto.size(), 121u);
  EXPECT_EQ(a.nash->outcome, (Outcome{5, 10}));
  EXPECT_EQ(a.egalitarian->outcome, (Outcome{5, 5}));
  EXPECT_EQ(a.kalai_smorodinsky->outcome, (Outcome{5, 5}));  // ideal (1, 1, 1), d = 0
  EXPECT_EQ(a.utilitarian->outcome, (Outcome{10, 10}));
  EXPECT_NEAR(a.nash->utilities[2], 1.0 / 3, 1e-12);
}

TEST(Analyze, ThreePartiesWithAReservationValue) {
  // d_C = 0.5 makes 2x + y <= 15 individually rational: the ideal point is (0.7, 1, 1).
  // KS maximises min(x/7, y/10, 1 - (2x + y)/15): 1/3 at (3, 4), next 0.3.
  const Analysis a = three_parties(0.5).analyze();
  ASSERT_EQ(a.ideal.size(), 3u);
  EXPECT_NEAR(a.ideal[0], 0.7, 1e-12);
  EXPECT_NEAR(a.ideal[1], 1.0, 1e-12);
  EXPECT_NEAR(a.ideal[2], 1.0, 1e-12);
  EXPECT_EQ(a.kalai_smorodinsky->outcome, (Outcome{3, 4}));
  // Egalitarian: min(x/10, y/10, u_C - 0.5) is 0.2 at (2, 2), (2, 3) and (2, 4), exactly
  // equal in floating point (A's utility is the same number): the lexicographically
  // smallest outcome wins.
  EXPECT_EQ(a.egalitarian->outcome, (Outcome{2, 2}));
  ASSERT_TRUE(a.nash);
  const auto& u = a.nash->utilities;
  EXPECT_NEAR(u[0] * u[1] * (u[2] - 0.5), 0.02, 1e-12);  // (2,5), (2,6), (3,4) tie at 1/50
}

TEST(Analyze, NoAgreementBeatsReservation) {
  const Analysis a = split(1, 1).analyze();
  EXPECT_EQ(a.pareto.size(), 101u);
  EXPECT_FALSE(a.nash);
  EXPECT_FALSE(a.kalai_smorodinsky);
  EXPECT_TRUE(a.ideal.empty());
  ASSERT_TRUE(a.utilitarian && a.egalitarian);
  EXPECT_EQ(a.egalitarian->outcome, Outcome{50});  // min(x/100 - 1, -x/100) = -0.5 at best
  const std::vector<double> point{0.5, 0.5};
  const Distances d = distances(a, point);
  EXPECT_TRUE(std::isnan(d.nash));
  EXPECT_TRUE(std::isnan(d.kalai_smorodinsky));
  EXPECT_NEAR(d.pareto, 0.0, 1e-12);
}

TEST(Analyze, NashNeedsEveryPartyStrictlyAboveItsReservation) {
  // d = (1, 0): only x = 100 meets A's reservation, and only with equality.
  const Analysis a = split(1, 0).analyze();
  EXPECT_FALSE(a.nash);
  ASSERT_TRUE(a.kalai_smorodinsky);  // individually rational needs only u >= d
  EXPECT_EQ(a.kalai_smorodinsky->outcome, Outcome{100});
  EXPECT_EQ(a.ideal, (std::vector<double>{1, 0}));
}

TEST(Analyze, EmptySpaceHasNoSolutions) {
  Issue none;
  none.id = "none";
  none.kind = IssueKind::discrete;  // no options
  const Problem problem({integer_issue("x", 0, 3), none}, {spatial({0, 0}, {1, 1}), spatial({3, 0}, {1, 1})});
  const Analysis a = problem.analyze();
  EXPECT_TRUE(a.pareto.empty());
  EXPECT_FALSE(a.nash || a.kalai_smorodinsky || a.utilitarian || a.egalitarian);
  const std::vector<double> point{0.5, 0.5};
  EXPECT_TRUE(std::isnan(distances(a, point).pareto));
}

TEST(Analyze, RectanglesAreEnumerated) {
  // B earns 1 only for x in [20, 30]; A wants x high. Frontier: x = 100 (A = 1, B = 0) and
  // x = 30 (A = 0.3, B = 1). Nash: 0.3 * 1 at x = 30; utilitarian: 1.3 at x = 30.
  Actor b;
  b.id = "b";
  b.stances.resize(1);
  b.rectangles.push_back({{{0, 20, 30}}, 1, false});
  const Problem problem({integer_issue("x", 0, 100)}, {spatial({100}, {1}), b});
  const Analysis a = problem.analyze();
  EXPECT_EQ(a.method, AnalysisMethod::enumerated);
  EXPECT_TRUE(a.exact);
  ASSERT_EQ(a.pareto.size(), 2u);
  EXPECT_EQ(a.pareto[0].outcome, Outcome{100});
  EXPECT_EQ(a.pareto[1].outcome, Outcome{30});
  EXPECT_EQ(a.nash->outcome, Outcome{30});
  EXPECT_EQ(a.utilitarian->outcome, Outcome{30});
}

TEST(Analyze, SinglePartyTakesItsBest) {
  const Problem problem({integer_issue("x", 0, 10)}, {spatial({4}, {1})});
  const Analysis a = problem.analyze();
  ASSERT_EQ(a.pareto.size(), 1u);
  EXPECT_EQ(a.pareto[0].outcome, Outcome{4});
  EXPECT_EQ(a.nash->outcome, Outcome{4});
}

TEST(ParetoIndices, TwoPartiesWithDuplicates) {
  // Rows: (1,0) (0,1) (.5,.5) (.4,.4) (1,0) (.5,.5) (0,.5)
  const std::vector<double> points{1, 0, 0, 1, .5, .5, .4, .4, 1, 0, .5, .5, 0, .5};
  EXPECT_EQ(pareto_indices(points, 2), (std::vector<std::size_t>{0, 1, 2}));
}

TEST(ParetoIndices, ManyParties) {
  // 3 parties: (1,1,0) dominates (1,0,0) and (0,1,0); (0,0,1) is alone on its axis.
  const std::vector<double> three{1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1};
  EXPECT_EQ(pareto_indices(three, 3), (std::vector<std::size_t>{1, 2}));
  // 4 parties: (1,1,1,1) dominates every other row but (2,0,0,0).
  const std::vector<double> four{0, 0, 0, 1, 2, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1};
  EXPECT_EQ(pareto_indices(four, 4), (std::vector<std::size_t>{1, 2}));
  // 1 party: the first maximum.
  const std::vector<double> one{0.2, 0.9, 0.1, 0.9};
  EXPECT_EQ(pareto_indices(one, 1), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(pareto_indices({}, 2).empty());
}

}  // namespace
}  // namespace parley
