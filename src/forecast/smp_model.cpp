// SmpModel: SMP behind the ForecastModel interface — ModelParameters in, Forecast out.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"
#include "parley/forecast/smp.hpp"

namespace parley {

namespace {

constexpr const char* kKtabCompatible = "ktab_compatible";
constexpr const char* kReceiverQuirk = "ktab_receiver_utility_quirk";
constexpr const char* kPwcompQuirk = "ktab_pwcomp_capability_quirk";
constexpr const char* kThirdPartyQuirk = "ktab_third_party_quirk";
constexpr const char* kIdealAdjustment = "IdealAdjustment";
constexpr const char* kMaxTurns = "max_turns";
constexpr const char* kField = "model parameter";  // the field every error here names

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

// IdealAdjustment's text (documented in smp.hpp): triples in JSON array notation,
//   list   = "[" [ triple { "," triple } ] "]"
//   triple = "[" string "," string "," number "]"
// strings double-quoted with the escapes \" \\ \/ \b \f \n \r \t, numbers as in JSON,
// whitespace around every token. Read here so that the forecast layer needs no JSON library.
class AdjustmentText {
 public:
  explicit AdjustmentText(std::string_view text) : text_(text) {}

  struct Triple {
    std::string adjusting, reference;
    double rate = 0;
  };

  std::vector<Triple> triples() {
    std::vector<Triple> out;
    expect('[');
    if (!take(']')) {
      do out.push_back(triple());
      while (take(','));
      expect(']');
    }
    skip_space();
    if (at_ < text_.size()) fail("text after the closing ']'");
    return out;
  }

 private:
  Triple triple() {
    Triple t;
    expect('[');
    t.adjusting = string();
    expect(',');
    t.reference = string();
    expect(',');
    t.rate = number();
    expect(']');
    return t;
  }

  std::string string() {
    expect('"');
    std::string out;
    while (at_ < text_.size() && text_[at_] != '"') {
      char c = text_[at_++];
      if (c == '\\') {
        if (at_ >= text_.size()) break;
        const char escaped = text_[at_++];
        const auto known = std::string_view("\"\\/bfnrt").find(escaped);
        if (known == std::string_view::npos) fail(fmt::format("unsupported escape '\\{}' in an actor id", escaped));
        c = "\"\\/\b\f\n\r\t"[known];
      }
      out += c;
    }
    if (at_ >= text_.size()) fail("an actor id without its closing '\"'");
    ++at_;
    return out;
  }

  double number() {
    skip_space();
    const char* begin = text_.data() + at_;
    const char* end = text_.data() + text_.size();
    double value = 0;
    const bool json_start = at_ < text_.size() && (text_[at_] == '-' || (text_[at_] >= '0' && text_[at_] <= '9'));
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (!json_start || error != std::errc()) fail("expected a rate (a number)");
    at_ += static_cast<std::size_t>(stop - begin);
    return value;
  }

  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }
  bool take(char c) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!take(c)) fail(fmt::format("expected '{}'", c));
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw field_error(kField,
                      fmt::format("{} must be a JSON list of [adjusting actor, reference actor, rate] triples, e.g. "
                                  "[[\"a\", \"b\", 0.5]]: {} {}",
                                  kIdealAdjustment, what,
                                  at_ < text_.size() ? fmt::format("at character {}", at_ + 1) : "at the end of the text"),
                      ErrorKind::syntax);
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

std::vector<double> accommodation_from_text(const std::string& text, const ActorTable& table) {
  const auto triples = AdjustmentText(text).triples();
  const std::size_t n = table.actor_count();
  std::vector<double> a(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0;
  auto actor_index = [&](const std::string& id) {
    const auto it = std::find(table.actors.begin(), table.actors.end(), id);
    if (it == table.actors.end())
      throw field_error(kField, fmt::format("{}: no actor '{}'{}", kIdealAdjustment, id, did_you_mean(id, table.actors)),
                        ErrorKind::unknown_name);
    return static_cast<std::size_t>(it - table.actors.begin());
  };
  for (const auto& triple : triples) {
    if (!(triple.rate >= 0 && triple.rate <= 1))
      throw field_error(kField, fmt::format("{}: rate {} must be in [0,1]", kIdealAdjustment, triple.rate));
    a[actor_index(triple.adjusting) * n + actor_index(triple.reference)] = triple.rate;
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
  if (v.given(kIdealAdjustment)) p.accommodation = accommodation_from_text(v.text(kIdealAdjustment), table);
  p.max_turns = static_cast<int>(v.integer(kMaxTurns));
  return p;
}

// Each turn every actor weighs a challenge to every other with every third party's support
// (n^2 pairs × (n + dims) each); at most max_turns turns. 200 actors on 2 issues: 8·10^8
// steps, 6 s measured.
std::uint64_t SmpModel::work_estimate(const ActorTable& table, const ModelParameters& parameters) const {
  const std::uint64_t n = table.actor_count(), dims = table.dimension_count();
  const ParamValues values = read_parameters(*this, parameters);
  return saturating_product(std::uint64_t(values.integer(kMaxTurns)), n * n, n + dims);
}

std::string SmpModel::description() const {
  return "KTAB's Spatial Model of Politics: actors challenge, bargain and converge turn by turn "
         "(Wise, KAPSARC KTAB; docs/models-smp.md)";
}

Forecast SmpModel::run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const {
  SmpParameters p = parse_smp_parameters(parameters, table);
  p.seed = seed;
  p.report_pce = true;
  SmpResult result = run_smp(table, p);

  Forecast forecast;
  forecast.model = name();
  forecast.stop_reason = std::move(result.stop_reason);

  const SmpPositionDistribution& last = result.distributions.back();
  const std::size_t dims = table.dimension_count();
  std::vector<double> mean(dims, 0.0);
  std::size_t most_probable = 0;
  for (std::size_t u = 0; u < last.positions.size(); ++u) {
    for (std::size_t k = 0; k < dims; ++k) mean[k] += last.probability[u] * last.positions[u][k];
    if (last.probability[u] > last.probability[most_probable]) most_probable = u;
  }
  forecast.outcome = mean;

  SmpDetails details;
  details.turns = result.turns();
  forecast.rounds = std::move(result.positions);
  details.converged = result.converged;
  details.weighted_mean = std::move(mean);
  details.most_probable = most_probable;
  details.position_probabilities = std::move(result.distributions);
  if (!p.accommodation.empty()) details.ideals = std::move(result.ideals);
  details.notes = std::move(result.notes);
  details.parameters = std::move(p);
  forecast.details = std::move(details);
  return forecast;
}

}  // namespace parley
