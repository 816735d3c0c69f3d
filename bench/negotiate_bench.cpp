// Negotiations on GENIUS/ANAC 2012 domains: SAO, two time-based agents (Boulware, e = 4, both
// sides: they concede late, so most negotiations run deep into the 100-round deadline), one
// negotiation per iteration including its per-negotiation setup (two fresh negotiators, the
// session) given the compiled domain. Figures to beat (NegMAS on this machine, negotiations
// per second): LaptopC 92, CameraB 11, CarB 3.5, TravelB 0.24.
// BM_NegotiateStepped_*: the same negotiations driven move by move through the public
// NegotiationState (Protocol::start, a virtual step() per move): what stepping from outside
// costs against run()'s loop.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "parley/io/genius.hpp"
#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"

namespace {

const std::filesystem::path kY2012 = std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2012";

parley::CompiledDomain compile(const std::filesystem::path& folder) {
  const parley::Scenario scenario = parley::import_genius(folder);
  const parley::OutcomeSpace space = scenario.stage_space(0);
  std::vector<parley::CompiledUtility> parties;
  for (const auto& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
  return parley::CompiledDomain(space, parties);
}

void negotiate(benchmark::State& state, const char* folder, bool stepped = false) {
  const parley::CompiledDomain domain = compile(kY2012 / folder);
  const auto protocol = parley::make_protocol("sao");
  const parley::StrategySpec a = parley::parse_strategy("boulware");
  const parley::StrategySpec b = parley::parse_strategy("boulware");
  parley::SessionOptions options;
  options.deadline.rounds = 100;
  options.record_trace = false;
  std::int64_t agreements = 0, rounds = 0;
  for (auto _ : state) {
    auto first = parley::make_negotiator(a, 1);
    auto second = parley::make_negotiator(b, 2);
    parley::Negotiator* negotiators[] = {first.get(), second.get()};
    parley::NegotiationResult result;
    if (stepped) {
      const auto negotiation = protocol->start(domain, negotiators, options);
      while (!negotiation->finished()) negotiation->step();
      result = negotiation->result();
    } else {
      result = protocol->run(domain, negotiators, options);
    }
    agreements += result.agreed() ? 1 : 0;
    rounds += result.rounds;
    benchmark::DoNotOptimize(result.agreement);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["outcomes"] = double(domain.size());
  state.counters["rounds"] = double(rounds) / double(state.iterations());
  state.counters["agreed"] = double(agreements) / double(state.iterations());
}

void BM_Negotiate_LaptopC(benchmark::State& state) { negotiate(state, "LaptopC"); }
void BM_Negotiate_CameraB(benchmark::State& state) { negotiate(state, "CameraB"); }
void BM_Negotiate_CarB(benchmark::State& state) { negotiate(state, "CarB"); }
void BM_Negotiate_TravelB(benchmark::State& state) { negotiate(state, "TravelB"); }
void BM_NegotiateStepped_CameraB(benchmark::State& state) { negotiate(state, "CameraB", true); }

BENCHMARK(BM_Negotiate_LaptopC)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Negotiate_CameraB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Negotiate_CarB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Negotiate_TravelB)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_NegotiateStepped_CameraB)->Unit(benchmark::kMicrosecond);

}  // namespace
