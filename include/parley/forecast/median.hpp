#pragma once
// Median voter model: the weighted median of the actors' positions, per dimension.
//
// Source: D. Black, "On the rationale of group decision-making", J. Political Economy 56
// (1948) — the median position beats every other in pairwise majority votes; with weighted
// votes (capability × salience, as in Bueno de Mesquita's "median voter" forecast and the
// DEU model comparisons: Thomson et al. 2006, The European Union Decides, ch. 2 and 10) the
// Condorcet winner among the actors' positions is the weighted median.
//
// With weights w_i = c_i^α · s_i^β, the forecast is the smallest position at which the
// cumulative weight (positions sorted ascending) reaches half the total; when it reaches
// exactly half, the midpoint between that position and the next.
// Parameters (ModelParameters names, **default**):
//   capability_exponent  α ≥ 0, **1**
//   salience_exponent    β ≥ 0, **1**
// When every weight of a dimension is 0, every actor counts once. Static model;
// details (MedianDetails): the exponents.

#include <cstddef>
#include <string>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

struct MedianOptions {
  double capability_exponent = 1;  // α
  double salience_exponent = 1;    // β
};

// REQUIRES: dimension < table.dimension_count(), table.actor_count() > 0.
double median_position(const ActorTable& table, std::size_t dimension, const MedianOptions& options = {});

class MedianModel final : public ForecastModel {
 public:
  std::string name() const override { return "median"; }
  std::string description() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
};

}  // namespace parley
