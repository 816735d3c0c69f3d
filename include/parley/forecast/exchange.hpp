#pragma once
// Exchange model: actors trade voting positions across issues (logrolling) — each gives
// ground on an issue it cares little about in return for ground on one it cares about more.
//
// Sources: F. N. Stokman and R. Van Oosten, "The exchange of voting positions: an object-
// oriented model of policy networks", in European Community Decision Making (Bueno de
// Mesquita and Stokman eds., Yale UP, 1994); F. N. Stokman and J. Van den Bos, "A two-stage
// model of policy making", Research in Politics and Society 4 (1992); the equal-gain
// exchange rule as in the Decide exchange model (github.com/foarsitter/decide-exchange-model,
// whose `#A/#P/#M/#D` input format parley reads).
//
// Outcome of issue d: the compromise model O_d = Σ_k w_kd x_kd / W_d, w_kd = c_k s_kd.
// An exchange between actors i and j over issues p and q is possible when
//   s_ip s_jq > s_iq s_jp  (i cares relatively more about p, j about q),
//   i and j lie strictly on opposite sides of O_p, and strictly on opposite sides of O_q.
// j moves on p towards x_ip by δ_p (shifting O_p by a = w_jp δ_p / W_p towards i); i moves on
// q towards x_jq by δ_q (shifting O_q by b = w_iq δ_q / W_q towards j). With utilities linear
// in the distance to the outcome, i gains s_ip a − s_iq b and j gains s_jq b − s_jp a; the
// exchange is made at equal gain, b = a (s_ip + s_jp)/(s_iq + s_jq), as large as possible:
//   a ≤ w_jp |x_ip − x_jp| / W_p and a ≤ |x_ip − O_p|  (j moves at most to i; O_p not past i)
//   b ≤ w_iq |x_jq − x_iq| / W_q and b ≤ |x_jq − O_q|
// so one of the two moves is complete. Each gains G = a (s_ip s_jq − s_iq s_jp)/(s_iq + s_jq).
// Each round, parley lists every possible exchange at the round's positions, executes them in
// order of decreasing gain (ties: lower actor, then issue indices first), skipping any that
// involves an actor–issue pair already used this round, then moves all positions at once and
// recomputes the outcomes. It stops when no exchange gains more than min_gain or after
// `rounds` rounds. The forecast is the compromise outcome after the last round.
// Parameters (ModelParameters names, **default**):
//   rounds     maximum rounds, **10**
//   min_gain   smallest gain (salience × scale points) worth an exchange, **1e-9** × scale
// Forecast::rounds holds the positions after each round; details (ExchangeDetails) list every
// exchange (round, actors, issues, moves, gain) and the outcome per round. A one-issue table has no exchange:
// its forecast is the compromise model's. Equations: docs/models.md.

#include <cstddef>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

struct ExchangeOptions {
  int rounds = 10;
  double min_gain = 1e-9;  // relative to the largest scale length of the table
};

// One exchange (struct Exchange) and ExchangeDetails: details.hpp.

struct ExchangeRun {
  std::vector<std::vector<double>> positions;  // per round (0 = input), actor × dimension row-major
  std::vector<std::vector<double>> outcomes;   // per round, per dimension
  std::vector<Exchange> exchanges;
  std::string stop_reason;
};

ExchangeRun run_exchange(const ActorTable& table, const ExchangeOptions& options = {});

class ExchangeModel final : public ForecastModel {
 public:
  std::string name() const override { return "exchange"; }
  std::string description() const override;
  std::vector<ParamSpec> parameter_specs() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
  std::uint64_t work_estimate(const ActorTable& table, const ModelParameters& parameters) const override;
};

}  // namespace parley
