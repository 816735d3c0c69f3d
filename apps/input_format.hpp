#pragma once
// The `--format` option of the commands that read peer tools' inputs.

#include <string>

#include <fmt/format.h>

#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"

namespace parley::cli {

inline constexpr const char* kFormatHelp =
    "Input format: auto (default: detected from the content), yaml, genius, ktab, bdm, deu, exchange";

inline InputFormat input_format_option(const std::string& text) {
  if (text.empty()) return InputFormat::automatic;
  if (auto format = parse_input_format(text)) return *format;
  const std::vector<std::string> names = {"auto", "yaml", "genius", "ktab", "bdm", "deu", "exchange"};
  throw InputError("--format", fmt::format("unknown format '{}'{}; formats: {}", text, did_you_mean(text, names),
                                           fmt::join(names, ", ")));
}

}  // namespace parley::cli
