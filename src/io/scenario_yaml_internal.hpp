#pragma once
// Internal to the YAML scenario reader and writer: the fields of each map and the limits of
// the format (docs/format.md), shared by the builder, the variant checker and the writer.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "parley/core/scenario.hpp"

namespace parley::yaml_tree {
class Context;
}

namespace parley::yaml_scenario {

inline constexpr std::string_view kRootFields[] = {"name",   "description", "issues", "actors",     "channels",
                                                   "stages", "links",       "uncertainty", "variants"};
inline constexpr std::string_view kIssueFields[] = {"name",  "options", "ordered",         "integer",      "range",
                                                    "steps", "labels",  "reference_point", "known_outcome"};
inline constexpr std::string_view kActorFields[] = {"name",  "capability", "note",    "reservation",
                                                    "risk",  "discount",   "shape",   "weights",
                                                    "stances", "rectangles", "strategy", "beliefs"};
// actors.A.beliefs.B: what A believes of B (a ratifier): {reservation: number or distribution, note}.
inline constexpr std::string_view kBeliefFields[] = {"reservation", "note"};
inline constexpr std::string_view kStanceFields[] = {"position", "salience", "values"};
inline constexpr std::string_view kRectanglesFields[] = {"scale", "boxes"};
inline constexpr std::string_view kBoxFields[] = {"utility", "inside", "outside"};
inline constexpr std::string_view kChannelFields[] = {"name", "members", "outsiders_see"};
inline constexpr std::string_view kStageFields[] = {"name",     "issues",   "channel", "protocol",
                                                    "settings", "deadline", "ratify",  "after"};
inline constexpr std::string_view kLinkFields[] = {"issues", "note"};
// uncertainty: a list of items {actor, note, FIELD: {issue, KIND: parameters}}.
inline constexpr std::string_view kUncertainFields[] = {"position", "salience", "capability",
                                                        "reservation", "discount", "strategy"};
inline constexpr std::string_view kUncertaintyFields[] = {"actor",       "note",     "position", "salience", "capability",
                                                          "reservation", "discount", "strategy"};
inline constexpr std::string_view kDistributionKinds[] = {"normal", "uniform", "triangular", "choice"};
inline constexpr std::string_view kIssueTargetFields[] = {"issue", "normal", "uniform", "triangular", "choice"};
inline constexpr std::string_view kNormalFields[] = {"mean", "sd", "min", "max"};
inline constexpr std::string_view kChoiceFields[] = {"values", "weights"};
inline constexpr std::string_view kVariantFields[] = {"description", "set"};

inline constexpr int kMaxNesting = 64;                         // levels of YAML nesting
inline constexpr std::uint64_t kMaxEntriesRead = 2'000'000;    // map entries and list items read, all variants
inline constexpr std::int64_t kMaxIssueValues = 1'000'000'000;  // values of an integer issue, steps
inline constexpr std::int64_t kMaxIntegerBound = 1'000'000'000'000'000;  // |bound| of an integer issue
inline constexpr double kMinRelativeGridSpacing = 1e-12;     // grid spacing / largest |bound|
inline constexpr std::uint32_t kMaxExplicitValues = 100'000;    // values of an issue with explicit `values`
inline constexpr std::uint64_t kMaxExplicitValuesTotal = 10'000'000;  // summed over all stances

// Builds and validates a scenario from a document (overrides of the context applied).
Scenario build_scenario(const yaml_tree::Context& context, const YAML::Node& root);

// Builds the base scenario, checks every variant (paths exist, the varied scenario is
// valid), and returns the base or the requested variant with `variants` filled.
Scenario build_with_variants(const YAML::Node& root, const std::string& file, const std::string& variant);

// The base scenario and every variant's, each with `variants` filled (and `variant` set on
// the varied ones): what build_with_variants returns for "" and for each id.
struct BuiltVariants {
  Scenario base;
  std::vector<std::pair<std::string, Scenario>> variants;  // in file order
};
BuiltVariants build_all_variants(const YAML::Node& root, const std::string& file);

}  // namespace parley::yaml_scenario
