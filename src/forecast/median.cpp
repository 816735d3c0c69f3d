#include "parley/forecast/median.hpp"

#include <limits>

#include "one_dimensional.hpp"

namespace parley {

double median_position(const ActorTable& table, std::size_t dimension, const MedianOptions& options) {
  return forecast_detail::weighted_median(
      forecast_detail::dimension_positions(table, dimension),
      forecast_detail::actor_weights(table, dimension, options.capability_exponent, options.salience_exponent));
}

std::string MedianModel::description() const {
  return "Median voter: capability × salience weighted median of positions (Black 1948)";
}

std::vector<ParamSpec> MedianModel::parameter_specs() const {
  return {ParamSpec::number("capability_exponent", 1, {0, 100}, "alpha: weight = capability^alpha * salience^beta"),
          ParamSpec::number("salience_exponent", 1, {0, 100}, "beta (alpha = beta = 0: every actor of the table counts once)")};
}

Forecast MedianModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const {
  const ParamValues values = read_parameters(*this, parameters);
  MedianOptions options;
  options.capability_exponent = values.number("capability_exponent");
  options.salience_exponent = values.number("salience_exponent");

  Forecast forecast;
  forecast.model = name();
  forecast.details = MedianDetails{options.capability_exponent, options.salience_exponent};
  for (std::size_t d = 0; d < table.dimension_count(); ++d)
    forecast.outcome.push_back(table.actor_count() ? median_position(table, d, options)
                                                   : std::numeric_limits<double>::quiet_NaN());
  return forecast;
}

}  // namespace parley
