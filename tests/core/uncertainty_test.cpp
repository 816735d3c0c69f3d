#include "parley/core/uncertainty.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "parley/core/error.hpp"
#include "parley/core/validate.hpp"

namespace parley {
namespace {

Distribution normal(std::optional<double> mean, double sd, std::optional<double> min = {},
                    std::optional<double> max = {}) {
  Distribution d;
  d.kind = DistributionKind::normal;
  d.mean = mean;
  d.sd = sd;
  d.min = min;
  d.max = max;
  return d;
}
Distribution uniform(double min, double max) {
  Distribution d;
  d.kind = DistributionKind::uniform;
  d.min = min;
  d.max = max;
  return d;
}
Distribution triangular(double min, double mode, double max) {
  Distribution d = uniform(min, max);
  d.kind = DistributionKind::triangular;
  d.mode = mode;
  return d;
}
Distribution choice(std::vector<double> values, std::vector<double> weights = {}) {
  Distribution d;
  d.kind = DistributionKind::choice;
  d.values = std::move(values);
  d.weights = std::move(weights);
  return d;
}

// Two actors over an ordered discrete issue (4 options) and a continuous one on [0, 100].
Scenario two_issue_scenario() {
  Scenario s;
  s.name = "Uncertain";
  Issue ceasefire;
  ceasefire.id = ceasefire.name = "ceasefire";
  ceasefire.kind = IssueKind::discrete;
  ceasefire.options = {"none", "truce", "full", "permanent"};
  ceasefire.ordered = true;
  Issue aid;
  aid.id = aid.name = "aid";
  s.issues = {ceasefire, aid};
  for (const char* id : {"us", "ru"}) {
    Actor a;
    a.id = a.name = id;
    a.stances = {Stance{2, 0.9, {}}, Stance{60, 0.4, {}}};
    s.actors.push_back(a);
  }
  s.stages.push_back(all_issues_stage(2));
  return s;
}

UncertainInput input(std::size_t actor, UncertainField field, std::size_t issue, Distribution d) {
  return UncertainInput{actor, field, issue, std::move(d), {}};
}

// Mean and variance of n draws.
std::pair<double, double> moments(const Distribution& d, double stated, double low, double high, int n = 20000) {
  Rng rng(7);
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw_value(d, stated, low, high, rng);
    sum += x;
    squares += x * x;
  }
  const double mean = sum / n;
  return {mean, squares / n - mean * mean};
}

TEST(Uncertainty, GoldenDrawsForAFixedSeed) {
  // Pinned: a change here changes every seeded sweep (random.hpp's stability contract).
  const auto first_three = [](const Distribution& d) {
    Rng rng(42);
    std::vector<double> out;
    for (int i = 0; i < 3; ++i) out.push_back(draw_value(d, 0, -1e9, 1e9, rng));
    return out;
  };
  EXPECT_EQ(first_three(normal(0.5, 0.1)),
            (std::vector<double>{0.54929506558173746, 0.37189226521222973, 0.43981220189042669}));
  EXPECT_EQ(first_three(uniform(2, 5)),
            (std::vector<double>{4.22469463631547, 2.4797311786307601, 2.8358033907654159}));
  EXPECT_EQ(first_three(triangular(0, 3, 6)),
            (std::vector<double>{3.8431893495007077, 1.6965809947610995, 2.2393794552492654}));
  EXPECT_EQ(first_three(choice({10, 20, 30}, {1, 2, 1})), (std::vector<double>{20, 10, 20}));
}

TEST(Uncertainty, MomentsMatchTheDistributions) {
  auto [mean, variance] = moments(uniform(2, 5), 0, -1e9, 1e9);
  EXPECT_NEAR(mean, 3.5, 0.02);
  EXPECT_NEAR(variance, 0.75, 0.02);
  std::tie(mean, variance) = moments(triangular(0, 3, 6), 0, -1e9, 1e9);  // (a²+b²+c²-ab-ac-bc)/18
  EXPECT_NEAR(mean, 3, 0.03);
  EXPECT_NEAR(variance, 1.5, 0.05);
  std::tie(mean, variance) = moments(triangular(0, 0, 6), 0, -1e9, 1e9);  // mode at the edge
  EXPECT_NEAR(mean, 2, 0.03);
  EXPECT_NEAR(variance, 2, 0.06);
  std::tie(mean, variance) = moments(normal(std::nullopt, 2), 10, -1e9, 1e9);  // mean: the stated value
  EXPECT_NEAR(mean, 10, 0.05);
  EXPECT_NEAR(variance, 4, 0.15);
  std::tie(mean, variance) = moments(choice({0, 1}, {1, 3}), 0, -1e9, 1e9);  // P(1) = 0.75
  EXPECT_NEAR(mean, 0.75, 0.01);
}

TEST(Uncertainty, NormalDrawsAreClippedToTheirBoundsAndTheFieldsRange) {
  Rng rng(3);
  int at_min = 0, at_max = 0;
  for (int i = 0; i < 5000; ++i) {
    const double x = draw_value(normal(0.5, 10, 0.2, 2.0), 0, 0, 1, rng);  // field [0, 1] cuts max 2
    ASSERT_GE(x, 0.2);
    ASSERT_LE(x, 1.0);
    at_min += x == 0.2;
    at_max += x == 1.0;
  }
  EXPECT_GT(at_min, 2000);  // clipping puts the tails on the bounds
  EXPECT_GT(at_max, 2000);
}

TEST(Uncertainty, DrawnScenariosKeepEveryFieldValid) {
  Scenario s = two_issue_scenario();
  s.uncertainty = {input(0, UncertainField::position, 0, normal(std::nullopt, 5)),
                   input(0, UncertainField::salience, 1, normal(std::nullopt, 5)),
                   input(1, UncertainField::capability, 0, normal(std::nullopt, 5)),
                   input(1, UncertainField::reservation, 0, normal(0.5, 5)),
                   input(1, UncertainField::discount, 0, normal(0.9, 5))};
  validate(s);
  for (std::uint64_t seed = 0; seed < 500; ++seed) {
    const DrawnScenario drawn = draw_scenario(s, seed);
    ASSERT_NO_THROW(validate(drawn.scenario)) << seed;
    EXPECT_TRUE(drawn.scenario.uncertainty.empty());
    const double position = drawn.scenario.actors[0].stances[0].position;
    EXPECT_EQ(position, std::floor(position));  // a value index of the discrete issue
    EXPECT_EQ(drawn.values[0], position);
    EXPECT_GT(drawn.scenario.actors[1].capability, 0);
    EXPECT_GT(drawn.scenario.actors[1].discount, 0);
  }
}

TEST(Uncertainty, SameSeedSameDrawAndInputsHaveTheirOwnStreams) {
  Scenario s = two_issue_scenario();
  s.uncertainty = {input(0, UncertainField::salience, 1, uniform(0.1, 0.9))};
  const DrawnScenario a = draw_scenario(s, 11), b = draw_scenario(s, 11), c = draw_scenario(s, 12);
  EXPECT_TRUE(a.scenario == b.scenario);
  EXPECT_EQ(a.values, b.values);
  EXPECT_NE(a.values, c.values);
  EXPECT_EQ(a.scenario.actors[0].stances[1].salience, a.values[0]);
  // Another input added after it leaves its draw unchanged.
  s.uncertainty.push_back(input(1, UncertainField::reservation, 0, uniform(0, 0.5)));
  EXPECT_EQ(draw_scenario(s, 11).values[0], a.values[0]);
}

TEST(Uncertainty, StrategiesAreDrawnFromTheirChoice) {
  Scenario s = two_issue_scenario();
  UncertainInput strategy = input(1, UncertainField::strategy, 0, {});
  strategy.distribution.kind = DistributionKind::choice;
  strategy.distribution.strategies = {"boulware", "hardliner"};
  s.uncertainty = {strategy};
  validate(s);
  int hardliner = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const DrawnScenario drawn = draw_scenario(s, seed);
    EXPECT_EQ(drawn.scenario.actors[1].strategy, strategy.distribution.strategies[std::size_t(drawn.values[0])]);
    hardliner += drawn.values[0] == 1;
  }
  EXPECT_GT(hardliner, 60);
  EXPECT_LT(hardliner, 140);
  EXPECT_EQ(input_label(s, s.uncertainty[0]), "ru.strategy");
}

TEST(Uncertainty, ScenarioEqualityIncludesTheUncertainty) {
  Scenario a = two_issue_scenario(), b = two_issue_scenario();
  a.uncertainty = {input(0, UncertainField::capability, 0, uniform(1, 2))};
  EXPECT_FALSE(a == b);
  b.uncertainty = a.uncertainty;
  EXPECT_TRUE(a == b);
}

// The field validate() names for a scenario with one input, or "" when it is valid.
std::string invalid_field(UncertainInput in, std::vector<UncertainInput> more = {}) {
  Scenario s = two_issue_scenario();
  s.uncertainty = {std::move(in)};
  for (auto& m : more) s.uncertainty.push_back(std::move(m));
  try {
    validate(s);
  } catch (const Error& e) {
    return e.location().field + ": " + e.message();
  }
  return "";
}

TEST(Uncertainty, ValidationRejectsImpossibleParametersNamingTheField) {
  const auto starts = [](const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; };
  EXPECT_EQ(invalid_field(input(0, UncertainField::salience, 1, normal(0.4, 0.1, 0, 1))), "");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::salience, 1, normal(0.4, -1))),
               "uncertainty.0.salience.normal.sd: sd -1 must be a number >= 0");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::salience, 1, normal(0.4, 1, 0.8, 0.2))),
               "uncertainty.0.salience.normal.min: min 0.8 is above max 0.2");
  EXPECT_PRED2(starts, invalid_field(input(1, UncertainField::reservation, 0, uniform(0.6, 0.4))),
               "uncertainty.0.reservation.uniform: min 0.6 is above max 0.4");
  EXPECT_PRED2(starts, invalid_field(input(1, UncertainField::capability, 0, triangular(1, 5, 3))),
               "uncertainty.0.capability.triangular: the mode 5 lies outside");
  EXPECT_PRED2(starts, invalid_field(input(1, UncertainField::capability, 0, choice({}))),
               "uncertainty.0.capability.choice: an empty choice");
  EXPECT_PRED2(starts, invalid_field(input(1, UncertainField::capability, 0, choice({1, 2}, {1}))),
               "uncertainty.0.capability.choice.weights: 1 weights for 2 values");
  EXPECT_PRED2(starts, invalid_field(input(1, UncertainField::capability, 0, choice({1, 2}, {0, 0}))),
               "uncertainty.0.capability.choice.weights: the weights must add up");
  EXPECT_PRED2(starts, invalid_field(input(5, UncertainField::capability, 0, uniform(1, 2))),
               "uncertainty.0.actor: actor index 5 is out of range");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::position, 7, uniform(1, 2))),
               "uncertainty.0.position.issue: issue index 7 is out of range");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::position, 0, uniform(0.5, 2))),
               "uncertainty.0.position.uniform: min 0.5 is not an option of discrete issue 'ceasefire'");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::position, 1, uniform(50, 120))),
               "uncertainty.0.position.uniform: max 120 lies outside the scale of issue 'aid' [0, 100]");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::discount, 0, uniform(0.5, 1.5))),
               "uncertainty.0.discount.uniform: max 1.5 lies outside");
  EXPECT_PRED2(starts, invalid_field(input(0, UncertainField::strategy, 0, uniform(0, 1))),
               "uncertainty.0.strategy: a strategy is drawn from a `choice`");
  EXPECT_PRED2(starts,
               invalid_field(input(0, UncertainField::discount, 0, uniform(0.5, 1)),
                             {input(0, UncertainField::discount, 0, normal(0.9, 0.1))}),
               "uncertainty.1.discount: us.discount is given a distribution twice");
}

}  // namespace
}  // namespace parley
