#pragma once
// Internal to the analysis unit: the three ways of computing a Pareto frontier. Also an
// internal test header (scripts/check-layers.sh): tests and benchmarks call each method alone.
// Each returns the undominated outcomes (one outcome per distinct utility vector), in any
// order. REQUIRES: every party compiled for `space`.

#include <cstdint>
#include <span>
#include <vector>

#include "parley/core/analysis.hpp"

namespace parley::detail {

// REQUIRES: space.enumerable().
std::vector<ScoredOutcome> enumerated_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space);

// REQUIRES: every party is_linear().
std::vector<ScoredOutcome> issue_merge_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space);

// For spaces too large to enumerate where some party uses hyper-rectangles. Visits at most
// `max_nodes` search nodes (REQUIRES: >= 1); when it stops there, `budget_reached` is set and
// `frontier` holds the mutually undominated outcomes found so far.
struct RectangleFrontier {
  std::vector<ScoredOutcome> frontier;
  std::uint64_t nodes = 0;  // search nodes visited
  bool budget_reached = false;
};
RectangleFrontier rectangle_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                     std::uint64_t max_nodes = kDefaultMaxSearchNodes);

}  // namespace parley::detail
