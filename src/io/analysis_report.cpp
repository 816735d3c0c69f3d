// The narrative of an outcome-space analysis as report blocks (report.hpp).

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "parley/io/report.hpp"
#include "win_set_text.hpp"

namespace parley {

namespace {

using namespace win_set_text;

// Stages with more issues than this list the solutions transposed (issues as rows) and the
// frontier as utilities only, so the output stays readable.
constexpr std::size_t kWideStage = 8;

std::string ids_text(const std::vector<std::string>& ids) { return ids.empty() ? "none" : fmt::format("{}", fmt::join(ids, ", ")); }

// The win-set block: its size against the table's, each party's acceptance and each
// ratifier's veto, the best points inside; or, when empty, whose veto empties it and why.
void add_win_set(Report& out, const Scenario& scenario, const OutcomeSpace& space, const std::vector<std::string>& party_ids,
                 const Analysis& analysis, const WinSet& w, bool wide) {
  std::vector<std::string> table_ids, ratifier_ids;
  for (std::size_t p = 0; p < party_ids.size(); ++p) (w.ratifier[p] ? ratifier_ids : table_ids).push_back(party_ids[p]);
  const std::string who = ratifier_ids.empty()
                              ? fmt::format("every party ({}) accepts; no ratifier outside the table", ids_text(table_ids))
                              : fmt::format("the table ({}) and the {} ({}) all accept", ids_text(table_ids),
                                            ratifier_ids.size() == 1 ? "ratifier" : "ratifiers", ids_text(ratifier_ids));
  const std::string method = w.size.exact ? "exact" : "estimated by sampling";
  if (w.empty()) {
    out.push_back(ReportHeading{fmt::format("Win-set: EMPTY — no outcome {}", ratifier_ids.empty()
                                                                                  ? "every party at the table accepts"
                                                                                  : fmt::format("both the table and the {} ({}) accept",
                                                                                                ratifier_ids.size() == 1 ? "ratifier" : "ratifiers",
                                                                                                ids_text(ratifier_ids)))});
    if (w.table.empty()) {
      if (!ratifier_ids.empty()) out.push_back(ReportLine{0, "The table itself accepts no outcome in common."});
    } else {
      out.push_back(ReportLine{0, fmt::format("The table alone ({}) accepts {} outcomes {}.", ids_text(table_ids),
                                              number_text(w.table), share_text(w.table))});
      if (w.blockers.empty())
        out.push_back(ReportLine{0, "No single ratifier's veto empties it: it takes several together."});
    }
    for (const WinSetBlocker& blocker : w.blockers)
      out.push_back(ReportLine{0, blocker_text(scenario, space, party_ids, analysis.disagreement, blocker)});
    return;
  }
  out.push_back(ReportHeading{fmt::format("Win-set: {} outcomes {} that {} ({})", number_text(w.size), share_text(w.size), who, method)});
  if (!ratifier_ids.empty())
    out.push_back(ReportLine{0, fmt::format("The table alone accepts {} outcomes {}; ratification keeps {} of them.", number_text(w.table), share_text(w.table),
                                            w.table.share > 0 ? percent(w.size.share / w.table.share) : "-")});
  ReportTable acceptance{{"", "role", "reservation", "accepts alone", "its veto removes"}, {}};
  for (std::size_t p = 0; p < party_ids.size(); ++p) {
    const double removed = w.without[p].count - w.size.count;
    acceptance.rows.push_back({party_ids[p], w.ratifier[p] ? "ratifier" : "table", fmt::format("{:.3f}", analysis.disagreement[p]),
                               count_text(w.acceptance[p]),
                               w.ratifier[p] ? (w.size.exact ? fmt::format("{:.0f}", removed) : fmt::format("≈{:.3g}", removed))
                                             : "-"});
  }
  out.push_back(std::move(acceptance));

  std::vector<std::pair<std::string, const std::optional<ScoredOutcome>*>> points;
  for (std::size_t p = 0; p < party_ids.size(); ++p) points.emplace_back("best for " + party_ids[p], &w.best[p]);
  points.emplace_back("Nash", &w.nash);
  points.emplace_back("Kalai–Smorodinsky", &w.kalai_smorodinsky);
  points.emplace_back("utilitarian", &w.utilitarian);
  out.push_back(ReportHeading{"Inside the win-set"});
  ReportTable inside{{""}, {}};
  if (!wide)
    for (std::size_t k = 0; k < space.issue_count(); ++k) inside.header.push_back(scenario.issues[space.scenario_issue(k)].id);
  inside.header.insert(inside.header.end(), party_ids.begin(), party_ids.end());
  for (const auto& [label, point] : points) {
    std::vector<std::string> cells{label};
    if (!wide)
      for (std::size_t k = 0; k < space.issue_count(); ++k)
        cells.push_back(*point ? scenario.issues[space.scenario_issue(k)].value_text((**point).outcome[k], Issue::TextStyle::compact)
                               : "-");
    for (std::size_t p = 0; p < party_ids.size(); ++p)
      cells.push_back(*point ? fmt::format("{:.3f}", (**point).utilities[p]) : "-");
    inside.rows.push_back(std::move(cells));
  }
  out.push_back(std::move(inside));
}

}  // namespace

Report analysis_report(const Scenario& scenario, std::size_t stage_index, const std::vector<std::size_t>& parties,
                       const OutcomeSpace& space, const Analysis& analysis, const WinSet& win_set,
                       const std::optional<ScoredOutcome>& probe, const AnalysisReportOptions& options) {
  Report out;
  const auto line = [&out](std::string text) { out.push_back(ReportLine{0, std::move(text)}); };
  const Stage& stage = scenario.stages[stage_index];
  const bool wide = space.issue_count() > kWideStage;
  std::vector<std::string> party_ids, issue_ids;
  for (std::size_t p : parties) party_ids.push_back(scenario.actors[p].id);
  std::vector<std::string> linked_ids;
  for (std::size_t i : space.scenario_issues()) {
    issue_ids.push_back(scenario.issues[i].id);
    if (std::find(stage.issues.begin(), stage.issues.end(), i) == stage.issues.end())
      linked_ids.push_back(scenario.issues[i].id);
  }
  line(fmt::format("Stage {}{}: {} outcomes over {}", stage.id,
                   stage.name.empty() || stage.name == stage.id ? "" : " (" + stage.name + ")",
                   space.cardinality().to_string(),
                   wide ? fmt::format("{} issues", issue_ids.size()) : fmt::format("{}", fmt::join(issue_ids, ", "))));
  if (!linked_ids.empty())
    line(fmt::format("Linked in: {} (links make them one package with the stage's issues, as when it is negotiated)",
                     fmt::join(linked_ids, ", ")));
  line(fmt::format("Parties: {}   method: {}   Pareto frontier: {} outcomes", fmt::join(party_ids, ", "),
                   to_string(analysis.method), analysis.pareto.size()));
  if (analysis.node_budget_reached)
    line(fmt::format("Not exact: the rectangle search stopped at its budget of {} nodes; the frontier and the solutions "
                     "are those found so far{}",
                     analysis.search_nodes, options.budget_hint));
  if (scenario.stages.size() > 1 && stage_index == 0) {
    std::vector<std::string> others;
    for (std::size_t s = 1; s < scenario.stages.size(); ++s) others.push_back(scenario.stages[s].id);
    line(fmt::format("(other stages: {} {})", options.other_stages, fmt::join(others, " | ")));
  }

  const std::vector<std::pair<std::string, const std::optional<ScoredOutcome>*>> solutions{
      {"Nash", &analysis.nash},
      {"Kalai–Smorodinsky", &analysis.kalai_smorodinsky},
      {"utilitarian", &analysis.utilitarian},
      {"egalitarian", &analysis.egalitarian},
      {options.probe, &probe}};
  const auto shown = [&probe](const std::optional<ScoredOutcome>* point) { return point != &probe || probe; };
  auto utility_cell = [](const std::optional<ScoredOutcome>& point, std::size_t p) {
    return point ? fmt::format("{:.3f}", point->utilities[p]) : std::string("-");
  };

  out.push_back(
      ReportHeading{fmt::format("Solutions{}", analysis.nash ? "" : " (no Nash point: no outcome beats every reservation value)")});
  if (wide) {
    ReportTable table{{""}, {}};
    for (const auto& [label, point] : solutions)
      if (shown(point)) table.header.push_back(label);
    table.header.push_back("reservation");
    for (std::size_t p = 0; p < parties.size(); ++p) {
      std::vector<std::string> cells{party_ids[p]};
      for (const auto& [label, point] : solutions)
        if (shown(point)) cells.push_back(utility_cell(*point, p));
      cells.push_back(fmt::format("{:.3f}", analysis.disagreement[p]));
      table.rows.push_back(std::move(cells));
    }
    for (std::size_t k = 0; k < space.issue_count(); ++k) {
      std::vector<std::string> cells{issue_ids[k]};
      for (const auto& [label, point] : solutions)
        if (shown(point))
          cells.push_back(*point ? scenario.issues[space.scenario_issue(k)].value_text((**point).outcome[k], Issue::TextStyle::compact) : "-");
      table.rows.push_back(std::move(cells));
    }
    out.push_back(std::move(table));
  } else {
    ReportTable table{{""}, {}};
    table.header.insert(table.header.end(), issue_ids.begin(), issue_ids.end());
    table.header.insert(table.header.end(), party_ids.begin(), party_ids.end());
    for (const auto& [label, point] : solutions) {
      if (!shown(point)) continue;
      std::vector<std::string> cells{label};
      for (std::size_t k = 0; k < space.issue_count(); ++k)
        cells.push_back(*point ? scenario.issues[space.scenario_issue(k)].value_text((**point).outcome[k], Issue::TextStyle::compact) : "-");
      for (std::size_t p = 0; p < parties.size(); ++p) cells.push_back(utility_cell(*point, p));
      table.rows.push_back(std::move(cells));
    }
    std::vector<std::string> reservation{"reservation"};
    reservation.resize(1 + space.issue_count());
    for (double d : analysis.disagreement) reservation.push_back(fmt::format("{:.3f}", d));
    table.rows.push_back(std::move(reservation));
    out.push_back(std::move(table));
  }

  if (probe) {
    const Distances d = distances(analysis, probe->utilities);
    auto text = [](double x) { return std::isnan(x) ? std::string("-") : fmt::format("{:.3f}", x); };
    out.push_back(ReportHeading{fmt::format("Distance of {} in utility space: Pareto frontier {}, Nash {}, "
                                            "Kalai–Smorodinsky {}, utilitarian {}, egalitarian {}",
                                            options.probe, text(d.pareto), text(d.nash), text(d.kalai_smorodinsky),
                                            text(d.utilitarian), text(d.egalitarian))});
  }

  add_win_set(out, scenario, space, party_ids, analysis, win_set, wide);

  const std::size_t count = std::min(options.show_pareto, analysis.pareto.size());
  if (count == 0) return out;
  out.push_back(ReportHeading{fmt::format("Pareto frontier ({} of {}, spread over its extent, by {}'s utility; {})", count,
                                          analysis.pareto.size(), party_ids.front(), options.whole_frontier)});
  ReportTable frontier{{""}, {}};
  if (!wide) frontier.header.insert(frontier.header.end(), issue_ids.begin(), issue_ids.end());
  frontier.header.insert(frontier.header.end(), party_ids.begin(), party_ids.end());
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t index = count == 1 ? 0 : r * (analysis.pareto.size() - 1) / (count - 1);
    const ScoredOutcome& point = analysis.pareto[index];
    std::vector<std::string> cells{std::to_string(index + 1)};
    if (!wide)
      for (std::size_t k = 0; k < space.issue_count(); ++k)
        cells.push_back(scenario.issues[space.scenario_issue(k)].value_text(point.outcome[k], Issue::TextStyle::compact));
    for (double u : point.utilities) cells.push_back(fmt::format("{:.3f}", u));
    frontier.rows.push_back(std::move(cells));
  }
  out.push_back(std::move(frontier));
  return out;
}

}  // namespace parley
