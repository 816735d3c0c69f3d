// SAO round semantics on hand-traced 2- and 3-party negotiations.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include "parley/core/error.hpp"
#include "parley/core/scenario.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/protocol_registry.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using test::Scripted;

// One issue with four options; party 0 prefers low, party 1 high, party 2 the middle.
CompiledDomain line(std::size_t parties) {
  std::vector<std::vector<double>> u{{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}, {0.2, 1, 1, 0.2}};
  u.resize(parties);
  return test::table_domain({4}, u);
}

TEST(Sao, TwoPartyHandTrace) {
  const CompiledDomain d = line(2);
  Scripted a({Reply::propose(0), Reply::propose(1)});
  Scripted b({Reply::propose(3), Reply::accept()});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.deadline.rounds = 10;
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);

  ASSERT_EQ(r.status, NegotiationStatus::agreement);
  EXPECT_EQ(r.agreement, 1u);
  EXPECT_EQ(r.rounds, 2);  // round 0: a offers 0, b counters 3; round 1: a counters 1, b accepts
  EXPECT_EQ(r.moves, 4);
  EXPECT_DOUBLE_EQ(r.utilities[0], 0.7);
  EXPECT_DOUBLE_EQ(r.utilities[1], 0.4);
  EXPECT_DOUBLE_EQ(r.lowest_own_offer[0], 0.7);
  EXPECT_DOUBLE_EQ(r.lowest_own_offer[1], 1.0);

  // What each was asked.
  ASSERT_EQ(a.turns.size(), 2u);
  EXPECT_EQ(a.turns[0].kind, TurnKind::propose);
  EXPECT_EQ(a.turns[0].offer, kNoOutcome);
  EXPECT_DOUBLE_EQ(a.turns[0].time, 1.0 / 11);  // NegMAS relative time (r + 1) / (rounds + 1)
  EXPECT_EQ(a.turns[1].kind, TurnKind::respond);
  EXPECT_EQ(a.turns[1].offer, 3u);
  EXPECT_EQ(a.turns[1].proposer, 1);
  EXPECT_EQ(a.turns[1].round, 1);
  EXPECT_DOUBLE_EQ(a.turns[1].time, 2.0 / 11);
  ASSERT_EQ(b.turns.size(), 2u);
  EXPECT_EQ(b.turns[0].kind, TurnKind::respond);
  EXPECT_EQ(b.turns[0].offer, 0u);
  EXPECT_EQ(b.turns[1].offer, 1u);

  // The trace: offer, offer, offer, accept, agreement.
  ASSERT_EQ(r.trace.events.size(), 5u);
  const EventKind kinds[] = {EventKind::offer, EventKind::offer, EventKind::offer, EventKind::accept,
                             EventKind::agreement};
  const std::int32_t senders[] = {0, 1, 0, 1, kMechanism};
  const OutcomeIndex outcomes[] = {0, 3, 1, 1, 1};
  const std::int32_t rounds[] = {0, 0, 1, 1, 1};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(r.trace.events[i].kind, kinds[i]) << i;
    EXPECT_EQ(r.trace.events[i].sender, senders[i]) << i;
    EXPECT_EQ(r.trace.events[i].outcome, outcomes[i]) << i;
    EXPECT_EQ(r.trace.events[i].round, rounds[i]) << i;
  }
  // Each party observes the other's actions, never its own; both see the agreement.
  EXPECT_EQ(r.trace.events[0].observers, party_bit(1));
  EXPECT_EQ(r.trace.events[1].observers, party_bit(0));
  EXPECT_EQ(r.trace.events[4].observers, party_bit(0) | party_bit(1));
  EXPECT_EQ(a.observed.size(), 3u);  // b's offer, b's accept, agreement
  EXPECT_EQ(b.observed.size(), 3u);  // a's two offers, agreement
  EXPECT_EQ(a.ended_with, 1u);
  EXPECT_EQ(b.ended_with, 1u);
}

// The longest deadline runs to its end with a relative time that stays in [0, 1] (its
// arithmetic once overflowed int32 near 2^31 rounds); a longer one is refused up front.
TEST(Sao, LongestDeadlineRunsToTheEndAndALongerOneIsRefused) {
  const CompiledDomain d = line(2);
  auto a = make_negotiator("hardliner"), b = make_negotiator("hardliner");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = kMaxDeadlineRounds;
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.rounds, kMaxDeadlineRounds);
  EXPECT_GE(r.time, 0.0);
  EXPECT_LE(r.time, 1.0);

  options.deadline.rounds = kMaxDeadlineRounds + 1;
  EXPECT_THROW(make_protocol("sao")->run(d, ns, options), std::invalid_argument);
  options.deadline.rounds = std::numeric_limits<std::int32_t>::max();
  EXPECT_THROW(make_protocol("sao")->run(d, ns, options), std::invalid_argument);
}

TEST(Sao, ThreePartyAgreementNeedsEveryOtherAcceptance) {
  const CompiledDomain d = line(3);
  // round 0: a offers 0, b accepts, c counters 2
  // round 1: a accepts 2, b passes (rejects without counter), c (proposer of 2) passes
  // round 2: a accepts again, b accepts -> all support 2
  Scripted a({Reply::propose(0), Reply::accept(), Reply::accept()});
  Scripted b({Reply::accept(), Reply::reject(), Reply::accept()});
  Scripted c({Reply::propose(2), Reply::reject()});
  Negotiator* ns[] = {&a, &b, &c};
  const NegotiationResult r = make_protocol("sao")->run(d, ns, {});

  ASSERT_EQ(r.status, NegotiationStatus::agreement);
  EXPECT_EQ(r.agreement, 2u);
  EXPECT_EQ(r.rounds, 3);
  EXPECT_EQ(r.moves, 8);
  const EventKind kinds[] = {EventKind::offer,  EventKind::accept, EventKind::offer,  EventKind::accept,
                             EventKind::reject, EventKind::no_offer, EventKind::accept, EventKind::accept,
                             EventKind::agreement};
  ASSERT_EQ(r.trace.events.size(), 9u);
  for (std::size_t i = 0; i < 9; ++i) EXPECT_EQ(r.trace.events[i].kind, kinds[i]) << i;
  // c's own standing offer comes back to it as a propose turn that shows it.
  ASSERT_EQ(c.turns.size(), 2u);
  EXPECT_EQ(c.turns[1].kind, TurnKind::propose);
  EXPECT_EQ(c.turns[1].offer, 2u);
  EXPECT_EQ(c.turns[1].proposer, 2);
  EXPECT_EQ(b.turns[0].kind, TurnKind::respond);
  EXPECT_EQ(b.turns[0].offer, 0u);
  EXPECT_EQ(a.turns[1].offer, 2u);
  EXPECT_EQ(a.turns[1].proposer, 2);
}

TEST(Sao, ThreePartyAllAcceptInTheFirstRound) {
  const CompiledDomain d = line(3);
  Scripted a({Reply::propose(1)});
  Scripted b({Reply::accept()});
  Scripted c({Reply::accept()});
  Negotiator* ns[] = {&a, &b, &c};
  const NegotiationResult r = make_protocol("sao")->run(d, ns, {});
  ASSERT_EQ(r.status, NegotiationStatus::agreement);
  EXPECT_EQ(r.agreement, 1u);
  EXPECT_EQ(r.rounds, 1);
  EXPECT_EQ(r.moves, 3);
}

TEST(Sao, CounterOfferResetsSupporters) {
  const CompiledDomain d = line(3);
  // a offers 0; b accepts; c counters 1 (b's acceptance of 0 does not carry over);
  // a accepts 1; b counters 2; c accepts 2; a accepts 2 -> agreement on 2.
  Scripted a({Reply::propose(0), Reply::accept(), Reply::accept()});
  Scripted b({Reply::accept(), Reply::propose(2)});
  Scripted c({Reply::propose(1), Reply::accept()});
  Negotiator* ns[] = {&a, &b, &c};
  const NegotiationResult r = make_protocol("sao")->run(d, ns, {});
  ASSERT_EQ(r.status, NegotiationStatus::agreement);
  EXPECT_EQ(r.agreement, 2u);
  EXPECT_EQ(r.rounds, 3);
}

TEST(Sao, EndAndTimeout) {
  const CompiledDomain d = line(2);
  {
    Scripted a({Reply::propose(0)});
    Scripted b({Reply::end()});
    Negotiator* ns[] = {&a, &b};
    const NegotiationResult r = make_protocol("sao")->run(d, ns, {});
    EXPECT_EQ(r.status, NegotiationStatus::ended);
    EXPECT_EQ(r.ended_by, 1);
    EXPECT_EQ(r.agreement, kNoOutcome);
    EXPECT_EQ(a.ended_with, kNoOutcome);
  }
  {
    Scripted a(std::vector<Reply>(10, Reply::propose(0)));
    Scripted b(std::vector<Reply>(10, Reply::propose(3)));
    Negotiator* ns[] = {&a, &b};
    SessionOptions options;
    options.deadline.rounds = 3;
    const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
    EXPECT_EQ(r.status, NegotiationStatus::timeout);
    EXPECT_EQ(r.rounds, 3);
    EXPECT_EQ(a.turns.size(), 3u);
    EXPECT_EQ(b.turns.size(), 3u);
    EXPECT_EQ(r.trace.events.back().kind, EventKind::timeout);
    EXPECT_DOUBLE_EQ(r.utilities[0], 0.0);  // reservation values
  }
}

TEST(Sao, InvalidRepliesAreRejections) {
  const CompiledDomain d = line(2);
  Scripted a({Reply::accept(), Reply::propose(99)});  // accept with nothing standing; offer outside the space
  Scripted b({Reply::propose(3)});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.deadline.rounds = 2;
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  ASSERT_GE(r.trace.events.size(), 3u);
  EXPECT_EQ(r.trace.events[0].kind, EventKind::no_offer);
  EXPECT_EQ(r.trace.events[1].kind, EventKind::offer);
  EXPECT_EQ(r.trace.events[2].kind, EventKind::reject);
}

TEST(Sao, VisibilityHookCanOnlyNarrow) {
  const CompiledDomain d = line(3);
  Scripted a({Reply::propose(1)});
  Scripted b({Reply::accept()});
  Scripted c({Reply::accept()});
  Negotiator* ns[] = {&a, &b, &c};
  SessionOptions options;
  // Hide everything from c; try (and fail) to show events to a non-existent party 5.
  options.visibility = [](const Event&, PartySet entitled) { return (entitled & ~party_bit(2)) | party_bit(5); };
  std::vector<Event> seen;
  options.observer = [&seen](const Event& e) { seen.push_back(e); };
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  EXPECT_TRUE(c.observed.empty());
  for (const Event& e : r.trace.events) {
    EXPECT_FALSE(contains(e.observers, 2));
    EXPECT_FALSE(contains(e.observers, 5));
  }
  EXPECT_EQ(seen.size(), r.trace.events.size());
}

TEST(Sao, NegotiatorsThatDoNotObserveAreNotCalled) {
  const CompiledDomain d = line(2);
  Scripted a({Reply::propose(0)});
  Scripted b({Reply::accept()});
  b.listens = false;
  Negotiator* ns[] = {&a, &b};
  const NegotiationResult r = make_protocol("sao")->run(d, ns, {});
  ASSERT_TRUE(r.agreed());
  EXPECT_TRUE(b.observed.empty());
  EXPECT_EQ(r.trace.events[0].observers, party_bit(1));  // still entitled, and recorded as such
  EXPECT_EQ(a.observed.size(), 2u);
}

TEST(Sao, NegotiatorsReceiveOnlyTheirOwnTable) {
  const CompiledDomain d = line(2);
  Scripted a({Reply::propose(0)});
  Scripted b({Reply::accept()});
  Negotiator* ns[] = {&a, &b};
  make_protocol("sao")->run(d, ns, {});
  EXPECT_EQ(a.context_.table, &d.party(0));
  EXPECT_EQ(b.context_.table, &d.party(1));
  EXPECT_EQ(a.known, 0u);
  EXPECT_EQ(a.context_.self, 0u);
  EXPECT_EQ(b.context_.party_count, 2u);
  EXPECT_EQ(a.context_.protocol, "sao");
}

TEST(Protocols, RegistryRejectsUnknownNamesAndSettings) {
  const std::vector<std::string> builtin = {"alternating", "sao", "mediated", "issue_by_issue"};
  std::vector<std::string> names = protocol_names();
  ASSERT_GE(names.size(), 4u);  // a test may have registered its own after the built-ins
  names.resize(4);
  EXPECT_EQ(names, builtin);
  for (const std::string& name : builtin) EXPECT_EQ(make_protocol(name)->name(), name);
  EXPECT_THROW(make_protocol("soa"), Error);
  try {
    make_protocol("mediate");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "protocol");
    EXPECT_NE(e.message().find("did you mean 'mediated'"), std::string::npos) << e.message();
  }
  EXPECT_THROW(make_protocol("sao", {{"x", "1"}}), Error);
  EXPECT_THROW(make_protocol("alternating", {{"first", "2"}}), Error);
  EXPECT_THROW(make_protocol("issue_by_issue", {{"reopen", "sometimes"}}), Error);
  EXPECT_THROW(make_protocol("mediated", {{"mediator", "x"}}), Error);
}

}  // namespace

TEST(Protocols, UserProtocolIsFoundWithItsSettings) {
  if (!protocol_registry().find("test_sao"))
    register_protocol({"test_sao", "SAO under another name", "parley tests",
                       {ParamSpec::integer("patience", 0, {0, 5}, "unused")},
                       [](const ParamValues& settings) -> std::unique_ptr<Protocol> {
                         EXPECT_LE(settings.integer("patience"), 5);
                         return make_protocol("sao");
                       }});
  EXPECT_EQ(make_protocol("test_sao", {{"patience", "3"}})->name(), "sao");
  try {
    make_protocol("test_sao", {{"patience", "9"}});
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "protocol setting");
    EXPECT_EQ(e.message(), "setting 'patience' of protocol 'test_sao' must be a whole number in [0, 5] (not '9')");
  }
  const std::vector<std::string> names = protocol_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "test_sao"), names.end());
  EXPECT_THROW(register_protocol({"sao", "", "", {}, nullptr}), Error);
}

}  // namespace parley
