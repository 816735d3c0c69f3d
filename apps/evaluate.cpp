// `parley evaluate`: how well each forecast model has done on decisions with known outcomes.

#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "input_format.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/io/evaluation_input.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

struct EvaluateOptions {
  std::string path;
  std::vector<std::string> models;
  std::string capability = "file";
  int folds = 10;
  std::uint64_t seed = 1;
  int interval_draws = EvaluationOptions{}.interval_draws;
  bool json = false;
  bool timings = false;
  std::string format;
};

std::string percent(double share) { return fmt::format("{:.1f}%", 100 * share); }

void run_evaluate(const EvaluateOptions& options) {
  const InputFormat format = input_format_option(options.format);
  const CapabilitySource capability = parse_capability_source(options.capability);
  const EvaluationInput input = read_evaluation_input(options.path, format, capability);
  EvaluationOptions settings = evaluation_options(input);
  settings.models = options.models;
  settings.folds = options.folds;
  settings.seed = options.seed;
  settings.interval_draws = options.interval_draws;
  const Evaluation evaluation = evaluate(input.cases, settings);
  if (options.json) {
    fmt::print("{}\n", evaluation_document(evaluation, input, options.timings).dump(2));
    return;
  }
  fmt::print("{} cases: {}\n", evaluation.cases, fmt::join(input.sources, "; "));
  fmt::print("Errors in points of a 0–100 scale; capabilities: {}; {}{}\n\n",
             options.capability == "file" ? "as in the data" : "equal",
             evaluation.folds ? fmt::format("{}-fold cross-validation, seed {}", evaluation.folds, evaluation.seed)
                              : std::string("no cross-validation"),
             options.timings ? fmt::format("; {:.2f} s", evaluation.seconds) : "");
  // Wall-clock seconds only on request: the same evaluation prints the same bytes.
  std::vector<std::string> header{"model", "n", "MAE", "median AE", "≤5", "≤10", "coverage80", "width80"};
  if (options.timings) header.push_back("seconds");
  header.push_back("description");
  TextTable table(header);
  for (const ModelScore& s : evaluation.scores) {
    std::vector<std::string> row{s.name + (s.cross_validated ? " *" : ""),
                                 std::to_string(s.n),
                                 s.n ? fmt::format("{:.2f}", s.mae) : "-",
                                 s.n ? fmt::format("{:.2f}", s.median_ae) : "-",
                                 s.n ? percent(s.hit5) : "-",
                                 s.n ? percent(s.hit10) : "-",
                                 s.coverage80 ? percent(*s.coverage80) : "-",
                                 s.width80 ? fmt::format("{:.1f}", *s.width80) : "-"};
    if (options.timings) row.push_back(fmt::format("{:.2f}", s.seconds));
    row.push_back(s.description);
    table.add(row);
  }
  table.print();
  bool any_cv = false;
  for (const ModelScore& s : evaluation.scores) any_cv = any_cv || s.cross_validated;
  if (any_cv) {
    fmt::print("\n* out of sample: parameters fitted on the training folds only, errors on the held-out fold\n");
    for (const ModelScore& s : evaluation.scores)
      if (s.cross_validated && !s.fitted.empty()) fmt::print("  {}: {}\n", s.name, s.fitted);
  }
  bool any_interval = false;
  for (const ModelScore& s : evaluation.scores) any_interval = any_interval || s.coverage80.has_value();
  if (any_interval) {
    fmt::print(
        "\ncoverage80: share of held-out outcomes inside the row's 80% interval (target 80%), width80 its mean width\n"
        "in points. Intervals: the row re-run on draws of the inputs (each actor's position + N(0, ({:g}% of the\n"
        "scale)²), salience + N(0, {:g}²), capability × (1 + N(0, {:g}²))), the draws' 10–90% quantiles widened about\n"
        "the forecast by a factor s chosen on the training folds (training coverage closest to 80%).\n",
        100 * settings.interval_position_sd, settings.interval_salience_sd, settings.interval_capability_sd);
    for (const ModelScore& s : evaluation.scores)
      if (s.coverage80) fmt::print("  {}: {} draws, {}\n", s.name, s.interval_draws, s.interval_fitted);
  } else if (!evaluation.folds) {
    fmt::print("\ncoverage80: needs --folds ≥ 2 (interval coverage is measured out of sample only)\n");
  }
  for (const auto& note : evaluation.notes) fmt::print("Note: {}\n", note);
}

}  // namespace

void add_evaluate(CLI::App& app) {
  auto* command =
      app.add_subcommand("evaluate", "Score the forecast models against decisions with known outcomes (e.g. the DEU data).");
  command->footer(
      "Forecasts every issue with a known outcome (the DEU data's `out`; a scenario issue's\n"
      "known_outcome) with each model and prints, per model, the mean and median absolute error,\n"
      "the share of forecasts within 5 and 10 points, and n (cases it could forecast). Errors are\n"
      "in points of each issue's scale mapped to 0–100. With --folds K ≥ 2 the rows marked *\n"
      "fit their parameters on K−1 folds and are scored on the held-out fold (folds drawn with\n"
      "--seed), so their errors are out of sample. A folder evaluates every file in it.\n"
      "With folds, every row that depends on the actors' inputs also gets an 80% interval from\n"
      "seeded draws of perturbed inputs, widened by a factor fitted on the training folds, and\n"
      "coverage80 (share of held-out outcomes inside it) and width80 (its mean width) are printed\n"
      "beside the errors: docs/models.md, \"Interval coverage on DEU\".\n"
      "Rows: compromise, nash, nash-farthest, nash-reference, salience-mean, mean, median,\n"
      "midpoint, reference-point, actor:ID, eum, smp, compromise-cv, nash-cv, ensemble-cv.\n\n"
      "Examples:\n"
      "  parley evaluate tests/data/deu/deu3.tsv\n"
      "  parley evaluate tests/data/deu/deu3.tsv --folds 10 --seed 7 --json\n"
      "  parley evaluate tests/data/deu/deu3.tsv --models compromise,median,actor:com --folds 0\n"
      "  parley evaluate tests/data/deu/deu3.tsv --capability equal");
  auto options = std::make_shared<EvaluateOptions>();
  command->add_option("FILE_OR_DATASET", options->path, "Data with known outcomes (DEU TSV, scenario, or a folder)")
      ->required();
  command->add_option("--models", options->models, "Rows to compute, comma-separated (default: all that apply)")
      ->delimiter(',');
  command->add_option("--capability", options->capability,
                      "file (default: the data's capabilities) or equal (every actor 1)");
  command->add_option("--folds", options->folds, "Cross-validation folds (default 10; 0 or 1: none)")
      ->check(CLI::Range(0, 100000));
  command->add_option("--seed", options->seed, "Seed of the fold assignment and of the interval draws (default 1)")->check(kSeed);
  command->add_option("--interval-draws", options->interval_draws,
                      fmt::format("Draws per case for the 80% intervals (default {}; eum, smp and other dynamic models "
                                  "use at most {}; 0: no intervals)",
                                  EvaluationOptions{}.interval_draws, EvaluationOptions{}.dynamic_interval_draws))
      ->check(CLI::Range(0, 10000));
  command->add_flag("--json", options->json, "Print one JSON document (keys: cases, folds, seed, scores, sources)");
  command->add_flag("--timings", options->timings,
                    "Add wall-clock seconds per row and in all (text and JSON); without it two runs print the same "
                    "bytes");
  command->add_option("--format", options->format, kFormatHelp);
  command->callback([options] { run_evaluate(*options); });
}

}  // namespace parley::cli
