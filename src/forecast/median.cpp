#include "parley/forecast/median.hpp"

#include <limits>

#include "one_dimensional.hpp"
#include "parameters.hpp"

namespace parley {

double median_position(const ActorTable& table, std::size_t dimension, const MedianOptions& options) {
  return forecast_detail::weighted_median(
      forecast_detail::dimension_positions(table, dimension),
      forecast_detail::actor_weights(table, dimension, options.capability_exponent, options.salience_exponent));
}

std::string MedianModel::description() const {
  return "Median voter: capability × salience weighted median of positions (Black 1948)";
}

Forecast MedianModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const {
  forecast_detail::ParameterReader reader(name(), parameters);
  MedianOptions options;
  options.capability_exponent = reader.number("capability_exponent", 1, 0, 100);
  options.salience_exponent = reader.number("salience_exponent", 1, 0, 100);
  reader.finish();

  Forecast forecast;
  forecast.model = name();
  forecast.details = MedianDetails{options.capability_exponent, options.salience_exponent};
  for (std::size_t d = 0; d < table.dimension_count(); ++d)
    forecast.outcome.push_back(table.actor_count() ? median_position(table, d, options)
                                                   : std::numeric_limits<double>::quiet_NaN());
  return forecast;
}

}  // namespace parley
