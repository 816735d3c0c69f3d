// The readers on inputs of n rows (issue 8, "quadratic readers"): a YAML channel of n
// members, a variant of n paths, a KTAB CSV of n actors, a DEU file of n issue lines. Linear
// readers take ten times as long at 10^5 as at 10^4; before the fix, the channel, the
// variant and the KTAB CSV took about 100 times as long (docs/notes.md has the figures).

#include <benchmark/benchmark.h>

#include <string>

#include <fmt/format.h>

#include "parley/io/deu.hpp"
#include "parley/io/ktab.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace {

std::string actors_yaml(int n) {
  std::string text = "name: big\nissues:\n  x: {range: [0, 100]}\nactors:\n";
  for (int i = 0; i < n; ++i) text += fmt::format("  a{}: {{}}\n", i);
  return text;
}

void BM_Read_YamlChannel(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string text = actors_yaml(n) + "channels:\n  all:\n    members:\n";
  for (int i = 0; i < n; ++i) text += fmt::format("      - a{}\n", i);
  for (auto _ : state) benchmark::DoNotOptimize(parley::parse_scenario_yaml(text, "big.yaml").channels.size());
}

void BM_Read_YamlVariantPaths(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string text = actors_yaml(n) + "variants:\n  v:\n    set:\n";
  for (int i = 0; i < n; ++i) text += fmt::format("      actors.a{}.capability: 2\n", i);
  for (auto _ : state) benchmark::DoNotOptimize(parley::parse_scenario_yaml(text, "big.yaml", "v").actors.size());
}

void BM_Read_KtabCsvActors(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string text = fmt::format("big,d,{},1\nActor,Description,Power,Pos,Sal\n", n);
  for (int i = 0; i < n; ++i) text += fmt::format("a{},,1,{},50\n", i, i % 101);
  for (auto _ : state) benchmark::DoNotOptimize(parley::parse_ktab_csv(text, "big.csv").scenario.actors.size());
}

void BM_Read_DeuIssueLines(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string text = "\"isnr\"\t\"prname\"\t\"pcom\"\t\"scom\"\t\"pde\"\t\"sde\"\t\"rp\"\t\"out\"\n";
  for (int i = 0; i < n; ++i) text += fmt::format("i{}\tp\t{}\t50\t{}\t40\t0\t50\n", i % 1000, i % 101, (i * 7) % 101);
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::deu_as_one_scenario(parley::parse_deu(text, "big.tsv"), "big").issues.size());
}

}  // namespace

BENCHMARK(BM_Read_YamlChannel)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Read_YamlVariantPaths)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Read_KtabCsvActors)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Read_DeuIssueLines)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
