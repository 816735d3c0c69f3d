// Win-sets, hand-computed on a one-issue split, checked against brute force on two issues and
// on random linear-additive spaces (each counting method against enumeration).

#include "parley/core/win_set.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "../../src/core/win_set_count.hpp"
#include "issue_builders.hpp"

namespace parley {
namespace {

using detail::CountMethod;
using test::discrete_issue;
using test::integer_issue;

Actor spatial(std::vector<double> positions, std::vector<double> saliences, double reservation) {
  Actor actor;
  actor.id = "a";
  for (std::size_t i = 0; i < positions.size(); ++i) actor.stances.push_back({positions[i], saliences[i], {}});
  actor.reservation_value = reservation;
  return actor;
}

struct Problem {
  std::vector<Issue> issues;
  OutcomeSpace space;
  std::vector<CompiledUtility> parties;
  std::vector<bool> ratifier;

  Problem(std::vector<Issue> issues_in, const std::vector<Actor>& actors, std::vector<bool> ratifier_in)
      : issues(std::move(issues_in)), ratifier(std::move(ratifier_in)) {
    std::vector<std::size_t> all(issues.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    space = OutcomeSpace(issues, all);
    for (const Actor& actor : actors) parties.emplace_back(actor, issues, space);
  }
  Analysis analysis() const { return analyze(parties, space); }
  WinSet win_set(const WinSetOptions& options = {}) const {
    return parley::win_set(parties, ratifier, space, analysis(), options);
  }
  detail::WinSetCounts counts(CountMethod method, const WinSetOptions& options = {}) const {
    return detail::win_set_counts(parties, ratifier, space, options, method);
  }
};

// One issue x in 0..100 (101 outcomes). At the table A (position 100, u = x/100, reservation
// 0.195: x >= 20) and B (position 0, u = 1 - x/100, reservation 0.395: x <= 60); ratifier R on
// B's side (u = 1 - x/100) with reservation `r`. Reservations sit between grid values, so no
// count depends on rounding.
Problem split(double r) {
  return Problem({integer_issue("x", 0, 100)},
                 {spatial({100}, {1}, 0.195), spatial({0}, {1}, 0.395), spatial({0}, {1}, r)}, {false, false, true});
}

TEST(WinSet, SplitIsTheIntervalEveryPartyAccepts) {
  // R with 0.695 accepts x <= 30, so the win-set is x in [20, 30]: 11 outcomes.
  const Problem problem = split(0.695);
  const WinSet w = problem.win_set();
  EXPECT_EQ(w.ratifier, (std::vector<bool>{false, false, true}));
  EXPECT_TRUE(w.size.exact);
  EXPECT_EQ(w.size.count, 11);
  EXPECT_DOUBLE_EQ(w.size.share, 11.0 / 101);
  EXPECT_EQ(w.size.standard_error, 0);
  EXPECT_EQ(w.table.count, 41);  // [20, 60]
  ASSERT_EQ(w.acceptance.size(), 3u);
  EXPECT_EQ(w.acceptance[0].count, 81);  // A: x >= 20
  EXPECT_EQ(w.acceptance[1].count, 61);  // B: x <= 60
  EXPECT_EQ(w.acceptance[2].count, 31);  // R: x <= 30
  EXPECT_EQ(w.without[0].count, 31);  // B and R: x <= 30
  EXPECT_EQ(w.without[1].count, 11);  // A and R: [20, 30]
  EXPECT_EQ(w.without[2].count, 41);  // the table's: R's veto shrinks it by 30
  EXPECT_FALSE(w.empty());
  EXPECT_TRUE(w.blockers.empty());

  // Best inside: A at x = 30, B and R at x = 20.
  ASSERT_TRUE(w.best[0] && w.best[1] && w.best[2]);
  EXPECT_EQ(w.best[0]->outcome, Outcome{30});
  EXPECT_NEAR(w.best[0]->utilities[0], 0.3, 1e-12);
  EXPECT_EQ(w.best[1]->outcome, Outcome{20});
  EXPECT_EQ(w.best[2]->outcome, Outcome{20});
  EXPECT_NEAR(w.best[2]->utilities[2], 0.8, 1e-12);
  // Nash: (a - .195)(.605 - a)(.305 - a) over a = x/100 in [.20, .30] peaks at a = .25
  // (.055·.355·.055 = 1.0739e-3 against 1.0676e-3 at .24 and 1.0091e-3 at .26).
  ASSERT_TRUE(w.nash);
  EXPECT_EQ(w.nash->outcome, Outcome{25});
  // KS: best A .3, best R .8; A's share (a - .195)/.105 meets R's (.305 - a)/.105 at a = .25
  // (B's share there, .355/.405, is larger).
  ASSERT_TRUE(w.kalai_smorodinsky);
  EXPECT_EQ(w.kalai_smorodinsky->outcome, Outcome{25});
  // Utilitarian: a + 2(1 - a) falls with a, so the smallest accepted x.
  ASSERT_TRUE(w.utilitarian);
  EXPECT_EQ(w.utilitarian->outcome, Outcome{20});
}

TEST(WinSet, SplitCountsAgreeAcrossMethods) {
  const Problem problem = split(0.695);
  const auto by_issue = problem.counts(CountMethod::issue_by_issue);
  const auto enumerated = problem.counts(CountMethod::enumerate);
  EXPECT_TRUE(by_issue.size.exact);
  EXPECT_EQ(by_issue.size.count, enumerated.size.count);
  EXPECT_EQ(by_issue.table.count, enumerated.table.count);
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(by_issue.acceptance[j].count, enumerated.acceptance[j].count);
    EXPECT_EQ(by_issue.without[j].count, enumerated.without[j].count);
  }
}

TEST(WinSet, AReservationMetExactlyIsAccepted) {
  // The vote's rule u >= d without tolerance: R with d = 0.7 accepts x = 30, whose utility
  // 1 - 0.3 rounds to the double 0.7 (a tie broken to even); both counting paths agree.
  const Problem problem = split(0.7);
  EXPECT_EQ(problem.parties[2](Outcome{30}), 0.7);
  EXPECT_EQ(problem.counts(CountMethod::enumerate).acceptance[2].count, 31);
  EXPECT_EQ(problem.counts(CountMethod::issue_by_issue).acceptance[2].count, 31);
}

TEST(WinSet, EmptyWinSetNamesTheRatifierWhoseVetoEmptiesIt) {
  // R with 0.85 accepts x <= 15 only; the table needs x >= 20.
  const Problem problem = split(0.85);
  const WinSet w = problem.win_set();
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(w.size.count, 0);
  EXPECT_EQ(w.table.count, 41);
  EXPECT_EQ(w.without[2].count, 41);
  EXPECT_EQ(w.without[0].count, 16);  // B and R: x <= 15
  EXPECT_FALSE(w.nash || w.kalai_smorodinsky || w.utilitarian);
  for (const auto& best : w.best) EXPECT_FALSE(best);
  // R's best where A and B accept is x = 20: 0.8 < 0.85, and it loses 1 - 0.8 on x.
  ASSERT_EQ(w.blockers.size(), 1u);
  const WinSetBlocker& blocker = w.blockers.front();
  EXPECT_EQ(blocker.party, 2u);
  EXPECT_EQ(blocker.best_for_it.outcome, Outcome{20});
  EXPECT_NEAR(blocker.best_for_it.utilities[2], 0.8, 1e-12);
  ASSERT_EQ(blocker.issues, std::vector<std::size_t>{0});
  EXPECT_NEAR(blocker.losses[0], 0.2, 1e-12);
}

TEST(WinSet, NoBlockerWhenOnlyRatifiersTogetherEmptyIt) {
  // The table (A: x >= 40, B: x <= 60) agrees on [40, 60]; ratifier R1 wants x <= 30, R2
  // x >= 70. Either veto alone empties the win-set, but so does the other's: without R1 the
  // rest need [70, 60], without R2 [40, 30]. No single veto is the reason: no blockers.
  const Problem apart({integer_issue("x", 0, 100)},
                      {spatial({100}, {1}, 0.395), spatial({0}, {1}, 0.395), spatial({0}, {1}, 0.695),
                       spatial({100}, {1}, 0.695)},
                      {false, false, true, true});
  const WinSet w = apart.win_set();
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(w.table.count, 21);  // [40, 60]
  EXPECT_EQ(w.without[2].count, 0);  // A, B and R2: x in [70, 60]: none
  EXPECT_EQ(w.without[3].count, 0);
  EXPECT_TRUE(w.blockers.empty());
}

TEST(WinSet, TwoIssuesMatchBruteForce) {
  // x in 0..10 and y with three options valued explicitly; C ratifies.
  std::vector<Issue> issues{integer_issue("x", 0, 10), discrete_issue("y", 3)};
  Actor a = spatial({10, 0}, {2, 1}, 0.45), b = spatial({0, 0}, {1, 1}, 0.35), c = spatial({5, 0}, {1, 3}, 0.55);
  a.stances[1].values = {0, 0.5, 1};
  b.stances[1].values = {1, 0.5, 0};
  c.stances[1].values = {0.2, 1, 0.4};
  const Problem problem(issues, {a, b, c}, {false, false, true});
  std::vector<double> size(1, 0), table(1, 0), accept(3, 0), without(3, 0);
  for (std::uint32_t x = 0; x <= 10; ++x)
    for (std::uint32_t y = 0; y < 3; ++y) {
      const Outcome o{x, y};
      std::vector<bool> yes;
      for (const auto& party : problem.parties) yes.push_back(party(o) >= party.reservation_value());
      size[0] += yes[0] && yes[1] && yes[2];
      table[0] += yes[0] && yes[1];
      for (std::size_t j = 0; j < 3; ++j) {
        accept[j] += yes[j];
        without[j] += (yes[0] || j == 0) && (yes[1] || j == 1) && (yes[2] || j == 2);
      }
    }
  for (const CountMethod method : {CountMethod::enumerate, CountMethod::issue_by_issue}) {
    const auto counts = problem.counts(method);
    EXPECT_EQ(counts.size.count, size[0]);
    EXPECT_EQ(counts.table.count, table[0]);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_EQ(counts.acceptance[j].count, accept[j]);
      EXPECT_EQ(counts.without[j].count, without[j]);
    }
  }
  EXPECT_GT(size[0], 0);  // the case is not vacuous
  EXPECT_LT(size[0], table[0]);
}

// Random small linear-additive problems; some parties have raw weights whose cap binds.
Problem random_problem(Rng& rng) {
  std::vector<Issue> issues;
  const std::size_t issue_count = 1 + rng.uniform_below(4);
  for (std::size_t k = 0; k < issue_count; ++k)
    issues.push_back(integer_issue("i" + std::to_string(k), 0, double(1 + rng.uniform_below(6))));
  std::vector<Actor> actors;
  std::vector<bool> ratifier;
  const std::size_t party_count = 1 + rng.uniform_below(4);
  for (std::size_t j = 0; j < party_count; ++j) {
    Actor actor;
    actor.id = "p" + std::to_string(j);
    for (const Issue& issue : issues)
      actor.stances.push_back({double(rng.uniform_below(std::uint64_t(issue.upper) + 1)), double(rng.uniform_below(4)), {}});
    if (rng.bernoulli(0.3)) {
      actor.weights = Weights::raw;
      for (Stance& stance : actor.stances) stance.salience *= 0.3;  // sums up to ~3.6: the cap may bind
    }
    if (std::all_of(actor.stances.begin(), actor.stances.end(), [](const Stance& s) { return s.salience == 0; }))
      actor.stances[0].salience = 1;
    actor.reservation_value = 0.1 * double(rng.uniform_below(10));  // on a grid: ties with utilities happen
    actors.push_back(std::move(actor));
    ratifier.push_back(rng.bernoulli(0.4));
  }
  return Problem(std::move(issues), actors, std::move(ratifier));
}

TEST(WinSet, IssueByIssueCountEqualsEnumerationOnRandomSpaces) {
  Rng rng(2026);
  for (int trial = 0; trial < 300; ++trial) {
    const Problem problem = random_problem(rng);
    const auto exact = problem.counts(CountMethod::enumerate);
    const auto by_issue = problem.counts(CountMethod::issue_by_issue);
    ASSERT_TRUE(by_issue.size.exact) << trial;
    EXPECT_EQ(by_issue.size.count, exact.size.count) << trial;
    EXPECT_EQ(by_issue.table.count, exact.table.count) << trial;
    for (std::size_t j = 0; j < problem.parties.size(); ++j) {
      EXPECT_EQ(by_issue.acceptance[j].count, exact.acceptance[j].count) << trial;
      EXPECT_EQ(by_issue.without[j].count, exact.without[j].count) << trial;
    }
  }
}

TEST(WinSet, SampledSharesLieWithinFiveStandardErrorsOfTheTruth) {
  Rng rng(7);
  WinSetOptions options;
  options.samples = 4000;
  for (int trial = 0; trial < 100; ++trial) {
    const Problem problem = random_problem(rng);
    options.seed = std::uint64_t(trial);
    const auto exact = problem.counts(CountMethod::enumerate);
    const auto sampled = problem.counts(CountMethod::sample, options);
    ASSERT_FALSE(sampled.size.exact);
    // The true standard error (the estimate's own is 0 when no draw falls inside).
    const auto within = [&](const OutcomeCount& estimate, const OutcomeCount& truth) {
      const double se = std::sqrt(truth.share * (1 - truth.share) / double(options.samples));
      EXPECT_LE(std::abs(estimate.share - truth.share), 5 * se + 1e-12) << trial;
      EXPECT_NEAR(estimate.standard_error, se, 0.5 * se + 0.01) << trial;
    };
    within(sampled.size, exact.size);
    within(sampled.table, exact.table);
    for (std::size_t j = 0; j < problem.parties.size(); ++j) {
      within(sampled.acceptance[j], exact.acceptance[j]);
      within(sampled.without[j], exact.without[j]);
    }
  }
}

// Random rectangle (GENIUS nonlinear) problems, some with more than 64 rectangles (several
// words of the evaluator's bitsets), exclusive ones, and raw weights capped at 1.
Problem random_rectangle_problem(Rng& rng) {
  std::vector<Issue> issues;
  const std::size_t issue_count = 1 + rng.uniform_below(3);
  for (std::size_t k = 0; k < issue_count; ++k) issues.push_back(discrete_issue("i" + std::to_string(k), 2 + rng.uniform_below(4)));
  std::vector<Actor> actors;
  std::vector<bool> ratifier;
  const std::size_t party_count = 1 + rng.uniform_below(3);
  for (std::size_t j = 0; j < party_count; ++j) {
    Actor actor;
    actor.id = "p" + std::to_string(j);
    actor.stances.resize(issue_count);
    const std::size_t rectangles = 1 + rng.uniform_below(rng.bernoulli(0.5) ? 8 : 140);
    for (std::size_t r = 0; r < rectangles; ++r) {
      HyperRectangle rectangle;
      for (std::size_t k = 0; k < issue_count; ++k) {
        if (rng.bernoulli(0.4)) continue;
        const auto a = std::uint32_t(rng.uniform_below(issues[k].options.size()));
        const auto b = std::uint32_t(rng.uniform_below(issues[k].options.size()));
        rectangle.bounds.push_back({k, std::min(a, b), std::max(a, b)});
      }
      rectangle.utility = 0.1 * double(rng.uniform_below(11)) - 0.2;
      rectangle.exclusive = rng.bernoulli(0.2);
      actor.rectangles.push_back(rectangle);
    }
    actor.rectangle_scale = double(1 + rng.uniform_below(rectangles));
    if (rng.bernoulli(0.3)) actor.weights = Weights::raw;
    actor.reservation_value = 0.1 * double(rng.uniform_below(10));
    actors.push_back(std::move(actor));
    ratifier.push_back(rng.bernoulli(0.4));
  }
  return Problem(std::move(issues), actors, std::move(ratifier));
}

TEST(WinSet, RectangleCountsEqualBruteForce) {
  Rng rng(14);
  for (int trial = 0; trial < 300; ++trial) {
    const Problem problem = random_rectangle_problem(rng);
    const std::size_t k = problem.parties.size();
    double size = 0, table = 0;
    std::vector<double> accept(k, 0), without(k, 0);
    for (std::uint64_t index = 0; index < problem.space.size(); ++index) {
      const Outcome o = problem.space.decode(index);
      std::size_t rejecting = 0, rejecter = 0;
      bool table_accepts = true;
      for (std::size_t j = 0; j < k; ++j) {
        if (problem.parties[j](o) >= problem.parties[j].reservation_value()) {
          ++accept[j];
          continue;
        }
        ++rejecting;
        rejecter = j;
        table_accepts = table_accepts && problem.ratifier[j];
      }
      size += rejecting == 0;
      table += table_accepts;
      for (std::size_t j = 0; j < k; ++j) without[j] += rejecting == 0 || (rejecting == 1 && rejecter == j);
    }
    const auto counts = problem.counts(CountMethod::enumerate);
    EXPECT_EQ(counts.size.count, size) << trial;
    EXPECT_EQ(counts.table.count, table) << trial;
    for (std::size_t j = 0; j < k; ++j) {
      EXPECT_EQ(counts.acceptance[j].count, accept[j]) << trial;
      EXPECT_EQ(counts.without[j].count, without[j]) << trial;
    }
  }
}

TEST(WinSet, StateBoundTurnsTheCountIntoAnEstimate) {
  const Problem problem = split(0.695);
  WinSetOptions options;
  options.max_states = 1;
  // One issue keeps no partial vector (its sums are whole utilities, compared at once).
  EXPECT_TRUE(problem.counts(CountMethod::issue_by_issue, options).size.exact);
  // Two issues of 11 values keep the partial sums after the first: more than one.
  const Problem two({integer_issue("x", 0, 10), integer_issue("y", 0, 10)},
                    {spatial({10, 10}, {1, 1}, 0.5), spatial({0, 0}, {1, 1}, 0.4)}, {false, true});
  const auto counts = two.counts(CountMethod::issue_by_issue, options);
  EXPECT_FALSE(counts.size.exact);
  EXPECT_GT(counts.size.standard_error, 0);
}

TEST(WinSet, PointsAreAcceptedByEveryPartyAndNashIsTheAnalysis) {
  Rng rng(11);
  int with_nash = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Problem problem = random_problem(rng);
    const Analysis analysis = problem.analysis();
    const WinSet w = win_set(problem.parties, problem.ratifier, problem.space, analysis);
    const auto accepted_by_all = [&](const std::optional<ScoredOutcome>& point) {
      if (!point) return;
      for (std::size_t j = 0; j < problem.parties.size(); ++j) {
        const double u = problem.parties[j](point->outcome);
        EXPECT_EQ(u, point->utilities[j]) << trial;
        EXPECT_GE(u, problem.parties[j].reservation_value()) << trial;
      }
    };
    for (const auto& best : w.best) accepted_by_all(best);
    accepted_by_all(w.nash);
    accepted_by_all(w.kalai_smorodinsky);
    accepted_by_all(w.utilitarian);
    // Points exist exactly when the win-set is not empty.
    EXPECT_EQ(bool(w.utilitarian), !w.empty()) << trial;
    // Brute force: each party's best accepted utility and the largest accepted sum.
    std::vector<double> best(problem.parties.size(), -1);
    double best_sum = -1;
    for (std::uint64_t index = 0; index < problem.space.size(); ++index) {
      const Outcome o = problem.space.decode(index);
      std::vector<double> u;
      bool all = true;
      for (const auto& party : problem.parties) {
        u.push_back(party(o));
        all = all && u.back() >= party.reservation_value();
      }
      if (!all) continue;
      for (std::size_t j = 0; j < u.size(); ++j) best[j] = std::max(best[j], u[j]);
      best_sum = std::max(best_sum, std::accumulate(u.begin(), u.end(), 0.0));
    }
    for (std::size_t j = 0; j < best.size(); ++j)
      if (w.best[j]) {
        EXPECT_EQ(w.best[j]->utilities[j], best[j]) << trial;
      }
    if (w.utilitarian) {
      const auto& u = w.utilitarian->utilities;
      EXPECT_NEAR(std::accumulate(u.begin(), u.end(), 0.0), best_sum, 1e-12) << trial;
    }
    // Every outcome the analysis's Nash point competes with is accepted, so it is the same.
    if (analysis.nash) {
      ++with_nash;
      ASSERT_TRUE(w.nash) << trial;
      EXPECT_EQ(w.nash->outcome, analysis.nash->outcome) << trial;
    } else {
      EXPECT_FALSE(w.nash) << trial;
    }
  }
  EXPECT_GT(with_nash, 30);  // the comparison ran
}

TEST(WinSet, RatifiersAreTheStagesRatifiersOutsideItsChannel) {
  Scenario scenario;
  scenario.actors.resize(4);
  scenario.channels.push_back(Channel{"c", "c", {0, 1}, Visibility::decisions});
  Stage stage;
  stage.channel = 0;
  stage.ratify = {1, 2};  // 1 sits at the table and ratifies too: it is at the table
  scenario.stages.push_back(stage);
  EXPECT_EQ(stage_ratifiers(scenario, 0, {0, 1, 2}), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(stage_ratifiers(scenario, 0, {2, 3}), (std::vector<bool>{true, false}));
  scenario.stages[0].channel.reset();  // everyone at the table
  EXPECT_EQ(stage_ratifiers(scenario, 0, {0, 1, 2}), (std::vector<bool>{false, false, false}));
}

}  // namespace
}  // namespace parley
