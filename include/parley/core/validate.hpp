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
#include <string_view>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/scenario.hpp"

namespace parley {

// What validation knows of the layers above core, as data: the protocols that exist with the
// settings each takes, and the settings every stage takes whatever its protocol (on_failure,
// ...). negotiate's validation_catalog() builds it from its registries.
struct ProtocolRules {
  std::string name;
  std::vector<ParamSpec> settings;
};
struct ValidationCatalog {
  std::vector<ProtocolRules> protocols;  // empty: protocol names and settings are not checked
  std::vector<ParamSpec> stage_settings;
};

// Throws parley::Error (kind invalid, unknown_name or too_large) located at the first field
// that breaks an invariant, in document order: name, issues, actors, channels, stages, links.
// With a catalog, also every stage's protocol name ("stages.ID.protocol", exact spelling, with
// "did you mean") and settings ("stages.ID.settings.KEY": an unknown key names the stage's and
// the protocol's settings; a bad value names what it must be). A setting's value may name an
// actor by id where the protocol takes a party (mediator: us); the stage runner maps it.
void validate(const Scenario& scenario, const ValidationCatalog& catalog = {});

// True when `id` is a valid id: non-empty, letters, digits, '_' and '-'.
bool is_valid_id(std::string_view id);

}  // namespace parley
