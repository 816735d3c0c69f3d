// Frontier of an enumerable space: every party's utility of every outcome in one flat array
// (all_utilities, mixed-radix order), then one Pareto filter over the columns. Memory is
// 8 bytes per outcome and party plus the filter's survivors; nothing is allocated per outcome.

#include "frontiers.hpp"

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"
#include "pareto.hpp"

namespace parley::detail {

std::uint64_t frontier_point_bytes(std::size_t parties, std::size_t issues) {
  return sizeof(ScoredOutcome) + parties * sizeof(double) + issues * sizeof(std::uint32_t);
}

std::uint64_t enumeration_bytes(std::size_t parties, const OutcomeSpace& space) {
  return saturating_product(space.size(), parties * sizeof(double) + sizeof(std::size_t));
}

std::vector<ScoredOutcome> enumerated_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                               std::uint64_t max_work) {
  std::vector<std::vector<double>> utilities;
  utilities.reserve(parties.size());
  for (const CompiledUtility& party : parties) utilities.push_back(party.all_utilities(space));

  PointView view{{}, 1, space.size(), max_work};
  for (const auto& column : utilities) view.columns.push_back(column.data());
  // Mixed-radix order is lexicographic order of outcomes, so the smallest index that
  // pareto_front keeps for a utility vector is its lexicographically smallest outcome.
  std::vector<std::size_t> front;
  try {
    front = pareto_front(view);
  } catch (const FilterWorkExceeded&) {
    throw field_error(std::string(kWorkLimitField),
                fmt::format("the Pareto frontier of {} parties over {} outcomes is too large to compute exactly: "
                            "filtering them passed the work limit of {} comparisons; analyse fewer parties or a "
                            "smaller stage",
                            parties.size(), space.size(), max_work), ErrorKind::too_large);
  }

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
