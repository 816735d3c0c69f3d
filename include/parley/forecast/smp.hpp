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
//   IdealAdjustment   JSON [[adjusting actor, reference actor, rate], ...]; default identity
//   max_turns         **100**
// Stop rule (KTAB): from turn 2 on, stop when Σ_i ‖x_i(t) − x_i(t−1)‖ divided by
// (Σ_i ‖x_i(1) − x_i(0)‖ + 1e-4) is below 0.02 (positions on [0,1]), or at max_turns.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

namespace smp {

enum class VictoryProbModel { linear, square, quartic, octic, binary };
enum class PceModel { conditional, markov_incentive, markov_uniform };
enum class StateTransitions { deterministic, stochastic };
enum class VotingRule { binary, prop_bin, prop, prop_cbc, cubic, asym_prosp };
enum class BigRAdjust { none, one_third, half, two_thirds, full };
enum class BigRRange { min, mid, max };
enum class ThirdPartyCommit { no_commit, semi_commit, full_commit };
enum class InterVecBrgn { s1p1, s2p2, s2pmax };
enum class BargnModel { init_only_interp, init_rcvr_interp, pw_comp_interp };

// KTAB's spelling of each value ("Linear", "MarkovIncentive", "ASymProsp", ...).
const char* to_string(VictoryProbModel value);
const char* to_string(PceModel value);
const char* to_string(StateTransitions value);
const char* to_string(VotingRule value);
const char* to_string(BigRAdjust value);
const char* to_string(BigRRange value);
const char* to_string(ThirdPartyCommit value);
const char* to_string(InterVecBrgn value);
const char* to_string(BargnModel value);

// One KTAB model parameter: its name, its values in KTAB's spelling, and the default.
struct ParameterInfo {
  std::string name;
  std::vector<std::string> values;
  std::string default_value;
};
// The nine KTAB parameters, in KTAB's order.
const std::vector<ParameterInfo>& ktab_parameters();

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

// Which of KTAB's defects to reproduce. All false: parley's corrected model.
struct SmpQuirks {
  // InitRcvrInterp and PWCompInterp: the receiver's bargain uses the receiver's expected
  // utility gain where its estimate of the initiator's victory probability belongs.
  bool receiver_utility_as_probability = false;
  // PWCompInterp: the receiver's bargain is weighted with the initiator's capability.
  bool pwcomp_initiator_capability = false;
  // Third parties weigh joining either side with the same victory probability, so that
  // under NoCommit and FullCommit their votes cancel exactly.
  bool third_party_same_probability = false;
};

struct SmpParameters {
  smp::VictoryProbModel victory = smp::VictoryProbModel::linear;
  smp::PceModel pce = smp::PceModel::conditional;
  smp::StateTransitions transitions = smp::StateTransitions::deterministic;
  smp::VotingRule voting = smp::VotingRule::prop;
  smp::BigRAdjust big_r_adjust = smp::BigRAdjust::one_third;
  smp::BigRRange big_r_range = smp::BigRRange::mid;
  smp::ThirdPartyCommit third_party = smp::ThirdPartyCommit::semi_commit;
  smp::InterVecBrgn interpolation = smp::InterVecBrgn::s2p2;
  smp::BargnModel bargaining = smp::BargnModel::init_only_interp;
  SmpQuirks quirks;  // see ktab_compatible()
  // Ideal accommodation, actor × actor row-major: each turn ideal_i ← Σ_j a_ij x_j +
  // (1 − Σ_j a_ij) ideal_i. Empty = identity (ideals follow positions, KTAB's default).
  // REQUIRES: entries in [0,1], row sums <= 1.
  std::vector<double> accommodation;
  std::uint64_t seed = 0;  // StateTransitions=Stochastic only
  int max_turns = 100;     // KTAB: 100
  bool report_pce = true;  // per-turn probabilities of the distinct positions

  // Sets every quirk to `on`.
  void set_ktab_compatible(bool on);
};

// One turn's probability-of-each-position (KTAB's "pDist"): the distinct positions (within
// 1e-3 on [0,1], Euclidean) on the dimensions' scales, their PCE probabilities and holders.
struct SmpPositionDistribution {
  std::vector<std::vector<double>> positions;
  std::vector<double> probability;
  std::vector<std::vector<std::size_t>> holders;  // actor indices, per position
};

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
// (actor ids for IdealAdjustment). Throws parley::Error (field "model parameter") naming the valid
// parameters or values.
SmpParameters parse_smp_parameters(const ModelParameters& parameters, const ActorTable& table);

class SmpModel : public ForecastModel {
 public:
  std::string name() const override { return "smp"; }
  std::string description() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
};

}  // namespace parley
