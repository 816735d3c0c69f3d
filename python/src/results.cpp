// forecast, analyze and negotiate: the CLI commands' work (apps/forecast.cpp, analyze.cpp,
// negotiate.cpp) as functions, each result typed, with numpy arrays and a to_dict() equal
// to the corresponding part of the command's --json document.

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/scenario.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"
#include "parley/io/analysis_json.hpp"
#include "parley/io/forecast_json.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley::python {

namespace {

using ScenarioPtr = std::shared_ptr<const Scenario>;

// The forecast command's default work limit (apps/forecast.cpp): about 10 s of model work.
constexpr std::uint64_t kDefaultMaxForecastWork = 1'000'000'000;

py::array_t<double> vector_array(const std::vector<double>& values) {
  py::array_t<double> array(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), array.mutable_data());
  return array;
}

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

// ---- forecast ---------------------------------------------------------------------------

struct ForecastResult {
  std::string model;
  std::string description;
  ModelParameters parameters;
  std::optional<Forecast> forecast;  // none when the model could not run (error)
  std::string error;
  std::shared_ptr<const ActorTable> table;

  // The command's models[i] entry (apps/forecast.cpp), without interval80.
  nlohmann::json json() const {
    nlohmann::json entry = forecast ? forecast_to_json(*forecast, *table) : nlohmann::json::object();
    entry["model"] = model;
    entry["description"] = description;
    entry["parameters"] = parameters;
    if (!forecast) entry["error"] = error;
    return entry;
  }
};

std::vector<const ForecastModel*> resolve_models(const std::vector<std::string>& requested) {
  std::vector<std::string> names;
  for (const ForecastModel* model : forecast_models()) names.push_back(model->name());
  std::vector<const ForecastModel*> models;
  for (const std::string& name : requested) {
    std::vector<const ForecastModel*> chosen;
    if (name == "all") {
      chosen = forecast_models();
    } else if (const ForecastModel* model = find_forecast_model(name)) {
      chosen.push_back(model);
    } else {
      throw field_error("model", fmt::format("no model '{}'{}; models: {}, all", name, did_you_mean(name, names),
                                             fmt::join(names, ", ")),
                        ErrorKind::unknown_name);
    }
    for (const ForecastModel* model : chosen)
      if (std::find(models.begin(), models.end(), model) == models.end()) models.push_back(model);
  }
  return models;
}

std::vector<ForecastResult> forecast(const Scenario& scenario, const std::optional<std::vector<std::string>>& requested,
                                               std::uint64_t seed, const std::map<std::string, ModelParameters>& given,
                                               std::uint64_t max_work) {
  const auto issues = scaled_issues(scenario);
  if (issues.empty()) throw field_error("scenario", "no issue has a scale (unordered issues cannot be forecast)");
  auto table = std::make_shared<ActorTable>();
  try {
    *table = to_actor_table(scenario, issues);
  } catch (const std::invalid_argument& e) {
    throw field_error("scenario", fmt::format("cannot forecast: {}", e.what()));
  }
  if (table->actor_count() == 0) throw field_error("scenario", "no actors to forecast");
  const auto models = resolve_models(requested.value_or(std::vector<std::string>{"all"}));
  for (const auto& [name, parameters] : given) {
    const bool selected = std::any_of(models.begin(), models.end(), [&](auto* m) { return m->name() == name; });
    if (!selected)
      throw field_error("model parameter", fmt::format("parameters for model '{}', which `models` does not run", name));
  }
  std::vector<ForecastResult> results;
  for (const ForecastModel* model : models) {
    ForecastResult result{model->name(), model->description(), {}, std::nullopt, {}, table};
    if (auto it = given.find(model->name()); it != given.end()) result.parameters = it->second;
    try {
      const std::uint64_t steps = model->work_estimate(*table, result.parameters);
      check_work(steps, max_work,
                 fmt::format("{} on {} actors on {} issues", model->name(), table->actor_count(), table->dimension_count()),
                 "; forecast fewer actors or issues");
      py::gil_scoped_release release;
      result.forecast = model->run(*table, result.parameters, seed);
    } catch (const std::invalid_argument& e) {
      if (models.size() == 1) throw field_error("scenario", fmt::format("model '{}' cannot run: {}", model->name(), e.what()));
      result.error = e.what();
    } catch (const Error& e) {
      // Several models: the others still run; the one over the limit says why it did not.
      if (models.size() == 1 || e.location().field != kWorkLimitField) throw;
      result.error = e.message() + "; or raise the limit with max_work";
    }
    results.push_back(std::move(result));
  }
  return results;
}

// ---- analyze ----------------------------------------------------------------------------

struct AnalysisResult {
  ScenarioPtr scenario;
  std::size_t stage = 0;
  std::vector<std::size_t> parties;
  OutcomeSpace space;
  Analysis analysis;
  WinSet win_set;  // for to_dict(), as `parley analyze --json` prints it
};

std::size_t resolve_stage(const Scenario& scenario, const std::optional<std::string>& id) {
  if (!id) return 0;
  if (auto stage = scenario.find_stage(*id)) return *stage;
  const auto ids = ids_of(scenario.stages);
  throw field_error("stage", fmt::format("no stage '{}'{}; stages: {}", *id, did_you_mean(*id, ids), fmt::join(ids, ", ")),
                    ErrorKind::unknown_name);
}

AnalysisResult analyze_stage(const ScenarioPtr& scenario, const std::optional<std::string>& stage_id) {
  AnalysisResult result;
  result.scenario = scenario;
  result.stage = resolve_stage(*scenario, stage_id);
  // What `parley analyze` analyses: the agenda `negotiate` bargains over when the stage runs
  // first (links join their issues), for the parties whose agreement it needs.
  const std::vector<std::size_t> agenda = standalone_agenda(*scenario, result.stage).issues;
  result.parties = scenario->stage_parties(result.stage, agenda);
  if (result.parties.empty())
    throw field_error("stage", fmt::format("no actor has a stake in stage '{}'", scenario->stages[result.stage].id));
  result.space = OutcomeSpace(scenario->issues, agenda);
  std::uint64_t values = 0;
  for (const std::uint32_t radix : result.space.radices()) values += radix;
  const AnalysisOptions options;
  check_memory(saturating_product(result.parties.size(), values, sizeof(double)), options.max_memory_bytes,
               fmt::format("tabulating {} parties' utilities over {} issue values", result.parties.size(), values));
  std::vector<CompiledUtility> utilities;
  for (std::size_t p : result.parties) utilities.emplace_back(scenario->actors[p], scenario->issues, result.space);
  py::gil_scoped_release release;
  result.analysis = analyze(utilities, result.space, options);
  result.win_set = win_set(utilities, stage_ratifiers(*scenario, result.stage, result.parties), result.space, result.analysis);
  return result;
}

py::object solution(const std::optional<ScoredOutcome>& point) {
  return point ? py::object(vector_array(point->utilities)) : py::object(py::none());
}

// ---- negotiate --------------------------------------------------------------------------

struct NegotiationResult {
  ScenarioPtr scenario;
  StagedResult result;
  bool trace = false;  // negotiate(..., trace=True): result.trace was recorded
};

// One record of the trace, as `parley negotiate --trace` writes it (trace_record_to_json).
struct TraceEvent {
  nlohmann::ordered_json record;
};

py::object field(const TraceEvent& e, const char* key) { return to_python(nlohmann::json::parse(e.record[key].dump())); }

struct StageSummary {
  std::string stage;
  std::string status;
  std::string reason;
  nlohmann::json agreement;  // null without one
  std::map<std::string, double> utilities;  // per stakeholder
  std::vector<std::string> parties;
};

StageSummary summary(const Scenario& scenario, const StageResult& stage) {
  StageSummary s;
  s.stage = scenario.stages[stage.stage].id;
  s.status = to_string(stage.status);
  s.reason = describe(stage.reason, scenario);
  if (stage.agreement) s.agreement = outcome_to_json(scenario, stage.space, *stage.agreement);
  for (const ActorUtility& u : stage.utilities) s.utilities[scenario.actors[u.actor].id] = u.utility;
  for (std::size_t p : stage.parties) s.parties.push_back(scenario.actors[p].id);
  return s;
}

NegotiationResult negotiate(const Scenario& given, std::uint64_t seed, const std::map<std::string, py::object>& strategies,
                            const std::optional<std::string>& stage, const std::optional<std::int32_t>& rounds, bool trace) {
  const ScenarioPtr scenario = checked_scenario(given);
  std::map<std::string, std::string> texts;
  for (const auto& [actor, value] : strategies) texts[actor] = strategy_text(value);  // a spec text or a Negotiator class
  StagedOptions options = staged_options(*scenario, seed, texts, rounds);
  if (stage) options.only_stage = resolve_stage(*scenario, stage);
  options.record_trace = trace;  // the result is the same without it (staged.hpp)
  NegotiationResult result{scenario, {}, trace};
  py::gil_scoped_release release;
  result.result = run_staged(*scenario, options);
  return result;
}

}  // namespace

StagedOptions staged_options(const Scenario& scenario, std::uint64_t seed,
                             const std::map<std::string, std::string>& strategies,
                             const std::optional<std::int32_t>& rounds) {
  StagedOptions options;
  options.seed = seed;
  for (const auto& [actor, text] : strategies) {
    StrategySpec spec = parse_strategy(text);
    if (actor == "*") {
      options.default_strategy = std::move(spec);
      continue;
    }
    const auto index = scenario.find_actor(actor);
    if (!index) {
      const auto ids = ids_of(scenario.actors);
      throw field_error("strategy", fmt::format("no actor '{}'{}; actors: {}", actor, did_you_mean(actor, ids),
                                                fmt::join(ids, ", ")),
                        ErrorKind::unknown_name);
    }
    options.strategies[*index] = std::move(spec);
  }
  if (rounds) {
    if (*rounds < 1 || *rounds > kMaxDeadlineRounds)
      throw field_error("deadline", fmt::format("{} rounds: use 1 to {}", *rounds, kMaxDeadlineRounds));
    options.deadline = *rounds;
  }
  return options;
}

void bind_results(py::module_& m) {
  py::class_<ForecastResult>(m, "ForecastResult", "One model's forecast of a scenario's scaled issues.")
      .def_readonly("model", &ForecastResult::model)
      .def_readonly("description", &ForecastResult::description)
      .def_readonly("parameters", &ForecastResult::parameters, "the parameters given (defaults not listed)")
      .def_property_readonly(
          "outcome",
          [](const ForecastResult& r) {
            py::dict outcome;
            if (r.forecast)
              for (std::size_t d = 0; d < r.forecast->outcome.size(); ++d)
                outcome[py::str(r.table->dimensions[d])] = r.forecast->outcome[d];
            return outcome;
          },
          "issue id -> forecast value on the issue's scale (ordinal index for discrete issues); {} on error")
      .def_property_readonly(
          "rounds", [](const ForecastResult& r) { return r.forecast && !r.forecast->rounds.empty() ? r.forecast->rounds.size() - 1 : 0; },
          "rounds played by a dynamic model (0 for static ones)")
      .def_property_readonly("stop_reason", [](const ForecastResult& r) { return r.forecast ? r.forecast->stop_reason : ""; })
      .def_property_readonly("error", [](const ForecastResult& r) { return r.forecast ? py::object(py::none()) : py::object(py::str(r.error)); },
                             "why the model could not run (with several models), else None")
      .def("to_dict", [](const ForecastResult& r) { return to_python(r.json()); },
           "The model's entry of `parley forecast --json` (models[i]) as plain Python objects.")
      .def("__repr__", [](const ForecastResult& r) { return "<parley.ForecastResult " + r.model + ">"; });

  m.def(
      "forecast",
      [](const Scenario& scenario, py::object models, std::uint64_t seed,
         const std::map<std::string, ModelParameters>& parameters, std::uint64_t max_work) {
        std::optional<std::vector<std::string>> names;
        if (py::isinstance<py::str>(models))
          names = std::vector<std::string>{models.cast<std::string>()};
        else if (!models.is_none())
          names = models.cast<std::vector<std::string>>();
        py::dict results;  // in the order run, as the CLI lists them
        for (ForecastResult& result : forecast(*checked_scenario(scenario), names, seed, parameters, max_work)) {
          const py::str name(result.model);
          results[name] = py::cast(std::move(result));
        }
        return results;
      },
      py::arg("scenario"), py::arg("models") = py::none(), py::arg("seed") = 0,
      py::arg("parameters") = std::map<std::string, ModelParameters>{}, py::arg("max_work") = kDefaultMaxForecastWork,
      "forecast(scenario, models=None, seed=0, parameters={}, max_work=10**9) -> dict[str, ForecastResult]\n\n"
      "`parley forecast`: the collective-decision models on the scenario's scaled issues.\n"
      "models: None or 'all' for every registered model, a name, or a list of names (smp, eum,\n"
      "compromise, median, nash, exchange). parameters: {model: {name: 'value'}} as --param\n"
      "MODEL.NAME=VALUE. Returns {model name: ForecastResult} in the order run. With several\n"
      "models one that cannot run has .error set; with one, parley.Error is raised.");

  py::class_<AnalysisResult>(m, "Analysis",
                             "`parley analyze` of one stage: the Pareto frontier and the bargaining solutions.")
      .def_property_readonly("stage", [](const AnalysisResult& r) { return r.scenario->stages[r.stage].id; })
      .def_property_readonly(
          "parties",
          [](const AnalysisResult& r) {
            std::vector<std::string> ids;
            for (std::size_t p : r.parties) ids.push_back(r.scenario->actors[p].id);
            return ids;
          },
          "actor ids, one per column of the utility arrays")
      .def_property_readonly(
          "issues",
          [](const AnalysisResult& r) {
            std::vector<std::string> ids;
            for (std::size_t k = 0; k < r.space.issue_count(); ++k) ids.push_back(r.scenario->issues[r.space.scenario_issue(k)].id);
            return ids;
          },
          "issue ids of the agenda analysed (the stage's own and linked ones)")
      .def_property_readonly(
          "pareto",
          [](const AnalysisResult& r) {
            const auto& frontier = r.analysis.pareto;
            const std::size_t k = r.parties.size();
            py::array_t<double> array({static_cast<py::ssize_t>(frontier.size()), static_cast<py::ssize_t>(k)});
            double* out = array.mutable_data();
            for (const ScoredOutcome& point : frontier) out = std::copy(point.utilities.begin(), point.utilities.end(), out);
            return array;
          },
          "float64 array, points x parties: the frontier's utilities, sorted by the first party's, descending")
      .def_property_readonly(
          "pareto_outcomes",
          [](const AnalysisResult& r) {
            py::list outcomes;
            for (const ScoredOutcome& point : r.analysis.pareto)
              outcomes.append(to_python(outcome_to_json(*r.scenario, r.space, point.outcome)));
            return outcomes;
          },
          "the frontier's outcomes, row by row of .pareto, as {issue id: value}")
      .def_property_readonly("nash", [](const AnalysisResult& r) { return solution(r.analysis.nash); },
                             "utilities of the Nash bargaining point, or None")
      .def_property_readonly("kalai_smorodinsky", [](const AnalysisResult& r) { return solution(r.analysis.kalai_smorodinsky); })
      .def_property_readonly("utilitarian", [](const AnalysisResult& r) { return solution(r.analysis.utilitarian); })
      .def_property_readonly("egalitarian", [](const AnalysisResult& r) { return solution(r.analysis.egalitarian); })
      .def_property_readonly("disagreement", [](const AnalysisResult& r) { return vector_array(r.analysis.disagreement); },
                             "reservation values, per party")
      .def_property_readonly("ideal", [](const AnalysisResult& r) { return vector_array(r.analysis.ideal); })
      .def_property_readonly("method", [](const AnalysisResult& r) { return std::string(to_string(r.analysis.method)); })
      .def_property_readonly("exact", [](const AnalysisResult& r) { return r.analysis.exact; })
      .def_property_readonly(
          "win_set",
          [](const AnalysisResult& r) {
            return to_python(win_set_to_json(*r.scenario, r.parties, r.space, r.analysis, r.win_set));
          },
          "the win-set (Putnam 1988): the outcomes the table and every ratifier accept, as `win_set` of "
          "to_dict(): size, table, empty, parties, shrinks_by, nash, kalai_smorodinsky, utilitarian, blockers")
      .def("to_dict",
           [](const AnalysisResult& r) { return to_python(analysis_to_json(*r.scenario, r.stage, r.parties, r.space, r.analysis, r.win_set)); },
           "The document `parley analyze --stage STAGE --json` prints, as plain Python objects.");

  m.def(
      "analyze",
      [](const Scenario& scenario, const std::optional<std::string>& stage) {
        return analyze_stage(checked_scenario(scenario), stage);
      },
      py::arg("scenario"), py::arg("stage") = py::none(),
      "analyze(scenario, stage=None) -> Analysis\n\n"
      "`parley analyze`: the Pareto frontier, Nash and Kalai-Smorodinsky points and welfare optima\n"
      "of a stage (the first unless `stage` names one), over the agenda the stage bargains over\n"
      "when it runs first (its issues and linked ones), for the parties whose agreement it needs.\n"
      "Releases the GIL while it computes.");

  py::class_<StageSummary>(m, "StageResult", "How one stage of a negotiation ended.")
      .def_readonly("stage", &StageSummary::stage, "stage id")
      .def_readonly("status", &StageSummary::status, "agreement, partial, rejected, failure, blocked or settled")
      .def_readonly("reason", &StageSummary::reason, "why it ended so, in words")
      .def_property_readonly("agreement", [](const StageSummary& s) { return to_python(s.agreement); },
                             "{issue id: value} agreed at the table (also when vetoed), or None")
      .def_readonly("utilities", &StageSummary::utilities, "actor id -> utility of the result, per stakeholder")
      .def_readonly("parties", &StageSummary::parties, "actor ids at the table")
      .def("__repr__", [](const StageSummary& s) { return "<parley.StageResult " + s.stage + ": " + s.status + ">"; });

  py::class_<TraceEvent>(m, "TraceRecord",
                         "One event of a staged negotiation's trace (parley::TraceRecord), as a line of `parley negotiate\n"
                         "--trace FILE`: ids instead of indices, outcomes as {issue id: value}.")
      .def_property_readonly("seq", [](const TraceEvent& e) { return e.record["seq"].get<std::size_t>(); }, "position in the trace")
      .def_property_readonly("stage", [](const TraceEvent& e) { return e.record["stage"].get<std::string>(); }, "stage id")
      .def_property_readonly("channel", [](const TraceEvent& e) { return field(e, "channel"); },
                             "channel id, or None (open table)")
      .def_property_readonly("round", [](const TraceEvent& e) { return field(e, "round"); },
                             "protocol round, or None outside the talks")
      .def_property_readonly("time", [](const TraceEvent& e) { return e.record["time"].get<double>(); }, "relative time in the stage")
      .def_property_readonly("clock", [](const TraceEvent& e) { return e.record["clock"].get<double>(); }, "time offset + elapsed, clock units")
      .def_property_readonly("kind", [](const TraceEvent& e) { return e.record["kind"].get<std::string>(); },
                             "talks, offer, accept, reject, no_offer, end, text, agreed_in_principle, reopen, agreement,\n"
                             "timeout, ratification, ratified, vetoed, announcement or blocked (parley::RecordKind)")
      .def_property_readonly("sender", [](const TraceEvent& e) { return field(e, "sender"); },
                             "actor id, or None")
      .def_property_readonly("addressee", [](const TraceEvent& e) { return field(e, "addressee"); },
                             "ratification: the ratifier's actor id, else None")
      .def_property_readonly("outcome", [](const TraceEvent& e) { return field(e, "outcome"); },
                             "{issue id: value}, or None")
      .def_property_readonly("issue", [](const TraceEvent& e) { return field(e, "issue"); })
      .def_property_readonly("value", [](const TraceEvent& e) { return field(e, "value"); })
      .def_property_readonly("utilities", [](const TraceEvent& e) { return field(e, "utilities"); },
                             "{actor id: utility of outcome} per stakeholder")
      .def_property_readonly("observers", [](const TraceEvent& e) { return e.record["observers"].get<std::vector<std::string>>(); },
                             "actor ids that observed the event (never the sender)")
      .def("to_dict", [](const TraceEvent& e) { return to_python(nlohmann::json::parse(e.record.dump())); },
           "The record as the --trace line's JSON object.")
      .def("__repr__", [](const TraceEvent& e) {
        return fmt::format("<parley.TraceRecord {} {} {}>", e.record["seq"].get<std::size_t>(), e.record["stage"].get<std::string>(),
                           e.record["kind"].get<std::string>());
      });

  py::class_<NegotiationResult>(m, "NegotiationResult", "`parley negotiate`: a staged negotiation's result.")
      .def_property_readonly(
          "stages",
          [](const NegotiationResult& r) {
            std::vector<StageSummary> stages;
            for (const StageResult& stage : r.result.stages) stages.push_back(summary(*r.scenario, stage));
            return stages;
          },
          "list of StageResult, in run order")
      .def_property_readonly("actors", [](const NegotiationResult& r) { return ids_of(r.scenario->actors); })
      .def_property_readonly("overall", [](const NegotiationResult& r) { return vector_array(r.result.overall); },
                             "float64 array per actor (scenario order): salience-weighted discounted utility; NaN without stake")
      .def_property_readonly("seed", [](const NegotiationResult& r) { return r.result.seed; })
      .def_property_readonly(
          "trace",
          [](const NegotiationResult& r) -> py::object {
            if (!r.trace) return py::none();
            std::vector<TraceEvent> events;
            for (std::size_t seq = 0; seq < r.result.trace.size(); ++seq)
              events.push_back(TraceEvent{trace_record_to_json(*r.scenario, r.result, seq)});
            return py::cast(std::move(events));
          },
          "negotiate(..., trace=True): every event as a TraceRecord, in order (the --trace file's lines); else None")
      .def(
          "to_dict",
          [](const NegotiationResult& r) {
            nlohmann::json document = staged_result_to_json(*r.scenario, r.result);
            if (r.trace) {
              nlohmann::json& trace = document["trace"] = nlohmann::json::array();
              for (std::size_t seq = 0; seq < r.result.trace.size(); ++seq)
                trace.push_back(nlohmann::json::parse(trace_record_to_json(*r.scenario, r.result, seq).dump()));
            }
            return to_python(document);
          },
          "The document `parley negotiate --json` prints, as plain Python objects; with trace=True also \"trace\":\n"
          "one dict per event, each a line of `parley negotiate --trace FILE` (keys in that order).");

  m.def("negotiate", &negotiate, py::arg("scenario"), py::arg("seed") = 0,
        py::arg("strategies") = std::map<std::string, py::object>{}, py::arg("stage") = py::none(),
        py::arg("rounds") = py::none(), py::arg("trace") = false,
        "negotiate(scenario, seed=0, strategies={}, stage=None, rounds=None, trace=False) -> NegotiationResult\n\n"
        "`parley negotiate`: runs the scenario's stages in order with channels, ratification and\n"
        "links. strategies: {actor id or '*': 'name[:k=v,...]' or a parley.Negotiator subclass}\n"
        "as --strategy ACTOR=NAME (a class is registered under its name); stage runs one stage\n"
        "alone; rounds overrides every deadline; trace records every event with its observers\n"
        "(.trace, and to_dict()[\"trace\"] as --trace writes it). Same seed, same result.\n"
        "Releases the GIL while it runs (Python strategies take it for each call).");
}

}  // namespace parley::python
