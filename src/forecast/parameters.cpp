#include "parameters.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/error.hpp"

namespace parley::forecast_detail {

namespace {
constexpr const char* kField = "model parameter";
}  // namespace

const std::string* ParameterReader::find(const std::string& name) {
  known_.push_back(name);
  auto it = parameters_.find(name);
  return it == parameters_.end() ? nullptr : &it->second;
}

void ParameterReader::fail(const std::string& name, const std::string& value, const std::string& expected) const {
  throw field_error(kField, fmt::format("{}={} for model '{}': expected {}", name, value, model_, expected));
}

double ParameterReader::number(const std::string& name, double fallback, double min, double max) {
  const std::string* text = find(name);
  if (!text) return fallback;
  const std::string expected = fmt::format("a number in [{:g}, {:g}]", min, max);
  double value = 0;
  try {
    std::size_t used = 0;
    value = std::stod(*text, &used);
    if (used != text->size()) fail(name, *text, expected);
  } catch (const std::logic_error&) {
    fail(name, *text, expected);
  }
  if (!std::isfinite(value) || value < min || value > max) fail(name, *text, expected);
  return value;
}

long ParameterReader::integer(const std::string& name, long fallback, long min, long max) {
  const std::string* text = find(name);
  if (!text) return fallback;
  const std::string expected = fmt::format("a whole number in [{}, {}]", min, max);
  long value = 0;
  try {
    std::size_t used = 0;
    value = std::stol(*text, &used);
    if (used != text->size()) fail(name, *text, expected);
  } catch (const std::logic_error&) {
    fail(name, *text, expected);
  }
  if (value < min || value > max) fail(name, *text, expected);
  return value;
}

bool ParameterReader::flag(const std::string& name, bool fallback) {
  const std::string* text = find(name);
  if (!text) return fallback;
  for (const char* yes : {"true", "yes", "on", "1"})
    if (*text == yes) return true;
  for (const char* no : {"false", "no", "off", "0"})
    if (*text == no) return false;
  fail(name, *text, "true or false");
}

std::size_t ParameterReader::choice(const std::string& name, std::size_t fallback, const std::vector<std::string>& choices) {
  const std::string* text = find(name);
  if (!text) return fallback;
  for (std::size_t k = 0; k < choices.size(); ++k)
    if (*text == choices[k]) return k;
  const std::string match = closest_match(*text, choices);
  fail(name, *text,
       fmt::format("one of {}{}", fmt::join(choices, ", "), match.empty() ? "" : fmt::format(" (did you mean '{}'?)", match)));
}

void ParameterReader::finish() const {
  for (const auto& [name, value] : parameters_) {
    bool is_known = false;
    for (const auto& k : known_) is_known = is_known || k == name;
    if (is_known) continue;
    const std::string match = closest_match(name, known_);
    throw field_error(kField,
                      fmt::format("model '{}' has no parameter '{}'{}; its parameters: {}", model_, name,
                                  match.empty() ? "" : fmt::format(" (did you mean '{}'?)", match),
                                  fmt::join(known_, ", ")),
                      ErrorKind::unknown_name);
  }
}

}  // namespace parley::forecast_detail
