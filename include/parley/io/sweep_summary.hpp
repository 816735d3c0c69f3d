#pragma once
// How a sweep's summary reads as data: one JSON document and CSV rows (`parley sweep
// --json/--csv`, `parley results`, parley.sweep's to_dict()), and the texts of its inputs.
// The text tables of the CLI are built from the same texts.

#include <string>

#include <nlohmann/json.hpp>

#include "parley/core/uncertainty.hpp"
#include "parley/run/sweep.hpp"

namespace parley {

// A value of the input's field as the scenario format writes it: an option name for a
// position on a discrete issue, otherwise 3 significant digits.
std::string uncertain_value_text(const Scenario& scenario, const UncertainInput& input, double value);
// "triangular [0.4, 0.9, 1]", "normal (mean 0.5 stated, sd 0.07) in [0.35, 0.65]",
// "choice {boulware: 3, hardliner: 1}"; positions on discrete issues by option name.
std::string distribution_text(const Scenario& scenario, const UncertainInput& input);
// A believed reservation value (Actor::beliefs) about actor `about`: "0.35" for a point
// estimate, else distribution_text's words, e.g. "normal (mean 0.25, sd 0.05)".
std::string reservation_belief_text(const Scenario& scenario, std::size_t about, const Distribution& reservation);

// {scenario, variant, runs, seed, models, negotiate, inputs, forecasts, stages, sensitivity,
// method, parley}; non-finite numbers as null (docs/sweeps.md).
nlohmann::json sweep_summary_to_json(const SweepPlan& plan, const SweepSummary& summary);
// "section,output,input,count,mean,p10,p50,p90,value" and one line per number.
std::string sweep_summary_to_csv(const SweepPlan& plan, const SweepSummary& summary);

}  // namespace parley
