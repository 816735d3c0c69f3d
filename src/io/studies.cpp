// Studies from settings to database, and back to a summary (studies.hpp).
#include "parley/io/studies.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "parley/core/error.hpp"
#include "parley/forecast/model.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/io/sweep_summary.hpp"
#include "parley/io/tournament_results.hpp"

namespace parley {
namespace fs = std::filesystem;

namespace {

// Every domain file under `path`: a GENIUS folder, a scenario file, or a folder searched
// recursively (in name order) for both.
void collect_domains(const fs::path& path, bool given, std::vector<fs::path>& found) {
  std::error_code ec;
  if (is_genius_folder(path)) {
    found.push_back(path);
    return;
  }
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> entries;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    const std::size_t before = found.size();
    for (const fs::path& entry : entries) {
      const std::string ext = entry.extension().string();
      if (fs::is_directory(entry, ec) || ext == ".yaml" || ext == ".yml") collect_domains(entry, false, found);
    }
    if (given && found.size() == before)
      throw InputError(path.string(), "no domain here: neither a GENIUS domain folder nor a folder holding GENIUS "
                                      "folders or scenario files (.yaml)");
    return;
  }
  if (given || fs::is_regular_file(path, ec)) found.push_back(path);
}

std::string identity_text(const StudyIdentity& identity) {
  std::string text = identity.kind;
  for (const auto& [k, v] : identity.parameters) text += "\n" + k + "=" + v;
  return text;
}

void record_execution(ResultsDb& db, const ExecutionSummary& summary, std::uint64_t pending, std::uint64_t planned) {
  db.set_meta("finished_at", fmt::format("{}", std::time(nullptr)));
  db.set_meta("last_seconds", fmt::format("{:.3f}", summary.seconds));
  db.set_meta("last_runs", std::to_string(summary.runs));
  db.set_meta("threads", std::to_string(summary.threads));
  db.set_meta("ranks", std::to_string(summary.ranks));
  db.set_meta("resumed", pending < planned ? "yes" : "no");
}

// The execute-into-database loop both study kinds share.
std::optional<std::string> run_study(const StudyIdentity& identity, std::size_t width, const RunFunction& run,
                                     const RowWriter& rows, const StudyExecution& execution, const char* label,
                                     std::optional<double> setup_seconds) {
  const std::string path =
      !execution.database.empty() ? execution.database : default_database(execution.name, identity);
  std::unique_ptr<ResultsDb> db;
  std::vector<std::uint64_t> pending;
  if (process_rank() == 0) {
    db = std::make_unique<ResultsDb>(path, identity);
    pending = db->pending();
    if (setup_seconds) db->set_meta("setup_seconds", fmt::format("{:.3f}", *setup_seconds));
  }
  ExecutorOptions executor;
  executor.threads = execution.threads;
  executor.progress = execution.progress;
  executor.label = label;
  const std::uint64_t pending_count = pending.size();
  const ExecutionSummary summary = execute(
      std::move(pending), width, run,
      [&](std::span<const std::uint64_t> runs, std::span<const double> records) { db->commit(runs, records, rows); },
      executor);
  if (process_rank() != 0) return std::nullopt;
  record_execution(*db, summary, pending_count, identity.runs);
  return path;
}

std::vector<std::string> sweep_model_names(const std::vector<std::string>& requested) {
  std::vector<std::string> names, all;
  for (const ForecastModel* model : forecast_models()) all.push_back(model->name());
  for (const std::string& name : requested) {
    if (name == "none") continue;
    if (name == "all") {
      for (const std::string& model : all)
        if (std::find(names.begin(), names.end(), model) == names.end()) names.push_back(model);
      continue;
    }
    if (!find_forecast_model(name))
      throw InputError("--models", fmt::format("no model '{}'{}; models: {}, all, none", name, did_you_mean(name, all),
                                               fmt::join(all, ", ")));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace

std::vector<std::string> split_strategy_list(const std::vector<std::string>& lists) {
  std::vector<std::string> specs;
  for (const std::string& list : lists) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      const std::string piece = list.substr(start, comma - start);
      if (!specs.empty() && piece.find('=') != std::string::npos && piece.find(':') == std::string::npos &&
          specs.back().find(':') != std::string::npos)
        specs.back() += "," + piece;
      else if (!piece.empty())
        specs.push_back(piece);
      start = comma + 1;
    }
  }
  return specs;
}

std::vector<StrategySpec> parse_strategy_lists(const std::vector<std::string>& lists) {
  std::vector<StrategySpec> strategies;
  for (const std::string& text : split_strategy_list(lists)) strategies.push_back(parse_strategy(text));
  if (strategies.empty()) throw field_error("strategy", "no strategy given");
  return strategies;
}

std::vector<TournamentTable> load_tournament_tables(const std::vector<std::string>& paths, std::size_t threads) {
  std::vector<fs::path> found;
  for (const std::string& path : paths) collect_domains(path, true, found);
  std::vector<std::shared_ptr<const Scenario>> scenarios(found.size());
  parallel_for_each(found.size(), threads, [&](std::size_t i) {
    scenarios[i] = std::make_shared<const Scenario>(is_genius_folder(found[i]) ? import_genius(found[i])
                                                                               : load_scenario(found[i]));
  });
  std::vector<TournamentTable> tables;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::string name = is_genius_folder(found[i]) ? found[i].filename().string() : found[i].stem().string();
    const Scenario& scenario = *scenarios[i];
    for (std::size_t s = 0; s < scenario.stages.size(); ++s)
      tables.push_back(
          {scenario.stages.size() == 1 ? name : name + "/" + scenario.stages[s].id, scenarios[i], s});
  }
  // Names must tell domains apart: the same folder name twice is refused.
  for (std::size_t i = 0; i < tables.size(); ++i)
    for (std::size_t j = i + 1; j < tables.size(); ++j)
      if (tables[i].name == tables[j].name)
        throw InputError(paths.front(), fmt::format("two domains are named {}; give their folders separately or "
                                                    "rename one",
                                                    tables[i].name));
  return tables;
}

SweepPlan plan_sweep(const SweepSettings& settings, const StrategyChoice& choose_strategies) {
  if (settings.runs == 0) throw InputError("--runs", "0 runs; a sweep needs at least 1 (try --runs 200)");
  Scenario scenario = settings.scenario ? *settings.scenario : load_scenario(settings.file, settings.variant);
  if (scenario.uncertainty.empty())
    throw InputError(settings.file,
                     "the scenario has no `uncertainty:` section, so every draw would be the same; add one giving "
                     "distributions for the judgements you are unsure of (docs/format.md, \"uncertainty\"; "
                     "scenarios/talks-2025.yaml has an example)");
  const StagedOptions staged = choose_strategies(scenario);
  SweepPlan plan = make_sweep_plan(std::move(scenario), settings.runs, settings.seed);
  plan.models = sweep_model_names(settings.models);
  plan.negotiate = settings.negotiate;
  if (plan.models.empty() && !plan.negotiate)
    throw InputError("--models", "with --models none and --no-negotiation there is nothing to sweep");
  plan.strategies = staged.strategies;
  plan.default_strategy = staged.default_strategy;
  return plan;
}

std::string default_database(const std::string& name, const StudyIdentity& identity) {
  const std::time_t now = std::time(nullptr);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&now));
  // FNV-1a of the identity: the same study gets the same file (so rerunning resumes it).
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : identity_text(identity)) hash = (hash ^ c) * 1099511628211ULL;
  return fmt::format("results/{}-{}-{:08x}.sqlite", name, date, hash & 0xffffffffULL);
}

std::optional<std::string> run_tournament_study(const Tournament& tournament, const StudyExecution& execution,
                                                std::optional<double> setup_seconds) {
  return run_study(
      tournament_identity(tournament), tournament.record_width(),
      [&tournament](std::uint64_t run, std::span<double> record) { tournament.run(run, record); },
      tournament_row_writer(tournament), execution, "negotiations", setup_seconds);
}

std::optional<std::string> run_sweep_study(const SweepPlan& plan, const std::string& variant,
                                           const StudyExecution& execution) {
  return run_study(
      sweep_identity(plan, variant), sweep_layout(plan).width,
      [&plan](std::uint64_t run, std::span<double> record) { compute_sweep_run(plan, run, record); },
      sweep_row_writer(plan), execution, "draws", std::nullopt);
}

StudyKind study_kind(const StoredStudy& study, const std::string& path) {
  if (study.identity.kind == "tournament") return StudyKind::tournament;
  if (study.identity.kind == "sweep") return StudyKind::sweep;
  throw Error(ErrorKind::invalid, fmt::format("the database holds a study of kind '{}', which this parley cannot "
                                              "summarise",
                                              study.identity.kind),
              Location{path, 0, 0, "", false});
}

TournamentSummary summarize_stored_tournament(const StoredStudy& study) {
  return summarize_tournament(stored_tournament_strategies(study), study.records, study.identity.width);
}

nlohmann::json stored_study_json(const StoredStudy& study, const std::string& path) {
  nlohmann::json document;
  if (study_kind(study, path) == StudyKind::tournament) {
    document = tournament_summary_to_json(summarize_stored_tournament(study), study.identity.runs);
  } else {
    const SweepPlan plan = stored_sweep_plan(study);
    document = sweep_summary_to_json(plan, summarize_sweep(plan, study.records));
    document["planned_runs"] = study.identity.runs;
  }
  document["database"] = path;
  return document;
}

}  // namespace parley
