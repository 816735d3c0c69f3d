#pragma once
// BDM-style actor tables: the CSV that replications of Bueno de Mesquita's expected-utility
// model share (one issue, one actor per line).
//
//   Actor,Capability,Position,Salience
//   Netherlands,0.08,4,0.8
//
// Header names are matched without regard to case: the actor column is `Actor`,
// `Stakeholder` or `Name`; capability is `Capability`, `Resources`, `Power`, `Clout` or
// `Influence`; then `Position` and `Salience`. Further columns (e.g. Flexibility, Veto) are
// named in the scenario's description as not used. Capability must be in (0, 1e12],
// positions within ±1e12, salience ≥ 0.
// Salience scale: 0–1 when every salience is ≤ 1, else 0–100 (divided by 100; > 100 is an
// error); the choice is stated in the scenario's description. The scale is the range
// of the positions (stated too); a single position p gets the scale [p − 1, p + 1].
// Blank lines, CRLF line ends and double-quoted fields are accepted.

#include <filesystem>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"

namespace parley {

// True when the first non-blank line is a header with actor, capability, position and
// salience columns.
bool looks_like_bdm_csv(std::string_view text);

// Throws InputError("file:line:col: what is wrong").
Scenario parse_bdm_csv(std::string_view text, const std::string& file_name);
Scenario import_bdm(const std::filesystem::path& file);

}  // namespace parley
