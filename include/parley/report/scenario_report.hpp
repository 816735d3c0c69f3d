#pragma once
// `parley report FILE`: a scenario on one page. The scenario (actors, issues, channels,
// stages, links), where the actors stand on each issue, the staged negotiation with its
// narrative (the same report blocks `parley negotiate` prints), each stage's Pareto frontier
// and negotiation dance, every forecast model per issue (with 80% intervals when the
// scenario has an `uncertainty:` section) and the dynamic models' rounds, and the variants
// side by side.

#include <cstdint>
#include <vector>

#include "parley/core/limits.hpp"
#include "parley/core/scenario.hpp"
#include "parley/report/html_page.hpp"

namespace parley {

struct ScenarioReportOptions {
  std::uint64_t seed = 0;  // of the negotiation and the stochastic forecast settings
  // Draws behind the forecasts' 80% intervals (scenarios with an `uncertainty:` section);
  // 0: no intervals. 200 puts the quantiles within about 2% of the spread between seeds.
  std::uint64_t interval_runs = 200;
  std::uint64_t max_memory_bytes = kDefaultMemoryLimit;  // per stage's tables and analysis
};

// `variants`: the scenario with each of its variants applied, in scenario.variants order
// (empty: no comparison). Throws parley::Error as run_staged does (a stage setting, memory).
HtmlPage scenario_report(const Scenario& scenario, const std::vector<Scenario>& variants,
                         const ScenarioReportOptions& options = {});

}  // namespace parley
