// The strategy registry: the built-in strategies with their parameter specs (every default
// is written here, once), parsing of "name:k=v,..." specs, and construction.

#include "parley/core/error.hpp"
#include "parley/core/parse_number.hpp"
#include "parley/negotiate/aspiration.hpp"
#include "parley/negotiate/strategies.hpp"
#include "strategy_base.hpp"

namespace parley {
namespace {

constexpr const char* kField = "strategy";

// The aspiration family. Names follow NegMAS's AspirationNegotiator (aspiration_type,
// max_aspiration, tolerance); `e` is parley's short form of a numeric aspiration_type.
std::vector<ParamSpec> aspiration_params(const char* type_default, double e_default, const char* negmas_default) {
  return {
      ParamSpec::choice("aspiration_type", {"boulware", "linear", "conceder"}, type_default,
                        "the named curve: exponent 4 (Boulware), 1 (linear) or 0.25 (conceder)"),
      ParamSpec::number("e", e_default, {0, 1e6, true},
                        "aspiration exponent, given instead of aspiration_type: > 1 concedes late, < 1 early"),
      ParamSpec::number("max_aspiration", 1, {0, 1, true}, "aspiration at t = 0"),
      ParamSpec::number("tolerance", 0.001, {0, 1},
                        "negmas=0.15: accept and offer down to the target minus this (NegMAS's tolerance)"),
      ParamSpec::choice("negmas", {"0.15", "0.8.9"}, negmas_default,
                        "whose definitions: NegMAS 0.15.7 (current) or 0.8.9 (docs/negotiation-protocols.md)"),
      ParamSpec::choice("model", {"none", "frequency"}, "none",
                        "frequency: offer, near the target, what the others are estimated to like best"),
      ParamSpec::number("window", 8, {1, 1e9}, "with model=frequency: outcomes at or above the target to choose among"),
  };
}

void add_builtins(StrategyRegistry& registry) {
  auto add = [&registry](std::string name, std::string summary, std::string source, std::vector<ParamSpec> params,
                         StrategyFactory factory) {
    registry.add(name, StrategyInfo{name, std::move(summary), std::move(source), std::move(params), std::move(factory)});
  };
  const std::string aspiration_source = "Faratin, Sierra & Jennings 1998; NegMAS AspirationNegotiator (0.15.7 or 0.8.9)";
  add("aspiration", "time-based concession on the aspiration curve max_aspiration*(1 - t^e), NegMAS 0.15 by default",
      aspiration_source, aspiration_params("boulware", kBoulwareExponent, "0.15"), &detail::make_aspiration);
  add("boulware", "aspiration with e = 4: tough until late (NegMAS 0.8.9 by default)", aspiration_source,
      aspiration_params("boulware", kBoulwareExponent, "0.8.9"), &detail::make_aspiration);
  add("linear", "aspiration with e = 1: concedes at a constant rate (NegMAS 0.8.9 by default)", aspiration_source,
      aspiration_params("linear", kLinearExponent, "0.8.9"), &detail::make_aspiration);
  add("conceder", "aspiration with e = 0.25: concedes early (NegMAS 0.8.9 by default)", aspiration_source,
      aspiration_params("conceder", kConcederExponent, "0.8.9"), &detail::make_aspiration);
  add("hardliner", "offers its best outcome, accepts only as much", "NegMAS ToughNegotiator", {}, &detail::make_hardliner);
  add("tit_for_tat", "reciprocates the others' concessions, plus a small kindness",
      "Faratin, Sierra & Jennings 1998 (absolute tit-for-tat); NegMAS NaiveTitForTatNegotiator",
      {ParamSpec::number("factor", 1, {0, 10}, "share of the others' concession (in own utility) returned"),
       ParamSpec::number("kindness", 0.01, {0, 1},
                         "unconditional concession per observed offer, share of the rational range")},
      &detail::make_tit_for_tat);
  add("micro", "concedes one new outcome only after the others made a new offer", "de Jonge 2022 (MiCRO), IJCAI", {},
      &detail::make_micro);
  add("random", "random rational offers; accepts rational offers with probability p_accept",
      "NegMAS RandomNegotiator (rational variant)",
      {ParamSpec::number("p_accept", 0.15, {0, 1}, "probability of accepting a rational standing offer"),
       ParamSpec::number("p_end", 0, {0, 1}, "probability of ending the negotiation on each turn")},
      &detail::make_random);
  add("nash", "concedes over time towards its estimate of the Nash point",
      "Nash 1950; BOA Nash offering (Baarslag et al. 2014)",
      {ParamSpec::choice("model", {"frequency", "known"}, "frequency",
                         "others' utilities: frequency (estimated) or known (needs complete information)"),
       ParamSpec::number("e", 1, {0, 1e6, true}, "concession exponent towards the Nash point"),
       ParamSpec::number("window", 16, {1, 1e9}, "outcomes at or above the target to choose among")},
      &detail::make_nash_seeking);
  add("rubinstein", "subgame-perfect Rubinstein strategy from the discount factors", "Rubinstein 1982, Econometrica", {},
      &detail::make_rubinstein);
  add("ratification_aware", "concedes only within what it believes the stage's ratifiers will ratify (two-level games)",
      "Putnam 1988 (win-sets); Schelling 1960 (tied hands); Iida 1993 (uncertain ratification)",
      {ParamSpec::text("base", "boulware", "the strategy whose offers and acceptances it filters (a strategy name)"),
       ParamSpec::number("confidence", 0.5, {0, 1, true},
                         "believed probability of ratification an outcome needs to be offered or accepted"),
       ParamSpec::boolean("announce", false,
                          "tie its hands: announce its view of the ratifiers to the parties at the table")},
      &detail::make_ratification_aware);
}

[[noreturn]] void fail(const std::string& message) { throw field_error(kField, message, ErrorKind::syntax); }

const StrategyInfo& find_entry(std::string_view name) { return strategy_registry().get(name, kField); }

ParamValues read_params(const StrategyInfo& entry, const StrategySpec& spec) {
  ParamValues values = parse_params(entry.params, spec.params, ParamOwner{kField, "parameter", "strategy", entry.name, false});
  // A wrapper's base: a strategy by name, not the wrapper itself.
  if (find_param(entry.params, "base") != nullptr) {
    const std::string& base = values.text("base");
    if (base == entry.name)
      throw field_error(kField, "strategy '" + entry.name + "' cannot wrap itself (in '" + spec.text() + "')",
                        ErrorKind::invalid);
    if (base.find_first_of(":,=") != std::string::npos)
      throw field_error(kField, "parameter 'base' of strategy '" + entry.name + "' names a strategy without "
                                "parameters, e.g. base=boulware (in '" + spec.text() + "')",
                        ErrorKind::invalid);
    (void)find_entry(base);  // an unknown name: the registry's message, with "did you mean"
  }
  // The aspiration family: parameters that would otherwise be silently ignored.
  if (find_param(entry.params, "negmas") != nullptr && find_param(entry.params, "aspiration_type") != nullptr) {
    if (values.given("e") && values.given("aspiration_type"))
      throw field_error(kField, "strategy '" + entry.name + "' takes aspiration_type or e, not both (in '" + spec.text() + "')",
                        ErrorKind::invalid);
    if (values.given("tolerance") && values.text("negmas") == "0.8.9")
      throw field_error(kField, "parameter 'tolerance' of strategy '" + entry.name +
                                    "' has no effect under negmas=0.8.9 (its presorted mode uses none; in '" + spec.text() + "')",
                        ErrorKind::invalid);
  }
  return values;
}

}  // namespace

StrategyRegistry& strategy_registry() {
  static StrategyRegistry registry("strategy", "strategies");
  static const bool built_in = (add_builtins(registry), true);  // once, thread-safe
  (void)built_in;
  return registry;
}

void register_strategy(StrategyInfo info) {
  std::string name = info.name;
  strategy_registry().add(std::move(name), std::move(info));
}

std::string StrategySpec::text() const {
  std::string out = name;
  for (std::size_t i = 0; i < params.size(); ++i) out += (i == 0 ? ":" : ",") + params[i].first + "=" + params[i].second;
  return out;
}

std::vector<const StrategyInfo*> strategy_catalog() { return strategy_registry().entries(); }

std::vector<std::string> strategy_names() { return strategy_registry().names(); }

StrategySpec parse_strategy(std::string_view text) {
  StrategySpec spec;
  const std::size_t colon = text.find(':');
  spec.name = std::string(text.substr(0, colon));
  if (spec.name.empty()) fail("empty strategy name in '" + std::string(text) + "'; expected NAME or NAME:k=v,...");
  const StrategyInfo& entry = find_entry(spec.name);
  if (colon == std::string_view::npos) return spec;
  std::string_view rest = text.substr(colon + 1);
  if (rest.empty()) fail("no parameters after ':' in '" + std::string(text) + "'; expected NAME:k=v,...");
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
      fail("malformed parameter '" + std::string(item) + "' in '" + std::string(text) + "'; expected k=v");
    spec.params.emplace_back(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  read_params(entry, spec);  // validates names and values
  return spec;
}

std::unique_ptr<Negotiator> make_negotiator(const StrategySpec& spec, std::uint64_t seed) {
  const StrategyInfo& entry = find_entry(spec.name);
  return entry.factory(spec.text(), read_params(entry, spec), seed);
}

std::unique_ptr<Negotiator> make_negotiator(std::string_view text, std::uint64_t seed) {
  return make_negotiator(parse_strategy(text), seed);
}

}  // namespace parley
