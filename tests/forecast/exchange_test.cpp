// Exchange model: a hand-checked two-actor, two-issue trade, and the Decide inputs.

#include "parley/forecast/exchange.hpp"

#include <gtest/gtest.h>

#include "parley/io/exchange.hpp"
#include "parley/core/error.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

// A cares most about p, B about q; B has twice A's capability.
//   A: c 1, p at 0 (s 0.8), q at 0 (s 0.2);  B: c 2, p at 100 (s 0.2), q at 100 (s 0.6).
// Outcomes: O_p = (0.8·0 + 0.4·100)/1.2 = 33.33, O_q = (0.2·0 + 1.2·100)/1.4 = 85.71.
// Equal gain: b = a (0.8 + 0.2)/(0.2 + 0.6) = 1.25 a. Caps: a ≤ min(0.4·100/1.2, 33.33) = 33.33,
// b ≤ min(0.2·100/1.4, 100 − 85.71) = 100/7. So b = 100/7 (A moves fully to 100 on q),
// a = 80/7: B moves on p by a·1.2/0.4 = 240/7 to 100 − 240/7 = 65.714. Each gains
// a (0.8·0.6 − 0.2·0.2)/(0.2 + 0.6) = 44/7. Round 2: both at 100 on q — no exchange left.
ActorTable two_by_two() {
  return make_table({{"A", 1, {0, 0}, {0.8, 0.2}}, {"B", 2, {100, 100}, {0.2, 0.6}}});
}

TEST(Exchange, HandCheckedTwoActorTwoIssueTrade) {
  const ExchangeRun run = run_exchange(two_by_two());
  ASSERT_EQ(run.exchanges.size(), 1u);
  const Exchange& e = run.exchanges[0];
  EXPECT_EQ(e.round, 1);
  EXPECT_EQ(e.i, 0u);  // A gives ground on q
  EXPECT_EQ(e.j, 1u);  // B gives ground on p
  EXPECT_EQ(e.p, 0u);
  EXPECT_EQ(e.q, 1u);
  EXPECT_NEAR(e.gain, 44.0 / 7, 1e-12);
  EXPECT_NEAR(e.j_position_after, 100 - 240.0 / 7, 1e-12);
  EXPECT_NEAR(e.i_position_after, 100, 1e-12);
  ASSERT_EQ(run.positions.size(), 2u);
  EXPECT_NEAR(run.outcomes[1][0], 100.0 / 3 - 80.0 / 7, 1e-12);  // O_p moved towards A by a
  EXPECT_NEAR(run.outcomes[1][1], 100, 1e-12);
  EXPECT_EQ(run.stop_reason, "no exchange left after round 1");
  // Both actors gain what the model says, with utilities −s·|O − x| summed over issues.
  auto utility = [&](std::size_t actor, const std::vector<double>& outcome) {
    const ActorTable t = two_by_two();
    double u = 0;
    for (std::size_t d = 0; d < 2; ++d) u -= t.salience_of(actor, d) * std::abs(outcome[d] - t.position_of(actor, d));
    return u;
  };
  EXPECT_NEAR(utility(0, run.outcomes[1]) - utility(0, run.outcomes[0]), 44.0 / 7, 1e-9);
  EXPECT_NEAR(utility(1, run.outcomes[1]) - utility(1, run.outcomes[0]), 44.0 / 7, 1e-9);
}

TEST(Exchange, ModelForecastIsTheOutcomeAfterTrading) {
  const ExchangeModel model;
  const Forecast forecast = model.run(two_by_two(), {}, 0);
  EXPECT_NEAR(forecast.outcome[0], 100.0 / 3 - 80.0 / 7, 1e-12);
  EXPECT_NEAR(forecast.outcome[1], 100, 1e-12);
  EXPECT_EQ(forecast.rounds.size(), 2u);
  const auto& details = std::get<ExchangeDetails>(forecast.details);
  ASSERT_EQ(details.exchanges.size(), 1u);
  EXPECT_EQ(details.exchanges[0].i, 0u);  // actor A
  EXPECT_EQ(details.exchanges[0].p, 0u);  // the partner moves on d1
  ASSERT_EQ(details.outcomes.size(), 2u);  // the input and one round
  EXPECT_EQ(details.outcomes.back(), forecast.outcome);
  EXPECT_THROW(model.run(two_by_two(), {{"rounds", "-1"}}, 0), Error);
}

TEST(Exchange, NoTradeWithoutOpposedInterests) {
  // Whatever trades happen, each gains.
  const ExchangeRun run = run_exchange(make_table({{"A", 1, {0, 0}, {0.8, 0.2}}, {"B", 1, {10, 10}, {0.2, 0.8}},
                                                   {"C", 1, {100, 100}, {0.5, 0.5}}}));
  for (const Exchange& e : run.exchanges) EXPECT_GT(e.gain, 0);
  const ExchangeRun one = run_exchange(make_table({{"A", 1, {0}, {1}}, {"B", 1, {100}, {1}}}));
  EXPECT_TRUE(one.exchanges.empty());
  EXPECT_EQ(one.stop_reason, "one issue: nothing to exchange");
  // Equal relative interests: no gain.
  const ExchangeRun equal = run_exchange(make_table({{"A", 1, {0, 0}, {0.5, 0.5}}, {"B", 1, {100, 100}, {0.5, 0.5}}}));
  EXPECT_TRUE(equal.exchanges.empty());
  EXPECT_EQ(equal.stop_reason, "no exchange is possible");
}

TEST(Exchange, Cop21RunsAndEveryTradeGains) {
  const Scenario scenario =
      import_exchange_input(std::filesystem::path(PARLEY_TEST_DATA) / "exchange/decide_cop21.csv");
  const ActorTable table = to_actor_table(scenario);
  const ExchangeRun run = run_exchange(table);
  EXPECT_FALSE(run.exchanges.empty());
  for (const Exchange& e : run.exchanges) {
    EXPECT_GT(e.gain, 0);
    EXPECT_NE(e.p, e.q);
  }
  for (const auto& outcome : run.outcomes)
    for (std::size_t d = 0; d < outcome.size(); ++d) {
      EXPECT_GE(outcome[d], table.lower[d] - 1e-9);
      EXPECT_LE(outcome[d], table.upper[d] + 1e-9);
    }
}

}  // namespace
}  // namespace parley::test
