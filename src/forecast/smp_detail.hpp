#pragma once
// Internal building blocks of SMP (smp.hpp), shared by the smp_*.cpp units. Flat row-major
// arrays throughout; callers own the buffers so that turns allocate nothing in their loops.
// The arithmetic follows KTAB's operation order where the result feeds a rounding or an
// argmax, so that the KTAB-compatible mode reproduces KTAB's runs to the last digit.

#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "parley/forecast/smp.hpp"

namespace parley::smp::detail {

// ---- votes -----------------------------------------------------------------------------------
template <VotingRule R>
inline double vote_as(double w, double ui, double uj) {
  const double du = ui - uj;
  if constexpr (R == VotingRule::prop) {
    return w * du;
  } else if constexpr (R == VotingRule::binary) {
    double b = du / 1e-8;
    b = b > 1 ? 1 : b;
    b = b < -1 ? -1 : b;
    return w * b;
  } else if constexpr (R == VotingRule::prop_bin) {
    double b = du / 1e-8;
    b = b > 1 ? 1 : b;
    b = b < -1 ? -1 : b;
    return w * ((1 - 0.2) * du + 0.2 * b);
  } else if constexpr (R == VotingRule::prop_cbc) {
    return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
  } else if constexpr (R == VotingRule::cubic) {
    return w * (du * du * du);
  } else {
    if (du < 0.0) return w * du;
    if (0.0 < du) return (2.0 * w * du) / 3.0;
    return 0.0;
  }
}

// Calls f(std::integral_constant<VotingRule, rule>{}) so loops get a rule fixed at compile time.
template <class F>
decltype(auto) with_rule(VotingRule rule, F&& f) {
  switch (rule) {
    case VotingRule::binary: return f(std::integral_constant<VotingRule, VotingRule::binary>{});
    case VotingRule::prop_bin: return f(std::integral_constant<VotingRule, VotingRule::prop_bin>{});
    case VotingRule::prop_cbc: return f(std::integral_constant<VotingRule, VotingRule::prop_cbc>{});
    case VotingRule::cubic: return f(std::integral_constant<VotingRule, VotingRule::cubic>{});
    case VotingRule::asym_prosp: return f(std::integral_constant<VotingRule, VotingRule::asym_prosp>{});
    case VotingRule::prop: break;
  }
  return f(std::integral_constant<VotingRule, VotingRule::prop>{});
}

// ---- coalitions and PCE ----------------------------------------------------------------------
inline constexpr double kMinCoalition = 1e-8;  // KTAB Model::coalitions

// c[i*m+j] = strength of the coalition for option i against option j: for each pair j < i
// the votes v_k(i:j) = vote(w_k, u_ki, u_kj) of every voter k go to i when positive and to j
// when negative (KTAB evaluates each pair once, with the higher index first). utility_t is
// option-major: utility_t[i*voters + k] = u_ki.
template <VotingRule R>
void coalitions_as(const double* weight, const double* utility_t, std::size_t voters, std::size_t m, double* c) {
  for (std::size_t i = 0; i < m; ++i) {
    const double* ui = utility_t + i * voters;
    for (std::size_t j = 0; j < i; ++j) {
      const double* uj = utility_t + j * voters;
      double cij = kMinCoalition;
      double cji = kMinCoalition;
      for (std::size_t k = 0; k < voters; ++k) {
        const double v = vote_as<R>(weight[k], ui[k], uj[k]);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i * m + j] = cij;
      c[j * m + i] = cji;
    }
    c[i * m + i] = kMinCoalition;
  }
}

inline void coalitions(VotingRule rule, const double* weight, const double* utility_t, std::size_t voters,
                       std::size_t m, double* c) {
  with_rule(rule, [&](auto r) { coalitions_as<decltype(r)::value>(weight, utility_t, voters, m, c); });
}

struct PceWorkspace {
  std::vector<double> victory, challenge, q;
};

// Both victory probabilities of one pair from the same powers (KTAB Model::vProb).
void victory_pair(VictoryProbModel model, double s1, double s2, double& p1, double& p2);

// v[i*m+j] = P(i beats j) from the coalition matrix; diagonal 1/2.
void victory_matrix(VictoryProbModel model, const double* c, std::size_t m, double* v);

// Probability of each option (p has m entries). Throws std::runtime_error if a Markov
// iteration fails to converge in 1000 steps (KTAB's limit).
void pce(PceModel pce, VictoryProbModel victory, const double* c, std::size_t m, double* p, PceWorkspace& work);

// ---- risk attitudes and utilities --------------------------------------------------------------
// KTAB Model::bigRfromProb: risk attitudes from the probabilities of the actors' positions.
void big_r_from_probability(BigRRange range, const double* p, std::size_t n, double* r);

// h's estimate of i's risk attitude (KTAB Model::estNRA).
inline double estimated_risk(BigRAdjust adjust, double rh, double ri) {
  switch (adjust) {
    case BigRAdjust::full: return ri;
    case BigRAdjust::two_thirds: return (rh + (2.0 * ri)) / 3.0;
    case BigRAdjust::half: return (rh + ri) / 2;
    case BigRAdjust::one_third: return ((2.0 * rh) + ri) / 3.0;
    case BigRAdjust::none: break;
  }
  return rh;
}

// Utility of a position at salience-weighted distance sd for risk attitude r (KTAB bsUtil).
inline double distance_utility(double sd, double r) {
  if (sd <= 1) return (1 - sd) * (1 + sd * r);
  return (1 - sd) * (1 + r);
}

// sqrt(Σ_k (s_k (a_k − b_k))² / Σ_k s_k²) (KTAB bvDiff). 0 when every salience is 0.
inline double weighted_distance(const double* a, const double* b, const double* s, std::size_t dims) {
  double ds_sq = 0;
  double s_sq = 0;
  for (std::size_t k = 0; k < dims; ++k) {
    const double ds = (a[k] - b[k]) * s[k];
    ds_sq = ds_sq + (ds * ds);
    s_sq = s_sq + (s[k] * s[k]);
  }
  if (!(s_sq > 0)) return 0;
  return std::sqrt(ds_sq / s_sq);
}

// ---- bargains ----------------------------------------------------------------------------------
// Interpolated bargain of initiator i (position ti, saliences si) and receiver j on each
// dimension, given the victory probabilities pi = P(i wins) and pj = P(j wins) (KTAB
// SMPActor::interpolateBrgn). bi/bj: what i and j are to adopt.
void interpolate_bargain(InterVecBrgn rule, const double* ti, const double* si, double pi, const double* tj,
                         const double* sj, double pj, std::size_t dims, double* bi, double* bj);

// The vote of third party n with weight wn on the contest i:j (KTAB Actor::vProbLittle and
// Actor::thirdPartyVoteSU): ci, cj are the principals' coalitions, uni/unj/unn n's utilities
// of i's, j's and its own position.
template <VotingRule R>
inline double third_party_vote(ThirdPartyCommit commit, bool same_probability, double wn, double uni, double unj,
                               double unn, double ci, double cj) {
  const double vn = vote_as<R>(wn, uni, unj);
  double p_ik_j = 0;  // P(i wins | n joins i)
  double p_i_jk = 0;  // P(i wins | n joins j)
  if (same_probability) {
    const double cni = (vn > 0) ? ci + vn : ci;
    const double cnj = (vn < 0) ? cj - vn : cj;
    p_ik_j = cni / (cni + cnj);
    p_i_jk = p_ik_j;
  } else {
    const double strength = std::fabs(vn);
    p_ik_j = (ci + strength) / (ci + cj + strength);
    p_i_jk = ci / (ci + cj + strength);
  }
  const double p_j_ik = 1.0 - p_ik_j;
  const double p_jk_i = 1.0 - p_i_jk;
  double u_ik_def_j = 0, u_j_def_ik = 0, u_i_def_jk = 0, u_jk_def_i = 0;
  switch (commit) {
    case ThirdPartyCommit::full_commit:
      u_ik_def_j = uni + uni + uni;
      u_j_def_ik = unj + unj + unj;
      u_i_def_jk = uni + uni + uni;
      u_jk_def_i = unj + unj + unj;
      break;
    case ThirdPartyCommit::semi_commit:
      u_ik_def_j = uni + uni + unn;
      u_j_def_ik = unj + unj + unj;
      u_i_def_jk = uni + uni + uni;
      u_jk_def_i = unj + unj + unn;
      break;
    case ThirdPartyCommit::no_commit:
      u_ik_def_j = uni + uni + unn;
      u_j_def_ik = unj + unj + unn;
      u_i_def_jk = uni + uni + unn;
      u_jk_def_i = unj + unj + unn;
      break;
  }
  const double u_ik_j = (p_ik_j * u_ik_def_j) + (p_j_ik * u_j_def_ik);
  const double u_i_jk = (p_i_jk * u_i_def_jk) + (p_jk_i * u_jk_def_i);
  return vote_as<R>(wn, u_ik_j, u_i_jk);
}

}  // namespace parley::smp::detail
