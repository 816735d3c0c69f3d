#pragma once
// Aligned plain-text tables and word wrapping for the CLI's readable output.

#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

// `text` with every control character (C0, DEL, and C1 as UTF-8) written as a visible escape
// (\x1b, \u009b): names and notes come from files, and an ESC sequence in one must not reach
// the user's terminal. Everything the CLI prints from input passes through it. Newlines are
// escaped too unless `keep_newlines` (messages of several lines).
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

// Cells are made terminal_safe.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) {
    for (std::string& cell : row) cell = terminal_safe(cell);
    rows_.push_back(std::move(row));
  }
  // Prints with two-space indentation, columns separated by two spaces, a rule under the header.
  void print() const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// Wraps terminal_safe(`text`) at `width` columns, each line starting with `indent`.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent);

// Display width of UTF-8 text (code points; the scenario texts use no wide characters).
std::size_t display_width(const std::string& text);

}  // namespace parley::cli
