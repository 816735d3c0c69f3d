// Same seeds → identical traces, whatever the thread count (no global RNG anywhere).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <thread>

#include "parley/io/genius.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

CompiledDomain camera() {
  const Scenario scenario =
      import_genius(std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2012/CameraB");
  const OutcomeSpace space = scenario.stage_space(0);
  std::vector<CompiledUtility> parties;
  for (const Actor& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
  return CompiledDomain(space, parties);
}

struct Job {
  std::string protocol, a, b;
};

const std::vector<Job>& jobs() {
  static const std::vector<Job> list{
      {"sao", "random", "random"},
      {"sao", "random:p_end=0.01", "micro"},
      {"sao", "micro", "nash"},
      {"sao", "conceder:model=frequency", "tit_for_tat"},
      {"mediated", "conceder", "random"},
      {"issue_by_issue", "random", "linear"},
      {"alternating", "random", "boulware"},
  };
  return list;
}

NegotiationResult run_job(const CompiledDomain& d, const Job& job, std::uint64_t seed) {
  auto x = make_negotiator(job.a, derive_seed(seed, 0));
  auto y = make_negotiator(job.b, derive_seed(seed, 1));
  Negotiator* ns[] = {x.get(), y.get()};
  SessionOptions options;
  options.seed = seed;
  options.deadline.rounds = 60;
  return make_protocol(job.protocol)->run(d, ns, options);
}

void expect_same(const NegotiationResult& a, const NegotiationResult& b) {
  ASSERT_EQ(a.trace.events.size(), b.trace.events.size());
  for (std::size_t i = 0; i < a.trace.events.size(); ++i) {
    const Event& x = a.trace.events[i];
    const Event& y = b.trace.events[i];
    ASSERT_EQ(x.kind, y.kind) << i;
    ASSERT_EQ(x.sender, y.sender) << i;
    ASSERT_EQ(x.outcome, y.outcome) << i;
    ASSERT_EQ(x.round, y.round) << i;
    ASSERT_EQ(x.observers, y.observers) << i;
    ASSERT_EQ(x.time, y.time) << i;
  }
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.agreement, b.agreement);
  EXPECT_EQ(a.utilities, b.utilities);
}

TEST(Determinism, SameSeedSameTrace) {
  const CompiledDomain d = camera();
  for (const Job& job : jobs())
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      SCOPED_TRACE(job.protocol + " " + job.a + " vs " + job.b);
      expect_same(run_job(d, job, seed), run_job(d, job, seed));
    }
  // Different seeds do change random strategies' traces.
  const NegotiationResult a = run_job(d, jobs()[0], 1), b = run_job(d, jobs()[0], 2);
  bool differs = a.trace.events.size() != b.trace.events.size();
  for (std::size_t i = 0; !differs && i < a.trace.events.size(); ++i)
    differs = a.trace.events[i].outcome != b.trace.events[i].outcome;
  EXPECT_TRUE(differs);
}

TEST(Determinism, AnyThreadCount) {
  const CompiledDomain d = camera();  // shared, read-only, by every thread
  const std::size_t n = jobs().size() * 4;
  std::vector<NegotiationResult> serial(n);
  for (std::size_t i = 0; i < n; ++i) serial[i] = run_job(d, jobs()[i % jobs().size()], i);
  for (const std::size_t threads : {2u, 4u}) {
    std::vector<NegotiationResult> parallel(n);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t)
      pool.emplace_back([&d, &parallel, t, threads, n]() {
        for (std::size_t i = t; i < n; i += threads) parallel[i] = run_job(d, jobs()[i % jobs().size()], i);
      });
    for (std::thread& thread : pool) thread.join();
    for (std::size_t i = 0; i < n; ++i) {
      SCOPED_TRACE(i);
      expect_same(serial[i], parallel[i]);
    }
  }
}

}  // namespace
}  // namespace parley
