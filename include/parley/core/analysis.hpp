#pragma once
// Analysis of an outcome space for a set of parties: the Pareto frontier and the bargaining
// solutions and welfare optima on it.
//
// - Nash bargaining point: argmax Π_i (u_i - d_i) over outcomes with u_i > d_i for all i
//   (Nash 1950), d_i = reservation value.
// - Kalai–Smorodinsky point: the Pareto point maximising min_i (u_i - d_i) / (ideal_i - d_i),
//   ideal_i = the best utility i can get among individually rational outcomes
//   (Kalai & Smorodinsky 1975).
// - Utilitarian optimum: argmax Σ_i u_i. Egalitarian optimum: argmax min_i (u_i - d_i).
// Comparisons with d allow 1e-9 for rounding; exact ties go to the lexicographically smallest
// outcome.
//
// Methods, chosen automatically:
// - enumerated spaces (<= OutcomeSpace::kMaxEnumerable): utilities in flat arrays, then a
//   sort-and-sweep frontier for 2 parties and a sort-filter skyline for k parties;
// - linear-additive spaces too large to enumerate: per-issue partial frontiers merged issue
//   by issue (the frontier of a sum is within the sums of the parts' frontiers);
// - hyper-rectangle spaces: a branch-and-bound search over rectangle intersections. It is
//   exact unless it reaches its node budget (AnalysisOptions::max_search_nodes); then the
//   result says so (exact = false, node_budget_reached) and holds the frontier found so far:
//   mutually undominated outcomes, possibly missing some frontier points, with the solutions
//   computed on it.
// - parties with raw (GENIUS) weights whose cap at 1 can bind: enumerated spaces with
//   rectangles evaluate the capped utilities; otherwise the method above runs on the
//   uncapped sums and its frontier is capped and filtered again (min(1, ·) is monotone, so
//   this is exact). Of several outcomes that the cap makes equal, the representative is
//   then the lexicographically smallest of those on the uncapped frontier.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/limits.hpp"
#include "parley/core/outcome_space.hpp"
#include "parley/core/utility.hpp"

namespace parley {

struct ScoredOutcome {
  Outcome outcome;  // value index per issue of the space
  std::vector<double> utilities;  // one per party
};

// How the frontier was computed (see above).
enum class AnalysisMethod : std::uint8_t { enumerated, issue_merge, rectangle_search };
// "enumerated", "issue-merge" or "rectangle-search" (the words the CLI and JSON print).
const char* to_string(AnalysisMethod method);

// The rectangle search's default node budget. A node costs a few microseconds on the ANAC
// 2014 domains, so this is tens of seconds; the GENIUS/ANAC rectangle domains need at most
// ~0.4 million nodes.
inline constexpr std::uint64_t kDefaultMaxSearchNodes = 10'000'000;

// See AnalysisOptions::max_work.
inline constexpr std::uint64_t kDefaultMaxAnalysisWork = 250'000'000;


struct AnalysisOptions {
  // Nodes the rectangle search may visit before it stops with the frontier found so far.
  // REQUIRES: >= 1. Other methods ignore it.
  std::uint64_t max_search_nodes = kDefaultMaxSearchNodes;
  // Memory the frontier may take (core/limits.hpp). Enumeration that would pass it gives way
  // to the rectangle search; an issue-merge or rectangle frontier that grows past it stops
  // analyze() with ErrorKind::too_large (a frontier of many parties can grow exponentially
  // with the issues: 30 parties over 364 issues is beyond any machine).
  std::uint64_t max_memory_bytes = kDefaultMemoryLimit;
  // Work (row comparisons) the Pareto filters among 4 or more parties may do in all. Their
  // cost grows with the points that survive, and among many parties nearly all do (27
  // parties over six 11-valued issues: 2·10^9, 18 s), so the issue merge and enumeration
  // stop analyze() as too_large past it. The default is about 2.5 s of filtering (10^8 per
  // second here); the flagship's largest stage needs 10^7.
  std::uint64_t max_work = kDefaultMaxAnalysisWork;
};

struct Analysis {
  std::vector<ScoredOutcome> pareto;  // sorted by the first party's utility, descending
  std::optional<ScoredOutcome> nash;  // none when no outcome beats every reservation value
  std::optional<ScoredOutcome> kalai_smorodinsky;
  std::optional<ScoredOutcome> utilitarian;
  std::optional<ScoredOutcome> egalitarian;
  std::vector<double> disagreement;  // reservation values
  std::vector<double> ideal;  // best individually rational utility per party; empty if none is
  AnalysisMethod method = AnalysisMethod::enumerated;
  // True when `pareto` is the whole frontier (one outcome per distinct utility vector), so
  // the solutions are the true ones. False only when the rectangle search hit its budget.
  bool exact = true;
  bool node_budget_reached = false;  // the rectangle search stopped at max_search_nodes
  std::uint64_t search_nodes = 0;  // nodes the rectangle search visited (0 for other methods)
};

// REQUIRES: every utility compiled for `space`; at least one party.
// Throws parley::Error (too_large) when the frontier needs more than options.max_memory_bytes.
Analysis analyze(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                 const AnalysisOptions& options = {});

// Euclidean distances in utility space from a point to each solution (NaN where a solution
// does not exist) and to the nearest Pareto point.
struct Distances {
  double pareto = 0;
  double nash = 0;
  double kalai_smorodinsky = 0;
  double utilitarian = 0;
  double egalitarian = 0;
};
Distances distances(const Analysis& analysis, std::span<const double> utilities);

// Pareto frontier of points given as a flat row-major array (count × parties). Returns the
// indices of the undominated points in ascending order; duplicates of a frontier point are
// kept once (the smallest index).
std::vector<std::size_t> pareto_indices(std::span<const double> points, std::size_t parties);

}  // namespace parley
