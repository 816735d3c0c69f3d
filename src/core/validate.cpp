#include "parley/core/validate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "parley/core/error.hpp"
#include "parley/core/uncertainty.hpp"

namespace parley {

namespace {

[[noreturn]] void fail(const std::string& field, const std::string& message,
                       ErrorKind kind = ErrorKind::invalid) {
  throw field_error(field, message, kind);
}

// Hash sets, not pairwise comparison: a scenario may hold 10^5 actors (issue 8).
template <typename T>
void check_ids(const std::vector<T>& items, std::string_view kind, const std::string& list) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& id = items[i].id;
    if (!is_valid_id(id))
      fail(fmt::format("{}.{}", list, id.empty() ? std::to_string(i) : id),
           fmt::format("invalid {} id '{}': ids may contain only letters, digits, '_' and '-'", kind, id));
    if (!seen.insert(id).second) fail(fmt::format("{}.{}", list, id), fmt::format("{} '{}' is defined twice", kind, id));
  }
}

// Indices into a list of `size` elements, each valid and named once.
void check_indices(const std::vector<std::size_t>& indices, std::size_t size, std::string_view kind,
                   const std::string& field) {
  std::vector<bool> seen(indices.empty() ? 0 : size, false);
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (indices[k] >= size)
      fail(fmt::format("{}.{}", field, k), fmt::format("{} index {} is out of range ({} defined)", kind, indices[k], size));
    if (seen[indices[k]]) fail(fmt::format("{}.{}", field, k), fmt::format("{} {} is listed twice", kind, indices[k]));
    seen[indices[k]] = true;
  }
}

bool finite(double x) { return std::isfinite(x); }

void check_issue(const Issue& issue) {
  const std::string field = "issues." + issue.id;
  switch (issue.kind) {
    case IssueKind::discrete:
      if (issue.options.empty()) fail(field + ".options", "no options, so the outcome space is empty");
      {
        std::unordered_set<std::string_view> seen;
        seen.reserve(issue.options.size());
        for (std::size_t k = 0; k < issue.options.size(); ++k) {
          if (issue.options[k].empty()) fail(fmt::format("{}.options.{}", field, k), "empty option name");
          if (!seen.insert(issue.options[k]).second)
            fail(fmt::format("{}.options.{}", field, k), fmt::format("option '{}' is listed twice", issue.options[k]));
        }
      }
      break;
    case IssueKind::integer:
      if (!finite(issue.lower) || !finite(issue.upper) || issue.lower != std::floor(issue.lower) ||
          issue.upper != std::floor(issue.upper))
        fail(field + ".integer", "bounds must be whole numbers");
      if (issue.lower > issue.upper) fail(field + ".integer", "lower bound above upper bound");
      break;
    case IssueKind::continuous:
      if (!finite(issue.lower) || !finite(issue.upper)) fail(field + ".range", "bounds must be finite numbers");
      if (!(issue.lower < issue.upper)) fail(field + ".range", "a continuous issue needs lower < upper");
      // Grid points and distances are computed from upper - lower.
      if (!finite(issue.upper - issue.lower))
        fail(field + ".range",
             fmt::format("[{}, {}] is too wide: upper - lower exceeds the largest number ({:g}); use a smaller scale",
                         issue.lower, issue.upper, std::numeric_limits<double>::max()),
             ErrorKind::too_large);
      if (issue.steps < 2) fail(field + ".steps", fmt::format("{} grid points; at least 2", issue.steps));
      for (const LabelledPoint& point : issue.labels)
        if (!(point.at >= issue.lower && point.at <= issue.upper))
          fail(field + ".labels", fmt::format("label at {} lies outside the range", point.at));
      break;
  }
  const double low = issue.kind == IssueKind::discrete ? 0 : issue.lower;
  const double high = issue.kind == IssueKind::discrete ? double(issue.options.size()) - 1 : issue.upper;
  if (issue.reference_point && !(*issue.reference_point >= low && *issue.reference_point <= high))
    fail(field + ".reference_point", "outside the issue's scale");
  if (issue.known_outcome && !(*issue.known_outcome >= low && *issue.known_outcome <= high))
    fail(field + ".known_outcome", "outside the issue's scale");
}

void check_actor(const Scenario& scenario, const Actor& actor) {
  const std::string field = "actors." + actor.id;
  if (!(actor.capability >= 0) || !finite(actor.capability)) fail(field + ".capability", "must be a number >= 0");
  if (!(actor.reservation_value >= 0 && actor.reservation_value <= 1))
    fail(field + ".reservation", "must be a utility in [0, 1]");
  if (!(actor.discount > 0 && actor.discount <= 1)) fail(field + ".discount", "must be in (0, 1]");
  if (!finite(actor.risk)) fail(field + ".risk", "must be a finite number");
  if (actor.stances.size() != scenario.issues.size())
    fail(field + ".stances", fmt::format("{} stances for {} issues; one per issue", actor.stances.size(),
                                         scenario.issues.size()));
  double salience_total = 0;  // utilities weigh each salience by this sum
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    const Stance& stance = actor.stances[i];
    const std::string at = fmt::format("{}.stances.{}", field, issue.id);
    if (!(stance.salience >= 0) || !finite(stance.salience)) fail(at + ".salience", "must be a number >= 0");
    salience_total += stance.salience;
    if (!finite(salience_total))
      fail(at + ".salience",
           fmt::format("the saliences of actor '{}' sum to more than the largest number ({:g}), so every weight "
                       "would be 0; use a smaller scale",
                       actor.id, std::numeric_limits<double>::max()),
           ErrorKind::too_large);
    if (!stance.values.empty()) {
      if (stance.values.size() != issue.value_count())
        fail(at + ".values", fmt::format("{} values for the issue's {}", stance.values.size(), issue.value_count()));
      for (double v : stance.values)
        if (!(v >= 0 && v <= 1)) fail(at + ".values", "every value must be a utility in [0, 1]");
    } else if (stance.has_stake()) {
      const double low = issue.kind == IssueKind::discrete ? 0 : issue.lower;
      const double high = issue.kind == IssueKind::discrete ? double(issue.options.size()) - 1 : issue.upper;
      if (!(stance.position >= low && stance.position <= high))
        fail(at + ".position", fmt::format("{} lies outside the issue's scale [{}, {}]", stance.position, low, high));
      if (issue.kind == IssueKind::discrete && !issue.ordered && issue.options.size() > 1)
        fail(at + ".position", "the issue is unordered, so a position has no distance; give `values`");
    }
  }
  if (actor.uses_rectangles() && !(actor.rectangle_scale > 0))
    fail(field + ".rectangles.scale", "must be > 0");
  for (std::size_t r = 0; r < actor.rectangles.size(); ++r) {
    const std::string at = fmt::format("{}.rectangles.boxes.{}", field, r);
    for (const HyperRectangle::Bound& bound : actor.rectangles[r].bounds) {
      if (bound.issue >= scenario.issues.size()) fail(at, fmt::format("issue index {} is out of range", bound.issue));
      if (bound.min > bound.max || bound.max >= scenario.issues[bound.issue].value_count())
        fail(at, fmt::format("bounds [{}, {}] do not fit issue '{}'", bound.min, bound.max,
                             scenario.issues[bound.issue].id));
    }
  }
}

void check_stage_cycles(const Scenario& scenario) {
  const auto& stages = scenario.stages;
  // Each stage is walked once: a chain that reaches a stage already cleared ends there.
  enum State : char { unvisited, on_path, done };
  std::vector<State> state(stages.size(), unvisited);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < stages.size(); ++start) {
    path.clear();
    for (std::size_t at = start;;) {
      if (state[at] == done) break;
      if (state[at] == on_path)
        fail(fmt::format("stages.{}.after", stages[start].id),
             "stages form a cycle through `after`; a stage cannot wait for itself");
      state[at] = on_path;
      path.push_back(at);
      if (!stages[at].after) break;
      at = *stages[at].after;
    }
    for (std::size_t stage : path) state[stage] = done;
  }
}

void check_stage_settings(const Scenario& scenario, const Stage& stage, const ValidationCatalog& catalog) {
  const std::string field = "stages." + stage.id;
  const auto protocol = std::find_if(catalog.protocols.begin(), catalog.protocols.end(),
                                     [&](const ProtocolRules& rules) { return rules.name == stage.protocol; });
  if (protocol == catalog.protocols.end()) {
    std::vector<std::string> names;
    for (const ProtocolRules& rules : catalog.protocols) names.push_back(rules.name);
    fail(field + ".protocol",
         fmt::format("unknown protocol '{}'{}; protocols: {} (names are case-sensitive)", stage.protocol,
                     did_you_mean(stage.protocol, names), fmt::join(names, ", ")),
         ErrorKind::unknown_name);
  }
  std::vector<std::pair<std::string, std::string>> own, protocol_own;
  for (const auto& [key, value] : stage.protocol_settings) {
    if (find_param(catalog.stage_settings, key)) {
      own.emplace_back(key, value);
    } else if (find_param(protocol->settings, key)) {
      // A party may be named by actor id; the stage runner turns it into a party index.
      const bool names_actor = scenario.find_actor(value).has_value();
      protocol_own.emplace_back(key, names_actor ? std::string("0") : value);
    } else {
      const auto names = [](const std::vector<ParamSpec>& specs) {
        std::vector<std::string> out;
        for (const ParamSpec& spec : specs) out.push_back(spec.name);
        return out;
      };
      const std::vector<std::string> of_stage = names(catalog.stage_settings);
      const std::vector<std::string> of_protocol = names(protocol->settings);
      std::vector<std::string> valid = of_stage;
      valid.insert(valid.end(), of_protocol.begin(), of_protocol.end());
      Location location;
      location.field = field + ".settings." + key;
      location.at_key = true;  // the key is what is wrong
      throw Error(ErrorKind::unknown_name,
                  fmt::format("unknown setting '{}'{}; every stage takes {}; protocol {} takes {}", key,
                              did_you_mean(key, valid), fmt::join(of_stage, ", "), protocol->name,
                              of_protocol.empty() ? std::string("none") : fmt::format("{}", fmt::join(of_protocol, ", "))),
                  std::move(location));
    }
  }
  const std::string settings_field = field + ".settings.";
  parse_params(catalog.stage_settings, own, ParamOwner{settings_field, "setting", "stage", stage.id, false});
  parse_params(protocol->settings, protocol_own, ParamOwner{settings_field, "setting", "protocol", protocol->name, false});
}

// The stage's issues and those its links join to them (followed through chains of links).
std::vector<bool> linked_agenda(const Scenario& scenario, const Stage& stage) {
  std::vector<bool> on(scenario.issues.size(), false);
  for (std::size_t issue : stage.issues) on[issue] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (const Link& link : scenario.links)
      if (std::any_of(link.issues.begin(), link.issues.end(), [&on](std::size_t i) { return on[i]; }))
        for (std::size_t i : link.issues) grew = !on[i] || grew, on[i] = true;
  }
  return on;
}

// A ratifier without a stake would be left out of the stage without a word: its veto
// could never count. Rectangle utilities are a stake on any issue.
void check_ratifiers_have_a_stake(const Scenario& scenario, const Stage& stage) {
  if (stage.ratify.empty()) return;
  const std::vector<bool> agenda = linked_agenda(scenario, stage);
  for (std::size_t r : stage.ratify) {
    const Actor& actor = scenario.actors[r];
    bool stake = actor.uses_rectangles();
    for (std::size_t i = 0; i < agenda.size() && !stake; ++i) stake = agenda[i] && actor.stances[i].has_stake();
    if (!stake) {
      std::vector<std::string> issues;
      for (std::size_t i = 0; i < agenda.size(); ++i)
        if (agenda[i]) issues.push_back(scenario.issues[i].id);
      fail("stages." + stage.id + ".ratify",
           fmt::format("'{}' has no stake in the stage (salience 0 on {}), so its vote could never count; give it a "
                       "salience on one of these issues or leave it out of ratify",
                       actor.id, fmt::join(issues, ", ")));
    }
  }
}

// ---- uncertainty ---------------------------------------------------------------------------

std::string number_text(double x) { return fmt::format("{:g}", x); }

// Uncertain input k: its references, then its distribution's parameters against the field's
// valid range. Field paths follow the format: uncertainty.K.FIELD[.KIND[.PARAMETER]].
void check_distribution(const Scenario& scenario, const UncertainInput& input, const std::string& field);

void check_uncertain_input(const Scenario& scenario, std::size_t k, const UncertainInput& input) {
  const std::string at = fmt::format("uncertainty.{}", k);
  if (input.actor >= scenario.actors.size())
    fail(at + ".actor", fmt::format("actor index {} is out of range", input.actor));
  check_distribution(scenario, input, fmt::format("{}.{}", at, to_string(input.field)));
}

// The input's distribution against its field's valid range; `field` is the path of the
// distribution in the format (uncertainty.K.FIELD, actors.A.beliefs.B.reservation).
void check_distribution(const Scenario& scenario, const UncertainInput& input, const std::string& field) {
  const Actor& actor = scenario.actors[input.actor];
  const Distribution& d = input.distribution;
  const std::string of = fmt::format("{}.{}", field, to_string(d.kind));
  if (per_issue(input.field)) {
    if (input.issue >= scenario.issues.size())
      fail(field + ".issue", fmt::format("issue index {} is out of range", input.issue));
    const Issue& issue = scenario.issues[input.issue];
    const Stance& stance = actor.stances[input.issue];
    if (!stance.values.empty())
      fail(field, fmt::format("'{}' gives explicit `values` on '{}', so it has no {} to vary; give a `position`",
                              actor.id, issue.id, to_string(input.field)));
    if (issue.kind == IssueKind::discrete && !issue.ordered && issue.options.size() > 1)
      fail(field, fmt::format("issue '{}' is unordered, so positions on it have no scale; make it `ordered: true`",
                              issue.id));
    const FieldRange scale = field_range(scenario, UncertainInput{input.actor, UncertainField::position, input.issue, {}, {}});
    if (!(stance.position >= scale.low && stance.position <= scale.high))
      fail(field, fmt::format("'{}' has no stance on '{}' to vary; give it one under actors.{}.stances", actor.id,
                              issue.id, actor.id));
  }
  if (input.field == UncertainField::strategy) {
    if (d.kind != DistributionKind::choice || d.strategies.empty())
      fail(field, "a strategy is drawn from a `choice` of strategy specs, e.g. {choice: [boulware, conceder]}");
    if (!d.values.empty()) fail(of, "a strategy choice lists strategies, not numbers");
    for (std::size_t s = 0; s < d.strategies.size(); ++s)
      if (d.strategies[s].empty()) fail(fmt::format("{}.{}", of, s), "empty strategy spec");
  } else if (!d.strategies.empty()) {
    fail(of, fmt::format("strategies can only be chosen for `strategy`, not for `{}`", to_string(input.field)));
  }

  const FieldRange range = field_range(scenario, input);
  const bool discrete = input.field == UncertainField::position &&
                        scenario.issues[input.issue].kind == IssueKind::discrete;
  const std::string valid =
      input.field == UncertainField::position
          ? fmt::format("the scale of issue '{}' [{}, {}]", scenario.issues[input.issue].id, number_text(range.low),
                        number_text(range.high))
          : fmt::format("[{}, {}] (the valid range of a {})", number_text(range.low),
                        std::isinf(range.high) ? std::string("inf") : number_text(range.high), to_string(input.field));
  // A parameter that is a value of the field: finite, in the valid range, and on a discrete
  // issue a value index (its options are numbered from 0).
  const auto check_value = [&](double x, const std::string& path, std::string_view what) {
    if (!finite(x)) fail(path, fmt::format("{} must be a finite number", what));
    if (!(x >= range.low && x <= range.high)) fail(path, fmt::format("{} {} lies outside {}", what, number_text(x), valid));
    if (discrete && x != std::floor(x))
      fail(path, fmt::format("{} {} is not an option of discrete issue '{}' (options are numbered 0 to {})", what,
                             number_text(x), scenario.issues[input.issue].id, number_text(range.high)));
  };
  switch (d.kind) {
    case DistributionKind::normal:
      if (d.mean) check_value(*d.mean, of + ".mean", "the mean");
      if (!(d.sd >= 0) || !finite(d.sd)) fail(of + ".sd", fmt::format("sd {} must be a number >= 0", number_text(d.sd)));
      if (d.min) check_value(*d.min, of + ".min", "min");
      if (d.max) check_value(*d.max, of + ".max", "max");
      if (d.min && d.max && *d.min > *d.max)
        fail(of + ".min", fmt::format("min {} is above max {}", number_text(*d.min), number_text(*d.max)));
      break;
    case DistributionKind::uniform:
    case DistributionKind::triangular:
      if (!d.min || !d.max) fail(of, "needs both bounds, min and max");
      check_value(*d.min, of, "min");
      check_value(*d.max, of, "max");
      if (*d.min > *d.max) fail(of, fmt::format("min {} is above max {}", number_text(*d.min), number_text(*d.max)));
      if (d.kind == DistributionKind::triangular) {
        check_value(d.mode, of, "the mode");
        if (!(d.mode >= *d.min && d.mode <= *d.max))
          fail(of, fmt::format("the mode {} lies outside [min, max] = [{}, {}]", number_text(d.mode),
                               number_text(*d.min), number_text(*d.max)));
      }
      break;
    case DistributionKind::choice: {
      const std::size_t count = input.field == UncertainField::strategy ? d.strategies.size() : d.values.size();
      if (count == 0) fail(of, "an empty choice; list at least one value");
      if (input.field != UncertainField::strategy)
        for (std::size_t v = 0; v < d.values.size(); ++v) check_value(d.values[v], fmt::format("{}.{}", of, v), "value");
      if (!d.weights.empty()) {
        if (d.weights.size() != count)
          fail(of + ".weights", fmt::format("{} weights for {} values; give one weight per value", d.weights.size(), count));
        double total = 0;
        for (std::size_t w = 0; w < d.weights.size(); ++w) {
          if (!(d.weights[w] >= 0) || !finite(d.weights[w]))
            fail(fmt::format("{}.weights.{}", of, w), "a weight must be a finite number >= 0");
          total += d.weights[w];
        }
        if (!(total > 0) || !finite(total)) fail(of + ".weights", "the weights must add up to a finite number > 0");
      }
      break;
    }
  }
}

// An actor's beliefs: about another actor, once each, with a valid reservation distribution.
void check_beliefs(const Scenario& scenario, std::size_t holder) {
  const Actor& actor = scenario.actors[holder];
  std::vector<bool> seen(scenario.actors.size(), false);
  for (std::size_t b = 0; b < actor.beliefs.size(); ++b) {
    const Belief& belief = actor.beliefs[b];
    const std::string at = fmt::format("actors.{}.beliefs", actor.id);
    if (belief.about >= scenario.actors.size())
      fail(fmt::format("{}.{}", at, b), fmt::format("actor index {} is out of range", belief.about));
    const std::string field = fmt::format("{}.{}", at, scenario.actors[belief.about].id);
    if (belief.about == holder)
      fail(field, fmt::format("'{}' holds a belief about itself; it knows its own reservation value", actor.id));
    if (seen[belief.about]) fail(field, fmt::format("'{}' holds two beliefs about '{}'; keep one", actor.id,
                                                   scenario.actors[belief.about].id));
    seen[belief.about] = true;
    check_distribution(scenario, UncertainInput{belief.about, UncertainField::reservation, 0, belief.reservation, {}},
                       field + ".reservation");
  }
}

void check_uncertainty(const Scenario& scenario) {
  // One distribution per actor, field and issue: two would contradict each other.
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t k = 0; k < scenario.uncertainty.size(); ++k) {
    const UncertainInput& input = scenario.uncertainty[k];
    check_uncertain_input(scenario, k, input);
    const std::string label = input_label(scenario, input);
    if (const auto [it, fresh] = seen.emplace(label, k); !fresh)
      fail(fmt::format("uncertainty.{}.{}", k, to_string(input.field)),
           fmt::format("{} is given a distribution twice (also in item {}); keep one", label, it->second));
  }
}

}  // namespace

bool is_valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

void validate(const Scenario& scenario, const ValidationCatalog& catalog) {
  if (scenario.name.empty()) fail("name", "is empty; give the scenario a title");
  if (scenario.issues.empty()) fail("issues", "no issues; define at least one");
  check_ids(scenario.issues, "issue", "issues");
  for (const Issue& issue : scenario.issues) check_issue(issue);

  if (scenario.actors.empty()) fail("actors", "no actors; define at least one");
  check_ids(scenario.actors, "actor", "actors");
  double capability_total = 0;  // the models divide by sums of capabilities
  for (const Actor& actor : scenario.actors) {
    check_actor(scenario, actor);
    capability_total += actor.capability;
    if (!finite(capability_total))
      fail("actors." + actor.id + ".capability",
           fmt::format("the capabilities of the actors sum to more than the largest number ({:g}); use a smaller "
                       "scale",
                       std::numeric_limits<double>::max()),
           ErrorKind::too_large);
  }

  for (std::size_t a = 0; a < scenario.actors.size(); ++a) check_beliefs(scenario, a);

  check_ids(scenario.channels, "channel", "channels");
  for (const Channel& channel : scenario.channels) {
    const std::string field = "channels." + channel.id + ".members";
    if (channel.members.empty()) fail(field, "no members; list at least one actor");
    check_indices(channel.members, scenario.actors.size(), "actor", field);
  }

  if (scenario.stages.empty()) fail("stages", "no stages; define at least one");
  check_ids(scenario.stages, "stage", "stages");
  for (const Stage& stage : scenario.stages) {
    const std::string field = "stages." + stage.id;
    if (stage.issues.empty()) fail(field + ".issues", "no issues, so the outcome space is empty");
    check_indices(stage.issues, scenario.issues.size(), "issue", field + ".issues");
    if (stage.channel && *stage.channel >= scenario.channels.size())
      fail(field + ".channel", fmt::format("channel index {} is out of range", *stage.channel));
    if (stage.protocol.empty()) fail(field + ".protocol", "is empty; name a protocol, e.g. sao");
    if (stage.deadline < 1 || stage.deadline > kMaxDeadlineRounds)
      fail(field + ".deadline", fmt::format("{} rounds; use 1 to {}", stage.deadline, kMaxDeadlineRounds));
    check_indices(stage.ratify, scenario.actors.size(), "actor", field + ".ratify");
    if (stage.after && *stage.after >= scenario.stages.size())
      fail(field + ".after", fmt::format("stage index {} is out of range", *stage.after));
  }
  check_stage_cycles(scenario);
  if (!catalog.protocols.empty())
    for (const Stage& stage : scenario.stages) check_stage_settings(scenario, stage, catalog);

  for (std::size_t l = 0; l < scenario.links.size(); ++l) {
    const std::string field = fmt::format("links.{}.issues", l);
    check_indices(scenario.links[l].issues, scenario.issues.size(), "issue", field);
    if (scenario.links[l].issues.size() < 2) fail(field, "a link trades at least two issues");
  }
  for (const Stage& stage : scenario.stages) check_ratifiers_have_a_stake(scenario, stage);
  check_uncertainty(scenario);
}

}  // namespace parley
