// `parley sweep`: draw many scenarios from a scenario's `uncertainty:` section, forecast and
// negotiate each, and report the distributions and which inputs move them (docs/sweeps.md).

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "negotiate_options.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/forecast/model.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/sweep.hpp"
#include "study.hpp"
#include "sweep_output.hpp"
#include "text_table.hpp"

namespace parley::cli {
namespace fs = std::filesystem;

namespace {

struct SweepOptions {
  std::string file;
  std::uint64_t runs = 0;
  std::string variant;
  std::vector<std::string> models{"all"};
  std::vector<std::string> strategies;
  bool no_negotiation = false;
  std::uint64_t seed = 0;
  StudyOutput output;
};

std::vector<std::string> sweep_models(const std::vector<std::string>& requested) {
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

SweepPlan build_plan(const SweepOptions& options) {
  if (options.runs == 0) throw InputError("--runs", "0 runs; a sweep needs at least 1 (try --runs 200)");
  Scenario scenario = load_scenario(options.file, options.variant);
  if (scenario.uncertainty.empty())
    throw InputError(options.file,
                     "the scenario has no `uncertainty:` section, so every draw would be the same; add one giving "
                     "distributions for the judgements you are unsure of (docs/format.md, \"uncertainty\"; "
                     "scenarios/talks-2025.yaml has an example)");
  RunChoices choices;
  choices.strategies = options.strategies;
  const StagedOptions staged = staged_options(scenario, choices);
  SweepPlan plan = make_sweep_plan(std::move(scenario), options.runs, options.seed);
  plan.models = sweep_models(options.models);
  plan.negotiate = !options.no_negotiation;
  if (plan.models.empty() && !plan.negotiate)
    throw InputError("--models", "with --models none and --no-negotiation there is nothing to sweep");
  plan.strategies = staged.strategies;
  plan.default_strategy = staged.default_strategy;
  return plan;
}

void run_sweep(const SweepOptions& options) {
  parley::keep_freed_memory_for_reuse();
  (void)process_rank();  // under mpirun: join the other ranks before anything can fail
  const SweepPlan plan = build_plan(options);
  const SweepLayout layout = sweep_layout(plan);
  const StudyIdentity identity = sweep_identity(plan, options.variant);
  const std::string stem = options.file == "-" ? std::string("sweep") : fs::path(options.file).stem().string();
  const std::string db_path =
      !options.output.database.empty() ? options.output.database : default_database(stem, identity_text(identity));
  std::unique_ptr<ResultsDb> db;
  std::vector<std::uint64_t> pending;
  if (process_rank() == 0) {
    db = std::make_unique<ResultsDb>(db_path, identity);
    pending = db->pending();
  }
  const RowWriter rows = sweep_row_writer(plan);
  ExecutorOptions executor;
  executor.threads = options.output.threads;
  executor.progress = options.output.show_progress();
  executor.label = "draws";
  const std::uint64_t pending_count = pending.size();
  const ExecutionSummary summary = execute(
      std::move(pending), layout.width,
      [&plan](std::uint64_t run, std::span<double> record) { compute_sweep_run(plan, run, record); },
      [&](std::span<const std::uint64_t> runs, std::span<const double> records) { db->commit(runs, records, rows); },
      executor);
  if (process_rank() != 0) return;
  announce_execution(*db, summary, pending_count, plan.runs);
  db.reset();
  print_stored_study(read_results(db_path), db_path, options.output);
}

}  // namespace

void add_sweep(CLI::App& app) {
  auto* command = app.add_subcommand(
      "sweep", "Draw many scenarios from the uncertainty section; forecast and negotiate each; report distributions.");
  command->footer(
      "Each run draws every uncertain input of the scenario's `uncertainty:` section (docs/format.md),\n"
      "forecasts the drawn scenario with every model (or --models) and negotiates its stages. The report:\n"
      "  - per issue and model, the forecast's median and 80% range [p10, p90];\n"
      "  - per stage, how often it held and how often a ratifier vetoed, and each actor's utility;\n"
      "  - sensitivity: for each result, the inputs that move it most, by Spearman rank correlation\n"
      "    between the input's drawn values and the result over the runs (docs/sweeps.md).\n"
      "Run r draws with derive_seed(--seed, r), so the output is the same for any --threads, under\n"
      "mpirun, and after a restart: every draw goes into the results database (--db; docs/results.md),\n"
      "and the same command run again continues a killed sweep. `parley results DB` prints it again.\n\n"
      "Examples:\n"
      "  parley sweep scenarios/talks-2025.yaml --runs 200\n"
      "  parley sweep scenarios/talks-2025.yaml --runs 1000 --models smp,eum --seed 7\n"
      "  parley sweep scenarios/talks-2025.yaml --runs 500 --no-negotiation --csv > forecasts.csv\n"
      "  parley sweep scenarios/talks-2025.yaml --runs 200 --variant press-russia --json\n"
      "  parley sweep scenarios/talks-2025.yaml --runs 200 --strategy ua=conceder --threads 2");
  auto options = std::make_shared<SweepOptions>();
  command->add_option("FILE", options->file, "Scenario YAML with an `uncertainty:` section (- reads standard input)")
      ->required();
  command->add_option("--runs", options->runs, "Scenarios to draw (required; 200 gives stable 10/90% quantiles)")
      ->required();
  command->add_option("--variant", options->variant,
                      "Apply this variant of the scenario first (it may set uncertainty)");
  command
      ->add_option("--models", options->models,
                   "Forecast models, comma-separated: smp, eum, ..., all (default) or none; `parley list models`")
      ->delimiter(',');
  command->add_flag("--no-negotiation", options->no_negotiation, "Forecast only; do not negotiate the stages");
  command->add_option("--strategy", options->strategies,
                      "ACTOR=NAME[:k=v,...] (repeat; * for every other actor); overrides a drawn strategy");
  command->add_option("--seed", options->seed, "Master seed; run r uses derive_seed(seed, r) (default 0)")
      ->check(kSeed);
  add_study_output_options(*command, options->output);
  command->callback([options] { run_sweep(*options); });
}

}  // namespace parley::cli
