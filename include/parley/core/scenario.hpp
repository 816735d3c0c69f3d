#pragma once
// A scenario is everything about one negotiation: issues, actors, channels, stages, links
// and the names of its variants. Value type; built by the io layer (YAML, GENIUS, ...).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/actor.hpp"
#include "parley/core/issue.hpp"
#include "parley/core/outcome_space.hpp"
#include "parley/core/uncertain_input.hpp"

namespace parley {

// What actors outside a channel observe of it.
enum class Visibility {
  nothing,    // not even that talks happen
  talks,      // that talks happen, not what is said or decided
  decisions,  // announced decisions only
};

struct Channel {
  std::string id;
  std::string name;
  std::vector<std::size_t> members;  // actor indices
  Visibility outsiders_see = Visibility::decisions;
  bool operator==(const Channel&) const = default;
};

// The longest deadline a stage or a run may set. A recorded trace keeps about 100 bytes per
// party and round, so 10^6 rounds of a two-party run is ~200 MB; ANAC and NegMAS runs use
// 10^2 to 10^4 rounds. Beyond this a deadline is a typo, not a design.
inline constexpr int kMaxDeadlineRounds = 1'000'000;

struct Stage {
  std::string id;
  std::string name;
  std::vector<std::size_t> issues;  // scenario issue indices
  std::optional<std::size_t> channel;  // none: every actor is at the table
  std::string protocol = "sao";
  std::map<std::string, std::string> protocol_settings;
  int deadline = 100;  // rounds, 1..kMaxDeadlineRounds
  std::vector<std::size_t> ratify;  // actors who must ratify an agreement
  std::optional<std::size_t> after;  // stage that must succeed first
  bool operator==(const Stage&) const = default;
};

// Issues that may be traded against each other (logrolling).
struct Link {
  std::vector<std::size_t> issues;
  std::string note;
  bool operator==(const Link&) const = default;
};

// A named set of overrides. The io layer applies them when a scenario is loaded with a
// variant; the core keeps what they are for display.
struct VariantSummary {
  std::string id;
  std::string description;
  std::vector<std::string> overrides;  // paths of the fields it changes, e.g. "actors.us.discount"
  std::vector<std::string> values;  // the new value of each override, as YAML flow text, e.g. "0.9"
  bool operator==(const VariantSummary&) const = default;
};

// A scenario's invariants (validate.hpp checks each one and names the field that breaks it):
// - ids of issues, actors, channels and stages are non-empty, unique within their kind, and
//   made of letters, digits, '_' and '-';
// - every index (stage issues, channel members, ratifiers, `after`, link issues, rectangle
//   bounds) is valid, and no list of indices names the same element twice;
// - every actor has one stance per issue; positions lie on their issue's scale, saliences are
//   >= 0, explicit values have one entry per issue value, each in [0, 1];
// - reservation values lie in [0, 1], discounts in (0, 1], capabilities are >= 0;
// - stages are non-empty, have a protocol and a deadline of 1..kMaxDeadlineRounds, and
//   `after` forms no cycle;
// - links trade at least two issues;
// - every ratifier of a stage has a stake in it: a positive salience on one of its issues or
//   of the issues its links join to them (or rectangle utilities);
// - every uncertain input names a valid actor and issue, at most once per actor, field and
//   issue, and its distribution's parameters are possible within the field's valid range
//   (uncertainty.hpp).
struct Scenario {
  std::string name;
  std::string description;
  std::vector<Issue> issues;
  std::vector<Actor> actors;
  std::vector<Channel> channels;
  std::vector<Stage> stages;  // never empty once loaded: a scenario without stages gets one over all issues
  std::vector<Link> links;
  std::vector<VariantSummary> variants;
  // Judgements given as distributions (uncertainty.hpp); only sweeps and intervals draw
  // from them, every other command uses the stated values.
  std::vector<UncertainInput> uncertainty;
  std::string variant;  // the variant applied, empty for the base scenario

  std::optional<std::size_t> find_issue(const std::string& id) const;
  std::optional<std::size_t> find_actor(const std::string& id) const;
  std::optional<std::size_t> find_channel(const std::string& id) const;
  std::optional<std::size_t> find_stage(const std::string& id) const;

  OutcomeSpace stage_space(std::size_t stage) const;
  // The parties whose agreement a stage needs: its channel's members (all actors when it has
  // no channel) and the ratifiers outside it, in actor order, skipping actors without a
  // stake (positive salience or a rectangle) in the stage's issues.
  std::vector<std::size_t> stage_parties(std::size_t stage) const;
  // The same over another agenda of the stage (its issues with linked ones, say): the stake
  // is taken over `issues` (scenario issue indices).
  std::vector<std::size_t> stage_parties(std::size_t stage, const std::vector<std::size_t>& issues) const;
  bool operator==(const Scenario&) const = default;
};

const char* to_string(Visibility visibility);

// The one stage of a scenario that defines none: every issue, every actor at the table (no
// channel), the default protocol and deadline; id and name "all".
Stage all_issues_stage(std::size_t issue_count);

}  // namespace parley
