// Compromise model and weighted median against hand-computed cases.

#include "parley/forecast/compromise.hpp"

#include <gtest/gtest.h>

#include "parley/forecast/median.hpp"
#include "parley/core/error.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

// c = 1, 2, 3; s = 1, 0.5, 0; x = 0, 60, 100.
ActorTable three_actors() {
  return make_table({{"a", 1, {0}, {1}}, {"b", 2, {60}, {0.5}}, {"c", 3, {100}, {0}}});
}

TEST(Compromise, CapabilityTimesSalienceWeightedMean) {
  // weights 1·1, 2·0.5, 3·0 → (0 + 60) / 2 = 30
  EXPECT_DOUBLE_EQ(compromise_position(three_actors(), 0), 30);
}

TEST(Compromise, ExponentsGiveTheBaselines) {
  const ActorTable table = three_actors();
  EXPECT_DOUBLE_EQ(compromise_position(table, 0, {0, 1}), 20);            // salience-weighted: 30 / 1.5
  EXPECT_DOUBLE_EQ(compromise_position(table, 0, {0, 0}), 160.0 / 3);     // every actor once, stake or not
  EXPECT_DOUBLE_EQ(compromise_position(table, 0, {1, 0}), (120 + 300) / 6.0);  // capability-weighted
}

TEST(Compromise, NoWeightFallsBackToTheUnweightedMean) {
  const ActorTable table = make_table({{"a", 1, {10}, {0}}, {"b", 1, {30}, {0}}});
  EXPECT_DOUBLE_EQ(compromise_position(table, 0), 20);
}

TEST(Compromise, ModelRunsEveryDimensionAndChecksParameters) {
  const ActorTable table = make_table({{"a", 1, {0, 100}, {1, 1}}, {"b", 3, {100, 0}, {1, 1}}});
  const CompromiseModel model;
  const Forecast forecast = model.run(table, {}, 0);
  ASSERT_EQ(forecast.outcome.size(), 2u);
  EXPECT_DOUBLE_EQ(forecast.outcome[0], 75);
  EXPECT_DOUBLE_EQ(forecast.outcome[1], 25);
  EXPECT_TRUE(forecast.rounds.empty());
  EXPECT_DOUBLE_EQ(model.run(table, {{"capability_exponent", "0"}}, 0).outcome[0], 50);
  EXPECT_THROW(model.run(table, {{"capability_exponant", "0"}}, 0), Error);
  EXPECT_THROW(model.run(table, {{"salience_exponent", "-1"}}, 0), Error);
  EXPECT_THROW(model.run(table, {{"salience_exponent", "one"}}, 0), Error);
}

TEST(Median, WeightedMedian) {
  EXPECT_DOUBLE_EQ(median_position(make_table({{"a", 1, {0}, {1}}, {"b", 1, {50}, {1}}, {"c", 1, {100}, {1}}}), 0), 50);
  EXPECT_DOUBLE_EQ(median_position(make_table({{"a", 3, {0}, {1}}, {"b", 1, {50}, {1}}, {"c", 1, {100}, {1}}}), 0), 0);
  // An exact tie of weight: the midpoint of the two middle positions.
  EXPECT_DOUBLE_EQ(median_position(make_table({{"a", 1, {20}, {1}}, {"b", 1, {80}, {1}}}), 0), 50);
  // Actors sharing a position count together; zero weights do not count.
  EXPECT_DOUBLE_EQ(
      median_position(make_table({{"a", 1, {10}, {1}}, {"b", 1, {10}, {1}}, {"c", 1.5, {90}, {1}}, {"d", 9, {0}, {0}}}), 0),
      10);
}

TEST(Median, ModelRuns) {
  const ActorTable table = make_table({{"a", 2, {0}, {1}}, {"b", 1, {50}, {1}}, {"c", 1, {100}, {1}}});
  const MedianModel model;
  EXPECT_DOUBLE_EQ(model.run(table, {}, 0).outcome[0], 25);  // weights 2 | 1 1: tie at 0 → (0 + 50) / 2
  EXPECT_DOUBLE_EQ(model.run(table, {{"capability_exponent", "0"}}, 0).outcome[0], 50);
  EXPECT_THROW(model.run(table, {{"nope", "1"}}, 0), Error);
}

}  // namespace
}  // namespace parley::test
