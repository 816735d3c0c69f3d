// `parley sweep`: draw many scenarios from a scenario's `uncertainty:` section, forecast and
// negotiate each, and report the distributions and which inputs move them (docs/sweeps.md).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "negotiate_options.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/studies.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/sweep.hpp"
#include "study.hpp"

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

void run_sweep(const SweepOptions& options) {
  parley::keep_freed_memory_for_reuse();
  (void)process_rank();  // under mpirun: join the other ranks before anything can fail
  SweepSettings settings;
  settings.file = options.file;
  settings.variant = options.variant;
  settings.runs = options.runs;
  settings.models = options.models;
  settings.negotiate = !options.no_negotiation;
  settings.seed = options.seed;
  const SweepPlan plan = plan_sweep(settings, [&](const Scenario& scenario) {
    RunChoices choices;
    choices.strategies = options.strategies;
    return staged_options(scenario, choices);
  });
  StudyExecution execution;
  execution.database = options.output.database;
  execution.name = options.file == "-" ? std::string("sweep") : fs::path(options.file).stem().string();
  execution.threads = options.output.threads;
  execution.progress = options.output.show_progress();
  const std::optional<std::string> db_path = run_sweep_study(plan, options.variant, execution);
  if (db_path) print_stored_study(read_results(*db_path), *db_path, options.output);
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
