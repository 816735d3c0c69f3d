#pragma once
// Planning a staged negotiation: the order stages run in, each stage's rules (read from its
// `settings`), and its agenda — the issues it actually bargains over once links, earlier
// decisions and failed stages are taken into account. Pure functions of the scenario and of
// what is decided so far; the stage runner (staged.hpp) calls them stage by stage.
//
// Stage settings read here (every other setting goes to the protocol): on_failure, reopens,
// links, nothing_agreed_until_all — their specs (values, defaults, meaning) are
// stage_setting_specs(), listed by `parley list settings` and in docs/format.md.
//
// Links (package deals): a link makes its issues one package. When a stage's agenda holds an
// issue of a link, the link's other issues that are still open join the agenda, so the
// stage's outcome space is the product of all of them and every offer is a package across
// them (logrolling). Applied link by link in the scenario's order until nothing changes
// (so chains of links are followed), and only while the space stays within
// `max_linked_outcomes`; a link that would exceed it is left out and reported. An issue is
// open until a stage decides it; a later stage drops an issue already decided (it stays at
// its agreed value) unless its `reopens` setting names it.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/validate.hpp"

namespace parley {

enum class OnFailure : std::uint8_t { stop, continue_running, merge };
const char* to_string(OnFailure rule);

struct StageRules {
  OnFailure on_failure = OnFailure::stop;
  std::vector<std::size_t> reopens;  // scenario issue indices
  bool apply_links = true;
  bool nothing_agreed_until_all = false;
  std::map<std::string, std::string> protocol_settings;  // the stage's other settings
};

// The stage settings a stage's `settings` may hold besides its protocol's, in listing order.
const std::vector<ParamSpec>& stage_setting_specs();

// What core's validate() needs to check stages' protocols and settings: every registered
// protocol with its setting specs, and stage_setting_specs(). Built from the registries on
// each call, so a protocol registered later is known.
ValidationCatalog validation_catalog();

// The rules of stage `stage`. Throws parley::Error with field "stages.<id>.settings.<key>"
// for a bad value (naming the setting and the valid values) or an unknown issue in reopens.
StageRules stage_rules(const Scenario& scenario, std::size_t stage);

// Every stage once, each after the stage it waits for (`after`); otherwise in file order.
// REQUIRES: no cycles (the loader rejects them).
std::vector<std::size_t> stage_order(const Scenario& scenario);

// Default ceiling on a stage's outcome space when links add issues to it.
inline constexpr std::uint64_t kDefaultMaxLinkedOutcomes = 4'000'000;

struct LinkUse {
  std::size_t link = 0;  // index into scenario.links
  std::vector<std::size_t> added;  // issues it added to the agenda (empty when left out)
  bool left_out = false;  // would have made the space larger than allowed
};

struct Agenda {
  // Issues bargained over, in space order: the stage's own open issues (stage order), then
  // reopened, merged and linked ones in the order they joined.
  std::vector<std::size_t> issues;
  std::vector<std::size_t> decided;  // own issues already decided earlier, kept as decided
  std::vector<std::size_t> reopened;  // decided earlier, bargained again (`reopens`)
  std::vector<std::size_t> merged;  // open issues of a failed stage before it (on_failure: merge)
  std::vector<std::size_t> linked;  // issues that joined through links
  std::vector<LinkUse> links;  // links touching the agenda, applied or left out
  bool merge_left_out = false;  // the issues to merge would have made the space too large
};

// The agenda of stage `stage`. `decided[i]`: issue i was decided (or agreed in principle)
// by an earlier stage. `merge` lists open issues handed over by failed stages (merged in
// before links, each issue once, within `max_linked_outcomes` like a link).
// Throws parley::Error when the stage's own open issues alone are not enumerable.
Agenda plan_agenda(const Scenario& scenario, std::size_t stage, const StageRules& rules,
                   const std::vector<bool>& decided, const std::vector<std::size_t>& merge = {},
                   std::uint64_t max_linked_outcomes = kDefaultMaxLinkedOutcomes);

// The agenda of a stage that runs first or alone (nothing decided earlier, nothing merged):
// its own issues with the linked ones. What `parley negotiate --stage ID` bargains over, and
// what `parley analyze` analyses, so both find the same Nash point. A stage whose own issues
// are too many to enumerate (which negotiate refuses and analyze handles) keeps them alone.
Agenda standalone_agenda(const Scenario& scenario, std::size_t stage,
                         std::uint64_t max_linked_outcomes = kDefaultMaxLinkedOutcomes);

}  // namespace parley
