// Writing a Scenario in the parley YAML format (docs/format.md). Fields at their defaults
// are left out; short lists and stances use flow style ([a, b], {position: 3, salience: 1}).
// Numbers are written in their shortest exact form, so reading the text back reproduces
// every double bit for bit.

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "parley/core/error.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/core/validate.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "scenario_yaml_internal.hpp"
#include "yaml_tree.hpp"

namespace parley {
namespace {

using yaml_tree::format_number;

constexpr std::size_t kShortFlow = 72;       // flow style for lists up to this many characters
constexpr std::size_t kFlowStanceValues = 12;  // stances listing more values are written in block style

// Multi-line text reads best as a literal block; yaml-cpp's literal style keeps exactly one
// final newline, so only text ending in exactly one newline (and otherwise plain) uses it.
bool fits_literal_block(const std::string& text) {
  if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
  if (text.front() == ' ' || text.front() == '\n') return false;
  if (text.find('\n') == text.size() - 1 && text.size() < 80) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7f;
  });
}

// yaml-cpp leaves some text unquoted that reads back differently (" " reads as empty, a
// lone carriage return as a line break): quote empty text, text with surrounding blanks and
// text with control characters (double quotes escape them).
bool needs_quotes(const std::string& text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  return text.empty() || blank(text.front()) || blank(text.back()) ||
         std::any_of(text.begin(), text.end(), [](char c) {
           const auto u = static_cast<unsigned char>(c);
           return u < 0x20 || u == 0x7f;
         });
}

std::string integer_text(double x) { return fmt::format("{}", static_cast<long long>(x)); }

// The text of value index v of an issue, as `values` keys and rectangle bounds write it.
std::string value_key(const Issue& issue, std::uint32_t v) {
  switch (issue.kind) {
    case IssueKind::discrete: return issue.options.at(v);
    case IssueKind::integer: return integer_text(issue.lower + v);
    case IssueKind::continuous: return format_number(issue.value_number(v));
  }
  return {};
}

bool is_default(const Stance& stance) { return stance.position == 0 && stance.salience == 0 && stance.values.empty(); }

// The position the reader infers from `values`: the best value (first on ties).
double position_from_values(const Issue& issue, const Stance& stance) {
  const auto best = std::max_element(stance.values.begin(), stance.values.end());
  return issue.value_number(static_cast<std::uint32_t>(best - stance.values.begin()));
}

bool is_default_stage_list(const Scenario& scenario) {
  return scenario.stages.size() == 1 && scenario.stages.front() == all_issues_stage(scenario.issues.size());
}

class Writer {
 public:
  explicit Writer(const Scenario& scenario) : scenario_(scenario) { out_.SetIndent(2); }

  std::string write() {
    if (!scenario_.variant.empty())
      out_ << YAML::Comment(fmt::format("variant '{}' applied; the file's variants are left out", scenario_.variant))
           << YAML::Newline;
    out_ << YAML::BeginMap;
    field("name");
    text(scenario_.name);
    if (!scenario_.description.empty()) {
      field("description");
      text(scenario_.description);
    }
    field("issues");
    out_ << YAML::BeginMap;
    for (const auto& issue : scenario_.issues) write_issue(issue);
    out_ << YAML::EndMap;
    field("actors");
    out_ << YAML::BeginMap;
    for (const auto& actor : scenario_.actors) write_actor(actor);
    out_ << YAML::EndMap;
    if (!scenario_.channels.empty()) {
      field("channels");
      out_ << YAML::BeginMap;
      for (const auto& channel : scenario_.channels) write_channel(channel);
      out_ << YAML::EndMap;
    }
    if (!is_default_stage_list(scenario_)) {
      field("stages");
      out_ << YAML::BeginMap;
      for (const auto& stage : scenario_.stages) write_stage(stage);
      out_ << YAML::EndMap;
    }
    if (!scenario_.links.empty()) {
      field("links");
      out_ << YAML::BeginSeq;
      for (const auto& link : scenario_.links) {
        out_ << YAML::BeginMap;
        field("issues");
        id_list(link.issues, [&](std::size_t i) { return scenario_.issues.at(i).id; });
        if (!link.note.empty()) {
          field("note");
          text(link.note);
        }
        out_ << YAML::EndMap;
      }
      out_ << YAML::EndSeq;
    }
    if (!scenario_.uncertainty.empty()) write_uncertainty();
    if (scenario_.variant.empty() && !scenario_.variants.empty()) write_variants();
    out_ << YAML::EndMap;
    if (!out_.good()) throw std::logic_error("scenario_to_yaml: " + out_.GetLastError());
    std::string yaml = out_.c_str();
    yaml += '\n';
    return yaml;
  }

 private:
  void field(std::string_view name) { out_ << YAML::Key << std::string(name) << YAML::Value; }
  void text(const std::string& value) {
    if (fits_literal_block(value)) {
      out_ << YAML::Literal;
    } else if (needs_quotes(value)) {
      out_ << YAML::DoubleQuoted;
    }
    out_ << value;
  }
  // Text in any position (keys, list items, flow maps).
  void word(const std::string& value) {
    if (needs_quotes(value)) out_ << YAML::DoubleQuoted;
    out_ << value;
  }
  void number(double value) { out_ << format_number(value); }

  template <typename Name>
  void id_list(const std::vector<std::size_t>& indices, Name name) {
    std::vector<std::string> names;
    std::size_t length = 0;
    for (std::size_t index : indices) {
      names.push_back(name(index));
      length += names.back().size() + 2;
    }
    string_list(names, length);
  }
  void string_list(const std::vector<std::string>& items, std::size_t length) {
    if (length <= kShortFlow) out_ << YAML::Flow;
    out_ << YAML::BeginSeq;
    for (const auto& item : items) word(item);
    out_ << YAML::EndSeq;
  }

  void write_issue(const Issue& issue) {
    out_ << YAML::Key << issue.id << YAML::Value << YAML::BeginMap;
    if (issue.name != issue.id) {
      field("name");
      text(issue.name);
    }
    switch (issue.kind) {
      case IssueKind::discrete: {
        std::size_t length = 0;
        for (const auto& option : issue.options) length += option.size() + 2;
        field("options");
        string_list(issue.options, length);
        if (issue.ordered) {
          field("ordered");
          out_ << true;
        }
        break;
      }
      case IssueKind::integer:
        field("integer");
        out_ << YAML::Flow << YAML::BeginSeq << integer_text(issue.lower) << integer_text(issue.upper) << YAML::EndSeq;
        break;
      case IssueKind::continuous:
        field("range");
        out_ << YAML::Flow << YAML::BeginSeq << format_number(issue.lower) << format_number(issue.upper)
             << YAML::EndSeq;
        if (issue.steps != Issue{}.steps) {
          field("steps");
          out_ << std::to_string(issue.steps);
        }
        if (!issue.labels.empty()) {
          field("labels");
          out_ << YAML::BeginMap;
          for (const auto& point : issue.labels) {
            out_ << YAML::Key << format_number(point.at) << YAML::Value;
            text(point.label);
          }
          out_ << YAML::EndMap;
        }
        break;
    }
    point_on_scale("reference_point", issue, issue.reference_point);
    point_on_scale("known_outcome", issue, issue.known_outcome);
    out_ << YAML::EndMap;
  }

  void point_on_scale(const char* name, const Issue& issue, const std::optional<double>& point) {
    if (!point) return;
    field(name);
    if (issue.kind == IssueKind::discrete)
      text(issue.options.at(static_cast<std::size_t>(*point)));
    else
      number(*point);
  }

  void write_actor(const Actor& actor) {
    const Actor defaults;
    const bool all_defaults =
        actor.name == actor.id && actor.capability == defaults.capability && actor.note.empty() &&
        actor.reservation_value == defaults.reservation_value && actor.risk == defaults.risk &&
        actor.discount == defaults.discount && actor.shape == defaults.shape && actor.weights == defaults.weights &&
        actor.rectangles.empty() &&
        actor.rectangle_scale == defaults.rectangle_scale && actor.strategy.empty() && actor.beliefs.empty() &&
        std::all_of(actor.stances.begin(), actor.stances.end(), [](const Stance& s) { return is_default(s); });
    out_ << YAML::Key << actor.id << YAML::Value;
    if (all_defaults) out_ << YAML::Flow;  // `id: {}`
    out_ << YAML::BeginMap;
    if (actor.name != actor.id) {
      field("name");
      text(actor.name);
    }
    if (actor.capability != defaults.capability) {
      field("capability");
      number(actor.capability);
    }
    if (!actor.note.empty()) {
      field("note");
      text(actor.note);
    }
    if (actor.reservation_value != defaults.reservation_value) {
      field("reservation");
      number(actor.reservation_value);
    }
    if (actor.risk != defaults.risk) {
      field("risk");
      number(actor.risk);
    }
    if (actor.discount != defaults.discount) {
      field("discount");
      number(actor.discount);
    }
    if (actor.shape != defaults.shape) {
      field("shape");
      out_ << to_string(actor.shape);
    }
    if (actor.weights != defaults.weights) {
      field("weights");
      out_ << to_string(actor.weights);
    }
    if (!actor.strategy.empty()) {
      field("strategy");
      text(actor.strategy);
    }
    if (std::any_of(actor.stances.begin(), actor.stances.end(), [](const Stance& s) { return !is_default(s); })) {
      field("stances");
      out_ << YAML::BeginMap;
      for (std::size_t i = 0; i < actor.stances.size(); ++i)
        if (!is_default(actor.stances[i])) write_stance(scenario_.issues.at(i), actor.stances[i]);
      out_ << YAML::EndMap;
    }
    if (!actor.rectangles.empty() || actor.rectangle_scale != defaults.rectangle_scale) write_rectangles(actor);
    if (!actor.beliefs.empty()) write_beliefs(actor);
    out_ << YAML::EndMap;
  }

  // beliefs: {B: {reservation: 0.3}} (a point estimate) or {B: {reservation: {normal: {...}}}}.
  void write_beliefs(const Actor& actor) {
    field("beliefs");
    out_ << YAML::BeginMap;
    for (const Belief& belief : actor.beliefs) {
      out_ << YAML::Key << scenario_.actors.at(belief.about).id << YAML::Value << YAML::Flow << YAML::BeginMap;
      field("reservation");
      const Distribution& d = belief.reservation;
      if (d.kind == DistributionKind::choice && d.values.size() == 1 && d.weights.empty()) {
        number(d.values.front());
      } else {
        out_ << YAML::BeginMap;
        write_distribution(d, [this](double x) { number(x); });
        out_ << YAML::EndMap;
      }
      if (!belief.note.empty()) {
        field("note");
        text(belief.note);
      }
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  void write_stance(const Issue& issue, const Stance& stance) {
    const bool has_values = !stance.values.empty();
    if (has_values && stance.values.size() != issue.value_count())
      throw std::invalid_argument(fmt::format("scenario_to_yaml: a stance on issue '{}' has {} values, not {}",
                                              issue.id, stance.values.size(), issue.value_count()));
    // Every option of a discrete issue; the non-zero values of numeric issues (unlisted ones are 0).
    const auto listed = [&](std::uint32_t v) { return issue.kind == IssueKind::discrete || stance.values[v] != 0; };
    std::size_t count = 0;
    for (std::uint32_t v = 0; v < stance.values.size(); ++v) count += listed(v) ? 1 : 0;
    out_ << YAML::Key << issue.id << YAML::Value;
    if (count <= kFlowStanceValues) out_ << YAML::Flow;
    out_ << YAML::BeginMap;
    if (!has_values || stance.position != position_from_values(issue, stance)) {
      field("position");
      if (issue.kind == IssueKind::discrete) {
        const double index = stance.position;
        if (index != std::floor(index) || index < 0 || index >= double(issue.options.size()))
          throw std::invalid_argument(fmt::format(
              "scenario_to_yaml: position {} on discrete issue '{}' is not an option index", index, issue.id));
        word(issue.options[static_cast<std::size_t>(index)]);
      } else {
        number(stance.position);
      }
    }
    field("salience");
    number(stance.salience);
    if (has_values) {
      field("values");
      out_ << YAML::BeginMap;
      for (std::uint32_t v = 0; v < stance.values.size(); ++v) {
        if (!listed(v)) continue;
        out_ << YAML::Key;
        word(value_key(issue, v));
        out_ << YAML::Value << format_number(stance.values[v]);
      }
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  void write_rectangles(const Actor& actor) {
    field("rectangles");
    out_ << YAML::BeginMap;
    if (actor.rectangle_scale != 1) {
      field("scale");
      number(actor.rectangle_scale);
    }
    field("boxes");
    if (actor.rectangles.empty()) out_ << YAML::Flow;  // `boxes: []`
    out_ << YAML::BeginSeq;
    for (const auto& rectangle : actor.rectangles) {
      out_ << YAML::Flow << YAML::BeginMap;
      field("utility");
      number(rectangle.utility);
      field(rectangle.exclusive ? "outside" : "inside");
      out_ << YAML::Flow << YAML::BeginMap;
      for (const auto& bound : rectangle.bounds) {
        const Issue& issue = scenario_.issues.at(bound.issue);
        out_ << YAML::Key << issue.id << YAML::Value << YAML::Flow << YAML::BeginSeq;
        word(value_key(issue, bound.min));
        word(value_key(issue, bound.max));
        out_ << YAML::EndSeq;
      }
      out_ << YAML::EndMap << YAML::EndMap;
    }
    out_ << YAML::EndSeq << YAML::EndMap;
  }

  void write_channel(const Channel& channel) {
    out_ << YAML::Key << channel.id << YAML::Value << YAML::BeginMap;
    if (channel.name != channel.id) {
      field("name");
      text(channel.name);
    }
    field("members");
    id_list(channel.members, [&](std::size_t a) { return scenario_.actors.at(a).id; });
    if (channel.outsiders_see != Channel{}.outsiders_see) {
      field("outsiders_see");
      out_ << to_string(channel.outsiders_see);
    }
    out_ << YAML::EndMap;
  }

  void write_stage(const Stage& stage) {
    const Stage defaults;
    out_ << YAML::Key << stage.id << YAML::Value << YAML::BeginMap;
    if (stage.name != stage.id) {
      field("name");
      text(stage.name);
    }
    field("issues");
    id_list(stage.issues, [&](std::size_t i) { return scenario_.issues.at(i).id; });
    if (stage.channel) {
      field("channel");
      out_ << scenario_.channels.at(*stage.channel).id;
    }
    if (stage.protocol != defaults.protocol) {
      field("protocol");
      word(stage.protocol);
    }
    if (!stage.protocol_settings.empty()) {
      field("settings");
      out_ << YAML::BeginMap;
      for (const auto& [key, value] : stage.protocol_settings) {
        out_ << YAML::Key;
        word(key);
        out_ << YAML::Value;
        word(value);
      }
      out_ << YAML::EndMap;
    }
    if (stage.deadline != defaults.deadline) {
      field("deadline");
      out_ << std::to_string(stage.deadline);
    }
    if (!stage.ratify.empty()) {
      field("ratify");
      id_list(stage.ratify, [&](std::size_t a) { return scenario_.actors.at(a).id; });
    }
    if (stage.after) {
      field("after");
      out_ << scenario_.stages.at(*stage.after).id;
    }
    out_ << YAML::EndMap;
  }

  // `KIND: parameters` of a distribution; `point` writes one value of its field.
  template <typename Point>
  void write_distribution(const Distribution& d, const Point& point) {
    field(to_string(d.kind));
    switch (d.kind) {
      case DistributionKind::normal:
        out_ << YAML::BeginMap;
        if (d.mean) field("mean"), point(*d.mean);
        field("sd");
        number(d.sd);
        if (d.min) field("min"), point(*d.min);
        if (d.max) field("max"), point(*d.max);
        out_ << YAML::EndMap;
        break;
      case DistributionKind::uniform:
        out_ << YAML::BeginSeq;
        point(d.min.value());
        point(d.max.value());
        out_ << YAML::EndSeq;
        break;
      case DistributionKind::triangular:
        out_ << YAML::BeginSeq;
        point(d.min.value());
        point(d.mode);
        point(d.max.value());
        out_ << YAML::EndSeq;
        break;
      case DistributionKind::choice: {
        const auto values = [&] {
          out_ << YAML::BeginSeq;
          for (double v : d.values) point(v);
          for (const std::string& strategy : d.strategies) word(strategy);
          out_ << YAML::EndSeq;
        };
        if (d.weights.empty()) {
          values();
        } else {
          out_ << YAML::BeginMap;
          field("values");
          values();
          field("weights");
          out_ << YAML::BeginSeq;
          for (double w : d.weights) number(w);
          out_ << YAML::EndSeq << YAML::EndMap;
        }
        break;
      }
    }
  }

  // uncertainty: one flow map per input's target: {issue: aid, normal: {sd: 0.1}}.
  void write_uncertainty() {
    field("uncertainty");
    out_ << YAML::BeginSeq;
    for (const UncertainInput& input : scenario_.uncertainty) {
      out_ << YAML::BeginMap;
      field("actor");
      out_ << scenario_.actors.at(input.actor).id;
      field(to_string(input.field));
      out_ << YAML::Flow << YAML::BeginMap;
      const Issue* issue = per_issue(input.field) ? &scenario_.issues.at(input.issue) : nullptr;
      if (issue) {
        field("issue");
        out_ << issue->id;
      }
      const bool options = input.field == UncertainField::position && issue->kind == IssueKind::discrete;
      const auto point = [&](double x) {
        if (!options) return number(x);
        if (x != std::floor(x) || x < 0 || x >= double(issue->options.size()))
          throw std::invalid_argument(fmt::format("scenario_to_yaml: {} is not an option index of issue '{}'", x, issue->id));
        word(issue->options[static_cast<std::size_t>(x)]);
      };
      write_distribution(input.distribution, point);
      out_ << YAML::EndMap;
      if (!input.note.empty()) {
        field("note");
        text(input.note);
      }
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndSeq;
  }

  void write_variants() {
    field("variants");
    out_ << YAML::BeginMap;
    for (const auto& variant : scenario_.variants) {
      if (variant.values.size() != variant.overrides.size())
        throw std::invalid_argument(
            fmt::format("scenario_to_yaml: variant '{}' has {} override paths but {} values", variant.id,
                        variant.overrides.size(), variant.values.size()));
      out_ << YAML::Key << variant.id << YAML::Value << YAML::BeginMap;
      if (!variant.description.empty()) {
        field("description");
        text(variant.description);
      }
      field("set");
      out_ << YAML::BeginMap;
      for (std::size_t i = 0; i < variant.overrides.size(); ++i)
        out_ << YAML::Key << variant.overrides[i] << YAML::Value << YAML::Load(variant.values[i]);
      out_ << YAML::EndMap << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  const Scenario& scenario_;
  YAML::Emitter out_;
};

// An upper bound of the map entries and list items the reader visits in the written file
// (Context::charge): every optional field counted as present, the document read once for
// the base and once per variant.
std::uint64_t entries_to_read(const Scenario& scenario) {
  constexpr std::uint64_t kPair = 3;  // a [lower, upper] list
  std::uint64_t total = std::size(yaml_scenario::kRootFields) + 1;
  total += scenario.issues.size() + 1;
  for (const Issue& issue : scenario.issues)
    total += std::size(yaml_scenario::kIssueFields) + 1 + issue.options.size() + 1 + issue.labels.size() + 1 + kPair;
  total += scenario.actors.size() + 1;
  for (const Actor& actor : scenario.actors) {
    total += std::size(yaml_scenario::kActorFields) + 1 + actor.stances.size() + 1;
    for (const Stance& stance : actor.stances) total += std::size(yaml_scenario::kStanceFields) + 1 + stance.values.size() + 1;
    total += std::size(yaml_scenario::kRectanglesFields) + 1 + actor.rectangles.size() + 1;
    for (const HyperRectangle& box : actor.rectangles)
      total += std::size(yaml_scenario::kBoxFields) + 1 + box.bounds.size() * (1 + kPair) + 1;
    for (const Belief& belief : actor.beliefs)
      total += 2 + std::size(yaml_scenario::kBeliefFields) + std::size(yaml_scenario::kNormalFields) +
               std::size(yaml_scenario::kChoiceFields) + 5 + belief.reservation.values.size() +
               belief.reservation.weights.size();
  }
  total += scenario.channels.size() + 1;
  for (const Channel& channel : scenario.channels) total += std::size(yaml_scenario::kChannelFields) + 1 + channel.members.size() + 1;
  total += scenario.stages.size() + 1;
  for (const Stage& stage : scenario.stages)
    total += std::size(yaml_scenario::kStageFields) + 1 + stage.issues.size() + 1 + stage.protocol_settings.size() + 1 +
             stage.ratify.size() + 1;
  total += scenario.links.size() + 1;
  for (const Link& link : scenario.links) total += std::size(yaml_scenario::kLinkFields) + 1 + link.issues.size() + 1;
  total += scenario.uncertainty.size() + 1;
  for (const UncertainInput& input : scenario.uncertainty)
    total += std::size(yaml_scenario::kUncertaintyFields) + std::size(yaml_scenario::kIssueTargetFields) +
             std::size(yaml_scenario::kNormalFields) + std::size(yaml_scenario::kChoiceFields) + 5 +
             input.distribution.values.size() + input.distribution.strategies.size() + input.distribution.weights.size();
  std::uint64_t variants = scenario.variants.size() + 1;
  for (const VariantSummary& variant : scenario.variants) variants += 4 + variant.overrides.size();
  total += variants;
  return total * (scenario.variant.empty() ? scenario.variants.size() + 1 : 1) + variants;
}

[[noreturn]] void too_large(const std::string& field, const std::string& message) {
  throw field_error(field, message, ErrorKind::too_large);
}

}  // namespace

void check_format_limits(const Scenario& scenario) {
  using namespace yaml_scenario;
  for (const Issue& issue : scenario.issues) {
    const std::string field = "issues." + issue.id;
    if (issue.kind == IssueKind::integer) {
      if (std::abs(issue.lower) > double(kMaxIntegerBound) || std::abs(issue.upper) > double(kMaxIntegerBound))
        too_large(field + ".integer",
                  fmt::format("bounds [{}, {}] lie beyond ±{}, the largest a scenario file holds; use a continuous "
                              "issue with `range`",
                              format_number(issue.lower), format_number(issue.upper), kMaxIntegerBound));
      if (issue.upper - issue.lower >= double(kMaxIssueValues))
        too_large(field + ".integer", fmt::format("spans {} values; at most {} are supported (use a continuous issue "
                                                  "with `range` and `steps`)",
                                                  format_number(issue.upper - issue.lower + 1), kMaxIssueValues));
    } else if (issue.kind == IssueKind::continuous) {
      if (issue.steps > kMaxIssueValues)
        too_large(field + ".steps", fmt::format("{} grid points; at most {}", issue.steps, kMaxIssueValues));
      if (!grid_points_distinct(issue.lower, issue.upper, issue.steps))
        too_large(field + ".range",
                  fmt::format("[{}, {}] is too narrow for numbers this large: its {} grid points would not be "
                              "distinct; shift the scale or use fewer steps",
                              format_number(issue.lower), format_number(issue.upper), issue.steps));
    }
  }
  std::uint64_t explicit_values = 0;
  for (const Actor& actor : scenario.actors)
    for (std::size_t i = 0; i < actor.stances.size() && i < scenario.issues.size(); ++i) {
      if (actor.stances[i].values.empty()) continue;
      const Issue& issue = scenario.issues[i];
      const std::string field = fmt::format("actors.{}.stances.{}.values", actor.id, issue.id);
      if (issue.value_count() > kMaxExplicitValues)
        too_large(field, fmt::format("issue '{}' has {} values, too many for explicit `values` (at most {}); a "
                                     "scenario file cannot hold this utility function",
                                     issue.id, issue.value_count(), kMaxExplicitValues));
      explicit_values += issue.value_count();
      if (explicit_values > kMaxExplicitValuesTotal)
        too_large(field, fmt::format("explicit `values` cover more than {} issue values in all, the most a scenario "
                                     "file holds",
                                     kMaxExplicitValuesTotal));
    }
  const std::uint64_t entries = entries_to_read(scenario);
  if (entries > kMaxEntriesRead)
    too_large("", fmt::format("the scenario is too large for one scenario file: reading it could visit {} map "
                              "entries and list items, more than the limit of {}",
                              entries, kMaxEntriesRead));
}

std::string scenario_to_yaml(const Scenario& scenario) {
  validate(scenario, validation_catalog());
  check_format_limits(scenario);
  return Writer(scenario).write();
}

}  // namespace parley
