// `parley forecast`: the collective-decision models on a scenario or an imported actor table.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "input_format.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/progress.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/files.hpp"
#include "parley/io/forecast_json.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/ktab.hpp"
#include "parley/io/load.hpp"
#include "parley/run/forecast_intervals.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

// About 10 s of model work: every KTAB, BDM and DEU data set needs far less; a table of
// 1,000 actors needs minutes (SMP) and is refused with its estimate unless raised.
constexpr std::uint64_t kDefaultMaxForecastWork = 1'000'000'000;
// Draws behind an 80% interval: the 10% and 90% quantiles of 200 draws move by about 2% of
// the spread between seeds.
constexpr std::uint64_t kDefaultIntervalRuns = 200;

struct ForecastOptions {
  std::string file;
  std::vector<std::string> models{"all"};
  std::vector<std::string> parameters;
  std::string variant;
  std::uint64_t seed = 0;
  bool seed_given = false;
  bool json = false;
  std::string history;
  std::string format;
  std::uint64_t max_work = kDefaultMaxForecastWork;
  bool intervals = false;
  std::uint64_t interval_runs = kDefaultIntervalRuns;
  const CLI::Option* interval_runs_option = nullptr;
};

std::vector<std::string> model_names() {
  std::vector<std::string> names;
  for (const auto& model : forecast_models()) names.push_back(model->name());
  return names;
}

std::vector<const ForecastModel*> resolve_models(const std::vector<std::string>& requested) {
  std::vector<const ForecastModel*> models;
  for (const auto& name : requested) {
    if (name == "all") {
      for (const ForecastModel* model : forecast_models())
        if (std::find(models.begin(), models.end(), model) == models.end()) models.push_back(model);
      continue;
    }
    const ForecastModel* model = find_forecast_model(name);
    if (!model) {
      throw InputError("--model", fmt::format("no model '{}'{}; models: {}, all", name, did_you_mean(name, model_names()),
                                              fmt::join(model_names(), ", ")));
    }
    if (std::find(models.begin(), models.end(), model) == models.end()) models.push_back(model);
  }
  return models;
}

// NAME=VALUE for the one model, or MODEL.NAME=VALUE for one of several.
std::map<std::string, ModelParameters> resolve_parameters(const std::vector<std::string>& items,
                                                          const std::vector<const ForecastModel*>& models) {
  std::map<std::string, ModelParameters> parameters;
  for (const auto& item : items) {
    const auto equals = item.find('=');
    if (equals == std::string::npos || equals == 0)
      throw InputError("--param", fmt::format("'{}' is not NAME=VALUE (or MODEL.NAME=VALUE)", item));
    std::string name = item.substr(0, equals);
    const std::string value = item.substr(equals + 1);
    std::string model;
    const auto dot = name.find('.');
    if (dot != std::string::npos && find_forecast_model(name.substr(0, dot))) {
      model = name.substr(0, dot);
      name = name.substr(dot + 1);
      bool selected = false;
      for (const ForecastModel* m : models) selected = selected || m->name() == model;
      if (!selected) throw InputError("--param", fmt::format("'{}' is for model '{}', which --model does not run", item, model));
    } else if (models.size() == 1) {
      model = models.front()->name();
    } else {
      throw InputError("--param", fmt::format("'{}': with several models, name the model: MODEL.{}=VALUE (e.g. eum.{})",
                                              item, name, name));
    }
    parameters[model][name] = value;
  }
  return parameters;
}

std::string value_text(const Issue& issue, double x) {
  if (!std::isfinite(x)) return "-";
  if (issue.kind == IssueKind::discrete) {
    const auto index = static_cast<std::size_t>(std::clamp(std::lround(x), 0L, static_cast<long>(issue.options.size()) - 1));
    return fmt::format("{} ({:.2f})", issue.options[index], x);
  }
  return fmt::format("{:.2f}", x);
}

struct ModelRun {
  const ForecastModel* model = nullptr;
  ModelParameters parameters;
  std::optional<Forecast> forecast;
  std::string failure;  // why it could not run on this table
  std::vector<Quantiles> intervals;  // --intervals: per forecast issue, over the draws
};

// --intervals: every model that ran, forecast on `runs` scenarios drawn from the
// uncertainty section (a sweep without negotiation); each run's quantiles per issue.
void add_intervals(const Scenario& scenario, const ForecastOptions& options, bool table, std::uint64_t seed,
                   std::vector<ModelRun>& runs) {
  if (scenario.uncertainty.empty())
    throw InputError(options.file,
                     fmt::format("--intervals draws the scenario's uncertain inputs, but it has no `uncertainty:` "
                                 "section; {} (docs/format.md, \"uncertainty\"; scenarios/talks-2025.yaml has an "
                                 "example)",
                                 table ? "import the table as a scenario (`parley import ... -o FILE.yaml`) and add one"
                                       : "add one"));
  if (options.interval_runs == 0) throw InputError("--runs", "0 draws; intervals need at least 1 (default 200)");
  std::vector<ModelChoice> models;
  for (const ModelRun& run : runs)
    if (run.forecast) models.push_back({run.model->name(), run.parameters});
  const auto intervals = forecast_intervals(scenario, models, options.interval_runs, seed);
  std::size_t m = 0;
  for (ModelRun& run : runs)
    if (run.forecast) run.intervals = intervals[m++];
}

void write_history(const std::string& path, const ActorTable& table, const ModelRun& run) {
  const Forecast& forecast = *run.forecast;
  if (forecast.rounds.empty())
    throw InputError("--history", fmt::format("model '{}' is static (no rounds); use smp, eum or exchange",
                                              run.model->name()));
  const std::size_t m = table.dimension_count();
  const auto* smp = std::get_if<SmpDetails>(&forecast.details);
  const std::vector<std::vector<double>> no_ideals;
  const auto& ideals = smp ? smp->ideals : no_ideals;  // empty unless an IdealAdjustment was given
  const bool ideal_is_input = run.model->name() == "exchange";  // actors trade votes, not preferences
  std::string text = "turn,actor_index,actor,dim_index,dim,position_0_100,ideal_0_100\n";
  for (std::size_t turn = 0; turn < forecast.rounds.size(); ++turn)
    for (std::size_t i = 0; i < table.actor_count(); ++i)
      for (std::size_t d = 0; d < m; ++d) {
        const double length = table.upper[d] - table.lower[d];
        auto points = [&](double x) { return length > 0 ? (x - table.lower[d]) * 100 / length : x; };
        const double position = forecast.rounds[turn][i * m + d];
        double ideal = position;
        if (turn < ideals.size())
          ideal = ideals[turn][i * m + d];
        else if (ideal_is_input)
          ideal = forecast.rounds[0][i * m + d];
        text += fmt::format("{},{},{},{},{},{:.6f},{:.6f}\n", turn, i, table.actors[i], d, table.dimensions[d],
                            points(position), points(ideal));
      }
  write_output_file(path, text);
}

void run_forecast(const ForecastOptions& options) {
  const InputFormat format = input_format_option(options.format);
  const InputFormat detected = format == InputFormat::automatic ? detect_input_format(options.file) : format;
  Scenario scenario;
  ModelParameters file_parameters;  // KTAB XML: the file's model parameters, for smp
  std::optional<std::uint64_t> file_seed;
  if (detected == InputFormat::ktab && options.variant.empty()) {
    KtabInput input = import_ktab(options.file);
    scenario = std::move(input.scenario);
    file_parameters = std::move(input.parameters);
    file_seed = input.seed;
  } else {
    scenario = load_scenario(options.file, options.variant, detected);
  }
  const auto issues = scaled_issues(scenario);
  std::vector<std::string> skipped;  // unordered issues
  for (std::size_t i = 0, k = 0; i < scenario.issues.size(); ++i)
    if (k < issues.size() && issues[k] == i)
      ++k;
    else
      skipped.push_back(scenario.issues[i].id);
  if (issues.empty()) throw InputError(options.file, "no issue has a scale (unordered issues cannot be forecast)");
  ActorTable table;
  try {
    table = to_actor_table(scenario, issues);
  } catch (const std::invalid_argument& e) {
    throw InputError(options.file, fmt::format("cannot forecast: {}", e.what()));
  }
  if (table.actor_count() == 0) throw InputError(options.file, "no actors to forecast");

  const auto models = resolve_models(options.models);
  auto parameters = resolve_parameters(options.parameters, models);
  const std::uint64_t seed = options.seed_given ? options.seed : file_seed.value_or(0);
  std::vector<ModelRun> runs;
  for (const ForecastModel* model : models) {
    ModelRun run;
    run.model = model;
    if (model->name() == "smp") run.parameters = file_parameters;
    for (const auto& [name, value] : parameters[model->name()]) run.parameters[name] = value;
    try {
      const std::uint64_t steps = model->work_estimate(table, run.parameters);
      const std::string size = fmt::format("{} actors on {} issue{}", table.actor_count(), table.dimension_count(),
                                           table.dimension_count() == 1 ? "" : "s");
      check_work(steps, options.max_work, fmt::format("{} on {}", model->name(), size), "; forecast fewer actors or issues");
      // A run of seconds or more: say so before it starts, and show its progress on a terminal.
      const bool long_run = steps > options.max_work / 4;
      if (long_run)
        fmt::print(stderr, "{}: about {:.2g} steps on {} (~{:.0f} s at 10^8 steps per second)...\n", model->name(),
                   double(steps), size, double(steps) / 1e8);
      const bool show_progress = long_run && ::isatty(STDERR_FILENO);
      const ScopedProgress progress([&](std::string_view what, std::uint64_t done, std::uint64_t total) {
        if (show_progress) fmt::print(stderr, "\r{}: {} {} of at most {}   ", model->name(), what, done, total);
      });
      run.forecast = model->run(table, run.parameters, seed);
      if (show_progress) fmt::print(stderr, "\n");
    } catch (const std::invalid_argument& e) {
      if (models.size() == 1) throw InputError(options.file, fmt::format("model '{}' cannot run: {}", model->name(), e.what()));
      run.failure = e.what();
    } catch (const Error& e) {
      // Several models: the others still run; the one over the limit says why it did not.
      if (models.size() == 1 || e.location().field != kWorkLimitField) throw;
      run.failure = e.message() + "; or raise the limit with --max-work";
    }
    runs.push_back(std::move(run));
  }
  if (options.intervals) add_intervals(scenario, options, detected != InputFormat::yaml, seed, runs);
  if (!options.history.empty()) {
    if (runs.size() != 1)
      throw InputError("--history", "the history is one model's rounds: choose it with --model (smp, eum or exchange)");
    if (runs.front().forecast) write_history(options.history, table, runs.front());
  }

  // Spread across the models that ran: the range of their forecasts, per issue.
  std::vector<std::pair<double, double>> spread(issues.size(), {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()});
  for (const ModelRun& run : runs)
    if (run.forecast)
      for (std::size_t d = 0; d < issues.size(); ++d)
        if (std::isfinite(run.forecast->outcome[d])) {
          spread[d].first = std::min(spread[d].first, run.forecast->outcome[d]);
          spread[d].second = std::max(spread[d].second, run.forecast->outcome[d]);
        }

  if (options.json) {
    nlohmann::json document;
    document["scenario"] = scenario.name;
    document["source"] = scenario.description;
    document["format"] = to_string(detected);
    document["seed"] = seed;
    nlohmann::json issue_list = nlohmann::json::array();
    for (std::size_t d = 0; d < issues.size(); ++d) {
      const Issue& issue = scenario.issues[issues[d]];
      nlohmann::json entry = {{"id", issue.id}, {"name", issue.name}, {"lower", table.lower[d]}, {"upper", table.upper[d]}};
      if (issue.kind == IssueKind::discrete) entry["options"] = issue.options;
      if (issue.reference_point) entry["reference_point"] = *issue.reference_point;
      if (issue.known_outcome) entry["known_outcome"] = *issue.known_outcome;
      if (spread[d].first <= spread[d].second)
        entry["spread"] = {{"min", spread[d].first}, {"max", spread[d].second}, {"range", spread[d].second - spread[d].first}};
      issue_list.push_back(std::move(entry));
    }
    document["issues"] = issue_list;
    document["skipped_issues"] = skipped;
    document["actors"] = table.actors;
    nlohmann::json model_list = nlohmann::json::array();
    for (const ModelRun& run : runs) {
      nlohmann::json entry = run.forecast ? forecast_to_json(*run.forecast, table) : nlohmann::json::object();
      entry["model"] = run.model->name();
      entry["description"] = run.model->description();
      entry["parameters"] = run.parameters;
      if (!run.forecast) entry["error"] = run.failure;
      if (!run.intervals.empty()) {
        nlohmann::json intervals = nlohmann::json::array();
        for (std::size_t d = 0; d < issues.size(); ++d) {
          const Quantiles& q = run.intervals[d];
          const auto value = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
          intervals.push_back({{"issue", scenario.issues[issues[d]].id},
                               {"p10", value(q.p10)},
                               {"median", value(q.p50)},
                               {"p90", value(q.p90)},
                               {"draws", q.count}});
        }
        entry["interval80"] = std::move(intervals);
      }
      model_list.push_back(std::move(entry));
    }
    document["models"] = model_list;
    if (options.intervals) document["intervals"] = {{"runs", options.interval_runs}, {"quantiles", {0.1, 0.9}}};
    add_document_header(document, scenario);
    fmt::print("{}\n", document.dump(2));
    return;
  }

  fmt::print("{}: {} actors, {} issues\n", scenario.name, table.actor_count(), issues.size());
  if (!scenario.description.empty()) fmt::print("{}\n", wrap(scenario.description, 96, ""));
  if (!skipped.empty()) fmt::print("Not forecast (unordered, no scale): {}\n", fmt::join(skipped, ", "));
  std::vector<std::string> header{"issue"};
  for (const ModelRun& run : runs) header.push_back(run.model->name());
  if (runs.size() > 1) header.push_back("spread");
  bool any_known = false;
  for (std::size_t i : issues) any_known = any_known || scenario.issues[i].known_outcome.has_value();
  if (any_known) header.push_back("actual");
  fmt::print("\nForecasts\n");
  TextTable forecasts(header);
  for (std::size_t d = 0; d < issues.size(); ++d) {
    const Issue& issue = scenario.issues[issues[d]];
    std::vector<std::string> row{issue.id};
    for (const ModelRun& run : runs) {
      std::string cell = run.forecast ? value_text(issue, run.forecast->outcome[d]) : "-";
      if (!run.intervals.empty()) {
        const Quantiles& q = run.intervals[d];
        cell += q.count ? fmt::format(" [{:.2f}, {:.2f}]", q.p10, q.p90) : " [-]";
      }
      row.push_back(std::move(cell));
    }
    if (runs.size() > 1)
      row.push_back(spread[d].first <= spread[d].second ? fmt::format("{:.2f}", spread[d].second - spread[d].first) : "-");
    if (any_known) row.push_back(issue.known_outcome ? value_text(issue, *issue.known_outcome) : "");
    forecasts.add(std::move(row));
  }
  forecasts.print();
  if (runs.size() > 1)
    fmt::print("  spread: the range of the models' forecasts, an indication of how far to trust any one of them\n");
  if (options.intervals)
    fmt::print("  [p10, p90]: 80% interval of each model's forecast over {} scenarios drawn from the uncertainty "
               "section (docs/sweeps.md)\n",
               options.interval_runs);
  fmt::print("\n");
  for (const ModelRun& run : runs) {
    if (!run.forecast) {
      fmt::print("{}: cannot run on this table: {}\n", run.model->name(), run.failure);
      continue;
    }
    const Forecast& f = *run.forecast;
    if (f.rounds.empty()) continue;
    fmt::print("{}: {} rounds; stop: {}\n", run.model->name(), f.rounds.size() - 1, f.stop_reason);
    // EUM: the median by round, for a few issues (all of them are in --json).
    if (const auto* eum = std::get_if<EumDetails>(&f.details); eum && issues.size() <= 3)
      for (std::size_t d = 0; d < eum->dimensions.size(); ++d) {
        const EumRun& dimension = eum->dimensions[d];
        std::vector<std::string> medians{fmt::format("{:.2f}", dimension.initial_median)};
        for (const EumRound& round : dimension.rounds) medians.push_back(fmt::format("{:.2f}", round.median));
        fmt::print("  {} median by round (0 = input): {}\n", table.dimensions[d], fmt::join(medians, ", "));
      }
  }
  fmt::print("Models available (--model): {}, all\n", fmt::join(model_names(), ", "));
  if (!options.history.empty() && !is_standard_stream(options.history))
    fmt::print("History written to {}\n", options.history);
}

}  // namespace

void add_forecast(CLI::App& app) {
  auto* command = app.add_subcommand("forecast", "Forecast the outcome of each issue with the collective-decision models.");
  command->footer(
      "Reads a parley scenario or a peer tool's actor table (KTAB CSV/XML, BDM CSV, DEU TSV,\n"
      "the exchange model's #A/#P/#M/#D file; detected from the content or named with --format)\n"
      "and prints, per issue, each model's forecast and their spread. Dynamic models (smp, eum,\n"
      "exchange) also report their rounds and why they stopped. Discrete ordered issues are\n"
      "forecast on their ordinal scale (0 = first option).\n"
      "Parameters: --param NAME=VALUE for a single --model, MODEL.NAME=VALUE otherwise; each\n"
      "model's parameters and defaults are listed in docs/models.md.\n"
      "--history writes one model's per-round positions as CSV in KTAB's layout\n"
      "(turn,actor_index,actor,dim_index,dim,position_0_100,ideal_0_100), positions mapped to\n"
      "0–100 of each issue's scale; the ideal is the actor's ideal point where the model has one\n"
      "(smp with ideal adjustment; exchange: the input position), else the position.\n\n"
      "Examples:\n"
      "  parley forecast scenarios/talks-2025.yaml --model all\n"
      "  parley forecast scenarios/talks-2025.yaml --intervals --runs 500\n"
      "  parley forecast tests/data/bdm/jmckib_ExampleActors_BDM1994_emissions.csv --model eum --param rounds=8\n"
      "  parley forecast tests/data/ktab/inputs/d3-BigRRange-Min.xml --model smp --history d3.csv\n"
      "  parley forecast tests/data/exchange/decide_cop21.csv --model exchange --json\n"
      "  parley forecast scenarios/talks-2025.yaml --param eum.rounds=20 --param nash.utility=quadratic");
  auto options = std::make_shared<ForecastOptions>();
  command->add_option("FILE", options->file, "Scenario YAML or actor table (KTAB, BDM, DEU, exchange; - reads standard input)")->required();
  command->add_option("--model", options->models, "smp, eum, compromise, median, nash, exchange or all (default all); "
                                                   "comma-separated for several; `parley list models` lists them")
      ->delimiter(',');
  command->add_option("--param", options->parameters, "Model parameter NAME=VALUE (or MODEL.NAME=VALUE; repeat); `parley list models` lists each "
                                                         "model's parameters with defaults");
  command->add_option("--variant", options->variant, "Apply this variant of the scenario first");
  add_work_option(*command, options->max_work,
                  "Steps one model may take (default 1000000000, about 10 s; smp on 200 actors × 2 issues: 8e8)");
  auto* seed = command->add_option("--seed", options->seed, "Seed for stochastic settings (default: the file's, else 0)")->check(kSeed);
  command->add_flag("--json", options->json, "Print one JSON document (keys: scenario, issues, actors, models)");
  command->add_option("--history", options->history, "Write one model's per-round positions to this CSV file");
  command->add_option("--format", options->format, kFormatHelp);
  command->add_flag("--intervals", options->intervals,
                    "Add an 80% interval [p10, p90] beside each forecast: the models on scenarios drawn from the "
                    "file's `uncertainty:` section");
  options->interval_runs_option =
      command->add_option("--runs", options->interval_runs, "Draws behind --intervals (default 200)");
  command->callback([options, seed] {
    options->seed_given = seed->count() > 0;
    if (options->interval_runs_option->count() > 0 && !options->intervals)
      throw InputError("--runs", "--runs sets the draws behind --intervals; add --intervals");
    run_forecast(*options);
  });
}

}  // namespace parley::cli
