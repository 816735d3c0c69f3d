#pragma once
// The parley scenario format (YAML), documented field by field in docs/format.md.

#include <filesystem>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"

namespace parley {

// Parses and validates a scenario; with a non-empty `variant`, applies that variant's
// overrides first. Throws InputError ("file:line:col: what is wrong") on any bad input.
Scenario parse_scenario_yaml(std::string_view text, const std::string& file_name,
                             const std::string& variant = "");
Scenario load_scenario_yaml(const std::filesystem::path& file, const std::string& variant = "");

// The scenario in the parley format; parse_scenario_yaml(to_yaml(s)) reproduces s.
std::string scenario_to_yaml(const Scenario& scenario);

}  // namespace parley
