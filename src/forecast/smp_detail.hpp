#pragma once
// Internal building blocks of SMP (smp.hpp), shared by the smp_*.cpp units. Flat row-major
// arrays throughout; callers own the buffers so that turns allocate nothing in their loops.
// The arithmetic follows KTAB's operation order where the result feeds a rounding or an
// argmax, so that the KTAB-compatible mode reproduces KTAB's runs to the last digit.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "parley/forecast/smp.hpp"

namespace parley::smp::detail {

// ---- votes -----------------------------------------------------------------------------------
// Branch-free (min/max instead of conditionals) so that loops over voters vectorise; each
// form is bit-identical to KTAB's conditional one.
template <VotingRule R>
inline double vote_as(double w, double ui, double uj) {
  const double du = ui - uj;
  if constexpr (R == VotingRule::prop) {
    return w * du;
  } else if constexpr (R == VotingRule::binary) {
    return w * std::max(-1.0, std::min(1.0, du / 1e-8));
  } else if constexpr (R == VotingRule::prop_bin) {
    return w * ((1 - 0.2) * du + 0.2 * std::max(-1.0, std::min(1.0, du / 1e-8)));
  } else if constexpr (R == VotingRule::prop_cbc) {
    return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
  } else if constexpr (R == VotingRule::cubic) {
    return w * (du * du * du);
  } else {  // ASymProsp: w·du for a loss, (2 w du)/3 for a gain
    return w * std::min(du, 0.0) + (2.0 * w * std::max(du, 0.0)) / 3.0;
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

// Probability of each option (p has m entries). The Markov iterations stop after 1000 steps
// (KTAB's limit) if they have not converged.
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
// Branch-free: min(sd, 1)·r equals KTAB's sd·r for sd <= 1 and r beyond (round-off can push
// sd slightly above 1).
inline double distance_utility(double sd, double r) { return (1 - sd) * (1 + std::min(sd, 1.0) * r); }

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

// What a third party n gets in each outcome of the contest i:j, depending on how firmly it
// commits to the side it joins (KTAB Actor::thirdPartyVoteSU). Each is the sum of three
// position utilities — j's and n's, and i's — written as a·u_ni + b·u_nn (or u_nj), which is
// bit-identical to KTAB's sums.
struct Commitment {
  double win_a, win_b;    // n joined the winner: a·u(winner) + b·u_nn
  double lose_a, lose_b;  // n joined the loser: a·u(winner) + b·u_nn
};
inline Commitment commitment(ThirdPartyCommit commit) {
  switch (commit) {
    case ThirdPartyCommit::full_commit: return {3, 0, 3, 0};  // n moves to the winner either way
    case ThirdPartyCommit::no_commit: return {2, 1, 2, 1};    // n keeps its position either way
    case ThirdPartyCommit::semi_commit: break;                // n keeps it only when it wins
  }
  return {2, 1, 3, 0};
}

// The vote of third party n with weight wn on the contest i:j (KTAB Actor::vProbLittle and
// Actor::thirdPartyVoteSU): ci, cj are the principals' coalitions, uni/unj/unn n's utilities
// of i's, j's and its own position. n compares joining i with joining j. With
// `same_probability` (KTAB) both hypothetical contests get the probability of the contest in
// which n backs the side it prefers; otherwise P(i wins | n joins i) = (ci + |v_n|)/(ci + cj
// + |v_n|) and P(i wins | n joins j) = ci/(ci + cj + |v_n|). Branch-free, so loops vectorise.
template <VotingRule R, bool SameProbability>
inline double third_party_vote(const Commitment& c, double wn, double uni, double unj, double unn, double ci,
                               double cj) {
  const double vn = vote_as<R>(wn, uni, unj);
  double p_ik_j = 0;  // P(i wins | n joins i)
  double p_i_jk = 0;  // P(i wins | n joins j)
  if constexpr (SameProbability) {
    const double cni = ci + std::max(vn, 0.0);  // = ci + vn when n prefers i, else ci
    const double cnj = cj - std::min(vn, 0.0);
    p_ik_j = cni / (cni + cnj);
    p_i_jk = p_ik_j;
  } else {
    const double strength = std::fabs(vn);
    p_ik_j = (ci + strength) / (ci + cj + strength);
    p_i_jk = ci / (ci + cj + strength);
  }
  const double p_j_ik = 1.0 - p_ik_j;
  const double p_jk_i = 1.0 - p_i_jk;
  const double u_ik_def_j = c.win_a * uni + c.win_b * unn;
  const double u_j_def_ik = c.lose_a * unj + c.lose_b * unn;
  const double u_i_def_jk = c.lose_a * uni + c.lose_b * unn;
  const double u_jk_def_i = c.win_a * unj + c.win_b * unn;
  const double u_ik_j = (p_ik_j * u_ik_def_j) + (p_j_ik * u_j_def_ik);
  const double u_i_jk = (p_i_jk * u_i_def_jk) + (p_jk_i * u_jk_def_i);
  return vote_as<R>(wn, u_ik_j, u_i_jk);
}

}  // namespace parley::smp::detail
