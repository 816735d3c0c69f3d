#include "parley/forecast/nash_bargaining.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "one_dimensional.hpp"
#include "parley/core/error.hpp"
#include "parameters.hpp"

namespace parley {

const char* to_string(Disagreement disagreement) {
  switch (disagreement) {
    case Disagreement::automatic: return "auto";
    case Disagreement::worst: return "worst";
    case Disagreement::farthest_end: return "farthest_end";
    case Disagreement::reference: return "reference";
  }
  return "?";
}

NashSolution nash_bargaining_position(const ActorTable& table, std::size_t dimension, const NashOptions& options) {
  const std::optional<double> reference = table.reference_point[dimension];
  Disagreement mode = options.disagreement;
  if (mode == Disagreement::automatic) mode = reference ? Disagreement::reference : Disagreement::worst;
  if (mode == Disagreement::reference && !reference)
    throw std::invalid_argument(
        fmt::format("dimension '{}' has no reference point for the disagreement", table.dimensions[dimension]));

  const double lower = table.lower[dimension], upper = table.upper[dimension];
  const double length = upper - lower;
  const double k = options.utility_exponent;
  const auto positions = forecast_detail::dimension_positions(table, dimension);
  const auto weights =
      forecast_detail::actor_weights(table, dimension, options.capability_exponent, options.salience_exponent);

  NashSolution solution;
  solution.disagreement_used = mode;
  std::vector<double> x, w, slack;  // participants: position, weight, (1 − d_i)^{1/k} · L
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (!(weights[i] > 0)) continue;
    double reach = length;  // |x − x_i| < reach  ⇔  u_i(x) > d_i
    if (mode == Disagreement::farthest_end) reach = std::max(positions[i] - lower, upper - positions[i]);
    if (mode == Disagreement::reference) reach = std::abs(*reference - positions[i]);
    x.push_back(positions[i]);
    w.push_back(weights[i]);
    slack.push_back(reach);
  }
  if (x.empty() || !(length > 0)) {
    solution.position = x.empty() ? forecast_detail::weighted_mean(positions, weights) : x.front();
    return solution;
  }
  // The open interval where every participant gains over the disagreement point.
  double low = lower, high = upper;
  for (std::size_t i = 0; i < x.size(); ++i) {
    low = std::max(low, x[i] - slack[i]);
    high = std::min(high, x[i] + slack[i]);
  }
  if (!(high - low > 1e-12 * length)) {
    solution.at_disagreement = true;
    solution.position = mode == Disagreement::reference ? *reference : std::clamp(low, lower, upper);
    return solution;
  }
  // g_i(x) = (reach_i / L)^k − (|x − x_i| / L)^k = u_i(x) − d_i; maximise Σ w_i log g_i.
  // Right derivative of the objective at x; it decreases in x (log-concave product).
  auto slope = [&](double at) {
    double total = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double distance = std::abs(at - x[i]) / length;
      const double gap = std::pow(slack[i] / length, k) - std::pow(distance, k);
      const double direction = at >= x[i] ? -1.0 : 1.0;  // d|x − x_i|/dx from the right, negated
      const double derivative = k == 1 ? direction / length : direction * k * std::pow(distance, k - 1) / length;
      total += w[i] * derivative / gap;
    }
    return total;
  };
  for (int iteration = 0; iteration < 200 && high - low > 1e-12 * length; ++iteration) {
    const double middle = low + (high - low) / 2;
    if (slope(middle) > 0)
      low = middle;
    else
      high = middle;
  }
  solution.position = low + (high - low) / 2;
  return solution;
}

std::string NashBargainingModel::description() const {
  return "Nash bargaining solution per issue, power × salience as bargaining weights (Nash 1950; Achen 2006)";
}

Forecast NashBargainingModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const {
  forecast_detail::ParameterReader reader(name(), parameters);
  NashOptions options;
  const std::size_t utility = reader.choice("utility", 0, {"linear", "quadratic"});
  options.utility_exponent = reader.number("utility_exponent", utility == 0 ? 1.0 : 2.0, 1, 100);
  options.disagreement =
      static_cast<Disagreement>(reader.choice("disagreement", 0, {"auto", "worst", "farthest_end", "reference"}));
  options.capability_exponent = reader.number("capability_exponent", 1, 0, 100);
  options.salience_exponent = reader.number("salience_exponent", 1, 0, 100);
  reader.finish();
  if (options.disagreement == Disagreement::reference)
    for (std::size_t d = 0; d < table.dimension_count(); ++d)
      if (!table.reference_point[d])
        throw field_error("model parameter", fmt::format("disagreement=reference: issue '{}' has no reference "
                                                         "point; use disagreement=auto to fall back to the worst point",
                                                         table.dimensions[d]));

  Forecast forecast;
  forecast.model = name();
  NashDetails details{options.utility_exponent, {}};
  for (std::size_t d = 0; d < table.dimension_count(); ++d) {
    if (table.actor_count() == 0) {
      forecast.outcome.push_back(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    const NashSolution solution = nash_bargaining_position(table, d, options);
    forecast.outcome.push_back(solution.position);
    details.dimensions.push_back({solution.disagreement_used, solution.at_disagreement});
  }
  forecast.details = std::move(details);
  return forecast;
}

}  // namespace parley
