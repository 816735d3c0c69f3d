#include "parley/core/analysis.hpp"

#include <stdexcept>

namespace parley {
// Placeholder until the analysis unit lands.
Analysis analyze(std::span<const CompiledUtility>, const OutcomeSpace&) { throw std::logic_error("analyze: not yet implemented"); }
Distances distances(const Analysis&, std::span<const double>) { throw std::logic_error("not yet implemented"); }
std::vector<std::size_t> pareto_indices(std::span<const double>, std::size_t) { throw std::logic_error("not yet implemented"); }
}  // namespace parley
