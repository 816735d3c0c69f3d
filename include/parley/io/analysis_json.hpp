#pragma once
// JSON form of an analysis, the document `parley analyze --json` prints. Keys other tools
// rely on: parley (the header of document_header.hpp), parties, outcomes, method, exact,
// node_budget_reached, pareto, nash, kalai_smorodinsky, utilitarian, egalitarian.

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/analysis.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

// An outcome of `space` as {issue id: value}, values as option names or numbers.
nlohmann::json outcome_to_json(const Scenario& scenario, const OutcomeSpace& space, const Outcome& outcome);

// REQUIRES: `analysis` computed for `parties` (actor indices) over `space`, an agenda of
// stage `stage` (its issues, or its issues with linked ones). `issues` lists the space's
// issues, `linked` those of them that are not the stage's own. With `probe` (an outcome and
// its utilities), adds its distances to each solution.
nlohmann::json analysis_to_json(const Scenario& scenario, std::size_t stage, const std::vector<std::size_t>& parties,
                                const OutcomeSpace& space, const Analysis& analysis,
                                const std::optional<ScoredOutcome>& probe = std::nullopt);

}  // namespace parley
