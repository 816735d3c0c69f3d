#pragma once
// JSON form of an analysis, the document `parley analyze --json` prints. Keys other tools
// rely on: parley (the header of document_header.hpp), parties, outcomes, method, exact,
// node_budget_reached, pareto, nash, kalai_smorodinsky, utilitarian, egalitarian, win_set.
//
// win_set (core/win_set.hpp): the outcomes the table and the ratifiers all accept.
//   size, table          {count, share, exact[, standard_error]}: every party's acceptance,
//                        the table's alone; standard_error (of share) only when estimated
//   empty                no outcome every party accepts (size says so)
//   parties              per party: {actor, role: "table" | "ratifier", reservation,
//                        accepts: a size as above, best: its best outcome inside
//                        {outcome, utilities} or null}
//   shrinks_by           {ratifier id: outcomes its veto removes (its `without` minus size)}
//   nash, kalai_smorodinsky, utilitarian   inside the win-set, as the solutions above, or null
//   blockers             when empty though the table is not, each ratifier whose veto alone
//                        empties it: {ratifier, reservation, best_utility (its best where the
//                        others accept), outcome, issues: [{issue, loss}] largest loss first}

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/win_set.hpp"

namespace parley {

// An outcome of `space` as {issue id: value}, values as option names or numbers.
nlohmann::json outcome_to_json(const Scenario& scenario, const OutcomeSpace& space, const Outcome& outcome);

// The `win_set` object above. REQUIRES: `win_set` and `analysis` computed for `parties`
// (actor indices) over `space`.
nlohmann::json win_set_to_json(const Scenario& scenario, const std::vector<std::size_t>& parties,
                               const OutcomeSpace& space, const Analysis& analysis, const WinSet& win_set);

// REQUIRES: `analysis` computed for `parties` (actor indices) over `space`, an agenda of
// stage `stage` (its issues, or its issues with linked ones). `issues` lists the space's
// issues, `linked` those of them that are not the stage's own. With `probe` (an outcome and
// its utilities), adds its distances to each solution. `win_set` is win_set() of the same
// parties over `space` with `analysis`.
nlohmann::json analysis_to_json(const Scenario& scenario, std::size_t stage, const std::vector<std::size_t>& parties,
                                const OutcomeSpace& space, const Analysis& analysis, const WinSet& win_set,
                                const std::optional<ScoredOutcome>& probe = std::nullopt);

}  // namespace parley
