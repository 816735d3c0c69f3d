#pragma once
// Internal to core: how a bargaining solution is picked from a Pareto frontier, shared by the
// analysis (analysis.cpp) and the win-set (win_set.cpp), so that the same rule finds the same
// point in both.

#include <optional>
#include <vector>

#include "parley/core/analysis.hpp"

namespace parley::detail {

// Comparisons with reservation values allow for rounding: an outcome worth 1 - 0.8 should
// count as meeting a reservation value of 0.2. Utilities live on a [0, 1] scale.
inline constexpr double kSolutionTolerance = 1e-9;

// The eligible frontier point with the highest score (score returns nullopt when a point is
// not eligible); exact ties go to the lexicographically smallest outcome.
template <class Score>
std::optional<ScoredOutcome> best_of(const std::vector<ScoredOutcome>& frontier, Score score) {
  const ScoredOutcome* best = nullptr;
  double best_score = 0;
  for (const ScoredOutcome& point : frontier) {
    const std::optional<double> value = score(point.utilities);
    if (!value) continue;
    if (!best || *value > best_score || (*value == best_score && point.outcome < best->outcome)) {
      best = &point;
      best_score = *value;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace parley::detail
