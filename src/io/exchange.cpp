#include "parley/io/exchange.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "delimited_text.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "yaml_tree.hpp"

namespace parley {

namespace {

char delimiter_of(std::string_view line) {
  for (char candidate : {'\t', ';', ','})
    if (line.find(candidate) != std::string_view::npos) return candidate;
  return '\t';
}

// The field without surrounding single or double quotes.
std::string unquoted(const std::string& text) {
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front())
    return text.substr(1, text.size() - 2);
  return text;
}

std::string format_number(double x) { return fmt::format("{:g}", x); }

// Larger magnitudes are typing errors and would overflow the models' arithmetic.
constexpr double kLargest = 1e12;

}  // namespace

bool looks_like_exchange_input(std::string_view text) {
  const std::string_view first = io_detail::first_line(text);
  const auto lines = io_detail::split_lines(first, delimiter_of(first), '\0');
  if (lines.empty() || lines.front().fields.empty()) return false;
  const std::string tag = unquoted(lines.front().fields.front().text);
  return tag == "#A" || tag == "#P" || tag == "#M" || tag == "#D";
}

Scenario parse_exchange_input(std::string_view text, const std::string& file_name) {
  // Names go into YAML, which is UTF-8: refuse other bytes here, at their line.
  yaml_tree::check_utf8(text, file_name);
  const char delimiter = delimiter_of(io_detail::first_line(text));
  const auto lines = io_detail::split_lines(text, delimiter, '\0');
  const std::filesystem::path path(file_name);

  struct Datum {
    double position, salience, power;
    int line, position_column, salience_column, power_column;
  };
  Scenario scenario;
  std::map<std::string, std::size_t> actor_index, issue_index;
  std::vector<std::vector<double>> scale_points;
  std::vector<int> issue_lines;  // of each issue's #P line
  std::map<std::pair<std::size_t, std::size_t>, Datum> data;  // (actor, issue)
  io_detail::UniqueIds actor_ids, issue_ids;
  for (const io_detail::Line& line : lines) {
    if (line.fields.empty()) continue;
    std::vector<std::string> f;
    for (const auto& field : line.fields) f.push_back(unquoted(field.text));
    const std::string& tag = f[0];
    auto need = [&](std::size_t count, const char* layout) {
      if (f.size() < count)
        throw InputError(file_name, line.number, 1, fmt::format("{} needs {} fields: {}", tag, count, layout));
    };
    auto number = [&](std::size_t k, const char* what) {
      const auto value = io_detail::parse_number(f[k]);
      if (!value)
        throw InputError(file_name, line.number, line.fields[k].column, fmt::format("{} '{}' is not a number", what, f[k]));
      if (std::abs(*value) > kLargest)
        throw InputError(file_name, line.number, line.fields[k].column,
                         fmt::format("{} {} is too large: values must lie within ±{:g}", what, f[k], kLargest));
      return *value;
    };
    auto issue_of = [&](std::size_t k) {
      auto it = issue_index.find(f[k]);
      if (it == issue_index.end())
        throw InputError(file_name, line.number, line.fields[k].column,
                         fmt::format("issue '{}' is not declared by an earlier #P line", f[k]));
      return it->second;
    };
    if (tag == "#A") {
      need(3, "#A actor-id name [description]");
      if (f[1].empty()) throw InputError(file_name, line.number, line.fields[1].column, "empty actor id");
      if (actor_index.count(f[1]))
        throw InputError(file_name, line.number, line.fields[1].column, fmt::format("actor '{}' is declared twice", f[1]));
      actor_index[f[1]] = scenario.actors.size();
      Actor actor;
      actor.id = actor_ids.take(io_detail::make_id(f[1], fmt::format("actor-{}", scenario.actors.size() + 1)));
      actor.name = f[2].empty() ? f[1] : f[2];
      if (f.size() > 3 && !f[3].empty()) actor.note = f[3];
      scenario.actors.push_back(std::move(actor));
    } else if (tag == "#P") {
      need(3, "#P issue-id name [description]");
      if (f[1].empty()) throw InputError(file_name, line.number, line.fields[1].column, "empty issue id");
      if (issue_index.count(f[1]))
        throw InputError(file_name, line.number, line.fields[1].column, fmt::format("issue '{}' is declared twice", f[1]));
      issue_index[f[1]] = scenario.issues.size();
      issue_lines.push_back(line.number);
      Issue issue;
      issue.id = issue_ids.take(io_detail::make_id(f[1], fmt::format("issue-{}", scenario.issues.size() + 1)));
      issue.name = f[2].empty() ? f[1] : f[2];
      scenario.issues.push_back(std::move(issue));
      scale_points.emplace_back();
    } else if (tag == "#M") {
      need(3, "#M issue-id value");
      scale_points[issue_of(1)].push_back(number(2, "scale point"));
    } else if (tag == "#D") {
      need(6, "#D actor-id issue-id position salience power");
      auto actor = actor_index.find(f[1]);
      if (actor == actor_index.end())
        throw InputError(file_name, line.number, line.fields[1].column,
                         fmt::format("actor '{}' is not declared by an earlier #A line", f[1]));
      const std::size_t issue = issue_of(2);
      Datum datum{number(3, "position"), number(4, "salience"), number(5, "power"),
                  line.number, line.fields[3].column, line.fields[4].column, line.fields[5].column};
      if (datum.salience < 0)
        throw InputError(file_name, line.number, datum.salience_column,
                         fmt::format("salience {} is negative", format_number(datum.salience)));
      if (!(datum.power > 0))
        throw InputError(file_name, line.number, datum.power_column,
                         fmt::format("power {} of '{}' must be > 0", format_number(datum.power), f[1]));
      if (!data.emplace(std::make_pair(actor->second, issue), datum).second)
        throw InputError(file_name, line.number, 1, fmt::format("second #D line for actor '{}' on issue '{}'", f[1], f[2]));
    } else {
      throw InputError(file_name, line.number, line.fields[0].column,
                       fmt::format("unknown record '{}': expected #A, #P, #M or #D", tag));
    }
  }
  if (scenario.actors.empty()) throw InputError(file_name, "no actors (#A lines)");
  if (scenario.issues.empty()) throw InputError(file_name, "no issues (#P lines)");

  double largest = 0;
  for (const auto& [key, datum] : data) largest = std::max(largest, datum.salience);
  const bool percent = largest > 1;
  std::vector<std::string> derived_scales;
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    Issue& issue = scenario.issues[i];
    std::vector<double> points = scale_points[i];
    if (points.size() < 2) {
      for (const auto& [key, datum] : data)
        if (key.second == i) points.push_back(datum.position);
      derived_scales.push_back(issue.id);
    }
    if (points.empty()) points = {0, 100};
    const auto [low, high] = std::minmax_element(points.begin(), points.end());
    issue.lower = *low;
    // One point: a scale from it upwards, wide enough for distinct grid points (1 up to 10^6).
    issue.upper = *high > *low ? *high : *low + std::max(1.0, 1e-6 * std::abs(*low));
    if (!grid_points_distinct(issue.lower, issue.upper, issue.steps))
      throw InputError(file_name, issue_lines[i], 1,
                       fmt::format("the scale of issue '{}' runs from {} to {}: too narrow for numbers this large (its "
                                   "grid points would not be distinct numbers); subtract a constant from its scale "
                                   "points and positions, e.g. {}",
                                   issue.id, issue.lower, issue.upper, issue.lower));
  }
  for (Actor& actor : scenario.actors) {
    actor.stances.resize(scenario.issues.size());
    for (std::size_t i = 0; i < scenario.issues.size(); ++i)
      actor.stances[i].position = (scenario.issues[i].lower + scenario.issues[i].upper) / 2;
  }
  std::vector<std::optional<Datum>> power_seen(scenario.actors.size());
  std::size_t missing = scenario.actors.size() * scenario.issues.size() - data.size();
  for (const auto& [key, datum] : data) {
    const auto [a, i] = key;
    const Issue& issue = scenario.issues[i];
    if (datum.position < issue.lower || datum.position > issue.upper)
      throw InputError(file_name, datum.line, datum.position_column,
                       fmt::format("position {} is outside the scale {}–{} of issue '{}'", format_number(datum.position),
                                   format_number(issue.lower), format_number(issue.upper), issue.id));
    if (percent && datum.salience > 100)
      throw InputError(file_name, datum.line, datum.salience_column,
                       fmt::format("salience {} is above 100", format_number(datum.salience)));
    if (power_seen[a] && power_seen[a]->power != datum.power)
      throw InputError(file_name, datum.line, datum.power_column,
                       fmt::format("power of '{}' is {} here but {} on line {}: parley keeps one capability per actor",
                                   scenario.actors[a].name, format_number(datum.power), format_number(power_seen[a]->power),
                                   power_seen[a]->line));
    if (!power_seen[a] || datum.line < power_seen[a]->line) power_seen[a] = datum;
    scenario.actors[a].capability = datum.power;
    scenario.actors[a].stances[i] = Stance{datum.position, percent ? datum.salience / 100 : datum.salience, {}};
  }
  for (std::size_t a = 0; a < scenario.actors.size(); ++a)
    if (!power_seen[a])
      throw InputError(file_name, fmt::format("actor '{}' has no #D line, so no power", scenario.actors[a].name));

  scenario.name = path.stem().string();
  scenario.description = fmt::format(
      "Imported from the exchange-model input {}: {} actors, {} issues. Salience read on a {} scale (largest {}){}; "
      "power is each actor's capability.{}{}",
      path.filename().string(), scenario.actors.size(), scenario.issues.size(), percent ? "0–100" : "0–1",
      format_number(largest), percent ? ", divided by 100" : "",
      missing ? fmt::format(" {} actor–issue pairs have no #D line: no stake (salience 0).", missing) : "",
      derived_scales.empty() ? ""
                             : fmt::format(" Issues without #M scale points take the range of their positions: {}.",
                                           fmt::join(derived_scales, ", ")));
  scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
  return scenario;
}

Scenario import_exchange_input(const std::filesystem::path& file) {
  return parse_exchange_input(read_text_file(file), file.string());
}

}  // namespace parley
