#pragma once
// Input of the exchange model "Decide" (github.com/foarsitter/decide-exchange-model,
// data/input): one record per line, fields separated by tabs, semicolons or commas, each
// optionally in single or double quotes.
//
//   #A  actor-id  name  [description]          an actor
//   #P  issue-id  name  [description]          an issue
//   #M  issue-id  value                        a point of the scale (min and max used)
//   #D  actor-id  issue-id  position  salience  power
//
// Salience: 0–1 when every salience is ≤ 1, else 0–100 (divided by 100); stated in the
// scenario's description. Power is the actor's capability and must be the same on every
// issue (parley keeps one capability per actor) and > 0; numbers must lie within ±1e12.
// Positions must lie on the issue's
// scale; an issue without #M lines gets the range of its positions (stated). An actor without
// a #D line for an issue has no stake in it (salience 0, position at the scale's midpoint).
// Lines starting with another `#` tag, and blank lines, are errors and skipped respectively.

#include <filesystem>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"

namespace parley {

// True when the first non-blank line is an #A, #P, #M or #D record.
bool looks_like_exchange_input(std::string_view text);

// Throw InputError("file:line:col: what is wrong").
Scenario parse_exchange_input(std::string_view text, const std::string& file_name);
Scenario import_exchange_input(const std::filesystem::path& file);

}  // namespace parley
