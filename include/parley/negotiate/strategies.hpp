#pragma once
// Strategies and the registry that finds them by name. Each built-in strategy is one unit in
// src/negotiate/ naming its source at the top; its parameters (name, type, default, range,
// meaning) are ParamSpecs in the registry (src/negotiate/strategy_registry.cpp), listed by
// `parley list strategies` and in docs/negotiation-protocols.md (generated from the specs).
//
// Spec strings: "name" or "name:k=v,k=v", e.g. "boulware", "boulware:e=0.2",
// "aspiration:e=2,model=frequency", "random:p_accept=0.3". Names and keys are case-sensitive.
//
// The registry is open: register_strategy() adds a user's C++ strategy, which is then usable
// wherever a built-in one is (spec strings on the command line and in scenario files, staged
// runs, compare). No built-in strategy offers or accepts below its reservation value. Every
// built-in strategy is deterministic given its seed.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/registry.hpp"
#include "parley/core/random.hpp"
#include "parley/negotiate/negotiator.hpp"

namespace parley {

struct StrategySpec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;  // in the order written
  std::string text() const;  // back to "name:k=v,..."
};

// Makes one negotiator. `spec_text` is the spec as written back by StrategySpec::text() (the
// negotiator's name); `params` holds every parameter of the entry's specs, validated, with
// defaults filled in; `seed` feeds every random choice. Called once per negotiation.
using StrategyFactory =
    std::function<std::unique_ptr<Negotiator>(const std::string& spec_text, const ParamValues& params, std::uint64_t seed)>;

struct StrategyInfo {
  std::string name;
  std::string summary;  // one line
  std::string source;   // paper / tool whose definition it follows
  std::vector<ParamSpec> params;
  StrategyFactory factory;
};

using StrategyRegistry = Registry<StrategyInfo>;
// The process-wide registry (registry.hpp says why it is one), starting with the built-ins.
StrategyRegistry& strategy_registry();
// Adds a user's strategy to strategy_registry(). Throws parley::Error (field "strategy") when
// the name is taken or empty. REQUIRES: info.factory is set; the specs' defaults are valid.
void register_strategy(StrategyInfo info);

// Every registered strategy, in registration order (built-ins first).
std::vector<const StrategyInfo*> strategy_catalog();
std::vector<std::string> strategy_names();

// Parses "name[:k=v,...]" and validates name, keys and values against the registry. Throws
// parley::Error with field "strategy" on a bad name (listing valid names, with "did you
// mean"), unknown key (listing valid keys with defaults), bad value or malformed text.
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
