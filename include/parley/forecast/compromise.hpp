#pragma once
// Compromise model: the capability × salience weighted mean of the actors' positions, per
// dimension.
//
// Sources: J. M. M. van den Bos, Dutch EC Policy Making (1991), who proposed it; C. H. Achen,
// "Institutional realism and bargaining models", in R. Thomson, F. N. Stokman, C. H. Achen and
// T. König (eds.), The European Union Decides, Cambridge University Press, 2006, who derives
// it as an approximation of the Nash bargaining solution: x̂ = Σ c_i s_i x_i / Σ c_i s_i.
// On the DEU data it is the benchmark the complex models fail to beat (MAE 23.09 over 353
// issues with the conventions of tests/data/SOURCE.md).
//
// Weights are w_i = c_i^α · s_i^β, so the same unit gives the usual baselines:
//   α = 1, β = 1  compromise model (default)
//   α = 0, β = 1  salience-weighted mean
//   α = 0, β = 0  unweighted mean of every actor in the table (stake or not)
// Parameters (ModelParameters names, **default**):
//   capability_exponent  α ≥ 0, **1**
//   salience_exponent    β ≥ 0, **1**
// When every weight of a dimension is 0 the forecast is the unweighted mean of its positions.
// Static: Forecast::rounds stays empty. details (CompromiseDetails): the exponents and, per
// dimension, the total weight and the number of actors with positive weight. Equations and notes: docs/models.md.

#include <cstddef>
#include <string>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

struct CompromiseOptions {
  double capability_exponent = 1;  // α
  double salience_exponent = 1;    // β
};

// The weighted mean on one dimension. REQUIRES: dimension < table.dimension_count(),
// table.actor_count() > 0.
double compromise_position(const ActorTable& table, std::size_t dimension, const CompromiseOptions& options = {});

class CompromiseModel final : public ForecastModel {
 public:
  std::string name() const override { return "compromise"; }
  std::string description() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
};

}  // namespace parley
