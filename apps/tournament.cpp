// `parley tournament`: strategies × domains × role assignments × repetitions, on every core
// (and every MPI rank under mpirun), into a resumable results database; `parley results`:
// the summary of a stored study again.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/core/error.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/studies.hpp"
#include "parley/io/tournament_file.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/tournament.hpp"
#include "study.hpp"

namespace parley::cli {

namespace {

struct TournamentArgs {
  std::string file;  // a tournament file; the options below replace its values
  CLI::App* command = nullptr;  // to tell options given from defaults
  std::vector<std::string> strategies;
  std::vector<std::string> domains;
  std::uint64_t repetitions = 1;
  int rounds = 100;
  std::string protocol = "sao";
  std::map<std::string, std::string> protocol_settings;
  std::uint64_t seed = 0;
  bool offers = false;
  StudyOutput output;
  MemoryLimit memory;
};

// The file's values, replaced by those given on the command line.
TournamentArgs with_file(TournamentArgs args) {
  if (args.file.empty()) {
    if (args.strategies.empty() || args.domains.empty())
      throw field_error("tournament", "give --strategies and --domains, or a tournament file (see --help)");
    return args;
  }
  const TournamentFile file = read_tournament_file(args.file);
  const auto given = [&](const char* option) { return args.command->count(option) > 0; };
  if (!given("--strategies")) args.strategies = file.strategies;
  if (!given("--domains")) args.domains = file.domains;
  if (!given("--repetitions") && file.repetitions) args.repetitions = *file.repetitions;
  if (!given("--rounds") && file.rounds) args.rounds = *file.rounds;
  if (!given("--protocol") && file.protocol) args.protocol = *file.protocol;
  if (!given("--protocol")) args.protocol_settings = file.protocol_settings;
  if (!given("--seed") && file.seed) args.seed = *file.seed;
  return args;
}

void run_tournament(const TournamentArgs& given_args) {
  const TournamentArgs args = with_file(given_args);
  parley::keep_freed_memory_for_reuse();
  (void)process_rank();  // under mpirun: join the other ranks before anything can fail
  const auto loading = std::chrono::steady_clock::now();
  std::vector<TournamentTable> tables = load_tournament_tables(args.domains, args.output.threads);

  TournamentOptions options;
  options.strategies = parse_strategy_lists(args.strategies);
  options.repetitions = args.repetitions;
  options.rounds = args.rounds;
  options.protocol = args.protocol;
  options.protocol_settings = args.protocol_settings;
  options.seed = args.seed;
  options.max_memory_bytes = args.memory.bytes();
  options.record_offers = args.offers;
  const Tournament tournament(std::move(tables), options, args.output.threads);
  const double setup_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - loading).count();

  StudyExecution execution;
  execution.database = args.output.database;
  execution.name = "tournament";
  execution.threads = args.output.threads;
  execution.progress = args.output.show_progress();
  const std::optional<std::string> db_path = run_tournament_study(tournament, execution, setup_seconds);
  if (db_path) print_stored_study(read_results(*db_path), *db_path, args.output);
}

}  // namespace

void add_tournament(CLI::App& app) {
  auto args = std::make_shared<TournamentArgs>();
  CLI::App* command = app.add_subcommand(
      "tournament", "Run strategies against each other on many domains; rank them as ANAC does, with 95% intervals");
  args->command = command;
  command->add_option("FILE", args->file,
                      "Tournament file (YAML: strategies, domains, repetitions, rounds, protocol, seed); options given "
                      "here replace its values");
  command->add_option("--strategies", args->strategies,
                      "Strategies, comma-separated, each NAME[:k=v,...] (`parley list strategies`); repeat the option "
                      "to add more");
  command->add_option("--domains", args->domains,
                      "GENIUS domain folders, scenario files (one domain per stage), or folders holding either "
                      "(searched recursively)")
      ->expected(1, -1);
  command->add_option("--repetitions", args->repetitions, "Runs of each assignment, each with its own seed (default 1)")
      ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 40));
  command->add_option("--rounds,--steps", args->rounds, "Deadline in rounds (default 100, as ANAC)")
      ->check(CLI::Range(1, kMaxDeadlineRounds));
  command->add_option("--protocol", args->protocol, "Protocol (`parley list protocols`; default sao)");
  command->add_option("--seed", args->seed, "Master seed: run r uses derive_seed(seed, r) (default 0)")
      ->check(kSeed);
  command->add_flag("--offers", args->offers,
                    "Also record every move of every run (table `offers`: round, seat, kind, outcome); ~4 doubles "
                    "per move");
  add_study_output_options(*command, args->output);
  add_memory_option(*command, args->memory);
  command->footer(R"(
Every domain is played by every ordered assignment of the strategies to its seats (self-play
included: S^2 assignments on a bilateral domain), --repetitions times. A run's result depends only
on the tournament and its number, so results are the same on any thread count, under mpirun, and
after a restart. Scores: own discounted utility (the reservation value, discounted, without
agreement), ANAC's score (the same, against other strategies only), agreement rate, social
welfare, distance to the Pareto frontier and to the Nash point, rounds to agreement; each a mean
with its 95% confidence interval. The results database (docs/results.md) records every run; kill
the command at any moment and run it again to continue.

A tournament file holds the same settings:
  strategies: [boulware, "aspiration:e=2,model=frequency", micro]
  domains: [anac/y2012]      # relative to the file
  repetitions: 3             # rounds, protocol, protocol_settings and seed too

Examples:
  parley tournament anac2012.yaml --threads 8
  parley tournament --strategies boulware,conceder,linear,hardliner --domains tests/data/genius/anac/y2012
  parley tournament --strategies 'aspiration:e=2,model=frequency,micro' --domains DIR --repetitions 5 --seed 7
  parley tournament --strategies boulware,micro --domains scenarios/talks-2025.yaml --db talks.sqlite --json
  mpirun -n 4 parley tournament --strategies boulware,micro --domains DIR --db runs.sqlite
  parley results runs.sqlite --csv)");
  command->callback([args] { run_tournament(*args); });
}

void add_results(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto output = std::make_shared<StudyOutput>();
  CLI::App* command = app.add_subcommand("results", "Summarise a results database (a tournament or a sweep) again");
  command->add_option("DB", *file, "Results database written by parley tournament or parley sweep")->required();
  command->add_flag("--json", output->json, "Print one JSON document");
  command->add_flag("--csv", output->csv, "Print CSV")->excludes("--json");
  command->footer(R"(
Reads the database without changing it, and prints the same summary as the command that wrote
it. A database of an unfinished study is summarised over the runs it holds (the summary says how
many of how many).

Examples:
  parley results results/tournament-2026-12-01-1a2b3c4d.sqlite
  parley results runs.sqlite --json)");
  command->callback([file, output] { print_stored_study(read_results(*file), *file, *output); });
}

}  // namespace parley::cli
