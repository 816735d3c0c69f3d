// SmpModel: SMP behind the ForecastModel interface — ModelParameters in, Forecast out.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "parley/forecast/smp.hpp"
#include "parley/core/error.hpp"

namespace parley {

namespace {

constexpr const char* kKtabCompatible = "ktab_compatible";
constexpr const char* kReceiverQuirk = "ktab_receiver_utility_quirk";
constexpr const char* kPwcompQuirk = "ktab_pwcomp_capability_quirk";
constexpr const char* kThirdPartyQuirk = "ktab_third_party_quirk";
constexpr const char* kIdealAdjustment = "IdealAdjustment";
constexpr const char* kMaxTurns = "max_turns";
constexpr const char* kField = "model parameter";

// One line per KTAB parameter (docs/models-smp.md has the equations).
const char* ktab_doc(const std::string& name) {
  if (name == "VictoryProbModel") return "probability that the stronger coalition wins, from the strength ratio";
  if (name == "PCEModel") return "probabilistic Condorcet election: how option probabilities follow from coalitions";
  if (name == "StateTransitions") return "each actor adopts its most probable bargain (Deterministic) or draws one";
  if (name == "VotingRule") return "how an actor's utility difference becomes a vote";
  if (name == "BigRAdjust") return "how far the risk attitude R is pulled towards neutral";
  if (name == "BigRRange") return "range of the risk attitude R";
  if (name == "ThirdPartyCommit") return "how third parties commit their votes in a challenge";
  if (name == "InterVecBrgn") return "how the two positions of a bargain are interpolated";
  return "which utilities and capabilities weigh the bargain";  // BargnModel
}

std::vector<double> accommodation_from_json(const std::string& text, const ActorTable& table) {
  nlohmann::json pairs;
  try {
    pairs = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw field_error(kField, fmt::format("{} must be a JSON list of [adjusting actor, reference actor, rate] "
                                            "triples: {}",
                                            kIdealAdjustment, e.what()));
  }
  const std::size_t n = table.actor_count();
  std::vector<double> a(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0;
  auto actor_index = [&](const nlohmann::json& id) {
    if (!id.is_string()) throw field_error(kField, fmt::format("{}: actors are named by their ids", kIdealAdjustment));
    const auto it = std::find(table.actors.begin(), table.actors.end(), id.get<std::string>());
    if (it == table.actors.end()) {
      const std::string guess = closest_match(id.get<std::string>(), table.actors);
      throw field_error(kField, fmt::format("{}: no actor '{}'{}", kIdealAdjustment, id.get<std::string>(),
                                              guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
    }
    return static_cast<std::size_t>(it - table.actors.begin());
  };
  if (!pairs.is_array())
    throw field_error(kField, fmt::format("{} must be a JSON list of [adjusting actor, reference actor, rate] triples",
                                            kIdealAdjustment));
  for (const auto& triple : pairs) {
    if (!triple.is_array() || triple.size() != 3 || !triple[2].is_number())
      throw field_error(kField, fmt::format("{}: each entry must be [adjusting actor, reference actor, rate], not {}",
                                              kIdealAdjustment, triple.dump()));
    const double rate = triple[2].get<double>();
    if (!(rate >= 0 && rate <= 1))
      throw field_error(kField, fmt::format("{}: rate {} must be in [0,1]", kIdealAdjustment, rate));
    a[actor_index(triple[0]) * n + actor_index(triple[1])] = rate;
  }
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0;
    for (std::size_t j = 0; j < n; ++j) row += a[i * n + j];
    if (row > 1 + 1e-10)
      throw field_error(kField, fmt::format("{}: the rates of '{}' sum to {}; they must sum to at most 1",
                                              kIdealAdjustment, table.actors[i], row));
  }
  return a;
}

nlohmann::json distribution_json(const SmpPositionDistribution& d, const ActorTable& table) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t u = 0; u < d.positions.size(); ++u) {
    nlohmann::json holders = nlohmann::json::array();
    for (std::size_t i : d.holders[u]) holders.push_back(table.actors[i]);
    out.push_back({{"position", d.positions[u]}, {"probability", d.probability[u]}, {"actors", holders}});
  }
  return out;
}

}  // namespace

std::vector<ParamSpec> SmpModel::parameter_specs() const {
  std::vector<ParamSpec> specs;
  for (const auto& info : smp::ktab_parameters())
    specs.push_back(ParamSpec::choice(info.name, info.values, info.default_value, ktab_doc(info.name)));
  specs.push_back(ParamSpec::boolean(kKtabCompatible, false,
                                     "reproduce KTAB's recorded runs, defects included (sets the three quirks)"));
  specs.push_back(ParamSpec::boolean(kReceiverQuirk, false,
                                     "KTAB defect: the receiver's utility gain used as a probability (default: ktab_compatible)"));
  specs.push_back(ParamSpec::boolean(kPwcompQuirk, false,
                                     "KTAB defect: PWCompInterp weighs with the initiator's capability (default: ktab_compatible)"));
  specs.push_back(ParamSpec::boolean(kThirdPartyQuirk, false,
                                     "KTAB defect: third parties use one victory probability (default: ktab_compatible)"));
  specs.push_back(ParamSpec::text(kIdealAdjustment, "",
                                  "JSON [[adjusting actor, reference actor, rate], ...]; default: ideals follow positions"));
  specs.push_back(ParamSpec::integer(kMaxTurns, 100, {1}, "turns at most"));
  return specs;
}

SmpParameters parse_smp_parameters(const ModelParameters& parameters, const ActorTable& table) {
  // KTAB's names and values match in any case.
  const ParamValues v =
      parse_params(SmpModel().parameter_specs(), parameters, ParamOwner{kField, "SMP parameter", "", "", true});
  SmpParameters p;
  p.victory = static_cast<smp::VictoryProbModel>(v.choice("VictoryProbModel"));
  p.pce = static_cast<smp::PceModel>(v.choice("PCEModel"));
  p.transitions = static_cast<smp::StateTransitions>(v.choice("StateTransitions"));
  p.voting = static_cast<smp::VotingRule>(v.choice("VotingRule"));
  p.big_r_adjust = static_cast<smp::BigRAdjust>(v.choice("BigRAdjust"));
  p.big_r_range = static_cast<smp::BigRRange>(v.choice("BigRRange"));
  p.third_party = static_cast<smp::ThirdPartyCommit>(v.choice("ThirdPartyCommit"));
  p.interpolation = static_cast<smp::InterVecBrgn>(v.choice("InterVecBrgn"));
  p.bargaining = static_cast<smp::BargnModel>(v.choice("BargnModel"));
  // ktab_compatible sets every quirk; a quirk given on its own overrides it.
  p.set_ktab_compatible(v.flag(kKtabCompatible));
  if (v.given(kReceiverQuirk)) p.quirks.receiver_utility_as_probability = v.flag(kReceiverQuirk);
  if (v.given(kPwcompQuirk)) p.quirks.pwcomp_initiator_capability = v.flag(kPwcompQuirk);
  if (v.given(kThirdPartyQuirk)) p.quirks.third_party_same_probability = v.flag(kThirdPartyQuirk);
  if (v.given(kIdealAdjustment)) p.accommodation = accommodation_from_json(v.text(kIdealAdjustment), table);
  p.max_turns = static_cast<int>(v.integer(kMaxTurns));
  return p;
}

std::string SmpModel::description() const {
  return "KTAB's Spatial Model of Politics: actors challenge, bargain and converge turn by turn "
         "(Wise, KAPSARC KTAB; docs/models-smp.md)";
}

Forecast SmpModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const {
  SmpParameters p = parse_smp_parameters(parameters, table);
  p.seed = seed;
  p.report_pce = true;
  const SmpResult result = run_smp(table, p);

  Forecast forecast;
  forecast.model = name();
  forecast.rounds = result.positions;
  forecast.stop_reason = result.stop_reason;

  const SmpPositionDistribution& last = result.distributions.back();
  const std::size_t dims = table.dimension_count();
  std::vector<double> mean(dims, 0.0);
  std::size_t most_probable = 0;
  for (std::size_t u = 0; u < last.positions.size(); ++u) {
    for (std::size_t k = 0; k < dims; ++k) mean[k] += last.probability[u] * last.positions[u][k];
    if (last.probability[u] > last.probability[most_probable]) most_probable = u;
  }
  forecast.outcome = mean;

  nlohmann::json& d = forecast.details;
  nlohmann::json effective = {
      {"VictoryProbModel", smp::to_string(p.victory)},     {"PCEModel", smp::to_string(p.pce)},
      {"StateTransitions", smp::to_string(p.transitions)}, {"VotingRule", smp::to_string(p.voting)},
      {"BigRAdjust", smp::to_string(p.big_r_adjust)},      {"BigRRange", smp::to_string(p.big_r_range)},
      {"ThirdPartyCommit", smp::to_string(p.third_party)}, {"InterVecBrgn", smp::to_string(p.interpolation)},
      {"BargnModel", smp::to_string(p.bargaining)},        {kReceiverQuirk, p.quirks.receiver_utility_as_probability},
      {kPwcompQuirk, p.quirks.pwcomp_initiator_capability}, {kThirdPartyQuirk, p.quirks.third_party_same_probability},
      {kMaxTurns, p.max_turns}};
  if (p.transitions == smp::StateTransitions::stochastic) effective["seed"] = seed;
  d["parameters"] = effective;
  d["turns"] = result.turns();
  d["converged"] = result.converged;
  d["weighted_mean"] = mean;
  nlohmann::json holders = nlohmann::json::array();
  for (std::size_t i : last.holders[most_probable]) holders.push_back(table.actors[i]);
  d["most_probable"] = {{"position", last.positions[most_probable]},
                        {"probability", last.probability[most_probable]},
                        {"actors", holders}};
  nlohmann::json turns = nlohmann::json::array();
  for (const auto& distribution : result.distributions) turns.push_back(distribution_json(distribution, table));
  d["position_probabilities"] = turns;
  if (!p.accommodation.empty()) d["ideals"] = result.ideals;
  if (!result.notes.empty()) d["notes"] = result.notes;
  return forecast;
}

}  // namespace parley
