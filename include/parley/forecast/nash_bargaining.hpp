#pragma once
// Nash bargaining solution on each dimension: the outcome x on the dimension's scale that
// maximises the (asymmetric) Nash product Π_i (u_i(x) − d_i)^{w_i}.
//
// Sources: J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155–162; the
// asymmetric (weighted) form: E. Kalai, "Nonsymmetric Nash solutions and replications of
// 2-person bargaining", Int. J. Game Theory 6 (1977); power × salience as the weights for
// EU decisions: C. H. Achen, "Institutional realism and bargaining models", in The European
// Union Decides (Thomson, Stokman, Achen and König eds., 2006).
//
//   u_i(x) = 1 − (|x − x_i| / L)^k          L = the dimension's scale length
//   w_i    = c_i^α · s_i^β                  actors with w_i = 0 do not take part
//   d_i    = disagreement utility:
//     worst         0, the utility of an outcome a full scale length away (the floor of u_i)
//     farthest_end  u_i at the end of the scale farther from x_i (the worst outcome on it)
//     reference     u_i(reference point); the status quo of the issue
//     auto          reference when the dimension has a reference point, else worst
// The product is log-concave in x, so parley finds the maximiser by bisection on the sign of
// the derivative over the interval where every u_i > d_i (to 1e-12 of the scale). When that
// interval is empty — some actor prefers the disagreement point to every other outcome — the
// forecast is the disagreement point itself (the reference point; for worst/farthest_end
// this cannot happen).
// With k = 1 and d_i = worst the solution on the DEU data scores like the compromise model
// (MAE 23.09), as Achen's derivation predicts.
// Parameters (ModelParameters names, **default**):
//   utility              linear (k = 1) | quadratic (k = 2), **linear**
//   utility_exponent     k ≥ 1 (concave utilities keep the product log-concave, so the
//                        solution is unique), overrides `utility`; **1**
//   disagreement         **auto** | worst | farthest_end | reference
//   capability_exponent  α ≥ 0, **1**
//   salience_exponent    β ≥ 0, **1**
// Static model; details (NashDetails): per dimension the disagreement used and whether the
// solution is the disagreement point.

#include <cstddef>
#include <optional>
#include <string>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

// Disagreement (automatic, worst, farthest_end, reference) and its to_string: details.hpp.

struct NashOptions {
  double utility_exponent = 1;  // k
  Disagreement disagreement = Disagreement::automatic;
  double capability_exponent = 1;  // α
  double salience_exponent = 1;    // β
};

struct NashSolution {
  double position = 0;
  bool at_disagreement = false;  // no outcome beats the disagreement point for every actor
  Disagreement disagreement_used = Disagreement::worst;
};

// REQUIRES: dimension < table.dimension_count(), table.actor_count() > 0. Throws
// std::invalid_argument when options.disagreement is `reference` and the dimension has no
// reference point.
NashSolution nash_bargaining_position(const ActorTable& table, std::size_t dimension, const NashOptions& options = {});

class NashBargainingModel final : public ForecastModel {
 public:
  std::string name() const override { return "nash"; }
  std::string description() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
};

}  // namespace parley
