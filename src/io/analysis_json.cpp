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

nlohmann::json count_to_json(const OutcomeCount& count) {
  // An exact count is a whole number: printed as one while a double holds it exactly.
  const bool whole = count.exact && count.count < 0x1p53;
  nlohmann::json json{{"count", whole ? nlohmann::json(std::uint64_t(count.count)) : nlohmann::json(count.count)},
                      {"share", count.share},
                      {"exact", count.exact}};
  if (!count.exact) json["standard_error"] = count.standard_error;
  return json;
}

}  // namespace

nlohmann::json win_set_to_json(const Scenario& scenario, const std::vector<std::size_t>& parties,
                               const OutcomeSpace& space, const Analysis& analysis, const WinSet& w) {
  nlohmann::json json;
  json["size"] = count_to_json(w.size);
  json["table"] = count_to_json(w.table);
  json["empty"] = w.empty();
  json["parties"] = nlohmann::json::array();
  json["shrinks_by"] = nlohmann::json::object();
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const std::string& id = scenario.actors[parties[p]].id;
    json["parties"].push_back({{"actor", id},
                               {"role", w.ratifier[p] ? "ratifier" : "table"},
                               {"reservation", analysis.disagreement[p]},
                               {"accepts", count_to_json(w.acceptance[p])},
                               {"best", scored_to_json(scenario, space, w.best[p])}});
    if (w.ratifier[p]) {
      const double removed = w.without[p].count - w.size.count;
      json["shrinks_by"][id] = w.size.exact && w.without[p].exact && removed < 0x1p53 ? nlohmann::json(std::uint64_t(removed))
                                                                                     : nlohmann::json(removed);
    }
  }
  json["nash"] = scored_to_json(scenario, space, w.nash);
  json["kalai_smorodinsky"] = scored_to_json(scenario, space, w.kalai_smorodinsky);
  json["utilitarian"] = scored_to_json(scenario, space, w.utilitarian);
  json["blockers"] = nlohmann::json::array();
  for (const WinSetBlocker& blocker : w.blockers) {
    nlohmann::json issues = nlohmann::json::array();
    for (std::size_t i = 0; i < blocker.issues.size(); ++i)
      issues.push_back({{"issue", scenario.issues[space.scenario_issue(blocker.issues[i])].id}, {"loss", blocker.losses[i]}});
    json["blockers"].push_back({{"ratifier", scenario.actors[parties[blocker.party]].id},
                                {"reservation", analysis.disagreement[blocker.party]},
                                {"best_utility", blocker.best_for_it.utilities[blocker.party]},
                                {"outcome", outcome_to_json(scenario, space, blocker.best_for_it.outcome)},
                                {"issues", std::move(issues)}});
  }
  return json;
}

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
                                const OutcomeSpace& space, const Analysis& analysis, const WinSet& win_set,
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
  json["win_set"] = win_set_to_json(scenario, parties, space, analysis, win_set);
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
