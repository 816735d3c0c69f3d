#pragma once
// Words for win-sets (core/win_set.hpp) shared by the analysis narrative and the negotiation
// report: counts, shares and why an empty win-set is empty.

#include <string>
#include <vector>

#include <fmt/format.h>

#include "parley/core/scenario.hpp"
#include "parley/core/win_set.hpp"

namespace parley::win_set_text {

// Issues named per blocker: where its loss is largest.
inline constexpr std::size_t kBlockerIssues = 3;

inline std::string percent(double share) {
  const double p = 100 * share;
  if (p == 0) return "0%";
  if (p < 1) return fmt::format("{:.2g}%", p);
  if (p < 100 && fmt::format("{:.1f}", p) == "100.0") return ">99.9%";  // not all
  return fmt::format("{:.1f}%", p);
}

// An estimate no draw fell in, raised to the frontier points known inside (win_set.hpp).
inline bool lower_bound(const OutcomeCount& count) {
  return !count.exact && count.standard_error == 0 && count.share > 0 && count.share < 1;
}

// "12345", or for an estimate "≈1.23e+12" (">=29" for a lower bound).
inline std::string number_text(const OutcomeCount& count) {
  if (lower_bound(count)) return fmt::format(">={:.3g}", count.count);
  if (!count.exact) return fmt::format("≈{:.3g}", count.count);
  return count.count < 1e15 ? fmt::format("{:.0f}", count.count) : fmt::format("{:.3g}", count.count);
}

// "(0.70%)", or for an estimate "(0.35% ± 0.01%)".
inline std::string share_text(const OutcomeCount& count) {
  if (lower_bound(count)) return "(too rare for any draw to fall inside: the frontier's outcomes)";
  if (!count.exact) return fmt::format("({} ± {})", percent(count.share), percent(count.standard_error));
  return fmt::format("({})", percent(count.share));
}

inline std::string count_text(const OutcomeCount& count) { return number_text(count) + " " + share_text(count); }


// "ua's veto alone empties it: its best outcome among those the others accept gives it 0.31 <
// its reservation 0.35; it loses most on territory (0.120), guarantees (0.080)".
inline std::string blocker_text(const Scenario& scenario, const OutcomeSpace& space,
                                const std::vector<std::string>& party_ids, const std::vector<double>& reservations,
                                const WinSetBlocker& blocker) {
  std::vector<std::string> issues;
  for (std::size_t i = 0; i < blocker.issues.size() && i < kBlockerIssues; ++i)
    issues.push_back(fmt::format("{} ({:.3f})", scenario.issues[space.scenario_issue(blocker.issues[i])].id, blocker.losses[i]));
  return fmt::format("{}'s veto alone empties it: its best outcome among those the others accept gives it {:.3f} < "
                     "its reservation {:.3f}{}",
                     party_ids[blocker.party], blocker.best_for_it.utilities[blocker.party], reservations[blocker.party],
                     issues.empty() ? std::string() : fmt::format("; it loses most on {}", fmt::join(issues, ", ")));
}

}  // namespace parley::win_set_text
