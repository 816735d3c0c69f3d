#include "parley/forecast/compromise.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "one_dimensional.hpp"
#include "parameters.hpp"

namespace parley {

double compromise_position(const ActorTable& table, std::size_t dimension, const CompromiseOptions& options) {
  return forecast_detail::weighted_mean(
      forecast_detail::dimension_positions(table, dimension),
      forecast_detail::actor_weights(table, dimension, options.capability_exponent, options.salience_exponent));
}

std::string CompromiseModel::description() const {
  return "Compromise model: capability × salience weighted mean of positions (van den Bos 1991; Achen 2006)";
}

Forecast CompromiseModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const {
  forecast_detail::ParameterReader reader(name(), parameters);
  CompromiseOptions options;
  options.capability_exponent = reader.number("capability_exponent", 1, 0, 100);
  options.salience_exponent = reader.number("salience_exponent", 1, 0, 100);
  reader.finish();

  Forecast forecast;
  forecast.model = name();
  CompromiseDetails details{options.capability_exponent, options.salience_exponent, {}};
  for (std::size_t d = 0; d < table.dimension_count(); ++d) {
    const auto weights =
        forecast_detail::actor_weights(table, d, options.capability_exponent, options.salience_exponent);
    double total = 0;
    std::size_t counted = 0;
    for (double w : weights) {
      total += w;
      counted += w > 0 ? 1 : 0;
    }
    forecast.outcome.push_back(table.actor_count() ? compromise_position(table, d, options)
                                                   : std::numeric_limits<double>::quiet_NaN());
    details.dimensions.push_back({total, counted});
  }
  forecast.details = std::move(details);
  return forecast;
}

}  // namespace parley
