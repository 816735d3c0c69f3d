// Bounded memory and work (issue 8): sizes that would exhaust the machine are refused up
// front with ErrorKind::too_large and a field the CLI maps to its option; results within
// the limits are unchanged.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "parley/core/analysis.hpp"
#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/utility.hpp"

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

// `parties` actors on `issues` integer issues 0..10, each at its own corner-ish position, so
// that nearly every outcome is Pareto optimal among many parties.
struct Crowd {
  std::vector<Issue> issues;
  OutcomeSpace space;
  std::vector<CompiledUtility> parties;

  Crowd(std::size_t party_count, std::size_t issue_count) {
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < issue_count; ++i) {
      issues.push_back(integer_issue("x" + std::to_string(i), 0, 10));
      all.push_back(i);
    }
    space = OutcomeSpace(issues, all);
    for (std::size_t p = 0; p < party_count; ++p) {
      Actor actor;
      actor.id = "p" + std::to_string(p);
      for (std::size_t i = 0; i < issue_count; ++i)
        actor.stances.push_back({double((p * 7 + i * 3) % 11), double(1 + (p + i) % 5), {}});
      parties.emplace_back(actor, issues, space);
    }
  }
};

Error error_of(const auto& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no parley::Error thrown";
  return Error(ErrorKind::invalid, "none");
}

TEST(Memory, BytesOfSaturatesInsteadOfWrapping) {
  EXPECT_EQ(saturating_product(3, 4, 5), 60u);
  EXPECT_EQ(saturating_product(std::uint64_t(1) << 40, std::uint64_t(1) << 40), std::numeric_limits<std::uint64_t>::max());
}

TEST(Memory, CheckNamesWhatAndBothSizes) {
  EXPECT_NO_THROW(check_memory(1 << 20, 1 << 20, "x"));
  const Error error = error_of([] { check_memory(3u << 20, 1u << 20, "the thing", "; do less"); });
  EXPECT_EQ(error.kind(), ErrorKind::too_large);
  EXPECT_EQ(error.location().field, kMemoryLimitField);
  EXPECT_EQ(error.message(), "the thing needs about 3 MB, over the memory limit of 1 MB; do less");
}

TEST(Bounds, ManyPartyFrontierStopsAtTheWorkLimitWithTheField) {
  const Crowd crowd(12, 5);  // 11^5 = 161051 outcomes, nearly all undominated among 12
  AnalysisOptions options;
  options.max_work = 100'000;
  const Error error = error_of([&] { analyze(crowd.parties, crowd.space, options); });
  EXPECT_EQ(error.kind(), ErrorKind::too_large);
  EXPECT_EQ(error.location().field, kWorkLimitField);
  EXPECT_NE(error.message().find("12 parties over 5 issues"), std::string::npos) << error.message();
}

TEST(Bounds, FrontierStopsAtTheMemoryLimitWithTheField) {
  const Crowd crowd(6, 4);
  AnalysisOptions options;
  options.max_memory_bytes = 64 * 1024;
  const Error error = error_of([&] { analyze(crowd.parties, crowd.space, options); });
  EXPECT_EQ(error.kind(), ErrorKind::too_large);
  EXPECT_EQ(error.location().field, kMemoryLimitField);
  EXPECT_NE(error.message().find("Pareto frontier of 6 parties"), std::string::npos) << error.message();
}

TEST(Bounds, WithinTheLimitsTheFrontierIsUnchanged) {
  const Crowd crowd(5, 3);
  const Analysis unbounded = analyze(crowd.parties, crowd.space);
  AnalysisOptions options;
  options.max_memory_bytes = std::uint64_t(1) << 24;
  options.max_work = 10'000'000;
  const Analysis bounded = analyze(crowd.parties, crowd.space, options);
  ASSERT_EQ(bounded.pareto.size(), unbounded.pareto.size());
  for (std::size_t i = 0; i < bounded.pareto.size(); ++i) EXPECT_EQ(bounded.pareto[i].outcome, unbounded.pareto[i].outcome);
}

TEST(Bounds, EnumerationThatWouldNotFitGivesWayToTheRectangleSearch) {
  // B earns 1 for x in [20, 30] (a rectangle), A wants x high: enumerable, but not within
  // 1 KB, so the exact rectangle search answers, with the same frontier.
  std::vector<Issue> issues{integer_issue("x", 0, 100), integer_issue("y", 0, 100)};
  const OutcomeSpace space(issues, {0, 1});
  Actor a;
  a.id = "a";
  a.stances = {{100, 1, {}}, {0, 0, {}}};
  Actor b;
  b.id = "b";
  b.stances.resize(2);
  b.rectangles.push_back({{{0, 20, 30}}, 1, false});
  const std::vector<CompiledUtility> parties{CompiledUtility(a, issues, space), CompiledUtility(b, issues, space)};
  const Analysis enumerated = analyze(parties, space);
  AnalysisOptions small;
  small.max_memory_bytes = 1024;
  const Analysis searched = analyze(parties, space, small);
  EXPECT_EQ(enumerated.method, AnalysisMethod::enumerated);
  EXPECT_EQ(searched.method, AnalysisMethod::rectangle_search);
  ASSERT_EQ(searched.pareto.size(), enumerated.pareto.size());
  for (std::size_t i = 0; i < searched.pareto.size(); ++i)
    EXPECT_EQ(searched.pareto[i].utilities, enumerated.pareto[i].utilities);
}

TEST(Bounds, AnIssueTooLargeToTabulateIsRefusedByName) {
  std::vector<Issue> issues{integer_issue("small", 0, 10), integer_issue("budget", 0, 99'999'999)};
  const OutcomeSpace space(issues, {0, 1});
  Actor actor;
  actor.id = "a";
  actor.stances = {{0, 1, {}}, {0, 1, {}}};
  const Error error = error_of([&] { CompiledUtility(actor, issues, space); });
  EXPECT_EQ(error.kind(), ErrorKind::too_large);
  EXPECT_EQ(error.location().field, "issues.budget");
  EXPECT_NE(error.message().find("100000000 values"), std::string::npos) << error.message();
}

// UndefinedBehaviorSanitizer once caught NaN converted to an integer here (`--outcome
// budget=nan` reached it); the sanitizer build runs this test.
TEST(Bounds, NearestValueOfNotANumberOrInfinityIsDefined) {
  Issue continuous;
  continuous.steps = 11;
  Issue integer = integer_issue("n", 5, 9);
  for (const Issue* issue : {&continuous, &integer}) {
    EXPECT_EQ(issue->nearest_value(std::numeric_limits<double>::quiet_NaN()), 0u);
    EXPECT_EQ(issue->nearest_value(std::numeric_limits<double>::infinity()), issue->value_count() - 1);
    EXPECT_EQ(issue->nearest_value(-std::numeric_limits<double>::infinity()), 0u);
  }
}

}  // namespace
}  // namespace parley
