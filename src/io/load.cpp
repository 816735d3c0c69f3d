#include "parley/io/load.hpp"

#include <fmt/format.h>

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

constexpr struct {
  InputFormat format;
  const char* name;
} kFormatNames[] = {{InputFormat::automatic, "auto"}, {InputFormat::yaml, "yaml"}, {InputFormat::genius, "genius"},
                    {InputFormat::ktab, "ktab"},      {InputFormat::bdm, "bdm"},   {InputFormat::deu, "deu"},
                    {InputFormat::exchange, "exchange"}};

InputFormat detect_text_format(std::string_view text) {
  if (looks_like_exchange_input(text)) return InputFormat::exchange;
  if (looks_like_deu(text)) return InputFormat::deu;
  if (detect_ktab_format(text)) return InputFormat::ktab;
  if (looks_like_bdm_csv(text)) return InputFormat::bdm;
  return InputFormat::yaml;
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
  if (std::filesystem::is_directory(path)) return InputFormat::genius;
  return detect_text_format(read_text_file(path));
}

Scenario load_scenario(const std::filesystem::path& path, const std::string& variant, InputFormat format) {
  if (format == InputFormat::automatic) format = detect_input_format(path);
  if (format == InputFormat::yaml) return load_scenario_yaml(path, variant);
  if (!variant.empty())
    throw InputError(path.string(), fmt::format("--variant: {} input has no variants (only parley YAML scenarios do)",
                                                to_string(format)));
  switch (format) {
    case InputFormat::genius:
      if (!std::filesystem::is_directory(path) || !is_genius_folder(path))
        throw InputError(path.string(), "not a folder holding a GENIUS domain file (root element negotiation_template)");
      return import_genius(path);
    case InputFormat::bdm: return import_bdm(path);
    case InputFormat::exchange: return import_exchange_input(path);
    case InputFormat::deu: return deu_as_one_scenario(import_deu(path), path.stem().string());
    case InputFormat::ktab: return import_ktab(path).scenario;
    case InputFormat::automatic:
    case InputFormat::yaml: break;
  }
  return load_scenario_yaml(path, variant);
}

}  // namespace parley
