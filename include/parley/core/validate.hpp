#pragma once
// validate(): the one check of a Scenario's invariants (scenario.hpp lists them), for every
// scenario however it was made: loaded from YAML, imported from a peer tool, built in C++ or
// (later) Python. Errors name the field that breaks a rule by its dotted path in the scenario
// format ("stages.truce.protocol", "actors.us.stances.aid.position", "links.0.issues"), so the
// io layer can point at the file's line and column and other callers at the field.
//
// What lies above core (the protocols that exist and the settings each takes, the stage
// settings the stage runner reads) comes in as a catalog of parameter specs, so core knows no
// protocol by name.

#include <string>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

// Throws parley::Error (kind invalid, unknown_name or too_large) located at the first field
// that breaks an invariant, in document order: name, issues, actors, channels, stages, links.
void validate(const Scenario& scenario);

// True when `id` is a valid id: non-empty, letters, digits, '_' and '-'.
bool is_valid_id(const std::string& id);

}  // namespace parley
