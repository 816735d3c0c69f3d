// The "parley" header of every JSON document (document_header.hpp).

#include "parley/io/document_header.hpp"

#include "parley/core/scenario_hash.hpp"

#ifndef PARLEY_VERSION
#error "PARLEY_VERSION must be defined by the build (CMakeLists.txt)"
#endif

namespace parley {

const char* parley_version() { return PARLEY_VERSION; }

nlohmann::json document_header(const std::string& scenario_hash) {
  return {{"version", parley_version()}, {"scenario_hash", scenario_hash}};
}

void add_document_header(nlohmann::json& document, const std::string& scenario_hash) {
  document["parley"] = document_header(scenario_hash);
}

void add_document_header(nlohmann::json& document, const Scenario& scenario) {
  add_document_header(document, scenario_hash(scenario));
}

}  // namespace parley
