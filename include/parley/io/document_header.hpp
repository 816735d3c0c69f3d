#pragma once
// The header every JSON document parley writes carries, so that a result can be traced to
// the program and the scenario that made it: one top-level key
//
//   "parley": {"version": "0.1.0", "scenario_hash": "9c1e5b7a20d4f813"}
//
// version is the library's (PARLEY_VERSION, as `parley --version` prints); scenario_hash is
// scenario_hash() of the scenario as loaded (core/scenario_hash.hpp), or of the list of
// scenarios a document covers. Documented in docs/negotiation.md and docs/analysis.md.

#include <string>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"

namespace parley {

// The library's version, e.g. "0.1.0".
const char* parley_version();

// {"version": ..., "scenario_hash": hash}.
nlohmann::json document_header(const std::string& scenario_hash);

// Sets document["parley"] to the header of `scenario`. REQUIRES: `document` is an object (or
// null, which becomes one).
void add_document_header(nlohmann::json& document, const Scenario& scenario);
// The same with a hash already computed (e.g. of several scenarios).
void add_document_header(nlohmann::json& document, const std::string& scenario_hash);

}  // namespace parley
