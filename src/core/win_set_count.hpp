#pragma once
// Internal to the win-set unit (and an internal test header, scripts/check-layers.sh): the
// three ways win_set() counts, callable one by one so tests can check each against the
// others (the issue-by-issue count against enumeration, the estimate against both).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parley/core/win_set.hpp"

namespace parley::detail {

// The sizes win_set() reports (WinSet's fields of the same names).
struct WinSetCounts {
  OutcomeCount size;
  OutcomeCount table;
  std::vector<OutcomeCount> acceptance;
  std::vector<OutcomeCount> without;
};

enum class CountMethod : std::uint8_t {
  automatic,       // what win_set() does (win_set.hpp)
  enumerate,       // score every outcome. REQUIRES: space.enumerable()
  issue_by_issue,  // the exact count over partial utility vectors, else (bound reached) sample.
                   // REQUIRES: every party additive (no rectangles)
  sample,          // estimate from options.samples draws
};

// REQUIRES: as win_set().
WinSetCounts win_set_counts(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier,
                            const OutcomeSpace& space, const WinSetOptions& options,
                            CountMethod method = CountMethod::automatic);

// The outcomes of `space` that every party listed in `subset` accepts, counted issue by issue;
// none when more than `max_states` partial vectors (or 2^25 stored utilities) would be kept.
// REQUIRES: every party in `subset` additive (no rectangles).
std::optional<double> count_accepting(std::span<const CompiledUtility> parties, std::span<const std::size_t> subset,
                                      const OutcomeSpace& space, std::uint64_t max_states);

}  // namespace parley::detail
