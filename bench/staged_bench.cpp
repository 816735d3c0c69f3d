// The staged flagship (scenarios/talks-2025.yaml: truce, then settlement, with ratifiers),
// one whole run_staged per iteration, default options (Boulware for every party, analysis
// on), seed = iteration number:
//   BM_Staged_Flagship_Trace            the scenario as given, trace recorded
//   BM_Staged_Flagship_NoTrace          record_trace = false
//   BM_Staged_Flagship_Compiled_NoTrace record_trace = false, through one CompiledScenario
//                                       (spaces, utilities, domains and analyses built once)
//   BM_Staged_Flagship_Compiled_Trace   the same with the trace: what recording it costs once
//                                       compiling no longer hides it

#include <benchmark/benchmark.h>

#include <string>

#include "parley/io/load.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/staged.hpp"

namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";

template <typename Source>
void staged(benchmark::State& state, const Source& source, bool trace) {
  parley::StagedOptions options;
  options.record_trace = trace;
  std::int64_t records = 0;
  for (auto _ : state) {
    const parley::StagedResult result = parley::run_staged(source, options);
    records += std::int64_t(result.trace.size());
    benchmark::DoNotOptimize(result.overall.data());
    ++options.seed;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["records"] = double(records) / double(state.iterations());
}

void BM_Staged_Flagship_Trace(benchmark::State& state) { staged(state, parley::load_scenario(kFlagship), true); }
void BM_Staged_Flagship_NoTrace(benchmark::State& state) { staged(state, parley::load_scenario(kFlagship), false); }
void BM_Staged_Flagship_Compiled_NoTrace(benchmark::State& state) {
  const parley::CompiledScenario compiled(parley::load_scenario(kFlagship));
  staged(state, compiled, false);
}

BENCHMARK(BM_Staged_Flagship_Trace)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Staged_Flagship_NoTrace)->Unit(benchmark::kMicrosecond);
void BM_Staged_Flagship_Compiled_Trace(benchmark::State& state) {
  const parley::CompiledScenario compiled(parley::load_scenario(kFlagship));
  staged(state, compiled, true);
}

BENCHMARK(BM_Staged_Flagship_Compiled_NoTrace)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Staged_Flagship_Compiled_Trace)->Unit(benchmark::kMicrosecond);

}  // namespace
