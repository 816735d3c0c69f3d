// KTAB tables: format detection, file import, value checks and the conversion to a Scenario.

#include "parley/io/ktab.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "delimited_text.hpp"
#include "ktab_detail.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"

namespace parley {

namespace ktab_detail {

namespace {

std::string format_number(double x) { return fmt::format("{:g}", x); }

}  // namespace

void check_capability(const std::string& actor, double value, const Fail& fail) {
  if (!(value > 0)) fail(fmt::format("capability of actor '{}' is {}; it must be > 0", actor, format_number(value)));
}

void check_position(const std::string& actor, const std::string& dimension, double value, const Fail& fail) {
  if (!(value >= 0 && value <= 100))
    fail(fmt::format("position of actor '{}' on '{}' is {}; KTAB positions are on the scale 0–100", actor, dimension,
                     format_number(value)));
}

void check_salience(const std::string& actor, const std::string& dimension, double value, const Fail& fail) {
  if (!(value >= 0 && value <= 100))
    fail(fmt::format("salience of actor '{}' on '{}' is {}; KTAB saliences are on the scale 0–100", actor, dimension,
                     format_number(value)));
}

void check_salience_total(const RawActor& actor, const Fail& fail) {
  double total = 0;
  for (double s : actor.salience) total += s;
  if (total > 100 + 1e-9)
    fail(fmt::format("saliences of actor '{}' sum to {}; KTAB requires at most 100 over all dimensions", actor.name,
                     format_number(total)));
}

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text[0] == '-') return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

Scenario to_scenario(const RawTable& table, const std::string& source) {
  Scenario scenario;
  scenario.name = table.name.empty() ? "KTAB scenario" : table.name;
  scenario.description = table.description.empty() ? fmt::format("Imported from {}", source)
                                                    : fmt::format("{} (imported from {})", table.description, source);
  io_detail::UniqueIds issue_ids;
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    Issue issue;
    issue.name = table.dimensions[d];
    issue.id = issue_ids.take(io_detail::make_id(issue.name, fmt::format("dimension-{}", d + 1)));
    issue.kind = IssueKind::continuous;
    issue.lower = 0;
    issue.upper = 100;
    scenario.issues.push_back(std::move(issue));
  }
  io_detail::UniqueIds actor_ids;
  for (std::size_t i = 0; i < table.actors.size(); ++i) {
    const RawActor& raw = table.actors[i];
    Actor actor;
    actor.name = raw.name;
    actor.id = actor_ids.take(io_detail::make_id(raw.name, fmt::format("actor-{}", i + 1)));
    actor.capability = raw.capability;
    actor.note = raw.description.empty() ? fmt::format("KTAB actor, {}", source)
                                         : fmt::format("{} (KTAB actor, {})", raw.description, source);
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      Stance stance;
      stance.position = raw.position[d];
      stance.salience = raw.salience[d] / 100.0;
      actor.stances.push_back(std::move(stance));
    }
    scenario.actors.push_back(std::move(actor));
  }
  scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
  return scenario;
}

}  // namespace ktab_detail

std::optional<KtabFormat> detect_ktab_format(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF) text.remove_prefix(3);  // UTF-8 BOM
  std::size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  const std::string_view body = text.substr(start);
  if (body.substr(0, 1) == "<") {
    const std::size_t root = body.find("<Scenario");
    if (root != std::string_view::npos && body.find("<Actors", root) != std::string_view::npos) return KtabFormat::xml;
    return std::nullopt;
  }
  const std::size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos) return std::nullopt;
  std::string_view second = text.substr(first_end + 1);
  second = second.substr(0, second.find('\n'));
  const std::size_t comma = second.find(',');
  if (comma != std::string_view::npos && ktab_detail::trimmed(second.substr(0, comma)) == "Actor") return KtabFormat::csv;
  return std::nullopt;
}

KtabInput import_ktab(const std::filesystem::path& file) {
  const std::string text = read_text_file(file);
  const std::string name = file.string();
  const auto format = detect_ktab_format(text);
  if (format == KtabFormat::xml) return parse_ktab_xml(text, name);
  if (format == KtabFormat::csv) return parse_ktab_csv(text, name);
  const std::string extension = file.extension().string();
  if (extension == ".xml" || extension == ".XML") return parse_ktab_xml(text, name);
  return parse_ktab_csv(text, name);
}

}  // namespace parley
