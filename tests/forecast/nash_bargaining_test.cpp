// Nash bargaining solution against hand-computed cases.

#include "parley/forecast/nash_bargaining.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "parley/core/error.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

TEST(NashBargaining, LinearWorstPointIsTheWeightedMeanForExtremePositions) {
  // max 3 log(1 − x/100) + log(x/100): −3/(100 − x) + 1/x = 0 → x = 25.
  const ActorTable table = make_table({{"a", 3, {0}, {1}}, {"b", 1, {100}, {1}}});
  const NashSolution solution = nash_bargaining_position(table, 0, {1, Disagreement::worst, 1, 1});
  EXPECT_NEAR(solution.position, 25, 1e-9);
  EXPECT_FALSE(solution.at_disagreement);
  EXPECT_EQ(solution.disagreement_used, Disagreement::worst);
}

TEST(NashBargaining, QuadraticUtilities) {
  // t = x/100 maximises 3 log(1 − t²) + log(1 − (1 − t)²): (1 − t)²(1 + t) = 3t²(2 − t), t = 0.3418309…
  const ActorTable table = make_table({{"a", 3, {0}, {1}}, {"b", 1, {100}, {1}}});
  EXPECT_NEAR(nash_bargaining_position(table, 0, {2, Disagreement::worst, 1, 1}).position, 34.18309174796676, 1e-7);
  // Symmetric: the middle.
  const ActorTable even = make_table({{"a", 1, {0}, {1}}, {"b", 1, {100}, {1}}});
  EXPECT_NEAR(nash_bargaining_position(even, 0, {2, Disagreement::worst, 1, 1}).position, 50, 1e-9);
}

TEST(NashBargaining, ReferencePointDisagreement) {
  // Status quo 0, actors at 40 and 60 (equal weights): on [40, 60] the product is (80 − x)·x,
  // maximal at 40; below 40 both gain by moving up. Solution 40.
  const ActorTable table = make_table({{"a", 1, {40}, {1}}, {"b", 1, {60}, {1}}}, 0, 100, 0.0);
  const NashSolution solution = nash_bargaining_position(table, 0, {});  // auto → reference
  EXPECT_EQ(solution.disagreement_used, Disagreement::reference);
  EXPECT_NEAR(solution.position, 40, 1e-9);
  // Actors on both sides of the status quo: nothing beats it for both.
  const ActorTable split = make_table({{"a", 1, {20}, {1}}, {"b", 1, {80}, {1}}}, 0, 100, 50.0);
  const NashSolution stuck = nash_bargaining_position(split, 0, {});
  EXPECT_TRUE(stuck.at_disagreement);
  EXPECT_DOUBLE_EQ(stuck.position, 50);
}

TEST(NashBargaining, FarthestEndDisagreement) {
  // Actor a at 30 (farther end 100), b at 100 (farther end 0): on [30, 100] the product is
  // (100 − x)·x, maximal at 50.
  const ActorTable table = make_table({{"a", 1, {30}, {1}}, {"b", 1, {100}, {1}}});
  EXPECT_NEAR(nash_bargaining_position(table, 0, {1, Disagreement::farthest_end, 1, 1}).position, 50, 1e-9);
}

TEST(NashBargaining, ActorsWithoutWeightDoNotTakePart) {
  const ActorTable table = make_table({{"a", 1, {0}, {1}}, {"b", 1, {100}, {1}}, {"c", 5, {0}, {0}}});
  EXPECT_NEAR(nash_bargaining_position(table, 0, {1, Disagreement::worst, 1, 1}).position, 50, 1e-9);
}

TEST(NashBargaining, ModelParametersAndMissingReference) {
  const ActorTable table = make_table({{"a", 3, {0}, {1}}, {"b", 1, {100}, {1}}});
  const NashBargainingModel model;
  EXPECT_NEAR(model.run(table, {}, 0).outcome[0], 25, 1e-9);  // no reference point: worst
  EXPECT_NEAR(model.run(table, {{"utility", "quadratic"}}, 0).outcome[0], 34.18309174796676, 1e-7);
  EXPECT_THROW(model.run(table, {{"disagreement", "reference"}}, 0), Error);
  EXPECT_THROW(model.run(table, {{"disagreement", "worse"}}, 0), Error);
  EXPECT_THROW(model.run(table, {{"utility_exponent", "0.5"}}, 0), Error);
  try {
    model.run(table, {{"disagreement", "worse"}}, 0);
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "model parameter");  // the CLI names --param, the library does not
  }
  EXPECT_THROW(nash_bargaining_position(table, 0, {1, Disagreement::reference, 1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace parley::test
