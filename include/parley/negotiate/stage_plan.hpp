#pragma once
// Planning a staged negotiation: the order stages run in, each stage's rules (read from its
// `settings`), and its agenda — the issues it actually bargains over once links, earlier
// decisions and failed stages are taken into account. Pure functions of the scenario and of
// what is decided so far; the stage runner (staged.hpp) calls them stage by stage.
//
// Stage settings read here (every other setting goes to the protocol):
//
//   key                       values                      default   meaning
//   on_failure                stop | continue | merge     stop      when this stage does not hold,
//                                                                   the stages after it: are not
//                                                                   run | run | run and bargain over
//                                                                   this stage's open issues too
//   reopens                   issue ids, comma-separated  (none)    issues decided by an earlier
//                                                                   stage that this one bargains
//                                                                   over again
//   links                     package | ignore            package   whether links pull issues in
//   nothing_agreed_until_all  true | false                false     a partial agreement (some
//                                                                   issues agreed in principle)
//                                                                   leaves nothing decided
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

#include "parley/core/scenario.hpp"

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

// The rules of stage `stage`. Throws parley::Error (field "stage <id>") for a bad value
// (naming the setting and the valid values).
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

}  // namespace parley
