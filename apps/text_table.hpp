#pragma once
// Aligned plain-text tables and word wrapping for the CLI's readable output.

#include <string>
#include <vector>

namespace parley::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Prints with two-space indentation, columns separated by two spaces, a rule under the header.
  void print() const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// Wraps `text` at `width` columns, each line starting with `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

// Display width of UTF-8 text (code points; the scenario texts use no wide characters).
std::size_t display_width(const std::string& text);

}  // namespace parley::cli
