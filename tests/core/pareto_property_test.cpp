// Properties of the Pareto frontiers and the solutions on them, checked against brute force
// on small random spaces: exact agreement with the definition, the two methods agreeing,
// and invariance under relabelling issues and parties.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <span>

#include "../../src/core/frontiers.hpp"
#include "../../src/core/pareto.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/random.hpp"

namespace parley {
namespace {

using Vector = std::vector<double>;

bool dominates(const double* a, const double* b, std::size_t k) {
  bool better = false;
  for (std::size_t j = 0; j < k; ++j) {
    if (a[j] < b[j]) return false;
    better = better || a[j] > b[j];
  }
  return better;
}

// The definition: undominated, and the first of its equals.
std::vector<std::size_t> brute_force_front(const std::vector<double>& points, std::size_t k) {
  const std::size_t n = points.size() / k;
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < n; ++i) {
    const double* p = &points[i * k];
    bool kept = true;
    for (std::size_t j = 0; j < n && kept; ++j)
      kept = !dominates(&points[j * k], p, k) && !(j < i && std::equal(p, p + k, &points[j * k]));
    if (kept) front.push_back(i);
  }
  return front;
}

// Random points; `grid` > 0 draws integers in [0, grid] (ties and duplicates), otherwise
// uniform doubles. `line` puts that many points on u_1 + u_2 = 1 (all mutually undominated).
std::vector<double> random_points(std::uint64_t seed, std::size_t n, std::size_t k, int grid, std::size_t line) {
  Rng rng(seed);
  std::vector<double> points;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      double value = grid > 0 ? double(rng.uniform_int(0, grid)) : rng.uniform01();
      if (i < line && k >= 2 && j == 1) value = (grid > 0 ? grid : 1) - points[i * k];
      points.push_back(value);
    }
  return points;
}

RC_GTEST_PROP(Pareto, SmallSetsMatchTheDefinition, ()) {
  const auto k = *rc::gen::inRange<std::size_t>(1, 7);
  const auto n = *rc::gen::inRange<std::size_t>(0, 80);
  const auto grid = *rc::gen::element(0, 1, 3, 10);
  const auto points = random_points(*rc::gen::arbitrary<std::uint64_t>(), n, k, grid, n / 4);
  RC_ASSERT(pareto_indices(points, k) == brute_force_front(points, k));
}

// Large enough for the prefilters; checked in O(n h) instead of O(n^2).
RC_GTEST_PROP(Pareto, LargeSetsMatchTheDefinition, ()) {
  const auto k = *rc::gen::inRange<std::size_t>(2, 6);
  const auto n = *rc::gen::inRange<std::size_t>(detail::kPrefilterMin, 2 * detail::kPrefilterMin);
  const auto grid = *rc::gen::element(0, 5, 40);
  const auto line = *rc::gen::element<std::size_t>(0, 10, n);
  const auto points = random_points(*rc::gen::arbitrary<std::uint64_t>(), n, k, grid, line);
  const auto front = pareto_indices(points, k);
  RC_ASSERT(std::is_sorted(front.begin(), front.end()));
  std::vector<char> on_front(n, 0);
  for (const std::size_t f : front) on_front[f] = 1;
  // Frontier points are distinct and mutually undominated; every other point is dominated
  // by one or a later copy of one (so by transitivity nothing dominates the frontier).
  for (std::size_t i = 0; i < n; ++i) {
    const double* p = &points[i * k];
    // f dominates i, or is an equal point that should be kept instead of i.
    const auto covers = [&](std::size_t f) {
      const double* q = &points[f * k];
      return dominates(q, p, k) || (std::equal(p, p + k, q) && (on_front[i] ? f != i : f < i));
    };
    const bool ok = on_front[i] ? std::none_of(front.begin(), front.end(), covers)
                                : std::any_of(front.begin(), front.end(), covers);
    RC_ASSERT(ok);
  }
}

// A random negotiation over small discrete issues.
struct Domain {
  std::vector<Issue> issues;
  std::vector<Actor> actors;
};

// Coarse domains draw values from quarters and saliences from {0, 1, 2} (exact ties);
// fine ones draw uniform doubles (no ties). Rectangle parties score GENIUS-style boxes.
Domain random_domain(std::uint64_t seed, std::size_t issue_count, std::size_t parties, bool coarse,
                     bool rectangles) {
  Rng rng(seed);
  const auto uniform = [&] { return rng.uniform01(); };
  const auto pick = [&](int lo, int hi) { return int(rng.uniform_int(lo, hi)); };
  Domain domain;
  for (std::size_t k = 0; k < issue_count; ++k) {
    Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.kind = IssueKind::discrete;
    for (int v = pick(1, 4); v > 0; --v) issue.options.push_back("v");
    domain.issues.push_back(std::move(issue));
  }
  for (std::size_t p = 0; p < parties; ++p) {
    Actor actor;
    actor.reservation_value = coarse ? pick(0, 2) / 4.0 : 0.6 * uniform();
    for (const Issue& issue : domain.issues) {
      Stance stance;
      stance.salience = coarse ? pick(0, 2) : 0.05 + uniform();
      for (std::size_t v = 0; v < issue.options.size(); ++v) stance.values.push_back(coarse ? pick(0, 4) / 4.0 : uniform());
      actor.stances.push_back(std::move(stance));
    }
    if (rectangles && pick(0, 1) == 1) {
      for (int r = pick(1, 4); r > 0; --r) {
        HyperRectangle box;
        box.utility = pick(1, 4);
        box.exclusive = pick(0, 3) == 0;
        const std::size_t issue = std::size_t(pick(0, int(issue_count) - 1));
        const int top = int(domain.issues[issue].options.size()) - 1;
        const int lo = pick(0, top);
        box.bounds.push_back({issue, std::uint32_t(lo), std::uint32_t(pick(lo, top))});
        actor.rectangles.push_back(std::move(box));
      }
      actor.rectangle_scale = 4;
    }
    domain.actors.push_back(std::move(actor));
  }
  return domain;
}

// A domain compiled with its issues and parties in a given order.
struct Compiled {
  OutcomeSpace space;
  std::vector<CompiledUtility> parties;
};

Compiled compile(const Domain& domain, std::vector<std::size_t> issue_order, const std::vector<std::size_t>& party_order) {
  Compiled compiled{OutcomeSpace(domain.issues, std::move(issue_order)), {}};
  for (const std::size_t p : party_order) compiled.parties.emplace_back(domain.actors[p], domain.issues, compiled.space);
  return compiled;
}

std::vector<std::size_t> identity(std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  return order;
}

std::vector<Vector> utility_set(const std::vector<ScoredOutcome>& frontier) {
  std::vector<Vector> set;
  for (const auto& point : frontier) set.push_back(point.utilities);
  std::sort(set.begin(), set.end());
  return set;
}

bool same_set(const std::vector<Vector>& a, const std::vector<Vector>& b, double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a[i].size(); ++j)
      if (std::abs(a[i][j] - b[i][j]) > tolerance) return false;
  return true;
}

RC_GTEST_PROP(EnumeratedFrontier, MatchesTheDefinition, ()) {
  const auto issues = *rc::gen::inRange<std::size_t>(1, 5);
  const auto parties = *rc::gen::inRange<std::size_t>(1, 5);
  const Domain domain = random_domain(*rc::gen::arbitrary<std::uint64_t>(), issues, parties,
                                      *rc::gen::arbitrary<bool>(), true);
  const Compiled c = compile(domain, identity(issues), identity(parties));
  std::vector<double> points;
  for (std::uint64_t i = 0; i < c.space.size(); ++i)
    for (const auto& party : c.parties) points.push_back(party(c.space.decode(i)));
  std::vector<Outcome> expected;
  for (const std::size_t i : brute_force_front(points, parties)) expected.push_back(c.space.decode(i));
  std::vector<Outcome> actual;
  for (const auto& point : detail::enumerated_frontier(c.parties, c.space)) {
    for (std::size_t j = 0; j < parties; ++j) RC_ASSERT(point.utilities[j] == c.parties[j](point.outcome));
    actual.push_back(point.outcome);
  }
  std::sort(actual.begin(), actual.end());
  RC_ASSERT(actual == expected);  // the lexicographically smallest outcome per vector
}

RC_GTEST_PROP(IssueMergeFrontier, EqualsEnumeratedFrontier, ()) {
  const auto issues = *rc::gen::inRange<std::size_t>(0, 6);
  const auto parties = *rc::gen::inRange<std::size_t>(1, 5);
  const Domain domain = random_domain(*rc::gen::arbitrary<std::uint64_t>(), issues, parties,
                                      *rc::gen::arbitrary<bool>(), false);
  const Compiled c = compile(domain, identity(issues), identity(parties));
  const auto merged = detail::issue_merge_frontier(c.parties, c.space);
  for (const auto& point : merged)
    for (std::size_t j = 0; j < parties; ++j) RC_ASSERT(point.utilities[j] == c.parties[j](point.outcome));
  RC_ASSERT(same_set(utility_set(merged), utility_set(detail::enumerated_frontier(c.parties, c.space)), 1e-12));
}

double nash_product(const Analysis& a, const Vector& u) {
  double product = 1;
  for (std::size_t i = 0; i < u.size(); ++i) product *= u[i] - a.disagreement[i];
  return product;
}

// Raw (GENIUS) weights cap utilities at 1, which is not additive: analyze() searches the
// uncapped sums and caps afterwards. Its frontier must be exactly the enumerated frontier of
// the capped utilities, and its Nash point optimal over every outcome.
RC_GTEST_PROP(Analyze, CappedRawWeightsMatchEnumeration, ()) {
  const auto issues = *rc::gen::inRange<std::size_t>(1, 5);
  const auto parties = *rc::gen::inRange<std::size_t>(1, 4);
  Domain domain = random_domain(*rc::gen::arbitrary<std::uint64_t>(), issues, parties, *rc::gen::arbitrary<bool>(),
                                *rc::gen::arbitrary<bool>());
  for (Actor& actor : domain.actors)
    if (*rc::gen::inRange(0, 4) != 0) actor.weights = Weights::raw;
  const Compiled c = compile(domain, identity(issues), identity(parties));
  const Analysis a = analyze(c.parties, c.space);
  for (const auto& point : a.pareto)
    for (std::size_t j = 0; j < parties; ++j) {
      RC_ASSERT(point.utilities[j] == c.parties[j](point.outcome));
      if (domain.actors[j].weights == Weights::raw) RC_ASSERT(point.utilities[j] <= 1.0);
    }
  RC_ASSERT(same_set(utility_set(a.pareto), utility_set(detail::enumerated_frontier(c.parties, c.space)), 0.0));
  for (std::uint64_t index = 0; index < c.space.size(); ++index) {
    Vector u;
    bool beats = true;
    for (std::size_t i = 0; i < parties; ++i) {
      u.push_back(c.parties[i](c.space.decode(index)));
      beats = beats && u[i] > a.disagreement[i] + 1e-9;
    }
    if (beats) RC_ASSERT(a.nash && nash_product(a, a.nash->utilities) >= nash_product(a, u));
  }
}

// Every solution is optimal over all outcomes, not only over the frontier.
RC_GTEST_PROP(Analyze, SolutionsAreOptimalOverAllOutcomes, ()) {
  const auto issues = *rc::gen::inRange<std::size_t>(1, 5);
  const auto parties = *rc::gen::inRange<std::size_t>(1, 5);
  const Domain domain = random_domain(*rc::gen::arbitrary<std::uint64_t>(), issues, parties,
                                      *rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>());
  const Compiled c = compile(domain, identity(issues), identity(parties));
  const Analysis a = analyze(c.parties, c.space);
  for (std::size_t i = 1; i < a.pareto.size(); ++i) RC_ASSERT(a.pareto[i - 1].utilities > a.pareto[i].utilities);
  const auto& d = a.disagreement;
  bool rational = false;
  for (std::uint64_t index = 0; index < c.space.size(); ++index) {
    Vector u;
    for (const auto& party : c.parties) u.push_back(party(c.space.decode(index)));
    double sum = 0, least = 1e300;
    bool beats = true, meets = true;
    for (std::size_t i = 0; i < parties; ++i) {
      sum += u[i];
      least = std::min(least, u[i] - d[i]);
      beats = beats && u[i] > d[i] + 1e-9;
      meets = meets && u[i] >= d[i] - 1e-9;
    }
    RC_ASSERT(std::accumulate(a.utilitarian->utilities.begin(), a.utilitarian->utilities.end(), 0.0) >= sum - 1e-12);
    double egalitarian = 1e300;
    for (std::size_t i = 0; i < parties; ++i) egalitarian = std::min(egalitarian, a.egalitarian->utilities[i] - d[i]);
    RC_ASSERT(egalitarian >= least - 1e-12);
    if (beats) RC_ASSERT(a.nash && nash_product(a, a.nash->utilities) >= nash_product(a, u) - 1e-12);
    if (meets) {
      rational = true;
      for (std::size_t i = 0; i < parties; ++i) RC_ASSERT(a.ideal.at(i) >= u[i]);
    }
  }
  RC_ASSERT(rational == a.kalai_smorodinsky.has_value());
}

// Relabelling issues or parties changes neither the frontier nor the Nash point (fine
// domains: without exact ties, rounding differences cannot change which points dominate).
RC_GTEST_PROP(Analyze, InvariantUnderReordering, ()) {
  const auto issues = *rc::gen::inRange<std::size_t>(1, 5);
  const auto parties = *rc::gen::inRange<std::size_t>(1, 5);
  const Domain domain = random_domain(*rc::gen::arbitrary<std::uint64_t>(), issues, parties, false,
                                      *rc::gen::arbitrary<bool>());
  Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  auto issue_order = identity(issues), party_order = identity(parties);
  shuffle(std::span(issue_order), rng);
  shuffle(std::span(party_order), rng);

  const Compiled b = compile(domain, identity(issues), identity(parties));
  const Analysis base = analyze(b.parties, b.space);
  const Compiled c = compile(domain, issue_order, party_order);
  const Analysis shuffled = analyze(c.parties, c.space);
  // Back to the base party order.
  const auto unshuffle = [&](const Vector& u) {
    Vector back(parties);
    for (std::size_t i = 0; i < parties; ++i) back[party_order[i]] = u[i];
    return back;
  };
  std::vector<Vector> shuffled_set;
  for (const auto& point : shuffled.pareto) shuffled_set.push_back(unshuffle(point.utilities));
  std::sort(shuffled_set.begin(), shuffled_set.end());
  RC_ASSERT(same_set(utility_set(base.pareto), shuffled_set, 1e-12));

  RC_ASSERT(base.nash.has_value() == shuffled.nash.has_value());
  if (!base.nash) return;
  const double best = nash_product(base, base.nash->utilities);
  RC_ASSERT(std::abs(nash_product(shuffled, shuffled.nash->utilities) - best) <= 1e-12);
  // The point itself, unless another frontier point comes within rounding of the product.
  for (const auto& point : base.pareto) {
    bool eligible = true;
    for (std::size_t i = 0; i < parties; ++i) eligible = eligible && point.utilities[i] > base.disagreement[i];
    if (eligible && point.utilities != base.nash->utilities && std::abs(nash_product(base, point.utilities) - best) < 1e-9)
      return;
  }
  RC_ASSERT(same_set({base.nash->utilities}, {unshuffle(shuffled.nash->utilities)}, 1e-12));
}

}  // namespace
}  // namespace parley
