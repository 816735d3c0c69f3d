// A tournament or sweep database on one page (study_report.hpp).
#include "parley/report/study_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chart_parts.hpp"
#include "parley/core/error.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/io/tournament_results.hpp"
#include "parley/run/sweep.hpp"
#include "parley/run/tournament.hpp"

namespace parley {
namespace {

using nlohmann::json;

std::string interval_text(const Estimate& e, int digits = 3) {
  if (std::isnan(e.mean)) return "-";
  if (std::isnan(e.low)) return number_text(e.mean, digits);
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", e.mean, digits, e.low, digits, e.high, digits);
}

Chart ranking_chart(const TournamentSummary& summary) {
  Chart chart;
  chart.kind = "ranking";
  chart.title = "Ranking: own utility per negotiation";
  chart.caption = " Mean discounted utility each strategy got for itself (its reservation value without agreement), "
                  "with the 95% confidence interval (Student t).";
  chart.data.header = {"rank", "strategy", "utility", "95% low", "95% high", "ANAC score", "agreement", "welfare",
                       "to Pareto", "to Nash", "rounds", "negotiations"};
  json values = json::array();
  std::vector<std::string> order;
  for (std::size_t i = 0; i < summary.ranking.size(); ++i) {
    const StrategyScore& s = summary.ranking[i];
    order.push_back(s.strategy);
    values.push_back({{"strategy", s.strategy}, {"mean", s.utility.mean}, {"low", s.utility.low}, {"high", s.utility.high}});
    chart.data.rows.push_back({std::to_string(i + 1), s.strategy, number_text(s.utility.mean, 3), number_text(s.utility.low, 3),
                               number_text(s.utility.high, 3), interval_text(s.anac_score), interval_text(s.agreement, 2),
                               interval_text(s.welfare), interval_text(s.pareto_distance), interval_text(s.nash_distance),
                               interval_text(s.rounds, 1), std::to_string(s.negotiations)});
  }
  const json y = {{"field", "strategy"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  chart.spec = vega_lite_spec(chart.title, values, 420, int(order.size()) * 26 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "intervals"},
        {"transform", {{{"filter", "isValid(datum.low) && isFinite(datum.low)"}}}},
        {"mark", {{"type", "rule"}, {"strokeWidth", 2}, {"color", "#6b8fb5"}}},
        {"encoding", {{"x", {{"field", "low"}, {"type", "quantitative"}, {"title", "own utility"}}}, {"x2", {{"field", "high"}}}, {"y", y}}}},
       {{"name", "means"},
        {"mark", {{"type", "point"}, {"filled", true}, {"size", 80}, {"color", "#1f4e79"}}},
        {"encoding", {{"x", {{"field", "mean"}, {"type", "quantitative"}}}, {"y", y},
                      {"tooltip", json::array({{{"field", "strategy"}}, {{"field", "mean"}, {"format", ".3f"}},
                                               {{"field", "low"}, {"format", ".3f"}}, {{"field", "high"}, {"format", ".3f"}}})}}}}});
  return chart;
}

Chart utilities_chart(const StoredStudy& study, const std::vector<std::string>& strategies,
                      const TournamentSummary& summary) {
  namespace tr = tournament_record;
  std::vector<std::vector<double>> by_strategy(strategies.size());
  const std::size_t width = study.identity.width;
  for (std::size_t r = 0; r < study.runs.size(); ++r) {
    const double* record = study.records.data() + r * width;
    for (std::size_t seat = 0; seat < kMaxTournamentParties; ++seat) {
      const double strategy = record[tr::seats + seat * tr::seat_width + tr::strategy];
      if (!std::isfinite(strategy) || strategy < 0 || std::size_t(strategy) >= strategies.size()) continue;
      by_strategy[std::size_t(strategy)].push_back(record[tr::seats + seat * tr::seat_width + tr::discounted]);
    }
  }
  Chart chart;
  chart.kind = "utilities";
  chart.title = "Own utility, negotiation by negotiation";
  chart.caption = " Box plots of each strategy's discounted own utility over every seat it played: the box spans the "
                  "quartiles, the line inside is the median, the whiskers reach the lowest and highest values.";
  chart.data.header = {"strategy", "negotiations", "min", "q1", "median", "q3", "max"};
  json values = json::array();
  std::vector<std::string> order;
  for (const StrategyScore& score : summary.ranking) {
    const auto it = std::find(strategies.begin(), strategies.end(), score.strategy);
    if (it == strategies.end()) continue;
    const FiveNumbers f = five_numbers(by_strategy[std::size_t(it - strategies.begin())]);
    if (f.n == 0) continue;
    order.push_back(score.strategy);
    json row = five_numbers_json(f);
    row["strategy"] = score.strategy;
    values.push_back(std::move(row));
    chart.data.rows.push_back({score.strategy, std::to_string(f.n), number_text(f.min, 3), number_text(f.q1, 3),
                               number_text(f.median, 3), number_text(f.q3, 3), number_text(f.max, 3)});
  }
  chart.spec = vega_lite_spec(chart.title, values, 420, int(order.size()) * 26 + 20);
  chart.spec["layer"] =
      box_plot_layers("strategy", order, {{"title", "discounted own utility"}, {"scale", {{"domain", {0, 1}}}}}, ".3f");
  return chart;
}

Chart agreement_chart(const TournamentSummary& summary) {
  Chart chart;
  chart.kind = "agreement";
  chart.title = "Agreement rate";
  chart.caption = " Share of each strategy's negotiations that ended in agreement, with the 95% Wilson interval.";
  chart.data.header = {"strategy", "agreement", "95% low", "95% high"};
  json values = json::array();
  std::vector<std::string> order;
  for (const StrategyScore& s : summary.ranking) {
    order.push_back(s.strategy);
    values.push_back({{"strategy", s.strategy}, {"rate", s.agreement.mean}, {"low", s.agreement.low}, {"high", s.agreement.high}});
    chart.data.rows.push_back({s.strategy, number_text(s.agreement.mean, 3), number_text(s.agreement.low, 3),
                               number_text(s.agreement.high, 3)});
  }
  const json y = {{"field", "strategy"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  chart.spec = vega_lite_spec(chart.title, values, 420, int(order.size()) * 26 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "rates"},
        {"mark", {{"type", "bar"}, {"color", "#9ecae9"}}},
        {"encoding", {{"x", {{"field", "rate"}, {"type", "quantitative"}, {"title", "agreement rate"},
                             {"scale", {{"domain", {0, 1}}}}}}, {"y", y}}}},
       {{"name", "intervals"},
        {"mark", {{"type", "rule"}, {"color", "#1f4e79"}}},
        {"encoding", {{"x", {{"field", "low"}, {"type", "quantitative"}}}, {"x2", {{"field", "high"}}}, {"y", y}}}}});
  return chart;
}

void tournament_page(HtmlPage& page, const StoredStudy& study, const std::string& path) {
  const std::vector<std::string> strategies = stored_tournament_strategies(study);
  const TournamentSummary summary = summarize_tournament(strategies, study.records, study.identity.width);
  std::size_t domains = 0;
  try {
    domains = json::parse(study.parameter("domains")).size();
  } catch (const json::exception&) {
  }
  page.heading("Tournament", 1);
  page.paragraph(fmt::format("{} strategies on {} domain{}, {} of {} negotiations{}; seed {}, {} rounds, protocol {}.",
                             strategies.size(), domains, domains == 1 ? "" : "s", summary.runs, study.identity.runs,
                             summary.runs < study.identity.runs ? " (unfinished: run the same command again to continue)" : "",
                             study.parameter("seed"), study.parameter("rounds"), study.parameter("protocol")));
  page.note(fmt::format("Results database {} (schema {}, written by parley {}).", path, kResultsSchemaVersion,
                        study.parley_version));
  ReportTable domain_table{{"domain", "scenario hash : stage", "parties"}, {}};
  try {
    for (const json& domain : json::parse(study.parameter("domains")))
      domain_table.rows.push_back({domain.value("name", ""), domain.value("hash", ""),
                                   fmt::format("{}", fmt::join(domain.value("parties", std::vector<std::string>{}), ", "))});
  } catch (const json::exception&) {
  }
  page.heading("Ranking");
  page.chart(ranking_chart(summary));
  page.note("ANAC score: own discounted utility against other strategies only (no self-play); welfare: the sum of the "
            "parties' discounted utilities; to Pareto / to Nash: the distance of the outcome's utilities to the "
            "frontier and to the Nash point; rounds: to agreement.");
  page.heading("Distributions");
  page.chart(utilities_chart(study, strategies, summary));
  page.chart(agreement_chart(summary));
  page.heading("Domains");
  page.table(domain_table);
}

Chart sweep_forecast_chart(const Scenario& scenario, std::size_t issue, const std::vector<const SweepForecast*>& rows) {
  const Issue& definition = scenario.issues[issue];
  Chart chart;
  chart.kind = "sweep-forecast";
  chart.title = "Forecasts of " + definition.name + " over the draws";
  chart.caption = " Each model's median forecast over the drawn scenarios, and the range from its 10% to its 90% quantile.";
  chart.data.header = {"model", "mean", "p10", "median", "p90", "draws"};
  json values = json::array();
  for (const SweepForecast* row : rows) {
    if (row->value.count == 0) continue;
    values.push_back({{"model", row->model}, {"p10", row->value.p10}, {"median", row->value.p50}, {"p90", row->value.p90}});
    chart.data.rows.push_back({row->model, number_text(row->value.mean, 2), number_text(row->value.p10, 2),
                               number_text(row->value.p50, 2), number_text(row->value.p90, 2), std::to_string(row->value.count)});
  }
  const double lower = definition.kind == IssueKind::discrete ? 0.0 : definition.lower;
  const double upper = definition.kind == IssueKind::discrete ? definition.scale_length() : definition.upper;
  const json y = {{"field", "model"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}};
  chart.spec = vega_lite_spec(chart.title, values, 440, int(std::max<std::size_t>(values.size(), 2)) * 26 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "ranges"},
        {"mark", {{"type", "rule"}, {"strokeWidth", 3}, {"color", "#9ecae9"}}},
        {"encoding", {{"x", {{"field", "p10"}, {"type", "quantitative"}, {"title", definition.name},
                             {"scale", {{"domain", {lower, upper}}, {"nice", false}}}}},
                      {"x2", {{"field", "p90"}}}, {"y", y}}}},
       {{"name", "medians"},
        {"mark", {{"type", "point"}, {"filled", true}, {"size", 80}, {"color", "#1f4e79"}}},
        {"encoding", {{"x", {{"field", "median"}, {"type", "quantitative"}}}, {"y", y}}}}});
  return chart;
}

Chart histogram_chart(const SweepPlan& plan, const SweepLayout& layout, const StoredStudy& study, const SweepStage& stage) {
  const Scenario& scenario = plan.scenario;
  Chart chart;
  chart.kind = "histogram";
  chart.title = "Utilities in " + scenario.stages[stage.stage].name;
  chart.caption = fmt::format(" How each actor's utility of the stage's result is spread over the draws ({} equal bins "
                              "of [0, 1]); the stage held in {:.0f}% of them and was vetoed in {:.0f}%.",
                              kHistogramBins, 100 * stage.agreement, 100 * stage.veto);
  chart.data.header = {"actor", "from", "to", "draws"};
  json values = json::array();
  const std::string prefix = "stage:" + scenario.stages[stage.stage].id + ":utility:";
  for (const SweepActorUtility& actor : stage.utilities) {
    const std::string column_name = prefix + scenario.actors[actor.actor].id;
    const auto column = std::find(layout.columns.begin(), layout.columns.end(), column_name);
    if (column == layout.columns.end()) continue;
    const std::size_t c = std::size_t(column - layout.columns.begin());
    std::vector<std::size_t> counts(kHistogramBins, 0);
    for (std::size_t r = 0; r < study.runs.size(); ++r) {
      const double u = study.records[r * layout.width + c];
      if (!std::isfinite(u)) continue;
      counts[std::min(kHistogramBins - 1, std::size_t(std::max(0.0, u) * double(kHistogramBins)))]++;
    }
    for (std::size_t b = 0; b < kHistogramBins; ++b) {
      const double from = double(b) / double(kHistogramBins), to = double(b + 1) / double(kHistogramBins);
      values.push_back({{"actor", scenario.actors[actor.actor].name}, {"from", from}, {"to", to}, {"draws", counts[b]}});
      chart.data.rows.push_back({scenario.actors[actor.actor].name, number_text(from, 2), number_text(to, 2),
                                 std::to_string(counts[b])});
    }
  }
  chart.spec = vega_lite_spec(chart.title, std::move(values), 0, 0);
  chart.spec["facet"] = {{"field", "actor"}, {"type", "nominal"}, {"title", nullptr}};
  chart.spec["columns"] = 3;
  chart.spec["spec"] = {{"width", 200},
                        {"height", 110},
                        {"layer", json::array({{{"name", "bins"},
                                                {"mark", {{"type", "bar"}, {"color", "#4c78a8"}}},
                                                {"encoding", {{"x", {{"field", "from"}, {"type", "quantitative"}, {"bin", {{"binned", true}, {"step", 1.0 / double(kHistogramBins)}}}, {"title", "utility"}, {"scale", {{"domain", {0, 1}}}}}},
                                                              {"x2", {{"field", "to"}}},
                                                              {"y", {{"field", "draws"}, {"type", "quantitative"}}},
                                                              {"tooltip", json::array({{{"field", "from"}}, {{"field", "to"}}, {{"field", "draws"}}})}}}}})}};
  return chart;
}

Chart tornado_chart(const SweepPlan& plan, const SweepSensitivity& output) {
  Chart chart;
  chart.kind = "tornado";
  chart.title = "What moves " + output.output;
  chart.caption = fmt::format(" Spearman's rank correlation of each drawn input with the result over the draws, the "
                              "strongest {} first (Helton & Davis 2003; docs/sweeps.md).",
                              std::min(kTornadoInputs, output.inputs.size()));
  chart.data.header = {"input", "rho"};
  json values = json::array();
  std::vector<std::string> order;
  for (std::size_t k = 0; k < output.inputs.size() && k < kTornadoInputs; ++k) {
    const SweepInfluence& influence = output.inputs[k];
    const std::string label = input_label(plan.scenario, plan.scenario.uncertainty[influence.input]);
    order.push_back(label);
    values.push_back({{"input", label}, {"rho", influence.rho}});
    chart.data.rows.push_back({label, number_text(influence.rho, 3)});
  }
  chart.spec = vega_lite_spec(chart.title, values, 380, int(std::max<std::size_t>(order.size(), 2)) * 22 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "influences"},
        {"mark", {{"type", "bar"}}},
        {"encoding", {{"y", {{"field", "input"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
                      {"x", {{"field", "rho"}, {"type", "quantitative"}, {"title", "Spearman's rho"},
                             {"scale", {{"domain", {-1, 1}}}}}},
                      {"color", {{"condition", {{"test", "datum.rho < 0"}, {"value", "#d6604d"}}}, {"value", "#4393c3"}}},
                      {"tooltip", json::array({{{"field", "input"}}, {{"field", "rho"}, {"format", ".3f"}}})}}}}});
  return chart;
}

void sweep_page(HtmlPage& page, const StoredStudy& study, const std::string& path) {
  const SweepPlan plan = stored_sweep_plan(study);
  const SweepLayout layout = sweep_layout(plan);
  const SweepSummary summary = summarize_sweep(plan, study.records);
  const Scenario& scenario = plan.scenario;
  page.heading("Sweep of " + scenario.name, 1);
  page.paragraph(fmt::format("{} of {} draws{} from {} uncertain inputs; seed {}.", summary.runs, study.identity.runs,
                             summary.runs < study.identity.runs ? " (unfinished: run the same command again to continue)" : "",
                             scenario.uncertainty.size(), plan.seed));
  page.note(fmt::format("Results database {} (schema {}, written by parley {}).", path, kResultsSchemaVersion,
                        study.parley_version));
  ReportTable inputs{{"input", "mean", "p10", "median", "p90", "why uncertain"}, {}};
  for (std::size_t i = 0; i < scenario.uncertainty.size(); ++i) {
    const Quantiles& q = summary.inputs[i];
    inputs.rows.push_back({input_label(scenario, scenario.uncertainty[i]), number_text(q.mean, 3), number_text(q.p10, 3),
                           number_text(q.p50, 3), number_text(q.p90, 3), scenario.uncertainty[i].note});
  }
  page.heading("Uncertain inputs");
  page.table(inputs);
  if (!summary.forecasts.empty()) {
    page.heading("Forecasts");
    for (std::size_t issue : layout.forecast_issues) {
      std::vector<const SweepForecast*> rows;
      for (const SweepForecast& f : summary.forecasts)
        if (f.issue == issue) rows.push_back(&f);
      page.chart(sweep_forecast_chart(scenario, issue, rows));
    }
  }
  if (!summary.stages.empty()) {
    page.heading("Stages");
    ReportTable stages{{"stage", "holds", "vetoed"}, {}};
    for (const SweepStage& stage : summary.stages)
      stages.rows.push_back({scenario.stages[stage.stage].name, fmt::format("{:.1f}%", 100 * stage.agreement),
                             fmt::format("{:.1f}%", 100 * stage.veto)});
    page.table(stages);
    for (const SweepStage& stage : summary.stages)
      if (!stage.utilities.empty()) page.chart(histogram_chart(plan, layout, study, stage));
  }
  if (!summary.sensitivity.empty()) {
    page.heading("Sensitivity");
    std::vector<const SweepSensitivity*> outputs;
    for (const SweepSensitivity& s : summary.sensitivity)
      if (!s.inputs.empty()) outputs.push_back(&s);
    std::stable_sort(outputs.begin(), outputs.end(), [](const SweepSensitivity* a, const SweepSensitivity* b) {
      return std::abs(a->inputs.front().rho) > std::abs(b->inputs.front().rho);
    });
    page.note(fmt::format("The {} results that depend most strongly on one input; `parley results {} --json` lists "
                          "every result's influences.",
                          std::min(kTornadoResults, outputs.size()), path));
    for (std::size_t k = 0; k < outputs.size() && k < kTornadoResults; ++k) page.chart(tornado_chart(plan, *outputs[k]));
  }
}

// The scenario hash of a sweep; a tournament's domains' hashes ("HASH:stage"), space-separated.
std::string study_hashes(const StoredStudy& study) {
  if (study.identity.kind != "tournament") return study.parameter("scenario_hash");
  std::string hashes;
  try {
    for (const json& domain : json::parse(study.parameter("domains")))
      hashes += (hashes.empty() ? "" : " ") + domain.value("hash", "");
  } catch (const json::exception&) {
  }
  return hashes;
}

}  // namespace

HtmlPage study_report(const StoredStudy& study, const std::string& path) {
  if (study.runs.empty())
    throw Error(ErrorKind::invalid, "the database holds no finished run yet: run its study first (or again, to continue)",
                Location{path, 0, 0, "", false});
  const std::string kind = study.identity.kind;
  HtmlPage page((kind == "tournament" ? "Tournament" : "Sweep") + std::string(" — parley report"), study_hashes(study));
  if (kind == "tournament")
    tournament_page(page, study, path);
  else if (kind == "sweep")
    sweep_page(page, study, path);
  else
    throw Error(ErrorKind::invalid, fmt::format("a study of kind '{}', which this parley cannot report", kind),
                Location{path, 0, 0, "", false});
  return page;
}

}  // namespace parley
