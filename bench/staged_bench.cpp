// The staged flagship (scenarios/talks-2025.yaml: truce, then settlement, with ratifiers),
// one whole run_staged per iteration, default options (Boulware for every party, analysis
// on), seed = iteration number:
//   BM_Staged_Flagship_Trace            the scenario as given, trace recorded
//   BM_Staged_Flagship_NoTrace          record_trace = false
//   BM_Staged_Flagship_Compiled_NoTrace record_trace = false, through one CompiledScenario
//                                       (spaces, utilities, domains and analyses built once)
//   BM_Staged_Flagship_Compiled_Trace   the same with the trace: what recording it costs once
//                                       compiling no longer hides it
//   BM_Staged_Flagship_Compiled_RatificationAware  as Compiled_NoTrace with every party
//                                       ratification_aware: the belief tables (a pass over
//                                       the space per party and stage) and the filter's ranking
// A sweep's draw (issue 9): every iteration draws a fresh variant of the flagship (seeded by
// the iteration number; per actor: positions ±5 points of the scale, saliences ×U(0.8, 1.2),
// capability ×U(0.9, 1.1), reservation ±0.05, discount ±0.01), compiles it and runs it once
// without a trace, so nothing is shared between draws (domains, tables and analyses are all
// built per draw), under the allocator settings of `parley sweep`. Counters: agreements (stages agreed per draw), ranked_share (share of the
// party tables' outcomes whose rank the runs worked out, PartyTable::outcomes_ranked):
//   BM_Staged_Flagship_Redraw             analysis on (the default)
//   BM_Staged_Flagship_Redraw_NoAnalysis  analyze = false (no frontier, Nash or distances)

#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>

#include "parley/core/random.hpp"
#include "parley/io/load.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"
#include "study_allocator.hpp"

namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";

template <typename Source>
void staged(benchmark::State& state, const Source& source, bool trace, const char* strategy = "boulware") {
  parley::StagedOptions options;
  options.record_trace = trace;
  options.default_strategy = parley::parse_strategy(strategy);
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
void BM_Staged_Flagship_Compiled_RatificationAware(benchmark::State& state) {
  const parley::CompiledScenario compiled(parley::load_scenario(kFlagship));
  staged(state, compiled, false, "ratification_aware");
}
BENCHMARK(BM_Staged_Flagship_Compiled_RatificationAware)->Unit(benchmark::kMicrosecond);

// One draw of the flagship's judgement numbers around `base` (see the top of the file).
parley::Scenario draw(const parley::Scenario& base, std::uint64_t seed) {
  parley::Scenario s = base;
  parley::Rng rng(seed);
  for (parley::Actor& actor : s.actors) {
    for (std::size_t k = 0; k < actor.stances.size(); ++k) {
      parley::Stance& stance = actor.stances[k];
      const parley::Issue& issue = s.issues[k];
      const double lower = issue.kind == parley::IssueKind::discrete ? 0.0 : issue.lower;
      const double upper = lower + issue.scale_length();
      const double shift = 0.05 * issue.scale_length();
      stance.position = std::clamp(stance.position + rng.uniform_real(-shift, shift), lower, upper);
      if (stance.salience > 0) stance.salience *= rng.uniform_real(0.8, 1.2);
    }
    actor.capability *= rng.uniform_real(0.9, 1.1);
    actor.reservation_value = std::clamp(actor.reservation_value + rng.uniform_real(-0.05, 0.05), 0.0, 1.0);
    actor.discount = std::clamp(actor.discount + rng.uniform_real(-0.01, 0.01), 0.5, 1.0);
  }
  return s;
}

void redraw(benchmark::State& state, bool analyze) {
  const StudyAllocator allocator;  // as in `parley sweep`
  const parley::Scenario base = parley::load_scenario(kFlagship);
  parley::StagedOptions options;
  options.record_trace = false;
  options.analyze = analyze;
  std::uint64_t iteration = 0;
  std::int64_t agreements = 0;
  double ranked = 0, outcomes = 0;  // over every party table built
  for (auto _ : state) {
    const parley::CompiledScenario compiled(draw(base, parley::derive_seed(2025, iteration)));
    const parley::StagedResult result = parley::run_staged(compiled, options);
    for (const parley::StageResult& stage : result.stages) {
      agreements += stage.status == parley::StageStatus::agreement;
      if (stage.parties.size() < 2) continue;  // no table was built
      const parley::CompiledDomain& domain = compiled.stage(stage.stage, stage.agenda.issues, stage.merged_from)->domain();
      for (std::size_t p = 0; p < domain.party_count(); ++p) {
        ranked += double(domain.party(p).outcomes_ranked());
        outcomes += double(domain.size());
      }
    }
    benchmark::DoNotOptimize(result.overall.data());
    ++iteration;
    ++options.seed;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["agreements"] = double(agreements) / double(state.iterations());
  state.counters["ranked_share"] = outcomes > 0 ? ranked / outcomes : 0;
}

void BM_Staged_Flagship_Redraw(benchmark::State& state) { redraw(state, true); }
void BM_Staged_Flagship_Redraw_NoAnalysis(benchmark::State& state) { redraw(state, false); }
BENCHMARK(BM_Staged_Flagship_Redraw)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Staged_Flagship_Redraw_NoAnalysis)->Unit(benchmark::kMillisecond);

}  // namespace
