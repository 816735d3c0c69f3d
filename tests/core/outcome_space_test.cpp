#include "parley/core/outcome_space.hpp"

#include <gtest/gtest.h>

#include "issue_builders.hpp"

namespace parley {
namespace {

using test::discrete_issue;

TEST(OutcomeSpace, MixedRadixRoundTrip) {
  std::vector<Issue> issues{discrete_issue("a", 3), discrete_issue("b", 4), discrete_issue("c", 5)};
  OutcomeSpace space(issues, {0, 1, 2});
  ASSERT_TRUE(space.enumerable());
  EXPECT_EQ(space.size(), 60u);
  for (std::uint64_t i = 0; i < space.size(); ++i) EXPECT_EQ(space.encode(space.decode(i)), i);
  EXPECT_EQ(space.decode(59), (Outcome{2, 3, 4}));
  EXPECT_EQ(space.decode(5), (Outcome{0, 1, 0}));  // first issue varies slowest
}

TEST(OutcomeSpace, SampleDrawsEachIssueInOrderFromThePortableGenerator) {
  std::vector<Issue> issues{discrete_issue("a", 3), discrete_issue("b", 4), discrete_issue("c", 5)};
  OutcomeSpace space(issues, {0, 1, 2});
  Rng rng(42), manual(42);
  std::vector<int> hits(space.size(), 0);
  for (int k = 0; k < 6000; ++k) {
    const Outcome outcome = space.sample(rng);
    ASSERT_EQ(outcome.size(), 3u);
    EXPECT_EQ(outcome, (Outcome{std::uint32_t(manual.uniform_below(3)), std::uint32_t(manual.uniform_below(4)),
                                std::uint32_t(manual.uniform_below(5))}));
    ++hits[space.encode(outcome)];
  }
  for (const int h : hits) EXPECT_GT(h, 50);  // every outcome reachable (expected 100 each)
}

TEST(OutcomeSpace, ExactCardinalityBeyondSixtyFourBits) {
  std::vector<Issue> issues;
  std::vector<std::size_t> indices;
  for (int i = 0; i < 50; ++i) {
    issues.push_back(discrete_issue("i" + std::to_string(i), 10));
    indices.push_back(i);
  }
  OutcomeSpace space(issues, indices);
  EXPECT_FALSE(space.enumerable());
  EXPECT_EQ(space.cardinality().to_string(), "1" + std::string(50, '0'));
  EXPECT_FALSE(space.cardinality().to_u64().has_value());
  EXPECT_NEAR(space.cardinality().to_double(), 1e50, 1e36);
}

TEST(OutcomeSpace, EmptyIssueGivesEmptySpace) {
  std::vector<Issue> issues{discrete_issue("a", 3), discrete_issue("b", 0)};
  OutcomeSpace space(issues, {0, 1});
  EXPECT_TRUE(space.cardinality().is_zero());
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(OutcomeSpaceStrides, IndexIsTheSumOfValueTimesStride) {
  std::vector<Issue> issues(3);
  issues[0].kind = issues[1].kind = issues[2].kind = IssueKind::discrete;
  issues[0].options = {"a", "b"};
  issues[1].options = {"a", "b", "c"};
  issues[2].options = {"a", "b", "c", "d"};
  const OutcomeSpace space(issues, {0, 1, 2});
  ASSERT_EQ(space.strides().size(), 3u);
  EXPECT_EQ(space.strides()[0], 12u);
  EXPECT_EQ(space.strides()[1], 4u);
  EXPECT_EQ(space.strides()[2], 1u);
  for (std::uint64_t index = 0; index < space.size(); ++index) {
    const Outcome outcome = space.decode(index);
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < 3; ++k) sum += outcome[k] * space.strides()[k];
    EXPECT_EQ(sum, index);
  }
}

TEST(OutcomeSpaceStrides, EmptyForSpacesTooLargeToEnumerate) {
  std::vector<Issue> issues(10);
  for (Issue& issue : issues) issue.steps = 101;
  const OutcomeSpace space(issues, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_FALSE(space.enumerable());
  EXPECT_TRUE(space.strides().empty());
}

}  // namespace
}  // namespace parley
