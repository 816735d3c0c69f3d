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

// Memory of one frontier point as a ScoredOutcome (its two vectors and their contents).
std::uint64_t frontier_point_bytes(std::size_t parties, std::size_t issues);

// Memory enumeration needs: every party's utility of every outcome, plus the filter's index.
// REQUIRES: space.enumerable().
std::uint64_t enumeration_bytes(std::size_t parties, const OutcomeSpace& space);

// REQUIRES: space.enumerable(). Throws parley::Error (too_large) when, with 4 or more
// parties, the filter needs more than max_work (AnalysisOptions).
std::vector<ScoredOutcome> enumerated_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                               std::uint64_t max_work = kDefaultMaxAnalysisWork);

// REQUIRES: every party is_linear(). Throws parley::Error (too_large) when the partial
// frontiers need more than max_memory_bytes or, with 4 or more parties, one merge's filter
// needs more than max_work (AnalysisOptions).
std::vector<ScoredOutcome> issue_merge_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                                std::uint64_t max_memory_bytes = kDefaultMemoryLimit,
                                                std::uint64_t max_work = kDefaultMaxAnalysisWork);

// For spaces too large to enumerate where some party uses hyper-rectangles. Visits at most
// `max_nodes` search nodes (REQUIRES: >= 1); when it stops there, `budget_reached` is set and
// `frontier` holds the mutually undominated outcomes found so far.
struct RectangleFrontier {
  std::vector<ScoredOutcome> frontier;
  std::uint64_t nodes = 0;  // search nodes visited
  bool budget_reached = false;
};
// Throws parley::Error (too_large) when the frontier found needs more than max_memory_bytes.
RectangleFrontier rectangle_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                     std::uint64_t max_nodes = kDefaultMaxSearchNodes,
                                     std::uint64_t max_memory_bytes = kDefaultMemoryLimit);

}  // namespace parley::detail
