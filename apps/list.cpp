// `parley list strategies|protocols|models|settings`: every registry entry with its summary,
// source and parameters (type, default, range or choices, meaning), generated from the
// registries' ParamSpecs. `--markdown` prints the same as the Markdown tables in docs/
// (scripts/update-doc-tables.sh pastes them there; a test checks they are current).

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/core/params.hpp"
#include "parley/forecast/model.hpp"
#include "parley/negotiate/protocol_registry.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/negotiate/strategies.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

// One registry entry, whatever its registry.
struct Listed {
  std::string name;
  std::string summary;
  std::string source;
  std::vector<ParamSpec> params;
};

struct ListOptions {
  std::string kind;
  bool markdown = false;
};

std::vector<Listed> entries_of(const std::string& kind) {
  std::vector<Listed> out;
  if (kind == "strategies") {
    for (const StrategyInfo* s : strategy_catalog()) out.push_back({s->name, s->summary, s->source, s->params});
  } else if (kind == "protocols") {
    for (const ProtocolInfo* p : protocol_catalog()) out.push_back({p->name, p->summary, p->source, p->settings});
  } else if (kind == "models") {
    for (const ForecastModel* m : forecast_models()) out.push_back({m->name(), m->description(), "", m->parameter_specs()});
  } else {  // settings: one pseudo-entry, the stage
    out.push_back({"stage", "settings of a stage (`settings:` in the scenario file) read by the stage runner; every "
                   "other key goes to the stage's protocol",
                   "docs/format.md", stage_setting_specs()});
  }
  return out;
}

std::string shown_default(const ParamSpec& spec) { return spec.default_value.empty() ? "(none)" : spec.default_value; }

// Markdown table cell: '|' escaped, nothing on two lines.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string code(const std::string& text) { return "`" + cell(text) + "`"; }

void print_text(const std::string& kind, const std::vector<Listed>& entries) {
  bool first = true;
  for (const Listed& entry : entries) {
    if (!first) fmt::print("\n");
    first = false;
    if (kind == "settings") {
      fmt::print("Stage settings: {}\n", entry.summary);
    } else {
      fmt::print("{}  {}\n", entry.name, entry.summary);
      if (!entry.source.empty()) fmt::print("  source: {}\n", entry.source);
    }
    if (entry.params.empty()) {
      fmt::print("  parameters: none\n");
      continue;
    }
    TextTable table({kind == "models" || kind == "strategies" ? "parameter" : "setting", "type", "default",
                     "range / choices", "meaning"});
    for (const ParamSpec& spec : entry.params)
      table.add({spec.name, to_string(spec.type), shown_default(spec), spec.domain(), spec.doc});
    table.print();
  }
}

void print_markdown(const std::string& kind, const std::vector<Listed>& entries) {
  const std::string noun = kind == "strategies" ? "strategy" : kind == "protocols" ? "protocol" : "model";
  const std::string what = kind == "strategies" || kind == "models" ? "parameter" : "setting";
  if (kind != "settings") {
    fmt::print("| {} | summary | {}s | source |\n|---|---|---|---|\n", noun, what);
    for (const Listed& entry : entries) {
      std::string names;
      for (const ParamSpec& spec : entry.params) names += (names.empty() ? "" : ", ") + code(spec.name);
      fmt::print("| {} | {} | {} | {} |\n", code(entry.name), cell(entry.summary), names.empty() ? "—" : names,
                 entry.source.empty() ? "—" : cell(entry.source));
    }
    fmt::print("\n| {} | {} | type | default | range / choices | meaning |\n|---|---|---|---|---|---|\n", noun, what);
  } else {
    fmt::print("| {} | type | default | range / choices | meaning |\n|---|---|---|---|---|\n", what);
  }
  for (const Listed& entry : entries)
    for (const ParamSpec& spec : entry.params) {
      const std::string row = fmt::format("{} | {} | {} | {} | {} |", code(spec.name), to_string(spec.type),
                                          spec.default_value.empty() ? "—" : code(spec.default_value), spec.domain().empty() ? "—" : cell(spec.domain()),
                                          cell(spec.doc));
      if (kind == "settings")
        fmt::print("| {}\n", row);
      else
        fmt::print("| {} | {}\n", code(entry.name), row);
    }
}

}  // namespace

void add_list(CLI::App& app) {
  auto* command = app.add_subcommand(
      "list", "List the strategies, protocols, forecast models or stage settings with their parameters and defaults.");
  command->footer(
      "Generated from the registries, so a strategy, protocol or model registered from C++ is listed too.\n\n"
      "Examples:\n"
      "  parley list strategies\n"
      "  parley list models --markdown");
  auto options = std::make_shared<ListOptions>();
  command->add_option("WHAT", options->kind, "strategies, protocols, models or settings")
      ->required()
      ->check(CLI::IsMember({"strategies", "protocols", "models", "settings"}));
  command->add_flag("--markdown", options->markdown, "Print Markdown tables (as in docs/)");
  command->callback([options] {
    const std::vector<Listed> entries = entries_of(options->kind);
    if (options->markdown)
      print_markdown(options->kind, entries);
    else
      print_text(options->kind, entries);
  });
}

}  // namespace parley::cli
