#include "parley/forecast/actor_table.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace parley {

std::vector<std::size_t> scaled_issues(const Scenario& scenario) {
  std::vector<std::size_t> issues;
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    if (!(issue.kind == IssueKind::discrete && !issue.ordered)) issues.push_back(i);
  }
  return issues;
}

ActorTable to_actor_table(const Scenario& scenario, const std::vector<std::size_t>& issue_list) {
  std::vector<std::size_t> issues = issue_list;
  if (issues.empty()) {
    issues.resize(scenario.issues.size());
    std::iota(issues.begin(), issues.end(), 0);
  }
  ActorTable table;
  table.name = scenario.name;
  for (std::size_t i : issues) {
    const Issue& issue = scenario.issues[i];
    if (issue.kind == IssueKind::discrete && !issue.ordered)
      throw std::invalid_argument(fmt::format("issue '{}' is unordered: forecast models need a scale", issue.id));
    table.dimensions.push_back(issue.id);
    table.lower.push_back(issue.kind == IssueKind::discrete ? 0.0 : issue.lower);
    table.upper.push_back(issue.kind == IssueKind::discrete ? issue.scale_length() : issue.upper);
    table.reference_point.push_back(issue.reference_point);
    table.known_outcome.push_back(issue.known_outcome);
  }
  double largest_salience = 0;
  for (const auto& actor : scenario.actors)
    for (const auto& stance : actor.stances) largest_salience = std::max(largest_salience, stance.salience);
  const double salience_scale = largest_salience > 1 ? largest_salience : 1.0;
  for (const auto& actor : scenario.actors) {
    if (actor.uses_rectangles())
      throw std::invalid_argument(fmt::format("actor '{}' uses hyper-rectangles: no position to table", actor.id));
    table.actors.push_back(actor.id);
    table.capability.push_back(actor.capability);
    for (std::size_t i : issues) {
      table.position.push_back(actor.stances[i].position);
      table.salience.push_back(actor.stances[i].salience / salience_scale);
    }
  }
  return table;
}

}  // namespace parley
