// `parley evaluate`: how well each forecast model has done on decisions with known outcomes.

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "evaluation_input.hpp"
#include "input_format.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/deu.hpp"
#include "parley/io/forecast_json.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "text_table.hpp"

namespace parley::cli {

namespace {

// The cases of one file: DEU gives one case per issue with an outcome (its actors being
// those with a position); any other input one case per issue with a known outcome. Every
// scenario read is appended to `read` (the document header hashes them). DEU files also name
// their benchmark actors (the Commission).
void add_cases(const std::filesystem::path& file, InputFormat format, std::vector<EvaluationCase>& cases,
               std::vector<std::string>& sources, std::vector<Scenario>& read,
               std::vector<std::string>& benchmark_actors) {
  if (format == InputFormat::automatic) format = detect_input_format(file);
  std::size_t before = cases.size();
  if (format == InputFormat::deu) {
    DeuData data = import_deu(file);
    for (const auto& id : data.benchmark_actors)
      if (std::find(benchmark_actors.begin(), benchmark_actors.end(), id) == benchmark_actors.end())
        benchmark_actors.push_back(id);
    for (const Scenario& issue : data.issues)
      for (auto& c : evaluation_cases(issue)) cases.push_back(std::move(c));
    for (Scenario& issue : data.issues) read.push_back(std::move(issue));
    sources.push_back(fmt::format("{} ({} issues with an outcome; {}; {} saliences imputed)", file.filename().string(),
                                  cases.size() - before, data.conventions, data.imputed_saliences));
    return;
  }
  read.push_back(load_scenario(file, "", format));
  for (auto& c : evaluation_cases(read.back())) cases.push_back(std::move(c));
  sources.push_back(fmt::format("{} ({} issues with a known outcome)", file.filename().string(), cases.size() - before));
}


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
  if (options.capability != "file" && options.capability != "equal")
    throw InputError("--capability", fmt::format("'{}': use file (the data's capabilities) or equal (every actor 1)",
                                                 options.capability));
  EvaluationInput input = read_evaluation_input(options.path, format, options.capability);
  const std::vector<EvaluationCase>& cases = input.cases;
  const std::vector<std::string>& sources = input.sources;
  const std::vector<Scenario>& read = input.read;
  const std::vector<std::string>& benchmark_actors = input.benchmark_actors;

  EvaluationOptions settings;
  settings.models = options.models;
  settings.benchmark_actors = benchmark_actors;
  settings.folds = options.folds;
  settings.seed = options.seed;
  settings.interval_draws = options.interval_draws;
  const Evaluation evaluation = evaluate(cases, settings);
  if (options.json) {
    nlohmann::json document = evaluation_to_json(evaluation, options.timings);
    document["sources"] = sources;
    document["capability"] = options.capability;
    add_document_header(document, scenario_hash(read));  // every scenario read, in order
    fmt::print("{}\n", document.dump(2));
    return;
  }
  fmt::print("{} cases: {}\n", evaluation.cases, fmt::join(sources, "; "));
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

EvaluationInput read_evaluation_input(const std::string& path_text, InputFormat format, const std::string& capability) {
  EvaluationInput input;
  const std::filesystem::path path(path_text);
  if (std::filesystem::is_directory(path) && format != InputFormat::genius) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
      add_cases(file, format, input.cases, input.sources, input.read, input.benchmark_actors);
  } else {
    add_cases(path, format, input.cases, input.sources, input.read, input.benchmark_actors);
  }
  if (input.cases.empty())
    throw InputError(path_text, "no issue with a known outcome to evaluate against (DEU data: the `out` column)");
  if (capability == "equal")
    for (auto& c : input.cases) c.table.capability.assign(c.table.actor_count(), 1.0);
  return input;
}

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
