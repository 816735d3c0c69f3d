// KTAB's CSV actor table (KTAB SMPModel::csvRead): see parley/io/ktab.hpp.

#include <charconv>
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "ktab_detail.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/ktab.hpp"
#include "yaml_tree.hpp"

namespace parley {

namespace {

using ktab_detail::RawActor;
using ktab_detail::RawTable;
using ktab_detail::trimmed;

constexpr std::size_t kMaxDimensions = 10000;
constexpr std::size_t kMaxActors = 1000000;

struct Field {
  std::string text;  // trimmed, quotes removed
  int column = 0;    // 1-based
};

struct Line {
  std::string_view text;
  int number = 0;  // 1-based
};

class CsvReader {
 public:
  CsvReader(std::string_view text, std::string file) : file_(std::move(file)) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int number = 1;
    while (!text.empty()) {
      const std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(Line{line, number++});
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
  }

  KtabInput read() {
    if (lines_.size() < 2) fail(static_cast<int>(lines_.size()) + 1, 0, "a KTAB table needs a title line and a header line");
    RawTable table;
    std::size_t actor_count = 0;
    std::size_t dims = 0;
    {
      const auto fields = split(lines_[0]);
      if (fields.size() < 4)
        fail(lines_[0].number, 0,
             fmt::format("the first line has {} field{}; KTAB expects name,description,#actors,#dimensions",
                         fields.size(), fields.size() == 1 ? "" : "s"));
      table.name = fields[0].text;
      table.description = fields[1].text;
      actor_count = count(fields[2], lines_[0], "#actors", kMaxActors);
      dims = count(fields[3], lines_[0], "#dimensions", kMaxDimensions);
    }
    const std::size_t columns = 3 + 2 * dims;
    {
      const auto fields = split(lines_[1]);
      if (fields.size() != columns)
        fail(lines_[1].number, 0,
             fmt::format("the header has {} columns; with {} dimension{} KTAB expects {}: Actor, Description, "
                         "capability, then a position and a salience column per dimension",
                         fields.size(), dims, dims == 1 ? "" : "s", columns));
      for (std::size_t d = 0; d < dims; ++d) {
        const std::string& name = fields[3 + 2 * d].text;
        table.dimensions.push_back(name.empty() ? fmt::format("Dimension {}", d + 1) : name);
      }
    }
    std::unordered_set<std::string> names;  // a hash set: tables of 10^5 actors (issue 8)
    for (std::size_t l = 2; l < lines_.size(); ++l) {
      const auto fields = split(lines_[l]);
      if (fields.empty()) continue;  // blank line
      const int number = lines_[l].number;
      if (table.actors.size() == actor_count)
        fail(number, 0, fmt::format("more actor lines than the {} the first line declares", actor_count));
      if (fields.size() != columns)
        fail(number, 0,
             fmt::format("{} columns; this table needs {} (name, description, capability and a position and a "
                         "salience for each of {} dimension{})",
                         fields.size(), columns, dims, dims == 1 ? "" : "s"));
      RawActor actor;
      actor.name = fields[0].text;
      if (actor.name.empty()) fail(number, fields[0].column, "the actor has no name");
      if (!names.insert(actor.name).second)
        fail(number, fields[0].column, fmt::format("actor '{}' appears twice", actor.name));
      actor.description = fields[1].text;
      actor.capability = number_in(fields[2], number, "capability");
      ktab_detail::check_capability(actor.name, actor.capability, at(number, fields[2].column));
      for (std::size_t d = 0; d < dims; ++d) {
        const Field& pf = fields[3 + 2 * d];
        const Field& sf = fields[4 + 2 * d];
        const double position = number_in(pf, number, "position");
        ktab_detail::check_position(actor.name, table.dimensions[d], position, at(number, pf.column));
        const double salience = number_in(sf, number, "salience");
        ktab_detail::check_salience(actor.name, table.dimensions[d], salience, at(number, sf.column));
        actor.position.push_back(position);
        actor.salience.push_back(salience);
      }
      ktab_detail::check_salience_total(actor, at(number, 0));
      table.actors.push_back(std::move(actor));
    }
    if (table.actors.size() != actor_count)
      fail(lines_.back().number, 0,
           fmt::format("the first line declares {} actors but the file has {} actor line{}", actor_count,
                       table.actors.size(), table.actors.size() == 1 ? "" : "s"));
    KtabInput input;
    input.scenario = ktab_detail::to_scenario(table, fmt::format("the KTAB CSV file {}", file_));
    return input;
  }

 private:
  [[noreturn]] void fail(int line, int column, const std::string& message) const {
    throw InputError(file_, line, column, message);
  }
  ktab_detail::Fail at(int line, int column) const {
    return [this, line, column](const std::string& message) { fail(line, column, message); };
  }

  // The line's fields; trailing empty fields (trailing commas) dropped. No fields: blank.
  std::vector<Field> split(const Line& line) const {
    std::vector<Field> fields;
    const std::string_view text = line.text;
    std::size_t at = 0;
    while (true) {
      std::size_t start = at;
      while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
      Field field;
      field.column = static_cast<int>(start) + 1;
      std::size_t end = start;
      if (start < text.size() && text[start] == '"') {
        std::string value;
        std::size_t i = start + 1;
        bool closed = false;
        while (i < text.size()) {
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              value += '"';
              i += 2;
              continue;
            }
            closed = true;
            ++i;
            break;
          }
          value += text[i++];
        }
        if (!closed) fail(line.number, field.column, "a quoted field is not closed (missing \")");
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i < text.size() && text[i] != ',')
          fail(line.number, static_cast<int>(i) + 1, "unexpected text after a quoted field; expected ','");
        field.text = trimmed(value);
        end = i;
      } else {
        end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        field.text = trimmed(text.substr(start, end - start));
      }
      fields.push_back(std::move(field));
      if (end >= text.size()) break;
      at = end + 1;
    }
    while (!fields.empty() && fields.back().text.empty()) fields.pop_back();
    return fields;
  }

  std::size_t count(const Field& field, const Line& line, const char* what, std::size_t limit) const {
    std::size_t value = 0;
    const std::string& t = field.text;
    const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || error != std::errc() || end != t.data() + t.size())
      fail(line.number, field.column, fmt::format("{} must be a whole number, not '{}'", what, t));
    if (value < 1 || value > limit)
      fail(line.number, field.column, fmt::format("{} is {}; it must be between 1 and {}", what, value, limit));
    return value;
  }

  double number_in(const Field& field, int line, const char* what) const {
    const auto value = ktab_detail::parse_number(field.text);
    if (!value) fail(line, field.column, fmt::format("{} must be a number, not '{}'", what, field.text));
    return *value;
  }

  std::string file_;
  std::vector<Line> lines_;
};

}  // namespace

KtabInput parse_ktab_csv(std::string_view text, const std::string& file_name) {
  // Names go into YAML, which is UTF-8: refuse other bytes here, at their line.
  yaml_tree::check_utf8(text, file_name);
  return CsvReader(text, file_name).read();
}

}  // namespace parley
