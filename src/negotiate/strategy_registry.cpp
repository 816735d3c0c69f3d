// The strategy registry: names, parameters with defaults and ranges, parsing of
// "name:k=v,..." specs, and construction.

#include <algorithm>
#include <charconv>
#include <cmath>

#include "parley/core/error.hpp"
#include "parley/core/parse_number.hpp"
#include "parley/negotiate/strategies.hpp"
#include "strategy_base.hpp"

namespace parley {
namespace {

using Factory = std::unique_ptr<Negotiator> (*)(const std::string&, const detail::ParamMap&, std::uint64_t);

// How a parameter's value is checked: a number in [lo, hi] (lo excluded when open_low), or one
// of `choices` (separated by '|').
struct Check {
  double lo = 0, hi = 0;
  bool open_low = false;
  std::string_view choices;
};

struct Entry {
  StrategyInfo info;
  std::vector<Check> checks;  // one per info.params entry
  Factory factory;
};

void add(std::vector<Entry>& table, std::string_view name, std::string_view summary, std::string_view source,
         std::vector<StrategyParamInfo> params, std::vector<Check> checks, Factory factory) {
  Entry entry;
  entry.info.name = name;
  entry.info.summary = summary;
  entry.info.source = source;
  entry.info.params = std::move(params);
  entry.checks = std::move(checks);
  entry.factory = factory;
  table.push_back(std::move(entry));
}

std::vector<StrategyParamInfo> aspiration_params(std::string_view e_default) {
  std::vector<StrategyParamInfo> params;
  params.push_back({"e", e_default, "aspiration exponent: > 1 concedes late (Boulware), < 1 early (conceder)"});
  params.push_back({"max", "1", "max_aspiration: aspiration at t = 0, in (0, 1]"});
  params.push_back({"model", "none", "opponent model for offer choice: none | frequency"});
  params.push_back({"window", "8", "with model=frequency: outcomes at or above the target to choose among"});
  return params;
}

std::vector<Check> aspiration_checks() {
  std::vector<Check> checks(4);
  checks[0] = {0, 1e6, true, {}};
  checks[1] = {0, 1, true, {}};
  checks[2] = {0, 0, false, "none|frequency"};
  checks[3] = {1, 1e9, false, {}};
  return checks;
}

std::vector<Entry> build_entries() {
  constexpr std::string_view kAspirationSource =
      "Faratin, Sierra & Jennings 1998; NegMAS AspirationNegotiator (presorted)";
  std::vector<Entry> t;
  add(t, "aspiration", "time-based concession on the aspiration curve max*(1 - t^e)", kAspirationSource,
      aspiration_params("4"), aspiration_checks(), &detail::make_aspiration);
  add(t, "boulware", "aspiration with e = 4: tough until late (NegMAS BoulwareTBNegotiator)", kAspirationSource,
      aspiration_params("4"), aspiration_checks(), &detail::make_aspiration);
  add(t, "linear", "aspiration with e = 1: concedes at a constant rate", kAspirationSource, aspiration_params("1"),
      aspiration_checks(), &detail::make_aspiration);
  add(t, "conceder", "aspiration with e = 0.25: concedes early", kAspirationSource, aspiration_params("0.25"),
      aspiration_checks(), &detail::make_aspiration);
  add(t, "hardliner", "offers its best outcome, accepts only as much", "NegMAS ToughNegotiator", {}, {},
      &detail::make_hardliner);
  add(t, "tit_for_tat", "reciprocates the others' concessions, plus a small kindness",
      "Faratin, Sierra & Jennings 1998 (absolute tit-for-tat); NegMAS NaiveTitForTatNegotiator",
      {{"factor", "1", "share of the others' concession (in own utility) returned"},
       {"kindness", "0.01", "unconditional concession per observed offer, share of the rational range"}},
      {{0, 10, false, {}}, {0, 1, false, {}}}, &detail::make_tit_for_tat);
  add(t, "micro", "concedes one new outcome only after the others made a new offer", "de Jonge 2022 (MiCRO), IJCAI",
      {}, {}, &detail::make_micro);
  add(t, "random", "random rational offers; accepts rational offers with probability p_accept",
      "NegMAS RandomNegotiator (rational variant)",
      {{"p_accept", "0.15", "probability of accepting a rational standing offer"},
       {"p_end", "0", "probability of ending the negotiation on each turn"}},
      {{0, 1, false, {}}, {0, 1, false, {}}}, &detail::make_random);
  add(t, "nash", "concedes over time towards its estimate of the Nash point",
      "Nash 1950; BOA Nash offering (Baarslag et al. 2014)",
      {{"model", "frequency", "others' utilities: frequency (estimated) | known (needs complete information)"},
       {"e", "1", "concession exponent towards the Nash point"},
       {"window", "16", "outcomes at or above the target to choose among"}},
      {{0, 0, false, "frequency|known"}, {0, 1e6, true, {}}, {1, 1e9, false, {}}}, &detail::make_nash_seeking);
  add(t, "rubinstein", "subgame-perfect Rubinstein strategy from the discount factors", "Rubinstein 1982, Econometrica",
      {}, {}, &detail::make_rubinstein);
  return t;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = build_entries();
  return table;
}

std::string format_number(double v) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, result.ptr);
}

[[noreturn]] void fail(const std::string& message) { throw field_error("strategy", message); }

const Entry& find_entry(std::string_view name) {
  for (const Entry& e : entries())
    if (e.info.name == name) return e;
  std::string message = "unknown strategy '" + std::string(name) + "'";
  const std::string guess = closest_match(std::string(name), strategy_names());
  if (!guess.empty()) message += " (did you mean '" + guess + "'?)";
  message += "; valid strategies:";
  for (const std::string& n : strategy_names()) message += " " + n;
  fail(message);
}

void check_value(const Entry& entry, std::size_t i, const std::string& value) {
  const StrategyParamInfo& param = entry.info.params[i];
  const Check& check = entry.checks[i];
  auto where = [&param, &entry]() {
    return "parameter '" + std::string(param.key) + "' of strategy '" + std::string(entry.info.name) + "'";
  };
  if (!check.choices.empty()) {
    std::string_view rest = check.choices;
    while (true) {
      const std::size_t bar = rest.find('|');
      if (rest.substr(0, bar) == value) return;
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    std::string choices(check.choices);
    std::replace(choices.begin(), choices.end(), '|', ' ');
    fail(where() + " must be one of: " + choices + " (not '" + value + "')");
  }
  double number = 0;
  const bool parsed = parse_double(value, number);
  const bool in_range = std::isfinite(number) && (check.open_low ? number > check.lo : number >= check.lo) &&
                        number <= check.hi;
  if (!parsed || !in_range) {
    std::string range = (check.open_low ? "(" : "[") + format_number(check.lo) + ", " + format_number(check.hi) + "]";
    fail(where() + " must be a number in " + range + " (not '" + value + "')");
  }
}

}  // namespace

std::string StrategySpec::text() const {
  std::string out = name;
  for (std::size_t i = 0; i < params.size(); ++i) out += (i == 0 ? ":" : ",") + params[i].first + "=" + params[i].second;
  return out;
}

const std::vector<StrategyInfo>& strategy_catalog() {
  static const std::vector<StrategyInfo> catalog = [] {
    std::vector<StrategyInfo> out;
    for (const Entry& e : entries()) out.push_back(e.info);
    return out;
  }();
  return catalog;
}

std::vector<std::string> strategy_names() {
  std::vector<std::string> names;
  for (const Entry& e : entries()) names.emplace_back(e.info.name);
  return names;
}

StrategySpec parse_strategy(std::string_view text) {
  StrategySpec spec;
  const std::size_t colon = text.find(':');
  spec.name = std::string(text.substr(0, colon));
  if (spec.name.empty()) fail("empty strategy name in '" + std::string(text) + "'; expected NAME or NAME:k=v,...");
  const Entry& entry = find_entry(spec.name);
  if (colon == std::string_view::npos) return spec;
  std::string_view rest = text.substr(colon + 1);
  if (rest.empty()) fail("no parameters after ':' in '" + std::string(text) + "'; expected NAME:k=v,...");
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
      fail("malformed parameter '" + std::string(item) + "' in '" + std::string(text) + "'; expected k=v");
    const std::string key(item.substr(0, eq));
    const std::string value(item.substr(eq + 1));
    std::size_t i = 0;
    while (i < entry.info.params.size() && entry.info.params[i].key != key) ++i;
    if (i == entry.info.params.size()) {
      std::string message = "unknown parameter '" + key + "' of strategy '" + spec.name + "'; ";
      if (entry.info.params.empty()) {
        message += "it takes none";
      } else {
        message += "valid parameters:";
        for (const StrategyParamInfo& param : entry.info.params)
          message += " " + std::string(param.key) + " (default " + std::string(param.default_value) + ")";
      }
      fail(message);
    }
    for (const auto& done : spec.params)
      if (done.first == key) fail("parameter '" + key + "' given twice in '" + std::string(text) + "'");
    check_value(entry, i, value);
    spec.params.emplace_back(key, value);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return spec;
}

std::unique_ptr<Negotiator> make_negotiator(const StrategySpec& spec, std::uint64_t seed) {
  const Entry& entry = find_entry(spec.name);
  detail::ParamMap params;
  for (const StrategyParamInfo& param : entry.info.params) params.set(param.key, param.default_value);
  for (const auto& given : spec.params) {
    std::size_t i = 0;
    while (i < entry.info.params.size() && entry.info.params[i].key != given.first) ++i;
    if (i == entry.info.params.size()) fail("unknown parameter '" + given.first + "' of strategy '" + spec.name + "'");
    check_value(entry, i, given.second);
    params.set(entry.info.params[i].key, given.second);
  }
  return entry.factory(spec.text(), params, seed);
}

std::unique_ptr<Negotiator> make_negotiator(std::string_view text, std::uint64_t seed) {
  return make_negotiator(parse_strategy(text), seed);
}

}  // namespace parley
