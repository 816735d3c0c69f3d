// Variants of a YAML scenario: named sets of `dotted.path: new value` overrides. Every
// variant is checked when a file is loaded (its paths exist in the base document and the
// varied scenario is valid), so a broken variant is reported even when it is not applied.

#include <algorithm>
#include <charconv>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "parley/core/validate.hpp"
#include "parley/io/input_error.hpp"
#include "scenario_yaml_internal.hpp"
#include "yaml_tree.hpp"

namespace parley::yaml_scenario {

using yaml_tree::Context;
using yaml_tree::Override;
using yaml_tree::Record;
using yaml_tree::Value;

namespace {

struct VariantSpec {
  std::string id;
  std::string description;
  std::vector<Override> overrides;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

std::optional<YAML::Node> find_key(const YAML::Node& map, const std::string& key) {
  for (const auto& pair : map)
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  return std::nullopt;
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (const auto& pair : map)
    if (pair.first.IsScalar()) keys.push_back(pair.first.Scalar());
  return keys;
}

// Keys a variant may add to the map at `parent` when the base document leaves them out:
// optional fields (left at their defaults) and, in `stances`, issue ids. `any` is set for
// open maps (protocol settings).
std::vector<std::string> addable_keys(const std::vector<std::string>& parent, const YAML::Node& root, bool& any) {
  const auto fields = [](std::span<const std::string_view> list) {
    return std::vector<std::string>(list.begin(), list.end());
  };
  any = false;
  const std::size_t n = parent.size();
  if (n == 0) {
    auto keys = fields(kRootFields);
    keys.erase(std::find(keys.begin(), keys.end(), "variants"));
    return keys;
  }
  const std::string& section = parent[0];
  if (n == 2 && section == "issues") return fields(kIssueFields);
  if (n == 2 && section == "actors") return fields(kActorFields);
  if (n == 3 && section == "actors" && parent[2] == "stances") {
    const auto issues = find_key(root, "issues");
    return issues && issues->IsMap() ? keys_of(*issues) : std::vector<std::string>{};
  }
  if (n == 4 && section == "actors" && parent[2] == "stances") return fields(kStanceFields);
  if (n == 3 && section == "actors" && parent[2] == "rectangles") return fields(kRectanglesFields);
  if (n == 3 && section == "actors" && parent[2] == "beliefs") {
    const auto actors = find_key(root, "actors");
    return actors && actors->IsMap() ? keys_of(*actors) : std::vector<std::string>{};
  }
  if (n == 4 && section == "actors" && parent[2] == "beliefs") return fields(kBeliefFields);
  if (n == 2 && section == "channels") return fields(kChannelFields);
  if (n == 2 && section == "stages") return fields(kStageFields);
  if (n == 3 && section == "stages" && parent[2] == "settings") any = true;
  if (n == 2 && section == "links") return fields(kLinkFields);
  if (n == 2 && section == "uncertainty") return fields(kUncertaintyFields);
  if (n == 3 && section == "uncertainty") {
    const auto parts = fields(kIssueTargetFields);
    return parent[2] == "position" || parent[2] == "salience" ? parts : std::vector<std::string>(parts.begin() + 1, parts.end());
  }
  if (n == 4 && section == "uncertainty" && parent[3] == "normal") return fields(kNormalFields);
  if (n == 4 && section == "uncertainty" && parent[3] == "choice") return fields(kChoiceFields);
  return {};
}

// Resolves variant paths in the base document. Each map on a path is indexed by key once,
// so a variant of 10^5 paths into a map of 10^5 actors costs linear time (issue 8), where a
// scan of the map per path part was quadratic.
class PathChecker {
 public:
  PathChecker(const Context& context, const YAML::Node& root) : context_(context), root_(root) {}

  // Checks that `item.path` names something in the base document (or an optional field it
  // leaves out) and sets `item.adds`.
  void check(const std::string& variant, Override& item) {
    const auto fail = [&](const std::string& why) {
      context_.fail(item.key_mark, fmt::format("variant '{}' sets '{}', but {}", variant, item.path, why));
    };
    const auto parts = split_path(item.path);
    if (std::any_of(parts.begin(), parts.end(), [](const std::string& part) { return part.empty(); }))
      fail("the path has an empty part; separate its parts with single dots, e.g. actors.us.discount");
    if (parts[0] == "variants") fail("a variant cannot change `variants`");

    YAML::Node node(root_);
    std::string prefix;  // the parts before `part`, joined
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string& part = parts[i];
      const std::string parent = i == 0 ? std::string("the base scenario") : fmt::format("'{}'", prefix);
      if (node.IsMap()) {
        const Keys& keys = keys_at(prefix, node);
        if (const auto child = keys.find(part); child != keys.end()) {
          node.reset(child->second);  // rebind; `node = x` would overwrite the document
          prefix = yaml_tree::child_path(prefix, part);
          continue;
        }
        if (i + 1 == parts.size() && addable(parts, i)) {
          item.adds = true;
          return;
        }
        bool any = false;
        auto candidates = addable_keys(std::vector<std::string>(parts.begin(), parts.begin() + std::ptrdiff_t(i)), root_, any);
        for (auto& key : keys_of(node)) candidates.push_back(std::move(key));
        fail(fmt::format("{} has no '{}'{}; a variant changes only what the base scenario defines, or an optional "
                         "field it leaves out",
                         parent, part, did_you_mean(part, candidates)));
      }
      if (node.IsSequence()) {
        std::size_t index = 0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), index);
        if (error == std::errc() && end == part.data() + part.size() && index < node.size()) {
          node.reset(node[index]);
          prefix = yaml_tree::child_path(prefix, part);
          continue;
        }
        fail(fmt::format("{} is a list of {} items, numbered from 0, so it has no item '{}'", parent, node.size(), part));
      }
      fail(fmt::format("{} is {} and has no parts", parent, yaml_tree::describe(node)));
    }
  }

 private:
  using Keys = std::unordered_map<std::string, YAML::Node>;

  // The keys of the map at `path` (the first occurrence of a duplicate key, as find_key).
  const Keys& keys_at(const std::string& path, const YAML::Node& map) {
    auto [it, fresh] = keys_.try_emplace(path);
    if (fresh)
      for (const auto& pair : map)
        if (pair.first.IsScalar()) it->second.try_emplace(pair.first.Scalar(), pair.second);
    return it->second;
  }

  // Whether parts[i] may be added to the map at parts[0..i).
  bool addable(const std::vector<std::string>& parts, std::size_t i) {
    const std::vector<std::string> parent(parts.begin(), parts.begin() + std::ptrdiff_t(i));
    if (i == 3 && parts[0] == "actors" && parts[2] == "stances") {  // an issue id
      const auto issues = find_key(root_, "issues");
      return issues && issues->IsMap() && keys_at("issues", *issues).count(parts[i]) != 0;
    }
    bool any = false;
    const auto keys = addable_keys(parent, root_, any);
    return any || std::find(keys.begin(), keys.end(), parts[i]) != keys.end();
  }

  const Context& context_;
  YAML::Node root_;
  std::unordered_map<std::string, Keys> keys_;  // by the map's dotted path
};

std::vector<VariantSpec> read_variants(const Context& context, const YAML::Node& root) {
  std::vector<VariantSpec> specs;
  const Value root_value(context, root, "", YAML::Mark::null_mark());
  const Record record(root_value, "the scenario", kRootFields);
  const Value* variants = record.find("variants");
  if (!variants) return specs;
  PathChecker paths(context, root);
  for (const auto& entry : variants->entries("variant id", /*allow_empty=*/true)) {
    if (!is_valid_id(entry.key))
      context.fail(entry.key_mark, fmt::format("invalid variant id '{}': ids may contain only letters, digits, '_' "
                                               "and '-'",
                                               entry.key));
    const std::string what = fmt::format("variant '{}'", entry.key);
    const Record fields(entry.value, what, kVariantFields, /*allow_empty=*/true);
    VariantSpec spec;
    spec.id = entry.key;
    if (const Value* description = fields.find("description")) spec.description = description->text();
    const Value& set = fields.require("set", "a map from dotted path to new value, e.g. `actors.us.discount: 0.9`");
    for (const auto& change : set.entries("path")) spec.overrides.push_back({change.key, change.key_mark, change.value.node()});
    if (spec.overrides.empty())
      set.fail(fmt::format("{} sets nothing; give at least one `dotted.path: value`", what));
    for (auto& item : spec.overrides) paths.check(spec.id, item);
    // A path set together with one inside it: look up each path's dotted prefixes.
    std::unordered_set<std::string_view> set_paths;
    for (const auto& item : spec.overrides) set_paths.insert(item.path);
    for (const auto& inner : spec.overrides)
      for (std::size_t dot = inner.path.find('.'); dot != std::string::npos; dot = inner.path.find('.', dot + 1))
        if (const auto outer = std::string_view(inner.path).substr(0, dot); set_paths.count(outer))
          context.fail(inner.key_mark, fmt::format("{} sets both '{}' and '{}', which lies inside it; set only one", what,
                                                   outer, inner.path));
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::string flow_text(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  return out.c_str();
}

}  // namespace

namespace {

// Every variant built (and so checked), in file order; `keep`: which to keep (an id, or
// every one when null).
BuiltVariants build_variants(const YAML::Node& root, const std::string& file, const std::string* keep) {
  yaml_tree::Budget budget{kMaxEntriesRead};
  const Context base_context(file, budget);
  BuiltVariants built;
  built.base = build_scenario(base_context, root);
  std::vector<VariantSpec> specs = read_variants(base_context, root);

  if (keep != nullptr && !keep->empty() &&
      std::none_of(specs.begin(), specs.end(), [&](const VariantSpec& spec) { return spec.id == *keep; })) {
    if (specs.empty()) throw InputError(file, fmt::format("unknown variant '{}': the file defines no variants", *keep));
    std::vector<std::string> ids;
    std::string list;
    for (const auto& spec : specs) {
      ids.push_back(spec.id);
      list += (list.empty() ? "" : ", ") + spec.id;
    }
    throw InputError(file, fmt::format("unknown variant '{}'{}; the variants are: {}", *keep, did_you_mean(*keep, ids),
                                       list));
  }

  std::vector<VariantSummary> summaries;
  for (const auto& spec : specs) {
    Context context(file, budget);
    context.set_overrides(spec.overrides);
    try {
      Scenario varied = build_scenario(context, root);
      if (keep == nullptr || spec.id == *keep) {
        varied.variant = spec.id;
        built.variants.emplace_back(spec.id, std::move(varied));
      }
    } catch (const InputError& error) {
      throw InputError(error.file(), error.line(), error.column(),
                       fmt::format("{} (in variant '{}')", error.message(), spec.id));
    }
    VariantSummary summary{spec.id, spec.description, {}, {}};
    for (const auto& item : spec.overrides) {
      summary.overrides.push_back(item.path);
      summary.values.push_back(flow_text(item.value));
    }
    summaries.push_back(std::move(summary));
  }

  for (auto& entry : built.variants) entry.second.variants = summaries;
  built.base.variants = std::move(summaries);
  built.base.variant.clear();
  return built;
}

}  // namespace

Scenario build_with_variants(const YAML::Node& root, const std::string& file, const std::string& variant) {
  BuiltVariants built = build_variants(root, file, &variant);
  if (variant.empty()) return std::move(built.base);
  return std::move(built.variants.front().second);  // the one kept: the id was checked
}

BuiltVariants build_all_variants(const YAML::Node& root, const std::string& file) {
  return build_variants(root, file, nullptr);
}

}  // namespace parley::yaml_scenario
