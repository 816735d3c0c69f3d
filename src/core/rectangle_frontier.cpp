#include <stdexcept>

#include "frontiers.hpp"

namespace parley::detail {
// Placeholder until the rectangle search lands.
std::vector<ScoredOutcome> rectangle_frontier(std::span<const CompiledUtility>, const OutcomeSpace&) {
  throw std::logic_error("rectangle_frontier: not yet implemented");
}
}  // namespace parley::detail
