#include "parley/core/utility.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parley {
namespace {

Issue integer_issue(std::string id, double lower, double upper) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::integer;
  issue.lower = lower;
  issue.upper = upper;
  return issue;
}

Issue discrete_issue(std::string id, std::size_t options) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::discrete;
  for (std::size_t i = 0; i < options; ++i) issue.options.push_back("o" + std::to_string(i));
  return issue;
}

Actor actor_with(std::vector<Stance> stances, ValueShape shape = ValueShape::linear) {
  Actor actor;
  actor.id = "a";
  actor.stances = std::move(stances);
  actor.shape = shape;
  return actor;
}

TEST(CompiledUtility, LinearDistanceFromPosition) {
  const std::vector<Issue> issues{integer_issue("x", 0, 10)};
  const OutcomeSpace space(issues, {0});
  const CompiledUtility u(actor_with({{3, 1, {}}}), issues, space);
  ASSERT_TRUE(u.is_linear());
  for (std::uint32_t v = 0; v <= 10; ++v) EXPECT_DOUBLE_EQ(u(Outcome{v}), 1.0 - std::abs(double(v) - 3) / 10) << v;
  EXPECT_DOUBLE_EQ(u.issue_table(0)[3], 1.0);
  EXPECT_DOUBLE_EQ(u.issue_table(0)[10], 0.3);
}

// GENIUS weights: used as given, and the sum capped at 1 (AdditiveUtilitySpace.getUtility).
TEST(CompiledUtility, RawWeightsAreUsedAsGivenAndCappedAtOne) {
  const std::vector<Issue> issues{discrete_issue("a", 2), discrete_issue("b", 2)};
  const OutcomeSpace space(issues, {0, 1});
  Actor actor = actor_with({{0, 0.9, {0.0, 1.0}}, {0, 0.55, {0.0, 1.0}}});
  const CompiledUtility normalised(actor, issues, space);
  EXPECT_DOUBLE_EQ(normalised(Outcome{1, 0}), 0.9 / 1.45);
  EXPECT_TRUE(normalised.is_linear());
  actor.weights = Weights::raw;
  const CompiledUtility raw(actor, issues, space);
  EXPECT_EQ(raw(Outcome{1, 0}), 0.9);
  EXPECT_EQ(raw(Outcome{0, 1}), 0.55);
  EXPECT_EQ(raw(Outcome{1, 1}), 1.0);  // 1.45 before the cap
  EXPECT_EQ(raw(Outcome{0, 0}), 0.0);
  EXPECT_FALSE(raw.is_linear());
  EXPECT_TRUE(raw.cap_can_bind());
  EXPECT_EQ(raw.all_utilities(space), (std::vector<double>{0.0, 0.55, 0.9, 1.0}));
  const CompiledUtility uncapped = raw.uncapped();
  EXPECT_TRUE(uncapped.is_linear());
  EXPECT_EQ(uncapped(Outcome{1, 1}), 0.9 + 0.55);
  // Weights summing to less than 1: the best outcome is worth their sum, and the cap cannot bind.
  actor.stances[1].salience = 0.05;
  const CompiledUtility below(actor, issues, space);
  EXPECT_EQ(below(Outcome{1, 1}), 0.9 + 0.05);
  EXPECT_FALSE(below.cap_can_bind());
  EXPECT_TRUE(below.is_linear());
}

// GENIUS's NonlinearUtilitySpace caps Σ boxes / maxutility at 1 too.
TEST(CompiledUtility, RawRectanglesAreCappedAtOne) {
  const std::vector<Issue> issues{discrete_issue("a", 2)};
  const OutcomeSpace space(issues, {0});
  Actor actor = actor_with({{}});
  actor.rectangles = {{{{0, 1, 1}}, 6, false}, {{}, 5, false}};  // a = 1 pays 6; every outcome 5
  actor.rectangle_scale = 10;
  EXPECT_DOUBLE_EQ(CompiledUtility(actor, issues, space)(Outcome{1}), 1.1);
  actor.weights = Weights::raw;
  const CompiledUtility raw(actor, issues, space);
  EXPECT_EQ(raw(Outcome{1}), 1.0);
  EXPECT_EQ(raw(Outcome{0}), 0.5);
  EXPECT_TRUE(raw.cap_can_bind());
  EXPECT_EQ(raw.all_utilities(space), (std::vector<double>{0.5, 1.0}));
}

TEST(CompiledUtility, QuadraticDistanceFromPosition) {
  const std::vector<Issue> issues{integer_issue("x", 0, 10)};
  const OutcomeSpace space(issues, {0});
  const CompiledUtility u(actor_with({{3, 1, {}}}, ValueShape::quadratic), issues, space);
  EXPECT_DOUBLE_EQ(u(Outcome{3}), 1.0);
  EXPECT_DOUBLE_EQ(u(Outcome{8}), 0.75);  // 1 - (5/10)^2
  EXPECT_DOUBLE_EQ(u(Outcome{0}), 0.91);  // 1 - (3/10)^2
}

TEST(CompiledUtility, ExplicitValuesReplaceDistance) {
  const std::vector<Issue> issues{discrete_issue("d", 3)};
  const OutcomeSpace space(issues, {0});
  const CompiledUtility u(actor_with({{0, 2, {0.2, 1.0, 0.5}}}), issues, space);
  EXPECT_DOUBLE_EQ(u(Outcome{0}), 0.2);
  EXPECT_DOUBLE_EQ(u(Outcome{1}), 1.0);
  EXPECT_DOUBLE_EQ(u(Outcome{2}), 0.5);
}

TEST(CompiledUtility, SaliencesAreNormalisedOverTheSpaceIssues) {
  const std::vector<Issue> issues{discrete_issue("a", 2), discrete_issue("b", 2), discrete_issue("c", 2)};
  // Saliences 1, 3 and 4; the space leaves out issue c, so the weights are 1/4 and 3/4.
  const Actor actor = actor_with({{0, 1, {0, 1}}, {0, 3, {0, 1}}, {0, 4, {0, 1}}});
  const OutcomeSpace space(issues, {0, 1});
  const CompiledUtility u(actor, issues, space);
  EXPECT_DOUBLE_EQ(u(Outcome{1, 0}), 0.25);
  EXPECT_DOUBLE_EQ(u(Outcome{0, 1}), 0.75);
  EXPECT_DOUBLE_EQ(u(Outcome{1, 1}), 1.0);
  // Over all three issues the weights are 1/8, 3/8, 4/8.
  const OutcomeSpace full(issues, {0, 1, 2});
  EXPECT_DOUBLE_EQ(CompiledUtility(actor, issues, full)(Outcome{0, 0, 1}), 0.5);
}

TEST(CompiledUtility, NoStakeMeansIndifference) {
  const std::vector<Issue> issues{discrete_issue("a", 3)};
  const OutcomeSpace space(issues, {0});
  const CompiledUtility u(actor_with({{0, 0, {1, 0, 1}}}), issues, space);
  for (std::uint32_t v = 0; v < 3; ++v) EXPECT_EQ(u(Outcome{v}), 0.0);
}

Actor rectangle_actor() {
  Actor actor = actor_with({{}, {}, {}});
  actor.rectangle_scale = 10;
  // Inclusive: a in [1,2] and b in [0,0] earns 4. Exclusive: outside a in [0,0] earns 6.
  actor.rectangles.push_back({{{0, 1, 2}, {1, 0, 0}}, 4, false});
  actor.rectangles.push_back({{{0, 0, 0}}, 6, true});
  // Over issue c, which the space below leaves out: dropped.
  actor.rectangles.push_back({{{2, 0, 1}}, 100, false});
  return actor;
}

TEST(CompiledUtility, RectanglesInclusiveAndExclusive) {
  const std::vector<Issue> issues{discrete_issue("a", 3), discrete_issue("b", 2), discrete_issue("c", 2)};
  const OutcomeSpace space(issues, {0, 1});
  const CompiledUtility u(rectangle_actor(), issues, space);
  ASSERT_FALSE(u.is_linear());
  ASSERT_EQ(u.rectangles().size(), 2u);
  EXPECT_DOUBLE_EQ(u(Outcome{0, 0}), 0.0);  // inside neither
  EXPECT_DOUBLE_EQ(u(Outcome{1, 0}), 1.0);  // (4 + 6) / 10
  EXPECT_DOUBLE_EQ(u(Outcome{2, 0}), 1.0);  // bounds are inclusive
  EXPECT_DOUBLE_EQ(u(Outcome{2, 1}), 0.6);  // b outside the inclusive one
  EXPECT_TRUE(u.rectangles()[0].satisfied_by(Outcome{1, 0}));
  EXPECT_FALSE(u.rectangles()[1].satisfied_by(Outcome{0, 1}));
}

TEST(CompiledUtility, RectangleBoundsFollowTheSpaceIssueOrder) {
  const std::vector<Issue> issues{discrete_issue("a", 3), discrete_issue("b", 2), discrete_issue("c", 2)};
  const OutcomeSpace space(issues, {1, 0});  // b first, then a
  const CompiledUtility u(rectangle_actor(), issues, space);
  EXPECT_DOUBLE_EQ(u(Outcome{0, 1}), 1.0);
  EXPECT_DOUBLE_EQ(u(Outcome{1, 2}), 0.6);
}

// The issue-merge frontier relies on all_utilities summing in the same order as evaluating
// one outcome, so the comparison is exact.
TEST(CompiledUtility, AllUtilitiesEqualsEvaluationPerOutcome) {
  const std::vector<Issue> issues{integer_issue("x", 0, 4), discrete_issue("d", 3), integer_issue("y", -2, 2)};
  const OutcomeSpace space(issues, {0, 1, 2});
  const Actor linear = actor_with({{1, 0.7, {}}, {0, 0.2, {0.1, 0.9, 0.4}}, {2, 0.3, {}}}, ValueShape::quadratic);
  for (const Actor& actor : {linear, rectangle_actor()}) {
    const CompiledUtility u(actor, issues, space);
    const std::vector<double> all = u.all_utilities(space);
    ASSERT_EQ(all.size(), space.size());
    for (std::uint64_t i = 0; i < space.size(); ++i) EXPECT_EQ(all[i], u(space.decode(i))) << i;
  }
}

TEST(CompiledUtility, Discounting) {
  const std::vector<Issue> issues{discrete_issue("a", 2)};
  const OutcomeSpace space(issues, {0});
  Actor actor = actor_with({{0, 1, {0, 1}}});
  actor.discount = 0.9;
  actor.reservation_value = 0.3;
  const CompiledUtility u(actor, issues, space);
  EXPECT_DOUBLE_EQ(u.discount(), 0.9);
  EXPECT_DOUBLE_EQ(u.reservation_value(), 0.3);
  EXPECT_DOUBLE_EQ(u.discounted(0.8, 0), 0.8);
  EXPECT_DOUBLE_EQ(u.discounted(0.8, 2), 0.8 * 0.81);
  EXPECT_DOUBLE_EQ(u.discounted(0.8, 0.5), 0.8 * std::sqrt(0.9));
  actor.discount = 1;
  EXPECT_DOUBLE_EQ(CompiledUtility(actor, issues, space).discounted(0.8, 7), 0.8);
}

}  // namespace
}  // namespace parley
