#pragma once
// Uncertain inputs: the judgements of a scenario (an actor's position or salience on an
// issue, its capability, reservation value, discount, or the strategy it negotiates with)
// given as distributions instead of single numbers. `parley sweep` and `parley forecast
// --intervals` draw many scenarios from them; the base scenario never uses them.
//
// Draws use only parley's portable generator (random.hpp), so a seed gives the same drawn
// scenario on every platform, compiler and standard library. Input k of a scenario drawn
// with seed s uses its own stream derive_seed(s, k): adding or changing one input leaves
// the draws of the others unchanged.
//
// Distributions (docs/format.md, "uncertainty"):
//   normal      N(mean, sd²) clipped to [min, max] and to the field's valid range; mean
//               defaults to the actor's stated value. Clipping, not truncation: values
//               beyond a bound land on it (a point mass at the bound).
//   uniform     on [min, max].
//   triangular  on [min, max] with its peak at mode (inverse CDF, one uniform draw).
//   choice      one of `values` (or of `strategies`), equally likely or in proportion to
//               `weights`.
//
// Valid ranges: a position lies on its issue's scale (a discrete issue's positions are its
// value indices: draws are rounded to the nearest one), a salience is >= 0, a capability is
// >= kMinDrawnPositive, a reservation value lies in [0, 1], a discount in
// [kMinDrawnPositive, 1].

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/random.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/uncertain_input.hpp"

namespace parley {

// How an input is named in tables and column names: "us.salience.sanctions",
// "ua.strategy", "ru.capability". REQUIRES: the input's indices are valid in `scenario`.
std::string input_label(const Scenario& scenario, const UncertainInput& input);

// The actor's stated (base) value of the input's field. For `strategy`, NaN.
double stated_value(const Scenario& scenario, const UncertainInput& input);

// One draw of a scenario: the scenario with every uncertain input replaced by a drawn value
// (its `uncertainty` left empty), and the drawn value of each input in input order (a
// strategy's is the index of the drawn strategy in `strategies`).
struct DrawnScenario {
  Scenario scenario;
  std::vector<double> values;
};

// Draws every uncertain input of `base`; input k from its own stream derive_seed(seed, k).
// Same seed, same draw, on every platform. REQUIRES: validate(base) accepts the scenario.
DrawnScenario draw_scenario(const Scenario& base, std::uint64_t seed);
// The same into existing storage (a sweep's thread reuses `out` and `values`).
// REQUIRES: &out != &base.
void draw_scenario(const Scenario& base, std::uint64_t seed, Scenario& out, std::vector<double>& values);

// The valid range of the input's field (header comment): a position's issue scale, [0, inf)
// for a salience, [kMinDrawnPositive, inf) for a capability, [0, 1] for a reservation
// value, [kMinDrawnPositive, 1] for a discount. Strategy: [0, strategies - 1] (an index).
struct FieldRange {
  double low = 0;
  double high = 0;
};
FieldRange field_range(const Scenario& scenario, const UncertainInput& input);

// One value from a numeric distribution, kept within [low, high] (the field's valid range):
// normal draws are clipped to [min, max] ∩ [low, high]; the others lie within it once
// validated. `stated` is the normal's mean when it has none. Not used for strategies. Consumes draws
// from `rng` as random.hpp states for the underlying calls (normal: 2 per attempt; uniform,
// triangular, weighted choice: 1; unweighted choice: uniform_below).
double draw_value(const Distribution& distribution, double stated, double low, double high, Rng& rng);
// P(X <= x) for X drawn by draw_value(distribution, stated, low, high, ·): the exact
// distribution function, point masses included (a clipped normal's bounds, a choice's
// values). Not for strategies. REQUIRES: the distribution is valid for [low, high].
double probability_at_most(const Distribution& distribution, double stated, double low, double high, double x);
// The index of the value a choice draws (weights applied). REQUIRES: kind choice, at least
// one value or strategy.
std::size_t draw_choice(const Distribution& distribution, Rng& rng);

}  // namespace parley
