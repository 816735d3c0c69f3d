// Win-set benchmarks (core/win_set.hpp): the flagship's settlement stage enumerated, a
// 3·10^12-outcome grid counted issue by issue, a random linear space where the exact count
// reaches its state bound and falls back to sampling, and an ANAC 2014 rectangle domain
// sampled. The analysis is computed once, outside the timing.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>

#include "parley/core/win_set.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/load.hpp"
#include "parley/negotiate/stage_plan.hpp"

namespace {

struct Problem {
  parley::Scenario scenario;
  parley::OutcomeSpace space;
  std::vector<parley::CompiledUtility> parties;
  std::vector<bool> ratifier;
  parley::Analysis analysis;
};

Problem stage_problem(parley::Scenario scenario, std::size_t stage) {
  Problem problem;
  problem.scenario = std::move(scenario);
  const auto agenda = parley::standalone_agenda(problem.scenario, stage).issues;
  const auto parties = problem.scenario.stage_parties(stage, agenda);
  problem.space = parley::OutcomeSpace(problem.scenario.issues, agenda);
  for (std::size_t p : parties) problem.parties.emplace_back(problem.scenario.actors[p], problem.scenario.issues, problem.space);
  problem.ratifier = parley::stage_ratifiers(problem.scenario, stage, parties);
  problem.analysis = parley::analyze(problem.parties, problem.space);
  return problem;
}

void run(benchmark::State& state, const Problem& problem) {
  parley::WinSet w;
  for (auto _ : state) {
    w = parley::win_set(problem.parties, problem.ratifier, problem.space, problem.analysis);
    benchmark::DoNotOptimize(w.size.count);
  }
  state.counters["share"] = w.size.share;
  state.counters["exact"] = w.size.exact;
}

void BM_WinSet_Flagship_Settlement(benchmark::State& state) {
  const parley::Scenario scenario = parley::load_scenario(std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml");
  run(state, stage_problem(scenario, *scenario.find_stage("settlement")));
}

// Twelve issues 0..10, a wants 10 and b 0 everywhere, ratifier c cares about the first:
// tests/cli/win_set_cli_test.cpp's space (11^12 outcomes).
void BM_WinSet_IssueByIssue_Grid_3e12(benchmark::State& state) {
  parley::Scenario scenario;
  for (int k = 0; k < 12; ++k) {
    parley::Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.kind = parley::IssueKind::integer;
    issue.lower = 0;
    issue.upper = 10;
    scenario.issues.push_back(issue);
  }
  for (const auto& [id, position, c] : {std::tuple{"a", 10, false}, {"b", 0, false}, {"c", 0, true}}) {
    parley::Actor actor;
    actor.id = id;
    actor.reservation_value = 0.495;
    for (int k = 0; k < 12; ++k) actor.stances.push_back({double(position), c && k > 0 ? 0.0 : 1.0, {}});
    scenario.actors.push_back(actor);
  }
  scenario.channels.push_back({"t", "t", {0, 1}, parley::Visibility::decisions});
  parley::Stage stage = parley::all_issues_stage(12);
  stage.channel = 0;
  stage.ratify = {2};
  scenario.stages.push_back(stage);
  run(state, stage_problem(scenario, 0));
}

// 20 issues of 10 random values, 2 parties with reservation 0.5: 10^20 outcomes whose partial
// sums are nearly all distinct, so the exact count reaches max_states and samples instead.
void BM_WinSet_Random_1e20_Fallback(benchmark::State& state) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  parley::Scenario scenario;
  for (int k = 0; k < 20; ++k) {
    parley::Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.kind = parley::IssueKind::discrete;
    for (int v = 0; v < 10; ++v) issue.options.push_back("v" + std::to_string(v));
    scenario.issues.push_back(issue);
  }
  for (int p = 0; p < 2; ++p) {
    parley::Actor actor;
    actor.id = "p" + std::to_string(p);
    actor.reservation_value = 0.5;
    for (int k = 0; k < 20; ++k) {
      parley::Stance stance;
      stance.salience = uniform(rng);
      for (int v = 0; v < 10; ++v) stance.values.push_back(uniform(rng));
      actor.stances.push_back(stance);
    }
    scenario.actors.push_back(actor);
  }
  scenario.stages.push_back(parley::all_issues_stage(20));
  run(state, stage_problem(scenario, 0));
}

void BM_WinSet_Y2014_50issues_Sampled(benchmark::State& state) {
  const auto folder = std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2014/50issues";
  run(state, stage_problem(parley::import_genius(folder), 0));
}

}  // namespace

BENCHMARK(BM_WinSet_Flagship_Settlement)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_WinSet_IssueByIssue_Grid_3e12)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_WinSet_Random_1e20_Fallback)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_WinSet_Y2014_50issues_Sampled)->Unit(benchmark::kMillisecond)->Iterations(1);
