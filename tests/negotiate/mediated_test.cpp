// Mediated single text: converges to a text every party accepts; votes stay private.
#include <gtest/gtest.h>

#include <memory>

#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

// Two issues with three options each (outcome = 3·v0 + v1). Party 0 cares mostly about issue
// 0 (wants option 0), party 1 mostly about issue 1 (wants option 2): logrolling gives both
// most of what they care about at outcome (0, 2) = 2.
CompiledDomain logroll() {
  std::vector<std::vector<double>> u(2, std::vector<double>(9));
  for (std::uint32_t v0 = 0; v0 < 3; ++v0)
    for (std::uint32_t v1 = 0; v1 < 3; ++v1) {
      u[0][3 * v0 + v1] = 0.8 * (1 - v0 / 2.0) + 0.2 * (1 - v1 / 2.0);
      u[1][3 * v0 + v1] = 0.3 * (v0 / 2.0) + 0.7 * (v1 / 2.0);
    }
  return test::table_domain({3, 3}, u, {0.3, 0.3});
}

// True when no single-issue change of `o` is at least as good for both and better for one.
bool locally_pareto(const CompiledDomain& d, OutcomeIndex o) {
  for (std::size_t k = 0; k < 2; ++k)
    for (std::uint32_t v = 0; v < 3; ++v) {
      Outcome x = d.decode(o);
      x[k] = v;
      const OutcomeIndex c = d.encode(x);
      const double g0 = d.party(0).utility(c) - d.party(0).utility(o);
      const double g1 = d.party(1).utility(c) - d.party(1).utility(o);
      if (g0 >= 0 && g1 >= 0 && g0 + g1 > 1e-12) return false;
    }
  return true;
}

// Klein et al.'s hill-climber: votes only for improvements, accepts any rational final text.
class HillClimber final : public Negotiator {
 public:
  void on_start(const NegotiatorContext& c) override { table_ = c.table; }
  Reply act(const Turn& turn) override {
    const double u = table_->utility(turn.offer);
    if (turn.kind == TurnKind::vote)
      return u >= (turn.current == kNoOutcome ? 0 : table_->utility(turn.current)) ? Reply::accept() : Reply::reject();
    return u >= table_->reservation_value() ? Reply::accept() : Reply::reject();
  }
  std::string name() const override { return "hill-climber"; }

 private:
  const PartyTable* table_ = nullptr;
};

TEST(Mediated, HillClimbersConvergeToALocallyParetoTextAllAccept) {
  const CompiledDomain d = logroll();
  int agreed = 0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    // From a rational start the text climbs to a point no single change improves for both,
    // and the final question is accepted at once.
    HillClimber a, b;
    Negotiator* ns[] = {&a, &b};
    SessionOptions options;
    options.deadline.rounds = 60;
    options.seed = seed;
    const NegotiationResult r = make_protocol("mediated", {{"start", "4"}})->run(d, ns, options);
    ASSERT_TRUE(r.agreed()) << "seed " << seed;
    ++agreed;
    EXPECT_TRUE(locally_pareto(d, r.agreement)) << "seed " << seed << " outcome " << r.agreement;
    EXPECT_GE(r.utilities[0], 0.3);
    EXPECT_GE(r.utilities[1], 0.3);
  }
  EXPECT_EQ(agreed, 20);
}

TEST(Mediated, ConcedersAgreeFromAnyStartAndVotesArePrivate) {
  const CompiledDomain d = logroll();
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto a = make_negotiator("conceder");
    auto b = make_negotiator("conceder");
    Negotiator* ns[] = {a.get(), b.get()};
    SessionOptions options;
    options.deadline.rounds = 60;
    options.seed = seed;
    const NegotiationResult r = make_protocol("mediated")->run(d, ns, options);
    ASSERT_TRUE(r.agreed()) << "seed " << seed;
    EXPECT_GE(r.utilities[0], 0.3);
    EXPECT_GE(r.utilities[1], 0.3);
    // Votes on candidates go to nobody (neutral mediator); texts and final answers to all.
    bool saw_text = false;
    for (const Event& e : r.trace.events) {
      if (e.kind == EventKind::text) {
        saw_text = true;
        EXPECT_EQ(e.observers, party_bit(0) | party_bit(1));
      }
    }
    EXPECT_TRUE(saw_text);
    const Event& last = r.trace.events.back();
    EXPECT_EQ(last.kind, EventKind::agreement);
  }
}

TEST(Mediated, PartyMediatorSeesTheVotesAndFiltersTexts) {
  const CompiledDomain d = logroll();
  auto a = make_negotiator("linear");
  auto b = make_negotiator("linear");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 60;
  const NegotiationResult r = make_protocol("mediated", {{"mediator", "0"}, {"start", "8"}})->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  std::size_t b_votes = 0;
  for (std::size_t i = 0; i < r.trace.events.size(); ++i) {
    const Event& e = r.trace.events[i];
    const bool vote = (e.kind == EventKind::accept || e.kind == EventKind::reject) &&
                      !(i > 0 && r.trace.events[i - 1].kind == EventKind::text && e.sender == 0 &&
                        r.trace.events[i - 1].outcome == e.outcome);
    if (e.kind == EventKind::text && i + 1 < r.trace.events.size() && r.trace.events[i + 1].sender == 1) {
      // Every text put to party 1 was first accepted by the mediator party in private.
      ASSERT_GE(i, 1u);
      const Event& own = r.trace.events[i - 1];
      if (own.kind == EventKind::accept) {
        EXPECT_EQ(own.sender, 0);
        EXPECT_EQ(own.observers, 0u);  // its own vote: nobody else sees it
      }
    }
    if (vote && e.sender == 1 && r.trace.events[i - 1].kind == EventKind::text &&
        r.trace.events[i - 1].outcome == e.outcome && e.observers != (party_bit(0) | party_bit(1))) {
      EXPECT_EQ(e.observers, party_bit(0));  // party 1's votes: only the mediator party sees them
      ++b_votes;
    }
  }
  EXPECT_GT(b_votes, 0u);
}

TEST(Mediated, HardLinersNeverAgreeOnAConflict) {
  const CompiledDomain d = logroll();
  auto a = make_negotiator("hardliner");
  auto b = make_negotiator("hardliner");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 15;
  const NegotiationResult r = make_protocol("mediated")->run(d, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.rounds, 15);
}

}  // namespace
}  // namespace parley
