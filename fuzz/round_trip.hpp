#pragma once
// Import, write, read back, compare (issue 8), for the importer fuzz targets: a scenario an
// importer returns either writes to YAML that reads back to the same scenario, or the writer
// refuses it with parley::Error naming the field (the import then fails with that reason,
// exit 2). A written file that the reader refuses, or reads differently, aborts.

#include <cstdlib>
#include <string>

#include "parley/core/error.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley_fuzz {

inline void require_round_trip(const parley::Scenario& scenario) {
  std::string yaml;
  try {
    yaml = parley::scenario_to_yaml(scenario);
  } catch (const parley::Error&) {
    return;  // refused with a reason
  }
  try {
    if (!(parley::parse_scenario_yaml(yaml, "written.yaml") == scenario)) std::abort();
  } catch (const parley::Error&) {
    std::abort();
  }
}

}  // namespace parley_fuzz
