// The SMP turn loop (KTAB SMPState::setAllAUtil, doBCN, probEduChlg, bestChallenge,
// queueUpdatePstn, newIdeals; SMPModel::configExec's stop rule) on flat arrays.
//
// Per turn, with n actors: the risk attitudes need one n-option PCE (O(n³) votes); every
// actor evaluates a challenge against each rival with every third party weighing in (O(n³));
// each bargain's value to every actor is O(n) and there are at most 2n bargains (O(n³)); each
// actor's queue is resolved by a PCE over its bargains. Buffers live in the Engine and are
// reused, so turns do not allocate once the first turn has sized them.

// The third-party loop is written branch-free so that it vectorises; GCC only if-converts
// it when floating-point traps need not be preserved (clang never preserves them). No
// value changes: IEEE results are the same, only exception flags could differ.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-trapping-math")
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/progress.hpp"
#include "parley/core/random.hpp"
#include "smp_detail.hpp"

namespace parley::smp::detail {

namespace {

constexpr double kMinCoalitionContribution = 1e-10;  // KTAB probEduChlg minCltn
constexpr double kMinSignificantGain = 1e-5;         // KTAB bestChallenge minSigEDU
constexpr double kEquivalentPositions = 1e-3;        // KTAB SMPModel::posTol, on [0,1]
constexpr double kMinSignificantDelta = 1e-4;        // stop rule
constexpr double kStopRatio = 0.02;                  // stop rule
constexpr int kMinTurns = 2;                         // stop rule

// A challenge of i against j as estimated by some actor h, for the affected actor k.
struct Challenge {
  double probability = 0;  // h's estimate of P(i beats j)
  double gain = 0;         // h's estimate of k's expected utility change versus the status quo
};

// Uniform in [0,1) from (seed, turn, actor): one independent draw per decision, so results
// do not depend on the order (or the threads) in which decisions are made.
double uniform_draw(std::uint64_t seed, std::uint64_t turn, std::uint64_t actor) {
  const std::uint64_t x = splitmix64(splitmix64(splitmix64(seed) ^ turn) ^ actor);
  return unit_interval(x);
}

struct Bargain {
  std::size_t initiator = 0;
  std::size_t receiver = 0;  // == initiator: status quo
  std::size_t offset = 0;    // into Engine::bargain_positions_: initiator's, then receiver's position
};

class Engine {
 public:
  Engine(std::size_t n, std::size_t dims, std::vector<double> capability, std::vector<double> salience,
         std::vector<double> accommodation, const SmpParameters& parameters)
      : n_(n),
        dims_(dims),
        capability_(std::move(capability)),
        salience_(std::move(salience)),
        accommodation_(std::move(accommodation)),
        p_(parameters) {
    salience_total_.assign(n_, 0.0);
    weight_.assign(n_, 0.0);
    for (std::size_t i = 0; i < n_; ++i) {
      double total = 0.0;
      for (std::size_t k = 0; k < dims_; ++k) total = total + salience_[i * dims_ + k];
      salience_total_[i] = total;
      weight_[i] = capability_[i] * total;
    }
    distance_.resize(n_ * n_);
    distance_t_.resize(n_ * n_);
    self_utility_.resize(n_ * n_);
    status_quo_sum_.resize(n_);
    risk_.resize(n_);
    estimated_.resize(n_);
    utility_of_i_.resize(n_);
    utility_of_own_.resize(n_);
    votes_.resize(n_);
    utility_t_.resize(n_ * n_);
    coalition_.resize(n_ * n_);
    probability_.resize(n_);
    queues_.resize(n_);
  }

  // Distances from ideals to positions, risk attitudes and each actor's utilities.
  void prepare(const double* position, const double* ideal) {
    position_ = position;
    ideal_ = ideal;
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j) {
        const double d = weighted_distance(ideal + i * dims_, position + j * dims_, &salience_[i * dims_], dims_);
        distance_[i * n_ + j] = d;
        distance_t_[j * n_ + i] = d;
      }
    // Risk-neutral utilities, position-major for the coalition votes (voters: capability).
    for (std::size_t j = 0; j < n_; ++j)
      for (std::size_t k = 0; k < n_; ++k) utility_t_[j * n_ + k] = distance_utility(distance_[k * n_ + j], 0.0);
    coalitions(p_.voting, capability_.data(), utility_t_.data(), n_, n_, coalition_.data());
    pce(p_.pce, p_.victory, coalition_.data(), n_, probability_.data(), pce_work_);
    big_r_from_probability(p_.big_r_range, probability_.data(), n_, risk_.data());
    for (std::size_t i = 0; i < n_; ++i) {
      const double ri = estimated_risk(p_.big_r_adjust, risk_[i], risk_[i]);
      double sum = 0.0;
      for (std::size_t j = 0; j < n_; ++j) {
        const double u = distance_utility(distance_[i * n_ + j], ri);
        self_utility_[i * n_ + j] = u;
        sum = sum + u;
      }
      status_quo_sum_[i] = sum;
    }
  }

  // One bargaining turn from the prepared state: new positions into `next`.
  void step(std::size_t turn, double* next) {
    bargains_.clear();
    bargain_positions_.clear();
    for (std::size_t k = 0; k < n_; ++k) {
      queues_[k].clear();
      queues_[k].push_back(bargains_.size());
      bargains_.push_back(Bargain{k, k, 0});
    }
    with_rule(p_.voting, [&](auto rule) {
      constexpr VotingRule R = decltype(rule)::value;
      if (p_.quirks.third_party_same_probability) {
        for (std::size_t i = 0; i < n_; ++i) propose<R, true>(i);
      } else {
        for (std::size_t i = 0; i < n_; ++i) propose<R, false>(i);
      }
    });
    value_bargains();
    for (std::size_t k = 0; k < n_; ++k) {
      const std::size_t chosen = resolve_queue(turn, k);
      const Bargain& b = bargains_[chosen];
      const double* source = position_ + k * dims_;
      if (b.initiator != b.receiver)
        source = &bargain_positions_[b.offset + (b.initiator == k ? 0 : dims_)];
      std::copy(source, source + dims_, next + k * dims_);
    }
  }

  // New ideals from the new positions (KTAB SMPState::newIdeals).
  void update_ideals(const double* next_position, const double* old_ideal, double* next_ideal) const {
    if (accommodation_.empty()) {
      std::copy(next_position, next_position + n_ * dims_, next_ideal);
      return;
    }
    for (std::size_t i = 0; i < n_; ++i) {
      double total = 0.0;
      double* out = next_ideal + i * dims_;
      std::fill(out, out + dims_, 0.0);
      for (std::size_t j = 0; j < n_; ++j) {
        const double a = accommodation_[i * n_ + j];
        total = total + a;
        for (std::size_t k = 0; k < dims_; ++k) out[k] = out[k] + (a * next_position[j * dims_ + k]);
      }
      total = (1.0 < total) ? 1.0 : total;
      const double lag = 1.0 - total;
      for (std::size_t k = 0; k < dims_; ++k) out[k] = out[k] + (lag * old_ideal[i * dims_ + k]);
    }
  }

  // PCE over the distinct positions of the prepared state, each actor judging by its own
  // utilities (KTAB SMPState::pDist(-1)).
  SmpPositionDistribution distribution(const std::vector<double>& lower, const std::vector<double>& scale) {
    std::vector<std::size_t> unique;
    std::vector<std::size_t> group(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      std::size_t found = unique.size();
      for (std::size_t u = 0; u < unique.size() && found == unique.size(); ++u) {
        double sq = 0.0;
        for (std::size_t k = 0; k < dims_; ++k) {
          const double d = position_[i * dims_ + k] - position_[unique[u] * dims_ + k];
          sq = sq + d * d;
        }
        if (std::sqrt(sq) < kEquivalentPositions) found = u;
      }
      if (found == unique.size()) unique.push_back(i);
      group[i] = found;
    }
    const std::size_t m = unique.size();
    for (std::size_t u = 0; u < m; ++u)
      for (std::size_t k = 0; k < n_; ++k) utility_t_[u * n_ + k] = self_utility_[k * n_ + unique[u]];
    coalitions(p_.voting, capability_.data(), utility_t_.data(), n_, m, coalition_.data());
    SmpPositionDistribution out;
    out.probability.resize(m);
    pce(p_.pce, p_.victory, coalition_.data(), m, out.probability.data(), pce_work_);
    out.positions.resize(m);
    out.holders.resize(m);
    for (std::size_t u = 0; u < m; ++u)
      for (std::size_t k = 0; k < dims_; ++k)
        out.positions[u].push_back(lower[k] + position_[unique[u] * dims_ + k] * scale[k]);
    for (std::size_t i = 0; i < n_; ++i) out.holders[group[i]].push_back(i);
    return out;
  }

 private:
  // h's estimates of the utilities: u_h(a, b) = utility to a of b's position, with a's risk
  // attitude as h sees it. estimate(h, i) fills, for every actor t, h's estimate of t's risk,
  // of u_h(t, i) and of u_h(t, t).
  void estimate(std::size_t h, std::size_t i) {
    const double* column_i = &distance_t_[i * n_];
    for (std::size_t t = 0; t < n_; ++t) {
      const double r = estimated_risk(p_.big_r_adjust, risk_[h], risk_[t]);
      estimated_[t] = r;
      utility_of_i_[t] = distance_utility(column_i[t], r);
      utility_of_own_[t] = distance_utility(distance_t_[t * n_ + t], r);
    }
  }
  double utility(std::size_t a, std::size_t b) const {
    return distance_utility(distance_t_[b * n_ + a], estimated_[a]);
  }

  // The estimate prepared by estimate(h, i) of the challenge i → j and its value to k (KTAB
  // SMPState::probEduChlg). The third parties' votes are computed in one vectorisable pass
  // and summed in actor order, as KTAB does.
  template <VotingRule R, bool SameProbability>
  Challenge challenge(std::size_t k, std::size_t i, std::size_t j) {
    const double uii = utility(i, i);
    const double uij = utility(i, j);
    const double uji = utility(j, i);
    const double ujj = utility(j, j);
    const double uki = utility(k, i);
    const double ukj = utility(k, j);
    const double eu_status_quo = uki + ukj;
    const double u_i_wins = uki + uki;
    const double u_j_wins = ukj + ukj;
    const double sj = salience_total_[j];

    const double contribution_i = vote_as<R>(weight_[i], uii, uij);
    const double contribution_j = vote_as<R>(weight_[j], uji, ujj);
    double for_i = kMinCoalitionContribution;
    double for_j = kMinCoalitionContribution;
    if (contribution_i > 0.0) for_i = for_i + contribution_i;
    if (contribution_i < 0.0) for_j = for_j - contribution_i;
    if (contribution_j > 0.0) for_i = for_i + contribution_j;
    if (contribution_j < 0.0) for_j = for_j - contribution_j;
    const double principal_i = for_i;
    const double principal_j = for_j;

    // KTAB's third parties cancel exactly unless they SemiCommit.
    if (!SameProbability || p_.third_party == ThirdPartyCommit::semi_commit) {
      const Commitment commit = commitment(p_.third_party);
      const double* column_j = &distance_t_[j * n_];
      const double* r = estimated_.data();
      const double* w = weight_.data();
      const double* uti = utility_of_i_.data();
      const double* utt = utility_of_own_.data();
      double* votes = votes_.data();
      for (std::size_t t = 0; t < n_; ++t)
        votes[t] = third_party_vote<R, SameProbability>(commit, w[t], uti[t], distance_utility(column_j[t], r[t]),
                                                        utt[t], principal_i, principal_j);
      // In actor order, skipping the principals; x + 0.0 == x keeps KTAB's sums exact.
      const std::size_t first = std::min(i, j);
      const std::size_t second = std::max(i, j);
      auto add = [&](std::size_t from, std::size_t to) {
        for (std::size_t t = from; t < to; ++t) {
          for_i = for_i + std::max(votes[t], 0.0);
          for_j = for_j - std::min(votes[t], 0.0);
        }
      };
      add(0, first);
      add(first + 1, second);
      add(second + 1, n_);
    }
    const double p_ij = for_i / (for_i + for_j);
    const double p_ji = for_j / (for_i + for_j);
    const double eu_contest = p_ij * u_i_wins + p_ji * u_j_wins;
    const double eu_challenge = (1 - sj) * u_i_wins + sj * eu_contest;
    return Challenge{p_ij, eu_challenge - eu_status_quo};
  }

  // Actor i picks its most profitable target and proposes a bargain (KTAB doBCN(i)).
  template <VotingRule R, bool SameProbability>
  void propose(std::size_t i) {
    estimate(i, i);
    std::size_t best = n_;
    double best_gain = -1.0;
    double best_probability = 0;
    for (std::size_t j = 0; j < n_; ++j) {
      if (j == i) continue;
      const Challenge c = challenge<R, SameProbability>(i, i, j);
      if ((kMinSignificantGain < c.gain) && (best_gain < c.gain)) {
        best = j;
        best_gain = c.gain;
        best_probability = c.probability;
      }
    }
    if (best == n_) return;
    const std::size_t j = best;
    const double* ti = position_ + i * dims_;
    const double* tj = position_ + j * dims_;
    const double* si = &salience_[i * dims_];
    const double* sj = &salience_[j * dims_];

    const std::size_t own = add_bargain(i, j);
    interpolate_bargain(p_.interpolation, ti, si, best_probability, tj, sj, 1 - best_probability, dims_,
                        &bargain_positions_[bargains_[own].offset], &bargain_positions_[bargains_[own].offset + dims_]);
    if (p_.bargaining == BargnModel::init_only_interp) {
      queues_[i].push_back(own);
      queues_[j].push_back(own);
      return;
    }
    // The target's view: j's estimate of the challenge's effect on i.
    estimate(j, i);
    const Challenge seen_by_j = challenge<R, SameProbability>(i, i, j);
    const double pj = p_.quirks.receiver_utility_as_probability ? seen_by_j.gain : seen_by_j.probability;
    const std::size_t theirs = add_bargain(i, j);
    interpolate_bargain(p_.interpolation, ti, si, pj, tj, sj, 1 - pj, dims_,
                        &bargain_positions_[bargains_[theirs].offset],
                        &bargain_positions_[bargains_[theirs].offset + dims_]);
    if (p_.bargaining == BargnModel::init_rcvr_interp) {
      queues_[i].push_back(own);
      queues_[i].push_back(theirs);
      queues_[j].push_back(own);
      queues_[j].push_back(theirs);
      return;
    }
    // PWCompInterp: the capability×salience weighted mean of both views, in place of `own`.
    const double wi = capability_[i] * salience_total_[i];
    const double wj = (p_.quirks.pwcomp_initiator_capability ? capability_[i] : capability_[j]) * salience_total_[j];
    double* a = &bargain_positions_[bargains_[own].offset];
    const double* b = &bargain_positions_[bargains_[theirs].offset];
    for (std::size_t k = 0; k < 2 * dims_; ++k) a[k] = (wi * a[k] + wj * b[k]) / (wi + wj);
    bargains_.pop_back();
    bargain_positions_.resize(bargain_positions_.size() - 2 * dims_);
    queues_[i].push_back(own);
    queues_[j].push_back(own);
  }

  std::size_t add_bargain(std::size_t initiator, std::size_t receiver) {
    bargains_.push_back(Bargain{initiator, receiver, bargain_positions_.size()});
    bargain_positions_.resize(bargain_positions_.size() + 2 * dims_);
    return bargains_.size() - 1;
  }

  // bargain_utility_[b*n + a]: a's value of the state after bargain b, the mean of its
  // utilities of all positions (KTAB SMPState::brgnStateUtil).
  void value_bargains() {
    bargain_utility_.resize(bargains_.size() * n_);
    const double count = static_cast<double>(n_);
    for (std::size_t b = 0; b < bargains_.size(); ++b) {
      const Bargain& bargain = bargains_[b];
      double* out = &bargain_utility_[b * n_];
      if (bargain.initiator == bargain.receiver) {
        for (std::size_t a = 0; a < n_; ++a) out[a] = status_quo_sum_[a] / count;
        continue;
      }
      const double* pi = &bargain_positions_[bargain.offset];
      const double* pj = pi + dims_;
      for (std::size_t a = 0; a < n_; ++a) {
        const double* ideal = ideal_ + a * dims_;
        const double* s = &salience_[a * dims_];
        double sum = 0.0;
        sum = sum + distance_utility(weighted_distance(ideal, pi, s, dims_), risk_[a]);
        sum = sum + distance_utility(weighted_distance(ideal, pj, s, dims_), risk_[a]);
        const double* row = &self_utility_[a * n_];
        for (std::size_t m = 0; m < n_; ++m)
          if (m != bargain.initiator && m != bargain.receiver) sum = sum + row[m];
        out[a] = sum / count;
      }
    }
  }

  // The bargain actor k adopts: the most probable (first on ties) in its queue, or a draw.
  std::size_t resolve_queue(std::size_t turn, std::size_t k) {
    const std::vector<std::size_t>& queue = queues_[k];
    const std::size_t m = queue.size();
    if (m == 1) return queue[0];
    if (utility_t_.size() < m * n_) utility_t_.resize(m * n_);
    if (coalition_.size() < m * m) coalition_.resize(m * m);
    if (probability_.size() < m) probability_.resize(m);
    for (std::size_t o = 0; o < m; ++o)
      std::copy_n(&bargain_utility_[queue[o] * n_], n_, &utility_t_[o * n_]);
    coalitions(p_.voting, capability_.data(), utility_t_.data(), n_, m, coalition_.data());
    pce(p_.pce, p_.victory, coalition_.data(), m, probability_.data(), pce_work_);
    std::size_t chosen = 0;
    if (p_.transitions == StateTransitions::deterministic) {
      double largest = -1.0;
      for (std::size_t o = 0; o < m; ++o) {
        const double a = std::fabs(probability_[o]);
        if (largest < a) {
          largest = a;
          chosen = o;
        }
      }
    } else {
      double total = 0.0;
      for (std::size_t o = 0; o < m; ++o) total += probability_[o];
      const double draw = uniform_draw(p_.seed, turn, k) * total;
      double cumulative = 0.0;
      chosen = m - 1;
      for (std::size_t o = 0; o < m; ++o) {
        cumulative += probability_[o];
        if (draw < cumulative) {
          chosen = o;
          break;
        }
      }
    }
    return queue[chosen];
  }

  const std::size_t n_;
  const std::size_t dims_;
  const std::vector<double> capability_;
  const std::vector<double> salience_;       // n × dims, normalised
  const std::vector<double> accommodation_;  // n × n or empty
  const SmpParameters& p_;
  std::vector<double> salience_total_, weight_;
  // Prepared state.
  const double* position_ = nullptr;
  const double* ideal_ = nullptr;
  std::vector<double> distance_, distance_t_, self_utility_, status_quo_sum_, risk_;
  // Scratch.
  std::vector<double> estimated_, utility_of_i_, utility_of_own_, votes_, utility_t_, coalition_, probability_, bargain_positions_, bargain_utility_;
  std::vector<Bargain> bargains_;
  std::vector<std::vector<std::size_t>> queues_;
  PceWorkspace pce_work_;
};

double state_distance(const double* a, const double* b, std::size_t n, std::size_t dims) {
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double sq = 0.0;
    for (std::size_t k = 0; k < dims; ++k) {
      const double d = a[i * dims + k] - b[i * dims + k];
      sq = sq + (d * d);
    }
    total = total + std::sqrt(sq);
  }
  return total;
}

}  // namespace

}  // namespace parley::smp::detail

namespace parley {

void SmpParameters::set_ktab_compatible(bool on) {
  quirks.receiver_utility_as_probability = on;
  quirks.pwcomp_initiator_capability = on;
  quirks.third_party_same_probability = on;
}

SmpResult run_smp(const ActorTable& table, const SmpParameters& parameters) {
  using namespace smp::detail;
  const std::size_t n = table.actor_count();
  const std::size_t dims = table.dimension_count();
  if (n < 2) throw std::invalid_argument("SMP needs at least two actors");
  if (dims == 0) throw std::invalid_argument("SMP needs at least one dimension");
  if (table.capability.size() != n || table.position.size() != n * dims || table.salience.size() != n * dims ||
      table.lower.size() != dims || table.upper.size() != dims)
    throw std::invalid_argument("SMP: the actor table's arrays do not match its actors and dimensions");
  if (parameters.max_turns < 1) throw std::invalid_argument("SMP: max_turns must be at least 1");
  SmpResult result;

  std::vector<double> scale(dims);
  for (std::size_t k = 0; k < dims; ++k) scale[k] = table.upper[k] > table.lower[k] ? table.upper[k] - table.lower[k] : 0;
  std::vector<double> position(n * dims), salience(n * dims);
  double largest_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(table.capability[i] > 0) || !std::isfinite(table.capability[i]))
      throw std::invalid_argument(fmt::format("SMP: actor '{}' has capability {}; it must be > 0", table.actors[i],
                                              table.capability[i]));
    double total = 0;
    for (std::size_t k = 0; k < dims; ++k) {
      const double s = table.salience_of(i, k);
      if (!(s >= 0) || !std::isfinite(s))
        throw std::invalid_argument(
            fmt::format("SMP: actor '{}' has salience {} on '{}'; it must be >= 0", table.actors[i], s, table.dimensions[k]));
      salience[i * dims + k] = s;
      total += s;
      const double x = table.position_of(i, k);
      if (!std::isfinite(x))
        throw std::invalid_argument(fmt::format("SMP: actor '{}' has no position on '{}'", table.actors[i], table.dimensions[k]));
      const double normalised = scale[k] > 0 ? (x - table.lower[k]) / scale[k] : 0.0;
      position[i * dims + k] = std::clamp(normalised, 0.0, 1.0);
    }
    largest_total = std::max(largest_total, total);
  }
  if (largest_total > 1) {
    for (double& s : salience) s /= largest_total;
    result.notes.push_back(fmt::format(
        "saliences rescaled by 1/{:.6g} so that no actor's saliences sum to more than 1 (KTAB's convention)",
        largest_total));
  }
  std::vector<double> accommodation = parameters.accommodation;
  if (!accommodation.empty()) {
    if (accommodation.size() != n * n)
      throw std::invalid_argument("SMP: the accommodation matrix must be actors × actors");
    bool identity = true;
    for (std::size_t i = 0; i < n; ++i) {
      double row = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const double a = accommodation[i * n + j];
        if (!(a >= 0 && a <= 1))
          throw std::invalid_argument(fmt::format("SMP: accommodation of '{}' towards '{}' is {}; it must be in [0,1]",
                                                  table.actors[i], table.actors[j], a));
        row += a;
        identity = identity && a == (i == j ? 1.0 : 0.0);
      }
      if (row > 1 + 1e-10)
        throw std::invalid_argument(
            fmt::format("SMP: the accommodation rates of '{}' sum to {}; they must sum to at most 1", table.actors[i], row));
    }
    if (identity) accommodation.clear();
  }
  if (parameters.big_r_adjust == smp::BigRAdjust::full && parameters.quirks.third_party_same_probability)
    result.notes.push_back("KTAB aborts with BigRAdjust=Full (every actor would see the same utilities); parley runs it");

  Engine engine(n, dims, table.capability, salience, std::move(accommodation), parameters);
  std::vector<std::vector<double>> positions{position};
  std::vector<std::vector<double>> ideals{position};
  auto to_scale = [&](const std::vector<double>& x) {
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t k = 0; k < dims; ++k) out[i * dims + k] = table.lower[k] + x[i * dims + k] * scale[k];
    return out;
  };
  engine.prepare(positions[0].data(), ideals[0].data());
  if (parameters.report_pce) result.distributions.push_back(engine.distribution(table.lower, scale));
  double first_change = 0;
  for (int turn = 1;; ++turn) {
    std::vector<double> next(n * dims), next_ideal(n * dims);
    engine.step(static_cast<std::size_t>(turn), next.data());
    engine.update_ideals(next.data(), ideals.back().data(), next_ideal.data());
    positions.push_back(std::move(next));
    ideals.push_back(std::move(next_ideal));
    engine.prepare(positions.back().data(), ideals.back().data());
    if (parameters.report_pce) result.distributions.push_back(engine.distribution(table.lower, scale));

    report_progress("turn", std::uint64_t(turn), std::uint64_t(parameters.max_turns));
    const double change = state_distance(positions[turn].data(), positions[turn - 1].data(), n, dims);
    if (turn == 1) first_change = change + kMinSignificantDelta;
    const double ratio = change / first_change;
    if (turn >= kMinTurns && ratio < kStopRatio) {
      result.converged = true;
      result.stop_reason = fmt::format(
          "converged at turn {}: the positions moved {:.4g} of the first turn's movement (< {})", turn, ratio, kStopRatio);
      break;
    }
    if (turn >= parameters.max_turns) {
      result.stop_reason = fmt::format("turn limit {} reached (last movement {:.4g} of the first turn's)",
                                       parameters.max_turns, ratio);
      break;
    }
  }
  for (auto& x : positions) result.positions.push_back(to_scale(x));
  for (auto& x : ideals) result.ideals.push_back(to_scale(x));
  // Turn 0 is the input as given (x/s·s need not give x back to the last bit).
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < dims; ++k) {
      const double x = std::clamp(table.position_of(i, k), table.lower[k], std::max(table.lower[k], table.upper[k]));
      result.positions[0][i * dims + k] = result.ideals[0][i * dims + k] = x;
    }
  return result;
}

}  // namespace parley
