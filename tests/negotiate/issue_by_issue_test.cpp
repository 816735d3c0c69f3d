// Issue by issue: agreed in principle, nothing agreed until everything is agreed, reopening.
#include <gtest/gtest.h>

#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using test::Scripted;

// Two issues with three options (outcome = 3·v0 + v1).
CompiledDomain two_issues() {
  std::vector<std::vector<double>> u(2, std::vector<double>(9));
  for (std::uint32_t o = 0; o < 9; ++o) {
    u[0][o] = 1 - o / 8.0;
    u[1][o] = o / 8.0;
  }
  return test::table_domain({3, 3}, u);
}

std::vector<EventKind> kinds_of(const NegotiationResult& r, std::initializer_list<EventKind> keep) {
  std::vector<EventKind> out;
  for (const Event& e : r.trace.events)
    if (std::find(keep.begin(), keep.end(), e.kind) != keep.end()) out.push_back(e.kind);
  return out;
}

TEST(IssueByIssue, AgreedInPrincipleThenReopened) {
  const CompiledDomain d = two_issues();
  // Issue 0 (round 0): a offers (0,0), b accepts -> issue 0 agreed in principle at 0.
  // Issue 1 (round 1): a offers (0,2); b reopens issue 0 and counters (1,1).
  //   (round 2): a accepts (1,1) -> issue 1 agreed in principle at 1.
  // Issue 0 again (round 3), restricted to v1 = 1: a offers (1,1), b accepts -> package (1,1).
  Scripted a({Reply::propose(0), Reply::propose(2), Reply::accept(), Reply::propose(4)});
  Scripted b({Reply::accept(), test::reopen(Reply::propose(4), 0), Reply::accept()});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.deadline.rounds = 10;
  const NegotiationResult r = make_protocol("issue_by_issue")->run(d, ns, options);

  ASSERT_EQ(r.status, NegotiationStatus::agreement);
  EXPECT_EQ(r.agreement, 4u);
  EXPECT_EQ(r.rounds, 4);
  EXPECT_EQ(r.agreed_in_principle, (std::vector<std::int32_t>{1, 1}));
  EXPECT_EQ(kinds_of(r, {EventKind::agreed_in_principle, EventKind::reopen, EventKind::agreement}),
            (std::vector<EventKind>{EventKind::agreed_in_principle, EventKind::reopen, EventKind::agreed_in_principle,
                                    EventKind::agreed_in_principle, EventKind::agreement}));
  std::vector<std::pair<std::int32_t, std::int32_t>> agreed;
  for (const Event& e : r.trace.events) {
    if (e.kind == EventKind::agreed_in_principle) agreed.emplace_back(e.issue, e.value);
    if (e.kind == EventKind::reopen) {
      EXPECT_EQ(e.sender, 1);
      EXPECT_EQ(e.issue, 0);
      EXPECT_EQ(e.observers, party_bit(0));
    }
  }
  EXPECT_EQ(agreed, (std::vector<std::pair<std::int32_t, std::int32_t>>{{0, 0}, {1, 1}, {0, 1}}));
  // Turns name the issue being settled and carry the restriction.
  ASSERT_EQ(a.turns.size(), 4u);
  EXPECT_EQ(a.turns[0].issue, 0);
  EXPECT_EQ(a.turns[1].issue, 1);
  ASSERT_NE(a.turns[1].allowed, nullptr);
  EXPECT_EQ(a.turns[3].issue, 0);
}

TEST(IssueByIssue, ReopenRules) {
  const CompiledDomain d = two_issues();
  {  // never: the reopen is ignored and the counter-offer (1,1) breaks issue 0's value -> reject
    Scripted a({Reply::propose(0), Reply::propose(2), Reply::accept()});
    Scripted b({Reply::accept(), test::reopen(Reply::propose(4), 0)});
    Negotiator* ns[] = {&a, &b};
    SessionOptions options;
    options.deadline.rounds = 4;
    const NegotiationResult r = make_protocol("issue_by_issue", {{"reopen", "never"}})->run(d, ns, options);
    EXPECT_TRUE(kinds_of(r, {EventKind::reopen}).empty());
    EXPECT_EQ(r.status, NegotiationStatus::timeout);
    EXPECT_EQ(r.agreed_in_principle, (std::vector<std::int32_t>{0, -1}));
  }
  {  // once: a second reopen by the same party is ignored
    Scripted a({Reply::propose(0), Reply::propose(1), Reply::accept(), Reply::propose(4), Reply::propose(4)});
    Scripted b({Reply::accept(), test::reopen(Reply::propose(4), 0), test::reopen(Reply::accept(), 1)});
    Negotiator* ns[] = {&a, &b};
    SessionOptions options;
    options.deadline.rounds = 10;
    const NegotiationResult r = make_protocol("issue_by_issue", {{"reopen", "once"}})->run(d, ns, options);
    EXPECT_EQ(kinds_of(r, {EventKind::reopen}).size(), 1u);
  }
}

TEST(IssueByIssue, NothingAgreedUntilEverythingAgreed) {
  const CompiledDomain d = two_issues();
  // Issue 0 is agreed in principle; issue 1 never is: no agreement binds.
  Scripted a({Reply::propose(0), Reply::propose(2), Reply::propose(2), Reply::propose(2)});
  Scripted b({Reply::accept(), Reply::propose(0), Reply::propose(0), Reply::propose(0)});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.deadline.rounds = 4;
  const NegotiationResult r = make_protocol("issue_by_issue")->run(d, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.agreement, kNoOutcome);
  EXPECT_EQ(r.agreed_in_principle, (std::vector<std::int32_t>{0, -1}));
  EXPECT_DOUBLE_EQ(r.utilities[0], 0.0);  // reservation value, not the partial deal
}

TEST(IssueByIssue, EarlierAgreementsAndOrder) {
  const CompiledDomain d = two_issues();
  // Issue 1 agreed in principle at 2 in an earlier stage; only issue 0 is negotiated.
  Scripted a({Reply::propose(2)});
  Scripted b({Reply::accept()});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.agreed_in_principle = {-1, 2};
  const NegotiationResult r = make_protocol("issue_by_issue")->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreement, 2u);
  ASSERT_EQ(a.turns.size(), 1u);
  EXPECT_EQ(a.turns[0].issue, 0);

  // Order 1;0 settles issue 1 first.
  Scripted c({Reply::propose(5), Reply::propose(5)});
  Scripted e({Reply::accept(), Reply::accept()});
  Negotiator* ms[] = {&c, &e};
  const NegotiationResult q = make_protocol("issue_by_issue", {{"order", "1;0"}})->run(d, ms, {});
  ASSERT_TRUE(q.agreed());
  EXPECT_EQ(q.agreement, 5u);
  EXPECT_EQ(c.turns[0].issue, 1);
  EXPECT_EQ(c.turns[1].issue, 0);
}

TEST(IssueByIssue, BuiltInStrategiesReopenWhatLeavesThemBelowTheirReservationValue) {
  // Issue 0 was agreed in principle at 0 in an earlier stage; that leaves party 1 at most
  // (0, 2), worth 0.25 < its reservation value 0.4: it reopens issue 0 on its first turn.
  std::vector<std::vector<double>> u(2, std::vector<double>(9));
  for (std::uint32_t o = 0; o < 9; ++o) {
    u[0][o] = 1 - o / 8.0;
    u[1][o] = o / 8.0;
  }
  const CompiledDomain d = test::table_domain({3, 3}, u, {0.0, 0.4});
  auto a = make_negotiator("conceder");
  auto b = make_negotiator("conceder");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 60;
  options.agreed_in_principle = {0, -1};
  const NegotiationResult r = make_protocol("issue_by_issue")->run(d, ns, options);
  std::vector<std::pair<std::int32_t, std::int32_t>> reopened;
  for (const Event& e : r.trace.events)
    if (e.kind == EventKind::reopen) reopened.emplace_back(e.sender, e.issue);
  EXPECT_EQ(reopened, (std::vector<std::pair<std::int32_t, std::int32_t>>{{1, 0}}));
  ASSERT_TRUE(r.agreed());
  EXPECT_GE(r.utilities[1], 0.4);
}

TEST(IssueByIssue, BuiltInStrategiesSettleEveryIssue) {
  const CompiledDomain d = two_issues();
  auto a = make_negotiator("conceder");
  auto b = make_negotiator("linear");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 40;
  const NegotiationResult r = make_protocol("issue_by_issue")->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreed_in_principle.size(), 2u);
  for (const std::int32_t v : r.agreed_in_principle) EXPECT_GE(v, 0);
}

}  // namespace
}  // namespace parley
