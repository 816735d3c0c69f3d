// `parley compare`: the same negotiation under several variants of a scenario, side by side.

#include <cmath>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "negotiate_options.hpp"
#include "parley/io/load.hpp"
#include "parley/io/report.hpp"
#include "parley/io/variant_comparison.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

struct CompareOptions {
  std::string file;
  std::vector<std::string> variants;
  RunChoices run;
  bool json = false;
};

std::string number(double x) { return std::isfinite(x) ? fmt::format("{:.3f}", x) : std::string("-"); }

const StageResult* stage_result(const StagedResult& result, std::size_t stage) {
  for (const StageResult& r : result.stages)
    if (r.stage == stage) return &r;
  return nullptr;
}

void print_table(const std::vector<VariantRun>& runs) {
  const Scenario& base = runs.front().scenario;
  std::vector<std::string> header{""};
  for (const VariantRun& run : runs) header.push_back(run.name);

  fmt::print("{} — {} variants compared\n", base.name, runs.size());
  fmt::print("Strategies: {} · seed {}\n\n", strategy_summary(base, runs.front().result.strategies),
             runs.front().result.seed);

  fmt::print("Stages\n");
  TextTable stages(header);
  for (std::size_t s = 0; s < base.stages.size(); ++s) {
    std::vector<std::string> row{base.stages[s].id};
    for (const VariantRun& run : runs) {
      const StageResult* r = stage_result(run.result, s);
      if (!r) {
        row.push_back("-");
        continue;
      }
      std::string cell = to_string(r->status);
      if (r->agreement || r->status == StageStatus::failure)
        cell += fmt::format(" (round {})", r->rounds);
      const Stage& stage = run.scenario.stages[s];
      if (stage.channel) cell += " in " + run.scenario.channels[*stage.channel].id;
      row.push_back(cell);
    }
    stages.add(row);
  }
  stages.print();

  fmt::print("\nOutcome per issue (numbers on the issue's scale; \"vetoed:\" agreed at the table, rejected by a ratifier)\n");
  TextTable issues(header);
  bool any_row = false;
  for (std::size_t i = 0; i < base.issues.size(); ++i) {
    std::vector<std::string> row{base.issues[i].id};
    bool any = false;
    for (const VariantRun& run : runs) {
      const IssueDecision& d = run.result.issues[i];
      const Issue& issue = run.scenario.issues[i];
      if (d.value) {
        any = true;
        row.push_back(fmt::format("{}{}", issue.value_text(*d.value, Issue::TextStyle::compact), d.in_principle ? " (in principle)" : ""));
        continue;
      }
      std::string cell = "open";
      for (const StageResult& r : run.result.stages) {
        if (r.status != StageStatus::rejected || !r.agreement) continue;
        for (std::size_t k = 0; k < r.agenda.issues.size(); ++k)
          if (r.agenda.issues[k] == i) {
            cell = "vetoed: " + issue.value_text((*r.agreement)[k], Issue::TextStyle::compact);
            any = true;
          }
      }
      row.push_back(cell);
    }
    if (any) {
      issues.add(row);
      any_row = true;
    }
  }
  if (any_row)
    issues.print();
  else
    fmt::print("  no issue was decided in any variant\n");

  fmt::print("\nOverall utility per actor (salience-weighted over stages, discounted)\n");
  std::vector<std::string> with_reservation = header;
  with_reservation.push_back("reservation");
  TextTable overall(with_reservation);
  for (std::size_t a = 0; a < base.actors.size(); ++a) {
    std::vector<std::string> row{base.actors[a].id};
    for (const VariantRun& run : runs) row.push_back(number(run.result.overall[a]));
    row.push_back(number(base.actors[a].reservation_value));
    overall.add(row);
  }
  overall.print();

  for (std::size_t s = 0; s < base.stages.size(); ++s) {
    fmt::print("\nUtility of stage {} per actor (undiscounted; reservation value without agreement)\n",
               base.stages[s].id);
    TextTable table(header);
    for (std::size_t a = 0; a < base.actors.size(); ++a) {
      std::vector<std::string> row{base.actors[a].id};
      bool any = false;
      for (const VariantRun& run : runs) {
        const StageResult* r = stage_result(run.result, s);
        std::string cell = "-";
        if (r)
          for (const ActorUtility& u : r->utilities)
            if (u.actor == a) cell = number(u.utility), any = true;
        row.push_back(cell);
      }
      if (any) table.add(row);
    }
    table.print();
  }
}

void run_compare(const CompareOptions& options) {
  // One read and parse: every variant is built in memory (the loader builds them all anyway,
  // to check them).
  const VariantComparison comparison =
      compare_variants(load_scenario_file(options.file), options.variants,
                       [&](const Scenario& scenario) { return staged_options(scenario, options.run); });
  if (options.json)
    fmt::print("{}\n", comparison_to_json(comparison).dump(2));
  else
    print_table(comparison.runs);
}

}  // namespace

void add_compare(CLI::App& app) {
  auto* command = app.add_subcommand("compare", "Negotiate a scenario under several variants and compare the results.");
  command->footer(
      "Runs `parley negotiate` on the scenario as written (`base`) and on each variant, with the same\n"
      "strategies and seed, and prints per variant each stage's result, the outcome of every issue and\n"
      "each actor's utility.\n\n"
      "Examples:\n"
      "  parley compare scenarios/talks-2025.yaml\n"
      "  parley compare scenarios/talks-2025.yaml --variants base,open-format,trade-ukraine,press-russia\n"
      "  parley compare scenarios/talks-2025.yaml --variants base,open-format --strategy '*=linear' --json");
  auto options = std::make_shared<CompareOptions>();
  command->add_option("FILE", options->file, "Scenario YAML file (- reads standard input)")->required();
  command->add_option("--variants", options->variants,
                      "Comma-separated variant ids; `base` is the scenario as written (default: base and every variant)")
      ->delimiter(',');
  add_run_options(*command, options->run);
  command->add_flag("--json", options->json, "Print one JSON document: {scenario, variants: [negotiate's document + variant]}");
  command->callback([options] { run_compare(*options); });
}

}  // namespace parley::cli
