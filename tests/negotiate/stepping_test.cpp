// Protocols as state machines (NegotiationState): stepping by hand gives run()'s trace and
// result for every protocol; a party can be played from outside one move at a time; a
// cancellation flag ends a negotiation as a timeout before the next move.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parley/io/genius.hpp"
#include "parley/core/scenario.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using test::Scripted;

CompiledDomain camera() {
  const Scenario scenario = import_genius(std::filesystem::path(PARLEY_TEST_DATA) / "genius/anac/y2012/CameraB");
  const OutcomeSpace space = scenario.stage_space(0);
  std::vector<CompiledUtility> parties;
  for (const Actor& actor : scenario.actors) parties.emplace_back(actor, scenario.issues, space);
  return CompiledDomain(space, parties);
}

// Three parties, three issues of 3, 4 and 2 values, utilities from a fixed formula with
// reservation values that make some outcomes irrational.
CompiledDomain three_party() {
  std::vector<std::vector<double>> u(3, std::vector<double>(24));
  for (std::size_t o = 0; o < 24; ++o) {
    u[0][o] = double((o * 7) % 24) / 23.0;
    u[1][o] = double((o * 11 + 5) % 24) / 23.0;
    u[2][o] = double((o * 5 + 3) % 24) / 23.0;
  }
  return test::table_domain({3, 4, 2}, u, {0.2, 0.3, 0.1}, {1.0, 0.9, 0.95});
}

struct Case {
  std::string protocol;
  std::map<std::string, std::string> settings;
  std::vector<std::string> strategies;  // one per party
};

// Every protocol, with settings that exercise its branches (a party as mediator; reopening).
std::vector<Case> two_party_setups() {
  return {
      {"alternating", {}, {"boulware", "conceder"}},
      {"alternating", {{"first", "1"}}, {"random:p_end=0.02", "micro"}},
      {"sao", {}, {"boulware", "boulware"}},
      {"sao", {}, {"random", "tit_for_tat"}},
      {"sao", {}, {"conceder:model=frequency", "nash"}},
      {"mediated", {}, {"conceder", "random"}},
      {"mediated", {{"mediator", "1"}}, {"linear", "boulware"}},
      {"issue_by_issue", {}, {"random", "linear"}},
      {"issue_by_issue", {{"reopen", "any"}, {"rounds_per_issue", "3"}}, {"boulware", "conceder"}},
  };
}

std::vector<Case> three_party_setups() {
  return {
      {"sao", {}, {"linear", "conceder", "random"}},
      {"mediated", {}, {"conceder", "linear", "random"}},
      {"mediated", {{"mediator", "0"}}, {"conceder", "linear", "boulware"}},
      {"issue_by_issue", {{"order", "2;0"}}, {"conceder", "random", "linear"}},
      {"issue_by_issue", {{"reopen", "never"}}, {"boulware", "random:p_end=0.05", "conceder"}},
  };
}

std::vector<std::unique_ptr<Negotiator>> negotiators_for(const Case& setup, std::uint64_t seed) {
  std::vector<std::unique_ptr<Negotiator>> owned;
  for (std::size_t p = 0; p < setup.strategies.size(); ++p)
    owned.push_back(make_negotiator(setup.strategies[p], derive_seed(seed, p)));
  return owned;
}

std::vector<Negotiator*> pointers(const std::vector<std::unique_ptr<Negotiator>>& owned) {
  std::vector<Negotiator*> out;
  for (const auto& n : owned) out.push_back(n.get());
  return out;
}

SessionOptions options_for(std::uint64_t seed) {
  SessionOptions options;
  options.seed = seed;
  options.deadline.rounds = 40;
  options.clock = DiscountClock::relative_time;
  return options;
}

bool same_double(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void expect_same_events(const std::vector<Event>& a, const std::vector<Event>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(a[i].round, b[i].round);
    EXPECT_EQ(a[i].time, b[i].time);
    EXPECT_EQ(a[i].kind, b[i].kind);
    EXPECT_EQ(a[i].sender, b[i].sender);
    EXPECT_EQ(a[i].outcome, b[i].outcome);
    EXPECT_EQ(a[i].issue, b[i].issue);
    EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_EQ(a[i].observers, b[i].observers);
  }
}

// Bit-identical results: every field, every double compared exactly.
void expect_same(const NegotiationResult& a, const NegotiationResult& b) {
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.agreement, b.agreement);
  EXPECT_EQ(a.ended_by, b.ended_by);
  EXPECT_EQ(a.rounds, b.rounds);
  EXPECT_EQ(a.moves, b.moves);
  EXPECT_EQ(a.time, b.time);
  EXPECT_EQ(a.utilities, b.utilities);
  EXPECT_EQ(a.discounted, b.discounted);
  ASSERT_EQ(a.lowest_own_offer.size(), b.lowest_own_offer.size());
  for (std::size_t p = 0; p < a.lowest_own_offer.size(); ++p)
    EXPECT_TRUE(same_double(a.lowest_own_offer[p], b.lowest_own_offer[p])) << p;
  EXPECT_EQ(a.agreed_in_principle, b.agreed_in_principle);
  expect_same_events(a.trace.events, b.trace.events);
}

NegotiationResult run_setup(const CompiledDomain& domain, const Case& setup, std::uint64_t seed) {
  const auto owned = negotiators_for(setup, seed);
  const std::vector<Negotiator*> ns = pointers(owned);
  return make_protocol(setup.protocol, setup.settings)->run(domain, ns, options_for(seed));
}

// Steps start()'s state by hand with step(), collecting each move's events().
NegotiationResult step_setup(const CompiledDomain& domain, const Case& setup, std::uint64_t seed,
                             std::vector<Event>& moves_events) {
  const auto owned = negotiators_for(setup, seed);
  const std::unique_ptr<NegotiationState> state =
      make_protocol(setup.protocol, setup.settings)->start(domain, pointers(owned), options_for(seed));
  moves_events.assign(state->events().begin(), state->events().end());
  std::int32_t moves = 0;
  while (!state->finished()) {
    EXPECT_NE(state->negotiator(state->current_party()), nullptr);
    EXPECT_EQ(state->turn().moves, moves);
    state->step();
    ++moves;
    moves_events.insert(moves_events.end(), state->events().begin(), state->events().end());
  }
  EXPECT_EQ(state->result().moves, moves);
  return state->result();
}

// A party played from outside by the driver, which runs `player` exactly as a protocol would:
// on_start with the state's context, act on each turn, observe the events whose observers
// contain the party, on_end.
NegotiationResult drive_from_outside(const CompiledDomain& domain, const Case& setup, std::uint64_t seed,
                                     std::size_t outside) {
  auto owned = negotiators_for(setup, seed);
  std::vector<Negotiator*> ns = pointers(owned);
  Negotiator& player = *owned[outside];
  ns[outside] = nullptr;
  const std::unique_ptr<NegotiationState> state =
      make_protocol(setup.protocol, setup.settings)->start(domain, ns, options_for(seed));
  EXPECT_EQ(state->negotiator(outside), nullptr);
  EXPECT_EQ(state->context(outside).self, outside);
  EXPECT_EQ(state->context(outside).table, &domain.party(outside));  // its own table, nothing else
  EXPECT_TRUE(state->context(outside).known_utilities.empty());
  player.on_start(state->context(outside));
  auto deliver = [&]() {
    for (const Event& e : state->events())
      if (contains(e.observers, outside)) player.observe(e);
  };
  deliver();
  while (!state->finished()) {
    if (state->current_party() == outside) {
      EXPECT_THROW(state->step(), std::logic_error);  // nobody inside to ask
      state->apply(player.act(state->turn()));
    } else {
      state->step();
    }
    deliver();
  }
  player.on_end(state->result().agreement);
  EXPECT_THROW(state->apply(Reply::reject()), std::logic_error);
  EXPECT_THROW((void)state->turn(), std::logic_error);
  return state->result();
}

TEST(Stepping, ByHandEqualsRunForEveryProtocol) {
  const CompiledDomain two = camera();
  const CompiledDomain three = three_party();
  std::vector<std::string> covered;
  for (const auto& [domain, setups] : {std::pair{&two, two_party_setups()}, std::pair{&three, three_party_setups()}})
    for (const Case& setup : setups)
      for (const std::uint64_t seed : {1u, 2u, 7u}) {
        SCOPED_TRACE(setup.protocol + " seed " + std::to_string(seed) + " " + setup.strategies[0]);
        std::vector<Event> moves_events;
        const NegotiationResult ran = run_setup(*domain, setup, seed);
        const NegotiationResult stepped = step_setup(*domain, setup, seed, moves_events);
        expect_same(ran, stepped);
        expect_same_events(moves_events, ran.trace.events);  // events() hands out the trace, move by move
        ASSERT_FALSE(ran.trace.events.empty());
        covered.push_back(setup.protocol);
      }
  for (const std::string& name : protocol_names())
    EXPECT_NE(std::find(covered.begin(), covered.end(), name), covered.end()) << name;
}

TEST(Stepping, OnePartyPlayedFromOutside) {
  const CompiledDomain two = camera();
  const CompiledDomain three = three_party();
  for (const auto& [domain, setups] : {std::pair{&two, two_party_setups()}, std::pair{&three, three_party_setups()}})
    for (const Case& setup : setups)
      for (std::size_t outside = 0; outside < setup.strategies.size(); ++outside) {
        SCOPED_TRACE(setup.protocol + " outside party " + std::to_string(outside));
        expect_same(drive_from_outside(*domain, setup, 3, outside), run_setup(*domain, setup, 3));
      }
}

TEST(Stepping, OutsidePartySeesOnlyItsTurn) {
  // SAO, party 1 from outside: it gets a respond turn on party 0's offer and accepts it.
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}});
  Scripted a({Reply::propose(1)});
  Negotiator* ns[] = {&a, nullptr};
  SessionOptions options;
  options.deadline.rounds = 5;
  const auto state = make_protocol("sao")->start(d, ns, options);
  ASSERT_TRUE(a.started);
  ASSERT_FALSE(state->finished());
  EXPECT_EQ(state->current_party(), 0u);
  EXPECT_TRUE(state->events().empty());
  state->step();
  ASSERT_EQ(state->events().size(), 1u);  // a's offer, seen by party 1
  EXPECT_EQ(state->events()[0].kind, EventKind::offer);
  EXPECT_TRUE(contains(state->events()[0].observers, 1));
  EXPECT_EQ(state->current_party(), 1u);
  EXPECT_EQ(state->turn().kind, TurnKind::respond);
  EXPECT_EQ(state->turn().offer, 1u);
  EXPECT_EQ(state->turn().proposer, 0);
  EXPECT_THROW((void)state->result(), std::logic_error);
  state->apply(Reply::accept());
  ASSERT_TRUE(state->finished());
  ASSERT_EQ(state->events().size(), 2u);  // the accept (seen by a) and the agreement
  EXPECT_EQ(state->events()[0].kind, EventKind::accept);
  EXPECT_EQ(state->events()[0].observers, party_bit(0));
  EXPECT_EQ(state->events()[1].kind, EventKind::agreement);
  EXPECT_EQ(a.observed.size(), 2u);
  EXPECT_EQ(a.ended_with, 1u);
  EXPECT_EQ(state->result().agreement, 1u);
  EXPECT_EQ(state->result().moves, 2);
  EXPECT_THROW((void)state->context(2), std::out_of_range);
}

TEST(Stepping, InvalidOutsideReplyCountsAsReject) {
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}});
  Negotiator* ns[] = {nullptr, nullptr};  // both from outside
  SessionOptions options;
  options.deadline.rounds = 1;
  const auto state = make_protocol("sao")->start(d, ns, options);
  state->apply(Reply::accept());  // nothing stands: a pass
  state->apply(Reply::propose(99));  // outside the space: a pass
  ASSERT_TRUE(state->finished());
  const NegotiationResult& r = state->result();
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  ASSERT_EQ(r.trace.events.size(), 3u);
  EXPECT_EQ(r.trace.events[0].kind, EventKind::no_offer);
  EXPECT_EQ(r.trace.events[1].kind, EventKind::no_offer);
  EXPECT_EQ(r.trace.events[2].kind, EventKind::timeout);
}

TEST(Stepping, RunNeedsEveryNegotiator) {
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}});
  Scripted a({});
  Negotiator* ns[] = {&a, nullptr};
  for (const std::string& name : protocol_names()) EXPECT_THROW(make_protocol(name)->run(d, ns, {}), std::invalid_argument);
}

// A protocol that implements only start(): Protocol::run's default loop over the state.
class OnlyStart final : public Protocol {
 public:
  explicit OnlyStart(std::unique_ptr<Protocol> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return "only-start:" + inner_->name(); }
  std::unique_ptr<NegotiationState> start(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                                          const SessionOptions& options) const override {
    return inner_->start(domain, negotiators, options);
  }

 private:
  std::unique_ptr<Protocol> inner_;
};

TEST(Stepping, DefaultRunLoopsOverStart) {
  const CompiledDomain d = camera();
  for (const Case& setup : two_party_setups()) {
    SCOPED_TRACE(setup.protocol);
    const OnlyStart protocol(make_protocol(setup.protocol, setup.settings));
    EXPECT_EQ(protocol.name(), "only-start:" + setup.protocol);
    const auto owned = negotiators_for(setup, 5);
    const std::vector<Negotiator*> ns = pointers(owned);
    expect_same(protocol.run(d, ns, options_for(5)), run_setup(d, setup, 5));
  }
}

// Sets a cancellation flag on its `after`-th act (deterministic: no second thread).
class CancelAfter final : public Negotiator {
 public:
  CancelAfter(std::unique_ptr<Negotiator> inner, std::atomic<bool>& flag, int after)
      : inner_(std::move(inner)), flag_(flag), after_(after) {}
  void on_start(const NegotiatorContext& context) override { inner_->on_start(context); }
  Reply act(const Turn& turn) override {
    if (++acts_ == after_) flag_.store(true);
    return inner_->act(turn);
  }
  void observe(const Event& event) override { inner_->observe(event); }
  void on_end(OutcomeIndex agreement) override { inner_->on_end(agreement); }
  std::string name() const override { return inner_->name(); }

 private:
  std::unique_ptr<Negotiator> inner_;
  std::atomic<bool>& flag_;
  int after_, acts_ = 0;
};

TEST(Stepping, CancellationTimesOutBeforeTheNextMove) {
  const CompiledDomain d = three_party();
  // Hardliners never agree: only the deadline (1000 rounds) or the flag ends these.
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> protocols{
      {"sao", {}}, {"mediated", {}}, {"mediated", {{"mediator", "2"}}}, {"issue_by_issue", {}}};
  for (const auto& [name, settings] : protocols) {
    SCOPED_TRACE(name);
    std::atomic<bool> cancel{false};
    CancelAfter a(make_negotiator("hardliner"), cancel, 4);
    auto b = make_negotiator("hardliner");
    auto c = make_negotiator("hardliner");
    Negotiator* ns[] = {&a, b.get(), c.get()};
    SessionOptions options;
    options.deadline.rounds = 1000;
    options.cancel = &cancel;
    const NegotiationResult r = make_protocol(name, settings)->run(d, ns, options);
    EXPECT_EQ(r.status, NegotiationStatus::timeout);
    ASSERT_FALSE(r.trace.events.empty());
    EXPECT_EQ(r.trace.events.back().kind, EventKind::timeout);
    // a acted 4 times: in SAO and issue by issue that is 3 full rounds and a's 4th action,
    // so 4 rounds begun and 10 actions; in mediated texts a's 4th vote ends the moves.
    if (name != "mediated") {
      EXPECT_EQ(r.moves, 10);
      EXPECT_EQ(r.rounds, 4);
    }
    EXPECT_LT(r.rounds, 1000);
  }
  // Alternating (bilateral).
  const CompiledDomain two = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}});
  std::atomic<bool> cancel{false};
  CancelAfter a(make_negotiator("hardliner"), cancel, 3);
  auto b = make_negotiator("hardliner");
  Negotiator* ns[] = {&a, b.get()};
  SessionOptions options;
  options.deadline.rounds = 1000;
  options.cancel = &cancel;
  const NegotiationResult r = make_protocol("alternating")->run(two, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.moves, 5);  // a offers, b counters (period 1), a counters (period 2), b, a: flag, then stop
  EXPECT_LT(r.rounds, 1000);
}

TEST(Stepping, CancelledBeforeStartMakesNoMove) {
  const CompiledDomain d = three_party();
  const std::atomic<bool> cancel{true};
  for (const char* name : {"sao", "mediated", "issue_by_issue"}) {
    SCOPED_TRACE(name);
    Scripted a({}), b({}), c({});
    Negotiator* ns[] = {&a, &b, &c};
    SessionOptions options;
    options.cancel = &cancel;
    const auto state = make_protocol(name)->start(d, ns, options);
    ASSERT_TRUE(state->finished());
    EXPECT_EQ(state->result().status, NegotiationStatus::timeout);
    EXPECT_EQ(state->result().moves, 0);
    EXPECT_EQ(state->result().rounds, 0);
    ASSERT_EQ(state->events().size(), 1u);
    EXPECT_EQ(state->events()[0].kind, EventKind::timeout);
    EXPECT_TRUE(a.turns.empty());
    EXPECT_EQ(a.ended_with, kNoOutcome);  // on_end was called
  }
}

// Signals that the negotiation is under way on its first act.
// Says when it first acts, then waits until the other thread has raised the flag, so the
// cancellation lands mid-negotiation whatever the scheduling.
class Announcing final : public Negotiator {
 public:
  Announcing(std::unique_ptr<Negotiator> inner, std::atomic<bool>& running, const std::atomic<bool>& cancel)
      : inner_(std::move(inner)), running_(running), cancel_(cancel) {}
  void on_start(const NegotiatorContext& context) override { inner_->on_start(context); }
  Reply act(const Turn& turn) override {
    running_.store(true);
    while (!cancel_.load()) std::this_thread::yield();
    return inner_->act(turn);
  }
  std::string name() const override { return inner_->name(); }

 private:
  std::unique_ptr<Negotiator> inner_;
  std::atomic<bool>& running_;
  const std::atomic<bool>& cancel_;
};

TEST(Stepping, CancellationFromAnotherThread) {
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}});
  std::atomic<bool> cancel{false}, running{false};
  Announcing a(make_negotiator("hardliner"), running, cancel);
  auto b = make_negotiator("hardliner");
  Negotiator* ns[] = {&a, b.get()};
  SessionOptions options;
  options.deadline.rounds = kMaxDeadlineRounds;  // two hardliners would run to the end
  options.record_trace = false;
  options.cancel = &cancel;
  std::thread canceller([&]() {
    while (!running.load()) std::this_thread::yield();
    cancel.store(true);
  });
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  canceller.join();
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_LT(r.rounds, options.deadline.rounds);
}

}  // namespace
}  // namespace parley
