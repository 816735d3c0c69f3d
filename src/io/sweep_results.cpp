// Sweep studies in the results database.
#include "parley/io/sweep_results.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "parley/core/error.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

std::string sql_text(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

Error stored_error(const std::string& what) {
  return Error(ErrorKind::invalid, "the sweep database's " + what + " is missing or malformed");
}

}  // namespace

StudyIdentity sweep_identity(const SweepPlan& plan, const std::string& variant) {
  const SweepLayout layout = sweep_layout(plan);
  StudyIdentity identity;
  identity.kind = "sweep";
  identity.runs = plan.runs;
  identity.width = layout.width;
  nlohmann::json strategies = nlohmann::json::object();
  for (const auto& [actor, spec] : plan.strategies) strategies[plan.scenario.actors.at(actor).id] = spec.text();
  identity.parameters = {
      {"scenario_hash", scenario_hash(plan.scenario)},
      {"variant", variant},
      {"seed", std::to_string(plan.seed)},
      {"models", nlohmann::json(plan.models).dump()},
      {"model_parameters", nlohmann::json(plan.model_parameters).dump()},
      {"negotiate", plan.negotiate ? "yes" : "no"},
      {"strategies", strategies.dump()},
      {"default_strategy", plan.default_strategy.text()},
      {"scenario", scenario_to_yaml(plan.scenario)},
  };
  identity.tables = {
      "CREATE TABLE inputs (input INTEGER PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID",
      "CREATE TABLE draws (run INTEGER NOT NULL, input INTEGER NOT NULL, value REAL, PRIMARY KEY (run, input)) "
      "WITHOUT ROWID",
      "CREATE TABLE forecasts (run INTEGER NOT NULL, model TEXT NOT NULL, issue TEXT NOT NULL, value REAL, "
      "PRIMARY KEY (run, model, issue)) WITHOUT ROWID",
      "CREATE TABLE stages (run INTEGER NOT NULL, stage TEXT NOT NULL, holds INTEGER, vetoed INTEGER, "
      "PRIMARY KEY (run, stage)) WITHOUT ROWID",
      "CREATE TABLE utilities (run INTEGER NOT NULL, stage TEXT NOT NULL, actor TEXT NOT NULL, utility REAL, "
      "PRIMARY KEY (run, stage, actor)) WITHOUT ROWID",
  };
  for (std::size_t i = 0; i < layout.inputs; ++i)
    identity.tables.push_back(
        fmt::format("INSERT INTO inputs VALUES ({}, {})", i, sql_text(layout.columns[i].substr(6))));  // "input:"
  return identity;
}

RowWriter sweep_row_writer(const SweepPlan& plan) {
  return [&plan, layout = sweep_layout(plan)](RowInserter& rows, std::span<const std::uint64_t> runs,
                                              std::span<const double> records) {
    const Scenario& s = plan.scenario;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const double* r = records.data() + i * layout.width;
      const auto run = static_cast<std::int64_t>(runs[i]);
      for (std::size_t k = 0; k < layout.inputs; ++k) rows.insert("draws", {run, std::int64_t(k), r[k]});
      for (std::size_t m = 0; m < plan.models.size(); ++m)
        for (std::size_t d = 0; d < layout.forecast_issues.size(); ++d)
          rows.insert("forecasts", {run, plan.models[m], s.issues[layout.forecast_issues[d]].id,
                                    r[layout.forecasts + m * layout.forecast_issues.size() + d]});
      if (!plan.negotiate) continue;
      for (std::size_t st = 0; st < s.stages.size(); ++st) {
        const double* stage = r + layout.stages + st * layout.stage_width;
        const auto flag = [](double x) { return std::isnan(x) ? SqlValue(nullptr) : SqlValue(std::int64_t(x)); };
        rows.insert("stages", {run, s.stages[st].id, flag(stage[0]), flag(stage[1])});
        for (std::size_t a = 0; a < s.actors.size(); ++a)
          if (!std::isnan(stage[2 + a])) rows.insert("utilities", {run, s.stages[st].id, s.actors[a].id, stage[2 + a]});
      }
    }
  };
}

SweepPlan stored_sweep_plan(const StoredStudy& study) {
  SweepPlan plan;
  const std::string yaml = study.parameter("scenario");
  if (yaml.empty()) throw stored_error("scenario");
  plan.scenario = parse_scenario_yaml(yaml, "the sweep database's scenario");
  try {
    plan.models = nlohmann::json::parse(study.parameter("models")).get<std::vector<std::string>>();
    plan.model_parameters = nlohmann::json::parse(study.parameter("model_parameters"))
                                .get<std::map<std::string, std::map<std::string, std::string>>>();
    const auto strategies =
        nlohmann::json::parse(study.parameter("strategies")).get<std::map<std::string, std::string>>();
    for (const auto& [actor, spec] : strategies) {
      const auto index = plan.scenario.find_actor(actor);
      if (!index) throw stored_error("strategies");
      plan.strategies[*index] = parse_strategy(spec);
    }
  } catch (const nlohmann::json::exception&) {
    throw stored_error("models or strategies");
  }
  plan.default_strategy = parse_strategy(study.parameter("default_strategy"));
  plan.negotiate = study.parameter("negotiate") == "yes";
  plan.runs = study.identity.runs;
  try {
    plan.seed = std::stoull(study.parameter("seed"));
  } catch (const std::exception&) {
    throw stored_error("seed");
  }
  if (sweep_layout(plan).width != study.identity.width) throw stored_error("record width");
  return plan;
}

}  // namespace parley
