// Probabilistic Condorcet election (PCE): the probability of each option being the outcome,
// from a coalition matrix. Conditional: KTAB Model::condPCE. Markov: B. P. Wise, "Markov
// Voting with Incentives in KTAB", eqs. 8–17 (KTAB Model::markovUniformPCE and
// Model::markovIncentivePCE), iterated from the uniform distribution with the averaging step
// until no probability moves by more than the tolerance.

#include <cmath>
#include <stdexcept>

#include "smp_detail.hpp"

namespace parley::smp::detail {

namespace {

// KTAB's limit. KTAB throws when it is reached; parley keeps the last iterate (the limit is
// only reached on near-periodic chains, where the average is still a distribution).
constexpr int kMaxIterations = 1000;

void conditional(const double* v, std::size_t m, double* p) {
  for (std::size_t i = 0; i < m; ++i) {
    double pi = 1.0;
    for (std::size_t j = 0; j < m; ++j) pi = pi * v[i * m + j];
    p[i] = pi;
  }
  double total = 0.0;
  for (std::size_t i = 0; i < m; ++i) total = total + p[i];
  for (std::size_t i = 0; i < m; ++i) p[i] = p[i] / total;
}

// Challenges by every option with equal probability: q_i = Σ_j V_ij (p_i + p_j) / m.
void markov_uniform(const double* v, std::size_t m, double* p, std::vector<double>& q) {
  constexpr double kTolerance = 1e-6;
  q.resize(m);
  for (std::size_t i = 0; i < m; ++i) p[i] = 1.0 / static_cast<double>(m);
  double change = 1.0;
  int iteration = 0;
  while (kTolerance < change) {
    if (iteration == kMaxIterations) break;
    change = 0;
    for (std::size_t i = 0; i < m; ++i) {
      double pi = 0.0;
      for (std::size_t j = 0; j < m; ++j) pi = pi + v[i * m + j] * (p[i] + p[j]);
      q[i] = pi / static_cast<double>(m);
      const double c = std::fabs(q[i] - p[i]);
      change = (c > change) ? c : change;
    }
    for (std::size_t i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2.0;
    ++iteration;
  }
}

// Challengers drawn in proportion to their incentive n[a→b] = S[a:b] P[a≻b] (Wise eq. 7):
// q_i = Σ_j V_ij (p_i P[j→i | i] + p_j P[i→j | j]).
void markov_incentive(const double* c, const double* v, std::size_t m, double* p, std::vector<double>& challenge,
                      std::vector<double>& q) {
  constexpr double kTolerance = 1e-8;
  constexpr double kEpsSupport = 1e-10;
  challenge.resize(m * m);
  q.resize(m);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < m; ++j) challenge[i * m + j] = c[i * m + j] * v[i * m + j] + (i == j ? kEpsSupport : 0.0);
  // challenge[i*m+j] ← P[i → j | j]: normalise each column.
  for (std::size_t j = 0; j < m; ++j) {
    double sum = 0.0;
    for (std::size_t k = 0; k < m; ++k) sum = sum + challenge[k * m + j];
    // Dividing in place is safe: every entry of column j is divided by the same, saved sum.
    for (std::size_t i = 0; i < m; ++i) challenge[i * m + j] = challenge[i * m + j] / sum;
  }
  for (std::size_t i = 0; i < m; ++i) p[i] = 1.0 / static_cast<double>(m);
  double change = 1.0;
  int iteration = 0;
  while (kTolerance < change) {
    if (iteration == kMaxIterations) break;
    change = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
      double qi = 0.0;
      for (std::size_t j = 0; j < m; ++j) {
        const double ct_ij = p[i] * challenge[j * m + i];
        const double ct_ji = p[j] * challenge[i * m + j];
        qi = qi + v[i * m + j] * (ct_ij + ct_ji);
      }
      q[i] = qi;
      const double d = std::fabs(q[i] - p[i]);
      change = (d > change) ? d : change;
    }
    for (std::size_t i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2.0;
    ++iteration;
  }
}

}  // namespace

void pce(PceModel model, VictoryProbModel victory, const double* c, std::size_t m, double* p, PceWorkspace& work) {
  work.victory.resize(m * m);
  victory_matrix(victory, c, m, work.victory.data());
  switch (model) {
    case PceModel::conditional: conditional(work.victory.data(), m, p); return;
    case PceModel::markov_uniform: markov_uniform(work.victory.data(), m, p, work.q); return;
    case PceModel::markov_incentive:
      markov_incentive(c, work.victory.data(), m, p, work.challenge, work.q);
      return;
  }
}

}  // namespace parley::smp::detail

namespace parley::smp {

std::vector<double> pce_probabilities(PceModel model, VictoryProbModel victory, const std::vector<double>& coalitions) {
  std::size_t m = 0;
  while (m * m < coalitions.size()) ++m;
  if (m == 0 || m * m != coalitions.size())
    throw std::invalid_argument("pce_probabilities: the coalition matrix must be square and non-empty");
  std::vector<double> p(m);
  detail::PceWorkspace work;
  detail::pce(model, victory, coalitions.data(), m, p.data(), work);
  return p;
}

}  // namespace parley::smp
