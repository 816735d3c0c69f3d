#pragma once
// Helpers shared by the one-dimensional models (internal to the forecast layer).

#include <cstddef>
#include <vector>

#include "parley/forecast/actor_table.hpp"

namespace parley::forecast_detail {

// w_i = c_i^α · s_i^β on one dimension (0^0 = 1, so β = 0 counts actors without a stake).
std::vector<double> actor_weights(const ActorTable& table, std::size_t dimension, double capability_exponent,
                                  double salience_exponent);

// Σ w x / Σ w; the unweighted mean when Σ w = 0. REQUIRES: !positions.empty().
double weighted_mean(const std::vector<double>& positions, const std::vector<double>& weights);

// Smallest position whose cumulative weight reaches half the total (midpoint with the next
// position on an exact tie); every position counts once when Σ w = 0.
double weighted_median(const std::vector<double>& positions, const std::vector<double>& weights);

// The positions of every actor on one dimension.
std::vector<double> dimension_positions(const ActorTable& table, std::size_t dimension);

}  // namespace parley::forecast_detail
