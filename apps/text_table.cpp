#include "text_table.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace parley::cli {

std::string terminal_safe(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (keep_newlines && byte == '\n') {
      out += '\n';
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02x}", byte);
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));  // C1: U+0080..U+009F
    } else {
      out += text[i];
    }
  }
  return out;
}

std::size_t display_width(const std::string& text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

void TextTable::print() const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line = "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    fmt::print("{}\n", line);
  };
  print_row(rows_.front());
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (std::size_t r = 1; r < rows_.size(); ++r) print_row(rows_[r]);
}

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  // Whitespace controls (newline, tab) separate words here, as spaces do; the rest are escaped.
  std::string spaced = text;
  for (char& c : spaced)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  std::istringstream words(terminal_safe(spaced));
  std::string word, out, line;
  while (words >> word) {
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line;
  else if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace parley::cli
