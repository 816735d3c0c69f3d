// CompiledScenario (compile once, run many): runs through one compiled scenario, on several
// threads, with different seeds and strategies, are bit-identical with fresh runs; entries
// are reused; StagedOptions::record_trace = false changes nothing but the trace.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "parley/io/load.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {
namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";
const std::string kStaged = std::string(PARLEY_TEST_DATA) + "/negotiate/staged.yaml";

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_bits(a[i], b[i])) return false;
  return true;
}

bool same_scored(const std::optional<ScoredOutcome>& a, const std::optional<ScoredOutcome>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->outcome == b->outcome && same_bits(a->utilities, b->utilities));
}

// What the JSON documents show (every field printed with round-trip precision), plus the
// parts they leave out: the space, the whole Pareto frontier and the raw doubles.
void expect_same(const Scenario& scenario, const StagedResult& a, const StagedResult& b, const std::string& what) {
  EXPECT_EQ(staged_result_to_json(scenario, a).dump(), staged_result_to_json(scenario, b).dump()) << what;
  EXPECT_EQ(trace_to_jsonl(scenario, a), trace_to_jsonl(scenario, b)) << what;
  EXPECT_TRUE(same_bits(a.overall, b.overall)) << what;
  ASSERT_EQ(a.stages.size(), b.stages.size()) << what;
  for (std::size_t i = 0; i < a.stages.size(); ++i) {
    const StageResult& x = a.stages[i];
    const StageResult& y = b.stages[i];
    EXPECT_EQ(x.space.scenario_issues(), y.space.scenario_issues()) << what;
    EXPECT_EQ(x.space.radices(), y.space.radices()) << what;
    EXPECT_EQ(x.stakeholders, y.stakeholders) << what;
    EXPECT_EQ(x.parties, y.parties) << what;
    EXPECT_EQ(x.ratifiers, y.ratifiers) << what;
    EXPECT_EQ(x.analysis_parties, y.analysis_parties) << what;
    EXPECT_EQ(x.agreement, y.agreement) << what;
    EXPECT_EQ(describe(x.reason, scenario), describe(y.reason, scenario)) << what;
    ASSERT_EQ(x.analysis != nullptr, y.analysis != nullptr) << what;
    if (x.analysis) {
      ASSERT_EQ(x.analysis->pareto.size(), y.analysis->pareto.size()) << what;
      for (std::size_t k = 0; k < x.analysis->pareto.size(); ++k)
        EXPECT_TRUE(same_scored(x.analysis->pareto[k], y.analysis->pareto[k])) << what;
      EXPECT_TRUE(same_scored(x.analysis->nash, y.analysis->nash)) << what;
      EXPECT_TRUE(same_scored(x.analysis->kalai_smorodinsky, y.analysis->kalai_smorodinsky)) << what;
      EXPECT_EQ(x.analysis->method, y.analysis->method) << what;
    }
    ASSERT_EQ(x.utilities.size(), y.utilities.size()) << what;
    for (std::size_t k = 0; k < x.utilities.size(); ++k) {
      EXPECT_TRUE(same_bits(x.utilities[k].utility, y.utilities[k].utility)) << what;
      EXPECT_TRUE(same_bits(x.utilities[k].discounted, y.utilities[k].discounted)) << what;
    }
  }
}

struct Job {
  std::uint64_t seed;
  const char* default_strategy;
  const char* ua_strategy;  // a ratifier in the flagship: its own strategy answers; "" none
  bool analyze;
};

std::vector<Job> jobs() {
  std::vector<Job> out;
  const char* strategies[] = {"boulware", "conceder", "linear", "tit_for_tat", "micro", "random:p_accept=0.3",
                              "nash", "hardliner"};
  std::uint64_t seed = 1;
  for (const char* s : strategies) {
    out.push_back({seed * 7919, s, seed % 2 == 0 ? "conceder" : "", seed % 3 != 0});
    ++seed;
  }
  return out;
}

StagedOptions options_of(const Scenario& scenario, const Job& job) {
  StagedOptions options;
  options.seed = job.seed;
  options.default_strategy = parse_strategy(job.default_strategy);
  if (*job.ua_strategy != '\0') {
    if (const auto ua = scenario.find_actor("ua")) options.strategies[*ua] = parse_strategy(job.ua_strategy);
  }
  options.analyze = job.analyze;
  return options;
}

void run_on_threads(const std::string& file) {
  const Scenario scenario = load_scenario(file);
  const std::vector<Job> all = jobs();
  std::vector<StagedResult> fresh;
  for (const Job& job : all) fresh.push_back(run_staged(scenario, options_of(scenario, job)));

  const CompiledScenario compiled(scenario);
  for (const std::size_t threads : {4u}) {
    std::vector<StagedResult> shared(all.size() * 2);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        // Each job twice, on different threads, so entries are built and reused concurrently.
        std::vector<std::size_t> mine;
        for (std::size_t j = t; j < shared.size(); j += threads) mine.push_back(j);
        if (t % 2 == 1) std::reverse(mine.begin(), mine.end());
        for (const std::size_t j : mine)
          shared[j] = run_staged(compiled, options_of(compiled.scenario(), all[j % all.size()]));
      });
    for (std::thread& thread : pool) thread.join();
    for (std::size_t j = 0; j < shared.size(); ++j)
      expect_same(scenario, fresh[j % all.size()], shared[j],
                  file + " job " + std::to_string(j % all.size()) + " on " + std::to_string(threads) + " threads");
  }
}

TEST(CompiledScenario, FlagshipBitIdenticalAcrossThreadsSeedsAndStrategies) { run_on_threads(kFlagship); }

TEST(CompiledScenario, StagedFixtureBitIdenticalAcrossThreads) { run_on_threads(kStaged); }

TEST(CompiledScenario, ReusesEntriesAcrossRuns) {
  const CompiledScenario compiled(load_scenario(kFlagship));
  EXPECT_EQ(compiled.entry_count(), 0U);
  StagedOptions options;
  options.default_strategy = parse_strategy("conceder");
  const StagedResult first = run_staged(compiled, options);
  const std::size_t after_first = compiled.entry_count();
  EXPECT_GE(after_first, 1U);
  for (std::uint64_t seed = 1; seed < 5; ++seed) {
    options.seed = seed;
    const StagedResult again = run_staged(compiled, options);
    ASSERT_EQ(again.stages.size(), first.stages.size());
    for (std::size_t i = 0; i < first.stages.size(); ++i)
      if (first.stages[i].analysis) {
        EXPECT_EQ(again.stages[i].analysis.get(), first.stages[i].analysis.get());
      }
  }
  EXPECT_EQ(compiled.entry_count(), after_first);  // same agendas: nothing rebuilt
  ASSERT_NE(first.stages.front().analysis, nullptr);
}

// A sweep compiles every draw afresh (issue 9): a Boulware run on the flagship ranks only
// the utility levels it visits (about 1.6% of the settlement's 1.77 M outcomes for one party,
// whose grid utilities tie a lot), not every outcome.
TEST(CompiledScenario, FlagshipRunRanksFewOfTheSettlementsOutcomes) {
  const CompiledScenario compiled(load_scenario(kFlagship));
  StagedOptions options;
  options.record_trace = false;
  options.analyze = false;
  const StagedResult result = run_staged(compiled, options);
  std::size_t checked = 0;
  for (const StageResult& stage : result.stages) {
    if (stage.parties.size() < 2) continue;
    const CompiledDomain& domain = compiled.stage(stage.stage, stage.agenda.issues, stage.merged_from)->domain();
    if (domain.size() < 100000) continue;  // the truce's few outcomes
    for (std::size_t p = 0; p < domain.party_count(); ++p) {
      EXPECT_LT(domain.party(p).outcomes_ranked(), domain.size() / 20) << "stage " << stage.stage << " party " << p;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2U);  // the settlement's two parties
}

TEST(CompiledScenario, StageEntryIsSharedAndMatchesAFreshBuild) {
  const Scenario scenario = load_scenario(kFlagship);
  const CompiledScenario compiled(scenario);
  const std::size_t truce = *scenario.find_stage("truce");
  const std::vector<std::size_t> agenda = scenario.stages[truce].issues;
  const auto a = compiled.stage(truce, agenda, {});
  const auto b = compiled.stage(truce, agenda, {});
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(&a->domain(), &b->domain());
  EXPECT_EQ(a->analysis().get(), b->analysis().get());
  const CompiledStage fresh(scenario, truce, agenda, {});
  EXPECT_EQ(fresh.stakeholders(), a->stakeholders());
  EXPECT_EQ(fresh.parties(), a->parties());
  EXPECT_EQ(fresh.ratifiers(), a->ratifiers());
  ASSERT_EQ(fresh.domain().party_count(), a->domain().party_count());
  for (std::size_t p = 0; p < fresh.domain().party_count(); ++p)
    EXPECT_TRUE(same_bits(std::vector<double>(fresh.domain().party(p).utilities().begin(),
                                              fresh.domain().party(p).utilities().end()),
                          std::vector<double>(a->domain().party(p).utilities().begin(),
                                              a->domain().party(p).utilities().end())));
  // The flagship's truce: ua is outside the US–Russia channel and must ratify.
  const std::size_t ua = *scenario.find_actor("ua");
  EXPECT_NE(std::find(a->ratifiers().begin(), a->ratifiers().end(), ua), a->ratifiers().end());
  EXPECT_NE(std::find(a->consent().begin(), a->consent().end(), ua), a->consent().end());
  // A different agenda is a different entry.
  const auto c = compiled.stage(truce, {agenda.front()}, {});
  EXPECT_NE(a.get(), c.get());
  EXPECT_EQ(compiled.entry_count(), 2U);
  EXPECT_THROW(c->utility_of(scenario.actors.size() + 5), std::logic_error);
}

TEST(RecordTrace, OffLeavesEverythingButTheTraceUnchanged) {
  for (const std::string& file : {kFlagship, kStaged}) {
    const Scenario scenario = load_scenario(file);
    for (const Job& job : jobs()) {
      StagedOptions options = options_of(scenario, job);
      const StagedResult with = run_staged(scenario, options);
      options.record_trace = false;
      StagedResult without = run_staged(scenario, options);
      EXPECT_FALSE(with.trace.empty());
      EXPECT_TRUE(without.trace.empty());
      without.trace = with.trace;  // the one field allowed to differ
      expect_same(scenario, with, without, file + " seed " + std::to_string(job.seed));
    }
  }
}

}  // namespace
}  // namespace parley
