#pragma once
// Built-in strategies and the registry that finds them by name. Each strategy is one unit in
// src/negotiate/ naming its source and parameters (with defaults) at the top; the same list
// is in docs/negotiation-protocols.md.
//
// Spec strings: "name" or "name:k=v,k=v", e.g. "boulware", "boulware:e=0.2",
// "aspiration:e=2,model=frequency", "random:p_accept=0.3". Names and keys are case-sensitive.
//
//   name        summary                                                        parameters (defaults)
//   aspiration  time-based concession on the aspiration curve max·(1 − t^e)   e=4 max=1 model=none
//               (NegMAS AspirationNegotiator)                                  window=8
//   boulware    aspiration with e=4 (tough until late; NegMAS BoulwareTB)       as aspiration
//   linear      aspiration with e=1                                            as aspiration
//   conceder    aspiration with e=0.25 (concedes early)                        as aspiration
//   hardliner   offers its best outcome, accepts only as much (NegMAS Tough)    (none)
//   tit_for_tat reciprocates the others' concessions (Faratin et al. 1998;     factor=1 kindness=0.01
//               NegMAS NaiveTitForTatNegotiator)
//   micro       MiCRO (de Jonge 2022): concedes one new outcome only after      (none)
//               the others made a new one
//   random      random rational offers; accepts a rational offer with          p_accept=0.15 p_end=0
//               probability p_accept, ends with probability p_end
//   nash        concedes towards its estimate of the Nash point (frequency      model=frequency e=1
//               model, or the true utilities with complete information)        window=16
//   rubinstein  subgame-perfect Rubinstein strategy from the discount factors   (none)
//
// model=frequency (aspiration family): offers, among the `window` outcomes at or just above
// the target, the one the frequency opponent model says the others like best.
// No built-in strategy offers or accepts below its reservation value.
// Every strategy is deterministic given its seed.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/random.hpp"
#include "parley/negotiate/negotiator.hpp"

namespace parley {

struct StrategySpec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;  // in the order written
  std::string text() const;  // back to "name:k=v,..."
};

struct StrategyParamInfo {
  std::string_view key;
  std::string_view default_value;
  std::string_view meaning;
};

struct StrategyInfo {
  std::string_view name;
  std::string_view summary;
  std::string_view source;  // paper / tool whose definition it follows
  std::vector<StrategyParamInfo> params;
};

// Every built-in strategy, in registry order.
const std::vector<StrategyInfo>& strategy_catalog();
std::vector<std::string> strategy_names();

// Parses "name[:k=v,...]" and validates name, keys and values. Throws
// parley::Error (field "strategy") on a bad name (listing valid names, with "did you
// mean"), unknown key (listing valid keys), bad value or malformed text.
StrategySpec parse_strategy(std::string_view text);

// A fresh negotiator for one negotiation. `seed` feeds every random choice it makes.
// Throws parley::Error (field "strategy") as parse_strategy does.
std::unique_ptr<Negotiator> make_negotiator(const StrategySpec& spec, std::uint64_t seed = 0);
std::unique_ptr<Negotiator> make_negotiator(std::string_view text, std::uint64_t seed = 0);

// derive_seed(seed, stream), the seed of each negotiator's own stream, lives in
// parley/core/random.hpp (included above); its values are unchanged.

// --- conditional acceptance -------------------------------------------------------------
// "Accepted in principle, with nuances": wraps a negotiator so that it accepts an offer only
// if `condition(outcome)` also holds (e.g. conditions on linked issues). Its offers always
// satisfy the condition: an inner offer that breaks it is replaced by the satisfying outcome
// nearest in the wrapped party's utility (the lowest at or above the inner offer's, else the
// best below); when the inner negotiator accepts an offer that breaks the condition, the
// wrapper counter-offers the replacement of that offer ("yes, with nuances"). If no outcome
// satisfies the condition, it never accepts and passes.
// `condition` receives the decoded outcome (value index per space issue); it is evaluated
// once per outcome at start (a table), so it may be slow but must be pure.
using AcceptCondition = std::function<bool(std::span<const std::uint32_t> outcome)>;
std::unique_ptr<Negotiator> with_condition(std::unique_ptr<Negotiator> inner, AcceptCondition condition,
                                           std::string description = "condition");

}  // namespace parley
