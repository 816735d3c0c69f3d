// XML helpers of the GENIUS importer: parsing with positions, attribute readers.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "genius_detail.hpp"
#include "yaml_tree.hpp"

namespace parley::genius_detail {

namespace {

struct Position {
  int line = 0;
  int column = 0;
};

// 1-based line and column of byte `offset` of `text`.
Position position_of(std::string_view text, std::ptrdiff_t offset) {
  if (offset < 0) return {};
  const std::size_t end = std::min(text.size(), static_cast<std::size_t>(offset));
  Position position{1, 1};
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

std::string_view trimmed(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Drops one leading '+' (Java's number parsers accept it, std::from_chars does not); a sign
// after it makes the text invalid (returned empty).
std::string_view without_plus(std::string_view text) {
  if (text.empty() || text.front() != '+') return text;
  text.remove_prefix(1);
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) return {};
  return text;
}

// True when the text is to be read as UTF-8: no UTF-16/32 byte-order mark and no encoding
// declared other than UTF-8 (pugixml converts declared encodings such as ISO-8859-1).
bool read_as_utf8(std::string_view text) {
  if (text.size() >= 2 && (static_cast<unsigned char>(text[0]) >= 0xFE || text[0] == '\0' || text[1] == '\0'))
    return false;
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 200));
  const std::size_t at = head.find("encoding=");
  if (at == std::string_view::npos || at + 10 > head.size()) return true;
  std::string value(head.substr(at + 10, 5));
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return value.rfind("utf-8", 0) == 0 || value.rfind("utf8", 0) == 0;
}

}  // namespace

XmlFile::XmlFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  // Names go into YAML, which is UTF-8: bytes that are not UTF-8 are refused at their line.
  if (read_as_utf8(text_)) yaml_tree::check_utf8(text_, name_);
  const pugi::xml_parse_result result =
      document_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_auto);
  if (!result) {
    const Position at = position_of(text_, result.offset);
    if (result.status == pugi::status_no_document_element)
      throw InputError(name_, 0, 0, "not an XML document: no element found");
    throw InputError(name_, at.line, at.column, fmt::format("malformed XML: {}", result.description()));
  }
}

InputError XmlFile::error(pugi::xml_node at, const std::string& message) const {
  std::ptrdiff_t offset = at ? at.offset_debug() : -1;
  // pugixml gives the offset of an element's name; point at its '<' instead.
  if (offset > 0 && static_cast<std::size_t>(offset) <= text_.size() && text_[offset - 1] == '<') --offset;
  const Position position = position_of(text_, offset);
  return InputError(name_, position.line, position.column, message);
}

std::string_view XmlFile::text(pugi::xml_node node, const char* attribute) const {
  const pugi::xml_attribute found = node.attribute(attribute);
  if (!found) throw error(node, fmt::format("<{}> needs a '{}' attribute", node.name(), attribute));
  return found.value();
}

double XmlFile::number(pugi::xml_node node, const char* attribute) const {
  const std::string_view value = text(node, attribute);
  const auto parsed = parse_number(value);
  if (!parsed)
    throw error(node, fmt::format("<{}> attribute {}=\"{}\" is not a number", node.name(), attribute, value));
  return *parsed;
}

std::optional<double> XmlFile::optional_number(pugi::xml_node node, const char* attribute) const {
  if (!node.attribute(attribute)) return std::nullopt;
  return number(node, attribute);
}

long long XmlFile::integer(pugi::xml_node node, const char* attribute) const {
  const std::string_view value = text(node, attribute);
  const auto parsed = parse_integer(value);
  if (!parsed)
    throw error(node, fmt::format("<{}> attribute {}=\"{}\" is not an integer", node.name(), attribute, value));
  return *parsed;
}

std::optional<double> parse_number(std::string_view text) {
  text = without_plus(trimmed(text));
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (status != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long long> parse_integer(std::string_view text) {
  text = without_plus(trimmed(text));
  if (text.empty()) return std::nullopt;
  long long value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (status != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void check_objective_depth(const XmlFile& file, pugi::xml_node node, pugi::xml_node root) {
  int depth = 0;
  for (pugi::xml_node up = node; up != root && depth <= kMaxNesting; up = up.parent()) ++depth;
  if (depth > kMaxNesting) throw file.error(node, fmt::format("objectives nested deeper than {}", kMaxNesting));
}

void for_each_descendant(pugi::xml_node node, const std::function<bool(pugi::xml_node)>& visit) {
  pugi::xml_node current = node.first_child();
  while (current && current != node) {
    const bool descend = current.type() == pugi::node_element && visit(current);
    if (descend && current.first_child()) {
      current = current.first_child();
      continue;
    }
    while (current != node && !current.next_sibling()) current = current.parent();
    if (current == node) break;
    current = current.next_sibling();
  }
}

pugi::xml_node first_descendant(pugi::xml_node node, std::string_view name) {
  pugi::xml_node found;
  for_each_descendant(node, [&](pugi::xml_node element) {
    if (!found && name == element.name()) found = element;
    return !found;
  });
  return found;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace parley::genius_detail
