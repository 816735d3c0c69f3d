#include "parley/io/load.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/validate.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/io/bdm.hpp"
#include "parley/io/deu.hpp"
#include "parley/io/exchange.hpp"
#include "parley/io/files.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/ktab.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {

namespace {

constexpr const char* kGeniusNotFromStdin =
    "a GENIUS domain is a folder (a domain file and one profile per party) and cannot come from standard "
    "input; give the folder's path";

constexpr struct {
  InputFormat format;
  const char* name;
} kFormatNames[] = {{InputFormat::automatic, "auto"}, {InputFormat::yaml, "yaml"}, {InputFormat::genius, "genius"},
                    {InputFormat::ktab, "ktab"},      {InputFormat::bdm, "bdm"},   {InputFormat::deu, "deu"},
                    {InputFormat::exchange, "exchange"}};

// A GENIUS domain or profile file: XML whose root is one of GENIUS's two elements. Such a
// file alone is not an input; its folder is.
bool looks_like_genius_file(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || text[start] != '<') return false;
  const std::string_view head = text.substr(0, 4096);
  return head.find("<negotiation_template") != std::string_view::npos || head.find("<utility_space") != std::string_view::npos;
}

InputFormat detect_text_format(std::string_view text) {
  if (looks_like_exchange_input(text)) return InputFormat::exchange;
  if (looks_like_deu(text)) return InputFormat::deu;
  if (detect_ktab_format(text)) return InputFormat::ktab;
  if (looks_like_bdm_csv(text)) return InputFormat::bdm;
  return InputFormat::yaml;
}

Scenario read_peer_input(const std::filesystem::path& path, InputFormat format, const GeniusOptions& genius) {
  switch (format) {
    case InputFormat::genius:
      if (is_standard_stream(path)) throw InputError(path.string(), 0, 0, kGeniusNotFromStdin, ErrorKind::io);
      if (!std::filesystem::is_directory(path) || !is_genius_folder(path))
        throw InputError(path.string(), "not a folder holding a GENIUS domain file (root element negotiation_template)");
      return import_genius(path, genius);
    case InputFormat::bdm: return import_bdm(path);
    case InputFormat::exchange: return import_exchange_input(path);
    case InputFormat::deu:
      return deu_as_one_scenario(import_deu(path), is_standard_stream(path) ? "stdin" : path.stem().string());
    case InputFormat::ktab: return import_ktab(path).scenario;
    case InputFormat::automatic:
    case InputFormat::yaml: break;
  }
  throw std::logic_error("read_peer_input: not an import format");  // import_scenario refuses YAML first
}

}  // namespace

const char* to_string(InputFormat format) {
  for (const auto& entry : kFormatNames)
    if (entry.format == format) return entry.name;
  return "?";
}

std::optional<InputFormat> parse_input_format(const std::string& name) {
  for (const auto& entry : kFormatNames)
    if (name == entry.name) return entry.format;
  return std::nullopt;
}

InputFormat detect_input_format(const std::filesystem::path& path) {
  const bool standard_input = is_standard_stream(path);  // "-" is stdin even if a folder "-" exists
  if (!standard_input && std::filesystem::is_directory(path)) return InputFormat::genius;
  const std::string text = read_text_file(path);
  if (looks_like_genius_file(text))
    throw InputError(path.string(), 0, 0, standard_input ? kGeniusNotFromStdin
                                                   : "a GENIUS XML file; give the folder that holds the domain file "
                                                     "and its profiles",
                     ErrorKind::invalid);
  return detect_text_format(text);
}

Scenario import_scenario(const std::filesystem::path& path, InputFormat format, const GeniusOptions& genius) {
  if (format == InputFormat::automatic) format = detect_input_format(path);
  if (format == InputFormat::yaml)
    throw InputError(path.string(), "reads as a parley scenario (YAML), not a peer tool's input; load it as it is");
  Scenario scenario = read_peer_input(path, format, genius);
  // An importer's output obeys the same invariants as a YAML file's; when the input breaks
  // one (a reservation outside [0, 1], say), say which field instead of failing later.
  try {
    validate(scenario, validation_catalog());
  } catch (const Error& error) {
    throw InputError(path.string(), 0, 0, fmt::format("imported as {}, but {}: {}", to_string(format),
                                                error.location().field, error.message()), error.kind());
  }
  return scenario;
}

ScenarioFile load_scenario_file(const std::filesystem::path& path, InputFormat format) {
  if (format == InputFormat::automatic) format = detect_input_format(path);
  if (format == InputFormat::yaml) return parse_scenario_file_yaml(read_text_file(path), path.string());
  return ScenarioFile{load_scenario(path, "", format), {}};
}

Scenario load_scenario(const std::filesystem::path& path, const std::string& variant, InputFormat format) {
  if (format == InputFormat::automatic) format = detect_input_format(path);
  if (format == InputFormat::yaml) return load_scenario_yaml(path, variant);
  if (!variant.empty())
    throw InputError(path.string(), fmt::format("a variant was asked for, but {} input has no variants (only parley YAML scenarios do)",
                                                to_string(format)));
  return import_scenario(path, format);
}

}  // namespace parley
