// EUM against Scholz, Calbert & Smith (2011) on the 1994 EC car-emissions case.

#include "parley/forecast/eum.hpp"

#include <gtest/gtest.h>

#include "parley/io/bdm.hpp"
#include "parley/core/error.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kEmissions = std::filesystem::path(PARLEY_TEST_DATA) / "bdm/jmckib_ExampleActors_BDM1994_emissions.csv";

ActorTable emissions() { return to_actor_table(import_bdm(kEmissions)); }

TEST(Eum, ReproducesScholzCodeMediansAndTable2Means) {
  EumOptions options;
  options.rounds = 8;
  const EumRun run = run_eum(emissions(), 0, options);
  ASSERT_EQ(run.rounds.size(), 8u);
  // The code variant's medians (reference notes) and Scholz et al. Table 2 means.
  const double medians[] = {8.43, 9.62, 9.96, 9.96, 9.96, 7.52, 8.87, 9.70};
  const double means[] = {7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6};
  for (std::size_t r = 0; r < 8; ++r) {
    EXPECT_NEAR(run.rounds[r].median, medians[r], 0.01) << "round " << r + 1;
    EXPECT_NEAR(run.rounds[r].mean, means[r], 0.1) << "round " << r + 1;
  }
  EXPECT_NEAR(run.initial_median, 7, 1e-12);
  EXPECT_NEAR(run.outcome, 9.70, 0.01);
  EXPECT_EQ(run.stop_reason, "reached the round limit (rounds=8)");
}

TEST(Eum, RoundOneOffers) {
  EumOptions options;
  options.rounds = 1;
  const ActorTable table = emissions();
  const EumRun run = run_eum(table, 0, options);
  ASSERT_EQ(run.rounds.size(), 1u);
  // Belgium (7) accepts a compromise towards the 10s and becomes the median, 8.43.
  const std::size_t belgium = 1;
  ASSERT_EQ(table.actors[belgium], "Belgium");
  bool found = false;
  for (const EumOffer& offer : run.rounds[0].offers) {
    EXPECT_NE(offer.receiver, offer.proposer);
    if (offer.receiver == belgium && offer.accepted) {
      found = true;
      EXPECT_EQ(offer.kind, OfferKind::compromise);
      EXPECT_NEAR(offer.position, 8.43, 0.01);
      EXPECT_LT(offer.receiver_eu, 0);
      EXPECT_GT(offer.proposer_eu, std::abs(offer.receiver_eu));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_NEAR(run.rounds[0].positions[belgium], 8.43, 0.01);
  // Risk exponents lie in [0.5, 2].
  for (double r : run.rounds[0].risk_exponents) {
    EXPECT_GE(r, 0.5 - 1e-12);
    EXPECT_LE(r, 2 + 1e-12);
  }
}

TEST(Eum, PaperSwitchesChangeTheRun) {
  EumOptions code;
  code.rounds = 8;
  EumOptions votes = code;
  votes.vote_risk = EumOptions::VoteRisk::risk;
  EumOptions pair = code;
  pair.probability_denominator = EumOptions::Denominator::pair;
  const ActorTable table = emissions();
  const double base = run_eum(table, 0, code).rounds[0].median;
  // Votes with the voters' risk exponents (as the jmckib port computes them): 8.42, not 8.43.
  EXPECT_NEAR(run_eum(table, 0, votes).rounds[0].median, 8.4159, 1e-3);
  EXPECT_NE(run_eum(table, 0, pair).rounds.back().positions, run_eum(table, 0, code).rounds.back().positions);
  EXPECT_NEAR(base, 8.4272, 1e-3);
}

TEST(Eum, ModelReportsRoundsMediansAndOffers) {
  const EumModel model;
  const Forecast forecast = model.run(emissions(), {{"rounds", "8"}}, 0);
  ASSERT_EQ(forecast.rounds.size(), 9u);  // round 0 = the input
  EXPECT_NEAR(forecast.outcome[0], 9.70, 0.01);
  const auto& details = std::get<EumDetails>(forecast.details);
  EXPECT_TRUE(details.offers_recorded);
  ASSERT_EQ(details.dimensions.size(), 1u);
  const EumRun& dimension = details.dimensions[0];
  EXPECT_EQ(dimension.rounds.size(), 8u);
  EXPECT_NEAR(dimension.initial_median, 7.00, 0.01);
  EXPECT_NEAR(dimension.rounds[0].median, 8.43, 0.01);
  EXPECT_FALSE(dimension.rounds[0].offers.empty());
  EXPECT_EQ(forecast.stop_reason, "reached the round limit (rounds=8)");
  const Forecast quiet = model.run(emissions(), {{"rounds", "8"}, {"record_offers", "false"}}, 0);
  EXPECT_FALSE(std::get<EumDetails>(quiet.details).offers_recorded);
  EXPECT_TRUE(std::get<EumDetails>(quiet.details).dimensions[0].rounds[0].offers.empty());
  EXPECT_EQ(quiet.outcome, forecast.outcome);
  EXPECT_THROW(model.run(emissions(), {{"Q", "2"}}, 0), Error);
  EXPECT_THROW(model.run(emissions(), {{"capitulation", "maybe"}}, 0), Error);
  EXPECT_THROW(model.run(emissions(), {{"risk_perspektive", "own"}}, 0), Error);
}

TEST(Eum, DegenerateTables) {
  // One position for all: nothing to play.
  const EumRun same = run_eum(make_table({{"a", 1, {5}, {1}}, {"b", 2, {5}, {0.5}}}), 0);
  EXPECT_TRUE(same.rounds.empty());
  EXPECT_EQ(same.outcome, 5);
  // One actor with a stake.
  const EumRun alone = run_eum(make_table({{"a", 1, {5}, {1}}, {"b", 2, {9}, {0}}}), 0);
  EXPECT_TRUE(alone.rounds.empty());
  EXPECT_EQ(alone.outcome, 5);
  EXPECT_EQ(alone.participants.size(), 1u);
  // Two symmetric actors: equal danger, risk exponents 1; the run ends without crashing.
  const EumRun two = run_eum(make_table({{"a", 1, {0}, {1}}, {"b", 1, {100}, {1}}}), 0);
  EXPECT_FALSE(two.stop_reason.empty());
  // Deterministic.
  const ActorTable table = emissions();
  EXPECT_EQ(run_eum(table, 0).outcome, run_eum(table, 0).outcome);
}

TEST(Eum, SwitchesParse) {
  const EumOptions o = eum_options({{"probability_denominator", "pair"},
                                    {"risk_perspective", "own"},
                                    {"vote_risk", "risk"},
                                    {"capitulation", "false"},
                                    {"compromise_choice", "smallest_move"},
                                    {"Q", "0.5"},
                                    {"T", "0.25"},
                                    {"rounds", "3"},
                                    {"outcome", "mean"}});
  EXPECT_EQ(o.probability_denominator, EumOptions::Denominator::pair);
  EXPECT_EQ(o.risk_perspective, EumOptions::RiskPerspective::own);
  EXPECT_EQ(o.vote_risk, EumOptions::VoteRisk::risk);
  EXPECT_FALSE(o.capitulation);
  EXPECT_EQ(o.compromise_choice, EumOptions::CompromiseChoice::smallest_move);
  EXPECT_EQ(o.q, 0.5);
  EXPECT_EQ(o.t, 0.25);
  EXPECT_EQ(o.rounds, 3);
  EXPECT_EQ(o.outcome, EumOptions::Outcome::mean);
  // Q < 1 brings in the better/worse utilities; the run stays within the positions' range.
  EumOptions q = o;
  const EumRun run = run_eum(emissions(), 0, q);
  for (const auto& round : run.rounds)
    for (double x : round.positions) {
      EXPECT_GE(x, 4 - 1e-9);
      EXPECT_LE(x, 10 + 1e-9);
    }
}

}  // namespace
}  // namespace parley::test
