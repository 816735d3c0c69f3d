// `parley negotiate`: simulate a scenario's negotiation stage by stage and tell what happened.

#include <algorithm>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "negotiate_options.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/io/report.hpp"
#include "parley/negotiate/strategies.hpp"
#include "report_text.hpp"

namespace parley::cli {

namespace {

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
  throw InputError("--strategy", fmt::format("no actor '{}'{}; actors: {}", name, did_you_mean(name, ids),
                                             fmt::join(ids, ", ")));
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
                                              did_you_mean(options.stage, ids), fmt::join(ids, ", ")));
    }
    staged.only_stage = *stage;
  }
  staged.record_trace = true;
  const StagedResult result = run_staged(scenario, staged);
  if (!options.trace.empty()) write_file_atomically(options.trace, trace_to_jsonl(scenario, result));
  if (options.json)
    fmt::print("{}\n", staged_result_to_json(scenario, result).dump(2));
  else
    print_report(negotiation_report(scenario, result));
}

}  // namespace

void add_run_options(CLI::App& command, RunChoices& choices) {
  command.add_option("--strategy", choices.strategies,
                     "ACTOR=NAME[:k=v,...] (repeat); ACTOR is an actor id or * for everyone else. Overrides the actor's "
                     "own `strategy:`; default boulware. `parley list strategies` lists names and parameters")
      ->allow_extra_args(false);
  auto* rounds =
      command.add_option("--rounds", choices.rounds, "Deadline in rounds for every stage (default: each stage's deadline)");
  // Deprecated name of --rounds ("steps" now means only the grid points of an issue): hidden,
  // same behaviour, errors name the flag as typed.
  choices.steps_alias = command.add_option("--steps", choices.rounds)->group("")->excludes(rounds);
  command.add_option("--seed", choices.seed, "Seed of every random choice (default 0); same seed, same result")->check(kSeed);
  command.add_option("--clock", choices.clock,
                     "What discounting counts: time (each stage one unit of relative time, default) or rounds");
  add_memory_option(command, choices.memory);
}

StagedOptions staged_options(const Scenario& scenario, const RunChoices& choices) {
  StagedOptions options;
  options.seed = choices.seed;
  if (choices.rounds) {
    const char* flag = choices.steps_alias && choices.steps_alias->count() > 0 ? "--steps" : "--rounds";
    if (*choices.rounds < 1 || *choices.rounds > kMaxDeadlineRounds)
      throw InputError(flag, fmt::format("{} rounds: use 1 to {}", *choices.rounds, kMaxDeadlineRounds));
    options.deadline = *choices.rounds;
  }
  options.max_memory_bytes = choices.memory.bytes();
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
      "  parley negotiate scenarios/talks-2025.yaml --stage truce --strategy '*=linear' --rounds 20\n"
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
