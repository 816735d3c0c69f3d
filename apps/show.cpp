// `parley validate` and `parley show`.

#include <algorithm>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/core/error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/sweep_summary.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

std::string join_ids(const Scenario& scenario, const std::vector<std::size_t>& actors) {
  std::string text;
  for (std::size_t a : actors) text += (text.empty() ? "" : ", ") + scenario.actors[a].id;
  return text.empty() ? "-" : text;
}

std::string join_issue_ids(const Scenario& scenario, const std::vector<std::size_t>& issues) {
  std::string text;
  for (std::size_t i : issues) text += (text.empty() ? "" : ", ") + scenario.issues[i].id;
  return text;
}

std::string issue_scale(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::discrete: {
      std::string text;
      for (const auto& option : issue.options) text += (text.empty() ? "" : " | ") + option;
      return text;
    }
    case IssueKind::integer: return fmt::format("{:g}..{:g}", issue.lower, issue.upper);
    case IssueKind::continuous: {
      std::string text = fmt::format("{:g}–{:g}, {} grid points", issue.lower, issue.upper, issue.steps);
      for (const auto& point : issue.labels) text += fmt::format("; {:g} {}", point.at, point.label);
      return text;
    }
  }
  return {};
}

std::string stance_text(const Issue& issue, const Stance& stance) {
  if (!stance.has_stake()) return "";
  if (!stance.values.empty()) return fmt::format("values·{:g}", stance.salience);
  std::string position = issue.kind == IssueKind::discrete
                             ? issue.options[issue.nearest_value(stance.position)]
                             : fmt::format("{:g}", stance.position);
  if (position.size() > 14) position = position.substr(0, 13) + "…";
  return fmt::format("{}·{:g}", position, stance.salience);
}

void print_summary(const Scenario& scenario) {
  fmt::print("{}{}\n", terminal_safe(scenario.name),
             scenario.variant.empty() ? "" : fmt::format("  [variant {}]", terminal_safe(scenario.variant)));
  if (!scenario.description.empty()) fmt::print("{}\n", wrap(scenario.description, 92, "  "));
  fmt::print("\n{} actors, {} issues, {} channels, {} stages, {} links, {} variants\n", scenario.actors.size(),
             scenario.issues.size(), scenario.channels.size(), scenario.stages.size(), scenario.links.size(),
             scenario.variants.size());

  fmt::print("\nIssues\n");
  TextTable issues({"id", "kind", "values", "scale"});
  for (const auto& issue : scenario.issues) {
    const char* kind = issue.kind == IssueKind::discrete ? (issue.ordered ? "ordered" : "discrete") : to_string(issue.kind);
    issues.add({issue.id, kind, std::to_string(issue.value_count()), issue_scale(issue)});
  }
  issues.print();

  fmt::print("\nActors\n");
  TextTable actors({"id", "name", "capability", "reservation", "discount", "risk", "utility"});
  for (const auto& actor : scenario.actors) {
    std::string utility = actor.uses_rectangles() ? fmt::format("{} hyper-rectangles", actor.rectangles.size())
                                                   : fmt::format("linear-additive, {}", to_string(actor.shape));
    if (actor.weights == Weights::raw) utility += ", raw weights capped at 1";
    actors.add({actor.id, actor.name, fmt::format("{:g}", actor.capability), fmt::format("{:g}", actor.reservation_value),
                fmt::format("{:g}", actor.discount), fmt::format("{:g}", actor.risk), utility});
  }
  actors.print();

  const bool any_stances = std::any_of(scenario.actors.begin(), scenario.actors.end(),
                                       [](const Actor& a) { return !a.uses_rectangles(); });
  if (any_stances && scenario.actors.size() <= 12) {
    fmt::print("\nPositions·saliences (blank: no stake)\n");
    std::vector<std::string> header{"issue"};
    for (const auto& actor : scenario.actors) header.push_back(actor.id);
    TextTable stances(header);
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      std::vector<std::string> row{scenario.issues[i].id};
      for (const auto& actor : scenario.actors)
        row.push_back(actor.uses_rectangles() ? "" : stance_text(scenario.issues[i], actor.stances[i]));
      stances.add(row);
    }
    stances.print();
  }

  if (std::any_of(scenario.actors.begin(), scenario.actors.end(), [](const Actor& a) { return !a.beliefs.empty(); })) {
    fmt::print("\nBeliefs about others' reservation values (ratification_aware negotiators use them)\n");
    TextTable beliefs({"actor", "about", "believed reservation", "stated", "note"});
    for (const auto& actor : scenario.actors)
      for (const Belief& belief : actor.beliefs)
        beliefs.add({actor.id, scenario.actors[belief.about].id,
                     reservation_belief_text(scenario, belief.about, belief.reservation),
                     fmt::format("{:g}", scenario.actors[belief.about].reservation_value), terminal_safe(belief.note)});
    beliefs.print();
  }

  if (!scenario.channels.empty()) {
    fmt::print("\nChannels\n");
    TextTable channels({"id", "members", "outsiders see", "name"});
    for (const auto& channel : scenario.channels)
      channels.add({channel.id, join_ids(scenario, channel.members), to_string(channel.outsiders_see), channel.name});
    channels.print();
  }

  fmt::print("\nStages\n");
  TextTable stages({"id", "issues", "channel", "protocol", "deadline", "ratify", "after", "outcomes", "parties"});
  for (std::size_t s = 0; s < scenario.stages.size(); ++s) {
    const Stage& stage = scenario.stages[s];
    // Counted over the agenda `negotiate` and `analyze` use when the stage runs first: its
    // issues with the linked ones.
    const std::vector<std::size_t> agenda = standalone_agenda(scenario, s).issues;
    std::vector<std::size_t> linked;
    for (std::size_t issue : agenda)
      if (std::find(stage.issues.begin(), stage.issues.end(), issue) == stage.issues.end()) linked.push_back(issue);
    stages.add({stage.id,
                join_issue_ids(scenario, stage.issues) +
                    (linked.empty() ? "" : " + linked " + join_issue_ids(scenario, linked)),
                stage.channel ? scenario.channels[*stage.channel].id : "(all at the table)", stage.protocol,
                std::to_string(stage.deadline), join_ids(scenario, stage.ratify),
                stage.after ? scenario.stages[*stage.after].id : "-",
                OutcomeSpace(scenario.issues, agenda).cardinality().to_string(),
                join_ids(scenario, scenario.stage_parties(s, agenda))});
  }
  stages.print();

  if (!scenario.links.empty()) {
    fmt::print("\nLinks\n");
    TextTable links({"issues", "note"});
    for (const auto& link : scenario.links) links.add({join_issue_ids(scenario, link.issues), link.note});
    links.print();
  }
  if (!scenario.variants.empty()) {
    fmt::print("\nVariants (apply with --variant ID)\n");
    for (const auto& variant : scenario.variants) {
      const std::string description = wrap(variant.description, 88, "    ");
      fmt::print("  {}{}\n", terminal_safe(variant.id), description.empty() ? "" : ": " + description.substr(4));
      std::string overrides;
      for (const auto& path : variant.overrides) overrides += (overrides.empty() ? "" : ", ") + path;
      fmt::print("{}\n", wrap("sets " + overrides, 88, "    "));
    }
  }
}

}  // namespace

void add_validate(CLI::App& app) {
  auto* command = app.add_subcommand("validate", "Check a scenario file (or a GENIUS domain folder) and report the first problem.");
  command->footer(
      "Prints a one-line summary and exits 0 when the scenario is valid; otherwise prints\n"
      "FILE:LINE:COL: what is wrong, and exits 2.\n\n"
      "Examples:\n"
      "  parley validate scenarios/talks-2025.yaml\n"
      "  parley validate scenarios/talks-2025.yaml --variant open-format");
  auto options = std::make_shared<std::pair<std::string, std::string>>();
  command->add_option("FILE", options->first, "Scenario YAML file or GENIUS domain folder (- reads standard input)")->required();
  command->add_option("--variant", options->second, "Validate with this variant applied");
  command->callback([options] {
    const Scenario scenario = load_scenario(options->first, options->second);
    fmt::print("{}: ok ({} actors, {} issues, {} channels, {} stages, {} links, {} variants)\n", options->first,
               scenario.actors.size(), scenario.issues.size(), scenario.channels.size(), scenario.stages.size(),
               scenario.links.size(), scenario.variants.size());
  });
}

void add_show(CLI::App& app) {
  auto* command = app.add_subcommand("show", "Print a readable summary of a scenario.");
  command->footer(
      "Shows actors, issues, each actor's position·salience per issue, channels, stages\n"
      "(with outcome-space sizes and the parties each needs), links and variants.\n\n"
      "Examples:\n"
      "  parley show scenarios/talks-2025.yaml\n"
      "  parley show scenarios/talks-2025.yaml --variant trade-ukraine");
  auto options = std::make_shared<std::pair<std::string, std::string>>();
  command->add_option("FILE", options->first, "Scenario YAML file or GENIUS domain folder (- reads standard input)")->required();
  command->add_option("--variant", options->second, "Show the scenario with this variant applied");
  command->callback([options] { print_summary(load_scenario(options->first, options->second)); });
}

}  // namespace parley::cli
