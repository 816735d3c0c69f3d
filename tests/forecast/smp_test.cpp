// SMP unit tests: the published PCE values, votes and victory probabilities, parameters,
// determinism, and the Forecast the model fills. KTAB's recorded runs: ktab_reference_test.

#include "parley/forecast/smp.hpp"

#include <cmath>
#include <filesystem>
#include <numeric>

#include <gtest/gtest.h>

#include "parley/core/error.hpp"
#include "parley/io/ktab.hpp"

namespace parley {
namespace {

using smp::PceModel;
using smp::VictoryProbModel;
using smp::VotingRule;

// README "PCE check values": Square victory model on this coalition matrix.
const std::vector<double> kCoalitions = {0, 12.099, 54.921, 10.333, 0, 27.079, 5.007, 55.047, 0};

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_NEAR(actual[i], expected[i], tolerance) << "option " << i;
}

TEST(SmpPce, ConditionalMatchesPublishedValues) {
  expect_near(smp::pce_probabilities(PceModel::conditional, VictoryProbModel::square, kCoalitions),
              {0.8659, 0.1241, 0.0100}, 1e-4);
}

TEST(SmpPce, MarkovUniformMatchesPublishedValues) {
  expect_near(smp::pce_probabilities(PceModel::markov_uniform, VictoryProbModel::square, kCoalitions),
              {0.6351, 0.2148, 0.1501}, 1e-4);
}

TEST(SmpPce, MarkovIncentiveMatchesPublishedValues) {
  expect_near(smp::pce_probabilities(PceModel::markov_incentive, VictoryProbModel::square, kCoalitions),
              {0.5094, 0.2796, 0.2110}, 1e-4);
}

TEST(SmpPce, DistributionsSumToOne) {
  for (auto model : {PceModel::conditional, PceModel::markov_uniform, PceModel::markov_incentive})
    for (auto victory : {VictoryProbModel::linear, VictoryProbModel::square, VictoryProbModel::quartic,
                         VictoryProbModel::octic, VictoryProbModel::binary}) {
      const auto p = smp::pce_probabilities(model, victory, kCoalitions);
      EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-9);
    }
}

// Wise, "Markov Voting with Incentives": a unanimous cycle a > b > c > a has the uniform
// limiting distribution.
TEST(SmpPce, UnanimousCycleIsUniform) {
  const std::vector<double> cycle = {0, 1, 0, 0, 0, 1, 1, 0, 0};
  expect_near(smp::pce_probabilities(PceModel::markov_uniform, VictoryProbModel::linear, cycle), {1 / 3.0, 1 / 3.0, 1 / 3.0},
              1e-5);
}

TEST(SmpPce, RejectsNonSquareMatrices) {
  EXPECT_THROW(smp::pce_probabilities(PceModel::conditional, VictoryProbModel::linear, {1, 2, 3}), std::invalid_argument);
}

TEST(SmpVictory, HandComputedProbabilities) {
  EXPECT_DOUBLE_EQ(smp::victory_probability(VictoryProbModel::linear, 3, 1), 0.75);
  EXPECT_DOUBLE_EQ(smp::victory_probability(VictoryProbModel::square, 3, 1), 0.9);
  EXPECT_DOUBLE_EQ(smp::victory_probability(VictoryProbModel::quartic, 2, 1), 16.0 / 17.0);
  EXPECT_DOUBLE_EQ(smp::victory_probability(VictoryProbModel::octic, 2, 1), 256.0 / 257.0);
  // Binary: 10 % more strength wins outright; equal strengths are a coin toss.
  EXPECT_NEAR(smp::victory_probability(VictoryProbModel::binary, 1.1, 1.0), 1.0, 1e-5);
  EXPECT_NEAR(smp::victory_probability(VictoryProbModel::binary, 1.0, 1.1), 0.0, 1e-5);
  EXPECT_DOUBLE_EQ(smp::victory_probability(VictoryProbModel::binary, 2.0, 2.0), 0.5);
}

TEST(SmpVote, RulesOnAUtilityDifference) {
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::prop, 2.0, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::binary, 2.0, 0.7, 0.2), 2.0);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::binary, 2.0, 0.2, 0.7), -2.0);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::prop_bin, 2.0, 0.7, 0.2), 2.0 * (0.8 * 0.5 + 0.2));
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::cubic, 2.0, 0.7, 0.2), 2.0 * 0.125);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::prop_cbc, 2.0, 0.7, 0.2), 2.0 * (0.25 + 0.0625));
  // ASymProsp: a loss counts fully, a gain two thirds.
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::asym_prosp, 3.0, 0.2, 0.7), -1.5);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::asym_prosp, 3.0, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(smp::vote(VotingRule::asym_prosp, 3.0, 0.5, 0.5), 0.0);
}

ActorTable d3_table() {
  const auto path = std::filesystem::path(PARLEY_TEST_DATA) / "ktab" / "inputs" / "dummyData_3Dim.csv";
  return to_actor_table(import_ktab(path).scenario);
}

ActorTable soe_table() {
  const auto path = std::filesystem::path(PARLEY_TEST_DATA) / "ktab" / "inputs" / "SOE-Pol-Comp.csv";
  return to_actor_table(import_ktab(path).scenario);
}

SmpParameters parameters(const ModelParameters& given, const ActorTable& table) {
  SmpParameters p = parse_smp_parameters(given, table);
  p.report_pce = false;
  return p;
}

// The first turn of dummyData_3Dim with KTAB's defaults, as KTAB records it
// (expected/d3-default.csv): actor 0 moves from (75.79, 6.37, 70.45) to (79.54, 44.71, 72.05).
TEST(Smp, FirstTurnOfKtabsDefaultRun) {
  const ActorTable table = d3_table();
  SmpParameters p = parameters({{"ktab_compatible", "true"}}, table);
  p.max_turns = 1;
  const SmpResult result = run_smp(table, p);
  ASSERT_EQ(result.turns(), 1u);
  EXPECT_NEAR(result.positions[1][0], 79.54, 1e-9);
  EXPECT_NEAR(result.positions[1][1], 44.71, 1e-9);
  EXPECT_NEAR(result.positions[1][2], 72.05, 1e-9);
  EXPECT_EQ(result.stop_reason.find("turn limit 1"), 0u) << result.stop_reason;
}

TEST(Smp, StochasticRunsAreDeterministicForASeed) {
  const ActorTable table = soe_table();
  for (const bool ktab : {false, true}) {
    SmpParameters p = parameters({{"StateTransitions", "Stochastic"}}, table);
    p.set_ktab_compatible(ktab);
    p.seed = 42;
    const SmpResult a = run_smp(table, p);
    const SmpResult b = run_smp(table, p);
    EXPECT_EQ(a.positions, b.positions);
    p.seed = 7;
    const SmpResult c = run_smp(table, p);
    EXPECT_NE(a.positions, c.positions) << "different seeds should draw different bargains";
  }
}

TEST(Smp, AsymmetricProspectsAreDeterministic) {
  const ActorTable table = soe_table();
  for (const bool ktab : {false, true}) {
    SmpParameters p = parameters({{"VotingRule", "ASymProsp"}}, table);
    p.set_ktab_compatible(ktab);
    const SmpResult a = run_smp(table, p);
    EXPECT_EQ(a.positions, run_smp(table, p).positions);
    EXPECT_GE(a.turns(), 2u);
  }
}

TEST(Smp, KtabThirdPartiesCancelUnlessTheySemiCommit) {
  const ActorTable table = d3_table();
  auto run = [&](const char* commit, bool ktab) {
    SmpParameters p = parameters({{"ThirdPartyCommit", commit}}, table);
    p.set_ktab_compatible(ktab);
    return run_smp(table, p).positions;
  };
  EXPECT_EQ(run("NoCommit", true), run("FullCommit", true));  // KTAB's defect
  EXPECT_NE(run("NoCommit", false), run("FullCommit", false));
}

TEST(Smp, ReceiverQuirksChangeOnlyTheirBargainingModels) {
  const ActorTable table = soe_table();
  auto run = [&](const ModelParameters& given) { return run_smp(table, parameters(given, table)).positions; };
  for (const char* model : {"InitRcvrInterp", "PWCompInterp"})
    EXPECT_NE(run({{"BargnModel", model}, {"ktab_third_party_quirk", "true"}}),
              run({{"BargnModel", model}, {"ktab_compatible", "true"}}))
        << model;
  // InitOnlyInterp never asks the receiver: the receiver and capability quirks are inert.
  EXPECT_EQ(run({{"ktab_third_party_quirk", "true"}}), run({{"ktab_compatible", "true"}}));
}

TEST(Smp, PositionsStayOnTheDimensionScale) {
  ActorTable table = soe_table();
  const SmpResult on_100 = run_smp(table, parameters({}, table));
  for (std::size_t k = 0; k < table.dimension_count(); ++k) {
    table.lower[k] = -1;
    table.upper[k] = 1;
  }
  for (double& x : table.position) x = x / 50.0 - 1;
  const SmpResult on_1 = run_smp(table, parameters({}, table));
  ASSERT_EQ(on_100.turns(), on_1.turns());
  for (std::size_t t = 0; t < on_1.positions.size(); ++t)
    for (std::size_t i = 0; i < on_1.positions[t].size(); ++i) {
      EXPECT_NEAR(on_1.positions[t][i], on_100.positions[t][i] / 50.0 - 1, 1e-9);
      EXPECT_GE(on_1.positions[t][i], -1.0);
      EXPECT_LE(on_1.positions[t][i], 1.0);
    }
}

TEST(Smp, IdealsLagPositionsUnderPartialAccommodation) {
  const ActorTable table = soe_table();
  std::string pairs;
  for (const auto& id : table.actors) pairs += (pairs.empty() ? "" : ", ") + ("[\"" + id + "\", \"" + id + "\", 0.5]");
  const SmpParameters p = parameters({{"IdealAdjustment", "[" + pairs + "]"}}, table);
  ASSERT_EQ(p.accommodation.size(), table.actor_count() * table.actor_count());
  const SmpResult result = run_smp(table, p);
  ASSERT_GE(result.turns(), 1u);
  // ideal(1) = 0.5 position(1) + 0.5 ideal(0)
  for (std::size_t i = 0; i < result.positions[1].size(); ++i)
    EXPECT_NEAR(result.ideals[1][i], 0.5 * result.positions[1][i] + 0.5 * result.positions[0][i], 1e-9);
}

TEST(Smp, SaliencesSummingAboveOneAreRescaled) {
  ActorTable table = d3_table();
  for (double& s : table.salience) s = std::min(1.0, s * 3);
  const SmpResult result = run_smp(table, parameters({}, table));
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_NE(result.notes[0].find("rescaled"), std::string::npos);
}

TEST(Smp, BigRAdjustFullRunsAndNotesKtabAborts) {
  const ActorTable table = d3_table();
  const SmpResult result = run_smp(table, parameters({{"BigRAdjust", "Full"}, {"ktab_compatible", "true"}}, table));
  EXPECT_GE(result.turns(), 2u);
  ASSERT_FALSE(result.notes.empty());
  EXPECT_NE(result.notes.back().find("KTAB aborts"), std::string::npos);
}

TEST(Smp, RejectsTablesItCannotRun) {
  ActorTable table = d3_table();
  table.capability[2] = 0;
  EXPECT_THROW(run_smp(table, SmpParameters{}), std::invalid_argument);
  table = d3_table();
  table.salience[4] = -0.1;
  EXPECT_THROW(run_smp(table, SmpParameters{}), std::invalid_argument);
}

TEST(SmpParametersTest, KtabNamesValuesAndDefaults) {
  const ActorTable table = d3_table();
  const SmpParameters defaults = parse_smp_parameters({}, table);
  EXPECT_EQ(defaults.victory, VictoryProbModel::linear);
  EXPECT_EQ(defaults.pce, PceModel::conditional);
  EXPECT_EQ(defaults.voting, VotingRule::prop);
  EXPECT_EQ(defaults.big_r_adjust, smp::BigRAdjust::one_third);
  EXPECT_EQ(defaults.big_r_range, smp::BigRRange::mid);
  EXPECT_EQ(defaults.third_party, smp::ThirdPartyCommit::semi_commit);
  EXPECT_EQ(defaults.interpolation, smp::InterVecBrgn::s2p2);
  EXPECT_EQ(defaults.bargaining, smp::BargnModel::init_only_interp);
  EXPECT_FALSE(defaults.quirks.third_party_same_probability);
  for (const auto& info : smp::ktab_parameters()) {
    EXPECT_NE(std::find(info.values.begin(), info.values.end(), info.default_value), info.values.end());
    for (const auto& value : info.values) EXPECT_NO_THROW(parse_smp_parameters({{info.name, value}}, table));
  }
  const SmpParameters p = parse_smp_parameters({{"PCEModel", "markovincentive"},
                                                {"ktab_compatible", "true"},
                                                {"ktab_pwcomp_capability_quirk", "false"},
                                                {"max_turns", "7"}},
                                               table);
  EXPECT_EQ(p.pce, PceModel::markov_incentive);
  EXPECT_TRUE(p.quirks.receiver_utility_as_probability);
  EXPECT_TRUE(p.quirks.third_party_same_probability);
  EXPECT_FALSE(p.quirks.pwcomp_initiator_capability);
  EXPECT_EQ(p.max_turns, 7);
}

std::string param_error(const ModelParameters& given) {
  try {
    parse_smp_parameters(given, d3_table());
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "model parameter");
    return e.what();
  }
  ADD_FAILURE() << "no parley::Error";
  return {};
}

TEST(SmpParametersTest, ErrorsNameTheValidChoices) {
  const std::string unknown = param_error({{"VictoryProbModl", "Linear"}});
  EXPECT_NE(unknown.find("unknown SMP parameter 'VictoryProbModl'"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("did you mean 'VictoryProbModel'"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("BargnModel"), std::string::npos) << unknown;
  const std::string value = param_error({{"VotingRule", "Proportional"}});
  EXPECT_NE(value.find("Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp"), std::string::npos) << value;
  EXPECT_NE(param_error({{"ktab_compatible", "maybe"}}).find("true, false"), std::string::npos);
  EXPECT_NE(param_error({{"max_turns", "0"}}).find("max_turns"), std::string::npos);
  EXPECT_NE(param_error({{"IdealAdjustment", "[[\"SActor-00\", \"nobody\", 0.5]]"}}).find("no actor 'nobody'"),
            std::string::npos);
  EXPECT_NE(param_error({{"IdealAdjustment", "[[\"SActor-00\", \"SActor-01\", 0.5]]"}}).find("sum to 1.5"),
            std::string::npos);
  EXPECT_NE(param_error({{"IdealAdjustment", "{"}}).find("JSON"), std::string::npos);
}

TEST(SmpParametersTest, IdealAdjustmentTextFormat) {
  const ActorTable table = d3_table();
  const std::size_t n = table.actor_count();
  // Whitespace anywhere between tokens, JSON numbers, JSON escapes in ids.
  const SmpParameters p = parameters(
      {{"IdealAdjustment", " [ [\"SActor-00\" ,\"SActor-01\", 2.5e-1],\n[\"SActor-00\", \"SActor-00\", 0.75] ] "}},
      table);
  ASSERT_EQ(p.accommodation.size(), n * n);
  EXPECT_EQ(p.accommodation[0 * n + 1], 0.25);
  EXPECT_EQ(p.accommodation[0 * n + 0], 0.75);
  EXPECT_EQ(p.accommodation[1 * n + 1], 1.0);  // rows not named keep the identity
  EXPECT_EQ(parameters({{"IdealAdjustment", "[]"}}, table).accommodation[0 * n + 1], 0.0);
  // Errors say what was expected and where.
  const std::string unclosed = param_error({{"IdealAdjustment", "[[\"SActor-00\", \"SActor-01\", 0.5]"}});
  EXPECT_NE(unclosed.find("expected ']' at the end of the text"), std::string::npos) << unclosed;
  const std::string rate = param_error({{"IdealAdjustment", "[[\"SActor-00\", \"SActor-01\", half]]"}});
  EXPECT_NE(rate.find("expected a rate (a number) at character 29"), std::string::npos) << rate;
  EXPECT_NE(param_error({{"IdealAdjustment", "[[\"SActor-00\", \"SActor-01\", 0.5]] x"}}).find("text after"),
            std::string::npos);
  EXPECT_NE(param_error({{"IdealAdjustment", "[[\"SActor-00\", \"SActor-01\", 1.5]]"}}).find("rate 1.5 must be in [0,1]"),
            std::string::npos);
  EXPECT_NE(param_error({{"IdealAdjustment", "[[\"SActor-00, 0.5]]"}}).find("closing"), std::string::npos);
  const std::string escaped = param_error({{"IdealAdjustment", R"([["a\"b\\c\/", "SActor-00", 0.5]])"}});
  EXPECT_NE(escaped.find(R"(no actor 'a"b\c/')"), std::string::npos) << escaped;
  EXPECT_NE(param_error({{"IdealAdjustment", R"([["\u0041", "SActor-00", 0.5]])"}}).find("unsupported escape"),
            std::string::npos);
}

TEST(SmpModelTest, FillsTheForecast) {
  const ActorTable table = soe_table();
  const SmpModel model;
  EXPECT_EQ(model.name(), "smp");
  const Forecast f = model.run(table, {{"ktab_compatible", "true"}}, 0);
  EXPECT_EQ(f.model, "smp");
  ASSERT_EQ(f.outcome.size(), 2u);
  const auto& details = std::get<SmpDetails>(f.details);
  EXPECT_EQ(f.rounds.size(), details.turns + 1);
  EXPECT_EQ(f.rounds.front(), table.position);
  EXPECT_FALSE(f.stop_reason.empty());
  const auto& turns = details.position_probabilities;
  ASSERT_EQ(turns.size(), f.rounds.size());
  for (const auto& turn : turns) {
    double total = 0;
    std::size_t holders = 0;
    for (std::size_t u = 0; u < turn.positions.size(); ++u) {
      total += turn.probability[u];
      holders += turn.holders[u].size();
    }
    EXPECT_NEAR(total, 1.0, 1e-9);
    EXPECT_EQ(holders, table.actor_count());
  }
  // The outcome is the probability-weighted mean of the last turn's distinct positions.
  std::vector<double> mean(2, 0.0);
  for (std::size_t u = 0; u < turns.back().positions.size(); ++u)
    for (std::size_t k = 0; k < 2; ++k) mean[k] += turns.back().probability[u] * turns.back().positions[u][k];
  EXPECT_NEAR(f.outcome[0], mean[0], 1e-9);
  EXPECT_NEAR(f.outcome[1], mean[1], 1e-9);
  EXPECT_EQ(details.weighted_mean, f.outcome);
  for (double probability : turns.back().probability)
    EXPECT_LE(probability, turns.back().probability[details.most_probable]);
  EXPECT_EQ(details.parameters.victory, VictoryProbModel::linear);
  EXPECT_TRUE(details.parameters.quirks.receiver_utility_as_probability);  // ktab_compatible=true
  EXPECT_TRUE(details.ideals.empty());  // no IdealAdjustment
  EXPECT_THROW(model.run(table, {{"Nonsense", "1"}}, 0), Error);
}

}  // namespace
}  // namespace parley
