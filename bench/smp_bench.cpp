// SMP on KTAB's shipped tables, single thread, KTAB-compatible mode, default parameters, with
// the per-turn position probabilities that KTAB also computes. KTAB on the same tables (2
// cores, optimised, minimal logging): dummyData-a080 56 s, a160 20 min 53 s, SOE-Competitive
// 7.3 s. Targets in bench/table.py.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/smp.hpp"
#include "parley/io/ktab.hpp"

namespace {

void run_table(benchmark::State& state, const std::string& file) {
  const auto path = std::filesystem::path(PARLEY_TEST_DATA) / "ktab" / "inputs" / file;
  const parley::ActorTable table = parley::to_actor_table(parley::import_ktab(path).scenario);
  parley::SmpParameters parameters;
  parameters.set_ktab_compatible(true);
  std::size_t turns = 0;
  for (auto _ : state) {
    const parley::SmpResult result = parley::run_smp(table, parameters);
    turns = result.turns();
    benchmark::DoNotOptimize(result.positions.back().data());
  }
  state.counters["actors"] = static_cast<double>(table.actor_count());
  state.counters["turns"] = static_cast<double>(turns);
}

void BM_Smp_dummyData_a080(benchmark::State& state) { run_table(state, "dummyData-a080.csv"); }
void BM_Smp_dummyData_a160(benchmark::State& state) { run_table(state, "dummyData-a160.csv"); }
void BM_Smp_SOE_Competitive(benchmark::State& state) { run_table(state, "SOE-Competitive.csv"); }

BENCHMARK(BM_Smp_dummyData_a080)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Smp_dummyData_a160)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Smp_SOE_Competitive)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
