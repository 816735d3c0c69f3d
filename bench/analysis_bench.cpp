// Analysis benchmarks: Pareto frontiers of random linear-additive parties (seeded), by
// enumeration and by issue merging, and a k-party analysis. Targets live in bench/table.py.

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <fstream>
#include <random>
#include <string>

#include "../src/core/frontiers.hpp"
#include "parley/core/analysis.hpp"

namespace {

using parley::CompiledUtility;

struct RandomDomain {
  std::vector<parley::Issue> issues;
  std::vector<parley::Actor> actors;
  parley::OutcomeSpace space;
};

// `issue_count` discrete issues of `values` options each; every party values each option
// and weighs each issue uniformly at random. With `opposed`, odd-numbered parties value each
// option 1 - the first party's value (weights stay independent): a conflict whose frontier
// is much larger than that of independent parties.
RandomDomain random_domain(std::size_t issue_count, std::size_t values, std::size_t parties, std::uint64_t seed,
                           bool opposed = false) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  RandomDomain domain;
  std::vector<std::size_t> indices;
  for (std::size_t k = 0; k < issue_count; ++k) {
    parley::Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.kind = parley::IssueKind::discrete;
    for (std::size_t v = 0; v < values; ++v) issue.options.push_back("v" + std::to_string(v));
    domain.issues.push_back(std::move(issue));
    indices.push_back(k);
  }
  for (std::size_t p = 0; p < parties; ++p) {
    parley::Actor actor;
    actor.id = "p" + std::to_string(p);
    for (std::size_t k = 0; k < issue_count; ++k) {
      parley::Stance stance;
      stance.salience = uniform(rng);
      for (std::size_t v = 0; v < values; ++v)
        stance.values.push_back(opposed && p % 2 == 1 ? 1.0 - domain.actors[0].stances[k].values[v] : uniform(rng));
      actor.stances.push_back(std::move(stance));
    }
    domain.actors.push_back(std::move(actor));
  }
  domain.space = parley::OutcomeSpace(domain.issues, indices);
  return domain;
}

std::vector<CompiledUtility> compile(const RandomDomain& domain) {
  std::vector<CompiledUtility> parties;
  for (const auto& actor : domain.actors) parties.emplace_back(actor, domain.issues, domain.space);
  return parties;
}

// Peak RSS of this benchmark alone: Linux resets VmHWM on "5" > /proc/self/clear_refs.
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

// 10^7 outcomes: 7 issues x 10 values, 2 parties, enumerated (includes compiling).
void BM_Frontier2_Random_1e7(benchmark::State& state) {
  const RandomDomain domain = random_domain(7, 10, 2, 42);
  reset_peak_rss();
  std::size_t size = 0;
  for (auto _ : state) {
    const auto parties = compile(domain);
    const auto frontier = parley::detail::enumerated_frontier(parties, domain.space);
    size = frontier.size();
    benchmark::DoNotOptimize(frontier.data());
  }
  state.counters["pareto_points"] = double(size);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_Frontier2_Random_1e7)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Frontier2_Opposed_1e7(benchmark::State& state) {
  const RandomDomain domain = random_domain(7, 10, 2, 42, true);
  reset_peak_rss();
  std::size_t size = 0;
  for (auto _ : state) {
    const auto parties = compile(domain);
    size = parley::detail::enumerated_frontier(parties, domain.space).size();
  }
  state.counters["pareto_points"] = double(size);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_Frontier2_Opposed_1e7)->Unit(benchmark::kMillisecond)->Iterations(3);

template <std::size_t Issues, std::size_t Parties, bool Opposed = false>
void analyze_random(benchmark::State& state) {
  const RandomDomain domain = random_domain(Issues, 10, Parties, 7, Opposed);
  std::size_t size = 0;
  for (auto _ : state) {
    const auto parties = compile(domain);
    const parley::Analysis analysis = parley::analyze(parties, domain.space);
    size = analysis.pareto.size();
    benchmark::DoNotOptimize(analysis.nash);
  }
  state.counters["pareto_points"] = double(size);
}

// 10^20 outcomes: 20 issues x 10 values, 2 parties, issue merge.
void BM_IssueMerge2_1e20(benchmark::State& state) { analyze_random<20, 2>(state); }
BENCHMARK(BM_IssueMerge2_1e20)->Unit(benchmark::kMillisecond)->Iterations(3);
void BM_IssueMerge2_Opposed_1e20(benchmark::State& state) { analyze_random<20, 2, true>(state); }
BENCHMARK(BM_IssueMerge2_Opposed_1e20)->Unit(benchmark::kMillisecond)->Iterations(3);

// 10^6 outcomes, 3 parties: issue merge and solutions.
void BM_Analyze3_Random_1e6(benchmark::State& state) { analyze_random<6, 3>(state); }
BENCHMARK(BM_Analyze3_Random_1e6)->Unit(benchmark::kMillisecond)->Iterations(3);

// 10^6 outcomes, 4 parties in conflict (like the flagship scenario's four actors): a large
// frontier, so the k-party skyline does real work.
void BM_Analyze4_Opposed_1e6(benchmark::State& state) { analyze_random<6, 4, true>(state); }
BENCHMARK(BM_Analyze4_Opposed_1e6)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same k-party spaces by enumeration, to exercise the 3-d staircase and the skyline.
template <std::size_t Parties>
void enumerate_random(benchmark::State& state) {
  const RandomDomain domain = random_domain(6, 10, Parties, 11);
  std::size_t size = 0;
  for (auto _ : state) {
    const auto parties = compile(domain);
    size = parley::detail::enumerated_frontier(parties, domain.space).size();
  }
  state.counters["pareto_points"] = double(size);
}
void BM_Frontier3_Random_1e6(benchmark::State& state) { enumerate_random<3>(state); }
BENCHMARK(BM_Frontier3_Random_1e6)->Unit(benchmark::kMillisecond)->Iterations(3);
void BM_Frontier4_Random_1e6(benchmark::State& state) { enumerate_random<4>(state); }
BENCHMARK(BM_Frontier4_Random_1e6)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
