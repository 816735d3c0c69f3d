#pragma once
// Line and field splitting for the delimited peer formats (BDM CSV, DEU TSV, the exchange
// model's #A/#P/#M/#D files), with 1-based line and column numbers for error messages.
// Internal to the io layer.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::io_detail {

struct Field {
  std::string text;  // unquoted, surrounding blanks trimmed
  int column = 1;    // 1-based column of the field's first character
};

struct Line {
  int number = 0;  // 1-based
  std::vector<Field> fields;
};

// Splits text into lines (LF or CRLF; a UTF-8 byte-order mark is skipped) and each line into
// fields at `delimiter`. A field wholly enclosed in `quote` (when non-zero) loses the quotes;
// a doubled quote inside it stands for one. Blank lines are kept with no fields.
std::vector<Line> split_lines(std::string_view text, char delimiter, char quote);

// `text` as one CSV field (RFC 4180): as it is, or in double quotes (doubled inside) when it
// holds a comma, a quote or a line end. The CSV summaries write with it, split_lines reads it.
std::string csv_field(const std::string& text);

// The first non-blank line of text (without its line end).
std::string_view first_line(std::string_view text);

// A finite number (leading '+' allowed, surrounding blanks trimmed), or nullopt.
std::optional<double> parse_number(std::string_view text);

// Lower-case ASCII copy.
std::string lower(std::string_view text);

// A parley id from a free-text name: letters, digits, '_' and '-' kept, other runs become
// one '_'; `fallback` when nothing is left.
std::string make_id(std::string_view name, std::string_view fallback);

// `id`, or `id_2`, `id_3`, ... when taken; records the result in `taken`.
std::string unique_id(const std::string& id, std::set<std::string>& taken);

// Distinct ids for the rows of a table. Names that make_id maps to one id ("a b" and "a_b")
// keep distinct ids: the second becomes "a_b_2" (its name keeps the original text). Linear
// in the number of ids however many collide: each base id remembers its next suffix.
class UniqueIds {
 public:
  // `id` when not yet taken, else the first free `id_N` (N >= 2); the result is taken.
  std::string take(const std::string& id);

 private:
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, int> next_suffix_;
};

}  // namespace parley::io_detail
