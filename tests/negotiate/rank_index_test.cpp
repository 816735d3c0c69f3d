// PartyTable's lazily sorted ranking (domain.hpp) against a full stable sort: every accessor
// (rank_at_least, at_least with and without filters, ranked, ranked_span, sorted_utility,
// best_allowed, best, max_utility, min_utility) gives what the sorted order gives, on random
// utilities with many ties, signed zeros, skewed and degenerate spreads, whatever the order
// of the questions; numpy's tie order still names an outcome of the asked rank's utility;
// the ranking is lazy (a few questions sort a few buckets) and safe to build from many
// threads at once.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>
#include <vector>

#include "parley/core/random.hpp"
#include "parley/negotiate/domain.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

// What PartyTable promised before it ranked lazily: a stable sort by descending utility.
struct Reference {
  explicit Reference(const std::vector<double>& u) : utility(u), ranked(u.size()) {
    std::iota(ranked.begin(), ranked.end(), OutcomeIndex{0});
    std::stable_sort(ranked.begin(), ranked.end(), [&u](OutcomeIndex a, OutcomeIndex b) { return u[a] > u[b]; });
    for (const OutcomeIndex o : ranked) sorted.push_back(u[o]);
  }
  std::int64_t rank_at_least(double target) const {
    const auto it = std::partition_point(sorted.begin(), sorted.end(), [target](double v) { return v >= target; });
    return std::int64_t(it - sorted.begin()) - 1;
  }
  OutcomeIndex at_least(double target, const OfferFilter* filter) const {
    for (std::int64_t r = rank_at_least(target); r >= 0; --r)
      if (filter == nullptr || filter->allows(ranked[std::size_t(r)])) return ranked[std::size_t(r)];
    return kNoOutcome;
  }
  OutcomeIndex best_allowed(const OfferFilter* filter) const {
    for (const OutcomeIndex o : ranked)
      if (filter == nullptr || filter->allows(o)) return o;
    return kNoOutcome;
  }
  const std::vector<double>& utility;
  std::vector<OutcomeIndex> ranked;
  std::vector<double> sorted;
};

bool same_bits(double a, double b) { return a == b && std::signbit(a) == std::signbit(b); }

// Utilities of one of several shapes: few levels (many ties), a continuous spread, signed
// zeros, one value with a few outliers (one huge bucket), a spread of a few ulps, all equal.
std::vector<double> random_utilities(std::uint64_t seed, std::size_t n, int shape) {
  Rng rng(seed);
  std::vector<double> u(n);
  const std::uint64_t levels = 1 + rng.uniform_below(40);
  for (double& v : u) {
    switch (shape) {
      case 0: v = double(rng.uniform_below(levels)) / double(levels); break;
      case 1: v = rng.uniform_real(-0.5, 1.5); break;
      case 2: v = rng.bernoulli(0.5) ? 0.0 : (rng.bernoulli(0.5) ? -0.0 : double(rng.uniform_below(3)) - 1); break;
      case 3: v = rng.bernoulli(0.97) ? 0.25 : rng.uniform01(); break;
      case 4: v = std::nextafter(1.0, 2.0 * double(rng.uniform_below(3))); break;
      default: v = 0.5; break;
    }
  }
  return u;
}

// Targets: utilities of the table and their neighbours, values between, beyond both ends, NaN.
double random_target(Rng& rng, const std::vector<double>& u) {
  const std::uint64_t kind = rng.uniform_below(6);
  if (u.empty() || kind == 0) return rng.uniform_real(-2, 2);
  const double v = u[rng.uniform_below(u.size())];
  switch (kind) {
    case 1: return std::nextafter(v, 10.0);
    case 2: return std::nextafter(v, -10.0);
    case 3: return rng.bernoulli(0.5) ? 1e9 : -1e9;
    case 4: return rng.bernoulli(0.9) ? v : std::numeric_limits<double>::quiet_NaN();
    default: return v;
  }
}

RC_GTEST_PROP(RankIndex, AgreesWithAFullSortInAnyOrderOfQuestions, ()) {
  // A mixed-radix space, so that offer filters can fix issues.
  const auto issues = *rc::gen::inRange<std::size_t>(1, 5);
  std::vector<std::uint32_t> radices;
  for (std::size_t k = 0; k < issues; ++k) radices.push_back(*rc::gen::inRange<std::uint32_t>(1, 13));
  const OutcomeSpace space = test::space_of(radices);
  const std::size_t n = std::size_t(space.size());
  const std::vector<double> u = random_utilities(*rc::gen::arbitrary<std::uint64_t>(), n, *rc::gen::inRange(0, 6));
  const Reference ref(u);
  const PartyTable table(u, 0, 1);

  RC_ASSERT(table.size() == n);
  RC_ASSERT(table.best() == ref.ranked.front());
  RC_ASSERT(same_bits(table.max_utility(), ref.sorted.front()));
  RC_ASSERT(same_bits(table.min_utility(), ref.sorted.back()));
  RC_ASSERT(table.outcomes_ranked() <= n);

  Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  std::vector<std::int32_t> fixed(issues, -1);
  for (int q = 0; q < 60; ++q) {
    switch (rng.uniform_below(5)) {
      case 0: {
        const double t = random_target(rng, u);
        RC_ASSERT(table.rank_at_least(t) == ref.rank_at_least(t));
        RC_ASSERT(table.at_least(t) == ref.at_least(t, nullptr));
        break;
      }
      case 1: {
        const std::size_t r = rng.uniform_below(n);
        RC_ASSERT(table.ranked(r) == ref.ranked[r]);
        RC_ASSERT(same_bits(table.sorted_utility(r), ref.sorted[r]));
        break;
      }
      case 2: {
        std::size_t first = rng.uniform_below(n + 1), last = rng.uniform_below(n + 1);
        if (first > last) std::swap(first, last);
        const std::span<const OutcomeIndex> span = table.ranked_span(first, last);
        RC_ASSERT(std::equal(span.begin(), span.end(), ref.ranked.begin() + std::ptrdiff_t(first),
                             ref.ranked.begin() + std::ptrdiff_t(last)));
        break;
      }
      default: {
        for (std::size_t k = 0; k < issues; ++k)
          fixed[k] = rng.bernoulli(0.5) ? -1 : std::int32_t(rng.uniform_below(radices[k]));
        const OfferFilter filter(space, fixed);
        const double t = random_target(rng, u);
        RC_ASSERT(table.at_least(t, &filter) == ref.at_least(t, filter.empty() ? nullptr : &filter));
        RC_ASSERT(table.best_allowed(&filter) == ref.best_allowed(filter.empty() ? nullptr : &filter));
        break;
      }
    }
  }
  const std::span<const OutcomeIndex> all = table.ranked_span(0, n);
  RC_ASSERT(std::equal(all.begin(), all.end(), ref.ranked.begin(), ref.ranked.end()));
  RC_ASSERT(table.outcomes_ranked() == n);
}

RC_GTEST_PROP(RankIndex, NumpyTieOrderNamesAnOutcomeOfTheRanksUtility, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(1, 3000);
  const std::vector<double> u = random_utilities(*rc::gen::arbitrary<std::uint64_t>(), n, *rc::gen::inRange(0, 6));
  const Reference ref(u);
  const PartyTable table(u, 0, 1);
  for (std::size_t r = 0; r < n; ++r) {
    const OutcomeIndex first = table.numpy_first_of_tie(std::int64_t(r));
    RC_ASSERT(u[first] == ref.sorted[r]);
    // One outcome per run of equal utilities.
    if (r > 0 && ref.sorted[r] == ref.sorted[r - 1]) RC_ASSERT(first == table.numpy_first_of_tie(std::int64_t(r - 1)));
  }
}

TEST(RankIndex, NaNUtilityIsRefused) {
  EXPECT_THROW(PartyTable({0.5, std::numeric_limits<double>::quiet_NaN()}, 0, 1), std::invalid_argument);
}

TEST(RankIndex, EmptyTableAnswersNothing) {
  const PartyTable table(std::vector<double>{}, 0, 1);
  EXPECT_EQ(table.best(), kNoOutcome);
  EXPECT_EQ(table.rank_at_least(0), -1);
  EXPECT_EQ(table.at_least(0), kNoOutcome);
  EXPECT_TRUE(table.ranked_span(0, 0).empty());
  EXPECT_EQ(table.outcomes_ranked(), 0u);
  const PartyTable none;
  EXPECT_EQ(none.at_least(0), kNoOutcome);
  EXPECT_EQ(none.best_allowed(nullptr), kNoOutcome);
}

// The point of the lazy ranking: questions about a few utility levels sort a few buckets,
// not the space (a sweep builds fresh tables for every draw).
TEST(RankIndex, AFewQuestionsRankAFewOutcomes) {
  const std::size_t n = std::size_t(1) << 20;
  const std::vector<double> u = random_utilities(7, n, 1);
  const PartyTable table(u, 0, 1);
  EXPECT_LT(table.outcomes_ranked(), n / 100);
  const Reference ref(u);
  for (int k = 0; k <= 10; ++k) {
    const double target = 1.5 - 0.02 * k;  // a time-based strategy's first targets
    EXPECT_EQ(table.at_least(target), ref.at_least(target, nullptr)) << target;
  }
  EXPECT_LT(table.outcomes_ranked(), n / 100);
  (void)table.ranked_span(0, n);
  EXPECT_EQ(table.outcomes_ranked(), n);
}

// Many threads asking one fresh table different questions at once (as runs through one
// CompiledScenario do) get the full sort's answers.
TEST(RankIndex, ConcurrentQuestionsOnAFreshTableAgreeWithAFullSort) {
  const std::size_t n = 300000;  // more than kMaxRankBuckets · kOutcomesPerBucket
  const std::vector<double> u = random_utilities(11, n, 0);
  const Reference ref(u);
  const PartyTable table(u, 0, 1);
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&, t] {
      Rng rng(derive_seed(3, t));
      for (int q = 0; q < 20000; ++q) {
        const std::size_t r = rng.uniform_below(n);
        const double target = random_target(rng, u);
        wrong[t] += table.ranked(r) != ref.ranked[r];
        wrong[t] += table.rank_at_least(target) != ref.rank_at_least(target);
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < wrong.size(); ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace parley
