// Analysis of real GENIUS/ANAC domains, end to end: import the folder, compile the
// utilities, compute the frontier and every solution. Figures to beat (NegMAS, measured on
// this machine on the same domains): AMPOvsCity 138 s, EnergyB 26 s.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/io/genius.hpp"

namespace {

const std::filesystem::path kGenius = std::filesystem::path(PARLEY_TEST_DATA) / "genius";

// One iteration imports and analyses every folder in `folders`.
void analyze_domains(benchmark::State& state, const std::vector<std::filesystem::path>& folders) {
  std::size_t frontier = 0;
  for (auto _ : state) {
    frontier = 0;
    for (const auto& folder : folders) {
      const parley::Scenario scenario = parley::import_genius(folder);
      const parley::OutcomeSpace space = scenario.stage_space(0);
      std::vector<parley::CompiledUtility> parties;
      for (const auto& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
      const parley::Analysis analysis = parley::analyze(parties, space);
      frontier += analysis.pareto.size();
      benchmark::DoNotOptimize(analysis.nash);
    }
  }
  state.counters["frontier"] = static_cast<double>(frontier);
}

void BM_Analyze_AMPOvsCity(benchmark::State& state) { analyze_domains(state, {kGenius / "other/AMPOvsCity"}); }
void BM_Analyze_EnergyB(benchmark::State& state) { analyze_domains(state, {kGenius / "anac/y2012/EnergyB"}); }
// The four y2014 "50issues" domains (they declare 40 issues: 10^40 outcomes each), together.
void BM_Analyze_Y2014_50issues(benchmark::State& state) {
  const auto y2014 = kGenius / "anac/y2014";
  analyze_domains(state, {y2014 / "50issues", y2014 / "50issuesDiscounted", y2014 / "50issuesDiscountedwithRV",
                          y2014 / "50issueswithRV"});
}

BENCHMARK(BM_Analyze_AMPOvsCity)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Analyze_EnergyB)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_Analyze_Y2014_50issues)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
