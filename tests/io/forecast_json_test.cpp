// io/forecast_json: typed forecast details and evaluations as the JSON the CLI prints. The
// full documents are pinned by tests/cli/json_documents_test.cpp; these check each writer on
// hand-built values.

#include "parley/io/forecast_json.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace parley {
namespace {

ActorTable two_actors() {
  ActorTable table;
  table.name = "t";
  table.dimensions = {"tax", "wage"};
  table.lower = {0, 0};
  table.upper = {100, 10};
  table.reference_point = {std::nullopt, std::nullopt};
  table.known_outcome = {std::nullopt, std::nullopt};
  table.actors = {"left", "right"};
  table.capability = {1, 2};
  table.position = {10, 1, 90, 9};
  table.salience = {1, 1, 1, 1};
  return table;
}

TEST(ForecastJson, NoDetailsIsAnEmptyObject) {
  EXPECT_EQ(forecast_details_to_json(ForecastDetails{}, two_actors()), nlohmann::json::object());
}

TEST(ForecastJson, StaticModelsNameTheirDimensions) {
  const ActorTable table = two_actors();
  const auto compromise = forecast_details_to_json(CompromiseDetails{1, 0.5, {{3, 2}, {0, 0}}}, table);
  EXPECT_EQ(compromise["capability_exponent"], 1.0);
  EXPECT_EQ(compromise["salience_exponent"], 0.5);
  EXPECT_EQ(compromise["dimensions"][1], nlohmann::json({{"dimension", "wage"}, {"total_weight", 0.0}, {"actors_counted", 0}}));
  EXPECT_EQ(forecast_details_to_json(MedianDetails{2, 1}, table),
            nlohmann::json({{"capability_exponent", 2.0}, {"salience_exponent", 1.0}}));
  const auto nash = forecast_details_to_json(NashDetails{2, {{Disagreement::farthest_end, true}}}, table);
  EXPECT_EQ(nash["dimensions"][0],
            nlohmann::json({{"dimension", "tax"}, {"disagreement", "farthest_end"}, {"at_disagreement_point", true}}));
  EXPECT_EQ(forecast_details_to_json(NashDetails{}, table)["dimensions"], nlohmann::json::array());
}

TEST(ForecastJson, EumRoundsNameActorsAndKeepOffersOnlyWhenRecorded) {
  EumRun run;
  run.participants = {1};
  run.initial_median = 5;
  run.initial_mean = 6;
  EumRound round;
  round.positions = {10, 20};
  round.risk_exponents = {1, 0.5};
  round.median = 7;
  round.mean = 8;
  round.offers.push_back({1, 0, OfferKind::compromise, 15, 0.25, 0.75, true});
  run.rounds.push_back(round);
  run.stop_reason = "no actor moved";
  EumDetails details{{run}, true};
  const auto json = forecast_details_to_json(details, two_actors());
  const auto& dimension = json["dimensions"][0];
  EXPECT_EQ(dimension["dimension"], "tax");
  EXPECT_EQ(dimension["rounds_played"], 1);
  EXPECT_EQ(dimension["medians"], nlohmann::json({5.0, 7.0}));
  EXPECT_EQ(dimension["means"], nlohmann::json({6.0, 8.0}));
  EXPECT_EQ(dimension["rounds"][0]["risk_exponents"], nlohmann::json({{"right", 0.5}}));
  EXPECT_EQ(dimension["rounds"][0]["offers"][0],
            nlohmann::json({{"to", "right"}, {"from", "left"}, {"type", "compromise"}, {"position", 15.0},
                            {"eu_receiver", 0.25}, {"eu_proposer", 0.75}, {"accepted", true}}));
  details.offers_recorded = false;
  EXPECT_FALSE(forecast_details_to_json(details, two_actors())["dimensions"][0]["rounds"][0].contains("offers"));
}

TEST(ForecastJson, SmpParametersSeedIdealsAndNotesOnlyWhenTheyApply) {
  SmpDetails details;
  details.turns = 1;
  details.weighted_mean = {50, 5};
  details.position_probabilities.push_back({{{10, 1}, {90, 9}}, {0.25, 0.75}, {{0}, {1}}});
  details.most_probable = 1;
  auto json = forecast_details_to_json(details, two_actors());
  EXPECT_EQ(json["parameters"]["VictoryProbModel"], "Linear");
  EXPECT_EQ(json["parameters"]["max_turns"], 100);
  EXPECT_FALSE(json["parameters"].contains("seed"));
  EXPECT_EQ(json["most_probable"],
            nlohmann::json({{"position", {90.0, 9.0}}, {"probability", 0.75}, {"actors", {"right"}}}));
  EXPECT_EQ(json["position_probabilities"][0][0]["actors"], nlohmann::json({"left"}));
  EXPECT_FALSE(json.contains("ideals"));
  EXPECT_FALSE(json.contains("notes"));
  details.parameters.transitions = smp::StateTransitions::stochastic;
  details.parameters.seed = 7;
  details.parameters.accommodation = {1, 0, 0, 1};
  details.ideals = {{10, 1, 90, 9}};
  details.notes = {"saliences rescaled"};
  json = forecast_details_to_json(details, two_actors());
  EXPECT_EQ(json["parameters"]["seed"], 7u);
  EXPECT_EQ(json["ideals"], nlohmann::json({{10.0, 1.0, 90.0, 9.0}}));
  EXPECT_EQ(json["notes"], nlohmann::json({"saliences rescaled"}));
}

TEST(ForecastJson, ExchangesNameActorsAndIssues) {
  ExchangeDetails details;
  details.exchanges.push_back({1, 0, 1, 0, 1, 90, 60, 1, 4, 2.5});
  details.outcomes = {{50, 5}, {40, 6}};
  const auto json = forecast_details_to_json(details, two_actors());
  EXPECT_EQ(json["exchanges"][0],
            nlohmann::json({{"round", 1}, {"actor", "left"}, {"moves_on", "wage"}, {"from", 1.0}, {"to", 4.0},
                            {"partner", "right"}, {"partner_moves_on", "tax"}, {"partner_from", 90.0},
                            {"partner_to", 60.0}, {"gain", 2.5}}));
  EXPECT_EQ(json["outcomes"], nlohmann::json({{50.0, 5.0}, {40.0, 6.0}}));
}

TEST(ForecastJson, ForecastEntryHasRoundsOnlyForDynamicModels) {
  Forecast forecast;
  forecast.model = "median";
  forecast.outcome = {50, std::numeric_limits<double>::quiet_NaN()};
  forecast.details = MedianDetails{};
  auto json = forecast_to_json(forecast, two_actors());
  EXPECT_EQ(json["outcome"]["tax"], 50.0);
  // A dimension the model could not forecast: NaN, printed as null.
  EXPECT_TRUE(std::isnan(json["outcome"]["wage"].get<double>()));
  EXPECT_NE(json.dump().find("\"wage\":null"), std::string::npos);
  EXPECT_FALSE(json.contains("rounds"));
  EXPECT_EQ(json["details"]["capability_exponent"], 1.0);
  forecast.rounds = {{10, 1, 90, 9}, {50, 5, 50, 5}};
  forecast.stop_reason = "converged";
  json = forecast_to_json(forecast, two_actors());
  EXPECT_EQ(json["rounds"], 1);
  EXPECT_EQ(json["stop_reason"], "converged");
  EXPECT_EQ(json["positions"].size(), 2u);
}

TEST(ForecastJson, EvaluationDocument) {
  Evaluation evaluation;
  evaluation.cases = 3;
  evaluation.folds = 2;
  evaluation.seed = 9;
  evaluation.notes = {"a note"};
  ModelScore score;
  score.name = "compromise";
  score.n = 3;
  score.mae = 1.5;
  evaluation.scores.push_back(score);
  const auto json = evaluation_to_json(evaluation);
  EXPECT_EQ(json["cases"], 3);
  EXPECT_EQ(json["folds"], 2);
  EXPECT_EQ(json["seed"], 9u);
  EXPECT_EQ(json["notes"], nlohmann::json({"a note"}));
  ASSERT_EQ(json["scores"].size(), 1u);
  EXPECT_EQ(json["scores"][0]["name"], "compromise");
  EXPECT_EQ(json["scores"][0]["mae"], 1.5);
  for (const char* key : {"description", "n", "median_ae", "hit5", "hit10", "cross_validated", "fitted"})
    EXPECT_TRUE(json["scores"][0].contains(key)) << key;
  // Wall-clock seconds only on request: the same evaluation, the same document.
  EXPECT_FALSE(json.contains("seconds"));
  EXPECT_FALSE(json["scores"][0].contains("seconds"));
  const auto timed = evaluation_to_json(evaluation, true);
  EXPECT_TRUE(timed.contains("seconds"));
  EXPECT_TRUE(timed["scores"][0].contains("seconds"));
}

}  // namespace
}  // namespace parley
