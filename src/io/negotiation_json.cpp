// JSON of a staged negotiation and its trace (negotiation_json.hpp).

#include "parley/io/negotiation_json.hpp"

#include <cmath>

#include "parley/io/analysis_json.hpp"
#include "parley/io/document_header.hpp"

namespace parley {

namespace {

using nlohmann::json;

json number_or_null(double x) { return std::isfinite(x) ? json(x) : json(); }

// A believed reservation value as the format writes it: a number, or {KIND: parameters}.
json distribution_json(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::normal: {
      json normal = {{"sd", d.sd}};
      if (d.mean) normal["mean"] = *d.mean;
      if (d.min) normal["min"] = *d.min;
      if (d.max) normal["max"] = *d.max;
      return {{"normal", normal}};
    }
    case DistributionKind::uniform: return {{"uniform", {d.min.value_or(0), d.max.value_or(1)}}};
    case DistributionKind::triangular: return {{"triangular", {d.min.value_or(0), d.mode, d.max.value_or(1)}}};
    case DistributionKind::choice:
      if (d.values.size() == 1 && d.weights.empty()) return d.values.front();
      return {{"choice", {{"values", d.values}, {"weights", d.weights}}}};
  }
  return nullptr;
}

json id_list(const Scenario& scenario, const std::vector<std::size_t>& actors) {
  json ids = json::array();
  for (std::size_t a : actors) ids.push_back(scenario.actors[a].id);
  return ids;
}

json issue_list(const Scenario& scenario, const std::vector<std::size_t>& issues) {
  json ids = json::array();
  for (std::size_t i : issues) ids.push_back(scenario.issues[i].id);
  return ids;
}

json value_json(const Issue& issue, std::uint32_t v) {
  if (issue.kind == IssueKind::discrete) return issue.options.at(v);
  return issue.value_number(v);
}

const StageResult* find_result(const StagedResult& result, std::size_t stage) {
  for (const StageResult& r : result.stages)
    if (r.stage == stage) return &r;
  return nullptr;
}

json utilities_json(const Scenario& scenario, const std::vector<std::size_t>& actors,
                    const std::vector<double>& utilities) {
  json out = json::object();
  for (std::size_t i = 0; i < actors.size() && i < utilities.size(); ++i)
    out[scenario.actors[actors[i]].id] = utilities[i];
  return out;
}

json scored_json(const Scenario& scenario, const StageResult& r, const std::optional<ScoredOutcome>& point) {
  if (!point) return nullptr;
  return {{"outcome", outcome_to_json(scenario, r.space, point->outcome)},
          {"utilities", utilities_json(scenario, r.analysis_parties, point->utilities)}};
}

json stage_json(const Scenario& scenario, const StageResult& r) {
  const Stage& stage = scenario.stages[r.stage];
  json j;
  j["id"] = stage.id;
  j["name"] = stage.name.empty() ? stage.id : stage.name;
  j["channel"] = stage.channel ? json(scenario.channels[*stage.channel].id) : json();
  j["outsiders_see"] = stage.channel ? json(to_string(scenario.channels[*stage.channel].outsiders_see)) : json();
  j["protocol"] = stage.protocol;
  j["after"] = stage.after ? json(scenario.stages[*stage.after].id) : json();
  j["status"] = to_string(r.status);
  j["holds"] = holds(r.status);
  j["reason"] = describe(r.reason, scenario);
  j["end"] = {{"kind", to_string(r.reason.end)},
              {"rounds", r.reason.rounds},
              {"actor", r.reason.actor ? json(scenario.actors[*r.reason.actor].id) : json()},
              {"vetoed_by", id_list(scenario, r.reason.vetoed_by)},
              {"stage", r.reason.stage ? json(scenario.stages[*r.reason.stage].id) : json()},
              {"stage_status", r.reason.stage ? json(to_string(r.reason.stage_status)) : json()},
              {"ratified", r.reason.ratified},
              {"in_principle", r.reason.in_principle}};
  j["on_failure"] = to_string(r.rules.on_failure);

  json agenda;
  agenda["issues"] = issue_list(scenario, r.agenda.issues);
  agenda["decided_earlier"] = issue_list(scenario, r.agenda.decided);
  agenda["reopened"] = issue_list(scenario, r.agenda.reopened);
  agenda["merged"] = issue_list(scenario, r.agenda.merged);
  agenda["merged_from"] = json::array();
  for (std::size_t m : r.merged_from) agenda["merged_from"].push_back(scenario.stages[m].id);
  agenda["merge_left_out"] = r.agenda.merge_left_out;
  agenda["linked"] = issue_list(scenario, r.agenda.linked);
  agenda["links"] = json::array();
  for (const LinkUse& use : r.agenda.links) {
    const Link& link = scenario.links[use.link];
    agenda["links"].push_back({{"issues", issue_list(scenario, link.issues)},
                               {"note", link.note},
                               {"added", issue_list(scenario, use.added)},
                               {"left_out", use.left_out}});
  }
  agenda["outcomes"] = r.agenda.issues.empty() ? 0.0 : r.space.cardinality().to_double();
  j["agenda"] = agenda;

  j["parties"] = id_list(scenario, r.parties);
  j["strategies"] = json::object();
  for (std::size_t p = 0; p < r.parties.size() && p < r.strategies.size(); ++p)
    j["strategies"][scenario.actors[r.parties[p]].id] = r.strategies[p];
  j["ratifiers"] = id_list(scenario, r.ratifiers);
  j["stakeholders"] = id_list(scenario, r.stakeholders);
  j["rounds"] = r.rounds;
  j["moves"] = r.moves;
  j["time_offset"] = r.time_offset;
  j["elapsed"] = r.elapsed;
  j["ended_by"] = r.ended_by ? json(scenario.actors[*r.ended_by].id) : json();
  j["agreement"] = r.agreement ? outcome_to_json(scenario, r.space, *r.agreement) : json();
  j["agreed_in_principle"] = json::object();
  for (std::size_t k = 0; k < r.agreed_in_principle.size() && k < r.agenda.issues.size(); ++k)
    if (r.agreed_in_principle[k] >= 0) {
      const Issue& issue = scenario.issues[r.agenda.issues[k]];
      j["agreed_in_principle"][issue.id] = value_json(issue, std::uint32_t(r.agreed_in_principle[k]));
    }

  j["ratification"] = json::array();
  for (const RatificationVote& v : r.ratification)
    j["ratification"].push_back({{"actor", scenario.actors[v.actor].id},
                                 {"utility", v.utility},
                                 {"reservation", v.reservation},
                                 {"accepted", v.accepted},
                                 {"decided_by", v.strategy.empty() ? json("reservation") : json(v.strategy)}});

  // Two-level games: what each ratification-aware party believed of each ratifier.
  j["beliefs"] = json::array();
  for (const PartyBelief& belief : r.beliefs) {
    json views = json::array();
    for (const RatifierView& view : belief.views) {
      json v = {{"ratifier", scenario.actors[view.ratifier].id}, {"knowledge", to_string(view.knowledge)}};
      if (view.knowledge != RatifierKnowledge::none) v["reservation"] = distribution_json(view.reservation);
      if (view.announced_by) v["announced_by"] = scenario.actors[*view.announced_by].id;
      views.push_back(std::move(v));
    }
    j["beliefs"].push_back({{"actor", scenario.actors[belief.actor].id}, {"views", std::move(views)}});
  }

  j["utilities"] = json::object();
  for (const ActorUtility& u : r.utilities)
    j["utilities"][scenario.actors[u.actor].id] = {{"utility", u.utility},
                                                   {"discounted", u.discounted},
                                                   {"reservation", u.reservation},
                                                   {"gain", u.gain}};

  if (r.analysis) {
    json a;
    a["parties"] = id_list(scenario, r.analysis_parties);
    a["method"] = to_string(r.analysis->method);
    a["exact"] = r.analysis->exact;
    a["node_budget_reached"] = r.analysis->node_budget_reached;
    a["pareto_size"] = r.analysis->pareto.size();
    a["nash"] = scored_json(scenario, r, r.analysis->nash);
    a["kalai_smorodinsky"] = scored_json(scenario, r, r.analysis->kalai_smorodinsky);
    if (r.distances)
      a["distances"] = {{"pareto", number_or_null(r.distances->pareto)},
                        {"nash", number_or_null(r.distances->nash)},
                        {"kalai_smorodinsky", number_or_null(r.distances->kalai_smorodinsky)},
                        {"utilitarian", number_or_null(r.distances->utilitarian)},
                        {"egalitarian", number_or_null(r.distances->egalitarian)}};
    else
      a["distances"] = nullptr;
    a["win_set"] = r.win_set ? win_set_to_json(scenario, r.analysis_parties, r.space, *r.analysis, *r.win_set) : json();
    a["agreement_in_win_set"] = r.agreement_in_win_set ? json(*r.agreement_in_win_set) : json();
    j["analysis"] = a;
  } else {
    j["analysis"] = nullptr;
  }

  j["concessions"] = json::object();
  for (const Concession& c : r.concessions)
    j["concessions"][scenario.actors[c.actor].id] = {{"best", c.best},
                                                     {"lowest_offer", number_or_null(c.lowest_offer)},
                                                     {"conceded", number_or_null(c.conceded)}};
  j["conceded_most"] = r.conceded_most ? json(scenario.actors[*r.conceded_most].id) : json();
  return j;
}

}  // namespace

json staged_result_to_json(const Scenario& scenario, const StagedResult& result) {
  json j;
  add_document_header(j, scenario);
  j["scenario"] = scenario.name;
  j["variant"] = scenario.variant.empty() ? json() : json(scenario.variant);
  j["seed"] = result.seed;
  j["clock"] = result.clock == DiscountClock::rounds ? "rounds" : "relative_time";
  j["strategies"] = json::object();
  for (std::size_t a = 0; a < scenario.actors.size() && a < result.strategies.size(); ++a)
    j["strategies"][scenario.actors[a].id] = result.strategies[a];
  j["stages"] = json::array();
  for (const StageResult& r : result.stages) j["stages"].push_back(stage_json(scenario, r));
  j["issues"] = json::object();
  for (std::size_t i = 0; i < scenario.issues.size() && i < result.issues.size(); ++i) {
    const IssueDecision& d = result.issues[i];
    const Issue& issue = scenario.issues[i];
    j["issues"][issue.id] = {{"value", d.value ? value_json(issue, *d.value) : json()},
                             {"stage", d.stage ? json(scenario.stages[*d.stage].id) : json()},
                             {"status", !d.value ? "open" : d.in_principle ? "in_principle" : "agreed"}};
  }
  j["overall"] = json::object();
  for (std::size_t a = 0; a < scenario.actors.size() && a < result.overall.size(); ++a)
    j["overall"][scenario.actors[a].id] = number_or_null(result.overall[a]);
  return j;
}

nlohmann::ordered_json trace_record_to_json(const Scenario& scenario, const StagedResult& result, std::size_t seq) {
  using json = nlohmann::ordered_json;
  const TraceRecord& t = result.trace.at(seq);
  const StageResult* r = find_result(result, t.stage);
  json j;
  j["seq"] = seq;
  j["stage"] = scenario.stages[t.stage].id;
  j["channel"] = t.channel ? json(scenario.channels[*t.channel].id) : json();
  j["round"] = t.round >= 0 ? json(t.round) : json();
  j["time"] = t.time;
  j["clock"] = t.clock;
  j["kind"] = to_string(t.kind);
  j["sender"] = t.sender ? json(scenario.actors[*t.sender].id) : json();
  j["addressee"] = t.addressee ? json(scenario.actors[*t.addressee].id) : json();
  j["outcome"] = t.outcome && r ? json(outcome_to_json(scenario, r->space, *t.outcome)) : json();
  if (t.issue >= 0 && r && std::size_t(t.issue) < r->agenda.issues.size()) {
    const Issue& issue = scenario.issues[r->agenda.issues[std::size_t(t.issue)]];
    j["issue"] = issue.id;
    j["value"] = t.value >= 0 ? json(value_json(issue, std::uint32_t(t.value))) : json();
  } else {
    j["issue"] = nullptr;
    j["value"] = nullptr;
  }
  json utilities = json::object();
  if (r)
    for (std::size_t i = 0; i < r->stakeholders.size() && i < t.utilities.size(); ++i)
      utilities[scenario.actors[r->stakeholders[i]].id] = t.utilities[i];
  j["utilities"] = std::move(utilities);
  json observers = json::array();
  for (std::size_t a : t.observers) observers.push_back(scenario.actors[a].id);
  j["observers"] = std::move(observers);
  return j;
}

std::string trace_to_jsonl(const Scenario& scenario, const StagedResult& result) {
  std::string text;
  for (std::size_t seq = 0; seq < result.trace.size(); ++seq) {
    text += trace_record_to_json(scenario, result, seq).dump();
    text += '\n';
  }
  return text;
}

}  // namespace parley
