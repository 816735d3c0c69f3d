// Frontier of an enumerable space: every party's utility of every outcome in one flat array
// (all_utilities, mixed-radix order), then one Pareto filter over the columns. Memory is
// 8 bytes per outcome and party plus the filter's survivors; nothing is allocated per outcome.

#include "frontiers.hpp"
#include "pareto.hpp"

namespace parley::detail {

std::vector<ScoredOutcome> enumerated_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space) {
  std::vector<std::vector<double>> utilities;
  utilities.reserve(parties.size());
  for (const CompiledUtility& party : parties) utilities.push_back(party.all_utilities(space));

  PointView view{{}, 1, space.size()};
  for (const auto& column : utilities) view.columns.push_back(column.data());
  // Mixed-radix order is lexicographic order of outcomes, so the smallest index that
  // pareto_front keeps for a utility vector is its lexicographically smallest outcome.
  const std::vector<std::size_t> front = pareto_front(view);

  std::vector<ScoredOutcome> frontier;
  frontier.reserve(front.size());
  for (const std::size_t index : front) {
    ScoredOutcome scored{space.decode(index), {}};
    scored.utilities.reserve(parties.size());
    for (const auto& column : utilities) scored.utilities.push_back(column[index]);
    frontier.push_back(std::move(scored));
  }
  return frontier;
}

}  // namespace parley::detail
