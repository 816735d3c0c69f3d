// Tournaments: run numbering, ANAC scores with their intervals, determinism over threads and
// restarts, and pinned agreements of the nash-seeking strategy on large ANAC domains.
#include "parley/run/tournament.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "parley/io/genius.hpp"
#include "parley/run/executor.hpp"

namespace parley {
namespace {

namespace f = tournament_record;

TournamentTable anac2012(const std::string& name) {
  return {name, std::make_shared<const Scenario>(import_genius(std::string(PARLEY_TEST_DATA) + "/genius/anac/y2012/" + name)), 0};
}

TournamentOptions options_for(std::vector<std::string> strategies) {
  TournamentOptions options;
  for (const std::string& s : strategies) options.strategies.push_back(parse_strategy(s));
  return options;
}

std::vector<double> run_all(const Tournament& t, std::size_t threads, std::vector<std::uint64_t> pending = {}) {
  if (pending.empty())
    for (std::uint64_t r = 0; r < t.run_count(); ++r) pending.push_back(r);
  std::vector<double> out;
  ExecutorOptions options;
  options.threads = threads;
  options.block = 5;
  execute(pending, t.record_width(), [&](std::uint64_t r, std::span<double> record) { t.run(r, record); },
          [&](std::span<const std::uint64_t>, std::span<const double> records) {
            out.insert(out.end(), records.begin(), records.end());
          },
          options);
  return out;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

TEST(Tournament, EveryOrderedPairOnEveryDomainTimesRepetitions) {
  TournamentOptions options = options_for({"boulware", "conceder", "hardliner"});
  options.repetitions = 2;
  const Tournament t({anac2012("LaptopA"), anac2012("FlightBookingA")}, options, 1);
  EXPECT_EQ(t.run_count(), 2u * 3 * 3 * 2);
  EXPECT_EQ(t.domains()[1].first_run, 18u);
  EXPECT_EQ(t.seat_strategies(5, 2), (std::vector<std::size_t>{1, 2}));
  std::vector<double> record(t.record_width());
  t.run(18 + 2 * 5 + 1, record);  // second domain, assignment 5, repetition 1
  EXPECT_EQ(record[f::domain], 1);
  EXPECT_EQ(record[f::assignment], 5);
  EXPECT_EQ(record[f::repetition], 1);
  EXPECT_EQ(record[f::seats + f::strategy], 1);
  EXPECT_EQ(record[f::seats + f::seat_width + f::strategy], 2);
  EXPECT_TRUE(std::isnan(record[f::seats + 2 * f::seat_width + f::strategy]));  // no third seat
}

// Agreements recorded before nash-seeking tabulated its opponent estimate (a bit-identical
// rewrite): boulware and nash on the largest ANAC 2012 domains, both roles, and self-play.
TEST(Tournament, NashSeekingAgreementsArePinnedOnLargeDomains) {
  const Tournament t({anac2012("EnergyA"), anac2012("LaptopA"), anac2012("SupermarketC"), anac2012("TravelB")},
                     options_for({"boulware", "nash"}), 2);
  struct Expected {
    std::size_t domain;
    std::uint64_t assignment;  // boulware 0, nash 1; party 0 slowest
    int rounds;
    double agreement;  // -1: timeout
  };
  const std::vector<Expected> expected = {
      {0, 1, 99, 314610}, {0, 2, 96, 316495}, {0, 3, 100, -1},     {1, 1, 73, 21},     {1, 2, 79, 18},
      {1, 3, 86, 21},     {2, 1, 79, 111564}, {2, 2, 80, 112264},  {2, 3, 89, 112383}, {3, 1, 83, 184721},
      {3, 2, 78, 164092}, {3, 3, 96, 164001},
  };
  std::vector<double> record(t.record_width());
  for (const Expected& e : expected) {
    t.run(t.domains()[e.domain].first_run + e.assignment, record);
    EXPECT_EQ(record[f::rounds], e.rounds) << t.domains()[e.domain].name << " assignment " << e.assignment;
    EXPECT_EQ(record[f::agreement], e.agreement) << t.domains()[e.domain].name << " assignment " << e.assignment;
  }
}

TEST(Tournament, RecordsAreTheSameOnAnyThreadCountAndAfterARestart) {
  TournamentOptions options = options_for({"random", "boulware", "tit_for_tat", "nash"});
  options.seed = 42;
  const Tournament t({anac2012("LaptopA"), anac2012("AmsterdamB"), anac2012("BarterC")}, options, 2);
  const std::vector<double> one = run_all(t, 1), two = run_all(t, 2);
  EXPECT_TRUE(same_bits(one, two));
  // Resumed: the runs a killed study lacked, computed alone, equal the same runs of a whole one.
  std::vector<std::uint64_t> rest;
  for (std::uint64_t r = 7; r < t.run_count(); r += 3) rest.push_back(r);
  const std::vector<double> partial = run_all(t, 2, rest);
  std::vector<double> expected;
  for (std::uint64_t r : rest)
    expected.insert(expected.end(), one.begin() + std::ptrdiff_t(r * f::base_width), one.begin() + std::ptrdiff_t((r + 1) * f::base_width));
  EXPECT_TRUE(same_bits(partial, expected));
  // Another seed changes the random strategy's runs.
  options.seed = 43;
  const Tournament other({anac2012("LaptopA"), anac2012("AmsterdamB"), anac2012("BarterC")}, options, 2);
  EXPECT_FALSE(same_bits(one, run_all(other, 2)));
}

TEST(Tournament, ScoresCountEachSeatAndLeaveSelfPlayOutOfTheAnacScore) {
  // Two hand-made records: run 0 strategy 0 vs 1 (agreement), run 1 strategy 0 vs 0 (timeout).
  std::vector<double> records(2 * f::base_width, std::nan(""));
  auto fill = [&](std::size_t r, double status, double s0, double u0, double s1, double u1) {
    double* x = records.data() + r * f::base_width;
    x[f::domain] = 0, x[f::status] = status, x[f::rounds] = 10, x[f::welfare] = u0 + u1;
    x[f::pareto_distance] = 0.1, x[f::nash_distance] = 0.2;
    x[f::seats + f::strategy] = s0, x[f::seats + f::discounted] = u0;
    x[f::seats + f::seat_width + f::strategy] = s1, x[f::seats + f::seat_width + f::discounted] = u1;
  };
  fill(0, 0, 0, 0.8, 1, 0.6);
  fill(1, 2, 0, 0.2, 0, 0.4);
  const std::vector<std::string> names = {"a", "b"};
  const TournamentSummary summary = summarize_tournament(names, records);
  ASSERT_EQ(summary.ranking.size(), 2u);
  const StrategyScore& a = summary.ranking[0].strategy == "a" ? summary.ranking[0] : summary.ranking[1];
  EXPECT_EQ(a.negotiations, 3u);
  EXPECT_NEAR(a.utility.mean, (0.8 + 0.2 + 0.4) / 3, 1e-15);
  EXPECT_EQ(a.anac_score.n, 1u);
  EXPECT_DOUBLE_EQ(a.anac_score.mean, 0.8);
  EXPECT_NEAR(a.agreement.mean, 1.0 / 3, 1e-15);
  EXPECT_EQ(a.rounds.n, 1u);
  EXPECT_EQ(summary.ranking[0].strategy, "b");  // 0.6 > 0.467
}

TEST(Estimates, StudentIntervalOfAKnownSample) {
  const std::vector<double> x = {1, 2, 3, 4};
  const Estimate e = mean_estimate(x);
  // sd = sqrt(5/3); t(0.975, 3) = 3.182: half-width 3.182 · sd / 2.
  EXPECT_DOUBLE_EQ(e.mean, 2.5);
  EXPECT_NEAR(e.high - e.mean, 3.182 * std::sqrt(5.0 / 3.0) / 2, 1e-12);
  EXPECT_EQ(e.n, 4u);
  EXPECT_TRUE(std::isnan(mean_estimate(std::vector<double>{1.0}).low));
  EXPECT_TRUE(std::isnan(mean_estimate(std::vector<double>{}).mean));
}

TEST(Estimates, WilsonIntervalOfEightInTen) {
  const Estimate e = rate_estimate(8, 10);  // published: 0.4902 to 0.9433
  EXPECT_DOUBLE_EQ(e.mean, 0.8);
  EXPECT_NEAR(e.low, 0.4902, 5e-5);
  EXPECT_NEAR(e.high, 0.9433, 5e-5);
  const Estimate none = rate_estimate(0, 20);  // never below 0
  EXPECT_EQ(none.low, 0);
  EXPECT_GT(none.high, 0.1);
}

TEST(Tournament, BadSetupsAreUserErrors) {
  EXPECT_THROW(Tournament({anac2012("LaptopA")}, options_for({}), 1), Error);
  EXPECT_THROW(Tournament({anac2012("LaptopA")}, options_for({"boulware", "boulware"}), 1), Error);
  TournamentOptions zero = options_for({"boulware"});
  zero.repetitions = 0;
  EXPECT_THROW(Tournament({anac2012("LaptopA")}, zero, 1), Error);
  TournamentOptions bad_protocol = options_for({"boulware"});
  bad_protocol.protocol = "auction";
  EXPECT_THROW(Tournament({anac2012("LaptopA")}, bad_protocol, 1), Error);
  EXPECT_THROW(Tournament({}, options_for({"boulware"}), 1), Error);
}

TEST(Executor, BlocksArriveInRunOrderAndTheLowestFailingRunsErrorWins) {
  std::vector<std::uint64_t> seen;
  ExecutorOptions options;
  options.threads = 2;
  options.block = 7;
  std::vector<std::uint64_t> pending = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89};
  execute(pending, 2, [](std::uint64_t r, std::span<double> x) { x[0] = double(r), x[1] = double(r * r); },
          [&](std::span<const std::uint64_t> runs, std::span<const double> records) {
            for (std::size_t i = 0; i < runs.size(); ++i) {
              EXPECT_EQ(records[2 * i], double(runs[i]));
              seen.push_back(runs[i]);
            }
          },
          options);
  EXPECT_EQ(seen, pending);
  try {
    execute({0, 1, 2, 3, 4, 5}, 1,
            [](std::uint64_t r, std::span<double>) {
              if (r >= 2) throw Error(ErrorKind::invalid, "run " + std::to_string(r));
            },
            [](std::span<const std::uint64_t>, std::span<const double>) {}, options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "run 2");
  }
  EXPECT_THROW(execute({3, 2}, 1, [](std::uint64_t, std::span<double>) {},
                       [](std::span<const std::uint64_t>, std::span<const double>) {}),
               std::invalid_argument);
}

}  // namespace
}  // namespace parley
