#include "golden_traces.hpp"

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "golden_scenarios.hpp"
#include "parley/core/random.hpp"
#include "parley/core/utility.hpp"
#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley::golden {
namespace {

// snprintf, not iostreams or std::to_chars: the C library formats the same under both
// standard libraries, so a difference in the file is a difference in the numbers.
std::string number(double x) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

CompiledDomain compile(const Scenario& scenario) {
  const OutcomeSpace space = scenario.stage_space(0);
  std::vector<CompiledUtility> parties;
  for (const Actor& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
  return CompiledDomain(space, parties);
}

struct Job {
  std::string protocol;
  std::map<std::string, std::string> settings;
  std::string a, b;
  std::int32_t rounds;
  std::vector<std::uint64_t> seeds;
};

const std::vector<Job>& jobs() {
  static const std::vector<Job> list{
      {"sao", {}, "random", "random", 30, {1, 2, 3}},
      {"sao", {}, "random:p_end=0.05,p_accept=0.3", "micro", 40, {1, 2}},
      {"sao", {}, "micro", "micro", 40, {4}},
      {"sao", {}, "boulware", "nash", 40, {0}},
      {"sao", {}, "conceder:model=frequency", "tit_for_tat", 40, {0}},
      {"mediated", {}, "conceder", "random", 20, {1, 2}},
      {"mediated", {}, "linear", "linear", 20, {3}},
      {"mediated", {{"mediator", "0"}}, "hardliner", "conceder", 12, {5}},
      {"issue_by_issue", {}, "random", "linear", 30, {1}},
      {"alternating", {}, "random", "boulware", 30, {1}},
  };
  return list;
}

void print_run(std::string& out, const CompiledDomain& domain, const Job& job, std::uint64_t seed) {
  auto x = make_negotiator(job.a, derive_seed(seed, 0));
  auto y = make_negotiator(job.b, derive_seed(seed, 1));
  Negotiator* negotiators[] = {x.get(), y.get()};
  SessionOptions options;
  options.seed = seed;
  options.deadline.rounds = job.rounds;
  const NegotiationResult r = make_protocol(job.protocol, job.settings)->run(domain, negotiators, options);
  out += "run " + job.protocol;
  for (const auto& [key, value] : job.settings) out += " " + key + "=" + value;
  out += " | " + job.a + " vs " + job.b + " | seed " + std::to_string(seed) + "\n";
  for (const Event& e : r.trace.events) {
    out += "  r" + std::to_string(e.round) + " t=" + number(e.time) + " " + std::string(to_string(e.kind)) + " p" +
           std::to_string(e.sender) + " o" + (e.outcome == kNoOutcome ? std::string("-") : std::to_string(e.outcome));
    if (e.issue >= 0) out += " issue " + std::to_string(e.issue) + "=" + std::to_string(e.value);
    out += " seen " + std::to_string(e.observers) + "\n";
  }
  out += "  end " + std::string(to_string(r.status)) + " agreement " +
         (r.agreement == kNoOutcome ? std::string("-") : std::to_string(r.agreement)) + " rounds " +
         std::to_string(r.rounds) + " moves " + std::to_string(r.moves) + " time " + number(r.time) + "\n";
  out += "  utilities";
  for (double u : r.utilities) out += " " + number(u);
  out += " | discounted";
  for (double u : r.discounted) out += " " + number(u);
  out += "\n";
}

void print_staged(std::string& out, const Scenario& scenario, const std::string& strategy, std::uint64_t seed) {
  StagedOptions options;
  options.default_strategy = parse_strategy(strategy);
  options.analyze = false;
  options.seed = seed;
  const StagedResult result = run_staged(scenario, options);
  out += "staged " + scenario.name + " | " + strategy + " | seed " + std::to_string(seed) + "\n";
  for (const TraceRecord& t : result.trace) {
    out += "  s" + std::to_string(t.stage) + " " + to_string(t.kind) + " r" + std::to_string(t.round) +
           " t=" + number(t.time) + " c=" + number(t.clock);
    if (t.sender) out += " from " + scenario.actors[*t.sender].id;
    if (t.addressee) out += " to " + scenario.actors[*t.addressee].id;
    if (t.outcome) {
      out += " [";
      for (std::size_t k = 0; k < t.outcome->size(); ++k) out += (k ? " " : "") + std::to_string((*t.outcome)[k]);
      out += "]";
    }
    if (t.issue >= 0) out += " issue " + std::to_string(t.issue) + "=" + std::to_string(t.value);
    for (double u : t.utilities) out += " " + number(u);
    out += " seen";
    for (std::size_t a : t.observers) out += " " + scenario.actors[a].id;
    out += "\n";
  }
  for (const StageResult& s : result.stages)
    out += "  stage " + scenario.stages[s.stage].id + " " + to_string(s.status) + " rounds " + std::to_string(s.rounds) +
           " moves " + std::to_string(s.moves) + "\n";
  out += "  overall";
  for (double u : result.overall) out += " " + number(u);
  out += "\n";
}

// Draws of every distribution of core/random.hpp, so that the libc++ build checks them
// directly too (normal() included, which no negotiation uses yet).
void print_draws(std::string& out, std::uint64_t seed) {
  Rng rng(seed);
  out += "draws seed " + std::to_string(seed) + "\n  next";
  for (int k = 0; k < 3; ++k) out += " " + std::to_string(rng.next());
  out += "\n  uniform_below(10)";
  for (int k = 0; k < 8; ++k) out += " " + std::to_string(rng.uniform_below(10));
  out += "\n  uniform_below(2^63+1)";
  for (int k = 0; k < 3; ++k) out += " " + std::to_string(rng.uniform_below((std::uint64_t{1} << 63) + 1));
  out += "\n  uniform_int(-3,3)";
  for (int k = 0; k < 8; ++k) out += " " + std::to_string(rng.uniform_int(-3, 3));
  out += "\n  uniform01";
  for (int k = 0; k < 3; ++k) out += " " + number(rng.uniform01());
  out += "\n  uniform_real(0.01,1)";
  for (int k = 0; k < 3; ++k) out += " " + number(rng.uniform_real(0.01, 1));
  out += "\n  bernoulli(0.3)";
  for (int k = 0; k < 12; ++k) out += rng.bernoulli(0.3) ? " 1" : " 0";
  std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  shuffle(std::span<int>(items), rng);
  out += "\n  shuffle";
  for (int v : items) out += " " + std::to_string(v);
  out += "\n  normal";
  for (int k = 0; k < 4; ++k) out += " " + number(rng.normal());
  out += "\n  portable_log";
  for (double x : {1e-300, 0.3, 0.999, 1.5, 1e10}) out += " " + number(portable_log(x));
  out += "\n  derive_seed " + std::to_string(derive_seed(seed, 1)) + " " + std::to_string(derive_seed(seed, 2, 3)) + "\n";
}

}  // namespace

std::string golden_traces() {
  std::string out = "# parley golden negotiation traces (tests/golden/golden_traces.hpp)\n";
  const Scenario domains[] = {laptop_b(), itex_cypress_a(), camera_b()};
  for (const Scenario& scenario : domains) {
    out += "## " + scenario.name + "\n";
    const CompiledDomain domain = compile(scenario);
    for (const Job& job : jobs())
      for (std::uint64_t seed : job.seeds) print_run(out, domain, job, seed);
  }
  const Scenario talks = flagship();
  out += "## " + talks.name + "\n";
  print_staged(out, talks, "random", 1);
  print_staged(out, talks, "random", 2);
  print_staged(out, talks, "micro", 3);
  print_staged(out, talks, "boulware", 0);
  out += "## core/random.hpp\n";
  for (std::uint64_t seed : {0u, 1u, 1234567u}) print_draws(out, seed);
  return out;
}

}  // namespace parley::golden
