// tournament, sweep and stored results: `parley tournament`, `parley sweep` and `parley
// results` as functions. They run the CLI's own code (parley/io/studies.hpp) into the same
// results database, then read it back as the CLI does, so to_dict() is the command's --json
// document and the database equals the CLI's outside `meta`.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/studies.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/io/tournament_results.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/sweep.hpp"
#include "parley/run/tournament.hpp"

namespace parley::python {

namespace {

namespace fs = std::filesystem;

// ---- stored studies ---------------------------------------------------------------------

// A tournament read back from its database: what `parley results DB` summarises.
struct TournamentResult {
  std::string database;
  StoredStudy study;
  TournamentSummary summary;
  std::vector<std::string> strategies;
  nlohmann::json domains;  // [{name, hash, parties}], the identity's `domains` parameter

  explicit TournamentResult(std::string path) : database(std::move(path)), study(read_results(database)) {
    summary = summarize_stored_tournament(study);
    strategies = stored_tournament_strategies(study);
    try {
      domains = nlohmann::json::parse(study.parameter("domains"));
      for (const nlohmann::json& domain : domains) {
        (void)domain.at("name").get<std::string>();
        (void)domain.at("parties").get<std::vector<std::string>>();
      }
    } catch (const nlohmann::json::exception&) {
      throw Error(ErrorKind::invalid, "the tournament database's parameter `domains` is missing or malformed",
                  Location{database, 0, 0, "", false});
    }
  }
};

struct SweepResult {
  std::string database;
  StoredStudy study;
  SweepPlan plan;
  SweepLayout layout;
  SweepSummary summary;

  explicit SweepResult(std::string path)
      : database(std::move(path)), study(read_results(database)), plan(stored_sweep_plan(study)),
        layout(sweep_layout(plan)), summary(summarize_sweep(plan, study.records)) {}
};

using StudyResult = std::variant<TournamentResult, SweepResult>;

// Reads a stored study (a tournament or a sweep). REQUIRES: the GIL released (it reads and
// summarises the whole database).
StudyResult read_study(const std::string& path) {
  const StoredStudy probe = read_results(path);
  if (study_kind(probe, path) == StudyKind::tournament) return TournamentResult(path);
  return SweepResult(path);
}

py::object to_object(StudyResult result) {
  if (auto* tournament = std::get_if<TournamentResult>(&result)) return py::cast(std::move(*tournament));
  return py::cast(std::move(std::get<SweepResult>(result)));
}

double cell(const StoredStudy& study, std::size_t row, std::size_t column) {
  return study.records[row * study.identity.width + column];
}

// One dict per run and seat, in run order.
py::list tournament_records(const TournamentResult& r) {
  namespace f = tournament_record;
  py::list records;
  for (std::size_t i = 0; i < r.study.runs.size(); ++i) {
    const auto domain = static_cast<std::size_t>(cell(r.study, i, f::domain));
    const nlohmann::json& parties = r.domains.at(domain).at("parties");
    const auto status = static_cast<NegotiationStatus>(static_cast<int>(cell(r.study, i, f::status)));
    const double agreement = cell(r.study, i, f::agreement);
    for (std::size_t p = 0; p < parties.size(); ++p) {
      const std::size_t seat = f::seats + p * f::seat_width;
      py::dict record;
      record["run"] = r.study.runs[i];
      record["domain"] = r.domains[domain].at("name").get<std::string>();
      record["assignment"] = static_cast<std::uint64_t>(cell(r.study, i, f::assignment));
      record["repetition"] = static_cast<std::uint64_t>(cell(r.study, i, f::repetition));
      record["seat"] = p;
      record["party"] = parties[p].get<std::string>();
      record["strategy"] = r.strategies.at(static_cast<std::size_t>(cell(r.study, i, seat + f::strategy)));
      record["utility"] = cell(r.study, i, seat + f::utility);
      record["discounted"] = cell(r.study, i, seat + f::discounted);
      record["agreement"] = status == NegotiationStatus::agreement;
      record["status"] = std::string(to_string(status));
      record["rounds"] = static_cast<std::uint64_t>(cell(r.study, i, f::rounds));
      record["outcome"] = agreement < 0 ? py::object(py::none()) : py::object(py::int_(std::int64_t(agreement)));
      record["welfare"] = cell(r.study, i, f::welfare);
      record["pareto_distance"] = cell(r.study, i, f::pareto_distance);
      record["nash_distance"] = cell(r.study, i, f::nash_distance);
      records.append(std::move(record));
    }
  }
  return records;
}

// One dict per run: "run", then every record column by its name; a drawn strategy by its
// name, a stage's holds/vetoed as bool.
py::list sweep_records(const SweepResult& r) {
  const Scenario& s = r.plan.scenario;
  std::vector<py::str> names;
  for (const std::string& column : r.layout.columns) names.emplace_back(column);
  std::vector<bool> flag(r.layout.width, false);
  for (std::size_t stage = 0; r.plan.negotiate && stage < s.stages.size(); ++stage) {
    flag[r.layout.stages + stage * r.layout.stage_width] = true;
    flag[r.layout.stages + stage * r.layout.stage_width + 1] = true;
  }
  py::list records;
  for (std::size_t i = 0; i < r.study.runs.size(); ++i) {
    py::dict record;
    record["run"] = r.study.runs[i];
    for (std::size_t c = 0; c < r.layout.width; ++c) {
      const double x = cell(r.study, i, c);
      if (c < r.layout.inputs && s.uncertainty[c].field == UncertainField::strategy && std::isfinite(x))
        record[names[c]] = s.uncertainty[c].distribution.strategies.at(static_cast<std::size_t>(x));
      else if (flag[c] && std::isfinite(x))
        record[names[c]] = x != 0;
      else
        record[names[c]] = x;
    }
    records.append(std::move(record));
  }
  return records;
}

py::array_t<double> sweep_values(const SweepResult& r) {
  const auto rows = static_cast<py::ssize_t>(r.study.runs.size());
  const auto width = static_cast<py::ssize_t>(r.layout.width);
  py::array_t<double> array({rows, width});
  std::copy(r.study.records.begin(), r.study.records.end(), array.mutable_data());
  return array;
}

py::array_t<double> sweep_column(const SweepResult& r, const std::string& name) {
  const auto found = std::find(r.layout.columns.begin(), r.layout.columns.end(), name);
  if (found == r.layout.columns.end())
    throw field_error("column", fmt::format("no column '{}'{}; columns: {}", name, did_you_mean(name, r.layout.columns),
                                            fmt::join(r.layout.columns, ", ")),
                      ErrorKind::unknown_name);
  const auto c = static_cast<std::size_t>(found - r.layout.columns.begin());
  py::array_t<double> array(static_cast<py::ssize_t>(r.study.runs.size()));
  for (std::size_t i = 0; i < r.study.runs.size(); ++i) array.mutable_data()[i] = cell(r.study, i, c);
  return array;
}

// ---- arguments --------------------------------------------------------------------------

// A str or os.PathLike as one item, any other iterable as its items (each str or PathLike).
std::vector<std::string> text_list(const py::handle& value) {
  const py::object fspath = py::module_::import("os").attr("fspath");
  const auto text = [&](const py::handle& item) {
    return py::isinstance<py::str>(item) ? item.cast<std::string>() : fspath(item).cast<std::string>();
  };
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__")) return {text(value)};
  std::vector<std::string> items;
  for (const py::handle item : value) items.push_back(text(item));
  return items;
}

std::optional<std::string> path_text(const py::handle& value) {
  if (value.is_none()) return std::nullopt;
  return text_list(value).at(0);
}

// ---- the commands -----------------------------------------------------------------------

TournamentResult tournament(const py::object& strategies, const py::object& domains, std::uint64_t repetitions,
                            int rounds, const std::string& protocol,
                            const std::map<std::string, std::string>& protocol_settings, std::uint64_t seed,
                            std::size_t threads, const py::object& db, bool offers, std::uint64_t max_memory_mb,
                            bool progress) {
  const std::vector<std::string> strategy_lists = text_list(strategies);
  const std::vector<std::string> domain_paths = text_list(domains);
  if (domain_paths.empty()) throw field_error("domains", "no domain given");
  StudyExecution execution;
  execution.database = path_text(db).value_or("");
  execution.name = "tournament";
  execution.threads = threads;
  execution.progress = progress;
  py::gil_scoped_release release;  // Python strategies take it back per call
  keep_freed_memory_for_reuse();
  const auto loading = std::chrono::steady_clock::now();
  std::vector<TournamentTable> tables = load_tournament_tables(domain_paths, threads);
  TournamentOptions options;
  options.strategies = parse_strategy_lists(strategy_lists);
  options.repetitions = repetitions;
  options.rounds = rounds;
  options.protocol = protocol;
  options.protocol_settings = protocol_settings;
  options.seed = seed;
  options.max_memory_bytes = max_memory_mb << 20;
  options.record_offers = offers;
  const Tournament study(std::move(tables), options, threads);
  const double setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loading).count();
  const std::optional<std::string> path = run_tournament_study(study, execution, setup_seconds);
  if (!path) throw Error(ErrorKind::invalid, "parley.tournament under mpirun: only rank 0 holds the results");
  return TournamentResult(*path);
}

SweepResult sweep(const py::object& scenario_or_path, std::uint64_t runs, std::uint64_t seed, std::size_t threads,
                  const py::object& db, const std::string& variant, const py::object& models,
                  const std::map<std::string, std::string>& strategies, bool negotiate, bool progress) {
  SweepSettings settings;
  settings.runs = runs;
  settings.seed = seed;
  settings.negotiate = negotiate;
  settings.variant = variant;
  settings.models.clear();
  for (const std::string& list : text_list(models)) {
    std::size_t start = 0;
    for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
      settings.models.push_back(list.substr(start, comma - start));
    settings.models.push_back(list.substr(start));
  }
  StudyExecution execution;
  execution.database = path_text(db).value_or("");
  execution.threads = threads;
  execution.progress = progress;
  if (py::isinstance<Scenario>(scenario_or_path)) {
    settings.scenario = scenario_or_path.cast<std::shared_ptr<Scenario>>();
    if (!variant.empty())
      throw field_error("variant", "give the variant to parley.load(path, variant) when passing a Scenario");
    settings.variant = settings.scenario->variant;
    settings.file = settings.scenario->name;
    execution.name = "sweep";
  } else {
    settings.file = text_list(scenario_or_path).at(0);
    execution.name = settings.file == "-" ? std::string("sweep") : fs::path(settings.file).stem().string();
  }
  std::vector<std::string> strategy_texts;
  for (const auto& [actor, text] : strategies) strategy_texts.push_back(text);
  py::gil_scoped_release release;
  keep_freed_memory_for_reuse();
  const SweepPlan plan =
      plan_sweep(settings, [&](const Scenario& scenario) { return staged_options(scenario, 0, strategies, std::nullopt); });
  const std::optional<std::string> path = run_sweep_study(plan, settings.variant, execution);
  if (!path) throw Error(ErrorKind::invalid, "parley.sweep under mpirun: only rank 0 holds the results");
  return SweepResult(*path);
}

py::dict estimate_dict(const Estimate& e) {
  py::dict d;
  d["mean"] = e.mean;
  d["low"] = e.low;
  d["high"] = e.high;
  d["n"] = e.n;
  return d;
}

}  // namespace

void bind_studies(py::module_& m) {
  py::class_<Estimate>(m, "Estimate",
                       "A mean with its 95% confidence interval (Student's t; for a rate, Wilson's score interval).\n"
                       "n = 0: mean, low and high are NaN; n = 1: low and high are NaN.")
      .def_readonly("mean", &Estimate::mean)
      .def_readonly("low", &Estimate::low)
      .def_readonly("high", &Estimate::high)
      .def_readonly("n", &Estimate::n, "values it is the mean of")
      .def("to_dict", &estimate_dict, "{mean, low, high, n} (NaN kept)")
      .def("__repr__", [](const Estimate& e) {
        return fmt::format("<parley.Estimate {:.4g} [{:.4g}, {:.4g}] n={}>", e.mean, e.low, e.high, e.n);
      });

  py::class_<StrategyScore>(m, "StrategyScore", "One strategy's scores in a tournament, each an Estimate.")
      .def_readonly("strategy", &StrategyScore::strategy, "spec text, as given")
      .def_readonly("negotiations", &StrategyScore::negotiations, "seats it played")
      .def_readonly("utility", &StrategyScore::utility,
                    "own discounted utility (the reservation value, discounted, without agreement)")
      .def_readonly("anac_score", &StrategyScore::anac_score, "the same, against other strategies only (ANAC)")
      .def_readonly("agreement", &StrategyScore::agreement, "agreement rate")
      .def_readonly("welfare", &StrategyScore::welfare, "social welfare of the negotiations it played")
      .def_readonly("pareto_distance", &StrategyScore::pareto_distance, "distance to the Pareto frontier")
      .def_readonly("nash_distance", &StrategyScore::nash_distance, "distance to the Nash point")
      .def_readonly("rounds", &StrategyScore::rounds, "rounds to agreement, over its agreements")
      .def("__repr__", [](const StrategyScore& s) {
        return fmt::format("<parley.StrategyScore {}: utility {:.4f}>", s.strategy, s.utility.mean);
      });

  py::class_<TournamentResult>(m, "TournamentResult",
                               "A tournament's results, read from its database (as `parley results DB`).")
      .def_property_readonly("ranking", [](const TournamentResult& r) { return r.summary.ranking; },
                             "list of StrategyScore, by mean utility (descending), then by name")
      .def_property_readonly("runs", [](const TournamentResult& r) { return r.summary.runs; },
                             "negotiations the database holds")
      .def_property_readonly("planned_runs", [](const TournamentResult& r) { return r.study.identity.runs; },
                             "negotiations of the whole tournament (more than runs: unfinished)")
      .def_readonly("strategies", &TournamentResult::strategies, "strategy specs, in the order given")
      .def_property_readonly(
          "domains",
          [](const TournamentResult& r) {
            std::vector<std::string> names;
            for (const nlohmann::json& d : r.domains) names.push_back(d.at("name").get<std::string>());
            return names;
          },
          "domain names, in run order")
      .def_readonly("database", &TournamentResult::database, "the results database's path")
      .def_property_readonly("seed", [](const TournamentResult& r) { return std::stoull(r.study.parameter("seed")); })
      .def_property_readonly("rounds", [](const TournamentResult& r) { return std::stoi(r.study.parameter("rounds")); },
                             "the deadline in rounds")
      .def_property_readonly("protocol", [](const TournamentResult& r) { return r.study.parameter("protocol"); })
      .def_property_readonly("repetitions",
                             [](const TournamentResult& r) { return std::stoull(r.study.parameter("repetitions")); })
      .def("records", &tournament_records,
           "records() -> list of dict, one per run and seat, in run order: run, domain, assignment,\n"
           "repetition, seat, party (actor id), strategy, utility, discounted, agreement (bool), status\n"
           "(agreement, ended, timeout), rounds, outcome (outcome index, or None), welfare,\n"
           "pareto_distance, nash_distance (NaN where undefined). pandas.DataFrame(result.records())\n"
           "loads it; the database's tables `runs` and `actor_results` hold the same.")
      .def("to_dict", [](const TournamentResult& r) { return to_python(stored_study_json(r.study, r.database)); },
           "The document `parley tournament ... --json` (and `parley results DB --json`) prints.")
      .def("__repr__", [](const TournamentResult& r) {
        return fmt::format("<parley.TournamentResult {} strategies, {} domains, {} of {} runs: {}>",
                           r.strategies.size(), r.domains.size(), r.summary.runs, r.study.identity.runs, r.database);
      });

  py::class_<SweepResult>(m, "SweepResult", "A sweep's results, read from its database (as `parley results DB`).")
      .def_property_readonly("scenario", [](const SweepResult& r) { return r.plan.scenario.name; }, "scenario name")
      .def_property_readonly("variant", [](const SweepResult& r) { return r.plan.scenario.variant; })
      .def_property_readonly("runs", [](const SweepResult& r) { return r.summary.runs; }, "draws the database holds")
      .def_property_readonly("planned_runs", [](const SweepResult& r) { return r.study.identity.runs; })
      .def_property_readonly("seed", [](const SweepResult& r) { return r.plan.seed; })
      .def_property_readonly("models", [](const SweepResult& r) { return r.plan.models; }, "forecast models, in order")
      .def_property_readonly("negotiate", [](const SweepResult& r) { return r.plan.negotiate; })
      .def_readonly("database", &SweepResult::database, "the results database's path")
      .def_property_readonly("columns", [](const SweepResult& r) { return r.layout.columns; },
                             "record column names: input:..., forecast:MODEL:ISSUE, stage:STAGE:holds|vetoed|utility:ACTOR")
      .def_property_readonly(
          "run_numbers",
          [](const SweepResult& r) {
            py::array_t<std::uint64_t> array(static_cast<py::ssize_t>(r.study.runs.size()));
            std::copy(r.study.runs.begin(), r.study.runs.end(), array.mutable_data());
            return array;
          },
          "uint64 array: the run number of each row of values")
      .def_property_readonly("values", &sweep_values,
                             "float64 array, runs x columns: every draw's record (a drawn strategy as its index;\n"
                             "NaN where a model could not run or a stage did not)")
      .def("column", &sweep_column, py::arg("name"),
           "column(name) -> float64 array over the runs, e.g. column('forecast:smp:territory')")
      .def("records", &sweep_records,
           "records() -> list of dict, one per run: run, then every column by name (a drawn strategy by\n"
           "name, holds/vetoed as bool). pandas.DataFrame(result.records()) loads it.")
      .def("to_dict", [](const SweepResult& r) { return to_python(stored_study_json(r.study, r.database)); },
           "The document `parley sweep ... --json` (and `parley results DB --json`) prints.")
      .def("__repr__", [](const SweepResult& r) {
        return fmt::format("<parley.SweepResult {}: {} of {} draws: {}>", r.plan.scenario.name, r.summary.runs,
                           r.study.identity.runs, r.database);
      });

  m.def("tournament", &tournament, py::arg("strategies"), py::arg("domains"), py::arg("repetitions") = 1,
        py::arg("rounds") = 100, py::arg("protocol") = "sao",
        py::arg("protocol_settings") = std::map<std::string, std::string>{}, py::arg("seed") = 0,
        py::arg("threads") = 0, py::arg("db") = py::none(), py::arg("offers") = false,
        py::arg("max_memory_mb") = kDefaultMemoryLimit >> 20, py::arg("progress") = false,
        "tournament(strategies, domains, repetitions=1, rounds=100, protocol='sao', protocol_settings={},\n"
        "           seed=0, threads=0, db=None, offers=False, max_memory_mb=1024, progress=False)\n"
        "    -> TournamentResult\n\n"
        "`parley tournament`: every strategy against every other (self-play included) in every role\n"
        "of every domain, `repetitions` times; ranked as ANAC ranks, with 95% intervals.\n"
        "strategies: specs 'name[:k=v,...]' (a list, or one comma-separated str as --strategies);\n"
        "a registered Python strategy's name works too. domains: GENIUS folders, scenario files\n"
        "(one domain per stage) or folders holding either (str, os.PathLike or a list of them).\n"
        "db: the results database (created, or resumed when it holds the same study); None: the\n"
        "CLI's default results/tournament-DATE-HASH.sqlite under the working directory. threads: 0\n"
        "for every core (results do not depend on it). Releases the GIL while it runs.");

  m.def("sweep", &sweep, py::arg("scenario_or_path"), py::arg("runs"), py::arg("seed") = 0, py::arg("threads") = 0,
        py::arg("db") = py::none(), py::arg("variant") = "", py::arg("models") = "all",
        py::arg("strategies") = std::map<std::string, std::string>{}, py::arg("negotiate") = true,
        py::arg("progress") = false,
        "sweep(scenario_or_path, runs, seed=0, threads=0, db=None, variant='', models='all',\n"
        "      strategies={}, negotiate=True, progress=False) -> SweepResult\n\n"
        "`parley sweep`: draws `runs` scenarios from the scenario's `uncertainty:` section, forecasts\n"
        "each with `models` ('all', 'none', a name, comma-separated names or a list) and, unless\n"
        "negotiate=False (--no-negotiation), negotiates its stages. scenario_or_path: a Scenario\n"
        "(parley.load(path, variant); then `variant` stays empty) or a file path. strategies:\n"
        "{actor id or '*': 'name[:k=v,...]'} as --strategy. db: as for tournament (None: the CLI's\n"
        "results/STEM-DATE-HASH.sqlite, STEM 'sweep' for a Scenario). Releases the GIL while it runs.");

  m.def(
      "results",
      [](const py::object& db) {
        const std::string path = *path_text(db);
        StudyResult result = [&] {
          py::gil_scoped_release release;
          return read_study(path);
        }();
        return to_object(std::move(result));
      },
      py::arg("db"),
      "results(db) -> TournamentResult or SweepResult\n\n"
      "`parley results DB`: a stored study read back without changing the file (also an unfinished\n"
      "one: runs < planned_runs). to_dict() equals `parley results DB --json`.");
}

}  // namespace parley::python
