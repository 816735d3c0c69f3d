// Shared parts of the study commands, and `parley results`' printing.
#include "study.hpp"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

#include "parley/io/studies.hpp"
#include "parley/io/sweep_summary.hpp"
#include "parley/io/sweep_results.hpp"
#include "parley/io/tournament_results.hpp"
#include "parley/run/tournament.hpp"
#include "sweep_output.hpp"
#include "text_table.hpp"

namespace parley::cli {
namespace {

std::string percent(const Estimate& e) {
  if (std::isnan(e.mean)) return "-";
  if (std::isnan(e.low)) return fmt::format("{:.0f}%", 100 * e.mean);
  return fmt::format("{:.0f}% [{:.0f}, {:.0f}]", 100 * e.mean, 100 * e.low, 100 * e.high);
}
std::string interval(const Estimate& e, int digits = 3) {
  if (std::isnan(e.mean)) return "-";
  if (std::isnan(e.low)) return fmt::format("{:.{}f}", e.mean, digits);
  return fmt::format("{:.{}f} ± {:.{}f}", e.mean, digits, (e.high - e.low) / 2, digits);
}

void print_tournament(const StoredStudy& study, const std::string& path, const StudyOutput& output) {
  const std::vector<std::string> strategies = stored_tournament_strategies(study);
  const TournamentSummary summary = summarize_stored_tournament(study);
  if (output.csv) {
    fmt::print("{}", tournament_summary_to_csv(summary));
    return;
  }
  std::size_t domains = 0;
  try {
    domains = nlohmann::json::parse(study.parameter("domains")).size();
  } catch (const nlohmann::json::exception&) {
  }
  fmt::print("Tournament: {} strategies on {} domain{}, {} of {} negotiations{} · seed {} · {} rounds · protocol {}\n",
             strategies.size(), domains, domains == 1 ? "" : "s", summary.runs, study.identity.runs,
             summary.runs < study.identity.runs ? " (unfinished: run the same command again to continue)" : "",
             study.parameter("seed"), study.parameter("rounds"), study.parameter("protocol"));
  fmt::print("Results database: {}\n\n", terminal_safe(path));
  TextTable table({"rank", "strategy", "utility (95% CI)", "ANAC score", "agreement", "welfare", "to Pareto", "to Nash",
                   "rounds", "negotiations"});
  for (std::size_t i = 0; i < summary.ranking.size(); ++i) {
    const StrategyScore& s = summary.ranking[i];
    table.add({std::to_string(i + 1), s.strategy, interval(s.utility), interval(s.anac_score), percent(s.agreement),
               interval(s.welfare), interval(s.pareto_distance), interval(s.nash_distance), interval(s.rounds, 1),
               std::to_string(s.negotiations)});
  }
  table.print();
  fmt::print(
      "\nutility: own discounted utility per negotiation (reservation value without agreement), mean ± half the 95%\n"
      "confidence interval; ANAC score: the same against other strategies only; agreement: rate [95% Wilson\n"
      "interval]; to Pareto / to Nash: distance of the utilities to the frontier and to the Nash point.\n");
}

void print_sweep_study(const StoredStudy& study, const std::string& path, const StudyOutput& output) {
  const SweepPlan plan = stored_sweep_plan(study);
  const SweepSummary summary = summarize_sweep(plan, study.records);
  if (output.csv) {
    fmt::print("{}", sweep_summary_to_csv(plan, summary));
    return;
  }
  if (summary.runs < study.identity.runs)
    fmt::print("Unfinished: {} of {} draws (run the same command again to continue)\n", summary.runs,
               study.identity.runs);
  print_sweep(plan, summary);
  fmt::print("\nResults database: {}\n", terminal_safe(path));
}

}  // namespace

bool StudyOutput::show_progress() const { return !quiet && ::isatty(STDERR_FILENO); }

void add_study_output_options(CLI::App& command, StudyOutput& output) {
  command.add_option("--threads", output.threads, "Worker threads (default: every core); results do not depend on it")
      ->check(CLI::Range(std::size_t(1), std::size_t(4096)));
  command.add_option("--db", output.database,
                     "Results database (SQLite) to write or resume (default results/NAME-DATE-HASH.sqlite)");
  command.add_flag("--json", output.json, "Print the summary as one JSON document");
  command.add_flag("--csv", output.csv, "Print the summary as CSV")->excludes("--json");
  command.add_flag("--quiet", output.quiet, "No progress line on stderr");
}

void print_stored_study(const StoredStudy& study, const std::string& path, const StudyOutput& output) {
  if (output.json) {
    fmt::print("{}\n", stored_study_json(study, path).dump(2));
    return;
  }
  if (study_kind(study, path) == StudyKind::tournament) return print_tournament(study, path, output);
  print_sweep_study(study, path, output);
}

}  // namespace parley::cli
