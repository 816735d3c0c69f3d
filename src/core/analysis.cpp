// analyze(): pick a frontier method, then evaluate the bargaining solutions and welfare
// optima on the frontier. Each of them is attained on the frontier (a point that dominates
// another scores at least as well), so scanning the frontier is exact; with one
// representative per utility vector, exact ties go to the lexicographically smallest outcome.

#include "parley/core/analysis.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <optional>

#include "frontiers.hpp"
#include "pareto.hpp"
#include "solution_rules.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTolerance = detail::kSolutionTolerance;

using detail::best_of;

bool individually_rational(const std::vector<double>& u, const std::vector<double>& d) {
  for (std::size_t i = 0; i < u.size(); ++i)
    if (u[i] < d[i] - kTolerance) return false;
  return true;
}

// Fills the analysis's frontier and method (and, for the rectangle search, its exactness).
void uncapped_frontier_of(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                          const AnalysisOptions& options, Analysis& analysis) {
  const bool all_linear = std::all_of(parties.begin(), parties.end(), [](const auto& u) { return u.is_linear(); });
  // Issue-merge is exact for linear-additive parties and never enumerates, so it wins even
  // on enumerable spaces; rectangles need enumeration or the rectangle search.
  if (all_linear) {
    analysis.method = AnalysisMethod::issue_merge;
    analysis.pareto = detail::issue_merge_frontier(parties, space, options.max_memory_bytes,
                                                   options.max_work);
    return;
  }
  // Enumeration that would not fit leaves the space to the search, which needs memory only
  // for the frontier it finds.
  if (space.enumerable() && detail::enumeration_bytes(parties.size(), space) <= options.max_memory_bytes) {
    analysis.method = AnalysisMethod::enumerated;
    analysis.pareto = detail::enumerated_frontier(parties, space, options.max_work);
    return;
  }
  analysis.method = AnalysisMethod::rectangle_search;
  detail::RectangleFrontier search = detail::rectangle_frontier(parties, space, options.max_search_nodes, options.max_memory_bytes);
  analysis.pareto = std::move(search.frontier);
  analysis.search_nodes = search.nodes;
  analysis.node_budget_reached = search.budget_reached;
  analysis.exact = !search.budget_reached;
}

// Raw-weight (GENIUS) parties whose cap at 1 can bind. Enumeration evaluates the capped
// utilities directly. Otherwise: every outcome the capped frontier needs is matched by one on
// the frontier of the uncapped sums (a dominator under u still weakly dominates under
// min(1, u), which is monotone), so the frontier is that frontier, capped and filtered again.
// Its utility vectors are exact; of several outcomes capped to the same vector, the
// representative is the lexicographically smallest among the uncapped frontier's.
void capped_frontier_of(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                        const AnalysisOptions& options, Analysis& analysis) {
  const bool additive = std::all_of(parties.begin(), parties.end(), [](const auto& u) { return u.rectangles().empty(); });
  if (!additive && space.enumerable() &&
      detail::enumeration_bytes(parties.size(), space) <= options.max_memory_bytes) {
    analysis.method = AnalysisMethod::enumerated;
    analysis.pareto = detail::enumerated_frontier(parties, space, options.max_work);
    return;
  }
  std::vector<CompiledUtility> uncapped;
  uncapped.reserve(parties.size());
  for (const CompiledUtility& party : parties) uncapped.push_back(party.uncapped());
  uncapped_frontier_of(uncapped, space, options, analysis);

  std::vector<ScoredOutcome>& points = analysis.pareto;
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.outcome < b.outcome; });
  const std::size_t k = parties.size();
  std::vector<double> capped;
  capped.reserve(points.size() * k);
  for (ScoredOutcome& point : points)
    for (std::size_t j = 0; j < k; ++j) {
      if (parties[j].cap_can_bind()) point.utilities[j] = std::min(1.0, point.utilities[j]);
      capped.push_back(point.utilities[j]);
    }
  std::vector<ScoredOutcome> kept;
  for (const std::size_t i : pareto_indices(capped, k)) kept.push_back(std::move(points[i]));
  points = std::move(kept);
}

void frontier_of(std::span<const CompiledUtility> parties, const OutcomeSpace& space, const AnalysisOptions& options,
                 Analysis& analysis) {
  if (std::any_of(parties.begin(), parties.end(), [](const auto& u) { return u.cap_can_bind(); }))
    capped_frontier_of(parties, space, options, analysis);
  else
    uncapped_frontier_of(parties, space, options, analysis);
}

double euclidean(const std::vector<double>& a, std::span<const double> b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

double distance_to(const std::optional<ScoredOutcome>& solution, std::span<const double> utilities) {
  return solution ? euclidean(solution->utilities, utilities) : kNaN;
}

}  // namespace

const char* to_string(AnalysisMethod method) {
  switch (method) {
    case AnalysisMethod::enumerated: return "enumerated";
    case AnalysisMethod::issue_merge: return "issue-merge";
    case AnalysisMethod::rectangle_search: return "rectangle-search";
  }
  return "?";
}

Analysis analyze(std::span<const CompiledUtility> parties, const OutcomeSpace& space, const AnalysisOptions& options) {
  assert(!parties.empty());
  assert(options.max_search_nodes >= 1);
  Analysis analysis;
  frontier_of(parties, space, options, analysis);
  std::sort(analysis.pareto.begin(), analysis.pareto.end(), [](const ScoredOutcome& a, const ScoredOutcome& b) {
    if (a.utilities != b.utilities) return a.utilities > b.utilities;
    return a.outcome < b.outcome;
  });
  const std::size_t k = parties.size();
  std::vector<double>& d = analysis.disagreement;
  for (const CompiledUtility& party : parties) d.push_back(party.reservation_value());

  analysis.nash = best_of(analysis.pareto, [&](const std::vector<double>& u) -> std::optional<double> {
    double product = 1;
    for (std::size_t i = 0; i < k; ++i) {
      if (!(u[i] > d[i] + kTolerance)) return std::nullopt;
      product *= u[i] - d[i];
    }
    return product;
  });
  analysis.utilitarian = best_of(analysis.pareto, [&](const std::vector<double>& u) -> std::optional<double> {
    double sum = 0;
    for (const double value : u) sum += value;
    return sum;
  });
  analysis.egalitarian = best_of(analysis.pareto, [&](const std::vector<double>& u) -> std::optional<double> {
    double least = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < k; ++i) least = std::min(least, u[i] - d[i]);
    return least;
  });

  // The ideal point is attained on the frontier too (a dominator of an individually
  // rational point is individually rational). Left empty when no outcome is.
  for (const ScoredOutcome& point : analysis.pareto) {
    if (!individually_rational(point.utilities, d)) continue;
    if (analysis.ideal.empty()) analysis.ideal = point.utilities;
    for (std::size_t i = 0; i < k; ++i) analysis.ideal[i] = std::max(analysis.ideal[i], point.utilities[i]);
  }
  if (!analysis.ideal.empty()) {
    const std::vector<double>& ideal = analysis.ideal;
    analysis.kalai_smorodinsky = best_of(analysis.pareto, [&](const std::vector<double>& u) -> std::optional<double> {
      if (!individually_rational(u, d)) return std::nullopt;
      double least = std::numeric_limits<double>::infinity();
      for (std::size_t i = 0; i < k; ++i)
        // ideal_i == d_i: every rational point gives i its ideal, a full share.
        least = std::min(least, ideal[i] - d[i] > kTolerance ? (u[i] - d[i]) / (ideal[i] - d[i]) : 1.0);
      return least;
    });
  }
  return analysis;
}

Distances distances(const Analysis& analysis, std::span<const double> utilities) {
  assert(utilities.size() == analysis.disagreement.size());
  Distances result;
  result.pareto = analysis.pareto.empty() ? kNaN : std::numeric_limits<double>::infinity();
  for (const ScoredOutcome& point : analysis.pareto)
    result.pareto = std::min(result.pareto, euclidean(point.utilities, utilities));
  result.nash = distance_to(analysis.nash, utilities);
  result.kalai_smorodinsky = distance_to(analysis.kalai_smorodinsky, utilities);
  result.utilitarian = distance_to(analysis.utilitarian, utilities);
  result.egalitarian = distance_to(analysis.egalitarian, utilities);
  return result;
}

std::vector<std::size_t> pareto_indices(std::span<const double> points, std::size_t parties) {
  assert(parties > 0 && points.size() % parties == 0);
  if (parties == 0 || points.empty()) return {};
  detail::PointView view{{}, parties, points.size() / parties};
  for (std::size_t j = 0; j < parties; ++j) view.columns.push_back(points.data() + j);
  return detail::pareto_front(view);
}

}  // namespace parley
