// Reading the parley scenario format (docs/format.md): YAML text -> validated Scenario.
// The variant machinery lives in scenario_yaml_variants.cpp, the writer in
// scenario_yaml_writer.cpp.

#include "parley/io/scenario_yaml.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "parley/io/files.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/core/validate.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/io/input_error.hpp"
#include "parley/negotiate/strategies.hpp"
#include "scenario_yaml_internal.hpp"
#include "yaml_tree.hpp"

namespace parley {
namespace yaml_scenario {

using yaml_tree::Context;
using yaml_tree::Entry;
using yaml_tree::Record;
using yaml_tree::Value;

namespace {

std::string list_names(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 12;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kShown) out += fmt::format(", ... ({} in all)", names.size());
  return out;
}

// "unknown <kind> 'x' in <where>; did you mean 'y'?" or "...; <listed> are: a, b".
[[noreturn]] void unknown_name(const Context& context, const YAML::Mark& mark, std::string_view kind,
                               const std::string& name, const std::string& where,
                               const std::vector<std::string>& candidates, std::string listed = "") {
  if (listed.empty()) listed = fmt::format("the {}s", kind);
  const std::string suggestion = closest_match(name, candidates);
  if (!suggestion.empty())
    context.fail(mark, fmt::format("unknown {} '{}' in {}; did you mean '{}'?", kind, name, where, suggestion));
  if (candidates.empty()) context.fail(mark, fmt::format("unknown {} '{}' in {}; none are defined", kind, name, where));
  context.fail(mark, fmt::format("unknown {} '{}' in {}; {} are: {}", kind, name, where, listed, list_names(candidates)));
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

// Parses [lower, upper].
std::pair<const Value, const Value> read_pair(const Value& value, std::string_view what) {
  if (!value.is_list() || value.node().size() != 2)
    value.fail(fmt::format("{} must be a list of two {} [lower, upper], not {}", value.path(), what,
                           yaml_tree::describe(value.node())));
  auto items = value.items();
  return {items[0], items[1]};
}

class Builder {
 public:
  Builder(const Context& context, const YAML::Node& root)
      : context_(context), root_(context, root, "", YAML::Mark::null_mark()) {}

  Scenario build() {
    const Record root(root_, "the scenario", kRootFields);
    scenario_.name = root.require("name", "a title, e.g. `name: Budget talks 2025`").text();
    if (scenario_.name.empty()) root.find("name")->fail("name is empty; give the scenario a title");
    if (const Value* description = root.find("description")) scenario_.description = description->text();
    read_issues(root.require("issues", "a map from issue id to its definition"));
    read_actors(root.require("actors", "a map from actor id to its definition"));
    if (const Value* channels = root.find("channels")) read_channels(*channels);
    read_stages(root.find("stages"));
    if (const Value* links = root.find("links")) read_links(*links);
    if (const Value* uncertainty = root.find("uncertainty")) read_uncertainty(*uncertainty);
    return std::move(scenario_);
  }

 private:
  // ---- references -------------------------------------------------------------------------

  // References are resolved through hash maps: a channel may list 10^5 members (issue 8).
  using Index = std::unordered_map<std::string, std::size_t>;

  std::size_t issue_ref(const std::string& id, const YAML::Mark& mark, const std::string& where) const {
    if (const auto it = issue_index_.find(id); it != issue_index_.end()) return it->second;
    unknown_name(context_, mark, "issue", id, where, ids_of(scenario_.issues));
  }
  std::size_t actor_ref(const Value& value) const {
    const std::string id = value.text();
    if (const auto it = actor_index_.find(id); it != actor_index_.end()) return it->second;
    unknown_name(context_, value.mark(), "actor", id, value.path(), ids_of(scenario_.actors));
  }
  // A list of distinct references.
  template <typename Resolve>
  std::vector<std::size_t> distinct_refs(const Value& list, std::string_view kind, Resolve resolve) const {
    std::vector<std::size_t> out;
    std::unordered_set<std::size_t> seen;
    for (const Value& item : list.items()) {
      const std::size_t index = resolve(item);
      if (!seen.insert(index).second)
        item.fail(fmt::format("{} '{}' is listed twice in {}", kind, item.text(), list.path()));
      out.push_back(index);
    }
    return out;
  }
  std::vector<std::size_t> issue_list(const Value& list) const {
    return distinct_refs(list, "issue", [&](const Value& item) { return issue_ref(item.text(), item.mark(), list.path()); });
  }
  std::vector<std::size_t> actor_list(const Value& list) const {
    return distinct_refs(list, "actor", [&](const Value& item) { return actor_ref(item); });
  }

  // ---- issues -------------------------------------------------------------------------------

  void check_id(const Entry& entry, std::string_view kind) const {
    if (!is_valid_id(entry.key))
      context_.fail(entry.key_mark, fmt::format("invalid {} id '{}': ids may contain only letters, digits, '_' "
                                                "and '-' (dots separate the parts of variant paths)",
                                                kind, entry.key));
  }

  void read_issues(const Value& issues) {
    const auto entries = issues.entries("issue id");
    if (entries.empty()) issues.fail("issues is empty; define at least one issue");
    for (const auto& entry : entries) {
      check_id(entry, "issue");
      issue_index_.emplace(entry.key, scenario_.issues.size());
      scenario_.issues.push_back(read_issue(entry.key, entry.value));
    }
  }

  Issue read_issue(const std::string& id, const Value& value) const {
    const std::string what = fmt::format("issue '{}'", id);
    const Record record(value, what, kIssueFields, /*allow_empty=*/true);
    Issue issue;
    issue.id = id;
    issue.name = record.find("name") ? record.find("name")->text() : id;

    const Value* options = record.find("options");
    const Value* integer = record.find("integer");
    if (options && integer)
      context_.fail(record.key_mark("integer"),
                    fmt::format("{} has both `options` and `integer`; an issue is discrete (`options`), integer "
                                "(`integer: [lower, upper]`) or continuous (`range: [lower, upper]`)",
                                what));
    issue.kind = options ? IssueKind::discrete : integer ? IssueKind::integer : IssueKind::continuous;
    // Fields that belong to another kind of issue.
    static constexpr std::pair<std::string_view, IssueKind> kFieldKinds[] = {
        {"options", IssueKind::discrete}, {"ordered", IssueKind::discrete},     {"integer", IssueKind::integer},
        {"range", IssueKind::continuous}, {"steps", IssueKind::continuous},     {"labels", IssueKind::continuous}};
    for (const auto& [field, kind] : kFieldKinds)
      if (record.find(field) && kind != issue.kind)
        context_.fail(record.key_mark(field),
                      fmt::format("`{}` applies to {} issues, but {} is {} (it has `{}`)", field, to_string(kind),
                                  what, to_string(issue.kind), issue.kind == IssueKind::discrete ? "options" : "integer"));

    switch (issue.kind) {
      case IssueKind::discrete: {
        std::unordered_set<std::string> seen;
        for (const Value& option : options->items()) {
          std::string name = option.text();
          if (name.empty()) option.fail(fmt::format("{} holds an empty option name", options->path()));
          if (!seen.insert(name).second) option.fail(fmt::format("option '{}' is listed twice in {}", name, options->path()));
          issue.options.push_back(std::move(name));
        }
        if (issue.options.empty())
          options->fail(fmt::format("{} has no options, so its outcome space is empty; list at least one option", what));
        if (const Value* ordered = record.find("ordered")) issue.ordered = ordered->boolean();
        break;
      }
      case IssueKind::integer: {
        const auto [lower, upper] = read_pair(*integer, "whole numbers");
        const std::int64_t low = lower.integer_in(-kMaxIntegerBound, kMaxIntegerBound);
        const std::int64_t high = upper.integer_in(-kMaxIntegerBound, kMaxIntegerBound);
        if (low > high)
          integer->fail(fmt::format("{} is empty: its lower bound {} is above its upper bound {}, so its outcome "
                                    "space is empty; write [{}, {}]",
                                    integer->path(), low, high, high, low));
        if (high - low >= kMaxIssueValues)
          integer->fail(fmt::format("{} spans {} values; at most {} are supported (use a continuous issue with "
                                    "`range` and `steps`)",
                                    what, high - low + 1, kMaxIssueValues));
        issue.lower = double(low);
        issue.upper = double(high);
        break;
      }
      case IssueKind::continuous: {
        if (const Value* range = record.find("range")) {
          const auto [lower, upper] = read_pair(*range, "numbers");
          issue.lower = lower.number();
          issue.upper = upper.number();
          if (issue.lower > issue.upper)
            range->fail(fmt::format("{} is empty: its lower bound {} is above its upper bound {}; write [{}, {}]",
                                    range->path(), yaml_tree::format_number(issue.lower),
                                    yaml_tree::format_number(issue.upper), yaml_tree::format_number(issue.upper),
                                    yaml_tree::format_number(issue.lower)));
          if (issue.lower == issue.upper)
            range->fail(fmt::format("{} is a single point; a continuous issue needs lower < upper (for a fixed "
                                    "value use a discrete issue with one option)",
                                    range->path()));
        }
        if (const Value* steps = record.find("steps"))
          issue.steps = static_cast<std::uint32_t>(steps->integer_in(2, kMaxIssueValues));
        if (!std::isfinite(issue.upper - issue.lower))
          (record.find("range") ? *record.find("range") : value)
              .fail(fmt::format("{} is too wide: upper - lower exceeds the largest number ({:g}); use a smaller "
                                "scale",
                                what, std::numeric_limits<double>::max()));
        // Grid points must be distinct numbers, or values and bounds could not name them.
        if (!grid_points_distinct(issue.lower, issue.upper, issue.steps))
          (record.find("range") ? *record.find("range") : value)
              .fail(fmt::format("{} is too narrow for numbers this large: its {} grid points would not be distinct; "
                                "shift the scale (e.g. measure from {}) or use fewer steps",
                                what, issue.steps, yaml_tree::format_number(issue.lower)));
        if (const Value* labels = record.find("labels")) {
          std::set<double> points;
          for (const auto& entry : labels->entries("label", /*allow_empty=*/true)) {
            const auto at = yaml_tree::parse_number(entry.key);
            if (!at)
              context_.fail(entry.key_mark, fmt::format("label key '{}' in {} must be a number on the issue's range",
                                                        entry.key, labels->path()));
            if (*at < issue.lower || *at > issue.upper)
              context_.fail(entry.key_mark,
                            fmt::format("label at {} in {} lies outside the issue's range [{}, {}]", entry.key,
                                        labels->path(), yaml_tree::format_number(issue.lower),
                                        yaml_tree::format_number(issue.upper)));
            if (!points.insert(*at).second)
              context_.fail(entry.key_mark, fmt::format("two labels in {} sit on the same point {}", labels->path(),
                                                        entry.key));
            issue.labels.push_back({*at, entry.value.text()});
          }
        }
        break;
      }
    }
    issue.reference_point = read_point_on_scale(record, "reference_point", issue);
    issue.known_outcome = read_point_on_scale(record, "known_outcome", issue);
    return issue;
  }

  // A point on an issue's own scale: an option name on discrete issues (stored as its
  // ordinal index), a number within the range otherwise.
  std::optional<double> read_point_on_scale(const Record& record, std::string_view field, const Issue& issue) const {
    const Value* point = record.find(field);
    if (!point) return std::nullopt;
    if (issue.kind == IssueKind::discrete)
      return value_index(issue, point->text(), point->mark(), point->path());
    const double at = point->number();
    if (at < issue.lower || at > issue.upper)
      point->fail(fmt::format("{} is {}, outside the range of issue '{}' [{}, {}]", point->path(),
                              yaml_tree::format_number(at), issue.id, yaml_tree::format_number(issue.lower),
                              yaml_tree::format_number(issue.upper)));
    return at;
  }

  // ---- actors -------------------------------------------------------------------------------

  void read_actors(const Value& actors) {
    const auto entries = actors.entries("actor id");
    if (entries.empty()) actors.fail("actors is empty; define at least one actor");
    for (const auto& entry : entries) {
      check_id(entry, "actor");
      actor_index_.emplace(entry.key, scenario_.actors.size());
      scenario_.actors.push_back(read_actor(entry.key, entry.value));
    }
    // Beliefs name other actors, so they are read once every actor is known.
    for (const auto& entry : entries) {
      const Record record(entry.value, fmt::format("actor '{}'", entry.key), kActorFields, /*allow_empty=*/true);
      if (const Value* beliefs = record.find("beliefs"))
        read_beliefs(scenario_.actors[actor_index_.at(entry.key)], *beliefs);
    }
  }

  // actors.A.beliefs: {B: {reservation: 0.3 | {normal: {...}} | ..., note}}.
  void read_beliefs(Actor& actor, const Value& beliefs) const {
    for (const auto& entry : beliefs.entries("belief about an actor", /*allow_empty=*/true)) {
      if (entry.value.removed_by_variant()) continue;
      const auto about = actor_index_.find(entry.key);
      if (about == actor_index_.end())
        unknown_name(context_, entry.key_mark, "actor", entry.key, beliefs.path(), ids_of(scenario_.actors));
      if (entry.key == actor.id)
        context_.fail(entry.key_mark, fmt::format("{} names '{}' itself; an actor knows its own reservation value",
                                                  beliefs.path(), actor.id));
      const Record record(entry.value, entry.value.path(), kBeliefFields);
      const Value& reservation = record.require(
          "reservation", "its estimate of that actor's reservation value, e.g. `reservation: 0.3` or "
                         "`reservation: {normal: {mean: 0.3, sd: 0.05}}`");
      Belief belief;
      belief.about = about->second;
      if (const Value* note = record.find("note")) belief.note = note->text();
      if (reservation.is_map()) {
        UncertainInput input;
        input.actor = belief.about;
        input.field = UncertainField::reservation;
        read_distribution(input, reservation);
        belief.reservation = std::move(input.distribution);
      } else {
        belief.reservation.kind = DistributionKind::choice;
        belief.reservation.values = {reservation.number_in(0, true, 1, true)};
      }
      actor.beliefs.push_back(std::move(belief));
    }
  }

  Actor read_actor(const std::string& id, const Value& value) {
    const std::string what = fmt::format("actor '{}'", id);
    const Record record(value, what, kActorFields, /*allow_empty=*/true);
    Actor actor;
    actor.id = id;
    actor.name = record.find("name") ? record.find("name")->text() : id;
    if (const Value* note = record.find("note")) actor.note = note->text();
    if (const Value* capability = record.find("capability")) actor.capability = capability->number_at_least(0, false);
    if (const Value* reservation = record.find("reservation"))
      actor.reservation_value = reservation->number_in(0, true, 1, true);
    if (const Value* risk = record.find("risk")) actor.risk = risk->number();
    if (const Value* discount = record.find("discount")) actor.discount = discount->number_in(0, false, 1, true);
    if (const Value* shape = record.find("shape")) {
      const std::string name = shape->text();
      if (name == "linear") {
        actor.shape = ValueShape::linear;
      } else if (name == "quadratic") {
        actor.shape = ValueShape::quadratic;
      } else {
        unknown_name(context_, shape->mark(), "shape", name, shape->path(), {"linear", "quadratic"});
      }
    }
    if (const Value* weights = record.find("weights")) {
      const std::string name = weights->text();
      if (name == "normalised") {
        actor.weights = Weights::normalised;
      } else if (name == "raw") {
        actor.weights = Weights::raw;
      } else {
        unknown_name(context_, weights->mark(), "weights", name, weights->path(), {"normalised", "raw"});
      }
    }
    actor.stances.resize(scenario_.issues.size());
    if (const Value* stances = record.find("stances")) {
      for (const auto& entry : stances->entries("stance for issue", /*allow_empty=*/true)) {
        const std::size_t issue = issue_ref(entry.key, entry.key_mark, stances->path());
        if (entry.value.removed_by_variant()) continue;  // no stake on that issue
        actor.stances[issue] = read_stance(scenario_.issues[issue], entry.value, id);
      }
    }
    if (const Value* rectangles = record.find("rectangles")) read_rectangles(actor, *rectangles);
    if (const Value* strategy = record.find("strategy")) {
      actor.strategy = strategy->text();
      try {
        (void)parse_strategy(actor.strategy);  // the registry's message, at the value's position
      } catch (const Error& e) {
        strategy->fail(e.message());
      }
    }
    return actor;
  }

  // The value index that `text` names on `issue`: an option name, an integer, or a grid point.
  std::uint32_t value_index(const Issue& issue, const std::string& text, const YAML::Mark& mark,
                            const std::string& where) const {
    switch (issue.kind) {
      case IssueKind::discrete: {
        // `values` may name each of 10^5 options: look them up in a map built once per issue.
        auto [cached, fresh] = option_index_.try_emplace(issue.id);
        Index& options = cached->second;
        if (fresh)
          for (std::size_t k = 0; k < issue.options.size(); ++k) options.emplace(issue.options[k], k);
        const auto it = options.find(text);
        if (it == options.end())
          unknown_name(context_, mark, "option", text, where, issue.options,
                       fmt::format("the options of issue '{}'", issue.id));
        return static_cast<std::uint32_t>(it->second);
      }
      case IssueKind::integer: {
        const auto number = yaml_tree::parse_number(text);
        if (!number || *number != std::floor(*number))
          context_.fail(mark, fmt::format("'{}' in {} is not a value of integer issue '{}'; give a whole number "
                                          "from {} to {}",
                                          text, where, issue.id, issue.lower, issue.upper));
        if (*number < issue.lower || *number > issue.upper)
          context_.fail(mark, fmt::format("{} in {} lies outside integer issue '{}' ({} to {})", text, where, issue.id,
                                          issue.lower, issue.upper));
        return static_cast<std::uint32_t>(*number - issue.lower);
      }
      case IssueKind::continuous: {
        const auto number = yaml_tree::parse_number(text);
        if (!number)
          context_.fail(mark, fmt::format("'{}' in {} is not a number; give a grid point of issue '{}'", text, where,
                                          issue.id));
        const std::uint32_t index = issue.nearest_value(*number);
        // Hand-written grid points may be off by rounding; written ones are exact.
        const double tolerance = 1e-9 * (issue.upper - issue.lower) / (issue.steps - 1);
        if (*number < issue.lower - tolerance || *number > issue.upper + tolerance ||
            std::abs(issue.value_number(index) - *number) > tolerance)
          context_.fail(mark, fmt::format("{} in {} is not a grid point of issue '{}': its {} steps run from {} to {} "
                                          "in equal intervals",
                                          text, where, issue.id, issue.steps, yaml_tree::format_number(issue.lower),
                                          yaml_tree::format_number(issue.upper)));
        return index;
      }
    }
    return 0;
  }

  Stance read_stance(const Issue& issue, const Value& value, const std::string& actor) {
    const std::string what = fmt::format("the stance of '{}' on '{}'", actor, issue.id);
    const Record record(value, what, kStanceFields, /*allow_empty=*/true);
    Stance stance;
    stance.salience = 1;
    if (const Value* salience = record.find("salience")) stance.salience = salience->number_at_least(0, true);
    const Value* position = record.find("position");
    const Value* values = record.find("values");
    if (!position && !values)
      record.self().fail(fmt::format("{} needs `position` (where it stands) or `values` (utility of each value)", what));
    if (values) {
      if (issue.value_count() > kMaxExplicitValues)
        values->fail(fmt::format("issue '{}' has {} values, too many for explicit `values` (at most {}); use "
                                 "`position`",
                                 issue.id, issue.value_count(), kMaxExplicitValues));
      explicit_values_ += issue.value_count();
      if (explicit_values_ > kMaxExplicitValuesTotal)
        values->fail(fmt::format("the scenario's explicit `values` cover more than {} issue values in all; use "
                                 "`position` on large issues",
                                 kMaxExplicitValuesTotal));
      stance.values.assign(issue.value_count(), 0.0);
      std::vector<bool> seen(stance.values.size(), false);
      for (const auto& entry : values->entries("value", /*allow_empty=*/true)) {
        const std::uint32_t index = value_index(issue, entry.key, entry.key_mark, values->path());
        if (seen[index])
          context_.fail(entry.key_mark, fmt::format("{} gives value '{}' twice", values->path(), issue.value_text(index)));
        seen[index] = true;
        stance.values[index] = entry.value.number_in(0, true, 1, true);
      }
      // Without a position, the actor stands where it is happiest.
      const auto best = std::max_element(stance.values.begin(), stance.values.end());
      stance.position = issue.value_number(static_cast<std::uint32_t>(best - stance.values.begin()));
    } else if (issue.kind == IssueKind::discrete && !issue.ordered) {
      position->fail(fmt::format("issue '{}' is unordered, so a position has no distance to the other options; "
                                 "give `values` (a utility per option) instead, or make the issue `ordered: true`",
                                 issue.id));
    }
    if (position) {
      if (issue.kind == IssueKind::discrete) {
        stance.position = value_index(issue, position->text(), position->mark(), position->path());
      } else {
        const double at = position->number();
        if (at < issue.lower || at > issue.upper)
          position->fail(fmt::format("{} is {}, outside the range of issue '{}' [{}, {}]", position->path(),
                                     yaml_tree::format_number(at), issue.id, yaml_tree::format_number(issue.lower),
                                     yaml_tree::format_number(issue.upper)));
        stance.position = at;
      }
    }
    return stance;
  }

  void read_rectangles(Actor& actor, const Value& value) const {
    const Record record(value, value.path(), kRectanglesFields);
    if (const Value* scale = record.find("scale")) actor.rectangle_scale = scale->number_at_least(0, false);
    const Value& boxes = record.require("boxes", "a list of boxes like {utility: 10, inside: {issue: [1, 3]}}");
    for (const Value& box_value : boxes.items()) {
      const Record box(box_value, box_value.path(), kBoxFields);
      HyperRectangle rectangle;
      rectangle.utility = box.require("utility", "the utility the box pays").number();
      const Value* inside = box.find("inside");
      const Value* outside = box.find("outside");
      if (inside && outside)
        context_.fail(box.key_mark("outside"),
                      fmt::format("{} has both `inside` and `outside`; a box pays either when every bound holds "
                                  "(inside) or when some bound fails (outside)",
                                  box_value.path()));
      if (!inside && !outside)
        box_value.fail(fmt::format("{} needs `inside` or `outside` (a map from issue id to [min, max])", box_value.path()));
      rectangle.exclusive = outside != nullptr;
      const Value& bounds = inside ? *inside : *outside;
      for (const auto& entry : bounds.entries("bound for issue", /*allow_empty=*/true)) {
        HyperRectangle::Bound bound;
        bound.issue = issue_ref(entry.key, entry.key_mark, bounds.path());
        const Issue& issue = scenario_.issues[bound.issue];
        const Value& limits = entry.value;
        if (limits.is_list()) {
          const auto [low, high] = read_pair(limits, "values of the issue");
          bound.min = value_index(issue, low.text(), low.mark(), limits.path());
          bound.max = value_index(issue, high.text(), high.mark(), limits.path());
          if (bound.min > bound.max)
            limits.fail(fmt::format("{} is empty: '{}' comes after '{}' on issue '{}'", limits.path(), low.text(),
                                    high.text(), issue.id));
        } else {
          bound.min = bound.max = value_index(issue, limits.text(), limits.mark(), bounds.path());
        }
        rectangle.bounds.push_back(bound);
      }
      actor.rectangles.push_back(std::move(rectangle));
    }
  }

  // ---- channels, stages, links --------------------------------------------------------------

  void read_channels(const Value& channels) {
    for (const auto& entry : channels.entries("channel id", /*allow_empty=*/true)) {
      check_id(entry, "channel");
      const std::string what = fmt::format("channel '{}'", entry.key);
      const Record record(entry.value, what, kChannelFields);
      Channel channel;
      channel.id = entry.key;
      channel_index_.emplace(entry.key, scenario_.channels.size());
      channel.name = record.find("name") ? record.find("name")->text() : entry.key;
      const Value& members = record.require("members", "the actors in the channel, e.g. [us, ru]");
      channel.members = actor_list(members);
      if (channel.members.empty()) members.fail(fmt::format("{} has no members; list at least one actor", what));
      if (const Value* see = record.find("outsiders_see")) {
        const std::string name = see->text();
        if (name == "nothing") {
          channel.outsiders_see = Visibility::nothing;
        } else if (name == "talks") {
          channel.outsiders_see = Visibility::talks;
        } else if (name == "decisions") {
          channel.outsiders_see = Visibility::decisions;
        } else {
          unknown_name(context_, see->mark(), "visibility", name, see->path(), {"nothing", "talks", "decisions"});
        }
      }
      scenario_.channels.push_back(std::move(channel));
    }
  }

  void read_stages(const Value* stages) {
    if (!stages) {
      scenario_.stages.push_back(all_issues_stage(scenario_.issues.size()));
      return;
    }
    const auto entries = stages->entries("stage id");
    if (entries.empty())
      stages->fail("stages is empty; define at least one stage, or leave `stages` out for one stage over every issue");
    std::vector<std::string> ids;
    Index stage_index;
    for (const auto& entry : entries) {
      check_id(entry, "stage");
      stage_index.emplace(entry.key, ids.size());
      ids.push_back(entry.key);
    }
    std::vector<std::optional<YAML::Mark>> after_marks;
    for (const auto& entry : entries) {
      const std::string what = fmt::format("stage '{}'", entry.key);
      const Record record(entry.value, what, kStageFields, /*allow_empty=*/true);
      Stage stage;
      stage.id = entry.key;
      stage.name = record.find("name") ? record.find("name")->text() : entry.key;
      if (const Value* issues = record.find("issues")) {
        stage.issues = issue_list(*issues);
        if (stage.issues.empty())
          issues->fail(fmt::format("{} has no issues, so its outcome space is empty; list at least one issue", what));
      } else {
        for (std::size_t i = 0; i < scenario_.issues.size(); ++i) stage.issues.push_back(i);
      }
      if (const Value* channel = record.find("channel")) {
        const std::string id = channel->text();
        if (const auto it = channel_index_.find(id); it != channel_index_.end()) stage.channel = it->second;
        if (!stage.channel)
          unknown_name(context_, channel->mark(), "channel", id, channel->path(), ids_of(scenario_.channels));
      }
      if (const Value* protocol = record.find("protocol")) {
        stage.protocol = protocol->text();
        if (stage.protocol.empty()) protocol->fail(fmt::format("{} is empty; name a protocol, e.g. sao", protocol->path()));
      }
      if (const Value* settings = record.find("settings")) {
        for (const auto& setting : settings->entries("setting", /*allow_empty=*/true)) {
          if (setting.value.removed_by_variant()) continue;  // the setting's default applies
          if (!setting.value.node().IsScalar())
            setting.value.fail(fmt::format("{} must be text or a number, not {}", setting.value.path(),
                                           yaml_tree::describe(setting.value.node())));
          stage.protocol_settings[setting.key] = setting.value.text();
        }
      }
      if (const Value* deadline = record.find("deadline"))
        stage.deadline = static_cast<int>(deadline->integer_in(1, kMaxDeadlineRounds));
      if (const Value* ratify = record.find("ratify")) stage.ratify = actor_list(*ratify);
      after_marks.emplace_back();
      if (const Value* after = record.find("after")) {
        const std::string id = after->text();
        const auto it = stage_index.find(id);
        if (it == stage_index.end()) unknown_name(context_, after->mark(), "stage", id, after->path(), ids);
        stage.after = it->second;
        after_marks.back() = after->mark();
      }
      scenario_.stages.push_back(std::move(stage));
    }
    check_stage_cycles(after_marks);
  }

  void check_stage_cycles(const std::vector<std::optional<YAML::Mark>>& after_marks) const {
    const auto& stages = scenario_.stages;
    enum State { unvisited, on_path, done };
    std::vector<State> state(stages.size(), unvisited);
    for (std::size_t start = 0; start < stages.size(); ++start) {
      std::vector<std::size_t> path;
      std::size_t at = start;
      bool cycle = false;
      while (true) {
        if (state[at] == on_path) {
          cycle = true;
          break;
        }
        if (state[at] == done) break;
        state[at] = on_path;
        path.push_back(at);
        if (!stages[at].after) break;
        at = *stages[at].after;
      }
      if (cycle) {
        const auto first = std::find(path.begin(), path.end(), at);
        std::string cycle;
        for (auto it = first; it != path.end(); ++it) cycle += stages[*it].id + " -> ";
        cycle += stages[at].id;
        context_.fail(*after_marks[at],
                      fmt::format("stages form a cycle through `after`: {}; a stage cannot wait for itself, so remove "
                                  "one of these `after` entries",
                                  cycle));
      }
      for (std::size_t stage : path) state[stage] = done;
    }
  }

  void read_links(const Value& links) {
    if (links.is_null()) return;
    for (const Value& item : links.items()) {
      const Record record(item, item.path(), kLinkFields);
      Link link;
      const Value& issues = record.require("issues", "the issues traded against each other, e.g. [sanctions, china]");
      link.issues = issue_list(issues);
      if (link.issues.size() < 2)
        issues.fail(fmt::format("{} links {} issue; a link trades at least two issues", issues.path(), link.issues.size()));
      if (const Value* note = record.find("note")) link.note = note->text();
      scenario_.links.push_back(std::move(link));
    }
  }

  // ---- uncertainty --------------------------------------------------------------------------
  // Syntax and references only: validate() checks the parameters (core/validate.cpp), and
  // build_scenario points at the field it names.

  void read_uncertainty(const Value& list) {
    if (list.is_null()) return;
    for (const Value& item : list.items()) scenario_.uncertainty.push_back(read_uncertain_input(item));
  }

  UncertainInput read_uncertain_input(const Value& item) const {
    const Record record(item, item.path(), kUncertaintyFields);
    UncertainInput input;
    input.actor = actor_ref(record.require("actor", "the actor whose judgement is uncertain, e.g. `actor: us`"));
    if (const Value* note = record.find("note")) input.note = note->text();
    const Value* target = nullptr;
    std::string_view target_name;
    for (std::size_t f = 0; f < std::size(kUncertainFields); ++f) {
      const Value* value = record.find(kUncertainFields[f]);
      if (!value) continue;
      if (target)
        context_.fail(record.key_mark(kUncertainFields[f]),
                      fmt::format("{} gives both `{}` and `{}`; give one uncertain field per item (add another item "
                                  "for the other)",
                                  item.path(), target_name, kUncertainFields[f]));
      target = value;
      target_name = kUncertainFields[f];
      input.field = static_cast<UncertainField>(f);
    }
    if (!target)
      item.fail(fmt::format("{} needs the field that is uncertain: position, salience, capability, reservation, "
                            "discount or strategy, e.g. `salience: {{issue: aid, normal: {{sd: 0.1}}}}`",
                            item.path()));
    read_distribution(input, *target);
    return input;
  }

  void read_distribution(UncertainInput& input, const Value& value) const {
    const bool issue_field = per_issue(input.field);
    const std::span<const std::string_view> fields =
        issue_field ? std::span<const std::string_view>(kIssueTargetFields)
                    : std::span<const std::string_view>(kIssueTargetFields).subspan(1);
    const Record record(value, value.path(), fields);
    if (issue_field)
      input.issue = issue_ref(record.require("issue", "the issue, e.g. `issue: aid`").text(),
                              record.find("issue")->mark(), value.path());
    const Value* parameters = nullptr;
    std::string_view kind_name;
    for (std::size_t k = 0; k < std::size(kDistributionKinds); ++k) {
      const Value* found = record.find(kDistributionKinds[k]);
      if (!found) continue;
      if (parameters)
        context_.fail(record.key_mark(kDistributionKinds[k]),
                      fmt::format("{} gives both `{}` and `{}`; give one distribution", value.path(), kind_name,
                                  kDistributionKinds[k]));
      parameters = found;
      kind_name = kDistributionKinds[k];
      input.distribution.kind = static_cast<DistributionKind>(k);
    }
    if (!parameters)
      value.fail(fmt::format("{} needs a distribution: normal: {{mean, sd, min, max}}, uniform: [min, max], "
                             "triangular: [min, mode, max] or choice: [values...]",
                             value.path()));
    // A value of the field: an option name on a discrete issue's position, a number otherwise.
    const bool options = input.field == UncertainField::position &&
                         scenario_.issues[input.issue].kind == IssueKind::discrete;
    const auto point = [&](const Value& v) -> double {
      if (options) return value_index(scenario_.issues[input.issue], v.text(), v.mark(), v.path());
      return v.number();
    };
    const auto list_of = [&](const Value& list, std::size_t count, std::string_view shape) {
      if (!list.is_list() || list.node().size() != count)
        list.fail(fmt::format("{} must be a list {}, not {}", list.path(), shape,
                              list.is_list() ? fmt::format("{} values", list.node().size())
                                             : yaml_tree::describe(list.node())));
      return list.items();
    };
    Distribution& d = input.distribution;
    switch (d.kind) {
      case DistributionKind::normal: {
        const Record normal(*parameters, parameters->path(), kNormalFields);
        d.sd = normal.require("sd", "the standard deviation, e.g. `sd: 10`").number();
        if (const Value* mean = normal.find("mean")) d.mean = point(*mean);
        if (const Value* min = normal.find("min")) d.min = point(*min);
        if (const Value* max = normal.find("max")) d.max = point(*max);
        break;
      }
      case DistributionKind::uniform: {
        const auto items = list_of(*parameters, 2, "of two values [min, max]");
        d.min = point(items[0]);
        d.max = point(items[1]);
        break;
      }
      case DistributionKind::triangular: {
        const auto items = list_of(*parameters, 3, "of three values [min, mode, max]");
        d.min = point(items[0]);
        d.mode = point(items[1]);
        d.max = point(items[2]);
        break;
      }
      case DistributionKind::choice: {
        const Value* values = parameters;
        const Value* weights = nullptr;
        std::optional<Record> choice;
        if (parameters->is_map()) {
          choice.emplace(*parameters, parameters->path(), kChoiceFields);
          values = &choice->require("values", "the values to choose from, e.g. `values: [0.2, 0.3]`");
          weights = choice->find("weights");
        }
        if (!values->is_list())
          values->fail(fmt::format("{} must be a list of values (or a map with `values` and `weights`), not {}",
                                   values->path(), yaml_tree::describe(values->node())));
        for (const Value& v : values->items()) {
          if (input.field != UncertainField::strategy) {
            d.values.push_back(point(v));
            continue;
          }
          d.strategies.push_back(v.text());
          try {
            (void)parse_strategy(d.strategies.back());  // the registry's message, at the value's position
          } catch (const Error& e) {
            v.fail(e.message());
          }
        }
        if (weights) {
          if (!weights->is_list())
            weights->fail(fmt::format("{} must be a list of numbers, one per value", weights->path()));
          for (const Value& w : weights->items()) d.weights.push_back(w.number());
        }
        break;
      }
    }
  }

  const Context& context_;
  Value root_;
  Scenario scenario_;
  Index issue_index_, actor_index_, channel_index_;  // id -> index in scenario_
  mutable std::unordered_map<std::string, Index> option_index_;  // issue id -> option -> index
  std::uint64_t explicit_values_ = 0;  // entries of all stances' `values` so far
};

}  // namespace

namespace {

// The position of the field at a dotted path ("stages.truce.protocol", "links.0.issues"),
// variant overrides applied: the deepest part of the path the document has. With `key`, the
// position of the last part's key rather than its value (an unknown setting is its key).
YAML::Mark mark_of(const Value& root, const std::string& path, bool key) {
  Value at = root;
  std::optional<YAML::Mark> key_mark;
  std::size_t begin = 0;
  while (begin < path.size()) {
    const std::size_t end = std::min(path.find('.', begin), path.size());
    const std::string part = path.substr(begin, end - begin);
    begin = end + 1;
    if (at.is_map()) {
      const auto entries = at.entries("field", /*allow_empty=*/true);
      const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& entry) { return entry.key == part; });
      if (it == entries.end()) break;
      at = it->value;
      key_mark = begin > path.size() ? std::optional<YAML::Mark>(it->key_mark) : std::nullopt;
    } else if (at.is_list()) {
      const auto items = at.items();
      const auto index = yaml_tree::parse_number(part);
      if (!index || *index < 0 || *index >= double(items.size())) break;
      at = items[std::size_t(*index)];
      key_mark.reset();
    } else {
      break;
    }
  }
  return key && key_mark ? *key_mark : at.mark();
}

}  // namespace

Scenario build_scenario(const Context& context, const YAML::Node& root) {
  Scenario scenario = Builder(context, root).build();
  try {
    validate(scenario, validation_catalog());
  } catch (const Error& error) {
    const Value document(context, root, "", YAML::Mark::null_mark());
    context.fail(mark_of(document, error.location().field, error.location().at_key),
                 error.location().field + ": " + error.message());
  }
  return scenario;
}

}  // namespace yaml_scenario

Scenario parse_scenario_yaml(std::string_view text, const std::string& file_name, const std::string& variant) {
  yaml_tree::check_utf8(text, file_name);
  yaml_tree::check_nesting(text, file_name, yaml_scenario::kMaxNesting);
  const YAML::Node root = yaml_tree::load_document(text, file_name);
  return yaml_scenario::build_with_variants(root, file_name, variant);
}

ScenarioFile parse_scenario_file_yaml(std::string_view text, const std::string& file_name) {
  yaml_tree::check_utf8(text, file_name);
  yaml_tree::check_nesting(text, file_name, yaml_scenario::kMaxNesting);
  const YAML::Node root = yaml_tree::load_document(text, file_name);
  yaml_scenario::BuiltVariants built = yaml_scenario::build_all_variants(root, file_name);
  ScenarioFile file{std::move(built.base), {}};
  for (auto& [id, scenario] : built.variants) file.variants.emplace(id, std::move(scenario));
  return file;
}

bool grid_points_distinct(double lower, double upper, std::uint32_t steps) {
  const double magnitude = std::max(std::abs(lower), std::abs(upper));
  return steps >= 2 && (upper - lower) / (steps - 1) >= yaml_scenario::kMinRelativeGridSpacing * magnitude;
}

Scenario load_scenario_yaml(const std::filesystem::path& file, const std::string& variant) {
  return parse_scenario_yaml(read_text_file(file), file.string(), variant);
}

}  // namespace parley
