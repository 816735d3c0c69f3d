// A scenario on one page (scenario_report.hpp).
#include "parley/report/scenario_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "chart_parts.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/io/report.hpp"
#include "parley/report/scenario_charts.hpp"
#include "parley/run/forecast_intervals.hpp"

namespace parley {
namespace {

// A model's steps (core/limits.hpp) beyond which the report leaves it out, as `parley
// forecast` refuses it by default: about 10 s.
constexpr std::uint64_t kMaxForecastWork = 1'000'000'000;

std::string names_of(const Scenario& scenario, const std::vector<std::size_t>& actors) {
  return actors.empty() ? "-" : join_names(scenario, actors);
}

std::string issue_scale(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::discrete:
      return fmt::format("{} options{}: {}", issue.options.size(), issue.ordered ? " (ordered)" : "",
                         fmt::join(issue.options, ", "));
    case IssueKind::integer:
      return fmt::format("integers {:g} to {:g}", issue.lower, issue.upper);
    case IssueKind::continuous:
      return fmt::format("{:g} to {:g} ({} grid points)", issue.lower, issue.upper, issue.steps);
  }
  return "";
}

void scenario_section(HtmlPage& page, const Scenario& scenario) {
  page.heading("The scenario");
  ReportTable actors{{"actor", "name", "capability", "reservation value", "discount", "strategy", "note"}, {}};
  for (const Actor& actor : scenario.actors)
    actors.rows.push_back({actor.id, actor.name, number_text(actor.capability, 2), number_text(actor.reservation_value, 2),
                           number_text(actor.discount, 3), actor.strategy.empty() ? "-" : actor.strategy, actor.note});
  page.heading("Actors", 3);
  page.table(actors);
  ReportTable issues{{"issue", "name", "kind", "scale"}, {}};
  for (const Issue& issue : scenario.issues) issues.rows.push_back({issue.id, issue.name, to_string(issue.kind), issue_scale(issue)});
  page.heading("Issues", 3);
  page.table(issues);
  if (!scenario.channels.empty()) {
    ReportTable channels{{"channel", "name", "members", "outsiders see"}, {}};
    for (const Channel& channel : scenario.channels)
      channels.rows.push_back({channel.id, channel.name, names_of(scenario, channel.members), to_string(channel.outsiders_see)});
    page.heading("Channels", 3);
    page.table(channels);
  }
  ReportTable stages{{"stage", "name", "issues", "channel", "protocol", "deadline", "ratified by", "after"}, {}};
  for (const Stage& stage : scenario.stages) {
    std::vector<std::string> ids;
    for (std::size_t i : stage.issues) ids.push_back(scenario.issues[i].id);
    stages.rows.push_back({stage.id, stage.name, fmt::format("{}", fmt::join(ids, ", ")),
                           stage.channel ? scenario.channels[*stage.channel].id : "(all at the table)", stage.protocol,
                           std::to_string(stage.deadline), names_of(scenario, stage.ratify),
                           stage.after ? scenario.stages[*stage.after].id : "-"});
  }
  page.heading("Stages", 3);
  page.table(stages);
  if (!scenario.links.empty()) {
    ReportTable links{{"linked issues", "note"}, {}};
    for (const Link& link : scenario.links) {
      std::vector<std::string> ids;
      for (std::size_t i : link.issues) ids.push_back(scenario.issues[i].id);
      links.rows.push_back({fmt::format("{}", fmt::join(ids, " + ")), link.note});
    }
    page.heading("Links (issues that can be traded against each other)", 3);
    page.table(links);
  }
}

void positions_section(HtmlPage& page, const Scenario& scenario) {
  page.heading("Where the actors stand");
  bool any = false;
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    Chart chart = positions_chart(scenario, i);
    if (chart.data.rows.empty()) continue;
    page.chart(std::move(chart));
    any = true;
  }
  if (!any) page.note("No actor states a position (every actor's utility is given by hyper-rectangles).");
}

void negotiation_section(HtmlPage& page, const Scenario& scenario, const StagedResult& result) {
  page.heading("The negotiation");
  page.blocks(negotiation_report(scenario, result));
  for (std::size_t k = 0; k < result.stages.size(); ++k) {
    const StageResult& stage = result.stages[k];
    page.heading("Stage " + scenario.stages[stage.stage].name, 3);
    bool any = false;
    if (stage.analysis && stage.analysis_parties.size() >= 2 && !stage.analysis->pareto.empty()) {
      page.chart(frontier_chart(scenario, stage));
      any = true;
    }
    if (stage.moves > 0) {
      page.chart(dance_chart(scenario, result, k));
      any = true;
    }
    if (!any) page.note(fmt::format("Nothing to draw: the stage ended {} ({}).", to_string(stage.status),
                                    describe(stage.reason, scenario)));
  }
}

void forecast_section(HtmlPage& page, const Scenario& scenario, const ScenarioReportOptions& options) {
  page.heading("Forecasts");
  const std::vector<std::size_t> issues = scaled_issues(scenario);
  ActorTable table;
  try {
    if (issues.empty()) throw std::invalid_argument("no issue has a scale");
    table = to_actor_table(scenario, issues);
  } catch (const std::invalid_argument& e) {
    page.note(fmt::format("The forecast models cannot run on this scenario: {}.", e.what()));
    return;
  }
  std::vector<ModelForecast> models;
  std::vector<std::string> failures;
  for (const ForecastModel* model : forecast_models()) {
    ModelForecast entry{model->name(), std::nullopt, {}};
    try {
      if (model->work_estimate(table, {}) <= kMaxForecastWork)
        entry.forecast = model->run(table, {}, options.seed);
      else
        failures.push_back(model->name() + ": too much work for this table (run it with parley forecast --max-work)");
    } catch (const std::invalid_argument& e) {
      failures.push_back(model->name() + ": " + e.what());
    }
    models.push_back(std::move(entry));
  }
  if (options.interval_runs > 0 && !scenario.uncertainty.empty()) {
    std::vector<ModelChoice> choices;
    for (const ModelForecast& m : models)
      if (m.forecast) choices.push_back({m.model, {}});
    const auto intervals = forecast_intervals(scenario, choices, options.interval_runs, options.seed);
    std::size_t k = 0;
    for (ModelForecast& m : models)
      if (m.forecast) m.intervals = intervals[k++];
    page.note(fmt::format("80% intervals: the 10% and 90% quantiles of each model's forecast over {} scenarios drawn "
                          "from the scenario's {} uncertain inputs (docs/sweeps.md).",
                          options.interval_runs, scenario.uncertainty.size()));
  }
  std::vector<std::string> unscaled;
  for (std::size_t i = 0, k = 0; i < scenario.issues.size(); ++i)
    if (k < issues.size() && issues[k] == i)
      ++k;
    else
      unscaled.push_back(scenario.issues[i].id);
  if (!unscaled.empty())
    page.note(fmt::format("Not forecast (unordered options have no scale): {}.", fmt::join(unscaled, ", ")));
  for (const std::string& failure : failures) page.note("Not run: " + failure);
  for (std::size_t d = 0; d < issues.size(); ++d) page.chart(forecast_chart(scenario, issues[d], d, models));
  for (const ModelForecast& m : models)
    if (m.forecast && m.forecast->rounds.size() > 1 && (m.model == "smp" || m.model == "eum"))
      page.chart(history_chart(table, m.model, *m.forecast));
}

void variants_section(HtmlPage& page, const Scenario& scenario, const StagedResult& base,
                      const std::vector<Scenario>& variants, const ScenarioReportOptions& options) {
  if (variants.empty()) return;
  page.heading("Variants side by side");
  std::vector<VariantOutcome> outcomes{{"base", base.overall}};
  std::vector<StagedResult> results;
  StagedOptions staged;
  staged.seed = options.seed;
  staged.record_trace = false;
  staged.analyze = false;
  staged.max_memory_bytes = options.max_memory_bytes;
  ReportTable decisions{{"issue", "base"}, {}};
  for (std::size_t v = 0; v < variants.size(); ++v) {
    results.push_back(run_staged(variants[v], staged));
    outcomes.push_back({scenario.variants[v].id, results.back().overall});
    decisions.header.push_back(scenario.variants[v].id);
  }
  ReportTable described{{"variant", "what it changes"}, {}};
  for (const VariantSummary& variant : scenario.variants)
    described.rows.push_back({variant.id, variant.description.empty() ? fmt::format("sets {}", fmt::join(variant.overrides, ", "))
                                                                      : variant.description});
  page.table(described);
  page.chart(variants_chart(scenario, outcomes));
  auto decided = [](const Issue& issue, const IssueDecision& decision) {
    if (!decision.value) return std::string("open");
    return issue.value_text(*decision.value, Issue::TextStyle::compact) + (decision.in_principle ? " (in principle)" : "");
  };
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    std::vector<std::string> row{scenario.issues[i].name, decided(scenario.issues[i], base.issues[i])};
    for (const StagedResult& result : results) row.push_back(decided(scenario.issues[i], result.issues[i]));
    decisions.rows.push_back(std::move(row));
  }
  page.heading("What each variant decides, issue by issue", 3);
  page.table(decisions);
}

}  // namespace

HtmlPage scenario_report(const Scenario& scenario, const std::vector<Scenario>& variants,
                         const ScenarioReportOptions& options) {
  HtmlPage page(scenario.name + (scenario.variant.empty() ? "" : " (variant " + scenario.variant + ")") + " — parley report",
                scenario_hash(scenario));
  page.heading(scenario.name + (scenario.variant.empty() ? "" : " — variant " + scenario.variant), 1);
  if (!scenario.description.empty()) page.paragraph(scenario.description);
  page.note(fmt::format("Seed {}. Every figure on this page comes from parley {} on scenario {}; run `parley report` "
                        "again with the same file and seed for the same page.",
                        options.seed, PARLEY_VERSION, scenario_hash(scenario)));
  scenario_section(page, scenario);
  positions_section(page, scenario);
  StagedOptions staged;
  staged.seed = options.seed;
  staged.record_trace = true;
  staged.analyze = true;
  staged.max_memory_bytes = options.max_memory_bytes;
  const StagedResult result = run_staged(scenario, staged);
  negotiation_section(page, scenario, result);
  forecast_section(page, scenario, options);
  variants_section(page, scenario, result, variants, options);
  return page;
}

}  // namespace parley
