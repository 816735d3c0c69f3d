// `parley report`: one self-contained HTML page with charts, for a scenario, a results
// database or the DEU evaluation.

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "input_format.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/io/files.hpp"
#include "parley/io/results_db.hpp"
#include "parley/io/evaluation_input.hpp"
#include "parley/report/evaluation_report.hpp"
#include "parley/report/study_report.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/report/scenario_report.hpp"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  std::string file;
  std::string evaluate;  // --evaluate DATA
  std::string variant;
  std::string output;
  std::string charts_dir;
  std::uint64_t seed = 0;
  std::uint64_t interval_runs = 200;
  MemoryLimit memory;
};

// SQLite files start with this header (sqlite.org/fileformat.html, 1.3.1).
bool is_sqlite_file(const std::string& path) {
  if (is_standard_stream(path)) return false;
  std::ifstream in(path, std::ios::binary);
  char magic[16] = {};
  return in.read(magic, sizeof magic) && std::string(magic, 15) == "SQLite format 3";
}

std::string default_output(const std::string& file) {
  if (file == "-") return "report.html";
  return fs::path(file).stem().string() + ".html";
}

void write_charts(const std::string& folder, const HtmlPage& page) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw InputError("--charts-dir", fmt::format("cannot create {}: {}", folder, error.message()));
  std::size_t n = 0;
  for (const Chart& chart : page.charts())
    write_output_file(fs::path(folder) / fmt::format("chart-{}-{}.json", ++n, chart.kind), chart.spec.dump(2) + "\n");
}

HtmlPage make_page(const ReportOptions& options) {
  if (!options.evaluate.empty()) {
    if (!options.file.empty())
      throw InputError("--evaluate", fmt::format("give either FILE ({}) or --evaluate DATA, not both", options.file));
    const EvaluationInput input = read_evaluation_input(options.evaluate);
    EvaluationOptions settings = evaluation_options(input);
    settings.seed = 1;
    const Evaluation evaluation = evaluate(input.cases, settings);
    return evaluation_report(evaluation, input.cases, input.sources, scenario_hash(input.read));
  }
  if (options.file.empty()) throw InputError("FILE", "give a scenario, a results database, or --evaluate DATA");
  if (is_sqlite_file(options.file)) {
    if (!options.variant.empty())
      throw InputError("--variant", "a results database has no variants (the sweep records the one it ran)");
    return study_report(read_results(options.file), options.file);
  }
  const Scenario scenario = load_scenario(options.file, options.variant);
  std::vector<Scenario> variants;
  if (options.variant.empty())
    for (const VariantSummary& variant : scenario.variants) variants.push_back(load_scenario(options.file, variant.id));
  ScenarioReportOptions settings;
  settings.seed = options.seed;
  settings.interval_runs = options.interval_runs;
  settings.max_memory_bytes = options.memory.bytes();
  return scenario_report(scenario, variants, settings);
}

void run_report(const ReportOptions& options) {
  const std::string& input = options.evaluate.empty() ? options.file : options.evaluate;
  const std::string output =
      options.output.empty() ? (options.evaluate.empty() ? default_output(input) : "evaluation.html") : options.output;
  // The output's folder is checked before the work, which can take seconds.
  const fs::path folder = fs::path(output).parent_path();
  if (!is_standard_stream(output) && !folder.empty() && !fs::is_directory(folder))
    throw InputError(output, fmt::format("cannot write: the folder {} does not exist", folder.string()));
  const HtmlPage page = make_page(options);
  write_output_file(output, page.html());
  if (!options.charts_dir.empty()) write_charts(options.charts_dir, page);
  if (!is_standard_stream(output))
    fmt::print("Report written to {} ({} charts{})\n", output, page.charts().size(),
               options.charts_dir.empty() ? "" : ", their specs in " + options.charts_dir);
}

}  // namespace

void add_report(CLI::App& app) {
  auto* command = app.add_subcommand("report", "Write one self-contained HTML page with charts: a scenario, a "
                                               "tournament or sweep database, or the DEU evaluation.");
  command->footer(
      "For a results database: a tournament's ranking with 95% intervals, box plots of each strategy's\n"
      "utility and agreement rates; a sweep's forecasts over the draws, each stage's utility histograms\n"
      "and the sensitivity (tornado) charts. For --evaluate: each model's errors and interval coverage.\n"
      "For a scenario: the scenario itself, where the actors stand on each issue (sized by capability ×\n"
      "salience), the staged negotiation with its narrative, each stage's Pareto frontier (Nash,\n"
      "Kalai-Smorodinsky, utilitarian and egalitarian points, the agreement) and negotiation dance,\n"
      "every forecast model per issue (with 80% intervals when the scenario has an `uncertainty:`\n"
      "section) and how SMP and EUM move positions, and the variants side by side.\n"
      "The page holds its charts' libraries (Vega-Lite, rendered as SVG) and data: it opens offline,\n"
      "makes no network request and prints. Beside every chart is a table of the same numbers.\n"
      "--charts-dir writes each chart's Vega-Lite spec as JSON, for your own notebooks.\n\n"
      "Examples:\n"
      "  parley report scenarios/talks-2025.yaml -o talks.html\n"
      "  parley report scenarios/talks-2025.yaml --variant trade-ukraine -o trade.html\n"
      "  parley report scenarios/talks-2025.yaml --charts-dir charts/\n"
      "  parley report results/tournament-2026-12-01-1a2b3c4d.sqlite -o tournament.html\n"
      "  parley report --evaluate tests/data/deu/deu3.tsv -o deu.html");
  auto options = std::make_shared<ReportOptions>();
  command->add_option("FILE", options->file,
                      "Scenario YAML (or anything `parley negotiate` reads; - reads standard input), or a results "
                      "database of `parley tournament` or `parley sweep`");
  command->add_option("--evaluate", options->evaluate,
                      "Report `parley evaluate` on this data instead (DEU TSV, or scenarios with known outcomes; 10 "
                      "folds, seed 1, as `parley evaluate` by default)");
  command->add_option("--variant", options->variant, "Report this variant of the scenario (no comparison then)");
  command->add_option("-o,--output", options->output, "The HTML file to write (default: FILE's name with .html, here; - for standard output)");
  command->add_option("--charts-dir", options->charts_dir, "Also write each chart's Vega-Lite spec to this folder (made if missing)");
  command->add_option("--seed", options->seed, "Seed of the negotiation and the interval draws (default 0)")->check(kSeed);
  command->add_option("--runs", options->interval_runs,
                      "Draws behind the forecasts' 80% intervals when the scenario has an uncertainty section "
                      "(default 200; 0: no intervals)");
  add_memory_option(*command, options->memory);
  command->callback([options] { run_report(*options); });
}

}  // namespace parley::cli
