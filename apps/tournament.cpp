// `parley tournament`: strategies × domains × role assignments × repetitions, on every core
// (and every MPI rank under mpirun), into a resumable results database; `parley results`:
// the summary of a stored study again.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/tournament_file.hpp"
#include "parley/io/tournament_results.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/tournament.hpp"
#include "study.hpp"
#include "text_table.hpp"

namespace parley::cli {
namespace fs = std::filesystem;

std::vector<std::string> split_strategy_list(const std::vector<std::string>& lists) {
  // "aspiration:e=2,model=frequency,boulware": a piece with '=' but no ':' continues the
  // previous spec's parameters.
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

std::string default_database(const std::string& name, const std::string& identity_text) {
  const std::time_t now = std::time(nullptr);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&now));
  // The same study gets the same file (so rerunning resumes it); another study another one.
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : identity_text) hash = (hash ^ c) * 1099511628211ULL;
  return fmt::format("results/{}-{}-{:08x}.sqlite", name, date, hash & 0xffffffffULL);
}

std::string identity_text(const StudyIdentity& identity) {
  std::string text = identity.kind;
  for (const auto& [k, v] : identity.parameters) text += "\n" + k + "=" + v;
  return text;
}

void announce_execution(ResultsDb& db, const ExecutionSummary& summary, std::uint64_t pending, std::uint64_t planned) {
  db.set_meta("finished_at", fmt::format("{}", std::time(nullptr)));
  db.set_meta("last_seconds", fmt::format("{:.3f}", summary.seconds));
  db.set_meta("last_runs", std::to_string(summary.runs));
  db.set_meta("threads", std::to_string(summary.threads));
  db.set_meta("ranks", std::to_string(summary.ranks));
  db.set_meta("resumed", pending < planned ? "yes" : "no");
}

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

// Loads every domain (in parallel) into tables: a GENIUS folder is one, a scenario file one
// per stage ("stem/stage" when it has several).
std::vector<TournamentTable> load_tables(const std::vector<std::string>& paths, std::size_t threads) {
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
  const bool root = process_rank() == 0;
  const auto loading = std::chrono::steady_clock::now();
  std::vector<TournamentTable> tables = load_tables(args.domains, args.output.threads);

  TournamentOptions options;
  for (const std::string& text : split_strategy_list(args.strategies)) options.strategies.push_back(parse_strategy(text));
  if (options.strategies.empty()) throw field_error("strategy", "no strategy given");
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

  StudyIdentity identity = tournament_identity(tournament);
  const std::string db_path =
      !args.output.database.empty() ? args.output.database : default_database("tournament", identity_text(identity));
  std::unique_ptr<ResultsDb> db;
  std::vector<std::uint64_t> pending;
  if (root) {
    db = std::make_unique<ResultsDb>(db_path, identity);
    pending = db->pending();
    db->set_meta("setup_seconds", fmt::format("{:.3f}", setup_seconds));
  }
  const RowWriter rows = tournament_row_writer(tournament);
  ExecutorOptions executor;
  executor.threads = args.output.threads;
  executor.progress = args.output.show_progress();
  executor.label = "negotiations";
  const std::uint64_t pending_count = pending.size();
  const ExecutionSummary summary = execute(
      std::move(pending), tournament.record_width(),
      [&](std::uint64_t run, std::span<double> record) { tournament.run(run, record); },
      [&](std::span<const std::uint64_t> runs, std::span<const double> records) { db->commit(runs, records, rows); },
      executor);
  if (!root) return;
  announce_execution(*db, summary, pending_count, tournament.run_count());
  db.reset();
  print_stored_study(read_results(db_path), db_path, args.output);
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
