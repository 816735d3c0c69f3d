#pragma once
// 80% intervals beside point forecasts: the models re-run on scenarios drawn from the
// scenario's `uncertainty:` section (a sweep without negotiation, sweep.hpp), and the 10%,
// 50% and 90% quantiles of each model's forecast over the draws. `parley forecast
// --intervals` and `parley report` show them.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/forecast/model.hpp"
#include "parley/run/sweep.hpp"

namespace parley {

struct ModelChoice {
  std::string model;  // registry name
  ModelParameters parameters;
};

// Per model (in the order given), per issue of scaled_issues(scenario): the quantiles of the
// model's forecast over `runs` draws, draw r seeded as a sweep's run r with `seed`. Runs on
// every core (run/executor.hpp); the result does not depend on the thread count.
// Throws parley::Error (field "uncertainty") when the scenario has no uncertain inputs and
// (field "runs") when runs is 0. REQUIRES: every model is registered.
std::vector<std::vector<Quantiles>> forecast_intervals(const Scenario& scenario, const std::vector<ModelChoice>& models,
                                                       std::uint64_t runs, std::uint64_t seed);

}  // namespace parley
