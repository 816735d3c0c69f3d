// `parley negotiate`: simulate a scenario's negotiation stage by stage and tell what happened.

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "negotiate_options.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/negotiate/strategies.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? "" : fmt::format(" (did you mean '{}'?)", match);
}

std::vector<std::string> actor_ids(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Actor& actor : scenario.actors) ids.push_back(actor.id);
  return ids;
}

std::size_t resolve_actor(const Scenario& scenario, const std::string& name) {
  if (auto actor = scenario.find_actor(name)) return *actor;
  if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') {
    const std::size_t index = std::size_t(name[0] - 'a');
    if (index < scenario.actors.size()) return index;
  }
  if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      name.size() < 6) {
    const std::size_t position = std::stoul(name);
    if (position >= 1 && position <= scenario.actors.size()) return position - 1;
  }
  const auto ids = actor_ids(scenario);
  throw InputError("--strategy", fmt::format("no actor '{}'{}; actors: {}", name, suggestion(name, ids),
                                             fmt::join(ids, ", ")));
}

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

void print_outcome(const Scenario& scenario, const OutcomeSpace& space, const Outcome& outcome,
                   const std::string& indent) {
  std::size_t width = 0;
  for (std::size_t k = 0; k < space.issue_count(); ++k)
    width = std::max(width, display_width(scenario.issues[space.scenario_issue(k)].id));
  for (std::size_t k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = scenario.issues[space.scenario_issue(k)];
    fmt::print("{}{}{}  {}\n", indent, issue.id, std::string(width - display_width(issue.id), ' '),
               issue.value_text(outcome[k], Issue::TextStyle::described));
  }
}

void print_stage(const Scenario& scenario, const StagedResult& result, const StageResult& r, std::size_t number_in_run) {
  const Stage& stage = scenario.stages[r.stage];
  fmt::print("\nStage {} of {} · {}\n", number_in_run, result.stages.size(), stage_title(stage));
  if (r.status == StageStatus::blocked) {
    fmt::print("  Not run: {}.\n", r.reason);
    return;
  }
  if (r.status == StageStatus::settled) {
    fmt::print("  Nothing to bargain: {}.\n", r.reason);
    return;
  }
  fmt::print("  {}\n", channel_line(scenario, stage));
  std::vector<std::string> seats;
  for (std::size_t p = 0; p < r.parties.size(); ++p)
    seats.push_back(fmt::format("{} ({})", actor_name(scenario, r.parties[p]), r.strategies.at(p)));
  fmt::print("  At the table: {} · protocol {}, deadline {} rounds\n",
             seats.empty() ? std::string("nobody") : fmt::format("{}", fmt::join(seats, ", ")), stage.protocol,
             scenario.stages[r.stage].deadline);
  if (!r.ratifiers.empty()) fmt::print("  Must ratify (outside the channel): {}\n", actor_list(scenario, r.ratifiers));

  fmt::print("  Agenda: {}", issue_list(scenario, r.agenda.issues));
  fmt::print(" ({} outcomes)\n", r.space.cardinality().to_string());
  if (!r.agenda.decided.empty())
    fmt::print("    already decided, kept: {}\n", issue_list(scenario, r.agenda.decided));
  if (!r.agenda.reopened.empty()) fmt::print("    reopened: {}\n", issue_list(scenario, r.agenda.reopened));
  if (!r.agenda.merged.empty())
    fmt::print("    merged from the failed stage: {}\n", issue_list(scenario, r.agenda.merged));
  if (r.agenda.merge_left_out) fmt::print("    the failed stage's issues were not merged: the space would be too large\n");
  for (const LinkUse& use : r.agenda.links) {
    const Link& link = scenario.links[use.link];
    const std::string note = link.note.empty() ? "" : " — " + link.note;
    if (use.left_out)
      fmt::print("    link {} left out: the package would exceed the outcome limit{}\n", issue_list(scenario, link.issues),
                 note);
    else if (!use.added.empty())
      fmt::print("    linked in: {} (package {}{})\n", issue_list(scenario, use.added), issue_list(scenario, link.issues),
                 note);
    else
      fmt::print("    package: {}{}\n", issue_list(scenario, link.issues), note);
  }

  if (r.agreement) {
    fmt::print("  Agreed at the table in round {} of {}:\n", r.rounds, scenario.stages[r.stage].deadline);
    print_outcome(scenario, r.space, *r.agreement, "    ");
  } else {
    fmt::print("  No agreement at the table: {}.\n", r.reason);
    bool any = false;
    for (std::size_t k = 0; k < r.agreed_in_principle.size(); ++k) {
      if (r.agreed_in_principle[k] < 0) continue;
      if (!any) fmt::print("  Agreed in principle{}:\n", r.rules.nothing_agreed_until_all
                                                             ? " (void: nothing is agreed until everything is)"
                                                             : "");
      any = true;
      const Issue& issue = scenario.issues[r.agenda.issues[k]];
      fmt::print("    {}  {}\n", issue.id, issue.value_text(std::uint32_t(r.agreed_in_principle[k]), Issue::TextStyle::described));
    }
  }
  for (const RatificationVote& v : r.ratification)
    fmt::print("  Ratification: {} {} (utility {} {} reservation {}{})\n", actor_name(scenario, v.actor),
               v.accepted ? "ratifies" : "vetoes", number(v.utility), v.utility >= v.reservation ? "≥" : "<",
               number(v.reservation), v.strategy.empty() ? "" : ", by its strategy " + v.strategy);

  std::string status;
  switch (r.status) {
    case StageStatus::agreement: status = "AGREEMENT — the stage holds"; break;
    case StageStatus::partial: status = "PARTIAL AGREEMENT — agreed in principle, much remains"; break;
    case StageStatus::rejected: status = "REJECTED — " + r.reason; break;
    case StageStatus::failure: status = "FAILURE — " + r.reason; break;
    default: break;
  }
  fmt::print("  Result: {}\n", status);
  const bool waited_for = std::any_of(scenario.stages.begin(), scenario.stages.end(),
                                      [&r](const Stage& other) { return other.after == r.stage; });
  if (waited_for && r.status != StageStatus::agreement && r.status != StageStatus::settled)
    fmt::print("  Stages after it: on_failure {}\n", to_string(r.rules.on_failure));
  if (stage.channel) {
    const StageChannel channel(scenario, r.stage);
    std::vector<std::size_t> outsiders;
    for (std::size_t a : channel.observers(Disclosure::decision))
      if (!channel.is_member(a)) outsiders.push_back(a);
    fmt::print("  Announced to outsiders: {}\n", outsiders.empty() ? std::string("none") : actor_list(scenario, outsiders));
  }

  TextTable table({"actor", "utility", "discounted", "reservation", "gain", "role"});
  for (const ActorUtility& u : r.utilities) {
    std::string role = "outside";
    if (std::find(r.parties.begin(), r.parties.end(), u.actor) != r.parties.end())
      role = "at the table";
    else if (std::find(r.ratifiers.begin(), r.ratifiers.end(), u.actor) != r.ratifiers.end())
      role = "ratifier";
    table.add({actor_name(scenario, u.actor), number(u.utility), number(u.discounted), number(u.reservation),
               fmt::format("{:+.3f}", u.gain), role});
  }
  fmt::print("  Utilities of the result (discounted at clock {:.2f}):\n", r.time_offset + r.elapsed);
  table.print();

  if (r.analysis && r.distances)
    fmt::print("  Efficiency for {}: distance to the Pareto frontier {}, to Nash {}, to Kalai–Smorodinsky {}\n",
               actor_list(scenario, r.analysis_parties), number(r.distances->pareto), number(r.distances->nash),
               number(r.distances->kalai_smorodinsky));
  if (r.analysis && r.analysis->nash) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < r.analysis_parties.size(); ++i)
      cells.push_back(fmt::format("{} {:.3f}", actor_name(scenario, r.analysis_parties[i]),
                                  r.analysis->nash->utilities[i]));
    fmt::print("  Nash point would give: {}\n", fmt::join(cells, ", "));
  }
  if (r.conceded_most) {
    std::vector<std::string> cells;
    for (const Concession& c : r.concessions)
      cells.push_back(fmt::format("{} {}", actor_name(scenario, c.actor), number(c.conceded)));
    fmt::print("  Conceded most: {} (own utility given up from its best to its lowest offer: {})\n",
               actor_name(scenario, *r.conceded_most), fmt::join(cells, ", "));
  }
}

void print_narrative(const Scenario& scenario, const StagedResult& result) {
  fmt::print("{}{}\n", scenario.name, scenario.variant.empty() ? "" : fmt::format(" — variant {}", scenario.variant));
  fmt::print("Strategies: {} · seed {} · discount clock: {}\n", strategy_summary(scenario, result.strategies), result.seed,
             result.clock == DiscountClock::rounds ? "rounds" : "relative time (one unit per stage)");

  std::size_t n = 0;
  for (const StageResult& r : result.stages) print_stage(scenario, result, r, ++n);

  fmt::print("\nFinal outcome\n");
  TextTable issues({"issue", "value", "decided"});
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
      issues.add({issue.id, issue.value_text(*d.value, Issue::TextStyle::described),
                  fmt::format("{} {}", d.in_principle ? "in principle by" : "by", scenario.stages[*d.stage].id)});
    else
      issues.add({issue.id, "open", "-"});
  }
  issues.print();

  fmt::print("\nOverall utility (salience-weighted over stages, discounted; reservation where a stage failed)\n");
  TextTable overall({"actor", "overall", "reservation", "gain"});
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    if (!std::isfinite(result.overall[a])) continue;
    overall.add({scenario.actors[a].id, number(result.overall[a]), number(scenario.actors[a].reservation_value),
                 fmt::format("{:+.3f}", result.overall[a] - scenario.actors[a].reservation_value)});
  }
  overall.print();
}

struct NegotiateOptions {
  std::string file;
  std::string stage;
  std::string variant;
  RunChoices run;
  bool json = false;
  std::string trace;
};

void run_negotiate(const NegotiateOptions& options) {
  const Scenario scenario = load_scenario(options.file, options.variant);
  StagedOptions staged = staged_options(scenario, options.run);
  if (!options.stage.empty()) {
    const auto stage = scenario.find_stage(options.stage);
    if (!stage) {
      std::vector<std::string> ids;
      for (const Stage& s : scenario.stages) ids.push_back(s.id);
      throw InputError("--stage", fmt::format("no stage '{}'{}; stages: {}", options.stage,
                                              suggestion(options.stage, ids), fmt::join(ids, ", ")));
    }
    staged.only_stage = *stage;
  }
  staged.record_trace = true;
  const StagedResult result = run_staged(scenario, staged);
  if (!options.trace.empty()) write_file_atomically(options.trace, trace_to_jsonl(scenario, result));
  if (options.json)
    fmt::print("{}\n", staged_result_to_json(scenario, result).dump(2));
  else
    print_narrative(scenario, result);
}

}  // namespace

void add_run_options(CLI::App& command, RunChoices& choices) {
  command.add_option("--strategy", choices.strategies,
                     "ACTOR=NAME[:k=v,...] (repeat); ACTOR is an actor id or * for everyone else. Overrides the actor's "
                     "own `strategy:`; default boulware. `parley list strategies` lists names and parameters")
      ->allow_extra_args(false);
  command.add_option("--steps", choices.steps, "Deadline in rounds for every stage (default: each stage's deadline)");
  command.add_option("--seed", choices.seed, "Seed of every random choice (default 0); same seed, same result");
  command.add_option("--clock", choices.clock,
                     "What discounting counts: time (each stage one unit of relative time, default) or rounds");
}

StagedOptions staged_options(const Scenario& scenario, const RunChoices& choices) {
  StagedOptions options;
  options.seed = choices.seed;
  if (choices.steps) {
    if (*choices.steps < 1) throw InputError("--steps", fmt::format("{} rounds: use at least 1", *choices.steps));
    options.deadline = *choices.steps;
  }
  if (choices.clock == "time" || choices.clock == "relative_time")
    options.clock = DiscountClock::relative_time;
  else if (choices.clock == "rounds")
    options.clock = DiscountClock::rounds;
  else
    throw InputError("--clock", fmt::format("'{}': use time or rounds", choices.clock));
  for (const std::string& item : choices.strategies) {
    const auto equals = item.find('=');
    const auto colon = item.find(':');
    if (equals == std::string::npos || equals == 0 || (colon != std::string::npos && colon < equals))
      throw InputError("--strategy", fmt::format("'{}' is not ACTOR=NAME[:k=v,...], e.g. us=boulware or ru=aspiration:e=2",
                                                 item));
    const std::string actor = item.substr(0, equals);
    StrategySpec spec = parse_strategy(item.substr(equals + 1));
    if (actor == "*") {
      options.default_strategy = std::move(spec);
      continue;
    }
    options.strategies[resolve_actor(scenario, actor)] = std::move(spec);
  }
  return options;
}

std::string strategy_summary(const Scenario& scenario, const std::vector<std::string>& strategies) {
  if (!strategies.empty() && std::all_of(strategies.begin(), strategies.end(),
                                         [&strategies](const std::string& s) { return s == strategies.front(); }))
    return strategies.front() + " for every actor";
  std::vector<std::string> choices;
  for (std::size_t a = 0; a < scenario.actors.size() && a < strategies.size(); ++a)
    choices.push_back(fmt::format("{} {}", scenario.actors[a].id, strategies[a]));
  return fmt::format("{}", fmt::join(choices, ", "));
}

void add_negotiate(CLI::App& app) {
  auto* command = app.add_subcommand(
      "negotiate", "Simulate a scenario's negotiation stage by stage: channels, ratification, links, results.");
  command->footer(
      "Runs every stage in dependency order (or one with --stage). Only members of a stage's channel sit at\n"
      "the table; outsiders learn what the channel lets them see; ratifiers outside the channel accept\n"
      "iff the agreement is worth their reservation value (or as their --strategy decides). Stage rules\n"
      "(on_failure, reopens, links, nothing_agreed_until_all) come from each stage's settings; see\n"
      "docs/negotiation.md. `parley list strategies` lists every strategy with its parameters and defaults;\n"
      "`parley list protocols` and `parley list settings` the protocols and stage settings.\n\n"
      "Examples:\n"
      "  parley negotiate scenarios/talks-2025.yaml\n"
      "  parley negotiate scenarios/talks-2025.yaml --variant open-format --seed 7\n"
      "  parley negotiate scenarios/talks-2025.yaml --strategy us=conceder --strategy ru=hardliner\n"
      "  parley negotiate scenarios/talks-2025.yaml --stage truce --strategy '*=linear' --steps 20\n"
      "  parley negotiate scenarios/talks-2025.yaml --json --trace talks.jsonl\n"
      "  parley negotiate path/to/genius/CameraB --strategy a=boulware --strategy b=conceder");
  auto options = std::make_shared<NegotiateOptions>();
  command->add_option("FILE", options->file, "Scenario YAML file or GENIUS domain folder")->required();
  command->add_option("--stage", options->stage, "Run only this stage (as if what it waits for held)");
  command->add_option("--variant", options->variant, "Apply this variant of the scenario first");
  add_run_options(*command, options->run);
  command->add_flag("--json", options->json, "Print one JSON document (keys: stages, issues, overall, ...)");
  command->add_option("--trace", options->trace, "Write every event, with who observed it, as JSON Lines to this file");
  command->callback([options] { run_negotiate(*options); });
}

}  // namespace parley::cli
