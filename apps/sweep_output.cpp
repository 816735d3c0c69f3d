// The text tables of a sweep's summary (sweep_output.hpp).

#include "sweep_output.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "parley/io/sweep_summary.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

constexpr std::size_t kShownInfluences = 3;  // inputs per output in the text table

std::string fixed(double x) { return std::isfinite(x) ? fmt::format("{:.2f}", x) : "-"; }

}  // namespace

void print_sweep(const SweepPlan& plan, const SweepSummary& summary) {
  const Scenario& s = plan.scenario;
  fmt::print("{}{}: {} draws, seed {}, {} uncertain inputs\n", s.name, s.variant.empty() ? "" : " (" + s.variant + ")",
             summary.runs, plan.seed, s.uncertainty.size());

  fmt::print("\nUncertain inputs (drawn values: median and 80% range)\n");
  TextTable inputs({"input", "distribution", "stated", "median", "p10", "p90"});
  for (std::size_t k = 0; k < s.uncertainty.size(); ++k) {
    const UncertainInput& input = s.uncertainty[k];
    const Quantiles& q = summary.inputs[k];
    if (input.field == UncertainField::strategy) {
      // The index of the drawn strategy: report how often each was drawn instead.
      // Quantiles of the drawn index, named.
      const auto name = [&](double x) {
        if (!std::isfinite(x)) return std::string("-");
        const auto k = std::min<std::size_t>(std::size_t(std::lround(x)), input.distribution.strategies.size() - 1);
        return input.distribution.strategies[k];
      };
      const std::string& stated = s.actors[input.actor].strategy;
      inputs.add({input_label(s, input), distribution_text(s, input), stated.empty() ? "default" : stated, name(q.p50),
                  name(q.p10), name(q.p90)});
      continue;
    }
    const auto value = [&](double x) { return std::isfinite(x) ? uncertain_value_text(s, input, x) : std::string("-"); };
    inputs.add({input_label(s, input), distribution_text(s, input), value(stated_value(s, input)), value(q.p50),
                value(q.p10), value(q.p90)});
  }
  inputs.print();

  if (!summary.forecasts.empty()) {
    fmt::print("\nForecasts (median [p10, p90] over the draws)\n");
    std::vector<std::string> header{"issue"};
    header.insert(header.end(), plan.models.begin(), plan.models.end());
    TextTable forecasts(header);
    const std::size_t issues = summary.forecasts.size() / plan.models.size();
    for (std::size_t d = 0; d < issues; ++d) {
      std::vector<std::string> row{s.issues[summary.forecasts[d].issue].id};
      for (std::size_t m = 0; m < plan.models.size(); ++m) {
        const Quantiles& q = summary.forecasts[m * issues + d].value;
        row.push_back(q.count ? fmt::format("{} [{}, {}]", fixed(q.p50), fixed(q.p10), fixed(q.p90)) : "-");
      }
      forecasts.add(std::move(row));
    }
    forecasts.print();
  }

  if (!summary.stages.empty()) {
    fmt::print("\nStages (share of draws)\n");
    TextTable stages({"stage", "holds", "vetoed"});
    for (const SweepStage& stage : summary.stages)
      stages.add({s.stages[stage.stage].id, fmt::format("{:.0f}%", 100 * stage.agreement),
                  fmt::format("{:.0f}%", 100 * stage.veto)});
    stages.print();
    fmt::print("\nUtilities per stage (of the agreement, else the reservation value)\n");
    TextTable utilities({"stage", "actor", "mean", "p10", "median", "p90"});
    for (const SweepStage& stage : summary.stages)
      for (const SweepActorUtility& u : stage.utilities)
        utilities.add({s.stages[stage.stage].id, s.actors[u.actor].id, fixed(u.utility.mean), fixed(u.utility.p10),
                       fixed(u.utility.p50), fixed(u.utility.p90)});
    utilities.print();
  }

  fmt::print("\nSensitivity (Spearman rank correlation of each result with each input; strongest {})\n",
             kShownInfluences);
  TextTable sensitivity({"result", "inputs that move it most (rho)"});
  for (const SweepSensitivity& output : summary.sensitivity) {
    std::vector<std::string> top;
    for (std::size_t k = 0; k < output.inputs.size() && k < kShownInfluences; ++k)
      top.push_back(
          fmt::format("{} {:+.2f}", input_label(s, s.uncertainty[output.inputs[k].input]), output.inputs[k].rho));
    sensitivity.add({output.output, fmt::format("{}", fmt::join(top, ", "))});
  }
  sensitivity.print();
  fmt::print("  |rho| near 1: the input orders the result; near 0: no monotone effect (docs/sweeps.md)\n");
}

}  // namespace parley::cli
