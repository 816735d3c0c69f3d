// `parley analyze`: Pareto frontier, Nash and Kalai–Smorodinsky points, welfare optima, win-set.

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/win_set.hpp"
#include "parley/io/analysis_json.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/report.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "report_text.hpp"

namespace parley::cli {

namespace {

struct AnalyzeOptions {
  std::string file;
  std::string stage;
  std::string variant;
  std::vector<std::string> parties;
  std::vector<std::string> outcome;
  std::string output;
  bool json = false;
  bool without_links = false;
  std::size_t show_pareto = 10;
  std::uint64_t max_search_nodes = kDefaultMaxSearchNodes;
  std::uint64_t max_work = kDefaultMaxAnalysisWork;
  MemoryLimit memory;
};

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

std::size_t resolve_stage(const Scenario& scenario, const AnalyzeOptions& options) {
  if (options.stage.empty()) return 0;
  if (auto stage = scenario.find_stage(options.stage)) return *stage;
  throw InputError("--stage", fmt::format("no stage '{}'{}; stages: {}", options.stage,
                                          did_you_mean(options.stage, ids_of(scenario.stages)),
                                          fmt::join(ids_of(scenario.stages), ", ")));
}

std::vector<std::size_t> resolve_parties(const Scenario& scenario, std::size_t stage,
                                         const std::vector<std::size_t>& agenda, const AnalyzeOptions& options) {
  if (options.parties.empty()) {
    auto parties = scenario.stage_parties(stage, agenda);
    if (parties.empty())
      throw InputError(options.file, fmt::format("no actor has a stake in stage '{}'", scenario.stages[stage].id));
    return parties;
  }
  std::vector<std::size_t> parties;
  for (const auto& id : options.parties) {
    auto actor = scenario.find_actor(id);
    if (!actor)
      throw InputError("--parties", fmt::format("no actor '{}'{}", id, did_you_mean(id, ids_of(scenario.actors))));
    parties.push_back(*actor);
  }
  return parties;
}

// "--outcome issue=value" for every issue of the stage.
Outcome parse_outcome(const Scenario& scenario, std::size_t stage, const OutcomeSpace& space,
                      const std::vector<std::string>& items) {
  Outcome outcome(space.issue_count(), 0);
  std::vector<bool> given(space.issue_count(), false);
  std::vector<std::string> stage_issue_ids;
  for (std::size_t k = 0; k < space.issue_count(); ++k) stage_issue_ids.push_back(scenario.issues[space.scenario_issue(k)].id);
  for (const auto& item : items) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) throw InputError("--outcome", fmt::format("'{}' is not ISSUE=VALUE", item));
    const std::string id = item.substr(0, equals), value = item.substr(equals + 1);
    std::size_t k = 0;
    while (k < stage_issue_ids.size() && stage_issue_ids[k] != id) ++k;
    if (k == stage_issue_ids.size())
      throw InputError("--outcome", fmt::format("'{}' is not an issue of this stage{}; issues: {}", id,
                                                did_you_mean(id, stage_issue_ids), fmt::join(stage_issue_ids, ", ")));
    const Issue& issue = scenario.issues[space.scenario_issue(k)];
    if (issue.kind == IssueKind::discrete) {
      auto it = std::find(issue.options.begin(), issue.options.end(), value);
      if (it == issue.options.end())
        throw InputError("--outcome", fmt::format("'{}' is not an option of {}{}", value, id, did_you_mean(value, issue.options)));
      outcome[k] = static_cast<std::uint32_t>(it - issue.options.begin());
    } else {
      double number = 0;
      try {
        std::size_t used = 0;
        number = std::stod(value, &used);
        if (used != value.size()) throw std::invalid_argument(value);
      } catch (const std::exception&) {
        throw InputError("--outcome", fmt::format("'{}' is not a number (issue {})", value, id));
      }
      if (!std::isfinite(number)) throw InputError("--outcome", fmt::format("'{}' is not a finite number (issue {})", value, id));
      if (number < issue.lower || number > issue.upper)
        throw InputError("--outcome", fmt::format("{} is outside {}'s range {:g}..{:g}", value, id, issue.lower, issue.upper));
      // An outcome names one of the issue's values; snapping silently would analyse another.
      const std::uint32_t nearest = issue.nearest_value(number);
      const double at = issue.value_number(nearest);
      if (std::abs(at - number) > 1e-9 * std::max(1.0, std::abs(number)))
        throw InputError("--outcome",
                         fmt::format("{} is not a value of issue {} (its {} values run from {:g} to {:g} in steps of "
                                     "{:g}); the nearest is {:g}",
                                     value, id, issue.value_count(), issue.lower, issue.upper,
                                     issue.value_count() > 1 ? (issue.upper - issue.lower) / (issue.value_count() - 1) : 0.0,
                                     at));
      outcome[k] = nearest;
    }
    given[k] = true;
  }
  for (std::size_t k = 0; k < given.size(); ++k)
    if (!given[k]) {
      const std::vector<std::size_t>& own = scenario.stages[stage].issues;
      const bool linked = std::find(own.begin(), own.end(), space.scenario_issue(k)) == own.end();
      throw InputError("--outcome", fmt::format("no value given for issue {}{}", stage_issue_ids[k],
                                                linked ? " (a link joins it to the stage; --without-links leaves it out)"
                                                       : ""));
    }
  return outcome;
}

void run_analyze(const AnalyzeOptions& options) {
  const Scenario scenario = load_scenario(options.file, options.variant);
  const std::size_t stage = resolve_stage(scenario, options);
  // The agenda `negotiate` bargains over when the stage runs first: links join their issues.
  const std::vector<std::size_t> agenda =
      options.without_links ? scenario.stages[stage].issues : standalone_agenda(scenario, stage).issues;
  const auto parties = resolve_parties(scenario, stage, agenda, options);
  const OutcomeSpace space(scenario.issues, agenda);
  std::uint64_t values = 0;
  for (const std::uint32_t radix : space.radices()) values += radix;
  check_memory(saturating_product(parties.size(), values, sizeof(double)), options.memory.bytes(),
               fmt::format("tabulating {} parties' utilities over {} issue values", parties.size(), values),
               "; analyse fewer parties (--parties)");
  std::vector<CompiledUtility> utilities;
  for (std::size_t p : parties) utilities.emplace_back(scenario.actors[p], scenario.issues, space);

  std::optional<ScoredOutcome> probe;
  if (!options.outcome.empty()) {
    ScoredOutcome scored{parse_outcome(scenario, stage, space, options.outcome), {}};
    for (const auto& u : utilities) scored.utilities.push_back(u(scored.outcome));
    probe = std::move(scored);
  }

  AnalysisOptions analysis_options;
  if (options.max_search_nodes < 1) throw InputError("--max-search-nodes", "use at least 1");
  analysis_options.max_search_nodes = options.max_search_nodes;
  analysis_options.max_memory_bytes = options.memory.bytes();
  analysis_options.max_work = options.max_work;
  const Analysis analysis = analyze(utilities, space, analysis_options);
  const WinSet win = win_set(utilities, stage_ratifiers(scenario, stage, parties), space, analysis);
  if (options.json) {
    const std::string text = analysis_to_json(scenario, stage, parties, space, analysis, win, probe).dump(2) + "\n";
    if (options.output.empty())
      fmt::print("{}", text);
    else
      write_output_file(options.output, text);
    return;
  }
  AnalysisReportOptions words;  // the CLI's names for what the narrative refers to
  words.show_pareto = options.show_pareto;
  words.probe = "--outcome";
  words.other_stages = "use --stage";
  words.whole_frontier = "--json for all";
  words.budget_hint = " (--max-search-nodes)";
  print_report(analysis_report(scenario, stage, parties, space, analysis, win, probe, words));
}

}  // namespace

void add_analyze(CLI::App& app) {
  auto* command = app.add_subcommand(
      "analyze",
      "Pareto frontier, Nash and Kalai–Smorodinsky points, utilitarian and egalitarian optima, win-set of a stage.");
  command->footer(
      "Analyses one stage's outcome space (the first stage unless --stage) for the parties\n"
      "whose agreement it needs: its channel's members and its ratifiers (or --parties).\n"
      "The space is the stage's agenda as `parley negotiate` bargains over it when the stage\n"
      "runs first (or with --stage): its issues plus those its links join to them, named on the\n"
      "\"Linked in\" line (--without-links: the stage's own issues only).\n"
      "Utilities are normalised to [0,1]; the disagreement point is each party's reservation value.\n"
      "The win-set is the outcomes every party accepts (utility >= its reservation value): the\n"
      "table's, and the ratifiers' outside the stage's channel (Putnam's two-level games).\n\n"
      "Examples:\n"
      "  parley analyze scenarios/talks-2025.yaml --stage truce\n"
      "  parley analyze scenarios/talks-2025.yaml --stage settlement --variant trade-ukraine\n"
      "  parley analyze scenarios/talks-2025.yaml --stage truce --outcome ceasefire=\"full 30-day\" --outcome aid=60\n"
      "  parley analyze scenarios/talks-2025.yaml --stage truce --parties us,ru --json -o truce.json\n"
      "  parley analyze path/to/genius/CameraA --json");
  auto options = std::make_shared<AnalyzeOptions>();
  command->add_option("FILE", options->file, "Scenario YAML file or GENIUS domain folder (- reads standard input)")->required();
  command->add_option("--stage", options->stage, "Stage id (default: the first stage)");
  command->add_option("--variant", options->variant, "Apply this variant of the scenario first");
  command->add_option("--parties", options->parties, "Actor ids to analyse for, comma-separated")->delimiter(',');
  command->add_option("--outcome", options->outcome,
                      "An outcome to place against the solutions, one ISSUE=VALUE per issue (repeat)");
  command->add_flag("--without-links", options->without_links,
                    "Analyse the stage's own issues only, without the issues links join to them");
  command->add_flag("--json", options->json, "Print one JSON document (keys: parties, outcomes, pareto, nash, ...)");
  command->add_option("-o,--output", options->output, "Write the JSON document to this file instead of stdout")
      ->needs("--json");
  command->add_option("--show-pareto", options->show_pareto, "Pareto points listed in the text output (default 10)");
  command->add_option("--max-search-nodes", options->max_search_nodes,
                      "Node budget of the rectangle search (default 10000000); reaching it makes the result inexact");
  add_work_option(*command, options->max_work,
                  "Steps the Pareto filters among 4 or more parties may take (default 250000000, about 2.5 s)");
  add_memory_option(*command, options->memory);
  command->callback([options] { run_analyze(*options); });
}

}  // namespace parley::cli
