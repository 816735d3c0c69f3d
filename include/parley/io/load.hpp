#pragma once
// One entry point for every command: a parley YAML file or a peer tool's input, detected
// from the path and content (or named with `--format`).

#include <filesystem>
#include <optional>
#include <string>

#include "parley/core/scenario.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {

// The formats load_scenario reads. `automatic` detects from the content:
//   a folder holding a GENIUS domain file           genius
//   a first line that is an #A/#P/#M/#D record      exchange (Decide's exchange-model input)
//   a tab-separated header with p<actor>/s<actor>   deu
//     position/salience columns and `out`
//   KTAB's CSV (line 2 `Actor,...`) or XML          ktab
//   a header Actor,Capability,Position,Salience     bdm
//   anything else                                   yaml (the parley format)
enum class InputFormat { automatic, yaml, genius, ktab, bdm, deu, exchange };

const char* to_string(InputFormat format);
// "auto", "yaml", "genius", "ktab", "bdm", "deu", "exchange"; nullopt for anything else.
std::optional<InputFormat> parse_input_format(const std::string& name);

// The detected format of `path` (never `automatic`). Throws InputError when the file cannot
// be read.
InputFormat detect_input_format(const std::filesystem::path& path);

// Reads `path` in `format` (detected when automatic); with a non-empty `variant`, applies
// that variant (parley YAML only). A DEU file becomes one scenario with every issue (see
// deu.hpp). Throws InputError.
Scenario load_scenario(const std::filesystem::path& path, const std::string& variant = "",
                       InputFormat format = InputFormat::automatic);

// `parley import FORMAT`: a peer tool's input as a validated scenario, which
// scenario_to_yaml writes as a parley file. `format` automatic detects it; `genius` options
// apply to a GENIUS folder. Throws InputError: on bad input, on a scenario that breaks an
// invariant ("imported as ktab, but actors.x.reservation: ..."), and for parley YAML (not a
// peer tool's input: load_scenario reads it).
Scenario import_scenario(const std::filesystem::path& path, InputFormat format = InputFormat::automatic,
                         const GeniusOptions& genius = {});

// Reads `path` once: the base scenario and, for parley YAML, every variant applied in memory
// (ScenarioFile, scenario_yaml.hpp); other formats have no variants. Equivalent to
// load_scenario(path, "", format) and load_scenario(path, id, format) for each id, at the
// cost of one read and parse. Throws InputError.
ScenarioFile load_scenario_file(const std::filesystem::path& path, InputFormat format = InputFormat::automatic);

}  // namespace parley
