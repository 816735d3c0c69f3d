// A sweep's summary as JSON and CSV (sweep_summary.hpp).
#include "parley/io/sweep_summary.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "delimited_text.hpp"
#include "parley/io/document_header.hpp"

namespace parley {

namespace {

nlohmann::json quantiles_json(const Quantiles& q) {
  const auto value = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
  return {{"count", q.count},
          {"mean", value(q.mean)},
          {"p10", value(q.p10)},
          {"median", value(q.p50)},
          {"p90", value(q.p90)}};
}

}  // namespace

std::string uncertain_value_text(const Scenario& scenario, const UncertainInput& input, double x) {
  if (input.field == UncertainField::position) {
    const Issue& issue = scenario.issues[input.issue];
    if (issue.kind == IssueKind::discrete && x >= 0 && x < double(issue.options.size()) && x == std::floor(x))
      return issue.options[std::size_t(x)];
  }
  return fmt::format("{:.3g}", x);
}

std::string distribution_text(const Scenario& scenario, const UncertainInput& input) {
  const Distribution& d = input.distribution;
  const auto value = [&](double x) { return uncertain_value_text(scenario, input, x); };
  switch (d.kind) {
    case DistributionKind::normal: {
      std::string text = fmt::format("normal (mean {}, sd {:g})", d.mean ? value(*d.mean) : "stated", d.sd);
      if (d.min || d.max) text += fmt::format(" in [{}, {}]", d.min ? value(*d.min) : "-", d.max ? value(*d.max) : "-");
      return text;
    }
    case DistributionKind::uniform:
      return fmt::format("uniform [{}, {}]", value(*d.min), value(*d.max));
    case DistributionKind::triangular:
      return fmt::format("triangular [{}, {}, {}]", value(*d.min), value(d.mode), value(*d.max));
    case DistributionKind::choice: {
      std::vector<std::string> items;
      const std::size_t count = std::max(d.values.size(), d.strategies.size());
      for (std::size_t k = 0; k < count; ++k) {
        std::string item = k < d.strategies.size() ? d.strategies[k] : value(d.values[k]);
        if (!d.weights.empty()) item += fmt::format(": {:g}", d.weights[k]);
        items.push_back(std::move(item));
      }
      return fmt::format("choice {{{}}}", fmt::join(items, ", "));
    }
  }
  return {};
}

std::string reservation_belief_text(const Scenario& scenario, std::size_t about, const Distribution& reservation) {
  if (reservation.kind == DistributionKind::choice && reservation.values.size() == 1 && reservation.weights.empty())
    return fmt::format("{:.3g}", reservation.values.front());
  return distribution_text(scenario, UncertainInput{about, UncertainField::reservation, 0, reservation, {}});
}

nlohmann::json sweep_summary_to_json(const SweepPlan& plan, const SweepSummary& summary) {
  const Scenario& s = plan.scenario;
  nlohmann::json document;
  document["scenario"] = s.name;
  document["variant"] = s.variant;
  document["runs"] = summary.runs;
  document["seed"] = plan.seed;
  document["models"] = plan.models;
  document["negotiate"] = plan.negotiate;
  nlohmann::json inputs = nlohmann::json::array();
  for (std::size_t k = 0; k < s.uncertainty.size(); ++k) {
    const UncertainInput& input = s.uncertainty[k];
    nlohmann::json entry = {{"input", input_label(s, input)},
                            {"actor", s.actors[input.actor].id},
                            {"field", to_string(input.field)},
                            {"distribution", distribution_text(s, input)},
                            {"note", input.note},
                            {"drawn", quantiles_json(summary.inputs[k])}};
    if (per_issue(input.field)) entry["issue"] = s.issues[input.issue].id;
    if (input.field != UncertainField::strategy) entry["stated"] = stated_value(s, input);
    inputs.push_back(std::move(entry));
  }
  document["inputs"] = inputs;
  nlohmann::json forecasts = nlohmann::json::array();
  for (const SweepForecast& f : summary.forecasts) {
    nlohmann::json entry = quantiles_json(f.value);
    entry["model"] = f.model;
    entry["issue"] = s.issues[f.issue].id;
    forecasts.push_back(std::move(entry));
  }
  document["forecasts"] = forecasts;
  nlohmann::json stages = nlohmann::json::array();
  for (const SweepStage& stage : summary.stages) {
    nlohmann::json utilities = nlohmann::json::array();
    for (const SweepActorUtility& u : stage.utilities) {
      nlohmann::json entry = quantiles_json(u.utility);
      entry["actor"] = s.actors[u.actor].id;
      utilities.push_back(std::move(entry));
    }
    stages.push_back({{"stage", s.stages[stage.stage].id},
                      {"agreement", stage.agreement},
                      {"veto", stage.veto},
                      {"utilities", utilities}});
  }
  document["stages"] = stages;
  nlohmann::json sensitivity = nlohmann::json::array();
  for (const SweepSensitivity& output : summary.sensitivity) {
    nlohmann::json influences = nlohmann::json::array();
    for (const SweepInfluence& influence : output.inputs)
      influences.push_back({{"input", input_label(s, s.uncertainty[influence.input])}, {"rho", influence.rho}});
    sensitivity.push_back({{"output", output.output}, {"inputs", influences}});
  }
  document["sensitivity"] = sensitivity;
  document["method"] = {{"quantiles", "Hyndman & Fan (1996) definition 7"},
                        {"sensitivity", "Spearman rank correlation (Helton & Davis 2003; Saltelli et al. 2008)"}};
  add_document_header(document, s);
  return document;
}

std::string sweep_summary_to_csv(const SweepPlan& plan, const SweepSummary& summary) {
  const Scenario& s = plan.scenario;
  std::string out = "section,output,input,count,mean,p10,p50,p90,value\n";
  const auto row = [&out](const std::string& section, const std::string& output, const std::string& input,
                          const Quantiles* q, double value) {
    const auto cell = [](double x) { return std::isfinite(x) ? fmt::format("{}", x) : std::string(); };
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", section, io_detail::csv_field(output), io_detail::csv_field(input),
                       q ? std::to_string(q->count) : "", q ? cell(q->mean) : "", q ? cell(q->p10) : "",
                       q ? cell(q->p50) : "", q ? cell(q->p90) : "", cell(value));
  };
  constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t k = 0; k < s.uncertainty.size(); ++k)
    row("input", input_label(s, s.uncertainty[k]), "", &summary.inputs[k], kNone);
  for (const SweepForecast& f : summary.forecasts)
    row("forecast", f.model + ":" + s.issues[f.issue].id, "", &f.value, kNone);
  for (const SweepStage& stage : summary.stages) {
    const std::string& id = s.stages[stage.stage].id;
    row("stage", id + ":holds", "", nullptr, stage.agreement);
    row("stage", id + ":vetoed", "", nullptr, stage.veto);
    for (const SweepActorUtility& u : stage.utilities)
      row("utility", id + ":" + s.actors[u.actor].id, "", &u.utility, kNone);
  }
  for (const SweepSensitivity& output : summary.sensitivity)
    for (const SweepInfluence& influence : output.inputs)
      row("sensitivity", output.output, input_label(s, s.uncertainty[influence.input]), nullptr, influence.rho);
  return out;
}

}  // namespace parley
