#include "parley/io/analysis_json.hpp"

#include <algorithm>
#include <cmath>

#include "parley/io/document_header.hpp"

namespace parley {

namespace {

nlohmann::json number_or_null(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(); }

nlohmann::json scored_to_json(const Scenario& scenario, const OutcomeSpace& space,
                              const std::optional<ScoredOutcome>& scored) {
  if (!scored) return nullptr;
  return {{"outcome", outcome_to_json(scenario, space, scored->outcome)}, {"utilities", scored->utilities}};
}

}  // namespace

nlohmann::json outcome_to_json(const Scenario& scenario, const OutcomeSpace& space, const Outcome& outcome) {
  nlohmann::json json = nlohmann::json::object();
  for (std::size_t k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = scenario.issues[space.scenario_issue(k)];
    if (issue.kind == IssueKind::discrete)
      json[issue.id] = issue.options[outcome[k]];
    else
      json[issue.id] = issue.value_number(outcome[k]);
  }
  return json;
}

nlohmann::json analysis_to_json(const Scenario& scenario, std::size_t stage, const std::vector<std::size_t>& parties,
                                const OutcomeSpace& space, const Analysis& analysis,
                                const std::optional<ScoredOutcome>& probe) {
  nlohmann::json json;
  add_document_header(json, scenario);
  json["scenario"] = scenario.name;
  json["variant"] = scenario.variant.empty() ? nlohmann::json() : nlohmann::json(scenario.variant);
  json["stage"] = scenario.stages[stage].id;
  json["issues"] = nlohmann::json::array();
  json["linked"] = nlohmann::json::array();
  const std::vector<std::size_t>& own = scenario.stages[stage].issues;
  for (std::size_t issue : space.scenario_issues()) {
    json["issues"].push_back(scenario.issues[issue].id);
    if (std::find(own.begin(), own.end(), issue) == own.end()) json["linked"].push_back(scenario.issues[issue].id);
  }
  json["parties"] = nlohmann::json::array();
  for (std::size_t party : parties) json["parties"].push_back(scenario.actors[party].id);
  json["outcomes"] = space.cardinality().to_double();
  json["outcomes_exact"] = space.cardinality().to_string();
  json["method"] = to_string(analysis.method);
  json["exact"] = analysis.exact;
  json["node_budget_reached"] = analysis.node_budget_reached;
  json["search_nodes"] = analysis.search_nodes;
  json["disagreement"] = analysis.disagreement;
  json["ideal"] = analysis.ideal;
  json["pareto"] = nlohmann::json::array();
  for (const auto& point : analysis.pareto) json["pareto"].push_back(scored_to_json(scenario, space, point));
  json["nash"] = scored_to_json(scenario, space, analysis.nash);
  json["kalai_smorodinsky"] = scored_to_json(scenario, space, analysis.kalai_smorodinsky);
  json["utilitarian"] = scored_to_json(scenario, space, analysis.utilitarian);
  json["egalitarian"] = scored_to_json(scenario, space, analysis.egalitarian);
  if (probe) {
    const Distances d = distances(analysis, probe->utilities);
    json["probe"] = scored_to_json(scenario, space, probe);
    json["probe"]["distances"] = {{"pareto", number_or_null(d.pareto)},
                                  {"nash", number_or_null(d.nash)},
                                  {"kalai_smorodinsky", number_or_null(d.kalai_smorodinsky)},
                                  {"utilitarian", number_or_null(d.utilitarian)},
                                  {"egalitarian", number_or_null(d.egalitarian)}};
  }
  return json;
}

}  // namespace parley
