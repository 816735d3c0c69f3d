#include "parley/core/params.hpp"

#include "parley/core/parse_number.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "parley/core/error.hpp"

namespace parley {

namespace {

bool same(std::string_view a, std::string_view b, bool ignore_case) {
  if (!ignore_case) return a == b;
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

// parse_double (core/parse_number.hpp), not floating-point from_chars: libc++ 14 lacks it.
bool parse_finite(std::string_view text, double& value) {
  double parsed = 0;
  if (!parse_double(text, parsed) || !std::isfinite(parsed)) return false;
  value = parsed;
  return true;
}

bool parse_integer(std::string_view text, long long& value) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

std::string field_of(const ParamOwner& owner, std::string_view name) {
  std::string field(owner.field);
  if (!field.empty() && field.back() == '.') field += name;
  return field;
}

std::string subject(const ParamOwner& owner, std::string_view name) {
  std::string out = std::string(owner.noun) + " '" + std::string(name) + "'";
  if (!owner.kind.empty()) out += " of " + std::string(owner.kind) + " '" + std::string(owner.name) + "'";
  return out;
}

[[noreturn]] void bad_value(const ParamSpec& spec, std::string_view text, const ParamOwner& owner,
                            const std::string& extra = {}) {
  throw field_error(field_of(owner, spec.name),
                    subject(owner, spec.name) + " must be " + spec.expected() + extra + " (not '" + std::string(text) + "')");
}

// Fills `value` from `text` per `spec`; throws on a bad value.
void read_value(const ParamSpec& spec, std::string_view text, const ParamOwner& owner, ParamValues::Value& value) {
  value.text = std::string(text);
  switch (spec.type) {
    case ParamType::number:
      if (!parse_finite(text, value.number) || !spec.range.contains(value.number)) bad_value(spec, text, owner);
      return;
    case ParamType::integer: {
      for (std::size_t k = 0; k < spec.choices.size(); ++k)
        if (same(text, spec.choices[k], owner.ignore_case)) {
          value.word = true;
          value.choice = k;
          value.text = spec.choices[k];
          return;
        }
      if (!parse_integer(text, value.integer) || !spec.range.contains(double(value.integer))) bad_value(spec, text, owner);
      value.number = double(value.integer);
      return;
    }
    case ParamType::boolean:
      for (const char* yes : {"true", "yes", "on", "1"})
        if (same(text, yes, owner.ignore_case)) {
          value.number = 1;
          value.integer = 1;
          return;
        }
      for (const char* no : {"false", "no", "off", "0"})
        if (same(text, no, owner.ignore_case)) {
          value.number = 0;
          value.integer = 0;
          return;
        }
      bad_value(spec, text, owner);
    case ParamType::choice:
      for (std::size_t k = 0; k < spec.choices.size(); ++k)
        if (same(text, spec.choices[k], owner.ignore_case)) {
          value.choice = k;
          value.text = spec.choices[k];
          return;
        }
      bad_value(spec, text, owner, did_you_mean(text, spec.choices));
    case ParamType::text: return;
    case ParamType::integer_list: {
      value.integers.clear();
      std::string_view rest = text;
      while (!rest.empty()) {
        const std::size_t semicolon = rest.find(';');
        const std::string_view item = rest.substr(0, semicolon);
        long long k = 0;
        if (!parse_integer(item, k) || !spec.range.contains(double(k))) bad_value(spec, text, owner);
        value.integers.push_back(k);
        if (semicolon == std::string_view::npos) break;
        rest.remove_prefix(semicolon + 1);
      }
      return;
    }
  }
}

}  // namespace

const char* to_string(ParamType type) {
  switch (type) {
    case ParamType::number: return "number";
    case ParamType::integer: return "integer";
    case ParamType::boolean: return "boolean";
    case ParamType::choice: return "choice";
    case ParamType::text: return "text";
    case ParamType::integer_list: return "integer list";
  }
  return "text";
}

std::string number_text(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

bool ParamRange::contains(double x) const {
  if (std::isnan(x)) return false;
  const bool above = low_open ? x > low : x >= low;
  const bool below = high_open ? x < high : x <= high;
  return above && below;
}

std::string ParamRange::text() const {
  const bool has_low = std::isfinite(low), has_high = std::isfinite(high);
  if (has_low && has_high)
    return (low_open ? "(" : "[") + number_text(low) + ", " + number_text(high) + (high_open ? ")" : "]");
  if (has_low) return (low_open ? "> " : ">= ") + number_text(low);
  if (has_high) return (high_open ? "< " : "<= ") + number_text(high);
  return "any";
}

ParamSpec ParamSpec::number(std::string name, double default_value, ParamRange range, std::string doc) {
  return {std::move(name), ParamType::number, number_text(default_value), range, {}, std::move(doc)};
}

ParamSpec ParamSpec::integer(std::string name, long long default_value, ParamRange range, std::string doc) {
  return {std::move(name), ParamType::integer, std::to_string(default_value), range, {}, std::move(doc)};
}

ParamSpec ParamSpec::integer_or_word(std::string name, std::string default_word, std::vector<std::string> words,
                                     ParamRange range, std::string doc) {
  return {std::move(name), ParamType::integer, std::move(default_word), range, std::move(words), std::move(doc)};
}

ParamSpec ParamSpec::boolean(std::string name, bool default_value, std::string doc) {
  return {std::move(name), ParamType::boolean, default_value ? "true" : "false", {}, {}, std::move(doc)};
}

ParamSpec ParamSpec::choice(std::string name, std::vector<std::string> choices, std::string default_value, std::string doc) {
  return {std::move(name), ParamType::choice, std::move(default_value), {}, std::move(choices), std::move(doc)};
}

ParamSpec ParamSpec::text(std::string name, std::string default_value, std::string doc) {
  return {std::move(name), ParamType::text, std::move(default_value), {}, {}, std::move(doc)};
}

ParamSpec ParamSpec::integer_list(std::string name, ParamRange range, std::string doc) {
  return {std::move(name), ParamType::integer_list, {}, range, {}, std::move(doc)};
}

std::string ParamSpec::expected() const {
  // " in [0, 1]", " >= 1" or "" (no bounds).
  const bool low = std::isfinite(range.low), high = std::isfinite(range.high);
  const std::string bounds = !low && !high ? "" : (low && high ? " in " : " ") + range.text();
  switch (type) {
    case ParamType::number: return "a number" + bounds;
    case ParamType::integer: return "a whole number" + bounds + (choices.empty() ? "" : " or " + joined(choices, " or "));
    case ParamType::boolean: return "one of: true, false, yes, no, on, off, 1, 0";
    case ParamType::choice: return "one of: " + joined(choices, ", ");
    case ParamType::text: return "text";
    case ParamType::integer_list: return "whole numbers" + bounds + " separated by ';'";
  }
  return "text";
}

std::string ParamSpec::domain() const {
  const bool bounded = std::isfinite(range.low) || std::isfinite(range.high);
  switch (type) {
    case ParamType::number:
    case ParamType::integer_list: return bounded ? range.text() : "";
    case ParamType::integer: {
      std::string out = bounded ? range.text() : "";
      if (!choices.empty()) out += (out.empty() ? "" : " | ") + joined(choices, " | ");
      return out;
    }
    case ParamType::choice: return joined(choices, " | ");
    case ParamType::boolean:
    case ParamType::text: return "";
  }
  return "";
}

const ParamSpec* find_param(std::span<const ParamSpec> specs, std::string_view name, bool ignore_case) {
  for (const ParamSpec& spec : specs)
    if (same(spec.name, name, ignore_case)) return &spec;
  return nullptr;
}

const ParamValues::Value& ParamValues::at(std::string_view name, const char* accessor) const {
  for (const Value& v : values_)
    if (v.name == name) return v;
  throw std::logic_error(std::string("ParamValues::") + accessor + ": no parameter '" + std::string(name) + "'");
}

double ParamValues::number(std::string_view name) const {
  const Value& v = at(name, "number");
  if ((v.type != ParamType::number && v.type != ParamType::integer) || v.word)
    throw std::logic_error("ParamValues::number: '" + v.name + "' is not a number");
  return v.number;
}

long long ParamValues::integer(std::string_view name) const {
  const Value& v = at(name, "integer");
  if (v.type != ParamType::integer || v.word) throw std::logic_error("ParamValues::integer: '" + v.name + "' is not an integer");
  return v.integer;
}

bool ParamValues::flag(std::string_view name) const {
  const Value& v = at(name, "flag");
  if (v.type != ParamType::boolean) throw std::logic_error("ParamValues::flag: '" + v.name + "' is not a boolean");
  return v.integer != 0;
}

std::size_t ParamValues::choice(std::string_view name) const {
  const Value& v = at(name, "choice");
  if (v.type != ParamType::choice) throw std::logic_error("ParamValues::choice: '" + v.name + "' is not a choice");
  return v.choice;
}

const std::string& ParamValues::text(std::string_view name) const { return at(name, "text").text; }

const std::vector<long long>& ParamValues::integers(std::string_view name) const {
  const Value& v = at(name, "integers");
  if (v.type != ParamType::integer_list) throw std::logic_error("ParamValues::integers: '" + v.name + "' is not a list");
  return v.integers;
}

bool ParamValues::given(std::string_view name) const { return at(name, "given").given; }

bool ParamValues::is_word(std::string_view name) const { return at(name, "is_word").word; }

ParamValues parse_params(std::span<const ParamSpec> specs, std::span<const std::pair<std::string, std::string>> given,
                         const ParamOwner& owner) {
  ParamValues out;
  out.values_.resize(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    ParamValues::Value& value = out.values_[i];
    value.name = specs[i].name;
    value.type = specs[i].type;
  }
  for (const auto& [name, text] : given) {
    const ParamSpec* spec = find_param(specs, name, owner.ignore_case);
    if (spec == nullptr) {
      std::vector<std::string> names;
      for (const ParamSpec& s : specs) names.push_back(s.name);
      std::string message = "unknown " + subject(owner, name) + did_you_mean(name, names) + "; ";
      if (specs.empty()) {
        message += "it takes none";
      } else {
        message += "valid " + std::string(owner.noun) + "s:";
        for (const ParamSpec& s : specs)
          message += " " + s.name + (s.default_value.empty() ? "" : " (default " + s.default_value + ")");
      }
      throw field_error(field_of(owner, name), message, ErrorKind::unknown_name);
    }
    ParamValues::Value& value = out.values_[std::size_t(spec - specs.data())];
    if (value.given) throw field_error(field_of(owner, spec->name), subject(owner, spec->name) + " given twice");
    value.given = true;
    read_value(*spec, text, owner, value);
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    ParamValues::Value& value = out.values_[i];
    if (value.given) continue;
    const ParamSpec& spec = specs[i];
    if (spec.type == ParamType::text || (spec.type == ParamType::integer_list && spec.default_value.empty())) {
      value.text = spec.default_value;
      continue;
    }
    ParamOwner strict = owner;
    strict.ignore_case = false;
    try {
      read_value(spec, spec.default_value, strict, value);
    } catch (const Error& e) {
      throw std::logic_error("parameter spec '" + spec.name + "': invalid default: " + e.message());
    }
  }
  return out;
}

ParamValues parse_params(std::span<const ParamSpec> specs, const std::map<std::string, std::string>& given,
                         const ParamOwner& owner) {
  std::vector<std::pair<std::string, std::string>> items(given.begin(), given.end());
  return parse_params(specs, items, owner);
}

}  // namespace parley
