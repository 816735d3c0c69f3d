// The ANAC 2012 tournament of issue 9: all 72 domains × 10 built-in strategies, all ordered
// pairs, 1 repetition, SAO with 100 rounds (7,200 negotiations), end to end: import every
// folder, compile and analyse each domain once, run, and write the results database.
// Target: 3 s on 2 cores (the shell loop over `parley negotiate` took 71 s; NegMAS needs
// about 4 s per negotiation on TravelB alone).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <unistd.h>
#include <vector>

#include "parley/io/genius.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/tournament_results.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/tournament.hpp"
#include "study_allocator.hpp"

namespace {
namespace fs = std::filesystem;

const char* kTen[] = {"aspiration", "boulware", "linear", "conceder", "hardliner",
                      "tit_for_tat", "micro",   "random", "nash",     "rubinstein"};

std::vector<parley::TournamentTable> anac2012() {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_TEST_DATA) / "genius/anac/y2012"))
    folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  std::vector<parley::TournamentTable> tables;
  for (const fs::path& folder : folders)
    tables.push_back({folder.filename().string(), std::make_shared<const parley::Scenario>(parley::import_genius(folder)), 0});
  return tables;
}

// state.range(0): threads. With range(1) == 1, also the database (one file per iteration).
void BM_Tournament_Anac2012(benchmark::State& state) {
  const StudyAllocator allocator;  // as in `parley tournament`
  const auto threads = static_cast<std::size_t>(state.range(0));
  const bool database = state.range(1) == 1;
  const fs::path db = fs::temp_directory_path() / ("parley-bench-" + std::to_string(::getpid()) + ".sqlite");
  std::uint64_t runs = 0;
  for (auto _ : state) {
    parley::TournamentOptions options;
    for (const char* s : kTen) options.strategies.push_back(parley::parse_strategy(s));
    const parley::Tournament tournament(anac2012(), options, threads);
    std::unique_ptr<parley::ResultsDb> results;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    if (database) results = std::make_unique<parley::ResultsDb>(db, parley::tournament_identity(tournament));
    const parley::RowWriter rows = parley::tournament_row_writer(tournament);
    std::vector<std::uint64_t> pending(tournament.run_count());
    for (std::uint64_t r = 0; r < pending.size(); ++r) pending[r] = r;
    parley::ExecutorOptions executor;
    executor.threads = threads;
    const auto summary = parley::execute(
        std::move(pending), tournament.record_width(),
        [&](std::uint64_t run, std::span<double> record) { tournament.run(run, record); },
        [&](std::span<const std::uint64_t> block, std::span<const double> records) {
          if (results) results->commit(block, records, rows);
        },
        executor);
    runs = summary.runs;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  state.counters["negotiations"] = static_cast<double>(runs);
  state.counters["negotiations/s"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Tournament_Anac2012)
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->ArgNames({"threads", "db"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace

namespace {

// What the results database costs per run: 7,200 tournament records (33 doubles) and their
// typed rows (one row in `runs`, two in `actor_results`), committed in blocks of 72 as the
// executor does for this study. The bottleneck of a study on many machines: rank 0 writes
// every run.
void BM_ResultsDb_TournamentRows(benchmark::State& state) {
  std::vector<parley::TournamentTable> tables;
  tables.push_back({"LaptopA", std::make_shared<const parley::Scenario>(parley::import_genius(
                                   fs::path(PARLEY_TEST_DATA) / "genius/anac/y2012/LaptopA")), 0});
  parley::TournamentOptions options;
  options.repetitions = 1800;  // 4 assignments x 1800 = 7200 runs
  for (const char* s : {"boulware", "conceder"}) options.strategies.push_back(parley::parse_strategy(s));
  const parley::Tournament tournament(std::move(tables), options, 1);
  const std::size_t width = tournament.record_width();
  std::vector<double> records(tournament.run_count() * width);
  for (std::uint64_t r = 0; r < tournament.run_count(); ++r)
    tournament.run(r, std::span<double>(records.data() + r * width, width));
  const fs::path db = fs::temp_directory_path() / ("parley-bench-db-" + std::to_string(::getpid()) + ".sqlite");
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    {
      parley::ResultsDb results(db, parley::tournament_identity(tournament));
      const parley::RowWriter rows = parley::tournament_row_writer(tournament);
      std::vector<std::uint64_t> runs;
      for (std::uint64_t begin = 0; begin < tournament.run_count(); begin += 72) {
        runs.clear();
        for (std::uint64_t r = begin; r < begin + 72; ++r) runs.push_back(r);
        results.commit(runs, std::span<const double>(records.data() + begin * width, 72 * width), rows);
      }
    }
    bytes = fs::file_size(db);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  state.counters["runs/s"] = benchmark::Counter(double(tournament.run_count()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/run"] = double(bytes) / double(tournament.run_count());
}
BENCHMARK(BM_ResultsDb_TournamentRows)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
