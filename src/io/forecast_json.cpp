#include "parley/io/forecast_json.hpp"

#include <utility>
#include <variant>

namespace parley {

namespace {

nlohmann::json actor_names(const std::vector<std::size_t>& actors, const ActorTable& table) {
  nlohmann::json names = nlohmann::json::array();
  for (std::size_t i : actors) names.push_back(table.actors[i]);
  return names;
}

nlohmann::json details_json(const CompromiseDetails& details, const ActorTable& table) {
  nlohmann::json dimensions = nlohmann::json::array();
  for (std::size_t d = 0; d < details.dimensions.size(); ++d)
    dimensions.push_back({{"dimension", table.dimensions[d]},
                          {"total_weight", details.dimensions[d].total_weight},
                          {"actors_counted", details.dimensions[d].actors_counted}});
  return {{"capability_exponent", details.capability_exponent},
          {"salience_exponent", details.salience_exponent},
          {"dimensions", std::move(dimensions)}};
}

nlohmann::json details_json(const MedianDetails& details, const ActorTable&) {
  return {{"capability_exponent", details.capability_exponent}, {"salience_exponent", details.salience_exponent}};
}

nlohmann::json details_json(const NashDetails& details, const ActorTable& table) {
  nlohmann::json dimensions = nlohmann::json::array();
  for (std::size_t d = 0; d < details.dimensions.size(); ++d)
    dimensions.push_back({{"dimension", table.dimensions[d]},
                          {"disagreement", to_string(details.dimensions[d].disagreement)},
                          {"at_disagreement_point", details.dimensions[d].at_disagreement_point}});
  return {{"utility_exponent", details.utility_exponent}, {"dimensions", std::move(dimensions)}};
}

nlohmann::json eum_round_json(const EumRun& run, std::size_t r, bool offers_recorded, const ActorTable& table) {
  const EumRound& round = run.rounds[r];
  nlohmann::json record = {{"round", r + 1}, {"median", round.median}, {"mean", round.mean}};
  nlohmann::json risk = nlohmann::json::object();
  for (std::size_t i : run.participants) risk[table.actors[i]] = round.risk_exponents[i];
  record["risk_exponents"] = std::move(risk);
  if (offers_recorded) {
    nlohmann::json offers = nlohmann::json::array();
    for (const EumOffer& offer : round.offers)
      offers.push_back({{"to", table.actors[offer.receiver]},
                        {"from", table.actors[offer.proposer]},
                        {"type", to_string(offer.kind)},
                        {"position", offer.position},
                        {"eu_receiver", offer.receiver_eu},
                        {"eu_proposer", offer.proposer_eu},
                        {"accepted", offer.accepted}});
    record["offers"] = std::move(offers);
  }
  return record;
}

nlohmann::json details_json(const EumDetails& details, const ActorTable& table) {
  nlohmann::json dimensions = nlohmann::json::array();
  for (std::size_t d = 0; d < details.dimensions.size(); ++d) {
    const EumRun& run = details.dimensions[d];
    nlohmann::json medians = nlohmann::json::array({run.initial_median});
    nlohmann::json means = nlohmann::json::array({run.initial_mean});
    nlohmann::json rounds = nlohmann::json::array();
    for (std::size_t r = 0; r < run.rounds.size(); ++r) {
      medians.push_back(run.rounds[r].median);
      means.push_back(run.rounds[r].mean);
      rounds.push_back(eum_round_json(run, r, details.offers_recorded, table));
    }
    dimensions.push_back({{"dimension", table.dimensions[d]},
                          {"stop_reason", run.stop_reason},
                          {"rounds_played", run.rounds.size()},
                          {"rounds", std::move(rounds)},
                          {"medians", std::move(medians)},
                          {"means", std::move(means)}});
  }
  return {{"dimensions", std::move(dimensions)}};
}

nlohmann::json smp_parameters_json(const SmpParameters& p) {
  nlohmann::json out = {{"VictoryProbModel", smp::to_string(p.victory)},
                        {"PCEModel", smp::to_string(p.pce)},
                        {"StateTransitions", smp::to_string(p.transitions)},
                        {"VotingRule", smp::to_string(p.voting)},
                        {"BigRAdjust", smp::to_string(p.big_r_adjust)},
                        {"BigRRange", smp::to_string(p.big_r_range)},
                        {"ThirdPartyCommit", smp::to_string(p.third_party)},
                        {"InterVecBrgn", smp::to_string(p.interpolation)},
                        {"BargnModel", smp::to_string(p.bargaining)},
                        {"ktab_receiver_utility_quirk", p.quirks.receiver_utility_as_probability},
                        {"ktab_pwcomp_capability_quirk", p.quirks.pwcomp_initiator_capability},
                        {"ktab_third_party_quirk", p.quirks.third_party_same_probability},
                        {"max_turns", p.max_turns}};
  if (p.transitions == smp::StateTransitions::stochastic) out["seed"] = p.seed;
  return out;
}

nlohmann::json position_json(const SmpPositionDistribution& distribution, std::size_t u, const ActorTable& table) {
  return {{"position", distribution.positions[u]},
          {"probability", distribution.probability[u]},
          {"actors", actor_names(distribution.holders[u], table)}};
}

nlohmann::json details_json(const SmpDetails& details, const ActorTable& table) {
  nlohmann::json turns = nlohmann::json::array();
  for (const SmpPositionDistribution& distribution : details.position_probabilities) {
    nlohmann::json positions = nlohmann::json::array();
    for (std::size_t u = 0; u < distribution.positions.size(); ++u)
      positions.push_back(position_json(distribution, u, table));
    turns.push_back(std::move(positions));
  }
  nlohmann::json out = {{"parameters", smp_parameters_json(details.parameters)},
                        {"turns", details.turns},
                        {"converged", details.converged},
                        {"weighted_mean", details.weighted_mean}};
  if (!details.position_probabilities.empty())
    out["most_probable"] = position_json(details.position_probabilities.back(), details.most_probable, table);
  out["position_probabilities"] = std::move(turns);
  if (!details.parameters.accommodation.empty()) out["ideals"] = details.ideals;
  if (!details.notes.empty()) out["notes"] = details.notes;
  return out;
}

nlohmann::json details_json(const ExchangeDetails& details, const ActorTable& table) {
  nlohmann::json exchanges = nlohmann::json::array();
  for (const Exchange& e : details.exchanges)
    exchanges.push_back({{"round", e.round},
                         {"actor", table.actors[e.i]},
                         {"moves_on", table.dimensions[e.q]},
                         {"from", e.i_position_before},
                         {"to", e.i_position_after},
                         {"partner", table.actors[e.j]},
                         {"partner_moves_on", table.dimensions[e.p]},
                         {"partner_from", e.j_position_before},
                         {"partner_to", e.j_position_after},
                         {"gain", e.gain}});
  return {{"exchanges", std::move(exchanges)}, {"outcomes", details.outcomes}};
}

nlohmann::json details_json(const std::monostate&, const ActorTable&) { return nlohmann::json::object(); }

}  // namespace

nlohmann::json forecast_details_to_json(const ForecastDetails& details, const ActorTable& table) {
  return std::visit([&](const auto& typed) { return details_json(typed, table); }, details);
}

nlohmann::json forecast_to_json(const Forecast& forecast, const ActorTable& table) {
  nlohmann::json outcome = nlohmann::json::object();
  for (std::size_t d = 0; d < forecast.outcome.size(); ++d) outcome[table.dimensions[d]] = forecast.outcome[d];
  nlohmann::json entry = {{"outcome", std::move(outcome)}};
  if (!forecast.rounds.empty()) {
    entry["rounds"] = forecast.rounds.size() - 1;
    entry["stop_reason"] = forecast.stop_reason;
    entry["positions"] = forecast.rounds;
  }
  entry["details"] = forecast_details_to_json(forecast.details, table);
  return entry;
}

nlohmann::json evaluation_to_json(const Evaluation& evaluation, bool timings) {
  nlohmann::json scores = nlohmann::json::array();
  for (const ModelScore& s : evaluation.scores) {
    nlohmann::json score{{"name", s.name},
                         {"description", s.description},
                         {"n", s.n},
                         {"mae", s.mae},
                         {"median_ae", s.median_ae},
                         {"hit5", s.hit5},
                         {"hit10", s.hit10},
                         {"cross_validated", s.cross_validated},
                         {"fitted", s.fitted}};
    // Out of sample only: null for a row without an interval or without folds.
    score["coverage80"] = s.coverage80 ? nlohmann::json(*s.coverage80) : nlohmann::json(nullptr);
    score["width80"] = s.width80 ? nlohmann::json(*s.width80) : nlohmann::json(nullptr);
    if (s.coverage80) {
      score["interval_draws"] = s.interval_draws;
      score["interval_fitted"] = s.interval_fitted;
    }
    if (timings) score["seconds"] = s.seconds;
    scores.push_back(std::move(score));
  }
  nlohmann::json document{{"cases", evaluation.cases}, {"folds", evaluation.folds}, {"seed", evaluation.seed},
                          {"notes", evaluation.notes}, {"scores", std::move(scores)}};
  if (timings) document["seconds"] = evaluation.seconds;
  return document;
}

}  // namespace parley
