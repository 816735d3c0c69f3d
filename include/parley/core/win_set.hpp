#pragma once
// Win-sets of two-level games (Putnam 1988, "Diplomacy and Domestic Politics: The Logic of
// Two-Level Games", International Organization 42(3)): the outcomes of a stage that every
// party at the table and every ratifier outside it would accept. An agreement outside the
// win-set is vetoed; agreement is possible only where the parties' win-sets overlap.
//
// Acceptance is the reservation rule of the staged runner's ratification (staged.hpp, step
// 5): party i accepts outcome o iff u_i(o) >= d_i, d_i its reservation value. (A ratifier
// with an explicit strategy votes with it in a run; the win-set uses the reservation rule.)
// The comparison is exact, as the vote's: utilities are summed issue by issue in the order of
// CompiledUtility::operator() on every path below, so they are bit-identical to the vote's,
// and no tolerance is needed to make the paths agree. (The analysis allows 1e-9 below d for
// its ideal point; an outcome within 1e-9 below d is individually rational there and outside
// the win-set here, as the vote would veto it.) Raw-weight utilities capped at 1 accept
// exactly when their uncapped sum does (d <= 1), so they are counted as additive ones.
//
// Sizes are counted, never sampled, where possible:
// - enumerable spaces: every outcome is scored (one pass over flat utility tables);
// - linear-additive utilities over larger spaces: an exact count issue by issue over the
//   distinct partial utility vectors, dropping a vector as soon as no completion can be
//   accepted and counting all its completions at once as soon as every completion is
//   (WinSetOptions::max_states bounds the vectors kept);
// - otherwise (rectangle utilities, or the bound reached): an estimate from
//   WinSetOptions::samples uniform outcomes drawn with a fixed seed, with its standard error.
//   All sizes are then estimated from the same draws, so they stay consistent (size <= table).
//   An estimate below the number of frontier points known to be in its set (no draw fell in
//   a rare set) is raised to that number, a lower bound: a set is never called empty while
//   the frontier shows outcomes in it.
//   Rectangle utilities over an enumerable space are enumerated when that scores no more
//   outcomes than sampling would.
// Partial vectors are pruned and completed with a margin of 1e-9 (far above the rounding of
// a sum of issue terms), and every comparison left in the margin is made exactly at the end.
//
// Points inside the win-set come from the analysis's Pareto frontier: every accepted outcome
// is weakly dominated by a frontier point, which is then accepted too, so each party's best
// accepted outcome and the Nash, Kalai–Smorodinsky and utilitarian points among accepted
// outcomes are frontier points. They are as exact as the analysis (Analysis::exact).
// Ties go to the lexicographically smallest outcome, as in the analysis. The Nash point admits
// the analysis's outcomes (every u_i > d_i + 1e-9, all of them accepted), so it is always the
// analysis's Nash point; Kalai–Smorodinsky takes a share of 1 for a party whose best accepted
// utility is within 1e-9 of d_i, as the analysis does.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/core/outcome_space.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/utility.hpp"

namespace parley {

// How many outcomes of a space a set holds.
struct OutcomeCount {
  // The number of outcomes: an integer below 2^53 when exact, else the nearest double.
  double count = 0;
  double share = 0;  // count / the space's size, in [0, 1]
  bool exact = true;  // false: estimated by sampling
  double standard_error = 0;  // of `share` when estimated (0 when exact)
  bool empty() const { return exact ? count == 0 : share == 0; }
};

struct WinSetOptions {
  std::uint64_t max_states = 4'000'000;  // partial utility vectors the exact count may keep
  std::uint64_t samples = 1'000'000;  // outcomes drawn when counting exactly is not possible
  std::uint64_t seed = 0;  // of those draws
};

// Why a win-set is empty, for one ratifier whose veto alone empties it.
struct WinSetBlocker {
  std::size_t party = 0;  // index into the analysed parties
  // The ratifier's best utility among the outcomes every other party accepts (below its
  // reservation, hence the empty win-set), and that outcome.
  ScoredOutcome best_for_it;
  // Issues of the space where that outcome costs the ratifier most, by lost weighted value
  // (its best value's on the issue minus the outcome's: w_k · (1 − v_k) when its best value
  // is worth 1), largest first; only issues with a loss (empty for rectangle utilities).
  std::vector<std::size_t> issues;
  std::vector<double> losses;  // per entry of `issues`
};

struct WinSet {
  std::vector<bool> ratifier;  // per party: a ratifier (true) or at the table (false)
  OutcomeCount size;  // outcomes every party accepts
  OutcomeCount table;  // outcomes every party at the table accepts (ratification ignored)
  std::vector<OutcomeCount> acceptance;  // per party: the outcomes it accepts, alone
  // Per party: the win-set without this party's consent (every other party accepts); for a
  // ratifier, size − this is how much its veto shrinks the win-set.
  std::vector<OutcomeCount> without;
  // Per party: its best outcome inside the win-set (none when the win-set is empty).
  std::vector<std::optional<ScoredOutcome>> best;
  // Inside the win-set: argmax Π (u_i − d_i) over outcomes with every u_i > d_i; the
  // frontier point maximising min_i (u_i − d_i)/(best_i − d_i); argmax Σ u_i.
  std::optional<ScoredOutcome> nash;
  std::optional<ScoredOutcome> kalai_smorodinsky;
  std::optional<ScoredOutcome> utilitarian;
  // When the win-set is empty though the table's is not: each ratifier whose veto alone
  // empties it (its `without` is not empty). Empty when it takes several ratifiers together.
  std::vector<WinSetBlocker> blockers;

  bool empty() const { return size.empty(); }
};

// The win-set of `parties` over `space`. `ratifier[i]` says whether party i ratifies (true)
// or sits at the table; `analysis` is analyze(parties, space).
// REQUIRES: parties.size() == ratifier.size() >= 1; every utility compiled for `space`.
WinSet win_set(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier, const OutcomeSpace& space,
               const Analysis& analysis, const WinSetOptions& options = {});

// Per party of `parties` (actor indices): whether it ratifies stage `stage` from outside the
// table, i.e. is in the stage's `ratify` list and not a member of its channel. A stage without
// a channel seats every actor at the table, so it has no ratifiers outside it.
// REQUIRES: stage < scenario.stages.size(); every party a valid actor index.
std::vector<bool> stage_ratifiers(const Scenario& scenario, std::size_t stage, const std::vector<std::size_t>& parties);

}  // namespace parley
