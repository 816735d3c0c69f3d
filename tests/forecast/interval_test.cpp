// interval.hpp: quantile intervals of draws, their widening, coverage, and the widening factor
// chosen on training folds only; evaluate()'s coverage80 on hand-built cases.

#include "parley/forecast/interval.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "parley/forecast/evaluate.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

TEST(Interval, QuantileIntervalOfKnownDraws) {
  // 1..11 in any order: h = 10·0.1 = 1 and 10·0.9 = 9, exact order statistics.
  const std::vector<double> eleven = {7, 3, 11, 1, 5, 9, 2, 10, 4, 8, 6};
  const Interval i = quantile_interval(eleven);
  EXPECT_DOUBLE_EQ(i.lower, 2);
  EXPECT_DOUBLE_EQ(i.upper, 10);
  // Two draws 0 and 10: linear interpolation, 1 and 9.
  const std::vector<double> two = {10, 0};
  EXPECT_DOUBLE_EQ(quantile_interval(two).lower, 1);
  EXPECT_DOUBLE_EQ(quantile_interval(two).upper, 9);
  EXPECT_DOUBLE_EQ(sample_quantile(two, 0.25), 2.5);
  const std::vector<double> one = {42};
  EXPECT_DOUBLE_EQ(quantile_interval(one).lower, 42);
  EXPECT_DOUBLE_EQ(quantile_interval(one).upper, 42);
  // A 50% interval of 0..100 in steps of 10: the quartiles.
  std::vector<double> tens;
  for (int k = 0; k <= 10; ++k) tens.push_back(10.0 * k);
  EXPECT_DOUBLE_EQ(quantile_interval(tens, 0.5).lower, 25);
  EXPECT_DOUBLE_EQ(quantile_interval(tens, 0.5).upper, 75);
}

TEST(Interval, WidenedAboutThePointClippedAndHoldingIt) {
  // Draws 1..11 about a point of 6: raw interval [2, 10], doubled [-2, 14] → clipped [0, 14].
  IntervalForecast f{6.0, {7, 3, 11, 1, 5, 9, 2, 10, 4, 8, 6}};
  auto i = widened_interval(f, 2);
  ASSERT_TRUE(i);
  EXPECT_DOUBLE_EQ(i->lower, 0);
  EXPECT_DOUBLE_EQ(i->upper, 14);
  i = widened_interval(f, 0.5);
  EXPECT_DOUBLE_EQ(i->lower, 4);
  EXPECT_DOUBLE_EQ(i->upper, 8);
  // Every draw above the point: the interval still holds the point.
  f = {100.0, {90, 92, 94, 96, 98}};
  i = widened_interval(f, 1);
  EXPECT_DOUBLE_EQ(i->upper, 100);
  EXPECT_TRUE(i->contains(100));
  EXPECT_FALSE(widened_interval({std::nullopt, {1, 2}}, 1));
  EXPECT_FALSE(widened_interval({5.0, {}}, 1));
}

TEST(Interval, CoverageOfHandBuiltCases) {
  // Inside, on an end (counts), outside, outside, and one case without an interval.
  const std::vector<std::optional<Interval>> intervals = {Interval{10, 30}, Interval{0, 50}, Interval{40, 60},
                                                          Interval{40, 60}, std::nullopt};
  const std::vector<double> outcomes = {20, 50, 39, 61, 0};
  const Coverage c = coverage_of(intervals, outcomes);
  EXPECT_EQ(c.n, 4u);
  EXPECT_DOUBLE_EQ(c.share, 0.5);
  EXPECT_DOUBLE_EQ(c.mean_width, (20.0 + 50 + 20 + 20) / 4);
}

// Ten cases in two folds, each with draws ±10 about the point 50 (raw interval [42, 58]).
struct TwoFolds {
  std::vector<IntervalForecast> forecasts;
  std::vector<double> outcomes;
  std::vector<int> fold;
  TwoFolds() {
    for (int k = 0; k < 10; ++k) {
      forecasts.push_back({50.0, {40, 45, 50, 55, 60}});
      fold.push_back(k % 2);
    }
    // Fold 1 (odd cases): distances 5, 10, 15, 20, 25 from the point. Fold 0: 1, 2, 3, 4, 30.
    outcomes = {51, 55, 52, 60, 53, 65, 54, 70, 80, 75};
  }
  CrossValidatedCoverage run(std::span<const double> grid) const {
    return cross_validated_coverage([&](int) -> const std::vector<IntervalForecast>& { return forecasts; }, outcomes,
                                    fold, 2, grid);
  }
};

TEST(Interval, FactorIsChosenOnTrainingFoldsOnly) {
  const std::vector<double> grid = {0.5, 1, 2, 3};  // half-widths 4, 8, 16, 24 about 50
  TwoFolds cases;
  const CrossValidatedCoverage first = cases.run(grid);
  // Fold 0 trains on fold 1 (distances 5..25): 80% covered first at half-width 24 (s = 3).
  // Fold 1 trains on fold 0 (1, 2, 3, 4, 30): 80% at half-width 4 (s = 0.5).
  ASSERT_EQ(first.factor_by_fold.size(), 2u);
  EXPECT_DOUBLE_EQ(first.factor_by_fold[0], 3);
  EXPECT_DOUBLE_EQ(first.factor_by_fold[1], 0.5);
  // Held out: fold 0 with ±24 covers 1, 2, 3, 4 (not 30); fold 1 with ±4 covers none.
  EXPECT_EQ(first.held_out.n, 10u);
  EXPECT_DOUBLE_EQ(first.held_out.share, 0.4);
  EXPECT_DOUBLE_EQ(first.held_out.mean_width, (5 * 48.0 + 5 * 8.0) / 10);
  EXPECT_EQ(first.fitted(), "s=0.5 (1/2 folds), s=3 (1/2 folds)");

  // Moving a case of fold 0 does not change fold 0's factor (it is held out there), only
  // fold 1's, which trains on it.
  cases.outcomes[8] = 51;  // fold 0's distance 30 becomes 1: fold 0 now all within 4
  const CrossValidatedCoverage second = cases.run(grid);
  EXPECT_DOUBLE_EQ(second.factor_by_fold[0], 3);
  EXPECT_DOUBLE_EQ(second.factor_by_fold[1], 0.5);  // training coverage 100% at every factor: the sharpest
  cases.outcomes[7] = 64;                           // a fold-1 case, distance 20 → 14: fold 0 trains on it
  const CrossValidatedCoverage third = cases.run(grid);
  EXPECT_DOUBLE_EQ(third.factor_by_fold[1], 0.5);
  EXPECT_DOUBLE_EQ(third.factor_by_fold[0], 2);  // 5, 10, 14, 15 of 5..25 inside ±16: 80% at s = 2
}

TEST(Interval, EvaluateReportsCoverageOutOfSampleOnly) {
  std::vector<EvaluationCase> cases;
  for (int k = 0; k < 6; ++k) {
    EvaluationCase c;
    c.table = make_table({{"a", 1, {20.0 + k}, {0.5}}, {"b", 2, {80}, {0.8}}, {"c", 1, {50}, {1}}});
    c.outcome = 40 + 5 * k;
    cases.push_back(std::move(c));
  }
  EvaluationOptions options;
  options.models = {"compromise", "midpoint"};
  options.folds = 0;
  for (const ModelScore& s : evaluate(cases, options).scores) {
    EXPECT_FALSE(s.coverage80) << s.name;  // no folds: no out-of-sample coverage, none faked in sample
    EXPECT_FALSE(s.width80) << s.name;
  }
  options.folds = 3;
  const Evaluation evaluation = evaluate(cases, options);
  const ModelScore& compromise = evaluation.scores.at(0);
  ASSERT_TRUE(compromise.coverage80);
  EXPECT_GE(*compromise.coverage80, 0);
  EXPECT_LE(*compromise.coverage80, 1);
  // A multiple of 1/6: a share of the six held-out cases.
  EXPECT_NEAR(std::round(*compromise.coverage80 * 6), *compromise.coverage80 * 6, 1e-9);
  EXPECT_GT(*compromise.width80, 0);
  EXPECT_EQ(compromise.interval_draws, EvaluationOptions{}.interval_draws);
  EXPECT_FALSE(evaluation.scores.at(1).coverage80);  // the constant midpoint has no interval
  // The same seed, the same figures; no draws, no intervals.
  EXPECT_EQ(*evaluate(cases, options).scores.at(0).coverage80, *compromise.coverage80);
  EXPECT_EQ(*evaluate(cases, options).scores.at(0).width80, *compromise.width80);
  options.interval_draws = 0;
  EXPECT_FALSE(evaluate(cases, options).scores.at(0).coverage80);
}

}  // namespace
}  // namespace parley::test
