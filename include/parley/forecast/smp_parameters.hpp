#pragma once
// SMP's parameters as a typed value: KTAB's nine model parameters (its spellings through
// to_string / ktab_parameters), the KTAB defects parley can reproduce, and parley's extras.
// Kept apart from smp.hpp so that Forecast::details (details.hpp) can hold the parameters an
// SMP run used. The parameters, their defaults and their sources: smp.hpp, docs/models-smp.md.

#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace parley
