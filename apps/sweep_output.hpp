#pragma once
// How a sweep's summary reads: text tables, one JSON document, CSV rows. Shared by `parley
// sweep` and by commands that summarise stored records again (they print the same formats).

#include <string>

#include <nlohmann/json.hpp>

#include "parley/core/uncertainty.hpp"
#include "parley/run/sweep.hpp"

namespace parley::cli {

// "triangular [0.4, 0.9, 1]", "normal (mean 0.5 stated, sd 0.07) in [0.35, 0.65]",
// "choice {boulware: 3, hardliner: 1}"; positions on discrete issues by option name.
std::string distribution_text(const Scenario& scenario, const UncertainInput& input);

void print_sweep(const SweepPlan& plan, const SweepSummary& summary);
nlohmann::json sweep_json(const SweepPlan& plan, const SweepSummary& summary);
std::string sweep_csv(const SweepPlan& plan, const SweepSummary& summary);

}  // namespace parley::cli
