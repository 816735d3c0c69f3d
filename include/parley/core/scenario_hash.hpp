#pragma once
// A fingerprint of a scenario as loaded, so that a result document can say which scenario it
// came from. It hashes the scenario's values, not its file: the same scenario written as YAML,
// imported from GENIUS, or re-read after `parley import`, hashes the same.
//
// What is hashed (a canonical serialisation, fed to 64-bit FNV-1a):
//   - a format tag ("parley-scenario-hash/2"), changed whenever this list changes;
//   - issues in order: id, kind, and the fields of that kind (continuous: range, steps and
//     labels; integer: range; discrete: options and ordered), reference_point, known_outcome;
//   - actors in order: id, capability, per issue stance (position, salience, values), shape,
//     reservation_value, risk, discount, strategy, rectangles (bounds, utility, exclusive), when it
//     has rectangles, rectangle_scale, when not `normalised`, weights, and, when it has any,
//     beliefs (about whom, the reservation distribution's kind and parameters);
//   - channels: id, members, outsiders_see; stages: id, issues, channel, protocol, settings
//     (sorted by key), deadline, ratify, after; links: issues; when there is any, the
//     uncertainty section (per input: actor, field, issue, the distribution's kind and
//     parameters), so that a sweep of one variant never resumes another's database.
// Not hashed: free text that no model, protocol or analysis reads (the scenario's name and
// description, every `name`, actor and link notes), the list of variants and the name of the
// applied variant (its effect on the values is hashed). Strings and lists are length-prefixed,
// numbers hashed by their IEEE-754 bits (−0 as 0, every NaN alike), enums by their names, so
// the hash is the same on every platform and standard library.

#include <span>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley {

// 16 lowercase hex digits.
std::string scenario_hash(const Scenario& scenario);

// The hash of several scenarios in order (e.g. every case `parley evaluate` reads): their
// count, then each one's serialisation. One scenario hashes differently from a list of it.
std::string scenario_hash(std::span<const Scenario> scenarios);

}  // namespace parley
