// SmpModel: SMP behind the ForecastModel interface — ModelParameters in, Forecast out.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "parley/core/error.hpp"
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
  throw field_error(kField,
                    fmt::format("'{}' is not a value of SMP parameter {}{}; use one of: {}", value, name,
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
      p.accommodation = accommodation_from_text(value, table);
    } else if (same_word(name, kMaxTurns)) {
      int turns = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), turns);
      if (error != std::errc() || end != value.data() + value.size() || turns < 1)
        throw field_error(kField, fmt::format("{} must be a whole number >= 1, not '{}'", kMaxTurns, value));
      p.max_turns = turns;
    } else {
      const std::string guess = closest_match(name, names);
      throw field_error(kField,
                        fmt::format("unknown SMP parameter '{}'{}; the parameters are: {}", name,
                                    guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess), joined(names)),
                        ErrorKind::unknown_name);
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
