#include "one_dimensional.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace parley::forecast_detail {

std::vector<double> actor_weights(const ActorTable& table, std::size_t dimension, double capability_exponent,
                                  double salience_exponent) {
  std::vector<double> weights(table.actor_count());
  for (std::size_t i = 0; i < weights.size(); ++i)
    weights[i] = std::pow(table.capability[i], capability_exponent) *
                 std::pow(table.salience_of(i, dimension), salience_exponent);
  return weights;
}

double weighted_mean(const std::vector<double>& positions, const std::vector<double>& weights) {
  double total = 0, sum = 0;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    total += weights[i];
    sum += weights[i] * positions[i];
  }
  if (total > 0) return sum / total;
  return std::accumulate(positions.begin(), positions.end(), 0.0) / static_cast<double>(positions.size());
}

double weighted_median(const std::vector<double>& positions, const std::vector<double>& weights) {
  const bool equal = !(std::accumulate(weights.begin(), weights.end(), 0.0) > 0);
  std::vector<std::pair<double, double>> points;  // (position, weight) with positive weight
  for (std::size_t i = 0; i < positions.size(); ++i)
    if (equal || weights[i] > 0) points.emplace_back(positions[i], equal ? 1.0 : weights[i]);
  std::sort(points.begin(), points.end());
  double total = 0;
  for (const auto& point : points) total += point.second;
  const double half = total / 2, tolerance = 1e-12 * total;
  double cumulative = 0;
  for (std::size_t k = 0; k < points.size(); ++k) {
    cumulative += points[k].second;
    // Actors sharing a position count together.
    while (k + 1 < points.size() && points[k + 1].first == points[k].first) cumulative += points[++k].second;
    if (cumulative >= half - tolerance) {
      if (cumulative <= half + tolerance && k + 1 < points.size()) return (points[k].first + points[k + 1].first) / 2;
      return points[k].first;
    }
  }
  return points.back().first;
}

std::vector<double> dimension_positions(const ActorTable& table, std::size_t dimension) {
  std::vector<double> positions(table.actor_count());
  for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = table.position_of(i, dimension);
  return positions;
}

}  // namespace parley::forecast_detail
