// A sweep's runs and their summary (include/parley/run/sweep.hpp).

#include "parley/run/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/core/random.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Offsets only (no column names): what compute_sweep_run needs per run.
struct Offsets {
  std::size_t inputs, forecasts, stages, stage_width, width, issues;
};
Offsets offsets_of(const SweepPlan& plan, std::size_t issue_count) {
  Offsets at{};
  at.inputs = plan.scenario.uncertainty.size();
  at.issues = issue_count;
  at.forecasts = at.inputs;
  at.stages = at.forecasts + plan.models.size() * issue_count;
  at.stage_width = 2 + plan.scenario.actors.size();
  at.width = at.stages + (plan.negotiate ? plan.scenario.stages.size() * at.stage_width : 0);
  return at;
}

}  // namespace

SweepPlan make_sweep_plan(Scenario scenario, std::uint64_t runs, std::uint64_t seed) {
  if (scenario.uncertainty.empty())
    throw field_error("uncertainty",
                      "the scenario has no `uncertainty:` section, so every draw would be the same; add one "
                      "(docs/format.md, \"uncertainty\")");
  if (runs == 0) throw field_error("runs", "0 runs; a sweep needs at least 1 (try 200)");
  SweepPlan plan;
  plan.scenario = std::move(scenario);
  plan.runs = runs;
  plan.seed = seed;
  for (const ForecastModel* model : forecast_models()) plan.models.push_back(model->name());
  return plan;
}

SweepLayout sweep_layout(const SweepPlan& plan) {
  SweepLayout layout;
  layout.forecast_issues = plan.models.empty() ? std::vector<std::size_t>{} : scaled_issues(plan.scenario);
  const Offsets at = offsets_of(plan, layout.forecast_issues.size());
  layout.width = at.width;
  layout.inputs = at.inputs;
  layout.forecasts = at.forecasts;
  layout.stages = at.stages;
  layout.stage_width = at.stage_width;
  const Scenario& s = plan.scenario;
  for (const UncertainInput& input : s.uncertainty) layout.columns.push_back("input:" + input_label(s, input));
  for (const std::string& model : plan.models)
    for (std::size_t issue : layout.forecast_issues)
      layout.columns.push_back(fmt::format("forecast:{}:{}", model, s.issues[issue].id));
  if (plan.negotiate)
    for (const Stage& stage : s.stages) {
      layout.columns.push_back(fmt::format("stage:{}:holds", stage.id));
      layout.columns.push_back(fmt::format("stage:{}:vetoed", stage.id));
      for (const Actor& actor : s.actors)
        layout.columns.push_back(fmt::format("stage:{}:utility:{}", stage.id, actor.id));
    }
  return layout;
}

void compute_sweep_run(const SweepPlan& plan, std::uint64_t run, std::span<double> record) {
  const std::vector<std::size_t> issues =
      plan.models.empty() ? std::vector<std::size_t>{} : scaled_issues(plan.scenario);
  const Offsets at = offsets_of(plan, issues.size());
  if (record.size() != at.width)
    throw std::invalid_argument(
        fmt::format("compute_sweep_run: record of {} values, the layout has {}", record.size(), at.width));
  std::fill(record.begin(), record.end(), kNaN);

  DrawnScenario drawn = draw_scenario(plan.scenario, derive_seed(plan.seed, run));
  std::copy(drawn.values.begin(), drawn.values.end(), record.begin());

  if (!plan.models.empty()) {
    ActorTable table;
    bool tabled = true;
    try {
      table = to_actor_table(drawn.scenario, issues);
    } catch (const std::invalid_argument&) {
      tabled = false;  // e.g. rectangle utilities: no model can run, the forecasts stay NaN
    }
    const std::uint64_t seed = derive_seed(plan.seed, run, kSweepForecastStream);
    for (std::size_t m = 0; m < plan.models.size() && tabled; ++m) {
      const ForecastModel* model = find_forecast_model(plan.models[m]);
      if (!model)
        throw field_error("model", fmt::format("no forecast model '{}'", plan.models[m]), ErrorKind::unknown_name);
      try {
        const auto parameters = plan.model_parameters.find(plan.models[m]);
        const Forecast forecast =
            model->run(table, parameters == plan.model_parameters.end() ? ModelParameters{} : parameters->second, seed);
        for (std::size_t d = 0; d < issues.size() && d < forecast.outcome.size(); ++d)
          record[at.forecasts + m * issues.size() + d] = forecast.outcome[d];
      } catch (const std::invalid_argument&) {
        // The model cannot run on this draw's table: its forecasts stay NaN.
      }
    }
  }

  if (plan.negotiate) {
    StagedOptions options;
    options.strategies = plan.strategies;
    options.default_strategy = plan.default_strategy;
    options.seed = derive_seed(plan.seed, run, kSweepNegotiateStream);
    options.record_trace = false;
    options.analyze = false;
    const CompiledScenario compiled(std::move(drawn.scenario));
    const StagedResult result = run_staged(compiled, options);
    const std::size_t actors = plan.scenario.actors.size();
    for (const StageResult& stage : result.stages) {
      const std::size_t base = at.stages + stage.stage * at.stage_width;
      record[base] = holds(stage.status) ? 1 : 0;
      record[base + 1] = stage.status == StageStatus::rejected ? 1 : 0;
      for (const ActorUtility& utility : stage.utilities)
        if (utility.actor < actors) record[base + 2 + utility.actor] = utility.utility;
    }
    // A stage missing from the result did not run: it neither held nor was vetoed.
    for (std::size_t s = 0; s < plan.scenario.stages.size(); ++s) {
      const std::size_t base = at.stages + s * at.stage_width;
      if (std::isnan(record[base])) record[base] = record[base + 1] = 0;
    }
  }
}

double quantile_sorted(std::span<const double> sorted, double p) {
  if (sorted.empty()) throw std::invalid_argument("quantile_sorted: no values");
  const double h = (double(sorted.size()) - 1) * std::clamp(p, 0.0, 1.0);
  const auto lower = static_cast<std::size_t>(std::floor(h));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double fraction = h - double(lower);
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}

Quantiles describe_values(std::span<const double> values) {
  std::vector<double> finite;
  finite.reserve(values.size());
  for (double x : values)
    if (std::isfinite(x)) finite.push_back(x);
  Quantiles q;
  q.count = finite.size();
  if (finite.empty()) {
    q.mean = q.p10 = q.p50 = q.p90 = kNaN;
    return q;
  }
  // Summed in run order before sorting: the mean does not depend on how values tie.
  q.mean = std::accumulate(finite.begin(), finite.end(), 0.0) / double(finite.size());
  std::sort(finite.begin(), finite.end());
  q.p10 = quantile_sorted(finite, 0.1);
  q.p50 = quantile_sorted(finite, 0.5);
  q.p90 = quantile_sorted(finite, 0.9);
  return q;
}

namespace {

// Ranks 1..n, ties sharing their average rank.
std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (double(i) + double(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

double spearman(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw std::invalid_argument("spearman: x and y differ in length");
  std::vector<double> a, b;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) a.push_back(x[i]), b.push_back(y[i]);
  if (a.size() < 3) return kNaN;
  const std::vector<double> ra = average_ranks(a), rb = average_ranks(b);
  const double mean = (double(a.size()) + 1) / 2;  // of ranks 1..n, ties averaged
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    const double da = ra[i] - mean, db = rb[i] - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa == 0 || sbb == 0) return kNaN;
  return sab / std::sqrt(saa * sbb);
}

SweepSummary summarize_sweep(const SweepPlan& plan, std::span<const double> records) {
  const SweepLayout layout = sweep_layout(plan);
  if (layout.width == 0 || records.size() % layout.width != 0)
    throw std::invalid_argument(
        fmt::format("summarize_sweep: {} values are not whole records of {}", records.size(), layout.width));
  const std::size_t runs = records.size() / layout.width;
  const auto column = [&](std::size_t c) {
    std::vector<double> values(runs);
    for (std::size_t r = 0; r < runs; ++r) values[r] = records[r * layout.width + c];
    return values;
  };
  const auto mean_of = [](const std::vector<double>& values) { return describe_values(values).mean; };

  SweepSummary summary;
  summary.runs = runs;
  std::vector<std::vector<double>> inputs;
  for (std::size_t k = 0; k < layout.inputs; ++k) {
    inputs.push_back(column(k));
    summary.inputs.push_back(describe_values(inputs.back()));
  }
  std::vector<std::size_t> outputs;  // columns whose sensitivity is reported
  for (std::size_t m = 0; m < plan.models.size(); ++m)
    for (std::size_t d = 0; d < layout.forecast_issues.size(); ++d) {
      const std::size_t c = layout.forecasts + m * layout.forecast_issues.size() + d;
      summary.forecasts.push_back({plan.models[m], layout.forecast_issues[d], describe_values(column(c))});
      outputs.push_back(c);
    }
  if (plan.negotiate)
    for (std::size_t s = 0; s < plan.scenario.stages.size(); ++s) {
      const std::size_t base = layout.stages + s * layout.stage_width;
      SweepStage stage;
      stage.stage = s;
      stage.agreement = runs ? mean_of(column(base)) : kNaN;
      stage.veto = runs ? mean_of(column(base + 1)) : kNaN;
      outputs.push_back(base);
      outputs.push_back(base + 1);
      for (std::size_t a = 0; a < plan.scenario.actors.size(); ++a) {
        const Quantiles utility = describe_values(column(base + 2 + a));
        if (utility.count == 0) continue;
        stage.utilities.push_back({a, utility});
        outputs.push_back(base + 2 + a);
      }
      summary.stages.push_back(std::move(stage));
    }

  for (std::size_t c : outputs) {
    const std::vector<double> output = column(c);
    SweepSensitivity sensitivity;
    sensitivity.column = c;
    const std::string& name = layout.columns[c];
    sensitivity.output = name.substr(name.find(':') + 1);
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const double rho = spearman(inputs[k], output);
      if (!std::isnan(rho)) sensitivity.inputs.push_back({k, rho});
    }
    if (sensitivity.inputs.empty()) continue;  // the output (or every input) did not vary
    std::stable_sort(
        sensitivity.inputs.begin(), sensitivity.inputs.end(),
        [](const SweepInfluence& a, const SweepInfluence& b) { return std::abs(a.rho) > std::abs(b.rho); });
    summary.sensitivity.push_back(std::move(sensitivity));
  }
  return summary;
}

}  // namespace parley
