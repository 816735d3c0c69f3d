// Forecast intervals over drawn scenarios (forecast_intervals.hpp).
#include "parley/run/forecast_intervals.hpp"

#include "parley/run/executor.hpp"

namespace parley {

std::vector<std::vector<Quantiles>> forecast_intervals(const Scenario& scenario, const std::vector<ModelChoice>& models,
                                                       std::uint64_t runs, std::uint64_t seed) {
  SweepPlan plan = make_sweep_plan(scenario, runs, seed);
  plan.negotiate = false;
  plan.models.clear();
  for (const ModelChoice& choice : models) {
    plan.models.push_back(choice.model);
    plan.model_parameters[choice.model] = choice.parameters;
  }
  if (plan.models.empty()) return {};
  const SweepLayout layout = sweep_layout(plan);
  std::vector<std::uint64_t> pending(plan.runs);
  for (std::uint64_t r = 0; r < plan.runs; ++r) pending[r] = r;
  std::vector<double> records;
  execute(
      std::move(pending), layout.width,
      [&plan](std::uint64_t run, std::span<double> record) { compute_sweep_run(plan, run, record); },
      [&records](std::span<const std::uint64_t>, std::span<const double> block) {
        records.insert(records.end(), block.begin(), block.end());
      });
  const SweepSummary summary = summarize_sweep(plan, records);
  const std::size_t issues = layout.forecast_issues.size();
  std::vector<std::vector<Quantiles>> intervals(models.size());
  for (std::size_t m = 0; m < models.size(); ++m)
    for (std::size_t d = 0; d < issues; ++d) intervals[m].push_back(summary.forecasts[m * issues + d].value);
  return intervals;
}

}  // namespace parley
