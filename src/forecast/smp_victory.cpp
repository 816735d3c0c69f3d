// SMP votes, victory probabilities and risk attitudes (KTAB kmodel.cpp: Model::vote,
// Model::vProb, Model::bigRfromProb), and the names of every parameter value.

#include <stdexcept>

#include "smp_detail.hpp"

namespace parley::smp {

const char* to_string(VictoryProbModel value) {
  switch (value) {
    case VictoryProbModel::linear: return "Linear";
    case VictoryProbModel::square: return "Square";
    case VictoryProbModel::quartic: return "Quartic";
    case VictoryProbModel::octic: return "Octic";
    case VictoryProbModel::binary: return "Binary";
  }
  return "?";
}
const char* to_string(PceModel value) {
  switch (value) {
    case PceModel::conditional: return "Conditional";
    case PceModel::markov_incentive: return "MarkovIncentive";
    case PceModel::markov_uniform: return "MarkovUniform";
  }
  return "?";
}
const char* to_string(StateTransitions value) {
  return value == StateTransitions::stochastic ? "Stochastic" : "Deterministic";
}
const char* to_string(VotingRule value) {
  switch (value) {
    case VotingRule::binary: return "Binary";
    case VotingRule::prop_bin: return "PropBin";
    case VotingRule::prop: return "Prop";
    case VotingRule::prop_cbc: return "PropCbc";
    case VotingRule::cubic: return "Cubic";
    case VotingRule::asym_prosp: return "ASymProsp";
  }
  return "?";
}
const char* to_string(BigRAdjust value) {
  switch (value) {
    case BigRAdjust::none: return "None";
    case BigRAdjust::one_third: return "OneThird";
    case BigRAdjust::half: return "Half";
    case BigRAdjust::two_thirds: return "TwoThirds";
    case BigRAdjust::full: return "Full";
  }
  return "?";
}
const char* to_string(BigRRange value) {
  switch (value) {
    case BigRRange::min: return "Min";
    case BigRRange::mid: return "Mid";
    case BigRRange::max: return "Max";
  }
  return "?";
}
const char* to_string(ThirdPartyCommit value) {
  switch (value) {
    case ThirdPartyCommit::no_commit: return "NoCommit";
    case ThirdPartyCommit::semi_commit: return "SemiCommit";
    case ThirdPartyCommit::full_commit: return "FullCommit";
  }
  return "?";
}
const char* to_string(InterVecBrgn value) {
  switch (value) {
    case InterVecBrgn::s1p1: return "S1P1";
    case InterVecBrgn::s2p2: return "S2P2";
    case InterVecBrgn::s2pmax: return "S2PMax";
  }
  return "?";
}
const char* to_string(BargnModel value) {
  switch (value) {
    case BargnModel::init_only_interp: return "InitOnlyInterp";
    case BargnModel::init_rcvr_interp: return "InitRcvrInterp";
    case BargnModel::pw_comp_interp: return "PWCompInterp";
  }
  return "?";
}

const std::vector<ParameterInfo>& ktab_parameters() {
  static const std::vector<ParameterInfo> parameters = {
      {"VictoryProbModel", {"Linear", "Square", "Quartic", "Octic", "Binary"}, "Linear"},
      {"PCEModel", {"Conditional", "MarkovIncentive", "MarkovUniform"}, "Conditional"},
      {"StateTransitions", {"Deterministic", "Stochastic"}, "Deterministic"},
      {"VotingRule", {"Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"}, "Prop"},
      {"BigRAdjust", {"None", "OneThird", "Half", "TwoThirds", "Full"}, "OneThird"},
      {"BigRRange", {"Min", "Mid", "Max"}, "Mid"},
      {"ThirdPartyCommit", {"NoCommit", "SemiCommit", "FullCommit"}, "SemiCommit"},
      {"InterVecBrgn", {"S1P1", "S2P2", "S2PMax"}, "S2P2"},
      {"BargnModel", {"InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"}, "InitOnlyInterp"},
  };
  return parameters;
}

double vote(VotingRule rule, double weight, double ui, double uj) {
  return detail::with_rule(rule, [&](auto r) { return detail::vote_as<decltype(r)::value>(weight, ui, uj); });
}

double victory_probability(VictoryProbModel model, double s1, double s2) {
  double p1 = 0;
  double p2 = 0;
  detail::victory_pair(model, s1, s2, p1, p2);
  return p1;
}

}  // namespace parley::smp

namespace parley::smp::detail {

void victory_pair(VictoryProbModel model, double s1, double s2, double& p1, double& p2) {
  double x1 = 0;
  double x2 = 0;
  switch (model) {
    case VictoryProbModel::linear:
      x1 = s1;
      x2 = s2;
      break;
    case VictoryProbModel::square:
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case VictoryProbModel::quartic:
      x1 = s1 * s1 * s1 * s1;
      x2 = s2 * s2 * s2 * s2;
      break;
    case VictoryProbModel::octic: {
      const double q1 = s1 * s1 * s1 * s1;
      const double q2 = s2 * s2 * s2 * s2;
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case VictoryProbModel::binary: {
      // A 10 % advantage wins outright; linear interpolation in between (KTAB).
      constexpr double kThreshold = 1.10;
      constexpr double kMin = 1e-6;
      if (s1 >= kThreshold * s2) {
        x1 = 1.0;
        x2 = kMin;
      } else if (s2 >= kThreshold * s1) {
        x1 = kMin;
        x2 = 1.0;
      } else {
        const double r12 = s1 / (s1 + s2);
        const double p12 = (r12 * (kThreshold + 1.0) - 1.0) / (kThreshold - 1.0);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  p1 = x1 / (x1 + x2);
  p2 = x2 / (x1 + x2);
}

void victory_matrix(VictoryProbModel model, const double* c, std::size_t m, double* v) {
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const double cij = c[i * m + j];
      const double cji = c[j * m + i];
      if (cij < 0 || cji < 0 || (cij <= 0 && cji <= 0))
        throw std::invalid_argument("SMP: coalition strengths must be >= 0 and not both 0");
      victory_pair(model, cij, cji, v[i * m + j], v[j * m + i]);
    }
    v[i * m + i] = 0.5;
  }
}

void big_r_from_probability(BigRRange range, const double* p, std::size_t n, double* r) {
  double p_min = 1.0;
  double p_max = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    p_min = (p[i] < p_min) ? p[i] : p_min;
    p_max = (p[i] > p_max) ? p[i] : p_max;
  }
  if (!(p_max > p_min)) {  // every position equally likely: KTAB divides by zero; risk-neutral
    for (std::size_t i = 0; i < n; ++i) r[i] = 0;
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    switch (range) {
      case BigRRange::min: r[i] = (p[i] - p_min) / (p_max - p_min); break;
      case BigRRange::mid: r[i] = (3 * p[i] - (p_max + 2 * p_min)) / (2 * (p_max - p_min)); break;
      case BigRRange::max: r[i] = (2 * p[i] - (p_max + p_min)) / (p_max - p_min); break;
    }
  }
}

}  // namespace parley::smp::detail
