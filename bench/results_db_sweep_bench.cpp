// What the results database costs per sweep run, the bottleneck of a sweep on many machines
// (rank 0 writes every run): 5,000 flagship sweep records (82 doubles) and their typed rows
// (12 draws, 54 forecasts, 2 stages and the utilities of each run), committed in blocks of
// 50 as the executor does for a study of this size. The records are 50 computed draws
// repeated, since what a write costs does not depend on the values.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parley/io/load.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/run/sweep.hpp"

namespace {
namespace fs = std::filesystem;

void BM_ResultsDb_SweepRows(benchmark::State& state) {
  constexpr std::uint64_t kRuns = 5000, kComputed = 50, kBlock = 50;
  const parley::SweepPlan plan = parley::make_sweep_plan(
      parley::load_scenario(std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml"), kRuns, 2025);
  const std::size_t width = parley::sweep_layout(plan).width;
  std::vector<double> records(kRuns * width);
  for (std::uint64_t r = 0; r < kComputed; ++r)
    parley::compute_sweep_run(plan, r, std::span<double>(records.data() + r * width, width));
  for (std::uint64_t r = kComputed; r < kRuns; ++r)
    std::copy_n(records.begin() + std::ptrdiff_t((r % kComputed) * width), width,
                records.begin() + std::ptrdiff_t(r * width));
  const fs::path db = fs::temp_directory_path() / ("parley-bench-sweep-" + std::to_string(::getpid()) + ".sqlite");
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    {
      parley::ResultsDb results(db, parley::sweep_identity(plan, ""));
      const parley::RowWriter rows = parley::sweep_row_writer(plan);
      std::vector<std::uint64_t> runs;
      for (std::uint64_t begin = 0; begin < kRuns; begin += kBlock) {
        runs.clear();
        for (std::uint64_t r = begin; r < begin + kBlock; ++r) runs.push_back(r);
        results.commit(runs, std::span<const double>(records.data() + begin * width, kBlock * width), rows);
      }
    }
    bytes = fs::file_size(db);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  state.counters["runs/s"] = benchmark::Counter(double(kRuns), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/run"] = double(bytes) / double(kRuns);
}
BENCHMARK(BM_ResultsDb_SweepRows)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
