#include "parley/io/deu.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "delimited_text.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "yaml_tree.hpp"

namespace parley {

namespace {

struct DeuColumns {
  std::vector<std::string> actors;  // names as in the header (without the p/s prefix)
  std::vector<std::string> ids;     // distinct parley ids, one per actor
  std::vector<std::size_t> position, salience;
  std::optional<std::size_t> issue_id, issue_number, proposal, reference, outcome;
};

DeuColumns find_columns(const io_detail::Line& header) {
  // Columns by name, first occurrence kept: a header may hold thousands of actor columns.
  std::unordered_map<std::string, std::size_t> by_name;
  for (std::size_t k = 0; k < header.fields.size(); ++k) by_name.try_emplace(header.fields[k].text, k);
  const auto column_of = [&](const std::string& name) -> std::optional<std::size_t> {
    const auto it = by_name.find(name);
    return it == by_name.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  DeuColumns columns;
  io_detail::UniqueIds ids;
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    const std::string& name = header.fields[k].text;
    if (name.size() < 2 || name[0] != 'p') continue;
    const auto salience = column_of("s" + name.substr(1));
    if (!salience) continue;
    columns.actors.push_back(name.substr(1));
    columns.ids.push_back(ids.take(io_detail::make_id(columns.actors.back(), fmt::format("actor-{}", columns.actors.size()))));
    columns.position.push_back(k);
    columns.salience.push_back(*salience);
  }
  columns.issue_id = column_of("isnr");
  columns.issue_number = column_of("isnrnmc");
  columns.proposal = column_of("prname");
  columns.reference = column_of("rp");
  columns.outcome = column_of("out");
  return columns;
}

std::string format_number(double x) { return fmt::format("{:g}", x); }

// The European Commission's column: it proposes every act, so its position is the benchmark
// forecast of DEU studies (Thomson et al. 2006, The European Union Decides, ch. 10).
constexpr const char* kCommission = "com";

}  // namespace

bool looks_like_deu(std::string_view text) {
  const std::string_view first = io_detail::first_line(text);
  if (first.find('\t') == std::string_view::npos) return false;
  const auto lines = io_detail::split_lines(first, '\t', '"');
  if (lines.empty()) return false;
  const DeuColumns columns = find_columns(lines.front());
  return !columns.actors.empty() && columns.outcome.has_value();
}

DeuData parse_deu(std::string_view text, const std::string& file_name) {
  // Names go into YAML, which is UTF-8: refuse other bytes here, at their line.
  yaml_tree::check_utf8(text, file_name);
  const auto lines = io_detail::split_lines(text, '\t', '"');
  if (lines.empty() || lines.front().fields.empty())
    throw InputError(file_name, 1, 1, "empty file: expected the DEU header (p<actor>, s<actor>, rp, out columns)");
  const io_detail::Line& header = lines.front();
  const DeuColumns columns = find_columns(header);
  if (columns.actors.empty())
    throw InputError(file_name, 1, 1, "the header has no actor columns (a p<actor> position column with its s<actor>)");
  if (!columns.outcome) throw InputError(file_name, 1, 1, "the header has no `out` (outcome) column");
  const std::size_t actors = columns.actors.size();
  const std::filesystem::path path(file_name);

  auto field = [&](const io_detail::Line& line, std::size_t column) -> const io_detail::Field* {
    return column < line.fields.size() ? &line.fields[column] : nullptr;
  };
  // A number on 0–100 in `column`, or nullopt when the field is empty. `what` names the
  // value in messages (built only for a message: this runs once per cell).
  auto value = [&](const io_detail::Line& line, std::size_t column, const auto& what) -> std::optional<double> {
    const io_detail::Field* f = field(line, column);
    if (!f || f->text.empty()) return std::nullopt;
    const auto number = io_detail::parse_number(f->text);
    if (!number) throw InputError(file_name, line.number, f->column, fmt::format("{} '{}' is not a number", what(), f->text));
    if (*number < 0 || *number > 100)
      throw InputError(file_name, line.number, f->column,
                       fmt::format("{} is {}; DEU values are on the scale 0–100", what(), format_number(*number)));
    return number;
  };
  const auto named = [](const char* text) { return [text] { return std::string(text); }; };

  DeuData data;
  std::vector<double> capability(actors, 1.0);
  std::size_t first_issue = 1;
  // Line 2 is the capability row when it names no issue.
  if (lines.size() > 1 && !lines[1].fields.empty()) {
    const io_detail::Line& line = lines[1];
    const io_detail::Field* id = columns.issue_id ? field(line, *columns.issue_id) : nullptr;
    const io_detail::Field* number = columns.issue_number ? field(line, *columns.issue_number) : nullptr;
    if ((!id || id->text.empty()) && (!number || number->text.empty())) {
      data.capability_row = true;
      first_issue = 2;
      for (std::size_t a = 0; a < actors; ++a) {
        const io_detail::Field* f = field(line, columns.position[a]);
        const auto c = f ? io_detail::parse_number(f->text) : std::nullopt;
        if (!c || !(*c > 0))
          throw InputError(file_name, line.number, f ? f->column : 1,
                           fmt::format("capability row: the capability of '{}' must be a number > 0 (found '{}')",
                                       columns.actors[a], f ? f->text : ""));
        capability[a] = *c;
      }
    }
  }
  data.conventions = fmt::format(
      "{}; actors with a position on an issue take part in it, a missing salience beside a position is imputed as 50",
      data.capability_row ? "capabilities from line 2 (a capability proxy per actor, not an issue)"
                          : "no capability row: every actor has capability 1");

  for (std::size_t l = first_issue; l < lines.size(); ++l) {
    const io_detail::Line& line = lines[l];
    if (line.fields.empty()) continue;
    Scenario scenario;
    Issue issue;
    const io_detail::Field* id = columns.issue_id ? field(line, *columns.issue_id) : nullptr;
    const io_detail::Field* number = columns.issue_number ? field(line, *columns.issue_number) : nullptr;
    const std::string raw_id = id && !id->text.empty() ? id->text : number && !number->text.empty() ? "issue-" + number->text : "";
    issue.id = io_detail::make_id(raw_id, fmt::format("line-{}", line.number));
    const io_detail::Field* proposal = columns.proposal ? field(line, *columns.proposal) : nullptr;
    issue.name = proposal && !proposal->text.empty() ? fmt::format("{} ({})", proposal->text, issue.id) : issue.id;
    issue.lower = 0;
    issue.upper = 100;
    issue.steps = 101;
    if (columns.reference) issue.reference_point = value(line, *columns.reference, named("reference point (rp)"));
    issue.known_outcome = value(line, *columns.outcome, named("outcome (out)"));
    scenario.issues.push_back(issue);
    std::size_t imputed = 0;
    for (std::size_t a = 0; a < actors; ++a) {
      const auto position = value(line, columns.position[a], [&] { return "position of " + columns.actors[a]; });
      if (!position) continue;
      auto salience = value(line, columns.salience[a], [&] { return "salience of " + columns.actors[a]; });
      if (!salience) {
        salience = 50.0;
        ++imputed;
      }
      Actor actor;
      actor.id = columns.ids[a];
      actor.name = columns.actors[a];
      actor.capability = capability[a];
      actor.stances.push_back(Stance{*position, *salience / 100, {}});
      scenario.actors.push_back(std::move(actor));
    }
    data.imputed_saliences += imputed;
    scenario.name = fmt::format("{} {}", path.stem().string(), issue.id);
    scenario.description = fmt::format("DEU issue {} ({} line {}): {} actors with a position{}; {}.", issue.id,
                                       path.filename().string(), line.number, scenario.actors.size(),
                                       imputed ? fmt::format(", {} imputed saliences", imputed) : "", data.conventions);
    scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
    data.issues.push_back(std::move(scenario));
  }
  if (data.issues.empty()) throw InputError(file_name, "no issue lines after the header");
  if (std::all_of(data.issues.begin(), data.issues.end(), [](const Scenario& one) { return one.actors.empty(); }))
    throw InputError(file_name, header.number, 1,
                     "no actor has a position on any issue line, so there is nobody to model; fill in the p<actor> "
                     "columns");
  for (std::size_t a = 0; a < actors; ++a)
    if (columns.actors[a] == kCommission) data.benchmark_actors.push_back(columns.ids[a]);
  return data;
}

DeuData import_deu(const std::filesystem::path& file) { return parse_deu(read_text_file(file), file.string()); }

Scenario deu_as_one_scenario(const DeuData& data, const std::string& name) {
  Scenario scenario;
  scenario.name = name;
  std::map<std::string, std::size_t> actor_index;
  for (const Scenario& one : data.issues)
    for (const Actor& actor : one.actors)
      if (!actor_index.count(actor.id)) {
        actor_index[actor.id] = scenario.actors.size();
        Actor copy = actor;
        copy.stances.clear();
        scenario.actors.push_back(copy);
      }
  for (Actor& actor : scenario.actors) actor.stances.assign(data.issues.size(), Stance{});
  std::size_t with_outcome = 0;
  for (std::size_t i = 0; i < data.issues.size(); ++i) {
    const Scenario& one = data.issues[i];
    scenario.issues.push_back(one.issues.front());
    with_outcome += one.issues.front().known_outcome ? 1 : 0;
    for (const Actor& actor : one.actors) scenario.actors[actor_index[actor.id]].stances[i] = actor.stances.front();
  }
  // Issue ids must be unique in one scenario: "x, x, x_2" become "x, x_2, x_2_2".
  io_detail::UniqueIds ids;
  for (Issue& issue : scenario.issues) issue.id = ids.take(issue.id);
  scenario.description = fmt::format(
      "DEU data: {} issues ({} with a known outcome), {} actors; {}{}. In this one-scenario view an actor without a "
      "position on an issue has salience 0 there.",
      data.issues.size(), with_outcome, scenario.actors.size(), data.conventions,
      data.imputed_saliences ? fmt::format(" ({} saliences imputed)", data.imputed_saliences) : "");
  scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
  return scenario;
}

}  // namespace parley
