#include "delimited_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace parley::io_detail {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view text, char delimiter) {
  auto skip = [delimiter](char c) { return blank(c) && c != delimiter; };
  while (!text.empty() && skip(text.front())) text.remove_prefix(1);
  while (!text.empty() && skip(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text, char delimiter, char quote) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line;
    line.number = ++number;
    bool all_blank = true;
    for (char c : raw) all_blank = all_blank && (blank(c) && c != delimiter);
    if (!all_blank) {
      std::size_t start = 0;
      while (true) {
        // A quoted field may hold the delimiter.
        std::size_t cursor = start;
        while (cursor < raw.size() && blank(raw[cursor]) && raw[cursor] != delimiter) ++cursor;
        std::size_t stop;
        Field field;
        if (quote && cursor < raw.size() && raw[cursor] == quote) {
          std::string value;
          std::size_t k = cursor + 1;
          bool closed = false;
          for (; k < raw.size(); ++k) {
            if (raw[k] == quote) {
              if (k + 1 < raw.size() && raw[k + 1] == quote) {
                value += quote;
                ++k;
                continue;
              }
              closed = true;
              ++k;
              break;
            }
            value += raw[k];
          }
          stop = raw.find(delimiter, k);
          const std::string_view rest = trim(raw.substr(k, stop == std::string_view::npos ? std::string_view::npos : stop - k), delimiter);
          if (closed && rest.empty()) {
            field.text = value;
          } else {  // not a well-formed quoted field: keep it as written
            field.text = std::string(trim(raw.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start), delimiter));
          }
        } else {
          stop = raw.find(delimiter, start);
          field.text = std::string(trim(raw.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start), delimiter));
        }
        field.column = static_cast<int>(cursor) + 1;
        line.fields.push_back(std::move(field));
        if (stop == std::string_view::npos) break;
        start = stop + 1;
      }
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string_view first_line(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (char c : line)
      if (!blank(c)) return line;
  }
  return {};
}

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::string make_id(std::string_view name, std::string_view fallback) {
  std::string id;
  bool gap = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') {
      if (gap && !id.empty()) id += '_';
      id += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return id.empty() ? std::string(fallback) : id;
}

std::string unique_id(const std::string& id, std::set<std::string>& taken) {
  std::string candidate = id;
  for (int n = 2; taken.count(candidate) != 0; ++n) candidate = fmt::format("{}_{}", id, n);
  taken.insert(candidate);
  return candidate;
}

std::string UniqueIds::take(const std::string& id) {
  if (taken_.insert(id).second) return id;
  int& n = next_suffix_.try_emplace(id, 2).first->second;
  while (true) {
    std::string candidate = fmt::format("{}_{}", id, n++);
    if (taken_.insert(candidate).second) return candidate;
  }
}

}  // namespace parley::io_detail
