#include "parley/io/bdm.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "delimited_text.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "yaml_tree.hpp"

namespace parley {

namespace {

struct Columns {
  std::optional<std::size_t> actor, capability, position, salience;
  std::vector<std::string> unused;
};

Columns find_columns(const io_detail::Line& header) {
  Columns columns;
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    const std::string name = io_detail::lower(header.fields[k].text);
    auto take = [&](std::optional<std::size_t>& slot, std::initializer_list<const char*> names) {
      if (slot) return false;
      for (const char* candidate : names)
        if (name == candidate) {
          slot = k;
          return true;
        }
      return false;
    };
    if (take(columns.actor, {"actor", "stakeholder", "name"})) continue;
    if (take(columns.capability, {"capability", "resources", "power", "clout", "influence"})) continue;
    if (take(columns.position, {"position"})) continue;
    if (take(columns.salience, {"salience"})) continue;
    if (!header.fields[k].text.empty()) columns.unused.push_back(header.fields[k].text);
  }
  return columns;
}

std::string format_number(double x) { return fmt::format("{:g}", x); }

// Larger magnitudes are typing errors and would overflow the models' arithmetic.
constexpr double kLargest = 1e12;

}  // namespace

bool looks_like_bdm_csv(std::string_view text) {
  const auto lines = io_detail::split_lines(io_detail::first_line(text), ',', '"');
  if (lines.empty()) return false;
  const Columns columns = find_columns(lines.front());
  return columns.actor && columns.capability && columns.position && columns.salience;
}

Scenario parse_bdm_csv(std::string_view text, const std::string& file_name) {
  // Names go into YAML, which is UTF-8: refuse other bytes here, at their line.
  yaml_tree::check_utf8(text, file_name);
  const auto lines = io_detail::split_lines(text, ',', '"');
  auto header = std::find_if(lines.begin(), lines.end(), [](const io_detail::Line& line) { return !line.fields.empty(); });
  if (header == lines.end()) throw InputError(file_name, "empty file: expected a header Actor,Capability,Position,Salience");
  const Columns columns = find_columns(*header);
  const char* missing = !columns.actor        ? "an actor column (Actor, Stakeholder or Name)"
                        : !columns.capability ? "a capability column (Capability, Resources, Power, Clout or Influence)"
                        : !columns.position   ? "a Position column"
                        : !columns.salience   ? "a Salience column"
                                              : nullptr;
  if (missing) throw InputError(file_name, header->number, 1, fmt::format("the header has no {}", missing));
  const std::size_t needed = std::max({*columns.actor, *columns.capability, *columns.position, *columns.salience}) + 1;

  struct Row {
    std::string name;
    double capability, position, salience;
    int line, salience_column, position_column;
  };
  std::vector<Row> rows;
  for (auto line = header + 1; line != lines.end(); ++line) {
    if (line->fields.empty()) continue;
    if (line->fields.size() < needed)
      throw InputError(file_name, line->number, 1,
                       fmt::format("{} fields, the header needs at least {}", line->fields.size(), needed));
    auto number = [&](std::size_t column, const char* what) {
      const io_detail::Field& field = line->fields[column];
      const auto value = io_detail::parse_number(field.text);
      if (!value)
        throw InputError(file_name, line->number, field.column,
                         fmt::format("{} '{}' is not a number", what, field.text));
      return *value;
    };
    Row row;
    row.name = line->fields[*columns.actor].text;
    if (row.name.empty()) throw InputError(file_name, line->number, 1, "the actor has no name");
    row.capability = number(*columns.capability, "capability");
    if (!(row.capability > 0))
      throw InputError(file_name, line->number, line->fields[*columns.capability].column,
                       fmt::format("capability of '{}' is {}; it must be > 0", row.name, format_number(row.capability)));
    if (row.capability > kLargest)
      throw InputError(file_name, line->number, line->fields[*columns.capability].column,
                       fmt::format("capability of '{}' is {}; it must be at most {:g}", row.name,
                                   format_number(row.capability), kLargest));
    row.position = number(*columns.position, "position");
    row.position_column = line->fields[*columns.position].column;
    if (std::abs(row.position) > kLargest)
      throw InputError(file_name, line->number, line->fields[*columns.position].column,
                       fmt::format("position of '{}' is {}; it must lie within ±{:g}", row.name,
                                   format_number(row.position), kLargest));
    row.salience = number(*columns.salience, "salience");
    row.line = line->number;
    row.salience_column = line->fields[*columns.salience].column;
    if (row.salience < 0)
      throw InputError(file_name, row.line, row.salience_column,
                       fmt::format("salience of '{}' is {}; it must be ≥ 0", row.name, format_number(row.salience)));
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw InputError(file_name, "no actor rows after the header");

  double largest = 0;
  for (const Row& row : rows) largest = std::max(largest, row.salience);
  const bool percent = largest > 1;
  if (percent)
    for (const Row& row : rows)
      if (row.salience > 100)
        throw InputError(file_name, row.line, row.salience_column,
                         fmt::format("salience of '{}' is {}; saliences on the 0–100 scale must be ≤ 100", row.name,
                                     format_number(row.salience)));
  double low = rows.front().position, high = low;
  for (const Row& row : rows) {
    low = std::min(low, row.position);
    high = std::max(high, row.position);
  }
  const bool single = !(high > low);
  // One position: a scale of ± half around it, wide enough for its grid points to be
  // distinct numbers however large the position (±1 up to 10^6).
  const double half = std::max(1.0, 1e-6 * std::abs(low));

  Scenario scenario;
  const std::filesystem::path path(file_name);
  scenario.name = path.stem().string();
  Issue issue;
  issue.id = "position";
  issue.name = "Position";
  issue.lower = single ? low - half : low;
  issue.upper = single ? high + half : high;
  if (!grid_points_distinct(issue.lower, issue.upper, issue.steps)) {
    const Row& largest_row = *std::max_element(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return std::abs(a.position) < std::abs(b.position);
    });
    throw InputError(file_name, largest_row.line, largest_row.position_column,
                     fmt::format("the positions run from {} to {}: too narrow a scale for numbers this large (its grid "
                                 "points would not be distinct numbers); subtract a constant from every position, "
                                 "e.g. {}",
                                 low, high, low));
  }
  scenario.issues.push_back(issue);
  io_detail::UniqueIds ids;
  for (const Row& row : rows) {
    Actor actor;
    actor.id = ids.take(io_detail::make_id(row.name, fmt::format("actor-{}", scenario.actors.size() + 1)));
    actor.name = row.name;
    actor.capability = row.capability;
    Stance stance;
    stance.position = row.position;
    stance.salience = percent ? row.salience / 100 : row.salience;
    actor.stances.push_back(stance);
    actor.note = fmt::format("{} line {}", path.filename().string(), row.line);
    scenario.actors.push_back(std::move(actor));
  }
  scenario.description = fmt::format(
      "Imported from the BDM-style table {}: {} actors on one issue. Salience read on a {} scale (largest {}){}. "
      "Scale of the issue: {} {}–{}.{}",
      path.filename().string(), rows.size(), percent ? "0–100" : "0–1", format_number(largest),
      percent ? ", divided by 100" : "", single ? fmt::format("one position ± {}:", format_number(half)) : std::string("the range of the positions,"),
      format_number(issue.lower), format_number(issue.upper),
      columns.unused.empty() ? "" : fmt::format(" Columns not used: {}.", fmt::join(columns.unused, ", ")));
  scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
  return scenario;
}

Scenario import_bdm(const std::filesystem::path& file) { return parse_bdm_csv(read_text_file(file), file.string()); }

}  // namespace parley
