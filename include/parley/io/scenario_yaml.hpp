#pragma once
// The parley scenario format (YAML), documented field by field in docs/format.md.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"

namespace parley {

// Parses and validates a scenario; with a non-empty `variant`, applies that variant's
// overrides first. Throws InputError ("file:line:col: what is wrong") on any bad input.
Scenario parse_scenario_yaml(std::string_view text, const std::string& file_name,
                             const std::string& variant = "");
Scenario load_scenario_yaml(const std::filesystem::path& file, const std::string& variant = "");

// A scenario file read once, with every variant applied in memory (so many variants cost
// one parse of the document, not one per variant).
struct ScenarioFile {
  Scenario base;  // equal to load_scenario(path): the scenario as written
  std::map<std::string, Scenario> variants;  // id → equal to load_scenario(path, id)
};
// Parses and validates the base scenario and every variant. Throws InputError as
// parse_scenario_yaml does (a broken variant fails the whole file, as it does there).
ScenarioFile parse_scenario_file_yaml(std::string_view text, const std::string& file_name);

// The scenario in the parley format; parse_scenario_yaml(to_yaml(s)) reproduces s.
// Throws parley::Error naming the field when the scenario is invalid (validate()) or breaks
// a limit of the format (check_format_limits), so nothing written is refused when read.
std::string scenario_to_yaml(const Scenario& scenario);

// The format's limits beyond validate()'s invariants (docs/format.md, "Limits"): integer
// bounds and spans, grid spacing, explicit `values`, entries read. Throws parley::Error
// (ErrorKind::too_large) naming the field of the first limit broken. REQUIRES: validate()
// accepts the scenario.
void check_format_limits(const Scenario& scenario);

// Whether `steps` grid points spaced equally on [lower, upper] are distinct numbers by the
// format's rule (spacing >= 1e-12 x the largest |bound|). Importers check it to refuse a
// scale too narrow for its magnitude at the line that sets it.
bool grid_points_distinct(double lower, double upper, std::uint32_t steps);

}  // namespace parley
