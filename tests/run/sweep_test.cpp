#include "parley/run/sweep.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "parley/core/error.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/run/executor.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Two actors over two small issues (an ordered discrete one and a continuous one of 6
// grid points), one stage, three uncertain inputs.
Scenario small_scenario() {
  Scenario s;
  s.name = "Small";
  Issue ceasefire;
  ceasefire.id = ceasefire.name = "ceasefire";
  ceasefire.kind = IssueKind::discrete;
  ceasefire.options = {"none", "truce", "full"};
  ceasefire.ordered = true;
  Issue aid;
  aid.id = aid.name = "aid";
  aid.steps = 6;
  s.issues = {ceasefire, aid};
  Actor us, ru;
  us.id = us.name = "us";
  us.stances = {Stance{2, 0.8, {}}, Stance{80, 0.4, {}}};
  us.reservation_value = 0.2;
  ru.id = ru.name = "ru";
  ru.stances = {Stance{0, 0.5, {}}, Stance{10, 0.7, {}}};
  ru.reservation_value = 0.3;
  s.actors = {us, ru};
  s.stages.push_back(all_issues_stage(2));
  Distribution salience;
  salience.kind = DistributionKind::uniform;
  salience.min = 0.1;
  salience.max = 1.0;
  Distribution reservation;
  reservation.kind = DistributionKind::normal;
  reservation.sd = 0.2;
  Distribution strategy;
  strategy.kind = DistributionKind::choice;
  strategy.strategies = {"boulware", "conceder"};
  s.uncertainty = {UncertainInput{0, UncertainField::salience, 1, salience, {}},
                   UncertainInput{1, UncertainField::reservation, 0, reservation, {}},
                   UncertainInput{1, UncertainField::strategy, 0, strategy, {}}};
  return s;
}

TEST(SweepStatistics, QuantilesInterpolateBetweenOrderStatistics) {
  const std::vector<double> one_to_ten{3, 1, 2, 10, 9, 8, 7, 4, 6, 5};
  const Quantiles q = describe_values(one_to_ten);
  EXPECT_EQ(q.count, 10u);
  EXPECT_DOUBLE_EQ(q.mean, 5.5);
  EXPECT_DOUBLE_EQ(q.p10, 1.9);  // R: quantile(1:10, 0.1) (type 7)
  EXPECT_DOUBLE_EQ(q.p50, 5.5);
  EXPECT_DOUBLE_EQ(q.p90, 9.1);
  const Quantiles with_gaps = describe_values(std::vector<double>{kNaN, 4, kNaN, 2});
  EXPECT_EQ(with_gaps.count, 2u);
  EXPECT_DOUBLE_EQ(with_gaps.p50, 3);
  EXPECT_DOUBLE_EQ(with_gaps.p10, 2.2);
  EXPECT_TRUE(std::isnan(describe_values(std::vector<double>{kNaN}).mean));
  const std::vector<double> single{7};
  EXPECT_DOUBLE_EQ(quantile_sorted(single, 0.9), 7);
}

TEST(SweepStatistics, SpearmanOnKnownData) {
  const std::vector<double> x{1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(spearman(x, std::vector<double>{2, 4, 8, 16, 32}), 1);  // monotone, not linear
  EXPECT_DOUBLE_EQ(spearman(x, std::vector<double>{5, 4, 3, 2, 1}), -1);
  // Ranks of y (ties averaged): 1, 2.5, 2.5, 4, 5; Pearson of the ranks: 9.5 / sqrt(10 · 9.5).
  EXPECT_NEAR(spearman(x, std::vector<double>{10, 20, 20, 30, 40}), 9.5 / std::sqrt(10 * 9.5), 1e-15);
  // A textbook example (rho = 1 - 6·Σd²/(n(n²-1)) without ties): d = (0, -2, 1, 1, 0) → 0.7.
  EXPECT_NEAR(spearman(x, std::vector<double>{1, 4, 2, 3, 5}), 0.7, 1e-15);
  EXPECT_TRUE(std::isnan(spearman(x, std::vector<double>{3, 3, 3, 3, 3})));  // constant
  EXPECT_NEAR(spearman(std::vector<double>{1, 2, kNaN, 3}, std::vector<double>{3, 2, 9, 1}), -1,
              1e-15);  // pair left out
}

TEST(Sweep, SummarisesHandBuiltRecords) {
  SweepPlan plan = make_sweep_plan(small_scenario(), 4, 0);
  plan.models = {"median"};
  const SweepLayout layout = sweep_layout(plan);
  ASSERT_EQ(layout.inputs, 3u);
  ASSERT_EQ(layout.forecast_issues, (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(layout.width, 3 + 2 + 1 * (2 + 2));
  EXPECT_EQ(layout.columns[3], "forecast:median:ceasefire");
  EXPECT_EQ(layout.columns[5], "stage:all:holds");
  EXPECT_EQ(layout.columns[8], "stage:all:utility:ru");
  // Four runs: the aid forecast follows us's salience; the stage holds unless ru's
  // reservation is high.
  const std::vector<double> records{// inputs          forecasts   holds vetoed u(us) u(ru)
                                    0.1, 0.2, 0, /**/ 1, 10, /**/ 1, 0, 0.5, 0.6,  //
                                    0.7, 0.5, 1, /**/ 1, 50, /**/ 1, 0, 0.6, 0.5,  //
                                    0.4, 0.9, 0, /**/ 2, 30, /**/ 0, 1, 0.2, 0.9,  //
                                    1.0, 0.7, 1, /**/ 2, 70, /**/ 0, 0, 0.2, kNaN};
  const SweepSummary summary = summarize_sweep(plan, records);
  EXPECT_EQ(summary.runs, 4u);
  ASSERT_EQ(summary.forecasts.size(), 2u);
  EXPECT_EQ(summary.forecasts[1].model, "median");
  EXPECT_EQ(summary.forecasts[1].issue, 1u);
  EXPECT_DOUBLE_EQ(summary.forecasts[1].value.mean, 40);
  EXPECT_DOUBLE_EQ(summary.forecasts[1].value.p50, 40);
  EXPECT_DOUBLE_EQ(summary.forecasts[1].value.p10, 16);
  ASSERT_EQ(summary.stages.size(), 1u);
  EXPECT_DOUBLE_EQ(summary.stages[0].agreement, 0.5);
  EXPECT_DOUBLE_EQ(summary.stages[0].veto, 0.25);
  ASSERT_EQ(summary.stages[0].utilities.size(), 2u);
  EXPECT_EQ(summary.stages[0].utilities[1].utility.count, 3u);  // the NaN is left out
  EXPECT_DOUBLE_EQ(summary.stages[0].utilities[1].utility.p50, 0.6);
  // Sensitivity: the aid forecast is ordered by us's salience (rho 1), the ceasefire
  // forecast too (ties averaged), the stage's holding against ru's reservation (rho -0.89;
  // us's salience, -0.45, comes later).
  const auto find = [&](const std::string& output) -> const SweepSensitivity& {
    for (const SweepSensitivity& s : summary.sensitivity)
      if (s.output == output) return s;
    throw std::runtime_error("no output " + output);
  };
  const SweepSensitivity& aid = find("median:aid");
  EXPECT_EQ(aid.inputs.front().input, 0u);
  EXPECT_DOUBLE_EQ(aid.inputs.front().rho, 1);
  const SweepSensitivity& holds = find("all:holds");
  EXPECT_EQ(holds.inputs.front().input, 1u);
  EXPECT_LT(holds.inputs.front().rho, -0.8);
  for (std::size_t k = 1; k < holds.inputs.size(); ++k)
    EXPECT_GE(std::abs(holds.inputs[k - 1].rho), std::abs(holds.inputs[k].rho));
}

std::vector<double> run_sweep(const SweepPlan& plan, std::size_t threads) {
  const SweepLayout layout = sweep_layout(plan);
  std::vector<std::uint64_t> runs(plan.runs);
  for (std::uint64_t r = 0; r < plan.runs; ++r) runs[r] = r;
  std::vector<double> records;
  ExecutorOptions options;
  options.threads = threads;
  options.block = 7;  // several blocks
  execute(
      runs, layout.width, [&](std::uint64_t run, std::span<double> record) { compute_sweep_run(plan, run, record); },
      [&](std::span<const std::uint64_t>, std::span<const double> block) {
        records.insert(records.end(), block.begin(), block.end());
      },
      options);
  return records;
}

// Bitwise equality, NaN equal to NaN.
bool same_records(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

TEST(Sweep, RecordsAreTheSameWithOneAndTwoThreads) {
  const SweepPlan plan = make_sweep_plan(small_scenario(), 30, 5);
  const std::vector<double> one = run_sweep(plan, 1), two = run_sweep(plan, 2);
  EXPECT_TRUE(same_records(one, two));
  const SweepLayout layout = sweep_layout(plan);
  ASSERT_EQ(one.size(), 30 * layout.width);
  // Run 3 alone gives its row of the sweep: a record depends only on the plan and the run.
  std::vector<double> alone(layout.width);
  compute_sweep_run(plan, 3, alone);
  EXPECT_TRUE(same_records(alone, std::vector<double>(one.begin() + 3 * layout.width, one.begin() + 4 * layout.width)));
  // Its inputs are the draw with derive_seed(seed, run).
  const DrawnScenario drawn = draw_scenario(plan.scenario, derive_seed(5, 3));
  EXPECT_TRUE(same_records(drawn.values, std::vector<double>(alone.begin(), alone.begin() + 3)));
  // Every model forecast, the stage negotiated: no NaN among forecasts and holds/vetoed.
  for (std::size_t c = layout.forecasts; c < layout.stages + 2; ++c)
    EXPECT_FALSE(std::isnan(alone[c])) << layout.columns[c];
  const SweepSummary summary = summarize_sweep(plan, one);
  EXPECT_EQ(summary.forecasts.size(), plan.models.size() * 2);
  EXPECT_FALSE(summary.sensitivity.empty());
}

TEST(Sweep, PlansNeedUncertaintyAndRuns) {
  Scenario sure = small_scenario();
  sure.uncertainty.clear();
  try {
    make_sweep_plan(sure, 10, 0);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "uncertainty");
  }
  try {
    make_sweep_plan(small_scenario(), 0, 0);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "runs");
  }
}

}  // namespace
}  // namespace parley
