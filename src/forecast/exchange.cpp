#include "parley/forecast/exchange.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "parley/core/limits.hpp"


namespace parley {

namespace {

struct Candidate {
  double gain = 0;
  std::size_t i = 0, j = 0, p = 0, q = 0;
  double delta_p = 0, delta_q = 0;  // signed moves of j on p and of i on q
};

// Compromise outcome per dimension with weights c·s (unweighted when nobody has a stake).
std::vector<double> outcomes_of(const ActorTable& table, const std::vector<double>& x) {
  const std::size_t n = table.actor_count(), m = table.dimension_count();
  std::vector<double> outcome(m, 0.0);
  for (std::size_t d = 0; d < m; ++d) {
    double total = 0, sum = 0, plain = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double w = table.capability[k] * table.salience_of(k, d);
      total += w;
      sum += w * x[k * m + d];
      plain += x[k * m + d];
    }
    outcome[d] = total > 0 ? sum / total : (n ? plain / static_cast<double>(n) : 0.0);
  }
  return outcome;
}

}  // namespace

ExchangeRun run_exchange(const ActorTable& table, const ExchangeOptions& options) {
  const std::size_t n = table.actor_count(), m = table.dimension_count();
  ExchangeRun run;
  std::vector<double> x = table.position;
  run.positions.push_back(x);
  run.outcomes.push_back(outcomes_of(table, x));
  double scale = 0;
  for (std::size_t d = 0; d < m; ++d) scale = std::max(scale, table.upper[d] - table.lower[d]);
  const double min_gain = options.min_gain * (scale > 0 ? scale : 1.0);
  if (m < 2) {
    run.stop_reason = "one issue: nothing to exchange";
    return run;
  }
  std::vector<double> total(m, 0.0);  // W_d
  for (std::size_t d = 0; d < m; ++d)
    for (std::size_t k = 0; k < n; ++k) total[d] += table.capability[k] * table.salience_of(k, d);

  for (int round = 1; round <= options.rounds; ++round) {
    const std::vector<double>& outcome = run.outcomes.back();
    auto s = [&](std::size_t k, std::size_t d) { return table.salience_of(k, d); };
    auto w = [&](std::size_t k, std::size_t d) { return table.capability[k] * table.salience_of(k, d); };
    auto pos = [&](std::size_t k, std::size_t d) { return x[k * m + d]; };
    // side(k, d): −1, 0 or +1 as actor k lies below, at or above the outcome of d.
    auto side = [&](std::size_t k, std::size_t d) {
      const double gap = pos(k, d) - outcome[d];
      const double tolerance = 1e-12 * (table.upper[d] - table.lower[d]);
      return gap > tolerance ? 1 : gap < -tolerance ? -1 : 0;
    };
    std::vector<Candidate> candidates;
    // Each pair once (i < j): of the two issue orders, only one has a positive advantage.
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        for (std::size_t p = 0; p < m; ++p) {
          if (!(s(i, p) > 0 && s(j, p) > 0) || side(i, p) * side(j, p) != -1) continue;
          for (std::size_t q = 0; q < m; ++q) {
            if (q == p || !(s(i, q) > 0 && s(j, q) > 0) || side(i, q) * side(j, q) != -1) continue;
            const double advantage = s(i, p) * s(j, q) - s(i, q) * s(j, p);
            if (!(advantage > 0)) continue;
            const double ratio = (s(i, p) + s(j, p)) / (s(i, q) + s(j, q));  // b = a · ratio
            const double a_max = std::min(w(j, p) * std::abs(pos(i, p) - pos(j, p)) / total[p],
                                          std::abs(pos(i, p) - outcome[p]));
            const double b_max = std::min(w(i, q) * std::abs(pos(j, q) - pos(i, q)) / total[q],
                                          std::abs(pos(j, q) - outcome[q]));
            const double a = std::min(a_max, b_max / ratio);
            const double b = a * ratio;
            Candidate candidate;
            candidate.gain = a * advantage / (s(i, q) + s(j, q));
            if (!(candidate.gain > min_gain)) continue;
            candidate.i = i;
            candidate.j = j;
            candidate.p = p;
            candidate.q = q;
            candidate.delta_p = std::copysign(a * total[p] / w(j, p), pos(i, p) - pos(j, p));
            candidate.delta_q = std::copysign(b * total[q] / w(i, q), pos(j, q) - pos(i, q));
            candidates.push_back(candidate);
          }
        }
      }
    if (candidates.empty()) {
      run.stop_reason = round == 1 ? "no exchange is possible" : fmt::format("no exchange left after round {}", round - 1);
      return run;
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.gain != b.gain) return a.gain > b.gain;
      return std::tie(a.i, a.j, a.p, a.q) < std::tie(b.i, b.j, b.p, b.q);
    });
    std::vector<bool> used(n * m, false);  // actor–issue pairs traded this round
    std::vector<double> next = x;
    for (const Candidate& c : candidates) {
      const std::size_t pairs[] = {c.i * m + c.p, c.i * m + c.q, c.j * m + c.p, c.j * m + c.q};
      bool free = true;
      for (std::size_t pair : pairs) free = free && !used[pair];
      if (!free) continue;
      for (std::size_t pair : pairs) used[pair] = true;
      Exchange exchange;
      exchange.round = round;
      exchange.i = c.i;
      exchange.j = c.j;
      exchange.p = c.p;
      exchange.q = c.q;
      exchange.j_position_before = pos(c.j, c.p);
      exchange.i_position_before = pos(c.i, c.q);
      // Moves stop at the partner's position (guards rounding).
      exchange.j_position_after = c.delta_p > 0 ? std::min(pos(c.i, c.p), pos(c.j, c.p) + c.delta_p)
                                                : std::max(pos(c.i, c.p), pos(c.j, c.p) + c.delta_p);
      exchange.i_position_after = c.delta_q > 0 ? std::min(pos(c.j, c.q), pos(c.i, c.q) + c.delta_q)
                                                : std::max(pos(c.j, c.q), pos(c.i, c.q) + c.delta_q);
      exchange.gain = c.gain;
      next[c.j * m + c.p] = exchange.j_position_after;
      next[c.i * m + c.q] = exchange.i_position_after;
      run.exchanges.push_back(exchange);
    }
    x = std::move(next);
    run.positions.push_back(x);
    run.outcomes.push_back(outcomes_of(table, x));
  }
  run.stop_reason = fmt::format("reached the round limit (rounds={})", options.rounds);
  return run;
}

std::string ExchangeModel::description() const {
  return "Exchange model: equal-gain vote trading between pairs of actors across issues (Stokman & Van Oosten 1994)";
}

std::vector<ParamSpec> ExchangeModel::parameter_specs() const {
  return {ParamSpec::integer("rounds", 10, {0, 10000}, "maximum rounds of exchanges"),
          ParamSpec::number("min_gain", 1e-9, {0, 1}, "smallest gain in expected utility worth an exchange")};
}

// Each round every pair of actors looks for a trade on every pair of issues.
std::uint64_t ExchangeModel::work_estimate(const ActorTable& table, const ModelParameters& parameters) const {
  const std::uint64_t n = table.actor_count(), dims = table.dimension_count();
  const ParamValues values = read_parameters(*this, parameters);
  return saturating_product(std::uint64_t(std::max<std::int64_t>(1, values.integer("rounds"))), n * n, dims * dims);
}

Forecast ExchangeModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const {
  const ParamValues values = read_parameters(*this, parameters);
  ExchangeOptions options;
  options.rounds = static_cast<int>(values.integer("rounds"));
  options.min_gain = values.number("min_gain");

  ExchangeRun run = run_exchange(table, options);
  Forecast forecast;
  forecast.model = name();
  forecast.outcome = run.outcomes.back();
  forecast.rounds = std::move(run.positions);
  forecast.stop_reason = std::move(run.stop_reason);
  forecast.details = ExchangeDetails{std::move(run.exchanges), std::move(run.outcomes)};
  return forecast;
}

}  // namespace parley
