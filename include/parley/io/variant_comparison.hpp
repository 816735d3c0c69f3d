#pragma once
// `parley compare` and parley.compare: the same staged negotiation (same strategies, same
// seed) under several variants of a scenario, side by side.

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {

// The name of the scenario as written, without a variant applied (unless the scenario
// defines a variant of that name).
inline constexpr const char* kBaseVariant = "base";

struct VariantRun {
  std::string name;   // kBaseVariant or a variant id
  Scenario scenario;  // the variant applied
  StagedResult result;
};

struct VariantComparison {
  Scenario base;                 // the scenario as written
  std::vector<VariantRun> runs;  // in the order asked for
};

// Runs run_staged on each of `variants` of `file` (empty: base, then every variant in the
// file's order), each with options_for(its scenario) and no trace. options_for is called
// once more first, on the base, so that a bad choice is refused before anything runs.
// Throws parley::Error (field "variants", unknown_name) for a name that is neither base nor
// a variant, and what options_for and run_staged throw.
VariantComparison compare_variants(const ScenarioFile& file, const std::vector<std::string>& variants,
                                   const std::function<StagedOptions(const Scenario&)>& options_for);

// {"parley" header of the base, scenario: base name, variants: [staged_result_to_json of each
// run plus variant: its name]} — the document of `parley compare --json`.
nlohmann::json comparison_to_json(const VariantComparison& comparison);

}  // namespace parley
