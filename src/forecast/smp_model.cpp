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

std::vector<std::string> parameter_names() {
  std::vector<std::string> names;
  for (const auto& info : smp::ktab_parameters()) names.push_back(info.name);
  for (const char* name : {kKtabCompatible, kReceiverQuirk, kPwcompQuirk, kThirdPartyQuirk, kIdealAdjustment, kMaxTurns})
    names.push_back(name);
  return names;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

bool same_word(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

[[noreturn]] void bad_value(const std::string& name, const std::string& value, const std::vector<std::string>& valid) {
  const std::string guess = closest_match(value, valid);
  throw field_error("model parameter", fmt::format("'{}' is not a value of SMP parameter {}{}; use one of: {}", value, name,
                                          guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess), joined(valid)));
}

// Index of `value` among the KTAB spellings of parameter `name` (case-insensitive).
std::size_t ktab_value(const smp::ParameterInfo& info, const std::string& value) {
  for (std::size_t i = 0; i < info.values.size(); ++i)
    if (same_word(info.values[i], value)) return i;
  bad_value(info.name, value, info.values);
}

bool flag(const std::string& name, const std::string& value) {
  for (const char* yes : {"true", "1", "yes", "on"})
    if (same_word(value, yes)) return true;
  for (const char* no : {"false", "0", "no", "off"})
    if (same_word(value, no)) return false;
  bad_value(name, value, {"true", "false"});
}

std::vector<double> accommodation_from_json(const std::string& text, const ActorTable& table) {
  nlohmann::json pairs;
  try {
    pairs = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw field_error("model parameter", fmt::format("{} must be a JSON list of [adjusting actor, reference actor, rate] "
                                            "triples: {}",
                                            kIdealAdjustment, e.what()));
  }
  const std::size_t n = table.actor_count();
  std::vector<double> a(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0;
  auto actor_index = [&](const nlohmann::json& id) {
    if (!id.is_string()) throw field_error("model parameter", fmt::format("{}: actors are named by their ids", kIdealAdjustment));
    const auto it = std::find(table.actors.begin(), table.actors.end(), id.get<std::string>());
    if (it == table.actors.end()) {
      const std::string guess = closest_match(id.get<std::string>(), table.actors);
      throw field_error("model parameter", fmt::format("{}: no actor '{}'{}", kIdealAdjustment, id.get<std::string>(),
                                              guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
    }
    return static_cast<std::size_t>(it - table.actors.begin());
  };
  if (!pairs.is_array())
    throw field_error("model parameter", fmt::format("{} must be a JSON list of [adjusting actor, reference actor, rate] triples",
                                            kIdealAdjustment));
  for (const auto& triple : pairs) {
    if (!triple.is_array() || triple.size() != 3 || !triple[2].is_number())
      throw field_error("model parameter", fmt::format("{}: each entry must be [adjusting actor, reference actor, rate], not {}",
                                              kIdealAdjustment, triple.dump()));
    const double rate = triple[2].get<double>();
    if (!(rate >= 0 && rate <= 1))
      throw field_error("model parameter", fmt::format("{}: rate {} must be in [0,1]", kIdealAdjustment, rate));
    a[actor_index(triple[0]) * n + actor_index(triple[1])] = rate;
  }
  for (std::size_t i = 0; i < n; ++i) {
    double row = 0;
    for (std::size_t j = 0; j < n; ++j) row += a[i * n + j];
    if (row > 1 + 1e-10)
      throw field_error("model parameter", fmt::format("{}: the rates of '{}' sum to {}; they must sum to at most 1",
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

SmpParameters parse_smp_parameters(const ModelParameters& parameters, const ActorTable& table) {
  SmpParameters p;
  const auto names = parameter_names();
  // ktab_compatible first: the individual quirk switches override it.
  for (const auto& [name, value] : parameters)
    if (same_word(name, kKtabCompatible)) p.set_ktab_compatible(flag(kKtabCompatible, value));
  for (const auto& entry : parameters) {
    const std::string& name = entry.first;  // not a structured binding: clang 14 cannot capture those
    const std::string& value = entry.second;
    const auto& ktab = smp::ktab_parameters();
    const auto info = std::find_if(ktab.begin(), ktab.end(), [&](const auto& i) { return same_word(i.name, name); });
    if (info != ktab.end()) {
      const std::size_t v = ktab_value(*info, value);
      switch (info - ktab.begin()) {
        case 0: p.victory = static_cast<smp::VictoryProbModel>(v); break;
        case 1: p.pce = static_cast<smp::PceModel>(v); break;
        case 2: p.transitions = static_cast<smp::StateTransitions>(v); break;
        case 3: p.voting = static_cast<smp::VotingRule>(v); break;
        case 4: p.big_r_adjust = static_cast<smp::BigRAdjust>(v); break;
        case 5: p.big_r_range = static_cast<smp::BigRRange>(v); break;
        case 6: p.third_party = static_cast<smp::ThirdPartyCommit>(v); break;
        case 7: p.interpolation = static_cast<smp::InterVecBrgn>(v); break;
        default: p.bargaining = static_cast<smp::BargnModel>(v); break;
      }
    } else if (same_word(name, kKtabCompatible)) {
      // handled above
    } else if (same_word(name, kReceiverQuirk)) {
      p.quirks.receiver_utility_as_probability = flag(name, value);
    } else if (same_word(name, kPwcompQuirk)) {
      p.quirks.pwcomp_initiator_capability = flag(name, value);
    } else if (same_word(name, kThirdPartyQuirk)) {
      p.quirks.third_party_same_probability = flag(name, value);
    } else if (same_word(name, kIdealAdjustment)) {
      p.accommodation = accommodation_from_json(value, table);
    } else if (same_word(name, kMaxTurns)) {
      int turns = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), turns);
      if (error != std::errc() || end != value.data() + value.size() || turns < 1)
        throw field_error("model parameter", fmt::format("{} must be a whole number >= 1, not '{}'", kMaxTurns, value));
      p.max_turns = turns;
    } else {
      const std::string guess = closest_match(name, names);
      throw field_error("model parameter", fmt::format("unknown SMP parameter '{}'{}; the parameters are: {}", name,
                                              guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess),
                                              joined(names)));
    }
  }
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
