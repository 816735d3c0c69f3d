// Frontier of a linear-additive space without enumerating it. With u(o) = Σ_k t_k(o_k),
// every Pareto-optimal outcome is built from Pareto-optimal partial outcomes: if a prefix
// were dominated, swapping in its dominator would dominate the whole outcome. So the
// frontier over issues 0..k is pareto(F_{k-1} ⊕ P_k), where P_k is issue k's own frontier.
// Each kept point records (parent, value) so the outcomes are rebuilt at the end.
//
// Exactness: a partial sum is f + t in the same order as CompiledUtility::all_utilities, so
// the utilities are bit-identical to the enumerated ones. Rounding is monotone, so a pruned
// prefix is always matched or beaten by a kept one and the set of frontier vectors is
// exactly the enumerated one.
//
// Representatives: F is kept in lexicographic order of its prefixes and candidates are
// numbered (parent, value), so pareto_front's smallest index per vector is the
// lexicographically smallest outcome among those built from kept prefixes (the smallest
// overall, unless rounding made a pruned prefix tie a kept one).

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"

#include "frontiers.hpp"
#include "pareto.hpp"

namespace parley::detail {
namespace {

struct BackPointers {
  std::vector<std::size_t> parent;  // index into the previous issue's frontier
  std::vector<std::uint32_t> value;  // this issue's value index
};

}  // namespace

// check_memory in the merge's words: how far it got, and what would make it smaller.
void check_frontier_memory(std::uint64_t bytes, std::uint64_t limit, std::size_t parties, std::size_t issue,
                           std::size_t issue_count, std::uint64_t points) {
  if (bytes <= limit) return;  // the message is built only when it is needed
  check_memory(bytes, limit,
               fmt::format("the Pareto frontier of {} parties over {} issues (past {} candidate points at issue {})",
                           parties, issue_count, points, issue + 1),
               "; analyse fewer parties or a smaller stage");
}

std::vector<ScoredOutcome> issue_merge_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                                std::uint64_t max_memory_bytes, std::uint64_t max_work) {
  const std::size_t k = parties.size(), issue_count = space.issue_count();
  std::uint64_t kept_bytes = 0;  // back-pointers of the issues merged so far
  std::uint64_t work_spent = 0;  // by the filters so far; each gets what is left
  std::vector<double> front(k, 0.0);  // row-major partial sums; first the empty prefix
  std::vector<double> candidates, next;
  std::vector<BackPointers> steps(issue_count);

  for (std::size_t issue = 0; issue < issue_count; ++issue) {
    PointView own{{}, 1, space.radix(issue)};
    for (const CompiledUtility& party : parties) own.columns.push_back(party.issue_table(issue).data());
    const std::vector<std::size_t> values = pareto_front(own);  // ascending value index

    const std::size_t previous = front.size() / k, width = values.size();
    // Candidates (with the filter's index) and the frontier before them, plus the
    // back-pointers so far.
    const std::uint64_t points = saturating_product(previous, width);
    const std::uint64_t bytes =
        saturating_product(points, k * sizeof(double) + sizeof(std::size_t)) + saturating_product(previous, k * sizeof(double)) + kept_bytes;
    check_frontier_memory(bytes, max_memory_bytes, k, issue, issue_count, points);
    candidates.resize(previous * width * k);
    double* out = candidates.data();
    for (std::size_t f = 0; f < previous; ++f)
      for (const std::size_t v : values)
        for (std::size_t j = 0; j < k; ++j) *out++ = front[f * k + j] + own.at(v, j);

    PointView view{{}, k, previous * width, std::max<std::uint64_t>(1, max_work - work_spent), &work_spent};
    for (std::size_t j = 0; j < k; ++j) view.columns.push_back(candidates.data() + j);
    std::vector<std::size_t> kept;
    try {
      kept = pareto_front(view);
    } catch (const FilterWorkExceeded&) {
      throw field_error(std::string(kWorkLimitField),
                  fmt::format("the Pareto frontier of {} parties over {} issues is too large to compute exactly: "
                              "filtering its {} candidate points at issue {} passed the work limit of {} comparisons "
                              "(nearly every point survives among so many parties); analyse fewer parties or a "
                              "smaller stage",
                              k, issue_count, points, issue + 1, max_work), ErrorKind::too_large);
    }

    BackPointers& step = steps[issue];
    step.parent.reserve(kept.size());
    step.value.reserve(kept.size());
    next.clear();
    for (const std::size_t c : kept) {
      step.parent.push_back(c / width);
      step.value.push_back(static_cast<std::uint32_t>(values[c % width]));
      next.insert(next.end(), candidates.begin() + c * k, candidates.begin() + (c + 1) * k);
    }
    front.swap(next);
    kept_bytes += saturating_product(kept.size(), sizeof(std::size_t) + sizeof(std::uint32_t));
  }

  const std::size_t size = front.size() / k;
  const std::uint64_t result_bytes = saturating_product(size, frontier_point_bytes(k, issue_count)) + kept_bytes;
  check_frontier_memory(result_bytes, max_memory_bytes, k, issue_count - 1, issue_count, size);
  std::vector<ScoredOutcome> frontier(size);
  for (std::size_t i = 0; i < size; ++i) {
    ScoredOutcome& scored = frontier[i];
    scored.outcome.resize(issue_count);
    for (std::size_t at = i, issue = issue_count; issue-- > 0;) {
      scored.outcome[issue] = steps[issue].value[at];
      at = steps[issue].parent[at];
    }
    scored.utilities.assign(front.begin() + i * k, front.begin() + (i + 1) * k);
  }
  return frontier;
}

}  // namespace parley::detail
