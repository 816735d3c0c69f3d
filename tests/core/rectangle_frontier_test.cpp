// The rectangle branch and bound against brute force: on small random spaces the frontier
// it returns must be exactly the set of undominated utility vectors of the enumerated space.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "../../src/core/frontiers.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/random.hpp"
#include "parley/core/utility.hpp"

#include "issue_builders.hpp"

namespace parley {
namespace {

using test::discrete_issue;

struct Instance {
  std::vector<Issue> issues;
  std::vector<Actor> actors;
};

// Random rectangles with small integer utilities (so that sums are exact in binary floating
// point and equal utility vectors compare equal). Bounds may extend past the last value.
Actor rectangle_actor(const std::vector<Issue>& issues, Rng& rng, bool with_exclusive, bool with_negative) {
  Actor actor;
  actor.id = "r";
  actor.stances.resize(issues.size());
  const int count = int(rng.uniform_int(2, 7));
  for (int r = 0; r < count; ++r) {
    HyperRectangle rectangle;
    rectangle.utility = int(rng.uniform_int(1, 9));
    if (with_negative && int(rng.uniform_int(0, 4)) == 0) rectangle.utility = -rectangle.utility;
    rectangle.exclusive = with_exclusive && int(rng.uniform_int(0, 2)) == 0;
    const int bounds = int(rng.uniform_int(1, 3));
    for (int b = 0; b < bounds; ++b) {
      const std::size_t issue = std::size_t(rng.uniform_below(issues.size()));
      const std::uint32_t values = issues[issue].value_count();
      std::uint32_t lo = std::uint32_t(rng.uniform_below(values));
      std::uint32_t hi = std::uint32_t(rng.uniform_below(values + 1));
      if (lo > hi) std::swap(lo, hi);
      rectangle.bounds.push_back({issue, lo, hi});
    }
    actor.rectangles.push_back(rectangle);
  }
  actor.rectangle_scale = 1;
  return actor;
}

// Linear-additive actor with explicit values k/8 and equal saliences over 4 issues (weights
// 1/4): all utilities are exact binary fractions.
Actor linear_actor(const std::vector<Issue>& issues, Rng& rng) {
  Actor actor;
  actor.id = "l";
  for (const auto& issue : issues) {
    Stance stance;
    stance.salience = 1;
    for (std::uint32_t v = 0; v < issue.value_count(); ++v)
      stance.values.push_back(int(rng.uniform_int(0, 8)) / 8.0);
    actor.stances.push_back(stance);
  }
  return actor;
}

using Vector = std::vector<double>;

// Undominated distinct utility vectors of every outcome, sorted.
std::vector<Vector> brute_force(const std::vector<CompiledUtility>& parties, const OutcomeSpace& space) {
  std::vector<Vector> points;
  for (std::uint64_t index = 0; index < space.size(); ++index) {
    const Outcome outcome = space.decode(index);
    Vector u;
    for (const auto& party : parties) u.push_back(party(outcome));
    points.push_back(u);
  }
  // Descending lexicographic order: every dominator of a point comes before it, and is
  // itself on the frontier or dominated by a frontier point found before it.
  std::sort(points.begin(), points.end(), std::greater<>());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<Vector> frontier;
  for (const auto& p : points) {
    const bool dominated = std::any_of(frontier.begin(), frontier.end(), [&](const Vector& q) {
      for (std::size_t k = 0; k < p.size(); ++k)
        if (q[k] < p[k]) return false;
      return true;
    });
    if (!dominated) frontier.push_back(p);
  }
  std::sort(frontier.begin(), frontier.end());
  return frontier;
}

// Checks the search result against brute force: same vectors, each outcome really reaching
// the utilities reported for it.
void expect_exact(const Instance& instance) {
  std::vector<std::size_t> all(instance.issues.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const OutcomeSpace space(instance.issues, all);
  std::vector<CompiledUtility> parties;
  for (const auto& actor : instance.actors) parties.emplace_back(actor, instance.issues, space);

  const auto found = detail::rectangle_frontier(parties, space);
  EXPECT_FALSE(found.budget_reached);
  std::vector<Vector> vectors;
  for (const auto& scored : found.frontier) {
    ASSERT_EQ(scored.outcome.size(), space.issue_count());
    ASSERT_EQ(scored.utilities.size(), parties.size());
    for (std::size_t p = 0; p < parties.size(); ++p) EXPECT_EQ(scored.utilities[p], parties[p](scored.outcome));
    vectors.push_back(scored.utilities);
  }
  std::sort(vectors.begin(), vectors.end());
  EXPECT_EQ(vectors, brute_force(parties, space));
}

Instance random_instance(std::uint32_t seed, std::size_t rectangle_parties, bool linear_party, bool exclusive,
                         bool negative) {
  Rng rng(seed);
  Instance instance;
  const std::size_t issues = linear_party ? 4 : std::size_t(rng.uniform_int(2, 6));
  for (std::size_t i = 0; i < issues; ++i)
    instance.issues.push_back(discrete_issue("i" + std::to_string(i), int(rng.uniform_int(1, 5))));
  for (std::size_t p = 0; p < rectangle_parties; ++p)
    instance.actors.push_back(rectangle_actor(instance.issues, rng, exclusive, negative));
  if (linear_party) instance.actors.push_back(linear_actor(instance.issues, rng));
  return instance;
}

TEST(RectangleFrontier, TwoPartiesInclusiveMatchesBruteForce) {
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(seed, 2, false, false, false));
  }
}

TEST(RectangleFrontier, TwoPartiesExclusiveMatchesBruteForce) {
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(1000 + seed, 2, false, true, false));
  }
}

TEST(RectangleFrontier, NegativeUtilitiesMatchBruteForce) {
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(2000 + seed, 2, false, true, true));
  }
}

TEST(RectangleFrontier, ThreePartiesMatchBruteForce) {
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(3000 + seed, 3, false, true, false));
  }
}

TEST(RectangleFrontier, RectangleAndLinearPartyMatchBruteForce) {
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(4000 + seed, 1, true, true, false));
  }
}

TEST(RectangleFrontier, TwoRectangleAndOneLinearPartyMatchBruteForce) {
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(5000 + seed, 2, true, true, false));
  }
}

TEST(RectangleFrontier, SinglePartyGetsItsBest) {
  for (std::uint32_t seed = 0; seed < 100; ++seed) {
    SCOPED_TRACE(seed);
    expect_exact(random_instance(6000 + seed, 1, false, true, true));
  }
}

// Larger: 8 issues of 4 values (65536 outcomes), many rectangles, so that pruning and the
// separable solve run deep in the tree; every fourth case has three parties.
TEST(RectangleFrontier, DenserSpacesMatchBruteForce) {
  for (std::uint32_t seed = 0; seed < 20; ++seed) {
    SCOPED_TRACE(seed);
    Rng rng(7000 + seed);
    Instance instance;
    for (int i = 0; i < 8; ++i) instance.issues.push_back(discrete_issue("i" + std::to_string(i), 4));
    const int party_count = seed % 4 == 3 ? 3 : 2;
    for (int p = 0; p < party_count; ++p) {
      Actor actor = rectangle_actor(instance.issues, rng, true, false);
      for (int extra = 0; extra < 3; ++extra) {
        Actor more = rectangle_actor(instance.issues, rng, seed % 2 == 0, false);
        actor.rectangles.insert(actor.rectangles.end(), more.rectangles.begin(), more.rectangles.end());
      }
      instance.actors.push_back(actor);
    }
    expect_exact(instance);
  }
}

// A space far too large to enumerate with a known frontier: on each of 12 contested issues
// the first party wants the low half and the second the high half (one point each), and on
// 28 more issues both gain from the same middle values. The frontier is (k, 12 - k) + 28·(1, 1)
// for k = 0..12, all on one line (the hull bound alone cannot prune this).
TEST(RectangleFrontier, HugeSpaceWithKnownFrontier) {
  std::vector<Issue> issues;
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < 40; ++i) {
    issues.push_back(discrete_issue("i" + std::to_string(i), 10));
    all.push_back(i);
  }
  Actor low, high;
  low.id = "low";
  high.id = "high";
  low.stances.resize(40);
  high.stances.resize(40);
  for (std::size_t i = 0; i < 12; ++i) {
    low.rectangles.push_back({{{i, 0, 4}}, 1, false});
    high.rectangles.push_back({{{i, 5, 9}}, 1, false});
  }
  for (std::size_t i = 12; i < 40; ++i) {
    low.rectangles.push_back({{{i, 3, 6}}, 1, false});
    high.rectangles.push_back({{{i, 4, 8}}, 1, false});
  }
  const OutcomeSpace space(issues, all);
  ASSERT_FALSE(space.enumerable());
  const std::vector<CompiledUtility> parties{CompiledUtility(low, issues, space), CompiledUtility(high, issues, space)};
  auto found = detail::rectangle_frontier(parties, space);
  EXPECT_FALSE(found.budget_reached);
  std::vector<Vector> vectors;
  for (const auto& scored : found.frontier) vectors.push_back(scored.utilities);
  std::sort(vectors.begin(), vectors.end());
  std::vector<Vector> expected;
  for (int k = 0; k <= 12; ++k) expected.push_back({28.0 + k, 28.0 + 12 - k});
  EXPECT_EQ(vectors, expected);
}

// Coupled rectangles over many issues: the outcome must pick the same half on a chain of
// issues for the first party, the opposite for the second; the frontier is the two extremes
// and the all-agree compromise on the shared issues.
Instance coupled_instance() {
  Instance instance;
  for (std::size_t i = 0; i < 30; ++i) instance.issues.push_back(discrete_issue("i" + std::to_string(i), 10));
  Actor a, b;
  a.id = "a";
  b.id = "b";
  a.stances.resize(30);
  b.stances.resize(30);
  // a: 10 for issues 0..4 all in [0,4]; b: 10 for issues 0..4 all in [5,9]; both: 1 for each
  // of issues 5..29 in [2,7] (b) / [0,2] (a): only value 2 serves both.
  a.rectangles.push_back({{{0, 0, 4}, {1, 0, 4}, {2, 0, 4}, {3, 0, 4}, {4, 0, 4}}, 10, false});
  b.rectangles.push_back({{{0, 5, 9}, {1, 5, 9}, {2, 5, 9}, {3, 5, 9}, {4, 5, 9}}, 10, false});
  for (std::size_t i = 5; i < 30; ++i) {
    a.rectangles.push_back({{{i, 0, 2}}, 1, false});
    b.rectangles.push_back({{{i, 2, 7}}, 1, false});
  }
  instance.actors = {a, b};
  return instance;
}

OutcomeSpace whole_space(const Instance& instance) {
  std::vector<std::size_t> all(instance.issues.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return OutcomeSpace(instance.issues, all);
}

TEST(RectangleFrontier, CoupledRectanglesInHugeSpace) {
  const Instance instance = coupled_instance();
  const OutcomeSpace space = whole_space(instance);
  const std::vector<CompiledUtility> parties{CompiledUtility(instance.actors[0], instance.issues, space),
                                             CompiledUtility(instance.actors[1], instance.issues, space)};
  auto found = detail::rectangle_frontier(parties, space);
  EXPECT_FALSE(found.budget_reached);
  EXPECT_GT(found.nodes, 1u);
  std::vector<Vector> vectors;
  for (const auto& scored : found.frontier) vectors.push_back(scored.utilities);
  std::sort(vectors.begin(), vectors.end());
  EXPECT_EQ(vectors, (std::vector<Vector>{{25.0, 35.0}, {35.0, 25.0}}));
}

// A budget the search needs more than: it stops, and analyze() says the result is not exact.
TEST(RectangleFrontier, NodeBudgetReachedIsReported) {
  const Instance instance = coupled_instance();
  const OutcomeSpace space = whole_space(instance);
  const std::vector<CompiledUtility> parties{CompiledUtility(instance.actors[0], instance.issues, space),
                                             CompiledUtility(instance.actors[1], instance.issues, space)};
  const Analysis full = analyze(parties, space);
  EXPECT_EQ(full.method, AnalysisMethod::rectangle_search);
  EXPECT_TRUE(full.exact);
  EXPECT_FALSE(full.node_budget_reached);
  ASSERT_GT(full.search_nodes, 1u);

  AnalysisOptions options;
  options.max_search_nodes = 1;
  const Analysis cut = analyze(parties, space, options);
  EXPECT_EQ(cut.method, AnalysisMethod::rectangle_search);
  EXPECT_FALSE(cut.exact);
  EXPECT_TRUE(cut.node_budget_reached);
  EXPECT_EQ(cut.search_nodes, 1u);
  // What it returns is still mutually undominated, with the utilities of its outcomes.
  for (const auto& p : cut.pareto) {
    for (std::size_t i = 0; i < parties.size(); ++i) EXPECT_EQ(p.utilities[i], parties[i](p.outcome));
    for (const auto& q : cut.pareto)
      EXPECT_FALSE(q.utilities != p.utilities && q.utilities[0] >= p.utilities[0] && q.utilities[1] >= p.utilities[1]);
  }

  options.max_search_nodes = full.search_nodes;  // exactly enough
  const Analysis enough = analyze(parties, space, options);
  EXPECT_TRUE(enough.exact);
  EXPECT_EQ(enough.pareto.size(), full.pareto.size());
}

}  // namespace
}  // namespace parley
