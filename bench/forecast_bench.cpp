// The forecast models on real data. Target: the whole DEU evaluation (353 issues, every
// model including EUM and SMP, 10-fold cross-validated rows) in ≤ 5 s.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parley/forecast/eum.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/forecast/exchange.hpp"
#include "parley/io/bdm.hpp"
#include "parley/io/deu.hpp"
#include "parley/io/exchange.hpp"

namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;

// The cases and the importer's benchmark actors (the Commission), as `parley evaluate` reads them.
std::vector<parley::EvaluationCase> deu_cases(std::vector<std::string>& benchmark_actors) {
  const parley::DeuData data = parley::import_deu(kData / "deu/deu3.tsv");
  benchmark_actors = data.benchmark_actors;
  std::vector<parley::EvaluationCase> cases;
  for (const parley::Scenario& issue : data.issues)
    for (auto& c : parley::evaluation_cases(issue)) cases.push_back(std::move(c));
  return cases;
}

// Reading the file included: what `parley evaluate tests/data/deu/deu3.tsv --interval-draws
// 0` does (the point forecasts, comparable with the figures before intervals existed);
// BM_Evaluate_DEU_with_intervals is the default command.
void evaluate_deu(benchmark::State& state, int interval_draws) {
  std::size_t rows = 0;
  for (auto _ : state) {
    parley::EvaluationOptions options;
    options.folds = 10;
    options.seed = 1;
    options.interval_draws = interval_draws;
    const auto cases = deu_cases(options.benchmark_actors);
    const parley::Evaluation evaluation = parley::evaluate(cases, options);
    rows = evaluation.scores.size();
    benchmark::DoNotOptimize(evaluation.scores.data());
  }
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_Evaluate_DEU_all_models(benchmark::State& state) { evaluate_deu(state, 0); }
void BM_Evaluate_DEU_with_intervals(benchmark::State& state) {
  evaluate_deu(state, parley::EvaluationOptions{}.interval_draws);
}

void BM_Eum_Emissions_10_rounds(benchmark::State& state) {
  const parley::ActorTable table =
      parley::to_actor_table(parley::import_bdm(kData / "bdm/jmckib_ExampleActors_BDM1994_emissions.csv"));
  for (auto _ : state) benchmark::DoNotOptimize(parley::run_eum(table, 0).outcome);
}

void BM_Exchange_COP21(benchmark::State& state) {
  const parley::ActorTable table =
      parley::to_actor_table(parley::import_exchange_input(kData / "exchange/decide_cop21.csv"));
  std::size_t exchanges = 0;
  for (auto _ : state) {
    const parley::ExchangeRun run = parley::run_exchange(table);
    exchanges = run.exchanges.size();
    benchmark::DoNotOptimize(run.outcomes.back().data());
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
}

BENCHMARK(BM_Evaluate_DEU_all_models)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Evaluate_DEU_with_intervals)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Eum_Emissions_10_rounds)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Exchange_COP21)->Unit(benchmark::kMillisecond);

}  // namespace
