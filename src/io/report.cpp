// The narrative of a staged negotiation as report blocks (report.hpp).

#include "parley/io/report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "parley/io/sweep_summary.hpp"
#include "parley/negotiate/channels.hpp"
#include "win_set_text.hpp"

namespace parley {

namespace {

std::string actor_name(const Scenario& scenario, std::size_t actor) { return scenario.actors[actor].id; }

std::string actor_list(const Scenario& scenario, const std::vector<std::size_t>& actors) {
  std::vector<std::string> ids;
  for (std::size_t a : actors) ids.push_back(actor_name(scenario, a));
  return ids.empty() ? std::string("nobody") : fmt::format("{}", fmt::join(ids, ", "));
}

std::string issue_list(const Scenario& scenario, const std::vector<std::size_t>& issues) {
  std::vector<std::string> ids;
  for (std::size_t i : issues) ids.push_back(scenario.issues[i].id);
  return fmt::format("{}", fmt::join(ids, ", "));
}

std::string stage_title(const Stage& stage) {
  return stage.name.empty() || stage.name == stage.id ? stage.id : fmt::format("{} — {}", stage.id, stage.name);
}

std::string channel_line(const Scenario& scenario, const Stage& stage) {
  if (!stage.channel) return "No channel: every actor is at the table";
  const Channel& channel = scenario.channels[*stage.channel];
  std::string what;
  switch (channel.outsiders_see) {
    case Visibility::nothing: what = "outsiders see nothing"; break;
    case Visibility::talks: what = "outsiders see only that talks happen"; break;
    case Visibility::decisions: what = "outsiders see announced decisions"; break;
  }
  const std::string name = channel.name.empty() || channel.name == channel.id ? "" : " (" + channel.name + ")";
  return fmt::format("Channel {}{}: members {}; {}", channel.id, name, actor_list(scenario, channel.members), what);
}

std::string number(double x) { return std::isfinite(x) ? fmt::format("{:.3f}", x) : std::string("-"); }

// Two-level games: how much of the stage's space survives ratification, whether the
// agreement lies in it, and, when nothing does, whose veto empties it and why.
void add_stage_win_set(const Scenario& scenario, const StageResult& r, Report& out) {
  using namespace win_set_text;
  const WinSet& w = *r.win_set;
  const std::string ratifiers = actor_list(scenario, r.ratifiers);
  if (w.empty()) {
    out.push_back(ReportLine{1, w.table.empty()
                                    ? std::string("Win-set: EMPTY — the parties at the table accept no outcome in common")
                                    : fmt::format("Win-set: EMPTY — no outcome the table accepts is ratified by {}", ratifiers)});
    std::vector<std::string> ids;
    for (std::size_t a : r.analysis_parties) ids.push_back(actor_name(scenario, a));
    for (const WinSetBlocker& blocker : w.blockers)
      out.push_back(ReportLine{2, blocker_text(scenario, r.space, ids, r.analysis->disagreement, blocker)});
    if (w.blockers.empty() && !w.table.empty())
      out.push_back(ReportLine{2, "no single ratifier's veto empties it: it takes several together"});
    return;
  }
  std::string where;
  if (r.agreement_in_win_set) where = *r.agreement_in_win_set ? "; the agreement lies inside it" : "; the agreement lies outside it";
  out.push_back(ReportLine{1, fmt::format("Win-set: {} outcomes {} that the table accepts and {} {} (the table "
                                          "alone accepts {}){}",
                                          number_text(w.size), share_text(w.size), ratifiers,
                                          r.ratifiers.size() == 1 ? "ratifies" : "ratify", number_text(w.table), where)});
}

// "ua: 0.35 (shared channel)", "eu: normal(0.3, sd 0.05) (its own estimate)", "ua: unknown".
std::string view_text(const Scenario& scenario, const RatifierView& view) {
  const std::string who = actor_name(scenario, view.ratifier);
  switch (view.knowledge) {
    case RatifierKnowledge::none: return who + " unknown (no channel or belief: ignored)";
    case RatifierKnowledge::shared_channel: return fmt::format("{} {} (a shared channel)", who, reservation_belief_text(scenario, view.ratifier, view.reservation));
    case RatifierKnowledge::stated_belief: return fmt::format("{} {} (its own estimate)", who, reservation_belief_text(scenario, view.ratifier, view.reservation));
    case RatifierKnowledge::announced:
      return fmt::format("{} {} (announced by {})", who, reservation_belief_text(scenario, view.ratifier, view.reservation),
                         view.announced_by ? actor_name(scenario, *view.announced_by) : std::string("?"));
  }
  return who;
}

ReportPairs outcome_pairs(const Scenario& scenario, const OutcomeSpace& space, const Outcome& outcome, int indent) {
  ReportPairs pairs;
  pairs.indent = indent;
  for (std::size_t k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = scenario.issues[space.scenario_issue(k)];
    pairs.rows.emplace_back(issue.id, issue.value_text(outcome[k], Issue::TextStyle::described));
  }
  return pairs;
}

void stage_blocks(const Scenario& scenario, const StagedResult& result, const StageResult& r, std::size_t number_in_run,
                  Report& out) {
  const Stage& stage = scenario.stages[r.stage];
  const std::string reason = describe(r.reason, scenario);
  const auto line = [&out](int indent, std::string text) { out.push_back(ReportLine{indent, std::move(text)}); };
  out.push_back(ReportHeading{fmt::format("Stage {} of {} · {}", number_in_run, result.stages.size(), stage_title(stage))});
  if (r.status == StageStatus::blocked) {
    line(1, fmt::format("Not run: {}.", reason));
    return;
  }
  if (r.status == StageStatus::settled) {
    line(1, fmt::format("Nothing to bargain: {}.", reason));
    return;
  }
  line(1, channel_line(scenario, stage));
  std::vector<std::string> seats;
  for (std::size_t p = 0; p < r.parties.size(); ++p)
    seats.push_back(fmt::format("{} ({})", actor_name(scenario, r.parties[p]), r.strategies.at(p)));
  line(1, fmt::format("At the table: {} · protocol {}, deadline {} rounds",
                      seats.empty() ? std::string("nobody") : fmt::format("{}", fmt::join(seats, ", ")), stage.protocol,
                      stage.deadline));
  if (!r.ratifiers.empty()) line(1, fmt::format("Must ratify (outside the channel): {}", actor_list(scenario, r.ratifiers)));
  for (const PartyBelief& belief : r.beliefs) {
    std::vector<std::string> views;
    for (const RatifierView& view : belief.views) views.push_back(view_text(scenario, view));
    line(2, fmt::format("{} believes the ratifiers' reservations are: {}", actor_name(scenario, belief.actor),
                        fmt::join(views, "; ")));
  }

  line(1, fmt::format("Agenda: {} ({} outcomes)", issue_list(scenario, r.agenda.issues), r.space.cardinality().to_string()));
  if (!r.agenda.decided.empty()) line(2, fmt::format("already decided, kept: {}", issue_list(scenario, r.agenda.decided)));
  if (!r.agenda.reopened.empty()) line(2, fmt::format("reopened: {}", issue_list(scenario, r.agenda.reopened)));
  if (!r.agenda.merged.empty())
    line(2, fmt::format("merged from the failed stage: {}", issue_list(scenario, r.agenda.merged)));
  if (r.agenda.merge_left_out) line(2, "the failed stage's issues were not merged: the space would be too large");
  for (const LinkUse& use : r.agenda.links) {
    const Link& link = scenario.links[use.link];
    const std::string note = link.note.empty() ? "" : " — " + link.note;
    if (use.left_out)
      line(2, fmt::format("link {} left out: the package would exceed the outcome limit{}", issue_list(scenario, link.issues),
                          note));
    else if (!use.added.empty())
      line(2, fmt::format("linked in: {} (package {}{})", issue_list(scenario, use.added), issue_list(scenario, link.issues),
                          note));
    else
      line(2, fmt::format("package: {}{}", issue_list(scenario, link.issues), note));
  }

  if (r.agreement) {
    line(1, fmt::format("Agreed at the table in round {} of {}:", r.rounds, stage.deadline));
    out.push_back(outcome_pairs(scenario, r.space, *r.agreement, 2));
  } else {
    line(1, fmt::format("No agreement at the table: {}.", reason));
    bool any = false;
    for (std::size_t k = 0; k < r.agreed_in_principle.size(); ++k) {
      if (r.agreed_in_principle[k] < 0) continue;
      if (!any)
        line(1, fmt::format("Agreed in principle{}:", r.rules.nothing_agreed_until_all
                                                          ? " (void: nothing is agreed until everything is)"
                                                          : ""));
      any = true;
      const Issue& issue = scenario.issues[r.agenda.issues[k]];
      line(2, fmt::format("{}  {}", issue.id, issue.value_text(std::uint32_t(r.agreed_in_principle[k]), Issue::TextStyle::described)));
    }
  }
  for (const RatificationVote& v : r.ratification)
    line(1, fmt::format("Ratification: {} {} (utility {} {} reservation {}{})", actor_name(scenario, v.actor),
                        v.accepted ? "ratifies" : "vetoes", number(v.utility), v.utility >= v.reservation ? "≥" : "<",
                        number(v.reservation), v.strategy.empty() ? "" : ", by its strategy " + v.strategy));

  if (r.win_set && !r.ratifiers.empty()) add_stage_win_set(scenario, r, out);

  std::string status;
  switch (r.status) {
    case StageStatus::agreement: status = "AGREEMENT — the stage holds"; break;
    case StageStatus::partial: status = "PARTIAL AGREEMENT — agreed in principle, much remains"; break;
    case StageStatus::rejected: status = "REJECTED — " + reason; break;
    case StageStatus::failure: status = "FAILURE — " + reason; break;
    default: break;
  }
  line(1, fmt::format("Result: {}", status));
  const bool waited_for = std::any_of(scenario.stages.begin(), scenario.stages.end(),
                                      [&r](const Stage& other) { return other.after == r.stage; });
  if (waited_for && r.status != StageStatus::agreement && r.status != StageStatus::settled)
    line(1, fmt::format("Stages after it: on_failure {}", to_string(r.rules.on_failure)));
  if (stage.channel) {
    const StageChannel channel(scenario, r.stage);
    std::vector<std::size_t> outsiders;
    for (std::size_t a : channel.observers(Disclosure::decision))
      if (!channel.is_member(a)) outsiders.push_back(a);
    line(1, fmt::format("Announced to outsiders: {}",
                        outsiders.empty() ? std::string("none") : actor_list(scenario, outsiders)));
  }

  line(1, fmt::format("Utilities of the result (discounted at clock {:.2f}):", r.time_offset + r.elapsed));
  ReportTable table{{"actor", "utility", "discounted", "reservation", "gain", "role"}, {}};
  for (const ActorUtility& u : r.utilities) {
    std::string role = "outside";
    if (std::find(r.parties.begin(), r.parties.end(), u.actor) != r.parties.end())
      role = "at the table";
    else if (std::find(r.ratifiers.begin(), r.ratifiers.end(), u.actor) != r.ratifiers.end())
      role = "ratifier";
    table.rows.push_back({actor_name(scenario, u.actor), number(u.utility), number(u.discounted), number(u.reservation),
                          fmt::format("{:+.3f}", u.gain), role});
  }
  out.push_back(std::move(table));

  if (r.analysis && r.distances)
    line(1, fmt::format("Efficiency for {}: distance to the Pareto frontier {}, to Nash {}, to Kalai–Smorodinsky {}",
                        actor_list(scenario, r.analysis_parties), number(r.distances->pareto), number(r.distances->nash),
                        number(r.distances->kalai_smorodinsky)));
  if (r.analysis && r.analysis->node_budget_reached)
    line(1, "(the frontier is not exact: the rectangle search stopped at its node budget)");
  if (r.analysis && r.analysis->nash) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < r.analysis_parties.size(); ++i)
      cells.push_back(fmt::format("{} {:.3f}", actor_name(scenario, r.analysis_parties[i]),
                                  r.analysis->nash->utilities[i]));
    line(1, fmt::format("Nash point would give: {}", fmt::join(cells, ", ")));
  }
  if (r.conceded_most) {
    std::vector<std::string> cells;
    for (const Concession& c : r.concessions) cells.push_back(fmt::format("{} {}", actor_name(scenario, c.actor), number(c.conceded)));
    line(1, fmt::format("Conceded most: {} (own utility given up from its best to its lowest offer: {})",
                        actor_name(scenario, *r.conceded_most), fmt::join(cells, ", ")));
  }
}

}  // namespace

std::string strategy_summary(const Scenario& scenario, const std::vector<std::string>& strategies) {
  if (!strategies.empty() && std::all_of(strategies.begin(), strategies.end(),
                                         [&strategies](const std::string& s) { return s == strategies.front(); }))
    return strategies.front() + " for every actor";
  std::vector<std::string> choices;
  for (std::size_t a = 0; a < scenario.actors.size() && a < strategies.size(); ++a)
    choices.push_back(fmt::format("{} {}", scenario.actors[a].id, strategies[a]));
  return fmt::format("{}", fmt::join(choices, ", "));
}

Report negotiation_report(const Scenario& scenario, const StagedResult& result) {
  Report out;
  out.push_back(ReportLine{0, fmt::format("{}{}", scenario.name,
                                          scenario.variant.empty() ? "" : fmt::format(" — variant {}", scenario.variant))});
  out.push_back(ReportLine{0, fmt::format("Strategies: {} · seed {} · discount clock: {}",
                                          strategy_summary(scenario, result.strategies), result.seed,
                                          result.clock == DiscountClock::rounds ? "rounds"
                                                                                : "relative time (one unit per stage)")});

  std::size_t n = 0;
  for (const StageResult& r : result.stages) stage_blocks(scenario, result, r, ++n, out);

  out.push_back(ReportHeading{"Final outcome"});
  ReportTable issues{{"issue", "value", "decided"}, {}};
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const IssueDecision& d = result.issues[i];
    const Issue& issue = scenario.issues[i];
    bool on_any_agenda = false;
    for (const StageResult& r : result.stages)
      for (std::size_t j : r.agenda.issues) on_any_agenda = on_any_agenda || j == i;
    for (const StageResult& r : result.stages)
      for (std::size_t j : scenario.stages[r.stage].issues) on_any_agenda = on_any_agenda || j == i;
    if (!d.value && !on_any_agenda) continue;
    if (d.value)
      issues.rows.push_back({issue.id, issue.value_text(*d.value, Issue::TextStyle::described),
                             fmt::format("{} {}", d.in_principle ? "in principle by" : "by", scenario.stages[*d.stage].id)});
    else
      issues.rows.push_back({issue.id, "open", "-"});
  }
  out.push_back(std::move(issues));

  out.push_back(ReportHeading{"Overall utility (salience-weighted over stages, discounted; reservation where a stage failed)"});
  ReportTable overall{{"actor", "overall", "reservation", "gain"}, {}};
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    if (!std::isfinite(result.overall[a])) continue;
    overall.rows.push_back({scenario.actors[a].id, number(result.overall[a]), number(scenario.actors[a].reservation_value),
                            fmt::format("{:+.3f}", result.overall[a] - scenario.actors[a].reservation_value)});
  }
  out.push_back(std::move(overall));
  return out;
}

}  // namespace parley
