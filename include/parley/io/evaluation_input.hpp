#pragma once
// The decisions `parley evaluate`, `parley report --evaluate` and parley.evaluate score the
// forecast models on (one file, or every file of a folder, read as DEU data or as scenarios
// with known outcomes), and the document `parley evaluate --json` prints of their scores.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/io/load.hpp"

namespace parley {

// Whose capabilities the cases carry: the data's, or every actor 1.
enum class CapabilitySource { file, equal };
const char* to_string(CapabilitySource source);  // "file", "equal"
// Throws parley::Error (field "capability") for anything but "file" or "equal".
CapabilitySource parse_capability_source(const std::string& text);

struct EvaluationInput {
  std::vector<EvaluationCase> cases;
  std::vector<std::string> sources;           // per file read: its name and what it gave
  std::vector<Scenario> read;                 // every scenario read, in order (for the hash)
  std::vector<std::string> benchmark_actors;  // named by DEU files (the Commission)
  CapabilitySource capability = CapabilitySource::file;
};

// A DEU file gives one case per issue with an outcome (its actors those with a position);
// any other input one case per issue with a known outcome. A folder (unless `format` is
// genius) is every regular file in it, in name order. Throws InputError when nothing has a
// known outcome, and what load_scenario and import_deu throw.
EvaluationInput read_evaluation_input(const std::filesystem::path& path, InputFormat format = InputFormat::automatic,
                                      CapabilitySource capability = CapabilitySource::file);

// The EvaluationOptions of `input` with its benchmark actors; the caller sets the rest.
EvaluationOptions evaluation_options(const EvaluationInput& input);

// The document of `parley evaluate --json`: evaluation_to_json (forecast_json.hpp) plus
// sources, capability and the document header (hash of every scenario read).
nlohmann::json evaluation_document(const Evaluation& evaluation, const EvaluationInput& input, bool timings = false);

}  // namespace parley
