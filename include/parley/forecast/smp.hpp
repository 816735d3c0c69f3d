#pragma once
// SMP — the Spatial Model of Politics of KAPSARC's Toolkit for Behavioral Analysis (KTAB).
//
// Sources: B. P. Wise, "Markov Voting with Incentives in KTAB" (KTAB/kmodel/doc/
// markov-incentives.tex), KTAB's SMP tutorial (web/tutorial/SMPTutorial.md) and KTAB's SMP
// library (examples/smp/libsrc), github.com/KAPSARC/KTAB, MIT licence. Equations, every
// parameter and where parley departs from KTAB: docs/models-smp.md.
//
// Each turn every actor picks the rival it most profits from challenging, the two interpolate
// a bargain, and every actor then adopts the most probable bargain in its own queue (its
// status quo included). Utilities are salience-weighted Euclidean distances from an actor's
// ideal, curved by a risk attitude inferred from how likely the actor's position is to win.
//
// Parameters (KTAB name: values, **default**):
//   VictoryProbModel  **Linear** | Square | Quartic | Octic | Binary
//   PCEModel          **Conditional** | MarkovIncentive | MarkovUniform
//   StateTransitions  **Deterministic** | Stochastic
//   VotingRule        Binary | PropBin | **Prop** | PropCbc | Cubic | ASymProsp
//   BigRAdjust        None | **OneThird** | Half | TwoThirds | Full
//   BigRRange         Min | **Mid** | Max
//   ThirdPartyCommit  NoCommit | **SemiCommit** | FullCommit
//   InterVecBrgn      S1P1 | **S2P2** | S2PMax
//   BargnModel        **InitOnlyInterp** | InitRcvrInterp | PWCompInterp
// parley's own (ModelParameters names):
//   ktab_compatible   true | **false**: reproduce KTAB's recorded runs, defects included
//   ktab_receiver_utility_quirk, ktab_pwcomp_capability_quirk, ktab_third_party_quirk:
//                     true | false, default = ktab_compatible; one KTAB defect each
//   IdealAdjustment   [[adjusting actor, reference actor, rate], ...] in JSON array notation,
//                     e.g. [["us", "ru", 0.25], ["us", "us", 0.75]] (ids double-quoted with
//                     JSON's escapes except \u, rates JSON numbers in [0,1], each actor's
//                     rates summing to at most 1); default identity
//   max_turns         **100**
// Stop rule (KTAB): from turn 2 on, stop when Σ_i ‖x_i(t) − x_i(t−1)‖ divided by
// (Σ_i ‖x_i(1) − x_i(0)‖ + 1e-4) is below 0.02 (positions on [0,1]), or at max_turns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"
#include "parley/forecast/smp_parameters.hpp"

namespace parley {

namespace smp {

// Vote of an actor with weight w between options it values ui and uj (KTAB Model::vote):
// positive for i, negative for j. ASymProsp counts a preference for j fully and one for i at
// two thirds; which option is "i" is the caller's convention (see docs/models-smp.md).
double vote(VotingRule rule, double weight, double ui, double uj);

// Probability that option i (coalition strength s1) beats option j (strength s2); the pair
// sums to 1. Binary: a 10 % advantage wins outright, linear in between.
double victory_probability(VictoryProbModel model, double s1, double s2);

// PCE: the probability of each of m options being the outcome, from the m×m row-major
// coalition matrix c (c[i*m+j] = strength of the coalition for i against j, >= 0; the
// diagonal is ignored by Conditional and MarkovUniform). Conditional = product of pairwise
// victory probabilities, normalised; MarkovUniform / MarkovIncentive = stationary
// distribution of the challenge process with uniform / incentive-weighted challengers
// (Wise, eqs. 8–16, with the averaging step of eq. 17).
std::vector<double> pce_probabilities(PceModel pce, VictoryProbModel victory, const std::vector<double>& coalitions);

}  // namespace smp

// SmpPositionDistribution (one turn's probability of each position): details.hpp.

struct SmpResult {
  // Per turn (turn 0 = the input), actor × dimension row-major, on the dimensions' scales.
  std::vector<std::vector<double>> positions;
  std::vector<std::vector<double>> ideals;
  std::vector<SmpPositionDistribution> distributions;  // per turn; empty unless report_pce
  std::string stop_reason;
  bool converged = false;  // stopped by the change criterion, not by max_turns
  std::vector<std::string> notes;  // e.g. saliences rescaled
  std::size_t turns() const { return positions.empty() ? 0 : positions.size() - 1; }
};

// Runs SMP on `table`. Positions are mapped from [lower, upper] to [0,1] per dimension.
// Deterministic for given parameters (and seed, for Stochastic). Throws std::invalid_argument
// on tables it cannot run (fewer than two actors, no dimension, capability <= 0, negative
// salience, bad accommodation matrix).
SmpResult run_smp(const ActorTable& table, const SmpParameters& parameters);

// Parses ModelParameters (KTAB names and values, parley's extras above) against `table`
// (actor ids for IdealAdjustment). Throws parley::Error with field "model parameter" naming
// the valid parameters or values.
SmpParameters parse_smp_parameters(const ModelParameters& parameters, const ActorTable& table);

class SmpModel : public ForecastModel {
 public:
  std::string name() const override { return "smp"; }
  std::string description() const override;
  std::vector<ParamSpec> parameter_specs() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
  std::uint64_t work_estimate(const ActorTable& table, const ModelParameters& parameters) const override;
};

}  // namespace parley
