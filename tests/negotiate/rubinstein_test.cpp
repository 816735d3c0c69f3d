// Rubinstein (1982): subgame-perfect strategies on a (fine-grid) split reproduce the
// equilibrium shares (1 − δ2) / (1 − δ1 δ2) for the first proposer.
#include <gtest/gtest.h>

#include <memory>

#include "parley/core/utility.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/rubinstein.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

// Split a pie: one continuous issue on [0, 1] with `steps` grid points; party 0's utility is
// the share x, party 1's is 1 − x.
CompiledDomain split(std::uint32_t steps, double d0, double d1) {
  Issue pie;
  pie.id = "share";
  pie.kind = IssueKind::continuous;
  pie.lower = 0;
  pie.upper = 1;
  pie.steps = steps;
  const std::vector<Issue> issues{pie};
  const OutcomeSpace space(issues, {0});
  Actor first, second;
  first.id = "first";
  first.stances = {Stance{1.0, 1.0, {}}};
  first.discount = d0;
  second.id = "second";
  second.stances = {Stance{0.0, 1.0, {}}};
  second.discount = d1;
  const std::vector<CompiledUtility> u{CompiledUtility(first, issues, space), CompiledUtility(second, issues, space)};
  return CompiledDomain(space, u);
}

TEST(Rubinstein, AnalyticShares) {
  const RubinsteinShares s = rubinstein_shares(0.9, 0.9);
  EXPECT_NEAR(s.first, 1 / 1.9, 1e-15);
  EXPECT_NEAR(s.second, 0.9 / 1.9, 1e-15);
  EXPECT_DOUBLE_EQ(rubinstein_shares(0, 0.5).first, 0.5);  // impatient proposer still gets 1 − δ2
  EXPECT_DOUBLE_EQ(rubinstein_shares(0.5, 0).first, 1.0);  // fully impatient responder takes anything
  EXPECT_THROW(rubinstein_shares(1, 1), std::invalid_argument);
  EXPECT_THROW(rubinstein_shares(1.2, 0.5), std::invalid_argument);
}

struct Case {
  double d1, d2;
};

TEST(Rubinstein, SubgamePerfectStrategiesReproduceTheShares) {
  // 2,000,001 grid points: the grid step is 5e-7, so a share is hit within 5e-7 < 1e-6.
  const Case cases[] = {{0.9, 0.9}, {0.8, 0.95}, {0.95, 0.8}, {0.5, 0.7}, {0.99, 0.6}, {0.3, 0.3}};
  // One compiled split; the session's discount factors override the profiles' (as a stage
  // runner may).
  const CompiledDomain d = split(2'000'001, 1, 1);
  for (const Case& c : cases) {
    for (const int first : {0, 1}) {
      auto a = make_negotiator("rubinstein");
      auto b = make_negotiator("rubinstein");
      Negotiator* ns[] = {a.get(), b.get()};
      SessionOptions options;
      options.deadline.rounds = 1000;
      options.discounts = {c.d1, c.d2};
      const auto protocol = make_protocol("alternating", {{"first", std::to_string(first)}});
      const NegotiationResult r = protocol->run(d, ns, options);
      ASSERT_EQ(r.status, NegotiationStatus::agreement) << c.d1 << " " << c.d2;
      EXPECT_EQ(r.rounds, 1) << "agreement in the first period";
      const double d_first = first == 0 ? c.d1 : c.d2;
      const double d_second = first == 0 ? c.d2 : c.d1;
      const double expected = (1 - d_second) / (1 - d_first * d_second);
      EXPECT_NEAR(r.utilities[std::size_t(first)], expected, 1e-6) << c.d1 << " " << c.d2 << " first " << first;
      EXPECT_NEAR(r.utilities[std::size_t(1 - first)], 1 - expected, 1e-6);
      EXPECT_DOUBLE_EQ(r.discounted[0], r.utilities[0]);  // period 0: no discounting
    }
  }
}

TEST(AlternatingOffers, PeriodsAndDiscounting) {
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}}, {0.1, 0.2}, {0.9, 0.8});
  // period 0: a offers 0; b counters 3 (period 1); a counters 1 (period 2); b accepts.
  test::Scripted a({Reply::propose(0), Reply::propose(1)});
  test::Scripted b({Reply::propose(3), Reply::accept()});
  Negotiator* ns[] = {&a, &b};
  SessionOptions options;
  options.deadline.rounds = 10;
  options.time_offset = 1;  // one period spent in an earlier stage
  const NegotiationResult r = make_protocol("alternating")->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreement, 1u);
  EXPECT_EQ(r.rounds, 3);
  EXPECT_EQ(r.moves, 4);
  EXPECT_DOUBLE_EQ(r.discounted[0], 0.7 * 0.9 * 0.9 * 0.9);  // δ^(offset 1 + period 2)
  EXPECT_DOUBLE_EQ(r.discounted[1], 0.4 * 0.8 * 0.8 * 0.8);
  EXPECT_EQ(b.turns[0].kind, TurnKind::respond);
  EXPECT_EQ(b.turns[0].round, 0);
  EXPECT_EQ(a.turns[1].round, 1);
  EXPECT_EQ(b.turns[1].round, 2);
  EXPECT_DOUBLE_EQ(a.context_.time_offset, 1);
  ASSERT_EQ(a.discounts.size(), 2u);
  EXPECT_DOUBLE_EQ(a.discounts[1], 0.8);
}

TEST(AlternatingOffers, TimeoutDiscountsTheReservationValue) {
  const CompiledDomain d = test::table_domain({4}, {{1, 0.7, 0.4, 0}, {0, 0.4, 0.7, 1}}, {0.5, 0.5}, {0.5, 1});
  auto a = make_negotiator("hardliner");
  auto b = make_negotiator("hardliner");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 3;
  const NegotiationResult r = make_protocol("alternating")->run(d, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.rounds, 3);
  EXPECT_DOUBLE_EQ(r.utilities[0], 0.5);
  EXPECT_DOUBLE_EQ(r.discounted[0], 0.5 * 0.25);  // δ^(rounds − 1)
  EXPECT_DOUBLE_EQ(r.discounted[1], 0.5);
}

TEST(AlternatingOffers, NeedsTwoParties) {
  const CompiledDomain d = test::table_domain({2}, {{1, 0}, {0, 1}, {1, 1}});
  test::Scripted a({}), b({}), c({});
  Negotiator* ns[] = {&a, &b, &c};
  EXPECT_THROW(make_protocol("alternating")->run(d, ns, {}), std::invalid_argument);
}

}  // namespace
}  // namespace parley
